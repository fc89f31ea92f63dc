/**
 * Minifies the CSS in lit's css`` templates at build time: comments out, runs of whitespace one
 * space, none beside `{`, `}` and `;`. Our styles explain themselves in comments (why a rule is
 * there, which issue asked for it); no JavaScript minifier touches a template's text, so every
 * vendor's bundle carried them (issue 23: ~1.8 KB brotli of the phone page's script). Only the
 * template's static text changes: `${…}` expressions are copied as they are, and so is the
 * text inside CSS strings ('…', "…"). A part with a comment left open (one that would run over
 * an expression) is left whole.
 *
 * Hand-written rather than a dependency: the packages that minify lit's templates minify html``
 * too (the riskier half) and are not kept up; this is a walk of rollup's syntax tree and one
 * small scanner, tested in test/tooling/minify-css-literals.test.mjs.
 */

/**
 * A rollup plugin: the static text of every css`` template in the modules it transforms,
 * minified; only our own modules (under src/) unless `include` says otherwise: a peer's or a
 * dependency's bytes stay as they are published. It finds them in the module's syntax tree
 * (rollup's parser), so a backtick in a comment or a string is never mistaken for one.
 * @returns {import('rollup').Plugin}
 */
export function minifyCssLiterals({ include = (/** @type {string} */ id) => /[\\/]src[\\/]/.test(id) } = {}) {
  return {
    name: 'minify-css-literals',
    transform(code, id) {
      if (!include(id) || !/\bcss\s*`/.test(code)) return null;
      const minified = minifyCssTemplates(code, this.parse(code));
      return minified === code ? null : { code: minified, map: null };
    },
  };
}

/**
 * `code` with the static text of every css`` template minified; `program` is its syntax tree
 * (ESTree, with `start` and `end` offsets, as rollup's and acorn's parsers give).
 */
export function minifyCssTemplates(/** @type {string} */ code, /** @type {unknown} */ program) {
  /** @type {{ start: number, end: number, first: boolean, tail: boolean }[]} */
  const quasis = [];
  const visit = (/** @type {any} */ node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && node.tag.name === 'css')
      quasis.push(
        ...node.quasi.quasis.map((/** @type {any} */ q, /** @type {number} */ i) => ({
          start: q.start,
          end: q.end,
          first: i === 0,
          tail: q.tail,
        })),
      );
    for (const key of Object.keys(node)) if (key !== 'type' && key !== 'start' && key !== 'end') visit(node[key]);
  };
  visit(program);
  let out = '';
  let at = 0;
  for (const quasi of quasis.sort((a, b) => a.start - b.start)) {
    let text = minifyCss(code.slice(quasi.start, quasi.end));
    // Beside an expression a space may part two values; at the template's ends it parts nothing.
    if (quasi.first) text = text.trimStart();
    if (quasi.tail) text = text.trimEnd();
    out += code.slice(at, quasi.start) + text;
    at = quasi.end;
  }
  return out + code.slice(at);
}

/** The index of the quote that closes the string opened at `open` (its end if none). */
function stringEnd(/** @type {string} */ text, /** @type {number} */ open) {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === text[open]) return i;
  }
  return text.length - 1;
}

/** One static part of a css`` template, minified; left whole when a comment in it stays open. */
export function minifyCss(/** @type {string} */ text) {
  let out = '';
  /** The text since the last CSS string: its whitespace is what gets minified. */
  let plain = '';
  const flush = () => {
    out += plain.replace(/\s*([{};])\s*|\s+/g, (_, punctuation) => punctuation ?? ' ');
    plain = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return text;
      i = close + 1;
      plain += ' '; // a comment between two words still parts them
    } else if (char === '"' || char === "'") {
      const close = stringEnd(text, i);
      flush();
      out += text.slice(i, close + 1); // a CSS string as it is
      i = close;
    } else if (char === '\\') {
      plain += text.slice(i, i + 2);
      i++;
    } else plain += char;
  }
  flush();
  return out;
}
