/**
 * Ukrainian as data: importing this module registers the table, so that `locale="uk"` shows the
 * widgets in Ukrainian. Nothing else in the package imports it. With npm:
 * `import '@samen/widgets/locales/uk';`. With a script tag only, register the plain table
 * through the bundle: `registerLocale('uk', uk)` with `uk` from `dist/core/locales/uk.js`.
 * See `locales/ar` for both ways in full.
 */
import { registerLocale } from '../core/i18n.js';
import { uk } from '../core/locales/uk.js';

registerLocale('uk', uk);

export { uk };
