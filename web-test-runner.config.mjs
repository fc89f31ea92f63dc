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

/**
 * The suites that run the widgets' code again under axe on every story, theme, zoom and language,
 * or with a corpus of hostile strings in every text box: they run without coverage. V8's block
 * coverage slows axe and the widgets by a third in them (audit-stories-4: 26.9 → 35.6 s), and the
 * other suites reach nearly every line they do (without them: 98.8 % of lines, 92.1 % of branches,
 * 96.5 % of functions, against 98.9 %, 92.2 % and 96.6 % with them), far above the thresholds below.
 * A run of chosen files (`--files`, `npm test -- <files>`) measures whatever it runs.
 */
const UNMEASURED = ['test/a11y/audit-*.test.ts', 'test/security/hostile-*.test.ts'];
const chosenFiles = process.argv.some((arg) => arg === '--files' || arg.startsWith('--files=') || arg === '--group');

/** Real headless Chromium, every page watched for third-party requests; `measured: false` collects no coverage. */
const chromium = ({ measured = true } = {}) =>
  chromeLauncher({
    createPage: async (args) => {
      const page = await network.createPage(args);
      // web-test-runner starts and takes the page's coverage through page.coverage: here, nothing.
      if (!measured)
        Object.defineProperty(page, 'coverage', { value: { startJSCoverage: async () => {}, stopJSCoverage: async () => [] } });
      return page;
    },
    launchOptions: {
      executablePath: CHROME_PATH,
      headless: true,
      // scripts/browser.mjs's one flag list (it keeps background pages unthrottled too: test
      // files run in parallel pages). The test server is on localhost, so without LOCAL_ONLY_FLAG.
      args: [...CHROMIUM_FLAGS],
    },
  });

/** Real headless Chromium: Debian's /usr/bin/chromium here and in CI, CHROME_PATH elsewhere (scripts/browser.mjs). */
export default {
  files: chosenFiles ? 'test/**/*.test.ts' : ['test/**/*.test.ts', ...UNMEASURED.map((pattern) => `!${pattern}`)],
  // The unmeasured suites: a group of their own, in a browser of their own that collects no
  // coverage, beside the rest (one page in each browser, each in the foreground: see concurrency).
  groups: chosenFiles ? [] : [{ name: 'unmeasured', files: UNMEASURED, browsers: [chromium({ measured: false })] }],
  concurrentBrowsers: 2,
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
  browsers: [chromium()],
  // One page at a time: a background page gets no IntersectionObserver callbacks and throttled
  // timers even with the flags above, which makes seen-tracking and focus tests flaky.
  concurrency: 1,
  // A file may take longer than the default 120 s on a busy two-core machine (the hostile-text suite: ~150 s under load).
  testsFinishTimeout: 300_000,
  // The default output, and the counts and per-file seconds for npm test's one summary (scripts/test.mjs).
  reporters: [defaultReporter(), summaryFileReporter()],
  // Mocha's timeout only catches a test that hangs; speed is the benches' to judge (bench/). 15 s,
  // not mocha's 2 s or our old 5 s: on a two-core CI machine running both runners at once, a test
  // that renders a widget and runs axe over it took over 5 s now and then, and failed a green run.
  testFramework: { config: { timeout: 15_000 } },
  coverage: true,
  coverageConfig: {
    include: ['src/**/*.ts'],
    exclude: ['src/**/*.styles.ts'],
    threshold: { statements: 85, branches: 80, functions: 80, lines: 85 },
    reportDir: 'coverage',
  },
};
