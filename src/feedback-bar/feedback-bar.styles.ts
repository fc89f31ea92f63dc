import { css } from 'lit';

export const feedbackBarStyles = css`
  .bar {
    display: grid;
    gap: 0.5em;
  }
  h3 {
    font-size: 0.95em;
    color: var(--_muted);
  }
  .reactions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .reaction {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 0.25em 0.8em;
    border-radius: 999px;
    background: var(--_surface-raised);
    transition: transform 120ms ease;
  }
  .reaction:active {
    transform: scale(0.96);
  }
  .reaction[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .icon {
    flex: none;
  }
  .count {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .message:empty {
    display: none;
  }
  .message {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .reply-form {
    display: grid;
    gap: 0.35em;
  }
  label {
    font-weight: 600;
  }
  textarea {
    inline-size: 100%;
    resize: vertical;
  }
  .counter,
  .muted,
  time {
    color: var(--_muted);
    font-size: 0.85em;
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
    border-inline-start: 4px solid var(--_danger);
    padding-inline-start: 0.75em;
  }
  .replies ol {
    list-style: none;
    margin: 0.35em 0 0;
    padding: 0;
    display: grid;
    gap: 0.4em;
  }
  .replies li {
    padding: 0.4em 0.75em;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface-raised);
  }
  /* A family's reply takes its direction from its first letter, as dir="auto" would: Arabic reads right to left in a Dutch card. */
  .replies li p {
    unicode-bidi: plaintext;
  }
  /*
   * Loading (parent): the row of reactions to come, as grey pills of the buttons' size, so the
   * bar keeps its height when it loads (issue 23). No card frame: the loaded bar has none.
   */
  .placeholder {
    background: none;
    border-color: transparent;
    border-radius: 0;
    padding: 0;
  }
  .placeholder .reaction {
    box-sizing: border-box;
    min-height: var(--_target);
    min-width: var(--_target);
    border: 1px solid transparent;
    color: transparent;
  }
  /* Windows high contrast: the pressed state keeps its meaning in system colours. */
  @media (forced-colors: active) {
    /* The loading pills drop their grey: an outline keeps them. */
    .placeholder .reaction {
      border-color: CanvasText;
    }
    /* System colours only, and no backplate: the browser's Canvas one made the count a white block. */
    .reaction[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      border-color: Highlight;
      color: HighlightText;
    }
    .reaction[aria-pressed='true']:focus-visible {
      outline-color: CanvasText;
    }
  }
`;
