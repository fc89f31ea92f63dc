/**
 * The one browser layer of the repository: every place that opens Chromium or serves pages to it
 * uses this module (web-test-runner.config.mjs, the node:test suites in examples/test/,
 * .storybook/test/ and test/security/csp/, the screenshot script, the bench and its tools).
 *
 *  - {@link CHROME_PATH} and {@link CHROMIUM_FLAGS}: which Chromium, with which flags (the list
 *    exists here only); {@link launch} starts it through puppeteer-core;
 *  - {@link watchPage}: console errors (and warnings), uncaught page errors, CSP and Trusted
 *    Types violations, requests to another origin, optionally HTTP errors and failed requests,
 *    collected per page so a test can assert that there were none;
 *  - {@link staticHandler} / {@link startStaticServer}: one static file server (folders mounted
 *    under URL prefixes, an optional allow-list, optional Content-Security-Policy on HTML pages,
 *    single byte ranges, ETags), used by `npm start`, the reference server's CLI, the checks and
 *    the bench.
 *
 * Nothing here downloads a browser: Debian's /usr/bin/chromium, or `CHROME_PATH`.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

/** Real headless Chromium: Debian's /usr/bin/chromium here and in CI, `CHROME_PATH` elsewhere. */
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/**
 * The Chromium flags, for every launch (puppeteer here and web-test-runner's launcher).
 * Pages run side by side (test files in parallel pages, a parent's and a teacher's page in one
 * check): without the last three, a page in the background gets throttled timers and no
 * IntersectionObserver callbacks, and tests time out.
 */
export const CHROMIUM_FLAGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  // Headless Chromium (new mode, 156) preloads its address bar's popup, a page of its own UI, in
  // a renderer of its own for each window: ~1 s of CPU at launch, and in a phone-bench trace
  // 2.7 s of the 3.2 s that one cold load took, beside the page on a 2-core machine. No WebView
  // and no test page has it. (puppeteer merges this list with its own --disable-features.)
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup,PreloadTopChromeWebUI',
]);

/**
 * Belt and braces for pages served from 127.0.0.1: a request to any other host fails to resolve
 * instead of leaving the machine ({@link watchPage} still reports it). {@link launch} adds it
 * unless `localOnly: false`; web-test-runner serves on `localhost` and goes without it.
 */
export const LOCAL_ONLY_FLAG = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

/**
 * Headless Chromium through puppeteer-core, with {@link CHROMIUM_FLAGS}.
 * @param {import('puppeteer-core').LaunchOptions & { localOnly?: boolean }} [options]
 *   puppeteer's launch options (`args` are added to the flags); `localOnly` (default true) adds
 *   {@link LOCAL_ONLY_FLAG}.
 * @returns {Promise<import('puppeteer-core').Browser>}
 */
export async function launch({ localOnly = true, args = [], ...options } = {}) {
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({
    executablePath: CHROME_PATH,
    headless: true,
    ...options,
    args: [...CHROMIUM_FLAGS, ...(localOnly ? [LOCAL_ONLY_FLAG] : []), ...args],
  });
}

/** The browser's own URLs, never a request to anyone. */
const BROWSER_OWN = /^(data|blob|about|chrome|chrome-extension|devtools):/i;

/**
 * Whether a request goes to a third party: a URL of another origin than the page server's
 * (data:, blob:, about:, chrome: and devtools: URLs are the browser's own).
 * @param {string} url
 * @param {string} origin the page server's origin, e.g. `http://127.0.0.1:8000`
 */
export function isThirdParty(url, origin) {
  if (BROWSER_OWN.test(url)) return false;
  try {
    return new URL(url).origin !== origin;
  } catch {
    return url !== origin;
  }
}

/**
 * @typedef {object} WatchOptions
 * @property {string} origin the page server's origin: a request to any other is a problem
 * @property {string[]} [console] console message types that are problems (default error and warning)
 * @property {RegExp} [ignoreConsole] console messages that are expected (e.g. refused connections while a server is down on purpose)
 * @property {boolean} [csp] report CSP and Trusted Types violations (default true)
 * @property {boolean} [httpErrors] report responses with a status of 400 or more (default false)
 * @property {boolean} [failedRequests] report requests that failed (default false)
 * @property {string} [prefix] put before every problem (e.g. the page's name)
 */

/**
 * @typedef {object} Watcher
 * @property {string[]} problems everything found so far, oldest first
 * @property {() => string[]} take the problems found since the last take (and forgets them)
 * @property {() => void} stop ignore everything from now on (e.g. before provoking a violation on purpose)
 */

/**
 * Watches a page for what no page of ours may do: console errors and warnings, uncaught errors,
 * CSP or Trusted Types violations, requests to another origin (and, on request, HTTP errors and
 * failed requests). Call it before the page navigates. CSP violations are reported through a
 * binding and a script the DevTools protocol injects into every document, so the page's own CSP
 * does not apply to them.
 * @param {import('puppeteer-core').Page} page
 * @param {WatchOptions} options
 * @returns {Promise<Watcher>}
 */
export async function watchPage(
  page,
  { origin, console: levels = ['error', 'warn'], ignoreConsole, csp = true, httpErrors = false, failedRequests = false, prefix = '' },
) {
  /** @type {string[]} */
  const problems = [];
  let stopped = false;
  let taken = 0;
  const report = (/** @type {string} */ problem) => {
    if (!stopped) problems.push(`${prefix}${problem}`);
  };
  page.on('console', (msg) => {
    if (!levels.includes(msg.type())) return;
    const text = msg.text();
    if (ignoreConsole?.test(text)) return;
    report(`console ${msg.type()}: ${text}`);
  });
  page.on('pageerror', (error) => report(`page error: ${/** @type {Error} */ (error).message ?? error}`));
  page.on('request', (request) => {
    if (isThirdParty(request.url(), origin)) report(`third-party request: ${request.url()}`);
  });
  if (httpErrors) {
    page.on('response', (response) => {
      if (response.status() >= 400) report(`HTTP ${response.status()}: ${response.url()}`);
    });
  }
  if (failedRequests) page.on('requestfailed', (request) => report(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  if (csp) {
    await page.exposeFunction('__samenReportViolation', (/** @type {string} */ v) => report(`CSP/Trusted Types violation: ${v}`));
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        /** @type {any} */ (window).__samenReportViolation(
          `${e.violatedDirective} blocked ${e.blockedURI || e.sample || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
        ),
      );
    });
  }
  return {
    problems,
    take() {
      const fresh = problems.slice(taken);
      taken = problems.length;
      return fresh;
    },
    stop() {
      stopped = true;
    },
  };
}

/** Content types of what the pages load. */
export const MIME = new Map(
  Object.entries({
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.map': 'application/json; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.ico': 'image/x-icon',
    '.woff2': 'font/woff2',
    '.vtt': 'text/vtt; charset=utf-8',
    '.webm': 'video/webm',
    '.mp4': 'video/mp4',
  }),
);

/**
 * @typedef {object} StaticOptions
 * @property {Record<string, string>} mounts URL prefix (starting and ending with `/`) → folder
 * @property {(rel: string) => boolean} [allow] whether a path under its mount (`/`-separated, no
 *   leading slash, a folder with a trailing one) may be served; default: everything in the folder
 * @property {string | ((pathname: string) => string | undefined)} [csp] Content-Security-Policy for HTML pages
 * @property {string} [startPage] where `/` redirects to
 * @property {boolean} [emptyFavicon] answer /favicon.ico with 204 when there is none (browsers ask for it themselves)
 */

/** @param {import('node:http').ServerResponse} res @param {number} status @param {string} text */
function sendText(res, status, text, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** A single `bytes=a-b` range; null when absent/unsupported, 'invalid' when unsatisfiable. */
function parseRange(/** @type {string | undefined} */ header, /** @type {number} */ size) {
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
 * A URL path as a file in one of the mounted folders, or null when it would leave the folder, is
 * not allowed, or touches a dot-file/folder (.git, .ci, .data, …) or a `node_modules` folder.
 * @param {string} pathname @param {StaticOptions} options
 */
function toFilePath(pathname, { mounts, allow }) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((s) => s.startsWith('.') || s === 'node_modules')) return null; // also rules out '..'
  const path = `/${segments.join('/')}${decoded.endsWith('/') && segments.length ? '/' : ''}`;
  const prefix = Object.keys(mounts)
    .filter((p) => path.startsWith(p) || `${path}/` === p)
    .sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return null;
  const rel = path.slice(prefix.length);
  if (allow && !allow(rel)) return null;
  const root = resolve(mounts[prefix]);
  const file = resolve(root, ...rel.split('/').filter(Boolean));
  return file === root || file.startsWith(root + sep) ? file : null;
}

/**
 * A request handler for static files: GET and HEAD, directories as their index.html, single byte
 * ranges (so <video> can seek), ETags (so a revalidation is a 304), `no-cache`, `nosniff`, no
 * referrer, and the given Content-Security-Policy on HTML pages.
 * @param {StaticOptions} options
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>}
 */
export function staticHandler(options) {
  const { csp, startPage, emptyFavicon = false } = options;
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (pathname === '/' && startPage) {
      res.writeHead(302, { Location: startPage, 'Content-Length': 0 });
      res.end();
      return;
    }
    let file = toFilePath(pathname, options);
    const notFound = () =>
      emptyFavicon && pathname === '/favicon.ico' ? void res.writeHead(204).end() : sendText(res, 404, 'Not Found\n');
    if (!file) return notFound();
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
      const etag = `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
      /** @type {Record<string, string | number>} */
      const headers = {
        'Content-Type': type,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Accept-Ranges': 'bytes',
        ETag: etag,
      };
      const policy = typeof csp === 'function' ? csp(pathname) : csp;
      if (policy && type.startsWith('text/html')) headers['Content-Security-Policy'] = policy;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' });
        res.end();
        return;
      }

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
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') notFound();
      else {
        console.error(`static file error: ${code ?? /** @type {Error} */ (err).name}`);
        sendText(res, 500, 'Internal Server Error\n');
      }
    }
  };
}

/**
 * A static file server ({@link staticHandler}) listening on 127.0.0.1 (any free port unless
 * given).
 * @param {StaticOptions & { port?: number, host?: string }} options
 * @returns {Promise<{ server: import('node:http').Server, origin: string, port: number, close: () => Promise<void> }>}
 */
export async function startStaticServer({ port = 0, host = '127.0.0.1', ...options }) {
  const handle = staticHandler(options);
  const server = createServer((req, res) => void handle(req, res));
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, host, () => resolve(undefined)));
  const actual = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return {
    server,
    origin: `http://${host}:${actual}`,
    port: actual,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Runs one test's steps and then fails when the watched pages had problems meanwhile (listed in
 * the failure, also beside an error the steps threw): `test('name', () => withoutProblems([watcher], async () => { … }))`.
 * @template T
 * @param {Watcher[]} watchers
 * @param {() => Promise<T>} steps
 * @returns {Promise<T>}
 */
export async function withoutProblems(watchers, steps) {
  let result;
  try {
    result = await steps();
  } catch (error) {
    const problems = watchers.flatMap((w) => w.take());
    if (problems.length && error instanceof Error) error.message += `\n  and on the page:\n  ${problems.join('\n  ')}`;
    throw error;
  }
  const problems = watchers.flatMap((w) => w.take());
  if (problems.length) throw new Error(`console errors, page errors, CSP violations or third-party requests:\n  ${problems.join('\n  ')}`);
  return result;
}
