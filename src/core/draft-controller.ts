import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { newId } from './adapter.js';
import { clearDraft, readDraft, writeDraft } from './draft-store.js';
import { SamenError, toSamenError } from './errors.js';

export type SubmitResult<T> = { ok: true; value: T } | { ok: false; error: SamenError };

/**
 * A parent's text that must never be lost: kept in storage on every keystroke,
 * sent with an idempotency key that survives reloads and is reused by retries
 * (so a send that reached the host but lost its response never writes twice),
 * and renewed only when the text changes. One send at a time: double taps coalesce.
 */
export class DraftController implements ReactiveController {
  text = '';
  sending = false;
  error: SamenError | undefined;
  private writeId: string | undefined;
  private key = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly maxLength: number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Points the draft at a storage key (viewer + target) and restores what was typed there. */
  restore(key: string): boolean {
    if (key === this.key) return false;
    this.key = key;
    const draft = readDraft(key);
    if (!draft) return false;
    this.text = draft.text.slice(0, this.maxLength);
    this.writeId = draft.writeId;
    this.host.requestUpdate();
    return true;
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

  clear(): void {
    this.text = '';
    this.writeId = undefined;
    this.error = undefined;
    if (this.key) clearDraft(this.key);
    this.host.requestUpdate();
  }

  /** Sends the trimmed text through `write(id, text)`; on success the draft is cleared. */
  async submit<T>(write: (id: string, text: string) => Promise<T>): Promise<SubmitResult<T> | undefined> {
    const text = this.text.trim();
    if (this.sending || !text) return undefined;
    const id = (this.writeId ??= newId());
    this.persist();
    this.sending = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const value = await write(id, text);
      this.clear();
      return { ok: true, value };
    } catch (error) {
      this.error = toSamenError(error);
      return { ok: false, error: this.error };
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }

  private persist(): void {
    if (!this.key) return;
    if (this.text) writeDraft(this.key, { text: this.text, ...(this.writeId ? { writeId: this.writeId } : {}) });
    else clearDraft(this.key);
  }
}
