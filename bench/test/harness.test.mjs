// node --test bench/test/ — the runtime bench's smoke can fail: a widget that shows its error
// state instead of content, or a page that throws, fails the render; a good render passes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPages } from '../runtime/build.mjs';
import { launch, startStaticServer } from '../../scripts/browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** @type {import('puppeteer-core').Browser} */
let browser;
/** @type {Awaited<ReturnType<typeof startStaticServer>>} */
let server;

before(async () => {
  await buildPages(root, join(root, 'bench/.build'));
  server = await startStaticServer({ mounts: { '/pages/': join(root, 'bench/pages'), '/build/': join(root, 'bench/.build') } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const samenPage = async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/pages/samen.html`);
  await page.waitForFunction(() => document.documentElement.dataset.benchReady === 'true');
  return page;
};

test('a lesson clip that renders its content passes, with its elements counted', async () => {
  const page = await samenPage();
  const result = await page.evaluate(() => /** @type {any} */ (window).bench.render('samen-lesson-clip', 3));
  assert.ok(result.readyMs > 0 && result.paintMs >= result.readyMs, JSON.stringify(result));
  assert.ok(result.nodes > 3 * 10, `only ${result.nodes} elements for three clips`);
  await page.close();
});

test('a lesson clip whose data is invalid shows its error state, and that fails the render', async () => {
  const page = await samenPage();
  const error = await page.evaluate(async () => {
    const w = /** @type {any} */ (window);
    w.benchAdapter.state.clips['wish-2'] = { id: 'wish-2', title: 42 };
    try {
      await w.bench.render('samen-lesson-clip', 2);
      return 'rendered';
    } catch (e) {
      return String(/** @type {Error} */ (e).message);
    }
  });
  assert.match(error, /<samen-lesson-clip> failed to render/);
  await page.close();
});

test('an error thrown on the page fails the render', async () => {
  const page = await samenPage();
  const error = await page.evaluate(async () => {
    setTimeout(() => {
      throw new Error('boom from a widget');
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    try {
      await /** @type {any} */ (window).bench.render('samen-feedback-bar', 1);
      return 'rendered';
    } catch (e) {
      return String(/** @type {Error} */ (e).message);
    }
  });
  // (Thrown from puppeteer's evaluated script, the browser reports it as "Script error.".)
  assert.match(error, /^error: /);
  await page.close();
});
