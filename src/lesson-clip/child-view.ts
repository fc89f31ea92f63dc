/**
 * The lesson clip's child view (issue 24): what the class sees together on the digiboard, under
 * the clip and what they learned. How many families watched their clip, talked about it and
 * reacted, as big friendly figures (a count below `BOARD_MIN_FAMILIES` is "a few", see
 * ./board.ts), and the answers families chose to share with the class, without names. Nothing
 * here can show a name: the board's data has none. Loaded only for `view="child"` (see
 * `LazyView` in core), so parents and teachers never download it.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { TextLanguage } from '../core/content-lang.js';
import type { Messages } from '../core/i18n.js';
import { inLanguage } from '../core/in-language.js';
import type { Spoken } from '../core/read-aloud.js';
import { boardFigure, type BoardCount, type ClassBoard } from './board.js';
import type { ClipMessages } from './messages.js';

/** What the child view reads through its lesson clip element. */
export interface ClipChildHost {
  readonly m: ClipMessages;
  readonly t: Messages;
  familyText(): TextLanguage;
  /** The read-aloud button for these sentences (nothing where the device cannot speak). */
  readAloud(sentences: () => readonly Spoken[]): TemplateResult | typeof nothing;
}

/** A figure as shown: the number (0 names nobody), or "a few" for one or two families. */
function figureText(m: ClipMessages, value: BoardCount): string {
  const figure = boardFigure(value);
  return figure.kind === 'exact' ? String(figure.n) : figure.kind === 'few' ? m.boardFew : '0';
}

/** A figure's label in the grammatical number of what is shown: the number, or "a few" (Polish: 2 rodziny, kilka rodzin). */
function label(of: (n: number | 'few') => string, value: BoardCount): string {
  const figure = boardFigure(value);
  return of(figure.kind === 'exact' ? figure.n : figure.kind === 'few' ? 'few' : 0);
}

export function renderBoard(host: ClipChildHost, board: ClassBoard): TemplateResult {
  const m = host.m;
  const figures: [string, BoardCount, string][] = [
    ['seen', board.seen, label(m.boardSeen, board.seen)],
    ['talked', board.talked, label(m.boardTalked, board.talked)],
    ['reacted', board.reacted, label(m.boardReacted, board.reacted)],
  ];
  const family = host.familyText();
  const sentences = (): readonly Spoken[] => [
    m.boardHeading,
    ...figures.map(([, value, label]) => `${figureText(m, value)} ${label}`),
    ...(board.answers.length
      ? [m.boardAnswers, ...board.answers.map((a) => ({ text: a.text, lang: family.lang ?? host.t.locale }))]
      : [m.boardNoAnswers]),
  ];
  return html`<section role="group" part="board" class="board" aria-labelledby="board-heading">
    <h3 id="board-heading">${m.boardHeading}</h3>
    ${host.readAloud(sentences)}
    <ul class="figures" role="list">
      ${figures.map(([kind, value, label]) => {
        const figure = boardFigure(value);
        return html`<li class="figure figure-${kind} ${figure.kind}">
          <span class="figure-value">${figureText(m, value)}</span>
          <span class="figure-label">${label}</span>
        </li>`;
      })}
    </ul>
    <section role="group" class="shared" aria-labelledby="shared-heading">
      <h3 id="shared-heading">${m.boardAnswers}</h3>
      ${
        board.answers.length
          ? html`<p class="shared-note">${m.boardAnswersNote}</p>
            <ul part="board-answers" class="shared-answers" role="list">
              ${board.answers.map((a) => html`<li><p ${inLanguage(family)}>${a.text}</p></li>`)}
            </ul>`
          : html`<p class="shared-note">${m.boardNoAnswers}</p>`
      }
    </section>
  </section>`;
}

export const styles = css`
  /* Read from the back of the classroom: large type on the board, still fine on a tablet. */
  :host([view='child']) .card {
    font-size: clamp(1.15rem, 0.9rem + 1.2vw, 1.9rem);
    line-height: 1.4;
  }
  .board h3 {
    font-size: 1.1em;
  }
  .figures {
    list-style: none;
    margin: 0.5em 0 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 9em), 1fr));
    gap: 0.6em;
  }
  .figure {
    display: grid;
    justify-items: center;
    text-align: center;
    gap: 0.15em;
    padding: 0.6em 0.5em;
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    border: 2px solid var(--_border);
  }
  .figure-value {
    font-size: 2.4em;
    font-weight: 800;
    line-height: 1.1;
    color: var(--_accent);
  }
  /* "A few" is words: a little smaller than a number, so it fits the tile. */
  .figure.few .figure-value {
    font-size: 1.5em;
  }
  .figure-label {
    font-weight: 600;
  }
  .shared {
    margin-block-start: 0.8em;
  }
  .shared-note {
    margin: 0.25em 0 0.5em;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .shared-answers {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14em), 1fr));
    gap: 0.6em;
  }
  .shared-answers li {
    padding: 0.6em 0.8em;
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    border-inline-start: 0.3em solid var(--_accent);
  }
  .shared-answers p {
    margin: 0;
    /* A family's own words take their direction from their first letter. */
    unicode-bidi: plaintext;
  }
  @media (forced-colors: active) {
    .figure,
    .shared-answers li {
      border-color: CanvasText;
    }
  }
`;
