/**
 * Pictures for the child's choices on a personal chart (issue 24): drawn, not emoji, so they show
 * on every device, in one set on a 24 × 24 grid stroked in `currentColor` (dark themes and forced
 * colours paint them in the text colour). Decorative beside the option's words, which name the
 * choice. Lit templates with attribute bindings only: no markup from data (strict CSP).
 */
import { html, nothing, svg, type TemplateResult } from 'lit';

/** The drawn pictures an option may name, each one stroked path. */
export const CHOICE_PICTURES = {
  star: 'M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1L3.2 9.5l6.1-.9z',
  heart: 'M12 20s-7.5-4.6-7.5-10A4.2 4.2 0 0 1 12 7.5 4.2 4.2 0 0 1 19.5 10c0 5.4-7.5 10-7.5 10z',
  book: 'M4 5.5C6.5 4.5 9.5 4.5 12 6c2.5-1.5 5.5-1.5 8-.5V19c-2.5-1-5.5-1-8 .5-2.5-1.5-5.5-1.5-8-.5zM12 6v13.5',
  ball: 'M3 12a9 9 0 1 0 18 0a9 9 0 1 0-18 0M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18M3.5 9h17M3.5 15h17',
  music: 'M9 18V5l10-2v13M9 18a2.5 2 0 1 1-5 0a2.5 2 0 1 1 5 0M19 16a2.5 2 0 1 1-5 0a2.5 2 0 1 1 5 0',
  sun: 'M8 12a4 4 0 1 0 8 0a4 4 0 1 0-8 0M12 2.5v2.5M12 19v2.5M2.5 12H5M19 12h2.5M5.3 5.3l1.8 1.8M16.9 16.9l1.8 1.8M5.3 18.7l1.8-1.8M16.9 7.1l1.8-1.8',
  talk: 'M4 5h16v10H10l-4 4v-4H4zM8 9h8M8 12h5',
  hand: 'M7 12V6.5a1.5 1.5 0 0 1 3 0V11M10 10V5a1.5 1.5 0 0 1 3 0v5M13 10V6a1.5 1.5 0 0 1 3 0v6M16 9.5a1.5 1.5 0 0 1 3 0V14a7 7 0 0 1-7 7h-1a6 6 0 0 1-5-3l-2.5-4.5a1.5 1.5 0 0 1 2.5-1.5L7 13.5',
  wait: 'M6 3h12M6 21h12M7 3c0 5 5 6 5 9s-5 4-5 9M17 3c0 5-5 6-5 9s5 4 5 9',
  breathe: 'M3 9h11a3 3 0 1 0-3-3M3 13h15a3 3 0 1 1-3 3M3 17h7',
  game: 'M6 8h12a4 4 0 0 1 4 4v2a3 3 0 0 1-5.5 1.7L15 14H9l-1.5 1.7A3 3 0 0 1 2 14v-2a4 4 0 0 1 4-4zM6.5 11v3M5 12.5h3M15.5 12h.01M17.5 13.5h.01',
  friends:
    'M5 9a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0-5 0M14 9a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0-5 0M3 20v-2a4 4 0 0 1 8 0v2M13 20v-2a4 4 0 0 1 8 0v2',
} as const satisfies Record<string, string>;

export type ChoicePicture = keyof typeof CHOICE_PICTURES;

/** The picture an option names, decorative; nothing for a name the set does not have. */
export function choicePicture(name: string | undefined): TemplateResult | typeof nothing {
  const d = name && Object.prototype.hasOwnProperty.call(CHOICE_PICTURES, name) ? CHOICE_PICTURES[name as ChoicePicture] : undefined;
  if (!d) return nothing;
  return html`<svg class="choice-picture" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${svg`<path d=${d}></path>`}</svg>`;
}
