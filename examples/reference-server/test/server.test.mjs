// Tests of the reference server against the REST contract (openapi.yaml), over real HTTP.
//   node --test examples/reference-server/test/        (after `npm run build`)
// Runs on PGlite in memory; with DATABASE_URL set, the same suite runs again on PostgreSQL,
// each run in a schema of its own that is dropped afterwards.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createReferenceServer } from '../server.mjs';
import { migrate, MIGRATIONS_DIR, openDatabase, postgresSchema } from '../database.mjs';
import './helpers.mjs'; // SAMEN_PGLITE_TEMPLATE's default: new PGlite stores skip initdb

const HERE = dirname(fileURLToPath(import.meta.url));
const SERVER = join(HERE, '..', 'server.mjs');
const HTTP_ADAPTER = join(HERE, '..', '..', '..', 'dist', 'adapters', 'http-adapter.js');
const MEMORY_ADAPTER = join(HERE, '..', '..', '..', 'dist', 'adapters', 'memory-adapter.js');

// ------------------------------------------------------------------ helpers

/** The reference server on an ephemeral port; `stop()` closes it and its database. */
async function start(options) {
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

/** A fetch wrapper for one token: `call('PUT', '/clips/x/answer', { key, body })`. */
function client(base, token) {
  return async (method, path, { key, body, headers = {} } = {}) => {
    const response = await fetch(base + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(key ? { 'idempotency-key': key } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
}

const key = () => randomUUID();

/** The smallest real PNG: 1×1, one grey pixel. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==', 'base64');

/** `POST /uploads` with a raw body, as HttpAdapter sends it. */
async function upload(base, token, { kind = 'photo', name = 'kring.png', type = 'image/png', bytes = PNG, id = key(), headers = {} } = {}) {
  const response = await fetch(`${base}/uploads?${new URLSearchParams({ kind, name })}`, {
    method: 'POST',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(id ? { 'idempotency-key': id } : {}),
      'content-type': type,
      ...headers,
    },
    body: bytes,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** An open `GET /events` stream; `waitFor(re)` resolves with the first text matching after what was read. */
async function openEvents(base, token, topics) {
  const controller = new AbortController();
  const response = await fetch(`${base}/events?topics=${encodeURIComponent(topics.join(','))}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: controller.signal,
  });
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    response,
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
    close() {
      controller.abort();
      reader?.cancel().catch(() => {});
    },
  };
}

const backends = [
  {
    name: 'PGlite',
    /** Options for a new, empty store that can be opened again; `cleanup` removes it. */
    async store() {
      const dataDir = await mkdtemp(join(tmpdir(), 'samen-reference-'));
      return { options: { dataDir }, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
    },
    memory: async () => ({ options: { dataDir: ':memory:' }, cleanup: async () => {} }),
  },
];
if (process.env.DATABASE_URL) {
  const postgres = async () => {
    const schema = await postgresSchema(process.env.DATABASE_URL);
    return { options: { databaseUrl: schema.url }, cleanup: () => schema.drop() };
  };
  backends.push({ name: 'PostgreSQL (DATABASE_URL)', store: postgres, memory: postgres });
} else {
  test('PostgreSQL pass', { skip: 'DATABASE_URL is not set: the suite ran on PGlite only' }, () => {});
}

// ------------------------------------------------------------------ the contract, per backend

for (const backend of backends) {
  describe(`REST contract on ${backend.name}`, () => {
    let server;
    let cleanup;
    let parent;
    let parent2;
    let teacher;
    before(async () => {
      const store = await backend.memory();
      cleanup = store.cleanup;
      server = await start(store.options);
      parent = server.as('parent-1');
      parent2 = server.as('parent-2');
      teacher = server.as('teacher-1');
    });
    after(async () => {
      await server?.stop();
      await cleanup?.();
    });

    test('migrations are recorded and not applied twice', async () => {
      const rows = await server.api.db.query('select name from kysely_migration order by name');
      assert.deepEqual(
        rows.map((r) => r.name),
        [
          '001_init',
          '002_uploads',
          '003_clip_lang',
          '004_collections_idempotency',
          '005_relational',
          '006_samen_id_check',
          '007_answers_per_carer',
          '008_clip_group_co_teacher',
          '009_collections_to_tables',
          '010_threads',
          '011_households',
          '012_overview',
          '013_course',
          '014_recognition',
          '015_class_board',
          '016_chart_choices',
          '017_evaluations',
          '018_clip_schedule_follow_up',
          '019_answers_per_household',
        ],
      );
      assert.deepEqual(await migrate(server.api.db), []);
      const [clips] = await server.api.db.query("select count(*)::int as seeded from clips where id = 'wish-1'");
      assert.equal(clips.seeded, 1);
    });

    test('GET /viewer: who the token belongs to', async () => {
      const me = await parent('GET', '/viewer');
      assert.equal(me.status, 200);
      assert.equal(me.body.id, 'parent-1');
      assert.equal(me.body.role, 'parent');
      assert.equal((await teacher('GET', '/viewer')).body.role, 'teacher');
    });

    test('GET /clips/{clipId}: the clip, with media URLs this server serves', async () => {
      const clip = await parent('GET', '/clips/wish-2');
      assert.equal(clip.status, 200);
      assert.equal(clip.body.id, 'wish-2');
      const photo = clip.body.media.photos[0];
      assert.match(photo.src, /^http:\/\/127\.0\.0\.1:\d+\/api\/media\/illustration%3Awish-2-a$/);
      const image = await fetch(photo.src); // no token: an <img> can't send one
      assert.equal(image.status, 200);
      assert.equal(image.headers.get('content-type'), 'image/svg+xml');
      assert.match(await image.text(), /^<svg /);
      assert.equal((await fetch(`${server.base}/media/illustration%3Anot-in-any-clip`)).status, 404);
    });

    test('GET/PUT /clips/{clipId}/answer: 204 until answered, then the answer; each carer reads their own', async () => {
      assert.equal((await parent('GET', '/clips/wish-3/answer')).status, 204);
      const id = key();
      const saved = await parent('PUT', '/clips/wish-3/answer', { key: id, body: { kind: 'text', text: '  Aan tafel geoefend.  ' } });
      assert.equal(saved.status, 200);
      assert.equal(saved.body.id, id);
      assert.equal(saved.body.text, 'Aan tafel geoefend.'); // trimmed, as the contract's schema does
      assert.equal(saved.body.familyId, 'fam-01');
      assert.deepEqual((await parent('GET', '/clips/wish-3/answer')).body, saved.body);
      // The second carer of the family reads their own answer (none yet), never the first's.
      assert.equal((await parent2('GET', '/clips/wish-3/answer')).status, 204);
      const own = await parent2('PUT', '/clips/wish-3/answer', { key: key(), body: { kind: 'talked' } });
      assert.equal(own.body.kind, 'talked');
      assert.deepEqual((await parent('GET', '/clips/wish-3/answer')).body, saved.body, 'not replaced by the other carer');
      const reach = (await teacher('GET', '/clips/wish-3/reach')).body;
      assert.ok(
        reach.answers.some((a) => a.id === saved.body.id) && reach.answers.some((a) => a.id === own.body.id),
        'the teacher reads both',
      );
    });

    test('POST /clips/{clipId}/seen → 204, and GET /clips/{clipId}/reach counts the family once', async () => {
      const before = (await teacher('GET', '/clips/wish-4/reach')).body;
      assert.equal((await parent('POST', '/clips/wish-4/seen', { key: key() })).status, 204);
      assert.equal((await parent2('POST', '/clips/wish-4/seen', { key: key() })).status, 204);
      const reach = await teacher('GET', '/clips/wish-4/reach');
      assert.equal(reach.status, 200);
      assert.equal(reach.body.seen, before.seen + 1);
      assert.equal(reach.body.families, 24);
    });

    test('reactions: PUT /reactions/{targetId}/{reaction}, POST …/replies, GET /reactions/{targetId}', async () => {
      const before = (await parent('GET', '/reactions/host-post-1')).body;
      const on = await parent('PUT', '/reactions/host-post-1/heart', { key: key(), body: { on: true } });
      assert.equal(on.status, 200);
      assert.ok(on.body.mine.includes('heart'));
      assert.equal(on.body.counts.heart, (before.counts.heart ?? 0) + 1);
      const reply = await parent('POST', '/reactions/host-post-1/replies', { key: key(), body: { text: 'Mooi gedaan!' } });
      assert.equal(reply.status, 200);
      assert.equal(reply.body.text, 'Mooi gedaan!');
      const summary = await teacher('GET', '/reactions/host-post-1');
      assert.equal(summary.status, 200);
      assert.ok(summary.body.replies.some((r) => r.id === reply.body.id));
      assert.ok(summary.body.reactors.heart.includes('Familie Jansen'));
      const off = await parent('PUT', '/reactions/host-post-1/heart', { key: key(), body: { on: false } });
      assert.ok(!off.body.mine.includes('heart'));
    });

    test('reward charts: GET, POST award, DELETE award (undo), POST redeem', async () => {
      const chart = await parent('GET', '/charts/class-wish');
      assert.equal(chart.status, 200);
      const count = chart.body.awards.length;
      const award = await teacher('POST', '/charts/class-wish/awards', { key: key(), body: { expectationId: 'f1' } });
      assert.equal(award.status, 200);
      assert.equal(award.body.source, 'school');
      assert.equal((await parent('GET', '/charts/class-wish')).body.awards.length, count + 1);
      const undo = await teacher('DELETE', `/charts/class-wish/awards/${award.body.id}`, { key: key() });
      assert.equal(undo.status, 204);
      assert.equal((await parent('GET', '/charts/class-wish')).body.awards.length, count);

      // A home sticker from a parent, then the teacher fills the chart and redeems it.
      const sticker = await parent('POST', '/charts/personal-child-1/awards', { key: key(), body: { reason: 'Zelf de tafel gedekt' } });
      assert.equal(sticker.body.source, 'home');
      assert.equal(
        (await teacher('POST', '/charts/personal-child-1/redeem', { key: key() })).status,
        409,
        'goal not reached (a conflict with the chart as stored)',
      );
      for (let i = 0; i < 3; i++) await teacher('POST', '/charts/personal-child-1/awards', { key: key() });
      assert.equal((await parent('POST', '/charts/personal-child-1/redeem', { key: key(), body: {} })).status, 403, 'teachers only');
      const redeemed = await teacher('POST', '/charts/personal-child-1/redeem', {
        key: key(),
        body: { nextGoal: 12, nextReward: 'Naar de speeltuin' },
      });
      assert.equal(redeemed.status, 200);
      assert.deepEqual(redeemed.body.awards, []);
      assert.equal(redeemed.body.goal, 12);
      assert.equal(redeemed.body.reward, 'Naar de speeltuin');
      assert.equal(redeemed.body.earnedRewards.length, 1);
    });

    test('check-ins: PUT /checkins/{checkinId}, GET /children/{childId}/checkins and /classes/{classId}/checkins with from/to', async () => {
      const createdAt = new Date().toISOString();
      const checkinId = `checkin:child-1:home:${createdAt.slice(0, 10)}`;
      const saved = await parent('PUT', `/checkins/${encodeURIComponent(checkinId)}`, {
        key: key(),
        body: { childId: 'child-1', feeling: 'proud', strength: 4, context: 'home', createdAt },
      });
      assert.equal(saved.status, 200);
      assert.equal(saved.body.id, checkinId);
      const from = new Date(Date.now() - 60_000).toISOString();
      const to = new Date(Date.now() + 60_000).toISOString();
      const mine = await parent('GET', `/children/child-1/checkins?from=${from}&to=${to}`);
      assert.equal(mine.status, 200);
      assert.ok(mine.body.some((c) => c.id === checkinId));
      assert.ok(mine.body.every((c) => c.createdAt >= from && c.createdAt <= to && c.childId === 'child-1'));
      const all = await parent('GET', '/children/child-1/checkins');
      assert.ok(all.body.length > 1);
      const cls = await teacher('GET', `/classes/groep6-wish/checkins?from=${encodeURIComponent(from)}`);
      assert.equal(cls.status, 200);
      assert.ok(cls.body.some((c) => c.id === checkinId));
      assert.equal((await parent('GET', '/classes/groep6-wish/checkins')).status, 403);
      assert.equal((await parent('GET', '/children/child-2/checkins')).status, 403);
      const badRange = await parent('GET', '/children/child-1/checkins?from=yesterday');
      assert.equal(badRange.status, 400);
      assert.equal(badRange.body.error.issues[0].path, 'query.from');
    });

    test('matrices: PUT with the current baseVersion saves; a stale one is 409 and changes nothing', async () => {
      const { body: matrix } = await teacher('GET', '/matrices/matrix-school');
      const edited = { ...matrix, title: 'Onze afspraken (nieuw)' };
      const saved = await teacher('PUT', '/matrices/matrix-school', { key: key(), body: { matrix: edited, baseVersion: matrix.version } });
      assert.equal(saved.status, 200);
      assert.equal(saved.body.version, matrix.version + 1);
      assert.equal(saved.body.title, 'Onze afspraken (nieuw)');

      const stale = await teacher('PUT', '/matrices/matrix-school', {
        key: key(),
        body: { matrix: { ...matrix, title: 'Oud' }, baseVersion: matrix.version },
      });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.kind, 'conflict');
      const now = await parent('GET', '/matrices/matrix-school');
      assert.equal(now.body.version, matrix.version + 1);
      assert.equal(now.body.title, 'Onze afspraken (nieuw)');

      assert.equal(
        (await parent('PUT', '/matrices/matrix-school', { key: key(), body: { matrix: now.body, baseVersion: now.body.version } })).status,
        403,
      );
      const wrongId = await teacher('PUT', '/matrices/matrix-school', {
        key: key(),
        body: { matrix: { ...now.body, id: 'other' }, baseVersion: now.body.version },
      });
      assert.equal(wrongId.status, 400);
      // The family's own home matrix: both carers may read it.
      assert.equal((await parent2('GET', '/matrices/matrix-home-fam-01')).status, 200);
    });

    test('successes: POST /matrices/{matrixId}/successes (parents), GET with from (teachers)', async () => {
      const since = new Date(Date.now() - 1000).toISOString();
      const shared = await parent('POST', '/matrices/matrix-school/successes', {
        key: key(),
        body: { text: 'Hij liep rustig naar de auto.', expectationId: 'exp-respect-corridor-1' },
      });
      assert.equal(shared.status, 200);
      const list = await teacher('GET', `/matrices/matrix-school/successes?from=${since}`);
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.map((s) => s.id),
        [shared.body.id],
      );
      assert.ok((await teacher('GET', '/matrices/matrix-school/successes')).body.length >= 4);
      assert.equal((await parent('GET', '/matrices/matrix-school/successes')).status, 403);
      assert.equal((await teacher('POST', '/matrices/matrix-school/successes', { key: key(), body: { text: 'x' } })).status, 403);
    });

    test('idempotency: the same key twice has one effect and the same response', async () => {
      const id = key();
      const count = (await teacher('GET', '/charts/class-wish')).body.awards.length;
      const first = await teacher('POST', '/charts/class-wish/awards', { key: id, body: { reason: 'Rustig gewacht' } });
      const again = await teacher('POST', '/charts/class-wish/awards', { key: id, body: { reason: 'Rustig gewacht' } });
      assert.equal(first.status, 200);
      assert.equal(again.status, 200);
      assert.deepEqual(again.body, first.body);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal(first.headers.get('idempotent-replayed'), null);
      assert.equal((await teacher('GET', '/charts/class-wish')).body.awards.length, count + 1);

      // The key belongs to that request: another viewer or another path can't use it.
      const otherViewer = await parent('POST', '/charts/class-wish/awards', { key: id, body: {} });
      assert.equal(otherViewer.status, 400);
      assert.equal(otherViewer.body.error.issues[0].path, 'Idempotency-Key');
      assert.equal((await teacher('POST', '/charts/personal-child-1/awards', { key: id, body: {} })).status, 400);

      // A write that failed (403) is not recorded: the same key may succeed later.
      const answerKey = key();
      assert.equal((await teacher('PUT', '/clips/wish-8/answer', { key: answerKey, body: { kind: 'talked' } })).status, 403);
      assert.equal((await parent('PUT', '/clips/wish-8/answer', { key: answerKey, body: { kind: 'talked' } })).status, 200);
    });

    test('concurrent writes are each applied once, in full', async () => {
      const count = (await teacher('GET', '/charts/class-wish')).body.awards.length;
      const keys = Array.from({ length: 20 }, key);
      const results = await Promise.all([...keys, ...keys].map((k) => teacher('POST', '/charts/class-wish/awards', { key: k })));
      assert.ok(results.every((r) => r.status === 200));
      const awards = (await teacher('GET', '/charts/class-wish')).body.awards;
      assert.equal(awards.length, count + 20);
      const [row] = await server.api.db.query(
        "select count(*)::int as n from awards where chart_id = 'class-wish' and redeemed_in is null",
      );
      assert.equal(row.n, count + 20, 'one row per award');
    });

    test('a write whose save fails is 503 with Retry-After, changes nothing, and its retry applies once', async () => {
      const { db } = server.api;
      const count = (await teacher('GET', '/charts/class-wish')).body.awards.length;
      const id = key();
      // The save (one transaction) fails; reads of the idempotency record still work.
      const transaction = db.transaction;
      db.transaction = async () => {
        throw Object.assign(new Error('terminating connection'), { code: '57P01' });
      };
      let failed;
      try {
        failed = await teacher('POST', '/charts/class-wish/awards', { key: id });
      } finally {
        db.transaction = transaction;
      }
      assert.deepEqual([failed.status, failed.body.error.kind, failed.headers.get('retry-after')], [503, 'unavailable', '1']);
      assert.equal((await teacher('GET', '/charts/class-wish')).body.awards.length, count, 'rolled back in memory too');
      const retry = await teacher('POST', '/charts/class-wish/awards', { key: id });
      assert.equal(retry.status, 200);
      assert.equal(retry.headers.get('idempotent-replayed'), null, 'applied now, not replayed');
      assert.equal((await teacher('GET', '/charts/class-wish')).body.awards.length, count + 1);
    });

    test('what another process wrote is read at once, and a write applies on top of it', async () => {
      const { goal, awards } = (await teacher('GET', '/charts/class-wish')).body;
      // Another server on the same database changed the chart meanwhile: nothing is cached here.
      await server.api.db.query("update reward_charts set goal = 77 where id = 'class-wish'");
      assert.equal((await parent('GET', '/charts/class-wish')).body.goal, 77);
      const award = await teacher('POST', '/charts/class-wish/awards', { key: key() });
      assert.deepEqual([award.status, award.headers.get('idempotent-replayed')], [200, null]);
      const chart = (await teacher('GET', '/charts/class-wish')).body;
      assert.equal(chart.goal, 77, "the other process's change is kept");
      assert.equal(chart.awards.length, awards.length + 1);
      await server.api.db.query("update reward_charts set goal = $1 where id = 'class-wish'", [goal]);
    });

    test('errors: 401 without or with an unknown token', async () => {
      for (const token of [undefined, 'nobody']) {
        const res = await server.as(token)('GET', '/viewer');
        assert.equal(res.status, 401);
        assert.equal(res.body.error.kind, 'signed-out');
        assert.match(res.headers.get('www-authenticate'), /^Bearer/);
      }
      assert.equal((await client(server.base)('GET', '/viewer', { headers: { authorization: 'Basic cGFyZW50LTE6' } })).status, 401);
    });

    test('errors: 403, 404, 405 and 400 with their kinds', async () => {
      const forbidden = await parent('GET', '/clips/wish-2/reach');
      assert.deepEqual([forbidden.status, forbidden.body.error.kind], [403, 'forbidden']);
      const missing = await parent('GET', '/clips/nope');
      assert.deepEqual([missing.status, missing.body.error.kind], [404, 'not-found']);
      assert.equal((await parent('GET', '/charts/nope')).status, 404);
      assert.equal(
        (
          await teacher('PUT', '/matrices/nope', {
            key: key(),
            body: { matrix: { id: 'nope', kind: 'school', version: 0, values: [], locations: [], cells: {} }, baseVersion: 0 },
          })
        ).status,
        404,
      );
      assert.equal((await parent('GET', '/no/such/route')).status, 404);
      assert.equal((await fetch(server.base.replace(/\/api$/, '/elsewhere'))).status, 404);
      const wrongMethod = await parent('PATCH', '/clips/wish-2/answer', { key: key(), body: {} });
      assert.equal(wrongMethod.status, 405);
      assert.equal(wrongMethod.headers.get('allow'), 'GET, PUT');

      const noKey = await parent('PUT', '/clips/wish-2/answer', { body: { kind: 'talked' } });
      assert.deepEqual([noKey.status, noKey.body.error.kind], [400, 'invalid-data']);
      const malformed = await parent('PUT', '/clips/wish-2/answer', { key: key(), body: '{"kind": "talked"' });
      assert.deepEqual(
        [malformed.status, malformed.body.error.kind, malformed.body.error.message],
        [400, 'invalid-data', 'malformed JSON'],
      );
      const empty = await parent('PUT', '/clips/wish-2/answer', { key: key() });
      assert.equal(empty.status, 400);
      const invalid = await parent('PUT', '/checkins/c1', {
        key: key(),
        body: { childId: 'child-1', feeling: 'happy', strength: 9, context: 'garden' },
      });
      assert.equal(invalid.status, 400);
      assert.deepEqual(invalid.body.error.issues.map((i) => i.path).sort(), ['context', 'createdAt', 'strength']);
      assert.ok(!JSON.stringify(invalid.body).includes('garden'), 'issues never echo values');
      const tooLong = await parent('POST', '/reactions/wish-2/replies', { key: key(), body: { text: 'x'.repeat(281) } });
      assert.equal(tooLong.status, 400);
      const huge = await parent('POST', '/reactions/wish-2/replies', { key: key(), body: { text: 'x'.repeat(1.1 * 2 ** 20) } });
      assert.deepEqual([huge.status, huge.body.error.kind], [413, 'invalid-data']);
      // A path parameter that is not an id (src/core/policy.ts isSafeId) is no such route: 404.
      const notAnId = await parent('PUT', '/reactions/wish-2/NOT%20ONE', { key: key(), body: { on: true } });
      assert.deepEqual([notAnId.status, notAnId.body.error.kind], [404, 'not-found']);
      const badReaction = await parent('PUT', '/reactions/wish-2/NotOne', { key: key(), body: { on: true } });
      assert.equal(badReaction.status, 400);
    });

    test('GET /events: a change event per write on the topics, heartbeats, and checks on feelings topics', async () => {
      const events = await openEvents(server.base, 'teacher-1', ['clip:wish-5', 'reactions:wish-5', 'feelings:class:groep6-wish']);
      try {
        assert.equal(events.response.status, 200);
        assert.match(events.response.headers.get('content-type'), /^text\/event-stream/);
        await events.waitFor(/^: samen events\n\n/);
        await parent('PUT', '/clips/wish-5/answer', { key: key(), body: { kind: 'talked' } });
        assert.equal(await events.waitFor(/event: change\ndata: .*\n\n/), 'event: change\ndata: {"topic":"clip:wish-5"}\n\n');
        await parent('PUT', '/reactions/wish-5/like', { key: key(), body: { on: true } });
        await events.waitFor(/data: \{"topic":"reactions:wish-5"\}\n\n/);
        const createdAt = new Date().toISOString();
        await parent('PUT', `/checkins/checkin:child-1:school:${createdAt.slice(0, 10)}`, {
          key: key(),
          body: { childId: 'child-1', feeling: 'calm', strength: 2, context: 'school', createdAt },
        });
        await events.waitFor(/data: \{"topic":"feelings:class:groep6-wish"\}\n\n/);
        await events.waitFor(/: heartbeat\n\n/, 2000);
      } finally {
        events.close();
      }

      const parentEvents = await openEvents(server.base, 'parent-1', ['feelings:class:groep6-wish']);
      assert.equal(parentEvents.response.status, 403);
      parentEvents.close();
      const otherChild = await openEvents(server.base, 'parent-1', ['feelings:child-2']);
      assert.equal(otherChild.response.status, 403);
      otherChild.close();
      const noTopics = await openEvents(server.base, 'parent-1', []);
      assert.equal(noTopics.response.status, 400);
      noTopics.close();
      const noToken = await openEvents(server.base, undefined, ['clip:wish-5']);
      assert.equal(noToken.response.status, 401);
      noToken.close();
    });

    test('POST /uploads: a teacher’s photo is stored once per key and served back same-origin, as its type and nothing else', async () => {
      const id = key();
      const first = await upload(server.base, 'teacher-1', { id, name: 'Kring "groep 6".png' });
      assert.equal(first.status, 201);
      assert.match(first.body.mediaId, /^media-[0-9a-f-]{36}$/);
      assert.deepEqual(
        { ...first.body, mediaId: undefined },
        {
          mediaId: undefined,
          kind: 'photo',
          src: `${server.base}/uploads/${first.body.mediaId}/content`,
          type: 'image/png',
          size: PNG.length,
          name: 'Kring "groep 6".png',
        },
      );
      const again = await upload(server.base, 'teacher-1', { id, name: 'anders.png' });
      assert.equal(again.status, 200);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(again.body, first.body);
      const [{ count }] = await server.api.db.query('select count(*)::int as count from samen_uploads where idempotency_key = $1', [id]);
      assert.equal(count, 1);
      assert.deepEqual((await teacher('GET', `/uploads/${first.body.mediaId}`)).body, first.body);

      const file = await fetch(first.body.src); // no token, as an <img>
      assert.equal(file.status, 200);
      assert.deepEqual(Buffer.from(await file.arrayBuffer()), PNG);
      assert.equal(file.headers.get('content-type'), 'image/png');
      assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(
        file.headers.get('content-disposition'),
        `inline; filename="Kring _groep 6_.png"; filename*=UTF-8''Kring%20%22groep%206%22.png`,
      );
      assert.equal(file.headers.get('cross-origin-resource-policy'), 'same-origin');
      assert.match(file.headers.get('content-security-policy'), /sandbox/);
      const part = await fetch(first.body.src, { headers: { range: 'bytes=0-7' } });
      assert.equal(part.status, 206);
      assert.equal(part.headers.get('content-range'), `bytes 0-7/${PNG.length}`);
      assert.deepEqual(Buffer.from(await part.arrayBuffer()), PNG.subarray(0, 8));
      assert.equal((await fetch(`${server.base}/uploads/media-${randomUUID()}/content`)).status, 404);
      assert.equal((await fetch(first.body.src, { method: 'DELETE' })).status, 405);
    });

    test('POST /uploads refuses: not a teacher 403, wrong type 415, bytes that are not the type 415, too big 413, empty 400, no key 400', async () => {
      const refused = async (status, kind, options, token = 'teacher-1') => {
        const response = await upload(server.base, token, options);
        assert.equal(response.status, status, JSON.stringify(options));
        assert.equal(response.body.error.kind, kind);
        return response.body.error;
      };
      await refused(403, 'forbidden', {}, 'parent-1');
      await refused(401, 'signed-out', {}, '');
      await refused(415, 'invalid-data', { type: 'image/svg+xml', name: 'x.svg', bytes: Buffer.from('<svg/>') });
      await refused(415, 'invalid-data', { type: 'video/mp4', kind: 'photo' });
      const html = await refused(415, 'invalid-data', { bytes: Buffer.from('<html><script>alert(1)</script>') });
      assert.deepEqual(html.issues, [{ path: 'file', message: 'wrong-type' }]);
      const big = await refused(413, 'invalid-data', {
        kind: 'captions',
        type: 'text/vtt',
        name: 'c.vtt',
        bytes: Buffer.concat([Buffer.from('WEBVTT\n\n'), Buffer.alloc(1024 * 1024)]),
      });
      assert.deepEqual(big.issues, [{ path: 'file', message: 'too-big' }]);
      await refused(400, 'invalid-data', { bytes: Buffer.alloc(0) });
      await refused(400, 'invalid-data', { id: '' });
      await refused(400, 'invalid-data', { kind: 'pdf' });
      const [{ count }] = await server.api.db.query("select count(*)::int as count from samen_uploads where owner <> 'teacher-1'");
      assert.equal(count, 0);
      const stored = await upload(server.base, 'teacher-1');
      assert.equal((await parent('GET', `/uploads/${stored.body.mediaId}`)).status, 403);
      assert.equal((await teacher('GET', `/uploads/media-${randomUUID()}`)).status, 404);
    });

    test('POST /clips: a teacher publishes with a photo, once per key; the parent reads it with the photo this server serves', async () => {
      const photo = await upload(server.base, 'teacher-1');
      const id = key();
      const draft = {
        classId: 'groep6-wish',
        classLabel: 'Groep 6',
        programme: 'wish',
        lessonNumber: 3,
        title: 'Lichaamstaal',
        learned: 'Vandaag leerden we dat je lichaam ook praat.',
        homeQuestion: 'Hoe sta jij als je je zeker voelt?',
        media: { kind: 'photos', photos: [{ mediaId: photo.body.mediaId, alt: 'Kinderen staan rechtop in een kring' }] },
        lang: 'nl',
        group: 'Groep 6 — meisjes',
        coTeacher: 'Ellen, weerbaarheidsspecialist',
      };
      const published = await teacher('POST', '/clips', { key: id, body: draft });
      assert.equal(published.status, 200);
      assert.equal(published.body.id, `clip-${id}`);
      assert.equal(published.body.lang, 'nl');
      assert.deepEqual(published.body.media, {
        kind: 'photos',
        photos: [{ src: photo.body.src, alt: 'Kinderen staan rechtop in een kring' }],
      });
      const replay = await teacher('POST', '/clips', { key: id, body: draft });
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(replay.body, published.body);

      const seen = await parent('GET', `/clips/${published.body.id}`);
      assert.equal(seen.status, 200);
      assert.equal(seen.body.title, 'Lichaamstaal');
      assert.equal(seen.body.lang, 'nl', 'the language the teacher wrote in is stored and returned');
      assert.deepEqual([seen.body.group, seen.body.coTeacher], ['Groep 6 — meisjes', 'Ellen, weerbaarheidsspecialist']);
      assert.equal(seen.body.media.photos[0].src, photo.body.src);
      const media = await server.api.db.query('select position, role, upload_id, url, alt from clip_media where clip_id = $1', [
        published.body.id,
      ]);
      assert.deepEqual(
        media,
        [{ position: 0, role: 'photo', upload_id: photo.body.mediaId, url: null, alt: 'Kinderen staan rechtop in een kring' }],
        'the clip refers to the upload row',
      );
      const [clip] = await server.api.db.query('select class_id, published_by, lang from clips where id = $1', [published.body.id]);
      assert.deepEqual(clip, { class_id: 'groep6-wish', published_by: 'teacher-1', lang: 'nl' });

      assert.equal((await parent('POST', '/clips', { key: key(), body: draft })).status, 403);
      // Another teacher's class is 403; a class the school doesn't have is 404 (the policy's guard).
      assert.equal((await teacher('POST', '/clips', { key: key(), body: { ...draft, classId: 'groep7-pbs' } })).status, 403);
      assert.equal((await teacher('POST', '/clips', { key: key(), body: { ...draft, classId: 'groep3-other' } })).status, 404);
      const unknown = await teacher('POST', '/clips', {
        key: key(),
        body: { ...draft, media: { kind: 'photos', photos: [{ mediaId: 'media-nope', alt: 'x' }] } },
      });
      assert.equal(unknown.status, 400);
      const noTitle = await teacher('POST', '/clips', { key: key(), body: { ...draft, title: ' ' } });
      assert.equal(noTitle.status, 400);
      assert.equal(noTitle.body.error.issues[0].path, 'title');
      const badLang = await teacher('POST', '/clips', { key: key(), body: { ...draft, lang: 'Nederlands' } });
      assert.equal(badLang.status, 400);
      assert.deepEqual(
        badLang.body.error.issues.map((i) => i.path),
        ['lang'],
      );
      const english = await teacher('POST', '/clips', { key: key(), body: { ...draft, title: 'Body language', lang: 'en-GB' } });
      assert.equal((await parent('GET', `/clips/${english.body.id}`)).body.lang, 'en-GB');
      const { lang: _none, ...withoutLang } = draft;
      const unsaid = await teacher('POST', '/clips', { key: key(), body: withoutLang });
      assert.equal('lang' in (await parent('GET', `/clips/${unsaid.body.id}`)).body, false, 'no lang sent, none made up');
    });

    test(
      'HttpAdapter from dist/ talks to this server',
      { skip: !existsSync(HTTP_ADAPTER) && 'dist/adapters/http-adapter.js is not built' },
      async () => {
        const { HttpAdapter } = await import(HTTP_ADAPTER);
        const adapter = new HttpAdapter({ baseUrl: server.base, getToken: () => 'parent-1', retries: 0 });
        const teacherAdapter = new HttpAdapter({ baseUrl: server.base, getToken: () => 'teacher-1', retries: 0 });
        try {
          assert.equal((await adapter.getViewer()).id, 'parent-1');
          assert.equal((await adapter.getLessonClip('wish-6')).id, 'wish-6');
          assert.equal(await adapter.getHomeAnswer('wish-6'), null);
          let changed = 0;
          const unsubscribe = teacherAdapter.subscribe('clip:wish-6', () => changed++);
          // The stream opens once the page's subscriptions settle (streamDelayMs, 300 ms by default).
          await new Promise((resolve) => setTimeout(resolve, 700));
          const id = key();
          const answer = await adapter.saveHomeAnswer({ id, clipId: 'wish-6', kind: 'text', text: 'Samen een lijstje gemaakt.' });
          assert.deepEqual(
            await adapter.saveHomeAnswer({ id, clipId: 'wish-6', kind: 'text', text: 'Samen een lijstje gemaakt.' }),
            answer,
          );
          assert.deepEqual(await adapter.getHomeAnswer('wish-6'), answer);
          for (let i = 0; i < 50 && !changed; i++) await new Promise((resolve) => setTimeout(resolve, 20));
          assert.ok(changed >= 1, 'the teacher heard about the answer');
          unsubscribe();
          await assert.rejects(adapter.getClipReach('wish-6'), { kind: 'forbidden' });
          const matrix = await adapter.getExpectationMatrix('matrix-home-fam-01');
          await assert.rejects(adapter.saveExpectationMatrix({ id: key(), matrix, baseVersion: matrix.version + 5 }), { kind: 'conflict' });
          // The policy: a teacher does not read a family's home matrix.
          await assert.rejects(teacherAdapter.getExpectationMatrix('matrix-home-fam-01'), { kind: 'forbidden' });
        } finally {
          adapter.dispose?.();
          teacherAdapter.dispose?.();
        }
      },
    );
  });

  test(`${backend.name}: migration 003 gives the demo clips of a database seeded before lang their seed language, and leaves published clips alone`, async () => {
    const { options, cleanup } = await backend.memory();
    const before = await mkdtemp(join(tmpdir(), 'samen-migrations-'));
    const upTo003 = await mkdtemp(join(tmpdir(), 'samen-migrations-'));
    const db = await openDatabase(options);
    try {
      for (const file of ['001_init.sql', '002_uploads.sql']) await copyFile(join(MIGRATIONS_DIR, file), join(before, file));
      for (const file of ['001_init.sql', '002_uploads.sql', '003_clip_lang.sql'])
        await copyFile(join(MIGRATIONS_DIR, file), join(upTo003, file));
      assert.deepEqual(await migrate(db, { dir: before }), ['001_init', '002_uploads']);
      // A state as an English server seeded it before clips had a language, plus a teacher's clip.
      const { MemoryAdapter } = await import(MEMORY_ADAPTER);
      const state = structuredClone(new MemoryAdapter({ locale: 'en' }).store.state);
      delete state.clips['pbs-1']; // groep 7 came later
      // So did scheduled posts and follow-ups (issue 26): no server of 003's time had them.
      for (const [id, clip] of Object.entries(state.clips)) if (clip.scheduledAt || clip.followsUp) delete state.clips[id];
      for (const clip of Object.values(state.clips)) delete clip.lang;
      state.clips['clip-old'] = { ...state.clips['wish-2'], id: 'clip-old', title: 'Geschreven door de juf' };
      state.clips['wish-3'].lang = 'fy'; // one that says its language already keeps it
      await db.query("insert into samen_state (id, state, revision) values ('main', $1::jsonb, 5)", [JSON.stringify(state)]);

      assert.deepEqual(await migrate(db, { dir: upTo003 }), ['003_clip_lang']);
      const [row] = await db.query("select state -> 'clips' as clips, revision from samen_state where id = 'main'");
      const langs = Object.fromEntries(Object.entries(row.clips).map(([id, clip]) => [id, clip.lang]));
      assert.equal(langs['wish-1'], 'en');
      assert.equal(langs['kanjer-2'], 'en');
      assert.deepEqual(
        Object.keys(langs).filter((id) => langs[id] !== 'en'),
        ['wish-3', 'clip-old'],
      );
      assert.equal(langs['wish-3'], 'fy');
      assert.equal('lang' in row.clips['clip-old'], false);
      assert.equal(row.revision, 6, 'a process holding the old state cannot save over it');
      assert.deepEqual({ ...row.clips['wish-2'], lang: undefined }, { ...state.clips['wish-2'], lang: undefined }, 'nothing else changes');

      // The same SQL again changes nothing.
      await db.exec(await readFile(join(MIGRATIONS_DIR, '003_clip_lang.sql'), 'utf8'));
      assert.equal((await db.query("select revision from samen_state where id = 'main'"))[0].revision, 6);
    } finally {
      await db.close();
      await rm(before, { recursive: true, force: true });
      await rm(upTo003, { recursive: true, force: true });
      await cleanup();
    }
  });

  test(`${backend.name}: a database the old runner migrated to 003 and an old server filled moves into the tables (004, 009), and the server runs on it without seeding`, async () => {
    const { options, cleanup } = await backend.store();
    try {
      const db = await openDatabase(options);
      /** @type {Record<string, unknown>} */
      let state;
      try {
        // As the runner from before Kysely left a database: schema_migrations, 001 to 003 applied.
        await db.exec('create table schema_migrations (version text primary key, applied_at timestamptz not null default now())');
        for (const version of ['001_init', '002_uploads', '003_clip_lang']) {
          await db.exec(await readFile(join(MIGRATIONS_DIR, `${version}.sql`), 'utf8'));
          await db.query('insert into schema_migrations (version) values ($1)', [version]);
        }
        // A state as a server from before 004 saved it: one row, with every write's whole response.
        const { MemoryAdapter } = await import(MEMORY_ADAPTER);
        state = structuredClone(new MemoryAdapter({ locale: 'nl' }).store.state);
        state.answers.push({
          id: 'answer-before-004',
          clipId: 'wish-2',
          familyId: 'fam-01',
          familyName: 'Familie Jansen',
          carerId: 'parent-1',
          kind: 'text',
          text: 'Van voor de migratie.',
          updatedAt: new Date().toISOString(),
        });
        state.writes = { 'answer-before-004': { kept: 'x'.repeat(100_000) } };
        state.writeRequests = { 'answer-before-004': 'parent-1 saveHomeAnswer {"clipId":"wish-2"}' };
        // A clip a teacher published with an upload, and one a buggy host left without a class.
        await db.query(
          "insert into samen_uploads (media_id, owner, idempotency_key, kind, content_type, size, name, bytes) values ('media-old', 'teacher-1', 'k-old', 'photo', 'image/png', $1, 'kring.png', $2)",
          [PNG.length, PNG],
        );
        state.clips['clip-old'] = {
          ...state.clips['wish-3'],
          id: 'clip-old',
          title: 'Van de juf',
          media: { kind: 'photos', photos: [{ src: 'upload:media-old', alt: 'Een kring' }] },
        };
        state.clips['clip-broken'] = { id: 'clip-broken', title: 'Zonder klas' };
        await db.query("insert into samen_state (id, state, revision) values ('main', $1::jsonb, 9)", [JSON.stringify(state)]);

        assert.deepEqual(await migrate(db, { to: '004_collections_idempotency' }), ['004_collections_idempotency']);
        assert.equal(
          (await db.query("select to_regclass('schema_migrations') as t"))[0].t,
          null,
          'the old runner’s table is adopted and gone',
        );
        assert.deepEqual(
          (await db.query('select name from kysely_migration order by name')).map((r) => r.name),
          ['001_init', '002_uploads', '003_clip_lang', '004_collections_idempotency'],
        );
        const rows = await db.query('select name, pg_column_size(data) as size from samen_collections');
        const names = rows.map((r) => r.name).sort();
        assert.deepEqual(
          names,
          Object.keys(state)
            .filter((k) => !['writes', 'writeRequests', 'uploads'].includes(k))
            .sort(),
        );
        assert.ok(
          rows.every((r) => r.size < 100_000),
          'the writes record is not moved anywhere',
        );
        assert.equal((await db.query("select to_regclass('samen_state') as t"))[0].t, null, 'the one-row table is gone');
        assert.equal((await db.query('select count(*)::int as n from samen_idempotency'))[0].n, 0);

        // 005 makes the tables (006 to 008 amend them), 009 moves the rows into them and drops samen_collections.
        assert.deepEqual(await migrate(db), [
          '005_relational',
          '006_samen_id_check',
          '007_answers_per_carer',
          '008_clip_group_co_teacher',
          '009_collections_to_tables',
          '010_threads',
          '011_households',
          '012_overview',
          '013_course',
          '014_recognition',
          '015_class_board',
          '016_chart_choices',
          '017_evaluations',
          '018_clip_schedule_follow_up',
          '019_answers_per_household',
        ]);
        assert.equal((await db.query("select to_regclass('samen_collections') as t"))[0].t, null);
        const count = async (table) => (await db.query(`select count(*)::int as n from ${table}`))[0].n;
        assert.equal(await count('viewers'), state.viewers.length);
        assert.equal(await count('clips'), Object.keys(state.clips).length - 1, 'every clip but the one without a class');
        assert.equal(await count('home_answers'), state.answers.length);
        assert.equal(await count('checkins'), state.checkins.length);
        assert.equal(
          await count('awards'),
          Object.values(state.charts).reduce((n, c) => n + c.awards.length, 0),
        );
        assert.deepEqual(await db.query("select role, upload_id from clip_media where clip_id = 'clip-old'"), [
          { role: 'photo', upload_id: 'media-old' },
        ]);
      } finally {
        await db.close();
      }

      const server = await start(options);
      try {
        assert.equal((await server.api.db.query('select count(*)::int as n from schools'))[0].n, 2, 'moved, not seeded again');
        assert.equal((await server.as('parent-1')('GET', '/clips/wish-2/answer')).body.text, 'Van voor de migratie.');
        const old = await server.as('parent-1')('GET', '/clips/clip-old');
        assert.equal(old.body.media.photos[0].src, `${server.base}/uploads/media-old/content`);
        assert.deepEqual(Buffer.from(await (await fetch(old.body.media.photos[0].src)).arrayBuffer()), PNG);
        const award = await server.as('teacher-1')('POST', '/charts/class-wish/awards', { key: key(), body: {} });
        assert.equal(award.status, 200);
        assert.equal(
          (await server.as('parent-1')('GET', '/charts/class-wish')).body.awards.length,
          state.charts['class-wish'].awards.length + 1,
        );
      } finally {
        await server.stop();
      }
    } finally {
      await cleanup();
    }
  });

  test(`${backend.name}: the state survives a restart, and a retried key still applies once`, async () => {
    const { options, cleanup } = await backend.store();
    try {
      let server = await start(options);
      const awardKey = key();
      const first = await server.as('teacher-1')('POST', '/charts/class-wish/awards', { key: awardKey, body: { expectationId: 'f2' } });
      const answer = await server.as('parent-1')('PUT', '/clips/wish-1/answer', { key: key(), body: { kind: 'text', text: 'Tekenen!' } });
      const count = (await server.as('teacher-1')('GET', '/charts/class-wish')).body.awards.length;
      await server.stop();

      server = await start(options);
      try {
        assert.deepEqual((await server.as('parent-1')('GET', '/clips/wish-1/answer')).body, answer.body);
        const retry = await server.as('teacher-1')('POST', '/charts/class-wish/awards', { key: awardKey, body: { expectationId: 'f2' } });
        assert.deepEqual(retry.body, first.body);
        assert.equal(retry.headers.get('idempotent-replayed'), 'true');
        assert.equal((await server.as('teacher-1')('GET', '/charts/class-wish')).body.awards.length, count);
      } finally {
        await server.stop();
      }
    } finally {
      await cleanup();
    }
  });
}

// ------------------------------------------------------------------ the CLI

/** `node server.mjs --port 0 --data-dir DIR`, resolved once it printed its URL. */
async function spawnCli(dataDir) {
  const env = { ...process.env };
  delete env.DATABASE_URL; // this test is about PGlite in dataDir
  const child = spawn(process.execPath, [SERVER, '--port', '0', '--data-dir', dataDir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the CLI printed no URL: ${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:(\d+)\/api/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the CLI exited (${code}): ${output}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  return { child, base, exited, output: () => output };
}

test('CLI: killed with SIGKILL after a write, restarted on the same data, a retry is applied exactly once', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'samen-reference-cli-'));
  let cli;
  try {
    cli = await spawnCli(dataDir);
    const teacher = client(cli.base, 'teacher-1');
    const before = (await teacher('GET', '/charts/class-wish')).body.awards.length;
    const awardKey = key();
    const first = await teacher('POST', '/charts/class-wish/awards', { key: awardKey, body: { reason: 'Deur opengehouden' } });
    assert.equal(first.status, 200);
    // The static side serves the repository under the demo's CSP.
    const page = await fetch(cli.base.replace(/\/api$/, '/examples/index.html'));
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy'), /require-trusted-types-for 'script'/);
    assert.equal((await fetch(cli.base.replace(/\/api$/, '/.gitignore'))).status, 404, 'no dot-files');

    cli.child.kill('SIGKILL');
    assert.equal(await cli.exited, 'SIGKILL');

    cli = await spawnCli(dataDir); // takes over the dead process's lock file
    const retry = await client(cli.base, 'teacher-1')('POST', '/charts/class-wish/awards', {
      key: awardKey,
      body: { reason: 'Deur opengehouden' },
    });
    assert.equal(retry.status, 200);
    assert.deepEqual(retry.body, first.body);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    const awards = (await client(cli.base, 'teacher-1')('GET', '/charts/class-wish')).body.awards;
    assert.equal(awards.length, before + 1);
    assert.equal(awards.filter((a) => a.id === awardKey).length, 1);

    // A second server on the same data directory is refused while this one runs.
    await assert.rejects(createReferenceServer({ dataDir }), /in use by process/);

    cli.child.kill('SIGTERM');
    assert.equal(await cli.exited, 0, 'a clean stop');
    cli = undefined;
  } finally {
    cli?.child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
});
