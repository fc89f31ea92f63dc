// @ts-check
/**
 * Two builds:
 *  (a) the npm build: one ES module per source file in dist/ (preserveModules), bare
 *      dependencies left external, .d.ts files beside them;
 *  (b) dist/samen.bundle.js: one self-contained, minified ES module for a plain
 *      <script type="module"> (lit, zod, date-fns and idb bundled in), and beside it in
 *      dist/samen.bundle/ the languages it loads on demand (English and the home languages:
 *      same-origin module files, which `script-src 'self'` allows).
 */
import { readdirSync, rmSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { minifyCssLiterals } from './scripts/minify-css-literals.mjs';
import { WIDGETS } from './scripts/widgets.mjs';

/**
 * Bare dependencies of the npm build (package.json "dependencies", and React, which the host
 * that imports `@samen/widgets/react` has) and their subpaths.
 * `@lit\/[^/]+` so that every @lit/* package (@lit/context, …) matches.
 */
const external = (/** @type {string} */ id) => /^(lit|@lit\/[^/]+|zod|date-fns|idb|react)(\/|$)/.test(id);

const defineEntries = readdirSync('src/define')
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .sort()
  .map((f) => `src/define/${f}`);

/**
 * The classes alone (`@samen/widgets/feedback-bar/class`, …): the same modules the define entries
 * import, as entries of their own so that their exports stay whole. They define nothing.
 */
const classEntries = [
  'src/lesson-clip/lesson-clip.ts',
  'src/feedback-bar/feedback-bar.ts',
  'src/reward-chart/reward-chart.ts',
  'src/feelings-checkin/feelings-checkin.ts',
  'src/expectation-matrix/expectation-matrix.ts',
  'src/clip-composer/clip-composer.ts',
  'src/programme-overview/programme-overview.ts',
  'src/programme-intro/programme-intro.ts',
  'src/meeting/meeting.ts',
  'src/evaluation/evaluation.ts',
  'src/core/samen-provider.ts',
];

/**
 * Languages as data (src/locales/en.ts, ar.ts, …): an entry each, which src/core/i18n.ts loads
 * with a dynamic import() when a widget first shows that language, so every widget ships with
 * Dutch only; a host may also import one up front.
 */
const localeEntries = readdirSync('src/locales')
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .sort()
  .map((f) => `src/locales/${f}`);

const inZod = (/** @type {string | undefined} */ id) => !!id && /[\\/]node_modules[\\/]zod[\\/]/.test(id);

/**
 * Only zod's own noise is dropped: the import cycles inside its module graph, and comments
 * it places where rollup can't read a pure annotation. Both are harmless and not ours to fix.
 */
function onwarn(/** @type {import('rollup').RollupLog} */ warning, /** @type {(w: import('rollup').RollupLog) => void} */ warn) {
  if (warning.code === 'CIRCULAR_DEPENDENCY' && (warning.ids ?? []).every(inZod)) return;
  if (warning.code === 'INVALID_ANNOTATION' && inZod(warning.id)) return;
  warn(warning);
}

/**
 * The script-tag bundle carries its own copy of lit, and lit creates its Trusted Types policy
 * "lit-html" as its module loads. Under `trusted-types lit-html` (no 'allow-duplicates') a second
 * copy's createPolicy() throws "Policy with name lit-html already exists", and with it the whole
 * bundle dies, exports and all. In the bundle only, lit skips the policy when every element the
 * bundle defines (samen-provider and each widget of scripts/widgets.mjs) is already defined: an
 * earlier copy of Samen (the bundle again, or a host's build of the npm package) renders them all
 * with its own lit and policy, this copy's define entries define nothing and its exports load as
 * usual. Otherwise (no lit before it, or another Lit app that is not Samen, or a host build that
 * defines only some of the tags) it tries createPolicy(), and a refusal does not end the module:
 * after another Lit app, `'allow-duplicates'` lets the bundle have its own policy; without it the
 * browser refuses, and the bundle's templates are blocked (SECURITY.md, as lit documents).
 * The policy is never shared or exposed. Fails the build if lit changes the line, so a lit
 * upgrade can't silently bring the collision back.
 * @returns {import('rollup').Plugin}
 */
function litPolicyOnce() {
  const call = /(\w+)=(\w+)\?\2\.createPolicy\("lit-html",(\{createHTML:(\w+)=>\4\})\):void 0/;
  const list = ['samen-provider', ...WIDGETS.map((w) => w.tag)];
  const tags = JSON.stringify(list);
  return {
    name: 'samen-lit-policy-once',
    buildStart() {
      // The bundle (src/index.ts) imports every define entry: the list must name each of their tags.
      const defined = defineEntries.map((f) => f.replace(/^src\/define\/|\.ts$/g, '')).sort();
      if (defined.join() !== [...list].sort().join()) this.error(`the tags ${tags} are not those of src/define/: ${defined}`);
    },
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]lit-html[\\/]lit-html\.js$/.test(id)) return null;
      if (!call.test(code)) this.error('lit-html.js no longer creates its Trusted Types policy as rollup.config.js expects');
      const taken = `${tags}.every(t=>globalThis.customElements?.get(t))`;
      const policy = `$1=$2&&!${taken}?(()=>{try{return $2.createPolicy("lit-html",$3)}catch{}})():void 0`;
      return { code: code.replace(call, policy), map: null };
    },
  };
}

/** @param {Record<string, unknown>} args rollup's command-line options */
export default (args) => {
  // Start from an empty dist/ so removed sources never leave stale files in the package.
  if (!args.watch) rmSync('dist', { recursive: true, force: true });

  /** @type {import('rollup').RollupOptions[]} */
  const builds = [
    {
      input: [
        'src/index.ts',
        'src/core/index.ts',
        'src/core/policy.ts',
        ...defineEntries,
        ...classEntries,
        ...localeEntries,
        'src/adapters/memory-adapter.ts',
        'src/adapters/demo-guard.ts',
        // The seeded school as fixtures for the reference server's conformance run (DEMO_AUTHORIZATION_FIXTURES).
        'src/adapters/demo-data.ts',
        'src/adapters/local-adapter.ts',
        'src/adapters/http-adapter.ts',
        'src/adapters/outbox.ts',
        'src/adapters/bridge-adapter.ts',
        'src/adapters/bridge-host.ts',
        'src/testing/index.ts',
        // The React components (@lit/react; the JSX typings beside them). Not src/frameworks/vue.ts:
        // the Vue typings are types only (`import type {} from '@samen/widgets/vue'`), so it would
        // be an empty JavaScript chunk. The typescript plugin writes its declarations with every
        // other file's (dist/frameworks/vue.d.ts), and package.json exports it as types only.
        'src/frameworks/react.ts',
      ],
      external,
      onwarn,
      // Our styles' comments and indentation stay in src/: no vendor's minifier would take them out of a css`` template.
      plugins: [typescript({ tsconfig: './tsconfig.json' }), minifyCssLiterals()],
      output: {
        dir: 'dist',
        format: 'es',
        preserveModules: true,
        preserveModulesRoot: 'src',
        // The typescript plugin always imports its helpers (__decorate) from tslib, which is
        // not a dependency: rollup keeps it as a module of its own. npm never packs a folder
        // named node_modules, so that module goes to dist/_vendor/ instead.
        entryFileNames: (chunk) =>
          /(^|\/)node_modules\//.test(chunk.name) ? `_vendor/${chunk.name.replace(/^(.*\/)?node_modules\//, '')}.js` : '[name].js',
      },
    },
    {
      input: 'src/index.ts',
      onwarn,
      plugins: [
        nodeResolve({ browser: true }),
        litPolicyOnce(),
        typescript({
          tsconfig: './tsconfig.json',
          declaration: false,
          declarationMap: false,
          declarationDir: undefined,
          outDir: 'dist',
        }),
        minifyCssLiterals(),
        terser({ ecma: 2020, module: true, format: { comments: false } }),
      ],
      output: {
        dir: 'dist',
        entryFileNames: 'samen.bundle.js',
        chunkFileNames: 'samen.bundle/[name]-[hash].js',
        format: 'es',
      },
    },
  ];
  return builds;
};
