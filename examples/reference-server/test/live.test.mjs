// Issue 17: the live bus (live.mjs) on its own. In-process on PGlite; on PostgreSQL (when
// DATABASE_URL is set) two buses on one database, as two processes would have: what one
// publishes the other's subscribers hear, payloads over NOTIFY's 8,000 bytes are split, another
// schema hears nothing, and a listening connection that is terminated comes back and tells every
// subscriber once.
//   node --test examples/reference-server/test/live.test.mjs     (after `npm run build`)
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { openDatabase } from '../database.mjs';
import './helpers.mjs'; // SAMEN_PGLITE_TEMPLATE's default: new PGlite stores skip initdb
import { CHANNEL, MAX_PAYLOAD_BYTES, channelFor, createLiveBus, payloads } from '../live.mjs';

/** Resolves when `check()` is true, polling; fails after `ms`. */
async function until(check, ms = 5000, what = 'the condition') {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe('live bus: payloads and channels', () => {
  test('topics are split into JSON arrays under PostgreSQL’s 8,000-byte NOTIFY limit, none lost, in order', () => {
    const topics = Array.from({ length: 300 }, (_, i) => `clip:${String(i).padStart(3, '0')}-${'x'.repeat(190)}`);
    const out = payloads(topics);
    assert.ok(out.length > 1, 'more than one payload');
    for (const payload of out) assert.ok(Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES && MAX_PAYLOAD_BYTES < 8000);
    assert.deepEqual(
      out.flatMap((p) => JSON.parse(p)),
      topics,
    );
    assert.deepEqual(payloads(['clip:a', 'chart:b']), ['["clip:a","chart:b"]']);
    assert.deepEqual(payloads([]), []);
    // Multi-byte characters count as bytes, not characters.
    const wide = Array.from({ length: 100 }, (_, i) => `clip:${i}-${'é'.repeat(100)}`);
    for (const payload of payloads(wide)) assert.ok(Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES);
    assert.deepEqual(
      payloads(wide).flatMap((p) => JSON.parse(p)),
      wide,
    );
  });

  test('the channel is samen_changes in public, one per other schema, never over 63 characters', () => {
    assert.equal(channelFor('public'), CHANNEL);
    assert.equal(channelFor('samen_test_abc'), 'samen_changes_samen_test_abc');
    const long = channelFor('s'.repeat(60));
    assert.ok(long.length <= 63 && long.startsWith('samen_changes_'));
    assert.notEqual(long, channelFor(`${'s'.repeat(59)}t`));
  });
});

describe('live bus on PGlite (in-process)', () => {
  test('publish reaches the subscribers of those topics only, once per topic; unsubscribe and close stop it', async () => {
    const db = await openDatabase({ dataDir: ':memory:' });
    const bus = await createLiveBus({ db });
    try {
      assert.equal(bus.channel, 'in-process');
      const heard = [];
      const stopA = bus.subscribe('clip:a', () => heard.push('a1'));
      bus.subscribe('clip:a', () => {
        throw new Error('a subscriber that fails');
      });
      bus.subscribe('clip:a', () => heard.push('a2'));
      bus.subscribe('chart:b', () => heard.push('b'));
      await bus.publish(['clip:a', 'clip:a', 'clip:zzz']);
      assert.deepEqual(heard.sort(), ['a1', 'a2'], 'each subscriber once, the failing one did not stop the next');
      stopA();
      stopA(); // twice is harmless
      await bus.publish(['clip:a', 'chart:b']);
      assert.deepEqual(heard.sort(), ['a1', 'a2', 'a2', 'b']);
      await bus.close();
      await bus.publish(['chart:b']);
      assert.equal(heard.length, 4, 'nothing after close');
      assert.equal(typeof bus.subscribe('chart:b', () => {}), 'function');
    } finally {
      await bus.close();
      await db.close();
    }
  });
});

describe('live bus on PostgreSQL (DATABASE_URL)', { skip: !process.env.DATABASE_URL && 'set DATABASE_URL to run' }, () => {
  const url = process.env.DATABASE_URL ?? '';
  const schemas = [];
  after(async () => {
    if (!schemas.length) return;
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (const schema of schemas) await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  /** A URL whose connections use a schema of their own (as the tests and benches run). */
  async function schemaUrl() {
    const { default: pg } = await import('pg');
    const schema = `samen_live_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    schemas.push(schema);
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    return scoped.toString();
  }

  /** A process's view of the database: its pool and its bus. */
  async function open(databaseUrl, options = {}) {
    const db = await openDatabase({ databaseUrl });
    const lines = [];
    const bus = await createLiveBus({ db, databaseUrl, log: (line) => lines.push(line), minBackoffMs: 20, maxBackoffMs: 200, ...options });
    return { db, bus, lines, close: async () => (await bus.close(), await db.close()) };
  }

  test('what one process publishes, every process’s subscribers of the topic hear; another schema hears nothing', async () => {
    const databaseUrl = await schemaUrl();
    const a = await open(databaseUrl);
    const b = await open(databaseUrl);
    const other = await open(await schemaUrl());
    try {
      assert.equal(a.bus.channel, b.bus.channel);
      assert.notEqual(a.bus.channel, other.bus.channel);
      assert.ok(a.bus.channel.startsWith('samen_changes_samen_live_'));
      const heard = { a: [], b: [], other: [] };
      a.bus.subscribe('clip:x', () => heard.a.push('clip:x'));
      b.bus.subscribe('clip:x', () => heard.b.push('clip:x'));
      b.bus.subscribe('chart:y', () => heard.b.push('chart:y'));
      other.bus.subscribe('clip:x', () => heard.other.push('clip:x'));
      await b.bus.publish(['clip:x', 'chart:y', 'chart:unheard']);
      await until(() => heard.a.length === 1 && heard.b.length === 2, 5000, 'both processes to hear it');
      assert.deepEqual(heard.b.sort(), ['chart:y', 'clip:x']);
      await sleep(200);
      assert.deepEqual(heard.other, [], 'another schema’s bus heard nothing');
      assert.equal(heard.a.length, 1, 'once');
    } finally {
      await Promise.all([a.close(), b.close(), other.close()]);
    }
  });

  test('more topics than one NOTIFY payload holds arrive all, each once', async () => {
    const databaseUrl = await schemaUrl();
    const a = await open(databaseUrl);
    const b = await open(databaseUrl);
    try {
      const topics = Array.from({ length: 200 }, (_, i) => `clip:${i}-${'x'.repeat(150)}`);
      assert.ok(payloads(topics).length >= 4);
      const heard = new Map();
      for (const topic of topics) b.bus.subscribe(topic, () => heard.set(topic, (heard.get(topic) ?? 0) + 1));
      await a.bus.publish(topics);
      await until(() => heard.size === topics.length, 5000, 'every topic');
      await sleep(100);
      assert.ok([...heard.values()].every((n) => n === 1));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  test('after pg_terminate_backend of the listening connection it reconnects, tells every subscriber once, and hears again', async () => {
    const databaseUrl = await schemaUrl();
    const a = await open(databaseUrl);
    const b = await open(databaseUrl);
    try {
      const heard = { clip: 0, chart: 0, other: 0 };
      a.bus.subscribe('clip:x', () => heard.clip++);
      a.bus.subscribe('chart:y', () => heard.chart++);
      b.bus.subscribe('clip:x', () => heard.other++);
      const pid = a.bus.backendPid;
      assert.ok(Number.isInteger(pid));
      const [{ ok }] = await b.db.query('select pg_terminate_backend($1) as ok', [pid]);
      assert.equal(ok, true);
      await until(() => a.bus.backendPid !== undefined && a.bus.backendPid !== pid, 5000, 'a new listening connection');
      // Back: every subscriber re-reads once (what was published meanwhile is not missed).
      await until(() => heard.clip === 1 && heard.chart === 1, 5000, 'the re-read after reconnecting');
      assert.equal(heard.other, 0, 'the other process kept its connection: nothing to re-read');
      assert.ok(
        a.lines.some((l) => /listening connection lost/.test(l)) && a.lines.some((l) => /listening again/.test(l)),
        a.lines.join('\n'),
      );
      // And it hears what is published from now on.
      await b.bus.publish(['clip:x']);
      await until(() => heard.clip === 2 && heard.other === 1, 5000, 'the next change');
      assert.equal(heard.chart, 1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  test('terminated again (with a ping running), it reconnects each time; once closed it holds no connection', async () => {
    const databaseUrl = await schemaUrl();
    const a = await open(databaseUrl, { pingMs: 50 });
    const b = await open(databaseUrl);
    try {
      let heard = 0;
      a.bus.subscribe('clip:x', () => heard++);
      // Terminated twice in a row: it keeps trying, with backoff, until it is back.
      for (let round = 1; round <= 2; round++) {
        const pid = a.bus.backendPid;
        await b.db.query('select pg_terminate_backend($1)', [pid]);
        await until(() => a.bus.backendPid !== undefined && a.bus.backendPid !== pid, 5000, `reconnect ${round}`);
        await until(() => heard === round, 5000, `re-read ${round}`);
      }
      await a.bus.close();
      const [{ n }] = await b.db.query(
        "select count(*)::int as n from pg_stat_activity where application_name = 'samen-live' and pid = $1",
        [a.bus.backendPid ?? -1],
      );
      assert.equal(n, 0);
      assert.equal(a.bus.backendPid, undefined);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
