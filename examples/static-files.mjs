/**
 * Static files from the repository, for `examples/serve.mjs` (npm start), the reference
 * server's CLI and the browser suites: only what the demo pages load (see {@link ALLOWED}),
 * never a dot-file or `node_modules`, and HTML under a strict Content-Security-Policy with
 * Trusted Types, which proves the widgets run under it (lit creates the one "lit-html" policy).
 * The server itself (ranges, ETags, content types) is scripts/browser.mjs's.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staticHandler } from '../scripts/browser.mjs';

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
  /** The strict-CSP page of test/security/csp/csp.test.mjs and what it loads. */
  files: ['test/security/csp/page.html', 'test/security/csp/page.js', 'test/security/csp/payloads.js', 'test/security/csp/captions.vtt'],
  denied: ['examples/reference-server/'],
});

/** Pages from this origin only; lit's one Trusted Types policy. */
export const CSP = [
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
export const VUE_CSP = CSP.replace('trusted-types lit-html', 'trusted-types lit-html vue');

/**
 * Whether a path relative to ROOT (`/`-separated, no leading slash; a folder ends in `/`) may be
 * served, or, for a folder, may lead to something that may.
 * @param {string} rel
 */
export function isAllowed(rel) {
  if (ALLOWED.denied.some((folder) => rel.startsWith(folder))) return false;
  return ALLOWED.folders.some((folder) => rel.startsWith(folder)) || ALLOWED.files.includes(rel);
}

/** The demo's policy for a page: Vue's example host gets Vue's Trusted Types policy too. */
export const cspFor = (/** @type {string} */ pathname) => (pathname.startsWith('/examples/vue/') ? VUE_CSP : CSP);

/**
 * The repository's allow-listed files, HTML under the demo's strict policy: options for
 * scripts/browser.mjs's static server (`startStaticServer(DEMO_FILES)` in the browser suites).
 * @type {import('../scripts/browser.mjs').StaticOptions}
 */
export const DEMO_FILES = Object.freeze({
  mounts: { '/': ROOT },
  allow: (rel) => isAllowed(rel) || isAllowed(`${rel}/`),
  csp: cspFor,
  startPage: START_PAGE,
});

/** A request handler serving {@link DEMO_FILES}. */
export const serveStatic = staticHandler(DEMO_FILES);
