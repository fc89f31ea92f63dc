import type { StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import type { SamenAdapter } from '../../src/core/adapter.js';
import type { MessageSection } from '../../src/core/i18n.js';
import { storyAdapter } from './story-adapter.js';

/** The states a widget's card shows, one story each. */
export type StateStoryName = 'Loading' | 'LoadingFailed' | 'NotConnected' | 'Arabic' | 'Dark';

/**
 * A card's state stories, made one way for every card drawn by `card(args, adapter, theme)` on a
 * fresh {@link storyAdapter} for `args.view`: Loading (the answer never comes), LoadingFailed
 * (the card's read fails as offline), NotConnected (no adapter), Arabic (the card's Arabic words,
 * right to left) and Dark.
 */
export function stateStories<A extends { view: 'parent' | 'teacher' | 'child' }>(options: {
  card: (args: A, adapter: SamenAdapter | undefined, theme?: string) => TemplateResult;
  /** The adapter method the card loads with: LoadingFailed fails it as offline. */
  read: Parameters<MemoryAdapter['fail']>[0];
  /** The card's own words: the Arabic story waits for them. */
  messages: MessageSection<unknown>;
  /** The Arabic story's width in rem; Dark is 2 rem wider, for its padding. */
  width: number;
}): Record<StateStoryName, StoryObj<A>> {
  const { card, read, messages, width } = options;
  return {
    Loading: {
      render: (args) =>
        card(
          args,
          storyAdapter(args.view, (adapter) => (adapter.latency = 86_400_000)),
        ),
    },
    LoadingFailed: {
      render: (args) =>
        card(
          args,
          storyAdapter(args.view, (adapter) => adapter.fail(read, 'offline')),
        ),
    },
    NotConnected: { render: (args) => card(args, undefined) },
    Arabic: {
      // The card's Arabic words load on demand; the story waits for them, as a host that imports them up front would.
      loaders: [async () => ({ words: await messages.load('ar') })],
      render: (args) => html`<div dir="rtl" lang="ar" style="max-width: ${width}rem">${card(args, storyAdapter(args.view))}</div>`,
    },
    Dark: {
      render: (args) =>
        html`<div style="background:#101318; padding:1rem; max-width: ${width + 2}rem">${card(args, storyAdapter(args.view), 'dark')}</div>`,
    },
  };
}
