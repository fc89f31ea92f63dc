// The vendor quick start (docs/integration.md "Quick start per host", and the WebView glue in
// docs/bridge.md) shows code that runs (issue 22): every code block after a
// `<!-- quickstart: <file> -->` comment must be cut from that file (its lines, in order, one
// after the other; indentation and blank lines aside), and each file must be one a test runs:
// the plain-HTML page (examples/test/demo.test.mjs), the React and Vue examples
// (examples/test/frameworks.test.mjs), the WebView glue (test/bridge/webview-glue.test.ts).
//   node --test test/docs/quickstart.test.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (/** @type {string} */ path) => readFileSync(join(ROOT, path), 'utf8');

/** The file each quick-start snippet comes from → the test that runs that file, and what it must mention of it. */
const RUN_BY = {
  'examples/plain-html/index.html': ['examples/test/demo.test.mjs', 'examples/plain-html/index.html'],
  'examples/plain-html/plain.js': ['examples/plain-html/index.html', './plain.js'],
  'examples/react/App.tsx': ['examples/test/frameworks.test.mjs', "'react'"],
  'examples/vue/App.vue': ['examples/test/frameworks.test.mjs', 'examples/vue/tsconfig.json'],
  'examples/vue/vite.config.ts': ['examples/test/frameworks.test.mjs', 'vite.config.ts'],
  'examples/webview/glue.js': ['test/bridge/webview-glue.test.ts', 'examples/webview/glue.js'],
  'test/bridge/webview-glue.test.ts': ['test/bridge/webview-glue.test.ts', 'BridgeAdapter'],
};

/** Lines without their indentation, blank ones left out. */
const lines = (/** @type {string} */ text) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Whether `part`'s lines appear one after the other in `whole`'s. */
function contains(/** @type {string[]} */ whole, /** @type {string[]} */ part) {
  for (let i = 0; i + part.length <= whole.length; i += 1) if (part.every((l, j) => whole[i + j] === l)) return true;
  return false;
}

/** Every `<!-- quickstart: file -->` and the code block after it, in a doc. */
function snippets(/** @type {string} */ doc) {
  const text = read(doc);
  return [...text.matchAll(/<!-- quickstart: (\S+) -->\n```\w*\n([\s\S]*?)\n```/g)].map((m) => ({
    doc,
    line: text.slice(0, m.index).split('\n').length,
    file: /** @type {string} */ (m[1]),
    code: /** @type {string} */ (m[2]),
  }));
}

const ALL = [...snippets('docs/integration.md'), ...snippets('docs/bridge.md')];

test('the quick start has a snippet for each host', () => {
  const files = new Set(ALL.map((s) => s.file));
  for (const file of ['examples/plain-html/index.html', 'examples/react/App.tsx', 'examples/vue/App.vue', 'examples/webview/glue.js']) {
    assert.ok(files.has(file), `no quick-start snippet from ${file}`);
  }
});

for (const snippet of ALL) {
  test(`${snippet.doc}:${snippet.line} is cut from ${snippet.file}, which a test runs`, () => {
    const runBy = RUN_BY[/** @type {keyof typeof RUN_BY} */ (snippet.file)];
    assert.ok(runBy, `${snippet.file} is not a file a test runs (add it to RUN_BY with its test)`);
    assert.ok(
      contains(lines(read(snippet.file)), lines(snippet.code)),
      `the snippet is not in ${snippet.file} as written: update the doc or the file\n${snippet.code}`,
    );
    const [runner, mention] = runBy;
    assert.ok(read(runner).includes(mention), `${runner} no longer runs ${snippet.file} (it does not mention ${mention})`);
  });
}
