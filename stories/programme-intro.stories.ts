import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MemoryAdapter } from '../src/adapters/memory-adapter.js';
import type { SamenAdapter } from '../src/core/adapter.js';
import { stateStories } from './support/state-stories.js';
import { longText, storyAdapter } from './support/story-adapter.js';
import '../src/define/samen-provider.js';
import { introMessages } from '../src/programme-intro/messages.js';
import '../src/define/samen-programme-intro.js';

interface Args {
  'intro-id': string;
  view: 'parent' | 'teacher';
}

const adapterFor = (view: 'parent' | 'teacher', setup?: (adapter: MemoryAdapter) => void): MemoryAdapter => storyAdapter(view, setup);

const card = (args: Args, adapter: SamenAdapter | undefined, theme = '') => html`<samen-provider .adapter=${adapter}>
  <samen-programme-intro intro-id=${args['intro-id']} view=${args.view} theme=${theme}></samen-programme-intro>
</samen-provider>`;

const meta: Meta<Args> = {
  title: 'Widgets/Programme intro',
  component: 'samen-programme-intro',
  args: { 'intro-id': 'kanjer-intro', view: 'parent' },
  argTypes: { view: { control: 'inline-radio', options: ['parent', 'teacher'] } },
  render: (args) => html`<div style="max-width: 34rem">${card(args, adapterFor(args.view))}</div>`,
  parameters: {
    docs: {
      description: {
        component:
          'The card a teacher posts before lesson 1: what the programme is, its lessons and goals as a timeline with where ' +
          'the class is now, what parents are asked to do at home, for Kanjertraining the home folder with the four caps ' +
          '(each with its strong and its hard side), and who to ask. Samen’s starting texts are marked as examples in the ' +
          'teacher’s view; a school sends its own words as `about` and `homeAsks`.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Kanjertraining in groep 5: lessons 1 and 2 given, 3 and 4 planned; the four caps. */
export const Kanjertraining: Story = {};

/** The teacher's view: which texts are Samen's examples, and "Preview as parent". */
export const KanjertrainingTeacher: Story = { args: { view: 'teacher' } };

/** WIsH in groep 6, all eight lessons given. */
export const Wish: Story = { args: { 'intro-id': 'wish-intro' } };

/** Posted before lesson 1: every lesson still planned. */
export const BeforeTheFirstLesson: Story = {
  render: (args) =>
    html`<div style="max-width: 34rem">
      ${card(
        args,
        adapterFor(args.view, (adapter) => {
          for (const lesson of adapter.state.intros!['kanjer-intro']!.lessons) {
            lesson.status = 'planned';
            delete lesson.clipId;
          }
        }),
      )}
    </div>`,
};

/** The school's own words replace Samen's starting texts (and the teacher sees no "example" note). */
export const SchoolsOwnWords: Story = {
  args: { view: 'teacher' },
  render: (args) =>
    html`<div style="max-width: 34rem">
      ${card(
        args,
        adapterFor(args.view, (adapter) => {
          const intro = adapter.state.intros!['kanjer-intro']!;
          intro.about = 'Dit jaar doen alle groepen van De Regenboog mee met Kanjertraining. In groep 5 beginnen we in november.';
          intro.homeAsks = ['Lees samen het lesbericht.', 'Kom naar de informatieavond op 3 december.'];
        }),
      )}
    </div>`,
};

const states = stateStories({ card, read: 'getProgrammeIntro', messages: introMessages, width: 34 });

export const Loading: Story = states.Loading;

export const LoadingFailed: Story = states.LoadingFailed;

export const NotConnected: Story = states.NotConnected;

/** An Arabic-speaking family: the card's words in Arabic, right to left; the school's words stay Dutch. */
export const Arabic: Story = states.Arabic;

export const Dark: Story = states.Dark;

/** Long contact names and ways to reach them wrap inside the card. */
export const LongTexts: Story = {
  render: (args) =>
    html`<div style="max-width: 34rem">
      ${card(
        args,
        adapterFor(args.view, (adapter) => {
          const intro = adapter.state.intros!['kanjer-intro']!;
          intro.contacts[2]!.how = longText('Bel 0800-1234567 of mail naar info@cjg-voorbeeld.nl ', 200);
        }),
      )}
    </div>`,
};
