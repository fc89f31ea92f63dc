import type { RequestOptions, SamenAdapter, SamenTopic, Unsubscribe } from '../core/adapter.js';
import { SamenError } from '../core/errors.js';
import type { Viewer } from '../core/schemas.js';
import type { ReactionSummary } from '../feedback-bar/schemas.js';
import type { HomeAnswer, LessonClip } from '../lesson-clip/schemas.js';

/** The clip id a preview card reads. */
export const PREVIEW_CLIP_ID = 'samen-draft-preview';

const VIEWER: Viewer = { id: 'samen-draft-preview', role: 'parent', familyId: 'samen-draft-preview' };

/**
 * A tiny adapter that serves the draft being composed, as a parent with nothing answered
 * or reacted would see it, so the preview is the real `<samen-lesson-clip>` and not a
 * look-alike. Nothing leaves the page: answers and reactions in the preview stay in it.
 */
export class DraftPreviewAdapter implements SamenAdapter {
  private readonly listeners = new Set<() => void>();
  private answer: HomeAnswer | null = null;

  constructor(private draft: () => LessonClip) {}

  /** Tells the preview card to read the draft again. */
  changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  subscribe(topic: SamenTopic, listener: () => void): Unsubscribe {
    if (topic !== `clip:${PREVIEW_CLIP_ID}`) return () => undefined;
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async getViewer(): Promise<Viewer> {
    return structuredClone(VIEWER);
  }

  async getLessonClip(clipId: string, options?: RequestOptions): Promise<LessonClip> {
    if (options?.signal?.aborted) throw options.signal.reason;
    if (clipId !== PREVIEW_CLIP_ID) throw new SamenError('not-found');
    return structuredClone(this.draft());
  }

  async getHomeAnswer(): Promise<HomeAnswer | null> {
    return this.answer && structuredClone(this.answer);
  }

  async saveHomeAnswer(input: { id: string; clipId: string; kind: 'text' | 'talked'; text?: string }): Promise<HomeAnswer> {
    this.answer = {
      id: input.id,
      clipId: input.clipId,
      familyId: VIEWER.familyId!,
      kind: input.kind,
      ...(input.text ? { text: input.text } : {}),
      updatedAt: new Date().toISOString(),
    };
    return structuredClone(this.answer);
  }

  async markSeen(): Promise<void> {}

  async getReactions(targetId: string): Promise<ReactionSummary> {
    return { targetId, counts: {}, mine: [], replies: [] };
  }

  async setReaction(input: { targetId: string; reaction: string; on: boolean }): Promise<ReactionSummary> {
    return {
      targetId: input.targetId,
      counts: input.on ? { [input.reaction]: 1 } : {},
      mine: input.on ? [input.reaction] : [],
      replies: [],
    };
  }

  async addReply(input: { id: string; text: string }) {
    return { id: input.id, text: input.text, createdAt: new Date().toISOString() };
  }

  // Nothing else exists in a preview.
  getClipReach = refuse;
  getRewardChart = refuse;
  award = refuse;
  undoAward = refuse;
  redeem = refuse;
  getCheckins = refuse;
  getClassCheckins = refuse;
  saveCheckin = refuse;
  getExpectationMatrix = refuse;
  saveExpectationMatrix = refuse;
  shareSuccess = refuse;
  getSuccesses = refuse;
}

function refuse(): Promise<never> {
  return Promise.reject(new SamenError('not-found', 'not part of a preview'));
}
