import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MemoryAdapter } from '../src/adapters/memory-adapter.js';
import { longText, storyAdapter } from './support/story-adapter.js';
import '../src/define/samen-provider.js';
import '../src/define/samen-reward-chart.js';
// The Arabic table, registered the way a host adds a family's home language (for the Arabic story).
import '../src/locales/ar.js';

interface Args {
  'chart-id': string;
  view: 'parent' | 'teacher' | 'child';
}

const adapterFor = (view: 'parent' | 'teacher' | 'child', setup?: (adapter: MemoryAdapter) => void): MemoryAdapter =>
  storyAdapter(view, setup);

/** Keeps only the first `n` tokens of a chart (and optionally moves its goal). */
const withAwards = (chartId: string, n: number, goal?: number) => (adapter: MemoryAdapter) => {
  const chart = adapter.state.charts[chartId]!;
  chart.awards = chart.awards.slice(0, n);
  if (goal !== undefined) chart.goal = goal;
};

const chart = (args: Args, adapter: MemoryAdapter | undefined, theme?: 'light' | 'dark') => html`<samen-provider .adapter=${adapter}>
  <samen-reward-chart chart-id=${args['chart-id']} view=${args.view} theme=${ifDefined(theme)}></samen-reward-chart>
</samen-provider>`;

const meta: Meta<Args> = {
  title: 'Widgets/Reward chart',
  component: 'samen-reward-chart',
  args: { 'chart-id': 'class-wish', view: 'parent' },
  argTypes: {
    'chart-id': { control: 'select', options: ['class-wish', 'personal-child-1'] },
    view: { control: 'inline-radio', options: ['parent', 'teacher'] },
  },
  render: (args) => html`<div style="max-width: 34rem">${chart(args, adapterFor(args.view))}</div>`,
  parameters: {
    docs: {
      description: {
        component:
          'Positive reinforcement that continues at home. A class chart collects tokens for one or two focus expectations ' +
          'toward a group reward; a personal chart collects a child’s stickers from school and, when enabled, from home. ' +
          'Teachers award in one tap (queued and kept when offline), undo a mis-tap within 10 seconds, and celebrate the ' +
          'reward. Positive only: nothing is ever deducted, and a class chart shows parents no individual children.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

const wrap = (args: Args, adapter: MemoryAdapter | undefined) => html`<div style="max-width: 34rem">${chart(args, adapter)}</div>`;

/** A new class goal: only a few tokens so far. */
export const ClassEarly: Story = {
  render: (args) => wrap(args, adapterFor(args.view, withAwards('class-wish', 4))),
};

/** One token to go. */
export const ClassNearlyThere: Story = {
  render: (args) => wrap(args, adapterFor(args.view, withAwards('class-wish', 31, 32))),
};

/** The goal is reached: the teacher sees "Beloning vieren" and starts a new goal. */
export const ClassGoalReached: Story = {
  args: { view: 'teacher' },
  render: (args) => wrap(args, adapterFor(args.view, withAwards('class-wish', 31, 31))),
};

/** A parent follows their child's stickers from school and adds stickers from home. */
export const PersonalSchoolAndHome: Story = { args: { 'chart-id': 'personal-child-1', view: 'parent' } };

export const TeacherClass: Story = { args: { 'chart-id': 'class-wish', view: 'teacher' } };

export const TeacherPersonal: Story = { args: { 'chart-id': 'personal-child-1', view: 'teacher' } };

/** The host cannot load the chart: error state with a retry button. */
export const Failure: Story = {
  render: (args) =>
    wrap(
      args,
      adapterFor(args.view, (adapter) => adapter.fail('getRewardChart', 'offline')),
    ),
};

/** The connection is gone: taps are counted at once, queued on the device and sent when back online. */
export const OfflineAwarding: Story = {
  args: { view: 'teacher' },
  render: (args) =>
    wrap(
      args,
      adapterFor(args.view, (adapter) => adapter.fail('award', 'offline')),
    ),
};

export const RightToLeft: Story = {
  args: { 'chart-id': 'personal-child-1' },
  render: (args) => html`<div dir="rtl" style="max-width: 34rem">${chart(args, adapterFor(args.view))}</div>`,
};

/**
 * An Arabic-speaking family's personal chart, whatever the toolbar says: Arabic labels, right to
 * left; the spots fill from the right (docs/screenshots/ar/reward-chart.png).
 */
export const Arabic: Story = {
  args: { 'chart-id': 'personal-child-1' },
  render: (args) => html`<div dir="rtl" lang="ar" style="max-width: 34rem">${chart(args, adapterFor(args.view))}</div>`,
};

export const Dark: Story = {
  args: { view: 'teacher' },
  render: (args) =>
    html`<div style="background:#101318; padding:1rem; max-width: 36rem">${chart(args, adapterFor(args.view), 'dark')}</div>`,
};

/** Waiting for the host: the skeleton a parent sees on a slow connection. */
export const Loading: Story = {
  render: (args) =>
    wrap(
      args,
      adapterFor(args.view, (adapter) => (adapter.latency = 86_400_000)),
    ),
};

/** The host sends a chart that breaks the contract (a goal of zero, an award without an id): an error state, never a wrong chart. */
export const InvalidData: Story = {
  render: (args) =>
    wrap(
      args,
      adapterFor(args.view, (adapter) => {
        const chart = adapter.state.charts[args['chart-id']]! as unknown as Record<string, unknown>;
        chart['goal'] = 0;
        chart['awards'] = [{ reason: 'no id' }];
      }),
    ),
};

/** Long titles, rewards and focus texts: long words wrap inside the card. */
export const LongTexts: Story = {
  args: { 'chart-id': 'personal-child-1' },
  render: (args) =>
    wrap(
      args,
      adapterFor(args.view, (adapter) => {
        const chart = adapter.state.charts[args['chart-id']]!;
        chart.title = longText('Samen werken aan rustig wachten op je beurt in de kring ', 200);
        chart.reward = longText('Een extra lange speelkwartierverlenging ', 200);
        chart.focus = chart.focus.map((f) => ({ ...f, text: longText('Ik wacht rustig op mijn beurt en ', 200) }));
      }),
    ),
};

const sideBySide = (left: ReturnType<typeof html>, right: ReturnType<typeof html>) =>
  html`<div
    style="display: grid; gap: 1rem; padding: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr)); align-items: start"
  >
    <section style="display: grid; gap: 0.5rem; align-content: start">
      <h2 style="font: 600 0.9rem system-ui; margin: 0">parent-1</h2>
      ${left}
    </section>
    <section style="display: grid; gap: 0.5rem; align-content: start">
      <h2 style="font: 600 0.9rem system-ui; margin: 0">teacher-1</h2>
      ${right}
    </section>
  </div>`;

/**
 * Tip and top per child (issue 24): on Noor's personal chart Juf Sanne sent her family a short
 * note ("Top: … / Tip voor thuis: …"); the family's chart (left) shows it as "Tip en top van de
 * leerkracht", unread until opened, and they can answer. In the teacher's chart (right) "Tip en
 * top sturen" opens the note to Familie Jansen, starting from "Top: / Tip voor thuis:" with an
 * example marked as one. Only that family and the class's teachers read it.
 */
export const TipAndTop: Story = {
  args: { 'chart-id': 'personal-child-1' },
  parameters: { layout: 'fullscreen', controls: { include: [] } },
  render: (args) => {
    const parent = adapterFor('parent');
    void parent.forViewer('teacher-1').addThreadMessage({
      id: 'story-tip-top-1',
      about: { kind: 'child', id: 'child-1' },
      familyId: 'fam-01',
      text: 'Top: Noor wachtte vandaag rustig op haar beurt in de kring.\nTip voor thuis: laat haar bij een spelletje zeggen wie er aan de beurt is.',
    });
    return sideBySide(chart({ ...args, view: 'parent' }, parent), chart({ ...args, view: 'teacher' }, parent.forViewer('teacher-1')));
  },
};

/**
 * Recognition for every child, privately for the teacher (issue 24): this week three children
 * had a token for them; the class chart's teacher view names the others, in class order, with
 * the week's count of compliments and the four-to-one tip. "Voor wie?" gives the next token to
 * one child (the whole class by default). Parents and children see none of it: no names, no
 * ranking, no counts per child.
 */
export const EveryChildRecognised: Story = {
  args: { 'chart-id': 'class-wish', view: 'teacher' },
  render: (args) =>
    wrap(
      args,
      adapterFor('teacher', (adapter) => {
        const chart = adapter.state.charts['class-wish']!;
        for (const [i, childId] of ['child-2', 'child-5', 'child-9'].entries()) {
          chart.awards.push({
            id: `story-recognised-${i}`,
            source: 'school',
            givenBy: 'Juf Sanne',
            givenById: 'teacher-1',
            forChildId: childId,
            createdAt: new Date().toISOString(),
          });
        }
      }),
    ),
};

/**
 * The child's own choice (issue 24): Noor chooses the words of her goal and her reward from the
 * few options Juf Sanne and her parents allowed, with drawn pictures and read-aloud ("het moet
 * echt vanuit het kind komen"). Beside it her parent's view, which shows what she chose once she
 * presses "Dit kies ik!".
 */
export const ChildChoosesGoal: Story = {
  args: { 'chart-id': 'personal-child-1', view: 'child' },
  parameters: { layout: 'fullscreen', controls: { include: [] } },
  render: (args) => {
    const child = storyAdapter('child');
    return html`<div
      style="display: grid; gap: 1rem; padding: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr)); align-items: start"
    >
      <section style="display: grid; gap: 0.5rem; align-content: start">
        <h2 style="font: 600 0.9rem system-ui; margin: 0">child-login-1</h2>
        ${chart({ ...args, view: 'child' }, child)}
      </section>
      <section style="display: grid; gap: 0.5rem; align-content: start">
        <h2 style="font: 600 0.9rem system-ui; margin: 0">parent-1</h2>
        ${chart({ ...args, view: 'parent' }, child.forViewer('parent-1'))}
      </section>
    </div>`;
  },
};

/**
 * The adults set the child's options (issue 24): a parent (their own child's chart) and the
 * teacher (their class's) open "Keuzes voor het kind" and keep a short list of the goal's words
 * and of rewards — add with the field and Enter, remove with each option's button, at most six
 * of each. Beside them the child's view, which offers exactly the saved options.
 */
export const AdultsSetChoices: Story = {
  args: { 'chart-id': 'personal-child-1', view: 'parent' },
  parameters: { layout: 'fullscreen', controls: { include: [] } },
  render: (args) => {
    const parent = storyAdapter('parent');
    return html`<div
      style="display: grid; gap: 1rem; padding: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr)); align-items: start"
    >
      <section style="display: grid; gap: 0.5rem; align-content: start">
        <h2 style="font: 600 0.9rem system-ui; margin: 0">parent-1</h2>
        ${chart({ ...args, view: 'parent' }, parent)}
      </section>
      <section style="display: grid; gap: 0.5rem; align-content: start">
        <h2 style="font: 600 0.9rem system-ui; margin: 0">teacher-1</h2>
        ${chart({ ...args, view: 'teacher' }, parent.forViewer('teacher-1'))}
      </section>
      <section style="display: grid; gap: 0.5rem; align-content: start">
        <h2 style="font: 600 0.9rem system-ui; margin: 0">child-login-1</h2>
        ${chart({ ...args, view: 'child' }, parent.forViewer('child-login-1'))}
      </section>
    </div>`;
  },
  play: async ({ canvasElement }) => {
    // Opens the parent's editor, so the story shows the lists.
    const card = canvasElement.querySelector('samen-reward-chart');
    await customElements.whenDefined('samen-reward-chart');
    for (let i = 0; i < 50 && !card?.shadowRoot?.querySelector('[part~="choices-open"]'); i++) await new Promise((r) => setTimeout(r, 50));
    card?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="choices-open"]')?.click();
  },
};

/** The editor with a full list of rewards: six is the most, the field gives way to a note. */
export const AdultsSetChoicesFull: Story = {
  args: { 'chart-id': 'personal-child-1', view: 'parent' },
  render: (args) =>
    chart(
      args,
      storyAdapter('parent', (adapter) => {
        const choices = adapter.state.charts['personal-child-1']!.choices!;
        choices.rewards = [
          'Samen een spelletje kiezen',
          'Een boek voorlezen',
          'Buiten spelen',
          'Samen koken',
          'Naar de speeltuin',
          'Een tekening maken',
        ].map((text, i) => ({ id: `story-r${i}`, text }));
      }),
    ),
  play: AdultsSetChoices.play!,
};
