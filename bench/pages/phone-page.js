/**
 * The host page of bench/phone.mjs: a school app's news feed as a parent opens it, written the
 * way a vendor would. The package's own entries (dist/, as `npm install` gives them), bundled by
 * the vendor's bundler (rollup, minified, the languages left as lazy chunks), the HttpAdapter
 * against the school's server on the same origin, signed in as a demo parent.
 *
 * The feed: 20 lesson clips (the 8 seeded WIsH lessons and 12 copies bench/phone.mjs adds,
 * `phone-clip-9` … `phone-clip-20`), with a school post and its feedback bar, the child's reward
 * chart, the feelings check-in and the school's expectation matrix between them. Every widget of
 * the feed has `loading="lazy"`, as a vendor would set it on a feed (as on an `<img>`): those below the
 * first screen load when the parent scrolls near them.
 */
import '../../dist/define/samen-provider.js';
import '../../dist/define/samen-lesson-clip.js';
import '../../dist/define/samen-feedback-bar.js';
import { HttpAdapter } from '../../dist/adapters/http-adapter.js';

// What a school app's feed page imports (issue 23): the clip and the bar up front; the widgets
// further down as lazy chunks, once one of them comes within a screen of what the parent sees.
const LATER = {
  'samen-reward-chart': () => import('../../dist/define/samen-reward-chart.js'),
  'samen-feelings-checkin': () => import('../../dist/define/samen-feelings-checkin.js'),
  'samen-expectation-matrix': () => import('../../dist/define/samen-expectation-matrix.js'),
};
const later = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      later.unobserve(entry.target);
      void LATER[/** @type {keyof typeof LATER} */ (entry.target.localName)]();
    }
  },
  { rootMargin: '100%' },
);

// A WebView asks for no icon; this desktop browser would ask for /favicon.ico before the first
// card. The school app's own icon instead, as a blob: URL (the page's CSP allows no data: image).
const icon = document.createElement('link');
icon.rel = 'icon';
icon.href = URL.createObjectURL(new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>'], { type: 'image/svg+xml' }));
document.head.append(icon);

/** The feed's clips, newest first: what bench/phone.mjs seeds. */
const FEED = [...Array.from({ length: 8 }, (_, i) => `wish-${i + 1}`), ...Array.from({ length: 12 }, (_, i) => `phone-clip-${i + 9}`)];

const viewer = new URLSearchParams(location.search).get('viewer') ?? 'parent-1';
const provider = /** @type {HTMLElement & { adapter: unknown }} */ (document.getElementById('parent'));
// The reference server's demo tokens are the viewer ids; a real host passes its session token.
provider.adapter = new HttpAdapter({ baseUrl: '/api', getToken: () => viewer });

const element = (/** @type {string} */ tag, /** @type {Record<string, string>} */ attributes) => {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
};

/** What goes after the clip at each index: the other widgets a parent sees. */
const BETWEEN = new Map([
  [
    1,
    () => {
      const post = document.createElement('article');
      const heading = document.createElement('h2');
      heading.textContent = 'Bericht van de school';
      const text = document.createElement('p');
      text.textContent = 'Vrijdag is de kanjerdag! Neem iets mee waar je trots op bent.';
      post.append(
        heading,
        text,
        element('samen-feedback-bar', { 'target-id': 'host-post-1', view: 'parent', 'allow-reply': '', loading: 'lazy' }),
      );
      return post;
    },
  ],
  [3, () => element('samen-reward-chart', { 'chart-id': 'personal-child-1', view: 'parent', loading: 'lazy' })],
  [5, () => element('samen-feelings-checkin', { 'child-id': 'child-1', view: 'parent', context: 'home', loading: 'lazy' })],
  [9, () => element('samen-expectation-matrix', { 'matrix-id': 'matrix-school', view: 'parent', loading: 'lazy' })],
]);

const feed = /** @type {HTMLElement} */ (document.getElementById('feed'));
FEED.forEach((clipId, i) => {
  feed.append(element('samen-lesson-clip', { 'clip-id': clipId, view: 'parent', loading: 'lazy' }));
  const extra = BETWEEN.get(i);
  if (!extra) return;
  const widget = extra();
  feed.append(widget);
  if (widget.localName in LATER) later.observe(widget);
});
