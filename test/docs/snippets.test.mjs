/**
 * The code in the docs works: README.md, docs/*.md and the Storybook pages (stories/*.mdx).
 *
 * Which blocks are checked (the convention for writing docs):
 * - ```js, ```ts, ```tsx (and mjs/jsx) blocks that import from `@samen/widgets…`, and any such
 *   block whose info string says `check` (```js check) for a fragment without imports; `nocheck`
 *   (```js nocheck) opts a block out. They are type-checked with the repo's TypeScript against
 *   the package as a consumer gets it: `@samen/widgets/*` resolves through package.json's
 *   `exports` to the built `dist/*.d.ts` (so `npm run build` must have run). `.ts`/`.tsx` are
 *   checked strictly; `.js` with `checkJs`, without strict null checks (docs write
 *   `document.querySelector('samen-provider').adapter = …` without a `!`).
 * - ```css blocks: every `--samen-*` property is one an element documents, and every
 *   `samen-x::part(y)` a part of that element.
 * - ```html blocks: every `samen-*` tag is an element in custom-elements.json, every attribute
 *   on it is one of its attributes (or a global one), and a value of an attribute typed as a
 *   union of strings is one of them; each inline `<script type="module">` is type-checked as
 *   JavaScript, as on a page that loaded Samen.
 * - A block whose first line is a comment naming a file (`// conformance.fixtures.js`) is
 *   written under that name, so the blocks after it in the same document can import it.
 * - Names the prose assumes (`myAdapter`, `session`, `device`, `reportToYourMonitoring`, …) are
 *   declared in PRELUDE below. Add one there when a new doc needs it, rather than `nocheck`.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { typeAliases, typeText } from '../../custom-elements-manifest.config.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));

const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
  ...readdirSync(join(ROOT, 'stories'))
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => `stories/${f}`),
];

/** What the prose of the docs takes for granted. */
const PRELUDE = `
import type { Messages, SamenAdapter } from '@samen/widgets/core';
// A page with Samen loaded (a script tag or the define imports) knows the elements' types.
import type {} from '@samen/widgets';

type Suite = (name: string, body: () => void) => void;
type Test = (name: string, body: () => void | Promise<void>) => void;

declare global {
  /** The host's own adapter. */
  const myAdapter: SamenAdapter;
  const parentAdapter: SamenAdapter;
  /** The host app's signed-in session. */
  const session: { accessToken: string };
  const device: { isShared: boolean };
  const provider: HTMLElementTagNameMap['samen-provider'];
  const turkishMessages: Messages;
  /** A host's own agenda or conference planner (<samen-meeting rsvp="host">). */
  const myAgenda: {
    reply(reply: { meetingId: string; startsAt: string; familyId?: string; answer: 'yes' | 'maybe' | 'no'; people: number }): void;
  };
  function reportToYourMonitoring(event: string, origin: string): void;
  const monitoring: { count(name: string, data: Record<string, unknown>): void };
  function startTestBackend(): Promise<{ url: string; tokens: Record<string, string>; stop(): Promise<void> }>;
  /** mocha's globals. */
  const describe: Suite;
  const it: Test;
  /** What a native WebView injects (docs/bridge.md). */
  interface Window {
    webkit?: { messageHandlers?: Record<string, { postMessage(message: string): void } | undefined> };
    samenNative?: { postMessage(message: string): void; onmessage?: (event: { data: string }) => void };
  }
}
`;

/** Test runners the docs show, as modules (a script file, so these are ambient declarations). */
const RUNNERS = ['vitest', '@jest/globals', 'node:test']
  .map(
    (name) => `declare module '${name}' {
  export const describe: (name: string, body: () => void) => void;
  export const it: (name: string, body: () => void | Promise<void>) => void;
}`,
  )
  .join('\n');

/** Files the docs import that stand for the reader's own code. */
const STUBS = {
  'src/my-adapter.ts': `import type { SamenAdapter } from '@samen/widgets/core';
export declare const MyAdapter: new (options: { baseUrl: string; token: string }) => SamenAdapter;`,
};

const GLOBAL_ATTRIBUTES = new Set([
  'id',
  'class',
  'style',
  'hidden',
  'lang',
  'dir',
  'title',
  'slot',
  'part',
  'exportparts',
  'tabindex',
  'inert',
  'role',
  'translate',
]);

/* ------------------------------------------------------------------ blocks */

/** Fenced code blocks: `{ doc, line (1-based, first code line), lang, meta, code }`. */
function fencedBlocks(doc, text) {
  const lines = text.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, lang, meta] = open;
    const body = [];
    let j = i + 1;
    for (; j < lines.length; j += 1) {
      const close = new RegExp(`^\\s*${fence[0]}{${fence.length},}\\s*$`).exec(lines[j]);
      if (close) break;
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j]);
    }
    blocks.push({ doc, line: i + 2, lang: lang.toLowerCase(), meta: meta.split(/\s+/).filter(Boolean), code: body.join('\n') });
    i = j;
  }
  return blocks;
}

const SCRIPT_LANGS = new Set(['js', 'mjs', 'jsx', 'ts', 'tsx']);
const importsSamen = (code) => /(?:from\s+|import\s+|import\()\s*['"]@samen\/widgets(?:\/[\w/-]+)?['"]/.test(code);

/** The snippets to type-check: `{ doc, line, ext, code, name? }`. */
function scriptsOf(block) {
  if (block.meta.includes('nocheck')) return [];
  if (SCRIPT_LANGS.has(block.lang)) {
    const ext = block.lang === 'mjs' ? 'js' : block.lang;
    const named = /^\s*\/\/\s*([\w.-]+\.(?:m?js|tsx?))\s*$/.exec(block.code.split('\n')[0] ?? '')?.[1];
    if (!importsSamen(block.code) && !named && !block.meta.includes('check')) return [];
    return [{ doc: block.doc, line: block.line, ext, code: block.code, name: named }];
  }
  if (block.lang === 'html') {
    const scripts = [];
    for (const m of block.code.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      if (!/type\s*=\s*["']?module/.test(m[1]) || /\bsrc\s*=/.test(m[1])) continue;
      const before = block.code.slice(0, m.index + m[0].indexOf('>') + 1);
      scripts.push({ doc: block.doc, line: block.line + before.split('\n').length - 1, ext: 'js', code: m[2] });
    }
    return scripts;
  }
  return [];
}

/* --------------------------------------------------------------- elements */

const elements = new Map(
  MANIFEST.modules.flatMap((module) =>
    (module.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => [d.tagName, { module, declaration: d }]),
  ),
);

/** The string values an attribute accepts, when its type is a union of string literals. */
function allowedValues(module, attribute) {
  const text = typeText(attribute.type?.text, typeAliases(join(ROOT, module.path)));
  const parts = (text ?? '').split(' | ').filter((p) => p !== 'undefined' && p !== 'null');
  return parts.length && parts.every((p) => /^'[^']*'$/.test(p)) ? parts.map((p) => p.slice(1, -1)) : undefined;
}

/** Problems with the Samen elements an HTML snippet uses. */
function htmlProblems(block) {
  const problems = [];
  const markup = block.code
    .replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/<script\b[\s\S]*?<\/script>/g, (c) => c.replace(/[^\n]/g, ' '));
  for (const tag of markup.matchAll(/<([a-z][a-z0-9]*-[a-z0-9-]*)(\s[^>]*?)?\/?>/g)) {
    const [, name, attrs = ''] = tag;
    const line = block.line + markup.slice(0, tag.index).split('\n').length - 1;
    const at = `${block.doc}:${line}`;
    if (!name.startsWith('samen-')) continue;
    const element = elements.get(name);
    if (!element) {
      problems.push(`${at}: <${name}> is not an element in custom-elements.json`);
      continue;
    }
    const attributes = new Map((element.declaration.attributes ?? []).map((a) => [a.name, a]));
    for (const a of attrs.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const [, attr] = a;
      const value = a[2] ?? a[3] ?? a[4];
      if (GLOBAL_ATTRIBUTES.has(attr) || /^(aria|data)-/.test(attr)) continue;
      const known = attributes.get(attr);
      if (!known) {
        problems.push(`${at}: <${name}> has no attribute "${attr}" (it has ${[...attributes.keys()].join(', ') || 'none'})`);
        continue;
      }
      const allowed = allowedValues(element.module, known);
      if (allowed && value !== undefined && !allowed.includes(value)) {
        problems.push(`${at}: <${name} ${attr}="${value}">: "${attr}" is one of ${allowed.join(', ')}`);
      }
    }
  }
  return problems;
}

/** Problems with the custom properties and parts a CSS snippet uses. */
function cssProblems(block) {
  const problems = [];
  const css = block.code.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  const at = (index) => `${block.doc}:${block.line + css.slice(0, index).split('\n').length - 1}`;
  const properties = new Set([...elements.values()].flatMap(({ declaration }) => (declaration.cssProperties ?? []).map((p) => p.name)));
  for (const m of css.matchAll(/(--samen-[\w-]+)/g)) {
    if (!properties.has(m[1])) problems.push(`${at(m.index)}: ${m[1]} is not a custom property of any element`);
  }
  for (const m of css.matchAll(/\b(samen-[\w-]+)::part\(([\w-]+)\)/g)) {
    const element = elements.get(m[1]);
    if (!element) problems.push(`${at(m.index)}: <${m[1]}> is not an element in custom-elements.json`);
    else if (!(element.declaration.cssParts ?? []).some((p) => p.name === m[2])) {
      problems.push(`${at(m.index)}: <${m[1]}> has no part "${m[2]}"`);
    }
  }
  return problems;
}

/* -------------------------------------------------------------- typecheck */

/** `@samen/widgets/…` → the `types` of each package.json export, as a consumer resolves it. */
function exportPaths() {
  const paths = {};
  for (const [key, target] of Object.entries(PKG.exports)) {
    if (typeof target !== 'object' || !target.types) continue;
    paths[`${PKG.name}${key.slice(1)}`] = [join(ROOT, target.types)];
  }
  // A React host has React's types: the snippets live in a scratch folder with no node_modules.
  paths['react'] = [join(ROOT, 'node_modules/@types/react/index.d.ts')];
  paths['react/jsx-runtime'] = [join(ROOT, 'node_modules/@types/react/jsx-runtime.d.ts')];
  return paths;
}

const scratch = mkdtempSync(join(tmpdir(), 'samen-snippets-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes the snippets, type-checks them, and returns `file → [message]` by snippet. */
function typecheck(snippets) {
  const files = new Map();
  writeFileSync(join(scratch, 'prelude.d.ts'), PRELUDE);
  writeFileSync(join(scratch, 'runners.d.ts'), RUNNERS);
  for (const [path, text] of Object.entries(STUBS)) {
    mkdirSync(dirname(join(scratch, path)), { recursive: true });
    writeFileSync(join(scratch, path), text);
  }
  for (const snippet of snippets) {
    const dir = join(scratch, snippet.doc.replace(/[^\w]+/g, '_'));
    mkdirSync(dir, { recursive: true });
    // JavaScript is checked as TypeScript without strict mode: TypeScript's JS mode would let a
    // misspelt option (`{ adaptor }`) through, since it skips excess property checks.
    const name = snippet.name ?? `line-${snippet.line}.${snippet.ext}`;
    const file = join(dir, snippet.ext.startsWith('js') ? name.replace(/\.m?js(x?)$/, '.ts$1') : name);
    writeFileSync(file, snippet.code);
    files.set(file, snippet);
  }
  const common = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    moduleDetection: ts.ModuleDetectionKind.Force,
    jsx: ts.JsxEmit.ReactJSX,
    types: [],
    paths: exportPaths(),
    skipLibCheck: true,
    // \`import '@samen/widgets/lesson-clip'\` must name a real entry point too.
    noUncheckedSideEffectImports: true,
    noEmit: true,
  };
  const messages = new Map([...files.keys()].map((f) => [f, []]));
  // TypeScript strictly; JavaScript as a reader would write it (no null checks, no implicit-any errors).
  for (const [group, options] of [
    [(snippet) => !snippet.ext.startsWith('js'), { ...common, strict: true }],
    [(snippet) => snippet.ext.startsWith('js'), { ...common, strict: false }],
  ]) {
    const roots = [...files.keys()].filter((f) => group(files.get(f)));
    if (!roots.length) continue;
    const program = ts.createProgram([join(scratch, 'prelude.d.ts'), join(scratch, 'runners.d.ts'), ...roots], options);
    const diagnostics = [
      ...program.getOptionsDiagnostics(),
      ...program.getGlobalDiagnostics(),
      ...roots.flatMap((f) => ts.getPreEmitDiagnostics(program, program.getSourceFile(f))),
    ];
    for (const d of diagnostics) {
      const text = ts.flattenDiagnosticMessageText(d.messageText, '\n  ');
      const snippet = d.file && files.get(d.file.fileName);
      if (!snippet) {
        // The prelude, a stub or the options: every snippet is suspect, so report it on all.
        for (const list of messages.values()) list.push(`${d.file ? relative(scratch, d.file.fileName) : 'options'}: ${text}`);
        continue;
      }
      // JavaScript can't say which element getElementById found; that is no mistake in the docs.
      if (snippet.ext.startsWith('js') && d.code === 2339 && /on type '(HTML)?Element'\.$/.test(text)) continue;
      const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
      messages.get(d.file.fileName).push(`${snippet.doc}:${snippet.line + line}: TS${d.code}: ${text}`);
    }
  }
  return new Map([...files].map(([file, snippet]) => [snippet, messages.get(file)]));
}

/* -------------------------------------------------------------------- tests */

const blocks = DOCS.flatMap((doc) => fencedBlocks(doc, readFileSync(join(ROOT, doc), 'utf8')));
const snippets = blocks.flatMap(scriptsOf);

/** Deliberately wrong snippets: the checks must catch each one. */
const BROKEN = [
  { doc: 'self-check', line: 1, ext: 'js', code: `import { configure } from '@samen/widgets/core';\nconfigure({ adaptor: myAdapter });` },
  {
    doc: 'self-check',
    line: 10,
    ext: 'ts',
    code: `import { HttpAdapter } from '@samen/widgets/adapters/http';\nnew HttpAdapter({ baseURL: '/api' });`,
  },
  { doc: 'self-check', line: 20, ext: 'js', code: `import '@samen/widgets/lesson-clips';` },
];
const BROKEN_HTML = {
  doc: 'self-check',
  line: 30,
  lang: 'html',
  meta: [],
  code: `<samen-lesson-clip clipid="x" view="pupil"></samen-lesson-clip>\n<samen-reward-card></samen-reward-card>`,
};

describe('docs snippets', () => {
  assert.ok(
    existsSync(join(ROOT, 'dist/index.d.ts')),
    'dist/ is missing: the snippets are checked against the built package types; run `npm run build` first',
  );
  const results = typecheck([...snippets, ...BROKEN]);

  test('the docs have snippets to check', () => {
    assert.ok(snippets.length >= 10, `only ${snippets.length} checkable snippets found in ${DOCS.join(', ')}`);
    assert.ok(
      blocks.some((b) => b.lang === 'html'),
      'no HTML snippets found',
    );
  });

  for (const snippet of snippets) {
    test(`${snippet.doc}:${snippet.line} (${snippet.ext}${snippet.name ? `, ${snippet.name}` : ''}) type-checks`, () => {
      const problems = results.get(snippet);
      if (problems.length) assert.fail(`\n${problems.join('\n')}`);
    });
  }

  for (const doc of DOCS) {
    const html = blocks.filter((b) => b.doc === doc && b.lang === 'html');
    if (!html.length) continue;
    test(`${doc}: HTML snippets use only elements, attributes and values in custom-elements.json`, () => {
      const problems = html.flatMap(htmlProblems);
      if (problems.length) assert.fail(`\n${problems.join('\n')}`);
    });
  }

  for (const doc of DOCS) {
    const css = blocks.filter((b) => b.doc === doc && b.lang === 'css');
    if (!css.length) continue;
    test(`${doc}: CSS snippets use only custom properties and parts in custom-elements.json`, () => {
      const problems = css.flatMap(cssProblems);
      if (problems.length) assert.fail(`\n${problems.join('\n')}`);
    });
  }

  test('the checks catch a wrong option, a wrong entry point, wrong HTML and wrong CSS', () => {
    const [option, strictOption, entry] = BROKEN.map((b) => results.get(b).join('\n'));
    assert.match(option, /adaptor/);
    assert.match(strictOption, /baseURL/);
    assert.match(entry, /Cannot find module '@samen\/widgets\/lesson-clips'/);
    const html = htmlProblems(BROKEN_HTML).join('\n');
    assert.match(html, /<samen-lesson-clip> has no attribute "clipid"/);
    assert.match(html, /view="pupil".*one of parent, teacher, child/);
    assert.match(html, /<samen-reward-card> is not an element/);
    const css = cssProblems({
      doc: 'self-check',
      line: 40,
      code: `a { --samen-colour-accent: red; }\nsamen-lesson-clip::part(headline) { color: red; }`,
    }).join('\n');
    assert.match(css, /--samen-colour-accent is not a custom property/);
    assert.match(css, /<samen-lesson-clip> has no part "headline"/);
  });

  test('the fence parser finds blocks, their languages and info strings', () => {
    const found = fencedBlocks('x.md', 'a\n```js check\nconst a = 1;\n```\n\n  ```html\n  <p>\n  ```\n');
    assert.deepEqual(
      found.map(({ line, lang, meta, code }) => ({ line, lang, meta, code })),
      [
        { line: 3, lang: 'js', meta: ['check'], code: 'const a = 1;' },
        { line: 7, lang: 'html', meta: [], code: '<p>' },
      ],
    );
  });
});
