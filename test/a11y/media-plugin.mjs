/**
 * A test-runner command that @web/test-runner-commands lacks for Chromium: emulating
 * `forced-colors: active` (Windows high contrast). Its `emulateMedia` only passes the
 * features Puppeteer accepts (prefers-color-scheme, prefers-reduced-motion), so this speaks
 * the DevTools protocol directly: `Emulation.setEmulatedMedia` with the given features.
 * Chromium then really renders with the forced palette, as Windows would.
 *
 * From a test: `executeServerCommand('samen-emulate-media', { 'forced-colors': 'active' })`;
 * an empty object switches every emulated feature off again.
 *
 * And what was really painted, for what no computed style can tell (a native <progress>'s fill
 * in the forced palette): `executeServerCommand('samen-screen-pixels', { x, y, width, height })`
 * answers a PNG of that rectangle of the viewport (CSS px), as a data: URL.
 */
export function samenMediaPlugin() {
  const sessions = new WeakMap();
  return {
    name: 'samen-emulate-media',
    async executeCommand({ command, payload, session }) {
      if (command === 'samen-screen-pixels') return screenPixels(session, payload);
      if (command !== 'samen-emulate-media') return undefined;
      if (session.browser.type !== 'puppeteer')
        throw new Error(`samen-emulate-media needs Chromium through Puppeteer, not ${session.browser.type}`);
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) sessions.set(page, (cdp = await page.createCDPSession()));
      const features = Object.entries(payload && typeof payload === 'object' ? payload : {}).map(([name, value]) => ({
        name,
        value: String(value),
      }));
      await cdp.send('Emulation.setEmulatedMedia', { features });
      return true;
    },
  };
}

async function screenPixels(session, payload) {
  if (session.browser.type !== 'puppeteer')
    throw new Error(`samen-screen-pixels needs Chromium through Puppeteer, not ${session.browser.type}`);
  const { x, y, width, height } = payload ?? {};
  if (![x, y, width, height].every((n) => typeof n === 'number' && Number.isFinite(n)) || width < 1 || height < 1) {
    throw new Error(`samen-screen-pixels: a rectangle, not ${JSON.stringify(payload)}`);
  }
  const page = session.browser.getPage(session.id);
  // Puppeteer's clip is in page coordinates (it captures beyond the viewport): add the scroll, or a
  // page scrolled to show the element photographs what lies above it.
  const [left, top] = await page.evaluate(() => [globalThis.scrollX, globalThis.scrollY]);
  const clip = { x: Math.floor(x + left), y: Math.floor(y + top), width: Math.ceil(width), height: Math.ceil(height) };
  return `data:image/png;base64,${await page.screenshot({ clip, encoding: 'base64' })}`;
}
