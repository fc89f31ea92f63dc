export {
  ConformanceError,
  defineAdapterConformance,
  type ConformanceAdapters,
  type ConformanceFixtures,
  type ConformanceOptions,
  type LiveUpdateOptions,
} from './conformance.js';
