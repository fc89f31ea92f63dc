/**
 * Issue 23: the first number or date format a page makes costs the browser ~50 ms on a laptop,
 * ~200 ms on a slow phone. A Dutch or English card writes its dates out (src/core/date-words.ts)
 * and makes no format at all; a card in another language has its header's formats made a task
 * after its first read is sent, while the answer is on its way, so the render that shows the
 * first card finds them made. Its own page: nothing may have formatted a date before the first test.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-lesson-clip.js';
import { loadLocale } from '../../src/core/i18n.js';
import { memoryAdapter, settled } from '../helpers/fixtures.js';

/** Every number, date or relative-time format made on this page, and whether the clip's read had answered by then. */
const made: { kind: string; locale: string; options: string; answered: boolean }[] = [];
let answered = false;
const NativeDateTimeFormat = Intl.DateTimeFormat;
const NativeRelativeTimeFormat = Intl.RelativeTimeFormat;
const NativeNumberFormat = Intl.NumberFormat;

/** Intl with its constructors writable, for the spies (TypeScript types RelativeTimeFormat read-only). */
const intl = Intl as unknown as { DateTimeFormat: unknown; RelativeTimeFormat: unknown; NumberFormat: unknown };

before(() => {
  intl.DateTimeFormat = function (locale?: string | string[], options?: Intl.DateTimeFormatOptions) {
    made.push({ kind: 'date', locale: String(locale), options: JSON.stringify(options), answered });
    return new NativeDateTimeFormat(locale, options);
  };
  intl.NumberFormat = function (locale?: string | string[], options?: Intl.NumberFormatOptions) {
    made.push({ kind: 'number', locale: String(locale), options: JSON.stringify(options), answered });
    return new NativeNumberFormat(locale, options);
  };
  intl.RelativeTimeFormat = class extends NativeRelativeTimeFormat {
    constructor(locale?: string | string[], options?: Intl.RelativeTimeFormatOptions) {
      super(locale, options);
      made.push({ kind: 'relative', locale: String(locale), options: JSON.stringify(options), answered });
    }
  };
});
after(() => {
  intl.DateTimeFormat = NativeDateTimeFormat;
  intl.RelativeTimeFormat = NativeRelativeTimeFormat;
  intl.NumberFormat = NativeNumberFormat;
});

/** `adapter`, its `reads` setting `answered` once one of them answers (reset now). */
function markingAnswered<T extends object>(adapter: T, ...reads: (keyof T & string)[]): T {
  answered = false;
  const methods = adapter as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of reads) {
    const read = methods[method]!.bind(adapter);
    methods[method] = async (...args: unknown[]) => {
      const value = await read(...args);
      answered = true;
      return value;
    };
  }
  return adapter;
}

/** A parent's lesson clip in `locale`, its read answered 150 ms after it is asked. */
async function clipIn(locale: string) {
  // The clip is read one by one or in a batch: either answer counts.
  const adapter = markingAnswered(memoryAdapter({ latency: 150 }), 'getLessonClip', 'getLessonClips');
  const wrapper = await fixture<HTMLElement>(
    html`<samen-provider .adapter=${adapter} locale=${locale}><samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip></samen-provider>`,
  );
  const clip = wrapper.querySelector('samen-lesson-clip')!;
  await settled(clip);
  expect(answered, 'the clip was read').to.equal(true);
  return clip.shadowRoot!.querySelector<HTMLTimeElement>('time[title]')!;
}

describe('the date formats of a card', () => {
  it('in Dutch and English: none is made, and the card shows its date, and the date in numbers as its title', async () => {
    await loadLocale('en');
    const dutch = await clipIn('nl');
    expect(dutch.textContent).to.match(/geleden|gisteren|zojuist/);
    expect(dutch.title).to.match(/^\d{1,2}-\d{1,2}-\d{4}$/);
    const english = await clipIn('en');
    expect(english.textContent).to.match(/ago|yesterday|just now/i);
    expect(english.title).to.match(/^\d{1,2}\/\d{1,2}\/\d{4}$/);
    expect(made, 'formats made').to.deep.equal([]);
  });

  it('in English, a teacher’s clip (its scheduled moment is Intl’s): Intl’s first format is made while its read is out', async () => {
    made.length = 0;
    const adapter = markingAnswered(memoryAdapter({ latency: 150 }).forViewer('teacher-1'), 'getLessonClip');
    const wrapper = await fixture<HTMLElement>(
      html`<samen-provider .adapter=${adapter} locale="en"><samen-lesson-clip clip-id="wish-2" view="teacher"></samen-lesson-clip></samen-provider>`,
    );
    await settled(wrapper.querySelector('samen-lesson-clip')!);
    expect(answered, 'the clip was read').to.equal(true);
    const before = made.filter((m) => !m.answered);
    expect(before.length, `formats made: ${JSON.stringify(made)}`).to.equal(1);
    expect(before[0]!.locale).to.equal('en');
    made.length = 0;
  });

  it('in Dutch, a widget that formats with Intl itself (a check-in’s days): Intl’s first format is made while its read is out, not in its render', async () => {
    // Loaded only now, as a feed loads a check-in when it comes near: the Dutch clips above made none.
    await import('../../src/define/samen-feelings-checkin.js');
    const adapter = markingAnswered(memoryAdapter({ latency: 150 }), 'getCheckins');
    const wrapper = await fixture<HTMLElement>(
      html`<samen-provider .adapter=${adapter} locale="nl"><samen-feelings-checkin child-id="child-1" view="parent"></samen-feelings-checkin></samen-provider>`,
    );
    const checkin = wrapper.querySelector('samen-feelings-checkin')!;
    await settled(checkin);
    expect(answered, 'the check-ins were read').to.equal(true);
    const before = made.filter((m) => !m.answered);
    expect(before.length, `formats made: ${JSON.stringify(made)}`).to.equal(1);
    expect(before[0]!.locale).to.equal('nl');
    // Its days are shown in Dutch ("ma 7 dec."), each format made after the read (in the render) is one of its own.
    expect(checkin.shadowRoot!.textContent).to.match(/\b(ma|di|wo|do|vr|za|zo)\b/);
    made.length = 0;
  });

  it('in Turkish (dates from Intl): made once, before the read answers, in the card’s language; the render makes none of them again', async () => {
    await loadLocale('tr');
    const time = await clipIn('tr');
    expect(time.textContent, 'the card shows its date').to.match(/önce|dün|az önce/);
    const header = made.filter((m) => m.locale === 'tr');
    expect(header.length, `formats made: ${JSON.stringify(made)}`).to.be.greaterThan(0);
    expect(
      header.filter((m) => m.answered),
      'made after the read answered (in the render)',
    ).to.deep.equal([]);
    expect(new Set(made.map((m) => `${m.kind} ${m.locale} ${m.options}`)).size, 'each made once').to.equal(made.length);
  });
});
