import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { newId } from '../core/adapter.js';
import { DraftController } from '../core/draft-controller.js';
import { readDraft } from '../core/draft-store.js';
import { dateFormat } from '../core/i18n.js';
import { SamenError, toSamenError } from '../core/errors.js';
import { inLanguage } from '../core/in-language.js';
import { facePicture, namedPicture } from './pictures.js';
import { parseOrThrow } from '../core/parse.js';
import { SamenParentPreviewElement } from '../core/parent-preview-element.js';
import { ReadAloudController, readAloudStyles, type Spoken } from '../core/read-aloud.js';
import { SamenElement } from '../core/samen-element.js';
import type { Viewer } from '../core/schemas.js';
import { evaluationMessages, type EvaluationMessages } from './messages.js';
import { evaluationStyles } from './evaluation.styles.js';
import { questionWords, renderResults, styles as resultsStyles } from './results-view.js';
import {
  ANSWER_MAX_LENGTH,
  AUDIENCES,
  BUILT_IN_QUESTIONS,
  evaluationReceiptSchema,
  evaluationResultsSchema,
  evaluationSchema,
  evaluationTopic,
  SCALE_VALUES,
  type Answer,
  type Audience,
  type Evaluation,
  type EvaluationResults,
  type OwnQuestionInput,
  type Question,
  type QuestionKind,
} from './schemas.js';

type View = 'parent' | 'child' | 'teacher';

interface EvaluationData {
  evaluationId: string;
  view: View;
  viewer: Viewer;
  /** The form for the viewer's audience (absent in the teacher view of a viewer it does not go to, a school leader). */
  evaluation?: Evaluation;
  /** The run's results (teacher view). */
  results?: EvaluationResults;
}

/** The roles that see results (`evaluation.results`) and add the school's own questions (`evaluation.edit`). */
const STAFF = ['teacher', 'care-coordinator', 'school-leader'] as const;
/** The kinds a school picks for its own questions (a choice needs options the editor does not offer yet). */
const EDITOR_KINDS: readonly QuestionKind[] = ['yes-no', 'scale', 'text'];

/**
 * The short form a school sends at the end of a programme run (and optionally at its start) to
 * parents, children, teachers and the trainer (issue 25), with the programme's questions built in
 * (WIsH: do you know your child's learning goals, did you talk about it at home, did you come to the
 * last lesson, your rating) and the school's own. It says plainly whether the school sees who
 * answered; the answers are kept on the device while they are filled in and sent with a key of
 * their own, so a retry or a reload never sends them twice. `view="child"` is the child's form:
 * faces, big targets and read-aloud. `view="teacher"`: the response rates per audience and the
 * answers, before and after side by side, no figure below the minimum group size, and the
 * school's own questions.
 *
 * @summary A short evaluation form for parents, children, teachers and the trainer; its results for staff.
 * @tagname samen-evaluation
 *
 * @fires {CustomEvent<SamenEvaluationResponseDetail>} samen-evaluation-response - The respondent's answers were stored, or kept to send later (`queued: true`).
 * @fires {CustomEvent<SamenErrorDetail>} samen-error - Loading or saving failed.
 *
 * @csspart base - The card.
 * @csspart title - The run's title.
 * @csspart anonymity - Whether the school sees who answered.
 * @csspart form - The questions (parent and child views).
 * @csspart question - One question.
 * @csspart send-button - The send button.
 * @csspart thanks - The thank-you state, with "change my answers".
 * @csspart read-aloud - The read-aloud button (child view, where the device has a voice).
 * @csspart results - The results (teacher view).
 * @csspart editor - The school's own questions (teacher view).
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
 * @cssprop [--samen-color-accent=#1a6b58] - Buttons and the chosen answer. Dark: `#7fdcc3`.
 * @cssprop [--samen-color-on-accent=#ffffff] - Text on the accent colour. Dark: `#0d1f1a`.
 * @cssprop [--samen-color-danger=#b3261e] - Error accents. Dark: `#ff9c92`.
 * @cssprop [--samen-color-focus=#1558b0] - Focus ring. Dark: `#9ecbff`.
 * @cssprop [--samen-radius=12px] - Corner radius.
 * @cssprop [--samen-space=16px] - Base spacing.
 * @cssprop [--samen-font-family=inherit] - Font; inherits the host app's by default.
 * @cssprop [--samen-touch-target=44px] - Minimum size of buttons and answers (the child form's are larger).
 * @cssprop [--samen-placeholder-height=auto] - Height of the card while it loads.
 */
export class SamenEvaluation extends SamenParentPreviewElement {
  protected override messageSections = [evaluationMessages];

  private get m(): EvaluationMessages {
    return evaluationMessages.get(this.resolvedLocale);
  }

  static override styles = [...SamenElement.styles, readAloudStyles, resultsStyles, evaluationStyles];

  /** Which evaluation. */
  @property({ attribute: 'evaluation-id', reflect: true }) evaluationId = '';

  /** `parent`: the form for the viewer (parent, teacher or trainer); `child`: the child's form; `teacher`: the results and the school's own questions. */
  @property({ reflect: true }) view: View = 'parent';

  /** Teacher view: the run whose results to show (default: the evaluation's run). */
  @property({ attribute: 'programme-run-id' }) programmeRunId = '';

  @state() private editing = false;
  @state() private message = '';
  @state() private queued = false;
  /** The editor's fields and its message. */
  @state() private newText = '';
  @state() private newKind: QuestionKind = 'yes-no';
  @state() private newAudiences: Audience[] = ['parent'];
  @state() private editorMessage = '';
  @state() private saving = false;
  /** The editor's pending write: its payload and key, reused by a retry of the same payload. */
  private editorWrite: { payload: string; id: string } | undefined;

  /** The answers being given: one draft (JSON pairs), kept on the device on every choice. */
  private readonly draft = new DraftController(this, 40 * (ANSWER_MAX_LENGTH + 100));
  private readonly reader = new ReadAloudController(this);

  private readonly loader = this.useData({
    port: 'evaluation',
    // Its render formats dates or numbers with Intl: Intl's first format is made while the reads are out.
    formatsWithIntl: () => true,
    args: () => [this.evaluationId, this.view, this.programmeRunId] as const,
    load: async ({ adapter, viewer, args: [evaluationId, view, runId], signal }): Promise<EvaluationData> => {
      if (!evaluationId) throw new SamenError('invalid-data', 'missing evaluation-id', [{ path: 'evaluation-id', message: 'required' }]);
      const who = await viewer;
      this.requireTeacherRole(view, who, STAFF);
      if (view === 'teacher') {
        if (!adapter.getEvaluationResults) throw new SamenError('not-connected', 'getEvaluationResults');
        const evaluation = await adapter
          .getEvaluation(evaluationId, { signal })
          .then((raw) => parseOrThrow(evaluationSchema, raw, 'evaluation'))
          .catch((error: unknown) => {
            // A school leader reads the results without being asked the questions.
            if (runId && toSamenError(error).kind === 'forbidden') return undefined;
            throw error;
          });
        const run = runId || evaluation?.programmeRunId || '';
        const results = parseOrThrow(
          evaluationResultsSchema,
          await adapter.getEvaluationResults({ programmeRunId: run }, { signal }),
          'results',
        );
        return { evaluationId, view, viewer: who, ...(evaluation ? { evaluation } : {}), results };
      }
      let evaluation = parseOrThrow(evaluationSchema, await adapter.getEvaluation(evaluationId, { signal }), 'evaluation');
      if (this.preview) evaluation = asParentForm(evaluation);
      else this.draft.restore(`evaluation:${who.id}:${evaluationId}`);
      return { evaluationId, view, viewer: who, evaluation };
    },
    topics: ({ evaluationId }) => [evaluationTopic(evaluationId)],
  });

  private get data(): EvaluationData | undefined {
    return this.loader.value;
  }

  /** Another person here: nothing they chose or were told stays on screen. */
  protected override forgetPerson(): void {
    super.forgetPerson();
    this.draft.forget();
    this.editing = false;
    this.message = '';
    this.queued = false;
    this.newText = '';
    this.editorMessage = '';
    this.saving = false;
    this.editorWrite = undefined;
  }

  // ------------------------------------------------------------------ answering

  /** The answers shown: the draft being filled in, else (changing them) what was sent, else none. */
  private answers(evaluation: Evaluation): Answer[] {
    if (this.draft.text) {
      try {
        const parsed = JSON.parse(this.draft.text) as unknown;
        if (Array.isArray(parsed))
          return parsed.filter(
            (a): a is Answer =>
              !!a && typeof a === 'object' && typeof (a as Answer).questionId === 'string' && typeof (a as Answer).value === 'string',
          );
      } catch {
        return [];
      }
    }
    return this.editing ? (evaluation.answers ?? []) : [];
  }

  private setAnswer(evaluation: Evaluation, questionId: string, value: string): void {
    this.message = '';
    const others = this.answers(evaluation).filter((a) => a.questionId !== questionId);
    const next = value.trim() ? [...others, { questionId, value: value.slice(0, ANSWER_MAX_LENGTH) }] : others;
    // In the form's order, so the same answers are the same draft (and the same write).
    const order = evaluation.questions.map((q) => q.id);
    next.sort((a, b) => order.indexOf(a.questionId) - order.indexOf(b.questionId));
    this.draft.set(next.length ? JSON.stringify(next) : '');
  }

  private startEditing(): void {
    this.editing = true;
    this.message = '';
    this.queued = false;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLInputElement>('[part~="form"] input, [part~="form"] textarea')?.focus(),
    );
  }

  private async send(event?: Event): Promise<void> {
    event?.preventDefault();
    const data = this.data;
    const adapter = this.adapter;
    const evaluation = data?.evaluation;
    if (!data || !evaluation || !adapter?.submitEvaluationResponse || !this.personConfirmed) return;
    // Changing answers: what is shown (the ones sent before) is what is sent.
    if (!this.draft.text && this.editing && evaluation.answers?.length) this.draft.set(JSON.stringify(evaluation.answers));
    const answers = this.answers(evaluation).filter((a) => evaluation.questions.some((q) => q.id === a.questionId));
    if (!answers.length) {
      this.message = this.m.empty;
      this.announce(this.m.empty);
      return;
    }
    const result = await this.draft.submit((id, text) =>
      adapter.submitEvaluationResponse!({ id, evaluationId: data.evaluationId, answers: JSON.parse(text) as Answer[] }).then((raw) => ({
        id,
        raw,
      })),
    );
    if (!result) return;
    if (result.ok) {
      const receipt = parseOrThrow(evaluationReceiptSchema, result.value.raw, 'receipt');
      this.loader.set({ ...data, evaluation: { ...evaluation, answered: true, answers: receipt.answers } });
      this.editing = false;
      this.queued = false;
      this.announce(`${this.m.thanks} ${this.m.thanksText}`);
      void this.emit('samen-evaluation-response', { evaluationId: data.evaluationId, id: result.value.id });
      this.focusThanks();
      return;
    }
    const error = result.error;
    if (error.queued) {
      // Kept in the outbox and sent later: thanked now, told where the answers are.
      this.queued = true;
      this.editing = false;
      this.loader.set({ ...data, evaluation: { ...evaluation, answered: true, answers } });
      this.announce(`${this.m.thanks} ${this.writeFailedText(error, this.m.failed)}`);
      void this.emit('samen-evaluation-response', { evaluationId: data.evaluationId, id: this.draftWriteId(), queued: true });
      this.focusThanks();
    } else {
      this.message = this.writeFailedText(error, this.m.failed);
      this.announce(this.message);
    }
    this.reportError(error, false);
  }

  /** The draft's write id (kept in storage with it), for the queued event. */
  private draftWriteId(): string {
    return readDraft(this.draft.key)?.writeId ?? '';
  }

  private focusThanks(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#thanks-heading')?.focus());
  }

  // ------------------------------------------------------------------ the school's own questions

  /** The school's own questions as they stand: from the results of this evaluation's phase. */
  private ownQuestions(data: EvaluationData): OwnQuestionInput[] {
    const phase =
      data.results?.phases.find((p) => p.evaluationId === data.evaluationId) ??
      data.results?.phases.find((p) => p.phase === data.evaluation?.phase);
    const byId = new Map<string, OwnQuestionInput>();
    for (const q of phase?.questions ?? []) {
      if (q.builtIn !== false) continue;
      const known = byId.get(q.questionId);
      if (known) known.audiences = [...(known.audiences ?? []), q.audience];
      else
        byId.set(q.questionId, {
          id: q.questionId,
          kind: q.kind,
          text: q.text,
          ...(q.options ? { options: q.options } : {}),
          audiences: [q.audience],
        });
    }
    return [...byId.values()];
  }

  private async saveQuestions(data: EvaluationData, questions: OwnQuestionInput[], done: string): Promise<void> {
    const adapter = this.adapter;
    const evaluation = data.evaluation;
    if (!adapter?.saveEvaluation || !evaluation || this.saving || !this.personConfirmed) return;
    const input = {
      evaluationId: data.evaluationId,
      programmeRunId: evaluation.programmeRunId,
      phase: evaluation.phase,
      audiences: evaluation.audiences ?? [evaluation.audience],
      anonymous: evaluation.anonymous,
      ...(evaluation.closesAt ? { closesAt: evaluation.closesAt } : {}),
      questions,
    };
    const payload = JSON.stringify(input);
    if (this.editorWrite?.payload !== payload) this.editorWrite = { payload, id: newId() };
    const id = this.editorWrite.id;
    const person = this.personToken;
    this.saving = true;
    this.editorMessage = this.m.saving;
    try {
      await adapter.saveEvaluation({ id, ...input });
      if (!this.stillFor(person)) return;
      this.editorWrite = undefined;
      this.newText = '';
      this.editorMessage = done;
      this.announce(done);
      await this.loader.run();
    } catch (error) {
      if (!this.stillFor(person)) return;
      const samenError = toSamenError(error);
      this.editorMessage = this.writeFailedText(samenError, this.m.saveFailed);
      this.announce(this.editorMessage);
      this.reportError(samenError, false);
    } finally {
      if (this.stillFor(person)) this.saving = false;
    }
  }

  private addQuestion(event: Event, data: EvaluationData): void {
    event.preventDefault();
    const text = this.newText.trim();
    const problem = !text ? this.m.needsText : !this.newAudiences.length ? this.m.needsAudience : '';
    if (problem) {
      this.editorMessage = problem;
      this.announce(problem);
      return;
    }
    const question: OwnQuestionInput = { id: `own-${newId().slice(0, 12)}`, kind: this.newKind, text, audiences: [...this.newAudiences] };
    // The same question retried keeps its id (and so its write).
    const pendingQuestions = this.editorWrite ? (JSON.parse(this.editorWrite.payload) as { questions: OwnQuestionInput[] }).questions : [];
    const pending = pendingQuestions[pendingQuestions.length - 1];
    if (pending && pending.text === text && pending.kind === this.newKind) question.id = pending.id;
    void this.saveQuestions(data, [...this.ownQuestions(data), question], this.m.saved);
  }

  private toggleAudience(audience: Audience, on: boolean): void {
    this.newAudiences = on ? [...new Set([...this.newAudiences, audience])] : this.newAudiences.filter((a) => a !== audience);
  }

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    return this.renderData(this.loader, (data) => {
      if (data.view !== 'teacher') return this.renderForm(data);
      return this.renderWithPreview(
        this.renderTeacher(data),
        () =>
          html`<samen-evaluation
            evaluation-id=${this.evaluationId}
            view="parent"
            preview
            locale=${this.resolvedLocale}
            theme=${ifDefined(this.theme)}
          ></samen-evaluation>`,
      );
    });
  }

  private renderHeader(evaluation: Evaluation): TemplateResult {
    return html`<header class="header">
      <p class="eyebrow">
        <span class="badge">${this.m.eyebrow}</span>
        <span class="muted">${this.m.phases[evaluation.phase]}</span>
        ${evaluation.programme !== 'custom' ? html`<span class="muted">${this.t.programmes[evaluation.programme]}</span>` : nothing}
      </p>
      <h2 id="title" part="title" ${inLanguage(this.schoolText(evaluation.lang))}>${evaluation.title}</h2>
    </header>`;
  }

  private renderForm(data: EvaluationData): TemplateResult {
    const evaluation = data.evaluation!;
    const m = this.m;
    const child = data.view === 'child';
    const closed = !!evaluation.closesAt && Date.parse(evaluation.closesAt) < Date.now();
    const anonymity = child ? (evaluation.anonymous ? m.childAnonymous : m.childNamed) : evaluation.anonymous ? m.anonymous : m.named;
    return html`<article
      class="card evaluation ${child ? 'child' : ''}"
      part="base"
      aria-labelledby="title"
      lang=${this.resolvedLocale}
      dir=${this.languageDir}
    >
      ${this.renderHeader(evaluation)}
      <p class="anonymity ${evaluation.anonymous ? '' : 'named'}" part="anonymity">${anonymity}</p>
      ${
        closed
          ? html`<p class="closed">${m.closed}</p>`
          : evaluation.answered && !this.editing
            ? this.renderThanks(child)
            : this.renderQuestions(evaluation, child)
      }
    </article>`;
  }

  private renderThanks(child: boolean): TemplateResult {
    const m = this.m;
    return html`<section class="thanks" part="thanks" aria-labelledby="thanks-heading">
      <h3 id="thanks-heading" tabindex="-1">${child ? m.childThanks : m.thanks}</h3>
      <p>${this.queued ? this.t.savedOnDevice : m.thanksText}</p>
      <p><button type="button" @click=${() => this.startEditing()}>${m.change}</button></p>
    </section>`;
  }

  private renderQuestions(evaluation: Evaluation, child: boolean): TemplateResult {
    const m = this.m;
    const answers = this.answers(evaluation);
    const value = (id: string) => answers.find((a) => a.questionId === id)?.value ?? '';
    const spoken = (): Spoken[] => [
      m.intro.child,
      ...evaluation.questions.map((q) => ({
        text: questionWords(m, q),
        lang: q.builtIn ? this.resolvedLocale : (this.schoolText(evaluation.lang).lang ?? this.resolvedLocale),
      })),
    ];
    return html`<p class="intro">${m.intro[evaluation.audience]}</p>
      ${child ? html`<p class="read">${this.reader.render(this.t, spoken)}</p>` : nothing}
      ${evaluation.closesAt ? html`<p class="muted">${m.closesAt(formatDay(evaluation.closesAt, this.resolvedLocale))}</p>` : nothing}
      <form part="form" class="form" @submit=${this.send}>
        ${evaluation.questions.map((q) => this.renderQuestion(evaluation, q, value(q.id), child))}
        <p class="muted">${m.draftKept}</p>
        ${
          this.message
            ? html`<div class="send-error" role="alert">
                <p>${this.message}</p>
                ${this.draft.error ? html`<button type="button" @click=${() => void this.send()}>${this.t.retry}</button>` : nothing}
              </div>`
            : nothing
        }
        <p>
          <button type="submit" class="primary" part="send-button" aria-disabled=${this.draft.sending ? 'true' : 'false'}>
            ${this.draft.sending ? m.sending : m.send}
          </button>
        </p>
      </form>`;
  }

  private renderQuestion(evaluation: Evaluation, question: Question, current: string, child: boolean): TemplateResult {
    const m = this.m;
    const words = questionWords(m, question);
    const lang = question.builtIn ? {} : this.schoolText(evaluation.lang);
    const name = `q-${question.id}`;
    if (question.kind === 'text') {
      return html`<p class="question text-question" part="question">
        <label for=${name} ${inLanguage(lang)}>${words}</label>
        <textarea
          id=${name}
          dir="auto"
          rows="3"
          maxlength=${ANSWER_MAX_LENGTH}
          .value=${current}
          @input=${(e: Event) => this.setAnswer(evaluation, question.id, (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        <span class="muted">${m.optional}</span>
      </p>`;
    }
    const options: { value: string; label: string; face?: TemplateResult | typeof nothing }[] =
      question.kind === 'yes-no'
        ? [
            { value: 'yes', label: m.yes, ...(child ? { face: namedPicture('yes', 'face') } : {}) },
            { value: 'no', label: m.no, ...(child ? { face: namedPicture('no', 'face') } : {}) },
          ]
        : question.kind === 'scale'
          ? SCALE_VALUES.map((v, i) => ({
              value: v,
              label: question.options?.[i]?.label ?? (child ? m.faces[i]! : m.scale[i]!),
              ...(child ? { face: facePicture(i) } : {}),
            }))
          : (question.options ?? []).map((o) => ({ value: o.value, label: o.label }));
    return html`<fieldset class="question" part="question">
      <legend>
        ${child ? namedPicture(question.picture, 'picture') : nothing}
        <span ${inLanguage(lang)}>${words}</span>
      </legend>
      <div class="options ${child && question.kind !== 'choice' ? 'faces' : ''} kind-${question.kind}">
        ${options.map(
          (o) =>
            html`<label class="option">
              <input
                type="radio"
                name=${name}
                value=${o.value}
                .checked=${current === o.value}
                @change=${() => this.setAnswer(evaluation, question.id, o.value)}
              />
              ${o.face ?? nothing}
              <span class="label">${o.label}</span>
            </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private renderTeacher(data: EvaluationData): TemplateResult {
    const m = this.m;
    const evaluation = data.evaluation;
    const canEdit = !!evaluation && !!this.adapter?.saveEvaluation;
    return html`<article class="card evaluation teacher" part="base" aria-labelledby="title" lang=${this.resolvedLocale} dir=${this.languageDir}>
      ${evaluation ? this.renderHeader(evaluation) : html`<h2 id="title" part="title">${m.results}</h2>`}
      ${evaluation ? html`<p class="anonymity" part="anonymity">${evaluation.anonymous ? m.anonymousSetting : m.named}</p>` : nothing}
      <section aria-labelledby="results-heading">
        <h3 id="results-heading" class="visually-hidden">${m.results}</h3>
        ${data.results ? renderResults(m, this.resolvedLocale, data.results, 4 as const) : html`<p class="muted">${m.noResults}</p>`}
      </section>
      ${canEdit ? this.renderEditor(data) : nothing}
    </article>`;
  }

  private renderEditor(data: EvaluationData): TemplateResult {
    const m = this.m;
    const own = this.ownQuestions(data);
    const audiences = data.evaluation?.audiences ?? AUDIENCES;
    return html`<section class="editor" part="editor" aria-labelledby="editor-heading">
      <h3 id="editor-heading">${m.ownQuestions}</h3>
      <p class="muted">${m.ownQuestionsIntro}</p>
      ${
        own.length
          ? html`<ul class="own-list">
              ${own.map(
                (q) =>
                  html`<li>
                    <span ${inLanguage(this.schoolText(data.evaluation?.lang))}>${q.text}</span>
                    <span class="muted">${m.kinds[q.kind]} · ${(q.audiences ?? []).map((a) => m.audiences[a]).join(', ')}</span>
                    <button
                      type="button"
                      aria-label=${m.remove(q.text)}
                      @click=${() =>
                        void this.saveQuestions(
                          data,
                          own.filter((o) => o.id !== q.id),
                          m.saved,
                        )}
                    >
                      ${m.delete}
                    </button>
                  </li>`,
              )}
            </ul>`
          : html`<p class="muted">${m.noOwnQuestions}</p>`
      }
      <form class="add" @submit=${(e: Event) => this.addQuestion(e, data)}>
        <p class="field">
          <label for="new-question">${m.questionText}</label>
          <input
            id="new-question"
            type="text"
            dir="auto"
            maxlength="300"
            placeholder=${m.questionHint}
            .value=${this.newText}
            @input=${(e: Event) => (this.newText = (e.target as HTMLInputElement).value)}
          />
        </p>
        <p class="field">
          <label for="new-kind">${m.kind}</label>
          <select id="new-kind" @change=${(e: Event) => (this.newKind = (e.target as HTMLSelectElement).value as QuestionKind)}>
            ${EDITOR_KINDS.map((k) => html`<option value=${k} ?selected=${k === this.newKind}>${m.kinds[k]}</option>`)}
          </select>
        </p>
        <fieldset class="for-whom">
          <legend>${m.forWhom}</legend>
          ${audiences.map(
            (a) =>
              html`<label class="option">
                <input
                  type="checkbox"
                  .checked=${this.newAudiences.includes(a)}
                  @change=${(e: Event) => this.toggleAudience(a, (e.target as HTMLInputElement).checked)}
                />
                <span>${m.audiences[a]}</span>
              </label>`,
          )}
        </fieldset>
        <p class="message" role="status">${this.editorMessage}</p>
        <p><button type="submit" aria-disabled=${this.saving ? 'true' : 'false'}>${m.add}</button></p>
      </form>
    </section>`;
  }
}

/** The form as a parent sees it (a teacher's "Preview as parent"): the programme's parent questions and the school's own. */
function asParentForm(evaluation: Evaluation): Evaluation {
  const { answers: _answers, ...rest } = evaluation;
  return {
    ...rest,
    audience: 'parent',
    answered: false,
    questions: [...BUILT_IN_QUESTIONS.parent.map((q) => ({ ...q, builtIn: true })), ...evaluation.questions.filter((q) => !q.builtIn)],
  };
}

/** "14 december" in the card's language. */
function formatDay(iso: string, locale: string): string {
  return dateFormat(locale, { day: 'numeric', month: 'long' }).format(new Date(iso));
}
