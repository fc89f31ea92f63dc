/**
 * The zod/mini schemas every widget shares: ids and text, language tags, programmes and the
 * viewer. Each widget's own schemas, types and limits live in its folder
 * (src/<widget>/schemas.ts), so an entry ships only the schemas of the widgets it holds:
 * rollup keeps top-level zod calls (they are not pure), so nothing widget-specific belongs
 * here, and this module re-exports none of them (src/core/index.ts does, for vendors).
 * Domain types are inferred from the schemas, so the runtime check and the type can't drift.
 */
import * as z from 'zod/mini';
import { isSafeUrl } from './safe-url.js';
import { isLangTag } from './content-lang.js';

/** Texts from the adapter longer than this are cut, so a runaway field can't blow up a card. */
export const TEXT_DISPLAY_MAX = 4000;

export const idSchema = z.string().check(z.minLength(1), z.maxLength(200));
export const requiredTextSchema = z.string().check(z.trim(), z.minLength(1));
/** Free text from the host: trimmed and clamped, never rejected for length. */
export const textSchema = z.string().check(
  z.trim(),
  z.overwrite((s) => (s.length > TEXT_DISPLAY_MAX ? `${s.slice(0, TEXT_DISPLAY_MAX)}…` : s)),
);
export const titleSchema = requiredTextSchema.check(z.overwrite((s) => (s.length > 200 ? `${s.slice(0, 200)}…` : s)));
export const isoDateSchema = z.iso.datetime({ offset: true });
export const countSchema = z.int().check(z.nonnegative());
export const safeUrlSchema = z.string().check(z.refine(isSafeUrl, { message: 'URL must be https: or blob:' }));

/** A BCP 47 language tag such as `nl` or `en-GB` (conservative: language, script, region, variants). */
export const langTagSchema = z.string().check(z.refine(isLangTag, { message: 'not a BCP 47 language tag' }));
/**
 * The language of an item's school words (`nl`, `en`…); absent means the page's `contentLang`.
 * A tag that is not BCP 47 is dropped here, never fatal: widgets report it as repaired data.
 */
export const contentLangSchema = z.optional(z.catch(z.optional(langTagSchema), undefined));

export const PROGRAMMES = ['wish', 'kanjer', 'pbs', 'custom'] as const;
export const programmeSchema = z.enum(PROGRAMMES);
export type Programme = z.infer<typeof programmeSchema>;

export const viewerRoleSchema = z.enum(['parent', 'teacher', 'child', 'care-coordinator', 'school-leader']);
export const viewerSchema = z.object({
  id: idSchema,
  role: viewerRoleSchema,
  /** The family (household) this carer belongs to; teachers count families, not clicks. */
  familyId: z.optional(idSchema),
  name: z.optional(textSchema),
  classIds: z.optional(z.array(idSchema)),
  childIds: z.optional(z.array(idSchema)),
  /** The viewer's school: whose expectation matrix is theirs (see src/core/policy.ts). */
  schoolId: z.optional(idSchema),
});
export type Viewer = z.infer<typeof viewerSchema>;
export type ViewerRole = z.infer<typeof viewerRoleSchema>;

/** A pictogram beside an expectation (an emoji or a host's short code), as reward charts and matrices show it. */
export const pictogramSchema = z.optional(z.string().check(z.maxLength(16)));
