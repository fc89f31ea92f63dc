import type { RewardMessages } from '../messages.js';
import { plural } from '../../core/plural.js';

const count = (n: number, one: string, few: string, many: string, other: string) => plural('pl', n, { one, few, many, other });

export const pl: RewardMessages = {
  classChart: 'Cel klasy',
  personalChart: (name) => (name ? `Karta naklejek: ${name}` : 'Karta naklejek'),
  rewardIs: (reward) => `Nagroda: ${reward}`,
  progress: (n, goal, kind) =>
    `${n} z ${goal} ${kind === 'class' ? count(goal, 'żetonu', 'żetonów', 'żetonów', 'żetonu') : count(goal, 'naklejki', 'naklejek', 'naklejek', 'naklejki')}`,
  remaining: (n) => `Jeszcze ${n}`,
  reached: 'Cel osiągnięty!',
  focus: 'Nad tym pracujemy',
  recent: 'Za to dostaliśmy żetony',
  stickers: 'Naklejki',
  noAwardsYet: 'Nie ma jeszcze naklejek. Pierwsza na pewno będzie niedługo!',
  earnedBefore: 'Zdobyte wcześniej',
  award: (kind) => (kind === 'class' ? 'Daj żeton' : 'Daj naklejkę'),
  awardFor: (text) => `Za: ${text}`,
  given: (kind, count, goal) => `${kind === 'class' ? 'Przyznano żeton' : 'Przyznano naklejkę'} — ${count} z ${goal}`,
  homeGiven: (count, goal) => `Przyznano domową naklejkę — ${count} z ${goal}`,
  undo: 'Cofnij',
  undone: 'Cofnięto',
  redeem: 'Świętujmy nagrodę',
  redeemed: (reward) => `Brawo! Czas na: ${reward}`,
  newGoal: 'Nowy cel',
  goalLabel: 'Ile',
  rewardLabel: 'Nagroda',
  startNewGoal: 'Zacznij nowy cel',
  cancelNewGoal: 'Anuluj',
  queued: (n) => `Jeszcze nie wysłano: ${n}. Wyślemy, gdy tylko będzie połączenie.`,
  homeSticker: 'Daj domową naklejkę',
  reasonLabel: 'Za co?',
  reasonPlaceholder: 'Na przykład: samodzielne nakrycie do stołu',
  fromSchool: 'W szkole',
  fromHome: 'W domu',
  positiveOnly: (kind) =>
    kind === 'class'
      ? 'Tylko pozytywnie: żetony dajemy, nigdy ich nie zabieramy.'
      : 'Tylko pozytywnie: naklejki dajemy, nigdy ich nie zabieramy.',
  dataAdjusted: 'Część danych ze szkoły była niepoprawna i została pominięta.',
  actionFailed: 'Nie udało się. Spróbuj ponownie.',
  forWhom: 'Dla kogo?',
  wholeClass: 'Cała klasa',
  complimentFor: (child) => `Komplement dla: ${child}`,
  recognitionHeading: 'Czy każdy został zauważony w tym tygodniu?',
  recognitionPrivate: 'Tylko dla ciebie: rodzice i dzieci tego nie widzą.',
  notYetHeading: 'W tym tygodniu jeszcze bez żetonu, naklejki czy komplementu:',
  allRecognised: 'Każde dziecko dostało w tym tygodniu żeton, naklejkę lub komplement.',
  compliments: (n) => `Komplementy w tym tygodniu: ${n}.`,
  fourToOne: 'Wskazówka: cztery komplementy na jedną uwagę.',
  childFallback: 'Dziecko',
};
