import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { computeReach, MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { configure } from '../../src/core/context.js';
import { SamenLessonClip } from '../../src/lesson-clip/lesson-clip.js';
import { collectErrors, memoryAdapter, renderClip, settled } from '../helpers/fixtures.js';

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (el: HTMLElement) => root(el).textContent.replace(/\s+/g, ' ');
const textarea = (el: HTMLElement) => root(el).querySelector('textarea')!;
const sendButton = (el: HTMLElement) => root(el).querySelector<HTMLButtonElement>('[part~="send-button"]')!;
/** Applied writes other than "seen" marks (the card is on screen, so it also marks itself seen). */
const appliedAnswerWrites = (adapter: MemoryAdapter) => Object.keys(adapter.state.writes).filter((id) => !id.startsWith('seen:')).length;
const answerCalls = (adapter: MemoryAdapter) =>
  adapter.calls.filter((c) => c.method === 'saveHomeAnswer').map((c) => c.input as { id: string; text?: string; kind: string });

async function type(el: SamenLessonClip, value: string) {
  textarea(el).focus();
  textarea(el).value = value;
  textarea(el).dispatchEvent(new Event('input'));
  await el.updateComplete;
}

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
  configure({ adapter: undefined, locale: undefined });
});

describe('<samen-lesson-clip> parent view', () => {
  it('shows the lesson, its goal, what was learned and the home question, accessibly', async () => {
    const el = await renderClip(memoryAdapter());
    await expect(el).to.be.accessible();
    expect(root(el).querySelector('[part~="badge"]')!.textContent).to.equal('WIsH');
    expect(text(el)).to.contain('Les 2');
    expect(root(el).querySelector('h2')!.textContent).to.equal('Wie ben ik?');
    expect(text(el)).to.contain('Doel van de les');
    expect(text(el)).to.contain('Vraag voor thuis');
    expect(text(el)).to.contain('Noem samen drie dingen');
    expect(root(el).querySelectorAll('img')).to.have.length(2);
    for (const img of root(el).querySelectorAll('img')) expect(img.alt).to.not.equal('');
    expect(root(el).querySelector('time')!.textContent).to.match(/^Geplaatst .* geleden$/);
  });

  it('a scheduled clip that has gone out says when it went out, not when the teacher planned it (issue 26)', async () => {
    const adapter = memoryAdapter();
    const clip = adapter.state.clips['wish-2'] as { postedAt: string; scheduledAt?: string };
    const hour = 3_600_000;
    clip.postedAt = new Date(Date.now() - 20 * 24 * hour).toISOString();
    clip.scheduledAt = new Date(Date.now() - 2 * hour).toISOString();
    const el = await renderClip(adapter);
    const time = root(el).querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal(clip.scheduledAt);
    expect(time.textContent).to.match(/^Geplaatst .* geleden$/);
    expect(time.textContent).to.not.match(/dag|week/);
  });

  it('answers with the keyboard only and moves focus to Edit', async () => {
    const adapter = memoryAdapter();
    const el = await renderClip(adapter);
    const answered = oneEvent(el, 'samen-answer');
    textarea(el).focus();
    await sendKeys({ type: 'We oefenden het samen' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(sendButton(el));
    await sendKeys({ press: 'Enter' });
    const { detail } = await answered;
    expect(detail).to.include({ clipId: 'wish-2', kind: 'text', text: 'We oefenden het samen' });
    expect(adapter.state.answers.find((a) => a.familyId === 'fam-01' && a.clipId === 'wish-2')!.text).to.equal('We oefenden het samen');
    await waitUntil(() => root(el).activeElement?.textContent?.trim() === 'Aanpassen', 'focus on Edit');
    expect(root(el).querySelector('[part~="answer"]')!.textContent).to.contain('We oefenden het samen');
    await expect(el).to.be.accessible();
  });

  it('marks "we talked about it" in one tap, then offers an edit that starts empty', async () => {
    const adapter = memoryAdapter();
    const el = await renderClip(adapter);
    const answered = oneEvent(el, 'samen-answer');
    root(el).querySelector<HTMLButtonElement>('[part~="talked-button"]')!.click();
    expect((await answered).detail.kind).to.equal('talked');
    await el.updateComplete;
    expect(text(el)).to.contain('Jullie hebben erover gepraat');
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('[part~="answer"] button')!.click();
    await el.updateComplete;
    expect(textarea(el).value).to.equal('');
    expect(root(el).querySelector('[part~="talked-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('prefills the existing answer when editing', async () => {
    const adapter = memoryAdapter();
    await adapter.saveHomeAnswer({ id: 'a1', clipId: 'wish-2', kind: 'text', text: 'Eerste versie' });
    const el = await renderClip(adapter);
    expect(root(el).querySelector('[part~="answer"]')!.textContent).to.contain('Eerste versie');
    root(el).querySelector<HTMLButtonElement>('[part~="answer"] button')!.click();
    await el.updateComplete;
    expect(textarea(el).value).to.equal('Eerste versie');
  });

  it('keeps the text on a failed send, retries with the same id, and writes once', async () => {
    const adapter = memoryAdapter();
    const el = await renderClip(adapter);
    await type(el, 'Niet kwijtraken');
    adapter.failNext('saveHomeAnswer', 'offline');
    const failed = oneEvent(el, 'samen-error');
    sendButton(el).click();
    const { detail } = await failed;
    expect(detail).to.include({ kind: 'offline', fatal: false });
    await el.updateComplete;
    expect(root(el).querySelector('.send-error')!.textContent).to.contain('Versturen lukte niet. Je tekst is bewaard.');
    expect(textarea(el).value).to.equal('Niet kwijtraken');
    await expect(el).to.be.accessible();

    const answered = oneEvent(el, 'samen-answer');
    root(el).querySelector<HTMLButtonElement>('.send-error button')!.click();
    await answered;
    const calls = answerCalls(adapter);
    expect(calls).to.have.length(2);
    expect(calls[0]!.id).to.equal(calls[1]!.id);
    expect(appliedAnswerWrites(adapter)).to.equal(1);
  });

  it('sends once when Send is double-clicked', async () => {
    const adapter = memoryAdapter({ latency: 30 });
    const el = await renderClip(adapter);
    await type(el, 'Dubbel');
    sendButton(el).click();
    sendButton(el).click();
    await waitUntil(() => root(el).querySelector('[part~="answer"]'));
    expect(answerCalls(adapter)).to.have.length(1);
    expect(appliedAnswerWrites(adapter)).to.equal(1);
  });

  it('keeps the draft when the element is re-created, and reuses the write id after a failed send', async () => {
    const adapter = memoryAdapter();
    let el = await renderClip(adapter);
    await type(el, 'Half getypt');
    el.parentElement!.remove();
    el = await renderClip(adapter);
    expect(textarea(el).value).to.equal('Half getypt');

    adapter.failNext('saveHomeAnswer', 'unavailable');
    sendButton(el).click();
    await waitUntil(() => root(el).querySelector('.send-error'));
    el.parentElement!.remove();
    el = await renderClip(adapter);
    expect(textarea(el).value).to.equal('Half getypt');
    sendButton(el).click();
    await waitUntil(() => root(el).querySelector('[part~="answer"]'));
    const [first, second] = answerCalls(adapter);
    expect(first!.id).to.equal(second!.id);

    // After sending, the draft is gone.
    el.parentElement!.remove();
    el = await renderClip(adapter);
    expect(root(el).querySelector('[part~="answer"]')).to.not.equal(null);
  });

  it('uses a new id when the text changes after a failed send', async () => {
    const adapter = memoryAdapter();
    const el = await renderClip(adapter);
    await type(el, 'Eerste');
    adapter.failNext('saveHomeAnswer', 'offline');
    sendButton(el).click();
    await waitUntil(() => root(el).querySelector('.send-error'));
    await type(el, 'Tweede');
    sendButton(el).click();
    await waitUntil(() => root(el).querySelector('[part~="answer"]'));
    const [first, second] = answerCalls(adapter);
    expect(first!.id).to.not.equal(second!.id);
    expect(second!.text).to.equal('Tweede');
  });

  it('never keeps more than 500 characters of a pasted 40,000-character answer', async () => {
    const adapter = memoryAdapter();
    const el = await renderClip(adapter);
    await type(el, 'x'.repeat(40_000));
    expect(textarea(el).value.length).to.be.at.most(500);
    expect(text(el)).to.contain('Nog 0 tekens');
    sendButton(el).click();
    await waitUntil(() => root(el).querySelector('[part~="answer"]'));
    expect(answerCalls(adapter)[0]!.text!.length).to.equal(500);
  });

  it('marks the clip seen once, when it is on screen', async () => {
    const adapter = memoryAdapter();
    const wrapper = await fixture<HTMLElement>(html`<div>
      <div style="height: 3000px"></div>
      <samen-provider .adapter=${adapter}><samen-lesson-clip clip-id="wish-3"></samen-lesson-clip></samen-provider>
    </div>`);
    const el = wrapper.querySelector('samen-lesson-clip')!;
    // Eager: loaded far below the screen (a card there otherwise waits until it comes near, issue 23).
    await settled(el);
    await new Promise((r) => setTimeout(r, 150));
    expect(adapter.calls.filter((c) => c.method === 'markSeen')).to.have.length(0);
    const seen = oneEvent(el, 'samen-seen');
    el.scrollIntoView();
    expect((await seen).detail).to.deep.equal({ clipId: 'wish-3' });
    expect(adapter.state.seen.some((s) => s.clipId === 'wish-3' && s.familyId === 'fam-01')).to.equal(true);

    wrapper.remove();
    const again = await renderClip(adapter, { clipId: 'wish-3' });
    await new Promise((r) => setTimeout(r, 150));
    expect(adapter.calls.filter((c) => c.method === 'markSeen')).to.have.length(1);
    expect(again).to.exist;
  });
});

describe('<samen-lesson-clip> teacher view', () => {
  it('shows the reach per family and the answers', async () => {
    const adapter = memoryAdapter({ viewerId: 'teacher-1' });
    const el = await renderClip(adapter, { view: 'teacher' });
    await expect(el).to.be.accessible();
    const reach = computeReach('wish-2', 24, adapter.state);
    const values = [...root(el).querySelectorAll('.metric-value')].map((v) => v.textContent);
    expect(values).to.deep.equal([`${reach.seen} van 24 gezinnen`, `${reach.talked} van 24 gezinnen`, `${reach.answered} van 24 gezinnen`]);
    const families = [...root(el).querySelectorAll('[part~="answers"] .family')].map((f) => f.textContent);
    expect(families).to.deep.equal(reach.answers.map((a) => a.familyName));
    expect(root(el).querySelector('textarea')).to.equal(null);
    await new Promise((r) => setTimeout(r, 100));
    expect(adapter.calls.filter((c) => c.method === 'markSeen')).to.have.length(0);
  });

  it('updates live when a parent answers', async () => {
    const adapter = memoryAdapter({ viewerId: 'teacher-1' });
    const el = await renderClip(adapter, { view: 'teacher', clipId: 'wish-8' });
    const before = [...root(el).querySelectorAll('.metric-value')].map((v) => v.textContent);
    await adapter.forViewer('parent-1').saveHomeAnswer({ id: 'live-1', clipId: 'wish-8', kind: 'text', text: 'Live antwoord' });
    await waitUntil(() => text(el).includes('Live antwoord'), 'teacher sees the answer');
    const after = [...root(el).querySelectorAll('.metric-value')].map((v) => v.textContent);
    expect(after[2]).to.not.equal(before[2]);
  });

  it('says so when there are no answers yet', async () => {
    const adapter = memoryAdapter({ viewerId: 'teacher-1' });
    adapter.state.answers = [];
    const el = await renderClip(adapter, { view: 'teacher', locale: 'en' });
    expect(text(el)).to.contain('No answers yet.');
    expect(text(el)).to.contain('0 of 24 families');
    await expect(el).to.be.accessible();
  });

  it('shows "no access" when a parent account asks for the teacher view', async () => {
    const el = await renderClip(memoryAdapter(), { view: 'teacher' });
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('Geen toegang');
    await expect(el).to.be.accessible();
  });
});

describe('<samen-lesson-clip> bad input', () => {
  it('says which field is wrong when the title is missing', async () => {
    const adapter = memoryAdapter();
    const { title: _title, ...rest } = adapter.state.clips['wish-2'] as Record<string, unknown>;
    adapter.setRawClip('wish-2', rest);
    const error = oneEvent(document, 'samen-error');
    const el = await renderClip(adapter);
    const { detail } = await error;
    expect(detail).to.include({ kind: 'invalid-data', fatal: true, element: el });
    const alert = root(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Dit kunnen we niet laten zien');
    expect(alert.textContent).to.contain('Dit veld klopt niet: title');
    expect(root(el).querySelector('[part~="retry"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  for (const src of ['http://example.com/v.mp4', 'javascript:alert(1)', 'data:video/mp4;base64,AAAA']) {
    it(`refuses media at ${src.split(':')[0]}: and still shows the lesson`, async () => {
      const adapter = memoryAdapter();
      const clip = adapter.state.clips['wish-2'] as Record<string, unknown>;
      adapter.setRawClip('wish-2', { ...clip, media: { kind: 'video', src, captions: [] } });
      const error = oneEvent(document, 'samen-error');
      const el = await renderClip(adapter);
      const { detail } = await error;
      expect(detail.fatal).to.equal(false);
      expect(detail.issues[0]!.path).to.match(/^media/);
      expect(root(el).querySelector('h2')!.textContent).to.equal('Wie ben ik?');
      expect(root(el).querySelector('video, source, img')).to.equal(null);
      expect(root(el).querySelector('[part~="notice"]')!.textContent).to.contain('niet veilig');
      expect(root(el).innerHTML).to.not.contain(src);
      await expect(el).to.be.accessible();
    });
  }

  it('renders HTML in any text as text, and clamps a 40,000-character text', async () => {
    const adapter = memoryAdapter();
    const clip = adapter.state.clips['wish-2'] as Record<string, unknown>;
    adapter.setRawClip('wish-2', {
      ...clip,
      title: '<img src=x onerror="window.hacked=1">Titel',
      learned: 'y'.repeat(40_000),
      homeQuestion: '<script>window.hacked=1</script>?',
    });
    const el = await renderClip(adapter);
    expect(root(el).querySelector('h2')!.textContent).to.equal('<img src=x onerror="window.hacked=1">Titel');
    expect(root(el).querySelector('h2 img, script')).to.equal(null);
    expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
    expect(root(el).querySelector('[part~="learned"] p')!.textContent.length).to.be.at.most(4001);
    await expect(el).to.be.accessible();
  });

  it('shows an unknown programme as such, or by the label the host gave', async () => {
    const adapter = memoryAdapter();
    const clip = adapter.state.clips['wish-2'] as Record<string, unknown>;
    adapter.setRawClip('wish-2', { ...clip, programme: 'foo' });
    let el = await renderClip(adapter);
    expect(root(el).querySelector('[part~="badge"]')!.textContent).to.equal('Onbekend lesprogramma');
    adapter.setRawClip('wish-2', { ...clip, programme: 'foo', programmeLabel: 'Rots en Water' });
    el.parentElement!.remove();
    el = await renderClip(adapter);
    expect(root(el).querySelector('[part~="badge"]')!.textContent).to.equal('Rots en Water');
  });

  it('renders a video with captions, poster and no autoplay or preloading', async () => {
    const adapter = new MemoryAdapter({ locale: 'en', videoSrc: 'https://media.school.example/wish-1.mp4' });
    const el = await renderClip(adapter, { clipId: 'wish-1', locale: 'en' });
    const video = root(el).querySelector('video')!;
    expect(video.preload).to.equal('none');
    expect(video.autoplay).to.equal(false);
    expect(video.poster).to.match(/^blob:/);
    expect(video.querySelector('track')!.kind).to.equal('captions');
    expect(video.getAttribute('aria-label')).to.equal('Video: Setting a boundary');
    await expect(el).to.be.accessible();
  });
});

describe('<samen-lesson-clip> states, adapters and languages', () => {
  it('shows a loading state while the adapter is slow', async () => {
    const adapter = memoryAdapter({ latency: 5000 });
    const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter}>
      <samen-lesson-clip clip-id="wish-2"></samen-lesson-clip>
    </samen-provider>`);
    const el = wrapper.querySelector('samen-lesson-clip')!;
    await el.updateComplete;
    expect(root(el).querySelector('[aria-busy="true"] [role="status"]')!.textContent).to.equal('Laden…');
    await expect(el).to.be.accessible();
  });

  const failures = [
    ['offline', 'Geen internet'],
    ['unavailable', 'Even niet beschikbaar'],
    ['not-found', 'Niet gevonden'],
    ['forbidden', 'Geen toegang'],
  ] as const;
  for (const [kind, title] of failures) {
    it(`shows a translated ${kind} state and recovers on retry`, async () => {
      const adapter = memoryAdapter();
      adapter.fail('getLessonClip', kind);
      const el = await renderClip(adapter);
      expect(root(el).querySelector('[role="alert"] h2')!.textContent).to.equal(title);
      await expect(el).to.be.accessible();
      adapter.recover();
      const retry = root(el).querySelector<HTMLButtonElement>('[part~="retry"]');
      if (kind === 'forbidden') {
        expect(retry).to.equal(null);
        return;
      }
      retry!.click();
      await waitUntil(() => root(el).querySelector('h2')?.textContent === 'Wie ben ik?');
    });
  }

  it('says "not connected" without an adapter, and connects through configure()', async () => {
    const el = await renderClip(undefined);
    expect(text(el)).to.contain('Niet verbonden');
    await expect(el).to.be.accessible();
    configure({ adapter: memoryAdapter({ locale: 'en' }), locale: 'en' });
    await waitUntil(() => root(el).querySelector('h2')?.textContent === 'Who am I?');
    // The provider around it says Dutch, and a provider outranks the page-wide default.
    expect(text(el)).to.contain('Vraag voor thuis');
  });

  it('takes its language from the element, then the provider, then the nearest lang', async () => {
    const adapter = memoryAdapter();
    const wrapper = await fixture<HTMLElement>(html`<div lang="en">
      <samen-provider .adapter=${adapter}><samen-lesson-clip clip-id="wish-2"></samen-lesson-clip></samen-provider>
      <samen-provider .adapter=${adapter} locale="nl"><samen-lesson-clip clip-id="wish-2" locale="en"></samen-lesson-clip></samen-provider>
      <samen-provider .adapter=${adapter} locale="en"><samen-lesson-clip clip-id="wish-2"></samen-lesson-clip></samen-provider>
    </div>`);
    const [byLang, byAttribute, byProvider] = [...wrapper.querySelectorAll('samen-lesson-clip')];
    for (const el of [byLang!, byAttribute!, byProvider!]) await settled(el);
    for (const el of [byLang!, byAttribute!, byProvider!]) expect(text(el)).to.contain('Question for home');
    expect(root(byLang!).querySelector('article')!.lang).to.equal('en');
  });
});

describe('<samen-lesson-clip> teacher view on demand', () => {
  /** A lesson clip whose teacher view cannot be loaded (the network failed) until `works` is set. */
  let works = false;
  class BrokenTeacherClip extends SamenLessonClip {
    protected static override loadTeacherView = () =>
      works
        ? import('../../src/lesson-clip/teacher-view.js')
        : Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
  }
  customElements.define('broken-teacher-clip', BrokenTeacherClip);

  it('a teacher view that cannot be loaded shows the error state and fires samen-error; Retry loads it', async () => {
    works = false;
    let el!: BrokenTeacherClip;
    const errors = await collectErrors(async () => {
      const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${memoryAdapter({ viewerId: 'teacher-1' })} locale="nl">
        <broken-teacher-clip clip-id="wish-2" view="teacher"></broken-teacher-clip>
      </samen-provider>`);
      el = wrapper.querySelector<BrokenTeacherClip>('broken-teacher-clip')!;
      await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'error state shown');
    });
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.querySelector('[role="alert"] h2')!.textContent).to.equal('Geen internet');
    expect(el.shadowRoot!.querySelector('[part~="reach"]')).to.equal(null);
    expect(errors.map((e) => [e.kind, e.fatal])).to.deep.equal([['offline', true]]);
    works = true;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="reach"]'), 'teacher view after Retry');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });
});
