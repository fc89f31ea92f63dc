import type { RewardMessages } from '../messages.js';
import { plural } from '../../core/plural.js';

const count = (n: number, one: string, few: string, many: string, other: string) => plural('uk', n, { one, few, many, other });

export const uk: RewardMessages = {
  classChart: 'Мета класу',
  personalChart: (name) => (name ? `Картка наліпок: ${name}` : 'Картка наліпок'),
  rewardIs: (reward) => `Нагорода: ${reward}`,
  progress: (n, goal, kind) =>
    `${n} з ${goal} ${kind === 'class' ? count(goal, 'жетона', 'жетонів', 'жетонів', 'жетона') : count(goal, 'наліпки', 'наліпок', 'наліпок', 'наліпки')}`,
  remaining: (n) => `Ще ${n}`,
  reached: 'Мети досягнуто!',
  focus: 'Над цим ми працюємо',
  recent: 'За це ми отримали жетони',
  stickers: 'Наліпки',
  noAwardsYet: 'Наліпок ще немає. Перша точно скоро буде!',
  earnedBefore: 'Отримано раніше',
  award: (kind) => (kind === 'class' ? 'Дати жетон' : 'Дати наліпку'),
  awardFor: (text) => `За: ${text}`,
  given: (kind, count, goal) => `${kind === 'class' ? 'Видано жетон' : 'Видано наліпку'} — ${count} з ${goal}`,
  homeGiven: (count, goal) => `Видано домашню наліпку — ${count} з ${goal}`,
  undo: 'Скасувати',
  undone: 'Скасовано',
  redeem: 'Святкуймо нагороду',
  redeemed: (reward) => `Молодці! Настав час: ${reward}`,
  newGoal: 'Нова мета',
  goalLabel: 'Скільки',
  rewardLabel: 'Нагорода',
  startNewGoal: 'Почати нову мету',
  cancelNewGoal: 'Скасувати',
  queued: (n) => `Ще не надіслано: ${n}. Надішлемо, щойно з’явиться зв’язок.`,
  homeSticker: 'Дати домашню наліпку',
  reasonLabel: 'За що?',
  reasonPlaceholder: 'Наприклад: самостійно накрили на стіл',
  fromSchool: 'У школі',
  fromHome: 'Вдома',
  positiveOnly: (kind) =>
    kind === 'class' ? 'Лише позитив: жетони дають, але ніколи не забирають.' : 'Лише позитив: наліпки дають, але ніколи не забирають.',
  dataAdjusted: 'Деякі дані від школи були некоректні, тож їх пропущено.',
  actionFailed: 'Не вдалося. Спробуйте ще раз.',
};
