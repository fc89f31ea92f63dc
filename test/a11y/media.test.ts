/**
 * Windows high contrast (`forced-colors: active`, emulated through the DevTools protocol by
 * test/a11y/media-plugin.mjs, so Chromium really paints with the forced palette) and
 * `prefers-reduced-motion: reduce`. In forced colours a browser drops backgrounds and box
 * shadows, so a state shown only that way vanishes: these tests check that what is chosen,
 * pressed or filled still looks different from what is not.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import { allStories, renderStory, settleAll, type Widget } from './support.js';

const story = (title: string, name: string) => {
  const found = allStories().find(([t, n]) => t === `Widgets/${title}` && n === name);
  if (!found) throw new Error(`no story ${title}/${name}`);
  return renderStory(found[2], found[3]);
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
    expect(cell.textContent).to.contain($(el, '.badge').textContent!.trim());
  });

  it('loading: the placeholder keeps an outline', async () => {
    const el = await widget('Lesson clip', 'Loading');
    const line = $(el, '.skeleton span:not(.visually-hidden)');
    expect(getComputedStyle(line).borderTopStyle).to.equal('solid');
  });
});

describe('reduced motion', () => {
  /** Every element in every widget's shadow root that animates or transitions, by name. */
  function moving(widgets: Widget[]): string[] {
    return widgets.flatMap((w) =>
      [...w.shadowRoot!.querySelectorAll('*')].flatMap((e) => {
        const s = getComputedStyle(e);
        const transitions = s.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
        return s.animationName !== 'none' || transitions ? [`${w.localName} ${e.localName}.${e.getAttribute('class') ?? ''}`] : [];
      }),
    );
  }

  const ANIMATED: [string, string][] = [
    ['Reward chart', 'ClassNearlyThere'],
    ['Feedback bar', 'Parent'],
    ['Lesson clip', 'Teacher'],
  ];

  async function render(): Promise<Widget[]> {
    const widgets: Widget[] = [];
    for (const [title, name] of ANIMATED) widgets.push(...(await settleAll(await story(title, name))));
    return widgets;
  }

  it('without the preference, the widgets do move (so the check below can fail)', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(moving(await render())).to.not.deep.equal([]);
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
