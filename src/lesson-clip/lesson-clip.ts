import { html, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { newId, type AdapterFor } from '../core/adapter.js';
import { afterNextPaint } from '../core/after-paint.js';
import { batchedHomeAnswer, batchedRead } from '../core/batch.js';
import { DraftController, type SubmitResult } from '../core/draft-controller.js';
import { hasFlag, setFlag } from '../core/draft-store.js';
import { SamenError, toSamenError } from '../core/errors.js';
import { formatDate, formatMoment, formatRelative } from '../core/i18n.js';
import { parseOrThrow } from '../core/parse.js';
import { ReadAloudController, readAloudStyles } from '../core/read-aloud.js';
import type { TextLanguage } from '../core/content-lang.js';
import { inLanguage, withParts } from '../core/in-language.js';
import type { Viewer } from '../core/schemas.js';
import {
  ANSWER_MAX_LENGTH,
  clipReachSchema,
  homeAnswerSchema,
  isScheduled,
  type ClipReach,
  type HomeAnswer,
  type HomeAnswerKind,
  type LessonClip,
  type Media,
} from './schemas.js';
import { SamenParentPreviewElement } from '../core/parent-preview-element.js';
import { SamenElement } from '../core/samen-element.js';
import { lessonClipStyles } from './lesson-clip.styles.js';
import { parseLessonClip } from './parse-clip.js';
import { clipMessages, type ClipMessages } from './messages.js';
import { threadMessages } from '../thread/messages.js';
import { LazyThreads } from '../thread/lazy-threads.js';
import { LazyView } from '../core/lazy-view.js';
import { onOnline } from '../core/shared-listener.js';
import type { ClipTeacherHost } from './teacher-view.js';
import type { ClipChildHost } from './child-view.js';
import { classBoardSchema, type ClassBoard } from './board.js';

/** "We talked about it" is the home question's own button, so the bar leaves it out. */
const CLIP_REACTIONS = 'like heart clap practised-at-home';
const FEEDBACK_PARTS = [
  'base: feedback',
  'reactions: feedback-reactions',
  'reaction: feedback-reaction',
  'reaction-pressed: feedback-reaction-pressed',
  'count: feedback-count',
  'replies: feedback-replies',
  'home-share: feedback-home-share',
].join(', ');

/** The class board, or `not-connected` where the adapter has no `getClassBoard` (an optional port method, issue 24). */
function readClassBoard(adapter: AdapterFor<'clip'>, clipId: string, signal: AbortSignal): Promise<unknown> {
  if (typeof adapter.getClassBoard !== 'function')
    return Promise.reject(new SamenError('not-connected', 'the adapter has no getClassBoard (the class board)'));
  return adapter.getClassBoard(clipId, { signal });
}

interface ClipData {
  view: 'parent' | 'teacher' | 'child';
  viewer: Viewer;
  clip: LessonClip;
  programmeKnown: boolean;
  mediaRefused: boolean;
  answer: HomeAnswer | null;
  reach?: ClipReach;
  /** The class board (`view="child"`, issue 24): counts and shared answers, no names. */
  board?: ClassBoard;
}

/**
 * One lesson clip: what the children learned, in their words, with the question
 * for home. Parents answer or tap "we talked about it"; teachers see how far the
 * clip reached the class; the class sees together on the board (`view="child"`) how many
 * families watched, talked about it and reacted, and the answers families chose to share,
 * without names.
 *
 * @summary A lesson clip card with a home question (parent) or class reach (teacher).
 * @tagname samen-lesson-clip
 *
 * @fires {CustomEvent<SamenAnswerDetail>} samen-answer - A parent's answer was stored by the adapter.
 * @fires {CustomEvent<SamenMessageDetail>} samen-message - A message from the teacher arrived live in the thread under the family's answer (with the optional thread port): the host may notify in its own way.
 * @fires {CustomEvent<SamenSeenDetail>} samen-seen - The clip was visible to a parent and recorded as seen (once per viewer).
 * @fires {CustomEvent<SamenReactDetail>} samen-react - From the embedded feedback bar: a reaction was stored.
 * @fires {CustomEvent<SamenAttentionDetail>} samen-attention - `needsAttention` changed (parent view): `true` once the clip loaded with a home question this family has not answered or talked about yet, `false` once it has. The host may send its own gentle reminder; the card itself never nags.
 * @fires {CustomEvent<SamenErrorDetail>} samen-error - Loading, parsing or saving failed; `detail.kind` says why, `detail.fatal` whether the card is still usable.
 *
 * @csspart base - The card.
 * @csspart badge - The programme badge (WIsH, Kanjertraining, PBS…).
 * @csspart group - The sub-group the lesson was for ("Groep 6 — meisjes"), shown instead of the class label when the teacher named one.
 * @csspart title - The lesson title.
 * @csspart follow-up - On a follow-up post or repeat lesson after the run: "Vervolg op les 8" (issue 26).
 * @csspart scheduled - On a clip scheduled for later, as its teacher sees it: "Gepland voor do 14 jan, 8:00" (issue 26).
 * @csspart meta - Class label, sub-group, who taught the lesson with the teacher, and posted date.
 * @csspart media - The video or photo area.
 * @csspart video - The video element.
 * @csspart photos - The list of photos.
 * @csspart goal - The lesson's goal.
 * @csspart learned - What the children learned.
 * @csspart home-question - The question for home and the answer area (parent).
 * @csspart home-activity - The practice activity for home, under the question (parent).
 * @csspart read-aloud - The button that reads the home question aloud (where the browser can speak).
 * @csspart answer-input - The answer text area (parent).
 * @csspart send-button - The send button (parent).
 * @csspart talked-button - The "we talked about it at home" button (parent).
 * @csspart answer - The family's stored answer (parent).
 * @csspart answered-meanwhile - Above the form (parent): another carer's answer came in while this one had unsent words in the box, which stays open with them.
 * @csspart thread - The private thread between the family and the teacher (with the optional thread port): under the family's answer (parent), or in the answers list once the teacher opens it with "Antwoorden".
 * @csspart thread-input - The text area for a message in the thread.
 * @csspart reach - The class reach numbers and bars (teacher).
 * @csspart board - The class board (child): how many families watched, talked about it and reacted, and the shared answers.
 * @csspart board-answers - The list of answers families chose to share with the class, without names (child).
 * @csspart share-choice - The parent's "De klas mag ons antwoord zien, zonder naam" checkbox, off by default (parent).
 * @csspart addresses - Beside the families that saw the clip, the addresses (households) that did, when a child has more than one (teacher).
 * @csspart answers - The list of answers from families (teacher).
 * @csspart notice - A note about content that could not be shown.
 * @csspart media-withheld - The neutral placeholder shown instead of photos and video when the viewer has no media consent.
 * @csspart not-reached - The teacher's private, collapsible list of families the clip has not reached yet.
 * @csspart audience - Under the home question (parent): who sees what the parent writes (the teacher and their household, family, or only them).
 * @csspart preview-bar - The "Preview as parent" switch above the teacher view (teacher).
 * @csspart preview-toggle - The switch button itself (`aria-pressed`).
 * @csspart preview-note - The note above the preview: nothing in it is sent or saved.
 * @csspart feedback - The embedded `<samen-feedback-bar>` (its `base` part); its other parts are re-exported as `feedback-*`.
 * @csspart feedback-reactions - The feedback bar's toolbar of reaction buttons (parent).
 * @csspart feedback-reaction - Each reaction button (parent) or count (teacher) of the feedback bar.
 * @csspart feedback-reaction-pressed - A reaction the family gave.
 * @csspart feedback-count - The number beside a reaction.
 * @csspart feedback-replies - The feedback bar's list of replies.
 * @csspart feedback-home-share - The share of families that did the home activity (teacher).
 * @csspart error - The error state.
 * @csspart retry - The retry button in the error state.
 *
 * @cssprop [--samen-color-surface=#ffffff] - Background of the card and buttons. Dark: `#1b1f27`.
 * @cssprop [--samen-color-surface-raised=#f3f5f8] - Background of inner panels. Dark: `#252a34`.
 * @cssprop [--samen-color-text=#1d2430] - Text colour. Dark: `#eef1f5`.
 * @cssprop [--samen-color-muted=#4f5a69] - Secondary text colour. Dark: `#b3bcc9`.
 * @cssprop [--samen-color-border=#c9d0da] - Borders. Dark: `#444c5a`.
 * @cssprop [--samen-color-accent=#1a6b58] - Buttons, bars and highlights. Dark: `#7fdcc3`.
 * @cssprop [--samen-color-on-accent=#ffffff] - Text on the accent colour. Dark: `#0d1f1a`.
 * @cssprop [--samen-color-danger=#b3261e] - Error accents. Dark: `#ff9c92`.
 * @cssprop [--samen-color-focus=#1558b0] - Focus ring. Dark: `#9ecbff`.
 * @cssprop [--samen-radius=12px] - Corner radius.
 * @cssprop [--samen-space=16px] - Base spacing.
 * @cssprop [--samen-font-family=inherit] - Font; inherits the host app's by default.
 * @cssprop [--samen-touch-target=44px] - Minimum size of buttons.
 * @cssprop [--samen-clip-badge-color=var(--samen-color-accent)] - Background of the programme badge.
 * @cssprop [--samen-clip-media-ratio=16 / 9] - Aspect ratio of the media area.
 * @cssprop [--samen-placeholder-height=36rem] - Height of the card while it loads, or waits below the fold until it comes near the screen (with `loading="lazy"`): set it to your feed's usual card height so nothing jumps when cards load.
 */
export class SamenLessonClip extends SamenParentPreviewElement {
  protected override messageSections = [clipMessages, threadMessages];

  /** The lesson clip's own words in its language (./messages.ts); the shared ones are `this.t`. */
  private get m(): ClipMessages {
    return clipMessages.get(this.resolvedLocale);
  }

  static override styles = [...SamenElement.styles, readAloudStyles, lessonClipStyles];

  /** Id of the lesson clip, as the adapter knows it. */
  @property({ attribute: 'clip-id', reflect: true }) clipId = '';

  /**
   * Who is looking: a `parent` answers, a `teacher` sees the class's reach, `child` is the class
   * board the children see together (no names; a child or teacher of the class, with the
   * adapter's optional `getClassBoard`).
   */
  @property({ reflect: true }) view: 'parent' | 'teacher' | 'child' = 'parent';

  /** The parent's choice to show this answer's words on the class board; off until they tick it (issue 24). */
  @state() private shareWithClass = false;
  /**
   * The card's words have been painted: its pictures are asked for from then on, so on a slow
   * network the first card's text is not queued behind pictures (issue 23). Their frames keep
   * their size meanwhile.
   */
  @state() private textPainted = false;
  private paintWait: Promise<unknown> | undefined;

  @state() private sendingTalked = false;
  @state() private talkedError: SamenError | undefined;
  @state() private editing = false;
  /** The form stays open because an answer came in live while this parent had unsent words in it. */
  @state() private answeredMeanwhile = false;

  @query('textarea') private textarea?: HTMLTextAreaElement;

  /** The parent's answer: kept on every keystroke, sent with a retry-safe idempotency key. */
  private readonly answerDraft = new DraftController(this, ANSWER_MAX_LENGTH);

  /**
   * The private threads about the family's home answer (issue 24; optional thread port), as every
   * widget has them (src/thread/card-threads.ts): under the family's sent answer their thread with
   * the teacher; in the teacher's answers list the one the teacher opened with "Antwoorden".
   */
  private readonly threads = new LazyThreads(this, {
    adapter: () => this.adapter,
    messages: () => threadMessages.get(this.resolvedLocale),
    announce: (text) => this.announce(text),
    emit: (detail) => void this.emit('samen-message', detail),
  });
  private readonly reader = new ReadAloudController(this);

  /** The teacher view (./teacher-view.ts), loaded only for `view="teacher"`: parents never download it. */
  private readonly teacherView = new LazyView(
    this,
    () => (this.constructor as typeof SamenLessonClip).loadTeacherView(),
    (error) => this.reportError(error),
  );

  /** How the teacher view is loaded (a test's subclass may fail it). */
  protected static loadTeacherView = () => import('./teacher-view.js');

  /** The class board (./child-view.ts), loaded only for `view="child"`: parents and teachers never download it. */
  private readonly childView = new LazyView(
    this,
    () => (this.constructor as typeof SamenLessonClip).loadChildView(),
    (error) => this.reportError(error),
  );

  /** How the child view is loaded (a test's subclass may fail it). */
  protected static loadChildView = () => import('./child-view.js');

  /** What the child view reads through the lesson clip: made the first time, as a parent's card never needs it. */
  private get childHost(): ClipChildHost {
    return (this.childHostMade ??= ((clip: this): ClipChildHost => ({
      get m() {
        return clip.m;
      },
      get t() {
        return clip.t;
      },
      familyText: () => clip.familyText(),
      readAloud: (sentences) => clip.reader.render(clip.t, sentences),
    }))(this));
  }
  private childHostMade?: ClipChildHost;

  /** The view whose module is loaded on demand, or none for the parent's. */
  private get lazyView(): LazyView<{ styles: CSSResult }> | undefined {
    return this.view === 'teacher' ? this.teacherView : this.view === 'child' ? this.childView : undefined;
  }

  /** What the teacher view reads through the lesson clip: made the first time, as a parent's card never needs it. */
  private get teacherHost(): ClipTeacherHost {
    return (this.teacherHostMade ??= ((clip: this): ClipTeacherHost => ({
      get m() {
        return clip.m;
      },
      get t() {
        return clip.t;
      },
      get resolvedLocale() {
        return clip.resolvedLocale;
      },
      familyText: () => clip.familyText(),
      thread: (familyId, name, householdId) => clip.renderFamilyThread(familyId, name, householdId),
    }))(this));
  }
  private teacherHostMade?: ClipTeacherHost;

  /**
   * In the teacher's answers list: the open thread with this family (one household of it, when
   * the answer is a household's), or "Antwoorden" to open it (issue 24).
   */
  private renderFamilyThread(familyId: string, name: string, householdId?: string): TemplateResult | typeof nothing {
    return this.preview ? nothing : this.threads.renderFor(familyId, name, { householdId });
  }

  private talkedWriteId: string | undefined;
  private lastKind: HomeAnswerKind = 'text';
  private seenObserver?: IntersectionObserver;

  private readonly loader = this.useData({
    port: 'clip',
    args: () => [this.clipId, this.view] as const,
    load: async ({ adapter, viewer, args: [clipId, view], signal, report }): Promise<ClipData> => {
      this.stopWatching();
      if (!clipId) throw new SamenError('invalid-data', 'missing clip-id', [{ path: 'clip-id', message: 'required' }]);
      const [who, rawClip, rawExtra] = await Promise.all([
        viewer,
        // With the other clips coming into view now, in one call where the adapter can (issue 23).
        batchedRead(adapter, adapter.getLessonClip, adapter.getLessonClips, clipId, signal),
        view === 'teacher'
          ? adapter.getClipReach(clipId, { signal })
          : view === 'child'
            ? readClassBoard(adapter, clipId, signal)
            : batchedHomeAnswer(adapter, clipId, signal),
        view === 'teacher' ? this.teacherView.settled() : view === 'child' ? this.childView.settled() : undefined,
        // The teacher's threads ("Antwoorden") beside the data (issue 23: loaded on demand).
        this.threads.ready(view === 'teacher' && !this.preview),
      ]);
      this.requireTeacherRole(view, who);
      // The board is the class's: a child or teacher of it (the adapter checks `board.read` too).
      if (view === 'child' && who.role !== 'child' && who.role !== 'teacher')
        throw new SamenError('forbidden', 'the class board is for the class: a child or teacher');
      const { clip, problems } = parseLessonClip(rawClip);
      const answer = view === 'parent' && rawExtra ? parseOrThrow(homeAnswerSchema, rawExtra, 'answer') : null;
      const data: ClipData = {
        view,
        viewer: who,
        clip,
        programmeKnown: !problems.some((p) => p.path === 'programme'),
        mediaRefused: problems.some((p) => p.path.startsWith('media')),
        // Another family's answer, sent by mistake, is not shown as this family's (nor is any to a viewer without a family).
        answer: answer && who.familyId && answer.familyId === who.familyId ? answer : null,
      };
      // The family's thread shows under their answer: its module first, so it is read with the card.
      await this.threads.ready(view === 'parent' && !this.preview && !!data.answer);
      if (view === 'teacher') data.reach = parseOrThrow(clipReachSchema, rawExtra, 'reach');
      if (view === 'child') data.board = parseOrThrow(classBoardSchema, rawExtra, 'board');
      this.restoreDraft(data);
      report(problems, 'parts of the clip were refused');
      return data;
    },
    // The class board (issue 24) hears families see, answer and react while it is open: the board's own topic, under `board.read`.
    topics: (_data, [clipId, view]) => (view === 'child' ? [`clip:${clipId}`, `board:${clipId}`] : [`clip:${clipId}`]),
    // A teacher's clip may be scheduled, its moment written by Intl: made while the reads are out.
    formatsWithIntl: ([, view]) => view === 'teacher',
  });

  /** What is shown: the loaded clip, which the parent's own answer updates in place. */
  private get data(): ClipData | undefined {
    return this.loader.value;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // The data shown, also while a live update reads again: the thread keeps its subscription.
    const data = this.data;
    const familyId = data?.viewer.familyId;
    this.threads.show(
      data && !this.preview && (this.view === 'teacher' || (this.view === 'parent' && familyId && data.answer))
        ? {
            about: { kind: 'answer', id: data.clip.id },
            viewerId: data.viewer.id,
            side: this.view === 'teacher' ? 'teacher' : 'family',
            familyId,
            // The household's own thread, unless the school shares within the family (issue 24).
            householdId: this.ownHousehold(data.viewer),
          }
        : undefined,
    );
    // Beside the data load, not after it: a teacher's first render waits for both at once.
    if (this.view === 'teacher') this.teacherView.start();
    if (this.view === 'child') this.childView.start();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopOnline = onOnline(this.retryWhenOnline);
    // Back in the page (moved): the seen-observer, stopped on leaving, watches again after this render.
    if (this.data) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopOnline?.();
    this.stopWatching();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.loader.status === 'complete' && this.loader.current && this.data && !this.seenObserver) this.watchSeen(this.data);
    if (this.data && !this.textPainted && !this.paintWait) this.paintWait = afterNextPaint().then(() => (this.textPainted = true));
    const attention = this.needsAttention;
    if (attention !== this.lastAttention) {
      this.lastAttention = attention;
      void this.emit('samen-attention', { clipId: this.clipId, needsAttention: attention });
    }
  }

  /**
   * Read-only. `true` when the clip loaded (parent view), has a home question, and this
   * family has neither answered nor tapped "we talked about it". A host may use it for its
   * own reminder; it counts nothing up and says nothing to the parent.
   */
  get needsAttention(): boolean {
    const data = this.data;
    if (this.preview || this.loader.status === 'error' || !data) return false;
    if (data.view !== 'parent' || data.view !== this.view || data.clip.id !== this.clipId) return false;
    return !!data.clip.homeQuestion && data.answer === null;
  }

  private lastAttention = false;

  // ------------------------------------------------------------------ data

  private stopWatching(): void {
    this.seenObserver?.disconnect();
    this.seenObserver = undefined;
  }

  /** The viewer's household, when their answers, drafts and threads are its own (not shared within the family; issue 24). */
  private ownHousehold(viewer: Viewer): string | undefined {
    return viewer.shareWithinFamily ? undefined : viewer.householdId;
  }

  private restoreDraft(data: ClipData): void {
    // Per carer, and per household: a tablet shared by two households never shows the other's draft (issue 24).
    const household = this.ownHousehold(data.viewer);
    const key = `draft:${data.viewer.id}${household === undefined ? '' : `@${household}`}:${data.clip.id}`;
    if (key === this.answerDraft.key) {
      // Another carer's answer came in live while this one had words in the box, not sent: the
      // box stays open with them (nothing typed is lost), and says what came in. A send on its
      // way is not such a case: its own answer takes the place of the one that came in.
      if (data.answer && !this.data?.answer && !this.editing && !this.sending && this.answerDraft.text.trim()) {
        this.editing = true;
        this.answeredMeanwhile = true;
      }
      return;
    }
    // Another parent or another clip starts from nothing of the one before; unsent text for a
    // clip that was already answered means the parent was editing.
    const restored = this.answerDraft.restore(key);
    this.editing = restored && data.answer !== null;
    this.answeredMeanwhile = false;
    this.shareWithClass = false;
    this.talkedWriteId = undefined;
    this.talkedError = undefined;
    this.lastKind = 'text';
  }

  /** Another person here: nothing of the one before is shown, kept in memory or sent. */
  protected override forgetPerson(): void {
    super.forgetPerson();
    this.threads.forget();
    this.stopWatching();
    this.answerDraft.forget();
    this.shareWithClass = false;
    this.editing = false;
    this.answeredMeanwhile = false;
    this.sendingTalked = false;
    this.talkedWriteId = undefined;
    this.talkedError = undefined;
    this.lastKind = 'text';
  }

  /** Counts the clip as seen once at least half of it has been on screen. */
  private watchSeen(data: ClipData): void {
    const seenKey = `seen:${data.viewer.id}:${data.clip.id}`;
    if (this.view !== 'parent' || this.preview || hasFlag(seenKey) || typeof IntersectionObserver === 'undefined') return;
    const adapter = this.adapter;
    let inFlight = false;
    this.seenObserver = new IntersectionObserver(
      (entries) => {
        if (inFlight || !adapter || !entries.some((e) => e.isIntersecting)) return;
        inFlight = true;
        adapter
          .markSeen({ id: seenKey, clipId: data.clip.id })
          .then(() => {
            setFlag(seenKey);
            this.seenObserver?.disconnect();
            void this.emit('samen-seen', { clipId: data.clip.id });
          })
          .catch(() => {
            // Not worth bothering a parent: it is tried again next time the card shows.
          })
          .finally(() => (inFlight = false));
      },
      { threshold: 0.5 },
    );
    this.seenObserver.observe(this);
  }

  // ------------------------------------------------------------------ answering

  private onSubmit(event: Event): void {
    event.preventDefault();
    void this.send('text');
  }

  private stopOnline?: () => void;
  private readonly retryWhenOnline = () => {
    if (this.sendError) void this.send(this.lastKind);
  };

  private get sending(): boolean {
    return this.answerDraft.sending || this.sendingTalked;
  }

  private get sendError(): SamenError | undefined {
    return this.lastKind === 'text' ? this.answerDraft.error : this.talkedError;
  }

  private async send(kind: HomeAnswerKind): Promise<void> {
    const adapter = this.adapter;
    const data = this.data;
    // One write at a time: a double tap must not send twice. Nothing while it is unsure who is here.
    if (this.sending || !adapter || !data || !this.personConfirmed) return;
    const person = this.personToken;
    // Shared with the class only when the parent ticked it, and only written words (issue 24).
    const share = kind === 'text' && this.shareWithClass ? { shareWithClass: true } : {};
    const write = async (id: string, text?: string) =>
      parseOrThrow(
        homeAnswerSchema,
        await adapter.saveHomeAnswer({ id, clipId: data.clip.id, kind, ...(text ? { text } : {}), ...share }),
        'answer',
      );
    // An empty answer sends nothing, so nothing says it is sending (issue 21).
    if (kind === 'text' && !this.answerDraft.text.trim()) return;
    this.lastKind = kind;
    this.announce(this.m.sending);
    const result = kind === 'text' ? await this.answerDraft.submit(write) : await this.sendTalked(write);
    // Someone else is here now: the outcome was the person before's, and shows nothing.
    if (!this.stillFor(person)) return;
    if (!result) {
      this.announce('');
      return;
    }
    if (!result.ok) {
      this.announce('');
      this.reportError(result.error, false);
      return;
    }
    const answer = result.value;
    // The stored answer is all the card shows of it: it takes its place without a reload (a
    // live update still brings what others changed). On the data shown now, which a quiet
    // reload during the send may have renewed.
    const shown = this.data?.clip.id === data.clip.id && this.data.view === data.view ? this.data : data;
    this.loader.set({ ...shown, answer });
    this.sendingTalked = false;
    this.editing = false;
    this.answeredMeanwhile = false;
    this.announce(this.m.saved);
    void this.emit('samen-answer', { clipId: data.clip.id, kind, id: answer.id, ...(answer.text ? { text: answer.text } : {}) });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="answer"] button')?.focus();
  }

  /**
   * "We talked about it": ticked at once, in the tap's frame, and sent once that frame is
   * painted (issue 23). A failed write unticks it with a message and the button back in focus;
   * its client id stays until the write is stored, so a retry cannot count it twice.
   */
  private async sendTalked<T>(write: (id: string) => Promise<T>): Promise<SubmitResult<T> | undefined> {
    const person = this.personToken;
    const id = (this.talkedWriteId ??= newId());
    this.sendingTalked = true;
    this.talkedError = undefined;
    // The tapped button gives way to the ticked answer: focus goes to its edit button, not the page.
    void this.updateComplete.then(() => {
      if (this.stillFor(person) && this.sendingTalked) this.renderRoot.querySelector<HTMLElement>('[part~="answer"] button')?.focus();
    });
    try {
      await afterNextPaint();
      if (!this.stillFor(person)) return undefined;
      const value = await write(id);
      if (this.stillFor(person)) this.talkedWriteId = undefined;
      // Stays ticked until send() shows the stored answer in its place (no form in between).
      return { ok: true, value };
    } catch (error) {
      const samenError = toSamenError(error);
      if (this.stillFor(person)) {
        this.talkedError = samenError;
        this.sendingTalked = false;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[part~="talked-button"]')?.focus();
      }
      return { ok: false, error: samenError };
    }
  }

  private async startEditing(): Promise<void> {
    // Not while "we talked about it" is on its way: it may still fail and bring the form back.
    if (this.sending) return;
    const answer = this.data?.answer;
    if (answer?.kind === 'text' && answer.text) this.answerDraft.prefill(answer.text);
    this.shareWithClass = answer?.shareWithClass === true;
    this.editing = true;
    await this.updateComplete;
    this.textarea?.focus();
  }

  /** Cancel (or Escape): the sent answer shows again, unchanged, and focus is back on its edit button. */
  private async cancelEditing(): Promise<void> {
    this.editing = false;
    this.answeredMeanwhile = false;
    this.answerDraft.clear();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="answer"] button')?.focus();
  }

  /**
   * Escape while changing a sent answer is Cancel. Not while the change is being sent (it may
   * still arrive), nor while an input method is composing a word, and not for a first answer,
   * where there is nothing to go back to.
   */
  private onFormKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.isComposing || event.defaultPrevented) return;
    if (!this.editing || !this.data?.answer || this.sending) return;
    event.preventDefault();
    void this.cancelEditing();
  }

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    const view = this.lazyView;
    if (view && this.loader.status !== 'error') {
      // The teacher or child view's module on its way (loading, as the data may still be), or failed to load.
      if (view.error) return this.renderError(view.error, () => view.retry());
      if (!view.module) return this.renderLoading();
    }
    // The card stays during a live refresh (no skeleton flash); another clip or view shows loading.
    return this.renderData(this.loader, (data) => {
      const card = this.renderCard(data);
      if (this.view !== 'teacher') return card;
      // The same card as a parent sees it, read-only: nothing in it is sent or marked seen.
      return this.renderWithPreview(
        card,
        () =>
          html`<samen-lesson-clip
          clip-id=${this.clipId}
          view="parent"
          preview
          locale=${this.resolvedLocale}
          theme=${ifDefined(this.theme)}
        ></samen-lesson-clip>`,
      );
    });
  }

  private renderCard(data: ClipData): TemplateResult {
    const { clip } = data;
    return html`<article class="card" part="base" aria-labelledby="title" lang=${this.resolvedLocale} dir=${this.languageDir}>
      ${this.renderHeader(data)}
      ${clip.mediaConsent === false ? this.renderMediaWithheld() : this.renderMedia(clip.media, data.mediaRefused, clip.title, clip.lang)}
      ${clip.goal ? this.renderSection('goal', this.m.goal, clip.goal, clip.lang) : nothing}
      ${clip.learned ? this.renderSection('learned', this.m.learned, clip.learned, clip.lang) : nothing}
      ${this.renderViewPart(data)}
      ${
        this.view !== 'child' && this.hasPort('feedback')
          ? /* Created with the card, which loads only near the screen: the bar shows its placeholder and reads once the card's words have painted, with the clip's neighbours (issue 23). */
            html`<samen-feedback-bar
            target-id=${clip.id}
            view=${this.view}
            ?preview=${this.preview}
            reactions=${CLIP_REACTIONS}
            locale=${this.resolvedLocale}
            theme=${ifDefined(this.theme)}
            exportparts=${FEEDBACK_PARTS}
          ></samen-feedback-bar>`
          : nothing /* a host with only the clip port: the clip without reactions, not a not-connected bar */
      }
    </article>`;
  }

  /** Under what was learned: the class's reach (teacher), the class board (child), or the home question (parent). */
  private renderViewPart(data: ClipData): TemplateResult | typeof nothing {
    if (this.view === 'teacher')
      return data.reach && this.teacherView.module ? this.teacherView.module.renderReach(this.teacherHost, data.reach) : nothing;
    if (this.view === 'child')
      return data.board && this.childView.module ? this.childView.module.renderBoard(this.childHost, data.board) : nothing;
    return this.renderHome(data);
  }

  private renderHeader({ clip, programmeKnown }: ClipData): TemplateResult {
    const t = this.t;
    const badge = !programmeKnown
      ? (clip.programmeLabel ?? t.unknownProgramme)
      : clip.programme === 'custom'
        ? (clip.programmeLabel ?? t.programmes.custom)
        : t.programmes[clip.programme];
    // A scheduled clip (issue 26) went out at its moment, not when the teacher planned it.
    const postedAt = clip.scheduledAt && Date.parse(clip.scheduledAt) > Date.parse(clip.postedAt) ? clip.scheduledAt : clip.postedAt;
    const posted = new Date(postedAt);
    const school = this.schoolText(clip.lang);
    // The programme's own name (a custom label) is the school's word; the built-in names are ours.
    const ownBadge = (!programmeKnown || clip.programme === 'custom') && clip.programmeLabel;
    return html`<header class="header">
      <p class="eyebrow">
        <span part="badge" class="badge badge-${programmeKnown ? clip.programme : 'unknown'}" ${inLanguage(ownBadge ? school : {})}>${badge}</span>
        ${
          clip.lessonNumber
            ? html`<span class="lesson-number"
                >${
                  clip.lessonCount && clip.lessonCount >= clip.lessonNumber
                    ? this.m.lessonOf(clip.lessonNumber, clip.lessonCount)
                    : this.m.lesson(clip.lessonNumber)
                }</span
              >`
            : nothing
        }
        ${
          clip.followsUp
            ? html`<span part="follow-up" class="follow-up"
                >${clip.followsUp.kind === 'repeat' ? this.m.repeatOf(clip.followsUp.lessonNumber) : this.m.followUpOf(clip.followsUp.lessonNumber)}</span
              >`
            : nothing
        }
      </p>
      <h2 id="title" part="title" ${inLanguage(school)}>${clip.title}</h2>
      <p part="meta" class="meta">
        ${this.renderAudience(clip, school)}
        ${
          clip.coTeacher
            ? html`<span class="co-teacher">${withParts(this.m.coTeacher, [clip.coTeacher], [html`<span ${inLanguage(school)}>${clip.coTeacher}</span>`])}</span>`
            : nothing
        }
        ${
          isScheduled(clip)
            ? html`<span part="scheduled" class="scheduled"
                ><time datetime=${clip.scheduledAt!}>${this.m.scheduledFor(formatMoment(new Date(clip.scheduledAt!), this.resolvedLocale))}</time></span
              >`
            : html`<time datetime=${postedAt} title=${formatDate(posted, this.resolvedLocale)}
                >${this.m.posted(formatRelative(posted, this.resolvedLocale))}</time
              >`
        }
      </p>
    </header>`;
  }

  /**
   * Who the lesson was for: the sub-group when the teacher named one ("Groep 6 — meisjes": WIsH
   * teaches girls and boys apart), which says more than the class; else the class.
   */
  private renderAudience(clip: LessonClip, school: TextLanguage): TemplateResult | typeof nothing {
    if (clip.group) return html`<span part="group" class="group" ${inLanguage(school)}>${clip.group}</span>`;
    return clip.classLabel ? html`<span class="class-label" ${inLanguage(school)}>${clip.classLabel}</span>` : nothing;
  }

  /** No consent: a kind placeholder in the media's place, and no media URL anywhere in the page. */
  private renderMediaWithheld(): TemplateResult {
    return html`<p part="media-withheld" class="notice media-withheld" role="note">
      <span class="media-withheld-icon" aria-hidden="true"></span>${this.m.mediaWithheld}
    </p>`;
  }

  private renderMedia(
    media: Media | undefined,
    refused: boolean,
    title: string,
    lang: string | undefined,
  ): TemplateResult | typeof nothing {
    if (refused) return html`<p part="notice" class="notice" role="note">${this.m.mediaBlocked}</p>`;
    if (!media) return nothing;
    if (media.kind === 'video') {
      return html`<figure part="media" class="media">
        <video
          part="video"
          controls
          playsinline
          preload="none"
          poster=${ifDefined(this.textPainted ? media.poster : undefined)}
          aria-label=${`${this.m.video}: ${title}`}
        >
          <source src=${media.src} type=${ifDefined(media.type)} />
          ${media.captions.map(
            (track) =>
              html`<track kind="captions" src=${track.src} srclang=${track.srclang} label=${track.label} ?default=${!!track.default} />`,
          )}
        </video>
        ${media.captions.length ? nothing : html`<figcaption class="notice">${this.m.noCaptions}</figcaption>`}
      </figure>`;
    }
    const count = media.photos.length;
    return html`<ul part="media photos" class="photos count-${Math.min(count, 3)}" aria-label=${this.m.photos(count)}>
      ${media.photos.map(
        // The description is the school's words: `lang` on the image is the language of its `alt`.
        (photo) =>
          html`<li>
            <img
              src=${ifDefined(this.textPainted ? photo.src : undefined)}
              alt=${photo.alt}
              loading="lazy"
              decoding="async"
              ${inLanguage(this.schoolText(lang))}
            />
          </li>`,
      )}
    </ul>`;
  }

  private renderSection(part: 'goal' | 'learned', heading: string, text: string, lang: string | undefined): TemplateResult {
    return html`<section part=${part} class="section ${part}">
      <h3>${heading}</h3>
      <div class="text"><p ${inLanguage(this.schoolText(lang))}>${text}</p></div>
    </section>`;
  }

  private renderHome({ clip, answer }: ClipData): TemplateResult | typeof nothing {
    if (!clip.homeQuestion) return nothing;
    const t = this.m;
    const school = this.schoolText(clip.lang);
    return html`<section role="group" part="home-question" class="home" aria-labelledby="home-heading">
      <h3 id="home-heading">${t.homeQuestion}</h3>
      <p class="question" ${inLanguage(school)}>${clip.homeQuestion}</p>
      ${
        clip.homeActivity
          ? html`<div part="home-activity" class="activity">
            <h4>${t.homeActivity}</h4>
            <p ${inLanguage(school)}>${clip.homeActivity}</p>
          </div>`
          : nothing
      }
      ${this.reader.render(this.t, () => [t.homeQuestion, { text: clip.homeQuestion, lang: this.voiceFor(clip.lang) }])}
      ${
        answer && !this.editing
          ? this.renderAnswer(answer)
          : !answer && this.sendingTalked
            ? /* Ticked in the tap's frame, before the adapter answers (issue 23). */ this.renderAnswer({ kind: 'talked' })
            : this.renderForm(answer)
      }
      <p part="audience" class="audience" id="audience">${this.audience()}</p>
      ${answer ? this.threads.renderFamily() : nothing}
    </section>`;
  }

  /** Who sees what this parent writes: the teacher and their household, family, or only them (issue 24). */
  private audience(): string {
    const viewer = this.data?.viewer;
    const t = this.m;
    if (viewer?.shareWithinFamily) return t.audienceFamily;
    return viewer?.householdId ? t.audienceHousehold : t.audienceCarer;
  }

  private renderAnswer(answer: Pick<HomeAnswer, 'kind' | 'text'>): TemplateResult {
    const t = this.m;
    return html`<div part="answer" class="answer">
      ${
        answer.kind === 'text'
          ? html`<p class="answer-label">${t.yourAnswer}</p>
            <p class="answer-text" ${inLanguage(this.familyText())}>${answer.text}</p>
            ${(answer as Partial<HomeAnswer>).shareWithClass ? html`<p class="shared-with-class muted">${t.sharedWithClass}</p>` : nothing}`
          : html`<p class="answer-text"><svg class="done-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
                <path fill="currentColor" d="M9 16.17 4.83 12l-1.42 1.41L9 19 21 7l-1.41-1.41z"></path></svg
              >
              ${t.talkedAboutItDone}</p>`
      }
      <button aria-disabled=${this.sending ? 'true' : 'false'} @click=${this.startEditing}>${t.edit}</button>
    </div>`;
  }

  /** Shared or not is part of what is sent: another choice is another request. */
  private readonly onShareChange = (event: Event) => {
    this.shareWithClass = (event.target as HTMLInputElement).checked;
    this.answerDraft.renewWrite();
  };

  private renderForm(answer: HomeAnswer | null): TemplateResult {
    const t = this.m;
    const draft = this.answerDraft;
    const busy = this.sending;
    return html`<form class="answer-form" @submit=${this.onSubmit} @keydown=${this.onFormKeydown} aria-busy=${busy ? 'true' : 'false'}>
      <label part="share-choice" class="share-choice">
        <input type="checkbox" .checked=${live(this.shareWithClass)} @change=${this.onShareChange} />
        <span>${t.shareWithClass}</span>
      </label>
      ${answer && this.answeredMeanwhile ? html`<p part="answered-meanwhile" class="answered-meanwhile" role="status">${t.answeredMeanwhile}</p>` : nothing}
      <label for="answer">${t.answerLabel}</label>
      <textarea
        id="answer"
        part="answer-input"
        dir="auto"
        rows="3"
        maxlength=${ANSWER_MAX_LENGTH}
        placeholder=${t.answerPlaceholder}
        aria-describedby="counter audience"
        .value=${live(draft.text)}
        @input=${(e: Event) => draft.set((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p id="counter" class="counter">${this.t.charactersLeft(draft.remaining)}</p>
      ${
        this.sendError
          ? html`<div class="send-error" role="alert">
            <p>${this.writeFailedText(this.sendError, this.lastKind === 'talked' ? t.talkedFailed : t.sendFailed)}</p>
            <button type="button" @click=${() => this.send(this.lastKind)}>${this.t.retry}</button>
          </div>`
          : nothing
      }
      <div class="actions">
        <button
          type="submit"
          class="primary"
          part="send-button"
          aria-disabled=${draft.canSend && !busy ? 'false' : 'true'}
        >
          ${draft.sending ? t.sending : t.send}
        </button>
        ${
          answer
            ? html`<button type="button" @click=${this.cancelEditing}>${t.cancel}</button>`
            : html`<button type="button" part="talked-button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => this.send('talked')}>
              ${this.sendingTalked ? t.sending : t.talkedAboutIt}
            </button>`
        }
      </div>
    </form>`;
  }
}
