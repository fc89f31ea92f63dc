import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MemoryAdapter } from '../src/adapters/memory-adapter.js';
import type { SamenAdapter } from '../src/core/adapter.js';
import { inWidget, longText, offlineOutbox, storyAdapter, typeInto } from './support/story-adapter.js';
import type { SamenExpectationMatrix } from '../src/expectation-matrix/expectation-matrix.js';
import '../src/define/samen-provider.js';
import '../src/define/samen-expectation-matrix.js';
// The Arabic table, registered the way a host adds a family's home language (for the Arabic story).
import '../src/locales/ar.js';

interface Args {
  'matrix-id': string;
  view: 'parent' | 'teacher';
  layout: 'auto' | 'grid' | 'list';
  poster?: boolean;
}

const adapterFor = (view: Args['view'], setup?: (adapter: MemoryAdapter) => void): MemoryAdapter => storyAdapter(view, setup);

const matrix = (args: Args, adapter: SamenAdapter | undefined, theme?: 'light' | 'dark'): TemplateResult =>
  html`<samen-provider .adapter=${adapter}>
    <samen-expectation-matrix
      matrix-id=${args['matrix-id']}
      view=${args.view}
      layout=${args.layout}
      ?poster=${args.poster}
      theme=${ifDefined(theme)}
    ></samen-expectation-matrix>
  </samen-provider>`;

const wrap = (content: TemplateResult, width = '60rem', dir: 'ltr' | 'rtl' = 'ltr') =>
  html`<div dir=${dir} style=${`max-width: ${width}`}>${content}</div>`;

/** Waits for the widget to load, then clicks its edit button: the state a teacher sees while editing. */
async function openEditor(canvasElement: HTMLElement): Promise<SamenExpectationMatrix> {
  const el = canvasElement.querySelector('samen-expectation-matrix')!;
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('[part~="edit-button"]'); i++) await new Promise((r) => setTimeout(r, 20));
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="edit-button"]')!.click();
  await el.updateComplete;
  return el;
}

const meta: Meta<Args> = {
  title: 'Widgets/Expectation matrix',
  component: 'samen-expectation-matrix',
  args: { 'matrix-id': 'matrix-school', view: 'parent', layout: 'auto' },
  argTypes: {
    'matrix-id': { control: 'select', options: ['matrix-school', 'matrix-home-fam-01'] },
    view: { control: 'inline-radio', options: ['parent', 'teacher'] },
    layout: { control: 'inline-radio', options: ['auto', 'grid', 'list'] },
  },
  render: (args) => wrap(matrix(args, adapterFor(args.view))),
  parameters: {
    docs: {
      description: {
        component:
          'The PBS behaviour matrix: values × places, each cell one to three expectations in the "ik"-form. The focus ' +
          'of the week comes first, with why and a tip for home; parents share what worked at home and teachers see those ' +
          'successes per week. Teachers edit the school matrix, families their home matrix; every save carries the version ' +
          'it started from, so a stale save shows a conflict and never overwrites silently. `layout="auto"` switches to a ' +
          'list whenever the grid would not fit (a phone never scrolls sideways); the print stylesheet makes a clean poster.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The school's matrix as a parent sees it: focus of the week first, a form to share a success. */
export const SchoolMatrix: Story = { args: { layout: 'grid' } };

/** On a phone (360 px): the same matrix as a list per value. */
export const FocusOfTheWeekOnAPhone: Story = {
  render: (args) => wrap(matrix(args, adapterFor(args.view)), '360px'),
};

/** The teacher: the matrix, the edit button and this month's successes from home, per week. */
export const TeacherWithSuccesses: Story = { args: { view: 'teacher', layout: 'grid' } };

/** The teacher editing: rename, reorder and add values and places, edit cells, set the focus. */
export const TeacherEditing: Story = {
  args: { view: 'teacher', layout: 'grid' },
  play: async ({ canvasElement }) => void (await openEditor(canvasElement)),
};

/** A colleague saved while this teacher was editing: the save is refused and both choices are explicit. */
export const Conflict: Story = {
  args: { view: 'teacher', layout: 'grid' },
  render: (args) => {
    const adapter = adapterFor(args.view);
    return html`<div data-conflict style="max-width: 60rem" .adapter=${adapter}>${matrix(args, adapter)}</div>`;
  },
  play: async ({ canvasElement }) => {
    const el = await openEditor(canvasElement);
    const adapter = (canvasElement.querySelector('[data-conflict]') as HTMLElement & { adapter: MemoryAdapter }).adapter;
    const stored = adapter.state.matrices['matrix-school']!;
    await adapter.saveExpectationMatrix({
      id: 'story-colleague',
      matrix: { ...stored, title: 'Onze afspraken (door een collega)' },
      baseVersion: stored.version,
    });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
  },
};

/** A family's home matrix, seeded with the teacher's suggestions, being filled in. */
export const HomeMatrixBeingFilled: Story = {
  args: { 'matrix-id': 'matrix-home-fam-01', layout: 'grid' },
  play: async ({ canvasElement }) => void (await openEditor(canvasElement)),
};

/** The family's home matrix, read-only view. */
export const HomeMatrix: Story = { args: { 'matrix-id': 'matrix-home-fam-01', layout: 'grid' } };

/** The print layout on screen (`poster`): what `@media print` gives for an A4/A3 poster. */
export const PrintView: Story = { args: { view: 'teacher', layout: 'grid', poster: true } };

/** No values or places yet. */
export const Empty: Story = {
  render: (args) =>
    wrap(
      matrix(
        args,
        adapterFor(
          args.view,
          (a) =>
            (a.state.matrices['matrix-school'] = { id: 'matrix-school', kind: 'school', version: 1, values: [], locations: [], cells: {} }),
        ),
      ),
    ),
};

/** The host sends cells for unknown places and four expectations in one cell: repaired, and said so. */
export const RepairedData: Story = {
  args: { layout: 'grid' },
  render: (args) =>
    wrap(
      matrix(
        args,
        adapterFor(args.view, (a) => {
          const m = a.state.matrices['matrix-school']!;
          m.cells['ghost/class'] = [{ id: 'ghost', text: 'Nergens' }];
          m.cells['safety/class'] = [1, 2, 3, 4].map((n) => ({ id: `four-${n}`, text: `Afspraak ${n}` }));
        }),
      ),
    ),
};

/** The matrix cannot be loaded: error state with a retry button. */
export const LoadingFailed: Story = {
  render: (args) =>
    wrap(
      matrix(
        args,
        adapterFor(args.view, (a) => a.fail('getExpectationMatrix', 'offline')),
      ),
    ),
};

export const RightToLeft: Story = { args: { layout: 'grid' }, render: (args) => wrap(matrix(args, adapterFor(args.view)), '60rem', 'rtl') };

/**
 * An Arabic-speaking family, whatever the toolbar says: Arabic labels, right to left, in the layout
 * that fits (docs/screenshots/ar/expectation-matrix.png).
 */
export const Arabic: Story = {
  render: (args) => html`<div dir="rtl" lang="ar" style="max-width: 60rem">${matrix(args, adapterFor(args.view))}</div>`,
};

export const Dark: Story = {
  args: { view: 'teacher', layout: 'grid' },
  render: (args) =>
    html`<div style="background:#101318; padding:1rem; max-width: 62rem">${matrix(args, adapterFor(args.view), 'dark')}</div>`,
};

/** Waiting for the host: the skeleton a parent sees on a slow connection. */
export const Loading: Story = {
  render: (args) =>
    wrap(
      matrix(
        args,
        adapterFor(args.view, (adapter) => (adapter.latency = 86_400_000)),
      ),
    ),
};

/** Offline: a parent's "it worked at home" is kept on this device (outbox) and shared when the connection is back. */
export const QueuedOnThisDevice: Story = {
  render: (args) => wrap(matrix(args, offlineOutbox(adapterFor(args.view)))),
  play: async ({ canvasElement }) => {
    typeInto(
      await inWidget<HTMLTextAreaElement>(canvasElement, 'samen-expectation-matrix', '#success'),
      'Bij het tandenpoetsen wachtte hij rustig.',
    );
    (await inWidget<HTMLButtonElement>(canvasElement, 'samen-expectation-matrix', '[part~="success-form"] button[type="submit"]')).click();
  },
};

/** The longest names and expectations the editor allows: long words wrap, the grid never overflows its card. */
export const LongTexts: Story = {
  render: (args) =>
    wrap(
      matrix(
        args,
        adapterFor(args.view, (adapter) => {
          const stored = adapter.state.matrices['matrix-school']!;
          stored.values = stored.values.map((v) => ({ ...v, name: longText('Verantwoordelijkheid ', 40) }));
          stored.cells = Object.fromEntries(
            Object.entries(stored.cells).map(([key, cell]) => [
              key,
              cell.map((e) => ({ ...e, text: longText('Ik ruim mijn spullen zorgvuldig op ', 120) })),
            ]),
          );
        }),
      ),
    ),
};
