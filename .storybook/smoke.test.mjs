// Smoke test of the built Storybook (storybook-static/), one test per story and docs page: it
// opens in headless Chromium without a console error, an uncaught exception, an HTTP error or a
// request to a third party, and every story shows a Samen widget that leaves its loading state
// (except the stories that show loading on purpose); the Markdown tables of the MDX guides render
// as tables; and each of the toolbar's locale, scheme, host theme and network switches reaches
// the widgets (a test each). Run after `npm run build-storybook`:
//   node --test .storybook/smoke.test.mjs      (npm run test:storybook)
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, startStaticServer, watchPage, withoutProblems } from '../scripts/browser.mjs';

const ROOT = resolve('storybook-static');
/** Stories named Loading stay in their loading state by design. */
const loadingOnPurpose = (/** @type {string} */ id) => id.endsWith('--loading');
const INDEX = join(ROOT, 'index.json');
/** @type {{ id: string, type: string }[]} */
const entries = existsSync(INDEX) ? Object.values(JSON.parse(readFileSync(INDEX, 'utf8')).entries) : [];

/** @type {Awaited<ReturnType<typeof startStaticServer>>} */
let server;
/** @type {import('puppeteer-core').Browser} */
let browser;
/** @type {import('puppeteer-core').Page} */
let page;
/** @type {import('../scripts/browser.mjs').Watcher} */
let watcher;

before(async () => {
  // /favicon.ico is asked for by the browser itself: an empty answer, not a 404.
  server = await startStaticServer({ mounts: { '/': ROOT }, emptyFavicon: true });
  browser = await launch();
  page = await browser.newPage();
  watcher = await watchPage(page, { origin: server.origin, console: ['error'], httpErrors: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Steps that also fail on what the page did wrong meanwhile. @param {() => Promise<void>} steps */
const clean = (steps) => withoutProblems([watcher], steps);

test('storybook-static/ is built, with stories', () => {
  assert.ok(existsSync(INDEX), 'storybook-static/index.json is missing: run `npm run build-storybook` first.');
  assert.ok(entries.length > 0, 'storybook-static/index.json lists no stories');
});

for (const entry of entries) {
  const viewMode = entry.type === 'docs' ? 'docs' : 'story';
  test(entry.id, () =>
    clean(async () => {
      await page.goto(`${server.origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}`, { waitUntil: 'load' });
      // Stories: a widget that has rendered and (unless on purpose) left its loading state.
      await page
        .waitForFunction(
          (docs, loadingOk) => {
            const widgets = [];
            const walk = (root) => {
              for (const el of root.querySelectorAll('*')) {
                if (el.localName.startsWith('samen-') && el.localName !== 'samen-provider') widgets.push(el);
                if (el.shadowRoot) walk(el.shadowRoot);
              }
            };
            walk(document);
            if (docs)
              return (
                document.querySelector('.sbdocs, #storybook-docs')?.textContent.length > 0 &&
                widgets.every((w) => w.shadowRoot?.childElementCount)
              );
            // A teacher view showing "Preview as parent" renders the parent widget inside it (counted on its own) instead of its own card.
            const rendered = (w) =>
              w.shadowRoot?.querySelector('[part~="base"]') ||
              (w.shadowRoot?.querySelector('[part~="preview-bar"]') &&
                [...w.shadowRoot.querySelectorAll('*')].some((el) => el.localName.startsWith('samen-')));
            return (
              widgets.length > 0 && widgets.every((w) => rendered(w) && (loadingOk || !w.shadowRoot.querySelector('[aria-busy="true"]')))
            );
          },
          { timeout: 15_000, polling: 100 },
          viewMode === 'docs',
          loadingOnPurpose(entry.id),
        )
        .catch(() => assert.fail(`${entry.id}: did not render a widget within 15 s`));
    }),
  );
}

test('guides-events--docs: the Markdown tables of the MDX guides render as tables (remark-gfm), not as pipes in a paragraph', () =>
  clean(async () => {
    await page.goto(`${server.origin}/iframe.html?id=guides-events--docs&viewMode=docs`, { waitUntil: 'load' });
    await page
      .waitForSelector('.sbdocs table', { timeout: 15_000 })
      .catch(() => assert.fail('guides-events--docs: its Markdown table does not render as a table'));
  }));

/** The lesson clip's parent story with the toolbar set (globals in the URL are what the toolbar sets). */
const clipIn = async (/** @type {string} */ globals) => {
  await page.goto(`${server.origin}/iframe.html?id=widgets-lesson-clip--parent&viewMode=story&globals=${globals}`, { waitUntil: 'load' });
  const clip = await page.waitForFunction(
    () => {
      const el = document.querySelector('samen-lesson-clip');
      return el?.shadowRoot?.querySelector('[part~="base"]:not([aria-busy="true"])') && el;
    },
    { timeout: 15_000, polling: 100 },
  );
  return clip.evaluate((el) => {
    const base = el.shadowRoot.querySelector('[part~="base"]');
    return {
      text: base.textContent,
      background: getComputedStyle(base).backgroundColor,
      error: !!el.shadowRoot.querySelector('.state.error'),
      dir: document.dir,
    };
  });
};

/** @type {[string, (r: Awaited<ReturnType<typeof clipIn>>) => boolean, string][]} */
const TOOLBAR = [
  ['hostTheme:high-contrast;theme:dark', (r) => r.background === 'rgb(0, 0, 0)', 'high-contrast dark card is black'],
  ['hostTheme:blue', (r) => r.background === 'rgb(255, 255, 255)' && !r.error, 'blue theme renders'],
  ['locale:en', (r) => r.text.includes('Question for home'), 'English labels'],
  ['locale:ar', (r) => r.dir === 'rtl' && r.text.includes('سؤال'), 'Arabic labels, right to left'],
  ['locale:pl', (r) => r.text.includes('Pytanie'), 'Polish labels'],
  ['network:failing', (r) => r.error, 'failing network shows the error state'],
];

for (const [globals, ok, what] of TOOLBAR) {
  test(`toolbar ${globals}: ${what}`, () =>
    clean(async () => {
      assert.ok(ok(await clipIn(globals)), `toolbar ${globals}: expected ${what}`);
    }));
}
