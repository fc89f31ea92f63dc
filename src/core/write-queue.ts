import { newId } from './adapter.js';
import { readStored, removeStored, writeStored } from './draft-store.js';
import { SamenError, toSamenError } from './errors.js';

export interface QueuedWrite<P> {
  /** Idempotency key: a write that is sent again after a reload is applied once. */
  id: string;
  payload: P;
}

/**
 * Writes that must not be lost (a teacher's taps while the school Wi-Fi drops):
 * queued on this device, sent one at a time in order, kept on failure and sent
 * again on `flush()` — which the widget calls on retry and when the browser is online.
 */
export class WriteQueue<P> {
  error: SamenError | undefined;
  private entries: QueuedWrite<P>[];
  private inFlight: string | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly storageKey: string,
    private readonly send: (write: QueuedWrite<P>) => Promise<unknown>,
    private readonly onChange: () => void = () => {},
  ) {
    const stored = readStored(storageKey);
    this.entries = Array.isArray(stored)
      ? stored.filter((e): e is QueuedWrite<P> => !!e && typeof e === 'object' && typeof (e as QueuedWrite<P>).id === 'string')
      : [];
  }

  get pending(): readonly QueuedWrite<P>[] {
    return this.entries;
  }

  enqueue(payload: P): string {
    const id = newId();
    this.entries.push({ id, payload });
    this.save();
    void this.flush();
    return id;
  }

  /** Takes a write back before it is sent; `false` when it is already on its way or done. */
  remove(id: string): boolean {
    if (id === this.inFlight) return false;
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => e.id !== id);
    if (this.entries.length === before) return false;
    this.save();
    return true;
  }

  /** Sends everything queued, in order; stops at the first failure and keeps the rest. */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async drain(): Promise<void> {
    this.error = undefined;
    while (this.entries.length) {
      const write = this.entries[0]!;
      this.inFlight = write.id;
      try {
        await this.send(write);
        this.entries = this.entries.filter((e) => e.id !== write.id);
        this.save();
      } catch (error) {
        this.error = toSamenError(error);
        return;
      } finally {
        this.inFlight = undefined;
        this.onChange();
      }
    }
  }

  private save(): void {
    if (this.entries.length) writeStored(this.storageKey, this.entries);
    else removeStored(this.storageKey);
    this.onChange();
  }
}
