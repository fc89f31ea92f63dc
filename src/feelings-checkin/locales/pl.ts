import type { FeelingsMessages } from '../messages.js';
import { plural } from '../../core/plural.js';

const count = (n: number, one: string, few: string, many: string, other: string) => plural('pl', n, { one, few, many, other });

export const pl: FeelingsMessages = {
  // Nouns, so they fit a girl and a boy alike.
  words: {
    happy: 'radość',
    angry: 'złość',
    scared: 'strach',
    sad: 'smutek',
    proud: 'duma',
    tired: 'zmęczenie',
    nervous: 'zdenerwowanie',
    calm: 'spokój',
  },
  question: 'Jak się czujesz?',
  yourChoice: 'Twój wybór:',
  questionParent: 'Jak czuje się Twoje dziecko?',
  strength: 'Jak mocne jest to uczucie?',
  strengthWords: ['troszeczkę', 'trochę', 'dość mocno', 'mocno', 'bardzo mocno'],
  strengthValue: (n) => `${n} z 5`,
  noteLabel: 'Chcesz coś o tym powiedzieć? (nie trzeba)',
  notePlaceholder: 'Na przykład: po pływaniu była zmęczona',
  starter: (word) => `Co czuję: ${word}, bo …`,
  save: 'Zapisz',
  saving: 'Zapisywanie…',
  saved: 'Zapisano. Dziękujemy!',
  saveFailed: 'Nie udało się zapisać. Twój wybór jest zachowany.',
  today: (word, strength) => `Dzisiaj: ${word} (${strength} z 5)`,
  context: { home: 'w domu', school: 'w szkole' },
  history: 'Ostatnie 14 dni',
  noCheckin: 'brak wpisu',
  classToday: 'Klasa dzisiaj',
  checkedIn: (n) => `${n} ${count(n, 'dziecko', 'dzieci', 'dzieci', 'dziecka')} podzieliło się uczuciami`,
  week: 'Ten tydzień',
  weekDay: (checkins, negative) => `Wpisy: ${checkins}, z trudnym uczuciem: ${negative}`,
  signals: 'Sygnały',
  noSignals: 'Teraz nie ma sygnałów.',
  // A label and numbers ("dni szkolne: 3 z 5"), so no case has to follow the count.
  signal: (name, feelings, days, window, schoolDays) =>
    `${name}: silne uczucie (${feelings}) – ${schoolDays ? 'dni szkolne' : 'dni'}: ${days} z ${window}`,
  nextStep: 'Co możesz zrobić?',
  steps: {
    child: 'Zapytaj dziecko, jak się czuje',
    parents: 'Porozmawiaj z rodzicami',
    'care-coordinator': 'Porozmawiaj z koordynatorem wsparcia',
    teacher: 'Porozmawiaj z nauczycielem',
  },
  childFallback: 'Dziecko',
  privacy: 'Sygnały widzą tylko nauczyciel i koordynator wsparcia. Rodzice widzą tylko swoje dziecko.',
  whoSees:
    'Kto to widzi? Nauczyciel i koordynator wsparcia w szkole widzą ten wpis i Twoją notatkę. Koordynator zwraca uwagę zwłaszcza na dzieci, którym przez kilka dni szkolnych jest trudno. Inni rodzice nigdy tego nie widzą.',
  whoSeesChild: 'Twój nauczyciel widzi, co wybierasz i piszesz.',
  feelingsRefused: 'Część wpisów była niepoprawna i została pominięta.',
};
