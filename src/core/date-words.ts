/**
 * Dates in Dutch and English, written out: word for word what the browser's
 * `Intl.RelativeTimeFormat` and numeric `Intl.DateTimeFormat` say in these two languages
 * (test/core/date-words.test.ts compares them for every unit and count a card can show).
 *
 * Why not just Intl: the first number or date format a page makes costs the browser ~50 ms on
 * a laptop and ~200 ms on a slow phone (V8 gathers the languages ICU has, once per page, before
 * its first `NumberFormat`, `DateTimeFormat` or `RelativeTimeFormat`). A lesson clip's header
 * shows a date, so on a parent's phone that cost came between the first reads' answers and the
 * first card (issue 23). With these words a Dutch or English card makes no format at all. Any
 * other language, and anything outside these words (a count of 1,000 or more, a year before
 * 1000 or after 9999), still goes to Intl: this is a shortcut, not a translation table.
 */

export type RelativeUnit = 'year' | 'month' | 'day' | 'hour' | 'minute';

export interface DateWords {
  /** As `new Intl.RelativeTimeFormat(lang, { numeric: unit === 'day' ? 'auto' : 'always' }).format(value, unit)`, or undefined where Intl must say it. */
  relative(value: number, unit: RelativeUnit): string | undefined;
  /** As `new Intl.DateTimeFormat(lang, { year, month, day: 'numeric' }).format(date)`, or undefined. */
  numeric(date: Date): string | undefined;
}

/** [one, other] for each unit. */
type UnitNames = Record<RelativeUnit, readonly [string, string]>;

function words(
  units: UnitNames,
  past: (count: string) => string,
  future: (count: string) => string,
  days: ReadonlyMap<number, string>,
  numeric: (day: number, month: number, year: number) => string,
): DateWords {
  return {
    relative(value, unit) {
      if (unit === 'day' && days.has(value)) return days.get(value);
      const count = Math.abs(value);
      // 0 and -0 ("in 0 hours", "0 hours ago"), fractions and 1,000 (grouped: "1.000") are Intl's.
      if (!Number.isInteger(count) || count < 1 || count > 999) return undefined;
      const said = `${count} ${units[unit][count === 1 ? 0 : 1]}`;
      return value < 0 ? past(said) : future(said);
    },
    numeric(date) {
      const year = date.getFullYear();
      if (!(year >= 1000 && year <= 9999)) return undefined;
      return numeric(date.getDate(), date.getMonth() + 1, year);
    },
  };
}

const DUTCH = words(
  { year: ['jaar', 'jaar'], month: ['maand', 'maanden'], day: ['dag', 'dagen'], hour: ['uur', 'uur'], minute: ['minuut', 'minuten'] },
  (count) => `${count} geleden`,
  (count) => `over ${count}`,
  new Map([
    [-2, 'eergisteren'],
    [-1, 'gisteren'],
    [1, 'morgen'],
    [2, 'overmorgen'],
  ]),
  (day, month, year) => `${day}-${month}-${year}`,
);

const ENGLISH = words(
  { year: ['year', 'years'], month: ['month', 'months'], day: ['day', 'days'], hour: ['hour', 'hours'], minute: ['minute', 'minutes'] },
  (count) => `${count} ago`,
  (count) => `in ${count}`,
  new Map([
    [-1, 'yesterday'],
    [1, 'tomorrow'],
  ]),
  (day, month, year) => `${month}/${day}/${year}`,
);

const BY_LANGUAGE: ReadonlyMap<string, DateWords> = new Map([
  ['nl', DUTCH],
  ['en', ENGLISH],
]);

/** The written-out date words for exactly this tag (`nl`, `en`; not `en-GB`, which writes its dates otherwise), if any. */
export function dateWordsFor(tag: string): DateWords | undefined {
  return BY_LANGUAGE.get(tag);
}
