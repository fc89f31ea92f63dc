export {
  ConformanceError,
  defineAdapterConformance,
  PORT_FIXTURES,
  type ConformanceAdapters,
  type ConformanceFixtures,
  type ConformanceOptions,
  type FixturesFor,
  type LiveUpdateOptions,
  type PortsAdapter,
} from './conformance.js';
export {
  AUTHORIZATION_PORT_FIXTURES,
  defineAuthorizationConformance,
  type AuthorizationFixtures,
  type AuthorizationFixturesFor,
  type AuthorizationOptions,
  type AuthorizationViewers,
  type StaffScope,
} from './authorization.js';
