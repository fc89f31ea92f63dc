import type { Programme, Viewer } from './schemas.js';
import type { ClassRhythm, LessonClipDraft, UploadedMedia, UploadKind } from '../clip-composer/schemas.js';
import type { ExpectationMatrix, Success } from '../expectation-matrix/schemas.js';
import type { ReactionSummary, Reply } from '../feedback-bar/schemas.js';
import type { Checkin } from '../feelings-checkin/schemas.js';
import type { ClipReach, HomeAnswer, HomeAnswerKind, LessonClip } from '../lesson-clip/schemas.js';
import type { ClassBoard } from '../lesson-clip/board.js';
import type { Award, ChartChoice, RewardChart } from '../reward-chart/schemas.js';
import type { Thread, ThreadKey, ThreadMessage } from '../thread/schemas.js';
import type { ProgrammeOverview, ProgrammeOverviewQuery, UnreachedFamilies } from '../programme-overview/schemas.js';
import type { Meeting, MeetingReplies, Preparation, PreparationInput, Rsvp, RsvpInput } from '../meeting/schemas.js';
import type { ProgrammeIntro } from '../programme-intro/schemas.js';
import type { Evaluation, EvaluationDraft, EvaluationReceipt, EvaluationResponseInput, EvaluationResults } from '../evaluation/schemas.js';

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
  | `matrix:${string}`
  | `thread:${string}`
  | `meeting:${string}`
  | `intro:${string}`
  | `evaluation:${string}`
  /** The class board of a clip (issue 24): told when a family of the class sees, answers or reacts to it. */
  | `board:${string}`;

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
 *
 * It is the union of small ports: {@link ViewerPort} (every widget), {@link LivePort}
 * (optional live updates) and one per widget. A host that embeds only some widgets implements
 * only their ports (see {@link PORT_METHODS}); a widget whose port is incomplete shows its
 * not-connected state and names the missing methods in its `samen-error` event.
 */
export interface SamenAdapter
  extends
    ViewerPort,
    LivePort,
    LessonClipPort,
    FeedbackPort,
    RewardChartPort,
    FeelingsPort,
    ExpectationMatrixPort,
    ClipComposerPort,
    ProgrammeOverviewPort,
    ThreadPort,
    MeetingPort,
    ProgrammeIntroPort,
    BatchReadPort,
    EvaluationPort {}

/** What every widget needs: who is looking. */
export interface ViewerPort {
  /** Who is looking: role, family, name. */
  getViewer(options?: RequestOptions): Promise<Viewer>;
}

/** Optional for every widget: without it, a widget shows what it loaded and re-reads only after its own writes. */
export interface LivePort {
  /**
   * Optional live updates: `listener` is called when something under `topic`
   * changed; widgets then re-read. Returns the function that stops listening.
   */
  subscribe?(topic: SamenTopic, listener: () => void): Unsubscribe;
}

/** `<samen-lesson-clip>`: the clip, the carer's answer, "seen", and the teacher's reach. */
export interface LessonClipPort {
  /** One lesson clip. Rejects with `not-found` for an unknown id. */
  getLessonClip(clipId: string, options?: RequestOptions): Promise<LessonClip>;
  /**
   * The signed-in carer's own answer to the clip's home question, or `null`. Answers are private
   * per carer: another carer of the same family (separated parents) never reads it.
   */
  getHomeAnswer(clipId: string, options?: RequestOptions): Promise<HomeAnswer | null>;
  /** Creates or replaces this carer's answer (the family counts once in the teacher's reach). Resolves with the stored answer. */
  saveHomeAnswer(
    input: WriteInput & { clipId: string; kind: HomeAnswerKind; text?: string; shareWithClass?: boolean },
    options?: RequestOptions,
  ): Promise<HomeAnswer>;
  /** Records that this viewer saw the clip. Counted once per family by the host. */
  markSeen(input: WriteInput & { clipId: string }, options?: RequestOptions): Promise<void>;
  /** Teacher only: how far the clip reached the class, with the answers. */
  getClipReach(clipId: string, options?: RequestOptions): Promise<ClipReach>;
  /**
   * Optional (issue 24; the `view="child"` board shows a not-connected state without it): the
   * class board, what the class sees together. Counts of families, those below
   * `BOARD_MIN_FAMILIES` as `"few"`, and the words of answers whose family chose
   * `shareWithClass`: never a name, family or household id (src/lesson-clip/board.ts,
   * `toClassBoard`). The class's children and teacher only (`board.read`).
   */
  getClassBoard?(clipId: string, options?: RequestOptions): Promise<ClassBoard>;
}

/** `<samen-feedback-bar>`: reactions and short replies under any content. */
export interface FeedbackPort {
  getReactions(targetId: string, options?: RequestOptions): Promise<ReactionSummary>;
  setReaction(input: WriteInput & { targetId: string; reaction: string; on: boolean }, options?: RequestOptions): Promise<ReactionSummary>;
  addReply(input: WriteInput & { targetId: string; text: string }, options?: RequestOptions): Promise<Reply>;
}

/** `<samen-reward-chart>`: class and personal charts, positive only. */
export interface RewardChartPort {
  getRewardChart(chartId: string, options?: RequestOptions): Promise<RewardChart>;
  /**
   * Adds one token or sticker. Positive only: there is no method to deduct. On a class chart a
   * teacher may say which child it recognises (`childId`, a child of the chart's class; issue 24):
   * it counts toward the teacher's private "every child recognised" view and is never shown to
   * parents or children.
   */
  award(
    input: WriteInput & { chartId: string; expectationId?: string; reason?: string; childId?: string },
    options?: RequestOptions,
  ): Promise<Award>;
  /** Takes back a mis-tapped award within the host's undo window. */
  undoAward(input: WriteInput & { chartId: string; awardId: string }, options?: RequestOptions): Promise<void>;
  /** Redeems the reward once the goal is reached and starts a new goal. */
  redeem(input: WriteInput & { chartId: string; nextGoal?: number; nextReward?: string }, options?: RequestOptions): Promise<RewardChart>;
  /**
   * Optional (issue 24): the child picks the goal's words and the reward from the chart's
   * `choices` (the options the adults allowed). Idempotent on `id`; an id that is not one of the
   * options is `invalid-data`. Resolves with the chart, its `reward` the chosen one (`personal-chart.choose`).
   */
  chooseChartGoal?(
    input: WriteInput & { chartId: string; wordsId?: string; rewardId?: string },
    options?: RequestOptions,
  ): Promise<RewardChart>;
  /**
   * Optional (issue 24): a parent (their own child's chart) or the teacher (their class's) sets the
   * options the child chooses from: at most six words for the goal and six rewards, each at most
   * 80 characters. Replaces both lists; the child's earlier pick stays where its option stays.
   * Empty lists: the chart offers no choice. Idempotent on `id`. Resolves with the chart
   * (`personal-chart.options`).
   */
  setChartChoices?(
    input: WriteInput & { chartId: string; words: ChartChoice[]; rewards: ChartChoice[] },
    options?: RequestOptions,
  ): Promise<RewardChart>;
}

/** `<samen-feelings-checkin>`: a child's check-ins and the teacher's class overview. */
export interface FeelingsPort {
  /** Check-ins of one child (parent/child view) within an optional ISO date range. */
  getCheckins(query: { childId: string; from?: string; to?: string }, options?: RequestOptions): Promise<Checkin[]>;
  /** Teacher only: the class's check-ins; the host enforces who may see them. */
  getClassCheckins(query: { classId: string; from?: string; to?: string }, options?: RequestOptions): Promise<Checkin[]>;
  /**
   * Creates or replaces the check-in `checkinId` (one per child, context and local day).
   * `id` is the write's idempotency key as everywhere; `createdAt` carries the device's offset.
   */
  saveCheckin(input: WriteInput & { checkinId: string } & Omit<Checkin, 'id' | 'childName'>, options?: RequestOptions): Promise<Checkin>;
}

/** `<samen-expectation-matrix>`: the PBS matrix, its focus and the successes shared at home. */
export interface ExpectationMatrixPort {
  getExpectationMatrix(matrixId: string, options?: RequestOptions): Promise<ExpectationMatrix>;
  /**
   * Saves a whole matrix. `baseVersion` is the version the edit started from: when the
   * stored version differs, reject with `SamenError('conflict')` and change nothing. The
   * result carries the new version.
   */
  saveExpectationMatrix(
    input: WriteInput & { matrix: ExpectationMatrix; baseVersion: number },
    options?: RequestOptions,
  ): Promise<ExpectationMatrix>;
  /** A parent's "it worked at home when…" on the focus of the week. */
  shareSuccess(input: WriteInput & { matrixId: string; expectationId?: string; text: string }, options?: RequestOptions): Promise<Success>;
  /** Successes shared on a matrix since `from` (teachers). */
  getSuccesses(query: { matrixId: string; from?: string }, options?: RequestOptions): Promise<Success[]>;
}

/** `<samen-clip-composer>`: every method optional; without them the composer says it can't publish here. */
export interface ClipComposerPort {
  /**
   * Teacher only: stores a video, photo or captions file. Reports progress through
   * `options.onProgress`; an aborted `signal` stops the upload and stores nothing. Rejects
   * with `invalid-data` for a type or size outside `MEDIA_LIMITS` (src/clip-composer/schemas.ts).
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
   * Teacher only (issue 26): the class's lessons of a programme, posted and planned (a clip with a
   * `scheduledAt` still to come is planned for then), so the composer shows the class's rhythm.
   * Without it the composer shows no rhythm.
   */
  getClassRhythm?(query: { classId: string; programme: Programme }, options?: RequestOptions): Promise<ClassRhythm>;
}

/**
 * Optional, like {@link LivePort}: a short private thread between one family and the teacher(s)
 * of the class about something the family sent (src/thread/schemas.ts). Without it the widgets
 * show no thread. Only that family's carers and the class's teachers read or write it
 * (`thread.read`, `thread.write` in src/core/policy.ts); the live topic is `threadTopic` (src/thread/schemas.ts).
 */
export interface ThreadPort {
  /** The thread (empty when nobody wrote yet). Rejects with `not-found` when the family is not in the class. */
  getThread?(query: ThreadKey, options?: RequestOptions): Promise<Thread>;
  /** Adds a message. Idempotent on `id`: a retry returns the message the first call added. */
  addThreadMessage?(input: WriteInput & ThreadKey & { text: string }, options?: RequestOptions): Promise<ThreadMessage>;
  /** Marks every message in the thread read for the signed-in viewer. */
  markThreadRead?(input: WriteInput & ThreadKey, options?: RequestOptions): Promise<void>;
}

/**
 * Optional: `<samen-programme-overview>` (issue 25), a programme run across its lessons and
 * classes. The backend computes the aggregates (never send every answer to compute them here).
 * `overview.read` (src/core/policy.ts): a teacher their own classes, a care coordinator and the
 * school leader the classes of their school; parents and children never. Without
 * `getProgrammeOverview` the overview shows its not-connected state.
 */
export interface ProgrammeOverviewPort {
  /**
   * Per class of the run and per posted clip: how many families (and households, when known)
   * saw it, talked about it at home, answered and reacted, and the clip's own counts (views,
   * likes, reactions) when the platform counts them. Only the classes the viewer may see; with
   * `classIds`, only those (one the viewer may not see: `forbidden`).
   */
  getProgrammeOverview?(query: ProgrammeOverviewQuery, options?: RequestOptions): Promise<ProgrammeOverview>;
  /** The class's teacher only (`unreached.read`): the families no clip of the run reached, by name. */
  getUnreachedFamilies?(query: ProgrammeOverviewQuery & { classId: string }, options?: RequestOptions): Promise<UnreachedFamilies>;
}

/** The thread port's methods (all optional: a widget checks for `getThread`). */
export const THREAD_METHODS = ['getThread', 'addThreadMessage', 'markThreadRead'] as const satisfies readonly (keyof ThreadPort)[];

// ---------------------------------------------------------------------------- the programme's course (issue 26)

/**
 * Optional: `<samen-meeting>` (an information evening, the last lesson with parents, a
 * parent–child–teacher conversation). Without these methods the card shows it is not connected. A
 * household reads and writes only its own reply and preparation sheet; the class's teacher reads the
 * list (`meeting.read`, `rsvp.*`, `preparation.*` in src/core/policy.ts). Live topic: `meeting:<id>`.
 */
export interface MeetingPort {
  /** One meeting. Rejects with `not-found` for an unknown id. */
  getMeeting?(meetingId: string, options?: RequestOptions): Promise<Meeting>;
  /** The signed-in household's reply, or `null` before it replied. */
  getRsvp?(meetingId: string, options?: RequestOptions): Promise<Rsvp | null>;
  /** Creates or replaces the household's reply. Idempotent on `id`. */
  saveRsvp?(input: WriteInput & RsvpInput, options?: RequestOptions): Promise<Rsvp>;
  /** Teacher only: every household's reply and preparation sheet. */
  getMeetingReplies?(meetingId: string, options?: RequestOptions): Promise<MeetingReplies>;
  /** The signed-in household's preparation sheet, or `null`. */
  getPreparation?(meetingId: string, options?: RequestOptions): Promise<Preparation | null>;
  /** Creates or replaces the household's preparation sheet. Idempotent on `id`. */
  savePreparation?(input: WriteInput & PreparationInput, options?: RequestOptions): Promise<Preparation>;
}

/** Optional: `<samen-programme-intro>`, the card a teacher posts before lesson 1. Live topic: `intro:<id>`. */
export interface ProgrammeIntroPort {
  /** One introduction with the class's lessons (posted and planned). Rejects with `not-found` for an unknown id. */
  getProgrammeIntro?(introId: string, options?: RequestOptions): Promise<ProgrammeIntro>;
}

/** The meeting port's methods. */
export const MEETING_METHODS = [
  'getMeeting',
  'getRsvp',
  'saveRsvp',
  'getMeetingReplies',
  'getPreparation',
  'savePreparation',
] as const satisfies readonly (keyof MeetingPort)[];

// ---------------------------------------------------------------------------- evaluations (issue 25)

/**
 * Optional: `<samen-evaluation>` (issue 25), the short form a school sends at the end of a
 * programme run (and optionally at its start) to parents, children, teachers and the trainer, and
 * its results in `<samen-programme-overview>`. Without `getEvaluation` the form shows it is not
 * connected; without `getEvaluationResults` the overview shows no evaluation section. Who may:
 * `evaluation.read`, `evaluation.respond`, `evaluation.results`, `evaluation.edit`
 * (src/core/policy.ts). Live topic: `evaluation:<id>` (`evaluationTopic`, src/evaluation/schemas.ts).
 */
export interface EvaluationPort {
  /**
   * The form for the signed-in viewer's audience (parent, child, teacher; a care coordinator
   * answers the trainer's), with whether they already answered and, then, their own answers.
   * Rejects with `not-found` for an unknown id, `forbidden` for a viewer it is not for.
   */
  getEvaluation?(evaluationId: string, options?: RequestOptions): Promise<Evaluation>;
  /**
   * One respondent's answers. Idempotent on `id` (client-generated): a retry has the effect of
   * one. One response per respondent per evaluation: a second replaces the first. An answer to a
   * question not on the viewer's form, or a value the question does not take, is `invalid-data`.
   * On an anonymous evaluation the school never sees who answered what: the backend keeps who
   * responded only to count response rates and to replace a second response.
   */
  submitEvaluationResponse?(input: WriteInput & EvaluationResponseInput, options?: RequestOptions): Promise<EvaluationReceipt>;
  /**
   * Staff (`evaluation.results`, as `overview.read`): per audience invited and responded, and per
   * question the counts (`null` below the minimum group size, and for open questions), for the
   * run's `after` phase and, when there is one, its `before` phase beside it. Never a name.
   */
  getEvaluationResults?(query: { programmeRunId: string }, options?: RequestOptions): Promise<EvaluationResults>;
  /**
   * Teacher, care coordinator or school leader of the run (`evaluation.edit`): the school's own
   * questions (replacing its earlier ones; the built-in ones stay), the audiences, phase and
   * anonymity. Idempotent on `id`. Resolves with the form as the viewer's audience sees it.
   */
  saveEvaluation?(input: WriteInput & EvaluationDraft, options?: RequestOptions): Promise<Evaluation>;
}

/** The evaluation port's methods (all optional: the form checks for `getEvaluation`). */
export const EVALUATION_METHODS = [
  'getEvaluation',
  'submitEvaluationResponse',
  'getEvaluationResults',
  'saveEvaluation',
] as const satisfies readonly (keyof EvaluationPort)[];

// ---------------------------------------------------------------------------- batch reads (issue 23)

/**
 * Optional batch reads: when a feed's cards come into view together, the widgets ask for their
 * data in one call instead of one per card. Without them every card reads alone, as before.
 *
 * Each answers in the order of the ids asked, one entry per id: what the single read gives for
 * it, or `null` for an id it cannot give (unknown, not for this viewer). The widget then asks
 * for that id alone and shows the error the single read gives. The whole call rejects only for
 * what would fail every read (offline, signed out); the widgets then read one by one.
 */
export interface BatchReadPort {
  /** {@link LessonClipPort.getLessonClip} for several clips at once. */
  getLessonClips?(clipIds: string[], options?: RequestOptions): Promise<(LessonClip | null)[]>;
  /** {@link FeedbackPort.getReactions} for several targets at once. */
  getReactionSummaries?(targetIds: string[], options?: RequestOptions): Promise<(ReactionSummary | null)[]>;
  /**
   * {@link LessonClipPort.getHomeAnswer} for several clips at once. Unlike the others, `null`
   * also means "no answer yet" (as the single read says it), so the widget does not ask again:
   * a clip the viewer may not read shows its error from the clip's own read.
   */
  getHomeAnswers?(clipIds: string[], options?: RequestOptions): Promise<(HomeAnswer | null)[]>;
}

/**
 * The methods each widget's port requires besides `getViewer`, by port name: what a host that
 * embeds only that widget implements. The composer's are all optional.
 */
export const PORT_METHODS = {
  clip: ['getLessonClip', 'getHomeAnswer', 'saveHomeAnswer', 'markSeen', 'getClipReach'],
  feedback: ['getReactions', 'setReaction', 'addReply'],
  reward: ['getRewardChart', 'award', 'undoAward', 'redeem'],
  feelings: ['getCheckins', 'getClassCheckins', 'saveCheckin'],
  matrix: ['getExpectationMatrix', 'saveExpectationMatrix', 'shareSuccess', 'getSuccesses'],
  composer: [],
  overview: ['getProgrammeOverview'],
  meeting: MEETING_METHODS,
  intro: ['getProgrammeIntro'],
  evaluation: ['getEvaluation', 'submitEvaluationResponse'],
} as const satisfies Record<string, readonly (keyof SamenAdapter)[]>;

export type PortName = keyof typeof PORT_METHODS;

interface PortsByName {
  clip: LessonClipPort;
  feedback: FeedbackPort;
  reward: RewardChartPort;
  feelings: FeelingsPort;
  matrix: ExpectationMatrixPort;
  composer: ClipComposerPort;
  overview: ProgrammeOverviewPort & Required<Pick<ProgrammeOverviewPort, 'getProgrammeOverview'>>;
  meeting: Required<MeetingPort>;
  intro: Required<ProgrammeIntroPort>;
  evaluation: EvaluationPort & Required<Pick<EvaluationPort, 'getEvaluation' | 'submitEvaluationResponse'>>;
}

/** An adapter for the widget of port `P` only: the viewer, that port, and optionally live updates. */
export type AdapterFor<P extends PortName> = ViewerPort & LivePort & BatchReadPort & PortsByName[P];

/**
 * What a page may hand to `<samen-provider>` or `configure()`: a whole {@link SamenAdapter}, or
 * one with only the ports of the widgets it embeds.
 */
export type SamenAdapterLike = ViewerPort & Partial<Omit<SamenAdapter, 'getViewer'>>;

/** The methods `adapter` lacks for the widget of `port` (`getViewer` included), in the contract's order. */
export function missingMethods(adapter: object, port: PortName): string[] {
  const methods: readonly string[] = ['getViewer', ...PORT_METHODS[port]];
  return methods.filter((method) => typeof (adapter as Record<string, unknown>)[method] !== 'function');
}

/** A fresh idempotency key. */
export function newId(): string {
  // randomUUID needs a secure context; WebViews on plain http still have getRandomValues.
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
