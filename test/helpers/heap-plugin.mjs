/**
 * A wtr command for the lifecycle tests: `executeServerCommand('samen-heap')` collects garbage in
 * the test page (DevTools protocol) and returns the JS heap in use, in bytes.
 */
export function heapPlugin() {
  return {
    name: 'samen-heap',
    async executeCommand({ command, session }) {
      if (command !== 'samen-heap') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (!page) return null;
      const cdp = await page.createCDPSession();
      try {
        for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        return usedSize;
      } finally {
        await cdp.detach();
      }
    },
  };
}
