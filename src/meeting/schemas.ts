/**
 * The meeting's zod/mini schemas, types and limits (issue 26): an information evening, the last
 * lesson with parents ("Samen weerbaar" in WIsH) or a parent–child–teacher conversation; each
 * household's yes / no / maybe with how many people come; and, for the conversation, the
 * preparation sheet the family fills in with the child. A household reads and writes only its own
 * reply and sheet; the class's teacher reads the list (src/core/policy.ts: `meeting.read`,
 * `rsvp.read`, `rsvp.write`, `preparation.read`, `preparation.write`).
 */
import * as z from 'zod/mini';
import {
  idSchema as id,
  integer,
  requiredTextSchema as requiredText,
  textSchema as text,
  isoDateSchema as isoDate,
  countSchema as count,
  contentLangSchema as contentLang,
  programmeSchema,
} from '../core/schemas.js';

/** Most people one household says will come (parents, carers, grandparents, the child). */
export const RSVP_MAX_PEOPLE = 9;
/** Longest field of the preparation sheet: a few keywords or sentences. */
export const PREPARATION_MAX_LENGTH = 500;

export const MEETING_KINDS = ['information-evening', 'last-lesson', 'child-conversation'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const RSVP_ANSWERS = ['yes', 'maybe', 'no'] as const;
export const rsvpAnswerSchema = z.enum(RSVP_ANSWERS);
export type RsvpAnswer = z.infer<typeof rsvpAnswerSchema>;

export const meetingSchema = z.object({
  id,
  classId: id,
  kind: z.enum(MEETING_KINDS),
  programme: z.optional(programmeSchema),
  title: requiredText,
  /** Start and (optional) end, ISO 8601 with offset or `Z`. */
  startsAt: isoDate,
  endsAt: z.optional(isoDate),
  place: requiredText,
  /** What to bring ("your child", "the sheet you filled in"). */
  bring: z.optional(text),
  /** A few sentences about the meeting, in the school's words. */
  description: z.optional(text),
  /** Who invites, as the school names them ("Juf Sanne"). */
  host: z.optional(text),
  /** After the meeting: a short summary for those who could not come. */
  summary: z.optional(text),
  /** Language of the school's words, e.g. `nl`. */
  lang: contentLang,
});
export type Meeting = z.infer<typeof meetingSchema>;

export const rsvpSchema = z.object({
  meetingId: id,
  familyId: id,
  /** The household (address) of a family with more than one: each answers for itself. */
  householdId: z.optional(id),
  /** The family as the host names it, with the household's name when it has more than one (teacher's list only). */
  familyName: z.optional(text),
  answer: rsvpAnswerSchema,
  /** How many people come (0 for `no`). */
  people: integer(0, RSVP_MAX_PEOPLE),
  updatedAt: isoDate,
});
export type Rsvp = z.infer<typeof rsvpSchema>;

export const preparationSchema = z.object({
  meetingId: id,
  familyId: id,
  householdId: z.optional(id),
  familyName: z.optional(text),
  /** A few keywords the child chose. */
  keywords: text,
  /** What goes well. */
  goesWell: text,
  /** What the family wants to talk about. */
  talkAbout: text,
  updatedAt: isoDate,
});
export type Preparation = z.infer<typeof preparationSchema>;

/** The teacher's list: every household's reply and sheet, and how many households the class has. */
export const meetingRepliesSchema = z.object({
  meetingId: id,
  families: count,
  rsvps: z.array(rsvpSchema),
  preparations: z.array(preparationSchema),
});
export type MeetingReplies = z.infer<typeof meetingRepliesSchema>;

/** What a household sends as its reply. */
export interface RsvpInput {
  meetingId: string;
  answer: RsvpAnswer;
  people: number;
}

/** What a household sends as its preparation sheet. */
export interface PreparationInput {
  meetingId: string;
  keywords: string;
  goesWell: string;
  talkAbout: string;
}

/** The live topic of a meeting (its replies and sheets): `meeting:<meetingId>`. */
export function meetingTopic(meetingId: string): `meeting:${string}` {
  return `meeting:${meetingId}`;
}
