/**
 * Arabic, right to left, as a family sees it: each of the six widgets' Arabic story, rendered the
 * way Storybook renders it with the toolbar on AR, in a 600 px column. For each:
 *
 * - mirrored: the card reads right to left; its first Arabic heading starts at the card's right
 *   (inline-start) edge; every two controls on one line, in reading (DOM) order, run from right to
 *   left; arrow keys in a toolbar or radio group move to the control on the left first;
 * - nothing overflows: every line of text lies inside the card and inside every box that clips
 *   it, no clipping box hides text (no ellipsis), and nothing scrolls sideways.
 *
 * With SAMEN_SCREENSHOTS=docs/screenshots/ar (`npm run screenshots:ar`) each render is also
 * written as docs/screenshots/ar/<widget>.png (test/a11y/screenshot-plugin.mjs). The last two
 * tests prove the checks can fail: a card forced left to right, and a clipped line. And the other
 * way round: a family's Arabic words in a Dutch teacher's card read right to left.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import * as feedbackBar from '../../stories/feedback-bar.stories.js';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { CATALOGUE } from '../widgets/catalogue.js';
import {
  applyToolbar,
  horizontalOverflow,
  nextFrame,
  renderStory,
  settleAll,
  type StoryLike,
  type StoryModule,
  type Widget,
} from './support.js';

/** Widget (its folder: the screenshot's file name), its story module, and its Arabic story: from the widget catalogue. */
const ARABIC = CATALOGUE.map(
  (row) => [row.folder, async () => (await row.stories.load()) as unknown as StoryModule, row.stories.arabic] as const,
);

/** Toolbars and radio groups each widget's Arabic story shows (the lesson clip has its reactions bar inside). */
const ARROW_GROUPS: Record<string, number> = {
  'lesson-clip': 1,
  'feedback-bar': 1,
  'feelings-checkin': 2,
  meeting: 1,
  'programme-overview': 1,
  // The parent's form: one radio group per closed question (yes/no, the rating, a choice).
  evaluation: 5,
  // The kind of post (lesson, follow-up, repeat) and when it goes out (now or later), issue 26.
  'clip-composer': 2,
};

/** The screenshots' width: a phone held sideways, or a narrow column of a school app. */
const WIDTH = 600;
const ARABIC_LETTER = /[\u0600-\u06ff]/;
const CONTROLS = 'button, input:not([type="hidden"]), select, textarea, a[href], [role="radio"], [tabindex="0"]';

/** Every element below `root`, in document order, shadow roots included (a slot's light children come with their host). */
function deepElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    found.push(el);
    if (el.shadowRoot) found.push(...deepElements(el.shadowRoot));
  }
  return found;
}

function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Shown to sighted users: laid out, not hidden, not the 1 px visually-hidden pattern. */
function shown(el: Element): boolean {
  const box = el.getBoundingClientRect();
  if (box.width <= 1 || box.height <= 1) return false;
  if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  for (let at: Element | null = el; at; at = at.parentElement ?? (at.getRootNode() as ShadowRoot).host ?? null) {
    const style = getComputedStyle(at);
    if (style.clipPath.startsWith('inset(50%') || style.clip === 'rect(0px, 0px, 0px, 0px)') return false;
  }
  return true;
}

const cardOf = (widget: Widget) => widget.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;

/** The card's content box: its border box less border and padding. */
function innerBox(card: HTMLElement): { left: number; right: number } {
  const box = card.getBoundingClientRect();
  const style = getComputedStyle(card);
  return {
    left: box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft),
    right: box.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight),
  };
}

/** Where the layout is not mirrored: the card's direction, its first Arabic heading, and controls that share a line. */
export function mirrorProblems(widget: Widget): string[] {
  const problems: string[] = [];
  const card = cardOf(widget);
  const name = widget.localName;
  if (getComputedStyle(card).direction !== 'rtl') problems.push(`${name}: the card is ${getComputedStyle(card).direction}, not rtl`);

  const inner = innerBox(card);
  const controls = deepElements(card).filter((el) => el.matches(CONTROLS) && shown(el));
  // What a reader looks at first: the first Arabic heading, else (a bar without one) the first control.
  const heading = deepElements(card).find((el) => /^h[1-6]$/.test(el.localName) && shown(el) && ARABIC_LETTER.test(el.textContent ?? ''));
  const first = heading ?? controls[0];
  if (!first) problems.push(`${name}: no heading in Arabic and no control`);
  else {
    const range = document.createRange();
    range.selectNodeContents(first);
    const line = heading
      ? [...range.getClientRects()].filter((r) => r.width > 0).sort((a, b) => a.top - b.top || b.right - a.right)[0]!
      : first.getBoundingClientRect();
    const fromStart = inner.right - line.right; // inline-start is the right in RTL
    const fromEnd = line.left - inner.left;
    if (fromStart > fromEnd + 1)
      problems.push(
        `${name}: ${label(first)} starts ${Math.round(fromEnd)} px from the left and ${Math.round(fromStart)} px from the right`,
      );
  }

  for (let i = 1; i < controls.length; i++) {
    const a = controls[i - 1]!.getBoundingClientRect();
    const b = controls[i]!.getBoundingClientRect();
    const sameLine = a.top < b.bottom - 2 && b.top < a.bottom - 2;
    if (sameLine && b.right > a.left + 1)
      problems.push(`${name}: ${label(controls[i]!)} comes after ${label(controls[i - 1]!)} but stands to its right, not its left`);
  }
  return problems;
}

const label = (el: Element) =>
  `<${el.localName}${el.getAttribute('part') ? ` part="${el.getAttribute('part')}"` : ''}> "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 24)}"`;

/** Text that sticks out of the card or out of a box that clips it, or is cut off inside one. */
export function overflowProblems(widget: Widget): string[] {
  const problems: string[] = [];
  const card = cardOf(widget);
  const cardBox = card.getBoundingClientRect();
  const name = widget.localName;
  const clips = (el: Element) => {
    const style = getComputedStyle(el);
    return style.overflowX !== 'visible' || style.overflowY !== 'visible';
  };
  for (const el of [card, ...deepElements(card)]) {
    if (!shown(el)) continue;
    if (clips(el) && el.scrollWidth > el.clientWidth + 1 && el.textContent.trim())
      problems.push(`${name}: ${label(el)} hides text: ${el.scrollWidth} px of content in ${el.clientWidth} px`);
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent!.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const clipping: Element[] = [];
      for (let at: Element | null = el; at && at !== widget; at = at.parentElement ?? (at.getRootNode() as ShadowRoot).host ?? null)
        if (clips(at)) clipping.push(at);
      for (const line of range.getClientRects()) {
        if (line.width === 0) continue;
        for (const [box, what] of [
          [cardBox, 'the card'],
          ...clipping.map((c) => [c.getBoundingClientRect(), label(c)] as const),
        ] as const) {
          if (line.left < box.left - 1 || line.right > box.right + 1)
            problems.push(
              `${name}: "${node.textContent!.trim().slice(0, 30)}" (${Math.round(line.left)}–${Math.round(line.right)} px) sticks out of ${what} (${Math.round(box.left)}–${Math.round(box.right)} px)`,
            );
        }
      }
    }
  }
  return problems;
}

const RTL_LETTER = /[\u0590-\u08ff]/;
const FIRST_STRONG = /[A-Za-z\u00c0-\u024f\u0590-\u08ff]/;

/**
 * Words keep their own direction in a card of the other: a sentence that starts with a Latin
 * letter (the school's Dutch or English in an Arabic card) keeps its closing full stop, question
 * mark or bracket at its end, on the right; one that starts with an Arabic letter (a family's
 * answer in a Dutch teacher's card) keeps it on the left. Without isolation the bidi algorithm
 * puts it at the start (".Zeg duidelijk stop"), which is what `unicode-bidi: plaintext` or
 * `<bdi>` prevents.
 */
export function bidiProblems(widget: Widget): string[] {
  const problems: string[] = [];
  for (const el of deepElements(cardOf(widget))) {
    if (!shown(el)) continue;
    for (const node of el.childNodes) {
      const text = node.textContent ?? '';
      const end = text.trimEnd().length;
      if (node.nodeType !== Node.TEXT_NODE || end < 2 || !/[.?!)\]؟]$/.test(text.trimEnd())) continue;
      const firstStrong = text.match(FIRST_STRONG)?.[0];
      if (!firstStrong) continue;
      const rtl = RTL_LETTER.test(firstStrong);
      const at = (i: number) => {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return range.getBoundingClientRect();
      };
      const last = at(end - 1);
      const before = at(end - 2);
      const sameLine = Math.abs(last.top - before.top) < 2;
      if (sameLine && (rtl ? last.left > before.left : last.left < before.left))
        problems.push(
          `${widget.localName}: "${text.trim().slice(0, 40)}" ends with its "${text.trimEnd().slice(-1)}" at its start, on the ${rtl ? 'right' : 'left'} (in ${label(el)})`,
        );
    }
  }
  return problems;
}

/** Toolbars and radio groups: the first item, and the item ArrowLeft should reach (the next, to its left). */
function arrowGroups(widget: Widget): { what: string; items: HTMLElement[] }[] {
  const card = cardOf(widget);
  const groups: { what: string; items: HTMLElement[] }[] = [];
  for (const toolbar of deepElements(card).filter((el) => el.getAttribute('role') === 'toolbar')) {
    groups.push({
      what: `toolbar "${toolbar.getAttribute('aria-label')}"`,
      items: [...toolbar.querySelectorAll<HTMLElement>('button')].filter(shown),
    });
  }
  const radios = deepElements(card).filter((el): el is HTMLInputElement => el instanceof HTMLInputElement && el.type === 'radio');
  for (const group of new Set(radios.map((r) => r.name))) {
    groups.push({ what: `radio group "${group}"`, items: radios.filter((r) => r.name === group && !r.disabled) });
  }
  return groups.filter((g) => g.items.length > 1);
}

/** The box a user sees for a control: a radio's label when the input itself is drawn by it. */
const visibleBox = (el: HTMLElement) => (shown(el) ? el : (el.closest('label') ?? el)).getBoundingClientRect();
const centre = (el: HTMLElement) => {
  const box = visibleBox(el);
  return box.left + box.width / 2;
};

before(async () => {
  applyToolbar({ locale: 'ar' });
  await setViewport({ width: WIDTH + 40, height: 900 });
});
beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});
after(async () => {
  applyToolbar({});
  await setViewport({ width: 800, height: 600 });
});

async function render(module: StoryModule, story: string): Promise<[HTMLElement, Widget[]]> {
  const found = module[story] as StoryLike | undefined;
  if (!found) throw new Error(`no story ${story}`);
  const wrapper = await renderStory(module.default, found, { locale: 'ar' });
  Object.assign(wrapper.style, {
    boxSizing: 'border-box',
    width: `${WIDTH}px`,
    padding: '12px',
    background: 'Canvas',
    color: 'CanvasText',
  });
  const widgets = await settleAll(wrapper);
  await document.fonts.ready;
  await nextFrame();
  return [wrapper, widgets];
}

/** A focused element named for a failure message: its tag, id, part and text (never the element, which chai would print). */
const nameOf = (el: Element | null): string =>
  el
    ? `<${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('part') ? ` part="${el.getAttribute('part')}"` : ''}> "${(el.textContent ?? '').trim().slice(0, 40)}"`
    : 'nothing';

describe('Arabic, right to left: each widget mirrored, nothing overflowing (docs/screenshots/ar/)', () => {
  for (const [file, load, story] of ARABIC) {
    it(`${file}: ${story}`, async function () {
      const [wrapper, widgets] = await render(await load(), story);
      expect(
        widgets.map((w) => w.localName),
        'the widget',
      ).to.include(`samen-${file}`);
      for (const widget of widgets) {
        const card = cardOf(widget);
        expect(card.closest('[lang]')!.getAttribute('lang'), `${widget.localName}: Arabic`).to.equal('ar');
        expect(card.textContent, `${widget.localName}: Arabic words`).to.match(ARABIC_LETTER);
      }

      const box = wrapper.getBoundingClientRect();
      await executeServerCommand('samen-screenshot', {
        name: file,
        x: box.left + scrollX,
        y: box.top + scrollY,
        width: box.width,
        height: box.height,
      });

      expect(widgets.flatMap(mirrorProblems), 'mirrored').to.deep.equal([]);
      expect([...horizontalOverflow(widgets), ...widgets.flatMap(overflowProblems)], 'nothing overflows').to.deep.equal([]);
      expect(widgets.flatMap(bidiProblems), 'Dutch and English words read left to right').to.deep.equal([]);

      const groups = widgets.flatMap(arrowGroups);
      expect(groups.length, 'toolbars and radio groups').to.equal(ARROW_GROUPS[file] ?? 0);
      for (const widget of widgets) {
        for (const { what, items } of arrowGroups(widget)) {
          items[0]!.focus();
          await sendKeys({ press: 'ArrowLeft' });
          await widget.updateComplete;
          const reached = deepActiveElement();
          // Compared as a boolean: chai pretty-prints elements on a mismatch, and hangs on shadow DOM.
          expect(
            reached === items[1],
            `${widget.localName}: ArrowLeft in the ${what} moves to its second item, not ${nameOf(reached)}`,
          ).to.equal(true);
          expect(centre(items[1]!), `${widget.localName}: the second item of the ${what} stands left of the first`).to.be.lessThan(
            centre(items[0]!),
          );
          await sendKeys({ press: 'ArrowRight' });
          const back = deepActiveElement();
          expect(back === items[0], `${widget.localName}: ArrowRight in the ${what} moves back, not to ${nameOf(back)}`).to.equal(true);
        }
      }
      wrapper.remove();
    });
  }

  it('the checks fail on a card forced left to right', async () => {
    const [wrapper, [widget]] = await render(feedbackBar as unknown as StoryModule, 'Arabic');
    cardOf(widget!).setAttribute('dir', 'ltr');
    await nextFrame();
    const problems = mirrorProblems(widget!);
    expect(problems.join('\n')).to.include('the card is ltr');
    expect(problems.join('\n')).to.match(/starts .* from the right/);
    expect(problems.join('\n')).to.include('stands to its right');
    wrapper.remove();
  });

  it('the checks fail on text that is cut off or sticks out, and on punctuation at the wrong end', async () => {
    const [wrapper, [widget]] = await render(feedbackBar as unknown as StoryModule, 'Arabic');
    const probe = document.createElement('p');
    cardOf(widget!).append(probe);
    probe.textContent = 'كلمة '.repeat(60);
    Object.assign(probe.style, { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' });
    await nextFrame();
    expect(overflowProblems(widget!).join('\n')).to.include('hides text');
    Object.assign(probe.style, { overflow: 'visible' });
    await nextFrame();
    expect(overflowProblems(widget!).join('\n')).to.include('sticks out of the card');

    probe.removeAttribute('style');
    probe.textContent = 'Geef duidelijk je grens aan als iets niet oké is.';
    await nextFrame();
    expect(bidiProblems(widget!).join('\n')).to.include('ends with its "." at its start, on the left');
    probe.style.unicodeBidi = 'plaintext';
    await nextFrame();
    expect(bidiProblems(widget!)).to.deep.equal([]);
    probe.remove();
    wrapper.remove();
  });
});

describe('a family’s Arabic words in a Dutch teacher’s card read right to left', () => {
  const ARABIC_WORDS = 'تحدثنا عن ذلك على العشاء، وتدرّب ابننا على قول «توقف».';
  const NOW = new Date('2026-11-20T10:00:00Z');
  before(() => applyToolbar({ locale: 'nl' }));
  after(() => applyToolbar({ locale: 'ar' }));

  async function teacherCard(adapter: MemoryAdapter, widget: TemplateResult): Promise<[HTMLElement, Widget]> {
    const wrapper = await fixture<HTMLElement>(
      html`<div style="width: ${WIDTH}px"><samen-provider .adapter=${adapter.forViewer('teacher-1')} locale="nl">${widget}</samen-provider></div>`,
    );
    const [el] = await settleAll(wrapper);
    expect(getComputedStyle(cardOf(el!)).direction).to.equal('ltr');
    return [wrapper, el!];
  }
  const shows = (el: Widget) => {
    expect(
      deepElements(el.shadowRoot!).some((e) => e.textContent?.includes(ARABIC_WORDS)),
      'the words are shown',
    ).to.equal(true);
  };

  it('the lesson clip’s answers', async () => {
    const adapter = new MemoryAdapter({ now: NOW });
    await adapter.saveHomeAnswer({ id: 'ar-1', clipId: 'wish-2', kind: 'text', text: ARABIC_WORDS });
    const [wrapper, el] = await teacherCard(adapter, html`<samen-lesson-clip clip-id="wish-2" view="teacher"></samen-lesson-clip>`);
    shows(el);
    expect(bidiProblems(el)).to.deep.equal([]);
    wrapper.remove();
  });

  it('the feedback bar’s replies', async () => {
    const adapter = new MemoryAdapter({ now: NOW });
    await adapter.addReply({ id: 'ar-2', targetId: 'host-post-1', text: ARABIC_WORDS });
    const [wrapper, el] = await teacherCard(
      adapter,
      html`<samen-feedback-bar target-id="host-post-1" view="teacher"></samen-feedback-bar>`,
    );
    shows(el);
    expect(bidiProblems(el)).to.deep.equal([]);
    wrapper.remove();
  });

  it('the reward chart’s home stickers', async () => {
    const adapter = new MemoryAdapter({ now: NOW });
    await adapter.award({ id: 'ar-3', chartId: 'personal-child-1', reason: ARABIC_WORDS });
    const [wrapper, el] = await teacherCard(
      adapter,
      html`<samen-reward-chart chart-id="personal-child-1" view="teacher"></samen-reward-chart>`,
    );
    shows(el);
    expect(bidiProblems(el)).to.deep.equal([]);
    wrapper.remove();
  });
});
