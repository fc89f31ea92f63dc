// Issue 17: several processes, one database. Two reference servers on one PostgreSQL database
// (in this process, as two processes would run them): a parent's /events stream on A hears a
// teacher's write made on B, and keeps hearing after A's listening connection was terminated.
// The CLI with --workers 2: refused on PGlite; on PostgreSQL both workers serve, a live update
// crosses from one to the other, a killed worker is replaced and SIGTERM stops them all.
//   DATABASE_URL=postgres://… node --test examples/reference-server/test/multi-process.test.mjs
// Without DATABASE_URL only the PGlite refusal runs.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BACKENDS, key, openEvents, start } from './helpers.mjs';

const SERVER = join(dirname(fileURLToPath(import.meta.url)), '..', 'server.mjs');
const POSTGRES = BACKENDS.find((b) => b.name.startsWith('PostgreSQL'));
const skip = !POSTGRES && 'set DATABASE_URL to run';

/** Resolves when `check()` resolves truthy, polling; fails after `ms`. */
async function until(check, ms = 10_000, what = 'the condition') {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * A write, retried with the same key while it is 503 (what HttpAdapter does): today's store
 * caches the state per process, and a process that saved over rows another process changed
 * since is refused, reloads and applies the retry on top.
 */
async function write(call, method, path, body) {
  const k = key();
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await call(method, path, { key: k, body });
    if (response.status !== 503) return response;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${method} ${path} stayed 503`);
}

describe('two servers on one PostgreSQL database', { skip }, () => {
  test('a parent’s stream on server A hears the teacher’s award and the other parent’s answer made on server B', async () => {
    const store = await POSTGRES.store();
    const a = await start({ ...store.options, log: () => {} });
    const b = await start({ ...store.options, log: () => {} });
    try {
      assert.equal(a.api.bus.channel, b.api.bus.channel);
      const chart = await openEvents(a.base, 'parent-1', ['chart:class-wish']);
      const clip = await openEvents(a.base, 'teacher-1', ['clip:wish-2']);
      assert.equal(chart.status, 200);
      await chart.waitFor(/: samen events/);
      await clip.waitFor(/: samen events/);

      const award = await write(b.as('teacher-1'), 'POST', '/charts/class-wish/awards', { reason: 'Geholpen' });
      assert.equal(award.status, 200);
      await chart.waitFor(/event: change\ndata: \{"topic":"chart:class-wish"\}/);

      const answer = await write(b.as('parent-3'), 'PUT', '/clips/wish-2/answer', { kind: 'talked' });
      assert.equal(answer.status, 200);
      await clip.waitFor(/event: change\ndata: \{"topic":"clip:wish-2"\}/);
      chart.close();
      clip.close();
    } finally {
      await a.stop();
      await b.stop();
      await store.cleanup();
    }
  });

  // The domain layer reads the tables on every request: nothing is cached per process.
  test('server A reads what was written on server B', async () => {
    const store = await POSTGRES.store();
    const a = await start({ ...store.options, log: () => {} });
    const b = await start({ ...store.options, log: () => {} });
    try {
      const award = await write(b.as('teacher-1'), 'POST', '/charts/class-wish/awards', { reason: 'Geholpen' });
      assert.equal(award.status, 200);
      const read = await a.as('parent-1')('GET', '/charts/class-wish');
      assert.ok(
        read.body.awards.some((x) => x.id === award.body.id),
        'the award made on B is read on A',
      );
    } finally {
      await a.stop();
      await b.stop();
      await store.cleanup();
    }
  });

  test('after pg_terminate_backend of A’s listening connection, A’s streams re-read once and hear B’s next writes', async () => {
    const store = await POSTGRES.store();
    const a = await start({ ...store.options, log: () => {} });
    const b = await start({ ...store.options, log: () => {} });
    try {
      const events = await openEvents(a.base, 'parent-1', ['chart:class-wish']);
      await events.waitFor(/: samen events/);
      const pid = a.api.bus.backendPid;
      assert.ok(Number.isInteger(pid));
      await b.api.db.query('select pg_terminate_backend($1)', [pid]);
      // Back: one change per topic, so the client re-reads whatever it may have missed.
      await events.waitFor(/event: change\ndata: \{"topic":"chart:class-wish"\}/, 10_000);
      assert.notEqual(a.api.bus.backendPid, pid);
      const award = await write(b.as('teacher-1'), 'POST', '/charts/class-wish/awards', {});
      assert.equal(award.status, 200);
      await events.waitFor(/event: change\ndata: \{"topic":"chart:class-wish"\}/);
      events.close();
    } finally {
      await a.stop();
      await b.stop();
      await store.cleanup();
    }
  });
});

// ------------------------------------------------------------------ the CLI with --workers

/** One request on a connection of its own (so the cluster may hand it to any worker). */
function fresh(base, token, method, path, { body, idempotencyKey } = {}) {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      `${base}${path}`,
      {
        method,
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
          ...(text ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } : {}),
        },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (data += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode, worker: res.headers['x-samen-worker'], body: data ? JSON.parse(data) : undefined }),
        );
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

/** `node server.mjs --workers N --port 0`, resolved once it printed its URL (or exited). */
function spawnWorkers(env, workers = 2) {
  const child = spawn(process.execPath, [SERVER, '--port', '0', '--workers', String(workers), '--quiet'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL: ${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /Samen reference server: (http:\/\/127\.0\.0\.1:\d+\/api) {2}\(\d+ workers: ([\d, ]+);/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ base: match[1], pids: match[2].split(', ').map(Number) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => (clearTimeout(timer), reject(Object.assign(new Error(`exited ${code}: ${output}`), { code, output }))));
  });
  return { child, ready, exited, output: () => output };
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('CLI: --workers 2 on PGlite is refused with a clear message', async () => {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const cli = spawnWorkers(env);
  const error = await cli.ready.then(
    () => assert.fail('it started'),
    (e) => e,
  );
  assert.equal(error.code, 2);
  assert.match(error.output, /--workers 2 needs PostgreSQL: set DATABASE_URL\. A PGlite directory is opened by one process only/);
});

describe('CLI --workers 2 on PostgreSQL', { skip }, () => {
  let store;
  let cli;
  after(async () => {
    if (cli && cli.child.exitCode === null) cli.child.kill('SIGKILL');
    await store?.cleanup();
  });

  test('both workers serve; a live update crosses workers; a killed worker is replaced; SIGTERM stops all', async () => {
    store = await POSTGRES.store();
    cli = spawnWorkers({ ...process.env, DATABASE_URL: store.options.databaseUrl });
    const { base, pids } = await cli.ready;
    assert.equal(pids.length, 2);
    assert.match(cli.output(), /Migrations applied: 001_init/, 'the primary migrated before forking');

    // Fresh connections are handed to both workers, and each says which one it is.
    const seen = new Set();
    for (let i = 0; i < 20 && seen.size < 2; i++) seen.add(Number((await fresh(base, 'parent-1', 'GET', '/viewer')).worker));
    assert.deepEqual([...seen].sort(), [...pids].sort());

    // A stream on one worker hears a write the other worker saved.
    const events = await openEvents(base, 'parent-1', ['chart:class-wish']);
    await events.waitFor(/: samen events/);
    const streamWorker = Number(events.response.headers.get('x-samen-worker'));
    assert.ok(pids.includes(streamWorker));
    let crossed = false;
    for (let i = 0; i < 30 && !crossed; i++) {
      const k = key();
      let response;
      for (let attempt = 0; attempt < 20; attempt++) {
        response = await fresh(base, 'teacher-1', 'POST', '/charts/class-wish/awards', { body: {}, idempotencyKey: k });
        if (response.status !== 503) break;
      }
      assert.equal(response.status, 200);
      await events.waitFor(/event: change\ndata: \{"topic":"chart:class-wish"\}/);
      if (Number(response.worker) !== streamWorker) crossed = true;
    }
    assert.ok(crossed, 'a write served by the other worker reached the stream');
    events.close();

    // A worker that dies is replaced.
    const victim = pids.find((pid) => pid !== streamWorker) ?? pids[0];
    process.kill(victim, 'SIGKILL');
    await until(
      () => /worker \d+ stopped \(SIGKILL\); starting another/.test(cli.output()) && /worker \d+ is serving/.test(cli.output()),
      30_000,
      'a replacement',
    );
    const replacement = Number(/worker (\d+) is serving/.exec(cli.output())[1]);
    assert.ok(!pids.includes(replacement));
    await until(
      async () => Number((await fresh(base, 'parent-1', 'GET', '/viewer')).worker) === replacement,
      10_000,
      'the replacement to serve',
    );

    // SIGTERM: every worker stops, then the primary, cleanly.
    cli.child.kill('SIGTERM');
    assert.equal(await cli.exited, 0);
    for (const pid of [...pids, replacement]) await until(() => !alive(pid), 5000, `worker ${pid} to stop`);
  });
});
