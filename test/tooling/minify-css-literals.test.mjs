import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAst } from 'rollup/parseAst';
import { minifyCss, minifyCssTemplates } from '../../scripts/minify-css-literals.mjs';

/** What the build does to a module (rollup parses it, the plugin rewrites its css`` text). */
const build = (/** @type {string} */ code) => minifyCssTemplates(code, parseAst(code));

test('a css`` template loses its comments and runs of whitespace, none left beside braces and semicolons', () => {
  const code = [
    'const styles = css`',
    '  /* Why the card is a grid (issue 21). */',
    '  :host {',
    '    display: block;',
    '  }',
    '  .card  .title,',
    '  .card > p {',
    '    margin: 0 auto;   /* centred */',
    '  }',
    '`;',
  ].join('\n');
  assert.equal(build(code), 'const styles = css`:host{display: block;}.card .title, .card > p{margin: 0 auto;}`;');
});

test('expressions, strings in the CSS and other templates stay as they are', () => {
  const code = [
    'const a = css`',
    "  .quote::before { content: '  /* not a comment */  '; }",
    '  :host { ${declare((n) => `light-dark(${LIGHT[n]},   ${DARK[n]})`)} }',
    '  .x { width: ${size}px;  }',
    '`;',
    'const b = html`<p>  two  spaces  </p>`;',
    '// css` in a comment, and a string: "css`  x  `"',
  ].join('\n');
  const out = build(code);
  for (const kept of [
    "content: '  /* not a comment */  ';",
    '${declare((n) => `light-dark(${LIGHT[n]},   ${DARK[n]})`)}',
    '.x{width: ${size}px;}',
    'html`<p>  two  spaces  </p>`',
    '// css` in a comment, and a string: "css`  x  `"',
  ])
    assert.ok(out.includes(kept), `kept as it was: ${kept}\nin: ${out}`);
  // The module is still the same JavaScript, with the same expressions in the same templates.
  assert.doesNotThrow(() => parseAst(out));
});

test('a comment that would run over an expression leaves that part whole; a word either side of a comment stays apart', () => {
  assert.equal(minifyCss('  a { b: c; } /* open'), '  a { b: c; } /* open');
  assert.equal(minifyCss('a/* x */b'), 'a b');
  assert.equal(
    minifyCss('a {\n  grid-template-areas:\n    "one  two"\n    "three four";\n}'),
    'a{grid-template-areas: "one  two" "three four";}',
  );
});

test('at the ends of a template whitespace parts nothing; beside an expression one space stays', () => {
  assert.equal(build('const c = css`\n  ${base}\n  ${more}\n`;'), 'const c = css`${base} ${more}`;');
});

test('a module with no css`` template is left exactly as it is', () => {
  const code = 'export const x = html`<b>  a  </b>`; /* css */';
  assert.equal(build(code), code);
});
