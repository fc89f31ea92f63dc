import type { FeedbackMessages } from '../messages.js';
import { plural } from '../../core/plural.js';

const count = (n: number, one: string, few: string, many: string, other: string) => plural('uk', n, { one, few, many, other });
/** After "з" (out of), a genitive: "з 1 сім’ї", "з 24 сімей", "з 21 сім’ї". */
const ofFamilies = (n: number, total: number) => `${n} з ${total} ${count(total, 'сім’ї', 'сімей', 'сімей', 'сім’ї')}`;

export const uk: FeedbackMessages = {
  toolbar: 'Відреагувати',
  reactions: {
    like: 'Палець угору',
    heart: 'Сердечко',
    clap: 'Оплески',
    'talked-at-home': 'Поговорили вдома',
    'practised-at-home': 'Потренувалися вдома',
  },
  reactionName: (label, count) => `${label}, ${count}`,
  reactionGiven: (label, count) => `${label} додано — ${count}`,
  reactionTakenBack: (label, count) => `${label} скасовано — ${count}`,
  reactionFailed: 'Вашу реакцію не збережено. Спробуйте ще раз.',
  replyLabel: 'Коротке повідомлення вчителеві',
  replyPlaceholder: 'Наприклад: удома все вийшло!',
  send: 'Надіслати',
  sending: 'Надсилання…',
  replyFailed: 'Не вдалося надіслати. Ваш текст збережено.',
  replySent: 'Повідомлення надіслано',
  yourReplies: 'Ваші повідомлення',
  replies: 'Повідомлення від батьків',
  noReplies: 'Повідомлень ще немає.',
  noReactions: 'Реакцій ще немає.',
  whoReacted: 'Хто відреагував',
  nobody: 'Поки нікого',
  homeShare: (n, total) => `Зробили це вдома: ${ofFamilies(n, total)}`,
};
