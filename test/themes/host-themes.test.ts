/**
 * The example host themes (examples/themes/*.css), which Storybook and the demo offer: every
 * widget stays WCAG 2.2 AA in each of them, light and dark, and the colour pairs the themes
 * promise in their header comment really have that contrast.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/samen-expectation-matrix.js';
import '../../src/define/samen-feedback-bar.js';
import '../../src/define/samen-feelings-checkin.js';
import '../../src/define/samen-reward-chart.js';
import { memoryAdapter, settled } from '../helpers/fixtures.js';
import { CATALOGUE } from '../widgets/catalogue.js';

/** Every widget a parent sees, as the widget catalogue renders it (scripts/widgets.mjs's sample). */
const PARENT_ROWS = CATALOGUE.filter((row) => row.views.includes('parent'));

const THEMES = ['blue', 'green', 'high-contrast'] as const;
const SCHEMES = ['light', 'dark'] as const;

const sheets = new Map<string, HTMLStyleElement>();
before(async () => {
  for (const theme of THEMES) {
    const response = await fetch(`/examples/themes/${theme}.css`);
    expect(response.ok, `examples/themes/${theme}.css`).to.equal(true);
    const style = document.createElement('style');
    style.textContent = await response.text();
    document.head.append(style);
    sheets.set(theme, style);
  }
});
after(() => sheets.forEach((style) => style.remove()));
before(() => Promise.all(CATALOGUE.map((row) => row.define())));

/** sRGB relative luminance of a computed `rgb(…)` colour (WCAG 2.2 definition). */
function luminance(rgb: string): number {
  const [r, g, b] = rgb
    .match(/[\d.]+/g)!
    .slice(0, 3)
    .map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

/** The token's computed colour inside a themed container, resolved with the container's colour scheme. */
function tokenColour(container: HTMLElement, name: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(--samen-color-${name})`;
  container.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

for (const theme of THEMES) {
  for (const scheme of SCHEMES) {
    describe(`host theme ${theme}, ${scheme}`, () => {
      const themed = (content: unknown) =>
        fixture<HTMLElement>(
          html`<div data-host-theme=${theme} style="color-scheme: ${scheme}; background: Canvas; color: CanvasText; max-width: 40rem">${content}</div>`,
        );

      it('defines every colour token, and its pairs have AA contrast', async () => {
        const container = await themed(html``);
        const colour = (name: string) => tokenColour(container, name);
        for (const name of ['surface', 'surface-raised', 'text', 'muted', 'accent', 'on-accent', 'danger', 'focus']) {
          expect(getComputedStyle(container).getPropertyValue(`--samen-color-${name}`), name).not.to.equal('');
        }
        for (const surface of ['surface', 'surface-raised']) {
          expect(contrast(colour('text'), colour(surface)), `text on ${surface}`).to.be.at.least(4.5);
          expect(contrast(colour('muted'), colour(surface)), `muted on ${surface}`).to.be.at.least(4.5);
          expect(contrast(colour('focus'), colour(surface)), `focus ring on ${surface}`).to.be.at.least(3);
          expect(contrast(colour('danger'), colour(surface)), `danger on ${surface}`).to.be.at.least(4.5);
        }
        expect(contrast(colour('on-accent'), colour('accent')), 'text on accent').to.be.at.least(4.5);
        expect(contrast(colour('accent'), colour('surface')), 'accent on surface').to.be.at.least(4.5);
      });

      it('in dark mode, the widgets get the dark colours (light-dark() resolves inside shadow roots)', async () => {
        const adapter = memoryAdapter();
        const container = await themed(
          html`<samen-provider .adapter=${adapter}><samen-reward-chart chart-id="class-wish" view="parent"></samen-reward-chart></samen-provider>`,
        );
        const chart = container.querySelector('samen-reward-chart')!;
        await settled(chart);
        const card = chart.shadowRoot!.querySelector('.card')!;
        const background = luminance(getComputedStyle(card).backgroundColor);
        if (scheme === 'dark') expect(background).to.be.below(0.1);
        else expect(background).to.be.above(0.8);
      });

      // Two reward charts on one page also prove the widgets' sections are named groups, not
      // landmarks: a feed of cards must not fill a screen reader's landmark list with duplicates.
      it('every widget is accessible in it, parent and teacher view', async function () {
        this.timeout(20_000); // axe over eight widgets, on a shared CI machine
        const adapter = memoryAdapter();
        const teacher = adapter.forViewer('teacher-1');
        const container = await themed(html`
          <samen-provider .adapter=${adapter}>${PARENT_ROWS.map((row) => row.sample('parent'))}</samen-provider>
          <samen-provider .adapter=${teacher}>
            <samen-lesson-clip clip-id="wish-2" view="teacher"></samen-lesson-clip>
            <samen-reward-chart chart-id="class-wish" view="teacher"></samen-reward-chart>
            <samen-feelings-checkin class-id="groep6-wish" view="teacher"></samen-feelings-checkin>
          </samen-provider>`);
        const widgets = [...container.querySelectorAll<HTMLElement & { updateComplete: Promise<boolean> }>('samen-provider > *')];
        expect(widgets).to.have.length(PARENT_ROWS.length + 3);
        expect(PARENT_ROWS.length, 'five widgets a parent sees').to.be.at.least(5);
        for (const widget of widgets) {
          await settled(widget);
          expect(widget.shadowRoot!.querySelector('.state.error'), `${widget.localName} loaded`).to.equal(null);
        }
        await expect(container).to.be.accessible();
      });
    });
  }
}
