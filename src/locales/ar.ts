/**
 * Arabic, right to left, as data: importing this module registers the table, so that
 * `locale="ar"` (or `ar-MA`, `ar-SY`, …) on an element, a provider, `configure()` or the
 * nearest `lang` attribute shows the widgets in Arabic. Only the i18n layer loads it, on
 * demand: a widget asked for Arabic waits the moment this file takes to arrive (rather than
 * showing Dutch first), then renders in Arabic; a page that never shows Arabic never downloads
 * it. Importing it up front shows Arabic from the very first frame.
 *
 * With npm and a bundler (also fine as a dynamic `import()` when a parent picks the language):
 *
 * ```js
 * import '@samen/widgets/locales/ar';
 * ```
 *
 * The card turns right to left by itself (the table's `dir`), even inside a left-to-right
 * app; put `dir="rtl"` on the page or a wrapper too when the host's own text is Arabic.
 *
 * With a script tag only (`dist/samen.bundle.js`): load this file from the same place; it has
 * no bare imports, and languages are registered page-wide (shared by every copy of Samen):
 *
 * ```html
 * <script type="module" src="/samen/samen.bundle.js"></script>
 * <script type="module" src="/samen/locales/ar.js"></script>
 * ```
 *
 * The same holds for `tr`, `pl` and `uk`.
 *
 * This module is Arabic for the parents' widgets: the shared table (src/core/locales/ar.ts) and
 * each widget's words (its section, src/<widget>/locales/ar.ts), one file for the language as
 * before the words moved into the widgets' folders. Widgets load it when first asked for Arabic,
 * waiting for it rather than showing Dutch first; importing it up front shows Arabic from the very
 * first frame; a page that never shows Arabic never downloads it. The teacher's clip composer is
 * not in it: its words load on their own when a composer shows Arabic
 * (src/clip-composer/locales/ar.ts), so the parents' pages never carry them.
 */
import { registerLocale, type Messages, type SectionMessages } from '../core/i18n.js';
import { ar as shared } from '../core/locales/ar.js';
import { ar as clip } from '../lesson-clip/locales/ar.js';
import { ar as feedback } from '../feedback-bar/locales/ar.js';
import { ar as reward } from '../reward-chart/locales/ar.js';
import { ar as feelings } from '../feelings-checkin/locales/ar.js';
import { ar as matrix } from '../expectation-matrix/locales/ar.js';
import { ar as thread } from '../thread/locales/ar.js';

/** Arabic for the parents' widgets, as a host could register it: the shared table and each widget's section by name. */
const ar: Messages & Omit<SectionMessages, 'composer' | 'overview' | 'meeting' | 'intro' | 'evaluation'> = {
  ...shared,
  clip,
  feedback,
  reward,
  feelings,
  matrix,
  thread,
};

registerLocale('ar', ar);

export { ar };
