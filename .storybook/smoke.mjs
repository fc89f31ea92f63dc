// Smoke test of the built Storybook (storybook-static/): every story and docs page opens in
// headless Chromium without a console error, an uncaught exception or a request to a third
// party, and every story shows a Samen widget that leaves its loading state (except the
// stories that show loading on purpose); and the toolbar's locale, scheme, host theme and
// network switches reach the widgets. Run after `npm run build-storybook`:
//   node .storybook/smoke.mjs
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import puppeteer from 'puppeteer-core';

const ROOT = resolve('storybook-static');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png' };
/** Stories named Loading stay in their loading state by design. */
const LOADING_ON_PURPOSE = { has: (id) => id.endsWith('--loading') };

const server = createServer(async (req, res) => {
  if (req.url === '/favicon.ico') return void res.writeHead(204).end(); // asked for by the browser itself
  const path = normalize(join(ROOT, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
  if (!path.startsWith(ROOT + sep) && path !== ROOT) return void res.writeHead(403).end();
  try {
    const file = (await stat(path)).isDirectory() ? join(path, 'index.html') : path;
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const { entries } = JSON.parse(await readFile(join(ROOT, 'index.json'), 'utf8'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const failures = [];
let checked = 0;
try {
  const page = await browser.newPage();
  let current = '';
  page.on('console', (msg) => {
    if (msg.type() === 'error') failures.push(`${current}: console error: ${msg.text().slice(0, 300)}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${current}: ${response.status()} for ${response.url().replace(base, '')}`);
  });
  page.on('pageerror', (error) => failures.push(`${current}: uncaught: ${error.message}`));
  page.on('request', (request) => {
    const { protocol, hostname } = new URL(request.url());
    if ((protocol === 'http:' || protocol === 'https:') && hostname !== '127.0.0.1') failures.push(`${current}: third-party request ${request.url()}`);
  });

  for (const entry of Object.values(entries)) {
    current = entry.id;
    const viewMode = entry.type === 'docs' ? 'docs' : 'story';
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}`, { waitUntil: 'load' });
    try {
      // Stories: a widget that has rendered and (unless on purpose) left its loading state.
      await page.waitForFunction(
        (docs, loadingOk) => {
          const widgets = [];
          const walk = (root) => {
            for (const el of root.querySelectorAll('*')) {
              if (el.localName.startsWith('samen-') && el.localName !== 'samen-provider') widgets.push(el);
              if (el.shadowRoot) walk(el.shadowRoot);
            }
          };
          walk(document);
          if (docs) return document.querySelector('.sbdocs, #storybook-docs')?.textContent.length > 0 && widgets.every((w) => w.shadowRoot?.childElementCount);
          // A teacher view showing "Preview as parent" renders the parent widget inside it (counted on its own) instead of its own card.
          const rendered = (w) => w.shadowRoot?.querySelector('[part~="base"]') || (w.shadowRoot?.querySelector('[part~="preview-bar"]') && [...w.shadowRoot.querySelectorAll('*')].some((el) => el.localName.startsWith('samen-')));
          return widgets.length > 0 && widgets.every((w) => rendered(w) && (loadingOk || !w.shadowRoot.querySelector('[aria-busy="true"]')));
        },
        { timeout: 15_000, polling: 100 },
        viewMode === 'docs',
        LOADING_ON_PURPOSE.has(entry.id),
      );
      checked += 1;
    } catch {
      failures.push(`${entry.id}: did not render a widget within 15 s`);
    }
  }

  // Markdown tables in the MDX guides render as tables (remark-gfm), not as pipes in a paragraph.
  current = 'guides-events--docs';
  await page.goto(`${base}/iframe.html?id=guides-events--docs&viewMode=docs`, { waitUntil: 'load' });
  try {
    await page.waitForSelector('.sbdocs table', { timeout: 15_000 });
    checked += 1;
  } catch {
    failures.push('guides-events--docs: its Markdown table does not render as a table');
  }

  // The toolbar: each switch reaches the widgets (globals in the URL are what the toolbar sets).
  const clipIn = async (globals) => {
    current = `toolbar ${globals}`;
    await page.goto(`${base}/iframe.html?id=widgets-lesson-clip--parent&viewMode=story&globals=${globals}`, { waitUntil: 'load' });
    const clip = await page.waitForFunction(
      () => {
        const el = document.querySelector('samen-lesson-clip');
        return el?.shadowRoot?.querySelector('[part~="base"]:not([aria-busy="true"])') && el;
      },
      { timeout: 15_000, polling: 100 },
    );
    return clip.evaluate((el) => {
      const base = el.shadowRoot.querySelector('[part~="base"]');
      return { text: base.textContent, background: getComputedStyle(base).backgroundColor, error: !!el.shadowRoot.querySelector('.state.error'), dir: document.dir };
    });
  };
  const expectations = [
    ['hostTheme:high-contrast;theme:dark', (r) => r.background === 'rgb(0, 0, 0)', 'high-contrast dark card is black'],
    ['hostTheme:blue', (r) => r.background === 'rgb(255, 255, 255)' && !r.error, 'blue theme renders'],
    ['locale:en', (r) => r.text.includes('Question for home'), 'English labels'],
    ['locale:ar', (r) => r.dir === 'rtl' && r.text.includes('سؤال'), 'Arabic labels, right to left'],
    ['locale:pl', (r) => r.text.includes('Pytanie'), 'Polish labels'],
    ['network:failing', (r) => r.error, 'failing network shows the error state'],
  ];
  for (const [globals, ok, what] of expectations) {
    try {
      if (!ok(await clipIn(globals))) failures.push(`toolbar ${globals}: expected ${what}`);
      else checked += 1;
    } catch (error) {
      failures.push(`toolbar ${globals}: ${error.message}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}

if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`storybook smoke: ${checked} stories, docs pages and toolbar settings render without errors`);
