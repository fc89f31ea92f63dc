// node --test bench/test/ — the budget re-baselining of bench/size.mjs (`--update-budgets`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rebaseline } from '../size.mjs';

test('budgets become measured × 1.05, rounded up to 100 B, and only changes are listed', () => {
  const { budgets, changes } = rebaseline({ core: 20800, 'own/samen-feedback-bar': 4800 }, [
    { name: 'core', gzip: 24155 },
    { name: 'own/samen-feedback-bar', gzip: 4530 },
  ]);
  assert.deepEqual(budgets, { core: 25400, 'own/samen-feedback-bar': 4800 });
  assert.deepEqual(changes, ['~ core: 20,800 → 25,400 (+4,600)']);
});

test('a new entry gets a budget row, a gone one loses its row, peers never get one', () => {
  const { budgets, changes } = rebaseline({ core: 20000, 'own/samen-old-widget': 3000 }, [
    { name: 'core', gzip: 19000 },
    { name: 'own/samen-clip-composer', gzip: 11553 },
    { name: 'peer/sl-card (Shoelace)', gzip: 7999, peer: true },
  ]);
  assert.deepEqual(Object.keys(budgets), ['core', 'own/samen-clip-composer']);
  assert.equal(budgets['own/samen-clip-composer'], 12200);
  assert.equal(budgets.core, 20000);
  assert.deepEqual(changes, ['- own/samen-old-widget: 3,000 (no longer built)', '+ own/samen-clip-composer: 12,200 (new)']);
});

test('a budget that shrinks is listed with its minus sign', () => {
  const { budgets, changes } = rebaseline({ core: 30000 }, [{ name: 'core', gzip: 10000 }]);
  assert.equal(budgets.core, 10500);
  assert.deepEqual(changes, ['~ core: 30,000 → 10,500 (-19,500)']);
});
