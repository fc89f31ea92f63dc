import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import * as z from 'zod/mini';
import { newId, type AdapterFor } from '../core/adapter.js';
import { isLangTag, sameLanguage } from '../core/content-lang.js';
import { readStored, removeStored, writeStored } from '../core/draft-store.js';
import { isAbortError, SamenError, toSamenError } from '../core/errors.js';
import { dateFormat, formatMoment, hasLocale } from '../core/i18n.js';
import { parseOrThrow } from '../core/parse.js';
import { withParts } from '../core/in-language.js';
import { langTagSchema, PROGRAMMES, type Programme, type Viewer } from '../core/schemas.js';
import {
  CLIP_DRAFT_LIMITS,
  CLIP_GROUP_MAX_LENGTH,
  CO_TEACHER_MAX_LENGTH,
  classRhythmSchema,
  clipFromDraft,
  lessonClipDraftSchema,
  SCHEDULE_LIMITS,
  type ClassRhythm,
  MEDIA_LIMITS,
  uploadedMediaSchema,
  type LessonClipDraft,
  type MediaDraft,
  type UploadKind,
} from './schemas.js';
import type { FollowsUp, LessonClip } from '../lesson-clip/schemas.js';
import { atHour, dayValue, defaultSchedule, isScheduleProblem, scheduleNotes, type ScheduleNote } from './schedule.js';
import { SamenElement } from '../core/samen-element.js';
import { UploadController, type Upload, type UploadOutcome, type UploadRefusal } from './upload-controller.js';
import { parseLessonClip } from '../lesson-clip/parse-clip.js';
import { clipComposerStyles } from './clip-composer.styles.js';
import { composerMessages, type ComposerMessages } from './messages.js';
import { clipMessages, type ClipMessages } from '../lesson-clip/messages.js';
import { DraftPreviewAdapter, PREVIEW_CLIP_ID } from './preview-adapter.js';
import {
  courseOf,
  DEFAULT_LIBRARY,
  extendLibrary,
  lessonsOf,
  libraryLanguages,
  pickLanguage,
  pickText,
  prefillFor,
  sourceOf,
  type LessonTemplate,
  type LessonTextField,
  type TextSource,
} from './programme-library.js';

/** A class the teacher can post to, as the host names it. */
export interface ComposerClass {
  id: string;
  label?: string;
}

/** An upload that is done, as kept in the draft. */
interface Attached {
  mediaId: string;
  kind: UploadKind;
  name: string;
  type: string;
  size: number;
  src: string;
  /** Photos: the description parents who can't see it hear. */
  alt: string;
}

const attachedSchema = z.object({
  mediaId: z.string().check(z.minLength(1)),
  kind: z.enum(['video', 'photo', 'captions']),
  name: z.string(),
  type: z.string(),
  size: z.number(),
  src: z.string(),
  alt: z.string(),
});

/** The draft as kept on this device; anything else found in storage is ignored. */
const storedDraftSchema = z.object({
  classId: z.string(),
  programme: z.enum(PROGRAMMES),
  lessonId: z.string(),
  programmeLabel: z.string(),
  lessonNumber: z.optional(z.int()),
  title: z.string(),
  goal: z.string(),
  learned: z.string(),
  homeQuestion: z.string(),
  homeActivity: z.string(),
  media: z.array(attachedSchema),
  previewLocale: z.string(),
  /** The sub-group and the co-teacher (drafts kept before they existed have neither). */
  group: z.optional(z.string()),
  coTeacher: z.optional(z.string()),
  publishId: z.optional(z.string()),
  /** The language the teacher writes in, once chosen; until then the UI's. A bad stored tag is dropped. */
  lang: z.optional(z.catch(z.optional(langTagSchema), undefined)),
  /** Now, or scheduled for a day (`2027-01-14`) and hour (issue 26); drafts kept before had neither. */
  when: z.optional(z.catch(z.optional(z.enum(['now', 'later'])), undefined)),
  scheduleDay: z.optional(z.string()),
  scheduleHour: z.optional(z.catch(z.optional(z.int().check(z.gte(0), z.lte(23))), undefined)),
  /** A lesson, a follow-up post on it, or the lesson repeated for a later group; and where it was given before. */
  kind: z.optional(z.catch(z.optional(z.enum(['lesson', 'follow-up', 'repeat'])), undefined)),
  originalClassId: z.optional(z.string()),
});
type Draft = z.infer<typeof storedDraftSchema>;

type TextField = 'title' | 'goal' | 'learned' | 'homeQuestion' | 'homeActivity' | 'programmeLabel';
/** Who the lesson was for and with: kept from one clip to the next, like the class. */
type WhoField = 'group' | 'coTeacher';
const TEXT_FIELDS: readonly TextField[] = ['title', 'goal', 'learned', 'homeQuestion', 'homeActivity', 'programmeLabel'];

interface ComposerData {
  viewer: Viewer;
  classes: ComposerClass[];
}

type PostKind = 'lesson' | 'follow-up' | 'repeat';
const POST_KINDS: readonly PostKind[] = ['lesson', 'follow-up', 'repeat'];
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** Languages the preview offers when they are registered (nl and en always are). */
const PREVIEW_LOCALES = ['nl', 'en', 'ar', 'tr', 'pl', 'uk'];
const MB = 1024 * 1024;

/**
 * The teacher's lesson clip composer: pick the programme and lesson, and the goal, a "what
 * we learned" starter, a question and a practice activity for home come pre-filled from the
 * programme library; attach a video (with captions) or photos; preview exactly as a parent
 * will see it, in the language they read; publish. The draft survives a reload. The clip says
 * the language it is written in (`lang`): the teacher's UI language unless they pick another
 * (the library fills its texts in in that language when it has them).
 *
 * True to the programmes: beside a text the library filled in, the composer says whether it is
 * the programme's own (a WIsH lesson's name) or an example to adapt, until the teacher changes
 * it; how the programme runs around its lessons, and a lesson's note, are shown to the teacher
 * only. A lesson can name the sub-group it was for ("Groep 6 — meisjes": WIsH teaches girls and
 * boys apart) and who taught it with the teacher; parents see both on the card.
 *
 * Needs an adapter with `publishLessonClip` (and `uploadMedia` for media); without them the
 * composer says what it cannot do here and keeps the draft.
 *
 * @summary Post a lesson clip in a minute (teacher).
 * @tagname samen-clip-composer
 *
 * @fires {CustomEvent<SamenPublishDetail>} samen-publish - The clip was published; `detail.clipId` is its id for `<samen-lesson-clip>`.
 * @fires {CustomEvent<SamenScheduleDetail>} samen-schedule - The clip was scheduled (after `samen-publish`): `detail.clipId`, `classId` and `scheduledAt`, so the host can send its own reminder at the hour the school chooses.
 * @fires {CustomEvent<SamenErrorDetail>} samen-error - Loading, an upload or publishing failed, or the school's library had bad entries; `detail.fatal` says whether the composer is still usable.
 *
 * @csspart base - The card.
 * @csspart heading - The composer's heading.
 * @csspart form - The form with every field.
 * @csspart programme - The programme select.
 * @csspart programme-info - How the chosen programme runs around its lessons (a disclosure, for the teacher only).
 * @csspart lesson - The lesson select.
 * @csspart lesson-note - The programme's note for the teacher with the chosen lesson (never published).
 * @csspart source-note - Beside a text the library filled in: an example to adapt, or the programme's own.
 * @csspart field - Every text field (input or textarea).
 * @csspart media - The media fieldset (video, photos, captions).
 * @csspart upload - A file on its way, with its progress bar and stop button.
 * @csspart attached - A file that is attached.
 * @csspart notice - A note about what can't be done here.
 * @csspart problems - What to fix before publishing, or why a file was refused.
 * @csspart schedule - The fieldset with "Nu plaatsen" or "Inplannen", its day and hour (issue 26).
 * @csspart schedule-warning - A warning about the moment picked (the weekend, late in the evening): the teacher may go on.
 * @csspart rhythm - The class's posted and planned lessons of the programme (issue 26).
 * @csspart kind - The fieldset with the kind of post: a lesson, a follow-up on a lesson, a repeat lesson (issue 26).
 * @csspart preview-button - The button that shows or hides the preview.
 * @csspart publish-button - The publish button.
 * @csspart preview - The preview: the real parent card of the draft.
 * @csspart published - The confirmation after publishing.
 * @csspart error - The error state.
 * @csspart retry - The retry button in the error state.
 *
 * @cssprop [--samen-color-surface=#ffffff] - Background of the card and fields. Dark: `#1b1f27`.
 * @cssprop [--samen-color-surface-raised=#f3f5f8] - Background of uploads and notices. Dark: `#252a34`.
 * @cssprop [--samen-color-text=#1d2430] - Text colour. Dark: `#eef1f5`.
 * @cssprop [--samen-color-muted=#4f5a69] - Hints. Dark: `#b3bcc9`.
 * @cssprop [--samen-color-border=#c9d0da] - Borders. Dark: `#444c5a`.
 * @cssprop [--samen-color-accent=#1a6b58] - The publish button and progress bars. Dark: `#7fdcc3`.
 * @cssprop [--samen-color-on-accent=#ffffff] - Text on the accent colour. Dark: `#0d1f1a`.
 * @cssprop [--samen-color-danger=#b3261e] - Refusals and problems. Dark: `#ff9c92`.
 * @cssprop [--samen-color-focus=#1558b0] - Focus ring. Dark: `#9ecbff`.
 * @cssprop [--samen-radius=12px] - Corner radius.
 * @cssprop [--samen-space=16px] - Base spacing.
 * @cssprop [--samen-font-family=inherit] - Font; inherits the host app's by default.
 * @cssprop [--samen-touch-target=44px] - Minimum size of buttons and fields.
 * @cssprop [--samen-composer-max-width=48rem] - Widest the composer grows.
 * @cssprop [--samen-placeholder-height=auto] - Height of the card while it loads, or while it waits below the fold (`loading="lazy"`) until it comes near the screen: set it to the card's usual height so nothing jumps.
 */
export class SamenClipComposer extends SamenElement {
  static override styles = [...SamenElement.styles, clipComposerStyles];

  /**
   * The school's own lessons, added to the shipped library (WIsH 1–8, Kanjertraining, PBS):
   * an entry with a shipped id replaces it. Checked entry by entry; bad entries are left out.
   */
  @property({ attribute: false }) library?: unknown;

  /** The classes the teacher posts to, with the names parents see. Default: the viewer's `classIds`. */
  @property({ attribute: false }) classes?: ComposerClass[];

  @state() private draft: Draft = emptyDraft('');
  @state() private refusals: string[] = [];
  @state() private problems: string[] = [];
  @state() private previewOpen = false;
  @state() private publishing = false;
  @state() private publishError: SamenError | undefined;
  @state() private published: { clipId: string; scheduledAt?: string } | undefined;
  @state() private libraryProblems = false;
  @state() private rhythmVersion = 0;

  private lessons: LessonTemplate[] = [...DEFAULT_LIBRARY];
  private reportedLibrary: unknown = undefined;
  private draftKey = '';
  private readonly draftPreview = new DraftPreviewAdapter(() => this.previewClip());

  /** The teacher and their classes, through the composer's port; the draft kept on this device comes back with them. */
  private readonly loader = this.useData({
    port: 'composer',
    // Its render formats dates or numbers with Intl: Intl's first format is made while the reads are out.
    formatsWithIntl: () => true,
    args: () => [this.classes] as const,
    load: async ({ adapter, viewer: whose, args: [given], signal }): Promise<ComposerData> => {
      const viewer = await whose;
      if (viewer.role !== 'teacher') throw new SamenError('forbidden', 'only teachers post lesson clips');
      const classes = given?.length ? given : (viewer.classIds ?? []).map((id) => ({ id }));
      if (!classes.length) throw new SamenError('forbidden', 'the teacher has no class');
      await this.restoreDraft(adapter, viewer, classes, signal);
      return { viewer, classes };
    },
  });

  /**
   * The class's posted and planned lessons of the programme (issue 26), when the adapter has
   * `getClassRhythm`: beside the schedule, so the teacher sees the gaps. Never an error state: without it, no list.
   */
  private readonly rhythm = this.useData({
    port: 'composer',
    secondary: true,
    args: () => [this.draft.classId, this.draft.programme, this.rhythmVersion] as const,
    load: async ({ adapter, args: [classId, programme], signal }): Promise<ClassRhythm | undefined> => {
      if (!classId || programme === 'custom' || !adapter.getClassRhythm) return undefined;
      try {
        return parseOrThrow(classRhythmSchema, await adapter.getClassRhythm({ classId, programme }, { signal }), 'rhythm');
      } catch (error) {
        if (isAbortError(error)) throw error;
        return undefined;
      }
    },
  });

  /** The files on their way (progress, Stop, a retry under the same id); stopped when the composer leaves the page. */
  private readonly uploads = new UploadController(this, {
    adapter: () => this.adapter,
    attached: () => this.draft.media,
    settled: (outcome) => this.uploadSettled(outcome),
  });

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('library')) this.applyLibrary();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.previewOpen) this.draftPreview.changed();
  }

  // ------------------------------------------------------------------ data

  private applyLibrary(): void {
    const { lessons, problems } =
      this.library === undefined ? { lessons: [...DEFAULT_LIBRARY], problems: [] } : extendLibrary(DEFAULT_LIBRARY, this.library);
    this.lessons = lessons;
    this.libraryProblems = problems.length > 0;
    if (problems.length && this.reportedLibrary !== this.library) {
      this.reportedLibrary = this.library;
      this.reportError(new SamenError('invalid-data', 'library entries were left out', problems), false);
    }
  }

  private async restoreDraft(
    adapter: AdapterFor<'composer'>,
    viewer: Viewer,
    classes: ComposerClass[],
    signal: AbortSignal,
  ): Promise<void> {
    const key = `composer:${viewer.id}`;
    if (key === this.draftKey) return;
    const stored = z.safeParse(storedDraftSchema, readStored(key));
    const draft = stored.success ? stored.data : emptyDraft(classes[0]!.id, this.resolvedLocale);
    if (!classes.some((c) => c.id === draft.classId)) draft.classId = classes[0]!.id;
    // blob: URLs end with the page: ask the adapter for the files again, or say they are gone.
    const lost: string[] = [];
    let failed: SamenError | undefined;
    if (draft.media.length && adapter.getUploadedMedia) {
      const fresh = await Promise.all(
        draft.media.map(async (item) => {
          try {
            const media = parseOrThrow(uploadedMediaSchema, await adapter.getUploadedMedia!(item.mediaId, { signal }), 'media');
            return { ...item, src: media.src };
          } catch (error) {
            if (isAbortError(error)) throw error;
            // A file that is gone is said in the list; anything else (a bad answer) is reported too.
            const samenError = toSamenError(error);
            if (samenError.kind !== 'not-found') failed ??= samenError;
            lost.push(item.name);
            return undefined;
          }
        }),
      );
      draft.media = fresh.filter((m): m is Attached => m !== undefined);
    }
    // A load stopped on the way (left the page, another adapter) restores nothing: the next load does.
    if (signal.aborted) throw signal.reason;
    this.draftKey = key;
    this.draft = draft;
    this.refusals = lost.map((name) => this.m.mediaLost(name));
    if (lost.length) this.persist();
    if (failed) this.reportError(failed, false);
  }

  private persist(): void {
    if (this.draftKey) writeStored(this.draftKey, this.draft);
  }

  /** Loaded for the teacher here now (not the last answer, for whoever was here before). */
  private get loaded(): ComposerData | undefined {
    const data = this.loader.current ? this.loader.value : undefined;
    return data && this.personConfirmed && data.viewer.id === this.personKey ? data : undefined;
  }

  /**
   * Another teacher here: the draft of the one before stays stored under their key (for their
   * return) and is gone from the screen; their uploads stop, nothing of theirs is published.
   */
  protected override forgetPerson(): void {
    super.forgetPerson();
    this.uploads.forget();
    this.draftKey = '';
    this.draft = emptyDraft('');
    this.published = undefined;
    this.refusals = [];
    this.problems = [];
    this.publishError = undefined;
    this.publishing = false;
    this.previewOpen = false;
  }

  private patch(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
    this.problems = [];
    this.publishError = undefined;
    this.persist();
  }

  // ------------------------------------------------------------------ choosing the lesson

  /** The language the teacher writes the clip in: their choice, else the UI's. Sent as the clip's `lang`. */
  private get contentLocale(): string {
    return this.draft.lang && isLangTag(this.draft.lang) ? this.draft.lang : this.resolvedLocale;
  }

  /** The languages offered for the texts: the UI's, the library's, and those the app can show. */
  private textLanguages(): string[] {
    const all = [this.contentLocale, this.resolvedLocale, ...libraryLanguages(this.lessons), ...this.previewLocales()];
    return all.filter((code, i) => isLangTag(code) && all.findIndex((other) => other.toLowerCase() === code.toLowerCase()) === i);
  }

  /**
   * Another language for the texts: what the library filled in and is unchanged is filled in
   * again in that language (when the library has it); what the teacher typed stays.
   */
  private chooseLanguage(lang: string): void {
    if (!isLangTag(lang)) return;
    const lesson = this.lessons.find((l) => l.id === this.draft.lessonId);
    const patch: Partial<Draft> = { lang };
    if (lesson) {
      const before = prefillFor(lesson, this.contentLocale);
      const after = prefillFor(lesson, lang);
      for (const field of TEXT_FIELDS) if (this.draft[field] === before[field] && after[field]) patch[field] = after[field];
    }
    this.patch(patch);
  }

  /** Another programme: its lessons are offered, what was typed stays. */
  private chooseProgramme(programme: Programme): void {
    const { lessonNumber: _drop, ...rest } = this.draft;
    this.draft = rest;
    this.patch({ programme, lessonId: '' });
  }

  /** A lesson from the library fills in every text, to be changed at will. */
  private chooseLesson(lessonId: string): void {
    const lesson = this.lessons.find((l) => l.id === lessonId);
    if (!lesson) {
      const { lessonNumber: _drop, ...rest } = this.draft;
      this.draft = rest;
      this.patch({ lessonId: '' });
      return;
    }
    const texts = prefillFor(lesson, this.contentLocale);
    // A library without this language fills in another: the clip then says that one.
    const used = pickLanguage(lesson.title, this.contentLocale);
    this.patch({
      ...(used && !sameLanguage(used, this.contentLocale) ? { lang: used } : {}),
      lessonId,
      ...(lesson.lessonNumber ? { lessonNumber: lesson.lessonNumber } : {}),
      title: texts.title,
      goal: texts.goal,
      learned: texts.learned,
      homeQuestion: texts.homeQuestion,
      homeActivity: texts.homeActivity,
      ...(lesson.programme === 'custom' ? { programmeLabel: texts.programmeLabel } : {}),
    });
    this.announce(this.m.prefilled);
  }

  /** The sub-group and co-teacher of the draft: they stay for the next clip. */
  private who(): Partial<Record<WhoField, string>> {
    return { group: this.draft.group ?? '', coTeacher: this.draft.coTeacher ?? '' };
  }

  private get chosenLesson(): LessonTemplate | undefined {
    return this.draft.lessonId ? this.lessons.find((l) => l.id === this.draft.lessonId) : undefined;
  }

  /**
   * Where the text in `field` comes from while it is still what the library filled in: the
   * programme's own or an example. Once the teacher changed it, it is theirs (no note).
   */
  private sourceOfField(field: LessonTextField): TextSource | undefined {
    const lesson = this.chosenLesson;
    if (!lesson) return undefined;
    const source = sourceOf(lesson, field);
    return source && this.draft[field] && this.draft[field] === prefillFor(lesson, this.contentLocale)[field] ? source : undefined;
  }

  // ------------------------------------------------------------------ media

  private get canUpload(): boolean {
    return this.uploads.canUpload;
  }

  private onFiles(event: Event, kind: 'media' | 'captions'): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    this.addFiles(files, kind);
  }

  /** Checks and uploads files; refused ones are listed with the reason. Public for hosts with their own pickers. */
  addFiles(files: File[], as: 'media' | 'captions' = 'media'): void {
    // Only for a teacher whose composer has loaded: a parent's or child's "no access" state uploads nothing.
    if (!this.loaded) return;
    const before = this.uploads.uploading.length;
    const refused = this.uploads.add(files, as);
    if (this.uploads.uploading.length !== before) this.problems = [];
    this.refusals = refused.map((refusal) => this.refusalText(refusal));
  }

  /** Why a file was refused, in the teacher's words. */
  private refusalText(refusal: UploadRefusal): string {
    const t = this.m;
    switch (refusal.reason) {
      case 'too-big':
        return t.tooBig(refusal.name, Math.round(refusal.maxBytes / MB));
      case 'empty':
        return t.emptyFile(refusal.name);
      case 'wrong-type':
        return t.wrongType(refusal.name);
      case 'mixed':
        return t.mixedMedia;
      case 'too-many':
        return t.tooManyPhotos(refusal.max);
    }
  }

  /** An upload ended: the file joins the draft, or the teacher hears it was stopped or failed. */
  private uploadSettled(outcome: UploadOutcome): void {
    const { upload } = outcome;
    const t = this.m;
    if (outcome.status === 'uploaded') {
      const { media } = outcome;
      this.patch({
        media: [
          ...this.draft.media,
          { mediaId: media.mediaId, kind: upload.kind, name: upload.name, type: media.type, size: media.size, src: media.src, alt: '' },
        ],
      });
      this.announce(t.uploaded(upload.name));
    } else if (outcome.status === 'cancelled') {
      this.announce(t.cancelled(upload.name));
    } else if (outcome.status === 'failed') {
      this.refusals = [...this.refusals, t.uploadFailed(upload.name)];
      this.reportError(outcome.error, false);
    }
  }

  /** Stops an upload at once, even when the adapter never answers. */
  private cancelUpload(upload: Upload): void {
    this.uploads.stop(upload);
    this.announce(this.m.cancelled(upload.name));
  }

  private async removeMedia(item: Attached): Promise<void> {
    this.patch({ media: this.draft.media.filter((m) => m !== item) });
    this.announce('');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('input[type="file"]')?.focus();
  }

  private setAlt(item: Attached, alt: string): void {
    this.patch({ media: this.draft.media.map((m) => (m === item ? { ...m, alt } : m)) });
  }

  // ------------------------------------------------------------------ preview and publish

  private mediaDraft(): MediaDraft | undefined {
    const media = this.draft.media;
    const video = media.find((m) => m.kind === 'video');
    if (video) {
      const captions = media.filter((m) => m.kind === 'captions');
      return { kind: 'video', mediaId: video.mediaId, captions: captions.map((c) => ({ mediaId: c.mediaId, ...this.captionTrack() })) };
    }
    const photos = media.filter((m) => m.kind === 'photo');
    return photos.length ? { kind: 'photos', photos: photos.map((p) => ({ mediaId: p.mediaId, alt: p.alt.trim() })) } : undefined;
  }

  /** Captions are in the language the teacher writes in. */
  private captionTrack(): { srclang: string; label: string } {
    const srclang = this.contentLocale.split('-')[0]!;
    let label = srclang;
    try {
      label = new Intl.DisplayNames([this.resolvedLocale], { type: 'language' }).of(srclang) ?? srclang;
    } catch {
      // an unknown code keeps its code as the label
    }
    return { srclang, label: label.charAt(0).toLocaleUpperCase(this.resolvedLocale) + label.slice(1) };
  }

  /** What will be published, without the id and date the adapter adds. */
  private clipDraft(): LessonClipDraft {
    const d = this.draft;
    const label = this.classOf(d.classId)?.label;
    const media = this.mediaDraft();
    const text = (value: string) => (value.trim() ? value.trim() : undefined);
    const draft: Record<string, unknown> = {
      classId: d.classId,
      classLabel: label,
      group: text(d.group ?? ''),
      coTeacher: text(d.coTeacher ?? ''),
      programme: d.programme,
      programmeLabel: d.programme === 'custom' ? text(d.programmeLabel) : undefined,
      lessonNumber: d.lessonNumber,
      title: d.title.trim(),
      goal: text(d.goal),
      learned: text(d.learned),
      homeQuestion: text(d.homeQuestion),
      homeActivity: text(d.homeActivity),
      media,
      lang: this.contentLocale,
      scheduledAt: this.scheduledMoment()?.toISOString(),
      followsUp: this.followsUp(),
    };
    // A follow-up post is no lesson of the run: its lesson is the one it follows up.
    if (draft['followsUp'] && this.postKind === 'follow-up') delete draft['lessonNumber'];
    for (const key of Object.keys(draft)) if (draft[key] === undefined) delete draft[key];
    return draft as LessonClipDraft;
  }

  // ------------------------------------------------------------------ the rhythm and after the last lesson (issue 26)

  private get postKind(): PostKind {
    return this.draft.kind ?? 'lesson';
  }

  /** The lesson of the run a follow-up or repeat lesson is linked to; a follow-up stays in its class. */
  private followsUp(): FollowsUp | undefined {
    const kind = this.postKind;
    const lessonNumber = this.draft.lessonNumber;
    if (kind === 'lesson' || !lessonNumber) return undefined;
    const classId = kind === 'follow-up' ? this.draft.classId : this.draft.originalClassId;
    return { kind, lessonNumber, ...(classId ? { classId } : {}) };
  }

  /**
   * A lesson, a follow-up on it or a repeat lesson. A follow-up's title, while it is still the
   * library's, becomes "Denkt u nog aan …?"; back to a lesson, the library's title again.
   */
  private chooseKind(kind: PostKind): void {
    const lesson = this.chosenLesson;
    const patch: Partial<Draft> = { kind };
    if (lesson) {
      const title = prefillFor(lesson, this.contentLocale).title;
      const words = composerMessages.ready(this.contentLocale) ? composerMessages.get(this.contentLocale) : this.m;
      const followUpTitle = words.followUpTitle(title);
      if (kind === 'follow-up' && this.draft.title === title) patch.title = followUpTitle;
      if (kind !== 'follow-up' && this.draft.title === followUpTitle) patch.title = title;
    }
    this.patch(patch);
  }

  /** The moment picked, when the teacher schedules; `undefined`: now. */
  private scheduledMoment(): Date | undefined {
    const d = this.draft;
    if (d.when !== 'later') return undefined;
    return atHour(d.scheduleDay ?? '', d.scheduleHour ?? SCHEDULE_LIMITS.morningHour);
  }

  /** Now, or later: the first time, the next school-day morning is suggested. */
  private chooseWhen(when: 'now' | 'later'): void {
    if (when === 'later' && !this.draft.scheduleDay) {
      const suggested = defaultSchedule(new Date());
      this.patch({ when, scheduleDay: dayValue(suggested), scheduleHour: suggested.getHours() });
      return;
    }
    this.patch({ when });
  }

  /** A day or an hour picked: a weekend or a late hour is said at once (a warning, not a block). */
  private pickMoment(patch: Partial<Draft>): void {
    const before = this.scheduleWarnings().join();
    this.patch(patch);
    const warnings = this.scheduleWarnings();
    if (warnings.length && warnings.join() !== before) this.announce(warnings.map((note) => this.scheduleNoteText(note)).join(' '));
  }

  private scheduleNotes(): ScheduleNote[] {
    const at = this.scheduledMoment();
    return at ? scheduleNotes(at, new Date()) : [];
  }

  private scheduleWarnings(): ScheduleNote[] {
    return this.scheduleNotes().filter((note) => !isScheduleProblem(note));
  }

  private scheduleNoteText(note: ScheduleNote): string {
    const c = this.m;
    switch (note) {
      case 'weekend':
        return c.weekendWarning;
      case 'evening':
        return c.eveningWarning;
      case 'past':
        return c.schedulePast;
      case 'too-far':
        return c.scheduleTooFar(SCHEDULE_LIMITS.maxDaysAhead);
    }
  }

  /** The draft as the parent card reads it: the same shape the adapter's published clip has. */
  private previewClip(): LessonClip {
    const draft = this.clipDraft();
    const media: MediaDraft | undefined =
      draft.media?.kind === 'photos'
        ? { ...draft.media, photos: draft.media.photos.map((p) => ({ ...p, alt: p.alt || '…' })) }
        : draft.media;
    const clip = clipFromDraft(
      { ...draft, title: draft.title || '…', media },
      { id: PREVIEW_CLIP_ID, postedAt: new Date().toISOString() },
      (mediaId) => this.draft.media.find((m) => m.mediaId === mediaId),
    );
    // Where the class will be in the programme ("Les 3 van 8"), as a published clip of a run
    // says it: the programme's numbered lessons, as its introduction lists them.
    const lessonCount = draft.lessonNumber ? lessonsOf(this.lessons, draft.programme).filter((l) => l.lessonNumber).length : 0;
    if (draft.lessonNumber && lessonCount >= draft.lessonNumber) clip.lessonCount = lessonCount;
    return clip;
  }

  private classOf(id: string): ComposerClass | undefined {
    return this.loader.value?.classes.find((c) => c.id === id);
  }

  /** What stops publishing, in the teacher's words. */
  private check(): string[] {
    const c = this.m;
    const d = this.draft;
    const problems: string[] = [];
    if (!d.title.trim()) problems.push(c.required(c.title));
    if (!d.homeQuestion.trim()) problems.push(c.required(this.clipWords.homeQuestion));
    if (d.programme === 'custom' && !d.programmeLabel.trim()) problems.push(c.required(c.programmeName));
    d.media
      .filter((m) => m.kind === 'photo')
      .forEach((p, i) => {
        if (!p.alt.trim()) problems.push(c.photoAltMissing(i + 1));
      });
    if (this.uploads.uploading.length) problems.push(c.waitForUploads);
    if (this.postKind !== 'lesson' && !d.lessonNumber) problems.push(c.required(c.lesson));
    problems.push(
      ...this.scheduleNotes()
        .filter(isScheduleProblem)
        .map((note) => this.scheduleNoteText(note)),
    );
    return problems;
  }

  private async togglePreview(): Promise<void> {
    this.previewOpen = !this.previewOpen;
    if (this.previewOpen) this.draftPreview.changed();
  }

  /**
   * Escape in the open preview, or on its button, closes it and puts focus on the button. A key
   * the previewed card took itself (its own editing) or an input method's composition is left alone.
   */
  private async onPreviewKeydown(event: KeyboardEvent): Promise<void> {
    if (event.key !== 'Escape' || event.isComposing || event.defaultPrevented || !this.previewOpen) return;
    event.preventDefault();
    this.previewOpen = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="preview-button"]')?.focus();
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    void this.publish();
  }

  /** Publishes the draft; a retry (even after a reload) reuses the same idempotency key. */
  async publish(): Promise<void> {
    const adapter = this.adapter;
    if (this.publishing || !adapter?.publishLessonClip || !this.loaded) return;
    this.problems = this.check();
    if (this.problems.length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.problems')?.focus();
      return;
    }
    const id = this.draft.publishId ?? newId();
    if (!this.draft.publishId) this.patch({ publishId: id });
    const person = this.personToken;
    const draftKey = this.draftKey;
    this.publishing = true;
    this.publishError = undefined;
    this.announce(this.m.publishing);
    try {
      const input = parseOrThrow(lessonClipDraftSchema, this.clipDraft(), 'clip');
      const { clip } = parseLessonClip(await adapter.publishLessonClip({ id, ...input }));
      removeStored(draftKey);
      // Published for a teacher who is no longer here: nothing of it shows to who is here now.
      if (!this.stillFor(person)) return;
      this.draft = emptyDraft(this.draft.classId, this.draft.previewLocale, this.draft.lang, this.who());
      this.previewOpen = false;
      this.published = { clipId: clip.id, ...(input.scheduledAt ? { scheduledAt: input.scheduledAt } : {}) };
      this.rhythmVersion++;
      // Not announced: focus moves to the notice, which says it (it was heard twice; issue 21).
      this.announce('');
      void this.emit('samen-publish', { clipId: clip.id, id });
      // The host sends its own reminder at the hour the school chooses (issue 26).
      if (input.scheduledAt)
        void this.emit('samen-schedule', { clipId: clip.id, classId: input.classId, scheduledAt: input.scheduledAt, id });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="published"]')?.focus();
    } catch (error) {
      if (!this.stillFor(person)) return;
      this.publishError = toSamenError(error);
      this.announce('');
      this.reportError(this.publishError, false);
    } finally {
      if (this.stillFor(person)) this.publishing = false;
    }
  }

  /** Starts a new clip after publishing, or throws the draft away (the class, sub-group and co-teacher stay). */
  startOver(): void {
    this.uploads.forget();
    this.published = undefined;
    this.refusals = [];
    this.problems = [];
    this.publishError = undefined;
    this.previewOpen = false;
    this.draft = emptyDraft(this.draft.classId, this.draft.previewLocale, this.draft.lang, this.who());
    removeStored(this.draftKey);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('select, input')?.focus());
  }

  // ------------------------------------------------------------------ render

  /** The composer's own words (loaded with the language: the shared tables don't carry them). */
  private get m(): ComposerMessages {
    return composerMessages.get(this.resolvedLocale);
  }

  /** The lesson clip's words for the fields the composer fills in (it composes a lesson clip, and previews one). */
  private get clipWords(): ClipMessages {
    return clipMessages.get(this.resolvedLocale);
  }

  protected override render(): TemplateResult {
    // Loading until its words (and the lesson clip's it borrows) are there too, rather than Dutch for a moment.
    const waiting = [composerMessages, clipMessages].filter((words) => !words.ready(this.resolvedLocale)); // each starts its load
    return this.renderData(this.loader, (data) =>
      waiting.length
        ? this.renderLoading()
        : html`<div class="card" part="base" lang=${this.resolvedLocale} dir=${this.languageDir}>
            ${this.published ? this.renderPublished(this.published.clipId, this.published.scheduledAt) : this.renderForm(data)}
          </div>`,
    );
  }

  private renderPublished(clipId: string, scheduledAt?: string): TemplateResult {
    const c = this.m;
    return html`<div part="published" class="notice published" tabindex="-1">
        <h2 part="heading">${scheduledAt ? c.scheduled(formatMoment(new Date(scheduledAt), this.resolvedLocale)) : c.published}</h2>
      </div>
      <samen-lesson-clip clip-id=${clipId} view="teacher" locale=${this.resolvedLocale}></samen-lesson-clip>
      <div class="actions"><button type="button" class="primary" @click=${this.startOver}>${c.another}</button></div>`;
  }

  private renderForm(data: ComposerData): TemplateResult {
    const c = this.m;
    const d = this.draft;
    const canPublish = typeof this.adapter?.publishLessonClip === 'function';
    return html`<header>
        <h2 id="heading" part="heading">${c.heading}</h2>
        <p class="hint">${c.intro}</p>
      </header>
      ${this.libraryProblems ? html`<p part="notice" class="notice" role="note">${c.libraryAdjusted}</p>` : nothing}
      ${canPublish ? nothing : html`<p part="notice" class="notice no-publish" role="note">${c.noPublish}</p>`}
      <form part="form" aria-labelledby="heading" novalidate @submit=${this.onSubmit}>
        ${this.renderChoice(data)} ${this.renderFields()} ${this.renderWho(data)} ${this.renderCourse()} ${this.renderKind(data)}
        ${this.renderMedia()} ${this.renderSchedule()}
        ${
          this.problems.length
            ? html`<div part="problems" class="problems" role="alert" tabindex="-1">
              <p>${c.fix}</p>
              <ul>
                ${this.problems.map((p) => html`<li>${p}</li>`)}
              </ul>
            </div>`
            : nothing
        }
        ${
          this.publishError
            ? html`<div part="problems" class="problems" role="alert">
              <p>${this.writeFailedText(this.publishError, c.publishFailed)}</p>
            </div>`
            : nothing
        }
        <div class="preview-controls">
          <div class="field">
            <label for="preview-locale">${c.previewLanguage}</label>
            <select id="preview-locale" @change=${(e: Event) => this.patch({ previewLocale: (e.target as HTMLSelectElement).value })}>
              ${this.previewLocales().map(
                (code) => html`<option value=${code} lang=${code} ?selected=${code === this.previewLocale}>${languageName(code)}</option>`,
              )}
            </select>
          </div>
          <button type="button" part="preview-button" aria-expanded=${this.previewOpen ? 'true' : 'false'} aria-controls="preview" @click=${this.togglePreview} @keydown=${this.onPreviewKeydown}>
            ${this.previewOpen ? c.hidePreview : c.preview}
          </button>
        </div>
        <div class="actions">
          <button
            type="submit"
            class="primary"
            part="publish-button"
            aria-disabled=${canPublish && !this.publishing ? 'false' : 'true'}
          >
            ${this.draft.when === 'later' ? (this.publishing ? c.scheduling : c.scheduleLater) : this.publishing ? c.publishing : c.publish}
          </button>
          <button type="button" @click=${this.startOver}>${c.startOver}</button>
          ${d.title || d.homeQuestion || d.media.length ? html`<span class="muted">${c.draftKept}</span>` : nothing}
        </div>
      </form>
      <section
        id="preview"
        part="preview"
        class="preview"
        aria-labelledby="preview-heading"
        ?hidden=${!this.previewOpen}
        @keydown=${this.onPreviewKeydown}
        @context-provider=${keepPreviewProviderLocal}
      >
        <h3 id="preview-heading">${c.previewHeading}</h3>
        ${
          this.previewOpen
            ? html`<samen-provider .adapter=${this.draftPreview} locale=${this.previewLocale}>
              <samen-lesson-clip clip-id=${PREVIEW_CLIP_ID} view="parent" theme=${this.theme ?? nothing}></samen-lesson-clip>
            </samen-provider>`
            : nothing
        }
      </section>`;
  }

  private get previewLocale(): string {
    const wanted = this.draft.previewLocale || this.resolvedLocale;
    return this.previewLocales().includes(wanted) ? wanted : this.resolvedLocale;
  }

  private previewLocales(): string[] {
    // Every language Samen ships, and any the host registered: the preview loads the one picked.
    const registered = PREVIEW_LOCALES.filter(hasLocale);
    return registered.includes(this.resolvedLocale) ? registered : [this.resolvedLocale, ...registered];
  }

  private renderChoice(data: ComposerData): TemplateResult {
    const t = this.t;
    const c = this.m;
    const d = this.draft;
    const lessons = lessonsOf(this.lessons, d.programme);
    return html`<div class="choose">
      ${
        data.classes.length > 1
          ? html`<div class="field">
            <label for="class">${c.classLabel}</label>
            <select id="class" @change=${(e: Event) => this.patch({ classId: (e.target as HTMLSelectElement).value, group: '' })}>
              ${data.classes.map((k) => html`<option value=${k.id} ?selected=${k.id === d.classId}>${k.label ?? k.id}</option>`)}
            </select>
          </div>`
          : nothing
      }
      <div class="field">
        <label for="text-lang">${c.textLanguage}</label>
        <select id="text-lang" @change=${(e: Event) => this.chooseLanguage((e.target as HTMLSelectElement).value)}>
          ${this.textLanguages().map((code) => html`<option value=${code} lang=${code} ?selected=${code === this.contentLocale}>${languageName(code)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="programme">${c.programme}</label>
        <select id="programme" part="programme" @change=${(e: Event) => this.chooseProgramme((e.target as HTMLSelectElement).value as Programme)}>
          ${PROGRAMMES.map(
            (p) => html`<option value=${p} ?selected=${p === d.programme}>${p === 'custom' ? c.customProgramme : t.programmes[p]}</option>`,
          )}
        </select>
      </div>
      ${
        d.programme === 'custom'
          ? html`<div class="field">
            <label for="programme-label">${c.programmeName}</label>
            <input id="programme-label" part="field" dir="auto" maxlength=${CLIP_DRAFT_LIMITS.programmeLabel} .value=${live(d.programmeLabel)} @input=${this.onText('programmeLabel')} />
          </div>`
          : nothing
      }
      <div class="field">
        <label for="lesson">${c.lesson}</label>
        <select id="lesson" part="lesson" @change=${(e: Event) => this.chooseLesson((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!d.lessonId}>${lessons.length ? c.chooseLesson : c.ownLesson}</option>
          ${lessons.map((l) => {
            const title = prefillFor(l, this.contentLocale).title;
            return html`<option value=${l.id} ?selected=${l.id === d.lessonId}>${l.lessonNumber ? c.lessonOption(l.lessonNumber, title) : title}</option>`;
          })}
        </select>
      </div>
      ${this.renderLessonNote()}
    </div>`;
  }

  /** How the programme runs around its lessons (WIsH's girls' and boys' groups, Kanjertraining's caps), for the teacher. */
  private renderCourse(): TemplateResult | typeof nothing {
    const programme = this.draft.programme;
    const course = courseOf(programme, this.resolvedLocale);
    if (programme === 'custom' || !course.items.length) return nothing;
    const lang = sameLanguage(course.lang, this.resolvedLocale) ? nothing : course.lang;
    return html`<details part="programme-info" class="programme-info">
      <summary>${this.m.aboutProgramme(this.t.programmes[programme])}</summary>
      <ul lang=${lang}>
        ${course.items.map((item) => html`<li>${item}</li>`)}
      </ul>
    </details>`;
  }

  /** The programme's note with the chosen lesson (parents invited, the evaluation): the teacher's, never published. */
  private renderLessonNote(): TemplateResult | typeof nothing {
    const lesson = this.chosenLesson;
    const note = pickText(lesson?.note, this.resolvedLocale);
    if (!note) return nothing;
    const used = pickLanguage(lesson!.note, this.resolvedLocale)!;
    return html`<p part="lesson-note" class="notice lesson-note" role="note">
      <strong>${this.m.lessonNote}</strong>
      <span lang=${sameLanguage(used, this.resolvedLocale) ? nothing : used}>${note}</span>
    </p>`;
  }

  /** The sub-group the lesson was for and who taught it with the teacher: both optional, both on the parent's card. */
  private renderWho(data: ComposerData): TemplateResult {
    const c = this.m;
    const d = this.draft;
    const lang = sameLanguage(this.contentLocale, this.resolvedLocale) ? nothing : this.contentLocale;
    // WIsH teaches girls and boys apart: offer both groups of the class, in the clip's language when it is loaded.
    const words = composerMessages.ready(this.contentLocale) ? composerMessages.get(this.contentLocale) : c;
    const classLabel = this.classOf(d.classId)?.label ?? data.classes.find((k) => k.id === d.classId)?.label ?? '';
    const suggestions = d.programme === 'wish' && classLabel ? [words.girls(classLabel), words.boys(classLabel)] : [];
    return html`<div class="who">
      <div class="field">
        <label for="group">${c.group}</label>
        <p class="hint" id="group-hint">${c.groupHint}</p>
        <input
          id="group"
          part="field"
          lang=${lang}
          dir="auto"
          maxlength=${CLIP_GROUP_MAX_LENGTH}
          autocomplete="off"
          list=${suggestions.length ? 'group-suggestions' : nothing}
          aria-describedby="group-hint"
          .value=${live(d.group ?? '')}
          @input=${this.onText('group')}
        />
        ${
          suggestions.length
            ? html`<datalist id="group-suggestions">${suggestions.map((s) => html`<option value=${s}></option>`)}</datalist>`
            : nothing
        }
      </div>
      <div class="field">
        <label for="co-teacher">${c.coTeacher}</label>
        <p class="hint" id="co-teacher-hint">${c.coTeacherHint}</p>
        <input
          id="co-teacher"
          part="field"
          lang=${lang}
          dir="auto"
          maxlength=${CO_TEACHER_MAX_LENGTH}
          autocomplete="off"
          aria-describedby="co-teacher-hint"
          .value=${live(d.coTeacher ?? '')}
          @input=${this.onText('coTeacher')}
        />
      </div>
    </div>`;
  }

  /** The note beside a text the library filled in: an example to adapt, or the programme's own. */
  private renderSourceNote(field: LessonTextField): TemplateResult | typeof nothing {
    const source = this.sourceOfField(field);
    if (!source) return nothing;
    return html`<p part="source-note" class="hint source-note source-${source}" id=${`${field}-source`}>
      ${source === 'example' ? this.m.exampleText : this.m.fromProgramme}
    </p>`;
  }

  private onText(field: TextField | WhoField) {
    return (e: Event) => this.patch({ [field]: (e.target as HTMLInputElement | HTMLTextAreaElement).value });
  }

  private renderFields(): TemplateResult {
    const c = this.m;
    const d = this.draft;
    // The texts are in the teacher's chosen language: a screen reader reads them in its voice.
    const lang = sameLanguage(this.contentLocale, this.resolvedLocale) ? nothing : this.contentLocale;
    // The hint and, while the library's text is unchanged, where it comes from: both describe the field.
    const describedBy = (field: LessonTextField, hint?: string) =>
      [hint ? `${field}-hint` : '', this.sourceOfField(field) ? `${field}-source` : ''].filter(Boolean).join(' ') || nothing;
    const area = (field: LessonTextField, label: string, hint?: string) => html`<div class="field">
      <label for=${field}>${label}</label>
      ${hint ? html`<p class="hint" id=${`${field}-hint`}>${hint}</p>` : nothing}
      <textarea
        id=${field}
        part="field"
        lang=${lang}
        dir="auto"
        rows="2"
        maxlength=${CLIP_DRAFT_LIMITS.text}
        aria-describedby=${describedBy(field, hint)}
        .value=${live(d[field])}
        @input=${this.onText(field)}
      ></textarea>
      ${this.renderSourceNote(field)}
    </div>`;
    return html`<div class="fields">
      <div class="field">
        <label for="title">${c.title}</label>
        <input
          id="title"
          part="field"
          lang=${lang}
          dir="auto"
          maxlength=${CLIP_DRAFT_LIMITS.title}
          required
          aria-required="true"
          aria-describedby=${describedBy('title')}
          .value=${live(d.title)}
          @input=${this.onText('title')}
        />
        ${this.renderSourceNote('title')}
      </div>
      ${area('goal', this.clipWords.goal)} ${area('learned', this.clipWords.learned, c.learnedHint)} ${area('homeQuestion', this.clipWords.homeQuestion)}
      ${area('homeActivity', this.clipWords.homeActivity)}
    </div>`;
  }

  /** A lesson, a follow-up post on the lesson chosen, or a repeat lesson for a later group (issue 26). */
  private renderKind(data: ComposerData): TemplateResult {
    const c = this.m;
    const kind = this.postKind;
    const label: Record<PostKind, string> = { lesson: c.kindLesson, 'follow-up': c.kindFollowUp, repeat: c.kindRepeat };
    const others = data.classes.filter((k) => k.id !== this.draft.classId);
    return html`<fieldset part="kind" class="kind">
      <legend>${c.kind}</legend>
      <div class="choices">
        ${POST_KINDS.map(
          (k) => html`<label class="choice"
            ><input type="radio" name="kind" value=${k} .checked=${live(kind === k)} @change=${() => this.chooseKind(k)} />${label[k]}</label
          >`,
        )}
      </div>
      ${kind === 'follow-up' ? html`<p class="hint">${c.followUpHint}</p>` : nothing}
      ${
        kind === 'repeat'
          ? html`<p class="hint">${c.repeatHint}</p>
            ${
              others.length
                ? html`<div class="field">
                  <label for="original-class">${c.originalClass}</label>
                  <select id="original-class" @change=${(e: Event) => this.patch({ originalClassId: (e.target as HTMLSelectElement).value })}>
                    <option value="" ?selected=${!this.draft.originalClassId}>${c.originalUnknown}</option>
                    ${others.map((k) => html`<option value=${k.id} ?selected=${k.id === this.draft.originalClassId}>${k.label ?? k.id}</option>`)}
                  </select>
                </div>`
                : nothing
            }`
          : nothing
      }
    </fieldset>`;
  }

  /** Now or later (a day and an hour), with the class's rhythm beside it (issue 26). */
  private renderSchedule(): TemplateResult {
    const c = this.m;
    const d = this.draft;
    const later = d.when === 'later';
    const notes = this.scheduleNotes();
    const warnings = notes.filter((note) => !isScheduleProblem(note));
    const now = new Date();
    const last = new Date(now.getTime() + SCHEDULE_LIMITS.maxDaysAhead * 86_400_000);
    return html`<fieldset part="schedule" class="schedule">
      <legend>${c.when}</legend>
      <div class="choices">
        <label class="choice"
          ><input type="radio" name="when" value="now" .checked=${live(!later)} @change=${() => this.chooseWhen('now')} />${c.postNow}</label
        >
        <label class="choice"
          ><input type="radio" name="when" value="later" .checked=${live(later)} @change=${() => this.chooseWhen('later')} />${c.scheduleLater}</label
        >
      </div>
      ${
        later
          ? html`<p class="hint" id="schedule-hint">${c.scheduleHint}</p>
            <div class="moment">
              <div class="field">
                <label for="schedule-day">${c.scheduleDay}</label>
                <input
                  id="schedule-day"
                  type="date"
                  part="field"
                  min=${dayValue(now)}
                  max=${dayValue(last)}
                  required
                  aria-describedby=${warnings.length ? 'schedule-hint schedule-warning' : 'schedule-hint'}
                  .value=${live(d.scheduleDay ?? '')}
                  @change=${(e: Event) => this.pickMoment({ scheduleDay: (e.target as HTMLInputElement).value })}
                />
              </div>
              <div class="field">
                <label for="schedule-hour">${c.scheduleHour}</label>
                <select
                  id="schedule-hour"
                  aria-describedby=${warnings.length ? 'schedule-hint schedule-warning' : 'schedule-hint'}
                  @change=${(e: Event) => this.pickMoment({ scheduleHour: Number((e.target as HTMLSelectElement).value) })}
                >
                  ${HOURS.map(
                    (hour) =>
                      html`<option value=${hour} ?selected=${hour === (d.scheduleHour ?? SCHEDULE_LIMITS.morningHour)}>${c.hourOption(hour)}</option>`,
                  )}
                </select>
              </div>
            </div>
            ${
              warnings.length
                ? html`<p part="schedule-warning" class="notice schedule-warning" id="schedule-warning">
                  ${warnings.map((note) => html`<span>${this.scheduleNoteText(note)}</span> `)}
                </p>`
                : nothing
            }`
          : nothing
      }
      ${this.renderRhythm()}
    </fieldset>`;
  }

  /** The class's posted and planned lessons of the programme, as the adapter's rhythm gives them. */
  private renderRhythm(): TemplateResult | typeof nothing {
    const rhythm = this.rhythm.current ? this.rhythm.value : undefined;
    if (!rhythm?.lessons.length || rhythm.classId !== this.draft.classId || rhythm.programme !== this.draft.programme) return nothing;
    const c = this.m;
    const day = dateFormat(this.resolvedLocale, { weekday: 'short', day: 'numeric', month: 'short' });
    return html`<section part="rhythm" class="rhythm" aria-labelledby="rhythm-heading">
      <h3 id="rhythm-heading">${c.rhythm}</h3>
      <p class="hint">${c.rhythmHint}</p>
      <ol>
        ${rhythm.lessons.map((lesson) => {
          const at = lesson.date ? new Date(lesson.date) : undefined;
          const dated = (message: (date: string) => string) =>
            withParts(message, [day.format(at)], [html`<time datetime=${lesson.date!}>${day.format(at)}</time>`]);
          const when = lesson.status === 'posted' && at ? dated(c.rhythmPosted) : at ? dated(c.rhythmPlanned) : c.rhythmOpen;
          return html`<li class="rhythm-lesson ${lesson.status}">
            <span class="rhythm-title">${c.lessonOption(lesson.number, lesson.title)}</span>
            <span class="rhythm-when">${when}</span>
          </li>`;
        })}
      </ol>
    </section>`;
  }

  private renderMedia(): TemplateResult {
    const c = this.m;
    const media = this.draft.media;
    const hasVideo = media.some((m) => m.kind === 'video');
    const photos = media.filter((m) => m.kind === 'photo');
    const accept = [
      ...MEDIA_LIMITS.video.types,
      ...MEDIA_LIMITS.photo.types,
      ...MEDIA_LIMITS.video.extensions,
      ...MEDIA_LIMITS.photo.extensions,
    ].join(',');
    return html`<fieldset part="media">
      <legend>${c.media}</legend>
      ${
        this.canUpload
          ? html`<p class="hint" id="media-hint">${c.mediaHint(MEDIA_LIMITS.video.maxBytes / MB, MEDIA_LIMITS.photo.maxBytes / MB)}</p>
            <label for="media-input">${c.chooseMedia}</label>
            <input id="media-input" type="file" multiple accept=${accept} aria-describedby="media-hint" @change=${(e: Event) => this.onFiles(e, 'media')} />
            ${
              hasVideo
                ? html`<label for="captions-input">${c.chooseCaptions}</label>
                  <p class="hint" id="captions-hint">${c.captionsHint}</p>
                  <input
                    id="captions-input"
                    type="file"
                    accept=".vtt,text/vtt"
                    aria-describedby="captions-hint"
                    @change=${(e: Event) => this.onFiles(e, 'captions')}
                  />`
                : nothing
            }`
          : html`<p part="notice" class="notice no-upload" role="note">${c.noUpload}</p>`
      }
      ${
        this.refusals.length
          ? html`<div part="problems" class="refusals" role="alert">
            <ul>
              ${this.refusals.map((r) => html`<li data-words>${r}</li>`)}
            </ul>
          </div>`
          : nothing
      }
      ${
        this.uploads.uploading.length
          ? html`<ul class="uploads" role="list">
            ${this.uploads.uploading.map((u) => {
              const pct = Math.round(u.progress * 100);
              return html`<li part="upload" class="upload">
                <div class="bar">
                  <span data-words>${c.uploading(u.name, pct)}</span>
                  <progress max="100" .value=${pct} aria-label=${u.name}></progress>
                </div>
                <button type="button" aria-label=${c.cancelUploadOf(u.name)} @click=${() => this.cancelUpload(u)}>${c.cancelUpload}</button>
              </li>`;
            })}
          </ul>`
          : nothing
      }
      ${
        media.length
          ? html`<ul class="attached" role="list">
            ${media.map((m) => {
              const photoIndex = photos.indexOf(m) + 1;
              return html`<li part="attached" class="item">
                <span class="name" data-words>${m.kind === 'captions' ? `${c.captions}: ` : ''}${m.name}</span>
                <button type="button" aria-label=${c.removeOf(m.name)} @click=${() => this.removeMedia(m)}>${c.remove}</button>
                ${
                  m.kind === 'photo'
                    ? html`<div class="field alt">
                      <label for=${`alt-${m.mediaId}`}>${c.photoAlt(photoIndex)}</label>
                      <input
                        id=${`alt-${m.mediaId}`}
                        part="field"
                        dir="auto"
                        maxlength=${CLIP_DRAFT_LIMITS.alt}
                        aria-required="true"
                        .value=${live(m.alt)}
                        @input=${(e: Event) => this.setAlt(m, (e.target as HTMLInputElement).value)}
                      />
                    </div>`
                    : nothing
                }
              </li>`;
            })}
          </ul>`
          : nothing
      }
    </fieldset>`;
  }
}

/** A new draft; the class, sub-group, co-teacher, preview language and the language the teacher writes in stay. */
function emptyDraft(classId: string, previewLocale = '', lang?: string, who: Partial<Record<WhoField, string>> = {}): Draft {
  return {
    ...(lang ? { lang } : {}),
    ...(who.group ? { group: who.group } : {}),
    ...(who.coTeacher ? { coTeacher: who.coTeacher } : {}),
    classId,
    programme: 'wish',
    lessonId: '',
    programmeLabel: '',
    title: '',
    goal: '',
    learned: '',
    homeQuestion: '',
    homeActivity: '',
    media: [],
    previewLocale,
  };
}

/** A language's own name ("Nederlands", "العربية"), so a parent's language is findable by its reader. */
function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
}

/**
 * The preview's own `<samen-provider>` announces itself when it connects, and the page's
 * provider then hands every widget it serves a fresh context request, the composer too. That
 * lands in the middle of the composer's render (an "update after update"), and it is never
 * needed: the only widget inside the preview's provider is the preview card, created after it.
 */
function keepPreviewProviderLocal(event: Event): void {
  event.stopPropagation();
}
