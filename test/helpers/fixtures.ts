import { fixture, html } from '@open-wc/testing';
import { MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory-adapter.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-lesson-clip.js';
// English up front, as a host may import it, so tests in English see it from the first render
// (widgets would load it on demand: test/core/lazy-locales.test.ts).
import '../../src/locales/en.js';
import type { SamenLessonClip } from '../../src/lesson-clip/lesson-clip.js';
import type { SamenErrorDetail } from '../../src/core/events.js';
import { WAIT_MS } from './wait.js';

/** Seeded "now" so relative dates and seeded data are the same on every run. */
export const NOW = new Date('2026-11-20T10:00:00Z');

export function memoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return new MemoryAdapter({ now: NOW, ...options });
}

/**
 * Waits until the widget has left its loading state, and so have the widgets it shows inside it
 * (a lesson clip's feedback bar, which loads its own data and, for a teacher, its teacher view).
 */
export async function settled(el: HTMLElement & { updateComplete: Promise<boolean> }): Promise<void> {
  // Until WAIT_MS has passed, not a count of rounds: a loaded CI machine's 10 ms timers come late.
  const deadline = performance.now() + WAIT_MS;
  for (let i = 0; i === 0 || performance.now() < deadline; i++) {
    await el.updateComplete;
    if (!el.shadowRoot?.querySelector('[aria-busy="true"].card')) {
      await el.updateComplete;
      // A lesson clip asks for its pictures once its words are painted (issue 23): that frame too.
      if (el.localName === 'samen-lesson-clip') {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        await el.updateComplete;
      }
      for (const inner of el.shadowRoot?.querySelectorAll('*') ?? []) {
        if (inner.localName.startsWith('samen-') && 'updateComplete' in inner) await settled(inner as typeof el);
      }
      return;
    }
    // A card far down the test page waits until it comes near the screen (issue 23): go to it, as a reader would.
    if (i === 10) el.scrollIntoView({ block: 'nearest' });
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('widget never finished loading');
}

/** A clip, loaded wherever it lands in the page. */
export async function renderClip(
  adapter: MemoryAdapter | undefined,
  { clipId = 'wish-2', view = 'parent', locale = 'nl' }: { clipId?: string; view?: 'parent' | 'teacher'; locale?: string } = {},
): Promise<SamenLessonClip> {
  const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale=${locale}>
    <samen-lesson-clip clip-id=${clipId} view=${view}></samen-lesson-clip>
  </samen-provider>`);
  const el = wrapper.querySelector('samen-lesson-clip')!;
  await settled(el);
  return el;
}

export function shadow(el: HTMLElement): ShadowRoot {
  return el.shadowRoot!;
}

/** Collects every samen-error that reaches the document while `fn` runs (and shortly after). */
export async function collectErrors(fn: () => Promise<unknown>): Promise<SamenErrorDetail[]> {
  const details: SamenErrorDetail[] = [];
  const listener = (e: Event) => details.push((e as CustomEvent<SamenErrorDetail>).detail);
  document.addEventListener('samen-error', listener);
  try {
    await fn();
    await new Promise((r) => setTimeout(r, 20));
  } finally {
    document.removeEventListener('samen-error', listener);
  }
  return details;
}

/**
 * `adapter`'s `method` stores its first write, but that write's answer never reaches the device
 * (the connection drops on the way back); later calls answer as usual. For "a retry never
 * stores twice, and is never refused".
 */
export function losingFirstAnswer(adapter: MemoryAdapter, method: 'saveCheckin' | 'saveHomeAnswer' | 'shareSuccess'): void {
  const write = (adapter[method] as (...args: unknown[]) => Promise<unknown>).bind(adapter);
  let lost = false;
  (adapter as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
    const stored = await write(...args);
    if (lost) return stored;
    lost = true;
    throw new Error('connection reset');
  };
}
