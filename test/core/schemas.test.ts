/**
 * The shared checks in src/core/schemas.ts (`lengthBetween`, `integer`, `matching`, `recordOf`, the ISO date-time, the content language)
 * stand in for zod's own (z.minLength/z.maxLength, z.int with its bounds, z.regex, z.record,
 * z.iso.datetime, z.catch) to keep every entry smaller: they must accept, reject and output exactly what
 * zod's did, with the same issue paths and messages (what `samen-error` reports), for every
 * kind of hostile value, alone, in an object and in a list.
 */
import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { contentLangSchema, integer, isoDateSchema, lengthBetween, matching, recordOf } from '../../src/core/schemas.js';
import { isLangTag } from '../../src/core/content-lang.js';

const symbol = Symbol('s');
const VALUES: unknown[] = [
  ...['', ' ', 'a', ' a ', 'abcdef', 'x'.repeat(200), 'x'.repeat(201), '1', '__proto__'],
  ...[[], ['a'], ['a', 'b', 'c'], [1]],
  ...[0, -0, 1, -1, 1.5, 5, 6, 999, 1000, NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 53), 1e300],
  ...[null, undefined, true, {}, { length: 3 }, new Date(0), new Map(), Object.create(null)],
  ...['2026-03-02T08:30:00Z', '2024-02-29T00:00:00+01:00', '2026-02-29T00:00:00Z', '2026-03-02T08:30:00', '2026-03-02T08:30:00.123Z'],
  ...['nl', 'en-GB', 'NL', 'ar-MA', 'x-klingon', 'en_GB', 'nl-', 'zh-Hant-TW'],
  ...['2026-03-02', '2026-03-02T24:00:00Z', '2026-03-02T08:30Z', '2026-03-02T08:30:00+1:00', ' 2026-03-02T08:30:00Z'],
  ...[
    { a: 1 },
    { a: '1' },
    { a: ' hi ', b: ['x', ' y '] },
    { x: [' a ', 3, null] },
    { 2: 1, 1: 2, b: 3, a: -1.5 },
    { k: { a: 1, b: 1.5 } },
  ],
  JSON.parse('{"__proto__": 5, "constructor": 3, "toString": 1}'),
  JSON.parse('{"__proto__": {"a": "x"}, "k": {"a": "y", "b": -1}}'),
  { [symbol]: 1, a: 1 },
  Object.defineProperty({ a: 1 }, 'hidden', { value: 'x', enumerable: false }),
  Object.assign(Object.create(null), { k: 2 }),
];

const text = z.string().check(
  z.trim(),
  z.overwrite((s) => (s.length > 5 ? `${s.slice(0, 5)}…` : s)),
);
const PAIRS: [string, z.ZodMiniType, z.ZodMiniType][] = [
  ['id', z.string().check(z.minLength(1), z.maxLength(200)), z.string().check(lengthBetween(1, 200))],
  ['required text', z.string().check(z.trim(), z.minLength(1)), z.string().check(z.trim(), lengthBetween(1))],
  ['short text', z.string().check(z.trim(), z.maxLength(5)), z.string().check(z.trim(), lengthBetween(0, 5))],
  ['list', z.array(z.string()).check(z.minLength(1), z.maxLength(2)), z.array(z.string()).check(lengthBetween(1, 2))],
  ['count', z.int().check(z.nonnegative()), integer(0)],
  ['lesson number', z.int().check(z.positive(), z.lte(999)), integer(1, 999)],
  ['strength', z.int().check(z.gte(1), z.lte(5)), integer(1, 5)],
  ['pattern', z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/)), z.string().check(matching(/^[a-z][a-z0-9-]{0,39}$/))],
  ['content language', z.optional(z.catch(z.optional(z.string().check(z.refine(isLangTag))), undefined)), contentLangSchema],
  ['date-time', z.iso.datetime({ offset: true }), isoDateSchema],
  ['record of counts', z.record(z.string(), z.int().check(z.nonnegative())), recordOf(integer(0))],
  ['record of texts', z.record(z.string(), z.array(text)), recordOf(z.array(text))],
  [
    'record of objects',
    z.record(z.string(), z.object({ a: z.string(), b: z.optional(z.int()) })),
    recordOf(z.object({ a: z.string(), b: z.optional(integer(-Infinity)) })),
  ],
];

/** What a widget reports of a parse: the data (and whether it is a plain object), or each issue's path and message. */
function outcome(schema: z.ZodMiniType, value: unknown): string {
  const result = z.safeParse(schema, value);
  if (!result.success) return JSON.stringify(result.error.issues.map((i) => [i.path.map(String).join('.'), i.message]));
  const data: unknown = result.data;
  const plain = !!data && typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype;
  return JSON.stringify({ data, plain, keys: data && typeof data === 'object' ? Object.keys(data) : [] });
}

describe('shared schema checks', () => {
  for (const [name, theirs, ours] of PAIRS) {
    it(`${name}: accepts, rejects and outputs what zod's own checks do`, () => {
      const differences: string[] = [];
      for (const [index, value] of VALUES.entries()) {
        for (const [how, wrap, input] of [
          ['alone', (s: z.ZodMiniType) => s, value],
          ['in an object', (s: z.ZodMiniType) => z.object({ f: s }), { f: value }],
          ['in a list', (s: z.ZodMiniType) => z.array(s), [value, value]],
        ] as const) {
          const expected = outcome(wrap(theirs), input);
          const actual = outcome(wrap(ours), input);
          if (actual !== expected) differences.push(`value ${index} ${how}: ${actual}, zod: ${expected}`);
        }
      }
      expect(differences).to.deep.equal([]);
    });
  }
});
