import { css } from 'lit';

export const feelingsCheckinStyles = css`
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1em;
    color: var(--_muted);
  }
  form {
    display: grid;
    gap: 0.75em;
  }
  .question {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    justify-content: space-between;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  legend {
    font-weight: 600;
    margin-block-end: 0.4em;
    padding: 0;
  }
  /*
   * At most --samen-feelings-columns (4) columns, each at least 7.5em wide: the columns grow with
   * the text, so with large text or in a narrow card there are fewer of them and "zenuwachtig"
   * stays whole (issue 21; a viewport media query did not see the text size or a narrow column).
   */
  .feelings {
    --_columns: var(--samen-feelings-columns, 4);
    --_gap: 0.5em;
    display: grid;
    grid-template-columns: repeat(
      auto-fill,
      minmax(min(100%, max(7.5em, (100% - (var(--_columns) - 1) * var(--_gap)) / var(--_columns))), 1fr)
    );
    gap: var(--_gap);
  }
  .feeling,
  .level {
    position: relative;
    display: grid;
    justify-items: center;
    gap: 0.2em;
    min-block-size: var(--_target);
    padding: 0.5em 0.25em;
    border: 2px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface);
    cursor: pointer;
    text-align: center;
  }
  .feeling {
    border-block-end: 6px solid var(--_feeling, var(--_border));
  }
  input[type='radio'] {
    position: absolute;
    inset: 0;
    opacity: 0;
    margin: 0;
    cursor: pointer;
  }
  .feeling:has(input:checked),
  .level:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_surface-raised);
    box-shadow: 0 0 0 2px var(--_accent);
    font-weight: 700;
  }
  .feeling:has(input:focus-visible),
  .level:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .icon {
    display: inline-flex;
    font-size: 1.8em;
    line-height: 1.1;
  }
  /* The feelings' faces (./icons.ts): stroked in the text colour, the face tinted with the feeling's. */
  .picture {
    inline-size: 1em;
    block-size: 1em;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-linecap: round;
    stroke-linejoin: round;
    object-fit: contain;
  }
  .picture .fill {
    fill: currentColor;
    stroke: none;
  }
  .picture .tint {
    fill: var(--_feeling, transparent);
    fill-opacity: 0.3;
  }
  .entry .icon {
    font-size: 1.2em;
    align-self: center;
  }
  /* Five levels in a row while each is at least 44 px wide and its words fit; otherwise they wrap (issue 21: 42.5 px at 320 px). */
  .strength {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .strength .level {
    flex: 1 1 var(--_target);
    min-inline-size: var(--_target);
  }
  .thermo {
    display: flex;
    align-items: flex-end;
    inline-size: 1em;
    block-size: 2.5em;
    border: 2px solid var(--_border);
    border-radius: 999px;
    overflow: hidden;
  }
  .thermo span {
    display: block;
    inline-size: 100%;
    background: var(--_accent);
  }
  .level-word {
    font-size: 0.85em;
  }
  .note {
    display: grid;
    gap: 0.3em;
  }
  .note label {
    font-weight: 600;
  }
  textarea {
    inline-size: 100%;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
  }
  button[aria-disabled='true'] {
    opacity: 0.65;
  }
  .save-error {
    border-inline-start: 4px solid var(--_danger);
    padding-inline-start: 0.75em;
  }
  .muted,
  .today {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .history ol,
  .week ol,
  .overview,
  .signals ul {
    list-style: none;
    margin: 0.35em 0 0;
    padding: 0;
    display: grid;
    gap: 0.3em;
  }
  .history li,
  .week li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
    align-items: baseline;
  }
  .day {
    min-inline-size: 7.5em;
    color: var(--_muted);
  }
  .entry {
    display: inline-flex;
    /* A host's feeling word as long as the line takes the line; the strength goes under it (issue 21). */
    flex-wrap: wrap;
    gap: 0 0.35em;
    align-items: baseline;
  }
  .who-sees {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .notice {
    color: var(--_muted);
    font-size: 0.9em;
  }
  /* Windows high contrast: the chosen feeling and strength, and the filled bars, in system colours. */
  @media (forced-colors: active) {
    /*
     * forced-color-adjust: none, with system colours only: left to the browser, the word got a
     * Canvas backplate under its HighlightText, a solid white block in a light palette.
     */
    .feeling:has(input:checked),
    .level:has(input:checked) {
      forced-color-adjust: none;
      background: Highlight;
      border-color: Highlight;
      color: HighlightText;
    }
    .feeling:has(input:checked):has(input:focus-visible),
    .level:has(input:checked):has(input:focus-visible) {
      outline-color: CanvasText;
    }
    .level:has(input:checked) .thermo {
      border-color: HighlightText;
    }
    .picture .tint {
      fill: none;
    }
    .thermo span {
      background: CanvasText;
    }
    .level:has(input:checked) .thermo span {
      background: HighlightText;
    }
  }
`;
