/**
 * Ukrainian as data: importing this module registers the table, so that `locale="uk"` shows the
 * widgets in Ukrainian. Widgets load it themselves the first time they are asked for Ukrainian
 * (waiting until it is there); importing it up front shows Ukrainian from the first frame. With npm:
 * `import '@samen/widgets/locales/uk';`. With a script tag only, load `dist/locales/uk.js`
 * beside the bundle (languages are registered page-wide).
 * See `locales/ar` for both ways in full.
 *
 * This module is Ukrainian for the parents' widgets: the shared table (src/core/locales/uk.ts) and
 * each widget's words (its section, src/<widget>/locales/uk.ts), one file for the language as
 * before the words moved into the widgets' folders. Widgets load it when first asked for Ukrainian,
 * waiting for it rather than showing Dutch first; importing it up front shows Ukrainian from the very
 * first frame; a page that never shows Ukrainian never downloads it. The teacher's clip composer is
 * not in it: its words load on their own when a composer shows Ukrainian
 * (src/clip-composer/locales/uk.ts), so the parents' pages never carry them.
 */
import { registerLocale, type Messages, type SectionMessages } from '../core/i18n.js';
import { uk as shared } from '../core/locales/uk.js';
import { uk as clip } from '../lesson-clip/locales/uk.js';
import { uk as feedback } from '../feedback-bar/locales/uk.js';
import { uk as reward } from '../reward-chart/locales/uk.js';
import { uk as feelings } from '../feelings-checkin/locales/uk.js';
import { uk as matrix } from '../expectation-matrix/locales/uk.js';
import { uk as thread } from '../thread/locales/uk.js';

/** Ukrainian for the parents' widgets, as a host could register it: the shared table and each widget's section by name. */
const uk: Messages & Omit<SectionMessages, 'composer' | 'overview' | 'meeting' | 'intro' | 'evaluation'> = {
  ...shared,
  clip,
  feedback,
  reward,
  feelings,
  matrix,
  thread,
};

registerLocale('uk', uk);

export { uk };
