import type { RewardMessages } from '../messages.js';

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

export const en: RewardMessages = {
  classChart: 'Class goal',
  personalChart: (name) => (name ? `${name}’s sticker chart` : 'Sticker chart'),
  rewardIs: (reward) => `Reward: ${reward}`,
  progress: (count, goal, kind) =>
    `${count} of ${goal} ${kind === 'class' ? plural(goal, 'token', 'tokens') : plural(goal, 'sticker', 'stickers')}`,
  remaining: (n) => `${n} to go`,
  reached: 'Goal reached!',
  focus: 'What we are working on',
  recent: 'What we got tokens for',
  stickers: 'Stickers',
  noAwardsYet: 'No stickers yet. The first one is surely coming soon!',
  earnedBefore: 'Earned before',
  award: (kind) => (kind === 'class' ? 'Give a token' : 'Give a sticker'),
  awardFor: (text) => `For: ${text}`,
  given: (kind, count, goal) => `${kind === 'class' ? 'Token' : 'Sticker'} given — ${count} of ${goal}`,
  homeGiven: (count, goal) => `Home sticker given — ${count} of ${goal}`,
  undo: 'Undo',
  undone: 'Undone',
  redeem: 'Celebrate the reward',
  redeemed: (reward) => `Well done! Time for: ${reward}`,
  newGoal: 'New goal',
  goalLabel: 'How many',
  rewardLabel: 'Reward',
  startNewGoal: 'Start the new goal',
  cancelNewGoal: 'Cancel',
  queued: (n) => `Not sent yet: ${n}. We will send it as soon as there is a connection.`,
  homeSticker: 'Give a home sticker',
  reasonLabel: 'What for?',
  reasonPlaceholder: 'For example: set the table by myself',
  fromSchool: 'At school',
  fromHome: 'At home',
  positiveOnly: (kind) =>
    kind === 'class' ? 'Positive only: tokens are given, never taken away.' : 'Positive only: stickers are given, never taken away.',
  dataAdjusted: 'Some of the school’s data was not right and was skipped.',
  actionFailed: 'That didn’t work. Please try again.',
};
