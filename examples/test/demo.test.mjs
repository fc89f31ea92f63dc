// End to end, the demo host page as a vendor ships it: the built bundle, served by `npm start`'s
// server (examples/serve.mjs) with a strict CSP and Trusted Types. A parent answers, checks in
// a feeling and shares a success on the matrix, a teacher publishes a clip with the composer,
// and the teacher's column updates live; both survive a reload; the host theme, Arabic and the
// plain-html page work. Every test also fails on a console error or warning, an uncaught error,
// a CSP or Trusted Types violation or a request to another origin while it ran.
//   node --test examples/test/demo.test.mjs      (after `npm run build`; npm run test:demo)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, watchPage, withoutProblems } from '../../scripts/browser.mjs';
import {
  ANSWER,
  SUCCESS,
  address1,
  address2,
  answerAsParent,
  checkInScared,
  childChooses,
  classBoard,
  courseRsvp,
  FIRST_ADDRESS_ANSWER,
  followCourse,
  overviewLeader,
  overviewTable,
  overviewTeacher,
  SECOND_ADDRESS_ANSWER,
  sendTipTop,
  SHEET_KEYWORDS,
  shownText,
  TIP_TOP,
  twoAddresses,
  feelingsParent,
  openDemo,
  parent,
  publishAndAnswer,
  scaredCount,
  shareSuccess,
  startDemoServer,
  teacherAnswersReply,
  TEACHER_ANSWER,
  teacherMetrics,
} from './demo-steps.mjs';

/** @type {Awaited<ReturnType<typeof startDemoServer>>} */
let server;
/** @type {import('puppeteer-core').Browser} */
let browser;
/** @type {import('puppeteer-core').Page} */
let page;
/** @type {import('../../scripts/browser.mjs').Watcher} */
let watcher;

before(async () => {
  server = await startDemoServer();
  browser = await launch();
  page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 1000, deviceScaleFactor: 1 });
  watcher = await watchPage(page, { origin: server.origin });
});

after(async () => {
  await browser?.close();
  server?.stop();
});

/** Steps that also fail on what the page did wrong meanwhile. @param {() => Promise<void>} steps */
const clean = (steps) => withoutProblems([watcher], steps);

/** @type {string[]} the teacher's metrics before the parent answered */
let before_;

test("examples/index.html: a parent's answer reaches the teacher's clip live", () =>
  clean(async () => {
    await openDemo(page, server.origin);
    const { before: metrics, teacherText } = await answerAsParent(page);
    before_ = metrics;
    assert.ok(teacherText.includes(ANSWER), 'the teacher did not see the answer live');
  }));

test("examples/index.html: a parent's check-in (scared) reaches the teacher's overview live", () =>
  clean(async () => {
    const count = await checkInScared(page);
    assert.equal(count, '0', `expected no scared check-ins before, saw ${count}`);
  }));

test("examples/index.html: a success from home reaches the teacher's matrix live", () =>
  clean(async () => {
    await shareSuccess(page);
  }));

test("examples/index.html: the teacher answers a parent's reply; the parent's bar shows it live (issue 24)", () =>
  clean(async () => {
    const text = await teacherAnswersReply(page);
    assert.ok(text.includes(TEACHER_ANSWER), `the parent did not see the teacher's answer live: "${text.slice(0, 120)}"`);
    assert.ok(text.includes('Gesprek met de leerkracht'), 'the thread is not headed as the conversation with the teacher');
  }));

test("examples/index.html: the teacher publishes a clip with the composer; the parent's new card shows it and is answered", () =>
  clean(async () => {
    const title = await publishAndAnswer(page);
    assert.equal(title, 'Lichaamstaal', `the published clip shows "${title}" to the parent`);
    await new Promise((r) => setTimeout(r, 500)); // anything late (a deferred warning) still counts
  }));

test('examples/index.html: the answer and the check-in survive a reload', (t) =>
  clean(async () => {
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForSelector(`${parent} >>> [part~="answer"]`, { timeout: 10_000 });
    const kept = await page.$eval(`${parent} >>> [part~="answer"]`, (el) => el.textContent);
    assert.ok(kept.includes(ANSWER), 'the answer did not survive a reload');
    await page.waitForSelector(`${feelingsParent} >>> .today`, { timeout: 10_000 });
    const today = await page.$eval(`${feelingsParent} >>> .today`, (el) => el.textContent.trim());
    assert.equal(today, 'Vandaag: bang (2 van 5)', `the check-in did not survive a reload: "${today}"`);
    t.diagnostic(
      `answered ${before_?.[2]} → ${(await teacherMetrics(page))[2]}; scared check-ins ${await scaredCount(page)}; success "${SUCCESS}" shared`,
    );
  }));

test('examples/index.html: the table of contents leads to every flow (issues 24-26)', () =>
  clean(async () => {
    const links = await page.$$eval('nav.toc a', (as) =>
      as.map((a) => [a.getAttribute('href'), !!document.querySelector(a.getAttribute('href'))]),
    );
    assert.deepEqual(
      links.map(([href]) => href),
      ['#start', '#households', '#class-board', '#child-choice', '#tip-top', '#course', '#overview', '#evaluation'],
    );
    assert.ok(
      links.every(([, found]) => found),
      `a link leads nowhere: ${JSON.stringify(links)}`,
    );
    const eager = await page.$$eval('section.flow samen-provider > *', (els) =>
      els.filter((el) => el.getAttribute('loading') !== 'lazy').map((el) => el.localName),
    );
    assert.deepEqual(eager, [], 'every card below the first screen loads lazily');
  }));

test('examples/index.html: two addresses of one child answer the same clip; each reads only its own, the teacher counts addresses (issue 24)', () =>
  clean(async () => {
    const { teacherNamedSecond, teacherText, secondBefore, second, first } = await twoAddresses(page);
    assert.match(teacherText, /\d+ van \d+ adressen/, 'the teacher does not count addresses');
    assert.ok(teacherNamedSecond, 'the teacher is never told the second address is not reached');
    assert.ok(teacherText.includes('Familie El Amrani — eerste adres'), "the teacher's answers do not name the first address");
    assert.ok(!secondBefore.includes(FIRST_ADDRESS_ANSWER), "the second address saw the first one's answer");
    assert.ok(!second.includes(FIRST_ADDRESS_ANSWER), "the second address saw the first one's answer after answering");
    assert.ok(!first.includes(SECOND_ADDRESS_ANSWER), "the first address saw the second one's answer");
  }));

test('examples/index.html: the class board shows the figures and the shared answers, never a name (issue 24)', () =>
  clean(async () => {
    const text = await classBoard(page);
    assert.ok(/gezin/i.test(text), `the board shows no figures: "${text.slice(0, 120)}"`);
    assert.ok(!/Familie|Noor/.test(text), `the class board shows a name: "${text.slice(0, 200)}"`);
  }));

test("examples/index.html: Noor chooses her goal on her own chart; her parent's chart shows it (issue 24)", () =>
  clean(async () => {
    const { words, parentText } = await childChooses(page);
    assert.ok(words.length > 2 && parentText.includes(words), `the parent does not see "${words}"`);
  }));

test('examples/index.html: the teacher sends a tip and top about Noor; her family sees it live (issue 24)', () =>
  clean(async () => {
    const text = await sendTipTop(page);
    assert.ok(text.includes(TIP_TOP));
  }));

test('examples/index.html: the programme in order: introduction, "Les 3 van 8", the reply and sheet, the summary (issue 26)', () =>
  clean(async () => {
    const { intro, lesson, answer, replies, summary, followUp, scheduled } = await followCourse(page);
    assert.ok(intro.includes('WIsH'), 'no introduction');
    assert.ok(lesson.includes('Les 3 van 8'), 'the lesson does not say where the class is');
    assert.match(answer, /2/, `the reply does not say 2 people: "${answer}"`);
    assert.ok(replies.includes(SHEET_KEYWORDS), "the teacher does not read the family's sheet");
    assert.ok(summary.includes('Samen weerbaar'), 'no summary of the last lesson');
    assert.ok(followUp.includes('Denkt u nog aan'), 'no follow-up after the last lesson');
    assert.ok(scheduled.includes('Gepland voor'), 'the teacher does not see the next follow-up as scheduled');
  }));

test('examples/index.html: the overview shows figures to the teacher and the school leader (issue 25)', (t) =>
  clean(async () => {
    const teacherRows = await overviewTable(page, overviewTeacher);
    const leaderRows = await overviewTable(page, overviewLeader);
    const figures = (rows) =>
      rows
        .slice(1)
        .flatMap((r) => r.slice(1))
        .filter((c) => /\d+\s?%/.test(c));
    assert.ok(figures(teacherRows).length > 0, `no figure in the teacher's table: ${JSON.stringify(teacherRows).slice(0, 300)}`);
    assert.ok(figures(leaderRows).length > 0, `no figure in the school leader's table: ${JSON.stringify(leaderRows).slice(0, 300)}`);
    assert.ok(
      teacherRows.some((r) => r[0].includes('Groep 6')),
      'the teacher does not see groep 6',
    );
    t.diagnostic(`teacher: ${teacherRows.length - 1} class rows, leader: ${leaderRows.length - 1}`);
  }));

test("examples/index.html: the reply and the second address's answer survive a reload", () =>
  clean(async () => {
    await page.reload({ waitUntil: 'networkidle0' });
    await shownText(page, courseRsvp, 'Gesprek met ouder, kind en juf');
    await page.waitForFunction(
      (s) => !!document.querySelector(s)?.shadowRoot?.querySelector('[part~="answer"]'),
      { timeout: 10_000 },
      courseRsvp,
    );
    const { answer, keywords } = await page.$eval(courseRsvp, (el) => ({
      answer: el.shadowRoot.querySelector('[part~="answer"]').textContent,
      keywords: el.shadowRoot.querySelector('#sheet-keywords')?.value,
    }));
    assert.match(answer, /2/, `the reply did not survive a reload: "${answer}"`);
    assert.equal(keywords, SHEET_KEYWORDS, 'the sheet did not survive a reload');
    const second = await shownText(page, address2, SECOND_ADDRESS_ANSWER);
    assert.ok(!second.includes(FIRST_ADDRESS_ANSWER));
    await shownText(page, address1, FIRST_ADDRESS_ANSWER);
  }));

test('examples/index.html: the host-theme switch restyles the widgets in place and is kept in the address', (t) =>
  clean(async () => {
    const border = () => page.$eval(`${parent} >>> [part~="base"]`, (el) => getComputedStyle(el).borderTopColor);
    const defaultBorder = await border();
    await page.select('select[name="theme"]', 'high-contrast');
    const contrastBorder = await border();
    // High-contrast borders are black.
    assert.ok(
      contrastBorder === 'rgb(0, 0, 0)' && contrastBorder !== defaultBorder,
      `the high-contrast theme did not reach the widgets: border ${defaultBorder} → ${contrastBorder}`,
    );
    assert.ok(page.url().includes('theme=high-contrast'), 'the chosen theme is not kept in the address');
    t.diagnostic(`card border ${defaultBorder} → ${contrastBorder}`);
  }));

test('examples/index.html?locale=ar: Arabic loads as data beside the bundle, right to left', () =>
  clean(async () => {
    await page.goto(`${server.origin}/examples/index.html?locale=ar`, { waitUntil: 'networkidle0' });
    await page.waitForSelector(`${parent} >>> [part~="send-button"]`, { timeout: 10_000 });
    const arabic = await page.$eval(`${parent} >>> [part~="base"]`, (el) => ({
      dir: getComputedStyle(el).direction,
      text: el.textContent,
    }));
    assert.ok(arabic.dir === 'rtl' && arabic.text.includes('سؤال'), `Arabic did not load: ${arabic.dir}, "${arabic.text.slice(0, 80)}"`);
  }));

test('examples/plain-html/index.html: the one-script-tag page renders its widgets under the same CSP', () =>
  clean(async () => {
    await page.goto(`${server.origin}/examples/plain-html/index.html`, { waitUntil: 'networkidle0' });
    await page.waitForSelector('samen-lesson-clip >>> textarea', { timeout: 10_000 });
    await page.waitForSelector('samen-feelings-checkin >>> input[name="feeling"]', { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 300)); // anything late still counts
  }));
