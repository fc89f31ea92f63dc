import { css } from 'lit';

/** The thread's look inside a host card (issue 24): quiet, below what the family sent. */
export const threadStyles = css`
  .thread {
    border-inline-start: 3px solid var(--_border);
    padding-inline-start: 0.75em;
  }
  .thread summary {
    cursor: pointer;
    font-weight: 600;
    min-block-size: 44px;
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  /* The unread mark: a dot, with its words for screen readers beside it. */
  .thread-dot {
    inline-size: 0.6em;
    block-size: 0.6em;
    border-radius: 50%;
    background: var(--_accent, currentColor);
  }
  .thread-messages {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  .thread-messages p {
    margin: 0;
    unicode-bidi: plaintext;
  }
  .thread-author {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .thread-privacy {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .thread-form {
    display: grid;
    gap: 0.4em;
    justify-items: start;
  }
  .thread-form textarea {
    min-block-size: 3em;
  }
  .thread-example {
    margin: 0;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .thread-error {
    border-inline-start: 4px solid var(--_danger);
    padding-inline-start: 0.5em;
  }
`;
