/**
 * The results of a programme run's evaluations (issue 25): response rates per audience, and per
 * question the answers, the `before` phase beside the `after` one. Shown by `<samen-evaluation
 * view="teacher">` and by `<samen-programme-overview>`, both loading this module only for staff.
 *
 * No figure is shown for fewer answers than the larger of the backend's minimum group size and
 * Samen's own (DEFAULT_EVALUATION_MIN_GROUP_SIZE), whatever counts the backend sent, and never
 * the words of an open question.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import {
  AUDIENCES,
  DEFAULT_EVALUATION_MIN_GROUP_SIZE,
  PHASES,
  SCALE_VALUES,
  type EvaluationResults,
  type PhaseResult,
  type QuestionResult,
} from './schemas.js';
import type { EvaluationMessages } from './messages.js';
import { parseOrThrow } from '../core/parse.js';
import { evaluationResultsSchema } from './schemas.js';

// What `<samen-programme-overview>` needs when it loads this module on demand: the words, and the parse.
export { evaluationMessages } from './messages.js';

/** The results as the backend sent them, parsed (`invalid-data` when they do not fit). */
export function parseResults(raw: unknown): EvaluationResults {
  return parseOrThrow(evaluationResultsSchema, raw, 'evaluation');
}

/** The smallest group a figure may be about: the larger of the backend's and Samen's own. */
export function minimumOf(results: Pick<EvaluationResults, 'minimumGroupSize'>): number {
  return Math.max(results.minimumGroupSize, DEFAULT_EVALUATION_MIN_GROUP_SIZE);
}

/** A question's words: the widget's translation for a built-in one, else the school's. */
export function questionWords(
  m: EvaluationMessages,
  question: { questionId?: string; id?: string; text: string; builtIn?: boolean },
): string {
  const id = question.questionId ?? question.id ?? '';
  return question.builtIn && Object.prototype.hasOwnProperty.call(m.questions, id) ? m.questions[id]! : question.text;
}

/** What one phase says about one question, in words: counts, a share or an average; "too few" below the minimum. */
function cell(m: EvaluationMessages, locale: string, result: QuestionResult | undefined, minimum: number): TemplateResult {
  if (!result) return html`<span class="muted">–</span>`;
  if (result.kind === 'text') return html`<span class="muted">${m.openQuestion}</span>`;
  const total = result.counts?.reduce((sum, c) => sum + c.count, 0) ?? 0;
  if (!result.counts || total < minimum) return html`<span class="too-few">${m.tooFew}</span>`;
  const count = (value: string) => result.counts!.find((c) => c.value === value)?.count ?? 0;
  if (result.kind === 'yes-no') {
    return html`<span class="figure">${m.share(count('yes'), total, m.yes)}</span>`;
  }
  if (result.kind === 'scale') {
    const mean = result.average ?? SCALE_VALUES.reduce((sum, v) => sum + Number(v) * count(v), 0) / total;
    const shown = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(mean);
    return html`<span class="figure">${m.average(shown)}</span>`;
  }
  return html`<ul class="choices">
    ${result.counts.map(
      (c) => html`<li>${m.share(c.count, total, result.options?.find((o) => o.value === c.value)?.label ?? c.value)}</li>`,
    )}
  </ul>`;
}

/** The results as sections: response rates, then per audience the questions, phases side by side. */
export function renderResults(m: EvaluationMessages, locale: string, results: EvaluationResults, headingLevel: 3 | 4 = 3): TemplateResult {
  const minimum = minimumOf(results);
  const phases = PHASES.map((phase) => results.phases.find((p) => p.phase === phase)).filter((p): p is PhaseResult => !!p);
  if (!phases.length) return html`<p class="muted">${m.noResults}</p>`;
  const audiences = AUDIENCES.filter((a) => phases.some((p) => p.audiences.some((x) => x.audience === a)));
  const heading = (text: string) => (headingLevel === 3 ? html`<h3>${text}</h3>` : html`<h4>${text}</h4>`);
  const sub = (text: string) => (headingLevel === 3 ? html`<h4>${text}</h4>` : html`<h5>${text}</h5>`);
  return html`<div class="evaluation-results" part="results">
    ${heading(m.responses)}
    <!-- A table wider than a phone scrolls: its region takes focus, so the keyboard can scroll it too. -->
    <div class="table-wrap" role="region" aria-label=${m.responses} tabindex="0">
      <table class="rates">
        <thead>
          <tr>
            <td></td>
            ${phases.map((p) => html`<th scope="col">${m.phases[p.phase]}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${audiences.map(
            (audience) =>
              html`<tr>
                <th scope="row">${m.audiences[audience]}</th>
                ${phases.map((p) => {
                  const rate = p.audiences.find((a) => a.audience === audience);
                  return html`<td>${rate ? m.rate(rate.responded, rate.invited) : '–'}</td>`;
                })}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <p class="muted minimum">${m.minimum(minimum)}</p>
    ${audiences.map((audience) => {
      const ids = [...new Set(phases.flatMap((p) => p.questions.filter((q) => q.audience === audience).map((q) => q.questionId)))];
      if (!ids.length) return nothing;
      return html`<section class="audience-results">
        ${sub(m.audiences[audience])}
        <div class="table-wrap" role="region" aria-label=${m.audiences[audience]} tabindex="0">
          <table>
            <thead>
              <tr>
                <td></td>
                ${phases.map((p) => html`<th scope="col">${m.phases[p.phase]}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${ids.map((id) => {
                const first = phases.flatMap((p) => p.questions).find((q) => q.audience === audience && q.questionId === id)!;
                return html`<tr>
                  <th scope="row">
                    <span dir="auto">${questionWords(m, first)}</span>
                    ${first.builtIn === false ? html`<span class="own">(${m.ownQuestion})</span>` : nothing}
                  </th>
                  ${phases.map(
                    (p) =>
                      html`<td>
                        ${cell(
                          m,
                          locale,
                          p.questions.find((q) => q.audience === audience && q.questionId === id),
                          minimum,
                        )}
                      </td>`,
                  )}
                </tr>`;
              })}
            </tbody>
          </table>
        </div>
      </section>`;
    })}
  </div>`;
}

export const styles = css`
  .evaluation-results table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  .evaluation-results th,
  .evaluation-results td {
    text-align: start;
    vertical-align: top;
    padding: 0.4em 0.6em;
    border-block-end: 1px solid var(--_border);
  }
  .evaluation-results thead th {
    font-weight: 600;
  }
  .evaluation-results .table-wrap {
    overflow-x: auto;
    max-inline-size: 100%;
  }
  .evaluation-results .too-few,
  .evaluation-results .muted,
  .evaluation-results .own {
    color: var(--_muted);
  }
  .evaluation-results .own {
    font-weight: 400;
    font-size: 0.9em;
  }
  .evaluation-results .choices {
    margin: 0;
    padding-inline-start: 1.1em;
  }
`;
