/**
 * The lesson clip's zod/mini schemas, types and limits: the clip and its media, a family's
 * home answer (and the input to write one), and the teacher's reach. Shared building blocks
 * come from src/core/schemas.ts.
 */
import * as z from 'zod/mini';
import {
  idSchema as id,
  requiredTextSchema as requiredText,
  textSchema as text,
  titleSchema as title,
  isoDateSchema as isoDate,
  countSchema as count,
  safeUrlSchema as safeUrl,
  contentLangSchema as contentLang,
  type Programme,
  lengthBetween,
  integer,
} from '../core/schemas.js';

/** Longest text a parent can send as a home answer or reply. */
export const ANSWER_MAX_LENGTH = 500;

export const captionTrackSchema = z.object({
  src: safeUrl,
  srclang: z.string().check(lengthBetween(2, 35)),
  label: requiredText,
  default: z.optional(z.boolean()),
});

export const videoMediaSchema = z.object({
  kind: z.literal('video'),
  src: safeUrl,
  type: z.optional(z.string()),
  poster: z.optional(safeUrl),
  captions: z.array(captionTrackSchema),
  durationSeconds: z.optional(z.number().check(z.refine<number>((n) => n >= 0))),
});

export const photoSchema = z.object({
  src: safeUrl,
  /** Required: a photo without a description is not accessible. */
  alt: requiredText,
});

export const photosMediaSchema = z.object({
  kind: z.literal('photos'),
  photos: z.array(photoSchema).check(lengthBetween(1, 20)),
});

export const mediaSchema = z.discriminatedUnion('kind', [videoMediaSchema, photosMediaSchema]);
export type Media = z.infer<typeof mediaSchema>;
export type VideoMedia = z.infer<typeof videoMediaSchema>;
export type PhotosMedia = z.infer<typeof photosMediaSchema>;

/** What a clip after a programme's run is (issue 26): a reminder of a lesson, or the lesson again for a later year group. */
export const FOLLOW_UP_KINDS = ['follow-up', 'repeat'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/**
 * The lesson of a run a clip follows up: "Denkt u nog aan …?" after the last lesson (`follow-up`),
 * or a repeat lesson for a later year group (`repeat`). `programmeRunId` names the run when the
 * host has runs; `classId` the class of the original run (a repeat is posted in another class).
 */
export const followsUpSchema = z.object({
  kind: z.enum(FOLLOW_UP_KINDS),
  lessonNumber: integer(1, 999),
  programmeRunId: z.optional(id),
  classId: z.optional(id),
  /** The clip of the original lesson, when known. */
  clipId: z.optional(id),
});
export type FollowsUp = z.infer<typeof followsUpSchema>;

/** Whether a clip still waits for its moment: scheduled, and that moment is later than `now` (issue 26). */
export function isScheduled(clip: { scheduledAt?: string | undefined }, now: number = Date.now()): boolean {
  return typeof clip.scheduledAt === 'string' && Date.parse(clip.scheduledAt) > now;
}

/**
 * A lesson clip. `media` and `programme` are checked separately by the widget
 * (see `parseLessonClip`) so a bad video URL hides the video, not the lesson.
 */
export const lessonClipSchema = z.object({
  id,
  programme: z.string(),
  /** Name shown on the badge for `custom` programmes. */
  programmeLabel: z.optional(text),
  lessonNumber: z.optional(integer(1, 999)),
  /** How many lessons the class's run of the programme has (the introduction's timeline): the card says "Les 3 van 8". Optional. */
  lessonCount: z.optional(integer(1, 999)),
  title,
  goal: z.optional(text),
  /** What the children learned, in their own words. */
  learned: z.optional(text),
  homeQuestion: z.optional(text),
  /** A small, concrete thing to practise at home, beside the question. */
  homeActivity: z.optional(text),
  media: z.optional(z.unknown()),
  /**
   * Whether this viewer may see the clip's photos and video (the host's consent
   * registration, per viewer and item). `false`: the card shows text, goal and question
   * with a kind placeholder and never puts a media URL in the page; hosts should then
   * leave `media` out as well. Absent means allowed: the host that sends media has decided.
   */
  mediaConsent: z.optional(z.boolean()),
  postedAt: isoDate,
  classId: id,
  classLabel: z.optional(text),
  /** The group within the class the lesson was given to, as the teacher names it ("Groep 6 — meisjes"); the card shows it instead of `classLabel`. Optional. */
  group: z.optional(text),
  /** Who gave the lesson with the teacher (a resilience specialist, a colleague), as the teacher names them. Optional. */
  coTeacher: z.optional(text),
  /** Language of the clip's words (title, goal, what was learned, home question), e.g. `nl`. */
  lang: contentLang,
  /**
   * When parents and children see it (issue 26). Only the class's teachers get a clip before
   * then (parents and children: `not-found`); the teacher's card says "Gepland voor di 14 jan, 8:00".
   */
  scheduledAt: z.optional(isoDate),
  /** The lesson of a run this clip follows up, or repeats for a later year group (issue 26). */
  followsUp: z.optional(followsUpSchema),
});

export interface LessonClip extends Omit<z.infer<typeof lessonClipSchema>, 'media' | 'programme'> {
  programme: Programme;
  media?: Media;
}

export const homeAnswerKindSchema = z.enum(['text', 'talked']);
export type HomeAnswerKind = z.infer<typeof homeAnswerKindSchema>;

export const homeAnswerSchema = z.object({
  id,
  clipId: id,
  familyId: id,
  /** Display name as the host gives it, e.g. "Familie Jansen". */
  familyName: z.optional(text),
  /** The household (address) that wrote it, when the child has more than one (issue 24). */
  householdId: z.optional(id),
  /** That household as the school names it, e.g. "tweede adres" (teacher's list only). */
  householdName: z.optional(text),
  kind: homeAnswerKindSchema,
  text: z.optional(text),
  /** The family chose "De klas mag ons antwoord zien, zonder naam" (issue 24): only then the class board shows the words, never who wrote them. Absent: not shared. */
  shareWithClass: z.optional(z.boolean()),
  updatedAt: isoDate,
});
export type HomeAnswer = z.infer<typeof homeAnswerSchema>;

/** Input for a write: text is bounded here, the same rule the textarea enforces. */
export const homeAnswerInputSchema = z.object({
  clipId: id,
  kind: homeAnswerKindSchema,
  text: z.optional(z.string().check(z.trim(), lengthBetween(0, ANSWER_MAX_LENGTH))),
  shareWithClass: z.optional(z.boolean()),
});
export type HomeAnswerInput = z.infer<typeof homeAnswerInputSchema>;

export const clipReachSchema = z.object({
  clipId: id,
  /** Number of families in the class. */
  families: count,
  seen: count,
  talked: count,
  answered: count,
  answers: z.array(homeAnswerSchema),
  /**
   * Families the clip has not reached yet (not seen by any of their carers), for the
   * teacher's private follow-up list. Optional: hosts that leave it out show no list.
   */
  notReached: z.optional(
    z.array(
      z.object({
        familyId: id,
        familyName: z.optional(text),
        /** One household of a family another household of which was reached ("Familie Jansen — tweede adres"). */
        householdId: z.optional(id),
        householdName: z.optional(text),
      }),
    ),
  ),
  /**
   * Households (addresses) in the class, counted when some child has more than one (issue 24):
   * `families` counts a family once, this each of its addresses. Absent: one per family.
   */
  households: z.optional(count),
  /** Households that saw the clip (a carer of that household did). */
  householdsSeen: z.optional(count),
});
export type ClipReach = z.infer<typeof clipReachSchema>;
