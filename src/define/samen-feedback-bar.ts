import { SamenFeedbackBar } from '../feedback-bar/feedback-bar.js';

// Idempotent: a page that loads two copies of Samen must not throw.
if (!customElements.get('samen-feedback-bar')) customElements.define('samen-feedback-bar', SamenFeedbackBar);

declare global {
  interface HTMLElementTagNameMap {
    'samen-feedback-bar': SamenFeedbackBar;
  }
}

export { SamenFeedbackBar };
