// Issue 25 over HTTP on the reference server: evaluations (migration 017). A parent answers once
// (a retry never doubles, a second response replaces the first), the run's results are counts
// computed in the database, none below the minimum group size, no respondent and no open answer
// in them; a parent or child never reads them, a teacher only for a run of their own classes. On PostgreSQL when DATABASE_URL is set (CI), else on PGlite:
// RULES_BACKENDS in helpers.mjs.
//   node --test examples/reference-server/test/evaluations.test.mjs     (after `npm run build`)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { evaluationReceiptSchema, evaluationResultsSchema, evaluationSchema } from '../../../dist/evaluation/schemas.js';
import { RULES_BACKENDS, key, openEvents, startPolicySchool } from './helpers.mjs';

const FORM = '/evaluations/eval-wish-after';
const RESULTS = '/evaluation-results?programmeRunId=wish-groep6';
/** The parent's form: the programme's four questions, all answered. */
const PARENT_ANSWERS = [
  { questionId: 'goals', value: 'yes' },
  { questionId: 'talked', value: 'yes' },
  { questionId: 'last-lesson', value: 'no' },
  { questionId: 'rating', value: '4' },
];

/** The `after` phase of a results body. */
const afterPhase = (body) => body.phases.find((p) => p.phase === 'after');
/** How many parents responded to the `after` evaluation. */
const parentsResponded = (body) => afterPhase(body).audiences.find((a) => a.audience === 'parent').responded;
/** The result of one question of the parents' `after` form. */
const parentQuestion = (body, questionId) => afterPhase(body).questions.find((q) => q.audience === 'parent' && q.questionId === questionId);

for (const backend of RULES_BACKENDS) {
  describe(`evaluations over HTTP on ${backend.name}`, () => {
    let server;
    before(async () => {
      server = await startPolicySchool(backend);
    });
    after(() => server?.stop());

    test('a parent answers once: a retry with the same key changes nothing, a second response replaces the first', async () => {
      const parent = server.as('parent-1');
      const teacher = server.as('teacher-1');
      const form = evaluationSchema.parse((await parent('GET', FORM)).body);
      assert.equal(form.audience, 'parent');
      assert.equal(form.answered, false, 'the demo’s parent has not answered the after form');
      assert.equal(form.anonymous, true);
      assert.deepEqual(
        form.questions.filter((q) => q.builtIn).map((q) => q.id),
        ['goals', 'talked', 'last-lesson', 'rating'],
      );
      const before = parentsResponded((await teacher('GET', RESULTS)).body);

      const id = key();
      const first = await parent('PUT', `${FORM}/response`, { key: id, body: { answers: PARENT_ANSWERS } });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      const receipt = evaluationReceiptSchema.parse(first.body);
      assert.deepEqual(receipt.answers, PARENT_ANSWERS);
      const retry = await parent('PUT', `${FORM}/response`, { key: id, body: { answers: PARENT_ANSWERS } });
      assert.equal(retry.status, 200);
      assert.equal(retry.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(retry.body, first.body);
      assert.equal(parentsResponded((await teacher('GET', RESULTS)).body), before + 1, 'one response, however often it was sent');

      const changed = PARENT_ANSWERS.map((a) => (a.questionId === 'rating' ? { ...a, value: '5' } : a));
      assert.equal((await parent('PUT', `${FORM}/response`, { key: key(), body: { answers: changed } })).status, 200);
      assert.equal(parentsResponded((await teacher('GET', RESULTS)).body), before + 1, 'a second response replaces the first');
      const again = evaluationSchema.parse((await parent('GET', FORM)).body);
      assert.equal(again.answered, true);
      assert.deepEqual(again.answers, changed, 'the parent sees their own answers, to change them');
    });

    test('an answer that is not one of the form’s is refused, naming it; a closed evaluation takes none', async () => {
      const parent = server.as('parent-1');
      for (const answers of [
        [{ questionId: 'goals', value: 'maybe' }],
        [{ questionId: 'child-liked', value: '3' }],
        [
          { questionId: 'rating', value: '3' },
          { questionId: 'rating', value: '4' },
        ],
      ]) {
        const { status, body } = await parent('PUT', `${FORM}/response`, { key: key(), body: { answers } });
        assert.equal(status, 400, JSON.stringify(answers));
        assert.ok(
          body.error.issues.some((i) => i.path.startsWith('answers.')),
          JSON.stringify(body),
        );
      }
      const closed = await parent('PUT', '/evaluations/eval-wish-before/response', { key: key(), body: { answers: PARENT_ANSWERS } });
      assert.deepEqual([closed.status, closed.body.error.kind], [403, 'forbidden']);
    });

    test('results: counts per value from the minimum group size on, null below it, response rates per audience', async () => {
      const { status, body } = await server.as('teacher-1')('GET', RESULTS);
      assert.equal(status, 200);
      const results = evaluationResultsSchema.parse(body);
      assert.equal(results.minimumGroupSize, 5);
      assert.deepEqual(
        results.phases.map((p) => p.phase),
        ['before', 'after'],
        'before beside after',
      );
      for (const phase of results.phases) {
        for (const a of phase.audiences)
          assert.ok(a.responded <= a.invited, `${phase.phase} ${a.audience}: ${a.responded} of ${a.invited}`);
        for (const q of phase.questions) {
          if (q.counts === null) continue;
          const total = q.counts.reduce((n, c) => n + c.count, 0);
          assert.ok(total >= results.minimumGroupSize, `${phase.phase} ${q.audience} ${q.questionId}: ${total}`);
        }
      }
      // Invited parents: the class's households, a family at two addresses once per address.
      const [{ families, households }] = await server.api.db.query(`
        select count(*)::int as families,
               sum(greatest(1, (select count(*) from addresses a where a.household_id = ch.household_id)))::int as households
        from class_households ch where ch.class_id = 'groep6-wish'`);
      assert.ok(households > families, 'the demo has a family at two addresses');
      assert.equal(afterPhase(body).audiences.find((a) => a.audience === 'parent').invited, households);
      const rating = parentQuestion(body, 'rating');
      assert.deepEqual(
        rating.counts.map((c) => c.value),
        ['1', '2', '3', '4', '5'],
      );
      assert.ok(rating.average >= 1 && rating.average <= 5);
      const teacherRating = afterPhase(body).questions.find((q) => q.audience === 'teacher' && q.questionId === 'rating');
      assert.equal(teacherRating.counts, null, 'one teacher answered: below the minimum group size');
      assert.equal('average' in teacherRating, false);
    });

    test('an anonymous evaluation’s results name no respondent and quote no open answer', async () => {
      const teacher = server.as('teacher-1');
      const draft = {
        programmeRunId: 'wish-groep6',
        phase: 'after',
        audiences: ['parent', 'child', 'teacher', 'trainer'],
        anonymous: true,
        questions: [{ id: 'school-tip', kind: 'text', text: 'Wat kan de school beter doen?', audiences: ['parent'] }],
      };
      const saved = await teacher('PUT', FORM, { key: key(), body: draft });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      const form = evaluationSchema.parse((await server.as('parent-3')('GET', FORM)).body);
      assert.equal(form.questions.at(-1)?.id, 'school-tip', 'the school’s own question after the programme’s');
      const secret = 'Geheim antwoord van de familie De Vries';
      for (const who of ['parent-1', 'parent-3']) {
        const answers = [...PARENT_ANSWERS, { questionId: 'school-tip', value: secret }];
        assert.equal((await server.as(who)('PUT', `${FORM}/response`, { key: key(), body: { answers } })).status, 200);
      }
      const { body } = await teacher('GET', RESULTS);
      const text = JSON.stringify(body);
      assert.doesNotMatch(text, /Geheim|household:|child:|person:|fam-0|parent-\d|child-\d|Familie/, 'no respondent, no open answer');
      const tip = parentQuestion(body, 'school-tip');
      assert.deepEqual([tip.kind, tip.counts, tip.responses], ['text', null, 2], 'an open question is counted, never quoted');
    });

    test('refused: a parent or a child never reads results, a teacher only a run of their own classes; an unknown run is not found', async () => {
      for (const who of ['parent-1', 'child-login-1', 'teacher-2']) {
        const { status, body } = await server.as(who)('GET', RESULTS);
        assert.deepEqual([status, body.error.kind], [403, 'forbidden'], who);
      }
      for (const who of ['care-1', 'leader-1']) assert.equal((await server.as(who)('GET', RESULTS)).status, 200, who);
      assert.equal((await server.as('teacher-2')('GET', '/evaluation-results?programmeRunId=run-g7')).status, 200);
      assert.equal((await server.as('teacher-1')('GET', '/evaluation-results?programmeRunId=no-such-run')).status, 404);
      assert.equal((await server.as('leader-1')('GET', FORM)).status, 403, 'a school leader is no audience of the form');
    });

    test('asked by programme (the overview without a run id): the runs of it in the viewer’s classes, never another class’s', async () => {
      const wish = await server.as('teacher-1')('GET', '/evaluation-results?programmeRunId=wish');
      assert.deepEqual([wish.status, wish.body.programmeRunId], [200, 'wish-groep6']);
      // PBS runs in groep 7 (the school leader's) and groep 8 (not theirs): only groep 7's.
      const pbs = await server.as('leader-1')('GET', '/evaluation-results?programmeRunId=pbs');
      assert.equal(pbs.status, 200, JSON.stringify(pbs.body));
      const ids = pbs.body.phases.map((p) => p.evaluationId);
      assert.ok(ids.includes('eval-g7') && !ids.includes('eval-g8'), ids.join(', '));
      assert.equal((await server.as('parent-1')('GET', '/evaluation-results?programmeRunId=wish')).status, 403);
    });

    test('editing: the run’s staff add the school’s questions; a parent can’t, nor can a question take a built-in id', async () => {
      const draft = { programmeRunId: 'wish-groep6', phase: 'after', audiences: ['parent'], anonymous: true, questions: [] };
      assert.equal((await server.as('parent-1')('PUT', FORM, { key: key(), body: draft })).status, 403);
      assert.equal((await server.as('teacher-2')('PUT', FORM, { key: key(), body: draft })).status, 403);
      const clash = { ...draft, questions: [{ id: 'rating', kind: 'scale', text: 'Nog een cijfer?' }] };
      const refused = await server.as('teacher-1')('PUT', FORM, { key: key(), body: clash });
      assert.equal(refused.status, 400);
      assert.deepEqual(
        refused.body.error.issues.map((i) => i.path),
        ['questions.0.id'],
      );
      // A new evaluation of the run (its before form for next year's group), by the school leader.
      const made = await server.as('leader-1')('PUT', '/evaluations/eval-wish-next', {
        key: key(),
        body: { ...draft, phase: 'before', audiences: ['parent', 'child'] },
      });
      assert.equal(made.status, 200, JSON.stringify(made.body));
      assert.deepEqual([made.body.programmeRunId, made.body.phase, made.body.answered], ['wish-groep6', 'before', false]);
      assert.equal((await server.as('parent-1')('GET', '/evaluations/eval-wish-next')).status, 200, 'it goes to the run’s class');
      assert.equal((await server.as('parent-4')('GET', '/evaluations/eval-wish-next')).status, 403);
    });

    test('a response is announced on evaluation:<id> to the staff who follow it', async () => {
      const events = await openEvents(server.base, 'teacher-1', ['evaluation:eval-wish-after']);
      try {
        assert.equal(events.status, 200);
        await events.waitFor(/^: samen events\n\n/);
        const sent = await server.as('parent-3')('PUT', `${FORM}/response`, { key: key(), body: { answers: PARENT_ANSWERS } });
        assert.equal(sent.status, 200);
        await events.waitFor(/"topic":"evaluation:eval-wish-after"/);
      } finally {
        events.close();
      }
    });
  });
}
