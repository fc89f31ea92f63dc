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
export const OPTIONAL_WRITE_METHODS = ['publishLessonClip'] as const satisfies readonly (keyof SamenAdapter)[];
export type QueuedMethod = WriteMethod | (typeof OPTIONAL_WRITE_METHODS)[number];

export interface OutboxEntry {
  /** Order of arrival; writes are sent in this order. */
  seq?: number;
  /** The write's idempotency key: sending it twice applies it once. */
  id: string;
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
  /** Called when a queued write is refused for good (e.g. `forbidden`); the entry is dropped. */
  onRefused?: (entry: OutboxEntry, error: SamenError) => void;
  /** First retry delay in ms after a transient failure; doubles up to a minute. Default 2000. */
  backoffMs?: number;
}

/** Failures worth waiting out; every other kind is a refusal. */
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
  private readonly waiters = new Map<string, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  private readonly onOnline = () => void this.flush();

  declare uploadMedia?: SamenAdapter['uploadMedia'];
  declare getUploadedMedia?: SamenAdapter['getUploadedMedia'];
  declare publishLessonClip?: SamenAdapter['publishLessonClip'];

  constructor(
    private readonly inner: SamenAdapter,
    private readonly options: OutboxOptions = {},
  ) {
    // Straight through: a file is too big to keep on the device, and its progress is live.
    if (typeof inner.uploadMedia === 'function') this.uploadMedia = (input, o) => inner.uploadMedia!(input, o);
    if (typeof inner.getUploadedMedia === 'function') this.getUploadedMedia = (id, o) => inner.getUploadedMedia!(id, o);
    if (typeof inner.publishLessonClip === 'function') this.publishLessonClip = (input, o) => this.write('publishLessonClip', input, o);
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
    const name = this.options.dbName ?? 'samen-outbox';
    const databases = await globalThis.indexedDB?.databases?.().catch(() => undefined);
    if (databases && !databases.some((d) => d.name === name)) return;
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

  /** Sends everything queued, in order; stops at the first transient failure. */
  flush(): Promise<void> {
    this.draining ??= this.drain().finally(() => (this.draining = undefined));
    return this.draining;
  }

  /** Stops listening for `online` and retrying; queued writes stay for the next visit. */
  dispose(): void {
    globalThis.removeEventListener?.('online', this.onOnline);
    clearTimeout(this.retryTimer);
  }

  // ------------------------------------------------------------------ reads (pass through)

  getViewer: SamenAdapter['getViewer'] = (o) => this.inner.getViewer(o);
  getLessonClip: SamenAdapter['getLessonClip'] = (id, o) => this.inner.getLessonClip(id, o);
  getHomeAnswer: SamenAdapter['getHomeAnswer'] = (id, o) => this.inner.getHomeAnswer(id, o);
  getClipReach: SamenAdapter['getClipReach'] = (id, o) => this.inner.getClipReach(id, o);
  getReactions: SamenAdapter['getReactions'] = (id, o) => this.inner.getReactions(id, o);
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
    const entry: OutboxEntry = { id: input.id, method, input: structuredClone(input), queuedAt: new Date().toISOString() };
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

  private async drain(): Promise<void> {
    clearTimeout(this.retryTimer);
    for (;;) {
      const [next] = await this.pending();
      if (!next) return;
      try {
        const value = await this.send(next.method, next.input);
        await this.remove(next);
        this.failures = 0;
        this.settle(next.id, { value });
      } catch (thrown) {
        const error = toSamenError(thrown);
        if (TRANSIENT.has(error.kind)) {
          this.failures += 1;
          this.retryTimer = setTimeout(() => void this.flush(), Math.min(60_000, (this.options.backoffMs ?? 2000) * 2 ** (this.failures - 1)));
          // Everyone still waiting hears it is kept on the device; their writes go later.
          for (const entry of await this.pending()) this.settle(entry.id, { error: queuedError(error) });
          return;
        }
        await this.remove(next);
        this.options.onRefused?.(next, error);
        this.settle(next.id, { error });
      }
    }
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

/** A transient failure of a write that is safe on this device and will be sent later. */
function queuedError(cause: SamenError): SamenError {
  return new SamenError(cause.kind === 'offline' ? 'offline' : 'unavailable', 'queued on this device', [], true);
}
