#!/usr/bin/env node
/**
 * `npm run bench:server`: the reference server under load (issue 17). Starts the server with
 * `--workers 2` on PostgreSQL, on 127.0.0.1 only, seeds a load school (30 classes of 34
 * families), and for a bounded time lets 1,020 parents (each a viewer of their own, taken in
 * turn by a pool of connections) do the parent flow — read the clip, mark it seen, answer,
 * react — while the 30 teachers award stickers and read their clip's reach. The load is made
 * by autocannon. Every write carries an Idempotency-Key of its own, and one in ten is
 * deliberately sent again with the same key (it must be answered as a replay); a write refused
 * with 503 is retried with its key, as HttpAdapter does.
 *
 * Prints throughput, latency p50/p95/p99 per kind of request, errors, which worker answered,
 * and the RSS of the primary and of each worker every few seconds; then counts the database:
 * every write that got a 2xx is stored exactly once (an answer per family, a seen mark per
 * family that marked, every acknowledged award once), none lost, none doubled. The targets
 * (≥ 500 requests/s, p95 ≤ 100 ms on this 2-core machine) are printed beside the measurement,
 * met or not: they never fail the run.
 *
 *   DATABASE_URL=postgres://… npm run bench:server     60 s (in a schema of its own, dropped afterwards)
 *   npm run bench:server -- --quick                      10 s: the CI smoke
 *   options: --duration S  --connections N (parents' connections, default 20; teachers get N/10)  --workers N
 *
 * Without DATABASE_URL it starts a throw-away PostgreSQL cluster of its own (initdb in a temp
 * directory, `su postgres` when run as root, as .ci/run does) and removes it afterwards; without
 * PostgreSQL installed it says how to get one. Exits 1 on an error, a lost or doubled write, or
 * a run that takes too long; never on a timing. Needs `npm run build` (the server uses dist/).
 */
import autocannon from 'autocannon';
import { execFile as execFileCb, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chown, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os, { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';

const execFile = promisify(execFileCb);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = join(ROOT, 'examples', 'reference-server', 'server.mjs');

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    workers: { type: 'string' },
  },
});
const QUICK = !!args.quick;
const DURATION_S = Number(args.duration ?? (QUICK ? 10 : 60));
const PARENT_CONNECTIONS = Number(args.connections ?? 20);
const TEACHER_CONNECTIONS = Math.max(1, Math.round(PARENT_CONNECTIONS / 10));
const WORKERS = Number(args.workers ?? 2);
const CLASSES = 30;
const FAMILIES_PER_CLASS = 34;
/** Share of writes sent a second time with the same key and body. */
const RETRY_SHARE = 0.1;
/** A write refused with 503 (or unanswered) is sent again with its key at most this often. */
const MAX_ATTEMPTS = 30;
const MEMORY_EVERY_MS = QUICK ? 2000 : 5000;
const TARGETS = { rps: 500, p95: 100 };
const REACTIONS = ['like', 'heart', 'clap', 'practised-at-home'];
/** The whole run, seeding and counting included: stopped beyond this. */
const DEADLINE_MS = (DURATION_S + 240) * 1000;

for (const [name, value] of Object.entries({ duration: DURATION_S, connections: PARENT_CONNECTIONS, workers: WORKERS })) {
  if (!Number.isInteger(value) || value < 1 || value > 3600) {
    console.error(`--${name} takes a whole number (1 to 3600)`);
    process.exit(2);
  }
}

const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);
const started = performance.now();
/** Undone in reverse order on the way out, also when the deadline stops the run. */
const cleanups = [];
async function cleanup() {
  while (cleanups.length)
    await cleanups
      .pop()()
      .catch((error) => log(`cleanup: ${error.message}`));
}
const watchdog = setTimeout(async () => {
  log(`bench:server: stopped after ${DEADLINE_MS / 1000} s (the run took too long)`);
  await cleanup();
  process.exit(1);
}, DEADLINE_MS);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, async () => (await cleanup(), process.exit(130)));

// ------------------------------------------------------------------ PostgreSQL

/** DATABASE_URL, or a throw-away cluster of our own (the way .ci/run starts one). */
async function postgres() {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const bin = await postgresBin();
  if (!bin) {
    console.error(
      [
        'bench:server needs PostgreSQL: set DATABASE_URL, or install it so a throw-away cluster can be started',
        '  (Debian/Ubuntu: apt-get install postgresql; it looks in /usr/lib/postgresql/*/bin and pg_config --bindir), e.g.',
        '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/samen_load npm run bench:server',
      ].join('\n'),
    );
    process.exit(1);
  }
  const dir = await mkdtemp(join(tmpdir(), 'samen-load-pg-'));
  const root = process.getuid?.() === 0;
  const run = async (/** @type {string} */ tool, /** @type {string[]} */ toolArgs) => {
    if (!root) return execFile(join(bin, tool), toolArgs);
    // PostgreSQL refuses to run as root: as the postgres user, as .ci/run does.
    const quoted = [join(bin, tool), ...toolArgs].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
    return execFile('su', ['postgres', '-c', quoted]);
  };
  if (root) {
    const { stdout } = await execFile('id', ['-u', 'postgres']);
    const uid = Number(stdout.trim());
    await chown(dir, uid, uid);
  }
  const port = await freePort();
  log(`bench:server: no DATABASE_URL; a throw-away PostgreSQL in ${dir} on 127.0.0.1:${port}`);
  await run('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres']);
  await run('pg_ctl', [
    '-D',
    join(dir, 'data'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ]);
  cleanups.push(async () => {
    await run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', 'stop']).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  });
  await execFile(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'samen_load']);
  return `postgres://postgres@127.0.0.1:${port}/samen_load`;
}

async function postgresBin() {
  const versions = await readdir('/usr/lib/postgresql').catch(() => []);
  const newest = versions.filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))[0];
  if (newest) return `/usr/lib/postgresql/${newest}/bin`;
  try {
    return (await execFile('pg_config', ['--bindir'])).stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

/** A schema of its own in the database, dropped afterwards: the bench never touches other tables. */
async function ownSchema(url) {
  const { default: pg } = await import('pg');
  const schema = `samen_load_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const [{ version }] = (await admin.query('show server_version')).rows.map((r) => ({ version: r.server_version }));
  await admin.end();
  cleanups.push(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema ${schema} cascade`);
    await client.end();
  });
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return { url: scoped.toString(), version };
}

// ------------------------------------------------------------------ the load school

/**
 * 30 classes of 34 families: `load-class-<c>` with its teacher `load-teacher-<c>`, clip
 * `load-clip-<c>` and class chart `load-chart-<c>`; parent `load-parent-<n>` (n from 1) of
 * family `load-family-<n>`, in class ⌈n / 34⌉ (LOAD_IDS of domain/seed.mjs). The bench learns
 * each parent's class and family from GET /viewer, so it does not depend on this numbering.
 *
 * The reference server is moving from one JSONB row per collection (`samen_collections`, read
 * into memory) to tables (migration 005, domain/). Until that switch is done both hold the load
 * school: the collection rows are patched here while no server runs, and the tables get the
 * domain layer's `seedLoadSchool`. Whichever store the server reads finds it; {@link countStored}
 * counts the one that holds the writes.
 */
async function seedLoadSchool(url, { classes, familiesPerClass }) {
  const { createReferenceServer } = await import('../examples/reference-server/server.mjs');
  const { openDatabase } = await import('../examples/reference-server/database.mjs');
  // Migrations and the demo school: the server's own first start.
  const first = await createReferenceServer({ databaseUrl: url, log: () => {} });
  await first.close();
  const db = await openDatabase({ databaseUrl: url });
  try {
    const [{ collections, tables }] = await db.query(
      "select to_regclass('samen_collections') is not null as collections, to_regclass('home_answers') is not null as tables",
    );
    if (tables) {
      const { seedLoadSchool: seedTables } = await import('../examples/reference-server/domain/seed.mjs');
      await seedTables(db, { classes, familiesPerClass });
    }
    if (collections) await seedCollections(db, { classes, familiesPerClass });
  } finally {
    await db.close();
  }
}

/** The load school in today's collection rows (written while no server runs: it caches them). */
async function seedCollections(db, { classes, familiesPerClass }) {
  const read = async (name) => (await db.query('select data from samen_collections where name = $1', [name]))[0].data;
  const write = (name, data) =>
    db.query('update samen_collections set data = $2::jsonb, revision = revision + 1 where name = $1', [name, JSON.stringify(data)]);
  const [viewers, families, classMembers, clips, charts] = await Promise.all(
    ['viewers', 'families', 'classes', 'clips', 'charts'].map(read),
  );
  const school = viewers.find((v) => v.id === 'teacher-1').schoolId;
  for (let c = 1; c <= classes; c++) {
    const classId = `load-class-${c}`;
    viewers.push({ id: `load-teacher-${c}`, role: 'teacher', name: `Juf ${c}`, classIds: [classId], schoolId: school });
    families[classId] = [];
    classMembers[classId] = [];
    for (let i = 1; i <= familiesPerClass; i++) {
      const n = (c - 1) * familiesPerClass + i;
      families[classId].push({ familyId: `load-family-${n}`, name: `Familie ${n}` });
      classMembers[classId].push(`load-child-${n}`);
      viewers.push({
        id: `load-parent-${n}`,
        role: 'parent',
        familyId: `load-family-${n}`,
        name: `Familie ${n}`,
        classIds: [classId],
        childIds: [`load-child-${n}`],
        schoolId: school,
      });
    }
    clips[`load-clip-${c}`] = { ...clips['wish-2'], id: `load-clip-${c}`, classId, classLabel: `Klas ${c}` };
    charts[`load-chart-${c}`] = { ...charts['class-wish'], id: `load-chart-${c}`, classId, goal: 1000, awards: [], earnedRewards: [] };
  }
  await write('viewers', viewers);
  await write('families', families);
  await write('classes', classMembers);
  await write('clips', clips);
  await write('charts', charts);
}

/**
 * What the database holds for the load school, as counts per key (`clip|family`,
 * `clip|reaction|family`, award id), for the check against what was acknowledged: from the
 * tables or the collection rows, whichever holds the run's writes.
 */
async function countStored(url) {
  const { openDatabase } = await import('../examples/reference-server/database.mjs');
  const db = await openDatabase({ databaseUrl: url });
  const empty = () => ({ answers: new Map(), seen: new Map(), reactions: new Map(), awards: new Map() });
  const count = (/** @type {Map<string, number>} */ map, /** @type {string} */ k, n = 1) => map.set(k, (map.get(k) ?? 0) + n);
  const size = (stored) => stored.answers.size + stored.seen.size + stored.reactions.size + stored.awards.size;
  try {
    const [{ collections, tables }] = await db.query(
      "select to_regclass('samen_collections') is not null as collections, to_regclass('home_answers') is not null as tables",
    );
    const fromTables = empty();
    if (tables) {
      for (const r of await db.query(
        "select clip_id, household_id, count(*)::int as n from home_answers where clip_id like 'load-clip-%' group by 1, 2",
      ))
        count(fromTables.answers, `${r.clip_id}|${r.household_id}`, r.n);
      for (const r of await db.query(
        "select clip_id, household_id, count(*)::int as n from seen_marks where clip_id like 'load-clip-%' group by 1, 2",
      ))
        count(fromTables.seen, `${r.clip_id}|${r.household_id}`, r.n);
      for (const r of await db.query(
        "select target_id, reaction, household_id, count(*)::int as n from reactions where target_id like 'load-clip-%' group by 1, 2, 3",
      ))
        count(fromTables.reactions, `${r.target_id}|${r.reaction}|${r.household_id}`, r.n);
      for (const r of await db.query("select id, count(*)::int as n from awards where chart_id like 'load-chart-%' group by 1"))
        count(fromTables.awards, r.id, r.n);
    }
    const fromCollections = empty();
    if (collections) {
      const read = async (name) => (await db.query('select data from samen_collections where name = $1', [name]))[0]?.data;
      const [answers = [], seen = [], reactions = {}, charts = {}] = await Promise.all(
        ['answers', 'seen', 'reactions', 'charts'].map(read),
      );
      for (const a of answers) if (a.clipId.startsWith('load-clip-')) count(fromCollections.answers, `${a.clipId}|${a.familyId}`);
      for (const s of seen) if (s.clipId.startsWith('load-clip-')) count(fromCollections.seen, `${s.clipId}|${s.familyId}`);
      for (const [target, byReaction] of Object.entries(reactions)) {
        if (!target.startsWith('load-clip-')) continue;
        for (const [reaction, families] of Object.entries(byReaction))
          for (const f of families) count(fromCollections.reactions, `${target}|${reaction}|${f}`);
      }
      for (const [id, chart] of Object.entries(charts)) {
        if (id.startsWith('load-chart-')) for (const award of chart.awards) count(fromCollections.awards, award.id);
      }
    }
    if (size(fromTables) && size(fromCollections))
      throw new Error('the run’s writes are in the tables and in the collection rows: two stores were written');
    return size(fromTables) || !collections ? { store: 'tables', ...fromTables } : { store: 'collection rows', ...fromCollections };
  } finally {
    await db.close();
  }
}

// ------------------------------------------------------------------ the server

/** `server.mjs --workers N --port 0 --quiet`, resolved once it printed its URL. */
async function startServer(url) {
  const child = spawn(process.execPath, [SERVER, '--port', '0', '--workers', String(WORKERS), '--quiet'], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server printed no URL: ${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /Samen reference server: (http:\/\/127\.0\.0\.1:\d+\/api)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => (clearTimeout(timer), reject(new Error(`the server exited (${code}): ${output}`))));
  });
  return {
    base,
    pid: /** @type {number} */ (child.pid),
    output: () => output,
    /** SIGTERM: every worker finishes what it is saving, then the primary; resolves with its exit code. */
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** RSS (bytes) of the primary and each of its workers, by pid. */
async function rssOf(primary) {
  const { stdout } = await execFile('ps', ['-o', 'pid=,ppid=,rss=', '-p', String(primary), '--ppid', String(primary)]).catch(() => ({
    stdout: '',
  }));
  /** @type {{ pid: number, primary: boolean, rss: number }[]} */
  const rows = [];
  for (const line of stdout.trim().split('\n')) {
    const [pid, , rss] = line.trim().split(/\s+/).map(Number);
    if (pid) rows.push({ pid, primary: pid === primary, rss: rss * 1024 });
  }
  return rows;
}

/** CPU time (user + system, seconds) a process has used, from /proc (Linux; undefined elsewhere). */
async function cpuSeconds(/** @type {number} */ pid) {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
const CLOCK_TICKS = await execFile('getconf', ['CLK_TCK']).then(
  ({ stdout }) => Number(stdout.trim()) || 100,
  () => 100,
);

/**
 * CPU seconds used so far by the server's processes and by the PostgreSQL backends serving this
 * run's database (its connections in pg_stat_activity: the pools and the listening connections).
 */
async function cpuOf(url, /** @type {number} */ primary) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const backends = (
    await client.query('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()')
  ).rows.map((r) => r.pid);
  await client.end();
  const server = await rssOf(primary);
  const sum = async (/** @type {number[]} */ pids) => (await Promise.all(pids.map(cpuSeconds))).reduce((a, b) => a + (b ?? 0), 0);
  return {
    server: await sum(server.map((r) => r.pid)),
    postgres: await sum(backends),
    bench: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
  };
}

// ------------------------------------------------------------------ the simulated people

/**
 * @typedef {object} Op one request of a flow
 * @property {string} kind what it is, for the per-kind latencies
 * @property {'GET' | 'PUT' | 'POST'} method
 * @property {string} path under /api
 * @property {string} token the viewer
 * @property {string} [key] Idempotency-Key (writes)
 * @property {string} [body] JSON
 * @property {boolean} [again] a deliberate second send of a write (same key and body)
 * @property {Op} [first] for `again`: the write it repeats
 * @property {number} attempts sends so far
 * @property {boolean} [acked] a 2xx came back
 * @property {() => void} [sent] notes what this write may have stored, for the count afterwards
 * @property {() => void} [ack] notes what a 2xx confirms
 */

/** What the clients were told was done, to count the database against. */
const acked = { answers: new Set(), seen: new Set(), reactions: new Set(), awards: new Set() };
/**
 * What was sent at least once, acknowledged or not: a write whose answer never came (the run
 * ended while it was in flight, a timeout) may be stored too, but nothing else may.
 */
const sent = { answers: new Set(), seen: new Set(), reactions: new Set(), awards: new Set() };
const stats = {
  /** @type {Map<string, number[]>} latency (ms) per kind */
  latency: new Map(),
  /** @type {Map<string, number>} status per kind, e.g. 'answer 200' */
  statuses: new Map(),
  /** @type {Map<string, number>} responses per worker pid */
  workers: new Map(),
  retried503: 0,
  unanswered: 0,
  failed: 0,
  replays: 0,
  replayMismatches: 0,
  /** @type {string[]} the first few failures, for the report */
  examples: [],
};

/** A write; `what` is how the count afterwards finds it (see {@link countStored}), in `sent[set]` and, once a 2xx came, `acked[set]`. */
function writeOp(kind, method, path, token, body, set, what) {
  const key = `load-${randomUUID()}`;
  const item = what ?? key;
  return {
    kind,
    method,
    path,
    token,
    key,
    body: JSON.stringify(body),
    attempts: 0,
    sent: () => sent[set].add(item),
    ack: () => acked[set].add(item),
  };
}
const readOp = (kind, path, token) => ({ kind, method: 'GET', path, token, attempts: 0 });
/** After a write, sometimes the same write again (same key and body), as a client that lost the answer. */
function withRetries(/** @type {Op[]} */ ops) {
  return ops.flatMap((op) =>
    op.key && Math.random() < RETRY_SHARE
      ? [op, { ...op, kind: `${op.kind} (same key again)`, again: true, first: op, attempts: 0 }]
      : [op],
  );
}

/**
 * One device: a connection that runs one person's flow after another. `next()` is the request
 * to send; `settle()` what came back.
 * @param {() => Op[]} nextFlow
 */
function device(nextFlow) {
  /** @type {Op[]} */
  let queue = [];
  /** @type {Op | undefined} */
  let inflight;
  let answered = 0;
  return {
    /** Whether no answer has come to this device yet: its first request waited for the load generator to open all its connections. */
    get cold() {
      return answered === 0;
    },
    next() {
      if (inflight) {
        // No answer came (a timeout or a broken connection): a write is sent again with its key.
        stats.unanswered += 1;
        const op = inflight;
        inflight = undefined;
        if (op.key && op.attempts < MAX_ATTEMPTS) queue.unshift(op);
        else fail(op, 'no answer');
      }
      if (!queue.length) queue = nextFlow();
      inflight = /** @type {Op} */ (queue.shift());
      inflight.attempts += 1;
      inflight.sent?.();
      return inflight;
    },
    /** @returns {Op | undefined} the request this answers */
    settle(/** @type {number} */ status, /** @type {string} */ body, /** @type {Record<string, string>} */ headers) {
      const op = inflight;
      inflight = undefined;
      answered += 1;
      if (!op) return undefined;
      if (status === 503 && op.key && op.attempts < MAX_ATTEMPTS) {
        stats.retried503 += 1;
        queue.unshift(op); // refused (another process saved first, or the database is busy): again, same key
        return op;
      }
      if (status < 200 || status > 299) {
        fail(op, `${status} ${String(body).slice(0, 120)}`);
        return op;
      }
      if (op.again) {
        stats.replays += 1;
        // The first send was acknowledged: this one must be answered as a replay of it.
        if (op.first?.acked && headers['idempotent-replayed'] !== 'true') mismatch(op, 'a repeated key was applied again');
        if (op.first?.acked && op.kind.startsWith('award') && JSON.parse(body).id !== op.key)
          mismatch(op, 'a replayed award is another award');
      }
      op.acked = true;
      op.ack?.();
      return op;
    },
  };
}

function fail(/** @type {Op} */ op, /** @type {string} */ why) {
  stats.failed += 1;
  if (stats.examples.length < 5) stats.examples.push(`${op.kind} ${op.method} ${op.path}: ${why}`);
}
function mismatch(/** @type {Op} */ op, /** @type {string} */ why) {
  stats.replayMismatches += 1;
  if (stats.examples.length < 5) stats.examples.push(`${op.kind} ${op.path}: ${why}`);
}

/** The parents, from GET /viewer: their class (so their clip) and family. */
async function discover(base) {
  const people = [];
  const all = [
    ...Array.from({ length: CLASSES * FAMILIES_PER_CLASS }, (_, i) => `load-parent-${i + 1}`),
    ...Array.from({ length: CLASSES }, (_, i) => `load-teacher-${i + 1}`),
  ];
  for (let i = 0; i < all.length; i += 25) {
    const batch = await Promise.all(
      all.slice(i, i + 25).map(async (id) => {
        const response = await fetch(`${base}/viewer`, { headers: { authorization: `Bearer ${id}` } });
        if (!response.ok) throw new Error(`GET /viewer as ${id}: ${response.status}; is the load school seeded?`);
        const viewer = await response.json();
        const classId = viewer.classIds[0];
        const c = /^load-class-(\d+)$/.exec(classId)?.[1];
        if (!c) throw new Error(`${id} is in ${classId}, not a load class`);
        return { id, role: viewer.role, familyId: viewer.familyId, clipId: `load-clip-${c}`, chartId: `load-chart-${c}` };
      }),
    );
    people.push(...batch);
  }
  // In a fixed shuffled order, so the connections work for families of many classes at once
  // (in id order, 40 connections would all be on one class's clip).
  return { parents: shuffled(people.filter((p) => p.role === 'parent')), teachers: people.filter((p) => p.role === 'teacher') };
}

/** The same permutation every run (mulberry32, seed 17). */
function shuffled(/** @type {any[]} */ list) {
  let a = 17;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Each clip and reach read once per worker before the clock starts: a worker's first read of
 * a clip makes its demo pictures (seconds, once), which is start-up, not load.
 */
async function warmUp(base, teachers) {
  for (let round = 0; round < WORKERS * 2; round++) {
    await Promise.all(
      teachers.map(async (t) => {
        for (const path of [`/clips/${t.clipId}`, `/clips/${t.clipId}/reach`]) {
          // A connection of its own each time, so the cluster hands them to every worker.
          const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${t.id}`, connection: 'close' } });
          if (!response.ok) throw new Error(`warm-up GET ${path}: ${response.status}`);
          await response.arrayBuffer();
        }
      }),
    );
  }
}

/** The parent flow: read the clip, mark it seen, answer, react. */
function parentFlow(p) {
  const reaction = REACTIONS[Math.floor(Math.random() * REACTIONS.length)];
  const answer = Math.random() < 0.5 ? { kind: 'talked' } : { kind: 'text', text: 'We hebben het samen geoefend.' };
  return withRetries([
    readOp('read clip', `/clips/${p.clipId}`, p.id),
    writeOp('mark seen', 'POST', `/clips/${p.clipId}/seen`, p.id, undefined, 'seen', `${p.clipId}|${p.familyId}`),
    writeOp('answer', 'PUT', `/clips/${p.clipId}/answer`, p.id, answer, 'answers', `${p.clipId}|${p.familyId}`),
    writeOp('react', 'PUT', `/reactions/${p.clipId}/${reaction}`, p.id, { on: true }, 'reactions', `${p.clipId}|${reaction}|${p.familyId}`),
  ]);
}

/** The teacher flow: award a sticker, read the clip's reach. */
function teacherFlow(t) {
  // An award's id is its Idempotency-Key.
  const award = writeOp('award', 'POST', `/charts/${t.chartId}/awards`, t.id, { reason: 'Goed geholpen' }, 'awards');
  return withRetries([award, readOp('read reach', `/clips/${t.clipId}/reach`, t.id)]);
}

/** One autocannon run: `connections` devices, each taking the next person in turn. */
function run(base, /** @type {any[]} */ people, flow, connections) {
  let turn = 0;
  const nextFlow = () => flow(people[turn++ % people.length]);
  /** What the last onResponse settled: autocannon then emits 'response' with its latency, synchronously. */
  let settled;
  // One request object, repeated: autocannon resets a connection's context only when it has
  // gone through the whole list, so the device (in the context) lasts that long (a longer list
  // makes autocannon slower to start: 2,000 entries take it a few ms per connection).
  const step = {
    setupRequest(req, context) {
      context.device ??= device(nextFlow);
      const op = context.device.next();
      return {
        ...req,
        method: op.method,
        path: `/api${op.path}`,
        headers: {
          authorization: `Bearer ${op.token}`,
          ...(op.key ? { 'idempotency-key': op.key } : {}),
          ...(op.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: op.body ?? '',
      };
    },
    onResponse(status, body, context, headers) {
      const cold = context.device?.cold;
      settled = { op: context.device?.settle(status, body, headers), cold, status, worker: headers['x-samen-worker'] };
    },
  };
  const { hostname, port } = new URL(base);
  const instance = autocannon({
    url: `http://${hostname}:${port}`,
    connections,
    duration: DURATION_S,
    timeout: 10,
    requests: Array.from({ length: 2000 }, () => step),
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    const { op, cold, status, worker } = settled ?? {};
    settled = undefined;
    if (!op) return;
    const key = `${op.kind} ${status}`;
    stats.statuses.set(key, (stats.statuses.get(key) ?? 0) + 1);
    if (worker) stats.workers.set(worker, (stats.workers.get(worker) ?? 0) + 1);
    // A connection's first request was written before autocannon had opened the others: its
    // time includes that start-up, so it is counted but not timed.
    if (cold) return;
    const list = stats.latency.get(op.kind) ?? [];
    list.push(responseTime);
    stats.latency.set(op.kind, list);
  });
  return instance;
}

// ------------------------------------------------------------------ report

const percentile = (/** @type {number[]} */ sorted, /** @type {number} */ p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const ms = (/** @type {number} */ value) => `${value.toFixed(1)}`.padStart(7);
const mb = (/** @type {number} */ bytes) => `${Math.round(bytes / 2 ** 20)}`;
const int = (/** @type {number} */ n) => n.toLocaleString('en');
const met = (/** @type {boolean} */ yes) => (yes ? 'met' : 'NOT met');

/**
 * Acknowledged writes against what is stored: lost = acknowledged but not stored, doubled =
 * stored more than once, invented = stored but never sent. Stored without a 2xx is allowed for
 * a write that was sent but whose answer did not come (in flight when the run ended).
 */
function check(
  name,
  /** @type {Set<string>} */ acknowledged,
  /** @type {Set<string>} */ sentOnce,
  /** @type {Map<string, number>} */ stored,
) {
  let lost = 0;
  for (const k of acknowledged) if (!stored.has(k)) lost += 1;
  let doubled = 0;
  for (const n of stored.values()) if (n > 1) doubled += 1;
  const unacknowledged = [...stored.keys()].filter((k) => !acknowledged.has(k));
  const invented = unacknowledged.filter((k) => !sentOnce.has(k)).length;
  const ok = lost === 0 && doubled === 0 && invented === 0;
  return {
    ok,
    line: `    ${name.padEnd(10)} ${int(acknowledged.size).padStart(6)} acknowledged, ${int(stored.size).padStart(6)} stored: ${lost} lost, ${doubled} doubled${invented ? `, ${invented} never sent` : ''}; ${unacknowledged.length} stored whose answer the run did not wait for${ok ? '' : '   <-- WRONG'}`,
  };
}

const plural = (/** @type {number} */ n, /** @type {string} */ word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function availableCores() {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

// ------------------------------------------------------------------ main

const lines = [];
let failed = false;
try {
  const url = await postgres();
  const schema = await ownSchema(url);
  log(`bench:server: seeding ${CLASSES} classes × ${FAMILIES_PER_CLASS} families on PostgreSQL ${schema.version}…`);
  await seedLoadSchool(schema.url, { classes: CLASSES, familiesPerClass: FAMILIES_PER_CLASS });
  const server = await startServer(schema.url);
  const { parents, teachers } = await discover(server.base);
  await warmUp(server.base, teachers);
  log(
    `bench:server: ${plural(WORKERS, 'worker')} at ${server.base}; ${parents.length} parents on ${PARENT_CONNECTIONS} connections, ${teachers.length} teachers on ${TEACHER_CONNECTIONS}, ${DURATION_S} s…`,
  );

  /** @type {{ at: number, rows: { pid: number, primary: boolean, rss: number }[] }[]} */
  const memory = [];
  const loadBefore = loadavg()[0];
  const t0 = performance.now();
  const sample = async () => memory.push({ at: (performance.now() - t0) / 1000, rows: await rssOf(server.pid) });
  await sample();
  const cpuBefore = await cpuOf(schema.url, server.pid);
  const sampler = setInterval(() => void sample(), MEMORY_EVERY_MS);
  const loads = [run(server.base, parents, parentFlow, PARENT_CONNECTIONS), run(server.base, teachers, teacherFlow, TEACHER_CONNECTIONS)];
  const results = await Promise.all(loads);
  const elapsed = (performance.now() - t0) / 1000;
  const loadAfter = loadavg()[0];
  clearInterval(sampler);
  await sample();
  const cpuAfter = await cpuOf(schema.url, server.pid);
  const exit = await server.stop();
  if (exit !== 0) throw new Error(`the server did not stop cleanly (${exit}): ${server.output().slice(-500)}`);

  const timeouts = results.reduce((n, r) => n + r.timeouts, 0);
  const connectionErrors = results.reduce((n, r) => n + r.errors - r.timeouts, 0);
  const all = [...stats.latency.values()].flat().sort((a, b) => a - b);
  const total = [...stats.statuses.values()].reduce((a, b) => a + b, 0);
  const rps = total / elapsed;
  const p95 = percentile(all, 95);

  lines.push(
    `bench:server: ${plural(WORKERS, 'worker')} on PostgreSQL ${schema.version}, 127.0.0.1, ${elapsed.toFixed(0)} s; ${int(parents.length)} parents (${PARENT_CONNECTIONS} connections) and ${teachers.length} teachers (${TEACHER_CONNECTIONS}), every write its own Idempotency-Key, ${RETRY_SHARE * 100}% sent again with it`,
    `  machine      ${availableCores()} cores, load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} at the end; the load generator and PostgreSQL share them`,
    `  throughput   ${int(Math.round(rps))} requests/s   (target ≥ ${TARGETS.rps}: ${met(rps >= TARGETS.rps)})   ${int(total)} answered`,
    `  latency      p50 ${ms(percentile(all, 50))} ms, p95 ${ms(p95)} ms, p99 ${ms(percentile(all, 99))} ms   (target p95 ≤ ${TARGETS.p95} ms: ${met(p95 <= TARGETS.p95)})`,
    `  per kind                        timed      p50      p95      p99  (ms)   statuses (every answer)`,
  );
  for (const [kind, list] of [...stats.latency].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...list].sort((a, b) => a - b);
    const statuses = [...stats.statuses]
      .filter(([k]) => k.startsWith(`${kind} `) && /^\d+$/.test(k.slice(kind.length + 1)))
      .map(([k, n]) => `${k.slice(kind.length + 1)}×${int(n)}`);
    lines.push(
      `    ${kind.padEnd(28)} ${int(sorted.length).padStart(7)}  ${ms(percentile(sorted, 50))}  ${ms(percentile(sorted, 95))}  ${ms(percentile(sorted, 99))}         ${statuses.join(' ')}`,
    );
  }
  const errors = stats.failed + stats.replayMismatches + timeouts + connectionErrors;
  lines.push(
    `  errors       ${errors} (${stats.failed} requests that failed for good, ${stats.replayMismatches} replays answered wrongly, ${timeouts} timeouts, ${connectionErrors} connection errors)`,
    `  retries      ${int(stats.replays)} writes deliberately sent again with their key (answered as replays); ${int(stats.retried503)} sent again after a 503; ${stats.unanswered} after no answer`,
  );
  if (stats.workers.size)
    lines.push(
      `  workers      ${[...stats.workers].map(([pid, n]) => `${pid}: ${((100 * n) / total).toFixed(1)}%`).join(', ')} of the requests (x-samen-worker)`,
    );
  for (const example of stats.examples) lines.push(`    e.g. ${example}`);
  const cores = availableCores();
  const share = (/** @type {number} */ seconds) => `${seconds.toFixed(0)} s (${((100 * seconds) / (elapsed * cores)).toFixed(0)}%)`;
  lines.push(
    `  CPU          of ${(elapsed * cores).toFixed(0)} core-seconds: server processes ${share(cpuAfter.server - cpuBefore.server)}, PostgreSQL backends ${share(cpuAfter.postgres - cpuBefore.postgres)}, the load generator ${share(cpuAfter.bench - cpuBefore.bench)}`,
  );

  // Memory over time: the primary and each worker.
  const pids = [...new Set(memory.flatMap((m) => m.rows.map((r) => r.pid)))];
  const primary = server.pid;
  lines.push(
    `  memory (RSS, MB) every ${MEMORY_EVERY_MS / 1000} s:   ${pids.map((pid) => (pid === primary ? `primary ${pid}` : `worker ${pid}`)).join('   ')}`,
  );
  for (const m of memory) {
    lines.push(
      `    ${`${m.at.toFixed(0)} s`.padStart(6)}   ${pids.map((pid) => (m.rows.find((r) => r.pid === pid) ? mb(m.rows.find((r) => r.pid === pid).rss) : '-').padStart(pid === primary ? 14 : 13)).join('  ')}`,
    );
  }

  // The database against what the clients were told.
  const stored = await countStored(schema.url);
  const checks = [
    check('answers', acked.answers, sent.answers, stored.answers),
    check('seen', acked.seen, sent.seen, stored.seen),
    check('reactions', acked.reactions, sent.reactions, stored.reactions),
    check('awards', acked.awards, sent.awards, stored.awards),
  ];
  lines.push(
    `  database     (${stored.store}) every write that got a 2xx stored exactly once (answers and seen marks: one per family and clip)`,
    ...checks.map((c) => c.line),
  );
  if (errors > 0 || checks.some((c) => !c.ok)) failed = true;
} catch (error) {
  failed = true;
  lines.push(`bench:server: ${error.stack ?? error.message}`);
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
console.log(lines.join('\n'));
console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s in all, node ${process.version})`);
process.exit(failed ? 1 : 0);
