/**
 * Arabic, right to left, as data: importing this module registers the table, so that
 * `locale="ar"` (or `ar-MA`, `ar-SY`, …) on an element, a provider, `configure()` or the
 * nearest `lang` attribute shows the widgets in Arabic. Nothing else in the package imports
 * it: a host that never loads it never downloads it.
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
