/**
 * Bench page for our five widgets: one MemoryAdapter (latency 0) shared by a parent and a
 * teacher provider, with the scenario data (30 personal charts, a 5 × 8 matrix, a class of
 * 32 check-ins) added to its state. Built from src/ by bench/runtime/build.mjs.
 */
import { withDemoUrls } from '../../src/adapters/illustrations.ts';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.ts';
import { MATRIX_LIMITS } from '../../src/expectation-matrix/schemas.ts';
// Every element defined, as a host that imports the package does.
import '../../src/index.ts';
import { WIDGETS, sampleAttributes } from '../../scripts/widgets.mjs';
import { installHarness } from './harness.js';

// Every page load starts from the same storage, so every run does the same work: no drafts,
// and lesson 2 already seen by this parent. Otherwise the first card on screen marks it seen,
// and that write reloads every other copy of the clip (they all listen to `clip:wish-2`) —
// a fan-out that only this benchmark's N copies of one clip have. The feed and the
// 'lesson-clip-unseen' scenario keep it.
localStorage.clear();
localStorage.setItem('samen:seen:parent-1:wish-2', '1');

const adapter = new MemoryAdapter({ latency: 0 });
const teacher = adapter.forViewer('teacher-1');
const { state } = adapter;
const DAY = 86_400_000;
const daysAgo = (days, hour = 9) => {
  const d = new Date(Date.now() - days * DAY);
  d.setHours(hour, 0, 0, 0);
  return d.toISOString();
};

// 30 personal sticker charts for a teacher's overview, as test/reward-chart/thirty-charts.test.ts.
const template = state.charts['personal-child-1'];
const personalIds = Array.from({ length: 30 }, (_, i) => `personal-bench-${i + 1}`);
personalIds.forEach((id, i) => {
  state.charts[id] = { ...structuredClone(template), id, childName: `Kind ${i + 1}` };
});

// The class chart starts at 10 of 50, so a run of award taps never reaches the goal
// (the award buttons make way for "redeem" there).
state.charts['class-wish'].awards = state.charts['class-wish'].awards.slice(0, 10);

// The largest matrix an editor may save: 5 values × 8 locations × 3 expectations per cell.
const { values: V, locations: L, perCell: P } = MATRIX_LIMITS;
const PICTOGRAMS = ['🛡️', '🤝', '⭐', '💬', '🌱', '🏫', '🚶', '⚽', '🚻', '🤸', '🍽️', '🚌', '📚'];
const matrixValues = Array.from({ length: V }, (_, v) => ({ id: `value-${v + 1}`, label: `Waarde ${v + 1}`, pictogram: PICTOGRAMS[v] }));
const matrixLocations = Array.from({ length: L }, (_, l) => ({ id: `loc-${l + 1}`, label: `Plek ${l + 1}`, pictogram: PICTOGRAMS[V + l] }));
const cells = {};
for (const value of matrixValues) {
  for (const location of matrixLocations) {
    cells[`${value.id}/${location.id}`] = Array.from({ length: P }, (_, k) => ({
      id: `exp-${value.id}-${location.id}-${k + 1}`,
      text: `Ik laat zien wat ${value.label.toLowerCase()} betekent in ${location.label.toLowerCase()} (${k + 1})`,
    }));
  }
}
state.matrices['matrix-bench-5x8'] = {
  id: 'matrix-bench-5x8',
  kind: 'school',
  schoolId: 'school-regenboog', // the demo school's, so its parents may read it (src/core/policy.ts)
  version: 1,
  title: 'Onze afspraken: de volledige matrix',
  values: matrixValues,
  locations: matrixLocations,
  cells,
  focus: {
    valueId: 'value-2',
    locationId: 'loc-3',
    expectationId: 'exp-value-2-loc-3-1',
    why: 'Zo blijft het rustig.',
    homeTip: 'Oefen het thuis ook.',
  },
};

// A class of 32 with this week's check-ins (one child with a signal), for the teacher overview.
const FEELING_CYCLE = ['happy', 'calm', 'proud', 'tired', 'happy', 'nervous', 'calm', 'sad', 'angry', 'happy', 'scared'];
const classChildren = Array.from({ length: 32 }, (_, i) => `bench-child-${i + 1}`);
state.classes['bench-class-32'] = classChildren;
state.viewers.find((v) => v.id === 'teacher-1').classIds.push('bench-class-32');
classChildren.forEach((childId, c) => {
  for (let day = 0; day < 6; day++) {
    if ((c + day) % 7 === 3) continue; // some days a child skips the check-in
    const signal = c === 4 && day !== 1 && day < 4;
    state.checkins.push({
      id: `checkin:${childId}:school:bench-${day}`,
      childId,
      childName: `Kind ${c + 1}`,
      feeling: signal ? 'sad' : FEELING_CYCLE[(c * 3 + day) % FEELING_CYCLE.length],
      strength: signal ? 5 : 1 + ((c + day) % 4),
      context: 'school',
      createdAt: daysAgo(day),
    });
  }
});

// The demo adapter draws its pictures on the device the first time a card asks (an SVG and a
// blob: URL each, ~15 ms for the seeded clips): a vendor's adapter has URLs already. Drawn here,
// before any timing, so the first cards on screen are not charged for the demo's pictures.
withDemoUrls(state.clips);

document.getElementById('parent').adapter = adapter;
document.getElementById('teacher').adapter = teacher;

// The eight WIsH lessons and two Kanjertraining ones: the demo parent's classes (groep 7's clip is not theirs).
const clipIds = Object.keys(state.clips).filter((id) => /^(wish|kanjer)-/.test(id));

// The widget's loading state is gone: its card is there and nothing in it is busy.
// A card more than a screen below waits, showing its placeholder, until it comes near (issue 23): that is what a reader sees of it.
const loaded = (/** @type {any} */ el) =>
  !!el.shadowRoot?.querySelector('[part~="base"]') &&
  (!el.shadowRoot.querySelector('[aria-busy="true"]') || (el.loading === 'lazy' && el.getBoundingClientRect().top > 2 * innerHeight));

installHarness({
  kinds: {
    // Each widget a parent sees, as the brief measures them: parent view, the widget catalogue's
    // sample (scripts/widgets.mjs: the seeded ids the tests render too), loading="lazy" as a
    // host's feed of many cards sets it.
    ...Object.fromEntries(
      WIDGETS.filter((w) => w.views.includes('parent')).map((w) => [
        w.tag,
        { tag: w.tag, attrs: () => ({ ...sampleAttributes(w.tag, 'parent'), loading: 'lazy' }) },
      ]),
    ),
    // Scenarios.
    'lesson-clip-unseen': { tag: 'samen-lesson-clip', attrs: () => ({ 'clip-id': 'wish-3', view: 'parent' }), settle: true },
    'lesson-clip-feed': {
      tag: 'samen-lesson-clip',
      attrs: (i) => ({ 'clip-id': clipIds[i % clipIds.length], view: 'parent', loading: 'lazy' }),
      settle: true,
    },
    // The same feed as the parent sees its first screen (issue 23): the cards on the screen
    // loaded, the ones below it showing their placeholder (they load as the parent scrolls).
    'lesson-clip-feed-first-screen': {
      tag: 'samen-lesson-clip',
      attrs: (i) => ({ 'clip-id': clipIds[i % clipIds.length], view: 'parent', loading: 'lazy' }),
      loaded: (el) => (el.getBoundingClientRect().top >= innerHeight ? !!el.shadowRoot?.querySelector('[part~="base"]') : loaded(el)),
      // A card on the screen shows its words: its title (its reactions may still show their placeholder).
      shown: (el) => !!el.shadowRoot?.querySelector('[part~="title"]')?.textContent?.trim(),
    },
    'personal-charts-teacher': {
      tag: 'samen-reward-chart',
      stage: 'teacher',
      attrs: (i) => ({ 'chart-id': personalIds[i % personalIds.length], view: 'teacher' }),
    },
    'matrix-5x8': { tag: 'samen-expectation-matrix', attrs: () => ({ 'matrix-id': 'matrix-bench-5x8', view: 'parent' }) },
    'class-checkins-32': {
      tag: 'samen-feelings-checkin',
      stage: 'teacher',
      attrs: () => ({ 'class-id': 'bench-class-32', view: 'teacher' }),
    },
    // The teacher's composer for a new clip (the shipped lesson library, the teacher's classes).
    'clip-composer-teacher': { tag: 'samen-clip-composer', stage: 'teacher' },
    // Interactions.
    'class-chart-teacher': { tag: 'samen-reward-chart', stage: 'teacher', attrs: () => ({ 'chart-id': 'class-wish', view: 'teacher' }) },
  },
  loaded,
  activity: () => adapter.calls.length + teacher.calls.length,
  failed: (el) =>
    el.shadowRoot?.querySelector('[part~="error"]')
      ? el.shadowRoot.querySelector('[part~="error"]').textContent.trim().replace(/\s+/g, ' ')
      : undefined,
});

// Memory: what the adapter keeps per call is not the widgets' doing, so the bench can set it aside.
Object.assign(window, { benchAdapter: adapter, benchTeacher: teacher });
