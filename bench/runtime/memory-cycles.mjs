#!/usr/bin/env node
/**
 * Is the heap left after creating and removing widgets a leak, or warm-up? Mounts and removes
 * 1,000 of one widget, N times, on the runtime bench's page, and prints the JS heap (after two
 * forced collections) against the baseline after each cycle: a leak grows with every cycle,
 * warm-up (optimised code, inline caches) levels off.
 *
 * Usage: node bench/runtime/memory-cycles.mjs [widget] [cycles]    e.g. samen-lesson-clip 8
 * Run `npm run bench -- --quick` once first for bench/.build/.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, startStaticServer } from '../../scripts/browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const kind = process.argv[2] ?? 'samen-feedback-bar';
const cycles = Number(process.argv[3] ?? 6);
const server = await startStaticServer({ mounts: { '/pages/': join(root, 'bench/pages'), '/build/': join(root, 'bench/.build') } });
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/pages/samen.html`);
  await page.waitForFunction(() => document.documentElement.dataset.benchReady === 'true');
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  const heapKB = async () => {
    // The MemoryAdapter's call log is the adapter's, not a widget's: emptied first.
    await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      w.benchAdapter.calls.length = 0;
      w.benchTeacher.calls.length = 0;
    });
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return Math.round((metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1024);
  };
  const cycle = async (/** @type {number} */ n) => {
    await page.evaluate((k, count) => /** @type {any} */ (window).bench.mount(k, count), kind, n);
    await page.evaluate(() => /** @type {any} */ (window).bench.clear());
  };
  await cycle(10);
  const base = await heapKB();
  const deltas = [];
  for (let i = 0; i < cycles; i++) {
    await cycle(1000);
    deltas.push((await heapKB()) - base);
  }
  console.log(`${kind}: baseline ${base} KB; JS heap Δ after each cycle of 1,000 (KB): ${deltas.join(', ')}`);
} finally {
  await browser.close();
  await server.close();
}
