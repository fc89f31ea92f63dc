// Issues 23 and 24 over HTTP on the reference server: the private thread between a family and the
// class's teacher (migration 010, GET /threads, POST /threads/messages and /threads/read, the
// thread: live topic) and the batch reads (GET /clips?ids=, GET /reactions?ids=). On PostgreSQL when DATABASE_URL is set (CI), else on PGlite:
// RULES_BACKENDS in helpers.mjs.
//   node --test examples/reference-server/test/threads.test.mjs     (after `npm run build`)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { THREAD_ABOUT_KINDS } from '../../../dist/thread/schemas.js';
import { RULES_BACKENDS, key, openEvents, startPolicySchool } from './helpers.mjs';

const ABOUT = { kind: 'answer', id: 'wish-2' };
const THREAD = { about: ABOUT, familyId: 'fam-01' };
const QUERY = 'about.kind=answer&about.id=wish-2&familyId=fam-01';

for (const backend of RULES_BACKENDS) {
  describe(`threads and batch reads over HTTP on ${backend.name}`, () => {
    let server;
    before(async () => {
      server = await startPolicySchool(backend);
    });
    after(() => server?.stop());

    test('a family writes, the teacher sees it unread and answers; each side reads the other’s words, a retry adds nothing', async () => {
      const parent = server.as('parent-1');
      const teacher = server.as('teacher-1');
      assert.deepEqual((await parent('GET', `/threads?${QUERY}`)).body, { ...THREAD, messages: [], unread: 0 });

      const id = key();
      const sent = await parent('POST', '/threads/messages', { key: id, body: { ...THREAD, text: '  Hij vond het spannend.  ' } });
      assert.equal(sent.status, 200);
      assert.deepEqual(
        { ...sent.body, createdAt: undefined },
        {
          id,
          from: 'family',
          authorName: 'Familie Jansen',
          text: 'Hij vond het spannend.',
          createdAt: undefined,
          mine: true,
        },
      );
      const again = await parent('POST', '/threads/messages', { key: id, body: { ...THREAD, text: '  Hij vond het spannend.  ' } });
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(again.body, sent.body);

      const seen = await teacher('GET', `/threads?${QUERY}`);
      assert.equal(seen.body.unread, 1, 'the family’s message is unread for the teacher');
      assert.deepEqual(
        seen.body.messages.map((m) => [m.from, m.text, m.mine]),
        [['family', 'Hij vond het spannend.', false]],
      );
      assert.equal((await teacher('POST', '/threads/read', { key: key(), body: THREAD })).status, 204);
      assert.equal((await teacher('GET', `/threads?${QUERY}`)).body.unread, 0);

      await teacher('POST', '/threads/messages', { key: key(), body: { ...THREAD, text: 'Fijn dat jullie erover praatten!' } });
      const back = (await parent('GET', `/threads?${QUERY}`)).body;
      assert.deepEqual(
        back.messages.map((m) => [m.from, m.text]),
        [
          ['family', 'Hij vond het spannend.'],
          ['teacher', 'Fijn dat jullie erover praatten!'],
        ],
      );
      assert.equal(back.unread, 1, 'the teacher’s answer is unread for the family');
    });

    test('another family never reads or writes the thread; a family of another class has none; an unknown kind or a long text is refused', async () => {
      const other = server.as('parent-3');
      assert.equal((await other('GET', `/threads?${QUERY}`)).status, 403);
      const write = await other('POST', '/threads/messages', { key: key(), body: { ...THREAD, text: 'Mag ik meelezen?' } });
      assert.deepEqual([write.status, write.body.error.kind], [403, 'forbidden']);
      // groep 8's family is in no class of wish-2: there is no such thread.
      assert.equal((await server.as('teacher-1')('GET', '/threads?about.kind=answer&about.id=wish-2&familyId=g8fam-1')).status, 404);
      assert.equal((await server.as('parent-1')('GET', `/threads?${QUERY.replace('answer', 'gossip')}`)).status, 400);
      const long = await server.as('parent-1')('POST', '/threads/messages', { key: key(), body: { ...THREAD, text: 'x'.repeat(501) } });
      assert.equal(long.status, 400);
      // A key field this server does not know is refused, not dropped (it would name another thread).
      assert.equal((await server.as('parent-1')('GET', `/threads?${QUERY}&addressId=fam-01-b`)).status, 400);
      // An address the family does not have names no thread (never the family's own, issue 24).
      assert.equal((await server.as('parent-1')('GET', `/threads?${QUERY}&householdId=fam-01-b`)).status, 404);
      const extra = { ...THREAD, householdId: 'fam-01-b', text: 'Van het tweede adres' };
      assert.equal((await server.as('parent-1')('POST', '/threads/messages', { key: key(), body: extra })).status, 404);
      assert.equal((await server.as('parent-1')('GET', `/threads?${QUERY}&householdId=fam%2F1`)).status, 400);
    });

    test('every kind of THREAD_ABOUT_KINDS is served: a tip about a child with that child’s family, the successes shared on the school’s matrix', async (t) => {
      const teacher = server.as('teacher-1');
      const cases = [
        // [kind, about id, the family's own thread, a family the teacher may not write to about it]
        ['reply', 'host-post-1', 'fam-01', 'g8fam-1'],
        ['child', 'child-1', 'fam-01', 'fam-02'],
        ['success', 'matrix-school', 'fam-01', 'g8fam-1'],
      ].filter(([kind]) => THREAD_ABOUT_KINDS.includes(kind));
      if (cases.length < 3)
        t.diagnostic(`kinds not in this build: ${['reply', 'child', 'success'].filter((k) => !THREAD_ABOUT_KINDS.includes(k))}`);
      for (const [kind, id, familyId, notTheirs] of cases) {
        const thread = { about: { kind, id }, familyId };
        const sent = await teacher('POST', '/threads/messages', { key: key(), body: { ...thread, text: `Top: over ${kind}` } });
        assert.equal(sent.status, 200, `${kind}: ${JSON.stringify(sent.body)}`);
        const read = await server.as('parent-1')('GET', `/threads?about.kind=${kind}&about.id=${id}&familyId=${familyId}`);
        assert.deepEqual([read.body.unread, read.body.messages.at(-1).text], [1, `Top: over ${kind}`], kind);
        assert.equal((await server.as('parent-3')('GET', `/threads?about.kind=${kind}&about.id=${id}&familyId=${familyId}`)).status, 403);
        const stray = await teacher('GET', `/threads?about.kind=${kind}&about.id=${id}&familyId=${notTheirs}`);
        assert.ok([403, 404].includes(stray.status), `${kind} with ${notTheirs}: refused, got ${stray.status}`);
      }
    });

    test('the teacher’s event stream hears the thread topic when the family writes; another family may not follow it', async () => {
      const topic = `thread:answer:wish-2:fam-01`;
      const events = await openEvents(server.base, 'teacher-1', [topic]);
      try {
        assert.equal(events.status, 200);
        await events.waitFor(/^: samen events\n\n/);
        await server.as('parent-1')('POST', '/threads/messages', { key: key(), body: { ...THREAD, text: 'Nog een vraag.' } });
        await events.waitFor(new RegExp(`data: \\{"topic":"${topic}"\\}`));
      } finally {
        events.close();
      }
      const denied = await openEvents(server.base, 'parent-3', [topic]);
      denied.close();
      assert.equal(denied.status, 403);
    });

    test('GET /clips?ids= answers each clip as GET /clips/{id} does, and null for an unknown one or another class’s (never its data)', async () => {
      const parent = server.as('parent-1');
      const single = (await parent('GET', '/clips/wish-2')).body;
      const batch = await parent('GET', '/clips?ids=wish-2,g8-clip-1,nope,wish-2');
      assert.equal(batch.status, 200);
      assert.deepEqual(batch.body, [single, null, null, single]);
      assert.equal((await parent('GET', '/clips/g8-clip-1')).status, 403, 'the single read refuses it');
    });

    test('GET /reactions?ids= answers each target as GET /reactions/{id} does, for a family and for the teacher', async () => {
      for (const who of ['parent-1', 'teacher-1']) {
        const as = server.as(who);
        const singles = await Promise.all(['wish-2', 'host-post-1'].map(async (id) => (await as('GET', `/reactions/${id}`)).body));
        const batch = await as('GET', '/reactions?ids=wish-2,host-post-1,g8-post-1');
        assert.deepEqual(batch.body, [...singles, null], who);
      }
    });

    test('GET /answers?ids= answers each clip as GET /clips/{id}/answer does: the carer’s own, null where none or refused', async () => {
      const parent = server.as('parent-1');
      const saved = await parent('PUT', '/clips/wish-2/answer', { key: key(), body: { kind: 'text', text: 'Samen geoefend.' } });
      assert.equal(saved.status, 200);
      const batch = await parent('GET', '/answers?ids=wish-2,g8-clip-1,nope');
      assert.equal(batch.status, 200);
      assert.deepEqual(batch.body, [saved.body, null, null]);
      // Another family of the class reads only its own (none), never this carer's.
      const other = await server.as('parent-3')('GET', '/answers?ids=wish-2');
      assert.deepEqual(other.body, [(await server.as('parent-3')('GET', '/clips/wish-2/answer')).body ?? null]);
      assert.notDeepEqual(other.body[0], saved.body);
    });

    test('a batch of more than 50 ids, an empty one or one with a non-id is 400 (the widgets then read one by one)', async () => {
      const parent = server.as('parent-1');
      const ids = Array.from({ length: 51 }, (_, i) => `c-${i}`).join(',');
      assert.equal((await parent('GET', `/clips?ids=${ids}`)).status, 400);
      assert.equal((await parent('GET', '/clips?ids=')).status, 400);
      assert.equal((await parent('GET', '/reactions?ids=wish-2,__proto__')).status, 400);
    });
  });
}
