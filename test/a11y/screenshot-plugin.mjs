/**
 * A test-runner command that writes a PNG of part of the test page, for the Arabic screenshots
 * in docs/screenshots/ar/ (`npm run screenshots:ar`). It only writes when the environment names
 * a folder (SAMEN_SCREENSHOTS=docs/screenshots/ar); in a plain `npm test` it does nothing and
 * answers false, so CI checks the layout without touching the working tree.
 *
 * From a test: `executeServerCommand('samen-screenshot', { name: 'lesson-clip', x, y, width, height })`
 * with the rectangle in CSS pixels of the page (getBoundingClientRect plus scroll).
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export function samenScreenshotPlugin() {
  return {
    name: 'samen-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'samen-screenshot') return undefined;
      const folder = process.env.SAMEN_SCREENSHOTS;
      if (!folder) return false;
      if (session.browser.type !== 'puppeteer')
        throw new Error(`samen-screenshot needs Chromium through Puppeteer, not ${session.browser.type}`);
      const { name, x, y, width, height } = payload ?? {};
      if (typeof name !== 'string' || !/^[a-z0-9-]+$/.test(name))
        throw new Error(`samen-screenshot: a plain file name, not ${JSON.stringify(name)}`);
      const page = session.browser.getPage(session.id);
      const dir = resolve(folder);
      await mkdir(dir, { recursive: true });
      const clip = { x: Math.floor(x), y: Math.floor(y), width: Math.ceil(width), height: Math.ceil(height) };
      await page.screenshot({ path: join(dir, `${name}.png`), clip, captureBeyondViewport: true });
      return true;
    },
  };
}
