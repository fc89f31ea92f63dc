/**
 * Typed translation tables. Dutch, the schools' language, is built in and is what a widget
 * shows for any language it doesn't have. English, Arabic, Turkish, Polish and Ukrainian ship
 * as separate modules (`@samen/widgets/locales/en`, …) that load on first use: a widget asked
 * for one shows Dutch for the moment the file takes to arrive, then re-renders in it (a host
 * that wants no such moment imports the language, or awaits {@link loadLocale}). Any other
 * language is added as data with {@link registerLocale}: a table that satisfies
 * {@link Messages}, or a partial one whose gaps are filled from English or Dutch.
 * Relative dates come from the browser's `Intl.RelativeTimeFormat`, so every language has
 * them without shipping date words.
 */
import type { SamenErrorKind } from './errors.js';
import type { Programme } from './schemas.js';
import { nl } from './locales/nl.js';

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
  errors: Record<SamenErrorKind, { title: string; body: string }>;
  invalidField: (path: string) => string;
  programmes: Record<Programme, string>;
  unknownProgramme: string;
  /** The teacher's "Preview as parent" switch and the note above the preview. */
  preview: {
    toggle: string;
    label: string;
    note: string;
  };
  clip: {
    lesson: (n: number) => string;
    lessonLabel: string;
    goal: string;
    learned: string;
    homeQuestion: string;
    /** Heading of the practice activity for home, beside the question. */
    homeActivity: string;
    answerLabel: string;
    answerPlaceholder: string;
    charactersLeft: (n: number) => string;
    send: string;
    sending: string;
    sendFailed: string;
    draftKept: string;
    talkedAboutIt: string;
    talkedAboutItDone: string;
    yourAnswer: string;
    edit: string;
    cancel: string;
    saved: string;
    posted: (relative: string) => string;
    /** Who taught the lesson with the teacher, as the clip names them: "Met Ellen, weerbaarheidsspecialist". */
    coTeacher: (name: string) => string;
    video: string;
    photos: (n: number) => string;
    photoOf: (i: number, n: number) => string;
    previousPhoto: string;
    nextPhoto: string;
    mediaBlocked: string;
    noCaptions: string;
    reach: string;
    reachOf: (n: number, total: number) => string;
    seen: string;
    talked: string;
    answered: string;
    answers: string;
    noAnswers: string;
    talkedOnly: string;
    familyFallback: string;
    /** Shown instead of photos and video when the viewer has no media consent: kind, never blaming. */
    mediaWithheld: string;
    /** Teacher only: the private list of families the clip has not reached yet. */
    notReached: string;
    notReachedHint: string;
    everyoneReached: string;
  };
  feedback: {
    toolbar: string;
    reactions: Record<'like' | 'heart' | 'clap' | 'talked-at-home' | 'practised-at-home', string>;
    /** Accessible name of a reaction button: "Duim omhoog, 9". */
    reactionName: (label: string, count: number) => string;
    reactionFailed: string;
    replyLabel: string;
    replyPlaceholder: string;
    send: string;
    sending: string;
    replyFailed: string;
    replySent: string;
    yourReplies: string;
    replies: string;
    noReplies: string;
    noReactions: string;
    whoReacted: string;
    nobody: string;
    homeShare: (n: number, total: number) => string;
  };
  reward: {
    classChart: string;
    personalChart: (name?: string) => string;
    rewardIs: (reward: string) => string;
    /** "31 van 50 muntjes" (class) / "6 van 10 stickers" (personal). */
    progress: (count: number, goal: number, kind: 'class' | 'personal') => string;
    remaining: (n: number) => string;
    reached: string;
    focus: string;
    recent: string;
    stickers: string;
    noAwardsYet: string;
    earnedBefore: string;
    award: (kind: 'class' | 'personal') => string;
    awardFor: (text: string) => string;
    awarded: string;
    undo: string;
    undone: string;
    redeem: string;
    redeemed: (reward: string) => string;
    newGoal: string;
    goalLabel: string;
    rewardLabel: string;
    startNewGoal: string;
    /** Closes the new-goal form unsaved. */
    cancelNewGoal: string;
    queued: (n: number) => string;
    homeSticker: string;
    reasonLabel: string;
    reasonPlaceholder: string;
    fromSchool: string;
    fromHome: string;
    /** Why nothing is ever taken away: tokens on a class chart, stickers on a personal one. */
    positiveOnly: (kind: 'class' | 'personal') => string;
    dataAdjusted: string;
    actionFailed: string;
  };
  feelings: {
    /** The built-in feelings' words, by feeling id, for languages the host's feelings set doesn't name. */
    words: Record<'happy' | 'angry' | 'scared' | 'sad' | 'proud' | 'tired' | 'nervous' | 'calm', string>;
    question: string;
    questionParent: string;
    strength: string;
    /** Words for strength 1–5, shown beside the number. */
    strengthWords: [string, string, string, string, string];
    strengthValue: (n: number) => string;
    noteLabel: string;
    notePlaceholder: string;
    starter: (word: string) => string;
    save: string;
    saving: string;
    saved: string;
    saveFailed: string;
    today: (word: string, strength: number) => string;
    context: Record<'home' | 'school', string>;
    history: string;
    noCheckin: string;
    classToday: string;
    checkedIn: (n: number) => string;
    week: string;
    weekDay: (checkins: number, negative: number) => string;
    signals: string;
    noSignals: string;
    /**
     * A signal, describing the feelings and never labelling the child: "Op 3 van de laatste 5
     * schooldagen koos Sem een sterk gevoel: verdrietig en bang." `feelings` is a list the widget
     * made in the card's language; `window` is how many (school) days the rule looks at.
     */
    signal: (name: string, feelings: string, days: number, window: number, schoolDays: boolean) => string;
    /** Above the careful next steps a signal offers. */
    nextStep: string;
    /** The next steps: talk with the child, with the parents, with the care coordinator (a teacher) or the teacher (a care coordinator). */
    steps: Record<'child' | 'parents' | 'care-coordinator' | 'teacher', string>;
    childFallback: string;
    privacy: string;
    /** Parent view: who sees this check-in and its note (the teacher; the care coordinator when there is a signal; never other parents). */
    whoSees: string;
    /** Child view: the same, for a child. */
    whoSeesChild: string;
    feelingsRefused: string;
  };
  matrix: {
    schoolTitle: string;
    homeTitle: string;
    /** Caption for screen readers: what the rows and columns are. */
    caption: string;
    value: string;
    location: string;
    empty: string;
    emptyCell: string;
    focus: string;
    focusBadge: string;
    focusOf: (value: string, location: string) => string;
    why: string;
    homeTip: string;
    successLabel: string;
    successPlaceholder: string;
    share: string;
    sharing: string;
    shared: string;
    shareFailed: string;
    successes: string;
    noSuccesses: string;
    week: (n: number) => string;
    edit: string;
    editHome: string;
    editing: string;
    values: string;
    locations: string;
    expectations: string;
    addValue: string;
    addLocation: string;
    addExpectation: string;
    nameOf: (kind: 'value' | 'location', n: number) => string;
    expectationOf: (cell: string, n: number) => string;
    moveUp: (name: string) => string;
    moveDown: (name: string) => string;
    remove: (name: string) => string;
    removeExpectation: (n: number) => string;
    focusValue: string;
    focusLocation: string;
    focusExpectation: string;
    wholeCell: string;
    noFocus: string;
    save: string;
    saving: string;
    saved: string;
    cancel: string;
    saveFailed: string;
    conflict: string;
    loadLatest: string;
    keepMine: string;
    fix: string;
    emptyName: (kind: 'value' | 'location', n: number) => string;
    emptyExpectation: (cell: string) => string;
    tooLong: (cell: string, max: number) => string;
    tooMany: (kind: 'values' | 'locations', max: number) => string;
    tooManyInCell: (cell: string, max: number) => string;
    dataAdjusted: string;
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
}
const LOCALES: unique symbol = Symbol.for('samen-locales');
const shared: LocaleRegistry = ((globalThis as { [LOCALES]?: LocaleRegistry })[LOCALES] ??= {
  tables: new Map(),
  changes: new EventTarget(),
});
if (!shared.tables.has(nl.locale)) shared.tables.set(nl.locale, nl);
const registry = shared.tables;

/**
 * The languages that ship with Samen besides Dutch, each a module of its own that registers its
 * table when loaded: rollup gives each its own file (dist/locales/xx.js, and beside
 * samen.bundle.js for the script tag), so a page downloads only the languages it shows.
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
 * ready. Widgets load their language themselves; a host awaits this only to show it from the
 * first frame. Resolves to whether the language is there (false for one Samen doesn't ship
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
 * Strings that belong to one widget, kept out of {@link Messages} so that the other widgets
 * don't carry them (the teacher's clip composer): `nl` is built into that widget, the other
 * languages are loaded by `loaders` the first time they are asked for, and a language without
 * its own table (one a host registered) gets English. Widgets re-render when one arrives, as
 * for {@link registerLocale}.
 */
export interface MessageSection<T> {
  /** The table for a resolved locale (`ar`, `en`, …); Dutch while it loads. */
  get(locale: string): T;
  /**
   * Whether {@link get} gives `locale`'s own table (or English, for one without any), not Dutch
   * for the moment; if not, starts loading it.
   */
  ready(locale: string): boolean;
  /** Loads the table for `locale` (what `get` does by itself, for a host or test to await). */
  load(locale: string): Promise<T>;
}

export function messageSection<T>(nl: T, loaders: Record<string, () => Promise<T>>): MessageSection<T> {
  const tables = new Map<string, T>([['nl', nl]]);
  const loads = new Map<string, Promise<T>>();
  /** `ar-MA` → `ar`; a language with no table of its own → `en`. */
  const source = (locale: string) => {
    const language = locale.toLowerCase().split('-')[0]!;
    return language === 'nl' || Object.prototype.hasOwnProperty.call(loaders, language) ? language : 'en';
  };
  const load = (locale: string): Promise<T> => {
    const code = source(locale);
    const ready = tables.get(code);
    if (ready) return Promise.resolve(ready);
    let pending = loads.get(code);
    if (!pending) {
      pending = loaders[code]!().then(
        (table) => {
          tables.set(code, table);
          shared.changes.dispatchEvent(new Event('change'));
          return table;
        },
        () => {
          loads.delete(code); // offline: Dutch stays, and a later render tries again
          return nl;
        },
      );
      loads.set(code, pending);
    }
    return pending;
  };
  return {
    get(locale) {
      const table = tables.get(source(locale));
      if (table) return table;
      void load(locale);
      return nl;
    },
    ready(locale) {
      if (tables.has(source(locale))) return true;
      void load(locale);
      return false;
    },
    load,
  };
}

/** Whether `code` can be shown: registered, or shipped with Samen and loaded on first use. */
export function hasLocale(code: string): boolean {
  const language = code.toLowerCase().split('-')[0]!;
  return registry.has(code.toLowerCase()) || registry.has(language) || SHIPPED.has(language);
}

/** Calls `listener` whenever a language is registered, so widgets showing it re-render (languages may load late). */
export function onLocalesChange(listener: () => void): () => void {
  shared.changes.addEventListener('change', listener);
  return () => shared.changes.removeEventListener('change', listener);
}

export const DEFAULT_LOCALE = 'nl';

/** `T` with every key optional, at every depth; functions and lists are kept whole. */
export type DeepPartial<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly unknown[]
    ? T
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> }
      : T;

/** A table that may leave keys out; see {@link registerLocale}. */
export type PartialMessages = DeepPartial<Messages>;

export interface RegisterLocaleOptions {
  /** The built-in table that fills keys the new table lacks: `en` (default) or `nl`. */
  fallback?: 'en' | 'nl';
}

/**
 * Adds or replaces a language. A complete table is type-checked against {@link Messages};
 * a host in plain JavaScript may also pass a partial one. Every key that is missing, empty,
 * of the wrong type, or (for a function) throws or returns no text, falls back to English
 * (or Dutch with `{ fallback: 'nl' }`), so a widget never shows a key name or "undefined".
 * English loads on first use: until it is there, the gaps show Dutch, and the widgets
 * re-render once they can show English.
 */
export function registerLocale(code: string, messages: Messages | PartialMessages, options: RegisterLocaleOptions = {}): void {
  const given: PartialMessages = messages && typeof messages === 'object' ? messages : {};
  const key = code.toLowerCase();
  const wantsEnglish = options.fallback !== 'nl';
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
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
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
  return relativeFormat(messages.locale, unit === 'day' ? 'auto' : 'always').format(count, unit);
}

/** One `Intl.RelativeTimeFormat` per language and style, made on first use (a card has several dates). */
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormat(locale: string, numeric: 'auto' | 'always'): Intl.RelativeTimeFormat {
  const key = `${locale} ${numeric}`;
  let format = relativeFormats.get(key);
  if (!format) relativeFormats.set(key, (format = new Intl.RelativeTimeFormat(locale, { numeric })));
  return format;
}
