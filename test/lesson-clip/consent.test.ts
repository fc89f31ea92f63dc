import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { requestedUrls } from '../helpers/requests.js';
import { configure } from '../../src/core/context.js';
import type { SamenLessonClip } from '../../src/lesson-clip/lesson-clip.js';
import '../../src/locales/ar.js';
import { memoryAdapter, renderClip } from '../helpers/fixtures.js';

/**
 * Media consent: without it the card never asks the network for a photo, poster, video
 * or caption. Requests are recorded with the Resource Timing API (test/helpers/requests.ts),
 * and the DOM is searched for the URL, shadow roots included. The URLs point at a same-origin
 * test-only path that does not exist.
 */
const root = (el: HTMLElement) => el.shadowRoot!;
const text = (el: HTMLElement) => root(el).textContent.replace(/\s+/g, ' ');

let run = 0;
/** Fresh URLs per test, so one test's requests can't satisfy or spoil another's. */
function urls() {
  run += 1;
  const base = `${location.origin}/__samen-consent-test__/${run}-${Date.now()}`;
  return {
    photo: `${base}/photo-a.png`,
    photo2: `${base}/photo-b.png`,
    video: `${base}/clip.mp4`,
    poster: `${base}/poster.png`,
    captions: `${base}/captions.vtt`,
    base,
  };
}

function requested(base: string): string[] {
  return requestedUrls().filter((name) => name.startsWith(base));
}

/** Every attribute value in the element's tree, through every shadow root. */
function allAttributeValues(node: Element | ShadowRoot): string[] {
  const values: string[] = [];
  const elements = node instanceof ShadowRoot ? [...node.querySelectorAll('*')] : [node, ...node.querySelectorAll('*')];
  for (const el of elements) {
    for (const attr of el.attributes) values.push(attr.value);
    if (el.shadowRoot) values.push(...allAttributeValues(el.shadowRoot));
  }
  return values;
}

function photoClip(u: ReturnType<typeof urls>, consent: boolean | undefined) {
  return {
    id: 'wish-2',
    programme: 'wish',
    lessonNumber: 2,
    title: 'Wie ben ik?',
    goal: 'Je weet wat je goed kunt en wat je nog wilt leren.',
    learned: 'Iedereen is ergens goed in.',
    homeQuestion: 'Noem samen drie dingen waar je kind goed in is.',
    media: {
      kind: 'photos',
      photos: [
        { src: u.photo, alt: 'Kinderen in de kring' },
        { src: u.photo2, alt: 'Een rollenspel' },
      ],
    },
    ...(consent === undefined ? {} : { mediaConsent: consent }),
    postedAt: '2026-11-10T10:00:00Z',
    classId: 'groep6-wish',
    classLabel: 'Groep 6',
  };
}

function videoClip(u: ReturnType<typeof urls>, consent: boolean) {
  return {
    ...photoClip(u, consent),
    media: {
      kind: 'video',
      src: u.video,
      poster: u.poster,
      captions: [{ src: u.captions, srclang: 'nl', label: 'Nederlands', default: true }],
    },
  };
}

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
  configure({ adapter: undefined, locale: undefined });
});

describe('<samen-lesson-clip> media consent', () => {
  it('the recorder works: with consent, the photos are requested (so the checks below can fail)', async () => {
    const u = urls();
    const adapter = memoryAdapter();
    adapter.setRawClip('wish-2', photoClip(u, true));
    const el = await renderClip(adapter);
    await waitUntil(() => requested(u.base).length === 2, 'both photos requested', { timeout: 3000 });
    expect(allAttributeValues(root(el))).to.include(u.photo);
  });

  it('without consent: text, goal and question with a kind placeholder; no photo requested or in the page', async () => {
    const u = urls();
    const adapter = memoryAdapter();
    adapter.setRawClip('wish-2', photoClip(u, false));
    const el = await renderClip(adapter);
    await expect(el).to.be.accessible();
    expect(root(el).querySelector('h2')!.textContent).to.equal('Wie ben ik?');
    expect(text(el)).to.contain('Doel van de les');
    expect(text(el)).to.contain('Je weet wat je goed kunt');
    expect(text(el)).to.contain('Noem samen drie dingen');
    const placeholder = root(el).querySelector('[part~="media-withheld"]')!;
    expect(placeholder.textContent.trim()).to.equal(
      'Foto’s en video van deze les staan hier niet. Zo beschermen we de privacy van de kinderen.',
    );
    expect(root(el).querySelector('img, video, source, track, [part~="media"]')).to.equal(null);
    // Give a lazy image every chance to load before concluding it wasn't asked for.
    await new Promise((r) => setTimeout(r, 400));
    expect(requested(u.base)).to.deep.equal([]);
    expect(allAttributeValues(el).filter((v) => v.includes(u.base))).to.deep.equal([]);
    expect(el.shadowRoot!.innerHTML).to.not.contain('__samen-consent-test__');
    // Not an error: the host said so on purpose, so no samen-error "media refused" notice either.
    expect(root(el).querySelector('[part~="notice"]:not([part~="media-withheld"])')).to.equal(null);
  });

  it('without consent: no video, poster or caption track is requested', async () => {
    const u = urls();
    const adapter = memoryAdapter();
    adapter.setRawClip('wish-2', videoClip(u, false));
    const el = await renderClip(adapter, { locale: 'en' });
    await expect(el).to.be.accessible();
    expect(root(el).querySelector('[part~="media-withheld"]')!.textContent).to.contain('not shown here');
    await new Promise((r) => setTimeout(r, 400));
    expect(requested(u.base)).to.deep.equal([]);
    expect(allAttributeValues(el).filter((v) => v.includes(u.base))).to.deep.equal([]);
  });

  it('with consent, the video poster is requested (the video check above can fail)', async () => {
    const u = urls();
    const adapter = memoryAdapter();
    adapter.setRawClip('wish-2', videoClip(u, true));
    await renderClip(adapter);
    await waitUntil(() => requested(u.base).some((n) => n === u.poster), 'poster requested', { timeout: 3000 });
  });

  it('an absent mediaConsent means allowed, as before (compatible with existing hosts)', async () => {
    const u = urls();
    const adapter = memoryAdapter();
    adapter.setRawClip('wish-2', photoClip(u, undefined));
    const el = await renderClip(adapter);
    expect(root(el).querySelectorAll('img')).to.have.length(2);
    expect(root(el).querySelector('[part~="media-withheld"]')).to.equal(null);
  });

  it('the seeded Kanjertraining lesson 2 has no consent and shows the placeholder in Arabic, accessibly', async () => {
    const el: SamenLessonClip = await renderClip(memoryAdapter(), { clipId: 'kanjer-2', locale: 'ar' });
    await expect(el).to.be.accessible();
    expect(root(el).querySelector('[part~="media-withheld"]')!.textContent).to.contain('خصوصية الأطفال');
    expect(root(el).querySelector('img')).to.equal(null);
    expect(root(el).querySelector('article')!.getAttribute('dir')).to.equal('rtl');
  });

  it('the teacher view of a clip without consent shows the placeholder and the reach', async () => {
    const el = await renderClip(memoryAdapter({ viewerId: 'teacher-1' }), { clipId: 'kanjer-2', view: 'teacher', locale: 'en' });
    await expect(el).to.be.accessible();
    expect(root(el).querySelector('[part~="media-withheld"]')).to.not.equal(null);
    expect(root(el).querySelector('img')).to.equal(null);
    expect(text(el)).to.contain('Reach in the class');
  });
});
