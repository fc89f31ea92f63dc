import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MemoryAdapter } from '../src/adapters/memory-adapter.js';
import type { AdapterFor, SamenAdapter } from '../src/core/adapter.js';
import { inWidget, longText, offlineOutbox, storyAdapter } from './support/story-adapter.js';
import '../src/define/samen-provider.js';
import '../src/define/samen-feedback-bar.js';
// For the vendor-adapter story: a lesson clip on an adapter without its port.
import '../src/define/samen-lesson-clip.js';
// The Arabic table, registered the way a host adds a family's home language (for the Arabic story).
import '../src/locales/ar.js';

interface Args {
  'target-id': string;
  view: 'parent' | 'teacher';
  reactions: string;
  'allow-reply': boolean;
}

const adapterFor = (view: 'parent' | 'teacher', setup?: (adapter: MemoryAdapter) => void): MemoryAdapter => storyAdapter(view, setup);

const bar = (args: Args, adapter: SamenAdapter | undefined, extra = {}) => html`<samen-provider .adapter=${adapter}>
  <samen-feedback-bar
    target-id=${args['target-id']}
    view=${args.view}
    reactions=${args.reactions}
    ?allow-reply=${args['allow-reply']}
    theme=${(extra as { theme?: string }).theme ?? ''}
  ></samen-feedback-bar>
</samen-provider>`;

const meta: Meta<Args> = {
  title: 'Widgets/Feedback bar',
  component: 'samen-feedback-bar',
  args: { 'target-id': 'host-post-1', view: 'parent', reactions: '', 'allow-reply': true },
  render: (args) => html`<div style="max-width: 32rem">${bar(args, adapterFor(args.view))}</div>`,
  parameters: {
    docs: {
      description: {
        component:
          'Reactions and short replies under any content — a lesson clip, a chart, a matrix, or a post of the host app. ' +
          'Parents tap to react (optimistic; rolled back with a message if the host refuses) and send a short reply; ' +
          'teachers see counts, who reacted, the replies, and the share of families that did it at home.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Parent: Story = {};

export const Teacher: Story = { args: { view: 'teacher' } };

export const ManyReactions: Story = {
  render: (args) =>
    bar(
      args,
      adapterFor(args.view, (adapter) => {
        const families = Array.from({ length: 24 }, (_, i) => `fam-${String(i + 1).padStart(2, '0')}`);
        adapter.state.reactions[args['target-id']] = {
          like: families.slice(0, 21),
          heart: families.slice(2, 19),
          clap: families.slice(4, 16),
          'talked-at-home': families.slice(1, 14),
          'practised-at-home': families.slice(3, 12),
        };
      }),
    ),
};

/**
 * A post of the host nobody reacted to yet. The store only takes reactions on what it knows (a
 * clip, or a post registered for a class with `adapter.addPost`), so the story registers it.
 */
const newPost = (adapter: MemoryAdapter) => void adapter.addPost('brand-new-post', 'groep6-wish');

export const NoReactionsYet: Story = {
  args: { 'target-id': 'brand-new-post' },
  render: (args) => html`<div style="max-width: 32rem">${bar(args, adapterFor(args.view, newPost))}</div>`,
};

export const NoReactionsYetTeacher: Story = {
  args: { 'target-id': 'brand-new-post', view: 'teacher' },
  render: (args) => html`<div style="max-width: 32rem">${bar(args, adapterFor(args.view, newPost))}</div>`,
};

export const OnlyHomeActivities: Story = { args: { reactions: 'talked-at-home practised-at-home', 'allow-reply': false } };

/** Every tap is refused by the host: the bar rolls back and says so. */
export const ReactionRefused: Story = {
  render: (args) =>
    bar(
      args,
      adapterFor(args.view, (adapter) => adapter.fail('setReaction', 'unavailable')),
    ),
};

export const LoadingFailed: Story = {
  render: (args) =>
    bar(
      args,
      adapterFor(args.view, (adapter) => adapter.fail('getReactions', 'offline')),
    ),
};

export const NotConnected: Story = { render: (args) => bar(args, undefined) };

export const RightToLeft: Story = {
  render: (args) => html`<div dir="rtl" style="max-width: 32rem">${bar(args, adapterFor(args.view))}</div>`,
};

/**
 * An Arabic-speaking family, whatever the toolbar says: Arabic labels, right to left; the reactions
 * run from the right and the arrow keys follow them (docs/screenshots/ar/feedback-bar.png).
 */
export const Arabic: Story = {
  render: (args) => html`<div dir="rtl" lang="ar" style="max-width: 32rem">${bar(args, adapterFor(args.view))}</div>`,
};

export const Dark: Story = {
  render: (args) =>
    html`<div style="background:#101318; padding:1rem; max-width: 34rem">${bar(args, adapterFor(args.view), { theme: 'dark' })}</div>`,
};

export const DarkTeacher: Story = {
  args: { view: 'teacher' },
  render: (args) =>
    html`<div style="background:#101318; padding:1rem; max-width: 34rem">${bar(args, adapterFor(args.view), { theme: 'dark' })}</div>`,
};

/** Waiting for the host: the skeleton a parent sees on a slow connection. */
export const Loading: Story = {
  render: (args) =>
    bar(
      args,
      adapterFor(args.view, (adapter) => (adapter.latency = 86_400_000)),
    ),
};

/** The host sends reactions that break the contract (a negative count, a number as a name): an error state, not a wrong count. */
export const InvalidData: Story = {
  render: (args) =>
    bar(
      args,
      adapterFor(args.view, (adapter) => {
        adapter.state.reactions[args['target-id']] = { like: -3 as unknown as string[] };
      }),
    ),
};

/** Offline on a train: the like is kept on this device (outbox) and shown as done; it is sent when the connection is back. */
export const QueuedOnThisDevice: Story = {
  render: (args) => html`<div style="max-width: 32rem">${bar(args, offlineOutbox(adapterFor(args.view)))}</div>`,
  play: async ({ canvasElement }) =>
    (await inWidget<HTMLButtonElement>(canvasElement, 'samen-feedback-bar', '[role="toolbar"] button')).click(),
};

/** Long replies and names: long words wrap inside the card, nothing overflows. */
export const LongTexts: Story = {
  args: { view: 'teacher' },
  render: (args) =>
    html`<div style="max-width: 32rem">
      ${bar(
        args,
        adapterFor(args.view, (adapter) => {
          adapter.state.replies[args['target-id']] = [
            {
              id: 'long-1',
              familyId: 'fam-01',
              authorName: longText('Familie Vermeulen-van den Broek ', 120),
              text: longText('Wij hebben thuis heel lang gepraat over de oefening en ', 280),
              createdAt: '2026-11-19T18:00:00Z',
            },
            {
              id: 'long-2',
              familyId: 'fam-02',
              text: longText('Superkalifragilistischexpialidocious', 280),
              createdAt: '2026-11-19T19:00:00Z',
            },
          ];
        }),
      )}
    </div>`,
};

/**
 * A vendor that embeds only the feedback bar implements only its port: `getViewer`, `getReactions`,
 * `setReaction`, `addReply` (and `subscribe` for live updates), typed as `AdapterFor<'feedback'>`.
 * The bar works as with a whole adapter; a lesson clip on the same adapter shows "Niet verbonden"
 * and its `samen-error` names the methods it lacks (`getLessonClip`, …).
 */
export const VendorAdapterWithOnlyItsPort: Story = {
  name: 'Vendor adapter with only its port',
  render: (args) => {
    // The vendor's backend; here the story's MemoryAdapter stands in for it.
    const backend = adapterFor(args.view);
    const feedbackOnly: AdapterFor<'feedback'> = {
      getViewer: (options) => backend.getViewer(options),
      getReactions: (targetId, options) => backend.getReactions(targetId, options),
      setReaction: (input, options) => backend.setReaction(input, options),
      addReply: (input, options) => backend.addReply(input, options),
      subscribe: (topic, listener) => backend.subscribe(topic, listener),
    };
    return html`<div style="max-width: 32rem; display: grid; gap: 1rem">
      <samen-provider .adapter=${feedbackOnly}>
        <samen-feedback-bar target-id=${args['target-id']} view=${args.view} reactions=${args.reactions} ?allow-reply=${args['allow-reply']}></samen-feedback-bar>
        <samen-lesson-clip clip-id="wish-2" view=${args.view}></samen-lesson-clip>
      </samen-provider>
    </div>`;
  },
};

/**
 * The teacher answers a family's reply (issue 24): Familie Jansen replied under the post and
 * Juf Sanne answered; the parent's bar (left) shows her answer in the same card, unread until
 * opened, with a box to answer back. In the teacher's bar (right) "Antwoorden" under each
 * family's reply opens the private thread with that family; what either writes appears live in
 * the other's pane (one store, two viewers).
 */
export const TeacherAnswersReply: Story = {
  parameters: { layout: 'fullscreen', controls: { include: [] } },
  render: (args) => {
    const parent = adapterFor('parent');
    void parent
      .addReply({ id: 'story-reply-1', targetId: args['target-id'], text: 'We hebben de stappen thuis geoefend. Dank voor de tip!' })
      .then(() =>
        parent.forViewer('teacher-1').addThreadMessage({
          id: 'story-reply-thread-1',
          about: { kind: 'reply', id: args['target-id'] },
          familyId: 'fam-01',
          text: 'Wat fijn dat jullie oefenden! Vraag Noor eens welke stap ze het lastigst vond.',
        }),
      );
    const pane = (heading: string, adapter: SamenAdapter, view: 'parent' | 'teacher') =>
      html`<section style="display: grid; gap: 0.5rem; align-content: start">
        <h2 style="font: 600 0.9rem system-ui; margin: 0">${heading}</h2>
        ${bar({ ...args, view }, adapter)}
      </section>`;
    return html`<div
      style="display: grid; gap: 1rem; padding: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr)); align-items: start"
    >
      ${pane('parent-1', parent, 'parent')} ${pane('teacher-1', parent.forViewer('teacher-1'), 'teacher')}
    </div>`;
  },
};
