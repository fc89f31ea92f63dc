import { expect } from '@open-wc/testing';
import { progress, recentReasons, sanitizeChart } from '../../src/reward-chart/progress.js';
import type { Award, RewardChart } from '../../src/reward-chart/schemas.js';

const NOW = new Date('2026-11-20T10:00:00Z');
const DAY = 86_400_000;
const daysAgo = (n: number, hours = 0) => new Date(NOW.getTime() - n * DAY - hours * 3_600_000).toISOString();

function chart(awards: Award[], overrides: Partial<RewardChart> = {}): RewardChart {
  return {
    id: 'c1',
    kind: 'class',
    title: 'Rustig in de gang',
    goal: 5,
    reward: 'Extra gymles',
    focus: [{ id: 'f1', text: 'Ik loop rustig' }],
    awards,
    ...overrides,
  };
}

const award = (id: string, extra: Partial<Award> = {}): Award => ({ id, source: 'school', createdAt: daysAgo(1), ...extra });

describe('progress()', () => {
  it('counts toward the goal', () => {
    expect(progress(31, 50)).to.deep.equal({ count: 31, goal: 50, percent: 62, remaining: 19, reached: false });
  });

  it('is reached exactly at the goal', () => {
    expect(progress(10, 10)).to.include({ percent: 100, remaining: 0, reached: true });
  });

  it('caps tokens beyond the goal at 100 percent', () => {
    expect(progress(75, 50)).to.include({ count: 75, percent: 100, remaining: 0, reached: true });
  });

  it('never goes below zero or divides by zero', () => {
    expect(progress(-3, 10)).to.include({ count: 0, percent: 0, remaining: 10, reached: false });
    expect(progress(0, 0)).to.include({ goal: 1, percent: 0, reached: false });
    expect(progress(2, -4)).to.include({ goal: 1, percent: 100, reached: true });
  });

  it('floors fractions', () => {
    expect(progress(2.9, 4.5)).to.include({ count: 2, goal: 4, percent: 50, remaining: 2 });
  });
});

describe('recentReasons()', () => {
  const focus = (id: string) => ({ f1: 'Ik loop rustig', f2: 'Juiste stem' })[id];

  it('lists reasons newest first, falling back to the focus text', () => {
    const awards = [
      award('a', { reason: 'Oud', createdAt: daysAgo(5) }),
      award('b', { expectationId: 'f1', createdAt: daysAgo(1) }),
      award('c', { reason: 'Nieuw', createdAt: daysAgo(0) }),
    ];
    expect(recentReasons(awards, focus)).to.deep.equal(['Nieuw', 'Ik loop rustig', 'Oud']);
  });

  it('drops repeats and awards without any reason', () => {
    const awards = [
      award('a', { reason: 'Geholpen', createdAt: daysAgo(0) }),
      award('b', { reason: 'Geholpen', createdAt: daysAgo(1) }),
      award('c', { createdAt: daysAgo(2) }),
      award('d', { expectationId: 'unknown', createdAt: daysAgo(3) }),
    ];
    expect(recentReasons(awards, focus)).to.deep.equal(['Geholpen']);
  });

  it('stops at the limit', () => {
    const awards = ['a', 'b', 'c', 'd', 'e'].map((r, i) => award(r, { reason: r, createdAt: daysAgo(i) }));
    expect(recentReasons(awards, focus)).to.deep.equal(['a', 'b', 'c']);
    expect(recentReasons(awards, focus, 1)).to.deep.equal(['a']);
  });

  it('does not reorder the input', () => {
    const awards = [award('a', { reason: 'x', createdAt: daysAgo(3) }), award('b', { reason: 'y', createdAt: daysAgo(0) })];
    recentReasons(awards, focus);
    expect(awards.map((a) => a.id)).to.deep.equal(['a', 'b']);
  });
});

describe('sanitizeChart()', () => {
  it('leaves clean data alone', () => {
    const input = chart([award('a', { expectationId: 'f1' }), award('b')]);
    const { chart: out, issues } = sanitizeChart(input, NOW);
    expect(issues).to.deep.equal([]);
    expect(out.awards).to.deep.equal(input.awards);
  });

  it('counts duplicate award ids once', () => {
    const { chart: out, issues } = sanitizeChart(chart([award('a'), award('b'), award('a')]), NOW);
    expect(out.awards.map((a) => a.id)).to.deep.equal(['a', 'b']);
    expect(issues).to.deep.equal([{ path: 'awards.2.id', message: 'duplicate award id' }]);
  });

  it('keeps an award with an unknown expectation id but drops the id', () => {
    const { chart: out, issues } = sanitizeChart(chart([award('a', { expectationId: 'nope', reason: 'Goed' })]), NOW);
    expect(out.awards).to.have.length(1);
    expect(out.awards[0]).to.not.have.property('expectationId');
    expect(out.awards[0]!.reason).to.equal('Goed');
    expect(issues).to.deep.equal([{ path: 'awards.0.expectationId', message: 'unknown expectation' }]);
  });

  it('pulls future dates back to now, allowing a minute of clock skew', () => {
    const skew = new Date(NOW.getTime() + 30_000).toISOString();
    const future = new Date(NOW.getTime() + 2 * DAY).toISOString();
    const { chart: out, issues } = sanitizeChart(chart([award('a', { createdAt: skew }), award('b', { createdAt: future })]), NOW);
    expect(out.awards[0]!.createdAt).to.equal(skew);
    expect(out.awards[1]!.createdAt).to.equal(NOW.toISOString());
    expect(issues).to.deep.equal([{ path: 'awards.1.createdAt', message: 'date in the future' }]);
  });

  it('reports several problems on one award', () => {
    const future = new Date(NOW.getTime() + DAY).toISOString();
    const { issues } = sanitizeChart(chart([award('a', { expectationId: 'x', createdAt: future })]), NOW);
    expect(issues.map((i) => i.path)).to.deep.equal(['awards.0.expectationId', 'awards.0.createdAt']);
  });

  it('does not mutate the input', () => {
    const input = chart([award('a'), award('a', { expectationId: 'x' })]);
    const copy = structuredClone(input);
    sanitizeChart(input, NOW);
    expect(input).to.deep.equal(copy);
  });

  it('keeps tokens beyond the goal; progress shows reached and 100 percent', () => {
    const { chart: out, issues } = sanitizeChart(
      chart(
        Array.from({ length: 8 }, (_, i) => award(`a${i}`)),
        { goal: 5 },
      ),
      NOW,
    );
    expect(issues).to.deep.equal([]);
    expect(out.awards).to.have.length(8);
    expect(progress(out.awards.length, out.goal)).to.include({ percent: 100, reached: true, remaining: 0 });
  });
});
