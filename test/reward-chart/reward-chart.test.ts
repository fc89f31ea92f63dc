import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-reward-chart.js';
import { SamenRewardChart } from '../../src/reward-chart/reward-chart.js';
import { UNDO_WINDOW_MS } from '../../src/reward-chart/reward-chart.js';
import type { SamenErrorDetail } from '../../src/core/events.js';
import { NOW, collectErrors, settled } from '../helpers/fixtures.js';

const CLASS = 'class-wish';
const PERSONAL = 'personal-child-1';

type View = 'parent' | 'teacher';

function adapterFor(view: View = 'parent', { latency = 0, locale = 'nl' }: { latency?: number; locale?: 'nl' | 'en' } = {}): MemoryAdapter {
  return new MemoryAdapter({ now: NOW, viewerId: view === 'teacher' ? 'teacher-1' : 'parent-1', latency, locale });
}

async function renderChart(
  adapter: MemoryAdapter | undefined,
  {
    chartId = CLASS,
    view = 'parent',
    locale = 'nl',
    dir = 'ltr',
    wait = true,
  }: { chartId?: string; view?: View; locale?: string; dir?: string; wait?: boolean } = {},
): Promise<SamenRewardChart> {
  const wrapper = await fixture<HTMLElement>(html`<div dir=${dir}>
    <button id="before">Voor</button>
    <samen-provider .adapter=${adapter} locale=${locale}>
      <samen-reward-chart chart-id=${chartId} view=${view}></samen-reward-chart>
    </samen-provider>
  </div>`);
  const el = wrapper.querySelector('samen-reward-chart')!;
  if (wait) await settled(el);
  return el;
}

const root = (el: SamenRewardChart) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: SamenRewardChart, selector: string) => root(el).querySelector<E & Element>(selector);
const $$ = <E extends Element = HTMLElement>(el: SamenRewardChart, selector: string) => [
  ...root(el).querySelectorAll<E & Element>(selector),
];
const bar = (el: SamenRewardChart) => $(el, '[role="progressbar"]')!;
const count = (el: SamenRewardChart) => Number(bar(el).getAttribute('aria-valuenow'));
const awardButtons = (el: SamenRewardChart) => $$<HTMLButtonElement>(el, '[part~="award-button"]');
const undoButton = (el: SamenRewardChart) => $<HTMLButtonElement>(el, '[part~="undo-button"]');
const redeemButton = (el: SamenRewardChart) => $<HTMLButtonElement>(el, '[part~="redeem-button"]');
const alert = (el: SamenRewardChart) => $(el, '.queued[role="alert"]');
const stored = (adapter: MemoryAdapter, chartId = CLASS) => adapter.state.charts[chartId]!.awards;
const text = (el: SamenRewardChart) => root(el).textContent.replace(/\s+/g, ' ');
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

describe('<samen-reward-chart> states', () => {
  it('class chart for a parent is accessible and has a named progressbar', async () => {
    const el = await renderChart(adapterFor());
    await expect(el).to.be.accessible();
    expect(bar(el).getAttribute('aria-valuenow')).to.equal('31');
    expect(bar(el).getAttribute('aria-valuemin')).to.equal('0');
    expect(bar(el).getAttribute('aria-valuemax')).to.equal('50');
    expect(bar(el).getAttribute('aria-valuetext')).to.equal('31 van 50 muntjes');
    expect(bar(el).getAttribute('aria-label')).to.equal('Rustig in de gang');
    expect($$(el, '[part~="spot-filled"]')).to.have.length(31);
    expect($$(el, '[part~="spot"]')).to.have.length(50);
    expect(text(el)).to.contain('Nog 19 te gaan');
    expect($(el, '[part~="badge"]')!.textContent).to.equal('Klassendoel');
  });

  it('class chart for a teacher is accessible, with one award button per focus', async () => {
    const el = await renderChart(adapterFor('teacher'), { view: 'teacher' });
    await expect(el).to.be.accessible();
    expect(awardButtons(el)).to.have.length(2);
    expect(awardButtons(el)[0]!.textContent).to.contain('Muntje geven').and.contain('Voor: Ik loop rustig in de gang');
  });

  it('personal chart for a parent, with the home-sticker form, is accessible', async () => {
    const el = await renderChart(adapterFor(), { chartId: PERSONAL });
    await expect(el).to.be.accessible();
    expect($(el, '[part~="home-sticker"]')).to.exist;
    expect($(el, '[part~="badge"]')!.textContent).to.equal('Stickerkaart van Noor');
    expect(bar(el).getAttribute('aria-valuetext')).to.equal('6 van 10 stickers');
    expect($$(el, '[part~="stickers"] li')).to.have.length(6);
    expect(awardButtons(el)).to.have.length(0);
  });

  it('personal chart for a teacher is accessible, without the home-sticker form', async () => {
    const el = await renderChart(adapterFor('teacher'), { chartId: PERSONAL, view: 'teacher' });
    await expect(el).to.be.accessible();
    expect($(el, '[part~="home-sticker"]')).to.not.exist;
    expect(awardButtons(el)).to.have.length(1);
    expect(awardButtons(el)[0]!.textContent).to.contain('Sticker geven');
  });

  it('goal reached is accessible; the teacher may redeem, the parent may not', async () => {
    const teacher = adapterFor('teacher');
    teacher.state.charts[CLASS]!.goal = 31;
    const el = await renderChart(teacher, { view: 'teacher' });
    await expect(el).to.be.accessible();
    expect($(el, '[part~="celebration"]')!.textContent).to.contain('Doel bereikt!');
    expect(redeemButton(el)).to.exist;
    expect(awardButtons(el)).to.have.length(0);

    const parent = teacher.forViewer('parent-1');
    const parentEl = await renderChart(parent);
    await expect(parentEl).to.be.accessible();
    expect($(parentEl, '[part~="celebration"]')!.textContent).to.contain('Doel bereikt!');
    expect(redeemButton(parentEl)).to.not.exist;
  });

  it('loading state is accessible and busy', async () => {
    const el = await renderChart(adapterFor('parent', { latency: 400 }), { wait: false });
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect($(el, '.card[aria-busy="true"]')).to.exist;
    expect($(el, '[role="status"]')!.textContent).to.contain('Laden');
    await settled(el);
    expect(bar(el)).to.exist;
  });

  it('error state is accessible; retry works once the host recovers', async () => {
    const adapter = adapterFor();
    adapter.fail('getRewardChart', 'offline');
    let el!: SamenRewardChart;
    const errors: SamenErrorDetail[] = await collectErrors(async () => {
      el = await renderChart(adapter);
    });
    await expect(el).to.be.accessible();
    expect($(el, '[role="alert"]')!.textContent).to.contain('Geen internet');
    expect(errors.map((e) => [e.kind, e.fatal])).to.deep.include(['offline', true]);
    const retry = $<HTMLButtonElement>(el, '[part~="retry"]')!;
    retry.click();
    await tick(20);
    await settled(el);
    expect($(el, '[part~="error"]')).to.exist; // still failing
    adapter.recover();
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await waitUntil(() => $(el, '[role="progressbar"]'), 'chart after retry');
    expect(count(el)).to.equal(31);
    await expect(el).to.be.accessible();
  });

  it('not connected (no adapter) is accessible, without retry', async () => {
    const el = await renderChart(undefined);
    await expect(el).to.be.accessible();
    expect($(el, '[role="alert"]')!.textContent).to.contain('Niet verbonden');
    expect($(el, '[part~="retry"]')).to.not.exist;
  });

  for (const goal of [0, -5]) {
    it(`invalid data (goal ${goal}) is an accessible error naming chart.goal`, async () => {
      const adapter = adapterFor();
      adapter.state.charts[CLASS]!.goal = goal;
      let el!: SamenRewardChart;
      const errors = await collectErrors(async () => {
        el = await renderChart(adapter);
      });
      await expect(el).to.be.accessible();
      expect($(el, '[role="alert"]')!.textContent).to.contain('Dit kunnen we niet laten zien');
      expect($(el, '.issues')!.textContent).to.contain('chart.goal');
      expect(bar(el)).to.not.exist;
      const fatal = errors.find((e) => e.kind === 'invalid-data')!;
      expect(fatal.fatal).to.equal(true);
      expect(fatal.issues.map((i) => i.path)).to.include('chart.goal');
    });
  }

  it('English is accessible', async () => {
    const el = await renderChart(adapterFor('teacher', { locale: 'en' }), { view: 'teacher', locale: 'en' });
    await expect(el).to.be.accessible();
    expect(bar(el).getAttribute('aria-valuetext')).to.equal('31 of 50 tokens');
    expect($(el, '[part~="badge"]')!.textContent).to.equal('Class goal');
    expect($(el, 'article')!.getAttribute('lang')).to.equal('en');
    expect(awardButtons(el)[0]!.textContent).to.contain('Give a token');
  });

  it('right-to-left is accessible', async () => {
    const el = await renderChart(adapterFor(), { dir: 'rtl', chartId: PERSONAL });
    await expect(el).to.be.accessible();
    expect(el.matches(':dir(rtl)')).to.equal(true);
  });
});

describe('<samen-reward-chart> teacher awards', () => {
  it('awards in one tap: counted at once, stored, samen-award fired', async () => {
    const adapter = adapterFor('teacher', { latency: 40 });
    const el = await renderChart(adapter, { view: 'teacher' });
    await expect(el).to.be.accessible();
    const event = oneEvent(el, 'samen-award');
    awardButtons(el)[0]!.click();
    await el.updateComplete;
    expect(count(el)).to.equal(32);
    expect(bar(el).getAttribute('aria-valuetext')).to.equal('32 van 50 muntjes');
    expect(stored(adapter)).to.have.length(31); // not yet at the host
    expect($(el, '[role="status"]')!.textContent).to.equal('Muntje gegeven — 32 van 50');
    const { detail } = await event;
    expect(detail.chartId).to.equal(CLASS);
    expect(detail.expectationId).to.equal('f1');
    expect(detail.awardId).to.be.a('string').and.not.empty;
    expect(stored(adapter).map((a) => a.id)).to.include(detail.awardId);
    expect(stored(adapter).find((a) => a.id === detail.awardId)).to.include({ source: 'school', expectationId: 'f1' });
    await el.updateComplete;
    expect(count(el)).to.equal(32);
    await expect(el).to.be.accessible();
  });

  it('awards with the keyboard only (Tab, then Enter and Space)', async () => {
    const adapter = adapterFor('teacher');
    const el = await renderChart(adapter, { view: 'teacher' });
    document.getElementById('before')!.focus();
    // First the "Preview as parent" switch above the chart, then "Voor wie?" (the whole class
    // unless a child is chosen), then the award buttons. Focus is compared as booleans: chai
    // hangs pretty-printing two elements that differ.
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement!.part.contains('preview-toggle')).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.closest('.for-whom') != null, 'Voor wie? is next').to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement === awardButtons(el)[0], 'the first award button').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => stored(adapter).length === 32, 'award by Enter');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement === awardButtons(el)[1], 'the second award button').to.equal(true);
    await sendKeys({ press: 'Space' });
    await waitUntil(() => stored(adapter).length === 33, 'award by Space');
    expect(stored(adapter)[stored(adapter).length - 1]!.expectationId).to.equal('f2');
    await el.updateComplete;
    expect(count(el)).to.equal(33);
    // The undo button is next in the tab order.
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement === undoButton(el), 'undo is next').to.equal(true);
  });

  it('20 rapid taps award exactly 20', async () => {
    const adapter = adapterFor('teacher', { latency: 5 });
    adapter.state.charts[CLASS]!.goal = 100;
    const el = await renderChart(adapter, { view: 'teacher' });
    const awarded: string[] = [];
    el.addEventListener('samen-award', (e) => awarded.push(e.detail.awardId));
    const button = awardButtons(el)[0]!;
    for (let i = 0; i < 20; i++) button.click();
    await el.updateComplete;
    expect(count(el)).to.equal(51);
    await waitUntil(() => stored(adapter).length >= 51, 'all 20 stored', { timeout: 4000 });
    await tick(100);
    expect(stored(adapter)).to.have.length(51);
    expect(new Set(stored(adapter).map((a) => a.id)).size).to.equal(51);
    expect(adapter.appliedWrites).to.equal(20);
    expect(new Set(awarded).size).to.equal(20);
    await el.updateComplete;
    expect(count(el)).to.equal(51);
  });

  it('queues taps while offline, keeps them across re-creation, sends each once when back online', async () => {
    const adapter = adapterFor('teacher');
    adapter.fail('award', 'offline');
    let el = await renderChart(adapter, { view: 'teacher' });
    for (let i = 0; i < 3; i++) {
      awardButtons(el)[0]!.click();
      await tick(5);
    }
    await waitUntil(() => alert(el), 'queued alert');
    expect(count(el)).to.equal(34);
    expect(alert(el)!.textContent).to.contain('Nog niet verstuurd: 3');
    expect(stored(adapter)).to.have.length(31);
    await expect(el).to.be.accessible();

    el.closest('div')!.remove();
    el = await renderChart(adapter, { view: 'teacher' });
    await waitUntil(() => alert(el), 'queued alert after re-creation');
    expect(count(el)).to.equal(34);
    expect(alert(el)!.textContent).to.contain('Nog niet verstuurd: 3');

    adapter.recover();
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => !alert(el) && stored(adapter).length === 34, 'queue drained');
    await tick(50);
    expect(adapter.appliedWrites).to.equal(3);
    expect(stored(adapter)).to.have.length(34);
    await el.updateComplete;
    expect(count(el)).to.equal(34);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('samen:awards'))).to.deep.equal([]);
  });

  it('the retry button in the queued alert sends the queue', async () => {
    const adapter = adapterFor('teacher');
    adapter.fail('award', 'offline');
    const el = await renderChart(adapter, { view: 'teacher', chartId: PERSONAL });
    awardButtons(el)[0]!.click();
    await waitUntil(() => alert(el), 'queued alert');
    expect(alert(el)!.textContent).to.contain('Nog niet verstuurd: 1');
    adapter.recover();
    alert(el)!.querySelector('button')!.click();
    await waitUntil(() => !alert(el), 'alert gone');
    expect(stored(adapter, PERSONAL)).to.have.length(7);
    expect(adapter.appliedWrites).to.equal(1);
  });
});

describe('<samen-reward-chart> undo', () => {
  it('undoes an award that was already sent', async () => {
    const adapter = adapterFor('teacher');
    const el = await renderChart(adapter, { view: 'teacher' });
    const awarded = oneEvent(el, 'samen-award');
    awardButtons(el)[0]!.click();
    const { detail } = await awarded;
    await el.updateComplete;
    expect(undoButton(el)).to.exist;
    await expect(el).to.be.accessible();
    const undone = oneEvent(el, 'samen-undo');
    undoButton(el)!.click();
    const undo = await undone;
    expect(undo.detail).to.deep.equal({ chartId: CLASS, awardId: detail.awardId });
    expect(stored(adapter).map((a) => a.id)).to.not.include(detail.awardId);
    expect(stored(adapter)).to.have.length(31);
    await el.updateComplete;
    expect(count(el)).to.equal(31);
    expect(undoButton(el)).to.not.exist;
    expect($(el, '[role="status"]')!.textContent).to.equal('Ongedaan gemaakt');
  });

  it('undoes an award that is still queued: it is never sent', async () => {
    const adapter = adapterFor('teacher');
    adapter.fail('award', 'offline');
    const el = await renderChart(adapter, { view: 'teacher' });
    awardButtons(el)[1]!.click();
    await waitUntil(() => alert(el), 'queued');
    expect(count(el)).to.equal(32);
    const attempts = adapter.calls.filter((c) => c.method === 'award').length;
    const undone = oneEvent(el, 'samen-undo');
    undoButton(el)!.click();
    await undone;
    expect(adapter.calls.filter((c) => c.method === 'award')).to.have.length(attempts);
    await el.updateComplete;
    expect(count(el)).to.equal(31);
    expect(alert(el)).to.not.exist;
    adapter.recover();
    window.dispatchEvent(new Event('online'));
    await tick(50);
    expect(stored(adapter)).to.have.length(31);
    expect(adapter.appliedWrites).to.equal(0);
    expect(adapter.calls.some((c) => c.method === 'undoAward')).to.equal(false);
  });

  it('undoes an award that is still on its way to the host', async () => {
    const adapter = adapterFor('teacher', { latency: 40 });
    const el = await renderChart(adapter, { view: 'teacher' });
    awardButtons(el)[0]!.click();
    await el.updateComplete;
    const undone = oneEvent(el, 'samen-undo');
    undoButton(el)!.click();
    await undone;
    await tick(150);
    expect(stored(adapter)).to.have.length(31);
    await el.updateComplete;
    expect(count(el)).to.equal(31);
  });

  it('an undo is not overtaken by the award it takes back (slow award, fast undo)', async () => {
    const adapter = adapterFor('teacher', { latency: 80 });
    const el = await renderChart(adapter, { view: 'teacher' });
    awardButtons(el)[0]!.click();
    await el.updateComplete;
    adapter.latency = 0; // the undo's request would arrive first
    const undone = oneEvent(el, 'samen-undo');
    undoButton(el)!.click();
    await undone;
    await tick(200);
    expect(stored(adapter)).to.have.length(31);
    await el.updateComplete;
    expect(count(el)).to.equal(31);
  });

  it('keeps the award and says so when the host refuses the undo', async () => {
    const adapter = adapterFor('teacher');
    const el = await renderChart(adapter, { view: 'teacher' });
    const awarded = oneEvent(el, 'samen-award');
    awardButtons(el)[0]!.click();
    await awarded;
    adapter.failNext('undoAward', 'unavailable');
    const errors = await collectErrors(async () => {
      undoButton(el)!.click();
      await waitUntil(() => $(el, '[role="status"]')!.textContent === 'Dat lukte niet. Probeer het nog eens.', 'failure message');
    });
    expect(errors.map((e) => [e.kind, e.fatal])).to.deep.equal([['unavailable', false]]);
    expect(stored(adapter)).to.have.length(32);
    expect(count(el)).to.equal(32);
    expect(undoButton(el)).to.exist; // may try again
    await expect(el).to.be.accessible();
  });

  it('offers undo only within the undo window', async () => {
    const adapter = adapterFor('teacher');
    const el = await renderChart(adapter, { view: 'teacher' });
    awardButtons(el)[0]!.click();
    await el.updateComplete;
    expect(undoButton(el)).to.exist;
    const realNow = Date.now;
    const start = realNow.call(Date);
    try {
      Date.now = () => start + UNDO_WINDOW_MS + 1;
      el.requestUpdate();
      await el.updateComplete;
      expect(undoButton(el)).to.not.exist;
    } finally {
      Date.now = realNow;
    }
  });
});

describe('<samen-reward-chart> redeem', () => {
  it('celebrates the reward and starts a new goal', async () => {
    const adapter = adapterFor('teacher');
    adapter.state.charts[CLASS]!.goal = 31;
    const el = await renderChart(adapter, { view: 'teacher' });
    redeemButton(el)!.click();
    await el.updateComplete;
    const form = $<HTMLFormElement>(el, 'form.new-goal')!;
    const goal = form.querySelector<HTMLInputElement>('input[name="goal"]')!;
    const reward = form.querySelector<HTMLInputElement>('input[name="reward"]')!;
    expect(goal.value).to.equal('31');
    expect(reward.value).to.equal('Extra gymles');
    await expect(el).to.be.accessible();
    goal.value = '30';
    reward.value = 'Disco';
    const redeemed = oneEvent(el, 'samen-redeem');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const { detail } = await redeemed;
    expect(detail).to.deep.equal({ chartId: CLASS, reward: 'Extra gymles' });
    await el.updateComplete;
    expect($(el, '[part~="celebration"]')!.textContent).to.contain('Gefeliciteerd! Tijd voor: Extra gymles');
    expect(bar(el).getAttribute('aria-valuetext')).to.equal('0 van 30 muntjes');
    expect(count(el)).to.equal(0);
    expect($(el, '.earned')!.textContent).to.contain('Extra gymles');
    expect($(el, '.reward')!.textContent).to.contain('Disco');
    expect(adapter.state.charts[CLASS]).to.include({ goal: 30, reward: 'Disco' });
    expect(stored(adapter)).to.have.length(0);
    expect(awardButtons(el)).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('keeps the form and the tokens when the host refuses the redeem', async () => {
    const adapter = adapterFor('teacher');
    adapter.state.charts[CLASS]!.goal = 31;
    const el = await renderChart(adapter, { view: 'teacher' });
    redeemButton(el)!.click();
    await el.updateComplete;
    adapter.failNext('redeem', 'offline');
    let redeemed = false;
    el.addEventListener('samen-redeem', () => (redeemed = true));
    const errors = await collectErrors(async () => {
      $<HTMLButtonElement>(el, 'form.new-goal button[type="submit"]')!.click();
      await waitUntil(() => $(el, '[role="status"]')!.textContent === 'Dat lukte niet. Probeer het nog eens.', 'failure message');
    });
    expect(errors.map((e) => [e.kind, e.fatal])).to.deep.equal([['offline', false]]);
    expect(redeemed).to.equal(false);
    expect($(el, 'form.new-goal')).to.exist;
    expect(count(el)).to.equal(31);
    expect(stored(adapter)).to.have.length(31);
  });

  it('a parent never sees award, undo or redeem buttons', async () => {
    const adapter = adapterFor();
    adapter.state.charts[CLASS]!.goal = 31;
    for (const chartId of [CLASS, PERSONAL]) {
      const el = await renderChart(adapter, { chartId });
      expect(awardButtons(el), chartId).to.have.length(0);
      expect(undoButton(el), chartId).to.not.exist;
      expect(redeemButton(el), chartId).to.not.exist;
    }
  });
});

describe('<samen-reward-chart> positive only', () => {
  const NEGATIVE = /minus|deduct|aftrek|afhalen|strafpunt|penalt|−|-\s*1\b/i;

  it('the teacher view has no way to take tokens away', async () => {
    const adapter = adapterFor('teacher');
    const el = await renderChart(adapter, { view: 'teacher' });
    awardButtons(el)[0]!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    for (const node of $$(el, '*')) expect(node.textContent ?? '').to.not.match(NEGATIVE);
    for (const button of $$(el, 'button')) {
      expect(
        ['award-button', 'undo-button', 'redeem-button', 'preview-toggle'].some((p) => button.part.contains(p)),
        button.textContent,
      ).to.equal(true);
    }
    expect($(el, '.positive-only')!.textContent).to.contain('pakken er nooit een af');
  });

  it('says what it gives: tokens on the class chart, stickers on a personal chart (PBS: a personal chart uses stickers)', async () => {
    const teacher = await renderChart(adapterFor('teacher'), { view: 'teacher' });
    expect($(teacher, '.positive-only')!.textContent).to.contain('muntjes').and.not.contain('stickers');
    const personal = await renderChart(adapterFor('teacher'), { chartId: PERSONAL, view: 'teacher' });
    expect($(personal, '.positive-only')!.textContent).to.contain('stickers').and.not.contain('muntjes');
  });

  it('keeps no streak: awards on many days in a row are not counted as a run to keep up', async () => {
    const adapter = adapterFor();
    const chart = adapter.state.charts[PERSONAL]!;
    for (let day = 0; day < 6; day += 1) {
      chart.awards.push({ id: `daily-${day}`, source: 'home', createdAt: new Date(NOW.getTime() - day * 86_400_000).toISOString() });
    }
    const el = await renderChart(adapter, { chartId: PERSONAL });
    await expect(el).to.be.accessible();
    expect(text(el)).to.not.match(/op rij|in a row|achter elkaar|streak|reeks/i);
  });

  it('a class chart never shows children’s names to parents', async () => {
    const adapter = adapterFor();
    const chart = adapter.state.charts[CLASS]!;
    chart.childName = 'Noor';
    chart.awards.push({
      id: 'named',
      source: 'school',
      reason: 'Rustig gewacht',
      givenBy: 'Noor Jansen',
      createdAt: new Date(NOW.getTime() + 3_600_000).toISOString(),
    });
    const el = await renderChart(adapter);
    await expect(el).to.be.accessible();
    expect(text(el)).to.contain('Rustig gewacht');
    expect(text(el)).to.not.contain('Noor');
    for (const family of adapter.state.families['groep6-wish'] ?? []) expect(text(el)).to.not.contain(family.name);
    expect(text(el)).to.not.match(/\bfam-\d/);
  });
});

describe('<samen-reward-chart> bad data from the host', () => {
  it('counts duplicate award ids once and reports it (non-fatal)', async () => {
    const adapter = adapterFor();
    const awards = adapter.state.charts[CLASS]!.awards;
    awards.push({ ...awards[0]! });
    let el!: SamenRewardChart;
    const errors = await collectErrors(async () => {
      el = await renderChart(adapter);
    });
    await expect(el).to.be.accessible();
    expect(count(el)).to.equal(31);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ kind: 'invalid-data', fatal: false, element: el });
    expect(errors[0]!.issues.map((i) => i.path)).to.deep.equal(['awards.31.id']);
    expect($(el, '[role="note"]')!.textContent).to.contain('klopten niet');
  });

  it('keeps an award for an unknown expectation and reports it (non-fatal)', async () => {
    const adapter = adapterFor();
    adapter.state.charts[CLASS]!.awards.push({ id: 'x1', source: 'school', expectationId: 'gone', createdAt: NOW.toISOString() });
    let el!: SamenRewardChart;
    const errors = await collectErrors(async () => {
      el = await renderChart(adapter);
    });
    expect(count(el)).to.equal(32);
    expect(errors.map((e) => [e.kind, e.fatal])).to.deep.equal([['invalid-data', false]]);
    expect(errors[0]!.issues.map((i) => i.path)).to.deep.equal(['awards.31.expectationId']);
    await expect(el).to.be.accessible();
  });

  it('pulls a future date back and reports it (non-fatal)', async () => {
    const adapter = adapterFor();
    const future = new Date(Date.now() + 5 * 86_400_000).toISOString();
    adapter.state.charts[PERSONAL]!.awards.push({ id: 'x2', source: 'school', reason: 'Uit de toekomst', createdAt: future });
    let el!: SamenRewardChart;
    const errors = await collectErrors(async () => {
      el = await renderChart(adapter, { chartId: PERSONAL });
    });
    expect(count(el)).to.equal(7);
    expect(errors.map((e) => [e.kind, e.fatal])).to.deep.equal([['invalid-data', false]]);
    expect(errors[0]!.issues.map((i) => i.path)).to.deep.equal(['awards.6.createdAt']);
    expect($(el, '[part~="stickers"] li')!.textContent).to.contain('Uit de toekomst');
    await expect(el).to.be.accessible();
  });

  it('shows more tokens than the goal as reached, capped at the goal', async () => {
    const adapter = adapterFor('teacher');
    adapter.state.charts[PERSONAL]!.goal = 4;
    let el!: SamenRewardChart;
    const errors = await collectErrors(async () => {
      el = await renderChart(adapter, { chartId: PERSONAL, view: 'teacher' });
    });
    expect(errors).to.deep.equal([]);
    expect(bar(el).getAttribute('aria-valuenow')).to.equal('4');
    expect(bar(el).getAttribute('aria-valuemax')).to.equal('4');
    expect(bar(el).getAttribute('aria-valuetext')).to.equal('4 van 4 stickers');
    expect($$(el, '[part~="spot"]')).to.have.length(4);
    expect($(el, '[part~="celebration"]')!.textContent).to.contain('Doel bereikt!');
    expect(redeemButton(el)).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows a bar instead of spots for large goals, capped at 100%', async () => {
    const adapter = adapterFor();
    adapter.state.charts[CLASS]!.goal = 200;
    const el = await renderChart(adapter);
    expect($$(el, '[part~="spot"]')).to.have.length(0);
    expect($(el, '.bar')).to.exist;
    expect(bar(el).getAttribute('aria-valuetext')).to.equal('31 van 200 muntjes');
    await expect(el).to.be.accessible();
  });
});

describe('<samen-reward-chart> sparse charts', () => {
  it('a chart without focus expectations or awards has one award button and an encouraging empty list', async () => {
    const adapter = adapterFor('teacher');
    Object.assign(adapter.state.charts[PERSONAL]!, { focus: [], awards: [] });
    const el = await renderChart(adapter, { chartId: PERSONAL, view: 'teacher' });
    await expect(el).to.be.accessible();
    expect($(el, '[part~="focus"]')).to.not.exist;
    expect(text(el)).to.contain('Nog geen stickers');
    expect(awardButtons(el)).to.have.length(1);
    expect(awardButtons(el)[0]!.textContent.trim()).to.equal('Sticker geven');
    const awarded = oneEvent(el, 'samen-award');
    awardButtons(el)[0]!.click();
    const { detail } = await awarded;
    expect(detail).to.not.have.property('expectationId');
    await el.updateComplete;
    expect($$(el, '[part~="stickers"] li')).to.have.length(1);
    expect($(el, '[part~="stickers"] li .source')!.textContent).to.equal('Op school');
  });
});

describe('<samen-reward-chart> home stickers', () => {
  it('a parent adds a home sticker with a reason; it shows as “Thuis”', async () => {
    const adapter = adapterFor();
    const el = await renderChart(adapter, { chartId: PERSONAL });
    const input = $<HTMLInputElement>(el, '[part~="home-sticker"] input[name="reason"]')!;
    input.focus();
    await sendKeys({ type: 'Zelf de vaatwasser uitgeruimd' });
    const awarded = oneEvent(el, 'samen-award');
    await sendKeys({ press: 'Enter' });
    const { detail } = await awarded;
    expect(detail).to.include({ chartId: PERSONAL, reason: 'Zelf de vaatwasser uitgeruimd' });
    expect(input.value).to.equal('');
    const award = stored(adapter, PERSONAL).find((a) => a.id === detail.awardId)!;
    expect(award).to.include({ source: 'home', reason: 'Zelf de vaatwasser uitgeruimd', givenBy: 'Familie Jansen' });
    const call = adapter.calls.find((c) => c.method === 'award')!;
    expect(call.input).to.include({ chartId: PERSONAL, reason: 'Zelf de vaatwasser uitgeruimd' });
    await el.updateComplete;
    const item = $$(el, '[part~="stickers"] li').find((li) => li.textContent.includes('vaatwasser'))!;
    expect(item.classList.contains('home')).to.equal(true);
    expect(item.querySelector('.source')!.textContent).to.equal('Thuis');
    expect(count(el)).to.equal(7);
    expect(undoButton(el)).to.not.exist; // undo is a teacher's tool
    await expect(el).to.be.accessible();
  });

  it('has no form when home stickers are off', async () => {
    const adapter = adapterFor();
    adapter.state.charts[PERSONAL]!.homeStickersEnabled = false;
    const el = await renderChart(adapter, { chartId: PERSONAL });
    await expect(el).to.be.accessible();
    expect($(el, '[part~="home-sticker"]')).to.not.exist;
    // The only control left is the adults' "Keuzes voor het kind" (issue 24): no sticker form, input or other button.
    expect($$(el, 'form, input, button:not([part~="choices-open"])')).to.have.length(0);
    expect($$(el, 'button').map((b) => b.textContent?.trim())).to.deep.equal(['Keuzes voor het kind']);
  });
});

describe('<samen-reward-chart> live updates', () => {
  it('a parent sees a teacher’s award without reloading', async () => {
    const adapter = adapterFor();
    const el = await renderChart(adapter);
    await expect(el).to.be.accessible();
    const teacher = adapter.forViewer('teacher-1');
    await teacher.award({ id: 'live-1', chartId: CLASS, expectationId: 'f2' });
    await waitUntil(() => count(el) === 32, 'parent count updated');
    expect(bar(el).getAttribute('aria-valuetext')).to.equal('32 van 50 muntjes');
  });

  it('a teacher’s chart in another element updates too', async () => {
    const adapter = adapterFor('teacher');
    const a = await renderChart(adapter, { view: 'teacher' });
    const parentEl = await renderChart(adapter.forViewer('parent-1'));
    awardButtons(a)[0]!.click();
    await waitUntil(() => count(parentEl) === 32, 'second view updated');
    expect(count(a)).to.equal(32);
  });

  it('keeps following live updates after the element is moved in the page', async () => {
    const adapter = adapterFor();
    const el = await renderChart(adapter);
    const provider = el.closest('samen-provider')!;
    const box = document.createElement('section');
    provider.append(box);
    box.append(el); // disconnect + connect, same adapter and chart
    await settled(el);
    await adapter.forViewer('teacher-1').award({ id: 'live-after-move', chartId: CLASS });
    await waitUntil(() => count(el) === 32, 'count updated after move', { timeout: 1000 });
  });
});

describe('<samen-reward-chart> teacher view on demand', () => {
  /** A chart whose teacher view cannot be loaded (the network failed) until `works` is set. */
  let works = false;
  class BrokenTeacherChart extends SamenRewardChart {
    protected static override loadTeacherView = () =>
      works
        ? import('../../src/reward-chart/teacher-view.js')
        : Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
  }
  customElements.define('broken-teacher-chart', BrokenTeacherChart);

  it('a teacher view that cannot be loaded shows the error state and fires samen-error; Retry loads it', async () => {
    works = false;
    let el!: BrokenTeacherChart;
    const errors = await collectErrors(async () => {
      const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapterFor('teacher')} locale="nl">
        <broken-teacher-chart chart-id=${CLASS} view="teacher"></broken-teacher-chart>
      </samen-provider>`);
      el = wrapper.querySelector<BrokenTeacherChart>('broken-teacher-chart')!;
      await waitUntil(() => $(el, '[role="alert"]'), 'error state shown');
    });
    await expect(el).to.be.accessible();
    expect($(el, '[role="alert"] h2')!.textContent).to.equal('Geen internet');
    expect(awardButtons(el)).to.have.length(0);
    expect(errors.map((e) => [e.kind, e.fatal])).to.deep.equal([['offline', true]]);
    works = true;
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await waitUntil(() => awardButtons(el).length === 2, 'teacher view after Retry');
    expect($(el, '[role="alert"]')).to.equal(null);
  });
});
