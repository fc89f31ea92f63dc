import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { LocalAdapter } from '../../src/adapters/local-adapter.js';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import type { SamenClipComposer } from '../../src/clip-composer/clip-composer.js';
import { MEDIA_LIMITS } from '../../src/clip-composer/schemas.js';
import type { SamenAdapter } from '../../src/core/adapter.js';
import { configure } from '../../src/core/context.js';
import type { SamenErrorDetail, SamenPublishDetail } from '../../src/core/events.js';
import type { LessonClip } from '../../src/lesson-clip/schemas.js';
import '../../src/define/samen-clip-composer.js';
import '../../src/locales/ar.js';
import { collectErrors, memoryAdapter, NOW, renderClip, settled } from '../helpers/fixtures.js';

const CLASSES = [
  { id: 'groep6-wish', label: 'Groep 6' },
  { id: 'groep5-kanjer', label: 'Groep 5' },
];
const root = (el: HTMLElement) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => root(el).querySelector<T & HTMLElement>(selector)!;
const value = (el: HTMLElement, id: string) => $<HTMLInputElement>(el, `#${id}`).value;
const text = (el: HTMLElement) => root(el).textContent.replace(/\s+/g, ' ');

/** The text a person sees: text nodes that are rendered, through every shadow root, in order. */
function visibleText(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) {
      const parent = n.parentElement;
      if (parent && parent.checkVisibility() && !parent.closest('.visually-hidden')) parts.push(n.textContent ?? '');
      return;
    }
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    for (const child of n.childNodes) walk(child);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

async function renderComposer(
  adapter: SamenAdapter | undefined,
  { locale = 'nl', classes = CLASSES, library = undefined }: { locale?: string; classes?: typeof CLASSES; library?: unknown } = {},
) {
  const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale=${locale}>
    <samen-clip-composer .classes=${classes} .library=${library}></samen-clip-composer>
  </samen-provider>`);
  const el = wrapper.querySelector('samen-clip-composer')!;
  await settled(el);
  return el;
}

async function choose(el: SamenClipComposer, id: string, option: string) {
  const select = $<HTMLSelectElement>(el, `#${id}`);
  select.value = option;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function type(el: SamenClipComposer, selector: string, text: string) {
  const field = $<HTMLInputElement>(el, selector);
  field.value = text;
  field.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

const png = (name = 'klas.png', size = 64) => new File([new Uint8Array(size).fill(7)], name, { type: 'image/png' });

async function attachPhoto(el: SamenClipComposer, alt = 'Kinderen staan rechtop in een kring') {
  el.addFiles([png()]);
  await waitUntil(() => root(el).querySelector('[part~="attached"]'), 'photo attached');
  await el.updateComplete;
  await type(el, '[part~="attached"] input', alt);
}

async function openPreview(el: SamenClipComposer) {
  $(el, '[part~="preview-button"]').click();
  await el.updateComplete;
  await waitUntil(() => root(el).querySelector('samen-lesson-clip'), 'preview card');
  const card = root(el).querySelector('samen-lesson-clip')!;
  await settled(card);
  await waitUntil(() => card.shadowRoot?.querySelector('samen-feedback-bar')?.shadowRoot?.querySelector('[part~="base"]'), 'preview bar');
  return card;
}

async function publish(el: SamenClipComposer): Promise<SamenPublishDetail> {
  const published = oneEvent(el, 'samen-publish');
  $(el, '[part~="publish-button"]').click();
  return (await published).detail;
}

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
  configure({ adapter: undefined, locale: undefined });
});

// Lit's development build warns (once per page) about mistakes such as a change in `updated()`:
// any warning fails the test it happened in. Forgetting the issued ones lets each test hear its own.
const litWarnings: string[] = [];
const warn = console.warn;
before(() => {
  console.warn = (...args: unknown[]) => {
    if (!/Lit is in dev mode/.test(String(args[0]))) litWarnings.push(args.map(String).join(' '));
    warn.apply(console, args);
  };
});
after(() => {
  console.warn = warn;
});
beforeEach(() => {
  litWarnings.length = 0;
  (globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings?.clear();
});
afterEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(litWarnings, 'Lit dev-mode warnings').to.deep.equal([]);
});

describe('<samen-clip-composer>', () => {
  it('starts empty and accessible, with the shipped programmes and WIsH lessons 1–8', async () => {
    const el = await renderComposer(memoryAdapter({ viewerId: 'teacher-1' }));
    await expect(el).to.be.accessible();
    expect($(el, 'h2').textContent).to.equal('Lesbericht plaatsen');
    const programmes = [...root(el).querySelectorAll('#programme option')].map((o) => o.textContent.trim());
    expect(programmes).to.deep.equal(['WIsH', 'Kanjertraining', 'PBS', 'Eigen programma']);
    const lessons = [...root(el).querySelectorAll('#lesson option')].map((o) => o.textContent.trim());
    expect(lessons).to.have.length(9);
    expect(lessons[3]).to.equal('Les 3: Lichaamstaal');
    expect(value(el, 'title')).to.equal('');
    expect([...root(el).querySelectorAll('#class option')].map((o) => o.textContent)).to.deep.equal(['Groep 6', 'Groep 5']);
  });

  it('fills in WIsH lesson 3 from the library, in the teacher’s language', async () => {
    const el = await renderComposer(memoryAdapter({ viewerId: 'teacher-1' }), { locale: 'en' });
    await choose(el, 'lesson', 'wish-3');
    expect(value(el, 'title')).to.equal('Body language');
    expect(value(el, 'goal')).to.equal('You show with your posture that you are confident.');
    expect(value(el, 'learned')).to.match(/^Today we learned/);
    expect(value(el, 'homeQuestion')).to.contain('confident');
    expect(value(el, 'homeActivity')).to.contain('mirror');
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('Filled in from the lesson library');
    await expect(el).to.be.accessible();
    await choose(el, 'programme', 'kanjer');
    expect([...root(el).querySelectorAll('#lesson option')].map((o) => o.textContent.trim())[1]).to.equal('Lesson 1: The four caps');
  });

  it('says beside each library text whether it is the programme’s own or an example to adapt, until the teacher changes it', async () => {
    const el = await renderComposer(memoryAdapter({ viewerId: 'teacher-1' }));
    await choose(el, 'lesson', 'wish-1');
    expect(value(el, 'title')).to.equal('Grens aangeven');
    const note = (field: string) => root(el).querySelector(`#${field}-source`)?.textContent?.trim();
    expect(note('title'), 'WIsH names lesson 1 “Grens aangeven”').to.equal('Zo heet de les in het programma');
    for (const field of ['goal', 'learned', 'homeQuestion', 'homeActivity']) {
      expect(note(field), field).to.equal('Voorbeeldtekst — pas aan naar jullie les');
      expect($(el, `#${field}`).getAttribute('aria-describedby'), field).to.contain(`${field}-source`);
    }
    expect($(el, '#learned').getAttribute('aria-describedby')).to.equal('learned-hint learned-source');
    // The programme's course, for the teacher: the information evening with lesson 1, and how WIsH runs.
    expect($(el, '[part~="lesson-note"]').textContent).to.contain('informatieavond');
    expect($(el, '[part~="programme-info"] summary').textContent).to.equal('Over WIsH');
    expect($(el, '[part~="programme-info"]').textContent).to.contain('Meisjes en jongens krijgen WIsH apart');
    await expect(el).to.be.accessible();

    await type(el, '#goal', 'Je zegt wat je voelt, met de WIsH-stappen.');
    expect(note('goal'), 'the teacher’s own words carry no note').to.equal(undefined);
    expect($(el, '#goal').hasAttribute('aria-describedby')).to.equal(false);
    expect(note('homeQuestion')).to.equal('Voorbeeldtekst — pas aan naar jullie les');

    await choose(el, 'lesson', 'wish-3');
    expect(note('title'), 'lessons 2–6 are named by us').to.equal('Voorbeeldtekst — pas aan naar jullie les');
    expect(root(el).querySelector('[part~="lesson-note"]')).to.equal(null);
    await choose(el, 'text-lang', 'en');
    expect(note('goal'), 'the library’s English is an example too').to.equal('Voorbeeldtekst — pas aan naar jullie les');
    await choose(el, 'programme', 'custom');
    expect(root(el).querySelector('[part~="source-note"], [part~="programme-info"]')).to.equal(null);
  });

  it('says “example text” in the teacher’s language, and nothing beside a school’s own lesson', async () => {
    const el = await renderComposer(memoryAdapter({ viewerId: 'teacher-1' }), {
      locale: 'en',
      library: [{ id: 'wish-2', programme: 'wish', lessonNumber: 2, title: { en: 'Our own lesson 2' }, goal: { en: 'Our goal' } }],
    });
    await choose(el, 'programme', 'kanjer');
    await choose(el, 'lesson', 'kanjer-1');
    expect($(el, '#goal-source').textContent.trim()).to.equal('Example text — adapt it to your lesson');
    expect($(el, '[part~="programme-info"]').textContent).to.contain('Every cap has a strong side too');
    await choose(el, 'programme', 'wish');
    await choose(el, 'lesson', 'wish-2');
    expect(value(el, 'title')).to.equal('Our own lesson 2');
    expect(root(el).querySelector('[part~="source-note"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('posts a lesson to a sub-group with a co-teacher: both on the parent’s card, and kept for the next clip', async () => {
    const teacher = memoryAdapter({ viewerId: 'teacher-1' });
    const el = await renderComposer(teacher);
    await choose(el, 'lesson', 'wish-1');
    const suggestions = [...root(el).querySelectorAll<HTMLOptionElement>('#group-suggestions option')].map((o) => o.value);
    expect(suggestions, 'WIsH teaches girls and boys apart').to.deep.equal(['Groep 6 — meisjes', 'Groep 6 — jongens']);
    expect($(el, '#group').getAttribute('list')).to.equal('group-suggestions');
    expect($(el, '#group').getAttribute('maxlength')).to.equal('100');
    expect($(el, '#co-teacher').getAttribute('maxlength')).to.equal('100');
    expect(root(el).querySelector('label[for="group"]')!.textContent).to.equal('Deelgroep (niet verplicht)');
    expect(root(el).querySelector('label[for="co-teacher"]')!.textContent).to.equal('Samen gegeven met (niet verplicht)');
    await type(el, '#group', 'Groep 6 — meisjes');
    await type(el, '#co-teacher', ' Ellen, weerbaarheidsspecialist ');
    await expect(el).to.be.accessible();
    const preview = await openPreview(el);
    expect(visibleText(preview)).to.contain('Groep 6 — meisjes').and.contain('Met Ellen, weerbaarheidsspecialist');

    const { clipId } = await publish(el);
    expect(teacher.state.clips[clipId]).to.include({
      classLabel: 'Groep 6',
      group: 'Groep 6 — meisjes',
      coTeacher: 'Ellen, weerbaarheidsspecialist',
    });
    const card = await renderClip(teacher.forViewer('parent-1'), { clipId });
    const meta = card.shadowRoot!.querySelector('[part~="meta"]')!.textContent.replace(/\s+/g, ' ');
    expect(meta).to.contain('Groep 6 — meisjes').and.contain('Met Ellen, weerbaarheidsspecialist');
    expect(meta, 'the sub-group, not the class twice').to.not.match(/Groep 6 Groep 6/);
    expect(card.shadowRoot!.querySelector('[part~="group"]')!.getAttribute('lang')).to.equal(null);

    root(el).querySelector<HTMLButtonElement>('.actions .primary')!.click();
    await el.updateComplete;
    expect([value(el, 'title'), value(el, 'group'), value(el, 'co-teacher')]).to.deep.equal([
      '',
      'Groep 6 — meisjes',
      ' Ellen, weerbaarheidsspecialist ',
    ]);
    await choose(el, 'programme', 'pbs');
    expect(root(el).querySelector('#group-suggestions'), 'only WIsH suggests girls and boys').to.equal(null);
    await choose(el, 'class', 'groep5-kanjer');
    expect(value(el, 'group'), 'another class: the sub-group of the one before is gone').to.equal('');
    expect(value(el, 'co-teacher')).to.equal(' Ellen, weerbaarheidsspecialist ');
  });

  it('reads a draft kept before sub-groups existed, and publishes without them', async () => {
    const teacher = memoryAdapter({ viewerId: 'teacher-1' });
    localStorage.setItem(
      'samen:composer:teacher-1',
      JSON.stringify({
        classId: 'groep6-wish',
        programme: 'wish',
        lessonId: 'wish-4',
        programmeLabel: '',
        lessonNumber: 4,
        title: 'Voor jezelf opkomen',
        goal: '',
        learned: '',
        homeQuestion: 'Wanneer kwam jij voor jezelf op?',
        homeActivity: '',
        media: [],
        previewLocale: '',
      }),
    );
    const el = await renderComposer(teacher);
    expect([value(el, 'title'), value(el, 'group'), value(el, 'co-teacher')]).to.deep.equal(['Voor jezelf opkomen', '', '']);
    const { clipId } = await publish(el);
    expect(teacher.state.clips[clipId]).to.not.have.any.keys('group', 'coTeacher');
  });

  it('goes from composing to the parent’s card end to end on the MemoryAdapter: the preview is the parent view', async () => {
    const teacher = memoryAdapter({ viewerId: 'teacher-1' });
    const el = await renderComposer(teacher);
    await choose(el, 'lesson', 'wish-3');
    await type(el, '#learned', 'Vandaag leerden we dat je lichaam ook praat. Ik sta nu rechtop!');
    await attachPhoto(el);
    const preview = await openPreview(el);
    await expect(el).to.be.accessible();
    expect(preview.getAttribute('view')).to.equal('parent');
    const previewText = visibleText(preview);
    expect(previewText).to.contain('Lichaamstaal').and.contain('Ik sta nu rechtop!').and.contain('Thuis oefenen');
    const previewAlt = preview.shadowRoot!.querySelector('img')!.alt;

    const { clipId } = await publish(el);
    await waitUntil(() => root(el).querySelector('[part~="published"]'), 'published');
    expect(text(el)).to.contain('Geplaatst. Ouders kunnen het lesbericht nu zien.');
    expect(root(el).activeElement).to.equal($(el, '[part~="published"]'));
    await expect(el).to.be.accessible();

    // A parent opens the clip: word for word what the preview showed.
    const parentCard = await renderClip(teacher.forViewer('parent-1'), { clipId });
    await waitUntil(() => parentCard.shadowRoot!.querySelector('samen-feedback-bar')?.shadowRoot?.querySelector('[part~="base"]'), 'bar');
    expect(visibleText(parentCard)).to.equal(previewText);
    expect(parentCard.shadowRoot!.querySelector('img')!.alt).to.equal(previewAlt);
    const raw = teacher.state.clips[clipId] as LessonClip;
    expect(raw).to.include({
      programme: 'wish',
      lessonNumber: 3,
      title: 'Lichaamstaal',
      classId: 'groep6-wish',
      classLabel: 'Groep 6',
      lang: 'nl',
    });
    expect(raw.homeActivity).to.contain('spiegel');

    // …and the teacher sees it in the class, with its reach.
    const teacherCard = await renderClip(teacher, { clipId, view: 'teacher' });
    expect(teacherCard.shadowRoot!.querySelector('h2')!.textContent).to.equal('Lichaamstaal');
    expect(teacherCard.shadowRoot!.querySelector('[part~="reach"]')!.textContent).to.contain('0 van 24');

    // The parent answers; the teacher's card shows it.
    const textarea = parentCard.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'We deden het voor de spiegel';
    textarea.dispatchEvent(new Event('input'));
    await parentCard.updateComplete;
    const answered = oneEvent(parentCard, 'samen-answer');
    parentCard.shadowRoot!.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    await answered;
    await waitUntil(() => teacherCard.shadowRoot!.textContent.includes('We deden het voor de spiegel'), 'answer reaches the teacher');
  });

  it('says the language the clip is written in: the UI’s, or the one the teacher picks (untouched library texts follow), marked on the parent’s card', async () => {
    const teacher = memoryAdapter({ viewerId: 'teacher-1' });
    const el = await renderComposer(teacher);
    const languages = () =>
      [...root(el).querySelectorAll<HTMLOptionElement>('#text-lang option')].map((o) => [o.value, o.textContent.trim()]);
    expect(languages().slice(0, 2)).to.deep.equal([
      ['nl', 'Nederlands'],
      ['en', 'English'],
    ]);
    expect(value(el, 'text-lang')).to.equal('nl');
    expect(root(el).querySelector('label[for="text-lang"]')!.textContent).to.equal('Taal van de teksten');
    await choose(el, 'lesson', 'wish-3');
    await type(el, '#goal', 'Je staat stevig, ook als het spannend is.');

    await choose(el, 'text-lang', 'en');
    expect(value(el, 'title')).to.equal('Body language');
    expect(value(el, 'homeQuestion')).to.equal('How can you tell someone feels confident? And scared?');
    expect(value(el, 'goal'), 'what the teacher typed stays').to.equal('Je staat stevig, ook als het spannend is.');
    expect($(el, '#title').getAttribute('lang')).to.equal('en');
    expect($(el, '#goal').getAttribute('lang')).to.equal('en');
    expect($(el, '#lesson option[value="wish-4"]').textContent).to.contain('Standing up for yourself');
    await expect(el).to.be.accessible();

    const { clipId } = await publish(el);
    expect((teacher.state.clips[clipId] as LessonClip).lang).to.equal('en');
    const card = await renderClip(teacher.forViewer('parent-1'), { clipId });
    expect(card.shadowRoot!.querySelector('h2')!.getAttribute('lang')).to.equal('en');
    // The next clip is in the same language.
    root(el).querySelector<HTMLButtonElement>('.actions .primary')!.click();
    await el.updateComplete;
    expect(value(el, 'text-lang')).to.equal('en');
  });

  it('says the library’s language when it fills in a lesson it has no text for in the teacher’s UI language (Arabic)', async () => {
    const teacher = memoryAdapter({ viewerId: 'teacher-1' });
    const el = await renderComposer(teacher, { locale: 'ar' });
    expect(value(el, 'text-lang')).to.equal('ar');
    expect($(el, '#title').hasAttribute('lang')).to.equal(false);
    await choose(el, 'lesson', 'wish-3');
    expect(value(el, 'title')).to.equal('Body language');
    expect(value(el, 'text-lang')).to.equal('en');
    expect($(el, '#title').getAttribute('lang')).to.equal('en');
    await type(el, '#homeQuestion', 'كيف تعرف أن شخصًا ما يشعر بالثقة؟');
    await choose(el, 'text-lang', 'ar');
    expect(value(el, 'title'), 'no Arabic text in the library: the English stays').to.equal('Body language');
    const { clipId } = await publish(el);
    expect((teacher.state.clips[clipId] as LessonClip).lang).to.equal('ar');
  });

  it('previews in the language a parent reads, right to left for Arabic', async () => {
    const el = await renderComposer(memoryAdapter({ viewerId: 'teacher-1' }));
    await choose(el, 'lesson', 'wish-2');
    const options = [...root(el).querySelectorAll('#preview-locale option')].map((o) => o.textContent);
    expect(options).to.include.members(['Nederlands', 'English', 'العربية']);
    await choose(el, 'preview-locale', 'ar');
    const preview = await openPreview(el);
    expect(preview.shadowRoot!.querySelector('article')!.getAttribute('dir')).to.equal('rtl');
    expect(preview.shadowRoot!.querySelector('h2')!.textContent).to.equal('Wie ben ik?');
    expect(visibleText(preview)).to.contain('الدرس 2');
    await expect(el).to.be.accessible();
  });

  it('is right to left and accessible in Arabic', async () => {
    const el = await renderComposer(memoryAdapter({ viewerId: 'teacher-1' }), { locale: 'ar' });
    expect($(el, '[part~="base"]').getAttribute('dir')).to.equal('rtl');
    expect($(el, 'h2').textContent).to.equal('نشر مقطع درس');
    await choose(el, 'lesson', 'wish-1');
    // The library has no Arabic: the lesson comes in English, for the teacher to adapt.
    expect(value(el, 'title')).to.equal('Setting a boundary');
    await expect(el).to.be.accessible();
  });

  it('keeps the draft, attached photos and the publish key across a reload (LocalAdapter)', async () => {
    const dbName = `composer-draft-${Math.random()}`;
    const first = new LocalAdapter({ dbName, now: NOW, viewerId: 'teacher-1' });
    let el = await renderComposer(first);
    await choose(el, 'lesson', 'wish-5');
    await type(el, '#title', 'Gevoelens in je lijf');
    await attachPhoto(el, 'Een tekening van een buik met een boze wolk');
    el.parentElement!.remove();
    await first.close();

    // The page loads again: a new adapter over the same database, a new composer.
    const second = new LocalAdapter({ dbName, now: NOW, viewerId: 'teacher-1' });
    el = await renderComposer(second);
    await waitUntil(() => root(el).querySelector('[part~="attached"]'), 'photo restored');
    expect(value(el, 'title')).to.equal('Gevoelens in je lijf');
    expect(value(el, 'goal')).to.equal('Je herkent gevoelens bij jezelf en bij een ander.');
    expect($<HTMLSelectElement>(el, '#lesson').value).to.equal('wish-5');
    expect($<HTMLInputElement>(el, '[part~="attached"] input').value).to.equal('Een tekening van een buik met een boze wolk');
    const preview = await openPreview(el);
    const img = preview.shadowRoot!.querySelector('img')!;
    expect(img.src).to.match(/^blob:/);
    // The restored src is a live URL for the same bytes.
    expect((await (await fetch(img.src)).arrayBuffer()).byteLength).to.equal(64);
    await expect(el).to.be.accessible();

    const { clipId } = await publish(el);
    await second.close();
    // Published clips survive a reload too, media included.
    const third = new LocalAdapter({ dbName, now: NOW, viewerId: 'parent-1' });
    const card = await renderClip(third, { clipId });
    expect(card.shadowRoot!.querySelector('h2')!.textContent).to.equal('Gevoelens in je lijf');
    const src = card.shadowRoot!.querySelector('img')!.src;
    expect((await (await fetch(src)).arrayBuffer()).byteLength).to.equal(64);
    await third.close();
  });

  it('says when a restored upload is gone (MemoryAdapter after a reload) and keeps the rest', async () => {
    let el = await renderComposer(memoryAdapter({ viewerId: 'teacher-1' }));
    await choose(el, 'lesson', 'wish-6');
    await attachPhoto(el);
    el.parentElement!.remove();
    el = await renderComposer(memoryAdapter({ viewerId: 'teacher-1' }));
    expect(value(el, 'title')).to.equal('Pesten');
    expect(root(el).querySelector('[part~="attached"]')).to.equal(null);
    expect($(el, '.refusals').textContent).to.contain('klas.png is niet meer beschikbaar');
    await expect(el).to.be.accessible();
  });

  it('shows upload progress and stops an upload on request, storing nothing', async () => {
    const teacher = memoryAdapter({ viewerId: 'teacher-1', uploadMs: 1500 });
    const el = await renderComposer(teacher);
    el.addFiles([png()]);
    await waitUntil(() => Number($<HTMLProgressElement>(el, 'progress')?.value) >= 20, 'progress shown');
    expect($(el, '[part~="upload"]').textContent).to.match(/klas\.png: uploaden, [2-8]0%/);
    await expect(el).to.be.accessible();
    const stop = $<HTMLButtonElement>(el, '[part~="upload"] button');
    expect(stop.getAttribute('aria-label')).to.equal('Uploaden van klas.png stoppen');
    stop.click();
    await waitUntil(() => !root(el).querySelector('[part~="upload"]'), 'upload gone');
    expect(root(el).querySelector('[role="status"]')!.textContent).to.equal('Uploaden van klas.png gestopt');
    expect(root(el).querySelector('[part~="attached"]')).to.equal(null);
    expect(Object.keys(teacher.state.uploads ?? {})).to.deep.equal([]);
  });

  it('refuses files that are too big or of the wrong type, with the reason, before uploading', async () => {
    const teacher = memoryAdapter({ viewerId: 'teacher-1' });
    const el = await renderComposer(teacher);
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'groot.jpg', { type: 'image/jpeg' });
    el.addFiles([big, new File(['%PDF'], 'brief.pdf', { type: 'application/pdf' })]);
    await el.updateComplete;
    const refusals = $(el, '.refusals');
    expect(refusals.getAttribute('role')).to.equal('alert');
    expect(refusals.textContent).to.contain('groot.jpg is te groot: hoogstens 10 MB.');
    expect(refusals.textContent).to.contain('brief.pdf kan hier niet.');
    expect(teacher.calls.filter((c) => c.method === 'uploadMedia')).to.deep.equal([]);
    await expect(el).to.be.accessible();
    // A video and photos don't mix; captions need a video.
    el.addFiles([png()]);
    await waitUntil(() => root(el).querySelector('[part~="attached"]'), 'photo attached');
    el.addFiles([new File([new Uint8Array(8)], 'les.mp4', { type: 'video/mp4' }), new File(['WEBVTT'], 'nl.vtt', { type: 'text/vtt' })]);
    await el.updateComplete;
    expect($(el, '.refusals').textContent).to.contain('Een lesbericht heeft één filmpje óf foto’s');
    expect($(el, '.refusals').textContent).to.contain('nl.vtt kan hier niet.');
  });

  it('refuses an empty file and a photo too many, with the reason; Remove takes a photo off and goes back to choosing files', async () => {
    const teacher = memoryAdapter({ viewerId: 'teacher-1' });
    const el = await renderComposer(teacher);
    el.addFiles([new File([], 'leeg.png', { type: 'image/png' })]);
    await el.updateComplete;
    expect($(el, '.refusals').textContent).to.contain('leeg.png is leeg.');
    el.addFiles(Array.from({ length: MEDIA_LIMITS.photos + 1 }, (_, i) => png(`foto-${i + 1}.png`)));
    await waitUntil(() => root(el).querySelectorAll('[part~="attached"]').length === MEDIA_LIMITS.photos, 'photos attached');
    expect($(el, '.refusals').textContent).to.contain(`Geen foto’s meer: het maximum is ${MEDIA_LIMITS.photos}.`);
    expect(teacher.calls.filter((c) => c.method === 'uploadMedia').length, 'uploads sent').to.equal(MEDIA_LIMITS.photos);

    $<HTMLButtonElement>(el, '[aria-label="foto-1.png verwijderen"]').click();
    await waitUntil(() => root(el).querySelectorAll('[part~="attached"]').length === MEDIA_LIMITS.photos - 1, 'photo removed');
    expect(text(el)).not.to.contain('foto-1.png');
    await waitUntil(() => root(el).activeElement?.id === 'media-input', 'focus back on choosing files');
  });

  it('attaches a video with captions, and the parent card plays it with the captions track', async () => {
    const teacher = memoryAdapter({ viewerId: 'teacher-1' });
    const el = await renderComposer(teacher);
    await choose(el, 'lesson', 'wish-2');
    el.addFiles([new File([new Uint8Array(8)], 'les2.webm', { type: 'video/webm' })]);
    await waitUntil(() => root(el).querySelector('#captions-input'), 'captions offered');
    el.addFiles([new File(['WEBVTT\n\n00:00.000 --> 00:02.000\nHoi\n'], 'les2.vtt', { type: '' })], 'captions');
    await waitUntil(() => root(el).querySelectorAll('[part~="attached"]').length === 2, 'captions attached');
    await expect(el).to.be.accessible();
    const preview = await openPreview(el);
    expect(preview.shadowRoot!.querySelector('track')!.getAttribute('srclang')).to.equal('nl');
    expect(preview.shadowRoot!.querySelector('track')!.getAttribute('label')).to.equal('Nederlands');
    const { clipId } = await publish(el);
    const card = await renderClip(teacher.forViewer('parent-1'), { clipId });
    const video = card.shadowRoot!.querySelector('video')!;
    expect(video.querySelector('source')!.getAttribute('src')).to.match(/^blob:/);
    expect(video.querySelector('source')!.getAttribute('type')).to.equal('video/webm');
    expect(video.querySelector('track')!.getAttribute('label')).to.equal('Nederlands');
    expect(card.shadowRoot!.textContent).to.not.contain('geen ondertitels');
  });

  it('says what to fix before publishing, and publishes nothing', async () => {
    const teacher = memoryAdapter({ viewerId: 'teacher-1' });
    const el = await renderComposer(teacher);
    el.addFiles([png()]);
    await waitUntil(() => root(el).querySelector('[part~="attached"]'), 'photo attached');
    $(el, '[part~="publish-button"]').click();
    await waitUntil(() => root(el).querySelector('.problems'), 'problems');
    const problems = $(el, '.problems');
    expect(root(el).activeElement).to.equal(problems);
    expect(problems.textContent)
      .to.contain('Vul in: Titel')
      .and.contain('Vul in: Vraag voor thuis')
      .and.contain('Foto 1 heeft nog geen beschrijving.');
    expect(teacher.calls.filter((c) => c.method === 'publishLessonClip')).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('publishes once when a retry follows a lost response: the same id, one clip', async () => {
    const teacher = memoryAdapter({ viewerId: 'teacher-1' });
    let loseResponse = true;
    const flaky = Object.assign(Object.create(teacher) as MemoryAdapter, {
      async publishLessonClip(input: Parameters<MemoryAdapter['publishLessonClip']>[0]) {
        const clip = await teacher.publishLessonClip(input);
        if (loseResponse) {
          loseResponse = false;
          throw new TypeError('Failed to fetch');
        }
        return clip;
      },
    });
    const el = await renderComposer(flaky);
    await choose(el, 'lesson', 'wish-7');
    const clipsBefore = Object.keys(teacher.state.clips).length;
    const errors = await collectErrors(async () => {
      $(el, '[part~="publish-button"]').click();
      await waitUntil(() => root(el).querySelector('.problems'), 'failure shown');
    });
    expect(errors.map((e: SamenErrorDetail) => e.fatal)).to.deep.equal([false]);
    expect($(el, '.problems').textContent).to.contain('Plaatsen is niet gelukt. Je concept is bewaard');
    expect(value(el, 'title')).to.equal('Plankje');
    await expect(el).to.be.accessible();
    const { clipId, id } = await publish(el);
    const calls = teacher.calls.filter((c) => c.method === 'publishLessonClip').map((c) => (c.input as { id: string }).id);
    expect(calls).to.deep.equal([id, id]);
    expect(Object.keys(teacher.state.clips).length).to.equal(clipsBefore + 1);
    expect(clipId).to.equal(`clip-${id}`);
    expect(teacher.appliedWrites).to.equal(1);
  });

  it('works with the keyboard only: choose a lesson, publish, post another', async () => {
    const teacher = memoryAdapter({ viewerId: 'teacher-1' });
    const el = await renderComposer(teacher, { classes: [CLASSES[0]!] });
    $(el, '#programme').focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement!.id).to.equal('lesson');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(value(el, 'title')).to.equal('Grens aangeven');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement!.id).to.equal('title');
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' (groep 6)' });
    const published = oneEvent(el, 'samen-publish');
    $(el, '[part~="publish-button"]').focus();
    await sendKeys({ press: 'Enter' });
    const { clipId } = (await published).detail;
    expect((teacher.state.clips[clipId] as LessonClip).title).to.equal('Grens aangeven (groep 6)');
    await waitUntil(() => root(el).activeElement === $(el, '[part~="published"]'), 'focus on the confirmation');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    // Through the teacher's card of the new clip to "post another".
    for (let i = 0; i < 20 && root(el).activeElement?.textContent?.trim() !== 'Nog een lesbericht plaatsen'; i++)
      await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(value(el, 'title')).to.equal('');
    expect(localStorage.getItem('samen:composer:teacher-1')).to.equal(null);
  });

  it('explains it cannot upload or publish through an adapter without those methods, and does not crash', async () => {
    const teacher = memoryAdapter({ viewerId: 'teacher-1' });
    const limited = Object.assign(Object.create(teacher) as MemoryAdapter, {
      uploadMedia: undefined,
      publishLessonClip: undefined,
      getUploadedMedia: undefined,
    });
    const el = await renderComposer(limited);
    expect($(el, '.no-upload').textContent).to.contain('Deze app kan hier geen filmpjes of foto’s ontvangen');
    expect($(el, '.no-publish').textContent).to.contain('Deze app kan hier geen lesberichten plaatsen');
    expect(root(el).querySelector('input[type="file"]')).to.equal(null);
    await choose(el, 'lesson', 'wish-4');
    expect($(el, '[part~="publish-button"]').getAttribute('aria-disabled')).to.equal('true');
    $(el, '[part~="publish-button"]').click();
    await el.updateComplete;
    expect(value(el, 'title')).to.equal('Voor jezelf opkomen');
    expect(root(el).querySelector('[part~="published"]')).to.equal(null);
    const preview = await openPreview(el);
    expect(preview.shadowRoot!.querySelector('h2')!.textContent).to.equal('Voor jezelf opkomen');
    await expect(el).to.be.accessible();
  });

  it('adds a school’s own lessons, leaves bad entries out with a non-fatal samen-error', async () => {
    let el!: SamenClipComposer;
    const errors = await collectErrors(async () => {
      el = await renderComposer(memoryAdapter({ viewerId: 'teacher-1' }), {
        library: [
          {
            id: 'rots-1',
            programme: 'custom',
            programmeLabel: { nl: 'Rots en Water' },
            lessonNumber: 1,
            title: { nl: 'Staan als een rots' },
            homeQuestion: { nl: 'Waar sta jij stevig?' },
          },
          { id: 'BAD', programme: 'wish', title: { nl: 'Geheime titel' } },
          'nonsense',
        ],
      });
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ kind: 'invalid-data', fatal: false });
    expect(errors[0]!.issues.map((i) => i.path)).to.include('1.id');
    expect(JSON.stringify(errors[0]!.issues)).to.not.contain('Geheime');
    expect(text(el)).to.contain('Een paar eigen lessen van de school konden niet worden gelezen');
    await choose(el, 'programme', 'custom');
    await choose(el, 'lesson', 'rots-1');
    expect(value(el, 'programme-label')).to.equal('Rots en Water');
    expect(value(el, 'homeQuestion')).to.equal('Waar sta jij stevig?');
    await expect(el).to.be.accessible();
  });

  it('shows a translated error state for a parent, without an adapter, or when loading fails', async () => {
    const parent = await renderComposer(memoryAdapter());
    expect($(parent, '[part~="error"]').textContent).to.contain('Geen toegang');
    await expect(parent).to.be.accessible();
    const none = await renderComposer(undefined);
    expect($(none, '[part~="error"]').textContent).to.contain('Niet verbonden');
    const failing = memoryAdapter({ viewerId: 'teacher-1' });
    failing.failNext('getViewer', 'unavailable');
    const el = await renderComposer(failing);
    expect($(el, '[part~="error"]').textContent).to.contain('Opnieuw proberen');
    $<HTMLButtonElement>(el, '[part~="retry"]').click();
    await waitUntil(() => root(el).querySelector('#programme'), 'loads on retry');
  });

  it('is accessible in the dark theme', async () => {
    const el = await renderComposer(memoryAdapter({ viewerId: 'teacher-1' }));
    el.theme = 'dark';
    await choose(el, 'lesson', 'pbs-2');
    await openPreview(el);
    await expect(el).to.be.accessible();
  });
});
