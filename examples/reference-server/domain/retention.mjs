// @ts-check
/**
 * What is kept only for a while: idempotency records (a digest and a result id per key, for
 * `idempotencyTtlMs`, default 24 hours) and files teachers uploaded for a clip they never
 * published (for `draftUploadTtlMs`, default 7 days). The server sweeps both now and then;
 * PRIVACY.md says so.
 */
import { sql } from 'kysely';

/** How long an upload no clip uses is kept: a draft can be finished within a week. */
export const DRAFT_UPLOAD_TTL_MS = 7 * 24 * 3_600_000;

/**
 * Forgets idempotency keys older than `ttlMs`.
 * @param {import('./tables.mjs').DB} db
 * @param {number} ttlMs
 * @returns {Promise<number>} how many
 */
export async function sweepIdempotency(db, ttlMs) {
  const rows = await db
    .deleteFrom('samen_idempotency')
    .where(/** @type {import('kysely').RawBuilder<boolean>} */ (sql`created_at <= now() - make_interval(secs => ${ttlMs / 1000})`))
    .returning('key')
    .execute();
  return rows.length;
}

/**
 * Deletes uploads older than `ttlMs` that no clip uses: the files of drafts nobody published.
 * An upload a published clip shows is never swept (and can't be: clip_media refers to it).
 * @param {import('./tables.mjs').DB} db
 * @param {number} [ttlMs]
 * @returns {Promise<number>} how many
 */
export async function sweepDraftUploads(db, ttlMs = DRAFT_UPLOAD_TTL_MS) {
  const rows = await db
    .deleteFrom('samen_uploads as u')
    .where(/** @type {import('kysely').RawBuilder<boolean>} */ (sql`u.created_at <= now() - make_interval(secs => ${ttlMs / 1000})`))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('clip_media as m').select('m.clip_id').whereRef('m.upload_id', '=', 'u.media_id'))),
    )
    .returning('u.media_id')
    .execute();
  return rows.length;
}
