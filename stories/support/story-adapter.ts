import { MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory-adapter.js';

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
  const adapter = new MemoryAdapter({ ...options, viewerId: view === 'teacher' ? 'teacher-1' : 'parent-1' });
  setup?.(adapter);
  return withToolbarNetwork(adapter);
}
