// @ts-check
/**
 * The server's admin commands, for the school's data protection requests. Run by whoever runs
 * the server, on its machine, never over HTTP:
 *
 *   node examples/reference-server/server.mjs export-family <familyId> [--data-dir DIR] [--out FILE]
 *   node examples/reference-server/server.mjs erase-family <familyId> [--data-dir DIR] --yes
 *
 * With DATABASE_URL set they work on that PostgreSQL database (a running server may keep
 * serving; its open streams hear of an erasure), else on PGlite in `--data-dir` (stop the server
 * first: a PGlite directory is one process's). `erase-family` without `--yes` only says what it
 * would erase. See PRIVACY.md.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR, migrate, openDatabase } from './database.mjs';
import { eraseFamily, exportFamily } from './domain/families.mjs';
import { createLiveBus } from './live.mjs';

export const ADMIN_COMMANDS = ['export-family', 'erase-family'];

const USAGE = `node examples/reference-server/server.mjs export-family <familyId> [--data-dir DIR] [--out FILE]
node examples/reference-server/server.mjs erase-family <familyId> [--data-dir DIR] --yes
(with DATABASE_URL set: on that PostgreSQL database instead of PGlite in --data-dir)`;

/**
 * Runs one admin command; resolves with the process's exit code.
 * @param {string} command one of {@link ADMIN_COMMANDS}
 * @param {string[]} args what follows it on the command line
 * @param {{ out?: (text: string) => void, err?: (text: string) => void, env?: NodeJS.ProcessEnv }} [io]
 */
export async function runAdminCommand(
  command,
  args,
  { out = (t) => process.stdout.write(t), err = (t) => process.stderr.write(t), env = process.env } = {},
) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { 'data-dir': { type: 'string' }, out: { type: 'string' }, yes: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    err(`${/** @type {Error} */ (error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const familyId = positionals[0];
  if (values.help || !familyId || positionals.length > 1 || !ADMIN_COMMANDS.includes(command)) {
    err(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  let db;
  try {
    db = await openDatabase({ databaseUrl, dataDir: values['data-dir'] ?? DEFAULT_DATA_DIR, poolSize: 2 });
  } catch (error) {
    err(`Could not open the database: ${/** @type {Error} */ (error).message}\n`);
    return 1;
  }
  try {
    await migrate(db);
    if (command === 'export-family') {
      const data = await exportFamily(db, familyId);
      const text = `${JSON.stringify(data, null, 2)}\n`;
      if (values.out) {
        await writeFile(values.out, text, { mode: 0o600 });
        err(`Exported family ${familyId} to ${values.out}\n`);
      } else {
        out(text);
      }
      return 0;
    }
    if (!values.yes) {
      const data = await exportFamily(db, familyId);
      const counts = Object.fromEntries(
        Object.entries(data)
          .filter(([, v]) => Array.isArray(v))
          .map(([k, v]) => [k, /** @type {unknown[]} */ (v).length]),
      );
      err(
        `Would erase family ${familyId} (${data.family.name}): ${JSON.stringify(counts)}\nNothing was erased: add --yes to erase it. This can't be undone.\n`,
      );
      return 1;
    }
    const { erased, topics } = await eraseFamily(db, familyId);
    // Servers on this database: their open streams re-read what changed.
    const bus = await createLiveBus({ db, databaseUrl });
    await bus.publish(topics).catch(() => {});
    await bus.close();
    out(`${JSON.stringify({ erased: familyId, ...erased }, null, 2)}\n`);
    return 0;
  } catch (error) {
    const kind = /** @type {{ kind?: string }} */ (error)?.kind;
    err(
      kind === 'not-found'
        ? `No family ${familyId} in this database.\n`
        : `Failed: ${/** @type {Error} */ (error)?.name ?? 'error'} ${/** @type {{ code?: string }} */ (error)?.code ?? ''}\n`,
    );
    return 1;
  } finally {
    await db.close();
  }
}
