import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MemoryAdapter } from '../src/adapters/memory-adapter.js';
import type { SamenAdapter } from '../src/core/adapter.js';
import { toSamenError } from '../src/core/errors.js';
import '../src/define/samen-provider.js';
import '../src/define/samen-lesson-clip.js';

/** Fixed "now" for the seeded data, so the stories are stable. */
const NOW = new Date('2026-11-20T10:00:00Z');

const PROVIDER_SNIPPET = `<samen-provider locale="nl">
  <samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip>
</samen-provider>

<script type="module">
  import '@samen/widgets/provider';
  import '@samen/widgets/lesson-clip';
  import { MemoryAdapter } from '@samen/widgets/adapters/memory';

  // An adapter is an object, so it is set as a property, never as an attribute.
  document.querySelector('samen-provider').adapter = new MemoryAdapter({ locale: 'nl' });
</script>`;

const CONFIGURE_SNIPPET = `import '@samen/widgets/lesson-clip';
import { configure } from '@samen/widgets/core';

// Page-wide default for widgets that are not inside a <samen-provider>.
// Widgets already on the page pick up the change.
configure({ adapter: myAdapter, locale: 'en' });`;

const CUSTOM_SNIPPET = `import { SamenError, type SamenAdapter } from '@samen/widgets/core';

export class SchoolAppAdapter implements SamenAdapter {
  constructor(private readonly api: SchoolAppApi) {}

  async getViewer({ signal } = {}) {
    return this.api.get('/me', { signal });            // { id, role, familyId?, name? }
  }

  async getLessonClip(clipId, { signal } = {}) {
    const res = await this.api.get(\`/clips/\${clipId}\`, { signal });
    if (res.status === 404) throw new SamenError('not-found');
    return res.body;                                   // validated by the widget with zod
  }

  async saveHomeAnswer({ id, clipId, kind, text }, { signal } = {}) {
    // \`id\` is an idempotency key: the same id twice must store the answer once.
    return this.api.put(\`/clips/\${clipId}/answer\`, { kind, text }, { signal, idempotencyKey: id });
  }

  // … getHomeAnswer, markSeen, getClipReach, getReactions, setReaction, addReply, …

  // Optional: live updates. Call \`listener\` when something under \`topic\` changed.
  subscribe(topic, listener) {
    return this.api.onPush(topic, listener);           // returns the unsubscribe function
  }
}`;

const meta: Meta = {
  title: 'Guides/Adapters',
  parameters: {
    docs: {
      description: {
        component: `Widgets never touch the network. Every read and write goes through one \`SamenAdapter\`
(\`src/core/adapter.ts\`) that the host app implements against its own backend, and that
\`<samen-provider>\` (or \`configure()\`) hands to every widget inside.

The contract:
- **Reads** resolve with plain data. Widgets validate it with zod, so an adapter written in plain
  JavaScript or a backend that sends bad data can't crash a widget: it shows an error state and fires \`samen-error\`.
- **Writes** carry \`id\`, a client-generated idempotency key. The same \`id\` twice must have the effect of once,
  so widgets retry freely after a timeout or while offline.
- **Failures** reject with a \`SamenError\` of kind \`not-found\`, \`forbidden\`, \`offline\` or \`unavailable\`;
  anything else counts as \`unavailable\`.
- **Cancellation**: every method takes \`{ signal }\`; widgets abort reads when they disconnect or change id.
- **Who is looking** is implicit: the adapter knows the signed-in viewer (\`getViewer\`).
- **Live updates** are optional: \`subscribe(topic, listener)\` with topics like \`clip:wish-2\` or \`reactions:wish-2\`.

Two adapters ship with the library: \`MemoryAdapter\` (seeded demo data, latency and failure
injection; used by every story here) and \`LocalAdapter\` (the same, persisted in IndexedDB).`,
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const WithProvider: Story = {
  parameters: {
    docs: {
      description: {
        story: `Plugging an adapter into \`<samen-provider>\`: every story in this Storybook does exactly this with a
\`MemoryAdapter\`. Set the adapter as a **property** on \`<samen-provider>\`; \`locale\` is an attribute.

\`\`\`html
${PROVIDER_SNIPPET}
\`\`\`

Without a provider, set a page-wide default:

\`\`\`ts
${CONFIGURE_SNIPPET}
\`\`\``,
      },
      source: { code: PROVIDER_SNIPPET, language: 'html' },
    },
  },
  render: (_args, { globals }) => {
    const locale = globals['locale'] === 'en' ? 'en' : 'nl';
    const adapter = new MemoryAdapter({ now: NOW, locale });
    return html`<div style="max-width: 34rem">
      <samen-provider .adapter=${adapter} locale=${locale}>
        <samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip>
      </samen-provider>
    </div>`;
  },
};

/** Wraps an adapter so every call it receives is listed with its outcome. */
function recording(adapter: SamenAdapter, log: HTMLOListElement): SamenAdapter {
  return new Proxy(adapter, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string' || key === 'constructor') return value;
      return (...args: unknown[]) => {
        const entry = document.createElement('li');
        // The first argument is the id, query or write input; request options ({ signal }) are left out.
        const first = args[0];
        const isOptions = typeof first === 'object' && first !== null && Object.keys(first).every((k) => k === 'signal');
        const input = first === undefined || isOptions || typeof first === 'function' ? '' : JSON.stringify(first);
        entry.textContent = `${key}(${input.length > 80 ? `${input.slice(0, 80)}…` : input}) …`;
        log.append(entry);
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (result instanceof Promise) {
          result.then(
            () => (entry.textContent = entry.textContent.replace(/…$/, '✓')),
            (error: unknown) => (entry.textContent = entry.textContent.replace(/…$/, `✗ ${toSamenError(error).kind}`)),
          );
        } else {
          entry.textContent = entry.textContent.replace(/…$/, '✓');
        }
        return result;
      };
    },
  });
}

export const YourOwnAdapter: Story = {
  parameters: {
    docs: {
      description: {
        story: `Your own adapter: implement \`SamenAdapter\` against your backend. Here a wrapper around a \`MemoryAdapter\` lists every call the card makes; answer the question, react, or tap "we talked about it" and watch the writes (each with its idempotency \`id\`) and the re-reads that follow through \`subscribe\`. The first \`saveHomeAnswer\` fails \`offline\`: the card keeps the text and retries with the **same** \`id\`.

A skeleton for a vendor adapter:

\`\`\`ts
${CUSTOM_SNIPPET}
\`\`\``,
      },
      source: { code: CUSTOM_SNIPPET, language: 'ts' },
    },
  },
  render: (_args, { globals }) => {
    const locale = globals['locale'] === 'en' ? 'en' : 'nl';
    const memory = new MemoryAdapter({ now: NOW, locale, latency: 300 });
    memory.failNext('saveHomeAnswer', 'offline');
    const log = document.createElement('ol');
    log.setAttribute('aria-label', 'Adapter calls');
    log.style.cssText = 'margin: 0; padding-inline-start: 1.5rem; font: 0.8rem/1.5 ui-monospace, monospace; overflow-wrap: anywhere';
    return html`<div style="display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr)); align-items: start">
      <samen-provider .adapter=${recording(memory, log)} locale=${locale}>
        <samen-lesson-clip clip-id="wish-3" view="parent"></samen-lesson-clip>
      </samen-provider>
      <section>
        <h2 style="font: 600 0.9rem system-ui; margin: 0 0 0.5rem">Adapter calls</h2>
        ${log}
      </section>
    </div>`;
  },
};
