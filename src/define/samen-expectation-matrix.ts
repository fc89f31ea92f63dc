import { SamenExpectationMatrix } from '../expectation-matrix/expectation-matrix.js';

// Idempotent: a page that loads two copies of Samen must not throw.
if (!customElements.get('samen-expectation-matrix')) customElements.define('samen-expectation-matrix', SamenExpectationMatrix);

declare global {
  interface HTMLElementTagNameMap {
    'samen-expectation-matrix': SamenExpectationMatrix;
  }
}

export { SamenExpectationMatrix };
