/**
 * The child form's pictures (issue 25): drawn, not emoji, so they show on every device and in
 * forced colours, one set on a 24 × 24 grid stroked in `currentColor`. Decorative beside the
 * words that name each answer. Lit templates with attribute bindings only (strict CSP).
 */
import { html, nothing, svg, type TemplateResult } from 'lit';

const CIRCLE = 'M2 12a10 10 0 1 0 20 0a10 10 0 1 0-20 0';
const EYES = 'M9 9.5v1.5M15 9.5v1.5';

/** The scale's faces from 1 (not at all) to 5 (very much): the mouth turns from a frown to a wide smile. */
const FACES = [
  `${CIRCLE}M8 17.5a4 3 0 0 1 8 0${EYES}`,
  `${CIRCLE}M9 16.5a3 2 0 0 1 6 0${EYES}`,
  `${CIRCLE}M8.5 15.5h7${EYES}`,
  `${CIRCLE}M9 14.5a3 2 0 0 0 6 0${EYES}`,
  `${CIRCLE}M7.5 14a4.5 4 0 0 0 9 0${EYES}`,
] as const;

/** Yes and no: a tick and a cross. The pictures a school's question may name. */
const SHAPES = {
  yes: 'M5 12.5l4.5 4.5L19 7',
  no: 'M6.5 6.5l11 11M17.5 6.5l-11 11',
  star: 'M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1L3.2 9.5l6.1-.9z',
  home: 'M3.5 11.5L12 4l8.5 7.5M6 9.5V20h12V9.5M10 20v-5h4v5',
  idea: 'M9 17h6M10 20.5h4M12 3a6 6 0 0 0-3.5 10.9V17h7v-3.1A6 6 0 0 0 12 3z',
  talk: 'M4 5h16v10H10l-4 4v-4H4zM8 9h8M8 12h5',
} as const satisfies Record<string, string>;

export type EvaluationPicture = keyof typeof SHAPES;

const drawn = (d: string, className: string): TemplateResult =>
  html`<svg class=${className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">${svg`<path d=${d}></path>`}</svg>`;

/** The face for a scale's value (1–5). */
export function facePicture(index: number): TemplateResult | typeof nothing {
  const d = FACES[index];
  return d ? drawn(d, 'face') : nothing;
}

/** A named picture (yes, no, or a question's), decorative; nothing for a name the set does not have. */
export function namedPicture(name: string | undefined, className: string): TemplateResult | typeof nothing {
  const d = name && Object.prototype.hasOwnProperty.call(SHAPES, name) ? SHAPES[name as EvaluationPicture] : undefined;
  return d ? drawn(d, className) : nothing;
}
