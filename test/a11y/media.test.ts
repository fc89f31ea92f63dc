/**
 * Windows high contrast (`forced-colors: active`, emulated through the DevTools protocol by
 * test/a11y/media-plugin.mjs, so Chromium really paints with the forced palette) and
 * `prefers-reduced-motion: reduce`. In forced colours a browser drops backgrounds and box
 * shadows, so a state shown only that way vanishes: these tests check that what is chosen,
 * pressed or filled still looks different from what is not.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import type { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import type { SamenClipComposer } from '../../src/clip-composer/clip-composer.js';
import { nl as composerNl } from '../../src/clip-composer/locales/nl.js';
import type { SamenAdapter } from '../../src/core/adapter.js';
import { storyAdapter, STORY_NOW } from '../../stories/support/story-adapter.js';
import { rowOf } from '../widgets/catalogue.js';
import { allStories, playStory, renderStory, settleAll, type Widget } from './support.js';

/** A story as Storybook shows it; the composer's reach their state through their play function. */
const story = async (title: string, name: string) => {
  const found = allStories().find(([t, n]) => t === `Widgets/${title}` && n === name);
  if (!found) throw new Error(`no story ${title}/${name}`);
  const wrapper = await renderStory(found[2], found[3]);
  if (title === 'Clip composer') await playStory(wrapper, found[2], found[3]);
  return wrapper;
};

async function widget(title: string, name: string): Promise<Widget> {
  const wrapper = await story(title, name);
  const [el] = await settleAll(wrapper);
  return el!;
}

const $ = <E extends Element = HTMLElement>(el: Widget, selector: string) => el.shadowRoot!.querySelector<E & Element>(selector)!;
const $$ = <E extends Element = HTMLElement>(el: Widget, selector: string) => [...el.shadowRoot!.querySelectorAll<E & Element>(selector)];
/** What a sighted user tells two things apart by: background, text colour and border colour. */
const looks = (e: Element) => {
  const s = getComputedStyle(e);
  return `${s.backgroundColor} / ${s.color} / ${s.borderTopColor} ${s.borderTopWidth}`;
};
const paint = (e: Element) => getComputedStyle(e).backgroundColor;
const transparent = (colour: string) => colour === 'rgba(0, 0, 0, 0)' || colour === 'transparent';

/**
 * What Chromium really painted along the middle line of `e` (a screenshot through
 * test/a11y/media-plugin.mjs): `rgb(…)` at `fractions` of its width, from its inline start.
 */
async function painted(e: Element, fractions: number[]): Promise<string[]> {
  e.scrollIntoView({ block: 'center' });
  const box = e.getBoundingClientRect();
  const url = await executeServerCommand<string, object>('samen-screen-pixels', {
    x: box.left,
    y: box.top,
    width: box.width,
    height: box.height,
  });
  const bitmap = await createImageBitmap(await (await fetch(url)).blob());
  const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  const rtl = getComputedStyle(e).direction === 'rtl';
  return fractions.map((f) => {
    const x = Math.min(bitmap.width - 1, Math.floor(bitmap.width * (rtl ? 1 - f : f)));
    const [r, g, b] = context.getImageData(x, Math.floor(bitmap.height / 2), 1, 1).data;
    return `rgb(${r}, ${g}, ${b})`;
  });
}

/** The composer's teacher with an upload that stops at `fraction` until it is cancelled. */
function heldUpload(fraction: number): SamenAdapter {
  const adapter = storyAdapter('teacher', undefined, { now: STORY_NOW });
  return Object.assign(Object.create(adapter) as MemoryAdapter, {
    uploadMedia: (_input: unknown, options?: { signal?: AbortSignal; onProgress?: (f: number) => void }) => {
      options?.onProgress?.(fraction);
      return new Promise((_resolve, reject) =>
        options?.signal?.addEventListener('abort', () => reject(new DOMException('stopped', 'AbortError'))),
      );
    },
  });
}

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

describe('forced colours (Windows high contrast)', () => {
  before(() => executeServerCommand('samen-emulate-media', { 'forced-colors': 'active' }));
  after(() => executeServerCommand('samen-emulate-media', {}));

  it('is really emulated: the page matches (forced-colors: active) and box shadows are dropped', async () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const el = await widget('Feelings check-in', 'Child');
    expect(getComputedStyle($(el, '[part~="base"]')).forcedColorAdjust).to.equal('auto');
  });

  it('feedback bar: a pressed reaction looks different from the others', async () => {
    const el = await widget('Feedback bar', 'Parent');
    const reactions = $$<HTMLButtonElement>(el, '[role="toolbar"] button');
    const unpressed = reactions.find((b) => b.getAttribute('aria-pressed') === 'false')!;
    unpressed.click();
    await el.updateComplete;
    const pressed = reactions.filter((b) => b.getAttribute('aria-pressed') === 'true');
    const others = reactions.filter((b) => b.getAttribute('aria-pressed') === 'false');
    expect(pressed.length, 'a pressed reaction').to.be.greaterThan(0);
    expect(others.length, 'an unpressed reaction').to.be.greaterThan(0);
    for (const button of pressed) expect(looks(button)).to.not.equal(looks(others[0]!));
  });

  it('feelings check-in: the chosen feeling and strength look different, the thermometer shows its fill', async () => {
    const el = await widget('Feelings check-in', 'Child');
    $$<HTMLInputElement>(el, 'input[name="feeling"]')[1]!.click();
    await el.updateComplete;
    const feelings = $$(el, '[part~="feeling"]');
    expect(looks(feelings[1]!), 'chosen feeling').to.not.equal(looks(feelings[0]!));
    const levels = $$(el, '[part~="strength"] label');
    const chosen = levels.find((l) => l.querySelector('input')!.checked)!;
    const other = levels.find((l) => !l.querySelector('input')!.checked)!;
    expect(looks(chosen), 'chosen strength').to.not.equal(looks(other));
    const fill = other.querySelector('.thermo span')!;
    expect(paint(fill), 'thermometer fill').to.not.equal(paint(other.querySelector('.thermo')!));
    expect(transparent(paint(fill))).to.equal(false);
  });

  it('reward chart: filled spots and the progress bar stay visible', async () => {
    const el = await widget('Reward chart', 'ClassNearlyThere');
    const filled = $(el, '.spot.filled');
    const empty = $(el, '.spot:not(.filled)');
    if (filled && empty) expect(looks(filled), 'filled spot').to.not.equal(looks(empty));
    const bar = $(el, '.bar span');
    if (bar) expect(paint(bar), 'progress fill').to.not.equal(paint(bar.parentElement!));
    expect(filled ?? bar, 'spots or a bar').to.exist;
  });

  it('lesson clip (teacher): the reach bars stay visible', async () => {
    const el = await widget('Lesson clip', 'Teacher');
    const fills = $$(el, '.bar span');
    expect(fills.length).to.be.greaterThan(0);
    for (const fill of fills) {
      expect(transparent(paint(fill))).to.equal(false);
      expect(paint(fill)).to.not.equal(paint(fill.parentElement!));
    }
  });

  it('feelings overview (teacher): the bars stay visible', async () => {
    const el = await widget('Feelings check-in', 'TeacherWithSignal');
    const fills = $$(el, '.overview .bar span');
    expect(fills.length).to.be.greaterThan(0);
    for (const fill of fills) expect(paint(fill)).to.not.equal(paint(fill.parentElement!));
  });

  it('expectation matrix: the focus of the week keeps its outline and its word', async () => {
    const el = await widget('Expectation matrix', 'SchoolMatrix');
    const cell = $(el, '.focus-cell');
    expect(getComputedStyle(cell).outlineStyle).to.equal('solid');
    expect(parseFloat(getComputedStyle(cell).outlineWidth)).to.be.at.least(2);
    expect(cell.textContent).to.contain($(el, '.badge').textContent.trim());
  });

  it('clip composer: an upload’s progress bar shows its fill, and the file keeps its box', async () => {
    localStorage.removeItem('samen:composer:teacher-1');
    const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${heldUpload(0.5)} locale="nl">
      <samen-clip-composer .classes=${[{ id: 'groep6-wish', label: 'Groep 6' }]}></samen-clip-composer>
    </samen-provider>`);
    const el = wrapper.querySelector<SamenClipComposer>('samen-clip-composer')!;
    await settleAll(wrapper);
    el.addFiles([new File([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])], 'kring.png', { type: 'image/png' })]);
    await waitUntil(() => $<HTMLProgressElement>(el, '[part~="upload"] progress')?.value === 50, 'half way');
    const bar = $<HTMLProgressElement>(el, '[part~="upload"] progress');
    expect(getComputedStyle(bar).forcedColorAdjust, 'the system paints it').to.not.equal('none');
    const [filled, empty] = await painted(bar, [0.1, 0.9]);
    expect(filled, 'the filled half looks different from the rest').to.not.equal(empty);
    expect(filled, 'the fill is not the card’s background').to.not.equal(paint($(el, '[part~="base"]')));
    expect($(el, '[part~="upload"]').textContent, 'and says it in words').to.contain('50%');
    const box = getComputedStyle($(el, '[part~="upload"]'));
    expect([box.borderTopStyle, parseFloat(box.borderTopWidth) >= 1], 'the upload keeps its box').to.deep.equal(['solid', true]);
    $<HTMLButtonElement>(el, '[part~="upload"] button').click();
  });

  it('clip composer: the publish button that cannot publish looks different; notices and problems keep their bar', async () => {
    const enabled = await widget('Clip composer', 'UploadRefused');
    const refusals = getComputedStyle($(enabled, '.refusals'));
    expect([refusals.borderInlineStartStyle, parseFloat(refusals.borderInlineStartWidth)], 'refusals’ bar').to.deep.equal(['solid', 4]);
    const publish = looks($(enabled, '[part~="publish-button"]'));
    const without = await widget('Clip composer', 'AdapterWithoutUploads');
    const disabled = $(without, '[part~="publish-button"]');
    expect(disabled.getAttribute('aria-disabled')).to.equal('true');
    expect(looks(disabled), 'a publish button that cannot publish').to.not.equal(publish);
    const notice = getComputedStyle($(without, '.no-publish'));
    expect([notice.borderInlineStartStyle, parseFloat(notice.borderInlineStartWidth)], 'the notice’s bar').to.deep.equal(['solid', 4]);
  });

  it('clip composer: the open preview’s toggle says so, and the preview keeps its frame', async () => {
    const el = await widget('Clip composer', 'Preview');
    const toggle = $(el, '[part~="preview-button"]');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.textContent.trim(), 'its words say it is open').to.equal(composerNl.hidePreview);
    const frame = getComputedStyle($(el, '[part~="preview"]'));
    expect([frame.borderTopStyle, parseFloat(frame.borderTopWidth)]).to.deep.equal(['dashed', 2]);
  });

  it('loading: the placeholder keeps an outline', async () => {
    const el = await widget('Lesson clip', 'Loading');
    const line = $(el, '.skeleton span:not(.visually-hidden)');
    expect(getComputedStyle(line).borderTopStyle).to.equal('solid');
  });
});

describe('reduced motion', () => {
  /**
   * Every element in every widget's shadow root that animates or transitions, by name, and in
   * the widgets inside it (the composer's preview and published card, the clip's feedback bar).
   */
  function moving(widgets: Widget[], path = ''): string[] {
    return widgets.flatMap((w) => {
      const at = `${path}${w.localName}`;
      return [...w.shadowRoot!.querySelectorAll('*')].flatMap((e) => {
        const s = getComputedStyle(e);
        const transitions = s.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
        const own = s.animationName !== 'none' || transitions ? [`${at} ${e.localName}.${e.getAttribute('class') ?? ''}`] : [];
        return e.localName.startsWith('samen-') && e.shadowRoot ? [...own, ...moving([e as Widget], `${at} > `)] : own;
      });
    });
  }

  /**
   * Stories that move, by the widget catalogue's tag, and where the movement is: in the widget's
   * own shadow DOM, or (`nested`) in a widget it shows (the composer's preview and published card).
   */
  const ANIMATED: [tag: string, story: string, nested?: 'nested'][] = [
    ['samen-reward-chart', 'ClassNearlyThere'],
    ['samen-feedback-bar', 'Parent'],
    ['samen-lesson-clip', 'Teacher'],
    ['samen-clip-composer', 'Preview', 'nested'],
    ['samen-clip-composer', 'Published', 'nested'],
  ];
  /** What `moving` names first for each: the widget, or the widget it shows (`samen-clip-composer > `). */
  const MOVERS = [...new Set(ANIMATED.map(([tag, , nested]) => (nested ? `${tag} > ` : tag)))];

  async function render(): Promise<Widget[]> {
    const widgets: Widget[] = [];
    for (const [tag, name] of ANIMATED)
      widgets.push(...(await settleAll(await story(rowOf(tag).stories.title.replace(/^Widgets\//, ''), name))));
    return widgets;
  }

  it('without the preference, the widgets do move (so the check below can fail)', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    const moved = moving(await render());
    for (const widget of MOVERS) {
      expect(
        moved.some((m) => m.startsWith(widget)),
        `${widget} moves`,
      ).to.equal(true);
    }
  });

  it('with prefers-reduced-motion: reduce, nothing animates or transitions', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
      expect(moving(await render())).to.deep.equal([]);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
