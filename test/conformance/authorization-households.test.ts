/**
 * The authorization suite with households (issue 24): family A lives at two addresses (the demo's
 * Familie El Amrani: parent-5 at fam-03-1, parent-6 at fam-03-2). A thread with one address is
 * that address's alone: the suite checks it for each parent and address, the MemoryAdapter keeps
 * it, and a backend that ignores the household fails exactly those checks.
 */
import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import type { SamenAdapter } from '../../src/core/adapter.js';
import { defineAuthorizationConformance, type AuthorizationFixtures, type AuthorizationViewers } from '../../src/testing/index.js';

const fixtures: AuthorizationFixtures = {
  classA: 'groep6-wish',
  classB: 'groep7-pbs',
  clipA: 'wish-2',
  clipB: 'pbs-1',
  classChartA: 'class-wish',
  classChartB: 'class-groep7',
  personalChartA: 'personal-child-1',
  childA: 'child-3',
  childB: 'child-2',
  schoolMatrix: 'matrix-school',
  homeMatrixA: 'matrix-home-fam-01',
  familyA: 'fam-03',
  familyB: 'fam-02',
  householdA1: 'fam-03-1',
  householdA2: 'fam-03-2',
};

function viewers(change: (a: SamenAdapter, viewerId: string) => SamenAdapter = (a) => a): AuthorizationViewers<'clip'> {
  const memory = new MemoryAdapter({ locale: 'en' });
  const as = (viewerId: string) => change(memory.forViewer(viewerId), viewerId) as AuthorizationViewers<'clip'>['parentA'];
  return {
    parentA: as('parent-5'),
    parentA2: as('parent-6'),
    parentB: as('parent-3'),
    teacherA: as('teacher-1'),
    teacherB: as('teacher-2'),
    expired: as('signed-out-session'),
  };
}

/** The suite's checks by title, each run on fresh viewers from `setup`. */
function collect(setup: () => AuthorizationViewers<'clip'>): Map<string, () => Promise<void>> {
  const tests = new Map<string, () => Promise<void>>();
  const path: string[] = [];
  defineAuthorizationConformance({
    name: 'MemoryAdapter with households',
    ports: ['clip'],
    childLogin: false,
    fixtures,
    describe: (name, fn) => {
      path.push(name);
      fn();
      path.pop();
    },
    it: (name, fn) => void tests.set([...path.slice(1), name].join(' > '), fn),
    setup: async () => setup(),
  });
  return tests;
}

async function failures(tests: Map<string, () => Promise<void>>, filter: (title: string) => boolean): Promise<string[]> {
  const failed: string[] = [];
  for (const [title, run] of tests) {
    if (!filter(title)) continue;
    try {
      await run();
    } catch {
      failed.push(title);
    }
  }
  return failed;
}

const householdThread = (title: string) => title.includes('address’s thread');

describe('authorization suite: households (issue 24)', () => {
  it('names a check per parent and address: the other address is denied, the own one allowed, the teacher allowed', () => {
    const titles = [...collect(() => viewers()).keys()].filter(householdThread);
    expect(titles).to.include(
      'thread.read (getThread) > parent A at the second address · other (family A’s first address’s thread about clip A) → denied',
    );
    expect(titles).to.include('thread.read (getThread) > parent A · other (family A’s second address’s thread about clip A) → denied');
    expect(titles).to.include(
      'thread.write (addThreadMessage) > parent A · own (family A’s first address’s thread about clip A) → allowed',
    );
    expect(titles).to.include('thread.read (getThread) > teacher A · own (family A’s second address’s thread about clip A) → allowed');
    expect(titles).to.include('thread.read (getThread) > parent B · other (family A’s first address’s thread about clip A) → denied');
    // 2 probes × 2 addresses × 5 people (parents A, A2, B; teachers A, B).
    expect(titles).to.have.length(20);
  });

  it('the MemoryAdapter passes every check of the clip port with households', async () => {
    const tests = collect(() => viewers());
    expect(await failures(tests, () => true)).to.deep.equal([]);
  });

  it('a backend that gives the other address the thread (it ignores householdId) fails the household checks', async () => {
    // The second address's carer is served the family's thread whatever household the key names.
    const ignoring = (adapter: SamenAdapter, viewerId: string): SamenAdapter =>
      viewerId !== 'parent-6'
        ? adapter
        : Object.assign(Object.create(adapter) as SamenAdapter, {
            getThread: (key: Parameters<NonNullable<SamenAdapter['getThread']>>[0]) =>
              adapter.getThread!({ about: key.about, familyId: key.familyId }),
          });
    const failed = await failures(
      collect(() => viewers(ignoring)),
      (title) => title.startsWith('thread.read'),
    );
    expect(failed).to.deep.equal([
      'thread.read (getThread) > parent A at the second address · other (family A’s first address’s thread about clip A) → denied',
    ]);
  });
});
