/**
 * Escape closes what a widget opens, with real key presses (`sendKeys`), and focus goes back to
 * what opened it: the lesson clip's answer editing (the sent answer shows again, unchanged),
 * the teacher's "not reached yet" and "who reacted" lists, the reward chart's new-goal form and
 * the clip composer's preview.
 * The matrix editor's Escape is tested in test/a11y/tree.test.ts.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import type { SamenClipComposer } from '../../src/clip-composer/clip-composer.js';
import { nl as composerNl } from '../../src/clip-composer/locales/nl.js';
import { nl } from '../helpers/tables.js';
import type { SamenLessonClip } from '../../src/lesson-clip/lesson-clip.js';
import '../../src/define/samen-clip-composer.js';
import '../../src/define/samen-feedback-bar.js';
import '../../src/define/samen-reward-chart.js';
import { memoryAdapter, renderClip, settled } from '../helpers/fixtures.js';

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
  expect(edit.textContent.trim()).to.equal(nl.clip.edit);
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

/** Opens a <details> by keyboard (Enter on its summary), then Escape from inside it closes it, focus on the summary. */
async function escapeCloses(el: HTMLElement, details: HTMLDetailsElement): Promise<void> {
  const summary = details.querySelector('summary')!;
  expect(details.open, 'closed at first').to.equal(false);
  summary.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => details.open, 'opened with Enter');
  await sendKeys({ press: 'Escape' });
  expect(details.open, 'Escape closes it').to.equal(false);
  expect(focused(el), 'focus on its summary').to.equal(summary);
  // From further inside: a focusable list would have focus there; the list itself is where a click lands.
  summary.click();
  await waitUntil(() => details.open, 'opened again');
  const inside = details.querySelector<HTMLElement>('ul, p')!;
  inside.tabIndex = -1;
  inside.focus();
  await sendKeys({ press: 'Escape' });
  expect(details.open, 'Escape from inside closes it').to.equal(false);
  expect(focused(el)).to.equal(summary);
}

describe('Escape: the teacher’s lists and the composer’s preview', () => {
  it('closes the lesson clip’s "not reached yet" list', async () => {
    const teacher = await renderClip(memoryAdapter().forViewer('teacher-1'), { view: 'teacher' });
    const details = root(teacher).querySelector<HTMLDetailsElement>('details[part~="not-reached"]')!;
    expect(details.querySelector('summary')!.textContent).to.contain(nl.clip.notReached);
    await escapeCloses(teacher, details);
    await expect(teacher).to.be.accessible();
  });

  it('closes the feedback bar’s "who reacted" list', async () => {
    const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${memoryAdapter().forViewer('teacher-1')} locale="nl">
      <samen-feedback-bar target-id="host-post-1" view="teacher"></samen-feedback-bar>
    </samen-provider>`);
    const bar = wrapper.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('samen-feedback-bar')!;
    await settled(bar);
    const details = root(bar).querySelector<HTMLDetailsElement>('details')!;
    expect(details.querySelector('summary')!.textContent).to.contain(nl.feedback.whoReacted);
    await escapeCloses(bar, details);
  });

  it('closes the reward chart’s new-goal form unsaved, focus back on the reward button', async () => {
    const adapter = memoryAdapter({ viewerId: 'teacher-1' });
    adapter.state.charts['class-wish']!.goal = 31; // the seeded chart has 31 tokens: the goal is reached
    const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale="nl">
      <samen-reward-chart chart-id="class-wish" view="teacher"></samen-reward-chart>
    </samen-provider>`);
    const el = wrapper.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('samen-reward-chart')!;
    await settled(el);
    const redeem = root(el).querySelector<HTMLButtonElement>('[part~="redeem-button"]')!;
    expect(redeem.textContent.trim()).to.equal(nl.reward.redeem);
    redeem.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const goal = root(el).querySelector<HTMLInputElement>('form.new-goal input[name="goal"]')!;
    expect(focused(el), 'focus on the new goal, not lost with the button').to.equal(goal);
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '40' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(root(el).querySelector('form.new-goal'), 'the form is closed').to.equal(null);
    expect(focused(el)?.getAttribute('part')).to.equal('redeem-button');
    expect(adapter.state.charts['class-wish']).to.include({ goal: 31 });
    expect(adapter.calls.filter((c) => c.method === 'redeem')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('the reward chart’s new-goal form also has a Cancel button (keyboard: Tab to it, Enter): closed unsaved, focus back', async () => {
    const adapter = memoryAdapter({ viewerId: 'teacher-1' });
    adapter.state.charts['class-wish']!.goal = 31;
    const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale="nl">
      <samen-reward-chart chart-id="class-wish" view="teacher"></samen-reward-chart>
    </samen-provider>`);
    const el = wrapper.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('samen-reward-chart')!;
    await settled(el);
    root(el).querySelector<HTMLButtonElement>('[part~="redeem-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ type: '0' });
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'Tab' }); // reward, Start, Cancel
    expect(focused(el)?.textContent?.trim()).to.equal(nl.reward.cancelNewGoal);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(root(el).querySelector('form.new-goal'), 'the form is closed').to.equal(null);
    expect(focused(el)?.getAttribute('part')).to.equal('redeem-button');
    expect(adapter.state.charts['class-wish']).to.include({ goal: 31 });
    expect(adapter.calls.filter((c) => c.method === 'redeem')).to.have.length(0);
  });

  it('closes the clip composer’s preview, focus back on its button', async () => {
    localStorage.removeItem('samen:composer:teacher-1');
    const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${memoryAdapter({ viewerId: 'teacher-1' })} locale="nl">
      <samen-clip-composer .classes=${[{ id: 'groep6-wish', label: 'Groep 6' }]}></samen-clip-composer>
    </samen-provider>`);
    const el = wrapper.querySelector<SamenClipComposer>('samen-clip-composer')!;
    await settled(el);
    // WIsH lesson 3, from the programme library, so the previewed card has a question to answer.
    for (const [id, value] of [
      ['programme', 'wish'],
      ['lesson', 'wish-3'],
    ] as const) {
      const select = root(el).querySelector<HTMLSelectElement>(`#${id}`)!;
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
    }
    const button = root(el).querySelector<HTMLButtonElement>('[part~="preview-button"]')!;
    const preview = root(el).querySelector<HTMLElement>('[part~="preview"]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(preview.hidden).to.equal(false);

    // Escape on the button closes it.
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect([button.getAttribute('aria-expanded'), preview.hidden]).to.deep.equal(['false', true]);
    expect(focused(el)).to.equal(button);

    // Escape from inside the previewed card closes it too, and focus comes back to the button.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('samen-lesson-clip'), 'the previewed card');
    const card = root(el).querySelector<SamenLessonClip>('samen-lesson-clip')!;
    await settled(card);
    const inside = root(card).querySelector<HTMLElement>('textarea')!;
    inside.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect([button.getAttribute('aria-expanded'), preview.hidden]).to.deep.equal(['false', true]);
    expect(focused(el)).to.equal(button);
    expect(button.textContent.trim()).to.equal(composerNl.preview);
  });
});
