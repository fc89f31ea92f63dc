import { css } from 'lit';

/** The introduction card: the lessons as a vertical timeline, the caps with their icons, the contacts. */
export const programmeIntroStyles = css`
  .header {
    display: grid;
    gap: 0.25em;
  }
  h2 {
    margin: 0;
    font-size: 1.2em;
  }
  h3 {
    margin: 0 0 0.35em;
    font-size: 1em;
  }
  p {
    margin: 0;
  }
  .eyebrow {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    font-size: 0.9em;
  }
  .badge {
    background: var(--samen-intro-badge-color, var(--_accent));
    color: var(--_on-accent);
    border-radius: 999px;
    padding: 0.1em 0.75em;
    font-weight: 600;
  }
  .label,
  .where,
  .goal,
  .status,
  .how,
  .role,
  .example {
    color: var(--_muted);
  }
  .example {
    font-size: 0.85em;
    font-style: italic;
    margin-block-start: 0.35em;
  }
  ul {
    margin: 0;
    padding-inline-start: 1.2em;
    display: grid;
    gap: 0.25em;
  }
  .timeline {
    list-style: none;
    margin: 0.5em 0 0;
    padding: 0;
    display: grid;
    gap: 0;
  }
  .lesson {
    position: relative;
    padding-block: 0 0.75em;
    padding-inline-start: 1.75em;
    border-inline-start: 2px solid var(--_border);
    margin-inline-start: 0.5em;
  }
  .lesson:last-child {
    border-inline-start-color: transparent;
  }
  .lesson.posted {
    border-inline-start-color: var(--_accent);
  }
  .dot {
    position: absolute;
    inset-inline-start: -0.55em;
    inset-block-start: 0.15em;
    inline-size: 1em;
    block-size: 1em;
    border-radius: 50%;
    box-sizing: border-box;
    border: 2px solid var(--_accent);
    background: var(--_surface);
  }
  .posted .dot {
    background: var(--_accent);
  }
  .here .dot {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .lesson-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
  }
  .number {
    color: var(--_muted);
  }
  .goal,
  .status {
    font-size: 0.9em;
  }
  .folder,
  .contacts {
    padding: 0.5em;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface-raised);
  }
  .folder > p {
    margin-block: 0.5em;
  }
  summary {
    cursor: pointer;
    min-block-size: var(--_target);
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  summary h3 {
    display: inline;
    margin: 0;
  }
  .caps {
    list-style: none;
    padding: 0;
    gap: 0.5em;
  }
  /* Icon beside the words, or above them when large text leaves too little room (no word split). */
  .cap {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
    align-items: start;
  }
  .cap > span {
    flex: 1 1 9em;
    min-inline-size: 0;
  }
  .cap-icon {
    color: var(--_text);
  }
  .contacts ul {
    list-style: none;
    padding: 0;
    gap: 0.5em;
  }
  .contacts li {
    display: grid;
  }
  .role {
    font-size: 0.85em;
  }
  @media (forced-colors: active) {
    .dot,
    .posted .dot {
      border-color: CanvasText;
    }
    .posted .dot {
      background: CanvasText;
    }
  }
`;
