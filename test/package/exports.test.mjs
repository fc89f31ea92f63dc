// Walks package.json's `exports` map as a host's tools meet it (issue 22), against the package
// as `npm pack` packs it (after `npm run build`):
//  - every entry has types: a .d.ts that is in the package (the JSON entries excepted);
//  - every entry a program imports, imports in Node without throwing (server-side rendering:
//    no "HTMLElement is not defined"), by its public name `@samen/widgets/…`; `./bundle` gives
//    Node the npm build (the same exports as the script-tag bundle, which is for browsers);
//  - the types-only entries (`./vue`: typings for templates, nothing to run) say so: no
//    JavaScript target, and an import of them fails as Node says it does.
//   node --test test/package/exports.test.mjs
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
/** Paths in the package as `npm pack` packs it, `./dist/…`. */
const packed = new Set(
  JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }))[0].files.map(
    (/** @type {{ path: string }} */ f) => `./${f.path}`,
  ),
);

/** The targets of an entry for these conditions, in the order a resolver tries them. */
const targets = (/** @type {unknown} */ entry) =>
  typeof entry === 'string' ? { default: entry } : /** @type {Record<string, string>} */ (entry);

const ENTRIES = Object.entries(pkg.exports).map(([key, entry]) => ({ key, spec: `${pkg.name}${key.slice(1)}`, ...targets(entry) }));
const JSON_ENTRY = (/** @type {string} */ key) => key.endsWith('.json');

test('the exports map lists entries', () => {
  assert.ok(ENTRIES.length > 10, `only ${ENTRIES.length} entries`);
});

for (const entry of ENTRIES) {
  test(`${entry.spec}: its files are in the package, with types`, () => {
    for (const [condition, path] of Object.entries(entry)) {
      if (condition === 'key' || condition === 'spec') continue;
      assert.ok(packed.has(path), `${condition}: ${path} is not in the packed package`);
    }
    if (JSON_ENTRY(entry.key)) return;
    assert.ok(entry.types, `no "types" condition: TypeScript hosts get no types for ${entry.spec}`);
    assert.match(entry.types, /\.d\.ts$/);
    assert.equal(Object.keys(entry).indexOf('types'), 2, '"types" must come first: resolvers take the first condition that matches');
  });

  test(`${entry.spec}: imports in Node without throwing`, async () => {
    if (JSON_ENTRY(entry.key)) {
      const { default: json } = await import(entry.spec, { with: { type: 'json' } });
      assert.equal(typeof json, 'object');
      return;
    }
    if (!entry.default && !entry.node && !entry.import) {
      // Types only: nothing to run, and Node says so (a host imports it with `import type`).
      await assert.rejects(import(entry.spec), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
      return;
    }
    const module = await import(entry.spec);
    assert.equal(typeof module, 'object');
  });
}

test('the define entries define their element where customElements exists, and nothing breaks where it does not', async () => {
  // Node has no customElements: lit's Node build brings a stand-in, so the define entries
  // import (above) and define into it; a server renderer (@lit-labs/ssr) uses that registry.
  await import(`${pkg.name}/lesson-clip`);
  const registry = /** @type {{ customElements?: { get(tag: string): unknown } }} */ (globalThis).customElements;
  assert.ok(registry?.get('samen-lesson-clip'), 'samen-lesson-clip is not defined after its define entry');
});
