/**
 * A meeting as an iCalendar file (RFC 5545), built in code: no library, no server. Pure
 * functions (no DOM), unit-tested in test/meeting/ics.test.ts.
 *
 * Text values are escaped as section 3.3.11 says (backslash, semicolon, comma, line break), a
 * carriage return is dropped, and content lines are folded at 75 octets (section 3.1) without
 * splitting a UTF-8 character. Lines end in CRLF.
 */
import type { Meeting } from './schemas.js';

/** Escapes a TEXT value (RFC 5545 3.3.11). */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds one content line at 75 octets: the rest continues on lines that start with a space (RFC 5545 3.1). */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; a continuation line's leading space counts too.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A date as a UTC DATE-TIME (`20261126T123000Z`). */
export function icsDateTime(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export interface IcsOptions {
  /** The time the file is made (DTSTAMP). Default: now. */
  now?: Date;
  /** What the event says besides the meeting's own description (what to bring, in the card's language). */
  description?: string;
}

/** The meeting as a calendar file with one event; without an end it lasts an hour. */
export function meetingToIcs(meeting: Meeting, { now = new Date(), description }: IcsOptions = {}): string {
  const end = meeting.endsAt ?? new Date(new Date(meeting.startsAt).getTime() + 3_600_000).toISOString();
  const text = (name: string, value: string | undefined) => (value ? [`${name}:${escapeIcsText(value)}`] : []);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Samen//Meeting//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    // The meeting id can hold only safe characters (the policy's ids), so the UID is stable per meeting.
    `UID:${escapeIcsText(meeting.id)}@samen`,
    `DTSTAMP:${icsDateTime(now.toISOString())}`,
    `DTSTART:${icsDateTime(meeting.startsAt)}`,
    `DTEND:${icsDateTime(end)}`,
    ...text('SUMMARY', meeting.title),
    ...text('LOCATION', meeting.place),
    ...text('DESCRIPTION', description ?? meeting.description),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}

/** A file name for the meeting's calendar file: its title's letters and digits, or `afspraak`. */
export function icsFileName(meeting: Meeting): string {
  const base = meeting.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'afspraak'}.ics`;
}
