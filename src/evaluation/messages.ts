/**
 * The words of the evaluation form and its results (issue 25), its section of the translation
 * tables (see `defineMessages` in src/core/i18n.ts): Dutch is built in, the other shipped languages
 * load the first time an evaluation shows them (./locales/xx.ts). Shared words are in the core table.
 */
import { defineMessages } from '../core/i18n.js';
import type { Audience, Phase, QuestionKind } from './schemas.js';
import { nl } from './locales/nl.js';

export interface EvaluationMessages {
  /** Above the title: "Vragenlijst". */
  eyebrow: string;
  phases: Record<Phase, string>;
  /** One short line under the title, per audience. */
  intro: Record<Audience, string>;
  /** Whether the school sees who answered what. */
  anonymous: string;
  named: string;
  /** The same, for a child. */
  childAnonymous: string;
  childNamed: string;
  /** The built-in questions' words, by question id (src/evaluation/schemas.ts, BUILT_IN_QUESTIONS). */
  questions: Record<string, string>;
  yes: string;
  no: string;
  /** The five steps of a scale, from 1 to 5 (adults). */
  scale: readonly [string, string, string, string, string];
  /** The five faces' names (child form). */
  faces: readonly [string, string, string, string, string];
  /** Under an open question. */
  optional: string;
  send: string;
  sending: string;
  /** Nothing chosen yet. */
  empty: string;
  draftKept: string;
  failed: string;
  closesAt: (date: string) => string;
  closed: string;
  /** The thank-you state. */
  thanks: string;
  thanksText: string;
  childThanks: string;
  change: string;
  // -- results (teacher view and the programme overview)
  results: string;
  responses: string;
  audiences: Record<Audience, string>;
  /** "12 van 24 (50%)". */
  rate: (responded: number, invited: number) => string;
  /** "Cijfers alleen bij 5 antwoorden of meer." */
  minimum: (n: number) => string;
  tooFew: string;
  openQuestion: string;
  /** "gemiddeld 3,8 van 5". */
  average: (value: string) => string;
  /** "9 van 12 ja". */
  share: (count: number, total: number, label: string) => string;
  noResults: string;
  resultsFailed: string;
  ownQuestion: string;
  // -- the school's own questions (teacher view)
  ownQuestions: string;
  ownQuestionsIntro: string;
  noOwnQuestions: string;
  questionText: string;
  questionHint: string;
  kind: string;
  kinds: Record<QuestionKind, string>;
  forWhom: string;
  add: string;
  remove: (text: string) => string;
  delete: string;
  saving: string;
  saved: string;
  saveFailed: string;
  needsText: string;
  needsAudience: string;
  anonymousSetting: string;
}

declare module '../core/i18n.js' {
  interface SectionMessages {
    evaluation: EvaluationMessages;
  }
}

export const evaluationMessages = defineMessages('evaluation', nl, {
  en: () => import('./locales/en.js').then((m) => m.en),
  ar: () => import('./locales/ar.js').then((m) => m.ar),
  tr: () => import('./locales/tr.js').then((m) => m.tr),
  pl: () => import('./locales/pl.js').then((m) => m.pl),
  uk: () => import('./locales/uk.js').then((m) => m.uk),
});
