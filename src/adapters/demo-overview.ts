/**
 * The programme overview computed from the demo store (issue 25), as a backend would compute it
 * with one query per run: per class and posted clip, how many families saw it, talked about it,
 * answered and reacted. The MemoryAdapter, LocalAdapter and the reference server on PGlite answer
 * `getProgrammeOverview` and `getUnreachedFamilies` with these; the policy is checked before.
 */
import { own } from '../core/dict.js';
import type { ProgrammeOverview, ProgrammeOverviewQuery, UnreachedFamilies } from '../programme-overview/schemas.js';
import type { DemoState } from './demo-data.js';
import { isScheduled, type FollowsUp } from '../lesson-clip/schemas.js';
import type { OverviewFollowUp } from '../programme-overview/schemas.js';

interface ClipRecord {
  id: string;
  programme: string;
  lessonNumber?: number;
  classId: string;
  classLabel?: string;
  postedAt?: string;
  scheduledAt?: string;
  followsUp?: FollowsUp;
}

const LABELS: Record<string, string> = { wish: 'WIsH', kanjer: 'Kanjertraining', pbs: 'PBS' };

/** The stored clips of `programme` (raw: a clip that is not even an object is skipped). */
function clipsOf(state: DemoState, programme: string | undefined): ClipRecord[] {
  return Object.values(state.clips).filter((raw): raw is ClipRecord => {
    const c = raw as Partial<ClipRecord> | null;
    return (
      !!c && typeof c === 'object' && typeof c.id === 'string' && typeof c.classId === 'string' && (!programme || c.programme === programme)
    );
  });
}

/** The families a clip reached: seen (or answered: an answer implies it was seen), talked, answered, reacted. */
function reachOf(state: DemoState, clipId: string) {
  const answers = state.answers.filter((a) => a.clipId === clipId);
  const reacted = new Set(Object.values(own(state.reactions, clipId) ?? {}).flat());
  const seen = new Set([...state.seen.filter((s) => s.clipId === clipId).map((s) => s.familyId), ...answers.map((a) => a.familyId)]);
  return {
    seen,
    talked: new Set(answers.map((a) => a.familyId)),
    answered: new Set(answers.filter((a) => a.kind === 'text').map((a) => a.familyId)),
    reacted,
  };
}

/**
 * The overview of `query.programme` for `classIds` (the ones asked for, else every class of the
 * viewer's that has a clip of it). Counts only: no family id or name leaves this function.
 */
export function computeOverview(state: DemoState, query: ProgrammeOverviewQuery, viewerClassIds: readonly string[]): ProgrammeOverview {
  const programme = query.programme ?? query.programmeRunId ?? '';
  const clips = clipsOf(state, programme);
  // A follow-up or repeat lesson (issue 26) is no lesson of the run: it is shown beside the class
  // whose run it follows up. A clip scheduled for later is not posted yet.
  const followUps = clips.filter((c) => c.followsUp && typeof c.followsUp === 'object');
  const lessons = clips.filter((c) => !followUps.includes(c) && !isScheduled(c));
  const classIds =
    query.classIds ??
    viewerClassIds.filter((id) => lessons.some((c) => c.classId === id) || followUps.some((c) => followedClass(c) === id));
  const numbers = lessons.map((c) => c.lessonNumber).filter((n): n is number => typeof n === 'number' && n >= 1);
  const last = numbers.length ? Math.max(...numbers) : 0;
  const classes = classIds.map((classId) => {
    const families = own(state.families, classId) ?? [];
    const mine = lessons.filter((c) => c.classId === classId && typeof c.lessonNumber === 'number');
    const after = followUps.filter((c) => followedClass(c) === classId).map((c) => followUpOf(c, classId));
    return {
      classId,
      label: mine.find((c) => c.classLabel)?.classLabel ?? classId,
      families: families.length,
      cells: mine
        .sort((a, b) => a.lessonNumber! - b.lessonNumber!)
        .map((clip) => {
          const reach = reachOf(state, clip.id);
          const inClass = (set: Set<string>) => families.filter((f) => set.has(f.familyId)).length;
          return {
            lessons: [clip.lessonNumber!],
            clipId: clip.id,
            ...(clip.postedAt ? { postedAt: clip.postedAt } : {}),
            families: {
              seen: inClass(reach.seen),
              talked: inClass(reach.talked),
              answered: inClass(reach.answered),
              reacted: inClass(reach.reacted),
            },
          };
        }),
      ...(after.length ? { followUps: after } : {}),
    };
  });
  return {
    programme,
    title: LABELS[programme] ?? programme,
    ...(query.schoolYear ? { schoolYear: query.schoolYear } : {}),
    lessons: Array.from({ length: last }, (_, i) => ({ number: i + 1 })),
    classes,
  };
}

/** The class whose run a follow-up clip follows up: the one it names, else its own. */
function followedClass(clip: ClipRecord): string {
  return clip.followsUp?.classId ?? clip.classId;
}

/** A follow-up or repeat lesson as the overview shows it beside the class it follows up. */
function followUpOf(clip: ClipRecord, classId: string): OverviewFollowUp {
  const { kind, lessonNumber } = clip.followsUp!;
  return {
    kind,
    lessonNumber,
    clipId: clip.id,
    ...(clip.classId !== classId ? { classId: clip.classId, ...(clip.classLabel ? { classLabel: clip.classLabel } : {}) } : {}),
    ...(isScheduled(clip) ? { scheduledAt: clip.scheduledAt! } : clip.postedAt ? { postedAt: clip.postedAt } : {}),
  };
}

/** The families of `classId` that no clip of the programme in that class reached (not seen, no answer, no reaction). */
export function computeUnreached(state: DemoState, query: ProgrammeOverviewQuery & { classId: string }): UnreachedFamilies {
  const clips = clipsOf(state, query.programme ?? query.programmeRunId).filter((c) => c.classId === query.classId);
  const reached = new Set<string>();
  for (const clip of clips) {
    const reach = reachOf(state, clip.id);
    for (const set of [reach.seen, reach.reacted]) for (const id of set) reached.add(id);
  }
  const families = own(state.families, query.classId) ?? [];
  return {
    classId: query.classId,
    families: families.filter((f) => !reached.has(f.familyId)).map((f) => ({ familyId: f.familyId, name: f.name })),
  };
}
