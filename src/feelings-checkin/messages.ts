/**
 * The words of the feelings check-in, its section of the translation tables (see `defineMessages` in
 * src/core/i18n.ts): Dutch is built in, the other shipped languages load the first time the feelings check-in
 * shows them (./locales/xx.ts), and a language a host registers with `registerLocale` may bring
 * a `feelings` section of its own, whose gaps are filled from English (or Dutch). Shared words
 * (loading, retry, errors, characters left, …) are in the core table, `this.t`.
 */
import { defineMessages } from '../core/i18n.js';
import { nl } from './locales/nl.js';

export interface FeelingsMessages {
  /** The built-in feelings' words, by feeling id, for languages the host's feelings set doesn't name. */
  words: Record<'happy' | 'angry' | 'scared' | 'sad' | 'proud' | 'tired' | 'nervous' | 'calm', string>;
  question: string;
  /** Read aloud before the feeling chosen so far, after the question and the numbered options. */
  yourChoice: string;
  questionParent: string;
  strength: string;
  /** Words for strength 1–5, shown beside the number. */
  strengthWords: [string, string, string, string, string];
  strengthValue: (n: number) => string;
  noteLabel: string;
  notePlaceholder: string;
  starter: (word: string) => string;
  save: string;
  saving: string;
  saved: string;
  saveFailed: string;
  today: (word: string, strength: number) => string;
  context: Record<'home' | 'school', string>;
  history: string;
  noCheckin: string;
  classToday: string;
  checkedIn: (n: number) => string;
  week: string;
  weekDay: (checkins: number, negative: number) => string;
  signals: string;
  noSignals: string;
  /**
   * A signal, describing the feelings and never labelling the child: "Op 3 van de laatste 5
   * schooldagen koos Sem een sterk gevoel: verdrietig en bang." `feelings` is a list the widget
   * made in the card's language; `window` is how many (school) days the rule looks at.
   */
  signal: (name: string, feelings: string, days: number, window: number, schoolDays: boolean) => string;
  /** Above the careful next steps a signal offers. */
  nextStep: string;
  /** The next steps: talk with the child, with the parents, with the care coordinator (a teacher) or the teacher (a care coordinator). */
  steps: Record<'child' | 'parents' | 'care-coordinator' | 'teacher', string>;
  childFallback: string;
  privacy: string;
  /** Parent view: who sees this check-in and its note (the teacher; the care coordinator when there is a signal; never other parents). */
  whoSees: string;
  /** Child view: the same, for a child. */
  whoSeesChild: string;
  feelingsRefused: string;
}

declare module '../core/i18n.js' {
  interface SectionMessages {
    feelings: FeelingsMessages;
  }
}

export const feelingsMessages = defineMessages('feelings', nl, {
  en: () => import('./locales/en.js').then((m) => m.en),
  ar: () => import('./locales/ar.js').then((m) => m.ar),
  tr: () => import('./locales/tr.js').then((m) => m.tr),
  pl: () => import('./locales/pl.js').then((m) => m.pl),
  uk: () => import('./locales/uk.js').then((m) => m.uk),
});
