/**
 * A school's hand-counted table as a programme overview (issue 25): the shape the WIsH study's
 * researchers kept (../shared/data/wish-reach-sample.json), per school, per class, per lesson clip
 * a list of counts or `null` where no clip was posted; a key like `"4/5"` is one clip of two
 * lessons. Any other school's table in that shape loads the same way.
 *
 * The counts are the clip's own (page views, likes, written reactions), never families: views
 * exceed a class's families. Which count is where is named by the school's key after its first
 * `_` (`school2_likes_views`: likes, then views); a key without it holds views, likes, reactions,
 * in that order, as the study's first school did. `fields` overrides both.
 */
import type { OverviewCell, ProgrammeOverview } from './schemas.js';

type Count = 'views' | 'likes' | 'reactions';
const COUNTS: readonly Count[] = ['views', 'likes', 'reactions'];

/** `{ school: { class: { lesson: counts | null } } }`, and any other top-level field (a `source` note) ignored. */
export type CountedTable = Record<string, unknown>;

export interface CountedTableOptions {
  programme: string;
  title?: string;
  /**
   * Families per class. The study's table does not count them ("~25 families of a class"), so
   * the default is 25: the group the minimum group size is checked against.
   */
  families?: number | ((classId: string) => number);
  /** The counts' order per school key, when its key does not say it. */
  fields?: Record<string, readonly Count[]>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The counts in a school's lists, from `fields`, its key, or the default order. */
function fieldsOf(key: string, fields: CountedTableOptions['fields']): readonly Count[] {
  const given = fields?.[key];
  if (given) return given;
  const named = key.split('_').slice(1);
  return named.length && named.every((n): n is Count => (COUNTS as readonly string[]).includes(n)) ? named : COUNTS;
}

/** `"3"` → `[3]`; `"4/5"` → `[4, 5]`; anything else → `undefined`. */
function lessonsOf(key: string): number[] | undefined {
  const numbers = key.split('/').map((n) => Number(n.trim()));
  return numbers.length && numbers.every((n) => Number.isInteger(n) && n >= 1) ? numbers : undefined;
}

/**
 * The overview of a counted table: a class per school and class (`school2-MA`, labelled
 * "school2 MA"), a cell per posted clip with its counts, no cell where the table says `null`.
 * The result is what a backend would send, and the widget parses it like any other.
 */
export function overviewFromCountedTable(table: CountedTable, options: CountedTableOptions): ProgrammeOverview {
  const classes: ProgrammeOverview['classes'] = [];
  let last = 0;
  for (const [schoolKey, school] of Object.entries(table)) {
    if (!isRecord(school)) continue;
    const fields = fieldsOf(schoolKey, options.fields);
    const schoolName = schoolKey.split('_')[0]!;
    for (const [classKey, lessons] of Object.entries(school)) {
      if (!isRecord(lessons)) continue;
      const classId = `${schoolName}-${classKey}`;
      const cells: OverviewCell[] = [];
      for (const [lessonKey, counts] of Object.entries(lessons)) {
        const numbers = lessonsOf(lessonKey);
        if (!numbers) continue;
        last = Math.max(last, ...numbers);
        if (!Array.isArray(counts)) continue; // null: no clip posted for this lesson
        const cell: OverviewCell = { lessons: numbers };
        fields.forEach((field, i) => {
          const value: unknown = counts[i];
          if (typeof value === 'number' && Number.isInteger(value) && value >= 0) cell[field] = value;
        });
        cells.push(cell);
      }
      const families = typeof options.families === 'function' ? options.families(classId) : (options.families ?? 25);
      classes.push({ classId, label: `${schoolName} ${classKey}`, families, cells });
    }
  }
  return {
    programme: options.programme,
    ...(options.title ? { title: options.title } : {}),
    lessons: Array.from({ length: last }, (_, i) => ({ number: i + 1 })),
    classes,
  };
}
