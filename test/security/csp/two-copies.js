// Runs in test/security/csp/two-copies.html, served by two-copies.test.mjs under the strict CSP
// with Trusted Types. Loads two copies of Samen one after the other, as a page does where the
// school app bundles Samen and a plugin adds the script-tag bundle (or the bundle is included
// twice): `?copies=bundle,bundle`, `?copies=vendor,bundle`, `?copies=bundle,vendor`. "bundle" is
// dist/samen.bundle.js, "vendor" a host's own build of the
// npm package with its own lit (/vendor-app/app.js, built by the test), "litapp" a host's own
// Lit app that is not Samen (/lit-app/app.js, built by the test: it defines <host-app>, which
// renders a paragraph, and adds one to the page). Then it shows every widget with the *second*
// copy's MemoryAdapter, answers as a parent, and reports to the checker in
// window.__samenTwoCopies what it saw.
const errors = [];
window.addEventListener('error', (e) => errors.push(String(e.error?.message ?? e.message)));
window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason?.message ?? e.reason)));
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} blocked ${e.blockedURI || e.sample}`));

// A second bundle comes from another folder (/copy-2/ is dist/ again), as from another server:
// its chunks are other modules too, not the first copy's.
const URLS = {
  bundle: ['../../../dist/samen.bundle.js', '/copy-2/samen.bundle.js'],
  vendor: ['/vendor-app/app.js', '/vendor-app-2/app.js'],
  litapp: ['/lit-app/app.js', '/lit-app/app.js'],
};
const names = new URLSearchParams(location.search).get('copies').split(',');
const copies = [];
for (const [i, name] of names.entries()) {
  try {
    copies.push(await import(URLS[name][i]));
  } catch (error) {
    errors.push(`copy ${i + 1} (${name}) did not load: ${error.message}`);
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(check, what, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await sleep(20);
  }
}
const $ = (el, selector) => el.shadowRoot?.querySelector(selector);

const rendered = [];
let answered = false;
let firstKeepsTags = false;
let secondDefinesTags = false;
let hostApp = '';
if (copies.length === 2) {
  const [first, second] = copies;
  const CLASSES = { 'samen-provider': 'SamenProvider', 'samen-lesson-clip': 'SamenLessonClip', 'samen-reward-chart': 'SamenRewardChart' };
  const definedBy = (copy) => Object.entries(CLASSES).every(([tag, name]) => copy[name] && customElements.get(tag) === copy[name]);
  firstKeepsTags = definedBy(first);
  // A first copy that is not Samen (a host's Lit app) defines none of the tags: the second does.
  secondDefinesTags = definedBy(second);
  if (names[0] === 'litapp') {
    try {
      hostApp = await until(() => document.querySelector('host-app')?.shadowRoot?.querySelector('p')?.textContent, 'host-app');
    } catch (error) {
      errors.push(`the host's app did not render: ${error.message}`);
    }
  }
  // Media from the page's own origin (the MemoryAdapter's blob: URLs would need `img-src blob:`).
  const mediaUrl = () => new URL('../../../examples/favicon.svg', location.href).href;
  const adapter = new second.MemoryAdapter({ mediaUrl, latency: 0 });
  const provider = document.createElement('samen-provider');
  provider.adapter = adapter;
  const WIDGETS = [
    ['samen-lesson-clip', { 'clip-id': 'wish-2' }],
    ['samen-feedback-bar', { 'target-id': 'host-post-1', 'allow-reply': '' }],
    ['samen-reward-chart', { 'chart-id': 'personal-child-1' }],
    ['samen-feelings-checkin', { 'child-id': 'child-1', 'class-id': 'groep6-wish' }],
    ['samen-expectation-matrix', { 'matrix-id': 'matrix-school' }],
  ];
  const els = WIDGETS.map(([tag, attrs]) => {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    el.setAttribute('view', 'parent');
    provider.append(el);
    return el;
  });
  document.getElementById('widgets').append(provider);
  // All five waited for at once: where a copy is refused, none renders, and the page answers in
  // one wait instead of five in a row.
  const waits = await Promise.allSettled(
    els.map((el) =>
      until(() => el.shadowRoot && !$(el, '[aria-busy="true"].card') && $(el, '[part~="base"]') && !$(el, '.state.error'), el.localName),
    ),
  );
  waits.forEach((wait, i) => {
    const el = els[i];
    if (wait.status === 'fulfilled') rendered.push(el.localName);
    else errors.push(`${el.localName} did not render: ${wait.reason.message} (${el.shadowRoot?.textContent.trim().slice(0, 80)})`);
  });
  // Nothing to answer in a clip that did not render (its failure is already named above).
  if (rendered.includes('samen-lesson-clip')) {
    try {
      const clip = els[0];
      const box = await until(() => $(clip, 'textarea#answer') ?? ($(clip, '[part~="answer"] button')?.click(), null), 'answer form');
      box.value = 'We hebben samen geoefend.';
      box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await clip.updateComplete;
      box.form.requestSubmit();
      answered = await until(() => adapter.state.answers.some((a) => a.text === 'We hebben samen geoefend.'), 'answer stored');
    } catch (error) {
      errors.push(`answering: ${error.message}`);
    }
  }
}

window.__samenTwoCopies = { loaded: copies.length, rendered, answered, firstKeepsTags, secondDefinesTags, hostApp, errors, violations };
