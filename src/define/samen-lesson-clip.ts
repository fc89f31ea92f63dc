import { SamenLessonClip } from '../lesson-clip/lesson-clip.js';
import { defineOnce } from './define-once.js';

defineOnce('samen-lesson-clip', SamenLessonClip);

declare global {
  interface HTMLElementTagNameMap {
    'samen-lesson-clip': SamenLessonClip;
  }
}

export { SamenLessonClip };
