// Issue 20: with SAMEN_PGLITE_TEMPLATE set, a new PGlite store (on disk or in memory) starts as a
// copy of a fresh cluster kept in that folder instead of running initdb, and is the same store
// as without it: migrated and seeded alike, independent of the other copies, and a broken
// template only means initdb as before.
//   node --test examples/reference-server/test/template.test.mjs     (after `npm run build`)
// PGlite only: PostgreSQL has no initdb to skip.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { migrate, openDatabase } from '../database.mjs';

const DATABASE = new URL('../database.mjs', import.meta.url).href;
import { seedDemo } from '../domain/seed.mjs';
import './helpers.mjs';

const NOW = new Date('2026-03-02T09:00:00Z');

/** Every table of the store's schema with its row count, and the migrations applied. */
async function contents(db) {
  const tables = await db.query(
    "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1",
  );
  const counts = {};
  for (const { name } of tables) counts[name] = (await db.query(`select count(*)::int as n from "${name}"`))[0].n;
  const migrations = (await db.query('select name from kysely_migration order by name')).map((r) => r.name);
  return { counts, migrations };
}

/** A store opened, migrated and seeded as a first server start does; its contents. */
async function migratedAndSeeded(dataDir) {
  const db = await openDatabase({ dataDir });
  try {
    await migrate(db);
    await seedDemo(db, { locale: 'nl', now: NOW });
    return await contents(db);
  } finally {
    await db.close();
  }
}

describe('PGlite stores from a template (SAMEN_PGLITE_TEMPLATE)', () => {
  const saved = process.env.SAMEN_PGLITE_TEMPLATE;
  let scratch;
  let template;
  /** What a store made by initdb holds once migrated and seeded. */
  let expected;
  const dirs = [];
  const newDir = async () => {
    const dir = await mkdtemp(join(scratch, 'store-'));
    dirs.push(dir);
    return dir;
  };

  before(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'samen-template-'));
    template = join(scratch, 'template');
    process.env.SAMEN_PGLITE_TEMPLATE = ''; // initdb, as without the variable
    expected = await migratedAndSeeded(':memory:');
    process.env.SAMEN_PGLITE_TEMPLATE = template;
  });
  after(async () => {
    if (saved === undefined) delete process.env.SAMEN_PGLITE_TEMPLATE;
    else process.env.SAMEN_PGLITE_TEMPLATE = saved;
    await rm(scratch, { recursive: true, force: true });
  });

  test('a new store on disk and one in memory come up migrated and seeded as without the template', async () => {
    assert.ok(expected.migrations.length > 0 && expected.counts.schools > 0, 'the reference store is migrated and seeded');
    const dir = await newDir();
    assert.deepEqual(await migratedAndSeeded(dir), expected, 'on disk');
    const kept = await readdir(template);
    assert.equal(kept.filter((name) => !name.startsWith('.')).length, 1, `one template kept: ${kept}`);
    assert.deepEqual(await migratedAndSeeded(':memory:'), expected, 'in memory');
    // Opened again, the store on disk is the one it was (not a new copy of the template).
    const db = await openDatabase({ dataDir: dir });
    try {
      assert.deepEqual(await contents(db), expected);
    } finally {
      await db.close();
    }
  });

  test('two stores from the template are independent: a write in one is not in the other', async () => {
    for (const [a, b] of [
      [await newDir(), await newDir()],
      [':memory:', ':memory:'],
    ]) {
      const first = await openDatabase({ dataDir: a });
      const second = await openDatabase({ dataDir: b });
      try {
        await first.exec("create table note (text text); insert into note values ('only here');");
        assert.deepEqual(await first.query('select text from note'), [{ text: 'only here' }]);
        assert.deepEqual(await second.query("select to_regclass('note') as note"), [{ note: null }], `${b} has no note`);
      } finally {
        await first.close();
        await second.close();
      }
      const third = await openDatabase({ dataDir: a === ':memory:' ? a : await newDir() });
      try {
        assert.deepEqual(await third.query("select to_regclass('note') as note"), [{ note: null }], 'the template has no note');
      } finally {
        await third.close();
      }
    }
  });

  test('a process that opens a store from the template and closes it before any query ends', async () => {
    const script = `
      const { openDatabase } = await import(${JSON.stringify(DATABASE)});
      await (await openDatabase({ dataDir: ':memory:' })).close();
      await (await openDatabase({ dataDir: process.argv[1] })).close();
      console.log('closed');`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, await newDir()], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    // A hang fails the test instead of the whole run (the generous limit is only for that).
    const timer = setTimeout(() => child.kill(), 60_000);
    const code = await new Promise((resolve) => child.on('exit', (exitCode, signal) => resolve(signal ?? exitCode)));
    clearTimeout(timer);
    assert.equal(output.trim(), 'closed');
    assert.equal(code, 0, 'the process ended by itself');
  });

  test('a broken template (its cluster corrupt, or its files missing) means initdb, and the store works', async () => {
    await (await openDatabase({ dataDir: await newDir() })).close(); // the template, if no test above made it
    // The template copied and broken: pg_control and the tarball overwritten.
    const [version] = (await readdir(template)).filter((name) => !name.startsWith('.'));
    const corrupt = join(scratch, 'corrupt');
    await cp(template, corrupt, { recursive: true });
    await writeFile(join(corrupt, version, 'pgdata', 'global', 'pg_control'), 'not a cluster');
    const [tarball] = (await readdir(join(corrupt, version))).filter((name) => name.endsWith('.tar'));
    await writeFile(join(corrupt, version, tarball), 'not a tarball');
    process.env.SAMEN_PGLITE_TEMPLATE = corrupt;
    assert.deepEqual(await migratedAndSeeded(await newDir()), expected, 'on disk');
    assert.deepEqual(await migratedAndSeeded(':memory:'), expected, 'in memory');

    // Files missing (a cluster of PG_VERSION alone, no tarball): the template is made again.
    const empty = join(scratch, 'empty');
    await cp(join(template, version, 'pgdata', 'PG_VERSION'), join(empty, version, 'pgdata', 'PG_VERSION'));
    process.env.SAMEN_PGLITE_TEMPLATE = empty;
    assert.deepEqual(await migratedAndSeeded(await newDir()), expected, 'on disk');
    assert.deepEqual((await readdir(join(empty, version))).sort(), (await readdir(join(template, version))).sort(), 'made again');
    process.env.SAMEN_PGLITE_TEMPLATE = template;
  });
});
