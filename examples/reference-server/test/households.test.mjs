// Issue 24 over HTTP on the reference server: a family at two addresses (migration 011, the demo's
// Familie El Amrani: parent-5 at fam-03-1, parent-6 at fam-03-2). The viewer says their address;
// a thread with one address is that address's alone (the policy's household relation, checked in
// the server's one policy check); the teacher's reach counts addresses and names the one not
// reached; a school that shares within the family gives both addresses the family's thread.
// On PostgreSQL when DATABASE_URL is set (CI), else on PGlite:
// RULES_BACKENDS in helpers.mjs.
//   node --test examples/reference-server/test/households.test.mjs     (after `npm run build`)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { migrate, openDatabase } from '../database.mjs';
import { seedDemo } from '../domain/seed.mjs';
import { RULES_BACKENDS, key, start } from './helpers.mjs';

const ABOUT = { kind: 'answer', id: 'wish-2' };
const FIRST = { about: ABOUT, familyId: 'fam-03', householdId: 'fam-03-1' };
const SECOND = { about: ABOUT, familyId: 'fam-03', householdId: 'fam-03-2' };
const query = (k) =>
  `/threads?about.kind=${k.about.kind}&about.id=${k.about.id}&familyId=${k.familyId}` +
  (k.householdId ? `&householdId=${k.householdId}` : '');

/** A second carer at Familie El Amrani's first address (fam-03-1), beside parent-5: `parent-5b`. */
async function addSecondCarer(/** @type {import('../database.mjs').Database} */ db) {
  await db.query(
    "insert into viewers (id, role, school_id, household_id, address_id, name) select 'parent-5b', role, school_id, household_id, address_id, name from viewers where id = 'parent-5'",
  );
  await db.query(
    "insert into viewer_classes (viewer_id, class_id, position) select 'parent-5b', class_id, position from viewer_classes where viewer_id = 'parent-5'",
  );
  await db.query(
    "insert into viewer_children (viewer_id, child_id, position) select 'parent-5b', child_id, position from viewer_children where viewer_id = 'parent-5'",
  );
}

/**
 * The seeded demo on a store of its own, with a second carer at the first address (`parent-5b`);
 * `share` sets the school's share within the family first.
 */
async function school(backend, { share = false } = {}) {
  const store = await backend.store();
  const first = await start({ ...store.options, log: () => {} });
  await first.stop();
  const db = await openDatabase(store.options);
  try {
    await addSecondCarer(db);
    if (share) await db.query("update schools set share_within_family = true where id = 'school-regenboog'");
  } finally {
    await db.close();
  }
  const server = await start({ ...store.options, log: () => {} });
  return {
    ...server,
    async stop() {
      await server.stop();
      await store.cleanup();
    },
  };
}

for (const backend of RULES_BACKENDS) {
  describe(`households over HTTP on ${backend.name}`, () => {
    let server;
    before(async () => {
      server = await school(backend);
    });
    after(() => server?.stop());

    test('a carer’s viewer says their address; a carer of a family without addresses has none', async () => {
      const five = (await server.as('parent-5')('GET', '/viewer')).body;
      assert.deepEqual([five.familyId, five.householdId, five.shareWithinFamily], ['fam-03', 'fam-03-1', undefined]);
      assert.equal((await server.as('parent-6')('GET', '/viewer')).body.householdId, 'fam-03-2');
      assert.equal('householdId' in (await server.as('parent-1')('GET', '/viewer')).body, false);
    });

    test('a thread with one address is that address’s: the other address never reads or writes it, the teacher does', async () => {
      const first = server.as('parent-5');
      const second = server.as('parent-6');
      const teacher = server.as('teacher-1');
      const sent = await first('POST', '/threads/messages', { key: key(), body: { ...FIRST, text: 'Van het eerste adres' } });
      assert.equal(sent.status, 200);

      const read = await second('GET', query(FIRST));
      assert.deepEqual([read.status, read.body.error?.kind], [403, 'forbidden']);
      const write = await second('POST', '/threads/messages', { key: key(), body: { ...FIRST, text: 'Mag ik meelezen?' } });
      assert.equal(write.status, 403);
      // The second address's own thread, and the family's, hold none of the first one's words.
      assert.deepEqual((await second('GET', query(SECOND))).body.messages, []);
      assert.deepEqual((await second('GET', query({ about: ABOUT, familyId: 'fam-03' }))).body.messages, []);

      const seen = await teacher('GET', query(FIRST));
      assert.deepEqual(
        [seen.body.householdId, seen.body.unread, seen.body.messages.map((m) => m.text)],
        ['fam-03-1', 1, ['Van het eerste adres']],
      );
      const answer = await teacher('POST', '/threads/messages', { key: key(), body: { ...FIRST, text: 'Dank je wel!' } });
      assert.equal(answer.status, 200);
      assert.deepEqual(
        (await first('GET', query(FIRST))).body.messages.map((m) => m.text),
        ['Van het eerste adres', 'Dank je wel!'],
      );
      // Another family's carer, and an address of another family, have no such thread.
      assert.equal((await server.as('parent-1')('GET', query(FIRST))).status, 403);
      assert.equal((await first('GET', query({ ...FIRST, familyId: 'fam-01' }))).status, 404);
    });

    test('the thread: live topic of one address is that address’s', async () => {
      const topic = 'thread:answer:wish-2:fam-03/fam-03-1';
      const own = await fetch(`${server.base}/events?topics=${encodeURIComponent(topic)}`, {
        headers: { authorization: 'Bearer parent-5' },
      });
      assert.equal(own.status, 200);
      await own.body?.cancel();
      const other = await fetch(`${server.base}/events?topics=${encodeURIComponent(topic)}`, {
        headers: { authorization: 'Bearer parent-6' },
      });
      assert.equal(other.status, 403);
      await other.body?.cancel();
    });

    test('the teacher’s reach counts addresses and names the one not reached', async () => {
      const first = server.as('parent-5');
      const teacher = server.as('teacher-1');
      const clipId = 'wish-1';
      const before = (await teacher('GET', `/clips/${clipId}/reach`)).body;
      assert.equal(before.households - before.families, 1, 'Familie El Amrani is two households');
      await first('POST', `/clips/${clipId}/seen`, { key: key(), body: {} });
      const after = (await teacher('GET', `/clips/${clipId}/reach`)).body;
      const elAmrani = after.notReached.filter((n) => n.familyId === 'fam-03');
      if (before.notReached.some((n) => n.familyId === 'fam-03' && !n.householdId)) {
        // Not seen before: now seen at the first address, the second is named as not reached.
        assert.equal(after.householdsSeen, before.householdsSeen + 1);
        assert.deepEqual(
          elAmrani.map((n) => [n.householdId, n.householdName]),
          [['fam-03-2', 'tweede adres']],
        );
      } else {
        assert.ok(elAmrani.every((n) => n.householdId !== 'fam-03-1'));
      }
    });
  });

  describe(`answers, replies and successes per household over HTTP on ${backend.name}`, () => {
    let server;
    before(async () => {
      server = await school(backend);
    });
    after(() => server?.stop());
    const answer = (text) => ({ key: key(), body: { kind: 'text', text } });

    test('two carers of one address read and replace one answer; the other address keeps its own', async () => {
      const [first, firstToo, second, teacher] = ['parent-5', 'parent-5b', 'parent-6', 'teacher-1'].map((id) => server.as(id));
      const clip = '/clips/wish-1/answer';
      const saved = await first('PUT', clip, answer('Eerste adres, eerste ouder'));
      assert.deepEqual([saved.status, saved.body.householdId], [200, 'fam-03-1']);
      assert.deepEqual((await firstToo('GET', clip)).body, saved.body, 'the other carer at that address reads the same answer');
      const theirs = (await second('GET', clip)).body;
      assert.ok(theirs == null || theirs.text !== 'Eerste adres, eerste ouder', 'the second address never reads it');

      const replaced = await firstToo('PUT', clip, answer('Eerste adres, tweede ouder'));
      assert.equal(replaced.status, 200);
      assert.equal((await first('GET', clip)).body.text, 'Eerste adres, tweede ouder', 'one answer per address: replaced');
      // "We talked about it" never replaces the address's written answer, whoever taps it.
      await first('PUT', clip, { key: key(), body: { kind: 'talked' } });
      assert.equal((await firstToo('GET', clip)).body.text, 'Eerste adres, tweede ouder');

      await second('PUT', clip, answer('Tweede adres'));
      assert.equal((await second('GET', clip)).body.text, 'Tweede adres');
      assert.equal((await first('GET', clip)).body.text, 'Eerste adres, tweede ouder', 'the second address replaces nothing of the first');
      const batch = (await firstToo('GET', '/answers?ids=wish-1')).body;
      assert.deepEqual(
        batch.map((a) => a?.text),
        ['Eerste adres, tweede ouder'],
        'the batch read follows the same rule',
      );

      // The teacher reads one answer per address, named, and counts the family once.
      const reach = (await teacher('GET', '/clips/wish-1/reach')).body;
      const elAmrani = reach.answers.filter((a) => a.familyId === 'fam-03' && a.text);
      assert.deepEqual(
        elAmrani.map((a) => [a.householdId, a.householdName, a.text]).sort(),
        [
          ['fam-03-1', 'eerste adres', 'Eerste adres, tweede ouder'],
          ['fam-03-2', 'tweede adres', 'Tweede adres'],
        ].sort(),
      );
    });

    test('a reply under a clip is the household’s: the other address never reads it, the teacher sees whose', async () => {
      const [first, firstToo, second, teacher] = ['parent-5', 'parent-5b', 'parent-6', 'teacher-1'].map((id) => server.as(id));
      const sent = await first('POST', '/reactions/wish-3/replies', { key: key(), body: { text: 'Groeten van het eerste adres' } });
      assert.deepEqual([sent.status, sent.body.householdId], [200, 'fam-03-1']);
      const texts = async (call) => (await call('GET', '/reactions/wish-3')).body.replies.map((r) => r.text);
      assert.ok((await texts(firstToo)).includes('Groeten van het eerste adres'));
      assert.ok(!(await texts(second)).includes('Groeten van het eerste adres'), 'the second address does not read it');
      const batch = (await second('GET', '/reactions?ids=wish-3')).body;
      assert.ok(!batch[0].replies.some((r) => r.text === 'Groeten van het eerste adres'), 'nor in the batch read');
      const seen = (await teacher('GET', '/reactions/wish-3')).body.replies.find((r) => r.text === 'Groeten van het eerste adres');
      assert.deepEqual([seen?.familyId, seen?.householdId], ['fam-03', 'fam-03-1']);
    });

    test('a shared success keeps its address, so the teacher answers that household', async () => {
      const shared = await server.as('parent-6')('POST', '/matrices/matrix-school/successes', {
        key: key(),
        body: { text: 'Op het tweede adres ging opruimen goed' },
      });
      assert.equal(shared.status, 200);
      const list = (await server.as('teacher-1')('GET', '/matrices/matrix-school/successes')).body;
      const success = list.find((x) => x.text === 'Op het tweede adres ging opruimen goed');
      assert.deepEqual([success?.familyId, success?.householdId], ['fam-03', 'fam-03-2']);
    });
  });

  describe(`a school that shares within the family, on ${backend.name}`, () => {
    let server;
    before(async () => {
      server = await school(backend, { share: true });
    });
    after(() => server?.stop());

    test('both addresses read and replace the family’s one answer, and read each other’s replies', async () => {
      const [first, second] = ['parent-5', 'parent-6'].map((id) => server.as(id));
      const clip = '/clips/wish-1/answer';
      await first('PUT', clip, { key: key(), body: { kind: 'text', text: 'Voor het hele gezin' } });
      assert.equal((await second('GET', clip)).body.text, 'Voor het hele gezin');
      await second('PUT', clip, { key: key(), body: { kind: 'text', text: 'Aangevuld op het tweede adres' } });
      assert.equal((await first('GET', clip)).body.text, 'Aangevuld op het tweede adres');
      const reach = (await server.as('teacher-1')('GET', '/clips/wish-1/reach')).body;
      assert.deepEqual(
        reach.answers.filter((a) => a.familyId === 'fam-03' && a.text).map((a) => a.text),
        ['Aangevuld op het tweede adres'],
        'one answer for the family',
      );
      await first('POST', '/reactions/wish-3/replies', { key: key(), body: { text: 'Voor ons allebei te lezen' } });
      assert.ok((await second('GET', '/reactions/wish-3')).body.replies.some((r) => r.text === 'Voor ons allebei te lezen'));
    });

    test('the family’s answer carries the address of the carer who wrote it last, as in the library', async () => {
      const [first, second] = ['parent-5', 'parent-6'].map((id) => server.as(id));
      const clip = '/clips/wish-2/answer';
      const written = await first('PUT', clip, { key: key(), body: { kind: 'text', text: 'Geschreven op het eerste adres' } });
      assert.equal(written.body.householdId, 'fam-03-1');
      const replaced = await second('PUT', clip, { key: key(), body: { kind: 'text', text: 'Bijgewerkt op het tweede adres' } });
      assert.deepEqual([replaced.status, replaced.body.householdId], [200, 'fam-03-2']);
      assert.equal((await first('GET', clip)).body.householdId, 'fam-03-2', 'the first address reads who wrote it last');
      const reach = (await server.as('teacher-1')('GET', '/clips/wish-2/reach')).body;
      assert.deepEqual(
        reach.answers.filter((a) => a.familyId === 'fam-03' && a.text).map((a) => [a.text, a.householdId, a.householdName]),
        [['Bijgewerkt op het tweede adres', 'fam-03-2', 'tweede adres']],
        'the teacher sees where it was written',
      );
      // Should the school stop sharing, the answer is the second address's, as it is in the library.
      await server.api.db.query("update schools set share_within_family = false where id = 'school-regenboog'");
      try {
        assert.equal((await second('GET', clip)).body?.text, 'Bijgewerkt op het tweede adres');
        const none = await first('GET', clip);
        assert.deepEqual([none.status, none.body?.text], [204, undefined], 'the first address has no answer of its own');
      } finally {
        await server.api.db.query("update schools set share_within_family = true where id = 'school-regenboog'");
      }
    });

    test('an address’s answer from before the school shared gives way to the family’s latest', async () => {
      const [first, second] = ['parent-5', 'parent-6'].map((id) => server.as(id));
      const clip = '/clips/wish-3/answer';
      // Before sharing, each address answered on its own: the second address last.
      await server.api.db.query("update schools set share_within_family = false where id = 'school-regenboog'");
      try {
        await first('PUT', clip, { key: key(), body: { kind: 'text', text: 'Eerder op het eerste adres' } });
        await second('PUT', clip, { key: key(), body: { kind: 'text', text: 'Later op het tweede adres' } });
      } finally {
        await server.api.db.query("update schools set share_within_family = true where id = 'school-regenboog'");
      }
      assert.equal((await first('GET', clip)).body.text, 'Later op het tweede adres', 'the family’s latest');
      const saved = await first('PUT', clip, { key: key(), body: { kind: 'text', text: 'Nu samen op het eerste adres' } });
      assert.deepEqual([saved.status, saved.body.text, saved.body.householdId], [200, 'Nu samen op het eerste adres', 'fam-03-1']);
      assert.equal((await second('GET', clip)).body.text, 'Nu samen op het eerste adres');
      const reach = (await server.as('teacher-1')('GET', '/clips/wish-3/reach')).body;
      assert.deepEqual(
        reach.answers.filter((a) => a.familyId === 'fam-03' && a.text).map((a) => [a.text, a.householdId]),
        [['Nu samen op het eerste adres', 'fam-03-1']],
        'one answer for the family, where it was written last',
      );
    });

    test('both addresses read the family’s thread, whichever address the key names', async () => {
      assert.equal((await server.as('parent-6')('GET', '/viewer')).body.shareWithinFamily, true);
      const sent = await server.as('parent-5')('POST', '/threads/messages', { key: key(), body: { ...FIRST, text: 'Voor ons allebei' } });
      assert.equal(sent.status, 200);
      for (const k of [FIRST, SECOND, { about: ABOUT, familyId: 'fam-03' }]) {
        const read = await server.as('parent-6')('GET', query(k));
        assert.deepEqual([read.status, read.body.messages?.map((m) => m.text)], [200, ['Voor ons allebei']]);
      }
    });
  });
}

for (const backend of RULES_BACKENDS) {
  test(`migration 019 moves a carer's answers, replies and successes to their address, on ${backend.name}`, async () => {
    const store = await backend.store();
    const db = await openDatabase(store.options);
    try {
      await migrate(db, { to: '016_chart_choices' });
      await seedDemo(db);
      await addSecondCarer(db);
      await db.query("delete from home_answers where clip_id = 'wish-1' and household_id = 'fam-03'");
      // Before 019: one answer per carer; two carers of the first address, and the second address's.
      for (const [id, carer, text, at] of [
        ['old-5', 'parent-5', 'Ouder', '2026-01-01T10:00:00Z'],
        ['old-5b', 'parent-5b', 'Nieuwer', '2026-01-02T10:00:00Z'],
        ['old-6', 'parent-6', 'Tweede adres', '2026-01-01T09:00:00Z'],
      ])
        await db.query(
          "insert into home_answers (id, clip_id, household_id, carer_id, kind, text, updated_at) values ($1, 'wish-1', 'fam-03', $2, 'text', $3, $4)",
          [id, carer, text, at],
        );
      await db.query(
        "insert into replies (id, clip_id, household_id, author_id, text) values ('old-reply', 'wish-3', 'fam-03', 'parent-6', 'Hoi')",
      );
      await db.query(
        "insert into successes (id, matrix_id, household_id, shared_by, text, created_at) values ('old-success', 'matrix-school', 'fam-03', 'parent-5', 'Gelukt', now())",
      );
      const applied = await migrate(db);
      assert.ok(applied.includes('019_answers_per_household'), applied.join(', '));
      assert.deepEqual(
        await db.query("select id, address_id, text from home_answers where clip_id = 'wish-1' and household_id = 'fam-03' order by id"),
        [
          { id: 'old-5b', address_id: 'fam-03-1', text: 'Nieuwer' },
          { id: 'old-6', address_id: 'fam-03-2', text: 'Tweede adres' },
        ],
        'the newest answer of the first address is its answer; the second address keeps its own',
      );
      assert.deepEqual(await db.query("select address_id from replies where id = 'old-reply'"), [{ address_id: 'fam-03-2' }]);
      assert.deepEqual(await db.query("select address_id from successes where id = 'old-success'"), [{ address_id: 'fam-03-1' }]);
    } finally {
      await db.close();
      await store.cleanup();
    }
  });
}
