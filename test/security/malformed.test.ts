/**
 * Malformed data, property-based (fast-check): for every read of every widget, generated
 * adapter answers that break the schema — a required field missing, a value of the wrong type,
 * NaN, negative or infinite counts, unknown enum values, huge arrays, deeply nested junk, or no
 * object at all. Each generated answer must give a clear outcome: a `samen-error` event, and
 * for a fatal one the translated error state (role=alert) instead of a card or a skeleton —
 * never an uncaught exception or a console error (Lit's included).
 */
import { expect } from '@open-wc/testing';
import { html, render, type TemplateResult } from 'lit';
import fc from 'fast-check';
import * as z from 'zod/mini';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-lesson-clip.js';
import '../../src/define/samen-feedback-bar.js';
import '../../src/define/samen-reward-chart.js';
import '../../src/define/samen-feelings-checkin.js';
import '../../src/define/samen-expectation-matrix.js';
import '../../src/define/samen-clip-composer.js';
import type { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import type { SamenClipComposer } from '../../src/clip-composer/clip-composer.js';
import { lessonTemplateSchema } from '../../src/clip-composer/programme-library.js';
import { parseLessonClip } from '../../src/lesson-clip/parse-clip.js';
import { programmeSchema, viewerSchema } from '../../src/core/schemas.js';
import { uploadedMediaSchema } from '../../src/clip-composer/schemas.js';
import { expectationMatrixSchema, successSchema } from '../../src/expectation-matrix/schemas.js';
import { reactionSummarySchema } from '../../src/feedback-bar/schemas.js';
import { checkinSchema } from '../../src/feelings-checkin/schemas.js';
import { clipReachSchema, homeAnswerSchema, lessonClipSchema, mediaSchema } from '../../src/lesson-clip/schemas.js';
import { rewardChartSchema } from '../../src/reward-chart/schemas.js';
import type { SamenErrorDetail } from '../../src/core/events.js';
import { memoryAdapter } from '../helpers/fixtures.js';
import { ScriptedAdapter, nextTask, tick, watchConsole, type Method } from '../helpers/hostile.js';

type Widget = HTMLElement & { updateComplete: Promise<boolean> };

interface Read {
  widget: string;
  method: Method;
  template: TemplateResult;
  viewer?: string;
  /** What the widget accepts, as a yes/no: the generated answer must be one it refuses. */
  accepts: (value: unknown) => boolean;
  /** A valid answer to start from. */
  base: (adapter: ScriptedAdapter) => Promise<unknown>;
}

const ok = (schema: z.ZodMiniType) => (value: unknown) => z.safeParse(schema, value).success;
const clipOk = (value: unknown) => {
  if (!ok(lessonClipSchema)(value)) return false;
  const clip = value as { programme: unknown; media?: unknown };
  return ok(programmeSchema)(clip.programme) && (clip.media === undefined || clip.media === null || ok(mediaSchema)(clip.media));
};

const clip = html`<samen-lesson-clip clip-id="wish-1" view="parent"></samen-lesson-clip>`;
const clipTeacher = html`<samen-lesson-clip clip-id="wish-2" view="teacher"></samen-lesson-clip>`;
const bar = html`<samen-feedback-bar target-id="wish-2" view="parent" allow-reply></samen-feedback-bar>`;
const chart = html`<samen-reward-chart chart-id="personal-child-1" view="parent"></samen-reward-chart>`;
const feelings = html`<samen-feelings-checkin child-id="child-1" view="parent"></samen-feelings-checkin>`;
const feelingsTeacher = html`<samen-feelings-checkin class-id="groep6-wish" view="teacher"></samen-feelings-checkin>`;
const matrix = html`<samen-expectation-matrix matrix-id="matrix-school" view="parent"></samen-expectation-matrix>`;
const matrixTeacher = html`<samen-expectation-matrix matrix-id="matrix-school" view="teacher"></samen-expectation-matrix>`;

const READS: Read[] = [
  { widget: 'lesson clip', method: 'getViewer', template: clip, accepts: ok(viewerSchema), base: (a) => a.base.getViewer() },
  { widget: 'lesson clip', method: 'getLessonClip', template: clip, accepts: clipOk, base: (a) => a.base.getLessonClip('wish-1') },
  {
    widget: 'lesson clip',
    method: 'getHomeAnswer',
    template: html`<samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip>`,
    accepts: (v) => v === null || ok(homeAnswerSchema)(v),
    base: async (a) =>
      (await a.base.getHomeAnswer('wish-2')) ?? {
        id: 'a1',
        clipId: 'wish-2',
        familyId: 'fam-01',
        kind: 'text',
        text: 'Ja',
        updatedAt: '2026-11-19T10:00:00Z',
      },
  },
  {
    widget: 'lesson clip (teacher)',
    method: 'getClipReach',
    template: clipTeacher,
    viewer: 'teacher-1',
    accepts: ok(clipReachSchema),
    base: (a) => a.base.getClipReach('wish-2'),
  },
  {
    widget: 'feedback bar',
    method: 'getReactions',
    template: bar,
    accepts: ok(reactionSummarySchema),
    base: (a) => a.base.getReactions('wish-2'),
  },
  {
    widget: 'reward chart',
    method: 'getRewardChart',
    template: chart,
    accepts: ok(rewardChartSchema),
    base: (a) => a.base.getRewardChart('personal-child-1'),
  },
  {
    widget: 'feelings check-in',
    method: 'getCheckins',
    template: feelings,
    accepts: ok(z.array(checkinSchema)),
    base: (a) => a.base.getCheckins({ childId: 'child-1' }),
  },
  {
    widget: 'feelings check-in (teacher)',
    method: 'getClassCheckins',
    template: feelingsTeacher,
    viewer: 'teacher-1',
    accepts: ok(z.array(checkinSchema)),
    base: async (a) => (await a.base.getClassCheckins({ classId: 'groep6-wish' })).slice(0, 6),
  },
  {
    widget: 'expectation matrix',
    method: 'getExpectationMatrix',
    template: matrix,
    accepts: ok(expectationMatrixSchema),
    base: (a) => a.base.getExpectationMatrix('matrix-school'),
  },
  {
    widget: 'expectation matrix (teacher)',
    method: 'getSuccesses',
    template: matrixTeacher,
    viewer: 'teacher-1',
    accepts: ok(z.array(successSchema)),
    base: async (a) => {
      const list = await a.base.getSuccesses({ matrixId: 'matrix-school' });
      return list.length ? list : [{ id: 's1', matrixId: 'matrix-school', text: 'Het lukte', createdAt: '2026-11-19T10:00:00Z' }];
    },
  },
];

// ------------------------------------------------------------------ what a broken host sends

type Path = (string | number)[];

/** Every field path of a value, down to `depth`, the first two items of each array. */
function pathsOf(value: unknown, depth = 5, prefix: Path = []): Path[] {
  if (depth === 0 || value === null || typeof value !== 'object') return [];
  const keys = Array.isArray(value) ? value.slice(0, 2).map((_, i) => i) : Object.keys(value);
  return keys.flatMap((k) => {
    const path = [...prefix, k];
    return [path, ...pathsOf((value as Record<string | number, unknown>)[k], depth - 1, path)];
  });
}

function deep(levels: number): unknown {
  let junk: unknown = { end: true };
  for (let i = 0; i < levels; i++) junk = i % 2 ? [junk] : { a: junk };
  return junk;
}

const HUGE = Array.from({ length: 50_000 }, (_, i) => ({ i, text: i }));

const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(Number.NaN, -1, -0.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, -2147483648),
  fc.constantFrom(
    null,
    true,
    false,
    '',
    '   ',
    'zzz-unknown',
    'not-a-date',
    '2026-13-45T99:99:99Z',
    'javascript:alert(1)',
    'http://evil.example/x.mp4',
  ),
  fc.constantFrom<unknown>([], {}, HUGE, deep(300), deep(3000), Symbol.for('x').description, () => 1),
  fc.integer({ min: -1000, max: -1 }),
  fc.string({ maxLength: 10 }),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }),
  fc.anything({
    maxDepth: 3,
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
  }),
);

type Mutation = { kind: 'delete'; path: Path } | { kind: 'set'; path: Path; value: unknown } | { kind: 'root'; value: unknown };

function mutations(base: unknown, values: fc.Arbitrary<unknown> = junk): fc.Arbitrary<Mutation> {
  const paths = pathsOf(base);
  const path = fc.constantFrom(...paths);
  return fc.oneof(
    { weight: 2, arbitrary: path.map((p) => ({ kind: 'delete' as const, path: p })) },
    { weight: 6, arbitrary: fc.tuple(path, values).map(([p, value]) => ({ kind: 'set' as const, path: p, value })) },
    { weight: 1, arbitrary: values.map((value) => ({ kind: 'root' as const, value })) },
  );
}

function apply(base: unknown, m: Mutation): unknown {
  if (m.kind === 'root') return m.value;
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node = copy;
  for (const key of m.path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = m.path[m.path.length - 1]!;
  if (m.kind === 'delete') {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = m.value;
  return copy;
}

const describeMutation = (m: Mutation) =>
  m.kind === 'root'
    ? `root = ${typeof m.value}`
    : `${m.kind} ${m.path.join('.')}${m.kind === 'set' ? ` = ${Array.isArray(m.value) ? `array(${m.value.length})` : typeof m.value}` : ''}`;

export const malformedStats = { cases: 0 };
const RUNS = 60;

describe('malformed adapter data (fast-check), every read of every widget', () => {
  const watch = watchConsole();
  after(() => watch.stop());
  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
  });

  for (const read of READS) {
    it(`${read.widget}: ${read.method} that breaks the schema gives a samen-error and a clear state`, async function () {
      this.timeout(30_000);
      const adapter = new ScriptedAdapter(memoryAdapter({ viewerId: read.viewer ?? 'parent-1' }));
      const base = await read.base(adapter);
      expect(read.accepts(base), 'the starting point is valid').to.equal(true);
      const host = document.createElement('div');
      host.style.inlineSize = '360px';
      document.body.append(host);
      try {
        await fc.assert(
          fc.asyncProperty(mutations(base), async (m) => {
            const value = apply(base, m);
            fc.pre(!read.accepts(value));
            malformedStats.cases += 1;
            adapter.patches = { [read.method]: () => value };
            const errors: SamenErrorDetail[] = [];
            const onError = (e: Event) => errors.push((e as CustomEvent<SamenErrorDetail>).detail);
            host.addEventListener('samen-error', onError);
            render(html`<samen-provider .adapter=${adapter} locale="nl">${read.template}</samen-provider>`, host);
            const el = host.querySelector<Widget>('samen-provider > *')!;
            try {
              for (let i = 0; i < 200 && !errors.length; i++) await (i < 50 ? nextTask() : tick(5));
              await el.updateComplete;
              const where = `${read.method}: ${describeMutation(m)}`;
              expect(errors.length, `samen-error for ${where}`).to.be.above(0);
              const root = el.shadowRoot!;
              expect(root.querySelector('[aria-busy="true"].card'), `not stuck loading: ${where}`).to.equal(null);
              if (errors.some((e) => e.fatal)) {
                const alert = root.querySelector('.state.error[role="alert"]');
                expect(alert, `error state for ${where}`).to.not.equal(null);
                expect(alert!.querySelector('h2')!.textContent.trim(), 'translated title').to.not.equal('');
              }
              expect(watch.problems, where).to.deep.equal([]);
            } finally {
              host.removeEventListener('samen-error', onError);
              render(html``, host);
            }
          }),
          { numRuns: RUNS, seed: 10, endOnFailure: true },
        );
      } finally {
        host.remove();
      }
    });
  }

  it('reports how many cases ran', () => {
    expect(malformedStats.cases).to.be.at.least(READS.length * RUNS);
    console.info(`[security] malformed data: ${malformedStats.cases} generated cases over ${READS.length} reads`);
  });
});

// ------------------------------------------------------------------ the teacher's clip composer

type Composer = SamenClipComposer & Widget;
const png = () => new File([new Uint8Array(64).fill(7)], 'klas.png', { type: 'image/png' });

/** Waits a while for a samen-error (or until `done`). */
async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await (i < 50 ? nextTask() : tick(5));
}

interface ComposerRead {
  method: 'getViewer' | 'getUploadedMedia' | 'uploadMedia' | 'publishLessonClip';
  accepts: (value: unknown) => boolean;
  base: (teacher: MemoryAdapter) => Promise<unknown>;
  /** Makes the composer read it: mounts it (or uses the one mounted), and acts as the teacher would. */
  trigger: (mount: () => Promise<Composer>) => Promise<Composer>;
  /** What the teacher sees instead, besides the samen-error. */
  shows: (root: ShadowRoot) => boolean;
  fatal: boolean;
}

const DRAFT_KEY = 'samen:composer:teacher-1';
let draftWithPhoto = '';
const rendered = (root: ShadowRoot) => !!root.querySelector('form') && !root.querySelector('.state.error');

const COMPOSER_READS: ComposerRead[] = [
  {
    method: 'getViewer',
    // A teacher with a class loads; a parent or a class-less teacher is "no access" (privacy.test.ts).
    accepts: (v) => ok(viewerSchema)(v) && (v as { role: string }).role === 'teacher' && !!(v as { classIds?: string[] }).classIds?.length,
    base: (teacher) => teacher.getViewer(),
    trigger: (mount) => mount(),
    shows: (root) => !!root.querySelector('.state.error[role="alert"] h2')?.textContent?.trim() && !root.querySelector('form'),
    fatal: true,
  },
  {
    method: 'getUploadedMedia',
    accepts: ok(uploadedMediaSchema),
    base: (teacher) => teacher.uploadMedia({ id: 'm-base', file: png(), name: 'klas.png', kind: 'photo' }),
    trigger: (mount) => {
      // A draft with a photo, as a reload finds it: the composer asks the adapter for the photo again.
      localStorage.setItem(DRAFT_KEY, draftWithPhoto);
      return mount();
    },
    shows: (root) =>
      rendered(root) &&
      !!root.querySelector('.refusals[role="alert"]')?.textContent?.includes('klas.png is niet meer beschikbaar') &&
      !root.querySelector('[part~="attached"]'),
    fatal: false,
  },
  {
    method: 'uploadMedia',
    accepts: ok(uploadedMediaSchema),
    base: (teacher) => teacher.uploadMedia({ id: 'm-base', file: png(), name: 'klas.png', kind: 'photo' }),
    trigger: async (mount) => {
      const el = await mount();
      el.addFiles([png()]);
      return el;
    },
    shows: (root) =>
      rendered(root) &&
      !!root.querySelector('.refusals[role="alert"]')?.textContent?.includes('klas.png kon niet worden geüpload') &&
      !root.querySelector('[part~="attached"], [part~="upload"]'),
    fatal: false,
  },
  {
    method: 'publishLessonClip',
    accepts: (v) => {
      try {
        parseLessonClip(v);
        return true;
      } catch {
        return false;
      }
    },
    base: (teacher) =>
      teacher.publishLessonClip({
        id: 'p-base',
        classId: 'groep6-wish',
        programme: 'wish',
        title: 'Wie ben ik?',
        homeQuestion: 'Noem samen drie dingen waar je kind goed in is.',
      }),
    trigger: async (mount) => {
      const el = await mount();
      const lesson = el.shadowRoot!.querySelector<HTMLSelectElement>('#lesson')!;
      lesson.value = 'wish-2';
      lesson.dispatchEvent(new Event('change'));
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLElement>('[part~="publish-button"]')!.click();
      return el;
    },
    shows: (root) =>
      rendered(root) &&
      !!root.querySelector('.problems[role="alert"]')?.textContent?.includes('Plaatsen is niet gelukt') &&
      root.querySelector<HTMLInputElement>('#title')?.value === 'Wie ben ik?',
    fatal: false,
  },
];

describe("malformed adapter data (fast-check): the clip composer's reads", () => {
  const watch = watchConsole();
  after(() => watch.stop());
  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
  });

  before(async () => {
    // The draft a reload finds: one photo, uploaded on the MemoryAdapter, its description filled in.
    const teacher = memoryAdapter({ viewerId: 'teacher-1' });
    const host = document.createElement('div');
    document.body.append(host);
    render(html`<samen-provider .adapter=${teacher} locale="nl"><samen-clip-composer></samen-clip-composer></samen-provider>`, host);
    const el = host.querySelector<Composer>('samen-clip-composer')!;
    await waitFor(() => !!el.shadowRoot?.querySelector('form'));
    el.addFiles([png()]);
    await waitFor(() => !!el.shadowRoot!.querySelector('[part~="attached"]'));
    draftWithPhoto = localStorage.getItem(DRAFT_KEY) ?? '';
    render(html``, host);
    host.remove();
    expect(JSON.parse(draftWithPhoto).media).to.have.length(1);
  });

  for (const read of COMPOSER_READS) {
    it(`${read.method} that breaks the schema gives a samen-error and a clear state`, async function () {
      this.timeout(40_000);
      const teacher = memoryAdapter({ viewerId: 'teacher-1' });
      const base = await read.base(teacher);
      expect(read.accepts(base), 'the starting point is valid').to.equal(true);
      const host = document.createElement('div');
      host.style.inlineSize = '360px';
      document.body.append(host);
      try {
        await fc.assert(
          fc.asyncProperty(mutations(base), async (m) => {
            const value = apply(base, m);
            fc.pre(!read.accepts(value));
            malformedStats.cases += 1;
            composerStats.cases += 1;
            const calls: string[] = [];
            const adapter = Object.assign(Object.create(teacher) as MemoryAdapter, {
              [read.method]: async () => (calls.push(read.method), structuredClone(value)),
            });
            const errors: SamenErrorDetail[] = [];
            const onError = (e: Event) => errors.push((e as CustomEvent<SamenErrorDetail>).detail);
            host.addEventListener('samen-error', onError);
            try {
              const el = await read.trigger(async () => {
                render(
                  html`<samen-provider .adapter=${adapter} locale="nl"><samen-clip-composer></samen-clip-composer></samen-provider>`,
                  host,
                );
                const composer = host.querySelector<Composer>('samen-clip-composer')!;
                if (read.method !== 'getViewer') await waitFor(() => !!composer.shadowRoot?.querySelector('form'));
                return composer;
              });
              await waitFor(() => errors.length > 0 && read.shows(el.shadowRoot!));
              await el.updateComplete;
              const where = `${read.method}: ${describeMutation(m)}`;
              expect(calls.length, `it read it: ${where}`).to.be.above(0);
              expect(
                errors.map((e) => e.fatal),
                `one samen-error for ${where}`,
              ).to.deep.equal([read.fatal]);
              expect(read.shows(el.shadowRoot!), `clear state for ${where}`).to.equal(true);
              expect(watch.problems, where).to.deep.equal([]);
            } finally {
              host.removeEventListener('samen-error', onError);
              render(html``, host);
              for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
            }
          }),
          { numRuns: RUNS, seed: 10, endOnFailure: true },
        );
      } finally {
        host.remove();
      }
    });
  }

  it("a school's library with malformed entries: the good ones show, the bad ones are left out with one samen-error that carries no values", async function () {
    this.timeout(40_000);
    const SENTINEL = `SENTINEL <img src=x onerror=__samenPwned('library')>`;
    const good = {
      id: 'eigen-les',
      programme: 'wish',
      lessonNumber: 9,
      title: { nl: 'Onze eigen les' },
      homeQuestion: { nl: 'Wat deden jullie?' },
    };
    const base = {
      id: 'school-les',
      programme: 'custom',
      lessonNumber: 1,
      programmeLabel: { nl: 'Ons programma' },
      title: { nl: 'Samen spelen' },
      goal: { nl: 'Je speelt samen.' },
      learned: { nl: 'Vandaag leerden we samen spelen.' },
      homeQuestion: { nl: 'Met wie speel jij?' },
      homeActivity: { nl: 'Speel samen een spel.' },
    };
    expect(ok(lessonTemplateSchema)(base) && ok(lessonTemplateSchema)(good), 'the starting points are valid').to.equal(true);
    const host = document.createElement('div');
    host.style.inlineSize = '360px';
    document.body.append(host);
    render(
      html`<samen-provider .adapter=${memoryAdapter({ viewerId: 'teacher-1' })} locale="nl"><samen-clip-composer></samen-clip-composer></samen-provider>`,
      host,
    );
    const el = host.querySelector<Composer>('samen-clip-composer')!;
    await waitFor(() => !!el.shadowRoot?.querySelector('form'));
    const errors: SamenErrorDetail[] = [];
    const onError = (e: Event) => errors.push((e as CustomEvent<SamenErrorDetail>).detail);
    host.addEventListener('samen-error', onError);
    const values = fc.oneof(junk, fc.constant(SENTINEL), fc.constant({ nl: SENTINEL, en: 42 }), fc.constant({ [SENTINEL]: 'tekst' }));
    try {
      await fc.assert(
        fc.asyncProperty(mutations(base, values), fc.boolean(), async (m, asRoot) => {
          const entry = apply(base, m);
          fc.pre(!ok(lessonTemplateSchema)(entry));
          malformedStats.cases += 1;
          composerStats.cases += 1;
          errors.length = 0;
          // The whole library malformed (not a list), or one bad entry beside a good one.
          const library = asRoot && !Array.isArray(entry) ? entry : [good, entry];
          el.library = library;
          await waitFor(() => errors.length > 0);
          await el.updateComplete;
          const where = `library${asRoot ? ' root' : ''}: ${describeMutation(m)}`;
          const root = el.shadowRoot!;
          expect(
            errors.map((e) => [e.kind, e.fatal]),
            `one samen-error for ${where}`,
          ).to.deep.equal([['invalid-data', false]]);
          const issues = errors[0]!.issues;
          expect(
            issues.every((i) => Object.keys(i).sort().join() === 'message,path'),
            `issues are paths and messages: ${where}`,
          ).to.equal(true);
          expect(JSON.stringify(issues), `no values in the issues: ${where}`).to.not.include('SENTINEL');
          expect(rendered(root), `still usable: ${where}`).to.equal(true);
          expect(root.querySelector('[part~="notice"]')?.textContent, `says so: ${where}`).to.include('weggelaten');
          const lessons = [...root.querySelectorAll('#lesson option')].map((o) => o.textContent ?? '');
          if (library !== entry) expect(lessons, `the good entry is there: ${where}`).to.include('Les 9: Onze eigen les');
          expect(lessons.join('\n'), `the bad entry is not: ${where}`).to.not.include('SENTINEL');
          expect(
            lessons.filter((l) => l.startsWith('Les ')),
            `the shipped lessons stay: ${where}`,
          ).to.have.length.at.least(8);
          expect(watch.problems, where).to.deep.equal([]);
        }),
        { numRuns: RUNS, seed: 10, endOnFailure: true },
      );
    } finally {
      host.removeEventListener('samen-error', onError);
      render(html``, host);
      host.remove();
    }
  });

  it('reports how many composer cases ran', () => {
    expect(composerStats.cases).to.be.at.least((COMPOSER_READS.length + 1) * RUNS);
    console.info(
      `[security] malformed data, composer: ${composerStats.cases} generated cases over ${COMPOSER_READS.length} reads and the library`,
    );
  });
});

export const composerStats = { cases: 0 };
