#!/usr/bin/env node
/**
 * Reference server for the Samen REST contract (`openapi.yaml`): what `HttpAdapter`
 * talks to. The domain logic is the library's own `MemoryAdapter` (from `dist/`, so run
 * `npm run build` first); this file adds HTTP, auth, idempotency keys, Server-Sent
 * Events and persistence in PostgreSQL or PGlite. See README.md beside it.
 *
 *   node examples/reference-server/server.mjs [--port 8787] [--data-dir DIR] [--locale nl|en]
 *   DATABASE_URL=postgres://… node examples/reference-server/server.mjs
 *
 * As a library: `const { handle, close } = await createReferenceServer({ dataDir: ':memory:' })`
 * and `http.createServer(handle)`.
 */
import { createServer } from 'node:http';
import { resolveObjectURL } from 'node:buffer';
import { realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR, migrate, openDatabase } from './database.mjs';
import { ROOT, serveStatic } from '../static-files.mjs';

// The domain logic is the library's build: say plainly when it is missing.
const [{ PostgresAdapter }, { ROUTES, matchRoute }, { SamenError }, { toIssues }, { resolveDemoUrl }, z, { MEDIA_LIMITS }] = await Promise.all([
  import('./postgres-adapter.mjs'),
  import('./routes.mjs'),
  import('../../dist/core/errors.js'),
  import('../../dist/core/parse.js'),
  import('../../dist/adapters/illustrations.js'),
  import('zod/mini'),
  import('../../dist/core/schemas.js'),
]).catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && /[/\\]dist[/\\]/.test(String(error.message))) {
    throw new Error('The reference server uses the built library: run `npm run build` first.', { cause: error });
  }
  throw error;
});

const HOST = '127.0.0.1';
const DEFAULT_PORT = 8787;
/** Larger bodies are refused; a whole expectation matrix is a few kB. */
const MAX_BODY_BYTES = 1 << 20;
const MAX_TOPICS = 100;
const TOPIC = /^(clip|reactions|chart|feelings|matrix):[^\s,]{1,200}$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/; // visible ASCII, as openapi.yaml's 1…200 characters

/** HTTP status for each `SamenError` kind. 401 (no or unknown token) is decided before any kind. */
const STATUS = {
  'invalid-data': 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  unavailable: 503,
  offline: 503,
  'not-connected': 503,
};

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
 */

/**
 * Opens (and on first start migrates and seeds) the store and returns the `/api/*` handler.
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
} = {}) {
  const db = await openDatabase({
    databaseUrl,
    dataDir,
    onError: (/** @type {Error & { code?: string }} */ error) => log(`database connection lost (${error.name}${error.code ? ` ${error.code}` : ''}); reconnecting on the next write`),
  });
  /** @type {import('./postgres-adapter.mjs').PostgresAdapter} */
  let store;
  try {
    await migrate(db);
    store = new PostgresAdapter({ locale, ...(now ? { now } : {}) }, undefined, { db });
    await store.ready();
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }

  const withWriteLock = createLock();
  /** Ends each open event stream; see {@link close}. */
  const streams = new Set();
  let closed = false;

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
        return await openEvents(req, res, url, authenticate(req));
      }

      const match = matchRoute(req.method ?? 'GET', path, ROUTES);
      if (!match) throw new HttpError(404, 'not-found', 'no such route');
      if ('allow' in match) throw new HttpError(405, 'not-found', 'method not allowed', { allow: match.allow.join(', ') });
      const { route, params } = match;
      op = route.op;
      const { viewerId, view } = authenticate(req);
      /** @type {import('./routes.mjs').Call} */
      const call = { view, params, query: {}, body: undefined, key: '', mediaBase: mediaBase(req) };
      if (route.query) call.query = parse(route.query, Object.fromEntries(url.searchParams), 'query', 'invalid query parameters');

      if (!route.write) return sendResult(res, await route.run(call));

      call.key = idempotencyKey(req);
      if (route.upload) return await receiveUpload(req, res, route, call);
      // Routes without a body schema (markSeen, undoAward) ignore whatever was sent.
      if (route.body) call.body = parse(route.body, await readJson(req, !!route.optionalBody), '', 'invalid request body');
      const issues = route.check?.(call) ?? [];
      if (issues.length) throw new SamenError('invalid-data', 'invalid request', issues);

      // One write at a time, applied and saved before its response: a client that got no
      // response can retry with the same key and the write happens exactly once.
      // Who sent which write, by operation and decoded parameters (not the raw path, whose
      // %-encoding a client may vary between retries).
      const request = `${viewerId} ${route.op} ${JSON.stringify(params)}`;
      let replayed = false;
      const result = await withWriteLock(() => {
        if (call.key in store.state.writes) {
          const owner = store.requestOf(call.key);
          if (owner !== undefined && owner !== request) {
            throw new SamenError('invalid-data', 'this Idempotency-Key was used for another request', [
              { path: 'Idempotency-Key', message: 'already used for another request' },
            ]);
          }
          replayed = true;
        }
        return view.applying(call.key, request, () => route.run(call));
      });
      return sendResult(res, result, replayed ? { 'idempotent-replayed': 'true' } : {});
    } catch (error) {
      sendError(res, error);
    }
  }

  /** The viewer named by the bearer token: in this demo the token is the viewer id. */
  function authenticate(req) {
    const viewerId = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!viewerId || !store.state.viewers.some((v) => v.id === viewerId)) {
      throw new HttpError(401, 'forbidden', 'a valid bearer token is required', { 'www-authenticate': 'Bearer realm="samen"' });
    }
    return { viewerId, view: store.forViewer(viewerId) };
  }

  function mediaBase(req) {
    if (publicUrl) return `${publicUrl.replace(/\/+$/, '')}/api/media/`;
    const host = req.headers.host ?? '';
    // Widgets accept https:, blob: and http on loopback; behind TLS, set publicUrl.
    return /^([\w.-]+|\[[\da-f:.]+\])(:\d{1,5})?$/i.test(host) ? `http://${host}/api/media/` : '/api/media/';
  }

  /**
   * `GET /api/events?topics=a,b`: one `change` event per notification of the shared
   * store on those topics, until the client goes away.
   */
  async function openEvents(req, res, url, { view }) {
    const topics = [...new Set((url.searchParams.get('topics') ?? '').split(',').filter(Boolean))];
    if (!topics.length || topics.length > MAX_TOPICS || !topics.every((t) => TOPIC.test(t))) {
      throw new SamenError('invalid-data', 'invalid topics', [{ path: 'topics', message: `1 to ${MAX_TOPICS} comma-separated topics like clip:wish-2` }]);
    }
    await authorizeTopics(view, topics);

    res.writeHead(200, {
      ...API_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'x-accel-buffering': 'no', // nginx: don't hold events back
    });
    res.write(': samen events\n\n');
    const send = (/** @type {string} */ text) => {
      if (!res.writableEnded && !res.destroyed) res.write(text);
    };
    const unsubscribes = topics.map((topic) =>
      store.subscribe(topic, () => send(`event: change\ndata: ${JSON.stringify({ topic })}\n\n`)),
    );
    const heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
    const end = () => res.end();
    streams.add(end);
    res.on('close', () => {
      clearInterval(heartbeat);
      for (const unsubscribe of unsubscribes) unsubscribe();
      streams.delete(end);
    });
  }

  /**
   * Notifications carry no data, but when a child checked in is itself sensitive: the
   * feelings topics follow the same rules as the reads they announce.
   */
  async function authorizeTopics(view, topics) {
    const viewer = await view.getViewer();
    for (const topic of topics) {
      if (!topic.startsWith('feelings:')) continue;
      const allowed = topic.startsWith('feelings:class:')
        ? viewer.role === 'teacher' // as getClassCheckins
        : viewer.role !== 'parent' || (viewer.childIds ?? []).includes(topic.slice('feelings:'.length)); // as getCheckins
      if (!allowed) throw new SamenError('forbidden', `not allowed to follow ${topic}`);
    }
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
    // Only references stored clips use: each one resolved is cached for good.
    if (!store.mediaRefs().has(ref)) throw new HttpError(404, 'not-found', 'no such media');
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
   * `POST /api/uploads?kind=…&name=…`: one file as the raw body. Teachers only, and that is
   * known before a byte is read; then the type (415), the size (413, from Content-Length when
   * sent, else while reading) and the first bytes (415 when they are not what the type says).
   * Stored without the write lock: the table's (owner, key) constraint makes it idempotent.
   */
  async function receiveUpload(req, res, route, call) {
    if ((await call.view.getViewer()).role !== 'teacher') throw new SamenError('forbidden', 'only teachers upload');
    const { kind } = call.query;
    const limits = MEDIA_LIMITS[kind];
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
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
    const { created, media } = await route.run({ ...call, file: { bytes, type } });
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
    const file = /^media-[\w-]{1,100}$/.test(mediaId) ? await store.uploadContent(mediaId) : undefined;
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
      status = error instanceof HttpError ? error.status : (STATUS[error.kind] ?? 503);
      headers = error instanceof HttpError ? error.headers : {};
      body = { kind: error.kind, message: error.message, ...(error.issues?.length ? { issues: error.issues } : {}) };
    } else {
      // Name and code only: messages of some errors quote the data they choked on.
      log(`unexpected error: ${error?.name ?? 'error'}${error?.code ? ` ${error.code}` : ''}`);
      status = 500;
      body = { kind: 'unavailable', message: 'internal error' };
    }
    if (status === 503 || status === 500) headers['retry-after'] = '1';
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
    await withWriteLock(async () => {});
    await db.close();
  }

  return { handle, close, db };
}

// ---------------------------------------------------------------------- helpers

/** A promise mutex: `fn`s run one after another, in call order, whatever each one's outcome. */
function createLock() {
  let tail = Promise.resolve();
  return (/** @type {() => Promise<any>} */ fn) => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => {});
    return run;
  };
}

function idempotencyKey(req) {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw new SamenError('invalid-data', 'writes need an Idempotency-Key header', [
      { path: 'Idempotency-Key', message: '1 to 200 visible ASCII characters' },
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
  const ascii = String(name).replace(/[^\x20-\x7e]|["\\]/g, '_').slice(0, 100) || 'file';
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(String(name).slice(0, 100))}`;
}

/**
 * The request body as JSON; `{}` when empty and `optional`.
 * @param {import('node:http').IncomingMessage} req
 * @param {boolean} optional
 */
async function readJson(req, optional) {
  const text = (await readBody(req, MAX_BODY_BYTES, () => new HttpError(413, 'invalid-data', `request body over ${MAX_BODY_BYTES} bytes`))).toString('utf8');
  if (!text.trim()) {
    if (optional) return {};
    throw new SamenError('invalid-data', 'a JSON body is required');
  }
  try {
    return JSON.parse(text);
  } catch {
    // Not the parser's message: it quotes the body.
    throw new SamenError('invalid-data', 'malformed JSON');
  }
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

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('node examples/reference-server/server.mjs [--port 8787] [--data-dir DIR | env DATABASE_URL] [--locale nl|en]');
    return;
  }
  const port = Number.parseInt(values.port ?? process.env.PORT ?? '', 10);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = values['data-dir'] ?? DEFAULT_DATA_DIR;
  const locale = values.locale === 'en' ? 'en' : 'nl';

  const api = await createReferenceServer({
    databaseUrl,
    dataDir,
    locale,
    publicUrl: process.env.PUBLIC_URL || undefined,
    log: (line) => console.log(line),
  });
  const server = createServer((req, res) => {
    if (req.url === '/api' || req.url?.startsWith('/api/')) void api.handle(req, res);
    else void serveStatic(req, res);
  });
  const stop = async (code) => {
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
  server.listen(Number.isNaN(port) ? DEFAULT_PORT : port, HOST, () => {
    const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
    const where = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${shortPath(dataDir)}`;
    console.log(`Samen reference server: http://${HOST}:${actual}/api  (state in ${where}; files from ${shortPath(ROOT)})`);
    console.log('Tokens: Authorization: Bearer parent-1 | parent-2 | teacher-1   (Ctrl+C to stop)');
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(0));
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
