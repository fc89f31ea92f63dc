/**
 * Static files from the repository, for `examples/serve.mjs` (npm start), the reference
 * server's CLI and the browser checks: only what the demo pages load (see {@link ALLOWED}),
 * never a dot-file or `node_modules`, single byte ranges so <video> can seek, and HTML under a
 * strict Content-Security-Policy with Trusted Types, which proves the widgets run under it (lit
 * creates the one "lit-html" policy).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const START_PAGE = '/examples/index.html';

/**
 * What is served: these folders (with everything below them) and single files, relative to the
 * repository root. Anything else, however it is spelt (`/src/`, `/test/`, `/node_modules/`,
 * `/.git/config`, `/package.json`, the reference server's data folder), is a 404: a folder a
 * developer or the reference server writes data into inside the repository never downloads.
 * `examples/reference-server/` is the server's own code and (by default) its PGlite data, so it
 * is left out although it sits in `examples/`.
 */
export const ALLOWED = Object.freeze({
  folders: ['examples/', 'dist/'],
  /** The strict-CSP page of test/security/csp/check-csp.mjs and what it loads. */
  files: ['test/security/csp/page.html', 'test/security/csp/page.js', 'test/security/csp/payloads.js', 'test/security/csp/captions.vtt'],
  denied: ['examples/reference-server/'],
});

const MIME = new Map(Object.entries({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.vtt': 'text/vtt; charset=utf-8',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
}));

/** Pages from this origin only; lit's one Trusted Types policy. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: https:",
  "media-src 'self' blob: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');
/** Vue 3's runtime creates a Trusted Types policy of its own, "vue", so its example host lists it too. */
const VUE_CSP = CSP.replace('trusted-types lit-html', 'trusted-types lit-html vue');

/** @param {import('node:http').ServerResponse} res */
function sendText(res, status, text, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/**
 * Whether a path relative to ROOT (`/`-separated, no leading slash; a folder ends in `/`) may be
 * served, or, for a folder, may lead to something that may.
 * @param {string} rel
 */
export function isAllowed(rel) {
  if (ALLOWED.denied.some((folder) => rel.startsWith(folder))) return false;
  return ALLOWED.folders.some((folder) => rel.startsWith(folder)) || ALLOWED.files.includes(rel);
}

/**
 * A URL path as a file under ROOT, or null when it would leave ROOT, is not on the allow-list,
 * or touches a dot-file/folder (.git, .ci, .data, …) or a `node_modules` folder anywhere.
 * @param {string} urlPath
 */
function toFilePath(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((s) => s.startsWith('.') || s === 'node_modules')) return null; // also rules out '..'
  const rel = segments.join('/') + (decoded.endsWith('/') ? '/' : '');
  if (!isAllowed(rel) && !isAllowed(`${rel}/`)) return null;
  const file = resolve(ROOT, ...segments);
  return file === ROOT || file.startsWith(ROOT + sep) ? file : null;
}

/** A single `bytes=a-b` range; null when absent/unsupported, 'invalid' when unsatisfiable. */
function parseRange(header, size) {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header ?? '');
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start;
  let end;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start > end || start >= size ? 'invalid' : { start, end };
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export async function serveStatic(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (pathname === '/') {
    res.writeHead(302, { Location: START_PAGE, 'Content-Length': 0 });
    res.end();
    return;
  }
  let file = toFilePath(pathname);
  if (!file) {
    sendText(res, 404, 'Not Found\n');
    return;
  }
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${pathname}/`, 'Content-Length': 0 });
        res.end();
        return;
      }
      file = join(file, 'index.html');
      info = await stat(file);
    }
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });

    const type = MIME.get(extname(file).toLowerCase()) ?? 'application/octet-stream';
    /** @type {Record<string, string | number>} */
    const headers = {
      'Content-Type': type,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Accept-Ranges': 'bytes',
    };
    if (type.startsWith('text/html')) headers['Content-Security-Policy'] = pathname.startsWith('/examples/vue/') ? VUE_CSP : CSP;

    const range = parseRange(req.headers.range, info.size);
    if (range === 'invalid') {
      sendText(res, 416, 'Range Not Satisfiable\n', { 'Content-Range': `bytes */${info.size}` });
      return;
    }
    const { start, end } = range ?? { start: 0, end: info.size - 1 };
    if (range) headers['Content-Range'] = `bytes ${start}-${end}/${info.size}`;
    headers['Content-Length'] = info.size === 0 ? 0 : end - start + 1;
    res.writeHead(range ? 206 : 200, headers);
    if (req.method === 'HEAD' || info.size === 0) {
      res.end();
      return;
    }
    createReadStream(file, { start, end })
      .on('error', () => res.destroy())
      .pipe(res);
  } catch (err) {
    const code = /** @type {NodeJS.ErrnoException} */ (err).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') sendText(res, 404, 'Not Found\n');
    else {
      console.error(`static file error: ${code ?? /** @type {Error} */ (err).name}`);
      sendText(res, 500, 'Internal Server Error\n');
    }
  }
}
