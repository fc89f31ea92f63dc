import { createContext } from '@lit/context';
import type { SamenAdapterLike } from './adapter.js';
import { sharedListener } from './shared-listener.js';

/** What a page gives every Samen widget: where data comes from, and in which language. */
export interface SamenConfig {
  adapter?: SamenAdapterLike;
  /** BCP 47 locale, e.g. `nl` or `en`. */
  locale?: string;
  /**
   * `false` keeps nothing on this device: drafts, "seen" flags and queued awards live in
   * memory for this visit only, and the `OutboxAdapter` queues in memory instead of IndexedDB
   * (shared school tablets). Set it before creating adapters. Default `true`.
   */
  deviceStorage?: boolean;
  /**
   * BCP 47 language of the school's words (lesson clips, charts, matrices) when their items
   * carry no `lang` of their own, e.g. `nl`. The widgets then mark those words with it when it
   * differs from the card's language, so screen readers and read-aloud use the right voice.
   * Unset (or not a BCP 47 tag): unknown, nothing is marked.
   */
  contentLang?: string;
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
  /** `<samen-provider device-storage="off">` elements on the page; any one turns storage off. */
  storageOff?: Set<object>;
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

/** Whether widgets may keep anything on this device (`localStorage`, IndexedDB). */
export function deviceStorageAllowed(): boolean {
  return page.config.deviceStorage !== false && !page.storageOff?.size;
}

/**
 * A `<samen-provider device-storage="off">` turns device storage off for the whole page while
 * it is connected: storage is the page's, so the strictest setting wins.
 */
export function holdDeviceStorageOff(holder: object, off: boolean): void {
  const holders = (page.storageOff ??= new Set());
  if (off) holders.add(holder);
  else holders.delete(holder);
}

/** Calls `listener` after each `configure()` (of any copy of Samen on the page); returns the function that stops it. */
export const onPageDefaultsChange = sharedListener(() => page.changes, 'change');
