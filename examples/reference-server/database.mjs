/**
 * The reference server's database: PGlite (PostgreSQL compiled to WebAssembly, embedded,
 * no install) by default, or a real PostgreSQL through `pg` when a URL is given. Both are
 * wrapped in the same small interface and run the same SQL.
 *
 * @typedef {Record<string, any>} Row
 * @typedef {object} Queryable
 * @property {(sql: string, params?: unknown[]) => Promise<Row[]>} query one statement, with $1… parameters
 * @property {(sql: string) => Promise<void>} exec one or more statements, no parameters (migrations)
 *
 * @typedef {Queryable & {
 *   kind: 'pglite' | 'postgres',
 *   transaction: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>,
 *   close: () => Promise<void>,
 * }} Database
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_DIR = join(HERE, 'migrations');
export const DEFAULT_DATA_DIR = join(HERE, '.data');

/** Any constant works; it only has to be the same for every process that migrates this database. */
const MIGRATION_LOCK = 7_340_001;

/**
 * Opens PostgreSQL at `databaseUrl`, or else PGlite in `dataDir` (`':memory:'` for a
 * throw-away database).
 * @param {{ databaseUrl?: string, dataDir?: string, onError?: (error: Error) => void }} options
 * @returns {Promise<Database>}
 */
export async function openDatabase({ databaseUrl, dataDir = DEFAULT_DATA_DIR, onError = () => {} }) {
  return databaseUrl ? openPostgres(databaseUrl, onError) : openPGlite(dataDir);
}

/** @returns {Promise<Database>} */
async function openPostgres(connectionString, onError) {
  const { default: pg } = await import('pg');
  // Reads are served from memory and writes are serialised, so two connections are plenty.
  // The pool replaces a connection that broke, so the server recovers when PostgreSQL is back.
  const pool = new pg.Pool({ connectionString, max: 2, connectionTimeoutMillis: 5000, statement_timeout: 10_000 });
  // An idle connection that drops emits here; without a listener it would crash the process.
  pool.on('error', onError);
  /** @param {import('pg').Pool | import('pg').PoolClient} client @returns {Queryable} */
  const wrap = (client) => ({
    query: async (sql, params) => (await client.query(sql, params)).rows,
    exec: async (sql) => void (await client.query(sql)), // no parameters: the simple protocol allows several statements
  });
  await pool.query('select 1'); // fail at start-up, not on the first request
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** @returns {Promise<Database>} */
async function openPGlite(dataDir) {
  const { PGlite } = await import('@electric-sql/pglite');
  const inMemory = dataDir === ':memory:';
  let release = async () => {};
  let dir;
  if (!inMemory) {
    await mkdir(dataDir, { recursive: true });
    release = await lockDataDir(dataDir);
    // PGlite gets a folder of its own, so our lock file never sits among PostgreSQL's files.
    dir = join(resolve(dataDir), 'pgdata');
  }
  let pglite;
  try {
    pglite = new PGlite(dir);
    await pglite.waitReady;
  } catch (error) {
    await release();
    throw error;
  }
  /** @param {import('@electric-sql/pglite').PGlite | import('@electric-sql/pglite').Transaction} client @returns {Queryable} */
  const wrap = (client) => ({
    query: async (sql, params) => (await client.query(sql, params)).rows,
    exec: async (sql) => void (await client.exec(sql)),
  });
  return {
    kind: 'pglite',
    ...wrap(pglite),
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    async close() {
      await pglite.close();
      await release();
    },
  };
}

/** Data directories opened by this process; PGlite must never have one open twice. */
const openDirs = new Set();

/**
 * One process at a time per PGlite directory: two would corrupt it. A lock file holds the
 * owner's pid; a stale one (its process is gone, e.g. after SIGKILL) is taken over.
 * @returns {Promise<() => Promise<void>>} releases the lock
 */
async function lockDataDir(dataDir) {
  const dir = resolve(dataDir);
  const file = join(dir, 'server.pid');
  if (openDirs.has(dir)) throw new Error(`${dir} is already open in this process`);
  const owner = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
  if (owner && owner !== process.pid && isRunning(owner)) {
    throw new Error(`${dir} is in use by process ${owner}; stop it first or pass another data directory`);
  }
  await writeFile(file, String(process.pid));
  openDirs.add(dir);
  return async () => {
    openDirs.delete(dir);
    await rm(file, { force: true });
  };
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/**
 * Applies every `NNN_name.sql` in `dir` not yet recorded in `schema_migrations`, in name
 * order, in one transaction; an advisory lock keeps two starting servers from racing.
 * @param {Database} db
 * @returns {Promise<string[]>} the versions applied now
 */
export async function migrate(db, dir = MIGRATIONS_DIR) {
  const files = (await readdir(dir)).filter((f) => /^\d+_[\w-]+\.sql$/.test(f)).sort();
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.exec(
      'create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())',
    );
    const applied = new Set((await tx.query('select version from schema_migrations')).map((r) => r.version));
    const now = [];
    for (const file of files) {
      const version = file.replace(/\.sql$/, '');
      if (applied.has(version)) continue;
      await tx.exec(await readFile(join(dir, file), 'utf8'));
      await tx.query('insert into schema_migrations (version) values ($1)', [version]);
      now.push(version);
    }
    return now;
  });
}
