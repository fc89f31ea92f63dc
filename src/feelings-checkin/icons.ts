/**
 * The feelings' pictures: drawn faces, not emoji, so they show on every device (a tablet
 * without a colour emoji font showed empty boxes) and differ in shape — eyes, brows, mouth, a
 * tear, a yawn — not only in colour. One set on a 24 × 24 grid, stroked in `currentColor`, so
 * dark themes and forced colours (Windows high contrast) paint them in the text colour. Lit
 * templates with attribute bindings only: no markup from data, so they work under a strict
 * CSP with Trusted Types.
 */
import { html, svg, type TemplateResult } from 'lit';
import type { FeelingIcon } from './schemas.js';

/** The round face every built-in feeling shares, tinted with the feeling's colour. */
const FACE = { d: 'M2 12a10 10 0 1 0 20 0a10 10 0 1 0-20 0', paint: 'tint' } as const;

/** A built-in face: the shared outline and its own eyes, brows and mouth (stroked). */
const face = (d: string): FeelingIcon => ({ paths: [FACE, { d }] });

/** The built-in feelings' faces, by feeling id. */
export const FEELING_FACES = {
  // Dot eyes, a wide smile.
  happy: face('M8.5 9v1.5M15.5 9v1.5M7.5 14a5 5 0 0 0 9 0'),
  // Brows slanting down to the nose, a frown.
  angry: face('M7 7.5l3 1.5M17 7.5l-3 1.5M9 11.5v1M15 11.5v1M8.5 17a4 3 0 0 1 7 0'),
  // Brows raised, round eyes, an open mouth.
  scared: face(
    'M7 7l2.5-1M17 7l-2.5-1M7.5 10a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0M13.5 10a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0M10 16a2 2 0 1 0 4 0a2 2 0 1 0-4 0',
  ),
  // Dot eyes, a frown, a tear.
  sad: face('M8.5 9v1.5M15.5 9v1.5M8.5 17a4 3 0 0 1 7 0M7.5 12.5c-.8 1.2-1 1.8-1 2.2a1 1 0 0 0 2 0c0-.4-.2-1-1-2.2'),
  // Smiling eyes (arches), a big open grin, chin up.
  proud: face('M7 10a1.8 1.8 0 0 1 3.5 0M13.5 10a1.8 1.8 0 0 1 3.5 0M7 13.5h10a5 5 0 0 1-10 0z'),
  // Drooping lids, a yawn.
  tired: face('M7 9.5h3.5M13.5 9.5h3.5M7.5 11q1.5 .8 3 0M13.5 11q1.5 .8 3 0M10.5 16.5a1.5 2 0 1 0 3 0a1.5 2 0 1 0-3 0'),
  // Worried brows, dot eyes, clenched teeth.
  nervous: face('M7 8l3-1M17 8l-3-1M9 10.5v1M15 10.5v1M7.5 14.5h9v3h-9zM7.5 16h9M10.5 14.5v3M13.5 14.5v3'),
  // Closed, relaxed eyes (curves), a small smile.
  calm: face('M7 10a1.8 1.8 0 0 0 3.5 0M13.5 10a1.8 1.8 0 0 0 3.5 0M9.5 15a3 2 0 0 0 5 0'),
} satisfies Record<string, FeelingIcon>;

/**
 * A feeling's picture, decorative beside its word (which names the choice): drawn paths (a
 * built-in face or a host's own), a host's image, or a host's own symbol as text.
 */
export function feelingPicture(icon: FeelingIcon): TemplateResult {
  if (typeof icon === 'string') return html`<span class="picture-text">${icon}</span>`;
  if ('src' in icon) return html`<img class="picture" src=${icon.src} alt="" />`;
  return html`<svg class="picture" viewBox=${icon.viewBox ?? '0 0 24 24'} aria-hidden="true" focusable="false">
    ${icon.paths.map((p) => svg`<path class=${p.paint ?? 'stroke'} d=${p.d}></path>`)}
  </svg>`;
}
