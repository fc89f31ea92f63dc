// @ts-check
/**
 * Threads (issue 24): a short private conversation between one family (household) and the
 * teacher(s) of the class about something the family sent (migrations/010_threads.sql). Who may
 * read or write one is the policy's, checked before any of this runs (policy.mjs,
 * `threadScope`); here a thread is only its key. The key is named as the library names its live
 * topic (`threadTopic`), so every field of it and every kind of `about` is stored and announced
 * alike, with no code per kind.
 */
import { sql } from 'kysely';
import { threadTopic } from '../../../dist/thread/schemas.js';
import { NOW, fail, iso, present } from './common.mjs';
import { addressShared } from './policy.mjs';

/**
 * @typedef {import('./common.mjs').Session} Session
 * @typedef {import('./common.mjs').Viewer} Viewer
 * @typedef {import('./tables.mjs').DB} DB
 * @typedef {import('../../../dist/thread/schemas.js').ThreadKey} ThreadKey
 */

/** The viewer's side of a thread. @param {Viewer} viewer */
const sideOf = (viewer) => (viewer.role === 'teacher' ? 'teacher' : 'family');

/** @param {DB} db */
const messages = (db) =>
  db
    .selectFrom('thread_messages as m')
    .leftJoin('viewers as v', 'v.id', 'm.author_id')
    .select(['m.id', 'm.from_side', 'm.author_id', 'm.text', 'm.created_at', 'v.name as author_name']);

/**
 * @param {Viewer} viewer
 * @param {{ id: string, from_side: 'family' | 'teacher', author_id: string | null, text: string, created_at: Date, author_name: string | null }} row
 */
const toMessage = (viewer, row) => ({
  id: row.id,
  from: row.from_side,
  ...present({ authorName: row.author_name }),
  text: row.text,
  createdAt: iso(row.created_at),
  mine: row.author_id === viewer.id,
});

/** The key as a response shows it: what it is about and the family (plus any field the key gains). @param {ThreadKey} key */
function publicKey(key) {
  const { about, ...rest } = key;
  return { ...rest, about: { kind: about.kind, id: about.id } };
}

/**
 * The thread a key names (issue 24): its address's own, or the family's when the school shares
 * within the family (the policy has checked the address is the family's).
 * @param {DB} db @param {ThreadKey} key @returns {Promise<ThreadKey>}
 */
async function canonical(db, key) {
  if (key.householdId === undefined) return key;
  if (!(await addressShared(db, key.householdId, key.familyId))) return key;
  const { householdId: _household, ...family } = key;
  return family;
}

/** Every message of the thread counted as read by the viewer. @param {Session} s @param {ThreadKey} key @param {string} threadKey */
async function readAll(s, key, threadKey) {
  const { db, viewer } = s;
  const [{ count }] = await db
    .selectFrom('thread_messages')
    .select(sql`count(*)::int`.$castTo().as('count'))
    .where('thread_key', '=', threadKey)
    .execute();
  await db
    .insertInto('thread_reads')
    .values({
      thread_key: threadKey,
      viewer_id: viewer.id,
      household_id: key.familyId,
      read_count: /** @type {number} */ (count),
      updated_at: NOW,
    })
    .onConflict((oc) => oc.columns(['thread_key', 'viewer_id']).doUpdateSet({ read_count: /** @type {number} */ (count), updated_at: NOW }))
    .execute();
}

/**
 * `GET /threads?…`: the messages, oldest first, and how many of the other side's the viewer has
 * not read. Empty until someone writes.
 * @param {Session} s
 * @param {ThreadKey} key
 */
export async function getThread(s, key) {
  const { db, viewer } = s;
  const threadKey = threadTopic(await canonical(db, key));
  const [rows, read] = await Promise.all([
    messages(db).where('m.thread_key', '=', threadKey).orderBy('m.seq').execute(),
    db
      .selectFrom('thread_reads')
      .select('read_count')
      .where('thread_key', '=', threadKey)
      .where('viewer_id', '=', viewer.id)
      .executeTakeFirst(),
  ]);
  const side = sideOf(viewer);
  const unread = rows.slice(read?.read_count ?? 0).filter((row) => row.from_side !== side).length;
  return { ...publicKey(key), messages: rows.map((row) => toMessage(viewer, row)), unread };
}

/**
 * `POST /threads/messages?…`: a message from the viewer's side, read at once by its writer.
 * @param {Session} s
 * @param {ThreadKey & { id: string, text: string }} input
 */
export async function addThreadMessage(s, input) {
  const { db, viewer } = s;
  const { id, text, ...asked } = input;
  const key = await canonical(db, asked);
  const threadKey = threadTopic(key);
  await db
    .insertInto('thread_messages')
    .values({
      id,
      thread_key: threadKey,
      about_kind: key.about.kind,
      about_id: key.about.id,
      household_id: key.familyId,
      from_side: sideOf(viewer),
      author_id: viewer.id,
      text,
      created_at: NOW,
    })
    .execute();
  await readAll(s, key, threadKey);
  s.topics.add(threadKey).add(threadTopic(asked));
  return messageById(db, viewer, id);
}

/**
 * `POST /threads/read?…`: every message of the thread read by the viewer.
 * @param {Session} s
 * @param {ThreadKey & { id: string }} input
 */
export async function markThreadRead(s, input) {
  const { id: _id, ...asked } = input;
  const key = await canonical(s.db, asked);
  const threadKey = threadTopic(key);
  await readAll(s, key, threadKey);
  s.topics.add(threadKey).add(threadTopic(asked));
  return null;
}

/**
 * A message as stored (a replayed `addThreadMessage` reads it back), or `not-found`.
 * @param {DB} db
 * @param {Viewer} viewer
 * @param {string} messageId
 */
export async function messageById(db, viewer, messageId) {
  const row = await messages(db).where('m.id', '=', messageId).executeTakeFirst();
  return row ? toMessage(viewer, row) : fail('not-found');
}
