// Issue 24 over HTTP on the reference server: the child's choice on a personal chart (POST
// /charts/{chartId}/choice, migration 016): only an option the adults allowed, the chosen reward
// becomes the chart's, a retry with the same Idempotency-Key is the same choice; the class's
// other family may not choose. On PostgreSQL when DATABASE_URL is set (CI), else on PGlite:
// RULES_BACKENDS in helpers.mjs.
//   node --test examples/reference-server/test/choice.test.mjs     (after `npm run build`)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HttpAdapter } from '../../../dist/adapters/http-adapter.js';
import { RULES_BACKENDS, key, startPolicySchool } from './helpers.mjs';

for (const backend of RULES_BACKENDS) {
  describe(`the child’s choice over HTTP on ${backend.name}`, () => {
    let server;
    before(async () => {
      server = await startPolicySchool(backend);
    });
    after(() => server?.stop());

    test('the child picks an allowed goal and reward; an option not offered is refused; a retry is the same choice', async () => {
      const child = new HttpAdapter({ baseUrl: server.base, getToken: () => 'child-login-1', retries: 0 });
      const chart = await child.getRewardChart('personal-child-1');
      const [words, reward] = [chart.choices.words.at(-1), chart.choices.rewards.at(-1)];
      assert.ok(words && reward, 'the seeded chart offers choices');
      const chosen = await child.chooseChartGoal({ id: key(), chartId: 'personal-child-1', wordsId: words.id, rewardId: reward.id });
      assert.deepEqual([chosen.choices.wordsId, chosen.choices.rewardId, chosen.reward], [words.id, reward.id, reward.text]);
      assert.deepEqual((await child.getRewardChart('personal-child-1')).choices, chosen.choices);
      child.dispose();

      const as = server.as('child-login-1');
      const invented = await as('POST', '/charts/personal-child-1/choice', { key: key(), body: { rewardId: 'ice-cream-every-day' } });
      assert.deepEqual([invented.status, invented.body.error.kind], [400, 'invalid-data']);
      const id = key();
      const first = await as('POST', '/charts/personal-child-1/choice', { key: id, body: { wordsId: chart.choices.words[0].id } });
      const again = await as('POST', '/charts/personal-child-1/choice', { key: id, body: { wordsId: chart.choices.words[0].id } });
      assert.deepEqual([first.status, again.status, again.body.choices.wordsId], [200, 200, chart.choices.words[0].id]);
      // The other family of the class may not choose for this child.
      assert.equal(
        (await server.as('parent-3')('POST', '/charts/personal-child-1/choice', { key: key(), body: { wordsId: 'w1' } })).status,
        403,
      );
    });
  });
}
