import { SamenEvaluation } from '../evaluation/evaluation.js';

// Idempotent: a page that loads two copies of Samen must not throw.
if (!customElements.get('samen-evaluation')) customElements.define('samen-evaluation', SamenEvaluation);

declare global {
  interface HTMLElementTagNameMap {
    'samen-evaluation': SamenEvaluation;
  }
}

export { SamenEvaluation };
