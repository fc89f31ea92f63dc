#!/usr/bin/env node
/**
 * Sizes, in minified + gzip (level 9) and brotli (quality 11) bytes, against the budgets in
 * bench/budgets.json:
 *
 *  - own/<widget>:  each widget's own code (src/<widget>/ and its src/define/ file), when all the
 *                   widgets and the provider are built together (lit external), as a bundler does
 *                   for a host that uses several widgets; a widget that uses another's code (the
 *                   clip composer shows lesson clips) loads that widget's chunk too;
 *  - core:          everything else those widgets load up front (src/core: base element, schemas,
 *                   i18n with Dutch, draft store; zod/mini, date-fns functions, @lit/context,
 *                   idb): one chunk. What loads on demand (other languages, a widget's
 *                   own strings in them) is not in it: see the notes and locale/<xx>;
 *  - all widgets + lit: every widget, the provider, the core and lit: all a page with every widget
 *                   downloads up front (chunks compressed one by one; no language but Dutch);
 *  - entry+lit/<widget>: a parent-facing widget's entry with lit, what a Dutch page loads up
 *                   front for it (issue 19's targets: feedback bar 18 KB, the others 22 KB);
 *  - five parent widgets + lit: the five parent-facing widgets, the provider, the core and lit
 *                   (issue 19's target: 50 KB; the composer loads on its own);
 *  - entry/<widget>: one widget entry on its own, everything but lit bundled in, for a host
 *                   that uses just that one (what it loads on demand left out);
 *  - locale/<xx>:   a language other than Dutch, loaded when a widget first shows it;
 *  - samen.bundle.js: the script-tag bundle as built by `npm run build` (adapters included).
 *
 * Also reports what zod and date-fns cost inside the core (the same build again with each left
 * out: the bytes a host would save), and proves no home language ends up in the core. Also the
 * peers the runtime bench compares us with (issue 23): each built the same way with its lit, and
 * measured as a page downloads it up front, beside our entry+lit/ row (one language, Dutch; the
 * chunks it loads on demand, other languages and the teacher view, listed beside it).
 * Exits 1 when anything is over budget, has no budget, or can't be measured.
 *
 * BENCHMARKS.md's size tables (its `bench:sizes` and `bench:size-peers` blocks) are this file's
 * output: `--write` rewrites them, and bench/test/size-table.test.mjs fails in CI when they differ
 * from what this code measures (sizes are deterministic for a given tree and lockfile). `--write`
 * also records the measurement with its inputs' fingerprint (bench/sizes.json): the test uses it
 * while no input changed, and measures again when one did.
 *
 *   node bench/size.mjs [--no-peers]      (after `npm run build`)
 *   node bench/size.mjs --write           the same, and rewrites BENCHMARKS.md's size tables and
 *                                         bench/sizes.json (what was measured, from which inputs)
 *   node bench/size.mjs --update-budgets  re-baselines every budget to measured × 1.05, rounded up
 *                                         to 100 B (new entries get a row, gone ones lose theirs),
 *                                         prints the diff and rewrites bench/budgets.json
 *   import { measureSizes, rebaseline, sizeMarkdown } from './size.mjs'
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { rollup } from 'rollup';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyCssLiterals } from '../scripts/minify-css-literals.mjs';
import { transpileTs } from './runtime/build.mjs';
import { WIDGETS } from '../scripts/widgets.mjs';

/** The five parent-facing widgets of a school app's feed: issue 19's "five parent widgets + lit" row. */
const FEED_WIDGETS = [
  'samen-lesson-clip',
  'samen-reward-chart',
  'samen-feelings-checkin',
  'samen-expectation-matrix',
  'samen-feedback-bar',
];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const gzipSize = (/** @type {string | Buffer} */ code) => gzipSync(code, { level: zlib.Z_BEST_COMPRESSION }).length;
export const brotliSize = (/** @type {string | Buffer} */ code) =>
  brotliCompressSync(code, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
const isLit = (/** @type {string} */ id) => /^(lit|lit-html|lit-element|@lit\/[^/]+|@lit-labs\/[^/]+)(\/|$)/.test(id);
const inPackage = (/** @type {string} */ name) => (/** @type {string | undefined} */ id) =>
  !!id && new RegExp(`[\\\\/]node_modules[\\\\/]${name}[\\\\/]`).test(id);
const inZod = inPackage('zod');
/** A language table or entry other than the built-in Dutch: src/locales/xx.ts, src/<folder>/locales/xx.ts. */
const isLazyLanguage = (/** @type {string} */ id) => /src[\\/](?:[\w-]+[\\/])?locales[\\/](?!nl\.ts$)[\w-]+\.ts$/.test(id);

/** The chunks a page loads up front: the entries and what they import statically, not what they import(). */
function eagerChunks(/** @type {import('rollup').OutputChunk[]} */ chunks) {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const eager = new Set(chunks.filter((c) => c.isEntry));
  for (const chunk of eager)
    for (const file of chunk.imports) if (byFile.has(file)) eager.add(/** @type {import('rollup').OutputChunk} */ (byFile.get(file)));
  return chunks.filter((c) => eager.has(c));
}

/**
 * @param {string | string[] | Record<string, string>} input
 * @param {{ external?: (id: string) => boolean, virtual?: Record<string, string> }} options
 *   `virtual`: entry modules given as source text (for the peers and the zod floor)
 */
async function build(input, { external, virtual = {} } = {}) {
  return rollup({
    input,
    external,
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' && (warning.ids ?? []).every(inZod)) return;
      if (warning.code === 'INVALID_ANNOTATION' && inZod(warning.id)) return;
      warn(warning);
    },
    plugins: [
      {
        name: 'bench-virtual',
        resolveId: (id, importer) => (id in virtual && !importer ? `\0virtual:${id}` : null),
        load: (id) => (id.startsWith('\0virtual:') ? virtual[id.slice('\0virtual:'.length)] : null),
      },
      nodeResolve({ browser: true, rootDir: root }),
      // tsconfig.json's options file by file, helpers from tslib: the same bytes as
      // @rollup/plugin-typescript in `npm run build`, without type-checking the program on every
      // one of these builds (that is `npm run typecheck`'s job).
      transpileTs(root, { importHelpers: true, sourceMap: false }),
      minifyCssLiterals(),
      terser({ ecma: 2020, module: true, format: { comments: false } }),
    ],
  });
}

const measure = (/** @type {string} */ name, /** @type {string | Buffer} */ code, extra = {}) => ({
  name,
  min: Buffer.byteLength(code),
  gzip: gzipSize(code),
  brotli: brotliSize(code),
  ...extra,
});

/** gzip and brotli of a build's chunks, each compressed on its own (separate files, as a browser gets them). */
async function buildSize(
  /** @type {Parameters<typeof build>[0]} */ input,
  /** @type {Parameters<typeof build>[1]} */ options,
  inline = false,
) {
  const bundle = await build(input, options);
  const { output } = await bundle.generate({
    format: 'es',
    chunkFileNames: 'shared-[hash].js',
    ...(inline ? { inlineDynamicImports: true } : {}),
  });
  await bundle.close();
  const chunks = /** @type {import('rollup').OutputChunk[]} */ (output.filter((o) => o.type === 'chunk'));
  return {
    chunks,
    min: chunks.reduce((sum, c) => sum + Buffer.byteLength(c.code), 0),
    gzip: chunks.reduce((sum, c) => sum + gzipSize(c.code), 0),
    brotli: chunks.reduce((sum, c) => sum + brotliSize(c.code), 0),
  };
}

/** Each peer of the runtime bench, and the single entry of ours it is compared with. */
export const SIZE_PEERS = [
  { name: 'emoji-picker-element', source: "import 'emoji-picker-element';", ours: 'samen-feelings-checkin' },
  {
    name: 'sl-rating (Shoelace)',
    source: "import '@shoelace-style/shoelace/dist/components/rating/rating.js';",
    ours: 'samen-feedback-bar',
  },
  { name: 'sl-card (Shoelace)', source: "import '@shoelace-style/shoelace/dist/components/card/card.js';", ours: 'samen-lesson-clip' },
];

/**
 * @typedef {{ name: string, min: number, gzip: number, brotli: number, budget?: number, target?: number, peer?: boolean, note?: string }} SizeRow
 * `peer`: a peer's row, without a budget.
 * @typedef {{ name: string, gzip: number }} LazyChunk a chunk loaded on demand: its modules (from src/) and its gzip bytes
 * @typedef {{ peer: string, ours: string, theirs: SizeRow, lazy: LazyChunk[] }} PeerComparison
 *   `ours`: the widget whose `entry+lit/` row (one language, up front) is compared with the peer; `lazy`: what it loads on demand
 */

/**
 * @param {{ peers?: boolean }} [options] `peers: false` leaves the peers out (faster; no peer table)
 * @returns {Promise<{ rows: SizeRow[], notes: string[], errors: string[], costs: Record<string, number>, comparisons: PeerComparison[] }>}
 */
export async function measureSizes({ peers = true } = {}) {
  const previous = process.cwd();
  process.chdir(root);
  /** @type {SizeRow[]} */
  const rows = [];
  /** @type {string[]} */
  const notes = [];
  /** @type {string[]} */
  const errors = [];
  /** @type {Record<string, number>} gzip bytes */
  const costs = {};
  /** @type {PeerComparison[]} */
  const comparisons = [];
  try {
    const defineFiles = readdirSync('src/define')
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
      .sort();
    const widgets = defineFiles.map((f) => f.replace(/\.ts$/, ''));

    // 1. Widgets together, code-split by source folder: own code per widget, and the core.
    // Chunks follow folders, not "who imports what", so one widget reusing another's code does
    // not move that code into the core (nor leave its owner with an empty chunk).
    const folderOf = new Map(widgets.map((w) => [w, w.replace(/^samen-/, '')]));
    const splitBuild = async (/** @type {(id: string) => boolean} */ external) => {
      const split = await build(
        defineFiles.map((f) => join('src/define', f)),
        { external },
      );
      const { output } = await split.generate({
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: '[name].js',
        manualChunks(id, { getModuleInfo }) {
          if (getModuleInfo(id)?.dynamicImporters.length || isLazyLanguage(id)) return undefined; // lazy stays lazy
          if (/src[\\/]define[\\/]/.test(id)) return undefined; // entry chunks of their own
          const folder = /[\\/]src[\\/]([\w-]+)[\\/]/.exec(id)?.[1];
          const owner = widgets.find((w) => folderOf.get(w) === folder);
          return owner ? `own-${owner}` : 'core';
        },
      });
      await split.close();
      return /** @type {import('rollup').OutputChunk[]} */ (output.filter((o) => o.type === 'chunk'));
    };
    const allSplit = await splitBuild(isLit);
    const chunks = eagerChunks(allSplit);
    const lazy = allSplit.filter((c) => !chunks.includes(c));
    const isOwn = (/** @type {import('rollup').OutputChunk} */ c) => c.name.startsWith('own-') || (c.isEntry && widgets.includes(c.name));
    for (const widget of widgets) {
      // Its entry (the define file) and its folder's chunk: one widget's code, measured as one file.
      const own = chunks.filter((c) => c.name === `own-${widget}` || (c.isEntry && c.name === widget));
      rows.push(measure(`own/${widget}`, own.map((c) => c.code).join('\n')));
    }
    const shared = chunks.filter((c) => !isOwn(c));
    const core = measure('core', shared.map((c) => c.code).join('\n'));
    // Served as separate files, each compressed on its own: that is what a browser downloads.
    core.gzip = shared.reduce((sum, c) => sum + gzipSize(c.code), 0);
    core.brotli = shared.reduce((sum, c) => sum + brotliSize(c.code), 0);
    rows.push(core);

    // What zod and date-fns cost: the same build with the package left out (external), so the
    // difference is what a host would save, compression context included. (A share of the
    // uncompressed code, times the gzip total, overstates zod: its code compresses worse.)
    const allGzip = chunks.reduce((sum, c) => sum + gzipSize(c.code), 0);
    const without = async (/** @type {RegExp} */ pkg) =>
      eagerChunks(await splitBuild((id) => isLit(id) || pkg.test(id))).reduce((sum, c) => sum + gzipSize(c.code), 0);
    costs.zod = allGzip - (await without(/^zod(\/|$)/));
    costs['date-fns'] = allGzip - (await without(/^date-fns(\/|$)/));
    // The least any use of zod/mini costs: one object of one string, parsed.
    costs['zod floor'] = (
      await buildSize('zod-floor', {
        virtual: { 'zod-floor': "import * as z from 'zod/mini'; export const p = (v) => z.safeParse(z.object({ a: z.string() }), v);" },
      })
    ).gzip;
    const fmtB = (/** @type {number} */ n) => `${n.toLocaleString('en-US')} B`;
    const zodModules = [
      ...new Set(
        chunks
          .flatMap((c) => Object.entries(c.modules))
          .filter(([id, m]) => inZod(id) && m.renderedLength > 0)
          .map(([id]) => id),
      ),
    ].map((id) => id.replace(/^.*[\\/]node_modules[\\/]zod[\\/]/, '').replace(/\.js$/, ''));
    notes.push(
      `zod (zod/mini): ${fmtB(costs.zod)} gzip of the core (the same build without zod); any use of zod/mini costs at least ${fmtB(costs['zod floor'])}; ` +
        `modules: ${zodModules.join(', ')} (no zod locales, no JSON Schema, no full zod)`,
    );
    const dateFnsFunctions = [
      ...new Set(
        chunks
          .flatMap((c) => Object.entries(c.modules))
          .filter(([id, m]) => inPackage('date-fns')(id) && m.renderedLength > 0)
          .map(([id]) => id),
      ),
    ].map((id) => id.replace(/^.*[\\/]node_modules[\\/]date-fns[\\/]/, '').replace(/\.js$/, ''));
    notes.push(`date-fns: ${fmtB(costs['date-fns'])} gzip of the core (${dateFnsFunctions.join(', ')})`);
    notes.push(`core without zod: ${fmtB(core.gzip - costs.zod)} gzip`);
    const allModules = chunks.flatMap((c) => Object.keys(c.modules));
    const eagerLanguages = allModules.filter(isLazyLanguage);
    if (eagerLanguages.length)
      errors.push(`languages other than Dutch must load lazily, but the widgets include: ${eagerLanguages.join(', ')}`);
    else notes.push('languages other than Dutch (en, ar, tr, pl, uk): none in the widgets or the core; each loads on demand');
    const lazyModules = (/** @type {import('rollup').OutputChunk} */ c) =>
      Object.keys(c.modules)
        // Named from src/ or the package, never by the clone's path: the tables must read the
        // same on every machine.
        .map((id) =>
          id
            .replace(/^.*[\\/]node_modules[\\/]/, '')
            .replace(/^.*[\\/]src[\\/]/, '')
            .replace(/\.ts$/, ''),
        )
        .join(' + ');
    notes.push(`loaded on demand (gzip): ${lazy.map((c) => `${lazyModules(c)} ${fmtB(gzipSize(c.code))}`).join('; ')}`);

    // 2. Everything a page with all five widgets downloads: widgets, core and lit.
    const all = await build(defineFiles.map((f) => join('src/define', f)));
    const allOut = await all.generate({ format: 'es', chunkFileNames: 'shared-[hash].js' });
    await all.close();
    const allChunks = eagerChunks(/** @type {import('rollup').OutputChunk[]} */ (allOut.output.filter((o) => o.type === 'chunk')));
    rows.push({
      ...measure('all widgets + lit', allChunks.map((c) => c.code).join('\n')),
      gzip: allChunks.reduce((sum, c) => sum + gzipSize(c.code), 0),
      brotli: allChunks.reduce((sum, c) => sum + brotliSize(c.code), 0),
    });

    // 3. One widget on its own (lit external), as a host with just that widget gets it.
    for (const widget of widgets) {
      const bundle = await build(join('src/define', `${widget}.ts`), { external: isLit });
      const { output: single } = await bundle.generate({ format: 'es' });
      await bundle.close();
      const loaded = eagerChunks(/** @type {import('rollup').OutputChunk[]} */ (single.filter((o) => o.type === 'chunk')));
      rows.push(measure(`entry/${widget}`, loaded.map((c) => c.code).join('\n')));
    }

    // 3b. Issue 19's figures: one parent-facing widget with lit (what a Dutch page downloads up
    // front for it), and the five parent-facing widgets together with lit and the core (the
    // composer, for teachers only, loads on its own).
    // The parent-facing ones are those with a parent view in the widget catalogue (scripts/widgets.mjs).
    const parentTags = WIDGETS.filter((w) => w.views.includes('parent')).map((w) => w.tag);
    const parentWidgets = widgets.filter((w) => parentTags.includes(w));
    /** @type {Map<string, LazyChunk[]>} what each parent widget's page loads on demand (other languages, the teacher view) */
    const lazyOf = new Map();
    for (const widget of parentWidgets) {
      const bundle = await build(join('src/define', `${widget}.ts`));
      const { output: single } = await bundle.generate({ format: 'es' });
      await bundle.close();
      const built = /** @type {import('rollup').OutputChunk[]} */ (single.filter((o) => o.type === 'chunk'));
      const loaded = eagerChunks(built);
      rows.push(measure(`entry+lit/${widget}`, loaded.map((c) => c.code).join('\n')));
      lazyOf.set(
        widget,
        built
          .filter((c) => !loaded.includes(c))
          .map((c) => ({ name: lazyModules(c), gzip: gzipSize(c.code) }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      );
    }
    // The row issue 19 set its target for: the five widgets of a school app's feed (later
    // parent-facing cards, such as the programme's introduction and meetings, are not in it).
    const feedWidgets = parentWidgets.filter((w) => FEED_WIDGETS.includes(w));
    const five = await build(['samen-provider', ...feedWidgets].map((w) => join('src/define', `${w}.ts`)));
    const fiveOut = await five.generate({ format: 'es', chunkFileNames: 'shared-[hash].js' });
    await five.close();
    const fiveChunks = eagerChunks(/** @type {import('rollup').OutputChunk[]} */ (fiveOut.output.filter((o) => o.type === 'chunk')));
    rows.push({
      ...measure('five parent widgets + lit', fiveChunks.map((c) => c.code).join('\n')),
      gzip: fiveChunks.reduce((sum, c) => sum + gzipSize(c.code), 0),
      brotli: fiveChunks.reduce((sum, c) => sum + brotliSize(c.code), 0),
    });

    // 3c. Where the feedback bar's entry + lit goes, and the fixed stack's floor (issue 19): the
    // entry built again with lit, zod or both left out (the difference is what each costs in
    // it, compression context included), and lit and zod/mini at their least on their own.
    const eagerGzip = async (/** @type {Parameters<typeof build>[0]} */ input, /** @type {Parameters<typeof build>[1]} */ options) => {
      const bundle = await build(input, options);
      const { output: built } = await bundle.generate({ format: 'es' });
      await bundle.close();
      return gzipSize(
        eagerChunks(/** @type {import('rollup').OutputChunk[]} */ (built.filter((o) => o.type === 'chunk')))
          .map((c) => c.code)
          .join('\n'),
      );
    };
    const barEntry = join('src/define', 'samen-feedback-bar.ts');
    const isZod = (/** @type {string} */ id) => /^zod(\/|$)/.test(id);
    const bar = await eagerGzip(barEntry, {});
    const barLit = bar - (await eagerGzip(barEntry, { external: isLit }));
    const barZod = bar - (await eagerGzip(barEntry, { external: isZod }));
    const barOurs = await eagerGzip(barEntry, { external: (id) => isLit(id) || isZod(id) });
    costs['lit floor'] = (
      await buildSize('lit-floor', {
        virtual: {
          'lit-floor':
            "import { LitElement, html, css, nothing } from 'lit'; import { property, state } from 'lit/decorators.js';" +
            ' class X extends LitElement { static styles = css`:host{display:block}`; render() { return html`<p>${nothing}</p>`; } }' +
            " customElements.define('x-floor', X); export { property, state };",
        },
      })
    ).gzip;
    notes.push(
      `entry+lit/samen-feedback-bar (${fmtB(bar)}): lit ${fmtB(barLit)}, zod ${fmtB(barZod)}, ours (core and the bar) ${fmtB(barOurs)}, ` +
        `each measured by leaving the others out; the fixed stack's floor: lit alone (LitElement, html, css, decorators) ${fmtB(costs['lit floor'])} ` +
        `+ zod/mini's least ${fmtB(costs['zod floor'])} = ${fmtB(costs['lit floor'] + costs['zod floor'])} before any code of ours`,
    );

    // 4. Home languages, as a host loads one.
    for (const file of readdirSync('src/locales')
      .filter((f) => f.endsWith('.ts'))
      .sort()) {
      const bundle = await build(join('src/locales', file), { external: (id) => /core[\\/]i18n/.test(id) });
      const { output: lang } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
      await bundle.close();
      rows.push(measure(`locale/${file.replace(/\.ts$/, '')}`, lang.map((o) => (o.type === 'chunk' ? o.code : '')).join('')));
    }

    // 4b. Peers, built the same way with everything they need (their lit too), measured as ours
    // is in entry+lit/: what a page downloads up front (the entry and its static imports, not
    // what it import()s), beside our entry with lit for one language (Dutch), whose lazy chunks
    // (the other languages, the teacher view) are listed with it.
    if (peers) {
      for (const peer of SIZE_PEERS) {
        const bundle = await build(peer.name, { virtual: { [peer.name]: peer.source } });
        const { output: theirs } = await bundle.generate({ format: 'es' });
        await bundle.close();
        const loaded = eagerChunks(/** @type {import('rollup').OutputChunk[]} */ (theirs.filter((o) => o.type === 'chunk')));
        const row = measure(`peer/${peer.name}`, loaded.map((c) => c.code).join('\n'), {
          peer: true,
          note: 'lit and all it loads up front included',
        });
        rows.push(row);
        if (!lazyOf.has(peer.ours)) errors.push(`peer ${peer.name}: ${peer.ours} has no entry+lit/ row to compare with`);
        else comparisons.push({ peer: peer.name, ours: peer.ours, theirs: row, lazy: lazyOf.get(peer.ours) ?? [] });
      }
    }

    // 5. The script-tag bundle as built: its file and the chunks it imports statically (what a
    // page loads up front; teacher views and languages come on demand), each compressed on its own.
    const bundlePath = 'dist/samen.bundle.js';
    if (existsSync(bundlePath)) {
      const files = [bundlePath];
      for (const file of files) {
        const code = readFileSync(file, 'utf8');
        for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
          const imported = join(dirname(file), /** @type {string} */ (spec));
          if (!files.includes(imported)) files.push(imported);
        }
      }
      const codes = files.map((file) => readFileSync(file));
      const row = measure('samen.bundle.js', Buffer.concat(codes));
      row.gzip = codes.reduce((sum, code) => sum + gzipSize(code), 0);
      row.brotli = codes.reduce((sum, code) => sum + brotliSize(code), 0);
      if (files.length > 1) notes.push(`samen.bundle.js: the entry and the ${files.length - 1} chunk(s) it imports up front`);
      rows.push(row);
    } else errors.push(`${bundlePath} is missing: run \`npm run build\` first`);

    const config = JSON.parse(readFileSync('bench/budgets.json', 'utf8'));
    const budgets = config.gzipBytes;
    const targets = config.targets ?? {};
    for (const row of rows) {
      if (row.peer) continue;
      row.budget = budgets[row.name];
      row.target = targets[row.name] ?? targets[row.name.replace(/\/.*/, '/*')];
      if (typeof row.budget !== 'number') {
        errors.push(
          `${row.name}: no budget (a new entry?). Add "${row.name}": <bytes> to gzipBytes in bench/budgets.json, ` +
            `or run \`node bench/size.mjs --update-budgets\` to re-baseline (measured ${row.gzip.toLocaleString('en-US')} B gzip)`,
        );
      } else if (row.gzip > row.budget) {
        errors.push(
          `${row.name}: ${row.gzip.toLocaleString('en-US')} B min+gzip is over its budget of ${row.budget.toLocaleString('en-US')} B`,
        );
      }
    }
  } catch (error) {
    errors.push(/** @type {Error} */ (error).stack ?? String(error));
  } finally {
    process.chdir(previous);
  }
  return { rows, notes, errors, costs, comparisons };
}

/**
 * New budgets from measured sizes: each row's gzip × `factor`, rounded up to 100 B. Rows with
 * no budget yet get one, budgets of entries that are gone are dropped, the rest keep their order.
 * @param {Record<string, number>} current gzipBytes as in bench/budgets.json
 * @param {{ name: string, gzip: number, peer?: boolean }[]} rows
 * @returns {{ budgets: Record<string, number>, changes: string[] }}
 */
export function rebaseline(current, rows, factor = 1.05) {
  const measured = new Map(rows.filter((r) => !r.peer).map((r) => [r.name, Math.ceil((r.gzip * factor) / 100) * 100]));
  /** @type {Record<string, number>} */
  const budgets = {};
  const changes = [];
  const fmt = (/** @type {number} */ n) => n.toLocaleString('en-US');
  for (const [name, old] of Object.entries(current)) {
    const next = measured.get(name);
    if (next === undefined) {
      changes.push(`- ${name}: ${fmt(old)} (no longer built)`);
      continue;
    }
    budgets[name] = next;
    if (next !== old) changes.push(`~ ${name}: ${fmt(old)} → ${fmt(next)} (${next > old ? '+' : ''}${fmt(next - old)})`);
  }
  for (const [name, next] of measured) {
    if (name in budgets) continue;
    budgets[name] = next;
    changes.push(`+ ${name}: ${fmt(next)} (new)`);
  }
  return { budgets, changes };
}

/** The table as text, for the console and BENCHMARKS.md. */
export function sizeTable(/** @type {Awaited<ReturnType<typeof measureSizes>>['rows']} */ rows) {
  const fmt = (/** @type {number | undefined} */ n) => (n == null ? '-' : n.toLocaleString('en-US'));
  const table = [['', 'min', 'gzip', 'brotli', 'budget (gzip)', 'used', 'target / note']];
  for (const r of rows) {
    const used = typeof r.budget === 'number' ? `${Math.round((r.gzip / r.budget) * 100)}%` : '-';
    const target = typeof r.target === 'number' ? `${fmt(r.target)} ${r.gzip <= r.target ? 'met' : 'not yet'}` : (r.note ?? '');
    table.push([r.name, fmt(r.min), fmt(r.gzip), fmt(r.brotli), fmt(r.budget), used, target]);
  }
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  return table
    .flatMap((row, i) => {
      const line = row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
      return i === 0 ? [line, widths.map((w) => '-'.repeat(w)).join('  ')] : [line];
    })
    .join('\n');
}

/** BENCHMARKS.md, whose size tables (between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->`) this file writes. */
export const BENCHMARKS = join(root, 'BENCHMARKS.md');

/**
 * The measurement behind BENCHMARKS.md's size tables, as `--write` took it, with the fingerprint
 * of the files it was taken from. Sizes are deterministic for those files, so CI's table and
 * budget checks (bench/test/size-table.test.mjs) use it while the fingerprint still matches and
 * measure again (~40 rollup + terser builds, ~4 CPU-minutes) when anything it depends on changed
 * (issue 20: CI time).
 */
export const RECORDED_SIZES = join(root, 'bench/sizes.json');

/** Outside src/: the files whose bytes decide the sizes (the build, its tools' versions, the budgets). */
const SIZE_INPUT_FILES = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'rollup.config.js',
  'bench/size.mjs',
  'bench/runtime/build.mjs',
  'bench/budgets.json',
  'scripts/widgets.mjs',
];

/** Every file the sizes depend on, relative to the repository: all of src/ and {@link SIZE_INPUT_FILES}. */
export function sizeInputs(dir = root) {
  /** @type {string[]} */
  const files = [];
  const walk = (/** @type {string} */ folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(join(dir, 'src'));
  return [...files, ...SIZE_INPUT_FILES.filter((f) => existsSync(join(dir, f)))].sort();
}

/** sha256 over each file's path and bytes, in order: any change to any of them changes it. */
export function fingerprintOf(/** @type {{ path: string, bytes: Buffer | string }[]} */ files) {
  const hash = createHash('sha256');
  for (const { path, bytes } of files) hash.update(`${path}\0${Buffer.byteLength(bytes)}\0`).update(bytes);
  return hash.digest('hex');
}

/** The fingerprint of this tree's size inputs. */
export function sizeFingerprint(dir = root) {
  return fingerprintOf(sizeInputs(dir).map((path) => ({ path, bytes: readFileSync(join(dir, path)) })));
}

/**
 * The sizes for this tree: the recorded measurement when it was taken from exactly these files,
 * else measured now (`fresh` forces a measurement). `recorded` says which.
 * @returns {Promise<{ sizes: Awaited<ReturnType<typeof measureSizes>>, recorded: boolean, fingerprint: string }>}
 */
export async function sizesForTree({ fresh = false } = {}) {
  const fingerprint = sizeFingerprint();
  if (!fresh && existsSync(RECORDED_SIZES)) {
    const saved = JSON.parse(readFileSync(RECORDED_SIZES, 'utf8'));
    if (saved.fingerprint === fingerprint) return { sizes: saved.sizes, recorded: true, fingerprint };
  }
  return { sizes: await measureSizes(), recorded: false, fingerprint };
}

/**
 * The size tables of BENCHMARKS.md, as `node bench/size.mjs --write` writes them and
 * bench/test/size-table.test.mjs checks them: `sizes` (every row against its budget and the
 * issues' targets, with the notes) and `size-peers` (each peer against our entry with lit, both
 * as a page downloads them up front, and what ours loads on demand).
 * @param {Pick<Awaited<ReturnType<typeof measureSizes>>, 'rows' | 'notes' | 'comparisons'>} sizes
 * @returns {Record<'sizes' | 'size-peers', string>}
 */
export function sizeMarkdown({ rows, notes, comparisons }) {
  const fmt = (/** @type {number | undefined} */ n) => (n == null ? '' : n.toLocaleString('en-US'));
  const sizes = [
    '| | min | gzip | brotli | budget (gzip) | used | target (gzip) |',
    '| --- | --: | --: | --: | --: | --: | --- |',
    ...rows
      .filter((r) => !r.peer)
      .map((r) => {
        const used = typeof r.budget === 'number' ? `${Math.round((r.gzip / r.budget) * 100)}%` : '';
        const target = typeof r.target === 'number' ? `${fmt(r.target)}: ${r.gzip <= r.target ? 'met' : '**not met**'}` : '';
        return `| ${r.name} | ${fmt(r.min)} | ${fmt(r.gzip)} | ${fmt(r.brotli)} | ${fmt(r.budget)} | ${used} | ${target} |`;
      }),
    '',
    ...notes.map((n) => `- ${n.replace(/\|/g, '\\|')}`),
  ].join('\n');
  const byName = new Map(rows.map((r) => [r.name, r]));
  const peers = [
    '| ours with lit, up front (Dutch) | gzip | peer with lit, up front | gzip | ours ÷ peer | ours on demand (gzip) |',
    '| --- | --: | --- | --: | --: | --- |',
    ...comparisons.map((c) => {
      const ours = byName.get(`entry+lit/${c.ours}`);
      const ratio = ours ? `${(ours.gzip / c.theirs.gzip).toFixed(2)}×` : '';
      const lazy = onDemand(c.lazy)
        .map(([what, gzip]) => `${what} ${fmt(gzip)}`)
        .join('; ');
      return `| ${c.ours} | ${fmt(ours?.gzip)} | ${c.peer} | ${fmt(c.theirs.gzip)} | ${ratio} | ${lazy} |`;
    }),
  ].join('\n');
  return { sizes, 'size-peers': peers };
}

/**
 * Lazy chunks grouped for the peer table: each language with every chunk of its words summed
 * (what a page pays the first time it shows that language), the teacher view, then the rest by
 * their modules.
 * @returns {[string, number][]}
 */
function onDemand(/** @type {LazyChunk[]} */ lazy) {
  /** @type {Map<string, number>} */
  const groups = new Map();
  const add = (/** @type {string} */ what, /** @type {number} */ gzip) => groups.set(what, (groups.get(what) ?? 0) + gzip);
  /** @type {[string, number][]} */
  const rest = [];
  for (const chunk of lazy) {
    const modules = chunk.name.split(' + ');
    const languages = new Set(modules.map((m) => /(?:^|\/)locales\/([\w-]+)$/.exec(m)?.[1]));
    const [language] = languages;
    if (languages.size === 1 && language) add(`language ${language}`, chunk.gzip);
    else if (modules.some((m) => m.endsWith('/teacher-view'))) add('teacher view', chunk.gzip);
    else rest.push([chunk.name, chunk.gzip]);
  }
  const order = (/** @type {string} */ what) => ['en', 'ar', 'tr', 'pl', 'uk'].indexOf(what.replace('language ', ''));
  const languages = [...groups].filter(([what]) => what.startsWith('language ')).sort((a, b) => order(a[0]) - order(b[0]));
  return [...languages, ...[...groups].filter(([what]) => !what.startsWith('language ')), ...rest];
}

/** `text` with what is between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->` replaced by `body`; undefined without the markers. */
export function replaceBlock(/** @type {string} */ text, /** @type {string} */ name, /** @type {string} */ body) {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) return undefined;
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

/** BENCHMARKS.md's text with its size tables as `sizes` makes them (throws when a table's markers are missing). */
export function withSizeTables(/** @type {string} */ text, /** @type {Parameters<typeof sizeMarkdown>[0]} */ sizes) {
  for (const [name, body] of Object.entries(sizeMarkdown(sizes))) {
    const next = replaceBlock(text, name, body);
    if (next === undefined) throw new Error(`BENCHMARKS.md has no <!-- bench:${name}:start --> … <!-- bench:${name}:end --> markers`);
    text = next;
  }
  return text;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const update = process.argv.includes('--update-budgets');
  const write = process.argv.includes('--write');
  const sizes = await measureSizes({ peers: !process.argv.includes('--no-peers') });
  const { rows, notes, errors } = sizes;
  const budgetProblem = (/** @type {string} */ e) => /: no budget \(|is over its budget/.test(e);
  const failures = update ? errors.filter((e) => !budgetProblem(e)) : errors;
  if (update && !failures.length) {
    const file = join(root, 'bench/budgets.json');
    const config = JSON.parse(readFileSync(file, 'utf8'));
    const { budgets, changes } = rebaseline(config.gzipBytes, rows);
    config.gzipBytes = budgets;
    if (typeof config.$comment === 'string') {
      config.$comment = config.$comment.replace(/measured on \d{4}-\d{2}-\d{2}/, `measured on ${new Date().toISOString().slice(0, 10)}`);
    }
    writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
    for (const row of rows) row.budget = budgets[row.name] ?? row.budget;
    console.log(
      changes.length
        ? `bench/budgets.json re-baselined to measured × 1.05:\n${changes.join('\n')}\n`
        : 'bench/budgets.json: no budget changed\n',
    );
  }
  console.log(sizeTable(rows));
  console.log(`\nbytes: terser-minified; gzip level 9, brotli quality 11.\n${notes.map((n) => `· ${n}`).join('\n')}`);
  const committed = readFileSync(BENCHMARKS, 'utf8');
  const tables = withSizeTables(committed, sizes);
  // A budget exceeded is shown in the tables (used over 100%); a build or measuring error writes nothing.
  if (write && !errors.some((e) => !budgetProblem(e))) {
    writeFileSync(BENCHMARKS, tables);
    writeFileSync(RECORDED_SIZES, `${JSON.stringify({ fingerprint: sizeFingerprint(), sizes }, null, 1)}\n`);
    console.log(tables === committed ? '\nBENCHMARKS.md: its size tables were up to date' : '\nBENCHMARKS.md: wrote its size tables');
  } else if (tables !== committed)
    console.log("\n· BENCHMARKS.md's size tables differ from these figures: `node bench/size.mjs --write` rewrites them");
  for (const error of failures) console.error(`\n✗ ${error}`);
  if (failures.length) process.exit(1);
  console.log('✓ all within budget');
}
