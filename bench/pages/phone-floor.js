/**
 * The floor of bench/phone.mjs's first card: what the phone page costs before any code of ours
 * runs. bench/phone.mjs serves this as `floor.js`, padded with a comment to the phone page's
 * script's compressed size, so the network carries the same bytes, in phone.html itself (its
 * build writes `phone-floor.html`: phone.html with this script in place of the feed's). It asks
 * for the same first reads as the page (who is signed in, the first two clips, their home
 * answers) with plain `fetch`, and shows the first clip's title as a lesson clip's card would:
 * the time to that title is the network's and the browser's part of the first card, no widget's.
 */
const viewer = new URLSearchParams(location.search).get('viewer') ?? 'parent-1';
const headers = { accept: 'application/json', authorization: `Bearer ${viewer}` };
const ids = encodeURIComponent('wish-1,wish-2');

// As phone-page.js: the school app's own icon, so the browser asks for no /favicon.ico.
const icon = document.createElement('link');
icon.rel = 'icon';
icon.href = URL.createObjectURL(new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>'], { type: 'image/svg+xml' }));
document.head.append(icon);

// The card's place in the feed, as the page makes it (bench/phone.mjs's marks look inside it).
const card = document.createElement('samen-lesson-clip');
document.getElementById('feed')?.append(card);
const root = card.attachShadow({ mode: 'open' });

const read = (/** @type {string} */ path) =>
  fetch(`/api${path}`, { headers }).then((response) => {
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  });

Promise.all([read('/viewer'), read(`/clips?ids=${ids}`), read(`/answers?ids=${ids}`)]).then(
  ([, clips]) => {
    const title = document.createElement('h2');
    title.setAttribute('part', 'title');
    title.textContent = clips[0]?.title ?? '';
    root.append(title);
  },
  (error) => {
    const message = document.createElement('p');
    message.setAttribute('part', 'error');
    message.textContent = String(error?.message ?? error);
    root.append(message);
  },
);
