import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MemoryAdapter } from '../src/adapters/memory-adapter.js';
import type { SamenAdapter } from '../src/core/adapter.js';
import { stateStories } from './support/state-stories.js';
import { inWidget, longText, offlineOutbox, storyAdapter } from './support/story-adapter.js';
import '../src/define/samen-provider.js';
import { evaluationMessages } from '../src/evaluation/messages.js';
import '../src/define/samen-evaluation.js';

interface Args {
  'evaluation-id': string;
  view: 'parent' | 'child' | 'teacher';
}

const adapterFor = (view: Args['view'], setup?: (adapter: MemoryAdapter) => void): MemoryAdapter => storyAdapter(view, setup);

const card = (args: Args, adapter: SamenAdapter | undefined, theme = '') => html`<samen-provider .adapter=${adapter}>
  <samen-evaluation evaluation-id=${args['evaluation-id']} view=${args.view} theme=${theme}></samen-evaluation>
</samen-provider>`;

const meta: Meta<Args> = {
  title: 'Widgets/Evaluation',
  component: 'samen-evaluation',
  args: { 'evaluation-id': 'eval-wish-after', view: 'parent' },
  argTypes: { view: { control: 'inline-radio', options: ['parent', 'child', 'teacher'] } },
  render: (args) => html`<div style="max-width: 36rem">${card(args, adapterFor(args.view))}</div>`,
  parameters: {
    docs: {
      description: {
        component:
          'The short form a school sends at the end of a programme run (and optionally at its start) to parents, children, ' +
          'teachers and the trainer, with the programme’s questions built in and the school’s own. It says whether the school ' +
          'sees who answered; answers are kept on the device until sent, and sent once. `view="child"` has faces, big targets and ' +
          'read-aloud; `view="teacher"` shows response rates and results, before and after side by side, and no figure below the ' +
          'minimum group size.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** A parent of groep 6 who has not answered yet: the WIsH questions and the school's own. */
export const Parent: Story = {};

/** The child's form: faces, big targets, read-aloud. */
export const Child: Story = { args: { view: 'child' } };

/** The parent has answered: thank you, and "change my answers". */
export const Sent: Story = {
  render: (args) =>
    html`<div style="max-width: 36rem">
      ${card(
        args,
        adapterFor(args.view, (adapter) => {
          adapter.state.evaluationResponses!.push({
            evaluationId: 'eval-wish-after',
            respondent: 'household:fam-01',
            audience: 'parent',
            answers: [{ questionId: 'rating', value: '4' }],
            submittedAt: new Date().toISOString(),
          });
        }),
      )}
    </div>`,
};

/** The school asks with names: the form says so plainly. */
export const NotAnonymous: Story = {
  render: (args) =>
    html`<div style="max-width: 36rem">
      ${card(
        args,
        adapterFor(args.view, (adapter) => (adapter.state.evaluations!['eval-wish-after']!.anonymous = false)),
      )}
    </div>`,
};

/** The teacher: response rates per audience, before and after side by side, and the school's own questions. */
export const Results: Story = { args: { view: 'teacher' } };

/** Too few answers from the children and the teacher: no figure, "too few answers". */
export const BelowMinimum: Story = {
  args: { view: 'teacher' },
  render: (args) =>
    html`<div style="max-width: 36rem">
      ${card(
        args,
        adapterFor(args.view, (adapter) => {
          adapter.state.evaluationResponses = adapter.state.evaluationResponses!.filter((r, i) => r.audience !== 'child' || i % 4 === 0);
        }),
      )}
    </div>`,
};

/** The before form, closed: nobody can answer it any more. */
export const Closed: Story = { args: { 'evaluation-id': 'eval-wish-before' } };

/** Offline: the answers are kept on this device (outbox) and sent when the connection is back. */
export const QueuedOnThisDevice: Story = {
  render: (args) => html`<div style="max-width: 36rem">${card(args, offlineOutbox(adapterFor(args.view)))}</div>`,
  play: async ({ canvasElement }) => {
    (await inWidget<HTMLInputElement>(canvasElement, 'samen-evaluation', 'input[name="q-goals"][value="yes"]')).click();
    (await inWidget<HTMLButtonElement>(canvasElement, 'samen-evaluation', '[part~="send-button"]')).click();
  },
};

const states = stateStories({ card, read: 'getEvaluation', messages: evaluationMessages, width: 36 });

export const Loading: Story = states.Loading;

export const LoadingFailed: Story = states.LoadingFailed;

export const NotConnected: Story = states.NotConnected;

/** An Arabic-speaking family: Arabic words, right to left; the school's own question stays Dutch. */
export const Arabic: Story = states.Arabic;

export const ArabicChild: Story = { ...states.Arabic, args: { view: 'child' } };

export const Dark: Story = states.Dark;

/** A long title and a long question of the school's own wrap inside the card. */
export const LongTexts: Story = {
  render: (args) =>
    html`<div style="max-width: 36rem">
      ${card(
        args,
        adapterFor(args.view, (adapter) => {
          const evaluation = adapter.state.evaluations!['eval-wish-after']!;
          evaluation.title = longText('WIsH, groep 6, de lessen over weerbaarheid en samenwerken ', 180);
          evaluation.ownQuestions[0]!.text = longText('Zou je weer naar een ouderavond komen als die op een andere dag is? ', 200);
        }),
      )}
    </div>`,
};
