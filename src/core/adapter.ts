import type {
  Award,
  Checkin,
  ClipReach,
  ExpectationMatrix,
  HomeAnswer,
  HomeAnswerKind,
  LessonClip,
  LessonClipDraft,
  UploadedMedia,
  UploadKind,
  ReactionSummary,
  Reply,
  RewardChart,
  Success,
  Viewer,
} from './schemas.js';

/** Every adapter call can be cancelled: widgets abort reads when they disconnect or change id. */
export interface RequestOptions {
  signal?: AbortSignal;
}

/**
 * Every write carries `id`: a client-generated idempotency key. Sending the same
 * `id` twice must have the effect of sending it once, so widgets can retry freely.
 */
export interface WriteInput {
  id: string;
}

/**
 * Topics for {@link SamenAdapter.subscribe}: the entity kind and its id. Check-ins use
 * `feelings:<childId>` for one child and `feelings:class:<classId>` for a class overview;
 * a saved check-in notifies both.
 */
export type SamenTopic =
  | `clip:${string}`
  | `reactions:${string}`
  | `chart:${string}`
  | `feelings:${string}`
  | `matrix:${string}`;

export type Unsubscribe = () => void;

/** Options of {@link SamenAdapter.uploadMedia}: cancel with `signal`, hear progress (0–1). */
export interface UploadOptions extends RequestOptions {
  onProgress?: (fraction: number) => void;
}

/**
 * The only door between Samen widgets and a host's backend. Vendors implement it
 * (or use the HTTP/bridge adapters); widgets never touch the network themselves.
 *
 * Contract:
 * - Read methods resolve with data; widgets still validate it with zod, so an adapter
 *   written in plain JavaScript can't crash a widget.
 * - Failures reject with a {@link SamenError} (`not-found`, `forbidden`, `offline`,
 *   `unavailable`); anything else is treated as `unavailable`.
 * - The viewer is implicit: the adapter knows who is signed in.
 */
export interface SamenAdapter {
  /** Who is looking: role, family, name. */
  getViewer(options?: RequestOptions): Promise<Viewer>;

  // ---- lesson clips
  /** One lesson clip. Rejects with `not-found` for an unknown id. */
  getLessonClip(clipId: string, options?: RequestOptions): Promise<LessonClip>;
  /**
   * The signed-in carer's own answer to the clip's home question, or `null`. Answers are private
   * per carer: another carer of the same family (separated parents) never reads it.
   */
  getHomeAnswer(clipId: string, options?: RequestOptions): Promise<HomeAnswer | null>;
  /** Creates or replaces this carer's answer (the family counts once in the teacher's reach). Resolves with the stored answer. */
  saveHomeAnswer(
    input: WriteInput & { clipId: string; kind: HomeAnswerKind; text?: string },
    options?: RequestOptions,
  ): Promise<HomeAnswer>;
  /** Records that this viewer saw the clip. Counted once per family by the host. */
  markSeen(input: WriteInput & { clipId: string }, options?: RequestOptions): Promise<void>;
  /** Teacher only: how far the clip reached the class, with the answers. */
  getClipReach(clipId: string, options?: RequestOptions): Promise<ClipReach>;

  // ---- reactions (feedback bar)
  getReactions(targetId: string, options?: RequestOptions): Promise<ReactionSummary>;
  setReaction(
    input: WriteInput & { targetId: string; reaction: string; on: boolean },
    options?: RequestOptions,
  ): Promise<ReactionSummary>;
  addReply(input: WriteInput & { targetId: string; text: string }, options?: RequestOptions): Promise<Reply>;

  // ---- reward charts
  getRewardChart(chartId: string, options?: RequestOptions): Promise<RewardChart>;
  /** Adds one token or sticker. Positive only: there is no method to deduct. */
  award(
    input: WriteInput & { chartId: string; expectationId?: string; reason?: string },
    options?: RequestOptions,
  ): Promise<Award>;
  /** Takes back a mis-tapped award within the host's undo window. */
  undoAward(input: WriteInput & { chartId: string; awardId: string }, options?: RequestOptions): Promise<void>;
  /** Redeems the reward once the goal is reached and starts a new goal. */
  redeem(
    input: WriteInput & { chartId: string; nextGoal?: number; nextReward?: string },
    options?: RequestOptions,
  ): Promise<RewardChart>;

  // ---- feelings
  /** Check-ins of one child (parent/child view) within an optional ISO date range. */
  getCheckins(
    query: { childId: string; from?: string; to?: string },
    options?: RequestOptions,
  ): Promise<Checkin[]>;
  /** Teacher only: the class's check-ins; the host enforces who may see them. */
  getClassCheckins(
    query: { classId: string; from?: string; to?: string },
    options?: RequestOptions,
  ): Promise<Checkin[]>;
  /**
   * Creates or replaces the check-in `checkinId` (one per child, context and local day).
   * `id` is the write's idempotency key as everywhere; `createdAt` carries the device's offset.
   */
  saveCheckin(
    input: WriteInput & { checkinId: string } & Omit<Checkin, 'id' | 'childName'>,
    options?: RequestOptions,
  ): Promise<Checkin>;

  // ---- expectation matrix
  getExpectationMatrix(matrixId: string, options?: RequestOptions): Promise<ExpectationMatrix>;
  /**
   * Saves a whole matrix. `baseVersion` is the version the edit started from: when the
   * stored version differs, reject with `SamenError('conflict')` and change nothing. The
   * result carries the new version.
   */
  saveExpectationMatrix(input: WriteInput & { matrix: ExpectationMatrix; baseVersion: number }, options?: RequestOptions): Promise<ExpectationMatrix>;
  /** A parent's "it worked at home when…" on the focus of the week. */
  shareSuccess(input: WriteInput & { matrixId: string; expectationId?: string; text: string }, options?: RequestOptions): Promise<Success>;
  /** Successes shared on a matrix since `from` (teachers). */
  getSuccesses(query: { matrixId: string; from?: string }, options?: RequestOptions): Promise<Success[]>;

  // ---- composing lesson clips (optional: without them the composer says it can't publish here)
  /**
   * Teacher only: stores a video, photo or captions file. Reports progress through
   * `options.onProgress`; an aborted `signal` stops the upload and stores nothing. Rejects
   * with `invalid-data` for a type or size outside `MEDIA_LIMITS` (schemas.ts).
   */
  uploadMedia?(input: WriteInput & { file: Blob; name: string; kind: UploadKind }, options?: UploadOptions): Promise<UploadedMedia>;
  /** A stored upload again, with a `src` this device can show now (blob: URLs end with the page). */
  getUploadedMedia?(mediaId: string, options?: RequestOptions): Promise<UploadedMedia>;
  /**
   * Teacher only: publishes a lesson clip to one of the teacher's classes. Idempotent on
   * `id`: a retry returns the clip the first call made. The clip is then readable with
   * {@link getLessonClip} by the class's parents and teacher.
   */
  publishLessonClip?(input: WriteInput & LessonClipDraft, options?: RequestOptions): Promise<LessonClip>;

  /**
   * Optional live updates: `listener` is called when something under `topic`
   * changed; widgets then re-read. Returns the function that stops listening.
   */
  subscribe?(topic: SamenTopic, listener: () => void): Unsubscribe;
}

/** A fresh idempotency key. */
export function newId(): string {
  // randomUUID needs a secure context; WebViews on plain http still have getRandomValues.
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
