import { SamenLessonClip } from '../lesson-clip/lesson-clip.js';
// The clip renders a feedback bar, so defining the clip defines the bar too.
import './samen-feedback-bar.js';

// Idempotent: a page that loads two copies of Samen must not throw.
if (!customElements.get('samen-lesson-clip')) customElements.define('samen-lesson-clip', SamenLessonClip);

declare global {
  interface HTMLElementTagNameMap {
    'samen-lesson-clip': SamenLessonClip;
  }
}

export { SamenLessonClip };
