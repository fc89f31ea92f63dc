import type { ClipMessages } from '../messages.js';
import { plural } from '../../core/plural.js';

const count = (n: number, one: string, few: string, many: string, other: string) => plural('uk', n, { one, few, many, other });
/** After "з" (out of), a genitive: "з 1 сім’ї", "з 24 сімей", "з 21 сім’ї". */
const ofFamilies = (n: number, total: number) => `${n} з ${total} ${count(total, 'сім’ї', 'сімей', 'сімей', 'сім’ї')}`;

export const uk: ClipMessages = {
  lesson: (n) => `Урок ${n}`,
  lessonLabel: 'Допис з уроку',
  goal: 'Мета уроку',
  learned: 'Чого ми навчилися',
  homeQuestion: 'Запитання для розмови вдома',
  homeActivity: 'Вправа вдома',
  answerLabel: 'Ваша відповідь',
  answerPlaceholder: 'Напишіть кількома словами, про що ви говорили вдома',
  send: 'Надіслати',
  sending: 'Надсилання…',
  sendFailed: 'Не вдалося надіслати. Ваш текст збережено.',
  talkedFailed: 'Це не збережено. Спробуйте ще раз.',
  draftKept: 'Чернетку збережено',
  talkedAboutIt: 'Ми поговорили про це вдома',
  talkedAboutItDone: 'Ви поговорили про це вдома',
  yourAnswer: 'Ваша відповідь',
  edit: 'Змінити',
  cancel: 'Скасувати',
  saved: 'Надіслано',
  posted: (relative) => `Опубліковано ${relative}`,
  coTeacher: (name) => `Урок разом веде: ${name}`,
  video: 'Відео',
  // "фото" does not change with the number.
  photos: (n) => `${n} фото`,
  photoOf: (i, n) => `Фото ${i} з ${n}`,
  previousPhoto: 'Попереднє фото',
  nextPhoto: 'Наступне фото',
  mediaBlocked: 'Відео або фото не можна безпечно показати.',
  noCaptions: 'У цього відео немає субтитрів.',
  reach: 'Охоплення в класі',
  reachOf: (n, total) => ofFamilies(n, total),
  seen: 'Переглянули',
  talked: 'Поговорили вдома',
  answered: 'Відповіли',
  answers: 'Відповіді батьків',
  noAnswers: 'Відповідей ще немає.',
  talkedOnly: 'Поговорили про це',
  mediaWithheld: 'Фото й відео цього уроку тут не показуються, щоб захистити приватність дітей.',
  notReached: 'Ще не охоплено',
  notReachedHint: 'Цей список бачите лише ви. Можливо, запитати особисто?',
  everyoneReached: 'Усі родини переглянули цей допис.',
};
