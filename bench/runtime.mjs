#!/usr/bin/env node
/**
 * Runtime benchmarks (issue 9), in headless Chromium:
 *
 *  1. render: 1 / 100 / 1,000 instances of each widget (MemoryAdapter, latency 0, parent view),
 *     plus scenarios (a feed of lesson clips, 30 personal charts, a 5 × 8 matrix, a class of 32),
 *     each in a fresh tab: create + append → all loaded (no skeleton, no render pending), → the
 *     next frame painted, and for scenarios with live follow-up work → quiet;
 *  2. interaction: tap → next frame, CPU throttled 4×, for a reaction, an award, a feeling, a home answer sent;
 *  3. memory: 1,000 instances created and removed, heap and DOM counters against a baseline;
 *  4. peers, in the same run and by the same code: emoji-picker-element beside the feelings
 *     check-in, Shoelace <sl-rating> and <sl-card> beside the feedback bar and the lesson clip.
 *
 * Pages are built from src/ into bench/.build/ and served from 127.0.0.1; any request to
 * another origin fails the run (and cannot get out: every other host name fails to resolve).
 *
 * Usage: `npm run bench` (bench/run.mjs: sizes and this, one table, bench/results.json), or
 * node bench/runtime.mjs [--quick] for this part alone (writes bench/.build/results-runtime.json).
 *   --taps: the interaction rows alone (tap → next frame), nothing else.
 *   --feed: the lesson-clip feed rows alone (the 200-clip feed and its first screen painted,
 *   median of 5), to compare a change with a baseline taken the same way at the same time.
 *   --quick: a CI smoke (one run, at most 100 instances, ~1 minute); no thresholds, it fails
 *   only when something does not render or throws. A full run also fails when memory does not
 *   return to its baseline (a leak), which is not a timing.
 * API: `await runtimeBench({ quick })` → `{ environment, rows, leaks }`.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, startStaticServer, watchPage } from '../scripts/browser.mjs';
import { WIDGETS } from '../scripts/widgets.mjs';
import { buildPages } from './runtime/build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const PLANS = {
  full: { runs: 5, runsLarge: 3, counts: [1, 100, 1000], feed: 200, taps: 20, warmupTaps: 3, memoryCount: 1000, memoryCycles: 3 },
  quick: { runs: 1, runsLarge: 1, counts: [1, 100], feed: 100, taps: 5, warmupTaps: 1, memoryCount: 100, memoryCycles: 1 },
};

/** Each widget a parent sees (scripts/widgets.mjs), rendered in the parent view by bench/pages/samen-page.js. */
const OURS = WIDGETS.filter((w) => w.views.includes('parent')).map((w) => w.tag);

/** Each peer and the widget of ours it is compared with. */
export const PEERS = [
  { page: 'emoji', kind: 'emoji-picker', ours: 'samen-feelings-checkin' },
  { page: 'shoelace', kind: 'sl-rating', ours: 'samen-feedback-bar' },
  { page: 'shoelace', kind: 'sl-card', ours: 'samen-lesson-clip' },
];

const INTERACTIONS = [
  {
    name: 'feedback-bar reaction',
    kind: 'samen-feedback-bar',
    selector: () => 'samen-feedback-bar >>> button[part~="reaction"]',
    // Every tap toggles "like", and every toggle is a write.
    check: () => window.benchAdapter.appliedWrites > 0,
  },
  {
    name: 'reward-chart award (teacher, class chart)',
    kind: 'class-chart-teacher',
    selector: () => 'samen-reward-chart >>> button[part~="award-button"]',
    check: () => window.benchAdapter.state.charts['class-wish'].awards.length > 10,
  },
  {
    name: 'feelings-checkin feeling pick',
    kind: 'samen-feelings-checkin',
    // Two feelings in turn, so every tap changes the choice.
    selector: (i) => `samen-feelings-checkin >>> label:has(> input[value="${i % 2 ? 'scared' : 'angry'}"])`,
    check: () => !!document.querySelector('samen-feelings-checkin').shadowRoot.querySelector('input:checked'),
  },
  {
    name: 'lesson-clip home answer sent',
    kind: 'samen-lesson-clip',
    // Before each tap, untimed: a new answer typed (once one is sent, after pressing Edit).
    prepare: async (/** @type {number} */ i) => {
      const el = /** @type {any} */ (document.querySelector('samen-lesson-clip'));
      el.shadowRoot.querySelector('[part~="answer"] button')?.click();
      await el.updateComplete;
      const input = el.shadowRoot.querySelector('textarea');
      input.value = `Samen geoefend, keer ${i + 1}`;
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
    },
    selector: () => 'samen-lesson-clip >>> button[part~="send-button"]',
    check: () => window.benchAdapter.state.answers.some((a) => a.text?.startsWith('Samen geoefend')),
  },
];

const CPU_THROTTLE = 4;
const VIEWPORT = { width: 1280, height: 900, deviceScaleFactor: 1 };

/**
 * @param {{ quick?: boolean, only?: 'taps' | 'feed', log?: (line: string) => void }} [options]
 *   `only: 'taps'` (`--taps`): the interaction rows alone, to compare a change with a baseline taken
 *   the same way at the same time on a loaded machine.
 * @returns {Promise<{ environment: Record<string, unknown>, rows: Row[], leaks: string[] }>}
 */
export async function runtimeBench({ quick = false, only = undefined, log = () => {} } = {}) {
  const plan = quick ? PLANS.quick : PLANS.full;
  const started = performance.now();
  /** @type {Row[]} */
  const rows = [];
  /** @type {string[]} */
  const problems = [];
  /** @type {string[]} memory not back to baseline: reported, and fails a full run */
  const leaks = [];

  log('building bench pages from src/ …');
  const build = await buildPages(root, join(root, 'bench/.build'));
  for (const warning of build.warnings) log(`  build warning: ${warning}`);
  /** Seconds per phase, to see where a slow run went. */
  const phases = { build: round((performance.now() - started) / 1000) };
  let phaseStart = performance.now();
  const endPhase = (/** @type {string} */ name) => {
    Object.assign(phases, { [name]: round((performance.now() - phaseStart) / 1000) });
    phaseStart = performance.now();
  };

  const server = await startStaticServer({ mounts: { '/pages/': join(root, 'bench/pages'), '/build/': join(root, 'bench/.build') } });
  // scripts/browser.mjs's flags; its launch() also makes every other host fail to resolve.
  const browser = await launch({ protocolTimeout: 600_000 });
  /** @type {import('../scripts/browser.mjs').Watcher[]} every page's console errors, page errors and third-party requests */
  const watchers = [];
  const environment = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    chromium: await browser.version(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
    git: gitDescribe(),
    emojiData: build.emojiData,
    plan,
    cpuThrottleForInteractions: CPU_THROTTLE,
    viewport: VIEWPORT,
    phaseSeconds: phases,
  };

  /** Opens a bench page in a fresh tab and waits for its harness. */
  const openPage = async (/** @type {string} */ name, context = browser.defaultBrowserContext()) => {
    const page = await context.newPage();
    await page.setViewport(VIEWPORT);
    watchers.push(await watchPage(page, { origin: server.origin, console: ['error'], csp: false, prefix: `${name}: ` }));
    await page.goto(`${server.origin}/pages/${name}.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.dataset.benchReady === 'true', { timeout: 30_000 });
    return page;
  };

  /** One render sample in a fresh tab: a cold page every time, as a host page would be. */
  const renderOnce = async (/** @type {string} */ pageName, /** @type {string} */ kind, /** @type {number} */ n, context = undefined) => {
    const page = await openPage(pageName, context);
    try {
      return await page.evaluate((k, count) => /** @type {any} */ (window).bench.render(k, count), kind, n);
    } finally {
      await page.close();
    }
  };

  try {
    // ------------------------------------------------------------ render, scenarios, peers
    /** @type {{ group: string, name: string, page: string, kind: string, n: number, note?: string, context?: () => Promise<import('puppeteer-core').BrowserContext> }[]} */
    const cases = [];
    if (!only)
      for (const kind of OURS) for (const n of plan.counts) cases.push({ group: 'render', name: `${kind} ×${n}`, page: 'samen', kind, n });
    if (!only || only === 'feed')
      cases.push(
        {
          group: 'scenario',
          name: `lesson-clip feed ×${plan.feed}`,
          page: 'samen',
          kind: 'lesson-clip-feed',
          n: plan.feed,
          note: 'parent view, the 10 seeded clips in turn',
        },
        {
          group: 'scenario',
          name: `${plan.feed}-clip feed, first screen`,
          page: 'samen',
          kind: 'lesson-clip-feed-first-screen',
          n: plan.feed,
          note: 'issue 23: target first screen painted ≤ 60 ms; the cards on the screen loaded, those below showing their placeholder',
        },
      );
    if (!only)
      cases.push(
        {
          group: 'scenario',
          name: 'lesson-clip ×100, one clip not yet seen',
          page: 'samen',
          kind: 'lesson-clip-unseen',
          n: 100,
          note: 'the cards on screen mark it seen; that write reloads all 100 copies (live updates)',
        },
        {
          group: 'scenario',
          name: 'reward-chart personal ×30',
          page: 'samen',
          kind: 'personal-charts-teacher',
          n: 30,
          note: "teacher's overview, as test/reward-chart/thirty-charts",
        },
        {
          group: 'scenario',
          name: 'expectation-matrix 5×8',
          page: 'samen',
          kind: 'matrix-5x8',
          n: 1,
          note: '3 expectations per cell (MATRIX_LIMITS), grid layout',
        },
        {
          group: 'scenario',
          name: 'feelings-checkin class of 32',
          page: 'samen',
          kind: 'class-checkins-32',
          n: 1,
          note: 'teacher view, 6 days of check-ins',
        },
        {
          group: 'scenario',
          name: 'clip-composer, teacher',
          page: 'samen',
          kind: 'clip-composer-teacher',
          n: 1,
          note: 'a new clip: the shipped lesson library, the teacher’s classes, an empty draft',
        },
      );
    if (!only)
      for (const peer of PEERS)
        for (const n of plan.counts) cases.push({ group: 'peer', name: `${peer.kind} ×${n}`, page: peer.page, kind: peer.kind, n });
    if (!only)
      cases.push({
        group: 'peer',
        name: 'emoji-picker ×1, first visit',
        page: 'emoji',
        kind: 'emoji-picker',
        n: 1,
        note: 'empty IndexedDB: fetch, parse and store the emoji data first',
        context: () => browser.createBrowserContext(),
      });

    // Returning visitor: emoji-picker-element keeps its data in IndexedDB after the first visit.
    if (!only) {
      const warm = await openPage('emoji');
      await warm.evaluate(() => /** @type {any} */ (window).bench.mount('emoji-picker', 1));
      await warm.close();
    }

    /** @type {Map<string, { ready: number[], paint: number[], quiet: number[], first: number[], nodes: number }>} */
    const samples = new Map(cases.map((c) => [c.name, { ready: [], paint: [], quiet: [], first: [], nodes: 0 }]));
    /** @type {number[]} */
    const icuStartup = [];
    // Round-robin over the cases, so a noisy minute on a shared machine hits every case alike.
    for (let run = 0; run < plan.runs; run++) {
      for (const c of cases) {
        // 1,000 instances take seconds each (20 s for emoji-picker-element): three runs, to keep
        // a full run under ten minutes on two shared cores.
        if (c.n >= 1000 && run >= plan.runsLarge) continue;
        const context = c.context ? await c.context() : undefined;
        try {
          const result = await renderOnce(c.page, c.kind, c.n, context);
          const s = /** @type {{ ready: number[], paint: number[], quiet: number[], first: number[], nodes: number }} */ (
            samples.get(c.name)
          );
          s.ready.push(result.readyMs);
          s.paint.push(result.paintMs);
          if (result.quietMs !== undefined) s.quiet.push(result.quietMs);
          if (result.firstScreenMs !== undefined) s.first.push(result.firstScreenMs);
          icuStartup.push(result.icuStartupMs);
          s.nodes = result.nodes;
          log(
            `  run ${run + 1}/${plan.runs} ${c.name}: ready ${fmt(result.readyMs)} ms, painted ${fmt(result.paintMs)} ms` +
              (result.quietMs === undefined ? '' : `, quiet ${fmt(result.quietMs)} ms`) +
              (result.firstScreenMs === undefined ? '' : `, first screen painted ${fmt(result.firstScreenMs)} ms`),
          );
        } finally {
          await context?.close();
        }
      }
    }

    const stats = (/** @type {string} */ name, /** @type {'ready' | 'paint' | 'quiet' | 'first'} */ metric) =>
      summarize(/** @type {any} */ (samples.get(name))[metric]);
    const METRICS = {
      ready: 'append → loaded',
      paint: 'append → painted',
      quiet: 'append → quiet',
      first: 'append → first screen painted',
    };
    for (const c of cases) {
      for (const metric of /** @type {const} */ (['ready', 'paint', 'quiet', 'first'])) {
        if (!samples.get(c.name)?.[metric].length) continue;
        const s = stats(c.name, metric);
        const notes = [];
        // A first screen is a few cards, whatever the page's count: no per-instance figure.
        if (c.n > 1 && metric !== 'first') notes.push(`${fmt(s.median / c.n)} ms/instance`);
        if (metric === 'ready') notes.push(`${samples.get(c.name)?.nodes} elements`);
        if (metric === 'first')
          notes.push(
            `the task after the first frame in which every card on the screen shows its words (its reactions may still show their placeholder); painted, above, waits for all ${c.n} loaded, then the next frame`,
          );
        const peer = PEERS.find((p) => c.kind === p.kind && c.group === 'peer' && c.context === undefined);
        if (peer) {
          const ours = stats(`${peer.ours} ×${c.n}`, metric);
          notes.push(
            `ours ÷ peer: ${peer.ours} ${(ours.median / s.median).toFixed(2)}× (${fmt(ours.median / c.n)} vs ${fmt(s.median / c.n)} ms/instance)`,
          );
        }
        if (c.note) notes.push(c.note);
        rows.push({
          group: c.group,
          name: c.name,
          metric: METRICS[metric],
          unit: 'ms',
          ...s,
          note: notes.join('; '),
        });
      }
    }

    if (!only)
      rows.unshift({
        group: 'render',
        name: 'first date formatted on a page',
        metric: 'ICU start-up',
        unit: 'ms',
        ...summarize(icuStartup),
        note: 'paid by every bench page before timing starts (any page showing a date pays it once), so no widget carries it',
      });
    endPhase('render');

    // ------------------------------------------------------------ interaction
    for (const it of only === 'feed' ? [] : INTERACTIONS) {
      const page = await openPage('samen');
      try {
        await page.evaluate((k) => /** @type {any} */ (window).bench.mount(k, 1), it.kind);
        await page.evaluate(() => /** @type {any} */ (window).bench.watchTaps());
        const cdp = await page.createCDPSession();
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
        const total = plan.warmupTaps + plan.taps;
        for (let i = 0; i < total; i++) {
          if (it.prepare) await page.evaluate(it.prepare, i);
          await page.click(it.selector(i));
          await page.waitForFunction((count) => /** @type {any} */ (window).bench.taps.length >= count, { timeout: 30_000 }, i + 1);
          await page.evaluate(() => /** @type {any} */ (window).bench.idle());
        }
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        if (!(await page.evaluate(it.check))) throw new Error(`${it.name}: the taps had no effect`);
        const { taps, entries } = await page.evaluate(() => ({
          taps: /** @type {any} */ (window).bench.taps,
          entries: /** @type {any} */ (window).bench.eventEntries,
        }));
        const measured = taps.slice(plan.warmupTaps);
        const parts = eventParts(measured, entries);
        const durations = parts.map((p) => p?.duration);
        const below = durations.filter((d) => d === undefined).length;
        const reported = parts.filter((p) => p !== undefined);
        rows.push({
          group: 'interaction',
          name: it.name,
          metric: 'tap → next frame',
          unit: 'ms',
          ...summarize(measured.map((t) => t.nextPaintMs)),
          note: `CPU ${CPU_THROTTLE}× slower; click timestamp → rAF + setTimeout(0)`,
        });
        rows.push({
          group: 'interaction',
          name: it.name,
          metric: 'event timing duration',
          unit: 'ms',
          ...summarize(durations.map((d) => d ?? 16)),
          note: `CPU ${CPU_THROTTLE}× slower; Event Timing API (input → next paint, 8 ms granularity)${below ? `; ${below} of ${durations.length} taps under the 16 ms threshold, counted as 16 (upper bound)` : ''}`,
        });
        if (reported.length)
          rows.push({
            group: 'interaction',
            name: it.name,
            metric: 'event processing (ours)',
            unit: 'ms',
            ...summarize(reported.map((p) => p.processing)),
            note: `CPU ${CPU_THROTTLE}× slower; Event Timing API processingEnd − processingStart: the page's handlers and the microtasks they queue (the widget's update); the rest of a tap is the browser's (input, style, layout, paint, the wait for the frame)${below ? `; the ${reported.length} taps over the 16 ms threshold` : ''}`,
          });
        log(`  ${it.name}: ${measured.map((t) => fmt(t.nextPaintMs)).join(' ')}`);
      } finally {
        await page.close();
      }
    }

    endPhase('interaction');

    // ------------------------------------------------------------ memory
    for (const kind of only ? [] : OURS) {
      const page = await openPage('samen');
      try {
        const cdp = await page.createCDPSession();
        await cdp.send('Performance.enable');
        let calls = 0;
        const measure = async () => {
          // The MemoryAdapter logs every call for tests; that log is the adapter's, not a widget's.
          calls += await page.evaluate(() => {
            const w = /** @type {any} */ (window);
            const n = w.benchAdapter.calls.length + w.benchTeacher.calls.length;
            w.benchAdapter.calls.length = 0;
            w.benchTeacher.calls.length = 0;
            return n;
          });
          await cdp.send('HeapProfiler.collectGarbage');
          await cdp.send('HeapProfiler.collectGarbage');
          const { metrics } = await cdp.send('Performance.getMetrics');
          const dom = await cdp.send('Memory.getDOMCounters');
          const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
          // Objects still on the heap (queryObjects walks it after the collections above): the
          // widget's instances, and elements that are not in the document (detached nodes; Lit's
          // cached <template>s are among them, so it is the change from the baseline that counts).
          const countObjects = async (/** @type {string} */ expression, /** @type {(objects: any[]) => number} */ count) => {
            const prototype = await page.evaluateHandle(expression);
            const objects = await page.queryObjects(prototype);
            const n = await objects.evaluate(count);
            await Promise.all([objects.dispose(), prototype.dispose()]);
            return n;
          };
          // (The prototypes of subclasses, HTMLDivElement.prototype and the like, are found too: skipped.)
          const instances = await countObjects(
            `customElements.get(${JSON.stringify(kind)}).prototype`,
            (all) => all.filter((o) => !Object.hasOwn(o, 'constructor')).length,
          );
          const detached = await countObjects(
            'Element.prototype',
            (all) => all.filter((o) => !Object.hasOwn(o, 'constructor') && !o.isConnected).length,
          );
          return { heapKB: heap / 1024, documents: dom.documents, nodes: dom.nodes, listeners: dom.jsEventListeners, instances, detached };
        };
        // Warm-up first: compiled templates, style sheets and code are paid once, not leaked.
        await page.evaluate((k) => /** @type {any} */ (window).bench.mount(k, 10), kind);
        await page.evaluate(() => /** @type {any} */ (window).bench.clear());
        const base = await measure();
        calls = 0;
        const after = [];
        /** @type {number | undefined} live instances while mounted: proves the count sees them */
        let mounted;
        for (let cycle = 0; cycle < plan.memoryCycles; cycle++) {
          await page.evaluate((k, n) => /** @type {any} */ (window).bench.mount(k, n), kind, plan.memoryCount);
          if (cycle === 0) {
            mounted = (await measure()).instances;
            if (mounted !== plan.memoryCount)
              problems.push(`memory ${kind}: ${mounted} live instances counted while ${plan.memoryCount} are mounted`);
          }
          await page.evaluate(() => /** @type {any} */ (window).bench.clear());
          after.push(await measure());
        }
        const last = after[after.length - 1];
        const perCycle = (/** @type {'heapKB' | 'nodes' | 'listeners' | 'documents' | 'instances' | 'detached'} */ key) =>
          after.map((a) => fmt(a[key] - base[key])).join(', ');
        const heapLimitKB = Math.max(0.1 * base.heapKB, 300);
        const checks = [
          { metric: 'JS heap Δ', unit: 'KB', key: /** @type {const} */ ('heapKB'), limit: heapLimitKB, base: base.heapKB },
          { metric: 'DOM nodes Δ', unit: 'count', key: /** @type {const} */ ('nodes'), limit: 100, base: base.nodes },
          { metric: 'detached elements Δ', unit: 'count', key: /** @type {const} */ ('detached'), limit: 0, base: base.detached },
          {
            metric: 'live instances',
            unit: 'count',
            key: /** @type {const} */ ('instances'),
            limit: 0,
            base: 0,
            extra: `${mounted} while mounted`,
          },
          { metric: 'JS event listeners Δ', unit: 'count', key: /** @type {const} */ ('listeners'), limit: 20, base: base.listeners },
          { metric: 'documents Δ', unit: 'count', key: /** @type {const} */ ('documents'), limit: 0, base: base.documents },
        ];
        for (const check of checks) {
          const delta = last[check.key] - check.base;
          if (delta > check.limit)
            leaks.push(
              `${kind}: ${check.metric} ${fmt(delta)} ${check.unit} after ${plan.memoryCount} created and removed (limit ${fmt(check.limit)})`,
            );
          rows.push({
            group: 'memory',
            name: `${kind} ×${plan.memoryCount} created and removed`,
            metric: check.metric,
            unit: check.unit,
            median: round(delta),
            runs: 1,
            note:
              `${delta <= check.limit ? 'back to baseline' : 'NOT back to baseline'} (limit ${fmt(check.limit)}); ` +
              `baseline ${fmt(check.base)}; after each cycle ${perCycle(check.key)}` +
              (check.key === 'heapKB' ? `; MemoryAdapter.calls grew by ${calls} entries (cleared before measuring)` : '') +
              (check.extra ? `; ${check.extra}` : ''),
          });
        }
        // The heap after a cycle is a little above the baseline (optimised code, inline caches:
        // it levels off; bench/runtime/memory-cycles.mjs runs more cycles). A leak grows with every
        // cycle instead, so the last cycle's growth per instance is the leak check.
        if (after.length >= 2) {
          const growth = ((last.heapKB - after[after.length - 2].heapKB) * 1024) / plan.memoryCount;
          const limit = 100;
          if (growth > limit)
            leaks.push(`${kind}: the JS heap grew ${fmt(growth)} B per instance in the last of ${after.length} cycles (limit ${limit})`);
          rows.push({
            group: 'memory',
            name: `${kind} ×${plan.memoryCount} created and removed`,
            metric: 'JS heap growth, last cycle',
            unit: 'B/instance',
            median: round(growth),
            runs: 1,
            note: `${growth <= limit ? 'no leak' : 'LEAK?'} (limit ${limit} B per instance); cycle ${after.length} against cycle ${after.length - 1}`,
          });
        }
        log(
          `  memory ${kind}: heap Δ ${fmt(last.heapKB - base.heapKB)} KB, nodes Δ ${last.nodes - base.nodes}, ` +
            `detached Δ ${last.detached - base.detached}, listeners Δ ${last.listeners - base.listeners}, live instances ${last.instances}`,
        );
      } finally {
        await page.close();
      }
    }
    endPhase('memory');
  } catch (error) {
    problems.push(/** @type {Error} */ (error).stack ?? String(error));
  } finally {
    await browser.close();
    await server.close();
  }
  for (const watcher of watchers) problems.push(...watcher.problems);

  Object.assign(environment, {
    loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))),
    totalSeconds: round((performance.now() - started) / 1000),
  });
  const result = { environment, rows, leaks };
  if (!quick) problems.push(...leaks.map((l) => `memory not back to baseline: ${l}`));
  if (problems.length) {
    throw Object.assign(new Error(`runtime bench failed:\n  ${[...new Set(problems)].join('\n  ')}`), { partial: result });
  }
  return result;
}

/**
 * @typedef {{ group: string, name: string, metric: string, unit: string, median: number, p95?: number, runs: number, note?: string }} Row
 */

/** Median and p95 (nearest rank: with 5 runs that is the slowest run). */
function summarize(/** @type {number[]} */ values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (/** @type {number} */ q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median: round(median), ...(sorted.length > 1 ? { p95: round(at(0.95)) } : {}), runs: sorted.length };
}

/**
 * Each tap's Event Timing (the interaction that started before the tap's click and after the
 * previous one), from the entries of its interaction (pointerdown, pointerup, click:
 * one `interactionId`): the longest `duration` (input → next paint, 8 ms granularity), and the
 * longest `processingEnd − processingStart`, the time in the page's handlers and the microtasks
 * they queue (a Lit update among them). `undefined` for a tap whose interaction took under the
 * observer's 16 ms threshold, so the browser reported no entry for it.
 * @param {{ at: number }[]} taps
 * @param {{ interactionId: number, startTime: number, duration: number, processingStart?: number, processingEnd?: number }[]} entries
 * @returns {({ duration: number, processing: number } | undefined)[]}
 */
export function eventParts(taps, entries) {
  /** @type {Map<number, { start: number, duration: number, processing: number }>} */
  const interactions = new Map();
  for (const e of entries) {
    const i = interactions.get(e.interactionId) ?? { start: e.startTime, duration: 0, processing: 0 };
    i.start = Math.min(i.start, e.startTime);
    i.duration = Math.max(i.duration, e.duration);
    i.processing = Math.max(i.processing, (e.processingEnd ?? 0) - (e.processingStart ?? 0));
    interactions.set(e.interactionId, i);
  }
  return taps.map((tap, index) => {
    const previous = index ? taps[index - 1].at : -Infinity;
    const match = [...interactions.values()].filter((i) => i.start <= tap.at + 1 && i.start > previous);
    return match.length
      ? { duration: Math.max(...match.map((i) => i.duration)), processing: Math.max(...match.map((i) => i.processing)) }
      : undefined;
  });
}

function round(/** @type {number} */ value) {
  return Math.round(value * 100) / 100;
}

export function fmt(/** @type {number} */ value) {
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  return abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : abs >= 1 ? value.toFixed(2) : value.toFixed(3);
}

/** The commit measured, and whether src/ differs from it. */
export function gitDescribe() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return `${commit}${dirty ? ' (src/ has uncommitted changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

/** A plain-text table of the rows. */
export function formatTable(/** @type {Row[]} */ rows) {
  const header = ['group', 'name', 'metric', 'median', 'p95', 'unit', 'runs', 'note'];
  const lines = rows.map((r) => [
    r.group,
    r.name,
    r.metric,
    fmt(r.median),
    r.p95 === undefined ? '' : fmt(r.p95),
    r.unit,
    String(r.runs),
    r.note ?? '',
  ]);
  const widths = header.slice(0, -1).map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const right = new Set([3, 4, 6]);
  const pad = (/** @type {string[]} */ cells) =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : right.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
  return [pad(header), pad(widths.map((w) => '-'.repeat(w)).concat('----')), ...lines.map(pad)].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const only = process.argv.includes('--taps')
    ? /** @type {const} */ ('taps')
    : process.argv.includes('--feed')
      ? /** @type {const} */ ('feed')
      : undefined;
  const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);
  /** @type {{ environment: Record<string, unknown>, rows: Row[] } | undefined} */
  let result;
  let failed = false;
  try {
    result = await runtimeBench({ quick, only, log });
  } catch (error) {
    failed = true;
    result = /** @type {any} */ (error).partial;
    console.error(/** @type {Error} */ (error).message);
  }
  if (result) {
    const env = result.environment;
    console.log(
      `\n${env.chromium} · node ${env.node} · ${env.cores} cores (${env.cpu}) · load ${env.loadAverageAtStart} → ${env.loadAverageAtEnd} · ${env.mode}`,
    );
    console.log(formatTable(result.rows));
    console.log(
      `\n${env.totalSeconds} s in all: ${Object.entries(env.phaseSeconds)
        .map(([k, v]) => `${k} ${v} s`)
        .join(', ')}`,
    );
    writeFileSync(join(root, 'bench/.build/results-runtime.json'), `${JSON.stringify(result, null, 2)}\n`);
  }
  process.exit(failed ? 1 : 0);
}
