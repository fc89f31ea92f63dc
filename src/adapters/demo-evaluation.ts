/**
 * Evaluations in the demo store (issue 25): the MemoryAdapter's (and so the reference server's)
 * domain for `<samen-evaluation>`. The demo school's WIsH run of groep 6 has a `before` and an
 * `after` evaluation for parents, children, the teacher and the trainer, with seeded answers;
 * the demo parent's household (fam-01) has not answered the `after` form yet, so the demo shows
 * the first-time path.
 *
 * A response is kept per respondent (a household, a child, a member of staff): a second replaces
 * the first. Results are counts per audience and question, never a respondent, and no count
 * below the minimum group size.
 */
import { dict, own } from '../core/dict.js';
import { SamenError } from '../core/errors.js';
import type { Programme, Viewer } from '../core/schemas.js';
import {
  audienceOf,
  DEFAULT_EVALUATION_MIN_GROUP_SIZE,
  isValidAnswer,
  questionResult,
  questionsFor,
  SCALE_VALUES,
  YES_NO_VALUES,
  type Answer,
  type Audience,
  type Evaluation,
  type EvaluationDraft,
  type EvaluationReceipt,
  type EvaluationResponseInput,
  type EvaluationResults,
  type OwnQuestionInput,
  type Phase,
  type PhaseResult,
} from '../evaluation/schemas.js';
import type { DemoLocale, DemoState } from './demo-data.js';

/** An evaluation as stored: the run's class, its audiences and the school's own questions. */
export interface StoredEvaluation {
  id: string;
  programmeRunId: string;
  programme: Programme;
  classId: string;
  phase: Phase;
  title: string;
  audiences: Audience[];
  anonymous: boolean;
  closesAt?: string;
  ownQuestions: OwnQuestionInput[];
  lang?: string;
}

/** One respondent's answers (`respondent`: a household, a child or a member of staff). */
export interface StoredEvaluationResponse {
  evaluationId: string;
  respondent: string;
  audience: Audience;
  answers: Answer[];
  submittedAt: string;
}

/** The evaluation `id`, or `not-found`. */
export function evaluationOf(state: DemoState, evaluationId: string): StoredEvaluation {
  const evaluation = own(state.evaluations ?? {}, evaluationId);
  if (!evaluation) throw new SamenError('not-found');
  return evaluation;
}

/** The evaluations of a run (by its id, or in the demo also by its programme), `before` first. */
export function evaluationsOfRun(state: DemoState, runId: string): StoredEvaluation[] {
  return Object.values(state.evaluations ?? {})
    .filter((e) => e.programmeRunId === runId || e.programme === runId)
    .sort((a, b) => (a.phase === b.phase ? 0 : a.phase === 'before' ? -1 : 1));
}

/** Who answers for the viewer: their household (or family), their child, or themselves. */
function respondentOf(viewer: Viewer, audience: Audience): string {
  if (audience === 'parent') return `household:${viewer.householdId ?? viewer.familyId ?? viewer.id}`;
  if (audience === 'child') return `child:${viewer.childIds?.[0] ?? viewer.id}`;
  return `person:${viewer.id}`;
}

/** The viewer's audience on `evaluation`, or `forbidden` when it does not go to them. */
export function viewerAudience(evaluation: StoredEvaluation, viewer: { role: string }): Audience {
  const audience = audienceOf(viewer.role);
  if (!audience || !evaluation.audiences.includes(audience)) throw new SamenError('forbidden', 'not invited');
  return audience;
}

/** The form for the viewer's audience, with their own answers when they answered. */
export function evaluationFor(state: DemoState, evaluationId: string, viewer: Viewer): Evaluation {
  const evaluation = evaluationOf(state, evaluationId);
  const audience = viewerAudience(evaluation, viewer);
  const respondent = respondentOf(viewer, audience);
  const mine = (state.evaluationResponses ?? []).find((r) => r.evaluationId === evaluationId && r.respondent === respondent);
  return {
    id: evaluation.id,
    programmeRunId: evaluation.programmeRunId,
    programme: evaluation.programme,
    phase: evaluation.phase,
    audience,
    audiences: [...evaluation.audiences],
    title: evaluation.title,
    questions: questionsFor(evaluation.ownQuestions, audience),
    anonymous: evaluation.anonymous,
    ...(evaluation.closesAt ? { closesAt: evaluation.closesAt } : {}),
    answered: !!mine,
    ...(mine ? { answers: structuredClone(mine.answers) } : {}),
    ...(evaluation.lang ? { lang: evaluation.lang } : {}),
  };
}

/** Stores the viewer's response (replacing their earlier one): every answer to a question of their form, in its values. */
export function submitResponse(state: DemoState, input: EvaluationResponseInput, viewer: Viewer, now = new Date()): EvaluationReceipt {
  const evaluation = evaluationOf(state, input.evaluationId);
  const audience = viewerAudience(evaluation, viewer);
  if (evaluation.closesAt && Date.parse(evaluation.closesAt) < now.getTime()) throw new SamenError('forbidden', 'the evaluation is closed');
  const questions = questionsFor(evaluation.ownQuestions, audience);
  if (!input.answers.length) throw new SamenError('invalid-data', 'no answers', [{ path: 'answers', message: 'at least one answer' }]);
  const seen = new Set<string>();
  const issues = input.answers.flatMap((answer, i) => {
    const question = questions.find((q) => q.id === answer.questionId);
    const bad = !question || seen.has(answer.questionId) || !isValidAnswer(question, answer.value);
    seen.add(answer.questionId);
    return bad ? [{ path: `answers.${i}`, message: 'not an answer to this form' }] : [];
  });
  if (issues.length) throw new SamenError('invalid-data', 'invalid answers', issues);
  const respondent = respondentOf(viewer, audience);
  const answers = input.answers.map(({ questionId, value }) => ({ questionId, value: value.trim() }));
  const response: StoredEvaluationResponse = {
    evaluationId: evaluation.id,
    respondent,
    audience,
    answers,
    submittedAt: now.toISOString(),
  };
  const others = (state.evaluationResponses ?? []).filter((r) => !(r.evaluationId === evaluation.id && r.respondent === respondent));
  state.evaluationResponses = [...others, response];
  return { evaluationId: evaluation.id, submittedAt: response.submittedAt, answers: structuredClone(answers) };
}

/** How many of `audience` the class has: its households, children, teachers, or care coordinators (the trainer). */
function invitedCount(state: DemoState, classId: string, audience: Audience): number {
  if (audience === 'parent')
    return (own(state.families, classId) ?? []).reduce((n, family) => n + Math.max(1, family.households?.length ?? 0), 0);
  if (audience === 'child') return (own(state.classes, classId) ?? []).length;
  const role = audience === 'teacher' ? 'teacher' : 'care-coordinator';
  return state.viewers.filter((v) => v.role === role && v.classIds?.includes(classId)).length;
}

/** The run's results: per phase and audience invited and responded, per question the counts (none below `minimum`). */
export function evaluationResults(state: DemoState, runId: string, minimum = DEFAULT_EVALUATION_MIN_GROUP_SIZE): EvaluationResults {
  const evaluations = evaluationsOfRun(state, runId);
  if (!evaluations.length) throw new SamenError('not-found');
  const phases: PhaseResult[] = evaluations.map((evaluation) => {
    const responses = (state.evaluationResponses ?? []).filter((r) => r.evaluationId === evaluation.id);
    const audiences = evaluation.audiences.map((audience) => ({
      audience,
      invited: invitedCount(state, evaluation.classId, audience),
      responded: responses.filter((r) => r.audience === audience).length,
    }));
    const questions = evaluation.audiences.flatMap((audience) => {
      const theirs = responses.filter((r) => r.audience === audience);
      return questionsFor(evaluation.ownQuestions, audience).map((question) => {
        const counted = new Map<string, number>();
        for (const r of theirs)
          for (const a of r.answers) if (a.questionId === question.id) counted.set(a.value, (counted.get(a.value) ?? 0) + 1);
        return questionResult(question, audience, counted, minimum);
      });
    });
    return { phase: evaluation.phase, evaluationId: evaluation.id, audiences, questions };
  });
  return { programmeRunId: evaluations[0]!.programmeRunId, minimumGroupSize: minimum, phases };
}

/** Saves the school's own questions, audiences, phase and anonymity (a new id: a new evaluation of a known run). */
export function saveEvaluationDraft(state: DemoState, input: EvaluationDraft, viewer: Viewer): Evaluation {
  const existing = own(state.evaluations ?? {}, input.evaluationId);
  const run = existing ?? evaluationsOfRun(state, input.programmeRunId)[0];
  if (!run) throw new SamenError('not-found');
  const stored: StoredEvaluation = {
    id: input.evaluationId,
    programmeRunId: run.programmeRunId,
    programme: run.programme,
    classId: run.classId,
    phase: input.phase,
    title: run.title,
    audiences: [...new Set(input.audiences)],
    anonymous: input.anonymous,
    ...(input.closesAt ? { closesAt: input.closesAt } : {}),
    ownQuestions: input.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      text: q.text.trim(),
      ...(q.options ? { options: q.options.map((o) => ({ value: o.value, label: o.label.trim() })) } : {}),
      ...(q.audiences ? { audiences: [...q.audiences] } : {}),
    })),
    ...(run.lang ? { lang: run.lang } : {}),
  };
  state.evaluations = dict({ ...(state.evaluations ?? {}), [stored.id]: stored });
  const audience = audienceOf(viewer.role);
  const seenAs = audience && stored.audiences.includes(audience) ? audience : (stored.audiences[0] ?? 'parent');
  return { ...evaluationFor(state, stored.id, { ...viewer, role: seenAs === 'trainer' ? 'care-coordinator' : seenAs }), audience: seenAs };
}

/**
 * The demo school's WIsH run of groep 6: a `before` evaluation (closed) and an `after` one (open),
 * each with answers from most households and children; one teacher and one trainer form answered
 * (below the minimum group size: no figure). fam-01 and its child answered `before` only.
 */
export function seedEvaluations(state: DemoState, locale: DemoLocale, now: Date, random: () => number): void {
  const nl = locale === 'nl';
  const base = {
    programmeRunId: 'wish-groep6',
    programme: 'wish' as const,
    classId: 'groep6-wish',
    title: nl ? 'WIsH, groep 6' : 'WIsH, year 6',
    audiences: ['parent', 'child', 'teacher', 'trainer'] as Audience[],
    anonymous: true,
    lang: locale,
  };
  const ownQuestions: OwnQuestionInput[] = [
    {
      id: 'school-evening',
      kind: 'yes-no',
      text: nl ? 'Zou je weer naar een ouderavond over WIsH komen?' : 'Would you come to a WIsH parents’ evening again?',
      audiences: ['parent'],
    },
  ];
  const day = 86_400_000;
  state.evaluations = dict<StoredEvaluation>({
    'eval-wish-before': {
      ...base,
      id: 'eval-wish-before',
      phase: 'before',
      ownQuestions: [],
      closesAt: new Date(now.getTime() - 60 * day).toISOString(),
    },
    'eval-wish-after': {
      ...base,
      id: 'eval-wish-after',
      phase: 'after',
      ownQuestions,
    },
  });
  // Groep 7's PBS run: an after form, nobody answered yet.
  state.evaluations['eval-pbs-after'] = {
    ...base,
    id: 'eval-pbs-after',
    programmeRunId: 'pbs-groep7',
    programme: 'pbs',
    classId: 'groep7-pbs',
    title: nl ? 'PBS, groep 7' : 'PBS, year 7',
    phase: 'after',
    ownQuestions: [],
  };
  const families = own(state.families, 'groep6-wish') ?? [];
  const children = own(state.classes, 'groep6-wish') ?? [];
  const pick = <T>(values: readonly T[], weights: number[]): T => {
    let r = random() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < values.length; i++) if ((r -= weights[i]!) < 0) return values[i]!;
    return values[values.length - 1]!;
  };
  const responses: StoredEvaluationResponse[] = [];
  const respond = (evaluation: StoredEvaluation, respondent: string, audience: Audience, after: boolean) => {
    const answers = questionsFor(evaluation.ownQuestions, audience).flatMap((q): Answer[] => {
      if (q.kind === 'yes-no') return [{ questionId: q.id, value: pick(YES_NO_VALUES, after ? [3, 1] : [1, 1]) }];
      if (q.kind === 'scale') return [{ questionId: q.id, value: pick(SCALE_VALUES, after ? [0, 1, 2, 4, 3] : [1, 2, 3, 2, 1]) }];
      return [];
    });
    responses.push({
      evaluationId: evaluation.id,
      respondent,
      audience,
      answers,
      submittedAt: new Date(now.getTime() - (after ? 2 : 70) * day).toISOString(),
    });
  };
  for (const [evaluation, after] of [
    [state.evaluations['eval-wish-before']!, false],
    [state.evaluations['eval-wish-after']!, true],
  ] as const) {
    families.forEach((family, i) => {
      if (after && family.familyId === 'fam-01') return;
      if (i % (after ? 4 : 3) === 2) return;
      for (const household of family.households?.length ? family.households.map((h) => h.householdId) : [family.familyId])
        respond(evaluation, `household:${household}`, 'parent', after);
    });
    children.forEach((childId, i) => {
      if (after && childId === 'child-1') return;
      if (i % 5 !== 4) respond(evaluation, `child:${childId}`, 'child', after);
    });
    if (after) respond(evaluation, 'person:teacher-1', 'teacher', after);
  }
  state.evaluationResponses = responses;
}
