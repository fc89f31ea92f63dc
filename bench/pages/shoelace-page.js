/**
 * Bench page for two Shoelace peers, cherry-picked: <sl-rating> (beside the feedback bar) and
 * <sl-card> (beside the lesson clip). sl-rating draws its stars with <sl-icon library="system">,
 * whose icons are inline data: URLs, so no base path is needed and nothing leaves the page.
 */
import '@shoelace-style/shoelace/dist/components/rating/rating.js';
import '@shoelace-style/shoelace/dist/components/card/card.js';
import { installHarness } from './harness.js';

// A card with about what a lesson clip card shows: picture, title, meta, two short sections, a button.
const card = (i) => `
  <img slot="image" src="/pages/picture.svg" alt="Kinderen oefenen in de kring" width="480" height="270" />
  <strong slot="header">Lichaamstaal</strong>
  <p>Groep 6 · les ${(i % 8) + 1}</p>
  <h3>Doel</h3><p>Je laat met je houding zien dat je zeker bent.</p>
  <h3>Wat we leerden</h3><p>Rechtop staan, schouders naar achteren en de ander aankijken: dan geloven ze je.</p>
  <button slot="footer" type="button">We hebben erover gepraat</button>`;

installHarness({
  kinds: {
    'sl-rating': { tag: 'sl-rating', attrs: () => ({ label: 'Waardering', value: '3' }) },
    'sl-card': { tag: 'sl-card', children: card },
  },
  // Rendered, and for the rating every star icon has its SVG (they resolve asynchronously).
  loaded: (el) => {
    const root = el.shadowRoot;
    if (!root?.querySelector('[part~="base"]')) return false;
    return [...root.querySelectorAll('sl-icon')].every((icon) => icon.shadowRoot?.querySelector('svg'));
  },
});
