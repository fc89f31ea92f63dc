/**
 * The reward chart, heard and kept in focus (issue 21): every award and home sticker is
 * announced, also the second and third in a row, with the count ("Muntje gegeven — 32 van 50");
 * focus stays in the chart after each action, also when the control that had it goes away (the
 * award that reaches the goal, Undo, "Start het nieuwe doel", the offline Retry, and the Undo
 * button that disappears after its 10 seconds while focused).
 *
 * What a screen reader hears is read from the chart's live region: every text it is given (a
 * MutationObserver records each change, as a screen reader reads each), and at the end from
 * Chromium's accessibility tree.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-reward-chart.js';
import type { SamenRewardChart } from '../../src/reward-chart/reward-chart.js';
import { UNDO_WINDOW_MS } from '../../src/reward-chart/reward-chart.js';
import { NOW } from '../helpers/fixtures.js';

const CLASS = 'class-wish';
const PERSONAL = 'personal-child-1';

interface AXNode {
  role: string;
  name: string;
  children?: AXNode[];
}

function adapterFor(view: 'parent' | 'teacher'): MemoryAdapter {
  return new MemoryAdapter({ now: NOW, viewerId: view === 'teacher' ? 'teacher-1' : 'parent-1' });
}

async function renderChart(adapter: MemoryAdapter, chartId: string, view: 'parent' | 'teacher'): Promise<SamenRewardChart> {
  const wrapper = await fixture<HTMLElement>(html`<div>
    <button id="before">Voor</button>
    <samen-provider .adapter=${adapter} locale="nl">
      <samen-reward-chart chart-id=${chartId} view=${view}></samen-reward-chart>
    </samen-provider>
  </div>`);
  const el = wrapper.querySelector('samen-reward-chart')!;
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="base"]:not([aria-busy="true"])'), 'chart shown', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

const $ = <E extends HTMLElement = HTMLElement>(el: SamenRewardChart, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const focused = (el: SamenRewardChart) => el.shadowRoot!.activeElement as HTMLElement | null;
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** Every text the chart's live regions are given, in order (what a screen reader reads out). */
function listen(el: SamenRewardChart): string[] {
  const heard: string[] = [];
  const observer = new MutationObserver(() => {
    for (const region of el.shadowRoot!.querySelectorAll('[role="status"], [aria-live]')) {
      const text = (region.textContent ?? '').replace(/\s+/g, ' ').trim();
      const last = (region as HTMLElement).dataset['heard'];
      if (text && text !== last) heard.push(text);
      (region as HTMLElement).dataset['heard'] = text;
    }
  });
  observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
  return heard;
}

/** The words in the chart's live regions, read from Chromium's accessibility tree. */
async function liveRegionWords(): Promise<string> {
  const all = (node: AXNode, role: string): AXNode[] => [
    ...(node.role === role ? [node] : []),
    ...(node.children ?? []).flatMap((c) => all(c, role)),
  ];
  const words = (node: AXNode): string =>
    [node.role === 'StaticText' ? node.name : '', ...(node.children ?? []).map(words)].join(' ').replace(/\s+/g, ' ').trim();
  const tree = (await a11ySnapshot({})) as unknown as AXNode;
  return all(tree, 'status').map(words).join(' | ');
}

/** Focus is inside the chart, on a control or its heading: not on the page's body. */
function expectFocusInside(el: SamenRewardChart, after: string): HTMLElement {
  expect(document.activeElement, `after ${after}: focus on the chart, not the body`).to.equal(el);
  const inner = focused(el);
  expect(inner, `after ${after}: a control in the chart has focus`).to.exist;
  return inner!;
}

/** Presses Enter on the chart's control that has focus (a real key press). */
async function press(el: SamenRewardChart, key = 'Enter'): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

describe('<samen-reward-chart> every award and sticker is heard (issue 21)', () => {
  it('three awards in a row: each announced with the count, focus stays on the award button', async () => {
    const adapter = adapterFor('teacher');
    const el = await renderChart(adapter, CLASS, 'teacher');
    const heard = listen(el);
    $(el, '[part~="award-button"]')!.focus();
    for (const count of [32, 33, 34]) {
      await press(el);
      await waitUntil(() => heard.includes(`Muntje gegeven — ${count} van 50`), `award ${count} heard; heard: ${heard.join(' / ')}`, {
        timeout: 2000,
      });
      expect(expectFocusInside(el, `award ${count}`).getAttribute('part')).to.contain('award-button');
    }
    expect(heard.filter((h) => h.startsWith('Muntje gegeven'))).to.deep.equal([
      'Muntje gegeven — 32 van 50',
      'Muntje gegeven — 33 van 50',
      'Muntje gegeven — 34 van 50',
    ]);
    expect(await liveRegionWords()).to.contain('Muntje gegeven — 34 van 50');
  });

  it('three home stickers in a row: each announced with the count, focus stays in the form', async () => {
    const adapter = adapterFor('parent');
    const el = await renderChart(adapter, PERSONAL, 'parent');
    const heard = listen(el);
    for (const count of [7, 8, 9]) {
      const reason = $<HTMLInputElement>(el, '#reason')!;
      reason.focus();
      await sendKeys({ type: `Zelf opgeruimd ${count}` });
      await press(el);
      await waitUntil(
        () => heard.includes(`Thuis-sticker gegeven — ${count} van 10`),
        `sticker ${count} heard; heard: ${heard.join(' / ')}`,
        {
          timeout: 2000,
        },
      );
      expectFocusInside(el, `sticker ${count}`);
    }
    expect(heard.filter((h) => h.startsWith('Thuis-sticker'))).to.have.length(3);
    expect(await liveRegionWords()).to.contain('Thuis-sticker gegeven — 9 van 10');
  });

  it('in English too, from the language table', async () => {
    await import('../../src/locales/en.js');
    const adapter = adapterFor('teacher');
    const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale="en">
      <samen-reward-chart chart-id=${CLASS} view="teacher"></samen-reward-chart>
    </samen-provider>`);
    const el = wrapper.querySelector('samen-reward-chart')!;
    await waitUntil(() => el.shadowRoot?.querySelector('[part~="award-button"]'), 'shown', { timeout: 4000 });
    const heard = listen(el);
    $(el, '[part~="award-button"]')!.click();
    await waitUntil(() => heard.includes('Token given — 32 of 50'), `heard: ${heard.join(' / ')}`, { timeout: 2000 });
    $(el, '[part~="award-button"]')!.click();
    await waitUntil(() => heard.includes('Token given — 33 of 50'), `heard: ${heard.join(' / ')}`, { timeout: 2000 });
  });
});

describe('<samen-reward-chart> focus never falls to the page (issue 21)', () => {
  it('the award that reaches the goal, then Undo, then the reward and "Start het nieuwe doel"', async () => {
    const adapter = adapterFor('teacher');
    const chart = adapter.state.charts[PERSONAL]!;
    const el = await renderChart(adapter, PERSONAL, 'teacher');
    const goal = chart.goal;
    // Award until one short of the goal, then the award that reaches it, by keyboard.
    $(el, '[part~="award-button"]')!.focus();
    const count = () => Number($(el, '[role="progressbar"]')!.getAttribute('aria-valuenow'));
    for (let i = 0; i < goal && count() < goal - 1; i++) await press(el);
    expect(count()).to.equal(goal - 1);
    expectFocusInside(el, 'the awards before the goal');
    await press(el);
    await waitUntil(() => !$(el, '[part~="award-button"]'), 'goal reached: the award buttons go');
    await tick(20);
    const afterGoal = expectFocusInside(el, 'the award that reaches the goal');
    expect(afterGoal.getAttribute('part') ?? afterGoal.localName).to.match(/undo-button|redeem-button/);

    // Undo, by keyboard: the award comes back, and focus with it.
    $(el, '[part~="undo-button"]')!.focus();
    await press(el);
    await waitUntil(() => !$(el, '[part~="undo-button"]'), 'undone');
    await tick(20);
    expect(expectFocusInside(el, 'Undo').getAttribute('part')).to.contain('award-button');

    // Reach the goal again, celebrate, and start a new goal: focus stays in the chart.
    await press(el);
    await waitUntil(() => $(el, '[part~="redeem-button"]'), 'goal reached again');
    $(el, '[part~="redeem-button"]')!.focus();
    await press(el);
    await waitUntil(() => $(el, '.new-goal input'), 'new-goal form');
    expectFocusInside(el, 'opening the new-goal form');
    $(el, '.new-goal button[type="submit"]')!.focus();
    await press(el);
    await waitUntil(() => !$(el, '.new-goal'), 'new goal started');
    await tick(20);
    expectFocusInside(el, '"Start het nieuwe doel"');
  });

  it('the offline Retry: focus stays in the chart when the alert and its button go', async () => {
    const adapter = adapterFor('teacher');
    adapter.fail('award', 'offline');
    const el = await renderChart(adapter, PERSONAL, 'teacher');
    $(el, '[part~="award-button"]')!.click();
    await waitUntil(() => $(el, '.queued[role="alert"] button'), 'queued alert');
    adapter.recover();
    $(el, '.queued[role="alert"] button')!.focus();
    await press(el);
    await waitUntil(() => !$(el, '.queued[role="alert"]'), 'queue sent');
    await tick(20);
    expectFocusInside(el, 'Retry');
  });

  it('the Undo button that disappears after its 10 seconds while it has focus', async () => {
    const adapter = adapterFor('teacher');
    const el = await renderChart(adapter, CLASS, 'teacher');
    // Fake time: the undo window's timer fires at once, and the clock says the window is over.
    const realSetTimeout = window.setTimeout;
    const realNow = Date.now;
    const start = realNow.call(Date);
    let expired = false;
    window.setTimeout = ((fn: () => void, ms?: number, ...rest: unknown[]) =>
      ms === UNDO_WINDOW_MS
        ? realSetTimeout(() => {
            expired = true;
            fn();
          }, 30)
        : realSetTimeout(fn, ms, ...rest)) as typeof window.setTimeout;
    Date.now = () => (expired ? start + UNDO_WINDOW_MS + 1 : realNow.call(Date));
    try {
      $(el, '[part~="award-button"]')!.click();
      await el.updateComplete;
      $(el, '[part~="undo-button"]')!.focus();
      await waitUntil(() => !$(el, '[part~="undo-button"]'), 'undo window over', { timeout: 2000 });
      await tick(20);
      expect(expectFocusInside(el, 'the undo window').getAttribute('part')).to.contain('award-button');
    } finally {
      window.setTimeout = realSetTimeout;
      Date.now = realNow;
    }
  });
});
