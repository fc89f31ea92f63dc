// End-to-end check of the framework hosts (examples/react, examples/vue) as a vendor ships
// them: type-checks the React example against the generated JSX typings, builds both apps
// with vite against dist/, serves them under the examples' strict CSP with Trusted Types
// and, in headless Chromium, answers the home question as the parent. Passes only when the
// answer reaches the framework's own state and the teacher's clip, with no console error or
// warning, no CSP or Trusted Types violation and no request to another origin.
// Usage: node examples/check-frameworks.mjs   (after `npm run build`)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { ROOT, serveStatic } from './static-files.mjs';

const FRAMEWORKS = ['react', 'vue'];
const started = Date.now();

function fail(message) {
  console.error(`check-frameworks: ${message}`);
  process.exit(1);
}

if (!existsSync(join(ROOT, 'dist/frameworks/react.d.ts'))) fail('dist/ is missing: run `npm run build` first.');

const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'examples/react/tsconfig.json', '--noEmit'], {
  cwd: ROOT,
  encoding: 'utf8',
});
if (tsc.status !== 0) fail(`the React example does not type-check:\n${tsc.stdout}${tsc.stderr}`);

for (const name of FRAMEWORKS) {
  try {
    await build({ configFile: join(ROOT, `examples/${name}/vite.config.ts`), logLevel: 'warn' });
  } catch (error) {
    fail(`vite could not build examples/${name}: ${error.message}`);
  }
}

// The Vue page gets lit's and Vue's Trusted Types policies (examples/static-files.mjs); nothing else is relaxed.
const server = createServer((req, res) => {
  void serveStatic(req, res);
});
await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const parent = 'samen-lesson-clip[view="parent"]';
const teacher = 'samen-lesson-clip[view="teacher"]';
const failures = [];
// Generous: CI machines and a busy laptop are slow; a passing run takes a few seconds.
const TIMEOUT = 30_000;

/** Runs one host page; returns its summary line, throws on a broken flow. */
async function check(name, problems) {
  const page = await browser.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.setDefaultNavigationTimeout(TIMEOUT);
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warn') problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => response.status() >= 400 && problems.push(`HTTP ${response.status()}: ${response.url()}`));
  page.on('request', (request) => {
    const { protocol, host } = new URL(request.url());
    if ((protocol === 'http:' || protocol === 'https:') && `${protocol}//${host}` !== origin) problems.push(`request to another origin: ${request.url()}`);
  });
  // Injected by the DevTools protocol, so the page's own CSP does not apply to it.
  await page.evaluateOnNewDocument(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`));
  });

  const response = await page.goto(`${origin}/examples/${name}/dist/index.html`, { waitUntil: 'networkidle0' });
  const csp = response?.headers()['content-security-policy'] ?? '';
  for (const directive of ["script-src 'self'", "require-trusted-types-for 'script'", 'trusted-types lit-html']) {
    if (!csp.includes(directive)) throw new Error(`the page was not served under the strict CSP (no "${directive}"): ${csp}`);
  }
  await page.waitForSelector(`${parent} >>> textarea`);
  await page.waitForSelector(`${teacher} >>> .metric-value`);

  // Rendered cards, not a skeleton or an error state, with the adapter the framework set as a property.
  const state = await page.evaluate(() =>
    [...document.querySelectorAll('samen-lesson-clip')].map((clip) => {
      const provider = clip.closest('samen-provider');
      return {
        view: clip.getAttribute('view'),
        title: clip.shadowRoot?.querySelector('[part~="title"]')?.textContent.trim() ?? '',
        busy: !!clip.shadowRoot?.querySelector('[aria-busy="true"]'),
        error: !!clip.shadowRoot?.querySelector('[part~="error"]'),
        sameAdapter: !!provider?.adapter && clip.adapter === provider.adapter,
        viewer: provider?.adapter?.viewerId,
        asAttribute: provider?.hasAttribute('adapter') ?? true,
      };
    }),
  );
  if (state.length !== 2) throw new Error(`expected 2 lesson clips, found ${state.length}`);
  for (const clip of state) {
    const expected = clip.view === 'teacher' ? 'teacher-1' : 'parent-1';
    if (!clip.title || clip.busy || clip.error) throw new Error(`the ${clip.view} clip did not render its card: ${JSON.stringify(clip)}`);
    if (!clip.sameAdapter || clip.viewer !== expected || clip.asAttribute) {
      throw new Error(`the ${clip.view} clip did not get the ${expected} adapter as a property: ${JSON.stringify(clip)}`);
    }
  }

  const statusText = () => page.$eval('#last-answer', (el) => el.textContent.replace(/\s+/g, ' ').trim());
  const answeredCount = () => page.$$eval(`${teacher} >>> .metric-value`, (els) => els[2]?.textContent.trim() ?? '');
  const statusBefore = await statusText();
  const before = await answeredCount();
  if (statusBefore !== 'Last answer: none yet') throw new Error(`unexpected status before answering: "${statusBefore}"`);

  const text = `We practised saying stop at dinner (${name}).`;
  await page.type(`${parent} >>> textarea`, text);
  await page.click(`${parent} >>> [part~="send-button"]`);
  await page
    .waitForFunction((expected) => document.querySelector('#last-answer')?.textContent.includes(expected), {}, text)
    .catch(async () => {
      throw new Error(`the samen-answer event did not reach ${name}'s state; status says "${await statusText()}"`);
    });
  await page
    .waitForFunction(
      (sel, old, expected) => {
        const root = document.querySelector(sel)?.shadowRoot;
        const value = root?.querySelectorAll('.metric-value')[2]?.textContent.trim();
        return value && value !== old && root.querySelector('[part~="answers"]')?.textContent.includes(expected);
      },
      {},
      teacher,
      before,
      text,
    )
    .catch(async () => {
      throw new Error(`the teacher's clip did not update: answered "${before}" → "${await answeredCount()}"`);
    });
  const after = await answeredCount();
  const shown = (await statusText()).slice(0, 32);

  // Anything late (a deferred warning, a violation) still counts.
  await new Promise((r) => setTimeout(r, 300));
  problems.push(...(await page.evaluate(() => window.__violations)).map((v) => `CSP/Trusted Types violation: ${v}`));
  await page.close();
  return `${name}: 2 clips rendered, adapters set as properties; samen-answer → ${name} state ("${shown}…"); teacher answered ${before} → ${after}`;
}

try {
  for (const name of FRAMEWORKS) {
    const problems = [];
    const t0 = Date.now();
    try {
      const summary = await check(name, problems);
      if (problems.length) failures.push(`${name}:\n  ${problems.join('\n  ')}`);
      else console.log(`${summary} (${Date.now() - t0} ms, no console errors, CSP violations or other origins)`);
    } catch (error) {
      failures.push(`${name}: ${error.message}${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
    }
  }
} finally {
  await browser.close();
  server.close();
  server.closeAllConnections();
}
if (failures.length) fail(`FAILED\n${failures.join('\n')}`);
console.log(`framework check passed in ${((Date.now() - started) / 1000).toFixed(1)} s: React 19 and Vue 3 hosts under the strict CSP + Trusted Types`);
