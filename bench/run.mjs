#!/usr/bin/env node
/**
 * `npm run bench`: issue 9's benchmarks in one run and one table.
 *
 *  - size (bench/size.mjs): min+gzip / min+brotli of every widget's own code, the core, all
 *    widgets with lit, single entries, home languages, the script-tag bundle, against the budgets
 *    in bench/budgets.json; and the peers built the same way;
 *  - render, scenarios, interaction (CPU 4× throttled), memory, peers (bench/runtime.mjs), in
 *    headless Chromium;
 *  - a parent's phone (bench/phone.mjs): a feed of 20 clips and the other parent widgets over
 *    HTTP from the reference server, CPU 4× slower on a mobile network, cold (issue 23).
 *
 * Prints the table, writes bench/results.json and the table in BENCHMARKS.md (between its
 * `bench:table` markers). Exits 1 when a budget is exceeded, something fails to render or
 * throws, or memory does not return to its baseline; never on a timing.
 *
 *   npm run bench               full run (~5–10 minutes on 2 shared cores)
 *   npm run bench -- --quick    CI smoke (~1 minute): runtime only, one run, ≤ 100 instances,
 *                               the phone page once without throttling (bench/phone.mjs --smoke),
 *                               fails only if something does not render or throws; writes
 *                               bench/.build/results-quick.json, never the committed results
 *   node bench/run.mjs --markdown  only rewrites BENCHMARKS.md's table from bench/results.json
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { phoneBench, phoneMarkdown, phoneSummary } from './phone.mjs';
import { PEERS, fmt, formatTable, runtimeBench } from './runtime.mjs';
import { measureSizes, withSizeTables } from './size.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
if (process.argv.includes('--markdown')) {
  const saved = JSON.parse(readFileSync(join(root, 'bench/results.json'), 'utf8'));
  updateMarkdown(saved.rows, saved.environment, saved.phone);
  process.exit(0);
}
const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);
const started = performance.now();
/** @type {string[]} */
const failures = [];

/** @typedef {import('./runtime.mjs').Row} Row */

/** @type {Row[]} */
let sizeRows = [];
/** @type {Awaited<ReturnType<typeof measureSizes>> | undefined} */
let sizes;
if (!quick) {
  const bundle = join(root, 'dist/samen.bundle.js');
  if (!existsSync(bundle)) {
    log('dist/samen.bundle.js is missing: building (npm run build) …');
    execFileSync('npx', ['rollup', '-c', '--silent'], { cwd: root, stdio: 'inherit' });
  }
  log('measuring sizes (bench/size.mjs) …');
  sizes = await measureSizes({ peers: true });
  failures.push(...sizes.errors);
  const kb = (/** @type {number} */ n) => `${Math.round(n / 1024)} KB`;
  sizeRows = sizes.rows.map((r) => {
    const notes = [`brotli ${r.brotli.toLocaleString('en-US')} B`];
    if (typeof r.budget === 'number')
      notes.push(
        `budget ${r.budget.toLocaleString('en-US')} B (${Math.round((100 * r.gzip) / r.budget)}%)${r.gzip > r.budget ? ' OVER' : ''}`,
      );
    if (typeof r.target === 'number')
      notes.push(`issue target ${kb(r.target)} (${r.target.toLocaleString('en-US')} B) ${r.gzip <= r.target ? 'met' : 'not met'}`);
    if (r.name === 'samen.bundle.js') notes.push(`as built ${statSync(bundle).mtime.toISOString().slice(0, 16)}Z`);
    if (r.note) notes.push(r.note);
    return {
      group: r.peer ? 'size peer' : 'size',
      name: r.name,
      metric: 'min+gzip',
      unit: 'B',
      median: r.gzip,
      runs: 1,
      note: notes.join('; '),
    };
  });
}

/** @type {Awaited<ReturnType<typeof runtimeBench>> | undefined} */
let runtime;
try {
  runtime = await runtimeBench({ quick, log });
} catch (error) {
  runtime = /** @type {any} */ (error).partial;
  failures.push(/** @type {Error} */ (error).message);
}

/** @type {Awaited<ReturnType<typeof phoneBench>> | undefined} */
let phone;
try {
  phone = await phoneBench({ smoke: quick, log });
} catch (error) {
  phone = /** @type {any} */ (error).partial;
  failures.push(/** @type {Error} */ (error).message);
}

const environment = {
  ...(runtime?.environment ?? {}),
  machine:
    'a shared virtual machine: 2 cores, also running other engineers’ builds and tests, so load varies during a run ' +
    '(see loadAverageAtStart/AtEnd); compare ratios within one run, not milliseconds across runs',
  totalSecondsWithSizes: Math.round((performance.now() - started) / 100) / 10,
};
const rows = [...sizeRows, ...(runtime?.rows ?? []), ...(phone?.rows ?? [])];
const phoneResult = phone && phoneSummary(phone);
const result = {
  environment,
  sizeNotes: sizes?.notes ?? [],
  costs: sizes?.costs ?? {},
  rows,
  leaks: runtime?.leaks ?? [],
  phone: phoneResult,
  failures,
};

const env = /** @type {Record<string, any>} */ (environment);
console.log(
  `\n${env.chromium} · node ${env.node} · ${env.cores} cores (${env.cpu}) · load ${env.loadAverageAtStart} → ${env.loadAverageAtEnd} · ${quick ? 'quick' : 'full'}`,
);
console.log(formatTable(rows));
if (phone?.knownIssues.length)
  console.log(`\nparent's phone, known issues (not failures):\n${phone.knownIssues.map((n) => `· ${n}`).join('\n')}`);
if (sizes) console.log(`\nsizes: terser-minified, gzip level 9, brotli quality 11.\n${sizes.notes.map((n) => `· ${n}`).join('\n')}`);
console.log(`\n${env.totalSecondsWithSizes} s in all`);

if (quick) {
  mkdirSync(join(root, 'bench/.build'), { recursive: true });
  writeFileSync(join(root, 'bench/.build/results-quick.json'), `${JSON.stringify(result, null, 2)}\n`);
} else {
  writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(result, null, 2)}\n`);
  updateMarkdown(rows, env, phoneResult, sizes);
  log('wrote bench/results.json and the table in BENCHMARKS.md');
}
for (const failure of failures) console.error(`\n✗ ${failure}`);
process.exit(failures.length ? 1 : 0);

/**
 * Ours against each peer, per instance: median time to painted (and loaded) at each page size,
 * as ours ÷ peer. (Sizes against the peers are bench/size.mjs's own table, `bench:size-peers`.)
 */
function peerSummary(/** @type {Row[]} */ all) {
  const find = (/** @type {string} */ name, /** @type {string} */ metric) =>
    all.find((r) => r.name === name && r.metric === metric)?.median;
  const counts = [
    ...new Set(
      all
        .filter((r) => r.group === 'render')
        .map((r) => /×(\d+)$/.exec(r.name)?.[1])
        .filter(Boolean),
    ),
  ].map(Number);
  const lines = [
    `| ours | peer | ${counts.map((n) => `×${n.toLocaleString('en-US')} painted (loaded)`).join(' | ')} |`,
    `| --- | --- | ${counts.map(() => '--:').join(' | ')} |`,
  ];
  for (const peer of PEERS) {
    const ratio = (/** @type {number} */ n, /** @type {string} */ metric) => {
      const ours = find(`${peer.ours} ×${n}`, metric);
      const theirs = find(`${peer.kind} ×${n}`, metric);
      return ours && theirs ? `${(ours / theirs).toFixed(2)}×` : '–';
    };
    lines.push(
      `| ${peer.ours} | ${peer.kind} | ${counts.map((n) => `${ratio(n, 'append → painted')} (${ratio(n, 'append → loaded')})`).join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

/** Replaces what is between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->` in BENCHMARKS.md. */
function replaceBlock(/** @type {string} */ text, /** @type {string} */ name, /** @type {string} */ body) {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) return text;
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

/**
 * The peer summary, the parent's phone and the whole table in BENCHMARKS.md, from this run's rows;
 * the size tables from this run's sizes (bench/size.mjs's own blocks, which CI checks: the table
 * here leaves the size rows to them).
 */
function updateMarkdown(
  /** @type {Row[]} */ all,
  /** @type {Record<string, any>} */ e,
  /** @type {any} */ phoneResult = undefined,
  /** @type {Awaited<ReturnType<typeof measureSizes>> | undefined} */ sizes = undefined,
) {
  const file = join(root, 'BENCHMARKS.md');
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const cell = (/** @type {string} */ s) => s.replace(/\|/g, '\\|');
  const table = [
    `Run of ${e.date?.slice(0, 10)} (${e.git}): ${e.chromium}, node ${e.node}, ${e.cores} cores (${e.cpu}), ` +
      `load ${e.loadAverageAtStart} → ${e.loadAverageAtEnd}; ${e.totalSecondsWithSizes} s. Raw data: bench/results.json. ` +
      'Sizes: the size tables above (bench/size.mjs).' +
      // `node bench/phone.mjs --write` replaces the phone's rows alone: say which run they are from.
      (phoneResult?.environment?.git && phoneResult.environment.git !== e.git
        ? ` The phone rows: \`node bench/phone.mjs --write\` of ${phoneResult.environment.date?.slice(0, 10)} (${phoneResult.environment.git}).`
        : ''),
    '',
    '| group | name | metric | median | p95 | unit | runs | note |',
    '| --- | --- | --- | --: | --: | --- | --: | --- |',
    ...all
      .filter((r) => r.group !== 'size' && r.group !== 'size peer')
      .map(
        (r) =>
          `| ${r.group} | ${cell(r.name)} | ${r.metric} | ${r.unit === 'B' ? r.median.toLocaleString('en-US') : fmt(r.median)} | ${r.p95 === undefined ? '' : fmt(r.p95)} | ${r.unit} | ${r.runs} | ${cell(r.note ?? '')} |`,
      ),
  ].join('\n');
  let updated = replaceBlock(replaceBlock(text, 'summary', peerSummary(all)), 'table', table);
  if (phoneResult?.figures) updated = replaceBlock(updated, 'phone', phoneMarkdown(phoneResult));
  if (sizes && !sizes.errors.length) updated = withSizeTables(updated, sizes);
  writeFileSync(file, updated);
}
