/**
 * Two households of one child (issue 24): Familie El Amrani lives at two addresses, parent-5 at
 * the first (fam-03-1), parent-6 at the second (fam-03-2). Each household's answer, draft and
 * thread with the teacher are its own: the other household's words never reach its card. The
 * parent's card says who sees what they write; the teacher counts addresses beside families and
 * names an address not reached yet ("Familie El Amrani — tweede adres"). A school setting
 * (`shareWithinFamily`) shares them within the family instead.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../src/define/samen-feedback-bar.js';
import { readBridgeArgs } from '../../src/adapters/bridge-adapter.js';
import { configure } from '../../src/core/context.js';
import type { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { memoryAdapter, renderClip, settled } from '../helpers/fixtures.js';

const FIRST = { about: { kind: 'answer' as const, id: 'wish-2' }, familyId: 'fam-03', householdId: 'fam-03-1' };
const SECOND = { ...FIRST, householdId: 'fam-03-2' };
const root = (el: HTMLElement) => el.shadowRoot!;
const text = (el: HTMLElement) => root(el).textContent.replace(/\s+/g, ' ');
const audience = (el: HTMLElement) => root(el).querySelector('[part~="audience"]')?.textContent.trim();

async function kindOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return (error as { kind?: string }).kind ?? String(error);
  }
}

/** The demo school shares within the family (the school's setting). */
function sharing(adapter: MemoryAdapter): MemoryAdapter {
  adapter.state.schoolSettings = { 'school-regenboog': { shareWithinFamily: true } };
  return adapter;
}

async function bar(
  adapter: MemoryAdapter,
  view: 'parent' | 'teacher' = 'parent',
): Promise<HTMLElement & { updateComplete: Promise<boolean> }> {
  const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale="nl">
    <samen-feedback-bar target-id="host-post-1" view=${view}></samen-feedback-bar>
  </samen-provider>`);
  const el = wrapper.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('samen-feedback-bar')!;
  await settled(el);
  return el;
}

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
  configure({ adapter: undefined, locale: undefined });
});

describe('households: the MemoryAdapter', () => {
  it('a household’s answer is its own: the other household reads nothing and writes its own; a second carer at the same address shares it', async () => {
    const adapter = memoryAdapter({ viewerId: 'parent-5' });
    // A second carer at the first address (a stepparent).
    adapter.state.viewers.push({ ...structuredClone(adapter.state.viewers.find((v) => v.id === 'parent-5')!), id: 'parent-5b' });
    await adapter.saveHomeAnswer({ id: 'h1', clipId: 'wish-2', kind: 'text', text: 'Bij mama thuis geoefend' });
    expect(await adapter.forViewer('parent-6').getHomeAnswer('wish-2'), 'the second address').to.equal(null);
    expect((await adapter.forViewer('parent-5b').getHomeAnswer('wish-2'))!.text, 'the same address').to.equal('Bij mama thuis geoefend');

    await adapter.forViewer('parent-6').saveHomeAnswer({ id: 'h2', clipId: 'wish-2', kind: 'text', text: 'Bij papa ook' });
    expect((await adapter.getHomeAnswer('wish-2'))!.text, 'not replaced by the other address').to.equal('Bij mama thuis geoefend');
    const mine = (await adapter.forViewer('parent-6').getHomeAnswer('wish-2'))!;
    expect(mine.text).to.equal('Bij papa ook');
    expect(mine.householdId).to.equal('fam-03-2');

    // The teacher reads both, each named by its address, and counts the family once.
    const reach = await adapter.forViewer('teacher-1').getClipReach('wish-2');
    const elAmrani = reach.answers.filter((a) => a.familyId === 'fam-03');
    expect(elAmrani.map((a) => [a.text, a.householdName]).sort()).to.deep.equal([
      ['Bij mama thuis geoefend', 'eerste adres'],
      ['Bij papa ook', 'tweede adres'],
    ]);
    expect(JSON.stringify(reach)).to.not.match(/parent-[56]|carerId/);
  });

  it('a household’s thread: the other household can’t read, write or follow it, and has its own', async () => {
    const adapter = memoryAdapter({ viewerId: 'teacher-1' });
    const heard: string[] = [];
    for (const viewerId of ['parent-5', 'parent-6'])
      adapter.forViewer(viewerId).subscribe(`thread:answer:wish-2:fam-03/fam-03-1`, () => heard.push(viewerId));
    await adapter.addThreadMessage({ id: 't1', ...FIRST, text: 'Alleen voor het eerste adres.' });
    expect(heard).to.deep.equal(['parent-5']);

    const first = await adapter.forViewer('parent-5').getThread(FIRST);
    expect(first.messages.map((m) => m.text)).to.deep.equal(['Alleen voor het eerste adres.']);
    expect(first.householdId).to.equal('fam-03-1');
    const second = adapter.forViewer('parent-6');
    expect(await kindOf(second.getThread(FIRST)), 'reads').to.equal('forbidden');
    expect(await kindOf(second.addThreadMessage({ id: 'x', ...FIRST, text: 'Hallo' })), 'writes').to.equal('forbidden');
    expect(await kindOf(second.markThreadRead({ id: 'y', ...FIRST })), 'marks read').to.equal('forbidden');
    expect((await second.getThread(SECOND)).messages, 'its own thread').to.deep.equal([]);
    // A household that is not the family's is no thread at all.
    expect(await kindOf(adapter.getThread({ ...FIRST, householdId: 'fam-01' }))).to.equal('not-found');
  });

  it('shareWithinFamily (the school’s setting): the households share the answer and the thread', async () => {
    const adapter = sharing(memoryAdapter({ viewerId: 'parent-5' }));
    await adapter.saveHomeAnswer({ id: 'h1', clipId: 'wish-2', kind: 'text', text: 'Samen geoefend' });
    const other = adapter.forViewer('parent-6');
    expect((await other.getHomeAnswer('wish-2'))!.text).to.equal('Samen geoefend');
    expect((await other.getViewer()).shareWithinFamily).to.equal(true);
    await adapter.forViewer('teacher-1').addThreadMessage({ id: 't1', ...FIRST, text: 'Voor het hele gezin.' });
    expect((await other.getThread(FIRST)).messages.map((m) => m.text)).to.deep.equal(['Voor het hele gezin.']);
    // Another family still never reads it.
    expect(await kindOf(adapter.forViewer('parent-3').getThread(FIRST))).to.equal('forbidden');
  });

  it('shareWithinFamily: the answer carries the address that wrote it last, and an address’s answer from before sharing gives way (the teacher counts one)', async () => {
    const adapter = memoryAdapter({ viewerId: 'parent-5' });
    const second = adapter.forViewer('parent-6');
    // Both addresses answered before the school shared.
    await adapter.saveHomeAnswer({ id: 'h1', clipId: 'wish-2', kind: 'text', text: 'Bij mama' });
    await second.saveHomeAnswer({ id: 'h2', clipId: 'wish-2', kind: 'text', text: 'Bij papa' });
    sharing(adapter);
    const saved = await adapter.saveHomeAnswer({ id: 'h3', clipId: 'wish-2', kind: 'text', text: 'Samen, bij mama' });
    expect(saved.householdId, 'the writer’s address').to.equal('fam-03-1');
    expect((await second.getHomeAnswer('wish-2'))!.text, 'the family’s latest').to.equal('Samen, bij mama');
    const reach = await adapter.forViewer('teacher-1').getClipReach('wish-2');
    expect(
      reach.answers.filter((a) => a.familyId === 'fam-03').map((a) => a.text),
      'one answer per address: the first address’s older one gave way',
    ).to.deep.equal(['Samen, bij mama']);
  });

  it('shareWithinFamily: the teacher answering one address’s answer is heard live by the family’s thread (the key the shared card follows)', async () => {
    const adapter = sharing(memoryAdapter({ viewerId: 'teacher-1' }));
    const heard: string[] = [];
    const family = { about: FIRST.about, familyId: 'fam-03' };
    adapter.forViewer('parent-6').subscribe(`thread:answer:wish-2:fam-03`, () => heard.push('parent-6'));
    adapter.forViewer('parent-3').subscribe(`thread:answer:wish-2:fam-02`, () => heard.push('parent-3'));
    await adapter.addThreadMessage({ id: 't1', ...FIRST, text: 'Voor jullie allebei.' });
    expect(heard).to.deep.equal(['parent-6']);
    expect((await adapter.forViewer('parent-6').getThread(family)).messages.map((m) => m.text)).to.deep.equal(['Voor jullie allebei.']);
  });

  it('a household’s reply under a post is its own: the other address never reads its words; shared within the family it does', async () => {
    const adapter = memoryAdapter({ viewerId: 'parent-5' });
    await adapter.addReply({ id: 'r1', targetId: 'host-post-1', text: 'Bij ons thuis gelukt!' });
    const texts = async (a: MemoryAdapter) => ((await a.getReactions('host-post-1')).replies ?? []).map((r) => r.text);
    expect(await texts(adapter)).to.include('Bij ons thuis gelukt!');
    expect(await texts(adapter.forViewer('parent-6'))).to.not.include('Bij ons thuis gelukt!');
    expect(await texts(adapter.forViewer('teacher-1'))).to.include('Bij ons thuis gelukt!');
    // The teacher gets which household wrote it, to answer that household.
    const forTeacher = (await adapter.forViewer('teacher-1').getReactions('host-post-1')).replies ?? [];
    expect(forTeacher.find((r) => r.text === 'Bij ons thuis gelukt!')?.householdId).to.equal('fam-03-1');
    sharing(adapter);
    expect(await texts(adapter.forViewer('parent-6'))).to.include('Bij ons thuis gelukt!');
  });

  it('a family without households behaves as before: each carer their own answer, the family’s thread', async () => {
    const adapter = memoryAdapter();
    await adapter.saveHomeAnswer({ id: 'a1', clipId: 'wish-2', kind: 'text', text: 'Van mama' });
    expect(await adapter.forViewer('parent-2').getHomeAnswer('wish-2')).to.equal(null);
    expect((await adapter.getViewer()).householdId).to.equal(undefined);
  });
});

describe('households: over the bridge', () => {
  it('a household’s thread key keeps its householdId across the bridge (dropped, the host would answer with the family’s thread)', () => {
    for (const method of ['getThread', 'markThreadRead', 'addThreadMessage'] as const) {
      const input = {
        ...FIRST,
        ...(method === 'getThread' ? {} : { id: 'w1' }),
        ...(method === 'addThreadMessage' ? { text: 'Hoi' } : {}),
      };
      const read = readBridgeArgs(method, [input]);
      expect(read.ok && (read.args[0] as { householdId?: string }).householdId, method).to.equal('fam-03-1');
    }
    expect(readBridgeArgs('getThread', [{ ...FIRST, householdId: '__proto__' }]).ok, 'an unsafe household id').to.equal(false);
  });
});

describe('households: the feedback bar', () => {
  it('the teacher answers one address’s reply: that address reads it under its reply, the other address sees neither', async () => {
    const adapter = memoryAdapter({ viewerId: 'parent-5' });
    await adapter.addReply({ id: 'r1', targetId: 'host-post-1', text: 'Eerste adres: gelukt!' });
    await adapter.forViewer('parent-6').addReply({ id: 'r2', targetId: 'host-post-1', text: 'Tweede adres: ook gelukt' });
    const teacherBar = await bar(adapter.forViewer('teacher-1'), 'teacher');
    const item = [...root(teacherBar).querySelectorAll('[part~="replies"] li')].find((li) => li.textContent.includes('Eerste adres'))!;
    item.querySelector<HTMLButtonElement>('.thread-open')!.click();
    await waitUntil(() => item.querySelector('[part~="thread-input"]'), 'the thread opens');
    await adapter.forViewer('teacher-1').addThreadMessage({
      id: 't1',
      about: { kind: 'reply', id: 'host-post-1' },
      familyId: 'fam-03',
      householdId: 'fam-03-1',
      text: 'Wat goed, eerste adres!',
    });

    const first = await bar(adapter);
    await waitUntil(() => text(first).includes('Wat goed, eerste adres!'), 'the first address reads the teacher');
    const second = await bar(adapter.forViewer('parent-6'));
    await new Promise((r) => setTimeout(r, 50));
    expect(text(second)).to.contain('Tweede adres: ook gelukt');
    expect(text(second), 'the other address’s reply').to.not.contain('Eerste adres: gelukt!');
    expect(text(second), 'the other address’s thread').to.not.contain('Wat goed, eerste adres!');
    await expect(second).to.be.accessible();
  });
});

describe('households: the lesson clip', () => {
  it('the other household’s answer and thread never reach the card; its own do', async () => {
    const adapter = memoryAdapter({ viewerId: 'parent-5' });
    await adapter.saveHomeAnswer({ id: 'h1', clipId: 'wish-2', kind: 'text', text: 'Geoefend bij het eerste adres' });
    await adapter.forViewer('parent-6').saveHomeAnswer({ id: 'h2', clipId: 'wish-2', kind: 'talked' });
    await adapter.forViewer('teacher-1').addThreadMessage({ id: 't1', ...FIRST, text: 'Mooi dat jullie oefenden!' });

    const first = await renderClip(adapter);
    await waitUntil(() => text(first).includes('Mooi dat jullie oefenden!'), 'the first address reads the teacher');
    expect(text(first)).to.contain('Geoefend bij het eerste adres');

    const second = await renderClip(adapter.forViewer('parent-6'));
    await new Promise((r) => setTimeout(r, 50));
    await settled(second);
    expect(text(second), 'the other address’s words').to.not.contain('Geoefend bij het eerste adres');
    expect(text(second), 'the other address’s thread').to.not.contain('Mooi dat jullie oefenden!');
    expect(root(second).querySelector('[part~="answer"]')!.textContent).to.contain('Jullie hebben erover gepraat');
    await expect(second).to.be.accessible();
  });

  it('says who sees what the parent writes: the household, the family when shared, the carer without households', async () => {
    const adapter = memoryAdapter({ viewerId: 'parent-5' });
    expect(audience(await renderClip(adapter))).to.equal('Alleen de juf of meester en jullie huishouden zien dit.');
    expect(audience(await renderClip(adapter, { locale: 'en' }))).to.equal('Only the teacher and your household see this.');
    const input = root(await renderClip(adapter)).querySelector('[part~="answer-input"]')!;
    expect(input.getAttribute('aria-describedby')).to.contain('audience');
    expect(audience(await renderClip(adapter.forViewer('parent-1')))).to.equal('Alleen de juf of meester en jij zien dit.');
    expect(audience(await renderClip(sharing(memoryAdapter({ viewerId: 'parent-6' }))))).to.equal(
      'Alleen de juf of meester en jullie gezin zien dit, ook op het andere adres.',
    );
  });

  it('the teacher counts addresses beside families and names the address not reached yet', async () => {
    const adapter = memoryAdapter({ locale: 'nl' });
    const teacherAdapter = adapter.forViewer('teacher-1');
    const before = await teacherAdapter.getClipReach('wish-4');
    expect(before.households).to.equal(25);
    const teacher = await renderClip(teacherAdapter, { view: 'teacher', clipId: 'wish-4' });
    const seen = root(teacher).querySelector('.metric')!.querySelector('dd')!.textContent.replace(/\s+/g, ' ');
    expect(seen).to.contain(`${before.seen} van 24 gezinnen, ${before.householdsSeen} van 25 adressen`);
    const details = root(teacher).querySelector<HTMLDetailsElement>('details[part~="not-reached"]')!;
    const names = () => [...details.querySelectorAll('li')].map((li) => li.textContent.trim());
    expect(names()).to.include('Familie El Amrani — tweede adres');
    expect(names()).to.not.include('Familie El Amrani');
    expect(details.querySelector('summary')!.textContent).to.equal(
      `Nog niet bereikt: ${24 - before.seen} van 24 gezinnen, ${25 - before.householdsSeen!} van 25 adressen`,
    );
    await expect(teacher).to.be.accessible();

    // The second address sees it: one address more, the same number of families.
    await adapter.forViewer('parent-6').markSeen({ id: 's6', clipId: 'wish-4' });
    await new Promise((r) => setTimeout(r, 30));
    await settled(teacher);
    const after = await teacherAdapter.getClipReach('wish-4');
    expect([after.seen, after.householdsSeen]).to.deep.equal([before.seen, before.householdsSeen! + 1]);
    await waitUntil(() => !names().includes('Familie El Amrani — tweede adres'), 'the list follows live: the second address is reached');
  });

  it('in English the list names “The El Amrani family — second address”', async () => {
    const teacher = await renderClip(memoryAdapter({ locale: 'en', viewerId: 'teacher-1' }), {
      view: 'teacher',
      clipId: 'wish-4',
      locale: 'en',
    });
    const details = root(teacher).querySelector('details[part~="not-reached"]')!;
    expect([...details.querySelectorAll('li')].map((li) => li.textContent.trim())).to.include('The El Amrani family — second address');
    expect(root(teacher).querySelector('[part~="addresses"]')!.textContent).to.match(/^\d+ of 25 addresses$/);
  });

  it('the teacher answers one address: the thread opens with that household, named by its address', async () => {
    const adapter = memoryAdapter({ viewerId: 'parent-6' });
    await adapter.saveHomeAnswer({ id: 'h2', clipId: 'wish-2', kind: 'text', text: 'Op het tweede adres geoefend' });
    const teacher = await renderClip(adapter.forViewer('teacher-1'), { view: 'teacher' });
    const item = [...root(teacher).querySelectorAll('[part~="answers"] li')].find((li) =>
      li.textContent.includes('Op het tweede adres geoefend'),
    )!;
    expect(item.querySelector('.family')!.textContent).to.equal('Familie El Amrani — tweede adres');
    const open = item.querySelector<HTMLButtonElement>('.thread-open')!;
    expect(open.getAttribute('aria-label')).to.equal('Antwoorden: Familie El Amrani — tweede adres');
    open.click();
    await settled(teacher);
    await waitUntil(() => item.querySelector('[part~="thread-input"]'), 'the thread opens');
    expect(item.textContent).to.contain('Gesprek met Familie El Amrani — tweede adres');
  });
});
