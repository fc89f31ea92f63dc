/**
 * Turkish as data: importing this module registers the table, so that `locale="tr"` shows the
 * widgets in Turkish. Widgets load it themselves the first time they are asked for Turkish
 * (showing Dutch until it is there); importing it up front shows Turkish from the first frame. With npm:
 * `import '@samen/widgets/locales/tr';`. With a script tag only, load `dist/locales/tr.js`
 * beside the bundle (languages are registered page-wide).
 * See `locales/ar` for both ways in full.
 */
import { registerLocale } from '../core/i18n.js';
import { tr } from '../core/locales/tr.js';

registerLocale('tr', tr);

export { tr };
