/**
 * npm test's one summary (scripts/test.mjs): every test counted across web-test-runner and
 * node:test, failures named, and a failure anywhere exits non-zero.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countTap } from '../../scripts/test.mjs';
import { countSessions } from '../../scripts/wtr-summary-reporter.mjs';

const script = new URL('../../scripts/test.mjs', import.meta.url).pathname;

/** Runs scripts/test.mjs on these node:test files; resolves to its exit code and output. */
function runSummary(/** @type {string[]} */ files) {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, '--no-build', '--', ...files], (error, stdout, stderr) =>
      resolve({ code: error ? error.code : 0, output: stdout, stderr }),
    );
  });
}

test('a failing node:test file: the summary counts every test, names the failing one, and exits non-zero', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'samen-summary-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'a.test.mjs'),
    `import { test, describe } from 'node:test';
describe('group', () => {
  test('passes', () => {});
  test('fails', () => { throw new Error('no'); });
  test('skipped', { skip: 'later' }, () => {});
});`,
  );
  writeFileSync(join(dir, 'b.test.mjs'), `import { test } from 'node:test';\ntest('also passes', () => {});`);
  const { code, output } = await runSummary([join(dir, 'a.test.mjs'), join(dir, 'b.test.mjs')]);
  assert.notEqual(code, 0, output);
  assert.match(output, /node:test\s+2 passed, 1 failed, 1 skipped/);
  assert.match(output, /✖ node:test: group > fails — no$/m);
  assert.match(output, /✖ 4 tests: 2 passed, 1 failed, 1 skipped \(node:test 4\)/);
});

test('all passing: one closing line with the total, exit 0', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'samen-summary-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'c.test.mjs'), `import { test } from 'node:test';\ntest('one', () => {});\ntest('two', () => {});`);
  const { code, output } = await runSummary([join(dir, 'c.test.mjs')]);
  assert.equal(code, 0, output);
  assert.match(output.trim().split('\n').at(-1), /^✔ 2 tests: 2 passed, 0 failed, 0 skipped \(node:test 2\) in \d+ s$/);
});

test('--also adds node:test files to the count; --then runs after the node suites and its failure fails the run', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'samen-summary-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'd.test.mjs'), `import { test } from 'node:test';\ntest('one', () => {});`);
  writeFileSync(join(dir, 'e.test.mjs'), `import { test } from 'node:test';\ntest('two', () => {});\ntest('three', () => {});`);
  /** @returns {Promise<{ code: number, output: string }>} */
  const summary = (/** @type {string} */ then) =>
    new Promise((resolve) => {
      const args = [
        script,
        '--no-build',
        '--only=node',
        `--also=${join(dir, 'e.test.mjs')}`,
        `--then=${then}`,
        '--',
        join(dir, 'd.test.mjs'),
      ];
      execFile(process.execPath, args, (error, stdout) => resolve({ code: error ? Number(error.code) : 0, output: stdout }));
    });
  const passing = await summary('echo smoke ran');
  assert.equal(passing.code, 0, passing.output);
  assert.match(passing.output, /==> echo smoke ran \(ran beside web-test-runner, after the node suites\)\nsmoke ran\n/);
  assert.match(passing.output.trim().split('\n').at(-1), /^✔ 3 tests: 3 passed, 0 failed, 0 skipped \(node:test 3\) in \d+ s$/);
  const failing = await summary('echo smoke broke; exit 3');
  assert.notEqual(failing.code, 0, failing.output);
  assert.match(failing.output, /✖ echo smoke broke; exit 3 exited 3: see its output above/);
  assert.match(failing.output.trim().split('\n').at(-1), /^✖ 3 tests: 3 passed, 0 failed, 0 skipped/);
});

test('TAP: nested failures are named once, by their path; cancelled counts as failed, todo as skipped', () => {
  const tap = [
    '# Subtest: file a',
    '    # Subtest: inner',
    '    not ok 1 - inner',
    'not ok 1 - file a',
    '# Subtest: hook only',
    'not ok 2 - hook only',
    '# Subtest: fine',
    'ok 3 - fine',
    '# tests 5',
    '# pass 1',
    '# fail 2',
    '# cancelled 1',
    '# skipped 1',
    '# todo 1',
  ].join('\n');
  assert.deepEqual(countTap(tap), { passed: 1, failed: 3, skipped: 2, failures: ['file a > inner', 'hook only'] });
});

test("TAP: each failure carries the first line of its error, quoted or a block, so CI's short log says why", () => {
  const tap = [
    '# Subtest: file a',
    '    # Subtest: times out',
    '    not ok 1 - times out',
    '      ---',
    "      error: 'test timed out after 5000ms, it''s slow'",
    '      stack: |-',
    '        at somewhere',
    '      ...',
    'not ok 1 - file a',
    '  ---',
    "  error: '1 subtest failed'",
    '  ...',
    '# Subtest: asserts',
    'not ok 2 - asserts',
    '  ---',
    '  error: |-',
    '    Expected values to be strictly equal:',
    '    ',
    '    1 !== 2',
    '  code: ERR_ASSERTION',
    '  ...',
    '# Subtest: no block',
    'not ok 3 - no block',
    '# Subtest: fine',
    'ok 4 - fine',
    '  ---',
    "  error: 'not a failure's'",
    '  ...',
  ].join('\n');
  assert.deepEqual(countTap(tap).failures, [
    "file a > times out — test timed out after 5000ms, it's slow",
    'asserts — Expected values to be strictly equal:',
    'no block',
  ]);
});

test("web-test-runner sessions: tests counted through nested suites, each failure with its message's first line; a file that failed to load counts as a failure", () => {
  const sessions = [
    {
      testFile: 'test/a.test.ts',
      passed: false,
      errors: [],
      testResults: {
        name: '',
        tests: [{ name: 'top', passed: true, skipped: false }],
        suites: [
          {
            name: 'suite',
            suites: [],
            tests: [
              { name: 'bad', passed: false, skipped: false, error: { message: '\nexpected 1 to equal 2\n  at x.test.ts:3' } },
              { name: 'later', passed: false, skipped: true },
            ],
          },
        ],
      },
    },
    { testFile: 'test/b.test.ts', passed: false, errors: [{ message: 'Could not import your test module' }] },
  ];
  assert.deepEqual(countSessions(sessions), {
    passed: 1,
    failed: 2,
    skipped: 1,
    failures: ['test/a.test.ts: suite > bad — expected 1 to equal 2', 'test/b.test.ts: Could not import your test module'],
  });
});
