/**
 * Arabic, right to left, as data: importing this module registers the table, so that
 * `locale="ar"` (or `ar-MA`, `ar-SY`, …) on an element, a provider, `configure()` or the
 * nearest `lang` attribute shows the widgets in Arabic. Only the i18n layer loads it, on
 * demand: a widget asked for Arabic shows Dutch for the moment this file takes to arrive, then
 * re-renders in Arabic; a page that never shows Arabic never downloads it. Importing it up
 * front shows Arabic from the very first frame.
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
 */
import { registerLocale } from '../core/i18n.js';
import { ar } from '../core/locales/ar.js';

registerLocale('ar', ar);

export { ar };
