// Issue 24 over HTTP on the reference server: a family at two addresses (migration 011, the demo's
// Familie El Amrani: parent-5 at fam-03-1, parent-6 at fam-03-2). The viewer says their address;
// a thread with one address is that address's alone (the policy's household relation, checked in
// the server's one policy check); the teacher's reach counts addresses and names the one not
// reached; a school that shares within the family gives both addresses the family's thread.
// On PGlite, and on PostgreSQL when DATABASE_URL is set.
//   node --test examples/reference-server/test/households.test.mjs     (after `npm run build`)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDatabase } from '../database.mjs';
import { BACKENDS, key, start } from './helpers.mjs';

const ABOUT = { kind: 'answer', id: 'wish-2' };
const FIRST = { about: ABOUT, familyId: 'fam-03', householdId: 'fam-03-1' };
const SECOND = { about: ABOUT, familyId: 'fam-03', householdId: 'fam-03-2' };
const query = (k) =>
  `/threads?about.kind=${k.about.kind}&about.id=${k.about.id}&familyId=${k.familyId}` +
  (k.householdId ? `&householdId=${k.householdId}` : '');

/** The seeded demo on a store of its own; `share` sets the school's share within the family first. */
async function school(backend, { share = false } = {}) {
  const store = await backend.store();
  if (share) {
    const first = await start({ ...store.options, log: () => {} });
    await first.stop();
    const db = await openDatabase(store.options);
    try {
      await db.query("update schools set share_within_family = true where id = 'school-regenboog'");
    } finally {
      await db.close();
    }
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

for (const backend of BACKENDS) {
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

  describe(`a school that shares within the family, on ${backend.name}`, () => {
    let server;
    before(async () => {
      server = await school(backend, { share: true });
    });
    after(() => server?.stop());

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
