/**
 * The authorization suite against the MemoryAdapter, signed in as the people of the seeded demo
 * school (src/adapters/demo-data.ts): two families in groep 6 (parent-1 and parent-3), Noor's
 * own login, the groep 6 and groep 7 teachers, the care coordinator and the school leader, and
 * a session nobody has. A vendor's run looks the same with their adapter and ids.
 */
import { DEMO_AUTHORIZATION_FIXTURES, demoAuthorizationViewers } from '../../src/adapters/demo-data.js';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { defineAuthorizationConformance, type AuthorizationFixtures } from '../../src/testing/index.js';

const fixtures: AuthorizationFixtures = DEMO_AUTHORIZATION_FIXTURES;

defineAuthorizationConformance({
  name: 'MemoryAdapter',
  describe,
  it,
  fixtures,
  // Both see every class of the demo school.
  careCoordinator: { classes: ['A', 'B'] },
  schoolLeader: { classes: ['A', 'B'] },
  setup: async () => {
    const memory = new MemoryAdapter({ locale: 'en' });
    return {
      ...demoAuthorizationViewers((viewerId) => memory.forViewer(viewerId)),
      expired: memory.forViewer('signed-out-session'),
    };
  },
});
