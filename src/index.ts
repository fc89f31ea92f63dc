/**
 * Everything: defines all elements, and exports the core and the embedded adapters. Every
 * export is listed by name (no `export *`), so the public API changes only here.
 */
import './define/samen-provider.js';
import './define/samen-lesson-clip.js';
import './define/samen-feedback-bar.js';
import './define/samen-reward-chart.js';
import './define/samen-feelings-checkin.js';
import './define/samen-expectation-matrix.js';
import './define/samen-clip-composer.js';
import './define/samen-programme-intro.js';
import './define/samen-meeting.js';
import './define/samen-evaluation.js';
import './define/samen-programme-overview.js';

// The core (`@samen/widgets/core`), name by name: see src/core/index.ts.
export {
  type AdapterFor,
  ANSWER_MAX_LENGTH,
  type Award,
  awardSchema,
  captionTrackSchema,
  cardStyles,
  type Checkin,
  CHECKIN_NOTE_MAX_LENGTH,
  checkinSchema,
  checkUpload,
  CLIP_DRAFT_LIMITS,
  CLIP_GROUP_MAX_LENGTH,
  type ClipComposerPort,
  type ClipReach,
  clipReachSchema,
  CO_TEACHER_MAX_LENGTH,
  configure,
  cspStyle,
  type DeepPartial,
  DEFAULT_LOCALE,
  defineMessages,
  type DetailOf,
  deviceStorageAllowed,
  dispatchSamenEvent,
  type ExpectationMatrix,
  type ExpectationMatrixPort,
  expectationMatrixSchema,
  type FeedbackPort,
  type FeelingDefinition,
  feelingDefinitionSchema,
  feelingIdSchema,
  FEELINGS,
  feelingSetSchema,
  type FeelingsPort,
  type FocusExpectation,
  focusExpectationSchema,
  forgetMemoryDrafts,
  formatRelative,
  hasLocale,
  holdDeviceStorageOff,
  HOME_REACTIONS,
  type HomeAnswer,
  type HomeAnswerInput,
  homeAnswerInputSchema,
  type HomeAnswerKind,
  homeAnswerKindSchema,
  homeAnswerSchema,
  isAbortError,
  isLocaleLoading,
  isSafeUrl,
  langTagSchema,
  type LessonClip,
  type LessonClipDraft,
  lessonClipDraftSchema,
  type LessonClipPort,
  lessonClipSchema,
  type LivePort,
  loadLocale,
  type LocaleTable,
  MATRIX_LIMITS,
  type MatrixAxis,
  matrixAxisSchema,
  type MatrixExpectation,
  matrixExpectationSchema,
  type MatrixFocus,
  matrixFocusSchema,
  type Media,
  MEDIA_LIMITS,
  type MediaDraft,
  mediaDraftSchema,
  mediaSchema,
  type Messages,
  type MessageSection,
  messagesFor,
  missingMethods,
  newId,
  onLocalesChange,
  onPageDefaultsChange,
  pageDefaults,
  parseOrThrow,
  type PartialMessages,
  photoSchema,
  type PhotosMedia,
  photosMediaSchema,
  pictogramSchema,
  plural,
  type PluralForms,
  PORT_METHODS,
  type PortName,
  type Programme,
  PROGRAMMES,
  programmeSchema,
  type ReactionId,
  reactionIdSchema,
  REACTIONS,
  type ReactionSummary,
  reactionSummarySchema,
  registerLocale,
  type RegisterLocaleOptions,
  type Reply,
  REPLY_MAX_LENGTH,
  replySchema,
  type RequestOptions,
  resolveLocale,
  REWARD_TEXT_MAX_LENGTH,
  type RewardChart,
  type RewardChartPort,
  rewardChartSchema,
  SAMEN_ERROR_KINDS,
  type SamenAdapter,
  type SamenAdapterLike,
  type SamenAnswerDetail,
  type SamenAttentionDetail,
  type SamenAwardDetail,
  type SamenCheckinDetail,
  type SamenConfig,
  samenContext,
  SamenElement,
  SamenError,
  type SamenErrorDetail,
  type SamenErrorKind,
  type SamenEventMap,
  type SamenFocusDetail,
  type SamenIssue,
  type SamenMatrixChangeDetail,
  SamenProvider,
  type SamenPublishDetail,
  type SamenReactDetail,
  type SamenRedeemDetail,
  type SamenReplyDetail,
  type SamenSeenDetail,
  type SamenSignalDetail,
  type SamenSuccessDetail,
  type SamenTopic,
  type SamenUndoDetail,
  type SectionMessages,
  type SignalStep,
  type Success,
  SUCCESS_MAX_LENGTH,
  successSchema,
  TEXT_DISPLAY_MAX,
  toIssues,
  tokens,
  toSamenError,
  type Unsubscribe,
  UPLOAD_KINDS,
  type UploadCheck,
  type UploadedMedia,
  uploadedMediaSchema,
  type UploadKind,
  uploadKindSchema,
  type UploadOptions,
  type VideoMedia,
  videoMediaSchema,
  type Viewer,
  type ViewerPort,
  type ViewerRole,
  viewerRoleSchema,
  viewerSchema,
  type WriteInput,
} from './core/index.js';
export { SamenLessonClip } from './lesson-clip/lesson-clip.js';
export { parseLessonClip } from './lesson-clip/parse-clip.js';
export { SamenFeedbackBar } from './feedback-bar/feedback-bar.js';
// The programme's course (issue 26): the introduction before lesson 1 and the meetings.
export { SamenProgrammeIntro } from './programme-intro/programme-intro.js';
export { type Contact, type IntroLesson, type ProgrammeIntro, programmeIntroSchema, timelinePosition } from './programme-intro/schemas.js';
export { SamenMeeting } from './meeting/meeting.js';
export {
  type Meeting,
  type MeetingKind,
  type MeetingReplies,
  meetingRepliesSchema,
  meetingSchema,
  type Preparation,
  preparationSchema,
  type Rsvp,
  type RsvpAnswer,
  rsvpSchema,
} from './meeting/schemas.js';
export { escapeIcsText, meetingToIcs } from './meeting/ics.js';
export { MEETING_METHODS, type MeetingPort, type ProgrammeIntroPort } from './core/adapter.js';
export type { SamenPreparationDetail, SamenRsvpDetail } from './core/events.js';
// Evaluations of a programme run (issue 25).
export { SamenEvaluation } from './evaluation/evaluation.js';
export {
  type Answer,
  type Audience,
  AUDIENCES,
  BUILT_IN_QUESTIONS,
  DEFAULT_EVALUATION_MIN_GROUP_SIZE,
  type Evaluation,
  type EvaluationDraft,
  type EvaluationReceipt,
  type EvaluationResponseInput,
  type EvaluationResults,
  evaluationReceiptSchema,
  evaluationResultsSchema,
  evaluationSchema,
  type Phase,
  type Question,
  type QuestionKind,
} from './evaluation/schemas.js';
export { EVALUATION_METHODS, type EvaluationPort } from './core/adapter.js';
export type { SamenEvaluationResponseDetail } from './core/events.js';
export { SamenProgrammeOverview } from './programme-overview/programme-overview.js';
export {
  DEFAULT_MIN_GROUP_SIZE,
  type ProgrammeOverview,
  type ProgrammeOverviewQuery,
  programmeOverviewSchema,
  type UnreachedFamilies,
  unreachedFamiliesSchema,
} from './programme-overview/schemas.js';
export { overviewFromCountedTable, type CountedTable } from './programme-overview/counted-table.js';
export { type ProgrammeOverviewPort } from './core/adapter.js';
export { SamenRewardChart, UNDO_WINDOW_MS } from './reward-chart/reward-chart.js';
export { progress, type Progress, recentReasons, sanitizeChart } from './reward-chart/progress.js';
export { SamenFeelingsCheckin } from './feelings-checkin/feelings-checkin.js';
export {
  checkinIdFor,
  cleanCheckins,
  dayOf,
  DEFAULT_FEELINGS,
  DEFAULT_SIGNAL_RULE,
  distribution,
  feelingLabel,
  feelingLabelLang,
  findSignals,
  isoWithOffset,
  isSchoolDay,
  lastDays,
  lastSchoolDays,
  localDay,
  newestPerContext,
  type Signal,
  type SignalRule,
  signalWindow,
} from './feelings-checkin/feelings.js';
export { SamenExpectationMatrix } from './expectation-matrix/expectation-matrix.js';
export {
  addAxisItem,
  addExpectation,
  type Axis,
  cellKey,
  cellOf,
  cleanMatrix,
  editExpectation,
  type EditIssue,
  moveAxisItem,
  normalizeMatrix,
  removeAxisItem,
  removeExpectation,
  renameAxisItem,
  setFocus,
  successesByWeek,
  type SuccessWeek,
  validateMatrix,
} from './expectation-matrix/matrix.js';
export { SamenClipComposer, type ComposerClass } from './clip-composer/clip-composer.js';
export {
  courseOf,
  DEFAULT_LIBRARY,
  extendLibrary,
  LESSON_TEXT_FIELDS,
  type LessonPrefill,
  lessonsOf,
  type LessonTemplate,
  lessonTemplateSchema,
  type LessonTextField,
  libraryLanguages,
  type LibraryLocale,
  type ParsedLibrary,
  parseLibrary,
  pickLanguage,
  pickText,
  prefillFor,
  PROGRAMME_COURSE,
  sourceOf,
  type TextSource,
  textSourceSchema,
} from './clip-composer/programme-library.js';
export { MemoryAdapter, computeReach, type MemoryAdapterOptions } from './adapters/memory-adapter.js';
export { LocalAdapter, type LocalAdapterOptions } from './adapters/local-adapter.js';
export { HttpAdapter, type HttpAdapterOptions } from './adapters/http-adapter.js';
export { BridgeAdapter, BRIDGE_METHODS, type BridgeAdapterOptions } from './adapters/bridge-adapter.js';
export { serveBridge } from './adapters/bridge-host.js';
export { OutboxAdapter, WRITE_METHODS, type OutboxEntry, type OutboxOptions } from './adapters/outbox.js';
// The rhythm and after the last lesson (issue 26): scheduled posts, the class's rhythm, follow-ups and repeat lessons.
export { defaultSchedule, scheduleNotes, type ScheduleNote } from './clip-composer/schedule.js';
export { SCHEDULE_LIMITS, classRhythmSchema, type ClassRhythm } from './clip-composer/schemas.js';
export { followsUpSchema, isScheduled, FOLLOW_UP_KINDS, type FollowsUp, type FollowUpKind } from './lesson-clip/schemas.js';
export { overviewFollowUpSchema, type OverviewFollowUp } from './programme-overview/schemas.js';
export type { SamenScheduleDetail } from './core/events.js';
