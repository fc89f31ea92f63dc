/**
 * The programme overview's rules, without a DOM (issue 25): which measures a backend gave, the
 * lesson × class table with its gaps and combined clips, the minimum group size, the chart's
 * geometry, and the CSV and SVG exports. The element only draws what these return.
 */
import {
  COUNT_MEASURES,
  DEFAULT_MIN_GROUP_SIZE,
  FAMILY_MEASURES,
  type FamilyMeasure,
  type Measure,
  type OverviewCell,
  type OverviewClass,
  type ProgrammeOverview,
} from './schemas.js';

/** The minimum a figure's group must reach: the element's (at least the default) and the backend's, whichever is larger. */
export function effectiveMinimum(requested: number | undefined, backend: number | undefined): number {
  const own =
    requested !== undefined && Number.isFinite(requested) ? Math.max(DEFAULT_MIN_GROUP_SIZE, Math.ceil(requested)) : DEFAULT_MIN_GROUP_SIZE;
  return Math.max(own, backend ?? 0);
}

/** `households-seen` → `seen` and `households`; `views` → a count. */
export function measureKind(measure: Measure): { kind: 'families' | 'households' | 'count'; base: FamilyMeasure | undefined } {
  if (measure.startsWith('households-')) return { kind: 'households', base: measure.slice('households-'.length) as FamilyMeasure };
  if ((FAMILY_MEASURES as readonly string[]).includes(measure)) return { kind: 'families', base: measure as FamilyMeasure };
  return { kind: 'count', base: undefined };
}

/** The raw figure of `measure` in a cell, or `undefined` when the backend did not give it. */
export function rawValue(cell: OverviewCell, measure: Measure): number | undefined {
  const { kind, base } = measureKind(measure);
  if (kind === 'families') return cell.families?.[base!];
  if (kind === 'households') return cell.households?.[base!];
  return cell[measure as (typeof COUNT_MEASURES)[number]];
}

/** The measures the backend gave anywhere, in a fixed order: families, households, then the clip's counts. */
export function measuresOf(overview: ProgrammeOverview): Measure[] {
  const all: Measure[] = [...FAMILY_MEASURES, ...FAMILY_MEASURES.map((m) => `households-${m}` as const), ...COUNT_MEASURES];
  return all.filter((measure) => overview.classes.some((c) => c.cells.some((cell) => rawValue(cell, measure) !== undefined)));
}

/** What a cell shows: a share of a group, a count, too small a group, not given, or not posted. */
export type Figure =
  | { kind: 'share'; count: number; of: number; fraction: number }
  | { kind: 'count'; value: number }
  | { kind: 'too-few' }
  | { kind: 'unknown' };

export type Segment =
  { kind: 'posted'; lessons: number[]; span: number; cell: OverviewCell; figure: Figure } | { kind: 'gap'; lessons: [number]; span: 1 };

export interface Row {
  cls: OverviewClass;
  segments: Segment[];
}

/** The group a measure of `cls` is about: its families, or its households (unknown: `undefined`). */
export function groupOf(cls: OverviewClass, measure: Measure): number | undefined {
  return measureKind(measure).kind === 'households' ? cls.households : cls.families;
}

/**
 * The figure of `measure` in `cell`. No figure at all for a group under `minimum` (every figure of
 * a class of four families would be about one of them); a share never above its group.
 */
export function figureOf(cls: OverviewClass, cell: OverviewCell, measure: Measure, minimum: number): Figure {
  // A class of fewer families than the minimum shows nothing, its households (more addresses, the same families) neither.
  if (cls.families < minimum) return { kind: 'too-few' };
  const group = groupOf(cls, measure);
  if (group === undefined) return { kind: 'unknown' };
  if (group < minimum) return { kind: 'too-few' };
  const value = rawValue(cell, measure);
  if (value === undefined) return { kind: 'unknown' };
  if (measureKind(measure).kind === 'count') return { kind: 'count', value };
  const count = Math.min(value, group);
  return { kind: 'share', count, of: group, fraction: group ? count / group : 0 };
}

/** The table's columns: the run's lessons and any lesson a clip names, in order. */
export function lessonColumns(overview: ProgrammeOverview): number[] {
  const numbers = new Set(overview.lessons.map((l) => l.number));
  for (const cls of overview.classes) for (const cell of cls.cells) for (const n of cell.lessons) numbers.add(n);
  return [...numbers].sort((a, b) => a - b);
}

/**
 * The rows of the lesson × class table for `measure`: per class, its posted clips (a clip of
 * lessons 4 and 5 spans both columns) and a gap for each lesson without a clip. A clip that
 * names a lesson another clip of the class already covers is left out (the first one counts).
 */
export function tableRows(overview: ProgrammeOverview, measure: Measure, minimum: number): Row[] {
  const columns = lessonColumns(overview);
  return overview.classes.map((cls) => {
    const byFirst = new Map<number, OverviewCell>();
    const covered = new Set<number>();
    for (const cell of cls.cells) {
      const lessons = [...cell.lessons].sort((a, b) => a - b);
      if (lessons.some((n) => covered.has(n))) continue;
      // Only lessons next to each other in the table can share a cell.
      const start = columns.indexOf(lessons[0]!);
      if (lessons.some((n, i) => columns[start + i] !== n)) continue;
      lessons.forEach((n) => covered.add(n));
      byFirst.set(lessons[0]!, { ...cell, lessons });
    }
    const segments: Segment[] = [];
    for (let i = 0; i < columns.length;) {
      const lesson = columns[i]!;
      const cell = byFirst.get(lesson);
      if (cell) {
        segments.push({
          kind: 'posted',
          lessons: cell.lessons,
          span: cell.lessons.length,
          cell,
          figure: figureOf(cls, cell, measure, minimum),
        });
        i += cell.lessons.length;
      } else {
        segments.push({ kind: 'gap', lessons: [lesson], span: 1 });
        i += 1;
      }
    }
    return { cls, segments };
  });
}

/** The number a figure stands for on a chart (a share as 0–100), or `null` where there is none. */
export function chartValue(figure: Figure | undefined): number | null {
  if (!figure) return null;
  if (figure.kind === 'share') return Math.round(figure.fraction * 1000) / 10;
  if (figure.kind === 'count') return figure.value;
  return null;
}

export interface ChartGeometry {
  width: number;
  height: number;
  /** One point per posted lesson with a figure, at the middle of its columns. */
  points: { x: number; y: number; value: number; lessons: number[] }[];
  /** The line through the points, broken where a lesson has no figure. */
  paths: string[];
}

export const CHART_WIDTH = 240;
export const CHART_HEIGHT = 72;
const PAD = 8;

/** Where a class's points lie: x by lesson column, y by value on a scale up to `max` (100 for shares). */
export function chartGeometry(row: Row, columns: readonly number[], max: number): ChartGeometry {
  const step = columns.length > 1 ? (CHART_WIDTH - 2 * PAD) / (columns.length - 1) : 0;
  const top = max > 0 ? max : 1;
  const points: ChartGeometry['points'] = [];
  const paths: string[] = [];
  let run: string[] = [];
  for (const segment of row.segments) {
    const value = segment.kind === 'posted' ? chartValue(segment.figure) : null;
    if (value === null) {
      if (run.length) paths.push(run.join(' '));
      run = [];
      continue;
    }
    const first = columns.indexOf(segment.lessons[0]);
    const middle = first + (segment.span - 1) / 2;
    const x = round(PAD + middle * step + (columns.length > 1 ? 0 : (CHART_WIDTH - 2 * PAD) / 2));
    const y = round(CHART_HEIGHT - PAD - (Math.min(value, top) / top) * (CHART_HEIGHT - 2 * PAD));
    points.push({ x, y, value, lessons: segment.lessons });
    run.push(`${run.length ? 'L' : 'M'}${x} ${y}`);
  }
  if (run.length) paths.push(run.join(' '));
  return { width: CHART_WIDTH, height: CHART_HEIGHT, points, paths };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The top of the charts' shared scale: 100 for shares, else the largest count of any class (so classes compare). */
export function chartMax(rows: readonly Row[], measure: Measure): number {
  if (measureKind(measure).kind !== 'count') return 100;
  let max = 0;
  for (const row of rows) for (const s of row.segments) max = Math.max(max, chartValue(s.kind === 'posted' ? s.figure : undefined) ?? 0);
  return max;
}

// ---------------------------------------------------------------------------- export

/** The words an export needs (from the widget's messages). */
export interface ExportWords {
  cls: string;
  lessons: string;
  posted: string;
  families: string;
  households: string;
  measure: (measure: Measure) => string;
  percentOf: (label: string) => string;
  notPosted: string;
  tooFew: string;
  lessonList: (lessons: readonly number[]) => string;
}

/**
 * One CSV field: quoted when it holds a separator, quote or line break; a field that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a `'` in front.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The table as CSV, every measure the backend gave: one line per class and posted clip (or gap),
 * a count and, for families and households, the share in percent. A figure about a group under
 * the minimum is the words "te weinig gezinnen", never a number.
 */
export function overviewCsv(overview: ProgrammeOverview, minimum: number, words: ExportWords): string {
  const measures = measuresOf(overview);
  const header = [words.cls, words.lessons, words.posted, words.families, words.households];
  for (const m of measures) {
    header.push(words.measure(m));
    if (measureKind(m).kind !== 'count') header.push(words.percentOf(words.measure(m)));
  }
  const lines: (string | number)[][] = [header];
  const rowsByMeasure = measures.map((m) => tableRows(overview, m, minimum));
  const base = measures.length ? rowsByMeasure[0]! : tableRows(overview, 'seen', minimum);
  base.forEach((row, r) => {
    row.segments.forEach((segment, s) => {
      const small = row.cls.families < minimum;
      const line: (string | number)[] = [
        row.cls.label,
        words.lessonList(segment.lessons),
        segment.kind === 'posted' ? (segment.cell.postedAt?.slice(0, 10) ?? '') : '',
        small ? words.tooFew : row.cls.families,
        row.cls.households === undefined ? '' : small || row.cls.households < minimum ? words.tooFew : row.cls.households,
      ];
      measures.forEach((m, i) => {
        const seg = rowsByMeasure[i]![r]!.segments[s]!;
        const share = measureKind(m).kind !== 'count';
        if (seg.kind === 'gap') line.push(words.notPosted, ...(share ? [''] : []));
        else if (seg.figure.kind === 'too-few') line.push(words.tooFew, ...(share ? [''] : []));
        else if (seg.figure.kind === 'unknown') line.push('', ...(share ? [''] : []));
        else if (seg.figure.kind === 'count') line.push(seg.figure.value);
        else line.push(seg.figure.count, Math.round(seg.figure.fraction * 100));
      });
      lines.push(line);
    });
  });
  // A byte-order mark, so a spreadsheet reads "é" and "’" in the school's names right.
  return '\ufeff' + lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Every class's chart of `measure` in one SVG file (for the school's report): the class's name,
 * its line and points, lessons without a figure left open. Plain SVG, no script, no links.
 */
export function chartsSvg(
  rows: readonly Row[],
  columns: readonly number[],
  measure: Measure,
  title: string,
  labelOf: (row: Row) => string,
): string {
  const max = chartMax(rows, measure);
  const rowHeight = CHART_HEIGHT + 28;
  const height = rows.length * rowHeight + 32;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH + 16}" height="${height}" viewBox="0 0 ${CHART_WIDTH + 16} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<text x="8" y="18" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  rows.forEach((row, i) => {
    const g = chartGeometry(row, columns, max);
    const top = 32 + i * rowHeight;
    parts.push(`<g transform="translate(8 ${top})">`);
    parts.push(`<text x="0" y="12">${escapeXml(labelOf(row))}</text>`);
    parts.push(`<g transform="translate(0 18)"><rect width="${g.width}" height="${g.height}" fill="none" stroke="#c9d0da"/>`);
    for (const d of g.paths) parts.push(`<path d="${d}" fill="none" stroke="#1a6b58" stroke-width="2"/>`);
    for (const p of g.points) parts.push(`<circle cx="${p.x}" cy="${p.y}" r="3" fill="#1a6b58"><title>${p.value}</title></circle>`);
    parts.push('</g></g>');
  });
  parts.push('</svg>');
  return parts.join('');
}
