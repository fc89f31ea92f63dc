#!/usr/bin/env node
/**
 * `npm test`: builds dist/, runs the browser tests (web-test-runner, with coverage) and the Node
 * tests (one `node --test` run of NODE_SUITES), streams what they print, and closes with one
 * summary: every test counted (passed, failed, skipped), each runner beside it, the failures by
 * name, and the slowest browser test files. A failure anywhere exits non-zero.
 *
 * Each runner stays usable on its own: `npx wtr [--files …]`, `node --test <file>`.
 *
 *   node scripts/test.mjs [--no-build] [--parallel] [--only=wtr|node] [--node-concurrency=N]
 *                         [--also=PATH …] [--then=COMMAND] [-- files…]
 *
 *   --no-build            dist/ is already built (CI builds it in its own step)
 *   --parallel            both runners at once (the node side's output is printed as a block when
 *                         it ends); CI does this: the browser tests keep one core busy, the node
 *                         suites mostly wait on servers and child processes
 *   --only=wtr|node       one runner (npm run test:node is --only=node)
 *   --node-concurrency=N  test files node --test runs at once (its default is cores - 1)
 *   --also=PATH           more node:test files or folders after NODE_SUITES, counted with them
 *                         (CI: bench/test/ and the Storybook smoke, which need a build first)
 *   --then=COMMAND        a shell command run when the node suites have ended, still beside
 *                         web-test-runner (CI: the smokes that are not tests); its output is
 *                         printed as a block and a non-zero exit fails the run
 *   -- files…             only these: *.test.ts to web-test-runner (--files), the rest to node --test
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { failureLine } from './wtr-summary-reporter.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The suites `node --test` runs: the reference server, the demo and framework pages, the docs, the CSP page and this script. */
export const NODE_SUITES = [
  'examples/reference-server/test/',
  'examples/test/demo.test.mjs',
  'examples/test/server-e2e.test.mjs',
  'examples/test/frameworks.test.mjs',
  'test/docs/',
  'test/security/csp/csp.test.mjs',
  'test/security/csp/two-copies.test.mjs',
  'test/package/',
  'test/types/typings.test.mjs',
  'test/tooling/',
];

/**
 * Where the reference server keeps the fresh PGlite cluster its new stores copy instead of
 * running initdb (SAMEN_PGLITE_TEMPLATE, examples/reference-server/database.mjs): set for every
 * suite and server the tests start, unless already set (empty: initdb every time).
 */
export const PGLITE_TEMPLATE = join(root, 'node_modules/.cache/samen-pglite');

/**
 * @typedef {{ passed: number, failed: number, skipped: number, failures: string[] }} Counts
 * @typedef {Counts & { name: string, code: number | null, seconds: number, slowest?: [string, number][] }} RunnerResult
 */

/**
 * Counts and failing tests from node:test's TAP output: the deepest failing test of each failing
 * branch, by its path, with the first line of its error (the YAML block's `error:`).
 */
export function countTap(/** @type {string} */ tap) {
  const number = (/** @type {string} */ key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  /** @type {{ name: string, error?: string }[]} */
  const failed = [];
  /** @type {string[]} */
  const path = [];
  let lastFailDepth = -1;
  /** The failure whose YAML block comes next, and, in an `error: |-` block, its indent. */
  let awaiting = /** @type {{ name: string, error?: string } | undefined} */ (undefined);
  let blockIndent = -1;
  for (const line of tap.split('\n')) {
    if (awaiting && blockIndent >= 0) {
      const indent = /^ */.exec(line)?.[0].length ?? 0;
      if (line.trim() === '') continue;
      if (indent > blockIndent) {
        awaiting.error = line.trim();
        awaiting = undefined;
      }
      blockIndent = -1;
    }
    const error = awaiting && /^( *)error: (.*)$/.exec(line);
    if (awaiting && error) {
      if (/^[|>]-?$/.test(error[2])) blockIndent = error[1].length;
      else {
        awaiting.error = error[2].replace(/^'(.*)'$/, (_, quoted) => quoted.replaceAll("''", "'"));
        awaiting = undefined;
      }
      continue;
    }
    // The block ends at `...`; a test without one ends at the next test's line.
    if (/^ *(?:\.\.\.$|# Subtest: |ok \d+ )/.test(line)) awaiting = undefined;
    const subtest = /^( *)# Subtest: (.*)$/.exec(line);
    if (subtest) {
      const depth = subtest[1].length / 4;
      path.length = depth;
      path[depth] = subtest[2];
      continue;
    }
    const notOk = /^( *)not ok \d+ - (.*?)(?: # (?:SKIP|TODO).*)?$/.exec(line);
    if (!notOk) continue;
    const depth = notOk[1].length / 4;
    // Children are reported before their parent: a parent of a failing test is not listed again.
    if (lastFailDepth !== depth + 1) {
      awaiting = { name: [...path.slice(0, depth), notOk[2]].join(' > ') };
      failed.push(awaiting);
    }
    lastFailDepth = depth;
  }
  return {
    passed: number('pass'),
    failed: number('fail') + number('cancelled'),
    skipped: number('skipped') + number('todo'),
    failures: failed.map(({ name, error }) => failureLine(name, error)),
  };
}

/** Runs a command, streaming (or, with `buffer`, collecting) its output; resolves to its exit code. */
function run(/** @type {string} */ command, /** @type {string[]} */ args, { env = {}, buffer = false } = {}) {
  // Without NODE_TEST_CONTEXT: run from inside a node:test (test/tooling/), node --test would report to that parent.
  const { NODE_TEST_CONTEXT: _, ...inherited } = process.env;
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...inherited, ...env },
      stdio: ['ignore', buffer ? 'pipe' : 'inherit', buffer ? 'pipe' : 'inherit'],
    });
    /** @type {Buffer[]} */
    const chunks = [];
    child.stdout?.on('data', (chunk) => chunks.push(chunk));
    child.stderr?.on('data', (chunk) => chunks.push(chunk));
    child.on('error', (error) => {
      chunks.push(Buffer.from(`${command}: ${error.message}\n`));
      resolve({ code: 1, output: Buffer.concat(chunks).toString() });
    });
    child.on('close', (code) => resolve({ code, output: Buffer.concat(chunks).toString() }));
  });
}

const bin = (/** @type {string} */ name) => join(root, 'node_modules/.bin', name);

/** @returns {Promise<RunnerResult>} */
async function runWtr(/** @type {string} */ scratch, /** @type {string[]} */ files = []) {
  const started = performance.now();
  const summary = join(scratch, 'wtr.json');
  const { code } = await run(bin('wtr'), files.length ? ['--files', ...files] : [], { env: { SAMEN_WTR_SUMMARY: summary } });
  const seconds = (performance.now() - started) / 1000;
  if (!existsSync(summary))
    return { name: 'wtr', code, seconds, passed: 0, failed: 1, skipped: 0, failures: ['web-test-runner ended before reporting'] };
  /** @type {Counts & { seconds: Record<string, number> }} */
  const report = JSON.parse(readFileSync(summary, 'utf8'));
  const slowest = /** @type {[string, number][]} */ (
    Object.entries(report.seconds)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
  );
  return {
    name: 'wtr',
    code,
    seconds,
    passed: report.passed,
    failed: report.failed,
    skipped: report.skipped,
    failures: report.failures,
    slowest,
  };
}

/** @returns {Promise<RunnerResult>} */
async function runNode(/** @type {string} */ scratch, { buffer = false, concurrency = '', files = NODE_SUITES } = {}) {
  const started = performance.now();
  const tap = join(scratch, 'node.tap');
  const args = [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
  ];
  if (concurrency) args.push(`--test-concurrency=${concurrency}`);
  const { code, output } = await run(process.execPath, [...args, ...files], { buffer });
  if (buffer) process.stdout.write(`\n==> node --test (ran beside web-test-runner)\n${output}`);
  const seconds = (performance.now() - started) / 1000;
  const counts = existsSync(tap)
    ? countTap(readFileSync(tap, 'utf8'))
    : { passed: 0, failed: 1, skipped: 0, failures: ['node --test wrote no report'] };
  return { name: 'node:test', code, seconds, ...counts };
}

/**
 * `--then`'s command (bash -c), its output collected and printed as a block when it ends.
 * @returns {Promise<RunnerResult>}
 */
async function runThen(/** @type {string} */ command) {
  const started = performance.now();
  const { code, output } = await run('bash', ['-c', command], { buffer: true });
  process.stdout.write(`\n==> ${command} (ran beside web-test-runner, after the node suites)\n${output}`);
  const seconds = (performance.now() - started) / 1000;
  return { name: 'then', code, seconds, passed: 0, failed: 0, skipped: 0, failures: [] };
}

const counted = (/** @type {Counts} */ c) => `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;

async function main() {
  const all = process.argv.slice(2);
  const dashes = all.indexOf('--');
  const argv = dashes < 0 ? all : all.slice(0, dashes);
  const files = dashes < 0 ? [] : all.slice(dashes + 1);
  const browserFiles = files.filter((f) => f.endsWith('.ts'));
  const nodeFiles = files.filter((f) => !f.endsWith('.ts'));
  const option = (/** @type {string} */ name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? '';
  const only = option('only') || (files.length && !nodeFiles.length ? 'wtr' : files.length && !browserFiles.length ? 'node' : '');
  const parallel = argv.includes('--parallel');
  const also = argv.filter((a) => a.startsWith('--also=')).map((a) => a.slice('--also='.length));
  const then = argv.find((a) => a.startsWith('--then='))?.slice('--then='.length) ?? '';
  const started = performance.now();
  process.env.SAMEN_PGLITE_TEMPLATE ??= PGLITE_TEMPLATE;

  if (!argv.includes('--no-build') && only !== 'wtr') {
    const { code } = await run(bin('rollup'), ['-c', '--silent']);
    if (code !== 0) {
      console.error(`\nnpm test: the build failed (rollup -c, exit ${code}): no tests ran.`);
      process.exit(1);
    }
  }

  const scratch = mkdtempSync(join(tmpdir(), 'samen-test-'));
  /** @type {RunnerResult[]} */
  let results;
  try {
    const concurrency = option('node-concurrency');
    const node = { concurrency, files: [...(nodeFiles.length ? nodeFiles : NODE_SUITES), ...also] };
    /** The node suites, then `--then`'s command (beside web-test-runner when --parallel). */
    const nodeSide = async (/** @type {boolean} */ buffer) => {
      const result = await runNode(scratch, { ...node, buffer });
      return then ? [result, await runThen(then)] : [result];
    };
    if (only === 'wtr') results = [await runWtr(scratch, browserFiles)];
    else if (only === 'node') results = await nodeSide(false);
    else if (parallel) results = (await Promise.all([runWtr(scratch, browserFiles), nodeSide(true)])).flat();
    else results = [await runWtr(scratch, browserFiles), ...(await nodeSide(false))];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const total = results.reduce(
    (sum, r) => ({
      passed: sum.passed + r.passed,
      failed: sum.failed + r.failed,
      skipped: sum.skipped + r.skipped,
      failures: [...sum.failures, ...r.failures.map((f) => `${r.name}: ${f}`)],
    }),
    /** @type {Counts} */ ({ passed: 0, failed: 0, skipped: 0, failures: [] }),
  );
  // A runner may fail with every test passing (web-test-runner's coverage threshold, a file that did not load).
  const broken = results.filter((r) => r.code !== 0 && r.failed === 0);

  const lines = ['', '==> Summary'];
  for (const r of results)
    lines.push(
      `  ${r.name.padEnd(10)} ${r.name === 'then' ? `${then}:` : counted(r)} (${r.seconds.toFixed(1)} s)${r.code !== 0 ? `, exit ${r.code}` : ''}`,
    );
  const slowest = results.find((r) => r.slowest)?.slowest;
  if (slowest?.length)
    lines.push(
      `  slowest browser test files: ${slowest.map(([file, s]) => `${file.replace(/^test\//, '')} ${s.toFixed(0)} s`).join(', ')}`,
    );
  if (total.failures.length) {
    lines.push('  failed:');
    for (const failure of total.failures.slice(0, 30)) lines.push(`    ✖ ${failure}`);
    if (total.failures.length > 30) lines.push(`    … and ${total.failures.length - 30} more (above)`);
  }
  for (const r of broken)
    lines.push(
      r.name === 'then'
        ? `  ✖ ${then} exited ${r.code}: see its output above`
        : `  ✖ ${r.name} exited ${r.code} with no failing test: see its output above (a coverage threshold, a file that did not load)`,
    );
  const ok = total.failed === 0 && broken.length === 0;
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  lines.push(
    `${ok ? '✔' : '✖'} ${results.reduce((n, r) => n + r.passed + r.failed + r.skipped, 0)} tests: ${counted(total)} (${results
      .filter((r) => r.name !== 'then')
      .map((r) => `${r.name} ${r.passed + r.failed + r.skipped}`)
      .join(', ')}) in ${seconds} s`,
  );
  console.log(lines.join('\n'));
  process.exit(ok ? 0 : 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
