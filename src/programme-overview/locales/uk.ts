import type { OverviewMessages } from '../messages.js';
import { plural } from '../../core/plural.js';

const count = (n: number, one: string, few: string, many: string, other: string) => plural('uk', n, { one, few, many, other });
/** After "з" (out of), a genitive: "з 1 сім’ї", "з 24 сімей". */
const ofFamilies = (n: number, total: number) => `${n} з ${total} ${count(total, 'сім’ї', 'сімей', 'сімей', 'сім’ї')}`;
const ofHouseholds = (n: number, total: number) =>
  `${n} з ${total} ${count(total, 'домогосподарства', 'домогосподарств', 'домогосподарств', 'домогосподарства')}`;
const families = (n: number) => `${n} ${count(n, 'сім’я', 'сім’ї', 'сімей', 'сім’ї')}`;
export const uk: OverviewMessages = {
  heading: (programme) => `${programme}: як пройшов кожен урок`,
  show: 'Показати',
  measures: {
    seen: 'Переглянули',
    talked: 'Поговорили вдома',
    answered: 'Відповіли',
    reacted: 'Відреагували',
    'households-seen': 'Переглянули (домогосподарства)',
    'households-talked': 'Поговорили вдома (домогосподарства)',
    'households-answered': 'Відповіли (домогосподарства)',
    'households-reacted': 'Відреагували (домогосподарства)',
    views: 'Перегляди',
    likes: 'Вподобання',
    reactions: 'Коментарі',
  },
  measureNote: {
    families: 'Частка сімей класу. Кожна сім’я рахується один раз.',
    households: 'Частка домогосподарств. Дитина, яка живе у двох домах, рахується в кожному.',
    count: 'Кількість біля відео. Перегляди — це не сім’ї: одна сім’я може дивитися кілька разів.',
  },
  cls: 'Клас',
  lesson: (n) => `Урок ${n}`,
  caption: (measure, minimum) => `${measure} за класами й уроками. Немає чисел для класу, де сімей менше ніж ${minimum}.`,
  familiesCount: (n) => families(n),
  lessonsOf: (first, last) => (last === first + 1 ? `Уроки ${first} і ${last}` : `Уроки з ${first} по ${last}`),
  lessonsColumn: 'Урок',
  postedColumn: 'Опубліковано',
  notPosted: 'не опубліковано',
  tooFew: 'замало сімей',
  unknown: 'невідомо',
  shareOfFamilies: ofFamilies,
  shareOfHouseholds: ofHouseholds,
  postedOn: (date) => `опубліковано ${date}`,
  chartsHeading: 'Перебіг у кожному класі',
  chartLabel: (cls, measure) => `${measure} у класі ${cls}, урок за уроком. Числа — у таблиці.`,
  exportCsv: 'Завантажити таблицю (CSV)',
  exportSvg: 'Завантажити графіки (SVG)',
  fileName: 'ohliad-prohramy',
  families: 'Сім’ї',
  households: 'Домогосподарства',
  percentOf: (label) => `${label} (%)`,
  unreachedHeading: 'Ще не охоплені',
  unreachedNote: 'Лише ви бачите ці імена. Ці сім’ї ще не переглянули жодного уроку цієї програми. Може допомогти особисте повідомлення.',
  unreachedNone: 'Охоплено всі сім’ї.',
  unreachedIn: (cls, n) => `${cls}: ${families(n)}`,
  noClasses: 'Жодного уроку цієї програми ще не опубліковано.',
  afterColumn: 'Після останнього уроку',
  followUp: (lesson) => `Продовження уроку ${lesson}`,
  repeat: (lesson) => `Повторення уроку ${lesson}`,
  repeatIn: (lesson, cls) => `Повторення уроку ${lesson} у ${cls}`,
  plannedOn: (date) => `заплановано ${date}`,
  noFollowUp: 'Поки нічого',
};
