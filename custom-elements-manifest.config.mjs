/**
 * Config for `npm run analyze` (@custom-elements-manifest/analyzer).
 * Modules are sorted by path: the analyzer lists them in file-system walk order, which
 * differs between clones, and CI compares the committed manifest byte for byte.
 */
export default {
  globs: ['src/**/*.ts'],
  litelement: true,
  // package.json's customElements field is written by hand; CI runs the analyzer into a scratch dir.
  packagejson: false,
  plugins: [
    {
      name: 'samen-sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
