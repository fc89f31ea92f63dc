/**
 * What went wrong, in terms a widget can show and a host can act on. `signed-out`: the
 * person's session ended or its token expired (HTTP 401); after signing in again the same
 * request may well succeed, so a write that failed with it is kept, never dropped (see
 * `OutboxAdapter`'s `onSignedOut`). `forbidden` (403) is a refusal for good.
 */
export type SamenErrorKind =
  'invalid-data' | 'not-found' | 'forbidden' | 'signed-out' | 'conflict' | 'offline' | 'unavailable' | 'not-connected';

export const SAMEN_ERROR_KINDS: readonly SamenErrorKind[] = [
  'invalid-data',
  'not-found',
  'forbidden',
  'signed-out',
  'conflict',
  'offline',
  'unavailable',
  'not-connected',
];

export interface SamenIssue {
  /** Dotted path to the offending field, e.g. `media.src`. */
  path: string;
  message: string;
}

/**
 * The one error type widgets deal with. Adapters may throw it directly; anything
 * else they throw is mapped by {@link toSamenError}.
 */
export class SamenError extends Error {
  override readonly name = 'SamenError';
  constructor(
    readonly kind: SamenErrorKind,
    message: string = kind,
    /** For `invalid-data`: which fields failed. Never contains field values (privacy). */
    readonly issues: readonly SamenIssue[] = [],
    /** A write that failed for now but is kept on this device and sent later (see `OutboxAdapter`). */
    readonly queued = false,
  ) {
    super(message);
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Maps whatever an adapter threw to a {@link SamenError}. */
export function toSamenError(error: unknown): SamenError {
  if (error instanceof SamenError) return error;
  const kind = (error as { kind?: unknown } | null)?.kind;
  if (typeof kind === 'string' && (SAMEN_ERROR_KINDS as readonly string[]).includes(kind)) {
    return new SamenError(kind as SamenErrorKind);
  }
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return new SamenError('offline');
  // fetch() rejects with a TypeError when the network is down.
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) return new SamenError('offline');
  return new SamenError('unavailable');
}
