// @ts-check
/** Who is signed in: a viewer with their household, classes and children, in one query. */
import { sql } from 'kysely';
import { present } from './common.mjs';

/**
 * The viewer with this id, or undefined.
 * @param {import('./tables.mjs').DB} db
 * @param {string} viewerId
 * @returns {Promise<import('./common.mjs').Viewer | undefined>}
 */
export async function loadViewer(db, viewerId) {
  const row = await db
    .selectFrom('viewers as v')
    .where('v.id', '=', viewerId)
    .select([
      'v.id',
      'v.role',
      'v.household_id',
      'v.name',
      'v.school_id',
      'v.address_id',
      sql`coalesce((select s.share_within_family from schools s where s.id = v.school_id), false)`.$castTo().as('share'),
      sql`array(select vc.class_id from viewer_classes vc where vc.viewer_id = v.id order by vc.position, vc.class_id)::text[]`
        .$castTo()
        .as('class_ids'),
      sql`array(select vc.child_id from viewer_children vc where vc.viewer_id = v.id order by vc.position, vc.child_id)::text[]`
        .$castTo()
        .as('child_ids'),
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    role: row.role,
    classIds: /** @type {string[]} */ (row.class_ids),
    childIds: /** @type {string[]} */ (row.child_ids),
    ...present({ familyId: row.household_id, householdId: row.address_id, name: row.name, schoolId: row.school_id }),
    // The school's setting, as it applies to a carer (the MemoryAdapter's viewer has it so).
    ...(row.role === 'parent' && row.share ? { shareWithinFamily: true } : {}),
  };
}

/**
 * `GET /viewer`: the viewer as the contract's schema has it (no empty lists).
 * @param {import('./common.mjs').Viewer} viewer
 */
export function publicViewer(viewer) {
  const { classIds, childIds, ...rest } = viewer;
  return { ...rest, ...(classIds.length ? { classIds: [...classIds] } : {}), ...(childIds.length ? { childIds: [...childIds] } : {}) };
}
