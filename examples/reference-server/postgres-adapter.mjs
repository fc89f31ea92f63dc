/**
 * The built `MemoryAdapter` (every rule, role check, idempotency record and live
 * notification) with its state kept in PostgreSQL as one JSONB row, the way
 * `src/adapters/local-adapter.ts` keeps it in IndexedDB: `ready()` loads it (seeding the
 * demo on first start) and `persist()` saves it after every applied write.
 */
import { randomUUID } from 'node:crypto';
import { SamenError } from '../../dist/core/errors.js';
import { MemoryAdapter } from '../../dist/adapters/memory-adapter.js';

/** The one row that holds the state. */
const STATE_ID = 'main';

/**
 * MemoryAdapter keeps an upload as a Blob in its state and checks a draft's media there. Here
 * the bytes live in `samen_uploads`: while a clip is published, its uploads are put in the
 * state (never saved, see persist) with this empty stand-in for the file.
 */
const STORED_ELSEWHERE = new Blob([]);

/**
 * MemoryAdapter's state plus, per idempotency key, the request that applied it.
 * @typedef {import('../../dist/adapters/demo-data.js').DemoState & { writeRequests?: Record<string, string> }} StoredState
 */

/**
 * Shared by every viewer of one store.
 * @typedef {object} Storage
 * @property {import('./database.mjs').Database} db
 * @property {Promise<void>} [loading]
 * @property {string} [committed] the state as last saved, to roll back a write whose save failed
 * @property {number} [revision] the row's revision as last saved or loaded
 * @property {{ key: string, request: string }} [pending] the write being applied, see {@link PostgresAdapter.applying}
 */

export class PostgresAdapter extends MemoryAdapter {
  /** @type {Storage} */
  #storage;

  /**
   * @param {import('../../dist/adapters/memory-adapter.js').MemoryAdapterOptions} options `locale` and `now` seed a new database
   * @param {import('../../dist/adapters/memory-adapter.js').MemoryStore | undefined} store
   * @param {Storage} storage
   */
  constructor(options, store, storage) {
    super(options, store);
    this.#storage = storage;
  }

  /** @param {string} viewerId */
  forViewer(viewerId) {
    return new PostgresAdapter({ viewerId, latency: this.latency }, this.store, this.#storage);
  }

  /**
   * Which request (viewer, operation, parameters) applied the write with this idempotency key, or
   * undefined when none did. The server refuses a key reused for another request: otherwise one
   * viewer could read the stored result of another viewer's write by sending its key.
   * @param {string} key
   */
  requestOf(key) {
    const { writes, writeRequests } = /** @type {StoredState} */ (this.store.state);
    return key in writes ? writeRequests?.[key] : undefined;
  }

  /**
   * Runs `fn` (one write, under the server's write lock) so that, if it applies, the
   * request that sent `key` is saved in the same row update as the write's result.
   * @template T
   * @param {string} key
   * @param {string} request
   * @param {() => Promise<T>} fn
   */
  async applying(key, request, fn) {
    this.#storage.pending = { key, request };
    try {
      return await fn();
    } finally {
      this.#storage.pending = undefined;
    }
  }

  /**
   * Demo media are `illustration:…`/`captions:…` references that MemoryAdapter turns into
   * blob: URLs, which only exist inside this Node process. Over HTTP they become URLs of
   * `GET /api/media/{ref}` on this server instead.
   * @param {string} clipId
   * @param {{ signal?: AbortSignal, mediaBase?: string }} [options]
   */
  async getLessonClip(clipId, options = {}) {
    await super.getLessonClip(clipId, options); // the checks (not-found, injected failures)
    const base = options.mediaBase ?? '/api/media/';
    const clip = mapDemoRefs(structuredClone(this.store.state.clips[clipId]), (ref) => base + encodeURIComponent(ref));
    return mapUploadRefs(clip, (mediaId) => uploadUrl(base, mediaId));
  }

  // ------------------------------------------------------------------ composing lesson clips

  /**
   * Stores a checked file (the server checked type, size and bytes) for this teacher, once
   * per idempotency key: the same key again stores nothing and gives the first upload.
   * @param {{ key: string, kind: 'video' | 'photo' | 'captions', name: string, type: string, bytes: Buffer }} file
   * @param {{ mediaBase?: string }} [options]
   * @returns {Promise<{ created: boolean, media: import('../../dist/core/schemas.js').UploadedMedia }>}
   */
  async storeUpload({ key, kind, name, type, bytes }, { mediaBase } = {}) {
    await this.#requireTeacher();
    const { db } = this.#storage;
    const inserted = await db.query(
      `insert into samen_uploads (media_id, owner, idempotency_key, kind, content_type, size, name, bytes)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (owner, idempotency_key) do nothing
       returning media_id`,
      [`media-${randomUUID()}`, this.viewerId, key, kind, type, bytes.length, name, bytes],
    );
    const [row] = await db.query(
      'select media_id, kind, content_type, size, name from samen_uploads where owner = $1 and idempotency_key = $2',
      [this.viewerId, key],
    );
    return { created: inserted.length > 0, media: uploadedMedia(row, mediaBase) };
  }

  /**
   * The teacher's own upload; anyone else's is not found.
   * @param {string} mediaId
   * @param {{ mediaBase?: string }} [options]
   */
  async getUploadedMedia(mediaId, { mediaBase } = {}) {
    await this.#requireTeacher();
    const [row] = await this.#storage.db.query(
      'select media_id, kind, content_type, size, name from samen_uploads where media_id = $1 and owner = $2',
      [mediaId, this.viewerId],
    );
    if (!row) throw new SamenError('not-found');
    return uploadedMedia(row, mediaBase);
  }

  /**
   * An upload's bytes, for `GET /api/uploads/{mediaId}/content` (no token: `<img>` sends none).
   * @param {string} mediaId
   * @returns {Promise<{ type: string, name: string, bytes: Uint8Array } | undefined>}
   */
  async uploadContent(mediaId) {
    const [row] = await this.#storage.db.query('select content_type, name, bytes from samen_uploads where media_id = $1', [mediaId]);
    return row && { type: row.content_type, name: row.name, bytes: row.bytes };
  }

  /**
   * MemoryAdapter's publish (teacher of the class, idempotent on the key, the media must be
   * uploads of the right kind), with this teacher's uploads from the table.
   * @param {import('../../dist/core/adapter.js').WriteInput & import('../../dist/core/schemas.js').LessonClipDraft} input
   * @param {{ signal?: AbortSignal, mediaBase?: string }} [options]
   */
  async publishLessonClip(input, options = {}) {
    /** @type {Record<string, unknown>} */
    const uploads = {};
    for (const mediaId of mediaIdsOf(input.media)) {
      const [row] = await this.#storage.db.query(
        'select kind, content_type, size, name from samen_uploads where media_id = $1 and owner = $2',
        [mediaId, this.viewerId],
      );
      if (row) uploads[mediaId] = { kind: row.kind, type: row.content_type, size: row.size, name: row.name, blob: STORED_ELSEWHERE };
    }
    this.store.state.uploads = /** @type {any} */ (uploads);
    let clip;
    try {
      clip = await super.publishLessonClip(input, options);
    } finally {
      delete this.store.state.uploads;
    }
    return this.getLessonClip(clip.id, options);
  }

  async #requireTeacher() {
    if ((await this.getViewer()).role !== 'teacher') throw new SamenError('forbidden', 'only teachers compose lesson clips');
  }

  /** Every demo media reference in the stored clips: the only ones `GET /api/media` serves. */
  mediaRefs() {
    const refs = new Set();
    mapDemoRefs(this.store.state.clips, (ref) => (refs.add(ref), ref));
    return refs;
  }

  /**
   * As MemoryAdapter's, but a topic nobody listens to any more is forgotten, so a long-
   * running server does not keep one empty set for every topic a client ever named.
   * @param {import('../../dist/core/adapter.js').SamenTopic} topic
   * @param {() => void} listener
   */
  subscribe(topic, listener) {
    const unsubscribe = super.subscribe(topic, listener);
    return () => {
      unsubscribe();
      if (this.store.listeners.get(topic)?.size === 0) this.store.listeners.delete(topic);
    };
  }

  ready() {
    this.#storage.loading ??= this.#load();
    return this.#storage.loading;
  }

  /**
   * Saves the whole state in one row update. Only one write runs at a time (the server's
   * lock), so nothing else changes the state between the write and this save.
   */
  async persist() {
    const storage = this.#storage;
    const state = /** @type {StoredState} */ (this.store.state);
    if (storage.pending && storage.pending.key in state.writes) {
      (state.writeRequests ??= {})[storage.pending.key] = storage.pending.request;
    }
    // Uploads are in samen_uploads; the state holds them only while a clip is published.
    const { uploads: _inTheirOwnTable, ...saved } = state;
    const json = JSON.stringify(saved);
    let rows;
    try {
      rows = await storage.db.query(
        'update samen_state set state = $1::jsonb, revision = revision + 1, updated_at = now() where id = $2 and revision = $3 returning revision',
        [json, STATE_ID, storage.revision],
      );
    } catch (error) {
      this.#rollBack();
      throw new SamenError('unavailable', `could not save (${describe(error)})`);
    }
    if (rows.length === 0) {
      // Another process saved since we loaded (two servers on one database): take its state,
      // so a retry of this write (same idempotency key) applies on top of it.
      this.#rollBack();
      await this.#reload().catch(() => {});
      throw new SamenError('unavailable', 'the stored state changed underneath; try again');
    }
    storage.revision = rows[0].revision;
    storage.committed = json;
  }

  /** Back to the state as last saved: the failed write did not happen, so a retry applies it. */
  #rollBack() {
    this.store.state = JSON.parse(/** @type {string} */ (this.#storage.committed));
  }

  async #load() {
    const { db } = this.#storage;
    // First start: store the seed MemoryAdapter made in the constructor. `on conflict do
    // nothing`, so when two processes start at once the first one's seed wins.
    await db.query('insert into samen_state (id, state) values ($1, $2::jsonb) on conflict (id) do nothing', [
      STATE_ID,
      JSON.stringify(this.store.state),
    ]);
    await this.#reload();
  }

  async #reload() {
    const [row] = await this.#storage.db.query('select state, revision from samen_state where id = $1', [STATE_ID]);
    if (!row?.state?.clips) throw new Error('samen_state has no valid state row');
    this.store.state = row.state;
    this.#storage.committed = JSON.stringify(row.state);
    this.#storage.revision = row.revision;
  }
}

/** Deep-copies `value`, passing every `illustration:`/`captions:` string through `fn`. */
function mapDemoRefs(value, fn) {
  if (typeof value === 'string') return /^(illustration|captions):[\w-]+$/.test(value) ? fn(value) : value;
  if (Array.isArray(value)) return value.map((v) => mapDemoRefs(v, fn));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapDemoRefs(v, fn)]));
  }
  return value;
}

/** Deep-copies `value`, passing the media id of every `upload:<mediaId>` string through `fn`. */
function mapUploadRefs(value, fn) {
  if (typeof value === 'string') return /^upload:media-[\w-]+$/.test(value) ? fn(value.slice('upload:'.length)) : value;
  if (Array.isArray(value)) return value.map((v) => mapUploadRefs(v, fn));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapUploadRefs(v, fn)]));
  }
  return value;
}

/** `GET /api/uploads/{mediaId}/content`, beside the demo media of `mediaBase`. */
function uploadUrl(mediaBase = '/api/media/', mediaId) {
  return `${mediaBase.replace(/media\/$/, 'uploads/')}${encodeURIComponent(mediaId)}/content`;
}

function uploadedMedia(row, mediaBase) {
  return {
    mediaId: row.media_id,
    kind: row.kind,
    src: uploadUrl(mediaBase, row.media_id),
    type: row.content_type,
    size: row.size,
    ...(row.name ? { name: row.name } : {}),
  };
}

/** The upload ids a draft's media refer to. */
function mediaIdsOf(media) {
  if (!media) return [];
  if (media.kind === 'photos') return media.photos.map((p) => p.mediaId);
  return [media.mediaId, ...media.captions.map((c) => c.mediaId)];
}

/** A database error without its detail, which can quote stored values. */
function describe(error) {
  return [error?.name, error?.code].filter(Boolean).join(' ') || 'error';
}
