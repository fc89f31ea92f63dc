#!/usr/bin/env node
/**
 * What a feed's dormant cards cost, step by step (issue 23): N lazy lesson clips far below the
 * screen (behind a 5,000 px spacer, so none comes near), on the runtime bench's page, after one
 * clip rendered on screen (its code compiled, its styles built). Times, median of the runs, each
 * in a fresh tab: the elements made with their attributes, appended (connected: shadow root,
 * styles, the provider's context, the page-wide listeners), their skipped first updates, and the
 * next frame (the one layout that measures them all, then paint).
 *
 * Usage: node bench/runtime/dormant.mjs [count] [runs]    e.g. 1000 5
 * Run `node bench/runtime.mjs --feed` (or --quick) once first for bench/.build/.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, startStaticServer } from '../../scripts/browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const count = Number(process.argv[2] ?? 200);
const runs = Number(process.argv[3] ?? 5);
const server = await startStaticServer({ mounts: { '/pages/': join(root, 'bench/pages'), '/build/': join(root, 'bench/.build') } });
const browser = await launch();
/** @type {Record<string, number>[]} */
const samples = [];
try {
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${server.origin}/pages/samen.html`);
    await page.waitForFunction(() => document.documentElement.dataset.benchReady === 'true');
    samples.push(
      await page.evaluate(async (n) => {
        const provider = /** @type {HTMLElement} */ (document.getElementById('parent'));
        const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        const first = document.createElement('samen-lesson-clip');
        first.setAttribute('clip-id', 'wish-1');
        provider.append(first);
        await new Promise((done) => setTimeout(done, 500));
        const spacer = document.createElement('div');
        spacer.style.height = '5000px';
        provider.append(spacer);
        await frame();
        const start = performance.now();
        const cards = Array.from({ length: n }, (_, i) => {
          const card = /** @type {HTMLElement & { updateComplete: Promise<unknown> }} */ (document.createElement('samen-lesson-clip'));
          card.setAttribute('clip-id', `wish-${(i % 8) + 1}`);
          card.setAttribute('view', 'parent');
          card.setAttribute('loading', 'lazy');
          return card;
        });
        const made = performance.now();
        provider.append(...cards);
        const connected = performance.now();
        await Promise.all(cards.map((card) => card.updateComplete));
        const updated = performance.now();
        await frame();
        const painted = performance.now();
        const dormant = cards.filter((card) => card.shadowRoot?.querySelector('[aria-busy="true"]')).length;
        if (dormant !== n) throw new Error(`${n - dormant} of ${n} cards were not dormant`);
        return {
          made: made - start,
          connected: connected - made,
          updated: updated - connected,
          frame: painted - updated,
          total: painted - start,
        };
      }, count),
    );
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const median = (/** @type {string} */ key) => {
  const values = samples.map((s) => s[key]).sort((a, b) => a - b);
  return values[values.length >> 1].toFixed(1);
};
console.log(
  `${count} dormant lesson clips, median of ${runs}: made ${median('made')} ms, connected ${median('connected')} ms, ` +
    `first updates ${median('updated')} ms, next frame ${median('frame')} ms; in all ${median('total')} ms`,
);
