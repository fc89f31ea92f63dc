import type { ClipMessages } from '../messages.js';
import { plural } from '../../core/plural.js';

const count = (n: number, one: string, few: string, many: string, other: string) => plural('pl', n, { one, few, many, other });
/** After "z" (out of), a genitive: "z 1 rodziny", "z 24 rodzin". */
const ofFamilies = (n: number, total: number) => `${n} z ${total} ${count(total, 'rodziny', 'rodzin', 'rodzin', 'rodziny')}`;

export const pl: ClipMessages = {
  lesson: (n) => `Lekcja ${n}`,
  lessonLabel: 'Wpis z lekcji',
  goal: 'Cel lekcji',
  learned: 'Czego się nauczyliśmy',
  homeQuestion: 'Pytanie do rozmowy w domu',
  homeActivity: 'Ćwiczenie w domu',
  answerLabel: 'Wasza odpowiedź',
  answerPlaceholder: 'Napiszcie w kilku słowach, o czym rozmawialiście w domu',
  send: 'Wyślij',
  sending: 'Wysyłanie…',
  sendFailed: 'Nie udało się wysłać. Tekst jest zachowany.',
  talkedFailed: 'Nie zostało zapisane. Spróbuj ponownie.',
  draftKept: 'Szkic zapisany',
  talkedAboutIt: 'Rozmawialiśmy o tym w domu',
  talkedAboutItDone: 'Rozmawialiście o tym w domu',
  yourAnswer: 'Wasza odpowiedź',
  edit: 'Zmień',
  cancel: 'Anuluj',
  saved: 'Wysłano',
  posted: (relative) => `Dodano ${relative}`,
  coTeacher: (name) => `Lekcję współprowadzi: ${name}`,
  video: 'Film',
  photos: (n) => `${n} ${count(n, 'zdjęcie', 'zdjęcia', 'zdjęć', 'zdjęcia')}`,
  photoOf: (i, n) => `Zdjęcie ${i} z ${n}`,
  previousPhoto: 'Poprzednie zdjęcie',
  nextPhoto: 'Następne zdjęcie',
  mediaBlocked: 'Nie można bezpiecznie pokazać filmu ani zdjęć.',
  noCaptions: 'Ten film nie ma napisów.',
  reach: 'Zasięg w klasie',
  reachOf: (n, total) => ofFamilies(n, total),
  seen: 'Obejrzało',
  talked: 'Rozmawiało w domu',
  answered: 'Odpowiedziało',
  answers: 'Odpowiedzi rodziców',
  noAnswers: 'Nie ma jeszcze odpowiedzi.',
  talkedOnly: 'Rozmawiali o tym',
  mediaWithheld: 'Zdjęcia i film z tej lekcji nie są tu pokazywane, aby chronić prywatność dzieci.',
  notReached: 'Jeszcze nie dotarło',
  notReachedHint: 'Tylko Ty widzisz tę listę. Może warto zapytać osobiście?',
  everyoneReached: 'Wszystkie rodziny zobaczyły ten wpis.',
};
