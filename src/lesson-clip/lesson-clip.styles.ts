import { css } from 'lit';

export const lessonClipStyles = css`
  /* The loading card's height: about a parent's card with a picture and a home question (issue 23). */
  :host {
    --_placeholder-height: 36rem;
  }
  /*
   * In a lazy feed, a card far from the screen is not styled, laid out or painted; it keeps its
   * last height (issue 23). Not for eager cards: an audit (axe) cannot see a skipped card's colours.
   */
  :host([loading='lazy']) {
    content-visibility: auto;
    contain-intrinsic-size: auto var(--samen-placeholder-height, var(--_placeholder-height));
  }
  /* The inner bar keeps its own placeholder height, not the clip's nor the one a page gave the clip. */
  samen-feedback-bar {
    --samen-placeholder-height: initial;
    --_placeholder-height: auto;
  }
  h2 {
    font-size: 1.3em;
    line-height: 1.25;
  }
  h3 {
    font-size: 1em;
    color: var(--_muted);
    font-weight: 600;
  }
  .header {
    display: grid;
    gap: 0.25em;
  }
  .eyebrow {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    font-size: 0.9em;
  }
  .badge {
    background: var(--samen-clip-badge-color, var(--_accent));
    color: var(--_on-accent);
    border-radius: 999px;
    padding: 0.1em 0.75em;
    font-weight: 600;
  }
  .badge-unknown {
    background: var(--_surface-raised);
    color: var(--_text);
    border: 1px dashed var(--_border);
  }
  .lesson-number,
  .follow-up,
  .meta,
  .muted,
  .counter {
    color: var(--_muted);
  }
  .scheduled {
    font-weight: 600;
    color: var(--_text);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
    font-size: 0.9em;
  }
  .media {
    margin: 0;
    display: grid;
    gap: 0.5em;
  }
  video,
  img {
    display: block;
    inline-size: 100%;
    aspect-ratio: var(--samen-clip-media-ratio, 16 / 9);
    object-fit: cover;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface-raised);
  }
  /* A picture asked for once the card's words are painted: its frame, not its description, meanwhile. */
  img:not([src]) {
    color: transparent;
  }
  .photos {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  .photos.count-2,
  .photos.count-3 {
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  .photos.count-3 li:first-child {
    grid-column: 1 / -1;
  }
  .notice {
    margin: 0;
    padding: 0.5em 0.75em;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface-raised);
    color: var(--_muted);
    font-size: 0.9em;
  }
  .section {
    display: grid;
    gap: 0.25em;
  }
  .learned p {
    font-style: italic;
  }
  /* The bar is on a box in the card's direction, not on the school's words, which keep their own: at the right of an Arabic card even when those words are Dutch (issue 21). */
  .learned .text {
    border-inline-start: 4px solid var(--_accent);
    padding-inline-start: 0.75em;
  }
  .home {
    display: grid;
    gap: 0.5em;
    padding: calc(var(--_space) * 0.75);
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface-raised);
  }
  .question {
    font-size: 1.15em;
    font-weight: 600;
  }
  .activity {
    display: grid;
    gap: 0.25em;
  }
  .activity h4 {
    margin: 0;
    font-size: 1em;
    color: var(--_muted);
    font-weight: 600;
  }
  .answer-form {
    display: grid;
    gap: 0.4em;
  }
  label {
    font-weight: 600;
  }
  textarea {
    min-block-size: 5em;
    resize: vertical;
    inline-size: 100%;
  }
  .counter {
    font-size: 0.85em;
  }
  .answered-meanwhile {
    margin: 0 0 0.5em;
  }
  /* The parent's choice to share the words with the class board (issue 24): a big, easy target. */
  .share-choice {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: var(--_target);
    font-weight: 400;
    cursor: pointer;
  }
  .share-choice input {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .shared-with-class {
    margin: 0.25em 0 0;
    font-size: 0.85em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  button[aria-disabled='true'] {
    opacity: 0.65;
    cursor: not-allowed;
  }
  .send-error {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_danger);
    background: var(--_surface);
  }
  .answer {
    display: grid;
    gap: 0.4em;
    justify-items: start;
  }
  .answer-label {
    font-weight: 600;
  }
  .media-withheld {
    display: flex;
    align-items: center;
    gap: 0.75em;
    min-block-size: 4.5em;
    padding: 0.75em 1em;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface-raised);
    border: 1px dashed var(--_border);
  }
  /* A plain picture frame: says "no photos here" without an alarming icon. */
  .media-withheld-icon {
    flex: none;
    inline-size: 2em;
    block-size: 1.5em;
    border: 2px solid currentColor;
    border-radius: 4px;
    opacity: 0.7;
  }
  samen-feedback-bar {
    border-block-start: 1px solid var(--_border);
    padding-block-start: calc(var(--_space) * 0.75);
  }
  /*
   * The school's and the family's own words take their direction from their first letter, as
   * dir="auto" would: an English question in an Arabic card keeps its "?" at its end, and an
   * Arabic answer in a Dutch card reads right to left (test/a11y/rtl.test.ts).
   */
  [part~='title'],
  .meta span,
  .section p,
  .question,
  .activity p,
  .answer-text {
    unicode-bidi: plaintext;
  }
`;
