// End to end over the network: widgets in Chromium → HttpAdapter (+ outbox) → reference
// server → database, and back. Two pages (a parent's and a teacher's) on the demo page
// with ?adapter=http, one test per flow:
//   1. a parent's answer reaches the teacher's page live (Server-Sent Events);
//   2. the server killed (SIGKILL) and restarted while a parent writes loses nothing and
//      doubles nothing (the outbox resends with the same Idempotency-Key);
//   3. writes made offline are replayed in order when the browser is back online;
//   4. the teacher composes and publishes a clip with a photo in the demo's own composer (its
//      OutboxAdapter over HttpAdapter: the file goes up through XMLHttpRequest), and the parent's
//      page shows it with the photo served by the reference server and answers it; the answer
//      reaches the teacher's card of the new clip live.
// Each test also fails on console errors, page errors, CSP violations or third-party requests on
// either page while it ran (the browser's own logs of refused connections while the server is
// down on purpose aside).
//   node --test examples/test/server-e2e.test.mjs      (after `npm run build`; npm run test:demo)
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launch, watchPage, withoutProblems } from '../../scripts/browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** A free port, kept for the restart (the pages reconnect to the same origin). */
async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
  await new Promise((resolve) => probe.close(resolve));
  return String(port);
}

const PORT = process.env.SERVER_PORT ?? (await freePort());
const BASE = `http://127.0.0.1:${PORT}`;
const dataDir = mkdtempSync(join(tmpdir(), 'samen-e2e-'));

/** Starts the reference server CLI on a persistent data dir and waits until it listens. */
async function startServer() {
  const child = spawn(process.execPath, [join(ROOT, 'examples/reference-server/server.mjs'), '--port', PORT, '--data-dir', dataDir], {
    cwd: ROOT,
    // On PGlite in its --data-dir even when CI sets DATABASE_URL for the server suites (they make a schema of their own).
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => String(chunk).includes('http://') && resolve(undefined));
    child.on('exit', (code) => reject(new Error(`reference server exited with ${code}`)));
  });
  return child;
}

const api = async (path, token = 'teacher-1') =>
  (await fetch(`${BASE}/api${path}`, { headers: { authorization: `Bearer ${token}` } })).json();
const replyTexts = async () => ((await api('/reactions/host-post-1')).replies ?? []).map((r) => r.text);
const until = async (check, what, timeout = 20_000) => {
  const end = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
};

/** @type {import('node:child_process').ChildProcess} */
let server;
/** @type {import('puppeteer-core').Browser} */
let browser;
/** @type {import('puppeteer-core').Page} */
let parentPage;
/** @type {import('puppeteer-core').Page} */
let teacherPage;
/** @type {import('../../scripts/browser.mjs').Watcher[]} */
const watchers = [];

/**
 * Each page is its own device: a browser context of its own, so its own connections. Chromium
 * allows six HTTP/1.1 connections per origin per profile, each adapter's live stream holds one,
 * and the demo page has three adapters (parent, second carer, teacher): two pages in one
 * context would leave no connection for a write.
 * @param {string} who
 */
async function open(who) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1200, height: 1000 });
  watchers.push(
    await watchPage(page, {
      origin: BASE,
      console: ['error'],
      // While the server is down on purpose, the browser itself logs the refused requests.
      ignoreConsole: /ERR_CONNECTION_REFUSED|ERR_INTERNET_DISCONNECTED|Failed to load resource/,
      prefix: `${who}: `,
    }),
  );
  await page.goto(`${BASE}/examples/index.html?adapter=http`, { waitUntil: 'domcontentloaded' });
  return page;
}

before(async () => {
  server = await startServer();
  // Two pages side by side: neither may be throttled as a background tab (scripts/browser.mjs's flags).
  browser = await launch({ protocolTimeout: 60_000 });
  parentPage = await open('parent page');
  teacherPage = await open('teacher page');
});

after(async () => {
  await browser?.close();
  server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

const clean = (/** @type {() => Promise<void>} */ steps) => withoutProblems(watchers, steps);

const parentClip = 'samen-lesson-clip[view="parent"]';
const teacherClip = 'samen-lesson-clip[view="teacher"]';
const parentBar = '.host-post samen-feedback-bar[view="parent"]';

async function sendReply(page, text) {
  await page.bringToFront(); // clicks wait for a frame, and background tabs get none
  await page.waitForSelector(`${parentBar} >>> textarea`, { timeout: 15_000 });
  await page.$eval(`${parentBar} >>> textarea`, (el) => ((el.value = ''), el.dispatchEvent(new Event('input'))));
  await page.type(`${parentBar} >>> textarea`, text);
  await page.click(`${parentBar} >>> [part~="send-button"]`);
}

test("an answer travels the parent's page → server → the teacher's page, live", () =>
  clean(async () => {
    await parentPage.waitForSelector(`${parentClip} >>> textarea`, { timeout: 15_000 });
    await teacherPage.waitForSelector(`${teacherClip} >>> [part~="answers"]`, { timeout: 15_000 });
    const answer = 'Over het netwerk: we oefenden "Ik ben goed in tekenen!" aan tafel.';
    await parentPage.bringToFront();
    await parentPage.type(`${parentClip} >>> textarea`, answer);
    await parentPage.click(`${parentClip} >>> [part~="send-button"]`);
    await teacherPage.waitForFunction(
      (sel, text) => document.querySelector(sel)?.shadowRoot?.querySelector('[part~="answers"]')?.textContent.includes(text),
      { timeout: 15_000, polling: 200 },
      teacherClip,
      answer,
    );
  }));

test('the server killed (SIGKILL) mid-write and restarted: the reply waits in the outbox and is stored exactly once', () =>
  clean(async () => {
    server.kill('SIGKILL');
    await new Promise((resolve) => server.once('exit', resolve));
    const survivor = 'Verstuurd terwijl de server plat lag.';
    await sendReply(parentPage, survivor);
    await parentPage.waitForFunction(
      (sel) => document.querySelector(sel)?.shadowRoot?.querySelector('.send-error')?.textContent.includes('Bewaard op dit apparaat'),
      { timeout: 30_000, polling: 200 },
      parentBar,
    );
    server = await startServer();
    await until(async () => (await replyTexts()).includes(survivor), 'the queued reply after the restart', 60_000);
    await new Promise((r) => setTimeout(r, 3000)); // any duplicate would have arrived by now
    const copies = (await replyTexts()).filter((t) => t === survivor).length;
    assert.equal(copies, 1, `the reply written during the outage is stored ${copies} times`);
  }));

test('writes made offline are replayed in order, once each, when the browser is back online', () =>
  clean(async () => {
    await parentPage.setOfflineMode(true);
    const offline = ['Offline één', 'Offline twee', 'Offline drie'];
    for (const text of offline) {
      await sendReply(parentPage, text);
      await parentPage.waitForFunction(
        (sel) => document.querySelector(sel)?.shadowRoot?.querySelector('.send-error')?.textContent.includes('Bewaard op dit apparaat'),
        { timeout: 15_000, polling: 200 },
        parentBar,
      );
    }
    await parentPage.setOfflineMode(false);
    await until(async () => (await replyTexts()).includes(offline[2]), 'the offline replies', 60_000);
    const stored = (await replyTexts()).filter((t) => offline.includes(t));
    assert.deepEqual(stored, offline, `offline replies arrived as ${JSON.stringify(stored)}`);
  }));

test("the teacher composes and publishes a clip with a photo; the parent's page shows it (photo served same-origin) and answers it; the answer reaches the teacher live", (t) =>
  clean(async () => {
    const composer = '#teacher samen-clip-composer';
    const inComposer = (selector) => `${composer} >>> ${selector}`;
    // Polled: a selector waited for with page.waitForSelector was sometimes never seen inside the shadow root.
    const untilInComposer = (selector, timeout) =>
      teacherPage.waitForFunction(
        (host, sel) => document.querySelector(host)?.shadowRoot?.querySelector(sel),
        { timeout, polling: 200 },
        composer,
        selector,
      );
    const composerText = () =>
      teacherPage.$eval(composer, (el) => el.shadowRoot?.textContent.replace(/\s+/g, ' ').trim().slice(-500)).catch(() => '(none)');
    const started = Date.now();
    await teacherPage.bringToFront();
    try {
      await untilInComposer('#lesson', 15_000);
      await untilInComposer('#media-input', 5_000);
    } catch {
      throw new Error(`the teacher's composer can't publish over HTTP: "${await composerText()}"`);
    }
    await teacherPage.select(inComposer('#lesson'), 'wish-3');
    // A real 1×1 PNG through the real file picker: the server checks what a file is, not its name.
    const photo = join(dataDir, 'kring.png');
    writeFileSync(
      photo,
      Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==', 'base64'),
    );
    await (await teacherPage.$(inComposer('#media-input'))).uploadFile(photo);
    try {
      await untilInComposer('[part~="attached"] input', 15_000);
    } catch {
      throw new Error(`the photo was not attached: "${await composerText()}"`);
    }
    const alt = 'Kinderen staan rechtop in een kring';
    await teacherPage.type(inComposer('[part~="attached"] input'), alt);
    await teacherPage.click(inComposer('[part~="publish-button"]'));
    const newCard = inComposer('samen-lesson-clip[view="teacher"]');
    try {
      await untilInComposer('samen-lesson-clip[view="teacher"]', 15_000);
    } catch {
      throw new Error(`not published: "${await composerText()}"`);
    }
    const clipId = await teacherPage.$eval(newCard, (el) => el.getAttribute('clip-id'));
    const publishedClip = await api(`/clips/${encodeURIComponent(clipId)}`, 'parent-1');
    // The composer says the language the teacher wrote in (the Dutch UI's), and the server keeps it.
    assert.deepEqual(
      { title: publishedClip.title, lang: publishedClip.lang },
      { title: 'Lichaamstaal', lang: 'nl' },
      'the published clip as the server gives it',
    );

    await parentPage.bringToFront();
    await parentPage.evaluate((id) => {
      const card = document.createElement('samen-lesson-clip');
      card.setAttribute('view', 'parent');
      card.clipId = id;
      document.getElementById('new-clips').prepend(card);
    }, clipId);
    const newParentCard = `#new-clips samen-lesson-clip[clip-id="${clipId}"]`;
    const shown = await parentPage
      .waitForFunction(
        (sel) => {
          const root = document.querySelector(sel)?.shadowRoot;
          const img = root?.querySelector('img');
          return (
            img?.complete && img.naturalWidth === 1 && { title: root.querySelector('h2')?.textContent.trim(), src: img.src, alt: img.alt }
          );
        },
        { timeout: 15_000, polling: 200 },
        newParentCard,
      )
      .then((handle) => handle.jsonValue())
      .catch(() => undefined);
    assert.ok(
      shown && shown.title === 'Lichaamstaal' && shown.src.startsWith(`${BASE}/api/uploads/media-`) && shown.alt === alt,
      `the published clip on the parent page: ${JSON.stringify(shown)}`,
    );
    const homeAnswer = 'We deden een sterke houding na voor de spiegel.';
    await parentPage.type(`${newParentCard} >>> textarea`, homeAnswer);
    await parentPage.click(`${newParentCard} >>> [part~="send-button"]`);
    await teacherPage.waitForFunction(
      (sel, text) =>
        document
          .querySelector(sel)
          ?.shadowRoot?.querySelector('samen-lesson-clip')
          ?.shadowRoot?.querySelector('[part~="answers"]')
          ?.textContent.includes(text),
      { timeout: 15_000, polling: 200 },
      composer,
      homeAnswer,
    );
    t.diagnostic(`composed, published, shown and answered in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }));
