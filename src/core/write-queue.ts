import { newId } from './adapter.js';
import { afterNextPaint } from './after-paint.js';
import { readStored, removeStored, writeStored } from './draft-store.js';
import { SamenError, toSamenError } from './errors.js';

export interface QueuedWrite<P> {
  /** Idempotency key: a write that is sent again after a reload is applied once. */
  id: string;
  payload: P;
}

export interface WriteQueueOptions {
  /** Called whenever the queue or its error changes (the widget re-renders). */
  onChange?: () => void;
  /**
   * Whether the person this queue belongs to is the one signed in now; checked before each
   * write is sent. `false` (or a throw) stops the drain and keeps everything for that person.
   * E.g. `async () => (await adapter.getViewer()).id === viewerId`.
   */
  isCurrent?: () => boolean | Promise<boolean>;
}

/**
 * Writes that must not be lost (a teacher's taps while the school Wi-Fi drops):
 * queued on this device, sent one at a time in order, kept on failure and sent
 * again on `flush()` — which the widget calls on retry and when the browser is online.
 *
 * A queue belongs to one person: its storage key names them (e.g. `awards:<viewer>:<chart>`),
 * `isCurrent` is asked before every send, and {@link close} ends it when someone else signs
 * in. A queue of viewer A is never sent while B is signed in; it waits on the device for A.
 */
export class WriteQueue<P> {
  error: SamenError | undefined;
  private entries: QueuedWrite<P>[];
  private inFlight: string | undefined;
  private flushing: Promise<void> | undefined;
  private closed = false;
  /** Something was just queued (a tap): the next send waits until that tap's frame is painted. */
  private paintFirst = false;
  private readonly onChange: () => void;
  private readonly isCurrent: () => boolean | Promise<boolean>;

  constructor(
    private readonly storageKey: string,
    private readonly send: (write: QueuedWrite<P>) => Promise<unknown>,
    options: WriteQueueOptions | (() => void) = {},
  ) {
    const { onChange = () => {}, isCurrent = () => true } = typeof options === 'function' ? { onChange: options } : options;
    this.onChange = onChange;
    this.isCurrent = isCurrent;
    const stored = readStored(storageKey);
    this.entries = Array.isArray(stored)
      ? stored.filter((e): e is QueuedWrite<P> => !!e && typeof e === 'object' && typeof (e as QueuedWrite<P>).id === 'string')
      : [];
  }

  get pending(): readonly QueuedWrite<P>[] {
    return this.entries;
  }

  enqueue(payload: P): string {
    if (this.closed) throw new SamenError('signed-out', 'this queue belongs to someone who is no longer here');
    const id = newId();
    this.entries.push({ id, payload });
    this.save();
    this.paintFirst = true;
    void this.flush();
    return id;
  }

  /** Takes a write back before it is sent; `false` when it is already on its way or done. */
  remove(id: string): boolean {
    if (id === this.inFlight || this.closed) return false;
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

  /**
   * Ends this queue for good: nothing more is sent or changed from it (a send already on its
   * way still lands). What it holds stays on the device under its key, for its person.
   */
  close(): void {
    this.closed = true;
  }

  private async drain(): Promise<void> {
    this.error = undefined;
    while (this.entries.length && !this.closed) {
      const write = this.entries[0]!;
      // On its way from here: an undo can no longer take it back, even while we ask who is here.
      this.inFlight = write.id;
      try {
        if (this.paintFirst) {
          // Sent once the tap that queued it has painted (issue 23): its answer never shares that frame.
          this.paintFirst = false;
          await afterNextPaint();
          if (this.closed) return;
        }
        const current = this.isCurrent();
        if (!(current instanceof Promise ? await current : current) || this.closed) return;
        await this.send(write);
        this.entries = this.entries.filter((e) => e.id !== write.id);
        // Stored even when closed meanwhile: what landed must not be sent again.
        this.save();
      } catch (error) {
        this.error = toSamenError(error);
        return;
      } finally {
        this.inFlight = undefined;
        if (!this.closed) this.onChange();
      }
    }
  }

  private save(): void {
    if (this.entries.length) writeStored(this.storageKey, this.entries);
    else removeStored(this.storageKey);
    if (!this.closed) this.onChange();
  }
}
