/**
 * The expectation matrix's teacher view and its editor: the successes families shared (per week),
 * and the editor of a matrix (values, places, expectations, the focus of the week) with its
 * issues and conflict. Only who may see them loads them (see `LazyView` in core): a teacher
 * (`view="teacher"`), or a family that edits its own home matrix; a parent reading the school's
 * matrix never downloads this module. The draft, its saving and its storage stay in the element.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { newId } from '../core/adapter.js';
import type { TextLanguage } from '../core/content-lang.js';
import type { SamenError } from '../core/errors.js';
import { formatRelative, type Messages } from '../core/i18n.js';
import { inLanguage } from '../core/in-language.js';
import {
  addAxisItem,
  addExpectation,
  cellKey,
  cellOf,
  editExpectation,
  moveAxisItem,
  removeAxisItem,
  removeExpectation,
  renameAxisItem,
  setFocus,
  successesByWeek,
  type Axis,
  type EditIssue,
} from './matrix.js';
import type { MatrixMessages } from './messages.js';
import { MATRIX_LIMITS, type ExpectationMatrix, type MatrixAxis, type Success } from './schemas.js';

/** The editor's icons, drawn (Material Symbols, Apache-2.0), not text glyphs a device's font may lack. */
const glyph = (d: string) =>
  html`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path fill="currentColor" d=${d}></path></svg>`;
const UP = glyph('M4 12l1.41 1.41L11 7.83V20h2V7.83l5.58 5.59L20 12l-8-8-8 8z');
const DOWN = glyph('M20 12l-1.41-1.41L13 16.17V4h-2v12.17l-5.58-5.59L4 12l8 8 8-8z');
const REMOVE = glyph('M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z');

/** What the editor and the successes read and do through their matrix element. */
export interface MatrixEditorHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  readonly resolvedLocale: string;
  readonly m: MatrixMessages;
  readonly t: Messages;
  readonly saving: boolean;
  readonly saveError: SamenError | undefined;
  readonly editIssues: readonly EditIssue[];
  /** Every edit goes through here: kept on the device, and a new write id for a changed draft. */
  setDraft(matrix: ExpectationMatrix): void;
  save(event: Event): void;
  stopEditing(): void;
  /** Conflict, option 1: drop my edits and show what is stored now. */
  loadLatest(): void;
  /** Conflict, option 2: explicitly save my version over the latest one (never silently). */
  keepMine(): void;
  onEditorKeydown(event: KeyboardEvent): void;
  writeFailedText(error: SamenError, fallback: string): string;
  familyText(): TextLanguage;
  /** Says `text` to a screen reader (the card's one live region). */
  announce(text: string): void;
  /** With the thread port: the private thread with this family about their successes, or the button that opens it (issue 24). */
  thread?(familyId: string, familyName: string, householdId?: string): TemplateResult | typeof nothing;
}

export function renderSuccesses(host: MatrixEditorHost, successes: Success[]): TemplateResult {
  const t = host.m;
  const weeks = successesByWeek(successes);
  // The teacher answers a family (or one household of it) under its newest success: one thread per household.
  const whose = (s: Success) => `${s.familyId ?? ''}/${s.householdId ?? ''}`;
  const newest = new Map([...successes].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((s) => [whose(s), s.id]));
  return html`<section role="group" part="successes" class="successes" aria-labelledby="successes-heading">
    <h3 id="successes-heading">${t.successes}</h3>
    ${
      weeks.length
        ? weeks.map(
            (week) => html`<h4>${t.week(week.week)}</h4>
            <ul>
              ${week.successes.map(
                (s) => html`<li>
                  <p ${inLanguage(host.familyText())}>${s.text}</p>
                  <p class="muted">
                    ${s.familyName ?? host.t.familyFallback} ·
                    <time datetime=${s.createdAt}>${formatRelative(new Date(s.createdAt), host.resolvedLocale)}</time>
                  </p>
                  ${
                    s.familyId && newest.get(whose(s)) === s.id
                      ? (host.thread?.(s.familyId, s.familyName ?? host.t.familyFallback, s.householdId) ?? nothing)
                      : nothing
                  }
                </li>`,
              )}
            </ul>`,
          )
        : html`<p class="muted">${t.noSuccesses}</p>`
    }
  </section>`;
}

// ------------------------------------------------------------------ editor

function issueText(host: MatrixEditorHost, issue: EditIssue, matrix: ExpectationMatrix): string {
  const t = host.m;
  const cellName = (key: string) => {
    const [valueId, locationId] = key.split('/');
    const value = matrix.values.find((v) => v.id === valueId)?.label ?? '';
    const location = matrix.locations.find((l) => l.id === locationId)?.label ?? '';
    return t.focusOf(value, location);
  };
  switch (issue.kind) {
    case 'empty-name':
      return t.emptyName(issue.axis === 'values' ? 'value' : 'location', issue.index + 1);
    case 'too-many':
      return t.tooMany(issue.axis, issue.max);
    case 'empty-expectation':
      return t.emptyExpectation(cellName(issue.key));
    case 'too-long':
      return t.tooLong(cellName(issue.key), issue.max);
    case 'too-many-in-cell':
      return t.tooManyInCell(cellName(issue.key), issue.max);
  }
}

export function renderEditor(host: MatrixEditorHost, draft: ExpectationMatrix): TemplateResult {
  const t = host.m;
  const conflict = host.saveError?.kind === 'conflict';
  return html`<form part="editor" class="editor" @submit=${(e: Event) => host.save(e)} @keydown=${(e: KeyboardEvent) => host.onEditorKeydown(e)} novalidate aria-label=${t.editing}>
    ${
      host.editIssues.length
        ? html`<div class="edit-issues" role="alert" tabindex="-1">
          <p>${t.fix}</p>
          <ul>
            ${host.editIssues.map((issue) => html`<li>${issueText(host, issue, draft)}</li>`)}
          </ul>
        </div>`
        : nothing
    }
    ${renderAxisEditor(host, draft, 'values')} ${renderAxisEditor(host, draft, 'locations')}
    <fieldset class="cells-editor">
      <legend>${t.expectations}</legend>
      ${draft.values.map((v) => draft.locations.map((l) => renderCellEditor(host, draft, v, l)))}
    </fieldset>
    ${draft.kind === 'school' ? renderFocusEditor(host, draft) : nothing}
    ${
      conflict
        ? html`<div part="conflict" class="conflict" role="alert">
          <p>${t.conflict}</p>
          <div class="actions">
            <button type="button" @click=${() => host.loadLatest()}>${t.loadLatest}</button>
            <button type="button" @click=${() => host.keepMine()}>${t.keepMine}</button>
          </div>
        </div>`
        : host.saveError
          ? html`<p class="save-error" role="alert">${host.writeFailedText(host.saveError, t.saveFailed)}</p>`
          : nothing
    }
    <div class="actions">
      <button type="submit" class="primary" part="save-button" aria-disabled=${host.saving ? 'true' : 'false'}>
        ${host.saving ? t.saving : t.save}
      </button>
      <button type="button" class="cancel" @click=${() => host.stopEditing()}>${t.cancel}</button>
    </div>
  </form>`;
}

function renderAxisEditor(host: MatrixEditorHost, draft: ExpectationMatrix, axis: Axis): TemplateResult {
  const t = host.m;
  const kind = axis === 'values' ? 'value' : 'location';
  const items = draft[axis];
  return html`<fieldset class="axis-editor">
    <legend>${axis === 'values' ? t.values : t.locations}</legend>
    <ol>
      ${items.map((item, index) => {
        const name = item.label || t.nameOf(kind, index + 1);
        return html`<li>
          <input
            type="text"
            dir="auto"
            maxlength=${MATRIX_LIMITS.nameLength}
            aria-label=${t.nameOf(kind, index + 1)}
            .value=${item.label}
            @input=${(e: Event) => host.setDraft(renameAxisItem(draft, axis, index, (e.target as HTMLInputElement).value))}
          />
          <button type="button" class="icon" aria-label=${t.moveUp(name)} aria-disabled=${index === 0 ? 'true' : 'false'}
            @click=${() => moveItem(host, draft, axis, index, -1)}>${UP}</button>
          <button type="button" class="icon" aria-label=${t.moveDown(name)} aria-disabled=${index === items.length - 1 ? 'true' : 'false'}
            @click=${() => moveItem(host, draft, axis, index, 1)}>${DOWN}</button>
          <button type="button" class="icon" aria-label=${t.remove(name)} @click=${() => host.setDraft(removeAxisItem(draft, axis, index))}>${REMOVE}</button>
        </li>`;
      })}
    </ol>
    <button type="button" aria-disabled=${items.length >= MATRIX_LIMITS[axis] ? 'true' : 'false'}
      @click=${() => addAxis(host, draft, axis)}><span aria-hidden="true">+</span> ${axis === 'values' ? t.addValue : t.addLocation}</button>
  </fieldset>`;
}

/**
 * Moves a value or place one up or down. Focus follows it (issue 21): the same button on the
 * moved item's new row, not the button left at the old position, which now belongs to another
 * item; and the new place is said ("Respect staat nu op plaats 2 van 4").
 */
async function moveItem(host: MatrixEditorHost, draft: ExpectationMatrix, axis: Axis, index: number, delta: -1 | 1): Promise<void> {
  const moved = moveAxisItem(draft, axis, index, delta);
  if (moved === draft) return; // already first or last
  host.setDraft(moved);
  const to = index + delta;
  const item = moved[axis][to]!;
  await host.updateComplete;
  const editor = host.renderRoot.querySelectorAll('.axis-editor')[axis === 'values' ? 0 : 1];
  editor?.querySelectorAll(':scope > ol > li')[to]?.querySelectorAll<HTMLButtonElement>('button')[delta < 0 ? 0 : 1]?.focus();
  const t = host.m;
  host.announce(t.movedTo(item.label || t.nameOf(axis === 'values' ? 'value' : 'location', to + 1), to + 1, moved[axis].length));
}

async function addAxis(host: MatrixEditorHost, draft: ExpectationMatrix, axis: Axis): Promise<void> {
  if (draft[axis].length >= MATRIX_LIMITS[axis]) return;
  host.setDraft(addAxisItem(draft, axis, newId()));
  await host.updateComplete;
  const inputs = host.renderRoot.querySelectorAll<HTMLInputElement>(`.axis-editor:nth-of-type(${axis === 'values' ? 1 : 2}) input`);
  inputs[inputs.length - 1]?.focus();
}

function renderCellEditor(host: MatrixEditorHost, draft: ExpectationMatrix, value: MatrixAxis, location: MatrixAxis): TemplateResult {
  const t = host.m;
  const key = cellKey(value.id, location.id);
  const cell = draft.cells[key] ?? [];
  const name = t.focusOf(value.label, location.label);
  return html`<fieldset class="cell-editor" data-key=${key}>
    <legend>${name}</legend>
    ${cell.map(
      (e, index) => html`<div class="row">
        <input
          type="text"
          dir="auto"
          maxlength=${MATRIX_LIMITS.expectationLength}
          aria-label=${t.expectationOf(name, index + 1)}
          .value=${e.text}
          @input=${(ev: Event) => host.setDraft(editExpectation(draft, key, index, (ev.target as HTMLInputElement).value))}
        />
        <button type="button" class="icon" aria-label=${`${t.removeExpectation(index + 1)} (${name})`}
          @click=${() => host.setDraft(removeExpectation(draft, key, index))}>${REMOVE}</button>
      </div>`,
    )}
    ${
      cell.length < MATRIX_LIMITS.perCell
        ? html`<button type="button" class="add" aria-label=${`${t.addExpectation} (${name})`} @click=${() => addToCell(host, draft, key)}>
          <span aria-hidden="true">+</span> ${t.addExpectation}
        </button>`
        : nothing
    }
  </fieldset>`;
}

async function addToCell(host: MatrixEditorHost, draft: ExpectationMatrix, key: string): Promise<void> {
  host.setDraft(addExpectation(draft, key, newId()));
  await host.updateComplete;
  const inputs = [...host.renderRoot.querySelectorAll<HTMLFieldSetElement>('.cell-editor')]
    .find((fieldset) => fieldset.dataset['key'] === key)
    ?.querySelectorAll('input');
  inputs?.[inputs.length - 1]?.focus();
}

function renderFocusEditor(host: MatrixEditorHost, draft: ExpectationMatrix): TemplateResult {
  const t = host.m;
  const focus = draft.focus;
  const cell = focus ? cellOf(draft, focus.valueId, focus.locationId) : [];
  const update = (patch: Partial<NonNullable<ExpectationMatrix['focus']>>) => {
    const base = focus ?? { valueId: draft.values[0]?.id ?? '', locationId: draft.locations[0]?.id ?? '' };
    const next = { ...base, ...patch };
    if ('expectationId' in patch && !patch.expectationId) delete next.expectationId;
    host.setDraft(setFocus(draft, next));
  };
  return html`<fieldset class="focus-editor">
    <legend>${t.focus}</legend>
    <label>
      ${t.focusValue}
      <select @change=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        if (v) update({ valueId: v, expectationId: undefined });
        else host.setDraft(setFocus(draft, undefined));
      }}>
        <option value="" ?selected=${!focus}>${t.noFocus}</option>
        ${draft.values.map((v) => html`<option value=${v.id} ?selected=${focus?.valueId === v.id}>${v.label}</option>`)}
      </select>
    </label>
    ${
      focus
        ? html`<label>
            ${t.focusLocation}
            <select @change=${(e: Event) => update({ locationId: (e.target as HTMLSelectElement).value, expectationId: undefined })}>
              ${draft.locations.map((l) => html`<option value=${l.id} ?selected=${focus.locationId === l.id}>${l.label}</option>`)}
            </select>
          </label>
          <label>
            ${t.focusExpectation}
            <select @change=${(e: Event) => update({ expectationId: (e.target as HTMLSelectElement).value || undefined })}>
              <option value="" ?selected=${!focus.expectationId}>${t.wholeCell}</option>
              ${cell.map((x) => html`<option value=${x.id} ?selected=${focus.expectationId === x.id}>${x.text}</option>`)}
            </select>
          </label>
          <label>
            ${t.why}
            <textarea rows="2" dir="auto" .value=${focus.why ?? ''} @input=${(e: Event) => update({ why: (e.target as HTMLTextAreaElement).value })}></textarea>
          </label>
          <label>
            ${t.homeTip}
            <textarea rows="2" dir="auto" .value=${focus.homeTip ?? ''} @input=${(e: Event) => update({ homeTip: (e.target as HTMLTextAreaElement).value })}></textarea>
          </label>`
        : nothing
    }
  </fieldset>`;
}

export const styles = css`
  h4 {
    font-size: 0.9em;
    color: var(--_muted);
    margin-block-start: 0.5em;
  }
  .edit-issues,
  .conflict {
    color: var(--_danger);
    display: grid;
    gap: 0.4em;
    padding: 0.75em;
    border: 2px solid var(--_danger);
    border-radius: calc(var(--_radius) / 2);
  }
  .edit-issues:focus-visible {
    outline: 3px solid var(--_focus);
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    margin: 0;
    padding: 0.75em;
    display: grid;
    gap: 0.5em;
    min-inline-size: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25em;
  }
  .axis-editor ol {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.4em;
  }
  .axis-editor li,
  .cell-editor .row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto auto auto;
    gap: 0.3em;
    align-items: center;
  }
  .cell-editor .row {
    grid-template-columns: minmax(0, 1fr) auto;
  }
  .cells-editor {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16em), 1fr));
  }
  .cells-editor > legend {
    grid-column: 1 / -1;
  }
  .focus-editor label {
    display: grid;
    gap: 0.2em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  button.icon {
    padding: 0;
  }
`;
