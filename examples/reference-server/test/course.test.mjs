// The programme's course over HTTP (issue 26, migrations/013_course.sql): meetings, each
// household's reply and preparation sheet, and the introduction, on the seeded demo school
// (src/adapters/demo-course.ts). A retried reply never counts twice; one household never reads
// another's reply or sheet (not across families, not across the two addresses of one family); a
// teacher of another class is refused; a reply made offline goes out through the outbox over
// HTTP once the connection is back; writes are announced live on `meeting:<id>` and a published
// lesson moves the introduction's timeline on (`intro:<id>`).
//   node --test examples/reference-server/test/course.test.mjs     (after `npm run build`)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createDemoState } from '../../../dist/adapters/demo-data.js';
import { HttpAdapter } from '../../../dist/adapters/http-adapter.js';
import { OutboxAdapter } from '../../../dist/adapters/outbox.js';
import { configure } from '../../../dist/core/context.js';
import { meetingRepliesSchema, meetingSchema, preparationSchema, rsvpSchema } from '../../../dist/meeting/schemas.js';
import { programmeIntroSchema } from '../../../dist/programme-intro/schemas.js';
import * as z from 'zod/mini';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MIGRATIONS_DIR, migrate, openDatabase } from '../database.mjs';
import { eraseFamily, exportFamily } from '../domain/families.mjs';
import { RULES_BACKENDS, key, openEvents, start } from './helpers.mjs';

const MEETING = 'wish-conversation';

for (const backend of RULES_BACKENDS) {
  describe(`the programme's course over HTTP on ${backend.name}`, () => {
    let server;
    let store;
    before(async () => {
      store = await backend.store();
      server = await start({ ...store.options, log: () => {} });
    });
    after(async () => {
      await server?.stop();
      await store?.cleanup();
    });

    /** The teacher's list of replies for this household (by family and address). */
    const repliesOf = async (familyId, householdId) => {
      const list = await server.as('teacher-1')('GET', `/meetings/${MEETING}/replies`);
      assert.equal(list.status, 200);
      const mine = (r) => r.familyId === familyId && r.householdId === householdId;
      return { rsvps: list.body.rsvps.filter(mine), preparations: list.body.preparations.filter(mine), body: list.body };
    };

    test('the seeded meetings and introduction read as the widgets parse them', async () => {
      const parent = server.as('parent-1');
      const meeting = await parent('GET', `/meetings/${MEETING}`);
      assert.equal(meeting.status, 200);
      assert.equal(z.safeParse(meetingSchema, meeting.body).success, true);
      assert.deepEqual([meeting.body.kind, meeting.body.classId], ['child-conversation', 'groep6-wish']);
      const evening = await parent('GET', '/meetings/wish-evening');
      assert.ok(evening.body.summary, 'a past meeting carries its summary for those who could not come');

      // The same timelines as the demo in memory (the server seeds the MemoryAdapter's demo state).
      const demo = createDemoState({ locale: 'nl', seed: 7, now: new Date() });
      for (const introId of ['wish-intro', 'kanjer-intro']) {
        const intro = await server.as('teacher-1')('GET', `/intros/${introId}`);
        assert.equal(intro.status, 200);
        assert.equal(z.safeParse(programmeIntroSchema, intro.body).success, true);
        const timeline = (lessons) => lessons.map((l) => [l.number, l.title, l.status, l.clipId ?? null, !!l.date]);
        assert.deepEqual(timeline(intro.body.lessons), timeline(demo.intros[introId].lessons), introId);
        assert.deepEqual(intro.body.contacts, demo.intros[introId].contacts);
      }

      // Every clip of a run says where the class is: "Les 3 van 8" (alone and in a batch read).
      assert.equal((await parent('GET', '/clips/wish-3')).body.lessonCount, demo.clips['wish-3'].lessonCount);
      const batch = await server.as('teacher-1')('GET', '/clips?ids=wish-3,kanjer-1');
      assert.deepEqual(
        batch.body.map((c) => [c.lessonNumber, c.lessonCount]),
        [
          [3, 8],
          [1, 4],
        ],
      );

      const list = await repliesOf('fam-02');
      assert.equal(z.safeParse(meetingRepliesSchema, list.body).success, true);
      assert.ok(list.body.families > 0);
    });

    test('an RSVP retried with its key never counts twice; a new one replaces it; "no" counts nobody', async () => {
      const parent = server.as('parent-1');
      assert.equal((await parent('GET', `/meetings/${MEETING}/rsvp`)).status, 204, 'the demo parent has not replied yet');
      const id = key();
      const first = await parent('PUT', `/meetings/${MEETING}/rsvp`, { key: id, body: { answer: 'yes', people: 2 } });
      assert.equal(first.status, 200);
      assert.equal(z.safeParse(rsvpSchema, first.body).success, true);
      const again = await parent('PUT', `/meetings/${MEETING}/rsvp`, { key: id, body: { answer: 'yes', people: 2 } });
      assert.equal(again.status, 200);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(again.body, first.body);
      assert.deepEqual(
        (await repliesOf('fam-01')).rsvps.map((r) => [r.answer, r.people]),
        [['yes', 2]],
      );
      // The other carer of the same household answers for it too: the reply is replaced, not added.
      const other = await server.as('parent-2')('PUT', `/meetings/${MEETING}/rsvp`, { key: key(), body: { answer: 'no', people: 3 } });
      assert.deepEqual([other.status, other.body.answer, other.body.people], [200, 'no', 0]);
      assert.deepEqual(
        (await repliesOf('fam-01')).rsvps.map((r) => [r.answer, r.people]),
        [['no', 0]],
      );
      assert.equal((await parent('GET', `/meetings/${MEETING}/rsvp`)).body.answer, 'no');
      // More people than a household can bring is refused, and stores nothing.
      const many = await parent('PUT', `/meetings/${MEETING}/rsvp`, { key: key(), body: { answer: 'yes', people: 10 } });
      assert.deepEqual([many.status, many.body.error.kind], [400, 'invalid-data']);
      assert.equal((await parent('GET', `/meetings/${MEETING}/rsvp`)).body.answer, 'no');
    });

    test('another household’s reply and sheet never reach a parent', async () => {
      const sheet = { keywords: 'tekenen, voetbal', goesWell: 'Ze helpt graag.', talkAbout: 'Het overblijven.' };
      const saved = await server.as('parent-3')('PUT', `/meetings/${MEETING}/preparation`, { key: key(), body: sheet });
      assert.equal(saved.status, 200);
      assert.equal(z.safeParse(preparationSchema, saved.body).success, true);
      assert.deepEqual([saved.body.familyId, saved.body.keywords], ['fam-02', sheet.keywords]);
      await server.as('parent-3')('PUT', `/meetings/${MEETING}/rsvp`, { key: key(), body: { answer: 'maybe', people: 1 } });

      const parent = server.as('parent-1');
      const ownSheet = await parent('GET', `/meetings/${MEETING}/preparation`);
      assert.ok(ownSheet.status === 204 || ownSheet.body.familyId === 'fam-01', 'only the household’s own sheet, if any');
      assert.notEqual((await parent('GET', `/meetings/${MEETING}/rsvp`)).body?.familyId, 'fam-02');
      const list = await parent('GET', `/meetings/${MEETING}/replies`);
      assert.deepEqual([list.status, list.body.error.kind], [403, 'forbidden'], 'the list is the teacher’s');
      // The teacher of the class reads the sheet before the meeting.
      const teacher = await repliesOf('fam-02');
      assert.deepEqual(
        teacher.preparations.map((p) => p.talkAbout),
        [sheet.talkAbout],
      );
    });

    test('the two addresses of one family each reply for themselves and never see the other’s', async () => {
      // parent-5 and parent-6: Familie El Amrani at two addresses (fam-03-1 and fam-03-2).
      const first = await server.as('parent-5')('PUT', `/meetings/${MEETING}/rsvp`, { key: key(), body: { answer: 'yes', people: 1 } });
      assert.deepEqual([first.status, first.body.householdId], [200, 'fam-03-1']);
      assert.match(first.body.familyName, /\(.+\)$/, 'named with its address');
      assert.equal((await server.as('parent-6')('GET', `/meetings/${MEETING}/rsvp`)).status, 204);
      await server.as('parent-6')('PUT', `/meetings/${MEETING}/rsvp`, { key: key(), body: { answer: 'maybe', people: 2 } });
      assert.equal((await server.as('parent-5')('GET', `/meetings/${MEETING}/rsvp`)).body.answer, 'yes');
      const list = await server.as('teacher-1')('GET', `/meetings/${MEETING}/replies`);
      assert.deepEqual(
        list.body.rsvps.filter((r) => r.familyId === 'fam-03').map((r) => [r.householdId, r.answer]),
        [
          ['fam-03-1', 'yes'],
          ['fam-03-2', 'maybe'],
        ],
      );
    });

    test('a teacher of another class is refused; a parent of another class too', async () => {
      const teacher = server.as('teacher-2');
      for (const path of [`/meetings/${MEETING}`, `/meetings/${MEETING}/replies`, '/intros/wish-intro'])
        assert.deepEqual((await teacher(path.endsWith('replies') ? 'GET' : 'GET', path)).status, 403, path);
      const parent = server.as('parent-4');
      const rsvp = await parent('PUT', `/meetings/${MEETING}/rsvp`, { key: key(), body: { answer: 'yes', people: 1 } });
      assert.deepEqual([rsvp.status, rsvp.body.error.kind], [403, 'forbidden']);
      assert.equal((await server.as('teacher-2')('GET', '/meetings/pbs-evening/replies')).status, 200, 'their own class’s meeting');
      assert.equal((await server.as('teacher-1')('GET', '/meetings/no-such-meeting')).status, 404);
    });

    test('a reply is announced on meeting:<id>; a published lesson moves the introduction on (intro:<id>)', async () => {
      const events = await openEvents(server.base, 'teacher-1', [`meeting:${MEETING}`, 'intro:kanjer-intro']);
      try {
        assert.equal(events.status, 200);
        await events.waitFor(/^: samen events\n\n/);
        await server.as('parent-3')('PUT', `/meetings/${MEETING}/rsvp`, { key: key(), body: { answer: 'yes', people: 2 } });
        await events.waitFor(new RegExp(`"topic":"meeting:${MEETING}"`));

        // Groep 5 has had two of its Kanjertraining lessons: the third is planned.
        const before = (await server.as('teacher-1')('GET', '/intros/kanjer-intro')).body;
        const next = before.lessons.find((l) => l.status === 'planned');
        assert.equal(next?.number, 3, 'a planned lesson to post');
        const clip = await server.as('teacher-1')('POST', '/clips', {
          key: key(),
          body: { classId: 'groep5-kanjer', programme: 'kanjer', lessonNumber: next.number, title: next.title, lang: 'nl' },
        });
        assert.equal(clip.status, 200);
        await events.waitFor(/"topic":"intro:kanjer-intro"/);
        const lesson = (await server.as('teacher-1')('GET', '/intros/kanjer-intro')).body.lessons.find((l) => l.number === next.number);
        assert.deepEqual([lesson.status, lesson.clipId], ['posted', clip.body.id]);
      } finally {
        events.close();
      }
    });

    test('a family’s export holds its replies and sheets; its erasure deletes them and tells the teacher’s open list', async () => {
      const parent = server.as('parent-3');
      await parent('PUT', `/meetings/${MEETING}/rsvp`, { key: key(), body: { answer: 'yes', people: 3 } });
      const sheet = { keywords: 'lezen', goesWell: 'Hij leest graag voor.', talkAbout: 'Samen spelen op het plein.' };
      await parent('PUT', `/meetings/${MEETING}/preparation`, { key: key(), body: sheet });
      const data = await exportFamily(server.api.db, 'fam-02');
      assert.deepEqual(
        data.meetingReplies.filter((r) => r.meetingId === MEETING).map((r) => [r.answer, r.people]),
        [['yes', 3]],
      );
      assert.deepEqual(
        data.preparationSheets.map((p) => [p.meetingId, p.talkAbout]),
        [[MEETING, sheet.talkAbout]],
      );
      const { erased, topics } = await eraseFamily(server.api.db, 'fam-02');
      assert.ok(erased.meetingReplies >= 1 && erased.preparationSheets === 1);
      assert.ok(topics.includes(`meeting:${MEETING}`));
      const list = (await server.as('teacher-1')('GET', `/meetings/${MEETING}/replies`)).body;
      assert.equal([...list.rsvps, ...list.preparations].filter((r) => r.familyId === 'fam-02').length, 0);
    });

    test('an RSVP made offline waits in the outbox and goes out over HTTP, once, when the connection is back', async () => {
      let online = false;
      const fetchOrFail = (url, init) => (online ? fetch(url, init) : Promise.reject(new TypeError('Failed to fetch')));
      const http = new HttpAdapter({ baseUrl: server.base, getToken: () => 'parent-6', retries: 0, fetch: fetchOrFail });
      // Node has no IndexedDB: the outbox keeps its queue in memory, as on a page with device storage off.
      configure({ deviceStorage: false });
      const outbox = new OutboxAdapter(http, { viewerKey: () => 'parent-6', backoffMs: 60_000 });
      try {
        const offline = await outbox.saveRsvp({ id: key(), meetingId: MEETING, answer: 'no', people: 0 }).catch((error) => error);
        assert.deepEqual([offline.kind, offline.queued], ['unavailable', true], 'kept on the device');
        assert.equal((await repliesOf('fam-03', 'fam-03-2')).rsvps[0]?.answer, 'maybe', 'nothing reached the server yet');
        online = true;
        await outbox.flush();
        await outbox.flush(); // a second flush sends nothing again
        assert.deepEqual(
          (await repliesOf('fam-03', 'fam-03-2')).rsvps.map((r) => [r.answer, r.people]),
          [['no', 0]],
        );
      } finally {
        outbox.dispose?.();
        http.dispose();
      }
    });
  });

  test(`${backend.name}: a database migrated past 013 before it was written gets it on the next start, and serves the course`, async () => {
    const store = await backend.store();
    // Beside migrations/ (ignored by git), so the .mjs migrations find kysely and ../domain.
    const without = await mkdtemp(join(MIGRATIONS_DIR, '..', '.test-migrations-'));
    try {
      for (const file of await readdir(MIGRATIONS_DIR))
        if (!file.startsWith('013_')) await copyFile(join(MIGRATIONS_DIR, file), join(without, file));
      const db = await openDatabase(store.options);
      try {
        const applied = await migrate(db, { dir: without });
        assert.ok(applied.includes('016_chart_choices') && !applied.includes('013_course'));
        assert.deepEqual(await migrate(db), ['013_course']);
      } finally {
        await db.close();
      }
      const server = await start({ ...store.options, log: () => {} });
      try {
        assert.equal((await server.as('parent-1')('GET', `/meetings/${MEETING}`)).status, 200);
      } finally {
        await server.stop();
      }
    } finally {
      await rm(without, { recursive: true, force: true });
      await store.cleanup();
    }
  });
}
