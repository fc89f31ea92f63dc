import { deviceStorageAllowed } from './context.js';

/**
 * Keeps what a parent typed across reloads, crashes and failed sends. Backed by
 * localStorage because a draft must be readable synchronously on first render;
 * storage that throws (private mode, blocked WebView storage) degrades to memory, and so
 * does a host that turned device storage off (`configure({ deviceStorage: false })` or
 * `<samen-provider device-storage="off">`): then nothing is read from or written to it.
 */
export interface Draft {
  text: string;
  /** Idempotency key of a send that may have reached the host; reused on retry. */
  writeId?: string;
}

const memory = new Map<string, string>();
const PREFIX = 'samen:';

const inMemory: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = {
  getItem: (key) => memory.get(key) ?? null,
  setItem: (key, value) => void memory.set(key, value),
  removeItem: (key) => void memory.delete(key),
};

function storage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  if (!deviceStorageAllowed()) return inMemory;
  try {
    const store = globalThis.localStorage;
    if (store) return store;
  } catch {
    /* access denied: fall through */
  }
  return inMemory;
}

function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/**
 * Forgets what was kept in memory while device storage was off or unavailable — e.g. when a
 * child on a shared tablet is done and the next one starts.
 */
export function forgetMemoryDrafts(): void {
  memory.clear();
}

/** Any JSON value kept on this device; `undefined` when missing, unreadable or corrupt. */
export function readStored(key: string): unknown {
  const raw = safely(() => storage().getItem(PREFIX + key), null);
  return raw ? safely(() => JSON.parse(raw) as unknown, undefined) : undefined;
}

export function writeStored(key: string, value: unknown): void {
  safely(() => storage().setItem(PREFIX + key, JSON.stringify(value)), undefined);
}

export function readDraft(key: string): Draft | undefined {
  const value = readStored(key);
  if (value && typeof value === 'object' && typeof (value as Draft).text === 'string') {
    const { text, writeId } = value as Draft;
    return typeof writeId === 'string' ? { text, writeId } : { text };
  }
  return undefined;
}

export function writeDraft(key: string, draft: Draft): void {
  writeStored(key, draft);
}

export function removeStored(key: string): void {
  safely(() => storage().removeItem(PREFIX + key), undefined);
}

export const clearDraft = removeStored;

/** A once-per-viewer flag, e.g. "this family saw clip 3". */
export function hasFlag(key: string): boolean {
  return safely(() => storage().getItem(PREFIX + key) === '1', false);
}

export function setFlag(key: string): void {
  safely(() => storage().setItem(PREFIX + key, '1'), undefined);
}
