/**
 * "Preview as parent": a teacher sees the parent view of the same item without writing
 * anything. The preview element reads through {@link previewAdapter}, which answers as a
 * parent with no family of their own (nothing answered, nothing reacted) and refuses every
 * write, so a preview can never mark a clip seen, save an answer or react.
 */
import { css } from 'lit';
import type { RequestOptions, SamenAdapter } from './adapter.js';
import { SamenError } from './errors.js';
import type { Viewer } from './schemas.js';
import type { ReactionSummary } from '../feedback-bar/schemas.js';

const PREVIEW_VIEWER: Viewer = { id: 'samen-preview', role: 'parent' };

const previews = new WeakMap<SamenAdapter, SamenAdapter>();

function refuse(): Promise<never> {
  return Promise.reject(new SamenError('forbidden', 'preview: nothing is saved'));
}

/**
 * Reads as a parent who has done nothing yet; teacher-only data (who reacted, other
 * families' replies, reach, class check-ins, successes) is dropped; writes are refused.
 * One wrapper per adapter, so live-update subscriptions stay stable across renders.
 */
export function previewAdapter(adapter: SamenAdapter): SamenAdapter {
  const known = previews.get(adapter);
  if (known) return known;
  const preview: SamenAdapter = {
    getViewer: async () => structuredClone(PREVIEW_VIEWER),
    getLessonClip: (clipId, options) => adapter.getLessonClip(clipId, options),
    getHomeAnswer: async () => null,
    saveHomeAnswer: refuse,
    markSeen: refuse,
    getClipReach: refuse,
    getReactions: async (targetId: string, options?: RequestOptions): Promise<ReactionSummary> => {
      const summary = await adapter.getReactions(targetId, options);
      // Counts are what every parent sees; names, replies and family totals are the teacher's.
      return { targetId: summary.targetId, counts: summary.counts, mine: [], replies: [] };
    },
    setReaction: refuse,
    addReply: refuse,
    getRewardChart: (chartId, options) => adapter.getRewardChart(chartId, options),
    award: refuse,
    undoAward: refuse,
    redeem: refuse,
    // A child's feelings belong to that child's family: the preview shows the empty card.
    getCheckins: async () => [],
    getClassCheckins: refuse,
    saveCheckin: refuse,
    getExpectationMatrix: (matrixId, options) => adapter.getExpectationMatrix(matrixId, options),
    saveExpectationMatrix: refuse,
    shareSuccess: refuse,
    getSuccesses: refuse,
  };
  // The course (issue 26): the meeting and introduction as every parent sees them; a household's own reply and sheet stay theirs.
  if (adapter.getMeeting) {
    preview.getMeeting = (meetingId, options) => adapter.getMeeting!(meetingId, options);
    preview.getRsvp = async () => null;
    preview.getPreparation = async () => null;
    preview.saveRsvp = refuse;
    preview.savePreparation = refuse;
    preview.getMeetingReplies = refuse;
  }
  // Evaluations (issue 25): the form as every parent sees it (the widget shows the parent's questions); nothing is sent.
  if (adapter.getEvaluation) {
    preview.getEvaluation = async (evaluationId, options) => {
      const evaluation = await adapter.getEvaluation!(evaluationId, options);
      if (evaluation.audience === 'parent' || !adapter.getEvaluationResults) return evaluation;
      // Staff get their own form: the school's own questions for parents come from the results, which list each with its audience.
      const results = await adapter.getEvaluationResults({ programmeRunId: evaluation.programmeRunId }, options);
      const phase = results.phases.find((p) => p.evaluationId === evaluationId) ?? results.phases.find((p) => p.phase === evaluation.phase);
      const own = (phase?.questions ?? [])
        .filter((q) => q.audience === 'parent' && q.builtIn === false)
        .map(({ questionId, kind, text, options: choices }) => ({
          id: questionId,
          kind,
          text,
          ...(choices ? { options: choices } : {}),
          builtIn: false,
        }));
      return { ...evaluation, audience: 'parent', questions: [...evaluation.questions.filter((q) => q.builtIn), ...own] };
    };
    preview.submitEvaluationResponse = refuse;
    preview.getEvaluationResults = refuse;
    preview.saveEvaluation = refuse;
  }
  if (adapter.getProgrammeIntro) preview.getProgrammeIntro = (introId, options) => adapter.getProgrammeIntro!(introId, options);
  if (adapter.subscribe) preview.subscribe = (topic, listener) => adapter.subscribe!(topic, listener);
  previews.set(adapter, preview);
  return preview;
}

export const previewStyles = css`
  .preview-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
    margin-block-end: calc(var(--_space) / 2);
    color: var(--_text);
  }
  .preview-toggle {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
  }
  .preview-switch {
    display: inline-block;
    inline-size: 2.25em;
    block-size: 1.25em;
    border-radius: 1em;
    border: 2px solid currentColor;
    position: relative;
    box-sizing: border-box;
  }
  .preview-switch::after {
    content: '';
    position: absolute;
    inset-block-start: 2px;
    inset-inline-start: 2px;
    inline-size: calc(1.25em - 8px);
    block-size: calc(1.25em - 8px);
    border-radius: 50%;
    background: currentColor;
    transition: inset-inline-start 0.15s;
  }
  .preview-toggle[aria-pressed='true'] .preview-switch::after {
    inset-inline-start: calc(100% - 1.25em + 6px);
  }
  .preview-note {
    margin: 0;
    color: var(--_muted);
  }
  .preview-note strong {
    color: var(--_text);
  }
`;
