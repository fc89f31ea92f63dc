/**
 * The policy (src/core/policy.ts) applied to the demo store: for every adapter method and live
 * topic, which action it is and where its resource belongs. The MemoryAdapter and LocalAdapter
 * call {@link authorizeCall} before any domain code, and so does the reference server before
 * it calls its domain layer: one guard, so a demo behaves like the server.
 */
import { SamenError } from '../core/errors.js';
import { own } from '../core/dict.js';
import { authorize, isSafeId, may, type Action, type PolicyViewer, type Scope } from '../core/policy.js';
import { isScheduled } from '../lesson-clip/schemas.js';
import type { DemoState } from './demo-data.js';
import { chartOf, chartScope, childScope, classScope, clipScope, matrixOf, matrixScope, targetScope, threadScope } from './demo-scopes.js';
import { parseThreadTopic } from '../thread/schemas.js';
import { evaluationsOfRun, viewerAudience } from './demo-evaluation.js';

export interface GuardLookups {
  /**
   * Who uploaded a file, when uploads are kept outside the state (the reference server keeps
   * them in a table of their own). Default: the state's `uploads`.
   */
  uploadOwner?: (mediaId: string) => string | undefined | Promise<string | undefined>;
}

/** `hidden`: a viewer without the right reads the resource as not there (`not-found`), never `forbidden`. */
type Check = { action: Action; scope: Scope; hidden?: true };
type Guard = (state: DemoState, viewer: PolicyViewer, input: unknown, lookups: GuardLookups) => Check[] | Promise<Check[]>;

const notFound = (): never => {
  throw new SamenError('not-found');
};

/** An id from the input: a safe id, or the resource can't exist. */
function idOf(value: unknown): string {
  return isSafeId(value) ? value : notFound();
}

function field(input: unknown, name: string): string {
  const value = input && typeof input === 'object' ? (input as Record<string, unknown>)[name] : undefined;
  return idOf(value);
}

const found = <T>(value: T | undefined): T => (value === undefined ? notFound() : value);

/**
 * A clip: its class; a clip scheduled for later (issue 26) is there only for who may read it
 * early (the class's teacher): for anyone else it does not exist yet, and nothing on it does.
 */
const clip =
  (action: Action) =>
  (state: DemoState, clipId: string): Check[] => {
    const scope = found(clipScope(state, idOf(clipId)));
    const early = isScheduled(own(state.clips, clipId) ?? {});
    return early
      ? [
          { action: 'clip.read-scheduled', scope, hidden: true },
          { action, scope },
        ]
      : [{ action, scope }];
  };
const target =
  (action: Action) =>
  (state: DemoState, targetId: string): Check[] => {
    const scope = found(targetScope(state, idOf(targetId)));
    // Reactions on a clip scheduled for later: as hidden as the clip (a host post of the same id wins, as in targetScope).
    const early = !own(state.posts, targetId) && isScheduled(own(state.clips, targetId) ?? {});
    return early
      ? [
          { action: 'clip.read-scheduled', scope, hidden: true },
          { action, scope },
        ]
      : [{ action, scope }];
  };

function chartCheck(state: DemoState, chartId: string, classAction: Action, personalAction: Action): Check {
  const chart = found(chartOf(state, idOf(chartId)));
  return { action: chart.kind === 'personal' ? personalAction : classAction, scope: chartScope(chart) };
}

function matrixCheck(state: DemoState, matrixId: string, schoolAction: Action, homeAction: Action): Check {
  const matrix = found(matrixOf(state, idOf(matrixId)));
  return { action: matrix.kind === 'home' ? homeAction : schoolAction, scope: matrixScope(matrix) };
}

/** A thread (issue 24): what it is about and the family (or one household of it); the family must be in that class. */
function threadCheck(state: DemoState, input: unknown, action: Action): Check[] {
  const about = input && typeof input === 'object' ? (input as { about?: unknown }).about : undefined;
  const kind = about && typeof about === 'object' ? (about as { kind?: unknown }).kind : undefined;
  const household = input && typeof input === 'object' ? (input as { householdId?: unknown }).householdId : undefined;
  const scope = threadScope(
    state,
    { kind: typeof kind === 'string' ? kind : '', id: field(about, 'id') },
    field(input, 'familyId'),
    household === undefined ? undefined : idOf(household),
  );
  return [{ action, scope: found(scope) }];
}

/** A meeting or programme introduction (issue 26): its class. */
function courseScope(state: DemoState, kind: 'meetings' | 'intros', id: string): Scope {
  const item = own<{ classId?: string }>(state[kind] ?? {}, idOf(id));
  return { classId: found(item?.classId) };
}

/** The signed-in household's own reply or sheet for a meeting: its family, when that family is in the meeting's class. */
function householdScope(state: DemoState, viewer: PolicyViewer, meetingId: string): Scope {
  const { classId } = courseScope(state, 'meetings', meetingId);
  const inClass = viewer.familyId !== undefined && (own(state.families, classId!) ?? []).some((f) => f.familyId === viewer.familyId);
  return { familyId: inClass ? viewer.familyId! : '', classId: classId! };
}

/**
 * The programme overview (issue 25): every class asked for (`classIds`), else the viewer's own
 * classes; a viewer with none is asked about no class at all, which nobody may read.
 */
function overviewChecks(state: DemoState, viewer: PolicyViewer, input: unknown): Check[] {
  const asked = input && typeof input === 'object' ? (input as { classIds?: unknown }).classIds : undefined;
  if (asked !== undefined && !Array.isArray(asked)) return notFound();
  const classIds = asked ?? viewer.classIds ?? [];
  if (!classIds.length) return [{ action: 'overview.read', scope: { classId: '' } }];
  return classIds.map((id) => ({ action: 'overview.read' as const, scope: found(classScope(state, idOf(id))) }));
}

async function uploadOwner(state: DemoState, mediaId: string, lookups: GuardLookups): Promise<string> {
  const owner = lookups.uploadOwner
    ? await lookups.uploadOwner(mediaId)
    : (own(state.uploads ?? {}, mediaId) as { ownerId?: string } | undefined)?.ownerId;
  return found(owner);
}

/** An evaluation (issue 25): its run's class, for an audience the viewer belongs to (`forbidden` otherwise). */
function evaluationScope(state: DemoState, viewer: PolicyViewer, evaluationId: string, invited: boolean): Scope {
  const evaluation = found(own(state.evaluations ?? {}, idOf(evaluationId)));
  if (invited) viewerAudience(evaluation, viewer);
  return { classId: evaluation.classId };
}

/** A run's evaluations: one check per class they are about (an unknown run is `not-found`). */
function runChecks(state: DemoState, runId: unknown, action: Action): Check[] {
  const evaluations = evaluationsOfRun(state, idOf(runId));
  if (!evaluations.length) return notFound();
  return [...new Set(evaluations.map((e) => e.classId))].map((classId) => ({ action, scope: { classId } }));
}

/** Every adapter method: the checks it must pass. A method not listed is denied. */
const GUARDS: Record<string, Guard> = {
  getViewer: () => [],
  getLessonClip: (state, _viewer, input) => clip('clip.read')(state, input as string),
  getHomeAnswer: (state, _viewer, input) => clip('answer.read')(state, input as string),
  saveHomeAnswer: (state, _viewer, input) => clip('answer.write')(state, field(input, 'clipId')),
  markSeen: (state, _viewer, input) => clip('seen.write')(state, field(input, 'clipId')),
  getClipReach: (state, _viewer, input) => clip('reach.read')(state, input as string),
  getClassBoard: (state, _viewer, input) => clip('board.read')(state, input as string),
  getReactions: (state, _viewer, input) => target('reactions.read')(state, input as string),
  setReaction: (state, _viewer, input) => target('reaction.write')(state, field(input, 'targetId')),
  addReply: (state, _viewer, input) => target('reply.write')(state, field(input, 'targetId')),
  getRewardChart: (state, _viewer, input) => [chartCheck(state, input as string, 'class-chart.read', 'personal-chart.read')],
  award: (state, _viewer, input) => [chartCheck(state, field(input, 'chartId'), 'class-chart.award', 'personal-chart.sticker')],
  undoAward: (state, _viewer, input) => {
    const chartId = field(input, 'chartId');
    const awardId = field(input, 'awardId');
    // Taking an award back needs the right to award on this chart, and the award must be one's own.
    const chart = chartCheck(state, chartId, 'class-chart.award', 'personal-chart.sticker');
    const award = found(found(chartOf(state, chartId)).awards.find((a) => a.id === awardId));
    return [chart, { action: 'award.undo', scope: { personId: award.givenById ?? '' } }];
  },
  redeem: (state, _viewer, input) => [chartCheck(state, field(input, 'chartId'), 'class-chart.redeem', 'personal-chart.redeem')],
  // Only a personal chart has the child's choices; on a class chart it is the teacher's redeem right (and then refused as invalid).
  chooseChartGoal: (state, _viewer, input) => [chartCheck(state, field(input, 'chartId'), 'class-chart.redeem', 'personal-chart.choose')],
  // The adults set those choices (issue 24); on a class chart the teacher's redeem right, then refused as invalid.
  setChartChoices: (state, _viewer, input) => [chartCheck(state, field(input, 'chartId'), 'class-chart.redeem', 'personal-chart.options')],
  getCheckins: (state, _viewer, input) => [{ action: 'checkin.read', scope: found(childScope(state, field(input, 'childId'))) }],
  getClassCheckins: (state, _viewer, input) => [{ action: 'signals.read', scope: found(classScope(state, field(input, 'classId'))) }],
  saveCheckin: (state, _viewer, input) => {
    const childId = field(input, 'childId');
    const checkinId = field(input, 'checkinId');
    const checks: Check[] = [{ action: 'checkin.write', scope: found(childScope(state, childId)) }];
    // A check-in id that is already another child's is that child's check-in: writing it would
    // replace their feeling (and erase the teacher's signal). It takes the write right on them.
    const existing = state.checkins.find((c) => c.id === checkinId);
    if (existing && existing.childId !== childId)
      checks.push({ action: 'checkin.write', scope: found(childScope(state, existing.childId)) });
    return checks;
  },
  getExpectationMatrix: (state, _viewer, input) => [matrixCheck(state, input as string, 'school-matrix.read', 'home-matrix.read')],
  saveExpectationMatrix: (state, _viewer, input) => {
    const matrix = input && typeof input === 'object' ? (input as { matrix?: unknown }).matrix : undefined;
    return [matrixCheck(state, field(matrix, 'id'), 'school-matrix.write', 'home-matrix.write')];
  },
  shareSuccess: (state, _viewer, input) => [matrixCheck(state, field(input, 'matrixId'), 'success.write', 'success.write')],
  getSuccesses: (state, _viewer, input) => [matrixCheck(state, field(input, 'matrixId'), 'successes.read', 'successes.read')],
  uploadMedia: (_state, viewer) => [{ action: 'upload.write', scope: { personId: viewer.id } }],
  getUploadedMedia: async (state, _viewer, input, lookups) => [
    { action: 'upload.read', scope: { personId: await uploadOwner(state, idOf(input), lookups) } },
  ],
  publishLessonClip: (state, _viewer, input) => [{ action: 'clip.publish', scope: found(classScope(state, field(input, 'classId'))) }],
  getProgrammeOverview: (state, viewer, input) => overviewChecks(state, viewer, input),
  getUnreachedFamilies: (state, _viewer, input) => [{ action: 'unreached.read', scope: found(classScope(state, field(input, 'classId'))) }],
  getThread: (state, _viewer, input) => threadCheck(state, input, 'thread.read'),
  addThreadMessage: (state, _viewer, input) => threadCheck(state, input, 'thread.write'),
  markThreadRead: (state, _viewer, input) => threadCheck(state, input, 'thread.read'),
  getMeeting: (state, _viewer, input) => [{ action: 'meeting.read', scope: courseScope(state, 'meetings', input as string) }],
  getRsvp: (state, viewer, input) => [{ action: 'rsvp.read', scope: householdScope(state, viewer, idOf(input)) }],
  saveRsvp: (state, viewer, input) => [{ action: 'rsvp.write', scope: householdScope(state, viewer, field(input, 'meetingId')) }],
  getMeetingReplies: (state, _viewer, input) => {
    const scope = courseScope(state, 'meetings', input as string);
    return [
      { action: 'rsvp.list', scope },
      { action: 'preparation.list', scope },
    ];
  },
  getPreparation: (state, viewer, input) => [{ action: 'preparation.read', scope: householdScope(state, viewer, idOf(input)) }],
  savePreparation: (state, viewer, input) => [
    { action: 'preparation.write', scope: householdScope(state, viewer, field(input, 'meetingId')) },
  ],
  getProgrammeIntro: (state, _viewer, input) => [{ action: 'meeting.read', scope: courseScope(state, 'intros', input as string) }],
  getClassRhythm: (state, _viewer, input) => [{ action: 'rhythm.read', scope: found(classScope(state, field(input, 'classId'))) }],
  getEvaluation: (state, viewer, input) => [{ action: 'evaluation.read', scope: evaluationScope(state, viewer, input as string, true) }],
  submitEvaluationResponse: (state, viewer, input) => [
    { action: 'evaluation.respond', scope: evaluationScope(state, viewer, field(input, 'evaluationId'), true) },
  ],
  getEvaluationResults: (state, _viewer, input) =>
    runChecks(
      state,
      input && typeof input === 'object' ? (input as { programmeRunId?: unknown }).programmeRunId : undefined,
      'evaluation.results',
    ),
  saveEvaluation: (state, _viewer, input) =>
    own(state.evaluations ?? {}, field(input, 'evaluationId'))
      ? [{ action: 'evaluation.edit', scope: evaluationScope(state, _viewer, field(input, 'evaluationId'), false) }]
      : runChecks(state, field(input, 'programmeRunId'), 'evaluation.edit'),
};

/** The adapter methods the guard knows: every method of `SamenAdapter` but `subscribe`. */
export const GUARDED_METHODS = Object.keys(GUARDS);

/**
 * Throws `not-found` when the resource does not exist and `forbidden` when the viewer may not
 * do this to it; returns when the policy allows the call. Unknown methods are forbidden.
 */
export async function authorizeCall(
  state: DemoState,
  viewer: PolicyViewer,
  method: string,
  input: unknown,
  lookups: GuardLookups = {},
): Promise<void> {
  const guard = Object.prototype.hasOwnProperty.call(GUARDS, method) ? GUARDS[method] : undefined;
  if (!guard) throw new SamenError('forbidden', `not allowed: ${method}`);
  for (const check of await guard(state, viewer, input, lookups)) pass(viewer, check);
}

function pass(viewer: PolicyViewer, { action, scope, hidden }: Check): void {
  if (hidden && !may(viewer, action, scope)) notFound();
  authorize(viewer, action, scope);
}

/**
 * A live topic follows the read of what it announces: `clip:<id>` as reading the clip,
 * `feelings:<childId>` as reading that child's check-ins, `feelings:class:<classId>` as the
 * class overview. An unknown kind or resource is `not-found`.
 */
export function authorizeTopic(state: DemoState, viewer: PolicyViewer, topic: string): void {
  const [kind, ...rest] = topic.split(':');
  const id = rest.join(':');
  let check: Check;
  switch (kind) {
    case 'clip': {
      const checks = clip('clip.read')(state, id);
      for (const early of checks.slice(0, -1)) pass(viewer, early);
      check = checks[checks.length - 1]!;
      break;
    }
    case 'reactions': {
      const checks = target('reactions.read')(state, id);
      for (const early of checks.slice(0, -1)) pass(viewer, early);
      check = checks[checks.length - 1]!;
      break;
    }
    case 'chart':
      check = chartCheck(state, id, 'class-chart.read', 'personal-chart.read');
      break;
    case 'matrix':
      check = matrixCheck(state, id, 'school-matrix.read', 'home-matrix.read');
      break;
    case 'feelings':
      check = id.startsWith('class:')
        ? { action: 'signals.read', scope: found(classScope(state, idOf(id.slice('class:'.length)))) }
        : { action: 'checkin.read', scope: found(childScope(state, idOf(id))) };
      break;
    case 'thread':
      [check] = threadCheck(state, parseThreadTopic(topic) ?? notFound(), 'thread.read') as [Check];
      break;
    case 'meeting':
      check = { action: 'meeting.read', scope: courseScope(state, 'meetings', id) };
      break;
    case 'intro':
      check = { action: 'meeting.read', scope: courseScope(state, 'intros', id) };
      break;
    case 'evaluation':
      check = { action: 'evaluation.read', scope: evaluationScope(state, viewer, id, true) };
      break;
    case 'board':
      [check] = clip('board.read')(state, id) as [Check];
      break;
    default:
      return notFound();
  }
  authorize(viewer, check.action, check.scope);
}
