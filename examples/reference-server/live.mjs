/**
 * The live bus: which topics changed (`clip:wish-2`, `chart:class-wish`, …), told to every
 * process serving one database, so an `/events` stream on one process hears a write made on
 * another. What changed is never sent, only its topic: subscribers re-read (and are authorised
 * again) on their own.
 *
 * - On PostgreSQL, `publish` runs `select pg_notify(channel, '["topic", …]')` (a JSON array,
 *   split so that no payload passes PostgreSQL's 8,000-byte limit), and one dedicated
 *   connection per process (`pg.Client`, not from the pool) `LISTEN`s on the channel and calls
 *   the local subscribers of each topic. When that connection drops (PostgreSQL restarted, the
 *   backend terminated, the network gone: a ping every `pingMs` finds out), it reconnects with
 *   backoff, and once it listens again every local subscriber is called once: what was
 *   published while it was away is then re-read, so nothing missed stays missed.
 * - On PGlite (one process per data directory) it dispatches in the process.
 *
 * The channel is `samen_changes` in the schema `public`, and `samen_changes_<schema>` in any
 * other (the tests and benches give each run a schema of its own in one database: NOTIFY is
 * database-wide, so they would hear each other otherwise).
 *
 *   const bus = await createLiveBus({ db, databaseUrl });
 *   const stop = bus.subscribe('clip:wish-2', () => reread());
 *   await bus.publish(['clip:wish-2']);   // after the write is committed
 *   stop(); await bus.close();
 */
import { createHash } from 'node:crypto';

export const CHANNEL = 'samen_changes';
/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; stay well under it. */
export const MAX_PAYLOAD_BYTES = 7900;
/** PostgreSQL's identifier limit (NAMEDATALEN - 1): a longer channel name would be cut. */
const MAX_CHANNEL_LENGTH = 63;

/**
 * @typedef {object} LiveBus
 * @property {(topics: string[]) => Promise<void>} publish tells every process serving this database that these topics changed
 * @property {(topic: string, listener: () => void) => () => void} subscribe calls `listener` on each change of `topic` (and once after a reconnect); returns unsubscribe
 * @property {() => Promise<void>} close stops listening; publish and subscribe do nothing afterwards
 * @property {string} channel the NOTIFY channel (PostgreSQL), or `'in-process'` (PGlite)
 * @property {number | undefined} backendPid PostgreSQL's pid of the listening connection while it is connected (for tests and diagnostics)
 */

/**
 * @param {object} options
 * @param {import('./database.mjs').Database} options.db the server's database: `publish` notifies through it
 * @param {string} [options.databaseUrl] PostgreSQL's URL, for the listening connection; absent: PGlite, in-process
 * @param {(line: string) => void} [options.log] a line when the listening connection drops or comes back (never a topic)
 * @param {number} [options.pingMs] how often the listening connection is checked (default 30 s)
 * @param {number} [options.minBackoffMs] first wait before reconnecting (default 100 ms), doubled up to `maxBackoffMs`
 * @param {number} [options.maxBackoffMs] default 5 s
 * @returns {Promise<LiveBus>} once it listens (PostgreSQL), so nothing published after this is missed
 */
export async function createLiveBus({ db, databaseUrl, log = () => {}, pingMs = 30_000, minBackoffMs = 100, maxBackoffMs = 5000 }) {
  /** @type {Map<string, Set<() => void>>} */
  const subscribers = new Map();
  let closed = false;

  /** Calls each subscriber of `topic`; one that throws does not keep the others from hearing it. */
  const dispatch = (/** @type {string} */ topic) => {
    for (const listener of [...(subscribers.get(topic) ?? [])]) {
      try {
        listener();
      } catch (error) {
        log(`live: a subscriber failed (${/** @type {Error} */ (error)?.name ?? 'error'})`);
      }
    }
  };

  const subscribe = (/** @type {string} */ topic, /** @type {() => void} */ listener) => {
    if (closed) return () => {};
    const set = subscribers.get(topic) ?? new Set();
    // The same function twice is two subscriptions: wrap it, so each unsubscribe removes its own.
    const entry = () => listener();
    set.add(entry);
    subscribers.set(topic, set);
    return () => {
      set.delete(entry);
      if (set.size === 0 && subscribers.get(topic) === set) subscribers.delete(topic);
    };
  };

  if (!databaseUrl || db.kind !== 'postgres') {
    // PGlite: one process holds the database, so this process is everyone there is to tell.
    return {
      channel: 'in-process',
      backendPid: undefined,
      subscribe,
      async publish(topics) {
        if (closed) return;
        await Promise.resolve();
        for (const topic of new Set(topics)) dispatch(topic);
      },
      async close() {
        closed = true;
        subscribers.clear();
      },
    };
  }

  const [{ schema }] = await db.query('select current_schema() as schema');
  const channel = channelFor(schema);
  const { default: pg } = await import('pg');
  /** @type {import('pg').Client | undefined} */
  let client;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let retry;
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let ping;
  let backoff = minBackoffMs;
  let connecting = false;

  /** Connects and LISTENs; throws when it can't (the caller retries). */
  async function listen() {
    const next = new pg.Client({
      connectionString: databaseUrl,
      application_name: 'samen-live',
      keepAlive: true,
      connectionTimeoutMillis: 5000,
    });
    // Without a listener an error event would crash the process; a dropped connection is retried.
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next));
    next.on('notification', (message) => {
      if (message.channel !== channel || !message.payload) return;
      let topics;
      try {
        topics = JSON.parse(message.payload);
      } catch {
        return;
      }
      if (!Array.isArray(topics)) return;
      for (const topic of topics) if (typeof topic === 'string') dispatch(topic);
    });
    try {
      await next.connect();
      await next.query(`listen ${quoteIdentifier(channel)}`);
    } catch (error) {
      next.removeAllListeners('end');
      await next.end().catch(() => {});
      throw error;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    backoff = minBackoffMs;
    clearInterval(ping);
    ping = setInterval(() => {
      const current = client;
      if (!current) return;
      let timer;
      Promise.race([
        current.query('select 1'),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('ping timed out')), 10_000))),
      ])
        .catch((error) => lost(current, error))
        .finally(() => clearTimeout(timer));
    }, pingMs);
    ping.unref?.();
  }

  /** The listening connection `which` is gone: drop it and reconnect, unless it was replaced or closed already. */
  function lost(/** @type {import('pg').Client} */ which, /** @type {Error & { code?: string }} */ error) {
    if (closed || which !== client) return;
    client = undefined;
    clearInterval(ping);
    which.removeAllListeners('end');
    which.end().catch(() => {});
    log(`live: listening connection lost (${[error?.name, error?.code].filter(Boolean).join(' ') || 'ended'}); reconnecting`);
    schedule();
  }

  function schedule() {
    if (closed || retry || connecting) return;
    const wait = backoff + Math.floor(Math.random() * backoff * 0.2);
    backoff = Math.min(maxBackoffMs, backoff * 2);
    retry = setTimeout(async () => {
      retry = undefined;
      connecting = true;
      try {
        await listen();
      } catch (error) {
        connecting = false;
        log(
          `live: reconnecting failed (${/** @type {Error & { code?: string }} */ (error)?.code ?? /** @type {Error} */ (error)?.name ?? 'error'}); trying again`,
        );
        schedule();
        return;
      }
      connecting = false;
      if (closed) return;
      if (!client) return schedule(); // lost again while connecting
      log('live: listening again; every stream re-reads');
      // Whatever was published while no connection listened: everyone re-reads once.
      for (const topic of [...subscribers.keys()]) dispatch(topic);
    }, wait);
  }

  await listen();

  return {
    channel,
    get backendPid() {
      return client ? /** @type {{ processID?: number }} */ (/** @type {unknown} */ (client)).processID : undefined;
    },
    subscribe,
    async publish(topics) {
      if (closed) return;
      for (const payload of payloads([...new Set(topics)])) {
        await db.query('select pg_notify($1, $2)', [channel, payload]);
      }
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      clearInterval(ping);
      subscribers.clear();
      const current = client;
      client = undefined;
      if (current) {
        current.removeAllListeners('end');
        await current.end().catch(() => {});
      }
    },
  };
}

/**
 * JSON arrays of the topics, each under {@link MAX_PAYLOAD_BYTES} (a topic is a safe id of at
 * most 200 characters after its kind, so one always fits).
 * @param {string[]} topics
 * @param {number} [max]
 */
export function payloads(topics, max = MAX_PAYLOAD_BYTES) {
  /** @type {string[]} */
  const out = [];
  /** @type {string[]} */
  let batch = [];
  let size = 2; // []
  for (const topic of topics) {
    const bytes = Buffer.byteLength(JSON.stringify(topic));
    if (batch.length && size + 1 + bytes > max) {
      out.push(JSON.stringify(batch));
      batch = [];
      size = 2;
    }
    size += (batch.length ? 1 : 0) + bytes; // a comma before every topic but the first
    batch.push(topic);
  }
  if (batch.length) out.push(JSON.stringify(batch));
  return out;
}

/** `samen_changes` in `public`; `samen_changes_<schema>` (hashed when too long) in another schema. */
export function channelFor(/** @type {string} */ schema) {
  if (!schema || schema === 'public') return CHANNEL;
  const name = `${CHANNEL}_${schema}`;
  if (name.length <= MAX_CHANNEL_LENGTH) return name;
  return `${CHANNEL}_${createHash('sha256').update(schema).digest('hex').slice(0, 32)}`;
}

function quoteIdentifier(/** @type {string} */ name) {
  return `"${name.replaceAll('"', '""')}"`;
}
