/**
 * Polish as data: importing this module registers the table, so that `locale="pl"` shows the
 * widgets in Polish. Widgets load it themselves the first time they are asked for Polish
 * (showing Dutch until it is there); importing it up front shows Polish from the first frame. With npm:
 * `import '@samen/widgets/locales/pl';`. With a script tag only, load `dist/locales/pl.js`
 * beside the bundle (languages are registered page-wide).
 * See `locales/ar` for both ways in full.
 */
import { registerLocale } from '../core/i18n.js';
import { pl } from '../core/locales/pl.js';

registerLocale('pl', pl);

export { pl };
