import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { configure } from '../../src/core/context.js';
import type { SamenAttentionDetail } from '../../src/core/events.js';
import type { SamenLessonClip } from '../../src/lesson-clip/lesson-clip.js';
import { memoryAdapter, renderClip, settled } from '../helpers/fixtures.js';

/**
 * Every carer counts, as their family: two households of one child are one family reached. Each
 * carer's answer is their own: the other household doesn't read it; the teacher reads both.
 */
const root = (el: HTMLElement) => el.shadowRoot!;
const text = (el: HTMLElement) => root(el).textContent.replace(/\s+/g, ' ');
const metric = (el: HTMLElement, label: string) =>
  [...root(el).querySelectorAll('.metric')].find((m) => m.querySelector('dt')!.textContent === label)!.querySelector('.metric-value')!
    .textContent;

async function refreshed(el: SamenLessonClip, change: () => Promise<unknown>) {
  await change();
  // The adapter notifies clip:<id>; the card re-reads. Wait for that read to land.
  await new Promise((r) => setTimeout(r, 30));
  await settled(el);
}

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
  configure({ adapter: undefined, locale: undefined });
});

describe('<samen-lesson-clip> families, not clicks', () => {
  it('two carers of one family (two households) count as one family seen, talked and answered', async () => {
    const adapter = memoryAdapter();
    const mum = adapter; // parent-1, household 1
    const dad = adapter.forViewer('parent-2'); // parent-2, household 2, same family fam-01
    const teacher = await renderClip(adapter.forViewer('teacher-1'), { view: 'teacher', locale: 'en' });
    const before = {
      seen: metric(teacher, 'Seen'),
      talked: metric(teacher, 'Talked about at home'),
      answered: metric(teacher, 'Answered'),
    };
    const n = (s: string) => Number(s.split(' ')[0]);

    await refreshed(teacher, () => mum.markSeen({ id: 'seen-mum', clipId: 'wish-2' }));
    expect(n(metric(teacher, 'Seen'))).to.equal(n(before.seen) + 1);
    await refreshed(teacher, () => dad.markSeen({ id: 'seen-dad', clipId: 'wish-2' }));
    expect(n(metric(teacher, 'Seen')), 'second carer adds nothing').to.equal(n(before.seen) + 1);

    await refreshed(teacher, () => dad.saveHomeAnswer({ id: 'talk-dad', clipId: 'wish-2', kind: 'talked' }));
    expect(n(metric(teacher, 'Talked about at home'))).to.equal(n(before.talked) + 1);
    await refreshed(teacher, () => mum.saveHomeAnswer({ id: 'text-mum', clipId: 'wish-2', kind: 'text', text: 'We oefenden het samen' }));
    expect(n(metric(teacher, 'Talked about at home')), 'one family, one talk').to.equal(n(before.talked) + 1);
    expect(n(metric(teacher, 'Answered'))).to.equal(n(before.answered) + 1);
    expect(metric(teacher, 'Seen')).to.match(/of 24 families$/);
    await expect(teacher).to.be.accessible();
  });

  it('each carer’s answer is their own: the other household does not read it, and is asked for its own', async () => {
    const adapter = memoryAdapter();
    await adapter.saveHomeAnswer({ id: 'a1', clipId: 'wish-2', kind: 'text', text: 'Samen geoefend bij het eten' });
    const dad = await renderClip(adapter.forViewer('parent-2'));
    expect(root(dad).querySelector('[part~="answer"]')).to.equal(null);
    expect(text(dad)).to.not.contain('Samen geoefend bij het eten');
    expect(root(dad).querySelector<HTMLTextAreaElement>('[part~="answer-input"]')!.value).to.equal('');
    expect(dad.needsAttention).to.equal(true);
    await expect(dad).to.be.accessible();

    // Dad answers too: neither replaces the other's, each reads back their own.
    await adapter.forViewer('parent-2').saveHomeAnswer({ id: 'a2', clipId: 'wish-2', kind: 'text', text: 'Bij mij thuis ook geoefend' });
    expect((await adapter.getHomeAnswer('wish-2'))!.text).to.equal('Samen geoefend bij het eten');
    expect((await adapter.forViewer('parent-2').getHomeAnswer('wish-2'))!.text).to.equal('Bij mij thuis ook geoefend');
    expect(await adapter.forViewer('parent-3').getHomeAnswer('wish-2')).to.equal(null);
  });

  it('the teacher lists each carer’s answer and counts the family once', async () => {
    const adapter = memoryAdapter({ locale: 'en' });
    const teacherAdapter = adapter.forViewer('teacher-1');
    const before = await teacherAdapter.getClipReach('wish-2');
    await adapter.saveHomeAnswer({ id: 'mum', clipId: 'wish-2', kind: 'text', text: 'Practised at dinner' });
    await adapter
      .forViewer('parent-2')
      .saveHomeAnswer({ id: 'dad', clipId: 'wish-2', kind: 'text', text: 'Practised on the way to school' });
    const after = await teacherAdapter.getClipReach('wish-2');
    expect(after.answered, 'one family answered').to.equal(before.answered + 1);
    expect(after.talked).to.equal(before.talked + 1);
    expect(after.answers.length, 'both answers listed').to.equal(before.answers.length + 2);
    expect(
      after.answers
        .filter((a) => a.familyId === 'fam-01')
        .map((a) => a.text)
        .sort(),
    ).to.deep.equal(['Practised at dinner', 'Practised on the way to school']);
    // No viewer ids leave the adapter: a carer is known to the teacher by name only.
    expect(JSON.stringify(after)).to.not.match(/parent-[12]|carerId/);
    const teacher = await renderClip(teacherAdapter, { view: 'teacher', locale: 'en' });
    const listed = root(teacher).querySelector('[part~="answers"]')!.textContent;
    expect(listed).to.contain('Practised at dinner');
    expect(listed).to.contain('Practised on the way to school');
    await expect(teacher).to.be.accessible();
  });

  it('lists the families not reached yet, privately and collapsed, for the teacher only', async () => {
    const adapter = memoryAdapter({ locale: 'en' });
    const teacher = await renderClip(adapter.forViewer('teacher-1'), { view: 'teacher', locale: 'en' });
    const details = root(teacher).querySelector<HTMLDetailsElement>('details[part~="not-reached"]')!;
    expect(details.open, 'collapsed until the teacher opens it').to.equal(false);
    const reach = await adapter.forViewer('teacher-1').getClipReach('wish-2');
    const missing = 24 - reach.seen;
    expect(reach.notReached).to.have.length(missing);
    expect(details.querySelector('summary')!.textContent).to.equal(`Not reached yet: ${missing} of 24 families`);
    const names = () => [...details.querySelectorAll('li')].map((li) => li.textContent);
    expect(names()).to.include('The Jansen family');
    expect(details.textContent).to.contain('Only you see this list. Maybe ask in person?');
    details.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(details.open).to.equal(true);
    await expect(teacher).to.be.accessible();

    // The second household's carer sees the clip: the Jansen family is reached.
    await refreshed(teacher, () => adapter.forViewer('parent-2').markSeen({ id: 's2', clipId: 'wish-2' }));
    expect(names()).to.not.include('The Jansen family');
    expect(names()).to.have.length(missing - 1);
  });

  it('says so kindly when every family was reached', async () => {
    const adapter = memoryAdapter({ locale: 'en' });
    for (const family of adapter.state.families['groep6-wish']!) adapter.state.seen.push({ clipId: 'wish-2', familyId: family.familyId });
    const teacher = await renderClip(adapter.forViewer('teacher-1'), { view: 'teacher', locale: 'en' });
    expect(root(teacher).querySelector('details')).to.equal(null);
    expect(root(teacher).querySelector('[part~="not-reached"]')!.textContent).to.equal('Every family has seen this lesson post.');
    await expect(teacher).to.be.accessible();
  });

  it('shows no list when the host sends none (the field is optional)', async () => {
    const adapter = memoryAdapter();
    const teacherAdapter = adapter.forViewer('teacher-1');
    const original = teacherAdapter.getClipReach.bind(teacherAdapter);
    teacherAdapter.getClipReach = async (id, options) => {
      const { notReached: _dropped, ...rest } = await original(id, options);
      return rest;
    };
    const teacher = await renderClip(teacherAdapter, { view: 'teacher' });
    expect(root(teacher).querySelector('[part~="not-reached"]')).to.equal(null);
    expect(text(teacher)).to.contain('Bereik in de klas');
  });

  it('never shows other families in a parent view', async () => {
    const parent = await renderClip(memoryAdapter(), { locale: 'en' });
    expect(root(parent).querySelector('[part~="not-reached"], [part~="reach"], [part~="answers"]')).to.equal(null);
    expect(text(parent)).to.not.contain('family');
  });
});

describe('<samen-lesson-clip> an answer from home while a carer is typing', () => {
  const box = (el: HTMLElement) => root(el).querySelector<HTMLTextAreaElement>('[part~="answer-input"]');
  const type = async (el: SamenLessonClip, words: string) => {
    box(el)!.value = words;
    box(el)!.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  };
  const button = (el: HTMLElement, name: string) =>
    [...root(el).querySelectorAll<HTMLButtonElement>('form button')].find((b) => b.textContent.trim() === name)!;
  /** The same carer answers on another device (their tablet): the card hears it live. */
  const fromTheTablet = (adapter: MemoryAdapter) =>
    adapter
      .forViewer('parent-1')
      .saveHomeAnswer({ id: 'from-the-tablet', clipId: 'wish-2', kind: 'text', text: 'Op de tablet geschreven' });
  /** A parent's card with `words` typed (or none), when the tablet's answer has come in live. */
  const answeredWhileTyping = async (words?: string) => {
    const adapter = memoryAdapter();
    const el = await renderClip(adapter, { locale: 'en' });
    if (words) await type(el, words);
    await fromTheTablet(adapter);
    await waitUntil(
      () => root(el).querySelector('[part~="answered-meanwhile"]') || text(el).includes('Op de tablet geschreven'),
      'the answer came in',
    );
    return { adapter, el };
  };

  it('keeps the unsent words in their box and says an answer came in; Cancel shows that answer', async () => {
    const { el } = await answeredWhileTyping('Our own words, not sent yet');
    expect(root(el).querySelector('[part~="answered-meanwhile"]'), 'the card says an answer came in').to.exist;
    expect(box(el)?.value, 'the words typed are still in the box').to.equal('Our own words, not sent yet');
    expect(text(el)).to.contain('An answer from home just came in. Your text is still below.');
    await expect(el).to.be.accessible();

    button(el, 'Cancel').click();
    await waitUntil(() => !box(el), 'Cancel closes the box');
    expect(text(el)).to.contain('Op de tablet geschreven');
    expect(root(el).querySelector('[part~="answered-meanwhile"]')).to.equal(null);
  });

  it('sends the words kept in the box in place of the answer that came in', async () => {
    const { adapter, el } = await answeredWhileTyping('Our own words, sent after all');
    expect(root(el).querySelector('[part~="answered-meanwhile"]'), 'the card says an answer came in').to.exist;
    button(el, 'Send').click();
    await waitUntil(() => !box(el) && text(el).includes('Our own words, sent after all'), 'the words kept are sent');
    expect(root(el).querySelector('[part~="answered-meanwhile"]')).to.equal(null);
    expect((await adapter.getHomeAnswer('wish-2'))?.text).to.equal('Our own words, sent after all');
  });

  it('with nothing typed, the answer that came in takes the form’s place', async () => {
    const { el } = await answeredWhileTyping();
    expect(text(el)).to.contain('Op de tablet geschreven');
    expect(box(el)).to.equal(null);
    expect(root(el).querySelector('[part~="answered-meanwhile"]')).to.equal(null);
  });
});

describe('<samen-lesson-clip> needsAttention', () => {
  it('is true for an unanswered home question, with samen-attention, and false once the family talked about it', async () => {
    const adapter = memoryAdapter();
    const events: SamenAttentionDetail[] = [];
    const listener = (e: Event) => events.push((e as CustomEvent<SamenAttentionDetail>).detail);
    document.addEventListener('samen-attention', listener);
    try {
      const el = await renderClip(adapter, { locale: 'en' });
      await waitUntil(() => events.length === 1, 'samen-attention after load');
      expect(el.needsAttention).to.equal(true);
      expect(events[0]).to.deep.equal({ clipId: 'wish-2', needsAttention: true });
      await expect(el).to.be.accessible();
      // No pressure in the card: no streaks, no counting down, no "you haven't…".
      expect(text(el)).to.not.match(/streak|days in a row|reeks|haven’t|have not|niet gedaan|still/i);

      const answered = oneEvent(el, 'samen-answer');
      root(el).querySelector<HTMLButtonElement>('[part~="talked-button"]')!.click();
      await answered;
      await waitUntil(() => events.length === 2, 'samen-attention after the answer');
      expect(events[1]).to.deep.equal({ clipId: 'wish-2', needsAttention: false });
      expect(el.needsAttention).to.equal(false);
      await expect(el).to.be.accessible();
    } finally {
      document.removeEventListener('samen-attention', listener);
    }
  });

  it('is read-only, false in the teacher view and without a home question, and fires nothing then', async () => {
    const adapter = memoryAdapter();
    const { homeQuestion: _none, ...clip } = (await adapter.getLessonClip('wish-3')) as unknown as Record<string, unknown>;
    adapter.setRawClip('wish-3', clip);
    const events: Event[] = [];
    const listener = (e: Event) => events.push(e);
    document.addEventListener('samen-attention', listener);
    try {
      const noQuestion = await renderClip(adapter, { clipId: 'wish-3' });
      const teacher = await renderClip(adapter.forViewer('teacher-1'), { view: 'teacher' });
      await new Promise((r) => setTimeout(r, 50));
      expect(noQuestion.needsAttention).to.equal(false);
      expect(teacher.needsAttention).to.equal(false);
      expect(events).to.have.length(0);
      expect(() => ((noQuestion as unknown as { needsAttention: boolean }).needsAttention = true)).to.throw();
    } finally {
      document.removeEventListener('samen-attention', listener);
    }
  });

  it('is false while the card has not loaded or failed to load', async () => {
    const adapter = memoryAdapter();
    adapter.fail('getLessonClip', 'unavailable');
    const wrapper = await fixture<HTMLElement>(
      html`<samen-provider .adapter=${adapter}><samen-lesson-clip clip-id="wish-2"></samen-lesson-clip></samen-provider>`,
    );
    const el = wrapper.querySelector<SamenLessonClip>('samen-lesson-clip')!;
    expect(el.needsAttention).to.equal(false);
    await waitUntil(() => root(el).querySelector('[part~="error"]'), 'error state');
    expect(el.needsAttention).to.equal(false);
    expect(adapter).to.be.instanceOf(MemoryAdapter);
  });
});
