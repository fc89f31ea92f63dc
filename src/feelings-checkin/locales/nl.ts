import type { FeelingsMessages } from '../messages.js';

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

export const nl: FeelingsMessages = {
  words: {
    happy: 'blij',
    angry: 'boos',
    scared: 'bang',
    sad: 'verdrietig',
    proud: 'trots',
    tired: 'moe',
    nervous: 'zenuwachtig',
    calm: 'rustig',
  },
  question: 'Hoe voel je je?',
  yourChoice: 'Jouw keuze:',
  questionParent: 'Hoe voelt je kind zich?',
  strength: 'Hoe sterk voel je het?',
  strengthWords: ['een klein beetje', 'een beetje', 'best wel', 'erg', 'heel erg'],
  strengthValue: (n) => `${n} van 5`,
  noteLabel: 'Wil je er iets over vertellen? (Dat hoeft niet.)',
  notePlaceholder: 'Bijvoorbeeld: na het zwemmen was ze moe',
  starter: (word) => `Ik voel me ${word} omdat …`,
  save: 'Opslaan',
  saving: 'Bezig met opslaan…',
  saved: 'Opgeslagen. Dank je wel!',
  saveFailed: 'Opslaan lukte niet. Je keuze is bewaard.',
  today: (word, strength) => `Vandaag: ${word} (${strength} van 5)`,
  context: { home: 'thuis', school: 'op school' },
  history: 'De afgelopen 14 dagen',
  noCheckin: 'geen check-in',
  classToday: 'De klas vandaag',
  checkedIn: (n) => `${n} ${plural(n, 'kind', 'kinderen')} ingecheckt`,
  week: 'Deze week',
  weekDay: (checkins, negative) => `${checkins} ${plural(checkins, 'check-in', 'check-ins')}, ${negative} met een moeilijk gevoel`,
  signals: 'Signalen',
  noSignals: 'Er zijn nu geen signalen.',
  signal: (name, feelings, days, window, schoolDays) =>
    `Op ${days} van de laatste ${window} ${schoolDays ? plural(window, 'schooldag', 'schooldagen') : plural(window, 'dag', 'dagen')} koos ${name} een sterk gevoel: ${feelings}.`,
  nextStep: 'Wat kun je doen?',
  steps: {
    child: 'Vraag het kind hoe het gaat',
    parents: 'Praat met de ouders',
    'care-coordinator': 'Overleg met de IB’er',
    teacher: 'Overleg met de leerkracht',
  },
  childFallback: 'een kind',
  privacy: 'Alleen de leerkracht en de intern begeleider (IB’er) zien signalen. Ouders zien alleen hun eigen kind.',
  whoSees:
    'Wie ziet dit? De leerkracht en de intern begeleider (IB’er) van school zien deze check-in en je notitie. De IB’er let vooral op kinderen die het een paar schooldagen moeilijk hebben. Andere ouders zien dit nooit.',
  whoSeesChild: 'Je juf of meester ziet wat je kiest en schrijft.',
  feelingsRefused: 'Een paar check-ins klopten niet en zijn overgeslagen.',
};
