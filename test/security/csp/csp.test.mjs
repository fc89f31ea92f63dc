// The widgets under the strictest policy a host might set: serves test/security/csp/page.html with
//   Content-Security-Policy: default-src 'self'; script-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html
// (exactly the policy of issue 10; Lit needs nothing more: its one Trusted Types policy is "lit-html",
// and its styles are constructed stylesheets), loads the built bundle in headless Chromium, and
// tests each step of the page's own walk-through (page.js: every widget in both views, used the
// way a parent or teacher does, with hostile text) and that there was no CSP or Trusted Types
// violation, no console error or warning, no page error, no request to another origin and no
// script a payload managed to run; and that Trusted Types is enforced at all.
//   node --test test/security/csp/csp.test.mjs      (after `npm run build`; npm run test:security)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, startStaticServer, watchPage } from '../../../scripts/browser.mjs';
import { DEMO_FILES } from '../../../examples/static-files.mjs';

export const STRICT_CSP = "default-src 'self'; script-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

/** @type {Awaited<ReturnType<typeof startStaticServer>>} */
let server;
/** @type {import('puppeteer-core').Browser} */
let browser;
/** @type {import('puppeteer-core').Page} */
let page;
/** @type {import('../../../scripts/browser.mjs').Watcher} */
let watcher;
let requests = 0;
/** @type {{ violations: string[], failures: string[], done: string[], steps: { name: string, error?: string }[], pwned: string[], trustedTypes: boolean } | undefined} */
let result;

before(async () => {
  // The same static files as the demo, with the strict policy instead of the demo's.
  server = await startStaticServer({ ...DEMO_FILES, csp: STRICT_CSP });
  browser = await launch();
  page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  watcher = await watchPage(page, { origin: server.origin });
  page.on('request', () => (requests += 1));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('page.html is served under the strict policy, and the walk-through finishes', async (t) => {
  const response = await page.goto(`${server.origin}/test/security/csp/page.html`, { waitUntil: 'load' });
  assert.equal(response?.headers()['content-security-policy'], STRICT_CSP, 'page served with another CSP');
  await page.waitForFunction(() => window.__samenCsp, { timeout: 60_000 });
  result = await page.evaluate(() => window.__samenCsp);
  assert.ok(result.trustedTypes, 'this browser has no Trusted Types: the check proves nothing');
  t.diagnostic(`${result.done.length} of ${result.steps.length} steps under "${STRICT_CSP}"`);
});

test("the page's walk-through, step by step", async (t) => {
  assert.ok(result, 'the page did not finish its walk-through');
  assert.ok(result.steps.length > 0, 'the page reported no steps');
  for (const step of result.steps) {
    await t.test(step.name, () => {
      if (step.error) assert.fail(step.error);
    });
  }
});

test('no CSP or Trusted Types violation (as the page saw them)', () => {
  assert.ok(result, 'the page did not finish its walk-through');
  assert.deepEqual(result.violations, []);
});

test('no hostile payload ran', () => {
  assert.ok(result, 'the page did not finish its walk-through');
  assert.deepEqual(result.pwned, []);
});

test('no console error or warning, page error, CSP violation or request to another origin', (t) => {
  assert.deepEqual(watcher.take(), []);
  t.diagnostic(`${requests} requests, all to ${server.origin}`);
});

test('Trusted Types is enforced: a plain string into innerHTML throws and is reported', async () => {
  // A page that shows a payload as HTML would fetch /x; a CSP that blocks nothing would not notice.
  watcher.stop(); // the refusal below is logged as a console error and a violation, on purpose
  const blocked = await page.evaluate(async () => {
    let reported = false;
    document.addEventListener('securitypolicyviolation', () => (reported = true), { once: true });
    let threw = false;
    try {
      document.createElement('div').innerHTML = '<b>plain string into a sink</b>';
    } catch {
      threw = true;
    }
    await new Promise((r) => setTimeout(r, 50));
    return threw && reported;
  });
  assert.ok(blocked, 'Trusted Types is not enforced: a plain string reached innerHTML');
});
