/**
 * A tiny static server for the bench pages: /pages/* from bench/pages, /build/* from
 * bench/.build. Everything the pages load comes from here (same origin).
 * ETags matter: emoji-picker-element revalidates its data with a HEAD request and, without
 * an ETag, downloads and hashes the whole file again.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** @param {Record<string, string>} roots URL prefix (e.g. `/build/`) → directory */
export async function serve(roots) {
  /** @type {Map<string, { body: Buffer, etag: string }>} */
  const cache = new Map();
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const prefix = Object.keys(roots).find((p) => path.startsWith(p));
      const file = prefix && normalize(join(roots[prefix], path.slice(prefix.length)));
      if (!prefix || !file || !file.startsWith(normalize(roots[prefix]) + sep)) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
      let entry = cache.get(file);
      if (!entry) {
        const body = await readFile(file);
        entry = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
        cache.set(file, entry);
      }
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': entry.body.length,
        'cache-control': 'no-cache',
        etag: entry.etag,
      };
      if (req.headers['if-none-match'] === entry.etag) {
        res.writeHead(304, { etag: entry.etag }).end();
      } else {
        res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : entry.body);
      }
    } catch (error) {
      res.writeHead(/** @type {any} */ (error).code === 'ENOENT' ? 404 : 500).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
