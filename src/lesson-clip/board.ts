/**
 * The class board of a lesson clip (issue 24): what the class sees together on the digiboard.
 * How many families watched the clip, talked about it and reacted, and the answers families
 * chose to share with the class ("De klas mag ons antwoord zien, zonder naam"). Never a name,
 * a family id or a household: the board's schema has no field that could carry one.
 *
 * Small counts: a figure of 1 or 2 ({@link BOARD_MIN_FAMILIES} − 1 or fewer) is shown as "a few
 * families", never as the number. In a class of 25, "1 family watched" lets children guess whose
 * family it was (the child who talks about it at the board); "a few" does not, and it still says
 * something happened. 0 is shown as 0 ("no one yet"): it names nobody. The board never shows the
 * class's total beside a figure either, so "23 of 24" cannot single out the one family that did
 * not. The adapter coarsens ({@link toClassBoard}); the widget coarsens again
 * ({@link boardFigure}), so a host that sends exact small numbers still shows "a few".
 *
 * Shared answers are shown as the family wrote them, without name or time (a time could tell
 * whose it was), in an order that is not the order of writing. Families opted in per answer;
 * the checkbox says the class sees the words.
 */
import * as z from 'zod/mini';
import { idSchema as id, countSchema as count, textSchema as text } from '../core/schemas.js';

/** Below this many families a figure is "a few", not a number. */
export const BOARD_MIN_FAMILIES = 3;

/** A figure on the board: an exact count (0, or at least {@link BOARD_MIN_FAMILIES}) or `"few"`. */
export const boardCountSchema = z.union([count, z.literal('few')]);
export type BoardCount = z.infer<typeof boardCountSchema>;

export const classBoardSchema = z.object({
  clipId: id,
  /** Families who watched the clip. */
  seen: boardCountSchema,
  /** Families who talked about it at home (answered or tapped "we talked about it"). */
  talked: boardCountSchema,
  /** Families who reacted to the clip. */
  reacted: boardCountSchema,
  /** The words of answers families chose to share with the class: text only, no name, id or time. */
  answers: z.array(z.object({ text })),
});
export type ClassBoard = z.infer<typeof classBoardSchema>;

/** How the board shows a figure: nothing yet, a few, or the number. */
export type BoardFigure = { kind: 'none' } | { kind: 'few' } | { kind: 'exact'; n: number };

export function boardFigure(value: BoardCount): BoardFigure {
  if (value === 'few') return { kind: 'few' };
  if (value <= 0) return { kind: 'none' };
  return value < BOARD_MIN_FAMILIES ? { kind: 'few' } : { kind: 'exact', n: value };
}

/** An exact count as the board may carry it. */
export function coarsen(n: number): BoardCount {
  return n > 0 && n < BOARD_MIN_FAMILIES ? 'few' : n;
}

/** What an adapter builds the board from: exact counts and the answers with their sharing choice. */
export interface BoardSource {
  clipId: string;
  seen: number;
  talked: number;
  reacted: number;
  answers: readonly { kind: string; text?: string | undefined; shareWithClass?: boolean | undefined }[];
}

/**
 * The class board from exact figures: small counts coarsened, and only the written answers the
 * family chose to share, as bare text, sorted by their words (not by who or when).
 */
export function toClassBoard(source: BoardSource): ClassBoard {
  const answers = source.answers
    .filter((a) => a.shareWithClass === true && a.kind === 'text' && typeof a.text === 'string' && a.text.trim() !== '')
    .map((a) => ({ text: a.text as string }))
    .sort((a, b) => a.text.localeCompare(b.text));
  return {
    clipId: source.clipId,
    seen: coarsen(source.seen),
    talked: coarsen(source.talked),
    reacted: coarsen(source.reacted),
    answers,
  };
}
