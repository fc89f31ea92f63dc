import type { RewardMessages } from '../messages.js';

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

export const nl: RewardMessages = {
  classChart: 'Klassendoel',
  personalChart: (name) => (name ? `Stickerkaart van ${name}` : 'Stickerkaart'),
  rewardIs: (reward) => `Beloning: ${reward}`,
  progress: (count, goal, kind) =>
    `${count} van ${goal} ${kind === 'class' ? plural(goal, 'muntje', 'muntjes') : plural(goal, 'sticker', 'stickers')}`,
  remaining: (n) => `Nog ${n} te gaan`,
  reached: 'Doel bereikt!',
  focus: 'Hier werken we aan',
  recent: 'Hiervoor kregen we muntjes',
  stickers: 'Stickers',
  noAwardsYet: 'Nog geen stickers. De eerste komt vast snel!',
  earnedBefore: 'Eerder verdiend',
  award: (kind) => (kind === 'class' ? 'Muntje geven' : 'Sticker geven'),
  awardFor: (text) => `Voor: ${text}`,
  given: (kind, count, goal) => `${kind === 'class' ? 'Muntje' : 'Sticker'} gegeven — ${count} van ${goal}`,
  homeGiven: (count, goal) => `Thuis-sticker gegeven — ${count} van ${goal}`,
  undo: 'Ongedaan maken',
  undone: 'Ongedaan gemaakt',
  redeem: 'Beloning vieren',
  redeemed: (reward) => `Gefeliciteerd! Tijd voor: ${reward}`,
  newGoal: 'Nieuw doel',
  goalLabel: 'Aantal',
  rewardLabel: 'Beloning',
  startNewGoal: 'Start het nieuwe doel',
  cancelNewGoal: 'Annuleren',
  queued: (n) => `Nog niet verstuurd: ${n}. We versturen het zodra er weer internet is.`,
  homeSticker: 'Thuis-sticker geven',
  reasonLabel: 'Waarvoor?',
  reasonPlaceholder: 'Bijvoorbeeld: zelf de tafel gedekt',
  fromSchool: 'Op school',
  fromHome: 'Thuis',
  positiveOnly: (kind) =>
    kind === 'class'
      ? 'Alleen positief: we geven muntjes en pakken er nooit een af.'
      : 'Alleen positief: we geven stickers en pakken er nooit een af.',
  dataAdjusted: 'Een paar gegevens van de school klopten niet en zijn overgeslagen.',
  actionFailed: 'Dat lukte niet. Probeer het nog eens.',
  forWhom: 'Voor wie?',
  wholeClass: 'De hele klas',
  complimentFor: (child) => `Compliment voor ${child}`,
  recognitionHeading: 'Iedereen gezien deze week?',
  recognitionPrivate: 'Alleen voor jou: ouders en kinderen zien dit niet.',
  notYetHeading: 'Nog geen muntje, sticker of compliment deze week:',
  allRecognised: 'Elk kind kreeg deze week al een muntje, sticker of compliment.',
  compliments: (n) => (n === 1 ? 'Deze week 1 compliment gegeven.' : `Deze week ${n} complimenten gegeven.`),
  fourToOne: 'Tip: vier complimenten op één correctie.',
  childFallback: 'Kind',
};
