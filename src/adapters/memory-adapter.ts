import type { RequestOptions, SamenAdapter, SamenTopic, Unsubscribe, UploadOptions, WriteInput } from '../core/adapter.js';
import { SamenError, type SamenErrorKind } from '../core/errors.js';
import type {
  Award,
  Checkin,
  ClipReach,
  ExpectationMatrix,
  HomeAnswer,
  HomeAnswerKind,
  LessonClip,
  ReactionSummary,
  Reply,
  RewardChart,
  Success,
  Viewer,
} from '../core/schemas.js';
import { HOME_REACTIONS } from '../core/schemas.js';
import { checkUpload, lessonClipDraftSchema, type LessonClipDraft, type UploadedMedia, type UploadKind } from '../core/schemas.js';
import { parseOrThrow } from '../core/parse.js';
import { createDemoState, type DemoFamily, type DemoLocale, type DemoState } from './demo-data.js';
import { withDemoUrls } from './illustrations.js';

export { demoMedia } from './illustrations.js';

type Method = Exclude<keyof SamenAdapter, 'subscribe'>;

export interface MemoryAdapterOptions {
  /** Language of the seeded demo content. Default `nl`. */
  locale?: DemoLocale;
  /** Who is signed in: `parent-1` (default), `parent-2` (second carer, same family) or `teacher-1`. */
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

/**
 * A complete {@link SamenAdapter} in memory: seeded demo data, configurable latency
 * and failure injection, idempotent writes. For tests, Storybook and demos.
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
    this.store.state.clips[clipId] = raw;
    this.notify(`clip:${clipId}`);
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

  subscribe(topic: SamenTopic, listener: () => void): Unsubscribe {
    const set = this.store.listeners.get(topic) ?? new Set();
    set.add(listener);
    this.store.listeners.set(topic, set);
    return () => set.delete(listener);
  }

  // ------------------------------------------------------------------ reads

  async getViewer(options?: RequestOptions): Promise<Viewer> {
    await this.enter('getViewer', undefined, options);
    return structuredClone(this.viewer());
  }

  async getLessonClip(clipId: string, options?: RequestOptions): Promise<LessonClip> {
    await this.enter('getLessonClip', clipId, options);
    const clip = this.store.state.clips[clipId];
    if (clip === undefined) throw new SamenError('not-found');
    return this.withUploadUrls(withDemoUrls(structuredClone(clip), this.store.mediaUrl)) as LessonClip;
  }

  async getHomeAnswer(clipId: string, options?: RequestOptions): Promise<HomeAnswer | null> {
    await this.enter('getHomeAnswer', clipId, options);
    this.requireClip(clipId);
    const familyId = this.viewer().familyId;
    const answer = this.store.state.answers.find((a) => a.clipId === clipId && a.familyId === familyId);
    return answer ? structuredClone(answer) : null;
  }

  async getClipReach(clipId: string, options?: RequestOptions): Promise<ClipReach> {
    await this.enter('getClipReach', clipId, options);
    this.requireRole('teacher');
    const clip = this.store.state.clips[clipId] as { classId?: string } | undefined;
    if (!clip) throw new SamenError('not-found');
    return computeReach(clipId, this.store.state.families[clip.classId ?? ''] ?? [], this.store.state);
  }

  async getReactions(targetId: string, options?: RequestOptions): Promise<ReactionSummary> {
    await this.enter('getReactions', targetId, options);
    return this.reactionSummary(targetId);
  }

  async getRewardChart(chartId: string, options?: RequestOptions): Promise<RewardChart> {
    await this.enter('getRewardChart', chartId, options);
    return structuredClone(this.chart(chartId));
  }

  async getCheckins(query: { childId: string; from?: string; to?: string }, options?: RequestOptions): Promise<Checkin[]> {
    await this.enter('getCheckins', query, options);
    this.requireChildAccess(query.childId);
    return structuredClone(this.store.state.checkins.filter((c) => c.childId === query.childId && inRange(c.createdAt, query)));
  }

  async getClassCheckins(query: { classId: string; from?: string; to?: string }, options?: RequestOptions): Promise<Checkin[]> {
    await this.enter('getClassCheckins', query, options);
    this.requireRole('teacher');
    const children = this.store.state.classes[query.classId];
    if (!children) throw new SamenError('not-found');
    if (!this.viewer().classIds?.includes(query.classId)) throw new SamenError('forbidden');
    return structuredClone(this.store.state.checkins.filter((c) => children.includes(c.childId) && inRange(c.createdAt, query)));
  }

  async getExpectationMatrix(matrixId: string, options?: RequestOptions): Promise<ExpectationMatrix> {
    await this.enter('getExpectationMatrix', matrixId, options);
    const matrix = this.store.state.matrices[matrixId];
    if (!matrix) throw new SamenError('not-found');
    const viewer = this.viewer();
    if (matrix.kind === 'home' && viewer.role === 'parent' && viewer.familyId !== matrix.familyId) throw new SamenError('forbidden');
    return structuredClone(matrix);
  }

  // ------------------------------------------------------------------ writes

  async saveHomeAnswer(
    input: WriteInput & { clipId: string; kind: HomeAnswerKind; text?: string },
    options?: RequestOptions,
  ): Promise<HomeAnswer> {
    return this.write('saveHomeAnswer', input, options, `clip:${input.clipId}`, () => {
      this.requireClip(input.clipId);
      const viewer = this.viewer();
      if (!viewer.familyId) throw new SamenError('forbidden');
      const answers = this.store.state.answers;
      const existing = answers.findIndex((a) => a.clipId === input.clipId && a.familyId === viewer.familyId);
      // "We talked about it" never erases a written answer: that answer implies the talk.
      if (existing >= 0 && input.kind === 'talked' && answers[existing]!.kind === 'text') return answers[existing]!;
      const answer: HomeAnswer = {
        id: input.id,
        clipId: input.clipId,
        familyId: viewer.familyId,
        ...(viewer.name ? { familyName: viewer.name } : {}),
        kind: input.kind,
        ...(input.kind === 'text' && input.text ? { text: input.text } : {}),
        updatedAt: new Date().toISOString(),
      };
      if (existing >= 0) answers.splice(existing, 1, answer);
      else answers.push(answer);
      this.addSeen(input.clipId, viewer.familyId);
      return answer;
    });
  }

  async markSeen(input: WriteInput & { clipId: string }, options?: RequestOptions): Promise<void> {
    await this.write('markSeen', input, options, `clip:${input.clipId}`, () => {
      this.requireClip(input.clipId);
      const familyId = this.viewer().familyId;
      if (familyId) this.addSeen(input.clipId, familyId);
      return null;
    });
  }

  async setReaction(
    input: WriteInput & { targetId: string; reaction: string; on: boolean },
    options?: RequestOptions,
  ): Promise<ReactionSummary> {
    await this.write('setReaction', input, options, `reactions:${input.targetId}`, () => {
      const familyId = this.viewer().familyId ?? this.viewerId;
      const byReaction = (this.store.state.reactions[input.targetId] ??= {});
      const families = new Set(byReaction[input.reaction] ?? []);
      if (input.on) families.add(familyId);
      else families.delete(familyId);
      byReaction[input.reaction] = [...families];
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
        ...(viewer.name ? { authorName: viewer.name } : {}),
        text: input.text,
        createdAt: new Date().toISOString(),
      };
      (this.store.state.replies[input.targetId] ??= []).push(reply);
      return reply;
    });
  }

  async award(
    input: WriteInput & { chartId: string; expectationId?: string; reason?: string },
    options?: RequestOptions,
  ): Promise<Award> {
    return this.write('award', input, options, `chart:${input.chartId}`, () => {
      const viewer = this.viewer();
      const chart = this.chart(input.chartId);
      if (viewer.role !== 'teacher' && !chart.homeStickersEnabled) throw new SamenError('forbidden');
      const award: Award = {
        id: input.id,
        source: viewer.role === 'teacher' ? 'school' : 'home',
        ...(input.expectationId ? { expectationId: input.expectationId } : {}),
        ...(input.reason ? { reason: input.reason } : {}),
        ...(viewer.name ? { givenBy: viewer.name } : {}),
        createdAt: new Date().toISOString(),
      };
      chart.awards.push(award);
      return award;
    });
  }

  async undoAward(input: WriteInput & { chartId: string; awardId: string }, options?: RequestOptions): Promise<void> {
    await this.write('undoAward', input, options, `chart:${input.chartId}`, () => {
      const chart = this.chart(input.chartId);
      chart.awards = chart.awards.filter((a) => a.id !== input.awardId);
      return null;
    });
  }

  async redeem(
    input: WriteInput & { chartId: string; nextGoal?: number; nextReward?: string },
    options?: RequestOptions,
  ): Promise<RewardChart> {
    return this.write('redeem', input, options, `chart:${input.chartId}`, () => {
      this.requireRole('teacher');
      const chart = this.chart(input.chartId);
      if (chart.awards.length < chart.goal) throw new SamenError('forbidden', 'goal not reached');
      chart.earnedRewards = [...(chart.earnedRewards ?? []), { reward: chart.reward, earnedAt: new Date().toISOString() }];
      chart.awards = [];
      if (input.nextGoal) chart.goal = input.nextGoal;
      if (input.nextReward) chart.reward = input.nextReward;
      return structuredClone(chart);
    });
  }

  async saveCheckin(
    input: WriteInput & { checkinId: string } & Omit<Checkin, 'id' | 'childName'>,
    options?: RequestOptions,
  ): Promise<Checkin> {
    // The child's own topic and every class overview the child is in.
    const classTopics = Object.entries(this.store.state.classes)
      .filter(([, children]) => children.includes(input.childId))
      .map(([classId]) => `feelings:class:${classId}`);
    return this.write('saveCheckin', input, options, [`feelings:${input.childId}`, ...classTopics], () => {
      this.requireChildAccess(input.childId);
      const { id: _writeId, checkinId, ...rest } = input;
      const checkin: Checkin = { ...rest, id: checkinId };
      const checkins = this.store.state.checkins;
      const existing = checkins.findIndex((c) => c.id === checkinId);
      if (existing >= 0) checkins.splice(existing, 1, checkin);
      else checkins.push(checkin);
      return checkin;
    });
  }

  async saveExpectationMatrix(
    input: WriteInput & { matrix: ExpectationMatrix; baseVersion: number },
    options?: RequestOptions,
  ): Promise<ExpectationMatrix> {
    return this.write('saveExpectationMatrix', input, options, `matrix:${input.matrix.id}`, () => {
      const stored = this.store.state.matrices[input.matrix.id];
      if (!stored) throw new SamenError('not-found');
      const viewer = this.viewer();
      const allowed = stored.kind === 'school' ? viewer.role === 'teacher' : viewer.role === 'parent' && viewer.familyId === stored.familyId;
      if (!allowed) throw new SamenError('forbidden');
      if (stored.version !== input.baseVersion) throw new SamenError('conflict', `stored version is ${stored.version}`);
      const saved: ExpectationMatrix = {
        ...structuredClone(input.matrix),
        kind: stored.kind,
        ...(stored.familyId ? { familyId: stored.familyId } : {}),
        version: stored.version + 1,
      };
      this.store.state.matrices[input.matrix.id] = saved;
      return structuredClone(saved);
    });
  }

  async shareSuccess(input: WriteInput & { matrixId: string; expectationId?: string; text: string }, options?: RequestOptions): Promise<Success> {
    return this.write('shareSuccess', input, options, `matrix:${input.matrixId}`, () => {
      if (!this.store.state.matrices[input.matrixId]) throw new SamenError('not-found');
      const viewer = this.viewer();
      if (viewer.role !== 'parent') throw new SamenError('forbidden');
      const success: Success = {
        id: input.id,
        matrixId: input.matrixId,
        ...(input.expectationId ? { expectationId: input.expectationId } : {}),
        text: input.text,
        createdAt: new Date().toISOString(),
        ...(viewer.name ? { familyName: viewer.name } : {}),
      };
      this.store.state.successes.push(success);
      return success;
    });
  }

  async getSuccesses(query: { matrixId: string; from?: string }, options?: RequestOptions): Promise<Success[]> {
    await this.enter('getSuccesses', query, options);
    this.requireRole('teacher');
    if (!this.store.state.matrices[query.matrixId]) throw new SamenError('not-found');
    return structuredClone(this.store.state.successes.filter((x) => x.matrixId === query.matrixId && inRange(x.createdAt, query)));
  }

  // ------------------------------------------------------------------ composing lesson clips

  /**
   * Stores the file on this device (a blob: URL to show it) after a simulated upload of
   * {@link uploadMs} in five progress steps; an aborted signal stores nothing.
   */
  async uploadMedia(input: WriteInput & { file: Blob; name: string; kind: UploadKind }, options?: UploadOptions): Promise<UploadedMedia> {
    const steps = 5;
    for (let i = 1; i <= steps; i++) {
      await delay(this.uploadMs / steps, options?.signal);
      options?.onProgress?.(i / steps);
    }
    const stored = await this.write('uploadMedia', input, options, [], () => {
      this.requireRole('teacher');
      const file = input.file;
      const check = checkUpload({ name: input.name, type: file?.type ?? '', size: file?.size ?? 0 }, input.kind);
      if (!(file instanceof Blob) || !check.ok) {
        throw new SamenError('invalid-data', 'upload refused', [{ path: 'file', message: check.ok ? 'not a file' : check.reason }]);
      }
      const mediaId = `media-${input.id}`;
      (this.store.state.uploads ??= {})[mediaId] = { kind: input.kind, type: check.type, size: file.size, name: input.name, blob: file };
      return { mediaId };
    });
    return this.uploaded(stored.mediaId);
  }

  async getUploadedMedia(mediaId: string, options?: RequestOptions): Promise<UploadedMedia> {
    await this.enter('getUploadedMedia', mediaId, options);
    return this.uploaded(mediaId);
  }

  /** Publishes to one of the teacher's classes; the media refer to this adapter's uploads. */
  async publishLessonClip(input: WriteInput & LessonClipDraft, options?: RequestOptions): Promise<LessonClip> {
    const clipId = `clip-${input.id}`;
    const raw = await this.write('publishLessonClip', input, options, `clip:${clipId}`, () => {
      this.requireRole('teacher');
      const { id: _writeId, ...rest } = input;
      const { media, ...fields } = parseOrThrow(lessonClipDraftSchema, rest, 'clip');
      if (!this.viewer().classIds?.includes(fields.classId)) throw new SamenError('forbidden');
      const clip: Record<string, unknown> = { ...fields, id: clipId, postedAt: new Date().toISOString() };
      for (const key of Object.keys(clip)) if (clip[key] === '' || clip[key] === undefined) delete clip[key];
      if (media) clip['media'] = this.mediaOfDraft(media);
      this.store.state.clips[clipId] = clip;
      return clip;
    });
    return this.withUploadUrls(withDemoUrls(raw, this.store.mediaUrl)) as unknown as LessonClip;
  }

  private mediaOfDraft(media: NonNullable<LessonClipDraft['media']>): unknown {
    const ref = (mediaId: string, kind: UploadKind) => {
      if (this.store.state.uploads?.[mediaId]?.kind !== kind) {
        throw new SamenError('invalid-data', 'unknown upload', [{ path: 'media', message: `no ${kind} upload with this id` }]);
      }
      return `upload:${mediaId}`;
    };
    if (media.kind === 'photos') return { kind: 'photos', photos: media.photos.map((p) => ({ src: ref(p.mediaId, 'photo'), alt: p.alt })) };
    const type = this.store.state.uploads?.[media.mediaId]?.type;
    return {
      kind: 'video',
      src: ref(media.mediaId, 'video'),
      ...(type ? { type } : {}),
      captions: media.captions.map((c, i) => ({ src: ref(c.mediaId, 'captions'), srclang: c.srclang, label: c.label, ...(i === 0 ? { default: true } : {}) })),
    };
  }

  private uploaded(mediaId: string): UploadedMedia {
    const upload = this.store.state.uploads?.[mediaId];
    if (!upload) throw new SamenError('not-found');
    return { mediaId, kind: upload.kind, src: uploadUrl(upload.blob), type: upload.type, size: upload.size, name: upload.name };
  }

  /** Swaps `upload:<mediaId>` references for blob: URLs of the stored files. */
  private withUploadUrls<T>(value: T): T {
    if (typeof value === 'string') {
      const upload = value.startsWith('upload:') ? this.store.state.uploads?.[value.slice(7)] : undefined;
      return (upload ? uploadUrl(upload.blob) : value) as T;
    }
    if (Array.isArray(value)) return value.map((v) => this.withUploadUrls(v)) as T;
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.withUploadUrls(v)])) as T;
    }
    return value;
  }

  // ------------------------------------------------------------------ plumbing

  /** Runs before every call; {@link LocalAdapter} loads its state here. */
  protected async ready(): Promise<void> {}

  /** Runs after every applied write; {@link LocalAdapter} saves its state here. */
  protected async persist(): Promise<void> {}

  protected notify(topic: string): void {
    for (const listener of [...(this.store.listeners.get(topic) ?? [])]) listener();
  }

  private async enter(method: Method, input: unknown, options?: RequestOptions): Promise<void> {
    this.calls.push({ method, input });
    await this.ready();
    await delay(this.latency, options?.signal);
    const failures = this.store.failures;
    const key = failures.has(method) ? method : failures.has('*') ? '*' : undefined;
    if (key === undefined) return;
    const failure = failures.get(key)!;
    failure.times -= 1;
    if (failure.times <= 0) failures.delete(key);
    throw new SamenError(failure.kind);
  }

  private async write<T>(
    method: Method,
    input: WriteInput,
    options: RequestOptions | undefined,
    topics: string | string[],
    apply: () => T,
  ): Promise<T> {
    await this.enter(method, input, options);
    const writes = this.store.state.writes;
    if (input.id in writes) return structuredClone(writes[input.id]) as T;
    const result = apply();
    writes[input.id] = result ?? null;
    this.appliedWrites += 1;
    await this.persist();
    for (const topic of [topics].flat()) this.notify(topic);
    return structuredClone(result);
  }

  private viewer(): Viewer {
    const viewer = this.store.state.viewers.find((v) => v.id === this.viewerId);
    if (!viewer) throw new SamenError('forbidden');
    return viewer;
  }

  private requireClip(clipId: string): void {
    if (this.store.state.clips[clipId] === undefined) throw new SamenError('not-found');
  }

  /** Parents see only their own children; a child no class knows is not found. */
  private requireChildAccess(childId: string): void {
    const viewer = this.viewer();
    if (viewer.role === 'parent' && !viewer.childIds?.includes(childId)) throw new SamenError('forbidden');
    if (!Object.values(this.store.state.classes).some((children) => children.includes(childId))) throw new SamenError('not-found');
  }

  private requireRole(role: Viewer['role']): void {
    if (this.viewer().role !== role) throw new SamenError('forbidden');
  }

  private chart(chartId: string): RewardChart {
    const chart = this.store.state.charts[chartId];
    if (!chart) throw new SamenError('not-found');
    return chart;
  }

  private addSeen(clipId: string, familyId: string): void {
    if (!this.store.state.seen.some((s) => s.clipId === clipId && s.familyId === familyId)) {
      this.store.state.seen.push({ clipId, familyId });
    }
  }

  private reactionSummary(targetId: string): ReactionSummary {
    const { state } = this.store;
    const byReaction = state.reactions[targetId] ?? {};
    const viewer = this.viewer();
    const familyId = viewer.familyId ?? this.viewerId;
    const counts = Object.fromEntries(Object.entries(byReaction).map(([r, families]) => [r, families.length]));
    const mine = Object.entries(byReaction).filter(([, f]) => f.includes(familyId)).map(([r]) => r);
    const replies = structuredClone(state.replies[targetId] ?? []);
    if (viewer.role !== 'teacher') {
      // Parents see counts and their own family's replies, never other families' names.
      return { targetId, counts, mine, replies: replies.filter((r) => r.familyId === familyId) };
    }
    const classId = (state.clips[targetId] as { classId?: string } | undefined)?.classId ?? viewer.classIds?.[0] ?? '';
    const families = state.families[classId] ?? [];
    const nameOf = (id: string) => families.find((f) => f.familyId === id)?.name ?? id;
    const home = new Set(HOME_REACTIONS.flatMap((r) => byReaction[r] ?? []));
    return {
      targetId,
      counts,
      mine,
      replies,
      reactors: Object.fromEntries(Object.entries(byReaction).map(([r, ids]) => [r, ids.map(nameOf)])),
      families: families.length,
      homeFamilies: home.size,
    };
  }
}

/**
 * Reach of a clip, counted per family: seen ⊇ talked about at home ⊇ answered in writing.
 * A family that answered also talked about it and saw it. Every carer of a family counts
 * as that family: a second carer who sees or answers adds nothing. Given the class's
 * families (not just their number), the families not reached yet are listed too.
 */
export function computeReach(
  clipId: string,
  families: number | readonly DemoFamily[],
  state: Pick<DemoState, 'seen' | 'answers'>,
): ClipReach {
  const answers = state.answers.filter((a) => a.clipId === clipId);
  const seen = new Set(state.seen.filter((s) => s.clipId === clipId).map((s) => s.familyId));
  for (const a of answers) seen.add(a.familyId);
  const notReached =
    typeof families === 'number'
      ? undefined
      : families.filter((f) => !seen.has(f.familyId)).map((f) => ({ familyId: f.familyId, familyName: f.name }));
  return {
    clipId,
    families: typeof families === 'number' ? families : families.length,
    seen: seen.size,
    talked: answers.length,
    answered: answers.filter((a) => a.kind === 'text').length,
    answers: structuredClone(answers).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    ...(notReached ? { notReached } : {}),
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
