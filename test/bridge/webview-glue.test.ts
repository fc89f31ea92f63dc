/**
 * The native WebView quick start (docs/integration.md, docs/bridge.md "Native WebViews"): the
 * glue the docs give (examples/webview/glue.js, verbatim) with a native side as iOS and Android
 * provide it, JSON strings both ways, and the page's two lines (`new BridgeAdapter({ target:
 * window, targetOrigin: location.origin })`): a parent's lesson clip renders from the native
 * side's data and "we talked about it" reaches it. Native code here is a MemoryAdapter behind
 * the JSON protocol, as a real app's store would be.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-lesson-clip.js';
import { BridgeAdapter } from '../../src/adapters/bridge-adapter.js';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import type { SamenProvider } from '../../src/core/samen-provider.js';
import type { SamenLessonClip } from '../../src/lesson-clip/lesson-clip.js';
import { settled } from '../helpers/fixtures.js';

type Win = Window & { samenNative?: unknown; webkit?: unknown };
const win = window as Win;

/** Native code: one JSON string in, answers as JSON strings through `reply`, from a MemoryAdapter. */
function nativeApp(reply: (json: string) => void) {
  const memory = new MemoryAdapter({ latency: 0 });
  const received: string[] = [];
  let on = true;
  const postMessage = (json: string) => {
    if (!on) return;
    received.push(json);
    const request = JSON.parse(json) as { type: string; id: string; method: string; args: unknown[] };
    if (request.type !== 'request') return;
    const method = (memory as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[request.method]!;
    method.apply(memory, request.args).then(
      (value) => reply(JSON.stringify({ samen: 1, type: 'response', id: request.id, ok: true, value: value ?? null })),
      (error: { kind?: string }) =>
        reply(
          JSON.stringify({
            samen: 1,
            type: 'response',
            id: request.id,
            ok: false,
            error: { kind: error.kind ?? 'unavailable', message: 'x' },
          }),
        ),
    );
  };
  return { memory, received, postMessage, off: () => (on = false) };
}

/** Runs examples/webview/glue.js as the WebView would, once per native shape (a module of its own each time). */
async function loadGlue(shape: string): Promise<void> {
  await import(/* @vite-ignore */ new URL(`../../examples/webview/glue.js?${shape}`, import.meta.url).href);
}

/** The page in the WebView: the docs' two lines, and a parent's lesson clip. */
async function webViewPage() {
  const provider = await fixture<SamenProvider>(html`
    <samen-provider locale="nl"><samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip></samen-provider>
  `);
  const adapter = new BridgeAdapter({ target: window, targetOrigin: location.origin });
  provider.adapter = adapter;
  const clip = provider.querySelector<SamenLessonClip>('samen-lesson-clip')!;
  return { adapter, clip };
}

async function rendersAndAnswers(app: ReturnType<typeof nativeApp>) {
  const { adapter, clip } = await webViewPage();
  try {
    const clipData = await app.memory.getLessonClip('wish-2');
    await waitUntil(
      () => clip.shadowRoot?.querySelector('[part~="title"]')?.textContent?.trim() === clipData.title,
      'the card shows the clip',
    );
    const talkedButton = () => [...(clip.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => /gepraat/i.test(b.textContent ?? ''));
    await waitUntil(() => talkedButton(), 'a "we talked about it" button');
    talkedButton()!.click();
    await waitUntil(async () => (await app.memory.getHomeAnswer('wish-2'))?.kind === 'talked', 'the answer reached native code');
    await settled(clip);
    expect(app.received.some((json) => (JSON.parse(json) as { method?: string }).method === 'saveHomeAnswer')).to.equal(true);
    expect(adapter.droppedMessages).to.equal(0);
  } finally {
    adapter.dispose();
  }
}

describe('native WebView quick start: the docs glue with iOS and Android', () => {
  it('Android (addWebMessageListener: the samenNative object, answers through its onmessage)', async () => {
    const native: { postMessage: (json: string) => void; onmessage?: (e: { data: string }) => void } = {
      postMessage: (json) => app.postMessage(json),
    };
    const app = nativeApp((json) => native.onmessage?.({ data: json }));
    win.samenNative = native;
    try {
      await loadGlue('android');
      await rendersAndAnswers(app);
    } finally {
      app.off();
      delete win.samenNative;
    }
  });

  it('iOS (WKScriptMessageHandler: webkit.messageHandlers.samen, answers by evaluating window.postMessage)', async () => {
    const app = nativeApp((json) => window.postMessage(JSON.parse(json), location.origin));
    win.webkit = { messageHandlers: { samen: { postMessage: (json: string) => app.postMessage(json) } } };
    try {
      await loadGlue('ios');
      await rendersAndAnswers(app);
    } finally {
      app.off();
      delete win.webkit;
    }
  });
});
