import { css } from 'lit';

export const overviewStyles = css`
  .overview {
    /* The table scrolls inside its own box; the card never grows wider than the page. */
    min-inline-size: 0;
  }
  h2 {
    font-size: 1.15em;
  }
  h3 {
    font-size: 1em;
  }
  .year,
  .note {
    color: var(--_muted);
    font-size: 0.9em;
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
    margin-block-end: 0.25em;
  }
  .measures {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
  }
  .measures label {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    min-block-size: var(--_target);
    padding-inline: 0.6em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    cursor: pointer;
  }
  .measures label:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    font-weight: 600;
  }
  .measures input {
    accent-color: var(--_accent);
    margin: 0;
  }
  .table-wrap {
    overflow-x: auto;
    max-inline-size: 100%;
    /* The containing block of the cells' screen-reader words (position: absolute), so they scroll with the table instead of widening the page. */
    position: relative;
  }
  table {
    border-collapse: collapse;
    font-size: 0.9em;
    min-inline-size: 100%;
  }
  caption {
    text-align: start;
    color: var(--_muted);
    padding-block-end: 0.4em;
  }
  th,
  td {
    border: 1px solid var(--_border);
    padding: 0.35em 0.5em;
    text-align: center;
    vertical-align: top;
  }
  th[scope='row'] {
    text-align: start;
    font-weight: 600;
  }
  th[scope='row'] .families {
    display: block;
    font-weight: 400;
    color: var(--_muted);
    font-size: 0.9em;
  }
  td .figure {
    display: block;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  td time {
    display: block;
    color: var(--_muted);
    font-size: 0.85em;
    white-space: nowrap;
  }
  td.gap {
    background: var(--_surface-raised);
    color: var(--_muted);
  }
  td.combined {
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
  }
  /* After the run (issue 26): each class's follow-ups, a short list below the table. */
  .after-classes,
  .follow-ups {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.35em;
  }
  .after-classes {
    gap: 0.6em;
  }
  .after-class {
    font-weight: 600;
  }
  .follow-ups {
    padding-inline-start: 1em;
  }
  td .too-few,
  td .unknown {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .charts {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
    gap: 0.75em;
  }
  .charts li {
    display: grid;
    gap: 0.25em;
  }
  .chart {
    inline-size: 100%;
    block-size: auto;
    max-inline-size: 15rem;
    color: var(--_accent);
  }
  .chart .frame {
    fill: none;
    stroke: var(--_border);
  }
  .chart .line {
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
  }
  .chart .dot {
    fill: currentColor;
  }
  /* Right to left, the lessons run from the right, as the table's columns do. */
  [dir='rtl'] .chart {
    transform: scaleX(-1);
  }
  .exports {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .exports a {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_target);
    padding: 0.5em 1em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    color: var(--_text);
  }
  details {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: 0.5em 0.75em;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
    min-block-size: var(--_target);
    display: flex;
    align-items: center;
  }
  details ul {
    margin: 0.25em 0 0.5em;
    padding-inline-start: 1.2em;
  }
  @media (forced-colors: active) {
    .chart .line {
      stroke: CanvasText;
    }
    .chart .dot {
      fill: CanvasText;
    }
  }
`;
