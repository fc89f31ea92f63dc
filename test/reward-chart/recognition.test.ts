/**
 * Recognition for every child, privately for the teacher (issue 24): on the class chart's teacher
 * view, the children not yet recognised this week (a token for them, a sticker from school) and the
 * week's count of compliments, a nudge toward four compliments to one correction. No ranking, no
 * counts per child; the parent's and the child's views (and the teacher's preview as a parent)
 * contain none of it, and the adapter sends them none of it.
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

async function chart(adapter: MemoryAdapter, view: 'parent' | 'teacher'): Promise<Card> {
  const el = (
    await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale="nl"
      ><samen-reward-chart chart-id="class-wish" view=${view}></samen-reward-chart
    ></samen-provider>`)
  ).querySelector<Card>('samen-reward-chart')!;
  await settled(el);
  return el;
}

const notYet = (el: HTMLElement) =>
  [...shadow(el).querySelectorAll('[part~="recognition"] .not-yet li')].map((li) => li.textContent.trim());
const countLine = (el: HTMLElement) =>
  [...shadow(el).querySelectorAll('[part~="recognition"] p')].map((p) => p.textContent.trim()).find((t) => t.startsWith('Deze week'));

describe('recognition for every child (class chart, teacher only)', () => {
  afterEach(() => localStorage.clear());

  it('the teacher sees who has not been recognised this week; a token for one child takes them off the list and counts', async () => {
    const teacher = await chart(memoryAdapter({ viewerId: 'teacher-1' }), 'teacher');
    const section = shadow(teacher).querySelector('[part~="recognition"]')!;
    expect(section.querySelector('h3')!.textContent).to.equal('Iedereen gezien deze week?');
    expect(section.textContent).to.contain('Alleen voor jou: ouders en kinderen zien dit niet.');
    const before = notYet(teacher);
    expect(before.length, 'the class, not yet recognised').to.be.greaterThan(3);
    expect(countLine(teacher)).to.equal('Deze week 0 complimenten gegeven. Tip: vier complimenten op één correctie.');
    // No counts per child anywhere: only names.
    for (const name of before) expect(name).not.to.match(/\d/);

    const child = before[1]!;
    const select = shadow(teacher).querySelector<HTMLSelectElement>('.for-whom select')!;
    expect(select.options[0]!.textContent.trim()).to.equal('De hele klas');
    select.value = [...select.options].find((o) => o.textContent.trim() === child)!.value;
    select.dispatchEvent(new Event('change'));
    await teacher.updateComplete;
    shadow(teacher).querySelector<HTMLButtonElement>('[part~="award-button"]')!.click();

    await waitFor(() => !notYet(teacher).includes(child), `${child} leaves the list`);
    expect(notYet(teacher)).to.deep.equal(before.filter((n) => n !== child));
    expect(countLine(teacher)).to.equal('Deze week 1 compliment gegeven. Tip: vier complimenten op één correctie.');
    const region = [...shadow(teacher).children].find((c) => c.getAttribute('role') === 'status')!;
    expect(region.textContent).to.contain(`Compliment voor ${child}`);
  });

  it('the parent’s and the child’s views, and the teacher’s preview as a parent, show none of it', async () => {
    const parent = memoryAdapter({ viewerId: 'parent-1' });
    const teacherAdapter = parent.forViewer('teacher-1');
    const { recognition } = await teacherAdapter.getRewardChart('class-wish');
    const someone = recognition!.children[1]!;
    await teacherAdapter.award({ id: 'a-child', chartId: 'class-wish', childId: someone.childId });
    const names = recognition!.children.map((c) => c.name).filter((n): n is string => !!n && n !== 'Noor');

    for (const viewer of [parent, parent.forViewer('child-login-1')]) {
      const got = await viewer.getRewardChart('class-wish');
      expect(got.recognition, 'the adapter sends it to no family').to.equal(undefined);
      expect(JSON.stringify(got)).not.to.contain(someone.childId);
      const el = await chart(viewer, 'parent');
      const text = shadow(el).textContent;
      expect(shadow(el).querySelector('[part~="recognition"], .for-whom')).to.equal(null);
      for (const words of ['Iedereen gezien', 'compliment', 'Nog geen muntje', ...names]) expect(text).not.to.contain(words);
    }

    const teacher = await chart(teacherAdapter, 'teacher');
    shadow(teacher).querySelector<HTMLButtonElement>('[part~="preview-toggle"]')!.click();
    await waitFor(() => !!shadow(teacher).querySelector('samen-reward-chart[preview]'), 'the preview opens');
    const preview = shadow(teacher).querySelector<Card>('samen-reward-chart[preview]')!;
    await settled(preview);
    expect(shadow(preview).querySelector('[part~="recognition"], .for-whom')).to.equal(null);
    expect(shadow(preview).textContent).not.to.contain('Iedereen gezien');
  });

  it('only a teacher gives a token for one child, and only for a child of the class', async () => {
    const parent = memoryAdapter({ viewerId: 'parent-1' });
    const kind = async (p: Promise<unknown>) =>
      p.then(
        () => 'resolved',
        (e: { kind?: string }) => e.kind,
      );
    expect(await kind(parent.award({ id: 'p-1', chartId: 'class-wish', childId: 'child-1' }))).to.be.oneOf(['forbidden', 'invalid-data']);
    expect(await kind(parent.forViewer('teacher-1').award({ id: 't-1', chartId: 'class-wish', childId: 'g7child-1' }))).to.equal(
      'invalid-data',
    );
  });
});
