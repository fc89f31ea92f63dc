/**
 * Reward-chart rules, free of the DOM so they are unit-tested on their own.
 * Positive only, by design: there is no deduction and no ranking anywhere here.
 */
import type { SamenIssue } from '../core/errors.js';
import type { Award, RewardChart } from './schemas.js';

export interface Progress {
  count: number;
  goal: number;
  /** 0–100, never more: tokens beyond the goal don't overflow the picture. */
  percent: number;
  remaining: number;
  reached: boolean;
}

export function progress(count: number, goal: number): Progress {
  const safeGoal = Math.max(1, Math.floor(goal));
  const safeCount = Math.max(0, Math.floor(count));
  return {
    count: safeCount,
    goal: safeGoal,
    percent: Math.min(100, Math.round((safeCount / safeGoal) * 100)),
    remaining: Math.max(0, safeGoal - safeCount),
    reached: safeCount >= safeGoal,
  };
}

/** The most recent reasons, newest first, without repeats. */
export function recentReasons(awards: readonly Award[], focusText: (id: string) => string | undefined, limit = 3): string[] {
  const reasons: string[] = [];
  for (const award of [...awards].sort((a, b) => b.createdAt.localeCompare(a.createdAt))) {
    const reason = award.reason ?? (award.expectationId ? focusText(award.expectationId) : undefined);
    if (reason && !reasons.includes(reason)) reasons.push(reason);
    if (reasons.length === limit) break;
  }
  return reasons;
}

/**
 * Cleans what the host sent: duplicate award ids count once, unknown expectation ids
 * are dropped from the award (the award itself stays: it was earned), and dates in
 * the future are pulled back to now. Each fix is reported as an issue.
 */
export function sanitizeChart(chart: RewardChart, now: Date): { chart: RewardChart; issues: SamenIssue[] } {
  const issues: SamenIssue[] = [];
  const seen = new Set<string>();
  const focusIds = new Set(chart.focus.map((f) => f.id));
  const nowIso = now.toISOString();
  const awards: Award[] = [];
  chart.awards.forEach((award, index) => {
    if (seen.has(award.id)) {
      issues.push({ path: `awards.${index}.id`, message: 'duplicate award id' });
      return;
    }
    seen.add(award.id);
    let clean = award;
    if (award.expectationId && !focusIds.has(award.expectationId)) {
      issues.push({ path: `awards.${index}.expectationId`, message: 'unknown expectation' });
      const { expectationId: _unknown, ...rest } = award;
      clean = rest;
    }
    // A minute of clock skew between devices is normal; more is bad data.
    if (Date.parse(award.createdAt) > now.getTime() + 60_000) {
      issues.push({ path: `awards.${index}.createdAt`, message: 'date in the future' });
      clean = { ...clean, createdAt: nowIso };
    }
    awards.push(clean);
  });
  return { chart: { ...chart, awards }, issues };
}
