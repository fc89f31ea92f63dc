import { createContext } from '@lit/context';
import type { SamenAdapter } from './adapter.js';

/** What a page gives every Samen widget: where data comes from, and in which language. */
export interface SamenConfig {
  adapter?: SamenAdapter;
  /** BCP 47 locale, e.g. `nl` or `en`. */
  locale?: string;
}

/** Provided by `<samen-provider>`; a Symbol.for key so two copies of the library still meet. */
export const samenContext = createContext<SamenConfig | undefined>(Symbol.for('samen-config'));

/**
 * The page defaults live on `globalThis` under a Symbol.for key, like the context key: when a
 * page holds two copies of Samen, the tags belong to the first copy's classes, so `configure()`
 * from the second copy must still reach them.
 */
interface PageDefaults {
  config: SamenConfig;
  changes: EventTarget;
}
const PAGE_DEFAULTS: unique symbol = Symbol.for('samen-page-defaults');
const page: PageDefaults = ((globalThis as { [PAGE_DEFAULTS]?: PageDefaults })[PAGE_DEFAULTS] ??= {
  config: {},
  changes: new EventTarget(),
});

/**
 * Page-wide defaults for hosts that don't wrap widgets in `<samen-provider>`.
 * Widgets already on the page pick up the change.
 */
export function configure(config: SamenConfig): void {
  page.config = { ...page.config, ...config };
  page.changes.dispatchEvent(new Event('change'));
}

export function pageDefaults(): Readonly<SamenConfig> {
  return page.config;
}

export function onPageDefaultsChange(listener: () => void): () => void {
  page.changes.addEventListener('change', listener);
  return () => page.changes.removeEventListener('change', listener);
}
