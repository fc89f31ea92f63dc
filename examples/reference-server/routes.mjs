/**
 * One route per path and method of `openapi.yaml`, each calling the `SamenAdapter` method
 * of the same `operationId`. Bodies and parameters are checked here against the contract's
 * schemas (reusing the library's zod schemas where it has them), so the store never holds
 * data a widget would then refuse.
 */
import * as z from 'zod/mini';
import {
  ANSWER_MAX_LENGTH,
  REPLY_MAX_LENGTH,
  expectationMatrixSchema,
  feelingIdSchema,
  homeAnswerKindSchema,
  lessonClipDraftSchema,
  reactionIdSchema,
  uploadKindSchema,
} from '../../dist/core/schemas.js';

const id = z.string().check(z.minLength(1), z.maxLength(200));
const isoDate = z.iso.datetime({ offset: true });
/** Trimmed text of at most `max` characters; `min` 1 for texts that must say something. */
const text = (max, min = 0) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));
/** Texts nobody types long: award reasons, reward names (the widget allows 120). */
const SHORT_TEXT = 200;
/** openapi.yaml: `cells.*[].text` maxLength. */
const EXPECTATION_TEXT = 200;

const range = z.object({ from: z.optional(isoDate), to: z.optional(isoDate) });

/**
 * @typedef {object} Call
 * @property {import('./postgres-adapter.mjs').PostgresAdapter} view the store as the caller sees it
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
 * @property {(call: Call) => { path: string, message: string }[]} [check] rules a schema can't say
 * @property {(call: Call) => Promise<unknown>} run resolves with the response body; `null`/`undefined` → 204
 */

/** @type {Route[]} */
export const ROUTES = [
  { method: 'GET', path: '/viewer', op: 'getViewer', run: ({ view }) => view.getViewer() },

  // ---- lesson clips
  {
    method: 'GET',
    path: '/clips/:clipId',
    op: 'getLessonClip',
    run: ({ view, params, mediaBase }) => view.getLessonClip(params.clipId, { mediaBase }),
  },
  { method: 'GET', path: '/clips/:clipId/answer', op: 'getHomeAnswer', run: ({ view, params }) => view.getHomeAnswer(params.clipId) },
  {
    method: 'PUT',
    path: '/clips/:clipId/answer',
    op: 'saveHomeAnswer',
    write: true,
    body: z.object({ kind: homeAnswerKindSchema, text: z.optional(text(ANSWER_MAX_LENGTH)) }),
    run: ({ view, params, body, key }) => view.saveHomeAnswer({ ...body, id: key, clipId: params.clipId }),
  },
  {
    method: 'POST',
    path: '/clips/:clipId/seen',
    op: 'markSeen',
    write: true,
    run: ({ view, params, key }) => view.markSeen({ id: key, clipId: params.clipId }),
  },
  { method: 'GET', path: '/clips/:clipId/reach', op: 'getClipReach', run: ({ view, params }) => view.getClipReach(params.clipId) },

  // ---- composing lesson clips (teachers)
  {
    method: 'POST',
    path: '/clips',
    op: 'publishLessonClip',
    write: true,
    body: lessonClipDraftSchema,
    run: ({ view, body, key, mediaBase }) => view.publishLessonClip({ ...body, id: key }, { mediaBase }),
  },
  {
    method: 'POST',
    path: '/uploads',
    op: 'uploadMedia',
    write: true,
    upload: true,
    query: z.object({ kind: uploadKindSchema, name: z.optional(text(200)) }),
    run: ({ view, query, file, key, mediaBase }) =>
      view.storeUpload({ key, kind: query.kind, name: query.name ?? '', ...file }, { mediaBase }),
  },
  {
    method: 'GET',
    path: '/uploads/:mediaId',
    op: 'getUploadedMedia',
    run: ({ view, params, mediaBase }) => view.getUploadedMedia(params.mediaId, { mediaBase }),
  },

  // ---- reactions
  { method: 'GET', path: '/reactions/:targetId', op: 'getReactions', run: ({ view, params }) => view.getReactions(params.targetId) },
  {
    method: 'POST',
    path: '/reactions/:targetId/replies',
    op: 'addReply',
    write: true,
    body: z.object({ text: text(REPLY_MAX_LENGTH, 1) }),
    run: ({ view, params, body, key }) => view.addReply({ ...body, id: key, targetId: params.targetId }),
  },
  {
    method: 'PUT',
    path: '/reactions/:targetId/:reaction',
    op: 'setReaction',
    write: true,
    body: z.object({ on: z.boolean() }),
    check: ({ params }) =>
      z.safeParse(reactionIdSchema, params.reaction).success ? [] : [{ path: 'reaction', message: 'unknown reaction format' }],
    run: ({ view, params, body, key }) => view.setReaction({ ...body, id: key, targetId: params.targetId, reaction: params.reaction }),
  },

  // ---- reward charts
  { method: 'GET', path: '/charts/:chartId', op: 'getRewardChart', run: ({ view, params }) => view.getRewardChart(params.chartId) },
  {
    method: 'POST',
    path: '/charts/:chartId/awards',
    op: 'award',
    write: true,
    body: z.object({ expectationId: z.optional(id), reason: z.optional(text(SHORT_TEXT)) }),
    optionalBody: true,
    run: ({ view, params, body, key }) => view.award({ ...body, id: key, chartId: params.chartId }),
  },
  {
    method: 'DELETE',
    path: '/charts/:chartId/awards/:awardId',
    op: 'undoAward',
    write: true,
    run: ({ view, params, key }) => view.undoAward({ id: key, chartId: params.chartId, awardId: params.awardId }),
  },
  {
    method: 'POST',
    path: '/charts/:chartId/redeem',
    op: 'redeem',
    write: true,
    body: z.object({ nextGoal: z.optional(z.int().check(z.gte(1), z.lte(1000))), nextReward: z.optional(text(SHORT_TEXT, 1)) }),
    optionalBody: true,
    run: ({ view, params, body, key }) => view.redeem({ ...body, id: key, chartId: params.chartId }),
  },

  // ---- feelings
  {
    method: 'GET',
    path: '/children/:childId/checkins',
    op: 'getCheckins',
    query: range,
    run: ({ view, params, query }) => view.getCheckins({ ...query, childId: params.childId }),
  },
  {
    method: 'GET',
    path: '/classes/:classId/checkins',
    op: 'getClassCheckins',
    query: range,
    run: ({ view, params, query }) => view.getClassCheckins({ ...query, classId: params.classId }),
  },
  {
    method: 'PUT',
    path: '/checkins/:checkinId',
    op: 'saveCheckin',
    write: true,
    body: z.object({
      childId: id,
      feeling: feelingIdSchema,
      strength: z.int().check(z.gte(1), z.lte(5)),
      context: z.enum(['home', 'school']),
      note: z.optional(text(280)),
      createdAt: isoDate,
    }),
    run: ({ view, params, body, key }) => view.saveCheckin({ ...body, id: key, checkinId: params.checkinId }),
  },

  // ---- expectation matrices
  {
    method: 'GET',
    path: '/matrices/:matrixId',
    op: 'getExpectationMatrix',
    run: ({ view, params }) => view.getExpectationMatrix(params.matrixId),
  },
  {
    method: 'PUT',
    path: '/matrices/:matrixId',
    op: 'saveExpectationMatrix',
    write: true,
    body: z.object({ matrix: expectationMatrixSchema, baseVersion: z.int().check(z.nonnegative()) }),
    check: ({ params, body }) => [
      ...(body.matrix.id === params.matrixId ? [] : [{ path: 'matrix.id', message: 'must be the matrix id in the path' }]),
      ...Object.entries(body.matrix.cells).flatMap(([cell, items]) =>
        items.flatMap((item, i) =>
          item.text.length > EXPECTATION_TEXT ? [{ path: `matrix.cells.${cell}.${i}.text`, message: `at most ${EXPECTATION_TEXT} characters` }] : [],
        ),
      ),
    ],
    run: ({ view, body, key }) => view.saveExpectationMatrix({ ...body, id: key }),
  },
  {
    method: 'GET',
    path: '/matrices/:matrixId/successes',
    op: 'getSuccesses',
    query: z.object({ from: z.optional(isoDate) }),
    run: ({ view, params, query }) => view.getSuccesses({ ...query, matrixId: params.matrixId }),
  },
  {
    method: 'POST',
    path: '/matrices/:matrixId/successes',
    op: 'shareSuccess',
    write: true,
    body: z.object({ text: text(ANSWER_MAX_LENGTH, 1), expectationId: z.optional(id) }),
    run: ({ view, params, body, key }) => view.shareSuccess({ ...body, id: key, matrixId: params.matrixId }),
  },
];

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
  const params = {};
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
    if (!z.safeParse(id, value).success) return undefined;
    params[part.slice(1)] = value;
  }
  return params;
}
