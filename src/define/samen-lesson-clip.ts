import { SamenLessonClip } from '../lesson-clip/lesson-clip.js';

// Idempotent: a page that loads two copies of Samen must not throw.
if (!customElements.get('samen-lesson-clip')) customElements.define('samen-lesson-clip', SamenLessonClip);

declare global {
  interface HTMLElementTagNameMap {
    'samen-lesson-clip': SamenLessonClip;
  }
}

export { SamenLessonClip };
