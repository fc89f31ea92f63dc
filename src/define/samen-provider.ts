import { SamenProvider } from '../core/samen-provider.js';

// Idempotent: a page that loads two copies of Samen must not throw.
if (!customElements.get('samen-provider')) customElements.define('samen-provider', SamenProvider);

declare global {
  interface HTMLElementTagNameMap {
    'samen-provider': SamenProvider;
  }
}

export { SamenProvider };
