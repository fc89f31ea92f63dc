/**
 * `npm run screenshots:ar`: the project's test-runner config, for the Arabic layout test alone,
 * without the coverage thresholds that only make sense for the whole suite. The test writes
 * docs/screenshots/ar/<widget>.png when SAMEN_SCREENSHOTS names that folder.
 */
import base from '../../web-test-runner.config.mjs';

export default { ...base, files: 'test/a11y/rtl.test.ts', groups: [], coverage: false };
