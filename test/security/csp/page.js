// Runs in test/security/csp/page.html, served by csp.test.mjs with
//   Content-Security-Policy: default-src 'self'; script-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html
// Renders every widget in every view from the built script-tag bundle, uses each one the way a
// parent or teacher does, sends hostile text through them, and reports to the checker in
// window.__samenCsp: CSP violations, failures, and what was done.
import { MemoryAdapter } from '../../../dist/samen.bundle.js';
import { XSS } from './payloads.js';

const violations = [];
document.addEventListener('securitypolicyviolation', (e) =>
  violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
);
const failures = [];
const done = [];
/** Every step in order, with its error if it failed: one test each in csp.test.mjs. */
const steps = [];
const pwned = [];
window.__samenPwned = (what) => pwned.push(String(what));

const mediaUrl = (ref) =>
  ref.startsWith('captions:')
    ? new URL('./captions.vtt', location.href).href
    : new URL('../../../examples/favicon.svg', location.href).href;
const parentAdapter = new MemoryAdapter({ mediaUrl, latency: 0 });
const teacherAdapter = parentAdapter.forViewer('teacher-1');

const WIDGETS = [
  ['samen-lesson-clip', { 'clip-id': 'wish-2' }],
  ['samen-lesson-clip', { 'clip-id': 'wish-1' }],
  ['samen-feedback-bar', { 'target-id': 'host-post-1', 'allow-reply': '' }],
  ['samen-reward-chart', { 'chart-id': 'personal-child-1' }],
  ['samen-reward-chart', { 'chart-id': 'class-wish' }],
  ['samen-feelings-checkin', { 'child-id': 'child-1', 'class-id': 'groep6-wish' }],
  ['samen-expectation-matrix', { 'matrix-id': 'matrix-school' }],
];

const root = document.getElementById('widgets');
const els = {};
for (const view of ['parent', 'teacher']) {
  const provider = document.createElement('samen-provider');
  provider.adapter = view === 'parent' ? parentAdapter : teacherAdapter;
  for (const [tag, attrs] of WIDGETS) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    el.setAttribute('view', view);
    provider.append(el);
    els[`${tag}#${attrs['clip-id'] ?? attrs['chart-id'] ?? ''}:${view}`] = el;
  }
  root.append(provider);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(check, what, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      const value = check();
      if (value) return value;
    } catch {
      /* not there yet */
    }
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await sleep(20);
  }
}
const $ = (el, selector) => el.shadowRoot.querySelector(selector);
async function step(name, fn) {
  try {
    await fn();
    done.push(name);
    steps.push({ name });
  } catch (error) {
    failures.push(`${name}: ${error.message}`);
    steps.push({ name, error: error.message });
  }
}
function type(box, text) {
  box.value = text;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

await step('every widget renders in both views', async () => {
  for (const [key, el] of Object.entries(els)) {
    await until(() => el.shadowRoot && !$(el, '[aria-busy="true"].card') && $(el, '[part~="base"]'), `${key} rendered`);
    if ($(el, '.state.error')) throw new Error(`${key} shows an error`);
  }
});

const clipParent = els['samen-lesson-clip#wish-2:parent'];
const clipTeacher = els['samen-lesson-clip#wish-2:teacher'];
await step('a parent answers with hostile text; the teacher sees it as text', async () => {
  for (const payload of XSS) {
    const box = await until(
      () => $(clipParent, 'textarea#answer') ?? ($(clipParent, '[part~="answer"] button')?.click(), null),
      'answer form',
    );
    await clipParent.updateComplete;
    type(box, payload);
    await clipParent.updateComplete;
    box.form.requestSubmit();
    await until(
      () =>
        [...clipTeacher.shadowRoot.querySelectorAll('[part~="answers"] li > p:nth-of-type(2)')].some(
          (p) => p.textContent === payload.trim(),
        ),
      `teacher sees ${payload.slice(0, 30)}`,
    );
  }
});

await step('the clip media is shown', async () => {
  const photos = els['samen-lesson-clip#wish-1:parent'];
  await until(() => $(photos, '[part~="media"]'), 'media');
});

await step('a parent reacts and replies', async () => {
  const bar = els['samen-feedback-bar#:parent'];
  const like = await until(() => $(bar, '[role="toolbar"] button'), 'reaction');
  like.click();
  await until(() => like.getAttribute('aria-pressed') === 'true', 'pressed');
  type($(bar, 'textarea#reply'), XSS[1]);
  await bar.updateComplete;
  $(bar, 'textarea#reply').form.requestSubmit();
  await until(() => [...bar.shadowRoot.querySelectorAll('[part~="replies"] li p')].some((p) => p.textContent === XSS[1]), 'reply shown');
});

await step('a teacher awards a token, a parent adds a home sticker', async () => {
  const chart = els['samen-reward-chart#class-wish:teacher'];
  const before = $(chart, '[part~="progress"], [role="progressbar"]')?.getAttribute('aria-valuenow');
  $(chart, '[part~="award-button"]').click();
  await until(() => $(chart, '[role="progressbar"]')?.getAttribute('aria-valuenow') !== before, 'token counted');
  const personal = els['samen-reward-chart#personal-child-1:parent'];
  const reason = $(personal, 'input#reason');
  reason.value = XSS[2];
  reason.form.requestSubmit();
  await until(
    () => [...personal.shadowRoot.querySelectorAll('[part~="stickers"] li span')].some((s) => s.textContent === XSS[2]),
    'sticker shown',
  );
});

await step('a parent checks in a feeling with a note; the teacher overview updates', async () => {
  const checkin = els['samen-feelings-checkin#:parent'];
  $(checkin, 'input[name="feeling"][value="scared"]').click();
  await checkin.updateComplete;
  type($(checkin, 'textarea#note'), XSS[0]);
  await checkin.updateComplete;
  $(checkin, '[part~="save-button"]').click();
  await until(() => parentAdapter.state.checkins.some((c) => c.childId === 'child-1' && c.note === XSS[0]), 'check-in stored');
});

await step('a parent shares a success; the teacher sees it', async () => {
  const matrix = els['samen-expectation-matrix#:parent'];
  const box = await until(() => $(matrix, 'textarea#success'), 'success form');
  type(box, XSS[3]);
  await matrix.updateComplete;
  box.form.requestSubmit();
  const teacher = els['samen-expectation-matrix#:teacher'];
  await until(
    () => [...teacher.shadowRoot.querySelectorAll('.successes li p')].some((p) => p.textContent === XSS[3]),
    'teacher sees success',
  );
});

// The teacher's composer. Its uploads are served back from the page's own origin, as a school's
// server does (HttpAdapter); the MemoryAdapter's blob: URLs would need `img-src blob:`.
const served = new URL('../../../examples/favicon.svg', location.href).href;
const sameOrigin = (value) =>
  typeof value === 'string'
    ? value.startsWith('blob:')
      ? served
      : value
    : Array.isArray(value)
      ? value.map(sameOrigin)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sameOrigin(v)]))
        : value;
const servedFromOrigin = (adapter) =>
  new Proxy(adapter, {
    get(target, prop) {
      const member = target[prop];
      if (typeof member !== 'function' || prop === 'subscribe') return typeof member === 'function' ? member.bind(target) : member;
      return async (...args) => sameOrigin(await member.apply(target, args));
    },
  });
const composerProvider = document.createElement('samen-provider');
composerProvider.adapter = servedFromOrigin(teacherAdapter);
const composer = document.createElement('samen-clip-composer');
composerProvider.append(composer);
const parentCardProvider = document.createElement('samen-provider');
parentCardProvider.adapter = servedFromOrigin(parentAdapter);
const parentCard = document.createElement('samen-lesson-clip');
parentCard.setAttribute('view', 'parent');
parentCardProvider.append(parentCard);
root.append(composerProvider, parentCardProvider);

await step("the teacher's clip composer renders", async () => {
  await until(() => composer.shadowRoot && $(composer, 'form') && !$(composer, '.state.error'), 'composer form');
});

await step(
  'a teacher fills in a lesson with hostile text and a photo, previews it as a parent and publishes it; the parent sees it as text',
  async () => {
    const lesson = $(composer, '#lesson');
    lesson.value = 'wish-2';
    lesson.dispatchEvent(new Event('change'));
    await composer.updateComplete;
    const texts = { title: XSS[0], goal: XSS[1], learned: XSS[2], homeQuestion: XSS[3], homeActivity: XSS[4] };
    for (const [id, text] of Object.entries(texts)) {
      type($(composer, `#${id}`), text);
      await composer.updateComplete;
    }
    composer.addFiles([new File([await (await fetch(served)).blob()], `${XSS[1]}.png`, { type: 'image/png' })]);
    const alt = await until(() => $(composer, '[part~="attached"] input'), 'photo attached');
    type(alt, XSS[2]);
    await composer.updateComplete;
    $(composer, '[part~="preview-button"]').click();
    const preview = await until(() => $(composer, '[part~="preview"] samen-lesson-clip'), 'preview');
    await until(() => preview.shadowRoot?.querySelector('[part~="title"]')?.textContent === XSS[0], 'the preview shows the title as text');
    await until(
      () => preview.shadowRoot.querySelector('[part~="photos"] img')?.getAttribute('alt') === XSS[2],
      'the preview shows the photo',
    );
    let published;
    composer.addEventListener('samen-publish', (e) => (published = e.detail), { once: true });
    $(composer, '[part~="publish-button"]').click();
    const { clipId } = await until(() => published, 'published');
    parentCard.setAttribute('clip-id', clipId);
    await until(
      () => parentCard.shadowRoot?.querySelector('[part~="title"]')?.textContent === XSS[0],
      "the parent's card shows the title as text",
    );
    await until(
      () => parentCard.shadowRoot.querySelector('.question')?.textContent === XSS[3],
      "the parent's card shows the question as text",
    );
    await until(() => parentCard.shadowRoot.querySelector('[part~="photos"] img')?.complete, "the parent's card shows the photo");
  },
);

await sleep(200); // an injected handler would have run by now
window.__samenCsp = { violations, failures, done, steps, pwned, trustedTypes: typeof trustedTypes !== 'undefined' };
