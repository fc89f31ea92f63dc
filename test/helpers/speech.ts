/**
 * Voices for a stubbed `speechSynthesis`: the read-aloud button is offered only when the device
 * has a voice for the card's language (src/core/read-aloud.ts), and headless Chromium has none.
 */
export const VOICES = ['nl-NL', 'en-US', 'ar-SA', 'tr-TR', 'pl-PL', 'uk-UA'].map((lang) => ({
  lang,
  name: lang,
  default: false,
  localService: true,
  voiceURI: lang,
}));

/**
 * Puts a recording `speechSynthesis` with {@link VOICES} on the window; `restore()` brings the
 * real one back (the own property shadows Window.prototype's).
 */
export function fakeSpeech(): { spoken: SpeechSynthesisUtterance[]; restore: () => void } {
  const spoken: SpeechSynthesisUtterance[] = [];
  const fake = { speak: (u: SpeechSynthesisUtterance) => void spoken.push(u), cancel: () => {}, getVoices: () => VOICES };
  Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true, writable: true });
  return { spoken, restore: () => delete (window as { speechSynthesis?: unknown }).speechSynthesis };
}
