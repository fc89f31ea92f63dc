/**
 * The conformance kit against the adapters that ship with Samen. A vendor's own run looks
 * the same: their adapter in `setup`, their ids in `fixtures` (see docs/conformance.md).
 */
import { BridgeAdapter } from '../../src/adapters/bridge-adapter.js';
import { serveBridge } from '../../src/adapters/bridge-host.js';
import { LocalAdapter } from '../../src/adapters/local-adapter.js';
import { createDemoState } from '../../src/adapters/demo-data.js';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { newId, type AdapterFor } from '../../src/core/adapter.js';
import { defineAdapterConformance, type ConformanceFixtures } from '../../src/testing/index.js';

/** Ids in the seeded demo data (src/adapters/demo-data.ts). */
const fixtures: ConformanceFixtures = {
  clipId: 'wish-2',
  targetId: 'wish-2',
  classChartId: 'class-wish',
  personalChartId: 'personal-child-1',
  childId: 'child-1',
  otherChildId: 'child-7',
  classId: 'groep6-wish',
  matrixId: 'matrix-school',
  homeMatrixId: 'matrix-home-fam-01',
  evaluationId: 'eval-wish-after',
  unknownId: 'conformance-unknown',
  meetingId: 'wish-conversation',
  introId: 'wish-intro',
};

defineAdapterConformance({
  name: 'MemoryAdapter',
  describe,
  it,
  fixtures,
  setup: async () => {
    const parent = new MemoryAdapter({ locale: 'en' });
    return { parent, otherParent: parent.forViewer('parent-2'), teacher: parent.forViewer('teacher-1') };
  },
});

defineAdapterConformance({
  name: 'LocalAdapter',
  describe,
  it,
  fixtures,
  setup: async () => {
    // A database of its own per test, so every test starts from the seed.
    const dbName = `samen-conformance-${newId()}`;
    const parent = new LocalAdapter({ locale: 'en', dbName });
    return {
      parent,
      otherParent: parent.forViewer('parent-2'),
      teacher: parent.forViewer('teacher-1'),
      cleanup: async () => {
        await parent.close();
        indexedDB.deleteDatabase(dbName);
      },
    };
  },
});

defineAdapterConformance({
  name: 'BridgeAdapter (the parent over postMessage)',
  describe,
  it,
  fixtures,
  // Subscriptions travel as messages to the host before they take effect.
  liveUpdates: { settle: 50 },
  setup: async () => {
    // One window plays both ends; the other viewers talk to the host's adapter directly,
    // since one window can serve only one bridge.
    const host = new MemoryAdapter({ locale: 'en' });
    const stop = serveBridge({ adapter: host, frame: window, origin: location.origin });
    const parent = new BridgeAdapter({ target: window, targetOrigin: location.origin, timeoutMs: 5000 });
    return {
      parent,
      otherParent: host.forViewer('parent-2'),
      teacher: host.forViewer('teacher-1'),
      cleanup: async () => {
        parent.dispose();
        stop();
      },
    };
  },
});

/** A vendor's adapter for the feedback bar only: the viewer, the feedback port and live updates. */
function feedbackOnly(backend: MemoryAdapter): AdapterFor<'feedback'> {
  return {
    getViewer: (options) => backend.getViewer(options),
    getReactions: (targetId, options) => backend.getReactions(targetId, options),
    setReaction: (input, options) => backend.setReaction(input, options),
    addReply: (input, options) => backend.addReply(input, options),
    subscribe: (topic, listener) => backend.subscribe(topic, listener),
  };
}

defineAdapterConformance({
  name: 'A feedback-only adapter',
  ports: ['feedback'],
  describe,
  it,
  fixtures: { targetId: 'host-post-1' },
  setup: async () => {
    const parent = new MemoryAdapter({ locale: 'en' });
    return {
      parent: feedbackOnly(parent),
      otherParent: feedbackOnly(parent.forViewer('parent-2')),
      teacher: feedbackOnly(parent.forViewer('teacher-1')),
    };
  },
});

// Households (issue 24): parent-5 and a second carer at the same address (fam-03-1) share one
// answer (and one reply to a meeting, issue 26); parent-6 at the family's second address (fam-03-2) has its own.
defineAdapterConformance({
  name: 'MemoryAdapter, with households',
  describe,
  it,
  ports: ['clip', 'meeting'],
  fixtures: { clipId: 'wish-2', classId: 'groep6-wish', unknownId: 'conformance-unknown', meetingId: 'wish-conversation' },
  setup: async () => {
    const state = createDemoState({ locale: 'en', seed: 7, now: new Date() });
    const first = state.viewers.find((v) => v.id === 'parent-5')!;
    state.viewers.push({ ...structuredClone(first), id: 'parent-5b' });
    const parent = new MemoryAdapter({ state, viewerId: 'parent-5' });
    return {
      parent,
      otherParent: parent.forViewer('parent-6'),
      sameHousehold: parent.forViewer('parent-5b'),
      teacher: parent.forViewer('teacher-1'),
    };
  },
});
