import type { SamenErrorKind, SamenIssue } from './errors.js';
import type { HomeAnswerKind } from '../lesson-clip/schemas.js';

export interface SamenErrorDetail {
  kind: SamenErrorKind;
  /** The widget that failed; hosts use it to find the card in their own UI. */
  element: HTMLElement;
  /** `false` when the widget still shows useful content (e.g. only the media was refused). */
  fatal: boolean;
  issues: readonly SamenIssue[];
}

export interface SamenAnswerDetail {
  clipId: string;
  kind: HomeAnswerKind;
  text?: string;
  /** The idempotency key the answer was written with. */
  id: string;
}

export interface SamenSeenDetail {
  clipId: string;
}

export interface SamenReactDetail {
  targetId: string;
  reaction: string;
  /** `true` when the reaction was added, `false` when taken back. */
  on: boolean;
}

export interface SamenReplyDetail {
  targetId: string;
  text: string;
  /** The idempotency key the reply was written with. */
  id: string;
}

export interface SamenAwardDetail {
  chartId: string;
  /** The award's id, also its idempotency key. */
  awardId: string;
  expectationId?: string;
  reason?: string;
}

export interface SamenUndoDetail {
  chartId: string;
  awardId: string;
}

export interface SamenRedeemDetail {
  chartId: string;
  reward: string;
}

export interface SamenCheckinDetail {
  childId: string;
  feeling: string;
  strength: number;
  context: 'home' | 'school';
  /** The check-in's id: the same all day for this child and context. */
  checkinId: string;
}

/**
 * A careful next step after a signal: talk with the child, with the parents, or with the care
 * coordinator (IB’er) — with the teacher when the care coordinator is the one looking.
 */
export type SignalStep = 'child' | 'parents' | 'care-coordinator' | 'teacher';

export interface SamenSignalDetail {
  childId: string;
  /** The local days that counted (YYYY-MM-DD). */
  days: string[];
  /** The step the teacher (or care coordinator) chose; the host opens its own way to take it. */
  step: SignalStep;
}

export interface SamenMatrixChangeDetail {
  matrixId: string;
  /** The version the adapter stored. */
  version: number;
}

export interface SamenFocusDetail {
  matrixId: string;
  valueId: string;
  locationId: string;
  expectationId?: string;
}

export interface SamenPublishDetail {
  /** The published clip's id, as `getLessonClip` reads it. */
  clipId: string;
  /** The idempotency key the clip was published with. */
  id: string;
}

export interface SamenAttentionDetail {
  clipId: string;
  /** `true`: the home question waits for this family; `false`: answered, talked about, or nothing to ask. */
  needsAttention: boolean;
}

/** A message from the other side arrived in a thread (issue 24): the host may notify in its own way. */
export interface SamenMessageDetail {
  about: { kind: 'answer' | 'reply' | 'success' | 'child'; id: string };
  familyId: string;
  messageId: string;
  /** Who wrote it: `teacher` (the family's card hears it) or `family` (the teacher's). */
  from: 'family' | 'teacher';
  /** Messages from the other side the viewer has not opened yet. */
  unread: number;
}

export interface SamenSuccessDetail {
  matrixId: string;
  successId: string;
}

/**
 * A household's yes / no / maybe to a meeting (issue 26). With `rsvp="host"` the card stores
 * nothing and the host takes it into its own agenda (`stored: false`); otherwise it fires after the
 * adapter stored it (`stored: true`), or kept it in the outbox to send later (`queued: true`).
 */
export interface SamenRsvpDetail {
  meetingId: string;
  /** The meeting as the card shows it: title, kind, start and end, place. */
  meeting: { id: string; classId: string; kind: string; title: string; startsAt: string; endsAt?: string; place: string };
  /** The household as the viewer's data names it (absent for a viewer without a family). */
  household: { familyId?: string; name?: string };
  answer: 'yes' | 'maybe' | 'no';
  /** How many people come (0 for `no`). */
  people: number;
  stored: boolean;
  queued?: boolean;
  /** The idempotency key (stored replies). */
  id?: string;
}

/** The household stored its preparation sheet for a parent–child–teacher conversation (issue 26). */
export interface SamenPreparationDetail {
  meetingId: string;
  /** The idempotency key it was written with. */
  id: string;
}

/**
 * A respondent sent their answers to an evaluation (issue 25): stored, or kept in the outbox to
 * send later (`queued: true`). Never the answers themselves: they are the respondent's.
 */
export interface SamenEvaluationResponseDetail {
  evaluationId: string;
  /** The idempotency key it was written with. */
  id: string;
  queued?: boolean;
}

/** Every `samen-*` event, typed for `addEventListener`. */
export interface SamenEventMap {
  'samen-error': CustomEvent<SamenErrorDetail>;
  'samen-answer': CustomEvent<SamenAnswerDetail>;
  'samen-seen': CustomEvent<SamenSeenDetail>;
  'samen-react': CustomEvent<SamenReactDetail>;
  'samen-reply': CustomEvent<SamenReplyDetail>;
  'samen-award': CustomEvent<SamenAwardDetail>;
  'samen-undo': CustomEvent<SamenUndoDetail>;
  'samen-redeem': CustomEvent<SamenRedeemDetail>;
  'samen-checkin': CustomEvent<SamenCheckinDetail>;
  'samen-signal': CustomEvent<SamenSignalDetail>;
  'samen-matrix-change': CustomEvent<SamenMatrixChangeDetail>;
  'samen-focus': CustomEvent<SamenFocusDetail>;
  'samen-success': CustomEvent<SamenSuccessDetail>;
  'samen-attention': CustomEvent<SamenAttentionDetail>;
  'samen-publish': CustomEvent<SamenPublishDetail>;
  'samen-message': CustomEvent<SamenMessageDetail>;
  'samen-rsvp': CustomEvent<SamenRsvpDetail>;
  'samen-preparation': CustomEvent<SamenPreparationDetail>;
  'samen-evaluation-response': CustomEvent<SamenEvaluationResponseDetail>;
}

declare global {
  interface HTMLElementEventMap extends SamenEventMap {}
  // Events are composed and bubble, so hosts typically listen once on `document`.
  interface DocumentEventMap extends SamenEventMap {}
}

export type DetailOf<K extends keyof SamenEventMap> = SamenEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Samen events bubble and cross shadow roots, so a host can listen once on `document`. */
export function dispatchSamenEvent<K extends keyof SamenEventMap>(target: EventTarget, name: K, detail: DetailOf<K>): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
