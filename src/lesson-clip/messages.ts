/**
 * The words of the lesson clip, its section of the translation tables (see `defineMessages` in
 * src/core/i18n.ts): Dutch is built in, the other shipped languages load the first time the lesson clip
 * shows them (./locales/xx.ts), and a language a host registers with `registerLocale` may bring
 * a `clip` section of its own, whose gaps are filled from English (or Dutch). Shared words
 * (loading, retry, errors, characters left, …) are in the core table, `this.t`.
 */
import { defineMessages } from '../core/i18n.js';
import { nl } from './locales/nl.js';

export interface ClipMessages {
  lesson: (n: number) => string;
  /** Where the class is in the programme, on every clip after the introduction: "Les 3 van 8" (issue 26). */
  lessonOf: (n: number, total: number) => string;
  /** A follow-up post after the last lesson, and a repeat lesson for a later year group (issue 26). */
  followUpOf: (n: number) => string;
  repeatOf: (n: number) => string;
  /** A scheduled clip as its teacher sees it before parents do: "Gepland voor do 14 jan, 8:00" (issue 26). */
  scheduledFor: (when: string) => string;
  lessonLabel: string;
  goal: string;
  learned: string;
  homeQuestion: string;
  /** Heading of the practice activity for home, beside the question. */
  homeActivity: string;
  answerLabel: string;
  answerPlaceholder: string;
  send: string;
  sending: string;
  sendFailed: string;
  /** "We talked about it" was not stored: it is unticked again, to tap once more. */
  talkedFailed: string;
  draftKept: string;
  talkedAboutIt: string;
  talkedAboutItDone: string;
  yourAnswer: string;
  edit: string;
  cancel: string;
  /** Another carer's answer came in live while this one had unsent words in the box: the box stays, with them. */
  answeredMeanwhile: string;
  saved: string;
  posted: (relative: string) => string;
  /** Who taught the lesson with the teacher, as the clip names them: "Met Ellen, weerbaarheidsspecialist". */
  coTeacher: (name: string) => string;
  video: string;
  photos: (n: number) => string;
  photoOf: (i: number, n: number) => string;
  previousPhoto: string;
  nextPhoto: string;
  mediaBlocked: string;
  noCaptions: string;
  reach: string;
  reachOf: (n: number, total: number) => string;
  seen: string;
  talked: string;
  answered: string;
  answers: string;
  noAnswers: string;
  talkedOnly: string;
  /** Shown instead of photos and video when the viewer has no media consent: kind, never blaming. */
  mediaWithheld: string;
  /** Teacher only: the private list of families the clip has not reached yet. */
  notReached: string;
  notReachedHint: string;
  everyoneReached: string;
  /** Parent, answering (issue 24): the choice, off by default, to show the answer's words on the class board. */
  shareWithClass: string;
  /** Under a sent answer that the family shares with the class. */
  sharedWithClass: string;
  /**
   * The class board (`view="child"`): heading, the figures' labels after a number or "a few", the
   * shared answers. A label takes the figure's grammatical number: `n`, or `'few'` after "a few"
   * (Polish and Ukrainian: 2 rodziny, 5 rodzin, kilka rodzin).
   */
  boardHeading: string;
  boardSeen: (n: number | 'few') => string;
  boardTalked: (n: number | 'few') => string;
  boardReacted: (n: number | 'few') => string;
  /** Instead of a count below three: "Een paar" (gezinnen keken het filmpje). */
  boardFew: string;
  boardAnswers: string;
  boardAnswersNote: string;
  boardNoAnswers: string;
  /** Parent (issue 24), under the home question: who sees what they write. Without households: the teacher and this carer. */
  audienceCarer: string;
  /** …the teacher and the carer's household (the other household of the child does not). */
  audienceHousehold: string;
  /** …the teacher and the whole family, when the school shares within the family. */
  audienceFamily: string;
  /** Teacher (issue 24): the addresses (households) reached, beside the families: "29 van 33 adressen". */
  addressesOf: (n: number, total: number) => string;
  /** One household of a family in the teacher's lists: "Familie Jansen — tweede adres". */
  familyAt: (family: string, address: string) => string;
  /** A household the host gave no name. */
  otherAddress: string;
}

declare module '../core/i18n.js' {
  interface SectionMessages {
    clip: ClipMessages;
  }
}

export const clipMessages = defineMessages('clip', nl, {
  en: () => import('./locales/en.js').then((m) => m.en),
  ar: () => import('./locales/ar.js').then((m) => m.ar),
  tr: () => import('./locales/tr.js').then((m) => m.tr),
  pl: () => import('./locales/pl.js').then((m) => m.pl),
  uk: () => import('./locales/uk.js').then((m) => m.uk),
});
