/**
 * The matrix editor, by keyboard, heard and kept in focus (issue 21): a value moved up or down
 * takes focus with it (the same button, on the moved value) and the move is announced ("X
 * staat nu op plaats 2 van 3"); removing values, down to the last one, never drops focus to
 * the page: after the last, focus is on "Waarde toevoegen".
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-expectation-matrix.js';
import type { SamenExpectationMatrix } from '../../src/expectation-matrix/expectation-matrix.js';
import { NOW } from '../helpers/fixtures.js';

async function openEditor(locale = 'nl'): Promise<SamenExpectationMatrix> {
  const adapter = new MemoryAdapter({ now: NOW, viewerId: 'teacher-1' });
  const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 1100px">
    <samen-provider .adapter=${adapter} locale=${locale}>
      <samen-expectation-matrix matrix-id="matrix-school" view="teacher"></samen-expectation-matrix>
    </samen-provider>
  </div>`);
  const el = wrapper.querySelector('samen-expectation-matrix')!;
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="edit-button"]'), 'teacher view shown', { timeout: 4000 });
  el.shadowRoot!.querySelector<HTMLElement>('[part~="edit-button"]')!.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => el.shadowRoot!.querySelector('.axis-editor'), 'editor open');
  await el.updateComplete;
  return el;
}

const focused = (el: SamenExpectationMatrix) => el.shadowRoot!.activeElement as HTMLElement | null;
const valueNames = (el: SamenExpectationMatrix) =>
  [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.axis-editor')[0]!.querySelectorAll('input')].map((i) => i.value);
const buttonNamed = (el: SamenExpectationMatrix, label: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`.axis-editor button[aria-label="${label}"]`);
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** Every text the card's live regions are given, in order (what a screen reader reads out). */
function listen(el: SamenExpectationMatrix): string[] {
  const heard: string[] = [];
  const seen = new WeakMap<Element, string>();
  const observer = new MutationObserver(() => {
    for (const region of el.shadowRoot!.querySelectorAll('[role="status"], [aria-live]')) {
      const text = (region.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text && text !== seen.get(region)) heard.push(text);
      seen.set(region, text);
    }
  });
  observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
  return heard;
}

async function press(el: SamenExpectationMatrix, key = 'Enter'): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
  await tick(10);
}

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

describe('<samen-expectation-matrix> editor: focus follows a moved value, and the move is heard (issue 21)', () => {
  it("moving a value up twice and down once by keyboard: focus stays on that value's button, each move announced", async () => {
    const el = await openEditor();
    const heard = listen(el);
    const [first, second, third] = valueNames(el) as [string, string, string];
    buttonNamed(el, `${third} omhoog`)!.focus();

    await press(el);
    expect(valueNames(el)).to.deep.equal([first, third, second]);
    expect(focused(el), 'focus follows the value to place 2').to.equal(buttonNamed(el, `${third} omhoog`));
    await waitUntil(() => heard.includes(`${third} staat nu op plaats 2 van 3`), `heard: ${heard.join(' / ')}`, { timeout: 2000 });

    await press(el);
    expect(valueNames(el)).to.deep.equal([third, first, second]);
    expect(focused(el), 'focus follows the value to place 1').to.equal(buttonNamed(el, `${third} omhoog`));
    await waitUntil(() => heard.includes(`${third} staat nu op plaats 1 van 3`), `heard: ${heard.join(' / ')}`, { timeout: 2000 });

    buttonNamed(el, `${third} omlaag`)!.focus();
    await press(el);
    expect(valueNames(el)).to.deep.equal([first, third, second]);
    expect(focused(el), 'focus follows the value down').to.equal(buttonNamed(el, `${third} omlaag`));
    await waitUntil(() => heard.filter((h) => h === `${third} staat nu op plaats 2 van 3`).length === 2, `heard: ${heard.join(' / ')}`, {
      timeout: 2000,
    });
  });

  it('in English too, from the language table', async () => {
    await import('../../src/locales/en.js');
    const el = await openEditor('en');
    const heard = listen(el);
    const names = valueNames(el);
    const last = names[names.length - 1]!;
    buttonNamed(el, `Move ${last} up`)!.focus();
    await press(el);
    await waitUntil(() => heard.includes(`${last} is now in place ${names.length - 1} of ${names.length}`), `heard: ${heard.join(' / ')}`, {
      timeout: 2000,
    });
  });

  it('removing every value by keyboard: focus stays in the editor, and after the last one it is on "Waarde toevoegen"', async () => {
    const el = await openEditor();
    while (valueNames(el).length > 0) {
      const names = valueNames(el);
      const last = names[names.length - 1]!;
      buttonNamed(el, `${last} verwijderen`)!.focus();
      await press(el);
      expect(valueNames(el)).to.have.length(names.length - 1);
      expect(document.activeElement, `after removing ${last}: focus on the card`).to.equal(el);
      expect(focused(el), `after removing ${last}: a control has focus`).to.exist;
    }
    expect(focused(el)!.textContent.replace(/\s+/g, ' ').trim()).to.equal('+ Waarde toevoegen');
  });
});
