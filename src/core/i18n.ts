/**
 * Typed translation tables. A home language (Arabic, Turkish, Polish…) is added as
 * data with {@link registerLocale}: a table that satisfies {@link Messages} and,
 * optionally, a date-fns locale.
 */
import { formatDistanceStrict, type Locale as DateLocale } from 'date-fns';
import type { SamenErrorKind } from './errors.js';
import type { Programme } from './schemas.js';
import { en } from './locales/en.js';
import { nl } from './locales/nl.js';
import { enUS } from 'date-fns/locale/en-US';
import { nl as nlDate } from 'date-fns/locale/nl';

export interface Messages {
  /** BCP 47 code of the table, e.g. `nl`. */
  locale: string;
  dir: 'ltr' | 'rtl';
  loading: string;
  retry: string;
  /** For moments less than a minute ago, where "0 seconds ago" reads oddly. */
  justNow: string;
  errors: Record<SamenErrorKind, { title: string; body: string }>;
  invalidField: (path: string) => string;
  programmes: Record<Programme, string>;
  unknownProgramme: string;
  clip: {
    lesson: (n: number) => string;
    lessonLabel: string;
    goal: string;
    learned: string;
    homeQuestion: string;
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
    queued: (n: number) => string;
    homeSticker: string;
    reasonLabel: string;
    reasonPlaceholder: string;
    fromSchool: string;
    fromHome: string;
    streak: (days: number) => string;
    positiveOnly: string;
    dataAdjusted: string;
    actionFailed: string;
  };
  feelings: {
    question: string;
    questionParent: string;
    readAloud: string;
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
    signal: (name: string, days: number) => string;
    openCare: string;
    childFallback: string;
    privacy: string;
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

interface LocaleEntry {
  messages: Messages;
  dateLocale?: DateLocale;
}

const registry = new Map<string, LocaleEntry>([
  ['nl', { messages: nl, dateLocale: nlDate }],
  ['en', { messages: en, dateLocale: enUS }],
]);

export const DEFAULT_LOCALE = 'nl';

/** Adds or replaces a language. The table is type-checked against {@link Messages}. */
export function registerLocale(code: string, messages: Messages, dateLocale?: DateLocale): void {
  registry.set(code.toLowerCase(), dateLocale ? { messages, dateLocale } : { messages });
}

/** The registered locale that best matches `requested` (`nl-BE` → `nl`), else Dutch. */
export function resolveLocale(requested: string | null | undefined): string {
  if (!requested) return DEFAULT_LOCALE;
  const code = requested.toLowerCase();
  if (registry.has(code)) return code;
  const language = code.split('-')[0]!;
  return registry.has(language) ? language : DEFAULT_LOCALE;
}

export function messagesFor(locale: string | null | undefined): Messages {
  return registry.get(resolveLocale(locale))!.messages;
}

/** "3 dagen geleden" / "3 days ago"; falls back to English date words for tables without dates. */
export function formatRelative(date: Date, locale: string, now: Date = new Date()): string {
  const entry = registry.get(resolveLocale(locale))!;
  if (Math.abs(now.getTime() - date.getTime()) < 60_000) return entry.messages.justNow;
  const dateLocale = entry.dateLocale ?? enUS;
  return formatDistanceStrict(date, now, { addSuffix: true, locale: dateLocale, roundingMethod: 'floor' });
}
