import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-feedback-bar.js';
import { HttpAdapter, backoff, parseRetryAfter } from '../../src/adapters/http-adapter.js';
import { SamenError } from '../../src/core/errors.js';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** A scripted fetch: each call takes the next response (or error) and is recorded. */
function fakeFetch(script: (Response | Error | (() => Promise<Response>))[]): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetchImpl = (async (url: string, init: RequestInit = {}) => {
    const headers = Object.fromEntries(
      Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
    );
    calls.push({ url, method: init.method ?? 'GET', headers, ...(init.body ? { body: JSON.parse(init.body as string) } : {}) });
    const next = script.shift() ?? new Response(null, { status: 500 });
    if (next instanceof Error) throw next;
    if (typeof next === 'function') {
      return new Promise<Response>((resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
        void next().then(resolve);
      });
    }
    return next;
  }) as unknown as typeof fetch;
  return { fetch: fetchImpl, calls };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const never = () => new Promise<Response>(() => {});

const adapter = (script: Parameters<typeof fakeFetch>[0], options: Partial<ConstructorParameters<typeof HttpAdapter>[0]> = {}) => {
  const fake = fakeFetch(script);
  return {
    http: new HttpAdapter({
      baseUrl: 'https://api.school.example/samen/',
      getToken: () => 'token-123',
      backoffMs: 1,
      fetch: fake.fetch,
      ...options,
    }),
    calls: fake.calls,
  };
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('HttpAdapter', () => {
  it('reads with the bearer token from getToken, on the contract paths', async () => {
    const { http, calls } = adapter([json({ id: 'parent-1', role: 'parent' }), json([])]);
    expect(await http.getViewer()).to.deep.equal({ id: 'parent-1', role: 'parent' });
    await http.getCheckins({ childId: 'child 1', from: '2026-11-01T00:00:00Z' });
    expect(calls[0]).to.deep.include({ url: 'https://api.school.example/samen/viewer', method: 'GET' });
    expect(calls[0]!.headers['authorization']).to.equal('Bearer token-123');
    expect(calls[1]!.url).to.equal('https://api.school.example/samen/children/child%201/checkins?from=2026-11-01T00%3A00%3A00Z');
  });

  it('writes JSON with the write id as Idempotency-Key, and never sends the id in the body', async () => {
    const { http, calls } = adapter([json({ id: 'a1' }), new Response(null, { status: 204 })]);
    await http.award({ id: 'write-7', chartId: 'class-wish', reason: 'Rustig in de gang' });
    await http.undoAward({ id: 'write-8', chartId: 'class-wish', awardId: 'a1' });
    expect(calls[0]).to.deep.include({
      url: 'https://api.school.example/samen/charts/class-wish/awards',
      method: 'POST',
      body: { reason: 'Rustig in de gang' },
    });
    expect(calls[0]!.headers['idempotency-key']).to.equal('write-7');
    expect(calls[0]!.headers['content-type']).to.equal('application/json');
    expect(calls[1]).to.deep.include({ url: 'https://api.school.example/samen/charts/class-wish/awards/a1', method: 'DELETE' });
    expect(calls[1]!.headers['idempotency-key']).to.equal('write-8');
  });

  it('maps every write to its path', async () => {
    const { http, calls } = adapter(Array.from({ length: 9 }, () => json({})));
    await http.saveHomeAnswer({ id: 'k1', clipId: 'wish-2', kind: 'text', text: 'Ja' });
    await http.markSeen({ id: 'k2', clipId: 'wish-2' });
    await http.setReaction({ id: 'k3', targetId: 'wish-2', reaction: 'heart', on: true });
    await http.addReply({ id: 'k4', targetId: 'wish-2', text: 'Fijn' });
    await http.redeem({ id: 'k5', chartId: 'class-wish', nextGoal: 40 });
    await http.saveCheckin({
      id: 'k6',
      checkinId: 'c1',
      childId: 'child-1',
      feeling: 'happy',
      strength: 3,
      context: 'home',
      createdAt: '2026-11-20T10:00:00+01:00',
    });
    const matrix = { id: 'matrix-school', kind: 'school' as const, version: 3, values: [], locations: [], cells: {} };
    await http.saveExpectationMatrix({ id: 'k7', matrix, baseVersion: 3 });
    await http.shareSuccess({ id: 'k8', matrixId: 'matrix-school', text: 'Gelukt' });
    await http.getSuccesses({ matrixId: 'matrix-school' });
    expect(calls.map((c) => `${c.method} ${c.url.replace('https://api.school.example/samen', '')}`)).to.deep.equal([
      'PUT /clips/wish-2/answer',
      'POST /clips/wish-2/seen',
      'PUT /reactions/wish-2/heart',
      'POST /reactions/wish-2/replies',
      'POST /charts/class-wish/redeem',
      'PUT /checkins/c1',
      'PUT /matrices/matrix-school',
      'POST /matrices/matrix-school/successes',
      'GET /matrices/matrix-school/successes',
    ]);
    expect(calls[5]!.body).to.deep.equal({
      childId: 'child-1',
      feeling: 'happy',
      strength: 3,
      context: 'home',
      createdAt: '2026-11-20T10:00:00+01:00',
    });
    expect(calls[6]!.body).to.deep.equal({ matrix, baseVersion: 3 });
  });

  it('batch reads (issue 23): one GET /clips?ids= or /reactions?ids= for many ids, at most 50 a request, one entry per id asked', async () => {
    const clip = (id: string) => ({ id, title: id });
    const ids = Array.from({ length: 60 }, (_, i) => `c-${i}`);
    const { http, calls } = adapter([
      json(ids.slice(0, 50).map((id, i) => (i === 1 ? null : clip(id)))),
      json(ids.slice(50).map(clip)),
      json([{ targetId: 'wish-2' }, null]),
    ]);
    const clips = await http.getLessonClips([...ids, 'not an id', 'c-0']);
    expect(calls.map((c) => c.url.replace('https://api.school.example/samen', ''))).to.deep.equal([
      `/clips?ids=${ids.slice(0, 50).join('%2C')}`,
      `/clips?ids=${ids.slice(50).join('%2C')}`,
    ]);
    expect(clips).to.have.length(62);
    expect(clips.map((c) => c?.id ?? null)).to.deep.equal([...ids.map((id, i) => (i === 1 ? null : id)), null, 'c-0']);
    expect(await http.getReactionSummaries(['wish-2', 'g8-post-1'])).to.deep.equal([{ targetId: 'wish-2' }, null]);
    expect(calls[2]!.url).to.equal('https://api.school.example/samen/reactions?ids=wish-2%2Cg8-post-1');
  });

  it("home answers in a batch (issue 23): one GET /answers?ids= for the feed's clips, null where there is none", async () => {
    const answer = { id: 'a1', clipId: 'wish-2', familyId: 'fam-01', kind: 'talked', updatedAt: '2026-11-20T10:00:00+01:00' };
    const { http, calls } = adapter([json([answer, null])]);
    expect(await http.getHomeAnswers(['wish-2', 'wish-3'])).to.deep.equal([answer, null]);
    expect(calls.map((c) => `${c.method} ${c.url}`)).to.deep.equal(['GET https://api.school.example/samen/answers?ids=wish-2%2Cwish-3']);
  });

  it('a batch answer of the wrong length is refused as unavailable (the widgets then read one by one)', async () => {
    const { http } = adapter([json([{ id: 'wish-2' }])]);
    expect(((await rejection(http.getLessonClips(['wish-2', 'wish-3']))) as SamenError).kind).to.equal('unavailable');
  });

  it('threads (issue 24): the key as query parameters to read, in the body to write, with the write id as Idempotency-Key', async () => {
    const { http, calls } = adapter([json({ messages: [] }), json({ id: 'm1' }), new Response(null, { status: 204 })]);
    const key = { about: { kind: 'answer' as const, id: 'wish-2' }, familyId: 'fam-01' };
    await http.getThread(key);
    await http.addThreadMessage({ id: 'm1', ...key, text: 'Dank u wel!' });
    await http.markThreadRead({ id: 'r1', ...key });
    expect(calls.map((c) => `${c.method} ${c.url.replace('https://api.school.example/samen', '')}`)).to.deep.equal([
      'GET /threads?about.kind=answer&about.id=wish-2&familyId=fam-01',
      'POST /threads/messages',
      'POST /threads/read',
    ]);
    expect(calls[1]!.body).to.deep.equal({ ...key, text: 'Dank u wel!' });
    expect(calls[1]!.headers['idempotency-key']).to.equal('m1');
    expect(calls[2]!.body).to.deep.equal(key);
    expect(calls[2]!.headers['idempotency-key']).to.equal('r1');
  });

  it('the programme’s course (issue 26): meetings, the household’s reply and sheet (204 as null), the teacher’s list and the introduction on their paths; a reply retried keeps its key', async () => {
    const rsvp = { meetingId: 'wish-conversation', familyId: 'fam-01', answer: 'yes', people: 2, updatedAt: '2026-12-01T10:00:00Z' };
    const { http, calls } = adapter([
      json({ id: 'wish-conversation' }),
      new Response(null, { status: 204 }),
      new TypeError('Failed to fetch'),
      json(rsvp),
      json({ meetingId: 'wish-conversation', families: 3, rsvps: [], preparations: [] }),
      new Response(null, { status: 204 }),
      json({ meetingId: 'wish-conversation' }),
      json({ id: 'wish-intro' }),
      json({ error: { kind: 'forbidden' } }, 403),
    ]);
    await http.getMeeting('wish-conversation');
    expect(await http.getRsvp('wish-conversation')).to.equal(null);
    expect(await http.saveRsvp({ id: 'rsvp-1', meetingId: 'wish-conversation', answer: 'yes', people: 2 })).to.deep.equal(rsvp);
    await http.getMeetingReplies('wish-conversation');
    expect(await http.getPreparation('wish-conversation')).to.equal(null);
    const sheet = { keywords: 'voetbal', goesWell: 'Hij helpt graag.', talkAbout: 'Het overblijven.' };
    await http.savePreparation({ id: 'sheet-1', meetingId: 'wish-conversation', ...sheet });
    await http.getProgrammeIntro('wish-intro');
    const refused = await rejection(http.getMeetingReplies('pbs-evening'));
    expect((refused as SamenError).kind).to.equal('forbidden');
    expect(calls.map((c) => `${c.method} ${c.url.replace('https://api.school.example/samen', '')}`)).to.deep.equal([
      'GET /meetings/wish-conversation',
      'GET /meetings/wish-conversation/rsvp',
      'PUT /meetings/wish-conversation/rsvp',
      'PUT /meetings/wish-conversation/rsvp',
      'GET /meetings/wish-conversation/replies',
      'GET /meetings/wish-conversation/preparation',
      'PUT /meetings/wish-conversation/preparation',
      'GET /intros/wish-intro',
      'GET /meetings/pbs-evening/replies',
    ]);
    expect([calls[2]!.body, calls[3]!.body]).to.deep.equal([
      { answer: 'yes', people: 2 },
      { answer: 'yes', people: 2 },
    ]);
    expect([calls[2]!.headers['idempotency-key'], calls[3]!.headers['idempotency-key']]).to.deep.equal(['rsvp-1', 'rsvp-1']);
    expect(calls[6]!.body).to.deep.equal(sheet);
    expect(calls[6]!.headers['idempotency-key']).to.equal('sheet-1');
  });

  it('a thread key field the contract gains later travels without a change (every field of the key, nested by its dotted path)', async () => {
    const { http, calls } = adapter([json({ messages: [] })]);
    const key = { about: { kind: 'child' as const, id: 'child-1' }, familyId: 'fam-01', householdId: 'fam-01-b' };
    await http.getThread(key);
    expect(calls[0]!.url).to.equal(
      'https://api.school.example/samen/threads?about.kind=child&about.id=child-1&familyId=fam-01&householdId=fam-01-b',
    );
  });

  it('evaluations (issue 25): the form, a response and a draft on their paths with the write id as Idempotency-Key; results by run', async () => {
    const { http, calls } = adapter([
      json({ id: 'eval-wish-after' }),
      new Response(null, { status: 503 }),
      json({ evaluationId: 'eval-wish-after', submittedAt: '2026-12-06T20:00:00.000Z', answers: [] }),
      json({ programmeRunId: 'wish-groep6', minimumGroupSize: 5, phases: [] }),
      json({ id: 'eval-wish-after' }),
    ]);
    const answers = [{ questionId: 'rating', value: '4' }];
    await http.getEvaluation('eval-wish-after');
    await http.submitEvaluationResponse({ id: 'r1', evaluationId: 'eval-wish-after', answers });
    await http.getEvaluationResults({ programmeRunId: 'wish groep6' });
    const draft = {
      evaluationId: 'eval-wish-after',
      programmeRunId: 'wish-groep6',
      phase: 'after' as const,
      audiences: ['parent' as const],
      anonymous: true,
      questions: [],
    };
    await http.saveEvaluation({ id: 's1', ...draft });
    expect(calls.map((c) => `${c.method} ${c.url.replace('https://api.school.example/samen', '')}`)).to.deep.equal([
      'GET /evaluations/eval-wish-after',
      'PUT /evaluations/eval-wish-after/response',
      'PUT /evaluations/eval-wish-after/response',
      'GET /evaluation-results?programmeRunId=wish+groep6',
      'PUT /evaluations/eval-wish-after',
    ]);
    expect(calls[1]!.body).to.deep.equal({ answers });
    expect([calls[1]!.headers['idempotency-key'], calls[2]!.headers['idempotency-key']]).to.deep.equal(
      ['r1', 'r1'],
      'a retry carries the same key',
    );
    const { evaluationId: _id, ...body } = draft;
    expect(calls[4]!.body).to.deep.equal(body);
    expect(calls[4]!.headers['idempotency-key']).to.equal('s1');
  });

  it('asks for the viewer once per token (a feed of cards, one request), again for another token or after a failure', async () => {
    let token = 'token-a';
    const { http, calls } = adapter(
      [
        json({ id: 'parent-1', role: 'parent' }),
        json({ id: 'parent-2', role: 'parent' }),
        new Response(null, { status: 503 }),
        json({ id: 'parent-3', role: 'parent' }),
      ],
      { getToken: () => token, retries: 0 },
    );
    const first = await Promise.all([http.getViewer(), http.getViewer()]);
    expect(await http.getViewer()).to.deep.equal(first[0]);
    expect(calls).to.have.length(1);
    token = 'token-b';
    expect((await http.getViewer()).id).to.equal('parent-2');
    expect(calls).to.have.length(2);
    token = 'token-c';
    expect(((await rejection(http.getViewer())) as SamenError).kind).to.equal('unavailable');
    expect((await http.getViewer()).id).to.equal('parent-3');
    expect(calls, 'a failed answer is not kept').to.have.length(4);
  });

  it("one event stream for a page's topics: cards that subscribe one after another open it once, after they settle", async () => {
    const { http, calls } = adapter([never, never]);
    http.subscribe('clip:wish-1', () => {});
    await new Promise((r) => setTimeout(r, 100));
    http.subscribe('reactions:wish-1', () => {});
    await new Promise((r) => setTimeout(r, 100));
    http.subscribe('clip:wish-2', () => {});
    expect(calls, 'no stream while the cards are still subscribing').to.have.length(0);
    await new Promise((r) => setTimeout(r, 400));
    expect(calls.map((c) => decodeURIComponent(c.url.split('topics=')[1] ?? ''))).to.deep.equal([
      'clip:wish-1,reactions:wish-1,clip:wish-2',
    ]);
    http.dispose();
  });

  it('the event stream waits for the reads on their way (the first cards), then opens', async () => {
    let answer!: (response: Response) => void;
    const { http, calls } = adapter([() => new Promise<Response>((resolve) => (answer = resolve)), never], { streamDelayMs: 50 });
    const reading = http.getLessonClip('wish-1');
    http.subscribe('clip:wish-1', () => {});
    await new Promise((r) => setTimeout(r, 300));
    expect(
      calls.map((c) => c.url),
      'no stream while the card is still loading',
    ).to.deep.equal(['https://api.school.example/samen/clips/wish-1']);
    answer(json({ id: 'wish-1' }));
    await reading;
    await new Promise((r) => setTimeout(r, 150));
    expect(calls.map((c) => c.url)[1]).to.equal('https://api.school.example/samen/events?topics=clip%3Awish-1');
    http.dispose();
  });

  it('reads "no answer yet" (204) as null', async () => {
    const { http } = adapter([new Response(null, { status: 204 })]);
    expect(await http.getHomeAnswer('wish-2')).to.equal(null);
  });

  it('maps statuses to error kinds at once, without retrying', async () => {
    // 401 is signed-out even when the body says forbidden (as the reference server's does): signing in again may help.
    for (const [status, kind] of [
      [400, 'invalid-data'],
      [401, 'signed-out'],
      [403, 'forbidden'],
      [404, 'not-found'],
      [409, 'conflict'],
    ] as const) {
      const { http, calls } = adapter([json({ error: { kind: status === 401 ? 'forbidden' : undefined } }, status)]);
      const error = (await rejection(http.getLessonClip('x'))) as SamenError;
      expect(error, String(status)).to.be.instanceOf(SamenError);
      expect(error.kind, String(status)).to.equal(kind);
      expect(calls, String(status)).to.have.length(1);
    }
  });

  it("keeps the server's issues (paths, no values) for invalid data", async () => {
    const { http } = adapter([json({ error: { kind: 'invalid-data', issues: [{ path: 'text', message: 'too long' }, 'junk'] } }, 400)]);
    const error = (await rejection(http.addReply({ id: 'k', targetId: 't', text: 'x' }))) as SamenError;
    expect(error.issues).to.deep.equal([{ path: 'text', message: 'too long' }]);
  });

  it('retries transient failures with the same Idempotency-Key, so a retried write applies once', async () => {
    const { http, calls } = adapter([
      new TypeError('Failed to fetch'),
      json({}, 503, { 'retry-after': '0' }),
      new Response('bad gateway', { status: 502 }),
      json({ id: 'r1', text: 'Fijn', createdAt: '2026-11-20T10:00:00Z' }),
    ]);
    const reply = await http.addReply({ id: 'reply-1', targetId: 'wish-2', text: 'Fijn' });
    expect(reply.id).to.equal('r1');
    expect(calls).to.have.length(4);
    expect(new Set(calls.map((c) => c.headers['idempotency-key']))).to.deep.equal(new Set(['reply-1']));
  });

  it('gives up after its retries with "unavailable", and times out a hanging request', async () => {
    const down = adapter([json({}, 503), json({}, 503), json({}, 503)], { retries: 2 });
    expect(((await rejection(down.http.getViewer())) as SamenError).kind).to.equal('unavailable');
    expect(down.calls).to.have.length(3);
    const hanging = adapter([never], { retries: 0, timeoutMs: 30 });
    const started = performance.now();
    expect(((await rejection(hanging.http.getViewer())) as SamenError).kind).to.equal('unavailable');
    expect(performance.now() - started).to.be.below(1000);
  });

  it('stops at once when the caller aborts (the element went away), without retrying', async () => {
    const { http, calls } = adapter([never, json({})]);
    const controller = new AbortController();
    const pending = rejection(http.getReactions('wish-2', { signal: controller.signal }));
    setTimeout(() => controller.abort(), 10);
    const error = (await pending) as DOMException;
    expect(error.name).to.equal('AbortError');
    expect(calls).to.have.length(1);
    const early = (await rejection(http.getViewer({ signal: AbortSignal.abort() }))) as DOMException;
    expect(early.name).to.equal('AbortError');
  });

  it('honours Retry-After in seconds or as a date, capped at a minute', () => {
    const now = Date.parse('2026-11-20T10:00:00Z');
    expect(parseRetryAfter('2', now)).to.equal(2000);
    expect(parseRetryAfter('Fri, 20 Nov 2026 10:00:05 GMT', now)).to.equal(5000);
    expect(parseRetryAfter('3600', now)).to.equal(60_000);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
    for (let attempt = 0; attempt < 8; attempt++) {
      const wait = backoff(attempt, 500, 10_000);
      expect(wait)
        .to.be.at.least(0)
        .and.below(Math.min(10_000, 500 * 2 ** attempt) + 1);
    }
  });

  it('never writes to the console, not even on failures', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => {
      const original = console[m];
      let calls = 0;
      console[m] = () => void (calls += 1);
      return { restore: () => (console[m] = original), count: () => calls };
    });
    try {
      const { http } = adapter([json({ error: { kind: 'forbidden' } }, 403), new TypeError('Failed to fetch'), json({}, 500)], {
        retries: 1,
      });
      await rejection(http.saveHomeAnswer({ id: 'k', clipId: 'wish-2', kind: 'text', text: 'Privé antwoord' }));
      await rejection(http.getViewer());
    } finally {
      spies.forEach((s) => s.restore());
    }
    expect(spies.map((s) => s.count())).to.deep.equal([0, 0, 0, 0, 0]);
  });

  it('receives live updates over Server-Sent Events, with the token in a header', async () => {
    let push!: (text: string) => void;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const encoder = new TextEncoder();
        push = (text) => controller.enqueue(encoder.encode(text));
      },
    });
    const { http, calls } = adapter([new Response(stream, { status: 200, headers: { 'content-type': 'text/event-stream' } })], {
      streamDelayMs: 0,
    });
    const seen: string[] = [];
    const stop = http.subscribe('reactions:wish-2', () => seen.push('reactions'));
    http.subscribe('clip:wish-2', () => seen.push('clip'));
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).to.have.length(1);
    expect(calls[0]!.url).to.equal('https://api.school.example/samen/events?topics=reactions%3Awish-2%2Cclip%3Awish-2');
    expect(calls[0]!.headers['authorization']).to.equal('Bearer token-123');
    push(': heartbeat\n\nevent: change\ndata: {"topic":"reactions:wish-2"}\n\n');
    push('event: change\ndata: {"topic":"clip:wish-2"}\r\n\r\nevent: change\ndata: not json\n\n');
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).to.deep.equal(['reactions', 'clip']);
    stop();
    http.dispose();
  });

  it('back after a dropped stream, each of its topics is told once, so what changed meanwhile is re-read', async () => {
    const closers: (() => void)[] = [];
    const sse = () => {
      const body = new ReadableStream<Uint8Array>({ start: (controller) => void closers.push(() => controller.close()) });
      return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
    };
    const { http, calls } = adapter([sse(), sse()], { streamDelayMs: 0 });
    const heard: string[] = [];
    http.subscribe('clip:wish-2', () => heard.push('clip'));
    await new Promise((r) => setTimeout(r, 20));
    expect(heard, 'the first connection tells nothing').to.deep.equal([]);
    closers[0]!(); // the connection drops (a proxy's timeout, a phone changing network)
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.filter((c) => c.url.includes('/events'))).to.have.length(2);
    expect(heard, 'told once when it is back').to.deep.equal(['clip']);
    http.dispose();
  });

  it("a feed's many topics go in several streams of at most 32; a new topic re-opens only the stream it joins", async () => {
    const streams: { topics: string[]; signal: AbortSignal; push: (text: string) => void }[] = [];
    const fetchImpl = ((url: string, init: RequestInit = {}) => {
      const topics = decodeURIComponent(new URL(url).searchParams.get('topics') ?? '').split(',');
      let push!: (text: string) => void;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          push = (text) => controller.enqueue(new TextEncoder().encode(text));
        },
      });
      streams.push({ topics, signal: init.signal!, push });
      return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }));
    }) as unknown as typeof fetch;
    const http = new HttpAdapter({ baseUrl: 'https://api.school.example/samen', fetch: fetchImpl, streamDelayMs: 0 });
    const settle = () => new Promise((r) => setTimeout(r, 20));
    const heard: string[] = [];
    const stops = Array.from({ length: 70 }, (_, i) => http.subscribe(`clip:c-${i}`, () => heard.push(`c-${i}`)));
    await settle();
    expect(streams.map((s) => s.topics.length)).to.deep.equal([32, 32, 6]);
    expect(new Set(streams.flatMap((s) => s.topics)).size, 'each topic asked once').to.equal(70);
    streams[2]!.push('event: change\ndata: {"topic":"clip:c-69"}\n\n');
    streams[0]!.push('event: change\ndata: {"topic":"clip:c-0"}\n\n');
    await settle();
    expect(heard).to.have.members(['c-69', 'c-0']);

    http.subscribe('clip:late', () => heard.push('late'));
    await settle();
    expect(streams, 'one stream re-opened').to.have.length(4);
    expect(streams[3]!.topics).to.include('clip:late').and.to.have.length(7);
    expect(streams.slice(0, 2).map((s) => s.signal.aborted)).to.deep.equal([false, false]);
    expect(streams[2]!.signal.aborted, 'the stream it joined was replaced').to.equal(true);

    for (const stop of stops.slice(0, 32)) stop();
    expect(streams[0]!.signal.aborted, 'a stream left without topics closes').to.equal(true);
    http.dispose();
    expect(streams.every((s) => s.signal.aborted)).to.equal(true);
  });

  it('aborts its requests when the widget leaves the page, and loads again when it comes back', async () => {
    const signals: AbortSignal[] = [];
    const fetchImpl = ((_url: string, init: RequestInit = {}) => {
      signals.push(init.signal!);
      return new Promise<Response>((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))),
      );
    }) as unknown as typeof fetch;
    const http = new HttpAdapter({ baseUrl: 'https://api.school.example/samen', fetch: fetchImpl });
    const wrapper = await fixture<HTMLElement>(html`<div><samen-provider .adapter=${http}>
      <samen-feedback-bar target-id="wish-2"></samen-feedback-bar>
    </samen-provider></div>`);
    const provider = wrapper.firstElementChild!;
    await waitUntil(() => signals.length >= 2, 'no requests started');
    const first = signals.slice();
    provider.remove();
    expect(
      first.every((s) => s.aborted),
      'requests aborted on disconnect',
    ).to.equal(true);
    wrapper.append(provider);
    await waitUntil(() => signals.length > first.length, 'no new load after coming back');
    expect(signals.slice(first.length).some((s) => !s.aborted)).to.equal(true);
  });
});

/** A scripted XMLHttpRequest: the test moves its upload along and answers it. */
class FakeXhr extends EventTarget {
  static made: FakeXhr[] = [];
  readonly upload = new EventTarget();
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  responseText = '';
  aborted = false;
  constructor() {
    super();
    FakeXhr.made.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.dispatchEvent(new Event('abort'));
  }
  progress(loaded: number, total: number) {
    this.upload.dispatchEvent(new ProgressEvent('progress', { lengthComputable: true, loaded, total }));
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.dispatchEvent(new Event('load'));
  }
}

describe('HttpAdapter: uploads and publishing lesson clips', () => {
  const photo = (size = 2048) => new File([new Uint8Array(size).fill(1)], 'kring.png', { type: 'image/png' });
  const stored = {
    mediaId: 'media-1',
    kind: 'photo',
    src: 'https://api.school.example/samen/uploads/media-1/content',
    type: 'image/png',
    size: 2048,
    name: 'kring.png',
  };
  const uploader = (options: Partial<ConstructorParameters<typeof HttpAdapter>[0]> = {}) => {
    FakeXhr.made = [];
    return adapter([], { xhr: () => new FakeXhr() as unknown as XMLHttpRequest, ...options }).http;
  };

  it('sends the file as the body of POST /uploads with its type, token and key, and reports progress up to 1 when stored', async () => {
    const http = uploader();
    const progress: number[] = [];
    const file = photo();
    const done = http.uploadMedia({ id: 'upload-1', file, name: 'kring.png', kind: 'photo' }, { onProgress: (f) => progress.push(f) });
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    const xhr = FakeXhr.made[0]!;
    expect(xhr.method).to.equal('POST');
    expect(xhr.url).to.equal('https://api.school.example/samen/uploads?kind=photo&name=kring.png');
    expect(xhr.headers).to.include({ authorization: 'Bearer token-123', 'idempotency-key': 'upload-1', 'content-type': 'image/png' });
    expect(xhr.body).to.equal(file);
    xhr.progress(512, 2048);
    xhr.progress(2048, 2048);
    expect(progress).to.deep.equal([0.25, 0.99]);
    xhr.respond(201, stored);
    expect(await done).to.deep.equal(stored);
    expect(progress).to.deep.equal([0.25, 0.99, 1]);
  });

  it('stops the upload when the signal aborts, and never retries an upload on its own', async () => {
    const http = uploader();
    const controller = new AbortController();
    const aborted = rejection(
      http.uploadMedia({ id: 'upload-2', file: photo(), name: 'kring.png', kind: 'photo' }, { signal: controller.signal }),
    );
    await new Promise((r) => setTimeout(r, 0));
    FakeXhr.made[0]!.progress(100, 2048);
    controller.abort();
    expect(((await aborted) as DOMException).name).to.equal('AbortError');
    expect(FakeXhr.made[0]!.aborted).to.equal(true);

    const failed = rejection(http.uploadMedia({ id: 'upload-3', file: photo(), name: 'kring.png', kind: 'photo' }));
    await new Promise((r) => setTimeout(r, 0));
    FakeXhr.made[1]!.respond(503, { error: { kind: 'unavailable' } });
    expect(((await failed) as SamenError).kind).to.equal('unavailable');
    await new Promise((r) => setTimeout(r, 20));
    expect(FakeXhr.made).to.have.length(2);
  });

  it('maps the server’s refusals (413 too big, 415 wrong type, 403 not a teacher) to error kinds with their issues', async () => {
    const http = uploader();
    const answers: [number, unknown][] = [
      [413, { error: { kind: 'invalid-data', message: 'too big', issues: [{ path: 'file', message: 'too-big' }] } }],
      [415, { error: { kind: 'invalid-data' } }],
      [403, { error: { kind: 'forbidden' } }],
    ];
    const kinds: string[] = [];
    for (const [i, [status, body]] of answers.entries()) {
      const failed = rejection(http.uploadMedia({ id: `u-${i}`, file: photo(), name: 'kring.png', kind: 'photo' }));
      await new Promise((r) => setTimeout(r, 0));
      FakeXhr.made[i]!.respond(status, body);
      const error = (await failed) as SamenError;
      kinds.push(error.kind);
      if (i === 0) expect(error.issues).to.deep.equal([{ path: 'file', message: 'too-big' }]);
    }
    expect(kinds).to.deep.equal(['invalid-data', 'invalid-data', 'forbidden']);
  });

  it('refuses a file outside MEDIA_LIMITS without sending a byte', async () => {
    const http = uploader();
    const tooBig = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'groot.png', { type: 'image/png' });
    const pdf = new File(['%PDF'], 'brief.pdf', { type: 'application/pdf' });
    for (const [file, reason] of [
      [tooBig, 'too-big'],
      [pdf, 'wrong-type'],
    ] as const) {
      const error = (await rejection(http.uploadMedia({ id: 'u', file, name: file.name, kind: 'photo' }))) as SamenError;
      expect(error.kind).to.equal('invalid-data');
      expect(error.issues).to.deep.equal([{ path: 'file', message: reason }]);
    }
    expect(FakeXhr.made).to.have.length(0);
  });

  it('times out an upload only after timeoutMs without progress', async () => {
    // Progress every 100 ms for 600 ms against a 500 ms timeout: longer than the timeout in all,
    // and each gap a fifth of it, so a loaded CI machine's late timers do not fail it.
    const http = uploader({ timeoutMs: 500 });
    const upload = rejection(http.uploadMedia({ id: 'slow', file: photo(), name: 'kring.png', kind: 'photo' }));
    await new Promise((r) => setTimeout(r, 0));
    const xhr = FakeXhr.made[0]!;
    for (let i = 1; i <= 6; i++) {
      await new Promise((r) => setTimeout(r, 100));
      xhr.progress(i * 100, 2048); // still moving after 600 ms in all
    }
    expect(xhr.aborted).to.equal(false);
    expect(((await upload) as SamenError).kind).to.equal('unavailable');
    expect(xhr.aborted).to.equal(true);
  });

  it('uploads through fetch where there is no XMLHttpRequest, with the same headers and no retry', async () => {
    const sent: { url: string; init: RequestInit }[] = [];
    const answers = [new Response(null, { status: 503 }), json(stored, 201)];
    const fetchImpl = (async (url: string, init: RequestInit) => (sent.push({ url, init }), answers.shift()!)) as unknown as typeof fetch;
    const http = new HttpAdapter({
      baseUrl: 'https://api.school.example/samen',
      getToken: () => 'token-123',
      backoffMs: 1,
      fetch: fetchImpl,
      xhr: false,
    });
    const file = photo();
    expect(((await rejection(http.uploadMedia({ id: 'f-1', file, name: 'kring.png', kind: 'photo' }))) as SamenError).kind).to.equal(
      'unavailable',
    );
    expect(sent).to.have.length(1);
    const progress: number[] = [];
    expect(
      await http.uploadMedia({ id: 'f-1', file, name: 'kring.png', kind: 'photo' }, { onProgress: (f) => progress.push(f) }),
    ).to.deep.equal(stored);
    expect(sent[1]!.init.body).to.equal(file);
    expect(sent[1]!.init.headers).to.include({ 'idempotency-key': 'f-1', 'content-type': 'image/png', authorization: 'Bearer token-123' });
    expect(progress).to.deep.equal([1]);
  });

  it('publishes with POST /clips and the write id as Idempotency-Key, retrying a lost response with the same key', async () => {
    const clip = { id: 'clip-p1', programme: 'wish', title: 'Lichaamstaal', classId: 'groep6-wish', postedAt: '2026-11-12T08:00:00Z' };
    const { http, calls } = adapter([new Response(null, { status: 503 }), json(clip), json(stored)]);
    const draft = {
      classId: 'groep6-wish',
      programme: 'wish' as const,
      title: 'Lichaamstaal',
      media: { kind: 'photos' as const, photos: [{ mediaId: 'media-1', alt: 'Een kring' }] },
    };
    expect(await http.publishLessonClip({ id: 'publish-1', ...draft })).to.deep.equal(clip);
    expect(calls.map((c) => [c.method, c.url, c.headers['idempotency-key']])).to.deep.equal([
      ['POST', 'https://api.school.example/samen/clips', 'publish-1'],
      ['POST', 'https://api.school.example/samen/clips', 'publish-1'],
    ]);
    expect(calls[1]!.body).to.deep.equal(draft);
    expect(await http.getUploadedMedia('media 1')).to.deep.equal(stored);
    expect(calls[2]!.url).to.equal('https://api.school.example/samen/uploads/media%201');
  });
});
