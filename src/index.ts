/** Everything: defines all elements, and exports the core and the embedded adapters. */
import './define/samen-provider.js';
import './define/samen-lesson-clip.js';
import './define/samen-feedback-bar.js';
import './define/samen-reward-chart.js';
import './define/samen-feelings-checkin.js';
import './define/samen-expectation-matrix.js';
import './define/samen-clip-composer.js';

export * from './core/index.js';
export { SamenLessonClip } from './lesson-clip/lesson-clip.js';
export { parseLessonClip } from './lesson-clip/parse-clip.js';
export { SamenFeedbackBar } from './feedback-bar/feedback-bar.js';
export { SamenRewardChart, UNDO_WINDOW_MS } from './reward-chart/reward-chart.js';
export * from './reward-chart/progress.js';
export { SamenFeelingsCheckin } from './feelings-checkin/feelings-checkin.js';
export * from './feelings-checkin/feelings.js';
export { SamenExpectationMatrix } from './expectation-matrix/expectation-matrix.js';
export * from './expectation-matrix/matrix.js';
export { SamenClipComposer, type ComposerClass } from './clip-composer/clip-composer.js';
export * from './clip-composer/programme-library.js';
export { MemoryAdapter, computeReach, type MemoryAdapterOptions } from './adapters/memory-adapter.js';
export { LocalAdapter, type LocalAdapterOptions } from './adapters/local-adapter.js';
export { HttpAdapter, type HttpAdapterOptions } from './adapters/http-adapter.js';
export { BridgeAdapter, BRIDGE_METHODS, type BridgeAdapterOptions } from './adapters/bridge-adapter.js';
export { serveBridge } from './adapters/bridge-host.js';
export { OutboxAdapter, WRITE_METHODS, type OutboxEntry, type OutboxOptions } from './adapters/outbox.js';
