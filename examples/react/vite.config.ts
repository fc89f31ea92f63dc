import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// `@samen/widgets/*` resolves the way the published package does: through package.json
// "exports" to the rollup build in dist/ (run `npm run build` first).
const pkg = new URL('../../package.json', import.meta.url);
const exportsMap: Record<string, string | { default: string }> = JSON.parse(readFileSync(pkg, 'utf8')).exports;
const alias = Object.entries(exportsMap).map(([subpath, target]) => ({
  find: new RegExp(`^@samen/widgets${subpath.slice(1).replace(/[.]/g, '\\.')}$`),
  replacement: fileURLToPath(new URL(typeof target === 'string' ? target : target.default, pkg)),
}));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative URLs: the build is served from /examples/react/dist/.
  base: './',
  resolve: { alias },
  // No React plugin needed: oxc compiles JSX for the automatic runtime.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: { outDir: 'dist', emptyOutDir: true },
});
