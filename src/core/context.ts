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

let pageDefault: SamenConfig = {};
const pageDefaultChanges = new EventTarget();

/**
 * Page-wide defaults for hosts that don't wrap widgets in `<samen-provider>`.
 * Widgets already on the page pick up the change.
 */
export function configure(config: SamenConfig): void {
  pageDefault = { ...pageDefault, ...config };
  pageDefaultChanges.dispatchEvent(new Event('change'));
}

export function pageDefaults(): Readonly<SamenConfig> {
  return pageDefault;
}

export function onPageDefaultsChange(listener: () => void): () => void {
  pageDefaultChanges.addEventListener('change', listener);
  return () => pageDefaultChanges.removeEventListener('change', listener);
}
