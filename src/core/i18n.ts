/**
 * Typed translation tables, in two parts with one rule: the shared table ({@link Messages}:
 * loading, retry, errors, the preview switch, read aloud, programmes, …) and each widget's own
 * words, a section it defines in its folder with {@link defineMessages} (src/feedback-bar/messages.ts,
 * …), so a page carries only the words of the widgets it shows. Dutch, the schools' language,
 * is built in and is what a widget shows for any language it doesn't have. English, Arabic,
 * Turkish, Polish and Ukrainian load on first use (`@samen/widgets/locales/xx`: the shared table
 * and the parents' widgets' sections; the teacher's composer loads its own words): a widget
 * asked for one waits the moment the file takes to arrive, then renders in it (a host that wants
 * no such moment imports the language, or awaits {@link loadLocale}). Any other language is added as data with {@link registerLocale}:
 * a table that satisfies {@link LocaleTable} (the shared keys and, by name, the widgets'
 * sections), or a partial one whose gaps are filled from English or Dutch.
 * Relative dates come from the browser's `Intl.RelativeTimeFormat`, so every language has
 * them without shipping date words; Dutch and English write theirs out, as the browser would,
 * to spare a page its first `Intl` format (src/core/date-words.ts).
 */
import type { SamenErrorKind } from './errors.js';
import type { Programme } from './schemas.js';
import { dateWordsFor, type RelativeUnit } from './date-words.js';
import { nl } from './locales/nl.js';
import { sharedListener } from './shared-listener.js';

export { plural, type PluralForms } from './plural.js';

export interface Messages {
  /** BCP 47 code of the table, e.g. `nl`. */
  locale: string;
  dir: 'ltr' | 'rtl';
  loading: string;
  retry: string;
  /** For moments less than a minute ago, where "0 seconds ago" reads oddly. */
  justNow: string;
  /** A write kept in the outbox on this device, to be sent when the connection is back. */
  savedOnDevice: string;
  /**
   * A write kept on this device because the person was signed out (their session or token
   * expired): it is sent once they have signed in again.
   */
  savedUntilSignedIn: string;
  /** A write refused because the person was signed out, not kept by an outbox: the text stays in its box. */
  signedOutKept: string;
  /** The read-aloud button (src/core/read-aloud.ts), for parents and children who read little. */
  readAloud: string;
  /** Said beside the read-aloud button when the device could not speak (no voice, or speaking failed). */
  readAloudFailed: string;
  errors: Record<SamenErrorKind, { title: string; body: string }>;
  invalidField: (path: string) => string;
  /** The not-connected state of a widget whose adapter lacks methods of its port: they are named (for the vendor). */
  missingMethods: (methods: string) => string;
  programmes: Record<Programme, string>;
  unknownProgramme: string;
  /** A text box's counter (the lesson clip's answer, the feedback bar's reply, the matrix's success). */
  charactersLeft: (n: number) => string;
  /** A family whose name the widget was not given (the lesson clip's answers, the matrix's successes). */
  familyFallback: string;
  /** The teacher's "Preview as parent" switch and the note above the preview. */
  preview: {
    toggle: string;
    label: string;
    note: string;
  };
}

/**
 * The registered languages live on `globalThis` under a Symbol.for key: a language loaded
 * through one copy of Samen (`@samen/widgets/locales/ar` beside the script-tag bundle) reaches
 * the widgets of every copy. The first copy's built-in tables win, as its classes own the tags.
 */
interface LocaleRegistry {
  tables: Map<string, Messages>;
  changes: EventTarget;
  /** What each registered language was given, widgets' sections included (added later: a registry an older copy made has none yet). */
  given?: Map<string, RegisteredLocale>;
}
const LOCALES: unique symbol = Symbol.for('samen-locales');
const shared: LocaleRegistry = ((globalThis as { [LOCALES]?: LocaleRegistry })[LOCALES] ??= {
  tables: new Map(),
  changes: new EventTarget(),
});
if (!shared.tables.has(nl.locale)) shared.tables.set(nl.locale, nl);
const registry = shared.tables;

/**
 * The languages that ship with Samen besides Dutch, each a module of its own that registers the
 * language when loaded (src/locales/xx.ts: the shared table and the parents' widgets' sections;
 * the composer loads its own words): rollup gives each its own file (dist/locales/xx.js, and
 * beside samen.bundle.js for the script tag), so a page downloads only the languages it shows.
 */
const SHIPPED = new Map<string, () => Promise<unknown>>([
  ['en', () => import('../locales/en.js')],
  ['ar', () => import('../locales/ar.js')],
  ['tr', () => import('../locales/tr.js')],
  ['pl', () => import('../locales/pl.js')],
  ['uk', () => import('../locales/uk.js')],
]);
const loading = new Map<string, Promise<boolean>>();

/**
 * Makes a language that ships with Samen (`en`, `ar`, `tr`, `pl`, `uk`; `ar-MA` loads `ar`)
 * ready: the shared table and the parents' widgets' words (the composer loads its own). Widgets
 * load their language themselves; a host awaits this only to show it from the first frame. Resolves to whether the language is there (false for one Samen doesn't ship
 * and no one registered, or when the file could not be loaded: widgets then stay in Dutch).
 */
export function loadLocale(requested: string): Promise<boolean> {
  const code = requested.toLowerCase();
  const language = code.split('-')[0]!;
  if (registry.has(code) || registry.has(language)) return Promise.resolve(true);
  const load = SHIPPED.get(language);
  if (!load) return Promise.resolve(false);
  let pending = loading.get(language);
  if (!pending) {
    pending = load().then(
      () => registry.has(language),
      () => {
        // Offline, or the file is missing: Dutch stays, and a later render tries again. Widgets
        // waiting for this language hear of it, so they show Dutch instead of waiting on.
        loading.delete(language);
        shared.changes.dispatchEvent(new Event('change'));
        return false;
      },
    );
    loading.set(language, pending);
    // Settled: no longer on its way (a success has registered its table by now).
    void pending.then(() => loading.get(language) === pending && loading.delete(language));
  }
  return pending;
}

/**
 * Whether `requested` is a language Samen ships that is on its way right now (started by
 * {@link resolveLocale} or {@link loadLocale}). A widget waits the few milliseconds for it instead
 * of showing Dutch first; if the load fails it is no longer on its way, and Dutch shows.
 */
export function isLocaleLoading(requested: string | null | undefined): boolean {
  if (!requested) return false;
  const code = requested.toLowerCase();
  const language = code.split('-')[0]!;
  return !registry.has(code) && !registry.has(language) && loading.has(language);
}

/**
 * The words of one widget, by section name, kept out of {@link Messages} so that the other
 * widgets don't carry them: each widget's messages.ts adds its section here
 * (`declare module '../core/i18n.js' { interface SectionMessages { feedback: FeedbackMessages } }`)
 * and defines it with {@link defineMessages}, so a table passed to {@link registerLocale} is
 * type-checked for the sections of the widgets the host uses.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by each widget's `declare module`
export interface SectionMessages {}

/**
 * A widget's words in every language (made by {@link defineMessages}). The table for a
 * language is, by one rule for every widget:
 * 1. the one Samen ships (Dutch built in, the others loaded the first time they are asked
 *    for; a complete section registered for a shipped language, as `@samen/widgets/locales/xx`
 *    does, is that table arriving as data);
 * 2. else the section a host registered with {@link registerLocale} (`{ ...shared, feedback: {…} }`),
 *    its gaps filled from the English section (or Dutch with `{ fallback: 'nl' }`), with the same
 *    rules as the shared table's (a missing, empty or wrongly typed entry, or a function that
 *    throws or gives no text, takes the fallback's);
 * 3. else English (or Dutch with `{ fallback: 'nl' }`): a registered language without this section,
 *    or one nobody registered.
 * Until English (or the language itself) has loaded, the table is Dutch for the moment:
 * {@link MessageSection.ready} says so, and SamenElement does not render until it is there
 * (`messageSections`). Widgets re-render when one arrives, as for {@link registerLocale}.
 */
export interface MessageSection<T> {
  /** The table for a locale (`ar`, `ar-MA`, a registered `sv`, …); Dutch while it loads. */
  get(locale: string): T;
  /** Whether {@link get} gives `locale`'s own table (not Dutch for the moment); if not, starts loading what it needs. */
  ready(locale: string): boolean;
  /** Loads what `locale`'s table needs and gives it (what `get` does by itself, for a host or test to await). */
  load(locale: string): Promise<T>;
}

/** What a host registered for each language, kept whole for the widgets' sections (see {@link defineMessages}). */
interface RegisteredLocale {
  given: PartialMessages;
  fallback: 'en' | 'nl';
}
const registered: Map<string, RegisteredLocale> = (shared.given ??= new Map<string, RegisteredLocale>());

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/** Whether a host's section fits its base everywhere (no gap to fill). */
function complete(given: unknown, base: unknown): boolean {
  const before = gaps;
  gaps = 0;
  fillGaps(given, base);
  const none = gaps === 0;
  gaps = before;
  return none;
}

/**
 * A widget's words, {@link MessageSection}: `nl` is built into the widget, `loaders` load the
 * other languages Samen ships (each a module of its own, src/<widget>/locales/xx.ts).
 */
export function defineMessages<K extends keyof SectionMessages>(
  name: K,
  nl: SectionMessages[K],
  loaders: Record<string, () => Promise<SectionMessages[K]>>,
): MessageSection<SectionMessages[K]> {
  type T = SectionMessages[K];
  const shipped = new Map<string, T>([['nl', nl]]);
  const loads = new Map<string, Promise<T>>();
  /** Languages whose file could not be loaded (offline): Dutch shows instead of waiting on; `load` tries again. */
  const failed = new Set<string>();
  /** Registered sections with their gaps filled, by language, with what they were made from. */
  const filled = new Map<string, { from: RegisteredLocale; base: T; table: T; complete: boolean }>();

  const loadShipped = (language: string): Promise<T> => {
    const ready = shipped.get(language);
    if (ready) return Promise.resolve(ready);
    let pending = loads.get(language);
    if (!pending) {
      failed.delete(language);
      pending = loaders[language]!().then(
        (table) => {
          shipped.set(language, table);
          loads.delete(language);
          shared.changes.dispatchEvent(new Event('change'));
          return table;
        },
        () => {
          loads.delete(language);
          failed.add(language);
          shared.changes.dispatchEvent(new Event('change'));
          return nl;
        },
      );
      loads.set(language, pending);
    }
    return pending;
  };

  /** The section a host registered for `key` (`ar`, `sv`, `sv-fi`), if any. */
  const sectionOf = (key: string): unknown => {
    const given = registered.get(key)?.given;
    return given && typeof given === 'object' ? (given as Record<string, unknown>)[name] : undefined;
  };

  /**
   * A shipped language's table, if it is here: loaded, or registered complete as data (what
   * `@samen/widgets/locales/xx` does: the same table, arrived another way).
   */
  const shippedTable = (language: string): T | undefined => {
    let table = shipped.get(language);
    const given = table ? undefined : sectionOf(language);
    if (given && complete(given, nl)) shipped.set(language, (table = given as T));
    return table;
  };

  /** The table for `locale`, whether it is final, and what it waits for if not. */
  const find = (locale: string): { table: T; ready: boolean; wait?: () => Promise<T> } => {
    const code = locale.toLowerCase();
    const language = code.split('-')[0]!;
    if (language === 'nl' || hasOwn(loaders, language)) {
      const table = shippedTable(language);
      if (table) return { table, ready: true };
      return { table: nl, ready: failed.has(language), wait: () => loadShipped(language) };
    }
    const key = registered.has(code) ? code : language;
    const entry = registered.get(key);
    const given = sectionOf(key);
    const fallback = entry?.fallback ?? 'en';
    const base = fallback === 'nl' ? nl : shippedTable('en');
    const wait = base ? undefined : () => loadShipped('en');
    const ready = !!base || failed.has('en');
    if (!given || typeof given !== 'object') return { table: base ?? nl, ready, ...(wait && { wait }) };
    const from = base ?? nl;
    let cached = filled.get(key);
    if (!cached || cached.from !== entry || cached.base !== from) {
      filled.set(key, (cached = { from: entry!, base: from, table: fillGaps(given, from) as T, complete: complete(given, nl) }));
    }
    // A complete section takes nothing from English: it is final before English is there.
    const final = ready || cached.complete;
    return { table: cached.table, ready: final, ...(!final && wait && { wait }) };
  };

  return {
    get(locale) {
      const found = find(locale);
      if (!found.ready) void found.wait?.();
      return found.table;
    },
    ready(locale) {
      const found = find(locale);
      if (!found.ready) void found.wait?.();
      return found.ready;
    },
    async load(locale) {
      const found = find(locale);
      if (found.wait) await found.wait();
      return find(locale).table;
    },
  };
}

/** Whether `code` can be shown: registered, or shipped with Samen and loaded on first use. */
export function hasLocale(code: string): boolean {
  const language = code.toLowerCase().split('-')[0]!;
  return registry.has(code.toLowerCase()) || registry.has(language) || SHIPPED.has(language);
}

/** Calls `listener` whenever a language is registered, so widgets showing it re-render (languages may load late). */
export const onLocalesChange = sharedListener(() => shared.changes, 'change');

export const DEFAULT_LOCALE = 'nl';

/** `T` with every key optional, at every depth; functions and lists are kept whole. */
export type DeepPartial<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly unknown[]
    ? T
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> }
      : T;

/**
 * A whole language as a host registers it: the shared table, and the sections of the widgets it
 * shows, by name (`{ ...shared, clip: {…}, feedback: {…}, composer: {…} }`). Each section is
 * checked against its widget's table (see {@link SectionMessages}).
 */
export type LocaleTable = Messages & Partial<SectionMessages>;

/** A table that may leave keys out, in the shared table and in any section; see {@link registerLocale}. */
export type PartialMessages = DeepPartial<Messages & SectionMessages>;

export interface RegisterLocaleOptions {
  /** The built-in table that fills keys the new table lacks: `en` (default) or `nl`. */
  fallback?: 'en' | 'nl';
}

/**
 * Adds or replaces a language. A complete table is type-checked against {@link Messages} and
 * the sections it brings against their widgets' ({@link LocaleTable}); a host in plain
 * JavaScript may also pass a partial one. A widget's section the table leaves out is that
 * widget's English (see {@link MessageSection} for the one rule). Every key that is missing, empty,
 * of the wrong type, or (for a function) throws or returns no text, falls back to English
 * (or Dutch with `{ fallback: 'nl' }`), so a widget never shows a key name or "undefined".
 * English loads on first use: until it is there, the gaps show Dutch, and the widgets
 * re-render once they can show English.
 */
export function registerLocale(code: string, messages: LocaleTable | PartialMessages, options: RegisterLocaleOptions = {}): void {
  const given: PartialMessages = messages && typeof messages === 'object' ? messages : {};
  const key = code.toLowerCase();
  const wantsEnglish = options.fallback !== 'nl';
  // The widgets' sections are filled by the same rule when a widget asks for them (defineMessages).
  registered.set(key, { given, fallback: wantsEnglish ? 'en' : 'nl' });
  gaps = 0;
  const table = buildTable(code, given, wantsEnglish ? (english ?? nl) : nl);
  // A complete English table is the English every partial table falls back to.
  if (key === 'en' && !gaps) english = table;
  registry.set(key, table);
  awaitingEnglish.delete(key);
  if (wantsEnglish && gaps && !english) {
    awaitingEnglish.set(key, { given, table });
    import('./locales/en.js').then(
      ({ en }) => {
        english ??= en;
        for (const [waiting, entry] of awaitingEnglish) {
          if (registry.get(waiting) === entry.table) registry.set(waiting, buildTable(waiting, entry.given, english));
        }
        awaitingEnglish.clear();
        shared.changes.dispatchEvent(new Event('change'));
      },
      () => undefined, // offline: the gaps stay Dutch until the next registration tries again
    );
  }
  shared.changes.dispatchEvent(new Event('change'));
}

/** English for partial tables' gaps, once a complete English table is loaded or registered. */
let english: Messages | undefined;
/** Partial tables filled from Dutch for now, to be filled from English once it has loaded. */
const awaitingEnglish = new Map<string, { given: PartialMessages; table: Messages }>();
/** How many keys the last {@link fillGaps} took from its base. */
let gaps = 0;

function buildTable(code: string, given: PartialMessages, base: Messages): Messages {
  // Only the shared keys (the base's): the widgets' sections are filled by defineMessages.
  const table = fillGaps(given, base) as Messages;
  table.locale = [given.locale, code].find(isLanguageTag) ?? base.locale;
  const dir = given.dir === 'rtl' || given.dir === 'ltr' ? given.dir : undefined;
  table.dir = dir ?? (RTL_LANGUAGES.test(table.locale) ? 'rtl' : 'ltr');
  return table;
}

/** Languages written right to left, for a registered table that doesn't say. */
const RTL_LANGUAGES = /^(ar|fa|he|ur|ps|ckb|dv|yi|sd|ug)(-|$)/i;

function isLanguageTag(tag: unknown): tag is string {
  if (typeof tag !== 'string' || !tag) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

type Message = (...args: never[]) => string;

/** `value` shaped like `base`, with `base`'s entry wherever `value` has none that fits. */
function fillGaps(value: unknown, base: unknown): unknown {
  if (typeof base === 'string') return typeof value === 'string' && value.trim() ? value : (gaps++, base);
  if (typeof base === 'function') return typeof value === 'function' ? guarded(value as Message, base as Message) : (gaps++, base);
  if (Array.isArray(base)) return base.map((item, i) => fillGaps(Array.isArray(value) ? value[i] : undefined, item));
  const given = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const filled: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(base as object)) filled[key] = fillGaps(given[key], item);
  return filled;
}

/** A host's message function that falls back to the built-in one if it throws or gives no text. */
function guarded(message: Message, fallback: Message): Message {
  return (...args) => {
    try {
      const text: unknown = message(...args);
      if (typeof text === 'string' && text.trim()) return text;
    } catch {
      // a broken message must not break the widget
    }
    return fallback(...args);
  };
}

/**
 * The registered locale that best matches `requested` (`nl-BE` → `nl`), else Dutch. A language
 * that ships with Samen but is not loaded yet starts loading ({@link loadLocale}), and is Dutch
 * until it is there.
 */
export function resolveLocale(requested: string | null | undefined): string {
  if (!requested) return DEFAULT_LOCALE;
  const code = requested.toLowerCase();
  if (registry.has(code)) return code;
  const language = code.split('-')[0]!;
  if (registry.has(language)) return language;
  void loadLocale(language);
  return DEFAULT_LOCALE;
}

export function messagesFor(locale: string | null | undefined): Messages {
  return registry.get(resolveLocale(locale))!;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Largest unit first; a count is floored, so "2 days ago" means at least two whole days. */
const UNITS: [RelativeUnit, number][] = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['day', DAY],
  ['hour', HOUR],
  ['minute', MINUTE],
];

/**
 * "3 dagen geleden" / "3 days ago" / "3 gün önce", in the table's language, through the
 * browser's `Intl.RelativeTimeFormat`; "zojuist" for less than a minute.
 */
export function formatRelative(date: Date, locale: string, now: Date = new Date()): string {
  const messages = messagesFor(locale);
  const diff = date.getTime() - now.getTime();
  if (Math.abs(diff) < MINUTE) return messages.justNow;
  const [unit, size] = UNITS.find(([, ms]) => Math.abs(diff) >= ms)!;
  const count = Math.trunc(diff / size);
  // "gisteren" reads better than "1 dag geleden"; "vorige maand" would mean the calendar month.
  return (
    dateWordsFor(messages.locale)?.relative(count, unit) ??
    relativeFormat(messages.locale, unit === 'day' ? 'auto' : 'always').format(count, unit)
  );
}

/** One `Intl.RelativeTimeFormat` per language and style, made on first use (a card has several dates). */
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormat(locale: string, numeric: 'auto' | 'always'): Intl.RelativeTimeFormat {
  const key = `${locale} ${numeric}`;
  let format = relativeFormats.get(key);
  if (!format) relativeFormats.set(key, (format = new Intl.RelativeTimeFormat(locale, { numeric })));
  return format;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * The browser's `Intl.DateTimeFormat` for `locale` and `options`, made once and kept:
 * `toLocaleDateString` and `new Intl.DateTimeFormat` build a fresh one on every call, a few
 * milliseconds each on a phone, and a feed's cards and a check-in's 14 days render on every tap
 * (issue 23).
 */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** A day as the browser writes it in `locale` ("ma 16 nov."). */
export function formatDay(date: Date, locale: string, weekday: 'short' | 'long' = 'short'): string {
  return dateFormat(locale, { weekday, day: 'numeric', month: 'short' }).format(date);
}

/** A date in numbers as the browser writes it in `locale` ("16-11-2026"), as `toLocaleDateString(locale)`. */
export function formatDate(date: Date, locale: string): string {
  return dateWordsFor(locale)?.numeric(date) ?? dateFormat(locale, NUMERIC_DATE).format(date);
}

const NUMERIC_DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric' };

/** The languages whose formats the page has had made ahead (issue 23). */
const datesWarmedUp = new Set<string>();

/**
 * The first number or date format a page makes costs the browser ~50 ms on a laptop, ~150–250 ms
 * at CPU 4× slower (once per page, the same for `Intl.NumberFormat`, `DateTimeFormat` and
 * `RelativeTimeFormat`; a plural rule costs a few ms). The first load calls this once its reads
 * are sent: a task later, while the answers are on their way, the formats of a card's header are
 * made for `locale`, instead of in the render that shows the first card (issue 23). A language
 * whose dates are written out (Dutch, English: src/core/date-words.ts) needs none, unless what
 * this load shows is formatted with Intl itself (`formatsWithIntl`: a check-in's days, a
 * meeting's moment, a teacher's scheduled clip). Later calls for the same language do nothing.
 */
export function warmUpDates(locale: string, formatsWithIntl = false): void {
  const tag = messagesFor(locale).locale;
  if (datesWarmedUp.has(tag)) return;
  const written = dateWordsFor(tag) !== undefined;
  // Nothing this load shows needs Intl: a later load that does will warm it up.
  if (written && !formatsWithIntl) return;
  datesWarmedUp.add(tag);
  setTimeout(() => {
    // Intl's first format is the cost, whichever it is; a widget's own formats are made in its render.
    if (written) return void dateFormat(tag, NUMERIC_DATE).format();
    // The formats themselves, kept: days ago ("gisteren") and longer ago are two relative styles.
    relativeFormat(tag, 'auto').format(-2, 'day');
    relativeFormat(tag, 'always');
    dateFormat(tag, NUMERIC_DATE).format();
  }, 0);
}

/** A day and hour as the browser writes it in `locale` ("do 14 jan, 8:00"): a scheduled post's moment (issue 26). */
export function formatMoment(date: Date, locale: string): string {
  return dateFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }).format(date);
}
