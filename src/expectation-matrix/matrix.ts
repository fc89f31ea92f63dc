/**
 * Matrix rules, free of the DOM: cleaning what a host sends, validating what an editor
 * saves, immutable edit operations and the teacher's successes per week. Unit-tested.
 */
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import * as z from 'zod/mini';
import type { SamenIssue } from '../core/errors.js';
import { SamenError } from '../core/errors.js';
import { toIssues } from '../core/parse.js';
import {
  expectationMatrixSchema,
  MATRIX_LIMITS,
  type ExpectationMatrix,
  type MatrixAxis,
  type MatrixExpectation,
  type MatrixFocus,
  type Success,
} from './schemas.js';

export type Axis = 'values' | 'locations';

export const cellKey = (valueId: string, locationId: string): string => `${valueId}/${locationId}`;

export function cellOf(matrix: ExpectationMatrix, valueId: string, locationId: string): MatrixExpectation[] {
  return matrix.cells[cellKey(valueId, locationId)] ?? [];
}

/**
 * Parses a matrix from the adapter. Broken at the root (no id, no lists) throws
 * `invalid-data`; anything narrower is repaired and reported, so the rest still shows:
 * duplicate ids keep the first, more than the limits keep the first ones, cells for
 * unknown values or locations and a focus on an unknown cell are dropped.
 */
export function cleanMatrix(raw: unknown): { matrix: ExpectationMatrix; issues: SamenIssue[] } {
  const parsed = z.safeParse(expectationMatrixSchema, raw);
  if (!parsed.success)
    throw new SamenError(
      'invalid-data',
      'matrix refused',
      toIssues(parsed.error).map((i) => ({ ...i, path: `matrix.${i.path}` })),
    );
  const input = parsed.data;
  const issues: SamenIssue[] = [];

  const axis = (list: MatrixAxis[], name: Axis): MatrixAxis[] => {
    const seen = new Set<string>();
    const kept = list.filter((item, index) => {
      if (seen.has(item.id)) {
        issues.push({ path: `${name}.${index}.id`, message: 'duplicate id' });
        return false;
      }
      seen.add(item.id);
      return true;
    });
    const max = MATRIX_LIMITS[name];
    if (kept.length > max) issues.push({ path: name, message: `more than ${max}` });
    return kept.slice(0, max);
  };
  const values = axis(input.values, 'values');
  const locations = axis(input.locations, 'locations');
  const valueIds = new Set(values.map((v) => v.id));
  const locationIds = new Set(locations.map((l) => l.id));

  const cells: Record<string, MatrixExpectation[]> = {};
  const expectationIds = new Set<string>();
  for (const [key, list] of Object.entries(input.cells)) {
    const [valueId = '', locationId = ''] = key.split('/');
    if (!valueIds.has(valueId) || !locationIds.has(locationId) || key !== cellKey(valueId, locationId)) {
      issues.push({ path: `cells.${key}`, message: 'unknown value or location' });
      continue;
    }
    const unique = list.filter((e, index) => {
      if (expectationIds.has(e.id) || !e.text) {
        issues.push({ path: `cells.${key}.${index}`, message: e.text ? 'duplicate id' : 'empty' });
        return false;
      }
      expectationIds.add(e.id);
      return true;
    });
    if (unique.length > MATRIX_LIMITS.perCell) issues.push({ path: `cells.${key}`, message: `more than ${MATRIX_LIMITS.perCell}` });
    if (unique.length) cells[key] = unique.slice(0, MATRIX_LIMITS.perCell);
  }

  let focus: MatrixFocus | undefined = input.focus;
  if (focus) {
    const cell = cells[cellKey(focus.valueId, focus.locationId)];
    if (!valueIds.has(focus.valueId) || !locationIds.has(focus.locationId)) {
      issues.push({ path: 'focus', message: 'unknown cell' });
      focus = undefined;
    } else if (focus.expectationId && !cell?.some((e) => e.id === focus!.expectationId)) {
      issues.push({ path: 'focus.expectationId', message: 'unknown expectation' });
      const { expectationId: _dropped, ...rest } = focus;
      focus = rest;
    }
  }

  const { focus: _raw, ...base } = input;
  return { matrix: { ...base, values, locations, cells, ...(focus ? { focus } : {}) }, issues };
}

/** What an editor must fix before saving, in the order a person reads the form. */
export type EditIssue =
  | { kind: 'empty-name'; axis: Axis; index: number }
  | { kind: 'too-many'; axis: Axis; max: number }
  | { kind: 'empty-expectation'; key: string }
  | { kind: 'too-long'; key: string; max: number }
  | { kind: 'too-many-in-cell'; key: string; max: number };

export function validateMatrix(matrix: ExpectationMatrix): EditIssue[] {
  const issues: EditIssue[] = [];
  for (const axis of ['values', 'locations'] as const) {
    matrix[axis].forEach((item, index) => {
      if (!item.label.trim()) issues.push({ kind: 'empty-name', axis, index });
    });
    if (matrix[axis].length > MATRIX_LIMITS[axis]) issues.push({ kind: 'too-many', axis, max: MATRIX_LIMITS[axis] });
  }
  for (const value of matrix.values) {
    for (const location of matrix.locations) {
      const key = cellKey(value.id, location.id);
      const cell = matrix.cells[key] ?? [];
      if (cell.some((e) => !e.text.trim())) issues.push({ kind: 'empty-expectation', key });
      if (cell.some((e) => e.text.trim().length > MATRIX_LIMITS.expectationLength)) {
        issues.push({ kind: 'too-long', key, max: MATRIX_LIMITS.expectationLength });
      }
      if (cell.length > MATRIX_LIMITS.perCell) issues.push({ kind: 'too-many-in-cell', key, max: MATRIX_LIMITS.perCell });
    }
  }
  return issues;
}

/** Trims every text and drops cells of removed rows or columns: what is actually saved. */
export function normalizeMatrix(matrix: ExpectationMatrix): ExpectationMatrix {
  const keys = new Set(matrix.values.flatMap((v) => matrix.locations.map((l) => cellKey(v.id, l.id))));
  const cells = Object.fromEntries(
    Object.entries(matrix.cells)
      .filter(([key, list]) => keys.has(key) && list.length > 0)
      .map(([key, list]) => [key, list.map((e) => ({ ...e, text: e.text.trim() }))]),
  );
  const trim = (list: MatrixAxis[]) => list.map((item) => ({ ...item, label: item.label.trim() }));
  const { focus, ...rest } = matrix;
  const focusKept = focus && keys.has(cellKey(focus.valueId, focus.locationId)) ? focus : undefined;
  return { ...rest, values: trim(matrix.values), locations: trim(matrix.locations), cells, ...(focusKept ? { focus: focusKept } : {}) };
}

// ---------------------------------------------------------------- edits (immutable)

export function addAxisItem(matrix: ExpectationMatrix, axis: Axis, id: string, label = ''): ExpectationMatrix {
  if (matrix[axis].length >= MATRIX_LIMITS[axis]) return matrix;
  return { ...matrix, [axis]: [...matrix[axis], { id, label }] };
}

export function renameAxisItem(matrix: ExpectationMatrix, axis: Axis, index: number, label: string): ExpectationMatrix {
  return { ...matrix, [axis]: matrix[axis].map((item, i) => (i === index ? { ...item, label } : item)) };
}

/** Moves an item one place; out of range is a no-op. */
export function moveAxisItem(matrix: ExpectationMatrix, axis: Axis, index: number, delta: -1 | 1): ExpectationMatrix {
  const target = index + delta;
  if (target < 0 || target >= matrix[axis].length) return matrix;
  const list = [...matrix[axis]];
  [list[index], list[target]] = [list[target]!, list[index]!];
  return { ...matrix, [axis]: list };
}

export function removeAxisItem(matrix: ExpectationMatrix, axis: Axis, index: number): ExpectationMatrix {
  return normalizeCells({ ...matrix, [axis]: matrix[axis].filter((_, i) => i !== index) });
}

export function addExpectation(matrix: ExpectationMatrix, key: string, id: string): ExpectationMatrix {
  const cell = matrix.cells[key] ?? [];
  if (cell.length >= MATRIX_LIMITS.perCell) return matrix;
  return { ...matrix, cells: { ...matrix.cells, [key]: [...cell, { id, text: '' }] } };
}

export function editExpectation(matrix: ExpectationMatrix, key: string, index: number, text: string): ExpectationMatrix {
  const cell = matrix.cells[key] ?? [];
  return { ...matrix, cells: { ...matrix.cells, [key]: cell.map((e, i) => (i === index ? { ...e, text } : e)) } };
}

export function removeExpectation(matrix: ExpectationMatrix, key: string, index: number): ExpectationMatrix {
  const removed = matrix.cells[key]?.[index];
  const cells = { ...matrix.cells, [key]: (matrix.cells[key] ?? []).filter((_, i) => i !== index) };
  const focus = matrix.focus?.expectationId && matrix.focus.expectationId === removed?.id ? withoutExpectation(matrix.focus) : matrix.focus;
  const { focus: _old, ...rest } = matrix;
  return { ...rest, cells, ...(focus ? { focus } : {}) };
}

export function setFocus(matrix: ExpectationMatrix, focus: MatrixFocus | undefined): ExpectationMatrix {
  const { focus: _old, ...rest } = matrix;
  return focus ? { ...rest, focus } : rest;
}

function withoutExpectation(focus: MatrixFocus): MatrixFocus {
  const { expectationId: _dropped, ...rest } = focus;
  return rest;
}

/** Drops cells and a focus whose row or column is gone. */
function normalizeCells(matrix: ExpectationMatrix): ExpectationMatrix {
  const valueIds = new Set(matrix.values.map((v) => v.id));
  const locationIds = new Set(matrix.locations.map((l) => l.id));
  const cells = Object.fromEntries(
    Object.entries(matrix.cells).filter(([key]) => {
      const [valueId = '', locationId = ''] = key.split('/');
      return valueIds.has(valueId) && locationIds.has(locationId);
    }),
  );
  const { focus, ...rest } = matrix;
  const kept = focus && valueIds.has(focus.valueId) && locationIds.has(focus.locationId) ? focus : undefined;
  return { ...rest, cells, ...(kept ? { focus: kept } : {}) };
}

// ---------------------------------------------------------------- successes

export interface SuccessWeek {
  /** ISO week key, e.g. `2026-W47`, for sorting and keys. */
  key: string;
  week: number;
  successes: Success[];
}

/** Successes grouped by ISO week, newest week and newest success first. */
export function successesByWeek(successes: readonly Success[]): SuccessWeek[] {
  const weeks = new Map<string, SuccessWeek>();
  for (const success of successes) {
    const date = new Date(success.createdAt);
    const week = getISOWeek(date);
    const key = `${getISOWeekYear(date)}-W${String(week).padStart(2, '0')}`;
    const entry = weeks.get(key) ?? { key, week, successes: [] };
    entry.successes.push(success);
    weeks.set(key, entry);
  }
  return [...weeks.values()]
    .sort((a, b) => (a.key < b.key ? 1 : -1))
    .map((w) => ({ ...w, successes: w.successes.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)) }));
}
