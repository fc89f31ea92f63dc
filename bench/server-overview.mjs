#!/usr/bin/env node
/**
 * `npm run bench:server-overview`: the programme overview from the reference server (issue 25).
 * Starts examples/reference-server in this process on PGlite, and on PostgreSQL too when
 * DATABASE_URL is set (in a schema of its own, dropped afterwards), listening on 127.0.0.1 only;
 * seeds a school of 30 classes × 8 lessons × 30 families (240 clips, 900 households, their seen
 * marks, home answers and reactions) in SQL; then asks `GET /overview?programme=wish` as the
 * school leader (all 30 classes): 2 warm-ups, then the median of 5. Prints the same without
 * migration 012's indexes, as a relative before/after of the same run. The target (issue 25):
 * under 200 ms on PostgreSQL. Then the run's evaluation results (`GET /evaluation-results`, a
 * before and an after form to the 900 households, ~80 % answering five questions, beside four
 * earlier years' runs: counts computed in SQL), the same way, and without migration 017's indexes.
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
const EVALUATION_RESULTS = '/evaluation-results?programmeRunId=bench-run';
const FAMILIES = 30;
const RUNS = 5;
/** The questions every evaluation response of the bench answers: the programme's four for parents and the school's open one. */
const EVALUATION_QUESTIONS = ['goals', 'talked', 'last-lesson', 'rating', 'school-tip'];
/** Earlier school years' runs of the same classes, beside the one asked for. */
const EARLIER_RUNS = 4;

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
  -- Issue 25's evaluations: one run of every class, a before and an after form for parents and
  -- teachers, the programme's four parent questions and one open question of the school's; about
  -- 80 % of the households answer each (${EVALUATION_QUESTIONS.length} answers a response). Beside it the same
  -- classes' runs of ${EARLIER_RUNS} earlier school years, so the run asked for is a fifth of the tables.
  create temporary table bench_evaluations as
    select case when y = 0 then 'bench-eval-' || p else 'bench-eval-' || p || '-' || y end as id,
           case when y = 0 then 'bench-run' else 'bench-run-' || y end as run_id, p as phase
    from generate_series(0, ${EARLIER_RUNS}) y, unnest(array['before', 'after']) p;
  insert into evaluations (id, programme_run_id, programme, phase, title, audiences, anonymous)
    select id, run_id, 'wish', phase, 'WIsH', array['parent', 'teacher'], true from bench_evaluations;
  insert into evaluation_classes (evaluation_id, class_id)
    select e.id, 'bench-class-' || c from bench_evaluations e, generate_series(1, ${CLASSES}) c;
  insert into evaluation_questions (evaluation_id, position, id, kind, text)
    select id, 0, 'school-tip', 'text', 'Wat kan de school beter doen?' from bench_evaluations;
  create temporary table bench_responses as
    select e.id as evaluation_id, 'household:bench-fam-' || c || '-' || f as respondent, 'bench-fam-' || c || '-' || f as household_id,
           abs(hashtext(e.id || ':' || c || ':' || f)) % 100 as r
    from bench_evaluations e, generate_series(1, ${CLASSES}) c, generate_series(1, ${FAMILIES}) f;
  insert into evaluation_responses (evaluation_id, respondent, audience, household_id)
    select evaluation_id, respondent, 'parent', household_id from bench_responses where r < 80;
  insert into evaluation_answers (evaluation_id, respondent, audience, question_id, value, words)
    select evaluation_id, respondent, 'parent', q,
           case q when 'rating' then (1 + r % 5)::text when 'school-tip' then null else case when r % 3 = 0 then 'no' else 'yes' end end,
           case q when 'school-tip' then 'Meer oefenen thuis.' end
    from bench_responses, unnest(array[${EVALUATION_QUESTIONS.map((q) => `'${q}'`).join(', ')}]) q where r < 80;
  drop table bench_responses;
  drop table bench_evaluations;
  -- As autovacuum would after a school's year of writes: the planner knows the tables' sizes.
  analyze;`;
/** Autovacuum's other half, after the seed (not in a transaction): the evaluation tables' pages all-visible, as after a quiet night. */
const VACUUM = 'vacuum analyze evaluations, evaluation_classes, evaluation_questions, evaluation_responses, evaluation_answers';

const median = (/** @type {number[]} */ list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN;

/** One database: start, seed, ask, stop. @param {string} name @param {object} options createReferenceServer's */
async function run(name, options) {
  const api = await createReferenceServer({ ...options, log: () => {} });
  const http = createServer(api.handle);
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (http.address()).port}/api`;
  try {
    await api.db.exec(SEED);
    await api.db.exec(VACUUM);
    const ask = async (path = '/overview?programme=wish') => {
      const t0 = performance.now();
      const response = await fetch(`${base}${path}`, { headers: { authorization: 'Bearer bench-leader' } });
      const body = await response.json();
      const elapsed = performance.now() - t0;
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
      if (path === EVALUATION_RESULTS) {
        const [responded] = await api.db.query(
          "select count(*)::int as n from evaluation_responses where evaluation_id = 'bench-eval-after'",
        );
        const after = body.phases.find((/** @type {any} */ p) => p.phase === 'after');
        const parents = after?.audiences.find((/** @type {any} */ a) => a.audience === 'parent');
        const rating = after?.questions.find((/** @type {any} */ q) => q.questionId === 'rating');
        const rated = rating?.counts?.reduce((/** @type {number} */ n, /** @type {any} */ c) => n + c.count, 0);
        if (
          body.phases.length !== 2 ||
          parents?.invited !== CLASSES * FAMILIES ||
          parents?.responded !== responded.n ||
          rated !== responded.n
        )
          throw new Error(`GET ${path}: ${JSON.stringify(body).slice(0, 300)}`);
        return elapsed;
      }
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
    const results = await measure(EVALUATION_RESULTS);
    await api.db.exec('drop index clips_programme_class; drop index reactions_clip_household;');
    const without = await measure();
    await api.db.exec(
      'drop index evaluations_run; drop index evaluation_classes_class; drop index evaluation_responses_audience; drop index evaluation_answers_counts;',
    );
    await api.db.exec(VACUUM);
    const resultsWithout = await measure(EVALUATION_RESULTS);
    return [
      `${name}: overview of ${CLASSES} classes × ${LESSONS} lessons × ${FAMILIES} families, median of ${RUNS}: ${withIndexes.toFixed(1)} ms (without migration 012's indexes: ${without.toFixed(1)} ms; GET /viewer in the same run: ${viewer.toFixed(1)} ms)`,
      `${name}: evaluation results of a run of ${CLASSES} classes × ${FAMILIES} families (before and after, ${EVALUATION_QUESTIONS.length} questions; ${EARLIER_RUNS} earlier runs beside it), median of ${RUNS}: ${results.toFixed(1)} ms (without migration 017's indexes: ${resultsWithout.toFixed(1)} ms)`,
    ];
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
    lines.push(...(await run('PGlite', { dataDir })));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
if (onPostgres) {
  const schema = await postgresSchema(/** @type {string} */ (process.env.DATABASE_URL), 'samen_bench');
  try {
    lines.push(...(await run('PostgreSQL (DATABASE_URL)', { databaseUrl: schema.url })));
  } finally {
    await schema.drop();
  }
}
for (const line of lines) console.log(line);
