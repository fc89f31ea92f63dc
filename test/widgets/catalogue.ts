/**
 * The widget catalogue of the test suites (issues 19 and 20): scripts/widgets.mjs's rows (tag,
 * folder, define entry, adapter port, views, viewers, the attributes that load the demo data,
 * the story file), which stories, the bench and the security checks read too, each extended
 * with what only tests need: its define entry and story file imported, a sample rendered from
 * those attributes that loads real seed data from `new MemoryAdapter({ now: NOW, viewerId })`,
 * when it looks loaded, the live topic it follows with a way to change that data through the
 * adapter and to see the change in the widget's shadow DOM.
 *
 * A new widget is registered once: its row in scripts/widgets.mjs and its row here.
 * test/widgets/shared-suite.test.ts then runs the shared suite (accessible in every state,
 * keyboard, right to left, preview as parent, not connected, moved in the page, removed
 * mid-load, defined twice) for each of its views; test/widgets/catalogue.test.ts checks that
 * the two lists agree.
 */
import type { TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { sampleAttributes, widget, type Widget, type WidgetStories } from '../../scripts/widgets.mjs';

export type { Port } from '../../scripts/widgets.mjs';
export { WIDGET_SELECTOR, WIDGET_TAGS, WIDGETS } from '../../scripts/widgets.mjs';

/** Every behaviour of the shared suite, as named in the tests ("<tag> <view>: <behaviour>"). */
export const BEHAVIOURS = [
  'accessible when loaded',
  'accessible while loading',
  'accessible in the error state',
  'accessible when not connected',
  'Tab reaches the first control and shows a visible focus indicator',
  'reads right to left in a dir=rtl page',
  'reads right to left in Arabic',
  'preview as parent writes nothing',
  'not connected shows "Niet verbonden" and fires samen-error',
  'works with an adapter of only its port',
  'its port incomplete: not connected, naming the missing methods',
  'shows live updates',
  'moved in the page keeps live updates',
  'removed mid-load: no error, and loads when added again',
  'defined twice: importing the define entry again does not throw',
  'every action by keyboard keeps focus inside the widget',
] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

/** A behaviour that fails today because of a known bug being fixed elsewhere: the suite skips it. */
export interface KnownBroken {
  behaviour: Behaviour;
  /** Only these views (default: every view of the row). */
  views?: readonly string[];
  /** Why, with the issue: shown in the skipped test's title. */
  reason: string;
}

export interface SampleOptions {
  /** The `preview` attribute (read-only, what the teacher's "Preview as parent" switch renders). */
  preview?: boolean;
}

export interface LiveSpec {
  /** The topic the widget subscribes to in this view. */
  topic: (view: string) => string;
  /** Changes the data under that topic through the adapter (as the right viewer, on the same store). */
  change: (adapter: MemoryAdapter, view: string) => Promise<unknown>;
  /** Whether the widget shows the change (false before `change`, true after). */
  shows: (el: HTMLElement, view: string) => boolean;
}

/** The widget's Storybook stories (scripts/widgets.mjs's), for the suites that render them. */
export interface StoriesSpec extends WidgetStories {
  /** Imports the story file. */
  load: () => Promise<Record<string, unknown>>;
}

/** A row of scripts/widgets.mjs (tag, folder, entry, port, views, viewers, sample attributes, stories), and what tests need. */
export interface WidgetRow extends Widget {
  /** Imports the define entry (the same module instance every time). */
  define: () => Promise<unknown>;
  /** The widget in `view`, with the attributes that load seed data (scripts/widgets.mjs). */
  sample: (view: string, options?: SampleOptions) => TemplateResult;
  /** Whether the loaded card shows the sample's seed data (Dutch). */
  looksLoaded: (el: HTMLElement, view: string) => boolean;
  /** Live updates; a widget without any has none. */
  live?: LiveSpec;
  /**
   * Opens the teacher's "Preview as parent" and returns the element that shows it. Default: the
   * `preview-toggle` switch, then the `[preview]` widget it shows.
   */
  openPreview?: (el: HTMLElement) => Promise<HTMLElement>;
  knownBroken?: readonly KnownBroken[];
  /** Optional port methods a view needs besides its port's (the class board's `getClassBoard`, issue 24). */
  viewMethods?: Readonly<Record<string, readonly string[]>>;
  /** Views whose only control, where the device has a voice, is read-aloud (the class board): the keyboard check gives the page a voice. */
  speaks?: readonly string[];
  stories: StoriesSpec;
}

/** Text the live changes write, so the widget shows something no seed has. */
export const LIVE_TEXT = 'Live uit de catalogus: samen geoefend';

let writes = 0;
/** A fresh idempotency key for a write a test makes. */
export const writeId = (): string => `catalogue-write-${Date.now()}-${++writes}`;

const $ = (el: HTMLElement, selector: string): HTMLElement | null => el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const text = (el: HTMLElement): string => el.shadowRoot?.textContent ?? '';

/** `2026-12-06T10:00:00+01:00`: the device's own offset, as the feelings check-in sends it. */
function isoWithOffset(date: Date): string {
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${offset >= 0 ? '+' : '-'}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

/** Seeded "now", as test/helpers/fixtures.ts: seeded data and relative dates are the same on every run. */
export const NOW = new Date('2026-11-20T10:00:00Z');

/** The reason to give for a widget that stops its live updates when moved in the page (issue 19). */
export const ISSUE_19_MOVE = 'issue 19: moved in the page, the widget drops its live subscription and never subscribes again';

const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Renders `tag` in a view with scripts/widgets.mjs's sample attributes, and `preview` when asked. */
function sampleOf(tag: string): WidgetRow['sample'] {
  const name = unsafeStatic(tag);
  return (view, { preview = false } = {}) => {
    const attributes = Object.entries(sampleAttributes(tag, view))
      .map(([attribute, value]) => `${attribute}="${escapeAttribute(value)}"`)
      .join(' ');
    return staticHtml`<${name} ${unsafeStatic(attributes)} ?preview=${preview}></${name}>`;
  };
}

export const CATALOGUE: readonly WidgetRow[] = [
  {
    ...widget('samen-lesson-clip'),
    stories: { ...widget('samen-lesson-clip').stories, load: () => import('../../stories/lesson-clip.stories.js') },
    define: () => import('../../src/define/samen-lesson-clip.js'),
    sample: sampleOf('samen-lesson-clip'),
    looksLoaded: (el, view) =>
      $(el, '[part~="title"]')?.textContent?.trim() === 'Wie ben ik?' && (view !== 'child' || !!$(el, '[part~="board"] .figure')),
    viewMethods: { child: ['getClassBoard'] },
    speaks: ['child'],
    live: {
      topic: () => 'clip:wish-2',
      // Parent 1's own answer: their card shows it, the teacher's reach lists it, the class board too (shared with the class).
      change: (adapter) =>
        adapter
          .forViewer('parent-1')
          .saveHomeAnswer({ id: writeId(), clipId: 'wish-2', kind: 'text', text: LIVE_TEXT, shareWithClass: true }),
      shows: (el) => text(el).includes(LIVE_TEXT),
    },
  },
  {
    ...widget('samen-feedback-bar'),
    stories: { ...widget('samen-feedback-bar').stories, load: () => import('../../stories/feedback-bar.stories.js') },
    define: () => import('../../src/define/samen-feedback-bar.js'),
    sample: sampleOf('samen-feedback-bar'),
    looksLoaded: (el, view) =>
      view === 'teacher' ? !!$(el, 'ul.counts [part~="reaction"]') : !!$(el, '[role="toolbar"] [part~="reaction"]'),
    live: {
      topic: () => 'reactions:host-post-1',
      // Parent 1's reply: their own bar lists their family's replies, the teacher's lists all.
      change: (adapter) => adapter.forViewer('parent-1').addReply({ id: writeId(), targetId: 'host-post-1', text: LIVE_TEXT }),
      shows: (el) => text(el).includes(LIVE_TEXT),
    },
  },
  {
    ...widget('samen-reward-chart'),
    stories: { ...widget('samen-reward-chart').stories, load: () => import('../../stories/reward-chart.stories.js') },
    define: () => import('../../src/define/samen-reward-chart.js'),
    sample: sampleOf('samen-reward-chart'),
    looksLoaded: (el) => $(el, '[part~="title"]')?.textContent?.trim() === 'Ik wacht op mijn beurt',
    live: {
      topic: () => 'chart:personal-child-1',
      // The teacher gives a sticker with a reason: the chart lists it.
      change: (adapter) =>
        adapter.forViewer('teacher-1').award({ id: writeId(), chartId: 'personal-child-1', expectationId: 'p1', reason: LIVE_TEXT }),
      shows: (el) => ($(el, '[part~="stickers"]')?.textContent ?? '').includes(LIVE_TEXT),
    },
  },
  {
    ...widget('samen-feelings-checkin'),
    stories: { ...widget('samen-feelings-checkin').stories, load: () => import('../../stories/feelings-checkin.stories.js') },
    define: () => import('../../src/define/samen-feelings-checkin.js'),
    sample: sampleOf('samen-feelings-checkin'),
    looksLoaded: (el, view) => (view === 'teacher' ? !!$(el, '[part~="overview"]') : !!$(el, '[part~="feelings"] input[type="radio"]')),
    live: {
      topic: (view) => (view === 'teacher' ? 'feelings:class:groep6-wish' : 'feelings:child-1'),
      // Noor's (child-1) check-in today, saved by her parent: the card shows today's feeling,
      // the class overview counts one check-in today (the seed's are all days before).
      change: (adapter) => {
        const now = new Date();
        const day = isoWithOffset(now).slice(0, 10);
        return adapter.forViewer('parent-1').saveCheckin({
          id: writeId(),
          checkinId: `checkin:child-1:home:${day}`,
          childId: 'child-1',
          feeling: 'proud',
          strength: 5,
          context: 'home',
          createdAt: isoWithOffset(now),
        });
      },
      shows: (el, view) =>
        view === 'teacher'
          ? [...(el.shadowRoot?.querySelectorAll('[part~="overview"] .count') ?? [])].reduce((sum, c) => sum + Number(c.textContent), 0) ===
            1
          : !!$(el, '.today'),
    },
  },
  {
    ...widget('samen-expectation-matrix'),
    stories: { ...widget('samen-expectation-matrix').stories, load: () => import('../../stories/expectation-matrix.stories.js') },
    define: () => import('../../src/define/samen-expectation-matrix.js'),
    sample: sampleOf('samen-expectation-matrix'),
    looksLoaded: (el) => $(el, '#heading')?.textContent?.trim() === 'Onze afspraken op De Regenboog',
    live: {
      topic: () => 'matrix:matrix-school',
      // The teacher renames the school's matrix.
      change: async (adapter) => {
        const teacher = adapter.forViewer('teacher-1');
        const matrix = await teacher.getExpectationMatrix('matrix-school');
        return teacher.saveExpectationMatrix({ id: writeId(), matrix: { ...matrix, title: LIVE_TEXT }, baseVersion: matrix.version });
      },
      shows: (el) => $(el, '#heading')?.textContent?.trim() === LIVE_TEXT,
    },
  },
  {
    ...widget('samen-clip-composer'),
    stories: { ...widget('samen-clip-composer').stories, load: () => import('../../stories/clip-composer.stories.js') },
    define: () => import('../../src/define/samen-clip-composer.js'),
    sample: sampleOf('samen-clip-composer'),
    looksLoaded: (el) => !!$(el, '[part~="form"] select#lesson'),
    // No live topic: the composer reads nothing that changes under it.
    // Its "Preview as parent" is its own preview button: the parent's card of the draft.
    openPreview: async (el) => {
      const lesson = $(el, 'select#lesson') as HTMLSelectElement;
      lesson.value = [...lesson.options].find((o) => o.value)!.value;
      lesson.dispatchEvent(new Event('change'));
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      $(el, '[part~="preview-button"]')!.click();
      for (let i = 0; i < 100; i++) {
        const card = el.shadowRoot!.querySelector<HTMLElement>('[part~="preview"] samen-lesson-clip');
        if (card) return card;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error('the composer shows no preview card');
    },
  },
  {
    ...widget('samen-programme-intro'),
    stories: { ...widget('samen-programme-intro').stories, load: () => import('../../stories/programme-intro.stories.js') },
    define: () => import('../../src/define/samen-programme-intro.js'),
    sample: sampleOf('samen-programme-intro'),
    looksLoaded: (el) => $(el, '[part~="title"]')?.textContent?.trim() === 'Welkom bij Kanjertraining' && !!$(el, '[part~="timeline"]'),
    live: {
      topic: () => 'intro:kanjer-intro',
      // The teacher posts lesson 3: the timeline moves on.
      change: (adapter) =>
        adapter.forViewer('teacher-1').publishLessonClip({
          id: writeId(),
          classId: 'groep5-kanjer',
          programme: 'kanjer',
          lessonNumber: 3,
          title: LIVE_TEXT,
          goal: '',
          learned: '',
          homeQuestion: '',
          homeActivity: '',
        }),
      shows: (el) => ($(el, '.where')?.textContent ?? '').includes('les 3 van 4'),
    },
  },
  {
    ...widget('samen-meeting'),
    stories: { ...widget('samen-meeting').stories, load: () => import('../../stories/meeting.stories.js') },
    define: () => import('../../src/define/samen-meeting.js'),
    sample: sampleOf('samen-meeting'),
    looksLoaded: (el, view) =>
      $(el, '[part~="title"]')?.textContent?.trim() === 'Gesprek met ouder, kind en juf' &&
      (view === 'teacher' ? !!$(el, '[part~="replies"]') : !!$(el, '[part~="rsvp"]')),
    live: {
      topic: () => 'meeting:wish-conversation',
      // Parent 1's household answers yes: their card shows the answer, the teacher's list names the family.
      change: (adapter) =>
        adapter.forViewer('parent-1').saveRsvp({ id: writeId(), meetingId: 'wish-conversation', answer: 'yes', people: 2 }),
      shows: (el, view) =>
        view === 'teacher' ? ($(el, '[part~="replies"]')?.textContent ?? '').includes('Familie Jansen') : !!$(el, '[part~="answer"]'),
    },
  },
  {
    ...widget('samen-programme-overview'),
    stories: { ...widget('samen-programme-overview').stories, load: () => import('../../stories/programme-overview.stories.js') },
    define: () => import('../../src/define/samen-programme-overview.js'),
    sample: sampleOf('samen-programme-overview'),
    looksLoaded: (el) => !!$(el, '[part~="table"] tbody tr td'),
    live: {
      topic: () => 'clip:wish-2',
      // Parent 1's family (which has done nothing yet in the seed) says they talked about lesson 2.
      change: (adapter) => adapter.forViewer('parent-1').saveHomeAnswer({ id: writeId(), clipId: 'wish-2', kind: 'talked' }),
      // The share of families that saw lesson 2 goes up by one from what the table first showed.
      shows: (el) => {
        const seen = Number(/^(\d+) van/.exec($(el, 'td[data-lessons="2"] .visually-hidden')?.textContent ?? '')?.[1]);
        if (!overviewBaseline.has(el)) overviewBaseline.set(el, seen);
        return seen === overviewBaseline.get(el)! + 1;
      },
    },
  },
  {
    ...widget('samen-evaluation'),
    stories: { ...widget('samen-evaluation').stories, load: () => import('../../stories/evaluation.stories.js') },
    define: () => import('../../src/define/samen-evaluation.js'),
    sample: sampleOf('samen-evaluation'),
    // The results and the school's own questions: staff only, optional methods of the port.
    viewMethods: { teacher: ['getEvaluationResults', 'saveEvaluation'] },
    looksLoaded: (el, view) =>
      $(el, '[part~="title"]')?.textContent?.trim() === 'WIsH, groep 6' &&
      (view === 'teacher' ? !!$(el, '[part~="results"]') : !!$(el, '[part~="form"]')),
    live: {
      topic: () => 'evaluation:eval-wish-after',
      // The parent (or the child) answers: their form thanks them; the teacher adds a question of the school's own.
      change: (adapter, view) =>
        view === 'teacher'
          ? adapter.forViewer('teacher-1').saveEvaluation({
              id: writeId(),
              evaluationId: 'eval-wish-after',
              programmeRunId: 'wish-groep6',
              phase: 'after',
              audiences: ['parent', 'child', 'teacher', 'trainer'],
              anonymous: true,
              questions: [{ id: 'live-q', kind: 'yes-no', text: LIVE_TEXT, audiences: ['parent'] }],
            })
          : adapter.forViewer(view === 'child' ? 'child-login-1' : 'parent-1').submitEvaluationResponse({
              id: writeId(),
              evaluationId: 'eval-wish-after',
              answers: [{ questionId: 'rating', value: '4' }].map((a) =>
                view === 'child' ? { questionId: 'child-liked', value: a.value } : a,
              ),
            }),
      shows: (el, view) =>
        view === 'teacher' ? ($(el, '[part~="editor"]')?.textContent ?? '').includes(LIVE_TEXT) : !!$(el, '[part~="thanks"]'),
    },
  },
];

/** What each programme overview first showed for lesson 2 (its live check compares with it). */
const overviewBaseline = new WeakMap<HTMLElement, number>();

/** The row of `tag`. */
export function rowOf(tag: string): WidgetRow {
  const row = CATALOGUE.find((r) => r.tag === tag);
  if (!row) throw new Error(`no catalogue row for ${tag}`);
  return row;
}

/** The known-broken entry for this behaviour in this view, if any. */
export function knownBroken(row: WidgetRow, view: string, behaviour: Behaviour): KnownBroken | undefined {
  return row.knownBroken?.find((k) => k.behaviour === behaviour && (!k.views || k.views.includes(view)));
}
