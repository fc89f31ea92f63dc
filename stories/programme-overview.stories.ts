import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MemoryAdapter } from '../src/adapters/memory-adapter.js';
import type { SamenAdapterLike } from '../src/core/adapter.js';
import { STORY_NOW, withToolbarNetwork } from './support/story-adapter.js';
import { countedTableAdapter } from '../test/programme-overview/counted-adapter.js';
import { wishReachSample } from '../test/programme-overview/wish-reach-sample.js';
import '../src/define/samen-provider.js';
import '../src/define/samen-programme-overview.js';
// The Arabic table, registered the way a host adds a language (for the Arabic story).
import '../src/locales/ar.js';

interface Args {
  programme: string;
  'min-group-size': number;
}

/** The demo school as `viewerId` sees it: teacher-1 (groep 6 and 5), care-1 (the IB'er), leader-1 (the school leader). */
const school = (viewerId: string, setup?: (adapter: MemoryAdapter) => void) => {
  const adapter = new MemoryAdapter({ now: STORY_NOW, viewerId });
  setup?.(adapter);
  return withToolbarNetwork(adapter);
};

const overview = (args: Args, adapter: SamenAdapterLike | undefined, theme = '') => html`<samen-provider .adapter=${adapter}>
  <samen-programme-overview programme=${args.programme} min-group-size=${args['min-group-size']} theme=${theme}></samen-programme-overview>
</samen-provider>`;

const meta: Meta<Args> = {
  title: 'Widgets/Programme overview',
  component: 'samen-programme-overview',
  args: { programme: 'wish', 'min-group-size': 5 },
  render: (args) => html`<div style="max-width: 56rem">${overview(args, school('teacher-1'))}</div>`,
  parameters: {
    docs: {
      description: {
        component:
          'How a programme run went across its lessons and classes, for a teacher (own classes), the IB’er or the school leader (the school’s classes). ' +
          'Per posted lesson the share of families that saw it, talked about it at home, answered and reacted; lessons not posted as gaps; the posting date; ' +
          'a chart per class with the table as its accessible twin; CSV and SVG export. No figure for a class under the minimum group size (default 5).',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Juf Sanne's groep 6: WIsH, lesson by lesson, and (closed) the families not reached yet, which only she sees. */
export const Teacher: Story = {};

/** The school leader: every class with WIsH clips, numbers only, never a family's name. */
export const SchoolLeader: Story = {
  render: (args) => html`<div style="max-width: 56rem">${overview(args, school('leader-1'))}</div>`,
};

/** The IB'er (care coordinator): the school's classes, numbers only. */
export const CareCoordinator: Story = {
  render: (args) => html`<div style="max-width: 56rem">${overview(args, school('care-1'))}</div>`,
};

/**
 * The WIsH study's hand-counted numbers (../shared/data/wish-reach-sample.json): six classes of two
 * schools, page views, likes and reactions per clip, lessons not posted as gaps, and the second
 * school's lessons 4 and 5 as one clip. Views are not families, and the note says so.
 */
export const WishStudy: Story = {
  render: (args) => html`<div style="max-width: 56rem">${overview(args, countedTableAdapter(wishReachSample))}</div>`,
};

/** One class of four families: "te weinig gezinnen" in every cell of it, in the charts and the CSV too. */
export const TooFewFamilies: Story = {
  render: (args) =>
    html`<div style="max-width: 56rem">
      ${overview(args, countedTableAdapter(wishReachSample, { families: (id) => (id === 'school2-MD' ? 4 : 25) }))}
    </div>`,
};

/** A programme nobody posted yet. */
export const NothingPosted: Story = { args: { programme: 'pbs' } };

export const Loading: Story = {
  render: (args) =>
    overview(
      args,
      school('teacher-1', (adapter) => (adapter.latency = 86_400_000)),
    ),
};

export const LoadingFailed: Story = {
  render: (args) =>
    overview(
      args,
      school('teacher-1', (adapter) => adapter.fail('getProgrammeOverview', 'offline')),
    ),
};

export const NotConnected: Story = { render: (args) => overview(args, undefined) };

/** A parent who somehow gets the tag: the forbidden state, never a figure. */
export const ParentIsRefused: Story = {
  render: (args) => overview(args, school('parent-1')),
};

export const Arabic: Story = {
  render: (args) => html`<div dir="rtl" lang="ar" style="max-width: 56rem">${overview(args, school('teacher-1'))}</div>`,
};

export const Dark: Story = {
  render: (args) =>
    html`<div style="background:#101318; padding:1rem; max-width: 58rem">${overview(args, school('teacher-1'), 'dark')}</div>`,
};

/**
 * After the run (issue 26): the list below the table shows each class's follow-up posts (one posted, the
 * next scheduled) and a repeat lesson for a later year group, given in groep 5 and linked to groep 6's run.
 */
export const WithFollowUps: Story = {
  render: (args) =>
    html`<div style="max-width: 56rem">
      ${overview(
        args,
        school('teacher-1', (adapter) =>
          adapter.setRawClip('wish-repeat-3', {
            id: 'wish-repeat-3',
            programme: 'wish',
            lessonNumber: 3,
            title: 'Lichaamstaal',
            homeQuestion: 'Hoe zie je aan iemand dat die zich zeker voelt?',
            followsUp: { kind: 'repeat', lessonNumber: 3, classId: 'groep6-wish' },
            postedAt: STORY_NOW.toISOString(),
            classId: 'groep5-kanjer',
            classLabel: 'Groep 5',
          }),
        ),
      )}
    </div>`,
};
