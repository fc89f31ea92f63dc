/**
 * The programme introduction's zod/mini schemas and types (issue 26): the card a teacher posts
 * before lesson 1. Its lessons come from the programme library and the class's planned and posted
 * lessons; what the programme is, what parents are asked to do at home and the home folder are the
 * school's own words when it sends them, else Samen's starting texts (marked as examples for the
 * teacher); who to ask is as the school configures it.
 */
import * as z from 'zod/mini';
import {
  idSchema as id,
  integer,
  requiredTextSchema as requiredText,
  textSchema as text,
  isoDateSchema as isoDate,
  contentLangSchema as contentLang,
  programmeSchema,
} from '../core/schemas.js';

/** One lesson on the timeline: posted (a clip is out) or planned. */
export const introLessonSchema = z.object({
  number: integer(1, 999),
  title: requiredText,
  goal: z.optional(text),
  status: z.enum(['posted', 'planned']),
  /** When it was posted, or when it is planned. */
  date: z.optional(isoDate),
  /** The lesson clip, once posted. */
  clipId: z.optional(id),
});
export type IntroLesson = z.infer<typeof introLessonSchema>;

export const CONTACT_ROLES = ['teacher', 'care-coordinator', 'youth-centre', 'other'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** Someone parents can ask, as the school configures it (the teacher, the IB'er, the local youth and family centre). */
export const contactSchema = z.object({
  role: z.enum(CONTACT_ROLES),
  name: requiredText,
  /** How to reach them, in the school's words ("via de app of na school", a phone number). */
  how: z.optional(text),
});
export type Contact = z.infer<typeof contactSchema>;

export const programmeIntroSchema = z.object({
  id,
  classId: id,
  programme: programmeSchema,
  /** Name of a school's own programme (`custom`). */
  programmeLabel: z.optional(text),
  classLabel: z.optional(text),
  /** What the programme is, in the school's words; absent: Samen's starting text for the programme. */
  about: z.optional(text),
  /** What parents will be asked to do at home; absent: Samen's starting texts for the programme. */
  homeAsks: z.optional(z.array(requiredText)),
  /** The lessons in order, posted and planned. */
  lessons: z.array(introLessonSchema),
  contacts: z.array(contactSchema),
  postedAt: z.optional(isoDate),
  /** Language of the school's words, e.g. `nl`. */
  lang: contentLang,
});
export type ProgrammeIntro = z.infer<typeof programmeIntroSchema>;

/** Where the class is: the number of the last posted lesson (0 before lesson 1) and the total. */
export function timelinePosition(lessons: readonly IntroLesson[]): { current: number; total: number } {
  const posted = lessons.filter((l) => l.status === 'posted').map((l) => l.number);
  return { current: posted.length ? Math.max(...posted) : 0, total: lessons.length };
}

/** The live topic of an introduction: `intro:<introId>`. */
export function introTopic(introId: string): `intro:${string}` {
  return `intro:${introId}`;
}
