import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { BRIDGE_METHODS, BridgeAdapter, type BridgeMessage, type BridgeMethod } from '../../src/adapters/bridge-adapter.js';
import { serveBridge } from '../../src/adapters/bridge-host.js';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import type { RequestOptions, SamenAdapter, SamenTopic, Unsubscribe } from '../../src/core/adapter.js';
import { SamenError } from '../../src/core/errors.js';
import type { SamenFeedbackBar } from '../../src/feedback-bar/feedback-bar.js';
import type { SamenLessonClip } from '../../src/lesson-clip/lesson-clip.js';
import { NOW, settled } from '../helpers/fixtures.js';
import type { BridgeFrame } from './frame.js';
import { validInputs } from './valid-inputs.js';

/**
 * This page is the host: it serves the bridge from a MemoryAdapter. The framed page
 * (frame.html) is the widget side: a BridgeAdapter aimed at `window.parent`.
 */
const ORIGIN = location.origin;

const cleanups: (() => void)[] = [];
/** Every Samen message this (host) page received, for assertions on the wire. */
let hostReceived: BridgeMessage[] = [];
const sniff = (event: MessageEvent) => {
  if ((event.data as { samen?: unknown } | null)?.samen === 1) hostReceived.push(event.data as BridgeMessage);
};

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
  hostReceived = [];
  window.addEventListener('message', sniff);
});

afterEach(() => {
  window.removeEventListener('message', sniff);
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

interface Framed {
  iframe: HTMLIFrameElement;
  win: Window;
  frame: BridgeFrame;
  /** Errors thrown inside the framed page, which mocha in this page would never see. */
  errors: unknown[];
}

async function openFrame(query = ''): Promise<Framed> {
  const iframe = document.createElement('iframe');
  iframe.title = 'Samen';
  iframe.src = new URL(`./frame.html${query}`, import.meta.url).href;
  document.body.append(iframe);
  cleanups.push(() => {
    iframe.contentWindow?.samenBridgeFrame?.adapter.dispose();
    iframe.remove();
  });
  await waitUntil(() => iframe.contentWindow?.samenBridgeFrame, 'framed page ready', { timeout: 4000 });
  const win = iframe.contentWindow!;
  const errors: unknown[] = [];
  win.addEventListener('error', (event) => errors.push(event.error));
  win.addEventListener('unhandledrejection', (event) => errors.push(event.reason));
  return { iframe, win, frame: win.samenBridgeFrame!, errors };
}

function serve(adapter: SamenAdapter, frame: Window, foreign?: string[]): () => void {
  const stop = serveBridge({ adapter, frame, origin: ORIGIN, onForeignMessage: (origin) => foreign?.push(origin) });
  cleanups.push(stop);
  return stop;
}

/** A host adapter: the MemoryAdapter, with some methods replaced. */
function hostWith(memory: MemoryAdapter, overrides: Partial<Record<keyof SamenAdapter, unknown>>): SamenAdapter {
  return Object.assign(Object.create(memory) as SamenAdapter, overrides);
}

/**
 * The MemoryAdapter as a host adapter that records every call made to it (by serveBridge or by
 * the test), before the adapter decides anything: some calls the policy refuses never reach
 * `memory.calls`.
 */
function recording(memory: MemoryAdapter): { host: SamenAdapter; calls: { method: string; input: unknown }[] } {
  const calls: { method: string; input: unknown }[] = [];
  const loose = memory as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const overrides = Object.fromEntries(
    BRIDGE_METHODS.map((method) => [
      method,
      (...args: unknown[]) => {
        calls.push({ method, input: method === 'getViewer' ? undefined : args[0] });
        return loose[method]!.apply(memory, args);
      },
    ]),
  );
  return { host: hostWith(memory, overrides), calls };
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

async function rejection(promise: Promise<unknown>): Promise<{ name: string; kind?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; kind?: string; message: string };
  }
  throw new Error('expected a rejection');
}

/** What a call came to: its value, or its error kind. */
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ value }),
    (error: { kind?: string }) => ({ kind: error.kind }),
  );

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const requests = () => hostReceived.filter((m): m is Extract<BridgeMessage, { type: 'request' }> => m.type === 'request');
const responses = (frame: BridgeFrame) =>
  (frame.received as BridgeMessage[]).filter((m): m is Extract<BridgeMessage, { type: 'response' }> => m.type === 'response');
const memoryAdapter = () => new MemoryAdapter({ now: NOW });

/**
 * Widgets keep their subscription across their own reloads (SamenElement.listen), so a host
 * change right after a write is never missed in a re-subscribe gap: no `unsubscribe` follows it.
 */
function keptListening(method: BridgeMethod, topic: SamenTopic): void {
  const written = hostReceived.findIndex((m) => m.type === 'request' && m.method === method);
  expect(written, `a ${method} request`).to.be.at.least(0);
  expect(
    hostReceived.slice(written).some((m) => m.type === 'unsubscribe'),
    `${topic} was re-subscribed after ${method}`,
  ).to.equal(false);
}

type Axe = { run(context: Element): Promise<{ violations: { id: string; help: string }[] }> };

/**
 * `expect(el).to.be.accessible()` runs this page's axe, which refuses an element from another
 * document; so the same axe-core is loaded into the framed page and run there.
 */
async function expectAccessibleInFrame(win: Window, el: Element): Promise<void> {
  const framed = win as Window & { axe?: Axe };
  if (!framed.axe) {
    const script = win.document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = oneEvent(script, 'load');
    win.document.head.append(script);
    await loaded;
  }
  const { violations } = await framed.axe!.run(el);
  expect(violations.map((v) => `${v.id}: ${v.help}`)).to.deep.equal([]);
}

describe('bridge: widgets in an iframe, served by the host page', () => {
  it('renders a feedback bar from host data, accessibly; a reaction reaches the host; host changes show live', async () => {
    const memory = memoryAdapter();
    // The other family of groep 6 (parent-3) likes it later, from the host: it starts without a like.
    await memory.forViewer('parent-3').setReaction({ id: 'host-unlike', targetId: 'wish-2', reaction: 'like', on: false });
    const { win, frame } = await openFrame();
    serve(memory, win);
    const bar = frame.mount('<samen-feedback-bar target-id="wish-2"></samen-feedback-bar>') as SamenFeedbackBar;
    await settled(bar);
    await expectAccessibleInFrame(win, bar);
    const likes = () => memory.state.reactions['wish-2']?.['like'] ?? [];
    const like = () => bar.shadowRoot!.querySelector<HTMLButtonElement>('[role="toolbar"] button')!;
    const before = likes().length;
    expect(like().getAttribute('aria-label')).to.equal(`Duim omhoog, ${before}`);

    like().click();
    await waitUntil(() => likes().includes('fam-01'), 'the like reached the host adapter');
    expect(memory.calls.map((c) => c.method)).to.include.members(['getViewer', 'getReactions', 'setReaction']);
    await waitUntil(() => like().getAttribute('aria-pressed') === 'true');

    await memory.forViewer('parent-3').setReaction({ id: 'host-like', targetId: 'wish-2', reaction: 'like', on: true });
    await waitUntil(() => like().getAttribute('aria-label') === `Duim omhoog, ${before + 2}`, 'the host change shows in the frame');
    keptListening('setReaction', 'reactions:wish-2');
  });

  it('renders a lesson clip; "we talked about it" is stored at the host; a change at the host reaches it live, and the other carer\'s answer stays theirs', async () => {
    const memory = memoryAdapter();
    const { win, frame } = await openFrame();
    serve(memory, win);
    const clip = frame.mount('<samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip>') as SamenLessonClip;
    await settled(clip);
    const root = clip.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).to.equal('Wie ben ik?');

    root.querySelector<HTMLButtonElement>('[part~="talked-button"]')!.click();
    await waitUntil(
      () => memory.state.answers.some((a) => a.clipId === 'wish-2' && a.familyId === 'fam-01' && a.kind === 'talked'),
      'the answer reached the host adapter',
    );

    const reads = () => memory.calls.filter((c) => c.method === 'getHomeAnswer').length;
    const before = reads();
    await memory.forViewer('parent-2').saveHomeAnswer({ id: 'carer-2', clipId: 'wish-2', kind: 'text', text: 'Van de andere ouder' });
    // The card hears the change and reads again; what it gets back is still this carer's own answer.
    await waitUntil(() => reads() > before, 'the live update reaches the frame');
    await settled(clip);
    expect(root.textContent).to.not.contain('Van de andere ouder');
    expect(root.querySelector('[part~="answer"]')!.textContent).to.contain('Jullie hebben erover gepraat');
    keptListening('saveHomeAnswer', 'clip:wish-2');
  });
});

describe('bridge: protocol', () => {
  it('carries exactly the adapter methods, without subscribe', () => {
    const methods = Object.getOwnPropertyNames(BridgeAdapter.prototype).filter(
      (name) => !['constructor', 'subscribe', 'dispose', 'droppedMessages', 'call', 'post', 'listen'].includes(name),
    );
    expect([...BRIDGE_METHODS].sort()).to.deep.equal(methods.sort());
    expect(Object.isFrozen(BRIDGE_METHODS)).to.equal(true);
  });

  it('correlates concurrent calls, whatever order the host answers in', async () => {
    const memory = memoryAdapter();
    const { win, frame } = await openFrame();
    serve(
      hostWith(memory, {
        getLessonClip: async (clipId: string) => {
          await sleep(clipId === 'wish-1' ? 80 : 0);
          return memory.getLessonClip(clipId);
        },
      }),
      win,
    );

    const [first, second, reactions, viewer] = await Promise.all([
      frame.adapter.getLessonClip('wish-1'),
      frame.adapter.getLessonClip('wish-2'),
      frame.adapter.getReactions('wish-2'),
      frame.adapter.getViewer(),
    ]);
    expect(first.id).to.equal('wish-1');
    expect(second.id).to.equal('wish-2');
    expect(reactions.targetId).to.equal('wish-2');
    expect(viewer.id).to.equal('parent-1');

    const sent = requests();
    expect(new Set(sent.map((r) => r.id)).size).to.equal(4);
    expect(sent.find((r) => r.method === 'getViewer')!.args).to.deep.equal([]);
    expect(sent.find((r) => r.method === 'getReactions')).to.deep.include({ samen: 1, type: 'request', args: ['wish-2'] });
    const slowId = sent.find((r) => r.method === 'getLessonClip' && r.args[0] === 'wish-1')!.id;
    expect(responses(frame).slice(-1)[0]!.id, 'the slow call was answered last').to.equal(slowId);
  });

  it('times out with unavailable (offline when the browser is offline) and tells the host to abort', async () => {
    const { win, frame } = await openFrame('?timeout=60');
    const hostSignals: AbortSignal[] = [];
    serve(
      hostWith(memoryAdapter(), {
        getViewer: (options?: RequestOptions) => {
          hostSignals.push(options!.signal!);
          return new Promise(() => {});
        },
      }),
      win,
    );
    const error = await rejection(frame.adapter.getViewer());
    expect(error.name).to.equal('SamenError');
    expect(error.kind).to.equal('unavailable');
    await waitUntil(() => hostSignals[0]?.aborted, 'the host call was aborted');
    expect(hostReceived.filter((m) => m.type === 'abort').map((m) => m.id)).to.deep.equal([requests()[0]!.id]);

    Object.defineProperty(win.navigator, 'onLine', { configurable: true, get: () => false });
    expect((await rejection(frame.adapter.getViewer())).kind).to.equal('offline');
  });

  it('aborts: rejects with an AbortError at once, tells the host, and ignores a late answer', async () => {
    const { win, frame } = await openFrame();
    const memory = memoryAdapter();
    const gate = deferred<void>();
    let hostSignal: AbortSignal | undefined;
    serve(
      hostWith(memory, {
        getReactions: async (targetId: string, options?: RequestOptions) => {
          hostSignal = options?.signal;
          await gate.promise;
          return memory.getReactions(targetId);
        },
      }),
      win,
    );
    const controller = new AbortController();
    const call = frame.adapter.getReactions('wish-2', { signal: controller.signal });
    await waitUntil(() => hostSignal, 'the host got the call');
    controller.abort();
    const error = await rejection(call);
    expect(error.name).to.equal('AbortError');
    await waitUntil(() => hostSignal!.aborted, 'the host call was aborted');
    const id = requests()[0]!.id;
    expect(hostReceived.find((m) => m.type === 'abort')).to.deep.equal({ samen: 1, type: 'abort', id });

    gate.resolve();
    await sleep(30);
    expect(
      responses(frame).filter((r) => r.id === id),
      'no answer after an abort',
    ).to.have.length(0);

    // Already aborted: nothing is sent at all.
    const sentBefore = requests().length;
    expect((await rejection(frame.adapter.getViewer({ signal: AbortSignal.abort() }))).name).to.equal('AbortError');
    await sleep(20);
    expect(requests()).to.have.length(sentBefore);
  });

  it('maps error kinds: known kinds keep their message, anything else is unavailable, and no other error text leaves the host', async () => {
    const { win, frame } = await openFrame();
    serve(
      hostWith(memoryAdapter(), {
        getLessonClip: async (clipId: string) => {
          if (clipId === 'forbidden') throw new SamenError('forbidden', 'not your class');
          if (clipId === 'duck') throw Object.assign(new Error('stored version is 4'), { kind: 'conflict' });
          if (clipId === 'odd') throw { kind: 'exploded', message: 'very odd' };
          throw new Error('SELECT * FROM answers WHERE family = fam-01');
        },
      }),
      win,
    );
    const forbidden = await rejection(frame.adapter.getLessonClip('forbidden'));
    expect(forbidden).to.include({ name: 'SamenError', kind: 'forbidden', message: 'not your class' });
    expect(await rejection(frame.adapter.getLessonClip('duck'))).to.include({ kind: 'conflict', message: 'stored version is 4' });
    expect((await rejection(frame.adapter.getLessonClip('odd'))).kind).to.equal('unavailable');
    const leak = await rejection(frame.adapter.getLessonClip('leak'));
    expect(leak.kind).to.equal('unavailable');
    expect(leak.message).to.not.contain('SELECT');
    for (const response of responses(frame)) {
      expect(response.ok).to.equal(false);
      if (!response.ok) expect(Object.keys(response.error).sort()).to.deep.equal(['kind', 'message']);
      expect(JSON.stringify(response)).to.not.match(/SELECT|fam-01|stack|at /);
    }
  });

  it('maps an unknown kind sent by a host to unavailable', async () => {
    const { win, frame } = await openFrame();
    // No serveBridge: this page answers by hand, as a buggy or newer host might.
    const call = frame.adapter.getViewer();
    await waitUntil(() => requests().length === 1);
    const id = requests()[0]!.id;
    win.postMessage({ samen: 1, type: 'response', id, ok: false, error: { kind: 'teapot', message: 'short and stout' } }, ORIGIN);
    expect(await rejection(call)).to.include({ kind: 'unavailable', message: 'short and stout' });
  });

  it('refuses methods outside BRIDGE_METHODS, and bad input, without calling the host adapter', async () => {
    const memory = memoryAdapter();
    const { win, frame } = await openFrame();
    serve(memory, win);
    const bad = ['constructor', '__proto__', 'toString', 'subscribe', 'failNext', 'forViewer', 'setRawClip', 'recover', 'notify'];
    for (const method of bad) frame.post({ samen: 1, type: 'request', id: `bad-${method}`, method, args: ['getLessonClip', 'forbidden'] });
    frame.post({ samen: 1, type: 'request', id: 'bad-input', method: 'getLessonClip', args: [{ evil: true }] });
    frame.post({ samen: 1, type: 'request', id: 'two-args', method: 'getLessonClip', args: ['wish-2', 'wish-3'] });
    frame.post({
      samen: 1,
      type: 'request',
      id: 'no-key',
      method: 'setReaction',
      args: [{ targetId: 'wish-2', reaction: 'like', on: true }],
    });
    frame.post({ samen: 1, type: 'request', id: 'no-query', method: 'getCheckins', args: ['child-1'] });
    const expected = bad.length + 4;
    await waitUntil(() => responses(frame).length === expected, 'every request answered');
    for (const response of responses(frame)) {
      expect(response, response.id).to.deep.include({ ok: false });
      if (!response.ok) expect(response.error.kind, response.id).to.equal('invalid-data');
    }
    expect(memory.calls).to.have.length(0);
    expect(memory.appliedWrites).to.equal(0);
  });

  it('subscribes, routes each event to its own listener, and unsubscribes at the host', async () => {
    const memory = memoryAdapter();
    let active = 0;
    const { win, frame } = await openFrame();
    const stop = serve(
      hostWith(memory, {
        subscribe: (topic: SamenTopic, listener: () => void): Unsubscribe => {
          active += 1;
          const unsubscribe = memory.subscribe(topic, listener);
          return () => {
            active -= 1;
            unsubscribe();
          };
        },
      }),
      win,
    );
    let a = 0;
    let b = 0;
    let chart = 0;
    const stopA = frame.adapter.subscribe('reactions:wish-2', () => (a += 1));
    frame.adapter.subscribe('reactions:wish-2', () => (b += 1));
    frame.adapter.subscribe('chart:class-wish', () => (chart += 1));
    await waitUntil(() => active === 3, 'three subscriptions at the host');
    expect(hostReceived.filter((m) => m.type === 'subscribe').map((m) => (m as { topic: string }).topic)).to.deep.equal([
      'reactions:wish-2',
      'reactions:wish-2',
      'chart:class-wish',
    ]);

    await memory.setReaction({ id: 'r1', targetId: 'wish-2', reaction: 'heart', on: true });
    await waitUntil(() => a === 1 && b === 1, 'both listeners called once');
    expect(chart).to.equal(0);

    stopA();
    stopA();
    await waitUntil(() => active === 2, 'unsubscribed at the host');
    expect(hostReceived.filter((m) => m.type === 'unsubscribe')).to.have.length(1);
    await memory.setReaction({ id: 'r2', targetId: 'wish-2', reaction: 'heart', on: false });
    await waitUntil(() => b === 2);
    expect(a).to.equal(1);

    // A native host may send the topic alone: every listener on it hears.
    win.postMessage({ samen: 1, type: 'event', topic: 'reactions:wish-2' }, ORIGIN);
    await waitUntil(() => b === 3);
    expect(chart).to.equal(0);

    stop();
    expect(active, 'stop() ends every subscription').to.equal(0);
  });

  it('carries the course’s live topics (issue 26): a reply saved at the host is heard on meeting:<id> in the frame', async () => {
    const memory = memoryAdapter();
    const { win, frame } = await openFrame();
    serve(memory, win);
    let heard = 0;
    const stop = frame.adapter.subscribe('meeting:wish-conversation', () => (heard += 1));
    frame.adapter.subscribe('intro:wish-intro', () => {});
    await waitUntil(() => hostReceived.filter((m) => m.type === 'subscribe').length === 2, 'both topics reached the host');
    expect(hostReceived.filter((m) => m.type === 'subscribe').map((m) => (m as { topic: string }).topic)).to.deep.equal([
      'meeting:wish-conversation',
      'intro:wish-intro',
    ]);
    await memory.saveRsvp({ id: 'rsvp-live-1', meetingId: 'wish-conversation', answer: 'yes', people: 2 });
    await waitUntil(() => heard === 1, 'the reply was heard in the frame');
    stop();
  });

  it('ends its subscriptions at the host when the page goes (a reload), and renews them when it comes back from the cache', async () => {
    const memory = memoryAdapter();
    let active = 0;
    const { win, frame } = await openFrame();
    serve(
      hostWith(memory, {
        subscribe: (topic: SamenTopic, listener: () => void): Unsubscribe => {
          active += 1;
          const unsubscribe = memory.subscribe(topic, listener);
          return () => {
            active -= 1;
            unsubscribe();
          };
        },
      }),
      win,
    );
    let heard = 0;
    frame.adapter.subscribe('chart:class-wish', () => (heard += 1));
    await waitUntil(() => active === 1);
    win.dispatchEvent(new (win as typeof window).PageTransitionEvent('pagehide', { persisted: true }));
    await waitUntil(() => active === 0, 'the host let go');
    win.dispatchEvent(new (win as typeof window).PageTransitionEvent('pageshow', { persisted: true }));
    await waitUntil(() => active === 1, 'the host listens again');
    await memory.forViewer('teacher-1').award({ id: 'back', chartId: 'class-wish' });
    await waitUntil(() => heard === 1, 'heard after coming back');
    win.dispatchEvent(new (win as typeof window).PageTransitionEvent('pageshow', { persisted: false }));
    await sleep(20);
    expect(active, 'a first show changes nothing').to.equal(1);

    win.location.reload();
    await waitUntil(() => active === 0, 'a reload lets go at the host');
  });

  it('drops and reports a forged answer from a sandboxed frame (origin "null"), and its requests to the host', async () => {
    const { win, frame } = await openFrame();
    const gate = deferred<unknown>();
    const hostForeign: string[] = [];
    let served = 0;
    serve(
      hostWith(memoryAdapter(), {
        getViewer: () => {
          served += 1;
          return gate.promise;
        },
      }),
      win,
      hostForeign,
    );
    const call = frame.adapter.getViewer();
    await waitUntil(() => requests().length === 1);
    const id = requests()[0]!.id;

    // A sandboxed frame inside the framed page: an opaque origin, posting to the page it sits in and to the host.
    const evil = win.document.createElement('iframe');
    evil.sandbox.add('allow-scripts');
    evil.srcdoc = `<script>
      onmessage = (e) => {
        parent.postMessage({ samen: 1, type: 'response', id: e.data, ok: true, value: { id: 'forged', role: 'teacher' } }, '*');
        parent.parent.postMessage({ samen: 1, type: 'request', id: 'evil-1', method: 'getViewer', args: [] }, '*');
      };
    </script>`;
    const loaded = oneEvent(evil, 'load');
    win.document.body.append(evil);
    await loaded;
    evil.contentWindow!.postMessage(id, '*');

    await waitUntil(() => frame.foreign.length === 1 && hostForeign.length === 1, 'both ends reported the foreign message');
    expect(frame.foreign).to.deep.equal(['null']);
    expect(frame.adapter.droppedMessages).to.equal(1);
    expect(hostForeign).to.deep.equal(['null']);

    gate.resolve({ id: 'parent-1', role: 'parent' });
    expect(await call).to.deep.equal({ id: 'parent-1', role: 'parent' });
    expect(served, 'the forged request was not served').to.equal(1);
  });

  it('drops a Samen message from the right origin but the wrong window', async () => {
    const { win, frame } = await openFrame();
    const gate = deferred<unknown>();
    serve(hostWith(memoryAdapter(), { getViewer: () => gate.promise }), win);
    const call = frame.adapter.getViewer();
    await waitUntil(() => requests().length === 1);
    const id = requests()[0]!.id;
    // Same origin, but not the target window: e.g. another of the app's own frames.
    const sibling = win.document.createElement('iframe');
    sibling.srcdoc = `<script>parent.postMessage({ samen: 1, type: 'response', id: ${JSON.stringify(id)}, ok: true, value: 'forged' }, '*');</script>`;
    win.document.body.append(sibling);
    await waitUntil(() => frame.adapter.droppedMessages === 1, 'dropped');
    expect(frame.foreign).to.deep.equal([ORIGIN]);
    gate.resolve({ id: 'parent-1', role: 'parent' });
    expect((await call).id).to.equal('parent-1');
  });

  it('drops messages from the right window once it shows another origin (a navigated frame)', async () => {
    const iframe = document.createElement('iframe');
    iframe.title = 'navigated';
    document.body.append(iframe);
    cleanups.push(() => iframe.remove());
    const framed = iframe.contentWindow!;
    const foreign: string[] = [];
    const hostForeign: string[] = [];
    const memory = memoryAdapter();
    serve(memory, framed, hostForeign);
    const bridge = new BridgeAdapter({ target: framed, targetOrigin: ORIGIN, timeoutMs: 300, onForeignMessage: (o) => foreign.push(o) });
    cleanups.push(() => bridge.dispose());
    const call = outcome(bridge.getViewer());

    // Same window object, new document from an opaque origin: it answers and asks as if it were ours.
    iframe.sandbox.add('allow-scripts');
    iframe.srcdoc = `<script>
      parent.postMessage({ samen: 1, type: 'response', id: 'any', ok: true, value: 'forged' }, '*');
      parent.postMessage({ samen: 1, type: 'request', id: 'r-1', method: 'getViewer', args: [] }, '*');
    </script>`;
    // Each end sees both messages (the page is the host's and the adapter's target alike) and reports both.
    // A new document loads in the frame first: longer than waitUntil's 1 s default on a busy machine.
    await waitUntil(() => foreign.length === 2 && hostForeign.length === 2, 'both ends reported them', { timeout: 4000 });
    expect(iframe.contentWindow).to.equal(framed);
    expect(foreign).to.deep.equal(['null', 'null']);
    expect(hostForeign).to.deep.equal(['null', 'null']);
    expect(bridge.droppedMessages).to.equal(2);
    expect(memory.calls).to.have.length(0);
    expect(await call).to.deep.equal({ kind: 'unavailable' });
  });

  it('serves two frames side by side, each with its own adapter, without calling the other foreign', async () => {
    const parent = memoryAdapter();
    const teacher = parent.forViewer('teacher-1');
    const [one, two] = [await openFrame(), await openFrame()];
    const foreign: string[] = [];
    serve(parent, one.win, foreign);
    serve(teacher, two.win, foreign);
    const [a, b] = await Promise.all([one.frame.adapter.getViewer(), two.frame.adapter.getViewer()]);
    expect([a.id, b.id]).to.deep.equal(['parent-1', 'teacher-1']);
    expect(foreign).to.deep.equal([]);
  });

  it('ignores junk without throwing, at both ends', async () => {
    const { win, frame, errors } = await openFrame();
    const gate = deferred<unknown>();
    const hostForeign: string[] = [];
    serve(hostWith(memoryAdapter(), { getViewer: () => gate.promise }), win, hostForeign);
    const call = frame.adapter.getViewer();
    await waitUntil(() => requests().length === 1);
    const id = requests()[0]!.id;
    const junk: unknown[] = [
      null,
      'samen',
      42,
      [1, 2],
      { samen: 2, type: 'response', id, ok: true, value: 'v2' },
      { samen: '1', type: 'response', id, ok: true, value: 'string one' },
      { samen: 1 },
      { samen: 1, type: 'response' },
      { samen: 1, type: 'response', id: 5, ok: true, value: 'numeric id' },
      { samen: 1, type: 'response', id, ok: 'yes', value: 'truthy ok' },
      { samen: 1, type: 'response', id, ok: false, error: 'boom' },
      { samen: 1, type: 'response', id, ok: false, error: null },
      { samen: 1, type: 'response', id: 'x'.repeat(500), ok: true, value: 'long id' },
      { samen: 1, type: 'response', id: 'nobody-waits', ok: true, value: 'stray' },
      { samen: 1, type: 'event', topic: 'nope' },
      { samen: 1, type: 'event', topic: 'reactions: spaced' },
      { samen: 1, type: 'whatever', id },
    ];
    for (const message of junk) win.postMessage(message, ORIGIN);
    for (const message of junk) frame.post(message);
    frame.post({ samen: 1, type: 'subscribe', id: 's1', topic: 'constructor' });
    frame.post({ samen: 1, type: 'request', id: 'r1', method: 'getViewer', args: 'not an array' });
    await sleep(50);
    expect(errors).to.deep.equal([]);
    expect(frame.adapter.droppedMessages).to.equal(0);
    expect(hostForeign).to.deep.equal([]);
    gate.resolve({ id: 'parent-1', role: 'parent' });
    expect((await call).id, 'the real answer still arrives').to.equal('parent-1');
    expect(responses(frame).filter((r) => r.id === 'r1' || r.id === 's1')).to.have.length(0);
  });

  it('dispose() rejects pending calls with not-connected, tells the host, and refuses later calls', async () => {
    const { win, frame } = await openFrame();
    let hostSignal: AbortSignal | undefined;
    let active = 0;
    serve(
      hostWith(memoryAdapter(), {
        getViewer: (options?: RequestOptions) => {
          hostSignal = options?.signal;
          return new Promise(() => {});
        },
        subscribe: () => {
          active += 1;
          return () => (active -= 1);
        },
      }),
      win,
    );
    const call = frame.adapter.getViewer();
    frame.adapter.subscribe('chart:class-wish', () => {});
    await waitUntil(() => hostSignal && active === 1);
    frame.adapter.dispose();
    expect((await rejection(call)).kind).to.equal('not-connected');
    await waitUntil(() => hostSignal!.aborted && active === 0, 'the host cleaned up');
    expect((await rejection(frame.adapter.getViewer())).kind).to.equal('not-connected');
    frame.adapter.subscribe('chart:class-wish', () => {})();
  });

  it('refuses "*" and origins that are not exactly an origin', () => {
    for (const origin of [
      '*',
      '/',
      '',
      'null',
      'app.example',
      'https://app.example/',
      'https://app.example:443',
      'https://app.example/samen',
    ]) {
      expect(() => new BridgeAdapter({ target: window, targetOrigin: origin }), origin).to.throw(TypeError);
      expect(() => serveBridge({ adapter: memoryAdapter(), frame: window, origin }), origin).to.throw(TypeError);
    }
    expect(() => new BridgeAdapter({ target: window, targetOrigin: 'https://app.example:8443' })).to.not.throw();
  });

  it('speaks plain JSON with a native WebView host (requests posted to the page itself, answers by window.postMessage)', async () => {
    // What a native host does, with JSON strings only: its injected glue hands requests to native
    // code, and native code answers with `window.postMessage(<answer>, location.origin)`.
    const memory = memoryAdapter();
    const wire: string[] = [];
    const native = async (json: string): Promise<string | undefined> => {
      const request = JSON.parse(json) as { type: string; id: string; method: string; args: unknown[] };
      if (request.type !== 'request') return undefined;
      try {
        const method = memory[request.method as 'getHomeAnswer'].bind(memory) as (...args: unknown[]) => Promise<unknown>;
        const value = request.method === 'getViewer' ? await memory.getViewer() : await method(request.args[0]);
        return JSON.stringify({ samen: 1, type: 'response', id: request.id, ok: true, value: value ?? null });
      } catch (error) {
        return JSON.stringify({
          samen: 1,
          type: 'response',
          id: request.id,
          ok: false,
          error: { kind: (error as SamenError).kind, message: 'nope' },
        });
      }
    };
    const glue = (event: MessageEvent) => {
      const data = event.data as { samen?: unknown; type?: string } | null;
      if (event.source !== window || data?.samen !== 1 || data.type === 'response' || data.type === 'event') return;
      const json = JSON.stringify(data);
      wire.push(json);
      void native(json).then((answer) => answer && window.postMessage(JSON.parse(answer), ORIGIN));
    };
    window.addEventListener('message', glue);
    cleanups.push(() => window.removeEventListener('message', glue));
    const bridge = new BridgeAdapter({ target: window, targetOrigin: ORIGIN });
    cleanups.push(() => bridge.dispose());

    expect((await bridge.getViewer()).id).to.equal('parent-1');
    expect(await bridge.getHomeAnswer('wish-2')).to.equal(null);
    expect(await bridge.markSeen({ id: 'seen-1', clipId: 'wish-2' })).to.equal(undefined);
    const missing = await rejection(bridge.getLessonClip('no-such-clip'));
    expect(missing).to.be.instanceOf(SamenError);
    expect(missing.kind).to.equal('not-found');
    const first = JSON.parse(wire[0]!) as Record<string, unknown>;
    expect(first).to.deep.equal({ samen: 1, type: 'request', id: first['id'], method: 'getViewer', args: [] });
    expect(JSON.parse(wire[2]!)).to.deep.include({ method: 'markSeen', args: [{ id: 'seen-1', clipId: 'wish-2' }] });
    expect(bridge.droppedMessages).to.equal(0);
  });
});

/** Both ends in this one page: the adapter posts to its own window, which serveBridge also serves. */
describe('bridge: loopback in one page', () => {
  function loopback(host: SamenAdapter): BridgeAdapter {
    serve(host, window);
    const bridge = new BridgeAdapter({ target: window, targetOrigin: ORIGIN });
    cleanups.push(() => bridge.dispose());
    return bridge;
  }

  it('answers "invalid-data" when a result cannot be copied, and rejects input that cannot be sent', async () => {
    const memory = memoryAdapter();
    const bridge = loopback(
      hostWith(memory, { getReactions: async () => ({ targetId: 'x', render: () => 'no functions over postMessage' }) }),
    );
    expect(await outcome(bridge.getReactions('wish-2'))).to.deep.equal({ kind: 'invalid-data' });
    const badInput = { id: 'w', targetId: 'wish-2', text: document.body } as unknown as Parameters<SamenAdapter['addReply']>[0];
    expect(await outcome(bridge.addReply(badInput))).to.deep.equal({ kind: 'invalid-data' });
    const badMatrix = { id: 'w2', matrix: { id: 'matrix-school', render: () => 'no functions' }, baseVersion: 3 } as unknown as Parameters<
      SamenAdapter['saveExpectationMatrix']
    >[0];
    expect(await outcome(bridge.saveExpectationMatrix(badMatrix))).to.deep.equal({ kind: 'invalid-data' });
    expect(requests(), 'refused before anything was sent').to.have.length(1);
    expect(memory.calls.filter((c) => c.method === 'addReply' || c.method === 'saveExpectationMatrix')).to.have.length(0);
    // A field the method does not take is left behind, never sent: the reply goes through without it.
    const extra = { id: 'w3', targetId: 'wish-2', text: 'Mooi', node: document.body } as unknown as Parameters<SamenAdapter['addReply']>[0];
    expect(await outcome(bridge.addReply(extra))).to.have.property('value');
    expect(memory.calls.filter((c) => c.method === 'addReply').map((c) => c.input)).to.deep.equal([
      { id: 'w3', targetId: 'wish-2', text: 'Mooi' },
    ]);
  });

  it('waits as long as it takes with timeoutMs: Infinity', async () => {
    const memory = memoryAdapter();
    serve(
      hostWith(memory, {
        getViewer: async () => {
          await sleep(30);
          return memory.getViewer();
        },
      }),
      window,
    );
    const bridge = new BridgeAdapter({ target: window, targetOrigin: ORIGIN, timeoutMs: Number.POSITIVE_INFINITY });
    cleanups.push(() => bridge.dispose());
    expect((await bridge.getViewer()).id).to.equal('parent-1');
  });
});

describe('bridge: composing lesson clips', () => {
  const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg=='), (c) =>
    c.charCodeAt(0),
  );

  it('a teacher in the frame uploads a photo (the file crosses as a Blob, progress comes back) and publishes; the parent reads it', async () => {
    const host = new MemoryAdapter({ locale: 'nl', viewerId: 'teacher-1', now: NOW, uploadMs: 50 });
    serve(host, window);
    const bridge = new BridgeAdapter({ target: window, targetOrigin: ORIGIN, timeoutMs: 5000 });
    cleanups.push(() => bridge.dispose());
    const progress: number[] = [];
    const file = new File([PNG], 'kring.png', { type: 'image/png' });
    const media = await bridge.uploadMedia({ id: 'up-1', file, name: 'kring.png', kind: 'photo' }, { onProgress: (f) => progress.push(f) });
    expect(media).to.include({ mediaId: 'media-up-1', kind: 'photo', type: 'image/png', size: PNG.length });
    expect(progress).to.deep.equal([0.2, 0.4, 0.6, 0.8, 1]);
    const sent = hostReceived.find((m) => m.type === 'request' && m.method === 'uploadMedia') as unknown as { args: [{ file: Blob }] };
    expect(sent.args[0].file).to.be.instanceOf(Blob);
    expect(new Uint8Array(await sent.args[0].file.arrayBuffer())).to.deep.equal(PNG);
    expect((await bridge.getUploadedMedia('media-up-1')).mediaId).to.equal('media-up-1');

    const draft = {
      classId: 'groep6-wish',
      programme: 'wish' as const,
      title: 'Lichaamstaal',
      media: { kind: 'photos' as const, photos: [{ mediaId: media.mediaId, alt: 'Een kring' }] },
    };
    const clip = await bridge.publishLessonClip({ id: 'pub-1', ...draft });
    expect(await bridge.publishLessonClip({ id: 'pub-1', ...draft })).to.deep.equal(clip);
    const read = await host.forViewer('parent-1').getLessonClip(clip.id);
    expect(read.title).to.equal('Lichaamstaal');
    expect(read.media).to.deep.include({ kind: 'photos' });
  });

  it('the host refuses an upload without a file, and a frame told composing: false has no composing methods', async () => {
    const memory = new MemoryAdapter({ locale: 'nl', viewerId: 'teacher-1', now: NOW });
    serve(memory, window);
    const bridge = new BridgeAdapter({ target: window, targetOrigin: ORIGIN, timeoutMs: 5000 });
    cleanups.push(() => bridge.dispose());
    const fake = { id: 'up-2', file: { size: 10, type: 'image/png' }, name: 'x.png', kind: 'photo' } as unknown as Parameters<
      BridgeAdapter['uploadMedia']
    >[0];
    expect((await rejection(bridge.uploadMedia(fake))).kind).to.equal('invalid-data');
    expect(memory.calls.filter((c) => c.method === 'uploadMedia')).to.deep.equal([]);

    const plain = new BridgeAdapter({ target: window, targetOrigin: ORIGIN, composing: false });
    expect([plain.uploadMedia, plain.getUploadedMedia, plain.publishLessonClip]).to.deep.equal([undefined, undefined, undefined]);
    expect(typeof plain.getViewer).to.equal('function');
  });
});

/**
 * Last in this file on purpose: the test runner keeps the coverage of the last loaded copy of
 * a module, and this framed page's copy of the BridgeAdapter is the one that runs all of it.
 */
describe('bridge: the whole adapter through a real iframe', () => {
  it('carries every method, its input and its result (or error kind) unchanged, and live updates', async () => {
    const memory = memoryAdapter();
    const { host, calls } = recording(memory);
    const { win, frame } = await openFrame();
    serve(host, win);
    const bridge = frame.adapter;
    // The school's matrix: a parent reads it but may not save it (an error kind through the bridge).
    const matrix = await memory.getExpectationMatrix('matrix-school');
    const file = new File(['x'], 'kring.png', { type: 'image/png' });
    const inputs: Record<BridgeMethod, unknown> = {
      ...validInputs(matrix, file),
      // Batches with an unknown id between known ones: the bridge carries the gap (a null) too.
      getLessonClips: ['wish-2', 'wish-unknown', 'wish-3'],
      getHomeAnswers: ['wish-2', 'wish-unknown', 'wish-3'],
    };
    type Loose = Record<BridgeMethod, (input?: unknown) => Promise<unknown>>;
    for (const method of BRIDGE_METHODS) {
      const input = inputs[method];
      const call = (adapter: SamenAdapter) =>
        method === 'getViewer' ? adapter.getViewer() : (adapter as unknown as Loose)[method].call(adapter, input);
      const viaBridge = await outcome(call(bridge));
      // Reads are repeatable, and a write's id replays its stored result: the direct call must agree.
      const direct = await outcome(call(host));
      expect(viaBridge, method).to.deep.equal(direct);
      expect(
        calls.filter((c) => c.method === method).map((c) => c.input),
        method,
      ).to.deep.equal([input, input]);
    }
    expect(requests().map((r) => r.method)).to.deep.equal([...BRIDGE_METHODS]);

    let heard = 0;
    const stop = bridge.subscribe('chart:personal-child-1', () => (heard += 1));
    await waitUntil(() => hostReceived.some((m) => m.type === 'subscribe'));
    await memory.award({ id: 'w11', chartId: 'personal-child-1' });
    await waitUntil(() => heard === 1, 'the award was heard in the frame');
    stop();
  });
});
