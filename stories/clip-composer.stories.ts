import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { MemoryAdapter } from '../src/adapters/memory-adapter.js';
import type { SamenClipComposer } from '../src/clip-composer/clip-composer.js';
import type { SamenAdapter } from '../src/core/adapter.js';
import { inWidget, storyAdapter, STORY_NOW } from './support/story-adapter.js';
import '../src/define/samen-provider.js';
import '../src/define/samen-clip-composer.js';
import '../src/define/samen-lesson-clip.js';
import '../src/locales/ar.js';

interface Args {
  locale: string;
  theme: '' | 'dark';
}

const CLASSES = [
  { id: 'groep6-wish', label: 'Groep 6' },
  { id: 'groep5-kanjer', label: 'Groep 5' },
];

/** Each story starts from an empty draft: the composer keeps drafts per teacher on this device. */
function freshDraft(): void {
  localStorage.removeItem('samen:composer:teacher-1');
}

const teacher = (setup?: (adapter: MemoryAdapter) => void) => storyAdapter('teacher', setup, { now: STORY_NOW, uploadMs: 2500 });

const composer = (args: Args, adapter: SamenAdapter | undefined) => {
  freshDraft();
  return html`<samen-provider .adapter=${adapter} locale=${args.locale || nothing}>
    <samen-clip-composer .classes=${CLASSES} theme=${args.theme || ''}></samen-clip-composer>
  </samen-provider>`;
};

const find = (canvas: HTMLElement) => canvas.querySelector('samen-clip-composer') as SamenClipComposer;

async function chooseLesson(canvas: HTMLElement, lessonId: string): Promise<SamenClipComposer> {
  const programme = await inWidget<HTMLSelectElement>(canvas, 'samen-clip-composer', '#programme');
  const el = find(canvas);
  programme.value = lessonId.split('-')[0]!;
  programme.dispatchEvent(new Event('change'));
  await el.updateComplete;
  const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#lesson')!;
  select.value = lessonId;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
  return el;
}

/** A small picture made on the device, so no story requests a third party. */
async function photo(name = 'kring.png'): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 480;
  canvas.height = 270;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#d8ecff';
  g.fillRect(0, 0, 480, 270);
  g.fillStyle = '#1a6b58';
  for (let i = 0; i < 4; i++) g.fillRect(60 + i * 100, 110, 60, 120);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

const meta: Meta<Args> = {
  title: 'Widgets/Clip composer',
  component: 'samen-clip-composer',
  // No locale of its own: the cards follow Storybook's language toolbar (the page's lang).
  args: { locale: '', theme: '' },
  render: (args) => html`<div style="max-width: 48rem">${composer(args, teacher())}</div>`,
  parameters: {
    docs: {
      description: {
        component:
          'The teacher posts a lesson clip in a minute: pick the programme and lesson, and the goal, a “what we learned” starter, ' +
          'a question and a practice activity for home are filled in from the programme library (WIsH 1–8, Kanjertraining, PBS, ' +
          'or the school’s own). Attach a video with captions or photos (checked for type and size, with progress and stop), ' +
          'preview it as a parent sees it, in the parent’s language, and publish. The draft stays on the device. ' +
          'Beside each text the library filled in, it says whether it is the programme’s own or an example to adapt; ' +
          'a lesson can name its sub-group (WIsH teaches girls and boys apart) and who taught it with the teacher.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Nothing chosen yet. */
export const Empty: Story = {};

/** WIsH lesson 3 (body language) chosen: everything is filled in, ready to adapt. */
export const PrefilledWishLesson3: Story = {
  play: async ({ canvasElement }) => {
    await chooseLesson(canvasElement, 'wish-3');
  },
};

/**
 * WIsH lesson 1, "Grens aangeven", for the girls' group with the resilience specialist: the
 * lesson's name is the programme's own, the texts are examples to adapt (the note says so),
 * and the teacher sees how WIsH runs around its lessons.
 */
export const WishLessonForAGroup: Story = {
  play: async ({ canvasElement }) => {
    const el = await chooseLesson(canvasElement, 'wish-1');
    const root = el.shadowRoot!;
    const fill = (selector: string, text: string) => {
      const input = root.querySelector<HTMLInputElement>(selector)!;
      input.value = text;
      input.dispatchEvent(new Event('input'));
    };
    fill('#group', 'Groep 6 — meisjes');
    fill('#co-teacher', 'Ellen, weerbaarheidsspecialist');
    root.querySelector<HTMLDetailsElement>('[part~="programme-info"]')!.open = true;
    await el.updateComplete;
  },
};

/** A photo on its way, with its progress bar and a stop button. */
export const Uploading: Story = {
  render: (args) =>
    composer(
      args,
      teacher((adapter) => (adapter.uploadMs = 60_000)),
    ),
  play: async ({ canvasElement }) => {
    const el = await chooseLesson(canvasElement, 'wish-3');
    el.addFiles([await photo()]);
    await inWidget(canvasElement, 'samen-clip-composer', '[part~="upload"] progress');
  },
};

/** A file too big and one of the wrong type are refused before anything is sent, with the reason. */
export const UploadRefused: Story = {
  play: async ({ canvasElement }) => {
    const el = await chooseLesson(canvasElement, 'wish-3');
    el.addFiles([
      new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'klassenfoto.jpg', { type: 'image/jpeg' }),
      new File(['%PDF-1.7'], 'brief-ouders.pdf', { type: 'application/pdf' }),
    ]);
    await inWidget(canvasElement, 'samen-clip-composer', '.refusals');
  },
};

/** The preview: the real parent card of the draft, here in Arabic, right to left. */
export const Preview: Story = {
  render: (args) =>
    composer(
      args,
      teacher((adapter) => (adapter.uploadMs = 0)),
    ),
  play: async ({ canvasElement }) => {
    const el = await chooseLesson(canvasElement, 'wish-3');
    el.addFiles([await photo()]);
    const alt = await inWidget<HTMLInputElement>(canvasElement, 'samen-clip-composer', '[part~="attached"] input');
    alt.value = 'Vier kinderen staan rechtop naast elkaar';
    alt.dispatchEvent(new Event('input'));
    const language = el.shadowRoot!.querySelector<HTMLSelectElement>('#preview-locale')!;
    language.value = 'ar';
    language.dispatchEvent(new Event('change'));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="preview-button"]')!.click();
    await inWidget(canvasElement, 'samen-clip-composer', '[part~="preview"] samen-lesson-clip');
  },
};

/** Published: the teacher sees the new clip in the class, with its reach. */
export const Published: Story = {
  play: async ({ canvasElement }) => {
    const el = await chooseLesson(canvasElement, 'kanjer-1');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="publish-button"]')!.click();
    await inWidget(canvasElement, 'samen-clip-composer', '[part~="published"]');
  },
};

/** A host adapter without uploadMedia and publishLessonClip: the composer says so and keeps the draft. */
export const AdapterWithoutUploads: Story = {
  render: (args) => {
    const adapter = teacher();
    return composer(
      args,
      Object.assign(Object.create(adapter) as MemoryAdapter, {
        uploadMedia: undefined,
        publishLessonClip: undefined,
        getUploadedMedia: undefined,
      }),
    );
  },
};

/** Arabic: the composer reads right to left; the lessons come in English to adapt. */
export const RightToLeft: Story = { args: { locale: 'ar' } };

export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await chooseLesson(canvasElement, 'pbs-2');
  },
};

/** The whole flow: the teacher publishes, the parent's card appears beside it and can be answered. */
export const ComposeToParent: Story = {
  render: (args) => {
    const adapter = teacher();
    const parent = adapter.forViewer('parent-1');
    freshDraft();
    const show = (event: CustomEvent<{ clipId: string }>) => {
      const provider = (event.currentTarget as HTMLElement).parentElement!.querySelector('#parent-card')!;
      const card = document.createElement('samen-lesson-clip');
      card.setAttribute('view', 'parent');
      card.clipId = event.detail.clipId;
      provider.replaceChildren(card);
    };
    return html`<div style="display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr))">
      <samen-provider .adapter=${adapter} locale=${args.locale || nothing} @samen-publish=${show}>
        <samen-clip-composer .classes=${CLASSES}></samen-clip-composer>
      </samen-provider>
      <samen-provider id="parent-card" .adapter=${parent} locale=${args.locale || nothing}>
        <p>The parent’s card appears here once the clip is published.</p>
      </samen-provider>
    </div>`;
  },
};

// ------------------------------------------------------------------ the rhythm and after the last lesson (issue 26)

async function schedule(el: SamenClipComposer, day?: string, hour?: number): Promise<void> {
  const root = el.shadowRoot!;
  root.querySelector<HTMLInputElement>('input[name="when"][value="later"]')!.click();
  await el.updateComplete;
  if (day) {
    const input = root.querySelector<HTMLInputElement>('#schedule-day')!;
    input.value = day;
    input.dispatchEvent(new Event('change'));
  }
  if (hour !== undefined) {
    const select = root.querySelector<HTMLSelectElement>('#schedule-hour')!;
    select.value = String(hour);
    select.dispatchEvent(new Event('change'));
  }
  await el.updateComplete;
}

async function kind(el: SamenClipComposer, value: 'follow-up' | 'repeat'): Promise<void> {
  el.shadowRoot!.querySelector<HTMLInputElement>(`input[name="kind"][value="${value}"]`)!.click();
  await el.updateComplete;
}

/** "Inplannen": the next school-day morning is suggested; beside it, the class's posted and planned lessons (the rhythm). */
export const ScheduledForTheNextSchoolDay: Story = {
  play: async ({ canvasElement }) => {
    const el = await chooseLesson(canvasElement, 'wish-4');
    await schedule(el);
    await inWidget(canvasElement, 'samen-clip-composer', '[part~="rhythm"]');
  },
};

/** A Saturday evening picked: a translated warning, not a block (the teacher may still plan it then). */
export const WeekendEveningWarning: Story = {
  play: async ({ canvasElement }) => {
    const el = await chooseLesson(canvasElement, 'wish-4');
    const saturday = new Date();
    saturday.setDate(saturday.getDate() + 2);
    while (saturday.getDay() !== 6) saturday.setDate(saturday.getDate() + 1);
    const pad = (n: number) => String(n).padStart(2, '0');
    await schedule(el, `${saturday.getFullYear()}-${pad(saturday.getMonth() + 1)}-${pad(saturday.getDate())}`, 21);
    await inWidget(canvasElement, 'samen-clip-composer', '[part~="schedule-warning"]');
  },
};

/** After the last lesson: "Vervolg op les …", a short reminder linked to WIsH lesson 8 ("Denkt u nog aan …?"). */
export const FollowUpToTheLastLesson: Story = {
  play: async ({ canvasElement }) => {
    const el = await chooseLesson(canvasElement, 'wish-8');
    await kind(el, 'follow-up');
  },
};

/** A repeat lesson for a later year group, from the same library, linked to the class that had it before. */
export const RepeatLesson: Story = {
  play: async ({ canvasElement }) => {
    const el = await chooseLesson(canvasElement, 'wish-3');
    await kind(el, 'repeat');
  },
};

/** Scheduled and published: the teacher sees "Ingepland voor …" and the card as planned; the host got samen-schedule. */
export const ScheduledAndPublished: Story = {
  play: async ({ canvasElement }) => {
    const el = await chooseLesson(canvasElement, 'kanjer-1');
    await schedule(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="publish-button"]')!.click();
    await inWidget(canvasElement, 'samen-clip-composer', '[part~="published"]');
  },
};
