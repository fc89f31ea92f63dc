/**
 * The words of the programme overview, its section of the translation tables (see `defineMessages`
 * in src/core/i18n.ts): Dutch is built in, the other shipped languages load the first time the
 * overview shows them (./locales/xx.ts). Shared words (loading, retry, errors) are in the core table.
 */
import { defineMessages } from '../core/i18n.js';
import type { Measure } from './schemas.js';
import { nl } from './locales/nl.js';

export interface OverviewMessages {
  /** The card's heading: "WIsH: zo ging het per les". */
  heading: (programme: string) => string;
  /** Above the measure choice. */
  show: string;
  measures: Record<Measure, string>;
  /** What the chosen measure is: a share of families, of households, or a count of the clip. */
  measureNote: { families: string; households: string; count: string };
  cls: string;
  lesson: (n: number) => string;
  /** The table's caption: the measure and the minimum group size. */
  caption: (measure: string, minimum: number) => string;
  /** Under a class's name: "25 gezinnen". */
  familiesCount: (families: number) => string;
  /** A clip of several lessons, for a screen reader: "Les 4 en 5" (first and last lesson). */
  lessonsOf: (first: number, last: number) => string;
  /** The CSV's column of lessons and of posting dates. */
  lessonsColumn: string;
  postedColumn: string;
  notPosted: string;
  tooFew: string;
  unknown: string;
  /** A share's full words: "18 van 25 gezinnen". */
  shareOfFamilies: (count: number, of: number) => string;
  shareOfHouseholds: (count: number, of: number) => string;
  postedOn: (date: string) => string;
  chartsHeading: string;
  /** The chart's name for a screen reader; the table holds its numbers. */
  chartLabel: (cls: string, measure: string) => string;
  exportCsv: string;
  exportSvg: string;
  /** The downloaded files' name, without extension. */
  fileName: string;
  families: string;
  households: string;
  percentOf: (label: string) => string;
  unreachedHeading: string;
  unreachedNote: string;
  unreachedNone: string;
  unreachedIn: (cls: string, count: number) => string;
  noClasses: string;
  /** After the run (issue 26): the table's last column, with each class's follow-up posts and repeat lessons. */
  afterColumn: string;
  followUp: (lesson: number) => string;
  repeat: (lesson: number) => string;
  repeatIn: (lesson: number, cls: string) => string;
  plannedOn: (date: string) => string;
  noFollowUp: string;
}

declare module '../core/i18n.js' {
  interface SectionMessages {
    overview: OverviewMessages;
  }
}

export const overviewMessages = defineMessages('overview', nl, {
  en: () => import('./locales/en.js').then((m) => m.en),
  ar: () => import('./locales/ar.js').then((m) => m.ar),
  tr: () => import('./locales/tr.js').then((m) => m.tr),
  pl: () => import('./locales/pl.js').then((m) => m.pl),
  uk: () => import('./locales/uk.js').then((m) => m.uk),
});
