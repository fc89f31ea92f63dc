import { MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory-adapter.js';
import { OutboxAdapter } from '../../src/adapters/outbox.js';

/** Fixed "now" for the seeded data, so the stories are stable. */
export const STORY_NOW = new Date('2026-11-20T10:00:00Z');

/**
 * The Storybook toolbar's "Network" switch, applied to the MemoryAdapter a story builds,
 * so every widget × state can also be seen slow, unable to send, or failing altogether.
 * `.storybook/preview.ts` records the toolbar's globals before each story renders; stories
 * build their adapter with {@link storyAdapter}, or pass it through {@link withToolbarNetwork}.
 */
export type Network = 'normal' | 'slow' | 'cannot-send' | 'failing';

export const NETWORKS: { value: Network; title: string }[] = [
  { value: 'normal', title: 'Normal (as the story sets it)' },
  { value: 'slow', title: 'Slow: every call takes 1.5 s' },
  { value: 'cannot-send', title: 'Cannot send: writes fail as offline' },
  { value: 'failing', title: 'Failing: every call is unavailable' },
];

const WRITES = [
  'saveHomeAnswer',
  'markSeen',
  'setReaction',
  'addReply',
  'award',
  'undoAward',
  'redeem',
  'saveCheckin',
  'saveExpectationMatrix',
  'shareSuccess',
] as const satisfies readonly Parameters<MemoryAdapter['fail']>[0][];

let globals: Record<string, unknown> = {};

/** Called by the preview's decorator with the toolbar's current globals. */
export function rememberToolbar(current: Record<string, unknown>): void {
  globals = current;
}

/** Applies the toolbar's network setting to a story's adapter (pass `toolbar` from a loader). */
export function withToolbarNetwork<A extends MemoryAdapter>(adapter: A, toolbar: Record<string, unknown> = globals): A {
  switch (toolbar['network'] as Network | undefined) {
    case 'slow':
      adapter.latency = Math.max(adapter.latency, 1500);
      break;
    case 'cannot-send':
      for (const method of WRITES) adapter.fail(method, 'offline');
      break;
    case 'failing':
      adapter.fail('*', 'unavailable');
      break;
    default:
  }
  return adapter;
}

/**
 * A fresh MemoryAdapter for one render, signed in as the view's viewer (so changing a control
 * starts from clean demo data), prepared by the story, with the toolbar's network applied.
 */
export function storyAdapter(
  view: 'parent' | 'teacher' | 'child' | undefined,
  setup?: (adapter: MemoryAdapter) => void,
  options: MemoryAdapterOptions = { now: STORY_NOW },
): MemoryAdapter {
  // The child's view is Noor's own login (child-login-1): the policy lets a child read and write their own check-ins.
  const viewerId = view === 'teacher' ? 'teacher-1' : view === 'child' ? 'child-login-1' : 'parent-1';
  const adapter = new MemoryAdapter({ ...options, viewerId });
  setup?.(adapter);
  return withToolbarNetwork(adapter);
}

/**
 * The "offline / queued" state: writes fail as offline behind an {@link OutboxAdapter}, so a
 * widget says "saved on this device" and keeps what was done. Each call gets its own outbox
 * database, removed when the page goes, so stories never replay each other's writes.
 */
export function offlineOutbox(adapter: MemoryAdapter): OutboxAdapter {
  for (const method of WRITES) adapter.fail(method, 'offline');
  const dbName = `samen-story-outbox-${crypto.randomUUID()}`;
  addEventListener('pagehide', () => indexedDB.deleteDatabase(dbName), { once: true });
  return new OutboxAdapter(adapter, { dbName, backoffMs: 60_000 });
}

/** Waits until the first `tag` in the story has rendered `selector` in its shadow root, for play functions. */
export async function inWidget<E extends Element = HTMLElement>(canvas: HTMLElement, tag: string, selector: string): Promise<E> {
  for (let i = 0; i < 250; i++) {
    const found = canvas.querySelector(tag)?.shadowRoot?.querySelector<E>(selector);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${tag} never rendered ${selector}`);
}

/** Types into a textarea or input the way a user does, so the widget's input handlers run. */
export function typeInto(field: HTMLTextAreaElement | HTMLInputElement, text: string): void {
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** A text of `length` characters made of `unit`, for long-text stories. */
export const longText = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
