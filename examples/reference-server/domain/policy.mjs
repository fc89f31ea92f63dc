// @ts-check
/**
 * The policy (src/core/policy.ts, from dist/) over the tables: for every route and live topic,
 * which action it is and where its resource belongs, looked up in SQL (a clip's class, a
 * chart's class and child, a matrix's school or household, an award's giver). The server calls
 * {@link authorizeRoute} once per request, before any domain code runs: reads at once, writes
 * inside their transaction (against the rows they will change), uploads before a byte of the
 * file is read. `not-found` when the resource does not exist, `forbidden` when the viewer may
 * not; the same table as src/adapters/demo-guard.ts applies to the demo's state.
 */
import { TOPIC_ACTIONS, authorize, isSafeId, may } from '../../../dist/core/policy.js';
import { parseThreadTopic } from '../../../dist/thread/schemas.js';
import { fail } from './common.mjs';
import { classesOfEvaluations, evaluationClasses, evaluationRow, evaluationsOfRun, viewerAudience } from './evaluations.mjs';

/**
 * @typedef {import('../../../dist/core/policy.js').Action} Action
 * @typedef {import('../../../dist/core/policy.js').Scope} Scope
 * @typedef {{ action: Action, scope: Scope, hidden?: true }} Check
 * @typedef {import('./tables.mjs').DB} DB
 */

/** An id from the input: a safe id, or the resource can't exist. */
function idOf(/** @type {unknown} */ value) {
  return isSafeId(value) ? value : fail('not-found');
}

/** @param {unknown} input @param {string} name */
function field(input, name) {
  return idOf(input && typeof input === 'object' ? /** @type {Record<string, unknown>} */ (input)[name] : undefined);
}

/** @template T @param {T | undefined} value @returns {T} */
const found = (value) => (value === undefined ? fail('not-found') : value);

// ------------------------------------------------------------------ where things belong

/** A clip's class. @param {DB} db @param {string} clipId @returns {Promise<Scope | undefined>} */
export async function clipScope(db, clipId) {
  const clip = await db.selectFrom('clips').select('class_id').where('id', '=', clipId).executeTakeFirst();
  return clip && { classId: clip.class_id };
}

/**
 * A feedback-bar target: a host post, else a clip (a post of the same id wins, as in the demo).
 * @param {DB} db @param {string} targetId
 * @returns {Promise<(Scope & { classId: string, kind: 'post' | 'clip', early?: boolean }) | undefined>}
 */
export async function targetOf(db, targetId) {
  const post = await db.selectFrom('posts').select('class_id').where('id', '=', targetId).executeTakeFirst();
  if (post) return { classId: post.class_id, kind: 'post' };
  const clip = await db.selectFrom('clips').select(['class_id', 'scheduled_at']).where('id', '=', targetId).executeTakeFirst();
  return clip && { classId: clip.class_id, kind: 'clip', early: stillToCome(clip.scheduled_at) };
}

/** @param {DB} db @param {string} chartId */
export async function chartOf(db, chartId) {
  return db.selectFrom('reward_charts').select(['id', 'kind', 'class_id', 'child_id']).where('id', '=', chartId).executeTakeFirst();
}

/** A class chart belongs to its class; a personal chart to its child (and the child's class). */
export function chartScope(/** @type {{ class_id: string, child_id: string | null, kind: string }} */ chart) {
  return { classId: chart.class_id, ...(chart.kind === 'personal' && chart.child_id ? { childId: chart.child_id } : {}) };
}

/** A child's check-ins: the child and their class. @param {DB} db @param {string} childId @returns {Promise<Scope | undefined>} */
export async function childScope(db, childId) {
  const child = await db.selectFrom('children').select('class_id').where('id', '=', childId).executeTakeFirst();
  return child && { childId, classId: child.class_id };
}

/** @param {DB} db @param {string} classId @returns {Promise<Scope | undefined>} */
export async function classScope(db, classId) {
  const row = await db.selectFrom('classes').select('id').where('id', '=', classId).executeTakeFirst();
  return row && { classId };
}

/** @param {DB} db @param {string} matrixId */
export async function matrixOf(db, matrixId) {
  return db
    .selectFrom('matrices')
    .select(['id', 'kind', 'school_id', 'household_id', 'version'])
    .where('id', '=', matrixId)
    .executeTakeFirst();
}

/** A home matrix belongs to its household; a school's matrix to its school. */
export function matrixScope(/** @type {{ kind: string, school_id: string | null, household_id: string | null }} */ matrix) {
  return matrix.kind === 'home' ? { familyId: matrix.household_id ?? '' } : { schoolId: matrix.school_id ?? '' };
}

/**
 * Where what a thread is about belongs, per kind of `about` (THREAD_ABOUT_KINDS): the class
 * whose teacher(s) the family talks with. The one thing per kind this server knows; a kind
 * without a row here is `not-found` (refused) until it has one.
 * @type {Record<string, (db: DB, aboutId: string, familyId: string) => Promise<string | undefined>>}
 */
const THREAD_ABOUT_CLASS = {
  // The family's home answer to a clip: the clip's class.
  answer: async (db, clipId) => (await clipScope(db, clipId))?.classId,
  // Their reply under a clip or a host post: its class.
  reply: async (db, targetId) => (await targetOf(db, targetId))?.classId,
  // The successes they shared on the school's matrix: a class of the family's (their own in the
  // order the school lists them, as the demo takes the first).
  success: async (db, matrixId, familyId) => {
    const matrix = await db.selectFrom('matrices').select('kind').where('id', '=', matrixId).executeTakeFirst();
    if (matrix?.kind !== 'school') return undefined;
    const row = await db
      .selectFrom('class_households')
      .select('class_id')
      .where('household_id', '=', familyId)
      .orderBy('position')
      .orderBy('class_id')
      .executeTakeFirst();
    return row?.class_id;
  },
  // A tip and top about their child: the child's class, when the child is this family's.
  child: async (db, childId, familyId) => {
    const row = await db
      .selectFrom('children as c')
      .select('c.class_id')
      .where('c.id', '=', childId)
      .where((eb) =>
        eb.or([
          eb('c.household_id', '=', familyId),
          eb.exists(
            eb
              .selectFrom('viewer_children as vc')
              .innerJoin('viewers as v', 'v.id', 'vc.viewer_id')
              .select('vc.child_id')
              .whereRef('vc.child_id', '=', 'c.id')
              .where('v.household_id', '=', familyId),
          ),
        ]),
      )
      .executeTakeFirst();
    return row?.class_id;
  },
};

/**
 * A thread (issue 24): the family (and its address) and the class of what it is about. `undefined`
 * when that does not exist or the family is not in that class: nobody opens a thread with a family
 * of another class.
 * @param {DB} db
 * @param {unknown} key `{ about: { kind, id }, familyId, householdId? }` as the route checked it
 * @returns {Promise<Scope | undefined>}
 */
export async function threadScope(db, key) {
  const about = key && typeof key === 'object' ? /** @type {{ about?: unknown }} */ (key).about : undefined;
  const kind = about && typeof about === 'object' ? /** @type {{ kind?: unknown }} */ (about).kind : undefined;
  const classOf = typeof kind === 'string' && Object.hasOwn(THREAD_ABOUT_CLASS, kind) ? THREAD_ABOUT_CLASS[kind] : undefined;
  if (!classOf) return undefined;
  const familyId = field(key, 'familyId');
  const classId = await classOf(db, field(about, 'id'), familyId);
  if (classId === undefined) return undefined;
  const member = await db
    .selectFrom('class_households')
    .select('household_id')
    .where('class_id', '=', classId)
    .where('household_id', '=', familyId)
    .executeTakeFirst();
  if (!member) return undefined;
  // One address of the family (issue 24): that address's own thread, unless the school shares
  // within the family (then the family's, as the library's threadScope). An address of another
  // family, or one this server does not know, names no thread.
  const householdId = /** @type {{ householdId?: unknown }} */ (key).householdId;
  if (householdId === undefined) return { familyId, classId };
  const shared = await addressShared(db, idOf(householdId), familyId);
  if (shared === undefined) return undefined;
  return shared ? { familyId, classId } : { familyId, householdId: /** @type {string} */ (householdId), classId };
}

/**
 * Whether the family of this address shares within the family (its school's setting), or
 * `undefined` when the address is not one of this family's.
 * @param {DB} db @param {string} householdId @param {string} familyId
 * @returns {Promise<boolean | undefined>}
 */
export async function addressShared(db, householdId, familyId) {
  const row = await db
    .selectFrom('addresses as a')
    .innerJoin('households as h', 'h.id', 'a.household_id')
    .innerJoin('schools as s', 's.id', 'h.school_id')
    .select('s.share_within_family')
    .where('a.id', '=', householdId)
    .where('a.household_id', '=', familyId)
    .executeTakeFirst();
  return row?.share_within_family;
}

/**
 * A meeting or a programme introduction (issue 26): its class.
 * @param {DB} db @param {'meetings' | 'intros'} table @param {string} id @returns {Promise<Scope | undefined>}
 */
export async function courseScope(db, table, id) {
  const row = await db.selectFrom(table).select('class_id').where('id', '=', id).executeTakeFirst();
  return row && { classId: row.class_id };
}

/**
 * The signed-in household's own reply or sheet for a meeting (issue 26): their family when it is
 * one of the meeting's class (else no family: `other`), and the class. The reply is always the
 * viewer's own household's (domain/course.mjs), never one a request names.
 * @param {DB} db @param {import('./common.mjs').Viewer} viewer @param {string} meetingId
 * @returns {Promise<Scope | undefined>}
 */
export async function replyScope(db, viewer, meetingId) {
  const meeting = await courseScope(db, 'meetings', meetingId);
  if (!meeting) return undefined;
  const member =
    viewer.familyId !== undefined &&
    (await db
      .selectFrom('class_households')
      .select('household_id')
      .where('class_id', '=', /** @type {string} */ (meeting.classId))
      .where('household_id', '=', viewer.familyId)
      .executeTakeFirst());
  return { familyId: member ? /** @type {string} */ (viewer.familyId) : '', classId: meeting.classId };
}

/**
 * An evaluation (issue 25) for an audience the viewer belongs to (`forbidden` otherwise): the
 * class of it that is the viewer's, else its first (then `other`). Unknown: `undefined`.
 * @param {DB} db @param {import('./common.mjs').Viewer} viewer @param {string} evaluationId
 * @returns {Promise<Scope | undefined>}
 */
export async function evaluationScope(db, viewer, evaluationId) {
  const evaluation = await evaluationRow(db, evaluationId);
  if (!evaluation) return undefined;
  viewerAudience(evaluation, viewer);
  const classes = await evaluationClasses(db, evaluationId);
  const classId = classes.find((id) => viewer.classIds.includes(id)) ?? classes[0];
  return classId === undefined ? undefined : { classId };
}

/**
 * A run's evaluations (issue 25: results, a new evaluation of the run): one check per class they
 * go to, so staff read or change a run only when every class of it is theirs. Unknown: `not-found`.
 * @param {DB} db @param {import('./common.mjs').Viewer} viewer @param {unknown} runId @param {Action} action @returns {Promise<Check[]>}
 */
async function runChecks(db, viewer, runId, action) {
  const evaluations = await evaluationsOfRun(db, idOf(runId), viewer.classIds);
  const classes = await classesOfEvaluations(
    db,
    evaluations.map((e) => e.id),
  );
  if (!classes.length) return fail('not-found');
  return classes.map((classId) => ({ action, scope: { classId } }));
}

// ------------------------------------------------------------------ the checks per route

/** @param {DB} db @param {string} chartId @param {Action} classAction @param {Action} personalAction @returns {Promise<Check>} */
async function chartCheck(db, chartId, classAction, personalAction) {
  const chart = found(await chartOf(db, idOf(chartId)));
  return { action: chart.kind === 'personal' ? personalAction : classAction, scope: chartScope(chart) };
}

/** @param {DB} db @param {string} matrixId @param {Action} schoolAction @param {Action} homeAction @returns {Promise<Check>} */
async function matrixCheck(db, matrixId, schoolAction, homeAction) {
  const matrix = found(await matrixOf(db, idOf(matrixId)));
  return { action: matrix.kind === 'home' ? homeAction : schoolAction, scope: matrixScope(matrix) };
}

/** Whether a clip's `scheduled_at` (issue 26) is still to come. @param {unknown} at */
const stillToCome = (at) => at !== null && at !== undefined && new Date(/** @type {string | Date} */ (at)).getTime() > Date.now();

/**
 * A clip's class; a clip scheduled for later (issue 26) is there only for who may read it early
 * (its class's teacher): for anyone else it, and everything on it, is not there yet (`not-found`).
 * @param {Action} action @returns {(db: DB, clipId: string) => Promise<Check[]>}
 */
const clip = (action) => async (db, clipId) => {
  const row = await db.selectFrom('clips').select(['class_id', 'scheduled_at']).where('id', '=', idOf(clipId)).executeTakeFirst();
  const scope = { classId: found(row?.class_id) };
  return stillToCome(row?.scheduled_at)
    ? [
        { action: 'clip.read-scheduled', scope, hidden: true },
        { action, scope },
      ]
    : [{ action, scope }];
};
/** @param {Action} action @returns {(db: DB, targetId: string) => Promise<Check[]>} */
const target = (action) => async (db, targetId) => {
  const target_ = found(await targetOf(db, idOf(targetId)));
  const scope = { classId: target_.classId };
  return target_.early
    ? [
        { action: 'clip.read-scheduled', scope, hidden: true },
        { action, scope },
      ]
    : [{ action, scope }];
};

/** A check passes, or throws; a hidden resource the viewer may not see is `not-found`. @param {import('./common.mjs').Viewer} viewer @param {Check} check */
function pass(viewer, { action, scope, hidden }) {
  if (hidden && !may(viewer, action, scope)) fail('not-found');
  authorize(viewer, action, scope);
}

/** @type {Record<string, (db: DB, viewer: import('./common.mjs').Viewer, input: any) => Promise<Check[]>>} */
const ROUTE_CHECKS = {
  getViewer: async () => [],
  getLessonClip: (db, _viewer, clipId) => clip('clip.read')(db, clipId),
  getHomeAnswer: (db, _viewer, clipId) => clip('answer.read')(db, clipId),
  saveHomeAnswer: (db, _viewer, input) => clip('answer.write')(db, field(input, 'clipId')),
  markSeen: (db, _viewer, input) => clip('seen.write')(db, field(input, 'clipId')),
  getClipReach: (db, _viewer, clipId) => clip('reach.read')(db, clipId),
  getClassBoard: (db, _viewer, clipId) => clip('board.read')(db, clipId),
  getReactions: (db, _viewer, targetId) => target('reactions.read')(db, targetId),
  setReaction: (db, _viewer, input) => target('reaction.write')(db, field(input, 'targetId')),
  addReply: (db, _viewer, input) => target('reply.write')(db, field(input, 'targetId')),
  getRewardChart: async (db, _viewer, chartId) => [await chartCheck(db, chartId, 'class-chart.read', 'personal-chart.read')],
  award: async (db, _viewer, input) => [await chartCheck(db, field(input, 'chartId'), 'class-chart.award', 'personal-chart.sticker')],
  undoAward: async (db, _viewer, input) => {
    const chartId = field(input, 'chartId');
    const awardId = field(input, 'awardId');
    // Taking an award back needs the right to award on this chart, and the award must be one's own.
    const chart = await chartCheck(db, chartId, 'class-chart.award', 'personal-chart.sticker');
    const award = found(
      await db
        .selectFrom('awards')
        .select('given_by')
        .where('id', '=', awardId)
        .where('chart_id', '=', chartId)
        .where('redeemed_in', 'is', null)
        .executeTakeFirst(),
    );
    return [chart, { action: 'award.undo', scope: { personId: award.given_by ?? '' } }];
  },
  redeem: async (db, _viewer, input) => [await chartCheck(db, field(input, 'chartId'), 'class-chart.redeem', 'personal-chart.redeem')],
  // The child's choice (issue 24): a personal chart's; a class chart has none (the same action, refused or invalid).
  chooseChartGoal: async (db, _viewer, input) => [
    await chartCheck(db, field(input, 'chartId'), 'personal-chart.choose', 'personal-chart.choose'),
  ],
  // The adults set those options (issue 24): a parent of the child, the class's teacher.
  setChartChoices: async (db, _viewer, input) => [
    await chartCheck(db, field(input, 'chartId'), 'personal-chart.options', 'personal-chart.options'),
  ],
  getCheckins: async (db, _viewer, input) => [{ action: 'checkin.read', scope: found(await childScope(db, field(input, 'childId'))) }],
  getClassCheckins: async (db, _viewer, input) => [{ action: 'signals.read', scope: found(await classScope(db, field(input, 'classId'))) }],
  saveCheckin: async (db, _viewer, input) => {
    const childId = field(input, 'childId');
    const checkinId = field(input, 'checkinId');
    /** @type {Check[]} */
    const checks = [{ action: 'checkin.write', scope: found(await childScope(db, childId)) }];
    // A check-in id that is already another child's is that child's check-in: writing it would
    // replace their feeling. It takes the write right on them too (and is then a conflict).
    const existing = await db.selectFrom('checkins').select('child_id').where('id', '=', checkinId).executeTakeFirst();
    if (existing && existing.child_id !== childId)
      checks.push({ action: 'checkin.write', scope: found(await childScope(db, existing.child_id)) });
    return checks;
  },
  getExpectationMatrix: async (db, _viewer, matrixId) => [await matrixCheck(db, matrixId, 'school-matrix.read', 'home-matrix.read')],
  saveExpectationMatrix: async (db, _viewer, input) => [
    await matrixCheck(
      db,
      field(input && typeof input === 'object' ? input.matrix : undefined, 'id'),
      'school-matrix.write',
      'home-matrix.write',
    ),
  ],
  shareSuccess: async (db, _viewer, input) => [await matrixCheck(db, field(input, 'matrixId'), 'success.write', 'success.write')],
  getSuccesses: async (db, _viewer, input) => [await matrixCheck(db, field(input, 'matrixId'), 'successes.read', 'successes.read')],
  uploadMedia: async (_db, viewer) => [{ action: 'upload.write', scope: { personId: viewer.id } }],
  getUploadedMedia: async (db, _viewer, mediaId) => {
    const upload = found(await db.selectFrom('samen_uploads').select('owner').where('media_id', '=', idOf(mediaId)).executeTakeFirst());
    return [{ action: 'upload.read', scope: { personId: upload.owner } }];
  },
  publishLessonClip: async (db, _viewer, input) => [
    { action: 'clip.publish', scope: found(await classScope(db, field(input, 'classId'))) },
  ],
  getThread: async (db, _viewer, key) => [{ action: 'thread.read', scope: found(await threadScope(db, key)) }],
  addThreadMessage: async (db, _viewer, input) => [{ action: 'thread.write', scope: found(await threadScope(db, input)) }],
  markThreadRead: async (db, _viewer, input) => [{ action: 'thread.read', scope: found(await threadScope(db, input)) }],
  // The programme overview (issue 25): every class asked for, else the viewer's own; none at all is nobody's to read.
  getProgrammeOverview: async (db, viewer, input) => {
    const asked = /** @type {{ classIds?: string[] }} */ (input).classIds ?? viewer.classIds;
    if (!asked.length) return [{ action: 'overview.read', scope: { classId: '' } }];
    const known = new Set((await db.selectFrom('classes').select('id').where('id', 'in', asked).execute()).map((row) => row.id));
    return asked.map((classId) => ({ action: 'overview.read', scope: found(known.has(classId) ? { classId } : undefined) }));
  },
  getUnreachedFamilies: async (db, _viewer, input) => [
    { action: 'unreached.read', scope: found(await classScope(db, field(input, 'classId'))) },
  ],
  // The course (issue 26): a meeting of the class; the household's own reply and sheet; the class's teacher's list.
  getMeeting: async (db, _viewer, meetingId) => [
    { action: 'meeting.read', scope: found(await courseScope(db, 'meetings', idOf(meetingId))) },
  ],
  getRsvp: async (db, viewer, meetingId) => [{ action: 'rsvp.read', scope: found(await replyScope(db, viewer, idOf(meetingId))) }],
  saveRsvp: async (db, viewer, input) => [{ action: 'rsvp.write', scope: found(await replyScope(db, viewer, field(input, 'meetingId'))) }],
  getMeetingReplies: async (db, _viewer, meetingId) => {
    const scope = found(await courseScope(db, 'meetings', idOf(meetingId)));
    return [
      { action: 'rsvp.list', scope },
      { action: 'preparation.list', scope },
    ];
  },
  getPreparation: async (db, viewer, meetingId) => [
    { action: 'preparation.read', scope: found(await replyScope(db, viewer, idOf(meetingId))) },
  ],
  savePreparation: async (db, viewer, input) => [
    { action: 'preparation.write', scope: found(await replyScope(db, viewer, field(input, 'meetingId'))) },
  ],
  getProgrammeIntro: async (db, _viewer, introId) => [
    { action: 'meeting.read', scope: found(await courseScope(db, 'intros', idOf(introId))) },
  ],
  getClassRhythm: async (db, _viewer, input) => [{ action: 'rhythm.read', scope: found(await classScope(db, field(input, 'classId'))) }],
  // Evaluations (issue 25): an invited audience its form and own response; staff the run's results and its questions.
  getEvaluation: async (db, viewer, evaluationId) => [
    { action: 'evaluation.read', scope: found(await evaluationScope(db, viewer, idOf(evaluationId))) },
  ],
  submitEvaluationResponse: async (db, viewer, input) => [
    { action: 'evaluation.respond', scope: found(await evaluationScope(db, viewer, field(input, 'evaluationId'))) },
  ],
  getEvaluationResults: (db, viewer, input) => runChecks(db, viewer, field(input, 'programmeRunId'), 'evaluation.results'),
  saveEvaluation: async (db, viewer, input) => {
    const evaluationId = field(input, 'evaluationId');
    if (!(await evaluationRow(db, evaluationId))) return runChecks(db, viewer, field(input, 'programmeRunId'), 'evaluation.edit');
    const classes = await evaluationClasses(db, evaluationId);
    return (classes.length ? classes : [fail('not-found')]).map((classId) => ({ action: 'evaluation.edit', scope: { classId } }));
  },
};

/** The operations the policy knows: every route's operationId. */
export const AUTHORIZED_OPERATIONS = Object.keys(ROUTE_CHECKS);

/**
 * Throws `not-found` when the resource does not exist and `forbidden` when the viewer may not
 * do this to it; returns when the policy allows it. An operation the table does not list is
 * forbidden.
 * @param {DB} db
 * @param {import('./common.mjs').Viewer} viewer
 * @param {string} op the route's operationId
 * @param {unknown} input what the operation gets (see routes.mjs)
 */
export async function authorizeRoute(db, viewer, op, input) {
  const checks = Object.hasOwn(ROUTE_CHECKS, op) ? ROUTE_CHECKS[op] : undefined;
  if (!checks) fail('forbidden', `not allowed: ${op}`);
  for (const check of await checks(db, viewer, input)) pass(viewer, check);
}

/**
 * The ids of a batch read (issue 23: `getLessonClips`, `getHomeAnswers`, `getReactionSummaries`) the viewer may
 * read, each as its single read would be allowed: the scopes of all of them at once, then the
 * policy per id. The server answers `null` for the others, unknown and refused alike.
 * @param {DB} db
 * @param {import('./common.mjs').Viewer} viewer
 * @param {string} op
 * @param {string[]} ids safe ids
 * @returns {Promise<Set<string>>}
 */
export async function authorizeEach(db, viewer, op, ids) {
  /** @type {Map<string, Scope>} */
  const scopes = new Map();
  /** @type {Action} */
  let action;
  if (!ids.length) return new Set();
  if (op === 'getLessonClips' || op === 'getHomeAnswers') {
    action = op === 'getLessonClips' ? 'clip.read' : 'answer.read';
    for (const row of await db.selectFrom('clips').select(['id', 'class_id', 'scheduled_at']).where('id', 'in', ids).execute())
      // A clip scheduled for later (issue 26): only for who may read it early, as the single read.
      if (!stillToCome(row.scheduled_at) || may(viewer, 'clip.read-scheduled', { classId: row.class_id }))
        scopes.set(row.id, { classId: row.class_id });
  } else if (op === 'getReactionSummaries') {
    action = 'reactions.read';
    // A post of the same id wins over a clip, as in targetOf.
    for (const row of await db.selectFrom('clips').select(['id', 'class_id']).where('id', 'in', ids).execute())
      scopes.set(row.id, { classId: row.class_id });
    for (const row of await db.selectFrom('posts').select(['id', 'class_id']).where('id', 'in', ids).execute())
      scopes.set(row.id, { classId: row.class_id });
  } else {
    return fail('forbidden', `not allowed: ${op}`);
  }
  const allowed = new Set();
  for (const id of ids) {
    const scope = scopes.get(id);
    if (!scope) continue;
    try {
      authorize(viewer, action, scope);
      allowed.add(id);
    } catch {
      // Refused: this id is `null` in the answer, as an unknown one.
    }
  }
  return allowed;
}

/**
 * A live topic follows the read of what it announces: `clip:<id>` as reading the clip,
 * `feelings:<childId>` as reading that child's check-ins, `feelings:class:<classId>` as the
 * class overview. An unknown kind or resource is `not-found`.
 * @param {DB} db
 * @param {import('./common.mjs').Viewer} viewer
 * @param {string} topic
 */
export async function authorizeTopic(db, viewer, topic) {
  const colon = topic.indexOf(':');
  const kind = colon < 0 ? topic : topic.slice(0, colon);
  const id = topic.slice(colon + 1);
  /** @type {Check} */
  let check;
  switch (kind) {
    case 'clip':
    case 'reactions': {
      const checks = await (kind === 'clip' ? clip('clip.read') : target('reactions.read'))(db, id);
      for (const early of checks.slice(0, -1)) pass(viewer, early);
      check = /** @type {Check} */ (checks[checks.length - 1]);
      break;
    }
    case 'chart':
      check = await chartCheck(db, id, 'class-chart.read', 'personal-chart.read');
      break;
    case 'matrix':
      check = await matrixCheck(db, id, 'school-matrix.read', 'home-matrix.read');
      break;
    case 'feelings':
      check = id.startsWith('class:')
        ? { action: 'signals.read', scope: found(await classScope(db, idOf(id.slice('class:'.length)))) }
        : { action: 'checkin.read', scope: found(await childScope(db, idOf(id))) };
      break;
    case 'thread':
      check = { action: 'thread.read', scope: found(await threadScope(db, parseThreadTopic(topic))) };
      break;
    case 'meeting':
      check = { action: TOPIC_ACTIONS.meeting, scope: found(await courseScope(db, 'meetings', idOf(id))) };
      break;
    case 'intro':
      check = { action: TOPIC_ACTIONS.intro, scope: found(await courseScope(db, 'intros', idOf(id))) };
      break;
    case 'evaluation':
      check = { action: 'evaluation.read', scope: found(await evaluationScope(db, viewer, idOf(id))) };
      break;
    case 'board':
      [check] = /** @type {[Check]} */ (await clip('board.read')(db, id));
      break;
    default:
      return fail('not-found');
  }
  pass(viewer, check);
}
