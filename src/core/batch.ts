import type { BatchReadPort, LessonClipPort, RequestOptions } from './adapter.js';
import type { HomeAnswer } from '../lesson-clip/schemas.js';

/**
 * Reads of one kind asked in the same moment, sent as one call (issue 23): twenty lesson clips
 * that come into view together ask `getLessonClips` once instead of `getLessonClip` twenty times.
 * Only where the adapter offers the batch method; without it, and for a read asked alone, the
 * single method as before. A batch that fails is asked again read by read.
 */
type Single<T> = (id: string, options?: RequestOptions) => Promise<T>;
type Many<T> = (ids: string[], options?: RequestOptions) => Promise<readonly (T | null | undefined)[]>;

interface Waiter<T> {
  resolve(value: T): void;
  reject(reason: unknown): void;
  signal: AbortSignal | undefined;
}

interface Batch<T> {
  waiters: Map<string, Waiter<T>[]>;
  single: Single<T>;
  many: Many<T>;
}

/** The batch being gathered, per adapter and batch method. */
const gathering = new WeakMap<object, Map<Many<unknown>, Batch<unknown>>>();

/**
 * Reads `id` with `adapter`'s `single` method, or together with the other reads of the same
 * kind asked before this microtask ends with its `many` method when the adapter has it. An id
 * the batch answers with `null` (or leaves out) is asked alone, so its own error (not found,
 * forbidden) shows as before. Each caller's `signal` aborts its own wait; the batch request is
 * aborted when every caller has gone.
 *
 * @example batchedRead(adapter, adapter.getLessonClip, adapter.getLessonClips, clipId, signal)
 */
export function batchedRead<T>(
  adapter: object,
  single: Single<T>,
  many: Many<T> | undefined,
  id: string,
  signal?: AbortSignal,
): Promise<T> {
  if (typeof many !== 'function') return single.call(adapter, id, { signal });
  if (signal?.aborted) return Promise.reject(signal.reason);
  let batches = gathering.get(adapter);
  if (!batches) gathering.set(adapter, (batches = new Map<Many<unknown>, Batch<unknown>>()));
  const kind = many as Many<unknown>;
  let batch = batches.get(kind) as Batch<T> | undefined;
  if (!batch) {
    const fresh: Batch<T> = {
      waiters: new Map(),
      single: (one, options) => single.call(adapter, one, options),
      many: (ids, options) => many.call(adapter, ids, options),
    };
    batches.set(kind, fresh);
    const own = batches;
    queueMicrotask(() => {
      if (own.get(kind) === (fresh as Batch<unknown>)) own.delete(kind);
      send(fresh);
    });
    batch = fresh;
  }
  const waiters = batch.waiters;
  return new Promise<T>((resolve, reject) => {
    const list = waiters.get(id) ?? [];
    list.push({ resolve, reject, signal });
    waiters.set(id, list);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

function send<T>(batch: Batch<T>): void {
  // Whoever is still waiting: the others left the page in the meantime.
  const ids = [...batch.waiters.keys()].filter((id) => batch.waiters.get(id)!.some((w) => !w.signal?.aborted));
  if (ids.length === 0) return;
  const abort = new AbortController();
  const waiting = ids.flatMap((id) => batch.waiters.get(id)!);
  const signals = waiting.map((w) => w.signal);
  if (signals.every(Boolean)) {
    let left = signals.filter((s) => !s!.aborted).length;
    for (const s of signals) s!.addEventListener('abort', () => --left === 0 && abort.abort(s!.reason), { once: true });
  }
  const alone = (id: string) => {
    const list = batch.waiters.get(id)!;
    const live = list.filter((w) => !w.signal?.aborted);
    // One request per id, aborted when all its callers have gone.
    const own = new AbortController();
    let left = live.length;
    for (const w of live) {
      if (w.signal) w.signal.addEventListener('abort', () => --left === 0 && own.abort(w.signal!.reason), { once: true });
      else left = Infinity;
    }
    batch.single(id, { signal: own.signal }).then(
      (value) => list.forEach((w) => w.resolve(value)),
      (error: unknown) => list.forEach((w) => w.reject(error)),
    );
  };
  if (ids.length === 1) {
    alone(ids[0]!);
    return;
  }
  batch.many(ids, { signal: abort.signal }).then(
    (values) =>
      ids.forEach((id, i) => {
        const value: T | null | undefined = Array.isArray(values) ? (values as readonly (T | null | undefined)[])[i] : undefined;
        if (value === null || value === undefined) alone(id);
        else batch.waiters.get(id)!.forEach((w) => w.resolve(value));
      }),
    // A batch that fails (an older server without the route, a hiccup): each read alone, with its own answer.
    () => {
      if (!abort.signal.aborted) ids.forEach(alone);
    },
  );
}

type Answers = Pick<LessonClipPort, 'getHomeAnswer'> & Pick<BatchReadPort, 'getHomeAnswers'>;

/** A home answer as the batch carries it: `null` is an answer too ("none yet"), so it is boxed. */
interface Boxed {
  answer: HomeAnswer | null;
}
function oneAnswer(this: Answers, clipId: string, options?: RequestOptions): Promise<Boxed> {
  return this.getHomeAnswer(clipId, options).then((answer) => ({ answer }));
}
function manyAnswers(this: Answers, clipIds: string[], options?: RequestOptions): Promise<(Boxed | undefined)[]> {
  return this.getHomeAnswers!(clipIds, options).then((list) =>
    clipIds.map((_, i) => (Array.isArray(list) && i < list.length ? { answer: list[i] ?? null } : undefined)),
  );
}

/**
 * The viewer's answer to `clipId` (issue 23), with the other clips' asked in the same moment in
 * one `getHomeAnswers` call where the adapter has it. Its `null` means "no answer yet", as the
 * single read's: the clip is not asked again (one the viewer may not read shows the error of
 * its own clip read).
 */
export async function batchedHomeAnswer(adapter: Answers, clipId: string, signal?: AbortSignal): Promise<HomeAnswer | null> {
  const many = typeof adapter.getHomeAnswers === 'function' ? manyAnswers : undefined;
  return (await batchedRead<Boxed>(adapter, oneAnswer, many, clipId, signal)).answer;
}
