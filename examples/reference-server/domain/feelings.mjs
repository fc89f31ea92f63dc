// @ts-check
/**
 * Feelings check-ins: a child's own (from home or school) and the class overview for the
 * teacher and the care coordinator. A check-in is kept under the id the widget gives it
 * (`checkin:<child>:<context>:<local day>`, one per child, context and day), with the UTC offset
 * it was written with, so the child's local day stays the day it was written on.
 */
import { familiesOfChild } from './charts.mjs';
import { NOW, fail, present } from './common.mjs';

/**
 * @typedef {import('./common.mjs').Session} Session
 * @typedef {import('./tables.mjs').DB} DB
 * @typedef {{ from?: string, to?: string }} Range
 */

/**
 * An ISO time as the widget sends it (`2025-03-01T23:30:00+01:00`, or UTC with `Z`): the
 * instant, the offset in minutes (null for UTC written as `Z`) and the local day as written.
 * @param {string} text
 */
export function parseLocalTime(text) {
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) fail('invalid-data', 'not a time');
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!offset) return { at, offsetMinutes: null, localDay: at.toISOString().slice(0, 10) };
  const minutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  return { at, offsetMinutes: minutes, localDay: text.slice(0, 10) };
}

/**
 * The instant as the device wrote it: with its offset (`…+02:00`), or in UTC (`…Z`).
 * @param {Date} at
 * @param {number | null} offsetMinutes
 */
export function localTime(at, offsetMinutes) {
  if (offsetMinutes === null) return at.toISOString();
  const local = new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, -1);
  const abs = Math.abs(offsetMinutes);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${local}${offsetMinutes < 0 ? '-' : '+'}${hhmm}`;
}

/** @param {DB} db */
const checkins = (db) =>
  db
    .selectFrom('checkins as c')
    .innerJoin('children as ch', 'ch.id', 'c.child_id')
    .select([
      'c.id',
      'c.child_id',
      'ch.name as child_name',
      'c.feeling',
      'c.strength',
      'c.context',
      'c.note',
      'c.created_at',
      'c.utc_offset_minutes',
    ]);

/** @template {import('kysely').SelectQueryBuilder<any, any, any>} Q @param {Q} query @param {Range} range @returns {Q} */
function within(query, { from, to }) {
  /** @type {import('kysely').SelectQueryBuilder<any, any, any>} */
  let q = query;
  if (from) q = q.where('c.created_at', '>=', new Date(from));
  if (to) q = q.where('c.created_at', '<=', new Date(to));
  return /** @type {Q} */ (q.orderBy('c.created_at').orderBy('c.id'));
}

/** @param {{ id: string, child_id: string, child_name: string, feeling: string, strength: number, context: 'home' | 'school', note: string | null, created_at: Date, utc_offset_minutes: number | null }} row */
const toCheckin = (row) => ({
  id: row.id,
  childId: row.child_id,
  childName: row.child_name,
  feeling: row.feeling,
  strength: row.strength,
  context: row.context,
  ...present({ note: row.note }),
  createdAt: localTime(row.created_at, row.utc_offset_minutes),
});

/**
 * `GET /children/{childId}/checkins`.
 * @param {Session} s
 * @param {{ childId: string } & Range} query
 */
export async function getCheckins(s, query) {
  return (await within(checkins(s.db).where('c.child_id', '=', query.childId), query).execute()).map(toCheckin);
}

/**
 * `GET /classes/{classId}/checkins`: the class overview.
 * @param {Session} s
 * @param {{ classId: string } & Range} query
 */
export async function getClassCheckins(s, query) {
  const rows = (await within(checkins(s.db).where('ch.class_id', '=', query.classId), query).execute()).map(toCheckin);
  if (s.viewer.role !== 'teacher') return rows;
  // The teacher also gets each child's families, to send them a tip and top (issue 24).
  const families = new Map();
  for (const childId of new Set(rows.map((r) => r.childId))) families.set(childId, await familiesOfChild(s.db, childId));
  return rows.map((r) => (families.get(r.childId).length ? { ...r, families: families.get(r.childId) } : r));
}

/**
 * `PUT /checkins/{checkinId}`: creates or replaces the check-in. An id that is another child's
 * check-in is a conflict (never moved to this child).
 * @param {Session} s
 * @param {{ checkinId: string, childId: string, feeling: string, strength: number, context: 'home' | 'school', note?: string, createdAt: string }} input
 */
export async function saveCheckin(s, input) {
  const { db, viewer } = s;
  const { at, offsetMinutes, localDay } = parseLocalTime(input.createdAt);
  const saved = await db
    .insertInto('checkins')
    .values({
      id: input.checkinId,
      child_id: input.childId,
      feeling: input.feeling,
      strength: input.strength,
      context: input.context,
      note: input.note ? input.note : null,
      created_at: at,
      utc_offset_minutes: offsetMinutes,
      local_day: localDay,
      recorded_by: viewer.id,
      updated_at: NOW,
    })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) => ({
          feeling: eb.ref('excluded.feeling'),
          strength: eb.ref('excluded.strength'),
          context: eb.ref('excluded.context'),
          note: eb.ref('excluded.note'),
          created_at: eb.ref('excluded.created_at'),
          utc_offset_minutes: eb.ref('excluded.utc_offset_minutes'),
          local_day: eb.ref('excluded.local_day'),
          recorded_by: eb.ref('excluded.recorded_by'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .whereRef('checkins.child_id', '=', 'excluded.child_id'),
    )
    .returning('id')
    .executeTakeFirst();
  if (!saved) fail('conflict', 'this check-in is another child’s');
  const row = await checkins(db).where('c.id', '=', input.checkinId).executeTakeFirstOrThrow();
  const classId = (await db.selectFrom('children').select('class_id').where('id', '=', input.childId).executeTakeFirstOrThrow()).class_id;
  s.topics.add(`feelings:${input.childId}`).add(`feelings:class:${classId}`);
  return toCheckin(row);
}

/**
 * A check-in as stored, or `not-found` (a replayed `saveCheckin` reads it back).
 * @param {DB} db
 * @param {string} checkinId
 */
export async function checkinById(db, checkinId) {
  const row = await checkins(db).where('c.id', '=', checkinId).executeTakeFirst();
  return row ? toCheckin(row) : fail('not-found');
}
