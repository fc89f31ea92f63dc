import type { FeedbackMessages } from '../messages.js';

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

export const en: FeedbackMessages = {
  toolbar: 'React',
  reactions: {
    like: 'Thumbs up',
    heart: 'Heart',
    clap: 'Applause',
    'talked-at-home': 'Talked about it at home',
    'practised-at-home': 'Practised at home',
  },
  reactionName: (label, count) => `${label}, ${count}`,
  reactionGiven: (label, count) => `${label} given — ${count}`,
  reactionTakenBack: (label, count) => `${label} taken back — ${count}`,
  reactionFailed: 'Your reaction was not saved. Please try again.',
  replyLabel: 'Short message to the teacher',
  replyPlaceholder: 'For example: it went well at home!',
  send: 'Send',
  sending: 'Sending…',
  replyFailed: 'Sending failed. Your text is kept.',
  replySent: 'Message sent',
  yourReplies: 'Your messages',
  replies: 'Messages from parents',
  noReplies: 'No messages yet.',
  noReactions: 'No reactions yet.',
  whoReacted: 'Who reacted',
  nobody: 'Nobody yet',
  homeShare: (n, total) => `${n} of ${total} ${plural(total, 'family', 'families')} did it at home`,
};
