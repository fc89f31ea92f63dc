import { expect, fixture, html } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-reward-chart.js';
import type { SamenRewardChart } from '../../src/reward-chart/reward-chart.js';
import budgets from '../../bench/budgets.json' with { type: 'json' };
import { NOW } from '../helpers/fixtures.js';

/**
 * A teacher's overview: 30 personal sticker charts on one page. Budgets are generous
 * (CI machines vary); the measured numbers are logged as `BENCH …` for trend-watching.
 */
const RENDER_BUDGET_MS = budgets.benchmarksMs['reward-chart-30-render'];
const UPDATE_BUDGET_MS = budgets.benchmarksMs['reward-chart-30-update'];
const N = 30;

const ids = Array.from({ length: N }, (_, i) => `personal-bench-${i + 1}`);
const tick = () => new Promise((r) => setTimeout(r, 0));
const loaded = (el: SamenRewardChart) => !!el.shadowRoot?.querySelector('[role="progressbar"]');
const count = (el: SamenRewardChart) => Number(el.shadowRoot!.querySelector('[role="progressbar"]')!.getAttribute('aria-valuenow'));

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

describe('<samen-reward-chart> × 30 (bench)', () => {
  it('renders 30 personal charts and awards a sticker on each within budget', async () => {
    const adapter = new MemoryAdapter({ now: NOW, viewerId: 'teacher-1' });
    const template = adapter.state.charts['personal-child-1']!;
    ids.forEach((id, i) => {
      adapter.state.charts[id] = { ...structuredClone(template), id, childName: `Kind ${i + 1}` };
    });

    const start = performance.now();
    const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter}>
      <div style="display:grid; grid-template-columns: repeat(3, 1fr); gap: 8px">
        ${ids.map((id) => html`<samen-reward-chart chart-id=${id} view="teacher"></samen-reward-chart>`)}
      </div>
    </samen-provider>`);
    const els = [...wrapper.querySelectorAll('samen-reward-chart')];
    while (!els.every(loaded)) {
      if (performance.now() - start > 10_000) throw new Error('charts never finished loading');
      await tick();
    }
    await Promise.all(els.map((el) => el.updateComplete));
    const renderMs = performance.now() - start;

    expect(els).to.have.length(N);
    await expect(els[0]).to.be.accessible();
    expect(els.map(count)).to.deep.equal(Array(N).fill(6));
    expect(els[N - 1]!.shadowRoot!.querySelector('[part~="badge"]')!.textContent).to.equal(`Stickerkaart van Kind ${N}`);

    let awarded = 0;
    wrapper.addEventListener('samen-award', () => (awarded += 1));
    const updateStart = performance.now();
    for (const el of els) el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="award-button"]')!.click();
    const storedAll = () => ids.every((id) => adapter.state.charts[id]!.awards.length === 7);
    while (!(awarded === N && storedAll() && els.every((el) => count(el) === 7))) {
      if (performance.now() - updateStart > 10_000) throw new Error('awards never all stored');
      await tick();
    }
    await Promise.all(els.map((el) => el.updateComplete));
    const updateMs = performance.now() - updateStart;

    console.log(`BENCH reward-chart 30 charts: render=${Math.round(renderMs)}ms update=${Math.round(updateMs)}ms`);
    expect(adapter.appliedWrites).to.equal(N);
    expect(els.map(count)).to.deep.equal(Array(N).fill(7));
    expect(renderMs).to.be.below(RENDER_BUDGET_MS);
    expect(updateMs).to.be.below(UPDATE_BUDGET_MS);
  });
});
