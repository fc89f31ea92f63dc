/**
 * The words of the feedback bar, its section of the translation tables (see `defineMessages` in
 * src/core/i18n.ts): Dutch is built in, the other shipped languages load the first time the feedback bar
 * shows them (./locales/xx.ts), and a language a host registers with `registerLocale` may bring
 * a `feedback` section of its own, whose gaps are filled from English (or Dutch). Shared words
 * (loading, retry, errors, characters left, …) are in the core table, `this.t`.
 */
import { defineMessages } from '../core/i18n.js';
import { nl } from './locales/nl.js';

export interface FeedbackMessages {
  toolbar: string;
  reactions: Record<'like' | 'heart' | 'clap' | 'talked-at-home' | 'practised-at-home', string>;
  /** Accessible name of a reaction button: "Duim omhoog, 9". */
  reactionName: (label: string, count: number) => string;
  /** Said after a press on a reaction: "Duim omhoog gegeven — 10". */
  reactionGiven: (label: string, count: number) => string;
  /** Said after a press that takes a reaction back: "Duim omhoog weggehaald — 9". */
  reactionTakenBack: (label: string, count: number) => string;
  reactionFailed: string;
  replyLabel: string;
  replyPlaceholder: string;
  send: string;
  sending: string;
  replyFailed: string;
  replySent: string;
  yourReplies: string;
  replies: string;
  noReplies: string;
  noReactions: string;
  whoReacted: string;
  nobody: string;
  homeShare: (n: number, total: number) => string;
}

declare module '../core/i18n.js' {
  interface SectionMessages {
    feedback: FeedbackMessages;
  }
}

export const feedbackMessages = defineMessages('feedback', nl, {
  en: () => import('./locales/en.js').then((m) => m.en),
  ar: () => import('./locales/ar.js').then((m) => m.ar),
  tr: () => import('./locales/tr.js').then((m) => m.tr),
  pl: () => import('./locales/pl.js').then((m) => m.pl),
  uk: () => import('./locales/uk.js').then((m) => m.uk),
});
