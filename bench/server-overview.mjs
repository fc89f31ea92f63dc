#!/usr/bin/env node
/**
 * `npm run bench:server-overview`: the programme overview from the reference server (issue 25).
 * Starts examples/reference-server in this process on PGlite, and on PostgreSQL too when
 * DATABASE_URL is set (in a schema of its own, dropped afterwards), listening on 127.0.0.1 only;
 * seeds a school of 30 classes × 8 lessons × 30 families (240 clips, 900 households, their seen
 * marks, home answers and reactions) in SQL; then asks `GET /overview?programme=wish` as the
 * school leader (all 30 classes): 2 warm-ups, then the median of 5. Prints the same without
 * migration 012's indexes, as a relative before/after of the same run. The target (issue 25):
 * under 200 ms on PostgreSQL.
 *
 *   node bench/server-overview.mjs            30 × 8 × 30
 *   node bench/server-overview.mjs --quick    3 × 8 × 30: a CI smoke (checks the answer, not the time)
 *   --only pglite | --only postgres           one database only
 *
 * Exits 1 only when a request fails or the answer is wrong (never on a timing); needs
 * `npm run build` (the server uses dist/).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' } } });
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
const CLASSES = args.quick ? 3 : 30;
const LESSONS = 8;
const FAMILIES = 30;
const RUNS = 5;

const { createReferenceServer } = await import('../examples/reference-server/server.mjs');
const { postgresSchema } = await import('../examples/reference-server/database.mjs');

/** The school in SQL: deterministic "random" reach per household and lesson (hashes of the ids). */
const SEED = `
  insert into schools (id, name) values ('bench-school', 'Bench');
  insert into classes (id, school_id, label)
    select 'bench-class-' || c, 'bench-school', 'Groep ' || c from generate_series(1, ${CLASSES}) c;
  insert into households (id, school_id, name)
    select 'bench-fam-' || c || '-' || f, 'bench-school', 'Familie ' || c || '-' || f
    from generate_series(1, ${CLASSES}) c, generate_series(1, ${FAMILIES}) f;
  insert into class_households (class_id, household_id, position)
    select 'bench-class-' || c, 'bench-fam-' || c || '-' || f, f from generate_series(1, ${CLASSES}) c, generate_series(1, ${FAMILIES}) f;
  insert into viewers (id, role, school_id, name) values ('bench-leader', 'school-leader', 'bench-school', 'Directie');
  insert into viewer_classes (viewer_id, class_id, position) select 'bench-leader', 'bench-class-' || c, c from generate_series(1, ${CLASSES}) c;
  insert into clips (id, class_id, programme, lesson_number, title, posted_at)
    select 'bench-clip-' || c || '-' || l, 'bench-class-' || c, 'wish', l, 'Les ' || l, now() - make_interval(days => 7 * (${LESSONS} - l))
    from generate_series(1, ${CLASSES}) c, generate_series(1, ${LESSONS}) l;
  create temporary table bench_pairs as
    select 'bench-clip-' || c || '-' || l as clip_id, 'bench-fam-' || c || '-' || f as household_id, abs(hashtext(c || ':' || l || ':' || f)) % 100 as r
    from generate_series(1, ${CLASSES}) c, generate_series(1, ${LESSONS}) l, generate_series(1, ${FAMILIES}) f;
  insert into seen_marks (clip_id, household_id) select clip_id, household_id from bench_pairs where r < 70;
  insert into home_answers (clip_id, household_id, id, kind, text, updated_at)
    select clip_id, household_id, 'bench-answer-' || clip_id || '-' || household_id,
           case when r < 15 then 'text' else 'talked' end, case when r < 15 then 'We praatten erover.' end, now()
    from bench_pairs where r < 40;
  insert into reactions (clip_id, reaction, household_id) select clip_id, 'heart', household_id from bench_pairs where r % 2 = 0;
  drop table bench_pairs;
  -- As autovacuum would after a school's year of writes: the planner knows the tables' sizes.
  analyze;`;

const median = (/** @type {number[]} */ list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN;

/** One database: start, seed, ask, stop. @param {string} name @param {object} options createReferenceServer's */
async function run(name, options) {
  const api = await createReferenceServer({ ...options, log: () => {} });
  const http = createServer(api.handle);
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (http.address()).port}/api`;
  try {
    await api.db.exec(SEED);
    const ask = async (path = '/overview?programme=wish') => {
      const t0 = performance.now();
      const response = await fetch(`${base}${path}`, { headers: { authorization: 'Bearer bench-leader' } });
      const body = await response.json();
      const elapsed = performance.now() - t0;
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
      if (path !== '/overview?programme=wish') return elapsed;
      const cells = body.classes.reduce((n, c) => n + c.cells.filter((cell) => cell.families).length, 0);
      if (body.classes.length !== CLASSES || cells !== CLASSES * LESSONS)
        throw new Error(`GET /overview: ${body.classes.length} classes, ${cells} counted cells`);
      return elapsed;
    };
    const measure = async (/** @type {string | undefined} */ path) => {
      await ask(path);
      await ask(path);
      const times = [];
      for (let i = 0; i < RUNS; i++) times.push(await ask(path));
      return median(times);
    };
    // The smallest request (who is signed in) in the same run: what the machine spends on any request.
    const viewer = await measure('/viewer');
    const withIndexes = await measure();
    await api.db.exec('drop index clips_programme_class; drop index reactions_clip_household;');
    const without = await measure();
    return `${name}: overview of ${CLASSES} classes × ${LESSONS} lessons × ${FAMILIES} families, median of ${RUNS}: ${withIndexes.toFixed(1)} ms (without migration 012's indexes: ${without.toFixed(1)} ms; GET /viewer in the same run: ${viewer.toFixed(1)} ms)`;
  } finally {
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
    await api.close();
  }
}

const lines = [];
if (onPGlite) {
  const dataDir = await mkdtemp(join(tmpdir(), 'samen-bench-overview-'));
  try {
    lines.push(await run('PGlite', { dataDir }));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
if (onPostgres) {
  const schema = await postgresSchema(/** @type {string} */ (process.env.DATABASE_URL), 'samen_bench');
  try {
    lines.push(await run('PostgreSQL (DATABASE_URL)', { databaseUrl: schema.url }));
  } finally {
    await schema.drop();
  }
}
for (const line of lines) console.log(line);
