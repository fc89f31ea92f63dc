import {
  newId,
  type RequestOptions,
  type SamenAdapter,
  type SamenTopic,
  type Unsubscribe,
  type UploadOptions,
  type WriteInput,
} from '../core/adapter.js';
import { SAMEN_ERROR_KINDS, SamenError, toSamenError, type SamenErrorKind } from '../core/errors.js';
import { isSafeId } from '../core/policy.js';
import type { Programme, Viewer } from '../core/schemas.js';
import type { ClassRhythm, LessonClipDraft, UploadedMedia, UploadKind } from '../clip-composer/schemas.js';
import type { ExpectationMatrix, Success } from '../expectation-matrix/schemas.js';
import type { ReactionSummary, Reply } from '../feedback-bar/schemas.js';
import type { Checkin } from '../feelings-checkin/schemas.js';
import type { ClipReach, HomeAnswer, HomeAnswerKind, LessonClip } from '../lesson-clip/schemas.js';
import type { Award, ChartChoice, RewardChart } from '../reward-chart/schemas.js';
import type { ClassBoard } from '../lesson-clip/board.js';
import type { Thread, ThreadKey, ThreadMessage } from '../thread/schemas.js';
import type { ProgrammeOverview, ProgrammeOverviewQuery, UnreachedFamilies } from '../programme-overview/schemas.js';
import type { Meeting, MeetingReplies, Preparation, PreparationInput, Rsvp, RsvpInput } from '../meeting/schemas.js';
import type { ProgrammeIntro } from '../programme-intro/schemas.js';
import type { Evaluation, EvaluationDraft, EvaluationReceipt, EvaluationResponseInput, EvaluationResults } from '../evaluation/schemas.js';

/**
 * Every {@link SamenAdapter} method the bridge carries, and nothing else: the host calls
 * only names on this list, so a framed page can never reach other properties of the
 * host's adapter (`constructor`, `__proto__`, test helpers, …). `subscribe` travels as
 * its own message type. Adding a method to `SamenAdapter` without adding it here fails
 * to compile, because {@link BridgeAdapter} must implement it through this list.
 */
export const BRIDGE_METHODS = Object.freeze([
  'getViewer',
  'getLessonClip',
  'getHomeAnswer',
  'saveHomeAnswer',
  'markSeen',
  'getClipReach',
  'getReactions',
  'setReaction',
  'addReply',
  'getRewardChart',
  'award',
  'undoAward',
  'redeem',
  'getCheckins',
  'getClassCheckins',
  'saveCheckin',
  'getExpectationMatrix',
  'saveExpectationMatrix',
  'shareSuccess',
  'getSuccesses',
  'uploadMedia',
  'getUploadedMedia',
  'publishLessonClip',
  'getThread',
  'addThreadMessage',
  'markThreadRead',
  'getLessonClips',
  'getReactionSummaries',
  'getHomeAnswers',
  'getProgrammeOverview',
  'getUnreachedFamilies',
  'getMeeting',
  'getRsvp',
  'saveRsvp',
  'getMeetingReplies',
  'getPreparation',
  'savePreparation',
  'getProgrammeIntro',
  'getClassRhythm',
  'getEvaluation',
  'submitEvaluationResponse',
  'getEvaluationResults',
  'saveEvaluation',
  'getClassBoard',
  'chooseChartGoal',
  'setChartChoices',
] as const satisfies readonly Exclude<keyof SamenAdapter, 'subscribe'>[]);

export type BridgeMethod = (typeof BRIDGE_METHODS)[number];

/** What an error looks like on the wire: a kind and a short developer message, never data or a stack. */
export interface BridgeError {
  kind: string;
  message: string;
}

/**
 * The whole protocol, both directions. Every message is a plain object (JSON-compatible
 * apart from `undefined`) marked `samen: 1`, so other postMessage traffic on the page
 * (video embeds, extensions) is told apart and ignored.
 */
export type BridgeMessage =
  | { samen: 1; type: 'request'; id: string; method: string; args: unknown[] }
  | { samen: 1; type: 'response'; id: string; ok: true; value: unknown }
  | { samen: 1; type: 'response'; id: string; ok: false; error: BridgeError }
  | { samen: 1; type: 'abort'; id: string }
  | { samen: 1; type: 'subscribe'; id: string; topic: SamenTopic }
  | { samen: 1; type: 'unsubscribe'; id: string }
  | { samen: 1; type: 'event'; id?: string; topic: SamenTopic }
  | { samen: 1; type: 'progress'; id: string; fraction: number };

export interface BridgeAdapterOptions {
  /** The window that answers, e.g. `window.parent` for a page inside an iframe. */
  target: Window;
  /**
   * The exact origin of `target`, e.g. `https://app.school.example`. Requests are posted
   * only to it and answers are accepted only from it; `*` is refused.
   */
  targetOrigin: string;
  /** Milliseconds to wait for an answer before rejecting with `unavailable`. Default 15000; `Infinity` waits forever. */
  timeoutMs?: number;
  /** Called with the origin of every Samen message that came from another window or origin (and was dropped). */
  onForeignMessage?: (origin: string) => void;
  /**
   * Whether the host's adapter composes lesson clips (`uploadMedia`, `getUploadedMedia`,
   * `publishLessonClip`). Default `true`; `false` leaves the three methods out, so
   * `<samen-clip-composer>` says it can't publish here instead of failing on each upload.
   */
  composing?: boolean;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  progress?: ((fraction: number) => void) | undefined;
}

/**
 * A {@link SamenAdapter} for a page that runs inside an iframe or a WebView: every call is
 * posted to the host window with `postMessage`, and the host answers with its own adapter
 * (see `serveBridge` in `@samen/widgets/adapters/bridge-host`, or the JSON protocol in
 * `docs/bridge.md` for native hosts).
 *
 * - Requests go only to `targetOrigin`; answers count only when they come from `target`
 *   *and* `targetOrigin`. Other Samen messages are dropped, counted in
 *   {@link droppedMessages} and reported to `onForeignMessage`. Anything without
 *   `samen: 1`, or malformed, is ignored without a sound.
 * - A call without an answer after `timeoutMs` rejects with `SamenError('unavailable')`
 *   (`offline` when the browser knows it is offline), and the host is told to abort it.
 * - Aborting a call's `signal` rejects it with an `AbortError` and tells the host to abort.
 * - Error kinds from the host are trusted only when they are known Samen kinds; anything
 *   else becomes `unavailable`.
 * - Inputs are checked as the host checks them ({@link BRIDGE_INPUTS}): an unsafe id or a
 *   `__proto__` key rejects with `invalid-data` before anything is sent, and only the method's
 *   fields are sent. A topic that is not `<kind>:<safe id>` is not subscribed to.
 *
 * @example
 * import { BridgeAdapter } from '@samen/widgets/adapters/bridge';
 * // In the framed page; the app that frames us lives at https://app.school.example.
 * const adapter = new BridgeAdapter({ target: window.parent, targetOrigin: 'https://app.school.example' });
 * document.querySelector('samen-provider').adapter = adapter;
 */
export class BridgeAdapter implements SamenAdapter {
  private readonly target: Window;
  private readonly targetOrigin: string;
  private readonly timeoutMs: number;
  private readonly onForeignMessage: ((origin: string) => void) | undefined;
  private readonly pending = new Map<string, Pending>();
  private readonly subscriptions = new Map<string, { topic: SamenTopic; listener: () => void }>();
  private dropped = 0;
  private listening = false;
  private disposed = false;

  /** @throws {TypeError} when `targetOrigin` is `*` or not a bare origin such as `https://app.example`. */
  constructor(options: BridgeAdapterOptions) {
    assertExactOrigin(options.targetOrigin, 'targetOrigin');
    this.target = options.target;
    this.targetOrigin = options.targetOrigin;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.onForeignMessage = options.onForeignMessage;
    if (options.composing === false)
      Object.assign(this, { uploadMedia: undefined, getUploadedMedia: undefined, publishLessonClip: undefined });
  }

  /** How many Samen messages from a wrong window or origin were dropped. */
  get droppedMessages(): number {
    return this.dropped;
  }

  // ------------------------------------------------------------------ reads

  getViewer(options?: RequestOptions): Promise<Viewer> {
    return this.call('getViewer', [], options);
  }
  getLessonClip(clipId: string, options?: RequestOptions): Promise<LessonClip> {
    return this.call('getLessonClip', [clipId], options);
  }
  getHomeAnswer(clipId: string, options?: RequestOptions): Promise<HomeAnswer | null> {
    return this.call('getHomeAnswer', [clipId], options);
  }
  getClipReach(clipId: string, options?: RequestOptions): Promise<ClipReach> {
    return this.call('getClipReach', [clipId], options);
  }
  getReactions(targetId: string, options?: RequestOptions): Promise<ReactionSummary> {
    return this.call('getReactions', [targetId], options);
  }

  // ------------------------------------------------------------------ batch reads (issue 23)

  /**
   * Several clips in one message. A host whose adapter has no `getLessonClips` answers with an
   * error, and the widgets then read each clip alone.
   */
  getLessonClips(clipIds: string[], options?: RequestOptions): Promise<(LessonClip | null)[]> {
    return this.call('getLessonClips', [clipIds], options);
  }
  /** Several targets' reactions in one message (as {@link getLessonClips}). */
  getReactionSummaries(targetIds: string[], options?: RequestOptions): Promise<(ReactionSummary | null)[]> {
    return this.call('getReactionSummaries', [targetIds], options);
  }
  /** Several clips' home answers in one message (as {@link getLessonClips}; `null` is also "no answer yet"). */
  getHomeAnswers(clipIds: string[], options?: RequestOptions): Promise<(HomeAnswer | null)[]> {
    return this.call('getHomeAnswers', [clipIds], options);
  }
  getRewardChart(chartId: string, options?: RequestOptions): Promise<RewardChart> {
    return this.call('getRewardChart', [chartId], options);
  }
  getCheckins(query: { childId: string; from?: string; to?: string }, options?: RequestOptions): Promise<Checkin[]> {
    return this.call('getCheckins', [query], options);
  }
  getClassCheckins(query: { classId: string; from?: string; to?: string }, options?: RequestOptions): Promise<Checkin[]> {
    return this.call('getClassCheckins', [query], options);
  }
  getExpectationMatrix(matrixId: string, options?: RequestOptions): Promise<ExpectationMatrix> {
    return this.call('getExpectationMatrix', [matrixId], options);
  }
  getSuccesses(query: { matrixId: string; from?: string }, options?: RequestOptions): Promise<Success[]> {
    return this.call('getSuccesses', [query], options);
  }

  // ------------------------------------------------------------------ writes

  saveHomeAnswer(
    input: WriteInput & { clipId: string; kind: HomeAnswerKind; text?: string },
    options?: RequestOptions,
  ): Promise<HomeAnswer> {
    return this.call('saveHomeAnswer', [input], options);
  }
  async markSeen(input: WriteInput & { clipId: string }, options?: RequestOptions): Promise<void> {
    await this.call('markSeen', [input], options);
  }
  setReaction(input: WriteInput & { targetId: string; reaction: string; on: boolean }, options?: RequestOptions): Promise<ReactionSummary> {
    return this.call('setReaction', [input], options);
  }
  addReply(input: WriteInput & { targetId: string; text: string }, options?: RequestOptions): Promise<Reply> {
    return this.call('addReply', [input], options);
  }
  award(
    input: WriteInput & { chartId: string; expectationId?: string; reason?: string; childId?: string },
    options?: RequestOptions,
  ): Promise<Award> {
    return this.call('award', [input], options);
  }
  async undoAward(input: WriteInput & { chartId: string; awardId: string }, options?: RequestOptions): Promise<void> {
    await this.call('undoAward', [input], options);
  }
  redeem(input: WriteInput & { chartId: string; nextGoal?: number; nextReward?: string }, options?: RequestOptions): Promise<RewardChart> {
    return this.call('redeem', [input], options);
  }
  // The child's own voice (issue 24): the class board, the child's pick, the options the adults allow.
  getClassBoard(clipId: string, options?: RequestOptions): Promise<ClassBoard> {
    return this.call('getClassBoard', [clipId], options);
  }
  chooseChartGoal(
    input: WriteInput & { chartId: string; wordsId?: string; rewardId?: string },
    options?: RequestOptions,
  ): Promise<RewardChart> {
    return this.call('chooseChartGoal', [input], options);
  }
  setChartChoices(
    input: WriteInput & { chartId: string; words: ChartChoice[]; rewards: ChartChoice[] },
    options?: RequestOptions,
  ): Promise<RewardChart> {
    return this.call('setChartChoices', [input], options);
  }
  saveCheckin(input: WriteInput & { checkinId: string } & Omit<Checkin, 'id' | 'childName'>, options?: RequestOptions): Promise<Checkin> {
    return this.call('saveCheckin', [input], options);
  }
  saveExpectationMatrix(
    input: WriteInput & { matrix: ExpectationMatrix; baseVersion: number },
    options?: RequestOptions,
  ): Promise<ExpectationMatrix> {
    return this.call('saveExpectationMatrix', [input], options);
  }
  shareSuccess(input: WriteInput & { matrixId: string; expectationId?: string; text: string }, options?: RequestOptions): Promise<Success> {
    return this.call('shareSuccess', [input], options);
  }

  // ------------------------------------------------------------------ composing lesson clips

  /**
   * The file travels in the message (a Blob is structured-cloneable, the bytes are not
   * copied twice); the host's progress comes back as `progress` messages when it sends them.
   */
  uploadMedia(input: WriteInput & { file: Blob; name: string; kind: UploadKind }, options?: UploadOptions): Promise<UploadedMedia> {
    return this.call('uploadMedia', [input], options, options?.onProgress);
  }
  getUploadedMedia(mediaId: string, options?: RequestOptions): Promise<UploadedMedia> {
    return this.call('getUploadedMedia', [mediaId], options);
  }
  publishLessonClip(input: WriteInput & LessonClipDraft, options?: RequestOptions): Promise<LessonClip> {
    return this.call('publishLessonClip', [input], options);
  }
  /** The class's posted and planned lessons of a programme (issue 26). */
  getClassRhythm(query: { classId: string; programme: Programme }, options?: RequestOptions): Promise<ClassRhythm> {
    return this.call('getClassRhythm', [query], options);
  }

  // ------------------------------------------------------------------ programme overview (issue 25)

  getProgrammeOverview(query: ProgrammeOverviewQuery, options?: RequestOptions): Promise<ProgrammeOverview> {
    return this.call('getProgrammeOverview', [query], options);
  }
  getUnreachedFamilies(query: ProgrammeOverviewQuery & { classId: string }, options?: RequestOptions): Promise<UnreachedFamilies> {
    return this.call('getUnreachedFamilies', [query], options);
  }

  // ------------------------------------------------------------------ evaluations (issue 25)

  getEvaluation(evaluationId: string, options?: RequestOptions): Promise<Evaluation> {
    return this.call('getEvaluation', [evaluationId], options);
  }
  submitEvaluationResponse(input: WriteInput & EvaluationResponseInput, options?: RequestOptions): Promise<EvaluationReceipt> {
    return this.call('submitEvaluationResponse', [input], options);
  }
  getEvaluationResults(query: { programmeRunId: string }, options?: RequestOptions): Promise<EvaluationResults> {
    return this.call('getEvaluationResults', [query], options);
  }
  saveEvaluation(input: WriteInput & EvaluationDraft, options?: RequestOptions): Promise<Evaluation> {
    return this.call('saveEvaluation', [input], options);
  }

  // ------------------------------------------------------------------ threads (issue 24)

  getThread(query: ThreadKey, options?: RequestOptions): Promise<Thread> {
    return this.call('getThread', [query], options);
  }
  addThreadMessage(input: WriteInput & ThreadKey & { text: string }, options?: RequestOptions): Promise<ThreadMessage> {
    return this.call('addThreadMessage', [input], options);
  }
  markThreadRead(input: WriteInput & ThreadKey, options?: RequestOptions): Promise<void> {
    return this.call('markThreadRead', [input], options);
  }

  // ------------------------------------------------------------------ the programme's course (issue 26)

  getMeeting(meetingId: string, options?: RequestOptions): Promise<Meeting> {
    return this.call('getMeeting', [meetingId], options);
  }
  getRsvp(meetingId: string, options?: RequestOptions): Promise<Rsvp | null> {
    return this.call('getRsvp', [meetingId], options);
  }
  saveRsvp(input: WriteInput & RsvpInput, options?: RequestOptions): Promise<Rsvp> {
    return this.call('saveRsvp', [input], options);
  }
  getMeetingReplies(meetingId: string, options?: RequestOptions): Promise<MeetingReplies> {
    return this.call('getMeetingReplies', [meetingId], options);
  }
  getPreparation(meetingId: string, options?: RequestOptions): Promise<Preparation | null> {
    return this.call('getPreparation', [meetingId], options);
  }
  savePreparation(input: WriteInput & PreparationInput, options?: RequestOptions): Promise<Preparation> {
    return this.call('savePreparation', [input], options);
  }
  getProgrammeIntro(introId: string, options?: RequestOptions): Promise<ProgrammeIntro> {
    return this.call('getProgrammeIntro', [introId], options);
  }

  // ------------------------------------------------------------------ live updates

  /** Asks the host to forward changes under `topic`; one host subscription per call. */
  subscribe(topic: SamenTopic, listener: () => void): Unsubscribe {
    // A topic the host would drop (not `<kind>:<safe id>`) is not sent at all.
    if (this.disposed || !isBridgeTopic(topic)) return () => {};
    this.listen();
    const id = newId();
    this.subscriptions.set(id, { topic, listener });
    this.post({ samen: 1, type: 'subscribe', id, topic });
    return () => {
      // Widgets may call their unsubscribe twice (disconnect, then reload); the host hears it once.
      if (this.subscriptions.delete(id)) this.post({ samen: 1, type: 'unsubscribe', id });
    };
  }

  /**
   * Stops listening: pending calls reject with `not-connected`, the host is told to abort
   * them and to drop every subscription, and later calls reject at once.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const [id, pending] of [...this.pending]) {
      this.post({ samen: 1, type: 'abort', id });
      pending.reject(new SamenError('not-connected', 'the bridge was disposed'));
    }
    for (const id of this.subscriptions.keys()) this.post({ samen: 1, type: 'unsubscribe', id });
    this.subscriptions.clear();
    if (this.listening) {
      window.removeEventListener('message', this.onMessage);
      window.removeEventListener('pagehide', this.onPageHide);
      window.removeEventListener('pageshow', this.onPageShow);
    }
    this.listening = false;
  }

  // ------------------------------------------------------------------ plumbing

  private call<T>(method: BridgeMethod, args: unknown[], options?: RequestOptions, progress?: (fraction: number) => void): Promise<T> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    if (this.disposed) return Promise.reject(new SamenError('not-connected', 'the bridge was disposed'));
    // The host checks every input the same way; refusing here says so before anything is sent.
    const checked = readBridgeArgs(method, args);
    if (!checked.ok) {
      return Promise.reject(
        new SamenError('invalid-data', `invalid input for ${method}`, [{ path: checked.path, message: 'refused at the bridge' }]),
      );
    }
    this.listen();
    const id = newId();
    return new Promise<T>((resolve, reject) => {
      const settle = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.pending.delete(id);
      };
      const onAbort = () => {
        settle();
        this.post({ samen: 1, type: 'abort', id });
        reject(abortError(signal));
      };
      const onTimeout = () => {
        settle();
        // The host may still be working on it; tell it to stop so a late write is not half-done work.
        this.post({ samen: 1, type: 'abort', id });
        const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
        reject(new SamenError(offline ? 'offline' : 'unavailable', `no answer to ${method} within ${this.timeoutMs} ms`));
      };
      // No timer for Infinity: setTimeout would fire at once (delays past 2^31 - 1 ms overflow).
      const timer = Number.isFinite(this.timeoutMs) ? setTimeout(onTimeout, this.timeoutMs) : undefined;
      this.pending.set(id, {
        resolve: (value) => {
          settle();
          resolve(value as T);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
        progress,
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        this.target.postMessage({ samen: 1, type: 'request', id, method, args: checked.args } satisfies BridgeMessage, this.targetOrigin);
      } catch (error) {
        settle();
        // DataCloneError: the input held something postMessage can't copy (a function, a DOM node).
        // Checked by name: the exception may come from the target window's realm.
        const unclonable = (error as { name?: unknown } | null)?.name === 'DataCloneError';
        reject(new SamenError(unclonable ? 'invalid-data' : 'unavailable', `${method} could not be sent`));
      }
    });
  }

  /** Control messages (abort, subscribe, …) are best effort: a gone host has nothing left to clean up. */
  private post(message: BridgeMessage): void {
    try {
      this.target.postMessage(message, this.targetOrigin);
    } catch {
      // Nothing to do: the host window is gone or refuses us, and the caller has already settled.
    }
  }

  /** Listens from the first call on, so constructing the adapter (e.g. during SSR) touches no window. */
  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    window.addEventListener('message', this.onMessage);
    window.addEventListener('pagehide', this.onPageHide);
    window.addEventListener('pageshow', this.onPageShow);
  }

  /**
   * The host serves one window across reloads and navigations, and can't see our page go:
   * without this, every reload would leave the old page's subscriptions running at the host.
   */
  private readonly onPageHide = (): void => {
    for (const id of this.subscriptions.keys()) this.post({ samen: 1, type: 'unsubscribe', id });
  };

  /** Back from the back/forward cache: the widgets still think they listen, so listen again. */
  private readonly onPageShow = (event: PageTransitionEvent): void => {
    if (!event.persisted) return;
    for (const [id, { topic }] of this.subscriptions) this.post({ samen: 1, type: 'subscribe', id, topic });
  };

  private readonly onMessage = (event: MessageEvent): void => {
    if (!isSamenMessage(event.data)) return;
    if (event.origin !== this.targetOrigin || event.source !== this.target) {
      this.dropped += 1;
      this.onForeignMessage?.(event.origin);
      return;
    }
    const message = readBridgeMessage(event.data);
    if (message?.type === 'response') {
      // An unknown id is a late answer to a call that timed out or was aborted: nobody waits for it.
      const pending = this.pending.get(message.id);
      if (!pending) return;
      if (message.ok) pending.resolve(message.value);
      else pending.reject(fromBridgeError(message.error));
    } else if (message?.type === 'progress') {
      this.pending.get(message.id)?.progress?.(message.fraction);
    } else if (message?.type === 'event') {
      for (const [id, subscription] of [...this.subscriptions]) {
        // With an id the event is for that subscription only; a host that sends only the topic reaches every listener on it.
        if (subscription.topic === message.topic && (message.id === undefined || message.id === id)) subscription.listener();
      }
    }
    // Requests and other host-bound messages are not ours: a WebView bridge that posts to its own window sees them echoed.
  };
}

// ------------------------------------------------------------------ shared by both ends

const MAX_ID_LENGTH = 128;
const MAX_MESSAGE_LENGTH = 200;
const TOPIC_KINDS: readonly string[] = ['clip', 'reactions', 'chart', 'feelings', 'matrix', 'thread', 'meeting', 'intro', 'board'];

/** True for anything marked as Samen traffic, before its shape is checked. */
export function isSamenMessage(data: unknown): data is { samen: 1 } {
  return typeof data === 'object' && data !== null && ownField(data, 'samen') === 1;
}

/** `data[key]` when it is `data`'s own field: a message's fields are never read off a prototype. */
function ownField(data: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(data, key) ? (data as Record<string, unknown>)[key] : undefined;
}

/**
 * A topic is `<kind>:<id>` (`feelings:class:<classId>` for a class overview) whose id is a safe
 * id ({@link isSafeId}): `clip:__proto__` or `feelings:class:constructor` never reach a host.
 */
export function isBridgeTopic(topic: unknown): topic is SamenTopic {
  if (typeof topic !== 'string') return false;
  const colon = topic.indexOf(':');
  if (colon < 0 || !TOPIC_KINDS.includes(topic.slice(0, colon))) return false;
  const id = topic.slice(colon + 1);
  return isSafeId(topic.startsWith('feelings:class:') ? id.slice('class:'.length) : id);
}

// ------------------------------------------------------------------ inputs

type FieldKind = 'id' | 'text' | 'number' | 'boolean' | 'data' | 'file';
/** The most ids one batch read carries. */
export const BRIDGE_MAX_BATCH = 100;
/** The fields of an object input, each a kind; `?` marks an optional one. */
type Fields = Readonly<Record<string, FieldKind | `${FieldKind}?`>>;

/**
 * What each method takes as its one argument: nothing, an id, a list of 1 to
 * {@link BRIDGE_MAX_BATCH} ids (a batch read), or an object with these fields
 * (and no others: anything else is left behind). Both ends read every input through
 * {@link readBridgeArgs}; the host calls its adapter only with what that returns.
 *
 * - `id`: a safe id ({@link isSafeId}: letters, digits and `_ . : @ -`, not `__proto__`,
 *   `constructor`, `prototype`…), for every id, idempotency key, reaction and feeling.
 * - `text`, `number` (finite), `boolean`: that type. `file`: a Blob.
 * - `data` (a matrix, a clip's media): plain JSON-like data, copied; no key anywhere may be
 *   `__proto__`, `constructor` or `prototype`, and every string under a key `id` or `…Id` is a safe id.
 */
export const BRIDGE_INPUTS: Readonly<Record<BridgeMethod, 'none' | 'id' | 'ids' | Fields>> = {
  getViewer: 'none',
  getLessonClip: 'id',
  getHomeAnswer: 'id',
  saveHomeAnswer: { id: 'id', clipId: 'id', kind: 'text', text: 'text?' },
  markSeen: { id: 'id', clipId: 'id' },
  getClipReach: 'id',
  getReactions: 'id',
  setReaction: { id: 'id', targetId: 'id', reaction: 'id', on: 'boolean' },
  addReply: { id: 'id', targetId: 'id', text: 'text' },
  getRewardChart: 'id',
  award: { id: 'id', chartId: 'id', expectationId: 'id?', reason: 'text?', childId: 'id?' },
  undoAward: { id: 'id', chartId: 'id', awardId: 'id' },
  redeem: { id: 'id', chartId: 'id', nextGoal: 'number?', nextReward: 'text?' },
  getCheckins: { childId: 'id', from: 'text?', to: 'text?' },
  getClassCheckins: { classId: 'id', from: 'text?', to: 'text?' },
  saveCheckin: {
    id: 'id',
    checkinId: 'id',
    childId: 'id',
    feeling: 'id',
    strength: 'number',
    context: 'text',
    note: 'text?',
    createdAt: 'text',
  },
  getExpectationMatrix: 'id',
  saveExpectationMatrix: { id: 'id', matrix: 'data', baseVersion: 'number' },
  shareSuccess: { id: 'id', matrixId: 'id', expectationId: 'id?', text: 'text' },
  getSuccesses: { matrixId: 'id', from: 'text?' },
  uploadMedia: { id: 'id', file: 'file', name: 'text', kind: 'text' },
  getUploadedMedia: 'id',
  publishLessonClip: {
    id: 'id',
    classId: 'id',
    classLabel: 'text?',
    group: 'text?',
    coTeacher: 'text?',
    programme: 'text',
    programmeLabel: 'text?',
    lessonNumber: 'number?',
    title: 'text',
    goal: 'text?',
    learned: 'text?',
    homeQuestion: 'text?',
    homeActivity: 'text?',
    media: 'data?',
    lang: 'text?',
    // The rhythm and after the last lesson (issue 26): when parents see it, and the lesson of the run it follows up.
    scheduledAt: 'text?',
    followsUp: 'data?',
  },
  // The thread port (issue 24): `about` is `{ kind, id }`, plain data whose `id` is a safe id; `householdId` for one household's thread.
  getThread: { about: 'data', familyId: 'id', householdId: 'id?' },
  addThreadMessage: { id: 'id', about: 'data', familyId: 'id', householdId: 'id?', text: 'text' },
  markThreadRead: { id: 'id', about: 'data', familyId: 'id', householdId: 'id?' },
  // Batch reads (issue 23): a plain array of safe ids.
  getLessonClips: 'ids',
  getReactionSummaries: 'ids',
  getHomeAnswers: 'ids',
  // The programme overview (issue 25): `classIds` a plain list, each checked as an id by the host's guard.
  getProgrammeOverview: { programmeRunId: 'id?', programme: 'text?', schoolYear: 'text?', classIds: 'data?' },
  getUnreachedFamilies: { programmeRunId: 'id?', programme: 'text?', schoolYear: 'text?', classId: 'id' },
  // The programme's course (issue 26): the household is always the signed-in one's, never named here.
  getMeeting: 'id',
  getRsvp: 'id',
  saveRsvp: { id: 'id', meetingId: 'id', answer: 'text', people: 'number' },
  getMeetingReplies: 'id',
  getPreparation: 'id',
  savePreparation: { id: 'id', meetingId: 'id', keywords: 'text', goesWell: 'text', talkAbout: 'text' },
  getProgrammeIntro: 'id',
  // The class's rhythm (issue 26).
  getClassRhythm: { classId: 'id', programme: 'text' },
  // The child's own voice (issue 24): the options are plain lists, each checked by the host's guard.
  getClassBoard: 'id',
  chooseChartGoal: { id: 'id', chartId: 'id', wordsId: 'id?', rewardId: 'id?' },
  setChartChoices: { id: 'id', chartId: 'id', words: 'data', rewards: 'data' },
  // Evaluations (issue 25): answers as `[{ questionId, value }]` and the school's questions as plain data (every `…Id` a safe id).
  getEvaluation: 'id',
  submitEvaluationResponse: { id: 'id', evaluationId: 'id', answers: 'data' },
  getEvaluationResults: { programmeRunId: 'id' },
  saveEvaluation: {
    id: 'id',
    evaluationId: 'id',
    programmeRunId: 'id',
    phase: 'text',
    audiences: 'data',
    anonymous: 'boolean',
    closesAt: 'text?',
    questions: 'data',
  },
};

/** Keys that lead onto an object's prototype, refused anywhere in an input. */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;
const MAX_ITEMS = 10_000;

class Refused {
  constructor(readonly path: string) {}
}

/**
 * The arguments of a call to `method`, checked and copied (see {@link BRIDGE_INPUTS}), or the
 * path of the first field that was refused. The copy is made of fresh plain objects and arrays
 * holding only the fields the method takes; the input itself is never handed on.
 */
export function readBridgeArgs(
  method: BridgeMethod,
  args: readonly unknown[],
): { ok: true; args: unknown[] } | { ok: false; path: string } {
  try {
    if (args.length > 1) throw new Refused('args');
    const spec = BRIDGE_INPUTS[method];
    if (spec === 'none') {
      if (args[0] !== undefined && args[0] !== null) throw new Refused('input');
      return { ok: true, args: [] };
    }
    if (spec === 'id') {
      if (!isSafeId(args[0])) throw new Refused('id');
      return { ok: true, args: [args[0]] };
    }
    if (spec === 'ids') return { ok: true, args: [readIds(args[0])] };
    return { ok: true, args: [readFields(spec, args[0])] };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, path: error.path };
    throw error;
  }
}

/** A fresh array of the safe ids of a plain array of 1 to {@link BRIDGE_MAX_BATCH}; anything else is refused. */
function readIds(input: unknown): string[] {
  if (!Array.isArray(input) || input.length === 0 || input.length > BRIDGE_MAX_BATCH) throw new Refused('ids');
  checkKeys(input, 'ids');
  return Array.from({ length: input.length }, (_, i) => {
    const id: unknown = input[i];
    if (!isSafeId(id)) throw new Refused(`ids.${i}`);
    return id;
  });
}

function readFields(spec: Fields, input: unknown): Record<string, unknown> {
  if (!isRecord(input)) throw new Refused('input');
  checkKeys(input, '');
  const out: Record<string, unknown> = {};
  for (const [field, declared] of Object.entries(spec)) {
    const optional = declared.endsWith('?');
    const kind = (optional ? declared.slice(0, -1) : declared) as FieldKind;
    const present = Object.prototype.hasOwnProperty.call(input, field);
    const value = present ? input[field] : undefined;
    if (value === undefined) {
      if (!optional) throw new Refused(field);
      // An optional field sent as `undefined` stays so, as it was written.
      if (present) out[field] = undefined;
      continue;
    }
    out[field] = readField(kind, value, field);
  }
  return out;
}

function readField(kind: FieldKind, value: unknown, path: string): unknown {
  switch (kind) {
    case 'id':
      if (isSafeId(value)) return value;
      break;
    case 'text':
      if (typeof value === 'string') return value;
      break;
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      break;
    case 'file':
      if (isBlob(value)) return value;
      break;
    case 'data':
      return copyData(value, path, 1);
  }
  throw new Refused(path);
}

/** A copy of JSON-like data in fresh plain objects and arrays, refusing prototype keys and unsafe ids. */
function copyData(value: unknown, path: string, depth: number): unknown {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (depth > MAX_DEPTH || typeof value !== 'object') throw new Refused(path);
  if (Array.isArray(value)) {
    if (value.length > MAX_ITEMS) throw new Refused(path);
    checkKeys(value, path);
    return Array.from({ length: value.length }, (_, i) => copyData(value[i], `${path}.${i}`, depth + 1));
  }
  if (!isRecord(value)) throw new Refused(path);
  checkKeys(value, path);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = value[key];
    const at = `${path}.${key}`;
    if ((key === 'id' || key.endsWith('Id')) && typeof item === 'string' && !isSafeId(item)) throw new Refused(at);
    out[key] = copyData(item, at, depth + 1);
  }
  return out;
}

/** Refuses an object with a prototype key of its own, enumerable or not. */
function checkKeys(value: object, path: string): void {
  for (const key of Object.getOwnPropertyNames(value)) if (RESERVED_KEYS.has(key)) throw new Refused(path ? `${path}.${key}` : key);
}

/**
 * A plain object (`{}`, `Object.create(null)`, or one from another window, as a framed
 * page's input may be): not an array, Date, Map, Blob or class instance.
 */
function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** A Blob or File, also one made in another window (a framed page's, a test page's). */
function isBlob(value: unknown): value is Blob {
  if (value instanceof Blob) return true;
  const tag = typeof value === 'object' && value !== null ? Object.prototype.toString.call(value) : '';
  return tag === '[object Blob]' || tag === '[object File]';
}

/**
 * The message if `data` is a well-formed Samen bridge message, else `undefined`. The
 * result is a fresh object with only the protocol's fields, so nothing else a sender put
 * in the message travels further.
 */
export function readBridgeMessage(data: unknown): BridgeMessage | undefined {
  if (!isSamenMessage(data)) return undefined;
  const field = (key: string) => ownField(data, key);
  const id = field('id');
  const validId = typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH;
  switch (field('type')) {
    case 'request': {
      const method = field('method');
      const args = field('args');
      if (!validId || typeof method !== 'string' || !Array.isArray(args)) return undefined;
      return { samen: 1, type: 'request', id, method, args };
    }
    case 'response': {
      if (!validId) return undefined;
      if (field('ok') === true) return { samen: 1, type: 'response', id, ok: true, value: field('value') };
      const error = field('error');
      if (field('ok') !== false || typeof error !== 'object' || error === null) return undefined;
      const kind = ownField(error, 'kind');
      const text = ownField(error, 'message');
      if (typeof kind !== 'string') return undefined;
      const message = typeof text === 'string' ? text.slice(0, MAX_MESSAGE_LENGTH) : kind;
      return { samen: 1, type: 'response', id, ok: false, error: { kind, message } };
    }
    case 'abort':
      return validId ? { samen: 1, type: 'abort', id } : undefined;
    case 'unsubscribe':
      return validId ? { samen: 1, type: 'unsubscribe', id } : undefined;
    case 'subscribe': {
      const topic = field('topic');
      return validId && isBridgeTopic(topic) ? { samen: 1, type: 'subscribe', id, topic } : undefined;
    }
    case 'progress': {
      const fraction = field('fraction');
      return validId && typeof fraction === 'number' && fraction >= 0 && fraction <= 1
        ? { samen: 1, type: 'progress', id, fraction }
        : undefined;
    }
    case 'event': {
      const topic = field('topic');
      if (!isBridgeTopic(topic) || (id !== undefined && !validId)) return undefined;
      return validId ? { samen: 1, type: 'event', id, topic } : { samen: 1, type: 'event', topic };
    }
    default:
      return undefined;
  }
}

/**
 * What the host may say about a failure: a known kind and a short message. Only a
 * SamenError's own message travels; other errors (a database driver's, a fetch's) may
 * quote queries, URLs or personal data, so they are reduced to their kind.
 */
export function toBridgeError(error: unknown): BridgeError {
  const { kind, message } = (error ?? {}) as { kind?: unknown; message?: unknown };
  if (isKnownKind(kind)) {
    return { kind, message: typeof message === 'string' ? message.slice(0, MAX_MESSAGE_LENGTH) : kind };
  }
  // Same mapping as everywhere else (network TypeError or navigator offline → offline), without the message.
  const fallback = toSamenError(error).kind;
  return { kind: fallback, message: fallback };
}

/** The host's error as a {@link SamenError}; a kind this version doesn't know becomes `unavailable`. */
export function fromBridgeError(error: BridgeError): SamenError {
  return isKnownKind(error.kind) ? new SamenError(error.kind, error.message) : new SamenError('unavailable', error.message);
}

/**
 * Throws unless `origin` is exactly what `MessageEvent.origin` reports for a page, e.g.
 * `https://app.example` (no path, no trailing slash, no default port). Anything else would
 * either match nothing, silently dropping every answer, or match too much (`*`).
 */
export function assertExactOrigin(origin: unknown, name: string): asserts origin is string {
  let parsed: string | undefined;
  try {
    parsed = typeof origin === 'string' ? new URL(origin).origin : undefined;
  } catch {
    parsed = undefined;
  }
  if (typeof origin !== 'string' || origin === '*' || parsed === undefined || parsed === 'null' || parsed !== origin) {
    throw new TypeError(`${name} must be an exact origin such as "https://app.example", got ${JSON.stringify(origin)}`);
  }
}

function isKnownKind(kind: unknown): kind is SamenErrorKind {
  return typeof kind === 'string' && (SAMEN_ERROR_KINDS as readonly string[]).includes(kind);
}

function abortError(signal: AbortSignal | undefined): DOMException {
  const reason: unknown = signal?.reason;
  return reason instanceof DOMException && reason.name === 'AbortError'
    ? reason
    : new DOMException('The bridge call was aborted', 'AbortError');
}
