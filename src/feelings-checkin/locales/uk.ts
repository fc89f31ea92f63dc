import type { FeelingsMessages } from '../messages.js';
import { plural } from '../../core/plural.js';

export const uk: FeelingsMessages = {
  // Nouns, so they fit a girl and a boy alike.
  words: {
    happy: 'радість',
    angry: 'злість',
    scared: 'страх',
    sad: 'сум',
    proud: 'гордість',
    tired: 'втома',
    nervous: 'хвилювання',
    calm: 'спокій',
  },
  question: 'Як ти почуваєшся?',
  yourChoice: 'Твій вибір:',
  questionParent: 'Як почувається ваша дитина?',
  strength: 'Наскільки сильне це почуття?',
  strengthWords: ['зовсім трішки', 'трохи', 'досить сильно', 'сильно', 'дуже сильно'],
  strengthValue: (n) => `${n} з 5`,
  noteLabel: 'Хочете щось розповісти? (не обов’язково)',
  notePlaceholder: 'Наприклад: після плавання вона була втомлена',
  starter: (word) => `Що я відчуваю: ${word}, бо …`,
  save: 'Зберегти',
  saving: 'Збереження…',
  saved: 'Збережено. Дякуємо!',
  saveFailed: 'Не вдалося зберегти. Ваш вибір збережено.',
  today: (word, strength) => `Сьогодні: ${word} (${strength} з 5)`,
  context: { home: 'вдома', school: 'у школі' },
  history: 'Останні 14 днів',
  noCheckin: 'немає відмітки',
  classToday: 'Клас сьогодні',
  checkedIn: (n) =>
    plural('uk', n, {
      one: `${n} дитина поділилася почуттями`,
      few: `${n} дитини поділилися почуттями`,
      many: `${n} дітей поділилися почуттями`,
      other: `${n} дитини поділилися почуттями`,
    }),
  week: 'Цей тиждень',
  weekDay: (checkins, negative) => `Відміток: ${checkins}, з важким почуттям: ${negative}`,
  signals: 'Сигнали',
  noSignals: 'Зараз сигналів немає.',
  // A label and numbers ("шкільні дні: 3 з 5"), so no case has to follow the count.
  signal: (name, feelings, days, window, schoolDays) =>
    `${name}: сильне почуття (${feelings}) — ${schoolDays ? 'шкільні дні' : 'дні'}: ${days} з ${window}`,
  nextStep: 'Що можна зробити?',
  steps: {
    child: 'Запитайте дитину, як вона почувається',
    parents: 'Поговоріть із батьками',
    'care-coordinator': 'Порадьтеся з координатором підтримки',
    teacher: 'Порадьтеся з учителем',
  },
  childFallback: 'Дитина',
  privacy: 'Сигнали бачать лише вчитель і координатор підтримки. Батьки бачать лише свою дитину.',
  whoSees:
    'Хто це бачить? Учитель і координатор підтримки в школі бачать цю відмітку і вашу нотатку. Координатор особливо уважний до дітей, яким кілька шкільних днів важко. Інші батьки ніколи цього не бачать.',
  whoSeesChild: 'Твій учитель бачить, що ти обираєш і пишеш.',
  feelingsRefused: 'Деякі відмітки були некоректні, тож їх пропущено.',
};
