import { css, unsafeCSS } from 'lit';

/**
 * Library tokens. Hosts theme with public `--samen-*` properties; widgets read the
 * private `--_*` ones, which fall back to light or dark defaults. Fonts are inherited
 * from the host app on purpose.
 *
 * Light or dark follows the host page's `color-scheme` (inherited into the shadow
 * root), so a widget matches the app around it rather than the OS alone; the `theme`
 * attribute overrides it. Browsers without `light-dark()` get light, or dark with
 * `theme="dark"`.
 */
const LIGHT = {
  surface: '#ffffff',
  'surface-raised': '#f3f5f8',
  text: '#1d2430',
  muted: '#4f5a69',
  border: '#c9d0da',
  accent: '#1a6b58',
  'on-accent': '#ffffff',
  danger: '#b3261e',
  focus: '#1558b0',
};
const DARK: typeof LIGHT = {
  surface: '#1b1f27',
  'surface-raised': '#252a34',
  text: '#eef1f5',
  muted: '#b3bcc9',
  border: '#444c5a',
  accent: '#7fdcc3',
  'on-accent': '#0d1f1a',
  danger: '#ff9c92',
  focus: '#9ecbff',
};
const names = Object.keys(LIGHT) as (keyof typeof LIGHT)[];
const declare = (value: (name: keyof typeof LIGHT) => string) => unsafeCSS(names.map((name) => `--_d-${name}: ${value(name)};`).join('\n'));

export const tokens = css`
  :host {
    ${declare((n) => LIGHT[n])}
  }
  @supports (color: light-dark(#000, #fff)) {
    :host {
      ${declare((n) => `light-dark(${LIGHT[n]}, ${DARK[n]})`)}
    }
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
    ${declare((n) => DARK[n])}
  }
  :host {
    --_surface: var(--samen-color-surface, var(--_d-surface));
    --_surface-raised: var(--samen-color-surface-raised, var(--_d-surface-raised));
    --_text: var(--samen-color-text, var(--_d-text));
    --_muted: var(--samen-color-muted, var(--_d-muted));
    --_border: var(--samen-color-border, var(--_d-border));
    --_accent: var(--samen-color-accent, var(--_d-accent));
    --_on-accent: var(--samen-color-on-accent, var(--_d-on-accent));
    --_danger: var(--samen-color-danger, var(--_d-danger));
    --_focus: var(--samen-color-focus, var(--_d-focus));
    --_radius: var(--samen-radius, 12px);
    --_space: var(--samen-space, 16px);
    --_font: var(--samen-font-family, inherit);
    --_target: var(--samen-touch-target, 44px);

    display: block;
    font-family: var(--_font);
    color: var(--_text);
    line-height: 1.5;
    /*
     * Words wrap at their boundaries (issue 21): a word breaks only when it is wider than the
     * whole line, hyphenated in its own language (the card's lang for our words, the school's
     * lang="nl" on theirs) and only a long one, with four letters either side. Not
     * overflow-wrap: anywhere, which lets grid and flex boxes shrink to one letter and split
     * "verdrietig" in two at 200 % text. With break-word an unbreakable string still sizes its
     * flex or grid box at full width: the [data-words] rule below keeps those inside the card.
     */
    overflow-wrap: break-word;
    hyphens: auto;
    hyphenate-limit-chars: 10 4 4;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0.5em 1em;
    border-radius: calc(var(--_radius) / 1.5);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    /* A live region's new words relayout and repaint only itself, not the page (a tap's frame, issue 23). */
    contain: strict;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;

/**
 * What every widget's own styles would otherwise repeat: headings and paragraphs without
 * margins, and the text field look (textareas, selects, text and number inputs). Inside
 * `:where()`, so any widget rule, however plain its selector, still wins.
 */
export const baseStyles = css`
  :where(h2, h3, h4, p) {
    margin: 0;
  }
  /*
   * A grid's own columns (those no template names) are as wide as the grid, not as wide as its
   * longest word: at 200 % text a word like "Verantwoordelijkheid" wraps inside the card
   * instead of pushing it wider than a 320 px screen (issue 21).
   */
  :where(*) {
    grid-auto-columns: minmax(0, 1fr);
  }
  /*
   * Words the widget did not write (the school's and families' texts: inLanguage() marks them
   * data-words, and a widget marks a box of its own that mixes them in, like a chart's badge with
   * the child's name), and a box that holds them: never wider than the box around them. A flex
   * or grid item is at least as wide as its longest word, and with break-word a host's 96 digits,
   * a <script…> string or a pasted URL is one word; capped here, it breaks inside the card
   * instead of widening it (test/security/hostile-text.test.ts). Ordinary words still don't
   * split (test/a11y/reading.test.ts): the cap only bites when one word is wider than the line.
   * Not min-inline-size: 0 (a row would squeeze such a box below its longest word), and not on
   * every element (our own labels and buttons keep their sizes).
   */
  :where([data-words], :has(> [data-words])) {
    max-inline-size: 100%;
  }
  :where(textarea, select, input:not([type='radio'], [type='checkbox'], [type='file'])) {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: 0.5em 0.75em;
  }
`;

/** The shared card frame and states (loading, error) every widget renders. */
export const cardStyles = css`
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: grid;
    /* One column as wide as the card: a long word or a row of choices wraps inside it, never widens the card (issue 21). */
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 0.75);
  }
  /*
   * The loading card holds the height of the card to come (--samen-placeholder-height, else the
   * widget's own guess), so a feed does not jump when cards below the fold load (issue 23).
   */
  .card[aria-busy='true'] {
    box-sizing: border-box;
    min-block-size: var(--samen-placeholder-height, var(--_placeholder-height, auto));
    align-content: start;
  }
  .state {
    display: grid;
    gap: 0.5em;
    justify-items: start;
  }
  .state h2 {
    margin: 0;
    font-size: 1.05em;
  }
  .state p {
    margin: 0;
  }
  .state.error {
    border-inline-start: 4px solid var(--_danger);
  }
  .issues {
    margin: 0;
    padding-inline-start: 1.2em;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .skeleton {
    display: grid;
    gap: 0.5em;
  }
  .skeleton span {
    display: block;
    height: 1em;
    border-radius: 4px;
    background: var(--_surface-raised);
  }
  .skeleton span:nth-child(2) {
    width: 70%;
  }
  /* Windows high contrast drops backgrounds: the loading placeholder keeps an outline. */
  @media (forced-colors: active) {
    .skeleton span {
      border: 1px solid CanvasText;
    }
  }
`;
