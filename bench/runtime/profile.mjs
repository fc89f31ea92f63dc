#!/usr/bin/env node
/**
 * Where does a render's time go? Profiles one bench render (the same page and code as
 * bench/runtime.mjs) with the V8 sampling profiler and prints self time per source file
 * and per function, the bundle's samples mapped back to src/ and node_modules/ files.
 *
 * Usage: node bench/runtime/profile.mjs [page] [kind] [count] [--throttle N] [--save out.cpuprofile]
 *   e.g. node bench/runtime/profile.mjs samen samen-lesson-clip 100
 * Run `node bench/runtime.mjs --quick` (or this script with --build) once first for bench/.build/.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPages } from './build.mjs';
import { launch, startStaticServer } from '../../scripts/browser.mjs';
import { sourceMap } from '../source-maps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args.splice(args.indexOf(name), 2)[1] : undefined);
const throttle = Number(option('--throttle') ?? 1);
const save = option('--save');
const rebuild = args.includes('--build') && args.splice(args.indexOf('--build'), 1);
const [pageName = 'samen', kind = 'samen-lesson-clip', count = '100'] = args;

const out = join(root, 'bench/.build');
if (rebuild || !existsSync(join(out, `${pageName}.js`))) await buildPages(root, out);
const server = await startStaticServer({ mounts: { '/pages/': join(root, 'bench/pages'), '/build/': out } });
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${server.origin}/pages/${pageName}.html`);
  await page.waitForFunction(() => document.documentElement.dataset.benchReady === 'true');
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await cdp.send('Profiler.start');
  const result = await page.evaluate((k, n) => window.bench.render(k, n), kind, Number(count));
  const { profile } = await cdp.send('Profiler.stop');
  if (save) writeFileSync(save, JSON.stringify(profile));
  console.log(`${kind} ×${count} on ${pageName}: ready ${result.readyMs.toFixed(1)} ms, painted ${result.paintMs.toFixed(1)} ms`);
  report(profile, server.origin);
} finally {
  await browser.close();
  await server.close();
}

/** Self time per source file and per function, bundle positions mapped through the source map. */
function report(profile, origin) {
  /** @type {Map<string, ReturnType<typeof sourceMap> | undefined>} */
  const maps = new Map();
  const mapFor = (url) => {
    if (!url.startsWith(`${origin}/build/`)) return undefined;
    if (!maps.has(url)) {
      const file = join(out, url.slice(`${origin}/build/`.length).split('?')[0] + '.map');
      maps.set(url, existsSync(file) ? sourceMap(JSON.parse(readFileSync(file, 'utf8'))) : undefined);
    }
    return maps.get(url);
  };
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFile = new Map();
  const byFunction = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (!us) continue;
    total += us;
    const { url, functionName, lineNumber, columnNumber } = node.callFrame;
    const map = mapFor(url);
    const pos = map && lineNumber >= 0 ? map.position(lineNumber, Math.max(0, columnNumber)) : undefined;
    const file = pos?.source
      ? relative(root, join(out, pos.source)).replace(/^.*node_modules\//, '')
      : url
        ? url.replace(origin, '')
        : `(${functionName || 'program'})`;
    const fn = `${functionName || '(anonymous)'}  ${file}${pos ? `:${pos.line + 1}` : ''}`;
    byFile.set(file, (byFile.get(file) ?? 0) + us);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const top = (map, n) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`)
      .join('\n');
  console.log(`\nself time by file (${(total / 1000).toFixed(0)} ms sampled)\n${top(byFile, 25)}`);
  console.log(`\nself time by function\n${top(byFunction, 30)}`);
}
