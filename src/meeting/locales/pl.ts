import type { MeetingMessages } from '../messages.js';
import { plural } from '../../core/plural.js';

const count = (n: number, one: string, few: string, many: string, other: string) => plural('pl', n, { one, few, many, other });
const persons = (n: number) => `${n} ${count(n, 'osoba', 'osoby', 'osób', 'osoby')}`;

export const pl: MeetingMessages = {
  kinds: {
    'information-evening': 'Wieczór informacyjny',
    'last-lesson': 'Ostatnia lekcja, z rodzicami',
    'child-conversation': 'Rozmowa: rodzic, dziecko i nauczyciel',
  },
  when: 'Kiedy',
  where: 'Gdzie',
  bring: 'Zabierz',
  invitedBy: (name) => `Zaproszenie od: ${name}`,
  question: 'Przyjdziesz?',
  answers: { yes: 'Tak, przyjdę', maybe: 'Może', no: 'Nie, nie mogę' },
  people: 'Ile osób?',
  send: 'Wyślij odpowiedź',
  sending: 'Wysyłanie…',
  yourAnswer: (answer, people) =>
    answer === 'no'
      ? 'Nie przyjdziesz. Szkoda! Potem przeczytasz tutaj, o czym rozmawialiśmy.'
      : `${answer === 'yes' ? 'Przyjdziesz' : 'Może przyjdziesz'}: ${persons(people)}.`,
  change: 'Zmień odpowiedź',
  sent: 'Dziękujemy! Twoja odpowiedź została wysłana.',
  handedOver: 'Dziękujemy! Twoja odpowiedź jest w kalendarzu aplikacji.',
  failed: 'Odpowiedź nie została wysłana. Spróbuj ponownie.',
  addToCalendar: 'Dodaj do kalendarza',
  calendarReady: 'Plik kalendarza jest gotowy.',
  past: 'To spotkanie już się odbyło.',
  summary: 'Dla tych, którzy nie mogli przyjść',
  summaryFollows: 'Nauczyciel wkrótce doda tu krótkie podsumowanie.',
  sheet: 'Przygotowanie do rozmowy',
  sheetIntro: 'Wypełnij to razem z dzieckiem. Nauczyciel przeczyta to przed rozmową.',
  keywords: 'Kilka słów, które wybiera dziecko',
  keywordsHint: 'Na przykład: piłka nożna, przyjaciele, matematyka',
  goesWell: 'To idzie dobrze',
  talkAbout: 'O tym chcemy porozmawiać',
  sendSheet: 'Wyślij kartę',
  sheetSent: 'Wysłano. Nauczyciel przeczyta to przed rozmową.',
  sheetFailed: 'Karta nie została wysłana. To, co napisałeś, zostaje tutaj.',
  sheetEmpty: 'Najpierw coś wpisz.',
  draftKept: 'To, co piszesz, zostaje zapisane na tym urządzeniu.',
  replies: 'Odpowiedzi rodziców',
  count: (answer, n) => `${{ yes: 'Tak', maybe: 'Może', no: 'Nie' }[answer]}: ${n}`,
  peopleTotal: (n) => `Spodziewamy się: ${persons(n)}`,
  notReplied: (n, total) => `${n} z ${total} ${count(total, 'rodziny', 'rodzin', 'rodzin', 'rodziny')} bez odpowiedzi`,
  noReplies: 'Jeszcze brak odpowiedzi.',
  replyOf: (answer, people) => (answer === 'no' ? 'Nie' : `${answer === 'yes' ? 'Tak' : 'Może'}, ${persons(people)}`),
  sheets: 'Karty przygotowania',
  noSheets: 'Jeszcze nikt nie wypełnił karty.',
};
