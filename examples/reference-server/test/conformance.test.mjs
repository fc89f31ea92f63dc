// The adapter conformance kit (@samen/widgets/testing) against HttpAdapter talking to this
// server: the same checks MemoryAdapter and LocalAdapter pass in the browser tests.
// Needs `npm run build` (imports dist/). One server for the file; the kit's checks are
// relative to a read before each write, so data may accumulate between tests.
import { createServer } from 'node:http';
import { after, describe, it } from 'node:test';
import { HttpAdapter } from '../../../dist/adapters/http-adapter.js';
import { defineAdapterConformance, defineAuthorizationConformance } from '../../../dist/testing/index.js';
import { DEMO_AUTHORIZATION_FIXTURES, demoAuthorizationViewers } from '../../../dist/adapters/demo-data.js';
import { createReferenceServer } from '../server.mjs';
import './helpers.mjs'; // SAMEN_PGLITE_TEMPLATE's default: new PGlite stores skip initdb

let running;
function server() {
  running ??= (async () => {
    const api = await createReferenceServer({ dataDir: ':memory:', heartbeatMs: 100, log: () => {} });
    const http = createServer(api.handle);
    await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${http.address().port}/api`;
    // The widgets run on a page this server serves, and take http: media URLs of the page's own
    // origin only (src/core/safe-url.ts); Node has no page, so the kit checks as that page would.
    globalThis.location = /** @type {Location} */ ({ origin: new URL(base).origin });
    return { api, http, base };
  })();
  return running;
}

after(async () => {
  if (!running) return;
  const { api, http } = await running;
  await api.close();
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
});

const adapters = [];
after(() => adapters.forEach((a) => a.dispose()));

defineAdapterConformance({
  name: 'HttpAdapter → reference server',
  describe,
  it,
  fixtures: {
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
  },
  // The event stream connects after subscribe() returns, once the subscriptions settle
  // (HttpAdapter's streamDelayMs, 300 ms) and the reads on their way are answered.
  liveUpdates: { settle: 1500 },
  setup: async () => {
    const { base } = await server();
    const as = (token) => {
      const adapter = new HttpAdapter({ baseUrl: base, getToken: () => token, retries: 0, timeoutMs: 5000 });
      adapters.push(adapter);
      return adapter;
    };
    return { parent: as('parent-1'), otherParent: as('parent-2'), teacher: as('teacher-1') };
  },
});

// The authorization suite a vendor runs against their backend (docs/conformance.md), here over
// HTTP against this server, signed in as the seeded school's people (src/adapters/demo-data.ts),
// with a token that expired a minute ago as the expired session.
defineAuthorizationConformance({
  name: 'HttpAdapter → reference server',
  describe,
  it,
  fixtures: DEMO_AUTHORIZATION_FIXTURES,
  careCoordinator: { classes: ['A', 'B'] },
  schoolLeader: { classes: ['A', 'B'] },
  setup: async () => {
    const { api, base } = await server();
    const as = (token) => {
      const adapter = new HttpAdapter({ baseUrl: base, getToken: () => token, retries: 0, timeoutMs: 5000 });
      adapters.push(adapter);
      return adapter;
    };
    const expired = await api.issueToken('parent-1', { expiresAt: new Date(Date.now() - 60_000) });
    return { ...demoAuthorizationViewers(as), expired: as(expired) };
  },
});

// With households (issue 24): family A is the demo's Familie El Amrani at two addresses (parent-5
// at fam-03-1, parent-6 at fam-03-2, migrations/011_households.sql); a thread with one address is
// checked as that address's alone, as test/conformance/authorization-households.test.ts does on
// the MemoryAdapter.
defineAuthorizationConformance({
  name: 'HttpAdapter → reference server, with households',
  describe,
  it,
  ports: ['clip'],
  childLogin: false,
  fixtures: {
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
  },
  setup: async () => {
    const { api, base } = await server();
    const as = (token) => {
      const adapter = new HttpAdapter({ baseUrl: base, getToken: () => token, retries: 0, timeoutMs: 5000 });
      adapters.push(adapter);
      return adapter;
    };
    const expired = await api.issueToken('parent-5', { expiresAt: new Date(Date.now() - 60_000) });
    return {
      parentA: as('parent-5'),
      parentA2: as('parent-6'),
      parentB: as('parent-3'),
      teacherA: as('teacher-1'),
      teacherB: as('teacher-2'),
      expired: as(expired),
    };
  },
});

// Households (issue 24) over HTTP: parent-5 and a second carer at the same address (fam-03-1,
// added here as parent-5b) read and replace one answer; parent-6 at the family's second address
// (fam-03-2) has its own (migrations/019_answers_per_household.sql); so with a meeting's reply (issue 26).
defineAdapterConformance({
  name: 'HttpAdapter → reference server, with households',
  describe,
  it,
  ports: ['clip', 'meeting'],
  fixtures: { clipId: 'wish-2', classId: 'groep6-wish', unknownId: 'conformance-unknown', meetingId: 'wish-conversation' },
  liveUpdates: { settle: 1500 },
  setup: async () => {
    const { api, base } = await server();
    await api.db.query(
      "insert into viewers (id, role, school_id, household_id, address_id, name) select 'parent-5b', role, school_id, household_id, address_id, name from viewers where id = 'parent-5' on conflict do nothing",
    );
    await api.db.query(
      "insert into viewer_classes (viewer_id, class_id, position) select 'parent-5b', class_id, position from viewer_classes where viewer_id = 'parent-5' on conflict do nothing",
    );
    const as = (token) => {
      const adapter = new HttpAdapter({ baseUrl: base, getToken: () => token, retries: 0, timeoutMs: 5000 });
      adapters.push(adapter);
      return adapter;
    };
    return { parent: as('parent-5'), otherParent: as('parent-6'), sameHousehold: as('parent-5b'), teacher: as('teacher-1') };
  },
});
