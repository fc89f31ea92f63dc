/**
 * The threads load with the first card that shows one (issue 23): a parent's feed without
 * anything sent downloads no thread code before its first card; a card with a thread shows it
 * with its data, as before; and a card whose thread code could not be loaded (the phone went
 * offline) stays usable and shows its thread once the browser is back online.
 */
import { expect } from '@open-wc/testing';
import { memoryAdapter, renderClip, shadow } from '../helpers/fixtures.js';
import { threadsModule } from '../../src/thread/lazy-threads.js';

const JANSEN = { about: { kind: 'answer' as const, id: 'wish-2' }, familyId: 'fam-01' };
const real = threadsModule.load;
let loads = 0;

const waitFor = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check(), what).to.equal(true);
};
const threadText = (el: HTMLElement) => shadow(el).querySelector('[part~="thread"] .thread-messages')?.textContent ?? '';

describe('threads loaded with the first card that shows one', () => {
  beforeEach(() => {
    loads = 0;
    threadsModule.load = () => {
      loads += 1;
      return real();
    };
  });
  afterEach(() => {
    threadsModule.load = real;
    localStorage.clear();
  });

  it('a parent’s card with nothing sent asks for no thread code, and still shows its question and reactions', async () => {
    const el = await renderClip(memoryAdapter({ viewerId: 'parent-1' }));
    expect(shadow(el).querySelector('[part~="answer-input"]'), 'the answer box').to.not.equal(null);
    const bar = shadow(el).querySelector('samen-feedback-bar')!;
    expect(bar.shadowRoot!.querySelectorAll('[part~="reaction"]').length).to.equal(4);
    expect(loads).to.equal(0);
  });

  it('a card with the teacher’s answer shows the thread with its data', async () => {
    const parent = memoryAdapter({ viewerId: 'parent-1' });
    await parent.saveHomeAnswer({ id: 'a-1', clipId: 'wish-2', kind: 'text', text: 'We hebben het thuis geoefend.' });
    await parent.forViewer('teacher-1').addThreadMessage({ id: 't-1', ...JANSEN, text: 'Wat fijn, dank jullie wel!' });
    const el = await renderClip(parent);
    expect(threadText(el)).to.contain('Wat fijn, dank jullie wel!');
    expect(loads).to.be.greaterThan(0);
  });

  it('offline, the card stays usable without its thread; back online, the thread opens', async () => {
    const parent = memoryAdapter({ viewerId: 'parent-1' });
    await parent.saveHomeAnswer({ id: 'a-1', clipId: 'wish-2', kind: 'text', text: 'We hebben het thuis geoefend.' });
    await parent.forViewer('teacher-1').addThreadMessage({ id: 't-1', ...JANSEN, text: 'Wat fijn, dank jullie wel!' });
    let offline = true;
    threadsModule.load = () => (offline ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : real());
    const el = await renderClip(parent);
    expect(shadow(el).querySelector('[part~="error"]'), 'no error state').to.equal(null);
    expect(shadow(el).querySelector('[part~="answer"]')?.textContent).to.contain('We hebben het thuis geoefend.');
    expect(shadow(el).querySelector('[part~="thread"]'), 'no thread while offline').to.equal(null);

    offline = false;
    window.dispatchEvent(new Event('online'));
    await waitFor(() => threadText(el).includes('Wat fijn, dank jullie wel!'), 'the thread shows once online');
    const thread = shadow(el).querySelector<HTMLDetailsElement>('[part~="thread"]')!;
    thread.querySelector('summary')!.click();
    await waitFor(() => thread.open, 'the thread opens');
  });
});
