// @ts-check
/**
 * Expectation matrices: a school's (values × places, a focus of the week) and a family's home
 * matrix. Every save is a new version, made from the version it was edited from (`baseVersion`):
 * a save from an older one is a conflict and changes nothing. The last
 * {@link MATRIX_VERSIONS_KEPT} versions are kept. Families share successes on the school's
 * matrix; its teachers and leader read them.
 */
import { sql } from 'kysely';
import { NOW, fail, insertAll, iso, present } from './common.mjs';

/**
 * @typedef {import('./common.mjs').Session} Session
 * @typedef {import('./tables.mjs').DB} DB
 * @typedef {import('../../../dist/expectation-matrix/schemas.js').ExpectationMatrix} ExpectationMatrix
 */

/** Versions of a matrix kept: the current one and those before it, for a look back. */
export const MATRIX_VERSIONS_KEPT = 20;

/**
 * `GET /matrices/{matrixId}`: the matrix at its current version.
 * @param {Session | { db: DB }} s
 * @param {string} matrixId
 */
export async function getExpectationMatrix(s, matrixId) {
  const { db } = s;
  const matrix = await db
    .selectFrom('matrices as m')
    .innerJoin('matrix_versions as mv', (join) => join.onRef('mv.matrix_id', '=', 'm.id').onRef('mv.version', '=', 'm.version'))
    .select(['m.id', 'm.kind', 'm.version', 'm.school_id', 'm.household_id', 'mv.title', 'mv.lang'])
    .where('m.id', '=', matrixId)
    .executeTakeFirst();
  if (!matrix) fail('not-found');
  const at = /** @param {'matrix_values' | 'matrix_locations'} table */ (table) =>
    db
      .selectFrom(table)
      .select(['id', 'label', 'pictogram'])
      .where('matrix_id', '=', matrixId)
      .where('version', '=', matrix.version)
      .orderBy('position')
      .execute();
  const [values, locations, cells, focus] = await Promise.all([
    at('matrix_values'),
    at('matrix_locations'),
    db
      .selectFrom('matrix_cells as c')
      .innerJoin('matrix_values as v', (join) =>
        join.onRef('v.matrix_id', '=', 'c.matrix_id').onRef('v.version', '=', 'c.version').onRef('v.id', '=', 'c.value_id'),
      )
      .innerJoin('matrix_locations as l', (join) =>
        join.onRef('l.matrix_id', '=', 'c.matrix_id').onRef('l.version', '=', 'c.version').onRef('l.id', '=', 'c.location_id'),
      )
      .select(['c.value_id', 'c.location_id', 'c.id', 'c.text', 'c.pictogram'])
      .where('c.matrix_id', '=', matrixId)
      .where('c.version', '=', matrix.version)
      .orderBy('v.position')
      .orderBy('l.position')
      .orderBy('c.position')
      .execute(),
    db.selectFrom('matrix_focus').selectAll().where('matrix_id', '=', matrixId).where('version', '=', matrix.version).executeTakeFirst(),
  ]);
  /** @type {Record<string, { id: string, text: string, pictogram?: string }[]>} */
  const byCell = {};
  for (const c of cells)
    (byCell[`${c.value_id}/${c.location_id}`] ??= []).push({ id: c.id, text: c.text, ...present({ pictogram: c.pictogram }) });
  const axis = (/** @type {{ id: string, label: string, pictogram: string | null }[]} */ list) =>
    list.map((a) => ({ id: a.id, label: a.label, ...present({ pictogram: a.pictogram }) }));
  return {
    id: matrix.id,
    kind: matrix.kind,
    version: matrix.version,
    ...present({ title: matrix.title, familyId: matrix.household_id, schoolId: matrix.school_id, lang: matrix.lang }),
    values: axis(values),
    locations: axis(locations),
    cells: byCell,
    ...(focus
      ? {
          focus: {
            valueId: focus.value_id,
            locationId: focus.location_id,
            ...present({ expectationId: focus.expectation_id, why: focus.why, homeTip: focus.home_tip }),
          },
        }
      : {}),
  };
}

/**
 * Inserts `matrix` as version `version` of matrix `matrixId` (the matrices row exists).
 * @param {DB} db
 * @param {string} matrixId
 * @param {number} version
 * @param {Pick<ExpectationMatrix, 'title' | 'lang' | 'values' | 'locations' | 'cells' | 'focus'>} matrix
 * @param {string | null} savedBy
 */
export async function insertVersion(db, matrixId, version, matrix, savedBy) {
  const key = { matrix_id: matrixId, version };
  await db
    .insertInto('matrix_versions')
    .values({ ...key, title: matrix.title ?? null, lang: matrix.lang ?? null, saved_by: savedBy, saved_at: NOW })
    .execute();
  const axis = (/** @type {ExpectationMatrix['values']} */ list) =>
    list.map((a, position) => ({ ...key, position, id: a.id, label: a.label, pictogram: a.pictogram ?? null }));
  await insertAll(db, 'matrix_values', axis(matrix.values));
  await insertAll(db, 'matrix_locations', axis(matrix.locations));
  const cells = Object.entries(matrix.cells).flatMap(([cell, items]) => {
    const [valueId, locationId] = cell.split('/');
    return items.map((e, position) => ({
      ...key,
      value_id: valueId,
      location_id: locationId,
      position,
      id: e.id,
      text: e.text,
      pictogram: e.pictogram ?? null,
    }));
  });
  await insertAll(db, 'matrix_cells', cells);
  const { focus } = matrix;
  if (focus) {
    await db
      .insertInto('matrix_focus')
      .values({
        ...key,
        value_id: focus.valueId,
        location_id: focus.locationId,
        expectation_id: focus.expectationId ?? null,
        why: focus.why ?? null,
        home_tip: focus.homeTip ?? null,
      })
      .execute();
  }
}

/**
 * `PUT /matrices/{matrixId}`: a new version from `baseVersion`, or a `conflict` when the stored
 * matrix is at another version. Whose matrix it is stays as stored (a save can't move it to
 * another school or family); the version is the store's.
 * @param {Session} s
 * @param {{ matrix: ExpectationMatrix, baseVersion: number }} input
 */
export async function saveExpectationMatrix(s, input) {
  const { db, viewer } = s;
  const matrixId = input.matrix.id;
  // The version check and the bump in one statement: of two saves from the same version, one wins.
  const bumped = await db
    .updateTable('matrices')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', matrixId)
    .where('version', '=', input.baseVersion)
    .returning('version')
    .executeTakeFirst();
  if (!bumped) {
    const stored = await db.selectFrom('matrices').select('version').where('id', '=', matrixId).executeTakeFirst();
    if (!stored) fail('not-found');
    fail('conflict', `stored version is ${stored.version}`);
  }
  await insertVersion(db, matrixId, bumped.version, input.matrix, viewer.id);
  await db
    .deleteFrom('matrix_versions')
    .where('matrix_id', '=', matrixId)
    .where('version', '<=', bumped.version - MATRIX_VERSIONS_KEPT)
    .execute();
  s.topics.add(`matrix:${matrixId}`);
  return getExpectationMatrix(s, matrixId);
}

// ------------------------------------------------------------------ successes

/** @param {DB} db */
const successes = (db) =>
  db
    .selectFrom('successes as x')
    .leftJoin('households as h', 'h.id', 'x.household_id')
    .leftJoin('viewers as v', 'v.id', 'x.shared_by')
    .select([
      'x.id',
      'x.matrix_id',
      'x.expectation_id',
      'x.text',
      'x.created_at',
      'x.household_id',
      'x.address_id',
      sql`coalesce(h.name, v.name)`.$castTo().as('family_name'),
    ]);

/** @param {{ id: string, matrix_id: string, expectation_id: string | null, text: string, created_at: Date, family_name: unknown }} row */
const toSuccess = (row) => ({
  id: row.id,
  matrixId: row.matrix_id,
  ...present({ expectationId: row.expectation_id }),
  text: row.text,
  createdAt: iso(row.created_at),
  ...present({ familyName: /** @type {string | null} */ (row.family_name) }),
});

/**
 * `GET /matrices/{matrixId}/successes`, oldest first.
 * @param {Session} s
 * @param {{ matrixId: string, from?: string }} query
 */
export async function getSuccesses(s, query) {
  let q = successes(s.db).where('x.matrix_id', '=', query.matrixId);
  if (query.from) q = q.where('x.created_at', '>=', new Date(query.from));
  const rows = await q.orderBy('x.created_at').orderBy('x.id').execute();
  // The teacher also gets the family that shared it, to answer them in a private thread (issue 24).
  if (s.viewer.role !== 'teacher') return rows.map(toSuccess);
  // …and the address it came from (issue 24), so the answer goes to that household's thread.
  return rows.map((row) => ({ ...toSuccess(row), ...present({ familyId: row.household_id, householdId: row.address_id }) }));
}

/**
 * `POST /matrices/{matrixId}/successes`: what worked at home, from the viewer's household.
 * @param {Session} s
 * @param {{ id: string, matrixId: string, expectationId?: string, text: string }} input
 */
export async function shareSuccess(s, input) {
  const { db, viewer } = s;
  await db
    .insertInto('successes')
    .values({
      id: input.id,
      matrix_id: input.matrixId,
      expectation_id: input.expectationId ?? null,
      text: input.text,
      household_id: viewer.familyId ?? null,
      address_id: (viewer.familyId && viewer.householdId) || null,
      shared_by: viewer.id,
      created_at: NOW,
    })
    .execute();
  s.topics.add(`matrix:${input.matrixId}`);
  return successById(db, input.id);
}

/**
 * A shared success as stored, or `not-found`: a replayed `shareSuccess` answers with it
 * (families have no read of successes).
 * @param {DB} db
 * @param {string} successId
 */
export async function successById(db, successId) {
  const row = await successes(db).where('x.id', '=', successId).executeTakeFirst();
  return row ? toSuccess(row) : fail('not-found');
}
