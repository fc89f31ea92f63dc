// @ts-check
/**
 * Teachers compose lesson clips: files they upload (checked by the server: type, size, first
 * bytes; stored once per teacher and Idempotency-Key) and clips they publish to one of their
 * classes, whose media must be their own uploads of the right kind.
 */
import { randomUUID } from 'node:crypto';
import { NOW, SamenError, fail } from './common.mjs';
import { getLessonClip, uploadUrl } from './clips.mjs';
import { introTopicsOf } from './course.mjs';

/**
 * @typedef {import('./common.mjs').Session} Session
 * @typedef {import('./tables.mjs').DB} DB
 */

/** @param {{ media_id: string, kind: string, content_type: string, size: number, name: string }} row @param {string | undefined} mediaBase */
function uploadedMedia(row, mediaBase = '/api/media/') {
  return {
    mediaId: row.media_id,
    kind: row.kind,
    src: uploadUrl(mediaBase, row.media_id),
    type: row.content_type,
    size: row.size,
    ...(row.name ? { name: row.name } : {}),
  };
}

/**
 * Stores a checked file for this teacher, once per idempotency key: the same key again stores
 * nothing and gives the first upload (`created: false`).
 * @param {Session} s
 * @param {{ key: string, kind: 'video' | 'photo' | 'captions', name: string, type: string, bytes: Buffer }} file
 * @param {{ mediaBase?: string }} [options]
 */
export async function storeUpload(s, { key, kind, name, type, bytes }, { mediaBase } = {}) {
  const inserted = await s.db
    .insertInto('samen_uploads')
    .values({
      media_id: `media-${randomUUID()}`,
      owner: s.viewer.id,
      idempotency_key: key,
      kind,
      content_type: type,
      size: bytes.length,
      name,
      bytes,
    })
    .onConflict((oc) => oc.columns(['owner', 'idempotency_key']).doNothing())
    .returning('media_id')
    .execute();
  const row = await s.db
    .selectFrom('samen_uploads')
    .select(['media_id', 'kind', 'content_type', 'size', 'name'])
    .where('owner', '=', s.viewer.id)
    .where('idempotency_key', '=', key)
    .executeTakeFirstOrThrow();
  return { created: inserted.length > 0, media: uploadedMedia(row, mediaBase) };
}

/**
 * `GET /uploads/{mediaId}`: the teacher's own upload (the policy let only its uploader here).
 * @param {Session} s
 * @param {string} mediaId
 * @param {{ mediaBase?: string }} [options]
 */
export async function getUploadedMedia(s, mediaId, { mediaBase } = {}) {
  const row = await s.db
    .selectFrom('samen_uploads')
    .select(['media_id', 'kind', 'content_type', 'size', 'name'])
    .where('media_id', '=', mediaId)
    .where('owner', '=', s.viewer.id)
    .executeTakeFirst();
  return row ? uploadedMedia(row, mediaBase) : fail('not-found');
}

/**
 * An upload's bytes, for `GET /api/uploads/{mediaId}/content` (no token: `<img>` sends none).
 * @param {DB} db
 * @param {string} mediaId
 * @returns {Promise<{ type: string, name: string, bytes: Uint8Array } | undefined>}
 */
export async function uploadContent(db, mediaId) {
  const row = await db
    .selectFrom('samen_uploads')
    .select(['content_type', 'name', 'bytes'])
    .where('media_id', '=', mediaId)
    .executeTakeFirst();
  return row && { type: row.content_type, name: row.name, bytes: row.bytes };
}

/**
 * Whether a demo media reference (`illustration:…`, `captions:…`) is one a stored clip uses:
 * the only ones `GET /api/media/{ref}` serves.
 * @param {DB} db
 * @param {string} ref
 */
export async function isClipMedia(db, ref) {
  return !!(await db.selectFrom('clip_media').select('clip_id').where('url', '=', ref).limit(1).executeTakeFirst());
}

/**
 * `POST /clips`: publishes a lesson clip to one of the teacher's classes (the policy checked
 * the class), as `clip-<Idempotency-Key>`, with the teacher's uploads as its media.
 * @param {Session} s
 * @param {import('../../../dist/clip-composer/schemas.js').LessonClipDraft & { id: string }} input
 * @param {{ mediaBase?: string }} [options]
 */
export async function publishLessonClip(s, input, options = {}) {
  const { db, viewer } = s;
  const clipId = `clip-${input.id}`;
  const text = (/** @type {string | undefined} */ value) => (value ? value : null); // '' is absent
  /** @type {import('kysely').Insertable<import('./tables.mjs').ClipMediaTable>[]} */
  let mediaRows = [];
  const media = input.media;
  if (media) {
    /** @type {Map<string, { kind: string, content_type: string }>} */
    const uploads = new Map();
    const ids = media.kind === 'photos' ? media.photos.map((p) => p.mediaId) : [media.mediaId, ...media.captions.map((c) => c.mediaId)];
    for (const row of await db
      .selectFrom('samen_uploads')
      .select(['media_id', 'kind', 'content_type'])
      .where('media_id', 'in', ids)
      .where('owner', '=', viewer.id)
      .execute()) {
      uploads.set(row.media_id, row);
    }
    const upload = (/** @type {string} */ mediaId, /** @type {string} */ kind) => {
      const stored = uploads.get(mediaId);
      if (stored?.kind !== kind) {
        throw new SamenError('invalid-data', 'unknown upload', [{ path: 'media', message: `no ${kind} upload of yours with this id` }]);
      }
      return stored;
    };
    /** @type {import('kysely').Insertable<import('./tables.mjs').ClipMediaTable>[]} */
    const rows =
      media.kind === 'photos'
        ? media.photos.map((p, position) => ({
            clip_id: clipId,
            position,
            role: 'photo',
            upload_id: upload(p.mediaId, 'photo') && p.mediaId,
            alt: p.alt,
          }))
        : [
            {
              clip_id: clipId,
              position: 0,
              role: 'video',
              upload_id: media.mediaId,
              content_type: upload(media.mediaId, 'video').content_type,
            },
            ...media.captions.map((c, i) => ({
              clip_id: clipId,
              position: i + 1,
              role: /** @type {const} */ ('captions'),
              upload_id: upload(c.mediaId, 'captions') && c.mediaId,
              srclang: c.srclang,
              label: c.label,
              is_default: i === 0,
            })),
          ];
    mediaRows = rows;
  }
  await db
    .insertInto('clips')
    .values({
      id: clipId,
      class_id: input.classId,
      programme: input.programme,
      programme_label: text(input.programmeLabel),
      lesson_number: input.lessonNumber ?? null,
      title: input.title,
      goal: text(input.goal),
      learned: text(input.learned),
      home_question: text(input.homeQuestion),
      home_activity: text(input.homeActivity),
      class_label: text(input.classLabel),
      group_label: text(input.group),
      co_teacher: text(input.coTeacher),
      lang: text(input.lang),
      posted_at: NOW,
      published_by: viewer.id,
      // Issue 26: scheduled (the route checked it is still to come), and what it follows up.
      scheduled_at: input.scheduledAt ?? null,
      follows_up_kind: input.followsUp?.kind ?? null,
      follows_up_lesson: input.followsUp?.lessonNumber ?? null,
      follows_up_class_id: input.followsUp?.classId ?? null,
      follows_up_clip_id: input.followsUp?.clipId ?? null,
      follows_up_run_id: input.followsUp?.programmeRunId ?? null,
    })
    .execute();
  if (mediaRows.length) await db.insertInto('clip_media').values(mediaRows).execute();
  s.topics.add(`clip:${clipId}`);
  // A lesson of the class's run (issue 26): its introduction's timeline moves on.
  if (input.lessonNumber !== undefined) for (const topic of await introTopicsOf(db, input.classId, input.programme)) s.topics.add(topic);
  return getLessonClip(s, clipId, options);
}
