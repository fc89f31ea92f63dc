import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AdapterFor } from '../core/adapter.js';
import { cspStyle } from '../core/csp-style.js';
import { SamenError } from '../core/errors.js';
import { formatRelative } from '../core/i18n.js';
import { parseOrThrow } from '../core/parse.js';
import type { Viewer } from '../core/schemas.js';
import { awardSchema, rewardChartSchema, type Award, type RewardChart } from './schemas.js';
import { sharedViewer } from '../core/data-controller.js';
import { SamenParentPreviewElement } from '../core/parent-preview-element.js';
import { SamenElement } from '../core/samen-element.js';
import { invalidLang } from '../core/content-lang.js';
import { inLanguage, withParts } from '../core/in-language.js';
import { WriteQueue } from '../core/write-queue.js';
import { LazyView } from '../core/lazy-view.js';
import { onOnline } from '../core/shared-listener.js';
import { progress, recentReasons, sanitizeChart } from './progress.js';
import { rewardChartStyles } from './reward-chart.styles.js';
import { LazyThreads } from '../thread/lazy-threads.js';
import { threadMessages } from '../thread/messages.js';
import { rewardMessages, type RewardMessages } from './messages.js';
import type { RewardTeacher, RewardTeacherHost } from './teacher-view.js';
import type { RewardChild, RewardChildHost } from './child-view.js';
import type { ChoicesEditor, ChoicesEditorHost } from './choices-editor.js';

/** A star of the celebration, drawn (Material Symbols, Apache-2.0): "★" is a glyph a device's font may lack. */
const STAR = html`<svg viewBox="0 0 24 24" width="1.2em" height="1.2em" focusable="false"><path fill="currentColor" d="M12 17.27 18.18 21l-1.64-7.03L22 9.24l-7.19-.61L12 2 9.19 8.63 2 9.24l5.46 4.73L5.82 21z"></path></svg>`;

export { UNDO_WINDOW_MS } from './schemas.js';
/** Up to this goal the chart shows one spot per token; above it, a bar. */
const MAX_SPOTS = 60;

export interface AwardPayload {
  chartId: string;
  expectationId?: string;
  reason?: string;
  /** A class chart's token for one child (issue 24): counts only in the teacher's private view. */
  childId?: string;
}

export interface ChartData {
  chartId: string;
  view: 'parent' | 'teacher' | 'child';
  viewer: Viewer;
  chart: RewardChart;
  adjusted: boolean;
}

/**
 * Positive reinforcement that continues at home. A class chart collects tokens for
 * one or two focus expectations toward a group reward; a personal chart collects a
 * child's stickers from school and, when enabled, from home.
 *
 * Positive only, by design: tokens are given, never deducted; there is no ranking or
 * leaderboard; a class chart never shows individual children's counts to parents.
 *
 * @summary Class token chart and personal sticker chart, for teachers and parents.
 * @tagname samen-reward-chart
 *
 * @fires {CustomEvent<SamenAwardDetail>} samen-award - The adapter stored a token or sticker.
 * @fires {CustomEvent<SamenUndoDetail>} samen-undo - A mis-tapped award was taken back within the undo window.
 * @fires {CustomEvent<SamenRedeemDetail>} samen-redeem - The reward was celebrated and a new goal started.
 * @fires {CustomEvent<SamenErrorDetail>} samen-error - Loading or saving failed, or the chart's data needed fixing.
 * @fires {CustomEvent<SamenMessageDetail>} samen-message - A message from the other side arrived live in the tip and top about the child of a personal chart (with the optional thread port): the host may notify in its own way.
 *
 * @csspart base - The card.
 * @csspart badge - "Class goal" or the child's chart name.
 * @csspart title - The chart title.
 * @csspart progress - The progress picture (spots or bar).
 * @csspart spot - One token spot.
 * @csspart spot-filled - A spot that has been earned.
 * @csspart focus - The focus expectations.
 * @csspart award-button - A teacher's award button.
 * @csspart undo-button - The undo button.
 * @csspart redeem-button - The celebrate button when the goal is reached.
 * @csspart cancel-button - Closes the new-goal form unsaved (teacher).
 * @csspart celebration - The celebration banner.
 * @csspart stickers - The list of stickers on a personal chart.
 * @csspart own-goal - The goal's words the child chose, under the title (issue 24).
 * @csspart choose - The child's choice of the goal's words and the reward (child).
 * @csspart choose-words - The options for the goal's words (child).
 * @csspart choose-reward - The options for the reward (child).
 * @csspart choose-button - "Dit kies ik!", saving the child's choice (child).
 * @csspart home-sticker - The parent's home-sticker form.
 * @csspart recognition - The teacher's private "Iedereen gezien deze week?" on a class chart: the children not yet recognised this week and the week's compliments (teacher; never parents or children).
 * @csspart tip-top - The teacher's "Tip en top" for the child's family on a personal chart (with the optional thread port): a button per family that opens the note.
 * @csspart thread - The private tip and top between the child's family and the teacher: the family sees it once the teacher wrote, and answers in it.
 * @csspart choices-open - On a personal chart, for a parent of the child and the teacher: the button that opens the child's options (issue 24).
 * @csspart choices-editor - The editor of the options the child chooses from: the goal's words and the rewards (parent and teacher).
 * @csspart choices-words - The editor's list of the goal's words, with a field to add one.
 * @csspart choices-rewards - The editor's list of rewards, with a field to add one.
 * @csspart choices-save - The button that saves the child's options.
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
 * @cssprop [--samen-reward-color=var(--samen-color-accent)] - Filled spots and the bar.
 * @cssprop [--samen-reward-home-color=#b86e00] - Stickers given at home. Dark: `#ffc46b`.
 * @cssprop [--samen-placeholder-height=auto] - Height of the card while it loads, or while it waits below the fold (`loading="lazy"`) until it comes near the screen: set it to the card's usual height so nothing jumps.
 */
export class SamenRewardChart extends SamenParentPreviewElement {
  protected override messageSections = [rewardMessages, threadMessages];

  /** The reward chart's own words in its language (./messages.ts); the shared ones are `this.t`. */
  private get m(): RewardMessages {
    return rewardMessages.get(this.resolvedLocale);
  }

  static override styles = [...SamenElement.styles, rewardChartStyles];

  /** Id of the chart, as the adapter knows it. */
  @property({ attribute: 'chart-id', reflect: true }) chartId = '';

  /** A `teacher` awards, undoes and redeems; a `parent` follows and adds home stickers when enabled. */
  /**
   * A `teacher` awards, undoes and redeems; a `parent` follows and adds home stickers when enabled;
   * `child` is the child's own personal chart, where they choose the goal's words and the reward
   * from the options the adults allowed (a child's login, or a parent's phone handed to the child).
   */
  @property({ reflect: true }) view: 'parent' | 'teacher' | 'child' = 'parent';

  private queue?: WriteQueue<AwardPayload>;
  /** Tip and top about the child of a personal chart (issue 24; optional thread port): the family's thread, or the teacher's with one family. */
  private readonly tipTop = new LazyThreads(this, {
    adapter: () => this.adapter,
    messages: () => threadMessages.get(this.resolvedLocale),
    announce: (text) => this.announce(text),
    emit: (detail) => void this.emit('samen-message', detail),
  });
  /** The queue was connected by a load: it starts sending once that chart is shown (and followed live). */
  private flushWhenShown = false;

  /** The teacher view (./teacher-view.ts), loaded only for `view="teacher"`: parents never download it. */
  private readonly teacherView = new LazyView(
    this,
    () => (this.constructor as typeof SamenRewardChart).loadTeacherView(),
    (error) => this.reportError(error),
  );

  /** How the teacher view is loaded (a test's subclass may fail it). */
  protected static loadTeacherView = () => import('./teacher-view.js');

  /** The child's choices (./child-view.ts), loaded only for `view="child"` (issue 24). */
  private readonly childView = new LazyView(
    this,
    () => (this.constructor as typeof SamenRewardChart).loadChildView(),
    (error) => this.reportError(error),
  );

  /** How the child view is loaded (a test's subclass may fail it). */
  protected static loadChildView = () => import('./child-view.js');

  private childState?: RewardChild;

  /** The adults' editor of the child's options (./choices-editor.ts, issue 24), loaded when a parent or the teacher opens it. */
  private readonly choicesView = new LazyView(
    this,
    () => (this.constructor as typeof SamenRewardChart).loadChoicesEditor(),
    (error) => this.reportError(error),
  );

  /** How the choices editor is loaded (a test's subclass may fail it). */
  protected static loadChoicesEditor = () => import('./choices-editor.js');

  /** Whether the adult opened the editor of the child's options. */
  private choicesOpen = false;
  private choicesState?: ChoicesEditor;

  /** The editor of the child's options, once its module is there. */
  private get choices(): ChoicesEditor | undefined {
    const module = this.choicesView.module;
    if (!module) return undefined;
    return (this.choicesState ??= new module.ChoicesEditor(this.viewHost()));
  }

  /** The child's side of the chart, once its module is there. */
  private get child(): RewardChild | undefined {
    const view = this.view === 'child' ? this.childView.module : undefined;
    if (!view) return undefined;
    return (this.childState ??= new view.RewardChild(this.viewHost()));
  }

  private teacherState?: RewardTeacher;

  /** The teacher's side of the chart, once its module is there (for the person here now). */
  private get teacher(): RewardTeacher | undefined {
    const view = this.view === 'teacher' ? this.teacherView.module : undefined;
    if (!view) return undefined;
    return (this.teacherState ??= new view.RewardTeacher(this.viewHost()));
  }

  /**
   * What the lazily loaded views (the child's, the choices editor, the teacher's) read and do
   * through this chart: one host for the three, each view typed by its own host interface. Its
   * fields are getters, so a view always reads the chart's live values (adapter, language, data,
   * queue, the person here now), never a copy from when it was made.
   */
  private viewHost(): RewardChildHost & ChoicesEditorHost & RewardTeacherHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getters below have their own this
    const chart = this;
    return {
      get renderRoot() {
        return chart.renderRoot;
      },
      get updateComplete() {
        return chart.updateComplete;
      },
      addController: (c) => this.addController(c),
      removeController: (c) => this.removeController(c),
      requestUpdate: () => this.requestUpdate(),
      get adapter() {
        return chart.adapter;
      },
      get m() {
        return chart.m;
      },
      get t() {
        return chart.t;
      },
      get data() {
        return chart.data;
      },
      get queue() {
        return chart.queue;
      },
      get person() {
        return chart.personConfirmed ? chart.personToken : undefined;
      },
      get draftKey() {
        const data = chart.data;
        return data ? `chart-choices:${data.viewer.id}:${data.chartId}` : undefined;
      },
      stillFor: (token) => this.stillFor(token),
      schoolText: (lang) => this.schoolText(lang),
      voiceFor: (lang) => this.voiceFor(lang),
      show: (shown) => {
        if (this.data && this.loader.current) this.loader.set({ ...this.data, chart: shown });
      },
      say: (message) => this.announce(message),
      emit: (name, detail) => this.emit(name, detail),
      failed: (error) => {
        this.announce(this.m.actionFailed);
        this.reportError(error, false);
      },
      // The choices editor's: closed, and back on the button that opened it.
      close: () => {
        this.choicesOpen = false;
        this.requestUpdate();
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('[part~="choices-open"]')?.focus());
      },
    };
  }

  private readonly loader = this.useData({
    port: 'reward',
    args: () => [this.chartId, this.view] as const,
    load: async ({ adapter, viewer, args: [chartId, view], signal, report }): Promise<ChartData> => {
      if (!chartId) throw new SamenError('invalid-data', 'missing chart-id', [{ path: 'chart-id', message: 'required' }]);
      const [who, rawChart] = await Promise.all([
        viewer,
        adapter.getRewardChart(chartId, { signal }),
        view === 'teacher' ? this.teacherView.settled() : view === 'child' ? this.childView.settled() : undefined,
        // The tip and top threads (issue 23: loaded on demand, beside the data).
        this.tipTop.ready(view !== 'child' && !this.preview),
      ]);
      this.requireTeacherRole(view, who);
      // The child's own chart: the child, or a parent who hands the phone to the child.
      if (view === 'child' && who.role !== 'child' && who.role !== 'parent')
        throw new SamenError('forbidden', 'the child view is for the child (or a parent handing over the phone)');
      const { chart, issues } = sanitizeChart(parseOrThrow(rewardChartSchema, rawChart, 'chart'), new Date());
      // A language tag that is not BCP 47 was dropped by the schema: the words show, unmarked.
      const badLang = invalidLang(rawChart);
      if (badLang) issues.push(badLang);
      report(issues, 'chart data adjusted');
      this.connectQueue(adapter, who, chartId);
      return { chartId, view, viewer: who, chart, adjusted: issues.length > 0 };
    },
    topics: ({ chartId }) => [`chart:${chartId}`],
  });

  /** What is shown: the loaded chart, which a write's result updates in place. */
  private get data(): ChartData | undefined {
    return this.loader.value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopOnline = onOnline(this.flushWhenOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopOnline?.();
    this.teacherState?.stop();
  }

  private stopOnline?: () => void;
  private readonly flushWhenOnline = () => void this.queue?.flush();

  // ------------------------------------------------------------------ data

  /**
   * The awards queue of this viewer for this chart. Another viewer or chart closes the old one
   * (its awards wait on the device for their teacher); before each send the queue asks the
   * adapter who is signed in, so awards queued by one teacher never go out under another's
   * session, also after a token swap on the same adapter object. It sends
   * once the chart is shown ({@link updated}): an award landing earlier could slip past the
   * live subscription that starts then, and the chart would never count it.
   */
  private connectQueue(adapter: AdapterFor<'reward'>, viewer: Viewer, chartId: string): void {
    const key = `awards:${viewer.id}:${chartId}`;
    // A new adapter for the same teacher (the host renewed it): a new queue, sending through it.
    if (this.queue && this.queueKey === key && this.queueAdapter === adapter) return;
    this.queue?.close();
    this.queueKey = key;
    this.queueAdapter = adapter;
    const queue: WriteQueue<AwardPayload> = new WriteQueue<AwardPayload>(
      key,
      async ({ id, payload }) => {
        const award = parseOrThrow(awardSchema, await adapter.award({ id, ...payload }), 'award');
        if (this.queue !== queue) return;
        // The stored award joins the shown chart in place: no reload (a live update brings others').
        const data = this.data;
        if (data?.chartId === payload.chartId && !data.chart.awards.some((a) => a.id === award.id)) {
          data.chart = { ...data.chart, awards: [...data.chart.awards, award] };
        }
        void this.emit('samen-award', { chartId: payload.chartId, awardId: award.id, ...withOptional(payload) });
      },
      {
        onChange: () => this.requestUpdate(),
        // Asked before every send: the same adapter object may speak for someone else after a
        // token swap, and a queued award must never go out under another teacher's session.
        isCurrent: async () => this.queue === queue && this.personConfirmed && (await sharedViewer(adapter)).id === viewer.id,
      },
    );
    this.queue = queue;
    this.flushWhenShown = true;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Beside the data load, not after it: a teacher's first render waits for both at once.
    if (this.view === 'teacher') this.teacherView.start();
    if (this.view === 'child') this.childView.start();
    const data = this.data;
    const childId = data?.chart.kind === 'personal' ? data.chart.childId : undefined;
    const m = threadMessages.get(this.resolvedLocale);
    this.tipTop.show(
      data && childId && !this.preview && this.view !== 'child'
        ? {
            about: { kind: 'child', id: childId },
            viewerId: data.viewer.id,
            side: this.view === 'teacher' ? 'teacher' : 'family',
            familyId: data.viewer.familyId,
            // The household's own thread, unless the school shares within the family (issue 24).
            householdId: data.viewer.shareWithinFamily ? undefined : data.viewer.householdId,
            familyTitle: m.tipTopFromTeacher,
            teacherTitle: () => m.tipTopFor(data.chart.childName),
            starter: `${m.top} \n${m.tipForHome} `,
            example: m.tipTopExample,
          }
        : undefined,
    );
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.flushWhenShown && this.queue && this.loader.current) {
      this.flushWhenShown = false;
      void this.queue.flush();
    }
  }

  /** Another person here: their queued awards stay on the device for them; nothing of theirs shows. */
  protected override forgetPerson(): void {
    super.forgetPerson();
    this.queue?.close();
    this.queue = undefined;
    this.queueKey = '';
    this.queueAdapter = undefined;
    this.flushWhenShown = false;
    this.teacherState?.stop();
    this.teacherState = undefined;
    this.childState?.stop();
    this.childState = undefined;
    this.choicesState = undefined;
    this.choicesOpen = false;
    this.tipTop.forget();
  }

  private queueKey = '';
  private queueAdapter?: AdapterFor<'reward'>;

  /** Awards the host has, plus taps still on their way (never counted twice). */
  private countOf(chart: RewardChart): number {
    const known = new Set(chart.awards.map((a) => a.id));
    return chart.awards.length + (this.queue?.pending.filter((p) => !known.has(p.id)).length ?? 0);
  }

  // ------------------------------------------------------------------ actions

  private award(expectationId?: string, reason?: string, home = false, childId?: string): void {
    const data = this.data;
    if (!data || !this.queue || !this.personConfirmed) return;
    const id = this.queue.enqueue({
      chartId: data.chartId,
      ...(expectationId ? { expectationId } : {}),
      ...(reason ? { reason } : {}),
      ...(childId ? { childId } : {}),
    });
    this.teacher?.awarded(id);
    // Heard every time, with the count (issue 21: a second and third award were silent), and the
    // award that reaches the goal says so to screen readers too, not only on screen.
    const { chart } = data;
    const p = progress(this.countOf(chart), chart.goal);
    const given = home ? this.m.homeGiven(Math.min(p.count, p.goal), p.goal) : this.m.given(chart.kind, Math.min(p.count, p.goal), p.goal);
    const child = childId ? chart.recognition?.children.find((c) => c.childId === childId) : undefined;
    const said = child ? `${this.m.complimentFor(child.name ?? this.m.childFallback)}. ${given}` : given;
    this.announce(p.reached ? `${said}. ${this.m.reached}` : said);
  }

  private addHomeSticker(event: Event): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('reason') as HTMLInputElement;
    this.award(undefined, input.value.trim() || undefined, true);
    input.value = '';
  }

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    const view = this.view === 'child' ? this.childView : this.teacherView;
    if ((this.view === 'teacher' || this.view === 'child') && this.loader.status !== 'error') {
      // The teacher view's module on its way (loading, as the data may still be), or failed to load.
      if (view.error) return this.renderError(view.error, () => view.retry());
      if (!view.module) return this.renderLoading();
    }
    const chart = this.renderData(this.loader, (data) => this.renderChart(data));
    if (this.view !== 'teacher' || !this.loader.current) return chart;
    // The same chart as parents see it, read-only: no tokens given, nothing redeemed.
    return this.renderWithPreview(
      chart,
      () =>
        html`<samen-reward-chart chart-id=${this.chartId} view="parent" preview locale=${this.resolvedLocale} theme=${ifDefined(this.theme)}></samen-reward-chart>`,
    );
  }

  private renderChart(data: ChartData): TemplateResult {
    const { chart } = data;
    const t = this.m;
    const p = progress(this.countOf(chart), chart.goal);
    const school = this.schoolText(chart.lang);
    // The child's own chart says "Mijn kaart" (issue 24); one line, so the badge's text is only its words.
    const badge = chart.kind === 'class' ? t.classChart : this.view === 'child' ? t.myChart : t.personalChart(chart.childName);
    return html`<article class="card" part="base" aria-labelledby="title" lang=${this.resolvedLocale} dir=${this.languageDir}>
      <header class="header">
        <p part="badge" class="badge" data-words>${badge}</p>
        <h2 id="title" part="title" ${inLanguage(school)}>${chart.title}</h2>
        ${this.renderOwnGoal(chart)}
        <p class="reward">${withParts(t.rewardIs, [chart.reward], [html`<span ${inLanguage(school)}>${chart.reward}</span>`])}</p>
      </header>
      ${this.child?.render(chart) ?? nothing}
      ${
        chart.focus.length
          ? html`<section role="group" part="focus" class="focus" aria-labelledby="focus-heading">
            <h3 id="focus-heading">${t.focus}</h3>
            <ul>
              ${chart.focus.map(
                (f) =>
                  html`<li>${f.pictogram ? html`<span class="pictogram" aria-hidden="true">${f.pictogram}</span>` : nothing}<span ${inLanguage(school)}>${f.text}</span></li>`,
              )}
            </ul>
          </section>`
          : nothing
      }
      ${this.renderProgress(chart, p)}
      ${p.reached || this.teacher?.celebrating ? this.renderReached(chart, p.reached) : nothing}
      ${this.teacher?.renderActions(chart, p.reached, (id, childId) => this.award(id, undefined, false, childId)) ?? nothing}
      ${this.view === 'parent' && chart.kind === 'personal' && chart.homeStickersEnabled ? this.renderHomeSticker() : nothing}
      ${chart.kind === 'personal' ? this.renderStickers(chart.awards) : this.renderReasons(chart)} ${this.renderTipTop(chart)}
      ${this.renderChoices(data)}
      ${
        chart.earnedRewards?.length
          ? html`<section role="group" class="earned" aria-labelledby="earned-heading">
            <h3 id="earned-heading">${t.earnedBefore}</h3>
            <ul>
              ${chart.earnedRewards.map(
                (r) =>
                  html`<li><span ${inLanguage(school)}>${r.reward}</span> <time datetime=${r.earnedAt}>${formatRelative(new Date(r.earnedAt), this.resolvedLocale)}</time></li>`,
              )}
            </ul>
          </section>`
          : nothing
      }
      ${
        this.queue?.pending.length && this.queue.error
          ? html`<div class="queued" role="alert">
            <p>${t.queued(this.queue.pending.length)}</p>
            ${this.queue.error.kind === 'signed-out' ? html`<p>${this.t.errors['signed-out'].body}</p>` : nothing}
            <button @click=${() => this.queue?.flush()}>${this.t.retry}</button>
          </div>`
          : nothing
      }
      ${data.adjusted ? html`<p class="notice" role="note">${t.dataAdjusted}</p>` : nothing}
    </article>`;
  }

  /**
   * Tip and top about the child (issue 24): for the teacher, a button per family of the child that
   * opens the private note to them; for the family, the note once the teacher wrote.
   */
  private renderTipTop(chart: RewardChart): TemplateResult | typeof nothing {
    if (this.view !== 'teacher') return this.tipTop.renderFamily();
    const families = chart.families ?? [];
    if (!families.length || !this.tipTop.available || this.preview) return nothing;
    const m = threadMessages.get(this.resolvedLocale);
    return html`<section role="group" part="tip-top" class="tip-top" aria-labelledby="tip-top-heading">
      <h3 id="tip-top-heading">${m.tipTopFor(chart.childName)}</h3>
      ${families.map((f) => this.tipTop.renderFor(f.familyId, f.name, { label: m.tipTopOpen, householdId: f.householdId }))}
    </section>`;
  }

  /**
   * The options the child chooses from (issue 24): a parent of the child and the teacher open the
   * editor (loaded then) on a personal chart, with the adapter's optional `setChartChoices`.
   */
  private renderChoices(data: ChartData): TemplateResult | typeof nothing {
    const { chart, viewer } = data;
    const adult = (this.view === 'parent' && viewer.role === 'parent') || this.view === 'teacher';
    if (chart.kind !== 'personal' || !adult || this.preview || typeof this.adapter?.setChartChoices !== 'function') return nothing;
    if (!this.choicesOpen)
      return html`<button type="button" part="choices-open" class="choices-open" aria-expanded="false" @click=${() => this.openChoices()}>
        ${this.m.choicesOpen}
      </button>`;
    if (this.choicesView.error) return this.renderError(this.choicesView.error, () => this.choicesView.retry());
    return this.choices?.render(chart, this.renderRoot) ?? html`<p role="status">${this.t.loading}</p>`;
  }

  private openChoices(): void {
    this.choicesOpen = true;
    this.choicesView.start();
    this.requestUpdate();
    // Into the editor: its heading's first field, once it is there.
    void this.choicesView.settled().then(async () => {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('[part~="choices-editor"] input')?.focus();
    });
  }

  /** The goal's words the child chose (issue 24), under the title. */
  private renderOwnGoal(chart: RewardChart): TemplateResult | typeof nothing {
    const words = chart.choices?.words.find((o) => o.id === chart.choices?.wordsId);
    if (!words) return nothing;
    return html`<p part="own-goal" class="own-goal">${withParts(
      (text: string) => `${this.m.ownGoal}: ${text}`,
      [words.text],
      [html`<span ${inLanguage(this.schoolText(chart.lang))}>${words.text}</span>`],
    )}</p>`;
  }

  private renderProgress(chart: RewardChart, p: ReturnType<typeof progress>): TemplateResult {
    const t = this.m;
    const label = t.progress(Math.min(p.count, p.goal), p.goal, chart.kind);
    return html`<div class="progress-wrap">
      <div
        part="progress"
        class="progress"
        role="progressbar"
        aria-valuemin="0"
        aria-valuemax=${p.goal}
        aria-valuenow=${Math.min(p.count, p.goal)}
        aria-valuetext=${label}
        aria-label=${chart.title}
      >
        ${
          p.goal <= MAX_SPOTS
            ? html`<span class="spots">
              ${Array.from({ length: p.goal }, (_, i) =>
                i < p.count
                  ? html`<span part="spot spot-filled" class="spot filled"></span>`
                  : html`<span part="spot" class="spot"></span>`,
              )}
            </span>`
            : html`<span class="bar"><span ${cspStyle({ 'inline-size': `${p.percent}%` })}></span></span>`
        }
      </div>
      <p class="count" aria-hidden="true">
        <strong>${label}</strong>${p.reached ? nothing : html` · ${t.remaining(p.remaining)}`}
      </p>
    </div>`;
  }

  private renderReached(chart: RewardChart, reached: boolean): TemplateResult {
    const t = this.m;
    const celebrating = this.teacher?.celebrating;
    return html`<div part="celebration" class="celebration ${celebrating ? 'party' : ''}">
      <span aria-hidden="true" class="stars">${STAR}${STAR}${STAR}</span>
      <p>${celebrating ? t.redeemed(celebrating) : reached ? t.reached : nothing}</p>
      ${this.teacher?.renderRedeem(chart, reached) ?? nothing}
    </div>`;
  }

  private renderHomeSticker(): TemplateResult {
    const t = this.m;
    return html`<form part="home-sticker" class="home-sticker" @submit=${this.addHomeSticker}>
      <label for="reason">${t.reasonLabel}</label>
      <input id="reason" name="reason" type="text" dir="auto" maxlength="120" placeholder=${t.reasonPlaceholder} />
      <button type="submit" class="primary">${t.homeSticker}</button>
    </form>`;
  }

  private renderStickers(awards: readonly Award[]): TemplateResult {
    const t = this.m;
    const ordered = [...awards].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return html`<section role="group" class="stickers" aria-labelledby="stickers-heading">
      <h3 id="stickers-heading">${t.stickers}</h3>
      ${
        ordered.length
          ? html`<ol part="stickers">
            ${ordered.map(
              (a) => html`<li class=${a.source}>
                <span class="source">${a.source === 'home' ? t.fromHome : t.fromSchool}</span>
                ${a.reason ? html`<span class="reason" ${inLanguage(this.familyText())}>${a.reason}</span>` : nothing}
                <span class="muted" data-words>${[a.givenBy, formatRelative(new Date(a.createdAt), this.resolvedLocale)].filter(Boolean).join(' · ')}</span>
              </li>`,
            )}
          </ol>`
          : html`<p class="muted">${t.noAwardsYet}</p>`
      }
    </section>`;
  }

  private renderReasons(chart: RewardChart): TemplateResult | typeof nothing {
    const reasons = recentReasons(chart.awards, (id) => chart.focus.find((f) => f.id === id)?.text);
    if (!reasons.length) return nothing;
    return html`<section role="group" class="reasons" aria-labelledby="reasons-heading">
      <h3 id="reasons-heading">${this.m.recent}</h3>
      <ul>
        ${reasons.map((r) => html`<li ${inLanguage(this.familyText())}>“${r}”</li>`)}
      </ul>
    </section>`;
  }
}

function withOptional(payload: AwardPayload): { expectationId?: string; reason?: string } {
  return {
    ...(payload.expectationId ? { expectationId: payload.expectationId } : {}),
    ...(payload.reason ? { reason: payload.reason } : {}),
  };
}
