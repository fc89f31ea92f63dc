import type { MeetingMessages } from '../messages.js';

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

export const nl: MeetingMessages = {
  kinds: {
    'information-evening': 'Informatieavond',
    'last-lesson': 'Laatste les, met ouders',
    'child-conversation': 'Gesprek met ouder, kind en leerkracht',
  },
  when: 'Wanneer',
  where: 'Waar',
  bring: 'Neem mee',
  invitedBy: (name) => `Uitnodiging van ${name}`,
  question: 'Kom je?',
  answers: { yes: 'Ja, ik kom', maybe: 'Misschien', no: 'Nee, ik kan niet' },
  people: 'Met hoeveel personen?',
  send: 'Antwoord versturen',
  sending: 'Bezig met versturen…',
  yourAnswer: (answer, people) =>
    answer === 'no'
      ? 'Je komt niet. Jammer! Na afloop lees je hier wat er besproken is.'
      : `${answer === 'yes' ? 'Je komt' : 'Je komt misschien'}, met ${people} ${plural(people, 'persoon', 'personen')}.`,
  change: 'Antwoord aanpassen',
  sent: 'Dank je wel! Je antwoord is verstuurd.',
  handedOver: 'Dank je wel! Je antwoord staat in de agenda van de app.',
  failed: 'Je antwoord is niet verstuurd. Probeer het nog eens.',
  addToCalendar: 'Zet in je agenda',
  calendarReady: 'Het agendabestand staat klaar.',
  past: 'Deze bijeenkomst is geweest.',
  summary: 'Voor wie er niet bij kon zijn',
  summaryFollows: 'Juf of meester zet hier straks een korte samenvatting.',
  sheet: 'Voorbereiding voor het gesprek',
  sheetIntro: 'Vul dit samen met je kind in. De leerkracht leest het voor het gesprek.',
  keywords: 'Een paar woorden die je kind kiest',
  keywordsHint: 'Bijvoorbeeld: voetbal, vriendjes, rekenen',
  goesWell: 'Dit gaat goed',
  talkAbout: 'Hierover willen we praten',
  sendSheet: 'Blad versturen',
  sheetSent: 'Verstuurd. De leerkracht leest het voor het gesprek.',
  sheetFailed: 'Het blad is niet verstuurd. Wat je schreef, blijft staan.',
  sheetEmpty: 'Vul eerst iets in.',
  draftKept: 'Wat je typt, blijft bewaard op dit apparaat.',
  replies: 'Antwoorden van ouders',
  count: (answer, n) => `${{ yes: 'Ja', maybe: 'Misschien', no: 'Nee' }[answer]}: ${n}`,
  peopleTotal: (n) => `${n} ${plural(n, 'persoon', 'personen')} verwacht`,
  notReplied: (n, total) => `${n} van ${total} ${plural(total, 'gezin', 'gezinnen')} nog geen antwoord`,
  noReplies: 'Nog geen antwoorden.',
  replyOf: (answer, people) =>
    answer === 'no' ? 'Nee' : `${answer === 'yes' ? 'Ja' : 'Misschien'}, ${people} ${plural(people, 'persoon', 'personen')}`,
  sheets: 'Voorbereidingsbladen',
  noSheets: 'Nog geen bladen ingevuld.',
};
