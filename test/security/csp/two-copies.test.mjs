// Two copies of Samen on one page under the strict CSP with Trusted Types (issue 22): the
// script-tag bundle twice, a host's own build of the npm package (with its own lit) and then the
// bundle, the bundle and then a host build, and a host's own Lit app that is not Samen (its own
// lit, none of Samen's elements) and then the bundle. test/security/csp/two-copies.js loads the
// copies, shows every parent widget with the second copy's adapter and answers a home question;
// this checks that everything rendered, the answer reached the adapter, the first copy kept the
// tags (after the Lit app: the bundle defined them, and the app rendered too), and there was no
// error, console error or CSP / Trusted Types violation.
// What the CSP needs in each case is in SECURITY.md ("Two copies on one page"): nothing more for
// the bundle twice or a host build first (the bundle's lit skips its policy when Samen's elements
// are all defined); 'allow-duplicates' when the host's own lit loads after the bundle (that lit
// creates "lit-html" as it loads, which only the first may do), and when another Lit app loads
// before the bundle (the bundle defines the elements and needs a policy of its own).
//   node --test test/security/csp/two-copies.test.mjs      (after `npm run build`)
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { rollup } from 'rollup';
import nodeResolve from '@rollup/plugin-node-resolve';
import { launch, startStaticServer, watchPage } from '../../../scripts/browser.mjs';
import { ROOT } from '../../../examples/static-files.mjs';

/** csp.test.mjs's policy (imported, that file's tests would run here too). */
const STRICT_CSP = "default-src 'self'; script-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
const WITH_DUPLICATES = STRICT_CSP.replace('trusted-types lit-html', "trusted-types lit-html 'allow-duplicates'");
const PAGE = ['test/security/csp/two-copies.html', 'test/security/csp/two-copies.js', 'examples/favicon.svg'];

/**
 * A host's own Lit app that is not Samen: one LitElement, <host-app>, rendering a paragraph, added
 * to the page as the app starts. A virtual module in the project's folder, so that 'lit' resolves
 * to node_modules/lit as a host's bundler would.
 */
const HOST_APP = join(ROOT, 'host-app.virtual.js');
const HOST_APP_SOURCE = `import { LitElement, html } from 'lit';
class HostApp extends LitElement {
  render() {
    return html\`<p>Welkom in de app van de school</p>\`;
  }
}
customElements.define('host-app', HostApp);
document.body.append(document.createElement('host-app'));
`;

/** @type {string} */
let vendorDir;
/** @type {Awaited<ReturnType<typeof startStaticServer>>} */
let server;
/** @type {import('puppeteer-core').Browser} */
let browser;

before(async () => {
  // A host's build of the npm package, as its bundler makes it: dist/index.js with lit and the
  // other dependencies bundled in (one lit, not Samen's script-tag bundle's).
  vendorDir = await mkdtemp(join(tmpdir(), 'samen-vendor-app-'));
  await writeFile(join(vendorDir, 'entry.js'), `export * from ${JSON.stringify(join(ROOT, 'dist/index.js'))};\n`);
  const build = await rollup({ input: join(vendorDir, 'entry.js'), plugins: [nodeResolve({ browser: true })], onwarn: () => {} });
  await build.write({ dir: join(vendorDir, 'out'), format: 'es', entryFileNames: 'app.js' });
  await build.close();
  const litApp = await rollup({
    input: HOST_APP,
    plugins: [
      { name: 'host-app', resolveId: (id) => (id === HOST_APP ? id : null), load: (id) => (id === HOST_APP ? HOST_APP_SOURCE : null) },
      nodeResolve({ browser: true }),
    ],
    onwarn: () => {},
  });
  await litApp.write({ dir: join(vendorDir, 'lit-app'), format: 'es', entryFileNames: 'app.js' });
  await litApp.close();
  server = await startStaticServer({
    mounts: {
      '/': ROOT,
      '/dup/': ROOT,
      '/copy-2/': join(ROOT, 'dist'),
      '/vendor-app/': join(vendorDir, 'out'),
      '/vendor-app-2/': join(vendorDir, 'out'),
      '/lit-app/': join(vendorDir, 'lit-app'),
    },
    // dist/ (also as /copy-2/), the page, and the host build's own files (app.js and its chunks).
    allow: (rel) => rel.startsWith('dist/') || PAGE.includes(rel) || rel.startsWith('samen.bundle') || /^[\w-]+\.js$/.test(rel),
    // /dup/… is the same page under the policy with 'allow-duplicates'.
    emptyFavicon: true,
    csp: (pathname) => (pathname.startsWith('/dup/') ? WITH_DUPLICATES : STRICT_CSP),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (vendorDir) await rm(vendorDir, { recursive: true, force: true });
});

/**
 * Opens the page with these copies under this policy; what the page and the watcher saw.
 * @param {string} copies e.g. 'bundle,bundle'
 * @param {{ duplicates?: boolean }} [options]
 */
async function twoCopies(copies, { duplicates = false } = {}) {
  const page = await browser.newPage();
  try {
    const watcher = await watchPage(page, { origin: server.origin });
    const path = `${duplicates ? '/dup' : ''}/test/security/csp/two-copies.html?copies=${copies}`;
    const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
    assert.equal(response?.headers()['content-security-policy'], duplicates ? WITH_DUPLICATES : STRICT_CSP);
    await page.waitForFunction(() => window.__samenTwoCopies, { timeout: 60_000 });
    const result = await page.evaluate(() => window.__samenTwoCopies);
    return { ...result, problems: watcher.take() };
  } finally {
    await page.close();
  }
}

/** @param {Awaited<ReturnType<typeof twoCopies>>} seen */
function assertBothWork(seen) {
  assert.deepEqual(seen.errors, [], 'errors on the page');
  assert.deepEqual(seen.violations, [], 'CSP / Trusted Types violations');
  assert.deepEqual(seen.problems, [], 'console errors, page errors or violations');
  assert.equal(seen.loaded, 2, 'both copies load');
  assert.deepEqual(seen.rendered, [
    'samen-lesson-clip',
    'samen-feedback-bar',
    'samen-reward-chart',
    'samen-feelings-checkin',
    'samen-expectation-matrix',
  ]);
  assert.ok(seen.answered, "a parent's answer reached the second copy's adapter");
  assert.ok(seen.firstKeepsTags, "the tags are the first copy's elements: the second defined nothing");
}

test('the script-tag bundle twice, under the strict policy as it is', async () => {
  assertBothWork(await twoCopies('bundle,bundle'));
});

test("a host's own build first, then the script-tag bundle, under the strict policy as it is", async () => {
  assertBothWork(await twoCopies('vendor,bundle'));
});

test("a host's own Lit app (not Samen) first, then the script-tag bundle: works with 'allow-duplicates'", async () => {
  const seen = await twoCopies('litapp,bundle', { duplicates: true });
  assert.deepEqual(seen.errors, [], 'errors on the page');
  assert.deepEqual(seen.violations, [], 'CSP / Trusted Types violations');
  assert.deepEqual(seen.problems, [], 'console errors, page errors or violations');
  assert.equal(seen.loaded, 2, 'both load');
  assert.equal(seen.hostApp, 'Welkom in de app van de school', "the host's app rendered");
  assert.deepEqual(seen.rendered, [
    'samen-lesson-clip',
    'samen-feedback-bar',
    'samen-reward-chart',
    'samen-feelings-checkin',
    'samen-expectation-matrix',
  ]);
  assert.ok(seen.answered, "a parent's answer reached the bundle's adapter");
  assert.ok(seen.secondDefinesTags, "the tags are the bundle's elements: the host's app defines none of them");
});

test("a host's own Lit app (not Samen) first, then the script-tag bundle: without 'allow-duplicates' the bundle's lit is refused and its widgets don't render (as SECURITY.md says)", async () => {
  const seen = await twoCopies('litapp,bundle');
  assert.equal(seen.hostApp, 'Welkom in de app van de school', "the host's app, the first lit, rendered");
  assert.ok(
    seen.violations.some((v) => /^trusted-types /.test(v)),
    `the browser refused the bundle's policy "lit-html": ${JSON.stringify(seen.violations)}`,
  );
  assert.ok(
    seen.violations.some((v) => /^require-trusted-types-for /.test(v)),
    `the bundle's templates, without a policy, were blocked: ${JSON.stringify(seen.violations)}`,
  );
  assert.deepEqual(seen.rendered, [], 'no widget rendered: update SECURITY.md');
});

test("the script-tag bundle first, then a host's own build: works with 'allow-duplicates'", async () => {
  assertBothWork(await twoCopies('bundle,vendor', { duplicates: true }));
});

test("the script-tag bundle first, then a host's own build: without 'allow-duplicates' the host's lit is refused (as SECURITY.md says)", async () => {
  const seen = await twoCopies('bundle,vendor');
  assert.match(
    seen.errors.join('\n'),
    /lit-html/,
    'the host build loaded although its lit could not create its policy: update SECURITY.md',
  );
});

test("two host builds, each with its own lit: work with 'allow-duplicates', and without it the second is refused (as SECURITY.md says)", async () => {
  assertBothWork(await twoCopies('vendor,vendor', { duplicates: true }));
  const seen = await twoCopies('vendor,vendor');
  assert.match(
    seen.errors.join('\n'),
    /lit-html/,
    'the second host build loaded although its lit could not create its policy: update SECURITY.md',
  );
});
