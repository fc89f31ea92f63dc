import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MemoryAdapter } from '../src/adapters/memory-adapter.js';
import '../src/define/samen-provider.js';
import '../src/define/samen-lesson-clip.js';

/** Fixed "now" for the seeded data, so the stories are stable. */
const NOW = new Date('2026-11-20T10:00:00Z');

/** A `<style>` node: the CSS is shown on screen and applied from the same string. */
const styleNode = (css: string): HTMLStyleElement => {
  const style = document.createElement('style');
  style.textContent = css;
  return style;
};

const clip = (toolbarLocale: unknown, theme?: 'light' | 'dark'): TemplateResult => {
  const locale = toolbarLocale === 'en' ? 'en' : 'nl';
  const adapter = new MemoryAdapter({ now: NOW, locale });
  return html`<samen-provider .adapter=${adapter} locale=${locale}>
    <samen-lesson-clip clip-id="wish-6" theme=${ifDefined(theme)}></samen-lesson-clip>
  </samen-provider>`;
};

const labelled = (label: string, content: TemplateResult, extraStyle = '') =>
  html`<figure style="margin: 0; display: grid; gap: 0.5rem; align-content: start; ${extraStyle}">
    <figcaption style="font: 600 0.9rem system-ui">${label}</figcaption>
    ${content}
  </figure>`;

const grid = (...items: TemplateResult[]) =>
  html`<div style="display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr)); align-items: start">
    ${items}
  </div>`;

const code = (css: string) =>
  // A code sample may scroll sideways on a phone; tabindex lets a keyboard scroll it too.
  html`<pre tabindex="0" style="margin: 1rem 0 0; padding: 1rem; overflow: auto; background: #f3f5f8; border-radius: 8px; font-size: 0.8rem"><code>${css.trim()}</code></pre>`;

const meta: Meta = {
  title: 'Guides/Theming',
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        component:
          'Samen widgets inherit the host app’s font and follow its light or dark `color-scheme`. Hosts brand them with ' +
          'public `--samen-*` custom properties (they pierce the shadow root, so set them on any ancestor), and restyle ' +
          'details with `::part()`. Internal `--_*` properties and class names are not part of the API. The full list of ' +
          'properties and parts of each widget is on its docs page, generated from custom-elements.json.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

const BRAND_CSS = `
.brand-school-app {
  --samen-color-accent: #5b2a86;      /* the school app's purple */
  --samen-color-on-accent: #ffffff;
  --samen-color-surface: #fffdf8;
  --samen-color-surface-raised: #f4eefa;
  --samen-color-border: #d9cbe6;
  --samen-color-focus: #c2410c;
  --samen-radius: 4px;
  --samen-space: 12px;
  --samen-font-family: Georgia, 'Times New Roman', serif;
  --samen-touch-target: 48px;
  --samen-clip-media-ratio: 4 / 3;
}
`;

/**
 * The same card with the library defaults and with a host's brand: colours, radius, spacing,
 * font, touch-target size and media aspect ratio, all through `--samen-*` properties on an ancestor.
 */
export const CustomProperties: Story = {
  render: (_args, { globals }) => html`${styleNode(BRAND_CSS)}
    ${grid(
      labelled('Defaults', clip(globals['locale'])),
      labelled('.brand-school-app', html`<div class="brand-school-app">${clip(globals['locale'])}</div>`),
    )}
    ${code(BRAND_CSS)}`,
};

const PARTS_CSS = `
.parts-demo samen-lesson-clip::part(base) {
  border: 3px solid #0f766e;
  box-shadow: 0 6px 18px rgb(15 118 110 / 0.25);
}
.parts-demo samen-lesson-clip::part(badge) {
  text-transform: uppercase;
  letter-spacing: 0.08em;
}
.parts-demo samen-lesson-clip::part(title) {
  font-size: 1.6rem;
  color: #0f766e;
}
.parts-demo samen-lesson-clip::part(home-question) {
  background: #fef9c3;
  border: 2px dashed #ca8a04;
}
.parts-demo samen-lesson-clip::part(send-button) {
  border-radius: 999px;
}
/* Parts of the embedded feedback bar, re-exported by the clip */
.parts-demo samen-lesson-clip::part(feedback-reaction) {
  border-radius: 999px;
}
.parts-demo samen-lesson-clip::part(feedback-reaction-pressed) {
  outline: 2px solid #ca8a04;
}
`;

/** Restyling details with `::part()`, including the embedded feedback bar's parts, which the clip re-exports as `feedback-*`. */
export const Parts: Story = {
  render: (_args, { globals }) => html`${styleNode(PARTS_CSS)}
    <div class="parts-demo" style="max-width: 34rem">${clip(globals['locale'])}</div>
    ${code(PARTS_CSS)}`,
};

/**
 * Light or dark: without a `theme` attribute a widget follows the host page’s `color-scheme`
 * (here a dark container); `theme="light"` or `theme="dark"` overrides it.
 */
export const LightAndDark: Story = {
  render: (_args, { globals }) =>
    grid(
      labelled('theme="light"', clip(globals['locale'], 'light'), 'padding: 1rem; background: #ffffff; color: #1d2430'),
      labelled('theme="dark"', clip(globals['locale'], 'dark'), 'padding: 1rem; background: #101318; color: #eef1f5'),
      labelled(
        'no theme, host has color-scheme: dark',
        clip(globals['locale']),
        'padding: 1rem; background: #101318; color: #eef1f5; color-scheme: dark',
      ),
    ),
};
