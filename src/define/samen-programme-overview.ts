import { SamenProgrammeOverview } from '../programme-overview/programme-overview.js';

// Idempotent: a page that loads two copies of Samen must not throw.
if (!customElements.get('samen-programme-overview')) customElements.define('samen-programme-overview', SamenProgrammeOverview);

declare global {
  interface HTMLElementTagNameMap {
    'samen-programme-overview': SamenProgrammeOverview;
  }
}

export { SamenProgrammeOverview };
