import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { HttpAdapter } from '../../src/adapters/http-adapter.js';
import type { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { nearViewportFollowing } from '../../src/core/near-viewport.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-lesson-clip.js';
import type { SamenLessonClip } from '../../src/lesson-clip/lesson-clip.js';
import { memoryAdapter } from '../helpers/fixtures.js';

/**
 * A 200-clip feed keeps its live updates within what a server allows one viewer (issue 23): the
 * reference server answers a seventh open event stream with 429 and a stream of more than 32
 * topics with 400. A parent who scrolls the whole feed must not end up following 400 topics in
 * 13 streams: the cards near the screen are followed, the ones far away are not, and a card
 * that comes back reads again what changed while nobody followed it.
 */

const MAX_TOPICS = 32;
const MAX_STREAMS = 6;

interface Stream {
  topics: string[];
  push(topic: string): void;
}

/** `GET /events` as the reference server answers it, with its limits; nothing else is asked of it here. */
function eventServer() {
  const open = new Set<Stream>();
  const refused: string[] = [];
  let mostOpen = 0;
  const fetchImpl = (input: string | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input);
    if (!url.pathname.endsWith('/events')) return Promise.resolve(new Response('{}', { status: 404 }));
    const topics = (url.searchParams.get('topics') ?? '').split(',');
    if (topics.length > MAX_TOPICS) {
      refused.push(`400: ${topics.length} topics`);
      return Promise.resolve(new Response('{}', { status: 400 }));
    }
    if (open.size >= MAX_STREAMS) {
      refused.push(`429: stream ${open.size + 1}`);
      return Promise.resolve(new Response('{}', { status: 429 }));
    }
    const encoder = new TextEncoder();
    let push: (topic: string) => void = () => {};
    const stream: Stream = { topics, push: (topic) => push(topic) };
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (topic) => controller.enqueue(encoder.encode(`event: change\ndata: ${JSON.stringify({ topic })}\n\n`));
        init?.signal?.addEventListener(
          'abort',
          () => {
            open.delete(stream);
            try {
              controller.error(new DOMException('Aborted', 'AbortError'));
            } catch {
              // already closed
            }
          },
          { once: true },
        );
      },
    });
    open.add(stream);
    mostOpen = Math.max(mostOpen, open.size);
    return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }));
  };
  return {
    fetch: fetchImpl as unknown as typeof fetch,
    refused,
    open,
    mostOpen: () => mostOpen,
    followed: () => new Set([...open].flatMap((s) => s.topics)),
  };
}

/** The demo data with `count` clips (copies of wish-2), read from memory; live updates over HTTP. */
function feed(count: number) {
  const adapter: MemoryAdapter = memoryAdapter();
  const source = adapter.state.clips['wish-2'] as Record<string, unknown>;
  const ids = Array.from({ length: count }, (_, i) => `feed-${i}`);
  for (const id of ids) adapter.state.clips[id] = { ...structuredClone(source), id, title: `Les ${id}` };
  const server = eventServer();
  const http = new HttpAdapter({ baseUrl: 'https://school.example/samen', fetch: server.fetch, streamDelayMs: 0, backoffMs: 60_000 });
  const loose = adapter as unknown as Record<string, unknown>;
  loose['subscribe'] = (topic: string, listener: () => void) => http.subscribe(topic as never, listener);
  const reads: string[] = [];
  const getLessonClips = adapter.getLessonClips.bind(adapter);
  loose['getLessonClips'] = (list: string[], o?: object) => (reads.push(...list), getLessonClips(list, o));
  const getLessonClip = adapter.getLessonClip.bind(adapter);
  loose['getLessonClip'] = (id: string, o?: object) => (reads.push(id), getLessonClip(id, o));
  return { adapter, http, server, ids, reads };
}

const title = (el: SamenLessonClip) => el.shadowRoot?.querySelector('[part="title"]')?.textContent?.trim() ?? '';
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const onScreen = (el: Element) => {
  const box = el.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight;
};

afterEach(() => window.scrollTo(0, 0));

describe('lesson clip feed over HTTP: live updates within the server’s limits (issue 23)', () => {
  it('a parent scrolls a 200-clip feed to its end: never more than 6 streams of 32 topics, the cards in view stay live', async function () {
    this.timeout(120_000);
    const { adapter, http, server, ids, reads } = feed(200);
    const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale="nl">
      ${ids.map((id) => html`<samen-lesson-clip clip-id=${id} loading="lazy" style="display: block; margin-block-end: 16px"></samen-lesson-clip>`)}
    </samen-provider>`);
    const clips = [...wrapper.querySelectorAll<SamenLessonClip>('samen-lesson-clip')];
    try {
      // Down the feed, two screens at a time (every card comes within a screen of the view).
      for (let y = 0; ; y += 2 * window.innerHeight) {
        window.scrollTo(0, y);
        await frame();
        await waitUntil(() => clips.filter(onScreen).every((el) => title(el) !== ''), `the cards in view at ${y} px`);
        if (y >= document.documentElement.scrollHeight - window.innerHeight) break;
      }
      clips[199]!.scrollIntoView();
      await waitUntil(() => title(clips[199]!) === 'Les feed-199', 'the last card');
      await frame();
      await new Promise((r) => setTimeout(r, 50));
      expect(server.refused, 'refused streams').to.deep.equal([]);
      expect(server.mostOpen(), 'streams open at once').to.be.at.most(MAX_STREAMS);
      await waitUntil(
        () => server.followed().has('clip:feed-199') && server.followed().has('reactions:feed-199'),
        'the last card is followed',
      );
      expect(server.followed().has('clip:feed-0'), 'the first card, far above, is not followed').to.equal(false);

      // A change to a card in view arrives live.
      adapter.state.clips['feed-199'] = { ...(adapter.state.clips['feed-199'] as object), title: 'Les feed-199, aangepast' };
      for (const stream of server.open) if (stream.topics.includes('clip:feed-199')) stream.push('clip:feed-199');
      await waitUntil(() => title(clips[199]!) === 'Les feed-199, aangepast', 'the change arrived live');

      // Back at the top: the first card is followed again and reads what changed meanwhile.
      adapter.state.clips['feed-0'] = { ...(adapter.state.clips['feed-0'] as object), title: 'Les feed-0, aangepast' };
      const readsBefore = reads.filter((id) => id === 'feed-0').length;
      window.scrollTo(0, 0);
      await waitUntil(() => server.followed().has('clip:feed-0'), 'the first card is followed again');
      await waitUntil(() => title(clips[0]!) === 'Les feed-0, aangepast', 'the first card read again what changed while it was far');
      expect(reads.filter((id) => id === 'feed-0').length).to.equal(readsBefore + 1);
      expect(server.refused, 'refused streams').to.deep.equal([]);
    } finally {
      wrapper.remove();
      http.dispose();
    }
    await Promise.resolve();
    expect(nearViewportFollowing(), 'nothing keeps watching cards that left the page').to.equal(0);
  });
});
