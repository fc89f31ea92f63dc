/**
 * The words of the expectation matrix, its section of the translation tables (see `defineMessages` in
 * src/core/i18n.ts): Dutch is built in, the other shipped languages load the first time the expectation matrix
 * shows them (./locales/xx.ts), and a language a host registers with `registerLocale` may bring
 * a `matrix` section of its own, whose gaps are filled from English (or Dutch). Shared words
 * (loading, retry, errors, characters left, …) are in the core table, `this.t`.
 */
import { defineMessages } from '../core/i18n.js';
import { nl } from './locales/nl.js';

export interface MatrixMessages {
  schoolTitle: string;
  homeTitle: string;
  /** Caption for screen readers: what the rows and columns are. */
  caption: string;
  value: string;
  location: string;
  empty: string;
  emptyCell: string;
  focus: string;
  focusBadge: string;
  focusOf: (value: string, location: string) => string;
  why: string;
  homeTip: string;
  successLabel: string;
  successPlaceholder: string;
  share: string;
  sharing: string;
  shared: string;
  shareFailed: string;
  successes: string;
  noSuccesses: string;
  week: (n: number) => string;
  edit: string;
  editHome: string;
  editing: string;
  values: string;
  locations: string;
  expectations: string;
  addValue: string;
  addLocation: string;
  addExpectation: string;
  nameOf: (kind: 'value' | 'location', n: number) => string;
  expectationOf: (cell: string, n: number) => string;
  moveUp: (name: string) => string;
  moveDown: (name: string) => string;
  remove: (name: string) => string;
  /** Said after a move: "Respect staat nu op plaats 2 van 4". */
  movedTo: (name: string, position: number, total: number) => string;
  removeExpectation: (n: number) => string;
  focusValue: string;
  focusLocation: string;
  focusExpectation: string;
  wholeCell: string;
  noFocus: string;
  save: string;
  saving: string;
  saved: string;
  cancel: string;
  saveFailed: string;
  conflict: string;
  loadLatest: string;
  keepMine: string;
  fix: string;
  emptyName: (kind: 'value' | 'location', n: number) => string;
  emptyExpectation: (cell: string) => string;
  tooLong: (cell: string, max: number) => string;
  tooMany: (kind: 'values' | 'locations', max: number) => string;
  tooManyInCell: (cell: string, max: number) => string;
  dataAdjusted: string;
}

declare module '../core/i18n.js' {
  interface SectionMessages {
    matrix: MatrixMessages;
  }
}

export const matrixMessages = defineMessages('matrix', nl, {
  en: () => import('./locales/en.js').then((m) => m.en),
  ar: () => import('./locales/ar.js').then((m) => m.ar),
  tr: () => import('./locales/tr.js').then((m) => m.tr),
  pl: () => import('./locales/pl.js').then((m) => m.pl),
  uk: () => import('./locales/uk.js').then((m) => m.uk),
});
