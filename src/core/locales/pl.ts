import type { Messages } from '../i18n.js';
import { plural } from '../plural.js';

/*
 * Polish. A noun after a number takes one of three forms (1 znak, 2 znaki, 5 znaków; 22 znaki,
 * 25 znaków), chosen by Intl.PluralRules; "other" is for fractions (1,5 znaku). The family is
 * addressed together ("Wasza odpowiedź"), as the Dutch table does with "jullie".
 */

export const pl: Messages = {
  locale: 'pl',
  dir: 'ltr',
  loading: 'Ładowanie…',
  justNow: 'przed chwilą',
  savedOnDevice: 'Zapisano na tym urządzeniu. Wyślemy, gdy tylko będzie połączenie.',
  savedUntilSignedIn: 'Wylogowano cię. Zaloguj się ponownie; twój wpis jest zapisany na tym urządzeniu i zostanie wtedy wysłany.',
  signedOutKept: 'Wylogowano cię. Zaloguj się ponownie; twój wpis zostaje tutaj.',
  readAloud: 'Przeczytaj na głos',
  readAloudFailed: 'Czytanie na głos nie działa teraz na tym urządzeniu.',
  retry: 'Spróbuj ponownie',
  errors: {
    'invalid-data': { title: 'Nie można tego pokazać', body: 'Dane ze szkoły są niepoprawne.' },
    'not-found': { title: 'Nie znaleziono', body: 'Tego wpisu nie ma (już).' },
    forbidden: { title: 'Brak dostępu', body: 'Nie masz dostępu do tej treści.' },
    'signed-out': { title: 'Wylogowano cię', body: 'Zaloguj się ponownie, aby kontynuować.' },
    conflict: { title: 'Ktoś inny był szybszy', body: 'Ktoś inny w międzyczasie to zmienił.' },
    offline: { title: 'Brak połączenia', body: 'Jesteś offline. To, co piszesz, zostaje zachowane.' },
    unavailable: { title: 'Chwilowo niedostępne', body: 'Coś poszło nie tak. Spróbuj ponownie za chwilę.' },
    'not-connected': { title: 'Brak połączenia z Samen', body: 'Ta aplikacja nie jest jeszcze połączona z Samen.' },
  },
  invalidField: (path) => `To pole jest niepoprawne: ${path}`,
  missingMethods: (methods) => `Jeszcze niepodłączone: ${methods}`,
  programmes: { wish: 'WIsH', kanjer: 'Kanjertraining', pbs: 'PBS', custom: 'Lekcja' },
  unknownProgramme: 'Nieznany program',
  charactersLeft: (n) =>
    plural('pl', n, {
      one: `Został ${n} znak`,
      few: `Zostały ${n} znaki`,
      many: `Zostało ${n} znaków`,
      other: `Zostało ${n} znaku`,
    }),
  familyFallback: 'Rodzina',
  preview: {
    toggle: 'Podgląd jako rodzic',
    label: 'Podgląd:',
    note: 'tak widzą to rodzice. Nic tutaj nie jest wysyłane ani zapisywane.',
  },
};
