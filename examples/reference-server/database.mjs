// @ts-check
/**
 * The reference server's database: PGlite (PostgreSQL compiled to WebAssembly, embedded, no
 * install) by default, or a real PostgreSQL through `pg` when a URL is given. Both are reached
 * through Kysely (typed queries, `db.kysely`) and run the same SQL and the same migrations.
 *
 * PGlite is one connection that serialises itself: Kysely's PostgresDialect gets a pool of
 * exactly one connection over it ({@link pgliteAsPool}), handed to one user at a time, so a
 * transaction never shares its session with another query.
 *
 * Migrations are Kysely's `Migrator` over `migrations/`: `NNN_name.sql` (plain SQL, run as one
 * script) or `NNN_name.mjs` (`export async function up(db)`), in name order, all pending ones in
 * one transaction under Kysely's lock, recorded in `kysely_migration`. A database migrated by
 * the runner from before Kysely (`schema_migrations`) is adopted: its versions are recorded
 * for Kysely and the old table dropped.
 *
 * @typedef {Record<string, any>} Row
 * @typedef {object} Queryable
 * @property {(sql: string, params?: unknown[]) => Promise<Row[]>} query one statement, with $1… parameters
 * @property {(sql: string) => Promise<void>} exec one or more statements, no parameters (migrations)
 * @property {import('kysely').Kysely<import('./domain/tables.mjs').Database>} kysely typed queries on the same connection (in a transaction: the transaction's)
 *
 * @typedef {Queryable & {
 *   kind: 'pglite' | 'postgres',
 *   transaction: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>,
 *   close: () => Promise<void>,
 * }} Database
 */
import { randomUUID } from 'node:crypto';
import { access, cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, sql } from 'kysely';

const HERE = dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_DIR = join(HERE, 'migrations');
export const DEFAULT_DATA_DIR = join(HERE, '.data');

/** Any constant works; it only has to be the same for every process that adopts this database. */
const ADOPT_LOCK = 7_340_001;

/**
 * Opens PostgreSQL at `databaseUrl`, or else PGlite in `dataDir` (`':memory:'` for a
 * throw-away database).
 * @param {{ databaseUrl?: string, dataDir?: string, onError?: (error: Error) => void, poolSize?: number }} options
 * @returns {Promise<Database>}
 */
export async function openDatabase({ databaseUrl, dataDir = DEFAULT_DATA_DIR, onError = () => {}, poolSize = 10 }) {
  return databaseUrl ? openPostgres(databaseUrl, onError, poolSize) : openPGlite(dataDir);
}

/**
 * @param {import('kysely').Kysely<any>} kysely
 * @returns {Queryable}
 */
function queryable(kysely) {
  return {
    kysely,
    query: async (text, params = []) => (await kysely.executeQuery(CompiledQuery.raw(text, params))).rows,
    // No parameters: PostgreSQL's simple protocol, which allows several statements.
    exec: async (text) => void (await kysely.executeQuery(CompiledQuery.raw(text, []))),
  };
}

/**
 * @param {import('kysely').Kysely<any>} kysely
 * @param {'pglite' | 'postgres'} kind
 * @param {() => Promise<void>} close
 * @returns {Database}
 */
function database(kysely, kind, close) {
  return {
    kind,
    ...queryable(kysely),
    transaction: (fn) => kysely.transaction().execute((trx) => fn(queryable(trx))),
    close,
  };
}

/** @returns {Promise<Database>} */
async function openPostgres(
  /** @type {string} */ connectionString,
  /** @type {(error: Error) => void} */ onError,
  /** @type {number} */ poolSize,
) {
  const { default: pg } = await import('pg');
  // Reads and writes are queries now: a pool per process; the pool replaces a connection that
  // broke, so the server recovers when PostgreSQL is back.
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: 5000, statement_timeout: 10_000 });
  // An idle connection that drops emits here; without a listener it would crash the process.
  pool.on('error', onError);
  await pool.query('select 1'); // fail at start-up, not on the first request
  const kysely = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return database(kysely, 'postgres', () => kysely.destroy());
}

/** @returns {Promise<Database>} */
async function openPGlite(/** @type {string} */ dataDir) {
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
    pglite = (await fromTemplate(PGlite, dir)) ?? new PGlite(dir);
    await pglite.waitReady;
  } catch (error) {
    await release();
    throw error;
  }
  // PGlite's results have the `rows`, `command` and `rowCount` of pg's; the types say more.
  const kysely = new Kysely({ dialect: new PostgresDialect({ pool: /** @type {any} */ (pgliteAsPool(pglite)) }) });
  return database(kysely, 'pglite', async () => {
    await kysely.destroy(); // ends the pool: closes PGlite
    // Kysely ends a pool it used only: a store closed before any query is closed here (one from
    // a tarball, left open, would keep the process from exiting).
    if (!pglite.closed) await pglite.close();
    await release();
  });
}

/**
 * `SAMEN_PGLITE_TEMPLATE=<folder>`: a new PGlite store starts as a copy of a fresh cluster kept
 * in that folder (one per PGlite version, made by the first process that needs it) instead of
 * running initdb, which takes 2–5 s in WebAssembly. For tests and development (`npm test` sets
 * it); a production server makes its store once and never needs it. Unset or empty: initdb as
 * always; anything wrong with the template: initdb too.
 * @param {typeof import('@electric-sql/pglite').PGlite} PGlite
 * @param {string | undefined} dir the store's cluster folder; undefined: in memory
 * @returns {Promise<import('@electric-sql/pglite').PGlite | undefined>} undefined: run initdb
 */
async function fromTemplate(PGlite, dir) {
  const root = process.env.SAMEN_PGLITE_TEMPLATE;
  if (!root) return undefined;
  if (dir && (await exists(dir))) return undefined; // an existing store opens as it is
  const template = await pgliteTemplate(PGlite, resolve(root));
  if (!template) return undefined;
  try {
    if (dir) await cp(template.cluster, dir, { recursive: true, errorOnExist: true, force: false });
    const pglite = dir ? new PGlite(dir) : new PGlite({ loadDataDir: await templateBlob(template.tarball) });
    await pglite.waitReady;
    return pglite;
  } catch {
    if (dir) await rm(dir, { recursive: true, force: true });
    return undefined;
  }
}

/** @type {Map<string, Promise<{ cluster: string, tarball: string } | undefined>>} */
const templates = new Map();
/** @type {Map<string, Promise<Blob>>} */
const templateBlobs = new Map();

/** The template in `root` for this PGlite version, made once (per process, and across processes). */
function pgliteTemplate(/** @type {typeof import('@electric-sql/pglite').PGlite} */ PGlite, /** @type {string} */ root) {
  let template = templates.get(root);
  if (!template) {
    template = makeTemplate(PGlite, root).catch(() => undefined);
    templates.set(root, template);
  }
  return template;
}

/**
 * `<root>/pglite-<version>/`: a closed fresh cluster (`pgdata/`) and its tarball (`pgdata.tar`,
 * for in-memory stores). Made in a temporary folder beside it and renamed into place, so it is
 * whole or absent; when another process renamed its own first, ours is dropped.
 */
async function makeTemplate(/** @type {typeof import('@electric-sql/pglite').PGlite} */ PGlite, /** @type {string} */ root) {
  const pkg = new URL('../package.json', import.meta.resolve('@electric-sql/pglite'));
  const { version } = JSON.parse(await readFile(pkg, 'utf8'));
  const dir = join(root, `pglite-${version}`);
  const template = { cluster: join(dir, 'pgdata'), tarball: join(dir, 'pgdata.tar') };
  const whole = async () => (await exists(join(template.cluster, 'PG_VERSION'))) && (await exists(template.tarball));
  if (await whole()) return template;
  await mkdir(root, { recursive: true });
  const tmp = await mkdtemp(join(root, '.tmp-'));
  try {
    const pglite = await PGlite.create(join(tmp, 'pgdata'));
    try {
      const tarball = await pglite.dumpDataDir('none');
      await writeFile(join(tmp, 'pgdata.tar'), new Uint8Array(await tarball.arrayBuffer()));
    } finally {
      await pglite.close();
    }
    // Another process's in place is as good as ours; a broken one (a file missing) gives way.
    if (
      !(await rename(tmp, dir).then(
        () => true,
        () => false,
      )) &&
      !(await whole())
    ) {
      await rm(dir, { recursive: true, force: true });
      await rename(tmp, dir).catch(() => {});
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return (await whole()) ? template : undefined;
}

/** The template's tarball, read once per process. */
function templateBlob(/** @type {string} */ tarball) {
  let blob = templateBlobs.get(tarball);
  if (!blob) {
    blob = readFile(tarball).then((bytes) => new Blob([bytes]));
    templateBlobs.set(tarball, blob);
  }
  return blob;
}

/** @param {string} path */
const exists = (path) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * The tiny Kysely dialect shim for PGlite: what PostgresDialect wants of a `pg.Pool` (`connect()`
 * → a client with `query(sql, params)` and `release()`, and `end()`), over the one PGlite
 * connection. The connection is lent to one user at a time (a FIFO queue): a transaction keeps it
 * from `begin` to `commit`, so no other query runs inside it. A query without parameters goes
 * through PGlite's `exec` (the simple protocol: a migration script of several statements).
 * @param {import('@electric-sql/pglite').PGlite} pglite
 */
export function pgliteAsPool(pglite) {
  /** @type {Promise<void>} */
  let tail = Promise.resolve();
  let ended = false;
  const client = {
    /** @param {string} text @param {unknown[]} [params] */
    async query(text, params = []) {
      if (!params.length && /;\s*\S/.test(text.replace(/--[^\n]*/g, ''))) {
        const results = await pglite.exec(text);
        return results.at(-1) ?? { rows: [], command: 'SELECT', rowCount: 0 };
      }
      // PGlite answers with `rows`, `command` and `rowCount`, as pg does.
      return pglite.query(text, params);
    },
  };
  return {
    async connect() {
      if (ended) throw new Error('the database is closed');
      /** @type {() => void} */
      let free = () => {};
      const previous = tail;
      tail = new Promise((resolve) => (free = resolve));
      await previous;
      let released = false;
      return {
        query: client.query,
        release() {
          if (released) return;
          released = true;
          free();
        },
      };
    },
    async end() {
      ended = true;
      await tail;
      await pglite.close();
    },
  };
}

/** Data directories opened by this process; PGlite must never have one open twice. */
const openDirs = new Set();

/**
 * One process at a time per PGlite directory: two would corrupt it. A lock file holds the
 * owner's pid; a stale one (its process is gone, e.g. after SIGKILL) is taken over.
 * @param {string} dataDir
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

/** @param {number} pid */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/**
 * A throw-away schema of its own in the PostgreSQL database at `url` (`<prefix>_<12 hex>`), so a
 * test or a bench never touches existing tables: `url` is the database's URL with that schema as
 * its search path, `drop()` removes the schema and all in it. The tests' and the benches' one
 * helper (`samen_test`, `samen_bench`).
 * @param {string} url
 * @param {string} [prefix] lower-case letters, digits and `_`
 * @returns {Promise<{ url: string, drop: () => Promise<void> }>}
 */
export async function postgresSchema(url, prefix = 'samen_test') {
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(prefix)) throw new Error(`not a schema prefix: ${prefix}`);
  const { default: pg } = await import('pg');
  const schema = `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: scoped.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  };
}

// ---------------------------------------------------------------------- migrations

/**
 * Kysely migrations from a folder: `NNN_name.sql` runs as one script, `NNN_name.mjs` exports
 * `up(db)` (and may export `down`). The name without its extension is the migration's name.
 * @param {string} dir
 * @returns {import('kysely').MigrationProvider}
 */
export function folderMigrations(dir) {
  return {
    async getMigrations() {
      /** @type {Record<string, import('kysely').Migration>} */
      const migrations = {};
      for (const file of (await readdir(dir)).sort()) {
        const match = /^(\d+_[\w-]+)\.(sql|mjs)$/.exec(file);
        if (!match) continue;
        const [, name, ext] = /** @type {[string, string, string]} */ (/** @type {unknown} */ (match));
        const path = join(dir, file);
        if (ext === 'sql') {
          const script = await readFile(path, 'utf8');
          migrations[name] = {
            up: (db) =>
              sql
                .raw(script)
                .execute(db)
                .then(() => {}),
          };
        } else {
          migrations[name] = await import(pathToFileURL(path).href);
        }
      }
      return migrations;
    },
  };
}

/**
 * Applies the pending migrations (all of them, or up to and including `to`), in one
 * transaction under Kysely's lock. A database the pre-Kysely runner migrated is adopted first.
 * @param {Database} db
 * @param {{ dir?: string, to?: string }} [options]
 * @returns {Promise<string[]>} the names applied now
 */
export async function migrate(db, { dir = MIGRATIONS_DIR, to } = {}) {
  await adoptLegacyMigrations(db);
  const [{ schema }] = await db.query('select current_schema() as schema');
  const migrator = new Migrator({
    db: db.kysely,
    provider: folderMigrations(dir),
    // In the schema the connection works in: Kysely would otherwise find another schema's
    // `kysely_migration` (tests give every run a schema of its own in one database).
    migrationTableSchema: schema,
    // A migration number kept free and filled later (013, issue 26) still runs on a database
    // already past it: each migration is independent of the later ones.
    allowUnorderedMigrations: true,
  });
  const { error, results = [] } = to ? await migrator.migrateTo(to) : await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${/** @type {Error} */ (error).message}`, { cause: error });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * The runner from before Kysely recorded versions in `schema_migrations` (version, applied_at).
 * Their names are the same: record them in Kysely's table and drop the old one, once.
 * @param {Database} db
 */
async function adoptLegacyMigrations(db) {
  const [{ legacy }] = await db.query("select to_regclass('schema_migrations') is not null as legacy");
  if (!legacy) return;
  await db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(${ADOPT_LOCK})`);
    const [{ still }] = await tx.query("select to_regclass('schema_migrations') is not null as still");
    if (!still) return; // another process adopted it meanwhile
    // The tables as Kysely's Migrator makes them (it leaves existing ones alone).
    await tx.exec(`
      create table if not exists kysely_migration (name varchar(255) not null primary key, timestamp varchar(255) not null);
      create table if not exists kysely_migration_lock (id varchar(255) not null primary key, is_locked integer not null default 0);
      insert into kysely_migration (name, timestamp)
        select version, to_char(applied_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from schema_migrations
        on conflict (name) do nothing;
      drop table schema_migrations;
    `);
  });
}
