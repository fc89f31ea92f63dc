/**
 * The adapter conformance kit: one suite a vendor runs against their own
 * {@link SamenAdapter}, with any test runner (mocha, vitest, jest, node:test), to prove
 * it keeps the contract the widgets rely on. See `docs/conformance.md`.
 *
 * Every test calls `setup()` for fresh adapters and `cleanup()` afterwards. A backend that
 * keeps its data between tests still passes: every assertion is relative to a read made
 * before the write, and every write uses a fresh idempotency key and a fresh text.
 */
import * as z from 'zod/mini';
import {
  EVALUATION_METHODS,
  missingMethods,
  newId,
  PORT_METHODS,
  type BatchReadPort,
  type ClipComposerPort,
  type LivePort,
  type MeetingPort,
  type PortName,
  type ProgrammeIntroPort,
  type SamenAdapter,
  type SamenTopic,
  type ViewerPort,
} from '../core/adapter.js';
import { toIssues } from '../core/parse.js';
import { viewerSchema } from '../core/schemas.js';
import { lessonClipDraftSchema, uploadedMediaSchema } from '../clip-composer/schemas.js';
import { expectationMatrixSchema, successSchema, type ExpectationMatrix } from '../expectation-matrix/schemas.js';
import { reactionSummarySchema, replySchema, type ReactionSummary } from '../feedback-bar/schemas.js';
import { checkinSchema, type Checkin } from '../feelings-checkin/schemas.js';
import { clipReachSchema, homeAnswerSchema } from '../lesson-clip/schemas.js';
import { awardSchema, rewardChartSchema, type RewardChart } from '../reward-chart/schemas.js';
import { programmeOverviewSchema, type ProgrammeOverviewQuery } from '../programme-overview/schemas.js';
import {
  DEFAULT_EVALUATION_MIN_GROUP_SIZE,
  evaluationReceiptSchema,
  evaluationResultsSchema,
  evaluationSchema,
  type Answer,
  type Evaluation,
  type EvaluationResults,
} from '../evaluation/schemas.js';
import { allows } from '../core/policy.js';
import type { SamenErrorKind } from '../core/errors.js';
import { parseLessonClip } from '../lesson-clip/parse-clip.js';
import {
  meetingRepliesSchema,
  meetingSchema,
  preparationSchema,
  RSVP_MAX_PEOPLE,
  rsvpSchema,
  type Preparation,
  type Rsvp,
} from '../meeting/schemas.js';
import { programmeIntroSchema } from '../programme-intro/schemas.js';

// ------------------------------------------------------------------ options

/** Ids in the vendor's test backend that the suite reads and writes. */
export interface ConformanceFixtures {
  /** A lesson clip of `classId` with a home question; `parent` and `teacher` may see it. */
  clipId: string;
  /** Anything reactions and replies go under: a clip or one of the host's own posts. */
  targetId: string;
  /** The class reward chart of `classId`: the teacher awards, undoes and redeems on it. */
  classChartId: string;
  /** The personal chart of `childId`; with `homeStickersEnabled` the parent may add home stickers. */
  personalChartId: string;
  /** The parent's own child, in `classId`. */
  childId: string;
  /** A child in `classId` of another family: the parent may not see or write its check-ins. */
  otherChildId: string;
  /** The teacher's class. */
  classId: string;
  /** The school's expectation matrix: the teacher edits it, parents read it and share successes. */
  matrixId: string;
  /** The parent's family's home matrix: the family edits it. */
  homeMatrixId: string;
  /**
   * Optional, for the evaluation port (issue 25): an open evaluation of `classId`'s programme run
   * that goes to parents; the teacher reads its run's results. Without it the evaluation's checks
   * have nothing to check, unless `ports` names `'evaluation'`: then they fail asking for it.
   */
  evaluationId?: string;
  /** An id that names no clip, chart, matrix, class or child. */
  unknownId: string;
  /**
   * Optional, for the meeting port (issue 26): a meeting of `classId` that `parent`'s household may
   * reply to and send a preparation sheet for, and whose list `teacher` reads. Without it the
   * meeting's round trips are left out (the port's methods are still checked).
   */
  meetingId?: string;
  /** Optional, for the introduction port (issue 26): a programme introduction `parent` and `teacher` may read. */
  introId?: string;
}

/**
 * The fixtures the checks of each port use. A run with `ports` needs only the ids of those ports;
 * the viewer's check uses `childId`, `otherChildId` and `classId` when they are given, the
 * meeting's and introduction's round trips are registered only with their optional `meetingId`
 * and `introId`, and the evaluation's use the optional `evaluationId` (and `unknownId` when given).
 */
export const PORT_FIXTURES = {
  clip: ['clipId', 'classId', 'unknownId'],
  feedback: ['targetId'],
  reward: ['classChartId', 'personalChartId', 'unknownId'],
  feelings: ['childId', 'otherChildId', 'classId', 'unknownId'],
  matrix: ['matrixId', 'homeMatrixId', 'unknownId'],
  composer: ['classId', 'unknownId'],
  overview: ['classId'],
  meeting: [],
  intro: [],
  evaluation: [],
} as const satisfies Record<PortName, readonly (keyof ConformanceFixtures)[]>;

/** The fixtures a run of the ports `P` needs: e.g. only `targetId` for `'feedback'`. */
export type FixturesFor<P extends PortName> = Pick<ConformanceFixtures, (typeof PORT_FIXTURES)[P][number]> & Partial<ConformanceFixtures>;

/**
 * An adapter with the viewer, optional live updates and the ports `P` (the composer's methods
 * optional, as everywhere). For one port it is `AdapterFor<P>`; for all of them, a `SamenAdapter`.
 */
export type PortsAdapter<P extends PortName> = ViewerPort &
  LivePort &
  Pick<SamenAdapter, (typeof PORT_METHODS)[P][number]> &
  ('composer' extends P ? ClipComposerPort : unknown) &
  BatchReadPort;

/** Fresh adapters for one test, all signed in to the same backend, each with the ports `P` checked. */
export interface ConformanceAdapters<P extends PortName = PortName> {
  /** A parent of `childId`. */
  parent: PortsAdapter<P>;
  /**
   * A second carer of the same family (another signed-in person). Optional: without it the
   * family checks use `parent` twice and the live-update checks write as the teacher. With
   * households (issue 24): at another address than `parent` (another `householdId`).
   */
  otherParent?: PortsAdapter<P>;
  /**
   * Optional, for households (issue 24): a second carer at `parent`'s own address (the same
   * `familyId` and `householdId`). The carers of one household read and replace one home answer.
   */
  sameHousehold?: PortsAdapter<P>;
  /** The teacher of `classId`. */
  teacher: PortsAdapter<P>;
  /** Runs after each test, also when it failed: close connections, drop a test database. */
  cleanup?: () => Promise<void>;
}

export interface LiveUpdateOptions {
  /** Milliseconds a notification may take to arrive. Default 2000. */
  timeout?: number;
  /** Milliseconds of silence that prove an unsubscribed listener is no longer called. Default 200. */
  quiet?: number;
  /**
   * Milliseconds to wait after subscribing before writing, for transports that connect
   * asynchronously (Server-Sent Events, postMessage). Default 0.
   */
  settle?: number;
}

export interface ConformanceOptions<P extends PortName = PortName> {
  /** Names the suite, e.g. `'ParroAdapter'`. */
  name: string;
  /**
   * The ports to check, for a host that embeds only some widgets (`['feedback']` for the
   * feedback bar). Default: all of them. `getViewer` is always checked; live updates only on the
   * topics of these ports; composing only with `'composer'`. The adapters and fixtures need only
   * what these ports use.
   */
  ports?: readonly P[];
  /** The runner's `describe` (mocha, vitest, jest, `node:test`). */
  describe: (name: string, fn: () => void) => void;
  /** The runner's `it` or `test`. */
  it: (name: string, fn: () => Promise<void>) => void;
  /** Called before every test. */
  setup: () => Promise<ConformanceAdapters<NoInfer<P>>>;
  /** The ids the checks of `ports` use (see {@link PORT_FIXTURES}); all of them by default. */
  fixtures: FixturesFor<NoInfer<P>>;
  /**
   * Live updates through `subscribe`: checked by default, and then `subscribe` is required.
   * `false` for an adapter without `subscribe` (widgets then re-read only on their own writes).
   */
  liveUpdates?: false | LiveUpdateOptions;
  /**
   * The optional composing methods (`uploadMedia`, `getUploadedMedia`, `publishLessonClip`):
   * checked when the teacher's adapter has them, passed as "nothing to check" when it has none,
   * failed when it has only some. `false` leaves the checks out. Publishing adds a clip to
   * `classId` in the backend on every run.
   */
  composing?: false;
}

// ------------------------------------------------------------------ assertions

/** What a failed conformance check throws: a plain `Error` every runner reports. */
export class ConformanceError extends Error {
  override readonly name = 'ConformanceError';
}

function fail(message: string): never {
  throw new ConformanceError(message);
}

function ok(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}

/** @internal A short JSON rendering for failure messages (shared with the authorization suite). */
export function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** The overview port's read of `adapter` (optional in `SamenAdapter`, required by its port). */
function overviewOf(adapter: { getProgrammeOverview?: (query: ProgrammeOverviewQuery) => Promise<unknown> }, who: string) {
  const read = adapter.getProgrammeOverview;
  if (typeof read !== 'function') return fail(`${who} lacks getProgrammeOverview, which the overview port needs`);
  return (query: ProgrammeOverviewQuery) => read.call(adapter, query);
}

function equal(actual: unknown, expected: unknown, what: string): void {
  if (!Object.is(actual, expected)) fail(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

/** Structural equality; a missing key and a key set to `undefined` are the same (JSON drops both). */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => same(item, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => same(left[key], right[key]));
}

function deepEqual(actual: unknown, expected: unknown, what: string): void {
  if (!same(actual, expected)) fail(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

/** The fields a write determines are the same in `actual` as in `expected`. */
function sameFields<T extends object>(actual: T, expected: T, keys: readonly (keyof T)[], what: string): void {
  for (const key of keys) deepEqual(actual[key], expected[key], `${what}: ${String(key)}`);
}

/** Parses with the schema the widgets use, or fails naming the bad fields. */
function valid<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const issues = toIssues(result.error).map((i) => `${i.path}: ${i.message}`);
  return fail(`${what} resolved with data the widgets reject (${issues.join('; ')})`);
}

/** @internal */
export type Outcome = { settled: 'resolved'; value: unknown } | { settled: 'rejected'; error: unknown };

/** @internal */
export async function settle(call: Promise<unknown>): Promise<Outcome> {
  return call.then(
    (value): Outcome => ({ settled: 'resolved', value }),
    (error: unknown): Outcome => ({ settled: 'rejected', error }),
  );
}

/** @internal */
export function describeError(error: unknown): string {
  if (typeof error !== 'object' || error === null) return `a thrown ${show(error)}`;
  const { name, kind, message } = error as { name?: unknown; kind?: unknown; message?: unknown };
  const kindText = typeof kind === 'string' ? `kind "${kind}"` : 'no kind';
  return `${typeof name === 'string' ? name : 'an object'} with ${kindText}${typeof message === 'string' ? `: ${message}` : ''}`;
}

/**
 * `call` rejects with a SamenError-shaped error (`error.kind`) of one of `kinds`. The kind is
 * checked, not `instanceof`, so an adapter bundled with its own copy of Samen passes.
 */
async function rejects(call: Promise<unknown>, kinds: SamenErrorKind | readonly SamenErrorKind[], what: string): Promise<void> {
  const expected: readonly string[] = typeof kinds === 'string' ? [kinds] : kinds;
  const wanted = expected.map((k) => `"${k}"`).join(' or ');
  const outcome = await settle(call);
  if (outcome.settled === 'resolved') fail(`${what} should reject with kind ${wanted}, but it resolved with ${show(outcome.value)}`);
  const kind = (outcome.error as { kind?: unknown } | null)?.kind;
  if (typeof kind !== 'string' || !expected.includes(kind)) {
    fail(`${what} should reject with kind ${wanted}, but it rejected with ${describeError(outcome.error)}`);
  }
}

/** `call` rejects with an error named `AbortError` (a `DOMException`, or anything named so). */
async function aborts(call: Promise<unknown>, what: string): Promise<void> {
  const outcome = await settle(call);
  if (outcome.settled === 'resolved') fail(`${what} with an aborted signal should reject with an AbortError, but it resolved`);
  const name = (outcome.error as { name?: unknown } | null)?.name;
  if (name !== 'AbortError')
    fail(`${what} with an aborted signal should reject with an AbortError, but it rejected with ${describeError(outcome.error)}`);
}

// ------------------------------------------------------------------ small helpers

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** Local time with the device's UTC offset, the way the feelings widget writes `createdAt`. */
function isoWithOffset(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** A fresh idempotency key (or entity id) that no earlier run used. */
const key = (): string => `conformance-${newId()}`;
/** A fresh text, so a read shows this run's write and not an earlier one. */
const phrase = (what: string): string => `Conformance ${what} ${newId().slice(0, 8)}`;
const aborted = (): AbortSignal => AbortSignal.abort();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function idsOf(list: readonly { id: string }[]): string[] {
  return list.map((item) => item.id);
}

function findById<T extends { id: string }>(list: readonly T[], id: string, what: string): T {
  const matches = list.filter((item) => item.id === id);
  if (matches.length === 0) fail(`${what} should contain id ${show(id)}, but has ${show(idsOf(list))}`);
  if (matches.length > 1) fail(`${what} should contain id ${show(id)} once, but has it ${matches.length} times`);
  return matches[0]!;
}

function count(summary: ReactionSummary, reaction: string): number {
  return summary.counts[reaction] ?? 0;
}

const checkinList = z.array(checkinSchema);
const successList = z.array(successSchema);
const rsvpOrNull = z.nullable(rsvpSchema);
const preparationOrNull = z.nullable(preparationSchema);
/** What a household's reply and sheet keep of their write, in every read of them. */
const RSVP_FIELDS = ['meetingId', 'familyId', 'householdId', 'answer', 'people', 'updatedAt'] as const satisfies readonly (keyof Rsvp)[];
const PREPARATION_FIELDS = [
  'meetingId',
  'familyId',
  'householdId',
  'keywords',
  'goesWell',
  'talkAbout',
  'updatedAt',
] as const satisfies readonly (keyof Preparation)[];

/** The meeting and introduction ports' methods: optional in `SamenAdapter`; `confine` fails their checks for a missing one. */
const course = (adapter: SamenAdapter) => adapter as SamenAdapter & Required<MeetingPort> & Required<ProgrammeIntroPort>;

/** The one entry of `mine`'s household in `list` (a reply or a sheet): a second is a write applied twice. */
function ofHousehold<T extends { familyId: string; householdId?: string }>(list: readonly T[], mine: T, what: string): T {
  const matches = list.filter((item) => item.familyId === mine.familyId && item.householdId === mine.householdId);
  if (matches.length !== 1)
    fail(
      `${what} should hold the household ${show({ familyId: mine.familyId, householdId: mine.householdId })} once, but has it ${matches.length} times`,
    );
  return matches[0]!;
}

/** Listens to `topic` and counts notifications. */
interface Probe {
  readonly calls: number;
  stop(): void;
}

function listen(adapter: SamenAdapter, topic: SamenTopic, who: string): Probe {
  if (typeof adapter.subscribe !== 'function') {
    fail(`${who}.subscribe is missing: implement it, or pass liveUpdates: false to skip the live-update checks`);
  }
  let calls = 0;
  const stop = adapter.subscribe(topic, () => {
    calls += 1;
  });
  if (typeof stop !== 'function')
    fail(`${who}.subscribe(${show(topic)}) should return the function that stops listening, got ${show(stop)}`);
  return {
    get calls() {
      return calls;
    },
    stop,
  };
}

async function eventually(check: () => boolean, timeout: number): Promise<boolean> {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() >= end) return false;
    await sleep(10);
  }
  return true;
}

// ------------------------------------------------------------------ ports

const PORT_NAMES = Object.keys(PORT_METHODS) as PortName[];

/** What a check is filed under: a widget's port, or `'viewer'` for `getViewer` (checked on every run). */
type Check = PortName | 'viewer';
const CHECKS: readonly Check[] = ['viewer', ...PORT_NAMES];

/** The adapters a check's body works with (the kit's own view: every port). */
type Adapters = ConformanceAdapters<PortName>;

const COMPOSING = ['uploadMedia', 'getUploadedMedia', 'publishLessonClip'] as const satisfies readonly (keyof ClipComposerPort)[];
/** The optional batch reads (issue 23), by the port whose single read they batch. */
const BATCH_READS: Partial<Record<PortName, readonly (keyof SamenAdapter)[]>> = {
  clip: ['getLessonClips', 'getHomeAnswers'],
  feedback: ['getReactionSummaries'],
};
/**
 * The ports a `SamenAdapter` may leave out (their methods are optional; issues 25 and 26). A run
 * without `ports` checks each one when every adapter has any of its methods (then a missing one
 * fails), and passes its checks with nothing to check when an adapter has none; a run whose
 * `ports` names one requires it.
 */
const OPTIONAL_PORTS: readonly PortName[] = ['overview', 'meeting', 'intro', 'evaluation'];
const ADAPTER_METHODS = new Set<string>([
  'getViewer',
  'subscribe',
  ...PORT_NAMES.flatMap((port) => PORT_METHODS[port]),
  ...COMPOSING,
  ...Object.values(BATCH_READS).flat(),
  ...EVALUATION_METHODS,
]);

/**
 * `adapter` as the check `title`, filed under `check`, may use it: `getViewer`, `subscribe`, the
 * port's methods (and the composer's the clip's, to read a published clip back when that port is
 * checked too). Calling another port's method is a fault of the kit, and fails naming it; a
 * method the port needs that the adapter lacks fails naming every method it lacks.
 */
function confine<A extends object>(adapter: A, who: string, check: Check, title: string, ports: ReadonlySet<PortName>): A {
  const own: readonly string[] = check === 'viewer' ? [] : PORT_METHODS[check];
  const allowed = new Set<string>(['getViewer', 'subscribe', ...own, ...(check === 'viewer' ? [] : (BATCH_READS[check] ?? []))]);
  // The evaluation's optional methods (its results, the school's own questions) are its own.
  if (check === 'evaluation') for (const method of EVALUATION_METHODS) allowed.add(method);
  if (check === 'composer') {
    for (const method of COMPOSING) allowed.add(method);
    if (ports.has('clip')) for (const method of PORT_METHODS.clip) allowed.add(method);
  }
  const required = new Set<string>(['getViewer', ...own]);
  return new Proxy(adapter, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof property !== 'string' || !ADAPTER_METHODS.has(property)) return value;
      if (!allowed.has(property)) {
        fail(
          `the kit's check ${show(title)} is filed under ${check} but calls ${who}.${property}(): file it under the port of ${property}`,
        );
      }
      if (typeof value === 'function') return (value as (...args: unknown[]) => unknown).bind(target);
      if (required.has(property)) {
        const missing = check === 'viewer' ? ['getViewer'] : missingMethods(target, check);
        fail(`${who} lacks ${missing.join(', ')}, which the ${check === 'viewer' ? 'viewer' : `${check} port`} needs`);
      }
      return value;
    },
  });
}

// ------------------------------------------------------------------ the suite

/**
 * Registers the conformance suite with the runner's `describe`/`it`.
 *
 * @example
 * defineAdapterConformance({
 *   name: 'MyAdapter', describe, it, fixtures,
 *   setup: async () => ({ parent: signIn('parent'), teacher: signIn('teacher') }),
 * });
 */
export function defineAdapterConformance<P extends PortName = PortName>(options: ConformanceOptions<P>): void {
  // `it` is not taken out of `options`: every check is registered through `test`, with its port.
  const { describe } = options;
  const setup = options.setup as () => Promise<Adapters>;
  const live = options.liveUpdates === false ? undefined : { timeout: 2000, quiet: 200, settle: 0, ...options.liveUpdates };
  const ports = new Set<PortName>(options.ports ?? PORT_NAMES);
  const named = new Set<PortName>(options.ports ?? []);
  /**
   * An optional port the run does not name, which an adapter of the run does not offer (has none
   * of its methods; e.g. a BridgeAdapter beside MemoryAdapters): its checks have nothing to check.
   */
  const leftOut = (port: Check, adapters: Adapters): boolean =>
    port !== 'viewer' &&
    OPTIONAL_PORTS.includes(port) &&
    !named.has(port) &&
    [adapters.parent, adapters.otherParent, adapters.teacher].some(
      (adapter) =>
        adapter !== undefined &&
        PORT_METHODS[port].every((method) => typeof (adapter as unknown as Record<string, unknown>)[method] !== 'function'),
    );
  const unknownPorts = [...ports].filter((port) => !PORT_NAMES.includes(port));
  if (unknownPorts.length) throw new ConformanceError(`ports: ${show(unknownPorts)} is not a port; the ports are ${PORT_NAMES.join(', ')}`);
  // Checked by the first check below; the checks of a port read only that port's fixtures.
  const f = options.fixtures as ConformanceFixtures;
  const missingFixtures = [...new Set([...ports].flatMap((port) => PORT_FIXTURES[port]))].filter(
    (name) => typeof f[name] !== 'string' || !f[name],
  );

  /**
   * One check of the port `port` ('viewer' for `getViewer`), with fresh adapters, cleaned up also
   * when it fails. It is registered only when `port` is checked, and its body sees adapters
   * confined to `port` (see `confine`): a check filed under the wrong port fails on every run.
   */
  const test = (port: Check, title: string, body: (adapters: Adapters, unconfined: Adapters) => Promise<void>) => {
    if (!CHECKS.includes(port))
      throw new ConformanceError(`the kit's check ${show(title)} names no port (${show(port)}); file it under one of ${CHECKS.join(', ')}`);
    if (port !== 'viewer' && !ports.has(port)) return;
    options.it(title, async () => {
      const adapters = await setup();
      try {
        if (leftOut(port, adapters)) return;
        const confined = (who: 'parent' | 'otherParent' | 'teacher') => {
          const adapter = adapters[who];
          return adapter && confine(adapter, who, port, title, ports);
        };
        await body(
          { ...adapters, parent: confined('parent')!, otherParent: confined('otherParent'), teacher: confined('teacher')! },
          adapters,
        );
      } finally {
        await adapters.cleanup?.();
      }
    });
  };

  // ---- shared steps

  const teacherChart = async (teacher: SamenAdapter, chartId = f.classChartId) =>
    valid(rewardChartSchema, await teacher.getRewardChart(chartId), `teacher.getRewardChart(${show(chartId)})`);

  const readMatrix = async (adapter: SamenAdapter, matrixId: string, who: string): Promise<ExpectationMatrix> =>
    valid(expectationMatrixSchema, await adapter.getExpectationMatrix(matrixId), `${who}.getExpectationMatrix(${show(matrixId)})`);

  const childCheckins = async (
    adapter: SamenAdapter,
    who: string,
    query: { childId: string; from?: string; to?: string } = { childId: f.childId },
  ) => valid(checkinList, await adapter.getCheckins(query), `${who}.getCheckins(${show(query)})`);

  const successes = async (teacher: SamenAdapter, query: { matrixId: string; from?: string } = { matrixId: f.matrixId }) =>
    valid(successList, await teacher.getSuccesses(query), `teacher.getSuccesses(${show(query)})`);

  const checkinInput = (overrides: Partial<Omit<Checkin, 'id' | 'childName'>> = {}) => ({
    id: key(),
    checkinId: key(),
    childId: f.childId,
    feeling: 'proud',
    strength: 4,
    context: 'home' as const,
    createdAt: isoWithOffset(new Date()),
    ...overrides,
  });

  /** Awards on the class chart until its goal is reached; fails when the fixture is too far from it. */
  const reachGoal = async (teacher: SamenAdapter): Promise<RewardChart> => {
    let chart = await teacherChart(teacher);
    const missing = chart.goal - chart.awards.length;
    ok(
      missing <= 200,
      `fixture classChartId ${show(f.classChartId)} needs ${missing} more awards to reach its goal; use a chart within 200 of its goal`,
    );
    for (let i = 0; i < missing; i++) await teacher.award({ id: key(), chartId: f.classChartId });
    chart = await teacherChart(teacher);
    ok(
      chart.awards.length >= chart.goal,
      `after ${missing} awards the class chart should have reached its goal ${chart.goal}, but has ${chart.awards.length} awards`,
    );
    return chart;
  };

  // The course's optional fixtures (issue 26): without them, the checks that read and write them are left out.
  const { meetingId, introId } = f;

  /** The teacher's list of a meeting: valid, and of that meeting only. */
  const meetingReplies = async (teacher: SamenAdapter, id: string) => {
    const replies = valid(meetingRepliesSchema, await course(teacher).getMeetingReplies(id), `teacher.getMeetingReplies(${show(id)})`);
    equal(replies.meetingId, id, 'getMeetingReplies().meetingId');
    ok(
      [...replies.rsvps, ...replies.preparations].every((item) => item.meetingId === id),
      `getMeetingReplies(${show(id)}) should only hold that meeting’s replies and sheets`,
    );
    return replies;
  };

  describe(`${options.name}: SamenAdapter conformance${options.ports ? ` (${[...ports].join(', ')})` : ''}`, () => {
    // ================================================================ the setup
    describe('setup: the fixtures and adapters have what the checked ports use', () => {
      test('viewer', 'fixtures: every id the checked ports use is given', async () => {
        ok(
          missingFixtures.length === 0,
          `fixtures lack ${missingFixtures.join(', ')}, which the checks of ${[...ports].join(', ')} use (see PORT_FIXTURES)`,
        );
      });
      for (const port of PORT_NAMES) {
        test(
          port,
          `${port} port: every adapter has getViewer, ${PORT_METHODS[port].join(', ') || 'and the optional composing methods'}`,
          async (_, unconfined) => {
            for (const who of ['parent', 'otherParent', 'teacher'] as const) {
              const adapter = unconfined[who];
              if (!adapter) continue;
              const missing = missingMethods(adapter, port);
              ok(
                missing.length === 0,
                `${who} lacks ${missing.join(', ')}, which the ${port} port needs (${port === 'clip' ? '<samen-lesson-clip>' : `the ${port} widget`} shows "not connected" without them)`,
              );
            }
          },
        );
      }
    });

    // ================================================================ round-trips
    describe('round-trips: reads pass the widgets’ schemas, writes show in the next read', () => {
      test('viewer', 'getViewer: each viewer is valid, with its role and family', async ({ parent, otherParent, teacher }) => {
        const p = valid(viewerSchema, await parent.getViewer(), 'parent.getViewer()');
        equal(p.role, 'parent', 'parent.getViewer().role');
        ok(p.familyId, 'parent.getViewer() should have a familyId: teachers count families, not carers');
        if (p.childIds && f.childId && f.otherChildId) {
          ok(
            p.childIds.includes(f.childId),
            `parent.getViewer().childIds should include childId ${show(f.childId)}, got ${show(p.childIds)}`,
          );
          ok(!p.childIds.includes(f.otherChildId), `parent.getViewer().childIds should not include otherChildId ${show(f.otherChildId)}`);
        }
        const t = valid(viewerSchema, await teacher.getViewer(), 'teacher.getViewer()');
        equal(t.role, 'teacher', 'teacher.getViewer().role');
        if (t.classIds && f.classId)
          ok(
            t.classIds.includes(f.classId),
            `teacher.getViewer().classIds should include classId ${show(f.classId)}, got ${show(t.classIds)}`,
          );
        if (otherParent) {
          const o = valid(viewerSchema, await otherParent.getViewer(), 'otherParent.getViewer()');
          equal(o.role, 'parent', 'otherParent.getViewer().role');
          equal(o.familyId, p.familyId, 'otherParent.getViewer().familyId (a second carer of the same family)');
          ok(o.id !== p.id, `otherParent and parent should be different viewers, both have id ${show(o.id)}`);
        }
      });

      test(
        'clip',
        'getLessonClips (optional batch read): each clip as getLessonClip gives it, null for an unknown id',
        async ({ parent }) => {
          if (typeof parent.getLessonClips !== 'function') return;
          const single = parseLessonClip(await parent.getLessonClip(f.clipId)).clip;
          const many = await parent.getLessonClips([f.clipId, f.unknownId, f.clipId]);
          ok(Array.isArray(many) && many.length === 3, `parent.getLessonClips() should answer one entry per id, got ${show(many)}`);
          equal(many[1], null, `parent.getLessonClips()[1] (the unknown id ${show(f.unknownId)})`);
          for (const i of [0, 2])
            deepEqual(parseLessonClip(many[i]).clip, single, `parent.getLessonClips()[${i}] (as getLessonClip gives it)`);
        },
      );

      test(
        'clip',
        'getHomeAnswers (optional batch read): each answer as getHomeAnswer gives it, null for an unknown id',
        async ({ parent }) => {
          if (typeof parent.getHomeAnswers !== 'function') return;
          const single = await parent.getHomeAnswer(f.clipId);
          const many = await parent.getHomeAnswers([f.clipId, f.unknownId]);
          ok(Array.isArray(many) && many.length === 2, `parent.getHomeAnswers() should answer one entry per id, got ${show(many)}`);
          equal(many[1], null, `parent.getHomeAnswers()[1] (the unknown id ${show(f.unknownId)})`);
          deepEqual(many[0], single, 'parent.getHomeAnswers()[0] (as getHomeAnswer gives it)');
        },
      );

      test('clip', 'getLessonClip: parent and teacher get a clip the widget shows in full', async ({ parent, teacher }) => {
        for (const [who, adapter] of [
          ['parent', parent],
          ['teacher', teacher],
        ] as const) {
          const what = `${who}.getLessonClip(${show(f.clipId)})`;
          const raw = await adapter.getLessonClip(f.clipId);
          let parsed: ReturnType<typeof parseLessonClip>;
          try {
            parsed = parseLessonClip(raw);
          } catch (error) {
            const issues = (error as { issues?: { path: string; message: string }[] }).issues ?? [];
            fail(`${what} resolved with a clip the widget rejects (${issues.map((i) => `${i.path}: ${i.message}`).join('; ')})`);
          }
          const problems = parsed.problems.map((i) => `${i.path}: ${i.message}`);
          ok(problems.length === 0, `${what} resolved with parts the widget has to drop (${problems.join('; ')})`);
          equal(parsed.clip.id, f.clipId, `${what}.id`);
          equal(parsed.clip.classId, f.classId, `${what}.classId`);
        }
      });

      test(
        'clip',
        'saveHomeAnswer → getHomeAnswer: each carer reads back their own answer, never another carer’s',
        async ({ parent, otherParent }) => {
          const viewer = valid(viewerSchema, await parent.getViewer(), 'parent.getViewer()');
          const before = await parent.getHomeAnswer(f.clipId);
          if (before !== null) valid(homeAnswerSchema, before, `parent.getHomeAnswer(${show(f.clipId)})`);
          const text = phrase('answer');
          const saved = valid(
            homeAnswerSchema,
            await parent.saveHomeAnswer({ id: key(), clipId: f.clipId, kind: 'text', text }),
            'parent.saveHomeAnswer()',
          );
          equal(saved.clipId, f.clipId, 'saveHomeAnswer().clipId');
          equal(saved.kind, 'text', 'saveHomeAnswer().kind');
          equal(saved.text, text, 'saveHomeAnswer().text');
          equal(saved.familyId, viewer.familyId, 'saveHomeAnswer().familyId');
          const read = valid(
            homeAnswerSchema,
            await parent.getHomeAnswer(f.clipId),
            `parent.getHomeAnswer(${show(f.clipId)}) after saving`,
          );
          deepEqual(read, saved, 'getHomeAnswer() after saveHomeAnswer()');
          if (otherParent) {
            // Two households of one child: a carer's answer is their own, the other carer doesn't read it.
            const theirs = await otherParent.getHomeAnswer(f.clipId);
            if (theirs !== null) valid(homeAnswerSchema, theirs, 'otherParent.getHomeAnswer() (same family)');
            ok(
              theirs === null || (theirs.id !== saved.id && theirs.text !== text),
              `the second carer’s getHomeAnswer() should be null or their own answer, never the first carer’s (answers are per carer), got ${show(theirs)}`,
            );
            const otherText = phrase('second carer’s answer');
            const other = valid(
              homeAnswerSchema,
              await otherParent.saveHomeAnswer({ id: key(), clipId: f.clipId, kind: 'text', text: otherText }),
              'otherParent.saveHomeAnswer()',
            );
            equal(other.familyId, viewer.familyId, 'otherParent.saveHomeAnswer().familyId (the same family)');
            equal(
              valid(homeAnswerSchema, await otherParent.getHomeAnswer(f.clipId), 'otherParent.getHomeAnswer()').text,
              otherText,
              'the second carer’s getHomeAnswer().text',
            );
            deepEqual(
              await parent.getHomeAnswer(f.clipId),
              read,
              'parent.getHomeAnswer() after the second carer answered (their answer neither replaces nor shows the first carer’s)',
            );
          }
          const changed = phrase('changed answer');
          await parent.saveHomeAnswer({ id: key(), clipId: f.clipId, kind: 'text', text: changed });
          const replaced = valid(homeAnswerSchema, await parent.getHomeAnswer(f.clipId), 'parent.getHomeAnswer() after a second answer');
          equal(replaced.text, changed, 'getHomeAnswer().text after a second answer (it replaces the first)');
        },
      );

      test(
        'clip',
        'saveHomeAnswer (households): two carers of one household read and replace one answer',
        async ({ parent, sameHousehold }) => {
          if (!sameHousehold) return;
          const p = valid(viewerSchema, await parent.getViewer(), 'parent.getViewer()');
          const o = valid(viewerSchema, await sameHousehold.getViewer(), 'sameHousehold.getViewer()');
          ok(p.householdId !== undefined, 'parent.getViewer().householdId: with sameHousehold, parent is at an address of its family');
          deepEqual(
            [o.familyId, o.householdId],
            [p.familyId, p.householdId],
            'sameHousehold.getViewer(): the family and address of parent',
          );
          ok(o.id !== p.id, `sameHousehold and parent should be different viewers, both have id ${show(o.id)}`);
          const text = phrase('household answer');
          const saved = valid(
            homeAnswerSchema,
            await parent.saveHomeAnswer({ id: key(), clipId: f.clipId, kind: 'text', text }),
            'parent.saveHomeAnswer()',
          );
          deepEqual(
            await sameHousehold.getHomeAnswer(f.clipId),
            saved,
            'sameHousehold.getHomeAnswer(): the other carer of the household reads the household’s answer',
          );
          const changed = phrase('answer of the second carer at the address');
          await sameHousehold.saveHomeAnswer({ id: key(), clipId: f.clipId, kind: 'text', text: changed });
          const read = valid(homeAnswerSchema, await parent.getHomeAnswer(f.clipId), 'parent.getHomeAnswer() after sameHousehold answered');
          equal(
            read.text,
            changed,
            'parent.getHomeAnswer().text after the other carer of the household answered (one answer per household)',
          );
        },
      );

      test('clip', 'getClipReach: the teacher sees the family’s answer, with consistent counts', async ({ parent, teacher }) => {
        const viewer = valid(viewerSchema, await parent.getViewer(), 'parent.getViewer()');
        const text = phrase('answer for the teacher');
        const saved = valid(
          homeAnswerSchema,
          await parent.saveHomeAnswer({ id: key(), clipId: f.clipId, kind: 'text', text }),
          'parent.saveHomeAnswer()',
        );
        const reach = valid(clipReachSchema, await teacher.getClipReach(f.clipId), `teacher.getClipReach(${show(f.clipId)})`);
        equal(reach.clipId, f.clipId, 'getClipReach().clipId');
        ok(reach.seen <= reach.families, `getClipReach(): seen (${reach.seen}) should not exceed families (${reach.families})`);
        ok(
          reach.talked <= reach.seen,
          `getClipReach(): talked (${reach.talked}) should not exceed seen (${reach.seen}): a family that talked about it saw it`,
        );
        ok(reach.answered <= reach.talked, `getClipReach(): answered (${reach.answered}) should not exceed talked (${reach.talked})`);
        ok(reach.answered >= 1, 'getClipReach().answered should count the answer just saved');
        const answer = findById(reach.answers, saved.id, 'getClipReach().answers');
        equal(answer.text, text, 'getClipReach() answer text');
        equal(answer.familyId, viewer.familyId, 'getClipReach() answer familyId');
      });

      test('feedback', 'getReactionSummaries (optional batch read): each entry as getReactions gives it', async ({ parent }) => {
        if (typeof parent.getReactionSummaries !== 'function') return;
        const single = valid(reactionSummarySchema, await parent.getReactions(f.targetId), `parent.getReactions(${show(f.targetId)})`);
        const many = await parent.getReactionSummaries([f.targetId, f.targetId]);
        ok(Array.isArray(many) && many.length === 2, `parent.getReactionSummaries() should answer one entry per id, got ${show(many)}`);
        many.forEach((entry, i) =>
          deepEqual(
            valid(reactionSummarySchema, entry, `getReactionSummaries()[${i}]`),
            single,
            `getReactionSummaries()[${i}] (as getReactions gives it)`,
          ),
        );
      });

      test(
        'feedback',
        'setReaction → getReactions: the family’s reaction shows in mine and in counts, and can be taken back',
        async ({ parent, otherParent }) => {
          const reaction = 'clap';
          await parent.setReaction({ id: key(), targetId: f.targetId, reaction, on: false });
          const before = valid(reactionSummarySchema, await parent.getReactions(f.targetId), `parent.getReactions(${show(f.targetId)})`);
          equal(before.targetId, f.targetId, 'getReactions().targetId');
          ok(
            !before.mine.includes(reaction),
            `after setReaction(on: false) mine should not include ${show(reaction)}, got ${show(before.mine)}`,
          );
          const on = valid(
            reactionSummarySchema,
            await parent.setReaction({ id: key(), targetId: f.targetId, reaction, on: true }),
            'parent.setReaction(on: true)',
          );
          ok(
            on.mine.includes(reaction),
            `setReaction(on: true) should resolve with mine including ${show(reaction)}, got ${show(on.mine)}`,
          );
          equal(count(on, reaction), count(before, reaction) + 1, `setReaction(on: true) counts.${reaction}`);
          const read = valid(reactionSummarySchema, await parent.getReactions(f.targetId), 'parent.getReactions() after setReaction');
          deepEqual([...read.mine].sort(), [...on.mine].sort(), 'getReactions().mine after setReaction (as setReaction resolved)');
          deepEqual(read.counts, on.counts, 'getReactions().counts after setReaction (as setReaction resolved)');
          if (otherParent) {
            const shared = valid(
              reactionSummarySchema,
              await otherParent.getReactions(f.targetId),
              'otherParent.getReactions() (same family)',
            );
            ok(
              shared.mine.includes(reaction),
              `the second carer’s mine should include the family’s ${show(reaction)}, got ${show(shared.mine)}`,
            );
          }
          const off = valid(
            reactionSummarySchema,
            await parent.setReaction({ id: key(), targetId: f.targetId, reaction, on: false }),
            'parent.setReaction(on: false)',
          );
          ok(
            !off.mine.includes(reaction),
            `setReaction(on: false) should resolve without ${show(reaction)} in mine, got ${show(off.mine)}`,
          );
          equal(count(off, reaction), count(before, reaction), `setReaction(on: false) counts.${reaction}`);
        },
      );

      test('feedback', 'addReply → getReactions: the reply is among the family’s replies', async ({ parent }) => {
        const text = phrase('reply');
        const id = key();
        const reply = valid(replySchema, await parent.addReply({ id, targetId: f.targetId, text }), 'parent.addReply()');
        equal(reply.text, text, 'addReply().text');
        const summary = valid(reactionSummarySchema, await parent.getReactions(f.targetId), 'parent.getReactions() after addReply');
        const read = findById(summary.replies ?? [], reply.id, 'getReactions().replies after addReply');
        deepEqual(read, reply, 'the reply in getReactions().replies (as addReply resolved)');
      });

      test('reward', 'getRewardChart: the class and the personal chart are valid for teacher and parent', async ({ parent, teacher }) => {
        for (const [who, adapter] of [
          ['parent', parent],
          ['teacher', teacher],
        ] as const) {
          const classChart = valid(
            rewardChartSchema,
            await adapter.getRewardChart(f.classChartId),
            `${who}.getRewardChart(${show(f.classChartId)})`,
          );
          equal(classChart.id, f.classChartId, `${who}.getRewardChart(classChartId).id`);
          equal(classChart.kind, 'class', `${who}.getRewardChart(classChartId).kind`);
          const personal = valid(
            rewardChartSchema,
            await adapter.getRewardChart(f.personalChartId),
            `${who}.getRewardChart(${show(f.personalChartId)})`,
          );
          equal(personal.id, f.personalChartId, `${who}.getRewardChart(personalChartId).id`);
          equal(personal.kind, 'personal', `${who}.getRewardChart(personalChartId).kind`);
        }
      });

      test('reward', 'award → getRewardChart: the chart has exactly one more award, the one returned', async ({ parent, teacher }) => {
        const before = await teacherChart(teacher);
        const parentBefore = valid(rewardChartSchema, await parent.getRewardChart(f.classChartId), 'parent.getRewardChart(classChartId)');
        const expectationId = before.focus[0]?.id;
        const reason = phrase('reason');
        const id = key();
        const award = valid(
          awardSchema,
          await teacher.award({ id, chartId: f.classChartId, reason, ...(expectationId ? { expectationId } : {}) }),
          'teacher.award()',
        );
        equal(award.source, 'school', 'teacher.award().source');
        equal(award.reason, reason, 'teacher.award().reason');
        equal(award.expectationId, expectationId, 'teacher.award().expectationId');
        const after = await teacherChart(teacher);
        equal(after.awards.length, before.awards.length + 1, 'teacher.getRewardChart().awards.length after one award');
        deepEqual(
          findById(after.awards, award.id, 'getRewardChart().awards after award'),
          award,
          'the award in getRewardChart() (as award resolved)',
        );
        const parentAfter = valid(
          rewardChartSchema,
          await parent.getRewardChart(f.classChartId),
          'parent.getRewardChart(classChartId) after award',
        );
        equal(parentAfter.awards.length, parentBefore.awards.length + 1, 'parent’s view of the class chart: awards.length after one award');
      });

      test('reward', 'award by a parent: a home sticker where homeStickersEnabled, forbidden elsewhere', async ({ parent }) => {
        for (const chartId of [f.personalChartId, f.classChartId]) {
          const what = `parent.award({ chartId: ${show(chartId)} })`;
          const before = valid(rewardChartSchema, await parent.getRewardChart(chartId), `parent.getRewardChart(${show(chartId)})`);
          if (before.homeStickersEnabled) {
            const award = valid(awardSchema, await parent.award({ id: key(), chartId, reason: phrase('home sticker') }), what);
            equal(award.source, 'home', `${what}.source`);
            const after = valid(
              rewardChartSchema,
              await parent.getRewardChart(chartId),
              `parent.getRewardChart(${show(chartId)}) after a home sticker`,
            );
            equal(after.awards.length, before.awards.length + 1, `awards.length of ${show(chartId)} after a home sticker`);
          } else {
            await rejects(parent.award({ id: key(), chartId }), 'forbidden', `${what} on a chart without homeStickersEnabled`);
            const after = valid(rewardChartSchema, await parent.getRewardChart(chartId), `parent.getRewardChart(${show(chartId)})`);
            equal(after.awards.length, before.awards.length, `awards.length of ${show(chartId)} after a forbidden award`);
          }
        }
      });

      test('reward', 'undoAward: takes back exactly that award', async ({ teacher }) => {
        const before = await teacherChart(teacher);
        const award = valid(awardSchema, await teacher.award({ id: key(), chartId: f.classChartId }), 'teacher.award()');
        await teacher.undoAward({ id: key(), chartId: f.classChartId, awardId: award.id });
        const after = await teacherChart(teacher);
        ok(!idsOf(after.awards).includes(award.id), `after undoAward the chart should not contain award ${show(award.id)}`);
        deepEqual(idsOf(after.awards).sort(), idsOf(before.awards).sort(), 'award ids after award + undoAward (as before)');
      });

      test('reward', 'redeem: a reached goal is celebrated and a new goal starts from zero', async ({ teacher }) => {
        const reached = await reachGoal(teacher);
        const nextReward = phrase('reward');
        const result = valid(
          rewardChartSchema,
          await teacher.redeem({ id: key(), chartId: f.classChartId, nextGoal: 7, nextReward }),
          'teacher.redeem()',
        );
        equal(result.goal, 7, 'redeem().goal (nextGoal)');
        equal(result.reward, nextReward, 'redeem().reward (nextReward)');
        equal(result.awards.length, 0, 'redeem().awards.length (a new goal starts from zero)');
        const earned = result.earnedRewards ?? [];
        equal(earned.length, (reached.earnedRewards ?? []).length + 1, 'redeem().earnedRewards.length');
        ok(
          earned.some((e) => e.reward === reached.reward),
          `redeem().earnedRewards should include the redeemed reward ${show(reached.reward)}`,
        );
        const read = await teacherChart(teacher);
        sameFields(read, result, ['goal', 'reward', 'awards', 'earnedRewards'], 'getRewardChart() after redeem (as redeem resolved)');
      });

      test(
        'feelings',
        'saveCheckin → getCheckins / getClassCheckins: stored under checkinId, seen by family and teacher',
        async ({ parent, teacher }) => {
          const input = checkinInput();
          const saved = valid(checkinSchema, await parent.saveCheckin(input), 'parent.saveCheckin()');
          equal(saved.id, input.checkinId, 'saveCheckin().id (the checkinId)');
          equal(saved.childId, input.childId, 'saveCheckin().childId');
          equal(saved.feeling, input.feeling, 'saveCheckin().feeling');
          equal(saved.strength, input.strength, 'saveCheckin().strength');
          equal(saved.context, input.context, 'saveCheckin().context');
          equal(Date.parse(saved.createdAt), Date.parse(input.createdAt), 'saveCheckin().createdAt (same instant)');
          const mine = await childCheckins(parent, 'parent');
          ok(
            mine.every((c) => c.childId === f.childId),
            `parent.getCheckins({ childId }) should only hold that child, got ${show(mine.map((c) => c.childId))}`,
          );
          sameFields(
            findById(mine, input.checkinId, 'parent.getCheckins()'),
            saved,
            ['childId', 'feeling', 'strength', 'context', 'createdAt'],
            'the check-in in getCheckins()',
          );
          const classList = valid(
            checkinList,
            await teacher.getClassCheckins({ classId: f.classId }),
            `teacher.getClassCheckins(${show({ classId: f.classId })})`,
          );
          sameFields(
            findById(classList, input.checkinId, 'teacher.getClassCheckins()'),
            saved,
            ['childId', 'feeling', 'strength', 'context', 'createdAt'],
            'the check-in in getClassCheckins()',
          );
        },
      );

      test('feelings', 'saveCheckin with the same checkinId and a new id replaces the check-in', async ({ parent }) => {
        const first = checkinInput({ feeling: 'happy', strength: 2 });
        await parent.saveCheckin(first);
        const second = { ...first, id: key(), feeling: 'tired', strength: 5 };
        const saved = valid(checkinSchema, await parent.saveCheckin(second), 'parent.saveCheckin() changing today’s check-in');
        equal(saved.feeling, 'tired', 'saveCheckin().feeling after a change');
        const read = findById(await childCheckins(parent, 'parent'), first.checkinId, 'parent.getCheckins() after a change');
        equal(read.feeling, 'tired', 'getCheckins() feeling after a change');
        equal(read.strength, 5, 'getCheckins() strength after a change');
      });

      test('feelings', 'getCheckins and getClassCheckins keep to the from/to range', async ({ parent, teacher }) => {
        const input = checkinInput();
        await parent.saveCheckin(input);
        const around = { from: new Date(Date.now() - DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() };
        const past = { from: new Date(Date.now() - 30 * DAY).toISOString(), to: new Date(Date.now() - 2 * DAY).toISOString() };
        const inside = await childCheckins(parent, 'parent', { childId: f.childId, ...around });
        findById(inside, input.checkinId, 'getCheckins() from yesterday to tomorrow');
        const outside = await childCheckins(parent, 'parent', { childId: f.childId, ...past });
        ok(!idsOf(outside).includes(input.checkinId), 'getCheckins() for a range that ended two days ago should not hold today’s check-in');
        const inRange = (c: Checkin, range: { from: string; to: string }) =>
          Date.parse(c.createdAt) >= Date.parse(range.from) && Date.parse(c.createdAt) <= Date.parse(range.to);
        ok(
          outside.every((c) => inRange(c, past)),
          `getCheckins(${show(past)}) returned check-ins outside the range: ${show(outside.filter((c) => !inRange(c, past)).map((c) => c.createdAt))}`,
        );
        const classPast = valid(
          checkinList,
          await teacher.getClassCheckins({ classId: f.classId, ...past }),
          'teacher.getClassCheckins() for a past range',
        );
        ok(
          !idsOf(classPast).includes(input.checkinId),
          'getClassCheckins() for a range that ended two days ago should not hold today’s check-in',
        );
        ok(
          classPast.every((c) => inRange(c, past)),
          `getClassCheckins(${show(past)}) returned check-ins outside the range`,
        );
      });

      test('feelings', 'saveCheckin keeps the device’s UTC offset, so the child’s local day is kept', async ({ parent }) => {
        // 00:30 at +02:00 is 22:30 UTC the day before: a store that drops the offset moves the day.
        const day = new Date(Date.now() - DAY).toISOString().slice(0, 10);
        const input = checkinInput({ createdAt: `${day}T00:30:00+02:00` });
        await parent.saveCheckin(input);
        const read = findById(await childCheckins(parent, 'parent'), input.checkinId, 'parent.getCheckins()');
        equal(Date.parse(read.createdAt), Date.parse(input.createdAt), 'getCheckins() createdAt (same instant)');
        equal(
          read.createdAt.slice(0, 10),
          day,
          `getCheckins() createdAt ${show(read.createdAt)}: local day as written with ${show(input.createdAt)}`,
        );
      });

      test('matrix', 'getExpectationMatrix: the school and the home matrix are valid', async ({ parent, teacher }) => {
        const viewer = valid(viewerSchema, await parent.getViewer(), 'parent.getViewer()');
        for (const [who, adapter] of [
          ['parent', parent],
          ['teacher', teacher],
        ] as const) {
          const school = await readMatrix(adapter, f.matrixId, who);
          equal(school.id, f.matrixId, `${who}.getExpectationMatrix(matrixId).id`);
          equal(school.kind, 'school', `${who}.getExpectationMatrix(matrixId).kind`);
        }
        const home = await readMatrix(parent, f.homeMatrixId, 'parent');
        equal(home.id, f.homeMatrixId, 'parent.getExpectationMatrix(homeMatrixId).id');
        equal(home.kind, 'home', 'parent.getExpectationMatrix(homeMatrixId).kind');
        if (home.familyId !== undefined) equal(home.familyId, viewer.familyId, 'parent.getExpectationMatrix(homeMatrixId).familyId');
      });

      for (const [which, who] of [
        ['school', 'teacher'],
        ['home', 'parent'],
      ] as const) {
        test(
          'matrix',
          `saveExpectationMatrix: the ${who} saves the ${which} matrix from its version; the result and every read carry version + 1`,
          async (adapters) => {
            const editor = adapters[who];
            const matrixId = which === 'school' ? f.matrixId : f.homeMatrixId;
            const current = await readMatrix(editor, matrixId, who);
            const title = phrase('matrix');
            const saved = valid(
              expectationMatrixSchema,
              await editor.saveExpectationMatrix({ id: key(), matrix: { ...current, title }, baseVersion: current.version }),
              `${who}.saveExpectationMatrix()`,
            );
            equal(saved.version, current.version + 1, 'saveExpectationMatrix().version');
            equal(saved.title, title, 'saveExpectationMatrix().title');
            equal(saved.id, matrixId, 'saveExpectationMatrix().id');
            deepEqual(
              await readMatrix(editor, matrixId, who),
              saved,
              'getExpectationMatrix() after saving (as saveExpectationMatrix resolved)',
            );
            const other = which === 'school' ? adapters.parent : adapters.otherParent;
            if (other)
              equal(
                (await readMatrix(other, matrixId, 'another viewer')).version,
                current.version + 1,
                `another viewer’s ${which} matrix version after saving`,
              );
          },
        );
      }

      test('matrix', 'shareSuccess → getSuccesses: the teacher sees the parent’s success, within from', async ({ parent, teacher }) => {
        const matrix = await readMatrix(parent, f.matrixId, 'parent');
        const expectationId = matrix.focus?.expectationId;
        const text = phrase('success');
        const success = valid(
          successSchema,
          await parent.shareSuccess({ id: key(), matrixId: f.matrixId, text, ...(expectationId ? { expectationId } : {}) }),
          'parent.shareSuccess()',
        );
        equal(success.text, text, 'shareSuccess().text');
        equal(success.matrixId, f.matrixId, 'shareSuccess().matrixId');
        equal(success.expectationId, expectationId, 'shareSuccess().expectationId');
        const list = await successes(teacher);
        ok(
          list.every((s) => s.matrixId === f.matrixId),
          'getSuccesses({ matrixId }) should only hold that matrix’s successes',
        );
        sameFields(
          findById(list, success.id, 'teacher.getSuccesses()'),
          success,
          ['matrixId', 'expectationId', 'text', 'createdAt'],
          'the success in getSuccesses()',
        );
        const from = new Date(Date.parse(success.createdAt) - 60_000).toISOString();
        findById(await successes(teacher, { matrixId: f.matrixId, from }), success.id, 'getSuccesses() from a minute before');
        const later = new Date(Date.now() + DAY).toISOString();
        const none = await successes(teacher, { matrixId: f.matrixId, from: later });
        ok(!idsOf(none).includes(success.id), 'getSuccesses() from tomorrow should not hold today’s success');
      });

      // The course (issue 26), with the optional fixtures `meetingId` and `introId`.
      if (meetingId) {
        test('meeting', 'getMeeting: parent and teacher get the meeting, valid, of classId', async ({ parent, teacher }) => {
          for (const [who, adapter] of [
            ['parent', parent],
            ['teacher', teacher],
          ] as const) {
            const meeting = valid(meetingSchema, await course(adapter).getMeeting(meetingId), `${who}.getMeeting(${show(meetingId)})`);
            equal(meeting.id, meetingId, `${who}.getMeeting().id`);
            if (f.classId) equal(meeting.classId, f.classId, `${who}.getMeeting().classId`);
          }
        });

        test(
          'meeting',
          'saveRsvp → getRsvp → getMeetingReplies: the household’s reply reads back, a retry adds none, the teacher’s list has it once',
          async ({ parent, teacher }) => {
            const viewer = valid(viewerSchema, await parent.getViewer(), 'parent.getViewer()');
            const before = valid(rsvpOrNull, await course(parent).getRsvp(meetingId), `parent.getRsvp(${show(meetingId)})`);
            // Another number of people than before, so the reads show this write.
            const people = before?.answer === 'yes' ? (before.people % RSVP_MAX_PEOPLE) + 1 : 2;
            const input = { id: key(), meetingId, answer: 'yes' as const, people };
            const saved = valid(rsvpSchema, await course(parent).saveRsvp(input), 'parent.saveRsvp()');
            equal(saved.meetingId, meetingId, 'saveRsvp().meetingId');
            equal(saved.familyId, viewer.familyId, 'saveRsvp().familyId (the parent’s family)');
            equal(saved.answer, 'yes', 'saveRsvp().answer');
            equal(saved.people, people, 'saveRsvp().people');
            const read = valid(rsvpOrNull, await course(parent).getRsvp(meetingId), 'parent.getRsvp() after saveRsvp()');
            ok(read, 'parent.getRsvp() after saveRsvp() should be the household’s reply, but it is null');
            sameFields(read, saved, RSVP_FIELDS, 'getRsvp() after saveRsvp()');
            const retried = valid(rsvpSchema, await course(parent).saveRsvp(input), 'parent.saveRsvp() retried');
            sameFields(retried, saved, RSVP_FIELDS, 'saveRsvp() retried with the same id');
            const { rsvps } = await meetingReplies(teacher, meetingId);
            sameFields(
              ofHousehold(rsvps, saved, 'teacher.getMeetingReplies().rsvps after a retried saveRsvp()'),
              saved,
              RSVP_FIELDS,
              'the reply in getMeetingReplies()',
            );
          },
        );

        test(
          'meeting',
          'saveRsvp (households): each carer of the household reads its reply, another address keeps its own',
          async ({ parent, otherParent, sameHousehold }) => {
            const p = valid(viewerSchema, await parent.getViewer(), 'parent.getViewer()');
            const carers = [];
            for (const [who, adapter] of [
              ['otherParent', otherParent],
              ['sameHousehold', sameHousehold],
            ] as const) {
              if (!adapter) continue;
              const viewer = valid(viewerSchema, await adapter.getViewer(), `${who}.getViewer()`);
              const before = valid(rsvpOrNull, await course(adapter).getRsvp(meetingId), `${who}.getRsvp(${show(meetingId)})`);
              const household = viewer.familyId === p.familyId && viewer.householdId === p.householdId;
              carers.push({ who, adapter, household, before });
            }
            // Another reply than every carer's before (at most two), so each read shows whether this write reached it.
            const taken = carers.map((c) => (c.before?.answer === 'maybe' ? c.before.people : 0));
            const people = [1, 2, 3].find((n) => !taken.includes(n))!;
            const saved = valid(
              rsvpSchema,
              await course(parent).saveRsvp({ id: key(), meetingId, answer: 'maybe', people }),
              'parent.saveRsvp()',
            );
            for (const { who, adapter, household, before } of carers) {
              const read = valid(rsvpOrNull, await course(adapter).getRsvp(meetingId), `${who}.getRsvp() after parent.saveRsvp()`);
              if (household) {
                ok(read, `${who}.getRsvp() should be the reply parent's household just saved, but it is null`);
                sameFields(read, saved, RSVP_FIELDS, `${who}.getRsvp(): a carer of parent’s household reads its reply`);
              } else deepEqual(read, before, `${who}.getRsvp(): a carer at another address keeps its household’s own reply`);
            }
          },
        );

        test(
          'meeting',
          'savePreparation → getPreparation → getMeetingReplies: the household’s sheet reads back, a retry adds none, the teacher’s list has it once',
          async ({ parent, teacher }) => {
            const viewer = valid(viewerSchema, await parent.getViewer(), 'parent.getViewer()');
            const input = {
              id: key(),
              meetingId,
              keywords: phrase('keywords'),
              goesWell: phrase('goes well'),
              talkAbout: phrase('talk about'),
            };
            const saved = valid(preparationSchema, await course(parent).savePreparation(input), 'parent.savePreparation()');
            equal(saved.meetingId, meetingId, 'savePreparation().meetingId');
            equal(saved.familyId, viewer.familyId, 'savePreparation().familyId (the parent’s family)');
            sameFields(saved, { ...saved, ...input }, ['keywords', 'goesWell', 'talkAbout'], 'savePreparation()');
            const read = valid(
              preparationOrNull,
              await course(parent).getPreparation(meetingId),
              'parent.getPreparation() after savePreparation()',
            );
            ok(read, 'parent.getPreparation() after savePreparation() should be the household’s sheet, but it is null');
            sameFields(read, saved, PREPARATION_FIELDS, 'getPreparation() after savePreparation()');
            const retried = valid(preparationSchema, await course(parent).savePreparation(input), 'parent.savePreparation() retried');
            sameFields(retried, saved, PREPARATION_FIELDS, 'savePreparation() retried with the same id');
            const { preparations } = await meetingReplies(teacher, meetingId);
            sameFields(
              ofHousehold(preparations, saved, 'teacher.getMeetingReplies().preparations after a retried savePreparation()'),
              saved,
              PREPARATION_FIELDS,
              'the sheet in getMeetingReplies()',
            );
          },
        );
      }

      if (introId) {
        test(
          'intro',
          'getProgrammeIntro: parent and teacher get the introduction, valid, its lessons in order',
          async ({ parent, teacher }) => {
            for (const [who, adapter] of [
              ['parent', parent],
              ['teacher', teacher],
            ] as const) {
              const intro = valid(
                programmeIntroSchema,
                await course(adapter).getProgrammeIntro(introId),
                `${who}.getProgrammeIntro(${show(introId)})`,
              );
              equal(intro.id, introId, `${who}.getProgrammeIntro().id`);
              const numbers = intro.lessons.map((lesson) => lesson.number);
              ok(
                numbers.every((n, i) => i === 0 || n > numbers[i - 1]!),
                `${who}.getProgrammeIntro().lessons should be in order of their numbers, got ${show(numbers)}`,
              );
            }
          },
        );
      }
    });

    // ================================================================ idempotent writes
    describe('idempotent writes: the same id twice has the effect of once and resolves the same', () => {
      test('clip', 'saveHomeAnswer: a retry resolves the same, and a late retry does not undo a newer answer', async ({ parent }) => {
        const first = { id: key(), clipId: f.clipId, kind: 'text' as const, text: phrase('answer') };
        const a = await parent.saveHomeAnswer(first);
        deepEqual(await parent.saveHomeAnswer(first), a, 'saveHomeAnswer() retried with the same id');
        const newer = phrase('newer answer');
        await parent.saveHomeAnswer({ id: key(), clipId: f.clipId, kind: 'text', text: newer });
        // A late replay applies nothing; it may answer the first response or, from a backend that
        // keeps only the result's id (as the reference server does), the answer as it is now.
        const late = valid(homeAnswerSchema, await parent.saveHomeAnswer(first), 'saveHomeAnswer() retried late with the first id');
        ok(
          late.text === a.text || late.text === newer,
          `saveHomeAnswer() retried late answered ${show(late.text)}: neither the first response nor the answer as it is now`,
        );
        const read = valid(homeAnswerSchema, await parent.getHomeAnswer(f.clipId), 'parent.getHomeAnswer()');
        equal(read.text, newer, 'getHomeAnswer().text after a late retry of an older answer (a retry must not apply again)');
      });

      test(
        'clip',
        'getClipReach: two carers’ answers count their family once, and the teacher reads both',
        async ({ parent, otherParent, teacher }) => {
          const carer = otherParent ?? parent;
          const viewer = valid(viewerSchema, await parent.getViewer(), 'parent.getViewer()');
          const before = valid(clipReachSchema, await teacher.getClipReach(f.clipId), 'teacher.getClipReach()');
          const already = (kind: 'text' | 'talked' | 'any') =>
            before.answers.some((a) => a.familyId === viewer.familyId && (kind === 'any' || a.kind === kind));
          const first = valid(
            homeAnswerSchema,
            await parent.saveHomeAnswer({ id: key(), clipId: f.clipId, kind: 'text', text: phrase('first carer') }),
            'parent.saveHomeAnswer()',
          );
          const second = valid(
            homeAnswerSchema,
            await carer.saveHomeAnswer({ id: key(), clipId: f.clipId, kind: 'text', text: phrase('second carer') }),
            'second carer saveHomeAnswer()',
          );
          const after = valid(clipReachSchema, await teacher.getClipReach(f.clipId), 'teacher.getClipReach() after two carers answered');
          equal(
            after.answered - before.answered,
            already('text') ? 0 : 1,
            `getClipReach().answered went from ${before.answered} to ${after.answered}: one family answered (counted once, whichever carer)`,
          );
          equal(
            after.talked - before.talked,
            already('any') ? 0 : 1,
            `getClipReach().talked went from ${before.talked} to ${after.talked}: one family talked about it`,
          );
          equal(
            findById(after.answers, second.id, 'getClipReach().answers').text,
            second.text,
            'the second carer’s answer in getClipReach().answers',
          );
          if (otherParent)
            equal(
              findById(after.answers, first.id, 'getClipReach().answers').text,
              first.text,
              'the first carer’s answer in getClipReach().answers (each carer’s answer is listed)',
            );
        },
      );

      test(
        'clip',
        'markSeen: the same id twice, or two carers, count the family at most once',
        async ({ parent, otherParent, teacher }) => {
          const carer = otherParent ?? parent;
          const before = valid(clipReachSchema, await teacher.getClipReach(f.clipId), 'teacher.getClipReach()');
          const input = { id: key(), clipId: f.clipId };
          await parent.markSeen(input);
          await parent.markSeen(input);
          await carer.markSeen({ id: key(), clipId: f.clipId });
          const after = valid(clipReachSchema, await teacher.getClipReach(f.clipId), 'teacher.getClipReach() after markSeen');
          ok(after.seen >= 1, 'getClipReach().seen after markSeen should count the family');
          ok(
            after.seen - before.seen <= 1,
            `getClipReach().seen went from ${before.seen} to ${after.seen} after one family marked the clip seen three times: it counts families, once`,
          );
        },
      );

      test('feedback', 'setReaction: a retry counts once, and a late retry does not undo a newer change', async ({ parent }) => {
        const reaction = 'heart';
        await parent.setReaction({ id: key(), targetId: f.targetId, reaction, on: false });
        const before = valid(reactionSummarySchema, await parent.getReactions(f.targetId), 'parent.getReactions()');
        const on = { id: key(), targetId: f.targetId, reaction, on: true };
        const first = await parent.setReaction(on);
        deepEqual(await parent.setReaction(on), first, 'setReaction() retried with the same id');
        const read = valid(reactionSummarySchema, await parent.getReactions(f.targetId), 'parent.getReactions() after a retry');
        equal(count(read, reaction), count(before, reaction) + 1, `counts.${reaction} after setReaction retried`);
        await parent.setReaction({ id: key(), targetId: f.targetId, reaction, on: false });
        await parent.setReaction(on);
        const late = valid(reactionSummarySchema, await parent.getReactions(f.targetId), 'parent.getReactions() after a late retry');
        ok(
          !late.mine.includes(reaction),
          `a late retry of an old setReaction(on: true) must not apply again, but mine is ${show(late.mine)}`,
        );
        equal(count(late, reaction), count(before, reaction), `counts.${reaction} after a late retry`);
      });

      test('feedback', 'addReply: the same id twice stores one reply', async ({ parent }) => {
        const before = valid(reactionSummarySchema, await parent.getReactions(f.targetId), 'parent.getReactions()');
        const input = { id: key(), targetId: f.targetId, text: phrase('reply') };
        const first = await parent.addReply(input);
        deepEqual(await parent.addReply(input), first, 'addReply() retried with the same id');
        const after = valid(reactionSummarySchema, await parent.getReactions(f.targetId), 'parent.getReactions() after a retried reply');
        findById(after.replies ?? [], valid(replySchema, first, 'addReply()').id, 'getReactions().replies');
        equal((after.replies ?? []).length, (before.replies ?? []).length + 1, 'replies.length after a retried reply');
      });

      test('reward', 'award: the same id twice adds one award', async ({ teacher }) => {
        const before = await teacherChart(teacher);
        const input = { id: key(), chartId: f.classChartId };
        const first = await teacher.award(input);
        deepEqual(await teacher.award(input), first, 'award() retried with the same id');
        const after = await teacherChart(teacher);
        equal(after.awards.length, before.awards.length + 1, 'awards.length after award() retried');
      });

      test('reward', 'undoAward: the same id twice takes back that one award only', async ({ teacher }) => {
        const award = valid(awardSchema, await teacher.award({ id: key(), chartId: f.classChartId }), 'teacher.award()');
        const before = await teacherChart(teacher);
        const undo = { id: key(), chartId: f.classChartId, awardId: award.id };
        await teacher.undoAward(undo);
        await teacher.undoAward(undo);
        const after = await teacherChart(teacher);
        equal(after.awards.length, before.awards.length - 1, 'awards.length after undoAward() retried');
        ok(!idsOf(after.awards).includes(award.id), 'the award should be gone after undoAward()');
      });

      test('reward', 'redeem: the same id twice celebrates once', async ({ teacher }) => {
        const reached = await reachGoal(teacher);
        const input = { id: key(), chartId: f.classChartId, nextGoal: 9, nextReward: phrase('reward') };
        const first = await teacher.redeem(input);
        deepEqual(await teacher.redeem(input), first, 'redeem() retried with the same id');
        const after = await teacherChart(teacher);
        equal((after.earnedRewards ?? []).length, (reached.earnedRewards ?? []).length + 1, 'earnedRewards.length after redeem() retried');
      });

      test(
        'feelings',
        'saveCheckin: the same id twice stores one check-in, and a late retry does not undo a change',
        async ({ parent }) => {
          const input = checkinInput({ feeling: 'calm', strength: 1 });
          const first = await parent.saveCheckin(input);
          deepEqual(await parent.saveCheckin(input), first, 'saveCheckin() retried with the same id');
          findById(await childCheckins(parent, 'parent'), input.checkinId, 'parent.getCheckins() after a retried check-in');
          await parent.saveCheckin({ ...input, id: key(), feeling: 'nervous', strength: 3 });
          await parent.saveCheckin(input);
          const read = findById(await childCheckins(parent, 'parent'), input.checkinId, 'parent.getCheckins() after a late retry');
          equal(read.feeling, 'nervous', 'getCheckins() feeling after a late retry of the first version (a retry must not apply again)');
        },
      );

      test('matrix', 'saveExpectationMatrix: a retry resolves the same, bumps the version once and is no conflict', async ({ teacher }) => {
        const current = await readMatrix(teacher, f.matrixId, 'teacher');
        const input = { id: key(), matrix: { ...current, title: phrase('matrix') }, baseVersion: current.version };
        const first = await teacher.saveExpectationMatrix(input);
        const outcome = await settle(teacher.saveExpectationMatrix(input));
        if (outcome.settled === 'rejected')
          fail(
            `saveExpectationMatrix() retried with the same id should resolve as the first time, but it rejected with ${describeError(outcome.error)}`,
          );
        deepEqual(outcome.value, first, 'saveExpectationMatrix() retried with the same id');
        equal(
          (await readMatrix(teacher, f.matrixId, 'teacher')).version,
          current.version + 1,
          'version after saveExpectationMatrix() retried',
        );
      });

      test('matrix', 'shareSuccess: the same id twice shares one success', async ({ parent, teacher }) => {
        const before = await successes(teacher);
        const input = { id: key(), matrixId: f.matrixId, text: phrase('success') };
        const first = valid(successSchema, await parent.shareSuccess(input), 'parent.shareSuccess()');
        deepEqual(await parent.shareSuccess(input), first, 'shareSuccess() retried with the same id');
        const after = await successes(teacher);
        findById(after, first.id, 'teacher.getSuccesses() after a retried success');
        equal(after.length, before.length + 1, 'getSuccesses().length after shareSuccess() retried');
      });

      if (meetingId) {
        test('meeting', 'saveRsvp: a retry resolves the same, and a late retry does not undo a newer reply', async ({ parent }) => {
          const first = { id: key(), meetingId, answer: 'yes' as const, people: 1 };
          const a = valid(rsvpSchema, await course(parent).saveRsvp(first), 'parent.saveRsvp()');
          sameFields(await course(parent).saveRsvp(first), a, RSVP_FIELDS, 'saveRsvp() retried with the same id');
          await course(parent).saveRsvp({ id: key(), meetingId, answer: 'maybe', people: 3 });
          // A late replay applies nothing; it may answer the first response or the reply as it is now.
          const late = valid(rsvpSchema, await course(parent).saveRsvp(first), 'saveRsvp() retried late with the first id');
          ok(
            (late.answer === 'yes' && late.people === 1) || (late.answer === 'maybe' && late.people === 3),
            `saveRsvp() retried late answered ${show(late)}: neither the first response nor the reply as it is now`,
          );
          const read = valid(rsvpOrNull, await course(parent).getRsvp(meetingId), 'parent.getRsvp()');
          equal(read?.answer, 'maybe', 'getRsvp().answer after a late retry of an older reply (a retry must not apply again)');
        });

        test('meeting', 'savePreparation: a retry resolves the same, and a late retry does not undo a newer sheet', async ({ parent }) => {
          const sheet = (what: string) => ({ keywords: phrase(what), goesWell: phrase(what), talkAbout: phrase(what) });
          const first = { id: key(), meetingId, ...sheet('sheet') };
          const a = valid(preparationSchema, await course(parent).savePreparation(first), 'parent.savePreparation()');
          sameFields(await course(parent).savePreparation(first), a, PREPARATION_FIELDS, 'savePreparation() retried with the same id');
          const newer = sheet('newer sheet');
          await course(parent).savePreparation({ id: key(), meetingId, ...newer });
          const late = valid(
            preparationSchema,
            await course(parent).savePreparation(first),
            'savePreparation() retried late with the first id',
          );
          ok(
            late.keywords === a.keywords || late.keywords === newer.keywords,
            `savePreparation() retried late answered ${show(late.keywords)}: neither the first response nor the sheet as it is now`,
          );
          const read = valid(preparationOrNull, await course(parent).getPreparation(meetingId), 'parent.getPreparation()');
          equal(
            read?.keywords,
            newer.keywords,
            'getPreparation().keywords after a late retry of an older sheet (a retry must not apply again)',
          );
        });
      }
    });

    // ================================================================ error mapping
    describe('error mapping: SamenError kinds the widgets act on', () => {
      const u = () => f.unknownId;
      const notFound: [Check, string, (a: Adapters) => Promise<unknown>][] = [
        ['clip', 'parent.getLessonClip(unknownId)', (a) => a.parent.getLessonClip(u())],
        ['clip', 'parent.getHomeAnswer(unknownId)', (a) => a.parent.getHomeAnswer(u())],
        [
          'clip',
          'parent.saveHomeAnswer({ clipId: unknownId })',
          (a) => a.parent.saveHomeAnswer({ id: key(), clipId: u(), kind: 'talked' }),
        ],
        ['clip', 'parent.markSeen({ clipId: unknownId })', (a) => a.parent.markSeen({ id: key(), clipId: u() })],
        ['clip', 'teacher.getClipReach(unknownId)', (a) => a.teacher.getClipReach(u())],
        ['reward', 'teacher.getRewardChart(unknownId)', (a) => a.teacher.getRewardChart(u())],
        ['reward', 'teacher.award({ chartId: unknownId })', (a) => a.teacher.award({ id: key(), chartId: u() })],
        ['reward', 'teacher.undoAward({ chartId: unknownId })', (a) => a.teacher.undoAward({ id: key(), chartId: u(), awardId: u() })],
        ['reward', 'teacher.redeem({ chartId: unknownId })', (a) => a.teacher.redeem({ id: key(), chartId: u() })],
        ['matrix', 'teacher.getExpectationMatrix(unknownId)', (a) => a.teacher.getExpectationMatrix(u())],
        [
          'matrix',
          'teacher.saveExpectationMatrix({ matrix: { id: unknownId } })',
          async (a) => {
            const matrix = await readMatrix(a.teacher, f.matrixId, 'teacher');
            return a.teacher.saveExpectationMatrix({ id: key(), matrix: { ...matrix, id: u() }, baseVersion: matrix.version });
          },
        ],
        [
          'matrix',
          'parent.shareSuccess({ matrixId: unknownId })',
          (a) => a.parent.shareSuccess({ id: key(), matrixId: u(), text: phrase('success') }),
        ],
        ['matrix', 'teacher.getSuccesses({ matrixId: unknownId })', (a) => a.teacher.getSuccesses({ matrixId: u() })],
      ];
      for (const [port, what, call] of notFound) {
        test(port, `${what} rejects with not-found`, async (adapters) => {
          await rejects(call(adapters), 'not-found', what);
        });
      }

      // Children and classes are personal data: a host may answer forbidden to avoid telling
      // which ids exist, so either kind passes here, but never data.
      const unknownPeople: [Check, string, (a: Adapters) => Promise<unknown>][] = [
        ['feelings', 'teacher.getCheckins({ childId: unknownId })', (a) => a.teacher.getCheckins({ childId: u() })],
        ['feelings', 'teacher.getClassCheckins({ classId: unknownId })', (a) => a.teacher.getClassCheckins({ classId: u() })],
        [
          'feelings',
          'teacher.saveCheckin({ childId: unknownId })',
          (a) => a.teacher.saveCheckin(checkinInput({ childId: u(), context: 'school' })),
        ],
      ];
      for (const [port, what, call] of unknownPeople) {
        test(port, `${what} rejects with not-found or forbidden`, async (adapters) => {
          await rejects(call(adapters), ['not-found', 'forbidden'], what);
        });
      }

      // The programme overview (issue 25): aggregates the widget can show, never a share above the class's families.
      test(
        'overview',
        'getProgrammeOverview: the teacher’s class only, valid, no count above the class’s families',
        async ({ teacher }) => {
          const overview = valid(
            programmeOverviewSchema,
            await overviewOf(teacher, 'teacher')({ programme: 'wish', classIds: [f.classId] }),
            'teacher.getProgrammeOverview({ programme: "wish", classIds: [classId] })',
          );
          for (const cls of overview.classes) {
            equal(cls.classId, f.classId, 'getProgrammeOverview({ classIds: [classId] }).classes[].classId');
            for (const cell of cls.cells)
              for (const [measure, n] of Object.entries(cell.families ?? {}))
                if (n !== undefined && n > cls.families)
                  fail(`${cls.classId} lesson ${cell.lessons.join('+')}: ${measure} ${n} of ${cls.families} families`);
          }
        },
      );

      // The evaluation (issue 25, optional): the parent's form, their response once per id, counted
      // in the staff's results, which name nobody; only with the optional fixture `evaluationId`.
      describe('evaluation (optional port): the parent’s form, one response per id, counted for staff and named nowhere', () => {
        type Evaluating = SamenAdapter & Required<Pick<SamenAdapter, 'getEvaluation' | 'submitEvaluationResponse'>>;
        /** The confined adapter fails naming the method when it lacks one the port needs. */
        const evaluating = (adapter: SamenAdapter) => adapter as Evaluating;
        const evaluationTest = (title: string, body: (id: string, parent: Evaluating, adapters: Adapters) => Promise<void>) =>
          test('evaluation', title, async (adapters) => {
            if (!f.evaluationId) {
              ok(!named.has('evaluation'), 'fixtures lack evaluationId, which the evaluation checks use when ports names "evaluation"');
              return;
            }
            await body(f.evaluationId, evaluating(adapters.parent), adapters);
          });
        const form = async (adapter: Evaluating, id: string, who: string): Promise<Evaluation> =>
          valid(evaluationSchema, await adapter.getEvaluation(id), `${who}.getEvaluation(${show(id)})`);
        /** A whole response to `of`, as a parent gives it; `variant` 1 answers each question otherwise than 0. */
        const answersTo = (of: Evaluation, variant: 0 | 1): Answer[] =>
          of.questions.flatMap((q): Answer[] => {
            const value =
              q.kind === 'yes-no'
                ? (['yes', 'no'] as const)[variant]
                : q.kind === 'scale'
                  ? (['4', '2'] as const)[variant]
                  : q.kind === 'choice'
                    ? q.options?.[variant === 0 ? 0 : q.options.length - 1]?.value
                    : phrase('evaluation answer');
            return value === undefined ? [] : [{ questionId: q.id, value }];
          });
        const inOrder = (answers: readonly Answer[] = []) =>
          [...answers].sort((a, b) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0));
        const respond = async (parent: Evaluating, input: { id: string; evaluationId: string; answers: Answer[] }, what: string) =>
          valid(evaluationReceiptSchema, await parent.submitEvaluationResponse(input), what);
        /** The teacher's results of the run (`getEvaluationResults` is optional: undefined without it). */
        const results = async (teacher: SamenAdapter, runId: string): Promise<EvaluationResults | undefined> =>
          typeof teacher.getEvaluationResults === 'function'
            ? valid(
                evaluationResultsSchema,
                await teacher.getEvaluationResults({ programmeRunId: runId }),
                `teacher.getEvaluationResults(${show({ programmeRunId: runId })})`,
              )
            : undefined;
        const phaseOf = (read: EvaluationResults, of: Evaluation) =>
          read.phases.find((p) => p.evaluationId === of.id) ??
          read.phases.find((p) => p.evaluationId === undefined && p.phase === of.phase) ??
          fail(`getEvaluationResults() of run ${show(of.programmeRunId)} has no phase for evaluation ${show(of.id)} (${of.phase})`);
        const respondedOf = (read: EvaluationResults, of: Evaluation) =>
          phaseOf(read, of).audiences.find((a) => a.audience === 'parent')?.responded ??
          fail(`getEvaluationResults() lists no parents for evaluation ${show(of.id)}, which goes to them`);

        evaluationTest('getEvaluation: the parent’s form is valid and for parents, with only their own answers', async (id, parent) => {
          const mine = await form(parent, id, 'parent');
          equal(mine.id, id, 'parent.getEvaluation().id');
          equal(mine.audience, 'parent', 'parent.getEvaluation().audience (the viewer’s)');
          ok(mine.questions.length > 0, 'parent.getEvaluation() should have questions for parents');
          const ids = mine.questions.map((q) => q.id);
          equal(new Set(ids).size, ids.length, `parent.getEvaluation(): distinct question ids (${show(ids)})`);
          if (!mine.answered) ok(!mine.answers?.length, `parent.getEvaluation() not answered yet, but with answers ${show(mine.answers)}`);
          for (const answer of mine.answers ?? [])
            ok(ids.includes(answer.questionId), `parent.getEvaluation().answers: ${show(answer.questionId)} is no question of the form`);
          if (f.unknownId) await rejects(parent.getEvaluation(f.unknownId), 'not-found', 'parent.getEvaluation(unknownId)');
        });

        evaluationTest(
          'submitEvaluationResponse → getEvaluation: the parent reads back their answers, and a second response replaces the first',
          async (id, parent) => {
            const before = await form(parent, id, 'parent');
            const first = answersTo(before, 0);
            const receipt = await respond(parent, { id: key(), evaluationId: id, answers: first }, 'parent.submitEvaluationResponse()');
            equal(receipt.evaluationId, id, 'submitEvaluationResponse().evaluationId');
            deepEqual(inOrder(receipt.answers), inOrder(first), 'submitEvaluationResponse().answers (as sent)');
            const read = await form(parent, id, 'parent');
            equal(read.answered, true, 'parent.getEvaluation().answered after responding');
            deepEqual(inOrder(read.answers), inOrder(first), 'parent.getEvaluation().answers after responding (as sent)');
            const second = answersTo(before, 1);
            await respond(parent, { id: key(), evaluationId: id, answers: second }, 'parent.submitEvaluationResponse() again');
            deepEqual(
              inOrder((await form(parent, id, 'parent')).answers),
              inOrder(second),
              'parent.getEvaluation().answers after a second response (it replaces the first)',
            );
          },
        );

        evaluationTest(
          'submitEvaluationResponse: the same id twice stores one response, and a late retry does not undo a newer one',
          async (id, parent, { teacher }) => {
            const before = await form(parent, id, 'parent');
            const counted = await results(teacher, before.programmeRunId);
            const input = { id: key(), evaluationId: id, answers: answersTo(before, 0) };
            const first = await respond(parent, input, 'parent.submitEvaluationResponse()');
            deepEqual(await respond(parent, input, 'retried'), first, 'submitEvaluationResponse() retried with the same id');
            const after = await results(teacher, before.programmeRunId);
            if (counted && after)
              equal(
                respondedOf(after, before) - respondedOf(counted, before),
                before.answered ? 0 : 1,
                'getEvaluationResults(): parents responded, after one response sent twice with one id',
              );
            const newer = answersTo(before, 1);
            await respond(parent, { id: key(), evaluationId: id, answers: newer }, 'parent.submitEvaluationResponse() with new answers');
            // A late replay applies nothing; it may answer the first receipt or the response as it is now.
            const late = await respond(parent, input, 'submitEvaluationResponse() retried late with the first id');
            ok(
              same(inOrder(late.answers), inOrder(input.answers)) || same(inOrder(late.answers), inOrder(newer)),
              `submitEvaluationResponse() retried late answered ${show(late.answers)}: neither the first receipt nor the response as it is now`,
            );
            deepEqual(
              inOrder((await form(parent, id, 'parent')).answers),
              inOrder(newer),
              'parent.getEvaluation().answers after a late retry of an older response (a retry must not apply again)',
            );
          },
        );

        evaluationTest(
          'getEvaluationResults (optional): the teacher’s results count the parent’s response, never a figure below the minimum group size',
          async (id, parent, { teacher }) => {
            const before = await form(parent, id, 'parent');
            const counted = await results(teacher, before.programmeRunId);
            if (!counted) return;
            const sent = answersTo(before, 0);
            await respond(parent, { id: key(), evaluationId: id, answers: sent }, 'parent.submitEvaluationResponse()');
            const read = (await results(teacher, before.programmeRunId))!;
            equal(read.programmeRunId, before.programmeRunId, 'getEvaluationResults().programmeRunId');
            ok(
              read.minimumGroupSize >= DEFAULT_EVALUATION_MIN_GROUP_SIZE,
              `getEvaluationResults().minimumGroupSize ${read.minimumGroupSize}: a backend may ask for more than ${DEFAULT_EVALUATION_MIN_GROUP_SIZE}, never fewer`,
            );
            for (const phase of read.phases) {
              for (const a of phase.audiences)
                ok(a.responded <= a.invited, `${phase.phase} ${a.audience}: responded ${a.responded} of ${a.invited} invited`);
              for (const q of phase.questions) {
                if (q.counts === null) continue;
                const what = `getEvaluationResults() ${phase.phase} ${q.audience} question ${show(q.questionId)}`;
                ok(q.kind !== 'text', `${what}: an open question is counted, never shown as counts`);
                const total = q.counts.reduce((n, c) => n + c.count, 0);
                if (q.responses !== undefined) equal(total, q.responses, `${what}: counts add up to responses`);
                ok(
                  total >= read.minimumGroupSize,
                  `${what}: counts of ${total} answers, below the minimum group size ${read.minimumGroupSize}`,
                );
              }
            }
            equal(
              respondedOf(read, before) - respondedOf(counted, before),
              before.answered ? 0 : 1,
              'getEvaluationResults(): parents responded, after the parent responded',
            );
            // Each answered question counts it: one more answer, or (replacing their own) the same number, moved to the new value.
            const questionIn = (r: EvaluationResults, questionId: string) =>
              phaseOf(r, before).questions.find((q) => q.audience === 'parent' && q.questionId === questionId);
            for (const answer of sent) {
              const was = questionIn(counted, answer.questionId);
              const now = questionIn(read, answer.questionId);
              if (!was || !now) continue;
              const old = before.answers?.find((a) => a.questionId === answer.questionId)?.value;
              const what = `getEvaluationResults() parents’ question ${show(answer.questionId)}`;
              if (was.responses !== undefined && now.responses !== undefined)
                equal(now.responses - was.responses, old === undefined ? 1 : 0, `${what}: responses after the parent answered it`);
              if (was.counts && now.counts)
                for (const { value, count: n } of now.counts) {
                  const then = was.counts.find((c) => c.value === value)?.count ?? 0;
                  equal(n - then, (value === answer.value ? 1 : 0) - (value === old ? 1 : 0), `${what}: the count of ${show(value)}`);
                }
            }
          },
        );

        evaluationTest(
          'anonymous to the school: the results name no respondent, and the teacher’s form never shows the parent’s answers',
          async (id, parent, { teacher }) => {
            const staff = evaluating(teacher);
            const viewer = valid(viewerSchema, await parent.getViewer(), 'parent.getViewer()');
            const before = await form(parent, id, 'parent');
            const staffForm = await settle(staff.getEvaluation(id));
            const sent = answersTo(before, 0);
            await respond(parent, { id: key(), evaluationId: id, answers: sent }, 'parent.submitEvaluationResponse()');
            if (staffForm.settled === 'resolved')
              deepEqual(
                await staff.getEvaluation(id),
                staffForm.value,
                'teacher.getEvaluation() after the parent responded (a form shows the viewer’s own answers, never anyone else’s)',
              );
            if (typeof staff.getEvaluationResults !== 'function') return;
            // Read as it comes, before any schema drops a field the widgets don't know.
            const raw: unknown = await staff.getEvaluationResults({ programmeRunId: before.programmeRunId });
            const strings = new Set<string>();
            const collect = (value: unknown): void => {
              if (typeof value === 'string') strings.add(value);
              else if (Array.isArray(value)) value.forEach(collect);
              else if (typeof value === 'object' && value !== null)
                for (const [k, v] of Object.entries(value)) {
                  strings.add(k);
                  collect(v);
                }
            };
            collect(raw);
            for (const [field, value] of Object.entries({
              id: viewer.id,
              familyId: viewer.familyId,
              householdId: viewer.householdId,
              name: viewer.name,
            }))
              ok(
                value === undefined || !strings.has(value),
                `getEvaluationResults() names the parent who answered (their ${field} ${show(value)}): results are counts, never a respondent`,
              );
            const open = new Set(before.questions.filter((q) => q.kind === 'text').map((q) => q.id));
            for (const answer of sent.filter((a) => open.has(a.questionId)))
              ok(
                !strings.has(answer.value),
                `getEvaluationResults() quotes the parent’s open answer ${show(answer.value)}: open questions are counted, never quoted`,
              );
          },
        );

        evaluationTest(
          'submitEvaluationResponse: an answer to no question of the form, or a value its question does not take, is invalid-data and stores nothing',
          async (id, parent) => {
            const before = await form(parent, id, 'parent');
            const bad: [string, Answer][] = [
              [`an answer to question ${show(`${id}-no-question`)}`, { questionId: `${id}-no-question`, value: 'yes' }],
            ];
            const closed = before.questions.find((q) => q.kind === 'yes-no' || q.kind === 'scale');
            if (closed)
              bad.push([`the value "maybe" to ${closed.kind} question ${show(closed.id)}`, { questionId: closed.id, value: 'maybe' }]);
            for (const [what, answer] of bad)
              await rejects(
                parent.submitEvaluationResponse({ id: key(), evaluationId: id, answers: [answer] }),
                'invalid-data',
                `parent.submitEvaluationResponse() with ${what}`,
              );
            deepEqual(await form(parent, id, 'parent'), before, 'parent.getEvaluation() after refused responses');
          },
        );

        evaluationTest(
          'parent.getEvaluationResults (optional) rejects with forbidden where the policy keeps results for staff',
          async (id, parent) => {
            if (typeof parent.getEvaluationResults !== 'function' || allows('parent', 'evaluation.results', 'own')) return;
            const { programmeRunId } = await form(parent, id, 'parent');
            await rejects(
              parent.getEvaluationResults({ programmeRunId }),
              'forbidden',
              'parent.getEvaluationResults() of their own class’s run',
            );
          },
        );

        evaluationTest(
          'abort: getEvaluation and submitEvaluationResponse reject with AbortError, an aborted response does not apply, and its id then works',
          async (id, parent) => {
            await aborts(parent.getEvaluation(id, { signal: aborted() }), 'getEvaluation');
            const before = await form(parent, id, 'parent');
            const input = { id: key(), evaluationId: id, answers: answersTo(before, before.answered ? 1 : 0) };
            await aborts(parent.submitEvaluationResponse(input, { signal: aborted() }), 'submitEvaluationResponse');
            deepEqual(await form(parent, id, 'parent'), before, 'parent.getEvaluation() after an aborted submitEvaluationResponse()');
            await respond(parent, input, 'parent.submitEvaluationResponse() after an aborted one with the same id');
            deepEqual(
              inOrder((await form(parent, id, 'parent')).answers),
              inOrder(input.answers),
              'parent.getEvaluation().answers after retrying an aborted response (its id was never used)',
            );
          },
        );
      });

      const teacherOnly: [Check, string, (a: Adapters) => Promise<unknown>][] = [
        [
          'overview',
          'parent.getProgrammeOverview({ classIds: [classId] })',
          (a) => overviewOf(a.parent, 'parent')({ programme: 'wish', classIds: [f.classId] }),
        ],
        ['clip', 'parent.getClipReach(clipId)', (a) => a.parent.getClipReach(f.clipId)],
        ['feelings', 'parent.getClassCheckins({ classId })', (a) => a.parent.getClassCheckins({ classId: f.classId })],
        ['matrix', 'parent.getSuccesses({ matrixId })', (a) => a.parent.getSuccesses({ matrixId: f.matrixId })],
        ['feelings', 'parent.getCheckins({ childId: otherChildId })', (a) => a.parent.getCheckins({ childId: f.otherChildId })],
      ];
      for (const [port, what, call] of teacherOnly) {
        test(port, `${what} rejects with forbidden`, async (adapters) => {
          await rejects(call(adapters), 'forbidden', what);
        });
      }

      // The course (issue 26), with the optional fixtures `meetingId` and `introId`.
      if (meetingId) {
        if (f.unknownId)
          test('meeting', 'parent.getMeeting(unknownId) rejects with not-found', async ({ parent }) => {
            await rejects(course(parent).getMeeting(f.unknownId), 'not-found', 'parent.getMeeting(unknownId)');
          });
        test(
          'meeting',
          'parent.getMeetingReplies(meetingId) rejects with forbidden: only the teacher reads every household’s reply',
          async ({ parent }) => {
            await rejects(course(parent).getMeetingReplies(meetingId), 'forbidden', 'parent.getMeetingReplies(meetingId)');
          },
        );
      }
      if (introId && f.unknownId)
        test('intro', 'parent.getProgrammeIntro(unknownId) rejects with not-found', async ({ parent }) => {
          await rejects(course(parent).getProgrammeIntro(f.unknownId), 'not-found', 'parent.getProgrammeIntro(unknownId)');
        });

      test(
        'feelings',
        'parent.saveCheckin({ childId: otherChildId }) rejects with forbidden and stores nothing',
        async ({ parent, teacher }) => {
          const input = checkinInput({ childId: f.otherChildId });
          await rejects(parent.saveCheckin(input), 'forbidden', 'parent.saveCheckin() for another family’s child');
          const list = valid(
            checkinList,
            await teacher.getCheckins({ childId: f.otherChildId }),
            'teacher.getCheckins({ childId: otherChildId })',
          );
          ok(!idsOf(list).includes(input.checkinId), 'a forbidden saveCheckin() must not be stored');
        },
      );

      test(
        'matrix',
        'parent.saveExpectationMatrix(school matrix) rejects with forbidden and changes nothing',
        async ({ parent, teacher }) => {
          const current = await readMatrix(teacher, f.matrixId, 'teacher');
          const what = 'parent.saveExpectationMatrix() of the school matrix';
          await rejects(
            parent.saveExpectationMatrix({ id: key(), matrix: { ...current, title: phrase('matrix') }, baseVersion: current.version }),
            'forbidden',
            what,
          );
          deepEqual(await readMatrix(teacher, f.matrixId, 'teacher'), current, `the school matrix after a forbidden save`);
        },
      );

      test('matrix', 'saveExpectationMatrix from an older version rejects with conflict and changes nothing', async ({ teacher }) => {
        const start = await readMatrix(teacher, f.matrixId, 'teacher');
        // Parsed like every read: fields the widgets don't know (a stored schoolId) are not part of the comparison.
        const stored = valid(
          expectationMatrixSchema,
          await teacher.saveExpectationMatrix({ id: key(), matrix: { ...start, title: phrase('first edit') }, baseVersion: start.version }),
          'teacher.saveExpectationMatrix()',
        );
        const current = await readMatrix(teacher, f.matrixId, 'teacher');
        deepEqual(current, stored, 'getExpectationMatrix() after the first save');
        const stale = { id: key(), matrix: { ...start, title: phrase('stale edit') }, baseVersion: current.version - 1 };
        await rejects(
          teacher.saveExpectationMatrix(stale),
          'conflict',
          `saveExpectationMatrix() with baseVersion ${stale.baseVersion} while version ${current.version} is stored`,
        );
        deepEqual(await readMatrix(teacher, f.matrixId, 'teacher'), current, 'the matrix after a conflicting save');
      });
    });

    // ================================================================ abort
    describe('abort: an aborted signal rejects with AbortError, and an aborted write does not apply', () => {
      const reads: [Check, string, (a: Adapters, signal: AbortSignal) => Promise<unknown>][] = [
        ['viewer', 'getViewer', (a, signal) => a.parent.getViewer({ signal })],
        ['clip', 'getLessonClip', (a, signal) => a.parent.getLessonClip(f.clipId, { signal })],
        ['clip', 'getHomeAnswer', (a, signal) => a.parent.getHomeAnswer(f.clipId, { signal })],
        ['clip', 'getClipReach', (a, signal) => a.teacher.getClipReach(f.clipId, { signal })],
        ['feedback', 'getReactions', (a, signal) => a.parent.getReactions(f.targetId, { signal })],
        ['reward', 'getRewardChart', (a, signal) => a.parent.getRewardChart(f.classChartId, { signal })],
        ['feelings', 'getCheckins', (a, signal) => a.parent.getCheckins({ childId: f.childId }, { signal })],
        ['feelings', 'getClassCheckins', (a, signal) => a.teacher.getClassCheckins({ classId: f.classId }, { signal })],
        ['matrix', 'getExpectationMatrix', (a, signal) => a.parent.getExpectationMatrix(f.matrixId, { signal })],
        ['matrix', 'getSuccesses', (a, signal) => a.teacher.getSuccesses({ matrixId: f.matrixId }, { signal })],
      ];
      for (const [port, method, call] of reads) {
        test(port, `${method} rejects with AbortError`, async (adapters) => {
          await aborts(call(adapters, aborted()), method);
        });
      }

      test('clip', 'saveHomeAnswer does not apply', async ({ parent }) => {
        const text = phrase('aborted answer');
        await aborts(parent.saveHomeAnswer({ id: key(), clipId: f.clipId, kind: 'text', text }, { signal: aborted() }), 'saveHomeAnswer');
        const read = await parent.getHomeAnswer(f.clipId);
        ok(read?.text !== text, 'an aborted saveHomeAnswer() must not be stored');
      });

      test('clip', 'markSeen rejects with AbortError', async ({ parent }) => {
        await aborts(parent.markSeen({ id: key(), clipId: f.clipId }, { signal: aborted() }), 'markSeen');
      });

      test('feedback', 'setReaction does not apply', async ({ parent }) => {
        const reaction = 'like';
        await parent.setReaction({ id: key(), targetId: f.targetId, reaction, on: false });
        await aborts(parent.setReaction({ id: key(), targetId: f.targetId, reaction, on: true }, { signal: aborted() }), 'setReaction');
        const read = valid(reactionSummarySchema, await parent.getReactions(f.targetId), 'parent.getReactions()');
        ok(!read.mine.includes(reaction), 'an aborted setReaction() must not apply');
      });

      test('feedback', 'addReply does not apply', async ({ parent }) => {
        const id = key();
        await aborts(parent.addReply({ id, targetId: f.targetId, text: phrase('aborted reply') }, { signal: aborted() }), 'addReply');
        const read = valid(reactionSummarySchema, await parent.getReactions(f.targetId), 'parent.getReactions()');
        ok(!idsOf(read.replies ?? []).includes(id), 'an aborted addReply() must not be stored');
      });

      test('reward', 'award does not apply, and a retry with the same id then applies once', async ({ teacher }) => {
        const before = await teacherChart(teacher);
        const input = { id: key(), chartId: f.classChartId };
        await aborts(teacher.award(input, { signal: aborted() }), 'award');
        equal((await teacherChart(teacher)).awards.length, before.awards.length, 'awards.length after an aborted award()');
        await teacher.award(input);
        equal(
          (await teacherChart(teacher)).awards.length,
          before.awards.length + 1,
          'awards.length after retrying an aborted award() (its id was never used)',
        );
      });

      test('reward', 'undoAward does not apply', async ({ teacher }) => {
        const award = valid(awardSchema, await teacher.award({ id: key(), chartId: f.classChartId }), 'teacher.award()');
        await aborts(teacher.undoAward({ id: key(), chartId: f.classChartId, awardId: award.id }, { signal: aborted() }), 'undoAward');
        findById((await teacherChart(teacher)).awards, award.id, 'the chart after an aborted undoAward()');
      });

      test('reward', 'redeem does not apply', async ({ teacher }) => {
        const before = await teacherChart(teacher);
        await aborts(teacher.redeem({ id: key(), chartId: f.classChartId, nextGoal: 3 }, { signal: aborted() }), 'redeem');
        sameFields(
          await teacherChart(teacher),
          before,
          ['goal', 'reward', 'awards', 'earnedRewards'],
          'the chart after an aborted redeem()',
        );
      });

      test('feelings', 'saveCheckin does not apply', async ({ parent }) => {
        const input = checkinInput();
        await aborts(parent.saveCheckin(input, { signal: aborted() }), 'saveCheckin');
        ok(!idsOf(await childCheckins(parent, 'parent')).includes(input.checkinId), 'an aborted saveCheckin() must not be stored');
      });

      test('matrix', 'saveExpectationMatrix does not apply', async ({ teacher }) => {
        const current = await readMatrix(teacher, f.matrixId, 'teacher');
        await aborts(
          teacher.saveExpectationMatrix(
            { id: key(), matrix: { ...current, title: phrase('aborted') }, baseVersion: current.version },
            { signal: aborted() },
          ),
          'saveExpectationMatrix',
        );
        deepEqual(await readMatrix(teacher, f.matrixId, 'teacher'), current, 'the matrix after an aborted saveExpectationMatrix()');
      });

      test('matrix', 'shareSuccess does not apply', async ({ parent, teacher }) => {
        const id = key();
        await aborts(
          parent.shareSuccess({ id, matrixId: f.matrixId, text: phrase('aborted success') }, { signal: aborted() }),
          'shareSuccess',
        );
        ok(!idsOf(await successes(teacher)).includes(id), 'an aborted shareSuccess() must not be stored');
      });

      if (meetingId) {
        test('meeting', 'getMeeting rejects with AbortError', async ({ parent }) => {
          await aborts(course(parent).getMeeting(meetingId, { signal: aborted() }), 'getMeeting');
        });
        test('meeting', 'saveRsvp does not apply', async ({ parent }) => {
          const before = valid(rsvpOrNull, await course(parent).getRsvp(meetingId), 'parent.getRsvp()');
          const people = before?.answer === 'maybe' ? (before.people % RSVP_MAX_PEOPLE) + 1 : 1;
          await aborts(course(parent).saveRsvp({ id: key(), meetingId, answer: 'maybe', people }, { signal: aborted() }), 'saveRsvp');
          deepEqual(await course(parent).getRsvp(meetingId), before, 'the reply after an aborted saveRsvp()');
        });
        test('meeting', 'savePreparation does not apply', async ({ parent }) => {
          const keywords = phrase('aborted keywords');
          await aborts(
            course(parent).savePreparation({ id: key(), meetingId, keywords, goesWell: '', talkAbout: '' }, { signal: aborted() }),
            'savePreparation',
          );
          const read = await course(parent).getPreparation(meetingId);
          ok(read?.keywords !== keywords, 'an aborted savePreparation() must not be stored');
        });
      }
      if (introId)
        test('intro', 'getProgrammeIntro rejects with AbortError', async ({ parent }) => {
          await aborts(course(parent).getProgrammeIntro(introId, { signal: aborted() }), 'getProgrammeIntro');
        });
    });

    // ================================================================ composing lesson clips
    if (options.composing !== false && ports.has('composer')) {
      describe('composing lesson clips (optional methods): uploads round-trip, publishing is idempotent and readable', () => {
        const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==';
        /** A real 1×1 PNG, so a backend that checks what a file is accepts it. */
        const photo = (): Blob => new Blob([Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0))], { type: 'image/png' });
        type Composing = Required<Pick<SamenAdapter, 'uploadMedia' | 'getUploadedMedia' | 'publishLessonClip'>>;
        const METHODS = ['uploadMedia', 'getUploadedMedia', 'publishLessonClip'] as const;

        /** The teacher's adapter when it composes; undefined when it has none of the methods. */
        const composing = (adapter: SamenAdapter): (SamenAdapter & Composing) | undefined => {
          const has = METHODS.filter((m) => typeof adapter[m] === 'function');
          if (!has.length) return undefined;
          ok(
            has.length === METHODS.length,
            `teacher has ${has.join(' and ')} but not ${METHODS.filter((m) => !has.includes(m)).join(' or ')}: the composer needs all three`,
          );
          return adapter as SamenAdapter & Composing;
        };
        const composingTest = (title: string, body: (teacher: SamenAdapter & Composing, adapters: Adapters) => Promise<void>) =>
          test('composer', title, async (adapters) => {
            const teacher = composing(adapters.teacher);
            if (teacher) await body(teacher, adapters);
          });

        const upload = async (teacher: Composing, id = key()) =>
          valid(
            uploadedMediaSchema,
            await teacher.uploadMedia({ id, file: photo(), name: 'conformance.png', kind: 'photo' }),
            'teacher.uploadMedia()',
          );
        const draft = (mediaId: string, title = phrase('clip')) =>
          valid(
            lessonClipDraftSchema,
            {
              classId: f.classId,
              programme: 'wish',
              lessonNumber: 3,
              title,
              learned: phrase('learned'),
              homeQuestion: phrase('home question'),
              media: { kind: 'photos', photos: [{ mediaId, alt: phrase('photo description') }] },
            },
            'the conformance draft',
          );

        composingTest(
          'uploadMedia → getUploadedMedia: a photo round-trips with its type and size; progress stays within 0…1',
          async (teacher) => {
            const progress: number[] = [];
            const file = photo();
            const media = valid(
              uploadedMediaSchema,
              await teacher.uploadMedia(
                { id: key(), file, name: 'conformance.png', kind: 'photo' },
                { onProgress: (fraction) => progress.push(fraction) },
              ),
              'teacher.uploadMedia()',
            );
            equal(media.kind, 'photo', 'uploadMedia().kind');
            equal(media.type, 'image/png', 'uploadMedia().type');
            equal(media.size, file.size, 'uploadMedia().size');
            ok(
              progress.every((p, i) => p >= 0 && p <= 1 && (i === 0 || p >= progress[i - 1]!)),
              `onProgress should report rising fractions within 0…1, got ${show(progress)}`,
            );
            const again = valid(
              uploadedMediaSchema,
              await teacher.getUploadedMedia(media.mediaId),
              `teacher.getUploadedMedia(${show(media.mediaId)})`,
            );
            sameFields(again, media, ['mediaId', 'kind', 'type', 'size'], 'getUploadedMedia() after uploadMedia()');
          },
        );

        composingTest(
          'publishLessonClip: the clip is valid, and the class’s parent and teacher read it with its photo',
          async (teacher, { parent }) => {
            const media = await upload(teacher);
            const input = draft(media.mediaId);
            const clip = parseLessonClip(await teacher.publishLessonClip({ id: key(), ...input })).clip;
            equal(clip.title, input.title, 'publishLessonClip().title');
            equal(clip.classId, f.classId, 'publishLessonClip().classId');
            ok(
              clip.media?.kind === 'photos' && clip.media.photos.length === 1,
              `publishLessonClip().media should be the one photo, got ${show(clip.media)}`,
            );
            // Read back where the clip port is checked too: a host may compose without showing clips.
            for (const [who, adapter] of ports.has('clip')
              ? ([
                  ['parent', parent],
                  ['teacher', teacher],
                ] as const)
              : []) {
              const read = parseLessonClip(await adapter.getLessonClip(clip.id)).clip;
              sameFields(
                read,
                clip,
                ['id', 'title', 'learned', 'homeQuestion', 'classId', 'programme'],
                `${who}.getLessonClip() of the published clip`,
              );
              if (read.mediaConsent !== false) {
                const alt = input.media?.kind === 'photos' ? input.media.photos[0]!.alt : '';
                ok(
                  read.media?.kind === 'photos' && read.media.photos[0]?.alt === alt,
                  `${who}.getLessonClip() should show the photo with its description, got ${show(read.media)}`,
                );
              }
            }
          },
        );

        composingTest('idempotent: uploadMedia and publishLessonClip with the same id twice store and publish once', async (teacher) => {
          const id = key();
          const first = await upload(teacher, id);
          equal((await upload(teacher, id)).mediaId, first.mediaId, 'uploadMedia() retried with the same id: mediaId');
          const input = { id: key(), ...draft(first.mediaId) };
          const clip = await teacher.publishLessonClip(input);
          deepEqual(await teacher.publishLessonClip(input), clip, 'publishLessonClip() retried with the same id');
        });

        composingTest(
          'errors: a parent may not upload or publish, a file outside MEDIA_LIMITS and an unknown upload are invalid-data',
          async (teacher, { parent }) => {
            const media = await upload(teacher);
            if (typeof parent.uploadMedia === 'function') {
              await rejects(
                parent.uploadMedia({ id: key(), file: photo(), name: 'conformance.png', kind: 'photo' }),
                'forbidden',
                'parent.uploadMedia()',
              );
            }
            if (typeof parent.publishLessonClip === 'function') {
              await rejects(parent.publishLessonClip({ id: key(), ...draft(media.mediaId) }), 'forbidden', 'parent.publishLessonClip()');
            }
            const pdf = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
            await rejects(
              teacher.uploadMedia({ id: key(), file: pdf, name: 'letter.pdf', kind: 'photo' }),
              'invalid-data',
              'teacher.uploadMedia() of a PDF as a photo',
            );
            await rejects(
              teacher.publishLessonClip({ id: key(), ...draft(`${f.unknownId}-media`) }),
              'invalid-data',
              'teacher.publishLessonClip() with an unknown mediaId',
            );
            await rejects(teacher.getUploadedMedia(`${f.unknownId}-media`), 'not-found', 'teacher.getUploadedMedia(unknown)');
          },
        );

        composingTest('abort: uploadMedia and publishLessonClip reject with AbortError, and the same id then works', async (teacher) => {
          const id = key();
          await aborts(
            teacher.uploadMedia({ id, file: photo(), name: 'conformance.png', kind: 'photo' }, { signal: aborted() }),
            'uploadMedia',
          );
          const media = await upload(teacher, id);
          const input = { id: key(), ...draft(media.mediaId) };
          await aborts(teacher.publishLessonClip(input, { signal: aborted() }), 'publishLessonClip');
          const clip = parseLessonClip(await teacher.publishLessonClip(input)).clip;
          equal(clip.title, input.title, 'publishLessonClip() after an aborted one with the same id');
        });
      });
    }

    // ================================================================ live updates
    if (live) {
      describe('live updates: another viewer’s write notifies the topic, unsubscribe stops it', () => {
        type Write = (a: Adapters) => Promise<unknown>;
        const liveTest = (
          port: PortName,
          title: string,
          listener: (a: Adapters) => [SamenAdapter, string],
          topic: () => SamenTopic,
          write: Write,
        ) =>
          test(port, title, async (adapters) => {
            const [adapter, who] = listener(adapters);
            const probe = listen(adapter, topic(), who);
            try {
              if (live.settle) await sleep(live.settle);
              await write(adapters);
              const notified = await eventually(() => probe.calls > 0, live.timeout);
              ok(notified, `${who} subscribed to ${show(topic())} was not notified within ${live.timeout} ms of the write`);
            } finally {
              probe.stop();
            }
            const calls = probe.calls;
            await write(adapters);
            await sleep(live.quiet);
            equal(probe.calls, calls, `notifications to ${who}'s ${show(topic())} listener after unsubscribing`);
          });

        const carer = (a: Adapters) => a.otherParent ?? a.teacher;

        liveTest(
          'clip',
          'clip: the teacher’s view hears a parent’s answer',
          (a) => [a.teacher, 'teacher'],
          () => `clip:${f.clipId}`,
          (a) => a.parent.saveHomeAnswer({ id: key(), clipId: f.clipId, kind: 'text', text: phrase('live answer') }),
        );
        liveTest(
          'clip',
          'clip: the teacher hears the second carer’s answer',
          (a) => [a.teacher, 'teacher'],
          () => `clip:${f.clipId}`,
          (a) => (a.otherParent ?? a.parent).saveHomeAnswer({ id: key(), clipId: f.clipId, kind: 'text', text: phrase('live answer') }),
        );
        liveTest(
          'feedback',
          'reactions: a parent hears a reaction of another viewer',
          (a) => [a.parent, 'parent'],
          () => `reactions:${f.targetId}`,
          (a) => carer(a).setReaction({ id: key(), targetId: f.targetId, reaction: 'clap', on: true }),
        );
        liveTest(
          'feedback',
          'reactions: the teacher hears a parent’s reply',
          (a) => [a.teacher, 'teacher'],
          () => `reactions:${f.targetId}`,
          (a) => a.parent.addReply({ id: key(), targetId: f.targetId, text: phrase('live reply') }),
        );
        liveTest(
          'reward',
          'chart: a parent hears the teacher’s award',
          (a) => [a.parent, 'parent'],
          () => `chart:${f.classChartId}`,
          (a) => a.teacher.award({ id: key(), chartId: f.classChartId }),
        );
        liveTest(
          'feelings',
          'feelings:<childId>: a parent hears a check-in for the child saved by another viewer',
          (a) => [a.parent, 'parent'],
          () => `feelings:${f.childId}`,
          (a) => carer(a).saveCheckin(checkinInput({ context: a.otherParent ? 'home' : 'school' })),
        );
        liveTest(
          'feelings',
          'feelings:class:<classId>: the teacher hears a parent’s check-in',
          (a) => [a.teacher, 'teacher'],
          () => `feelings:class:${f.classId}`,
          (a) => a.parent.saveCheckin(checkinInput()),
        );
        liveTest(
          'matrix',
          'matrix: a parent hears the teacher’s saved matrix',
          (a) => [a.parent, 'parent'],
          () => `matrix:${f.matrixId}`,
          async (a) => {
            const current = await readMatrix(a.teacher, f.matrixId, 'teacher');
            return a.teacher.saveExpectationMatrix({
              id: key(),
              matrix: { ...current, title: phrase('live matrix') },
              baseVersion: current.version,
            });
          },
        );
        liveTest(
          'matrix',
          'matrix: the teacher hears a parent’s success',
          (a) => [a.teacher, 'teacher'],
          () => `matrix:${f.matrixId}`,
          (a) => a.parent.shareSuccess({ id: key(), matrixId: f.matrixId, text: phrase('live success') }),
        );
        if (meetingId)
          liveTest(
            'meeting',
            'meeting: the teacher hears a parent’s reply',
            (a) => [a.teacher, 'teacher'],
            () => `meeting:${meetingId}`,
            (a) => course(a.parent).saveRsvp({ id: key(), meetingId, answer: 'yes', people: 1 }),
          );
      });
    }
  });
}
