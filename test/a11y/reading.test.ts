/**
 * Reading with large text on a narrow screen (issue 21): every widget of the catalogue, in each
 * of its views, with the demo data, on a page 320 and 360 px wide, with the page's text at
 * 100 %, 150 % and 200 % (`html { font-size }`: the widgets inherit the page's text size, as
 * they do a browser's or a host's larger text).
 *
 * What a reader sees, measured in real Chromium:
 * - no word is split over two lines (the word's Range has its letters on more than one line box),
 *   unless the word alone is wider than the line it is on and that line is a full line of the card
 *   (at least 3/4 of its text column, not a squeezed tile or grid column): then the browser must
 *   break it, and hyphenates it where it has the language's hyphenation (this headless Chromium
 *   has none);
 * - nothing is wider than the card: no sideways scrolling of the widget, its card or the page;
 * - every button, field and choice is at least 44 × 44 px (a radio's or checkbox's label is the target).
 *
 * And in an Arabic card with the school's Dutch words, every bar beside a text (what was
 * learned, a focus, a sticker, a signal) sits at the card's start, on the right.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/locales/ar.js';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { CATALOGUE, NOW, rowOf } from '../widgets/catalogue.js';
import { card, mountWidget } from '../widgets/mount.js';

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

const WIDTHS = [320, 360] as const;
const SIZES = ['100%', '150%', '200%'] as const;
/** 44 CSS px, with room for sub-pixel rounding. */
const TARGET = 43.99;

/** The widget's shadow root and those of the widgets and parts inside it (the composer's preview card). */
function shadowRoots(el: Element): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const walk = (root: ShadowRoot) => {
    out.push(root);
    for (const child of root.querySelectorAll('*')) if (child.shadowRoot) walk(child.shadowRoot);
  };
  if (el.shadowRoot) walk(el.shadowRoot);
  return out;
}

const describeElement = (el: Element) => `<${el.localName}${el.className ? ` class="${String(el.className)}"` : ''}>`;

/** The width of the card's text column: its inner width without padding. */
function columnWidth(base: HTMLElement): number {
  const style = getComputedStyle(base);
  return base.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
}

/** The width lines have in the block box that lays out `el`'s text (its nearest ancestor that is not inline). */
function lineWidth(el: Element): number {
  let box: Element | null = el;
  while (box && ['inline', 'contents'].includes(getComputedStyle(box).display) && box.parentElement) box = box.parentElement;
  return box instanceof HTMLElement ? columnWidth(box) : 0;
}

/**
 * Words whose letters lie on two or more lines, and that would fit on one line of the card: the
 * word's Range gives one rectangle per line box it is on.
 */
function splitWords(el: HTMLElement): string[] {
  const base = card(el)!;
  const column = columnWidth(base);
  const out: string[] = [];
  for (const root of shadowRoots(el)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const parent = node.parentElement;
      // Visually hidden text (1 px, clipped) is not seen.
      if (!parent || parent.getBoundingClientRect().width <= 1) continue;
      // A word: letters, digits and apostrophes; a hyphen or slash between parts is a place to break.
      for (const match of node.data.matchAll(/[\p{L}\p{M}\p{N}'’]+/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        const lines = rects.map((r) => Math.round(r.top)).filter((top, i, all) => all.findIndex((t) => Math.abs(t - top) <= 4) === i);
        if (lines.length < 2) continue;
        const width = rects.reduce((sum, r) => sum + r.width, 0);
        const line = lineWidth(parent);
        if (width > line && line >= 0.75 * column) continue; // too long for a full line: it has to break
        out.push(
          `"${match[0]}" (${width.toFixed(0)} px, on a line of ${line.toFixed(0)} px; the card's column ${column.toFixed(0)} px) in ${describeElement(parent)}`,
        );
      }
    }
  }
  return out;
}

/** The widget, its card or the page scrolling sideways, with the deepest elements that stick out of the card. */
function overflow(el: HTMLElement): string[] {
  const base = card(el)!;
  const out: string[] = [];
  for (const box of [el, base])
    if (box.scrollWidth > box.clientWidth) out.push(`${describeElement(box)} ${box.scrollWidth} px wide in ${box.clientWidth}`);
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth) out.push(`the page scrolls sideways: ${page.scrollWidth} px in ${page.clientWidth}`);
  if (out.length) {
    const { left, right } = base.getBoundingClientRect();
    const outside = (d: Element) => {
      const r = d.getBoundingClientRect();
      return r.width > 0 && (r.right > right + 0.5 || r.left < left - 0.5);
    };
    for (const root of shadowRoots(el))
      for (const d of root.querySelectorAll('*'))
        if (outside(d) && ![...d.children].some(outside))
          out.push(`  sticks out: ${describeElement(d)} "${(d.textContent ?? '').trim().slice(0, 40)}"`);
  }
  return out;
}

/** Buttons, fields, selects, summaries and choices smaller than 44 × 44 px. */
function smallTargets(el: HTMLElement): string[] {
  const out: string[] = [];
  for (const root of shadowRoots(el)) {
    for (const control of root.querySelectorAll<HTMLElement>('button, input, select, textarea, summary, label')) {
      let target = control;
      if (control instanceof HTMLLabelElement) {
        // A label is a target when it is the choice: it holds a radio or checkbox.
        const input = control.control;
        if (!(input instanceof HTMLInputElement) || !['radio', 'checkbox'].includes(input.type)) continue;
      } else if (control instanceof HTMLInputElement && ['radio', 'checkbox'].includes(control.type)) {
        // Inside its label, the label is what a finger taps (a tap on it toggles the choice), and it
        // is measured as a label above; a bare radio or checkbox is its own target.
        if (control.closest('label')) continue;
        target = control;
      }
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not shown
      if (getComputedStyle(target).visibility === 'hidden') continue;
      if (r.width < TARGET || r.height < TARGET)
        out.push(
          `${describeElement(target)} "${(target.textContent ?? '').trim().slice(0, 30)}" ${r.width.toFixed(1)} × ${r.height.toFixed(1)} px`,
        );
    }
  }
  return out;
}

/** Opens what a first action shows: the feelings check-in's strength choices come with a chosen feeling. */
async function showAll(el: HTMLElement & { updateComplete: Promise<boolean> }): Promise<void> {
  const feeling = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="feelings"] input[type="radio"]');
  if (feeling && !el.shadowRoot!.querySelector('[part~="strength"]')) {
    feeling.click();
    await el.updateComplete;
  }
}

afterEach(() => {
  document.documentElement.style.fontSize = '';
});
after(async () => {
  await setViewport({ width: 800, height: 600 });
});

describe('Reading with large text on a narrow screen (issue 21)', () => {
  for (const row of CATALOGUE) {
    for (const view of row.views) {
      for (const width of WIDTHS) {
        for (const size of SIZES) {
          it(`${row.tag} ${view} at ${width} px, text ${size}: no word split, nothing wider than the card, 44 px targets`, async () => {
            await setViewport({ width, height: 800 });
            document.documentElement.style.fontSize = size;
            const { el } = await mountWidget(row, { view });
            await showAll(el);
            await nextFrame();
            expect(splitWords(el), 'words split over two lines').to.deep.equal([]);
            expect(overflow(el), 'wider than the card').to.deep.equal([]);
            expect(smallTargets(el), 'targets under 44 × 44 px').to.deep.equal([]);
          });
        }
      }
    }
  }

  it('the feelings check-in: each strength choice is at least 44 px wide in a column of 240 to 360 px', async () => {
    await setViewport({ width: 800, height: 800 });
    const row = rowOf('samen-feelings-checkin');
    const { el, wrapper } = await mountWidget(row, { view: 'child' });
    await showAll(el);
    for (const width of [240, 280, 320, 360]) {
      wrapper.style.inlineSize = `${width}px`;
      await nextFrame();
      const levels = [...el.shadowRoot!.querySelectorAll('[part~="strength"] label')];
      expect(levels, 'five strength choices').to.have.length(5);
      for (const level of levels) {
        const r = level.getBoundingClientRect();
        expect(r.width, `"${level.textContent?.trim()}" in ${width} px`).to.be.at.least(TARGET);
        expect(r.height, `"${level.textContent?.trim()}" in ${width} px`).to.be.at.least(TARGET);
      }
    }
  });

  it("a host's text with one very long word (a row of digits) breaks inside the card, and the card's words stay whole", async () => {
    // With overflow-wrap: break-word such a "word" sizes its flex or grid box at full width (issue 21);
    // test/security/hostile-text.test.ts tries links and <script…> strings in every field.
    await setViewport({ width: 320, height: 800 });
    document.documentElement.style.fontSize = '150%';
    const row = rowOf('samen-reward-chart');
    const adapter = new MemoryAdapter({ now: NOW, viewerId: row.viewers.parent });
    const get = adapter.getRewardChart.bind(adapter);
    const digits = '9'.repeat(96);
    adapter.getRewardChart = async (...args) => {
      const chart = await get(...args);
      const awards = chart.awards.map((a) => ({ ...a, givenBy: digits }));
      return { ...chart, childName: digits, reward: digits, focus: chart.focus.map((f) => ({ ...f, text: digits })), awards };
    };
    const { el } = await mountWidget(row, { view: 'parent', adapter });
    await nextFrame();
    expect(card(el)!.textContent).to.contain(digits);
    expect(overflow(el), 'wider than the card').to.deep.equal([]);
    expect(splitWords(el), 'words split over two lines').to.deep.equal([]);
  });

  it('the test sees a split word and a card that is too wide', async () => {
    // A word squeezed into a box narrower than it, as overflow-wrap: anywhere in a grid column did.
    await setViewport({ width: 360, height: 800 });
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<div part="base" style="inline-size: 300px; padding: 16px; overflow: visible">
      <p style="inline-size: 2em; overflow-wrap: anywhere">verdrietig</p><p style="inline-size: 500px">breed</p></div>`;
    expect(splitWords(host)).to.have.length(1);
    expect(splitWords(host)[0]).to.contain('"verdrietig"');
    expect(overflow(host).join('\n')).to.contain('sticks out: <p> "breed"');
  });
});

describe('Bars beside text sit at the start of an Arabic card with Dutch school words (issue 21)', () => {
  for (const row of CATALOGUE) {
    for (const view of row.views) {
      it(`${row.tag} ${view}`, async () => {
        await setViewport({ width: 800, height: 800 });
        const { el } = await mountWidget(row, { view, locale: 'ar' });
        expect(card(el)!.getAttribute('dir')).to.equal('rtl');
        const wrong: string[] = [];
        for (const root of shadowRoots(el))
          for (const d of root.querySelectorAll('*')) {
            const style = getComputedStyle(d);
            const left = parseFloat(style.borderLeftWidth);
            const right = parseFloat(style.borderRightWidth);
            // A bar: one side's border at least 3 px and thicker than the other's.
            if (Math.max(left, right) >= 3 && left > right && d.getBoundingClientRect().width > 0)
              wrong.push(`${describeElement(d)} "${(d.textContent ?? '').trim().slice(0, 40)}"`);
          }
        expect(wrong, 'bars on the left of a right-to-left card').to.deep.equal([]);
      });
    }
  }
});
