/**
 * A web-test-runner reporter beside the default one: counts every test (passed, failed, skipped)
 * and times every test file, for scripts/test.mjs's one closing summary and its list of the
 * slowest files (where the CI minutes go).
 *
 * It writes only when `SAMEN_WTR_SUMMARY` names a file (scripts/test.mjs sets it): a plain
 * `npx wtr` prints what it always printed.
 *
 * A file's time is from the previous result of the same browser to its own: each browser of the
 * config (the measured one and the unmeasured group's) runs one file at a time (`concurrency: 1`),
 * so that is the time the file ran, its page load and imports included.
 */
import { writeFileSync } from 'node:fs';

/**
 * @typedef {{ name: string, passed: boolean, skipped: boolean, error?: { message: string } }} TestResult
 * @typedef {{ name: string, suites: SuiteResult[], tests: TestResult[] }} SuiteResult
 * @typedef {{ testFile: string, passed?: boolean, errors: { message: string }[], testResults?: SuiteResult }} Session
 */

/** @param {SuiteResult | undefined} suite @param {string[]} path @param {(test: TestResult, path: string[]) => void} visit */
function walk(suite, path, visit) {
  if (!suite) return;
  for (const test of suite.tests) visit(test, path);
  for (const child of suite.suites) walk(child, [...path, child.name], visit);
}

/**
 * A failure's reason for the closing summary: the first line of its message, cut at 200
 * characters. CI's log keeps only its end, so the summary says why as well as which.
 */
export function reasonOf(/** @type {string | undefined} */ message) {
  const line =
    (message ?? '')
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** A failure's line: its name, then its reason after a dash when it has one. */
export function failureLine(/** @type {string} */ name, /** @type {string | undefined} */ message) {
  const reason = reasonOf(message);
  return reason ? `${name} — ${reason}` : name;
}

/** Counts the tests of these sessions; a file that failed without a failing test (it did not load, say) counts as one failure. */
export function countSessions(/** @type {Session[]} */ sessions) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  /** @type {string[]} */
  const failures = [];
  for (const session of sessions) {
    const file = session.testFile.replace(`${process.cwd()}/`, '');
    let failedHere = 0;
    walk(session.testResults, [], (test, path) => {
      if (test.skipped) counts.skipped++;
      else if (test.passed) counts.passed++;
      else {
        counts.failed++;
        failedHere++;
        failures.push(failureLine(`${file}: ${[...path, test.name].join(' > ')}`, test.error?.message));
      }
    });
    if (session.passed === false && failedHere === 0) {
      counts.failed++;
      failures.push(`${file}: ${session.errors[0]?.message ?? 'failed'}`);
    }
  }
  return { ...counts, failures };
}

/** @returns {import('@web/test-runner').Reporter} */
export function summaryFileReporter({ file = process.env.SAMEN_WTR_SUMMARY } = {}) {
  const started = performance.now();
  /** When each browser last finished a file: each runs one file at a time, beside the other (the config's groups). */
  const lastBy = new Map();
  /** @type {Record<string, number>} seconds per test file */
  const seconds = {};
  return {
    reportTestFileResults({ testFile, sessionsForTestFile }) {
      const now = performance.now();
      const browser = sessionsForTestFile[0]?.browser;
      seconds[testFile.replace(`${process.cwd()}/`, '')] = Math.round(now - (lastBy.get(browser) ?? started)) / 1000;
      lastBy.set(browser, now);
    },
    stop({ sessions }) {
      if (!file) return;
      const counts = countSessions(/** @type {Session[]} */ (/** @type {unknown} */ (sessions)));
      writeFileSync(file, JSON.stringify({ ...counts, seconds }, null, 2));
    },
  };
}
