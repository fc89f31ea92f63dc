import type { ThreadMessages } from '../messages.js';

export const nl: ThreadMessages = {
  withTeacher: 'Gesprek met de leerkracht',
  withFamily: (family) => `Gesprek met ${family}`,
  fromTeacher: 'Leerkracht',
  fromFamily: 'Familie',
  you: 'Jij',
  unread: (n) => (n === 1 ? '1 nieuw bericht' : `${n} nieuwe berichten`),
  privacy: 'Alleen jullie gezin en de leerkracht van de klas lezen dit.',
  label: 'Jouw bericht',
  placeholder: 'Schrijf een kort bericht terug',
  send: 'Versturen',
  sending: 'Versturen…',
  sendFailed: 'Versturen lukte niet. Je tekst is bewaard.',
  arrived: (from) => `Nieuw bericht van ${from}`,
  sent: 'Je bericht is verstuurd.',
  answerFamily: 'Antwoorden',
  exampleLabel: 'Voorbeeld:',
  tipTopFromTeacher: 'Tip en top van de leerkracht',
  tipTopFor: (child) => (child ? `Tip en top voor thuis over ${child}` : 'Tip en top voor thuis'),
  tipTopOpen: 'Tip en top sturen',
  top: 'Top:',
  tipForHome: 'Tip voor thuis:',
  tipTopExample:
    'Top: vandaag wachtte hij rustig op zijn beurt. Tip voor thuis: laat hem bij een spelletje zelf zeggen wie er aan de beurt is.',
};
