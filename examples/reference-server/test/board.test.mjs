// Issue 24 over HTTP on the reference server: the class board (GET /clips/{clipId}/board), what
// the class sees together: counts of families with 1 or 2 as "few", and the words of the answers
// whose family chose to share them with the class, without a name, id or time (migration 015,
// src/lesson-clip/board.ts's toClassBoard). The class's children and teacher only (board.read).
// On PostgreSQL when DATABASE_URL is set (CI), else on PGlite:
// RULES_BACKENDS in helpers.mjs.
//   node --test examples/reference-server/test/board.test.mjs     (after `npm run build`)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HttpAdapter } from '../../../dist/adapters/http-adapter.js';
import { RULES_BACKENDS, key, startPolicySchool } from './helpers.mjs';

for (const backend of RULES_BACKENDS) {
  describe(`the class board over HTTP on ${backend.name}`, () => {
    let server;
    before(async () => {
      server = await startPolicySchool(backend);
    });
    after(() => server?.stop());

    test('shows only the shared words, without names, and 1 or 2 families as "few"', async () => {
      // A clip of groep 6 nobody has answered in the seed: the groep 8 copy is another class, so a new one.
      const teacher = server.as('teacher-1');
      const clipId = 'wish-2';
      const before = (await teacher('GET', `/clips/${clipId}/board`)).body;
      const shared = 'Wij hebben samen een wens bedacht voor oma.';
      const put = (who, body) => server.as(who)('PUT', `/clips/${clipId}/answer`, { key: key(), body });
      assert.equal((await put('parent-1', { kind: 'text', text: shared, shareWithClass: true })).status, 200);
      assert.equal((await put('parent-3', { kind: 'text', text: 'Alleen voor de juf bedoeld.' })).status, 200);

      const board = await teacher('GET', `/clips/${clipId}/board`);
      assert.equal(board.status, 200);
      assert.deepEqual(Object.keys(board.body).sort(), ['answers', 'clipId', 'reacted', 'seen', 'talked']);
      const texts = board.body.answers.map((a) => a.text);
      assert.ok(texts.includes(shared), 'the shared answer is on the board');
      assert.ok(!texts.includes('Alleen voor de juf bedoeld.'), 'an answer not shared is not');
      assert.equal(texts.length - before.answers.length, 1);
      for (const a of board.body.answers) assert.deepEqual(Object.keys(a), ['text']);
      const json = JSON.stringify(board.body);
      for (const name of ['Jansen', 'de Vries', 'fam-01', 'fam-02', 'parent-1']) assert.ok(!json.includes(name), `no ${name} on the board`);
      for (const figure of [board.body.seen, board.body.talked, board.body.reacted])
        assert.ok(figure === 'few' || figure === 0 || figure >= 3, `${figure} is 0, few or at least 3`);

      // The child login reads it as the HttpAdapter does; a parent never does.
      const child = new HttpAdapter({ baseUrl: server.base, getToken: () => 'child-login-1', retries: 0 });
      assert.deepEqual(await child.getClassBoard(clipId), board.body);
      child.dispose();
      assert.equal((await server.as('parent-1')('GET', `/clips/${clipId}/board`)).status, 403);
      assert.equal((await server.as('teacher-2')('GET', `/clips/${clipId}/board`)).status, 403);
    });

    test('each figure is the reach’s count of families, 1 or 2 of them as "few", never the number', async () => {
      const coarse = (n) => (n > 0 && n < 3 ? 'few' : n);
      for (const [teacher, clipId] of [
        ['teacher-1', 'wish-3'],
        // groep 7's clip: one family saw it and talked about it at home in the seed.
        ['teacher-2', 'pbs-1'],
      ]) {
        const as = server.as(teacher);
        const [board, reach] = await Promise.all([as('GET', `/clips/${clipId}/board`), as('GET', `/clips/${clipId}/reach`)]);
        assert.deepEqual([board.body.seen, board.body.talked], [coarse(reach.body.seen), coarse(reach.body.talked)], clipId);
      }
      const few = (await server.as('teacher-2')('GET', '/clips/pbs-1/board')).body;
      assert.deepEqual([few.seen, few.talked], ['few', 'few']);
    });
  });
}
