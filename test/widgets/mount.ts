/**
 * `mountWidget(row, options)`: a catalogue widget inside `<samen-provider>` (inside a wrapper
 * with the page's `dir`), signed in as the view's viewer on a seeded MemoryAdapter, waited for
 * until it has left its loading state (or not, with `wait: false`).
 */
import { fixture, html } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import type { SamenAdapter } from '../../src/core/adapter.js';
import '../../src/define/samen-provider.js';
import { NOW, type WidgetRow } from './catalogue.js';

export type Widget = HTMLElement & { updateComplete: Promise<boolean> };

export interface MountOptions {
  /** Default: the row's first view. */
  view?: string;
  /**
   * Default: a seeded `MemoryAdapter({ now: NOW, viewerId })` for the view's viewer (with
   * `latency`). Pass `adapter: undefined` explicitly for a widget that is not connected.
   */
  adapter?: SamenAdapter | undefined;
  /** Milliseconds each call of the default adapter waits. */
  latency?: number;
  /** The provider's locale. Default `nl`. */
  locale?: string;
  /** The wrapper's `dir` (the page's direction). Default `ltr`. */
  dir?: 'ltr' | 'rtl';
  /** The widget's `preview` attribute. */
  preview?: boolean;
  /** Wait until the card has left its loading state. Default true. */
  wait?: boolean;
}

export interface Mounted<A extends SamenAdapter | undefined = MemoryAdapter> {
  el: Widget;
  /** The `<div dir>` around the provider. */
  wrapper: HTMLElement;
  provider: HTMLElement;
  /** The box the widget was rendered in, inside the provider. */
  slot: HTMLElement;
  adapter: A;
  view: string;
}

/** The widget's card or state (`[part~="base"]`), not the teacher's preview switch above it. */
export function card(el: HTMLElement): HTMLElement | null {
  return el.shadowRoot?.querySelector<HTMLElement>('[part~="base"]') ?? null;
}

/** Whether the widget shows a card, state or error that is not the loading skeleton. */
export function isShown(el: HTMLElement): boolean {
  const base = card(el);
  return !!base && base.getAttribute('aria-busy') !== 'true';
}

/** Waits until the widget shows more than the loading skeleton (its language loaded, its data in). */
export async function untilShown(el: Widget, timeout = 4000): Promise<void> {
  const start = performance.now();
  let scrolled = false;
  while (performance.now() - start < timeout) {
    await el.updateComplete;
    if (isShown(el)) {
      await el.updateComplete;
      return;
    }
    // A card far down the test page waits until it comes near the screen (issue 23): go to it, as a reader would.
    if (!scrolled && performance.now() - start > 100) {
      scrolled = true;
      el.scrollIntoView({ block: 'nearest' });
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${el.localName} never left its loading state`);
}

export async function mountWidget(row: WidgetRow, options: MountOptions = {}): Promise<Mounted> {
  const view = options.view ?? row.views[0]!;
  const adapter =
    'adapter' in options ? options.adapter : new MemoryAdapter({ now: NOW, viewerId: row.viewers[view], latency: options.latency ?? 0 });
  await row.define();
  const wrapper = await fixture<HTMLElement>(
    html`<div dir=${options.dir ?? 'ltr'}>
      <samen-provider .adapter=${adapter} locale=${options.locale ?? 'nl'}>
        <div class="samen-slot">${row.sample(view, { preview: options.preview ?? false })}</div>
      </samen-provider>
    </div>`,
  );
  const provider = wrapper.querySelector<HTMLElement>('samen-provider')!;
  const slot = wrapper.querySelector<HTMLElement>('.samen-slot')!;
  const el = slot.querySelector<Widget>(row.tag)!;
  if (options.wait !== false) await untilShown(el);
  return { el, wrapper, provider, slot, adapter: adapter as MemoryAdapter, view };
}
