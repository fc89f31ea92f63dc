/**
 * The outbox keeps writes per person, and a signed-out answer (401) never loses one.
 *
 * One outbox per browser origin used to be one queue for everyone: parent A's offline reply was
 * sent later under parent B's token as B's family's reply, and a queued write answered 401 was
 * dropped for good. Here every entry records who queued it and is sent only while that person is
 * signed in; a `signed-out` answer keeps the write, tells the host (`onSignedOut`) and waits for
 * `resume()`. The person switch is a "session" adapter whose viewer the test changes (a token
 * swap in one page), or a reload with someone else's adapter.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { openDB } from 'idb';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { HttpAdapter } from '../../src/adapters/http-adapter.js';
import { OutboxAdapter, type OutboxEntry } from '../../src/adapters/outbox.js';
import { fromBridgeError, toBridgeError } from '../../src/adapters/bridge-adapter.js';
import { SAMEN_ERROR_KINDS, SamenError } from '../../src/core/errors.js';
import { WriteQueue } from '../../src/core/write-queue.js';
import { removeStored } from '../../src/core/draft-store.js';
import type { SamenAdapter } from '../../src/core/adapter.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-feedback-bar.js';
import { NOW, settled } from '../helpers/fixtures.js';

let dbCount = 0;
const dbName = () => `samen-outbox-viewers-${Date.now()}-${dbCount++}`;
const memory = () => new MemoryAdapter({ now: NOW });
const goOnline = () => window.dispatchEvent(new Event('online'));
const pause = (ms = 50) => new Promise((r) => setTimeout(r, ms));
const replies = (adapter: MemoryAdapter, targetId = 'wish-2') => adapter.state.replies[targetId] ?? [];
const callsOf = (adapter: MemoryAdapter, method: string) => adapter.calls.filter((c) => c.method === method);

async function rejection(promise: Promise<unknown>): Promise<SamenError> {
  try {
    await promise;
  } catch (error) {
    return error as SamenError;
  }
  throw new Error('expected a rejection');
}

/** One adapter object for the page, speaking for whoever `current` is (the host's session). */
function session(first: MemoryAdapter): { adapter: SamenAdapter; signIn: (next: MemoryAdapter) => void } {
  let current = first;
  const adapter = new Proxy(first, {
    get: (_target, key) => {
      const value = Reflect.get(current, key, current) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  }) as SamenAdapter;
  return { adapter, signIn: (next) => (current = next) };
}

describe('OutboxAdapter: writes per viewer', () => {
  const outboxes: OutboxAdapter[] = [];
  const make = (inner: SamenAdapter, options: ConstructorParameters<typeof OutboxAdapter>[1] = {}) => {
    const outbox = new OutboxAdapter(inner, { backoffMs: 60_000, dbName: dbName(), ...options });
    outboxes.push(outbox);
    return outbox;
  };
  afterEach(() => outboxes.splice(0).forEach((o) => o.dispose()));

  it("records who queued a write; A's write is never sent while B is signed in, and goes exactly once when A is back", async () => {
    const a = memory();
    const b = a.forViewer('parent-3');
    const { adapter, signIn } = session(a);
    const outbox = make(adapter);
    await outbox.getViewer(); // the widget loads: the outbox knows who writes
    a.fail('addReply', 'offline');
    const error = await rejection(outbox.addReply({ id: 'from-a', targetId: 'wish-2', text: 'Van ouder A' }));
    expect([error.kind, error.queued]).to.deep.equal(['offline', true]);
    expect((await outbox.pending()).map((e) => [e.id, e.viewer])).to.deep.equal([['from-a', 'parent-1']]);

    signIn(b);
    a.recover();
    goOnline();
    await outbox.flush();
    await pause();
    expect(callsOf(b, 'addReply')).to.deep.equal([]);
    expect(replies(a).map((r) => r.text)).not.to.include('Van ouder A');
    expect((await outbox.pending()).map((e) => e.id)).to.deep.equal(['from-a']);

    // B's own write goes out at once; A's keeps waiting.
    await outbox.getViewer();
    const mine = await outbox.addReply({ id: 'from-b', targetId: 'wish-2', text: 'Van ouder B' });
    expect(mine.familyId).to.equal('fam-02');
    expect((await outbox.pending()).map((e) => e.id)).to.deep.equal(['from-a']);
    expect(replies(a).map((r) => r.text)).not.to.include('Van ouder A');

    signIn(a);
    const before = a.appliedWrites;
    await outbox.flush();
    await outbox.flush();
    expect(await outbox.pending()).to.deep.equal([]);
    const sent = replies(a).filter((r) => r.text === 'Van ouder A');
    expect(sent.map((r) => r.familyId)).to.deep.equal(['fam-01']);
    expect(a.appliedWrites - before).to.equal(1);
  });

  it("kept across a reload: B's page leaves A's write on the device, A's page sends it", async () => {
    const name = dbName();
    const a = memory();
    const first = make(a, { dbName: name });
    await first.getViewer();
    a.fail('saveHomeAnswer', 'unavailable');
    await rejection(first.saveHomeAnswer({ id: 'answer-a', clipId: 'wish-2', kind: 'text', text: 'Antwoord van A' }));
    first.dispose();
    a.recover();

    const b = a.forViewer('parent-3');
    const asB = make(b, { dbName: name });
    await pause(100);
    await asB.flush();
    expect(callsOf(b, 'saveHomeAnswer')).to.deep.equal([]);
    expect((await asB.pending()).map((e) => [e.id, e.viewer])).to.deep.equal([['answer-a', 'parent-1']]);
    asB.dispose();

    const asA = make(a.forViewer('parent-1'), { dbName: name });
    await waitUntil(async () => (await asA.pending()).length === 0, 'never sent once A was back');
    expect((await a.forViewer('parent-1').getHomeAnswer('wish-2'))?.text).to.equal('Antwoord van A');
    expect(await b.getHomeAnswer('wish-2')).to.equal(null);
  });

  it('a host key (viewerKey) decides whose a write is', async () => {
    const inner = memory();
    let who = 'user-a';
    const outbox = make(inner, { viewerKey: () => who });
    inner.fail('addReply', 'offline');
    await rejection(outbox.addReply({ id: 'k1', targetId: 'wish-2', text: 'Met sleutel' }));
    expect((await outbox.pending()).map((e) => e.viewer)).to.deep.equal(['user-a']);
    inner.recover();
    who = 'user-b';
    await outbox.flush();
    expect(await outbox.pending()).to.have.length(1);
    who = 'user-a';
    await outbox.flush();
    expect(await outbox.pending()).to.deep.equal([]);
    expect(replies(inner).filter((r) => r.text === 'Met sleutel')).to.have.length(1);
  });

  it('an entry kept by an earlier version (no viewer) is never sent for whoever is signed in: dropped and reported', async () => {
    const name = dbName();
    const db = await openDB(name, 1, {
      upgrade(d) {
        d.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('id', 'id', { unique: true });
      },
    });
    await db.add('outbox', {
      id: 'old-1',
      method: 'addReply',
      input: { id: 'old-1', targetId: 'wish-2', text: 'Van vroeger, van iemand' },
      queuedAt: NOW.toISOString(),
    });
    db.close();

    const inner = memory();
    const refused: [OutboxEntry, SamenError][] = [];
    const outbox = make(inner, { dbName: name, onRefused: (entry, error) => refused.push([entry, error]) });
    await waitUntil(() => refused.length === 1, 'never reported');
    expect(refused[0]![0].id).to.equal('old-1');
    expect(refused[0]![1].kind).to.equal('forbidden');
    expect(await outbox.pending()).to.deep.equal([]);
    expect(callsOf(inner, 'addReply')).to.deep.equal([]);
    expect(replies(inner).map((r) => r.text)).not.to.include('Van vroeger, van iemand');
  });
});

describe('OutboxAdapter: signed out (401)', () => {
  const outboxes: OutboxAdapter[] = [];
  afterEach(() => outboxes.splice(0).forEach((o) => o.dispose()));

  it('keeps the write, calls onSignedOut once, retries nothing on its own, and sends it exactly once after resume()', async () => {
    const inner = memory();
    let told = 0;
    const outbox = new OutboxAdapter(inner, { dbName: dbName(), backoffMs: 10, onSignedOut: () => void (told += 1) });
    outboxes.push(outbox);
    await outbox.getViewer();
    inner.failNext('addReply', 'signed-out');
    const error = await rejection(outbox.addReply({ id: 's1', targetId: 'wish-2', text: 'Na het inloggen' }));
    expect([error.kind, error.queued]).to.deep.equal(['signed-out', true]);
    await waitUntil(() => told === 1, 'the host was never told');
    expect((await outbox.pending()).map((e) => e.id)).to.deep.equal(['s1']);

    // The next try would succeed (failNext was once): that nothing goes proves the outbox waits.
    const before = inner.appliedWrites;
    goOnline();
    await pause(80);
    expect(inner.appliedWrites).to.equal(before);
    expect(await outbox.pending()).to.have.length(1);

    await outbox.resume();
    await outbox.flush();
    expect(await outbox.pending()).to.deep.equal([]);
    expect(inner.appliedWrites - before).to.equal(1);
    expect(replies(inner).filter((r) => r.text === 'Na het inloggen')).to.have.length(1);
    expect(told).to.equal(1);
  });

  it('over HTTP: a 401 (whatever its body says) keeps the write; the host signs in again from onSignedOut and it goes once with the new token', async () => {
    let token = 'expired';
    const posts: { auth: string | null; key: string | null }[] = [];
    const fetchImpl = (async (url: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      const auth = headers.get('authorization');
      if (auth !== 'Bearer fresh') {
        return new Response(JSON.stringify({ error: { kind: 'forbidden', message: 'a valid bearer token is required' } }), { status: 401 });
      }
      if (String(url).endsWith('/viewer')) return Response.json({ id: 'parent-1', role: 'parent', familyId: 'fam-01' });
      posts.push({ auth, key: headers.get('idempotency-key') });
      return Response.json({ id: 'reply-1', familyId: 'fam-01', text: 'Via HTTP', createdAt: NOW.toISOString() });
    }) as typeof fetch;
    const http = new HttpAdapter({ baseUrl: '/api/samen', getToken: () => token, fetch: fetchImpl, retries: 0 });

    expect((await rejection(http.addReply({ id: 'direct', targetId: 'wish-2', text: 'x' }))).kind).to.equal('signed-out');

    let told = 0;
    const outbox: OutboxAdapter = new OutboxAdapter(http, {
      dbName: dbName(),
      viewerKey: () => 'parent-1',
      onSignedOut: async () => {
        told += 1;
        token = 'fresh'; // the host refreshes its session…
        await outbox.resume(); // …and hands the queue back
      },
    });
    outboxes.push(outbox);
    const error = await rejection(outbox.addReply({ id: 'w-http', targetId: 'wish-2', text: 'Via HTTP' }));
    expect([error.kind, error.queued]).to.deep.equal(['signed-out', true]);
    await waitUntil(async () => (await outbox.pending()).length === 0, 'never sent after sign-in');
    await outbox.flush();
    expect(told).to.equal(1);
    expect(posts).to.deep.equal([{ auth: 'Bearer fresh', key: 'w-http' }]);
  });

  it('a widget says it is kept until the parent signs in again; without an outbox, that the text stays', async () => {
    const inner = memory();
    const outbox = new OutboxAdapter(inner, { dbName: dbName(), backoffMs: 60_000 });
    outboxes.push(outbox);
    const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${outbox} locale="nl">
      <samen-feedback-bar target-id="wish-2" view="parent" allow-reply></samen-feedback-bar>
    </samen-provider>`);
    const bar = wrapper.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('samen-feedback-bar')!;
    await settled(bar);
    await expect(bar).to.be.accessible();
    const send = async (text: string) => {
      const box = bar.shadowRoot!.querySelector<HTMLTextAreaElement>('[part~="reply-input"]')!;
      box.value = text;
      box.dispatchEvent(new Event('input'));
      await bar.updateComplete;
      bar.shadowRoot!.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
      await waitUntil(() => bar.shadowRoot!.querySelector('.send-error'), 'no message');
      return bar.shadowRoot!.querySelector('.send-error')!.textContent;
    };
    inner.fail('addReply', 'signed-out');
    expect(await send('Bewaar me')).to.contain('Je bent uitgelogd. Log opnieuw in. Daarna versturen we wat je schreef.');
    expect(await outbox.pending()).to.have.length(1);

    const provider = wrapper as HTMLElement & { adapter: SamenAdapter; updateComplete: Promise<boolean> };
    provider.adapter = inner;
    await provider.updateComplete;
    await settled(bar);
    const text = await send('Niet bewaard');
    expect(text).to.contain('Je bent uitgelogd. Log opnieuw in. Wat je schreef, blijft hier staan.');
    expect(bar.shadowRoot!.querySelector<HTMLTextAreaElement>('[part~="reply-input"]')!.value).to.equal('Niet bewaard');
  });

  it('is a known kind everywhere: the bridge passes it by name', () => {
    expect(SAMEN_ERROR_KINDS).to.include('signed-out');
    expect(toBridgeError(new SamenError('signed-out')).kind).to.equal('signed-out');
    expect(fromBridgeError({ kind: 'signed-out', message: 'token expired' }).kind).to.equal('signed-out');
  });
});

describe('WriteQueue: one person', () => {
  afterEach(() => removeStored('queue-person-test'));

  it('sends nothing while its person is not the one signed in, keeps it, and nothing at all once closed', async () => {
    const sent: string[] = [];
    let current = false;
    const queue = new WriteQueue<string>('queue-person-test', async (w) => void sent.push(w.payload), { isCurrent: () => current });
    queue.enqueue('award-a');
    await queue.flush();
    expect(sent).to.deep.equal([]);
    expect(queue.pending.map((w) => w.payload)).to.deep.equal(['award-a']);

    current = true;
    await queue.flush();
    expect(sent).to.deep.equal(['award-a']);

    current = false;
    queue.enqueue('award-b');
    queue.close();
    current = true;
    await queue.flush();
    expect(sent).to.deep.equal(['award-a']);
    expect(() => queue.enqueue('after')).to.throw();
    // Kept on the device for its person: a queue for them finds it.
    const again = new WriteQueue<string>('queue-person-test', async (w) => void sent.push(w.payload));
    expect(again.pending.map((w) => w.payload)).to.deep.equal(['award-b']);
  });
});
