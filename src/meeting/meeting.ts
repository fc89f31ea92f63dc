import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { newId } from '../core/adapter.js';
import { afterNextPaint } from '../core/after-paint.js';
import { DraftController } from '../core/draft-controller.js';
import { dateFormat } from '../core/i18n.js';
import { SamenError, toSamenError } from '../core/errors.js';
import { inLanguage } from '../core/in-language.js';
import { parseOrThrow } from '../core/parse.js';
import { SamenParentPreviewElement } from '../core/parent-preview-element.js';
import { SamenElement } from '../core/samen-element.js';
import type { Viewer } from '../core/schemas.js';
import type { SamenRsvpDetail } from '../core/events.js';
import { icsFileName, meetingToIcs } from './ics.js';
import { meetingMessages, type MeetingMessages } from './messages.js';
import { meetingStyles } from './meeting.styles.js';
import {
  meetingRepliesSchema,
  meetingSchema,
  meetingTopic,
  preparationSchema,
  PREPARATION_MAX_LENGTH,
  RSVP_ANSWERS,
  RSVP_MAX_PEOPLE,
  rsvpSchema,
  type Meeting,
  type MeetingReplies,
  type Preparation,
  type Rsvp,
  type RsvpAnswer,
} from './schemas.js';

interface MeetingData {
  meetingId: string;
  view: 'parent' | 'teacher';
  viewer: Viewer;
  meeting: Meeting;
  /** The household's own reply (parent view, stored replies). */
  rsvp: Rsvp | null;
  /** The household's own preparation sheet (parent view, a conversation). */
  preparation: Preparation | null;
  /** Every household's reply and sheet (teacher view). */
  replies?: MeetingReplies;
}

/** The preparation sheet's three fields, kept as one draft so any change renews its write id. */
type SheetFields = Pick<Preparation, 'keywords' | 'goesWell' | 'talkAbout'>;
const SHEET_FIELDS = ['keywords', 'goesWell', 'talkAbout'] as const;
const EMPTY_SHEET: SheetFields = { keywords: '', goesWell: '', talkAbout: '' };

/**
 * A meeting around a programme (issue 26): the information evening before the first lesson, the
 * last lesson with parents ("Samen weerbaar" in WIsH), or a parent–child–teacher conversation.
 * Parents see date, place and what to bring, answer yes / no / maybe with how many people come,
 * add it to their calendar (an .ics file made on the device), and for a conversation fill in a
 * preparation sheet with their child (kept on the device while they type). Afterwards the card
 * shows a short summary for those who could not come. Teachers see the list of replies and the
 * sheets before the conversation.
 *
 * Replies are stored through the adapter (offline: kept in the outbox and sent later), or, with
 * `rsvp="host"`, handed to the host app's own agenda as a `samen-rsvp` event and not stored.
 *
 * @summary An invitation with yes / no / maybe, a calendar file and a preparation sheet; the replies for teachers.
 * @tagname samen-meeting
 *
 * @fires {CustomEvent<SamenRsvpDetail>} samen-rsvp - A household answered: stored (`stored: true`), kept to send later (`queued: true`), or handed to the host (`rsvp="host"`, `stored: false`).
 * @fires {CustomEvent<SamenPreparationDetail>} samen-preparation - The adapter stored the household's preparation sheet.
 * @fires {CustomEvent<SamenErrorDetail>} samen-error - Loading or saving failed.
 *
 * @csspart base - The card.
 * @csspart badge - The kind of meeting.
 * @csspart title - The meeting's title.
 * @csspart details - When, where and what to bring.
 * @csspart rsvp - The yes / no / maybe form (parent).
 * @csspart answer - The household's answer, once given (parent).
 * @csspart send-button - The send buttons.
 * @csspart calendar - The "add to your calendar" button.
 * @csspart sheet - The preparation sheet (parent, a conversation).
 * @csspart summary - The summary after the meeting.
 * @csspart replies - The list of replies (teacher).
 * @csspart sheets - The households' preparation sheets (teacher).
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
 * @cssprop [--samen-meeting-badge-color=var(--samen-color-accent)] - Background of the badge with the kind of meeting.
 * @cssprop [--samen-color-on-accent=#ffffff] - Text on the accent colour. Dark: `#0d1f1a`.
 * @cssprop [--samen-color-danger=#b3261e] - Error accents. Dark: `#ff9c92`.
 * @cssprop [--samen-color-focus=#1558b0] - Focus ring. Dark: `#9ecbff`.
 * @cssprop [--samen-radius=12px] - Corner radius.
 * @cssprop [--samen-space=16px] - Base spacing.
 * @cssprop [--samen-font-family=inherit] - Font; inherits the host app's by default.
 * @cssprop [--samen-touch-target=44px] - Minimum size of buttons.
 * @cssprop [--samen-placeholder-height=auto] - Height of the card while it loads, or while it waits below the fold (`loading="lazy"`) until it comes near the screen.
 */
export class SamenMeeting extends SamenParentPreviewElement {
  protected override messageSections = [meetingMessages];

  private get m(): MeetingMessages {
    return meetingMessages.get(this.resolvedLocale);
  }

  static override styles = [...SamenElement.styles, meetingStyles];

  /** Which meeting. */
  @property({ attribute: 'meeting-id', reflect: true }) meetingId = '';

  /** A `parent` answers and prepares; a `teacher` sees the replies and the sheets. */
  @property({ reflect: true }) view: 'parent' | 'teacher' = 'parent';

  /**
   * Where a household's answer goes: `store` (the default) through the adapter, `host` to the
   * host app only, as a `samen-rsvp` event (its own agenda or conference planner stores it).
   */
  @property() rsvp: 'store' | 'host' = 'store';

  @state() private choice: RsvpAnswer | undefined;
  @state() private people = 1;
  @state() private editing = false;
  @state() private sending = false;
  @state() private rsvpError: SamenError | undefined;
  @state() private message = '';
  @state() private sheetMessage = '';
  /** What this visit handed to the host (`rsvp="host"`). */
  @state() private handed: { answer: RsvpAnswer; people: number } | undefined;
  /** The reply's idempotency key: the same for a retry of the same answer. */
  private rsvpWriteId: string | undefined;

  /** The preparation sheet: one draft of its three fields, kept on the device on every keystroke. */
  private readonly sheet = new DraftController(this, 3 * PREPARATION_MAX_LENGTH + 100);

  private readonly loader = this.useData({
    port: 'meeting',
    // Its render formats dates or numbers with Intl: Intl's first format is made while the reads are out.
    formatsWithIntl: () => true,
    args: () => [this.meetingId, this.view, this.rsvp] as const,
    load: async ({ adapter, viewer, args: [meetingId, view, mode], signal }): Promise<MeetingData> => {
      if (!meetingId) throw new SamenError('invalid-data', 'missing meeting-id', [{ path: 'meeting-id', message: 'required' }]);
      const [who, raw] = await Promise.all([viewer, adapter.getMeeting(meetingId, { signal })]);
      this.requireTeacherRole(view, who);
      const meeting = parseOrThrow(meetingSchema, raw, 'meeting');
      if (view === 'teacher') {
        const replies = parseOrThrow(meetingRepliesSchema, await adapter.getMeetingReplies(meetingId, { signal }), 'replies');
        return { meetingId, view, viewer: who, meeting, rsvp: null, preparation: null, replies };
      }
      const conversation = meeting.kind === 'child-conversation';
      const [rsvp, preparation] = await Promise.all([
        mode === 'host' ? null : adapter.getRsvp(meetingId, { signal }),
        conversation ? adapter.getPreparation(meetingId, { signal }) : null,
      ]);
      if (conversation) this.sheet.restore(`preparation:${who.id}:${meetingId}`);
      return {
        meetingId,
        view,
        viewer: who,
        meeting,
        rsvp: rsvp === null ? null : parseOrThrow(rsvpSchema, rsvp, 'rsvp'),
        preparation: preparation === null ? null : parseOrThrow(preparationSchema, preparation, 'preparation'),
      };
    },
    topics: ({ meetingId }) => [meetingTopic(meetingId)],
  });

  private get data(): MeetingData | undefined {
    return this.loader.value;
  }

  /** Another person here: nothing they chose, typed or were told stays on screen. */
  protected override forgetPerson(): void {
    super.forgetPerson();
    this.sheet.forget();
    this.choice = undefined;
    this.people = 1;
    this.editing = false;
    this.sending = false;
    this.rsvpError = undefined;
    this.message = '';
    this.sheetMessage = '';
    this.handed = undefined;
    this.rsvpWriteId = undefined;
  }

  /** Whether the meeting is over (its end, else its start, has passed). */
  private isPast(meeting: Meeting): boolean {
    return Date.parse(meeting.endsAt ?? meeting.startsAt) < Date.now();
  }

  // ------------------------------------------------------------------ answering

  private choose(answer: RsvpAnswer): void {
    this.choice = answer;
    this.rsvpWriteId = undefined;
    this.rsvpError = undefined;
  }

  private setPeople(value: string): void {
    const n = Math.round(Number(value));
    this.people = Number.isFinite(n) ? Math.min(RSVP_MAX_PEOPLE, Math.max(1, n)) : 1;
    this.rsvpWriteId = undefined;
  }

  private startEditing(answer: RsvpAnswer, people: number): void {
    this.choice = answer;
    this.people = Math.max(1, people);
    this.editing = true;
    this.message = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name="answer"]:checked')?.focus());
  }

  /** Shows `text` beside the answer and says it. */
  private say(text: string): void {
    this.message = text;
    this.announce(text);
  }

  private rsvpDetail(data: MeetingData, answer: RsvpAnswer, people: number): Omit<SamenRsvpDetail, 'stored'> {
    const { meeting, viewer } = data;
    return {
      meetingId: meeting.id,
      meeting: {
        id: meeting.id,
        classId: meeting.classId,
        kind: meeting.kind,
        title: meeting.title,
        startsAt: meeting.startsAt,
        ...(meeting.endsAt ? { endsAt: meeting.endsAt } : {}),
        place: meeting.place,
      },
      household: { ...(viewer.familyId ? { familyId: viewer.familyId } : {}), ...(viewer.name ? { name: viewer.name } : {}) },
      answer,
      people,
    };
  }

  private async sendRsvp(event?: Event): Promise<void> {
    event?.preventDefault();
    const data = this.data;
    const adapter = this.adapter;
    const answer = this.choice;
    if (!data || !adapter || !answer || this.sending || !this.personConfirmed) return;
    const people = answer === 'no' ? 0 : this.people;
    if (this.rsvp === 'host') {
      // The host's agenda keeps it: nothing is stored here.
      this.handed = { answer, people };
      this.editing = false;
      this.say(this.m.handedOver);
      void this.emit('samen-rsvp', { ...this.rsvpDetail(data, answer, people), stored: false });
      return;
    }
    const person = this.personToken;
    const id = (this.rsvpWriteId ??= newId());
    this.sending = true;
    this.rsvpError = undefined;
    try {
      // "Sending" is painted in the frame of the tap; then the write goes.
      await afterNextPaint();
      const raw = await adapter.saveRsvp!({ id, meetingId: data.meetingId, answer, people });
      if (!this.stillFor(person)) return;
      const rsvp = parseOrThrow(rsvpSchema, raw, 'rsvp');
      this.loader.set({ ...data, rsvp });
      this.editing = false;
      this.rsvpWriteId = undefined;
      this.say(this.m.sent);
      void this.emit('samen-rsvp', { ...this.rsvpDetail(data, answer, people), stored: true, id });
    } catch (error) {
      if (!this.stillFor(person)) return;
      const samenError = toSamenError(error);
      if (samenError.queued) {
        // Kept in the outbox and sent later: shown as given, as the school will have it.
        const rsvp: Rsvp = {
          meetingId: data.meetingId,
          familyId: data.viewer.familyId ?? '',
          answer,
          people,
          updatedAt: new Date().toISOString(),
        };
        this.loader.set({ ...data, rsvp });
        this.editing = false;
        void this.emit('samen-rsvp', { ...this.rsvpDetail(data, answer, people), stored: false, queued: true, id });
      } else {
        this.rsvpError = samenError;
      }
      this.say(this.writeFailedText(samenError, this.m.failed));
      this.reportError(samenError, false);
    } finally {
      if (this.stillFor(person)) this.sending = false;
    }
  }

  // ------------------------------------------------------------------ the calendar file

  private downloadCalendar(meeting: Meeting): void {
    const m = this.m;
    const description = [meeting.description, meeting.bring ? `${m.bring}: ${meeting.bring}` : undefined].filter(Boolean).join('\n');
    const ics = meetingToIcs(meeting, description ? { description } : {});
    const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = icsFileName(meeting);
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    // The download has its copy; the URL goes once it has started.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    this.announce(m.calendarReady);
  }

  // ------------------------------------------------------------------ the preparation sheet

  /** What the sheet shows: the draft being typed, else what was sent, else empty. */
  private sheetFields(data: MeetingData): SheetFields {
    if (this.sheet.text) {
      try {
        const parsed = JSON.parse(this.sheet.text) as Partial<SheetFields>;
        return Object.fromEntries(SHEET_FIELDS.map((f) => [f, typeof parsed[f] === 'string' ? parsed[f] : ''])) as SheetFields;
      } catch {
        return { ...EMPTY_SHEET };
      }
    }
    const sent = data.preparation;
    return sent ? { keywords: sent.keywords, goesWell: sent.goesWell, talkAbout: sent.talkAbout } : { ...EMPTY_SHEET };
  }

  private setSheetField(data: MeetingData, field: keyof SheetFields, value: string): void {
    this.sheetMessage = '';
    this.sheet.set(JSON.stringify({ ...this.sheetFields(data), [field]: value.slice(0, PREPARATION_MAX_LENGTH) }));
  }

  private async sendSheet(event?: Event): Promise<void> {
    event?.preventDefault();
    const data = this.data;
    const adapter = this.adapter;
    if (!data || !adapter || !this.personConfirmed) return;
    const fields = this.sheetFields(data);
    if (!SHEET_FIELDS.some((f) => fields[f].trim())) {
      this.sheetMessage = this.m.sheetEmpty;
      this.announce(this.m.sheetEmpty);
      return;
    }
    // The text as shown is what is sent (a sheet shown from what was sent before starts a draft now).
    if (!this.sheet.text) this.sheet.set(JSON.stringify(fields));
    const result = await this.sheet.submit((id, text) => {
      const sent = JSON.parse(text) as SheetFields;
      return adapter.savePreparation!({ id, meetingId: data.meetingId, ...sent }).then((raw) => ({ id, raw }));
    });
    if (!result) return;
    if (result.ok) {
      const preparation = parseOrThrow(preparationSchema, result.value.raw, 'preparation');
      this.loader.set({ ...data, preparation });
      this.sheetMessage = this.m.sheetSent;
      this.announce(this.m.sheetSent);
      void this.emit('samen-preparation', { meetingId: data.meetingId, id: result.value.id });
    } else {
      this.sheetMessage = this.writeFailedText(result.error, this.m.sheetFailed);
      this.announce(this.sheetMessage);
      this.reportError(result.error, false);
    }
  }

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    return this.renderData(this.loader, (data) => {
      const card = this.renderCard(data);
      if (this.view !== 'teacher') return card;
      return this.renderWithPreview(
        card,
        () =>
          html`<samen-meeting
            meeting-id=${this.meetingId}
            view="parent"
            preview
            rsvp=${this.rsvp}
            locale=${this.resolvedLocale}
            theme=${ifDefined(this.theme)}
          ></samen-meeting>`,
      );
    });
  }

  private renderCard(data: MeetingData): TemplateResult {
    const { meeting } = data;
    const past = this.isPast(meeting);
    return html`<article class="card meeting" part="base" aria-labelledby="title" lang=${this.resolvedLocale} dir=${this.languageDir}>
      ${this.renderHeader(meeting)} ${this.renderDetails(meeting)}
      ${meeting.description ? html`<p class="description" ${inLanguage(this.schoolText(meeting.lang))}>${meeting.description}</p>` : nothing}
      ${past ? this.renderSummary(meeting) : nothing}
      ${data.view === 'teacher' && data.replies ? this.renderReplies(meeting, data.replies) : nothing}
      ${data.view === 'parent' && !past ? this.renderAnswer(data) : nothing}
      ${data.view === 'parent' && !past && meeting.kind === 'child-conversation' ? this.renderSheet(data) : nothing}
      ${
        past
          ? nothing
          : html`<p class="calendar">
              <button type="button" part="calendar" @click=${() => this.downloadCalendar(meeting)}>${this.m.addToCalendar}</button>
            </p>`
      }
    </article>`;
  }

  private renderHeader(meeting: Meeting): TemplateResult {
    const school = this.schoolText(meeting.lang);
    return html`<header class="header">
      <p class="eyebrow">
        <span part="badge" class="badge">${this.m.kinds[meeting.kind]}</span>
        ${meeting.programme && meeting.programme !== 'custom' ? html`<span class="programme">${this.t.programmes[meeting.programme]}</span>` : nothing}
      </p>
      <h2 id="title" part="title" ${inLanguage(school)}>${meeting.title}</h2>
      ${meeting.host ? html`<p class="meta">${this.m.invitedBy(meeting.host)}</p>` : nothing}
    </header>`;
  }

  private renderDetails(meeting: Meeting): TemplateResult {
    const school = this.schoolText(meeting.lang);
    return html`<dl part="details" class="details">
      <div>
        <dt>${this.m.when}</dt>
        <dd><time datetime=${meeting.startsAt}>${formatWhen(meeting, this.resolvedLocale)}</time></dd>
      </div>
      <div>
        <dt>${this.m.where}</dt>
        <dd ${inLanguage(school)}>${meeting.place}</dd>
      </div>
      ${
        meeting.bring
          ? html`<div>
              <dt>${this.m.bring}</dt>
              <dd ${inLanguage(school)}>${meeting.bring}</dd>
            </div>`
          : nothing
      }
    </dl>`;
  }

  private renderSummary(meeting: Meeting): TemplateResult {
    return html`<section part="summary" class="summary" aria-labelledby="summary-heading">
      <p class="muted">${this.m.past}</p>
      <h3 id="summary-heading">${this.m.summary}</h3>
      ${
        meeting.summary
          ? html`<p ${inLanguage(this.schoolText(meeting.lang))}>${meeting.summary}</p>`
          : html`<p class="muted">${this.m.summaryFollows}</p>`
      }
    </section>`;
  }

  /** The household's answer once given, else the yes / no / maybe form. */
  private renderAnswer(data: MeetingData): TemplateResult {
    const m = this.m;
    const given = this.rsvp === 'host' ? this.handed : data.rsvp;
    if (given && !this.editing) {
      return html`<div part="answer" class="answer">
        <p><strong>${m.yourAnswer(given.answer, given.people)}</strong></p>
        <p class="message">${this.message}</p>
        <button type="button" @click=${() => this.startEditing(given.answer, given.people)}>${m.change}</button>
      </div>`;
    }
    const choice = this.choice;
    const error = this.rsvpError;
    return html`<form part="rsvp" class="rsvp" @submit=${this.sendRsvp}>
      <fieldset>
        <legend>${m.question}</legend>
        <div class="choices">
          ${RSVP_ANSWERS.map(
            (answer) =>
              html`<label class="choice">
                <input type="radio" name="answer" value=${answer} .checked=${choice === answer} @change=${() => this.choose(answer)} />
                <span>${m.answers[answer]}</span>
              </label>`,
          )}
        </div>
      </fieldset>
      ${
        choice && choice !== 'no'
          ? html`<p class="people">
              <label for="people">${m.people}</label>
              <input
                id="people"
                type="number"
                inputmode="numeric"
                min="1"
                max=${RSVP_MAX_PEOPLE}
                .value=${String(this.people)}
                @change=${(e: Event) => this.setPeople((e.target as HTMLInputElement).value)}
              />
            </p>`
          : nothing
      }
      ${
        error
          ? html`<div class="send-error" role="alert">
              <p>${this.writeFailedText(error, m.failed)}</p>
              <button type="button" @click=${() => this.sendRsvp()}>${this.t.retry}</button>
            </div>`
          : html`<p class="message">${this.message}</p>`
      }
      <p>
        <button type="submit" class="primary" part="send-button" aria-disabled=${choice && !this.sending ? 'false' : 'true'}>
          ${this.sending ? m.sending : m.send}
        </button>
      </p>
    </form>`;
  }

  private renderSheet(data: MeetingData): TemplateResult {
    const m = this.m;
    const fields = this.sheetFields(data);
    const labels: Record<keyof SheetFields, string> = { keywords: m.keywords, goesWell: m.goesWell, talkAbout: m.talkAbout };
    return html`<form part="sheet" class="sheet" aria-labelledby="sheet-heading" @submit=${this.sendSheet}>
      <h3 id="sheet-heading">${m.sheet}</h3>
      <p class="muted">${m.sheetIntro}</p>
      ${SHEET_FIELDS.map(
        (field) =>
          html`<p class="field">
            <label for=${`sheet-${field}`}>${labels[field]}</label>
            <textarea
              id=${`sheet-${field}`}
              dir="auto"
              rows="2"
              maxlength=${PREPARATION_MAX_LENGTH}
              placeholder=${ifDefined(field === 'keywords' ? m.keywordsHint : undefined)}
              .value=${fields[field]}
              @input=${(e: Event) => this.setSheetField(data, field, (e.target as HTMLTextAreaElement).value)}
            ></textarea>
          </p>`,
      )}
      <p class="muted">${m.draftKept}</p>
      <p class="message">${this.sheetMessage}</p>
      <p>
        <button type="submit" class="primary" part="send-button" aria-disabled=${this.sheet.sending ? 'true' : 'false'}>
          ${this.sheet.sending ? m.sending : m.sendSheet}
        </button>
      </p>
    </form>`;
  }

  private renderReplies(meeting: Meeting, replies: MeetingReplies): TemplateResult {
    const m = this.m;
    const count = (answer: RsvpAnswer) => replies.rsvps.filter((r) => r.answer === answer).length;
    const people = replies.rsvps.reduce((sum, r) => sum + (r.answer === 'no' ? 0 : r.people), 0);
    const missing = Math.max(0, replies.families - new Set(replies.rsvps.map((r) => r.familyId)).size);
    const order: Record<RsvpAnswer, number> = { yes: 0, maybe: 1, no: 2 };
    const sorted = [...replies.rsvps].sort(
      (a, b) => order[a.answer] - order[b.answer] || (a.familyName ?? '').localeCompare(b.familyName ?? '', this.resolvedLocale),
    );
    return html`<section part="replies" class="replies" aria-labelledby="replies-heading">
        <h3 id="replies-heading">${m.replies}</h3>
        <ul class="counts">
          ${RSVP_ANSWERS.map((answer) => html`<li class="count count-${answer}">${m.count(answer, count(answer))}</li>`)}
        </ul>
        <p class="muted">${m.peopleTotal(people)}${replies.families ? html` · ${m.notReplied(missing, replies.families)}` : nothing}</p>
        ${
          sorted.length
            ? html`<ul class="reply-list">
                ${sorted.map(
                  (r) =>
                    html`<li>
                      <span class="who" ${inLanguage(this.familyText())}>${r.familyName ?? this.t.familyFallback}</span>
                      <span class="what">${m.replyOf(r.answer, r.people)}</span>
                    </li>`,
                )}
              </ul>`
            : html`<p class="muted">${m.noReplies}</p>`
        }
      </section>
      ${meeting.kind === 'child-conversation' ? this.renderSheets(replies.preparations) : nothing}`;
  }

  private renderSheets(sheets: readonly Preparation[]): TemplateResult {
    const m = this.m;
    return html`<section part="sheets" class="sheets" aria-labelledby="sheets-heading">
      <h3 id="sheets-heading">${m.sheets}</h3>
      ${
        sheets.length
          ? html`<ul>
              ${sheets.map(
                (s) =>
                  html`<li>
                    <h4 ${inLanguage(this.familyText())}>${s.familyName ?? this.t.familyFallback}</h4>
                    <dl>
                      ${SHEET_FIELDS.filter((f) => s[f]).map(
                        (f) =>
                          html`<dt>${{ keywords: m.keywords, goesWell: m.goesWell, talkAbout: m.talkAbout }[f]}</dt>
                            <dd ${inLanguage(this.familyText())}>${s[f]}</dd>`,
                      )}
                    </dl>
                  </li>`,
              )}
            </ul>`
          : html`<p class="muted">${m.noSheets}</p>`
      }
    </section>`;
  }
}

/** "donderdag 26 november, 13:30 – 15:00" in the card's language, in the device's time zone. */
export function formatWhen(meeting: Pick<Meeting, 'startsAt' | 'endsAt'>, locale: string): string {
  const start = new Date(meeting.startsAt);
  const day = dateFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(start);
  const time = dateFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const end = meeting.endsAt ? new Date(meeting.endsAt) : undefined;
  return `${day}, ${time.format(start)}${end ? ` – ${time.format(end)}` : ''}`;
}
