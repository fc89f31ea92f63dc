/**
 * Ukrainian as data: importing this module registers the table, so that `locale="uk"` shows the
 * widgets in Ukrainian. Nothing else in the package imports it. With npm:
 * `import '@samen/widgets/locales/uk';`. With a script tag only, load `dist/locales/uk.js`
 * beside the bundle (languages are registered page-wide).
 * See `locales/ar` for both ways in full.
 */
import { registerLocale } from '../core/i18n.js';
import { uk } from '../core/locales/uk.js';

registerLocale('uk', uk);

export { uk };
