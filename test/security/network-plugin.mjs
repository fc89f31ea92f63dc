/**
 * No third-party traffic from any test page: every page the Chromium launcher opens records
 * its requests, and a request to any origin other than the test server's (data: and blob:
 * aside: scripts/browser.mjs's isThirdParty) fails the run, listed by URL. Wired in web-test-runner.config.mjs:
 *
 *   const network = noThirdPartyRequests();
 *   chromeLauncher({ createPage: network.createPage, … }), plugins: [network.plugin, …]
 *
 * The run fails through the process's exit code (the test runner has already decided pass or
 * fail by the time its server stops), after the list is printed.
 */
import { isThirdParty } from '../../scripts/browser.mjs';

export function noThirdPartyRequests() {
  /** URL → how many times it was requested. */
  const found = new Map();
  return {
    /** @param {{ config: { hostname?: string; port?: number; protocol?: string }; context: import('puppeteer-core').BrowserContext }} args */
    async createPage({ config, context }) {
      const page = await context.newPage();
      const own = `${config.protocol ?? 'http:'}//${config.hostname ?? 'localhost'}:${config.port}`;
      page.on('request', (request) => {
        const url = request.url();
        if (isThirdParty(url, own)) found.set(url, (found.get(url) ?? 0) + 1);
      });
      return page;
    },
    plugin: {
      name: 'samen-no-third-party-requests',
      serverStop() {
        if (!found.size) return;
        const list = [...found].map(([url, n]) => `  ${url}${n > 1 ? ` (${n}×)` : ''}`).join('\n');
        console.error(`\n❌ Requests to another origin than the test server's (${found.size}):\n${list}\n`);
        process.on('exit', () => (process.exitCode = 1));
      },
    },
  };
}
