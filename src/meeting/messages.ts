/**
 * The words of the meeting card (issue 26), its section of the translation tables (see
 * `defineMessages` in src/core/i18n.ts): Dutch is built in, the other shipped languages load the
 * first time a meeting card shows them (./locales/xx.ts). Shared words are in the core table.
 */
import { defineMessages } from '../core/i18n.js';
import type { MeetingKind, RsvpAnswer } from './schemas.js';
import { nl } from './locales/nl.js';

export interface MeetingMessages {
  kinds: Record<MeetingKind, string>;
  when: string;
  where: string;
  bring: string;
  invitedBy: (name: string) => string;
  /** The question above the three answers. */
  question: string;
  answers: Record<RsvpAnswer, string>;
  people: string;
  send: string;
  sending: string;
  /** What the household answered: "Je komt met 2 personen." */
  yourAnswer: (answer: RsvpAnswer, people: number) => string;
  change: string;
  sent: string;
  /** Said when the card hands the reply to the host app (`rsvp="host"`). */
  handedOver: string;
  failed: string;
  addToCalendar: string;
  calendarReady: string;
  /** After the meeting. */
  past: string;
  summary: string;
  summaryFollows: string;
  /** The preparation sheet for a parent–child–teacher conversation. */
  sheet: string;
  sheetIntro: string;
  keywords: string;
  keywordsHint: string;
  goesWell: string;
  talkAbout: string;
  sendSheet: string;
  sheetSent: string;
  sheetFailed: string;
  sheetEmpty: string;
  draftKept: string;
  /** The teacher's list. */
  replies: string;
  count: (answer: RsvpAnswer, n: number) => string;
  peopleTotal: (n: number) => string;
  notReplied: (n: number, total: number) => string;
  noReplies: string;
  /** A household's reply in the teacher's list: "Ja, 2 personen". */
  replyOf: (answer: RsvpAnswer, people: number) => string;
  sheets: string;
  noSheets: string;
}

declare module '../core/i18n.js' {
  interface SectionMessages {
    meeting: MeetingMessages;
  }
}

export const meetingMessages = defineMessages('meeting', nl, {
  en: () => import('./locales/en.js').then((m) => m.en),
  ar: () => import('./locales/ar.js').then((m) => m.ar),
  tr: () => import('./locales/tr.js').then((m) => m.tr),
  pl: () => import('./locales/pl.js').then((m) => m.pl),
  uk: () => import('./locales/uk.js').then((m) => m.uk),
});
