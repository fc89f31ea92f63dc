/**
 * The reward chart's child view (issue 24): on a personal chart, the child chooses the words of
 * their goal and their reward from the few options the adults allowed ("het moet echt vanuit het
 * kind komen"), with drawn pictures and read-aloud. The choice is saved through the adapter's
 * optional `chooseChartGoal`, with a client id kept until it is stored (a retry, or the outbox's
 * resend, saves it once). Loaded only for `view="child"` (see `LazyView` in core).
 */
import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { newId, type AdapterFor } from '../core/adapter.js';
import type { TextLanguage } from '../core/content-lang.js';
import { toSamenError, type SamenError } from '../core/errors.js';
import type { Messages } from '../core/i18n.js';
import { inLanguage } from '../core/in-language.js';
import { parseOrThrow } from '../core/parse.js';
import { ReadAloudController, readAloudStyles, type Spoken } from '../core/read-aloud.js';
import { choicePicture } from './choice-pictures.js';
import type { RewardMessages } from './messages.js';
import { rewardChartSchema, type ChartChoice, type RewardChart } from './schemas.js';

/** What the child view reads through its reward chart element. */
export interface RewardChildHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly adapter: AdapterFor<'reward'> | undefined;
  readonly m: RewardMessages;
  readonly t: Messages;
  /** The person here now, or `undefined` while that is not sure. */
  readonly person: number | undefined;
  stillFor(token: number): boolean;
  schoolText(lang?: string): TextLanguage;
  voiceFor(lang?: string): string;
  /** Shows the stored chart in place. */
  show(chart: RewardChart): void;
  say(message: string): void;
  failed(error: SamenError): void;
}

/** The child's side of a personal chart: what they picked, and saving it. */
export class RewardChild {
  private words: string | undefined;
  private reward: string | undefined;
  private saving = false;
  private error: SamenError | undefined;
  /** The write's client id, kept until it is stored: a retry of the same choice is one write. */
  private writeId: { id: string; key: string } | undefined;
  private readonly reader: ReadAloudController;

  constructor(private readonly host: RewardChildHost) {
    this.reader = new ReadAloudController(host);
  }

  stop(): void {
    this.reader.stop();
  }

  private set(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  private async save(event: Event, chart: RewardChart): Promise<void> {
    event.preventDefault();
    const adapter = this.host.adapter;
    const person = this.host.person;
    const choices = chart.choices;
    if (this.saving || !adapter || person === undefined || !choices || typeof adapter.chooseChartGoal !== 'function') return;
    const wordsId = this.words ?? choices.wordsId;
    const rewardId = this.reward ?? choices.rewardId;
    if (!wordsId && !rewardId) return;
    const key = `${chart.id}:${wordsId ?? ''}:${rewardId ?? ''}`;
    if (this.writeId?.key !== key) this.writeId = { id: newId(), key };
    const id = this.writeId.id;
    this.set(() => {
      this.saving = true;
      this.error = undefined;
    });
    this.host.say(this.host.m.chooseSaving);
    try {
      const stored = parseOrThrow(
        rewardChartSchema,
        await adapter.chooseChartGoal({ id, chartId: chart.id, ...(wordsId ? { wordsId } : {}), ...(rewardId ? { rewardId } : {}) }),
        'chart',
      );
      if (!this.host.stillFor(person)) return;
      this.writeId = undefined;
      this.words = undefined;
      this.reward = undefined;
      this.host.show(stored);
      this.host.say(this.host.m.chooseSaved);
    } catch (error) {
      if (!this.host.stillFor(person)) return;
      this.error = toSamenError(error);
      this.host.failed(this.error);
    } finally {
      if (this.host.stillFor(person)) this.set(() => (this.saving = false));
    }
  }

  /** The choose section, under the chart's title (a personal chart with options only). */
  render(chart: RewardChart): TemplateResult | typeof nothing {
    if (chart.kind !== 'personal') return nothing;
    const m = this.host.m;
    const choices = chart.choices;
    const school = this.host.schoolText(chart.lang);
    const voice = this.host.voiceFor(chart.lang);
    if (!choices || (!choices.words.length && !choices.rewards.length)) {
      return html`<section role="group" part="choose" class="choose" aria-labelledby="choose-heading">
        <h3 id="choose-heading">${m.chooseHeading}</h3>
        <p class="choose-none">${m.chooseNone}</p>
      </section>`;
    }
    const words = this.words ?? choices.wordsId;
    const reward = this.reward ?? choices.rewardId;
    const changed =
      (this.words !== undefined && this.words !== choices.wordsId) || (this.reward !== undefined && this.reward !== choices.rewardId);
    const chosenBefore = !!(choices.wordsId || choices.rewardId);
    const sentences = (): readonly Spoken[] => [
      m.chooseHeading,
      m.chooseIntro,
      ...(choices.words.length ? [m.chooseWords, ...choices.words.map((o) => ({ text: o.text, lang: voice }))] : []),
      ...(choices.rewards.length ? [m.chooseReward, ...choices.rewards.map((o) => ({ text: o.text, lang: voice }))] : []),
    ];
    const group = (name: 'words' | 'reward', legend: string, options: readonly ChartChoice[], picked: string | undefined) =>
      options.length
        ? html`<fieldset part="choose-${name}" class="choose-group">
            <legend>${legend}</legend>
            <div class="options">
              ${options.map(
                (o) =>
                  html`<label class="option">
                    <input
                      type="radio"
                      name=${name}
                      .value=${o.id}
                      .checked=${picked === o.id}
                      @change=${() => this.set(() => (name === 'words' ? (this.words = o.id) : (this.reward = o.id)))}
                    />
                    ${choicePicture(o.picture)}
                    <span class="option-text" ${inLanguage(school)}>${o.text}</span>
                  </label>`,
              )}
            </div>
          </fieldset>`
        : nothing;
    return html`<section role="group" part="choose" class="choose" aria-labelledby="choose-heading">
      <h3 id="choose-heading">${m.chooseHeading}</h3>
      <p>${m.chooseIntro}</p>
      ${this.reader.render(this.host.t, sentences)}
      <form class="choose-form" @submit=${(e: Event) => this.save(e, chart)} aria-busy=${this.saving ? 'true' : 'false'}>
        ${group('words', m.chooseWords, choices.words, words)} ${group('reward', m.chooseReward, choices.rewards, reward)}
        ${this.error ? html`<p class="choose-error" role="alert">${m.actionFailed}</p>` : nothing}
        <button
          type="submit"
          class="primary"
          part="choose-button"
          aria-disabled=${this.saving || (!changed && chosenBefore) || (!words && !reward) ? 'true' : 'false'}
        >
          ${this.saving ? m.chooseSaving : m.chooseSave}
        </button>
      </form>
    </section>`;
  }
}

export const styles = css`
  ${readAloudStyles}
  /* The child's own card: larger type, big targets with a picture. */
  :host([view='child']) .card {
    font-size: 1.1em;
  }
  .choose {
    display: grid;
    gap: 0.5em;
  }
  .choose p {
    margin: 0;
  }
  .choose-form {
    display: grid;
    gap: 0.75em;
  }
  .choose-group {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  .choose-group legend {
    font-weight: 700;
    padding: 0;
    margin-block-end: 0.35em;
  }
  .options {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 10em), 1fr));
    gap: 0.5em;
  }
  .option {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.6em;
    min-inline-size: 0;
    min-block-size: calc(var(--_target) * 1.4);
    padding: 0.5em 0.75em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  .option:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 2px var(--_accent);
    background: var(--_surface-raised);
  }
  .option:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .option input {
    inline-size: 1.3em;
    block-size: 1.3em;
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .choice-picture {
    inline-size: 2em;
    block-size: 2em;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
    stroke-linejoin: round;
    color: var(--_accent);
  }
  .option-text {
    /* Large text on a narrow phone: the words wrap under the picture instead of widening the card. */
    min-inline-size: 0;
    font-weight: 600;
    unicode-bidi: plaintext;
  }
  .choose-error {
    color: var(--_danger);
  }
  @media (forced-colors: active) {
    .choice-picture {
      color: CanvasText;
    }
    .option:has(input:checked) {
      border: 3px solid Highlight;
    }
  }
`;
