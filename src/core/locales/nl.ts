import type { Messages } from '../i18n.js';

/*
 * Dutch, the schools' language: written the way a teacher in a primary school writes to
 * parents (B1: short sentences, common words, warm), with "je" for parents and children alike.
 * The fixed words (lesbericht, thuisvraag, muntje, sticker, check-in, IB’er, …) are in
 * docs/glossary.md. A noun after a number agrees with it: 1 gezin, 2 gezinnen; 0 takes the plural.
 */

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

export const nl: Messages = {
  locale: 'nl',
  dir: 'ltr',
  loading: 'Laden…',
  justNow: 'zojuist',
  savedOnDevice: 'Bewaard op dit apparaat. We versturen het zodra er weer internet is.',
  savedUntilSignedIn: 'Je bent uitgelogd. Log opnieuw in. Daarna versturen we wat je schreef.',
  signedOutKept: 'Je bent uitgelogd. Log opnieuw in. Wat je schreef, blijft hier staan.',
  readAloud: 'Lees voor',
  readAloudFailed: 'Voorlezen lukt nu niet op dit apparaat.',
  retry: 'Opnieuw proberen',
  errors: {
    'invalid-data': { title: 'Dit kunnen we niet laten zien', body: 'Er klopt iets niet in de gegevens van school.' },
    'not-found': { title: 'Niet gevonden', body: 'Dit bericht is er niet (meer).' },
    forbidden: { title: 'Geen toegang', body: 'Je mag dit niet bekijken.' },
    'signed-out': { title: 'Je bent uitgelogd', body: 'Log opnieuw in om verder te gaan.' },
    conflict: { title: 'Iemand anders was je voor', body: 'Iemand anders heeft dit net veranderd.' },
    offline: { title: 'Geen internet', body: 'Je hebt nu geen internet. Wat je typt, blijft bewaard.' },
    unavailable: { title: 'Even niet beschikbaar', body: 'Er ging iets mis. Probeer het zo nog eens.' },
    'not-connected': { title: 'Niet verbonden', body: 'Deze app is nog niet met Samen verbonden.' },
  },
  invalidField: (path) => `Dit veld klopt niet: ${path}`,
  missingMethods: (methods) => `Nog niet gekoppeld: ${methods}`,
  programmes: { wish: 'WIsH', kanjer: 'Kanjertraining', pbs: 'PBS', custom: 'Les' },
  unknownProgramme: 'Onbekend lesprogramma',
  charactersLeft: (n) => `Nog ${n} ${plural(n, 'teken', 'tekens')}`,
  familyFallback: 'Een gezin',
  preview: {
    toggle: 'Bekijk als ouder',
    label: 'Voorbeeld:',
    note: 'zo zien ouders het. Hier verstuur en bewaar je niets.',
  },
};
