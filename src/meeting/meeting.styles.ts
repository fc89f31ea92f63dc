import { css } from 'lit';

/** The meeting card: details as a short list, the three answers as large choices, the teacher's list as a table. */
export const meetingStyles = css`
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
    background: var(--samen-meeting-badge-color, var(--_accent));
    color: var(--_on-accent);
    border-radius: 999px;
    padding: 0.1em 0.75em;
    font-weight: 600;
  }
  .programme,
  .meta,
  .muted {
    color: var(--_muted);
  }
  .meta,
  .muted {
    margin: 0;
    font-size: 0.9em;
  }
  p {
    margin: 0;
  }
  .details {
    display: grid;
    gap: 0.35em;
    margin: 0;
  }
  /* Side by side, or the answer under its label when large text leaves too little room. */
  .details div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
  }
  .details dt {
    flex: 0 0 6em;
  }
  .details dd {
    flex: 1 1 12em;
    min-inline-size: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  h3 {
    margin: 0;
    font-size: 1em;
  }
  h4 {
    margin: 0;
    font-size: 0.95em;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: 0.35em;
  }
  .rsvp,
  .sheet,
  .answer,
  .summary,
  .replies,
  .sheets {
    display: grid;
    gap: 0.5em;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  /* The label is the choice (44 px high): the radio inside it is drawn by it, not shown itself. */
  .choice {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    box-sizing: border-box;
    padding: 0 0.9em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface-raised);
    cursor: pointer;
  }
  .choice input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .choice:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  /* Chosen: a tick and bold words beside the colour, never colour alone. */
  .choice:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    font-weight: 600;
  }
  .choice:has(input:checked)::before {
    content: '✓';
  }
  .people {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .people input {
    inline-size: 5em;
    min-block-size: var(--_target);
  }
  label {
    font-weight: 600;
  }
  .choice,
  .choice span {
    font-weight: inherit;
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  textarea {
    inline-size: 100%;
    box-sizing: border-box;
    resize: vertical;
  }
  .message:empty {
    display: none;
  }
  .message {
    color: var(--_muted);
    font-size: 0.9em;
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
  .summary {
    padding: 0.75em;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface-raised);
  }
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .count {
    padding: 0.1em 0.75em;
    border-radius: 999px;
    background: var(--_surface-raised);
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .reply-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .reply-list li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 0.75em;
    padding: 0.3em 0;
    border-block-end: 1px solid var(--_border);
  }
  .sheets ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  .sheets li {
    padding: 0.5em 0.75em;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface-raised);
  }
  .sheets dl {
    margin: 0.25em 0 0;
  }
  .sheets dd {
    unicode-bidi: plaintext;
    margin-block-end: 0.25em;
  }
`;
