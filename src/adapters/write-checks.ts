/**
 * What the MemoryAdapter (and so the reference server, whose domain layer it is) accepts in a
 * write beyond who may make it: the limits the widgets' fields already keep (answer and reply
 * lengths, a check-in's fields, the matrix editor's limits). Anything outside them is
 * `invalid-data` and changes nothing; the policy (src/core/policy.ts) is checked before this.
 */
import * as z from 'zod/mini';
import { SamenError, type SamenIssue } from '../core/errors.js';
import { toIssues } from '../core/parse.js';
import { expectationMatrixSchema, MATRIX_LIMITS, SUCCESS_MAX_LENGTH, type ExpectationMatrix } from '../expectation-matrix/schemas.js';
import { reactionIdSchema, REPLY_MAX_LENGTH } from '../feedback-bar/schemas.js';
import { CHECKIN_NOTE_MAX_LENGTH, feelingIdSchema } from '../feelings-checkin/schemas.js';
import { ANSWER_MAX_LENGTH, homeAnswerKindSchema } from '../lesson-clip/schemas.js';
import { CHOICE_TEXT_MAX, CHOICES_MAX, REWARD_TEXT_MAX_LENGTH } from '../reward-chart/schemas.js';
import { THREAD_MESSAGE_MAX_LENGTH } from '../thread/schemas.js';
import { PREPARATION_MAX_LENGTH, RSVP_MAX_PEOPLE, rsvpAnswerSchema } from '../meeting/schemas.js';
import {
  ANSWER_MAX_LENGTH as EVALUATION_ANSWER_MAX_LENGTH,
  audienceSchema,
  MAX_OPTIONS,
  MAX_QUESTIONS,
  phaseSchema,
  questionKindSchema,
} from '../evaluation/schemas.js';

const optionalId = z.optional(z.string().check(z.minLength(1), z.maxLength(200)));
/** At most `max` characters once trimmed (the textarea's `maxlength` on what is kept). */
const upTo = (max: number) => z.string().check(z.trim(), z.maxLength(max));
const oneTo = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
/** The options an adult sets for a child's choice (issue 24): at most six, each a few words. */
const chartChoices = z
  .array(
    z.object({
      id: z.string().check(z.minLength(1), z.maxLength(200)),
      text: oneTo(CHOICE_TEXT_MAX),
      picture: z.optional(z.string().check(z.minLength(1), z.maxLength(32))),
    }),
  )
  .check(z.maxLength(CHOICES_MAX));

const INPUTS: Record<string, z.ZodMiniType> = {
  saveHomeAnswer: z.object({
    kind: homeAnswerKindSchema,
    text: z.optional(upTo(ANSWER_MAX_LENGTH)),
    shareWithClass: z.optional(z.boolean()),
  }),
  setReaction: z.object({ reaction: reactionIdSchema, on: z.boolean() }),
  addReply: z.object({ text: oneTo(REPLY_MAX_LENGTH) }),
  award: z.object({ expectationId: optionalId, reason: z.optional(upTo(REWARD_TEXT_MAX_LENGTH)), childId: optionalId }),
  redeem: z.object({
    nextGoal: z.optional(z.int().check(z.positive(), z.lte(1000))),
    nextReward: z.optional(upTo(REWARD_TEXT_MAX_LENGTH)),
  }),
  saveCheckin: z.object({
    feeling: feelingIdSchema,
    strength: z.int().check(z.gte(1), z.lte(5)),
    context: z.enum(['home', 'school']),
    note: z.optional(upTo(CHECKIN_NOTE_MAX_LENGTH)),
    createdAt: z.iso.datetime({ offset: true }),
  }),
  saveExpectationMatrix: z.object({ matrix: expectationMatrixSchema, baseVersion: z.int() }),
  shareSuccess: z.object({ expectationId: optionalId, text: oneTo(SUCCESS_MAX_LENGTH) }),
  addThreadMessage: z.object({ text: oneTo(THREAD_MESSAGE_MAX_LENGTH) }),
  chooseChartGoal: z.object({ wordsId: optionalId, rewardId: optionalId }),
  setChartChoices: z.object({ words: chartChoices, rewards: chartChoices }),
  saveRsvp: z.object({ answer: rsvpAnswerSchema, people: z.int().check(z.gte(0), z.lte(RSVP_MAX_PEOPLE)) }),
  savePreparation: z.object({
    keywords: upTo(PREPARATION_MAX_LENGTH),
    goesWell: upTo(PREPARATION_MAX_LENGTH),
    talkAbout: upTo(PREPARATION_MAX_LENGTH),
  }),
  submitEvaluationResponse: z.object({
    answers: z
      .array(z.object({ questionId: z.string().check(z.minLength(1), z.maxLength(200)), value: upTo(EVALUATION_ANSWER_MAX_LENGTH) }))
      .check(z.maxLength(MAX_QUESTIONS)),
  }),
  saveEvaluation: z.object({
    phase: phaseSchema,
    audiences: z.array(audienceSchema).check(z.minLength(1)),
    anonymous: z.boolean(),
    closesAt: z.optional(z.iso.datetime({ offset: true })),
    questions: z
      .array(
        z.object({
          id: z.string().check(z.minLength(1), z.maxLength(200)),
          kind: questionKindSchema,
          text: oneTo(300),
          options: z.optional(
            z
              .array(z.object({ value: z.string().check(z.minLength(1), z.maxLength(200)), label: oneTo(100) }))
              .check(z.maxLength(MAX_OPTIONS)),
          ),
          audiences: z.optional(z.array(audienceSchema)),
        }),
      )
      .check(z.maxLength(MAX_QUESTIONS)),
  }),
};

/** Throws `invalid-data` naming the fields when `input` of `method` is outside the limits. */
export function checkWriteInput(method: string, input: unknown): void {
  const schema = Object.prototype.hasOwnProperty.call(INPUTS, method) ? INPUTS[method] : undefined;
  if (!schema) return;
  const parsed = z.safeParse(schema, input);
  if (!parsed.success) throw new SamenError('invalid-data', `invalid ${method} input`, toIssues(parsed.error));
  if (method === 'saveExpectationMatrix') {
    const issues = matrixLimitIssues((input as { matrix: ExpectationMatrix }).matrix);
    if (issues.length) throw new SamenError('invalid-data', 'matrix outside its limits', issues);
  }
}

/**
 * The editor's limits on a matrix being saved ({@link MATRIX_LIMITS}): rows, columns, names,
 * expectations per cell and their length, and cells only where a row meets a column.
 */
export function matrixLimitIssues(matrix: ExpectationMatrix): SamenIssue[] {
  const issues: SamenIssue[] = [];
  for (const axis of ['values', 'locations'] as const) {
    if (matrix[axis].length > MATRIX_LIMITS[axis]) issues.push({ path: `matrix.${axis}`, message: `more than ${MATRIX_LIMITS[axis]}` });
    matrix[axis].forEach((item, i) => {
      if (item.label.trim().length > MATRIX_LIMITS.nameLength)
        issues.push({ path: `matrix.${axis}.${i}.label`, message: `longer than ${MATRIX_LIMITS.nameLength}` });
    });
  }
  const keys = new Set(matrix.values.flatMap((v) => matrix.locations.map((l) => `${v.id}/${l.id}`)));
  for (const [key, list] of Object.entries(matrix.cells)) {
    // A key outside the grid is not echoed in the path: it is whatever was sent.
    if (!keys.has(key)) {
      issues.push({ path: 'matrix.cells', message: 'a cell outside the rows and columns' });
      continue;
    }
    if (list.length > MATRIX_LIMITS.perCell) issues.push({ path: `matrix.cells.${key}`, message: `more than ${MATRIX_LIMITS.perCell}` });
    list.forEach((e, i) => {
      if (e.text.trim().length > MATRIX_LIMITS.expectationLength) {
        issues.push({ path: `matrix.cells.${key}.${i}.text`, message: `longer than ${MATRIX_LIMITS.expectationLength}` });
      }
    });
  }
  return issues;
}
