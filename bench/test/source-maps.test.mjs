// node --test bench/test/ — reading the build's source maps for the benches' CPU profiles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeMappings, sourceMap } from '../source-maps.mjs';

test('mappings decode to [column, source, original line] per generated line, each carried over as the spec says', () => {
  // "AAAA,ICAA": line 0, column 0 → source 0, line 0; column 4 → source 1 (+1). ";AAAA": line 1, column 0 → still source 1.
  assert.deepEqual(decodeMappings('AAAA,ICAA;AAAA'), [
    [
      [0, 0, 0],
      [4, 1, 0],
    ],
    [[0, 1, 0]],
  ]);
  // "AACA": original line +1; "gBCEA": column +16, source +1, original line +2; "A" (one field) maps nothing; "ADAA": source -1.
  assert.deepEqual(decodeMappings('AAAA,AACA,gBCEA;A,ADAA'), [
    [
      [0, 0, 0],
      [0, 0, 1],
      [16, 1, 3],
    ],
    [[0, 0, 3]],
  ]);
  // A multi-digit value: "2HAAA" is column 123 (continuation bit set on "2").
  assert.deepEqual(decodeMappings('2HAAA'), [[[123, 0, 0]]]);
});

test("a position is the last segment at or before the column on that line; none before a line's first segment or on a line without any", () => {
  const map = sourceMap({ sources: ['a.ts', 'b.ts'], mappings: 'AAAA,UCEA;;IAAA' });
  assert.deepEqual(map.position(0, 0), { source: 'a.ts', line: 0 });
  assert.deepEqual(map.position(0, 9), { source: 'a.ts', line: 0 });
  assert.deepEqual(map.position(0, 10), { source: 'b.ts', line: 2 });
  assert.deepEqual(map.position(0, 500), { source: 'b.ts', line: 2 });
  assert.equal(map.position(1, 0), undefined);
  assert.equal(map.position(2, 3), undefined);
  assert.deepEqual(map.position(2, 4), { source: 'b.ts', line: 2 });
  assert.equal(map.position(7, 0), undefined);
});
