// @ts-check
/**
 * The reference server's domain layer over its PostgreSQL tables (migrations/005_relational.sql):
 * one module per area (clips, composing, reactions, charts, feelings, matrices), the policy over
 * SQL lookups (policy.mjs), and the write runner below, which makes every write one transaction
 * with its idempotency record.
 *
 *   const domain = createDomain({ db, bus });
 *   const viewer = await domain.viewer('parent-1');
 *   await domain.authorize(viewer, 'getLessonClip', 'wish-2');
 *   const clip = await domain.as(viewer).getLessonClip('wish-2', { mediaBase });
 *   const { result, replayed } = await domain.write(viewer, { key, digest, resultId, op, input },
 *     (view) => view.saveHomeAnswer(input), (view, resultId) => view.getHomeAnswer(resultId));
 *
 * A view (`domain.as(viewer)`) has the `SamenAdapter` method names the routes call.
 */
import { sql } from 'kysely';
import { SamenError } from '../../../dist/core/errors.js';
import * as charts from './charts.mjs';
import * as clips from './clips.mjs';
import { session } from './common.mjs';
import * as composing from './composing.mjs';
import * as course from './course.mjs';
import * as evaluations from './evaluations.mjs';
import * as feelings from './feelings.mjs';
import * as matrices from './matrices.mjs';
import * as overview from './overview.mjs';
import { authorizeEach, authorizeRoute, authorizeTopic } from './policy.mjs';
import * as reactions from './reactions.mjs';
import * as rhythm from './rhythm.mjs';
import * as threads from './threads.mjs';
import { loadViewer, publicViewer } from './viewers.mjs';

/**
 * @typedef {import('./common.mjs').Viewer} Viewer
 * @typedef {import('./tables.mjs').DB} DB
 * @typedef {{ publish(topics: string[]): Promise<void> }} Publisher the live bus (live.mjs), or anything with its `publish`
 *
 * @typedef {object} PendingWrite
 * @property {string} key the Idempotency-Key
 * @property {string} digest SHA-256 of viewer, operation, parameters and body: the key is bound to it
 * @property {string | null} resultId what the write makes or changes, to answer a replay from
 * @property {string} op the operationId, for the policy
 * @property {unknown} input what the operation gets, for the policy
 */

/** How long an Idempotency-Key is remembered by default. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

/**
 * SQLSTATE classes and codes a write can fail with, and what the client is told. A constraint
 * the request broke (validation missed it) is the request's fault; a lost connection, a
 * deadlock or a serialisation failure is worth a retry with the same key.
 * @param {unknown} error
 * @returns {SamenError}
 */
export function asSamenError(error) {
  if (error instanceof SamenError) return error;
  const code = /** @type {{ code?: unknown }} */ (error)?.code;
  const name = [/** @type {Error} */ (error)?.name, typeof code === 'string' ? code : ''].filter(Boolean).join(' ') || 'error';
  switch (code) {
    case '23505': // unique_violation: the same id twice
      return new SamenError('conflict', 'this already exists');
    case '23503': // foreign_key_violation: refers to what is not there
      return new SamenError('invalid-data', 'refers to something that does not exist');
    case '23514': // check_violation
    case '23502': // not_null_violation
    case '22001': // string_data_right_truncation
    case '22P02': // invalid_text_representation
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
      return new SamenError('invalid-data', 'outside the limits the database keeps');
    default:
      // Never the database's message: it can quote stored values.
      return new SamenError('unavailable', `could not save (${name})`);
  }
}

/**
 * @param {object} options
 * @param {import('../database.mjs').Database} options.db
 * @param {Publisher} [options.bus] told the topics of every committed write
 * @param {number} [options.idempotencyTtlMs]
 * @param {(line: string) => void} [options.log]
 */
export function createDomain({ db, bus, idempotencyTtlMs = IDEMPOTENCY_TTL_MS, log = () => {} }) {
  const ttlSeconds = idempotencyTtlMs / 1000;

  /**
   * The domain as one viewer sees it, on the pool or inside a write's transaction: the
   * `SamenAdapter` method names the routes call.
   * @param {Viewer} viewer
   * @param {DB} [on]
   */
  function as(viewer, on = db.kysely) {
    const s = session(on, viewer);
    return {
      /** the topics a write changed (published once it commits) */
      topics: s.topics,
      getViewer: async () => publicViewer(viewer),
      getLessonClip: (/** @type {string} */ clipId, /** @type {clips.MediaOptions} */ o) => clips.getLessonClip(s, clipId, o),
      getLessonClips: (/** @type {(string | null)[]} */ clipIds, /** @type {clips.MediaOptions} */ o) =>
        clips.getLessonClips(s, clipIds, o),
      getHomeAnswer: (/** @type {string} */ clipId) => clips.getHomeAnswer(s, clipId),
      getClassBoard: (/** @type {string} */ clipId) => clips.getClassBoard(s, clipId),
      getHomeAnswers: (/** @type {(string | null)[]} */ clipIds) => clips.getHomeAnswers(s, clipIds),
      saveHomeAnswer: (/** @type {any} */ input) => clips.saveHomeAnswer(s, input),
      markSeen: (/** @type {any} */ input) => clips.markSeen(s, input),
      getClipReach: (/** @type {string} */ clipId) => clips.getClipReach(s, clipId),
      storeUpload: (/** @type {any} */ file, /** @type {clips.MediaOptions} */ o) => composing.storeUpload(s, file, o),
      getUploadedMedia: (/** @type {string} */ mediaId, /** @type {clips.MediaOptions} */ o) => composing.getUploadedMedia(s, mediaId, o),
      publishLessonClip: (/** @type {any} */ input, /** @type {clips.MediaOptions} */ o) => composing.publishLessonClip(s, input, o),
      getReactions: (/** @type {string} */ targetId) => reactions.getReactions(s, targetId),
      getReactionSummaries: (/** @type {(string | null)[]} */ targetIds) => reactions.getReactionSummaries(s, targetIds),
      setReaction: (/** @type {any} */ input) => reactions.setReaction(s, input),
      addReply: (/** @type {any} */ input) => reactions.addReply(s, input),
      getRewardChart: (/** @type {string} */ chartId) => charts.getRewardChart(s, chartId),
      award: (/** @type {any} */ input) => charts.award(s, input),
      awardById: (/** @type {string} */ chartId, /** @type {string} */ awardId) => charts.awardById(on, chartId, awardId),
      undoAward: (/** @type {any} */ input) => charts.undoAward(s, input),
      redeem: (/** @type {any} */ input) => charts.redeem(s, input),
      chooseChartGoal: (/** @type {any} */ input) => charts.chooseChartGoal(s, input),
      setChartChoices: (/** @type {any} */ input) => charts.setChartChoices(s, input),
      getCheckins: (/** @type {any} */ query) => feelings.getCheckins(s, query),
      getClassCheckins: (/** @type {any} */ query) => feelings.getClassCheckins(s, query),
      saveCheckin: (/** @type {any} */ input) => feelings.saveCheckin(s, input),
      checkinById: (/** @type {string} */ checkinId) => feelings.checkinById(on, checkinId),
      getExpectationMatrix: (/** @type {string} */ matrixId) => matrices.getExpectationMatrix(s, matrixId),
      saveExpectationMatrix: (/** @type {any} */ input) => matrices.saveExpectationMatrix(s, input),
      getSuccesses: (/** @type {any} */ query) => matrices.getSuccesses(s, query),
      shareSuccess: (/** @type {any} */ input) => matrices.shareSuccess(s, input),
      successById: (/** @type {string} */ successId) => matrices.successById(on, successId),
      replyById: (/** @type {string} */ replyId) => reactions.replyById(on, replyId),
      getThread: (/** @type {any} */ key) => threads.getThread(s, key),
      addThreadMessage: (/** @type {any} */ input) => threads.addThreadMessage(s, input),
      markThreadRead: (/** @type {any} */ input) => threads.markThreadRead(s, input),
      threadMessageById: (/** @type {string} */ messageId) => threads.messageById(on, viewer, messageId),
      getProgrammeOverview: (/** @type {any} */ query) => overview.getProgrammeOverview(s, query),
      getUnreachedFamilies: (/** @type {any} */ query) => overview.getUnreachedFamilies(s, query),
      getMeeting: (/** @type {string} */ meetingId) => course.getMeeting(s, meetingId),
      getRsvp: (/** @type {string} */ meetingId) => course.getRsvp(s, meetingId),
      saveRsvp: (/** @type {any} */ input) => course.saveRsvp(s, input),
      getMeetingReplies: (/** @type {string} */ meetingId) => course.getMeetingReplies(s, meetingId),
      getPreparation: (/** @type {string} */ meetingId) => course.getPreparation(s, meetingId),
      savePreparation: (/** @type {any} */ input) => course.savePreparation(s, input),
      getProgrammeIntro: (/** @type {string} */ introId) => course.getProgrammeIntro(s, introId),
      getClassRhythm: (/** @type {any} */ query) => rhythm.getClassRhythm(s, query),
      getEvaluation: (/** @type {string} */ evaluationId) => evaluations.getEvaluation(s, evaluationId),
      submitEvaluationResponse: (/** @type {any} */ input) => evaluations.submitEvaluationResponse(s, input),
      evaluationReceipt: (/** @type {string} */ evaluationId) => evaluations.evaluationReceipt(on, viewer, evaluationId),
      getEvaluationResults: (/** @type {any} */ query) => evaluations.getEvaluationResults(s, query),
      saveEvaluation: (/** @type {any} */ input) => evaluations.saveEvaluation(s, input),
      evaluationAsEditor: (/** @type {string} */ evaluationId) => evaluations.evaluationAsEditor(on, viewer, evaluationId),
    };
  }

  /**
   * Runs one write as one transaction with its idempotency record, then publishes its topics.
   *
   * The record is claimed first (`insert … on conflict do nothing` on the key, the primary
   * key): of two requests with one key, on this process or another, one inserts and applies;
   * the other waits on the key's row until that transaction ends, then finds the record and is
   * replayed (or applies, if the first rolled back). The policy is checked inside, against the
   * rows the write will change; whatever fails rolls back, record and all, so the same key may
   * succeed later. A record older than the time to live is taken over as if it were not there.
   *
   * @template T
   * @param {Viewer} viewer
   * @param {PendingWrite} write
   * @param {(view: ReturnType<typeof as>) => Promise<T>} apply
   * @param {(view: ReturnType<typeof as>, resultId: string | null) => Promise<unknown>} replay answers a replayed key from the resource as it is now
   * @returns {Promise<{ replayed: boolean, result: unknown }>}
   */
  async function write(viewer, { key, digest, resultId, op, input }, apply, replay) {
    /** @type {{ applied: true, result: T, topics: string[] } | { applied: false, record: { request_digest: string, result_id: string | null } }} */
    let outcome;
    try {
      outcome = await db.transaction(async (tx) => {
        const trx = tx.kysely;
        const claimed = await trx
          .insertInto('samen_idempotency')
          .values({ key, request_digest: digest, result_id: resultId })
          .onConflict((oc) =>
            oc
              .column('key')
              .doUpdateSet((eb) => ({
                request_digest: eb.ref('excluded.request_digest'),
                result_id: eb.ref('excluded.result_id'),
                created_at: eb.fn('now'),
              }))
              // Only a record past its time to live, not swept yet, is taken over.
              .where(
                /** @type {import('kysely').RawBuilder<boolean>} */ (
                  sql`samen_idempotency.created_at <= now() - make_interval(secs => ${ttlSeconds})`
                ),
              ),
          )
          .returning('key')
          .executeTakeFirst();
        if (!claimed) {
          const record = await trx
            .selectFrom('samen_idempotency')
            .select(['request_digest', 'result_id'])
            .where('key', '=', key)
            .executeTakeFirstOrThrow();
          return { applied: /** @type {const} */ (false), record };
        }
        await authorizeRoute(trx, viewer, op, input);
        const view = as(viewer, trx);
        const result = await apply(view);
        return { applied: /** @type {const} */ (true), result, topics: [...view.topics] };
      });
    } catch (error) {
      throw asSamenError(error);
    }
    if (!outcome.applied) {
      if (outcome.record.request_digest !== digest) {
        throw new SamenError('invalid-data', 'this Idempotency-Key was used for another request', [
          { path: 'Idempotency-Key', message: 'already used for another request' },
        ]);
      }
      try {
        await authorizeRoute(db.kysely, viewer, op, input);
      } catch (error) {
        // A replayed undo finds its award gone: that is what it did. Writes with a resource to
        // show (resultId) answer the replay from it, so they never get here.
        if (!(outcome.record.result_id === null && error instanceof SamenError && error.kind === 'not-found')) throw error;
      }
      return { replayed: true, result: await replay(as(viewer), outcome.record.result_id) };
    }
    if (outcome.topics.length && bus) {
      // The write stands whatever happens here: a failed publish is logged, streams on other
      // processes then hear of it at their next change.
      await bus
        .publish(outcome.topics)
        .catch((/** @type {any} */ error) => log(`live: could not publish a change (${error?.name ?? 'error'})`));
    }
    return { replayed: false, result: outcome.result };
  }

  return {
    db,
    as,
    write,
    /** @param {string} viewerId */
    viewer: (viewerId) => loadViewer(db.kysely, viewerId),
    /** The policy for one route, before any domain code. @param {Viewer} viewer @param {string} op @param {unknown} input */
    authorize: (viewer, op, input) => authorizeRoute(db.kysely, viewer, op, input),
    /** The ids of a batch read the viewer may read, each as its single read. @param {Viewer} viewer @param {string} op @param {string[]} ids */
    authorizeEach: (viewer, op, ids) => authorizeEach(db.kysely, viewer, op, ids),
    /** @param {Viewer} viewer @param {string} topic */
    authorizeTopic: (viewer, topic) => authorizeTopic(db.kysely, viewer, topic),
    /** @param {string} mediaId */
    uploadContent: (mediaId) => composing.uploadContent(db.kysely, mediaId),
    /** @param {string} ref */
    isClipMedia: (ref) => composing.isClipMedia(db.kysely, ref),
    /** @param {string} mediaId */
    uploadOwner: async (mediaId) =>
      (await db.kysely.selectFrom('samen_uploads').select('owner').where('media_id', '=', mediaId).executeTakeFirst())?.owner,
    ttlSeconds,
  };
}
