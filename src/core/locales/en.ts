import type { Messages } from '../i18n.js';

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

export const en: Messages = {
  locale: 'en',
  dir: 'ltr',
  loading: 'Loading…',
  justNow: 'just now',
  savedOnDevice: 'Saved on this device. It will be sent as soon as there is a connection.',
  savedUntilSignedIn: 'You are signed out. Sign in again; what you wrote is saved on this device and will be sent then.',
  signedOutKept: 'You are signed out. Sign in again; what you wrote stays here.',
  readAloud: 'Read aloud',
  readAloudFailed: 'Reading aloud doesn’t work on this device right now.',
  retry: 'Try again',
  errors: {
    'invalid-data': { title: 'This can’t be shown', body: 'The school’s data is not right.' },
    'not-found': { title: 'Not found', body: 'This post doesn’t exist (any more).' },
    forbidden: { title: 'No access', body: 'You are not allowed to see this.' },
    'signed-out': { title: 'You are signed out', body: 'Please sign in again to continue.' },
    conflict: { title: 'Someone else got there first', body: 'This was changed by someone else in the meantime.' },
    offline: { title: 'No connection', body: 'You are offline. What you type is kept.' },
    unavailable: { title: 'Not available right now', body: 'Something went wrong. Please try again soon.' },
    'not-connected': { title: 'Not connected', body: 'This app has not connected Samen yet.' },
  },
  invalidField: (path) => `Field is not right: ${path}`,
  missingMethods: (methods) => `Not connected yet: ${methods}`,
  programmes: { wish: 'WIsH', kanjer: 'Kanjertraining', pbs: 'PBS', custom: 'Lesson' },
  unknownProgramme: 'Unknown programme',
  charactersLeft: (n) => `${n} ${plural(n, 'character', 'characters')} left`,
  familyFallback: 'A family',
  preview: {
    toggle: 'Preview as parent',
    label: 'Preview:',
    note: 'this is what parents see. Nothing here is sent or saved.',
  },
};
