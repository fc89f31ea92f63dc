import { css } from 'lit';

export const rewardChartStyles = css`
  :host {
    --_reward: var(--samen-reward-color, var(--_accent));
    --_home: var(--samen-reward-home-color, #b86e00);
  }
  /* A custom property takes light-dark() even where it can't be used, hence @supports. */
  @supports (color: light-dark(#000, #fff)) {
    :host {
      --_home: var(--samen-reward-home-color, light-dark(#b86e00, #ffc46b));
    }
  }
  h2 {
    font-size: 1.3em;
    line-height: 1.25;
  }
  h3 {
    font-size: 1em;
    color: var(--_muted);
  }
  .header {
    display: grid;
    gap: 0.2em;
  }
  .badge {
    justify-self: start;
    background: var(--_reward);
    color: var(--_on-accent);
    border-radius: 999px;
    padding: 0.1em 0.75em;
    font-weight: 600;
    font-size: 0.9em;
  }
  .reward {
    font-weight: 600;
  }
  ul,
  ol {
    margin: 0.25em 0 0;
    padding-inline-start: 1.2em;
  }
  .focus ul {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.25em;
  }
  .focus li {
    display: flex;
    gap: 0.5em;
    font-weight: 600;
  }
  .progress-wrap {
    display: grid;
    gap: 0.4em;
  }
  .spots {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(1.4em, 1fr));
    gap: 0.3em;
  }
  .spot {
    aspect-ratio: 1;
    border-radius: 50%;
    border: 2px solid var(--_border);
    background: var(--_surface);
  }
  .spot.filled {
    background: var(--_reward);
    border-color: var(--_reward);
    animation: pop 300ms ease-out;
  }
  @keyframes pop {
    from {
      transform: scale(0.4);
    }
  }
  .bar {
    display: block;
    block-size: 1em;
    border-radius: 999px;
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    overflow: hidden;
  }
  .bar span {
    display: block;
    block-size: 100%;
    background: var(--_reward);
    transition: inline-size 300ms ease;
  }
  .celebration {
    display: grid;
    gap: 0.5em;
    justify-items: start;
    padding: 0.75em;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface-raised);
    border: 2px solid var(--_reward);
    font-weight: 600;
  }
  .stars {
    display: inline-flex;
    gap: 0.3em;
    color: var(--_reward);
  }
  .party .stars {
    animation: cheer 900ms ease-in-out 3;
  }
  @keyframes cheer {
    50% {
      transform: scale(1.3) rotate(-4deg);
    }
  }
  .muted,
  time {
    color: var(--_muted);
    font-size: 0.85em;
  }
  form {
    display: grid;
    gap: 0.4em;
  }
  .home-sticker label {
    display: grid;
    gap: 0.2em;
    font-weight: 600;
  }
  input {
    padding: 0.4em 0.75em;
    min-block-size: var(--_target);
  }
  button[aria-disabled='true'] {
    opacity: 0.65;
  }
  .stickers ol {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.35em;
  }
  .stickers li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
    padding: 0.35em 0.75em;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface-raised);
    border-inline-start: 4px solid var(--_reward);
  }
  .stickers li.home {
    border-inline-start-color: var(--_home);
  }
  .source {
    font-weight: 600;
  }
  /* A family's or teacher's own words take their direction from their first letter, as dir="auto" would. */
  .reason,
  .reasons li {
    unicode-bidi: plaintext;
  }
  .queued {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    border-inline-start: 4px solid var(--_danger);
    padding-inline-start: 0.75em;
  }
  .notice {
    color: var(--_muted);
    font-size: 0.9em;
    background: var(--_surface-raised);
    padding: 0.4em 0.75em;
    border-radius: calc(var(--_radius) / 1.5);
  }
  form button {
    justify-self: start;
  }
  /* Windows high contrast: filled spots and the progress bar stay visible in system colours. */
  @media (forced-colors: active) {
    .spot.filled,
    .bar span {
      background: CanvasText;
      border-color: CanvasText;
    }
  }
`;
