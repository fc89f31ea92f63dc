import type { ThreadMessages } from '../messages.js';
import { plural } from '../../core/plural.js';

export const pl: ThreadMessages = {
  withTeacher: 'Rozmowa z nauczycielem',
  withFamily: (family) => `Rozmowa: ${family}`,
  fromTeacher: 'Nauczyciel',
  fromFamily: 'Rodzina',
  you: 'Ty',
  unread: (n) =>
    plural('pl', n, {
      one: '1 nowa wiadomość',
      few: `${n} nowe wiadomości`,
      many: `${n} nowych wiadomości`,
      other: `${n} nowej wiadomości`,
    }),
  privacy: 'Czyta to tylko Twoja rodzina i nauczyciel klasy.',
  label: 'Twoja wiadomość',
  placeholder: 'Napisz krótką odpowiedź',
  send: 'Wyślij',
  sending: 'Wysyłanie…',
  sendFailed: 'Nie udało się wysłać. Twój tekst jest zachowany.',
  arrived: (from) => `Nowa wiadomość: ${from}`,
  sent: 'Wiadomość wysłana.',
  answerFamily: 'Odpowiedz',
  exampleLabel: 'Przykład:',
  tipTopFromTeacher: 'Pochwała i wskazówka od nauczyciela',
  tipTopFor: (child) => (child ? `Pochwała i wskazówka na dom: ${child}` : 'Pochwała i wskazówka na dom'),
  tipTopOpen: 'Wyślij pochwałę i wskazówkę',
  top: 'Pochwała:',
  tipForHome: 'Wskazówka na dom:',
  tipTopExample: 'Pochwała: dziś spokojnie czekał na swoją kolej. Wskazówka na dom: podczas gry niech sam mówi, czyja jest kolej.',
};
