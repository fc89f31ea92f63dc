// @ts-check
/**
 * The feedback bar on a clip or a host post: one reaction of each kind per household, replies.
 * Families see counts and their own household's replies, never other families' names; the
 * class's teacher sees who reacted, all replies, and how many households did the home activity.
 */
import { sql } from 'kysely';
import { HOME_REACTIONS } from '../../../dist/feedback-bar/schemas.js';
import { NOW, fail, iso, present } from './common.mjs';
import { targetOf } from './policy.mjs';

/**
 * @typedef {import('./common.mjs').Session} Session
 * @typedef {import('./tables.mjs').DB} DB
 */

/** @param {DB} db @param {string} targetId */
async function target(db, targetId) {
  const found = await targetOf(db, targetId);
  return found ?? fail('not-found');
}

/** The column a target's rows refer to it by. @param {{ kind: 'post' | 'clip' }} t @param {string} id */
const targetColumns = (t, id) => (t.kind === 'post' ? { post_id: id, clip_id: null } : { clip_id: id, post_id: null });

/** @param {DB} db */
const replies = (db) =>
  db
    .selectFrom('replies as r')
    .leftJoin('households as h', 'h.id', 'r.household_id')
    .leftJoin('viewers as v', 'v.id', 'r.author_id')
    .select([
      'r.id',
      'r.household_id',
      'r.address_id',
      'r.text',
      'r.created_at',
      sql`coalesce(h.name, v.name)`.$castTo().as('author_name'),
    ]);

/**
 * The replies a family member reads (issue 24, as the MemoryAdapter): their family's, of those
 * with an address only their own address's, unless the school shares within the family.
 * @template {import('kysely').SelectQueryBuilder<any, any, any>} Q
 * @param {Q} q replies(db)
 * @param {import('./common.mjs').Viewer} viewer with a familyId
 * @returns {Q}
 */
const familyReplies = (q, viewer) => {
  const family = q.where('r.household_id', '=', /** @type {string} */ (viewer.familyId));
  const address = viewer.shareWithinFamily ? undefined : viewer.householdId;
  return /** @type {Q} */ (
    address === undefined ? family : family.where((eb) => eb.or([eb('r.address_id', 'is', null), eb('r.address_id', '=', address)]))
  );
};

/** @param {{ id: string, household_id: string | null, address_id: string | null, text: string, created_at: Date, author_name: unknown }} row */
const toReply = (row) => ({
  id: row.id,
  ...present({ familyId: row.household_id, householdId: row.address_id, authorName: /** @type {string | null} */ (row.author_name) }),
  text: row.text,
  createdAt: iso(row.created_at),
});

/**
 * `GET /reactions/{targetId}`.
 * @param {Session} s
 * @param {string} targetId
 */
export async function getReactions(s, targetId) {
  const { db, viewer } = s;
  const where = await target(db, targetId);
  const mineId = viewer.familyId ?? viewer.id;
  const rows = await db
    .selectFrom('reactions as x')
    .innerJoin('households as h', 'h.id', 'x.household_id')
    .select(['x.reaction', 'x.household_id', 'h.name'])
    .where('x.target_id', '=', targetId)
    .orderBy('x.reaction')
    .orderBy('x.created_at')
    .orderBy('x.household_id')
    .execute();
  /** @type {Record<string, number>} */
  const counts = {};
  /** @type {Record<string, string[]>} */
  const reactors = {};
  const mine = new Set();
  for (const row of rows) {
    counts[row.reaction] = (counts[row.reaction] ?? 0) + 1;
    (reactors[row.reaction] ??= []).push(row.name);
    if (row.household_id === mineId) mine.add(row.reaction);
  }
  const list = replies(db).where('r.target_id', '=', targetId).orderBy('r.created_at').orderBy('r.id');
  if (viewer.role !== 'teacher') {
    // Families see counts and their own household's replies.
    const own = viewer.familyId ? (await familyReplies(list, viewer).execute()).map(toReply) : [];
    return { targetId, counts, mine: [...mine], replies: own };
  }
  const [{ families }] = await db
    .selectFrom('class_households')
    .select(sql`count(*)::int`.$castTo().as('families'))
    .where('class_id', '=', where.classId)
    .execute();
  const home = new Set(
    rows.filter((r) => /** @type {readonly string[]} */ (HOME_REACTIONS).includes(r.reaction)).map((r) => r.household_id),
  );
  return {
    targetId,
    counts,
    mine: [...mine],
    replies: (await list.execute()).map(toReply),
    reactors,
    families: /** @type {number} */ (families),
    homeFamilies: home.size,
  };
}

/**
 * `GET /reactions?ids=…` (issue 23): each target's summary as {@link getReactions} gives it, in
 * a fixed number of queries however many targets (the targets' classes, their reactions, their
 * replies, and for a teacher the classes' family counts); `null` for an id that is not there.
 * The caller (the route) has left out, as `null`, every id the policy refuses this viewer.
 * @param {Session} s
 * @param {(string | null)[]} targetIds
 */
export async function getReactionSummaries(s, targetIds) {
  const { db, viewer } = s;
  const ids = [...new Set(targetIds.filter((id) => id !== null))];
  if (!ids.length) return targetIds.map(() => null);
  const teacher = viewer.role === 'teacher';
  const [posts, clips, rows, replyRows] = await Promise.all([
    db.selectFrom('posts').select(['id', 'class_id']).where('id', 'in', ids).execute(),
    db.selectFrom('clips').select(['id', 'class_id']).where('id', 'in', ids).execute(),
    db
      .selectFrom('reactions as x')
      .innerJoin('households as h', 'h.id', 'x.household_id')
      .select(['x.target_id', 'x.reaction', 'x.household_id', 'h.name'])
      .where('x.target_id', 'in', ids)
      .orderBy('x.reaction')
      .orderBy('x.created_at')
      .orderBy('x.household_id')
      .execute(),
    teacher || viewer.familyId
      ? (teacher ? replies(db) : familyReplies(replies(db), viewer))
          .select('r.target_id')
          .where('r.target_id', 'in', ids)
          .orderBy('r.created_at')
          .orderBy('r.id')
          .execute()
      : Promise.resolve([]),
  ]);
  /** @type {Map<string, string>} a post of the same id wins, as in targetOf */
  const classOf = new Map([...clips, ...posts].map((t) => [t.id, t.class_id]));
  /** @type {Map<string, number>} */
  const families = new Map();
  if (teacher && classOf.size) {
    const counts = await db
      .selectFrom('class_households')
      .select(['class_id', sql`count(*)::int`.$castTo().as('families')])
      .where('class_id', 'in', [...new Set(classOf.values())])
      .groupBy('class_id')
      .execute();
    for (const row of counts) families.set(row.class_id, /** @type {number} */ (row.families));
  }
  return targetIds.map((targetId) => {
    const classId = targetId === null ? undefined : classOf.get(targetId);
    if (targetId === null || classId === undefined) return null;
    return summary(
      viewer,
      targetId,
      rows.filter((r) => r.target_id === targetId),
      replyRows.filter((r) => r.target_id === targetId),
      families.get(classId) ?? 0,
    );
  });
}

/**
 * One target's summary from its reaction rows (in order) and the replies the viewer may read.
 * @param {import('./common.mjs').Viewer} viewer
 * @param {string} targetId
 * @param {{ reaction: string, household_id: string, name: string }[]} rows
 * @param {Parameters<typeof toReply>[0][]} replyRows
 * @param {number} families the class's households (teachers only)
 */
function summary(viewer, targetId, rows, replyRows, families) {
  const mineId = viewer.familyId ?? viewer.id;
  /** @type {Record<string, number>} */
  const counts = {};
  /** @type {Record<string, string[]>} */
  const reactors = {};
  const mine = new Set();
  for (const row of rows) {
    counts[row.reaction] = (counts[row.reaction] ?? 0) + 1;
    (reactors[row.reaction] ??= []).push(row.name);
    if (row.household_id === mineId) mine.add(row.reaction);
  }
  if (viewer.role !== 'teacher') return { targetId, counts, mine: [...mine], replies: replyRows.map(toReply) };
  const home = new Set(
    rows.filter((r) => /** @type {readonly string[]} */ (HOME_REACTIONS).includes(r.reaction)).map((r) => r.household_id),
  );
  return { targetId, counts, mine: [...mine], replies: replyRows.map(toReply), reactors, families, homeFamilies: home.size };
}

/**
 * `PUT /reactions/{targetId}/{reaction}`: on or off for the viewer's household.
 * @param {Session} s
 * @param {{ targetId: string, reaction: string, on: boolean }} input
 */
export async function setReaction(s, input) {
  const { db, viewer } = s;
  const familyId = viewer.familyId ?? fail('forbidden', 'no family to react for');
  const where = await target(db, input.targetId);
  if (input.on) {
    await db
      .insertInto('reactions')
      .values({
        ...targetColumns(where, input.targetId),
        reaction: input.reaction,
        household_id: familyId,
        reacted_by: viewer.id,
        created_at: NOW,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await db
      .deleteFrom('reactions')
      .where('target_id', '=', input.targetId)
      .where('reaction', '=', input.reaction)
      .where('household_id', '=', familyId)
      .execute();
  }
  s.topics.add(`reactions:${input.targetId}`);
  // A reaction to a clip also changes its class board (issue 24).
  if (where.kind === 'clip') s.topics.add(`board:${input.targetId}`);
  return getReactions(s, input.targetId);
}

/**
 * `POST /reactions/{targetId}/replies`.
 * @param {Session} s
 * @param {{ id: string, targetId: string, text: string }} input
 */
export async function addReply(s, input) {
  const { db, viewer } = s;
  const where = await target(db, input.targetId);
  await db
    .insertInto('replies')
    .values({
      id: input.id,
      ...targetColumns(where, input.targetId),
      household_id: viewer.familyId ?? null,
      // The author's address (issue 24): the family's other address does not read it.
      address_id: (viewer.familyId && viewer.householdId) || null,
      author_id: viewer.id,
      text: input.text,
      created_at: NOW,
    })
    .execute();
  s.topics.add(`reactions:${input.targetId}`);
  return replyById(db, input.id);
}

/**
 * A reply as stored, or undefined (a replayed `addReply` reads it back).
 * @param {DB} db
 * @param {string} replyId
 */
export async function replyById(db, replyId) {
  const row = await replies(db).where('r.id', '=', replyId).executeTakeFirst();
  return row ? toReply(row) : fail('not-found');
}
