import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * Read-aloud for parents and children who read little or read Dutch as a second language:
 * a button that speaks a few sentences in the card's language through the browser's Web
 * Speech API (`speechSynthesis`), and the school's words in theirs. Nothing leaves the device; where the API is absent the
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
   * Speaks `sentences` (empty ones left out) in `lang`, a BCP 47 tag such as `ar` or `pl`, so
   * the browser picks a voice of that language. A sentence given as `{ text, lang }` is in a
   * language of its own (the school's Dutch home question in an Arabic card): each run of one
   * language is its own utterance, queued in order. Stops anything speaking.
   */
  speak(sentences: readonly Spoken[], lang: string): void {
    if (!ReadAloudController.available) return;
    const runs = languageRuns(sentences, lang);
    if (!runs.length) return;
    const utterances = runs.map((run) => {
      const utterance = new SpeechSynthesisUtterance(run.text);
      utterance.lang = run.lang;
      return utterance;
    });
    const last = utterances[utterances.length - 1]!;
    const done = () => {
      if (this.utterance !== last) return;
      this.utterance = undefined;
      this.speaking = false;
      this.host.requestUpdate();
    };
    last.addEventListener('end', done);
    for (const utterance of utterances) {
      // One that fails ends the reading: the rest would start mid-way.
      utterance.addEventListener('error', () => {
        if (this.utterance !== last) return;
        speechSynthesis.cancel();
        done();
      });
    }
    speechSynthesis.cancel();
    this.utterance = last;
    this.speaking = true;
    for (const utterance of utterances) speechSynthesis.speak(utterance);
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
  render(label: string, lang: string, sentences: () => readonly Spoken[]): TemplateResult | typeof nothing {
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
