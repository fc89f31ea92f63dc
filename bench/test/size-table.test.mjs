// node --test bench/test/ — the sizes (bench/size.mjs, after `npm run build`): every row within its
// budget, and BENCHMARKS.md's size tables exactly what the code measures, so they cannot go stale
// (issue 23). Sizes are deterministic for a tree and its lockfile. Fix a table with
// `node bench/size.mjs --write`, a budget with a smaller change or `--update-budgets` in review.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BENCHMARKS, fingerprintOf, sizeInputs, sizeMarkdown, sizesForTree } from '../size.mjs';
import { WIDGETS } from '../../scripts/widgets.mjs';

// The measurement `node bench/size.mjs --write` recorded, while its inputs are this tree's (the
// fingerprint matches), else measured now; SAMEN_MEASURE_SIZES=1 always measures.
const { sizes, recorded } = await sizesForTree({ fresh: process.env.SAMEN_MEASURE_SIZES === '1' });
const tables = sizeMarkdown(sizes);
const committed = readFileSync(BENCHMARKS, 'utf8');

test(`the sizes are this tree's: ${recorded ? "recorded from exactly these inputs (bench/sizes.json's fingerprint)" : 'measured now'}`, () => {
  assert.ok(sizes.rows.length > 20, 'every entry has a row');
});

test('the fingerprint covers every input of the sizes, and any byte of any of them changes it', () => {
  const inputs = sizeInputs();
  for (const file of [
    'src/core/samen-element.ts',
    'src/define/samen-feedback-bar.ts',
    'package-lock.json',
    'bench/size.mjs',
    'bench/budgets.json',
    'rollup.config.js',
  ])
    assert.ok(inputs.includes(file), `${file} is an input of the sizes`);
  const files = [
    { path: 'src/a.ts', bytes: 'export const a = 1;' },
    { path: 'package-lock.json', bytes: '{}' },
  ];
  const before = fingerprintOf(files);
  assert.notEqual(fingerprintOf([{ ...files[0], bytes: 'export const a = 2;' }, files[1]]), before, 'a changed byte');
  assert.notEqual(fingerprintOf([files[0], files[1], { path: 'src/b.ts', bytes: '' }]), before, 'a new file');
  assert.notEqual(fingerprintOf([{ ...files[0], path: 'src/c.ts' }, files[1]]), before, 'a renamed file');
  assert.equal(fingerprintOf(files.map((f) => ({ ...f }))), before, 'the same files, the same fingerprint');
});

test('every size is measured (no build or measuring error, no language but Dutch in the widgets)', () => {
  assert.deepEqual(
    sizes.errors.filter((e) => !/: no budget \(|is over its budget/.test(e)),
    [],
  );
});

for (const row of sizes.rows.filter((r) => !r.peer)) {
  test(`${row.name}: within its budget in bench/budgets.json`, () => {
    assert.equal(typeof row.budget, 'number', `${row.name} has no budget: add one, or run node bench/size.mjs --update-budgets`);
    assert.ok(
      row.gzip <= /** @type {number} */ (row.budget),
      `${row.name}: ${row.gzip.toLocaleString('en-US')} B min+gzip is over its budget of ${row.budget?.toLocaleString('en-US')} B`,
    );
  });
}

for (const [name, body] of Object.entries(tables)) {
  test(`BENCHMARKS.md's ${name} table names modules the same on every machine (no path of this clone)`, () => {
    const clone = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');
    assert.ok(!body.includes(clone), `the ${name} table names a module by this clone's path (${clone})`);
    assert.doesNotMatch(body, /node_modules/, `the ${name} table should name a package's module by the package`);
  });

  test(`BENCHMARKS.md's ${name} table is the one bench/size.mjs measures for this tree`, () => {
    const start = `<!-- bench:${name}:start -->`;
    const end = `<!-- bench:${name}:end -->`;
    const from = committed.indexOf(start);
    const to = committed.indexOf(end);
    assert.ok(from >= 0 && to > from, `BENCHMARKS.md should have the ${start} … ${end} markers`);
    assert.equal(committed.indexOf(start, from + 1), -1, `BENCHMARKS.md should carry the ${name} table once`);
    assert.equal(
      committed.slice(from + start.length, to),
      `\n${body}\n`,
      `BENCHMARKS.md's ${name} table differs from what the code measures: run node bench/size.mjs --write`,
    );
  });
}

test('against the peers, ours is what a page loads up front for one language: the entry+lit row, other languages and the teacher view on demand', () => {
  const parents = WIDGETS.filter((w) => w.views.includes('parent')).map((w) => w.tag);
  assert.ok(sizes.comparisons.length >= 3, 'every peer is compared');
  for (const c of sizes.comparisons) {
    assert.ok(parents.includes(c.ours), `${c.ours} is a parent-facing widget`);
    const ours = sizes.rows.find((r) => r.name === `entry+lit/${c.ours}`);
    const line = tables['size-peers'].split('\n').find((l) => l.startsWith(`| ${c.ours} |`));
    assert.ok(ours && line, `${c.ours}: an entry+lit/ row and a line in the peer table`);
    assert.equal(line.split('|')[2].trim(), ours.gzip.toLocaleString('en-US'), `${c.ours}: the peer table shows the entry+lit/ figure`);
    // Every other language is a chunk of its own, loaded on demand, and so is a teacher view.
    const lazy = c.lazy.map((l) => l.name);
    for (const lang of ['en', 'ar', 'tr', 'pl', 'uk'])
      assert.ok(
        lazy.some((name) => name.split(' + ').includes(`locales/${lang}`)),
        `${c.ours}: ${lang} loads on demand (${lazy.join('; ')})`,
      );
    assert.ok(
      lazy.some((name) => /teacher-view/.test(name)),
      `${c.ours}: its teacher view loads on demand (${lazy.join('; ')})`,
    );
  }
});

test('the size table shows the issues’ targets as met or not met, never as a budget', () => {
  const five = tables.sizes.split('\n').find((l) => l.startsWith('| five parent widgets + lit |'));
  const bar = tables.sizes.split('\n').find((l) => l.startsWith('| entry+lit/samen-feedback-bar |'));
  assert.match(five ?? '', /\| 51,200: (met|\*\*not met\*\*) \|$/);
  assert.match(bar ?? '', /\| 18,432: (met|\*\*not met\*\*) \|$/);
});
