/**
 * The lesson clip's teacher view: the class's reach (seen, talked about, answered), the answers
 * families gave, and the teacher's private list of families not reached yet. Parents never see
 * it, so it loads only for `view="teacher"` (see `LazyView` in core).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { TextLanguage } from '../core/content-lang.js';
import { cspStyle } from '../core/csp-style.js';
import { closeDetailsOnEscape } from '../core/escape.js';
import { formatRelative, type Messages } from '../core/i18n.js';
import { inLanguage } from '../core/in-language.js';
import type { ClipMessages } from './messages.js';
import type { ClipReach } from './schemas.js';
// The teacher's card shows the feedback bar's teacher view too: it arrives with this one, not after it.
import '../feedback-bar/teacher-view.js';

/** What the teacher view reads through its lesson clip element. */
export interface ClipTeacherHost {
  readonly m: ClipMessages;
  readonly t: Messages;
  readonly resolvedLocale: string;
  familyText(): TextLanguage;
  /** With the thread port: the private thread with this family (or this household of it), or the button that opens it (issue 24). */
  thread?(familyId: string, familyName: string, householdId?: string): TemplateResult | typeof nothing;
}

export function renderReach(host: ClipTeacherHost, reach: ClipReach): TemplateResult {
  const t = host.m;
  const metric = (label: string, n: number, addresses?: TemplateResult) => {
    const share = reach.families ? Math.min(100, Math.round((n / reach.families) * 100)) : 0;
    return html`<div class="metric">
      <dt>${label}</dt>
      <dd>
        <span class="metric-value">${t.reachOf(n, reach.families)}</span>${addresses ?? nothing}
        <span class="bar" aria-hidden="true"><span ${cspStyle({ 'inline-size': `${share}%` })}></span></span>
      </dd>
    </div>`;
  };
  return html`<section role="group" part="reach" class="reach" aria-labelledby="reach-heading">
      <h3 id="reach-heading">${t.reach}</h3>
      <dl>
        ${metric(t.seen, reach.seen, renderAddresses(host, reach))} ${metric(t.talked, reach.talked)} ${metric(t.answered, reach.answered)}
      </dl>
      ${reach.notReached ? renderNotReached(host, reach) : nothing}
    </section>
    <section role="group" class="answers" aria-labelledby="answers-heading">
      <h3 id="answers-heading">${t.answers}</h3>
      ${
        reach.answers.length
          ? html`<ol part="answers">
            ${reach.answers.map(
              (a) => html`<li>
                <p class="family" ${inLanguage(a.familyName ? host.familyText() : {})}>${whose(host, a)}</p>
                ${
                  a.kind === 'text' && a.text
                    ? html`<p ${inLanguage(host.familyText())}>${a.text}</p>`
                    : html`<p><span class="muted">${t.talkedOnly}</span></p>`
                }
                <time class="muted" datetime=${a.updatedAt}>${formatRelative(new Date(a.updatedAt), host.resolvedLocale)}</time>
                ${host.thread?.(a.familyId, whose(host, a), a.householdId) ?? nothing}
              </li>`,
            )}
          </ol>`
          : html`<p class="muted">${t.noAnswers}</p>`
      }
    </section>`;
}

/**
 * A family by name, and the household when it is one household of it (issue 24): "Familie
 * Jansen — tweede adres".
 */
function whose(
  host: ClipTeacherHost,
  f: { familyName?: string | undefined; householdId?: string | undefined; householdName?: string | undefined },
) {
  const family = f.familyName ?? host.t.familyFallback;
  return f.householdId === undefined ? family : host.m.familyAt(family, f.householdName ?? host.m.otherAddress);
}

/** Beside the families seen, the addresses (households) seen, when some child has more than one (issue 24). */
function renderAddresses(host: ClipTeacherHost, reach: ClipReach): TemplateResult | undefined {
  if (reach.households === undefined || reach.householdsSeen === undefined) return undefined;
  return html`<span class="visually-hidden">, </span
    ><span class="metric-addresses" part="addresses">${host.m.addressesOf(reach.householdsSeen, reach.households)}</span>`;
}

/**
 * Private to the teacher: who has not seen the clip yet, to ask in person, not to chase. A
 * family reached at one address but not at another is listed by that address (issue 24).
 */
function renderNotReached(host: ClipTeacherHost, reach: ClipReach): TemplateResult {
  const t = host.m;
  const entries = reach.notReached ?? [];
  if (!entries.length) return html`<p part="not-reached" class="not-reached muted">${t.everyoneReached}</p>`;
  const families = entries.filter((f) => f.householdId === undefined).length;
  const addresses = entries.length - families;
  const ofAddresses =
    addresses && reach.households !== undefined && reach.householdsSeen !== undefined
      ? `, ${t.addressesOf(reach.households - reach.householdsSeen, reach.households)}`
      : '';
  return html`<details part="not-reached" class="not-reached" @keydown=${closeDetailsOnEscape}>
    <summary>${t.notReached}: ${t.reachOf(families, reach.families)}${ofAddresses}</summary>
    <p class="muted">${t.notReachedHint}</p>
    <ul>
      ${entries.map((f) => html`<li ${inLanguage(f.familyName ? host.familyText() : {})}>${whose(host, f)}</li>`)}
    </ul>
  </details>`;
}

export const styles = css`
  .reach dl {
    margin: 0.5em 0 0;
    display: grid;
    gap: 0.5em;
  }
  /* The label beside its number and bar, or above them when the text is large (issue 21). */
  .metric {
    display: flex;
    flex-wrap: wrap;
    gap: 0.2em 0.75em;
    align-items: center;
  }
  .metric dt {
    flex: 1 1 8em;
  }
  .metric dd {
    flex: 2 1 10em;
    margin: 0;
    display: grid;
    gap: 0.2em;
  }
  .metric-addresses {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .bar {
    display: block;
    block-size: 0.6em;
    border-radius: 999px;
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    overflow: hidden;
  }
  .bar span {
    display: block;
    block-size: 100%;
    background: var(--_accent);
    transition: inline-size 300ms ease;
  }
  .answers ol {
    list-style: none;
    margin: 0.5em 0 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  .answers li {
    padding: 0.5em 0.75em;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface-raised);
  }
  .family {
    font-weight: 600;
  }
  .answers time {
    font-size: 0.85em;
  }
  .not-reached {
    margin-block-start: 0.75em;
  }
  .not-reached summary {
    display: flex;
    align-items: center;
    min-block-size: var(--_target);
    cursor: pointer;
    font-weight: 600;
  }
  .not-reached p {
    margin: 0 0 0.5em;
  }
  .not-reached ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  /* A family's own words take their direction from their first letter, as dir="auto" would (test/a11y/rtl.test.ts). */
  .answers li p,
  .not-reached li {
    unicode-bidi: plaintext;
  }
  /* Windows high contrast: the reach bars stay visible (backgrounds are otherwise dropped). */
  @media (forced-colors: active) {
    .bar span {
      background: CanvasText;
    }
  }
`;
