#!/usr/bin/env node
/**
 * What each zod/mini schema or check that src/ uses costs, in min+gzip bytes above the floor
 * (one object of one string, parsed): each is built alone, then all together. For BENCHMARKS.md's
 * "why does zod cost what it costs". Usage: node bench/zod-cost.mjs
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { gzipSync } from 'node:zlib';
const base = `a: z.string()`;
const feats = {
  floor: '',
  optional: 'b: z.optional(z.string()),',
  array: 'b: z.array(z.string()),',
  maxLength: 'b: z.string().check(z.maxLength(5), z.minLength(1)),',
  int: 'b: z.int().check(z.positive(), z.lte(9)),',
  number: 'b: z.number(),',
  boolean: 'b: z.boolean(),',
  enum: "b: z.enum(['x','y']),",
  literal: "b: z.literal('x'),",
  record: 'b: z.record(z.string(), z.string()),',
  isoDatetime: 'b: z.iso.datetime({ offset: true }),',
  regex: 'b: z.string().check(z.regex(/^a/)),',
  trim: 'b: z.string().check(z.trim()),',
  refine: 'b: z.string().check(z.refine((v) => v.length > 1, { message: "x" })),',
  unknown: 'b: z.unknown(),',
  discriminatedUnion: "b: z.discriminatedUnion('k', [z.object({ k: z.literal('a') }), z.object({ k: z.literal('b') })]),",
};
let key = 0;
feats['all of them'] = Object.values(feats)
  .join(' ')
  .replace(/b:/g, () => `b${(key += 1)}:`);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const size = async (/** @type {string} */ src) => {
  const b = await rollup({
    input: 'v',
    onwarn() {},
    plugins: [
      { name: 'v', resolveId: (id, imp) => (id === 'v' && !imp ? '\0v' : null), load: (id) => (id === '\0v' ? src : null) },
      nodeResolve({ browser: true, rootDir: root }),
      terser({ ecma: 2020, module: true, format: { comments: false } }),
    ],
  });
  const { output } = await b.generate({ format: 'es' });
  return gzipSync(output[0].code, { level: 9 }).length;
};
let floor;
for (const [name, f] of Object.entries(feats)) {
  const g = await size(`import * as z from 'zod/mini'; export const p = (v) => z.safeParse(z.object({ ${base}, ${f} }), v);`);
  floor ??= g;
  console.log(`${name.padEnd(20)} ${String(g).padStart(5)} B  +${g - floor}`);
}
