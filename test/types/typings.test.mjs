// The framework typings as hosts' compilers meet them (issue 22): each fixture (test/types/*.typecheck.tsx)
// marks every mistake a host could make with `// @ts-expect-error <what>` on the line before it.
// Compiled once as written, with test/types/tsconfig.json (strict, React 19 JSX), the fixture must
// have no error: correct code compiles, and every marked line is an error. Compiled again with the
// markers switched off, every error must be on a marked line and every marked line must have one
// of its own, so a marker can't hide a mistake in the fixture itself and a typing that got looser
// fails here by name.
//   node --test test/types/typings.test.mjs
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const HERE = dirname(fileURLToPath(import.meta.url));
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
function compile(file, { markers }) {
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    resolve(name) === file && !markers
      ? ts.createSourceFile(name, readFileSync(file, 'utf8').replaceAll(MARKER, 'ts-expect-error-off'.padEnd(MARKER.length)), version)
      : getSourceFile(name, version, ...rest);
  const program = ts.createProgram({ rootNames: [file], options: config.options, host });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && resolve(d.file.fileName) === file)
    .map((d) => ({
      line: /** @type {ts.SourceFile} */ (d.file).getLineAndCharacterOfPosition(/** @type {number} */ (d.start)).line + 1,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0],
    }));
}

/** The lines a marker covers: the next line that is not a comment. */
function markedLines(/** @type {string} */ file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  /** @type {Map<number, string>} */
  const marked = new Map();
  lines.forEach((text, i) => {
    const what = new RegExp(`//\\s*${MARKER}\\s*(.*)$`).exec(text)?.[1];
    if (what === undefined) return;
    let next = i + 1;
    while (/^\s*(\/\/|\/\*|\*)/.test(lines[next] ?? '')) next += 1;
    marked.set(next + 1, what);
  });
  return marked;
}

const FIXTURES = readdirSync(HERE)
  .filter((f) => f.endsWith('.typecheck.tsx'))
  .map((f) => join(HERE, f));

test('there are fixtures', () => assert.ok(FIXTURES.length > 0));

for (const file of FIXTURES) {
  const name = file.slice(HERE.length + 1);
  test(`${name}: compiles as written (correct code passes, every marked mistake is an error)`, () => {
    assert.deepEqual(compile(file, { markers: true }), []);
  });

  test(`${name}: each marked mistake is an error of its own, and nothing else is`, async (t) => {
    const errors = compile(file, { markers: false });
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
