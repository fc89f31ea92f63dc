/**
 * The expectation matrix's zod/mini schemas, types and limits: the matrix, its focus and the
 * successes families share.
 */
import * as z from 'zod/mini';
import {
  idSchema as id,
  requiredTextSchema as requiredText,
  textSchema as text,
  titleSchema as title,
  isoDateSchema as isoDate,
  countSchema as count,
  contentLangSchema as contentLang,
  pictogramSchema,
  lengthBetween,
  recordOf,
} from '../core/schemas.js';

/** What an editor may save: the limits a printed matrix stays readable with. */
export const MATRIX_LIMITS = { values: 5, locations: 8, perCell: 3, expectationLength: 200, nameLength: 60 } as const;

export const matrixExpectationSchema = z.object({ id, text, pictogram: pictogramSchema });
export type MatrixExpectation = z.infer<typeof matrixExpectationSchema>;

export const matrixAxisSchema = z.object({ id, label: title, pictogram: pictogramSchema });
export type MatrixAxis = z.infer<typeof matrixAxisSchema>;

export const matrixFocusSchema = z.object({
  valueId: id,
  locationId: id,
  /** One expectation of the cell; without it the whole cell is the focus. */
  expectationId: z.optional(id),
  /** Why the class works on this now. */
  why: z.optional(text),
  /** How parents can use the same words at home. */
  homeTip: z.optional(text),
});
export type MatrixFocus = z.infer<typeof matrixFocusSchema>;

/**
 * Values (rows) × locations (columns); cells keyed `${valueId}/${locationId}` with
 * expectations in the "ik"-form. Lenient on sizes here: the widget trims what it can't
 * show and reports it; the editor enforces {@link MATRIX_LIMITS}.
 */
export const expectationMatrixSchema = z.object({
  id,
  kind: z.enum(['school', 'home']),
  /** Bumped by every save; a save from an older version is a conflict. */
  version: count,
  title: z.optional(title),
  /** Home matrices belong to one family. */
  familyId: z.optional(id),
  values: z.array(matrixAxisSchema).check(lengthBetween(0, 100)),
  locations: z.array(matrixAxisSchema).check(lengthBetween(0, 100)),
  cells: recordOf(z.array(matrixExpectationSchema).check(lengthBetween(0, 100))),
  focus: z.optional(matrixFocusSchema),
  /**
   * Language of the matrix's words, e.g. `nl`. A home matrix is the family's own: without a
   * `lang` it takes no page default, its words keep their own direction instead.
   */
  lang: contentLang,
});
export type ExpectationMatrix = z.infer<typeof expectationMatrixSchema>;

/** Longest success a family shares with the class (as long as a home answer). */
export const SUCCESS_MAX_LENGTH = 500;

export const successSchema = z.object({
  id,
  matrixId: id,
  expectationId: z.optional(id),
  text: requiredText,
  createdAt: isoDate,
  familyName: z.optional(text),
  /** The family that shared it: the teacher answers them in a private thread (issue 24). */
  familyId: z.optional(id),
  /** The household (address) of that family that shared it, whose own thread the answer is in (issue 24). */
  householdId: z.optional(id),
});
export type Success = z.infer<typeof successSchema>;
