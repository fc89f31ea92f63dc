/**
 * Builds the runtime bench pages into bench/.build/: one bundle with our widgets from src/
 * (TypeScript and our styles' text, as rollup.config.js compiles them) and one per peer, each self-contained (its own
 * lit), unminified like the peers' own dist files. Also puts the peers' static assets beside them.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { rollup } from 'rollup';
import nodeResolve from '@rollup/plugin-node-resolve';
import ts from 'typescript';
import { minifyCssLiterals } from '../../scripts/minify-css-literals.mjs';

const inZod = (/** @type {string | undefined} */ id) => !!id && /[\\/]node_modules[\\/]zod[\\/]/.test(id);

/** @param {string} root repository root @param {string} out build dir */
export async function buildPages(root, out) {
  mkdirSync(out, { recursive: true });
  /** @type {string[]} */
  const warnings = [];
  const pages = {
    samen: 'bench/pages/samen-page.js',
    emoji: 'bench/pages/emoji-page.js',
    shoelace: 'bench/pages/shoelace-page.js',
  };
  for (const [name, input] of Object.entries(pages)) {
    const bundle = await rollup({
      input: join(root, input),
      onwarn(warning) {
        if (warning.code === 'CIRCULAR_DEPENDENCY' && (warning.ids ?? []).every(inZod)) return;
        if (warning.code === 'INVALID_ANNOTATION' && inZod(warning.id)) return;
        // TypeScript's inlined __decorate helper starts with `this && this.__decorate` (and
        // rollup then fails to map that warning's position back through the source map).
        if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'SOURCEMAP_ERROR') return;
        warnings.push(`${name}: ${warning.message.split('\n')[0]}`);
      },
      // Our styles as dist/ has them (comments out, scripts/minify-css-literals.mjs); the peers' as published.
      plugins: [nodeResolve({ browser: true }), ...(name === 'samen' ? [transpileTs(root), minifyCssLiterals()] : [])],
    });
    // Source maps let bench/runtime/profile.mjs name the source file of every profile sample.
    await bundle.write({ file: join(out, `${name}.js`), format: 'es', inlineDynamicImports: true, sourcemap: true });
    await bundle.close();
  }
  copyFileSync(join(root, 'node_modules/@shoelace-style/shoelace/dist/themes/light.css'), join(out, 'shoelace-light.css'));
  const emojiData = provideEmojiData(root, out);
  return { warnings, emojiData };
}

/**
 * TypeScript per file with tsconfig.json's compiler options (legacy decorators, no define
 * semantics for fields), without type checking: that is `npm run typecheck`'s job, and a
 * checked program costs the quick CI run ~15 s. Resolves src/'s `./x.js` imports to `./x.ts`.
 * bench/size.mjs uses it too (with importHelpers), for the same bytes as `npm run build`.
 * @param {string} root @param {{ importHelpers?: boolean, sourceMap?: boolean }} [options]
 * @returns {import('rollup').Plugin}
 */
export function transpileTs(root, { importHelpers = false, sourceMap = true } = {}) {
  const { options } = ts.convertCompilerOptionsFromJson(
    JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).compilerOptions,
    root,
  );
  // importHelpers: __decorate from tslib, as @rollup/plugin-typescript (and so `npm run build`) does.
  const compilerOptions = { ...options, declaration: false, sourceMap, inlineSources: false, importHelpers, module: ts.ModuleKind.ESNext };
  return {
    name: 'bench-transpile-ts',
    resolveId(source, importer) {
      if (!importer?.endsWith('.ts') || !source.startsWith('.') || !source.endsWith('.js')) return null;
      const candidate = resolve(dirname(importer), source.replace(/\.js$/, '.ts'));
      return existsSync(candidate) ? candidate : null;
    },
    transform(code, id) {
      if (!id.endsWith('.ts')) return null;
      const { outputText, sourceMapText } = ts.transpileModule(code, { compilerOptions, fileName: id });
      return { code: outputText.replace(/\n\/\/# sourceMappingURL=.*$/, ''), map: sourceMapText ?? null };
    },
  };
}

/**
 * emoji-picker-element loads its data from a CDN unless told otherwise. The bench serves
 * emoji-picker-element-data's English file itself: from node_modules when installed, else
 * from a copy kept in bench/.build/cache/, else fetched once with `npm pack` (npm registry).
 * @returns {string} where the data came from
 */
function provideEmojiData(root, out) {
  const target = join(out, 'emoji-data.json');
  const installed = join(root, 'node_modules/emoji-picker-element-data');
  if (existsSync(join(installed, 'en/emojibase/data.json'))) {
    copyFileSync(join(installed, 'en/emojibase/data.json'), target);
    return `emoji-picker-element-data@${JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).version} (node_modules)`;
  }
  const cache = join(out, 'cache');
  const cached = join(cache, 'package/en/emojibase/data.json');
  if (!existsSync(cached)) {
    mkdirSync(cache, { recursive: true });
    const packed = JSON.parse(
      execFileSync('npm', ['pack', 'emoji-picker-element-data@^1', '--json', '--pack-destination', '.'], {
        cwd: cache,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    )[0];
    execFileSync('tar', ['-xzf', packed.filename, 'package/en/emojibase/data.json', 'package/package.json'], { cwd: cache });
    rmSync(join(cache, packed.filename));
  }
  copyFileSync(cached, target);
  const version = JSON.parse(readFileSync(join(cache, 'package/package.json'), 'utf8')).version;
  return `emoji-picker-element-data@${version} (npm pack, cached in bench/.build/cache)`;
}
