// End-to-end check of the demo host page as a vendor ships it: the built bundle, served
// with a strict CSP and Trusted Types. Fails on any console error, CSP or Trusted Types
// violation, or request to a third party; answers as the parent, checks in a feeling and
// shares a success on the matrix,
// and expects the teacher's column to update live and both to survive a reload.
// Usage: node examples/check-demo.mjs [--screenshot examples/screenshot.png]   (after `npm run build`)
import { spawn } from 'node:child_process';
import puppeteer from 'puppeteer-core';

const PORT = process.env.DEMO_PORT ?? '8765';
const screenshotAt = process.argv.indexOf('--screenshot');
const screenshot = screenshotAt > 0 ? process.argv[screenshotAt + 1] : undefined;

const server = spawn(process.execPath, ['examples/serve.mjs', '--no-open'], {
  env: { ...process.env, PORT },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => String(chunk).includes('http://') && resolve(undefined));
  server.on('exit', (code) => reject(new Error(`demo server exited with ${code}`)));
});

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const problems = [];
const parent = 'samen-lesson-clip[view="parent"]';
const teacher = 'samen-lesson-clip[view="teacher"]';
const answered = (page) =>
  page.$eval(`${teacher} >>> .reach dd`, () => null).then(() =>
    page.$$eval(`${teacher} >>> .metric-value`, (els) => els.map((el) => el.textContent.trim())),
  );

try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 1000, deviceScaleFactor: 1 });
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warn') problems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    const { protocol, hostname } = new URL(request.url());
    if ((protocol === 'http:' || protocol === 'https:') && hostname !== '127.0.0.1') {
      problems.push(`third-party request: ${request.url()}`);
    }
  });

  await page.goto(`http://127.0.0.1:${PORT}/examples/index.html`, { waitUntil: 'networkidle0' });
  await page.waitForSelector(`${parent} >>> textarea`, { timeout: 10000 });
  await page.waitForSelector(`${teacher} >>> .metric-value`, { timeout: 10000 });
  const before = await answered(page);

  const text = 'We oefenden het aan tafel: "Ik ben goed in tekenen!" Ze zei het heel trots.';
  await page.type(`${parent} >>> textarea`, text);
  await page.click(`${parent} >>> [part~="send-button"]`);
  await page.waitForSelector(`${parent} >>> [part~="answer"]`, { timeout: 10000 });
  await page.waitForFunction(
    (sel, old) => {
      const clip = document.querySelector(sel);
      const values = [...(clip?.shadowRoot?.querySelectorAll('.metric-value') ?? [])].map((el) => el.textContent.trim());
      return values[2] && values[2] !== old;
    },
    { timeout: 10000 },
    teacher,
    before[2],
  );
  const teacherText = await page.$eval(`${teacher} >>> [part~="answers"]`, (el) => el.textContent);
  if (!teacherText.includes(text)) problems.push('the teacher did not see the answer live');

  // A feeling: "bang" (scared) is in no seeded check-in, so the teacher's count goes 0 → 1.
  const feelingsParent = 'samen-feelings-checkin[view="parent"]';
  const feelingsTeacher = 'samen-feelings-checkin[view="teacher"]';
  const scaredCount = () => page.$eval(`${feelingsTeacher} >>> [part~="overview"] li:nth-child(3) .count`, (el) => el.textContent.trim());
  await page.waitForSelector(`${feelingsTeacher} >>> [part~="overview"]`, { timeout: 10000 });
  if ((await scaredCount()) !== '0') problems.push(`expected no scared check-ins before, saw ${await scaredCount()}`);
  await page.click(`${feelingsParent} >>> label:has(> input[value="scared"])`);
  await page.click(`${feelingsParent} >>> label.level-2`);
  await page.click(`${feelingsParent} >>> [part~="save-button"]`);
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.shadowRoot?.querySelector('[part~="overview"] li:nth-child(3) .count')?.textContent.trim() === '1',
    { timeout: 10000 },
    feelingsTeacher,
  );

  // A success from home on the focus of the week reaches the teacher's matrix live.
  const matrixParent = 'samen-expectation-matrix[matrix-id="matrix-school"][view="parent"]';
  const matrixTeacher = 'samen-expectation-matrix[view="teacher"]';
  const success = 'Ze fluisterde op de trap, net als in de gang.';
  await page.waitForSelector(`${matrixTeacher} >>> [part~="successes"]`, { timeout: 10000 });
  await page.type(`${matrixParent} >>> [part~="success-form"] textarea`, success);
  await page.click(`${matrixParent} >>> [part~="success-form"] button`);
  await page.waitForFunction(
    (sel, text) => document.querySelector(sel)?.shadowRoot?.querySelector('[part~="successes"]')?.textContent.includes(text),
    { timeout: 10000 },
    matrixTeacher,
    success,
  );

  // The teacher posts WIsH lesson 3 with the composer; the parent's card appears and can be answered.
  const composer = 'samen-clip-composer';
  await page.waitForSelector(`${composer} >>> #lesson`, { timeout: 10000 });
  await page.select(`${composer} >>> #lesson`, 'wish-3');
  await page.click(`${composer} >>> [part~="publish-button"]`);
  await page.waitForSelector(`${composer} >>> [part~="published"]`, { timeout: 10000 });
  const newCard = '#new-clips samen-lesson-clip';
  await page.waitForSelector(`${newCard} >>> textarea`, { timeout: 10000 });
  const newTitle = await page.$eval(`${newCard} >>> h2`, (el) => el.textContent);
  if (newTitle !== 'Lichaamstaal') problems.push(`the published clip shows "${newTitle}" to the parent`);
  await page.type(`${newCard} >>> textarea`, 'We deden het voor de spiegel');
  await page.click(`${newCard} >>> [part~="send-button"]`);
  await page.waitForSelector(`${newCard} >>> [part~="answer"]`, { timeout: 10000 });
  console.log('demo: the teacher published a clip with the composer; the parent answered it');

  await new Promise((r) => setTimeout(r, 500));
  if (screenshot) await page.screenshot({ path: screenshot });

  await page.reload({ waitUntil: 'networkidle0' });
  await page.waitForSelector(`${parent} >>> [part~="answer"]`, { timeout: 10000 });
  const kept = await page.$eval(`${parent} >>> [part~="answer"]`, (el) => el.textContent);
  if (!kept.includes(text)) problems.push('the answer did not survive a reload');
  await page.waitForSelector(`${feelingsParent} >>> .today`, { timeout: 10000 });
  const today = await page.$eval(`${feelingsParent} >>> .today`, (el) => el.textContent.trim());
  if (today !== 'Vandaag: bang (2 van 5)') problems.push(`the check-in did not survive a reload: "${today}"`);
  console.log(`demo: answered ${before[2]} → ${(await answered(page))[2]}; answer kept after reload; scared check-ins ${await scaredCount()}`);

  // The host-theme switch restyles the widgets in place (high-contrast borders are black).
  const border = () => page.$eval(`${parent} >>> [part~="base"]`, (el) => getComputedStyle(el).borderTopColor);
  const defaultBorder = await border();
  await page.select('select[name="theme"]', 'high-contrast');
  const contrastBorder = await border();
  if (contrastBorder !== 'rgb(0, 0, 0)' || contrastBorder === defaultBorder)
    problems.push(`the high-contrast theme did not reach the widgets: border ${defaultBorder} → ${contrastBorder}`);
  if (!page.url().includes('theme=high-contrast')) problems.push('the chosen theme is not kept in the address');
  console.log(`demo: host theme switch, card border ${defaultBorder} → ${contrastBorder}`);

  // A home language loads as data beside the bundle: Arabic, right to left.
  await page.goto(`http://127.0.0.1:${PORT}/examples/index.html?locale=ar`, { waitUntil: 'networkidle0' });
  await page.waitForSelector(`${parent} >>> [part~="send-button"]`, { timeout: 10000 });
  const arabic = await page.$eval(`${parent} >>> [part~="base"]`, (el) => ({ dir: getComputedStyle(el).direction, text: el.textContent }));
  if (arabic.dir !== 'rtl' || !arabic.text.includes('سؤال')) problems.push(`Arabic did not load: ${arabic.dir}, "${arabic.text.slice(0, 80)}"`);
  console.log(`demo: Arabic loaded on demand, card ${arabic.dir}`);

  // The script-tag-only host page works under the same CSP.
  await page.goto(`http://127.0.0.1:${PORT}/examples/plain-html/index.html`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('samen-lesson-clip >>> textarea', { timeout: 10000 });
  await page.waitForSelector('samen-feelings-checkin >>> input[name="feeling"]', { timeout: 10000 });
  console.log('demo: the plain-html page (one script tag) renders its widgets');
} finally {
  await browser.close();
  server.kill();
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('demo check passed: strict CSP + Trusted Types, no third-party requests, no console errors');
