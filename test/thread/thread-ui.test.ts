/**
 * The thread in the lesson clip (issue 24): under their sent answer a family sees the teacher's
 * answer arrive live in the same card, with an unread mark screen readers hear, an announcement
 * and a `samen-message` event; they answer back; another family's card never shows it; the
 * message being typed survives a reload.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { memoryAdapter, renderClip, settled, shadow } from '../helpers/fixtures.js';
import type { SamenMessageDetail } from '../../src/core/events.js';
import type { MemoryAdapter } from '../../src/adapters/memory-adapter.js';

const JANSEN = { about: { kind: 'answer' as const, id: 'wish-2' }, familyId: 'fam-01' };

async function answered(): Promise<MemoryAdapter> {
  const parent = memoryAdapter({ viewerId: 'parent-1' });
  await parent.saveHomeAnswer({ id: 'a-1', clipId: 'wish-2', kind: 'text', text: 'We hebben het thuis geoefend.' });
  return parent;
}

const waitFor = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check(), what).to.equal(true);
};
const region = (el: HTMLElement) => shadow(el).querySelector('[role="status"]')?.textContent?.trim() ?? '';

describe('thread in the lesson clip (parent)', () => {
  afterEach(() => localStorage.clear());

  it('shows nothing until the teacher answers; then the answer arrives live, unread, announced and as samen-message', async () => {
    const parent = await answered();
    const el = await renderClip(parent);
    expect(shadow(el).querySelector('[part~="thread"]'), 'no thread before the teacher writes').to.equal(null);

    const events: SamenMessageDetail[] = [];
    document.addEventListener('samen-message', (e) => events.push(e.detail), { once: true });
    await parent.forViewer('teacher-1').addThreadMessage({ id: 't-1', ...JANSEN, text: 'Wat fijn, dank jullie wel!' });
    await waitFor(() => !!shadow(el).querySelector('[part~="thread"]'), 'the thread appears in the same card');
    await settled(el);

    const thread = shadow(el).querySelector<HTMLDetailsElement>('[part~="thread"]')!;
    expect(thread.querySelector('summary')!.textContent).to.contain('Gesprek met de leerkracht');
    expect(thread.querySelector('summary .visually-hidden')!.textContent).to.equal('1 nieuw bericht');
    expect(thread.querySelector('.thread-messages')!.textContent).to.contain('Wat fijn, dank jullie wel!');
    expect(thread.querySelector('.thread-messages')!.textContent).to.contain('Juf Sanne');
    expect(region(el)).to.equal('Nieuw bericht van Juf Sanne');
    expect(events).to.deep.equal([{ about: JANSEN.about, familyId: 'fam-01', messageId: 't-1', from: 'teacher', unread: 1 }]);

    // Opened: read, for this family and in the store.
    thread.querySelector('summary')!.click();
    await waitFor(() => !thread.querySelector('summary .visually-hidden'), 'the unread mark goes once opened');
    expect((await parent.getThread(JANSEN)).unread).to.equal(0);

    // Answer once more: the teacher gets it.
    const box = thread.querySelector('textarea')!;
    box.value = 'Noor vond het heel leuk.';
    box.dispatchEvent(new Event('input'));
    await settled(el);
    thread.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(() => region(el) === 'Je bericht is verstuurd.', 'sent is announced');
    const teacherSees = await parent.forViewer('teacher-1').getThread(JANSEN);
    expect(teacherSees.messages.map((m) => [m.from, m.text])).to.deep.equal([
      ['teacher', 'Wat fijn, dank jullie wel!'],
      ['family', 'Noor vond het heel leuk.'],
    ]);
    expect(teacherSees.unread).to.equal(1);
  });

  it('another family’s card about the same clip never shows the thread', async () => {
    const parent = await answered();
    await parent.forViewer('teacher-1').addThreadMessage({ id: 't-1', ...JANSEN, text: 'Alleen voor familie Jansen.' });
    const other = parent.forViewer('parent-3');
    await other.saveHomeAnswer({ id: 'a-3', clipId: 'wish-2', kind: 'text', text: 'Wij ook.' });
    const el = await renderClip(other);
    await new Promise((r) => setTimeout(r, 50));
    await settled(el);
    expect(shadow(el).querySelector('[part~="thread"]')).to.equal(null);
    expect(shadow(el).textContent).not.to.contain('Alleen voor familie Jansen.');
  });

  it('the message being typed survives a reload of the card', async () => {
    const parent = await answered();
    await parent.forViewer('teacher-1').addThreadMessage({ id: 't-1', ...JANSEN, text: 'Goed gedaan!' });
    const first = await renderClip(parent);
    await waitFor(() => !!shadow(first).querySelector('[part~="thread"] textarea'), 'the thread shows');
    const box = shadow(first).querySelector('[part~="thread"] textarea') as HTMLTextAreaElement;
    box.value = 'Half getypt…';
    box.dispatchEvent(new Event('input'));
    first.closest('samen-provider')!.remove();

    const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${parent} locale="nl">
      <samen-lesson-clip clip-id="wish-2"></samen-lesson-clip>
    </samen-provider>`);
    const again = wrapper.querySelector('samen-lesson-clip')!;
    await settled(again);
    await waitFor(() => !!shadow(again).querySelector('[part~="thread"] textarea'), 'the thread shows again');
    expect((shadow(again).querySelector('[part~="thread"] textarea') as HTMLTextAreaElement).value).to.equal('Half getypt…');
  });

  it('the teacher answers a family from the answers list, and that family sees it live in their card', async () => {
    const parent = await answered();
    const teacher = parent.forViewer('teacher-1');
    const wrapper = await fixture<HTMLElement>(html`<div>
      <samen-provider .adapter=${teacher} locale="nl"><samen-lesson-clip clip-id="wish-2" view="teacher"></samen-lesson-clip></samen-provider>
      <samen-provider .adapter=${parent} locale="nl"><samen-lesson-clip clip-id="wish-2"></samen-lesson-clip></samen-provider>
    </div>`);
    const [teacherCard, parentCard] = [...wrapper.querySelectorAll('samen-lesson-clip')];
    await settled(teacherCard!);
    await settled(parentCard!);
    await waitFor(() => !!shadow(teacherCard!).querySelector('[part~="answers"]'), 'the answers list shows');

    const open = shadow(teacherCard!).querySelector<HTMLButtonElement>('button[aria-label="Antwoorden: Familie Jansen"]')!;
    expect(open.textContent.trim()).to.equal('Antwoorden');
    open.click();
    await waitFor(() => !!shadow(teacherCard!).querySelector('[part~="thread"][open] textarea'), 'the thread opens');
    const thread = shadow(teacherCard!).querySelector('[part~="thread"]')!;
    expect(thread.querySelector('summary')!.textContent).to.contain('Gesprek met Familie Jansen');
    const box = thread.querySelector('textarea')!;
    box.value = 'Wat mooi dat Noor het thuis liet zien!';
    box.dispatchEvent(new Event('input'));
    await settled(teacherCard!);
    thread.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

    await waitFor(() => !!shadow(parentCard!).querySelector('[part~="thread"]'), 'the family sees it in the same card');
    expect(shadow(parentCard!).querySelector('[part~="thread"] .thread-messages')!.textContent).to.contain(
      'Wat mooi dat Noor het thuis liet zien!',
    );
    expect(region(parentCard!)).to.equal('Nieuw bericht van Juf Sanne');
    // Only Jansen's answer got the thread: the other families' answers still show their button.
    expect(shadow(teacherCard!).querySelectorAll('[part~="thread"]')).to.have.length(1);
  });
});
