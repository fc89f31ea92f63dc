import { SamenMeeting } from '../meeting/meeting.js';

// Idempotent: a page that loads two copies of Samen must not throw.
if (!customElements.get('samen-meeting')) customElements.define('samen-meeting', SamenMeeting);

declare global {
  interface HTMLElementTagNameMap {
    'samen-meeting': SamenMeeting;
  }
}

export { SamenMeeting };
