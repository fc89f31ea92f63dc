// The example static server (examples/static-files.mjs: npm start, the reference server's CLI,
// the browser checks) serves only its allow-list: what the demo pages load. A data folder inside
// the repository, the sources, the tests, node_modules and .git are 404, however they are spelt.
//   node --test examples/reference-server/test/static-files.test.mjs
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ALLOWED, ROOT, serveStatic } from '../../static-files.mjs';

let server;
let origin;
/** Data folders this test writes inside the repository, the way a server or a developer would. */
const probes = [];

/** Whether the reference server's default data folder was there before (then only the probe is removed). */
const hadData = existsSync(join(ROOT, 'examples/reference-server/.data'));

before(async () => {
  const id = randomUUID().slice(0, 8);
  for (const dir of [
    `examples/reference-server/.data/probe-${id}`,
    `examples/reference-server/data-${id}`,
    `examples/.data-${id}`,
    `data-${id}`,
  ]) {
    await mkdir(join(ROOT, dir), { recursive: true });
    await writeFile(join(ROOT, dir, 'state.json'), '{"secret":"a child’s feelings"}');
    probes.push(dir);
  }
  server = createServer((req, res) => void serveStatic(req, res));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});

after(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  for (const dir of probes) await rm(join(ROOT, dir), { recursive: true, force: true });
  if (!hadData) await rm(join(ROOT, 'examples/reference-server/.data'), { recursive: true, force: true });
});

const status = async (path, init) => (await fetch(origin + path, { redirect: 'manual', ...init })).status;

test('what the demo pages load is served: examples/, dist/, the strict-CSP page', async () => {
  assert.equal(await status('/'), 302);
  assert.equal(await status('/examples/index.html'), 200);
  assert.equal(await status('/examples/demo.js'), 200);
  assert.equal(await status('/examples/plain-html/index.html'), 200);
  assert.equal(await status('/examples/favicon.svg'), 200);
  assert.equal(await status('/examples/themes/blue.css'), 200);
  assert.equal(await status('/test/security/csp/page.html'), 200);
  assert.equal(await status('/test/security/csp/payloads.js'), 200);
  if (existsSync(join(ROOT, 'dist/samen.bundle.js'))) assert.equal(await status('/dist/samen.bundle.js'), 200);
  assert.deepEqual(ALLOWED.folders, ['examples/', 'dist/']);
});

test('data folders, sources, tests, node_modules, .git and the reference server’s own folder are 404', async () => {
  const refused = [
    ...probes.map((dir) => `/${dir}/state.json`),
    `/${probes[1]}/`,
    '/examples/reference-server/server.mjs',
    '/examples/reference-server/migrations/001_init.sql',
    '/examples/reference-server/.data/',
    '/node_modules/.package-lock.json',
    '/node_modules/lit/package.json',
    '/.git/config',
    '/.git/HEAD',
    '/.gitignore',
    '/.ci/run',
    '/src/core/policy.ts',
    '/src/',
    '/test/security/csp/csp.test.mjs',
    '/test/docs/',
    '/package.json',
    '/package-lock.json',
    '/openapi.yaml',
    '/README.md',
    '/bench/run.mjs',
    '/coverage/',
    // Spelt otherwise: %-encoded, with dot segments, doubled slashes, backslashes, NUL.
    '/examples/%2e%2e/package.json',
    '/dist/%2e%2e/src/core/policy.ts',
    '/examples/..%2f.git/config',
    '/examples/reference-server%2fserver.mjs',
    '/%65xamples/reference-server/server.mjs',
    '//src/core/policy.ts',
    '/dist/..%5c..%5cpackage.json',
    '/examples/index.html%00',
    '/examples/node_modules/x.js',
  ];
  for (const path of refused) assert.equal(await status(path), 404, path);
  assert.equal(await status('/examples/index.html', { method: 'POST' }), 405);
});
