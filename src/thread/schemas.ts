/**
 * The thread's zod/mini schemas, types and limits: a short, private conversation between one
 * family and the teacher(s) of the class, about one thing the family sent (their home answer to
 * a clip, a reply under a post). Nobody else reads it: not other families, not the teachers of
 * other classes, not the child's login (src/core/policy.ts, `thread.read` and `thread.write`).
 */
import * as z from 'zod/mini';
import {
  idSchema as id,
  requiredTextSchema as requiredText,
  textSchema as text,
  isoDateSchema as isoDate,
  countSchema as count,
} from '../core/schemas.js';

/** Longest message in a thread: a few sentences, not a letter. */
export const THREAD_MESSAGE_MAX_LENGTH = 500;

/**
 * What a thread is about: `answer` (the family's home answer to clip `id`), `reply` (their
 * reply under feedback-bar target `id`: a clip or a host post), `success` (the successes they
 * shared on expectation matrix `id`) or `child` (the teacher's tip and top about their child `id`).
 * Each belongs to a class: the clip's or post's, the family's, the child's.
 */
export const THREAD_ABOUT_KINDS = ['answer', 'reply', 'success', 'child'] as const;
export type ThreadAboutKind = (typeof THREAD_ABOUT_KINDS)[number];

export const threadAboutSchema = z.object({ kind: z.enum(THREAD_ABOUT_KINDS), id });
export type ThreadAbout = z.infer<typeof threadAboutSchema>;

/**
 * Which thread: what it is about and whose family it is with; with `householdId`, one household
 * (address) of that family (issue 24): the other household never reads it. Without it the thread
 * is the family's (a family with one household, or a school that shares within the family).
 */
export interface ThreadKey {
  about: ThreadAbout;
  familyId: string;
  householdId?: string | undefined;
}

export const threadMessageSchema = z.object({
  id,
  /** `family` (a carer of the family) or `teacher`. */
  from: z.enum(['family', 'teacher']),
  authorName: z.optional(text),
  text: requiredText,
  createdAt: isoDate,
  /** Written by the signed-in viewer themselves. */
  mine: z.boolean(),
});
export type ThreadMessage = z.infer<typeof threadMessageSchema>;

export const threadSchema = z.object({
  about: threadAboutSchema,
  familyId: id,
  /** The household it is with, when the thread is one household's (issue 24). */
  householdId: z.optional(id),
  /** Oldest first. */
  messages: z.array(threadMessageSchema),
  /** Messages from the other side the viewer has not marked read. */
  unread: count,
});
export type Thread = z.infer<typeof threadSchema>;

/**
 * The live topic of one thread: `thread:<kind>:<aboutId>:<familyId>`, for one household's
 * `thread:<kind>:<aboutId>:<familyId>/<householdId>`. The family id is the last part, so it holds
 * no `:` (an about id may); no id holds a `/`.
 */
export function threadTopic(key: ThreadKey): `thread:${string}` {
  const whose = key.householdId === undefined ? key.familyId : `${key.familyId}/${key.householdId}`;
  return `thread:${key.about.kind}:${key.about.id}:${whose}`;
}

/** The key of a thread topic, or `undefined` when it is not one. */
export function parseThreadTopic(topic: string): ThreadKey | undefined {
  const parts = topic.split(':');
  if (parts.length < 4 || parts[0] !== 'thread') return undefined;
  const kind = parts[1] as ThreadAboutKind;
  if (!THREAD_ABOUT_KINDS.includes(kind)) return undefined;
  const [familyId, householdId, ...more] = parts[parts.length - 1]!.split('/');
  if (more.length) return undefined;
  return { about: { kind, id: parts.slice(2, -1).join(':') }, familyId: familyId!, ...(householdId === undefined ? {} : { householdId }) };
}
