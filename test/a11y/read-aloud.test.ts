/**
 * Read-aloud (src/core/read-aloud.ts) on the three texts parents and children most need to
 * hear: the lesson clip's home question, the feelings question and the matrix's focus of the
 * week. `window.speechSynthesis` is replaced by a stub that records what would be spoken, so
 * the tests check the words and the language a voice would get, not a sound.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import '../../src/define/samen-expectation-matrix.js';
import '../../src/define/samen-feelings-checkin.js';
import '../../src/define/samen-lesson-clip.js';
import '../../src/define/samen-provider.js';
import { joinSentences } from '../../src/core/read-aloud.js';
import { en } from '../../src/core/locales/en.js';
import { nl } from '../../src/core/locales/nl.js';
import { ar } from '../../src/locales/ar.js';
import { pl } from '../../src/locales/pl.js';
import { tr } from '../../src/locales/tr.js';
import { uk } from '../../src/locales/uk.js';
import { NOW, settled } from '../helpers/fixtures.js';
import { VOICES } from '../helpers/speech.js';

type Widget = HTMLElement & { updateComplete: Promise<boolean> };

interface Stub {
  spoken: SpeechSynthesisUtterance[];
  cancels: number;
  /** The voices the device has; change them, then `voiceschanged()`, as a browser that loads them late. */
  voices: SpeechSynthesisVoice[];
  voiceschanged: () => void;
}

let stub: Stub;

/** Puts a recording `speechSynthesis` on the window (or none, to be a browser without the API). */
function stubSpeech(present = true): void {
  const events = new EventTarget();
  stub = { spoken: [], cancels: 0, voices: [...VOICES], voiceschanged: () => events.dispatchEvent(new Event('voiceschanged')) };
  const fake = Object.assign(events, {
    speak: (u: SpeechSynthesisUtterance) => void stub.spoken.push(u),
    cancel: () => void stub.cancels++,
    getVoices: () => stub.voices,
  });
  Object.defineProperty(window, 'speechSynthesis', { value: present ? fake : undefined, configurable: true, writable: true });
}

afterEach(() => {
  // The own property shadows Window.prototype's real one; deleting it brings the real one back.
  delete (window as { speechSynthesis?: unknown }).speechSynthesis;
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

const WIDGETS = {
  clip: (locale: string) => html`<samen-lesson-clip clip-id="wish-2" view="parent" locale=${locale}></samen-lesson-clip>`,
  feelings: (locale: string) => html`<samen-feelings-checkin child-id="child-1" view="child" locale=${locale}></samen-feelings-checkin>`,
  matrix: (locale: string) =>
    html`<samen-expectation-matrix matrix-id="matrix-school" view="parent" layout="list" locale=${locale}></samen-expectation-matrix>`,
};

async function render(kind: keyof typeof WIDGETS, locale: string): Promise<Widget> {
  const adapter = new MemoryAdapter({ now: kind === 'feelings' ? new Date() : NOW, locale: locale === 'nl' ? 'nl' : 'en' });
  const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter}>${WIDGETS[kind](locale)}</samen-provider>`);
  const el = wrapper.querySelector<Widget>('samen-lesson-clip, samen-feelings-checkin, samen-expectation-matrix')!;
  await settled(el);
  return el;
}

const readButton = (el: Widget) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="read-aloud"]');
const textOf = (el: Widget, selector: string) => el.shadowRoot!.querySelector(selector)!.textContent.replace(/\s+/g, ' ').trim();
/** The button's name as a screen reader gets it: its text without the aria-hidden icon. */
function nameOf(button: HTMLButtonElement): string {
  const clone = button.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
  return clone.textContent.trim();
}

describe('read-aloud', () => {
  it("reads the heading in Arabic with an Arabic voice and the school's English question with an English one, from the keyboard", async () => {
    stubSpeech();
    const el = await render('clip', 'ar');
    const button = readButton(el)!;
    expect(nameOf(button)).to.equal(ar.readAloud);
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // The demo clip says `lang: 'en'` (test/a11y/content-lang.test.ts covers Dutch in Arabic).
    const question = textOf(el, '[part~="home-question"] .question');
    expect(question).to.not.equal('');
    expect(stub.spoken.map((u) => [u.lang, u.text])).to.deep.equal([
      ['ar', ar.clip.homeQuestion],
      ['en-US', question],
    ]);
    expect(button.getAttribute('aria-pressed'), 'pressed while speaking').to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('stops when pressed again, and shows it stopped when the voice ends', async () => {
    stubSpeech();
    const el = await render('clip', 'nl');
    const button = readButton(el)!;
    button.click();
    await el.updateComplete;
    const cancelsBefore = stub.cancels;
    button.click();
    await el.updateComplete;
    expect(stub.cancels).to.equal(cancelsBefore + 1);
    expect(stub.spoken).to.have.length(1);
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    stub.spoken[1]!.dispatchEvent(new Event('end'));
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
  });

  it('reads the feelings question in Turkish, and the feeling once chosen', async () => {
    stubSpeech();
    const el = await render('feelings', 'tr');
    expect(nameOf(readButton(el)!)).to.equal(tr.readAloud);
    readButton(el)!.click();
    expect(stub.spoken[0]!.lang).to.equal('tr');
    expect(stub.spoken[0]!.text.startsWith(tr.feelings.question)).to.equal(true);
  });

  it('reads the focus of the week in Polish and Ukrainian', async () => {
    for (const [locale, table] of [
      ['pl', pl],
      ['uk', uk],
    ] as const) {
      stubSpeech();
      const el = await render('matrix', locale);
      const button = readButton(el)!;
      expect(button.closest('[part~="focus"]'), 'inside the focus of the week').to.not.equal(null);
      expect(nameOf(button)).to.equal(table.readAloud);
      button.click();
      // Our heading in the card's language, the school's English words in English.
      const [heading, words] = stub.spoken;
      expect(heading!.lang).to.equal(locale);
      expect(heading!.text).to.equal(table.matrix.focus);
      expect(words!.lang).to.equal('en-US');
      expect(words!.text).to.contain(textOf(el, '.focus-where'));
      expect(words!.text).to.contain(textOf(el, '.focus-text'));
    }
  });

  it('is a 44 × 44 px target in every widget', async () => {
    stubSpeech();
    for (const kind of Object.keys(WIDGETS) as (keyof typeof WIDGETS)[]) {
      const box = readButton(await render(kind, 'en'))!.getBoundingClientRect();
      expect(box.width, kind).to.be.at.least(44);
      expect(box.height, kind).to.be.at.least(44);
    }
  });

  it('is not shown where the browser cannot speak', async () => {
    stubSpeech(false);
    for (const kind of Object.keys(WIDGETS) as (keyof typeof WIDGETS)[]) {
      const el = await render(kind, 'nl');
      expect(el.shadowRoot!.querySelector('[part~="base"]'), kind).to.not.equal(null);
      expect(readButton(el), kind).to.equal(null);
    }
  });

  it('is offered only when the device has a voice for the card’s language, and again once one arrives', async () => {
    stubSpeech();
    stub.voices = VOICES.filter((v) => !v.lang.startsWith('nl'));
    const el = await render('feelings', 'nl');
    expect(readButton(el), 'no Dutch voice').to.equal(null);
    // Browsers load their voices late: a Belgian Dutch voice arrives, and the button with it.
    stub.voices = [...stub.voices, { ...VOICES[0]!, lang: 'nl-BE' }];
    stub.voiceschanged();
    await el.updateComplete;
    expect(nameOf(readButton(el)!)).to.equal(nl.readAloud);
  });

  it('says so when speaking fails, and not when it was only stopped', async () => {
    stubSpeech();
    const el = await render('feelings', 'nl');
    const failure = () => el.shadowRoot!.querySelector('[role="alert"]')?.textContent.trim();
    readButton(el)!.click();
    await el.updateComplete;
    stub.spoken[stub.spoken.length - 1]!.dispatchEvent(Object.assign(new Event('error'), { error: 'interrupted' }));
    await el.updateComplete;
    expect(failure(), 'stopped is no failure').to.equal(undefined);
    readButton(el)!.click();
    await el.updateComplete;
    stub.spoken[stub.spoken.length - 1]!.dispatchEvent(Object.assign(new Event('error'), { error: 'synthesis-failed' }));
    await el.updateComplete;
    expect(failure()).to.equal(nl.readAloudFailed);
    expect(readButton(el)!.getAttribute('aria-pressed')).to.equal('false');
    await expect(el).to.be.accessible();
    // The voice is gone when pressed: the same words, nothing spoken.
    readButton(el)!.click();
    await el.updateComplete;
    expect(failure()).to.equal(undefined);
    const spokenBefore = stub.spoken.length;
    stub.voices = [];
    readButton(el)!.click();
    await el.updateComplete;
    expect(stub.spoken.length).to.equal(spokenBefore);
  });

  it('reads every feeling with its number, so a child who cannot read hears each choice', async () => {
    stubSpeech();
    const el = await render('feelings', 'nl');
    readButton(el)!.click();
    const [reading] = stub.spoken.map((u) => u.text);
    expect(reading).to.match(
      /^Hoe voel je je\? 1: blij\. 2: boos\. 3: bang\. 4: verdrietig\. 5: trots\. 6: moe\. 7: zenuwachtig\. 8: rustig\b/,
    );
  });

  it('stops speaking when the widget leaves the page', async () => {
    stubSpeech();
    const el = await render('clip', 'en');
    readButton(el)!.click();
    const cancels = stub.cancels;
    el.remove();
    expect(stub.cancels).to.equal(cancels + 1);
  });

  it('has its label in all six languages', () => {
    const labels = [nl, en, ar, tr, pl, uk].map((t) => t.readAloud);
    expect(new Set(labels).size).to.equal(6);
  });

  it('joins sentences with one full stop, never "?."', () => {
    expect(joinSentences(['How do you feel?', 'proud', undefined, ' very ', ''])).to.equal('How do you feel? proud. very');
    expect(joinSentences(['كيف تشعر؟', 'السعادة'])).to.equal('كيف تشعر؟ السعادة');
    expect(joinSentences([])).to.equal('');
  });
});
