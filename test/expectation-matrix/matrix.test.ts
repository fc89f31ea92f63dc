import { expect } from '@open-wc/testing';
import {
  addAxisItem,
  addExpectation,
  cellKey,
  cleanMatrix,
  editExpectation,
  moveAxisItem,
  normalizeMatrix,
  removeAxisItem,
  removeExpectation,
  renameAxisItem,
  setFocus,
  successesByWeek,
  validateMatrix,
} from '../../src/expectation-matrix/matrix.js';
import { MATRIX_LIMITS, type ExpectationMatrix } from '../../src/expectation-matrix/schemas.js';

const base = (): ExpectationMatrix => ({
  id: 'm',
  kind: 'school',
  version: 1,
  values: [
    { id: 'safety', label: 'Veiligheid' },
    { id: 'respect', label: 'Respect' },
  ],
  locations: [
    { id: 'class', label: 'Klas' },
    { id: 'corridor', label: 'Gang' },
  ],
  cells: {
    'safety/corridor': [{ id: 'e1', text: 'Ik loop rustig' }],
    'respect/class': [
      { id: 'e2', text: 'Ik steek mijn vinger op' },
      { id: 'e3', text: 'Ik laat een ander uitpraten' },
    ],
  },
  focus: { valueId: 'respect', locationId: 'class', expectationId: 'e3' },
});

describe('matrix rules', () => {
  it('accepts a good matrix unchanged', () => {
    const { matrix, issues } = cleanMatrix(base());
    expect(issues).to.deep.equal([]);
    expect(matrix).to.deep.equal(base());
  });

  it('refuses a matrix broken at the root, naming the field', () => {
    expect(() => cleanMatrix({ id: 'm', kind: 'school', version: 1, values: 'x', locations: [], cells: {} }))
      .to.throw()
      .with.property('kind', 'invalid-data');
    try {
      cleanMatrix({ kind: 'office', version: -1 });
    } catch (error) {
      const paths = (error as { issues: { path: string }[] }).issues.map((i) => i.path);
      expect(paths).to.include('matrix.kind');
      expect(paths).to.include('matrix.id');
    }
  });

  it('repairs and reports: duplicate ids, unknown cells, more than 3 per cell, a focus on nothing', () => {
    const raw = {
      ...base(),
      values: [...base().values, { id: 'safety', label: 'Dubbel' }],
      cells: {
        ...base().cells,
        'ghost/class': [{ id: 'g', text: 'Spook' }],
        'safety/class': [1, 2, 3, 4].map((n) => ({ id: `x${n}`, text: `Afspraak ${n}` })),
        'respect/corridor': [{ id: 'e1', text: 'Zelfde id' }],
      },
      focus: { valueId: 'respect', locationId: 'corridor', expectationId: 'missing' },
    };
    const { matrix, issues } = cleanMatrix(raw);
    expect(matrix.values.map((v) => v.label)).to.deep.equal(['Veiligheid', 'Respect']);
    expect(matrix.cells['ghost/class']).to.equal(undefined);
    expect(matrix.cells['safety/class']).to.have.length(3);
    expect(matrix.cells['respect/corridor']).to.equal(undefined);
    expect(matrix.focus).to.deep.equal({ valueId: 'respect', locationId: 'corridor' });
    expect(issues.map((i) => i.path)).to.have.members([
      'values.2.id',
      'cells.ghost/class',
      'cells.safety/class',
      'cells.respect/corridor.0',
      'focus.expectationId',
    ]);
  });

  it('keeps the first 5 values and 8 locations of an oversized matrix', () => {
    const many = (n: number, p: string) => Array.from({ length: n }, (_, i) => ({ id: `${p}${i}`, label: `${p} ${i}` }));
    const { matrix, issues } = cleanMatrix({ ...base(), values: many(7, 'v'), locations: many(12, 'l'), cells: {}, focus: undefined });
    expect(matrix.values).to.have.length(MATRIX_LIMITS.values);
    expect(matrix.locations).to.have.length(MATRIX_LIMITS.locations);
    expect(issues.map((i) => i.path)).to.deep.equal(['values', 'locations']);
  });

  it('accepts an empty matrix (it shows an empty state)', () => {
    const { matrix, issues } = cleanMatrix({ id: 'm', kind: 'home', version: 0, values: [], locations: [], cells: {} });
    expect(issues).to.deep.equal([]);
    expect(matrix.values).to.deep.equal([]);
  });

  it('validates edits: empty names, empty or 201-character expectations, limits', () => {
    expect(validateMatrix(base())).to.deep.equal([]);
    let m = renameAxisItem(base(), 'locations', 1, '  ');
    m = editExpectation(m, 'safety/corridor', 0, 'x'.repeat(201));
    m = addExpectation(m, 'safety/class', 'new');
    expect(validateMatrix(m)).to.deep.equal([
      { kind: 'empty-name', axis: 'locations', index: 1 },
      { kind: 'empty-expectation', key: 'safety/class' },
      { kind: 'too-long', key: 'safety/corridor', max: 200 },
    ]);
    const tooMany = { ...base(), values: Array.from({ length: 6 }, (_, i) => ({ id: `v${i}`, label: `V${i}` })) };
    expect(validateMatrix(tooMany)).to.deep.include({ kind: 'too-many', axis: 'values', max: 5 });
    const crowded = { ...base(), cells: { 'safety/class': [1, 2, 3, 4].map((n) => ({ id: `c${n}`, text: 'ok' })) } };
    expect(validateMatrix(crowded)).to.deep.include({ kind: 'too-many-in-cell', key: 'safety/class', max: 3 });
  });

  it('adds, renames, moves and removes rows and columns without touching the original', () => {
    const original = base();
    const frozen = structuredClone(original);
    let m = addAxisItem(original, 'locations', 'plein', 'Plein');
    m = moveAxisItem(m, 'locations', 2, -1);
    expect(m.locations.map((l) => l.id)).to.deep.equal(['class', 'plein', 'corridor']);
    expect(moveAxisItem(m, 'locations', 0, -1)).to.equal(m);
    m = removeAxisItem(m, 'values', 1);
    expect(m.values.map((v) => v.id)).to.deep.equal(['safety']);
    expect(Object.keys(m.cells)).to.deep.equal(['safety/corridor']);
    expect(m.focus, 'the focus went with its row').to.equal(undefined);
    expect(original).to.deep.equal(frozen);
  });

  it('stops adding at the limits', () => {
    let m = base();
    for (let i = 0; i < 10; i++) m = addAxisItem(m, 'values', `v${i}`, 'x');
    expect(m.values).to.have.length(5);
    for (let i = 0; i < 5; i++) m = addExpectation(m, 'safety/class', `e${i}`);
    expect(m.cells['safety/class']).to.have.length(3);
  });

  it('drops the focus expectation when that expectation is removed, and can clear the focus', () => {
    const m = removeExpectation(base(), 'respect/class', 1);
    expect(m.focus).to.deep.equal({ valueId: 'respect', locationId: 'class' });
    expect(setFocus(m, undefined).focus).to.equal(undefined);
  });

  it('saves trimmed texts and no empty or orphaned cells', () => {
    const m = {
      ...renameAxisItem(base(), 'values', 0, '  Veiligheid  '),
      cells: { ...base().cells, 'safety/class': [], 'gone/class': [{ id: 'z', text: 'x' }] },
    };
    const saved = normalizeMatrix(editExpectation(m, 'safety/corridor', 0, '  Ik loop rustig  '));
    expect(saved.values[0]!.label).to.equal('Veiligheid');
    expect(saved.cells['safety/corridor']![0]!.text).to.equal('Ik loop rustig');
    expect(Object.keys(saved.cells).sort()).to.deep.equal(['respect/class', 'safety/corridor']);
    expect(cellKey('a', 'b')).to.equal('a/b');
  });

  it('groups successes per ISO week, newest first', () => {
    const s = (id: string, createdAt: string) => ({ id, matrixId: 'm', text: id, createdAt });
    const weeks = successesByWeek([
      s('a', '2026-11-16T10:00:00Z'),
      s('b', '2026-11-20T10:00:00Z'),
      s('c', '2026-11-10T10:00:00Z'),
      s('d', '2026-01-01T10:00:00Z'),
    ]);
    expect(weeks.map((w) => [w.key, w.week])).to.deep.equal([
      ['2026-W47', 47],
      ['2026-W46', 46],
      ['2026-W01', 1],
    ]);
    expect(weeks[0]!.successes.map((x) => x.id)).to.deep.equal(['b', 'a']);
  });
});
