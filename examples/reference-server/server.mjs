#!/usr/bin/env node
/**
 * Reference server for the Samen REST contract (`openapi.yaml`): what `HttpAdapter`
 * talks to. Its data is in PostgreSQL tables (PGlite or PostgreSQL, migrations/), its domain
 * rules in domain/ (the library's policy and schemas come from `dist/`, so run
 * `npm run build` first); this file adds HTTP, auth, idempotency keys and Server-Sent Events.
 * See README.md beside it.
 *
 *   node examples/reference-server/server.mjs [--port 8787] [--data-dir DIR] [--locale nl|en]
 *   DATABASE_URL=postgres://… node examples/reference-server/server.mjs
 *
 * As a library: `const { handle, close } = await createReferenceServer({ dataDir: ':memory:' })`
 * and `http.createServer(handle)`.
 */
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { resolveObjectURL } from 'node:buffer';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR, migrate, openDatabase } from './database.mjs';
import { createLiveBus } from './live.mjs';
import { ROOT, serveStatic } from '../static-files.mjs';

// The domain logic is the library's build: say plainly when it is missing.
const [
  { createDomain, asSamenError },
  { seedDemo },
  { sweepIdempotency, sweepDraftUploads, DRAFT_UPLOAD_TTL_MS },
  { ROUTES, matchRoute },
  { SamenError },
  { toIssues },
  { resolveDemoUrl },
  z,
  { MEDIA_LIMITS },
  { isSafeId },
] = await Promise.all([
  import('./domain/index.mjs'),
  import('./domain/seed.mjs'),
  import('./domain/retention.mjs'),
  import('./routes.mjs'),
  import('../../dist/core/errors.js'),
  import('../../dist/core/parse.js'),
  import('../../dist/adapters/illustrations.js'),
  import('zod/mini'),
  import('../../dist/clip-composer/schemas.js'),
  import('../../dist/core/policy.js'),
]).catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && /[/\\]dist[/\\]/.test(String(error.message))) {
    throw new Error('The reference server uses the built library: run `npm run build` first.', { cause: error });
  }
  throw error;
});

const HOST = '127.0.0.1';
const DEFAULT_PORT = 8787;
/**
 * Larger JSON bodies are refused (413). The largest a widget sends is an expectation matrix at
 * its limits (5 values × 8 places × 3 expectations of 200 characters, ids of 200): under 100 kB
 * even with every character escaped.
 */
export const MAX_BODY_BYTES = 256 * 1024;
/** Topics per event stream: a page of 16 clips with their reactions. */
export const MAX_TOPICS = 32;
/** Open event streams per viewer (a few tabs and devices); the next one is 429. */
export const MAX_STREAMS_PER_VIEWER = 6;
/** Open event streams in all; the next one is 503. */
const MAX_STREAMS = 1000;
const TOPIC_KINDS = new Set(['clip', 'reactions', 'chart', 'matrix', 'feelings', 'thread', 'meeting', 'intro', 'evaluation', 'board']);
/** How long an Idempotency-Key is remembered; older records are swept. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
const SWEEP_EVERY_MS = 10 * 60_000;
/** An open event stream asks the policy again on a change at most this often per topic. */
const RECHECK_TOPIC_MS = 10_000;
/** JSON members no body may have, at any depth. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Issued tokens: `st1.<payload>.<signature>` (see {@link createReferenceServer}'s issueToken). */
const TOKEN_PREFIX = 'st1.';

/** HTTP status for each `SamenError` kind. */
const STATUS = new Map([
  ['invalid-data', 400],
  ['signed-out', 401],
  ['forbidden', 403],
  ['not-found', 404],
  ['conflict', 409],
  ['unavailable', 503],
  ['offline', 503],
  ['not-connected', 503],
]);

const API_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** An error with an HTTP status of its own (401, 405, 413): its kind still goes in the body. */
class HttpError extends SamenError {
  /**
   * @param {number} status
   * @param {import('../../dist/core/errors.js').SamenErrorKind} kind
   * @param {string} message
   * @param {Record<string, string>} [headers]
   * @param {{ path: string, message: string }[]} [issues]
   */
  constructor(status, kind, message, headers = {}, issues = []) {
    super(kind, message, issues);
    this.status = status;
    this.headers = headers;
  }
}

/**
 * @typedef {object} ReferenceServerOptions
 * @property {string} [databaseUrl] PostgreSQL connection string; when absent, PGlite in `dataDir`
 * @property {string} [dataDir] PGlite's directory (default `examples/reference-server/.data`), or `':memory:'`
 * @property {'nl' | 'en'} [locale] language of the demo data seeded on first start
 * @property {Date} [now] "now" for the seeded dates
 * @property {string} [publicUrl] origin clients reach this server at, for media URLs (default: from the Host header)
 * @property {number} [heartbeatMs] comment line on idle event streams, so proxies keep them open
 * @property {(line: string) => void} [log] one line per request: status, method, operation, time. Never bodies.
 * @property {boolean} [demoTokens] accept `Bearer <viewer id>` (default true: the demo, its checks and the tests use them)
 * @property {string | Buffer} [tokenSecret] key that signs issued tokens (default: random per process, so they end with it)
 * @property {number} [idempotencyTtlMs] how long an Idempotency-Key is remembered (default 24 h)
 * @property {number} [draftUploadTtlMs] how long an upload no published clip uses is kept (default 7 days)
 * @property {number} [maxStreamsPerViewer] open event streams per viewer (default 6)
 */

/**
 * Opens (and on first start migrates and seeds) the database and returns the `/api/*` handler.
 * @param {ReferenceServerOptions} [options]
 */
export async function createReferenceServer({
  databaseUrl,
  dataDir = DEFAULT_DATA_DIR,
  locale = 'nl',
  now,
  publicUrl,
  heartbeatMs = 15_000,
  log = () => {},
  demoTokens = true,
  tokenSecret = randomBytes(32),
  idempotencyTtlMs = IDEMPOTENCY_TTL_MS,
  draftUploadTtlMs = DRAFT_UPLOAD_TTL_MS,
  maxStreamsPerViewer = MAX_STREAMS_PER_VIEWER,
} = {}) {
  const db = await openDatabase({
    databaseUrl,
    dataDir,
    onError: (/** @type {Error & { code?: string }} */ error) =>
      log(`database connection lost (${error.name}${error.code ? ` ${error.code}` : ''}); reconnecting on the next write`),
  });
  /** Which topics changed, told to every process on this database (live.mjs); /events listens on it. */
  let bus;
  /** @type {ReturnType<typeof createDomain>} The domain layer over the tables (domain/). */
  let domain;
  try {
    await migrate(db);
    // First start: the demo school, from the library's demo data (under a lock: one process seeds).
    if (await seedDemo(db, { locale, ...(now ? { now } : {}) })) log(`seeded the demo school (${locale})`);
    bus = await createLiveBus({ db, databaseUrl, log });
    domain = createDomain({ db, bus, idempotencyTtlMs, log });
    await sweep();
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }

  /** Writes being applied: {@link close} lets them finish. */
  const writing = new Set();
  /** Demo media references a stored clip uses (see {@link sendMedia}), once looked up. */
  const mediaRefs = new Set();
  /** Ends each open event stream; see {@link close}. */
  const streams = new Set();
  /** @type {Map<string, number>} open event streams per viewer id */
  const streamsOf = new Map();
  let closed = false;
  let lastSweep = Date.now();

  /**
   * Serves `/api/*`; anything else is a 404.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function handle(req, res) {
    const started = performance.now();
    let op = '-';
    res.on('close', () => log(`${res.statusCode} ${req.method} ${op} ${Math.round(performance.now() - started)} ms`));
    try {
      if (closed) throw new SamenError('unavailable', 'the server is shutting down');
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!url.pathname.startsWith('/api/')) throw new HttpError(404, 'not-found', 'no such route');
      const path = url.pathname.slice('/api'.length);

      if (path.startsWith('/media/')) {
        op = 'media';
        return await sendMedia(req, res, path.slice('/media/'.length));
      }
      const content = /^\/uploads\/([^/]+)\/content$/.exec(path);
      if (content) {
        op = 'uploadContent';
        return await sendUpload(req, res, /** @type {string} */ (content[1]));
      }
      if (path === '/events') {
        op = 'subscribe';
        if (req.method !== 'GET') throw new HttpError(405, 'not-found', 'method not allowed', { allow: 'GET' });
        return await openEvents(req, res, url, await authenticate(req));
      }

      const match = matchRoute(req.method ?? 'GET', path, ROUTES);
      if (!match) throw new HttpError(404, 'not-found', 'no such route');
      if ('allow' in match) throw new HttpError(405, 'not-found', 'method not allowed', { allow: match.allow.join(', ') });
      const { route, params } = match;
      op = route.op;
      const { viewerId, viewer, view } = await authenticate(req);
      /** @type {import('./routes.mjs').Call} */
      const call = { view, params, query: {}, body: undefined, key: '', mediaBase: mediaBase(req) };
      if (route.query) call.query = parse(route.query, Object.fromEntries(url.searchParams), 'query', 'invalid query parameters');

      // The policy (src/core/policy.ts, over SQL lookups in domain/policy.mjs), checked here for
      // every route before any domain code runs: the one place it is enforced. Reads now; writes
      // inside their transaction, against the rows they will change.
      if (!route.write) {
        const input = route.input(call);
        if (route.batch) {
          // A batch read: each id as its single read; one it refuses is `null` in the answer.
          const allowed = await domain.authorizeEach(viewer, route.op, input);
          return sendResult(
            res,
            await route.run(
              call,
              input.map((/** @type {string} */ id) => (allowed.has(id) ? id : null)),
            ),
          );
        }
        await domain.authorize(viewer, route.op, input);
        return sendResult(res, await route.run(call, input));
      }

      call.key = idempotencyKey(req);
      if (route.upload) {
        // Known before a byte of the file is read.
        const input = route.input(call);
        await domain.authorize(viewer, route.op, input);
        return await receiveUpload(req, res, route, call, input);
      }
      // Routes without a body schema (markSeen, undoAward) ignore whatever was sent.
      if (route.body) call.body = parse(route.body, await readJson(req, !!route.optionalBody), '', 'invalid request body');
      const issues = route.check?.(call) ?? [];
      if (issues.length) throw new SamenError('invalid-data', 'invalid request', issues);
      const input = route.input(call);
      const write = {
        key: call.key,
        digest: requestDigest(viewerId, route.op, params, call.body),
        resultId: /** @type {NonNullable<typeof route.resultId>} */ (route.resultId)(input),
        op: route.op,
        input,
      };
      const replay = /** @type {NonNullable<typeof route.replay>} */ (route.replay);

      // One transaction: the idempotency record claimed, the policy, the write; committed before
      // its response (and its topics published on the live bus), so a client that got no
      // response can retry with the same key, on any process, and the write happens exactly once.
      const applying = domain.write(
        viewer,
        write,
        (tx) => route.run({ ...call, view: tx }, input),
        (now, resultId) => replay({ ...call, view: now }, input, resultId),
      );
      writing.add(applying);
      let outcome;
      try {
        outcome = await applying;
      } finally {
        writing.delete(applying);
      }
      sweepNowAndThen();
      return sendResult(res, outcome.result, outcome.replayed ? { 'idempotent-replayed': 'true' } : {});
    } catch (error) {
      sendError(res, error);
    }
  }

  /**
   * The viewer named by the bearer token: an issued token (see {@link issueToken}) that is
   * signed by this server and not expired, or, with `demoTokens`, a viewer id. Anything else is
   * 401 with `WWW-Authenticate`, which clients treat as signed out.
   * @param {import('node:http').IncomingMessage} req
   */
  async function authenticate(req) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) throw signedOut('a bearer token is required');
    let viewerId;
    /** @type {number | undefined} */
    let expiresAt;
    if (token.startsWith(TOKEN_PREFIX)) {
      const claims = verifyToken(token);
      if (!claims) throw signedOut('unknown token', 'invalid_token');
      if (claims.exp <= Date.now()) throw signedOut('the token has expired', 'invalid_token');
      ({ sub: viewerId, exp: expiresAt } = claims);
    } else if (demoTokens) {
      viewerId = token;
    }
    const viewer = isSafeId(viewerId) ? await domain.viewer(viewerId) : undefined;
    if (!viewer) throw signedOut('unknown token', 'invalid_token');
    return { viewerId: viewer.id, viewer, view: domain.as(viewer), expiresAt };
  }

  /**
   * A token for this viewer until `expiresAt` (default: an hour from now), signed with
   * `tokenSecret`: `Authorization: Bearer <token>` works for every route and /events until then,
   * and is 401 from then on. Stateless: a server with the same `tokenSecret` accepts it too.
   * @param {string} viewerId
   * @param {{ expiresAt?: Date | number }} [options]
   */
  function issueToken(viewerId, { expiresAt = Date.now() + 3_600_000 } = {}) {
    if (!isSafeId(viewerId)) throw new TypeError('not a viewer id');
    const exp = typeof expiresAt === 'number' ? expiresAt : expiresAt.getTime();
    if (!Number.isFinite(exp)) throw new TypeError('expiresAt is not a time');
    const payload = Buffer.from(JSON.stringify({ sub: viewerId, exp })).toString('base64url');
    return `${TOKEN_PREFIX}${payload}.${sign(payload)}`;
  }

  function sign(/** @type {string} */ payload) {
    return createHmac('sha256', tokenSecret)
      .update(TOKEN_PREFIX + payload)
      .digest('base64url');
  }

  /** The claims of a token this server signed, or undefined. */
  function verifyToken(/** @type {string} */ token) {
    const [payload = '', signature = '', ...rest] = token.slice(TOKEN_PREFIX.length).split('.');
    if (rest.length || !payload || payload.length > 1000) return undefined;
    const expected = Buffer.from(sign(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      return typeof claims?.sub === 'string' && Number.isFinite(claims?.exp)
        ? /** @type {{ sub: string, exp: number }} */ (claims)
        : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * What is kept only for a while (domain/retention.mjs): idempotency records past
   * `idempotencyTtlMs`, uploads no published clip uses past `draftUploadTtlMs`.
   * @returns {Promise<{ idempotencyKeys: number, draftUploads: number }>}
   */
  async function sweep() {
    return {
      idempotencyKeys: await sweepIdempotency(db.kysely, idempotencyTtlMs),
      draftUploads: await sweepDraftUploads(db.kysely, draftUploadTtlMs),
    };
  }

  /** Sweeps at most every few minutes, without holding up the write. */
  function sweepNowAndThen() {
    if (Date.now() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = Date.now();
    sweep().catch((error) => log(`retention sweep failed (${error?.name ?? 'error'})`));
  }

  function mediaBase(req) {
    if (publicUrl) return `${publicUrl.replace(/\/+$/, '')}/api/media/`;
    const host = req.headers.host ?? '';
    // Widgets accept https:, blob: and http on loopback; behind TLS, set publicUrl.
    return /^([\w.-]+|\[[\da-f:.]+\])(:\d{1,5})?$/i.test(host) ? `http://${host}/api/media/` : '/api/media/';
  }

  /**
   * `GET /api/events?topics=a,b`: one `change` event per change of those topics on the live bus
   * (a write saved by any process on this database, see live.mjs), until the client goes away
   * (or its token expires). Every topic is authorised as the read it announces, at the start
   * and again on a change (at most every RECHECK_TOPIC_MS per topic: the policy's answer is a
   * query now); a viewer has at most `maxStreamsPerViewer` streams.
   */
  async function openEvents(req, res, url, { viewerId, viewer, expiresAt }) {
    const topics = [...new Set((url.searchParams.get('topics') ?? '').split(',').filter(Boolean))];
    if (!topics.length || topics.length > MAX_TOPICS || !topics.every(isTopic)) {
      throw new SamenError('invalid-data', 'invalid topics', [
        { path: 'topics', message: `1 to ${MAX_TOPICS} comma-separated topics like clip:wish-2` },
      ]);
    }
    for (const topic of topics) await domain.authorizeTopic(viewer, topic);
    const open = streamsOf.get(viewerId) ?? 0;
    if (open >= maxStreamsPerViewer) {
      throw new HttpError(429, 'unavailable', `at most ${maxStreamsPerViewer} open event streams per viewer`, { 'retry-after': '30' });
    }
    if (streams.size >= MAX_STREAMS) throw new SamenError('unavailable', 'too many open event streams');

    res.writeHead(200, {
      ...API_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'x-accel-buffering': 'no', // nginx: don't hold events back
    });
    res.write(': samen events\n\n');
    const send = (/** @type {string} */ text) => {
      if (!res.writableEnded && !res.destroyed) res.write(text);
    };
    // The policy again on a change, as this viewer is now: one whose right has gone (or who was
    // erased) hears nothing more. Asked at most every RECHECK_TOPIC_MS per topic.
    /** @type {Map<string, { at: number, ok: Promise<boolean> }>} */
    const checked = new Map(topics.map((topic) => [topic, { at: Date.now(), ok: Promise.resolve(true) }]));
    const mayFollow = (/** @type {string} */ topic) => {
      const last = checked.get(topic);
      if (last && Date.now() - last.at < RECHECK_TOPIC_MS) return last.ok;
      const ok = domain
        .viewer(viewerId)
        .then(async (current) => !!current && (await domain.authorizeTopic(current, topic), true))
        .catch(() => false);
      checked.set(topic, { at: Date.now(), ok });
      return ok;
    };
    const unsubscribes = topics.map((topic) =>
      bus.subscribe(topic, () => {
        void mayFollow(topic).then((ok) => ok && send(`event: change\ndata: ${JSON.stringify({ topic })}\n\n`));
      }),
    );
    const heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
    const end = () => res.end();
    // An issued token's stream ends when the token does: the client reconnects and is told (401).
    const expiry = expiresAt === undefined ? undefined : setTimeout(end, Math.min(Math.max(0, expiresAt - Date.now()), 2 ** 31 - 1));
    streams.add(end);
    streamsOf.set(viewerId, open + 1);
    res.on('close', () => {
      clearInterval(heartbeat);
      clearTimeout(expiry);
      for (const unsubscribe of unsubscribes) unsubscribe();
      streams.delete(end);
      const left = (streamsOf.get(viewerId) ?? 1) - 1;
      if (left > 0) streamsOf.set(viewerId, left);
      else streamsOf.delete(viewerId);
    });
  }

  /**
   * `GET /api/media/{ref}`: the generated demo pictures and captions that clips refer to.
   * Without a token (an <img> can't send one); they hold no personal data.
   */
  async function sendMedia(req, res, encoded) {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'not-found', 'method not allowed', { allow: 'GET, HEAD' });
    let ref;
    try {
      ref = decodeURIComponent(encoded);
    } catch {
      ref = '';
    }
    // Only references stored clips use: each one found is remembered for good.
    if (!mediaRefs.has(ref)) {
      if (!/^(illustration|captions):[\w-]+$/.test(ref) || !(await domain.isClipMedia(ref)))
        throw new HttpError(404, 'not-found', 'no such media');
      mediaRefs.add(ref);
    }
    const blob = resolveObjectURL(resolveDemoUrl(ref));
    if (!blob) throw new HttpError(404, 'not-found', 'no such media');
    const bytes = Buffer.from(await blob.arrayBuffer());
    res.writeHead(200, {
      'content-type': blob.type,
      'content-length': bytes.length,
      'cache-control': 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
      // An SVG opened on its own is a document: let it run nothing.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'cross-origin-resource-policy': 'cross-origin',
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  /**
   * `POST /api/uploads?kind=…&name=…`: one file as the raw body. The policy was checked before
   * a byte is read (teachers only); then the type (415), the size (413, from Content-Length when
   * sent, else while reading) and the first bytes (415 when they are not what the type says).
   * Its own idempotency: the table's (owner, key) constraint stores a repeated upload once.
   */
  async function receiveUpload(req, res, route, call, input) {
    const { kind } = call.query;
    const limits = MEDIA_LIMITS[kind];
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (!limits.types.includes(type)) {
      throw new HttpError(415, 'invalid-data', 'this type cannot be uploaded as this kind', {}, [
        { path: 'Content-Type', message: `one of ${limits.types.join(', ')}` },
      ]);
    }
    const tooBig = () =>
      new HttpError(413, 'invalid-data', `a ${kind} is at most ${limits.maxBytes} bytes`, {}, [{ path: 'file', message: 'too-big' }]);
    if (Number(req.headers['content-length'] ?? 0) > limits.maxBytes) throw tooBig();
    const bytes = await readBody(req, limits.maxBytes, tooBig);
    if (!bytes.length) throw new SamenError('invalid-data', 'the file is empty', [{ path: 'file', message: 'empty' }]);
    if (!looksLike(type, bytes)) {
      throw new HttpError(415, 'invalid-data', 'the file is not what its type says', {}, [{ path: 'file', message: 'wrong-type' }]);
    }
    const { created, media } = await route.run({ ...call, file: { bytes, type } }, input);
    sendJson(res, created ? 201 : 200, media, created ? {} : { 'idempotent-replayed': 'true' });
  }

  /**
   * `GET /api/uploads/{mediaId}/content`: an uploaded file, without a token (an `<img>` can't
   * send one; the id is random). Only ever as the type checked at upload, never sniffed, as a
   * sandboxed document if opened on its own, and only for pages of this origin. One byte
   * range on request, so a video can seek.
   */
  async function sendUpload(req, res, encoded) {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'not-found', 'method not allowed', { allow: 'GET, HEAD' });
    let mediaId;
    try {
      mediaId = decodeURIComponent(encoded);
    } catch {
      mediaId = '';
    }
    const file = /^media-[\w-]{1,100}$/.test(mediaId) ? await domain.uploadContent(mediaId) : undefined;
    if (!file) throw new HttpError(404, 'not-found', 'no such upload');
    const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
    const headers = {
      'content-type': file.type,
      'x-content-type-options': 'nosniff',
      'content-disposition': contentDisposition(file.name),
      'content-security-policy': "default-src 'none'; sandbox",
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'private, max-age=3600',
      'referrer-policy': 'no-referrer',
      'accept-ranges': 'bytes',
    };
    const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ''));
    let status = 200;
    let body = bytes;
    if (range && (range[1] || range[2])) {
      const size = bytes.length;
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start > end || start >= size) {
        res.writeHead(416, { ...headers, 'content-range': `bytes */${size}` });
        res.end();
        return;
      }
      status = 206;
      body = bytes.subarray(start, end + 1);
      headers['content-range'] = `bytes ${start}-${end}/${size}`;
    }
    res.writeHead(status, { ...headers, 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function sendError(res, error) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    /** @type {Record<string, string>} */
    let headers = {};
    let status;
    let body;
    if (error instanceof SamenError) {
      status = error instanceof HttpError ? error.status : (STATUS.get(error.kind) ?? 503);
      headers = error instanceof HttpError ? error.headers : {};
      body = { kind: error.kind, message: error.message, ...(error.issues?.length ? { issues: error.issues } : {}) };
    } else if (typeof error?.code === 'string') {
      // The database (down, a deadlock, a constraint a read can't break): its kind, never its message.
      const mapped = asSamenError(error);
      status = STATUS.get(mapped.kind) ?? 503;
      body = { kind: mapped.kind, message: mapped.message };
    } else {
      // Name and code only: messages of some errors quote the data they choked on.
      log(`unexpected error: ${error?.name ?? 'error'}${error?.code ? ` ${error.code}` : ''}`);
      status = 500;
      body = { kind: 'unavailable', message: 'internal error' };
    }
    if ((status === 503 || status === 500) && !headers['retry-after']) headers['retry-after'] = '1';
    if (status === 413) headers.connection = 'close'; // the rest of that body is not read
    sendJson(res, status, { error: body }, headers);
  }

  /**
   * Ends the event streams, lets a write in flight finish saving, and closes the database.
   * Requests arriving meanwhile get 503.
   */
  async function close() {
    if (closed) return;
    closed = true;
    for (const end of streams) end();
    await Promise.allSettled([...writing]);
    await bus.close();
    await db.close();
  }

  return {
    handle,
    close,
    db,
    /** The domain layer (domain/index.mjs): `domain.viewer(id)`, `domain.as(viewer).getRewardChart(id)`, … */
    domain,
    /** The live bus (live.mjs): `publish(topics)` after a saved write reaches every process's /events streams. */
    bus,
    issueToken,
    /** Forgets idempotency keys older than `idempotencyTtlMs` now; resolves with how many. */
    sweepIdempotencyKeys: () => sweepIdempotency(db.kysely, idempotencyTtlMs),
    /** Both retention sweeps now (idempotency keys, unpublished uploads); resolves with how many of each. */
    sweep,
  };
}

/** 401: no, an unknown or an expired token (RFC 6750's `WWW-Authenticate`). */
function signedOut(/** @type {string} */ message, /** @type {string} */ error = '') {
  const challenge = error ? `Bearer realm="samen", error="${error}", error_description="${message}"` : 'Bearer realm="samen"';
  return new HttpError(401, 'signed-out', message, { 'www-authenticate': challenge });
}

/**
 * `clip:<id>`, `reactions:<id>`, `chart:<id>`, `matrix:<id>`, `feelings:<childId>`,
 * `feelings:class:<classId>` or `evaluation:<id>`, every id a safe id; a thread's ends in
 * `<familyId>/<householdId>`.
 * @param {string} topic
 */
function isTopic(topic) {
  const colon = topic.indexOf(':');
  const kind = topic.slice(0, colon);
  const id = topic.slice(colon + 1);
  if (colon < 0 || !TOPIC_KINDS.has(kind)) return false;
  // A thread with one address of the family (issue 24): `thread:<kind>:<id>:<family>/<household>`.
  if (kind === 'thread' && id.includes('/')) {
    const [family, household, ...more] = id.split('/');
    return !more.length && isSafeId(family) && isSafeId(household);
  }
  return kind === 'feelings' && id.startsWith('class:') ? isSafeId(id.slice('class:'.length)) : isSafeId(id);
}

/**
 * What an Idempotency-Key is bound to: SHA-256 of the viewer, the operation, its decoded path
 * parameters and a hash of the checked body. Only this is kept, never the request.
 */
function requestDigest(viewerId, op, params, body) {
  const bodyHash = createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex');
  return createHash('sha256')
    .update(JSON.stringify([viewerId, op, params, bodyHash]))
    .digest('hex');
}

// ---------------------------------------------------------------------- helpers

/** The write's id: it becomes the id of what the write makes (an award, a reply), so a safe id. */
function idempotencyKey(req) {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !isSafeId(key)) {
    throw new SamenError('invalid-data', 'writes need an Idempotency-Key header', [
      { path: 'Idempotency-Key', message: '1 to 200 letters, digits and _ . : @ - (a UUID)' },
    ]);
  }
  return key;
}

/**
 * The request body, refused with `tooBig()` as soon as it passes `max` bytes.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} max
 * @param {() => Error} tooBig
 */
async function readBody(req, max, tooBig) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > max) throw tooBig();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Whether a file starts the way files of `type` do: a "photo" that is really an HTML page is
 * refused, whatever its Content-Type said.
 * @param {string} type
 * @param {Buffer} bytes
 */
export function looksLike(type, bytes) {
  const at = (offset, text) => bytes.subarray(offset, offset + text.length).toString('latin1') === text;
  switch (type) {
    case 'image/jpeg':
      return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    case 'image/png':
      return at(0, '\x89PNG\r\n\x1a\n');
    case 'image/webp':
      return at(0, 'RIFF') && at(8, 'WEBP');
    case 'video/mp4':
      return at(4, 'ftyp');
    case 'video/webm':
      return at(0, '\x1a\x45\xdf\xa3');
    case 'text/vtt':
      return at(0, 'WEBVTT') || at(0, '\xef\xbb\xbfWEBVTT');
    default:
      return false;
  }
}

/** `inline` with the file's name, plain ASCII and RFC 5987 (no quote or control character gets through). */
function contentDisposition(name) {
  const ascii =
    String(name)
      .replace(/[^\x20-\x7e]|["\\]/g, '_')
      .slice(0, 100) || 'file';
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(String(name).slice(0, 100))}`;
}

/**
 * The request body as JSON; `{}` when empty and `optional`.
 * @param {import('node:http').IncomingMessage} req
 * @param {boolean} optional
 */
async function readJson(req, optional) {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES)
    throw new HttpError(413, 'invalid-data', `request body over ${MAX_BODY_BYTES} bytes`);
  const text = (
    await readBody(req, MAX_BODY_BYTES, () => new HttpError(413, 'invalid-data', `request body over ${MAX_BODY_BYTES} bytes`))
  ).toString('utf8');
  if (!text.trim()) {
    if (optional) return {};
    throw new SamenError('invalid-data', 'a JSON body is required');
  }
  let reserved = false;
  let body;
  try {
    // A member named after an inherited one is refused wherever it is: zod's records would
    // otherwise take `"__proto__"` as the prototype of the object they build.
    body = JSON.parse(text, (name, value) => {
      if (RESERVED_KEYS.has(name)) reserved = true;
      return value;
    });
  } catch {
    // Not the parser's message: it quotes the body.
    throw new SamenError('invalid-data', 'malformed JSON');
  }
  if (reserved) throw new SamenError('invalid-data', 'a member of the body is named __proto__, constructor or prototype');
  return body;
}

/** Parsed `data`, or an invalid-data error naming the bad fields (never their values). */
function parse(schema, data, prefix, message) {
  const result = z.safeParse(schema, data);
  if (result.success) return result.data;
  const issues = toIssues(result.error).map((i) => (prefix ? { ...i, path: `${prefix}.${i.path}` } : i));
  throw new SamenError('invalid-data', message, issues);
}

function sendResult(res, result, headers = {}) {
  if (result === null || result === undefined) sendJson(res, 204, undefined, headers);
  else sendJson(res, 200, result, headers);
}

function sendJson(res, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...API_HEADERS,
    ...(text ? { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) } : {}),
    ...headers,
  });
  res.end(text);
}

// ---------------------------------------------------------------------- CLI

/** Worker processes `--workers` allows. */
const MAX_WORKERS = 64;
/** A crashed worker is replaced, but not more than this often in {@link RESTART_WINDOW_MS}: then everything stops. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
/** How long a worker gets to finish after SIGTERM before it is killed. */
const STOP_GRACE_MS = 10_000;

async function main() {
  // Admin commands (export-family, erase-family: admin.mjs), never over HTTP.
  const { ADMIN_COMMANDS, runAdminCommand } = await import('./admin.mjs');
  if (ADMIN_COMMANDS.includes(process.argv[2] ?? '')) process.exit(await runAdminCommand(process.argv[2] ?? '', process.argv.slice(3)));
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      locale: { type: 'string' },
      workers: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'node examples/reference-server/server.mjs [--port 8787] [--data-dir DIR | env DATABASE_URL] [--locale nl|en] [--workers N] [--quiet]',
    );
    console.log('node examples/reference-server/server.mjs export-family <familyId> | erase-family <familyId> --yes   (admin.mjs)');
    return;
  }
  const port = Number.parseInt(values.port ?? process.env.PORT ?? '', 10);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = values['data-dir'] ?? DEFAULT_DATA_DIR;
  const locale = values.locale === 'en' ? 'en' : 'nl';
  const workers = values.workers === undefined ? 1 : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) {
    console.error(`--workers takes a whole number from 1 to ${MAX_WORKERS}.`);
    process.exit(2);
  }
  if (workers > 1 && !databaseUrl) {
    console.error(
      `--workers ${workers} needs PostgreSQL: set DATABASE_URL. A PGlite directory is opened by one process only, ` +
        'so on PGlite the server runs as one process (leave out --workers).',
    );
    process.exit(2);
  }
  const options = { port: Number.isNaN(port) ? DEFAULT_PORT : port, databaseUrl, dataDir, locale, workers, quiet: !!values.quiet };
  if (workers > 1 && cluster.isPrimary) await runPrimary(options);
  else await serve(options);
}

/**
 * One process serving HTTP: the only one, or one of `--workers N` (node:cluster: the workers
 * share the port, the primary hands each new connection to one of them). With workers, every
 * response says which one answered (`x-samen-worker: <pid>`).
 */
async function serve({ port, databaseUrl, dataDir, locale, quiet }) {
  const api = await createReferenceServer({
    databaseUrl,
    dataDir,
    locale,
    publicUrl: process.env.PUBLIC_URL || undefined,
    log: quiet ? () => {} : (line) => console.log(line),
  });
  const worker = cluster.isWorker ? String(process.pid) : undefined;
  const server = createServer((req, res) => {
    if (worker) res.setHeader('x-samen-worker', worker);
    if (req.url === '/api' || req.url?.startsWith('/api/')) void api.handle(req, res);
    else void serveStatic(req, res);
  });
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    await api.close().catch(() => {});
    process.exit(code);
  };
  server.on('error', (error) => {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    console.error(code === 'EADDRINUSE' ? `Port ${port} is in use; try --port ${port + 1}` : `Could not start: ${error.message}`);
    void stop(1);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(0));
  server.listen(port, HOST, () => {
    if (worker) return; // the primary says where, once every worker listens
    const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
    const where = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${shortPath(dataDir)}`;
    console.log(`Samen reference server: http://${HOST}:${actual}/api  (state in ${where}; files from ${shortPath(ROOT)})`);
    console.log(
      'Demo tokens: Authorization: Bearer parent-1 | parent-3 | child-login-1 | teacher-1 | teacher-2 | care-1 | leader-1   (Ctrl+C to stop)',
    );
  });
}

/**
 * `--workers N`: migrates once, then forks N workers that share the port and the database (and
 * hear each other's changes through the live bus). A worker that stops is replaced, at most
 * {@link MAX_RESTARTS} times a minute; one that cannot start, or more restarts than that, stop
 * everything (exit 1). SIGINT and SIGTERM stop every worker (each finishes what it is writing),
 * then the primary.
 */
async function runPrimary({ databaseUrl, workers }) {
  const db = await openDatabase({ databaseUrl });
  try {
    const applied = await migrate(db);
    if (applied.length) console.log(`Migrations applied: ${applied.join(', ')}`);
  } finally {
    await db.close();
  }

  let stopping = false;
  let started = false;
  let listening = 0;
  /** @type {number[]} */
  const restarts = [];
  const stop = async (/** @type {number} */ code) => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
    await Promise.all(
      alive.map(
        (w) =>
          new Promise((done) => {
            const timer = setTimeout(() => w?.process.kill('SIGKILL'), STOP_GRACE_MS);
            w?.once('exit', () => (clearTimeout(timer), done(undefined)));
            w?.process.kill('SIGTERM');
          }),
      ),
    );
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(0));

  cluster.on('listening', (worker, address) => {
    if (started) {
      console.log(`worker ${worker.process.pid} is serving`);
      return;
    }
    listening += 1;
    if (listening < workers) return;
    started = true;
    const pids = Object.values(cluster.workers ?? {}).map((w) => w?.process.pid);
    console.log(
      `Samen reference server: http://${HOST}:${address.port}/api  (${workers} workers: ${pids.join(', ')}; state in PostgreSQL (DATABASE_URL); files from ${shortPath(ROOT)})`,
    );
    console.log(
      'Demo tokens: Authorization: Bearer parent-1 | parent-3 | child-login-1 | teacher-1 | teacher-2 | care-1 | leader-1   (Ctrl+C to stop)',
    );
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const how = signal ?? `exit ${code}`;
    if (!started) {
      console.error(`A worker could not start (${how}); stopping.`);
      void stop(1);
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && /** @type {number} */ (restarts[0]) <= now - RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length > MAX_RESTARTS) {
      console.error(`Workers stopped ${restarts.length} times within a minute (the last: ${how}); stopping.`);
      void stop(1);
      return;
    }
    console.error(`worker ${worker.process.pid} stopped (${how}); starting another`);
    cluster.fork();
  });
  // With --port 0 the workers share one random port (node:cluster picks it at the first listen).
  for (let i = 0; i < workers; i++) cluster.fork();
}

/** Relative to the working directory when inside it, else absolute. */
function shortPath(path) {
  const rel = relative(process.cwd(), resolve(path));
  return rel.startsWith('..') ? resolve(path) : rel || '.';
}

const isMain = process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (isMain) {
  main().catch((error) => {
    console.error(`Could not start the reference server: ${error.message}`);
    process.exit(1);
  });
}
