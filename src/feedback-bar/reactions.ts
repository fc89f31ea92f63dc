import { svg, type SVGTemplateResult } from 'lit';
import type { SamenIssue } from '../core/errors.js';
import { REACTIONS, type ReactionId, type ReactionSummary } from './schemas.js';

/**
 * Icons as SVG paths (Material Symbols, Apache-2.0) rather than emoji: the same on every
 * phone, in the host's text colour, and present where no emoji font is installed.
 */
const PATHS: Record<ReactionId, string> = {
  like: 'M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z',
  heart:
    'M12 21.35l-1.45-1.32C5.4 15.36 2 12.28 2 8.5 2 5.42 4.42 3 7.5 3c1.74 0 3.41.81 4.5 2.09C13.09 3.81 14.76 3 16.5 3 19.58 3 22 5.42 22 8.5c0 3.78-3.4 6.86-8.55 11.54L12 21.35z',
  clap: 'M12 17.27L18.18 21l-1.64-7.03L22 9.24l-7.19-.61L12 2 9.19 8.63 2 9.24l5.46 4.73L5.82 21z',
  'talked-at-home': 'M20 2H4c-1.1 0-2 .9-2 2v18l4-4h14c1.1 0 2-.9 2-2V4c0-1.1-.9-2-2-2z',
  'practised-at-home': 'M10 20v-6h4v6h5v-8h3L12 3 2 12h3v8z',
};

export function reactionIcon(reaction: ReactionId): SVGTemplateResult {
  return svg`<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path fill="currentColor" d=${PATHS[reaction]}></path></svg>`;
}

export function isReactionId(value: string): value is ReactionId {
  return (REACTIONS as readonly string[]).includes(value);
}

/** The `reactions` attribute: known ids in the order given, duplicates and unknown ids dropped. */
export function parseReactionList(value: string | null | undefined): ReactionId[] {
  if (!value?.trim()) return [...REACTIONS];
  const ids = value.split(/[\s,]+/).filter(isReactionId);
  return [...new Set(ids)];
}

/** Drops reaction ids the widget doesn't know, and says which were dropped. */
export function withKnownReactions(summary: ReactionSummary): { summary: ReactionSummary; issues: SamenIssue[] } {
  const issues: SamenIssue[] = [];
  const keep = (id: string, path: string) => {
    if (isReactionId(id)) return true;
    issues.push({ path, message: 'unknown reaction' });
    return false;
  };
  const counts = Object.fromEntries(Object.entries(summary.counts).filter(([id]) => keep(id, `counts.${id}`)));
  const mine = summary.mine.filter((id) => keep(id, `mine.${id}`));
  const result: ReactionSummary = { ...summary, counts, mine };
  if (summary.reactors) {
    result.reactors = Object.fromEntries(Object.entries(summary.reactors).filter(([id]) => isReactionId(id)));
  }
  return { summary: result, issues };
}

/**
 * What the parent sees while writes are in flight: the host's state with the
 * parent's wishes laid over it, so a tap shows at once.
 */
export function optimisticCount(summary: ReactionSummary, reaction: ReactionId, desired: boolean | undefined): number {
  const count = summary.counts[reaction] ?? 0;
  const confirmed = summary.mine.includes(reaction);
  if (desired === undefined || desired === confirmed) return count;
  return Math.max(0, count + (desired ? 1 : -1));
}

/** Home share in percent, for the teacher. */
export function homeShare(summary: ReactionSummary): number | undefined {
  if (!summary.families || summary.homeFamilies === undefined) return undefined;
  return Math.round((Math.min(summary.homeFamilies, summary.families) / summary.families) * 100);
}
