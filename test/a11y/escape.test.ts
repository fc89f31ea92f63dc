/**
 * Escape closes what a widget opens, with real key presses (`sendKeys`), and focus goes back to
 * what opened it: the lesson clip's answer editing (the sent answer shows again, unchanged),
 * the teacher's "not reached yet" and "who reacted" lists, and the clip composer's preview.
 * The matrix editor's Escape is tested in test/a11y/tree.test.ts.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { nl } from '../../src/core/locales/nl.js';
import type { SamenLessonClip } from '../../src/lesson-clip/lesson-clip.js';
import { memoryAdapter, renderClip } from '../helpers/fixtures.js';

const root = (el: HTMLElement) => el.shadowRoot!;
const focused = (el: HTMLElement) => root(el).activeElement as HTMLElement | null;
const answerBox = (el: HTMLElement) => root(el).querySelector('[part~="answer"]');
const answerCalls = (adapter: MemoryAdapter) => adapter.calls.filter((c) => c.method === 'saveHomeAnswer').length;
const draftKeys = () => Object.keys(localStorage).filter((key) => key.startsWith('samen:') && key.includes('draft'));

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

/** A family that already answered, its card, and the answer's edit button. */
async function answered(adapter = memoryAdapter()): Promise<[SamenLessonClip, MemoryAdapter]> {
  await adapter.saveHomeAnswer({ id: 'a1', clipId: 'wish-2', kind: 'text', text: 'Eerste versie' });
  const el = await renderClip(adapter);
  expect(answerBox(el)!.textContent).to.contain('Eerste versie');
  return [el, adapter];
}

/** Edit by keyboard: focus the edit button, Enter, and the prefilled text box has focus. */
async function startEditing(el: SamenLessonClip): Promise<HTMLTextAreaElement> {
  const edit = answerBox(el)!.querySelector('button')!;
  expect(edit.textContent!.trim()).to.equal(nl.clip.edit);
  edit.focus();
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
  const textarea = root(el).querySelector('textarea')!;
  expect(focused(el)).to.equal(textarea);
  expect(textarea.value).to.equal('Eerste versie');
  return textarea;
}

describe('Escape: the lesson clip’s answer editing', () => {
  it('cancels the change, shows the sent answer again and puts focus back on Edit; nothing is sent', async () => {
    const [el, adapter] = await answered();
    const calls = answerCalls(adapter);
    await startEditing(el);
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' en nog iets' });
    expect(root(el).querySelector('textarea')!.value).to.equal('Eerste versie en nog iets');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;

    expect(root(el).querySelector('textarea'), 'the text box is gone').to.equal(null);
    expect(answerBox(el)!.textContent).to.contain('Eerste versie');
    expect(answerBox(el)!.textContent).to.not.contain('nog iets');
    expect(focused(el)?.textContent?.trim(), 'focus on Edit').to.equal(nl.clip.edit);
    expect(answerCalls(adapter), 'nothing sent').to.equal(calls);
    expect(draftKeys(), 'no draft left to come back after a reload').to.deep.equal([]);
    await expect(el).to.be.accessible();

    // Editing again starts from the sent answer, not from the cancelled change.
    await startEditing(el);
  });

  it('Cancel does the same, and puts focus back on Edit too', async () => {
    const [el] = await answered();
    await startEditing(el);
    await sendKeys({ type: ' x' });
    await sendKeys({ press: 'Tab' }); // Send
    await sendKeys({ press: 'Tab' }); // Cancel
    expect(focused(el)?.textContent?.trim()).to.equal(nl.clip.cancel);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el)?.textContent?.trim() === nl.clip.edit, 'focus on Edit');
    expect(answerBox(el)!.textContent).to.contain('Eerste versie');
  });

  it('is not Cancel for a first answer: the typed text stays', async () => {
    const el = await renderClip(memoryAdapter());
    const textarea = root(el).querySelector('textarea')!;
    textarea.focus();
    await sendKeys({ type: 'Nog niet verstuurd' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(root(el).querySelector('textarea')!.value).to.equal('Nog niet verstuurd');
    expect(focused(el)).to.equal(root(el).querySelector('textarea'));
  });

  it('does not cancel a change that is being sent: it arrives and is shown', async () => {
    const adapter = memoryAdapter();
    const [el] = await answered(adapter);
    await startEditing(el);
    await sendKeys({ type: ' (gewijzigd)' });
    adapter.latency = 300;
    await sendKeys({ press: 'Tab' }); // Send
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => answerBox(el)?.textContent?.includes('Eerste versie (gewijzigd)'), 'the change arrives', { timeout: 3000 });
    expect(adapter.state.answers.find((a) => a.familyId === 'fam-01' && a.clipId === 'wish-2')!.text).to.equal('Eerste versie (gewijzigd)');
  });
});
