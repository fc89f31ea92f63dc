/**
 * One route per path and method of `openapi.yaml`, each calling the `SamenAdapter` method
 * of the same `operationId`. Bodies and parameters are checked here against the contract's
 * schemas (reusing the library's zod schemas where it has them) and the limits the widgets
 * keep (matrix sizes, text lengths), so the store never holds data a widget would then refuse.
 * Every id that comes in (path, query, body) is a safe id (`isSafeId` of src/core/policy.ts):
 * `__proto__`, `constructor` and friends never reach a record.
 *
 * Each route says what its domain method gets as first argument (`input`): that is what the
 * server's one authorization check (`authorizeRoute` of domain/policy.mjs) sees, before the
 * method runs. A write also says how to answer a replayed Idempotency-Key from the store
 * as it is now (`replay`), since only a digest of each write is kept, never its response.
 */
import * as z from 'zod/mini';
import { lessonClipDraftSchema, uploadKindSchema } from '../../dist/clip-composer/schemas.js';
import { isScheduleProblem, scheduleNotes } from '../../dist/clip-composer/schedule.js';
import { programmeSchema } from '../../dist/core/schemas.js';
import { MATRIX_LIMITS, expectationMatrixSchema } from '../../dist/expectation-matrix/schemas.js';
import { REPLY_MAX_LENGTH, reactionIdSchema } from '../../dist/feedback-bar/schemas.js';
import { feelingIdSchema } from '../../dist/feelings-checkin/schemas.js';
import { ANSWER_MAX_LENGTH, homeAnswerKindSchema } from '../../dist/lesson-clip/schemas.js';
import { CHOICE_TEXT_MAX, CHOICES_MAX } from '../../dist/reward-chart/schemas.js';
import { isSafeId } from '../../dist/core/policy.js';
import { THREAD_ABOUT_KINDS, THREAD_MESSAGE_MAX_LENGTH } from '../../dist/thread/schemas.js';
import { SamenError } from '../../dist/core/errors.js';
import { PREPARATION_MAX_LENGTH, RSVP_ANSWERS, RSVP_MAX_PEOPLE } from '../../dist/meeting/schemas.js';
import {
  ANSWER_MAX_LENGTH as EVALUATION_ANSWER_MAX_LENGTH,
  AUDIENCES,
  MAX_OPTIONS,
  MAX_QUESTIONS,
  PHASES,
  QUESTION_KINDS,
} from '../../dist/evaluation/schemas.js';
import { evaluationDraftIssues } from './domain/evaluations.mjs';

/** An id as the policy allows them at the boundary: letters, digits, `_ . : @ -`, ≤ 200, no reserved name. */
export const safeId = z.string().check(z.refine(isSafeId, { message: 'not an id' }));
/** One option of a child's choice (issue 24): an id, a few words, a picture's name. */
const chartOption = z.strictObject({
  id: safeId,
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(CHOICE_TEXT_MAX)),
  picture: z.optional(z.string().check(z.minLength(1), z.maxLength(32))),
});
const isoDate = z.iso.datetime({ offset: true });
/** Trimmed text of at most `max` characters; `min` 1 for texts that must say something. */
const text = (max, min = 0) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));
/** Texts nobody types long: award reasons, reward names (the widget allows 120). */
const SHORT_TEXT = 200;
/** A caption track's label in the clip composer ("Nederlands", "English (UK)"). */
const CAPTION_LABEL = 100;

const range = z.object({ from: z.optional(isoDate), to: z.optional(isoDate) });

/** The most ids one batch read takes (`BATCH_MAX_IDS` of the HttpAdapter). */
export const BATCH_MAX_IDS = 50;
/** `?ids=a,b,c`: 1 to {@link BATCH_MAX_IDS} safe ids, comma-separated (a safe id has no comma). */
const batchIds = z.object({
  ids: z.pipe(
    z.transform((/** @type {unknown} */ value) => (typeof value === 'string' ? value.split(',') : [])),
    z.array(safeId).check(z.minLength(1), z.maxLength(BATCH_MAX_IDS)),
  ),
});

/**
 * A thread's key (src/thread/schemas.ts): what it is about (a kind of THREAD_ABOUT_KINDS, read
 * from the library, so a new kind needs no change here) and the family. Reads send it as query
 * parameters, nested fields by their dotted path (`about.kind=answer&about.id=wish-2&familyId=fam-01`);
 * writes in the body. A field the key does not have is refused (`400`), never dropped: a field
 * the key gains names another thread, and is served only once the policy checks it. Its household
 * (one address of the family, migrations/011_households.sql) is checked as the family's (policy.mjs).
 */
const threadShape = {
  about: z.strictObject({ kind: z.enum(THREAD_ABOUT_KINDS), id: safeId }),
  familyId: safeId,
  householdId: z.optional(safeId),
};
const threadKey = z.strictObject(threadShape);
const threadQuery = z.pipe(
  z.transform((/** @type {Record<string, string>} */ query) => unflatten(query)),
  threadKey,
);

/**
 * `{ 'about.kind': 'answer', familyId: 'f' }` → `{ about: { kind: 'answer' }, familyId: 'f' }`, in
 * objects without a prototype; a path through a prototype key is left out.
 * @param {Record<string, string>} query
 */
function unflatten(query) {
  /** @type {Record<string, any>} */
  const out = Object.create(null);
  for (const [name, value] of Object.entries(query)) {
    const path = name.split('.');
    if (path.some((part) => !part || part === '__proto__' || part === 'constructor' || part === 'prototype')) continue;
    let at = out;
    for (const part of path.slice(0, -1)) {
      if (typeof at[part] !== 'object') at[part] = Object.create(null);
      at = at[part];
    }
    at[/** @type {string} */ (path.at(-1))] = value;
  }
  return out;
}

/**
 * @typedef {object} Call
 * @property {ReturnType<ReturnType<typeof import('./domain/index.mjs').createDomain>['as']>} view the domain as the caller sees it (inside a write: on its transaction)
 * @property {Record<string, string>} params path parameters, decoded and checked
 * @property {Record<string, any>} query checked query parameters
 * @property {any} body the checked request body (writes)
 * @property {string} key the Idempotency-Key (writes)
 * @property {string} mediaBase where `GET /api/media/{ref}` lives, for clip media URLs
 * @property {{ bytes: Buffer, type: string }} [file] the checked file of an upload
 *
 * @typedef {object} Route
 * @property {'GET' | 'PUT' | 'POST' | 'DELETE'} method
 * @property {string} path under /api, `:name` for a parameter
 * @property {string} op the openapi operationId, also the adapter method
 * @property {boolean} [write] needs an Idempotency-Key and runs under the write lock
 * @property {z.ZodMiniType} [body] schema of the JSON body; absent: the body is ignored
 * @property {boolean} [optionalBody] an empty body counts as `{}`
 * @property {boolean} [upload] the body is one file (checked by the server against MEDIA_LIMITS), not JSON
 * @property {z.ZodMiniType} [query] schema of the query parameters
 * @property {boolean} [batch] a batch read: `input` is a list of ids, the policy is checked per id
 *   (the server passes on `null` for each id it refuses) and the answer has one entry per id
 * @property {(call: Call) => { path: string, message: string }[]} [check] rules a schema can't say
 * @property {(call: Call) => unknown} input the adapter method's first argument
 * @property {(call: Call, input: any) => Promise<unknown>} run resolves with the response body; `null`/`undefined` → 204
 * @property {(input: any) => string | null} [resultId] a write's resource, kept with its idempotency key (never its response)
 * @property {(call: Call, input: any, resultId: string | null) => Promise<unknown>} [replay] a write's response for a replayed key, read from the store as it is now
 */

/** The item with this id in a list a read returned, or `not-found` (it was taken back since). */
function byId(list, id) {
  const item = list.find((x) => x.id === id);
  if (!item) throw new SamenError('not-found', 'the result of this write is no longer there');
  return item;
}

/**
 * Which programme run the overview is about (src/programme-overview/schemas.ts
 * `ProgrammeOverviewQuery`): `?programme=wish&schoolYear=2026-2027&classIds=a,b`; at most
 * {@link BATCH_MAX_IDS} classes.
 */
const overviewShape = {
  programme: z.optional(z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/))),
  programmeRunId: z.optional(safeId),
  schoolYear: z.optional(text(40, 1)),
};
const overviewQuery = z.object({
  ...overviewShape,
  classIds: z.optional(batchIds.shape.ids),
});

/**
 * An evaluation's answers (issue 25, src/evaluation/schemas.ts): pairs of question and value,
 * never an object keyed by what a user typed; whether each fits its question is the domain's.
 */
const evaluationAnswers = z
  .array(z.strictObject({ questionId: safeId, value: text(EVALUATION_ANSWER_MAX_LENGTH) }))
  .check(z.maxLength(MAX_QUESTIONS));
/** The longest own question and option label the teacher's editor takes. */
const QUESTION_TEXT = 300;
const OPTION_LABEL = 100;
const audiences = z.array(z.enum(AUDIENCES)).check(z.minLength(1), z.maxLength(AUDIENCES.length));
/** `saveEvaluation`'s body: the school's own questions, the audiences, phase, anonymity and closing time. */
const evaluationDraft = z.strictObject({
  programmeRunId: safeId,
  phase: z.enum(PHASES),
  audiences,
  anonymous: z.boolean(),
  closesAt: z.optional(isoDate),
  questions: z
    .array(
      z.strictObject({
        id: safeId,
        kind: z.enum(QUESTION_KINDS),
        text: text(QUESTION_TEXT, 1),
        options: z.optional(z.array(z.strictObject({ value: safeId, label: text(OPTION_LABEL, 1) })).check(z.maxLength(MAX_OPTIONS))),
        audiences: z.optional(audiences),
      }),
    )
    .check(z.maxLength(MAX_QUESTIONS)),
});

/** @type {Route[]} */
export const ROUTES = [
  { method: 'GET', path: '/viewer', op: 'getViewer', input: () => undefined, run: ({ view }) => view.getViewer() },

  // ---- lesson clips
  {
    method: 'GET',
    path: '/clips/:clipId',
    op: 'getLessonClip',
    input: ({ params }) => params.clipId,
    run: ({ view, mediaBase }, clipId) => view.getLessonClip(clipId, { mediaBase }),
  },
  {
    method: 'GET',
    path: '/clips',
    op: 'getLessonClips',
    batch: true,
    query: batchIds,
    input: ({ query }) => query.ids,
    run: ({ view, mediaBase }, clipIds) => view.getLessonClips(clipIds, { mediaBase }),
  },
  {
    method: 'GET',
    path: '/clips/:clipId/answer',
    op: 'getHomeAnswer',
    input: ({ params }) => params.clipId,
    run: ({ view }, clipId) => view.getHomeAnswer(clipId),
  },
  {
    method: 'GET',
    path: '/answers',
    op: 'getHomeAnswers',
    batch: true,
    query: batchIds,
    input: ({ query }) => query.ids,
    run: ({ view }, clipIds) => view.getHomeAnswers(clipIds),
  },
  {
    method: 'PUT',
    path: '/clips/:clipId/answer',
    op: 'saveHomeAnswer',
    write: true,
    body: z.object({ kind: homeAnswerKindSchema, text: z.optional(text(ANSWER_MAX_LENGTH)), shareWithClass: z.optional(z.boolean()) }),
    input: ({ params, body, key }) => ({ ...body, id: key, clipId: params.clipId }),
    run: ({ view }, input) => view.saveHomeAnswer(input),
    // The family's answer to the clip as it is now ("talked" never replaces a written answer).
    resultId: (input) => input.clipId,
    replay: async ({ view }, _input, clipId) => (await view.getHomeAnswer(clipId)) ?? byId([], clipId),
  },
  {
    method: 'POST',
    path: '/clips/:clipId/seen',
    op: 'markSeen',
    write: true,
    input: ({ params, key }) => ({ id: key, clipId: params.clipId }),
    run: ({ view }, input) => view.markSeen(input),
    resultId: () => null,
    replay: async () => null,
  },
  {
    method: 'GET',
    path: '/clips/:clipId/reach',
    op: 'getClipReach',
    input: ({ params }) => params.clipId,
    run: ({ view }, clipId) => view.getClipReach(clipId),
  },
  // The class board (issue 24): counts only, small ones as "few", shared answers without names.
  {
    method: 'GET',
    path: '/clips/:clipId/board',
    op: 'getClassBoard',
    input: ({ params }) => params.clipId,
    run: ({ view }, clipId) => view.getClassBoard(clipId),
  },

  // ---- composing lesson clips (teachers)
  {
    method: 'POST',
    path: '/clips',
    op: 'publishLessonClip',
    write: true,
    body: lessonClipDraftSchema,
    check: ({ body }) => draftIssues(body),
    input: ({ body, key }) => ({ ...body, id: key }),
    run: ({ view, mediaBase }, input) => view.publishLessonClip(input, { mediaBase }),
    resultId: (input) => `clip-${input.id}`,
    replay: ({ view, mediaBase }, _input, clipId) => view.getLessonClip(clipId, { mediaBase }),
  },
  {
    method: 'POST',
    path: '/uploads',
    op: 'uploadMedia',
    write: true,
    upload: true,
    query: z.object({ kind: uploadKindSchema, name: z.optional(text(200)) }),
    input: ({ query, key }) => ({ id: key, kind: query.kind, name: query.name ?? '' }),
    run: ({ view, file, key, mediaBase }, input) => view.storeUpload({ key, kind: input.kind, name: input.name, ...file }, { mediaBase }),
  },
  {
    method: 'GET',
    path: '/uploads/:mediaId',
    op: 'getUploadedMedia',
    input: ({ params }) => params.mediaId,
    run: ({ view, mediaBase }, mediaId) => view.getUploadedMedia(mediaId, { mediaBase }),
  },

  // ---- reactions
  {
    method: 'GET',
    path: '/reactions/:targetId',
    op: 'getReactions',
    input: ({ params }) => params.targetId,
    run: ({ view }, targetId) => view.getReactions(targetId),
  },
  {
    method: 'GET',
    path: '/reactions',
    op: 'getReactionSummaries',
    batch: true,
    query: batchIds,
    input: ({ query }) => query.ids,
    run: ({ view }, targetIds) => view.getReactionSummaries(targetIds),
  },
  {
    method: 'POST',
    path: '/reactions/:targetId/replies',
    op: 'addReply',
    write: true,
    body: z.object({ text: text(REPLY_MAX_LENGTH, 1) }),
    input: ({ params, body, key }) => ({ ...body, id: key, targetId: params.targetId }),
    run: ({ view }, input) => view.addReply(input),
    resultId: (input) => input.id,
    replay: async ({ view }, input, replyId) => byId((await view.getReactions(input.targetId)).replies, replyId),
  },
  {
    method: 'PUT',
    path: '/reactions/:targetId/:reaction',
    op: 'setReaction',
    write: true,
    body: z.object({ on: z.boolean() }),
    check: ({ params }) =>
      z.safeParse(reactionIdSchema, params.reaction).success ? [] : [{ path: 'reaction', message: 'unknown reaction format' }],
    input: ({ params, body, key }) => ({ ...body, id: key, targetId: params.targetId, reaction: params.reaction }),
    run: ({ view }, input) => view.setReaction(input),
    resultId: (input) => input.targetId,
    replay: ({ view }, _input, targetId) => view.getReactions(targetId),
  },

  // ---- reward charts
  {
    method: 'GET',
    path: '/charts/:chartId',
    op: 'getRewardChart',
    input: ({ params }) => params.chartId,
    run: ({ view }, chartId) => view.getRewardChart(chartId),
  },
  {
    method: 'POST',
    path: '/charts/:chartId/awards',
    op: 'award',
    write: true,
    body: z.object({ expectationId: z.optional(safeId), reason: z.optional(text(SHORT_TEXT)), childId: z.optional(safeId) }),
    optionalBody: true,
    input: ({ params, body, key }) => ({ ...body, id: key, chartId: params.chartId }),
    run: ({ view }, input) => view.award(input),
    resultId: (input) => input.id,
    replay: ({ view }, input, awardId) => view.awardById(input.chartId, awardId),
  },
  {
    method: 'DELETE',
    path: '/charts/:chartId/awards/:awardId',
    op: 'undoAward',
    write: true,
    input: ({ params, key }) => ({ id: key, chartId: params.chartId, awardId: params.awardId }),
    run: ({ view }, input) => view.undoAward(input),
    resultId: () => null,
    replay: async () => null,
  },
  {
    method: 'POST',
    path: '/charts/:chartId/redeem',
    op: 'redeem',
    write: true,
    body: z.object({ nextGoal: z.optional(z.int().check(z.gte(1), z.lte(1000))), nextReward: z.optional(text(SHORT_TEXT, 1)) }),
    optionalBody: true,
    input: ({ params, body, key }) => ({ ...body, id: key, chartId: params.chartId }),
    run: ({ view }, input) => view.redeem(input),
    resultId: (input) => input.chartId,
    replay: ({ view }, _input, chartId) => view.getRewardChart(chartId),
  },
  // The child's choice on a personal chart (issue 24): only an option the adults allowed.
  {
    method: 'POST',
    path: '/charts/:chartId/choice',
    op: 'chooseChartGoal',
    write: true,
    body: z.strictObject({ wordsId: z.optional(safeId), rewardId: z.optional(safeId) }),
    input: ({ params, body, key }) => ({ ...body, id: key, chartId: params.chartId }),
    run: ({ view }, input) => view.chooseChartGoal(input),
    resultId: (input) => input.chartId,
    replay: ({ view }, _input, chartId) => view.getRewardChart(chartId),
  },
  // The options the child chooses from (issue 24), set by a parent (own child) or the teacher (class).
  {
    method: 'PUT',
    path: '/charts/:chartId/choices',
    op: 'setChartChoices',
    write: true,
    body: z.strictObject({
      words: z.array(chartOption).check(z.maxLength(CHOICES_MAX)),
      rewards: z.array(chartOption).check(z.maxLength(CHOICES_MAX)),
    }),
    input: ({ params, body, key }) => ({ ...body, id: key, chartId: params.chartId }),
    run: ({ view }, input) => view.setChartChoices(input),
    resultId: (input) => input.chartId,
    replay: ({ view }, _input, chartId) => view.getRewardChart(chartId),
  },

  // ---- feelings
  {
    method: 'GET',
    path: '/children/:childId/checkins',
    op: 'getCheckins',
    query: range,
    input: ({ params, query }) => ({ ...query, childId: params.childId }),
    run: ({ view }, input) => view.getCheckins(input),
  },
  {
    method: 'GET',
    path: '/classes/:classId/checkins',
    op: 'getClassCheckins',
    query: range,
    input: ({ params, query }) => ({ ...query, classId: params.classId }),
    run: ({ view }, input) => view.getClassCheckins(input),
  },
  {
    method: 'PUT',
    path: '/checkins/:checkinId',
    op: 'saveCheckin',
    write: true,
    body: z.object({
      childId: safeId,
      feeling: feelingIdSchema,
      strength: z.int().check(z.gte(1), z.lte(5)),
      context: z.enum(['home', 'school']),
      note: z.optional(text(280)),
      createdAt: isoDate,
    }),
    input: ({ params, body, key }) => ({ ...body, id: key, checkinId: params.checkinId }),
    run: ({ view }, input) => view.saveCheckin(input),
    resultId: (input) => input.checkinId,
    replay: ({ view }, _input, checkinId) => view.checkinById(checkinId),
  },

  // ---- expectation matrices
  {
    method: 'GET',
    path: '/matrices/:matrixId',
    op: 'getExpectationMatrix',
    input: ({ params }) => params.matrixId,
    run: ({ view }, matrixId) => view.getExpectationMatrix(matrixId),
  },
  {
    method: 'PUT',
    path: '/matrices/:matrixId',
    op: 'saveExpectationMatrix',
    write: true,
    body: z.object({ matrix: expectationMatrixSchema, baseVersion: z.int().check(z.nonnegative()) }),
    check: ({ params, body }) => matrixIssues(body.matrix, params.matrixId),
    input: ({ body, key }) => ({ ...body, id: key }),
    run: ({ view }, input) => view.saveExpectationMatrix(input),
    // The matrix as stored now: after this save, or a later one.
    resultId: (input) => input.matrix.id,
    replay: ({ view }, _input, matrixId) => view.getExpectationMatrix(matrixId),
  },
  {
    method: 'GET',
    path: '/matrices/:matrixId/successes',
    op: 'getSuccesses',
    query: z.object({ from: z.optional(isoDate) }),
    input: ({ params, query }) => ({ ...query, matrixId: params.matrixId }),
    run: ({ view }, input) => view.getSuccesses(input),
  },
  {
    method: 'POST',
    path: '/matrices/:matrixId/successes',
    op: 'shareSuccess',
    write: true,
    body: z.object({ text: text(ANSWER_MAX_LENGTH, 1), expectationId: z.optional(safeId) }),
    input: ({ params, body, key }) => ({ ...body, id: key, matrixId: params.matrixId }),
    run: ({ view }, input) => view.shareSuccess(input),
    // Families can't list successes (teachers read them): the one this family shared, from the store.
    resultId: (input) => input.id,
    replay: ({ view }, _input, successId) => view.successById(successId),
  },

  // ---- threads (issue 24)
  {
    method: 'GET',
    path: '/threads',
    op: 'getThread',
    query: threadQuery,
    input: ({ query }) => query,
    run: ({ view }, key) => view.getThread(key),
  },
  {
    method: 'POST',
    path: '/threads/messages',
    op: 'addThreadMessage',
    write: true,
    body: z.strictObject({ ...threadShape, text: text(THREAD_MESSAGE_MAX_LENGTH, 1) }),
    input: ({ body, key }) => ({ ...body, id: key }),
    run: ({ view }, input) => view.addThreadMessage(input),
    resultId: (input) => input.id,
    replay: ({ view }, _input, messageId) => view.threadMessageById(messageId),
  },
  {
    method: 'POST',
    path: '/threads/read',
    op: 'markThreadRead',
    write: true,
    body: threadKey,
    input: ({ body, key }) => ({ ...body, id: key }),
    run: ({ view }, input) => view.markThreadRead(input),
    resultId: () => null,
    replay: async () => null,
  },

  // ---- the programme overview (issue 25): aggregates computed in the database, one query each
  {
    method: 'GET',
    path: '/overview',
    op: 'getProgrammeOverview',
    query: overviewQuery,
    input: ({ query }) => query,
    run: ({ view }, query) => view.getProgrammeOverview(query),
  },
  {
    method: 'GET',
    path: '/overview/unreached',
    op: 'getUnreachedFamilies',
    query: z.object({ ...overviewShape, classId: safeId }),
    input: ({ query }) => query,
    run: ({ view }, query) => view.getUnreachedFamilies(query),
  },

  // ---- the programme's course (issue 26): meetings, each household's own reply and sheet, introductions
  {
    method: 'GET',
    path: '/meetings/:meetingId',
    op: 'getMeeting',
    input: ({ params }) => params.meetingId,
    run: ({ view }, meetingId) => view.getMeeting(meetingId),
  },
  {
    method: 'GET',
    path: '/meetings/:meetingId/rsvp',
    op: 'getRsvp',
    input: ({ params }) => params.meetingId,
    run: ({ view }, meetingId) => view.getRsvp(meetingId),
  },
  {
    method: 'PUT',
    path: '/meetings/:meetingId/rsvp',
    op: 'saveRsvp',
    write: true,
    body: z.object({ answer: z.enum(RSVP_ANSWERS), people: z.int().check(z.gte(0), z.lte(RSVP_MAX_PEOPLE)) }),
    input: ({ params, body, key }) => ({ ...body, id: key, meetingId: params.meetingId }),
    run: ({ view }, input) => view.saveRsvp(input),
    // The household's reply as it is now (this one, or a later one replacing it).
    resultId: (input) => input.meetingId,
    replay: ({ view }, _input, meetingId) => view.getRsvp(meetingId),
  },
  {
    method: 'GET',
    path: '/meetings/:meetingId/replies',
    op: 'getMeetingReplies',
    input: ({ params }) => params.meetingId,
    run: ({ view }, meetingId) => view.getMeetingReplies(meetingId),
  },
  {
    method: 'GET',
    path: '/meetings/:meetingId/preparation',
    op: 'getPreparation',
    input: ({ params }) => params.meetingId,
    run: ({ view }, meetingId) => view.getPreparation(meetingId),
  },
  {
    method: 'PUT',
    path: '/meetings/:meetingId/preparation',
    op: 'savePreparation',
    write: true,
    body: z.object({
      keywords: text(PREPARATION_MAX_LENGTH),
      goesWell: text(PREPARATION_MAX_LENGTH),
      talkAbout: text(PREPARATION_MAX_LENGTH),
    }),
    input: ({ params, body, key }) => ({ ...body, id: key, meetingId: params.meetingId }),
    run: ({ view }, input) => view.savePreparation(input),
    resultId: (input) => input.meetingId,
    replay: ({ view }, _input, meetingId) => view.getPreparation(meetingId),
  },
  {
    method: 'GET',
    path: '/intros/:introId',
    op: 'getProgrammeIntro',
    input: ({ params }) => params.introId,
    run: ({ view }, introId) => view.getProgrammeIntro(introId),
  },
  // ---- the rhythm (issue 26): the class's posted and planned lessons, for the composer
  {
    method: 'GET',
    path: '/classes/:classId/rhythm',
    op: 'getClassRhythm',
    query: z.object({ programme: programmeSchema }),
    input: ({ params, query }) => ({ classId: params.classId, programme: query.programme }),
    run: ({ view }, query) => view.getClassRhythm(query),
  },
  // ---- evaluations (issue 25): a form per audience, one response per respondent, results as counts
  {
    method: 'GET',
    path: '/evaluations/:evaluationId',
    op: 'getEvaluation',
    input: ({ params }) => params.evaluationId,
    run: ({ view }, evaluationId) => view.getEvaluation(evaluationId),
  },
  {
    method: 'PUT',
    path: '/evaluations/:evaluationId/response',
    op: 'submitEvaluationResponse',
    write: true,
    body: z.strictObject({ answers: evaluationAnswers }),
    input: ({ params, body, key }) => ({ ...body, id: key, evaluationId: params.evaluationId }),
    run: ({ view }, input) => view.submitEvaluationResponse(input),
    // The respondent's response as it is now (a later one replaced it, or this one).
    resultId: (input) => input.evaluationId,
    replay: ({ view }, _input, evaluationId) => view.evaluationReceipt(evaluationId),
  },
  {
    method: 'GET',
    path: '/evaluation-results',
    op: 'getEvaluationResults',
    query: z.object({ programmeRunId: safeId }),
    input: ({ query }) => query,
    run: ({ view }, query) => view.getEvaluationResults(query),
  },
  {
    method: 'PUT',
    path: '/evaluations/:evaluationId',
    op: 'saveEvaluation',
    write: true,
    body: evaluationDraft,
    check: ({ body }) => evaluationDraftIssues(body),
    input: ({ params, body, key }) => ({ ...body, id: key, evaluationId: params.evaluationId }),
    run: ({ view }, input) => view.saveEvaluation(input),
    resultId: (input) => input.evaluationId,
    replay: ({ view }, _input, evaluationId) => view.evaluationAsEditor(evaluationId),
  },
];

/**
 * What the matrix editor refuses to save (MATRIX_LIMITS of src/expectation-matrix/schemas.ts), refused here
 * too: at most 5 values × 8 places, names of at most 60 characters, at most 3 expectations of
 * 1 to 200 characters per cell, cells only of listed values and places, every id a safe id and
 * unique. Issues name fields, never the values (nor a cell key that is not a safe id).
 * @param {import('../../dist/expectation-matrix/schemas.js').ExpectationMatrix} matrix
 * @param {string} matrixId the id in the path
 */
export function matrixIssues(matrix, matrixId) {
  /** @type {{ path: string, message: string }[]} */
  const issues = [];
  const add = (path, message) => issues.push({ path: `matrix.${path}`, message });
  if (matrix.id !== matrixId) add('id', 'must be the matrix id in the path');
  if (matrix.familyId !== undefined && !isSafeId(matrix.familyId)) add('familyId', 'not an id');
  /** @type {Record<'values' | 'locations', Set<string>>} */
  const axisIds = { values: new Set(), locations: new Set() };
  for (const axis of /** @type {const} */ (['values', 'locations'])) {
    const list = matrix[axis];
    if (list.length > MATRIX_LIMITS[axis]) add(axis, `at most ${MATRIX_LIMITS[axis]}`);
    list.forEach((item, i) => {
      if (!isSafeId(item.id)) add(`${axis}.${i}.id`, 'not an id');
      else if (axisIds[axis].has(item.id)) add(`${axis}.${i}.id`, 'duplicate id');
      axisIds[axis].add(item.id);
      if (item.label.length > MATRIX_LIMITS.nameLength) add(`${axis}.${i}.label`, `at most ${MATRIX_LIMITS.nameLength} characters`);
    });
  }
  const expectationIds = new Set();
  const cells = Object.entries(matrix.cells);
  if (cells.length > MATRIX_LIMITS.values * MATRIX_LIMITS.locations) add('cells', 'too many cells');
  for (const [key, items] of cells.slice(0, MATRIX_LIMITS.values * MATRIX_LIMITS.locations)) {
    const [valueId = '', locationId = '', ...more] = key.split('/');
    if (more.length || !axisIds.values.has(valueId) || !axisIds.locations.has(locationId) || !isSafeId(valueId) || !isSafeId(locationId)) {
      add('cells', 'a cell of a value or place the matrix does not list');
      continue;
    }
    if (items.length > MATRIX_LIMITS.perCell) add(`cells.${key}`, `at most ${MATRIX_LIMITS.perCell}`);
    items.forEach((item, i) => {
      if (!isSafeId(item.id)) add(`cells.${key}.${i}.id`, 'not an id');
      else if (expectationIds.has(item.id)) add(`cells.${key}.${i}.id`, 'duplicate id');
      expectationIds.add(item.id);
      if (!item.text) add(`cells.${key}.${i}.text`, 'empty');
      if (item.text.length > MATRIX_LIMITS.expectationLength)
        add(`cells.${key}.${i}.text`, `at most ${MATRIX_LIMITS.expectationLength} characters`);
    });
  }
  const { focus } = matrix;
  if (focus) {
    if (!axisIds.values.has(focus.valueId) || !axisIds.locations.has(focus.locationId)) add('focus', 'a cell the matrix does not list');
    if (focus.expectationId !== undefined && !expectationIds.has(focus.expectationId))
      add('focus.expectationId', 'not an expectation of the matrix');
  }
  return issues;
}

/**
 * A lesson clip draft's ids are safe ids, and its caption labels short.
 * @param {import('../../dist/clip-composer/schemas.js').LessonClipDraft} draft
 */
function draftIssues(draft) {
  const issues = [];
  if (!isSafeId(draft.classId)) issues.push({ path: 'classId', message: 'not an id' });
  // Issue 26: a schedule later than now and not too far ahead (SCHEDULE_LIMITS), as the composer and the MemoryAdapter say.
  if (draft.scheduledAt !== undefined) {
    const problems = scheduleNotes(new Date(draft.scheduledAt), new Date()).filter(isScheduleProblem);
    if (problems.length) issues.push({ path: 'scheduledAt', message: problems.join(', ') });
  }
  const media = draft.media;
  if (media?.kind === 'photos') {
    media.photos.forEach((p, i) => isSafeId(p.mediaId) || issues.push({ path: `media.photos.${i}.mediaId`, message: 'not an id' }));
  } else if (media?.kind === 'video') {
    if (!isSafeId(media.mediaId)) issues.push({ path: 'media.mediaId', message: 'not an id' });
    media.captions.forEach((c, i) => {
      if (!isSafeId(c.mediaId)) issues.push({ path: `media.captions.${i}.mediaId`, message: 'not an id' });
      if (c.label.length > CAPTION_LABEL)
        issues.push({ path: `media.captions.${i}.label`, message: `at most ${CAPTION_LABEL} characters` });
    });
  }
  return issues;
}

/**
 * The route for `method` and `path` (under /api), with its decoded parameters; or, when only
 * the method is wrong, the methods the path allows.
 * @param {string} method
 * @param {string} path
 * @param {Route[]} routes
 * @returns {{ route: Route, params: Record<string, string> } | { allow: string[] } | undefined}
 */
export function matchRoute(method, path, routes = ROUTES) {
  const segments = path.split('/').slice(1);
  const allow = [];
  for (const route of routes) {
    const params = matchPath(route.path, segments);
    if (!params) continue;
    if (route.method === method) return { route, params };
    allow.push(route.method);
  }
  return allow.length ? { allow } : undefined;
}

/** Decoded parameters when `segments` fit `pattern`, else undefined. */
function matchPath(pattern, segments) {
  const parts = pattern.split('/').slice(1);
  if (parts.length !== segments.length) return undefined;
  /** @type {Record<string, string>} */
  const params = Object.create(null);
  for (let i = 0; i < parts.length; i++) {
    const part = /** @type {string} */ (parts[i]);
    const segment = /** @type {string} */ (segments[i]);
    if (!part.startsWith(':')) {
      if (part !== segment) return undefined;
      continue;
    }
    let value;
    try {
      value = decodeURIComponent(segment);
    } catch {
      return undefined; // malformed %-escape: no such resource
    }
    // Not an id this server could have made (`__proto__`, a space, 201 characters): no such resource.
    if (!isSafeId(value)) return undefined;
    params[part.slice(1)] = value;
  }
  return params;
}
