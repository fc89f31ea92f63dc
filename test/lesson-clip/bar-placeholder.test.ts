import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
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

  it("reads the bar's reactions only once the card's words have painted, and then shows them (two cards, one batch)", async () => {
    const adapter = memoryAdapter();
    /** Frames painted so far: counted in every animation frame. */
    let frames = 0;
    let counting = true;
    const tick = () => {
      frames += 1;
      if (counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const reads: { frame: number; ids: string[] }[] = [];
    const loose = adapter as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const method of ['getReactions', 'getReactionSummaries'] as const) {
      const real = loose[method]!.bind(adapter);
      loose[method] = (...args: unknown[]) => {
        reads.push({ frame: frames, ids: ([] as string[]).concat(args[0] as string | string[]) });
        return real(...args);
      };
    }
    // Built by hand, so the cards' shadow roots are watched from the moment they connect.
    const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 390px"></div>`);
    const provider = document.createElement('samen-provider') as HTMLElement & { adapter: unknown };
    provider.setAttribute('locale', 'nl');
    provider.adapter = adapter;
    const clips = ['wish-1', 'wish-2'].map((id) => {
      const clip = document.createElement('samen-lesson-clip');
      clip.setAttribute('clip-id', id);
      return clip;
    });
    provider.append(...clips);
    wrapper.append(provider);
    // The frame in which each card's title is first in its shadow root (a mutation, before that frame paints).
    const titled: number[] = [];
    const observers = clips.map((clip, i) => {
      const observer = new MutationObserver(() => {
        if (titled[i] === undefined && clip.shadowRoot?.querySelector('[part~="title"]')?.textContent?.trim()) titled[i] = frames;
      });
      observer.observe(clip.shadowRoot!, { childList: true, subtree: true, characterData: true });
      return observer;
    });
    await waitUntil(() => clips.every((clip) => barReactions(clip) === 4 && !barBusy(clip)), 'both bars show their reactions');
    counting = false;
    observers.forEach((o) => o.disconnect());
    expect(titled.length, 'both titles seen').to.equal(2);
    expect(reads.length, `reaction reads: ${JSON.stringify(reads)}`).to.equal(1);
    expect(reads[0]!.ids.sort()).to.deep.equal(['wish-1', 'wish-2']);
    expect(reads[0]!.frame, `read in frame ${reads[0]!.frame}, titles in ${titled.join(', ')}`).to.be.greaterThan(Math.max(...titled));
  });
});
