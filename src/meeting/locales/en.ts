import type { MeetingMessages } from '../messages.js';

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

export const en: MeetingMessages = {
  kinds: {
    'information-evening': 'Information evening',
    'last-lesson': 'Last lesson, with parents',
    'child-conversation': 'Parent, child and teacher conversation',
  },
  when: 'When',
  where: 'Where',
  bring: 'Bring',
  invitedBy: (name) => `Invitation from ${name}`,
  question: 'Are you coming?',
  answers: { yes: 'Yes, I’m coming', maybe: 'Maybe', no: 'No, I can’t' },
  people: 'How many people?',
  send: 'Send answer',
  sending: 'Sending…',
  yourAnswer: (answer, people) =>
    answer === 'no'
      ? 'You’re not coming. What a pity! Afterwards you can read here what was discussed.'
      : `${answer === 'yes' ? 'You’re coming' : 'You might come'}, with ${people} ${plural(people, 'person', 'people')}.`,
  change: 'Change answer',
  sent: 'Thank you! Your answer has been sent.',
  handedOver: 'Thank you! Your answer is in the app’s calendar.',
  failed: 'Your answer was not sent. Please try again.',
  addToCalendar: 'Add to your calendar',
  calendarReady: 'The calendar file is ready.',
  past: 'This meeting has taken place.',
  summary: 'For those who could not come',
  summaryFollows: 'The teacher will put a short summary here soon.',
  sheet: 'Preparing the conversation',
  sheetIntro: 'Fill this in together with your child. The teacher reads it before the conversation.',
  keywords: 'A few words your child chooses',
  keywordsHint: 'For example: football, friends, maths',
  goesWell: 'What goes well',
  talkAbout: 'What we want to talk about',
  sendSheet: 'Send sheet',
  sheetSent: 'Sent. The teacher reads it before the conversation.',
  sheetFailed: 'The sheet was not sent. What you wrote stays here.',
  sheetEmpty: 'Fill in something first.',
  draftKept: 'What you type is kept on this device.',
  replies: 'Answers from parents',
  count: (answer, n) => `${{ yes: 'Yes', maybe: 'Maybe', no: 'No' }[answer]}: ${n}`,
  peopleTotal: (n) => `${n} ${plural(n, 'person', 'people')} expected`,
  notReplied: (n, total) => `${n} of ${total} ${plural(total, 'family', 'families')} have not answered yet`,
  noReplies: 'No answers yet.',
  replyOf: (answer, people) =>
    answer === 'no' ? 'No' : `${answer === 'yes' ? 'Yes' : 'Maybe'}, ${people} ${plural(people, 'person', 'people')}`,
  sheets: 'Preparation sheets',
  noSheets: 'No sheets filled in yet.',
};
