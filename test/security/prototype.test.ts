/**
 * No key a user or host chooses reaches Object.prototype in the MemoryAdapter or LocalAdapter.
 * `__proto__`, `constructor` and `prototype` go through every method as every kind of key: ids
 * (clip, target, chart, award, child, class, matrix, media, check-in, expectation), reaction
 * names, idempotency keys, matrix cell keys and axis ids, own `__proto__` fields of JSON inputs,
 * topic ids, a post id and a raw clip id. Every call then answers as a SamenError or resolves,
 * never a TypeError; afterwards `({}).polluted` is undefined, Object.prototype has exactly the
 * members it had, `fetch` works, and every method answers parent-1 and teacher-1 as it did on a
 * fresh store. The LocalAdapter does the same over a save and a reload from IndexedDB.
 */
import { expect } from '@open-wc/testing';
import { LocalAdapter } from '../../src/adapters/local-adapter.js';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { newId, type SamenTopic } from '../../src/core/adapter.js';
import { SAMEN_ERROR_KINDS, SamenError } from '../../src/core/errors.js';
import type { ExpectationMatrix } from '../../src/expectation-matrix/schemas.js';
import { NOW } from '../helpers/fixtures.js';

const WORDS = ['__proto__', 'constructor', 'prototype'] as const;
let n = 0;
const key = () => `proto-${++n}`;
const PNG = () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });

/** Object.prototype's members and their values, to compare after. */
function prototypeMembers(): Map<string | symbol, unknown> {
  return new Map(
    Reflect.ownKeys(Object.prototype).map((k) => [
      k,
      Object.getOwnPropertyDescriptor(Object.prototype, k)!.value ?? Object.getOwnPropertyDescriptor(Object.prototype, k)!.get,
    ]),
  );
}

async function outcome(call: () => unknown): Promise<string> {
  try {
    await call();
    return 'ok';
  } catch (error) {
    if (error instanceof SamenError) return error.kind;
    return `not a SamenError: ${String(error)}`;
  }
}

/** A plain object with an own `__proto__` field, as JSON.parse (a bridge, a server) makes it. */
const withOwnProto = <T extends object>(value: T, proto: unknown = { polluted: 'yes', role: 'teacher' }): T =>
  JSON.parse(JSON.stringify(value).replace(/^\{/, `{"__proto__":${JSON.stringify(proto)},`)) as T;

/** Every method with `word` in every key it takes, as `viewer`. */
function hostileCalls(a: MemoryAdapter, word: string): [string, () => unknown][] {
  const matrix = () => structuredClone(a.state.matrices['matrix-school']!) as ExpectationMatrix;
  const homeMatrix = () => structuredClone(a.state.matrices['matrix-home-fam-01']!) as ExpectationMatrix;
  const now = new Date().toISOString();
  const cells = (k: string) => JSON.parse(`{${JSON.stringify(k)}: [{"id": "e1", "text": "Ik"}]}`) as ExpectationMatrix['cells'];
  return [
    ['getViewer', () => a.getViewer()],
    ['getLessonClip(word)', () => a.getLessonClip(word)],
    ['getHomeAnswer(word)', () => a.getHomeAnswer(word)],
    ['saveHomeAnswer clipId', () => a.saveHomeAnswer({ id: key(), clipId: word, kind: 'talked' })],
    ['saveHomeAnswer id', () => a.saveHomeAnswer({ id: word, clipId: 'wish-2', kind: 'text', text: word })],
    ['saveHomeAnswer own __proto__', () => a.saveHomeAnswer(withOwnProto({ id: key(), clipId: 'wish-2', kind: 'talked' as const }))],
    ['markSeen clipId', () => a.markSeen({ id: key(), clipId: word })],
    ['markSeen id', () => a.markSeen({ id: `${word}`, clipId: 'wish-3' })],
    ['getClipReach(word)', () => a.getClipReach(word)],
    ['getReactions(word)', () => a.getReactions(word)],
    ['setReaction targetId', () => a.setReaction({ id: key(), targetId: word, reaction: 'like', on: true })],
    ['setReaction reaction', () => a.setReaction({ id: key(), targetId: 'wish-2', reaction: word, on: true })],
    ['setReaction reaction off', () => a.setReaction({ id: key(), targetId: 'host-post-1', reaction: word, on: false })],
    ['setReaction both', () => a.setReaction({ id: key(), targetId: word, reaction: word, on: true })],
    ['setReaction own __proto__', () => a.setReaction(withOwnProto({ id: key(), targetId: 'wish-2', reaction: 'clap', on: true }))],
    ['addReply targetId', () => a.addReply({ id: key(), targetId: word, text: word })],
    ['addReply id', () => a.addReply({ id: `reply-${word}`, targetId: 'host-post-1', text: word })],
    ['getRewardChart(word)', () => a.getRewardChart(word)],
    ['award chartId', () => a.award({ id: key(), chartId: word })],
    ['award expectationId', () => a.award({ id: key(), chartId: 'personal-child-1', expectationId: word, reason: word })],
    [
      'award own __proto__',
      () => a.award(withOwnProto({ id: key(), chartId: 'class-wish' }, { homeStickersEnabled: true, givenById: 'teacher-1' })),
    ],
    ['undoAward awardId', () => a.undoAward({ id: key(), chartId: 'class-wish', awardId: word })],
    ['undoAward chartId', () => a.undoAward({ id: key(), chartId: word, awardId: 'a0' })],
    ['redeem chartId', () => a.redeem({ id: key(), chartId: word })],
    ['getCheckins childId', () => a.getCheckins({ childId: word })],
    ['getClassCheckins classId', () => a.getClassCheckins({ classId: word })],
    [
      'saveCheckin childId',
      () => a.saveCheckin({ id: key(), checkinId: key(), childId: word, feeling: 'happy', strength: 2, context: 'home', createdAt: now }),
    ],
    [
      'saveCheckin checkinId',
      () =>
        a.saveCheckin({ id: key(), checkinId: word, childId: 'child-1', feeling: 'happy', strength: 2, context: 'home', createdAt: now }),
    ],
    [
      'saveCheckin feeling',
      () => a.saveCheckin({ id: key(), checkinId: key(), childId: 'child-1', feeling: word, strength: 2, context: 'home', createdAt: now }),
    ],
    ['getExpectationMatrix(word)', () => a.getExpectationMatrix(word)],
    [
      'saveExpectationMatrix matrix.id',
      () => a.saveExpectationMatrix({ id: key(), matrix: { ...matrix(), id: word }, baseVersion: matrix().version }),
    ],
    [
      'saveExpectationMatrix cell key',
      () => a.saveExpectationMatrix({ id: key(), matrix: { ...matrix(), cells: cells(word) }, baseVersion: matrix().version }),
    ],
    [
      'saveExpectationMatrix home cell key',
      () =>
        a.saveExpectationMatrix({
          id: key(),
          matrix: { ...homeMatrix(), cells: { ...cells(word), ...homeMatrix().cells } },
          baseVersion: homeMatrix().version,
        }),
    ],
    [
      'saveExpectationMatrix axis ids',
      () => {
        const m = homeMatrix();
        const axes = { values: [{ id: word, label: word }], locations: [{ id: word, label: word }] };
        return a.saveExpectationMatrix({
          id: key(),
          matrix: { ...m, ...axes, cells: cells(`${word}/${word}`), focus: { valueId: word, locationId: word } },
          baseVersion: m.version,
        });
      },
    ],
    [
      'saveExpectationMatrix own __proto__',
      () => a.saveExpectationMatrix(withOwnProto({ id: key(), matrix: withOwnProto(homeMatrix()), baseVersion: homeMatrix().version })),
    ],
    ['shareSuccess matrixId', () => a.shareSuccess({ id: key(), matrixId: word, text: word })],
    ['shareSuccess expectationId', () => a.shareSuccess({ id: key(), matrixId: 'matrix-school', expectationId: word, text: word })],
    ['getSuccesses matrixId', () => a.getSuccesses({ matrixId: word })],
    ['uploadMedia id', () => a.uploadMedia({ id: word, file: PNG(), name: `${word}.png`, kind: 'photo' })],
    ['getUploadedMedia(word)', () => a.getUploadedMedia(word)],
    ['publishLessonClip classId', () => a.publishLessonClip({ id: key(), classId: word, programme: 'custom', title: word })],
    ['publishLessonClip id', () => a.publishLessonClip({ id: word, classId: 'groep6-wish', programme: 'custom', title: word })],
    [
      'publishLessonClip media',
      () =>
        a.publishLessonClip({
          id: key(),
          classId: 'groep6-wish',
          programme: 'custom',
          title: 'Les',
          media: { kind: 'photos', photos: [{ mediaId: word, alt: word }] },
        }),
    ],
    ['addPost', () => a.addPost(word, 'groep6-wish')],
    ['addPost class', () => a.addPost(`post-${word}`, word)],
    [
      'subscribe',
      () => {
        let heard = 0;
        const topics = [
          `clip:${word}`,
          `reactions:${word}`,
          `chart:${word}`,
          `feelings:${word}`,
          `feelings:class:${word}`,
          `matrix:${word}`,
          `${word}:x`,
          word,
        ];
        const stops = topics.map((t) => a.subscribe(t as SamenTopic, () => (heard += 1)));
        for (const stop of stops) stop();
        if (heard) throw new Error('a listener was called');
      },
    ],
  ];
}

/** Each method once with good ids, as parent-1 and teacher-1: what it answers (ok or the error kind). */
async function answers(parent: MemoryAdapter, teacher: MemoryAdapter): Promise<Record<string, string>> {
  const now = new Date().toISOString();
  const version = (id: string) => parent.state.matrices[id]!.version;
  const out: Record<string, string> = {};
  const run = async (name: string, call: () => Promise<unknown>) => (out[name] = await outcome(call));
  for (const [who, a] of [
    ['parent-1', parent],
    ['teacher-1', teacher],
  ] as const) {
    await run(`${who} getViewer`, () => a.getViewer());
    await run(`${who} getLessonClip`, () => a.getLessonClip('wish-2'));
    await run(`${who} getHomeAnswer`, () => a.getHomeAnswer('wish-2'));
    await run(`${who} saveHomeAnswer`, () => a.saveHomeAnswer({ id: key(), clipId: 'wish-4', kind: 'talked' }));
    await run(`${who} markSeen`, () => a.markSeen({ id: key(), clipId: 'wish-5' }));
    await run(`${who} getClipReach`, () => a.getClipReach('wish-2'));
    await run(`${who} getReactions`, () => a.getReactions('wish-2'));
    await run(`${who} setReaction`, () => a.setReaction({ id: key(), targetId: 'wish-2', reaction: 'heart', on: true }));
    await run(`${who} addReply`, () => a.addReply({ id: key(), targetId: 'host-post-1', text: 'Fijn' }));
    await run(`${who} getRewardChart`, () => a.getRewardChart('personal-child-1'));
    const award = await a.award({ id: key(), chartId: who === 'teacher-1' ? 'class-wish' : 'personal-child-1' }).catch(() => undefined);
    out[`${who} award`] = award ? 'ok' : 'refused';
    await run(`${who} undoAward`, () => a.undoAward({ id: key(), chartId: 'class-wish', awardId: award?.id ?? 'a1' }));
    await run(`${who} redeem`, () => a.redeem({ id: key(), chartId: 'class-wish' }));
    await run(`${who} getCheckins`, () => a.getCheckins({ childId: 'child-1' }));
    await run(`${who} getClassCheckins`, () => a.getClassCheckins({ classId: 'groep6-wish' }));
    await run(`${who} saveCheckin`, () =>
      a.saveCheckin({
        id: key(),
        checkinId: `checkin:child-1:home:${key()}`,
        childId: 'child-1',
        feeling: 'calm',
        strength: 2,
        context: 'home',
        createdAt: now,
      }),
    );
    await run(`${who} getExpectationMatrix`, () => a.getExpectationMatrix('matrix-school'));
    const own = who === 'teacher-1' ? 'matrix-school' : 'matrix-home-fam-01';
    await run(`${who} saveExpectationMatrix`, () =>
      a.saveExpectationMatrix({
        id: key(),
        matrix: { ...structuredClone(a.state.matrices[own]!), title: 'Afspraken' },
        baseVersion: version(own),
      }),
    );
    await run(`${who} shareSuccess`, () => a.shareSuccess({ id: key(), matrixId: 'matrix-school', text: 'Gelukt' }));
    await run(`${who} getSuccesses`, () => a.getSuccesses({ matrixId: 'matrix-school' }));
    const upload = await a.uploadMedia({ id: key(), file: PNG(), name: 'foto.png', kind: 'photo' }).catch(() => undefined);
    out[`${who} uploadMedia`] = upload ? 'ok' : 'refused';
    await run(`${who} getUploadedMedia`, () => a.getUploadedMedia(upload?.mediaId ?? 'media-none'));
    await run(`${who} publishLessonClip`, () =>
      a.publishLessonClip({ id: key(), classId: 'groep6-wish', programme: 'custom', title: 'Les' }),
    );
    let heard = 0;
    const stop = a.subscribe('reactions:wish-2', () => (heard += 1));
    await parent.setReaction({ id: key(), targetId: 'wish-2', reaction: 'like', on: heard % 2 === 0 });
    stop();
    out[`${who} subscribe`] = heard ? 'heard' : 'deaf';
  }
  return out;
}

async function prove(make: () => Promise<MemoryAdapter>, reload?: (a: MemoryAdapter) => Promise<MemoryAdapter>): Promise<void> {
  const members = prototypeMembers();
  const fresh = await make();
  const before = await answers(fresh, fresh.forViewer('teacher-1'));

  let store = await make();
  const viewers = ['parent-1', 'teacher-1', 'parent-3', 'child-login-1', 'teacher-2', 'care-1', 'leader-1'];
  for (const word of WORDS) {
    for (const viewerId of viewers) {
      for (const [name, call] of hostileCalls(store.forViewer(viewerId), word)) {
        const result = await outcome(call);
        expect([...SAMEN_ERROR_KINDS, 'ok'], `${viewerId} ${name} with ${word}`).to.include(result);
      }
    }
    if (reload) store = await reload(store);
    store.setRawClip(word, { id: word, classId: 'groep6-wish' });
  }

  expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
  expect(({} as Record<string, unknown>)['role']).to.equal(undefined);
  expect(Object.getPrototypeOf({})).to.equal(Object.prototype);
  expect(prototypeMembers()).to.deep.equal(members);
  const response = await fetch(location.href);
  expect(response.ok, 'fetch still works').to.equal(true);
  await response.text();

  const after = await answers(store, store.forViewer('teacher-1'));
  expect(after).to.deep.equal(before);
  // A parent never gave class tokens on the way.
  expect(store.state.charts['class-wish']!.awards.filter((a) => a.source === 'home' || a.givenById?.startsWith('parent'))).to.deep.equal(
    [],
  );
}

describe('prototype keys through every method', () => {
  it('MemoryAdapter: nothing reaches Object.prototype, and every method answers as before', async () => {
    await prove(async () => new MemoryAdapter({ now: NOW }));
  });

  it('LocalAdapter: the same, with a save to and a reload from IndexedDB after each word', async () => {
    const names: string[] = [];
    const open = async () => {
      const dbName = `samen-proto-${newId()}`;
      names.push(dbName);
      const adapter = new LocalAdapter({ now: NOW, dbName });
      await adapter.getViewer();
      return adapter;
    };
    const adapters: LocalAdapter[] = [];
    try {
      await prove(
        async () => {
          const a = await open();
          adapters.push(a);
          return a;
        },
        async (a) => {
          const dbName = names[names.length - 1]!;
          await (a as LocalAdapter).close();
          const again = new LocalAdapter({ now: NOW, dbName });
          adapters.push(again);
          await again.getViewer();
          // What was stored under the three words came back as data, in null-prototype records.
          expect(Object.getPrototypeOf(again.state.reactions)).to.equal(null);
          expect(Object.getPrototypeOf(again.state.writes)).to.equal(null);
          return again;
        },
      );
    } finally {
      for (const a of adapters) await a.close();
      for (const name of names) indexedDB.deleteDatabase(name);
    }
  });

  it('the words are stored as plain keys where a user may choose them (reaction names, idempotency keys)', async () => {
    const parent = new MemoryAdapter({ now: NOW });
    await parent.setReaction({ id: '__proto__', targetId: 'wish-2', reaction: 'constructor', on: true });
    await parent.setReaction({ id: 'constructor', targetId: 'wish-2', reaction: 'prototype', on: true });
    const summary = await parent.getReactions('wish-2');
    expect(summary.mine).to.include.members(['constructor', 'prototype']);
    expect(summary.counts['constructor']).to.equal(1);
    expect(Object.keys(parent.state.writes)).to.include.members(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(parent.state.reactions['wish-2'])).to.equal(null);
    // A retry of the key `__proto__` is that same write again, not the prototype.
    expect(await parent.setReaction({ id: '__proto__', targetId: 'wish-2', reaction: 'constructor', on: true })).to.deep.equal(summary);
  });
});
