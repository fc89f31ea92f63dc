// The README's picture of the demo host page (examples/screenshot.png): a WIsH lesson clip as the
// parent sees it (left) after answering the home question, and as the teacher sees it (right),
// the answer arrived live; the top of the page at 1200 × 1000. The steps are the demo suite's
// (examples/test/demo-steps.mjs), the browser and server scripts/browser.mjs's and npm start's.
// Usage: npm run screenshot   (builds first)   or   node examples/screenshot.mjs [out.png]
import { launch } from '../scripts/browser.mjs';
import { answerAsParent, openDemo, startDemoServer } from './test/demo-steps.mjs';

const out = process.argv[2] ?? 'examples/screenshot.png';
const server = await startDemoServer();
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 1000, deviceScaleFactor: 1 });
  await openDemo(page, server.origin);
  await answerAsParent(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await new Promise((r) => setTimeout(r, 500));
  await page.screenshot({ path: out });
  console.log(`screenshot: ${out}`);
} finally {
  await browser.close();
  server.stop();
}
