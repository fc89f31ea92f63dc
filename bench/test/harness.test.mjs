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

test("the feed's first screen is timed when the cards on the screen show their words: before the whole feed is loaded and painted", async () => {
  const page = await samenPage();
  const { feed, titledAt } = await page.evaluate(async () => {
    // The test's own watch: the first frame in which the cards on the screen have their titles.
    let titledAt = Infinity;
    const watch = () => {
      const cards = [...document.querySelectorAll('samen-lesson-clip')].filter((el) => el.getBoundingClientRect().top < innerHeight);
      if (cards.length && cards.every((el) => el.shadowRoot?.querySelector('[part~="title"]')?.textContent?.trim()))
        titledAt = performance.now();
      else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    const feed = await /** @type {any} */ (window).bench.render('lesson-clip-feed-first-screen', 20);
    return { feed, titledAt };
  });
  // Before the whole feed is loaded and its next frame produced (painted).
  assert.ok(feed.firstScreenMs > 0 && feed.firstScreenMs < feed.paintMs, JSON.stringify(feed));
  // Not before the titles were there: timed after the frame that showed them.
  assert.ok(feed.startedAt + feed.firstScreenMs >= titledAt, `${feed.startedAt + feed.firstScreenMs} < ${titledAt}`);
  const titles = await page.evaluate(() =>
    [...document.querySelectorAll('samen-lesson-clip')]
      .filter((el) => el.getBoundingClientRect().top < innerHeight)
      .map((el) => el.shadowRoot?.querySelector('[part~="title"]')?.textContent?.trim() ?? ''),
  );
  assert.ok(titles.length > 0 && titles.every(Boolean), JSON.stringify(titles));
  // A kind without `shown` has no first screen of its own.
  await page.evaluate(() => /** @type {any} */ (window).bench.clear());
  const one = await page.evaluate(() => /** @type {any} */ (window).bench.render('samen-lesson-clip', 1));
  assert.equal(one.firstScreenMs, undefined);
  await page.close();
});
