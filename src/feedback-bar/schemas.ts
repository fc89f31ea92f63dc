/**
 * The feedback bar's zod/mini schemas, types and limits: reactions, their summary and the
 * short replies under a post.
 */
import * as z from 'zod/mini';
import {
  idSchema as id,
  requiredTextSchema as requiredText,
  textSchema as text,
  isoDateSchema as isoDate,
  countSchema as count,
  recordOf,
  matching,
} from '../core/schemas.js';

/** Longest short reply under a post. */
export const REPLY_MAX_LENGTH = 280;

export const REACTIONS = ['like', 'heart', 'clap', 'talked-at-home', 'practised-at-home'] as const;
export type ReactionId = (typeof REACTIONS)[number];
/** Reactions that mean "we did the home activity"; the teacher sees their share of families. */
export const HOME_REACTIONS: readonly ReactionId[] = ['talked-at-home', 'practised-at-home'];
export const reactionIdSchema = z.string().check(matching(/^[a-z][a-z0-9-]{0,39}$/));

export const replySchema = z.object({
  id,
  familyId: z.optional(id),
  /** The household (address) that wrote it, when the child has more than one (issue 24): its thread is that household's. */
  householdId: z.optional(id),
  authorName: z.optional(text),
  text: requiredText,
  createdAt: isoDate,
});
export type Reply = z.infer<typeof replySchema>;

export const reactionSummarySchema = z.object({
  targetId: id,
  /** Count per reaction id. Unknown ids are dropped by the widget with a `samen-error`. */
  counts: recordOf(count),
  /** The viewer's family's own reactions. */
  mine: z.array(z.string()),
  /** Teacher only: who reacted, per reaction, as the host names them. */
  reactors: z.optional(recordOf(z.array(text))),
  replies: z.optional(z.array(replySchema)),
  /** Teacher only: families in the class, and how many of them reacted with a home activity. */
  families: z.optional(count),
  homeFamilies: z.optional(count),
});
export type ReactionSummary = z.infer<typeof reactionSummarySchema>;
