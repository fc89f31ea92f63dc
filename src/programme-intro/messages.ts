/**
 * The words of the programme introduction (issue 26), its section of the translation tables (see
 * `defineMessages` in src/core/i18n.ts): Dutch built in, the other shipped languages loaded the
 * first time an introduction shows them (./locales/xx.ts). The programme texts here (what the
 * programme is, what parents are asked at home, the Kanjertraining caps) are Samen's starting
 * texts: a school sends its own words (`about`, `homeAsks`) and the teacher's view says which are
 * ours. Every cap is described with its strong side (test/content/programmes.test.ts).
 */
import { defineMessages } from '../core/i18n.js';
import type { ContactRole } from './schemas.js';
import { nl } from './locales/nl.js';

/** The programmes Samen has starting texts for. */
export type KnownProgramme = 'wish' | 'kanjer' | 'pbs';
/** The Kanjertraining caps, by colour. */
export type Cap = 'white' | 'black' | 'red' | 'yellow';

export interface IntroMessages {
  /** The badge: what kind of post this is. */
  label: string;
  title: (programme: string) => string;
  about: string;
  aboutText: Record<KnownProgramme, string>;
  lessons: string;
  /** Where the class is: 0 before the first lesson. */
  where: (current: number, total: number) => string;
  lesson: (n: number) => string;
  posted: string;
  planned: string;
  /** Beside the last lesson given: "the class is here". */
  now: string;
  home: string;
  homeAsks: Record<KnownProgramme, string[]>;
  folder: string;
  folderIntro: string;
  /** Each cap in one sentence pair: its strong side first, then its hard side (the white cap: the goal). */
  caps: Record<Cap, string>;
  ask: string;
  roles: Record<ContactRole, string>;
  /** Beside a starting text of Samen's (teacher view). */
  example: string;
}

declare module '../core/i18n.js' {
  interface SectionMessages {
    intro: IntroMessages;
  }
}

export const introMessages = defineMessages('intro', nl, {
  en: () => import('./locales/en.js').then((m) => m.en),
  ar: () => import('./locales/ar.js').then((m) => m.ar),
  tr: () => import('./locales/tr.js').then((m) => m.tr),
  pl: () => import('./locales/pl.js').then((m) => m.pl),
  uk: () => import('./locales/uk.js').then((m) => m.uk),
});
