import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { OutboxAdapter } from '../../src/adapters/outbox.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-feedback-bar.js';
import { SamenFeedbackBar } from '../../src/feedback-bar/feedback-bar.js';
import { optimisticCount, parseReactionList, withKnownReactions, homeShare } from '../../src/feedback-bar/reactions.js';
import type { ReactionSummary } from '../../src/feedback-bar/schemas.js';
import { NOW, collectErrors, settled } from '../helpers/fixtures.js';

const TARGET = 'host-post-1';

function adapterFor(viewerId = 'parent-1', latency = 0): MemoryAdapter {
  return new MemoryAdapter({ now: NOW, viewerId, latency });
}

async function renderBar(
  adapter: MemoryAdapter | undefined,
  { view = 'parent', locale = 'nl', reactions = '', allowReply = false, dir = 'ltr', target = TARGET } = {},
): Promise<SamenFeedbackBar> {
  const wrapper = await fixture<HTMLElement>(html`<div dir=${dir}>
    <samen-provider .adapter=${adapter} locale=${locale}>
      <samen-feedback-bar target-id=${target} view=${view} reactions=${reactions} ?allow-reply=${allowReply}></samen-feedback-bar>
    </samen-provider>
  </div>`);
  const el = wrapper.querySelector('samen-feedback-bar')!;
  await settled(el);
  return el;
}

const buttons = (el: SamenFeedbackBar) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="toolbar"] button')];
const like = (el: SamenFeedbackBar) => buttons(el)[0]!;
const likes = (adapter: MemoryAdapter) => adapter.state.reactions[TARGET]?.['like'] ?? [];

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

describe('<samen-feedback-bar> parent', () => {
  it('is accessible and names each reaction with its count', async () => {
    const adapter = adapterFor();
    const el = await renderBar(adapter, { allowReply: true });
    await expect(el).to.be.accessible();
    const count = likes(adapter).length;
    expect(like(el).getAttribute('aria-label')).to.equal(`Duim omhoog, ${count}`);
    expect(like(el).getAttribute('aria-pressed')).to.equal('false');
    expect(buttons(el)).to.have.length(5);
    expect(el.shadowRoot!.querySelector('[role="toolbar"]')!.getAttribute('aria-label')).to.equal('Reageer');
  });

  it('offers only the reactions asked for, in that order, ignoring unknown ids', async () => {
    const el = await renderBar(adapterFor(), { reactions: 'heart like bogus heart' });
    expect(buttons(el).map((b) => b.getAttribute('aria-label')!.split(',')[0])).to.deep.equal(['Hartje', 'Duim omhoog']);
  });

  it('toggles at once (optimistic), then stores it and fires samen-react', async () => {
    const adapter = adapterFor('parent-1', 40);
    const el = await renderBar(adapter);
    const before = likes(adapter).length;
    const event = oneEvent(el, 'samen-react');
    like(el).click();
    await el.updateComplete;
    expect(like(el).getAttribute('aria-pressed')).to.equal('true');
    expect(like(el).getAttribute('aria-label')).to.equal(`Duim omhoog, ${before + 1}`);
    const { detail } = await event;
    expect(detail).to.deep.equal({ targetId: TARGET, reaction: 'like', on: true });
    expect(likes(adapter)).to.include('fam-01');
    await expect(el).to.be.accessible();
  });

  it('rolls back with a message when the adapter refuses', async () => {
    const adapter = adapterFor();
    const el = await renderBar(adapter);
    const before = like(el).getAttribute('aria-label');
    adapter.failNext('setReaction', 'unavailable');
    const error = oneEvent(el, 'samen-error');
    like(el).click();
    const { detail } = await error;
    expect(detail.kind).to.equal('unavailable');
    expect(detail.fatal).to.equal(false);
    await el.updateComplete;
    expect(like(el).getAttribute('aria-pressed')).to.equal('false');
    expect(like(el).getAttribute('aria-label')).to.equal(before);
    expect(el.shadowRoot!.querySelector('.message')!.textContent).to.contain('niet opgeslagen');
    // Said through the card's one live region (issue 21: the old one was display:none while empty).
    expect(el.shadowRoot!.querySelector('[data-samen-announcer]')!.textContent).to.contain('niet opgeslagen');
    await expect(el).to.be.accessible();
  });

  it('never counts twice under 20 rapid clicks', async () => {
    const adapter = adapterFor('parent-1', 15);
    const el = await renderBar(adapter);
    const before = likes(adapter).length;
    for (let i = 0; i < 20; i++) like(el).click();
    // 20 taps = back where we started; 21 taps = on, counted once.
    like(el).click();
    await waitUntil(() => adapter.calls.filter((c) => c.method === 'setReaction').length > 0);
    await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"]') && likes(adapter).includes('fam-01'), 'like stored', {
      timeout: 3000,
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(likes(adapter).length).to.equal(before + 1);
    const writes = adapter.calls.filter((c) => c.method === 'setReaction').length;
    expect(writes).to.be.lessThan(5);
    await el.updateComplete;
    expect(like(el).getAttribute('aria-label')).to.equal(`Duim omhoog, ${before + 1}`);
  });

  it('moves through the toolbar with arrow keys, Home and End (roving tab index)', async () => {
    const el = await renderBar(adapterFor());
    like(el).focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement).to.equal(buttons(el)[1]);
    await sendKeys({ press: 'End' });
    expect(el.shadowRoot!.activeElement).to.equal(buttons(el)[4]);
    await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement).to.equal(buttons(el)[0]);
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.shadowRoot!.activeElement).to.equal(buttons(el)[4]);
    await el.updateComplete;
    expect(buttons(el).map((b) => b.tabIndex)).to.deep.equal([-1, -1, -1, -1, 0]);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => buttons(el)[4]!.getAttribute('aria-pressed') === 'true');
  });

  it('flips the arrow keys in right-to-left layouts', async () => {
    const el = await renderBar(adapterFor(), { dir: 'rtl' });
    await expect(el).to.be.accessible();
    like(el).focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.shadowRoot!.activeElement).to.equal(buttons(el)[1]);
    await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement).to.equal(buttons(el)[0]);
  });

  it('sends a short reply once, keeps the draft across re-creation and failure', async () => {
    const adapter = adapterFor();
    let el = await renderBar(adapter, { allowReply: true });
    const textarea = () => el.shadowRoot!.querySelector('textarea')!;
    expect(textarea().maxLength).to.equal(280);
    textarea().focus();
    await sendKeys({ type: 'Thuis ging het goed <b>echt</b>' });
    expect(el.shadowRoot!.querySelector('.counter')!.textContent).to.contain(`Nog ${280 - 31} tekens`);
    el.closest('div')!.remove();

    el = await renderBar(adapter, { allowReply: true });
    expect(textarea().value).to.equal('Thuis ging het goed <b>echt</b>');

    adapter.failNext('addReply', 'offline');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('.send-error'));
    expect(textarea().value).to.equal('Thuis ging het goed <b>echt</b>');
    await expect(el).to.be.accessible();

    const sent = oneEvent(el, 'samen-reply');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.send-error button')!.click();
    const { detail } = await sent;
    expect(detail.text).to.equal('Thuis ging het goed <b>echt</b>');
    const ids = adapter.calls.filter((c) => c.method === 'addReply').map((c) => (c.input as { id: string }).id);
    expect(ids).to.have.length(2);
    expect(ids[0]).to.equal(ids[1]);
    expect(adapter.state.replies[TARGET]).to.have.length(1);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="replies"]'));
    const reply = el.shadowRoot!.querySelector('[part~="replies"] li p')!;
    expect(reply.textContent).to.equal('Thuis ging het goed <b>echt</b>');
    expect(el.shadowRoot!.querySelector('[part~="replies"] b')).to.equal(null);
    expect(textarea().value).to.equal('');
  });

  it('updates live when another carer reacts', async () => {
    const adapter = adapterFor();
    const el = await renderBar(adapter, { reactions: 'heart' });
    const before = Number(buttons(el)[0]!.getAttribute('aria-label')!.split(', ')[1]);
    // A carer of another family in the class (teachers don't react: the policy).
    await adapter.forViewer('parent-3').setReaction({ id: 'x1', targetId: TARGET, reaction: 'heart', on: true });
    await waitUntil(() => buttons(el)[0]!.getAttribute('aria-label') === `Hartje, ${before + 1}`);
  });
  it('offline with the outbox: the reaction shows as done, says it is saved on this device, and is sent once later', async () => {
    const adapter = adapterFor();
    adapter.fail('setReaction', 'offline');
    const outbox = new OutboxAdapter(adapter, { dbName: `samen-test-outbox-${Math.random()}`, backoffMs: 60_000 });
    try {
      const el = await renderBar(adapter);
      const provider = el.closest('samen-provider') as HTMLElement & { adapter: unknown; updateComplete: Promise<boolean> };
      provider.adapter = outbox;
      // A new adapter: the bar shows its loading state until it knows who is signed in.
      await provider.updateComplete;
      await settled(el);
      const before = likes(adapter).length;
      like(el).click();
      await waitUntil(() => el.shadowRoot!.textContent.includes('Bewaard op dit apparaat'), 'queued message');
      expect(like(el).getAttribute('aria-pressed')).to.equal('true');
      expect(like(el).getAttribute('aria-label')).to.equal(`Duim omhoog, ${before + 1}`);
      expect(likes(adapter)).to.have.length(before);

      adapter.recover();
      await outbox.flush();
      await outbox.flush();
      expect(likes(adapter)).to.have.length(before + 1);
    } finally {
      outbox.dispose();
    }
  });
});

describe('<samen-feedback-bar> teacher', () => {
  it('shows counts, who reacted, replies in order, and the home share', async () => {
    const adapter = adapterFor('teacher-1');
    await adapter.forViewer('parent-1').addReply({ id: 'r1', targetId: TARGET, text: 'Eerste' });
    await adapter.forViewer('parent-1').setReaction({ id: 'r2', targetId: TARGET, reaction: 'practised-at-home', on: true });
    const el = await renderBar(adapter, { view: 'teacher' });
    await expect(el).to.be.accessible();
    const root = el.shadowRoot!;
    expect(root.querySelector('[role="toolbar"]')).to.equal(null);
    const summary = await adapter.getReactions(TARGET);
    expect(root.querySelector('[part~="home-share"]')!.textContent).to.contain(
      `${summary.homeFamilies} van 24 gezinnen ${summary.homeFamilies === 1 ? 'deed' : 'deden'} het thuis`,
    );
    const items = [...root.querySelectorAll('.count-item')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    expect(items[0]).to.contain(`Duim omhoog, ${summary.counts['like']}`);
    expect(root.querySelector('details p')!.textContent).to.contain('Familie');
    const replies = [...root.querySelectorAll('[part~="replies"] li')].map((li) => li.textContent);
    expect(replies[replies.length - 1]).to.contain('Eerste');
    expect(replies[replies.length - 1]).to.contain('Familie Jansen');
  });

  it('says so when there are no reactions yet', async () => {
    const adapter = adapterFor('teacher-1');
    await adapter.addPost('brand-new-post', 'groep6-wish');
    const el = await renderBar(adapter, { view: 'teacher', target: 'brand-new-post', locale: 'en' });
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.textContent).to.contain('No reactions yet.');
    expect(el.shadowRoot!.textContent).to.contain('No messages yet.');
  });
});

describe('<samen-feedback-bar> bad input and failures', () => {
  it('ignores unknown reaction ids with a non-fatal invalid-data error', async () => {
    const adapter = adapterFor();
    adapter.state.reactions[TARGET] = { like: ['fam-02'], 'rocket-ship': ['fam-03'] };
    const error = oneEvent(document, 'samen-error');
    const el = await renderBar(adapter);
    const { detail } = await error;
    expect(detail.kind).to.equal('invalid-data');
    expect(detail.fatal).to.equal(false);
    expect(detail.issues.map((i: { path: string }) => i.path)).to.include('counts.rocket-ship');
    expect(like(el).getAttribute('aria-label')).to.equal('Duim omhoog, 1');
  });

  it('rejects negative or non-integer counts with an error state', async () => {
    const adapter = adapterFor();
    adapter.getReactions = async () => ({ targetId: TARGET, counts: { like: -3, heart: 1.5 }, mine: [] });
    const error = oneEvent(document, 'samen-error');
    const el = await renderBar(adapter);
    expect((await error).detail.kind).to.equal('invalid-data');
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Dit kunnen we niet laten zien');
    expect(alert.textContent).to.contain('counts.like');
    await expect(el).to.be.accessible();
  });

  it('shows "not connected" without an adapter, and a retry after failures', async () => {
    const none = await renderBar(undefined);
    expect(none.shadowRoot!.textContent).to.contain('Niet verbonden');
    const adapter = adapterFor();
    adapter.failNext('getReactions', 'offline');
    const el = await renderBar(adapter, { locale: 'en' });
    expect(el.shadowRoot!.textContent).to.contain('No connection');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role="toolbar"]'));
  });
});

describe('reaction rules', () => {
  const summary: ReactionSummary = { targetId: 't', counts: { like: 3, heart: 0 }, mine: ['like'], families: 20, homeFamilies: 5 };

  it('lays the parent wish over the host counts', () => {
    expect(optimisticCount(summary, 'like', undefined)).to.equal(3);
    expect(optimisticCount(summary, 'like', false)).to.equal(2);
    expect(optimisticCount(summary, 'heart', true)).to.equal(1);
    expect(optimisticCount(summary, 'heart', false)).to.equal(0);
  });

  it('parses the reactions attribute and drops unknown ids', () => {
    expect(parseReactionList('')).to.have.length(5);
    expect(parseReactionList('clap, like clap')).to.deep.equal(['clap', 'like']);
    const { summary: known, issues } = withKnownReactions({ ...summary, counts: { like: 1, x: 2 }, mine: ['x'], reactors: { x: ['a'] } });
    expect(Object.keys(known.counts)).to.deep.equal(['like']);
    expect(known.mine).to.deep.equal([]);
    expect(known.reactors).to.deep.equal({});
    expect(issues.map((i) => i.path)).to.deep.equal(['counts.x', 'mine.x']);
  });

  it('computes the home share in percent', () => {
    expect(homeShare(summary)).to.equal(25);
    expect(homeShare({ ...summary, families: 0 })).to.equal(undefined);
  });
});

describe('<samen-feedback-bar> teacher view on demand', () => {
  /** A bar whose teacher view cannot be loaded (the network failed) until `works` is set. */
  let works = false;
  class BrokenTeacherBar extends SamenFeedbackBar {
    protected static override loadTeacherView = () =>
      works
        ? import('../../src/feedback-bar/teacher-view.js')
        : Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
  }
  customElements.define('broken-teacher-bar', BrokenTeacherBar);

  it('a teacher view that cannot be loaded shows the error state and fires samen-error; Retry loads it', async () => {
    works = false;
    let el!: BrokenTeacherBar;
    const errors = await collectErrors(async () => {
      const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapterFor('teacher-1')} locale="nl">
        <broken-teacher-bar target-id=${TARGET} view="teacher"></broken-teacher-bar>
      </samen-provider>`);
      el = wrapper.querySelector<BrokenTeacherBar>('broken-teacher-bar')!;
      await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'error state shown');
    });
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.querySelector('[role="alert"] h2')!.textContent).to.equal('Geen internet');
    expect(el.shadowRoot!.querySelector('.counts, .muted')).to.equal(null);
    expect(errors.map((e) => [e.kind, e.fatal])).to.deep.equal([['offline', true]]);
    works = true;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('.counts, .muted'), 'teacher view after Retry');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });
});
