/**
 * Media URLs in the lesson clip: in each slot (video source, poster, captions, photos) a URL
 * that could leak or downgrade is refused — the card shows the translated "can't be shown
 * safely" note, the URL appears in no attribute, and nothing is requested from it. URLs of
 * the page's own origin (absolute or relative) and blob: URLs are shown. `https:` of another
 * origin is allowed too (checked without rendering, so the test itself stays off the network).
 */
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-lesson-clip.js';
import { isSafeUrl } from '../../src/core/safe-url.js';
import { memoryAdapter, settled } from '../helpers/fixtures.js';
import { ScriptedAdapter, allElements } from '../helpers/hostile.js';
import { requestedUrls } from '../helpers/requests.js';

type Slot = 'video src' | 'poster' | 'captions' | 'photo';
const SLOTS: Slot[] = ['video src', 'poster', 'captions', 'photo'];

const SAME_ORIGIN = `${location.origin}/examples/favicon.svg`;

const REFUSED: Record<string, string> = {
  'javascript:': 'javascript:window.__samenPwned("media")',
  'JaVaScRiPt: with spaces': '  JaVaScRiPt:window.__samenPwned("media")',
  'data:': 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="__samenPwned()"/>',
  'http: of another origin': 'http://evil.example/pixel.gif',
  'http: on loopback, another port': `http://${location.hostname}:${Number(location.port || 80) + 1}/a.jpg`,
  'http: on 127.0.0.1 (another origin than localhost)': `http://127.0.0.1:${location.port}/a.jpg`,
  'file:': 'file:///etc/passwd',
  'ftp:': 'ftp://evil.example/a.jpg',
  'protocol-relative //evil.example': '//evil.example/pixel.gif',
  'protocol-relative with a backslash': '/\\evil.example/pixel.gif',
  'protocol-relative with a tab the parser drops': '/\t/evil.example/pixel.gif',
};

const ALLOWED: Record<string, () => string> = {
  "http: of the page's own origin": () => SAME_ORIGIN,
  'relative, resolving to the same origin': () => '/examples/favicon.svg?relative',
  'relative to the page, ./': () => './examples/favicon.svg?dot',
  'blob:': () => URL.createObjectURL(new Blob(['x'], { type: 'image/png' })),
};

function mediaWith(slot: Slot, url: string): unknown {
  // The other slots hold files the test server has (the video itself is never loaded: preload none).
  const picture = `${location.origin}/examples/favicon.svg?other`;
  if (slot === 'photo')
    return {
      kind: 'photos',
      photos: [
        { src: url, alt: 'Kinderen in de kring' },
        { src: picture, alt: 'Het bord' },
      ],
    };
  return {
    kind: 'video',
    src: slot === 'video src' ? url : `${location.origin}/examples/clip.mp4`,
    poster: slot === 'poster' ? url : picture,
    captions: [
      { src: slot === 'captions' ? url : `${location.origin}/test/security/csp/captions.vtt`, srclang: 'nl', label: 'Nederlands' },
    ],
  };
}

async function renderClip(slot: Slot, url: string) {
  const adapter = new ScriptedAdapter(memoryAdapter());
  adapter.patches.getLessonClip = (clip) => ({ ...(clip as object), mediaConsent: true, media: mediaWith(slot, url) });
  const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale="nl">
    <samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip>
  </samen-provider>`);
  const el = wrapper.querySelector('samen-lesson-clip')!;
  await settled(el);
  return el;
}

function urlAttributes(el: Element): string[] {
  return allElements(el.shadowRoot!).flatMap((node) =>
    ['src', 'poster', 'href', 'srcset'].flatMap((a) => (node.hasAttribute(a) ? [node.getAttribute(a)!] : [])),
  );
}

describe('media URLs in the lesson clip', () => {
  it("isSafeUrl: https of any origin, blob, and the page's own origin; nothing else", () => {
    for (const url of [
      'https://media.school.example/a.mp4',
      'https:media.school.example/a.mp4',
      'blob:https://school.example/6d1f',
      ...Object.values(ALLOWED).map((f) => f()),
    ]) {
      expect(isSafeUrl(url), url).to.be.true;
    }
    for (const [name, url] of Object.entries(REFUSED)) expect(isSafeUrl(url), name).to.be.false;
    // A <base> element does not move "own origin": relative URLs resolve through it, and are refused.
    const base = document.createElement('base');
    base.href = 'https://evil.example/';
    document.head.append(base);
    try {
      expect(isSafeUrl('/pixel.gif'), 'relative through a foreign <base>').to.be.false;
      expect(isSafeUrl(SAME_ORIGIN), 'absolute own origin still fine').to.be.true;
    } finally {
      base.remove();
    }
  });

  for (const slot of SLOTS) {
    for (const [name, url] of Object.entries(REFUSED)) {
      it(`${slot}: ${name} is refused and shows the "can't be shown safely" note`, async () => {
        const before = requestedUrls().length;
        const el = await renderClip(slot, url);
        const note = el.shadowRoot!.querySelector<HTMLElement>('[part~="notice"]');
        expect(note?.innerText).to.equal('De video of foto’s kunnen we niet veilig laten zien.');
        expect(el.shadowRoot!.querySelector('video, img, track, source'), 'no media element').to.equal(null);
        expect(
          urlAttributes(el).filter(
            (v) => v.includes('evil') || v.trim().toLowerCase().startsWith('javascript') || v.startsWith('data:') || v.startsWith('file:'),
          ),
        ).to.deep.equal([]);
        // The card itself is still there: title and home question.
        expect(el.shadowRoot!.querySelector('[part~="title"]')).to.exist;
        await new Promise((r) => setTimeout(r, 30));
        const requested = requestedUrls().slice(before);
        expect(requested.filter((n) => !n.startsWith(location.origin))).to.deep.equal([]);
        expect((window as { __samenPwned?: unknown }).__samenPwned).to.equal(undefined);
        await expect(el).to.be.accessible();
      });
    }

    for (const [name, make] of Object.entries(ALLOWED)) {
      it(`${slot}: ${name} is shown`, async () => {
        const url = make();
        const el = await renderClip(slot, url);
        expect(el.shadowRoot!.querySelector('[part~="notice"]:not(figcaption)'), 'no refusal note').to.equal(null);
        expect(urlAttributes(el)).to.include(url);
      });
    }
  }
});
