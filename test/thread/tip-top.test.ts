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
