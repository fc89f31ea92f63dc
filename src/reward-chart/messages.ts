/**
 * The words of the reward chart, its section of the translation tables (see `defineMessages` in
 * src/core/i18n.ts): Dutch is built in, the other shipped languages load the first time the reward chart
 * shows them (./locales/xx.ts), and a language a host registers with `registerLocale` may bring
 * a `reward` section of its own, whose gaps are filled from English (or Dutch). Shared words
 * (loading, retry, errors, characters left, …) are in the core table, `this.t`.
 */
import { defineMessages } from '../core/i18n.js';
import { nl } from './locales/nl.js';

export interface RewardMessages {
  classChart: string;
  personalChart: (name?: string) => string;
  rewardIs: (reward: string) => string;
  /** "31 van 50 muntjes" (class) / "6 van 10 stickers" (personal). */
  progress: (count: number, goal: number, kind: 'class' | 'personal') => string;
  remaining: (n: number) => string;
  reached: string;
  focus: string;
  recent: string;
  stickers: string;
  noAwardsYet: string;
  earnedBefore: string;
  award: (kind: 'class' | 'personal') => string;
  awardFor: (text: string) => string;
  /** Said after each award, also the second and third in a row: "Muntje gegeven — 32 van 50". */
  given: (kind: 'class' | 'personal', count: number, goal: number) => string;
  /** Said after each home sticker: "Thuis-sticker gegeven — 7 van 10". */
  homeGiven: (count: number, goal: number) => string;
  undo: string;
  undone: string;
  redeem: string;
  redeemed: (reward: string) => string;
  newGoal: string;
  goalLabel: string;
  rewardLabel: string;
  startNewGoal: string;
  /** Closes the new-goal form unsaved. */
  cancelNewGoal: string;
  queued: (n: number) => string;
  homeSticker: string;
  reasonLabel: string;
  reasonPlaceholder: string;
  fromSchool: string;
  fromHome: string;
  /** Why nothing is ever taken away: tokens on a class chart, stickers on a personal one. */
  positiveOnly: (kind: 'class' | 'personal') => string;
  dataAdjusted: string;
  actionFailed: string;
  /** The child's view (issue 24): the badge of the child's own chart. */
  myChart: string;
  /** The child's choice of the goal's words and the reward, from what the adults allowed. */
  chooseHeading: string;
  chooseIntro: string;
  chooseWords: string;
  chooseReward: string;
  chooseSave: string;
  chooseSaving: string;
  chooseSaved: string;
  chooseNone: string;
  /** Parent and teacher: beside the goal's words the child chose. */
  ownGoal: string;
  /** The teacher's private view on a class chart (issue 24): who was recognised this week. */
  forWhom: string;
  wholeClass: string;
  /** Said after a token for one child: "Compliment voor Noor". */
  complimentFor: (child: string) => string;
  recognitionHeading: string;
  recognitionPrivate: string;
  notYetHeading: string;
  allRecognised: string;
  compliments: (n: number) => string;
  fourToOne: string;
  childFallback: string;
  /** Parent and teacher on a personal chart (issue 24): the options the child chooses from (./choices-editor.ts). */
  choicesOpen: string;
  choicesHeading: string;
  choicesIntro: string;
  choicesWords: string;
  choicesRewards: string;
  /** The fields' labels: the words, or the reward, to add. */
  choicesNewWords: string;
  choicesNewReward: string;
  choicesAdd: string;
  /** Each option's remove button's name: "Samen spelen weghalen". */
  choicesRemove: (text: string) => string;
  /** Said after adding or removing an option. */
  choicesAdded: (text: string) => string;
  choicesRemoved: (text: string) => string;
  choicesEmpty: string;
  /** Instead of the field once a list has its six. */
  choicesFull: string;
  choicesSave: string;
  choicesSaving: string;
  choicesSaved: string;
  choicesCancel: string;
}

declare module '../core/i18n.js' {
  interface SectionMessages {
    reward: RewardMessages;
  }
}

export const rewardMessages = defineMessages('reward', nl, {
  en: () => import('./locales/en.js').then((m) => m.en),
  ar: () => import('./locales/ar.js').then((m) => m.ar),
  tr: () => import('./locales/tr.js').then((m) => m.tr),
  pl: () => import('./locales/pl.js').then((m) => m.pl),
  uk: () => import('./locales/uk.js').then((m) => m.uk),
});
