import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { OutboxAdapter, type OutboxEntry } from '../../src/adapters/outbox.js';
import type { SamenError } from '../../src/core/errors.js';
import type { LessonClip } from '../../src/lesson-clip/schemas.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-lesson-clip.js';
import '../../src/define/samen-clip-composer.js';
import { NOW, settled } from '../helpers/fixtures.js';

let dbCount = 0;
const dbName = () => `samen-outbox-test-${Date.now()}-${dbCount++}`;
const memory = () => new MemoryAdapter({ now: NOW });
const goOnline = () => window.dispatchEvent(new Event('online'));

async function rejection(promise: Promise<unknown>): Promise<SamenError> {
  try {
    await promise;
  } catch (error) {
    return error as SamenError;
  }
  throw new Error('expected a rejection');
}

/** A teacher's adapter without the optional composing methods (a host that can't take files or publish). */
const withoutComposing = (adapter: MemoryAdapter) =>
  Object.assign(Object.create(adapter) as MemoryAdapter, {
    uploadMedia: undefined,
    getUploadedMedia: undefined,
    publishLessonClip: undefined,
  });
const png = () => new File([new Uint8Array(64).fill(7)], 'kring.png', { type: 'image/png' });
const clipDraft = (mediaId: string) => ({
  classId: 'groep6-wish',
  programme: 'wish' as const,
  title: 'Lichaamstaal',
  homeQuestion: 'Hoe zie je dat iemand zich zeker voelt?',
  media: { kind: 'photos' as const, photos: [{ mediaId, alt: 'Kinderen staan rechtop in een kring' }] },
});

const replies = (adapter: MemoryAdapter, targetId = 'wish-2') => adapter.state.replies[targetId]?.map((r) => r.text) ?? [];

describe('OutboxAdapter', () => {
  const outboxes: OutboxAdapter[] = [];
  const make = (inner: MemoryAdapter, options: ConstructorParameters<typeof OutboxAdapter>[1] = {}) => {
    const outbox = new OutboxAdapter(inner, { backoffMs: 60_000, ...options });
    outboxes.push(outbox);
    return outbox;
  };
  afterEach(() => outboxes.splice(0).forEach((o) => o.dispose()));

  it('sends a write straight through when online and keeps nothing', async () => {
    const inner = memory();
    const outbox = make(inner, { dbName: dbName() });
    const reply = await outbox.addReply({ id: 'w1', targetId: 'wish-2', text: 'Thuis gelukt' });
    expect(reply.text).to.equal('Thuis gelukt');
    expect(await outbox.pending()).to.deep.equal([]);
    expect(replies(inner)).to.include('Thuis gelukt');
  });

  it('keeps writes on the device while offline and sends them in order when back online, once each', async () => {
    const inner = memory();
    const outbox = make(inner, { dbName: dbName() });
    inner.fail('addReply', 'offline');
    const errors = await Promise.all(
      ['een', 'twee', 'drie'].map((text, i) => rejection(outbox.addReply({ id: `w${i}`, targetId: 'wish-2', text }))),
    );
    expect(errors.map((e) => [e.kind, e.queued])).to.deep.equal([
      ['offline', true],
      ['offline', true],
      ['offline', true],
    ]);
    expect((await outbox.pending()).map((e) => e.id)).to.deep.equal(['w0', 'w1', 'w2']);
    const before = inner.appliedWrites;

    inner.recover();
    goOnline();
    await waitUntil(async () => (await outbox.pending()).length === 0, 'outbox never drained');
    expect(replies(inner).slice(-3)).to.deep.equal(['een', 'twee', 'drie']);
    expect(inner.appliedWrites - before).to.equal(3);
  });

  it('resumes queued writes after a reload', async () => {
    const name = dbName();
    const inner = memory();
    const first = make(inner, { dbName: name });
    inner.fail('saveHomeAnswer', 'unavailable');
    await rejection(first.saveHomeAnswer({ id: 'answer-1', clipId: 'wish-2', kind: 'text', text: 'Na het eten besproken' }));
    first.dispose();

    inner.recover();
    const reloaded = make(inner, { dbName: name });
    await waitUntil(async () => (await reloaded.pending()).length === 0, 'not resumed');
    expect((await inner.getHomeAnswer('wish-2'))?.text).to.equal('Na het eten besproken');
  });

  it('keeps one entry when a widget retries the same write id, and applies it once', async () => {
    const inner = memory();
    const outbox = make(inner, { dbName: dbName() });
    inner.fail('addReply', 'offline');
    await rejection(outbox.addReply({ id: 'same', targetId: 'wish-2', text: 'Eén keer' }));
    await rejection(outbox.addReply({ id: 'same', targetId: 'wish-2', text: 'Eén keer' }));
    expect(await outbox.pending()).to.have.length(1);
    inner.recover();
    await outbox.flush();
    expect(replies(inner).filter((t) => t === 'Eén keer')).to.have.length(1);
  });

  it('keeps a thread message written offline and sends it once, also when the widget retries it (issue 24)', async () => {
    const inner = memory();
    const outbox = make(inner, { dbName: dbName() });
    const input = { id: 'msg-1', about: { kind: 'answer' as const, id: 'wish-2' }, familyId: 'fam-01', text: 'Dank je wel!' };
    inner.fail('addThreadMessage', 'offline');
    expect((await rejection(outbox.addThreadMessage!(input))).queued).to.equal(true);
    await rejection(outbox.addThreadMessage!(input));
    expect((await outbox.pending()).map((e) => [e.id, e.method])).to.deep.equal([['msg-1', 'addThreadMessage']]);
    inner.recover();
    await outbox.flush();
    expect(await outbox.pending()).to.have.length(0);
    await outbox.addThreadMessage!(input);
    const thread = await inner.forViewer('teacher-1').getThread({ about: input.about, familyId: 'fam-01' });
    expect(thread.messages.map((m) => m.text)).to.deep.equal(['Dank je wel!']);
  });

  it('drops a write refused for good and says so, leaving the next ones to go', async () => {
    const inner = memory();
    const refused: [OutboxEntry, SamenError][] = [];
    const outbox = make(inner, { dbName: dbName(), onRefused: (entry, error) => refused.push([entry, error]) });
    // As a widget does before it writes: the outbox learns who is signed in (whose the writes are).
    await outbox.getViewer();
    inner.fail('*', 'offline');
    await rejection(outbox.addReply({ id: 'r1', targetId: 'wish-2', text: 'Eerst' }));
    await rejection(outbox.addReply({ id: 'r2', targetId: 'wish-2', text: 'Daarna' }));
    inner.recover();
    inner.failNext('addReply', 'forbidden');
    await outbox.flush();
    expect(refused.map(([entry, error]) => [entry.id, error.kind])).to.deep.equal([['r1', 'forbidden']]);
    expect(await outbox.pending()).to.deep.equal([]);
    expect(replies(inner)).to.include('Daarna');
    expect(replies(inner)).not.to.include('Eerst');
  });

  it('can be switched off for shared devices: nothing is kept', async () => {
    const inner = memory();
    const outbox = make(inner, { dbName: dbName(), enabled: false });
    inner.fail('addReply', 'offline');
    const error = await rejection(outbox.addReply({ id: 'x', targetId: 'wish-2', text: 'Niet bewaren' }));
    expect([error.kind, error.queued]).to.deep.equal(['offline', false]);
    expect(await outbox.pending()).to.deep.equal([]);
  });

  it('passes reads and live updates through', async () => {
    const inner = memory();
    const outbox = make(inner, { dbName: dbName() });
    expect((await outbox.getViewer()).id).to.equal('parent-1');
    let heard = 0;
    const stop = outbox.subscribe('reactions:wish-2', () => (heard += 1));
    await outbox.setReaction({ id: 'like-1', targetId: 'wish-2', reaction: 'like', on: true });
    stop();
    expect(heard).to.equal(1);
  });

  it('makes a widget say "saved on this device", and the answer reaches the teacher once back online', async () => {
    const inner = memory();
    const outbox = make(inner, { dbName: dbName() });
    const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${outbox} locale="nl">
      <samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip>
    </samen-provider>`);
    const clip = wrapper.querySelector('samen-lesson-clip')!;
    await settled(clip);
    inner.fail('saveHomeAnswer', 'offline');
    const textarea = clip.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'In de trein besproken';
    textarea.dispatchEvent(new Event('input'));
    await clip.updateComplete;
    clip.shadowRoot!.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    await waitUntil(() => clip.shadowRoot!.querySelector('.send-error'), 'no message');
    expect(clip.shadowRoot!.querySelector('.send-error')!.textContent).to.contain('Bewaard op dit apparaat');

    inner.recover();
    goOnline();
    const teacher = inner.forViewer('teacher-1');
    await waitUntil(
      async () => (await teacher.getClipReach('wish-2')).answers.some((a) => a.text === 'In de trein besproken'),
      'never arrived',
    );
  });

  describe('composing lesson clips', () => {
    async function composerOn(adapter: OutboxAdapter) {
      const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale="nl">
        <samen-clip-composer .classes=${[{ id: 'groep6-wish', label: 'Groep 6' }]}></samen-clip-composer>
      </samen-provider>`);
      const composer = wrapper.querySelector('samen-clip-composer')!;
      await settled(composer);
      return composer;
    }

    it('offers uploads and publishing exactly when the wrapped adapter has them, and the composer says so', async () => {
      const limited = make(withoutComposing(memory().forViewer('teacher-1')), { dbName: dbName() });
      expect([limited.uploadMedia, limited.getUploadedMedia, limited.publishLessonClip]).to.deep.equal([undefined, undefined, undefined]);
      const cannot = await composerOn(limited);
      expect(cannot.shadowRoot!.querySelector('.no-publish')!.textContent).to.contain('Deze app kan hier geen lesberichten plaatsen');
      expect(cannot.shadowRoot!.querySelector('input[type="file"]')).to.equal(null);
      cannot.parentElement!.remove();

      const full = make(memory().forViewer('teacher-1'), { dbName: dbName() });
      const can = await composerOn(full);
      expect(can.shadowRoot!.querySelector('.no-publish')).to.equal(null);
      expect(can.shadowRoot!.querySelector('.no-upload')).to.equal(null);
      expect(can.shadowRoot!.querySelector('input[type="file"]')).to.exist;
      expect(can.shadowRoot!.querySelector('[part~="publish-button"]')!.getAttribute('aria-disabled')).to.equal('false');
      await expect(can).to.be.accessible();
    });

    it('sends uploads straight through with their progress and never keeps a file on the device', async () => {
      const inner = new MemoryAdapter({ now: NOW, viewerId: 'teacher-1', uploadMs: 50 });
      const outbox = make(inner, { dbName: dbName() });
      const progress: number[] = [];
      const media = await outbox.uploadMedia!(
        { id: 'up-1', file: png(), name: 'kring.png', kind: 'photo' },
        { onProgress: (f) => progress.push(f) },
      );
      expect(media).to.include({ mediaId: 'media-up-1', kind: 'photo', type: 'image/png', size: 64 });
      expect(progress[progress.length - 1]).to.equal(1);
      expect((await outbox.getUploadedMedia!('media-up-1')).src).to.equal(media.src);

      inner.fail('uploadMedia', 'offline');
      const error = await rejection(outbox.uploadMedia!({ id: 'up-2', file: png(), name: 'kring.png', kind: 'photo' }));
      expect([error.kind, error.queued]).to.deep.equal(['offline', false]);
      expect(await outbox.pending()).to.deep.equal([]);
      inner.recover();
      const controller = new AbortController();
      const aborted = outbox.uploadMedia!({ id: 'up-3', file: png(), name: 'kring.png', kind: 'photo' }, { signal: controller.signal });
      controller.abort();
      expect((await rejection(aborted)).name).to.equal('AbortError');
    });

    it('keeps a publish made offline on the device and publishes it once when back online, for the class’s parents to read', async () => {
      const inner = memory().forViewer('teacher-1');
      const outbox = make(inner, { dbName: dbName() });
      const { mediaId } = await outbox.uploadMedia!({ id: 'up-1', file: png(), name: 'kring.png', kind: 'photo' });
      inner.fail('publishLessonClip', 'offline');
      const error = await rejection(outbox.publishLessonClip!({ id: 'pub-1', ...clipDraft(mediaId) }));
      expect([error.kind, error.queued]).to.deep.equal(['offline', true]);
      expect((await outbox.pending()).map((e) => [e.id, e.method])).to.deep.equal([['pub-1', 'publishLessonClip']]);
      const parent = inner.forViewer('parent-1');
      expect((await rejection(parent.getLessonClip('clip-pub-1'))).kind).to.equal('not-found');

      inner.recover();
      goOnline();
      await waitUntil(async () => (await outbox.pending()).length === 0, 'the publish never went out');
      const clip = await parent.getLessonClip('clip-pub-1');
      expect(clip.title).to.equal('Lichaamstaal');
      expect(clip.media).to.deep.include({ kind: 'photos' });
      // The teacher's retry after the outbox sent it (same key) makes no second clip.
      const again = await outbox.publishLessonClip!({ id: 'pub-1', ...clipDraft(mediaId) });
      expect(again.id).to.equal('clip-pub-1');
      expect(
        Object.values(inner.state.clips).filter(
          (c) => (c as LessonClip).title === 'Lichaamstaal' && (c as LessonClip).id.startsWith('clip-'),
        ),
      ).to.have.length(1);
    });

    it('refuses for good a publish queued on an earlier visit when the adapter it now wraps cannot publish', async () => {
      const name = dbName();
      const inner = memory().forViewer('teacher-1');
      const first = make(inner, { dbName: name });
      const { mediaId } = await first.uploadMedia!({ id: 'up-1', file: png(), name: 'kring.png', kind: 'photo' });
      inner.fail('publishLessonClip', 'unavailable');
      await rejection(first.publishLessonClip!({ id: 'pub-2', ...clipDraft(mediaId) }));
      first.dispose();

      inner.recover();
      const refused: [string, string][] = [];
      const reloaded = make(withoutComposing(inner), { dbName: name, onRefused: (entry, e) => refused.push([entry.id, e.kind]) });
      await waitUntil(() => refused.length > 0, 'never refused');
      expect(refused).to.deep.equal([['pub-2', 'forbidden']]);
      expect(await reloaded.pending()).to.deep.equal([]);
    });
  });
});
