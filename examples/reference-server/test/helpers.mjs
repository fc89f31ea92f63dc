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
import { openDatabase } from '../database.mjs';

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
        const chunk = await Promise.race([reader.read(), new Promise((resolve) => (timer = setTimeout(() => resolve({ timeout: true }), left)))]);
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
        const chunk = await Promise.race([reader.read(), new Promise((resolve) => (timer = setTimeout(() => resolve({ timeout: true }), left)))]);
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

/** A schema of its own in DATABASE_URL's database, so tests never touch existing tables. */
async function postgresSchema(url) {
  const { default: pg } = await import('pg');
  const schema = `samen_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: scoped.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
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

// ------------------------------------------------------------------ the policy school

/** The viewers of the policy table: every role, two families and a child in one class, another class. */
export const VIEWERS = ['parent-1', 'parent-3', 'parent-4', 'child-login-1', 'teacher-1', 'teacher-2', 'care-1', 'leader-1'];

/**
 * The seeded demo, plus what a table of "own" and "other" needs: a class none of the staff
 * has (groep 8, with a clip, a post, two charts and a child), a personal chart and a home
 * matrix for the second family, one upload by every viewer (made in the table: only teachers can upload over HTTP),
 * an award on their class chart "given" by every viewer who can't give one, and goals of 1 so a
 * redeem can be tried after one award. Written while no server runs on the store.
 * @param {import('../database.mjs').Database} db
 */
export async function addPolicyFixtures(db) {
  const now = new Date().toISOString();
  await patch(db, 'classes', (classes) => ({ ...classes, 'groep8-elders': ['g8child-1'] }));
  await patch(db, 'families', (families) => ({ ...families, 'groep8-elders': [{ familyId: 'g8fam-1', name: 'Familie Elders' }] }));
  await patch(db, 'clips', (clips) => ({
    ...clips,
    'g8-clip-1': { ...clips['pbs-1'], id: 'g8-clip-1', classId: 'groep8-elders', classLabel: 'Groep 8', title: 'Groep 8: samen sterk' },
  }));
  await patch(db, 'posts', (posts) => ({ ...posts, 'g8-post-1': { classId: 'groep8-elders' } }));
  await patch(db, 'charts', (charts) => {
    const next = { ...charts };
    next['class-groep8'] = { ...charts['class-groep7'], id: 'class-groep8', classId: 'groep8-elders', awards: [] };
    next['personal-g8child-1'] = { ...charts['personal-g7child-1'], id: 'personal-g8child-1', classId: 'groep8-elders', childId: 'g8child-1', awards: [] };
    next['personal-child-2'] = { ...charts['personal-child-1'], id: 'personal-child-2', childId: 'child-2', childName: 'Daan', awards: [] };
    for (const id of ['class-wish', 'personal-child-1', 'personal-child-2', 'class-groep7', 'personal-g7child-1', 'class-groep8', 'personal-g8child-1']) {
      next[id] = { ...next[id], goal: 1 };
    }
    // Awards "given" by viewers who can't give one: their undo is still refused.
    const given = (by, chartId) => ({ id: `award-by-${by}`, source: 'school', givenById: by, givenBy: by, createdAt: now, chartId });
    for (const [by, chartId] of [['child-login-1', 'class-wish'], ['care-1', 'class-wish'], ['leader-1', 'class-wish'], ['parent-3', 'class-wish'], ['parent-4', 'class-groep7']]) {
      const { chartId: _c, ...award } = given(by, chartId);
      next[chartId] = { ...next[chartId], awards: [...next[chartId].awards, award] };
    }
    // An award teacher-1 gave on groep 7's chart: "other" for teacher-2 on their own chart.
    next['class-groep7'] = {
      ...next['class-groep7'],
      awards: [...next['class-groep7'].awards, { id: 'award-by-teacher-1', source: 'school', givenById: 'teacher-1', givenBy: 'Juf Sanne', createdAt: now }],
    };
    return next;
  });
  await patch(db, 'checkins', (checkins) => [
    ...checkins,
    { id: 'checkin:g8child-1:school:seed-0', childId: 'g8child-1', childName: 'Kees', feeling: 'happy', strength: 3, context: 'school', createdAt: now },
  ]);
  await patch(db, 'matrices', (matrices) => ({
    ...matrices,
    'matrix-home-fam-02': { ...matrices['matrix-home-g7fam-1'], id: 'matrix-home-fam-02', familyId: 'fam-02' },
  }));
  for (const owner of VIEWERS) {
    await db.query(
      `insert into samen_uploads (media_id, owner, idempotency_key, kind, content_type, size, name, bytes)
       values ($1, $2, $3, 'photo', 'image/png', $4, 'kring.png', $5)`,
      [uploadOf(owner), owner, `fixture-${owner}`, PNG.length, PNG],
    );
  }
}

/** The media id of the fixture upload `owner` made. */
export const uploadOf = (owner) => `media-fixture-${owner}`;

async function patch(db, name, fn) {
  const [row] = await db.query('select data from samen_collections where name = $1', [name]);
  await db.query('update samen_collections set data = $2::jsonb, revision = revision + 1 where name = $1', [name, JSON.stringify(fn(row.data))]);
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
