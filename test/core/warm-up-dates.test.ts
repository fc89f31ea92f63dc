/**
 * Issue 23: the first date a page formats costs the browser its date data (~85 ms on a slow
 * phone). The first load makes the header's date formats a task after its reads are sent, while
 * the answers are on their way, so the render that shows the first card finds them made. Its own
 * page: nothing may have formatted a date before the first test.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-lesson-clip.js';
import { memoryAdapter, settled } from '../helpers/fixtures.js';

/** Every date or relative-time format made on this page, and whether the clip's read had answered by then. */
const made: { kind: string; locale: string; options: string; answered: boolean }[] = [];
let answered = false;
const NativeDateTimeFormat = Intl.DateTimeFormat;
const NativeRelativeTimeFormat = Intl.RelativeTimeFormat;

/** Intl with its constructors writable, for the spies (TypeScript types RelativeTimeFormat read-only). */
const intl = Intl as unknown as { DateTimeFormat: unknown; RelativeTimeFormat: unknown };

before(() => {
  intl.DateTimeFormat = function (locale?: string | string[], options?: Intl.DateTimeFormatOptions) {
    made.push({ kind: 'date', locale: String(locale), options: JSON.stringify(options), answered });
    return new NativeDateTimeFormat(locale, options);
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
});

describe('the date formats of a card, made while its first read is on its way', () => {
  it('are made once, before the read answers, in the card’s language; the card’s render makes none of them again', async () => {
    const adapter = memoryAdapter({ latency: 150 });
    // The clip is read one by one or in a batch: either answer counts.
    for (const method of ['getLessonClip', 'getLessonClips'] as const) {
      const read = adapter[method].bind(adapter) as (...args: unknown[]) => Promise<unknown>;
      (adapter as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
        const value = await read(...args);
        answered = true;
        return value;
      };
    }
    const wrapper = await fixture<HTMLElement>(
      html`<samen-provider .adapter=${adapter} locale="en"><samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip></samen-provider>`,
    );
    const clip = wrapper.querySelector('samen-lesson-clip')!;
    await settled(clip);
    expect(answered, 'the clip was read').to.equal(true);
    expect(clip.shadowRoot!.querySelector('time[title]')?.textContent, 'the card shows its date').to.match(/ago|yesterday|today|now/i);
    const header = made.filter((m) => m.locale === 'en');
    expect(header.length, `formats made: ${JSON.stringify(made)}`).to.be.greaterThan(0);
    expect(
      header.filter((m) => m.answered),
      'made after the read answered (in the render)',
    ).to.deep.equal([]);
    expect(new Set(made.map((m) => `${m.kind} ${m.locale} ${m.options}`)).size, 'each made once').to.equal(made.length);
  });
});
