import type { RequestOptions, SamenAdapter, SamenTopic, Unsubscribe, UploadOptions, WriteInput } from '../core/adapter.js';
import { dict, own } from '../core/dict.js';
import { isAbortError, SamenError, type SamenErrorKind } from '../core/errors.js';
import { parseOrThrow } from '../core/parse.js';
import { isSafeId } from '../core/policy.js';
import type { Programme, Viewer } from '../core/schemas.js';
import type { ExpectationMatrix, Success } from '../expectation-matrix/schemas.js';
import type { ReactionSummary, Reply } from '../feedback-bar/schemas.js';
import type { Checkin } from '../feelings-checkin/schemas.js';
import { isScheduled, type ClipReach, type HomeAnswer, type HomeAnswerKind, type LessonClip } from '../lesson-clip/schemas.js';
import type { Award, ChartChoice, RewardChart } from '../reward-chart/schemas.js';
import { toClassBoard, type ClassBoard } from '../lesson-clip/board.js';
import {
  checkUpload,
  lessonClipDraftSchema,
  type ClassRhythm,
  type LessonClipDraft,
  type UploadedMedia,
  type UploadKind,
} from '../clip-composer/schemas.js';
import { isScheduleProblem, scheduleNotes } from '../clip-composer/schedule.js';
import { HOME_REACTIONS } from '../feedback-bar/schemas.js';
import { UNDO_WINDOW_MS } from '../reward-chart/schemas.js';
import {
  createDemoState,
  type DemoFamily,
  type DemoLocale,
  type DemoState,
  type StoredAnswer,
  type StoredAward,
  type StoredChart,
  type StoredMatrix,
  type StoredThread,
  type StoredWrite,
} from './demo-data.js';
import { authorizeCall, authorizeTopic } from './demo-guard.js';
import { classOfChild, hardenState, sharesWithinFamily, targetScope, threadScope } from './demo-scopes.js';
import { withDemoUrls } from './illustrations.js';
import { threadTopic, type Thread, type ThreadKey, type ThreadMessage } from '../thread/schemas.js';
import { checkWriteInput } from './write-checks.js';
import { computeOverview, computeUnreached } from './demo-overview.js';
import type { ProgrammeOverview, ProgrammeOverviewQuery, UnreachedFamilies } from '../programme-overview/schemas.js';
import {
  meetingTopic,
  type Meeting,
  type MeetingReplies,
  type Preparation,
  type PreparationInput,
  type Rsvp,
  type RsvpInput,
} from '../meeting/schemas.js';
import { introTopic, type ProgrammeIntro } from '../programme-intro/schemas.js';
import {
  evaluationTopic,
  type Evaluation,
  type EvaluationDraft,
  type EvaluationReceipt,
  type EvaluationResponseInput,
  type EvaluationResults,
} from '../evaluation/schemas.js';
import { evaluationFor, evaluationResults, saveEvaluationDraft, submitResponse } from './demo-evaluation.js';

export { demoMedia } from './illustrations.js';

type Method = Exclude<keyof SamenAdapter, 'subscribe'>;

/**
 * How long an applied write's idempotency key is remembered (24 hours): a retry within it
 * returns the first result; the record then forgets it, so it does not grow for ever in a
 * long-lived tab or server.
 */
export const WRITE_KEY_TTL_MS = 24 * 60 * 60 * 1000;

export interface MemoryAdapterOptions {
  /** Language of the seeded demo content. Default `nl`. */
  locale?: DemoLocale;
  /**
   * Who is signed in: `parent-1` (default), `parent-2` (second carer, same family),
   * `parent-3`, `parent-4`, `child-login-1`, `teacher-1`, `teacher-2`, `care-1` or `leader-1`
   * (see demo-data.ts). Every call is checked against the policy (src/core/policy.ts) for them.
   */
  viewerId?: string;
  /** Milliseconds every call waits, to show loading states. Default 0. */
  latency?: number;
  /** Seed for the deterministic demo data. */
  seed?: number;
  /** "Now" for seeded dates; fixed in tests and screenshots. */
  now?: Date;
  /** Makes WIsH lesson 1 a video with this source. */
  videoSrc?: string;
  /** Start from this state instead of the seed (e.g. one loaded from storage). */
  state?: DemoState;
  /**
   * How demo pictures and captions (`illustration:…`, `captions:…`) become URLs. Default:
   * blob: URLs made on this device; a server gives URLs it serves itself (see `demoMedia`).
   */
  mediaUrl?: (ref: string) => string;
  /** Milliseconds a simulated upload takes, reported in five progress steps. Default 0. */
  uploadMs?: number;
}

/** Shared by every viewer of one adapter, so a parent's answer shows up for the teacher. */
export interface MemoryStore {
  state: DemoState;
  listeners: Map<string, Set<() => void>>;
  failures: Map<Method | '*', { kind: SamenErrorKind; times: number }>;
  mediaUrl?: ((ref: string) => string) | undefined;
}

/** States whose records are known to be null-prototype (see `hardenState`). */
const hardened = new WeakSet<object>();
/** When each `writes` record was last swept for expired keys. */
const sweptAt = new WeakMap<object, number>();

/**
 * A complete {@link SamenAdapter} in memory: seeded demo data, configurable latency
 * and failure injection, idempotent writes. For tests, Storybook and demos.
 *
 * Every call is authorized before any domain code, by the one policy (src/core/policy.ts)
 * through the demo guard (demo-guard.ts), exactly as the reference server does: a call the
 * policy denies rejects with `forbidden`, one on a resource that does not exist with
 * `not-found`. Live topics follow the read of what they announce (see {@link subscribe}).
 *
 * @example
 * const adapter = new MemoryAdapter({ locale: 'en', latency: 300 });
 * adapter.failNext('saveHomeAnswer', 'offline');
 */
export class MemoryAdapter implements SamenAdapter {
  /** Writes that changed state; a retried idempotency key does not count again. */
  appliedWrites = 0;
  /** Every call made through this viewer, for tests. */
  readonly calls: { method: Method; input: unknown }[] = [];
  latency: number;
  /** Milliseconds a simulated upload takes (see {@link MemoryAdapterOptions.uploadMs}). */
  uploadMs: number;

  protected readonly store: MemoryStore;
  protected readonly viewerId: string;

  constructor(options: MemoryAdapterOptions = {}, store?: MemoryStore) {
    this.latency = options.latency ?? 0;
    this.uploadMs = options.uploadMs ?? 0;
    this.viewerId = options.viewerId ?? 'parent-1';
    this.store = store ?? {
      state:
        options.state ??
        createDemoState({
          locale: options.locale ?? 'nl',
          seed: options.seed ?? 7,
          now: options.now ?? new Date(),
          ...(options.videoSrc ? { videoSrc: options.videoSrc } : {}),
        }),
      listeners: new Map(),
      failures: new Map(),
      mediaUrl: options.mediaUrl,
    };
    this.harden();
  }

  /** The same data seen by another signed-in person (another carer, the teacher). */
  forViewer(viewerId: string): MemoryAdapter {
    const view = new (this.constructor as typeof MemoryAdapter)({ viewerId, latency: this.latency, uploadMs: this.uploadMs }, this.store);
    return view;
  }

  /** The raw state, for tests and for persisting. */
  get state(): DemoState {
    return this.store.state;
  }

  /** Replaces a clip with anything at all, the way a buggy host might send it. */
  setRawClip(clipId: string, raw: unknown): void {
    this.harden();
    this.store.state.clips[clipId] = raw;
    this.notify(`clip:${clipId}`);
  }

  /**
   * Registers a host post families can react to: a feedback-bar `target-id` that is not a
   * lesson clip, in class `classId` (whose parents react and reply, whose teacher reads them).
   * Reactions on an id the store does not know are `not-found`. The seed has `host-post-1`
   * (groep6-wish) and `g7-post-1` (groep7-pbs). A MemoryAdapter knows the post at once; await
   * the result with a LocalAdapter, which adds it to the state it loads and saves it.
   */
  addPost(postId: string, classId: string): Promise<void> {
    if (!isSafeId(postId) || !isSafeId(classId)) throw new SamenError('invalid-data', 'a post needs a safe id and class id');
    const add = () => {
      this.harden();
      this.store.state.posts[postId] = { classId };
    };
    add();
    return this.ready().then(async () => {
      add();
      await this.persist();
    });
  }

  /** The next `times` calls to `method` (or to any method, with `*`) fail with `kind`. */
  failNext(method: Method | '*', kind: SamenErrorKind, times = 1): void {
    this.store.failures.set(method, { kind, times });
  }

  /** Every call to `method` fails with `kind` until {@link recover}. */
  fail(method: Method | '*', kind: SamenErrorKind): void {
    this.failNext(method, kind, Number.POSITIVE_INFINITY);
  }

  recover(): void {
    this.store.failures.clear();
  }

  /**
   * Live updates, as the policy allows: a topic follows the read of what it announces
   * (`clip:<id>` reading the clip, `feelings:<childId>` that child's check-ins,
   * `feelings:class:<classId>` the class overview…, see `authorizeTopic`). A topic this viewer
   * may not follow, or that names nothing the store knows, is not subscribed: the listener is
   * never called and the returned unsubscribe does nothing. A subscribed listener is checked
   * again on every change, so one whose right has gone hears nothing more.
   */
  subscribe(topic: SamenTopic, listener: () => void): Unsubscribe {
    if (!this.mayFollow(topic)) return () => {};
    const guarded = () => {
      if (this.mayFollow(topic)) listener();
    };
    const listeners = this.store.listeners;
    const set = listeners.get(topic) ?? new Set();
    set.add(guarded);
    listeners.set(topic, set);
    return () => {
      set.delete(guarded);
      if (set.size === 0 && listeners.get(topic) === set) listeners.delete(topic);
    };
  }

  // ------------------------------------------------------------------ reads

  async getViewer(options?: RequestOptions): Promise<Viewer> {
    await this.enter('getViewer', undefined, options);
    const viewer = structuredClone(this.viewer());
    // The school's setting, as it applies to a carer: their family's households share (issue 24).
    return viewer.role === 'parent' && this.sharesWithinFamily(viewer) ? { ...viewer, shareWithinFamily: true } : viewer;
  }

  async getLessonClip(clipId: string, options?: RequestOptions): Promise<LessonClip> {
    await this.enter('getLessonClip', clipId, options);
    const clip = own(this.store.state.clips, clipId);
    if (clip === undefined) throw new SamenError('not-found');
    return this.withUploadUrls(withDemoUrls(structuredClone(clip), this.store.mediaUrl)) as LessonClip;
  }

  /**
   * The viewer's own answer: their household's (issue 24), so two households of one child never
   * read each other's; without households every carer has their own, as before. When the school
   * shares within the family, the family's latest. The teacher's reach lists them all and counts
   * the family once.
   */
  async getHomeAnswer(clipId: string, options?: RequestOptions): Promise<HomeAnswer | null> {
    await this.enter('getHomeAnswer', clipId, options);
    const answer = this.ownAnswerIndex(clipId, this.viewer());
    return answer >= 0 ? publicAnswer(this.store.state.answers[answer]!) : null;
  }

  async getClipReach(clipId: string, options?: RequestOptions): Promise<ClipReach> {
    await this.enter('getClipReach', clipId, options);
    const { state } = this.store;
    const clip = own(state.clips, clipId) as { classId?: unknown } | undefined;
    const classId = typeof clip?.classId === 'string' ? clip.classId : '';
    return computeReach(clipId, own(state.families, classId) ?? [], state);
  }

  /**
   * The class board (issue 24): the clip's reach as the class sees it together, small counts
   * coarsened and only the answers families chose to share, as bare text (src/lesson-clip/board.ts).
   */
  async getClassBoard(clipId: string, options?: RequestOptions): Promise<ClassBoard> {
    await this.enter('getClassBoard', clipId, options);
    const { state } = this.store;
    const reach = computeReach(clipId, 0, state);
    const reacted = new Set(Object.values(own(state.reactions, clipId) ?? {}).flat());
    return toClassBoard({
      clipId,
      seen: reach.seen,
      talked: reach.talked,
      reacted: reacted.size,
      answers: state.answers.filter((a) => a.clipId === clipId),
    });
  }

  // ------------------------------------------------------------------ programme overview (issue 25)

  /** Aggregates per class and posted clip of a programme, computed here as a backend would (demo-overview.ts). */
  async getProgrammeOverview(query: ProgrammeOverviewQuery, options?: RequestOptions): Promise<ProgrammeOverview> {
    await this.enter('getProgrammeOverview', query, options);
    return computeOverview(this.store.state, query, this.viewer().classIds ?? []);
  }

  /** The class's teacher only: the families of the class no clip of the programme reached. */
  async getUnreachedFamilies(query: ProgrammeOverviewQuery & { classId: string }, options?: RequestOptions): Promise<UnreachedFamilies> {
    await this.enter('getUnreachedFamilies', query, options);
    return computeUnreached(this.store.state, query);
  }

  // ------------------------------------------------------------------ batch reads (issue 23)

  /** Several clips in one call: each as {@link getLessonClip} gives it, `null` where that would fail. */
  async getLessonClips(clipIds: string[], options?: RequestOptions): Promise<(LessonClip | null)[]> {
    // Through the class's own method, not a test's spy on this object: one call is one call.
    return Promise.all(clipIds.map((id) => orNull(MemoryAdapter.prototype.getLessonClip.call(this, id, options))));
  }

  /** Several targets' reactions in one call: each as {@link getReactions} gives it, `null` where that would fail. */
  async getReactionSummaries(targetIds: string[], options?: RequestOptions): Promise<(ReactionSummary | null)[]> {
    return Promise.all(targetIds.map((id) => orNull(MemoryAdapter.prototype.getReactions.call(this, id, options))));
  }

  /**
   * Several clips' answers in one call: each as {@link getHomeAnswer} gives it (the household's
   * own, or the family's where the school shares), `null` where there is none or it would fail.
   */
  async getHomeAnswers(clipIds: string[], options?: RequestOptions): Promise<(HomeAnswer | null)[]> {
    return Promise.all(clipIds.map((id) => orNull(MemoryAdapter.prototype.getHomeAnswer.call(this, id, options))));
  }

  async getReactions(targetId: string, options?: RequestOptions): Promise<ReactionSummary> {
    await this.enter('getReactions', targetId, options);
    return this.reactionSummary(targetId);
  }

  async getRewardChart(chartId: string, options?: RequestOptions): Promise<RewardChart> {
    await this.enter('getRewardChart', chartId, options);
    const stored = this.chart(chartId);
    const chart = publicChart(stored);
    if (this.viewer().role !== 'teacher') return chart;
    // The teacher of a class chart sees, privately, who was recognised this week (issue 24).
    if (chart.kind === 'class') return stored.classId ? { ...chart, recognition: this.recognition(stored.classId) } : chart;
    // The teacher of a personal chart gets the child's families, to send them a tip and top (issue 24).
    return chart.childId ? { ...chart, families: this.familiesOfChild(chart.childId) } : chart;
  }

  /**
   * This week (since Monday 00:00 here) in class `classId`: which children were recognised by the
   * school (a token for them on a class chart, a sticker from school on their own chart), and how
   * many such compliments were given. Only a yes or no per child: no counts per child.
   */
  private recognition(classId: string): NonNullable<RewardChart['recognition']> {
    const state = this.store.state;
    const children = own(state.classes, classId) ?? [];
    const monday = new Date();
    monday.setHours(0, 0, 0, 0);
    monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
    const thisWeek = (a: StoredAward) => a.source === 'school' && Date.parse(a.createdAt) >= monday.getTime();
    const recognised = new Set<string>();
    let compliments = 0;
    for (const chart of Object.values(state.charts)) {
      for (const award of chart.awards.filter(thisWeek)) {
        const child = chart.kind === 'personal' ? chart.childId : chart.classId === classId ? award.forChildId : undefined;
        if (child === undefined || !children.includes(child)) continue;
        recognised.add(child);
        compliments += 1;
      }
    }
    const names = new Map<string, string>();
    for (const c of state.checkins) if (c.childName) names.set(c.childId, c.childName);
    for (const chart of Object.values(state.charts)) if (chart.childId && chart.childName) names.set(chart.childId, chart.childName);
    return {
      children: children.map((childId) => ({
        childId,
        ...(names.has(childId) ? { name: names.get(childId)! } : {}),
        recognised: recognised.has(childId),
      })),
      compliments,
    };
  }

  /** The families of a child, as their class lists them: whose carers say the child is theirs. */
  private familiesOfChild(childId: string): NonNullable<RewardChart['families']> {
    const state = this.store.state;
    const classId = classOfChild(state, childId);
    const theirs = new Set(state.viewers.filter((v) => v.familyId && v.childIds?.includes(childId)).map((v) => v.familyId));
    const listed = classId === undefined ? [] : (own(state.families, classId) ?? []);
    // A family at more than one address talks with the teacher per household (issue 24), unless the school shares within the family.
    const perHousehold = classId !== undefined && !sharesWithinFamily(state, classId);
    return listed
      .filter((f) => theirs.has(f.familyId))
      .flatMap((f) =>
        perHousehold && f.households?.length
          ? f.households.map((h) => ({ familyId: f.familyId, householdId: h.householdId, name: `${f.name} — ${h.name}` }))
          : [{ familyId: f.familyId, name: f.name }],
      );
  }

  async getCheckins(query: { childId: string; from?: string; to?: string }, options?: RequestOptions): Promise<Checkin[]> {
    await this.enter('getCheckins', query, options);
    return structuredClone(this.store.state.checkins.filter((c) => c.childId === query.childId && inRange(c.createdAt, query)));
  }

  async getClassCheckins(query: { classId: string; from?: string; to?: string }, options?: RequestOptions): Promise<Checkin[]> {
    await this.enter('getClassCheckins', query, options);
    const children = own(this.store.state.classes, query.classId) ?? [];
    const checkins = structuredClone(this.store.state.checkins.filter((c) => children.includes(c.childId) && inRange(c.createdAt, query)));
    if (this.viewer().role !== 'teacher') return checkins;
    // The teacher also gets each child's families, to send them a tip and top (issue 24).
    const families = new Map<string, NonNullable<Checkin['families']>>();
    return checkins.map((c) => {
      if (!families.has(c.childId)) families.set(c.childId, this.familiesOfChild(c.childId));
      const theirs = families.get(c.childId)!;
      return theirs.length ? { ...c, families: theirs } : c;
    });
  }

  async getExpectationMatrix(matrixId: string, options?: RequestOptions): Promise<ExpectationMatrix> {
    await this.enter('getExpectationMatrix', matrixId, options);
    return structuredClone(this.matrix(matrixId));
  }

  // ------------------------------------------------------------------ writes

  async saveHomeAnswer(
    input: WriteInput & { clipId: string; kind: HomeAnswerKind; text?: string; shareWithClass?: boolean },
    options?: RequestOptions,
  ): Promise<HomeAnswer> {
    return this.write('saveHomeAnswer', input, options, [`clip:${input.clipId}`, `board:${input.clipId}`], () => {
      const viewer = this.viewer();
      // The policy lets a parent answer for their family; a carer the host gave no family can't.
      if (!viewer.familyId) throw new SamenError('forbidden', 'no family to answer for');
      const answers = this.store.state.answers;
      // The household's own answer (without households: the carer's): another household neither replaces nor reads it.
      const existing = this.ownAnswerIndex(input.clipId, viewer);
      // "We talked about it" never erases a written answer: that answer implies the talk.
      if (existing >= 0 && input.kind === 'talked' && answers[existing]!.kind === 'text') return publicAnswer(answers[existing]!);
      const answer: StoredAnswer = {
        id: input.id,
        clipId: input.clipId,
        familyId: viewer.familyId,
        ...(viewer.name ? { familyName: viewer.name } : {}),
        ...(viewer.householdId ? { householdId: viewer.householdId } : {}),
        kind: input.kind,
        ...(input.kind === 'text' && input.text ? { text: input.text } : {}),
        // Shown on the class board only when the family chose it (issue 24); nothing is shared by default.
        ...(input.kind === 'text' && input.shareWithClass === true ? { shareWithClass: true } : {}),
        updatedAt: new Date().toISOString(),
        carerId: viewer.id,
      };
      if (existing >= 0) answers.splice(existing, 1, answer);
      else answers.push(answer);
      // Shared within the family, the writer's address keeps one answer, as the reference server
      // does: its own from before the school shared gives way (else the teacher counts it twice).
      if (this.sharesWithinFamily(viewer))
        this.store.state.answers = answers.filter(
          (a) =>
            a === answer ||
            a.clipId !== input.clipId ||
            a.familyId !== viewer.familyId ||
            (viewer.householdId !== undefined ? a.householdId !== viewer.householdId : a.carerId !== viewer.id),
        );
      this.addSeen(input.clipId, viewer.familyId, viewer.householdId);
      return publicAnswer(answer);
    });
  }

  async markSeen(input: WriteInput & { clipId: string }, options?: RequestOptions): Promise<void> {
    await this.write('markSeen', input, options, [`clip:${input.clipId}`, `board:${input.clipId}`], () => {
      const { familyId, householdId } = this.viewer();
      if (familyId) this.addSeen(input.clipId, familyId, householdId);
      return null;
    });
  }

  async setReaction(
    input: WriteInput & { targetId: string; reaction: string; on: boolean },
    options?: RequestOptions,
  ): Promise<ReactionSummary> {
    // A reaction to a clip also changes its class board (issue 24).
    const topics = () => [
      `reactions:${input.targetId}`,
      ...(own(this.store.state.clips, input.targetId) ? [`board:${input.targetId}`] : []),
    ];
    await this.write('setReaction', input, options, topics, () => {
      const familyId = this.viewer().familyId ?? this.viewerId;
      const reactions = this.store.state.reactions;
      const byReaction = dict(own(reactions, input.targetId));
      const families = new Set(own(byReaction, input.reaction) ?? []);
      if (input.on) families.add(familyId);
      else families.delete(familyId);
      byReaction[input.reaction] = [...families];
      reactions[input.targetId] = byReaction;
      return null;
    });
    return this.reactionSummary(input.targetId);
  }

  async addReply(input: WriteInput & { targetId: string; text: string }, options?: RequestOptions): Promise<Reply> {
    return this.write('addReply', input, options, `reactions:${input.targetId}`, () => {
      const viewer = this.viewer();
      const reply: Reply = {
        id: input.id,
        ...(viewer.familyId ? { familyId: viewer.familyId } : {}),
        // The household's (issue 24): the other address never reads it.
        ...(viewer.householdId ? { householdId: viewer.householdId } : {}),
        ...(viewer.name ? { authorName: viewer.name } : {}),
        text: input.text,
        createdAt: new Date().toISOString(),
      };
      const replies = this.store.state.replies;
      replies[input.targetId] = [...(own(replies, input.targetId) ?? []), reply];
      return reply;
    });
  }

  async award(
    input: WriteInput & { chartId: string; expectationId?: string; reason?: string; childId?: string },
    options?: RequestOptions,
  ): Promise<Award> {
    return this.write('award', input, options, `chart:${input.chartId}`, () => {
      const viewer = this.viewer();
      const chart = this.chart(input.chartId);
      const school = viewer.role === 'teacher';
      // The policy lets a parent sticker their own child's chart; the school decides whether it is on.
      if (!school && !chart.homeStickersEnabled) throw new SamenError('forbidden', 'home stickers are off for this chart');
      // A token for one child (issue 24): a teacher's, on a class chart, for a child of its class.
      const forChild = input.childId;
      if (
        forChild !== undefined &&
        (!school || chart.kind !== 'class' || !(own(this.store.state.classes, chart.classId ?? '') ?? []).includes(forChild))
      ) {
        throw new SamenError('invalid-data', 'not a child of this class chart', [
          { path: 'childId', message: 'a child of the chart’s class' },
        ]);
      }
      const award: StoredAward = {
        id: input.id,
        source: school ? 'school' : 'home',
        ...(input.expectationId ? { expectationId: input.expectationId } : {}),
        ...(input.reason ? { reason: input.reason } : {}),
        ...(viewer.name ? { givenBy: viewer.name } : {}),
        givenById: viewer.id,
        ...(forChild !== undefined ? { forChildId: forChild } : {}),
        createdAt: new Date().toISOString(),
      };
      chart.awards.push(award);
      return publicAward(award);
    });
  }

  /**
   * Takes back an award: only its giver may (the policy's `award.undo`, by `givenById`), and
   * only within {@link UNDO_WINDOW_MS} of when it was stored; later it is a `conflict`.
   */
  async undoAward(input: WriteInput & { chartId: string; awardId: string }, options?: RequestOptions): Promise<void> {
    await this.write('undoAward', input, options, `chart:${input.chartId}`, () => {
      const chart = this.chart(input.chartId);
      const award = chart.awards.find((a) => a.id === input.awardId);
      if (!award) throw new SamenError('not-found');
      if (!(Date.now() - Date.parse(award.createdAt) <= UNDO_WINDOW_MS))
        throw new SamenError('conflict', 'too late to take this award back');
      chart.awards = chart.awards.filter((a) => a.id !== input.awardId);
      return null;
    });
  }

  /** Redeems a reached goal; before the goal is reached it is a `conflict`. */
  async redeem(
    input: WriteInput & { chartId: string; nextGoal?: number; nextReward?: string },
    options?: RequestOptions,
  ): Promise<RewardChart> {
    return this.write('redeem', input, options, `chart:${input.chartId}`, () => {
      const chart = this.chart(input.chartId);
      if (chart.awards.length < chart.goal) throw new SamenError('conflict', 'goal not reached');
      chart.earnedRewards = [...(chart.earnedRewards ?? []), { reward: chart.reward, earnedAt: new Date().toISOString() }];
      chart.awards = [];
      if (input.nextGoal) chart.goal = input.nextGoal;
      if (input.nextReward) chart.reward = input.nextReward;
      return publicChart(chart);
    });
  }

  /**
   * The child's own choice on a personal chart (issue 24): the goal's words and the reward, each
   * one of the options the adults allowed. Choosing the reward makes it the chart's reward.
   */
  async chooseChartGoal(
    input: WriteInput & { chartId: string; wordsId?: string; rewardId?: string },
    options?: RequestOptions,
  ): Promise<RewardChart> {
    return this.write('chooseChartGoal', input, options, `chart:${input.chartId}`, () => {
      const chart = this.chart(input.chartId);
      const choices = chart.choices;
      if (chart.kind !== 'personal' || !choices) throw new SamenError('invalid-data', 'this chart has no choices for the child');
      const words = input.wordsId === undefined ? undefined : choices.words.find((o) => o.id === input.wordsId);
      const reward = input.rewardId === undefined ? undefined : choices.rewards.find((o) => o.id === input.rewardId);
      if ((input.wordsId !== undefined && !words) || (input.rewardId !== undefined && !reward))
        throw new SamenError('invalid-data', 'not one of the options the adults allowed', [{ path: 'wordsId', message: 'unknown option' }]);
      chart.choices = { ...choices, ...(words ? { wordsId: words.id } : {}), ...(reward ? { rewardId: reward.id } : {}) };
      if (reward) chart.reward = reward.text;
      return publicChart(chart);
    });
  }

  /**
   * The options the child chooses from (issue 24), set by a parent or the teacher: both lists
   * replaced; the child's earlier pick kept where its option stays. Empty lists: no choice.
   */
  async setChartChoices(
    input: WriteInput & { chartId: string; words: ChartChoice[]; rewards: ChartChoice[] },
    options?: RequestOptions,
  ): Promise<RewardChart> {
    return this.write('setChartChoices', input, options, `chart:${input.chartId}`, () => {
      const chart = this.chart(input.chartId);
      if (chart.kind !== 'personal') throw new SamenError('invalid-data', 'only a personal chart has choices for the child');
      const option = ({ id, text, picture }: ChartChoice): ChartChoice => ({ id, text: text.trim(), ...(picture ? { picture } : {}) });
      const words = input.words.map(option);
      const rewards = input.rewards.map(option);
      // The child's pick names an option by its id: one id, one option.
      if (new Set(words.map((o) => o.id)).size < words.length || new Set(rewards.map((o) => o.id)).size < rewards.length)
        throw new SamenError('invalid-data', 'two options with one id', [{ path: 'words', message: 'ids repeat' }]);
      const before = chart.choices;
      if (!words.length && !rewards.length) delete chart.choices;
      else
        chart.choices = {
          words,
          rewards,
          ...(before?.wordsId && words.some((o) => o.id === before.wordsId) ? { wordsId: before.wordsId } : {}),
          ...(before?.rewardId && rewards.some((o) => o.id === before.rewardId) ? { rewardId: before.rewardId } : {}),
        };
      return publicChart(chart);
    });
  }

  async saveCheckin(
    input: WriteInput & { checkinId: string } & Omit<Checkin, 'id' | 'childName'>,
    options?: RequestOptions,
  ): Promise<Checkin> {
    // The child's own topic and the class overview the child is in.
    const topics = () => {
      const classId = classOfChild(this.store.state, input.childId);
      return [`feelings:${input.childId}`, ...(classId === undefined ? [] : [`feelings:class:${classId}`])];
    };
    return this.write('saveCheckin', input, options, topics, () => {
      const checkins = this.store.state.checkins;
      const existing = checkins.findIndex((c) => c.id === input.checkinId);
      // The guard refused a check-in id of a child the viewer may not write for; one of another
      // child of theirs is still that child's check-in, never moved to this one.
      if (existing >= 0 && checkins[existing]!.childId !== input.childId)
        throw new SamenError('conflict', 'this check-in is another child’s');
      const checkin: Checkin = {
        id: input.checkinId,
        childId: input.childId,
        feeling: input.feeling,
        strength: input.strength,
        context: input.context,
        ...(input.note ? { note: input.note } : {}),
        createdAt: input.createdAt,
      };
      if (existing >= 0) checkins.splice(existing, 1, checkin);
      else checkins.push(checkin);
      return checkin;
    });
  }

  async saveExpectationMatrix(
    input: WriteInput & { matrix: ExpectationMatrix; baseVersion: number },
    options?: RequestOptions,
  ): Promise<ExpectationMatrix> {
    return this.write('saveExpectationMatrix', input, options, `matrix:${input.matrix?.id}`, () => {
      const stored = this.matrix(input.matrix.id);
      if (stored.version !== input.baseVersion) throw new SamenError('conflict', `stored version is ${stored.version}`);
      // The matrix's own fields only; whose it is stays as stored (a save can't move it to
      // another school or family) and the version is the store's.
      const { id, title, values, locations, cells, focus, lang } = structuredClone(input.matrix);
      const saved: StoredMatrix = {
        id,
        ...(title !== undefined ? { title } : {}),
        values,
        locations,
        ...(focus !== undefined ? { focus } : {}),
        ...(lang !== undefined ? { lang } : {}),
        kind: stored.kind,
        ...(stored.familyId ? { familyId: stored.familyId } : {}),
        ...(stored.schoolId ? { schoolId: stored.schoolId } : {}),
        version: stored.version + 1,
        cells: dict(cells),
      };
      this.store.state.matrices[input.matrix.id] = saved;
      return structuredClone(saved);
    });
  }

  async shareSuccess(
    input: WriteInput & { matrixId: string; expectationId?: string; text: string },
    options?: RequestOptions,
  ): Promise<Success> {
    return this.write('shareSuccess', input, options, `matrix:${input.matrixId}`, () => {
      const viewer = this.viewer();
      const success: Success = {
        id: input.id,
        matrixId: input.matrixId,
        ...(input.expectationId ? { expectationId: input.expectationId } : {}),
        text: input.text,
        createdAt: new Date().toISOString(),
        ...(viewer.name ? { familyName: viewer.name } : {}),
        ...(viewer.familyId ? { familyId: viewer.familyId } : {}),
        ...(viewer.householdId ? { householdId: viewer.householdId } : {}),
      };
      this.store.state.successes.push(success);
      return success;
    });
  }

  async getSuccesses(query: { matrixId: string; from?: string }, options?: RequestOptions): Promise<Success[]> {
    await this.enter('getSuccesses', query, options);
    return structuredClone(this.store.state.successes.filter((x) => x.matrixId === query.matrixId && inRange(x.createdAt, query)));
  }

  // ------------------------------------------------------------------ composing lesson clips

  /**
   * Stores the file on this device (a blob: URL to show it) after a simulated upload of
   * {@link uploadMs} in five progress steps; an aborted signal stores nothing. The upload is
   * the uploader's: only they read it back ({@link getUploadedMedia}) or publish it.
   */
  async uploadMedia(input: WriteInput & { file: Blob; name: string; kind: UploadKind }, options?: UploadOptions): Promise<UploadedMedia> {
    // Who may upload is known before a byte is sent.
    await this.authorize('uploadMedia', input);
    const steps = 5;
    for (let i = 1; i <= steps; i++) {
      await delay(this.uploadMs / steps, options?.signal);
      options?.onProgress?.(i / steps);
    }
    const stored = await this.write('uploadMedia', input, options, [], () => {
      const file = input.file;
      const check = checkUpload({ name: input.name, type: file?.type ?? '', size: file?.size ?? 0 }, input.kind);
      if (!(file instanceof Blob) || !check.ok) {
        throw new SamenError('invalid-data', 'upload refused', [{ path: 'file', message: check.ok ? 'not a file' : check.reason }]);
      }
      const mediaId = `media-${input.id}`;
      const uploads = (this.store.state.uploads ??= dict());
      uploads[mediaId] = { ownerId: this.viewerId, kind: input.kind, type: check.type, size: file.size, name: input.name, blob: file };
      return { mediaId };
    });
    return this.uploaded(stored.mediaId);
  }

  async getUploadedMedia(mediaId: string, options?: RequestOptions): Promise<UploadedMedia> {
    await this.enter('getUploadedMedia', mediaId, options);
    return this.uploaded(mediaId);
  }

  /** Publishes to one of the teacher's classes; the media must be this teacher's uploads. */
  async publishLessonClip(input: WriteInput & LessonClipDraft, options?: RequestOptions): Promise<LessonClip> {
    const clipId = `clip-${input.id}`;
    const topics = [`clip:${clipId}`];
    const raw = await this.write(
      'publishLessonClip',
      input,
      options,
      () => topics,
      () => {
        const { id: _writeId, ...rest } = input;
        const { media, ...fields } = parseOrThrow(lessonClipDraftSchema, rest, 'clip');
        checkSchedule(fields.scheduledAt);
        const clip: Record<string, unknown> = { ...fields, id: clipId, postedAt: new Date().toISOString() };
        for (const key of Object.keys(clip)) if (clip[key] === '' || clip[key] === undefined) delete clip[key];
        if (media) clip['media'] = this.mediaOfDraft(media);
        topics.push(...this.advanceRun(clip));
        this.store.state.clips[clipId] = clip;
        return clip;
      },
    );
    return this.withUploadUrls(withDemoUrls(raw, this.store.mediaUrl)) as unknown as LessonClip;
  }

  // ------------------------------------------------------------------ threads (issue 24)

  /**
   * The thread between a family and the class's teacher(s) about what the family sent. Only
   * that family's carers and the class's teachers get it (the policy's `thread.read`); it is
   * empty until someone writes.
   */
  async getThread(query: ThreadKey, options?: RequestOptions): Promise<Thread> {
    await this.enter('getThread', query, options);
    return this.publicThread(query);
  }

  /** Adds a message for the viewer's side (family or teacher); read at once by its writer. */
  async addThreadMessage(input: WriteInput & ThreadKey & { text: string }, options?: RequestOptions): Promise<ThreadMessage> {
    const topics = () => this.threadTopics(input);
    return this.write('addThreadMessage', input, options, topics, () => {
      const viewer = this.viewer();
      const thread = this.storedThread(input, true)!;
      const message: StoredThread['messages'][number] = {
        id: input.id,
        from: viewer.role === 'teacher' ? 'teacher' : 'family',
        authorId: viewer.id,
        ...(viewer.name ? { authorName: viewer.name } : {}),
        text: input.text.trim(),
        createdAt: new Date().toISOString(),
      };
      thread.messages.push(message);
      thread.readBy[viewer.id] = thread.messages.length;
      return this.publicMessage(message);
    });
  }

  async markThreadRead(input: WriteInput & ThreadKey, options?: RequestOptions): Promise<void> {
    const topics = () => this.threadTopics(input);
    await this.write('markThreadRead', input, options, topics, () => {
      const thread = this.storedThread(input, false);
      if (thread) thread.readBy[this.viewerId] = thread.messages.length;
      return null;
    });
  }

  private storedThread(key: ThreadKey, create: boolean): StoredThread | undefined {
    const threads = (this.store.state.threads ??= dict());
    const household = this.threadHousehold(key);
    const id = `${key.about.kind}:${key.about.id}:${key.familyId}${household === undefined ? '' : `/${household}`}`;
    const found = own(threads, id);
    if (found || !create) return found;
    return (threads[id] = { messages: [], readBy: dict() });
  }

  private publicMessage(message: StoredThread['messages'][number]): ThreadMessage {
    return {
      id: message.id,
      from: message.from,
      ...(message.authorName ? { authorName: message.authorName } : {}),
      text: message.text,
      createdAt: message.createdAt,
      mine: message.authorId === this.viewerId,
    };
  }

  private publicThread(key: ThreadKey): Thread {
    const thread = this.storedThread(key, false);
    const messages = (thread?.messages ?? []).map((m) => this.publicMessage(m));
    const side = this.viewer().role === 'teacher' ? 'teacher' : 'family';
    const read = (thread && own(thread.readBy, this.viewerId)) ?? 0;
    const unread = messages.slice(read).filter((m) => m.from !== side).length;
    const household = this.threadHousehold(key);
    return {
      about: { kind: key.about.kind, id: key.about.id },
      familyId: key.familyId,
      ...(household === undefined ? {} : { householdId: household }),
      messages,
      unread,
    };
  }

  /**
   * The live topics a thread's change is told on: its own; when the school shares within the
   * family (issue 24), the family's and each of its households', since the family's carers and
   * the teacher may follow the one thread by any of those keys.
   */
  private threadTopics(key: ThreadKey): string[] {
    const state = this.store.state;
    const classId = threadScope(state, key.about, key.familyId)?.classId;
    if (classId === undefined || !sharesWithinFamily(state, classId)) return [threadTopic(key)];
    const family = (own(state.families, classId) ?? []).find((f) => f.familyId === key.familyId);
    const whose = { about: key.about, familyId: key.familyId };
    return [threadTopic(whose), ...(family?.households ?? []).map((h) => threadTopic({ ...whose, householdId: h.householdId }))];
  }

  /** The household a thread is with: the key's, unless the school shares within the family (then the family's thread). */
  private threadHousehold(key: ThreadKey): string | undefined {
    return key.householdId === undefined ? undefined : threadScope(this.store.state, key.about, key.familyId, key.householdId)?.householdId;
  }

  private mediaOfDraft(media: NonNullable<LessonClipDraft['media']>): unknown {
    const upload = (mediaId: string) => own(this.store.state.uploads, mediaId);
    const ref = (mediaId: string, kind: UploadKind) => {
      const stored = upload(mediaId);
      if (stored?.kind !== kind || stored.ownerId !== this.viewerId) {
        throw new SamenError('invalid-data', 'unknown upload', [{ path: 'media', message: `no ${kind} upload of yours with this id` }]);
      }
      return `upload:${mediaId}`;
    };
    if (media.kind === 'photos') return { kind: 'photos', photos: media.photos.map((p) => ({ src: ref(p.mediaId, 'photo'), alt: p.alt })) };
    const src = ref(media.mediaId, 'video');
    const type = upload(media.mediaId)?.type;
    return {
      kind: 'video',
      src,
      ...(type ? { type } : {}),
      captions: media.captions.map((c, i) => ({
        src: ref(c.mediaId, 'captions'),
        srclang: c.srclang,
        label: c.label,
        ...(i === 0 ? { default: true } : {}),
      })),
    };
  }

  private uploaded(mediaId: string): UploadedMedia {
    const upload = own(this.store.state.uploads, mediaId);
    if (!upload) throw new SamenError('not-found');
    return { mediaId, kind: upload.kind, src: uploadUrl(upload.blob), type: upload.type, size: upload.size, name: upload.name };
  }

  /** Swaps `upload:<mediaId>` references for blob: URLs of the stored files. */
  private withUploadUrls<T>(value: T): T {
    if (typeof value === 'string') {
      const upload = value.startsWith('upload:') ? own(this.store.state.uploads, value.slice(7)) : undefined;
      return (upload ? uploadUrl(upload.blob) : value) as T;
    }
    if (Array.isArray(value)) return (value as unknown[]).map((v) => this.withUploadUrls(v)) as T;
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.withUploadUrls(v)])) as T;
    }
    return value;
  }

  // ------------------------------------------------------------------ the programme's course (issue 26)

  /** A meeting of one of the viewer's classes (`meeting.read`). */
  async getMeeting(meetingId: string, options?: RequestOptions): Promise<Meeting> {
    await this.enter('getMeeting', meetingId, options);
    return structuredClone(this.meeting(meetingId));
  }

  /** The signed-in household's own reply, or `null` (`rsvp.read`: only its own). */
  async getRsvp(meetingId: string, options?: RequestOptions): Promise<Rsvp | null> {
    await this.enter('getRsvp', meetingId, options);
    const mine = this.household(meetingId);
    const rsvp = (this.store.state.rsvps ?? []).find((r) => r.meetingId === meetingId && sameHousehold(r, mine));
    return rsvp ? structuredClone(rsvp) : null;
  }

  /** Creates or replaces the household's reply; `no` counts nobody. */
  async saveRsvp(input: WriteInput & RsvpInput, options?: RequestOptions): Promise<Rsvp> {
    return this.write('saveRsvp', input, options, meetingTopic(input.meetingId), () => {
      const mine = this.household(input.meetingId);
      const rsvp: Rsvp = {
        meetingId: input.meetingId,
        ...mine,
        answer: input.answer,
        people: input.answer === 'no' ? 0 : input.people,
        updatedAt: new Date().toISOString(),
      };
      const rsvps = (this.store.state.rsvps ??= []);
      this.store.state.rsvps = [...rsvps.filter((r) => !(r.meetingId === input.meetingId && sameHousehold(r, mine))), rsvp];
      return rsvp;
    });
  }

  /** Teacher only: every household's reply and sheet (`rsvp.list`, `preparation.list`). */
  async getMeetingReplies(meetingId: string, options?: RequestOptions): Promise<MeetingReplies> {
    await this.enter('getMeetingReplies', meetingId, options);
    const meeting = this.meeting(meetingId);
    return structuredClone({
      meetingId,
      families: (own(this.store.state.families, meeting.classId) ?? []).length,
      rsvps: (this.store.state.rsvps ?? []).filter((r) => r.meetingId === meetingId),
      preparations: (this.store.state.preparations ?? []).filter((p) => p.meetingId === meetingId),
    });
  }

  /** The signed-in household's own preparation sheet, or `null`. */
  async getPreparation(meetingId: string, options?: RequestOptions): Promise<Preparation | null> {
    await this.enter('getPreparation', meetingId, options);
    const mine = this.household(meetingId);
    const sheet = (this.store.state.preparations ?? []).find((p) => p.meetingId === meetingId && sameHousehold(p, mine));
    return sheet ? structuredClone(sheet) : null;
  }

  /** Creates or replaces the household's preparation sheet. */
  async savePreparation(input: WriteInput & PreparationInput, options?: RequestOptions): Promise<Preparation> {
    return this.write('savePreparation', input, options, meetingTopic(input.meetingId), () => {
      const mine = this.household(input.meetingId);
      const sheet: Preparation = {
        meetingId: input.meetingId,
        ...mine,
        keywords: input.keywords.trim(),
        goesWell: input.goesWell.trim(),
        talkAbout: input.talkAbout.trim(),
        updatedAt: new Date().toISOString(),
      };
      const sheets = (this.store.state.preparations ??= []);
      this.store.state.preparations = [...sheets.filter((p) => !(p.meetingId === input.meetingId && sameHousehold(p, mine))), sheet];
      return sheet;
    });
  }

  /** A programme introduction of one of the viewer's classes, with its lessons posted and planned. */
  async getProgrammeIntro(introId: string, options?: RequestOptions): Promise<ProgrammeIntro> {
    await this.enter('getProgrammeIntro', introId, options);
    const intro = own(this.store.state.intros, introId);
    if (!intro) throw new SamenError('not-found');
    return structuredClone(intro);
  }

  /**
   * The class's lessons of a programme, posted and planned (issue 26): its introduction's timeline
   * when it has one (publishing keeps it up to date), else its clips of the programme.
   */
  async getClassRhythm(query: { classId: string; programme: Programme }, options?: RequestOptions): Promise<ClassRhythm> {
    await this.enter('getClassRhythm', query, options);
    const { classId, programme } = query;
    const intro = Object.values(this.store.state.intros ?? {}).find((i) => i.classId === classId && i.programme === programme);
    if (intro) return { classId, programme, lessons: structuredClone(intro.lessons) };
    const lessons = Object.values(this.store.state.clips)
      .map((raw) => raw as Partial<LessonClip> | null)
      .filter(
        (c): c is LessonClip =>
          !!c && c.classId === classId && c.programme === programme && !c.followsUp && typeof c.lessonNumber === 'number',
      )
      .sort((a, b) => a.lessonNumber! - b.lessonNumber!)
      .map((c) =>
        isScheduled(c)
          ? { number: c.lessonNumber!, title: c.title, status: 'planned' as const, date: c.scheduledAt! }
          : { number: c.lessonNumber!, title: c.title, status: 'posted' as const, date: c.postedAt, clipId: c.id },
      );
    return { classId, programme, lessons };
  }

  /**
   * A clip published in a class's run of a programme (issue 26): it says where the class is
   * ("Les 3 van 8") and the introduction's timeline marks its lesson given. Returns the live topics to announce.
   */
  private advanceRun(clip: Record<string, unknown>): string[] {
    const topics: string[] = [];
    // A follow-up or repeat lesson (issue 26) is no lesson of this class's run.
    if (clip['followsUp']) return topics;
    // Scheduled (issue 26): the lesson is planned for that moment; parents can't open it before.
    const scheduledAt = isScheduled(clip) ? (clip['scheduledAt'] as string) : undefined;
    for (const intro of Object.values(this.store.state.intros ?? {})) {
      if (intro.classId !== clip['classId'] || intro.programme !== clip['programme'] || typeof clip['lessonNumber'] !== 'number') continue;
      clip['lessonCount'] = intro.lessons.length;
      const lesson = intro.lessons.find((l) => l.number === clip['lessonNumber']);
      if (lesson && scheduledAt) {
        delete lesson.clipId;
        Object.assign(lesson, { status: 'planned', date: scheduledAt });
      } else if (lesson) Object.assign(lesson, { status: 'posted', date: clip['postedAt'], clipId: clip['id'] });
      topics.push(introTopic(intro.id));
    }
    return topics;
  }

  // ------------------------------------------------------------------ evaluations (issue 25)

  /** The form for the viewer's audience, with their own answers when they answered (`evaluation.read`). */
  async getEvaluation(evaluationId: string, options?: RequestOptions): Promise<Evaluation> {
    await this.enter('getEvaluation', evaluationId, options);
    return evaluationFor(this.store.state, evaluationId, this.viewer());
  }

  /** The viewer's own response; a second replaces the first (`evaluation.respond`). */
  async submitEvaluationResponse(input: WriteInput & EvaluationResponseInput, options?: RequestOptions): Promise<EvaluationReceipt> {
    return this.write('submitEvaluationResponse', input, options, evaluationTopic(input.evaluationId), () =>
      submitResponse(this.store.state, input, this.viewer()),
    );
  }

  /** Staff: counts per phase, audience and question, none below the minimum group size (`evaluation.results`). */
  async getEvaluationResults(query: { programmeRunId: string }, options?: RequestOptions): Promise<EvaluationResults> {
    await this.enter('getEvaluationResults', query, options);
    return evaluationResults(this.store.state, query.programmeRunId);
  }

  /** The school's own questions, audiences, phase and anonymity (`evaluation.edit`). */
  async saveEvaluation(input: WriteInput & EvaluationDraft, options?: RequestOptions): Promise<Evaluation> {
    return this.write('saveEvaluation', input, options, evaluationTopic(input.evaluationId), () =>
      saveEvaluationDraft(this.store.state, input, this.viewer()),
    );
  }

  private meeting(meetingId: string): Meeting {
    const meeting = own(this.store.state.meetings, meetingId);
    if (!meeting) throw new SamenError('not-found');
    return meeting;
  }

  /**
   * The signed-in viewer's household in the meeting's class (the guard has checked the family is
   * there): its family, and its address when the family has more than one, named as the school names it.
   */
  private household(meetingId: string): { familyId: string; householdId?: string; familyName?: string } {
    const viewer = this.viewer();
    const familyId = viewer.familyId ?? '';
    const family = (own(this.store.state.families, this.meeting(meetingId).classId) ?? []).find((f) => f.familyId === familyId);
    const household = viewer.householdId ? family?.households?.find((h) => h.householdId === viewer.householdId) : undefined;
    const name = family?.name && household?.name ? `${family.name} (${household.name})` : family?.name;
    return { familyId, ...(household ? { householdId: household.householdId } : {}), ...(name ? { familyName: name } : {}) };
  }

  // ------------------------------------------------------------------ plumbing

  /** Runs before every call; {@link LocalAdapter} loads its state here. */
  protected async ready(): Promise<void> {}

  /** Runs after every applied write; {@link LocalAdapter} saves its state here. */
  protected async persist(): Promise<void> {}

  protected notify(topic: string): void {
    for (const listener of [...(this.store.listeners.get(topic) ?? [])]) listener();
  }

  /**
   * Makes the state's records null-prototype once per state object: the seed, `options.state`,
   * a state LocalAdapter loaded from IndexedDB or a server from its database.
   */
  private harden(): void {
    const state = this.store.state;
    if (hardened.has(state)) return;
    hardenState(state);
    hardened.add(state);
  }

  /** What every call goes through first: the call log, loading, latency, injected failures. */
  private async arrive(method: Method, input: unknown, options?: RequestOptions): Promise<void> {
    this.calls.push({ method, input });
    await this.ready();
    this.harden();
    await delay(this.latency, options?.signal);
    const failures = this.store.failures;
    const key = failures.has(method) ? method : failures.has('*') ? '*' : undefined;
    if (key === undefined) return;
    const failure = failures.get(key)!;
    failure.times -= 1;
    if (failure.times <= 0) failures.delete(key);
    throw new SamenError(failure.kind);
  }

  /** The policy, before any domain code: `forbidden` or `not-found`, or it returns. */
  private async authorize(method: Method, input: unknown): Promise<void> {
    await this.ready();
    this.harden();
    await authorizeCall(this.store.state, this.viewer(), method, input);
  }

  /** A read: arrives, then is authorized. `input` is the method's first argument. */
  private async enter(method: Method, input: unknown, options?: RequestOptions): Promise<void> {
    await this.arrive(method, input, options);
    await this.authorize(method, input);
  }

  /**
   * A write: arrives; a key already applied for this same request (viewer, method, input)
   * returns its first result, one applied for another request is `invalid-data`; otherwise it
   * is authorized, its input checked against the limits, applied once, saved and announced.
   */
  private async write<T>(
    method: Method,
    input: WriteInput,
    options: RequestOptions | undefined,
    topics: string | string[] | (() => string[]),
    apply: () => T,
  ): Promise<T> {
    await this.arrive(method, input, options);
    const key: unknown = input && typeof input === 'object' ? input.id : undefined;
    if (typeof key !== 'string' || key.length === 0 || key.length > 200) {
      throw new SamenError('invalid-data', 'a write needs an idempotency key', [
        { path: 'id', message: 'a string of 1 to 200 characters' },
      ]);
    }
    const digest = this.digestOf(method, input);
    const replay = (): { result: T } | undefined => {
      const writes = this.store.state.writes;
      this.expireWrites(writes);
      const done = own(writes, key);
      if (!done) return undefined;
      if (done.digest !== digest) {
        throw new SamenError('invalid-data', 'this idempotency key was used for another request', [
          { path: 'id', message: 'already used for another request' },
        ]);
      }
      return { result: structuredClone(done.result) as T };
    };
    // A retry is answered before the guard: the award an undo took back is gone by then.
    const first = replay();
    if (first) return first.result;
    await this.authorize(method, input);
    const again = replay(); // the same key may have landed while the guard ran
    if (again) return again.result;
    checkWriteInput(method, input);
    const result = apply();
    const entry: StoredWrite = { at: Date.now(), digest, result: result ?? null };
    this.store.state.writes[key] = entry;
    this.appliedWrites += 1;
    await this.persist();
    for (const topic of typeof topics === 'function' ? topics() : [topics].flat()) this.notify(topic);
    return structuredClone(result);
  }

  /** Who sent what, in a few characters: the viewer, the method and a hash of the input. */
  private digestOf(method: Method, input: unknown): string {
    let json: string;
    try {
      json =
        JSON.stringify(input, (_key, value: unknown) => (value instanceof Blob ? { blob: value.type, size: value.size } : value)) ?? '';
    } catch {
      throw new SamenError('invalid-data', 'a write’s input must be plain data');
    }
    return `${this.viewerId} ${method} ${hash(json)}`;
  }

  /** Forgets keys older than {@link WRITE_KEY_TTL_MS}; sweeps at most once a minute. */
  private expireWrites(writes: Record<string, StoredWrite>): void {
    const now = Date.now();
    if (now - (sweptAt.get(writes) ?? Number.NEGATIVE_INFINITY) < 60_000) return;
    sweptAt.set(writes, now);
    for (const [key, entry] of Object.entries(writes)) if (!(now - entry.at < WRITE_KEY_TTL_MS)) delete writes[key];
  }

  private mayFollow(topic: string): boolean {
    try {
      this.harden();
      authorizeTopic(this.store.state, this.viewer(), topic);
      return true;
    } catch {
      return false;
    }
  }

  private viewer(): Viewer {
    const viewer = this.store.state.viewers.find((v) => v.id === this.viewerId);
    if (!viewer) throw new SamenError('forbidden');
    return viewer;
  }

  private chart(chartId: string): StoredChart {
    const chart = own(this.store.state.charts, chartId);
    if (!chart) throw new SamenError('not-found');
    return chart;
  }

  private matrix(matrixId: string): StoredMatrix {
    const matrix = own(this.store.state.matrices, matrixId);
    if (!matrix) throw new SamenError('not-found');
    return matrix;
  }

  /** Seen by the family, at one of its households when it has them (issue 24). */
  private addSeen(clipId: string, familyId: string, householdId?: string): void {
    if (!this.store.state.seen.some((s) => s.clipId === clipId && s.familyId === familyId && s.householdId === householdId)) {
      this.store.state.seen.push({ clipId, familyId, ...(householdId === undefined ? {} : { householdId }) });
    }
  }

  /** Whether the viewer's school shares answers, drafts and threads within the family (issue 24). */
  private sharesWithinFamily(viewer: Viewer): boolean {
    return viewer.schoolId !== undefined && own(this.store.state.schoolSettings ?? {}, viewer.schoolId)?.shareWithinFamily === true;
  }

  /**
   * Where the viewer's own answer to a clip is in the store, or -1: their household's (issue 24);
   * without households their own as a carer (as before); the family's latest when the school
   * shares within the family. A seeded answer (no carer) is nobody's to read.
   */
  private ownAnswerIndex(clipId: string, viewer: Viewer): number {
    const shared = this.sharesWithinFamily(viewer);
    const mine = (a: StoredAnswer): boolean =>
      a.clipId === clipId &&
      a.carerId !== undefined &&
      (shared
        ? a.familyId === viewer.familyId
        : viewer.householdId !== undefined
          ? a.familyId === viewer.familyId && a.householdId === viewer.householdId
          : a.carerId === viewer.id);
    const answers = this.store.state.answers;
    let found = -1;
    answers.forEach((a, i) => {
      if (mine(a) && (found < 0 || a.updatedAt >= answers[found]!.updatedAt)) found = i;
    });
    return found;
  }

  private reactionSummary(targetId: string): ReactionSummary {
    const { state } = this.store;
    const byReaction = own(state.reactions, targetId) ?? {};
    const viewer = this.viewer();
    const familyId = viewer.familyId ?? this.viewerId;
    const entries = Object.entries(byReaction);
    const counts = Object.fromEntries(entries.map(([r, families]) => [r, families.length]));
    const mine = entries.filter(([, f]) => f.includes(familyId)).map(([r]) => r);
    const replies = structuredClone(own(state.replies, targetId) ?? []);
    if (viewer.role !== 'teacher') {
      // Parents see counts and their own family's replies, never other families' names; with
      // households (issue 24) only their household's, unless the school shares within the family.
      const household = this.sharesWithinFamily(viewer) ? undefined : viewer.householdId;
      const theirs = (r: (typeof replies)[number]) =>
        r.familyId === familyId && (household === undefined || r.householdId === undefined || r.householdId === household);
      return { targetId, counts, mine, replies: replies.filter(theirs) };
    }
    const families = own(state.families, targetScope(state, targetId)?.classId ?? '') ?? [];
    const nameOf = (id: string) => families.find((f) => f.familyId === id)?.name ?? id;
    const home = new Set(HOME_REACTIONS.flatMap((r) => own(byReaction, r) ?? []));
    return {
      targetId,
      counts,
      mine,
      replies,
      reactors: Object.fromEntries(entries.map(([r, ids]) => [r, ids.map(nameOf)])),
      families: families.length,
      homeFamilies: home.size,
    };
  }
}

/** An answer as widgets see it: whose family, never which carer's viewer id. */
function publicAnswer({ carerId: _carerId, ...answer }: StoredAnswer): HomeAnswer {
  return structuredClone(answer);
}

/** An award as widgets see it: who gave it by name, not by viewer id. */
function publicAward({ givenById: _givenById, forChildId: _forChildId, ...award }: StoredAward): Award {
  return structuredClone(award);
}

function publicChart(chart: StoredChart): RewardChart {
  return { ...structuredClone(chart), awards: chart.awards.map(publicAward) };
}

/** A 106-bit non-cryptographic hash (two cyrb53 rounds) of a write's input, for its digest. */
function hash(text: string): string {
  const round = (seed: number): string => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
  };
  return `${round(1)}.${round(2)}`;
}

/**
 * Reach of a clip, counted per family: seen ⊇ talked about at home ⊇ answered in writing.
 * A family that answered also talked about it and saw it. Every carer of a family counts
 * as that family: a second carer who sees or answers adds nothing to the counts, and each
 * carer's own answer is listed. Given the class's families (not just their number), the
 * families not reached yet are listed too; and when a child has more than one household
 * (issue 24) each address is counted as well, and an address not reached of a family reached
 * at another is listed by name ("Familie Jansen — tweede adres"). Something seen or answered
 * without a household (from before households, or seeded) counts for every address of the family.
 */
export function computeReach(
  clipId: string,
  families: number | readonly DemoFamily[],
  state: Pick<DemoState, 'seen' | 'answers'>,
): ClipReach {
  const answers = state.answers.filter((a) => a.clipId === clipId);
  const seenEntries = [...state.seen.filter((s) => s.clipId === clipId), ...answers];
  const seen = new Set(seenEntries.map((s) => s.familyId));
  const talked = new Set(answers.map((a) => a.familyId));
  const answered = new Set(answers.filter((a) => a.kind === 'text').map((a) => a.familyId));
  const list = typeof families === 'number' ? undefined : families;
  const notReached: NonNullable<ClipReach['notReached']> | undefined = list
    ?.filter((f) => !seen.has(f.familyId))
    .map((f) => ({ familyId: f.familyId, familyName: f.name }));
  const wholeFamily = new Set(seenEntries.filter((s) => s.householdId === undefined).map((s) => s.familyId));
  const seenAt = new Set(seenEntries.map((s) => `${s.familyId}/${s.householdId ?? ''}`));
  const addresses = (f: DemoFamily) => (f.households?.length ? f.households : [{ householdId: f.familyId }]);
  const reachedAt = (f: DemoFamily, h: { householdId: string }) =>
    wholeFamily.has(f.familyId) || (f.households?.length ? seenAt.has(`${f.familyId}/${h.householdId}`) : seen.has(f.familyId));
  const households = list?.reduce((n, f) => n + addresses(f).length, 0);
  const householdsSeen = list?.reduce((n, f) => n + addresses(f).filter((h) => reachedAt(f, h)).length, 0);
  // Of a family reached at one address, the addresses not reached yet.
  for (const f of list ?? []) {
    if (!seen.has(f.familyId) || !f.households?.length) continue;
    for (const h of f.households.filter((h) => !reachedAt(f, h)))
      notReached!.push({
        familyId: f.familyId,
        familyName: f.name,
        householdId: h.householdId,
        ...(h.name ? { householdName: h.name } : {}),
      });
  }
  const householdName = (a: StoredAnswer) =>
    list?.find((f) => f.familyId === a.familyId)?.households?.find((h) => h.householdId === a.householdId)?.name;
  return {
    clipId,
    families: typeof families === 'number' ? families : families.length,
    seen: seen.size,
    talked: talked.size,
    answered: answered.size,
    answers: answers
      .map((a) => {
        const name = a.householdId === undefined ? undefined : householdName(a);
        return name === undefined ? publicAnswer(a) : { ...publicAnswer(a), householdName: name };
      })
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    ...(notReached ? { notReached } : {}),
    // Counted when some child of the class has more than one household.
    ...(list && households !== list.length ? { households, householdsSeen } : {}),
  };
}

const uploadUrls = new WeakMap<Blob, string>();

/** One blob: URL per stored file, for as long as the page lives. */
function uploadUrl(blob: Blob): string {
  let url = uploadUrls.get(blob);
  if (!url) uploadUrls.set(blob, (url = URL.createObjectURL(blob)));
  return url;
}

function inRange(iso: string, range: { from?: string; to?: string }): boolean {
  const time = Date.parse(iso);
  return (!range.from || time >= Date.parse(range.from)) && (!range.to || time <= Date.parse(range.to));
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
      },
      { once: true },
    );
  });
}

/** A batch entry: the read's value, `null` where it failed; an abort still rejects the whole batch. */
async function orNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (isAbortError(error)) throw error;
    return null;
  }
}

/** Whether a reply or sheet is the household's: the same family, and the same address when it has more than one (issue 26). */
function sameHousehold(item: { familyId: string; householdId?: string }, household: { familyId: string; householdId?: string }): boolean {
  return item.familyId === household.familyId && item.householdId === household.householdId;
}

/** A schedule the adapter accepts (issue 26): later than now, at most `SCHEDULE_LIMITS.maxDaysAhead` days ahead. */
function checkSchedule(scheduledAt: string | undefined): void {
  if (scheduledAt === undefined) return;
  const notes = scheduleNotes(new Date(scheduledAt), new Date()).filter(isScheduleProblem);
  if (notes.length) throw new SamenError('invalid-data', 'not a moment to schedule', [{ path: 'scheduledAt', message: notes.join(', ') }]);
}
