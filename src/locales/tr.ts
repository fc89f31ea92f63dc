/**
 * Turkish as data: importing this module registers the table, so that `locale="tr"` shows the
 * widgets in Turkish. Widgets load it themselves the first time they are asked for Turkish
 * (waiting until it is there); importing it up front shows Turkish from the first frame. With npm:
 * `import '@samen/widgets/locales/tr';`. With a script tag only, load `dist/locales/tr.js`
 * beside the bundle (languages are registered page-wide).
 * See `locales/ar` for both ways in full.
 *
 * This module is Turkish for the parents' widgets: the shared table (src/core/locales/tr.ts) and
 * each widget's words (its section, src/<widget>/locales/tr.ts), one file for the language as
 * before the words moved into the widgets' folders. Widgets load it when first asked for Turkish,
 * waiting for it rather than showing Dutch first; importing it up front shows Turkish from the very
 * first frame; a page that never shows Turkish never downloads it. The teacher's clip composer is
 * not in it: its words load on their own when a composer shows Turkish
 * (src/clip-composer/locales/tr.ts), so the parents' pages never carry them.
 */
import { registerLocale, type Messages, type SectionMessages } from '../core/i18n.js';
import { tr as shared } from '../core/locales/tr.js';
import { tr as clip } from '../lesson-clip/locales/tr.js';
import { tr as feedback } from '../feedback-bar/locales/tr.js';
import { tr as reward } from '../reward-chart/locales/tr.js';
import { tr as feelings } from '../feelings-checkin/locales/tr.js';
import { tr as matrix } from '../expectation-matrix/locales/tr.js';
import { tr as thread } from '../thread/locales/tr.js';

/** Turkish for the parents' widgets, as a host could register it: the shared table and each widget's section by name. */
const tr: Messages & Omit<SectionMessages, 'composer' | 'overview' | 'meeting' | 'intro' | 'evaluation'> = {
  ...shared,
  clip,
  feedback,
  reward,
  feelings,
  matrix,
  thread,
};

registerLocale('tr', tr);

export { tr };
