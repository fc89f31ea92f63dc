/**
 * Ukrainian as data: importing this module registers the table, so that `locale="uk"` shows the
 * widgets in Ukrainian. Widgets load it themselves the first time they are asked for Ukrainian
 * (showing Dutch until it is there); importing it up front shows Ukrainian from the first frame. With npm:
 * `import '@samen/widgets/locales/uk';`. With a script tag only, load `dist/locales/uk.js`
 * beside the bundle (languages are registered page-wide).
 * See `locales/ar` for both ways in full.
 */
import { registerLocale } from '../core/i18n.js';
import { uk } from '../core/locales/uk.js';

registerLocale('uk', uk);

export { uk };
