import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MemoryAdapter } from '../src/adapters/memory-adapter.js';
import type { SamenAdapter } from '../src/core/adapter.js';
import { inWidget, offlineOutbox, storyAdapter } from './support/story-adapter.js';
// The complete Arabic table, registered the way a host adds a family's home language.
import '../src/locales/ar.js';
import type { FeelingDefinition } from '../src/feelings-checkin/schemas.js';
import '../src/define/samen-provider.js';
import '../src/define/samen-feelings-checkin.js';

/*
 * Check-ins are about "today" on the viewer's device, so these stories seed the demo data
 * with the real clock (unlike the other widgets' stories, which use a fixed date).
 */

type View = 'child' | 'parent' | 'teacher';

interface Args {
  view: View;
  'child-id': string;
  'class-id': string;
  context: 'home' | 'school';
  feelings?: FeelingDefinition[];
}

const adapterFor = (view: View, setup?: (adapter: MemoryAdapter) => void): MemoryAdapter => storyAdapter(view, setup, {});

const checkin = (args: Args, adapter: SamenAdapter | undefined, theme?: 'light' | 'dark'): TemplateResult =>
  html`<samen-provider .adapter=${adapter}>
    <samen-feelings-checkin
      view=${args.view}
      child-id=${args['child-id']}
      class-id=${args['class-id']}
      context=${args.context}
      theme=${ifDefined(theme)}
      .feelings=${args.feelings}
    ></samen-feelings-checkin>
  </samen-provider>`;

const wrap = (content: TemplateResult, dir: 'ltr' | 'rtl' = 'ltr') => html`<div dir=${dir} style="max-width: 36rem">${content}</div>`;

const meta: Meta<Args> = {
  title: 'Widgets/Feelings check-in',
  component: 'samen-feelings-checkin',
  args: { view: 'child', 'child-id': 'child-1', 'class-id': 'groep6-wish', context: 'home' },
  argTypes: {
    view: { control: 'inline-radio', options: ['child', 'parent', 'teacher'] },
    context: { control: 'inline-radio', options: ['home', 'school'] },
  },
  render: (args) => wrap(checkin(args, adapterFor(args.view))),
  parameters: {
    docs: {
      description: {
        component:
          'A child, alone or with a parent, picks a feeling (a word, an icon and a colour, never colour alone) and how ' +
          'strong it is on a 1–5 thermometer; a read-aloud button speaks the question for children and parents who read ' +
          'little. One check-in per child, context and day: changing it today replaces it. Parents see their own child’s ' +
          'last 14 days, and the card says who sees a check-in and its note. Teachers see today’s class, the week, and ' +
          'careful signals (a strong negative feeling on 3 of the last 5 school days) that describe the feelings, never ' +
          'label the child, and offer a next step the host takes through `samen-signal`.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Removes today's check-in of child-1, so the form starts empty. */
const freshDay = (adapter: MemoryAdapter) => {
  const today = new Date().toDateString();
  adapter.state.checkins = adapter.state.checkins.filter(
    (c) => !(c.childId === 'child-1' && new Date(c.createdAt).toDateString() === today),
  );
};

/** A child checks in: eight feelings, then strength and a sentence starter once one is picked. */
export const Child: Story = { render: (args) => wrap(checkin(args, adapterFor(args.view, freshDay))) };

/** A parent with their child: the same choice, a note field, and the last 14 days in words. */
export const ParentWithHistory: Story = { args: { view: 'parent' } };

/** The teacher: today's class, this week, and one child who picked a strong sad feeling on 3 of the last 5 school days, with the next steps. */
export const TeacherWithSignal: Story = { args: { view: 'teacher', context: 'school' } };

/** The same class with a stricter rule set by the school (4 of 5 school days): no signals. */
export const TeacherNoSignals: Story = {
  args: { view: 'teacher', context: 'school' },
  render: (args) =>
    wrap(html`<samen-provider .adapter=${adapterFor(args.view)}>
      <samen-feelings-checkin view="teacher" class-id=${args['class-id']} .signalRule=${{ windowDays: 5, minDays: 4, minStrength: 4 }}></samen-feelings-checkin>
    </samen-provider>`),
};

/**
 * A school's own words (Kanjertraining's caps), set by the host through the `feelings` property.
 * Each cap is named with its strong side too, as the training does (docs/programmes.md). None is
 * marked `negative`: a cap is behaviour the child learns to recognise, not a feeling, and picking
 * one must never raise a signal about a child (that would label them with a cap).
 */
/** A cap, drawn by the school as path data (never markup): outline, filled, or tinted with the cap's colour. */
const cap = (paint: 'stroke' | 'fill' | 'tint') => ({ paths: [{ d: 'M4 15a8 7 0 0 1 16 0zM3 15h18v2.5H3z', paint }] });

export const CustomFeelings: Story = {
  args: {
    feelings: [
      {
        id: 'wit',
        labels: { nl: 'witte pet: jezelf, te vertrouwen', en: 'white cap: yourself, trustworthy' },
        icon: cap('stroke'),
        color: '#868e96',
      },
      {
        id: 'zwart',
        labels: { nl: 'zwarte pet: durft, soms de baas', en: 'black cap: brave, sometimes bossy' },
        icon: cap('fill'),
        color: '#212529',
      },
      {
        id: 'rood',
        labels: { nl: 'rode pet: vrolijk, soms ten koste van een ander', en: 'red cap: cheerful, sometimes at others’ expense' },
        icon: cap('tint'),
        color: '#e03131',
      },
      {
        id: 'geel',
        labels: { nl: 'gele pet: luistert goed, soms te stil', en: 'yellow cap: listens well, sometimes too quiet' },
        icon: cap('tint'),
        color: '#f08c00',
      },
    ],
  },
  render: (args) => wrap(checkin(args, adapterFor(args.view, freshDay))),
};

/** A host sends a feelings set without words or with a named colour: refused with a clear message. */
export const InvalidFeelings: Story = {
  args: { feelings: [{ id: 'x', labels: {}, icon: '', color: 'red' }] as unknown as FeelingDefinition[] },
};

/** Saving fails (offline): the choice stays, a message says so, and pressing save again retries with the same id. */
export const SaveFails: Story = {
  render: (args) =>
    wrap(
      checkin(
        args,
        adapterFor(args.view, (adapter) => {
          freshDay(adapter);
          adapter.fail('saveCheckin', 'offline');
        }),
      ),
    ),
};

/** The check-ins cannot be loaded: error state with a retry button. */
export const LoadingFailed: Story = {
  args: { view: 'parent' },
  render: (args) =>
    wrap(
      checkin(
        args,
        adapterFor(args.view, (adapter) => adapter.fail('getCheckins', 'unavailable')),
      ),
    ),
};

/** No adapter connected. */
export const NotConnected: Story = { render: (args) => wrap(checkin(args, undefined)) };

/**
 * An Arabic-speaking family (right to left): the layout mirrors and arrow keys follow the reading
 * direction. Interface and feeling words come from the Arabic table (`@samen/widgets/locales/ar`).
 */
export const ArabicRightToLeft: Story = {
  args: { view: 'parent' },
  render: (args) =>
    html`<div dir="rtl" lang="ar" style="max-width: 36rem">
      <samen-provider .adapter=${adapterFor(args.view)} locale="ar">
        <samen-feelings-checkin view=${args.view} child-id=${args['child-id']} context=${args.context}></samen-feelings-checkin>
      </samen-provider>
    </div>`,
};

export const Dark: Story = {
  args: { view: 'teacher', context: 'school' },
  render: (args) =>
    html`<div style="background:#101318; padding:1rem; max-width: 38rem">${checkin(args, adapterFor(args.view), 'dark')}</div>`,
};

/**
 * The eight faces, drawn rather than emoji, so they show on every device and differ in shape,
 * not only colour: in the light and dark themes and the example high-contrast host theme. In
 * Windows high contrast (forced colours) they take the system's text colour, and the chosen
 * one its highlight colours (Chromium DevTools: Rendering → Emulate CSS media feature
 * forced-colors).
 */
export const Pictures: Story = {
  render: (args) =>
    html`<div style="display: grid; gap: 1rem; max-width: 36rem">
      ${(['light', 'dark', 'high-contrast'] as const).map(
        (look) =>
          html`<div
            data-host-theme=${ifDefined(look === 'high-contrast' ? look : undefined)}
            style=${look === 'dark' ? 'background: #101318; padding: 1rem' : 'padding: 1rem'}
          >
            ${checkin(args, adapterFor(args.view, freshDay), look === 'dark' ? 'dark' : 'light')}
          </div>`,
      )}
    </div>`,
};

/** Waiting for the host: the skeleton a parent sees on a slow connection. */
export const Loading: Story = {
  render: (args) =>
    wrap(
      checkin(
        args,
        adapterFor(args.view, (adapter) => (adapter.latency = 86_400_000)),
      ),
    ),
};

/** Offline: the check-in is kept on this device (outbox) and sent when the connection is back. */
export const QueuedOnThisDevice: Story = {
  render: (args) => wrap(checkin(args, offlineOutbox(adapterFor(args.view, freshDay)))),
  play: async ({ canvasElement }) => {
    (await inWidget<HTMLInputElement>(canvasElement, 'samen-feelings-checkin', 'input[name="feeling"]')).click();
    (await inWidget<HTMLButtonElement>(canvasElement, 'samen-feelings-checkin', '[part~="save-button"]')).click();
  },
};
