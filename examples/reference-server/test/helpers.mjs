// Shared by the reference server's trust and policy tests (policy.test.mjs, trust.test.mjs):
// a server on an ephemeral port of 127.0.0.1, a fetch client per token, the backends to run on
// (PGlite always, PostgreSQL when DATABASE_URL is set, in a schema of its own), and the policy
// school: the seeded demo plus what the table needs to have an "own" and an "other" of every
// resource for every viewer. No tests in here (node --test runs it and finds none).
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReferenceServer } from '../server.mjs';
import { openDatabase, postgresSchema } from '../database.mjs';
import { PGLITE_TEMPLATE } from '../../../scripts/test.mjs';

// New PGlite stores copy a fresh cluster instead of running initdb, as under `npm test`, also
// when a suite runs on its own (`node --test <file>`). Empty: initdb every time.
process.env.SAMEN_PGLITE_TEMPLATE ??= PGLITE_TEMPLATE;

export const key = () => randomUUID();

/** The smallest real PNG: 1×1, one grey pixel. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==', 'base64');

/** The reference server on an ephemeral port; `stop()` closes it and its database. */
export async function start(options) {
  const api = await createReferenceServer({ heartbeatMs: 100, ...options });
  const server = createServer(api.handle);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}/api`;
  return {
    api,
    base,
    as: (token) => client(base, token),
    async stop() {
      await api.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A fetch wrapper for one token: `call('PUT', '/clips/x/answer', { key, body })`. `raw` sends
 * bytes as they are (with `type`); `path` is sent as written (no re-encoding).
 */
export function client(base, token) {
  return async (method, path, { key, body, headers = {}, raw, type } = {}) => {
    const response = await fetch(base + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(key ? { 'idempotency-key': key } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(raw !== undefined ? { 'content-type': type } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      ...(raw !== undefined ? { body: raw } : {}),
    });
    const text = await response.text();
    let parsed;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: response.status, headers: response.headers, body: parsed };
  };
}

/**
 * `GET /events` for these topics: resolves once the response head is in (status and headers),
 * with `waitFor(re)` for what the stream sends and `close()`.
 */
export async function openEvents(base, token, topics, { raw } = {}) {
  const controller = new AbortController();
  const query = raw ?? encodeURIComponent(topics.join(','));
  const response = await fetch(`${base}/events?topics=${query}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: controller.signal,
  });
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    response,
    status: response.status,
    async waitFor(pattern, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = pattern.exec(buffer);
        if (match) {
          buffer = buffer.slice(match.index + match[0].length);
          return match[0];
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no ${pattern} on the event stream; got ${JSON.stringify(buffer)}`);
        let timer;
        const chunk = await Promise.race([
          reader.read(),
          new Promise((resolve) => (timer = setTimeout(() => resolve({ timeout: true }), left))),
        ]);
        clearTimeout(timer);
        if (chunk.done) throw new Error('event stream ended');
        if (!chunk.timeout) buffer += chunk.value;
      }
    },
    /** Resolves when the server ends the stream. */
    async ended(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('the event stream did not end');
        let timer;
        const chunk = await Promise.race([
          reader.read(),
          new Promise((resolve) => (timer = setTimeout(() => resolve({ timeout: true }), left))),
        ]);
        clearTimeout(timer);
        if (chunk.done) return;
      }
    },
    close() {
      controller.abort();
      reader?.cancel().catch(() => {});
    },
  };
}

/**
 * PGlite always; PostgreSQL too when DATABASE_URL is set. `store()` gives options for a new,
 * empty store that can be closed and opened again, and its `cleanup`.
 */
export const BACKENDS = [
  {
    name: 'PGlite',
    async store() {
      const dataDir = await mkdtemp(join(tmpdir(), 'samen-reference-'));
      return { options: { dataDir }, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
    },
  },
  ...(process.env.DATABASE_URL
    ? [
        {
          name: 'PostgreSQL (DATABASE_URL)',
          async store() {
            const schema = await postgresSchema(process.env.DATABASE_URL);
            return { options: { databaseUrl: schema.url }, cleanup: () => schema.drop() };
          },
        },
      ]
    : []),
];

/**
 * The one backend of a suite of the server's rules (policy, trust, households, threads, …):
 * PostgreSQL when DATABASE_URL is set (CI), else PGlite. Both engines run the same SQL, so the
 * rules need proving on one; the suites of the store itself (tables, the REST contract,
 * live updates, two processes) run on both ({@link BACKENDS}), where the engines could differ. Each rules suite on PGlite too: unset DATABASE_URL (as `npm test` on a
 * machine without PostgreSQL does).
 */
export const RULES_BACKENDS = BACKENDS.slice(-1);

// ------------------------------------------------------------------ the policy school

/** The viewers of the policy table: every role, two families and a child in one class, another class. */
export const VIEWERS = ['parent-1', 'parent-3', 'parent-4', 'child-login-1', 'teacher-1', 'teacher-2', 'care-1', 'leader-1'];

/**
 * The seeded demo, plus what a table of "own" and "other" needs: a class none of the staff
 * has (groep 8, with a clip, a post, two charts and a child), a personal chart and a home
 * matrix for the second family, one upload by every viewer (made in the table: only teachers can upload over HTTP),
 * an award on their class chart "given" by every viewer who can't give one, and goals of 1 so a
 * redeem can be tried after one award. Written as rows while no server runs on the store.
 * @param {import('../database.mjs').Database} db
 */
export async function addPolicyFixtures(db) {
  await db.transaction(async ({ query }) => {
    await query("insert into classes (id, school_id, label) values ('groep8-elders', 'school-regenboog', 'Groep 8')");
    await query("insert into households (id, school_id, name) values ('g8fam-1', 'school-regenboog', 'Familie Elders')");
    await query("insert into class_households (class_id, household_id, position) values ('groep8-elders', 'g8fam-1', 0)");
    await query("insert into children (id, class_id, name) values ('g8child-1', 'groep8-elders', 'Kees')");
    // groep 8's clip: groep 7's, in another class.
    await query(`insert into clips (id, class_id, programme, lesson_number, title, goal, learned, home_question, class_label, lang, posted_at)
      select 'g8-clip-1', 'groep8-elders', programme, lesson_number, 'Groep 8: samen sterk', goal, learned, home_question, 'Groep 8', lang, posted_at from clips where id = 'pbs-1'`);
    await query(
      "insert into clip_media (clip_id, position, role, url, alt) select 'g8-clip-1', position, role, url, alt from clip_media where clip_id = 'pbs-1'",
    );
    await query("insert into posts (id, class_id) values ('g8-post-1', 'groep8-elders')");
    // Charts: a copy of another, for another class or child, without awards.
    const copyChart = async (from, id, classId, childId) => {
      await query(
        `insert into reward_charts (id, kind, class_id, child_id, title, goal, reward, home_stickers_enabled, lang, choices)
         select $2, kind, $3, $4, title, goal, reward, home_stickers_enabled, lang, choices from reward_charts where id = $1`,
        [from, id, classId, childId],
      );
      await query(
        'insert into chart_focus (chart_id, position, id, text, pictogram) select $2, position, id, text, pictogram from chart_focus where chart_id = $1',
        [from, id],
      );
    };
    await copyChart('class-groep7', 'class-groep8', 'groep8-elders', null);
    await copyChart('personal-g7child-1', 'personal-g8child-1', 'groep8-elders', 'g8child-1');
    await copyChart('personal-child-1', 'personal-child-2', 'groep6-wish', 'child-2');
    // Every personal chart offers the child the same choices (issue 24), so an allowed choice is a 200.
    await query(
      "update reward_charts set choices = (select choices from reward_charts where id = 'personal-child-1') where kind = 'personal' and choices is null",
    );
    await query(
      "update reward_charts set goal = 1 where id in ('class-wish', 'personal-child-1', 'personal-child-2', 'class-groep7', 'personal-g7child-1', 'class-groep8', 'personal-g8child-1')",
    );
    // Awards "given" by viewers who can't give one: their undo is still refused. And one teacher-1
    // gave on groep 7's chart: "other" for teacher-2 on their own chart.
    for (const [by, chartId] of [
      ['child-login-1', 'class-wish'],
      ['care-1', 'class-wish'],
      ['leader-1', 'class-wish'],
      ['parent-3', 'class-wish'],
      ['parent-4', 'class-groep7'],
      ['teacher-1', 'class-groep7'],
    ]) {
      await query("insert into awards (id, chart_id, source, given_by, created_at) values ($1, $2, 'school', $3, now())", [
        `award-by-${by}`,
        chartId,
        by,
      ]);
    }
    await query(
      "insert into checkins (id, child_id, feeling, strength, context, created_at, local_day) values ('checkin:g8child-1:school:seed-0', 'g8child-1', 'happy', 3, 'school', now(), current_date)",
    );
    // The second family's home matrix: a copy of groep 7's family's.
    await query(
      "insert into matrices (id, kind, household_id, version) select 'matrix-home-fam-02', 'home', 'fam-02', version from matrices where id = 'matrix-home-g7fam-1'",
    );
    for (const table of ['matrix_versions', 'matrix_values', 'matrix_locations', 'matrix_cells', 'matrix_focus']) {
      const [{ columns }] = await query(
        "select string_agg(quote_ident(column_name), ', ' order by ordinal_position) as columns from information_schema.columns where table_schema = current_schema() and table_name = $1 and column_name <> 'matrix_id'",
        [table],
      );
      await query(
        `insert into ${table} (matrix_id, ${columns}) select 'matrix-home-fam-02', ${columns} from ${table} where matrix_id = 'matrix-home-g7fam-1'`,
      );
    }
    // The course (issue 26): a meeting in groep 8, and an introduction in groep 7 and groep 8 (copies of groep 6's).
    await query(`insert into meetings (id, class_id, kind, programme, title, starts_at, ends_at, place, bring, description, host_name, summary, lang)
      select 'g8-meeting', 'groep8-elders', kind, programme, title, starts_at, ends_at, place, bring, description, host_name, summary, lang from meetings where id = 'pbs-evening'`);
    for (const [id, classId] of [
      ['g7-intro', 'groep7-pbs'],
      ['g8-intro', 'groep8-elders'],
    ]) {
      await query(
        `insert into intros (id, class_id, programme, programme_label, class_label, about, home_asks, posted_at, lang)
         select $1, $2, programme, programme_label, class_label, about, home_asks, posted_at, lang from intros where id = 'wish-intro'`,
        [id, classId],
      );
      await query(
        'insert into intro_lessons (intro_id, number, title, goal, planned_at) select $1, number, title, goal, planned_at from intro_lessons where intro_id = $2',
        [id, 'wish-intro'],
      );
    }
    // Evaluations (issue 25) of groep 7 and groep 8, for every audience, open for two weeks: "other"
    // beside the demo's groep 6 run (wish-groep6).
    for (const [id, runId, classId] of [
      ['eval-g7', 'run-g7', 'groep7-pbs'],
      ['eval-g8', 'run-g8', 'groep8-elders'],
    ]) {
      await query(
        `insert into evaluations (id, programme_run_id, programme, phase, title, audiences, anonymous, closes_at)
         values ($1, $2, 'pbs', 'after', 'PBS', array['parent', 'child', 'teacher', 'trainer'], true, now() + interval '14 days')`,
        [id, runId],
      );
      await query('insert into evaluation_classes (evaluation_id, class_id) values ($1, $2)', [id, classId]);
    }
    for (const owner of VIEWERS) {
      await query(
        `insert into samen_uploads (media_id, owner, idempotency_key, kind, content_type, size, name, bytes)
         values ($1, $2, $3, 'photo', 'image/png', $4, 'kring.png', $5)`,
        [uploadOf(owner), owner, `fixture-${owner}`, PNG.length, PNG],
      );
    }
  });
}

/** The media id of the fixture upload `owner` made. */
export const uploadOf = (owner) => `media-fixture-${owner}`;

/**
 * What the policy's scopes need of the database, in the shape of the library's DemoState
 * (src/adapters/demo-data.ts), so the library's own scope functions (dist/adapters/demo-scopes.js)
 * judge the rows: viewers, clips and posts with their class, charts with their class, child and
 * open awards (with who gave them), the children and families of each class, matrices and whose
 * they are.
 * @param {import('../database.mjs').Database} db
 */
export async function stateOf(db) {
  const viewers = await db.query(`
    select v.id, v.role, v.household_id, v.name, v.school_id,
      array(select c.class_id from viewer_classes c where c.viewer_id = v.id order by c.position)::text[] as class_ids,
      array(select c.child_id from viewer_children c where c.viewer_id = v.id order by c.position)::text[] as child_ids
    from viewers v order by v.id`);
  const byId = (rows, fn) => Object.fromEntries(rows.map((r) => [r.id, fn(r)]));
  const classes = await db.query('select id from classes order by id');
  const children = await db.query('select id, class_id from children order by id');
  const families = await db.query(
    'select ch.class_id, h.id, h.name from class_households ch join households h on h.id = ch.household_id order by ch.position, h.id',
  );
  const charts = await db.query('select id, kind, class_id, child_id from reward_charts');
  const awards = await db.query('select id, chart_id, given_by from awards where redeemed_in is null order by created_at, id');
  const evaluations = await db.query(
    'select e.id, e.programme_run_id, min(ec.class_id) as class_id from evaluations e join evaluation_classes ec on ec.evaluation_id = e.id group by e.id, e.programme_run_id',
  );
  return {
    viewers: viewers.map((v) => ({
      id: v.id,
      role: v.role,
      ...(v.household_id ? { familyId: v.household_id } : {}),
      ...(v.name ? { name: v.name } : {}),
      classIds: v.class_ids,
      childIds: v.child_ids,
      ...(v.school_id ? { schoolId: v.school_id } : {}),
    })),
    clips: byId(await db.query('select id, class_id from clips'), (c) => ({ id: c.id, classId: c.class_id })),
    posts: byId(await db.query('select id, class_id from posts'), (p) => ({ classId: p.class_id })),
    charts: byId(charts, (c) => ({
      id: c.id,
      kind: c.kind,
      classId: c.class_id,
      ...(c.child_id ? { childId: c.child_id } : {}),
      awards: awards.filter((a) => a.chart_id === c.id).map((a) => ({ id: a.id, ...(a.given_by ? { givenById: a.given_by } : {}) })),
    })),
    classes: Object.fromEntries(classes.map((c) => [c.id, children.filter((ch) => ch.class_id === c.id).map((ch) => ch.id)])),
    families: Object.fromEntries(
      classes.map((c) => [c.id, families.filter((f) => f.class_id === c.id).map((f) => ({ familyId: f.id, name: f.name }))]),
    ),
    // The course (issue 26): meetings and introductions, with their class.
    meetings: byId(await db.query('select id, class_id from meetings'), (m) => ({ id: m.id, classId: m.class_id })),
    intros: byId(await db.query('select id, class_id from intros'), (i) => ({ id: i.id, classId: i.class_id })),
    // Evaluations (issue 25): each of one class here; a run's class is its evaluations'.
    evaluations: byId(evaluations, (e) => ({ id: e.id, programmeRunId: e.programme_run_id, classId: e.class_id })),
    matrices: byId(await db.query('select id, kind, school_id, household_id, version from matrices'), (m) => ({
      id: m.id,
      kind: m.kind,
      version: m.version,
      ...(m.school_id ? { schoolId: m.school_id } : {}),
      ...(m.household_id ? { familyId: m.household_id } : {}),
    })),
  };
}

/**
 * A server on the policy school: seeded, stopped, given the fixtures, started again.
 * @param {{ store: () => Promise<{ options: object, cleanup: () => Promise<void> }> }} backend
 */
export async function startPolicySchool(backend, options = {}) {
  const store = await backend.store();
  const first = await start({ ...store.options, log: () => {} });
  await first.stop();
  const db = await openDatabase(store.options);
  try {
    await addPolicyFixtures(db);
  } finally {
    await db.close();
  }
  const server = await start({ ...store.options, log: () => {}, ...options });
  return {
    ...server,
    async stop() {
      await server.stop();
      await store.cleanup();
    },
  };
}
