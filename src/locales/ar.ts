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
 * Put `dir="rtl"` and `lang="ar"` on the page or on a wrapper around the widgets: the layout
 * and the arrow keys follow the writing direction of the page (the table's `dir` says which
 * direction that should be).
 *
 * With a script tag only (`dist/samen.bundle.js`): the bundle carries its own copy of the
 * registry, which this module can't reach, so the host registers the plain table through the
 * bundle's `registerLocale`. `dist/core/locales/ar.js` is plain data with no bare imports (its
 * one import is `../plural.js`), so it loads as is from the same server or CDN as the bundle:
 *
 * ```js
 * import { registerLocale } from '/samen/samen.bundle.js';
 * import { ar } from '/samen/core/locales/ar.js';
 * registerLocale('ar', ar);
 * ```
 *
 * The same holds for `tr`, `pl` and `uk`.
 */
import { registerLocale } from '../core/i18n.js';
import { ar } from '../core/locales/ar.js';

registerLocale('ar', ar);

export { ar };
