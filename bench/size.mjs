#!/usr/bin/env node
/**
 * Sizes, in minified + gzip (level 9) and brotli (quality 11) bytes, against the budgets in
 * bench/budgets.json:
 *
 *  - own/<widget>:  each widget's own code, when the five widgets and the provider are built
 *                   together with code splitting (lit external), as a bundler does for a host
 *                   that uses several widgets;
 *  - core:          everything those widgets share (base element, schemas, i18n with Dutch and
 *                   English, zod/mini, date-fns functions, draft store): the shared chunks;
 *  - all widgets + lit: the five widgets, the provider, the core and lit in one file;
 *  - entry/<widget>: one widget entry on its own, everything but lit bundled in, for a host
 *                   that uses just that one;
 *  - locale/<xx>:   a home language, loaded only when a host imports it;
 *  - samen.bundle.js: the script-tag bundle as built by `npm run build` (adapters included).
 *
 * Also reports what zod and date-fns cost inside the core, and proves no home language ends
 * up in the core. Exits 1 when anything is over budget, has no budget, or can't be measured.
 *
 *   node bench/size.mjs            (after `npm run build`)   or   import { measureSizes } from './size.mjs'
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { rollup } from 'rollup';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const gzipSize = (/** @type {string | Buffer} */ code) => gzipSync(code, { level: zlib.Z_BEST_COMPRESSION }).length;
export const brotliSize = (/** @type {string | Buffer} */ code) =>
  brotliCompressSync(code, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
const isLit = (/** @type {string} */ id) => /^(lit|lit-html|lit-element|@lit\/[^/]+|@lit-labs\/[^/]+)(\/|$)/.test(id);
const inPackage = (/** @type {string} */ name) => (/** @type {string | undefined} */ id) =>
  !!id && new RegExp(`[\\\\/]node_modules[\\\\/]${name}[\\\\/]`).test(id);
const inZod = inPackage('zod');

/** @param {{ external?: (id: string) => boolean }} options */
async function build(input, { external } = {}) {
  return rollup({
    input,
    external,
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' && (warning.ids ?? []).every(inZod)) return;
      if (warning.code === 'INVALID_ANNOTATION' && inZod(warning.id)) return;
      warn(warning);
    },
    plugins: [
      nodeResolve({ browser: true }),
      typescript({
        tsconfig: join(root, 'tsconfig.json'),
        declaration: false,
        declarationMap: false,
        declarationDir: undefined,
        outDir: undefined,
        noEmitOnError: false,
        outputToFilesystem: false,
      }),
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

/**
 * @returns {Promise<{ rows: { name: string, min: number, gzip: number, brotli: number, budget?: number, target?: number }[],
 *   notes: string[], errors: string[] }>}
 */
export async function measureSizes() {
  const previous = process.cwd();
  process.chdir(root);
  const rows = [];
  const notes = [];
  const errors = [];
  try {
    const defineFiles = readdirSync('src/define').filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
    const widgets = defineFiles.map((f) => f.replace(/\.ts$/, ''));

    // 1. Widgets together, code-split: own code per widget, and the shared core.
    const split = await build(defineFiles.map((f) => join('src/define', f)), { external: isLit });
    const { output } = await split.generate({ format: 'es', entryFileNames: '[name].js', chunkFileNames: 'shared-[hash].js' });
    await split.close();
    const chunks = output.filter((o) => o.type === 'chunk');
    const shared = chunks.filter((c) => !c.isEntry);
    for (const chunk of chunks.filter((c) => c.isEntry)) rows.push(measure(`own/${chunk.name}`, chunk.code));
    const core = measure('core', shared.map((c) => c.code).join('\n'));
    // Served as separate files, each compressed on its own: that is what a browser downloads.
    core.gzip = shared.reduce((sum, c) => sum + gzipSize(c.code), 0);
    core.brotli = shared.reduce((sum, c) => sum + brotliSize(c.code), 0);
    rows.push(core);

    // What zod and date-fns cost (by share of the code of all the widgets together; gzip is approximate).
    const sharedModules = chunks.flatMap((c) => Object.entries(c.modules));
    const bytesOf = (/** @type {(id: string) => boolean} */ test) =>
      sharedModules.filter(([id]) => test(id)).reduce((sum, [, m]) => sum + m.renderedLength, 0);
    const coreRendered = bytesOf(() => true);
    const allGzip = chunks.reduce((sum, c) => sum + gzipSize(c.code), 0);
    for (const [label, test] of [
      ['zod (zod/mini)', inZod],
      ['date-fns', inPackage('date-fns')],
      ['message tables (nl, en)', (/** @type {string} */ id) => /src[\\/]core[\\/]locales[\\/]/.test(id)],
    ]) {
      const bytes = bytesOf(/** @type {(id: string) => boolean} */ (test));
      const share = bytes / coreRendered;
      notes.push(`${label}: ${Math.round(share * 100)}% of all five widgets' code ≈ ${Math.round(share * allGzip).toLocaleString('en-US')} B gzip`);
    }
    const allModules = chunks.flatMap((c) => Object.keys(c.modules));
    const homeLanguages = allModules.filter((id) => /src[\\/](core[\\/])?locales[\\/](?!en|nl)\w+\.ts$/.test(id));
    if (homeLanguages.length) errors.push(`home languages must load lazily, but the widgets include: ${homeLanguages.join(', ')}`);
    else notes.push('home languages (ar, tr, pl, uk): none in the widgets or the core; each loads on its own');

    // 2. Everything a page with all five widgets downloads: widgets, core and lit.
    const all = await build(defineFiles.map((f) => join('src/define', f)));
    const allOut = await all.generate({ format: 'es', chunkFileNames: 'shared-[hash].js' });
    await all.close();
    const allChunks = allOut.output.filter((o) => o.type === 'chunk');
    rows.push({
      ...measure('all widgets + lit', allChunks.map((c) => c.code).join('\n')),
      gzip: allChunks.reduce((sum, c) => sum + gzipSize(c.code), 0),
      brotli: allChunks.reduce((sum, c) => sum + brotliSize(c.code), 0),
    });

    // 3. One widget on its own (lit external), as a host with just that widget gets it.
    for (const widget of widgets) {
      const bundle = await build(join('src/define', `${widget}.ts`), { external: isLit });
      const { output: single } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
      await bundle.close();
      rows.push(measure(`entry/${widget}`, single.map((o) => (o.type === 'chunk' ? o.code : '')).join('')));
    }

    // 4. Home languages, as a host loads one.
    for (const file of readdirSync('src/locales').filter((f) => f.endsWith('.ts')).sort()) {
      const bundle = await build(join('src/locales', file), { external: (id) => /core[\\/]i18n/.test(id) });
      const { output: lang } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
      await bundle.close();
      rows.push(measure(`locale/${file.replace(/\.ts$/, '')}`, lang.map((o) => (o.type === 'chunk' ? o.code : '')).join('')));
    }

    // 5. The script-tag bundle as built.
    const bundlePath = 'dist/samen.bundle.js';
    if (existsSync(bundlePath)) rows.push(measure('samen.bundle.js', readFileSync(bundlePath)));
    else errors.push(`${bundlePath} is missing: run \`npm run build\` first`);

    const config = JSON.parse(readFileSync('bench/budgets.json', 'utf8'));
    const budgets = config.gzipBytes;
    const targets = config.targets ?? {};
    for (const row of rows) {
      row.budget = budgets[row.name];
      row.target = targets[row.name] ?? targets[row.name.replace(/\/.*/, '/*')];
      if (typeof row.budget !== 'number') errors.push(`${row.name}: no budget; add "${row.name}": <bytes> to gzipBytes in bench/budgets.json`);
      else if (row.gzip > row.budget) errors.push(`${row.name}: ${row.gzip.toLocaleString('en-US')} B min+gzip is over its budget of ${row.budget.toLocaleString('en-US')} B`);
    }
  } catch (error) {
    errors.push(/** @type {Error} */ (error).stack ?? String(error));
  } finally {
    process.chdir(previous);
  }
  return { rows, notes, errors };
}

/** The table as text, for the console and BENCHMARKS.md. */
export function sizeTable(/** @type {Awaited<ReturnType<typeof measureSizes>>['rows']} */ rows) {
  const fmt = (/** @type {number | undefined} */ n) => (n == null ? '-' : n.toLocaleString('en-US'));
  const table = [['', 'min', 'gzip', 'brotli', 'budget (gzip)', 'used', 'issue 9 target']];
  for (const r of rows) {
    const used = typeof r.budget === 'number' ? `${Math.round((r.gzip / r.budget) * 100)}%` : '-';
    const target = typeof r.target === 'number' ? `${fmt(r.target)} ${r.gzip <= r.target ? 'met' : 'not yet'}` : '';
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { rows, notes, errors } = await measureSizes();
  console.log(sizeTable(rows));
  console.log(`\nbytes: terser-minified; gzip level 9, brotli quality 11.\n${notes.map((n) => `· ${n}`).join('\n')}`);
  for (const error of errors) console.error(`\n✗ ${error}`);
  if (errors.length) process.exit(1);
  console.log('✓ all within budget');
}
