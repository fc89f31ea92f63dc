import type { FeedbackMessages } from '../messages.js';
import { plural } from '../../core/plural.js';

const count = (n: number, one: string, few: string, many: string, other: string) => plural('pl', n, { one, few, many, other });
/** After "z" (out of), a genitive: "z 1 rodziny", "z 24 rodzin". */
const ofFamilies = (n: number, total: number) => `${n} z ${total} ${count(total, 'rodziny', 'rodzin', 'rodzin', 'rodziny')}`;

export const pl: FeedbackMessages = {
  toolbar: 'Zareaguj',
  reactions: {
    like: 'Kciuk w górę',
    heart: 'Serduszko',
    clap: 'Brawa',
    'talked-at-home': 'Rozmawialiśmy w domu',
    'practised-at-home': 'Ćwiczyliśmy w domu',
  },
  reactionName: (label, count) => `${label}, ${count}`,
  reactionGiven: (label, count) => `${label} dodane — ${count}`,
  reactionTakenBack: (label, count) => `${label} cofnięte — ${count}`,
  reactionFailed: 'Twoja reakcja nie została zapisana. Spróbuj ponownie.',
  replyLabel: 'Krótka wiadomość dla nauczyciela',
  replyPlaceholder: 'Na przykład: w domu poszło dobrze!',
  send: 'Wyślij',
  sending: 'Wysyłanie…',
  replyFailed: 'Nie udało się wysłać. Tekst jest zachowany.',
  replySent: 'Wiadomość wysłana',
  yourReplies: 'Wasze wiadomości',
  replies: 'Wiadomości od rodziców',
  noReplies: 'Nie ma jeszcze wiadomości.',
  noReactions: 'Nie ma jeszcze reakcji.',
  whoReacted: 'Kto zareagował',
  nobody: 'Jeszcze nikt',
  homeShare: (n, total) => `Zrobiły to w domu: ${ofFamilies(n, total)}`,
};
