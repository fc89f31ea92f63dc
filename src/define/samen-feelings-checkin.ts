import { SamenFeelingsCheckin } from '../feelings-checkin/feelings-checkin.js';

// Idempotent: a page that loads two copies of Samen must not throw.
if (!customElements.get('samen-feelings-checkin')) customElements.define('samen-feelings-checkin', SamenFeelingsCheckin);

declare global {
  interface HTMLElementTagNameMap {
    'samen-feelings-checkin': SamenFeelingsCheckin;
  }
}

export { SamenFeelingsCheckin };
