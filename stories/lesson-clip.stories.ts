import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MemoryAdapter, type MemoryAdapterOptions } from '../src/adapters/memory-adapter.js';
import type { SamenAdapter } from '../src/core/adapter.js';
import { inWidget, offlineOutbox, typeInto, withToolbarNetwork } from './support/story-adapter.js';
import '../src/define/samen-provider.js';
import '../src/define/samen-lesson-clip.js';
// The Arabic table, registered the way a host adds a family's home language (for the Arabic story).
import '../src/locales/ar.js';

/** Fixed "now" for the seeded data, so dates and reach numbers don't change between runs. */
const NOW = new Date('2026-11-20T10:00:00Z');

type Locale = 'nl' | 'en';
type View = 'parent' | 'teacher' | 'child';
type Handler = (event: Event) => void;

interface Args {
  'clip-id': string;
  view: View;
  locale?: Locale;
  theme?: 'light' | 'dark';
  /** Actions, created by Storybook from the `@fires` tags in custom-elements.json. */
  'onSamen-answer'?: Handler;
  'onSamen-seen'?: Handler;
  'onSamen-react'?: Handler;
  'onSamen-error'?: Handler;
  'onSamen-attention'?: Handler;
}

type Context = StoryContext<Args>;

/** Language of the labels: the element's `locale` arg, else the toolbar's. */
const uiLocale = (args: Args, globals: Context['globals']): string => String(args.locale ?? globals['locale'] ?? 'nl');

/** Language of the demo content: Dutch, or English for every other language (the demo data has those two). */
const contentLocale = (args: Args, globals: Context['globals']): Locale => (uiLocale(args, globals) === 'nl' ? 'nl' : 'en');

/**
 * A loader that builds a fresh MemoryAdapter for every render (so changing a control
 * starts from clean demo data), lets the story prepare it as a parent, then hands the
 * element the viewer that matches `view`. Returning `undefined` means "no adapter".
 */
const withAdapter =
  (setup?: (adapter: MemoryAdapter, args: Args, locale: Locale) => void | Promise<void>, options: MemoryAdapterOptions = {}) =>
  async ({ args, globals }: { args: Args; globals: Context['globals'] }) => {
    const locale = contentLocale(args, globals);
    const parent = new MemoryAdapter({ now: NOW, locale, ...options });
    await setup?.(parent, args, locale);
    withToolbarNetwork(parent, globals);
    return { adapter: args.view === 'teacher' ? parent.forViewer('teacher-1') : parent };
  };

/** Replaces fields of a seeded clip with raw (unvalidated) values, as a buggy host might. */
const patchClip = (clipId: string, patch: Record<string, unknown>) => (adapter: MemoryAdapter) => {
  const raw = adapter.state.clips[clipId] as Record<string, unknown>;
  adapter.setRawClip(clipId, { ...raw, ...patch });
};

/**
 * The provider always gets the same language as the demo content, so labels and content agree even on
 * the docs page, where all stories share one document (and one `<html lang>`).
 */
const card = (args: Args, adapter: SamenAdapter | undefined, locale: string): TemplateResult =>
  html`<samen-provider .adapter=${adapter} locale=${locale}>
    <samen-lesson-clip
      clip-id=${args['clip-id']}
      view=${args.view}
      locale=${ifDefined(args.locale)}
      theme=${ifDefined(args.theme)}
      @samen-answer=${args['onSamen-answer']}
      @samen-seen=${args['onSamen-seen']}
      @samen-react=${args['onSamen-react']}
      @samen-error=${args['onSamen-error']}
      @samen-attention=${args['onSamen-attention']}
    ></samen-lesson-clip>
  </samen-provider>`;

const column = (content: TemplateResult) => html`<div style="max-width: 34rem">${content}</div>`;

const meta: Meta<Args> = {
  title: 'Widgets/Lesson clip',
  component: 'samen-lesson-clip',
  args: { 'clip-id': 'wish-2', view: 'parent' },
  loaders: [withAdapter()],
  render: (args, { loaded, globals }) => column(card(args, loaded['adapter'] as SamenAdapter | undefined, uiLocale(args, globals))),
};
export default meta;

type Story = StoryObj<Args>;

/** A parent's first look: what the children learned, and the question to talk about at home. */
export const Parent: Story = {};

/** The family already answered: the answer is shown, with a button to change it. */
export const ParentAnswered: Story = {
  args: { 'clip-id': 'wish-4' },
  loaders: [
    withAdapter(async (adapter, args, locale) => {
      await adapter.saveHomeAnswer({
        id: 'story-answer-1',
        clipId: args['clip-id'],
        kind: 'text',
        text:
          locale === 'en'
            ? 'At the supermarket she asked for a different bag herself. Proud!'
            : 'In de supermarkt vroeg ze zelf om een andere tas. Trots!',
      });
    }),
  ],
};

/** The teacher sees how many families saw it, talked about it at home and answered, with the answers. */
export const Teacher: Story = { args: { view: 'teacher' } };

/** Every adapter call takes a day: the skeleton with a screen-reader "loading" status. */
export const Loading: Story = { loaders: [withAdapter(undefined, { latency: 86_400_000 })] };

/** The adapter reports `offline`: an error card with a retry button (which keeps failing here). */
export const ErrorOffline: Story = {
  name: 'Error (offline)',
  loaders: [withAdapter((adapter) => adapter.fail('getLessonClip', 'offline'))],
};

/** No `<samen-provider>` adapter and no `configure()`: the card says it isn't connected and offers no retry. */
export const NotConnected: Story = { loaders: [() => ({ adapter: undefined })] };

/** The host sends a clip without a title: the card refuses it and names the field (never its value). */
export const InvalidData: Story = { loaders: [withAdapter(patchClip('wish-2', { title: undefined }))] };

/**
 * The host sends an `http:` video with a `javascript:` poster and captions: the media is refused
 * (nothing is requested), a notice says so, and the rest of the lesson is still readable.
 */
export const UnsafeMedia: Story = {
  loaders: [
    withAdapter(
      patchClip('wish-2', {
        media: {
          kind: 'video',
          src: 'http://video.example/les-2.mp4',
          poster: 'javascript:alert(1)',
          captions: [{ src: 'javascript:alert(2)', srclang: 'nl', label: 'Nederlands' }],
        },
      }),
    ),
  ],
};

/**
 * A video clip with a poster and a captions track (Dutch or English, on by default). The source is a
 * local `blob:` URL with a few placeholder bytes (not a real video): the story is about the poster and
 * the captions UI, not playback. (A zero-byte blob makes Chromium log a failed range request.)
 */
export const Video: Story = {
  args: { 'clip-id': 'wish-1' },
  loaders: [withAdapter(undefined, { videoSrc: URL.createObjectURL(new Blob(['placeholder'], { type: 'video/mp4' })) })],
};

/** Four photos from the lesson, each with its description. */
export const Photos: Story = {
  args: { 'clip-id': 'wish-3' },
  loaders: [
    withAdapter((adapter, _args, locale) => {
      const en = locale === 'en';
      const alts = en
        ? [
            'A strong posture: standing up straight',
            'A scared posture: shoulders up',
            'Looking each other in the eye',
            'The whole class in a circle',
          ]
        : ['Een sterke houding: rechtop staan', 'Een bange houding: schouders omhoog', 'Elkaar aankijken', 'De hele klas in de kring'];
      patchClip('wish-3', { media: { kind: 'photos', photos: alts.map((alt, i) => ({ src: `illustration:photos-${i}`, alt })) } })(adapter);
    }),
  ],
};

const long = (unit: string, length = 40_000) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/**
 * 40,000-character fields, words without spaces and HTML in the text: titles are cut at 200
 * characters and other text at 4,000, long words wrap, and markup shows as text (nothing runs or loads).
 */
export const LongTexts: Story = {
  args: { 'clip-id': 'wish-5' },
  loaders: [
    withAdapter(
      patchClip('wish-5', {
        programme: 'custom',
        programmeLabel: long('Weerbaarheidstraining voor groep 6 '),
        title: long('Gevoelens herkennen bij jezelf en bij een ander '),
        classLabel: long('Groep6-Zonnebloem-'),
        goal: '<b>Niet vet</b> <script>alert("xss")</script><img src="https://tracker.invalid/pixel.gif" onerror="alert(1)">',
        learned: long('Superkalifragilistisch'),
        homeQuestion: `<a href="javascript:alert(1)">Klik hier</a> ${long('Waar in je lijf voel jij het als je boos bent? ')}`,
      }),
    ),
  ],
};

/** Dutch content and interface, whatever the toolbar says. */
export const Dutch: Story = {
  args: { locale: 'nl' },
  globals: { locale: 'nl' },
};

/** English content and interface, whatever the toolbar says. */
export const English: Story = {
  args: { locale: 'en' },
  globals: { locale: 'en' },
};

/**
 * An Arabic-speaking family, whatever the toolbar says: the labels in Arabic, right to left; the
 * teacher's words stay in the school's language (docs/screenshots/ar/lesson-clip.png).
 */
export const Arabic: Story = {
  render: (args, { loaded }) =>
    html`<div dir="rtl" lang="ar" style="max-width: 34rem">${card(args, loaded['adapter'] as SamenAdapter | undefined, 'ar')}</div>`,
};

/**
 * `theme="dark"` on the element, in a dark host app. (The toolbar's theme is not pinned: on the docs
 * page that would switch the whole page's `color-scheme`, and every card without a `theme` with it.)
 */
export const DarkTheme: Story = {
  args: { theme: 'dark' },
  render: (args, { loaded, globals }) =>
    html`<div style="background: #101318; padding: 1rem; max-width: 36rem">
      ${card(args, loaded['adapter'] as MemoryAdapter | undefined, uiLocale(args, globals))}
    </div>`,
};

/**
 * One shared MemoryAdapter seen by two carers of the same family and by the teacher
 * (`adapter.forViewer`). Answer as one parent: the teacher's reach numbers and answers update
 * live through `adapter.subscribe`; the other carer (another household) does not see the
 * answer, and answers for themselves. The teacher counts the family once and reads both.
 */
export const SideBySide: Story = {
  args: { 'clip-id': 'wish-7' },
  parameters: { layout: 'fullscreen', controls: { include: ['clip-id', 'locale', 'theme'] } },
  // Always the parent as the base viewer; the panes pick their own viewers.
  loaders: [({ args, globals }) => withAdapter()({ args: { ...args, view: 'parent' }, globals })],
  render: (args, { loaded, globals }) => {
    const adapter = loaded['adapter'] as MemoryAdapter;
    const pane = (heading: string, viewer: MemoryAdapter, view: View) =>
      html`<section style="display: grid; gap: 0.5rem; align-content: start">
        <h2 style="font: 600 0.9rem system-ui; margin: 0">${heading}</h2>
        ${card({ ...args, view }, viewer, uiLocale(args, globals))}
      </section>`;
    return html`<div
      style="display: grid; gap: 1rem; padding: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr)); align-items: start"
    >
      ${pane('parent-1', adapter, 'parent')} ${pane('parent-2 (same family)', adapter.forViewer('parent-2'), 'parent')}
      ${pane('teacher-1', adapter.forViewer('teacher-1'), 'teacher')}
    </div>`;
  },
};

/**
 * The teacher answers a family, privately, in the same card (issue 24): Familie Jansen answered
 * and Juf Sanne wrote back; the parent's card shows it under their answer (unread until opened).
 * Open "Antwoorden" on another family's answer in the teacher's pane and write: nobody else sees it.
 */
export const TeacherAnswersFamily: Story = {
  args: { 'clip-id': 'wish-4' },
  parameters: { layout: 'fullscreen', controls: { include: ['locale', 'theme'] } },
  loaders: [
    ({ args, globals }) =>
      withAdapter(async (adapter, _args, locale) => {
        await adapter.saveHomeAnswer({
          id: 'story-answer-1',
          clipId: 'wish-4',
          kind: 'text',
          text: locale === 'en' ? 'She asked for a different bag herself. Proud!' : 'Ze vroeg zelf om een andere tas. Trots!',
        });
        await adapter.forViewer('teacher-1').addThreadMessage({
          id: 'story-thread-1',
          about: { kind: 'answer', id: 'wish-4' },
          familyId: 'fam-01',
          text: locale === 'en' ? 'How lovely! Well done, Noor.' : 'Wat fijn om te lezen! Goed gedaan, Noor.',
        });
      })({ args: { ...args, view: 'parent' }, globals }),
  ],
  render: (args, { loaded, globals }) => {
    const adapter = loaded['adapter'] as MemoryAdapter;
    const pane = (heading: string, viewer: MemoryAdapter, view: View) =>
      html`<section style="display: grid; gap: 0.5rem; align-content: start">
        <h2 style="font: 600 0.9rem system-ui; margin: 0">${heading}</h2>
        ${card({ ...args, view }, viewer, uiLocale(args, globals))}
      </section>`;
    return html`<div
      style="display: grid; gap: 1rem; padding: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr)); align-items: start"
    >
      ${pane('parent-1', adapter, 'parent')} ${pane('teacher-1', adapter.forViewer('teacher-1'), 'teacher')}
    </div>`;
  },
};

/**
 * Two households of one child (issue 24): Familie El Amrani lives at two addresses. The first
 * address answered and Juf Sanne wrote back; the second address's card shows neither (each
 * household's words, draft and thread are its own) and says who sees what they write. The
 * teacher counts addresses beside families ("… van 25 adressen") and her private list names
 * the address not reached yet (open "Nog niet bereikt"): "Familie El Amrani — tweede adres".
 */
export const TwoHouseholds: Story = {
  args: { 'clip-id': 'wish-4' },
  parameters: { layout: 'fullscreen', controls: { include: ['locale', 'theme'] } },
  loaders: [
    ({ args, globals }) =>
      withAdapter(
        async (adapter, _args, locale) => {
          await adapter.saveHomeAnswer({
            id: 'story-household-1',
            clipId: 'wish-4',
            kind: 'text',
            text: locale === 'en' ? 'We practised saying no at the shop.' : 'We oefenden nee zeggen in de winkel.',
          });
          await adapter.forViewer('teacher-1').addThreadMessage({
            id: 'story-household-thread-1',
            about: { kind: 'answer', id: 'wish-4' },
            familyId: 'fam-03',
            householdId: 'fam-03-1',
            text: locale === 'en' ? 'Great practice! Well done.' : 'Goed geoefend! Knap gedaan.',
          });
        },
        { viewerId: 'parent-5' },
      )({ args: { ...args, view: 'parent' }, globals }),
  ],
  render: (args, { loaded, globals }) => {
    const adapter = loaded['adapter'] as MemoryAdapter;
    const pane = (heading: string, viewer: MemoryAdapter, view: View) =>
      html`<section style="display: grid; gap: 0.5rem; align-content: start">
        <h2 style="font: 600 0.9rem system-ui; margin: 0">${heading}</h2>
        ${card({ ...args, view }, viewer, uiLocale(args, globals))}
      </section>`;
    return html`<div
      style="display: grid; gap: 1rem; padding: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr)); align-items: start"
    >
      ${pane('parent-5 (eerste adres)', adapter, 'parent')} ${pane('parent-6 (tweede adres)', adapter.forViewer('parent-6'), 'parent')}
      ${pane('teacher-1', adapter.forViewer('teacher-1'), 'teacher')}
    </div>`;
  },
};

/**
 * Offline on a train: the parent's answer is kept on this device (outbox), the card says so,
 * and the answer is sent when the connection is back. Nothing typed is lost.
 */
export const QueuedOnThisDevice: Story = {
  loaders: [
    async (context) => {
      const { adapter } = await withAdapter()(context);
      return { adapter: adapter && offlineOutbox(adapter) };
    },
  ],
  play: async ({ canvasElement }) => {
    typeInto(
      await inWidget<HTMLTextAreaElement>(canvasElement, 'samen-lesson-clip', '[part~="answer-input"]'),
      'We oefenden hoe je zegt wat je voelt.',
    );
    (await inWidget<HTMLButtonElement>(canvasElement, 'samen-lesson-clip', '[part~="send-button"]')).click();
  },
};

/**
 * A parent is typing when an answer from home comes in (the same parent on their tablet): the
 * box stays open with the words typed and says what came in. Send replaces that answer, Cancel
 * shows it. Nothing typed is lost.
 */
export const AnswerCameInWhileTyping: Story = {
  play: async ({ canvasElement, loaded }) => {
    typeInto(
      await inWidget<HTMLTextAreaElement>(canvasElement, 'samen-lesson-clip', '[part~="answer-input"]'),
      'Ze vertelde dat ze het op het plein ook deed.',
    );
    const adapter = loaded['adapter'] as MemoryAdapter;
    await adapter
      .forViewer('parent-1')
      .saveHomeAnswer({ id: 'story-from-the-tablet', clipId: 'wish-2', kind: 'text', text: 'Op de tablet: we oefenden het aan tafel.' });
    await inWidget(canvasElement, 'samen-lesson-clip', '[part~="answered-meanwhile"]');
  },
};

/**
 * The host has no media consent for this viewer (`mediaConsent: false`, seeded on
 * Kanjertraining lesson 2): the card shows the lesson, goal and home question with a kind
 * placeholder, and no photo URL is put in the page, so nothing is requested.
 */
export const MediaConsentWithheld: Story = {
  args: { 'clip-id': 'kanjer-2' },
};

/**
 * The teacher's reach counts families, not carers (two households of one child are one
 * family), with a private, collapsible list of families not reached yet, to ask in person.
 * The play function opens the list.
 */
export const TeacherNotReached: Story = {
  args: { view: 'teacher' },
  loaders: [
    withAdapter(async (adapter, args) => {
      // Both carers of the Jansen family see the clip: one family reached, counted once.
      await adapter.markSeen({ id: 'story-seen-parent-1', clipId: args['clip-id'] });
      await adapter.forViewer('parent-2').markSeen({ id: 'story-seen-parent-2', clipId: args['clip-id'] });
    }),
  ],
  play: async ({ canvasElement }) => {
    (await inWidget<HTMLElement>(canvasElement, 'samen-lesson-clip', '[part~="not-reached"] summary')).click();
  },
};

/**
 * "Preview as parent": the teacher's switch renders the parent view of the same clip,
 * read-only (nothing is sent or marked seen). The play function turns it on.
 */
export const PreviewAsParent: Story = {
  args: { view: 'teacher' },
  play: async ({ canvasElement }) => {
    (await inWidget<HTMLButtonElement>(canvasElement, 'samen-lesson-clip', '[part~="preview-toggle"]')).click();
  },
};

/**
 * The class board (issue 24): what groep 6 sees together on the digiboard under their clip. How
 * many families watched it, talked about it and reacted, as big figures (one or two families read
 * "Een paar"), and the answers families chose to share with the class, without names. Signed in
 * as a child of the class (child-login-1); a teacher of the class sees the same board.
 */
export const ClassBoard: Story = {
  args: { view: 'child' },
  parameters: { layout: 'fullscreen', controls: { include: ['locale', 'theme'] } },
  loaders: [
    async ({ args, globals }: { args: Args; globals: Context['globals'] }) => {
      const adapter = new MemoryAdapter({ now: NOW, locale: contentLocale(args, globals), viewerId: 'child-login-1' });
      return { adapter: withToolbarNetwork(adapter, globals) };
    },
  ],
  render: (args, { loaded, globals }) =>
    html`<div style="max-width: 72rem; padding: 1rem">${card(args, loaded['adapter'] as SamenAdapter | undefined, uiLocale(args, globals))}</div>`,
};

/** After the last lesson (issue 26): a follow-up post, "Denkt u nog aan …?", marked "Vervolg op les 8" for parents. */
export const FollowUpPost: Story = {
  args: { 'clip-id': 'wish-follow-up' },
};

/**
 * A clip scheduled for later (issue 26), as its teacher sees it: "Gepland voor …". Parents and
 * children don't get it until then (their read is not-found).
 */
export const ScheduledAsTeacher: Story = {
  args: { view: 'teacher', 'clip-id': 'wish-follow-up-2' },
};
