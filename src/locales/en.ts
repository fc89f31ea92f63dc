/**
 * English as data. Widgets load it themselves the first time they are asked for English
 * (`locale="en"`, `en-GB`, …), so nothing needs to import it; a host that imports it up front
 * (`import '@samen/widgets/locales/en';`, or `dist/locales/en.js` beside the script-tag
 * bundle) shows English from the very first frame instead of Dutch for a moment. See
 * `locales/ar` for both ways in full.
 */
import { registerLocale } from '../core/i18n.js';
import { en } from '../core/locales/en.js';

registerLocale('en', en);

export { en };
