/**
 * Tip and top per child (issue 24): from a personal chart's teacher view the teacher sends the
 * child's family a short note that starts "Top: … / Tip voor thuis: …" beside an example marked
 * as one; the family sees it live in their view of the chart and answers back; another family's
 * view of their own child's chart never shows it, and the chart's parent view carries no list of
 * families.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { memoryAdapter, settled, shadow } from '../helpers/fixtures.js';
import '../../src/define/samen-reward-chart.js';
import type { MemoryAdapter } from '../../src/adapters/memory-adapter.js';

type Card = HTMLElement & { updateComplete: Promise<boolean> };
const waitFor = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check(), what).to.equal(true);
};
const region = (el: HTMLElement) => [...shadow(el).children].find((c) => c.getAttribute('role') === 'status')?.textContent?.trim() ?? '';

async function chart(adapter: MemoryAdapter, view: 'parent' | 'teacher', chartId = 'personal-child-1'): Promise<Card> {
  const el = (
    await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale="nl"
      ><samen-reward-chart chart-id=${chartId} view=${view}></samen-reward-chart
    ></samen-provider>`)
  ).querySelector<Card>('samen-reward-chart')!;
  await settled(el);
  return el;
}

describe('tip and top per child (reward chart)', () => {
  afterEach(() => localStorage.clear());

  it('the teacher sends Noor’s family a tip and top; they see it live in their chart and answer', async () => {
    const parent = memoryAdapter({ viewerId: 'parent-1' });
    const teacher = await chart(parent.forViewer('teacher-1'), 'teacher');
    const family = await chart(parent, 'parent');
    expect(shadow(family).querySelector('[part~="thread"]'), 'nothing before the teacher writes').to.equal(null);

    const section = shadow(teacher).querySelector('[part~="tip-top"]')!;
    expect(section.querySelector('h3')!.textContent).to.equal('Tip en top voor thuis over Noor');
    const open = section.querySelector<HTMLButtonElement>('button.thread-open')!;
    expect(open.getAttribute('aria-label')).to.equal('Tip en top sturen: Familie Jansen');
    open.click();
    await waitFor(() => !!shadow(teacher).querySelector('[part~="thread"] textarea'), 'the note opens');
    const thread = shadow(teacher).querySelector<HTMLDetailsElement>('[part~="thread"]')!;
    const box = thread.querySelector('textarea')!;
    expect(box.value).to.equal('Top: \nTip voor thuis: ');
    expect(thread.querySelector('.thread-example')!.textContent).to.match(/^Voorbeeld: Top: /);
    const send = thread.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(send.disabled, 'the starting words alone are not sent').to.equal(true);

    box.value =
      'Top: Noor wachtte vandaag rustig op haar beurt.\nTip voor thuis: laat haar bij een spelletje zeggen wie er aan de beurt is.';
    box.dispatchEvent(new Event('input'));
    await teacher.updateComplete;
    send.click();
    await waitFor(() => region(teacher) === 'Je bericht is verstuurd.', 'sent');

    await waitFor(() => !!shadow(family).querySelector('[part~="thread"]'), 'the family sees it in their chart');
    const theirs = shadow(family).querySelector<HTMLDetailsElement>('[part~="thread"]')!;
    expect(theirs.querySelector('summary')!.textContent).to.contain('Tip en top van de leerkracht');
    expect(theirs.textContent).to.contain('Noor wachtte vandaag rustig op haar beurt.');
    expect(region(family)).to.equal('Nieuw bericht van Juf Sanne');

    theirs.querySelector('summary')!.click();
    const answer = theirs.querySelector('textarea')!;
    expect(answer.value, 'the family’s box starts empty').to.equal('');
    answer.value = 'Dank je! We gaan het proberen.';
    answer.dispatchEvent(new Event('input'));
    await family.updateComplete;
    theirs.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(
      () => (shadow(teacher).querySelector('[part~="thread"]')?.textContent ?? '').includes('We gaan het proberen.'),
      'the teacher sees the answer',
    );
  });

  it('the parent view carries no list of families, and another family never reads the note', async () => {
    const parent = memoryAdapter({ viewerId: 'parent-1' });
    expect((await parent.getRewardChart('personal-child-1')).families).to.equal(undefined);
    expect((await parent.forViewer('teacher-1').getRewardChart('personal-child-1')).families).to.deep.equal([
      { familyId: 'fam-01', name: 'Familie Jansen' },
    ]);
    await parent.forViewer('teacher-1').addThreadMessage({
      id: 't-1',
      about: { kind: 'child', id: 'child-1' },
      familyId: 'fam-01',
      text: 'Top: alleen voor familie Jansen.',
    });
    const other = await chart(parent.forViewer('parent-4'), 'parent', 'personal-g7child-1');
    await new Promise((r) => setTimeout(r, 50));
    expect(shadow(other).querySelector('[part~="thread"]')).to.equal(null);
    expect(shadow(other).textContent).not.to.contain('alleen voor familie Jansen');
  });
});

describe('tip and top per child (feelings overview)', () => {
  afterEach(() => localStorage.clear());

  it('beside a signal, the teacher sends the child’s family a tip and top; only that family reads it', async () => {
    const { MemoryAdapter } = await import('../../src/adapters/memory-adapter.js');
    await import('../../src/define/samen-feelings-checkin.js');
    const teacher = new MemoryAdapter({ viewerId: 'teacher-1' });
    // Sem (a signal in the seed) gets a family that signs in: Familie Bakker.
    const sem = teacher.state.checkins.find((c) => c.childName === 'Sem')!.childId;
    teacher.state.viewers.push({
      id: 'parent-sem',
      role: 'parent',
      familyId: 'fam-05',
      name: 'Familie Bakker',
      classIds: ['groep6-wish'],
      childIds: [sem],
    });
    const el = (
      await fixture<HTMLElement>(html`<samen-provider .adapter=${teacher} locale="nl"
        ><samen-feelings-checkin class-id="groep6-wish" view="teacher"></samen-feelings-checkin
      ></samen-provider>`)
    ).querySelector<Card>('samen-feelings-checkin')!;
    await settled(el);
    const signal = shadow(el).querySelector('[part~="signals"] > ul > li')!;
    expect(signal.querySelector('p')!.textContent).to.contain('Sem');
    const open = signal.querySelector<HTMLButtonElement>('[part~="tip-top"] button.thread-open')!;
    expect(open.getAttribute('aria-label')).to.equal('Tip en top sturen: Familie Bakker');
    open.click();
    await waitFor(() => !!shadow(el).querySelector('[part~="thread"] textarea'), 'the note opens beside the signal');
    const thread = shadow(el).querySelector<HTMLDetailsElement>('[part~="thread"]')!;
    expect(thread.querySelector('summary')!.textContent).to.contain('Tip en top voor thuis over Sem');
    const box = thread.querySelector('textarea')!;
    expect(box.value).to.equal('Top: \nTip voor thuis: ');
    const note = 'Top: Sem vertelde vandaag in de kring hoe hij zich voelde.\nTip voor thuis: vraag hem eens wat hem blij maakte.';
    box.value = note;
    box.dispatchEvent(new Event('input'));
    await el.updateComplete;
    thread.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(() => region(el) === 'Je bericht is verstuurd.', 'sent');

    const key = { about: { kind: 'child' as const, id: sem }, familyId: 'fam-05' };
    const theirs = await teacher.forViewer('parent-sem').getThread(key);
    expect(theirs.messages.map((m) => m.text)).to.deep.equal([note]);
    expect(theirs.unread).to.equal(1);
    // Family Jansen (another child's) never reads it; the overview never sends families to a parent.
    expect(
      await teacher
        .forViewer('parent-1')
        .getThread(key)
        .then(
          () => 'read',
          (e: { kind?: string }) => e.kind,
        ),
    ).to.equal('forbidden');
    expect((await teacher.getClassCheckins({ classId: 'groep6-wish' })).some((c) => c.families?.length)).to.equal(true);
  });
});
