/**
 * Every change announced (issue 21), read as a screen reader gets it: the words in the
 * widget's live region after each of three repeated events, each one a new announcement (the
 * region's words changed to them, not set again over themselves, which a screen reader does
 * not read), and in the accessibility tree.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import { rowOf } from '../widgets/catalogue.js';
import { mountWidget } from '../widgets/mount.js';

/** Every announcement of the widget's live regions (its shadow root's `role="status"`s, the loading skeleton's aside). */
function listen(el: HTMLElement): { said: string[]; stop: () => void } {
  const root = el.shadowRoot!;
  const said: string[] = [];
  const last = new Map<Element, string>();
  const read = () => {
    for (const region of root.querySelectorAll('[role="status"]')) {
      const text = region.textContent.trim();
      if (text && text !== last.get(region)) said.push(text);
      last.set(region, text);
    }
  };
  read();
  said.length = 0;
  const observer = new MutationObserver(read);
  observer.observe(root, { childList: true, characterData: true, subtree: true });
  return { said, stop: () => observer.disconnect() };
}

/** The words of the live regions in the accessibility tree. */
async function statusInTree(): Promise<string[]> {
  type Node = { role?: string; name?: string; children?: Node[] };
  const found: string[] = [];
  const walk = (node: Node, inStatus: boolean) => {
    const status = inStatus || node.role === 'status';
    if (status && node.role === 'StaticText' && node.name) found.push(node.name);
    for (const child of node.children ?? []) walk(child, status);
  };
  walk((await a11ySnapshot({})) as unknown as Node, false);
  return found;
}

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

describe('every change announced (issue 21)', () => {
  it('feedback bar: three presses on a reaction by keyboard are three announcements', async function () {
    const { el } = await mountWidget(rowOf('samen-feedback-bar'), { view: 'parent' });
    const { said, stop } = listen(el);
    const like = el.shadowRoot!.querySelector<HTMLButtonElement>('[role="toolbar"] [part~="reaction"]')!;
    const count = Number(like.querySelector('[part~="count"]')!.textContent);
    like.focus();
    const expected = [`Duim omhoog gegeven — ${count + 1}`, `Duim omhoog weggehaald — ${count}`, `Duim omhoog gegeven — ${count + 1}`];
    for (let i = 0; i < 3; i++) {
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => said.length === i + 1, `announcement ${i + 1}`, { timeout: 2000 });
      expect(await statusInTree(), `in the accessibility tree after press ${i + 1}`).to.include(expected[i]);
    }
    stop();
    expect(said).to.deep.equal(expected);
  });

  it('feedback bar: the same failed reaction three times is heard three times, and its live region is there while empty', async function () {
    const { el, adapter } = await mountWidget(rowOf('samen-feedback-bar'), { view: 'parent' });
    const region = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(region, 'a live region before anything is said').to.exist;
    expect(getComputedStyle(region).display, 'not display:none while empty').to.not.equal('none');
    const like = el.shadowRoot!.querySelector<HTMLButtonElement>('[role="toolbar"] [part~="reaction"]')!;
    like.focus();
    const failed = 'Je reactie is niet opgeslagen. Probeer het nog eens.';
    let heard = 0;
    const { said, stop } = listen(el);
    for (let i = 0; i < 3; i++) {
      adapter.failNext('setReaction', 'unavailable');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => said.filter((s) => s === failed).length === i + 1, `failure ${i + 1} heard`, { timeout: 2000 });
      heard = said.filter((s) => s === failed).length;
      expect(await statusInTree()).to.include(failed);
    }
    stop();
    expect(heard).to.equal(3);
  });

  it('feelings check-in: three check-ins in a row are three announcements of "Opgeslagen"', async function () {
    const { el } = await mountWidget(rowOf('samen-feelings-checkin'), { view: 'parent' });
    const { said, stop } = listen(el);
    const saved = 'Opgeslagen. Dank je wel!';
    for (let i = 0; i < 3; i++) {
      const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="feelings"] input[type="radio"]')];
      (radios.find((r) => r.checked) ?? radios[0]!).focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLInputElement>('input[name="strength"]')!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLElement>('[part~="save-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => said.filter((s) => s === saved).length === i + 1, `check-in ${i + 1} heard`, { timeout: 3000 });
      expect(await statusInTree(), `in the accessibility tree after check-in ${i + 1}`).to.include(saved);
    }
    stop();
    expect(said.filter((s) => s === saved)).to.have.length(3);
  });

  it('lesson clip: an empty Send says nothing about sending', async function () {
    const { el, adapter } = await mountWidget(rowOf('samen-lesson-clip'), { view: 'parent' });
    const { said, stop } = listen(el);
    el.shadowRoot!.querySelector<HTMLElement>('[part~="send-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 150));
    stop();
    expect(said, 'announcements').to.deep.equal([]);
    expect(adapter.calls.filter((c) => c.method === 'saveHomeAnswer')).to.have.length(0);
    expect(el.shadowRoot!.activeElement?.getAttribute('part'), 'focus stays on Send').to.equal('send-button');
  });
});
