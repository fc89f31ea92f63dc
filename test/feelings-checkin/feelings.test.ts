import { expect } from '@open-wc/testing';
import {
  DEFAULT_FEELINGS,
  DEFAULT_SIGNAL_RULE,
  checkinIdFor,
  cleanCheckins,
  distribution,
  feelingLabel,
  findSignals,
  isSchoolDay,
  isoWithOffset,
  lastDays,
  lastSchoolDays,
  localDay,
  newestPerContext,
} from '../../src/feelings-checkin/feelings.js';
import type { Checkin } from '../../src/feelings-checkin/schemas.js';

const TODAY = '2026-11-20';

let n = 0;
const checkin = (patch: Partial<Checkin> & { day?: string }): Checkin => {
  const { day = TODAY, ...rest } = patch;
  n += 1;
  return { id: `c-${n}`, childId: 'child-7', feeling: 'sad', strength: 5, context: 'school', createdAt: `${day}T09:00:00+01:00`, ...rest };
};

describe('feelings rules', () => {
  it('keeps the day a check-in was written on when it carries an offset', () => {
    // 23:30 in Amsterdam is already the next day in UTC, but it is still that evening at home.
    expect(localDay('2026-11-20T23:30:00+01:00')).to.equal('2026-11-20');
    expect(localDay('2026-11-21T00:30:00-05:00')).to.equal('2026-11-21');
  });

  it('reads a UTC time in the device zone', () => {
    const date = new Date(2026, 10, 20, 12, 0, 0);
    expect(localDay(date.toISOString())).to.equal('2026-11-20');
  });

  it('writes local times with the device offset, round-tripping to the same instant and day', () => {
    const date = new Date(2026, 10, 20, 23, 30, 15);
    const iso = isoWithOffset(date);
    expect(iso).to.match(/^2026-11-20T23:30:15[+-]\d{2}:\d{2}$/);
    expect(Date.parse(iso)).to.equal(date.getTime());
    expect(localDay(iso)).to.equal('2026-11-20');
  });

  it('gives one id per child, context and day, so a change today replaces the check-in', () => {
    expect(checkinIdFor('child-1', 'home', TODAY)).to.equal(checkinIdFor('child-1', 'home', TODAY));
    expect(checkinIdFor('child-1', 'home', TODAY)).not.to.equal(checkinIdFor('child-1', 'school', TODAY));
    expect(checkinIdFor('child-1', 'home', TODAY)).not.to.equal(checkinIdFor('child-1', 'home', '2026-11-21'));
  });

  it('lists the last days oldest first, across month ends', () => {
    expect(lastDays('2026-12-02', 4)).to.deep.equal(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(lastDays(TODAY, 14)).to.have.length(14);
  });

  it('drops bad check-ins one by one, reports where, and keeps the rest', () => {
    const good = checkin({ feeling: 'happy', strength: 2 });
    const { checkins, issues } = cleanCheckins(
      [good, { ...checkin({}), feeling: 'hungry' }, { ...checkin({}), strength: 6 }, { nonsense: true }],
      DEFAULT_FEELINGS,
    );
    expect(checkins).to.deep.equal([good]);
    expect(issues.map((i) => i.path)).to.include('checkins.1.feeling');
    expect(issues.some((i) => i.path.startsWith('checkins.2.strength'))).to.be.true;
    expect(issues.some((i) => i.path.startsWith('checkins.3.'))).to.be.true;
    expect(cleanCheckins({ not: 'a list' }, DEFAULT_FEELINGS).issues).to.have.length(1);
  });

  it('keeps the newest version when the same check-in id comes twice', () => {
    const older = checkin({ id: 'same', feeling: 'sad', createdAt: `${TODAY}T08:00:00+01:00` });
    const newer = { ...older, feeling: 'happy', createdAt: `${TODAY}T10:00:00+01:00` };
    expect(cleanCheckins([newer, older], DEFAULT_FEELINGS).checkins).to.deep.equal([newer]);
  });

  describe('signals', () => {
    const days = lastDays(TODAY, 5);

    it('signals a child with a strong negative feeling on 3 of the last 5 days', () => {
      const list = [checkin({ day: days[0] }), checkin({ day: days[2], feeling: 'scared' }), checkin({ day: days[4], childName: 'Sem' })];
      expect(findSignals(list, DEFAULT_FEELINGS, TODAY)).to.deep.equal([
        { childId: 'child-7', childName: 'Sem', days: [days[0], days[2], days[4]], feelings: ['scared', 'sad'] },
      ]);
    });

    it('does not signal two days, weak feelings, positive feelings or older days', () => {
      const twoDays = [checkin({ day: days[0] }), checkin({ day: days[1] })];
      const weak = [0, 1, 2].map((i) => checkin({ day: days[i], strength: 3 }));
      const positive = [0, 1, 2].map((i) => checkin({ day: days[i], feeling: 'proud' }));
      const old = lastDays('2026-11-10', 3).map((day) => checkin({ day }));
      const sameDayTwice = [checkin({ day: days[0] }), checkin({ day: days[0], context: 'home' }), checkin({ day: days[1] })];
      for (const list of [twoDays, weak, positive, old, sameDayTwice]) expect(findSignals(list, DEFAULT_FEELINGS, TODAY)).to.deep.equal([]);
    });

    it('follows a configured rule', () => {
      const list = [checkin({ day: days[3] }), checkin({ day: days[4], strength: 3 })];
      expect(findSignals(list, DEFAULT_FEELINGS, TODAY)).to.have.length(0);
      expect(findSignals(list, DEFAULT_FEELINGS, TODAY, { windowDays: 2, minDays: 2, minStrength: 3 })).to.have.length(1);
      expect(DEFAULT_SIGNAL_RULE).to.deep.equal({ windowDays: 5, minDays: 3, minStrength: 4, schoolDays: true });
    });

    // 2026-11-20 is a Friday; the 21st and 22nd are the weekend, the 23rd a Monday.
    it('knows school days: Monday to Friday, across month ends', () => {
      expect(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'].map(isSchoolDay)).to.deep.equal([true, false, false, true]);
      expect(lastSchoolDays('2026-11-23', 5)).to.deep.equal(['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23']);
      expect(lastSchoolDays('2026-11-21', 5), 'on a Saturday: Monday to Friday').to.deep.equal([
        '2026-11-16',
        '2026-11-17',
        '2026-11-18',
        '2026-11-19',
        '2026-11-20',
      ]);
      expect(lastSchoolDays('2026-11-22', 5), 'on a Sunday too').to.deep.equal(lastSchoolDays('2026-11-21', 5));
      expect(lastSchoolDays('2026-12-01', 3)).to.deep.equal(['2026-11-27', '2026-11-30', '2026-12-01']);
      expect(lastSchoolDays('2026-11-23', 12)).to.have.length(12);
      expect(lastSchoolDays('2026-11-23', 12).every(isSchoolDay)).to.equal(true);
    });

    it('counts school days by default: 3 of the last 5 school days, reaching back over the weekend', () => {
      const monday = '2026-11-23';
      // Tuesday, Wednesday, Thursday of last week: 3 of the last 5 school days, though only 1 of the last 5 calendar days.
      const list = ['2026-11-17', '2026-11-18', '2026-11-19'].map((day) => checkin({ day }));
      expect(findSignals(list, DEFAULT_FEELINGS, monday).map((s) => s.days)).to.deep.equal([['2026-11-17', '2026-11-18', '2026-11-19']]);
      expect(findSignals(list, DEFAULT_FEELINGS, monday, { ...DEFAULT_SIGNAL_RULE, schoolDays: false })).to.deep.equal([]);
    });

    it('never counts Saturday or Sunday, nor a check-in made on them', () => {
      const monday = '2026-11-23';
      // Friday at school, then Saturday and Sunday at home: one school day, no signal.
      const weekend = [
        checkin({ day: '2026-11-20' }),
        checkin({ day: '2026-11-21', context: 'home' }),
        checkin({ day: '2026-11-22', context: 'home' }),
      ];
      expect(findSignals(weekend, DEFAULT_FEELINGS, monday)).to.deep.equal([]);
      expect(findSignals(weekend, DEFAULT_FEELINGS, '2026-11-22'), 'seen on the Sunday itself').to.deep.equal([]);
      // Counting every day (a host's choice), the same three days are a signal.
      expect(findSignals(weekend, DEFAULT_FEELINGS, monday, { ...DEFAULT_SIGNAL_RULE, schoolDays: false })).to.have.length(1);
      // A rule the host set without saying counts school days too.
      expect(findSignals(weekend, DEFAULT_FEELINGS, monday, { windowDays: 5, minDays: 3, minStrength: 4 })).to.deep.equal([]);
    });

    it('counts a school day once, whether the feeling was at home or at school', () => {
      const list = [
        checkin({ day: days[1], context: 'home' }),
        checkin({ day: days[2] }),
        checkin({ day: days[3], context: 'home', feeling: 'angry' }),
      ];
      expect(findSignals(list, DEFAULT_FEELINGS, TODAY)).to.deep.equal([
        { childId: 'child-7', days: [days[1], days[2], days[3]], feelings: ['angry', 'sad'] },
      ]);
    });

    it('treats only the feelings the set marks negative as negative', () => {
      const kanjer = [{ id: 'zwart', labels: { nl: 'zwarte pet' }, icon: '⚫', color: '#000000', negative: true }];
      const list = [0, 1, 2].map((i) => checkin({ day: days[i], feeling: 'zwart' }));
      expect(findSignals(list, kanjer, TODAY)).to.have.length(1);
      expect(findSignals(list, DEFAULT_FEELINGS, TODAY)).to.have.length(0);
    });
  });

  it('keeps the newest check-in per context for a day, oldest context first', () => {
    const homeOld = checkin({ context: 'home', feeling: 'sad', createdAt: `${TODAY}T07:00:00+01:00` });
    const homeNew = checkin({ context: 'home', feeling: 'happy', createdAt: `${TODAY}T19:00:00+01:00` });
    const school = checkin({ context: 'school', feeling: 'calm', createdAt: `${TODAY}T10:00:00+01:00` });
    expect(newestPerContext([homeNew, school, homeOld])).to.deep.equal([school, homeNew]);
    expect(newestPerContext([])).to.deep.equal([]);
  });

  it('counts today per feeling in the order of the set', () => {
    const rows = distribution(
      [
        checkin({ feeling: 'happy' }),
        checkin({ feeling: 'happy' }),
        checkin({ feeling: 'calm' }),
        checkin({ feeling: 'happy', day: '2026-11-19' }),
      ],
      DEFAULT_FEELINGS,
      TODAY,
    );
    expect(rows.map((r) => r.feeling.id)).to.deep.equal(DEFAULT_FEELINGS.map((f) => f.id));
    expect(rows.find((r) => r.feeling.id === 'happy')!.count).to.equal(2);
    expect(rows.find((r) => r.feeling.id === 'calm')!.count).to.equal(1);
    expect(rows.reduce((sum, r) => sum + r.count, 0)).to.equal(3);
  });

  it("finds a label for a regional locale, then the registered language's word, then English, then any", async () => {
    const happy = DEFAULT_FEELINGS[0]!;
    expect(feelingLabel(happy, 'nl-BE')).to.equal('blij');
    expect(feelingLabel(happy, 'fi')).to.equal('happy');
    await import('../../src/locales/ar.js');
    await import('../../src/locales/pl.js');
    expect(feelingLabel(happy, 'ar-MA')).to.equal('السعادة');
    expect(DEFAULT_FEELINGS.map((f) => feelingLabel(f, 'pl'))).to.include.members(['radość', 'złość', 'spokój']);
    expect(feelingLabel({ ...happy, labels: { ...happy.labels, ar: 'فرحان' } }, 'ar'), 'the host’s own word wins').to.equal('فرحان');
    expect(feelingLabel({ id: 'x', labels: { tr: 'mutlu' }, icon: '🙂', color: '#000' }, 'nl')).to.equal('mutlu');
  });

  it('gives every default feeling a word in Dutch and English and an icon, so colour is never the only cue', () => {
    expect(DEFAULT_FEELINGS.map((f) => f.labels['nl'])).to.deep.equal([
      'blij',
      'boos',
      'bang',
      'verdrietig',
      'trots',
      'moe',
      'zenuwachtig',
      'rustig',
    ]);
    for (const f of DEFAULT_FEELINGS) {
      expect(f.labels['en'], f.id).to.be.a('string').and.not.empty;
      expect(f.icon, f.id).to.not.be.empty;
    }
  });
});
