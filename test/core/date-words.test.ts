/**
 * Dutch and English dates written out (src/core/date-words.ts) say word for word what the
 * browser's Intl says, for every count a card can show: the words only spare the page Intl's
 * first-format cost. Compared with this Chromium's own Intl, so a browser whose words change
 * fails here rather than on a parent's card.
 */
import { expect } from '@open-wc/testing';
import { dateWordsFor, type RelativeUnit } from '../../src/core/date-words.js';
import { formatDate, formatRelative } from '../../src/core/i18n.js';
import '../../src/locales/en.js';

const UNITS: RelativeUnit[] = ['year', 'month', 'day', 'hour', 'minute'];
const LANGUAGES = ['nl', 'en'];

describe('dates written out in Dutch and English', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: every unit, every count from -999 to 999, as Intl.RelativeTimeFormat says it`, () => {
      const words = dateWordsFor(lang)!;
      const differences: string[] = [];
      let written = 0;
      for (const unit of UNITS) {
        const intl = new Intl.RelativeTimeFormat(lang, { numeric: unit === 'day' ? 'auto' : 'always' });
        for (let value = -999; value <= 999; value++) {
          if (value === 0) continue;
          const ours = words.relative(value, unit);
          if (ours === undefined) differences.push(`${value} ${unit}: not written out`);
          else if (ours !== intl.format(value, unit)) differences.push(`${value} ${unit}: ${ours} ≠ ${intl.format(value, unit)}`);
          else written++;
        }
      }
      expect(differences).to.deep.equal([]);
      expect(written).to.equal(UNITS.length * 999 * 2);
    });

    it(`${lang}: leaves to Intl what it does not write out (0, fractions, 1,000 and more)`, () => {
      const words = dateWordsFor(lang)!;
      for (const value of [0, -0, 1.5, -1000, 1000, 25_000, NaN]) expect(words.relative(value, 'hour'), String(value)).to.equal(undefined);
      expect(words.relative(0, 'day'), 'today is Intl’s').to.equal(undefined);
    });

    it(`${lang}: every day of four years, and the years at the edges, as a numeric Intl.DateTimeFormat says it`, () => {
      const words = dateWordsFor(lang)!;
      const intl = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'numeric', day: 'numeric' });
      const differences: string[] = [];
      const days = [];
      for (let day = new Date(2024, 0, 1); day.getFullYear() < 2028; day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1))
        days.push(day);
      days.push(new Date(1000, 0, 1), new Date(9999, 11, 31, 23, 59));
      for (const day of days) {
        const ours = words.numeric(day);
        if (ours !== intl.format(day)) differences.push(`${day.toISOString()}: ${ours} ≠ ${intl.format(day)}`);
      }
      expect(differences).to.deep.equal([]);
      for (const day of [new Date(999, 0, 1), new Date(10_000, 0, 1), new Date(NaN)]) expect(words.numeric(day)).to.equal(undefined);
    });
  }

  it('only for exactly nl and en: en-GB writes its dates otherwise, and other languages come from Intl', () => {
    expect(dateWordsFor('en-GB')).to.equal(undefined);
    expect(dateWordsFor('tr')).to.equal(undefined);
    const day = new Date(2026, 11, 7);
    expect(formatDate(day, 'en-GB')).to.equal('07/12/2026');
    expect(formatDate(day, 'en')).to.equal('12/7/2026');
    expect(formatDate(day, 'nl')).to.equal('7-12-2026');
  });

  it('formatRelative says the same as Intl did, in a card’s every range (just now, minutes … years, past and future)', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    const minute = 60_000;
    const offsets = [
      -30_000,
      -minute,
      -59 * minute,
      -3 * 60 * minute,
      -25 * 60 * minute,
      -50 * 60 * minute,
      -3 * 1440 * minute,
      -40 * 1440 * minute,
      -800 * 1440 * minute,
      2 * 60 * minute,
      2 * 1440 * minute,
    ];
    const expected: Record<string, string[]> = {
      nl: [
        'zojuist',
        '1 minuut geleden',
        '59 minuten geleden',
        '3 uur geleden',
        'gisteren',
        'eergisteren',
        '3 dagen geleden',
        '1 maand geleden',
        '2 jaar geleden',
        'over 2 uur',
        'overmorgen',
      ],
      en: [
        'just now',
        '1 minute ago',
        '59 minutes ago',
        '3 hours ago',
        'yesterday',
        '2 days ago',
        '3 days ago',
        '1 month ago',
        '2 years ago',
        'in 2 hours',
        'in 2 days',
      ],
    };
    for (const lang of LANGUAGES) {
      expect(
        offsets.map((offset) => formatRelative(new Date(now.getTime() + offset), lang, now)),
        lang,
      ).to.deep.equal(expected[lang]);
    }
  });
});
