/**
 * The adults set the child's options (issue 24): on a personal chart a parent of the child and
 * the class's teacher open "Keuzes voor het kind" and keep a short list of the goal's words and
 * of rewards (add, remove, by keyboard, at most six, 44px targets); the child then chooses from
 * exactly those in `view="child"`. What the adult typed and did not save survives a reload.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { configure } from '../../src/core/context.js';
import type { SamenAdapter } from '../../src/core/adapter.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-reward-chart.js';
import type { SamenRewardChart } from '../../src/reward-chart/reward-chart.js';
import { NOW } from '../helpers/fixtures.js';

const PERSONAL = 'personal-child-1';
const root = (el: HTMLElement) => el.shadowRoot!;
const words = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function renderChart(adapter: SamenAdapter, view: 'child' | 'parent' | 'teacher' = 'parent'): Promise<SamenRewardChart> {
  const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale="nl">
    <samen-reward-chart chart-id=${PERSONAL} view=${view}></samen-reward-chart>
  </samen-provider>`);
  const el = wrapper.querySelector('samen-reward-chart')!;
  await waitUntil(() => root(el).querySelector('[part~="base"]:not([aria-busy="true"])'), 'chart shown', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

/** Opens the editor with the keyboard, as a parent would: the button, then Enter. */
async function openEditor(el: SamenRewardChart): Promise<HTMLElement> {
  const open = root(el).querySelector<HTMLButtonElement>('[part~="choices-open"]');
  expect(open, 'the "Keuzes voor het kind" button').to.not.equal(null);
  expect(words(open)).to.equal('Keuzes voor het kind');
  open!.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => root(el).querySelector('[part~="choices-editor"]'), 'the editor opens', { timeout: 4000 });
  await el.updateComplete;
  return root(el).querySelector<HTMLElement>('[part~="choices-editor"]')!;
}

const listed = (el: SamenRewardChart, list: 'words' | 'rewards') =>
  [...root(el).querySelectorAll(`[part~="choices-${list}"] li .choice-text`)].map((n) => words(n));

async function typeAndEnter(el: SamenRewardChart, list: 'words' | 'rewards', text: string): Promise<void> {
  root(el).querySelector<HTMLInputElement>(`#choices-new-${list}`)!.focus();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
  configure({ adapter: undefined, locale: undefined });
});

describe('<samen-reward-chart> the adults set the child’s options', () => {
  it('a parent adds and removes options by keyboard and saves them; the child then chooses from exactly those', async () => {
    const adapter = new MemoryAdapter({ now: NOW, viewerId: 'parent-1' });
    const el = await renderChart(adapter);
    const editor = await openEditor(el);
    expect(words(editor.querySelector('h3'))).to.equal('Waar mag het kind uit kiezen?');
    expect(root(el).activeElement?.id, 'focus moves into the editor').to.equal('choices-new-words');
    expect(listed(el, 'words')).to.deep.equal([
      'Ik wacht rustig op mijn beurt',
      'Ik haal diep adem als het lang duurt',
      'Ik vraag het netjes als ik iets wil zeggen',
    ]);
    await expect(el).to.be.accessible();

    await typeAndEnter(el, 'words', 'Ik ruim samen op');
    expect(listed(el, 'words')).to.include('Ik ruim samen op');
    expect(root(el).querySelector<HTMLInputElement>('#choices-new-words')!.value, 'the field is empty again').to.equal('');
    // Remove with the option's own button, named by its words; focus stays in the list.
    const remove = root(el).querySelector<HTMLButtonElement>(
      '[part~="choices-words"] button[aria-label="Ik wacht rustig op mijn beurt weghalen"]',
    );
    expect(remove, 'a named remove button').to.not.equal(null);
    const box = remove!.getBoundingClientRect();
    expect(Math.min(box.width, box.height), '44px target').to.be.at.least(44);
    remove!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    expect(listed(el, 'words')).to.not.include('Ik wacht rustig op mijn beurt');
    expect(root(el).activeElement?.classList.contains('choice-remove'), 'focus on the next remove button').to.equal(true);
    await typeAndEnter(el, 'rewards', 'Samen koekjes bakken');

    root(el).querySelector<HTMLButtonElement>('[part~="choices-save"]')!.click();
    await waitUntil(() => !root(el).querySelector('[part~="choices-editor"]'), 'the editor closes once saved');
    await waitUntil(() => root(el).activeElement?.getAttribute('part') === 'choices-open', 'focus back on the button');
    const stored = await adapter.getRewardChart(PERSONAL);
    expect(stored.choices?.words.map((o) => o.text)).to.deep.equal([
      'Ik haal diep adem als het lang duurt',
      'Ik vraag het netjes als ik iets wil zeggen',
      'Ik ruim samen op',
    ]);
    expect(stored.choices?.rewards.map((o) => o.text)).to.include('Samen koekjes bakken');

    // The child, on the same school's data, chooses from the new options.
    const child = await renderChart(adapter.forViewer('child-login-1'), 'child');
    const offered = [...root(child).querySelectorAll('[part~="choose-words"] label')].map((l) => words(l));
    expect(offered).to.deep.equal([
      'Ik haal diep adem als het lang duurt',
      'Ik vraag het netjes als ik iets wil zeggen',
      'Ik ruim samen op',
    ]);
    expect(root(child).querySelector('[part~="choices-open"]'), 'the child never sees the editor').to.equal(null);
  });

  it('at most six of each: the field gives way to a note once a list is full', async () => {
    const adapter = new MemoryAdapter({ now: NOW, viewerId: 'parent-1' });
    const el = await renderChart(adapter);
    await openEditor(el);
    for (const text of ['Een', 'Twee', 'Drie']) await typeAndEnter(el, 'rewards', `Beloning ${text}`);
    expect(listed(el, 'rewards')).to.have.length(6);
    expect(root(el).querySelector('#choices-new-rewards'), 'no field for a seventh').to.equal(null);
    expect(words(root(el).querySelector('[part~="choices-rewards"] .choices-full'))).to.equal('Zes is het meeste. Haal er eerst een weg.');
    expect(root(el).querySelector('#choices-new-words'), 'the other list still has its field').to.not.equal(null);
    // The adapter refuses a seventh as well (the contract's limit), whoever sends it.
    const seven = Array.from({ length: 7 }, (_, i) => ({ id: `o${i}`, text: `Optie ${i}` }));
    const refused = await adapter.setChartChoices({ id: 'seven', chartId: PERSONAL, words: seven, rewards: [] }).then(
      () => 'stored',
      (e: { kind?: string }) => e.kind,
    );
    expect(refused).to.equal('invalid-data');
    // Two options with one id: the child's pick could not say which.
    const twice = [1, 2].map(() => ({ id: 'same', text: 'Samen spelen' }));
    const doubled = await adapter.setChartChoices({ id: 'twice', chartId: PERSONAL, words: twice, rewards: [] }).then(
      () => 'stored',
      (e: { kind?: string }) => e.kind,
    );
    expect(doubled).to.equal('invalid-data');
  });

  it('what the parent added and typed, unsaved, is still there after a reload', async () => {
    const adapter = new MemoryAdapter({ now: NOW, viewerId: 'parent-1' });
    const first = await renderChart(adapter);
    await openEditor(first);
    await typeAndEnter(first, 'words', 'Ik help een ander');
    root(first).querySelector<HTMLInputElement>('#choices-new-rewards')!.focus();
    await sendKeys({ type: 'Een ritje op de fi' });
    first.closest('samen-provider')!.remove();

    const again = await renderChart(adapter);
    await openEditor(again);
    expect(listed(again, 'words')).to.include('Ik help een ander');
    expect(root(again).querySelector<HTMLInputElement>('#choices-new-rewards')!.value).to.equal('Een ritje op de fi');
    // Nothing was sent yet.
    expect((await adapter.getRewardChart(PERSONAL)).choices?.words.map((o) => o.text)).to.not.include('Ik help een ander');
  });

  it('the class’s teacher sets them too; another family’s parent and the child may not', async () => {
    const adapter = new MemoryAdapter({ now: NOW, viewerId: 'teacher-1' });
    const el = await renderChart(adapter, 'teacher');
    await openEditor(el);
    await typeAndEnter(el, 'words', 'Ik luister naar een ander');
    root(el).querySelector<HTMLButtonElement>('[part~="choices-save"]')!.click();
    await waitUntil(() => !root(el).querySelector('[part~="choices-editor"]'), 'saved');
    expect((await adapter.getRewardChart(PERSONAL)).choices?.words.map((o) => o.text)).to.include('Ik luister naar een ander');

    const kind = (p: Promise<unknown>) =>
      p.then(
        () => 'stored',
        (e: { kind?: string }) => e.kind,
      );
    const input = { chartId: PERSONAL, words: [{ id: 'x', text: 'Van een ander' }], rewards: [] };
    expect(await kind(adapter.forViewer('parent-3').setChartChoices({ id: 'k-other', ...input }))).to.equal('forbidden');
    expect(await kind(adapter.forViewer('child-login-1').setChartChoices({ id: 'k-child', ...input }))).to.equal('forbidden');
  });
});
