import type { ThreadMessages } from '../messages.js';

export const en: ThreadMessages = {
  withTeacher: 'Conversation with the teacher',
  withFamily: (family) => `Conversation with ${family}`,
  fromTeacher: 'Teacher',
  fromFamily: 'Family',
  you: 'You',
  unread: (n) => (n === 1 ? '1 new message' : `${n} new messages`),
  privacy: 'Only your family and the class teacher read this.',
  label: 'Your message',
  placeholder: 'Write a short message back',
  send: 'Send',
  sending: 'Sending…',
  sendFailed: 'Sending failed. Your text is kept.',
  arrived: (from) => `New message from ${from}`,
  sent: 'Your message was sent.',
  answerFamily: 'Answer',
};
