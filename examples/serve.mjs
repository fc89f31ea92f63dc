#!/usr/bin/env node
/**
 * Zero-dependency static server for the examples: serves the repository root on
 * http://127.0.0.1:$PORT (default 8000; 0 picks a free port), `/` redirects to
 * /examples/index.html. The files and headers are examples/static-files.mjs's (over
 * scripts/browser.mjs's static server).
 *
 * HTML pages get a strict Content-Security-Policy with Trusted Types, so the examples
 * prove that the widgets run under it (lit creates the one "lit-html" policy).
 *
 *   node examples/serve.mjs [--no-open]      PORT=9000 node examples/serve.mjs
 *
 * A browser is opened with the OS opener unless CI is set or --no-open is given.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { ROOT, START_PAGE, serveStatic } from './static-files.mjs';

const HOST = '127.0.0.1';
const parsed = Number.parseInt(process.env.PORT ?? '', 10);
const PORT = Number.isNaN(parsed) ? 8000 : parsed;

const server = createServer((req, res) => {
  const started = Date.now();
  res.on('finish', () => {
    if (res.statusCode >= 400) console.log(`${res.statusCode} ${req.method} ${req.url} (${Date.now() - started} ms)`);
  });
  void serveStatic(req, res);
});

/** Best effort: a missing opener (no desktop, no xdg-open) is not an error. */
function openBrowser(url) {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // ignore
  }
}

server.on('error', (err) => {
  const code = /** @type {NodeJS.ErrnoException} */ (err).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${PORT} is in use; try PORT=${PORT + 1} node examples/serve.mjs`
      : `Could not start the server: ${err.message}`,
  );
  process.exit(1);
});

server.listen(PORT, HOST, () => {
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const url = `http://${HOST}:${port}${START_PAGE}`;
  console.log(`Serving ${ROOT}\n  ${url}\n(Ctrl+C to stop)`);
  if (!process.env.CI && !process.argv.includes('--no-open')) openBrowser(url);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
