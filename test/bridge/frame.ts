/**
 * The framed page of the bridge tests: a BridgeAdapter talking to `window.parent` (the test
 * page, which serves the bridge), and a provider that widgets are mounted into on demand.
 * Exposed on `window.samenBridgeFrame` because the test page drives this page directly.
 */
import { BridgeAdapter } from '../../src/adapters/bridge-adapter.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-feedback-bar.js';
import '../../src/define/samen-lesson-clip.js';

export interface BridgeFrame {
  adapter: BridgeAdapter;
  /** Origins passed to `onForeignMessage`. */
  foreign: string[];
  /** Every Samen message this window received, in order, for assertions on the protocol. */
  received: unknown[];
  /** Posts from this window to the parent, so `event.source` is this frame (as a real framed page's would be). */
  post(message: unknown): void;
  /** Replaces the provider's content and returns the first element of it. */
  mount(markup: string): HTMLElement;
}

declare global {
  interface Window {
    samenBridgeFrame?: BridgeFrame;
  }
}

const params = new URLSearchParams(location.search);
const foreign: string[] = [];
const received: unknown[] = [];
const adapter = new BridgeAdapter({
  target: window.parent,
  targetOrigin: location.origin,
  timeoutMs: Number(params.get('timeout') ?? 15_000),
  onForeignMessage: (origin) => foreign.push(origin),
});
const provider = document.querySelector('samen-provider')!;
provider.adapter = adapter;

window.addEventListener('message', (event) => {
  if ((event.data as { samen?: unknown } | null)?.samen === 1) received.push(event.data);
});

window.samenBridgeFrame = {
  adapter,
  foreign,
  received,
  post: (message) => window.parent.postMessage(message, location.origin),
  mount(markup) {
    // Test markup only: written by the test file, never from data.
    provider.innerHTML = markup;
    return provider.firstElementChild as HTMLElement;
  },
};
