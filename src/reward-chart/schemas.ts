/**
 * The reward chart's zod/mini schemas, types and limits: the chart, its focus expectations
 * and awards.
 */
import * as z from 'zod/mini';
import {
  idSchema as id,
  requiredTextSchema as requiredText,
  textSchema as text,
  titleSchema as title,
  isoDateSchema as isoDate,
  contentLangSchema as contentLang,
  pictogramSchema,
  lengthBetween,
  integer,
  countSchema as count,
} from '../core/schemas.js';

/** Longest reason for an award, and the longest reward a teacher names for a new goal. */
export const REWARD_TEXT_MAX_LENGTH = 120;
/**
 * How long a teacher can take back a mis-tapped award: the reward chart offers Undo this long,
 * and adapters refuse an undo of an award older than this.
 */
export const UNDO_WINDOW_MS = 10_000;

export const focusExpectationSchema = z.object({ id, text: requiredText, pictogram: pictogramSchema });
export type FocusExpectation = z.infer<typeof focusExpectationSchema>;

export const awardSchema = z.object({
  id,
  /** Who gave it: at school or at home. */
  source: z.enum(['school', 'home']),
  /** The focus expectation this award reinforces, if any. */
  expectationId: z.optional(id),
  reason: z.optional(text),
  givenBy: z.optional(text),
  createdAt: isoDate,
});
export type Award = z.infer<typeof awardSchema>;

/**
 * One option the adults allow on a personal chart (issue 24): the goal's words or a reward, with
 * a drawn picture by name (`CHOICE_PICTURES` in ./choice-pictures.ts; an unknown name shows none).
 */
export const chartChoiceSchema = z.object({ id, text: requiredText, picture: z.optional(z.string().check(lengthBetween(1, 32))) });
export type ChartChoice = z.infer<typeof chartChoiceSchema>;

/** At most this many options of each kind (the goal's words, the rewards) on a chart (issue 24). */
export const CHOICES_MAX = 6;
/** The longest option an adult may set (`setChartChoices`): a few words a child reads. */
export const CHOICE_TEXT_MAX = 80;

/** The options the adults allow for a personal chart, and what the child chose (by option id). */
export const chartChoicesSchema = z.object({
  words: z.array(chartChoiceSchema).check(lengthBetween(0, CHOICES_MAX)),
  rewards: z.array(chartChoiceSchema).check(lengthBetween(0, CHOICES_MAX)),
  wordsId: z.optional(id),
  rewardId: z.optional(id),
});
export type ChartChoices = z.infer<typeof chartChoicesSchema>;

export const rewardChartSchema = z.object({
  id,
  kind: z.enum(['class', 'personal']),
  title,
  /** Tokens needed for the reward; positive only, by design. */
  goal: integer(1, 1000),
  reward: requiredText,
  focus: z.array(focusExpectationSchema).check(lengthBetween(0, 2)),
  awards: z.array(awardSchema),
  earnedRewards: z.optional(z.array(z.object({ reward: requiredText, earnedAt: isoDate }))),
  childName: z.optional(text),
  homeStickersEnabled: z.optional(z.boolean()),
  /** Personal charts: the goal's words and rewards the child may choose from (issue 24). */
  choices: z.optional(chartChoicesSchema),
  /** Personal charts: whose chart it is (the child's id at the host), for a tip and top about them (issue 24). */
  childId: z.optional(id),
  /**
   * Personal charts, teacher only: the child's families (or households), so the teacher can send
   * them a tip and top (issue 24). Never sent to a parent or child.
   */
  families: z.optional(z.array(z.object({ familyId: id, householdId: z.optional(id), name: text }))),
  /**
   * Class charts, teacher only (issue 24): this week, which children of the class were recognised
   * (a token for them, a school sticker on their chart) and how many compliments were given. A
   * gentle nudge toward four compliments to one correction: no ranking, no totals per child, and
   * never sent to a parent or child.
   */
  recognition: z.optional(
    z.object({
      children: z.array(z.object({ childId: id, name: z.optional(text), recognised: z.boolean() })),
      compliments: count,
    }),
  ),
  /** Language of the chart's words (title, reward, focus), e.g. `nl`. */
  lang: contentLang,
});
export type RewardChart = z.infer<typeof rewardChartSchema>;
