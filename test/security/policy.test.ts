/**
 * The whole authorization table, generated, against the MemoryAdapter (and so the reference
 * server's domain layer): every adapter method and every live topic × every role (a seeded
 * viewer of each) × a resource the viewer owns and resources they don't. What each cell must do
 * comes from POLICY (src/core/policy.ts), imported, never re-typed here: allowed → the call
 * resolves (the resources are chosen so no domain rule refuses it: goals reached, home stickers
 * on, the stored matrix version), denied → it rejects with `forbidden` and the state is exactly
 * as before. A live topic allowed → its listener hears a change; denied → never.
 *
 * Each cell is one `it`, named `method (resource) · role · own|other`, and may try several
 * resources: "other" is the other family in the same class (for parents and the child), another
 * class of the school, and another school (De Zonnebloem, added here: nobody signed in belongs
 * to it). Cells no call can express are listed as not applicable, with the reason.
 */
import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { createDemoState, type DemoState, type StoredChart } from '../../src/adapters/demo-data.js';
import { GUARDED_METHODS } from '../../src/adapters/demo-guard.js';
import { ACTIONS, POLICY, RELATIONS, ROLES, TOPIC_ACTIONS, type Action, type Relation, type Role } from '../../src/core/policy.js';
import type { SamenTopic } from '../../src/core/adapter.js';
import type { Viewer } from '../../src/core/schemas.js';
import { threadTopic } from '../../src/thread/schemas.js';

/** The seeded viewer who plays each role. */
const PLAYERS: Record<Role, string> = {
  parent: 'parent-1',
  child: 'child-login-1',
  teacher: 'teacher-1',
  'care-coordinator': 'care-1',
  'school-leader': 'leader-1',
};

/** What the policy says, read from POLICY itself. */
function granted(role: Role, action: Action, relation: Relation): boolean {
  const grants = POLICY[action] as Partial<Record<Role, readonly Relation[]>>;
  return Object.prototype.hasOwnProperty.call(grants, role) && (grants[role] ?? []).includes(relation);
}

// ------------------------------------------------------------------ the school under test

const OTHER_SCHOOL_CLASS = 'zb-groep3';
let keys = 0;
const key = () => `policy-${++keys}`;
const PNG = () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], { type: 'image/png' });

/**
 * The seeded demo school, plus: a class of another school (De Zonnebloem) with a clip, a post,
 * charts and a child; a personal chart for child-2 (the other family of groep 6); for every
 * seeded viewer an upload and an award on each groep 6 chart that are theirs (just given, inside
 * the undo window); and an upload and awards of teacher-2's.
 */
function demoSchool(): DemoState {
  const state = createDemoState({ locale: 'nl', seed: 7, now: new Date() });
  const now = new Date().toISOString();
  const clone = <T>(value: T): T => structuredClone(value);
  const g7Clip = state.clips['pbs-1'] as Record<string, unknown>;
  const classWish = state.charts['class-wish']!;
  const personal = state.charts['personal-child-1']!;

  state.classes[OTHER_SCHOOL_CLASS] = ['zb-child-1'];
  state.families[OTHER_SCHOOL_CLASS] = [{ familyId: 'zb-fam-1', name: 'Familie Zon' }];
  state.clips['zb-1'] = { ...clone(g7Clip), id: 'zb-1', classId: OTHER_SCHOOL_CLASS };
  state.posts['zb-post-1'] = { classId: OTHER_SCHOOL_CLASS };
  state.charts['zb-class'] = {
    ...clone(classWish),
    id: 'zb-class',
    classId: OTHER_SCHOOL_CLASS,
    awards: [{ id: 'zb-a1', source: 'school', givenById: 'zb-teacher', createdAt: now }],
  };
  state.charts['zb-personal'] = {
    ...clone(personal),
    id: 'zb-personal',
    classId: OTHER_SCHOOL_CLASS,
    childId: 'zb-child-1',
    awards: [{ id: 'zb-s1', source: 'school', givenById: 'zb-teacher', createdAt: now }],
  };
  state.charts['personal-child-2'] = {
    ...clone(personal),
    id: 'personal-child-2',
    childId: 'child-2',
    childName: 'Daan',
    awards: [{ id: 'c2-s1', source: 'school', givenById: 'teacher-1', createdAt: now }],
  };
  state.checkins.push({
    id: 'checkin:zb-child-1:school:seed-0',
    childId: 'zb-child-1',
    feeling: 'happy',
    strength: 2,
    context: 'school',
    createdAt: now,
  });

  const uploads = (state.uploads ??= {});
  const upload = (ownerId: string) => ({ ownerId, kind: 'photo' as const, type: 'image/png', size: 8, name: 'foto.png', blob: PNG() });
  for (const viewer of state.viewers) {
    uploads[`media-own-${viewer.id}`] = upload(viewer.id);
    classWish.awards.push({ id: `own-award-${viewer.id}`, source: 'school', givenById: viewer.id, createdAt: now });
    personal.awards.push({ id: `own-sticker-${viewer.id}`, source: 'home', givenById: viewer.id, createdAt: now });
  }
  uploads['media-of-teacher-2'] = upload('teacher-2');
  classWish.awards.push({ id: 'award-of-teacher-2', source: 'school', givenById: 'teacher-2', createdAt: now });
  personal.awards.push({ id: 'sticker-of-teacher-2', source: 'school', givenById: 'teacher-2', createdAt: now });
  state.charts['personal-g7child-1']!.awards.push({ id: 'g7-s1', source: 'school', givenById: 'teacher-2', createdAt: now });
  // The course (issue 26): a meeting and an introduction of groep 7 and of the other school.
  const conversation = state.meetings!['wish-conversation']!;
  state.meetings!['g7-meeting'] = { ...clone(conversation), id: 'g7-meeting', classId: 'groep7-pbs' };
  state.meetings!['zb-meeting'] = { ...clone(conversation), id: 'zb-meeting', classId: OTHER_SCHOOL_CLASS };
  const intro = state.intros!['wish-intro']!;
  state.intros!['g7-intro'] = { ...clone(intro), id: 'g7-intro', classId: 'groep7-pbs' };
  state.intros!['zb-intro'] = { ...clone(intro), id: 'zb-intro', classId: OTHER_SCHOOL_CLASS };
  // Evaluations (issue 25): a question every audience gets, and a run of groep 7 and of the other school.
  const evaluation = state.evaluations!['eval-wish-after']!;
  evaluation.ownQuestions.push({ id: 'policy-q', kind: 'yes-no', text: 'Was het fijn?' });
  state.evaluations!['g7-eval'] = { ...clone(evaluation), id: 'g7-eval', programmeRunId: 'g7-run', classId: 'groep7-pbs' };
  state.evaluations!['zb-eval'] = { ...clone(evaluation), id: 'zb-eval', programmeRunId: 'zb-run', classId: OTHER_SCHOOL_CLASS };
  return state;
}

/** Lets the test announce a change on a topic, as a write would. */
class Probe extends MemoryAdapter {
  ping(topic: string): void {
    this.notify(topic);
  }
}

function school(viewerId: string): Probe {
  return new Probe({ state: demoSchool(), viewerId });
}

/** A chart whose goal is reached, so redeem is not refused for that. */
function reachGoal(state: DemoState, chartId: string): void {
  const chart = state.charts[chartId] as StoredChart;
  chart.goal = Math.max(1, chart.awards.length);
  if (chart.awards.length === 0) chart.awards.push({ id: 'goal-1', source: 'school', createdAt: new Date().toISOString() });
}

// ------------------------------------------------------------------ resources per viewer

type Kind =
  | 'clip'
  | 'post'
  | 'class-chart'
  | 'personal-chart'
  | 'child'
  | 'class'
  | 'school-matrix'
  | 'home-matrix'
  | 'upload'
  | 'thread'
  | 'meeting'
  | 'intro'
  | 'evaluation';

const family = (v: Viewer) => v.role === 'parent' || v.role === 'child';
const inGroep7 = (v: Viewer) => !!v.classIds?.includes('groep7-pbs');
/** Adds the groep 7 resource only when groep 7 is not the viewer's class (care-1 and leader-1 are in it). */
const notGroep7 = (v: Viewer, id: string) => (inGroep7(v) ? [] : [id]);

/**
 * The resources of a kind that are the viewer's own, or not; a string when the viewer can have
 * none (the reason). Own is always groep 6 (every player is in it); other is the other family
 * of groep 6 (family roles), groep 7 (unless the viewer is in it) and the other school.
 */
function resources(kind: Kind, v: Viewer, relation: Relation): string[] | string {
  const own = relation === 'own';
  switch (kind) {
    case 'clip':
      return own ? ['wish-2'] : [...notGroep7(v, 'pbs-1'), 'zb-1'];
    case 'post':
      return own ? ['host-post-1'] : [...notGroep7(v, 'g7-post-1'), 'zb-post-1'];
    case 'class-chart':
      return own ? ['class-wish'] : [...notGroep7(v, 'class-groep7'), 'zb-class'];
    case 'personal-chart':
      return own
        ? ['personal-child-1']
        : [...(family(v) ? ['personal-child-2'] : []), ...notGroep7(v, 'personal-g7child-1'), 'zb-personal'];
    case 'child':
      return own ? ['child-1'] : [...(family(v) ? ['child-2'] : []), ...notGroep7(v, 'g7child-1'), 'zb-child-1'];
    case 'class':
      return own ? ['groep6-wish'] : [...notGroep7(v, 'groep7-pbs'), OTHER_SCHOOL_CLASS];
    case 'school-matrix':
      return own ? ['matrix-school'] : ['matrix-school-other'];
    case 'home-matrix':
      if (own) return family(v) ? ['matrix-home-fam-01'] : 'a home matrix is a family’s: staff have none of their own';
      return [...(family(v) ? [] : ['matrix-home-fam-01']), 'matrix-home-g7fam-1'];
    case 'upload':
      return own ? [`media-own-${v.id}`] : ['media-of-teacher-2'];
    case 'meeting':
      // A meeting of groep 6 (issue 26); a reply or sheet is always the signed-in household's own, of that meeting.
      return own ? ['wish-conversation'] : [...notGroep7(v, 'g7-meeting'), 'zb-meeting'];
    case 'intro':
      return own ? ['wish-intro'] : [...notGroep7(v, 'g7-intro'), 'zb-intro'];
    case 'evaluation':
      // An evaluation of groep 6's WIsH run (issue 25); a response is always the signed-in viewer's own.
      return own ? ['eval-wish-after'] : [...notGroep7(v, 'g7-eval'), 'zb-eval'];
    case 'thread':
      // `<familyId>@<clipId>`: a family's thread about their answer to a clip (issue 24).
      if (own) return family(v) ? ['fam-01@wish-2'] : ['fam-02@wish-2'];
      return [...(family(v) ? ['fam-02@wish-2'] : []), ...notGroep7(v, 'g7fam-1@pbs-1'), 'zb-fam-1@zb-1'];
  }
}

// ------------------------------------------------------------------ the cells

interface Case {
  /** The resource tried, for the failure message. */
  what: string;
  /** Every (action, relation) the call needs: allowed when POLICY grants all of them. */
  needs: [Action, Relation][];
  prepare?: (state: DemoState) => void;
  run: (adapter: Probe) => Promise<unknown>;
}
type Cases = (viewer: Viewer, relation: Relation) => Case[] | string;
interface Row {
  name: string;
  /** The adapter method, or the live topic kind. */
  method: string;
  topic?: keyof typeof TOPIC_ACTIONS;
  cases: Cases;
}

/** One action on one kind of resource, one case per resource. */
function on(
  kind: Kind,
  action: Action,
  run: (a: Probe, id: string) => Promise<unknown>,
  prepare?: (s: DemoState, id: string) => void,
): Cases {
  return (v, relation) => {
    const ids = resources(kind, v, relation);
    if (typeof ids === 'string') return ids;
    return ids.map((id) => ({
      what: id,
      needs: [[action, relation]],
      run: (a) => run(a, id),
      ...(prepare ? { prepare: (s: DemoState) => prepare(s, id) } : {}),
    }));
  };
}

/**
 * Taking an award back: the right to award on its chart, and the award must be one's own
 * (`award.undo` on its giver). Own: the viewer's own fresh award on a groep 6 chart. Other:
 * someone else's on that chart (a seeded one with no giver, teacher-2's), and awards on charts
 * of the other family, groep 7 and the other school.
 */
function undo(kind: 'class-chart' | 'personal-chart'): Cases {
  const chartAction: Action = kind === 'class-chart' ? 'class-chart.award' : 'personal-chart.sticker';
  return (v, relation) => {
    const ownChart = kind === 'class-chart' ? 'class-wish' : 'personal-child-1';
    const pairs: [string, string, Relation][] =
      relation === 'own'
        ? [[ownChart, kind === 'class-chart' ? `own-award-${v.id}` : `own-sticker-${v.id}`, 'own']]
        : kind === 'class-chart'
          ? [
              [ownChart, 'a0', 'own'],
              [ownChart, 'award-of-teacher-2', 'own'],
              ...(inGroep7(v) ? [] : ([['class-groep7', 'g7a1', 'other']] as [string, string, Relation][])),
              ['zb-class', 'zb-a1', 'other'],
            ]
          : [
              [ownChart, 's0', 'own'],
              [ownChart, 'sticker-of-teacher-2', 'own'],
              ...(family(v) ? ([['personal-child-2', 'c2-s1', 'other']] as [string, string, Relation][]) : []),
              ...(inGroep7(v) ? [] : ([['personal-g7child-1', 'g7-s1', 'other']] as [string, string, Relation][])),
              ['zb-personal', 'zb-s1', 'other'],
            ];
    return pairs.map(([chartId, awardId, chartRelation]) => ({
      what: `${awardId} on ${chartId}`,
      needs: [
        [chartAction, chartRelation],
        ['award.undo', relation],
      ],
      run: (a) => a.undoAward({ id: key(), chartId, awardId }),
    }));
  };
}

const matrixOf = (a: Probe, id: string) => structuredClone(a.state.matrices[id]!);
/** A thread resource (`<familyId>@<clipId>`) as the thread port's key. */
const threadOf = (id: string) => {
  const [familyId, clipId] = id.split('@') as [string, string];
  return { about: { kind: 'answer' as const, id: clipId }, familyId };
};

const ROWS: Row[] = [
  {
    name: 'getViewer',
    method: 'getViewer',
    cases: (_v, relation) =>
      relation === 'own' ? [{ what: 'oneself', needs: [], run: (a) => a.getViewer() }] : 'a viewer only ever asks who they are themselves',
  },
  { name: 'getLessonClip', method: 'getLessonClip', cases: on('clip', 'clip.read', (a, id) => a.getLessonClip(id)) },
  { name: 'getHomeAnswer', method: 'getHomeAnswer', cases: on('clip', 'answer.read', (a, id) => a.getHomeAnswer(id)) },
  {
    name: 'saveHomeAnswer',
    method: 'saveHomeAnswer',
    cases: on('clip', 'answer.write', (a, clipId) =>
      a.saveHomeAnswer({ id: key(), clipId, kind: 'text', text: 'We hebben het geoefend.' }),
    ),
  },
  { name: 'markSeen', method: 'markSeen', cases: on('clip', 'seen.write', (a, clipId) => a.markSeen({ id: key(), clipId })) },
  { name: 'getClipReach', method: 'getClipReach', cases: on('clip', 'reach.read', (a, id) => a.getClipReach(id)) },
  // The class board (issue 24): the class's children and teacher; a parent, another class or a care coordinator cannot.
  { name: 'getClassBoard', method: 'getClassBoard', cases: on('clip', 'board.read', (a, id) => a.getClassBoard(id)) },
  { name: 'getReactions (clip)', method: 'getReactions', cases: on('clip', 'reactions.read', (a, id) => a.getReactions(id)) },
  { name: 'getReactions (post)', method: 'getReactions', cases: on('post', 'reactions.read', (a, id) => a.getReactions(id)) },
  {
    name: 'setReaction (clip)',
    method: 'setReaction',
    cases: on('clip', 'reaction.write', (a, targetId) => a.setReaction({ id: key(), targetId, reaction: 'like', on: true })),
  },
  {
    name: 'setReaction (post)',
    method: 'setReaction',
    cases: on('post', 'reaction.write', (a, targetId) => a.setReaction({ id: key(), targetId, reaction: 'heart', on: true })),
  },
  {
    name: 'addReply (clip)',
    method: 'addReply',
    cases: on('clip', 'reply.write', (a, targetId) => a.addReply({ id: key(), targetId, text: 'Fijn!' })),
  },
  {
    name: 'addReply (post)',
    method: 'addReply',
    cases: on('post', 'reply.write', (a, targetId) => a.addReply({ id: key(), targetId, text: 'Fijn!' })),
  },
  {
    name: 'getRewardChart (class chart)',
    method: 'getRewardChart',
    cases: on('class-chart', 'class-chart.read', (a, id) => a.getRewardChart(id)),
  },
  {
    name: 'getRewardChart (personal chart)',
    method: 'getRewardChart',
    cases: on('personal-chart', 'personal-chart.read', (a, id) => a.getRewardChart(id)),
  },
  {
    name: 'award (class chart)',
    method: 'award',
    cases: on('class-chart', 'class-chart.award', (a, chartId) => a.award({ id: key(), chartId })),
  },
  {
    name: 'award (personal chart)',
    method: 'award',
    cases: on('personal-chart', 'personal-chart.sticker', (a, chartId) => a.award({ id: key(), chartId, reason: 'Goed geholpen' })),
  },
  { name: 'undoAward (class chart)', method: 'undoAward', cases: undo('class-chart') },
  { name: 'undoAward (personal chart)', method: 'undoAward', cases: undo('personal-chart') },
  {
    name: 'redeem (class chart)',
    method: 'redeem',
    cases: on('class-chart', 'class-chart.redeem', (a, chartId) => a.redeem({ id: key(), chartId, nextGoal: 5 }), reachGoal),
  },
  {
    name: 'redeem (personal chart)',
    method: 'redeem',
    cases: on('personal-chart', 'personal-chart.redeem', (a, chartId) => a.redeem({ id: key(), chartId, nextGoal: 5 }), reachGoal),
  },
  {
    // The child's own choice (issue 24): the child and their parents; not the teacher, nor another family.
    name: 'chooseChartGoal (personal chart)',
    method: 'chooseChartGoal',
    cases: on('personal-chart', 'personal-chart.choose', (a, chartId) =>
      a.chooseChartGoal({ id: key(), chartId, wordsId: 'w2', rewardId: 'r3' }),
    ),
  },
  {
    // The options the child chooses from (issue 24): the child's parents and the class's teacher; never the child.
    name: 'setChartChoices (personal chart)',
    method: 'setChartChoices',
    cases: on('personal-chart', 'personal-chart.options', (a, chartId) =>
      a.setChartChoices({ id: key(), chartId, words: [{ id: 'w9', text: 'Samen spelen' }], rewards: [] }),
    ),
  },
  { name: 'getCheckins', method: 'getCheckins', cases: on('child', 'checkin.read', (a, childId) => a.getCheckins({ childId })) },
  {
    name: 'getClassCheckins',
    method: 'getClassCheckins',
    cases: on('class', 'signals.read', (a, classId) => a.getClassCheckins({ classId })),
  },
  {
    name: 'saveCheckin',
    method: 'saveCheckin',
    cases: on('child', 'checkin.write', (a, childId) =>
      a.saveCheckin({
        id: key(),
        checkinId: `checkin:${childId}:home:policy`,
        childId,
        feeling: 'happy',
        strength: 2,
        context: 'home',
        createdAt: new Date().toISOString(),
      }),
    ),
  },
  {
    name: 'getExpectationMatrix (school)',
    method: 'getExpectationMatrix',
    cases: on('school-matrix', 'school-matrix.read', (a, id) => a.getExpectationMatrix(id)),
  },
  {
    name: 'getExpectationMatrix (home)',
    method: 'getExpectationMatrix',
    cases: on('home-matrix', 'home-matrix.read', (a, id) => a.getExpectationMatrix(id)),
  },
  {
    name: 'saveExpectationMatrix (school)',
    method: 'saveExpectationMatrix',
    cases: on('school-matrix', 'school-matrix.write', (a, id) => {
      const matrix = matrixOf(a, id);
      return a.saveExpectationMatrix({ id: key(), matrix: { ...matrix, title: 'Nieuwe afspraken' }, baseVersion: matrix.version });
    }),
  },
  {
    name: 'saveExpectationMatrix (home)',
    method: 'saveExpectationMatrix',
    cases: on('home-matrix', 'home-matrix.write', (a, id) => {
      const matrix = matrixOf(a, id);
      return a.saveExpectationMatrix({ id: key(), matrix: { ...matrix, title: 'Thuis' }, baseVersion: matrix.version });
    }),
  },
  {
    name: 'shareSuccess (school matrix)',
    method: 'shareSuccess',
    cases: on('school-matrix', 'success.write', (a, matrixId) => a.shareSuccess({ id: key(), matrixId, text: 'Het lukte thuis ook.' })),
  },
  {
    name: 'shareSuccess (home matrix)',
    method: 'shareSuccess',
    cases: on('home-matrix', 'success.write', (a, matrixId) => a.shareSuccess({ id: key(), matrixId, text: 'Het lukte thuis ook.' })),
  },
  {
    name: 'getSuccesses (school matrix)',
    method: 'getSuccesses',
    cases: on('school-matrix', 'successes.read', (a, matrixId) => a.getSuccesses({ matrixId })),
  },
  {
    name: 'getSuccesses (home matrix)',
    method: 'getSuccesses',
    cases: on('home-matrix', 'successes.read', (a, matrixId) => a.getSuccesses({ matrixId })),
  },
  {
    name: 'uploadMedia',
    method: 'uploadMedia',
    cases: (_v, relation) =>
      relation === 'own'
        ? [
            {
              what: 'a photo',
              needs: [['upload.write', 'own']],
              run: (a) => a.uploadMedia({ id: key(), file: PNG(), name: 'foto.png', kind: 'photo' }),
            },
          ]
        : 'an upload is always the uploader’s own: nobody uploads as someone else',
  },
  { name: 'getUploadedMedia', method: 'getUploadedMedia', cases: on('upload', 'upload.read', (a, id) => a.getUploadedMedia(id)) },
  {
    name: 'publishLessonClip',
    method: 'publishLessonClip',
    cases: on('class', 'clip.publish', (a, classId) =>
      a.publishLessonClip({ id: key(), classId, programme: 'custom', title: 'Samen opruimen' }),
    ),
  },
  { name: 'getThread', method: 'getThread', cases: on('thread', 'thread.read', (a, id) => a.getThread(threadOf(id))) },
  {
    name: 'addThreadMessage',
    method: 'addThreadMessage',
    cases: on('thread', 'thread.write', (a, id) => a.addThreadMessage({ id: key(), ...threadOf(id), text: 'Dank je, fijn om te horen!' })),
  },
  {
    name: 'markThreadRead',
    method: 'markThreadRead',
    cases: on('thread', 'thread.read', (a, id) => a.markThreadRead({ id: key(), ...threadOf(id) })),
  },
  // The programme overview (issue 25): a class's aggregates, and its families not reached by name.
  {
    name: 'getProgrammeOverview',
    method: 'getProgrammeOverview',
    cases: on('class', 'overview.read', (a, classId) => a.getProgrammeOverview({ programme: 'wish', classIds: [classId] })),
  },
  {
    name: 'getUnreachedFamilies',
    method: 'getUnreachedFamilies',
    cases: on('class', 'unreached.read', (a, classId) => a.getUnreachedFamilies({ programme: 'wish', classId })),
  },
];

/** The teacher's list of a meeting's replies and sheets: both lists' reads (issue 26). */
const meetingReplies: Cases = (v, relation) => {
  const ids = resources('meeting', v, relation) as string[];
  return ids.map((id) => ({
    what: id,
    needs: [
      ['rsvp.list', relation],
      ['preparation.list', relation],
    ],
    run: (a) => a.getMeetingReplies(id),
  }));
};
ROWS.push(
  { name: 'getMeeting', method: 'getMeeting', cases: on('meeting', 'meeting.read', (a, id) => a.getMeeting(id)) },
  { name: 'getRsvp', method: 'getRsvp', cases: on('meeting', 'rsvp.read', (a, id) => a.getRsvp(id)) },
  {
    name: 'saveRsvp',
    method: 'saveRsvp',
    cases: on('meeting', 'rsvp.write', (a, meetingId) => a.saveRsvp({ id: key(), meetingId, answer: 'yes', people: 2 })),
  },
  { name: 'getMeetingReplies', method: 'getMeetingReplies', cases: meetingReplies },
  { name: 'getPreparation', method: 'getPreparation', cases: on('meeting', 'preparation.read', (a, id) => a.getPreparation(id)) },
  {
    name: 'savePreparation',
    method: 'savePreparation',
    cases: on('meeting', 'preparation.write', (a, meetingId) =>
      a.savePreparation({ id: key(), meetingId, keywords: 'voetbal', goesWell: 'Lezen', talkAbout: 'Het plein' }),
    ),
  },
  { name: 'getProgrammeIntro', method: 'getProgrammeIntro', cases: on('intro', 'meeting.read', (a, id) => a.getProgrammeIntro(id)) },
);
// Evaluations (issue 25): the form, one's own response, the results (by the evaluation's run) and the school's own questions.
ROWS.push(
  { name: 'getEvaluation', method: 'getEvaluation', cases: on('evaluation', 'evaluation.read', (a, id) => a.getEvaluation(id)) },
  {
    name: 'submitEvaluationResponse',
    method: 'submitEvaluationResponse',
    cases: on('evaluation', 'evaluation.respond', (a, evaluationId) =>
      a.submitEvaluationResponse({ id: key(), evaluationId, answers: [{ questionId: 'policy-q', value: 'yes' }] }),
    ),
  },
  {
    name: 'getEvaluationResults',
    method: 'getEvaluationResults',
    cases: on('evaluation', 'evaluation.results', (a, id) =>
      a.getEvaluationResults({ programmeRunId: a.state.evaluations![id]!.programmeRunId }),
    ),
  },
  {
    name: 'saveEvaluation',
    method: 'saveEvaluation',
    cases: on('evaluation', 'evaluation.edit', (a, evaluationId) =>
      a.saveEvaluation({
        id: key(),
        evaluationId,
        programmeRunId: a.state.evaluations![evaluationId]!.programmeRunId,
        phase: 'after',
        audiences: ['parent', 'child'],
        anonymous: true,
        questions: [{ id: 'own-1', kind: 'text', text: 'Wat wilt u ons nog zeggen?' }],
      }),
    ),
  },
);

/**
 * A clip scheduled for later (issue 26): groep 6's next follow-up, groep 7's PBS lesson 2. Reading
 * it early needs `clip.read-scheduled` as well as `clip.read`. Refused, it answers `not-found`
 * (for them it does not exist yet, never `forbidden`), judged here as the refusal it is.
 */
const scheduledClip: Cases = (v, relation) => {
  const ids = relation === 'own' ? ['wish-follow-up-2'] : notGroep7(v, 'pbs-2-scheduled');
  if (!ids.length) return 'the only other scheduled clip is groep 7’s, this viewer’s own class';
  return ids.map((id) => ({
    what: id,
    needs: [
      ['clip.read-scheduled', relation],
      ['clip.read', relation],
    ],
    run: (a) =>
      a.getLessonClip(id).catch((error: unknown) => {
        throw (error as { kind?: string }).kind === 'not-found' ? Object.assign(new Error('not there yet'), { kind: 'forbidden' }) : error;
      }),
  }));
};
ROWS.push(
  { name: 'getLessonClip (scheduled)', method: 'getLessonClip', cases: scheduledClip },
  {
    name: 'getClassRhythm',
    method: 'getClassRhythm',
    cases: on('class', 'rhythm.read', (a, classId) => a.getClassRhythm({ classId, programme: 'wish' })),
  },
);

/** Live topics: subscribe, announce a change, and see whether the listener heard it. */
function follow(kind: Kind, topicKind: keyof typeof TOPIC_ACTIONS, action: Action, topicOf: (id: string) => string): Row {
  return {
    name: `subscribe ${topicOf('<id>')} (${kind})`,
    method: 'subscribe',
    topic: topicKind,
    cases: on(kind, action, async (a, id) => {
      const topic = topicOf(id);
      let heard = 0;
      const stop = a.subscribe(topic as SamenTopic, () => (heard += 1));
      a.ping(topic);
      stop();
      a.ping(topic);
      expect(stop, 'subscribe returns an unsubscribe').to.be.a('function');
      expect(heard, `listener calls for ${topic}`).to.be.lessThan(2);
      if (heard === 0) throw Object.assign(new Error(`not told about ${topic}`), { kind: 'forbidden' });
    }),
  };
}

const TOPIC_ROWS: Row[] = [
  follow('clip', 'clip', TOPIC_ACTIONS.clip, (id) => `clip:${id}`),
  follow('clip', 'reactions', TOPIC_ACTIONS.reactions, (id) => `reactions:${id}`),
  follow('post', 'reactions', TOPIC_ACTIONS.reactions, (id) => `reactions:${id}`),
  follow('class-chart', 'chart', TOPIC_ACTIONS.chart, (id) => `chart:${id}`),
  // TOPIC_ACTIONS: a chart topic is the class chart's read, "or personal-chart.read: decided by the chart".
  follow('personal-chart', 'chart', 'personal-chart.read', (id) => `chart:${id}`),
  follow('child', 'feelings', TOPIC_ACTIONS.feelings, (id) => `feelings:${id}`),
  follow('class', 'feelings:class', TOPIC_ACTIONS['feelings:class'], (id) => `feelings:class:${id}`),
  follow('school-matrix', 'matrix', TOPIC_ACTIONS.matrix, (id) => `matrix:${id}`),
  // "or home-matrix.read: decided by the matrix".
  follow('home-matrix', 'matrix', 'home-matrix.read', (id) => `matrix:${id}`),
  follow('thread', 'thread', TOPIC_ACTIONS.thread, (id) => threadTopic(threadOf(id))),
  follow('meeting', 'meeting', TOPIC_ACTIONS.meeting, (id) => `meeting:${id}`),
  follow('intro', 'intro', TOPIC_ACTIONS.intro, (id) => `intro:${id}`),
  follow('evaluation', 'evaluation', TOPIC_ACTIONS.evaluation, (id) => `evaluation:${id}`),
  follow('clip', 'board', TOPIC_ACTIONS.board, (id) => `board:${id}`),
];

// ------------------------------------------------------------------ running a cell

type Outcome = { ok: true } | { ok: false; kind: string; message: string };

async function outcomeOf(promise: Promise<unknown>): Promise<Outcome> {
  try {
    await promise;
    return { ok: true };
  } catch (error) {
    const e = error as { kind?: unknown; message?: unknown };
    return {
      ok: false,
      kind: typeof e?.kind === 'string' ? e.kind : String(error),
      message: typeof e?.message === 'string' ? e.message : '',
    };
  }
}

/** The state as data (files as their size), to see that a refused call changed nothing. */
function snapshot(state: DemoState): string {
  return JSON.stringify(state, (_k, value: unknown) => (value instanceof Blob ? `blob:${value.size}` : value));
}

const seededViewers = createDemoState({ locale: 'nl', seed: 7, now: new Date() }).viewers;
const viewerOf = (role: Role) => seededViewers.find((v) => v.id === PLAYERS[role])!;

const ALL_ROWS = [...ROWS, ...TOPIC_ROWS];
const notApplicable: string[] = [];
let applicable = 0;

describe('the policy, cell by cell (MemoryAdapter)', () => {
  it('plays every role with a seeded viewer of that role', () => {
    for (const role of ROLES) expect(viewerOf(role)?.role, PLAYERS[role]).to.equal(role);
  });

  it('covers every guarded method, every live topic kind and every action of POLICY', () => {
    const methods = new Set(ROWS.map((r) => r.method));
    expect([...GUARDED_METHODS].sort()).to.deep.equal([...methods].sort());
    expect(new Set(TOPIC_ROWS.map((r) => r.topic))).to.deep.equal(new Set(Object.keys(TOPIC_ACTIONS)));
    const exercised = new Set<Action>();
    for (const row of ALL_ROWS) {
      for (const role of ROLES) {
        for (const relation of RELATIONS) {
          const cases = row.cases(viewerOf(role), relation);
          if (typeof cases !== 'string') for (const c of cases) for (const [action] of c.needs) exercised.add(action);
        }
      }
    }
    expect([...exercised].sort()).to.deep.equal(Object.keys(ACTIONS).sort());
  });

  for (const row of ALL_ROWS) {
    describe(row.name, () => {
      for (const role of ROLES) {
        for (const relation of RELATIONS) {
          const viewer = viewerOf(role);
          const cases = row.cases(viewer, relation);
          const cell = `${row.name} · ${role} · ${relation}`;
          if (typeof cases === 'string') {
            notApplicable.push(`${cell}: ${cases}`);
            continue;
          }
          applicable += 1;
          const allowedAll = cases.map((c) => c.needs.every(([action, rel]) => granted(role, action, rel)));
          const verdict = allowedAll.every(Boolean) ? 'allowed' : allowedAll.some(Boolean) ? 'mixed' : 'denied';
          it(`${role} (${viewer.id}) · ${relation}: ${verdict}`, async () => {
            expect(cases.length, `${cell} needs at least one resource`).to.be.greaterThan(0);
            for (const [i, c] of cases.entries()) {
              const adapter = school(viewer.id);
              c.prepare?.(adapter.state);
              const before = snapshot(adapter.state);
              const outcome = await outcomeOf(c.run(adapter));
              const where = `${cell} on ${c.what} (needs ${c.needs.map(([a, r]) => `${a}/${r}`).join(' + ') || 'nothing'})`;
              if (allowedAll[i]) {
                expect(outcome, `${where}: POLICY allows it, so it must resolve`).to.deep.equal({ ok: true });
              } else {
                expect(outcome.ok ? 'resolved' : outcome.kind, `${where}: POLICY denies it, so it must reject with forbidden`).to.equal(
                  'forbidden',
                );
                expect(snapshot(adapter.state), `${where}: a refused call changes nothing`).to.equal(before);
              }
            }
          });
        }
      }
    });
  }

  // Issue 26 added 2 rows (a scheduled clip, the class's rhythm): 20 cells, 2 not applicable (staff in groep 7 have no other scheduled clip).
  // Issue 25 added 5 (evaluations: four actions and a topic): 50 cells, all applicable.
  // Issue 24 added 2 (the adults' choices for the child, the class board's topic): 20 cells, all applicable.
  it('counts the cells: 69 rows × 5 roles × own/other = 690, 663 tried and 27 not applicable', () => {
    const total = ALL_ROWS.length * ROLES.length * RELATIONS.length;
    console.log(
      `[security] policy table: ${ALL_ROWS.length} rows (${ROWS.length} methods by resource, ${TOPIC_ROWS.length} live topics) × ${ROLES.length} roles × 2 = ${total} cells; ${applicable} tried, ${notApplicable.length} not applicable:\n  ${notApplicable.join('\n  ')}`,
    );
    expect(ROWS.length).to.equal(55);
    expect(TOPIC_ROWS.length).to.equal(14);
    expect(total).to.equal(690);
    expect(applicable).to.equal(663);
    expect(notApplicable).to.have.length(27);
    expect(applicable + notApplicable.length).to.equal(total);
  });
});

// ------------------------------------------------------------------ households (issue 24)

/**
 * Two households of one child: Familie El Amrani's first address (parent-5) and second
 * (parent-6). A thread with one household is `own` for that household's carers and `other` for
 * the other household's, as for another family: what each cell must do still comes from POLICY.
 * The class's teacher has every household's thread as `own` (their class).
 */
const HOUSEHOLD_PLAYERS = { 'first address': 'parent-5', 'second address': 'parent-6', teacher: 'teacher-1' } as const;
const householdThread = (householdId: string) => ({ about: { kind: 'answer' as const, id: 'wish-2' }, familyId: 'fam-03', householdId });
const HOUSEHOLD_ROWS: { name: string; action: Action; run: (a: Probe, key: ReturnType<typeof householdThread>) => Promise<unknown> }[] = [
  { name: 'getThread', action: 'thread.read', run: (a, k) => a.getThread(k) },
  { name: 'addThreadMessage', action: 'thread.write', run: (a, k) => a.addThreadMessage({ id: key(), ...k, text: 'Fijn, dank je!' }) },
  { name: 'markThreadRead', action: 'thread.read', run: (a, k) => a.markThreadRead({ id: key(), ...k }) },
  {
    name: `subscribe ${threadTopic(householdThread('<household>'))}`,
    action: TOPIC_ACTIONS.thread,
    run: async (a, k) => {
      let heard = 0;
      const stop = a.subscribe(threadTopic(k), () => (heard += 1));
      a.ping(threadTopic(k));
      stop();
      if (heard === 0) throw Object.assign(new Error('not told'), { kind: 'forbidden' });
    },
  },
];

describe('the policy for households, cell by cell (MemoryAdapter)', () => {
  let cells = 0;
  for (const row of HOUSEHOLD_ROWS) {
    describe(row.name, () => {
      for (const [who, viewerId] of Object.entries(HOUSEHOLD_PLAYERS)) {
        for (const household of ['fam-03-1', 'fam-03-2']) {
          const viewer = seededViewers.find((v) => v.id === viewerId)!;
          const relation: Relation = viewer.role === 'teacher' || viewer.householdId === household ? 'own' : 'other';
          const allowed = granted(viewer.role, row.action, relation);
          cells += 1;
          it(`${who} (${viewerId}) · ${household}’s thread · ${relation}: ${allowed ? 'allowed' : 'denied'}`, async () => {
            const adapter = school(viewerId);
            const before = snapshot(adapter.state);
            const outcome = await outcomeOf(row.run(adapter, householdThread(household)));
            if (allowed) expect(outcome).to.deep.equal({ ok: true });
            else {
              expect(outcome.ok ? 'resolved' : outcome.kind).to.equal('forbidden');
              expect(snapshot(adapter.state), 'a refused call changes nothing').to.equal(before);
            }
          });
        }
      }
    });
  }

  it('counts the household cells: 4 rows × 3 viewers × 2 households = 24, and a household never has the other’s', () => {
    expect(cells).to.equal(24);
    expect(granted('parent', 'thread.read', 'other')).to.equal(false);
    expect(granted('parent', 'thread.write', 'other')).to.equal(false);
  });
});
