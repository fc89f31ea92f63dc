/**
 * The adults' side of the child's choice (issue 24): on a personal chart, a parent (their own
 * child's) and the teacher (their class's) set the few options the child chooses the goal's
 * words and the reward from (`<samen-reward-chart view="child">`, ./child-view.ts). Two short
 * lists: add with the field and Enter or the button, remove with each option's button, at most
 * {@link CHOICES_MAX} of each and {@link CHOICE_TEXT_MAX} characters an option (the contract's
 * limits). Saved through the adapter's optional `setChartChoices`, with a client id kept until
 * it is stored (a retry saves once). What the adult typed and did not save yet stays on this
 * device for this person and chart (the draft store), also across a reload. Loaded only when an
 * adult opens it (see `LazyView` in core): children and most page views never download it.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { newId, type AdapterFor } from '../core/adapter.js';
import type { TextLanguage } from '../core/content-lang.js';
import { readStored, removeStored, writeStored } from '../core/draft-store.js';
import { toSamenError, type SamenError } from '../core/errors.js';
import { inLanguage } from '../core/in-language.js';
import { parseOrThrow } from '../core/parse.js';
import type { RewardMessages } from './messages.js';
import { CHOICE_TEXT_MAX, CHOICES_MAX, rewardChartSchema, type ChartChoice, type RewardChart } from './schemas.js';

export { CHOICE_TEXT_MAX, CHOICES_MAX };

type ListName = 'words' | 'rewards';

/** What the editor reads through its reward chart element. */
export interface ChoicesEditorHost {
  readonly adapter: AdapterFor<'reward'> | undefined;
  readonly m: RewardMessages;
  /** The person here now, or `undefined` while that is not sure. */
  readonly person: number | undefined;
  /** Where this person's unsaved edit of this chart is kept (viewer id and chart id). */
  readonly draftKey: string | undefined;
  stillFor(token: number): boolean;
  schoolText(lang?: string): TextLanguage;
  requestUpdate(): void;
  /** Shows the stored chart in place. */
  show(chart: RewardChart): void;
  say(message: string): void;
  failed(error: SamenError): void;
  /** Closes the editor (the chart's button opens it again). */
  close(): void;
}

/** An edit in progress: the two lists and what is typed in their fields. */
interface Edit {
  words: ChartChoice[];
  rewards: ChartChoice[];
  typed: Record<ListName, string>;
  /** The save's client id, kept until it is stored. */
  writeId?: string;
}

const isChoice = (o: unknown): o is ChartChoice =>
  !!o && typeof o === 'object' && typeof (o as ChartChoice).id === 'string' && typeof (o as ChartChoice).text === 'string';

/** A kept edit, or `undefined` when there is none or it is not one. */
function readEdit(key: string): Edit | undefined {
  const value = readStored(key) as Partial<Edit> | undefined;
  if (!value || !Array.isArray(value.words) || !Array.isArray(value.rewards)) return undefined;
  const typed = value.typed && typeof value.typed === 'object' ? value.typed : { words: '', rewards: '' };
  return {
    words: value.words.filter(isChoice).slice(0, CHOICES_MAX),
    rewards: value.rewards.filter(isChoice).slice(0, CHOICES_MAX),
    typed: {
      words: typeof typed.words === 'string' ? typed.words.slice(0, CHOICE_TEXT_MAX) : '',
      rewards: typeof typed.rewards === 'string' ? typed.rewards.slice(0, CHOICE_TEXT_MAX) : '',
    },
    ...(typeof value.writeId === 'string' ? { writeId: value.writeId } : {}),
  };
}

export class ChoicesEditor {
  private edit: Edit | undefined;
  private editKey: string | undefined;
  private saving = false;
  private error: SamenError | undefined;

  constructor(private readonly host: ChoicesEditorHost) {}

  /** The edit for this chart: the one kept on this device, or the chart's options. */
  private current(chart: RewardChart): Edit {
    const key = this.host.draftKey;
    if (this.edit && this.editKey === key) return this.edit;
    this.editKey = key;
    this.error = undefined;
    this.edit = (key ? readEdit(key) : undefined) ?? {
      words: structuredClone(chart.choices?.words ?? []),
      rewards: structuredClone(chart.choices?.rewards ?? []),
      typed: { words: '', rewards: '' },
    };
    return this.edit;
  }

  private change(chart: RewardChart, apply: (edit: Edit) => void): void {
    const edit = this.current(chart);
    apply(edit);
    // Another list than the one a kept id was for: a new write.
    delete edit.writeId;
    if (this.editKey) writeStored(this.editKey, edit);
    this.host.requestUpdate();
  }

  private add(chart: RewardChart, list: ListName): void {
    const edit = this.current(chart);
    const text = edit.typed[list].trim();
    if (!text || edit[list].length >= CHOICES_MAX) return;
    this.change(chart, (e) => {
      e[list] = [...e[list], { id: newId(), text: text.slice(0, CHOICE_TEXT_MAX) }];
      e.typed[list] = '';
    });
    this.host.say(this.host.m.choicesAdded(text));
  }

  private remove(chart: RewardChart, list: ListName, option: ChartChoice, index: number): void {
    this.change(chart, (e) => (e[list] = e[list].filter((o) => o.id !== option.id)));
    this.host.say(this.host.m.choicesRemoved(option.text));
    // Focus stays in the list: on the option that took its place, or the field.
    void Promise.resolve().then(() => this.focusAfterRemove(list, index));
  }

  private root?: ParentNode;

  private focusAfterRemove(list: ListName, index: number): void {
    const buttons = [...(this.root?.querySelectorAll<HTMLButtonElement>(`[part~="choices-${list}"] .choice-remove`) ?? [])];
    (buttons[Math.min(index, buttons.length - 1)] ?? this.root?.querySelector<HTMLInputElement>(`#choices-new-${list}`))?.focus();
  }

  private async save(event: Event, chart: RewardChart): Promise<void> {
    event.preventDefault();
    const adapter = this.host.adapter;
    const person = this.host.person;
    if (this.saving || !adapter || person === undefined || typeof adapter.setChartChoices !== 'function') return;
    const edit = this.current(chart);
    edit.writeId ??= newId();
    if (this.editKey) writeStored(this.editKey, edit);
    this.saving = true;
    this.error = undefined;
    this.host.requestUpdate();
    this.host.say(this.host.m.choicesSaving);
    try {
      const stored = parseOrThrow(
        rewardChartSchema,
        await adapter.setChartChoices({ id: edit.writeId, chartId: chart.id, words: edit.words, rewards: edit.rewards }),
        'chart',
      );
      if (!this.host.stillFor(person)) return;
      if (this.editKey) removeStored(this.editKey);
      this.edit = undefined;
      this.host.show(stored);
      this.host.say(this.host.m.choicesSaved);
      this.host.close();
    } catch (error) {
      if (!this.host.stillFor(person)) return;
      this.error = toSamenError(error);
      this.host.failed(this.error);
    } finally {
      if (this.host.stillFor(person)) {
        this.saving = false;
        this.host.requestUpdate();
      }
    }
  }

  /** Leaves the editor without saving: what was changed is forgotten on this device. */
  private cancel(): void {
    if (this.editKey) removeStored(this.editKey);
    this.edit = undefined;
    this.error = undefined;
    this.host.close();
  }

  render(chart: RewardChart, root: ParentNode): TemplateResult {
    this.root = root;
    const m = this.host.m;
    const edit = this.current(chart);
    const school = this.host.schoolText(chart.lang);
    const list = (name: ListName, label: string, fieldLabel: string) => {
      const options = edit[name];
      const full = options.length >= CHOICES_MAX;
      return html`<fieldset part=${name === 'words' ? 'choices-words' : 'choices-rewards'} class="choices-list">
        <legend>${label}</legend>
        ${
          options.length
            ? html`<ul role="list">
              ${options.map(
                (o, i) => html`<li>
                  <span class="choice-text" ${inLanguage(school)}>${o.text}</span>
                  <button type="button" class="choice-remove" aria-label=${m.choicesRemove(o.text)} @click=${() => this.remove(chart, name, o, i)}>
                    <span aria-hidden="true">×</span>
                  </button>
                </li>`,
              )}
            </ul>`
            : html`<p class="choices-empty">${m.choicesEmpty}</p>`
        }
        ${
          full
            ? html`<p class="choices-full" id="choices-full-${name}">${m.choicesFull}</p>`
            : html`<div class="choices-add">
              <label for="choices-new-${name}">${fieldLabel}</label>
              <input
                id="choices-new-${name}"
                type="text"
                maxlength=${CHOICE_TEXT_MAX}
                autocomplete="off"
                .value=${live(edit.typed[name])}
                @input=${(e: Event) => {
                  const value = (e.target as HTMLInputElement).value;
                  this.change(chart, (x) => (x.typed[name] = value));
                }}
                @keydown=${(e: KeyboardEvent) => {
                  if (e.key !== 'Enter' || e.isComposing) return;
                  e.preventDefault();
                  this.add(chart, name);
                }}
              />
              <button type="button" class="choice-add" @click=${() => this.add(chart, name)}>${m.choicesAdd}</button>
            </div>`
        }
      </fieldset>`;
    };
    return html`<section role="group" part="choices-editor" class="choices-editor" aria-labelledby="choices-heading">
      <h3 id="choices-heading">${m.choicesHeading}</h3>
      <p>${m.choicesIntro}</p>
      <form @submit=${(e: Event) => this.save(e, chart)} aria-busy=${this.saving ? 'true' : 'false'}>
        ${list('words', m.choicesWords, m.choicesNewWords)} ${list('rewards', m.choicesRewards, m.choicesNewReward)}
        ${this.error ? html`<p class="choices-error" role="alert">${m.actionFailed}</p>` : nothing}
        <div class="choices-actions">
          <button type="submit" class="primary" part="choices-save" aria-disabled=${this.saving ? 'true' : 'false'}>
            ${this.saving ? m.choicesSaving : m.choicesSave}
          </button>
          <button type="button" @click=${() => this.cancel()}>${m.choicesCancel}</button>
        </div>
      </form>
    </section>`;
  }
}

export const styles = css`
  .choices-editor {
    display: grid;
    gap: 0.5em;
  }
  .choices-editor p {
    margin: 0;
  }
  .choices-editor form {
    display: grid;
    gap: 0.75em;
  }
  .choices-list {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
    display: grid;
    gap: 0.4em;
  }
  .choices-list legend {
    font-weight: 700;
    padding: 0;
    margin-block-end: 0.35em;
  }
  .choices-list ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.35em;
  }
  .choices-list li {
    display: flex;
    align-items: center;
    gap: 0.5em;
    padding-inline-start: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .choice-text {
    flex: 1;
    min-inline-size: 0;
    overflow-wrap: anywhere;
    unicode-bidi: plaintext;
  }
  .choice-remove {
    flex: none;
    min-inline-size: var(--_target);
    min-block-size: var(--_target);
    font-size: 1.2em;
  }
  .choices-add {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .choices-add label {
    flex-basis: 100%;
  }
  .choices-add input {
    flex: 1;
    min-inline-size: 10em;
    min-block-size: var(--_target);
    font: inherit;
    padding: 0 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .choices-add button,
  .choices-actions button {
    min-block-size: var(--_target);
  }
  .choices-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .choices-empty,
  .choices-full {
    color: var(--_muted);
  }
  .choices-error {
    color: var(--_danger);
  }
`;
