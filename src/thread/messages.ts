/**
 * The words of a thread between a family and the teacher (issue 24), its own section of the
 * translation tables (see `defineMessages` in src/core/i18n.ts): Dutch is built in, the other shipped
 * languages load the first time a thread shows them; a host's own language falls back as the i18n layer does.
 */
import { defineMessages } from '../core/i18n.js';
import { nl } from './locales/nl.js';

export interface ThreadMessages {
  /** Heading of the thread, for a family: the conversation with the teacher. */
  withTeacher: string;
  /** Heading of the thread, for the teacher: the conversation with this family. */
  withFamily: (family: string) => string;
  /** Who wrote a message. */
  fromTeacher: string;
  fromFamily: string;
  you: string;
  /** Beside the dot of unread messages, for screen readers. */
  unread: (n: number) => string;
  /** Who may read it. */
  privacy: string;
  label: string;
  placeholder: string;
  send: string;
  sending: string;
  sendFailed: string;
  /** Announced when a message from the other side arrives while the card is open. */
  arrived: (from: string) => string;
  sent: string;
  /** The teacher's button on a family's answer that opens the thread. */
  answerFamily: string;
  /** Before an example text the widget wrote, for the teacher to make their own. */
  exampleLabel: string;
  /** A tip and top about a child (issue 24): the heading for the family, and for the teacher. */
  tipTopFromTeacher: string;
  tipTopFor: (child: string | undefined) => string;
  /** The teacher's button on a child's chart or in the feelings overview that opens it. */
  tipTopOpen: string;
  /** The two lines the teacher's note starts with. */
  top: string;
  tipForHome: string;
  /** An example of a tip and top, marked as an example; the teacher writes their own. */
  tipTopExample: string;
}

declare module '../core/i18n.js' {
  interface SectionMessages {
    thread: ThreadMessages;
  }
}

export const threadMessages = defineMessages('thread', nl, {
  en: () => import('./locales/en.js').then((m) => m.en),
  ar: () => import('./locales/ar.js').then((m) => m.ar),
  tr: () => import('./locales/tr.js').then((m) => m.tr),
  pl: () => import('./locales/pl.js').then((m) => m.pl),
  uk: () => import('./locales/uk.js').then((m) => m.uk),
});
