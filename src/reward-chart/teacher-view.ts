/**
 * The reward chart's teacher view: award buttons, undo, and the reward with its new-goal form.
 * Parents never see it, so it loads only for `view="teacher"` (see `LazyView` in core): its
 * templates, actions and styles are this module, which the chart imports when a teacher needs it.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { newId, type AdapterFor } from '../core/adapter.js';
import type { TextLanguage } from '../core/content-lang.js';
import { toSamenError, type SamenError } from '../core/errors.js';
import type { DetailOf, SamenEventMap } from '../core/events.js';
import { inLanguage, withParts } from '../core/in-language.js';
import { parseOrThrow } from '../core/parse.js';
import type { WriteQueue } from '../core/write-queue.js';
import type { RewardMessages } from './messages.js';
import { sanitizeChart } from './progress.js';
import type { AwardPayload, ChartData } from './reward-chart.js';
import { rewardChartSchema, UNDO_WINDOW_MS, type RewardChart } from './schemas.js';

/** What the teacher view reads and does through its chart element. */
export interface RewardTeacherHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
  readonly adapter: AdapterFor<'reward'> | undefined;
  readonly m: RewardMessages;
  /** The chart shown now. */
  readonly data: ChartData | undefined;
  readonly queue: WriteQueue<AwardPayload> | undefined;
  /** Whose chart this is (a token for `stillFor`), or undefined while that is not known: nothing is sent. */
  readonly person: number | undefined;
  stillFor(token: number): boolean;
  /** Shows a chart the host answered with, in place of the one shown (no reload). */
  show(chart: RewardChart): void;
  /** What screen readers hear (the chart's status line). */
  say(message: string): void;
  schoolText(lang?: string): TextLanguage;
  emit<K extends keyof SamenEventMap>(name: K, detail: DetailOf<K>): Promise<void>;
  /** A write failed: said, and reported as a `samen-error` that is not fatal. */
  failed(error: SamenError): void;
}

/** The teacher's side of one chart, for one person: the last award (to undo), the reward being celebrated. */
export class RewardTeacher {
  lastAward: { id: string; at: number } | undefined;
  /** The reward just celebrated (its banner stays until the next one). */
  celebrating = '';
  private redeeming = false;
  /** On a class chart: the child the next token is for (issue 24); '' is the whole class. */
  private forChild = '';
  private busy = false;
  private undoTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: RewardTeacherHost) {}

  /** An award was just given: it can be undone for {@link UNDO_WINDOW_MS}. */
  awarded(id: string): void {
    this.lastAward = { id, at: Date.now() };
    clearTimeout(this.undoTimer);
    this.undoTimer = setTimeout(() => this.set(() => (this.lastAward = undefined)), UNDO_WINDOW_MS);
  }

  /** The chart left the page, or another person is here. */
  stop(): void {
    clearTimeout(this.undoTimer);
  }

  private set(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  // ------------------------------------------------------------------ actions

  private async undo(): Promise<void> {
    const host = this.host;
    const { data, queue, adapter, person } = host;
    const last = this.lastAward;
    if (!data || !last || !adapter || this.busy || person === undefined) return;
    this.set(() => (this.busy = true));
    try {
      // Not sent yet: simply never send it. Otherwise ask the host to take it back.
      let removed = queue?.remove(last.id) ?? false;
      if (!removed && queue?.pending.some((p) => p.id === last.id)) {
        // On its way: let it land first, so the undo can't reach the host before the award.
        await queue.flush();
        removed = queue.remove(last.id);
      }
      if (!removed) {
        await adapter.undoAward({ id: newId(), chartId: data.chartId, awardId: last.id });
        data.chart.awards = data.chart.awards.filter((a) => a.id !== last.id);
      }
      if (!host.stillFor(person)) return;
      this.lastAward = undefined;
      host.say(host.m.undone);
      void host.emit('samen-undo', { chartId: data.chartId, awardId: last.id });
    } catch (error) {
      if (!host.stillFor(person)) return;
      host.failed(toSamenError(error));
    } finally {
      if (host.stillFor(person)) this.set(() => (this.busy = false));
    }
  }

  private async redeem(event: Event): Promise<void> {
    event.preventDefault();
    const host = this.host;
    const { data, adapter, person } = host;
    if (!data || !adapter || this.busy || person === undefined) return;
    const form = new FormData(event.target as HTMLFormElement);
    const nextGoal = Number(form.get('goal'));
    const rewardField = form.get('reward');
    const nextReward = (typeof rewardField === 'string' ? rewardField : '').trim();
    const reward = data.chart.reward;
    this.set(() => (this.busy = true));
    try {
      const raw = await adapter.redeem({
        id: newId(),
        chartId: data.chartId,
        ...(Number.isInteger(nextGoal) && nextGoal > 0 ? { nextGoal } : {}),
        ...(nextReward ? { nextReward } : {}),
      });
      const chart = sanitizeChart(parseOrThrow(rewardChartSchema, raw, 'chart'), new Date()).chart;
      if (!host.stillFor(person)) return;
      // The host's answer is the whole new chart (new goal, earned reward, no tokens): shown as it is, no reload.
      if (host.data?.chartId === data.chartId) host.show(chart);
      this.redeeming = false;
      this.lastAward = undefined;
      this.celebrating = reward;
      host.say(host.m.redeemed(reward));
      void host.emit('samen-redeem', { chartId: data.chartId, reward });
    } catch (error) {
      if (!host.stillFor(person)) return;
      host.failed(toSamenError(error));
    } finally {
      if (host.stillFor(person)) this.set(() => (this.busy = false));
    }
  }

  /** The reward button opens the new-goal form and moves focus to its first field (the button itself goes away). */
  private async openNewGoal(): Promise<void> {
    this.set(() => (this.redeeming = true));
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLInputElement>('.new-goal input')?.focus();
  }

  /**
   * Escape in the new-goal form closes it unsaved, with focus back on the reward button; not while
   * it is being saved, nor while an input method is composing a word.
   */
  private async onNewGoalKeydown(event: KeyboardEvent): Promise<void> {
    if (event.key !== 'Escape' || event.isComposing || event.defaultPrevented || this.busy) return;
    event.preventDefault();
    await this.closeNewGoal();
  }

  /** Closes the new-goal form unsaved (Escape or Cancel), with focus back on the reward button. */
  private async closeNewGoal(): Promise<void> {
    if (this.busy) return;
    this.set(() => (this.redeeming = false));
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('[part~="redeem-button"]')?.focus();
  }

  // ------------------------------------------------------------------ render

  /** In the celebration of a reached goal: the reward button, or the new-goal form it opened. */
  renderRedeem(chart: RewardChart, reached: boolean): TemplateResult | typeof nothing {
    if (this.redeeming) return this.renderNewGoalForm(chart);
    return reached
      ? html`<button part="redeem-button" class="primary" @click=${() => this.openNewGoal()}>${this.host.m.redeem}</button>`
      : nothing;
  }

  private renderNewGoalForm(chart: RewardChart): TemplateResult {
    const t = this.host.m;
    return html`<form
      class="new-goal"
      @submit=${(event: Event) => this.redeem(event)}
      @keydown=${(event: KeyboardEvent) => this.onNewGoalKeydown(event)}
      aria-labelledby="new-goal-heading"
    >
      <h3 id="new-goal-heading">${t.newGoal}</h3>
      <label>${t.goalLabel} <input name="goal" type="number" min="1" max="1000" required .value=${String(chart.goal)} /></label>
      <label>${t.rewardLabel} <input name="reward" type="text" dir="auto" maxlength="120" required .value=${chart.reward} /></label>
      <div class="new-goal-actions">
        <button type="submit" class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${t.startNewGoal}</button>
        <button type="button" part="cancel-button" @click=${() => this.closeNewGoal()}>${t.cancelNewGoal}</button>
      </div>
    </form>`;
  }

  /** The award buttons (one per focus expectation), undo, and why nothing is ever taken away. */
  renderActions(chart: RewardChart, reached: boolean, give: (expectationId?: string, childId?: string) => void): TemplateResult {
    const t = this.host.m;
    const undoable = this.lastAward && Date.now() - this.lastAward.at < UNDO_WINDOW_MS;
    const children = chart.kind === 'class' ? (chart.recognition?.children ?? []) : [];
    // A token for one child, when one is chosen (and still in the class); else for the whole class.
    const forChild = children.some((c) => c.childId === this.forChild) ? this.forChild : undefined;
    const award = (expectationId?: string) => give(expectationId, forChild);
    return html`${
      children.length && !reached
        ? html`<label class="for-whom"
            >${t.forWhom}
            <select @change=${(e: Event) => this.set(() => (this.forChild = (e.target as HTMLSelectElement).value))}>
              <option value="" ?selected=${!forChild}>${t.wholeClass}</option>
              ${children.map((c) => html`<option value=${c.childId} ?selected=${c.childId === forChild}>${c.name ?? t.childFallback}</option>`)}
            </select></label
          >`
        : nothing
    }
      <div class="actions">
      ${
        reached
          ? nothing
          : chart.focus.length
            ? chart.focus.map(
                (f) => html`<button part="award-button" class="primary award" @click=${() => award(f.id)}>
                ${t.award(chart.kind)}
                <span class="for">${withParts(t.awardFor, [f.text], [html`<span ${inLanguage(this.host.schoolText(chart.lang))}>${f.text}</span>`])}</span>
              </button>`,
              )
            : html`<button part="award-button" class="primary award" @click=${() => award()}>${t.award(chart.kind)}</button>`
      }
      ${
        undoable
          ? html`<button part="undo-button" @click=${() => this.undo()} aria-disabled=${this.busy ? 'true' : 'false'}>${t.undo}</button>`
          : nothing
      }
      <p class="positive-only">${t.positiveOnly(chart.kind)}</p>
    </div>
      ${chart.kind === 'class' && chart.recognition ? this.renderRecognition(chart.recognition) : nothing}`;
  }

  /**
   * The teacher's private nudge (issue 24): the children not yet recognised this week, in class
   * order, and the week's count of compliments. No ranking, no counts per child.
   */
  private renderRecognition(recognition: NonNullable<RewardChart['recognition']>): TemplateResult {
    const t = this.host.m;
    const notYet = recognition.children.filter((c) => !c.recognised);
    return html`<section role="group" part="recognition" class="recognition" aria-labelledby="recognition-heading">
      <h3 id="recognition-heading">${t.recognitionHeading}</h3>
      <p class="private">${t.recognitionPrivate}</p>
      ${
        notYet.length
          ? html`<p>${t.notYetHeading}</p>
            <ul class="not-yet">
              ${notYet.map((c) => html`<li data-words>${c.name ?? t.childFallback}</li>`)}
            </ul>`
          : html`<p>${t.allRecognised}</p>`
      }
      <p>${t.compliments(recognition.compliments)} ${t.fourToOne}</p>
    </section>`;
  }
}

export const styles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .award {
    display: grid;
    text-align: start;
  }
  .for {
    font-weight: 400;
    font-size: 0.9em;
  }
  .for-whom {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
    align-items: center;
    font-weight: 600;
  }
  .for-whom select {
    min-block-size: var(--_target);
    font: inherit;
  }
  .recognition {
    border-inline-start: 3px solid var(--_border);
    padding-inline-start: 0.75em;
  }
  .recognition .private {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .not-yet {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    padding-inline-start: 1.2em;
  }
  .positive-only {
    color: var(--_muted);
    font-size: 0.85em;
    flex-basis: 100%;
  }
  .new-goal label {
    display: grid;
    gap: 0.2em;
    font-weight: 600;
  }
  .new-goal-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
`;
