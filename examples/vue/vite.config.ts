import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
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
  // Relative URLs: the build is served from /examples/vue/dist/.
  base: './',
  resolve: { alias },
  plugins: [
    // samen-* are custom elements, not Vue components: Vue leaves them to the browser.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('samen-') } } }),
  ],
  build: { outDir: 'dist', emptyOutDir: true },
});
