import { SamenProvider } from '../core/samen-provider.js';
import { defineOnce } from './define-once.js';

defineOnce('samen-provider', SamenProvider);

declare global {
  interface HTMLElementTagNameMap {
    'samen-provider': SamenProvider;
  }
}

export { SamenProvider };
