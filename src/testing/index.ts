export {
  ConformanceError,
  defineAdapterConformance,
  type ConformanceAdapters,
  type ConformanceFixtures,
  type ConformanceOptions,
  type LiveUpdateOptions,
} from './conformance.js';
export {
  defineAuthorizationConformance,
  type AuthorizationFixtures,
  type AuthorizationOptions,
  type AuthorizationViewers,
  type StaffScope,
} from './authorization.js';
