/**
 * Feelings rules, free of the DOM: local days, one check-in per day, and the teacher's
 * signal. Unit-tested on their own.
 */
import * as z from 'zod/mini';
import type { SamenIssue } from '../core/errors.js';
import { messagesFor } from '../core/i18n.js';
import { feelingsMessages } from './messages.js';
import { toIssues } from '../core/parse.js';
import { isLangTag } from '../core/content-lang.js';
import { checkinSchema, type Checkin, type FeelingDefinition } from './schemas.js';
import { FEELING_FACES } from './icons.js';

/** The default, child-friendly set. Colour is never the only cue: every feeling has a word and a face of its own (./icons.ts). */
export const DEFAULT_FEELINGS: FeelingDefinition[] = [
  { id: 'happy', labels: { nl: 'blij', en: 'happy' }, icon: FEELING_FACES.happy, color: '#f5c400' },
  { id: 'angry', labels: { nl: 'boos', en: 'angry' }, icon: FEELING_FACES.angry, color: '#d9480f', negative: true },
  { id: 'scared', labels: { nl: 'bang', en: 'scared' }, icon: FEELING_FACES.scared, color: '#7048e8', negative: true },
  { id: 'sad', labels: { nl: 'verdrietig', en: 'sad' }, icon: FEELING_FACES.sad, color: '#1c7ed6', negative: true },
  { id: 'proud', labels: { nl: 'trots', en: 'proud' }, icon: FEELING_FACES.proud, color: '#c2255c' },
  { id: 'tired', labels: { nl: 'moe', en: 'tired' }, icon: FEELING_FACES.tired, color: '#868e96' },
  { id: 'nervous', labels: { nl: 'zenuwachtig', en: 'nervous' }, icon: FEELING_FACES.nervous, color: '#ae3ec9', negative: true },
  { id: 'calm', labels: { nl: 'rustig', en: 'calm' }, icon: FEELING_FACES.calm, color: '#2f9e44' },
];

/**
 * The feeling's word in `locale`: the host's own label, else the registered language's word for
 * a built-in feeling (so a home language added as data names the feelings too), else English.
 */
export function feelingLabel(feeling: FeelingDefinition, locale: string): string {
  const language = locale.split('-')[0]!;
  const table = messagesFor(locale);
  const fromTable =
    table.locale.split('-')[0] === language ? (feelingsMessages.get(locale).words as Record<string, string>)[feeling.id] : undefined;
  return feeling.labels[locale] ?? feeling.labels[language] ?? fromTable ?? feeling.labels['en'] ?? Object.values(feeling.labels)[0]!;
}

/**
 * The language of {@link feelingLabel}'s word when it is not `locale`'s: a host's word given
 * only in Dutch shows in Dutch in an Arabic card, and is marked `lang="nl"`. `undefined` when
 * the word is in the card's language (or its label key is not a language tag).
 */
export function feelingLabelLang(feeling: FeelingDefinition, locale: string): string | undefined {
  const language = locale.split('-')[0]!;
  if (feeling.labels[locale] !== undefined || feeling.labels[language] !== undefined) return undefined;
  const table = messagesFor(locale);
  if (table.locale.split('-')[0] === language && (feelingsMessages.get(locale).words as Record<string, string>)[feeling.id])
    return undefined;
  const key = feeling.labels['en'] !== undefined ? 'en' : Object.keys(feeling.labels)[0];
  return isLangTag(key) ? key : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Now as ISO 8601 with the device's own offset, e.g. `2026-11-20T23:30:00+01:00`. */
export function isoWithOffset(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/**
 * The child's local day of a check-in. A time written with an offset keeps the day it
 * was written on (23:30 at home is that evening, wherever the server is); a UTC time
 * falls back to this device's zone.
 */
export function localDay(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}T[^Z]*[+-]\d{2}:?\d{2}$/.test(iso)) return iso.slice(0, 10);
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function dayOf(date: Date): string {
  return localDay(isoWithOffset(date));
}

/** The same id all day, so changing today's check-in replaces it instead of adding one. */
export function checkinIdFor(childId: string, context: 'home' | 'school', day: string): string {
  return `checkin:${childId}:${context}:${day}`;
}

/** Whether a local day (`YYYY-MM-DD`) is a school day: Monday to Friday. */
export function isSchoolDay(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The last `n` school days up to and including `today` (today only if it is one), oldest
 * first: on a Monday, the last 5 are last Tuesday to this Monday; on a Saturday, Monday to Friday.
 */
export function lastSchoolDays(today: string, n: number): string[] {
  const days: string[] = [];
  // Two weekend days per five school days, and a weekend to start from: never more to look at.
  for (const day of lastDays(today, Math.ceil((n * 7) / 5) + 2).reverse()) {
    if (days.length === n) break;
    if (isSchoolDay(day)) days.push(day);
  }
  return days.reverse();
}

/** The `n` local days ending on `today`, oldest first. */
export function lastDays(today: string, n: number): string[] {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return Array.from({ length: n }, (_, i) => {
    const date = new Date(y, m - 1, d - (n - 1 - i));
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  });
}

/**
 * Parses check-ins one by one: a bad entry (unknown feeling, strength outside 1–5) is
 * dropped and reported, the rest still shows. Keeps the newest per id.
 */
export function cleanCheckins(raw: unknown, feelings: readonly FeelingDefinition[]): { checkins: Checkin[]; issues: SamenIssue[] } {
  const issues: SamenIssue[] = [];
  if (!Array.isArray(raw)) return { checkins: [], issues: [{ path: 'checkins', message: 'expected a list' }] };
  const known = new Set(feelings.map((f) => f.id));
  const byId = new Map<string, Checkin>();
  raw.forEach((entry, index) => {
    const parsed = z.safeParse(checkinSchema, entry);
    if (!parsed.success) {
      issues.push(...toIssues(parsed.error).map((i) => ({ ...i, path: `checkins.${index}.${i.path}` })));
      return;
    }
    if (!known.has(parsed.data.feeling)) {
      issues.push({ path: `checkins.${index}.feeling`, message: 'unknown feeling' });
      return;
    }
    const previous = byId.get(parsed.data.id);
    if (!previous || Date.parse(previous.createdAt) <= Date.parse(parsed.data.createdAt)) byId.set(parsed.data.id, parsed.data);
  });
  return { checkins: [...byId.values()], issues };
}

export interface SignalRule {
  /** Look at this many recent days (school days, unless `schoolDays` is false)… */
  windowDays: number;
  /** …and signal when at least this many of them had… */
  minDays: number;
  /** …a negative feeling at least this strong. */
  minStrength: number;
  /**
   * Count school days only (Monday to Friday), the default: Saturday and Sunday are not in the
   * window, and a check-in made on them counts toward no day. `false` counts every day.
   */
  schoolDays?: boolean;
}

/** A strong (≥ 4) negative feeling on 3 of the last 5 school days. */
export const DEFAULT_SIGNAL_RULE: SignalRule = { windowDays: 5, minDays: 3, minStrength: 4, schoolDays: true };

export interface Signal {
  childId: string;
  childName?: string;
  /** The local days that counted, oldest first. */
  days: string[];
  /** The negative feelings of those days (ids, in the order of the feelings set): what the teacher reads, not a label. */
  feelings: string[];
}

/** The days a rule looks at, oldest first: the last `windowDays` school days (or days). */
export function signalWindow(today: string, rule: SignalRule = DEFAULT_SIGNAL_RULE): string[] {
  return rule.schoolDays === false ? lastDays(today, rule.windowDays) : lastSchoolDays(today, rule.windowDays);
}

/**
 * Children who had a strong negative feeling on `minDays` of the last `windowDays` school days
 * (at home or at school: a day counts once). For the teacher and the care coordinator only.
 */
export function findSignals(
  checkins: readonly Checkin[],
  feelings: readonly FeelingDefinition[],
  today: string,
  rule: SignalRule = DEFAULT_SIGNAL_RULE,
): Signal[] {
  const negative = new Set(feelings.filter((f) => f.negative).map((f) => f.id));
  const window = new Set(signalWindow(today, rule));
  const byChild = new Map<string, { name?: string; days: Set<string>; feelings: Set<string> }>();
  for (const c of checkins) {
    const day = localDay(c.createdAt);
    if (!window.has(day) || !negative.has(c.feeling) || c.strength < rule.minStrength) continue;
    const entry = byChild.get(c.childId) ?? { days: new Set<string>(), feelings: new Set<string>() };
    entry.days.add(day);
    entry.feelings.add(c.feeling);
    if (c.childName) entry.name = c.childName;
    byChild.set(c.childId, entry);
  }
  return [...byChild.entries()]
    .filter(([, e]) => e.days.size >= rule.minDays)
    .map(([childId, e]) => ({
      childId,
      ...(e.name ? { childName: e.name } : {}),
      days: [...e.days].sort(),
      feelings: feelings.filter((f) => e.feelings.has(f.id)).map((f) => f.id),
    }));
}

/**
 * One entry per context (home, school), the newest: what a day looks like in the parent's
 * history, even when a host kept every change.
 */
export function newestPerContext(checkins: readonly Checkin[]): Checkin[] {
  const newest = new Map<Checkin['context'], Checkin>();
  for (const c of checkins) {
    const kept = newest.get(c.context);
    if (!kept || Date.parse(c.createdAt) >= Date.parse(kept.createdAt)) newest.set(c.context, c);
  }
  return [...newest.values()].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

/** How many check-ins per feeling on one day, in the order of the feelings set. */
export function distribution(
  checkins: readonly Checkin[],
  feelings: readonly FeelingDefinition[],
  day: string,
): { feeling: FeelingDefinition; count: number }[] {
  const today = checkins.filter((c) => localDay(c.createdAt) === day);
  return feelings.map((feeling) => ({ feeling, count: today.filter((c) => c.feeling === feeling.id).length }));
}
