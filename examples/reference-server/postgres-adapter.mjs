/**
 * The built `MemoryAdapter` (every rule, role check and live notification) with its state kept
 * in PostgreSQL, one JSONB row per top-level collection (`samen_collections`: clips, answers,
 * charts, matrices, …). `ready()` loads it (seeding the demo on first start); `persist()`, run by
 * every applied write, saves only the collections that write changed, together with the
 * write's idempotency record (`samen_idempotency`), in one transaction.
 *
 * Which collections a write touched is recorded by a Proxy on the state's top level while the
 * write runs (see {@link PostgresAdapter.applying}); of those, the ones whose JSON differs from
 * what was last saved are written. Every touched row is locked and its revision compared with
 * the one this process loaded, so two processes on one database never save over each other.
 */
import { randomUUID } from 'node:crypto';
import { SamenError } from '../../dist/core/errors.js';
import { dict } from '../../dist/core/dict.js';
import { MemoryAdapter } from '../../dist/adapters/memory-adapter.js';
import { hardenState } from '../../dist/adapters/demo-scopes.js';
import { isSafeId } from '../../dist/core/policy.js';

/**
 * Parts of MemoryAdapter's state that are never saved: `writes` (its record of applied writes,
 * emptied after every write: the server keeps a digest per key in `samen_idempotency` instead),
 * `writeRequests` (what older versions kept beside it) and `uploads` (in `samen_uploads`).
 */
const NOT_SAVED = new Set(['writes', 'writeRequests', 'uploads']);
/** A collection this adapter saves: a name the state has, never an inherited member's. */
const saved = (/** @type {string} */ name) => !NOT_SAVED.has(name) && isSafeId(name);
/** Any constant, the same for every process seeding this database. */
const SEED_LOCK = 7_340_002;

/**
 * MemoryAdapter keeps an upload as a Blob in its state and checks a draft's media there. Here
 * the bytes live in `samen_uploads`: while a clip is published, its uploads are put in the
 * state (never saved) with this empty stand-in for the file.
 */
const STORED_ELSEWHERE = new Blob([]);

/**
 * The write being applied, see {@link PostgresAdapter.applying}.
 * @typedef {object} PendingWrite
 * @property {string} key the Idempotency-Key
 * @property {string} digest SHA-256 of viewer, operation, parameters and body
 * @property {string | null} resultId the resource the write makes or changes, to answer a replay from
 * @property {string[]} [topics] when given, the topics the write changed are collected here (the
 *   server publishes them on its live bus once the write is saved) instead of being told to this
 *   store's own subscribers
 */

/**
 * Shared by every viewer of one store.
 * @typedef {object} Storage
 * @property {import('./database.mjs').Database} db
 * @property {number} idempotencyTtlMs how long a key is remembered
 * @property {Promise<void>} [loading]
 * @property {Record<string, any>} [raw] the state object behind the Proxy
 * @property {Map<string, string>} committed each collection's JSON as last saved or loaded
 * @property {Map<string, number>} revisions each collection row's revision as last saved or loaded
 * @property {Set<string>} [touched] top-level names read or written while a write runs
 * @property {PendingWrite} [pending]
 */

/** A row this process loaded was changed by another process since. */
class StaleState extends Error {}

export class PostgresAdapter extends MemoryAdapter {
  /** @type {Storage} */
  #storage;

  /**
   * @param {import('../../dist/adapters/memory-adapter.js').MemoryAdapterOptions} options `locale` and `now` seed a new database
   * @param {import('../../dist/adapters/memory-adapter.js').MemoryStore | undefined} store
   * @param {{ db: import('./database.mjs').Database, idempotencyTtlMs?: number } | Storage} storage
   */
  constructor(options, store, storage) {
    super(options, store);
    this.#storage = 'committed' in storage ? storage : { idempotencyTtlMs: 24 * 3_600_000, ...storage, committed: new Map(), revisions: new Map() };
  }

  /** @param {string} viewerId */
  forViewer(viewerId) {
    return new PostgresAdapter({ viewerId, latency: this.latency }, this.store, this.#storage);
  }

  /**
   * The write recorded under this idempotency key in the last `idempotencyTtlMs`, or undefined.
   * @param {string} key
   * @returns {Promise<{ digest: string, resultId: string | null } | undefined>}
   */
  async writeRecord(key) {
    let rows;
    try {
      rows = await this.#storage.db.query(
        'select request_digest, result_id from samen_idempotency where key = $1 and created_at > now() - make_interval(secs => $2)',
        [key, this.#storage.idempotencyTtlMs / 1000],
      );
    } catch (error) {
      throw new SamenError('unavailable', `could not read (${describe(error)})`);
    }
    return rows[0] && { digest: rows[0].request_digest, resultId: rows[0].result_id };
  }

  /** Forgets idempotency keys older than `idempotencyTtlMs`; resolves with how many. */
  async sweepWriteRecords() {
    const rows = await this.#storage.db.query(
      'delete from samen_idempotency where created_at <= now() - make_interval(secs => $1) returning key',
      [this.#storage.idempotencyTtlMs / 1000],
    );
    return rows.length;
  }

  /**
   * Runs `fn` (one write, under the server's write lock). If it applies, the collections it
   * changed are saved with `pending` as its idempotency record, in one transaction; if it
   * throws, whatever it changed in memory is put back. Either way MemoryAdapter's own record
   * of the write is dropped, so the state in memory never grows with writes.
   * @template T
   * @param {PendingWrite} pending
   * @param {() => Promise<T>} fn
   */
  async applying(pending, fn) {
    const storage = this.#storage;
    storage.pending = pending;
    storage.touched = new Set();
    try {
      return await fn();
    } catch (error) {
      this.#restore(this.#changed().keys());
      throw error;
    } finally {
      storage.pending = undefined;
      storage.touched = undefined;
      if (storage.raw) storage.raw.writes = dict();
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
    const uploads = dict();
    for (const mediaId of mediaIdsOf(input.media)) {
      const [row] = await this.#storage.db.query(
        'select kind, content_type, size, name from samen_uploads where media_id = $1 and owner = $2',
        [mediaId, this.viewerId],
      );
      if (row) uploads[mediaId] = { kind: row.kind, type: row.content_type, size: row.size, name: row.name, blob: STORED_ELSEWHERE, ownerId: this.viewerId };
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

  /**
   * Who uploaded this file, or undefined: for the guard's `upload.read` (uploads are not in the state).
   * @param {string} mediaId
   */
  async uploadOwner(mediaId) {
    const [row] = await this.#storage.db.query('select owner from samen_uploads where media_id = $1', [mediaId]);
    return row?.owner;
  }

  /**
   * A shared success as stored, or undefined: a replayed `shareSuccess` answers with it (families
   * have no read of successes).
   * @param {string} id
   */
  successById(id) {
    const success = this.store.state.successes.find((s) => s.id === id);
    return success && structuredClone(success);
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

  /**
   * MemoryAdapter calls this for every topic a write changed, after the write is saved: with
   * `pending.topics` it is collected for the server's live bus, which tells every process.
   * @param {string} topic
   */
  notify(topic) {
    const topics = this.#storage.pending?.topics;
    if (topics) topics.push(topic);
    else super.notify(topic);
  }

  ready() {
    this.#storage.loading ??= this.#load();
    return this.#storage.loading;
  }

  /**
   * Saves the collections the write changed and its idempotency record in one transaction.
   * Only one write runs at a time (the server's lock), so nothing else changes the state
   * between the write and this save. Refused (and the state taken from the database) when a
   * row the write read or changed was saved by another process since this one loaded it.
   */
  async persist() {
    const storage = this.#storage;
    const { pending } = storage;
    if (!pending || !storage.touched) throw new SamenError('unavailable', 'a write outside applying()');
    const touched = [...storage.touched].filter(saved);
    const changed = this.#changed();
    /** @type {Map<string, number>} */
    const revisions = new Map();
    try {
      await storage.db.transaction(async (tx) => {
        const rows = touched.length
          ? await tx.query('select name, revision from samen_collections where name = any($1::text[]) for update', [touched])
          : [];
        const current = new Map(rows.map((r) => [r.name, r.revision]));
        if (touched.some((name) => current.get(name) !== storage.revisions.get(name))) throw new StaleState();
        for (const [name, json] of changed) {
          const [row] = await tx.query(
            `insert into samen_collections (name, data, revision) values ($1, $2::jsonb, 1)
             on conflict (name) do update set data = excluded.data, revision = samen_collections.revision + 1, updated_at = now()
             returning revision`,
            [name, json],
          );
          revisions.set(name, row.revision);
        }
        // A key another process recorded meanwhile is a conflict (its write applied there);
        // one recorded before the time-to-live is over and not swept yet is taken over.
        const recorded = await tx.query(
          `insert into samen_idempotency (key, request_digest, result_id) values ($1, $2, $3)
           on conflict (key) do update set request_digest = excluded.request_digest, result_id = excluded.result_id, created_at = now()
             where samen_idempotency.created_at <= now() - make_interval(secs => $4)
           returning key`,
          [pending.key, pending.digest, pending.resultId, storage.idempotencyTtlMs / 1000],
        );
        if (!recorded.length) throw new StaleState();
      });
    } catch (error) {
      this.#restore(changed.keys());
      if (error instanceof StaleState) {
        // Another process saved since we loaded (two servers on one database): take its state,
        // so a retry of this write (same idempotency key) applies on top of it, or is replayed.
        await this.#reload().catch(() => {});
        throw new SamenError('unavailable', 'the stored state changed underneath; try again');
      }
      throw new SamenError('unavailable', `could not save (${describe(error)})`);
    }
    for (const [name, json] of changed) {
      storage.committed.set(name, json);
      storage.revisions.set(name, /** @type {number} */ (revisions.get(name)));
    }
  }

  /** The touched collections whose JSON is not what was last saved, with their JSON now. */
  #changed() {
    const { raw, touched, committed } = this.#storage;
    /** @type {Map<string, string>} */
    const changed = new Map();
    if (!raw || !touched) return changed;
    for (const name of touched) {
      if (!saved(name) || !(name in raw)) continue;
      const json = JSON.stringify(raw[name]);
      if (json !== committed.get(name)) changed.set(name, json);
    }
    return changed;
  }

  /** Puts these collections back as last saved: the failed write did not happen, so a retry applies it. */
  #restore(/** @type {Iterable<string>} */ names) {
    const { raw, committed } = this.#storage;
    if (!raw) return;
    const fresh = { ...raw };
    const restored = [];
    for (const name of names) {
      const json = committed.get(name);
      if (json === undefined) delete raw[name];
      else (fresh[name] = JSON.parse(json)), restored.push(name);
    }
    if (!restored.length) return;
    hardenState(/** @type {any} */ (fresh)); // records null-prototype again, as when loaded
    for (const name of restored) raw[name] = fresh[name];
  }

  async #load() {
    const { db } = this.#storage;
    // First start: store the seed MemoryAdapter made in the constructor, one row per
    // collection. Under a lock, so when two processes start at once the first one's seed wins.
    const seed = this.store.state;
    await db.transaction(async (tx) => {
      await tx.query(`select pg_advisory_xact_lock(${SEED_LOCK})`);
      const [{ n }] = await tx.query('select count(*)::int as n from samen_collections');
      if (n > 0) return;
      for (const [name, value] of Object.entries(seed)) {
        if (saved(name)) await tx.query('insert into samen_collections (name, data) values ($1, $2::jsonb)', [name, JSON.stringify(value)]);
      }
    });
    await this.#reload();
  }

  async #reload() {
    const storage = this.#storage;
    const rows = await storage.db.query('select name, data, revision from samen_collections');
    /** @type {Record<string, any>} */
    const raw = {};
    for (const row of rows) if (saved(row.name)) raw[row.name] = row.data;
    if (!raw.clips || typeof raw.clips !== 'object') throw new Error('samen_collections holds no valid state');
    storage.committed = new Map(rows.filter((r) => saved(r.name)).map((r) => [r.name, JSON.stringify(r.data)]));
    storage.revisions = new Map(rows.map((r) => [r.name, r.revision]));
    hardenState(/** @type {any} */ (raw));
    raw.writes = dict();
    storage.raw = raw;
    this.store.state = tracked(storage, raw);
  }
}

/**
 * The state as MemoryAdapter sees it: the same object, but while a write runs every top-level
 * name it reads or sets (`answers`, `charts`, …) is noted, so only those are compared and saved.
 * @param {Storage} storage
 * @param {Record<string, any>} raw
 */
function tracked(storage, raw) {
  const note = (/** @type {string | symbol} */ name) => {
    if (storage.touched && typeof name === 'string') storage.touched.add(name);
  };
  return /** @type {any} */ (
    new Proxy(raw, {
      get(target, name) {
        note(name);
        return Reflect.get(target, name);
      },
      set(target, name, value) {
        note(name);
        return Reflect.set(target, name, value);
      },
      deleteProperty(target, name) {
        note(name);
        return Reflect.deleteProperty(target, name);
      },
    })
  );
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
