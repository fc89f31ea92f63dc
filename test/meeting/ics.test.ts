import { expect } from '@open-wc/testing';
import { escapeIcsText, foldIcsLine, icsDateTime, icsFileName, meetingToIcs } from '../../src/meeting/ics.js';
import type { Meeting } from '../../src/meeting/schemas.js';

const MEETING: Meeting = {
  id: 'wish-last-lesson',
  classId: 'groep6-wish',
  kind: 'last-lesson',
  title: 'Samen weerbaar: de laatste les',
  startsAt: '2026-11-26T12:30:00Z',
  place: 'De gymzaal; ingang B, achterom',
};

const encoder = new TextEncoder();

describe('the calendar file (RFC 5545)', () => {
  it('escapes backslash, semicolon, comma and line breaks in text (3.3.11)', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf')).to.equal('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds lines at 75 octets without splitting a character, continuation lines start with a space (3.1)', () => {
    const line = `DESCRIPTION:${'ابجد'.repeat(40)}`;
    const folded = foldIcsLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).to.be.greaterThan(1);
    for (const part of parts) expect(encoder.encode(part).length).to.be.at.most(75);
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).to.equal(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).to.equal(line);
    expect(foldIcsLine('SUMMARY:kort')).to.equal('SUMMARY:kort');
  });

  it('writes one event with UTC times, an hour long without an end, CRLF line ends', () => {
    const ics = meetingToIcs(MEETING, { now: new Date('2026-11-20T10:00:00Z'), description: 'Neem mee: gymschoenen' });
    expect(ics.endsWith('\r\n')).to.equal(true);
    expect(ics.split('\r\n').filter(Boolean)).to.deep.equal([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Samen//Meeting//NL',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:wish-last-lesson@samen',
      'DTSTAMP:20261120T100000Z',
      'DTSTART:20261126T123000Z',
      'DTEND:20261126T133000Z',
      'SUMMARY:Samen weerbaar: de laatste les',
      'LOCATION:De gymzaal\\; ingang B\\, achterom',
      'DESCRIPTION:Neem mee: gymschoenen',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
    expect(icsDateTime('2026-11-26T13:30:00+01:00')).to.equal('20261126T123000Z');
  });

  it('names the file after the title', () => {
    expect(icsFileName(MEETING)).to.equal('samen-weerbaar-de-laatste-les.ics');
    expect(icsFileName({ ...MEETING, title: 'لقاء' })).to.equal('afspraak.ics');
  });
});
