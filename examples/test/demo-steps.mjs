/**
 * The demo host page (examples/index.html), driven the way a parent and a teacher use it: the
 * steps of examples/test/demo.test.mjs (which asserts what they return) and of
 * examples/screenshot.mjs (which photographs the page after the first four). Each step waits
 * for what it did to show, and throws when it never does.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const TIMEOUT = 10_000;

export const parent = 'samen-lesson-clip[view="parent"]';
export const teacher = 'samen-lesson-clip[view="teacher"]';
export const feelingsParent = 'samen-feelings-checkin[view="parent"]';
export const feelingsTeacher = 'samen-feelings-checkin[view="teacher"]';
export const matrixParent = 'samen-expectation-matrix[matrix-id="matrix-school"][view="parent"]';
export const matrixTeacher = 'samen-expectation-matrix[view="teacher"]';
export const composer = 'samen-clip-composer';
export const newCard = '#new-clips samen-lesson-clip';

/**
 * `npm start`'s server (examples/serve.mjs) on a free port, as a vendor runs it.
 * @returns {Promise<{ origin: string, stop: () => void }>}
 */
export async function startDemoServer() {
  const server = spawn(process.execPath, [join(ROOT, 'examples/serve.mjs'), '--no-open'], {
    cwd: ROOT,
    env: { ...process.env, PORT: process.env.DEMO_PORT ?? '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(String(chunk));
      if (match) resolve(match[0]);
    });
    server.on('exit', (code) => reject(new Error(`demo server exited with ${code}`)));
  });
  return { origin, stop: () => server.kill() };
}

/** @typedef {import('puppeteer-core').Page} Page */

/** The teacher's reach metrics ("seen", "talked", "answered"), once they show. @param {Page} page */
export const teacherMetrics = (page) =>
  page
    .$eval(`${teacher} >>> .reach dd`, () => null)
    .then(() => page.$$eval(`${teacher} >>> .metric-value`, (els) => els.map((el) => el.textContent.trim())));

/** How many scared check-ins the teacher's overview counts. @param {Page} page */
export const scaredCount = (page) =>
  page.$eval(`${feelingsTeacher} >>> [part~="overview"] li:nth-child(3) .count`, (el) => el.textContent.trim());

/** @param {Page} page @param {string} origin */
export async function openDemo(page, origin) {
  await page.goto(`${origin}/examples/index.html`, { waitUntil: 'networkidle0' });
  await page.waitForSelector(`${parent} >>> textarea`, { timeout: TIMEOUT });
  await page.waitForSelector(`${teacher} >>> .metric-value`, { timeout: TIMEOUT });
}

export const ANSWER = 'We oefenden het aan tafel: "Ik ben goed in tekenen!" Ze zei het heel trots.';

/**
 * The parent answers the home question; waits until the teacher's "answered" count changes.
 * @param {Page} page
 * @returns {Promise<{ before: string[], teacherText: string }>}
 */
export async function answerAsParent(page) {
  const before = await teacherMetrics(page);
  await page.type(`${parent} >>> textarea`, ANSWER);
  await page.click(`${parent} >>> [part~="send-button"]`);
  await page.waitForSelector(`${parent} >>> [part~="answer"]`, { timeout: TIMEOUT });
  await page.waitForFunction(
    (sel, old) => {
      const clip = document.querySelector(sel);
      const values = [...(clip?.shadowRoot?.querySelectorAll('.metric-value') ?? [])].map((el) => el.textContent.trim());
      return values[2] && values[2] !== old;
    },
    { timeout: TIMEOUT },
    teacher,
    before[2],
  );
  const teacherText = await page.$eval(`${teacher} >>> [part~="answers"]`, (el) => el.textContent);
  return { before, teacherText };
}

/**
 * A feeling: "bang" (scared) is in no seeded check-in. Returns the teacher's count before; waits
 * until it is 1.
 * @param {Page} page
 */
export async function checkInScared(page) {
  await page.waitForSelector(`${feelingsTeacher} >>> [part~="overview"]`, { timeout: TIMEOUT });
  const before = await scaredCount(page);
  await page.click(`${feelingsParent} >>> label:has(> input[value="scared"])`);
  await page.click(`${feelingsParent} >>> label.level-2`);
  await page.click(`${feelingsParent} >>> [part~="save-button"]`);
  await page.waitForFunction(
    (sel) =>
      document.querySelector(sel)?.shadowRoot?.querySelector('[part~="overview"] li:nth-child(3) .count')?.textContent.trim() === '1',
    { timeout: TIMEOUT },
    feelingsTeacher,
  );
  return before;
}

export const REPLY = 'Wij hebben de stappen aan tafel geoefend.';
export const TEACHER_ANSWER = 'Wat fijn! Vraag eens welke stap het lastigst was.';
const barParent = 'samen-feedback-bar[target-id="host-post-1"][view="parent"]';
const barTeacher = 'samen-feedback-bar[target-id="host-post-1"][view="teacher"]';

/**
 * The parent replies under the school's post; the teacher answers that reply ("Antwoorden") in
 * the private thread; the parent's bar shows the answer live (issue 24). Returns the parent's
 * thread text.
 * @param {Page} page
 */
export async function teacherAnswersReply(page) {
  await page.waitForSelector(`${barParent} >>> [part~="reply-input"]`, { timeout: TIMEOUT });
  await page.type(`${barParent} >>> [part~="reply-input"]`, REPLY);
  await page.click(`${barParent} >>> [part~="send-button"]`);
  // "Antwoorden" under the family's reply, named with the family for screen readers.
  const label = 'Antwoorden: Familie Jansen';
  await page.waitForFunction(
    (sel, name) =>
      [...(document.querySelector(sel)?.shadowRoot?.querySelectorAll('button.thread-open') ?? [])].some((b) => b.ariaLabel === name),
    { timeout: TIMEOUT },
    barTeacher,
    label,
  );
  await page.evaluate(
    (sel, name) =>
      [...document.querySelector(sel).shadowRoot.querySelectorAll('button.thread-open')].find((b) => b.ariaLabel === name).click(),
    barTeacher,
    label,
  );
  // The thread opens in the teacher's card; she writes and sends.
  await page.waitForFunction(
    (sel) => !!document.querySelector(sel)?.shadowRoot?.querySelector('[part~="thread-input"]'),
    { timeout: TIMEOUT },
    barTeacher,
  );
  await page.evaluate(
    (sel, text) => {
      const root = document.querySelector(sel).shadowRoot;
      const box = root.querySelector('[part~="thread-input"]');
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    },
    barTeacher,
    TEACHER_ANSWER,
  );
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.shadowRoot?.querySelector('[part~="thread"] button[type="submit"]')?.disabled === false,
    { timeout: TIMEOUT },
    barTeacher,
  );
  await page.evaluate(
    (sel) => document.querySelector(sel).shadowRoot.querySelector('[part~="thread"] button[type="submit"]').click(),
    barTeacher,
  );
  await page.waitForFunction(
    (sel, text) => document.querySelector(sel)?.shadowRoot?.querySelector('[part~="thread"]')?.textContent.includes(text),
    { timeout: TIMEOUT },
    barParent,
    TEACHER_ANSWER,
  );
  return page.$eval(`${barParent} >>> [part~="thread"]`, (el) => el.textContent);
}

export const SUCCESS = 'Ze fluisterde op de trap, net als in de gang.';

/** A success from home on the focus of the week; waits until the teacher's matrix shows it. @param {Page} page */
export async function shareSuccess(page) {
  await page.waitForSelector(`${matrixTeacher} >>> [part~="successes"]`, { timeout: TIMEOUT });
  await page.type(`${matrixParent} >>> [part~="success-form"] textarea`, SUCCESS);
  await page.click(`${matrixParent} >>> [part~="success-form"] button`);
  await page.waitForFunction(
    (sel, text) => document.querySelector(sel)?.shadowRoot?.querySelector('[part~="successes"]')?.textContent.includes(text),
    { timeout: TIMEOUT },
    matrixTeacher,
    SUCCESS,
  );
}

/**
 * The teacher posts WIsH lesson 3 with the composer; the parent's new card appears and is
 * answered. Returns the title the parent's card shows.
 * @param {Page} page
 */
export async function publishAndAnswer(page) {
  await page.waitForSelector(`${composer} >>> #lesson`, { timeout: TIMEOUT });
  await page.select(`${composer} >>> #lesson`, 'wish-3');
  await page.click(`${composer} >>> [part~="publish-button"]`);
  await page.waitForSelector(`${composer} >>> [part~="published"]`, { timeout: TIMEOUT });
  await page.waitForSelector(`${newCard} >>> textarea`, { timeout: TIMEOUT });
  const title = await page.$eval(`${newCard} >>> h2`, (el) => el.textContent);
  await page.type(`${newCard} >>> textarea`, 'We deden het voor de spiegel');
  await page.click(`${newCard} >>> [part~="send-button"]`);
  await page.waitForSelector(`${newCard} >>> [part~="answer"]`, { timeout: TIMEOUT });
  return title;
}
