// @ts-check
/**
 * What every module of the domain layer shares: the session a call runs in (who, on which
 * connection, which live topics it changed), errors, times and batching.
 */
import { sql } from 'kysely';
import { SamenError } from '../../../dist/core/errors.js';

export { SamenError };

/**
 * The signed-in person as the policy (src/core/policy.ts) and the responses see them.
 * @typedef {object} Viewer
 * @property {string} id
 * @property {import('./tables.mjs').Role} role
 * @property {string} [familyId] their household, for carers and child logins
 * @property {string} [householdId] their address within that family, when it has more than one (011_households.sql)
 * @property {boolean} [shareWithinFamily] a carer's school shares within the family (issue 24)
 * @property {string} [name]
 * @property {string[]} classIds in the host's order
 * @property {string[]} childIds
 * @property {string} [schoolId]
 */

/**
 * One call of the API: the viewer, the connection it runs on (the pool for a read, the
 * write's transaction for a write) and the topics a write changed, published once it commits.
 * @typedef {object} Session
 * @property {import('./tables.mjs').DB} db
 * @property {Viewer} viewer
 * @property {Set<string>} topics
 */

/**
 * @param {import('./tables.mjs').DB} db
 * @param {Viewer} viewer
 * @returns {Session}
 */
export function session(db, viewer) {
  return { db, viewer, topics: new Set() };
}

/** `now()` to the millisecond: what JavaScript's dates (and so the responses) can say. */
export const NOW = /** @type {import('kysely').RawBuilder<Date>} */ (sql`date_trunc('milliseconds', now())`);

/** @param {import('../../../dist/core/errors.js').SamenErrorKind} kind @param {string} [message] @returns {never} */
export function fail(kind, message) {
  throw new SamenError(kind, message);
}

/** @param {Date | string} date */
export const iso = (date) => (date instanceof Date ? date : new Date(date)).toISOString();

/**
 * `{ key: value }` for the values that are set: a response leaves out what is absent, as the
 * contract's optional fields do.
 * @template {Record<string, unknown>} T
 * @param {T} fields
 * @returns {{ [K in keyof T]: Exclude<T[K], null | undefined> }}
 */
export function present(fields) {
  /** @type {any} */
  const out = {};
  for (const [key, value] of Object.entries(fields)) if (value !== null && value !== undefined) out[key] = value;
  return out;
}

/**
 * `list` in slices of at most `size`: one INSERT per slice stays under PostgreSQL's 65,535
 * parameters.
 * @template T
 * @param {readonly T[]} list
 * @param {number} [size]
 */
export function* slices(list, size = 500) {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}

/**
 * Inserts `rows` into `table` in slices (nothing when there are none).
 * @param {import('./tables.mjs').DB} db
 * @param {keyof import('./tables.mjs').Database} table
 * @param {Record<string, unknown>[]} rows
 */
export async function insertAll(db, table, rows) {
  for (const slice of slices(rows))
    await db
      .insertInto(table)
      .values(/** @type {any} */ (slice))
      .execute();
}
