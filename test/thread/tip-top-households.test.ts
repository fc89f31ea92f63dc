/**
 * Tip and top with two households of one child (issue 24): Familie El Amrani lives at two
 * addresses (parent-5 at fam-03-1, parent-6 at fam-03-2). The teacher sends each address its own
 * note from the child's chart; the first address's answer is theirs alone: the second address
 * never sees the note nor the answer, in its card or from the adapter. With the school's setting
 * to share within the family, there is one note for the family. The same for the teacher's answer
 * to a success one address shared in the school's matrix.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { memoryAdapter, settled, shadow } from '../helpers/fixtures.js';
import '../../src/define/samen-reward-chart.js';
import '../../src/define/samen-expectation-matrix.js';
import type { MemoryAdapter } from '../../src/adapters/memory-adapter.js';

type Card = HTMLElement & { updateComplete: Promise<boolean> };
const waitFor = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check(), what).to.equal(true);
};
const ABOUT = { kind: 'child' as const, id: 'child-3' };

/** A personal chart for child-3, Familie El Amrani's child. */
function withChart(adapter: MemoryAdapter): MemoryAdapter {
  const charts = adapter.state.charts as Record<string, { id: string; childId?: string; childName?: string; awards: unknown[] }>;
  charts['personal-child-3'] = {
    ...structuredClone(charts['personal-child-1']!),
    id: 'personal-child-3',
    childId: 'child-3',
    childName: 'Sara',
    awards: [],
  };
  return adapter;
}

async function chart(adapter: MemoryAdapter, view: 'parent' | 'teacher'): Promise<Card> {
  const el = (
    await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale="nl"
      ><samen-reward-chart chart-id="personal-child-3" view=${view}></samen-reward-chart
    ></samen-provider>`)
  ).querySelector<Card>('samen-reward-chart')!;
  await settled(el);
  return el;
}

async function write(card: Card, box: HTMLTextAreaElement, text: string): Promise<void> {
  box.value = text;
  box.dispatchEvent(new Event('input'));
  await card.updateComplete;
  box.closest('[part~="thread"]')!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}

describe('tip and top with two households of one child', () => {
  afterEach(() => localStorage.clear());

  it('the teacher writes each address on its own; the second address never sees the first one’s note or answer', async () => {
    const adapter = withChart(memoryAdapter({ viewerId: 'parent-5' }));
    const teacher = await chart(adapter.forViewer('teacher-1'), 'teacher');
    const buttons = [...shadow(teacher).querySelectorAll<HTMLButtonElement>('[part~="tip-top"] button.thread-open')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Tip en top sturen: Familie El Amrani — eerste adres',
      'Tip en top sturen: Familie El Amrani — tweede adres',
    ]);
    buttons[0]!.click();
    await waitFor(() => !!shadow(teacher).querySelector('[part~="thread"] textarea'), 'the note opens');
    await write(
      teacher,
      shadow(teacher).querySelector('[part~="thread"] textarea')!,
      'Top: Sara hielp een klasgenoot.\nTip voor thuis: vraag wie zij hielp.',
    );

    const first = await chart(adapter, 'parent');
    const second = await chart(adapter.forViewer('parent-6'), 'parent');
    await waitFor(
      () => (shadow(first).querySelector('[part~="thread"]')?.textContent ?? '').includes('Sara hielp een klasgenoot.'),
      'the first address reads it',
    );
    const theirs = shadow(first).querySelector<HTMLDetailsElement>('[part~="thread"]')!;
    theirs.querySelector('summary')!.click();
    await write(first, theirs.querySelector('textarea')!, 'Bij mama thuis vertelde ze het zelf.');
    await waitFor(
      () => (shadow(teacher).querySelector('[part~="thread"]')?.textContent ?? '').includes('Bij mama thuis vertelde ze het zelf.'),
      'the teacher sees the first address’s answer',
    );

    await settled(second);
    expect(shadow(second).textContent, 'the second address’s card').to.not.contain('Sara hielp een klasgenoot.');
    expect(shadow(second).textContent).to.not.contain('Bij mama thuis');
    const own = await adapter.forViewer('parent-6').getThread({ about: ABOUT, familyId: 'fam-03', householdId: 'fam-03-2' });
    expect(own.messages, 'the second address’s own thread').to.deep.equal([]);
    let refused = '';
    try {
      await adapter.forViewer('parent-6').getThread({ about: ABOUT, familyId: 'fam-03', householdId: 'fam-03-1' });
    } catch (error) {
      refused = (error as { kind?: string }).kind ?? String(error);
    }
    expect(refused, 'the first address’s thread').to.equal('forbidden');
  });

  it('when the school shares within the family, the teacher has one note for the family', async () => {
    const adapter = withChart(memoryAdapter({ viewerId: 'teacher-1' }));
    adapter.state.schoolSettings = { 'school-regenboog': { shareWithinFamily: true } };
    const families = (await adapter.getRewardChart('personal-child-3')).families;
    expect(families).to.deep.equal([{ familyId: 'fam-03', name: 'Familie El Amrani' }]);
  });

  it('the teacher answers the success one address shared; the other address never sees the answer', async () => {
    const adapter = memoryAdapter({ viewerId: 'parent-5' });
    await adapter.shareSuccess({ id: 's-first', matrixId: 'matrix-school', text: 'Sara ruimde zelf haar tas op.' });
    await adapter.forViewer('parent-6').shareSuccess({ id: 's-second', matrixId: 'matrix-school', text: 'Sara zei zelf sorry.' });
    const matrix = async (a: MemoryAdapter, view: string) => {
      const el = (
        await fixture<HTMLElement>(html`<samen-provider .adapter=${a} locale="nl"
          ><samen-expectation-matrix matrix-id="matrix-school" view=${view}></samen-expectation-matrix
        ></samen-provider>`)
      ).querySelector<Card>('samen-expectation-matrix')!;
      await settled(el);
      return el;
    };
    const teacher = await matrix(adapter.forViewer('teacher-1'), 'teacher');
    const items = [...shadow(teacher).querySelectorAll('[part~="successes"] li')];
    const under = (text: string) =>
      items.find((li) => li.textContent.includes(text))!.querySelector<HTMLButtonElement>('button.thread-open');
    expect(under('Sara zei zelf sorry.'), 'each address’s success has its own answer').to.exist;
    under('Sara ruimde zelf haar tas op.')!.click();
    await waitFor(() => !!shadow(teacher).querySelector('[part~="thread"] textarea'), 'the thread opens');
    await write(teacher, shadow(teacher).querySelector('[part~="thread"] textarea')!, 'Wat fijn dat ze dat zelf deed!');

    const first = await matrix(adapter, 'parent');
    await waitFor(
      () => (shadow(first).querySelector('[part~="thread"]')?.textContent ?? '').includes('Wat fijn dat ze dat zelf deed!'),
      'the first address reads it',
    );
    const second = await matrix(adapter.forViewer('parent-6'), 'parent');
    await new Promise((r) => setTimeout(r, 50));
    expect(shadow(second).textContent, 'the second address’s matrix').to.not.contain('Wat fijn dat ze dat zelf deed!');
    const own = await adapter
      .forViewer('parent-6')
      .getThread({ about: { kind: 'success', id: 'matrix-school' }, familyId: 'fam-03', householdId: 'fam-03-2' });
    expect(own.messages).to.deep.equal([]);
  });
});
