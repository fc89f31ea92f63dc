/**
 * WCAG 3.1.2 Language of Parts: an Arabic parent's card keeps its own labels in Arabic
 * (`lang="ar"`), while the school's Dutch words in it (the lesson, the chart, the matrix, a
 * host's feeling words) carry `lang="nl"`, so a screen reader and the read-aloud button speak
 * them with a Dutch voice. A family's own words and every text box take their direction from
 * what is typed (`dir="auto"`). `speechSynthesis` is a stub that records the utterances.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import '../../src/define/samen-expectation-matrix.js';
import '../../src/define/samen-feedback-bar.js';
import '../../src/define/samen-feelings-checkin.js';
import '../../src/define/samen-lesson-clip.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-reward-chart.js';
import { configure } from '../../src/core/context.js';
import { directionOf, isLangTag, voiceLang } from '../../src/core/content-lang.js';
import { withParts } from '../../src/core/in-language.js';
import type { FeelingDefinition } from '../../src/feelings-checkin/schemas.js';
import { ar } from '../../src/locales/ar.js';
import { collectErrors, NOW, settled } from '../helpers/fixtures.js';
import { VOICES } from '../helpers/speech.js';

type Widget = HTMLElement & { updateComplete: Promise<boolean> };

let spoken: SpeechSynthesisUtterance[] = [];
function stubSpeech(): void {
  spoken = [];
  const fake = { speak: (u: SpeechSynthesisUtterance) => void spoken.push(u), cancel: () => {}, getVoices: () => VOICES };
  Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true, writable: true });
}

afterEach(() => {
  delete (window as { speechSynthesis?: unknown }).speechSynthesis;
  configure({ contentLang: undefined });
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

/** A Dutch school (its seeds say `lang: 'nl'`) seen by `viewerId`. */
const dutchSchool = (viewerId = 'parent-1') => new MemoryAdapter({ now: NOW, locale: 'nl', viewerId });

async function render(adapter: MemoryAdapter, widget: TemplateResult, contentLang?: string): Promise<Widget> {
  const wrapper = await fixture<HTMLElement>(
    html`<samen-provider .adapter=${adapter} content-lang=${contentLang ?? ''}>${widget}</samen-provider>`,
  );
  const el = wrapper.firstElementChild as Widget;
  await settled(el);
  return el;
}

const $ = (el: Widget, selector: string) => {
  const node = el.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!node) throw new Error(`no ${selector}`);
  return node;
};
const $$ = (el: Widget, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
/** The language a screen reader reads `node` in: its nearest `lang`. */
const langOf = (node: Element) => node.closest('[lang]')?.getAttribute('lang');
const text = (node: Element) => node.textContent.replace(/\s+/g, ' ').trim();

/** The school's words carry Dutch and its direction; nothing else around them does. */
function expectDutch(nodes: HTMLElement[], what: string): void {
  expect(nodes.length, `${what}: found`).to.be.greaterThan(0);
  for (const node of nodes) {
    expect(node.getAttribute('lang'), `${what}: ${text(node)}`).to.equal('nl');
    expect(node.getAttribute('dir'), `${what}: ${text(node)}`).to.equal('ltr');
  }
}

function expectArabic(nodes: HTMLElement[], what: string): void {
  expect(nodes.length, `${what}: found`).to.be.greaterThan(0);
  for (const node of nodes) expect(langOf(node), `${what}: ${text(node)}`).to.equal('ar');
}

describe('language of parts (WCAG 3.1.2)', () => {
  describe('lesson clip', () => {
    const clip = (locale = 'ar') => html`<samen-lesson-clip clip-id="wish-2" view="parent" locale=${locale}></samen-lesson-clip>`;

    it('marks the Dutch lesson in an Arabic card, keeps its labels Arabic, and reads the home question with a Dutch voice', async () => {
      stubSpeech();
      const el = await render(dutchSchool(), clip());
      const card = $(el, '[part~="base"]');
      expect(card.getAttribute('lang')).to.equal('ar');
      expect(card.getAttribute('dir')).to.equal('rtl');
      expectDutch([$(el, '[part~="title"]'), $(el, '.meta span'), $(el, '.goal p'), $(el, '.learned p'), $(el, '.question')], 'clip words');
      expectDutch($$(el, '[part~="media"] img'), 'photo descriptions');
      expectArabic(
        [
          $(el, '.goal h3'),
          $(el, '.learned h3'),
          $(el, '#home-heading'),
          $(el, 'label[for="answer"]'),
          $(el, '[part~="send-button"]'),
          $(el, 'time'),
        ],
        'labels',
      );
      expect(text($(el, '#home-heading'))).to.equal(ar.clip.homeQuestion);

      const button = $(el, '[part~="read-aloud"]');
      expect(langOf(button)).to.equal('ar');
      button.click();
      await el.updateComplete;
      expect(spoken.map((u) => [u.lang, u.text])).to.deep.equal([
        ['ar', ar.clip.homeQuestion],
        ['nl-NL', text($(el, '.question'))],
      ]);
      expect(button.getAttribute('aria-pressed'), 'speaking until the Dutch part ends').to.equal('true');
      spoken[0]!.dispatchEvent(new Event('end'));
      await el.updateComplete;
      expect(button.getAttribute('aria-pressed'), 'still speaking after the Arabic part').to.equal('true');
      spoken[1]!.dispatchEvent(new Event('end'));
      await el.updateComplete;
      expect(button.getAttribute('aria-pressed')).to.equal('false');

      expect($(el, 'textarea').getAttribute('dir'), 'the answer box follows what is typed').to.equal('auto');
      await expect(el).to.be.accessible();
    });

    it('marks nothing in a Dutch card: the words are already in its language', async () => {
      stubSpeech();
      const el = await render(dutchSchool(), clip('nl'));
      for (const node of [$(el, '[part~="title"]'), $(el, '.question'), $(el, '.goal p')]) {
        expect(node.hasAttribute('lang'), text(node)).to.equal(false);
        expect(langOf(node)).to.equal('nl');
      }
      $(el, '[part~="read-aloud"]').click();
      expect(spoken, 'one voice for one language').to.have.length(1);
      expect(spoken[0]!.lang).to.equal('nl');
    });

    it('without a lang, inherits (nothing gets worse); the page or provider default then marks it', async () => {
      const adapter = dutchSchool();
      delete (adapter.state.clips['wish-2'] as Record<string, unknown>)['lang'];
      const el = await render(adapter, clip());
      const title = $(el, '[part~="title"]');
      expect(title.hasAttribute('lang'), 'unknown: no lang').to.equal(false);
      expect(title.hasAttribute('dir')).to.equal(false);

      configure({ contentLang: 'nl' });
      await el.updateComplete;
      expect($(el, '[part~="title"]').getAttribute('lang'), 'configure({ contentLang })').to.equal('nl');

      const provided = await render(adapter, clip(), 'en-GB');
      expect($(provided, '[part~="title"]').getAttribute('lang'), 'the provider wins over the page').to.equal('en-GB');
      // The item's own lang wins over both.
      (adapter.state.clips['wish-2'] as Record<string, unknown>)['lang'] = 'nl';
      const own = await render(adapter, clip(), 'en-GB');
      expect($(own, '[part~="title"]').getAttribute('lang')).to.equal('nl');
    });

    it('an invalid content-lang or contentLang is ignored', async () => {
      const adapter = dutchSchool();
      delete (adapter.state.clips['wish-2'] as Record<string, unknown>)['lang'];
      configure({ contentLang: 'Dutch, please' });
      const el = await render(adapter, clip(), '<b>');
      expect($(el, '[part~="title"]').hasAttribute('lang')).to.equal(false);
    });

    it('repairs a lang that is not BCP 47: the lesson still shows, unmarked, with a non-fatal samen-error', async () => {
      const adapter = dutchSchool();
      (adapter.state.clips['wish-2'] as Record<string, unknown>)['lang'] = 'nl_NL"><script>';
      let el!: Widget;
      const errors = await collectErrors(async () => (el = await render(adapter, clip())));
      const problem = errors.find((e) => e.issues.some((i) => i.path === 'lang'));
      expect(problem, 'reported').to.not.equal(undefined);
      expect(problem!.fatal).to.equal(false);
      expect(problem!.kind).to.equal('invalid-data');
      expect(JSON.stringify(problem!.issues), 'the value is not in the report').to.not.contain('script');
      expect(text($(el, '[part~="title"]'))).to.not.equal('');
      expect($(el, '[part~="title"]').hasAttribute('lang')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('gives a school writing right to left its direction in a Dutch card', async () => {
      const adapter = dutchSchool();
      (adapter.state.clips['wish-2'] as Record<string, unknown>)['lang'] = 'ar';
      const el = await render(adapter, clip('nl'));
      const title = $(el, '[part~="title"]');
      expect(title.getAttribute('lang')).to.equal('ar');
      expect(title.getAttribute('dir')).to.equal('rtl');
    });

    it("gives families' answers dir=auto and no lang in the teacher's view", async () => {
      const el = await render(
        dutchSchool('teacher-1'),
        html`<samen-lesson-clip clip-id="wish-2" view="teacher" locale="ar"></samen-lesson-clip>`,
      );
      const answers = $$(el, '[part~="answers"] li p:not(.family)').filter((p) => !p.querySelector('.muted'));
      expect(answers.length, 'seeded text answers').to.be.greaterThan(0);
      for (const p of answers) {
        expect(p.getAttribute('dir')).to.equal('auto');
        expect(p.hasAttribute('lang')).to.equal(false);
      }
      await expect(el).to.be.accessible();
    });
  });

  describe('reward chart', () => {
    it("marks the chart's title, reward, focus and earned rewards; the sentence around the reward stays Arabic", async () => {
      const el = await render(
        dutchSchool(),
        html`<samen-reward-chart chart-id="class-wish" view="parent" locale="ar"></samen-reward-chart>`,
      );
      expectDutch(
        [
          $(el, '[part~="title"]'),
          $(el, '.reward span'),
          ...$$(el, '[part~="focus"] li span:not([aria-hidden])'),
          ...$$(el, '.earned li span'),
        ],
        'chart words',
      );
      const reward = $(el, '.reward');
      expect(reward.hasAttribute('lang')).to.equal(false);
      expect(langOf(reward)).to.equal('ar');
      expect(text(reward)).to.equal(ar.reward.rewardIs('Extra gymles'));
      await expect(el).to.be.accessible();
    });

    it("marks the focus inside the teacher's award button, and the home sticker box follows what is typed", async () => {
      const teacher = await render(
        dutchSchool('teacher-1'),
        html`<samen-reward-chart chart-id="class-wish" view="teacher" locale="ar"></samen-reward-chart>`,
      );
      const button = $(teacher, '[part~="award-button"]');
      expect(langOf(button)).to.equal('ar');
      expectDutch([button.querySelector<HTMLElement>('.for span')!], 'focus in the button');
      await expect(teacher).to.be.accessible();

      const parent = await render(
        dutchSchool(),
        html`<samen-reward-chart chart-id="personal-child-1" view="parent" locale="ar"></samen-reward-chart>`,
      );
      expect($(parent, '#reason').getAttribute('dir')).to.equal('auto');
      for (const reason of $$(parent, '.reason')) expect(reason.getAttribute('dir'), text(reason)).to.equal('auto');
      await expect(parent).to.be.accessible();
    });

    it('repairs a lang that is not BCP 47 with a non-fatal samen-error', async () => {
      const adapter = dutchSchool();
      (adapter.state.charts['class-wish'] as unknown as Record<string, unknown>)['lang'] = 42;
      let el!: Widget;
      const errors = await collectErrors(
        async () =>
          (el = await render(adapter, html`<samen-reward-chart chart-id="class-wish" view="parent" locale="ar"></samen-reward-chart>`)),
      );
      expect(errors.some((e) => !e.fatal && e.issues.some((i) => i.path === 'lang'))).to.equal(true);
      expect($(el, '[part~="title"]').hasAttribute('lang')).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  describe('expectation matrix', () => {
    const matrix = (id = 'matrix-school') =>
      html`<samen-expectation-matrix matrix-id=${id} view="parent" layout="list" locale="ar"></samen-expectation-matrix>`;

    it('marks values, locations, expectations and the focus of the week, and reads them with a Dutch voice', async () => {
      stubSpeech();
      const el = await render(dutchSchool(), matrix());
      expectDutch(
        [
          $(el, '#heading'),
          ...$$(el, '[part~="list"] h3 span:not(.pictogram)'),
          ...$$(el, '[part~="list"] dt > span:not(.pictogram)'),
          ...$$(el, '[part~="list"] li span:not(.pictogram)'),
        ],
        'matrix words',
      );
      expectDutch([...$$(el, '.focus-where span'), ...$$(el, '.focus-text'), ...$$(el, '[part~="focus"] bdi')], 'focus of the week');
      expectArabic(
        [$(el, '#focus-heading'), $(el, '.focus-where'), ...$$(el, '[part~="focus"] strong'), $(el, 'label[for="success"]')],
        'labels',
      );
      expect($(el, '#success').getAttribute('dir')).to.equal('auto');

      $(el, '[part~="read-aloud"]').click();
      expect(spoken.map((u) => u.lang)).to.deep.equal(['ar', 'nl-NL', 'ar', 'nl-NL']);
      expect(spoken[0]!.text).to.equal(ar.matrix.focus);
      expect(spoken[1]!.text).to.contain(text($(el, '.focus-where')));
      expect(spoken[1]!.text).to.contain(text($(el, '.focus-text')));
      expect(spoken[2]!.text).to.equal(`${ar.matrix.homeTip}:`);
      await expect(el).to.be.accessible();
    });

    it("takes no page default for a family's own matrix: its words only follow their own direction", async () => {
      const el = await render(dutchSchool(), matrix('matrix-home-fam-01'), 'nl');
      const words = $$(el, '[part~="list"] li span:not(.pictogram)');
      expect(words.length).to.be.greaterThan(0);
      for (const word of words) {
        expect(word.hasAttribute('lang'), text(word)).to.equal(false);
        expect(word.getAttribute('dir')).to.equal('auto');
      }
      await expect(el).to.be.accessible();
    });

    it('repairs a lang that is not BCP 47 with a non-fatal samen-error', async () => {
      const adapter = dutchSchool();
      (adapter.state.matrices['matrix-school'] as unknown as Record<string, unknown>)['lang'] = 'x';
      let el!: Widget;
      const errors = await collectErrors(async () => (el = await render(adapter, matrix())));
      expect(errors.some((e) => !e.fatal && e.issues.some((i) => i.path === 'lang'))).to.equal(true);
      expect($(el, '#heading').hasAttribute('lang')).to.equal(false);
    });
  });

  describe('feelings check-in', () => {
    // A school's own words, given only in Dutch, beside one given in Arabic too.
    const feelings: FeelingDefinition[] = [
      { id: 'kanjer', labels: { nl: 'kanjer' }, icon: '🧢', color: '#ffffff' },
      { id: 'calm', labels: { nl: 'rustig', ar: 'هادئ' }, icon: '😌', color: '#2f9e44' },
    ];

    it("marks a host's Dutch-only feeling word, not one it gave in Arabic, and reads it with a Dutch voice", async () => {
      stubSpeech();
      const el = await render(
        new MemoryAdapter({ now: new Date(), locale: 'nl' }),
        html`<samen-feelings-checkin child-id="child-1" view="child" locale="ar" .feelings=${feelings}></samen-feelings-checkin>`,
      );
      const [kanjer, calm] = $$(el, '[part~="feeling"] .word');
      expectDutch([kanjer!], 'Dutch-only word');
      expect(calm!.hasAttribute('lang')).to.equal(false);
      expect(langOf(calm!)).to.equal('ar');

      el.shadowRoot!.querySelector<HTMLInputElement>('input[value="kanjer"]')!.click();
      await el.updateComplete;
      expect($(el, '#note').getAttribute('dir')).to.equal('auto');
      expectDutch([el.shadowRoot!.querySelector<HTMLElement>('label[for="note"] span')!], 'the word in the sentence starter');
      $(el, '[part~="read-aloud"]').click();
      // The question and "1:", the Dutch word, "2: هادئ" and "your choice", the Dutch word again, the strength.
      expect(spoken.map((u) => u.lang)).to.deep.equal(['ar', 'nl-NL', 'ar', 'nl-NL', 'ar']);
      expect(spoken[1]!.text).to.equal('kanjer');
      expect(spoken[3]!.text).to.equal('kanjer');
      await expect(el).to.be.accessible();
    });
  });

  describe('feedback bar', () => {
    it('gives replies and the reply box dir=auto', async () => {
      const teacher = await render(
        dutchSchool('teacher-1'),
        html`<samen-feedback-bar target-id="wish-2" view="teacher" locale="ar"></samen-feedback-bar>`,
      );
      const replies = $$(teacher, '[part~="replies"] li p');
      expect(replies.length).to.be.greaterThan(0);
      for (const p of replies) expect(p.getAttribute('dir'), text(p)).to.equal('auto');
      await expect(teacher).to.be.accessible();

      const parent = await render(
        dutchSchool(),
        html`<samen-feedback-bar target-id="wish-2" view="parent" allow-reply locale="ar"></samen-feedback-bar>`,
      );
      expect($(parent, '[part~="reply-input"]').getAttribute('dir')).to.equal('auto');
    });
  });

  describe('the rules underneath', () => {
    it('accepts BCP 47 tags and refuses the rest', () => {
      for (const tag of ['nl', 'en-GB', 'zh-Hant-TW', 'sr-Latn', 'es-419', 'fy', 'de-CH-1996']) expect(isLangTag(tag), tag).to.equal(true);
      for (const tag of ['', 'n', 'nl_NL', 'Dutch', 'nl-', 'en-GB-x-private', 'x-klingon', 42, null, 'a'.repeat(40)]) {
        expect(isLangTag(tag), String(tag)).to.equal(false);
      }
    });

    it('asks for a voice of the likely country, and knows which languages run right to left', () => {
      expect(voiceLang('nl')).to.equal('nl-NL');
      expect(voiceLang('nl-BE')).to.equal('nl-BE');
      expect(['ar', 'fa', 'he', 'ur'].map(directionOf)).to.deep.equal(['rtl', 'rtl', 'rtl', 'rtl']);
      expect(['nl', 'en', 'tr', 'uk', 'az-Latn'].map(directionOf)).to.deep.equal(['ltr', 'ltr', 'ltr', 'ltr', 'ltr']);
    });

    it('puts the school word inside a translated sentence, or falls back to plain text when the sentence leaves it out', () => {
      const part = html`<span lang="nl">boek</span>`;
      expect(typeof withParts((x: string) => `Reward: ${x}`, ['boek'], [part])).to.equal('object');
      expect(withParts((_x: string) => 'Reward', ['boek'], [part])).to.equal('Reward');
    });
  });
});
