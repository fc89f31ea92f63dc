/**
 * The zod/mini schemas every widget shares: ids and text, language tags, programmes and the
 * viewer. Each widget's own schemas, types and limits live in its folder
 * (src/<widget>/schemas.ts), so an entry ships only the schemas of the widgets it holds:
 * rollup keeps top-level zod calls (it can't know they are pure), so nothing widget-specific
 * belongs here, and this module re-exports none of them (src/core/index.ts does, for vendors).
 * The shared ones below carry a pure annotation (they only build objects): an entry that uses
 * none of, say, the title or the pictogram drops them and the checks only they need (~0.2 KB).
 * Domain types are inferred from the schemas, so the runtime check and the type can't drift.
 */
import * as z from 'zod/mini';
import { isSafeUrl } from './safe-url.js';
import { isLangTag } from './content-lang.js';

/** Texts from the adapter longer than this are cut, so a runaway field can't blow up a card. */
export const TEXT_DISPLAY_MAX = 4000;

/*
 * Size: every kind of zod check an entry uses ships its own code (z.minLength, z.maxLength,
 * z.int, z.lte, z.regex, z.record, z.iso.datetime… ~0.2-0.8 KB min+gzip each), so the schemas use
 * shared refine-style checks instead: `lengthBetween`, `integer`, `matching`, `recordOf`, `isoDateSchema`.
 * They accept, reject and output exactly what zod's did, with the same issue paths and
 * message (zod/mini's "Invalid input"); only an issue's `code` is `custom` now (widgets and
 * `samen-error` report paths and messages). test/core/schemas.test.ts compares them with zod's.
 */
const hasLength = (payload: { value: unknown }): boolean =>
  payload.value != null && (payload.value as { length?: unknown }).length !== undefined;
/**
 * A string's or array's length between `min` and `max`: z.minLength + z.maxLength as one check.
 * Like them it also runs after a type error on anything with a length (`when`).
 */
export const lengthBetween = <T extends { length: number }>(min: number, max = Infinity) =>
  z.refine<T>((v) => v.length >= min && v.length <= max, { when: hasLength });
/**
 * An integer between `min` and `max`: z.int() with z.gte/z.lte/z.positive/z.nonnegative, in
 * their steps (a fraction stops there; an unsafe integer, like 2^53, and one out of range are
 * one issue each).
 */
export const integer = (min: number, max = Infinity) =>
  z.number().check(
    z.refine<number>(Number.isInteger, { abort: true }),
    z.refine<number>(Number.isSafeInteger),
    z.refine<number>((n) => n >= min && n <= max),
  );

/** A string matching `pattern`: z.regex as a refine. */
export const matching = (pattern: RegExp) => z.refine<string>((s) => pattern.test(s));

/** zod's own test for a record (util.isPlainObject; `z.core.util` would bundle all of zod's core). */
function isPlainObject(value: unknown): value is Record<PropertyKey, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const ctor: unknown = (value as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const proto: unknown = ctor.prototype;
  return (
    typeof proto === 'object' && proto !== null && !Array.isArray(proto) && Object.prototype.hasOwnProperty.call(proto, 'isPrototypeOf')
  );
}

/**
 * z.record(z.string(), value) as one shared custom check (z.record ships ~0.7 KB): a plain
 * object, each own enumerable key's value parsed by `value` (its output kept, its issues under
 * that key), an own `__proto__` field left out and a symbol key refused, as z.record does.
 */
export const recordOf = <T extends z.ZodMiniType>(value: T) =>
  z.custom<Record<string, z.output<T>>>(isPlainObject).check(
    z.check((payload) => {
      const input = payload.value as Record<PropertyKey, unknown>;
      const out: Record<string, z.output<T>> = {};
      for (const key of Reflect.ownKeys(input)) {
        if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(input, key)) continue;
        if (typeof key !== 'string') {
          payload.issues.push({ code: 'custom', input: key, path: [key], message: 'Invalid input' });
          continue;
        }
        const result = z.safeParse(value, input[key]);
        if (result.success) out[key] = result.data;
        else
          for (const issue of result.error.issues)
            payload.issues.push({ code: 'custom', input: undefined, path: [key, ...issue.path], message: issue.message });
      }
      payload.value = out;
    }),
  );

export const idSchema = /* @__PURE__ */ z.string().check(lengthBetween(1, 200));
export const requiredTextSchema = /* @__PURE__ */ z.string().check(z.trim(), lengthBetween(1));
/** Free text from the host: trimmed and clamped, never rejected for length. */
export const textSchema = /* @__PURE__ */ z.string().check(
  z.trim(),
  z.overwrite((s) => (s.length > TEXT_DISPLAY_MAX ? `${s.slice(0, TEXT_DISPLAY_MAX)}…` : s)),
);
export const titleSchema = /* @__PURE__ */ requiredTextSchema.check(z.overwrite((s) => (s.length > 200 ? `${s.slice(0, 200)}…` : s)));
/**
 * An ISO 8601 date-time with seconds and `Z` or an offset (`2026-03-02T08:30:00+01:00`):
 * z.iso.datetime({ offset: true })'s own pattern (zod 4.6), as a refine (see `lengthBetween`).
 */
const ISO_DATE_TIME =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
export const isoDateSchema = /* @__PURE__ */ z.string().check(z.refine<string>((s) => ISO_DATE_TIME.test(s)));
export const countSchema = /* @__PURE__ */ integer(0);
export const safeUrlSchema = /* @__PURE__ */ z.string().check(z.refine(isSafeUrl, { message: 'URL must be https: or blob:' }));

/** A BCP 47 language tag such as `nl` or `en-GB` (conservative: language, script, region, variants). */
export const langTagSchema = /* @__PURE__ */ z.string().check(z.refine(isLangTag, { message: 'not a BCP 47 language tag' }));
/**
 * The language of an item's school words (`nl`, `en`…); absent means the page's `contentLang`.
 * A tag that is not BCP 47 is dropped here, never fatal: widgets report it as repaired data.
 */
export const contentLangSchema = /* @__PURE__ */ z.optional(
  // z.catch(z.optional(langTagSchema), undefined), without z.catch's code (see `lengthBetween`).
  /* @__PURE__ */ z
    .custom<string | undefined>(() => true)
    .check(z.overwrite((v) => (typeof v === 'string' && isLangTag(v) ? v : undefined))),
);

export const PROGRAMMES = ['wish', 'kanjer', 'pbs', 'custom'] as const;
export const programmeSchema = /* @__PURE__ */ z.enum(PROGRAMMES);
export type Programme = z.infer<typeof programmeSchema>;

export const viewerRoleSchema = /* @__PURE__ */ z.enum(['parent', 'teacher', 'child', 'care-coordinator', 'school-leader']);
export const viewerSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  role: viewerRoleSchema,
  /** The family (household) this carer belongs to; teachers count families, not clicks. */
  familyId: z.optional(idSchema),
  /**
   * The household (address) within the family this carer belongs to, when a child has more than
   * one (two homes after a divorce): its answers, drafts and threads are its own (issue 24).
   * Absent: the family is one household, as before.
   */
  householdId: z.optional(idSchema),
  /**
   * The school's setting as it applies to this carer: the family's households share their
   * answers, drafts and threads with each other. Absent or false (the default): each household's own.
   */
  shareWithinFamily: z.optional(z.boolean()),
  name: z.optional(textSchema),
  classIds: z.optional(z.array(idSchema)),
  childIds: z.optional(z.array(idSchema)),
  /** The viewer's school: whose expectation matrix is theirs (see src/core/policy.ts). */
  schoolId: z.optional(idSchema),
});
export type Viewer = z.infer<typeof viewerSchema>;
export type ViewerRole = z.infer<typeof viewerRoleSchema>;

/** A pictogram beside an expectation (an emoji or a host's short code), as reward charts and matrices show it. */
export const pictogramSchema = /* @__PURE__ */ z.optional(z.string().check(lengthBetween(0, 16)));
