/**
 * The core for vendors (`@samen/widgets/core`): the adapter contract, errors, events, i18n,
 * parsing and every schema, type and limit, the widgets' own included (each lives in its
 * widget's folder). Listed name by name: a module's new export is public only once it is
 * added here. Widgets never import this module, so none of them ships another's schemas.
 */
export {
  type AdapterFor,
  type ClipComposerPort,
  type ExpectationMatrixPort,
  type FeedbackPort,
  type FeelingsPort,
  type LessonClipPort,
  type LivePort,
  missingMethods,
  newId,
  PORT_METHODS,
  type PortName,
  type RequestOptions,
  type RewardChartPort,
  type SamenAdapter,
  type SamenAdapterLike,
  type SamenTopic,
  type Unsubscribe,
  type UploadOptions,
  type ViewerPort,
  type WriteInput,
} from './adapter.js';
export {
  configure,
  deviceStorageAllowed,
  holdDeviceStorageOff,
  onPageDefaultsChange,
  pageDefaults,
  type SamenConfig,
  samenContext,
} from './context.js';
export { isAbortError, SAMEN_ERROR_KINDS, SamenError, type SamenErrorKind, type SamenIssue, toSamenError } from './errors.js';
export {
  type DetailOf,
  dispatchSamenEvent,
  type SamenAnswerDetail,
  type SamenAttentionDetail,
  type SamenAwardDetail,
  type SamenCheckinDetail,
  type SamenErrorDetail,
  type SamenEventMap,
  type SamenFocusDetail,
  type SamenMatrixChangeDetail,
  type SamenPublishDetail,
  type SamenReactDetail,
  type SamenRedeemDetail,
  type SamenReplyDetail,
  type SamenSeenDetail,
  type SamenSignalDetail,
  type SamenSuccessDetail,
  type SamenUndoDetail,
  type SignalStep,
} from './events.js';
export {
  type DeepPartial,
  DEFAULT_LOCALE,
  formatRelative,
  hasLocale,
  isLocaleLoading,
  loadLocale,
  type LocaleTable,
  type Messages,
  defineMessages,
  type MessageSection,
  messagesFor,
  onLocalesChange,
  type PartialMessages,
  plural,
  type PluralForms,
  registerLocale,
  type RegisterLocaleOptions,
  type SectionMessages,
  resolveLocale,
} from './i18n.js';
export { parseOrThrow, toIssues } from './parse.js';
export { isSafeUrl } from './safe-url.js';
// Schemas, types and limits: the shared ones, then each widget's.
export {
  langTagSchema,
  pictogramSchema,
  type Programme,
  PROGRAMMES,
  programmeSchema,
  TEXT_DISPLAY_MAX,
  type Viewer,
  type ViewerRole,
  viewerRoleSchema,
  viewerSchema,
} from './schemas.js';
export {
  ANSWER_MAX_LENGTH,
  captionTrackSchema,
  type ClipReach,
  clipReachSchema,
  type HomeAnswer,
  type HomeAnswerInput,
  homeAnswerInputSchema,
  type HomeAnswerKind,
  homeAnswerKindSchema,
  homeAnswerSchema,
  type LessonClip,
  lessonClipSchema,
  type Media,
  mediaSchema,
  photoSchema,
  type PhotosMedia,
  photosMediaSchema,
  type VideoMedia,
  videoMediaSchema,
} from '../lesson-clip/schemas.js';
export {
  HOME_REACTIONS,
  type ReactionId,
  reactionIdSchema,
  REACTIONS,
  type ReactionSummary,
  reactionSummarySchema,
  type Reply,
  REPLY_MAX_LENGTH,
  replySchema,
} from '../feedback-bar/schemas.js';
export {
  type Award,
  awardSchema,
  type FocusExpectation,
  focusExpectationSchema,
  REWARD_TEXT_MAX_LENGTH,
  type RewardChart,
  rewardChartSchema,
  UNDO_WINDOW_MS,
} from '../reward-chart/schemas.js';
export {
  type Checkin,
  CHECKIN_NOTE_MAX_LENGTH,
  checkinSchema,
  type FeelingDefinition,
  feelingDefinitionSchema,
  feelingIdSchema,
  FEELINGS,
  feelingSetSchema,
} from '../feelings-checkin/schemas.js';
export {
  type ExpectationMatrix,
  expectationMatrixSchema,
  MATRIX_LIMITS,
  type MatrixAxis,
  matrixAxisSchema,
  type MatrixExpectation,
  matrixExpectationSchema,
  type MatrixFocus,
  matrixFocusSchema,
  type Success,
  SUCCESS_MAX_LENGTH,
  successSchema,
} from '../expectation-matrix/schemas.js';
export {
  checkUpload,
  CLIP_DRAFT_LIMITS,
  CLIP_GROUP_MAX_LENGTH,
  CO_TEACHER_MAX_LENGTH,
  type LessonClipDraft,
  lessonClipDraftSchema,
  MEDIA_LIMITS,
  type MediaDraft,
  mediaDraftSchema,
  UPLOAD_KINDS,
  type UploadCheck,
  type UploadedMedia,
  uploadedMediaSchema,
  type UploadKind,
  uploadKindSchema,
} from '../clip-composer/schemas.js';
export { SamenElement } from './samen-element.js';
export { SamenProvider } from './samen-provider.js';
export { tokens, cardStyles } from './tokens.styles.js';
export { cspStyle } from './csp-style.js';
export { forgetMemoryDrafts } from './draft-store.js';
