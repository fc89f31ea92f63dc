/**
 * Every `--samen-*` custom property an element's styles read, and every part its templates
 * expose, is documented for that element in custom-elements.json (so in docs/api.md, the
 * Storybook docs pages and editors), and nothing documented is missing from the code:
 *
 * - each property read has a fallback, and the documented `default` is that fallback as the
 *   light theme resolves it (`var(--_accent)` → `var(--samen-color-accent)`,
 *   `var(--_d-surface)` → `#ffffff`); when the dark theme resolves it differently, the
 *   description names the dark value too;
 * - each `part` and each name an element re-exports with `exportparts` is a documented
 *   `@csspart`, and a re-exported part exists on the inner element.
 *
 * How it reads the code, the way lit composes it:
 * - Styles: the element class's `static styles`: arrays, `...Base.styles` (the superclass's,
 *   found through its import) and imported `css` values. `*.styles.ts` modules are transpiled
 *   and evaluated with lit's own `css` tag, so computed rules (the light and dark token tables
 *   of src/core/tokens.styles.ts) are read as the browser gets them.
 * - Parts: every html`` template in the element's module and its superclasses' modules, and in
 *   the template helpers they import (src/ modules with a template that are no element themselves);
 *   bound values (`part=${on ? 'a b' : 'a'}`, a parameter typed `'goal' | 'learned'`,
 *   `exportparts=${LIST.join(', ')}`) are resolved from their string literals, and anything
 *   the resolver can't read fails the test rather than being skipped.
 *
 * Fix a failure in the JSDoc block above the element class (`@cssprop [--name=default] -
 * description`, `@csspart name - description`), then `npm run analyze`.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));

/* ------------------------------------------------------------------ sources */

const sources = new Map();
/** A parsed TypeScript file, by path relative to the repo root. */
function source(path) {
  if (!sources.has(path)) {
    sources.set(path, ts.createSourceFile(path, readFileSync(join(ROOT, path), 'utf8'), ts.ScriptTarget.Latest, true));
  }
  return sources.get(path);
}

const where = (node) => {
  const sf = node.getSourceFile();
  return `${sf.fileName}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
};

/** Module specifier → repo path (`../core/x.js` → `src/core/x.ts`), or null for a package. */
function resolveSpecifier(fromPath, specifier) {
  if (!specifier.startsWith('.')) return null;
  return relative(ROOT, resolve(ROOT, dirname(fromPath), specifier)).replace(/\.js$/, '.ts');
}

/** Where a name used in `path` comes from: `{ path, name }` (same file when not imported), or `{ pkg }`. */
function origin(path, localName) {
  for (const statement of source(path).statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      if (element.name.text !== localName) continue;
      const target = resolveSpecifier(path, statement.moduleSpecifier.text);
      const name = (element.propertyName ?? element.name).text;
      return target ? { path: target, name } : { pkg: statement.moduleSpecifier.text, name };
    }
  }
  return { path, name: localName };
}

function findClass(path, name) {
  return source(path).statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === name);
}

function findVariable(path, name) {
  for (const statement of source(path).statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const declaration = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name);
    if (declaration) return declaration;
  }
  return undefined;
}

const isStatic = (member) => member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);

/* ------------------------------------------------------------------- styles */

const scratch = mkdtempSync(join(tmpdir(), 'samen-styles-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const LIT = import.meta.resolve('lit');
const evaluated = new Map();

/** Imports a `*.styles.ts` module as the browser would get it: transpiled, with lit's real `css`. */
async function evaluateStylesModule(path) {
  if (!evaluated.has(path)) {
    const { outputText } = ts.transpileModule(readFileSync(join(ROOT, path), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: path,
    });
    const js = outputText.replace(/from\s+(['"])([^'"]+)\1/g, (whole, _q, specifier) => {
      if (specifier === 'lit') return `from ${JSON.stringify(LIT)}`;
      const target = resolveSpecifier(path, specifier);
      if (target?.endsWith('.styles.ts'))
        return `from ${JSON.stringify(pathToFileURL(join(scratch, target.replace(/\.ts$/, '.mjs'))).href)}`;
      throw new Error(`${path}: a styles module may import only lit and other *.styles.ts modules, not ${specifier}`);
    });
    // Write (and import) the styles modules it imports first.
    for (const statement of source(path).statements) {
      if (ts.isImportDeclaration(statement)) {
        const target = resolveSpecifier(path, statement.moduleSpecifier.text);
        if (target) await evaluateStylesModule(target);
      }
    }
    const out = join(scratch, path.replace(/\.ts$/, '.mjs'));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, js);
    evaluated.set(path, await import(pathToFileURL(out).href));
  }
  return evaluated.get(path);
}

/** The CSS texts of a `css` value, array, spread or `X.styles`, in the order lit applies them. */
async function resolveStyles(node, path) {
  if (ts.isArrayLiteralExpression(node)) {
    const parts = [];
    for (const element of node.elements) parts.push(...(await resolveStyles(element, path)));
    return parts;
  }
  if (ts.isSpreadElement(node) || ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
    return resolveStyles(node.expression, path);
  }
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'styles' && ts.isIdentifier(node.expression)) {
    return classStyles(origin(path, node.expression.text), where(node));
  }
  if (ts.isIdentifier(node)) {
    const from = origin(path, node.text);
    if (from.pkg) throw new Error(`${where(node)}: styles from the package ${from.pkg} can't be read`);
    if (from.path.endsWith('.styles.ts')) {
      const module = await evaluateStylesModule(from.path);
      if (!module[from.name]) throw new Error(`${where(node)}: ${from.path} exports no ${from.name}`);
      return [module[from.name].cssText];
    }
    const declaration = findVariable(from.path, from.name);
    if (!declaration?.initializer) throw new Error(`${where(node)}: can't find the styles ${from.name} in ${from.path}`);
    return resolveStyles(declaration.initializer, from.path);
  }
  if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'css') {
    const template = node.template;
    if (ts.isNoSubstitutionTemplateLiteral(template)) return [template.text];
    let text = template.head.text;
    for (const span of template.templateSpans) text += (await resolveStyles(span.expression, path)).join('\n') + span.literal.text;
    return [text];
  }
  throw new Error(`${where(node)}: can't tell which styles ${node.getText()} are; extend resolveStyles in test/docs/tokens.test.mjs`);
}

/** A class's `static styles`, following `...Base.styles` up the chain. */
async function classStyles(from, site) {
  if (from.pkg) {
    if (from.pkg === 'lit' && from.name === 'LitElement') return [];
    throw new Error(`${site}: styles of ${from.name} from ${from.pkg} can't be read`);
  }
  const cls = findClass(from.path, from.name);
  if (!cls) throw new Error(`${site}: no class ${from.name} in ${from.path}`);
  const styles = cls.members.find((m) => ts.isPropertyDeclaration(m) && isStatic(m) && m.name.getText() === 'styles');
  if (styles?.initializer) return resolveStyles(styles.initializer, from.path);
  const base = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  return base && ts.isIdentifier(base) ? classStyles(origin(from.path, base.text), where(base)) : [];
}

/* ---------------------------------------------------------------------- CSS */

/** Index of the `)` that closes the `(` at `open`. */
function closingParen(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '(') depth += 1;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  throw new Error(`unbalanced parentheses in ${text}`);
}

/** Splits at top-level commas, into at most `max` pieces (the last keeps its commas). */
function splitArgs(text, max = Infinity) {
  const args = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length && args.length < max - 1; i += 1) {
    if (text[i] === '(') depth += 1;
    else if (text[i] === ')') depth -= 1;
    else if (text[i] === ',' && depth === 0) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  args.push(text.slice(start).trim());
  return args;
}

const normalize = (value) => value.replace(/\s+/g, ' ').replace(/\(\s+/g, '(').replace(/\s+\)/g, ')').trim().toLowerCase();

/** Every declaration, with the selectors and at-rules around it. */
function declarations(cssText) {
  const text = cssText.replace(/\/\*[\s\S]*?\*\//g, '');
  const found = [];
  const context = [];
  let buffer = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (depth === 0 && ch === '{') {
      context.push(buffer.trim());
      buffer = '';
    } else if (depth === 0 && (ch === ';' || ch === '}')) {
      const declaration = buffer.trim();
      const colon = declaration.indexOf(':');
      if (colon > 0 && declaration.startsWith('--')) {
        found.push({ property: declaration.slice(0, colon).trim(), value: declaration.slice(colon + 1).trim(), context: [...context] });
      }
      buffer = '';
      if (ch === '}') context.pop();
    } else buffer += ch;
  }
  return found;
}

/** Every `var(--samen-…)` read, with its fallback (undefined when it has none). */
function publicReads(cssText) {
  const text = cssText.replace(/\/\*[\s\S]*?\*\//g, '');
  const reads = [];
  for (const match of text.matchAll(/var\(/g)) {
    const open = match.index + 3;
    const [name, fallback] = splitArgs(text.slice(open + 1, closingParen(text, open)), 2);
    if (name.startsWith('--samen-')) reads.push({ name, fallback });
  }
  return reads;
}

const DARK_CONTEXT = /theme\s*=\s*['"]?dark/;

/**
 * A fallback as a reader of the docs sees it, in the light or dark theme: private `--_*`
 * properties replaced by what they are declared as, `light-dark()` by one side, and a
 * public property by `var(--samen-…)` (it is documented in its own row).
 */
function resolveValue(value, theme, decls, depth = 0) {
  if (depth > 20) throw new Error(`a private property refers to itself in ${value}`);
  let out = '';
  let index = 0;
  const pattern = /(light-dark|var)\(/g;
  for (let hit = pattern.exec(value); hit; hit = pattern.exec(value)) {
    out += value.slice(index, hit.index);
    const open = hit.index + hit[1].length;
    const close = closingParen(value, open);
    const inner = value.slice(open + 1, close);
    if (hit[1] === 'light-dark') {
      out += resolveValue(splitArgs(inner, 2)[theme === 'dark' ? 1 : 0], theme, decls, depth + 1);
    } else {
      const [name, fallback] = splitArgs(inner, 2);
      if (name.startsWith('--samen-')) out += `var(${name})`;
      else {
        const own = decls.filter((d) => d.property === name);
        const light =
          own.find((d) => !d.context.some((c) => DARK_CONTEXT.test(c) || c.startsWith('@'))) ??
          own.find((d) => !d.context.some((c) => DARK_CONTEXT.test(c)));
        const dark = own.find((d) => d.context.some((c) => DARK_CONTEXT.test(c)));
        const chosen = (theme === 'dark' && dark) || light;
        if (chosen) out += resolveValue(chosen.value, theme, decls, depth + 1);
        else if (fallback !== undefined) out += resolveValue(fallback, theme, decls, depth + 1);
        else throw new Error(`${name} is read but never declared`);
      }
    }
    index = close + 1;
    pattern.lastIndex = index;
  }
  return normalize(out + value.slice(index));
}

/** `--samen-*` name → { light, dark } defaults; problems for reads without or with clashing fallbacks. */
function customProperties(cssTexts) {
  const css = cssTexts.join('\n');
  const decls = declarations(css);
  const props = new Map();
  const problems = [];
  for (const { name, fallback } of publicReads(css)) {
    if (fallback === undefined) {
      problems.push(`${name} is read without a fallback, so it has no default`);
      continue;
    }
    const value = { light: resolveValue(fallback, 'light', decls), dark: resolveValue(fallback, 'dark', decls) };
    const known = props.get(name);
    // A plain colour beside a light-dark() one with the same light value is the fallback for
    // browsers without light-dark() (declared outside an @supports block): one default.
    const plain = (v) => v.light === v.dark;
    const sameLight = known && known.light === value.light;
    if (known && sameLight && (plain(known) || plain(value))) {
      props.set(name, plain(known) ? value : known);
      continue;
    }
    if (known && (known.light !== value.light || known.dark !== value.dark)) {
      problems.push(`${name} is read with two different defaults: ${known.light} and ${value.light}`);
    }
    props.set(name, known ?? value);
  }
  return { props, problems };
}

/* -------------------------------------------------------------------- parts */

/** The strings a bound attribute value can be, from its string literals; throws when unsure. */
function stringValues(node) {
  if (ts.isStringLiteralLike(node)) return [node.text];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return stringValues(node.expression);
  if (ts.isConditionalExpression(node)) return [...stringValues(node.whenTrue), ...stringValues(node.whenFalse)];
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)) {
    return [...stringValues(node.left), ...stringValues(node.right)];
  }
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    if (ts.isIdentifier(callee) && callee.text === 'ifDefined') return stringValues(node.arguments[0]);
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'join') {
      let list = callee.expression;
      if (ts.isIdentifier(list)) list = findVariable(node.getSourceFile().fileName, list.text)?.initializer ?? list;
      if (ts.isArrayLiteralExpression(list)) {
        const separator = node.arguments[0] ? stringValues(node.arguments[0]) : [','];
        if (separator.length === 1)
          return [
            list.elements
              .map((e) => {
                const values = stringValues(e);
                return values.length === 1 ? values[0] : unsure(e);
              })
              .join(separator[0]),
          ];
      }
    }
  }
  if (ts.isIdentifier(node)) {
    const values = [];
    const visit = (n) => {
      if ((ts.isParameter(n) || ts.isVariableDeclaration(n)) && ts.isIdentifier(n.name) && n.name.text === node.text) {
        if (n.initializer) values.push(...stringValues(n.initializer));
        else if (n.type) values.push(...literalTypes(n.type));
        else unsure(node);
      }
      ts.forEachChild(n, visit);
    };
    visit(node.getSourceFile());
    if (values.length) return values;
  }
  return unsure(node);
}

function literalTypes(type) {
  if (ts.isUnionTypeNode(type)) return type.types.flatMap(literalTypes);
  if (ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) return [type.literal.text];
  return unsure(type);
}

function unsure(node) {
  throw new Error(
    `${where(node)}: can't tell which parts \`${node.getText()}\` names; bind string literals, or extend stringValues in test/docs/tokens.test.mjs`,
  );
}

/** Parts rendered by the html`` templates of these modules: `{ parts: Map<name, site>, exported: [{ tag, inner, outer, site }] }`. */
function templateParts(paths) {
  const parts = new Map();
  const exported = [];
  for (const path of paths) {
    const visit = (node) => {
      if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'html') {
        const t = node.template;
        const texts = ts.isNoSubstitutionTemplateLiteral(t) ? [t.text] : [t.head.text, ...t.templateSpans.map((s) => s.literal.text)];
        const bound = ts.isNoSubstitutionTemplateLiteral(t) ? [] : t.templateSpans.map((s) => s.expression);
        const markup = texts.reduce((acc, text, i) => `${acc}\u0000${i - 1}\u0000${text}`);
        for (const m of markup.matchAll(/(?<=\s)(exportparts|part)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/g)) {
          const raw = m[2] ?? m[3] ?? m[4];
          // Every string the value can be: each binding replaced by each of its values.
          let values = [raw];
          // eslint-disable-next-line no-control-regex -- NUL marks where a binding was
          for (const [placeholder, i] of raw.matchAll(/\u0000(\d+)\u0000/g)) {
            const options = stringValues(bound[Number(i)]);
            values = values.flatMap((v) => options.map((o) => v.replace(placeholder, o)));
          }
          // eslint-disable-next-line no-control-regex -- as above
          const site = where(bound[0] && raw.includes('\u0000') ? bound[Number(/\u0000(\d+)\u0000/.exec(raw)[1])] : node);
          for (const value of values) {
            if (m[1] === 'part') {
              for (const name of value.split(/\s+/).filter(Boolean)) if (!parts.has(name)) parts.set(name, site);
            } else {
              const tag = [...markup.slice(0, m.index).matchAll(/<([a-z][a-z0-9]*-[a-z0-9-]*)/g)].at(-1)?.[1];
              for (const entry of value
                .split(',')
                .map((e) => e.trim())
                .filter(Boolean)) {
                const [inner, outer = inner] = entry.split(':').map((s) => s.trim());
                exported.push({ tag, inner, outer, site });
                if (!parts.has(outer)) parts.set(outer, site);
              }
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source(path));
  }
  return { parts, exported };
}

/* ------------------------------------------------------------------ checker */

const modulePath = (ref) => ref.replace(/^\//, '').replace(/\.js$/, '.ts');

function elementsOf(manifest) {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? []).filter((d) => d.customElement && d.tagName).map((declaration) => ({ module, declaration })),
  );
}

/**
 * Shared template pieces an element module imports (a controller's button, such as the read-aloud
 * one): modules of src/ with an html`` template that are not elements of their own.
 */
function templateHelpers(manifest, path, seen = new Set([path]), onDemand = true) {
  const elementModules = new Set(elementsOf(manifest).map(({ module }) => module.path));
  const helpers = [];
  for (const statement of source(path).statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
    const specifier = statement.moduleSpecifier.text;
    if (!specifier.startsWith('.')) continue;
    const imported = relative(ROOT, resolve(ROOT, dirname(path), specifier)).replace(/\.js$/, '.ts');
    if (!imported.startsWith('src/') || imported.endsWith('.styles.ts') || elementModules.has(imported)) continue;
    if (/\bhtml`/.test(source(imported).text)) helpers.push(imported);
    // A module without a template that loads a view on demand (LazyThreads, issue 23): the view
    // and what it imports render into this element's shadow root once loaded.
    else
      for (const [, lazy] of source(imported).text.matchAll(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
        const view = relative(ROOT, resolve(ROOT, dirname(imported), lazy)).replace(/\.js$/, '.ts');
        if (seen.has(view) || elementModules.has(view)) continue;
        seen.add(view);
        // The view itself, or (a module of re-exports, as threads-view) the modules it re-exports.
        const shown = /\bhtml`/.test(source(view).text)
          ? [view]
          : [...source(view).text.matchAll(/\bexport\s[^;]*?\bfrom\s+['"](\.[^'"]+)['"]/g)]
              .map(([, from]) => relative(ROOT, resolve(ROOT, dirname(view), from)).replace(/\.js$/, '.ts'))
              .filter((module) => /\bhtml`/.test(source(module).text));
        for (const module of shown)
          for (const inner of [module, ...templateHelpers(manifest, module, seen, false)])
            if (!helpers.includes(inner)) helpers.push(inner);
      }
  }
  const staticHelpers = new Set(helpers);
  // A view loaded on demand renders into the same shadow root: `import('./teacher-view.js')`.
  if (onDemand)
    for (const [, specifier] of source(path).text.matchAll(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
      const imported = relative(ROOT, resolve(ROOT, dirname(path), specifier)).replace(/\.js$/, '.ts');
      if (
        imported.startsWith('src/') &&
        !elementModules.has(imported) &&
        !helpers.includes(imported) &&
        /\bhtml`/.test(source(imported).text)
      )
        helpers.push(imported);
    }
  // What a statically imported helper imports statically renders into the same shadow root too
  // (CardThreads renders a ThreadController's thread).
  for (const helper of [...helpers]) {
    if (seen.has(helper) || !staticHelpers.has(helper)) continue;
    seen.add(helper);
    for (const inner of templateHelpers(manifest, helper, seen, false)) if (!helpers.includes(inner)) helpers.push(inner);
  }
  return helpers;
}

/** The modules whose templates render into this element's shadow root: its own, its superclasses' and the template helpers they import. */
function classChain(manifest, module, declaration) {
  const paths = [module.path, ...templateHelpers(manifest, module.path)];
  let superclass = declaration.superclass;
  while (superclass?.module) {
    const path = modulePath(superclass.module);
    paths.push(path, ...templateHelpers(manifest, path).filter((helper) => !paths.includes(helper)));
    const next = manifest.modules.find((m) => m.path === path)?.declarations?.find((d) => d.name === superclass.name);
    superclass = next?.superclass;
  }
  return paths;
}

/** What the code of one element reads and renders. Independent of the manifest's docs. */
async function codeOf(manifest, module, declaration) {
  const css = await classStyles({ path: module.path, name: declaration.name }, module.path);
  return { ...customProperties(css), ...templateParts(classChain(manifest, module, declaration)) };
}

/** Everything wrong between an element's code and its documentation in `manifest`. */
function problemsFor(manifest, declaration, code) {
  const problems = [...code.problems];
  const documented = new Map((declaration.cssProperties ?? []).map((p) => [p.name, p]));
  for (const [name, { light, dark }] of code.props) {
    const doc = documented.get(name);
    if (!doc) problems.push(`${name} is read (default ${light}) but not documented: add \`@cssprop [${name}=${light}] - …\``);
    else if (doc.default === undefined) problems.push(`${name} is documented without a default: write \`@cssprop [${name}=${light}] - …\``);
    else if (normalize(doc.default) !== light)
      problems.push(`${name} is documented with default ${doc.default}, but the code falls back to ${light}`);
    if (doc && dark !== light && !normalize(doc.description ?? '').includes(dark)) {
      problems.push(`${name}: the dark theme falls back to ${dark}; say so in its description`);
    }
  }
  for (const name of documented.keys()) {
    if (!code.props.has(name)) problems.push(`${name} is documented but the styles never read it`);
  }
  const parts = new Set((declaration.cssParts ?? []).map((p) => p.name));
  for (const [name, site] of code.parts) {
    if (!parts.has(name)) problems.push(`part "${name}" (${site}) is not documented: add \`@csspart ${name} - …\``);
  }
  for (const name of parts) {
    if (!code.parts.has(name)) problems.push(`part "${name}" is documented but never rendered`);
  }
  for (const { tag, inner, outer, site } of code.exported) {
    const innerElement = elementsOf(manifest).find((e) => e.declaration.tagName === tag)?.declaration;
    if (!innerElement) problems.push(`${site}: exportparts on <${tag}>, which is not an element in the manifest`);
    else if (!(innerElement.cssParts ?? []).some((p) => p.name === inner)) {
      problems.push(`${site}: "${outer}" re-exports part "${inner}" of <${tag}>, which has no such part`);
    }
  }
  return problems;
}

/* -------------------------------------------------------------------- tests */

const elements = elementsOf(MANIFEST);

describe('custom properties and parts are documented with defaults', () => {
  test('the manifest lists the elements', () => {
    assert.ok(elements.length >= 6, `custom-elements.json lists ${elements.length} elements; run \`npm run analyze\``);
  });

  for (const { module, declaration } of elements) {
    test(`<${declaration.tagName}> (${module.path})`, async () => {
      const problems = problemsFor(MANIFEST, declaration, await codeOf(MANIFEST, module, declaration));
      if (problems.length)
        assert.fail(
          `\n${problems.join('\n')}\n\nFix the JSDoc above class ${declaration.name} in ${module.path}, then run \`npm run analyze\`.`,
        );
    });
  }
});

describe('the checker itself', () => {
  const clip = elements.find((e) => e.declaration.tagName === 'samen-lesson-clip');

  test('reads shared tokens, widget properties, bound parts and re-exported parts', async () => {
    const code = await codeOf(MANIFEST, clip.module, clip.declaration);
    // From src/core/tokens.styles.ts (through ...SamenElement.styles), with both themes' tables.
    assert.deepEqual(code.props.get('--samen-color-surface'), { light: '#ffffff', dark: '#1b1f27' });
    assert.deepEqual(code.props.get('--samen-radius'), { light: '12px', dark: '12px' });
    // From the widget's own styles, through a private property of the tokens.
    assert.deepEqual(code.props.get('--samen-clip-badge-color'), { light: 'var(--samen-color-accent)', dark: 'var(--samen-color-accent)' });
    // A parameter typed 'goal' | 'learned', two parts in one attribute, the base class's error state,
    // and the feedback bar's parts re-exported under new names.
    for (const part of ['goal', 'learned', 'media', 'photos', 'error', 'retry', 'feedback', 'feedback-reaction-pressed']) {
      assert.ok(code.parts.has(part), `part ${part}`);
    }
    assert.ok(
      code.exported.some(
        (e) => e.tag === 'samen-feedback-bar' && e.inner === 'reaction-pressed' && e.outer === 'feedback-reaction-pressed',
      ),
    );
  });

  test('fails for an undocumented property, a missing default, a wrong default, an undocumented part and a stale entry', async () => {
    const code = await codeOf(MANIFEST, clip.module, clip.declaration);
    const broken = structuredClone(clip.declaration);
    broken.cssProperties = broken.cssProperties
      .filter((p) => p.name !== '--samen-radius')
      .map((p) =>
        p.name === '--samen-space' ? { ...p, default: undefined } : p.name === '--samen-touch-target' ? { ...p, default: '40px' } : p,
      );
    broken.cssProperties.push({ name: '--samen-nothing', default: '0', description: 'Read by nobody.' });
    broken.cssParts = broken.cssParts.filter((p) => p.name !== 'goal');
    const problems = problemsFor(MANIFEST, broken, code).join('\n');
    assert.match(problems, /--samen-radius is read \(default 12px\) but not documented/);
    assert.match(problems, /--samen-space is documented without a default/);
    assert.match(problems, /--samen-touch-target is documented with default 40px, but the code falls back to 44px/);
    assert.match(problems, /--samen-nothing is documented but the styles never read it/);
    assert.match(problems, /part "goal" .* is not documented/);
  });

  test('resolves fallbacks through private properties and light-dark()', () => {
    const css = `:host { --_d-x: #fff; } @supports (color: light-dark(#000, #fff)) { :host { --_d-x: light-dark(#fff, #000); } }
      :host([theme='dark']) { --_d-x: #000; } :host { --_x: var(--samen-x, var(--_d-x)); --_y: var(--samen-y, var(--_x)); }
      .a { color: var(--samen-z, light-dark(red, blue)); margin: var(--samen-m); }`;
    const { props, problems } = customProperties([css]);
    assert.deepEqual(props.get('--samen-x'), { light: '#fff', dark: '#000' });
    assert.deepEqual(props.get('--samen-y'), { light: 'var(--samen-x)', dark: 'var(--samen-x)' });
    assert.deepEqual(props.get('--samen-z'), { light: 'red', dark: 'blue' });
    assert.deepEqual(problems, ['--samen-m is read without a fallback, so it has no default']);
  });
});
