// The widgets under the strictest policy a host might set: serves test/security/csp/page.html with
//   Content-Security-Policy: default-src 'self'; script-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html
// (exactly the policy of issue 10; Lit needs nothing more: its one Trusted Types policy is "lit-html",
// and its styles are constructed stylesheets), loads the built bundle in headless Chromium and fails
// on any CSP or Trusted Types violation, console error, page error, request to another origin,
// script a payload managed to run, or step of the page's own walk-through that did not work.
// Usage: node test/security/csp/check-csp.mjs   (after `npm run build`)
import { createServer } from 'node:http';
import puppeteer from 'puppeteer-core';
import { serveStatic } from '../../../examples/static-files.mjs';

export const STRICT_CSP = "default-src 'self'; script-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

const server = createServer((req, res) => {
  // The same static files as the demo, with the strict policy instead of the demo's.
  const writeHead = res.writeHead.bind(res);
  res.writeHead = (status, headers = {}) => {
    if (headers['Content-Security-Policy']) headers['Content-Security-Policy'] = STRICT_CSP;
    return writeHead(status, headers);
  };
  void serveStatic(req, res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
const origin = `http://127.0.0.1:${port}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const problems = [];
let requests = 0;
let result;
let selfTest = false;
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  page.on('console', (msg) => {
    if (!selfTest && (msg.type() === 'error' || msg.type() === 'warn')) problems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    requests += 1;
    const url = new URL(request.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== origin) problems.push(`third-party request: ${request.url()}`);
  });
  const response = await page.goto(`${origin}/test/security/csp/page.html`, { waitUntil: 'load' });
  const csp = response?.headers()['content-security-policy'];
  if (csp !== STRICT_CSP) problems.push(`page served with CSP ${csp}`);
  await page.waitForFunction(() => window.__samenCsp, { timeout: 60_000 });
  result = await page.evaluate(() => window.__samenCsp);
  problems.push(...result.violations.map((v) => `CSP violation: ${v}`));
  problems.push(...result.failures.map((f) => `failed: ${f}`));
  problems.push(...result.pwned.map((p) => `payload ran: ${p}`));
  if (!result.trustedTypes) problems.push('this browser has no Trusted Types: the check proves nothing');
  // A page that shows a payload as HTML would fetch /x; a CSP that blocks nothing would not notice.
  selfTest = true; // the refusal below is logged as a console error, on purpose
  const blocked = await page.evaluate(async () => {
    let reported = false;
    document.addEventListener('securitypolicyviolation', () => (reported = true), { once: true });
    let threw = false;
    try {
      document.createElement('div').innerHTML = '<b>plain string into a sink</b>';
    } catch {
      threw = true;
    }
    await new Promise((r) => setTimeout(r, 50));
    return threw && reported;
  });
  if (!blocked) problems.push('Trusted Types is not enforced: a plain string reached innerHTML');
} catch (error) {
  problems.push(`check failed: ${error.message}`);
} finally {
  await browser.close();
  server.close();
}

if (problems.length) {
  console.error(`CSP check: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`CSP check: ${result.done.length} steps under "${STRICT_CSP}", ${requests} requests all to ${origin}, 0 violations`);
for (const step of result.done) console.log(`  ✓ ${step}`);
