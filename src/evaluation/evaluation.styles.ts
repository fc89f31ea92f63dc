import { css } from 'lit';

/** The evaluation card: answers as large choices (the child form's larger still, with faces), results as tables. */
export const evaluationStyles = css`
  .header {
    display: grid;
    gap: 0.25em;
  }
  .header h2 {
    margin: 0;
    font-size: 1.2em;
  }
  .eyebrow {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    margin: 0;
    font-size: 0.9em;
  }
  .badge {
    background: var(--_accent);
    color: var(--_on-accent);
    border-radius: 999px;
    padding: 0.1em 0.75em;
    font-weight: 600;
  }
  .muted {
    color: var(--_muted);
    margin: 0;
    font-size: 0.9em;
  }
  p {
    margin: 0;
  }
  .evaluation {
    display: grid;
    gap: var(--_space);
  }
  .anonymity {
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface-raised);
  }
  .anonymity.named {
    border-inline-start-color: var(--_danger);
  }
  .form,
  .thanks,
  .editor,
  .add {
    display: grid;
    gap: var(--_space);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: 0.4em;
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .option {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding-inline: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .option:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 2px var(--_accent);
    font-weight: 600;
  }
  .option:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .option input {
    accent-color: var(--_accent);
    margin: 0;
  }
  .text-question {
    display: grid;
    gap: 0.4em;
  }
  .text-question label {
    font-weight: 600;
  }
  textarea,
  input[type='text'],
  select {
    font: inherit;
    min-block-size: var(--_target);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.4em 0.6em;
    background: var(--_surface);
    color: var(--_text);
  }
  .field {
    display: grid;
    gap: 0.3em;
  }
  .send-error {
    color: var(--_danger);
  }
  .thanks h3 {
    margin: 0;
  }
  /* The child form: faces, bigger targets, bigger words. */
  .child {
    font-size: 1.1em;
  }
  .child .picture,
  .faces .face {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.8;
    stroke-linecap: round;
    stroke-linejoin: round;
    flex: none;
  }
  .child .picture {
    inline-size: 1.6em;
    block-size: 1.6em;
    vertical-align: middle;
    margin-inline-end: 0.3em;
  }
  .faces .option {
    flex-direction: column;
    justify-content: center;
    min-block-size: 72px;
    min-inline-size: 72px;
    padding: 0.4em;
    text-align: center;
  }
  .faces .option input {
    position: absolute;
    opacity: 0;
    inline-size: 1px;
    block-size: 1px;
  }
  .faces .face {
    inline-size: 2.2em;
    block-size: 2.2em;
  }
  .faces .label {
    font-size: 0.85em;
  }
  .own-list {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.5em;
  }
  .own-list li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .for-whom .option {
    margin-inline-end: 0.5em;
  }
  @media (forced-colors: active) {
    .option:has(input:checked) {
      border: 3px solid Highlight;
    }
  }
`;
