import type { StorybookConfig } from '@storybook/web-components-vite';
import remarkGfm from 'remark-gfm';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  // Docs pages (autodocs is switched on for every story with `tags` in preview.ts).
  // addon-a11y: axe on every story in the Accessibility panel.
  // remark-gfm: the MDX guides use GitHub-style tables.
  addons: [
    { name: '@storybook/addon-docs', options: { mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [remarkGfm] } } } },
    '@storybook/addon-a11y',
  ],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // No internet here or in CI: never phone home.
  core: { disableTelemetry: true },
  // Storybook's own docs renderer is a ~1 MB chunk; that is not ours to split, so don't warn.
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    build: { ...viteConfig.build, chunkSizeWarningLimit: 1500 },
  }),
};

export default config;
