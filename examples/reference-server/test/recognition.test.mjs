// Issue 24 over HTTP on the reference server: what a teacher needs for the tip and top, the
// recognition and answering a shared success (migration 014), and that a parent or a child never
// gets it. On PostgreSQL when DATABASE_URL is set (CI), else on PGlite:
// RULES_BACKENDS in helpers.mjs.
//   node --test examples/reference-server/test/recognition.test.mjs     (after `npm run build`)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { RULES_BACKENDS, key, startPolicySchool } from './helpers.mjs';

for (const backend of RULES_BACKENDS) {
  describe(`tip and top, recognition and successes over HTTP on ${backend.name}`, () => {
    let server;
    before(async () => {
      server = await startPolicySchool(backend);
    });
    after(() => server?.stop());

    test('a personal chart names the child’s families to the teacher only', async () => {
      const teacher = (await server.as('teacher-1')('GET', '/charts/personal-child-1')).body;
      assert.equal(teacher.childId, 'child-1');
      assert.deepEqual(teacher.families, [{ familyId: 'fam-01', name: 'Familie Jansen' }]);
      for (const who of ['parent-1', 'child-login-1']) {
        const body = (await server.as(who)('GET', '/charts/personal-child-1')).body;
        assert.equal(body.childId, 'child-1', who);
        assert.equal(body.families, undefined, `${who} gets no families`);
      }
    });

    test('a class chart tells its teacher who was not recognised this week, never a parent or child', async () => {
      const teacher = server.as('teacher-1');
      const before = (await teacher('GET', '/charts/class-wish')).body.recognition;
      assert.ok(before, 'the teacher gets the recognition');
      const child2 = before.children.find((c) => c.childId === 'child-2');
      assert.equal(child2.recognised, false);

      const token = await teacher('POST', '/charts/class-wish/awards', {
        key: key(),
        body: { childId: 'child-2', reason: 'Goed geholpen' },
      });
      assert.equal(token.status, 200);
      assert.equal(token.body.childId, undefined, 'an award never says whom it was for');
      const now = (await teacher('GET', '/charts/class-wish')).body;
      assert.equal(now.recognition.children.find((c) => c.childId === 'child-2').recognised, true);
      assert.equal(now.recognition.compliments, before.compliments + 1);
      assert.ok(
        now.awards.every((a) => a.childId === undefined),
        'the chart’s awards never say whom they were for',
      );
      assert.deepEqual(Object.keys(now.recognition.children[0]).sort(), ['childId', 'name', 'recognised'], 'no count per child');

      for (const who of ['parent-1', 'child-login-1']) {
        const body = (await server.as(who)('GET', '/charts/class-wish')).body;
        assert.equal(body.recognition, undefined, `${who} gets no recognition`);
        assert.ok(
          body.awards.every((a) => a.childId === undefined),
          `${who} never sees whom a token was for`,
        );
      }
    });

    test('a token for a child not of the class chart, or on a personal chart, is refused', async () => {
      const teacher = server.as('teacher-1');
      const other = await teacher('POST', '/charts/class-wish/awards', { key: key(), body: { childId: 'g8child-1' } });
      assert.equal(other.status, 400);
      const personal = await teacher('POST', '/charts/personal-child-1/awards', { key: key(), body: { childId: 'child-1' } });
      assert.equal(personal.status, 400);
    });

    test('a class’s check-ins name each child’s families to the teacher only', async () => {
      const checkin = {
        childId: 'child-1',
        feeling: 'happy',
        strength: 3,
        context: 'home',
        createdAt: new Date().toISOString(),
      };
      const saved = await server.as('parent-1')('PUT', `/checkins/checkin:child-1:home:${key()}`, { key: key(), body: checkin });
      assert.ok(saved.status < 300, JSON.stringify(saved.body));
      const teacher = (await server.as('teacher-1')('GET', '/classes/groep6-wish/checkins')).body;
      const sem = teacher.filter((c) => c.childId === 'child-1');
      assert.ok(sem.length > 0);
      for (const c of sem) assert.deepEqual(c.families, [{ familyId: 'fam-01', name: 'Familie Jansen' }]);
      const own = (await server.as('parent-1')('GET', '/children/child-1/checkins')).body;
      assert.ok(
        own.every((c) => c.families === undefined),
        'a parent’s check-ins carry no families',
      );
    });

    test('a family at two addresses is listed once per address, to the teacher, for a tip and top each', async () => {
      const checkin = { childId: 'child-3', feeling: 'happy', strength: 3, context: 'home', createdAt: new Date().toISOString() };
      const saved = await server.as('parent-5')('PUT', `/checkins/checkin:child-3:home:${key()}`, { key: key(), body: checkin });
      assert.ok(saved.status < 300, JSON.stringify(saved.body));
      const teacher = (await server.as('teacher-1')('GET', '/classes/groep6-wish/checkins')).body;
      assert.deepEqual(teacher.find((c) => c.childId === 'child-3').families, [
        { familyId: 'fam-03', householdId: 'fam-03-1', name: 'Familie El Amrani — eerste adres' },
        { familyId: 'fam-03', householdId: 'fam-03-2', name: 'Familie El Amrani — tweede adres' },
      ]);
    });

    test('a shared success names its family to the teacher only', async () => {
      const id = key();
      const shared = await server.as('parent-1')('POST', '/matrices/matrix-school/successes', {
        key: id,
        body: { text: 'Hij ruimde zelf op.' },
      });
      assert.equal(shared.status, 200, JSON.stringify(shared.body));
      assert.equal(shared.body.familyId, undefined, 'the family’s own answer carries no familyId');
      const teacher = (await server.as('teacher-1')('GET', '/matrices/matrix-school/successes')).body;
      assert.equal(teacher.find((x) => x.id === id).familyId, 'fam-01');
    });
  });
}
