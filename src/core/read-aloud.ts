import { css, html, nothing, svg, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Messages } from './i18n.js';

/** The button's icons, drawn (Material Symbols, Apache-2.0) rather than emoji: a speaker, and a stop square while it speaks. */
const SPEAKER =
  'M3 9v6h4l5 5V4L7 9H3zm13.5 3c0-1.77-1.02-3.29-2.5-4.03v8.05c1.48-.73 2.5-2.25 2.5-4.02zM14 3.23v2.06c2.89.86 5 3.54 5 6.71s-2.11 5.85-5 6.71v2.06c4.01-.91 7-4.49 7-8.77s-2.99-7.86-7-8.77z';
const STOP = 'M6 6h12v12H6z';

/** `nl-NL`, `nl_BE` (Android), `NL` → `nl`. */
const language = (tag: string) => tag.split(/[-_]/)[0]!.toLowerCase();

/**
 * Read-aloud for parents and children who read little or read Dutch as a second language:
 * a button that speaks a few sentences in the card's language through the browser's Web
 * Speech API (`speechSynthesis`), and the school's words in theirs. Nothing leaves the device.
 * The button is offered only when the device has a voice for the card's language (checked
 * again when the voices change: browsers load them late); a reading that fails says so beside
 * the button. Pressing it again while it speaks stops it (`aria-pressed`), and a widget that
 * leaves the page stops speaking.
 *
 * Used by the feelings check-in (the question and its options), the lesson clip (the home
 * question) and the expectation matrix (the focus of the week). The button is the part `read-aloud`.
 */
export class ReadAloudController implements ReactiveController {
  /** Whether this widget's text is being spoken (for `aria-pressed`). */
  speaking = false;
  /** The last reading failed (no voice, or the browser's `error`): the button says so. */
  failed = false;
  private utterance: SpeechSynthesisUtterance | undefined;
  private readonly voicesChanged = () => this.host.requestUpdate();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Whether this browser can speak (the Web Speech API's synthesis half is there). */
  static get available(): boolean {
    return typeof globalThis.speechSynthesis?.speak === 'function' && typeof globalThis.SpeechSynthesisUtterance === 'function';
  }

  /** Whether the device has a voice for `lang` (its language: `nl` is spoken by an `nl-BE` voice too). */
  static hasVoice(lang: string): boolean {
    if (!ReadAloudController.available) return false;
    const voices = speechSynthesis.getVoices?.() ?? [];
    return voices.some((voice) => language(voice.lang) === language(lang));
  }

  /**
   * Whether the widget listens for the device's voices: from the first time it renders the
   * button, while in the page. A card that has not rendered (a dormant one far down a feed,
   * issue 23) neither listens nor wakes the browser's speech synthesis.
   */
  private listening = false;
  private rendered = false;

  hostConnected(): void {
    if (this.rendered) this.listen();
  }

  hostDisconnected(): void {
    if (this.listening) globalThis.speechSynthesis?.removeEventListener?.('voiceschanged', this.voicesChanged);
    this.listening = false;
    if (this.speaking) this.stop();
  }

  private listen(): void {
    if (this.listening || !ReadAloudController.available || !(this.host as Partial<Element>).isConnected) return;
    speechSynthesis.addEventListener?.('voiceschanged', this.voicesChanged);
    this.listening = true;
  }

  /**
   * Speaks `sentences` (empty ones left out) in `lang`, a BCP 47 tag such as `ar` or `pl`, so
   * the browser picks a voice of that language. A sentence given as `{ text, lang }` is in a
   * language of its own (the school's Dutch home question in an Arabic card): each run of one
   * language is its own utterance, queued in order. Stops anything speaking. Without a voice
   * for `lang`, or when the browser reports an error, `failed` is set instead.
   */
  speak(sentences: readonly Spoken[], lang: string): void {
    if (!ReadAloudController.available) return;
    const runs = languageRuns(sentences, lang);
    if (!runs.length) return;
    speechSynthesis.cancel();
    if (!ReadAloudController.hasVoice(lang)) {
      this.fail();
      return;
    }
    this.failed = false;
    const utterances = runs.map((run) => {
      const utterance = new SpeechSynthesisUtterance(run.text);
      utterance.lang = run.lang;
      return utterance;
    });
    const last = utterances[utterances.length - 1]!;
    last.addEventListener('end', () => {
      if (this.utterance === last) this.stop(false);
    });
    for (const utterance of utterances) {
      // One that fails ends the reading (the rest would start mid-way) and says so; being
      // stopped or replaced by the next reading is no failure.
      utterance.addEventListener('error', (event) => {
        if (this.utterance !== last) return;
        const code = event.error;
        if (code === 'interrupted' || code === 'canceled') this.stop(false);
        else this.fail();
      });
    }
    this.utterance = last;
    this.speaking = true;
    for (const utterance of utterances) speechSynthesis.speak(utterance);
    this.host.requestUpdate();
  }

  /** Stops speaking (`cancel`: also the browser's queue). */
  stop(cancel = true): void {
    this.utterance = undefined;
    this.speaking = false;
    if (cancel && ReadAloudController.available) speechSynthesis.cancel();
    this.host.requestUpdate();
  }

  private fail(): void {
    this.stop();
    this.failed = true;
  }

  /**
   * The read-aloud button, or nothing where the device cannot speak the card's language
   * (`t.locale`). `sentences` is called on press, so it reads what the card shows then (e.g.
   * the feeling just chosen). After a failure, `t.readAloudFailed` beside it (an alert).
   */
  render(
    t: Pick<Messages, 'locale' | 'readAloud' | 'readAloudFailed'>,
    sentences: () => readonly Spoken[],
  ): TemplateResult | typeof nothing {
    this.rendered = true;
    this.listen();
    if (!ReadAloudController.hasVoice(t.locale)) return nothing;
    return html`<button
        type="button"
        part="read-aloud"
        class="read-aloud"
        aria-pressed=${this.speaking ? 'true' : 'false'}
        @click=${() => (this.speaking ? this.stop() : this.speak(sentences(), t.locale))}
      >
        <svg class="read-aloud-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          ${svg`<path fill="currentColor" d=${this.speaking ? STOP : SPEAKER}></path>`}
        </svg>
        ${t.readAloud}
      </button>
      ${this.failed ? html`<span class="read-aloud-failed" role="alert">${t.readAloudFailed}</span>` : nothing}`;
  }
}

/** A sentence to speak: in the card's language, or `{ text, lang }` in a language of its own. */
export type Spoken = string | undefined | { text: string | undefined; lang: string };

/** Consecutive sentences of one language joined into one text each, empty ones left out. */
export function languageRuns(sentences: readonly Spoken[], lang: string): { text: string; lang: string }[] {
  const groups: { lang: string; sentences: (string | undefined)[] }[] = [];
  for (const sentence of sentences) {
    const { text, lang: own } = typeof sentence === 'object' ? sentence : { text: sentence, lang };
    if (!text?.trim()) continue;
    const last = groups[groups.length - 1];
    if (last && last.lang === own) last.sentences.push(text);
    else groups.push({ lang: own, sentences: [text] });
  }
  return groups.map((g) => ({ lang: g.lang, text: joinSentences(g.sentences) }));
}

/** "Vraag voor thuis" + "Wat deed jij vandaag?" → "Vraag voor thuis. Wat deed jij vandaag?" (no "?." pairs). */
export function joinSentences(sentences: readonly (string | undefined)[]): string {
  return sentences
    .map((s) => s?.trim())
    .filter((s): s is string => !!s)
    .map((s, i, all) => (i < all.length - 1 && !/[.!?…:;。؟۔]$/u.test(s) ? `${s}.` : s))
    .join(' ');
}

/** Styles for the button; widgets add them to their `static styles`. */
export const readAloudStyles = css`
  .read-aloud {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    flex-shrink: 0;
    justify-self: start;
  }
  .read-aloud-icon {
    flex: none;
  }
  .read-aloud-failed {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .read-aloud[aria-pressed='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 2px var(--_accent);
  }
  @media (forced-colors: active) {
    .read-aloud[aria-pressed='true'] {
      border: 3px solid Highlight;
    }
  }
`;
