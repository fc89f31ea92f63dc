import type { ThreadMessages } from '../messages.js';
import { plural } from '../../core/plural.js';

export const uk: ThreadMessages = {
  withTeacher: 'Розмова з учителем',
  withFamily: (family) => `Розмова: ${family}`,
  fromTeacher: 'Учитель',
  fromFamily: 'Родина',
  you: 'Ви',
  unread: (n) =>
    plural('uk', n, {
      one: `${n} нове повідомлення`,
      few: `${n} нові повідомлення`,
      many: `${n} нових повідомлень`,
      other: `${n} нового повідомлення`,
    }),
  privacy: 'Це читають лише ваша родина та вчитель класу.',
  label: 'Ваше повідомлення',
  placeholder: 'Напишіть коротку відповідь',
  send: 'Надіслати',
  sending: 'Надсилання…',
  sendFailed: 'Не вдалося надіслати. Ваш текст збережено.',
  arrived: (from) => `Нове повідомлення: ${from}`,
  sent: 'Повідомлення надіслано.',
  answerFamily: 'Відповісти',
  exampleLabel: 'Приклад:',
  tipTopFromTeacher: 'Похвала й порада від учителя',
  tipTopFor: (child) => (child ? `Похвала й порада для дому: ${child}` : 'Похвала й порада для дому'),
  tipTopOpen: 'Надіслати похвалу й пораду',
  top: 'Похвала:',
  tipForHome: 'Порада для дому:',
  tipTopExample: 'Похвала: сьогодні він спокійно чекав своєї черги. Порада для дому: під час гри нехай він сам каже, чия черга.',
};
