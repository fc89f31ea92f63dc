/**
 * The authorization suite against the MemoryAdapter, signed in as the people of the seeded demo
 * school (src/adapters/demo-data.ts): two families in groep 6 (parent-1 and parent-3), Noor's
 * own login, the groep 6 and groep 7 teachers, the care coordinator and the school leader, and
 * a session nobody has. A vendor's run looks the same with their adapter and ids.
 */
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { defineAuthorizationConformance, type AuthorizationFixtures } from '../../src/testing/index.js';

const fixtures: AuthorizationFixtures = {
  classA: 'groep6-wish',
  classB: 'groep7-pbs',
  clipA: 'wish-2',
  clipB: 'pbs-1',
  classChartA: 'class-wish',
  classChartB: 'class-groep7',
  personalChartA: 'personal-child-1',
  personalChartB: 'personal-g7child-1',
  childA: 'child-1',
  childB: 'child-2',
  schoolMatrix: 'matrix-school',
  otherSchoolMatrix: 'matrix-school-other',
  homeMatrixA: 'matrix-home-fam-01',
};

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
      parentA: memory.forViewer('parent-1'),
      parentB: memory.forViewer('parent-3'),
      childA: memory.forViewer('child-login-1'),
      teacherA: memory.forViewer('teacher-1'),
      teacherB: memory.forViewer('teacher-2'),
      careCoordinator: memory.forViewer('care-1'),
      schoolLeader: memory.forViewer('leader-1'),
      expired: memory.forViewer('signed-out-session'),
    };
  },
});
