import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { OutboxAdapter, type OutboxEntry } from '../../src/adapters/outbox.js';
import type { SamenError } from '../../src/core/errors.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-lesson-clip.js';
import { NOW, settled } from '../helpers/fixtures.js';

let dbCount = 0;
const dbName = () => `samen-outbox-test-${Date.now()}-${dbCount++}`;
const memory = () => new MemoryAdapter({ now: NOW });
const goOnline = () => window.dispatchEvent(new Event('online'));

async function rejection(promise: Promise<unknown>): Promise<SamenError> {
  try {
    await promise;
  } catch (error) {
    return error as SamenError;
  }
  throw new Error('expected a rejection');
}

const replies = (adapter: MemoryAdapter, targetId = 'wish-2') => adapter.state.replies[targetId]?.map((r) => r.text) ?? [];

describe('OutboxAdapter', () => {
  const outboxes: OutboxAdapter[] = [];
  const make = (inner: MemoryAdapter, options: ConstructorParameters<typeof OutboxAdapter>[1] = {}) => {
    const outbox = new OutboxAdapter(inner, { backoffMs: 60_000, ...options });
    outboxes.push(outbox);
    return outbox;
  };
  afterEach(() => outboxes.splice(0).forEach((o) => o.dispose()));

  it('sends a write straight through when online and keeps nothing', async () => {
    const inner = memory();
    const outbox = make(inner, { dbName: dbName() });
    const reply = await outbox.addReply({ id: 'w1', targetId: 'wish-2', text: 'Thuis gelukt' });
    expect(reply.text).to.equal('Thuis gelukt');
    expect(await outbox.pending()).to.deep.equal([]);
    expect(replies(inner)).to.include('Thuis gelukt');
  });

  it('keeps writes on the device while offline and sends them in order when back online, once each', async () => {
    const inner = memory();
    const outbox = make(inner, { dbName: dbName() });
    inner.fail('addReply', 'offline');
    const errors = await Promise.all(['een', 'twee', 'drie'].map((text, i) => rejection(outbox.addReply({ id: `w${i}`, targetId: 'wish-2', text }))));
    expect(errors.map((e) => [e.kind, e.queued])).to.deep.equal([['offline', true], ['offline', true], ['offline', true]]);
    expect((await outbox.pending()).map((e) => e.id)).to.deep.equal(['w0', 'w1', 'w2']);
    const before = inner.appliedWrites;

    inner.recover();
    goOnline();
    await waitUntil(async () => (await outbox.pending()).length === 0, 'outbox never drained');
    expect(replies(inner).slice(-3)).to.deep.equal(['een', 'twee', 'drie']);
    expect(inner.appliedWrites - before).to.equal(3);
  });

  it('resumes queued writes after a reload', async () => {
    const name = dbName();
    const inner = memory();
    const first = make(inner, { dbName: name });
    inner.fail('saveHomeAnswer', 'unavailable');
    await rejection(first.saveHomeAnswer({ id: 'answer-1', clipId: 'wish-2', kind: 'text', text: 'Na het eten besproken' }));
    first.dispose();

    inner.recover();
    const reloaded = make(inner, { dbName: name });
    await waitUntil(async () => (await reloaded.pending()).length === 0, 'not resumed');
    expect((await inner.getHomeAnswer('wish-2'))?.text).to.equal('Na het eten besproken');
  });

  it('keeps one entry when a widget retries the same write id, and applies it once', async () => {
    const inner = memory();
    const outbox = make(inner, { dbName: dbName() });
    inner.fail('addReply', 'offline');
    await rejection(outbox.addReply({ id: 'same', targetId: 'wish-2', text: 'Eén keer' }));
    await rejection(outbox.addReply({ id: 'same', targetId: 'wish-2', text: 'Eén keer' }));
    expect(await outbox.pending()).to.have.length(1);
    inner.recover();
    await outbox.flush();
    expect(replies(inner).filter((t) => t === 'Eén keer')).to.have.length(1);
  });

  it('drops a write refused for good and says so, leaving the next ones to go', async () => {
    const inner = memory();
    const refused: [OutboxEntry, SamenError][] = [];
    const outbox = make(inner, { dbName: dbName(), onRefused: (entry, error) => refused.push([entry, error]) });
    inner.fail('*', 'offline');
    await rejection(outbox.addReply({ id: 'r1', targetId: 'wish-2', text: 'Eerst' }));
    await rejection(outbox.addReply({ id: 'r2', targetId: 'wish-2', text: 'Daarna' }));
    inner.recover();
    inner.failNext('addReply', 'forbidden');
    await outbox.flush();
    expect(refused.map(([entry, error]) => [entry.id, error.kind])).to.deep.equal([['r1', 'forbidden']]);
    expect(await outbox.pending()).to.deep.equal([]);
    expect(replies(inner)).to.include('Daarna');
    expect(replies(inner)).not.to.include('Eerst');
  });

  it('can be switched off for shared devices: nothing is kept', async () => {
    const inner = memory();
    const outbox = make(inner, { dbName: dbName(), enabled: false });
    inner.fail('addReply', 'offline');
    const error = await rejection(outbox.addReply({ id: 'x', targetId: 'wish-2', text: 'Niet bewaren' }));
    expect([error.kind, error.queued]).to.deep.equal(['offline', false]);
    expect(await outbox.pending()).to.deep.equal([]);
  });

  it('passes reads and live updates through', async () => {
    const inner = memory();
    const outbox = make(inner, { dbName: dbName() });
    expect((await outbox.getViewer()).id).to.equal('parent-1');
    let heard = 0;
    const stop = outbox.subscribe('reactions:wish-2', () => (heard += 1));
    await outbox.setReaction({ id: 'like-1', targetId: 'wish-2', reaction: 'like', on: true });
    stop();
    expect(heard).to.equal(1);
  });

  it('makes a widget say "saved on this device", and the answer reaches the teacher once back online', async () => {
    const inner = memory();
    const outbox = make(inner, { dbName: dbName() });
    const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${outbox} locale="nl">
      <samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip>
    </samen-provider>`);
    const clip = wrapper.querySelector('samen-lesson-clip')!;
    await settled(clip);
    inner.fail('saveHomeAnswer', 'offline');
    const textarea = clip.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'In de trein besproken';
    textarea.dispatchEvent(new Event('input'));
    await clip.updateComplete;
    clip.shadowRoot!.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    await waitUntil(() => clip.shadowRoot!.querySelector('.send-error'), 'no message');
    expect(clip.shadowRoot!.querySelector('.send-error')!.textContent).to.contain('Bewaard op dit apparaat');

    inner.recover();
    goOnline();
    const teacher = inner.forViewer('teacher-1');
    await waitUntil(async () => (await teacher.getClipReach('wish-2')).answers.some((a) => a.text === 'In de trein besproken'), 'never arrived');
  });
});
