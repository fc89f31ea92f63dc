#!/usr/bin/env node
/**
 * `npm run bench:server-writes`: the reference server under large writes (issue 16). Starts
 * examples/reference-server in this process on PGlite (a throw-away data directory), and on
 * PostgreSQL too when DATABASE_URL is set (in a schema of its own, dropped afterwards), listening
 * on 127.0.0.1 only; then makes N expectation-matrix saves at every limit of the editor (5 values
 * × 8 places × 3 expectations of 200 characters, ids of 200: ~85 kB each), three by a teacher
 * (the school matrix) for every one by a parent (their family's home matrix), one after another.
 *
 * Prints, per database: write latency p50/p95 of the first and the last window of saves, a small
 * write (a teacher's award) before and after, the process's RSS after the first window and at the
 * end, and what the database holds then. Flat is the point: before issue 16 every response was
 * kept in the state forever and the whole state rewritten on every write (after 40 saves a
 * teacher's write took over a second and the process held over 1 GB).
 *
 *   node bench/server-writes.mjs              1,000 saves (windows of 100)
 *   node bench/server-writes.mjs --quick      100 saves (windows of 25): a CI smoke
 *   node bench/server-writes.mjs --writes 10000   10,000 saves; from 2,000 on it also prints the
 *                                             latency and RSS of every block of 1,000 (flat is the point)
 *   --only pglite | --only postgres            one database only
 *
 * Exits 1 only when a write fails or the run takes too long (never on a timing); needs
 * `npm run build` (the server uses dist/).
 */
import { randomUUID } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { quick: { type: 'boolean' }, writes: { type: 'string' }, only: { type: 'string' } } });
if (args.only !== undefined && args.only !== 'pglite' && args.only !== 'postgres') {
  console.error('--only takes pglite or postgres');
  process.exit(2);
}
const onPGlite = args.only !== 'postgres';
const onPostgres = args.only !== 'pglite' && !!process.env.DATABASE_URL;
if (args.only === 'postgres' && !onPostgres) {
  console.error('--only postgres needs DATABASE_URL');
  process.exit(2);
}
const quick = !!args.quick;
const WRITES = args.writes === undefined ? (quick ? 100 : 1000) : Number(args.writes);
if (!Number.isInteger(WRITES) || WRITES < 4 || WRITES > 100_000) {
  console.error('--writes takes a whole number from 4 to 100000');
  process.exit(2);
}
const WINDOW = Math.min(100, Math.floor(WRITES / 4));
/** Long runs also report each block of this many saves. */
const BLOCK = WRITES >= 2000 ? 1000 : 0;
/** The whole run, all databases: stopped beyond this (a save at the limits takes tens of ms; 150 ms each is plenty). */
const DEADLINE_MS = Math.max(quick ? 3 * 60_000 : 20 * 60_000, WRITES * 150 * (Number(onPGlite) + Number(onPostgres)));
const SMALL_WRITES = 10;

const { createReferenceServer, MAX_BODY_BYTES } = await import('../examples/reference-server/server.mjs');
const { postgresSchema } = await import('../examples/reference-server/database.mjs');
const { MATRIX_LIMITS } = await import('../dist/expectation-matrix/schemas.js');

const started = performance.now();
// A full collection before each memory reading, so the numbers are what is kept, not garbage.
setFlagsFromString('--expose-gc');
const gc = /** @type {() => void} */ (runInNewContext('gc'));
/** Memory after a full collection: RSS (PGlite's WebAssembly memory is in it) and the JS heap. */
function memory() {
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}
const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);

/** A matrix at every limit of the editor, with a title that says which save this is. */
function maxMatrix(base, n) {
  const long = (prefix, i) => `${prefix}${i}-`.padEnd(200, 'x');
  const values = Array.from({ length: MATRIX_LIMITS.values }, (_, i) => ({
    id: long('v', i),
    label: 'W'.repeat(MATRIX_LIMITS.nameLength),
    pictogram: '🛡️',
  }));
  const locations = Array.from({ length: MATRIX_LIMITS.locations }, (_, i) => ({
    id: long('l', i),
    label: 'P'.repeat(MATRIX_LIMITS.nameLength),
    pictogram: '🏫',
  }));
  /** @type {Record<string, { id: string, text: string }[]>} */
  const cells = {};
  let e = 0;
  for (const v of values) {
    for (const l of locations) {
      cells[`${v.id}/${l.id}`] = Array.from({ length: MATRIX_LIMITS.perCell }, () => ({
        id: long('e', e++),
        text: `${n} `.padEnd(MATRIX_LIMITS.expectationLength, 'é'),
      }));
    }
  }
  const { schoolId: _school, ...rest } = base;
  const first = /** @type {{ id: string }} */ (cells[`${values[0].id}/${locations[0].id}`]?.[0]);
  const focus = {
    valueId: values[0].id,
    locationId: locations[0].id,
    expectationId: first.id,
    why: 'w'.repeat(1000),
    homeTip: 'h'.repeat(1000),
  };
  return { ...rest, title: `Save ${n}`.padEnd(200, '.'), values, locations, cells, focus };
}

const percentile = (/** @type {number[]} */ list, /** @type {number} */ p) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const ms = (/** @type {number} */ value) => `${value.toFixed(1)} ms`;
const mb = (/** @type {number} */ bytes) => `${Math.round(bytes / 2 ** 20)} MB`;
const kb = (/** @type {number} */ bytes) => `${Math.round(bytes / 1024)} kB`;

/**
 * One database: start the server, save, measure, stop.
 * @param {string} name
 * @param {object} options createReferenceServer's
 */
async function run(name, options) {
  const api = await createReferenceServer({ ...options, log: () => {} });
  const http = createServer(api.handle);
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (http.address()).port}/api`;
  const call = async (token, method, path, body) => {
    const t0 = performance.now();
    const response = await fetch(base + path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json', 'idempotency-key': randomUUID() } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const elapsed = performance.now() - t0;
    if (!response.ok) throw new Error(`${method} ${path} as ${token}: ${response.status} ${text.slice(0, 200)}`);
    return { elapsed, body: text ? JSON.parse(text) : undefined, bytes: body ? Buffer.byteLength(JSON.stringify(body)) : 0 };
  };
  try {
    const award = async () => (await call('teacher-1', 'POST', '/charts/class-wish/awards', {})).elapsed;
    for (let i = 0; i < SMALL_WRITES; i++) await award(); // warm-up
    const smallBefore = [];
    for (let i = 0; i < SMALL_WRITES; i++) smallBefore.push(await award());

    /** @type {Record<string, { token: string, id: string, matrix: any }>} */
    const targets = {
      teacher: { token: 'teacher-1', id: 'matrix-school', matrix: (await call('teacher-1', 'GET', '/matrices/matrix-school')).body },
      parent: { token: 'parent-1', id: 'matrix-home-fam-01', matrix: (await call('parent-1', 'GET', '/matrices/matrix-home-fam-01')).body },
    };
    const latencies = [];
    let bodyBytes = 0;
    let afterWindow = memory();
    const before = memory();
    /** @type {string[]} per block of BLOCK saves: latency and RSS */
    const blocks = [];
    for (let n = 0; n < WRITES; n++) {
      if (performance.now() - started > DEADLINE_MS)
        throw new Error(`stopped after ${n} saves: the run took over ${DEADLINE_MS / 60_000} minutes`);
      const target = n % 4 === 3 ? targets.parent : targets.teacher;
      const matrix = maxMatrix(target.matrix, n);
      const saved = await call(target.token, 'PUT', `/matrices/${target.id}`, { matrix, baseVersion: target.matrix.version });
      target.matrix = saved.body;
      latencies.push(saved.elapsed);
      bodyBytes = Math.max(bodyBytes, saved.bytes);
      if (n + 1 === WINDOW) afterWindow = memory();
      if (BLOCK && (n + 1) % BLOCK === 0) {
        const block = latencies.slice(-BLOCK);
        blocks.push(`${(n + 1) / 1000}k ${ms(percentile(block, 50))}/${ms(percentile(block, 95))} ${mb(memory().rss)}`);
      }
    }
    const end = memory();
    const smallAfter = [];
    for (let i = 0; i < SMALL_WRITES; i++) smallAfter.push(await award());

    // The server's tables (migration 005): their size on disk with indexes, and their rows.
    const tables = (
      await api.db.query(
        "select tablename from pg_tables where schemaname = current_schema() and tablename not like 'kysely%' and tablename not in ('samen_uploads', 'samen_idempotency')",
      )
    ).map((r) => r.tablename);
    const [{ bytes }] = await api.db.query(
      'select coalesce(sum(pg_total_relation_size(to_regclass(t))), 0)::bigint::float8 as bytes from unnest($1::text[]) as t',
      [tables],
    );
    let rows = 0;
    for (const t of tables) rows += (await api.db.query(`select count(*)::int as n from ${t}`))[0].n;
    const [{ keys }] = await api.db.query('select count(*)::int as keys from samen_idempotency');
    const first = latencies.slice(0, WINDOW);
    const last = latencies.slice(-WINDOW);
    return [
      `server writes on ${name}: ${WRITES} matrix saves at the editor's limits (${kb(bodyBytes)} bodies, limit ${kb(MAX_BODY_BYTES)}), 3 by a teacher for every 1 by a parent`,
      `  latency  first ${WINDOW}: p50 ${ms(percentile(first, 50))}, p95 ${ms(percentile(first, 95))}   last ${WINDOW}: p50 ${ms(percentile(last, 50))}, p95 ${ms(percentile(last, 95))}`,
      ...(blocks.length ? [`  per ${BLOCK.toLocaleString('en')} saves (p50/p95, RSS after a full GC)  ${blocks.join(' · ')}`] : []),
      `  a teacher's award (${SMALL_WRITES} each)  before: p50 ${ms(percentile(smallBefore, 50))}   after: p50 ${ms(percentile(smallAfter, 50))}`,
      `  memory  RSS ${mb(before.rss)} before the saves, ${mb(afterWindow.rss)} after ${WINDOW}, ${mb(end.rss)} after ${WRITES}   JS heap ${mb(before.heapUsed)}, ${mb(afterWindow.heapUsed)}, ${mb(end.heapUsed)}`,
      `  stored  tables ${kb(bytes)} (with indexes) in ${rows} rows, ${keys} idempotency records (digest + result id)`,
    ];
  } finally {
    await api.close();
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
  }
}

const lines = [];
let failed = false;
log(
  `bench:server-writes: ${WRITES.toLocaleString('en')} saves on ${[onPGlite && 'PGlite', onPostgres && 'PostgreSQL'].filter(Boolean).join(' and ')}…`,
);
if (onPGlite) {
  const dataDir = await mkdtemp(join(tmpdir(), 'samen-bench-writes-'));
  try {
    lines.push(...(await run('PGlite', { dataDir })));
  } catch (error) {
    failed = true;
    lines.push(`PGlite: ${error.message}`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
if (onPostgres) {
  const schema = await postgresSchema(process.env.DATABASE_URL, 'samen_bench');
  try {
    lines.push(...(await run('PostgreSQL (DATABASE_URL)', { databaseUrl: schema.url })));
  } catch (error) {
    failed = true;
    lines.push(`PostgreSQL: ${error.message}`);
  } finally {
    await schema.drop();
  }
}
console.log(lines.join('\n'));
console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s, node ${process.version})`);
process.exit(failed ? 1 : 0);
