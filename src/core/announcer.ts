/** How long the region stays empty before the same words are set again: long enough for a screen reader to notice. */
const REPEAT_GAP_MS = 100;

/**
 * One polite live region per widget, the last child of its shadow root (outside what Lit
 * renders, so a re-render, a person switch or an error state never replaces it and an
 * announcement in flight is not lost). Every {@link announce} is heard, also the same words
 * twice in a row ("Muntje gegeven — 32 van 50" after each award): the region is emptied and
 * the words set again after a short gap, as a screen reader reads only a change.
 */
export class Announcer {
  readonly region: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(root: ShadowRoot | HTMLElement) {
    const doc = root.ownerDocument ?? document;
    this.region = doc.createElement('div');
    this.region.setAttribute('role', 'status');
    this.region.setAttribute('aria-atomic', 'true');
    this.region.className = 'visually-hidden';
    this.region.dataset['samenAnnouncer'] = '';
    root.appendChild(this.region);
  }

  /** Says `text` politely, in `lang` (the card's language) when given. */
  announce(text: string, lang?: string, dir?: string): void {
    clearTimeout(this.timer);
    const region = this.region;
    if (lang) region.setAttribute('lang', lang);
    if (dir) region.setAttribute('dir', dir);
    else region.removeAttribute('dir');
    if (!text) {
      region.textContent = '';
      return;
    }
    if (region.textContent !== text) {
      region.textContent = text;
      return;
    }
    region.textContent = '';
    this.timer = setTimeout(() => (region.textContent = text), REPEAT_GAP_MS);
  }

  /** Forgets what was said (another person is here, or the widget left the page). */
  clear(): void {
    clearTimeout(this.timer);
    this.region.textContent = '';
  }
}
