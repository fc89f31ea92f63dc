import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import * as z from 'zod/mini';
import { newId } from '../core/adapter.js';
import type { LoadContext } from '../core/data-controller.js';
import { DraftController } from '../core/draft-controller.js';
import { readStored, removeStored, writeStored } from '../core/draft-store.js';
import { SamenError, toSamenError } from '../core/errors.js';
import { toIssues } from '../core/parse.js';
import { ReadAloudController, readAloudStyles } from '../core/read-aloud.js';
import type { Viewer } from '../core/schemas.js';
import {
  SUCCESS_MAX_LENGTH,
  successSchema,
  type ExpectationMatrix,
  type MatrixAxis,
  type MatrixExpectation,
  type Success,
} from './schemas.js';
import { SamenParentPreviewElement } from '../core/parent-preview-element.js';
import { SamenElement } from '../core/samen-element.js';
import { invalidLang, type TextLanguage } from '../core/content-lang.js';
import { inLanguage, withParts } from '../core/in-language.js';
import { cellOf, cleanMatrix, normalizeMatrix, validateMatrix, type EditIssue } from './matrix.js';
import { expectationMatrixStyles } from './expectation-matrix.styles.js';
import { LazyView } from '../core/lazy-view.js';
import type { MatrixEditorHost } from './teacher-view.js';
import { matrixMessages, type MatrixMessages } from './messages.js';
import { LazyThreads } from '../thread/lazy-threads.js';
import { threadMessages } from '../thread/messages.js';

type View = 'parent' | 'teacher';
type Layout = 'auto' | 'grid' | 'list';

interface MatrixData {
  viewer: Viewer;
  matrix: ExpectationMatrix;
  successes: Success[];
  adjusted: boolean;
}

/** Minimum width per column before `layout="auto"` switches to the list. */
const COLUMN_MIN_PX = 130;

/**
 * The PBS behaviour matrix: values (rows) × places (columns), each cell one to three
 * expectations in the "ik"-form. The focus of the week comes first, with why and a home
 * tip; parents share what worked at home, teachers see those successes per week. The
 * school matrix is edited by teachers, a family's home matrix by its parents; saves carry
 * the version they started from, so a stale save is shown as a conflict and never
 * overwrites someone else's work.
 *
 * @summary PBS expectation matrix for school and home, with focus of the week and shared successes.
 * @tagname samen-expectation-matrix
 *
 * @fires {CustomEvent<SamenMatrixChangeDetail>} samen-matrix-change - The adapter stored an edited matrix.
 * @fires {CustomEvent<SamenFocusDetail>} samen-focus - A saved edit set a new focus of the week.
 * @fires {CustomEvent<SamenSuccessDetail>} samen-success - A parent's success was shared.
 * @fires {CustomEvent<SamenMessageDetail>} samen-message - A message from the other side arrived live in a thread about a family's shared successes (with the optional thread port): the host may notify in its own way.
 * @fires {CustomEvent<SamenErrorDetail>} samen-error - Loading or saving failed, or parts of the matrix were refused.
 *
 * @csspart base - The card.
 * @csspart focus - The focus of the week.
 * @csspart read-aloud - The button that reads the focus of the week aloud (where the browser can speak).
 * @csspart table - The grid layout's table.
 * @csspart list - The list layout.
 * @csspart cell - One cell of expectations.
 * @csspart focus-cell - The cell of the focus of the week (also has `cell`).
 * @csspart success-form - The parent's "it worked at home when…" form.
 * @csspart successes - The teacher's list of successes per week.
 * @csspart thread - The private thread between a family and the teacher about the successes the family shared (with the optional thread port): under the focus (parent, once the teacher wrote), or under a family's newest success once the teacher opens it with "Antwoorden".
 * @csspart thread-input - The text area for a message in the thread.
 * @csspart edit-button - The button that starts editing.
 * @csspart editor - The editing form.
 * @csspart save-button - The editor's save button.
 * @csspart conflict - The "changed by someone else" notice.
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
 * @cssprop [--samen-matrix-focus-color=var(--samen-color-accent)] - Outline and badge of the focus cell.
 * @cssprop [--samen-placeholder-height=auto] - Height of the card while it loads, or while it waits below the fold (`loading="lazy"`) until it comes near the screen: set it to the card's usual height so nothing jumps.
 */
export class SamenExpectationMatrix extends SamenParentPreviewElement {
  protected override messageSections = [matrixMessages, threadMessages];

  /** The matrix's own words in its language (./messages.ts); the shared ones are `this.t`. */
  private get m(): MatrixMessages {
    return matrixMessages.get(this.resolvedLocale);
  }

  static override styles = [...SamenElement.styles, readAloudStyles, expectationMatrixStyles];

  /** Id of the matrix at the adapter (a school's matrix or a family's home matrix). */
  @property({ attribute: 'matrix-id', reflect: true }) matrixId = '';

  /** `parent` (read, share successes; edit a home matrix) or `teacher` (edit the school matrix, see successes). */
  @property({ reflect: true }) view: View = 'parent';

  /** `grid` (a table), `list` (per value), or `auto`: a list whenever the grid would not fit. */
  @property({ reflect: true }) layout: Layout = 'auto';

  /** Shows the print layout on screen (the same rules `@media print` applies): a clean poster. */
  @property({ type: Boolean, reflect: true }) poster = false;

  @state() private narrow = false;
  @state() private draft: ExpectationMatrix | undefined;
  @state() private editIssues: EditIssue[] = [];
  @state() private saving = false;
  @state() private saveError: SamenError | undefined;
  @state() private message = '';

  private readonly success = new DraftController(this, SUCCESS_MAX_LENGTH);
  /** The private threads about the successes a family shared (issue 24; optional thread port). */
  private readonly threads = new LazyThreads(this, {
    adapter: () => this.adapter,
    messages: () => threadMessages.get(this.resolvedLocale),
    announce: (text) => this.announce(text),
    emit: (detail) => void this.emit('samen-message', detail),
  });
  private readonly reader = new ReadAloudController(this);
  private writeId: string | undefined;
  /** Whose edit `draft` is: the key it was restored or started under (viewer and matrix). */
  private editKey = '';
  private resizeObserver?: ResizeObserver;

  /**
   * The teacher view and the editor (./teacher-view.ts): loaded for a teacher, or for a family that
   * may edit its home matrix; a parent reading the school's matrix never downloads it.
   */
  private readonly editorView = new LazyView(
    this,
    () => (this.constructor as typeof SamenExpectationMatrix).loadTeacherView(),
    (error) => this.reportError(error),
  );

  /** How the teacher view is loaded (a test's subclass may fail it). */
  protected static loadTeacherView = () => import('./teacher-view.js');

  /** What the editor and the successes read and do through the matrix. */
  private readonly editorHost: MatrixEditorHost = ((matrix: this) => ({
    get renderRoot() {
      return matrix.renderRoot;
    },
    get updateComplete() {
      return matrix.updateComplete;
    },
    get resolvedLocale() {
      return matrix.resolvedLocale;
    },
    get m() {
      return matrix.m;
    },
    get t() {
      return matrix.t;
    },
    get saving() {
      return matrix.saving;
    },
    get saveError() {
      return matrix.saveError;
    },
    get editIssues() {
      return matrix.editIssues;
    },
    setDraft: (draft) => matrix.setDraft(draft),
    save: (event) => void matrix.save(event),
    stopEditing: () => matrix.stopEditing(),
    loadLatest: () => matrix.loadLatest(),
    keepMine: () => void matrix.keepMine(),
    onEditorKeydown: (event) => matrix.onEditorKeydown(event),
    writeFailedText: (error, fallback) => matrix.writeFailedText(error, fallback),
    familyText: () => matrix.familyText(),
    announce: (text) => matrix.announce(text),
    thread: (familyId, name, householdId) => matrix.threads.renderFor(familyId, name, { householdId }),
  }))(this);

  private readonly loader = this.useData({
    port: 'matrix',
    args: () => [this.matrixId, this.view] as const,
    load: (context) => this.load(context),
    topics: (_data, [matrixId]) => [`matrix:${matrixId}`],
  });

  /** What is shown: the loaded matrix, which a save's result replaces without a reload. */
  private get data(): MatrixData | undefined {
    return this.loader.value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Measured in the next frame: switching layouts changes our own size, which inside the
    // observer callback would be a ResizeObserver loop.
    this.resizeObserver = new ResizeObserver(() => this.scheduleMeasure());
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Another matrix: the edits of the one before are not carried over (they stay stored under its key).
    if ((changed.has('matrixId') || changed.has('view')) && this.hasUpdated) this.forgetEdit();
    // Beside the data load, not after it: a teacher's first render waits for both at once.
    if (this.needsEditorView) this.editorView.start();
    // The threads about a family's shared successes: a school's matrix, the family's own or the teacher's with one family.
    const data = this.data;
    this.threads.show(
      data?.matrix.kind === 'school'
        ? {
            about: { kind: 'success', id: data.matrix.id },
            viewerId: data.viewer.id,
            side: this.view === 'teacher' ? 'teacher' : 'family',
            familyId: data.viewer.familyId,
            // The household's own thread, unless the school shares within the family (issue 24).
            householdId: data.viewer.shareWithinFamily ? undefined : data.viewer.householdId,
          }
        : undefined,
    );
  }

  /** A teacher, or someone who may edit this matrix (or has an edit of it stored): the editor's module is needed. */
  private get needsEditorView(): boolean {
    return this.view === 'teacher' || this.canEdit || !!this.draft;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if ((this.data?.matrix.locations.length ?? 0) !== this.measuredColumns) this.scheduleMeasure();
  }

  /** Another person here: their unsent success, their edits and messages are neither shown nor sent. */
  protected override forgetPerson(): void {
    super.forgetPerson();
    this.success.forget();
    this.threads.forget();
    this.message = '';
    this.forgetEdit();
  }

  /** Drops the edit in memory; a stored one stays under its own key for its own person. */
  private forgetEdit(): void {
    this.editKey = '';
    this.draft = undefined;
    this.editIssues = [];
    this.saving = false;
    this.saveError = undefined;
    this.writeId = undefined;
  }

  private measuredColumns = -1;
  private measureFrame = 0;

  private scheduleMeasure(): void {
    cancelAnimationFrame(this.measureFrame);
    this.measureFrame = requestAnimationFrame(() => this.measure());
  }

  /** `auto` layout: a list when the columns would get narrower than {@link COLUMN_MIN_PX}. */
  private measure(): void {
    this.measuredColumns = this.data?.matrix.locations.length ?? 0;
    const columns = this.measuredColumns + 1;
    const narrow = this.clientWidth > 0 && this.clientWidth < columns * COLUMN_MIN_PX;
    if (narrow !== this.narrow) this.narrow = narrow;
  }

  private get editDraftKey(): string {
    return this.editDraftKeyFor(this.data?.viewer);
  }

  private editDraftKeyFor(viewer: Viewer | undefined): string {
    return `matrix-edit:${viewer?.id ?? ''}:${this.matrixId}`;
  }

  private get canEdit(): boolean {
    const data = this.data;
    return !!data && this.mayEdit(data.viewer, data.matrix);
  }

  /** A school matrix is the teacher's to edit (teacher view), a home matrix the family's (parent view). */
  private mayEdit(viewer: Viewer, matrix: ExpectationMatrix): boolean {
    return matrix.kind === 'school'
      ? this.view === 'teacher' && viewer.role === 'teacher'
      : this.view === 'parent' && viewer.role === 'parent';
  }

  // ------------------------------------------------------------------ data

  private async load({
    adapter,
    viewer: who,
    args: [matrixId, view],
    signal,
    report,
  }: LoadContext<readonly [string, View], 'matrix'>): Promise<MatrixData> {
    if (!matrixId) throw new SamenError('invalid-data', 'missing matrix-id', [{ path: 'matrix-id', message: 'required' }]);
    const [viewer, rawMatrix] = await Promise.all([
      who,
      adapter.getExpectationMatrix(matrixId, { signal }),
      view === 'teacher' ? this.editorView.settled() : undefined,
      // A school matrix's shared success has its threads (issue 23: loaded on demand, beside the data).
      this.threads.ready(true),
    ]);
    this.requireTeacherRole(view, viewer);
    const { matrix, issues } = cleanMatrix(rawMatrix);
    // A language tag that is not BCP 47 was dropped by the schema: the words show, unmarked.
    const badLang = invalidLang(rawMatrix);
    if (badLang) issues.push(badLang);
    let successes: Success[] = [];
    if (view === 'teacher' && viewer.role === 'teacher' && matrix.kind === 'school') {
      const from = new Date(Date.now() - 28 * 86_400_000).toISOString();
      const raw = await adapter.getSuccesses({ matrixId, from }, { signal });
      // One bad success is skipped, not the whole matrix, and the host hears which (samen-error).
      if (!Array.isArray(raw)) issues.push({ path: 'successes', message: 'expected array' });
      successes = (Array.isArray(raw) ? raw : []).flatMap((s, i) => {
        const parsed = z.safeParse(successSchema, s);
        if (!parsed.success) issues.push(...toIssues(parsed.error).map((issue) => ({ ...issue, path: `successes.${i}.${issue.path}` })));
        return parsed.success ? [parsed.data] : [];
      });
    }
    report(issues, 'matrix adjusted');
    const data: MatrixData = { viewer, matrix, successes, adjusted: issues.length > 0 };
    this.success.restore(`success:${viewer.id}:${matrixId}`);
    this.restoreEdit(viewer, matrix);
    return data;
  }

  /** Unsaved edits survive a reload: they are kept on this device until saved or dropped. */
  private restoreEdit(viewer: Viewer, matrix: ExpectationMatrix): void {
    const key = this.editDraftKeyFor(viewer);
    if (key !== this.editKey) {
      this.forgetEdit();
      this.editKey = key;
    }
    if (this.draft || !this.mayEdit(viewer, matrix)) return;
    const stored = readStored(key) as { base?: number; matrix?: unknown } | undefined;
    if (!stored || typeof stored.base !== 'number' || !stored.matrix) return;
    try {
      this.draft = { ...cleanMatrix(stored.matrix).matrix, version: stored.base };
    } catch {
      removeStored(key);
    }
  }

  // ------------------------------------------------------------------ editing

  private startEditing(): void {
    if (!this.data) return;
    this.setDraft(structuredClone(this.data.matrix));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="editor"] input')?.focus());
  }

  /** Every edit goes through here: kept on the device, and a new write id for a changed draft. */
  private setDraft(matrix: ExpectationMatrix): void {
    this.editKey = this.editDraftKey;
    this.draft = matrix;
    this.writeId = undefined;
    this.saveError = undefined;
    this.editIssues = [];
    writeStored(this.editDraftKey, { base: matrix.version, matrix });
  }

  private stopEditing(): void {
    this.draft = undefined;
    this.editIssues = [];
    this.saveError = undefined;
    this.writeId = undefined;
    removeStored(this.editDraftKey);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="edit-button"]')?.focus());
  }

  /**
   * Escape closes the editor when nothing was changed (focus back on the edit button). With
   * changes it only moves focus to Cancel, so one stray key press never throws work away.
   */
  private onEditorKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.defaultPrevented || !this.draft || !this.data) return;
    event.preventDefault();
    const { version: _draftVersion, ...draft } = this.draft;
    const { version: _storedVersion, ...stored } = this.data.matrix;
    if (JSON.stringify(draft) === JSON.stringify(stored)) this.stopEditing();
    else this.renderRoot.querySelector<HTMLElement>('.editor .cancel')?.focus();
  }

  private async save(event?: Event, baseVersion?: number): Promise<void> {
    event?.preventDefault();
    const adapter = this.adapter;
    const draft = this.draft;
    if (!adapter || !draft || this.saving || !this.personConfirmed) return;
    const matrix = normalizeMatrix(draft);
    this.editIssues = validateMatrix(matrix);
    if (this.editIssues.length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.edit-issues')?.focus();
      return;
    }
    const base = baseVersion ?? draft.version;
    const id = (this.writeId ??= newId());
    const previousFocus = this.data?.matrix.focus;
    const person = this.personToken;
    const editKey = this.editKey;
    this.saving = true;
    this.saveError = undefined;
    this.message = this.m.saving;
    try {
      const raw = await adapter.saveExpectationMatrix({ id, matrix: { ...matrix, version: base }, baseVersion: base });
      const saved = cleanMatrix(raw).matrix;
      // Saved for someone no longer here: their stored edit is done; nothing shows to who is here.
      if (!this.stillFor(person) || editKey !== this.editKey) {
        removeStored(editKey);
        return;
      }
      if (this.data) this.loader.set({ ...this.data, matrix: saved });
      this.stopEditing();
      this.message = this.m.saved;
      void this.emit('samen-matrix-change', { matrixId: saved.id, version: saved.version });
      const focus = saved.focus;
      if (focus && JSON.stringify(focus) !== JSON.stringify(previousFocus)) {
        void this.emit('samen-focus', {
          matrixId: saved.id,
          valueId: focus.valueId,
          locationId: focus.locationId,
          ...(focus.expectationId ? { expectationId: focus.expectationId } : {}),
        });
      }
    } catch (error) {
      const samenError = toSamenError(error);
      if (!this.stillFor(person) || editKey !== this.editKey) return;
      this.saveError = samenError;
      this.message = '';
      this.reportError(this.saveError, false);
    } finally {
      if (this.stillFor(person) && editKey === this.editKey) this.saving = false;
    }
  }

  /** Conflict, option 1: drop my edits and show what is stored now. */
  private loadLatest(): void {
    this.stopEditing();
    void this.loader.run();
  }

  /** Conflict, option 2: explicitly save my version over the latest one (never silently). */
  private async keepMine(): Promise<void> {
    const adapter = this.adapter;
    if (!adapter) return;
    const person = this.personToken;
    try {
      const latest = cleanMatrix(await adapter.getExpectationMatrix(this.matrixId)).matrix;
      if (!this.stillFor(person)) return;
      this.writeId = undefined;
      await this.save(undefined, latest.version);
    } catch (error) {
      if (!this.stillFor(person)) return;
      this.saveError = toSamenError(error);
      this.reportError(this.saveError, false);
    }
  }

  // ------------------------------------------------------------------ successes

  private async shareSuccess(event: Event): Promise<void> {
    event.preventDefault();
    const adapter = this.adapter;
    const matrix = this.data?.matrix;
    if (!adapter || !matrix || !this.personConfirmed) return;
    const expectationId = matrix.focus?.expectationId;
    this.message = this.m.sharing;
    const result = await this.success.submit((id, text) =>
      adapter.shareSuccess({ id, matrixId: matrix.id, text, ...(expectationId ? { expectationId } : {}) }),
    );
    if (!result) return;
    if (result.ok) {
      this.message = this.m.shared;
      void this.emit('samen-success', { matrixId: matrix.id, successId: result.value.id });
    } else {
      this.message = '';
      this.reportError(result.error, false);
    }
  }

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    const view = this.editorView;
    if (this.needsEditorView && this.loader.status !== 'error') {
      // The teacher view's module on its way (loading, as the data may still be), or failed to load.
      if (view.error) return this.renderError(view.error, () => view.retry());
      if (!view.module) return this.renderLoading();
    }
    const card = this.renderMatrix();
    if (this.view !== 'teacher' || !this.loader.current) return card;
    // The same matrix as parents see it, read-only: no edits, no successes shared.
    return this.renderWithPreview(
      card,
      () =>
        html`<samen-expectation-matrix
        matrix-id=${this.matrixId}
        view="parent"
        preview
        layout=${this.layout}
        ?poster=${this.poster}
        locale=${this.resolvedLocale}
        theme=${ifDefined(this.theme)}
      ></samen-expectation-matrix>`,
    );
  }

  private renderMatrix(): TemplateResult {
    return this.renderData(this.loader, (data) => this.renderCard(data));
  }

  private renderCard(data: MatrixData): TemplateResult {
    const t = this.m;
    const { matrix } = data;
    const title = matrix.title ?? (matrix.kind === 'school' ? t.schoolTitle : t.homeTitle);
    return html`<article class="card ${this.poster ? 'poster' : ''}" part="base" lang=${this.resolvedLocale} dir=${this.languageDir} aria-labelledby="heading">
      <header class="head">
        <h2 id="heading" ${inLanguage(matrix.title ? this.wordsOf(matrix) : {})}>${title}</h2>
        ${
          this.canEdit && !this.draft
            ? html`<button type="button" part="edit-button" class="edit" @click=${this.startEditing}>
              ${matrix.kind === 'school' ? t.edit : t.editHome}
            </button>`
            : nothing
        }
      </header>
      ${data.adjusted ? html`<p class="notice" role="note">${t.dataAdjusted}</p>` : nothing}
      ${this.draft && this.editorView.module ? this.editorView.module.renderEditor(this.editorHost, this.draft) : this.renderMatrixView(data)}
      <p class="visually-hidden" role="status">${this.message}</p>
    </article>`;
  }

  private renderMatrixView(data: MatrixData): TemplateResult {
    const { matrix } = data;
    const empty = !matrix.values.length || !matrix.locations.length;
    const list = this.layout === 'list' || (this.layout === 'auto' && this.narrow);
    return html`${this.renderFocus(data)} ${this.threads.renderFamily()}
      ${empty ? html`<p class="empty">${this.m.empty}</p>` : list ? this.renderList(matrix) : this.renderTable(matrix)}
      ${this.view === 'teacher' && matrix.kind === 'school' ? this.editorView.module?.renderSuccesses(this.editorHost, data.successes) : nothing}`;
  }

  /**
   * `lang`/`dir` for the matrix's words: the school's language (its own `lang` or the page's
   * `contentLang`); a home matrix is the family's own words, so without a `lang` it only
   * takes their direction.
   */
  private wordsOf(matrix: ExpectationMatrix): TextLanguage {
    return matrix.kind === 'home' && !matrix.lang ? this.familyText() : this.schoolText(matrix.lang);
  }

  private isFocus(matrix: ExpectationMatrix, valueId: string, locationId: string): boolean {
    return matrix.focus?.valueId === valueId && matrix.focus.locationId === locationId;
  }

  private renderExpectations(matrix: ExpectationMatrix, value: MatrixAxis, location: MatrixAxis): TemplateResult {
    const cell = cellOf(matrix, value.id, location.id);
    const focusId = this.isFocus(matrix, value.id, location.id) ? matrix.focus?.expectationId : undefined;
    if (!cell.length) return html`<span class="muted">${this.m.emptyCell}</span>`;
    return html`<ul>
      ${cell.map(
        (e) => html`<li class=${e.id === focusId ? 'focus-expectation' : ''}>
          ${e.pictogram ? html`<span class="pictogram" aria-hidden="true">${e.pictogram}</span>` : nothing}
          <span ${inLanguage(this.wordsOf(matrix))}>${e.text}</span>
        </li>`,
      )}
    </ul>`;
  }

  private label(matrix: ExpectationMatrix, item: MatrixAxis): TemplateResult {
    return html`${item.pictogram ? html`<span class="pictogram" aria-hidden="true">${item.pictogram}</span>` : nothing}<span
        ${inLanguage(this.wordsOf(matrix))}
        >${item.label}</span
      >`;
  }

  private focusBadge(matrix: ExpectationMatrix, value: MatrixAxis, location: MatrixAxis): TemplateResult | typeof nothing {
    return this.isFocus(matrix, value.id, location.id) ? html`<strong class="badge">${this.m.focusBadge}</strong>` : nothing;
  }

  private renderTable(matrix: ExpectationMatrix): TemplateResult {
    const t = this.m;
    return html`<div class="table-wrap">
      <table part="table">
        <caption class="visually-hidden">${t.caption}</caption>
        <thead>
          <tr>
            <td></td>
            ${matrix.locations.map((l) => html`<th scope="col">${this.label(matrix, l)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${matrix.values.map(
            (v) => html`<tr>
              <th scope="row">${this.label(matrix, v)}</th>
              ${matrix.locations.map((l) => {
                const focus = this.isFocus(matrix, v.id, l.id);
                return html`<td part=${focus ? 'cell focus-cell' : 'cell'} class=${focus ? 'focus-cell' : ''}>
                  ${this.focusBadge(matrix, v, l)} ${this.renderExpectations(matrix, v, l)}
                </td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderList(matrix: ExpectationMatrix): TemplateResult {
    return html`<div part="list" class="list">
      ${matrix.values.map(
        (v) => html`<section role="group" aria-labelledby="value-${v.id}">
          <h3 id="value-${v.id}">${this.label(matrix, v)}</h3>
          <dl>
            ${matrix.locations.map((l) => {
              const focus = this.isFocus(matrix, v.id, l.id);
              return html`<div part=${focus ? 'cell focus-cell' : 'cell'} class="list-cell ${focus ? 'focus-cell' : ''}">
                <dt>${this.label(matrix, l)} ${this.focusBadge(matrix, v, l)}</dt>
                <dd>${this.renderExpectations(matrix, v, l)}</dd>
              </div>`;
            })}
          </dl>
        </section>`,
      )}
    </div>`;
  }

  private renderFocus(data: MatrixData): TemplateResult | typeof nothing {
    const { matrix } = data;
    const focus = matrix.focus;
    if (!focus) return nothing;
    const t = this.m;
    const value = matrix.values.find((v) => v.id === focus.valueId)!;
    const location = matrix.locations.find((l) => l.id === focus.locationId)!;
    const cell = cellOf(matrix, focus.valueId, focus.locationId);
    const chosen: MatrixExpectation[] = focus.expectationId ? cell.filter((e) => e.id === focus.expectationId) : cell;
    const canShare = this.view === 'parent' && data.viewer.role === 'parent' && matrix.kind === 'school';
    const words = this.wordsOf(matrix);
    const own = (text: string) => html`<span ${inLanguage(words)}>${text}</span>`;
    // Read aloud: our headings in the card's voice, the matrix's words in theirs.
    const voice = words.lang ? this.voiceFor(words.lang) : this.t.locale;
    return html`<section role="group" part="focus" class="focus" aria-labelledby="focus-heading">
      <h3 id="focus-heading">${t.focus}</h3>
      <p class="focus-where">${withParts(t.focusOf, [value.label, location.label], [own(value.label), own(location.label)])}</p>
      ${chosen.map(
        (e) =>
          html`<p class="focus-text" ${inLanguage(words)}>${e.pictogram ? html`<span aria-hidden="true">${e.pictogram}</span> ` : nothing}${e.text}</p>`,
      )}
      ${focus.why ? html`<p><strong>${t.why}:</strong> <bdi ${inLanguage(words)}>${focus.why}</bdi></p>` : nothing}
      ${focus.homeTip ? html`<p><strong>${t.homeTip}:</strong> <bdi ${inLanguage(words)}>${focus.homeTip}</bdi></p>` : nothing}
      ${this.reader.render(this.t, () => [
        t.focus,
        { text: t.focusOf(value.label, location.label), lang: voice },
        ...chosen.map((e) => ({ text: e.text, lang: voice })),
        focus.homeTip ? `${t.homeTip}:` : undefined,
        { text: focus.homeTip, lang: voice },
      ])}
      ${canShare ? this.renderSuccessForm() : nothing}
    </section>`;
  }

  private renderSuccessForm(): TemplateResult {
    const t = this.m;
    const draft = this.success;
    return html`<form part="success-form" class="success-form" @submit=${this.shareSuccess}>
      <label for="success">${t.successLabel}</label>
      <textarea
        id="success"
        dir="auto"
        rows="2"
        maxlength=${SUCCESS_MAX_LENGTH}
        placeholder=${t.successPlaceholder}
        aria-describedby="success-counter"
        .value=${draft.text}
        @input=${(e: Event) => draft.set((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p id="success-counter" class="muted counter">${this.t.charactersLeft(draft.remaining)}</p>
      ${draft.error ? html`<p class="save-error" role="alert">${this.writeFailedText(draft.error, t.shareFailed)}</p>` : nothing}
      <button type="submit" class="primary" aria-disabled=${draft.canSend ? 'false' : 'true'}>${draft.sending ? t.sharing : t.share}</button>
    </form>`;
  }
}
