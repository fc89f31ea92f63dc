/**
 * English as data. Widgets load it themselves the first time they are asked for English
 * (`locale="en"`, `en-GB`, …), so nothing needs to import it; a host that imports it up front
 * (`import '@samen/widgets/locales/en';`, or `dist/locales/en.js` beside the script-tag
 * bundle) shows English from the very first frame instead of Dutch for a moment. See
 * `locales/ar` for both ways in full.
 *
 * This module is English for the parents' widgets: the shared table (src/core/locales/en.ts) and
 * each widget's words (its section, src/<widget>/locales/en.ts), one file for the language as
 * before the words moved into the widgets' folders. Widgets load it when first asked for English,
 * waiting for it rather than showing Dutch first; importing it up front shows English from the very
 * first frame; a page that never shows English never downloads it. The teacher's clip composer is
 * not in it: its words load on their own when a composer shows English
 * (src/clip-composer/locales/en.ts), so the parents' pages never carry them.
 */
import { registerLocale, type Messages, type SectionMessages } from '../core/i18n.js';
import { en as shared } from '../core/locales/en.js';
import { en as clip } from '../lesson-clip/locales/en.js';
import { en as feedback } from '../feedback-bar/locales/en.js';
import { en as reward } from '../reward-chart/locales/en.js';
import { en as feelings } from '../feelings-checkin/locales/en.js';
import { en as matrix } from '../expectation-matrix/locales/en.js';
import { en as thread } from '../thread/locales/en.js';

/** English for the parents' widgets, as a host could register it: the shared table and each widget's section by name. */
const en: Messages & Omit<SectionMessages, 'composer' | 'overview' | 'meeting' | 'intro' | 'evaluation'> = {
  ...shared,
  clip,
  feedback,
  reward,
  feelings,
  matrix,
  thread,
};

registerLocale('en', en);

export { en };
