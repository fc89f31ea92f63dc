import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { samenMediaPlugin } from './test/a11y/media-plugin.mjs';
import { heapPlugin } from './test/helpers/heap-plugin.mjs';
import { samenScreenshotPlugin } from './test/a11y/screenshot-plugin.mjs';
import { noThirdPartyRequests } from './test/security/network-plugin.mjs';

/** Every test page records its requests; one to another origin than the test server's fails the run. */
const network = noThirdPartyRequests();

/** Real headless Chromium: Debian's /usr/bin/chromium here and in CI, CHROME_PATH elsewhere. */
export default {
  files: 'test/**/*.test.ts',
  nodeResolve: true,
  // For the accessibility tests (test/a11y/): forced-colors emulation, and the accessibility tree.
  // heapPlugin: garbage collection and heap size for the lifecycle test (test/security/).
  // samenScreenshotPlugin: the Arabic screenshots (npm run screenshots:ar; test/a11y/rtl.test.ts).
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }), samenMediaPlugin(), a11ySnapshotPlugin(), heapPlugin(), samenScreenshotPlugin(), network.plugin],
  browsers: [
    chromeLauncher({
      createPage: network.createPage,
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // Test files run in parallel pages; without these, the page in the background
          // gets throttled timers and no IntersectionObserver callbacks, and tests time out.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  // One page at a time: a background page gets no IntersectionObserver callbacks and throttled
  // timers even with the flags above, which makes seen-tracking and focus tests flaky.
  concurrency: 1,
  testFramework: { config: { timeout: 5000 } },
  coverage: true,
  coverageConfig: {
    include: ['src/**/*.ts'],
    exclude: ['src/**/*.styles.ts'],
    threshold: { statements: 85, branches: 80, functions: 80, lines: 85 },
    reportDir: 'coverage',
  },
};
