import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  // Docs pages (autodocs is switched on for every story with `tags` in preview.ts).
  addons: ['@storybook/addon-docs'],
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
