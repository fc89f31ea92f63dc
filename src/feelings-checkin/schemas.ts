/**
 * The feelings check-in's zod/mini schemas, types and limits: feelings (the default set and a
 * host's own) and check-ins.
 */
import * as z from 'zod/mini';
import {
  idSchema as id,
  requiredTextSchema as requiredText,
  textSchema as text,
  isoDateSchema as isoDate,
  safeUrlSchema,
  lengthBetween,
  integer,
  recordOf,
  matching,
} from '../core/schemas.js';

/** Longest note with a check-in. */
export const CHECKIN_NOTE_MAX_LENGTH = 280;

export const FEELINGS = ['happy', 'angry', 'scared', 'sad', 'proud', 'tired', 'nervous', 'calm'] as const;
/** A feeling id: the default set above or a host's own (e.g. a school's Kanjertraining words). */
export const feelingIdSchema = z.string().check(matching(/^[a-z][a-z0-9-]{0,39}$/));

/**
 * A feeling's picture. Drawn paths (as the built-in faces are): SVG path data only, no markup,
 * on a 24 × 24 grid unless `viewBox` says otherwise; each path is stroked in the text colour
 * (`stroke`, the default), filled with it (`fill`), or stroked and lightly filled with the
 * feeling's colour (`tint`). Or an image, `{ src }`: https: or blob: only. Or a host's own
 * short symbol as text (older sets: `'⚫'`; an emoji shows as a box where no emoji font is).
 */
export const feelingIconSchema = z.union([
  z.string().check(lengthBetween(1, 8)),
  z.object({ src: safeUrlSchema }),
  z.object({
    viewBox: z.optional(z.string().check(matching(/^-?[\d.]+( -?[\d.]+){3}$/))),
    paths: z
      .array(
        z.object({
          d: z.string().check(matching(/^[MmZzLlHhVvCcSsQqTtAa\d\s,.eE+-]{1,2000}$/)),
          paint: z.optional(z.enum(['stroke', 'fill', 'tint'])),
        }),
      )
      .check(lengthBetween(1, 12)),
  }),
]);
export type FeelingIcon = z.infer<typeof feelingIconSchema>;

/** A host-configured feeling: id, a word per locale, a picture and a colour (never the only cue). */
export const feelingDefinitionSchema = z.object({
  id: feelingIdSchema,
  labels: recordOf(requiredText),
  icon: feelingIconSchema,
  color: z.string().check(matching(/^#[0-9a-fA-F]{6}$/)),
  /** Counts toward a teacher's signal when strong and repeated. */
  negative: z.optional(z.boolean()),
});
export type FeelingDefinition = z.infer<typeof feelingDefinitionSchema>;
export const feelingSetSchema = z.array(feelingDefinitionSchema).check(lengthBetween(2, 12));

export const checkinSchema = z.object({
  /** One check-in per child, context and local day: changing it today replaces it. */
  id,
  childId: id,
  /** Teacher view only, as the host names the child. */
  childName: z.optional(text),
  feeling: feelingIdSchema,
  strength: integer(1, 5),
  context: z.enum(['home', 'school']),
  note: z.optional(text),
  /** With the device's UTC offset, so the child's local day is kept (23:30 stays on its day). */
  createdAt: isoDate,
  /** Teacher view only: the child's families, so the teacher can send them a tip and top (issue 24). */
  families: z.optional(z.array(z.object({ familyId: id, householdId: z.optional(id), name: text }))),
});
export type Checkin = z.infer<typeof checkinSchema>;
