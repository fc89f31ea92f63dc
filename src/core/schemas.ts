/**
 * zod/mini schemas for everything that crosses the adapter boundary.
 * Domain types are inferred from these, so the runtime check and the type can't drift.
 */
import * as z from 'zod/mini';
import { isSafeUrl } from './safe-url.js';
import { isLangTag } from './content-lang.js';

/** Longest text a parent can send as a home answer or reply. */
export const ANSWER_MAX_LENGTH = 500;
/** Longest short reply under a post. */
export const REPLY_MAX_LENGTH = 280;
/** Longest note with a check-in. */
export const CHECKIN_NOTE_MAX_LENGTH = 280;
/** Longest reason for an award, and the longest reward a teacher names for a new goal. */
export const REWARD_TEXT_MAX_LENGTH = 120;
/**
 * How long a teacher can take back a mis-tapped award: the reward chart offers Undo this long,
 * and adapters refuse an undo of an award older than this.
 */
export const UNDO_WINDOW_MS = 10_000;
/** Longest label of the group a lesson clip is for, e.g. "Groep 6 — meisjes" (WIsH teaches girls and boys apart). */
export const CLIP_GROUP_MAX_LENGTH = 100;
/** Longest name of who taught the lesson with the teacher, e.g. "Ellen, weerbaarheidsspecialist". */
export const CO_TEACHER_MAX_LENGTH = 100;
/** Texts from the adapter longer than this are cut, so a runaway field can't blow up a card. */
export const TEXT_DISPLAY_MAX = 4000;

const id = z.string().check(z.minLength(1), z.maxLength(200));
const requiredText = z.string().check(z.trim(), z.minLength(1));
/** Free text from the host: trimmed and clamped, never rejected for length. */
const text = z.string().check(
  z.trim(),
  z.overwrite((s) => (s.length > TEXT_DISPLAY_MAX ? `${s.slice(0, TEXT_DISPLAY_MAX)}…` : s)),
);
const title = requiredText.check(
  z.overwrite((s) => (s.length > 200 ? `${s.slice(0, 200)}…` : s)),
);
const isoDate = z.iso.datetime({ offset: true });
const count = z.int().check(z.nonnegative());
const safeUrl = z.string().check(z.refine(isSafeUrl, { message: 'URL must be https: or blob:' }));

/** A BCP 47 language tag such as `nl` or `en-GB` (conservative: language, script, region, variants). */
export const langTagSchema = z.string().check(z.refine(isLangTag, { message: 'not a BCP 47 language tag' }));
/**
 * The language of an item's school words (`nl`, `en`…); absent means the page's `contentLang`.
 * A tag that is not BCP 47 is dropped here, never fatal: widgets report it as repaired data.
 */
const contentLang = z.optional(z.catch(z.optional(langTagSchema), undefined));

export const PROGRAMMES = ['wish', 'kanjer', 'pbs', 'custom'] as const;
export const programmeSchema = z.enum(PROGRAMMES);
export type Programme = z.infer<typeof programmeSchema>;

export const viewerRoleSchema = z.enum(['parent', 'teacher', 'child', 'care-coordinator', 'school-leader']);
export const viewerSchema = z.object({
  id,
  role: viewerRoleSchema,
  /** The family (household) this carer belongs to; teachers count families, not clicks. */
  familyId: z.optional(id),
  name: z.optional(text),
  classIds: z.optional(z.array(id)),
  childIds: z.optional(z.array(id)),
  /** The viewer's school: whose expectation matrix is theirs (see src/core/policy.ts). */
  schoolId: z.optional(id),
});
export type Viewer = z.infer<typeof viewerSchema>;
export type ViewerRole = z.infer<typeof viewerRoleSchema>;

// ---------------------------------------------------------------- lesson clips

export const captionTrackSchema = z.object({
  src: safeUrl,
  srclang: z.string().check(z.minLength(2), z.maxLength(35)),
  label: requiredText,
  default: z.optional(z.boolean()),
});

export const videoMediaSchema = z.object({
  kind: z.literal('video'),
  src: safeUrl,
  type: z.optional(z.string()),
  poster: z.optional(safeUrl),
  captions: z.array(captionTrackSchema),
  durationSeconds: z.optional(z.number().check(z.nonnegative())),
});

export const photoSchema = z.object({
  src: safeUrl,
  /** Required: a photo without a description is not accessible. */
  alt: requiredText,
});

export const photosMediaSchema = z.object({
  kind: z.literal('photos'),
  photos: z.array(photoSchema).check(z.minLength(1), z.maxLength(20)),
});

export const mediaSchema = z.discriminatedUnion('kind', [videoMediaSchema, photosMediaSchema]);
export type Media = z.infer<typeof mediaSchema>;
export type VideoMedia = z.infer<typeof videoMediaSchema>;
export type PhotosMedia = z.infer<typeof photosMediaSchema>;

/**
 * A lesson clip. `media` and `programme` are checked separately by the widget
 * (see `parseLessonClip`) so a bad video URL hides the video, not the lesson.
 */
export const lessonClipSchema = z.object({
  id,
  programme: z.string(),
  /** Name shown on the badge for `custom` programmes. */
  programmeLabel: z.optional(text),
  lessonNumber: z.optional(z.int().check(z.positive(), z.lte(999))),
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
  kind: homeAnswerKindSchema,
  text: z.optional(text),
  updatedAt: isoDate,
});
export type HomeAnswer = z.infer<typeof homeAnswerSchema>;

/** Input for a write: text is bounded here, the same rule the textarea enforces. */
export const homeAnswerInputSchema = z.object({
  clipId: id,
  kind: homeAnswerKindSchema,
  text: z.optional(z.string().check(z.trim(), z.maxLength(ANSWER_MAX_LENGTH))),
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
  notReached: z.optional(z.array(z.object({ familyId: id, familyName: z.optional(text) }))),
});
export type ClipReach = z.infer<typeof clipReachSchema>;

// ---------------------------------------------------------------- reactions

export const REACTIONS = ['like', 'heart', 'clap', 'talked-at-home', 'practised-at-home'] as const;
export type ReactionId = (typeof REACTIONS)[number];
/** Reactions that mean "we did the home activity"; the teacher sees their share of families. */
export const HOME_REACTIONS: readonly ReactionId[] = ['talked-at-home', 'practised-at-home'];
export const reactionIdSchema = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/));

export const replySchema = z.object({
  id,
  familyId: z.optional(id),
  authorName: z.optional(text),
  text: requiredText,
  createdAt: isoDate,
});
export type Reply = z.infer<typeof replySchema>;

export const reactionSummarySchema = z.object({
  targetId: id,
  /** Count per reaction id. Unknown ids are dropped by the widget with a `samen-error`. */
  counts: z.record(z.string(), count),
  /** The viewer's family's own reactions. */
  mine: z.array(z.string()),
  /** Teacher only: who reacted, per reaction, as the host names them. */
  reactors: z.optional(z.record(z.string(), z.array(text))),
  replies: z.optional(z.array(replySchema)),
  /** Teacher only: families in the class, and how many of them reacted with a home activity. */
  families: z.optional(count),
  homeFamilies: z.optional(count),
});
export type ReactionSummary = z.infer<typeof reactionSummarySchema>;

// ---------------------------------------------------------------- reward charts

export const pictogramSchema = z.optional(z.string().check(z.maxLength(16)));

export const focusExpectationSchema = z.object({ id, text: requiredText, pictogram: pictogramSchema });
export type FocusExpectation = z.infer<typeof focusExpectationSchema>;

export const awardSchema = z.object({
  id,
  /** Who gave it: at school or at home. */
  source: z.enum(['school', 'home']),
  /** The focus expectation this award reinforces, if any. */
  expectationId: z.optional(id),
  reason: z.optional(text),
  givenBy: z.optional(text),
  createdAt: isoDate,
});
export type Award = z.infer<typeof awardSchema>;

export const rewardChartSchema = z.object({
  id,
  kind: z.enum(['class', 'personal']),
  title,
  /** Tokens needed for the reward; positive only, by design. */
  goal: z.int().check(z.positive(), z.lte(1000)),
  reward: requiredText,
  focus: z.array(focusExpectationSchema).check(z.maxLength(2)),
  awards: z.array(awardSchema),
  earnedRewards: z.optional(z.array(z.object({ reward: requiredText, earnedAt: isoDate }))),
  childName: z.optional(text),
  homeStickersEnabled: z.optional(z.boolean()),
  /** Language of the chart's words (title, reward, focus), e.g. `nl`. */
  lang: contentLang,
});
export type RewardChart = z.infer<typeof rewardChartSchema>;

// ---------------------------------------------------------------- feelings

export const FEELINGS = ['happy', 'angry', 'scared', 'sad', 'proud', 'tired', 'nervous', 'calm'] as const;
/** A feeling id: the default set above or a host's own (e.g. a school's Kanjertraining words). */
export const feelingIdSchema = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/));

/** A host-configured feeling: id, a word per locale, an icon and a colour (never the only cue). */
export const feelingDefinitionSchema = z.object({
  id: feelingIdSchema,
  labels: z.record(z.string(), requiredText),
  icon: z.string().check(z.minLength(1), z.maxLength(8)),
  color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/)),
  /** Counts toward a teacher's signal when strong and repeated. */
  negative: z.optional(z.boolean()),
});
export type FeelingDefinition = z.infer<typeof feelingDefinitionSchema>;
export const feelingSetSchema = z.array(feelingDefinitionSchema).check(z.minLength(2), z.maxLength(12));

export const checkinSchema = z.object({
  /** One check-in per child, context and local day: changing it today replaces it. */
  id,
  childId: id,
  /** Teacher view only, as the host names the child. */
  childName: z.optional(text),
  feeling: feelingIdSchema,
  strength: z.int().check(z.gte(1), z.lte(5)),
  context: z.enum(['home', 'school']),
  note: z.optional(text),
  /** With the device's UTC offset, so the child's local day is kept (23:30 stays on its day). */
  createdAt: isoDate,
});
export type Checkin = z.infer<typeof checkinSchema>;

// ---------------------------------------------------------------- expectation matrix

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
  values: z.array(matrixAxisSchema).check(z.maxLength(100)),
  locations: z.array(matrixAxisSchema).check(z.maxLength(100)),
  cells: z.record(z.string(), z.array(matrixExpectationSchema).check(z.maxLength(100))),
  focus: z.optional(matrixFocusSchema),
  /**
   * Language of the matrix's words, e.g. `nl`. A home matrix is the family's own: without a
   * `lang` it takes no page default, its words keep their own direction instead.
   */
  lang: contentLang,
});
export type ExpectationMatrix = z.infer<typeof expectationMatrixSchema>;

// ---------------------------------------------------------------- composing lesson clips

/** What a teacher may attach to a clip: types by MIME type or file extension, and sizes. */
export const MEDIA_LIMITS = {
  video: { types: ['video/mp4', 'video/webm'], extensions: ['.mp4', '.webm'], maxBytes: 200 * 1024 * 1024 },
  photo: { types: ['image/jpeg', 'image/png', 'image/webp'], extensions: ['.jpg', '.jpeg', '.png', '.webp'], maxBytes: 10 * 1024 * 1024 },
  captions: { types: ['text/vtt'], extensions: ['.vtt'], maxBytes: 1024 * 1024 },
  /** Photos per clip, as {@link photosMediaSchema} allows. */
  photos: 20,
} as const;

export const UPLOAD_KINDS = ['video', 'photo', 'captions'] as const;
export const uploadKindSchema = z.enum(UPLOAD_KINDS);
export type UploadKind = z.infer<typeof uploadKindSchema>;

export type UploadCheck = { ok: true; type: string } | { ok: false; reason: 'wrong-type' | 'too-big' | 'empty'; maxBytes: number };

/**
 * Whether a file may be uploaded as `kind`: its MIME type (or, when the browser gives none,
 * its extension) and its size. The composer checks before sending; adapters check again.
 */
export function checkUpload(file: { name: string; type: string; size: number }, kind: UploadKind): UploadCheck {
  const limits = MEDIA_LIMITS[kind];
  const mime = file.type.split(';')[0]!.trim().toLowerCase();
  const name = file.name.toLowerCase();
  const byExtension = limits.extensions.findIndex((ext) => name.endsWith(ext));
  const types: readonly string[] = limits.types;
  const type = types.includes(mime) ? mime : !mime && byExtension >= 0 ? inferType(kind, limits.extensions[byExtension]!) : undefined;
  if (!type) return { ok: false, reason: 'wrong-type', maxBytes: limits.maxBytes };
  if (!(file.size > 0)) return { ok: false, reason: 'empty', maxBytes: limits.maxBytes };
  if (file.size > limits.maxBytes) return { ok: false, reason: 'too-big', maxBytes: limits.maxBytes };
  return { ok: true, type };
}

function inferType(kind: UploadKind, extension: string): string {
  if (kind === 'captions') return 'text/vtt';
  const ext = extension.slice(1);
  return kind === 'video' ? `video/${ext}` : `image/${ext === 'jpg' ? 'jpeg' : ext}`;
}

/** A file the adapter has stored: referred to by `mediaId` when publishing, shown from `src`. */
export const uploadedMediaSchema = z.object({
  mediaId: id,
  kind: uploadKindSchema,
  /** Where this device can show it now: https: or blob:. */
  src: safeUrl,
  type: z.string().check(z.minLength(1), z.maxLength(100)),
  size: count,
  name: z.optional(text),
});
export type UploadedMedia = z.infer<typeof uploadedMediaSchema>;

const draftText = z.optional(z.string().check(z.trim(), z.maxLength(2000)));

/** The media of a clip being published: uploads by id, with captions and photo descriptions. */
export const mediaDraftSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('video'),
    mediaId: id,
    captions: z.array(
      z.object({ mediaId: id, srclang: z.string().check(z.minLength(2), z.maxLength(35)), label: requiredText }),
    ).check(z.maxLength(10)),
  }),
  z.object({
    kind: z.literal('photos'),
    photos: z.array(z.object({ mediaId: id, alt: requiredText.check(z.maxLength(500)) })).check(z.minLength(1), z.maxLength(MEDIA_LIMITS.photos)),
  }),
]);
export type MediaDraft = z.infer<typeof mediaDraftSchema>;

/** What a teacher publishes; the adapter adds the id, the date and the media URLs. */
export const lessonClipDraftSchema = z.object({
  classId: id,
  classLabel: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  /** The group within the class, e.g. "Groep 6 — meisjes"; shown on the parent's card. */
  group: z.optional(z.string().check(z.trim(), z.maxLength(CLIP_GROUP_MAX_LENGTH))),
  /** Who taught the lesson with the teacher; shown on the parent's card. */
  coTeacher: z.optional(z.string().check(z.trim(), z.maxLength(CO_TEACHER_MAX_LENGTH))),
  programme: programmeSchema,
  programmeLabel: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  lessonNumber: z.optional(z.int().check(z.positive(), z.lte(999))),
  title: requiredText.check(z.maxLength(200)),
  goal: draftText,
  learned: draftText,
  homeQuestion: draftText,
  homeActivity: draftText,
  media: z.optional(mediaDraftSchema),
  /** The language the teacher wrote the clip's words in (BCP 47); a tag that isn't one is refused. */
  lang: z.optional(langTagSchema),
});
export type LessonClipDraft = z.infer<typeof lessonClipDraftSchema>;

export const successSchema = z.object({
  id,
  matrixId: id,
  expectationId: z.optional(id),
  text: requiredText,
  createdAt: isoDate,
  familyName: z.optional(text),
});
export type Success = z.infer<typeof successSchema>;
