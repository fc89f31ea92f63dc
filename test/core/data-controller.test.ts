import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { html as litHtml, type TemplateResult } from 'lit';
import type { AdapterFor, SamenTopic } from '../../src/core/adapter.js';
import { SamenError } from '../../src/core/errors.js';
import { SamenElement } from '../../src/core/samen-element.js';
import type { SamenErrorDetail } from '../../src/core/events.js';
import '../../src/define/samen-provider.js';

/**
 * The one data path every widget uses, on a card of its own: a feedback-port adapter whose
 * reactions are counted, with live topics a test can fire.
 */
class DataCard extends SamenElement {
  static override properties = { targetId: { attribute: 'target-id' } };
  targetId = '';
  readonly data = this.useData({
    port: 'feedback',
    args: () => [this.targetId] as const,
    load: async ({ adapter, viewer, args: [targetId], signal, report }) => {
      const [who, summary] = await Promise.all([viewer, adapter.getReactions(targetId, { signal })]);
      if (summary.counts['bogus']) report([{ path: 'counts.bogus', message: 'unknown reaction' }], 'unknown reactions ignored');
      return { who: who.id, likes: summary.counts['like'] ?? 0 };
    },
    topics: (_value, [targetId]) => [`reactions:${targetId}` as SamenTopic],
  });
  protected override render(): TemplateResult {
    return this.renderData(this.data, (value) => litHtml`<p part="base">${value.who}: ${value.likes}</p>`);
  }
}
customElements.define('test-data-card', DataCard);

type FeedbackAdapter = AdapterFor<'feedback'> & {
  viewerCalls: number;
  reads: number;
  likes: number;
  extra: Record<string, number>;
  listeners: Map<string, Set<() => void>>;
  fire(topic: string): void;
  latency: number;
  /** Extra time the reactions take beyond `latency`. */
  readLatency: number;
};

function feedbackAdapter(firstViewer = 'parent-1'): FeedbackAdapter & { viewerId: string } {
  let viewerId = firstViewer;
  const wait = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  const adapter: FeedbackAdapter & { viewerId: string } = {
    get viewerId() {
      return viewerId;
    },
    set viewerId(id: string) {
      viewerId = id;
    },
    viewerCalls: 0,
    reads: 0,
    likes: 3,
    extra: {},
    latency: 0,
    readLatency: 0,
    listeners: new Map(),
    fire(topic) {
      for (const listener of this.listeners.get(topic) ?? []) listener();
    },
    async getViewer() {
      adapter.viewerCalls += 1;
      await wait(adapter.latency);
      return { id: viewerId, role: 'parent', familyId: 'fam-01', childIds: ['child-1'] };
    },
    async getReactions(targetId, options) {
      adapter.reads += 1;
      await wait(adapter.latency + adapter.readLatency, options?.signal);
      return { targetId, counts: { like: adapter.likes, ...adapter.extra }, mine: [] };
    },
    async setReaction() {
      throw new SamenError('forbidden');
    },
    async addReply() {
      throw new SamenError('forbidden');
    },
    subscribe(topic: SamenTopic, listener: () => void) {
      const set = adapter.listeners.get(topic) ?? new Set();
      set.add(listener);
      adapter.listeners.set(topic, set);
      return () => set.delete(listener);
    },
  };
  return adapter;
}

const text = (el: DataCard) => el.shadowRoot!.querySelector('p')?.textContent ?? '';
const listeners = (adapter: FeedbackAdapter, topic: string) => adapter.listeners.get(topic)?.size ?? 0;

async function mount(adapter: object | undefined, targetId = 'post-1') {
  const wrapper = await fixture<HTMLElement>(html`<div>
    <samen-provider .adapter=${adapter}><test-data-card target-id=${targetId}></test-data-card></samen-provider>
    <div class="elsewhere"></div>
  </div>`);
  const el = wrapper.querySelector<DataCard>('test-data-card')!;
  return { wrapper, el };
}

describe('DataController (the data path of every widget)', () => {
  it('loads through the port and shows the result', async () => {
    const adapter = feedbackAdapter();
    const { el } = await mount(adapter);
    await waitUntil(() => text(el) === 'parent-1: 3');
  });

  it('asks for the viewer once for widgets loading at the same moment', async () => {
    const adapter = feedbackAdapter();
    adapter.latency = 20;
    const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter}>
      <test-data-card target-id="a"></test-data-card><test-data-card target-id="b"></test-data-card><test-data-card target-id="c"></test-data-card>
    </samen-provider>`);
    const cards = [...wrapper.querySelectorAll<DataCard>('test-data-card')];
    await waitUntil(() => cards.every((card) => text(card) === 'parent-1: 3'));
    expect(adapter.viewerCalls).to.equal(1);
    expect(adapter.reads).to.equal(3);
  });

  it('keeps live updates after a move in the page, without a new subscription', async () => {
    const adapter = feedbackAdapter();
    const { wrapper, el } = await mount(adapter);
    await waitUntil(() => text(el) === 'parent-1: 3');
    const stopped: string[] = [];
    const subscribe = adapter.subscribe!.bind(adapter);
    adapter.subscribe = (topic, listener) => {
      const stop = subscribe(topic, listener);
      return () => (stopped.push(topic), stop());
    };
    wrapper.querySelector('.elsewhere')!.append(el);
    await el.updateComplete;
    await Promise.resolve();
    expect(stopped).to.deep.equal([]);
    adapter.likes = 4;
    adapter.fire('reactions:post-1');
    await waitUntil(() => text(el) === 'parent-1: 4', 'the moved card shows the change');
  });

  it('stops live updates when removed, and follows them again when put back', async () => {
    const adapter = feedbackAdapter();
    const { wrapper, el } = await mount(adapter);
    await waitUntil(() => text(el) === 'parent-1: 3');
    expect(listeners(adapter, 'reactions:post-1')).to.equal(1);
    el.remove();
    await Promise.resolve();
    expect(listeners(adapter, 'reactions:post-1')).to.equal(0);
    wrapper.append(el);
    await el.updateComplete;
    expect(listeners(adapter, 'reactions:post-1')).to.equal(1);
    adapter.likes = 5;
    adapter.fire('reactions:post-1');
    await waitUntil(() => text(el) === 'parent-1: 5');
  });

  it('aborts a load when removed mid-load, reports nothing, and loads when put back', async () => {
    const adapter = feedbackAdapter();
    adapter.latency = 50;
    const errors: SamenErrorDetail[] = [];
    const wrapper = await fixture<HTMLElement>(
      html`<div @samen-error=${(e: CustomEvent<SamenErrorDetail>) => errors.push(e.detail)}></div>`,
    );
    const provider = document.createElement('samen-provider') as HTMLElement & { adapter?: object };
    provider.adapter = adapter;
    const el = document.createElement('test-data-card') as DataCard;
    el.setAttribute('target-id', 'post-1');
    provider.append(el);
    wrapper.append(provider);
    await el.updateComplete;
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(errors).to.deep.equal([]);
    expect(text(el)).to.equal('');
    provider.append(el);
    await waitUntil(() => text(el) === 'parent-1: 3', 'it loads once back');
    expect(errors).to.deep.equal([]);
  });

  it('names the missing methods of an incomplete port in the not-connected state and samen-error', async () => {
    const partial = { getViewer: feedbackAdapter().getViewer, getReactions: feedbackAdapter().getReactions };
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    const provider = document.createElement('samen-provider') as HTMLElement & { adapter?: object };
    provider.adapter = partial;
    const el = document.createElement('test-data-card') as DataCard;
    el.setAttribute('target-id', 'post-1');
    provider.append(el);
    const event = oneEvent(wrapper, 'samen-error');
    wrapper.append(provider);
    const { detail } = (await event) as CustomEvent<SamenErrorDetail>;
    expect(detail.kind).to.equal('not-connected');
    expect(detail.issues.map((issue) => issue.path)).to.deep.equal(['setReaction', 'addReply']);
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Niet verbonden');
    expect(alert.textContent).to.contain('Nog niet gekoppeld: setReaction, addReply');
    expect(alert.querySelector('button'), 'no retry for a missing method').to.equal(null);
  });

  it('a card put in a page inside its provider loads with no "not connected" on the way', async () => {
    const adapter = feedbackAdapter();
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    const errors: string[] = [];
    wrapper.addEventListener('samen-error', (e) => errors.push(e.detail.kind));
    // As a composer puts its preview in: provider and card built, then connected together.
    const provider = document.createElement('samen-provider') as HTMLElement & { adapter?: object };
    provider.adapter = adapter;
    const el = document.createElement('test-data-card') as DataCard;
    el.setAttribute('target-id', 'post-1');
    provider.append(el);
    wrapper.append(provider);
    await waitUntil(() => text(el) === 'parent-1: 3', 'loads');
    expect(errors).to.deep.equal([]);
  });

  it('takes a value without loading again (a write result)', async () => {
    const adapter = feedbackAdapter();
    const { el } = await mount(adapter);
    await waitUntil(() => text(el) === 'parent-1: 3');
    const reads = adapter.reads;
    el.data.set({ who: 'parent-1', likes: 9 });
    await el.updateComplete;
    expect(text(el)).to.equal('parent-1: 9');
    expect(adapter.reads).to.equal(reads);
  });

  it('reports a validation issue once, not on every live reload', async () => {
    const adapter = feedbackAdapter();
    adapter.extra = { bogus: 1 };
    const errors: SamenErrorDetail[] = [];
    const wrapper = await fixture<HTMLElement>(html`<div @samen-error=${(e: CustomEvent<SamenErrorDetail>) => errors.push(e.detail)}>
      <samen-provider .adapter=${adapter}><test-data-card target-id="post-1"></test-data-card></samen-provider>
    </div>`);
    const el = wrapper.querySelector<DataCard>('test-data-card')!;
    await waitUntil(() => text(el) === 'parent-1: 3');
    adapter.fire('reactions:post-1');
    adapter.likes = 6;
    adapter.fire('reactions:post-1');
    await waitUntil(() => text(el) === 'parent-1: 6');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(errors.map((e) => [e.kind, e.fatal])).to.deep.equal([['invalid-data', false]]);
  });

  it('reads again after a load when a change arrived while it was on its way', async () => {
    const adapter = feedbackAdapter();
    const { el } = await mount(adapter);
    await waitUntil(() => text(el) === 'parent-1: 3');
    adapter.latency = 30;
    adapter.fire('reactions:post-1'); // starts a quiet reload
    await new Promise((resolve) => setTimeout(resolve, 5));
    adapter.likes = 7; // changed after that reload read
    adapter.fire('reactions:post-1');
    await waitUntil(() => text(el) === 'parent-1: 7', 'the later change is shown');
  });

  it('shows loading, not the old item, while another item loads', async () => {
    const adapter = feedbackAdapter();
    const { el } = await mount(adapter);
    await waitUntil(() => text(el) === 'parent-1: 3');
    adapter.latency = 40;
    el.targetId = 'post-2';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).to.not.equal(null);
    await waitUntil(() => text(el) === 'parent-1: 3');
    expect(listeners(adapter, 'reactions:post-1')).to.equal(0);
    expect(listeners(adapter, 'reactions:post-2')).to.equal(1);
  });

  it('asks again for the viewer on a later load (someone may have signed in on the same adapter)', async () => {
    const adapter = feedbackAdapter();
    const { el } = await mount(adapter);
    await waitUntil(() => text(el) === 'parent-1: 3');
    const calls = adapter.viewerCalls;
    await el.data.run();
    expect(adapter.viewerCalls).to.equal(calls + 1);
  });

  it('shows nothing of the person before when someone else signs in on the same adapter', async () => {
    const adapter = feedbackAdapter();
    const { el } = await mount(adapter);
    await waitUntil(() => text(el) === 'parent-1: 3');
    adapter.viewerId = 'parent-3';
    adapter.readLatency = 40; // the viewer answers first: from then on, nothing of parent-1
    const reload = el.data.run();
    await new Promise((resolve) => setTimeout(resolve, 15));
    await el.updateComplete;
    const midway = text(el);
    await reload;
    await el.updateComplete;
    expect(midway, 'while the new person’s data loads').to.equal('');
    expect(text(el)).to.equal('parent-3: 3');
  });
});
