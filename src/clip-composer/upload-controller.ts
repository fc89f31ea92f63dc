import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { newId, type ClipComposerPort } from '../core/adapter.js';
import { isAbortError, toSamenError, type SamenError } from '../core/errors.js';
import { parseOrThrow } from '../core/parse.js';
import { checkUpload, MEDIA_LIMITS, uploadedMediaSchema, type UploadedMedia, type UploadKind } from './schemas.js';

/** A file on its way, or one whose upload failed (kept for a retry under the same write id). */
export interface Upload {
  /** The upload's write id (idempotency key): a retry sends the same one, so nothing is stored twice. */
  readonly id: string;
  readonly file: File;
  readonly name: string;
  readonly kind: UploadKind;
  /** How far it is, 0–1, as the adapter reports it. */
  readonly progress: number;
  readonly status: 'uploading' | 'failed';
  /** Why it failed. */
  readonly error?: SamenError;
}

/** A file refused before a byte is sent, and why. */
export type UploadRefusal =
  | { name: string; reason: 'wrong-type' | 'too-big' | 'empty'; maxBytes: number }
  /** A lesson clip has one video or photos, never both (nor two videos). */
  | { name: string; reason: 'mixed' }
  | { name: string; reason: 'too-many'; max: number };

/** How an upload ended. */
export type UploadOutcome =
  | { status: 'uploaded'; upload: Upload; media: UploadedMedia }
  /** The adapter gave up on it itself (its own abort). */
  | { status: 'cancelled'; upload: Upload }
  /** It failed; {@link UploadController.retry} sends it again under the same id. */
  | { status: 'failed'; upload: Upload; error: SamenError }
  /** Stopped here (Stop, another person, the element left the page): nothing of it is attached, even if the adapter answers. */
  | { status: 'stopped'; upload: Upload };

export interface UploadSource {
  /** The adapter to upload through; without `uploadMedia` nothing is sent. */
  adapter: () => Pick<ClipComposerPort, 'uploadMedia'> | undefined;
  /** What is attached already (the draft's media): new files are checked against it and the uploads on their way. */
  attached: () => readonly { kind: UploadKind }[];
  /** Each upload that ends (uploaded, cancelled by the adapter, failed); never one stopped here. */
  settled?: (outcome: UploadOutcome) => void;
}

class Entry implements Upload {
  progress = 0;
  status: 'uploading' | 'failed' = 'uploading';
  error?: SamenError;
  abort = new AbortController();
  constructor(
    readonly id: string,
    readonly file: File,
    readonly kind: UploadKind,
  ) {}
  get name(): string {
    return this.file.name;
  }
}

/**
 * A widget's file uploads (the composer's video, photos and captions): checks each file before
 * a byte is sent ({@link add}), uploads it under its own write id with its progress, stops it at
 * once on request ({@link stop}) or when the element leaves the page (nothing of a stopped upload
 * is attached, even if the adapter answers later), keeps a failed one for a {@link retry} under
 * the same id, and forgets them all for another person ({@link forget}). The element renders
 * {@link uploading} and reacts to {@link UploadSource.settled}.
 */
export class UploadController implements ReactiveController {
  private entries: Entry[] = [];
  /** Uploads were stopped when the element left the page: their rows go when it comes back. */
  private interrupted = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: UploadSource,
  ) {
    host.addController(this);
  }

  /** Whether the adapter takes uploads. */
  get canUpload(): boolean {
    return typeof this.source.adapter()?.uploadMedia === 'function';
  }

  /** The files on their way, in the order they were added. */
  get uploading(): readonly Upload[] {
    return this.entries.filter((e) => e.status === 'uploading' && !e.abort.signal.aborted);
  }

  /** The uploads that failed and may be retried. */
  get failed(): readonly Upload[] {
    return this.entries.filter((e) => e.status === 'failed');
  }

  /**
   * Checks `files` (their type and size, and with what is attached and on its way: one video or
   * photos, captions with a video, at most {@link MEDIA_LIMITS.photos} photos) and uploads the
   * ones that fit; a file whose upload failed before is retried under its id. Returns the refused.
   */
  add(files: readonly File[], as: 'media' | 'captions' = 'media'): UploadRefusal[] {
    const refusals: UploadRefusal[] = [];
    for (const file of files) {
      const kind: UploadKind = as === 'captions' ? 'captions' : kindOf(file);
      const check = checkUpload(file, kind);
      if (!check.ok) {
        refusals.push({ name: file.name, reason: check.reason, maxBytes: check.maxBytes });
        continue;
      }
      const pending = [...this.source.attached(), ...this.uploading];
      const hasVideo = pending.some((m) => m.kind === 'video');
      const photos = pending.filter((m) => m.kind === 'photo').length;
      if (kind === 'captions' && !hasVideo) {
        refusals.push({ name: file.name, reason: 'wrong-type', maxBytes: MEDIA_LIMITS.captions.maxBytes });
        continue;
      }
      if ((kind === 'video' && (hasVideo || photos > 0)) || (kind === 'photo' && hasVideo)) {
        refusals.push({ name: file.name, reason: 'mixed' });
        continue;
      }
      if (kind === 'photo' && photos >= MEDIA_LIMITS.photos) {
        refusals.push({ name: file.name, reason: 'too-many', max: MEDIA_LIMITS.photos });
        continue;
      }
      const before = this.entries.find((e) => e.status === 'failed' && e.kind === kind && sameFile(e.file, file));
      if (before) void this.retry(before);
      else void this.start(file, kind);
    }
    return refusals;
  }

  /** Uploads `file` as `kind` under a new write id (unchecked: {@link add} checks). */
  start(file: File, kind: UploadKind): Promise<UploadOutcome> {
    return this.send(new Entry(newId(), file, kind));
  }

  /** Sends a failed upload again, under the same write id; `undefined` for one that did not fail here. */
  retry(upload: Upload): Promise<UploadOutcome> | undefined {
    const entry = this.entries.find((e) => e === upload && e.status === 'failed');
    return entry ? this.send(entry) : undefined;
  }

  /** Stops an upload at once (even when the adapter never answers), or drops a failed one: nothing of it is attached. */
  stop(upload: Upload): void {
    const entry = this.entries.find((e) => e === upload);
    if (!entry) return;
    entry.abort.abort();
    this.entries = this.entries.filter((e) => e !== entry);
    this.host.requestUpdate();
  }

  /** Stops and drops every upload (another person is here, or the draft is thrown away). */
  forget(): void {
    for (const entry of this.entries) entry.abort.abort();
    this.entries = [];
    this.interrupted = false;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    if (!this.interrupted) return;
    this.interrupted = false;
    this.entries = this.entries.filter((e) => !e.abort.signal.aborted);
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    // Out of the page, every upload stops; a stopped upload changes nothing afterwards.
    for (const entry of this.entries) {
      if (entry.status !== 'uploading') continue;
      entry.abort.abort();
      this.interrupted = true;
    }
  }

  private async send(entry: Entry): Promise<UploadOutcome> {
    const adapter = this.source.adapter();
    const stopped: UploadOutcome = { status: 'stopped', upload: entry };
    if (!adapter?.uploadMedia) return stopped;
    const abort = (entry.abort = new AbortController());
    entry.status = 'uploading';
    entry.progress = 0;
    entry.error = undefined;
    if (!this.entries.includes(entry)) this.entries = [...this.entries, entry];
    this.host.requestUpdate();
    const { signal } = abort;
    try {
      const raw = await adapter.uploadMedia(
        { id: entry.id, file: entry.file, name: entry.name, kind: entry.kind },
        {
          signal,
          onProgress: (fraction) => {
            if (signal.aborted) return;
            entry.progress = Math.max(0, Math.min(1, Number(fraction) || 0));
            this.host.requestUpdate();
          },
        },
      );
      // Stopped (or taken out of the page) and the adapter answered anyway: nothing is attached.
      if (signal.aborted) return stopped;
      const media = parseOrThrow(uploadedMediaSchema, raw, 'upload');
      this.drop(entry);
      return this.settle({ status: 'uploaded', upload: entry, media });
    } catch (error) {
      if (signal.aborted) return stopped;
      if (isAbortError(error)) {
        this.drop(entry);
        return this.settle({ status: 'cancelled', upload: entry });
      }
      const samenError = toSamenError(error);
      entry.status = 'failed';
      entry.error = samenError;
      this.host.requestUpdate();
      return this.settle({ status: 'failed', upload: entry, error: samenError });
    }
  }

  private drop(entry: Entry): void {
    this.entries = this.entries.filter((e) => e !== entry);
    this.host.requestUpdate();
  }

  private settle(outcome: UploadOutcome): UploadOutcome {
    this.source.settled?.(outcome);
    return outcome;
  }
}

/** What a picked file is: a video, captions, or else a photo (checked as one). */
function kindOf(file: File): UploadKind {
  const name = file.name.toLowerCase();
  if (file.type.startsWith('video/') || /\.(mp4|webm)$/.test(name)) return 'video';
  if (file.type === 'text/vtt' || name.endsWith('.vtt')) return 'captions';
  return 'photo';
}

/** The same file picked again (after a failed upload): the same object, or the same name, size, type and date. */
function sameFile(a: File, b: File): boolean {
  return a === b || (a.name === b.name && a.size === b.size && a.type === b.type && a.lastModified === b.lastModified);
}
