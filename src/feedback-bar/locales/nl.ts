import type { FeedbackMessages } from '../messages.js';

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

export const nl: FeedbackMessages = {
  toolbar: 'Reageer',
  reactions: {
    like: 'Duim omhoog',
    heart: 'Hartje',
    clap: 'Applaus',
    'talked-at-home': 'Thuis over gepraat',
    'practised-at-home': 'Thuis geoefend',
  },
  reactionName: (label, count) => `${label}, ${count}`,
  reactionGiven: (label, count) => `${label} gegeven — ${count}`,
  reactionTakenBack: (label, count) => `${label} weggehaald — ${count}`,
  reactionFailed: 'Je reactie is niet opgeslagen. Probeer het nog eens.',
  replyLabel: 'Kort berichtje aan de leerkracht',
  replyPlaceholder: 'Bijvoorbeeld: thuis ging het goed!',
  send: 'Versturen',
  sending: 'Bezig met versturen…',
  replyFailed: 'Versturen lukte niet. Je tekst is bewaard.',
  replySent: 'Bericht verstuurd',
  yourReplies: 'Jullie berichtjes',
  replies: 'Berichtjes van ouders',
  noReplies: 'Nog geen berichtjes.',
  noReactions: 'Nog geen reacties.',
  whoReacted: 'Wie reageerde',
  nobody: 'Nog niemand',
  homeShare: (n, total) => `${n} van ${total} ${plural(total, 'gezin', 'gezinnen')} ${plural(n, 'deed', 'deden')} het thuis`,
};
