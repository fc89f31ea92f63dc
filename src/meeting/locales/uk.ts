import type { MeetingMessages } from '../messages.js';
import { plural } from '../../core/plural.js';

const count = (n: number, one: string, few: string, many: string, other: string) => plural('uk', n, { one, few, many, other });
const persons = (n: number) => `${n} ${count(n, 'особа', 'особи', 'осіб', 'особи')}`;

export const uk: MeetingMessages = {
  kinds: {
    'information-evening': 'Інформаційний вечір',
    'last-lesson': 'Останній урок, з батьками',
    'child-conversation': 'Розмова: батьки, дитина і вчитель',
  },
  when: 'Коли',
  where: 'Де',
  bring: 'Візьміть із собою',
  invitedBy: (name) => `Запрошення від: ${name}`,
  question: 'Ви прийдете?',
  answers: { yes: 'Так, прийду', maybe: 'Можливо', no: 'Ні, не можу' },
  people: 'Скільки осіб?',
  send: 'Надіслати відповідь',
  sending: 'Надсилання…',
  yourAnswer: (answer, people) =>
    answer === 'no'
      ? 'Ви не прийдете. Шкода! Потім тут можна прочитати, про що говорили.'
      : `${answer === 'yes' ? 'Ви прийдете' : 'Ви, можливо, прийдете'}: ${persons(people)}.`,
  change: 'Змінити відповідь',
  sent: 'Дякуємо! Вашу відповідь надіслано.',
  handedOver: 'Дякуємо! Ваша відповідь є в календарі застосунку.',
  failed: 'Відповідь не надіслано. Спробуйте ще раз.',
  addToCalendar: 'Додати в календар',
  calendarReady: 'Файл календаря готовий.',
  past: 'Ця зустріч уже відбулася.',
  summary: 'Для тих, хто не зміг прийти',
  summaryFollows: 'Учитель незабаром додасть тут короткий підсумок.',
  sheet: 'Підготовка до розмови',
  sheetIntro: 'Заповніть це разом із дитиною. Учитель прочитає це перед розмовою.',
  keywords: 'Кілька слів, які обирає дитина',
  keywordsHint: 'Наприклад: футбол, друзі, математика',
  goesWell: 'Що виходить добре',
  talkAbout: 'Про що ми хочемо поговорити',
  sendSheet: 'Надіслати аркуш',
  sheetSent: 'Надіслано. Учитель прочитає це перед розмовою.',
  sheetFailed: 'Аркуш не надіслано. Те, що ви написали, залишається тут.',
  sheetEmpty: 'Спочатку щось заповніть.',
  draftKept: 'Те, що ви пишете, зберігається на цьому пристрої.',
  replies: 'Відповіді батьків',
  count: (answer, n) => `${{ yes: 'Так', maybe: 'Можливо', no: 'Ні' }[answer]}: ${n}`,
  peopleTotal: (n) => `Очікуємо: ${persons(n)}`,
  notReplied: (n, total) => `${n} з ${total} ${count(total, 'сім’ї', 'сімей', 'сімей', 'сім’ї')} ще не відповіли`,
  noReplies: 'Ще немає відповідей.',
  replyOf: (answer, people) => (answer === 'no' ? 'Ні' : `${answer === 'yes' ? 'Так' : 'Можливо'}, ${persons(people)}`),
  sheets: 'Аркуші підготовки',
  noSheets: 'Ще ніхто не заповнив аркуш.',
};
