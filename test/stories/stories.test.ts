import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { TemplateResult } from 'lit';
import * as adapters from '../../stories/adapters.stories.js';
import * as expectationMatrix from '../../stories/expectation-matrix.stories.js';
import * as feedbackBar from '../../stories/feedback-bar.stories.js';
import * as feelingsCheckin from '../../stories/feelings-checkin.stories.js';
import * as lessonClip from '../../stories/lesson-clip.stories.js';
import * as meeting from '../../stories/meeting.stories.js';
import * as programmeIntro from '../../stories/programme-intro.stories.js';
import * as theming from '../../stories/theming.stories.js';
import { settled } from '../helpers/fixtures.js';

/*
 * Every story of these files is rendered the way Storybook does (meta and story args,
 * loaders, render with `loaded` and `globals`, then `play`), leaves its loading state and
 * passes axe, before and after its play function.
 * (The reward chart's stories have their own test with a check per story.)
 */

type Context = { args: Record<string, unknown>; globals: Record<string, unknown>; loaded: Record<string, unknown> };
type Loader = (context: Omit<Context, 'loaded'>) => unknown;
interface StoryLike {
  args?: Record<string, unknown>;
  globals?: Record<string, unknown>;
  loaders?: Loader[];
  render?: (args: Record<string, unknown>, context: Context) => TemplateResult;
  play?: (context: { canvasElement: HTMLElement; loaded: Record<string, unknown> }) => Promise<void>;
}
type StoryModule = { default: StoryLike & { title?: string } } & Record<string, unknown>;

const modules: StoryModule[] = [
  adapters as unknown as StoryModule,
  expectationMatrix as unknown as StoryModule,
  feedbackBar as unknown as StoryModule,
  feelingsCheckin as unknown as StoryModule,
  lessonClip as unknown as StoryModule,
  meeting as unknown as StoryModule,
  programmeIntro as unknown as StoryModule,
  theming as unknown as StoryModule,
];

/** What a play function must leave on screen: an element, or a text. */
const SAVED_ON_DEVICE = { text: 'Bewaard op dit apparaat' };
const afterPlay: Record<string, string | { text: string }> = {
  'Widgets/Expectation matrix/TeacherEditing': '[part~="editor"]',
  'Widgets/Expectation matrix/HomeMatrixBeingFilled': '[part~="editor"]',
  'Widgets/Expectation matrix/Conflict': '[part~="conflict"]',
  'Widgets/Expectation matrix/QueuedOnThisDevice': SAVED_ON_DEVICE,
  'Widgets/Feedback bar/QueuedOnThisDevice': SAVED_ON_DEVICE,
  'Widgets/Feelings check-in/QueuedOnThisDevice': SAVED_ON_DEVICE,
  'Widgets/Lesson clip/QueuedOnThisDevice': SAVED_ON_DEVICE,
  'Widgets/Meeting/QueuedOnThisDevice': SAVED_ON_DEVICE,
  'Widgets/Lesson clip/TeacherNotReached': 'details[part~="not-reached"][open]',
  'Widgets/Lesson clip/PreviewAsParent': 'samen-lesson-clip[preview][view="parent"]',
  'Widgets/Lesson clip/AnswerCameInWhileTyping': '[part~="answered-meanwhile"]',
};

/** Stories named Loading show the loading state on purpose. */
const staysLoading = (name: string) => name === 'Loading';

type Widget = HTMLElement & { updateComplete: Promise<boolean> };

async function renderStory(meta: StoryLike, story: StoryLike): Promise<{ wrapper: HTMLElement; loaded: Record<string, unknown> }> {
  const args = { ...meta.args, ...story.args };
  const globals = { locale: 'nl', theme: 'light', ...story.globals };
  const loaded: Record<string, unknown> = {};
  for (const loader of [...(meta.loaders ?? []), ...(story.loaders ?? [])]) Object.assign(loaded, await loader({ args, globals }));
  const render = story.render ?? meta.render;
  if (!render) throw new Error('story has no render function');
  return { wrapper: await fixture<HTMLElement>(html`<div>${render(args, { args, globals, loaded })}</div>`), loaded };
}

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

for (const module of modules) {
  const meta = module.default;
  describe(`${meta.title} stories`, () => {
    const stories = Object.entries(module).filter(([name]) => name !== 'default') as [string, StoryLike][];

    it('has stories', () => expect(stories.length).to.be.greaterThan(1));

    for (const [name, story] of stories) {
      it(`${name} renders a widget and is accessible`, async () => {
        const { wrapper, loaded } = await renderStory(meta, story);
        const widgets = [...wrapper.querySelectorAll<Widget>('*')].filter(
          (el) => el.localName.startsWith('samen-') && el.localName !== 'samen-provider',
        );
        expect(widgets.length, 'a samen-* widget').to.be.greaterThan(0);
        for (const widget of widgets) {
          if (staysLoading(name)) {
            await widget.updateComplete;
            expect(!!widget.shadowRoot!.querySelector('[aria-busy="true"]')).to.be.true;
          } else {
            await settled(widget);
            expect(widget.shadowRoot!.querySelector('[part~="base"]'), `${widget.localName} renders its card`).to.not.equal(null);
          }
          await expect(widget).to.be.accessible();
        }
        if (story.play) {
          await story.play({ canvasElement: wrapper, loaded });
          for (const widget of widgets) {
            await new Promise((r) => setTimeout(r, 50));
            await widget.updateComplete;
            await expect(widget).to.be.accessible();
          }
          const check = afterPlay[`${meta.title}/${name}`];
          expect(check, 'a check for what this play function does').to.exist;
          const root = widgets[0]!.shadowRoot!;
          if (typeof check === 'string') expect(!!root.querySelector(check), check).to.be.true;
          else await waitUntil(() => root.textContent.includes(check!.text), `"${check!.text}" after play`, { timeout: 3000 });
        }
        if (name === 'LongTexts' || name === 'InvalidData') {
          for (const widget of widgets) {
            const card = widget.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
            expect(card.scrollWidth, `${widget.localName}: long words wrap inside the card`).to.be.at.most(card.clientWidth + 1);
            if (name === 'InvalidData') expect(widget.shadowRoot!.querySelector('.state.error'), 'an error state').to.exist;
          }
        }
      });
    }
  });
}
