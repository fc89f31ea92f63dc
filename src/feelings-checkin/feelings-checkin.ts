import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { newId } from '../core/adapter.js';
import { afterNextPaint } from '../core/after-paint.js';
import { formatDay } from '../core/i18n.js';
import { cspStyle } from '../core/csp-style.js';
import { readStored, removeStored, writeStored } from '../core/draft-store.js';
import { SamenError, toSamenError } from '../core/errors.js';
import { parseOrThrow } from '../core/parse.js';
import { ReadAloudController, readAloudStyles, type Spoken } from '../core/read-aloud.js';
import type { Viewer } from '../core/schemas.js';
import { checkinSchema, feelingSetSchema, type Checkin, type FeelingDefinition } from './schemas.js';
import { SamenParentPreviewElement } from '../core/parent-preview-element.js';
import { SamenElement } from '../core/samen-element.js';
import { inLanguage, withParts } from '../core/in-language.js';
import {
  checkinIdFor,
  cleanCheckins,
  dayOf,
  DEFAULT_FEELINGS,
  DEFAULT_SIGNAL_RULE,
  feelingLabel,
  feelingLabelLang,
  isoWithOffset,
  lastDays,
  newestPerContext,
  localDay,
  type SignalRule,
} from './feelings.js';
import { feelingsCheckinStyles } from './feelings-checkin.styles.js';
import { feelingPicture } from './icons.js';
import { LazyThreads } from '../thread/lazy-threads.js';
import { threadMessages } from '../thread/messages.js';
import { feelingsMessages, type FeelingsMessages } from './messages.js';
import { LazyView } from '../core/lazy-view.js';
import type { FeelingsTeacherHost } from './teacher-view.js';

type View = 'child' | 'parent' | 'teacher';

type Context = 'home' | 'school';

interface Choice {
  feeling?: string;
  strength?: number;
  note?: string;
}

export interface CheckinData {
  viewer: Viewer;
  feelings: FeelingDefinition[];
  checkins: Checkin[];
  refused: boolean;
}

/** Where an unsent choice waits on this device: per viewer, child and context. */
function draftKeyFor(viewerId: string | undefined, childId: string, context: Context): string {
  return `checkin-draft:${viewerId ?? ''}:${childId}:${context}`;
}

/** Today's check-in of `childId` in `context`; the newest, should a host have kept several. */
function todaysIn(data: CheckinData, childId: string, context: Context): Checkin | undefined {
  const day = dayOf(new Date());
  return data.checkins
    .filter((c) => c.childId === childId && c.context === context && localDay(c.createdAt) === day)
    .reduce<Checkin | undefined>(
      (newest, c) => (!newest || Date.parse(c.createdAt) >= Date.parse(newest.createdAt) ? c : newest),
      undefined,
    );
}

/**
 * How do you feel? A child, alone or with a parent, picks a feeling and how strong it
 * is; the card says plainly who sees it (the teacher; the care coordinator when there is a
 * signal; never other parents). Teachers see the class today, the week, and — carefully —
 * signals when a child picks a strong negative feeling on several school days: the signal
 * describes the feelings, never labels the child, and offers a next step (talk with the child,
 * with the parents, with the care coordinator). One child's feelings never show in another
 * family's view; nothing is stored outside the adapter except an unsent choice on this device.
 *
 * Form-associated: inside a host's `<form>`, its value is the JSON of the current choice.
 *
 * @summary Feelings check-in for children and parents; class overview and signals for teachers.
 * @tagname samen-feelings-checkin
 *
 * @fires {CustomEvent<SamenCheckinDetail>} samen-checkin - The adapter stored today's check-in (a change today replaces it).
 * @fires {CustomEvent<SamenSignalDetail>} samen-signal - The teacher (or care coordinator) chose a next step for a signal: `step` is `child`, `parents`, `care-coordinator` or `teacher`; the host opens its own way to take it (a note, a message, an appointment). Samen contacts no one.
 * @fires {CustomEvent<SamenErrorDetail>} samen-error - Loading or saving failed, or check-ins from the adapter were refused.
 * @fires {CustomEvent<SamenMessageDetail>} samen-message - A family's answer arrived live in a tip and top the teacher opened from a signal (with the optional thread port).
 *
 * @csspart base - The card.
 * @csspart feelings - The group of feelings to pick from.
 * @csspart feeling - One feeling choice.
 * @csspart strength - The 1–5 thermometer.
 * @csspart note - The note or sentence starter.
 * @csspart save-button - The save button.
 * @csspart read-aloud - The read-aloud button.
 * @csspart history - The last 14 days (parent).
 * @csspart overview - Today's distribution (teacher).
 * @csspart signals - The list of signals (teacher).
 * @csspart signal-steps - The next steps a signal offers (teacher).
 * @csspart tip-top - Beside a signal, "Tip en top sturen" per family of the child (teacher, with the optional thread port).
 * @csspart thread - The tip and top to the child's family once the teacher opens it: a private note they can answer.
 * @csspart thread-input - The text area for a message in the thread.
 * @csspart who-sees - Who sees the check-in and its note (child and parent).
 * @csspart preview-bar - The "Preview as parent" switch above the teacher view (teacher).
 * @csspart preview-toggle - The switch button itself (`aria-pressed`).
 * @csspart preview-note - The note above the preview: nothing in it is sent or saved.
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
 * @cssprop [--samen-feelings-columns=4] - Feelings per row at most: fewer when the text is large or the card narrow (each column at least 7.5em).
 * @cssprop [--samen-placeholder-height=auto] - Height of the card while it loads, or while it waits below the fold (`loading="lazy"`) until it comes near the screen: set it to the card's usual height so nothing jumps.
 */
export class SamenFeelingsCheckin extends SamenParentPreviewElement {
  protected override messageSections = [feelingsMessages, threadMessages];

  /** The check-in's own words in its language (./messages.ts); the shared ones are `this.t`. */
  private get m(): FeelingsMessages {
    return feelingsMessages.get(this.resolvedLocale);
  }

  static override styles = [...SamenElement.styles, readAloudStyles, feelingsCheckinStyles];
  static formAssociated = true;

  /** The child checking in (child and parent views). */
  @property({ attribute: 'child-id', reflect: true }) childId = '';

  /** The class to overview (teacher view). */
  @property({ attribute: 'class-id', reflect: true }) classId = '';

  /** `child` (sentence starter), `parent` (note and history) or `teacher` (class overview and signals). */
  @property({ reflect: true }) view: View = 'child';

  /** Where the check-in happens. */
  @property({ reflect: true }) context: Context = 'home';

  /** Name of the value inside a host's form. */
  @property({ reflect: true }) name = '';

  /** The host's own feelings set (ids, a word per locale, icon, colour); validated. Defaults to eight child-friendly feelings. */
  @property({ attribute: false }) feelings?: unknown;

  /** When a teacher sees a signal. Default: a strong (≥ 4) negative feeling on 3 of the last 5 school days (Saturday and Sunday don't count; `schoolDays: false` counts every day). */
  @property({ attribute: false }) signalRule: SignalRule = DEFAULT_SIGNAL_RULE;

  @state() private choice: Choice = {};
  @state() private saving = false;
  @state() private saveError: SamenError | undefined;
  @state() private message = '';

  private readonly internals: ElementInternals | undefined = this.attachInternals?.();
  /**
   * The write a save sends, kept until it is stored: a retry, a minute or an hour later, sends the
   * very same request (its id, check-in and moment), so the adapter knows it for the first one and
   * neither stores twice nor refuses it as another request under a used key.
   */
  private pendingWrite: { id: string; checkinId: string; createdAt: string } | undefined;
  /** Whose choice `choice` is: the draft key it was restored for (viewer, child, context). */
  private choiceKey = '';
  private readonly reader = new ReadAloudController(this);

  /** The teacher view (./teacher-view.ts), loaded only for `view="teacher"`: families never download it. */
  private readonly teacherView = new LazyView(
    this,
    () => (this.constructor as typeof SamenFeelingsCheckin).loadTeacherView(),
    (error) => this.reportError(error),
  );

  /** How the teacher view is loaded (a test's subclass may fail it). */
  protected static loadTeacherView = () => import('./teacher-view.js');

  /** What the teacher view reads and does through the check-in. */
  private readonly teacherHost: FeelingsTeacherHost = ((checkin: this) => ({
    get m() {
      return checkin.m;
    },
    get resolvedLocale() {
      return checkin.resolvedLocale;
    },
    get signalRule() {
      return checkin.signalRule;
    },
    word: (feeling) => checkin.word(feeling),
    labelOf: (feelings, id) => checkin.labelOf(feelings, id),
    dayName: (day) => checkin.dayName(day),
    emit: (name, detail) => checkin.emit(name, detail),
    tipTop: (childId, families) => checkin.renderTipTop(childId, families),
  }))(this);

  /** Tip and top about one child of the overview (issue 24; optional thread port): the teacher's note to their family. */
  private readonly tipTop = new LazyThreads(this, {
    adapter: () => this.adapter,
    messages: () => threadMessages.get(this.resolvedLocale),
    announce: (text) => this.announce(text),
    emit: (detail) => void this.emit('samen-message', detail),
  });
  /** The child whose tip and top the teacher opened, and the family to open it with once shown. */
  @state() private tipTopChild: { childId: string; familyId: string; householdId?: string | undefined; name: string } | undefined;

  private renderTipTop(
    childId: string,
    families: { familyId: string; householdId?: string | undefined; name: string }[],
  ): TemplateResult | typeof nothing {
    if (this.view !== 'teacher' || !families.length || !this.tipTop.available || this.data?.viewer.role !== 'teacher') return nothing;
    const m = threadMessages.get(this.resolvedLocale);
    return html`<div part="tip-top" class="tip-top">
      ${families.map((f) =>
        this.tipTopChild?.childId === childId
          ? this.tipTop.renderFor(f.familyId, f.name, { label: m.tipTopOpen, householdId: f.householdId })
          : html`<button
              type="button"
              class="thread-open"
              aria-label=${`${m.tipTopOpen}: ${f.name}`}
              @click=${() => (this.tipTopChild = { childId, familyId: f.familyId, householdId: f.householdId, name: f.name })}
            >
              ${m.tipTopOpen}
            </button>`,
      )}
    </div>`;
  }

  private readonly loader = this.useData({
    port: 'feelings',
    // Its render formats dates or numbers with Intl: Intl's first format is made while the reads are out.
    formatsWithIntl: () => true,
    args: () => [this.view, this.childId, this.classId, this.context, this.feelings] as const,
    // On a shared tablet the child changes as much as the signed-in person does.
    person: (viewer, [view, childId]) => `${viewer.id}|${view === 'teacher' ? '' : childId}`,
    load: async ({ adapter, viewer, args: [view, childId, classId, context, customFeelings], signal, report }): Promise<CheckinData> => {
      const feelings = customFeelings === undefined ? DEFAULT_FEELINGS : parseOrThrow(feelingSetSchema, customFeelings, 'feelings');
      const teacher = view === 'teacher';
      if (teacher ? !classId : !childId) {
        const path = teacher ? 'class-id' : 'child-id';
        throw new SamenError('invalid-data', `missing ${path}`, [{ path, message: 'required' }]);
      }
      const from = new Date(Date.now() - (teacher ? 8 : 15) * 86_400_000).toISOString();
      const [who, rawCheckins] = await Promise.all([
        viewer,
        teacher ? adapter.getClassCheckins({ classId, from }, { signal }) : adapter.getCheckins({ childId, from }, { signal }),
        teacher ? this.teacherView.settled() : undefined,
        // The teacher's tip and top threads (issue 23: loaded on demand, beside the data).
        this.tipTop.ready(teacher && !this.preview),
      ]);
      // The class overview and its signals: the teacher's, and a care coordinator's (who follows signals up).
      this.requireTeacherRole(view, who, ['teacher', 'care-coordinator']);
      const { checkins, issues } = cleanCheckins(rawCheckins, feelings);
      report(issues, 'check-ins refused');
      const data: CheckinData = { viewer: who, feelings, checkins, refused: issues.length > 0 };
      if (!teacher && !signal.aborted) this.restoreChoice(data, childId, context);
      return data;
    },
    topics: (_data, [view, childId, classId]) => [view === 'teacher' ? `feelings:class:${classId}` : `feelings:${childId}`],
  });

  /** What is shown: the loaded check-ins of this child or class (a saved check-in joins them in place). */
  private get data(): CheckinData | undefined {
    return this.loader.current ? this.loader.value : undefined;
  }

  /**
   * Another child (or context) on the same tablet: the choice is forgotten at once, before the
   * next child's check-ins load, so nothing of the child before shows or can be saved for them.
   */
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if ((changed.has('childId') || changed.has('context') || changed.has('view')) && this.hasUpdated) this.forgetChoice();
    // Beside the data load, not after it: a teacher's first render waits for both at once.
    if (this.view === 'teacher') this.teacherView.start();
    const data = this.data;
    const chosen = this.view === 'teacher' ? this.tipTopChild : undefined;
    const m = threadMessages.get(this.resolvedLocale);
    const name = chosen && data?.checkins.find((c) => c.childId === chosen.childId)?.childName;
    this.tipTop.show(
      data && chosen
        ? {
            about: { kind: 'child', id: chosen.childId },
            viewerId: data.viewer.id,
            side: 'teacher',
            teacherTitle: () => m.tipTopFor(name),
            starter: `${m.top} \n${m.tipForHome} `,
            example: m.tipTopExample,
          }
        : undefined,
    );
    if (chosen && changed.has('tipTopChild')) this.tipTop.open(chosen.familyId, chosen.name, chosen.householdId);
  }

  /** Another person here (signed in, or the child): nothing of the one before is shown or sent. */
  protected override forgetPerson(): void {
    super.forgetPerson();
    this.forgetChoice();
    this.tipTop.forget();
    this.tipTopChild = undefined;
  }

  /** Drops the choice in memory (a draft stays stored under its own key, for its own child). */
  private forgetChoice(): void {
    this.choiceKey = '';
    this.choice = {};
    this.pendingWrite = undefined;
    this.saveError = undefined;
    this.saving = false;
    this.message = '';
    this.internals?.setFormValue(null);
  }

  /** Form reset: forget the current choice. */
  formResetCallback(): void {
    this.setChoice({});
  }

  private get draftKey(): string {
    return draftKeyFor(this.data?.viewer.id, this.childId, this.context);
  }

  // ------------------------------------------------------------------ data

  /**
   * An unsent choice wins; otherwise today's stored check-in is shown, ready to change. For
   * another viewer, child or context the choice starts from nothing first: the one before is
   * never carried over.
   */
  private restoreChoice(data: CheckinData, childId: string, context: Context): void {
    // Restored while `data` is being loaded: its key, not the one of what is shown now.
    const draftKey = draftKeyFor(data.viewer.id, childId, context);
    if (draftKey !== this.choiceKey) {
      this.forgetChoice();
      this.choiceKey = draftKey;
    }
    const draft = readStored(draftKey) as Choice | undefined;
    if (draft && typeof draft === 'object' && typeof draft.feeling === 'string') {
      this.setChoice(draft, false);
      return;
    }
    const today = todaysIn(data, childId, context);
    if (today) this.setChoice({ feeling: today.feeling, strength: today.strength, ...(today.note ? { note: today.note } : {}) }, false);
  }

  /** Today's check-in for this child and context; the newest, should a host have kept several. */
  private todays(): Checkin | undefined {
    return this.data && todaysIn(this.data, this.childId, this.context);
  }

  private setChoice(choice: Choice, persist = true): void {
    // A different choice is a different write; the same one (e.g. restored by a live reload) keeps
    // its write id and any failure message, so a retry can't double and the parent still sees why.
    if (choice.feeling !== this.choice.feeling || choice.strength !== this.choice.strength || choice.note !== this.choice.note) {
      this.pendingWrite = undefined;
      this.saveError = undefined;
    }
    this.choice = choice;
    if (persist) {
      if (choice.feeling) writeStored(this.draftKey, choice);
      else removeStored(this.draftKey);
    }
    this.internals?.setFormValue(choice.feeling ? JSON.stringify({ ...choice, context: this.context }) : null);
  }

  // ------------------------------------------------------------------ actions

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const adapter = this.adapter;
    const data = this.data;
    const { feeling, strength, note } = this.choice;
    if (!adapter || !data || !feeling || !strength || this.saving || this.choiceKey !== this.draftKey || !this.personConfirmed) return;
    // Today's check-in keeps its id (the host may have chosen it), so a change replaces it.
    const { id, checkinId, createdAt } = (this.pendingWrite ??= {
      id: newId(),
      checkinId: this.todays()?.id ?? checkinIdFor(this.childId, this.context, dayOf(new Date())),
      createdAt: isoWithOffset(new Date()),
    });
    const person = this.personToken;
    const draftKey = this.draftKey;
    this.saving = true;
    this.saveError = undefined;
    this.message = this.m.saving;
    try {
      // "Saving" is painted first, in the frame of the tap; then the write goes (issue 23).
      await afterNextPaint();
      if (!this.stillFor(person) || draftKey !== this.draftKey) return;
      const raw = await adapter.saveCheckin({
        id,
        checkinId,
        childId: this.childId,
        feeling,
        strength,
        context: this.context,
        ...(note?.trim() ? { note: note.trim() } : {}),
        createdAt,
      });
      const saved = parseOrThrow(checkinSchema, raw, 'checkin');
      removeStored(draftKey);
      // Saved for a child who is no longer here: nothing of it is shown to the next one.
      if (!this.stillFor(person) || draftKey !== this.draftKey) return;
      // The stored check-in joins what is shown as the adapter returned it: no reload (it holds
      // all the card shows of it; a live update brings anyone else's). Into what is shown now,
      // should a live reload have replaced what was shown when saving began.
      const shown = this.data ?? data;
      this.loader.set({ ...shown, checkins: [...shown.checkins.filter((c) => c.id !== saved.id), saved] });
      this.pendingWrite = undefined;
      this.message = this.m.saved;
      void this.emit('samen-checkin', { childId: this.childId, feeling, strength, context: this.context, checkinId: saved.id });
    } catch (error) {
      const samenError = toSamenError(error);
      if (!this.stillFor(person) || draftKey !== this.draftKey) return;
      this.saveError = samenError;
      this.message = '';
      this.reportError(this.saveError, false);
    } finally {
      if (this.stillFor(person) && draftKey === this.draftKey) this.saving = false;
    }
  }

  /**
   * What the read-aloud button says: the question, each option with its number ("1: blij.
   * 2: boos. …", so a child who cannot read hears every choice), then the feeling and strength
   * chosen so far. A host's word in another language than the card's is spoken in that language.
   */
  private spokenText(feelings: FeelingDefinition[]): Spoken[] {
    const t = this.m;
    const locale = this.resolvedLocale;
    const spokenWord = (f: FeelingDefinition): Spoken => ({
      text: feelingLabel(f, locale),
      lang: this.voiceFor(feelingLabelLang(f, locale), false),
    });
    const chosen = feelings.find((f) => f.id === this.choice.feeling);
    return [
      this.view === 'parent' ? t.questionParent : t.question,
      ...feelings.flatMap((f, i) => [`${i + 1}:`, spokenWord(f)]),
      ...(chosen ? [t.yourChoice, spokenWord(chosen)] : []),
      this.choice.strength ? t.strengthWords[this.choice.strength - 1] : undefined,
    ];
  }

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    const view = this.teacherView;
    if (this.view === 'teacher' && this.loader.status !== 'error') {
      // The teacher view's module on its way (loading, as the data may still be), or failed to load.
      if (view.error) return this.renderError(view.error, () => view.retry());
      if (!view.module) return this.renderLoading();
    }
    return this.renderData(this.loader, (data) => this.renderLoaded(data));
  }

  private renderLoaded(data: CheckinData): TemplateResult {
    const card = html`<article class="card" part="base" lang=${this.resolvedLocale} dir=${this.languageDir} aria-labelledby="heading">
      ${this.view === 'teacher' && this.teacherView.module ? this.teacherView.module.renderTeacher(this.teacherHost, data) : this.renderCheckin(data)}
      ${data.refused ? html`<p class="notice" role="note">${this.m.feelingsRefused}</p>` : nothing}
    </article>`;
    if (this.view !== 'teacher') return card;
    // What a parent sees: the check-in for their own child, read-only and empty (no child's
    // feelings are shown in a preview; they belong to that child's family).
    return this.renderWithPreview(
      card,
      () =>
        html`<samen-feelings-checkin
        view="parent"
        preview
        child-id="samen-preview"
        context="home"
        .feelings=${this.feelings}
        locale=${this.resolvedLocale}
        theme=${ifDefined(this.theme)}
      ></samen-feelings-checkin>`,
    );
  }

  private renderCheckin(data: CheckinData): TemplateResult {
    const t = this.m;
    const locale = this.resolvedLocale;
    const chosen = data.feelings.find((f) => f.id === this.choice.feeling);
    const word = chosen ? feelingLabel(chosen, locale) : '…';
    const today = this.todays();
    return html`<form @submit=${this.save}>
        <div class="question">
          <h2 id="heading">${this.view === 'parent' ? t.questionParent : t.question}</h2>
          ${this.reader.render(this.t, () => this.spokenText(data.feelings))}
        </div>
        <fieldset part="feelings" class="feelings">
          <legend class="visually-hidden">${this.view === 'parent' ? t.questionParent : t.question}</legend>
          ${data.feelings.map(
            (f) => html`<label part="feeling" class="feeling" ${cspStyle({ '--_feeling': f.color })}>
              <input
                type="radio"
                name="feeling"
                value=${f.id}
                .checked=${this.choice.feeling === f.id}
                @change=${() => this.setChoice({ ...this.choice, feeling: f.id, strength: this.choice.strength ?? 3 })}
              />
              <span class="icon" aria-hidden="true">${feelingPicture(f.icon)}</span>
              ${this.word(f)}
            </label>`,
          )}
        </fieldset>
        ${chosen ? this.renderStrength() : nothing}
        ${chosen ? this.renderNote(word) : nothing}
        ${this.saveError ? html`<p class="save-error" role="alert">${this.writeFailedText(this.saveError, t.saveFailed)}</p>` : nothing}
        <div class="actions">
          <button type="submit" class="primary" part="save-button" aria-disabled=${chosen && !this.saving ? 'false' : 'true'}>
            ${this.saving ? t.saving : t.save}
          </button>
          ${today ? html`<p class="today">${this.todayText(data.feelings, today)}</p>` : nothing}
        </div>
        <p part="who-sees" class="who-sees">${this.view === 'parent' ? t.whoSees : t.whoSeesChild}</p>
        <p class="visually-hidden" role="status">${this.message}</p>
      </form>
      ${this.view === 'parent' ? this.renderHistory(data) : nothing}`;
  }

  private renderStrength(): TemplateResult {
    const t = this.m;
    return html`<fieldset part="strength" class="strength">
      <legend>${t.strength}</legend>
      ${[1, 2, 3, 4, 5].map(
        (n) => html`<label class="level level-${n}">
          <input
            type="radio"
            name="strength"
            value=${n}
            .checked=${this.choice.strength === n}
            @change=${() => this.setChoice({ ...this.choice, strength: n })}
          />
          <span class="thermo" aria-hidden="true"><span ${cspStyle({ 'block-size': `${n * 20}%` })}></span></span>
          <span class="level-word">${n} · ${t.strengthWords[n - 1]}</span>
        </label>`,
      )}
    </fieldset>`;
  }

  private renderNote(word: string): TemplateResult {
    const t = this.m;
    const chosen = this.data?.feelings.find((f) => f.id === this.choice.feeling);
    const label =
      this.view === 'parent' ? t.noteLabel : chosen ? withParts(t.starter, [word], [this.word(chosen, 'span', '')]) : t.starter(word);
    return html`<div part="note" class="note">
      <label for="note">${label}</label>
      <textarea
        id="note"
        dir="auto"
        rows="2"
        maxlength="280"
        placeholder=${this.view === 'parent' ? t.notePlaceholder : ''}
        .value=${this.choice.note ?? ''}
        @input=${(e: Event) => this.setChoice({ ...this.choice, note: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
    </div>`;
  }

  /** A feeling's word, marked with its language when the host gave it only in another one. */
  private word(feeling: FeelingDefinition, tag: 'span' | 'strong' = 'span', className = 'word'): TemplateResult {
    const language = this.schoolText(feelingLabelLang(feeling, this.resolvedLocale), false);
    const label = feelingLabel(feeling, this.resolvedLocale);
    return tag === 'strong'
      ? html`<strong ${inLanguage(language)}>${label}</strong>`
      : html`<span class=${className} ${inLanguage(language)}>${label}</span>`;
  }

  private todayText(feelings: FeelingDefinition[], today: Checkin): TemplateResult | string {
    const t = this.m;
    const feeling = feelings.find((f) => f.id === today.feeling);
    const label = this.labelOf(feelings, today.feeling);
    return feeling
      ? withParts((w: string) => t.today(w, today.strength), [label], [this.word(feeling, 'span', '')])
      : t.today(label, today.strength);
  }

  private labelOf(feelings: FeelingDefinition[], id: string): string {
    const feeling = feelings.find((f) => f.id === id);
    return feeling ? feelingLabel(feeling, this.resolvedLocale) : id;
  }

  private dayName(day: string, style: 'short' | 'long' = 'short'): string {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return formatDay(new Date(y, m - 1, d), this.resolvedLocale, style);
  }

  private renderHistory(data: CheckinData): TemplateResult {
    const t = this.m;
    const days = lastDays(dayOf(new Date()), 14).reverse();
    const mine = data.checkins.filter((c) => c.childId === this.childId);
    return html`<section role="group" part="history" class="history" aria-labelledby="history-heading">
      <h3 id="history-heading">${t.history}</h3>
      <ol>
        ${days.map((day) => {
          const entries = newestPerContext(mine.filter((c) => localDay(c.createdAt) === day));
          return html`<li>
            <span class="day">${this.dayName(day)}</span>
            ${
              entries.length
                ? entries.map((c) => {
                    const f = data.feelings.find((x) => x.id === c.feeling);
                    return html`<span class="entry">
                    <span class="icon" aria-hidden="true">${f ? feelingPicture(f.icon) : nothing}</span>
                    ${f ? this.word(f, 'strong') : html`<strong>${c.feeling}</strong>`}
                    <span class="muted">${t.strengthValue(c.strength)}, ${t.context[c.context]}</span>
                  </span>`;
                  })
                : html`<span class="muted">${t.noCheckin}</span>`
            }
          </li>`;
        })}
      </ol>
    </section>`;
  }
}
