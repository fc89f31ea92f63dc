/**
 * Pictures that always render (issue 21): no built-in picture in any story of any widget is an
 * emoji or a symbol glyph ("✓", "★", "↑", "✕", "🔊"): a device without an emoji or symbol font
 * shows those as empty boxes. Built-in pictures are drawn SVG. What a school or family chose
 * (a matrix's pictogram, a host's own feeling symbol) is their content, not checked here.
 */
import { expect } from '@open-wc/testing';
import { allStories, PLAYED_TITLES, playStory, renderStory, settleAll } from './support.js';

const GLYPHS = /[\p{Extended_Pictographic}\u2190-\u21FF\u2713-\u2718\u2605\u2606\u23E9-\u23FA]|\uFE0F/u;

/** Every element in `root` and in the shadow roots below it. */
function allElements(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? allElements(e.shadowRoot) : [])]);
}

/** A school's or family's own picture: their content. */
const content = (e: Element) => !!e.closest('.pictogram, [part~="feeling"] .picture-text');

describe('built-in pictures', () => {
  for (const [title, name, meta, story] of allStories()) {
    it(`${title} / ${name}: drawn, no emoji or symbol glyphs`, async function () {
      const wrapper = await renderStory(meta, story);
      if (PLAYED_TITLES.has(title)) await playStory(wrapper, meta, story);
      await settleAll(wrapper);
      await new Promise((r) => setTimeout(r, 50));
      const pictures = allElements(wrapper).filter(
        (e) => (e.getAttribute('aria-hidden') === 'true' || (e.localName === 'button' && e.hasAttribute('aria-label'))) && !content(e),
      );
      for (const picture of pictures) {
        const own = [...picture.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join('');
        expect(own, `${picture.localName}.${picture.className}`).to.not.match(GLYPHS);
      }
    });
  }
});
