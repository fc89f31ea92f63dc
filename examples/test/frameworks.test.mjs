// End to end, the framework hosts (examples/react, examples/vue) as a vendor ships them: the React
// example type-checks against the generated typings with tsc, the Vue example (its template
// included) with vue-tsc and strictTemplates, vite builds both apps against dist/, and
// each is served under the examples' strict CSP with Trusted Types (scripts/browser.mjs's server,
// examples/static-files.mjs's files and policies) and, in headless Chromium, the parent answers
// the home question. A framework passes only when the answer reaches the framework's own state
// and the teacher's clip, with no console error or warning, no uncaught error, no CSP or Trusted
// Types violation, no failed request or HTTP error and no request to another origin.
//   node --test examples/test/frameworks.test.mjs      (after `npm run build`; npm run test:frameworks)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from 'vite';
import { launch, startStaticServer, watchPage, withoutProblems } from '../../scripts/browser.mjs';
import { DEMO_FILES, ROOT } from '../static-files.mjs';

const FRAMEWORKS = ['react', 'vue'];
const parent = 'samen-lesson-clip[view="parent"]';
const teacher = 'samen-lesson-clip[view="teacher"]';
// Generous: CI machines and a busy laptop are slow; a passing run takes a few seconds.
const TIMEOUT = 30_000;

/** @type {Awaited<ReturnType<typeof startStaticServer>>} */
let server;
/** @type {import('puppeteer-core').Browser} */
let browser;

before(async () => {
  // The Vue page gets lit's and Vue's Trusted Types policies (examples/static-files.mjs); nothing else is relaxed.
  server = await startStaticServer(DEMO_FILES);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('dist/ is built', () => {
  assert.ok(existsSync(join(ROOT, 'dist/frameworks/react.d.ts')), 'dist/ is missing: run `npm run build` first.');
});

test('the React example type-checks against the generated JSX typings (dist/frameworks/react.d.ts)', () => {
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'examples/react/tsconfig.json', '--noEmit'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  assert.equal(tsc.status, 0, `the React example does not type-check:\n${tsc.stdout}${tsc.stderr}`);
});

test('the Vue example type-checks, template included, with vue-tsc and strictTemplates (dist/frameworks/vue.d.ts)', () => {
  const vueTsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/vue-tsc/bin/vue-tsc.js'), '-p', 'examples/vue/tsconfig.json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(vueTsc.status, 0, `the Vue example does not type-check:\n${vueTsc.stdout}${vueTsc.stderr}`);
});

for (const name of FRAMEWORKS) {
  describe(`examples/${name}`, () => {
    test(`vite builds examples/${name} against dist/`, async () => {
      await build({ configFile: join(ROOT, `examples/${name}/vite.config.ts`), logLevel: 'warn' });
    });

    test(`examples/${name}/dist/index.html: the parent's answer reaches ${name}'s state and the teacher's clip, under the strict CSP`, async (t) => {
      const page = await browser.newPage();
      page.setDefaultTimeout(TIMEOUT);
      page.setDefaultNavigationTimeout(TIMEOUT);
      const watcher = await watchPage(page, { origin: server.origin, httpErrors: true, failedRequests: true });
      const started = Date.now();
      const summary = await withoutProblems([watcher], async () => {
        const response = await page.goto(`${server.origin}/examples/${name}/dist/index.html`, { waitUntil: 'networkidle0' });
        const csp = response?.headers()['content-security-policy'] ?? '';
        for (const directive of ["script-src 'self'", "require-trusted-types-for 'script'", 'trusted-types lit-html']) {
          assert.ok(csp.includes(directive), `the page was not served under the strict CSP (no "${directive}"): ${csp}`);
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
        assert.equal(state.length, 2, `expected 2 lesson clips, found ${state.length}`);
        for (const clip of state) {
          const expected = clip.view === 'teacher' ? 'teacher-1' : 'parent-1';
          assert.ok(clip.title && !clip.busy && !clip.error, `the ${clip.view} clip did not render its card: ${JSON.stringify(clip)}`);
          assert.ok(
            clip.sameAdapter && clip.viewer === expected && !clip.asAttribute,
            `the ${clip.view} clip did not get the ${expected} adapter as a property: ${JSON.stringify(clip)}`,
          );
        }

        const statusText = () => page.$eval('#last-answer', (el) => el.textContent.replace(/\s+/g, ' ').trim());
        const answeredCount = () => page.$$eval(`${teacher} >>> .metric-value`, (els) => els[2]?.textContent.trim() ?? '');
        const statusBefore = await statusText();
        const before = await answeredCount();
        assert.equal(statusBefore, 'Last answer: none yet', `unexpected status before answering: "${statusBefore}"`);

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
        return `2 clips rendered, adapters set as properties; samen-answer → ${name} state ("${shown}…"); teacher answered ${before} → ${after}`;
      });
      await page.close();
      t.diagnostic(`${summary} (${Date.now() - started} ms)`);
    });
  });
}
