import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * Read-aloud for parents and children who read little or read Dutch as a second language:
 * a button that speaks a few sentences in the card's language through the browser's Web
 * Speech API (`speechSynthesis`). Nothing leaves the device; where the API is absent the
 * button is not shown. Pressing it again while it speaks stops it (`aria-pressed`), and a
 * widget that leaves the page stops speaking.
 *
 * Used by the feelings check-in (the question), the lesson clip (the home question) and the
 * expectation matrix (the focus of the week). The button is the part `read-aloud`.
 */
export class ReadAloudController implements ReactiveController {
  /** Whether this widget's text is being spoken (for `aria-pressed`). */
  speaking = false;
  private utterance: SpeechSynthesisUtterance | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Whether this browser can speak (the Web Speech API's synthesis half is there). */
  static get available(): boolean {
    return typeof globalThis.speechSynthesis?.speak === 'function' && typeof globalThis.SpeechSynthesisUtterance === 'function';
  }

  hostDisconnected(): void {
    if (this.speaking) this.stop();
  }

  /**
   * Speaks `sentences` (empty ones left out) as one utterance in `lang`, a BCP 47 tag such
   * as `ar` or `pl`, so the browser picks a voice of that language. Stops anything speaking.
   */
  speak(sentences: readonly (string | undefined)[], lang: string): void {
    if (!ReadAloudController.available) return;
    const text = joinSentences(sentences);
    if (!text) return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    const done = () => {
      if (this.utterance !== utterance) return;
      this.utterance = undefined;
      this.speaking = false;
      this.host.requestUpdate();
    };
    utterance.addEventListener('end', done);
    utterance.addEventListener('error', done);
    speechSynthesis.cancel();
    this.utterance = utterance;
    this.speaking = true;
    speechSynthesis.speak(utterance);
    this.host.requestUpdate();
  }

  stop(): void {
    this.utterance = undefined;
    this.speaking = false;
    if (ReadAloudController.available) speechSynthesis.cancel();
    this.host.requestUpdate();
  }

  /**
   * The read-aloud button, or nothing where the browser cannot speak. `sentences` is called
   * on press, so it reads what the card shows then (e.g. the feeling just chosen).
   */
  render(label: string, lang: string, sentences: () => readonly (string | undefined)[]): TemplateResult | typeof nothing {
    if (!ReadAloudController.available) return nothing;
    return html`<button
      type="button"
      part="read-aloud"
      class="read-aloud"
      aria-pressed=${this.speaking ? 'true' : 'false'}
      @click=${() => (this.speaking ? this.stop() : this.speak(sentences(), lang))}
    >
      <span class="read-aloud-icon" aria-hidden="true">${this.speaking ? '⏹' : '🔊'}</span>
      ${label}
    </button>`;
  }
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
