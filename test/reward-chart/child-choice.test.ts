/**
 * The child's own choices on a personal chart (issue 24): `<samen-reward-chart view="child">`.
 * The adults allow a few options for the goal's words and the reward; the child picks, with
 * pictures and read-aloud, and the choice is saved through the adapter (the outbox keeps it
 * offline, one client id). Only the child, or their parent handing over the phone, may choose.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { OutboxAdapter } from '../../src/adapters/outbox.js';
import { configure } from '../../src/core/context.js';
import type { SamenAdapter } from '../../src/core/adapter.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-reward-chart.js';
import type { SamenRewardChart } from '../../src/reward-chart/reward-chart.js';
import { NOW } from '../helpers/fixtures.js';
import { fakeSpeech } from '../helpers/speech.js';

const PERSONAL = 'personal-child-1';
const root = (el: HTMLElement) => el.shadowRoot!;
const text = (el: HTMLElement) => root(el).textContent.replace(/\s+/g, ' ');

async function renderChart(adapter: SamenAdapter, view: 'child' | 'parent' = 'child', locale = 'nl'): Promise<SamenRewardChart> {
  const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale=${locale}>
    <samen-reward-chart chart-id=${PERSONAL} view=${view}></samen-reward-chart>
  </samen-provider>`);
  const el = wrapper.querySelector('samen-reward-chart')!;
  await waitUntil(() => root(el).querySelector('[part~="base"]:not([aria-busy="true"])'), 'chart shown', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

const options = (el: HTMLElement, group: 'words' | 'reward') => [
  ...root(el).querySelectorAll<HTMLInputElement>(`[part~="choose-${group}"] input[type="radio"]`),
];
const labelOf = (input: HTMLInputElement) => input.closest('label')!.textContent.replace(/\s+/g, ' ').trim();

beforeEach(() => {
  configure({ adapter: undefined, locale: undefined });
});

describe('<samen-reward-chart view="child"> the child chooses', () => {
  it('picks the goal’s words and the reward from the options, with pictures, by keyboard, and it is saved', async () => {
    const adapter = new MemoryAdapter({ now: NOW, viewerId: 'child-login-1' });
    const el = await renderChart(adapter);
    expect(root(el).querySelector('[part~="choose"] h3')!.textContent).to.equal('Kies zelf');
    expect(root(el).querySelector('[part~="badge"]')!.textContent.trim()).to.equal('Mijn kaart');
    const words = options(el, 'words');
    const rewards = options(el, 'reward');
    expect(words.map(labelOf)).to.deep.equal([
      'Ik wacht rustig op mijn beurt',
      'Ik haal diep adem als het lang duurt',
      'Ik vraag het netjes als ik iets wil zeggen',
    ]);
    expect(rewards).to.have.length(3);
    // Every option has a drawn picture beside its words (decorative: the words name the choice).
    for (const input of [...words, ...rewards]) {
      const picture = input.closest('label')!.querySelector('svg.choice-picture')!;
      expect(picture, labelOf(input)).to.not.equal(null);
      expect(picture.getAttribute('aria-hidden')).to.equal('true');
    }
    await expect(el).to.be.accessible();

    // Keyboard: the first option, then the arrow to the second, as radio buttons do.
    words[0]!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(words[1]!.checked).to.equal(true);
    rewards[2]!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('[part~="choose-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('[part~="own-goal"]'), 'the chosen goal shows');

    const stored = await adapter.getRewardChart(PERSONAL);
    expect(stored.choices?.wordsId).to.equal('w2');
    expect(stored.choices?.rewardId).to.equal('r3');
    expect(stored.reward).to.equal('Een kwartier buiten spelen');
    expect(root(el).querySelector('[part~="own-goal"]')!.textContent.replace(/\s+/g, ' ').trim()).to.equal(
      'Zelf gekozen doel: Ik haal diep adem als het lang duurt',
    );
    expect(text(el)).to.contain('Een kwartier buiten spelen');
    expect(text(el)).to.contain('Bewaard. Dit heb jij gekozen!');

    // The parent sees what the child chose, and no choose section of their own.
    const parent = await renderChart(adapter.forViewer('parent-1'), 'parent');
    expect(root(parent).querySelector('[part~="own-goal"]')!.textContent).to.contain('Ik haal diep adem als het lang duurt');
    expect(root(parent).querySelector('[part~="choose"]')).to.equal(null);
  });

  it('reads the options aloud', async () => {
    const speech = fakeSpeech();
    try {
      const el = await renderChart(new MemoryAdapter({ now: NOW, viewerId: 'child-login-1' }));
      root(el).querySelector<HTMLButtonElement>('[part~="choose"] [part~="read-aloud"]')!.click();
      const spoken = speech.spoken.map((u) => u.text).join(' ');
      expect(spoken).to.contain('Kies zelf');
      expect(spoken).to.contain('Mijn doel');
      expect(spoken).to.contain('Ik vraag het netjes als ik iets wil zeggen');
      expect(spoken).to.contain('Een boek voorlezen met mama of papa');
    } finally {
      speech.restore();
    }
  });

  it('offline, the outbox keeps the choice and sends it once, with one client id, when the network is back', async () => {
    const memory = new MemoryAdapter({ now: NOW, viewerId: 'child-login-1' });
    memory.failNext('chooseChartGoal', 'offline', 2);
    const outbox = new OutboxAdapter(memory, { dbName: `child-choice-${Math.random()}`, backoffMs: 20 });
    try {
      const el = await renderChart(outbox);
      options(el, 'reward')[1]!.click();
      await el.updateComplete;
      root(el).querySelector<HTMLButtonElement>('[part~="choose-button"]')!.click();
      await waitUntil(() => root(el).querySelector('[part~="own-goal"], .reward'), 'shown');
      await waitUntil(async () => (await memory.getRewardChart(PERSONAL)).choices?.rewardId === 'r2', 'sent once back online', {
        timeout: 4000,
      });
      const writes = memory.calls.filter((c) => c.method === 'chooseChartGoal').map((c) => (c.input as { id: string }).id);
      expect(writes.length, 'tried three times').to.equal(3);
      expect(new Set(writes).size, 'one client id').to.equal(1);
      expect(memory.appliedWrites).to.equal(1);
    } finally {
      outbox.dispose();
    }
  });

  it('only the child and their parents may choose, and only from the options the adults allowed', async () => {
    const adapter = new MemoryAdapter({ now: NOW, viewerId: 'child-login-1' });
    const kind = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: { kind?: string }) => e.kind,
      );
    for (const [viewerId, expected] of [
      ['teacher-1', 'forbidden'],
      ['parent-3', 'forbidden'],
      ['care-1', 'forbidden'],
      ['parent-1', 'ok'],
      ['child-login-1', 'ok'],
    ] as const) {
      expect(
        await kind(adapter.forViewer(viewerId).chooseChartGoal({ id: `k-${viewerId}`, chartId: PERSONAL, rewardId: 'r1' })),
        viewerId,
      ).to.equal(expected);
    }
    expect(await kind(adapter.chooseChartGoal({ id: 'k-none', chartId: PERSONAL, rewardId: 'a-reward-nobody-allowed' }))).to.equal(
      'invalid-data',
    );
    // A teacher's login cannot open the child's view either.
    const el = await renderChart(adapter.forViewer('teacher-1'));
    expect(root(el).querySelector('[part~="choose"]')).to.equal(null);
    expect(root(el).querySelector('[part~="error"]')).to.not.equal(null);
  });

  it('says kindly that there is nothing to choose yet when the adults set no options', async () => {
    const adapter = new MemoryAdapter({ now: NOW, viewerId: 'child-login-1' });
    delete adapter.state.charts[PERSONAL]!.choices;
    const el = await renderChart(adapter);
    expect(text(el)).to.contain('Er is nog niets om uit te kiezen.');
    expect(root(el).querySelector('[part~="choose-button"]')).to.equal(null);
  });

  it('is right to left in Arabic', async () => {
    const el = await renderChart(new MemoryAdapter({ now: NOW, viewerId: 'child-login-1' }), 'child', 'ar');
    await waitUntil(() => root(el).querySelector('[part~="choose"]'), 'the choices in Arabic');
    await el.updateComplete;
    expect(root(el).querySelector('.card')!.getAttribute('dir')).to.equal('rtl');
    expect(root(el).querySelector('[part~="choose"] h3')!.textContent).to.equal('اختر بنفسك');
    await expect(el).to.be.accessible();
  });
});
