import { expect, fixture, html } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { hasLocale, loadLocale, messagesFor, onLocalesChange, registerLocale, resolveLocale } from '../../src/core/i18n.js';
// The tables as data only: importing them registers nothing (src/locales/xx.ts does).
import { en } from '../../src/core/locales/en.js';
import { nl } from '../../src/core/locales/nl.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-lesson-clip.js';
import '../../src/define/samen-clip-composer.js';
import type { SamenClipComposer } from '../../src/clip-composer/clip-composer.js';
import { composerMessages } from '../../src/clip-composer/messages.js';
import { ar as composerAr } from '../../src/clip-composer/locales/ar.js';
import { en as composerEn } from '../../src/clip-composer/locales/en.js';
import { nl as composerNl } from '../../src/clip-composer/locales/nl.js';
import type { SamenLessonClip } from '../../src/lesson-clip/lesson-clip.js';
import { clipMessages } from '../../src/lesson-clip/messages.js';
import { ar as clipAr } from '../../src/lesson-clip/locales/ar.js';
import { en as clipEn } from '../../src/lesson-clip/locales/en.js';
import { nl as clipNl } from '../../src/lesson-clip/locales/nl.js';

/*
 * This page imports no language entry (unlike test/helpers/fixtures.ts, which loads English up
 * front): only Dutch is built in, and the rest must load when a widget asks for it.
 */

const NOW = new Date('2026-11-20T10:00:00Z');
const nextChange = () =>
  new Promise<void>((resolve) => {
    const stop = onLocalesChange(() => {
      stop();
      resolve();
    });
  });

/** What the card shows, its own and its feedback bar's text, and whether any of it is an error. */
function snapshot(el: SamenLessonClip) {
  const bar = el.shadowRoot!.querySelector('samen-feedback-bar');
  const text = `${el.shadowRoot!.textContent} ${bar?.shadowRoot?.textContent ?? ''}`.replace(/\s+/g, ' ');
  const lang = el.shadowRoot!.querySelector('[part~="base"]')?.getAttribute('lang');
  const alert = !!el.shadowRoot!.querySelector('[role="alert"]') || !!bar?.shadowRoot?.querySelector('[role="alert"]');
  return { text, lang, alert };
}

/** Renders a lesson clip in `locale` and records what it shows after every change to its shadow DOM. */
async function renderRecorded(locale: string) {
  const errors: Event[] = [];
  document.addEventListener('samen-error', (e) => errors.push(e));
  const adapter = new MemoryAdapter({ now: NOW });
  const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale=${locale}>
    <samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip>
  </samen-provider>`);
  const el = wrapper.querySelector<SamenLessonClip>('samen-lesson-clip')!;
  const seen = [snapshot(el)];
  const observer = new MutationObserver(() => seen.push(snapshot(el)));
  observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
  return { el, seen, errors, stop: () => observer.disconnect() };
}

async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition(), what).to.equal(true);
}

describe('languages other than Dutch load on demand', () => {
  it('start with Dutch only: the others are known but not loaded', () => {
    for (const code of ['en', 'ar', 'tr', 'pl', 'uk', 'ar-MA']) expect(hasLocale(code), code).to.equal(true);
    expect(hasLocale('de')).to.equal(false);
    expect(hasLocale('constructor')).to.equal(false);
    expect(messagesFor('nl')).to.equal(nl);
  });

  it('fill a partial table from Dutch until English has loaded, then from English', async () => {
    const changed = nextChange();
    registerLocale('fr', { clip: { goal: 'But de la leçon' } });
    expect(clipMessages.get('fr').goal).to.equal('But de la leçon');
    expect(clipMessages.get('fr').homeQuestion, 'for now').to.equal(clipNl.homeQuestion);
    await changed;
    // The shared table and the lesson clip's section each fill their gaps once their English is there.
    const english = () =>
      clipMessages.get('fr').homeQuestion === clipEn.homeQuestion && messagesFor('fr').unknownProgramme === en.unknownProgramme;
    await until(english, 'the gaps are English once it has loaded');
    expect(clipMessages.get('fr').goal).to.equal('But de la leçon');
    expect(messagesFor('fr').charactersLeft(2)).to.equal('2 characters left');
    // Loading English for the gaps registers no English for the widgets: that is its own file.
    expect(resolveLocale('en-GB')).to.equal('nl');
  });

  it('a card asked for English waits the moment English takes to load, then shows English: never Dutch first, a key name or an error', async () => {
    const { el, seen, errors, stop } = await renderRecorded('en');
    expect(seen[0]!.lang, 'nothing rendered before English is there').to.equal(undefined);
    expect(await loadLocale('en')).to.equal(true);
    await until(() => snapshot(el).text.includes(clipEn.homeQuestion), 'the card re-renders in English');
    stop();
    const last = snapshot(el);
    expect(last.lang).to.equal('en');
    expect(last.text).to.contain(clipEn.goal);
    expect(last.text).to.not.contain(clipNl.goal);
    const keyName = /\b[a-z]+[A-Z][a-zA-Z]*\b|undefined|NaN/;
    for (const shown of seen) {
      expect(shown.alert, shown.text).to.equal(false);
      expect(shown.text, shown.text).to.not.match(keyName);
      expect(['en', null, undefined], 'never Dutch on the way').to.include(shown.lang);
    }
    expect(errors).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('a card asked for Arabic loads it by itself and turns right to left', async () => {
    expect(resolveLocale('ar-SY'), 'not loaded yet').to.equal('nl');
    const { el, seen, errors, stop } = await renderRecorded('ar-SY');
    await until(() => snapshot(el).lang === 'ar', 'the card re-renders in Arabic');
    await until(() => snapshot(el).text.includes(clipAr.homeQuestion), 'with its words');
    stop();
    expect(el.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
    expect(messagesFor('ar-MA').dir).to.equal('rtl');
    for (const shown of seen) expect(shown.alert, shown.text).to.equal(false);
    expect(errors).to.have.length(0);
  });

  it('the clip composer shows its loading state, not Dutch, until its own words in the language are there', async () => {
    localStorage.removeItem('samen:composer:teacher-1');
    const adapter = new MemoryAdapter({ now: NOW, viewerId: 'teacher-1' });
    const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale="en">
      <samen-clip-composer .classes=${[{ id: 'groep6-wish', label: 'Groep 6' }]}></samen-clip-composer>
    </samen-provider>`);
    const el = wrapper.querySelector<SamenClipComposer>('samen-clip-composer')!;
    const seen: string[] = [];
    const record = () => seen.push(el.shadowRoot!.textContent.replace(/\s+/g, ' '));
    record();
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]'), 'its words load with it: not in the shared English table').to.not.equal(
      null,
    );
    const observer = new MutationObserver(record);
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    await until(() => !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'the composer leaves its loading state');
    await el.updateComplete;
    observer.disconnect();
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal(composerEn.heading);
    expect(composerMessages.ready('en-GB')).to.equal(true);
    const keyNames = Object.keys(composerEn).filter((key) => /[a-z][A-Z]/.test(key));
    for (const shown of seen) {
      expect(shown, 'no Dutch composer words on the way').to.not.contain(composerNl.heading);
      expect(shown).to.not.contain('undefined');
      expect(
        keyNames.filter((key) => shown.includes(key)),
        shown,
      ).to.deep.equal([]);
    }
  });

  it('the composer’s own words: each language its own, English for a language a host registered', async () => {
    expect((await composerMessages.load('ar-MA')).heading).to.equal(composerAr.heading);
    expect(composerMessages.get('ar')).to.equal(composerAr);
    registerLocale('sv', { retry: 'Försök igen' });
    expect(composerMessages.get('sv')).to.equal(composerEn);
    expect(composerMessages.get('nl-BE')).to.equal(composerNl);
  });

  it('loadLocale says whether a language is there; one Samen does not ship stays Dutch', async () => {
    expect(await loadLocale('tr-TR')).to.equal(true);
    expect(resolveLocale('tr-TR')).to.equal('tr');
    expect(await loadLocale('de')).to.equal(false);
    expect(await loadLocale('constructor')).to.equal(false);
    expect(resolveLocale('de')).to.equal('nl');
  });
});
