import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { newId } from '../core/adapter.js';
import { batchedRead } from '../core/batch.js';
import { afterNextPaint } from '../core/after-paint.js';
import { DraftController } from '../core/draft-controller.js';
import { SamenError, toSamenError } from '../core/errors.js';
import { formatRelative } from '../core/i18n.js';
import { parseOrThrow } from '../core/parse.js';
import type { Viewer } from '../core/schemas.js';
import { REPLY_MAX_LENGTH, reactionSummarySchema, type ReactionId, type ReactionSummary, type Reply } from './schemas.js';
import { SamenParentPreviewElement } from '../core/parent-preview-element.js';
import { SamenElement } from '../core/samen-element.js';
import { inLanguage } from '../core/in-language.js';
import { feedbackBarStyles } from './feedback-bar.styles.js';
import { optimisticCount, parseReactionList, reactionIcon, withKnownReactions } from './reactions.js';
import { feedbackMessages, type FeedbackMessages } from './messages.js';
import { LazyView } from '../core/lazy-view.js';
import type { FeedbackTeacherHost } from './teacher-view.js';
import { LazyThreads } from '../thread/lazy-threads.js';
import { threadMessages } from '../thread/messages.js';

interface BarData {
  targetId: string;
  view: 'parent' | 'teacher';
  viewer: Viewer;
  summary: ReactionSummary;
}

/**
 * Likes, reactions, "we did it at home" and short replies under any content: a
 * lesson clip, a chart, a matrix, or a post of the host app itself. Teachers see
 * counts, who reacted, the replies, and how many families did it at home.
 *
 * @summary Reactions and short replies for parents; counts and replies for teachers.
 * @tagname samen-feedback-bar
 *
 * @fires {CustomEvent<SamenReactDetail>} samen-react - The adapter stored a reaction being added (`on: true`) or taken back.
 * @fires {CustomEvent<SamenReplyDetail>} samen-reply - The adapter stored a reply.
 * @fires {CustomEvent<SamenMessageDetail>} samen-message - A message from the other side arrived live in a thread about a reply (with the optional thread port): the host may notify in its own way.
 * @fires {CustomEvent<SamenErrorDetail>} samen-error - Loading or saving failed, or the adapter sent reactions this widget doesn't know.
 *
 * @csspart base - The bar.
 * @csspart reactions - The toolbar of reaction buttons (parent).
 * @csspart reaction - Each reaction button (parent) or count (teacher).
 * @csspart reaction-pressed - A reaction the family gave.
 * @csspart count - The number beside a reaction.
 * @csspart reply-input - The reply text area.
 * @csspart send-button - The reply send button.
 * @csspart replies - The list of replies.
 * @csspart home-share - The share of families that did the home activity (teacher).
 * @csspart thread - The private thread between a family and the teacher about the family's reply (with the optional thread port): under the family's replies (parent), or under a family's reply once the teacher opens it with "Antwoorden".
 * @csspart thread-input - The text area for a message in the thread.
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
 * @cssprop [--samen-placeholder-height=auto] - Height of the card while it loads, or while it waits below the fold (`loading="lazy"`) until it comes near the screen: set it to the card's usual height so nothing jumps.
 */
export class SamenFeedbackBar extends SamenParentPreviewElement {
  protected override messageSections = [feedbackMessages, threadMessages];

  /** The feedback bar's own words in its language (./messages.ts); the shared ones are `this.t`. */
  private get m(): FeedbackMessages {
    return feedbackMessages.get(this.resolvedLocale);
  }

  static override styles = [...SamenElement.styles, feedbackBarStyles];

  /** What is being reacted to: a clip id, a chart id, or the host's own post id. */
  @property({ attribute: 'target-id', reflect: true }) targetId = '';

  /** A `parent` reacts and replies; a `teacher` sees counts, names and replies. */
  @property({ reflect: true }) view: 'parent' | 'teacher' = 'parent';

  /** Which reactions to offer, space-separated: `like heart clap talked-at-home practised-at-home` (the default). */
  @property() reactions = '';

  /** Lets parents send a short reply. */
  @property({ type: Boolean, attribute: 'allow-reply' }) allowReply = false;

  /** What the parent wants, per reaction, while the host catches up. */
  @state() private desired = new Map<ReactionId, boolean>();
  @state() private message = '';
  @state() private focusIndex = 0;

  private readonly reply = new DraftController(this, REPLY_MAX_LENGTH);
  /** The private threads about the family's reply (issue 24; optional thread port): the family's own, or the teacher's with one family. */
  private readonly threads = new LazyThreads(this, {
    adapter: () => this.adapter,
    messages: () => threadMessages.get(this.resolvedLocale),
    announce: (text) => this.announce(text),
    emit: (detail) => void this.emit('samen-message', detail),
  });
  /** Reactions on their way, for the person here now (a new set for each person). */
  private inFlight = new Set<ReactionId>();
  /** Replies this viewer sent in this visit: all a parent without a `familyId` is shown. */
  private readonly sentReplies = new Set<string>();

  /** The teacher view (./teacher-view.ts), loaded only for `view="teacher"`: parents never download it. */
  private readonly teacherView = new LazyView(
    this,
    () => (this.constructor as typeof SamenFeedbackBar).loadTeacherView(),
    (error) => this.reportError(error),
  );

  /** How the teacher view is loaded (a test's subclass may fail it). */
  protected static loadTeacherView = () => import('./teacher-view.js');

  /** What the teacher view reads through the bar. */
  private readonly teacherHost: FeedbackTeacherHost = ((bar: this) => ({
    get m() {
      return bar.m;
    },
    get offered() {
      return bar.offered;
    },
    renderReplies: (heading, replies) => bar.renderReplies(heading, replies),
  }))(this);

  private readonly loader = this.useData({
    port: 'feedback',
    args: () => [this.targetId, this.view] as const,
    load: async ({ adapter, viewer, args: [targetId, view], signal, report }): Promise<BarData> => {
      if (!targetId) throw new SamenError('invalid-data', 'missing target-id', [{ path: 'target-id', message: 'required' }]);
      const [who, raw] = await Promise.all([
        viewer,
        batchedRead(adapter, adapter.getReactions, adapter.getReactionSummaries, targetId, signal),
        view === 'teacher' ? this.teacherView.settled() : undefined,
        // The teacher's threads ("Antwoorden") beside the data (issue 23: loaded on demand).
        this.threads.ready(view === 'teacher' && !this.preview),
      ]);
      this.requireTeacherRole(view, who);
      const { summary, issues } = withKnownReactions(parseOrThrow(reactionSummarySchema, raw, 'reactions'));
      report(issues, 'unknown reactions ignored');
      // A family that replied sees its thread under the reply: its module first, so it is read with the bar.
      const replied = !!who.familyId && (summary.replies ?? []).some((r) => r.familyId === who.familyId);
      await this.threads.ready(view === 'parent' && !this.preview && replied);
      this.reply.restore(`reply:${who.id}:${targetId}`);
      return { targetId, view, viewer: who, summary };
    },
    topics: ({ targetId }) => [`reactions:${targetId}`],
  });

  /** What is shown: the loaded summary, which a write's result updates in place. */
  private get data(): BarData | undefined {
    return this.loader.value;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Beside the data load, not after it: a teacher's first render waits for both at once.
    if (this.view === 'teacher') this.teacherView.start();
    // The thread about the family's reply: only once they replied, so a bar without one reads nothing more.
    const data = this.data;
    const familyId = data?.viewer.familyId;
    const replied = !!familyId && (data?.summary.replies ?? []).some((r) => r.familyId === familyId);
    this.threads.show(
      data && !this.preview && (this.view === 'teacher' || replied)
        ? {
            about: { kind: 'reply', id: data.targetId },
            viewerId: data.viewer.id,
            side: this.view === 'teacher' ? 'teacher' : 'family',
            familyId,
            // The household's own thread, unless the school shares within the family (issue 24).
            householdId: data.viewer.shareWithinFamily ? undefined : data.viewer.householdId,
          }
        : undefined,
    );
  }

  /** Another person here: their unsent reply, pending reactions and sent replies are not shown. */
  protected override forgetPerson(): void {
    super.forgetPerson();
    this.reply.forget();
    this.desired = new Map();
    this.inFlight = new Set();
    this.sentReplies.clear();
    this.threads.forget();
    this.message = '';
  }

  private get offered(): ReactionId[] {
    return parseReactionList(this.reactions);
  }

  private isOn(summary: ReactionSummary, reaction: ReactionId): boolean {
    return this.desired.get(reaction) ?? summary.mine.includes(reaction);
  }

  // ------------------------------------------------------------------ reacting

  private toggle(reaction: ReactionId): void {
    const data = this.data;
    if (!data) return;
    this.message = '';
    const on = !this.isOn(data.summary, reaction);
    this.desired = new Map(this.desired).set(reaction, on);
    const count = optimisticCount(data.summary, reaction, on);
    const label = this.m.reactions[reaction];
    this.announce(on ? this.m.reactionGiven(label, count) : this.m.reactionTakenBack(label, count));
    // Pressed in the tap's frame; the write goes once that frame is painted (issue 23).
    void afterNextPaint().then(() => this.flush(reaction));
  }

  /**
   * Brings the host in line with what the parent wants, one request per reaction at
   * a time. Twenty quick taps end in at most a couple of writes, never a double count.
   */
  private async flush(reaction: ReactionId): Promise<void> {
    const adapter = this.adapter;
    const inFlight = this.inFlight;
    if (inFlight.has(reaction) || !adapter || !this.personConfirmed) return;
    const person = this.personToken;
    inFlight.add(reaction);
    try {
      // Stops when someone else is here: what they want goes through their own adapter.
      while (this.stillFor(person)) {
        const data = this.data;
        const wanted = this.desired.get(reaction);
        if (!data || wanted === undefined || wanted === data.summary.mine.includes(reaction)) break;
        const raw = await adapter.setReaction({ id: newId(), targetId: data.targetId, reaction, on: wanted });
        data.summary = withKnownReactions(parseOrThrow(reactionSummarySchema, raw, 'reactions')).summary;
        void this.emit('samen-react', { targetId: data.targetId, reaction, on: wanted });
      }
    } catch (error) {
      const samenError = toSamenError(error);
      // The reaction of someone no longer here: nothing of it is shown to who is here now.
      if (!this.stillFor(person)) return;
      const data = this.data;
      const wanted = this.desired.get(reaction);
      // Kept in the outbox and sent later: show it as done, as the host will have it.
      if (samenError.queued && data && wanted !== undefined) data.summary = withOwnReaction(data.summary, reaction, wanted);
      this.say(this.writeFailedText(samenError, this.m.reactionFailed));
      this.reportError(samenError, false);
    } finally {
      inFlight.delete(reaction);
      if (this.stillFor(person)) {
        const next = new Map(this.desired);
        next.delete(reaction);
        this.desired = next;
      }
    }
  }

  /** Shows `text` under the reactions and says it (every time: the same failure twice is heard twice). */
  private say(text: string): void {
    this.message = text;
    this.announce(text);
  }

  private onToolbarKeydown(event: KeyboardEvent): void {
    const count = this.offered.length;
    // The card's direction: an Arabic card is right to left even in a left-to-right app.
    const rtl = getComputedStyle(event.target as Element).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, ArrowDown: 1, ArrowUp: -1 }[event.key];
    let index: number | undefined;
    if (step !== undefined) index = (this.focusIndex + step + count) % count;
    else if (event.key === 'Home') index = 0;
    else if (event.key === 'End') index = count - 1;
    if (index === undefined) return;
    event.preventDefault();
    this.focusIndex = index;
    this.renderRoot.querySelectorAll<HTMLButtonElement>('[role="toolbar"] button')[index]?.focus();
  }

  // ------------------------------------------------------------------ replying

  private async sendReply(event?: Event): Promise<void> {
    event?.preventDefault();
    const adapter = this.adapter;
    const data = this.data;
    if (!adapter || !data || !this.personConfirmed) return;
    const result = await this.reply.submit((id, text) => adapter.addReply({ id, targetId: data.targetId, text }));
    if (!result) return;
    if (result.ok) {
      this.sentReplies.add(result.value.id);
      this.say(this.m.replySent);
      void this.emit('samen-reply', { targetId: data.targetId, text: result.value.text, id: result.value.id });
      // The stored reply joins the list as it is: no reload (a live update brings the others').
      const replies = (data.summary.replies ?? []).filter((r) => r.id !== result.value.id);
      this.loader.set({ ...data, summary: { ...data.summary, replies: [...replies, result.value] } });
    } else {
      this.reportError(result.error, false);
    }
  }

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    const view = this.teacherView;
    if (this.view === 'teacher' && this.loader.status !== 'error') {
      // The teacher view's module on its way (loading, as the data may still be), or failed to load.
      if (view.error) return this.renderError(view.error, () => view.retry());
      if (!view.module) return this.renderLoading();
    }
    return this.renderData(this.loader, (data) => this.renderBar(data));
  }

  /**
   * A parent's bar while it loads has the shape of the bar it becomes: its row of reactions,
   * grey and empty, not a card of two lines. A lesson clip's bar loads after the clip, under the
   * parent's eyes, and its card must not jump when it does (issue 23).
   */
  protected override renderLoading(): TemplateResult {
    if (this.view !== 'parent') return super.renderLoading();
    const t = this.m;
    return html`<div class="card bar placeholder" part="base" aria-busy="true" lang=${this.resolvedLocale} dir=${this.languageDir}>
      <span class="visually-hidden" role="status">${this.t.loading}</span>
      <div class="reactions" aria-hidden="true">
        ${this.offered.map(
          (reaction) =>
            html`<span class="reaction"
              >${reactionIcon(reaction)}${reaction.endsWith('-at-home') ? html`<span class="label">${t.reactions[reaction]}</span>` : nothing}<span
                class="count"
                >0</span
              ></span
            >`,
        )}
      </div>
    </div>`;
  }

  private renderBar(data: BarData): TemplateResult {
    const bar = html`<div part="base" class="bar" lang=${this.resolvedLocale} dir=${this.languageDir}>
      ${this.view === 'teacher' && this.teacherView.module ? this.teacherView.module.renderTeacher(this.teacherHost, data.summary) : this.renderParent(data)}
    </div>`;
    if (this.view !== 'teacher') return bar;
    // What parents see of the same post, read-only: who reacted and the replies stay the teacher's.
    return this.renderWithPreview(
      bar,
      () =>
        html`<samen-feedback-bar
        target-id=${this.targetId}
        view="parent"
        preview
        reactions=${this.reactions}
        ?allow-reply=${this.allowReply}
        locale=${this.resolvedLocale}
        theme=${ifDefined(this.theme)}
      ></samen-feedback-bar>`,
    );
  }

  private renderParent({ summary, viewer }: BarData): TemplateResult {
    const t = this.m;
    const offered = this.offered;
    const focusIndex = Math.min(this.focusIndex, offered.length - 1);
    // Only the family's own replies; without a familyId, only the ones just sent from here.
    const mine = (summary.replies ?? []).filter((r) => (viewer.familyId ? r.familyId === viewer.familyId : this.sentReplies.has(r.id)));
    return html`<div role="toolbar" aria-label=${t.toolbar} part="reactions" class="reactions" @keydown=${this.onToolbarKeydown}>
        ${offered.map((reaction, index) => {
          const on = this.isOn(summary, reaction);
          const count = optimisticCount(summary, reaction, this.desired.get(reaction));
          const label = t.reactions[reaction];
          const showLabel = reaction.endsWith('-at-home');
          return html`<button
            type="button"
            part=${on ? 'reaction reaction-pressed' : 'reaction'}
            class="reaction"
            aria-pressed=${on ? 'true' : 'false'}
            aria-label=${t.reactionName(label, count)}
            title=${label}
            tabindex=${index === focusIndex ? 0 : -1}
            @focus=${() => (this.focusIndex = index)}
            @click=${() => this.toggle(reaction)}
          >
            ${reactionIcon(reaction)}
            ${showLabel ? html`<span class="label" aria-hidden="true">${label}</span>` : nothing}
            <span part="count" class="count" aria-hidden="true">${count}</span>
          </button>`;
        })}
      </div>
      <p class="message">${this.message}</p>
      ${this.allowReply ? this.renderReplyForm() : nothing}
      ${mine.length ? this.renderReplies(t.yourReplies, mine) : nothing} ${this.threads.renderFamily()}`;
  }

  private renderReplyForm(): TemplateResult {
    const t = this.m;
    const draft = this.reply;
    return html`<form class="reply-form" @submit=${this.sendReply}>
      <label for="reply">${t.replyLabel}</label>
      <textarea
        id="reply"
        part="reply-input"
        dir="auto"
        rows="2"
        maxlength=${REPLY_MAX_LENGTH}
        placeholder=${t.replyPlaceholder}
        aria-describedby="reply-counter"
        .value=${draft.text}
        @input=${(e: Event) => draft.set((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p id="reply-counter" class="counter">${this.t.charactersLeft(draft.remaining)}</p>
      ${
        draft.error
          ? html`<div class="send-error" role="alert">
            <p>${this.writeFailedText(draft.error, t.replyFailed)}</p>
            <button type="button" @click=${() => this.sendReply()}>${this.t.retry}</button>
          </div>`
          : nothing
      }
      <div>
        <button type="submit" class="primary" part="send-button" aria-disabled=${draft.canSend ? 'false' : 'true'}>
          ${draft.sending ? t.sending : t.send}
        </button>
      </div>
    </form>`;
  }

  private renderReplies(heading: string, replies: Reply[]): TemplateResult {
    const ordered = [...replies].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    // The teacher answers a family under its last reply: one thread per family (per household, issue 24).
    const whose = (r: Reply) => `${r.familyId ?? ''}/${r.householdId ?? ''}`;
    const last = new Map(ordered.map((r) => [whose(r), r.id]));
    return html`<section role="group" class="replies" aria-label=${heading}>
      <h3>${heading}</h3>
      <ol part="replies">
        ${ordered.map(
          (reply) => html`<li>
            ${reply.authorName && this.view === 'teacher' ? html`<p class="author" ${inLanguage(this.familyText())}>${reply.authorName}</p>` : nothing}
            <p ${inLanguage(this.familyText())}>${reply.text}</p>
            <time datetime=${reply.createdAt}>${formatRelative(new Date(reply.createdAt), this.resolvedLocale)}</time>
            ${
              this.view === 'teacher' && reply.familyId && last.get(whose(reply)) === reply.id
                ? this.threads.renderFor(reply.familyId, reply.authorName ?? threadMessages.get(this.resolvedLocale).fromFamily, {
                    householdId: reply.householdId,
                  })
                : nothing
            }
          </li>`,
        )}
      </ol>
    </section>`;
  }
}

/** The summary as it will be once the viewer's own reaction is on (or off). */
function withOwnReaction(summary: ReactionSummary, reaction: ReactionId, on: boolean): ReactionSummary {
  if (summary.mine.includes(reaction) === on) return summary;
  const count = Math.max(0, (summary.counts[reaction] ?? 0) + (on ? 1 : -1));
  return {
    ...summary,
    counts: { ...summary.counts, [reaction]: count },
    mine: on ? [...summary.mine, reaction] : summary.mine.filter((r) => r !== reaction),
  };
}
