/**
 * Records keyed by what users and hosts choose (ids, reaction names, idempotency keys) are
 * null-prototype objects: `__proto__`, `constructor` or `toString` as a key is then just a key,
 * never a way onto `Object.prototype`. They stay plain JSON for storage; whatever is loaded back
 * (JSON, IndexedDB, postMessage) goes through {@link dict} again.
 */
export type Dict<T> = Record<string, T>;

/** A null-prototype copy of `from` (own enumerable entries only). */
export function dict<T>(from?: Readonly<Record<string, T>> | null): Dict<T> {
  const out = Object.create(null) as Dict<T>;
  if (from && typeof from === 'object') for (const [key, value] of Object.entries(from)) out[key] = value;
  return out;
}

/** `record[key]` only when it is the record's own entry: never an inherited member. */
export function own<T>(record: Readonly<Record<string, T>> | undefined | null, key: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
