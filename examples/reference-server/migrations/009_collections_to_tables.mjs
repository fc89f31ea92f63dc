// @ts-check
/**
 * Issue 17: the data of a database from before the tables moves into them. The state a server
 * kept as one JSONB row per collection (`samen_collections`, migration 004) is read back into
 * the library's DemoState shape and written as rows by the same translation that seeds a new
 * database (domain/seed.mjs `insertState`: what can't be a row, say a clip without a class, is
 * left out and counted). Then `samen_collections` is dropped, and an upload's owner becomes a
 * foreign key to viewers.
 *
 * `insertState` writes the tables as 005 makes them: a later migration that changes those
 * tables must keep this one working (or freeze a copy of it here).
 *
 * On a new database `samen_collections` is empty: nothing moves, and the server seeds the demo
 * on its first start as before.
 */
import { sql } from 'kysely';
import { insertState } from '../domain/seed.mjs';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
  const { rows } = await sql`select name, data from samen_collections`.execute(db);
  if (rows.length) {
    /** @type {Record<string, unknown>} */
    const state = {};
    for (const row of /** @type {{ name: string, data: unknown }[]} */ (rows)) state[row.name] = row.data;
    const { skipped } = await insertState(db, state);
    if (skipped) console.warn(`009_collections_to_tables: ${skipped} records of the old state could not be rows and were left out`);
  }
  await sql`drop table samen_collections`.execute(db);
  // Uploads of people who are not viewers (none, unless one was removed by hand) can't be read
  // or published by anyone: those no clip shows go; any a clip still shows stay, unchecked.
  await sql`
    delete from samen_uploads u
    where not exists (select 1 from viewers v where v.id = u.owner)
      and not exists (select 1 from clip_media m where m.upload_id = u.media_id)
  `.execute(db);
  await sql`alter table samen_uploads add constraint samen_uploads_owner_fkey foreign key (owner) references viewers (id) on delete cascade not valid`.execute(
    db,
  );
  // Checked for the rows there are, unless one a clip shows has no owner any more.
  await sql`
    do $$ begin
      if not exists (select 1 from samen_uploads u where not exists (select 1 from viewers v where v.id = u.owner)) then
        alter table samen_uploads validate constraint samen_uploads_owner_fkey;
      end if;
    end $$
  `.execute(db);
}
