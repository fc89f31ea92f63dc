/**
 * Threads everywhere a family sends words (issue 24): the teacher answers a family's reply under
 * a post (feedback bar) and a success they shared (expectation matrix) from the teacher's card;
 * that family sees it live in their own card, unread and announced, and answers back; another
 * family's card never shows it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { memoryAdapter, settled, shadow } from '../helpers/fixtures.js';
import '../../src/define/samen-feedback-bar.js';
import '../../src/define/samen-expectation-matrix.js';
import type { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import type { SamenMessageDetail } from '../../src/core/events.js';

const waitFor = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check(), what).to.equal(true);
};
/** The card's one live region (the announcer's, directly in the shadow root). */
const region = (el: HTMLElement) => [...shadow(el).children].find((c) => c.getAttribute('role') === 'status')?.textContent?.trim() ?? '';

/** A teacher's and a parent's card side by side, each with their own adapter over one store. */
async function sideBySide(tag: 'bar' | 'matrix', parent: MemoryAdapter): Promise<{ teacher: HTMLElement; family: HTMLElement }> {
  const teacherAdapter = parent.forViewer('teacher-1');
  const card = (adapter: MemoryAdapter, view: string) =>
    tag === 'bar'
      ? html`<samen-provider .adapter=${adapter} locale="nl"
          ><samen-feedback-bar target-id="wish-2" view=${view} allow-reply></samen-feedback-bar
        ></samen-provider>`
      : html`<samen-provider .adapter=${adapter} locale="nl"
          ><samen-expectation-matrix matrix-id="matrix-school" view=${view}></samen-expectation-matrix
        ></samen-provider>`;
  const name = tag === 'bar' ? 'samen-feedback-bar' : 'samen-expectation-matrix';
  const teacher = (await fixture<HTMLElement>(card(teacherAdapter, 'teacher'))).querySelector<
    HTMLElement & { updateComplete: Promise<boolean> }
  >(name)!;
  const family = (await fixture<HTMLElement>(card(parent, 'parent'))).querySelector<HTMLElement & { updateComplete: Promise<boolean> }>(
    name,
  )!;
  await settled(teacher);
  await settled(family);
  return { teacher, family };
}

async function teacherAnswers(teacher: HTMLElement, family: string, text: string): Promise<void> {
  const open = [...shadow(teacher).querySelectorAll<HTMLButtonElement>('button.thread-open')].find(
    (b) => b.getAttribute('aria-label') === `Antwoorden: ${family}`,
  );
  expect(open, `"Antwoorden" for ${family}`).to.exist;
  open!.click();
  await waitFor(() => !!shadow(teacher).querySelector('[part~="thread"] textarea'), 'the thread opens in the teacher’s card');
  const thread = shadow(teacher).querySelector<HTMLDetailsElement>('[part~="thread"]')!;
  expect(thread.open, 'opened unfolded').to.equal(true);
  expect(thread.querySelector('summary')!.textContent).to.contain(`Gesprek met ${family}`);
  const box = thread.querySelector('textarea')!;
  box.value = text;
  box.dispatchEvent(new Event('input'));
  await (teacher as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
  thread.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await waitFor(() => region(teacher) === 'Je bericht is verstuurd.', 'sent is announced to the teacher');
}

describe('threads everywhere a family sends words', () => {
  afterEach(() => localStorage.clear());

  it('feedback bar: the teacher answers a family’s reply; the family sees it live, unread, and answers back', async () => {
    const parent = memoryAdapter({ viewerId: 'parent-1' });
    await parent.addReply({ id: 'r-1', targetId: 'wish-2', text: 'We hebben de stappen thuis geoefend.' });
    const { teacher, family } = await sideBySide('bar', parent);
    expect(shadow(family).querySelector('[part~="thread"]'), 'no thread before the teacher writes').to.equal(null);

    const events: SamenMessageDetail[] = [];
    document.addEventListener('samen-message', (e) => events.push(e.detail), { once: true });
    await teacherAnswers(teacher, 'Familie Jansen', 'Wat goed dat jullie oefenden!');

    await waitFor(() => !!shadow(family).querySelector('[part~="thread"]'), 'the answer appears in the family’s card');
    const thread = shadow(family).querySelector<HTMLDetailsElement>('[part~="thread"]')!;
    expect(thread.querySelector('summary')!.textContent).to.contain('Gesprek met de leerkracht');
    expect(thread.querySelector('summary .visually-hidden')!.textContent).to.equal('1 nieuw bericht');
    expect(thread.textContent).to.contain('Wat goed dat jullie oefenden!');
    expect(region(family)).to.equal('Nieuw bericht van Juf Sanne');
    expect(events.map((e) => [e.about.kind, e.about.id, e.familyId, e.from])).to.deep.equal([['reply', 'wish-2', 'fam-01', 'teacher']]);

    thread.querySelector('summary')!.click();
    const box = thread.querySelector('textarea')!;
    box.value = 'Dank je wel!';
    box.dispatchEvent(new Event('input'));
    await (family as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    thread.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(
      () => (shadow(teacher).querySelector('[part~="thread"]')?.textContent ?? '').includes('Dank je wel!'),
      'the teacher sees it live',
    );

    // Family de Vries's bar about the same post shows none of it.
    await parent.forViewer('parent-3').addReply({ id: 'r-3', targetId: 'wish-2', text: 'Wij ook.' });
    const other = (
      await fixture<HTMLElement>(html`<samen-provider .adapter=${parent.forViewer('parent-3')} locale="nl"
        ><samen-feedback-bar target-id="wish-2" allow-reply></samen-feedback-bar
      ></samen-provider>`)
    ).querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('samen-feedback-bar')!;
    await settled(other);
    await new Promise((r) => setTimeout(r, 50));
    expect(shadow(other).querySelector('[part~="thread"]')).to.equal(null);
    expect(shadow(other).textContent).not.to.contain('Wat goed dat jullie oefenden!');
  });

  it('expectation matrix: the teacher answers a shared success; the family sees it in their matrix', async () => {
    const parent = memoryAdapter({ viewerId: 'parent-1' });
    await parent.shareSuccess({ id: 's-1', matrixId: 'matrix-school', text: 'Noor liep rustig de trap af bij oma.' });
    const { teacher, family } = await sideBySide('matrix', parent);
    expect(shadow(family).querySelector('[part~="thread"]'), 'no thread before the teacher writes').to.equal(null);

    await teacherAnswers(teacher, 'Familie Jansen', 'Mooi dat het thuis ook lukt!');
    await waitFor(() => !!shadow(family).querySelector('[part~="thread"]'), 'the answer appears in the family’s matrix');
    const thread = shadow(family).querySelector<HTMLDetailsElement>('[part~="thread"]')!;
    expect(thread.textContent).to.contain('Mooi dat het thuis ook lukt!');
    expect(thread.querySelector('summary .visually-hidden')!.textContent).to.equal('1 nieuw bericht');
    expect(region(family)).to.equal('Nieuw bericht van Juf Sanne');
  });
});
