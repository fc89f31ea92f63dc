// @ts-check
/**
 * Evaluations (issue 25, migrations/017_evaluations.sql): the short form of a programme run for
 * its parents, children, teachers and the trainer (the care coordinator answers the trainer's
 * form), one response per respondent (a second replaces the first), and the run's results for
 * its staff.
 *
 * The programme's own questions are the library's (BUILT_IN_QUESTIONS), the school's own are rows.
 * Results are counts per evaluation, audience, question and value, computed in the database: no
 * answer and no respondent leaves it for them, an open (`text`) question is counted but never
 * quoted, and a question fewer than the minimum group size answered has no counts at all. Who may
 * is the policy's (policy.mjs: `evaluation.read`, `evaluation.respond` for an invited audience,
 * `evaluation.results` and `evaluation.edit` on every class of the run), checked before this runs.
 */
import { sql } from 'kysely';
import {
  audienceOf,
  BUILT_IN_QUESTIONS,
  DEFAULT_EVALUATION_MIN_GROUP_SIZE,
  isValidAnswer,
  questionResult,
  questionsFor,
} from '../../../dist/evaluation/schemas.js';
import { fail, iso, NOW, present, SamenError } from './common.mjs';

/**
 * @typedef {import('./common.mjs').Session} Session
 * @typedef {import('./common.mjs').Viewer} Viewer
 * @typedef {import('./tables.mjs').DB} DB
 * @typedef {import('../../../dist/evaluation/schemas.js').Audience} Audience
 * @typedef {import('../../../dist/evaluation/schemas.js').Question} Question
 * @typedef {import('../../../dist/evaluation/schemas.js').OwnQuestionInput} OwnQuestionInput
 * @typedef {{ id: string, programme_run_id: string, programme: string, phase: 'before' | 'after', title: string,
 *   audiences: string[], anonymous: boolean, closes_at: Date | null, lang: string | null, created_at: Date }} EvaluationRow
 */

/** The smallest group a count may be about, on the server too (the widget keeps the larger of this and its own). */
export const EVALUATION_MIN_GROUP_SIZE = DEFAULT_EVALUATION_MIN_GROUP_SIZE;

/** The ids of the programme's own questions, which the school's can't take. */
const BUILT_IN_IDS = new Set(Object.values(BUILT_IN_QUESTIONS).flatMap((list) => list.map((q) => q.id)));

/** @param {DB} db @param {string} evaluationId @returns {Promise<EvaluationRow | undefined>} */
export async function evaluationRow(db, evaluationId) {
  const { rows } = await sql`
    select id, programme_run_id, programme, phase, title, audiences, anonymous, closes_at, lang, created_at
    from evaluations where id = ${evaluationId}`.execute(db);
  return /** @type {EvaluationRow | undefined} */ (rows[0]);
}

/** The classes an evaluation goes to. @param {DB} db @param {string} evaluationId @returns {Promise<string[]>} */
export async function evaluationClasses(db, evaluationId) {
  const rows = await db
    .selectFrom('evaluation_classes')
    .select('class_id')
    .where('evaluation_id', '=', evaluationId)
    .orderBy('class_id')
    .execute();
  return rows.map((row) => row.class_id);
}

/**
 * The evaluations of a run, `before` first: by the run's id, or (as the library's demo, and the
 * overview without a run id) by its programme when no run has that id; then only the programme's
 * evaluations that go to one of `classIds` (the viewer's), so another school's run of the same
 * programme is never mixed in.
 * @param {DB} db @param {string} runId @param {readonly string[]} classIds
 * @returns {Promise<EvaluationRow[]>}
 */
export async function evaluationsOfRun(db, runId, classIds) {
  const { rows } = await sql`
    select id, programme_run_id, programme, phase, title, audiences, anonymous, closes_at, lang, created_at
    from evaluations e
    where e.programme_run_id = ${runId}
       or (e.programme = ${runId}
           and not exists (select 1 from evaluations r where r.programme_run_id = ${runId})
           and exists (select 1 from evaluation_classes ec where ec.evaluation_id = e.id and ec.class_id = any(${[...classIds]}::text[])))
    order by case phase when 'before' then 0 else 1 end, created_at, id`.execute(db);
  return /** @type {EvaluationRow[]} */ (rows);
}

/** The classes of a run's evaluations. @param {DB} db @param {string[]} evaluationIds @returns {Promise<string[]>} */
export async function classesOfEvaluations(db, evaluationIds) {
  if (!evaluationIds.length) return [];
  const rows = await db
    .selectFrom('evaluation_classes')
    .select('class_id')
    .distinct()
    .where('evaluation_id', 'in', evaluationIds)
    .orderBy('class_id')
    .execute();
  return rows.map((row) => row.class_id);
}

/** The viewer's audience on an evaluation, or `forbidden` when it does not go to them. @param {{ audiences: string[] }} evaluation @param {{ role: string }} viewer */
export function viewerAudience(evaluation, viewer) {
  const audience = audienceOf(viewer.role);
  if (!audience || !evaluation.audiences.includes(audience)) fail('forbidden', 'not invited');
  return /** @type {Audience} */ (audience);
}

/**
 * Who answers for the viewer (the key a second response replaces) and the row it names: their
 * household (their address in the family, when it has more), their child, or themselves.
 * @param {Viewer} viewer @param {Audience} audience
 */
function respondentOf(viewer, audience) {
  if (audience === 'parent') {
    const familyId = viewer.familyId ?? fail('forbidden', 'no family to answer for');
    return { respondent: `household:${viewer.householdId ?? familyId}`, household_id: familyId, child_id: null, viewer_id: null };
  }
  if (audience === 'child') {
    const childId = viewer.childIds[0] ?? fail('forbidden', 'no child to answer for');
    return { respondent: `child:${childId}`, household_id: null, child_id: childId, viewer_id: null };
  }
  return { respondent: `person:${viewer.id}`, household_id: null, child_id: null, viewer_id: viewer.id };
}

/**
 * The school's own questions of evaluations, in order, per evaluation.
 * @param {DB} db @param {string[]} evaluationIds
 * @returns {Promise<Map<string, (OwnQuestionInput & { audiences?: Audience[] })[]>>}
 */
async function ownQuestions(db, evaluationIds) {
  /** @type {Map<string, OwnQuestionInput[]>} */
  const byEvaluation = new Map(evaluationIds.map((id) => [id, []]));
  if (!evaluationIds.length) return byEvaluation;
  const rows = await db
    .selectFrom('evaluation_questions')
    .select(['evaluation_id', 'id', 'kind', 'text', 'options', 'audiences'])
    .where('evaluation_id', 'in', evaluationIds)
    .orderBy('evaluation_id')
    .orderBy('position')
    .execute();
  for (const row of rows)
    byEvaluation.get(row.evaluation_id)?.push({
      id: row.id,
      kind: row.kind,
      text: row.text,
      ...present({ options: row.options ?? undefined, audiences: row.audiences ?? undefined }),
    });
  return byEvaluation;
}

/**
 * The form of an evaluation as `audience` sees it, with the respondent's own answers when they answered.
 * @param {DB} db @param {EvaluationRow} evaluation @param {Audience} audience @param {string | undefined} respondent
 */
async function formOf(db, evaluation, audience, respondent) {
  const own = (await ownQuestions(db, [evaluation.id])).get(evaluation.id) ?? [];
  const mine = respondent
    ? await db
        .selectFrom('evaluation_answers')
        .select(['question_id', 'value', 'words'])
        .where('evaluation_id', '=', evaluation.id)
        .where('respondent', '=', respondent)
        .execute()
    : [];
  const answered =
    !!respondent &&
    !!(await db
      .selectFrom('evaluation_responses')
      .select('respondent')
      .where('evaluation_id', '=', evaluation.id)
      .where('respondent', '=', respondent)
      .executeTakeFirst());
  const questions = questionsFor(own, audience);
  const order = new Map(questions.map((q, i) => [q.id, i]));
  mine.sort((a, b) => (order.get(a.question_id) ?? 99) - (order.get(b.question_id) ?? 99));
  return {
    id: evaluation.id,
    programmeRunId: evaluation.programme_run_id,
    programme: evaluation.programme,
    phase: evaluation.phase,
    audience,
    audiences: [...evaluation.audiences],
    title: evaluation.title,
    questions,
    anonymous: evaluation.anonymous,
    ...(evaluation.closes_at ? { closesAt: iso(evaluation.closes_at) } : {}),
    answered,
    ...(answered ? { answers: mine.map((a) => ({ questionId: a.question_id, value: a.value ?? a.words ?? '' })) } : {}),
    ...(evaluation.lang ? { lang: evaluation.lang } : {}),
  };
}

/**
 * `GET /evaluations/{evaluationId}`: the form for the viewer's audience, with whether they
 * answered and then their own answers (never anyone else's).
 * @param {Session} s @param {string} evaluationId
 */
export async function getEvaluation({ db, viewer }, evaluationId) {
  const evaluation = (await evaluationRow(db, evaluationId)) ?? fail('not-found');
  const audience = viewerAudience(evaluation, viewer);
  return formOf(db, evaluation, audience, respondentOf(viewer, audience).respondent);
}

/**
 * `PUT /evaluations/{evaluationId}/response`: the viewer's answers, replacing their earlier
 * response. Every answer is to a question of their form, once, in the values it takes; a closed
 * evaluation takes none.
 * @param {Session} s
 * @param {{ id: string, evaluationId: string, answers: { questionId: string, value: string }[] }} input
 */
export async function submitEvaluationResponse(s, input) {
  const { db, viewer } = s;
  const evaluation = (await evaluationRow(db, input.evaluationId)) ?? fail('not-found');
  const audience = viewerAudience(evaluation, viewer);
  if (evaluation.closes_at && evaluation.closes_at.getTime() < Date.now()) fail('forbidden', 'the evaluation is closed');
  const own = (await ownQuestions(db, [evaluation.id])).get(evaluation.id) ?? [];
  const questions = new Map(questionsFor(own, audience).map((q) => [q.id, q]));
  const seen = new Set();
  /** @type {{ path: string, message: string }[]} */
  const issues = [];
  input.answers.forEach((answer, i) => {
    const question = questions.get(answer.questionId);
    if (!question || seen.has(answer.questionId) || !isValidAnswer(question, answer.value))
      issues.push({ path: `answers.${i}`, message: 'not an answer to this form' });
    seen.add(answer.questionId);
  });
  if (issues.length) throw new SamenError('invalid-data', 'invalid answers', issues);
  const who = respondentOf(viewer, audience);
  const answers = input.answers.map(({ questionId, value }) => ({ questionId, value: value.trim() }));
  await db
    .insertInto('evaluation_responses')
    .values({ evaluation_id: evaluation.id, audience, ...who, submitted_at: NOW })
    .onConflict((oc) => oc.columns(['evaluation_id', 'respondent']).doUpdateSet({ audience, submitted_at: NOW }))
    .execute();
  await db.deleteFrom('evaluation_answers').where('evaluation_id', '=', evaluation.id).where('respondent', '=', who.respondent).execute();
  if (answers.length)
    await db
      .insertInto('evaluation_answers')
      .values(
        answers.map((a) => ({
          evaluation_id: evaluation.id,
          respondent: who.respondent,
          audience,
          question_id: a.questionId,
          // An open question's words apart, where the counts never read them.
          ...(questions.get(a.questionId)?.kind === 'text' ? { value: null, words: a.value } : { value: a.value, words: null }),
        })),
      )
      .execute();
  s.topics.add(`evaluation:${evaluation.id}`);
  return receiptOf(db, evaluation, audience, who.respondent);
}

/**
 * What a response resolves with: the respondent's response as stored now, answers in the form's order.
 * @param {DB} db @param {EvaluationRow} evaluation @param {Audience} audience @param {string} respondent
 */
async function receiptOf(db, evaluation, audience, respondent) {
  const response =
    (await db
      .selectFrom('evaluation_responses')
      .select('submitted_at')
      .where('evaluation_id', '=', evaluation.id)
      .where('respondent', '=', respondent)
      .executeTakeFirst()) ?? fail('not-found', 'the response is no longer there');
  const form = await formOf(db, evaluation, audience, respondent);
  return { evaluationId: evaluation.id, submittedAt: iso(response.submitted_at), answers: form.answers ?? [] };
}

/**
 * A replayed response: the viewer's response to the evaluation as stored now.
 * @param {DB} db @param {Viewer} viewer @param {string} evaluationId
 */
export async function evaluationReceipt(db, viewer, evaluationId) {
  const evaluation = (await evaluationRow(db, evaluationId)) ?? fail('not-found');
  const audience = viewerAudience(evaluation, viewer);
  return receiptOf(db, evaluation, audience, respondentOf(viewer, audience).respondent);
}

/**
 * `PUT /evaluations/{evaluationId}`: the school's own questions (replacing its earlier ones), the
 * audiences, phase, anonymity and closing time. A new id is a new evaluation of a known run: it
 * goes to the run's classes, under the run's programme and title.
 * @param {Session} s
 * @param {{ id: string, evaluationId: string, programmeRunId: string, phase: 'before' | 'after', audiences: Audience[],
 *   anonymous: boolean, closesAt?: string, questions: OwnQuestionInput[] }} input
 */
export async function saveEvaluation(s, input) {
  const { db, viewer } = s;
  const existing = await evaluationRow(db, input.evaluationId);
  const audiences = [...new Set(input.audiences)];
  const values = { phase: input.phase, audiences, anonymous: input.anonymous, closes_at: input.closesAt ?? null, updated_at: NOW };
  if (existing) {
    await db.updateTable('evaluations').set(values).where('id', '=', existing.id).execute();
  } else {
    const [run] = await evaluationsOfRun(db, input.programmeRunId, viewer.classIds);
    if (!run) return fail('not-found', 'no such programme run');
    await db
      .insertInto('evaluations')
      .values({
        id: input.evaluationId,
        programme_run_id: run.programme_run_id,
        programme: run.programme,
        title: run.title,
        lang: run.lang,
        created_by: viewer.id,
        ...values,
      })
      .execute();
    await sql`insert into evaluation_classes (evaluation_id, class_id)
      select ${input.evaluationId}, class_id from evaluation_classes where evaluation_id = ${run.id}`.execute(db);
  }
  await db.deleteFrom('evaluation_questions').where('evaluation_id', '=', input.evaluationId).execute();
  if (input.questions.length)
    await db
      .insertInto('evaluation_questions')
      .values(
        input.questions.map((q, position) => ({
          evaluation_id: input.evaluationId,
          position,
          id: q.id,
          kind: q.kind,
          text: q.text,
          options: q.options ? JSON.stringify(q.options) : null,
          audiences: q.audiences ? [...new Set(q.audiences)] : null,
        })),
      )
      .execute();
  s.topics.add(`evaluation:${input.evaluationId}`);
  return evaluationAsEditor(db, viewer, input.evaluationId);
}

/**
 * The evaluation as its editor sees it: the form of their own audience when it goes to them,
 * else the first audience's (a school leader answers none), without answers.
 * @param {DB} db @param {Viewer} viewer @param {string} evaluationId
 */
export async function evaluationAsEditor(db, viewer, evaluationId) {
  const evaluation = (await evaluationRow(db, evaluationId)) ?? fail('not-found');
  const mine = audienceOf(viewer.role);
  const audience = /** @type {Audience} */ (mine && evaluation.audiences.includes(mine) ? mine : (evaluation.audiences[0] ?? 'parent'));
  return formOf(db, evaluation, audience, audience === mine ? respondentOf(viewer, audience).respondent : undefined);
}

/**
 * What `saveEvaluation` refuses beyond the route's schema: a question id twice or one of the
 * programme's own, an option value twice, a choice question without options, an audience of a
 * question the evaluation does not go to, more questions on one form than the widget shows.
 * @param {{ audiences: Audience[], questions: OwnQuestionInput[] }} draft
 */
export function evaluationDraftIssues(draft) {
  /** @type {{ path: string, message: string }[]} */
  const issues = [];
  const ids = new Set();
  draft.questions.forEach((q, i) => {
    if (ids.has(q.id)) issues.push({ path: `questions.${i}.id`, message: 'duplicate id' });
    else if (BUILT_IN_IDS.has(q.id)) issues.push({ path: `questions.${i}.id`, message: 'the id of a built-in question' });
    ids.add(q.id);
    if (q.kind === 'choice' && !q.options?.length) issues.push({ path: `questions.${i}.options`, message: 'a choice needs options' });
    const values = (q.options ?? []).map((o) => o.value);
    if (new Set(values).size !== values.length) issues.push({ path: `questions.${i}.options`, message: 'duplicate value' });
    if (q.audiences?.some((a) => !draft.audiences.includes(a)))
      issues.push({ path: `questions.${i}.audiences`, message: 'an audience the evaluation does not go to' });
  });
  return issues;
}

/**
 * `GET /evaluation-results?programmeRunId=…`: per phase (an evaluation of the run), per audience
 * how many were invited (the households, children, teachers and care coordinators of its classes)
 * and how many responded, and per question of each audience's form how many answered and, from
 * the minimum group size on, how many chose each value (a scale's average beside it). Four
 * aggregate queries; no answer, value of an open question or respondent is read.
 * @param {Session} s @param {{ programmeRunId: string }} query
 */
export async function getEvaluationResults({ db, viewer }, query) {
  const evaluations = await evaluationsOfRun(db, query.programmeRunId, viewer.classIds);
  if (!evaluations.length) return fail('not-found');
  const ids = evaluations.map((e) => e.id);
  const own = await ownQuestions(db, ids);

  // Invited: the households of the classes (a family at more than one address once per address),
  // their children, and the staff of the classes. Each household once per evaluation.
  const invited = await sql`
    with cls as materialized (select evaluation_id, class_id from evaluation_classes where evaluation_id = any(${ids}::text[])),
    families as materialized (
      select distinct cls.evaluation_id, ch.household_id from cls join class_households ch on ch.class_id = cls.class_id
    ),
    addressed as (
      select household_id, count(*) as n from addresses
      where household_id in (select household_id from families) group by household_id
    )
    select f.evaluation_id, 'parent' as audience, sum(greatest(1, coalesce(a.n, 0)))::int as n
    from families f left join addressed a on a.household_id = f.household_id
    group by f.evaluation_id
    union all
    select cls.evaluation_id, 'child', count(distinct c.id)::int from cls join children c on c.class_id = cls.class_id group by cls.evaluation_id
    union all
    select cls.evaluation_id, case v.role when 'teacher' then 'teacher' else 'trainer' end, count(distinct v.id)::int
    from cls join viewer_classes vc on vc.class_id = cls.class_id join viewers v on v.id = vc.viewer_id
    where v.role in ('teacher', 'care-coordinator')
    group by cls.evaluation_id, v.role`.execute(db);
  const responded = await sql`
    select evaluation_id, audience, count(*)::int as n from evaluation_responses
    where evaluation_id = any(${ids}::text[]) group by evaluation_id, audience`.execute(db);
  // Per value, how many chose it; an open question's answers are counted (their `value` is null),
  // their words never read.
  const counted = await sql`
    select evaluation_id, audience, question_id, value, count(*)::int as n from evaluation_answers
    where evaluation_id = any(${ids}::text[]) group by evaluation_id, audience, question_id, value`.execute(db);

  const key = (/** @type {unknown[]} */ ...parts) => parts.join('\u0000');
  const invitedOf = new Map(/** @type {any[]} */ (invited.rows).map((r) => [key(r.evaluation_id, r.audience), r.n]));
  const respondedOf = new Map(/** @type {any[]} */ (responded.rows).map((r) => [key(r.evaluation_id, r.audience), r.n]));
  /** @type {Map<string, Map<string | null, number>>} */
  const valuesOf = new Map();
  for (const r of /** @type {any[]} */ (counted.rows)) {
    const k = key(r.evaluation_id, r.audience, r.question_id);
    const values = valuesOf.get(k) ?? new Map();
    values.set(r.value, (values.get(r.value) ?? 0) + r.n);
    valuesOf.set(k, values);
  }

  const phases = evaluations.map((evaluation) => {
    const audiences = /** @type {Audience[]} */ (evaluation.audiences);
    return {
      phase: evaluation.phase,
      evaluationId: evaluation.id,
      audiences: audiences.map((audience) => ({
        audience,
        invited: invitedOf.get(key(evaluation.id, audience)) ?? 0,
        responded: respondedOf.get(key(evaluation.id, audience)) ?? 0,
      })),
      questions: audiences.flatMap((audience) =>
        questionsFor(own.get(evaluation.id) ?? [], audience).map((question) =>
          questionResult(
            question,
            audience,
            valuesOf.get(key(evaluation.id, audience, question.id)) ?? new Map(),
            EVALUATION_MIN_GROUP_SIZE,
          ),
        ),
      ),
    };
  });
  return { programmeRunId: evaluations[0]?.programme_run_id ?? query.programmeRunId, minimumGroupSize: EVALUATION_MIN_GROUP_SIZE, phases };
}
