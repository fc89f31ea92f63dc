/**
 * Turkish as data: importing this module registers the table, so that `locale="tr"` shows the
 * widgets in Turkish. Nothing else in the package imports it. With npm:
 * `import '@samen/widgets/locales/tr';`. With a script tag only, load `dist/locales/tr.js`
 * beside the bundle (languages are registered page-wide).
 * See `locales/ar` for both ways in full.
 */
import { registerLocale } from '../core/i18n.js';
import { tr } from '../core/locales/tr.js';

registerLocale('tr', tr);

export { tr };
