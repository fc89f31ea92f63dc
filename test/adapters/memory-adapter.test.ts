/**
 * MemoryAdapter rules beside the policy table (test/security/policy.test.ts): the idempotency
 * record, the write limits, reaction targets, live topics, upload owners, and the state a
 * LocalAdapter loads.
 */
import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { LocalAdapter } from '../../src/adapters/local-adapter.js';
import { MemoryAdapter, WRITE_KEY_TTL_MS } from '../../src/adapters/memory-adapter.js';
import { createDemoState } from '../../src/adapters/demo-data.js';
import { newId } from '../../src/core/adapter.js';
import { SamenError } from '../../src/core/errors.js';
import { MATRIX_LIMITS, type ExpectationMatrix } from '../../src/expectation-matrix/schemas.js';
import { REPLY_MAX_LENGTH } from '../../src/feedback-bar/schemas.js';
import { CHECKIN_NOTE_MAX_LENGTH } from '../../src/feelings-checkin/schemas.js';
import { ANSWER_MAX_LENGTH } from '../../src/lesson-clip/schemas.js';
import { REWARD_TEXT_MAX_LENGTH } from '../../src/reward-chart/schemas.js';
import { NOW } from '../helpers/fixtures.js';

let n = 0;
const key = () => `mem-${++n}`;
const PNG = () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });

async function kindOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof SamenError ? error.kind : String(error);
  }
}

const memory = (viewerId = 'parent-1') => new MemoryAdapter({ now: NOW, viewerId });

describe('MemoryAdapter: the idempotency record', () => {
  it('is null-prototype and keeps when, a digest and the result of each applied write', async () => {
    const parent = memory();
    const reply = await parent.addReply({ id: 'k-1', targetId: 'wish-2', text: 'Fijn' });
    expect(Object.getPrototypeOf(parent.state.writes)).to.equal(null);
    const entry = parent.state.writes['k-1']!;
    expect(entry.at).to.be.closeTo(Date.now(), 5000);
    expect(entry.digest)
      .to.be.a('string')
      .and.match(/^parent-1 addReply /);
    expect(entry.result).to.deep.equal(reply);
  });

  it('the same key for another request is invalid-data and applies nothing; for the same request it replays', async () => {
    const parent = memory();
    const first = await parent.addReply({ id: 'k-2', targetId: 'wish-2', text: 'Eerst' });
    expect(await parent.addReply({ id: 'k-2', targetId: 'wish-2', text: 'Eerst' })).to.deep.equal(first);
    const replies = structuredClone(parent.state.replies['wish-2']);
    expect(await kindOf(parent.addReply({ id: 'k-2', targetId: 'wish-2', text: 'Anders' }))).to.equal('invalid-data');
    expect(await kindOf(parent.markSeen({ id: 'k-2', clipId: 'wish-2' }))).to.equal('invalid-data');
    // Another carer can't read this write's result by sending its key.
    expect(await kindOf(parent.forViewer('parent-2').addReply({ id: 'k-2', targetId: 'wish-2', text: 'Eerst' }))).to.equal('invalid-data');
    expect(parent.state.replies['wish-2']).to.deep.equal(replies);
  });

  it('a retried undo resolves though the award is gone', async () => {
    const teacher = memory('teacher-1');
    const award = await teacher.award({ id: key(), chartId: 'class-wish' });
    const undo = { id: key(), chartId: 'class-wish', awardId: award.id };
    await teacher.undoAward(undo);
    await teacher.undoAward(undo);
    expect(teacher.state.charts['class-wish']!.awards.some((a) => a.id === award.id)).to.equal(false);
  });

  it('forgets keys after a day, so it does not grow for ever', async () => {
    const state = createDemoState({ locale: 'nl', seed: 7, now: NOW });
    const old = Date.now() - WRITE_KEY_TTL_MS - 1000;
    for (let i = 0; i < 50; i++) state.writes[`old-${i}`] = { at: old, digest: 'parent-1 markSeen x', result: null };
    state.writes['recent'] = { at: Date.now() - 1000, digest: 'parent-1 markSeen x', result: null };
    const parent = new MemoryAdapter({ state });
    await parent.markSeen({ id: key(), clipId: 'wish-2' });
    expect(Object.keys(parent.state.writes).filter((k) => k.startsWith('old-'))).to.deep.equal([]);
    expect(parent.state.writes).to.have.property('recent');
    expect(WRITE_KEY_TTL_MS).to.equal(24 * 60 * 60 * 1000);
  });

  it('drops write records of an older shape when a stored state is loaded', () => {
    const state = createDemoState({ locale: 'nl', seed: 7, now: NOW });
    (state.writes as Record<string, unknown>)['legacy'] = { id: 'legacy', text: 'a result as stored before' };
    const parent = new MemoryAdapter({ state });
    expect(parent.state.writes).not.to.have.property('legacy');
  });
});

describe('MemoryAdapter: write limits (invalid-data, nothing stored)', () => {
  const long = (length: number) => 'a'.repeat(length);
  const cases: [string, string, (p: MemoryAdapter, t: MemoryAdapter) => Promise<unknown>][] = [
    ['answer', 'parent', (p) => p.saveHomeAnswer({ id: key(), clipId: 'wish-2', kind: 'text', text: long(ANSWER_MAX_LENGTH + 1) })],
    ['answer kind', 'parent', (p) => p.saveHomeAnswer({ id: key(), clipId: 'wish-2', kind: 'essay' as 'text' })],
    ['reply', 'parent', (p) => p.addReply({ id: key(), targetId: 'wish-2', text: long(REPLY_MAX_LENGTH + 1) })],
    ['empty reply', 'parent', (p) => p.addReply({ id: key(), targetId: 'wish-2', text: '   ' })],
    ['reaction name', 'parent', (p) => p.setReaction({ id: key(), targetId: 'wish-2', reaction: 'Not A Reaction', on: true })],
    ['reaction on', 'parent', (p) => p.setReaction({ id: key(), targetId: 'wish-2', reaction: 'like', on: 'yes' as unknown as boolean })],
    ['success', 'parent', (p) => p.shareSuccess({ id: key(), matrixId: 'matrix-school', text: long(ANSWER_MAX_LENGTH + 1) })],
    ['empty success', 'parent', (p) => p.shareSuccess({ id: key(), matrixId: 'matrix-school', text: '' })],
    ['award reason', 'teacher', (_p, t) => t.award({ id: key(), chartId: 'class-wish', reason: long(REWARD_TEXT_MAX_LENGTH + 1) })],
    ['next reward', 'teacher', (_p, t) => t.redeem({ id: key(), chartId: 'class-wish', nextReward: long(REWARD_TEXT_MAX_LENGTH + 1) })],
    ['next goal', 'teacher', (_p, t) => t.redeem({ id: key(), chartId: 'class-wish', nextGoal: 1001 })],
    ...(
      [
        ['check-in note', { note: long(CHECKIN_NOTE_MAX_LENGTH + 1) }],
        ['check-in strength', { strength: 9 }],
        ['check-in feeling', { feeling: 'Happy!' }],
        ['check-in context', { context: 'street' }],
        ['check-in date', { createdAt: 'yesterday' }],
      ] as const
    ).map(([what, change]): [string, string, (p: MemoryAdapter) => Promise<unknown>] => [
      what,
      'parent',
      (p) =>
        p.saveCheckin({
          id: key(),
          checkinId: `checkin:child-1:home:${key()}`,
          childId: 'child-1',
          feeling: 'happy',
          strength: 2,
          context: 'home',
          createdAt: new Date().toISOString(),
          ...change,
        } as never),
    ]),
  ];
  for (const [what, who, call] of cases) {
    it(`${what} (${who})`, async () => {
      const parent = memory();
      const teacher = parent.forViewer('teacher-1');
      const before = JSON.stringify(parent.state);
      expect(await kindOf(call(parent, teacher))).to.equal('invalid-data');
      expect(JSON.stringify(parent.state)).to.equal(before);
    });
  }

  it('at the limits, it is stored', async () => {
    const parent = memory();
    await parent.saveHomeAnswer({ id: key(), clipId: 'wish-2', kind: 'text', text: long(ANSWER_MAX_LENGTH) });
    await parent.addReply({ id: key(), targetId: 'wish-2', text: long(REPLY_MAX_LENGTH) });
    await parent.forViewer('teacher-1').award({ id: key(), chartId: 'class-wish', reason: long(REWARD_TEXT_MAX_LENGTH) });
  });

  describe('the matrix editor’s limits', () => {
    const school = (t: MemoryAdapter) => structuredClone(t.state.matrices['matrix-school']!) as ExpectationMatrix;
    const changes: [string, (m: ExpectationMatrix) => ExpectationMatrix][] = [
      [
        'too many values',
        (m) => ({
          ...m,
          values: Array.from({ length: MATRIX_LIMITS.values + 1 }, (_, i) => ({ id: `v${i}`, label: `Waarde ${i}` })),
          cells: {},
        }),
      ],
      [
        'too many locations',
        (m) => ({
          ...m,
          locations: Array.from({ length: MATRIX_LIMITS.locations + 1 }, (_, i) => ({ id: `l${i}`, label: `Plek ${i}` })),
          cells: {},
        }),
      ],
      ['a name too long', (m) => ({ ...m, values: m.values.map((v, i) => (i ? v : { ...v, label: long(MATRIX_LIMITS.nameLength + 1) })) })],
      [
        'too many in a cell',
        (m) => ({
          ...m,
          cells: {
            ...m.cells,
            'safety/class': Array.from({ length: MATRIX_LIMITS.perCell + 1 }, (_, i) => ({ id: `x${i}`, text: `Ik ${i}` })),
          },
        }),
      ],
      [
        'an expectation too long',
        (m) => ({ ...m, cells: { ...m.cells, 'safety/class': [{ id: 'x', text: long(MATRIX_LIMITS.expectationLength + 1) }] } }),
      ],
      ['a cell outside the grid', (m) => ({ ...m, cells: { ...m.cells, 'safety/roof': [{ id: 'x', text: 'Ik blijf van het dak' }] } })],
      ['not a matrix', (m) => ({ ...m, values: 'many' as unknown as ExpectationMatrix['values'] })],
    ];
    for (const [what, change] of changes) {
      it(what, async () => {
        const teacher = memory('teacher-1');
        const before = structuredClone(teacher.state.matrices['matrix-school']);
        const matrix = school(teacher);
        expect(await kindOf(teacher.saveExpectationMatrix({ id: key(), matrix: change(matrix), baseVersion: matrix.version }))).to.equal(
          'invalid-data',
        );
        expect(teacher.state.matrices['matrix-school']).to.deep.equal(before);
      });
    }

    it('a save keeps whose matrix it is', async () => {
      const teacher = memory('teacher-1');
      const matrix = school(teacher);
      const saved = await teacher.saveExpectationMatrix({
        id: key(),
        matrix: { ...matrix, kind: 'home', familyId: 'fam-02', schoolId: 'other' } as ExpectationMatrix,
        baseVersion: matrix.version,
      });
      expect(saved).to.include({ kind: 'school', version: matrix.version + 1 });
      expect(saved).not.to.have.property('familyId');
      expect(teacher.state.matrices['matrix-school']).to.include({ schoolId: 'school-regenboog', kind: 'school' });
      expect(Object.getPrototypeOf(teacher.state.matrices['matrix-school']!.cells)).to.equal(null);
    });
  });
});

describe('MemoryAdapter: reaction targets', () => {
  it('a made-up target is not-found for reads and writes', async () => {
    const parent = memory();
    expect(await kindOf(parent.getReactions('post-1'))).to.equal('not-found');
    expect(await kindOf(parent.setReaction({ id: key(), targetId: 'post-1', reaction: 'like', on: true }))).to.equal('not-found');
    expect(await kindOf(parent.addReply({ id: key(), targetId: 'post-1', text: 'Hoi' }))).to.equal('not-found');
  });

  it('addPost registers a host post in a class: its families react, its teacher reads, others may not', async () => {
    const parent = memory();
    await parent.addPost('post-1', 'groep6-wish');
    await parent.setReaction({ id: key(), targetId: 'post-1', reaction: 'like', on: true });
    expect((await parent.forViewer('teacher-1').getReactions('post-1')).counts).to.deep.equal({ like: 1 });
    expect(await kindOf(parent.forViewer('parent-4').getReactions('post-1'))).to.equal('forbidden');
    expect(await kindOf(parent.forViewer('teacher-2').getReactions('post-1'))).to.equal('forbidden');
    expect(() => parent.addPost('__proto__', 'groep6-wish')).to.throw(SamenError);
  });

  it('a LocalAdapter keeps an added post over a reload', async () => {
    const dbName = `samen-post-${newId()}`;
    const first = new LocalAdapter({ now: NOW, dbName });
    try {
      await first.addPost('post-local', 'groep6-wish');
      await first.close();
      const again = new LocalAdapter({ now: NOW, dbName });
      expect(await kindOf(again.getReactions('post-local'))).to.equal('resolved');
      await again.close();
    } finally {
      indexedDB.deleteDatabase(dbName);
    }
  });
});

describe('MemoryAdapter: live topics follow the policy', () => {
  it('a topic the viewer may not follow: a no-op unsubscribe, the listener never called', async () => {
    const parent = memory();
    let heard = 0;
    const stops = ['feelings:child-2', 'feelings:class:groep6-wish', 'chart:personal-g7child-1', 'clip:pbs-1', 'clip:nope', 'nonsense'].map(
      (t) => parent.subscribe(t as never, () => (heard += 1)),
    );
    const teacher = parent.forViewer('teacher-1');
    const teacher2 = parent.forViewer('teacher-2');
    await parent.forViewer('parent-3').saveCheckin({
      id: key(),
      checkinId: 'checkin:child-2:home:x',
      childId: 'child-2',
      feeling: 'sad',
      strength: 4,
      context: 'home',
      createdAt: new Date().toISOString(),
    });
    await teacher2.award({ id: key(), chartId: 'personal-g7child-1' });
    await teacher.award({ id: key(), chartId: 'class-wish' });
    expect(heard).to.equal(0);
    for (const stop of stops) expect(() => stop()).not.to.throw();
  });

  it('a topic the viewer may follow is heard, and no longer once the right is gone', async () => {
    const teacher = memory('teacher-1');
    let heard = 0;
    const stop = teacher.subscribe('feelings:class:groep6-wish', () => (heard += 1));
    const noor = teacher.forViewer('child-login-1');
    const checkin = () =>
      noor.saveCheckin({
        id: key(),
        checkinId: `checkin:child-1:school:${key()}`,
        childId: 'child-1',
        feeling: 'calm',
        strength: 2,
        context: 'school',
        createdAt: new Date().toISOString(),
      });
    await checkin();
    expect(heard).to.equal(1);
    teacher.state.viewers.find((v) => v.id === 'teacher-1')!.classIds = ['groep5-kanjer'];
    await checkin();
    expect(heard).to.equal(1);
    stop();
  });
});

describe('MemoryAdapter: uploads are their uploader’s', () => {
  it('records ownerId; another teacher can neither read the upload nor publish with it', async () => {
    const teacher = memory('teacher-1');
    const media = await teacher.uploadMedia({ id: key(), file: PNG(), name: 'foto.png', kind: 'photo' });
    expect(teacher.state.uploads![media.mediaId]!.ownerId).to.equal('teacher-1');
    expect(await kindOf(teacher.getUploadedMedia(media.mediaId))).to.equal('resolved');
    const other = teacher.forViewer('teacher-2');
    expect(await kindOf(other.getUploadedMedia(media.mediaId))).to.equal('forbidden');
    const draft = {
      classId: 'groep7-pbs',
      programme: 'pbs' as const,
      title: 'Les',
      media: { kind: 'photos' as const, photos: [{ mediaId: media.mediaId, alt: 'Foto' }] },
    };
    expect(await kindOf(other.publishLessonClip({ id: key(), ...draft }))).to.equal('invalid-data');
    expect(await kindOf(teacher.publishLessonClip({ id: key(), ...draft, classId: 'groep6-wish' }))).to.equal('resolved');
  });

  it('a parent is refused before the upload starts: no progress is reported', async () => {
    const parent = new MemoryAdapter({ now: NOW, uploadMs: 50 });
    const progress: number[] = [];
    expect(
      await kindOf(
        parent.uploadMedia({ id: key(), file: PNG(), name: 'foto.png', kind: 'photo' }, { onProgress: (f) => progress.push(f) }),
      ),
    ).to.equal('forbidden');
    expect(progress).to.deep.equal([]);
  });
});

describe('LocalAdapter: a state loaded from IndexedDB is hardened', () => {
  it('its records are null-prototype again after a reload', async () => {
    const dbName = `samen-harden-${newId()}`;
    const first = new LocalAdapter({ now: NOW, dbName });
    try {
      await first.setReaction({ id: key(), targetId: 'wish-2', reaction: 'constructor', on: true });
      await first.close();
      const again = new LocalAdapter({ now: NOW, dbName });
      expect((await again.getReactions('wish-2')).mine).to.include('constructor');
      for (const record of ['clips', 'reactions', 'replies', 'charts', 'posts', 'classes', 'families', 'matrices', 'writes'] as const) {
        expect(Object.getPrototypeOf(again.state[record]), record).to.equal(null);
      }
      expect(Object.getPrototypeOf(again.state.reactions['wish-2'])).to.equal(null);
      expect(Object.getPrototypeOf(again.state.matrices['matrix-school']!.cells)).to.equal(null);
      await again.close();
    } finally {
      indexedDB.deleteDatabase(dbName);
    }
  });

  it('the course (issue 26) survives a reload: a reply and a sheet stay; meetings and introductions are null-prototype again', async () => {
    const dbName = `samen-course-${newId()}`;
    const first = new LocalAdapter({ now: NOW, dbName });
    try {
      await first.saveRsvp({ id: key(), meetingId: 'wish-conversation', answer: 'yes', people: 2 });
      await first.savePreparation({ id: key(), meetingId: 'wish-conversation', keywords: 'tekenen', goesWell: 'Lezen', talkAbout: '' });
      await first.close();
      const again = new LocalAdapter({ now: NOW, dbName });
      expect(await again.getRsvp('wish-conversation')).to.deep.include({ answer: 'yes', people: 2 });
      expect(await again.getPreparation('wish-conversation')).to.deep.include({ keywords: 'tekenen', goesWell: 'Lezen' });
      expect((await again.getProgrammeIntro('wish-intro')).lessons.length).to.equal(8);
      expect(Object.getPrototypeOf(again.state.meetings), 'meetings').to.equal(null);
      expect(Object.getPrototypeOf(again.state.intros), 'intros').to.equal(null);
      await again.close();
    } finally {
      indexedDB.deleteDatabase(dbName);
    }
  });

  it('a state saved before households and the course (v5) is seeded again, so the demo’s new sections load', async () => {
    const dbName = `samen-v5-${newId()}`;
    const db = await openDB(dbName, 1, { upgrade: (d) => void d.createObjectStore('state') });
    const old = createDemoState({ locale: 'nl', seed: 7, now: NOW });
    delete old.meetings;
    delete old.intros;
    old.viewers = old.viewers.filter((v) => v.id !== 'parent-5' && v.id !== 'parent-6');
    await db.put('state', old, 'v5');
    db.close();
    const adapter = new LocalAdapter({ now: NOW, dbName });
    try {
      expect((await adapter.getMeeting('wish-conversation')).id).to.equal('wish-conversation');
      expect((await adapter.forViewer('parent-6').getViewer()).householdId).to.equal('fam-03-2');
      await adapter.close();
    } finally {
      indexedDB.deleteDatabase(dbName);
    }
  });
});

describe('Home answers are per carer: separated parents don’t read each other’s', () => {
  for (const [name, make] of [
    ['MemoryAdapter', async () => ({ adapter: memory(), done: async () => {} })],
    [
      'LocalAdapter',
      async () => {
        const dbName = `samen-carers-${newId()}`;
        const adapter = new LocalAdapter({ now: NOW, dbName });
        return { adapter, dbName, done: async () => (await adapter.close(), void indexedDB.deleteDatabase(dbName)) };
      },
    ],
  ] as const) {
    it(`${name}: getHomeAnswer is the viewer’s own; saveHomeAnswer stores per carer; the teacher counts the family once and reads both`, async () => {
      const { adapter: mum, done } = await make();
      try {
        const dad = mum.forViewer('parent-2');
        const teacher = mum.forViewer('teacher-1');
        const before = await teacher.getClipReach('wish-2');
        const mine = await mum.saveHomeAnswer({ id: key(), clipId: 'wish-2', kind: 'text', text: 'Van mama' });
        expect(mine).to.not.have.property('carerId');
        expect(await dad.getHomeAnswer('wish-2'), 'the other carer reads nothing').to.equal(null);
        // "We talked about it" from dad neither replaces nor erases mum's written answer.
        await dad.saveHomeAnswer({ id: key(), clipId: 'wish-2', kind: 'talked' });
        expect(await mum.getHomeAnswer('wish-2')).to.deep.equal(mine);
        expect(await dad.getHomeAnswer('wish-2')).to.deep.include({ kind: 'talked', familyId: 'fam-01' });
        await dad.saveHomeAnswer({ id: key(), clipId: 'wish-2', kind: 'text', text: 'Van papa' });
        expect((await mum.getHomeAnswer('wish-2'))!.text).to.equal('Van mama');
        expect((await dad.getHomeAnswer('wish-2'))!.text).to.equal('Van papa');
        expect(
          mum.state.answers
            .filter((a) => a.clipId === 'wish-2' && a.familyId === 'fam-01')
            .map((a) => a.carerId)
            .sort(),
        ).to.deep.equal(['parent-1', 'parent-2']);

        const after = await teacher.getClipReach('wish-2');
        expect(after.talked - before.talked, 'talked: one family').to.equal(1);
        expect(after.answered - before.answered, 'answered: one family').to.equal(1);
        expect(after.seen - before.seen, 'seen: one family').to.equal(1);
        expect(
          after.answers
            .filter((a) => a.familyId === 'fam-01')
            .map((a) => a.text)
            .sort(),
        ).to.deep.equal(['Van mama', 'Van papa']);
        expect(JSON.stringify(after), 'no viewer ids for the teacher').to.not.contain('carerId');
      } finally {
        await done();
      }
    });
  }

  it('LocalAdapter: each carer’s answer survives a reload as theirs', async () => {
    const dbName = `samen-carers-reload-${newId()}`;
    const first = new LocalAdapter({ now: NOW, dbName });
    try {
      await first.forViewer('parent-2').saveHomeAnswer({ id: key(), clipId: 'wish-3', kind: 'text', text: 'Alleen van papa' });
      await first.close();
      const again = new LocalAdapter({ now: NOW, dbName });
      expect(await again.getHomeAnswer('wish-3')).to.equal(null);
      expect((await again.forViewer('parent-2').getHomeAnswer('wish-3'))!.text).to.equal('Alleen van papa');
      await again.close();
    } finally {
      indexedDB.deleteDatabase(dbName);
    }
  });

  it('a seeded answer (no carer) is no carer’s to read, and still counts its family', async () => {
    const parent3 = memory('parent-3');
    const seeded = parent3.state.answers.filter((a) => a.familyId === 'fam-02');
    expect(seeded.every((a) => a.carerId === undefined)).to.equal(true);
    for (const a of seeded) expect(await parent3.getHomeAnswer(a.clipId), a.clipId).to.equal(null);
  });
});

describe('Demo data: what could happen at a school', () => {
  const weekday = (iso: string) => new Date(iso).getDay();
  const weekend = (iso: string) => weekday(iso) === 0 || weekday(iso) === 6;
  // A Saturday, a Sunday, a Monday early in the morning and a Wednesday, in this device's zone.
  const nows = [new Date(2026, 11, 5, 11), new Date(2026, 11, 6, 9, 43), new Date(2026, 11, 7, 1, 30), new Date(2026, 11, 9, 15)];

  it('no check-in at school and no award from school on a Saturday or Sunday', () => {
    for (const now of nows) {
      for (const locale of ['nl', 'en'] as const) {
        const state = createDemoState({ locale, seed: 7, now });
        const school = state.checkins.filter((c) => c.context === 'school');
        expect(school.length, `${now.toString()}: school check-ins`).to.be.above(50);
        expect(
          school.filter((c) => weekend(c.createdAt)).map((c) => c.createdAt),
          now.toString(),
        ).to.deep.equal([]);
        const awards = Object.values(state.charts).flatMap((chart) => chart.awards.filter((a) => a.source === 'school'));
        expect(
          awards.filter((a) => weekend(a.createdAt)).map((a) => a.createdAt),
          now.toString(),
        ).to.deep.equal([]);
        // Home check-ins happen any day of the week.
        expect(
          state.checkins.some((c) => c.context === 'home' && weekend(c.createdAt)),
          now.toString(),
        ).to.equal(true);
      }
    }
  });

  it('seeds one child with a strong sad feeling on 3 of the last 5 school days, whatever the day', () => {
    for (const now of nows) {
      const state = createDemoState({ locale: 'nl', seed: 7, now });
      const strong = state.checkins.filter((c) => c.childId === 'child-7' && c.feeling === 'sad' && c.strength === 5);
      expect(strong, now.toString()).to.have.length(3);
      expect(
        strong.every((c) => !weekend(c.createdAt) && Date.parse(c.createdAt) <= now.getTime() + 9 * 3_600_000),
        now.toString(),
      ).to.equal(true);
    }
  });
});
