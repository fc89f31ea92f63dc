// Takes the README screenshot of the demo host page and fails on any console error or
// CSP / Trusted Types violation. Usage: node examples/screenshot.mjs [url] [out.png]
import puppeteer from 'puppeteer-core';

const url = process.argv[2] ?? 'http://127.0.0.1:8000/examples/index.html';
const out = process.argv[3] ?? 'examples/screenshot.png';
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const problems = [];
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 1000, deviceScaleFactor: 1 });
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    const { protocol, hostname } = new URL(request.url());
    if ((protocol === 'http:' || protocol === 'https:') && hostname !== '127.0.0.1' && hostname !== 'localhost') {
      problems.push(`third-party request: ${request.url()}`);
    }
  });
  await page.goto(url, { waitUntil: 'networkidle0' });
  await page.waitForFunction(
    () => [...document.querySelectorAll('samen-lesson-clip')].every((el) => el.shadowRoot?.querySelector('article')),
    { timeout: 10000 },
  );
  // Answer as the parent, so the picture shows the answer arriving in the teacher's column.
  await page.type('samen-lesson-clip[view="parent"] >>> textarea', 'We oefenden het aan tafel: "Stop, hou op!" Ze zei het heel sterk.');
  await page.click('samen-lesson-clip[view="parent"] >>> [part~="send-button"]');
  await page.waitForSelector('samen-lesson-clip[view="parent"] >>> [part~="answer"]', { timeout: 10000 });
  await new Promise((r) => setTimeout(r, 800));
  await page.screenshot({ path: out, fullPage: false });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
