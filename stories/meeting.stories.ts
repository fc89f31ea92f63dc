import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MemoryAdapter } from '../src/adapters/memory-adapter.js';
import type { SamenAdapter } from '../src/core/adapter.js';
import { stateStories } from './support/state-stories.js';
import { inWidget, longText, offlineOutbox, storyAdapter } from './support/story-adapter.js';
import '../src/define/samen-provider.js';
import { meetingMessages } from '../src/meeting/messages.js';
import '../src/define/samen-meeting.js';

interface Args {
  'meeting-id': string;
  view: 'parent' | 'teacher';
  rsvp: 'store' | 'host';
}

const DAY = 86_400_000;
const adapterFor = (view: 'parent' | 'teacher', setup?: (adapter: MemoryAdapter) => void): MemoryAdapter => storyAdapter(view, setup);

const card = (args: Args, adapter: SamenAdapter | undefined, theme = '') => html`<samen-provider .adapter=${adapter}>
  <samen-meeting meeting-id=${args['meeting-id']} view=${args.view} rsvp=${args.rsvp} theme=${theme}></samen-meeting>
</samen-provider>`;

/** The last lesson moved to next week, so parents can still answer. */
const lastLessonAhead = (adapter: MemoryAdapter) => {
  const meeting = adapter.state.meetings!['wish-last-lesson']!;
  const start = new Date(Date.now() + 7 * DAY);
  start.setUTCHours(12, 30, 0, 0);
  meeting.startsAt = start.toISOString();
  meeting.endsAt = new Date(start.getTime() + 90 * 60_000).toISOString();
  delete meeting.summary;
};

const meta: Meta<Args> = {
  title: 'Widgets/Meeting',
  component: 'samen-meeting',
  args: { 'meeting-id': 'wish-conversation', view: 'parent', rsvp: 'store' },
  argTypes: {
    rsvp: { control: 'inline-radio', options: ['store', 'host'] },
    view: { control: 'inline-radio', options: ['parent', 'teacher'] },
  },
  render: (args) => html`<div style="max-width: 34rem">${card(args, adapterFor(args.view))}</div>`,
  parameters: {
    docs: {
      description: {
        component:
          'A meeting around a programme: the information evening before lesson 1, the last lesson with parents, or the ' +
          'parent–child–teacher conversation. Parents answer yes / no / maybe with how many people come, add it to their ' +
          'calendar (.ics) and, for a conversation, fill in a preparation sheet with their child. Teachers see the replies ' +
          'and the sheets. With `rsvp="host"` the answer goes to the host app as a `samen-rsvp` event instead of being stored.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The parent–child–teacher conversation: answer, calendar file, preparation sheet. */
export const Conversation: Story = {};

export const ConversationTeacher: Story = { args: { view: 'teacher' } };

/** The household has answered: the answer, and a button to change it. */
export const Answered: Story = {
  render: (args) =>
    html`<div style="max-width: 34rem">
      ${card(
        args,
        adapterFor(args.view, (adapter) => {
          adapter.state.rsvps!.push({
            meetingId: 'wish-conversation',
            familyId: 'fam-01',
            familyName: 'Familie Jansen',
            answer: 'yes',
            people: 2,
            updatedAt: new Date().toISOString(),
          });
        }),
      )}
    </div>`,
};

/** "Samen weerbaar", the last WIsH lesson with parents, next week. */
export const LastLessonInvitation: Story = {
  args: { 'meeting-id': 'wish-last-lesson' },
  render: (args) => html`<div style="max-width: 34rem">${card(args, adapterFor(args.view, lastLessonAhead))}</div>`,
};

export const LastLessonReplies: Story = {
  args: { 'meeting-id': 'wish-last-lesson', view: 'teacher' },
  render: (args) => html`<div style="max-width: 34rem">${card(args, adapterFor(args.view, lastLessonAhead))}</div>`,
};

/** After the information evening: the short summary for those who could not come. */
export const SummaryAfterwards: Story = { args: { 'meeting-id': 'wish-evening' } };

export const SummaryAfterwardsTeacher: Story = { args: { 'meeting-id': 'wish-evening', view: 'teacher' } };

/** Over, and the teacher has not written the summary yet. */
export const SummaryToFollow: Story = {
  args: { 'meeting-id': 'wish-last-lesson' },
  render: (args) =>
    html`<div style="max-width: 34rem">
      ${card(
        args,
        adapterFor(args.view, (adapter) => delete adapter.state.meetings!['wish-last-lesson']!.summary),
      )}
    </div>`,
};

/**
 * The host's agenda keeps the answer (`rsvp="host"`): the card stores nothing and fires
 * `samen-rsvp` with the meeting and the household; the host shows it in its own planner.
 */
export const HandedToTheHost: Story = {
  args: { rsvp: 'host' },
  render: (args) =>
    html`<div
      style="max-width: 34rem"
      @samen-rsvp=${(e: CustomEvent) => {
        const out = (e.currentTarget as HTMLElement).querySelector('output');
        if (out) out.textContent = `samen-rsvp: ${JSON.stringify(e.detail)}`;
      }}
    >
      ${card(args, adapterFor(args.view))}
      <output style="display:block; margin-top:1rem; font: 0.8rem monospace; overflow-wrap: anywhere"></output>
    </div>`,
};

/** Offline: the answer is kept on this device (outbox) and shown as given; it is sent when the connection is back. */
export const QueuedOnThisDevice: Story = {
  render: (args) =>
    html`<div style="max-width: 34rem">
      ${card(
        args,
        offlineOutbox(
          adapterFor(args.view, (adapter) => {
            adapter.fail('saveRsvp', 'offline');
            adapter.fail('savePreparation', 'offline');
          }),
        ),
      )}
    </div>`,
  play: async ({ canvasElement }) => {
    (await inWidget<HTMLInputElement>(canvasElement, 'samen-meeting', 'input[value="yes"]')).click();
    (await inWidget<HTMLButtonElement>(canvasElement, 'samen-meeting', '[part~="rsvp"] [part~="send-button"]')).click();
  },
};

const states = stateStories({ card, read: 'getMeeting', messages: meetingMessages, width: 34 });

export const Loading: Story = states.Loading;

export const LoadingFailed: Story = states.LoadingFailed;

export const NotConnected: Story = states.NotConnected;

/** An Arabic-speaking family: Arabic words, right to left; the school's own words stay Dutch. */
export const Arabic: Story = states.Arabic;

export const Dark: Story = states.Dark;

/** Long titles, places and family names wrap inside the card. */
export const LongTexts: Story = {
  args: { view: 'teacher' },
  render: (args) =>
    html`<div style="max-width: 34rem">
      ${card(
        args,
        adapterFor(args.view, (adapter) => {
          const meeting = adapter.state.meetings!['wish-conversation']!;
          meeting.title = longText('Gesprek over hoe het gaat in de klas en thuis ', 180);
          meeting.place = longText('Gebouw B, tweede verdieping, ', 120);
          adapter.state.rsvps![0]!.familyName = longText('Familie Vermeulen-van den Broek ', 120);
        }),
      )}
    </div>`,
};
