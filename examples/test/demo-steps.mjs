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

// The first screen's columns; the flows below have cards of the same kinds in their own providers.
export const parent = '#parent samen-lesson-clip[view="parent"]';
export const teacher = '#teacher samen-lesson-clip[view="teacher"]';
export const feelingsParent = '#parent samen-feelings-checkin[view="parent"]';
export const feelingsTeacher = '#teacher samen-feelings-checkin[view="teacher"]';
export const matrixParent = '#parent samen-expectation-matrix[matrix-id="matrix-school"][view="parent"]';
export const matrixTeacher = '#teacher samen-expectation-matrix[view="teacher"]';
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
  await until(
    page,
    teacher,
    `the "answered" count to change from ${before[2]}`,
    (sel, old) => {
      const clip = document.querySelector(sel);
      const values = [...(clip?.shadowRoot?.querySelectorAll('.metric-value') ?? [])].map((el) => el.textContent.trim());
      return values[2] && values[2] !== old;
    },
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
  await until(
    page,
    feelingsTeacher,
    '"bang" counted once',
    (sel) =>
      document.querySelector(sel)?.shadowRoot?.querySelector('[part~="overview"] li:nth-child(3) .count')?.textContent.trim() === '1',
  );
  return before;
}

export const REPLY = 'Wij hebben de stappen aan tafel geoefend.';
export const TEACHER_ANSWER = 'Wat fijn! Vraag eens welke stap het lastigst was.';
const barParent = '#parent samen-feedback-bar[target-id="host-post-1"][view="parent"]';
const barTeacher = '#teacher samen-feedback-bar[target-id="host-post-1"][view="teacher"]';

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
  await until(
    page,
    barTeacher,
    `the button "${label}"`,
    (sel, name) =>
      [...(document.querySelector(sel)?.shadowRoot?.querySelectorAll('button.thread-open') ?? [])].some((b) => b.ariaLabel === name),
    label,
  );
  await page.evaluate(
    (sel, name) =>
      [...document.querySelector(sel).shadowRoot.querySelectorAll('button.thread-open')].find((b) => b.ariaLabel === name).click(),
    barTeacher,
    label,
  );
  // The thread opens in the teacher's card; she writes and sends.
  await shows(page, barTeacher, '[part~="thread-input"]');
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
  await until(
    page,
    barTeacher,
    "the thread's send button, enabled",
    (s) => document.querySelector(s)?.shadowRoot?.querySelector('[part~="thread"] button[type="submit"]')?.disabled === false,
  );
  await page.evaluate(
    (sel) => document.querySelector(sel).shadowRoot.querySelector('[part~="thread"] button[type="submit"]').click(),
    barTeacher,
  );
  await textIn(page, barParent, '[part~="thread"]', TEACHER_ANSWER);
  return page.$eval(`${barParent} >>> [part~="thread"]`, (el) => el.textContent);
}

export const SUCCESS = 'Ze fluisterde op de trap, net als in de gang.';

/** A success from home on the focus of the week; waits until the teacher's matrix shows it. @param {Page} page */
export async function shareSuccess(page) {
  await page.waitForSelector(`${matrixTeacher} >>> [part~="successes"]`, { timeout: TIMEOUT });
  await page.type(`${matrixParent} >>> [part~="success-form"] textarea`, SUCCESS);
  await page.click(`${matrixParent} >>> [part~="success-form"] button`);
  await textIn(page, matrixTeacher, '[part~="successes"]', SUCCESS);
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

// The flows below the first screen (issues 24-26). Their cards load lazily: each step scrolls
// its card into view first, as a reader does.

/** The text of `sel`'s shadow root, once `includes` (a string or any of strings) is in it. @param {Page} page @param {string} sel @param {string | string[]} includes */
export async function shownText(page, sel, includes) {
  await page.waitForSelector(sel, { timeout: TIMEOUT });
  await page.$eval(sel, (el) => el.scrollIntoView({ block: 'center' }));
  await until(
    page,
    sel,
    `"${[includes].flat().join('" or "')}"`,
    (s, words) => {
      const text = document.querySelector(s)?.shadowRoot?.textContent ?? '';
      return [words].flat().some((w) => text.includes(w));
    },
    includes,
  );
  return page.$eval(sel, (el) => el.shadowRoot.textContent);
}

/**
 * Waits until `predicate(sel, ...args)` holds in the page. When it never does, the error says
 * what was awaited and what `sel` showed then (its text, where it is, whether it is still a
 * placeholder), instead of puppeteer's bare "Waiting failed".
 * @template {unknown[]} A
 * @param {Page} page @param {string} sel @param {string} what
 * @param {(sel: string, ...args: A) => unknown} predicate @param {A} args
 */
async function until(page, sel, what, predicate, ...args) {
  try {
    await page.waitForFunction(predicate, { timeout: TIMEOUT }, sel, ...args);
  } catch (error) {
    const shown = await page
      .evaluate((s) => {
        const el = document.querySelector(s);
        if (!el) return 'no such element';
        const box = el.getBoundingClientRect();
        const text = (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
        return `top ${Math.round(box.top)} px of a ${innerHeight} px viewport, ${Math.round(box.height)} px high${el.shadowRoot?.querySelector('[aria-busy="true"]') ? ', still loading' : ''}; "${text.slice(0, 400)}"`;
      }, sel)
      .catch((reason) => `(the page did not answer: ${reason})`);
    throw new Error(`${sel}: ${what} did not show within ${TIMEOUT / 1000} s. It shows: ${shown}`, { cause: error });
  }
}

/** Waits until `sel`'s shadow root holds an element matching `inner`. @param {Page} page @param {string} sel @param {string} inner */
function shows(page, sel, inner) {
  return until(page, sel, inner, (s, x) => !!document.querySelector(s)?.shadowRoot?.querySelector(x), inner);
}

/** Waits until `part` in `sel`'s shadow root says `text`. @param {Page} page @param {string} sel @param {string} part @param {string} text */
function textIn(page, sel, part, text) {
  return until(
    page,
    sel,
    `"${text}" in ${part}`,
    (s, p, t) => document.querySelector(s)?.shadowRoot?.querySelector(p)?.textContent.includes(t),
    part,
    text,
  );
}

/** Sets a text box in `sel`'s shadow root as typing does. @param {Page} page @param {string} sel @param {string} box @param {string} text */
async function fill(page, sel, box, text) {
  await shows(page, sel, box);
  await page.evaluate(
    (s, b, t) => {
      const el = document.querySelector(s).shadowRoot.querySelector(b);
      el.value = t;
      el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    },
    sel,
    box,
    text,
  );
}

/** Clicks the first element `inner` in `sel`'s shadow root. @param {Page} page @param {string} sel @param {string} inner */
const clickIn = (page, sel, inner) =>
  shows(page, sel, inner).then(() => page.evaluate((s, i) => document.querySelector(s).shadowRoot.querySelector(i).click(), sel, inner));

export const address1 = '#address-1 samen-lesson-clip';
export const address2 = '#address-2 samen-lesson-clip';
export const addressTeacher = '#address-teacher samen-lesson-clip';
export const FIRST_ADDRESS_ANSWER = 'Bij mama oefenden we het in de keuken.';
export const SECOND_ADDRESS_ANSWER = 'Bij papa deden we het na het eten.';

/**
 * Two households of one child (issue 24): the teacher's reach names the second address as not
 * reached, the first address answers lesson 4 and the teacher sees it live, and the second
 * address answers too.
 * Returns what each pane and the teacher show.
 * @param {Page} page
 */
export async function twoAddresses(page) {
  // Both addresses' cards come on screen at once, so the second is seen, and reached, within a
  // second or so: the teacher names it as not reached until then. Watched from before it loads.
  const namedSecond = await watchFor(page, addressTeacher, SECOND_NOT_REACHED);
  await shownText(page, address1, 'Vraag voor thuis');
  await fill(page, address1, 'textarea', FIRST_ADDRESS_ANSWER);
  await clickIn(page, address1, '[part~="send-button"]');
  await shownText(page, address1, FIRST_ADDRESS_ANSWER);
  const teacherText = await shownText(page, addressTeacher, FIRST_ADDRESS_ANSWER);
  const secondBefore = await shownText(page, address2, 'Vraag voor thuis');
  await fill(page, address2, 'textarea', SECOND_ADDRESS_ANSWER);
  await clickIn(page, address2, '[part~="send-button"]');
  const second = await shownText(page, address2, SECOND_ADDRESS_ANSWER);
  await shownText(page, addressTeacher, SECOND_ADDRESS_ANSWER);
  const first = await page.$eval(address1, (el) => el.shadowRoot.textContent);
  return { teacherNamedSecond: await namedSecond(), teacherText, secondBefore, second, first };
}

/** How the teacher names an address she has not reached yet (the second of Familie El Amrani's). */
export const SECOND_NOT_REACHED = 'Familie El Amrani — tweede adres';

/**
 * Watches `sel`'s shadow root from now on, at every change: the returned function tells whether
 * `text` was in it at any moment, also a moment too short for a test's polling to catch.
 * @param {Page} page @param {string} sel @param {string} text
 * @returns {Promise<() => Promise<boolean>>}
 */
async function watchFor(page, sel, text) {
  const key = `${sel}\u0000${text}`;
  await page.$eval(
    sel,
    (el, key, text) => {
      const root = el.shadowRoot;
      if (!root) throw new Error('no shadow root to watch');
      const seen = (globalThis.__samenSeenText ??= new Map());
      const check = () => seen.get(key) || seen.set(key, (root.textContent ?? '').includes(text));
      check();
      new MutationObserver(check).observe(root, { subtree: true, childList: true, characterData: true });
    },
    key,
    text,
  );
  return () => page.evaluate((key) => globalThis.__samenSeenText?.get(key) === true, key);
}

export const board = '#board samen-lesson-clip';

/** The class board as child-login-1 sees it: its text once the shared answers show. @param {Page} page */
export const classBoard = (page) =>
  shownText(page, board, 'gezinnen')
    .then(() => shows(page, board, '[part~="board"]'))
    .then(() => page.$eval(board, (el) => el.shadowRoot.querySelector('[part~="board"]').textContent));

export const choiceChild = '#choice-child samen-reward-chart';
export const choiceParent = '#choice-parent samen-reward-chart';

/**
 * Noor chooses the second words and the second reward on her personal chart (the first are the
 * chart's words now) and saves; returns the words she chose and her parent's chart text once it
 * shows them.
 * @param {Page} page
 */
export async function childChooses(page) {
  await shownText(page, choiceChild, 'Kies zelf');
  await shows(page, choiceChild, '[part~="choose-words"] input');
  const words = await page.$eval(choiceChild, (el) => {
    const root = el.shadowRoot;
    const option = root.querySelectorAll('[part~="choose-words"] label.option')[1];
    option.querySelector('input').click();
    root.querySelectorAll('[part~="choose-reward"] input')[1]?.click();
    return option.textContent.trim();
  });
  await clickIn(page, choiceChild, '[part~="choose-button"]');
  const parentText = await shownText(page, choiceParent, words);
  return { words, parentText };
}

export const tipTeacher = '#tip-teacher samen-reward-chart';
export const tipParent = '#tip-parent samen-reward-chart';
export const TIP_TOP = 'Top: Noor helpt anderen vaak. Tip voor thuis: vraag haar wat ze vandaag goed deed.';

/** The teacher sends Familie Jansen a tip and top from Noor's chart; returns the parent's chart text once it shows live. @param {Page} page */
export async function sendTipTop(page) {
  await shownText(page, tipTeacher, 'Tip en top');
  await shows(page, tipTeacher, '[part~="tip-top"] button.thread-open');
  await page.evaluate(
    (s) => document.querySelector(s).shadowRoot.querySelector('[part~="tip-top"] button.thread-open').click(),
    tipTeacher,
  );
  await fill(page, tipTeacher, '[part~="thread-input"]', TIP_TOP);
  await until(
    page,
    tipTeacher,
    "the thread's send button, enabled",
    (s) => document.querySelector(s)?.shadowRoot?.querySelector('[part~="thread"] button[type="submit"]')?.disabled === false,
  );
  await clickIn(page, tipTeacher, '[part~="thread"] button[type="submit"]');
  return shownText(page, tipParent, TIP_TOP);
}

export const courseIntro = '#course samen-programme-intro';
export const courseLesson = '#course-lesson samen-lesson-clip';
export const courseRsvp = '#course-rsvp samen-meeting';
export const courseReplies = '#course-replies samen-meeting';
export const courseSummary = '#course-summary samen-meeting';
export const SHEET_KEYWORDS = 'tekenen, voetbal, mijn oma';
export const courseFollowUp = '#course-follow-up samen-lesson-clip';
export const courseScheduled = '#course-scheduled samen-lesson-clip';

/**
 * The programme's course in order (issue 26): the introduction, lesson 3 ("Les 3 van 8"), the
 * conversation's reply (yes, 2 people) and preparation sheet, and the last lesson's summary.
 * @param {Page} page
 */
export async function followCourse(page) {
  const intro = await shownText(page, courseIntro, 'WIsH');
  const lesson = await shownText(page, courseLesson, 'Les 3 van 8');
  await shownText(page, courseRsvp, 'Gesprek met ouder, kind en juf');
  await clickIn(page, courseRsvp, '[part~="rsvp"] input[value="yes"]');
  await fill(page, courseRsvp, '#people', '2');
  await page.evaluate((s) => {
    const box = document.querySelector(s).shadowRoot.querySelector('#people');
    box.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }, courseRsvp);
  await clickIn(page, courseRsvp, '[part~="rsvp"] [part~="send-button"]');
  await shows(page, courseRsvp, '[part~="answer"]');
  const answer = await page.$eval(courseRsvp, (el) => el.shadowRoot.querySelector('[part~="answer"]').textContent.trim());
  await fill(page, courseRsvp, '#sheet-keywords', SHEET_KEYWORDS);
  await clickIn(page, courseRsvp, '[part~="sheet"] [part~="send-button"]');
  const replies = await shownText(page, courseReplies, SHEET_KEYWORDS);
  const summary = await shownText(page, courseSummary, 'Samen weerbaar');
  // After the last lesson (issue 26): the parent's follow-up post, and the next one as its teacher sees it, scheduled.
  const followUp = await shownText(page, courseFollowUp, 'Vervolg op les 8');
  const scheduled = await shownText(page, courseScheduled, 'Gepland voor');
  return { intro, lesson, answer, replies, summary, followUp, scheduled };
}

export const overviewTeacher = '#overview-teacher samen-programme-overview';
export const overviewLeader = '#overview-leader samen-programme-overview';

/** The overview's table (its caption, headers and cells) as `sel`'s viewer sees it. @param {Page} page @param {string} sel */
export async function overviewTable(page, sel) {
  await page.waitForSelector(sel, { timeout: TIMEOUT });
  await page.$eval(sel, (el) => el.scrollIntoView({ block: 'center' }));
  await shows(page, sel, '[part~="table"] tbody td');
  return page.$eval(sel, (el) =>
    [...el.shadowRoot.querySelectorAll('[part~="table"] tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent.trim().replace(/\s+/g, ' ')),
    ),
  );
}
