import { SamenClipComposer } from '../clip-composer/clip-composer.js';
// The composer shows its preview and the published clip with the lesson clip, inside a provider.
import './samen-lesson-clip.js';
import './samen-provider.js';

// Idempotent: a page that loads two copies of Samen must not throw.
if (!customElements.get('samen-clip-composer')) customElements.define('samen-clip-composer', SamenClipComposer);

declare global {
  interface HTMLElementTagNameMap {
    'samen-clip-composer': SamenClipComposer;
  }
}

export { SamenClipComposer };
