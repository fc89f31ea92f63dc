import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-lesson-clip.js';
import { memoryAdapter } from '../helpers/fixtures.js';

/**
 * No jump when the clip's feedback bar loads (issue 23): the inner bar's loading placeholder is
 * as tall as the bar it becomes, so the card under a parent's thumb stays where it is, at 100 %
 * and 200 % text on a phone-wide page.
 */

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** The demo adapter, its reaction reads held until `release()`. */
function heldReactions() {
  const adapter = memoryAdapter();
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const loose = adapter as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of ['getReactions', 'getReactionSummaries'] as const) {
    const real = loose[method]!.bind(adapter);
    loose[method] = async (...args: unknown[]) => {
      await gate;
      return real(...args);
    };
  }
  return { adapter, release };
}

const bar = (clip: HTMLElement) => clip.shadowRoot?.querySelector('samen-feedback-bar');
const barBusy = (clip: HTMLElement) => !!bar(clip)?.shadowRoot?.querySelector('[aria-busy="true"]');
const barReactions = (clip: HTMLElement) => bar(clip)?.shadowRoot?.querySelectorAll('[part~="reaction"]').length ?? 0;

afterEach(() => {
  document.documentElement.style.fontSize = '';
});

describe('<samen-lesson-clip> feedback bar placeholder', () => {
  for (const size of ['100%', '200%']) {
    it(`keeps the card's height when its feedback bar loads (${size} text, 390 px wide)`, async () => {
      document.documentElement.style.fontSize = size;
      const { adapter, release } = heldReactions();
      const wrapper = await fixture<HTMLElement>(
        html`<div style="inline-size: 390px"><samen-provider .adapter=${adapter} locale="nl"><samen-lesson-clip clip-id="wish-2"></samen-lesson-clip></samen-provider></div>`,
      );
      const clip = wrapper.querySelector<HTMLElement>('samen-lesson-clip')!;
      await waitUntil(() => clip.shadowRoot?.querySelector('[part~="title"]') && barBusy(clip), 'the card, its bar still loading');
      await frame();
      const before = clip.getBoundingClientRect().height;
      release();
      await waitUntil(() => !barBusy(clip) && barReactions(clip) === 4, 'the bar loaded');
      await frame();
      const after = clip.getBoundingClientRect().height;
      expect(Math.abs(after - before), `card ${before} px while the bar loads, ${after} px once it has`).to.be.at.most(2);
    });
  }
});
