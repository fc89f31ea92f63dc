import { css } from 'lit';

/**
 * Poster rules, nested under `.card`: applied by `@media print` and, on screen, by the
 * `poster` attribute (so Storybook and hosts can preview the printout).
 */
const posterRules = css`
  /* Black on white whatever the screen's scheme: the light tokens, so no inner panel stays dark. */
  color-scheme: light;
  --_surface: #ffffff;
  --_surface-raised: #f3f5f8;
  --_text: #000000;
  --_muted: #4f5a69;
  --_border: #c9d0da;
  --_accent: #1a6b58;
  --_on-accent: #ffffff;
  --_danger: #b3261e;
  --_focus: #1558b0;
  box-shadow: none;
  border: 0;
  padding: 0;
  color: #000;
  background: #fff;
  & .edit,
  & .success-form,
  & .successes,
  & .notice,
  & [role='status'] {
    display: none;
  }
  & h2 {
    font-size: 20pt;
  }
  & .table-wrap {
    overflow: visible;
  }
  & table {
    inline-size: 100%;
    font-size: 11pt;
  }
  & th,
  & td {
    border: 1pt solid #000;
    break-inside: avoid;
  }
  & .focus {
    border: 2pt solid #000;
    background: #fff;
  }
`;

export const expectationMatrixStyles = css`
  :host {
    --_focus-color: var(--samen-matrix-focus-color, var(--_accent));
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1em;
  }
  .card {
    display: grid;
    gap: 1em;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    justify-content: space-between;
  }
  .muted {
    color: var(--_muted);
  }
  /* A box of its own, so the line may break after it: at 200 % text "Verantwoordelijkheid" goes whole to the next line (issue 21). */
  .pictogram {
    display: inline-block;
    margin-inline-end: 0.3em;
  }
  ul {
    margin: 0;
    padding-inline-start: 1.1em;
  }
  li + li {
    margin-block-start: 0.25em;
  }
  .focus {
    display: grid;
    gap: 0.4em;
    padding: 0.75em;
    border-inline-start: 6px solid var(--_focus-color);
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface-raised);
  }
  .focus-where {
    font-weight: 600;
  }
  .focus-text {
    font-size: 1.1em;
  }
  .badge {
    display: inline-block;
    padding: 0 0.5em;
    margin-block-end: 0.3em;
    border-radius: 999px;
    background: var(--_focus-color);
    color: var(--_on-accent);
    font-size: 0.8em;
  }
  .focus-expectation {
    font-weight: 600;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    table-layout: fixed;
  }
  th,
  td {
    border: 1px solid var(--_border);
    padding: 0.5em;
    text-align: start;
    vertical-align: top;
  }
  thead th,
  tbody th {
    background: var(--_surface-raised);
  }
  td.focus-cell,
  .list-cell.focus-cell {
    outline: 3px solid var(--_focus-color);
    outline-offset: -3px;
  }
  .list {
    display: grid;
    gap: 0.75em;
  }
  .list section {
    display: grid;
    gap: 0.4em;
  }
  dl {
    display: grid;
    gap: 0.4em;
    margin: 0;
  }
  .list-cell {
    padding: 0.5em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0.2em 0 0;
  }
  form {
    display: grid;
    gap: 0.5em;
  }
  textarea,
  input,
  select {
    color: inherit;
    border-radius: calc(var(--_radius) / 2);
    padding: 0.5em;
    min-block-size: var(--_target);
    box-sizing: border-box;
    inline-size: 100%;
  }
  .counter {
    font-size: 0.85em;
  }
  .save-error {
    color: var(--_danger);
  }
  button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .card.poster {
    ${posterRules}
  }
  @media print {
    .card {
      ${posterRules}
    }
  }
`;
