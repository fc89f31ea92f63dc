import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { SamenError, toSamenError } from '../core/errors.js';
import { dateFormat } from '../core/i18n.js';
import { inLanguage } from '../core/in-language.js';
import { parseOrThrow } from '../core/parse.js';
import type { Viewer } from '../core/schemas.js';
import { SamenElement } from '../core/samen-element.js';
import type { EvaluationPort, SamenTopic } from '../core/adapter.js';
import { LazyView } from '../core/lazy-view.js';
import type { EvaluationResults } from '../evaluation/schemas.js';
import { overviewMessages, type OverviewMessages } from './messages.js';
import { overviewStyles } from './programme-overview.styles.js';
import {
  chartGeometry,
  chartMax,
  chartsSvg,
  effectiveMinimum,
  lessonColumns,
  measureKind,
  measuresOf,
  overviewCsv,
  tableRows,
  type ExportWords,
  type Figure,
  type Row,
  type Segment,
} from './overview-table.js';
import {
  DEFAULT_MIN_GROUP_SIZE,
  programmeOverviewSchema,
  unreachedFamiliesSchema,
  type Measure,
  type OverviewClass,
  type ProgrammeOverview,
  type ProgrammeOverviewQuery,
  type UnreachedFamilies,
} from './schemas.js';

interface OverviewData {
  overview: ProgrammeOverview;
  viewer: Viewer;
  /** The teacher's own classes only: families no clip of the run reached. */
  unreached: UnreachedFamilies[];
  /** The run's evaluation results (issue 25), when the adapter has them; `failed` when they could not be read. */
  evaluation?: EvaluationResults | 'failed';
}

/** Roles that may read the overview (the policy's `overview.read`); anyone else gets the forbidden state. */
const STAFF: readonly string[] = ['teacher', 'care-coordinator', 'school-leader'];

/**
 * How a programme run went across its lessons and classes (issue 25): per class and posted lesson,
 * the share of families (and households) that saw it, talked about it at home, answered and
 * reacted, or the clip's own counts (views, likes, reactions); lessons not posted as gaps, the
 * posting date so each class's rhythm shows, a clip of two lessons as one cell over both. A small
 * chart per class shows the trend, with the table as its accessible twin. The table exports as
 * CSV and the charts as SVG. No figure about fewer families than `min-group-size`. For a
 * teacher, a care coordinator (IB'er) or the school leader; the families a run never reached
 * are listed only for the class's own teacher.
 *
 * @summary A programme run's lessons × classes: reach per lesson, trend charts, CSV and SVG export.
 * @tagname samen-programme-overview
 *
 * @fires {CustomEvent<SamenErrorDetail>} samen-error - Loading failed, or the data was not valid.
 *
 * @csspart base - The card.
 * @csspart measures - The choice of what the table and charts show.
 * @csspart table - The lesson × class table.
 * @csspart after-heading - The heading "Na de laatste les" of the list below the table, when a class has follow-up posts or repeat lessons (issue 26).
 * @csspart follow-ups - A class's follow-up posts and repeat lessons after the run, in that list.
 * @csspart charts - The list of charts, one per class.
 * @csspart chart - Each class's chart (SVG).
 * @csspart export-csv - The link that downloads the table as CSV.
 * @csspart export-svg - The link that downloads the charts as SVG.
 * @csspart unreached - The teacher's list of families not reached yet (closed at first).
 * @csspart evaluation - The run's evaluation results: response rates and answers (when the adapter has `getEvaluationResults`).
 * @csspart results - The results inside it.
 * @csspart error - The error state.
 * @csspart retry - The retry button in the error state.
 *
 * @cssprop [--samen-color-surface=#ffffff] - Background of the card. Dark: `#1b1f27`.
 * @cssprop [--samen-color-surface-raised=#f3f5f8] - Background of the gaps. Dark: `#252a34`.
 * @cssprop [--samen-color-text=#1d2430] - Text colour. Dark: `#eef1f5`.
 * @cssprop [--samen-color-muted=#4f5a69] - Secondary text colour. Dark: `#b3bcc9`.
 * @cssprop [--samen-color-border=#c9d0da] - Borders and the table's lines. Dark: `#444c5a`.
 * @cssprop [--samen-color-accent=#1a6b58] - The chosen measure and the charts' lines. Dark: `#7fdcc3`.
 * @cssprop [--samen-color-on-accent=#ffffff] - Text on the accent colour (the shared primary-button style). Dark: `#0d1f1a`.
 * @cssprop [--samen-color-danger=#b3261e] - Error accents. Dark: `#ff9c92`.
 * @cssprop [--samen-color-focus=#1558b0] - Focus ring. Dark: `#9ecbff`.
 * @cssprop [--samen-radius=12px] - Corner radius.
 * @cssprop [--samen-space=16px] - Base spacing.
 * @cssprop [--samen-font-family=inherit] - Font; inherits the host app's by default.
 * @cssprop [--samen-touch-target=44px] - Minimum size of the choices and links.
 * @cssprop [--samen-placeholder-height=auto] - Height of the card while it loads, or while it waits below the fold (`loading="lazy"`).
 */
export class SamenProgrammeOverview extends SamenElement {
  protected override messageSections = [overviewMessages];

  private get m(): OverviewMessages {
    return overviewMessages.get(this.resolvedLocale);
  }

  static override styles = [...SamenElement.styles, overviewStyles];

  /** The programme of the run (`wish`, `kanjer`, `pbs`, or the host's own id). */
  @property() programme = '';

  /** A run's id, when the host has runs (then `programme` may be left out). */
  @property({ attribute: 'programme-run-id' }) programmeRunId = '';

  /** The school year of the run (`2026-2027`), when the host keeps several. */
  @property({ attribute: 'school-year' }) schoolYear = '';

  /** Only these classes, space-separated; default: every class the viewer may see. */
  @property({ attribute: 'class-ids' }) classIds = '';

  /**
   * The smallest group of families a figure may be about (default 5): a class with fewer shows
   * "te weinig gezinnen" instead. It can be raised, never lowered below 5 (nor below the backend's).
   */
  @property({ type: Number, attribute: 'min-group-size' }) minGroupSize = DEFAULT_MIN_GROUP_SIZE;

  /** What the table and charts show; the first measure the backend gave until the user picks one. */
  @state() private measure?: Measure;

  /** The download links' blob: URLs, made again when what they hold changes and revoked then. */
  private exports?: { key: string; csv: string; svg: string };

  /** The evaluation results' view (issue 25), loaded only when the adapter has them: staff pages only. */
  private readonly evaluationView = new LazyView(
    this,
    () => import('../evaluation/results-view.js'),
    (error) => this.reportError(error, false),
  );

  private readonly loader = this.useData({
    port: 'overview',
    // Its render formats dates or numbers with Intl: Intl's first format is made while the reads are out.
    formatsWithIntl: () => true,
    args: () => [this.programme, this.programmeRunId, this.schoolYear, this.classIds] as const,
    load: async ({ adapter, viewer, args: [programme, runId, schoolYear, classIds], signal, report }): Promise<OverviewData> => {
      if (!programme && !runId) throw new SamenError('invalid-data', 'missing programme', [{ path: 'programme', message: 'required' }]);
      const query: ProgrammeOverviewQuery = {
        ...(runId ? { programmeRunId: runId } : {}),
        ...(programme ? { programme } : {}),
        ...(schoolYear ? { schoolYear } : {}),
        ...(classIds.trim() ? { classIds: classIds.trim().split(/\s+/) } : {}),
      };
      const [who, raw] = await Promise.all([viewer, adapter.getProgrammeOverview(query, { signal })]);
      // Whatever the adapter sends: a parent or child never sees the overview.
      if (!STAFF.includes(who.role)) throw new SamenError('forbidden', 'the overview is for staff');
      const overview = parseOrThrow(programmeOverviewSchema, raw, 'overview');
      // The names of families not reached: the class's own teacher only, and only for their classes.
      const own = who.role === 'teacher' ? overview.classes.filter((c) => who.classIds?.includes(c.classId)) : [];
      const unreached: UnreachedFamilies[] = [];
      if (own.length && typeof adapter.getUnreachedFamilies === 'function') {
        const read = adapter.getUnreachedFamilies.bind(adapter);
        const lists = await Promise.all(
          own.map((c) =>
            read({ ...query, classId: c.classId }, { signal }).then(
              (list) => parseOrThrow(unreachedFamiliesSchema, list, 'unreached'),
              (error: unknown) => {
                // The overview still shows; the list is left out (a backend may keep names to itself).
                const e = toSamenError(error);
                if (e.kind === 'unavailable' || e.kind === 'offline') throw e;
                report([{ path: 'unreached', message: e.kind }], 'families not reached left out');
                return undefined;
              },
            ),
          ),
        );
        for (const list of lists) if (list && list.classId) unreached.push(list);
      }
      const evaluation = await this.loadEvaluation(
        (adapter as EvaluationPort).getEvaluationResults?.bind(adapter),
        runId || programme,
        signal,
        report,
      );
      return { overview, viewer: who, unreached, ...(evaluation ? { evaluation } : {}) };
    },
    topics: ({ overview, evaluation }) => [
      ...overview.classes.flatMap((c) =>
        c.cells.flatMap((cell): SamenTopic[] => (cell.clipId ? [`clip:${cell.clipId}`, `reactions:${cell.clipId}`] : [])),
      ),
      ...(evaluation && evaluation !== 'failed'
        ? evaluation.phases.flatMap((p): SamenTopic[] => (p.evaluationId ? [`evaluation:${p.evaluationId}`] : []))
        : []),
    ],
  });

  /**
   * The run's evaluation results (issue 25): none without the method, or when the run has no
   * evaluation (`not-found`) or the viewer may not read them; `failed` for a read that failed.
   */
  private async loadEvaluation(
    read: ((query: { programmeRunId: string }, options?: { signal?: AbortSignal }) => Promise<unknown>) | undefined,
    runId: string,
    signal: AbortSignal,
    report: (issues: { path: string; message: string }[], message: string) => void,
  ): Promise<EvaluationResults | 'failed' | undefined> {
    if (!read || !runId) return undefined;
    try {
      const [raw] = await Promise.all([read({ programmeRunId: runId }, { signal }), this.evaluationView.settled()]);
      const view = this.evaluationView.module;
      if (!view) return 'failed';
      await view.evaluationMessages.load(this.resolvedLocale);
      return view.parseResults(raw);
    } catch (error) {
      const e = toSamenError(error);
      if (e.kind === 'not-found' || e.kind === 'forbidden') return undefined;
      report([{ path: 'evaluation', message: e.kind }], 'evaluation results left out');
      return 'failed';
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.revokeExports();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const data = this.loader.value;
    if (data && this.loader.current) this.prepareExports(data.overview);
  }

  private get minimum(): number {
    return effectiveMinimum(this.minGroupSize, this.loader.value?.overview.minGroupSize);
  }

  private measureFor(overview: ProgrammeOverview): Measure | undefined {
    const measures = measuresOf(overview);
    return this.measure && measures.includes(this.measure) ? this.measure : measures[0];
  }

  // ------------------------------------------------------------------ export

  private exportWords(): ExportWords {
    const m = this.m;
    return {
      cls: m.cls,
      lessons: m.lessonsColumn,
      posted: m.postedColumn,
      families: m.families,
      households: m.households,
      measure: (measure) => m.measures[measure],
      percentOf: m.percentOf,
      notPosted: m.notPosted,
      tooFew: m.tooFew,
      lessonList: (lessons) => lessons.join('+'),
    };
  }

  /** Makes the CSV and SVG files' blob: URLs when the data, the measure, the language or the minimum changed. */
  private prepareExports(overview: ProgrammeOverview): void {
    const measure = this.measureFor(overview);
    const key = `${this.resolvedLocale}|${measure}|${this.minimum}`;
    if (this.exports && this.exports.key === key && this.exportsFor === overview) return;
    this.revokeExports();
    const csv = overviewCsv(overview, this.minimum, this.exportWords());
    const rows = measure ? tableRows(overview, measure, this.minimum) : [];
    const title = `${this.m.heading(overview.title ?? overview.programme)} — ${measure ? this.m.measures[measure] : ''}`;
    const chart = measure ? chartsSvg(rows, lessonColumns(overview), measure, title, (row) => row.cls.label) : '';
    this.exports = {
      key,
      csv: URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' })),
      svg: URL.createObjectURL(new Blob([chart], { type: 'image/svg+xml' })),
    };
    this.exportsFor = overview;
  }

  private exportsFor?: ProgrammeOverview;

  private revokeExports(): void {
    if (!this.exports) return;
    URL.revokeObjectURL(this.exports.csv);
    URL.revokeObjectURL(this.exports.svg);
    this.exports = undefined;
  }

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    return this.renderData(this.loader, (data) => this.renderOverview(data));
  }

  /** The run's evaluation results, under the table (issue 25). */
  private renderEvaluation(evaluation: EvaluationResults | 'failed'): TemplateResult | typeof nothing {
    const view = this.evaluationView.module;
    if (!view) return nothing;
    const em = view.evaluationMessages.get(this.resolvedLocale);
    return html`<section part="evaluation" class="evaluation" aria-labelledby="evaluation-heading">
      <h3 id="evaluation-heading">${em.results}</h3>
      ${evaluation === 'failed' ? html`<p class="note">${em.resultsFailed}</p>` : view.renderResults(em, this.resolvedLocale, evaluation, 4)}
    </section>`;
  }

  private renderOverview({ overview, unreached, evaluation }: OverviewData): TemplateResult {
    const m = this.m;
    const measure = this.measureFor(overview);
    const name = overview.title ?? overview.programme;
    return html`<section part="base" class="card overview" aria-labelledby="heading" lang=${this.resolvedLocale} dir=${this.languageDir}>
      <h2 id="heading">${m.heading(name)}</h2>
      ${overview.schoolYear ? html`<p class="year" ${inLanguage(this.schoolText())}>${overview.schoolYear}</p>` : nothing}
      ${!overview.classes.length || !measure ? html`<p>${m.noClasses}</p>` : this.renderMeasured(overview, measure)}
      ${evaluation ? this.renderEvaluation(evaluation) : nothing}
      ${unreached.length ? this.renderUnreached(overview, unreached) : nothing}
    </section>`;
  }

  private renderMeasured(overview: ProgrammeOverview, measure: Measure): TemplateResult {
    const m = this.m;
    const minimum = this.minimum;
    const rows = tableRows(overview, measure, minimum);
    const columns = lessonColumns(overview);
    const kind = measureKind(measure).kind;
    // After the run (issue 26): each class's follow-up posts and repeat lessons, in a list below the
    // table (a column would widen the table past a phone's screen and split its words).
    const after = rows.filter((row) => row.cls.followUps?.length);
    return html`${this.renderMeasures(overview, measure)}
      <p class="note" id="note">${m.measureNote[kind]}</p>
      <div class="table-wrap" role="region" aria-labelledby="caption" tabindex="0">
        <table part="table" aria-describedby="note">
          <caption id="caption">${m.caption(m.measures[measure], minimum)}</caption>
          <thead>
            <tr>
              <th scope="col">${m.cls}</th>
              ${columns.map((n) => html`<th scope="col">${m.lesson(n)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${rows.map((row) => this.renderRow(row, measure))}
          </tbody>
        </table>
      </div>
      ${
        after.length
          ? html`<section class="after" aria-labelledby="after-heading">
              <h3 id="after-heading" part="after-heading">${m.afterColumn}</h3>
              <ul class="after-classes">
                ${after.map(
                  (row) =>
                    html`<li data-class=${row.cls.classId}>
                      <span class="after-class" ${inLanguage(this.schoolText())}>${row.cls.label}</span> ${this.renderFollowUps(row.cls)}
                    </li>`,
                )}
              </ul>
            </section>`
          : nothing
      }
      ${this.renderCharts(rows, columns, measure)}
      ${this.renderExports(overview)}`;
  }

  private renderMeasures(overview: ProgrammeOverview, chosen: Measure): TemplateResult {
    const m = this.m;
    return html`<fieldset part="measures">
      <legend>${m.show}</legend>
      <div class="measures">
        ${measuresOf(overview).map(
          (measure) => html`<label>
            <input
              type="radio"
              name="measure"
              value=${measure}
              .checked=${measure === chosen}
              @change=${() => (this.measure = measure)}
            />${m.measures[measure]}
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private renderRow(row: Row, measure: Measure): TemplateResult {
    const m = this.m;
    const small = row.cls.families < this.minimum;
    return html`<tr>
      <th scope="row">
        <span ${inLanguage(this.schoolText())}>${row.cls.label}</span>
        <span class="families">${small ? m.tooFew : m.familiesCount(row.cls.families)}</span>
      </th>
      ${row.segments.map((segment) => this.renderCell(segment, measure))}
    </tr>`;
  }

  /** A class's follow-up posts and repeat lessons after the run (issue 26): what, where (a repeat in another class) and when. */
  private renderFollowUps(cls: OverviewClass): TemplateResult {
    const m = this.m;
    const items = cls.followUps ?? [];
    return html`<ul part="follow-ups" class="follow-ups">
        ${items.map((item) => {
          const what =
            item.kind === 'follow-up'
              ? m.followUp(item.lessonNumber)
              : item.classLabel || item.classId
                ? m.repeatIn(item.lessonNumber, item.classLabel ?? item.classId!)
                : m.repeat(item.lessonNumber);
          const at = item.scheduledAt ?? item.postedAt;
          return html`<li class="follow-up ${item.kind}">
            <span>${what}</span>
            ${at ? html`<time datetime=${at}>${item.scheduledAt ? m.plannedOn(this.date(at)) : this.date(at)}</time>` : nothing}
          </li>`;
        })}
    </ul>`;
  }

  private renderCell(segment: Segment, measure: Measure): TemplateResult {
    const m = this.m;
    if (segment.kind === 'gap')
      return html`<td class="gap" data-lessons=${segment.lessons.join(' ')}>
        <span aria-hidden="true">—</span><span class="visually-hidden">${m.notPosted}</span>
      </td>`;
    const posted = segment.cell.postedAt;
    return html`<td
      colspan=${segment.span > 1 ? segment.span : nothing}
      class=${segment.span > 1 ? 'combined' : ''}
      data-lessons=${segment.lessons.join(' ')}
    >
      ${segment.span > 1 ? html`<span class="visually-hidden">${m.lessonsOf(segment.lessons[0]!, segment.lessons[segment.lessons.length - 1]!)}:</span>` : nothing}
      ${this.renderFigure(segment.figure, measure)}
      ${posted ? html`<time datetime=${posted}>${this.date(posted)}</time>` : nothing}
    </td>`;
  }

  private renderFigure(figure: Figure, measure: Measure): TemplateResult {
    const m = this.m;
    switch (figure.kind) {
      case 'too-few':
        return html`<span class="too-few">${m.tooFew}</span>`;
      case 'unknown':
        return html`<span class="unknown">${m.unknown}</span>`;
      case 'count':
        return html`<span class="figure">${this.number(figure.value)}</span>`;
      case 'share': {
        const words = measureKind(measure).kind === 'households' ? m.shareOfHouseholds : m.shareOfFamilies;
        return html`<span class="figure">${this.percent(figure.fraction)}</span
          ><span class="visually-hidden">${words(figure.count, figure.of)}</span>`;
      }
    }
  }

  private renderCharts(rows: readonly Row[], columns: readonly number[], measure: Measure): TemplateResult {
    const m = this.m;
    const max = chartMax(rows, measure);
    return html`<section class="charts-section" aria-labelledby="charts-heading">
      <h3 id="charts-heading">${m.chartsHeading}</h3>
      <ul class="charts" part="charts">
        ${rows.map((row) => {
          const g = chartGeometry(row, columns, max);
          return html`<li>
            <span ${inLanguage(this.schoolText())}>${row.cls.label}</span>
            <svg
              part="chart"
              class="chart"
              viewBox="0 0 ${g.width} ${g.height}"
              width=${g.width}
              height=${g.height}
              role="img"
              aria-label=${m.chartLabel(row.cls.label, m.measures[measure])}
            >
              ${svg`<rect class="frame" x="0.5" y="0.5" width=${g.width - 1} height=${g.height - 1} rx="4"></rect>`}
              ${g.paths.map((d) => svg`<path class="line" d=${d}></path>`)}
              ${g.points.map((p) => svg`<circle class="dot" cx=${p.x} cy=${p.y} r="3"></circle>`)}
            </svg>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private renderExports(overview: ProgrammeOverview): TemplateResult | typeof nothing {
    const files = this.exports;
    if (!files) return nothing;
    // Letters of any script stay (an Arabic name); what a file system refuses becomes a dash.
    const name = `${this.m.fileName}-${overview.programme}`.replace(/[\\/:*?"<>|\s\p{Cc}]+/gu, '-');
    return html`<div class="exports">
      <a part="export-csv" href=${files.csv} download="${name}.csv">${this.m.exportCsv}</a>
      <a part="export-svg" href=${files.svg} download="${name}.svg">${this.m.exportSvg}</a>
    </div>`;
  }

  private renderUnreached(overview: ProgrammeOverview, lists: readonly UnreachedFamilies[]): TemplateResult {
    const m = this.m;
    const total = lists.reduce((n, l) => n + l.families.length, 0);
    const labelOf = (classId: string) => overview.classes.find((c) => c.classId === classId)?.label ?? classId;
    return html`<details part="unreached">
      <summary>${m.unreachedHeading} (${this.number(total)})</summary>
      <p class="note">${total ? m.unreachedNote : m.unreachedNone}</p>
      ${lists
        .filter((l) => l.families.length)
        .map(
          (l) => html`<p><strong>${m.unreachedIn(labelOf(l.classId), l.families.length)}</strong></p>
            <ul>
              ${l.families.map((f) => html`<li ${inLanguage(this.familyText())}>${f.name}</li>`)}
            </ul>`,
        )}
    </details>`;
  }

  // ------------------------------------------------------------------ numbers and dates

  private number(n: number): string {
    return formatter(this.resolvedLocale, 'number').format(n);
  }

  private percent(fraction: number): string {
    return formatter(this.resolvedLocale, 'percent').format(fraction);
  }

  private date(iso: string): string {
    const at = new Date(iso);
    return Number.isNaN(at.getTime()) ? '' : formatter(this.resolvedLocale, 'date').format(at);
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, kind: 'number' | 'percent' | 'date'): { format(value: number | Date): string } {
  if (kind === 'date') return dateFormat(locale, { day: 'numeric', month: 'short' });
  const key = `${locale}|${kind}`;
  let f = numberFormats.get(key);
  if (!f)
    numberFormats.set(key, (f = new Intl.NumberFormat(locale, kind === 'percent' ? { style: 'percent', maximumFractionDigits: 0 } : {})));
  return f;
}
