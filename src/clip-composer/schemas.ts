/**
 * The clip composer's zod/mini schemas, types and limits: uploads (MEDIA_LIMITS, checkUpload:
 * src/clip-composer/upload-check.ts, re-exported),
 * the draft a teacher publishes, and how a draft reads as the lesson clip it becomes. The
 * composer shows lesson clips, so it builds on src/lesson-clip/schemas.ts.
 */
import * as z from 'zod/mini';
import type { LessonClip, Media } from '../lesson-clip/schemas.js';
import {
  idSchema as id,
  requiredTextSchema as requiredText,
  textSchema as text,
  countSchema as count,
  safeUrlSchema as safeUrl,
  programmeSchema,
  langTagSchema,
  lengthBetween,
  integer,
  isoDateSchema,
} from '../core/schemas.js';
import { followsUpSchema } from '../lesson-clip/schemas.js';
import { introLessonSchema } from '../programme-intro/schemas.js';
import { MEDIA_LIMITS, UPLOAD_KINDS } from './upload-check.js';

/**
 * The longest texts a draft may hold, as {@link lessonClipDraftSchema} checks them: the composer's
 * fields take their `maxlength` from here, never re-typed.
 */
export const CLIP_DRAFT_LIMITS = {
  /** The clip's title. */
  title: 200,
  /** The class label the clip is posted with. */
  classLabel: 200,
  /** The name of a `custom` programme. */
  programmeLabel: 100,
  /** Goal, what was learned, home question and home activity. */
  text: 2000,
  /** A photo's description. */
  alt: 500,
  /** Caption tracks per video. */
  captions: 10,
} as const;

/**
 * When a scheduled post may go out (issue 26): the hour suggested, the evening and night the
 * composer warns about (not a block), and how far ahead a post may be planned.
 */
export const SCHEDULE_LIMITS = {
  /** The hour of the suggested moment: the next school-day morning. */
  morningHour: 8,
  /** From this hour the composer says it is late in the evening. */
  eveningHour: 20,
  /** Before this hour it is still night. */
  earliestHour: 7,
  /** The farthest a post may be planned ahead, in days (a school year). */
  maxDaysAhead: 366,
} as const;

/** Longest label of the group a lesson clip is for, e.g. "Groep 6 — meisjes" (WIsH teaches girls and boys apart). */
export const CLIP_GROUP_MAX_LENGTH = 100;
/** Longest name of who taught the lesson with the teacher, e.g. "Ellen, weerbaarheidsspecialist". */
export const CO_TEACHER_MAX_LENGTH = 100;

export { MEDIA_LIMITS, UPLOAD_KINDS, checkUpload, type UploadCheck, type UploadKind } from './upload-check.js';
export const uploadKindSchema = z.enum(UPLOAD_KINDS);

/** A file the adapter has stored: referred to by `mediaId` when publishing, shown from `src`. */
export const uploadedMediaSchema = z.object({
  mediaId: id,
  kind: uploadKindSchema,
  /** Where this device can show it now: https: or blob:. */
  src: safeUrl,
  type: z.string().check(lengthBetween(1, 100)),
  size: count,
  name: z.optional(text),
});
export type UploadedMedia = z.infer<typeof uploadedMediaSchema>;

const draftText = z.optional(z.string().check(z.trim(), lengthBetween(0, CLIP_DRAFT_LIMITS.text)));

/** The media of a clip being published: uploads by id, with captions and photo descriptions. */
export const mediaDraftSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('video'),
    mediaId: id,
    captions: z
      .array(z.object({ mediaId: id, srclang: z.string().check(lengthBetween(2, 35)), label: requiredText }))
      .check(lengthBetween(0, CLIP_DRAFT_LIMITS.captions)),
  }),
  z.object({
    kind: z.literal('photos'),
    photos: z
      .array(z.object({ mediaId: id, alt: requiredText.check(lengthBetween(0, CLIP_DRAFT_LIMITS.alt)) }))
      .check(lengthBetween(1, MEDIA_LIMITS.photos)),
  }),
]);
export type MediaDraft = z.infer<typeof mediaDraftSchema>;

/** What a teacher publishes; the adapter adds the id, the date and the media URLs. */
export const lessonClipDraftSchema = z.object({
  classId: id,
  classLabel: z.optional(z.string().check(z.trim(), lengthBetween(0, CLIP_DRAFT_LIMITS.classLabel))),
  /** The group within the class, e.g. "Groep 6 — meisjes"; shown on the parent's card. */
  group: z.optional(z.string().check(z.trim(), lengthBetween(0, CLIP_GROUP_MAX_LENGTH))),
  /** Who taught the lesson with the teacher; shown on the parent's card. */
  coTeacher: z.optional(z.string().check(z.trim(), lengthBetween(0, CO_TEACHER_MAX_LENGTH))),
  programme: programmeSchema,
  programmeLabel: z.optional(z.string().check(z.trim(), lengthBetween(0, CLIP_DRAFT_LIMITS.programmeLabel))),
  lessonNumber: z.optional(integer(1, 999)),
  title: requiredText.check(lengthBetween(0, CLIP_DRAFT_LIMITS.title)),
  goal: draftText,
  learned: draftText,
  homeQuestion: draftText,
  homeActivity: draftText,
  media: z.optional(mediaDraftSchema),
  /** The language the teacher wrote the clip's words in (BCP 47); a tag that isn't one is refused. */
  lang: z.optional(langTagSchema),
  /**
   * When parents and children see it (issue 26); absent: at once. Until then only the class's
   * teachers read it ("Gepland voor di 14 jan, 8:00"). Later than now and at most
   * `SCHEDULE_LIMITS.maxDaysAhead` days ahead: the adapter checks against its own clock.
   */
  scheduledAt: z.optional(isoDateSchema),
  /** A follow-up post or a repeat lesson after a run: the lesson of the run it follows up (issue 26). */
  followsUp: z.optional(followsUpSchema),
});
export type LessonClipDraft = z.infer<typeof lessonClipDraftSchema>;

/** A stored upload as a published clip shows it: where it is, and its type when known. */
export interface StoredFile {
  src: string;
  type?: string;
}

/**
 * A draft's media as the published clip carries it: each upload id swapped for the file's
 * `src` (and a video's `type`); the first caption track is the default. An upload `fileOf`
 * doesn't know gets an empty `src`, which the card's URL check hides.
 */
export function mediaFromDraft(media: MediaDraft, fileOf: (mediaId: string) => StoredFile | undefined): Media {
  const src = (mediaId: string) => fileOf(mediaId)?.src ?? '';
  if (media.kind === 'photos') return { kind: 'photos', photos: media.photos.map((p) => ({ src: src(p.mediaId), alt: p.alt })) };
  const type = fileOf(media.mediaId)?.type;
  return {
    kind: 'video',
    src: src(media.mediaId),
    ...(type ? { type } : {}),
    captions: media.captions.map((c, i) => ({
      src: src(c.mediaId),
      srclang: c.srclang,
      label: c.label,
      ...(i === 0 ? { default: true } : {}),
    })),
  };
}

/**
 * The lesson clip a draft becomes once published: the draft's fields, the id and date the
 * adapter gives it, and its media from {@link mediaFromDraft}. The composer's preview shows a
 * draft this way, the same shape the adapter returns.
 */
export function clipFromDraft(
  draft: LessonClipDraft,
  published: Pick<LessonClip, 'id' | 'postedAt'>,
  fileOf: (mediaId: string) => StoredFile | undefined,
): LessonClip {
  const { media, ...fields } = draft;
  const clip: LessonClip = { ...fields, ...published };
  if (media) clip.media = mediaFromDraft(media, fileOf);
  return clip;
}

/**
 * The class's rhythm in a programme (issue 26): its lessons posted and planned, in the shape the
 * introduction's timeline has (posted with the date it went out, planned with the date it is
 * planned for or scheduled at), so the composer shows the gaps before the teacher schedules.
 */
export const classRhythmSchema = z.object({
  classId: id,
  programme: programmeSchema,
  lessons: z.array(introLessonSchema),
});
export type ClassRhythm = z.infer<typeof classRhythmSchema>;
