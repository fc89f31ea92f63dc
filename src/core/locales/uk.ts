import type { Messages } from '../i18n.js';
import { plural } from '../plural.js';

/*
 * Ukrainian. A noun after a number takes one of three forms (1 символ, 2 символи, 5 символів;
 * 21 символ, 22 символи, 25 символів), chosen by Intl.PluralRules; "other" is for fractions.
 * Parents are addressed with the polite "ви", children with "ти".
 */

export const uk: Messages = {
  locale: 'uk',
  dir: 'ltr',
  loading: 'Завантаження…',
  justNow: 'щойно',
  savedOnDevice: 'Збережено на цьому пристрої. Надішлемо, щойно з’явиться зв’язок.',
  savedUntilSignedIn:
    'Ви вийшли з облікового запису. Увійдіть знову; ваш запис збережено на цьому пристрої, і його буде надіслано після входу.',
  signedOutKept: 'Ви вийшли з облікового запису. Увійдіть знову; ваш запис залишається тут.',
  readAloud: 'Прочитати вголос',
  readAloudFailed: 'Читання вголос зараз не працює на цьому пристрої.',
  retry: 'Спробувати ще раз',
  errors: {
    'invalid-data': { title: 'Не вдається показати', body: 'Дані від школи некоректні.' },
    'not-found': { title: 'Не знайдено', body: 'Такого допису немає (вже).' },
    forbidden: { title: 'Немає доступу', body: 'У вас немає дозволу це бачити.' },
    'signed-out': { title: 'Ви вийшли з облікового запису', body: 'Увійдіть знову, щоб продовжити.' },
    conflict: { title: 'Хтось вас випередив', body: 'Тим часом це змінив хтось інший.' },
    offline: { title: 'Немає зв’язку', body: 'Ви офлайн. Те, що ви пишете, збережеться.' },
    unavailable: { title: 'Зараз недоступно', body: 'Щось пішло не так. Спробуйте трохи згодом.' },
    'not-connected': { title: 'Не підключено', body: 'Цей застосунок ще не підключив Samen.' },
  },
  invalidField: (path) => `Поле заповнено неправильно: ${path}`,
  missingMethods: (methods) => `Ще не під’єднано: ${methods}`,
  programmes: { wish: 'WIsH', kanjer: 'Kanjertraining', pbs: 'PBS', custom: 'Урок' },
  unknownProgramme: 'Невідома програма',
  charactersLeft: (n) =>
    plural('uk', n, {
      one: `Залишився ${n} символ`,
      few: `Залишилося ${n} символи`,
      many: `Залишилося ${n} символів`,
      other: `Залишилося ${n} символу`,
    }),
  familyFallback: 'Сім’я',
  preview: {
    toggle: 'Переглянути як батьки',
    label: 'Попередній перегляд:',
    note: 'так це бачать батьки. Тут нічого не надсилається і не зберігається.',
  },
};
