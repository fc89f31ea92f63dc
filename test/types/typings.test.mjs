// The framework typings as hosts' compilers meet them (issue 22). Each fixture marks every mistake
// a host could make on the line before it: `// @ts-expect-error <what>` in test/types/*.typecheck.tsx
// (React, compiled with test/types/tsconfig.json: strict, React 19 JSX), `<!-- @vue-expect-error
// <what> -->` in test/types/*.typecheck.vue (Vue, compiled by vue-tsc with strictTemplates).
// Compiled as written, a fixture must have no error: correct code compiles, and every marked line
// is an error. Compiled again with the markers switched off, every error must be on a marked line
// and every marked line must have one of its own, so a marker can't hide a mistake in the fixture
// itself and a typing that got looser fails here by name.
//   node --test test/types/typings.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const config = ts.getParsedCommandLineOfConfigFile(
  join(HERE, 'tsconfig.json'),
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
);
assert.ok(config, 'test/types/tsconfig.json does not parse');
const MARKER = '@ts-expect-error';

/**
 * Compiles one fixture, with its markers or without them (replaced by text of the same length,
 * so lines and columns stay); its diagnostics as `line: message`, lines counted from 1.
 * @param {string} file @param {{ markers: boolean }} options
 */
/** The last program compiled: the next one reuses its unchanged files (the sources, React's and lib's types). */
/** @type {ts.Program | undefined} */
let lastProgram;

function compile(file, { markers }) {
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    resolve(name) === file && !markers
      ? ts.createSourceFile(name, readFileSync(file, 'utf8').replaceAll(MARKER, 'ts-expect-error-off'.padEnd(MARKER.length)), version)
      : getSourceFile(name, version, ...rest);
  const program = ts.createProgram({ rootNames: [file], options: config.options, host, oldProgram: lastProgram });
  lastProgram = program;
  // Only the fixture's own diagnostics are kept, so only the fixture is checked (the sources are
  // checked by `npm run typecheck`); the program's global and options diagnostics still count.
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(file))
    .filter((d) => d.file && resolve(d.file.fileName) === file)
    .map((d) => ({
      line: /** @type {ts.SourceFile} */ (d.file).getLineAndCharacterOfPosition(/** @type {number} */ (d.start)).line + 1,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0],
    }));
}

/** The lines a marker covers: the next line that is not a comment (lines counted from 1). */
function markedLines(/** @type {string} */ file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  /** @type {Map<number, string>} */
  const marked = new Map();
  lines.forEach((text, i) => {
    const what = /(?:\/\/|<!--)\s*@(?:ts|vue)-expect-error\s*(.*?)\s*(?:-->)?$/.exec(text)?.[1];
    if (what === undefined) return;
    let next = i + 1;
    while (/^\s*(\/\/|\/\*|\*|<!--)/.test(lines[next] ?? '')) next += 1;
    marked.set(next + 1, what);
  });
  return marked;
}

/** `@samen/widgets/…` as the Vue fixtures import it, from the sources. */
const VUE_PATHS = {
  '@samen/widgets/vue': [join(ROOT, 'src/frameworks/vue.ts')],
  '@samen/widgets/core': [join(ROOT, 'src/core/index.ts')],
  '@samen/widgets/adapters/memory': [join(ROOT, 'src/adapters/memory-adapter.ts')],
};

/**
 * vue-tsc with strictTemplates on one .vue fixture, with its markers or without them (same
 * length, so lines stay); its errors in the fixture as `{ line, message }`. Both versions are
 * compiled in one vue-tsc run (two files of one scratch project, sharing the sources' types),
 * kept for the second call.
 * @param {string} file @param {{ markers: boolean }} options
 */
function compileVue(file, { markers }) {
  let both = vueErrors.get(file);
  if (!both) vueErrors.set(file, (both = compileVueBoth(file)));
  return markers ? both.markers : both.off;
}

/** @type {Map<string, { markers: { line: number, message: string }[], off: { line: number, message: string }[] }>} */
const vueErrors = new Map();

function compileVueBoth(/** @type {string} */ file) {
  const dir = mkdtempSync(join(tmpdir(), 'samen-vue-types-'));
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const text = readFileSync(file, 'utf8');
    writeFileSync(join(dir, 'markers.vue'), text);
    writeFileSync(join(dir, 'off.vue'), text.replaceAll('@vue-expect-error', '@vue-expect-erroff'.slice(0, 17)));
    const tsconfig = {
      extends: join(ROOT, 'tsconfig.json'),
      // The sources are type-checked by `npm run typecheck`; here only their types matter.
      compilerOptions: { rootDir: '/', noEmit: true, types: [], paths: VUE_PATHS, noUnusedLocals: false, noUnusedParameters: false },
      vueCompilerOptions: { strictTemplates: true },
      include: [join(dir, '*.vue')],
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/vue-tsc/bin/vue-tsc.js'), '-p', join(dir, 'tsconfig.json')], {
      encoding: 'utf8',
    });
    const out = `${run.stdout}${run.stderr}`;
    const errors = [...out.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+: .*)$/gm)];
    const inFile = (/** @type {string} */ name) =>
      errors.filter((m) => m[1]?.endsWith(`/${name}`) || m[1] === name).map((m) => ({ line: Number(m[2]), message: m[3] ?? '' }));
    const elsewhere = errors.filter((m) => !/(^|\/)(markers|off)\.vue$/.test(m[1] ?? ''));
    assert.deepEqual(
      elsewhere.map((m) => m[0]),
      [],
      'vue-tsc found errors outside the fixture',
    );
    if (run.status !== 0 && errors.length === 0) assert.fail(`vue-tsc failed without a type error:\n${out}`);
    return { markers: inFile('markers.vue'), off: inFile('off.vue') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const FIXTURES = readdirSync(HERE)
  .filter((f) => /\.typecheck\.(tsx|vue)$/.test(f))
  .map((f) => join(HERE, f));
const compileAny = (/** @type {string} */ file, /** @type {{ markers: boolean }} */ options) =>
  file.endsWith('.vue') ? compileVue(file, options) : compile(file, options);

test('there are fixtures', () => assert.ok(FIXTURES.length > 0));

for (const file of FIXTURES) {
  const name = file.slice(HERE.length + 1);
  test(`${name}: compiles as written (correct code passes, every marked mistake is an error)`, () => {
    assert.deepEqual(compileAny(file, { markers: true }), []);
  });

  test(`${name}: each marked mistake is an error of its own, and nothing else is`, async (t) => {
    const errors = compileAny(file, { markers: false });
    const marked = markedLines(file);
    assert.ok(marked.size > 0, 'the fixture marks no mistake');
    for (const [line, what] of marked) {
      await t.test(`line ${line}: ${what}`, () => {
        assert.ok(
          errors.some((e) => e.line === line),
          `no compile error on line ${line} (${what}): the typings accept this mistake`,
        );
      });
    }
    assert.deepEqual(
      errors.filter((e) => !marked.has(e.line)),
      [],
      'errors on lines no marker names',
    );
  });
}
