/**
 * A vendor that embeds only the feedback bar (issue 19): its adapter has the viewer, the feedback
 * port and live updates, nothing else. The feedback bar works with it as with a whole adapter; a
 * lesson clip on the same page says it is not connected and names what it lacks.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import type { AdapterFor } from '../../src/core/adapter.js';
import type { SamenErrorDetail } from '../../src/core/events.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-feedback-bar.js';
import '../../src/define/samen-lesson-clip.js';
import type { SamenFeedbackBar } from '../../src/feedback-bar/feedback-bar.js';
import { NOW, settled } from '../helpers/fixtures.js';

const TARGET = 'host-post-1';

/** The vendor's adapter: only what `AdapterFor<'feedback'>` asks for, delegating to their backend (here a MemoryAdapter). */
function feedbackOnly(backend: MemoryAdapter): AdapterFor<'feedback'> {
  return {
    getViewer: (options) => backend.getViewer(options),
    getReactions: (targetId, options) => backend.getReactions(targetId, options),
    setReaction: (input, options) => backend.setReaction(input, options),
    addReply: (input, options) => backend.addReply(input, options),
    subscribe: (topic, listener) => backend.subscribe(topic, listener),
  };
}

const buttons = (el: SamenFeedbackBar) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="toolbar"] button')];
const likes = (backend: MemoryAdapter) => backend.state.reactions[TARGET]?.['like'] ?? [];

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

describe('a vendor adapter with only the feedback port', () => {
  it('the feedback bar shows the reactions with their counts, stores a tap and sends a reply', async () => {
    const backend = new MemoryAdapter({ now: NOW, viewerId: 'parent-1' });
    const adapter = feedbackOnly(backend);
    const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale="nl">
      <samen-feedback-bar target-id=${TARGET} allow-reply></samen-feedback-bar>
    </samen-provider>`);
    const el = wrapper.querySelector('samen-feedback-bar')!;
    await settled(el);

    // As a user sees it: five reactions, each named with its count.
    expect(buttons(el)).to.have.length(5);
    const before = likes(backend).length;
    expect(buttons(el)[0]!.getAttribute('aria-label')).to.equal(`Duim omhoog, ${before}`);
    expect(buttons(el)[0]!.getAttribute('aria-pressed')).to.equal('false');
    await expect(el).to.be.accessible();

    // A tap is stored in the vendor's backend.
    const reacted = oneEvent(el, 'samen-react');
    buttons(el)[0]!.click();
    await reacted;
    expect(likes(backend)).to.include('fam-01');
    expect(buttons(el)[0]!.getAttribute('aria-pressed')).to.equal('true');
    expect(buttons(el)[0]!.getAttribute('aria-label')).to.equal(`Duim omhoog, ${before + 1}`);

    // A short reply is sent, and shows among the family's replies.
    const textarea = el.shadowRoot!.querySelector('textarea')!;
    textarea.focus();
    await sendKeys({ type: 'Thuis ging het goed' });
    const sent = oneEvent(el, 'samen-reply');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    expect((await sent).detail.text).to.equal('Thuis ging het goed');
    expect(backend.state.replies[TARGET]?.map((r) => r.text)).to.deep.equal(['Thuis ging het goed']);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="replies"] li p'), 'the reply shows');
    expect(el.shadowRoot!.querySelector('[part~="replies"] li p')!.textContent).to.equal('Thuis ging het goed');
  });

  it('a lesson clip on the same adapter shows "Niet verbonden" and names the methods it lacks in samen-error', async () => {
    const backend = new MemoryAdapter({ now: NOW, viewerId: 'parent-1' });
    const errors: SamenErrorDetail[] = [];
    const listener = (e: Event) => errors.push((e as CustomEvent<SamenErrorDetail>).detail);
    document.addEventListener('samen-error', listener);
    try {
      const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${feedbackOnly(backend)} locale="nl">
        <samen-feedback-bar target-id=${TARGET}></samen-feedback-bar>
        <samen-lesson-clip clip-id="wish-2"></samen-lesson-clip>
      </samen-provider>`);
      const clip = wrapper.querySelector('samen-lesson-clip')!;
      const bar = wrapper.querySelector('samen-feedback-bar')!;
      await settled(clip);
      await settled(bar);
      await waitUntil(() => clip.shadowRoot!.textContent.includes('Niet verbonden'), 'the lesson clip says it is not connected', {
        timeout: 2000,
      });
      await expect(clip).to.be.accessible();
      const mine = errors.filter((e) => e.element === clip);
      expect(mine.map((e) => e.kind)).to.deep.equal(['not-connected']);
      expect(mine[0]!.fatal).to.equal(true);
      expect(mine[0]!.issues.map((i) => i.path)).to.deep.equal([
        'getLessonClip',
        'getHomeAnswer',
        'saveHomeAnswer',
        'markSeen',
        'getClipReach',
      ]);
      // The feedback bar beside it works: no error of its own.
      expect(errors.filter((e) => e.element === bar)).to.deep.equal([]);
      expect(buttons(bar)).to.have.length(5);
    } finally {
      document.removeEventListener('samen-error', listener);
    }
  });
});
