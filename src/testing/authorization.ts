/**
 * The authorization suite: an opt-in part of the conformance kit that a vendor runs against
 * their own backend, signed in as several people, to prove it keeps the one authorization
 * policy of Samen (`POLICY` in `src/core/policy.ts`). See `docs/conformance.md`.
 *
 * Nothing here re-types the policy: each check's expectation is `allows(role, action,
 * relationOf(viewer, scope))`, from the policy module itself. The suite only knows who the
 * viewers are (parent of family A, …) and where each fixture belongs (clip A is class A's, …).
 */
import { EVALUATION_METHODS, newId, PORT_METHODS, THREAD_METHODS, type PortName, type SamenAdapter } from '../core/adapter.js';
import { ACTIONS, allows, relationOf, type Action, type PolicyViewer, type Relation, type Role, type Scope } from '../core/policy.js';
import type { ExpectationMatrix } from '../expectation-matrix/schemas.js';
import type { ReactionSummary } from '../feedback-bar/schemas.js';
import { SamenError } from '../core/errors.js';
import { ConformanceError, describeError, settle, show, type Outcome, type PortsAdapter } from './conformance.js';

// ------------------------------------------------------------------ options

/** Ids in the vendor's test backend. "Class A" holds families A and B; "class B" is another class of the same school. */
export interface AuthorizationFixtures {
  /** The class of family A's and family B's children, taught by teacher A. */
  classA: string;
  /** Another class of the same school, taught by teacher B (none of the families above). */
  classB: string;
  /** A lesson clip of class A. */
  clipA: string;
  /** A lesson clip of class B. */
  clipB: string;
  /** Class A's class reward chart. */
  classChartA: string;
  /** Class B's class reward chart. */
  classChartB: string;
  /** Child A's personal reward chart, with home stickers on (`homeStickersEnabled`), so a parent's sticker is the policy's to decide. */
  personalChartA: string;
  /** Optional: the personal reward chart of a child in class B, with home stickers on. */
  personalChartB?: string;
  /** Family A's child, in class A. */
  childA: string;
  /** Family B's child, in class A too. */
  childB: string;
  /** The school's expectation matrix. */
  schoolMatrix: string;
  /** Optional: another school's expectation matrix, when your backend serves several schools. */
  otherSchoolMatrix?: string;
  /** Family A's home matrix. */
  homeMatrixA: string;
  /** Optional, for the thread port: family A's id (parent A's `familyId`); its threads are checked about clip A, and its tip and top about child A. */
  familyA?: string;
  /** Optional, for the thread port: family B's id (parent B's `familyId`). */
  familyB?: string;
  /**
   * Optional, for households (issue 24): family A's first address, parent A's `householdId`. With
   * `householdA2`, a household's thread about clip A is checked as private to that household.
   */
  householdA1?: string;
  /** Optional, for households: family A's second address, the `householdId` of `parentA2`. */
  householdA2?: string;
  /** Optional, for the meeting port (issue 26): a meeting of class A; a household's own reply and sheet are checked on it. */
  meetingA?: string;
  /** Optional, for the meeting port: a meeting of class B. */
  meetingB?: string;
  /**
   * Optional, for the rhythm (issue 26): a clip of class A scheduled for later (its `scheduledAt`
   * well ahead, so it stays unseen while the suite runs). Only class A's teacher reads it; for
   * anyone else it is not there yet (`not-found`, never `forbidden`), on the clip port too.
   */
  scheduledClipA?: string;
  /** Optional: a clip of class B scheduled for later. */
  scheduledClipB?: string;
  /** Optional, for the evaluation port (issue 25): an evaluation of class A's run, for every audience. */
  evaluationA?: string;
  /** Optional, for the evaluation port: an evaluation of class B's run. */
  evaluationB?: string;
  /** Optional, for the evaluation port: the run of `evaluationA` (its results). */
  evaluationRunA?: string;
  /** Optional, for the evaluation port: the run of `evaluationB`. */
  evaluationRunB?: string;
}

/**
 * The fixtures each port's checks use besides the people's (`classA`, `classB`, `childA`,
 * `childB`, which every run uses). A run with `ports` needs only those.
 */
export const AUTHORIZATION_PORT_FIXTURES = {
  clip: ['clipA', 'clipB'],
  feedback: ['clipA', 'clipB'],
  reward: ['classChartA', 'classChartB', 'personalChartA'],
  feelings: [],
  matrix: ['schoolMatrix', 'homeMatrixA'],
  composer: [],
  overview: [],
  // The course's ports (issue 26): optional fixtures (`meetingA`, `meetingB`); without them their checks are left out.
  meeting: [],
  intro: [],
  // Evaluations (issue 25): optional fixtures (`evaluationA`, `evaluationB`); without them their checks are left out.
  evaluation: [],
} as const satisfies Record<PortName, readonly (keyof AuthorizationFixtures)[]>;

/** What every run uses: who the people are. */
const PEOPLE_FIXTURES = ['classA', 'classB', 'childA', 'childB'] as const satisfies readonly (keyof AuthorizationFixtures)[];

/** The fixtures a run of the ports `P` needs. */
export type AuthorizationFixturesFor<P extends PortName> = Pick<
  AuthorizationFixtures,
  (typeof PEOPLE_FIXTURES)[number] | (typeof AUTHORIZATION_PORT_FIXTURES)[P][number]
> &
  Partial<AuthorizationFixtures>;

/** Fresh adapters for one check, each signed in as one person, all on the same backend, each with the ports `P`. */
export interface AuthorizationViewers<P extends PortName = PortName> {
  /** A parent (carer) of family A: the parent of `childA`. */
  parentA: PortsAdapter<P>;
  /** A parent of family B: the parent of `childB`, in the same class. */
  parentB: PortsAdapter<P>;
  /** A carer of family A at its second address (`householdA2`); required when the households fixtures are given (issue 24). */
  parentA2?: PortsAdapter<P>;
  /** Child A's own login (role `child`). Required unless `childLogin: false`. */
  childA?: PortsAdapter<P>;
  /** The teacher of class A. */
  teacherA: PortsAdapter<P>;
  /** The teacher of class B. */
  teacherB: PortsAdapter<P>;
  /** A care coordinator; required when the `careCoordinator` option is given. */
  careCoordinator?: PortsAdapter<P>;
  /** The school leader; required when the `schoolLeader` option is given. */
  schoolLeader?: PortsAdapter<P>;
  /** An expired or invalid session (a revoked token, a signed-out cookie). */
  expired: PortsAdapter<P>;
  /** Runs after each check, also when it failed. */
  cleanup?: () => Promise<void>;
}

/** The classes a staff member covers: class A, class B or both. */
export interface StaffScope {
  classes: readonly ('A' | 'B')[];
}

export interface AuthorizationOptions<P extends PortName = PortName> {
  /** Names the suite, e.g. `'ParroAdapter'`. */
  name: string;
  /**
   * The ports to check, for a host that embeds only some widgets (`['feedback']`): only the
   * actions of those widgets' methods. Default: all of them. `getViewer` is always checked.
   */
  ports?: readonly P[];
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => Promise<void>) => void;
  /** Called before every check. */
  setup: () => Promise<AuthorizationViewers<NoInfer<P>>>;
  fixtures: AuthorizationFixturesFor<NoInfer<P>>;
  /** `false` when your product has no child logins: the child's checks are left out. */
  childLogin?: false;
  /** Check a care coordinator too (`setup` then gives `careCoordinator`), covering these classes. */
  careCoordinator?: StaffScope;
  /** Check the school leader too (`setup` then gives `schoolLeader`), covering these classes. */
  schoolLeader?: StaffScope;
  /** `false` leaves out the optional composing methods (`uploadMedia`, `getUploadedMedia`, `publishLessonClip`). */
  composing?: false;
}

// ------------------------------------------------------------------ who and what

type ViewerKey = 'parentA' | 'parentA2' | 'parentB' | 'childA' | 'teacherA' | 'teacherB' | 'careCoordinator' | 'schoolLeader';

interface Person extends PolicyViewer {
  key: ViewerKey;
  label: string;
  role: Role;
}

type TargetKey =
  | 'clipA'
  | 'clipB'
  | 'classA'
  | 'classB'
  | 'classChartA'
  | 'classChartB'
  | 'personalChartA'
  | 'personalChartB'
  | 'childA'
  | 'childB'
  | 'schoolMatrix'
  | 'otherSchoolMatrix'
  | 'homeMatrixA'
  | 'awardA'
  | 'awardB'
  | 'uploadA'
  | 'uploadB'
  | 'newUpload'
  | 'threadA'
  | 'threadB'
  | 'threadA1'
  | 'threadA2'
  | 'tipTopA'
  | 'tipTopB'
  | 'meetingA'
  | 'meetingB'
  | 'householdA'
  | 'householdB'
  | 'scheduledClipA'
  | 'scheduledClipB'
  | 'evaluationA'
  | 'evaluationB'
  | 'evaluationRunA'
  | 'evaluationRunB';

interface Target {
  key: TargetKey;
  label: string;
  /** The fixture's id, or '' for things a check makes itself (an award, an upload). */
  id: string;
  /** Where it belongs, for `relationOf`; a function when it depends on who acts (their own new upload). */
  scope: Scope | ((person: Person) => Scope);
}

/** Symbolic names for what the suite can't read from the fixtures: schools, families, people. */
const SCHOOL = 'the school';
const OTHER_SCHOOL = 'another school';
const FAMILY_A = 'family A';
const FAMILY_B = 'family B';
const ADDRESS_1 = 'family A’s first address';
const ADDRESS_2 = 'family A’s second address';
const CHILD_IN_B = 'a child of class B';

/** What one check works with. */
interface Cell {
  viewers: AuthorizationViewers;
  /** The adapter of the person (or the expired session) under test. */
  as: SamenAdapter;
  target: Target;
  /** What the policy says; `false` for the expired session. */
  allowed: boolean;
  f: AuthorizationFixtures;
}

/** One way to exercise an action: the method, the fixtures it is tried on, and the call. */
interface Probe {
  action: Action;
  /** The port of `method`: the probe runs only when that port is checked (the suite checks that `method` is that port's). */
  port: PortName;
  method: keyof SamenAdapter;
  targets: readonly TargetKey[];
  /** The composing methods are optional in `SamenAdapter`. */
  optional?: true;
  /**
   * Kinds an allowed call may answer with instead of resolving: the suite sends allowed writes
   * in a form the contract refuses after the policy let them through (a stale `baseVersion`, a
   * text over its length limit), so that they store nothing.
   */
  refusals?: readonly string[];
  /** Sends the call (preparing and tidying up with other viewers where needed); `undefined` when there is nothing to check. */
  run(cell: Cell): Promise<Outcome | undefined>;
  /** Denied, the resource is not there for the viewer (a clip scheduled for later): `not-found`, also on their own class's. */
  hidden?: true;
}

/** Labels every text the suite writes, so a stray one in a test backend is recognisable. */
const LABEL = 'Samen authorization check';
/** Longer than every text limit of the contract (`openapi.yaml`): refused with `invalid-data`, stored nowhere. */
const OVERLONG = `${LABEL} `.padEnd(4001, '·');
/** A check-in far in the past, out of every week and fortnight a widget shows. */
const PAST = '2000-01-03T18:00:00+01:00';
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==';
const png = (): Blob => new Blob([Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0))], { type: 'image/png' });
const key = (): string => `authorization-${newId()}`;

function fail(message: string): never {
  throw new ConformanceError(message);
}

/** A step that prepares a check (another viewer's award, a matrix to save) must work. */
async function prepared<T>(call: Promise<T>, what: string): Promise<T> {
  const outcome = await settle(call);
  if (outcome.settled === 'rejected') fail(`preparing the check, ${what} failed with ${describeError(outcome.error)}`);
  return outcome.value as T;
}

/** Best effort: tidying up may be refused (the check's viewer may not), and must not hide the result. */
async function tidy(call: () => Promise<unknown> | undefined): Promise<void> {
  try {
    await call();
  } catch {
    // Nothing to do: what was made stays, and the docs say which writes can stay.
  }
}

const probeRead = (
  port: PortName,
  action: Action,
  method: keyof SamenAdapter,
  targets: readonly TargetKey[],
  call: (a: SamenAdapter, id: string) => Promise<unknown>,
): Probe => ({
  action,
  port,
  method,
  targets,
  run: (c) => settle(call(c.as, c.target.id)),
});

/**
 * A batch read (issue 23) of the one target, as the single read is judged: allowed, its entry is
 * the item; denied, the entry is `null` (or the call is refused), never the item. Not checked
 * when the adapter has no such method.
 */
const batchProbe = (
  port: PortName,
  action: Action,
  method: keyof SamenAdapter,
  call: (a: SamenAdapter, ids: string[]) => Promise<readonly unknown[]> | undefined,
  { nullIsAnswer = false }: { nullIsAnswer?: boolean } = {},
): Probe => ({
  action,
  port,
  method,
  targets: ['clipA', 'clipB'],
  optional: true,
  run: async (c) => {
    const answer = call(c.as, [c.target.id]);
    if (answer === undefined) return undefined;
    const outcome = await settle(answer);
    if (outcome.settled === 'rejected') return outcome;
    const entry = Array.isArray(outcome.value) && outcome.value.length === 1 ? (outcome.value[0] as unknown) : undefined;
    // `null` is how a batch says "the single read would refuse this one" (unknown or forbidden alike): judged as a refusal.
    const refused: Outcome = { settled: 'rejected', error: new SamenError('forbidden', `${String(method)}: null`) };
    return entry === null && !(nullIsAnswer && c.allowed) ? refused : outcome;
  },
});

/** The current matrix, read by someone who may (family A's parent for their home matrix, teacher A for the school's). */
async function currentMatrix(c: Cell): Promise<ExpectationMatrix> {
  if (c.target.key === 'homeMatrixA')
    return prepared(c.viewers.parentA.getExpectationMatrix(c.f.homeMatrixA), 'parentA.getExpectationMatrix(homeMatrixA)');
  const school = await prepared(c.viewers.teacherA.getExpectationMatrix(c.f.schoolMatrix), 'teacherA.getExpectationMatrix(schoolMatrix)');
  // Nobody here may read another school's matrix: the school's own, renamed, is a well-formed body for it.
  return c.target.key === 'schoolMatrix' ? school : { ...school, id: c.target.id, version: 1 };
}

/** Teacher A or B, who gave the award or made the upload the check is about. */
const maker = (c: Cell): SamenAdapter => (c.target.key.endsWith('B') ? c.viewers.teacherB : c.viewers.teacherA);

/**
 * A thread about clip A with family A or B (issue 24): `undefined` when the adapter has no thread
 * port or the fixtures name no families. Allowed writes carry an overlong text, refused.
 */
async function threadProbe(c: Cell, write: boolean): Promise<Outcome | undefined> {
  const familyId = c.target.key === 'threadB' || c.target.key === 'tipTopB' ? c.f.familyB : c.f.familyA;
  if (familyId === undefined || typeof c.as.getThread !== 'function' || typeof c.as.addThreadMessage !== 'function') return undefined;
  // One household's thread (issue 24): family A's first or second address.
  const householdId = c.target.key === 'threadA1' ? c.f.householdA1 : c.target.key === 'threadA2' ? c.f.householdA2 : undefined;
  // A tip and top (issue 24) is about a child of the family: child A with family A, child B with family B.
  const about =
    c.target.key === 'tipTopA' || c.target.key === 'tipTopB'
      ? { kind: 'child' as const, id: c.target.key === 'tipTopA' ? c.f.childA : c.f.childB }
      : { kind: 'answer' as const, id: c.f.clipA };
  const thread = { about, familyId, ...(householdId === undefined ? {} : { householdId }) };
  if (!write) return settle(c.as.getThread(thread));
  return settle(
    c.as.addThreadMessage({ id: key(), ...thread, text: c.allowed ? OVERLONG : `${LABEL}: this message should have been refused` }),
  );
}

const PROBES: readonly Probe[] = [
  probeRead('clip', 'clip.read', 'getLessonClip', ['clipA', 'clipB'], (a, id) => a.getLessonClip(id)),
  // A clip scheduled for later (issue 26): its class's teacher reads it; anyone else, not yet (not-found).
  {
    ...probeRead('clip', 'clip.read-scheduled', 'getLessonClip', ['scheduledClipA', 'scheduledClipB'], (a, id) => a.getLessonClip(id)),
    hidden: true,
  },
  {
    action: 'rhythm.read',
    port: 'composer',
    method: 'getClassRhythm',
    targets: ['classA', 'classB'],
    optional: true,
    run: async (c) =>
      typeof c.as.getClassRhythm === 'function' ? settle(c.as.getClassRhythm({ classId: c.target.id, programme: 'wish' })) : undefined,
  },
  // The optional batch reads (issue 23) never give what the single read refuses.
  batchProbe('clip', 'clip.read', 'getLessonClips', (a, ids) => a.getLessonClips?.(ids)),
  {
    action: 'clip.publish',
    port: 'composer',
    method: 'publishLessonClip',
    targets: ['classA', 'classB'],
    optional: true,
    // Allowed: a draft naming an upload that doesn't exist, refused by the domain, so nothing is published.
    refusals: ['invalid-data'],
    run: async (c) => {
      if (typeof c.as.publishLessonClip !== 'function') return undefined;
      const draft = {
        classId: c.target.id,
        programme: 'wish' as const,
        lessonNumber: 1,
        title: `${LABEL}: this clip should not be published`,
      };
      const media = { kind: 'photos' as const, photos: [{ mediaId: `${key()}-no-such-upload`, alt: LABEL }] };
      return settle(c.as.publishLessonClip({ id: key(), ...draft, ...(c.allowed ? { media } : {}) }));
    },
  },
  probeRead('clip', 'answer.read', 'getHomeAnswer', ['clipA', 'clipB'], (a, id) => a.getHomeAnswer(id)),
  // Its batch (issue 23): `null` is also "no answer yet", so only an answer where the single read refuses is a leak.
  batchProbe('clip', 'answer.read', 'getHomeAnswers', (a, ids) => a.getHomeAnswers?.(ids), { nullIsAnswer: true }),
  {
    action: 'answer.write',
    port: 'clip',
    method: 'saveHomeAnswer',
    targets: ['clipA', 'clipB'],
    refusals: ['invalid-data'],
    run: (c) =>
      settle(
        c.allowed
          ? c.as.saveHomeAnswer({ id: key(), clipId: c.target.id, kind: 'text', text: OVERLONG })
          : c.as.saveHomeAnswer({ id: key(), clipId: c.target.id, kind: 'talked' }),
      ),
  },
  {
    // Harmless as it is: a family that saw a clip is counted once, however often.
    action: 'seen.write',
    port: 'clip',
    method: 'markSeen',
    targets: ['clipA', 'clipB'],
    run: (c) => settle(c.as.markSeen({ id: key(), clipId: c.target.id })),
  },
  probeRead('clip', 'reach.read', 'getClipReach', ['clipA', 'clipB'], (a, id) => a.getClipReach(id)),
  {
    // The class board (issue 24), optional: an adapter without it has nothing to check.
    action: 'board.read',
    port: 'clip',
    method: 'getClassBoard',
    targets: ['clipA', 'clipB'],
    run: async (c) => (typeof c.as.getClassBoard === 'function' ? settle(c.as.getClassBoard(c.target.id)) : undefined),
  },
  probeRead('feedback', 'reactions.read', 'getReactions', ['clipA', 'clipB'], (a, id) => a.getReactions(id)),
  batchProbe('feedback', 'reactions.read', 'getReactionSummaries', (a, ids) => a.getReactionSummaries?.(ids)),
  {
    action: 'reaction.write',
    port: 'feedback',
    method: 'setReaction',
    targets: ['clipA', 'clipB'],
    run: async (c) => {
      // Allowed: the family's 'like' set to what it already is, a change of nothing.
      let on = false;
      if (c.allowed) {
        const before = await settle(c.as.getReactions(c.target.id));
        if (before.settled === 'resolved') on = ((before.value as ReactionSummary | null)?.mine ?? []).includes('like');
      }
      return settle(c.as.setReaction({ id: key(), targetId: c.target.id, reaction: 'like', on }));
    },
  },
  {
    action: 'reply.write',
    port: 'feedback',
    method: 'addReply',
    targets: ['clipA', 'clipB'],
    refusals: ['invalid-data'],
    run: (c) =>
      settle(
        c.as.addReply({ id: key(), targetId: c.target.id, text: c.allowed ? OVERLONG : `${LABEL}: this reply should have been refused` }),
      ),
  },
  probeRead('reward', 'class-chart.read', 'getRewardChart', ['classChartA', 'classChartB'], (a, id) => a.getRewardChart(id)),
  {
    action: 'class-chart.award',
    port: 'reward',
    method: 'award',
    targets: ['classChartA', 'classChartB'],
    refusals: ['invalid-data'],
    run: (c) => awardAndTakeBack(c),
  },
  {
    action: 'class-chart.redeem',
    port: 'reward',
    method: 'redeem',
    targets: ['classChartA', 'classChartB'],
    refusals: ['invalid-data', 'conflict'],
    run: (c) => redeemHarmlessly(c),
  },
  probeRead('reward', 'personal-chart.read', 'getRewardChart', ['personalChartA', 'personalChartB'], (a, id) => a.getRewardChart(id)),
  {
    action: 'personal-chart.sticker',
    port: 'reward',
    method: 'award',
    targets: ['personalChartA', 'personalChartB'],
    refusals: ['invalid-data'],
    run: (c) => awardAndTakeBack(c),
  },
  {
    action: 'personal-chart.redeem',
    port: 'reward',
    method: 'redeem',
    targets: ['personalChartA', 'personalChartB'],
    refusals: ['invalid-data', 'conflict'],
    run: (c) => redeemHarmlessly(c),
  },
  {
    // The child's choice (issue 24), optional. An option that is no option: allowed is refused as invalid, changing nothing.
    action: 'personal-chart.choose',
    port: 'reward',
    method: 'chooseChartGoal',
    targets: ['personalChartA', 'personalChartB'],
    refusals: ['invalid-data'],
    run: async (c) =>
      typeof c.as.chooseChartGoal === 'function'
        ? settle(c.as.chooseChartGoal({ id: key(), chartId: c.target.id, wordsId: 'authorization-check-no-option' }))
        : undefined,
  },
  {
    // The adults set the child's options (issue 24), optional. Allowed: two options with one id are refused as invalid, changing nothing.
    action: 'personal-chart.options',
    port: 'reward',
    method: 'setChartChoices',
    targets: ['personalChartA', 'personalChartB'],
    refusals: ['invalid-data'],
    run: async (c) => {
      if (typeof c.as.setChartChoices !== 'function') return undefined;
      const twice = [1, 2].map(() => ({ id: 'authorization-same-option', text: 'Samen spelen' }));
      return settle(c.as.setChartChoices({ id: key(), chartId: c.target.id, words: twice, rewards: [] }));
    },
  },
  {
    action: 'award.undo',
    port: 'reward',
    method: 'undoAward',
    targets: ['awardA', 'awardB'],
    run: async (c) => {
      // Teacher A (or B) gives an award on their class chart; the viewer tries to take it back; then the giver does.
      const giver = maker(c);
      const chartId = c.target.key === 'awardA' ? c.f.classChartA : c.f.classChartB;
      const award = await prepared(giver.award({ id: key(), chartId, reason: LABEL }), `the teacher's award on ${chartId}`);
      try {
        return await settle(c.as.undoAward({ id: key(), chartId, awardId: award.id }));
      } finally {
        await tidy(() => giver.undoAward({ id: key(), chartId, awardId: award.id }));
      }
    },
  },
  probeRead('feelings', 'checkin.read', 'getCheckins', ['childA', 'childB'], (a, id) => a.getCheckins({ childId: id })),
  {
    action: 'checkin.write',
    port: 'feelings',
    method: 'saveCheckin',
    targets: ['childA', 'childB'],
    // Allowed: a note over its limit (280), refused; denied: a check-in in 2000, out of every view.
    refusals: ['invalid-data'],
    run: (c) =>
      settle(
        c.as.saveCheckin({
          id: key(),
          checkinId: key(),
          childId: c.target.id,
          feeling: 'happy',
          strength: 3,
          context: 'home',
          createdAt: PAST,
          ...(c.allowed ? { note: OVERLONG } : {}),
        }),
      ),
  },
  probeRead('feelings', 'signals.read', 'getClassCheckins', ['classA', 'classB'], (a, id) => a.getClassCheckins({ classId: id })),
  probeRead('matrix', 'school-matrix.read', 'getExpectationMatrix', ['schoolMatrix', 'otherSchoolMatrix'], (a, id) =>
    a.getExpectationMatrix(id),
  ),
  {
    action: 'school-matrix.write',
    port: 'matrix',
    method: 'saveExpectationMatrix',
    targets: ['schoolMatrix', 'otherSchoolMatrix'],
    // Allowed: saved from the version before the current one, a `conflict` that changes nothing;
    // denied: the current matrix unchanged, from its current version.
    refusals: ['conflict'],
    run: async (c) => {
      const matrix = await currentMatrix(c);
      return settle(c.as.saveExpectationMatrix({ id: key(), matrix, baseVersion: c.allowed ? matrix.version - 1 : matrix.version }));
    },
  },
  probeRead('matrix', 'home-matrix.read', 'getExpectationMatrix', ['homeMatrixA'], (a, id) => a.getExpectationMatrix(id)),
  {
    action: 'home-matrix.write',
    port: 'matrix',
    method: 'saveExpectationMatrix',
    targets: ['homeMatrixA'],
    refusals: ['conflict'],
    run: async (c) => {
      const matrix = await currentMatrix(c);
      return settle(c.as.saveExpectationMatrix({ id: key(), matrix, baseVersion: c.allowed ? matrix.version - 1 : matrix.version }));
    },
  },
  {
    action: 'success.write',
    port: 'matrix',
    method: 'shareSuccess',
    targets: ['schoolMatrix', 'otherSchoolMatrix'],
    refusals: ['invalid-data'],
    run: (c) =>
      settle(
        c.as.shareSuccess({
          id: key(),
          matrixId: c.target.id,
          text: c.allowed ? OVERLONG : `${LABEL}: this success should have been refused`,
        }),
      ),
  },
  probeRead('matrix', 'successes.read', 'getSuccesses', ['schoolMatrix', 'otherSchoolMatrix'], (a, id) => a.getSuccesses({ matrixId: id })),
  {
    action: 'upload.write',
    port: 'composer',
    method: 'uploadMedia',
    targets: ['newUpload'],
    optional: true,
    // Allowed: a PDF as a photo, refused (MEDIA_LIMITS); denied: a real 1×1 PNG.
    refusals: ['invalid-data'],
    run: async (c) => {
      if (typeof c.as.uploadMedia !== 'function') return undefined;
      const file = c.allowed ? new Blob(['%PDF-1.7'], { type: 'application/pdf' }) : png();
      return settle(
        c.as.uploadMedia({ id: key(), file, name: c.allowed ? 'authorization-check.pdf' : 'authorization-check.png', kind: 'photo' }),
      );
    },
  },
  {
    action: 'thread.read',
    port: 'clip',
    method: 'getThread',
    targets: ['threadA', 'threadB', 'threadA1', 'threadA2', 'tipTopA', 'tipTopB'],
    run: (c) => threadProbe(c, false),
  },
  // The course (issue 26), optional: a meeting, the signed-in household's own reply and sheet, the class's teacher's list.
  meetingProbe('meeting.read', 'getMeeting', ['meetingA', 'meetingB'], (a, id) => a.getMeeting?.(id)),
  meetingProbe('rsvp.read', 'getRsvp', ['householdA', 'householdB'], (a, id) => a.getRsvp?.(id)),
  meetingProbe('rsvp.list', 'getMeetingReplies', ['meetingA', 'meetingB'], (a, id) => a.getMeetingReplies?.(id)),
  meetingProbe('preparation.read', 'getPreparation', ['householdA', 'householdB'], (a, id) => a.getPreparation?.(id)),
  meetingProbe('preparation.list', 'getMeetingReplies', ['meetingA', 'meetingB'], (a, id) => a.getMeetingReplies?.(id)),
  // Allowed: more people than a household can bring, or a sheet over its length, refused by the contract: nothing is stored.
  meetingProbe('rsvp.write', 'saveRsvp', ['householdA', 'householdB'], (a, id, allowed) =>
    a.saveRsvp?.({ id: key(), meetingId: id, answer: 'yes', people: allowed ? 99 : 1 }),
  ),
  meetingProbe('preparation.write', 'savePreparation', ['householdA', 'householdB'], (a, id, allowed) =>
    a.savePreparation?.({ id: key(), meetingId: id, keywords: allowed ? OVERLONG : LABEL, goesWell: '', talkAbout: '' }),
  ),
  // Evaluations (issue 25), optional: the form, one's own response, the results, the school's own questions.
  // Allowed writes send what the contract refuses (an answer to no question, a question without words): nothing is stored.
  evaluationProbe('evaluation.read', 'getEvaluation', ['evaluationA', 'evaluationB'], (a, id) => a.getEvaluation?.(id)),
  evaluationProbe('evaluation.respond', 'submitEvaluationResponse', ['evaluationA', 'evaluationB'], (a, id, allowed) =>
    a.submitEvaluationResponse?.({
      id: key(),
      evaluationId: id,
      answers: [{ questionId: allowed ? 'no-such-question' : 'rating', value: '3' }],
    }),
  ),
  evaluationProbe('evaluation.results', 'getEvaluationResults', ['evaluationRunA', 'evaluationRunB'], (a, id) =>
    a.getEvaluationResults?.({ programmeRunId: id }),
  ),
  evaluationProbe('evaluation.edit', 'saveEvaluation', ['evaluationA', 'evaluationB'], (a, id, allowed) =>
    a.saveEvaluation?.({
      id: key(),
      evaluationId: id,
      programmeRunId: id,
      phase: 'after',
      audiences: ['parent'],
      anonymous: true,
      questions: [{ id: 'authorization-check', kind: 'yes-no', text: allowed ? '' : LABEL }],
    }),
  ),
  // The programme overview (issue 25): aggregates of a class, and the names of its families not reached.
  {
    action: 'overview.read',
    port: 'overview',
    method: 'getProgrammeOverview',
    targets: ['classA', 'classB'],
    run: async (c) =>
      typeof c.as.getProgrammeOverview === 'function'
        ? settle(c.as.getProgrammeOverview({ programme: 'wish', classIds: [c.target.id] }))
        : undefined,
  },
  {
    action: 'unreached.read',
    port: 'overview',
    method: 'getUnreachedFamilies',
    targets: ['classA', 'classB'],
    run: async (c) =>
      typeof c.as.getUnreachedFamilies === 'function'
        ? settle(c.as.getUnreachedFamilies({ programme: 'wish', classId: c.target.id }))
        : undefined,
  },
  {
    action: 'thread.write',
    port: 'clip',
    method: 'addThreadMessage',
    targets: ['threadA', 'threadB', 'threadA1', 'threadA2', 'tipTopA', 'tipTopB'],
    refusals: ['invalid-data'],
    run: (c) => threadProbe(c, true),
  },
  {
    action: 'upload.read',
    port: 'composer',
    method: 'getUploadedMedia',
    targets: ['uploadA', 'uploadB'],
    optional: true,
    run: async (c) => {
      const uploader = maker(c);
      if (typeof c.as.getUploadedMedia !== 'function' || typeof uploader.uploadMedia !== 'function') return undefined;
      const media = await prepared(
        uploader.uploadMedia({ id: key(), file: png(), name: 'authorization-check.png', kind: 'photo' }),
        'the teacher’s upload',
      );
      return settle(c.as.getUploadedMedia(media.mediaId));
    },
  },
];

/**
 * A redeem. Allowed: on a chart whose goal is not reached a plain redeem, which the domain
 * refuses with `conflict` after the policy let it through; on a reached goal a next goal of 0,
 * which the contract refuses (minimum 1). Either way nothing is redeemed. Denied: a plain redeem.
 */
async function redeemHarmlessly(c: Cell): Promise<Outcome> {
  const plain = { id: key(), chartId: c.target.id };
  if (!c.allowed) return settle(c.as.redeem(plain));
  const chart = await settle(c.as.getRewardChart(c.target.id));
  const { goal, awards } = (chart.settled === 'resolved' ? chart.value : {}) as { goal?: unknown; awards?: unknown };
  const short = typeof goal === 'number' && Array.isArray(awards) && awards.length < goal;
  return settle(c.as.redeem(short ? plain : { ...plain, nextGoal: 0 }));
}

/**
 * An award or sticker. Allowed: with a reason longer than the contract allows (refused), and if
 * the backend stores it anyway, taken back by its giver where the policy lets them (a teacher).
 */
async function awardAndTakeBack(c: Cell): Promise<Outcome> {
  const outcome = await settle(
    c.as.award({ id: key(), chartId: c.target.id, reason: c.allowed ? OVERLONG : `${LABEL}: this award should have been refused` }),
  );
  if (outcome.settled === 'resolved') {
    const awardId = (outcome.value as { id?: unknown } | null)?.id;
    if (typeof awardId === 'string') await tidy(() => c.as.undoAward({ id: key(), chartId: c.target.id, awardId }));
  }
  return outcome;
}

/** A probe of the optional meeting port (issue 26): `undefined` (nothing to check) when the adapter lacks the method. */
function meetingProbe(
  action: Action,
  method: keyof SamenAdapter,
  targets: readonly TargetKey[],
  call: (a: SamenAdapter, id: string, allowed: boolean) => Promise<unknown> | undefined,
): Probe {
  return {
    action,
    port: 'meeting',
    method,
    targets,
    optional: true,
    refusals: ['invalid-data'],
    run: async (c) => {
      const pending = call(c.as, c.target.id, c.allowed);
      return pending ? settle(pending) : undefined;
    },
  };
}

/** A probe of the optional evaluation port (issue 25): left out when the adapter lacks the method. */
function evaluationProbe(
  action: Action,
  method: keyof SamenAdapter,
  targets: readonly TargetKey[],
  call: (a: SamenAdapter, id: string, allowed: boolean) => Promise<unknown> | undefined,
): Probe {
  return { ...meetingProbe(action, method, targets, call), port: 'evaluation' };
}

/**
 * The adapter method the suite checks each action of the policy with first (the table in
 * docs/integration.md shows them): the single read, not the batch read after it.
 */
export const AUTHORIZATION_METHODS: Readonly<Record<Action, string>> = Object.fromEntries(
  PROBES.filter((p, i) => PROBES.findIndex((q) => q.action === p.action) === i).map((p) => [p.action, p.method]),
) as Record<Action, string>;

// ------------------------------------------------------------------ the suite

/**
 * Registers the authorization suite: for every action of the policy, every viewer, and a
 * resource of their own and of someone else, one named check that the backend allows what
 * `POLICY` allows and refuses the rest; and for every action, one that an expired session is
 * refused. See `docs/conformance.md`.
 */
export function defineAuthorizationConformance<P extends PortName = PortName>(options: AuthorizationOptions<P>): void {
  const { describe, it } = options;
  const setup = options.setup as () => Promise<AuthorizationViewers>;
  const ports = new Set<PortName>(options.ports ?? PORT_NAMES);
  const unknownPorts = [...ports].filter((port) => !PORT_NAMES.includes(port));
  if (unknownPorts.length) throw new ConformanceError(`ports: ${show(unknownPorts)} is not a port; the ports are ${PORT_NAMES.join(', ')}`);
  const f = options.fixtures as AuthorizationFixtures;
  const missingFixtures = [...new Set([...PEOPLE_FIXTURES, ...[...ports].flatMap((port) => AUTHORIZATION_PORT_FIXTURES[port])])].filter(
    (name) => !f[name],
  );

  const staff = (key: 'careCoordinator' | 'schoolLeader', label: string, role: Role, scope: StaffScope | undefined): Person[] =>
    scope ? [{ key, label, id: label, role, classIds: scope.classes.map((c) => (c === 'A' ? f.classA : f.classB)), schoolId: SCHOOL }] : [];
  // Households (issue 24): parent A at family A's first address, parentA2 at its second.
  const twoAddresses = f.familyA !== undefined && f.householdA1 !== undefined && f.householdA2 !== undefined;
  const people: Person[] = [
    {
      key: 'parentA',
      label: 'parent A',
      id: 'parent A',
      role: 'parent',
      familyId: FAMILY_A,
      ...(twoAddresses ? { householdId: ADDRESS_1 } : {}),
      classIds: [f.classA],
      childIds: [f.childA],
      schoolId: SCHOOL,
    },
    ...(twoAddresses
      ? [
          {
            key: 'parentA2',
            label: 'parent A at the second address',
            id: 'parent A2',
            role: 'parent',
            familyId: FAMILY_A,
            householdId: ADDRESS_2,
            classIds: [f.classA],
            childIds: [f.childA],
            schoolId: SCHOOL,
          } satisfies Person,
        ]
      : []),
    {
      key: 'parentB',
      label: 'parent B',
      id: 'parent B',
      role: 'parent',
      familyId: FAMILY_B,
      classIds: [f.classA],
      childIds: [f.childB],
      schoolId: SCHOOL,
    },
    ...(options.childLogin === false
      ? []
      : [
          {
            key: 'childA',
            label: 'child A',
            id: 'child A',
            role: 'child',
            familyId: FAMILY_A,
            classIds: [f.classA],
            childIds: [f.childA],
            schoolId: SCHOOL,
          } satisfies Person,
        ]),
    { key: 'teacherA', label: 'teacher A', id: 'teacher A', role: 'teacher', classIds: [f.classA], schoolId: SCHOOL },
    { key: 'teacherB', label: 'teacher B', id: 'teacher B', role: 'teacher', classIds: [f.classB], schoolId: SCHOOL },
    ...staff('careCoordinator', 'care coordinator', 'care-coordinator', options.careCoordinator),
    ...staff('schoolLeader', 'school leader', 'school-leader', options.schoolLeader),
  ];

  const targets: Partial<Record<TargetKey, Target>> = {};
  const add = (key: TargetKey, label: string, id: string | undefined, scope: Target['scope']) => {
    if (id !== undefined) targets[key] = { key, label, id, scope };
  };
  add('clipA', 'clip A', f.clipA, { classId: f.classA });
  add('clipB', 'clip B', f.clipB, { classId: f.classB });
  add('classA', 'class A', f.classA, { classId: f.classA });
  add('classB', 'class B', f.classB, { classId: f.classB });
  add('classChartA', 'class chart A', f.classChartA, { classId: f.classA });
  add('classChartB', 'class chart B', f.classChartB, { classId: f.classB });
  add('personalChartA', 'child A’s personal chart', f.personalChartA, { classId: f.classA, childId: f.childA });
  add('personalChartB', 'a class B child’s personal chart', f.personalChartB, { classId: f.classB, childId: CHILD_IN_B });
  add('childA', 'child A', f.childA, { classId: f.classA, childId: f.childA });
  add('childB', 'child B', f.childB, { classId: f.classA, childId: f.childB });
  add('schoolMatrix', 'the school matrix', f.schoolMatrix, { schoolId: SCHOOL });
  add('otherSchoolMatrix', 'another school’s matrix', f.otherSchoolMatrix, { schoolId: OTHER_SCHOOL });
  add('homeMatrixA', 'family A’s home matrix', f.homeMatrixA, { familyId: FAMILY_A });
  // The course (issue 26): a meeting of each class, and the signed-in household's own reply and sheet on it.
  add('meetingA', 'meeting A', f.meetingA, { classId: f.classA });
  add('meetingB', 'meeting B', f.meetingB, { classId: f.classB });
  add('scheduledClipA', 'a clip of class A scheduled for later', f.scheduledClipA, { classId: f.classA });
  add('scheduledClipB', 'a clip of class B scheduled for later', f.scheduledClipB, { classId: f.classB });
  add('householdA', 'their household’s reply to meeting A', f.meetingA, (p) => ({ familyId: p.familyId ?? '', classId: f.classA }));
  add('householdB', 'their household’s reply to meeting B', f.meetingB, { familyId: '', classId: f.classB });
  // Evaluations (issue 25): an evaluation of each class's run, and each run's results.
  add('evaluationA', 'evaluation A', f.evaluationA, { classId: f.classA });
  add('evaluationB', 'evaluation B', f.evaluationB, { classId: f.classB });
  add('evaluationRunA', 'the results of run A', f.evaluationRunA, { classId: f.classA });
  add('evaluationRunB', 'the results of run B', f.evaluationRunB, { classId: f.classB });
  add('awardA', 'an award teacher A gave', '', { personId: 'teacher A', classId: f.classA });
  add('awardB', 'an award teacher B gave', '', { personId: 'teacher B', classId: f.classB });
  add('uploadA', 'an upload of teacher A', '', { personId: 'teacher A' });
  add('uploadB', 'an upload of teacher B', '', { personId: 'teacher B' });
  add('newUpload', 'a new upload of their own', '', (person) => ({ personId: person.id }));
  add('threadA', 'family A’s thread about clip A', '', { familyId: FAMILY_A, classId: f.classA });
  add('threadB', 'family B’s thread about clip A', '', { familyId: FAMILY_B, classId: f.classA });
  add('tipTopA', 'the tip and top about child A with family A', '', { familyId: FAMILY_A, classId: f.classA });
  add('tipTopB', 'the tip and top about child B with family B', '', { familyId: FAMILY_B, classId: f.classA });
  // Households (issue 24): a thread with one address of family A is that address's alone.
  add('threadA1', 'family A’s first address’s thread about clip A', twoAddresses ? '' : undefined, {
    familyId: FAMILY_A,
    householdId: ADDRESS_1,
    classId: f.classA,
  });
  add('threadA2', 'family A’s second address’s thread about clip A', twoAddresses ? '' : undefined, {
    familyId: FAMILY_A,
    householdId: ADDRESS_2,
    classId: f.classA,
  });

  const scopeOf = (target: Target, person: Person): Scope => (typeof target.scope === 'function' ? target.scope(person) : target.scope);
  const probes = PROBES.filter((p) => ports.has(p.port) && !(p.optional && options.composing === false));

  /** One check with fresh viewers, cleaned up also when it fails. */
  const check = (title: string, body: (viewers: AuthorizationViewers) => Promise<void>) =>
    it(title, async () => {
      const viewers = await setup();
      try {
        await body(viewers);
      } finally {
        await viewers.cleanup?.();
      }
    });

  const adapterOf = (viewers: AuthorizationViewers, key: ViewerKey): SamenAdapter =>
    viewers[key] ??
    fail(
      `setup() gave no ${key}: ${key === 'childA' ? 'give one, or pass childLogin: false' : `give one, or leave out the ${key} option`}`,
    );

  describe(`${options.name}: authorization (every action of POLICY × viewer × own/other)`, () => {
    it('the suite has a probe for every action of the policy', async () => {
      const missing = (Object.keys(ACTIONS) as Action[]).filter((action) => !PROBES.some((p) => p.action === action));
      if (missing.length) fail(`no probe for ${missing.join(', ')}: the authorization suite is behind src/core/policy.ts`);
      // Each probe runs only when its port is checked: it must be the port of its method.
      const misfiled = PROBES.filter((p) => !portMethods(p.port).includes(p.method)).map(
        (p) => `${p.action} (${p.method}) under ${show(p.port)}`,
      );
      if (misfiled.length) fail(`probes filed under another port than their method's: ${misfiled.join('; ')}`);
    });

    check('each viewer is who the fixtures say (role; parents A and B in different families; child A in family A)', async (viewers) => {
      if (missingFixtures.length) fail(`fixtures lack ${missingFixtures.join(', ')}, which the checks of ${[...ports].join(', ')} use`);
      const read = async (key: ViewerKey) =>
        (await prepared(adapterOf(viewers, key).getViewer(), `${key}.getViewer()`)) as { role?: unknown; familyId?: unknown };
      for (const person of people) {
        const viewer = await read(person.key);
        if (viewer.role !== person.role) fail(`${person.key}.getViewer().role: expected ${show(person.role)}, got ${show(viewer.role)}`);
      }
      const a = await read('parentA');
      const b = await read('parentB');
      if (a.familyId === undefined || a.familyId === b.familyId)
        fail(`parentA and parentB should be in different families, got ${show(a.familyId)} and ${show(b.familyId)}`);
      if (options.childLogin !== false) {
        const child = await read('childA');
        if (child.familyId !== undefined && child.familyId !== a.familyId)
          fail(`childA.getViewer().familyId should be family A's ${show(a.familyId)}, got ${show(child.familyId)}`);
      }
    });

    check('getViewer: an expired session is refused (signed-out or forbidden)', async (viewers) => {
      judgeExpired(await settle(viewers.expired.getViewer()), 'expired.getViewer()');
    });

    for (const probe of probes) {
      describe(`${probe.action} (${probe.method})`, () => {
        for (const targetKey of probe.targets) {
          const target = targets[targetKey];
          if (!target) continue; // an optional fixture that was not given
          for (const person of people) {
            const relation = relationOf(person, scopeOf(target, person));
            const allowed = allows(person.role, probe.action, relation);
            const title = `${person.label} · ${relation} (${target.label}) → ${allowed ? 'allowed' : 'denied'}`;
            check(title, async (viewers) => {
              const as = adapterOf(viewers, person.key);
              const outcome = await probe.run({ viewers, as, target, allowed, f });
              if (outcome === undefined) return; // an optional method this adapter doesn't have
              judge(outcome, { probe, person, relation, allowed, target });
            });
          }
        }
        const first = probe.targets.map((k) => targets[k]).find((t) => t !== undefined);
        if (first) {
          check(`expired session (${first.label}) → signed-out or forbidden`, async (viewers) => {
            const outcome = await probe.run({ viewers, as: viewers.expired, target: first, allowed: false, f });
            if (outcome !== undefined) judgeExpired(outcome, `expired.${probe.method}() on ${first.label} (${probe.action})`);
          });
        }
      });
    }
  });
}

const PORT_NAMES = Object.keys(PORT_METHODS) as PortName[];

/** The methods of `port`: its required ones, and the composer's optional ones. */
function portMethods(port: PortName): readonly string[] {
  if (port === 'composer') return ['uploadMedia', 'getUploadedMedia', 'publishLessonClip', 'getClassRhythm'];
  if (port === 'overview') return ['getProgrammeOverview', 'getUnreachedFamilies'];
  if (port === 'evaluation') return EVALUATION_METHODS;
  // The optional thread port is checked with the lesson clip's, whose card shows the thread.
  // So are the class board (clip) and the child's choice (reward) of issue 24.
  if (port === 'clip') return [...PORT_METHODS[port], ...THREAD_METHODS, 'getClassBoard', 'getLessonClips', 'getHomeAnswers'];
  if (port === 'feedback') return [...PORT_METHODS[port], 'getReactionSummaries'];
  return port === 'reward' ? [...PORT_METHODS[port], 'chooseChartGoal', 'setChartChoices'] : PORT_METHODS[port];
}

interface Verdict {
  probe: Probe;
  person: Person;
  relation: Relation;
  allowed: boolean;
  target: Target;
}

function kindOf(error: unknown): string | undefined {
  const kind = (error as { kind?: unknown } | null)?.kind;
  return typeof kind === 'string' ? kind : undefined;
}

/**
 * Allowed: resolves, or refuses the harmless input with one of the probe's domain kinds.
 * Denied: `forbidden`; on someone else's resource `not-found` too (a backend may hide that it exists).
 */
function judge(outcome: Outcome, { probe, person, relation, allowed, target }: Verdict): void {
  const what = `${person.key}.${probe.method}() on ${target.label} (${probe.action}: ${person.role} · ${relation})`;
  const kind = outcome.settled === 'rejected' ? kindOf(outcome.error) : undefined;
  if (allowed) {
    if (outcome.settled === 'resolved') return;
    if (kind !== undefined && (probe.refusals ?? []).includes(kind)) return;
    fail(`${what}: POLICY allows it, but it rejected with ${describeError(outcome.error)}`);
  }
  const accepted = probe.hidden ? ['not-found'] : relation === 'other' ? ['forbidden', 'not-found'] : ['forbidden'];
  if (outcome.settled === 'resolved') fail(`${what}: POLICY denies it, but it resolved with ${show(outcome.value)}`);
  if (kind === undefined || !accepted.includes(kind)) {
    fail(
      `${what}: POLICY denies it, so it should reject with kind ${accepted.map((k) => `"${k}"`).join(' or ')}, but it rejected with ${describeError(outcome.error)}`,
    );
  }
}

/** An expired or invalid session: `signed-out` (HTTP 401) or `forbidden`, never data. */
function judgeExpired(outcome: Outcome, what: string): void {
  if (outcome.settled === 'resolved') fail(`${what}: an expired session should be refused, but it resolved with ${show(outcome.value)}`);
  const kind = kindOf(outcome.error);
  if (kind !== 'signed-out' && kind !== 'forbidden')
    fail(
      `${what}: an expired session should reject with kind "signed-out" or "forbidden", but it rejected with ${describeError(outcome.error)}`,
    );
}
