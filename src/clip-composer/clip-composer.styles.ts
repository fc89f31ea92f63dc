import { css } from 'lit';

export const clipComposerStyles = css`
  :host {
    --_composer-max: var(--samen-composer-max-width, 48rem);
  }
  .card {
    max-inline-size: var(--_composer-max);
  }
  h2 {
    font-size: 1.3em;
    line-height: 1.25;
  }
  h3 {
    font-size: 1.05em;
  }
  form,
  .fields,
  .field,
  fieldset,
  .uploads,
  .attached {
    display: grid;
    gap: 0.5em;
  }
  form {
    gap: calc(var(--_space) * 0.75);
  }
  .choose,
  .who {
    display: grid;
    gap: 0.75em;
    /* em, not rem: the columns widen with the card's text, and one column when narrower than that (issue 21). */
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12em), 1fr));
  }
  label,
  legend {
    font-weight: 600;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: calc(var(--_space) * 0.75);
    margin: 0;
    min-inline-size: 0;
  }
  legend {
    padding-inline: 0.25em;
  }
  input:not([type='file']),
  select,
  textarea {
    min-block-size: var(--_target);
    inline-size: 100%;
  }
  textarea {
    min-block-size: 4.5em;
    resize: vertical;
  }
  input[type='file'] {
    font: inherit;
    min-block-size: var(--_target);
    inline-size: 100%;
    color: var(--_text);
  }
  input[type='file']::file-selector-button {
    font: inherit;
    min-block-size: var(--_target);
    padding: 0.5em 1em;
    margin-inline-end: 0.75em;
    border-radius: calc(var(--_radius) / 1.5);
    border: 1px solid var(--_border);
    background: var(--_surface-raised);
    color: var(--_text);
    cursor: pointer;
  }
  .hint,
  .muted {
    color: var(--_muted);
    font-size: 0.9em;
  }
  /* The lesson's note for the teacher: full width under the selects. */
  .lesson-note {
    grid-column: 1 / -1;
  }
  .programme-info summary {
    cursor: pointer;
    min-block-size: var(--_target);
    padding-block: 0.6em;
    font-weight: 600;
  }
  .programme-info ul {
    margin: 0;
    padding-inline-start: 1.2em;
    display: grid;
    gap: 0.25em;
  }
  /* "Example text — adapt it to your lesson": beside a text the library filled in. */
  .source-note {
    font-style: italic;
  }
  .notice {
    padding: 0.5em 0.75em;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface-raised);
    border-inline-start: 4px solid var(--_border);
  }
  .problems,
  .refusals {
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_danger);
    background: var(--_surface);
    display: grid;
    gap: 0.25em;
  }
  .problems ul,
  .refusals ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .upload,
  .item {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    justify-content: space-between;
    padding: 0.5em 0.75em;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface-raised);
  }
  .item {
    display: grid;
    /* minmax(0, …): a file's long name wraps inside the row instead of widening it. */
    grid-template-columns: minmax(0, 1fr) auto;
  }
  .item .alt {
    grid-column: 1 / -1;
  }
  .name {
    font-weight: 600;
  }
  progress {
    inline-size: 100%;
    block-size: 0.75em;
    accent-color: var(--_accent);
  }
  .upload .bar {
    flex: 1 1 10rem;
    display: grid;
    gap: 0.25em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .preview-controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: end;
  }
  .preview-controls .field {
    flex: 0 1 14rem;
  }
  .preview {
    display: grid;
    gap: 0.5em;
    padding: calc(var(--_space) * 0.75);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
  }
  /* display: grid above would otherwise show the closed preview (an empty box, and a region
     with only its heading for a screen reader). */
  .preview[hidden] {
    display: none;
  }
  button[aria-disabled='true'] {
    opacity: 0.65;
    cursor: not-allowed;
  }
  .published {
    border-inline-start: 4px solid var(--_accent);
  }
  /* Now or later, and the kind of post (issue 26): radios in rows, each a 44px target with its words. */
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.25em;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: var(--_target);
    font-weight: 400;
    cursor: pointer;
  }
  .choice input[type='radio'] {
    inline-size: 1.25em;
    block-size: 1.25em;
    min-block-size: 0;
    margin: 0;
  }
  .moment {
    display: grid;
    gap: 0.75em;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 10em), 1fr));
  }
  /* A weekend or a late hour: said, not refused. */
  .schedule-warning {
    border-inline-start-color: var(--_accent);
  }
  .rhythm ol {
    margin: 0;
    padding-inline-start: 1.4em;
    display: grid;
    gap: 0.25em;
  }
  .rhythm-when {
    color: var(--_muted);
    margin-inline-start: 0.5em;
  }
  .rhythm-lesson.posted .rhythm-when::before {
    content: '✓ ';
  }
  /* Windows high contrast drops backgrounds: a file on its way or attached keeps its box, and
     the publish button that can't publish says so in the system's colour for that. */
  @media (forced-colors: active) {
    .upload,
    .item {
      border: 1px solid CanvasText;
    }
    button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
      opacity: 1;
    }
  }
`;
