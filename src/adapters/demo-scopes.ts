/**
 * Where each resource of the demo state belongs, for the policy (src/core/policy.ts): the
 * MemoryAdapter, the LocalAdapter and the reference server ask these before any domain code.
 * `undefined` means the resource does not exist (`not-found`).
 */
import { dict, own } from '../core/dict.js';
import type { Scope } from '../core/policy.js';
import type { DemoState, StoredChart, StoredMatrix } from './demo-data.js';

type State = Pick<DemoState, 'clips' | 'posts' | 'charts' | 'classes' | 'families' | 'matrices'> &
  Partial<Pick<DemoState, 'viewers' | 'schoolSettings'>>;

/** The class a child is in (the first, should a host list one child in two). */
export function classOfChild(state: Pick<DemoState, 'classes'>, childId: string): string | undefined {
  for (const [classId, children] of Object.entries(state.classes)) if (children.includes(childId)) return classId;
  return undefined;
}

export function clipScope(state: State, clipId: string): Scope | undefined {
  const clip = own(state.clips, clipId) as { classId?: unknown } | undefined;
  if (clip === undefined) return undefined;
  // A clip without a class (a host's broken data) belongs to nobody's class: nobody may act on it.
  return { classId: typeof clip?.classId === 'string' ? clip.classId : '' };
}

/** A feedback-bar target: a clip, or a host post the store knows. */
export function targetScope(state: State, targetId: string): Scope | undefined {
  const post = own(state.posts, targetId);
  return post ? { classId: post.classId } : clipScope(state, targetId);
}

export function chartOf(state: State, chartId: string): StoredChart | undefined {
  return own(state.charts, chartId);
}

export function chartScope(chart: StoredChart): Scope {
  return { classId: chart.classId ?? '', ...(chart.kind === 'personal' && chart.childId ? { childId: chart.childId } : {}) };
}

/** One child's check-ins: the child and their class. */
export function childScope(state: State, childId: string): Scope | undefined {
  const classId = classOfChild(state, childId);
  return classId === undefined ? undefined : { childId, classId };
}

export function classScope(state: State, classId: string): Scope | undefined {
  return own(state.classes, classId) || own(state.families, classId) ? { classId } : undefined;
}

export function matrixOf(state: State, matrixId: string): StoredMatrix | undefined {
  return own(state.matrices, matrixId);
}

export function matrixScope(matrix: StoredMatrix): Scope {
  return matrix.kind === 'home' ? { familyId: matrix.familyId ?? '' } : { schoolId: matrix.schoolId ?? '' };
}

/** The first class a family is listed in. */
function classOfFamily(state: State, familyId: string): Scope | undefined {
  for (const [classId, families] of Object.entries(state.families)) if (families.some((f) => f.familyId === familyId)) return { classId };
  return undefined;
}

/** The child's class, when `familyId` is a family of that child (one of its carers says so). */
function childOfFamily(state: State, childId: string, familyId: string): Scope | undefined {
  const isTheirs = (state.viewers ?? []).some((v) => v.familyId === familyId && v.childIds?.includes(childId));
  const classId = isTheirs ? classOfChild(state, childId) : undefined;
  return classId === undefined ? undefined : { classId };
}

/**
 * A thread between a family and the teacher(s) of a class: the family and the class of what it
 * is about (a clip, or a clip or host post for a reply; for the successes shared on a matrix the
 * family's class; for a tip and top about a child the child's class, and the family must be the
 * child's). `undefined` when that does not exist or the family is not in that class: nobody can
 * open a thread with a family of another class. With `householdId` (issue 24) the thread is that
 * household's, which must be one of the family's: only its carers read it, unless the school
 * shares within the family (then the family's carers do).
 */
export function threadScope(state: State, about: { kind: string; id: string }, familyId: string, householdId?: string): Scope | undefined {
  const base =
    about.kind === 'answer'
      ? clipScope(state, about.id)
      : about.kind === 'reply'
        ? targetScope(state, about.id)
        : about.kind === 'success'
          ? matrixOf(state, about.id)?.kind === 'school'
            ? classOfFamily(state, familyId)
            : undefined
          : about.kind === 'child'
            ? childOfFamily(state, about.id, familyId)
            : undefined;
  const classId = base?.classId;
  const family = classId ? (own(state.families, classId) ?? []).find((f) => f.familyId === familyId) : undefined;
  if (!classId || !family) return undefined;
  if (householdId === undefined) return { familyId, classId };
  if (!family.households?.some((h) => h.householdId === householdId)) return undefined;
  return sharesWithinFamily(state, classId) ? { familyId, classId } : { familyId, householdId, classId };
}

/**
 * Whether the school of class `classId` shares answers, drafts and threads within the family
 * (`schoolSettings[schoolId].shareWithinFamily`; the school is the one its teachers belong to).
 */
export function sharesWithinFamily(state: Partial<Pick<DemoState, 'viewers' | 'schoolSettings'>>, classId: string): boolean {
  const schoolId = (state.viewers ?? []).find((v) => v.role === 'teacher' && v.classIds?.includes(classId))?.schoolId;
  return schoolId !== undefined && own(state.schoolSettings ?? {}, schoolId)?.shareWithinFamily === true;
}

/**
 * Makes every record of a state that was loaded (JSON, IndexedDB, a clone) null-prototype
 * again, in place, and fills in what older stored states lack. Returns the same state.
 */
export function hardenState<S extends DemoState>(state: S): S {
  state.clips = dict(state.clips);
  state.families = dict(state.families);
  state.reactions = dict(state.reactions);
  for (const key of Object.keys(state.reactions)) state.reactions[key] = dict(state.reactions[key]);
  state.replies = dict(state.replies);
  state.charts = dict(state.charts);
  state.posts = dict(state.posts ?? {});
  state.classes = dict(state.classes);
  state.matrices = dict(state.matrices);
  for (const matrix of Object.values(state.matrices)) if (matrix && typeof matrix === 'object') matrix.cells = dict(matrix.cells);
  if (state.uploads) state.uploads = dict(state.uploads);
  state.threads = dict(state.threads ?? {});
  for (const thread of Object.values(state.threads)) if (thread && typeof thread === 'object') thread.readBy = dict(thread.readBy);
  if (state.meetings) state.meetings = dict(state.meetings);
  if (state.intros) state.intros = dict(state.intros);
  if (state.evaluations) state.evaluations = dict(state.evaluations);
  if (state.schoolSettings) state.schoolSettings = dict(state.schoolSettings);
  // Writes remembered in another shape (a state saved before they had a time and a digest)
  // can't be told apart from a new request: they are forgotten.
  const writes = dict(state.writes);
  for (const [key, entry] of Object.entries(writes)) {
    const ok = entry && typeof entry === 'object' && typeof entry.at === 'number' && typeof entry.digest === 'string';
    if (!ok) delete writes[key];
  }
  state.writes = writes;
  return state;
}
