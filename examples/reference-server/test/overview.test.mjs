// Issue 25 over HTTP on the reference server: the programme overview (GET /overview, computed in
// the database by one aggregate query, migration 012) and the families a run never reached
// (GET /overview/unreached, the class's teacher only). On PostgreSQL when DATABASE_URL is set (CI), else on PGlite:
// RULES_BACKENDS in helpers.mjs.
//   node --test examples/reference-server/test/overview.test.mjs     (after `npm run build`)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { programmeOverviewSchema } from '../../../dist/programme-overview/schemas.js';
import { RULES_BACKENDS, key, startPolicySchool } from './helpers.mjs';

const WISH = '/overview?programme=wish&classIds=groep6-wish';
const UNREACHED = '/overview/unreached?programme=wish&classId=groep6-wish';

for (const backend of RULES_BACKENDS) {
  describe(`the programme overview over HTTP on ${backend.name}`, () => {
    let server;
    before(async () => {
      server = await startPolicySchool(backend);
    });
    after(() => server?.stop());

    test('the teacher sees their class’s posted lessons in order, counts only, none above the class’s families', async () => {
      const { status, body } = await server.as('teacher-1')('GET', '/overview?programme=wish');
      assert.equal(status, 200);
      const overview = programmeOverviewSchema.parse(body);
      assert.equal(overview.minGroupSize, 5);
      assert.deepEqual(
        overview.classes.map((c) => c.classId),
        ['groep6-wish'],
        'without classIds: the teacher’s own classes that have a clip of the programme',
      );
      const [cls] = overview.classes;
      assert.deepEqual(
        cls.cells.map((c) => c.lessons),
        overview.lessons.map((l) => [l.number]),
      );
      for (const cell of cls.cells)
        for (const n of Object.values(cell.families ?? {})) assert.ok(n >= 0 && n <= cls.families, `${n} of ${cls.families}`);
      assert.doesNotMatch(JSON.stringify(body), /fam-0|Familie/, 'no family id or name in the aggregates');
    });

    test('a family not reached is named to the teacher, and counted once its parent has seen a lesson', async () => {
      const teacher = server.as('teacher-1');
      const before = (await teacher('GET', WISH)).body.classes[0].cells[0].families.seen;
      assert.deepEqual((await teacher('GET', UNREACHED)).body, {
        classId: 'groep6-wish',
        families: [{ familyId: 'fam-01', name: 'Familie Jansen' }],
      });
      assert.equal((await server.as('parent-1')('POST', '/clips/wish-1/seen', { key: key(), body: {} })).status, 204);
      assert.equal((await teacher('GET', WISH)).body.classes[0].cells[0].families.seen, before + 1);
      assert.deepEqual((await teacher('GET', UNREACHED)).body, { classId: 'groep6-wish', families: [] });
    });

    test('the care coordinator and the school leader read the aggregates, never the names', async () => {
      for (const who of ['care-1', 'leader-1']) {
        assert.equal((await server.as(who)('GET', WISH)).status, 200, who);
        assert.equal((await server.as(who)('GET', UNREACHED)).status, 403, who);
      }
    });

    test('refused: a family, a child, another class’s teacher; an unknown class is not found', async () => {
      for (const who of ['parent-1', 'child-login-1', 'teacher-2']) {
        assert.equal((await server.as(who)('GET', WISH)).status, 403, `${who} overview`);
        assert.equal((await server.as(who)('GET', UNREACHED)).status, 403, `${who} unreached`);
      }
      assert.equal((await server.as('teacher-1')('GET', '/overview?programme=wish&classIds=groep6-wish,groep7-pbs')).status, 403);
      assert.equal((await server.as('teacher-1')('GET', '/overview?programme=wish&classIds=no-such-class')).status, 404);
      assert.equal((await server.as('teacher-1')('GET', '/overview?programme=Not%20one')).status, 400);
    });

    test('a class with fewer families than the minimum group size gets no counts, only its posted lessons', async () => {
      const { db } = server.api;
      await db.exec(`
        insert into classes (id, school_id, label) select 'tiny-class', school_id, 'Groep 3' from classes where id = 'groep6-wish';
        insert into viewer_classes (viewer_id, class_id) values ('teacher-1', 'tiny-class');
        insert into class_households (class_id, household_id) values ('tiny-class', 'fam-01'), ('tiny-class', 'fam-02');
        insert into clips (id, class_id, programme, lesson_number, title, posted_at) values ('tiny-1', 'tiny-class', 'wish', 1, 'Les 1', now());
        insert into seen_marks (clip_id, household_id) values ('tiny-1', 'fam-01');`);
      const { body } = await server.as('teacher-1')('GET', '/overview?programme=wish&classIds=tiny-class');
      assert.deepEqual(
        body.classes[0].cells.map((c) => [c.lessons, c.families]),
        [[[1], undefined]],
      );
      assert.equal(body.classes[0].families, 2);
    });
  });
}
