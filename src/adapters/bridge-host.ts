import type { RequestOptions, SamenAdapter, Unsubscribe } from '../core/adapter.js';
import {
  assertExactOrigin,
  BRIDGE_METHODS,
  isSamenMessage,
  readBridgeArgs,
  readBridgeMessage,
  toBridgeError,
  type BridgeError,
  type BridgeMethod,
  type BridgeMessage,
} from './bridge-adapter.js';

export interface ServeBridgeOptions {
  /** The host's own adapter, which does the real work (HTTP, native storage, memory in tests). */
  adapter: SamenAdapter;
  /** The window of the iframe (`iframe.contentWindow`) or WebView whose requests are served. */
  frame: Window;
  /** The framed page's exact origin, e.g. `https://widgets.school.example`; `*` is refused. */
  origin: string;
  /** Called with the origin of every Samen message that came from another window or origin (and was dropped). */
  onForeignMessage?: (origin: string) => void;
}

/**
 * Frames served on this page (with how many servers each). A host with several Samen frames
 * serves each separately; their requests reach every server's listener, and must not be
 * reported as foreign by the servers of the other frames.
 */
const servedFrames = new Map<Window, number>();

/**
 * Serves a {@link BridgeAdapter} in a framed page from the host's own adapter: listens
 * for requests from `frame` at `origin` only, calls `adapter[method](input, { signal })`
 * for methods on {@link BRIDGE_METHODS} only, with a checked copy of the input that holds only
 * the fields the method takes (`BRIDGE_INPUTS`: every id a safe id, no `__proto__`,
 * `constructor` or `prototype` key anywhere; anything else is answered with `invalid-data`),
 * and posts each answer back to `frame` at `origin`. Aborts reach the adapter through the
 * signal; `subscribe` messages with a valid topic (`<kind>:<safe id>`) are forwarded to
 * `adapter.subscribe`, others are dropped.
 * Errors leave as `{ kind, message }` only: no stack, no `issues`, no other error's text.
 *
 * Serve as soon as the iframe is in the document, before its page starts asking: the
 * iframe's window stays the same object across reloads, so one call serves every page it
 * shows (a page that leaves ends its own subscriptions; one from another origin is refused).
 * Returns the function that stops serving: it stops listening, aborts running calls and
 * ends every subscription. Call it when the iframe is removed.
 *
 * @example
 * import { serveBridge } from '@samen/widgets/adapters/bridge-host';
 * const iframe = document.createElement('iframe');
 * iframe.src = 'https://widgets.school.example/samen.html';
 * document.body.append(iframe);
 * const stop = serveBridge({ adapter: myAdapter, frame: iframe.contentWindow, origin: 'https://widgets.school.example' });
 * // later, when the iframe is removed:
 * stop();
 *
 * @throws {TypeError} when `origin` is `*` or not a bare origin such as `https://widgets.example`.
 */
export function serveBridge({ adapter, frame, origin, onForeignMessage }: ServeBridgeOptions): () => void {
  assertExactOrigin(origin, 'origin');
  const running = new Map<string, AbortController>();
  const subscriptions = new Map<string, Unsubscribe>();
  let stopped = false;

  const post = (message: BridgeMessage): void => {
    if (stopped) return;
    try {
      frame.postMessage(message, origin);
    } catch {
      // DataCloneError: the adapter answered with something postMessage can't copy (a function, a
      // class instance with private fields). Say so, rather than leave the call to time out.
      if (message.type === 'response' && message.ok) fail(message.id, { kind: 'invalid-data', message: 'the answer could not be sent' });
    }
  };
  const fail = (id: string, error: BridgeError): void => post({ samen: 1, type: 'response', id, ok: false, error });

  const request = async (id: string, method: string, args: unknown[]): Promise<void> => {
    // A reused id would make two answers for one waiting call; the first one wins.
    if (running.has(id)) return;
    if (!isBridgeMethod(method)) return fail(id, { kind: 'invalid-data', message: 'unknown method' });
    // The adapter gets a checked copy with only the fields the method takes: safe ids, no
    // prototype keys (`__proto__`, `constructor`, `prototype`) anywhere, never the message's own objects.
    const checked = readBridgeArgs(method, args);
    if (!checked.ok) return fail(id, { kind: 'invalid-data', message: `invalid input for ${method}: ${checked.path}` });
    const input = checked.args[0];
    const controller = new AbortController();
    running.set(id, controller);
    try {
      // Progress of an upload goes back as it comes, at most once per whole percent.
      let reported = -1;
      const onProgress = (fraction: number) => {
        const percent = Math.floor(Math.max(0, Math.min(1, Number(fraction) || 0)) * 100);
        if (percent > reported && !controller.signal.aborted)
          post({ samen: 1, type: 'progress', id, fraction: (reported = percent) / 100 });
      };
      const options = method === 'uploadMedia' ? { signal: controller.signal, onProgress } : { signal: controller.signal };
      const value = await invoke(adapter, method, input, options);
      if (!controller.signal.aborted) post({ samen: 1, type: 'response', id, ok: true, value });
    } catch (error) {
      // An aborted call's caller has already given up; anything we sent now would be ignored.
      if (!controller.signal.aborted) fail(id, toBridgeError(error));
    } finally {
      if (running.get(id) === controller) running.delete(id);
    }
  };

  const onMessage = (event: MessageEvent): void => {
    if (!isSamenMessage(event.data)) return;
    if (event.origin !== origin || (event.source !== frame && !isFarewell(event))) {
      const servedElsewhere = event.source !== frame && servedFrames.has(event.source as Window);
      if (!servedElsewhere) onForeignMessage?.(event.origin);
      return;
    }
    const message = readBridgeMessage(event.data);
    if (!message || message.id === undefined) return;
    switch (message.type) {
      case 'request':
        void request(message.id, message.method, message.args);
        break;
      case 'abort':
        running.get(message.id)?.abort();
        running.delete(message.id);
        break;
      case 'subscribe': {
        const { id, topic } = message;
        if (subscriptions.has(id) || !adapter.subscribe) break;
        subscriptions.set(
          id,
          adapter.subscribe(topic, () => post({ samen: 1, type: 'event', id, topic })),
        );
        break;
      }
      case 'unsubscribe':
        subscriptions.get(message.id)?.();
        subscriptions.delete(message.id);
        break;
      default:
      // Responses and events travel the other way; a host never acts on them.
    }
  };

  window.addEventListener('message', onMessage);
  servedFrames.set(frame, (servedFrames.get(frame) ?? 0) + 1);
  return () => {
    if (stopped) return;
    stopped = true;
    window.removeEventListener('message', onMessage);
    const servers = (servedFrames.get(frame) ?? 1) - 1;
    if (servers > 0) servedFrames.set(frame, servers);
    else servedFrames.delete(frame);
    for (const controller of running.values()) controller.abort();
    running.clear();
    for (const unsubscribe of subscriptions.values()) unsubscribe();
    subscriptions.clear();
  };
}

/**
 * A page that goes away (reload, navigation) ends its subscriptions from `pagehide`; by the time
 * those messages arrive its document is gone and `source` is null. Only `unsubscribe` and
 * `abort` are accepted so, from the right origin: they can only end something the page started,
 * by an id only it was told.
 */
function isFarewell(event: MessageEvent): boolean {
  const data = event.data as Record<string, unknown>;
  const type = Object.prototype.hasOwnProperty.call(data, 'type') ? data['type'] : undefined;
  return event.source === null && (type === 'unsubscribe' || type === 'abort');
}

function isBridgeMethod(method: string): method is BridgeMethod {
  return (BRIDGE_METHODS as readonly string[]).includes(method);
}

/** `getViewer` is the one method without an input: its first parameter is the options. */
function invoke(adapter: SamenAdapter, method: BridgeMethod, input: unknown, options: RequestOptions): Promise<unknown> {
  if (method === 'getViewer') return adapter.getViewer(options);
  const fn = adapter[method] as ((input: unknown, options: RequestOptions) => Promise<unknown>) | undefined;
  // An adapter written in plain JavaScript may lack a method; that is the host being unable, not bad input.
  if (typeof fn !== 'function') return Promise.reject(new Error(`${method} is not implemented`));
  return fn.call(adapter, input, options);
}
