/**
 * Windows high contrast (`forced-colors: active`, emulated through the DevTools protocol by
 * test/a11y/media-plugin.mjs, so Chromium paints with the forced palette): the chosen feeling's
 * word and face, the chosen strength and a pressed reaction's count must stay READABLE, not only
 * look different (they once painted as solid white blocks: white text on the white backplate
 * Chromium draws behind text in forced colours).
 *
 * The check is on real pixels: a screenshot of the text's own box (test/a11y/media-plugin.mjs's
 * `samen-screen-pixels`, the DevTools protocol's screenshot; no canvas trick a strict CSP would
 * block). Its most common colour is what is painted behind the text; the text is readable when
 * enough pixels ("ink") stand out from it by at least 3 : 1 (WCAG's large-text and graphics
 * ratio: antialiased glyph edges never all reach 4.5). A solid block has no ink at all. And the
 * colour behind the text is the chosen state's own (the most common in the whole choice), not a
 * block of another colour.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { allStories, renderStory, settleAll, type Widget } from './support.js';

type Rgb = [number, number, number];

async function widget(title: string, name: string): Promise<Widget> {
  const found = allStories().find(([t, n]) => t === `Widgets/${title}` && n === name);
  if (!found) throw new Error(`no story ${title}/${name}`);
  const [el] = await settleAll(await renderStory(found[2], found[3]));
  return el!;
}

const $$ = (el: Widget, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

/** Every pixel Chromium painted in `e`'s box. */
async function pixels(e: Element): Promise<Rgb[]> {
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
  const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
  const out: Rgb[] = [];
  for (let i = 0; i < data.length; i += 4) out.push([data[i]!, data[i + 1]!, data[i + 2]!]);
  return out;
}

const luminance = ([r, g, b]: Rgb) => {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const contrast = (a: Rgb, b: Rgb) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};
const css = (c: Rgb) => `rgb(${c.join(', ')})`;

/** The colour behind the text (the most common one in its box) and the share of pixels that stand out from it by 3 : 1. */
async function readability(e: Element): Promise<{ behind: string; ink: number }> {
  const all = await pixels(e);
  const counts = new Map<string, { rgb: Rgb; n: number }>();
  for (const p of all) {
    const key = p.join();
    const entry = counts.get(key) ?? { rgb: p, n: 0 };
    entry.n++;
    counts.set(key, entry);
  }
  const behind = [...counts.values()].sort((a, b) => b.n - a.n)[0]!.rgb;
  const ink = all.filter((p) => contrast(p, behind) >= 3).length / all.length;
  return { behind: css(behind), ink };
}

describe('forced colours: chosen and pressed text stays readable (pixels)', () => {
  before(() => executeServerCommand('samen-emulate-media', { 'forced-colors': 'active' }));
  after(() => executeServerCommand('samen-emulate-media', {}));

  it("feelings check-in: the chosen feeling's word and face, and the chosen strength's word", async () => {
    const el = await widget('Feelings check-in', 'Child');
    $$(el, 'input[name="feeling"]')[4]!.click();
    await el.updateComplete;
    const chosen = $$(el, '[part~="feeling"]')[4]!;
    const level = $$(el, '[part~="strength"] label').find((l) => l.querySelector('input')!.checked)!;
    const state = (await readability(chosen)).behind;
    for (const [what, node] of [
      ['word', chosen.querySelector('.word')!],
      ['face', chosen.querySelector('.icon')!],
      ['strength', level.querySelector('.level-word')!],
    ] as const) {
      const { behind, ink } = await readability(node);
      expect(behind, `${what}: painted on the chosen state's colour, not a block of its own`).to.equal(state);
      expect(ink, `${what}: its text or lines stand out`).to.be.greaterThan(0.03);
    }
  });

  it("feedback bar: a pressed reaction's count", async () => {
    const el = await widget('Feedback bar', 'Parent');
    const unpressed = $$(el, '[role="toolbar"] button').find((b) => b.getAttribute('aria-pressed') === 'false')!;
    unpressed.click();
    await el.updateComplete;
    const count = unpressed.querySelector('.count')!;
    const { behind, ink } = await readability(count);
    expect(behind, "painted on the pressed state's colour, not a block of its own").to.equal((await readability(unpressed)).behind);
    expect(ink, 'its digits stand out').to.be.greaterThan(0.03);
  });
});
