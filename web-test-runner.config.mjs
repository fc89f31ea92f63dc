import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { samenMediaPlugin } from './test/a11y/media-plugin.mjs';
import { heapPlugin } from './test/helpers/heap-plugin.mjs';
import { samenScreenshotPlugin } from './test/a11y/screenshot-plugin.mjs';
import { noThirdPartyRequests } from './test/security/network-plugin.mjs';
import { defaultReporter } from '@web/test-runner';
import { CHROME_PATH, CHROMIUM_FLAGS } from './scripts/browser.mjs';
import { summaryFileReporter } from './scripts/wtr-summary-reporter.mjs';

/** Every test page records its requests; one to another origin than the test server's fails the run. */
const network = noThirdPartyRequests();

/** Real headless Chromium: Debian's /usr/bin/chromium here and in CI, CHROME_PATH elsewhere (scripts/browser.mjs). */
export default {
  files: 'test/**/*.test.ts',
  nodeResolve: true,
  // For the accessibility tests (test/a11y/): forced-colors emulation, and the accessibility tree.
  // heapPlugin: garbage collection and heap size for the lifecycle test (test/security/).
  // samenScreenshotPlugin: the Arabic screenshots (npm run screenshots:ar; test/a11y/rtl.test.ts).
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }),
    samenMediaPlugin(),
    a11ySnapshotPlugin(),
    heapPlugin(),
    samenScreenshotPlugin(),
    network.plugin,
  ],
  browsers: [
    chromeLauncher({
      createPage: network.createPage,
      launchOptions: {
        executablePath: CHROME_PATH,
        headless: true,
        // scripts/browser.mjs's one flag list (it keeps background pages unthrottled too: test
        // files run in parallel pages). The test server is on localhost, so without LOCAL_ONLY_FLAG.
        args: [...CHROMIUM_FLAGS],
      },
    }),
  ],
  // One page at a time: a background page gets no IntersectionObserver callbacks and throttled
  // timers even with the flags above, which makes seen-tracking and focus tests flaky.
  concurrency: 1,
  // A file may take longer than the default 120 s on a busy two-core machine (the hostile-text suite: ~150 s under load).
  testsFinishTimeout: 300_000,
  // The default output, and the counts and per-file seconds for npm test's one summary (scripts/test.mjs).
  reporters: [defaultReporter(), summaryFileReporter()],
  testFramework: { config: { timeout: 5000 } },
  coverage: true,
  coverageConfig: {
    include: ['src/**/*.ts'],
    exclude: ['src/**/*.styles.ts'],
    threshold: { statements: 85, branches: 80, functions: 80, lines: 85 },
    reportDir: 'coverage',
  },
};
