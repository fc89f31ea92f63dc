import type { FeelingsMessages } from '../messages.js';

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

export const en: FeelingsMessages = {
  words: { happy: 'happy', angry: 'angry', scared: 'scared', sad: 'sad', proud: 'proud', tired: 'tired', nervous: 'nervous', calm: 'calm' },
  question: 'How do you feel?',
  yourChoice: 'Your choice:',
  questionParent: 'How does your child feel?',
  strength: 'How strong is the feeling?',
  strengthWords: ['a tiny bit', 'a bit', 'quite', 'very', 'very, very'],
  strengthValue: (n) => `${n} of 5`,
  noteLabel: 'Anything you want to tell? (optional)',
  notePlaceholder: 'For example: she was tired after swimming',
  starter: (word) => `I feel ${word} because …`,
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved. Thank you!',
  saveFailed: 'Saving failed. Your choice is kept.',
  today: (word, strength) => `Today: ${word} (${strength} of 5)`,
  context: { home: 'at home', school: 'at school' },
  history: 'The last 14 days',
  noCheckin: 'no check-in',
  classToday: 'The class today',
  checkedIn: (n) => `${n} ${plural(n, 'child', 'children')} checked in`,
  week: 'This week',
  weekDay: (checkins, negative) => `${checkins} ${plural(checkins, 'check-in', 'check-ins')}, ${negative} with a difficult feeling`,
  signals: 'Signals',
  noSignals: 'There are no signals now.',
  signal: (name, feelings, days, window, schoolDays) =>
    `On ${days} of the last ${window} ${schoolDays ? plural(window, 'school day', 'school days') : plural(window, 'day', 'days')}, ${name} picked a strong feeling: ${feelings}.`,
  nextStep: 'What can you do?',
  steps: {
    child: 'Ask the child how things are',
    parents: 'Talk with the parents',
    'care-coordinator': 'Talk it over with the care coordinator',
    teacher: 'Talk it over with the teacher',
  },
  childFallback: 'a child',
  privacy: 'Only the teacher and the care coordinator see signals. Parents only see their own child.',
  whoSees:
    'Who sees this? The teacher and the school’s care coordinator see this check-in and your note. The care coordinator looks out for children who have a hard time for a few school days. Other parents never see it.',
  whoSeesChild: 'Your teacher sees what you choose and write.',
  feelingsRefused: 'Some check-ins were not right and were skipped.',
};
