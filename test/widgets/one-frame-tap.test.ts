/**
 * One frame per tap (issue 23): what a tap changes shows in the frame after it, before the
 * adapter answers; a write that fails rolls back (or stays queued, for the teacher's awards)
 * with a message in the card's words, and nothing typed is lost.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { SamenError } from '../../src/core/errors.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-feedback-bar.js';
import '../../src/define/samen-reward-chart.js';
import '../../src/define/samen-feelings-checkin.js';
import '../../src/define/samen-lesson-clip.js';
import { NOW, settled } from '../helpers/fixtures.js';

/** A write the test answers when it likes. */
interface Held {
  calls: number;
  /** The arguments of every call, in order. */
  args: unknown[][];
  /** Once the write was sent: answers it through the real adapter. */
  resolve(): Promise<void>;
  /** Once the write was sent: fails it. */
  reject(error: unknown): Promise<void>;
}

/** Holds every call of `method` on `adapter` until the test resolves (through the real adapter) or rejects it. */
function hold(adapter: MemoryAdapter, method: 'setReaction' | 'award' | 'saveCheckin' | 'saveHomeAnswer'): Held {
  const real = (adapter[method] as (...args: unknown[]) => Promise<unknown>).bind(adapter);
  const waiting: { args: unknown[]; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  const held: Held = {
    calls: 0,
    args: [],
    resolve: async () => {
      await waitUntil(() => waiting.length > 0, 'the write was sent');
      for (const w of waiting.splice(0)) real(...w.args).then(w.resolve, w.reject);
    },
    reject: async (error) => {
      await waitUntil(() => waiting.length > 0, 'the write was sent');
      for (const w of waiting.splice(0)) w.reject(error);
    },
  };
  (adapter as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
    held.calls += 1;
    held.args.push(args);
    return new Promise((resolve, reject) => waiting.push({ args, resolve, reject }));
  };
  return held;
}

const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
const failure = () => new SamenError('unavailable', 'the school server did not answer');

async function mount<E extends HTMLElement & { updateComplete: Promise<boolean> }>(
  adapter: MemoryAdapter,
  tag: string,
  attrs: Record<string, string>,
): Promise<E> {
  const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale="nl"></samen-provider>`);
  const el = document.createElement(tag) as E;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  wrapper.append(el);
  await settled(el);
  await tick(20);
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (el: HTMLElement) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

describe('one frame per tap', () => {
  describe('a reaction', () => {
    const like = (el: HTMLElement) => $<HTMLButtonElement>(el, '[part~="reaction"]')!;

    it('is pressed in the frame after the tap, before the adapter answers', async () => {
      const adapter = new MemoryAdapter({ now: NOW, viewerId: 'parent-1' });
      const el = await mount(adapter, 'samen-feedback-bar', { 'target-id': 'host-post-1' });
      const write = hold(adapter, 'setReaction');
      expect(like(el).getAttribute('aria-pressed')).to.equal('false');
      like(el).click();
      await frame();
      expect(like(el).getAttribute('aria-pressed')).to.equal('true');
      expect(like(el).getAttribute('part')).to.contain('reaction-pressed');
      await write.resolve();
      await tick(20);
      expect(like(el).getAttribute('aria-pressed')).to.equal('true');
    });

    it('rolls back with a message in Dutch when the write fails', async () => {
      const adapter = new MemoryAdapter({ now: NOW, viewerId: 'parent-1' });
      const el = await mount(adapter, 'samen-feedback-bar', { 'target-id': 'host-post-1' });
      const write = hold(adapter, 'setReaction');
      like(el).click();
      await frame();
      await write.reject(failure());
      await tick(20);
      await el.updateComplete;
      expect(like(el).getAttribute('aria-pressed')).to.equal('false');
      expect(text(el)).to.contain('Je reactie is niet opgeslagen. Probeer het nog eens.');
    });
  });

  describe('what a tap sets off', () => {
    const like = (el: HTMLElement) => $<HTMLButtonElement>(el, '[part~="reaction"]')!;

    it('sends the write once the tap is painted, even to an adapter that answers at once', async () => {
      const adapter = new MemoryAdapter({ now: NOW, viewerId: 'parent-1' });
      const el = await mount(adapter, 'samen-feedback-bar', { 'target-id': 'host-post-1' });
      const from = adapter.calls.length;
      const sent = () => adapter.calls.slice(from).filter((c) => c.method === 'setReaction').length;
      like(el).click();
      await el.updateComplete;
      expect(like(el).getAttribute('aria-pressed')).to.equal('true');
      expect(sent()).to.equal(0);
      await frame();
      await tick(50);
      expect(sent()).to.equal(1);
      expect(like(el).getAttribute('aria-pressed')).to.equal('true');
    });

    it('reads again once, after the frame, for every change that came in before it', async () => {
      const adapter = new MemoryAdapter({ now: NOW, viewerId: 'parent-1' });
      const el = await mount(adapter, 'samen-feedback-bar', { 'target-id': 'host-post-1' });
      const from = adapter.calls.length;
      const reads = () => adapter.calls.slice(from).filter((c) => c.method === 'getReactions').length;
      // Three changes in one task (this family on another device, say).
      await Promise.all(
        (['like', 'heart', 'clap'] as const).map((reaction, i) =>
          adapter.setReaction({ id: `other-${i}`, targetId: 'host-post-1', reaction, on: true }),
        ),
      );
      expect(reads()).to.equal(0);
      await frame();
      await tick(50);
      await el.updateComplete;
      expect(reads()).to.equal(1);
      expect(like(el).getAttribute('aria-pressed')).to.equal('true');
    });
  });

  describe("the teacher's award", () => {
    const count = (el: HTMLElement) => $(el, '[role="progressbar"]')!.getAttribute('aria-valuetext');

    it('is counted in the frame after the tap, before the adapter answers', async () => {
      const adapter = new MemoryAdapter({ now: NOW, viewerId: 'teacher-1' });
      const el = await mount(adapter, 'samen-reward-chart', { 'chart-id': 'class-wish', view: 'teacher' });
      const write = hold(adapter, 'award');
      expect(count(el)).to.equal('31 van 50 muntjes');
      $<HTMLButtonElement>(el, '[part~="award-button"]')!.click();
      await frame();
      expect(count(el)).to.equal('32 van 50 muntjes');
      expect($(el, '[role="status"]')!.textContent).to.equal('Muntje gegeven — 32 van 50');
      await write.resolve();
      await tick(50);
      expect(count(el)).to.equal('32 van 50 muntjes');
      expect(write.calls).to.equal(1);
    });

    it('stays counted and queued, with a message in Dutch, when the write fails', async () => {
      const adapter = new MemoryAdapter({ now: NOW, viewerId: 'teacher-1' });
      const el = await mount(adapter, 'samen-reward-chart', { 'chart-id': 'class-wish', view: 'teacher' });
      const write = hold(adapter, 'award');
      $<HTMLButtonElement>(el, '[part~="award-button"]')!.click();
      await frame();
      await write.reject(failure());
      await tick(50);
      await el.updateComplete;
      expect(count(el)).to.equal('32 van 50 muntjes');
      expect($(el, '[role="alert"]')!.textContent).to.contain('Nog niet verstuurd: 1.');
    });
  });

  describe('a feeling', () => {
    const pick = (el: HTMLElement, id: string) => $<HTMLInputElement>(el, `input[name="feeling"][value="${id}"]`)!;
    const save = (el: HTMLElement) => $<HTMLButtonElement>(el, '[part~="save-button"]')!;

    it('is chosen, then saving, in the frame after each tap', async () => {
      const adapter = new MemoryAdapter({ now: NOW, viewerId: 'parent-1' });
      const el = await mount(adapter, 'samen-feelings-checkin', { 'child-id': 'child-1', view: 'parent', context: 'home' });
      const write = hold(adapter, 'saveCheckin');
      pick(el, 'happy').click();
      await frame();
      expect(pick(el, 'happy').checked).to.equal(true);
      expect($(el, '[part~="strength"]')).to.exist;
      save(el).click();
      await frame();
      expect(save(el).textContent.trim()).to.equal('Bezig met opslaan…');
      expect(save(el).getAttribute('aria-disabled')).to.equal('true');
      await write.resolve();
      await tick(20);
      await el.updateComplete;
      expect(save(el).textContent.trim()).to.equal('Opslaan');
    });

    it('keeps the choice, with a message in Dutch, when the write fails', async () => {
      const adapter = new MemoryAdapter({ now: NOW, viewerId: 'parent-1' });
      const el = await mount(adapter, 'samen-feelings-checkin', { 'child-id': 'child-1', view: 'parent', context: 'home' });
      const write = hold(adapter, 'saveCheckin');
      pick(el, 'happy').click();
      await frame();
      save(el).click();
      await frame();
      await write.reject(failure());
      await tick(20);
      await el.updateComplete;
      expect(pick(el, 'happy').checked).to.equal(true);
      expect(save(el).textContent.trim()).to.equal('Opslaan');
      expect($(el, '.save-error')!.textContent).to.contain('Opslaan lukte niet. Je keuze is bewaard.');
    });
  });

  describe('a home answer', () => {
    const textarea = (el: HTMLElement) => $<HTMLTextAreaElement>(el, 'textarea')!;
    const send = (el: HTMLElement) => $<HTMLButtonElement>(el, '[part~="send-button"]')!;
    async function typeAnswer(el: HTMLElement & { updateComplete: Promise<boolean> }, value: string) {
      textarea(el).value = value;
      textarea(el).dispatchEvent(new Event('input'));
      await el.updateComplete;
    }

    it('shows it is sending in the frame after the tap, before the adapter answers', async () => {
      const adapter = new MemoryAdapter({ now: NOW, viewerId: 'parent-1' });
      const el = await mount(adapter, 'samen-lesson-clip', { 'clip-id': 'wish-2', view: 'parent' });
      const write = hold(adapter, 'saveHomeAnswer');
      await typeAnswer(el, 'We oefenden het samen');
      send(el).click();
      await frame();
      expect(send(el).textContent.trim()).to.equal('Bezig met versturen…');
      expect(send(el).getAttribute('aria-disabled')).to.equal('true');
      await write.resolve();
      await tick(20);
      await el.updateComplete;
      expect($(el, '[part~="answer"]')!.textContent).to.contain('We oefenden het samen');
    });

    it('keeps the typed text, with a message in Dutch, when the write fails', async () => {
      const adapter = new MemoryAdapter({ now: NOW, viewerId: 'parent-1' });
      const el = await mount(adapter, 'samen-lesson-clip', { 'clip-id': 'wish-2', view: 'parent' });
      const write = hold(adapter, 'saveHomeAnswer');
      await typeAnswer(el, 'We oefenden het samen');
      send(el).click();
      await frame();
      await write.reject(failure());
      await tick(20);
      await el.updateComplete;
      expect(textarea(el).value).to.equal('We oefenden het samen');
      expect(text(el)).to.contain('Versturen lukte niet. Je tekst is bewaard.');
      expect(send(el).textContent.trim()).to.not.equal('Bezig met versturen…');
    });
  });

  describe('"we talked about it"', () => {
    const talked = (el: HTMLElement) => $<HTMLButtonElement>(el, '[part~="talked-button"]');
    const answer = (el: HTMLElement) => $(el, '[part~="answer"]');

    it('is ticked in the frame after the tap, before the adapter answers, and sent once', async () => {
      const adapter = new MemoryAdapter({ now: NOW, viewerId: 'parent-1' });
      const el = await mount(adapter, 'samen-lesson-clip', { 'clip-id': 'wish-2', view: 'parent' });
      const write = hold(adapter, 'saveHomeAnswer');
      talked(el)!.click();
      await frame();
      expect(answer(el)?.textContent ?? '', 'ticked').to.contain('Jullie hebben erover gepraat');
      expect(talked(el)).to.equal(null);
      // Focus stays in the card: on the answer's edit button, where the tapped button was.
      expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Aanpassen');
      await write.resolve();
      await tick(20);
      await el.updateComplete;
      expect(answer(el)!.textContent).to.contain('Jullie hebben erover gepraat');
      expect(write.calls).to.equal(1);
      expect((await adapter.getHomeAnswer('wish-2'))?.kind).to.equal('talked');
    });

    it('is sent once the tap is painted, even to an adapter that answers at once', async () => {
      const adapter = new MemoryAdapter({ now: NOW, viewerId: 'parent-1' });
      const el = await mount(adapter, 'samen-lesson-clip', { 'clip-id': 'wish-2', view: 'parent' });
      const from = adapter.calls.length;
      const sent = () => adapter.calls.slice(from).filter((c) => c.method === 'saveHomeAnswer').length;
      talked(el)!.click();
      await el.updateComplete;
      expect(answer(el)?.textContent ?? '', 'ticked').to.contain('Jullie hebben erover gepraat');
      expect(sent()).to.equal(0);
      await frame();
      await tick(50);
      expect(sent()).to.equal(1);
    });

    it('is unticked, with a message in Dutch, when the write fails; a retry sends the same write', async () => {
      const adapter = new MemoryAdapter({ now: NOW, viewerId: 'parent-1' });
      const el = await mount(adapter, 'samen-lesson-clip', { 'clip-id': 'wish-2', view: 'parent' });
      const write = hold(adapter, 'saveHomeAnswer');
      talked(el)!.click();
      await frame();
      await write.reject(failure());
      await tick(20);
      await el.updateComplete;
      expect(answer(el)).to.equal(null);
      expect(talked(el)!.textContent.trim()).to.equal('We hebben erover gepraat');
      expect($(el, '.send-error[role="alert"]')!.textContent).to.contain('Dat is niet opgeslagen. Probeer het nog eens.');
      expect(el.shadowRoot!.activeElement).to.equal(talked(el));
      // Tried again: the same client id, so a write that did arrive the first time is not counted twice.
      talked(el)!.click();
      await frame();
      expect(answer(el)?.textContent ?? '', 'ticked').to.contain('Jullie hebben erover gepraat');
      await write.resolve();
      await tick(20);
      const ids = write.args.map((args) => (args[0] as { id: string }).id);
      expect(ids).to.have.length(2);
      expect(ids[1]).to.equal(ids[0]);
    });
  });
});
