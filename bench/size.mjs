#!/usr/bin/env node
/**
 * Size budgets, in minified + gzip (level 9) bytes.
 *
 *  - every widget entry in src/define/: bundled on its own as a self-contained graph
 *    (zod, date-fns, idb and our own code bundled in, terser-minified), with lit and
 *    @lit/* left out, because a host page shares one lit between all its components;
 *  - dist/samen.bundle.js as built by `npm run build` (everything, lit included).
 *
 * Budgets live in bench/budgets.json. Exits 1 when anything is over budget, has no
 * budget, or can't be measured. Run after `npm run build`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zlib } from 'node:zlib';
import { rollup } from 'rollup';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8')).gzipBytes;
const gzipSize = (/** @type {string | Buffer} */ code) =>
  gzipSync(code, { level: zlib.Z_BEST_COMPRESSION }).length;
const isLit = (/** @type {string} */ id) => /^(lit|@lit\/[^/]+)(\/|$)/.test(id);
const inZod = (/** @type {string | undefined} */ id) => !!id && /[\\/]node_modules[\\/]zod[\\/]/.test(id);

/** @type {{ name: string, min: number | null, gzip: number | null, error?: string }[]} */
const rows = [];

/** @type {import('rollup').RollupCache | undefined} */
let cache;
const entries = readdirSync('src/define')
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .sort()
  .map((f) => join('src/define', f));

for (const input of entries) {
  const name = relative('src', input).replace(/\.ts$/, '');
  try {
    const bundle = await rollup({
      input,
      cache,
      external: isLit,
      onwarn(warning, warn) {
        if (warning.code === 'CIRCULAR_DEPENDENCY' && (warning.ids ?? []).every(inZod)) return;
        if (warning.code === 'INVALID_ANNOTATION' && inZod(warning.id)) return;
        warn(warning);
      },
      plugins: [
        nodeResolve({ browser: true }),
        typescript({
          tsconfig: './tsconfig.json',
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
    cache = bundle.cache;
    const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
    await bundle.close();
    const code = output.map((o) => (o.type === 'chunk' ? o.code : '')).join('');
    rows.push({ name, min: Buffer.byteLength(code), gzip: gzipSize(code) });
  } catch (err) {
    rows.push({ name, min: null, gzip: null, error: /** @type {Error} */ (err).message });
  }
}

const bundlePath = 'dist/samen.bundle.js';
if (existsSync(bundlePath)) {
  const code = readFileSync(bundlePath);
  rows.push({ name: 'samen.bundle.js', min: code.length, gzip: gzipSize(code) });
} else {
  rows.push({ name: 'samen.bundle.js', min: null, gzip: null, error: `${bundlePath} is missing: run \`npm run build\` first` });
}

// Report.
const fmt = (/** @type {number | null | undefined} */ n) => (n == null ? '-' : n.toLocaleString('en-US'));
const table = [['entry', 'min', 'min+gzip', 'budget', 'used', 'status']];
let failed = false;
for (const r of rows) {
  const budget = budgets[r.name];
  let status = 'ok';
  if (r.error) status = 'ERROR';
  else if (typeof budget !== 'number') status = 'NO BUDGET';
  else if (/** @type {number} */ (r.gzip) > budget) status = 'OVER';
  if (status !== 'ok') failed = true;
  const used = r.gzip != null && typeof budget === 'number' ? `${Math.round((r.gzip / budget) * 100)}%` : '-';
  table.push([r.name, fmt(r.min), fmt(r.gzip), fmt(budget), used, status]);
}
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
for (const [i, row] of table.entries()) {
  console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
console.log('\nwidget entries: lit and @lit/* external, everything else bundled; bytes are gzip level 9.');

for (const r of rows) {
  if (r.error) console.error(`\n✗ ${r.name}: ${r.error}`);
  else if (typeof budgets[r.name] !== 'number') {
    console.error(`\n✗ ${r.name}: no budget; add "${r.name}": <bytes> to gzipBytes in bench/budgets.json`);
  } else if (/** @type {number} */ (r.gzip) > budgets[r.name]) {
    console.error(`\n✗ ${r.name}: ${fmt(r.gzip)} B min+gzip is over its budget of ${fmt(budgets[r.name])} B`);
  }
}
if (failed) process.exit(1);
console.log('✓ all within budget');
