import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { nearViewportWaiting } from '../../src/core/near-viewport.js';
import '../../src/define/samen-feedback-bar.js';
import type { SamenLessonClip } from '../../src/lesson-clip/lesson-clip.js';
import { memoryAdapter, settled } from '../helpers/fixtures.js';

/**
 * A feed that only works where the parent looks (issue 23): cards far below the screen wait
 * with a placeholder of the card's height, scrolling brings them, and clips that come into view
 * together are read in one call where the adapter offers one.
 */

interface Calls {
  single: string[];
  many: string[][];
  reactions: string[];
  reactionsMany: string[][];
}

/** The demo adapter with `count` clips (copies of wish-2), its clip and reaction reads counted. */
function feedAdapter(count: number, { batch }: { batch: boolean }): { adapter: MemoryAdapter; calls: Calls; ids: string[] } {
  const adapter = memoryAdapter();
  const source = adapter.state.clips['wish-2'] as Record<string, unknown>;
  const ids = Array.from({ length: count }, (_, i) => `feed-${i}`);
  for (const id of ids) adapter.state.clips[id] = { ...structuredClone(source), id, title: `Les ${id}` };
  const calls: Calls = { single: [], many: [], reactions: [], reactionsMany: [] };
  const loose = adapter as unknown as Record<string, unknown>;
  const getLessonClip = adapter.getLessonClip.bind(adapter);
  loose['getLessonClip'] = (id: string, o?: object) => (calls.single.push(id), getLessonClip(id, o));
  const getReactions = adapter.getReactions.bind(adapter);
  loose['getReactions'] = (id: string, o?: object) => (calls.reactions.push(id), getReactions(id, o));
  if (batch) {
    const getLessonClips = adapter.getLessonClips.bind(adapter);
    loose['getLessonClips'] = (list: string[], o?: object) => (calls.many.push([...list]), getLessonClips(list, o));
    const getReactionSummaries = adapter.getReactionSummaries.bind(adapter);
    loose['getReactionSummaries'] = (list: string[], o?: object) => (calls.reactionsMany.push([...list]), getReactionSummaries(list, o));
  } else {
    loose['getLessonClips'] = undefined;
    loose['getReactionSummaries'] = undefined;
  }
  return { adapter, calls, ids };
}

/** Every clip id read, by single and batch calls. */
const clipsRead = (calls: Calls) => new Set([...calls.single, ...calls.many.flat()]);
const title = (el: SamenLessonClip) => el.shadowRoot?.querySelector('[part="title"]')?.textContent?.trim() ?? '';
const barIn = (el: SamenLessonClip) =>
  !!el.shadowRoot?.querySelector('samen-feedback-bar')?.shadowRoot?.querySelector('[part~="reactions"]');
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
/** Whether the browser draws the card's title (false when it skips a card far from the screen). */
const drawn = (el: SamenLessonClip) => !!el.shadowRoot?.querySelector('[part="title"]')?.checkVisibility({ contentVisibilityAuto: true });

async function renderFeed(adapter: MemoryAdapter, ids: string[], { eager = false, style = '' } = {}): Promise<SamenLessonClip[]> {
  const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale="nl" style=${style}>
    ${ids.map((id) => html`<samen-lesson-clip clip-id=${id} loading=${eager ? 'eager' : 'lazy'} style="display: block; margin-block-end: 16px"></samen-lesson-clip>`)}
  </samen-provider>`);
  return [...wrapper.querySelectorAll('samen-lesson-clip')];
}

afterEach(() => window.scrollTo(0, 0));

describe('lesson clip feed: cards below the fold wait until they come near the screen (issue 23)', () => {
  it('of 30 clips only those near the screen read, scrolling brings the rest, and nothing keeps watching afterwards', async () => {
    const { adapter, calls, ids } = feedAdapter(30, { batch: false });
    const clips = await renderFeed(adapter, ids);
    await settled(clips[0]!);
    expect(title(clips[0]!)).to.equal('Les feed-0');
    await nextFrame();
    const read = clipsRead(calls);
    expect(read.size, `read: ${[...read].join(', ')}`).to.be.within(1, 8);
    expect(read.has('feed-29')).to.equal(false);
    // The last card shows its loading placeholder, not an error.
    expect(clips[29]!.shadowRoot!.querySelector('.card[aria-busy="true"]')).to.exist;
    expect(nearViewportWaiting()).to.be.greaterThan(0);

    clips[29]!.scrollIntoView();
    await waitUntil(() => title(clips[29]!) === 'Les feed-29', 'the last card loads once scrolled to', { timeout: 4000 });
    expect(clipsRead(calls).size).to.be.lessThan(30);

    clips[0]!.parentElement!.remove();
    expect(nearViewportWaiting(), 'no observer left for cards removed before they came into view').to.equal(0);
  });

  it('a card far below renders nothing until it comes near: an empty box of the placeholder height holds its place', async () => {
    const { adapter, ids } = feedAdapter(30, { batch: false });
    const clips = await renderFeed(adapter, ids, { style: '--samen-placeholder-height: 321px' });
    await settled(clips[0]!);
    const far = clips[29]!;
    // Its updates are done (nothing hangs on a dormant card), and nothing of the card is there.
    const done = await Promise.race([far.updateComplete.then(() => true), new Promise((r) => setTimeout(() => r(false), 1000))]);
    expect(done, 'updateComplete resolves for a waiting card').to.equal(true);
    const boxes = far.shadowRoot!.querySelectorAll('[part~="base"]');
    expect(boxes.length).to.equal(1);
    expect(boxes[0]!.getAttribute('aria-busy')).to.equal('true');
    expect(boxes[0]!.childElementCount, 'no skeleton, no status, no title').to.equal(0);
    // Its box is all its shadow root holds: the card's live region comes with its first render.
    expect(far.shadowRoot!.childElementCount).to.equal(1);
    expect(far.getBoundingClientRect().height).to.be.closeTo(321, 1);
    // Set as a property, `lazy` shows as the attribute on a waiting card too (a feed's styles follow it).
    const added = document.createElement('samen-lesson-clip');
    added.clipId = 'feed-28';
    added.loading = 'lazy';
    far.after(added);
    await added.updateComplete;
    expect(added.getAttribute('loading')).to.equal('lazy');
    expect(title(added)).to.equal('');
    // Made eager while out of the page, it loads when back, wherever it is.
    added.remove();
    added.loading = 'eager';
    far.after(added);
    await waitUntil(() => title(added) === 'Les feed-28', 'an eager card loads far below too', { timeout: 4000 });

    far.scrollIntoView();
    await waitUntil(() => title(far) === 'Les feed-29', 'the card renders and loads once near', { timeout: 4000 });
    expect(far.shadowRoot!.querySelectorAll('[part~="base"]').length, 'the box made way for the card').to.equal(1);
    const region = far.shadowRoot!.querySelector('[data-samen-announcer]');
    expect(region?.getAttribute('role'), 'the live region is there before anything is said in it').to.equal('status');
    expect(far.shadowRoot!.lastElementChild, 'after the card, where no render replaces it').to.equal(region);
  });

  it('a card removed before it came into view never reads and leaves no observer', async () => {
    const { adapter, calls, ids } = feedAdapter(30, { batch: false });
    const clips = await renderFeed(adapter, ids);
    await settled(clips[0]!);
    clips[29]!.remove();
    clips[0]!.parentElement!.style.display = 'none';
    await nextFrame();
    window.scrollTo(0, document.documentElement.scrollHeight);
    await nextFrame();
    expect(clipsRead(calls).has('feed-29')).to.equal(false);
    clips[0]!.parentElement!.remove();
    expect(nearViewportWaiting()).to.equal(0);
  });

  it('placeholders hold the page: cards below do not move when the cards above them load', async () => {
    // The card's real height, as a host would set it for its feed.
    const probe = feedAdapter(1, { batch: false });
    const [one] = await renderFeed(probe.adapter, probe.ids, { eager: true });
    await settled(one!);
    await waitUntil(() => barIn(one!), 'the card and its bar are in');
    await nextFrame();
    const height = one!.getBoundingClientRect().height;
    one!.parentElement!.remove();

    const { adapter, ids } = feedAdapter(30, { batch: false });
    const clips = await renderFeed(adapter, ids, { style: `--samen-placeholder-height: ${height}px` });
    await waitUntil(() => barIn(clips[0]!), 'the first card is in');
    await nextFrame();
    const before = clips.map((el) => el.offsetTop);
    expect(title(clips[20]!)).to.equal('');
    clips[25]!.scrollIntoView();
    await waitUntil(
      () => barIn(clips[25]!) && clips.every((el) => title(el) === '' || barIn(el)),
      'the cards near 25 load, with their bars',
      {
        timeout: 4000,
      },
    );
    await nextFrame();
    const after = clips.map((el) => el.offsetTop);
    expect(title(clips[10]!), 'cards far above stay waiting').to.equal('');
    for (const i of [1, 10, 20, 25, 29]) expect(Math.abs(after[i]! - before[i]!), `card ${i} moved`).to.be.at.most(2);
  });

  it('cards not marked lazy load wherever they are', async () => {
    const { adapter, calls, ids } = feedAdapter(30, { batch: false });
    const clips = await renderFeed(adapter, ids, { eager: true });
    await waitUntil(() => title(clips[29]!) === 'Les feed-29', 'the last eager card loads', { timeout: 4000 });
    expect(clipsRead(calls).size).to.equal(30);
  });

  it('in a lazy feed the browser skips drawing cards far from the screen, and a card keeps its height out of view', async () => {
    const { adapter, ids } = feedAdapter(30, { batch: false });
    const clips = await renderFeed(adapter, ids);
    clips[29]!.scrollIntoView();
    await waitUntil(() => title(clips[29]!) === 'Les feed-29', 'the last card loads once scrolled to', { timeout: 4000 });
    await nextFrame();
    expect(drawn(clips[29]!), 'near the screen it is drawn').to.equal(true);
    const height = clips[29]!.getBoundingClientRect().height;
    window.scrollTo(0, 0);
    await waitUntil(() => title(clips[0]!) === 'Les feed-0', 'the first card is in', { timeout: 4000 });
    await nextFrame();
    // A tap on the first card paints that card, not the ones far below it (issue 23).
    expect(drawn(clips[0]!), 'the card on the screen is drawn').to.equal(true);
    expect(drawn(clips[29]!), 'a loaded card far below is not drawn').to.equal(false);
    expect(clips[29]!.getBoundingClientRect().height, 'out of view it keeps the height it had').to.be.closeTo(height, 1);
  });

  it('eager cards are drawn wherever they are (what an audit of the page sees)', async () => {
    const { adapter, ids } = feedAdapter(30, { batch: false });
    const clips = await renderFeed(adapter, ids, { eager: true });
    await waitUntil(() => title(clips[29]!) === 'Les feed-29', 'every card loads', { timeout: 4000 });
    await nextFrame();
    expect(drawn(clips[29]!), 'a card far below is drawn').to.equal(true);
  });
});

describe('lesson clip feed: the first screen first (issue 23)', () => {
  it('a card just below the screen reads only once the card on the screen has loaded', async () => {
    const { adapter, calls, ids } = feedAdapter(2, { batch: false });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const loose = adapter as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const read = loose['getLessonClip']!;
    loose['getLessonClip'] = async (id: unknown, o?: unknown) => {
      const answer = read(id, o);
      if (id === 'feed-0') await gate;
      return answer;
    };
    const clips = await renderFeed(adapter, ids, { style: '--samen-placeholder-height: 110vh' });
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.single, 'only the card on the screen reads').to.deep.equal(['feed-0']);
    expect(clips[1]!.shadowRoot!.querySelector('.card[aria-busy="true"]')).to.exist;
    release();
    await waitUntil(() => title(clips[1]!) === 'Les feed-1', 'the next card loads once the first has', { timeout: 4000 });
    expect(title(clips[0]!)).to.equal('Les feed-0');
  });

  it("a card's pictures are asked for once its words are painted, in frames of their size", async () => {
    const { adapter, ids } = feedAdapter(1, { batch: false });
    const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale="nl">
      <samen-lesson-clip clip-id=${ids[0]!} view="parent"></samen-lesson-clip>
    </samen-provider>`);
    const clip = wrapper.querySelector('samen-lesson-clip')!;
    const images = () => [...clip.shadowRoot!.querySelectorAll('img')];
    // What the card holds in the moment its words appear, before that frame paints.
    const withWords = await new Promise<{ asked: boolean[]; height: number }>((resolve) => {
      const observer = new MutationObserver(() => {
        if (title(clip) !== 'Les feed-0') return;
        observer.disconnect();
        resolve({ asked: images().map((img) => img.hasAttribute('src')), height: images()[0]?.getBoundingClientRect().height ?? 0 });
      });
      observer.observe(clip.shadowRoot!, { childList: true, subtree: true, characterData: true });
    });
    expect(withWords.asked.length).to.be.greaterThan(0);
    expect(withWords.asked, 'no picture asked for with the words').to.deep.equal(withWords.asked.map(() => false));
    expect(withWords.height, 'the frames keep their size').to.be.greaterThan(0);
    await waitUntil(() => images().every((img) => !!img.getAttribute('src')), 'the pictures follow', { timeout: 2000 });
  });
});

describe('lesson clip feed: reads of one kind in one moment go in one call (issue 23)', () => {
  // Twenty small cards on the first screen: five to a row.
  const small = 'display: grid; grid-template-columns: repeat(5, 1fr); gap: 4px; --samen-placeholder-height: 1px';

  it('20 clips in view make one getLessonClips call when the adapter offers it', async () => {
    const { adapter, calls, ids } = feedAdapter(20, { batch: true });
    const clips = await renderFeed(adapter, ids, { style: small });
    await waitUntil(() => clips.every((el) => title(el) !== ''), 'all 20 load', { timeout: 4000 });
    expect(calls.single).to.deep.equal([]);
    expect(calls.many).to.have.length(1);
    expect([...calls.many[0]!].sort()).to.deep.equal([...ids].sort());
    expect(clips.map(title)).to.deep.equal(ids.map((id) => `Les ${id}`));
    // Their bars, created with the cards, read their reactions together too.
    await waitUntil(() => clips.every(barIn), 'the bars are in', { timeout: 4000 });
    expect(calls.reactions).to.deep.equal([]);
    expect(calls.reactionsMany.flat().sort()).to.deep.equal([...ids].sort());
    expect(calls.reactionsMany.length).to.be.at.most(2);
  });

  it("20 clips in view read the family's answers in one getHomeAnswers call, and each card shows its own", async () => {
    const { adapter, ids } = feedAdapter(20, { batch: true });
    const viewer = await adapter.getViewer();
    adapter.state.answers = adapter.state.answers.filter((a) => !ids.includes(a.clipId));
    adapter.state.answers.push({
      id: 'answer-feed-3',
      clipId: 'feed-3',
      familyId: viewer.familyId!,
      carerId: viewer.id,
      ...(viewer.householdId ? { householdId: viewer.householdId } : {}),
      kind: 'text',
      text: 'Sam vertelde over de wolken',
      updatedAt: new Date().toISOString(),
    });
    const single: string[] = [];
    const many: string[][] = [];
    const loose = adapter as unknown as Record<string, unknown>;
    const getHomeAnswer = adapter.getHomeAnswer.bind(adapter);
    loose['getHomeAnswer'] = (id: string, o?: object) => (single.push(id), getHomeAnswer(id, o));
    const getHomeAnswers = adapter.getHomeAnswers.bind(adapter);
    loose['getHomeAnswers'] = (list: string[], o?: object) => (many.push([...list]), getHomeAnswers(list, o));
    const clips = await renderFeed(adapter, ids, { style: small });
    await waitUntil(() => clips.every((el) => title(el) !== ''), 'all 20 load', { timeout: 4000 });
    expect(single, 'no card asks for its answer alone').to.deep.equal([]);
    expect(many).to.have.length(1);
    expect([...many[0]!].sort()).to.deep.equal([...ids].sort());
    const answerText = (el: SamenLessonClip) => el.shadowRoot!.querySelector('[part="answer"]')?.textContent ?? '';
    expect(answerText(clips[3]!)).to.contain('Sam vertelde over de wolken');
    expect(answerText(clips[4]!)).not.to.contain('Sam vertelde over de wolken');
  });

  it('20 clips make 20 single calls when the adapter has no batch method', async () => {
    const { adapter, calls, ids } = feedAdapter(20, { batch: false });
    const clips = await renderFeed(adapter, ids, { style: small });
    await waitUntil(() => clips.every((el) => title(el) !== ''), 'all 20 load', { timeout: 4000 });
    expect([...calls.single].sort()).to.deep.equal([...ids].sort());
    expect(clips.map(title)).to.deep.equal(ids.map((id) => `Les ${id}`));
  });

  it('an id the batch cannot give is read alone and shows its own error', async () => {
    const { adapter, calls, ids } = feedAdapter(3, { batch: true });
    const clips = await renderFeed(adapter, [...ids, 'no-such-clip'], { style: small });
    await waitUntil(() => !!clips[3]!.shadowRoot!.querySelector('[part~="error"]'), 'the unknown clip shows its error', { timeout: 4000 });
    expect(calls.many).to.have.length(1);
    expect(calls.single).to.deep.equal(['no-such-clip']);
    expect(clips.slice(0, 3).map(title)).to.deep.equal(ids.map((id) => `Les ${id}`));
  });
});
