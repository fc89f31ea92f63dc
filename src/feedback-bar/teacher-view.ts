/**
 * The feedback bar's teacher view: how many families did the home activity, the count of each
 * reaction with who reacted, and the replies. Parents never see it, so it loads only for
 * `view="teacher"` (see `LazyView` in core).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { cspStyle } from '../core/csp-style.js';
import { closeDetailsOnEscape } from '../core/escape.js';
import type { FeedbackMessages } from './messages.js';
import { homeShare, reactionIcon } from './reactions.js';
import type { ReactionId, ReactionSummary, Reply } from './schemas.js';

/** What the teacher view reads through its feedback bar element. */
export interface FeedbackTeacherHost {
  readonly m: FeedbackMessages;
  /** The reactions the bar offers, in order. */
  readonly offered: readonly ReactionId[];
  renderReplies(heading: string, replies: Reply[]): TemplateResult;
}

export function renderTeacher(host: FeedbackTeacherHost, summary: ReactionSummary): TemplateResult {
  const t = host.m;
  const share = homeShare(summary);
  const total = host.offered.reduce((sum, r) => sum + (summary.counts[r] ?? 0), 0);
  return html`${
    share !== undefined
      ? html`<div part="home-share" class="home-share">
          <p>${t.homeShare(Math.min(summary.homeFamilies ?? 0, summary.families ?? 0), summary.families ?? 0)}</p>
          <span class="bar-track" aria-hidden="true"><span ${cspStyle({ 'inline-size': `${share}%` })}></span></span>
        </div>`
      : nothing
  }
    ${
      total === 0
        ? html`<p class="muted">${t.noReactions}</p>`
        : html`<ul class="counts" aria-label=${t.toolbar}>
          ${host.offered.map((reaction) => {
            const count = summary.counts[reaction] ?? 0;
            const names = summary.reactors?.[reaction] ?? [];
            return html`<li part="reaction" class="count-item">
              ${reactionIcon(reaction)}
              <span class="count-label">${t.reactionName(t.reactions[reaction], count)}</span>
              ${
                names.length
                  ? html`<details @keydown=${closeDetailsOnEscape}>
                    <summary>${t.whoReacted}</summary>
                    <p>${names.join(', ')}</p>
                  </details>`
                  : nothing
              }
            </li>`;
          })}
        </ul>`
    }
    ${summary.replies?.length ? host.renderReplies(t.replies, summary.replies) : html`<p class="muted">${t.noReplies}</p>`}`;
}

export const styles = css`
  .counts {
    list-style: none;
    margin: 0.35em 0 0;
    padding: 0;
    display: grid;
    gap: 0.4em;
  }
  .count-item {
    padding: 0.4em 0.75em;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface-raised);
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
    align-items: center;
  }
  .author {
    font-weight: 600;
  }
  .count-label {
    flex: 1;
  }
  details[open] {
    flex-basis: 100%;
  }
  summary {
    cursor: pointer;
    min-block-size: var(--_target);
    display: flex;
    align-items: center;
    color: var(--_muted);
  }
  .home-share {
    display: grid;
    gap: 0.25em;
    font-weight: 600;
  }
  .bar-track {
    display: block;
    block-size: 0.6em;
    border-radius: 999px;
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    overflow: hidden;
  }
  .bar-track span {
    display: block;
    block-size: 100%;
    background: var(--_accent);
  }
  /* Windows high contrast: the bars keep their meaning in system colours. */
  @media (forced-colors: active) {
    .bar-track span {
      background: CanvasText;
    }
  }
`;
