// Issue 17, the storage part: the PostgreSQL tables hold the schema's limits themselves (a row
// that breaks one is refused by the database, whatever code wrote it), idempotency holds across
// two servers on one database (the same key raced on both: one write), a family's data is
// exported and erased from the command line, and what is kept only for a while is swept.
// The load-test school (seedLoadSchool) has the ids bench/server-load.mjs relies on.
//   node --test examples/reference-server/test/tables.test.mjs     (after `npm run build`)
// On PGlite, and on PostgreSQL too when DATABASE_URL is set.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { migrate, openDatabase } from '../database.mjs';
import { LOAD_IDS, seedDemo, seedLoadSchool } from '../domain/seed.mjs';
import { eraseFamily, exportFamily } from '../domain/families.mjs';
import { BACKENDS, PNG, key, start } from './helpers.mjs';

const SERVER = join(dirname(fileURLToPath(import.meta.url)), '..', 'server.mjs');
const POSTGRES = BACKENDS.find((b) => b.name.startsWith('PostgreSQL'));

/** `node server.mjs <args>` to the end: its exit code and what it printed. */
function cli(args, env = {}) {
  const child = spawn(process.execPath, [SERVER, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

for (const backend of BACKENDS) {
  describe(`the tables on ${backend.name}`, () => {
    let store;
    let db;
    before(async () => {
      store = await backend.store();
      db = await openDatabase(store.options);
      await migrate(db);
      await seedDemo(db, { locale: 'nl' });
    });
    after(async () => {
      await db?.close();
      await store?.cleanup();
    });

    /**
     * A server on this store while `fn` runs: PGlite's directory is one opener's, so the
     * test's own connection is closed meanwhile and opened again after.
     */
    async function withServer(fn) {
      await db.close();
      const server = await start({ ...store.options, log: () => {} });
      try {
        return await fn(server);
      } finally {
        await server.stop();
        db = await openDatabase(store.options);
      }
    }

    /** The statement fails with this SQLSTATE, and changes nothing. */
    async function refused(code, sql, params = []) {
      await assert.rejects(db.query(sql, params), (error) => {
        assert.equal(error.code, code, `${sql}: ${error.message}`);
        return true;
      });
    }

    test('ids: only what isSafeId allows, never an inherited name', async () => {
      for (const id of ['__proto__', 'constructor', 'prototype', 'toString', 'a b', '', 'x'.repeat(201), '-leading']) {
        await refused('23514', "insert into households (id, school_id, name) values ($1, 'school-regenboog', 'Familie')", [id]);
      }
      await refused('23514', "insert into reactions (clip_id, reaction, household_id) values ('wish-2', 'Like!', 'fam-01')");
    });

    test('texts: lengths and required words', async () => {
      await refused(
        '23514',
        "insert into home_answers (clip_id, household_id, id, kind, text, updated_at) values ('wish-1', 'fam-03', 'a-long', 'text', $1, now())",
        ['x'.repeat(501)],
      );
      await refused(
        '23514',
        "insert into home_answers (clip_id, household_id, id, kind, text, updated_at) values ('wish-1', 'fam-03', 'a-talk', 'talked', 'no text with talked', now())",
      );
      await refused('23514', "insert into replies (id, clip_id, text) values ('r-empty', 'wish-2', '   ')");
      await refused('23514', "insert into replies (id, clip_id, text) values ('r-long', 'wish-2', $1)", ['x'.repeat(281)]);
      await refused(
        '23514',
        "insert into checkins (id, child_id, feeling, strength, context, note, created_at, local_day) values ('c-note', 'child-1', 'happy', 3, 'home', $1, now(), current_date)",
        ['x'.repeat(281)],
      );
      await refused('23514', "insert into successes (id, matrix_id, text, created_at) values ('s-long', 'matrix-school', $1, now())", [
        'x'.repeat(501),
      ]);
    });

    test('check-ins: strength 1 to 5, home or school, a child that exists', async () => {
      const checkin = (id, strength, context = 'home', child = 'child-1') =>
        db.query(
          "insert into checkins (id, child_id, feeling, strength, context, created_at, local_day) values ($1, $2, 'happy', $3, $4, now(), current_date)",
          [id, child, strength, context],
        );
      for (const strength of [0, 6, -1]) await assert.rejects(checkin(`c-${strength}`, strength), { code: '23514' });
      await assert.rejects(checkin('c-garden', 3, 'garden'), { code: '23514' });
      await assert.rejects(checkin('c-nobody', 3, 'home', 'child-nobody'), { code: '23503' });
      // Two ids on one day are two check-ins: the contract keys a check-in by its id.
      await checkin('checkin:child-1:home:tables-a', 1);
      await checkin('checkin:child-1:home:tables-b', 5);
    });

    test('reward charts: positive goals up to 1,000, a personal chart has a child, at most two focus expectations', async () => {
      for (const goal of [0, -5, 1001])
        await refused(
          '23514',
          "insert into reward_charts (id, kind, class_id, title, goal, reward) values ('c-goal', 'class', 'groep6-wish', 'T', $1, 'R')",
          [goal],
        );
      await refused(
        '23514',
        "insert into reward_charts (id, kind, class_id, title, goal, reward) values ('c-personal', 'personal', 'groep6-wish', 'T', 5, 'R')",
      );
      await refused('23514', "insert into chart_focus (chart_id, position, id, text) values ('class-wish', 2, 'f3', 'Een derde')");
      await refused('23514', "insert into awards (id, chart_id, source, created_at) values ('a-neg', 'class-wish', 'penalty', now())");
      await refused('23503', "insert into awards (id, chart_id, source, created_at) values ('a-none', 'no-chart', 'school', now())");
    });

    test('matrices: at most 5 values × 8 places, names of 60, 3 expectations of 1 to 200 per cell, cells only where a listed value meets a listed place', async () => {
      const m = "'matrix-home-fam-01'";
      const [{ version }] = await db.query(`select version from matrices where id = ${m}`);
      await refused('23514', `insert into matrix_values (matrix_id, version, position, id, label) values (${m}, $1, 5, 'v6', 'Zesde')`, [
        version,
      ]);
      await refused(
        '23514',
        `insert into matrix_locations (matrix_id, version, position, id, label) values (${m}, $1, 8, 'l9', 'Negende')`,
        [version],
      );
      await refused('23514', `insert into matrix_values (matrix_id, version, position, id, label) values (${m}, $1, 4, 'v5', $2)`, [
        version,
        'x'.repeat(61),
      ]);
      await refused(
        '23505',
        `insert into matrix_values (matrix_id, version, position, id, label) values (${m}, $1, 4, 'respect', 'Twee keer')`,
        [version],
      );
      await refused(
        '23514',
        `insert into matrix_cells (matrix_id, version, value_id, location_id, position, id, text) values (${m}, $1, 'respect', 'meals', 3, 'e4', 'Een vierde')`,
        [version],
      );
      await refused(
        '23514',
        `insert into matrix_cells (matrix_id, version, value_id, location_id, position, id, text) values (${m}, $1, 'respect', 'meals', 2, 'e-long', $2)`,
        [version, 'x'.repeat(201)],
      );
      await refused(
        '23514',
        `insert into matrix_cells (matrix_id, version, value_id, location_id, position, id, text) values (${m}, $1, 'respect', 'meals', 2, 'e-empty', ' ')`,
        [version],
      );
      await refused(
        '23503',
        `insert into matrix_cells (matrix_id, version, value_id, location_id, position, id, text) values (${m}, $1, 'kindness', 'meals', 0, 'e-x', 'Geen rij')`,
        [version],
      );
      await refused(
        '23505',
        `insert into matrix_cells (matrix_id, version, value_id, location_id, position, id, text) values (${m}, $1, 'safety', 'screen', 2, 'exp-respect-meals-1', 'Zelfde id')`,
        [version],
      );
      await refused(
        '23503',
        `insert into matrix_focus (matrix_id, version, value_id, location_id) values (${m}, $1, 'kindness', 'meals')`,
        [version],
      );
      await refused(
        '23514',
        "insert into matrices (id, kind, school_id, household_id, version) values ('m-both', 'home', 'school-regenboog', 'fam-01', 1)",
      );
      await refused('23514', "update matrices set version = -1 where id = 'matrix-school'");
    });

    test('who: staff have no household, feedback is on a clip or a post (exactly one), an answer per household and clip', async () => {
      await refused('23514', "insert into viewers (id, role, household_id) values ('t-fam', 'teacher', 'fam-01')");
      await refused('23514', "insert into viewers (id, role) values ('nobody', 'admin')");
      await refused(
        '23514',
        "insert into reactions (clip_id, post_id, reaction, household_id) values ('wish-2', 'host-post-1', 'like', 'fam-01')",
      );
      await refused('23502', "insert into reactions (reaction, household_id) values ('like', 'fam-01')"); // no target: no key
      await refused(
        '23505',
        "insert into home_answers (clip_id, household_id, id, kind, updated_at) select clip_id, household_id, 'another-id', 'talked', now() from home_answers limit 1",
      );
      await refused('23503', "insert into seen_marks (clip_id, household_id) values ('no-clip', 'fam-01')");
    });

    test('retention: uploads no published clip uses are swept after draftUploadTtlMs; used ones and recent ones stay', async () => {
      const upload = (id, days) =>
        db.query(
          `insert into samen_uploads (media_id, owner, idempotency_key, kind, content_type, size, name, bytes, created_at)
           values ($1, 'teacher-1', $1, 'photo', 'image/png', $2, 'x.png', $3, now() - make_interval(days => $4))`,
          [id, PNG.length, PNG, days],
        );
      await upload('media-old-draft', 9);
      await upload('media-old-published', 9);
      await upload('media-new-draft', 1);
      await db.query(
        "insert into clip_media (clip_id, position, role, upload_id, alt) values ('kanjer-2', 5, 'photo', 'media-old-published', 'Gepubliceerd')",
      );
      const { sweepDraftUploads, DRAFT_UPLOAD_TTL_MS } = await import('../domain/retention.mjs');
      assert.equal(DRAFT_UPLOAD_TTL_MS, 7 * 24 * 3_600_000);
      assert.equal(await sweepDraftUploads(db.kysely), 1);
      const left = (await db.query("select media_id from samen_uploads where media_id like 'media-%-%' order by 1")).map((r) => r.media_id);
      assert.deepEqual(left, ['media-new-draft', 'media-old-published']);
      await db.query("delete from clip_media where clip_id = 'kanjer-2' and position = 5");
    });

    test('export-family: everything about one family and its children; erase-family: all of it gone, class counts kept', async () => {
      // The family of parent-1, parent-2 and child-login-1 (fam-01, child-1) does something of everything.
      /** @type {Record<string, any>} */
      const made = {};
      await withServer(async (server) => {
        const p1 = server.as('parent-1');
        made.answer = (await p1('PUT', '/clips/wish-5/answer', { key: key(), body: { kind: 'text', text: 'Ons antwoord thuis' } })).body;
        assert.equal((await server.as('parent-2')('POST', '/clips/wish-6/seen', { key: key() })).status, 204);
        assert.equal((await p1('PUT', '/reactions/host-post-1/clap', { key: key(), body: { on: true } })).status, 200);
        made.reply = (await p1('POST', '/reactions/host-post-1/replies', { key: key(), body: { text: 'Onze reactie' } })).body;
        made.sticker = (await p1('POST', '/charts/personal-child-1/awards', { key: key(), body: { reason: 'Zelf opgeruimd' } })).body;
        made.success = (await p1('POST', '/matrices/matrix-school/successes', { key: key(), body: { text: 'Thuis lukte het' } })).body;
        const { body: home } = await p1('GET', '/matrices/matrix-home-fam-01');
        assert.equal(
          (
            await p1('PUT', '/matrices/matrix-home-fam-01', {
              key: key(),
              body: { matrix: { ...home, title: 'Thuis bij ons' }, baseVersion: home.version },
            })
          ).status,
          200,
        );
        const createdAt = new Date().toISOString();
        made.checkin = (
          await server.as('child-login-1')('PUT', `/checkins/checkin:child-1:home:${createdAt.slice(0, 10)}`, {
            key: key(),
            body: { childId: 'child-1', feeling: 'proud', strength: 4, context: 'home', createdAt },
          })
        ).body;
        made.classAwards = (await server.as('teacher-1')('GET', '/charts/class-wish')).body.awards.length;
        made.reach = (await server.as('teacher-1')('GET', '/clips/wish-5/reach')).body;
        const thread = { about: { kind: 'answer', id: 'wish-5' }, familyId: 'fam-01' };
        made.question = (await p1('POST', '/threads/messages', { key: key(), body: { ...thread, text: 'Een vraag van ons' } })).body;
        made.teacherAnswer = (
          await server.as('teacher-1')('POST', '/threads/messages', { key: key(), body: { ...thread, text: 'Het antwoord van de juf' } })
        ).body;
        // Their evaluation responses (issue 25): the household's and the child's.
        const evaluation = '/evaluations/eval-wish-after/response';
        made.evaluation = (await p1('PUT', evaluation, { key: key(), body: { answers: [{ questionId: 'rating', value: '5' }] } })).body;
        made.childEvaluation = (
          await server.as('child-login-1')('PUT', evaluation, {
            key: key(),
            body: { answers: [{ questionId: 'child-liked', value: '4' }] },
          })
        ).body;
        // A family at two addresses (issue 24: Familie El Amrani, parent-5 at fam-03-1, parent-6 at fam-03-2).
        const [first, second] = ['parent-5', 'parent-6'].map((id) => server.as(id));
        made.firstAnswer = (await first('PUT', '/clips/wish-2/answer', { key: key(), body: { kind: 'text', text: 'Eerste adres' } })).body;
        made.secondAnswer = (
          await second('PUT', '/clips/wish-2/answer', { key: key(), body: { kind: 'text', text: 'Tweede adres' } })
        ).body;
        made.secondReply = (await second('POST', '/reactions/wish-3/replies', { key: key(), body: { text: 'Van het tweede adres' } })).body;
        made.firstSuccess = (
          await first('POST', '/matrices/matrix-school/successes', { key: key(), body: { text: 'Gelukt op het eerste adres' } })
        ).body;
        const secondThread = { about: { kind: 'answer', id: 'wish-2' }, familyId: 'fam-03', householdId: 'fam-03-2' };
        made.secondMessage = (
          await second('POST', '/threads/messages', { key: key(), body: { ...secondThread, text: 'Vraag van het tweede adres' } })
        ).body;
      });
      // An award a carer gave on the class chart (from a host's data: the policy lets no parent): a class token.
      await db.query(
        "insert into awards (id, chart_id, source, given_by, created_at) values ('award-from-fam-01', 'class-wish', 'school', 'parent-1', now())",
      );
      // Another family's data, untouched by both.
      const [{ others }] = await db.query("select count(*)::int as others from home_answers where household_id <> 'fam-01'");

      const data = await exportFamily(db, 'fam-01');
      assert.equal(data.family.id, 'fam-01');
      assert.equal(data.family.name, 'Familie Jansen');
      assert.deepEqual(data.people.map((p) => p.id).sort(), ['child-login-1', 'parent-1', 'parent-2']);
      assert.deepEqual(
        data.children.map((c) => c.id),
        ['child-1'],
      );
      assert.ok(data.homeAnswers.some((a) => a.id === made.answer.id && a.text === 'Ons antwoord thuis'));
      assert.ok(data.seen.some((s) => s.clipId === 'wish-6'));
      assert.ok(data.reactions.some((r) => r.targetId === 'host-post-1' && r.reaction === 'clap' && r.reactedBy === 'parent-1'));
      assert.ok(data.replies.some((r) => r.id === made.reply.id && r.text === 'Onze reactie'));
      assert.ok(data.awardsGiven.some((a) => a.id === made.sticker.id && a.reason === 'Zelf opgeruimd'));
      assert.ok(data.awardsGiven.some((a) => a.id === 'award-from-fam-01' && a.chartId === 'class-wish'));
      assert.ok(data.checkins.some((c) => c.id === made.checkin.id && c.feeling === 'proud' && c.recordedBy === 'child-login-1'));
      assert.ok(data.checkins.length > 1, 'the seeded fortnight too');
      assert.deepEqual(
        data.personalCharts.map((c) => c.id),
        ['personal-child-1'],
      );
      assert.ok(data.personalCharts[0].awards.some((a) => a.id === made.sticker.id));
      assert.equal(data.homeMatrices[0].title, 'Thuis bij ons');
      assert.ok(data.homeMatrices[0].versionsKept.length >= 2, 'the versions kept');
      assert.ok(data.successes.some((s) => s.id === made.success.id && s.text === 'Thuis lukte het'));
      assert.deepEqual(
        data.threadMessages.map((m) => [m.id, m.about.id, m.from, m.text]),
        [
          [made.question.id, 'wish-5', 'family', 'Een vraag van ons'],
          [made.teacherAnswer.id, 'wish-5', 'teacher', 'Het antwoord van de juf'],
        ],
        'the family’s thread, both sides',
      );
      for (const [audience, answer] of [
        ['parent', { questionId: 'rating', value: '5' }],
        ['child', { questionId: 'child-liked', value: '4' }],
      ])
        assert.ok(
          data.evaluationResponses.some(
            (r) =>
              r.evaluationId === 'eval-wish-after' &&
              r.audience === audience &&
              r.answers.length === 1 &&
              r.answers[0].value === answer.value,
          ),
          `the ${audience}’s evaluation response`,
        );
      assert.ok(!JSON.stringify(data).includes('Familie de Vries'), 'no other family in it');
      assert.ok(
        data.homeAnswers.every((a) => a.householdId === null),
        'a family without addresses: no household',
      );

      // Each answer, seen mark, reply, success and thread of a family at two addresses says whose address it is.
      const atTwo = await exportFamily(db, 'fam-03');
      assert.deepEqual(
        atTwo.family.households.map((h) => h.householdId),
        ['fam-03-1', 'fam-03-2'],
      );
      assert.deepEqual(
        atTwo.people.filter((p) => p.id === 'parent-5' || p.id === 'parent-6').map((p) => [p.id, p.householdId]),
        [
          ['parent-5', 'fam-03-1'],
          ['parent-6', 'fam-03-2'],
        ],
      );
      const whose = (/** @type {{ id: string, householdId: string | null }[]} */ list, /** @type {string} */ id) =>
        list.find((x) => x.id === id)?.householdId;
      assert.equal(whose(atTwo.homeAnswers, made.firstAnswer.id), 'fam-03-1');
      assert.equal(whose(atTwo.homeAnswers, made.secondAnswer.id), 'fam-03-2');
      assert.ok(
        atTwo.seen.some((m) => m.clipId === 'wish-2' && m.householdId === 'fam-03-2'),
        'seen at the second address',
      );
      assert.equal(whose(atTwo.replies, made.secondReply.id), 'fam-03-2');
      assert.equal(whose(atTwo.successes, made.firstSuccess.id), 'fam-03-1');
      assert.equal(whose(atTwo.threadMessages, made.secondMessage.id), 'fam-03-2');

      const { erased, topics } = await eraseFamily(db, 'fam-01');
      assert.equal(erased.people, 3);
      assert.equal(erased.children, 1);
      assert.equal(erased.awardsAnonymised, 1);
      assert.equal(erased.threadMessages, 2);
      assert.ok(erased.evaluationResponses >= 2, `${erased.evaluationResponses} evaluation responses`);
      assert.ok(topics.includes('evaluation:eval-wish-after'), 'the evaluation’s topic, for the teacher’s results');
      assert.ok(topics.includes('thread:answer:wish-5:fam-01'), 'the thread’s topic, for the teacher’s open stream');
      assert.ok(topics.includes('chart:class-wish') && topics.includes('feelings:class:groep6-wish') && topics.includes('clip:wish-5'));
      const count = async (sql, params = []) => (await db.query(sql, params))[0].n;
      assert.equal(await count("select count(*)::int as n from households where id = 'fam-01'"), 0);
      assert.equal(await count("select count(*)::int as n from viewers where id in ('parent-1', 'parent-2', 'child-login-1')"), 0);
      assert.equal(await count("select count(*)::int as n from checkins where child_id = 'child-1'"), 0);
      assert.equal(await count("select count(*)::int as n from reward_charts where id = 'personal-child-1'"), 0);
      assert.equal(await count("select count(*)::int as n from matrices where id = 'matrix-home-fam-01'"), 0);
      assert.equal(await count('select count(*)::int as n from replies where id = $1', [made.reply.id]), 0);
      assert.equal(await count('select count(*)::int as n from successes where id = $1', [made.success.id]), 0);
      assert.equal(await count("select count(*)::int as n from thread_messages where household_id = 'fam-01'"), 0);
      assert.equal(await count("select count(*)::int as n from thread_reads where household_id = 'fam-01'"), 0);
      assert.equal(
        await count("select count(*)::int as n from evaluation_answers where respondent in ('household:fam-01', 'child:child-1')"),
        0,
        'the family’s evaluation answers',
      );
      assert.equal(
        await count("select count(*)::int as n from home_answers where household_id <> 'fam-01'"),
        others,
        'other families untouched',
      );
      const [kept] = await db.query("select given_by from awards where id = 'award-from-fam-01'");
      assert.deepEqual(kept, { given_by: null }, 'a class token stays, without its giver');
      for (const table of [
        'viewers',
        'households',
        'replies',
        'successes',
        'home_answers',
        'reactions',
        'seen_marks',
        'awards',
        'checkins',
      ]) {
        const rows = await db.query(`select * from ${table}`);
        assert.ok(!JSON.stringify(rows).includes('fam-01') || table === 'awards', `${table} holds nothing of fam-01`);
      }

      await withServer(async (after) => {
        assert.equal((await after.as('parent-1')('GET', '/viewer')).status, 401, 'their tokens name nobody');
        const teacher = after.as('teacher-1');
        assert.equal(
          (await teacher('GET', '/charts/class-wish')).body.awards.length,
          made.classAwards + 1,
          'the class chart keeps its count',
        );
        const reach = (await teacher('GET', '/clips/wish-5/reach')).body;
        assert.equal(reach.families, made.reach.families - 1);
        assert.ok(!reach.answers.some((a) => a.familyId === 'fam-01'));
        assert.equal((await teacher('GET', '/children/child-1/checkins')).status, 404);
      });
      await assert.rejects(exportFamily(db, 'fam-01'), { kind: 'not-found' });
    });

    test('seedLoadSchool: 30 classes of 34 families with the documented ids, once', async () => {
      const seeded = await seedLoadSchool(db, { classes: 30, familiesPerClass: 34 });
      assert.deepEqual(seeded, { created: true, classes: 30, families: 1020, viewers: 1050 });
      assert.equal((await seedLoadSchool(db)).created, false, 'a second call does nothing');
      const count = async (sql) => (await db.query(sql))[0].n;
      assert.equal(await count("select count(*)::int as n from viewers where id like 'load-parent-%'"), 1020);
      assert.equal(await count("select count(*)::int as n from class_households where class_id = 'load-class-30'"), 34);
      await withServer(async (server) => {
        assert.equal(LOAD_IDS.parent(35), 'load-parent-35');
        const first = server.as(LOAD_IDS.parent(1));
        assert.equal((await first('GET', `/clips/${LOAD_IDS.clip(1)}`)).status, 200);
        assert.equal((await first('GET', `/clips/${LOAD_IDS.clip(2)}`)).status, 403, 'family 1 is in class 1');
        assert.equal((await server.as(LOAD_IDS.parent(35))('GET', `/clips/${LOAD_IDS.clip(2)}`)).status, 200, 'family 35 is in class 2');
        assert.equal(
          (await server.as(LOAD_IDS.teacher(1))('POST', `/charts/${LOAD_IDS.chart(1)}/awards`, { key: key(), body: {} })).status,
          200,
        );
        assert.equal(
          (await first('POST', `/charts/${LOAD_IDS.personalChart(1)}/awards`, { key: key(), body: {} })).status,
          200,
          'a home sticker',
        );
        assert.equal((await first('PUT', `/clips/${LOAD_IDS.clip(1)}/answer`, { key: key(), body: { kind: 'talked' } })).status, 200);
        assert.equal((await first('PUT', `/reactions/${LOAD_IDS.post(1)}/like`, { key: key(), body: { on: true } })).status, 200);
        assert.equal((await server.as(LOAD_IDS.teacher(1))('GET', `/clips/${LOAD_IDS.clip(1)}/reach`)).body.families, 34);
        assert.equal((await first('GET', `/matrices/${LOAD_IDS.schoolMatrix}`)).status, 200);
      });
    });
  });
}

test('CLI: export-family prints the JSON, erase-family asks for --yes, then erases; never over HTTP', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'samen-admin-'));
  const env = { DATABASE_URL: '' };
  try {
    await (await start({ dataDir, log: () => {} })).stop(); // seeded, as a server leaves it
    const exported = await cli(['export-family', 'fam-02', '--data-dir', dataDir], env);
    assert.equal(exported.code, 0, exported.stderr);
    const data = JSON.parse(exported.stdout);
    assert.equal(data.family.id, 'fam-02');
    assert.deepEqual(
      data.people.map((p) => p.id),
      ['parent-3'],
    );

    const dry = await cli(['erase-family', 'fam-02', '--data-dir', dataDir], env);
    assert.equal(dry.code, 1);
    assert.match(dry.stderr, /Would erase family fam-02 .*add --yes/s);
    assert.equal((await cli(['export-family', 'fam-02', '--data-dir', dataDir], env)).code, 0, 'nothing erased without --yes');

    const erased = await cli(['erase-family', 'fam-02', '--data-dir', dataDir, '--yes'], env);
    assert.equal(erased.code, 0, erased.stderr);
    assert.equal(JSON.parse(erased.stdout).people, 1);
    const gone = await cli(['export-family', 'fam-02', '--data-dir', dataDir], env);
    assert.equal(gone.code, 1);
    assert.match(gone.stderr, /No family fam-02/);
    assert.equal((await cli(['export-family', '__proto__', '--data-dir', dataDir], env)).code, 1);
    assert.equal((await cli(['erase-family', '--data-dir', dataDir], env)).code, 2, 'usage without an id');
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  // No route reaches them.
  const server = await start({ dataDir: ':memory:', log: () => {} });
  try {
    for (const path of ['/families/fam-01/export', '/families/fam-01', '/export-family/fam-01', '/admin/erase-family/fam-01']) {
      for (const method of ['GET', 'POST', 'DELETE'])
        assert.equal((await server.as('leader-1')(method, path, { key: key() })).status, 404, `${method} ${path}`);
    }
  } finally {
    await server.stop();
  }
});

describe('idempotency across two servers on one PostgreSQL database', { skip: !POSTGRES && 'set DATABASE_URL to run' }, () => {
  test('the same key sent to both at once writes once: one applies, the other replays it', async () => {
    const store = await POSTGRES.store();
    const a = await start({ ...store.options, log: () => {} });
    const b = await start({ ...store.options, log: () => {} });
    try {
      const before = (await a.as('teacher-1')('GET', '/charts/class-wish')).body.awards.length;
      const keys = Array.from({ length: 25 }, key);
      const pairs = await Promise.all(
        keys.map((k) =>
          Promise.all(
            [a, b].map((server) => server.as('teacher-1')('POST', '/charts/class-wish/awards', { key: k, body: { reason: 'Samen' } })),
          ),
        ),
      );
      for (const [fromA, fromB] of pairs) {
        assert.deepEqual([fromA.status, fromB.status], [200, 200]);
        assert.deepEqual(fromA.body, fromB.body, 'both answer with the one award');
        const replayed = [fromA, fromB].filter((r) => r.headers.get('idempotent-replayed') === 'true').length;
        assert.equal(replayed, 1, 'one applied, the other replayed');
      }
      const awards = (await b.as('teacher-1')('GET', '/charts/class-wish')).body.awards;
      assert.equal(awards.length, before + keys.length);
      for (const k of keys) assert.equal(awards.filter((x) => x.id === k).length, 1);
      assert.equal(
        (await a.api.db.query('select count(*)::int as n from samen_idempotency where key = any($1::text[])', [keys]))[0].n,
        keys.length,
      );

      // Answers and matrix saves too: the same key on both, one effect.
      const answerKey = key();
      const answers = await Promise.all(
        [a, b].map((s) => s.as('parent-3')('PUT', '/clips/wish-4/answer', { key: answerKey, body: { kind: 'text', text: 'Eén keer' } })),
      );
      assert.deepEqual(
        answers.map((r) => r.status),
        [200, 200],
      );
      assert.equal(answers.filter((r) => r.headers.get('idempotent-replayed') === 'true').length, 1);
      const { body: matrix } = await a.as('teacher-1')('GET', '/matrices/matrix-school');
      const saveKey = key();
      const saves = await Promise.all(
        [a, b].map((s) =>
          s.as('teacher-1')('PUT', '/matrices/matrix-school', {
            key: saveKey,
            body: { matrix: { ...matrix, title: 'Samen' }, baseVersion: matrix.version },
          }),
        ),
      );
      assert.deepEqual(
        saves.map((r) => r.status),
        [200, 200],
        'the replay is no conflict',
      );
      assert.equal((await b.as('teacher-1')('GET', '/matrices/matrix-school')).body.version, matrix.version + 1, 'one new version');
    } finally {
      await a.stop();
      await b.stop();
      await store.cleanup();
    }
  });
});
