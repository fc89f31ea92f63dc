/**
 * The programme overview's zod/mini schemas and types (issue 25): what a backend's
 * `getProgrammeOverview` answers (aggregates per class and lesson, computed by the backend, never
 * every answer) and the teacher-only list of families a run never reached.
 */
import * as z from 'zod/mini';
import {
  countSchema as count,
  idSchema as id,
  integer,
  isoDateSchema as isoDate,
  lengthBetween,
  textSchema as text,
} from '../core/schemas.js';

/** The smallest group a figure may be about: fewer families (or households) and the cell says "te weinig gezinnen". */
export const DEFAULT_MIN_GROUP_SIZE = 5;

/** What a family (or household) did with a posted lesson, counted once each. */
export const FAMILY_MEASURES = ['seen', 'talked', 'answered', 'reacted'] as const;
/** Counts of the clip itself, as a platform counts them: page views are not families. */
export const COUNT_MEASURES = ['views', 'likes', 'reactions'] as const;
export type FamilyMeasure = (typeof FAMILY_MEASURES)[number];
export type CountMeasure = (typeof COUNT_MEASURES)[number];
export type Measure = FamilyMeasure | CountMeasure | `households-${FamilyMeasure}`;

const familyCounts = z.object({
  seen: z.optional(count),
  talked: z.optional(count),
  answered: z.optional(count),
  reacted: z.optional(count),
});
export type FamilyCounts = z.infer<typeof familyCounts>;

/** One posted clip of a class: the lesson (or lessons, for a clip that covers two) and what it reached. */
export const overviewCellSchema = z.object({
  /** The lessons this clip covers: `[3]`, or `[4, 5]` for one clip of two lessons. */
  lessons: z.array(integer(1, 99)).check(lengthBetween<number[]>(1, 8)),
  clipId: z.optional(id),
  postedAt: z.optional(isoDate),
  /** Families of the class that saw, talked about, answered, reacted (each family once). */
  families: z.optional(familyCounts),
  /** The same per household (two households of one child count twice), when the backend knows them. */
  households: z.optional(familyCounts),
  /** Page views, likes and written reactions of the clip, when the backend counts them. */
  views: z.optional(count),
  likes: z.optional(count),
  reactions: z.optional(count),
});
export type OverviewCell = z.infer<typeof overviewCellSchema>;

/**
 * After the run (issue 26): a follow-up post on one of its lessons ("Denkt u nog aan …?"), or the
 * lesson repeated for a later year group (posted in another class: `classId`, `classLabel`).
 */
export const overviewFollowUpSchema = z.object({
  kind: z.enum(['follow-up', 'repeat']),
  lessonNumber: integer(1, 999),
  clipId: z.optional(id),
  /** The class it was posted in, when another than the row's (a repeat lesson). */
  classId: z.optional(id),
  classLabel: z.optional(text),
  postedAt: z.optional(isoDate),
  /** Scheduled, not posted yet: when parents will see it. */
  scheduledAt: z.optional(isoDate),
});
export type OverviewFollowUp = z.infer<typeof overviewFollowUpSchema>;

export const overviewClassSchema = z.object({
  classId: id,
  /** How the school names the class ("Groep 6a"). */
  label: text,
  /** Families in the class during the run: the group every figure of the class is about. */
  families: count,
  /** Households in the class (more than families when parents live apart), when known. */
  households: z.optional(count),
  cells: z.array(overviewCellSchema),
  /** Follow-up posts and repeat lessons after the run, linked to this class's run (issue 26). Optional. */
  followUps: z.optional(z.array(overviewFollowUpSchema)),
});
export type OverviewClass = z.infer<typeof overviewClassSchema>;

export const programmeOverviewSchema = z.object({
  programme: text,
  /** The run's name as the school shows it ("WIsH, groep 6, 2026–2027"). */
  title: z.optional(text),
  schoolYear: z.optional(text),
  /** The run's lessons, in order: the table's columns. */
  lessons: z.array(z.object({ number: integer(1, 99), title: z.optional(text) })),
  /** The backend's own minimum group size; the widget never shows less than the larger of it and its own. */
  minGroupSize: z.optional(integer(1)),
  classes: z.array(overviewClassSchema),
});
export type ProgrammeOverview = z.infer<typeof programmeOverviewSchema>;

/** Which run: a run's id, or a programme (and school year); `classIds` narrows it to some classes. */
export interface ProgrammeOverviewQuery {
  programmeRunId?: string;
  programme?: string;
  schoolYear?: string;
  classIds?: string[];
}

/** Teacher only: the families of one class that no clip of the run reached (not seen, not answered, no reaction). */
export const unreachedFamiliesSchema = z.object({
  classId: id,
  families: z.array(z.object({ familyId: id, name: text })),
});
export type UnreachedFamilies = z.infer<typeof unreachedFamiliesSchema>;
