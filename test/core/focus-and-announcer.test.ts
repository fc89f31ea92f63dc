/**
 * The base element's focus rule and announcer (issue 21), on a card of its own: focus never
 * falls to the page's body when the focused control disappears, and every announcement is
 * heard, also the same words three times in a row.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import { html as litHtml, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { SamenElement } from '../../src/core/samen-element.js';

class FocusCard extends SamenElement {
  static override properties = { items: { state: true }, extra: { state: true }, round: { state: true } };
  items = ['Appel', 'Peer', 'Kers'];
  extra = true;
  /** Changes every control's DOM (a re-render that replaces them, as a keyed person switch does). */
  round = 0;
  say(text: string): void {
    this.announce(text);
  }
  protected override render(): TemplateResult {
    return litHtml`<section part="base" class="card">
      <h2>Fruit</h2>
      <ul role="group" aria-label="Fruit">
        ${repeat(
          this.items,
          (item) => item,
          (item) =>
            litHtml`<li><button type="button" id=${`b-${item}-${this.round}`} @click=${() => this.drop(item)}>${item}</button></li>`,
        )}
      </ul>
      ${this.extra ? litHtml`<p><button type="button" id="extra">Extra</button></p>` : nothing}
      ${this.round % 2 ? litHtml`<div><button type="button" id="same">Zelfde</button></div>` : litHtml`<p><button type="button" id="same">Zelfde</button></p>`}
    </section>`;
  }
  private drop(item: string): void {
    this.items = this.items.filter((i) => i !== item);
  }
}
customElements.define('test-focus-card', FocusCard);

const activeIn = (el: HTMLElement) => el.shadowRoot!.activeElement as HTMLElement | null;
const focusedText = (el: HTMLElement) => (activeIn(el)?.textContent ?? '').trim();
const focusIsInside = (el: HTMLElement) => document.activeElement === el && !!activeIn(el);

async function mount(): Promise<{ el: FocusCard; outside: HTMLInputElement }> {
  const wrapper = await fixture<HTMLElement>(
    html`<div><input aria-label="Elders op de pagina" /><test-focus-card></test-focus-card></div>`,
  );
  return { el: wrapper.querySelector<FocusCard>('test-focus-card')!, outside: wrapper.querySelector('input')! };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the base element keeps focus in the card (issue 21)', () => {
  it('a pressed control that disappears: focus goes to the next control in its group', async () => {
    const { el } = await mount();
    el.shadowRoot!.querySelector<HTMLButtonElement>('#b-Peer-0')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#b-Peer-0'), 'Peer is gone').to.equal(null);
    expect(focusIsInside(el), 'focus inside the card').to.equal(true);
    expect(focusedText(el)).to.equal('Kers');
  });

  it('the last control of a group: focus goes to the one before it, not out of the group', async () => {
    const { el } = await mount();
    el.shadowRoot!.querySelector<HTMLButtonElement>('#b-Kers-0')!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(focusedText(el)).to.equal('Peer');
  });

  it('a group that empties: focus goes to the next control after it', async () => {
    const { el } = await mount();
    el.items = ['Appel'];
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('#b-Appel-0')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focusedText(el)).to.equal('Extra');
  });

  it('nothing left to press: focus goes to the heading, made focusable', async () => {
    const { el } = await mount();
    el.shadowRoot!.querySelector<HTMLButtonElement>('#extra')!.focus();
    el.extra = false;
    el.items = [];
    el.round = 1;
    el.shadowRoot!.querySelector<HTMLButtonElement>('#same')!.remove();
    await el.updateComplete;
    // #same is rendered anew by round 1; take it away too.
    el.shadowRoot!.querySelector<HTMLButtonElement>('#same')!.remove();
    el.requestUpdate();
    await el.updateComplete;
    await sleep(10);
    const heading = activeIn(el);
    expect(heading?.localName).to.equal('h2');
    expect(heading?.getAttribute('tabindex')).to.equal('-1');
    expect(document.activeElement === el).to.equal(true);
  });

  it('a control rendered anew in its place: focus goes to the new one', async () => {
    const { el } = await mount();
    el.shadowRoot!.querySelector<HTMLButtonElement>('#same')!.focus();
    el.round = 1;
    await el.updateComplete;
    const now = el.shadowRoot!.querySelector('div > #same');
    expect(now, 'rendered anew in a div').to.exist;
    expect(activeIn(el) === now, 'focus on the new one').to.equal(true);
  });

  it('a control a timer takes away: focus stays in the card', async () => {
    const { el } = await mount();
    el.shadowRoot!.querySelector<HTMLButtonElement>('#extra')!.focus();
    setTimeout(() => (el.extra = false), 20);
    await waitUntil(() => !el.shadowRoot!.querySelector('#extra'), 'the timer took it away');
    await el.updateComplete;
    expect(focusIsInside(el), 'focus inside the card').to.equal(true);
    expect(focusedText(el)).to.equal('Zelfde');
  });

  it('a control taken out of the page outside an update: focus stays in the card', async () => {
    const { el } = await mount();
    const extra = el.shadowRoot!.querySelector<HTMLButtonElement>('#extra')!;
    extra.focus();
    extra.closest('p')!.remove();
    await waitUntil(() => focusIsInside(el), 'focus back in the card', { timeout: 1000 });
    expect(focusedText(el)).to.equal('Zelfde');
  });

  it('never takes focus back that the person moved elsewhere', async () => {
    const { el, outside } = await mount();
    el.shadowRoot!.querySelector<HTMLButtonElement>('#extra')!.focus();
    outside.focus();
    el.extra = false;
    await el.updateComplete;
    await sleep(10);
    expect(document.activeElement === outside, 'focus stays on the page’s field').to.equal(true);

    // Focus left by a click on the page (to nowhere), then the control goes: still not moved.
    el.extra = true;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('#extra')!.focus();
    (document.activeElement as HTMLElement).blur();
    el.shadowRoot!.querySelector<HTMLButtonElement>('#extra')!.blur();
    await sleep(10);
    el.extra = false;
    await el.updateComplete;
    await sleep(10);
    expect(document.activeElement === document.body, 'focus stays where the person left it').to.equal(true);
  });
});

/**
 * The announcements a screen reader hears: each time the live region's words change to words
 * (the same words set again over themselves are no change to it, and are not heard).
 */
function recordAnnouncements(el: HTMLElement): { said: string[]; stop: () => void } {
  const region = el.shadowRoot!.querySelector('[data-samen-announcer]')!;
  const said: string[] = [];
  let last = region.textContent.trim();
  const observer = new MutationObserver(() => {
    const text = region.textContent.trim();
    if (text && text !== last) said.push(text);
    last = text;
  });
  observer.observe(region, { childList: true, characterData: true, subtree: true });
  return { said, stop: () => observer.disconnect() };
}

/** The live regions' words in the accessibility tree. */
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

describe('the base element’s announcer (issue 21)', () => {
  it('announces the same words three times in a row, each time anew', async () => {
    const { el } = await mount();
    const { said, stop } = recordAnnouncements(el);
    for (let i = 0; i < 3; i++) {
      el.say('Muntje gegeven — 32 van 50');
      await waitUntil(() => said.length === i + 1, `announcement ${i + 1}`, { timeout: 1000 });
      expect(await statusInTree()).to.include('Muntje gegeven — 32 van 50');
    }
    stop();
    expect(said).to.deep.equal(Array(3).fill('Muntje gegeven — 32 van 50'));
  });

  it('keeps its live region through re-renders, in the card’s language', async () => {
    const { el } = await mount();
    el.say('Opgeslagen');
    el.round = 1;
    el.items = [];
    await el.updateComplete;
    const region = el.shadowRoot!.querySelector('[data-samen-announcer]')!;
    expect(region.textContent).to.equal('Opgeslagen');
    expect(region.getAttribute('lang')).to.equal('nl');
  });
});
