// The demo host: what a vendor's page does. By default everything runs on the embedded
// LocalAdapter (IndexedDB), so what the "parent" does survives a reload and shows up
// live in the "teacher" column. With ?adapter=http (npm run start:server) each column
// talks to the reference server through HttpAdapter, writes going through the outbox.
import { HttpAdapter, LocalAdapter, OutboxAdapter } from '../dist/samen.bundle.js';

const params = new URLSearchParams(location.search);
const LANGUAGES = ['nl', 'en', 'ar', 'tr', 'pl', 'uk'];
const locale = LANGUAGES.includes(params.get('locale')) ? params.get('locale') : 'nl';
// The demo data is written in Dutch and English; a family's home language changes the widgets' own words.
const contentLocale = locale === 'nl' ? 'nl' : 'en';
const clipId = params.get('clip') ?? 'wish-2';

// A home language is data, loaded only when chosen; it registers itself page-wide.
if (locale !== 'nl' && locale !== 'en') await import(`../dist/locales/${locale}.js`);
document.documentElement.lang = locale;
const form = document.getElementById('controls');
form.locale.value = locale;

// An example host theme (examples/themes/*.css) is a data attribute away; no reload needed.
const applyTheme = (theme) => {
  if (theme) document.documentElement.dataset.hostTheme = theme;
  else delete document.documentElement.dataset.hostTheme;
};
form.theme.value = ['blue', 'green', 'high-contrast'].includes(params.get('theme')) ? params.get('theme') : '';
applyTheme(form.theme.value);

const CLIPS = [
  ...Array.from({ length: 8 }, (_, i) => [`wish-${i + 1}`, `WIsH ${i + 1}`]),
  ['kanjer-1', 'Kanjertraining 1'],
  ['kanjer-2', 'Kanjertraining 2 (geen fotoconsent / no photo consent)'],
];
for (const [id, label] of CLIPS) form.clip.add(new Option(label, id, false, id === clipId));

const overHttp = params.get('adapter') === 'http';
const parent = document.getElementById('parent');
const teacher = document.getElementById('teacher');
const carer2 = document.getElementById('carer-2');
let adapter;
if (overHttp) {
  // The reference server's demo tokens are the viewer ids; a real host passes its session token.
  const http = (viewer) => new HttpAdapter({ baseUrl: '/api', getToken: () => viewer, backoffMs: 300 });
  parent.adapter = new OutboxAdapter(http('parent-1'), { dbName: 'samen-demo-outbox-parent', backoffMs: 1000 });
  teacher.adapter = new OutboxAdapter(http('teacher-1'), { dbName: 'samen-demo-outbox-teacher', backoffMs: 1000 });
  carer2.adapter = new OutboxAdapter(http('parent-2'), { dbName: 'samen-demo-outbox-parent-2', backoffMs: 1000 });
  document.getElementById('reset').hidden = true;
} else {
  adapter = new LocalAdapter({ locale: contentLocale, dbName: `samen-demo-${contentLocale}`, latency: 250 });
  parent.adapter = adapter.forViewer('parent-1');
  teacher.adapter = adapter.forViewer('teacher-1');
  carer2.adapter = adapter.forViewer('parent-2');
}
for (const provider of [parent, carer2, teacher]) {
  provider.locale = locale;
  provider.querySelector('samen-lesson-clip').clipId = clipId;
}
// The flows below (issues 24-26): each pane signs in as the person its data-viewer names, on the same adapter.
for (const provider of document.querySelectorAll('samen-provider[data-viewer]')) {
  const viewer = provider.dataset.viewer;
  provider.adapter = overHttp
    ? new OutboxAdapter(new HttpAdapter({ baseUrl: '/api', getToken: () => viewer, backoffMs: 300 }), {
        dbName: `samen-demo-outbox-${viewer}`,
        backoffMs: 1000,
      })
    : adapter.forViewer(viewer);
  provider.locale = locale;
}
if (contentLocale === 'en') {
  document.getElementById('parent-heading').textContent = 'Parent (the Jansen family)';
  document.getElementById('teacher-heading').textContent = 'Teacher (Ms Sanne)';
  document.getElementById('carer-heading').textContent = 'Second carer (other household, same family)';
  document.getElementById('reset').textContent = 'Start the demo again';
  for (const el of document.querySelectorAll('[data-i18n="postTitle"]')) el.textContent = 'Message from school';
  for (const el of document.querySelectorAll('[data-i18n="postBody"]'))
    el.textContent = 'Friday is kanjer day! Bring something you are proud of.';
  for (const el of document.querySelectorAll('[data-en]')) el.textContent = el.dataset.en;
}

const demoQuery = () =>
  new URLSearchParams({
    locale: form.locale.value,
    clip: form.clip.value,
    ...(form.theme.value ? { theme: form.theme.value } : {}),
    ...(overHttp ? { adapter: 'http' } : {}),
  }).toString();
form.addEventListener('change', (event) => {
  if (event.target === form.theme) {
    applyTheme(form.theme.value);
    history.replaceState(null, '', `?${demoQuery()}`);
  } else {
    location.search = demoQuery();
  }
});
document.getElementById('reset').addEventListener('click', async () => {
  await adapter.reset({ locale: contentLocale });
  localStorage.clear();
  location.reload();
});

// The composer posts to the teacher's classes, named as the host names them. A published clip
// shows up in the parent's column (and again after a reload: the LocalAdapter keeps it).
const composer = teacher.querySelector('samen-clip-composer');
composer.classes = [
  { id: 'groep6-wish', label: contentLocale === 'nl' ? 'Groep 6' : 'Year 6 (groep 6)' },
  { id: 'groep5-kanjer', label: contentLocale === 'nl' ? 'Groep 5' : 'Year 5 (groep 5)' },
];
const newClips = document.getElementById('new-clips');
const PUBLISHED_KEY = `samen-demo:published:${contentLocale}`;
const showPublished = (id) => {
  const card = document.createElement('samen-lesson-clip');
  card.setAttribute('view', 'parent');
  card.clipId = id;
  newClips.prepend(card);
};
const published = () => {
  try {
    const ids = JSON.parse(localStorage.getItem(PUBLISHED_KEY) ?? '[]');
    return Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : [];
  } catch {
    return [];
  }
};
if (!overHttp) for (const id of published()) showPublished(id);
composer.addEventListener('samen-publish', (event) => {
  localStorage.setItem(PUBLISHED_KEY, JSON.stringify([...published(), event.detail.clipId]));
  showPublished(event.detail.clipId);
});

// Hosts listen to Samen's events; the log shows names and kinds only, never personal data.
const log = document.getElementById('log');
for (const name of [
  'samen-answer',
  'samen-seen',
  'samen-react',
  'samen-reply',
  'samen-award',
  'samen-undo',
  'samen-redeem',
  'samen-checkin',
  'samen-signal',
  'samen-matrix-change',
  'samen-focus',
  'samen-success',
  'samen-attention',
  'samen-publish',
  // A message in a private thread (issue 24): the teacher's answer reached the parent's card, or the parent's reached the teacher's.
  'samen-message',
  'samen-error',
]) {
  document.addEventListener(name, (event) => {
    const item = document.createElement('li');
    const view = event.target.getAttribute('view') ?? '';
    item.textContent = `${new Date().toLocaleTimeString()} — ${name} (${view}) ${event.detail.kind ?? event.detail.reaction ?? event.detail.needsAttention ?? event.detail.about?.kind ?? ''}`;
    log.prepend(item);
  });
}
