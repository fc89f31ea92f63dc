/**
 * The feelings check-in's teacher view: today's class overview, the week, and the signals with
 * their careful next steps. Parents and children never see it, so it loads only for
 * `view="teacher"` (see `LazyView` in core).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { cspStyle } from '../core/csp-style.js';
import type { DetailOf, SignalStep } from '../core/events.js';
import type { CheckinData } from './feelings-checkin.js';
import { dayOf, distribution, findSignals, lastDays, localDay, signalWindow, type Signal, type SignalRule } from './feelings.js';
import { feelingPicture } from './icons.js';
import type { FeelingsMessages } from './messages.js';
import type { FeelingDefinition } from './schemas.js';

/** What the teacher view reads and does through its check-in element. */
export interface FeelingsTeacherHost {
  readonly m: FeelingsMessages;
  readonly resolvedLocale: string;
  readonly signalRule: SignalRule;
  word(feeling: FeelingDefinition): TemplateResult;
  labelOf(feelings: FeelingDefinition[], id: string): string;
  dayName(day: string): string;
  emit(name: 'samen-signal', detail: DetailOf<'samen-signal'>): Promise<void>;
  /** With the thread port: per family of the child, "Tip en top sturen" or the open note (issue 24). */
  tipTop?(
    childId: string,
    families: { familyId: string; householdId?: string | undefined; name: string }[],
  ): TemplateResult | typeof nothing;
}

/** "verdrietig en bang" / "sad and scared": one Intl.ListFormat per language, made on first use. */
const listFormats = new Map<string, Intl.ListFormat>();
function listFormat(locale: string): Intl.ListFormat {
  let format = listFormats.get(locale);
  if (!format) {
    try {
      format = new Intl.ListFormat(locale, { type: 'conjunction' });
    } catch {
      format = new Intl.ListFormat('en', { type: 'conjunction' }); // a language tag the browser refuses
    }
    listFormats.set(locale, format);
  }
  return format;
}
export function renderTeacher(host: FeelingsTeacherHost, data: CheckinData): TemplateResult {
  const t = host.m;
  const today = dayOf(new Date());
  const todays = data.checkins.filter((c) => localDay(c.createdAt) === today);
  const children = new Set(todays.map((c) => c.childId)).size;
  const rows = distribution(data.checkins, data.feelings, today);
  const max = Math.max(1, ...rows.map((r) => r.count));
  const negative = new Set(data.feelings.filter((f) => f.negative).map((f) => f.id));
  const signals = findSignals(data.checkins, data.feelings, today, host.signalRule);
  const steps: SignalStep[] = ['child', 'parents', data.viewer.role === 'care-coordinator' ? 'teacher' : 'care-coordinator'];
  return html`<h2 id="heading">${t.classToday}</h2>
    <p>${t.checkedIn(children)}</p>
    <ul part="overview" class="overview">
      ${rows.map(
        ({ feeling, count }) => html`<li>
          <span aria-hidden="true" class="icon">${feelingPicture(feeling.icon)}</span>
          ${host.word(feeling)}
          <span class="bar" aria-hidden="true"
            ><span ${cspStyle({ 'inline-size': `${(count / max) * 100}%`, background: feeling.color })}></span
          ></span>
          <strong class="count">${count}</strong>
        </li>`,
      )}
    </ul>
    <section role="group" class="week" aria-labelledby="week-heading">
      <h3 id="week-heading">${t.week}</h3>
      <ol>
        ${lastDays(today, 7).map((day) => {
          const entries = data.checkins.filter((c) => localDay(c.createdAt) === day);
          const hard = entries.filter((c) => negative.has(c.feeling)).length;
          return html`<li><span class="day">${host.dayName(day)}</span> ${t.weekDay(entries.length, hard)}</li>`;
        })}
      </ol>
    </section>
    <section role="group" part="signals" class="signals" aria-labelledby="signals-heading">
      <h3 id="signals-heading">${t.signals}</h3>
      ${
        signals.length
          ? html`<ul>
            ${signals.map((s, i) => renderSignal(host, data, s, `signal-${i}`, steps))}
          </ul>`
          : html`<p class="muted">${t.noSignals}</p>`
      }
      <p class="muted privacy">${t.privacy}</p>
    </section>`;
}

/**
 * One signal: what the child picked, in words (never a label for the child), and the careful
 * next steps; each hands the step to the host (`samen-signal`), which knows how to take it.
 */
function renderSignal(host: FeelingsTeacherHost, data: CheckinData, signal: Signal, id: string, steps: SignalStep[]): TemplateResult {
  const t = host.m;
  const rule = host.signalRule;
  const words = signal.feelings.map((feelingId) => host.labelOf(data.feelings, feelingId));
  const feelings = listFormat(host.resolvedLocale).format(words);
  const window = signalWindow(dayOf(new Date()), rule).length;
  return html`<li>
    <p id=${id}>${t.signal(signal.childName ?? t.childFallback, feelings, signal.days.length, window, rule.schoolDays !== false)}</p>
    <p class="next-step" id=${`${id}-next`}>${t.nextStep}</p>
    <ul part="signal-steps" class="steps" aria-labelledby=${`${id}-next`}>
      ${steps.map(
        (step) => html`<li>
          <button aria-describedby=${id} @click=${() => host.emit('samen-signal', { childId: signal.childId, days: signal.days, step })}>
            ${t.steps[step]}
          </button>
        </li>`,
      )}
    </ul>
    ${host.tipTop?.(signal.childId, data.checkins.find((c) => c.childId === signal.childId && c.families?.length)?.families ?? []) ?? nothing}
  </li>`;
}

export const styles = css`
  /* Picture, word, bar and count on one line; the bar and count wrap below when the text is large (issue 21). */
  .overview li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
    align-items: center;
  }
  .overview li > .icon {
    flex: 0 0 auto;
    min-inline-size: 1.6em;
  }
  .overview li > .word {
    flex: 1 1 6em;
  }
  .overview li > .bar {
    flex: 1 1 5em;
  }
  .overview .count {
    flex: 0 0 auto;
    min-inline-size: 2em;
  }
  .overview .icon {
    font-size: 1.3em;
  }
  .bar {
    display: block;
    block-size: 0.75em;
    border-radius: 999px;
    background: var(--_surface-raised);
    overflow: hidden;
  }
  .bar span {
    display: block;
    block-size: 100%;
  }
  .count {
    text-align: end;
  }
  /* A signal asks for care, not alarm: the accent colour, not the danger one. */
  .signals > ul > li {
    display: grid;
    gap: 0.4em;
    padding: 0.6em 0.75em;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface-raised);
    border-radius: calc(var(--_radius) / 1.5);
  }
  .signals p {
    margin: 0;
  }
  .next-step {
    font-weight: 600;
  }
  .signals .steps {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    padding: 0;
    margin: 0;
    list-style: none;
  }
  .privacy {
    margin-block-start: 0.5em;
  }
  /* Windows high contrast: the filled bars in system colours. */
  @media (forced-colors: active) {
    /* !important: each bar's own colour is set per element, and forced colours would drop it. */
    .bar span {
      background: CanvasText !important;
    }
  }
`;
