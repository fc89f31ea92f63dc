/**
 * When a scheduled post goes out (issue 26, the rhythm): the moment the composer suggests (the
 * next school-day morning), and what it says about a moment the teacher picks (a weekend, late in
 * the evening: a warning, never a block; in the past or too far ahead: a problem). Local time of
 * the teacher's device, the school's. Pure functions of a given clock, so tests fix it.
 */
import { SCHEDULE_LIMITS } from './schemas.js';

const DAY = 86_400_000;

/** Saturday or Sunday. */
export function isWeekend(date: Date): boolean {
  return date.getDay() === 0 || date.getDay() === 6;
}

/** Late in the evening or at night: from `eveningHour` until `morningHour` the next day. */
export function isLate(date: Date): boolean {
  const hour = date.getHours();
  return hour >= SCHEDULE_LIMITS.eveningHour || hour < SCHEDULE_LIMITS.earliestHour;
}

/**
 * The moment suggested for a scheduled post: the next school day (Monday to Friday) at
 * `SCHEDULE_LIMITS.morningHour`, later than `now`. Never in the weekend, never in the evening.
 */
export function defaultSchedule(now: Date): Date {
  const at = new Date(now.getFullYear(), now.getMonth(), now.getDate(), SCHEDULE_LIMITS.morningHour);
  while (at.getTime() <= now.getTime() || isWeekend(at)) at.setDate(at.getDate() + 1);
  return at;
}

/** What the composer says about a picked moment: warnings (it may be posted) and problems (it may not). */
export type ScheduleNote = 'weekend' | 'evening' | 'past' | 'too-far';

/** The notes on `at` as the clock says `now`; an empty list: a good moment. */
export function scheduleNotes(at: Date, now: Date): ScheduleNote[] {
  if (Number.isNaN(at.getTime())) return ['past'];
  if (at.getTime() <= now.getTime()) return ['past'];
  if (at.getTime() - now.getTime() > SCHEDULE_LIMITS.maxDaysAhead * DAY) return ['too-far'];
  const notes: ScheduleNote[] = [];
  if (isWeekend(at)) notes.push('weekend');
  if (isLate(at)) notes.push('evening');
  return notes;
}

/** Problems stop publishing; warnings are said and the teacher may go on. */
export function isScheduleProblem(note: ScheduleNote): boolean {
  return note === 'past' || note === 'too-far';
}

/** A local day as `<input type="date">` holds it: `2027-01-14`. */
export function dayValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local moment of a date field's day and an hour; an invalid Date for a day that isn't one. */
export function atHour(day: string, hour: number): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return new Date(Number.NaN);
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), hour);
}
