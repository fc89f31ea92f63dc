import { SamenProgrammeIntro } from '../programme-intro/programme-intro.js';

// Idempotent: a page that loads two copies of Samen must not throw.
if (!customElements.get('samen-programme-intro')) customElements.define('samen-programme-intro', SamenProgrammeIntro);

declare global {
  interface HTMLElementTagNameMap {
    'samen-programme-intro': SamenProgrammeIntro;
  }
}

export { SamenProgrammeIntro };
