/**
 * Polish as data: importing this module registers the table, so that `locale="pl"` shows the
 * widgets in Polish. Widgets load it themselves the first time they are asked for Polish
 * (waiting until it is there); importing it up front shows Polish from the first frame. With npm:
 * `import '@samen/widgets/locales/pl';`. With a script tag only, load `dist/locales/pl.js`
 * beside the bundle (languages are registered page-wide).
 * See `locales/ar` for both ways in full.
 *
 * This module is Polish for the parents' widgets: the shared table (src/core/locales/pl.ts) and
 * each widget's words (its section, src/<widget>/locales/pl.ts), one file for the language as
 * before the words moved into the widgets' folders. Widgets load it when first asked for Polish,
 * waiting for it rather than showing Dutch first; importing it up front shows Polish from the very
 * first frame; a page that never shows Polish never downloads it. The teacher's clip composer is
 * not in it: its words load on their own when a composer shows Polish
 * (src/clip-composer/locales/pl.ts), so the parents' pages never carry them.
 */
import { registerLocale, type Messages, type SectionMessages } from '../core/i18n.js';
import { pl as shared } from '../core/locales/pl.js';
import { pl as clip } from '../lesson-clip/locales/pl.js';
import { pl as feedback } from '../feedback-bar/locales/pl.js';
import { pl as reward } from '../reward-chart/locales/pl.js';
import { pl as feelings } from '../feelings-checkin/locales/pl.js';
import { pl as matrix } from '../expectation-matrix/locales/pl.js';
import { pl as thread } from '../thread/locales/pl.js';

/** Polish for the parents' widgets, as a host could register it: the shared table and each widget's section by name. */
const pl: Messages & Omit<SectionMessages, 'composer' | 'overview' | 'meeting' | 'intro' | 'evaluation'> = {
  ...shared,
  clip,
  feedback,
  reward,
  feelings,
  matrix,
  thread,
};

registerLocale('pl', pl);

export { pl };
