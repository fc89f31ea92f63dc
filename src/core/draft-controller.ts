import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { newId } from './adapter.js';
import { afterNextPaint } from './after-paint.js';
import { clearDraft, readDraft, writeDraft } from './draft-store.js';
import { SamenError, toSamenError } from './errors.js';

export type SubmitResult<T> = { ok: true; value: T } | { ok: false; error: SamenError };

/**
 * A parent's text that must never be lost: kept in storage on every keystroke,
 * sent with an idempotency key that survives reloads and is reused by retries
 * (so a send that reached the host but lost its response never writes twice),
 * and renewed only when the text changes. One send at a time: double taps coalesce.
 *
 * The draft belongs to one person and one target: its storage key names both (viewer id,
 * and clip, post or matrix). Pointing it at another key forgets everything of the old one
 * first (text, write id, error, a send in flight) and only then restores the new key's
 * draft, so on a shared tablet the next person never sees, nor sends, the last one's text.
 */
export class DraftController implements ReactiveController {
  text = '';
  sending = false;
  error: SamenError | undefined;
  private writeId: string | undefined;
  private currentKey = '';
  /** Counts switches: a send that ends after one belongs to the person before. */
  private epoch = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly maxLength: number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The storage key the draft is kept under now (`''` before the first {@link restore}). */
  get key(): string {
    return this.currentKey;
  }

  /**
   * Points the draft at a storage key (viewer + target). A new key starts empty, then gets
   * what was typed there, if anything; `true` when a draft was restored.
   */
  restore(key: string): boolean {
    if (key === this.currentKey) return false;
    this.forget();
    this.currentKey = key;
    const draft = readDraft(key);
    if (!draft) return false;
    this.text = draft.text.slice(0, this.maxLength);
    this.writeId = draft.writeId;
    this.host.requestUpdate();
    return true;
  }

  /**
   * Forgets the draft in memory (it stays stored under its key for its person), so the next
   * {@link restore} reads its key anew. A send still in flight can no longer change it.
   */
  forget(): void {
    this.epoch += 1;
    this.currentKey = '';
    this.text = '';
    this.writeId = undefined;
    this.error = undefined;
    this.sending = false;
    this.host.requestUpdate();
  }

  get remaining(): number {
    return this.maxLength - this.text.length;
  }

  get canSend(): boolean {
    return !this.sending && this.text.trim().length > 0;
  }

  /** Starts editing from existing text without marking it as a new draft. */
  prefill(text: string): void {
    if (!this.text) this.set(text);
  }

  set(value: string): void {
    const text = value.slice(0, this.maxLength);
    if (text !== this.text) this.writeId = undefined;
    this.text = text;
    this.error = undefined;
    this.persist();
    this.host.requestUpdate();
  }

  /**
   * What is sent beside the text changed (a choice next to the box): the next send is another
   * request, so it gets a new id. A retry under the old one would be refused as another request
   * under a used key, should the first have reached the host.
   */
  renewWrite(): void {
    if (!this.writeId) return;
    this.writeId = undefined;
    this.persist();
  }

  clear(): void {
    this.text = '';
    this.writeId = undefined;
    this.error = undefined;
    if (this.currentKey) clearDraft(this.currentKey);
    this.host.requestUpdate();
  }

  /**
   * Sends the trimmed text through `write(id, text)`; on success the draft is cleared. When the
   * draft was pointed elsewhere while it was on its way (another person, another target), the
   * outcome is that person's: their stored draft is cleared on success, and `undefined` is
   * returned, so the widget shows nothing of it to whoever is here now.
   */
  async submit<T>(write: (id: string, text: string) => Promise<T>): Promise<SubmitResult<T> | undefined> {
    const text = this.text.trim();
    if (this.sending || !text) return undefined;
    const id = (this.writeId ??= newId());
    this.persist();
    const epoch = this.epoch;
    const key = this.currentKey;
    this.sending = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      // "Sending" is painted first, in the frame of the tap; then the write goes (issue 23).
      await afterNextPaint();
      if (epoch !== this.epoch) return undefined;
      const value = await write(id, text);
      if (epoch !== this.epoch) {
        if (key) clearDraft(key);
        return undefined;
      }
      this.clear();
      return { ok: true, value };
    } catch (error) {
      if (epoch !== this.epoch) return undefined;
      this.error = toSamenError(error);
      return { ok: false, error: this.error };
    } finally {
      if (epoch === this.epoch) {
        this.sending = false;
        this.host.requestUpdate();
      }
    }
  }

  private persist(): void {
    if (!this.currentKey) return;
    if (this.text) writeDraft(this.currentKey, { text: this.text, ...(this.writeId ? { writeId: this.writeId } : {}) });
    else clearDraft(this.currentKey);
  }
}
