/**
 * The authorization policy's table in docs/integration.md and SECURITY.md is the one
 * scripts/policy-table.mjs generates from src/core/policy.ts, so the documents can't drift from
 * the code. Fix a failure with `node scripts/policy-table.mjs --write`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DOCUMENTS, END, ROOT, START, loadPolicy, policyMarkdown } from '../../scripts/policy-table.mjs';

const policy = await loadPolicy();
const table = policyMarkdown(policy);

for (const document of DOCUMENTS) {
  test(`${document} carries the policy table generated from src/core/policy.ts`, () => {
    const text = readFileSync(join(ROOT, document), 'utf8');
    const start = text.indexOf(START);
    const end = text.indexOf(END);
    assert.ok(start >= 0 && end > start, `${document} should have the policy table markers`);
    assert.equal(text.indexOf(START, start + 1), -1, `${document} should carry the table once`);
    assert.equal(
      text.slice(start, end + END.length),
      table,
      `${document}: the table differs from POLICY; run node scripts/policy-table.mjs --write`,
    );
  });
}

test('the generated table has a row per action with every role’s cell as POLICY says', () => {
  const { ACTIONS, POLICY, ROLES } = policy;
  for (const action of Object.keys(ACTIONS)) {
    const row = table.split('\n').find((line) => line.startsWith(`| \`${action}\` |`));
    assert.ok(row, `a row for ${action}`);
    const cells = row
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    ROLES.forEach((role, i) => {
      const grants = POLICY[action][role] ?? [];
      assert.equal(cells[3 + i], grants.length ? grants.join(' + ') : '—', `${action} × ${role}`);
    });
  }
});
