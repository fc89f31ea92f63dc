import { openDB, type IDBPDatabase } from 'idb';
import type { RequestOptions, SamenAdapter, SamenTopic, Unsubscribe, WriteInput } from '../core/adapter.js';
import { deviceStorageAllowed } from '../core/context.js';
import { SamenError, toSamenError } from '../core/errors.js';

/** The adapter methods that write; each carries a client-generated `id`. */
export const WRITE_METHODS = [
  'saveHomeAnswer',
  'markSeen',
  'setReaction',
  'addReply',
  'award',
  'undoAward',
  'redeem',
  'saveCheckin',
  'saveExpectationMatrix',
  'shareSuccess',
] as const satisfies readonly (keyof SamenAdapter)[];
export type WriteMethod = (typeof WRITE_METHODS)[number];

/**
 * Optional writes the outbox queues too, offered only when the wrapped adapter has them.
 * Publishing a lesson clip is queued like any write: its input is small JSON whose media are
 * uploads already stored (the composer publishes only once they are done), and it carries
 * the clip's idempotency key, so a publish sent late, or twice (the outbox's resend and the
 * teacher's retry with the same key), makes one clip. Uploads are not queued: a video can be
 * 200 MB, too big to park in IndexedDB on a phone, and its progress only means something live.
 */
export const OPTIONAL_WRITE_METHODS = [
  'publishLessonClip',
  'addThreadMessage',
  'markThreadRead',
  'saveRsvp',
  'savePreparation',
  'chooseChartGoal',
  'submitEvaluationResponse',
  'saveEvaluation',
  'setChartChoices',
] as const satisfies readonly (keyof SamenAdapter)[];
export type QueuedMethod = WriteMethod | (typeof OPTIONAL_WRITE_METHODS)[number];

export interface OutboxEntry {
  /** Order of arrival; writes are sent in this order. */
  seq?: number;
  /** The write's idempotency key: sending it twice applies it once. */
  id: string;
  /**
   * Who queued it (the outbox's `viewerKey` then). It is sent only while that same viewer is
   * signed in. Entries kept by an earlier version have none: they are never sent (see `drain`).
   */
  viewer?: string;
  method: QueuedMethod;
  input: WriteInput;
  queuedAt: string;
}

export interface OutboxOptions {
  /** IndexedDB database for this device's outbox. Default `samen-outbox`. */
  dbName?: string;
  /**
   * `false` sends straight through and keeps nothing on the device — for shared devices
   * (a school tablet), where one family's words must not wait on the glass for the next.
   */
  enabled?: boolean;
  /**
   * Called when a queued write is refused for good (e.g. `forbidden`); the entry is dropped.
   * Also for an entry left by an earlier version without a viewer: whose it is is unknown, so it
   * is never sent for whoever is signed in now (the person's own draft in the widget still has
   * the text).
   */
  onRefused?: (entry: OutboxEntry, error: SamenError) => void;
  /** First retry delay in ms after a transient failure; doubles up to a minute. Default 2000. */
  backoffMs?: number;
  /**
   * Who is signed in now, as a string that tells people apart (your session's user id). Every
   * queued write records it, and a write is sent only while the same key is current: a write
   * queued by parent A waits on the device while parent B is signed in, and goes out once A is
   * back — never under B's credentials. Asked for every write and before every send, so give
   * a cheap one (e.g. `() => session.userId`).
   *
   * Default: the `id` of the wrapped adapter's `getViewer()`. A write records the viewer the
   * widgets last loaded through this outbox (so writing offline needs no request; a write
   * before any load asks, and when that fails is not kept but sent straight through); before
   * every send `getViewer()` is asked afresh.
   */
  viewerKey?: () => string | Promise<string>;
  /**
   * Called when a queued write is answered `signed-out` (HTTP 401: the session ended or its
   * token expired), once until the outbox is resumed. The write is never dropped for it: it
   * stays on the device, waiting widgets hear a queued `signed-out` error ("will be sent when
   * you are signed in again"), and the outbox stops retrying on its own (no timers, no
   * `online`) until the host signs the person in again (or refreshes its token) and calls
   * {@link OutboxAdapter.resume}. A successful `getViewer()` through the outbox resumes it too.
   */
  onSignedOut?: () => void | Promise<void>;
}

/** Failures worth waiting out; every other kind except `signed-out` is a refusal. */
const TRANSIENT = new Set(['offline', 'unavailable']);

/**
 * Wraps any adapter so that no write is lost on a train with bad signal. Every write is
 * first stored in an IndexedDB outbox with its client-generated id, then sent, in order.
 * When the connection fails, the write stays on the device: the caller gets a
 * `SamenError` with `queued: true` (widgets then say "saved on this device, will be
 * sent"), and the outbox sends it when the browser is back online, on a backoff timer,
 * and when a page reloads. A permanent refusal drops the entry and calls `onRefused`;
 * the widget keeps the user's text in its own draft. Reads and `subscribe` pass through.
 *
 * One device, several people (a shared tablet, a parent signing out and another in): every
 * entry records who queued it (`viewerKey`), and the outbox sends an entry only while that
 * same person is signed in; the others' entries wait on the device for them. A write answered
 * `signed-out` (401) is kept, never dropped: `onSignedOut` tells the host, which signs the
 * person in again and calls `resume()`.
 *
 * Composing lesson clips: `uploadMedia`, `getUploadedMedia` and `publishLessonClip` are here
 * only when the wrapped adapter has them (so the composer says it can't publish exactly when
 * the inner adapter can't). Uploads go straight through, never queued; publishing is queued.
 *
 * @example
 * provider.adapter = new OutboxAdapter(new HttpAdapter({ baseUrl: '/api/samen', getToken }));
 */
export class OutboxAdapter implements SamenAdapter {
  private db: Promise<IDBPDatabase | undefined> | undefined;
  /** Fallback when IndexedDB is unavailable (some private modes): kept for this visit. */
  private memory: OutboxEntry[] = [];
  private memorySeq = 0;
  private draining: Promise<void> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  /** A send was answered `signed-out`: no retries on their own until {@link resume}. */
  private signedOut = false;
  private tellSignedOut = false;
  /** The viewer the widgets last loaded through this outbox: who a write made now belongs to. */
  private lastViewer: string | undefined;
  private readonly waiters = new Map<string, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  private readonly onOnline = () => {
    if (!this.signedOut) void this.flush();
  };

  declare uploadMedia?: SamenAdapter['uploadMedia'];
  declare getUploadedMedia?: SamenAdapter['getUploadedMedia'];
  declare publishLessonClip?: SamenAdapter['publishLessonClip'];
  declare getThread?: SamenAdapter['getThread'];
  declare addThreadMessage?: SamenAdapter['addThreadMessage'];
  declare markThreadRead?: SamenAdapter['markThreadRead'];
  declare getMeeting?: SamenAdapter['getMeeting'];
  declare getRsvp?: SamenAdapter['getRsvp'];
  declare saveRsvp?: SamenAdapter['saveRsvp'];
  declare getMeetingReplies?: SamenAdapter['getMeetingReplies'];
  declare getPreparation?: SamenAdapter['getPreparation'];
  declare savePreparation?: SamenAdapter['savePreparation'];
  declare getProgrammeIntro?: SamenAdapter['getProgrammeIntro'];
  declare getClassBoard?: SamenAdapter['getClassBoard'];
  declare chooseChartGoal?: SamenAdapter['chooseChartGoal'];
  declare setChartChoices?: SamenAdapter['setChartChoices'];
  declare getProgrammeOverview?: SamenAdapter['getProgrammeOverview'];
  declare getUnreachedFamilies?: SamenAdapter['getUnreachedFamilies'];
  declare getClassRhythm?: SamenAdapter['getClassRhythm'];
  declare getEvaluation?: SamenAdapter['getEvaluation'];
  declare submitEvaluationResponse?: SamenAdapter['submitEvaluationResponse'];
  declare getEvaluationResults?: SamenAdapter['getEvaluationResults'];
  declare saveEvaluation?: SamenAdapter['saveEvaluation'];

  constructor(
    private readonly inner: SamenAdapter,
    private readonly options: OutboxOptions = {},
  ) {
    // Straight through: a file is too big to keep on the device, and its progress is live.
    if (typeof inner.uploadMedia === 'function') this.uploadMedia = (input, o) => inner.uploadMedia!(input, o);
    if (typeof inner.getUploadedMedia === 'function') this.getUploadedMedia = (id, o) => inner.getUploadedMedia!(id, o);
    if (typeof inner.publishLessonClip === 'function') this.publishLessonClip = (input, o) => this.write('publishLessonClip', input, o);
    // The class's rhythm (issue 26): a read, straight through.
    if (typeof inner.getClassRhythm === 'function') this.getClassRhythm = (query, o) => inner.getClassRhythm!(query, o);
    // The thread port (issue 24), when the wrapped adapter has it: reads straight through, messages and read marks queued.
    if (typeof inner.getThread === 'function') this.getThread = (query, o) => inner.getThread!(query, o);
    if (typeof inner.addThreadMessage === 'function') this.addThreadMessage = (input, o) => this.write('addThreadMessage', input, o);
    if (typeof inner.markThreadRead === 'function') this.markThreadRead = (input, o) => this.write('markThreadRead', input, o);
    // The class board (a read) and the child's choice on a personal chart (a write, queued) (issue 24).
    if (typeof inner.getClassBoard === 'function') this.getClassBoard = (id, o) => inner.getClassBoard!(id, o);
    if (typeof inner.chooseChartGoal === 'function') this.chooseChartGoal = (input, o) => this.write('chooseChartGoal', input, o);
    if (typeof inner.setChartChoices === 'function') this.setChartChoices = (input, o) => this.write('setChartChoices', input, o);
    // The programme overview (issue 25): reads only, straight through.
    if (typeof inner.getProgrammeOverview === 'function') this.getProgrammeOverview = (query, o) => inner.getProgrammeOverview!(query, o);
    if (typeof inner.getUnreachedFamilies === 'function') this.getUnreachedFamilies = (query, o) => inner.getUnreachedFamilies!(query, o);
    // The course's ports (issue 26), when the wrapped adapter has them: a household's reply and sheet are queued, never lost.
    if (typeof inner.getMeeting === 'function') this.getMeeting = (id, o) => inner.getMeeting!(id, o);
    if (typeof inner.getRsvp === 'function') this.getRsvp = (id, o) => inner.getRsvp!(id, o);
    if (typeof inner.saveRsvp === 'function') this.saveRsvp = (input, o) => this.write('saveRsvp', input, o);
    if (typeof inner.getMeetingReplies === 'function') this.getMeetingReplies = (id, o) => inner.getMeetingReplies!(id, o);
    if (typeof inner.getPreparation === 'function') this.getPreparation = (id, o) => inner.getPreparation!(id, o);
    if (typeof inner.savePreparation === 'function') this.savePreparation = (input, o) => this.write('savePreparation', input, o);
    if (typeof inner.getProgrammeIntro === 'function') this.getProgrammeIntro = (id, o) => inner.getProgrammeIntro!(id, o);
    // Evaluations (issue 25), when the wrapped adapter has them: reads straight through, a response and the school's questions queued, never lost.
    if (typeof inner.getEvaluation === 'function') this.getEvaluation = (id, o) => inner.getEvaluation!(id, o);
    if (typeof inner.submitEvaluationResponse === 'function')
      this.submitEvaluationResponse = (input, o) => this.write('submitEvaluationResponse', input, o);
    if (typeof inner.getEvaluationResults === 'function') this.getEvaluationResults = (query, o) => inner.getEvaluationResults!(query, o);
    if (typeof inner.saveEvaluation === 'function') this.saveEvaluation = (input, o) => this.write('saveEvaluation', input, o);
    // Batch reads (issue 23), straight through: reads are never queued.
    if (typeof inner.getLessonClips === 'function') this.getLessonClips = (ids, o) => inner.getLessonClips!(ids, o);
    if (typeof inner.getReactionSummaries === 'function') this.getReactionSummaries = (ids, o) => inner.getReactionSummaries!(ids, o);
    if (typeof inner.getHomeAnswers === 'function') this.getHomeAnswers = (ids, o) => inner.getHomeAnswers!(ids, o);
    if (this.enabled) {
      globalThis.addEventListener?.('online', this.onOnline);
      // Writes left from an earlier visit go out first.
      void this.flushLeftovers();
    }
  }

  /**
   * Opens the outbox of an earlier visit only if there is one, so nothing is created on the
   * device before the first write (by then a page may have turned device storage off).
   */
  private async flushLeftovers(): Promise<void> {
    if (!this.db && !this.memory.length) {
      const name = this.options.dbName ?? 'samen-outbox';
      const databases = await globalThis.indexedDB?.databases?.().catch(() => undefined);
      if (databases && !databases.some((d) => d.name === name)) return;
    }
    await this.flush();
  }

  private get enabled(): boolean {
    return this.options.enabled !== false;
  }

  /** What is still waiting on this device, oldest first. */
  async pending(): Promise<OutboxEntry[]> {
    const db = await this.open();
    return db ? ((await db.getAll('outbox')) as OutboxEntry[]) : [...this.memory];
  }

  /**
   * Sends everything queued by the viewer signed in now, in order; stops at the first
   * transient or `signed-out` failure. Other viewers' writes stay for them.
   */
  flush(): Promise<void> {
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
      // Told once the drain is over, so a host that resumes from its callback starts a new one.
      if (this.tellSignedOut) {
        this.tellSignedOut = false;
        void Promise.resolve()
          .then(() => this.options.onSignedOut?.())
          .catch(() => {
            // The host's callback failing changes nothing here: the writes stay until resume().
          });
      }
    });
    return this.draining;
  }

  /**
   * After `onSignedOut`: the host has signed the person in again (or refreshed its token).
   * The outbox retries on its own again, and sends what is waiting for whoever is signed in now.
   */
  resume(): Promise<void> {
    this.signedOut = false;
    return this.flush();
  }

  /** Stops listening for `online` and retrying; queued writes stay for the next visit. */
  dispose(): void {
    globalThis.removeEventListener?.('online', this.onOnline);
    clearTimeout(this.retryTimer);
  }

  // ------------------------------------------------------------------ reads (pass through)

  getViewer: SamenAdapter['getViewer'] = async (o) => {
    let viewer: Awaited<ReturnType<SamenAdapter['getViewer']>>;
    try {
      viewer = await this.inner.getViewer(o);
    } catch (error) {
      if (toSamenError(error).kind === 'signed-out') this.lastViewer = undefined;
      throw error;
    }
    const id = typeof viewer?.id === 'string' && viewer.id ? viewer.id : undefined;
    const before = this.lastViewer;
    this.lastViewer = id;
    // Someone is signed in (again, or someone else): what waits for them may go now.
    if (id && this.enabled && (this.signedOut || id !== before)) {
      this.signedOut = false;
      void this.flushLeftovers();
    }
    return viewer;
  };
  getLessonClip: SamenAdapter['getLessonClip'] = (id, o) => this.inner.getLessonClip(id, o);
  getHomeAnswer: SamenAdapter['getHomeAnswer'] = (id, o) => this.inner.getHomeAnswer(id, o);
  getClipReach: SamenAdapter['getClipReach'] = (id, o) => this.inner.getClipReach(id, o);
  getReactions: SamenAdapter['getReactions'] = (id, o) => this.inner.getReactions(id, o);
  // Batch reads (issue 23): passed through where the inner adapter has them, absent where it has not.
  getLessonClips?: SamenAdapter['getLessonClips'];
  getReactionSummaries?: SamenAdapter['getReactionSummaries'];
  getHomeAnswers?: SamenAdapter['getHomeAnswers'];
  getRewardChart: SamenAdapter['getRewardChart'] = (id, o) => this.inner.getRewardChart(id, o);
  getCheckins: SamenAdapter['getCheckins'] = (q, o) => this.inner.getCheckins(q, o);
  getClassCheckins: SamenAdapter['getClassCheckins'] = (q, o) => this.inner.getClassCheckins(q, o);
  getExpectationMatrix: SamenAdapter['getExpectationMatrix'] = (id, o) => this.inner.getExpectationMatrix(id, o);
  getSuccesses: SamenAdapter['getSuccesses'] = (q, o) => this.inner.getSuccesses(q, o);

  subscribe(topic: SamenTopic, listener: () => void): Unsubscribe {
    return this.inner.subscribe?.(topic, listener) ?? (() => {});
  }

  // ------------------------------------------------------------------ writes (through the outbox)

  saveHomeAnswer: SamenAdapter['saveHomeAnswer'] = (input, o) => this.write('saveHomeAnswer', input, o);
  markSeen: SamenAdapter['markSeen'] = (input, o) => this.write('markSeen', input, o);
  setReaction: SamenAdapter['setReaction'] = (input, o) => this.write('setReaction', input, o);
  addReply: SamenAdapter['addReply'] = (input, o) => this.write('addReply', input, o);
  award: SamenAdapter['award'] = (input, o) => this.write('award', input, o);
  undoAward: SamenAdapter['undoAward'] = (input, o) => this.write('undoAward', input, o);
  redeem: SamenAdapter['redeem'] = (input, o) => this.write('redeem', input, o);
  saveCheckin: SamenAdapter['saveCheckin'] = (input, o) => this.write('saveCheckin', input, o);
  saveExpectationMatrix: SamenAdapter['saveExpectationMatrix'] = (input, o) => this.write('saveExpectationMatrix', input, o);
  shareSuccess: SamenAdapter['shareSuccess'] = (input, o) => this.write('shareSuccess', input, o);

  private async write<T>(method: QueuedMethod, input: WriteInput, options?: RequestOptions): Promise<T> {
    if (!this.enabled) return this.send(method, input, options) as Promise<T>;
    options?.signal?.throwIfAborted();
    const viewer = await this.writerKey();
    // Unknown who is writing: not kept (it could go out later under someone else's session);
    // sent straight through, and the widget keeps its draft should it fail.
    if (!viewer) return this.send(method, input, options) as Promise<T>;
    const entry: OutboxEntry = { id: input.id, viewer, method, input: structuredClone(input), queuedAt: new Date().toISOString() };
    const result = new Promise<T>((resolve, reject) => this.waiters.set(entry.id, { resolve: resolve as (v: unknown) => void, reject }));
    await this.put(entry);
    void this.flush();
    return result;
  }

  private async send(method: QueuedMethod, input: WriteInput, options?: RequestOptions): Promise<unknown> {
    const call = this.inner[method] as ((input: WriteInput, options?: RequestOptions) => Promise<unknown>) | undefined;
    // A publish queued on an earlier visit, and the app now wraps an adapter that can't: refused for good.
    if (typeof call !== 'function') throw new SamenError('forbidden', `the adapter has no ${method}`);
    return call.call(this.inner, input, options);
  }

  /** Whose a write made now is: the host's key, else the viewer the widgets loaded last, else asked. */
  private async writerKey(): Promise<string | undefined> {
    try {
      const key = this.options.viewerKey ? await this.options.viewerKey() : (this.lastViewer ?? (await this.inner.getViewer()).id);
      return typeof key === 'string' && key ? key : undefined;
    } catch {
      return undefined;
    }
  }

  /** Who is signed in now, asked afresh before every send. */
  private async currentKey(): Promise<string> {
    const key = this.options.viewerKey ? await this.options.viewerKey() : (await this.inner.getViewer()).id;
    if (typeof key !== 'string' || !key) throw new SamenError('unavailable', 'no viewer key');
    if (!this.options.viewerKey) this.lastViewer = key;
    return key;
  }

  private async drain(): Promise<void> {
    clearTimeout(this.retryTimer);
    for (;;) {
      const all = await this.pending();
      if (!all.length) return;
      // Kept by an earlier version, before writes were kept per person: whose it is is unknown,
      // so it is never sent for whoever is signed in now. Dropped and reported.
      const orphan = all.find((e) => typeof e.viewer !== 'string' || !e.viewer);
      if (orphan) {
        const error = new SamenError('forbidden', 'queued without a viewer: not sent for whoever is signed in now');
        await this.remove(orphan);
        this.options.onRefused?.(orphan, error);
        this.settle(orphan.id, { error });
        continue;
      }
      let viewer: string;
      try {
        viewer = await this.currentKey();
      } catch (thrown) {
        this.keep(toSamenError(thrown), all);
        return;
      }
      const next = all.find((e) => e.viewer === viewer);
      if (!next) {
        // Everything left is someone else's: it waits on the device for them to sign in again.
        for (const entry of all) this.settle(entry.id, { error: queuedError(new SamenError('signed-out')) });
        return;
      }
      try {
        const value = await this.send(next.method, next.input);
        await this.remove(next);
        this.failures = 0;
        this.signedOut = false;
        this.settle(next.id, { value });
      } catch (thrown) {
        const error = toSamenError(thrown);
        if (TRANSIENT.has(error.kind) || error.kind === 'signed-out') {
          this.keep(
            error,
            all.filter((e) => e.viewer === viewer),
          );
          return;
        }
        await this.remove(next);
        this.options.onRefused?.(next, error);
        this.settle(next.id, { error });
      }
    }
  }

  /**
   * A failure that keeps the writes: signed out (the host hears it once and resumes us), or
   * anything else worth waiting out (retried on a backoff timer). Everyone still waiting hears
   * their write is kept on the device and goes later.
   */
  private keep(error: SamenError, entries: OutboxEntry[]): void {
    if (error.kind === 'signed-out') {
      if (!this.signedOut) this.tellSignedOut = true;
      this.signedOut = true;
      for (const entry of entries) this.settle(entry.id, { error: queuedError(error) });
      return;
    }
    this.failures += 1;
    this.retryTimer = setTimeout(() => void this.flush(), Math.min(60_000, (this.options.backoffMs ?? 2000) * 2 ** (this.failures - 1)));
    for (const entry of entries) this.settle(entry.id, { error: queuedError(error) });
  }

  private settle(id: string, outcome: { value?: unknown; error?: SamenError }): void {
    const waiter = this.waiters.get(id);
    if (!waiter) return;
    this.waiters.delete(id);
    if (outcome.error) waiter.reject(outcome.error);
    else waiter.resolve(outcome.value);
  }

  // ------------------------------------------------------------------ storage

  private open(): Promise<IDBPDatabase | undefined> {
    // Device storage turned off for the page: the queue lives in memory for this visit.
    if (!this.db && !deviceStorageAllowed()) return Promise.resolve(undefined);
    this.db ??= openDB(this.options.dbName ?? 'samen-outbox', 1, {
      upgrade(db) {
        const store = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
        store.createIndex('id', 'id', { unique: true });
      },
    }).catch(() => undefined);
    return this.db;
  }

  private async put(entry: OutboxEntry): Promise<void> {
    const db = await this.open();
    if (!db) {
      if (!this.memory.some((e) => e.id === entry.id)) this.memory.push({ ...entry, seq: ++this.memorySeq });
      return;
    }
    // A write retried by the widget with the same id is already queued: keep one.
    if (await db.getKeyFromIndex('outbox', 'id', entry.id)) return;
    await db.add('outbox', entry);
  }

  private async remove(entry: OutboxEntry): Promise<void> {
    const db = await this.open();
    if (db && entry.seq !== undefined) await db.delete('outbox', entry.seq);
    else this.memory = this.memory.filter((e) => e.id !== entry.id);
  }
}

/**
 * A write that is safe on this device and will be sent later: when the connection is back
 * (`offline`, `unavailable`) or when its person has signed in again (`signed-out`).
 */
function queuedError(cause: SamenError): SamenError {
  const kind = cause.kind === 'offline' || cause.kind === 'signed-out' ? cause.kind : 'unavailable';
  return new SamenError(kind, 'queued on this device', [], true);
}
