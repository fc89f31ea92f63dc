import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-feelings-checkin.js';
import { SamenFeelingsCheckin } from '../../src/feelings-checkin/feelings-checkin.js';
import { checkinIdFor, dayOf, isoWithOffset, isSchoolDay, lastDays, localDay } from '../../src/feelings-checkin/feelings.js';
import { nl } from '../helpers/tables.js';
import { en } from '../../src/locales/en.js';
import { ar } from '../../src/locales/ar.js';
import { pl } from '../../src/locales/pl.js';
import { tr } from '../../src/locales/tr.js';
import { uk } from '../../src/locales/uk.js';
import type { FeelingDefinition } from '../../src/feelings-checkin/schemas.js';
import { collectErrors, losingFirstAnswer, settled } from '../helpers/fixtures.js';
import { fakeSpeech } from '../helpers/speech.js';

type View = 'child' | 'parent' | 'teacher';

/** Check-ins are about "today" on this device, so the seed uses the real clock. */
const adapterFor = (view: View = 'child', locale: 'nl' | 'en' = 'nl') =>
  new MemoryAdapter({ viewerId: view === 'teacher' ? 'teacher-1' : 'parent-1', locale });

interface RenderOptions {
  view?: View;
  childId?: string;
  locale?: string;
  dir?: 'ltr' | 'rtl';
  feelings?: unknown;
  wait?: boolean;
}

async function render(adapter: MemoryAdapter | undefined, options: RenderOptions = {}): Promise<SamenFeelingsCheckin> {
  const { view = 'child', childId = 'child-1', locale = 'nl', dir = 'ltr', feelings, wait = true } = options;
  const wrapper = await fixture<HTMLElement>(html`<div dir=${dir}>
    <samen-provider .adapter=${adapter} locale=${locale}>
      <samen-feelings-checkin
        child-id=${view === 'teacher' ? '' : childId}
        class-id=${view === 'teacher' ? 'groep6-wish' : ''}
        view=${view}
        .feelings=${feelings}
      ></samen-feelings-checkin>
    </samen-provider>
  </div>`);
  const el = wrapper.querySelector('samen-feelings-checkin')!;
  if (wait) await settled(el);
  return el;
}

const $ = <E extends Element = HTMLElement>(el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<E & Element>(selector);
const $$ = <E extends Element = HTMLElement>(el: HTMLElement, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<E & Element>(selector),
];
const feelingRadios = (el: HTMLElement) => $$<HTMLInputElement>(el, 'input[name="feeling"]');
const strengthRadios = (el: HTMLElement) => $$<HTMLInputElement>(el, 'input[name="strength"]');
/** A boolean, so a failing check prints `true`/`false` instead of inspecting a whole shadow tree. */
const has = (el: HTMLElement, selector: string) => !!el.shadowRoot!.querySelector(selector);
const saveButton = (el: HTMLElement) => $<HTMLButtonElement>(el, '[part~="save-button"]')!;
const status = (el: HTMLElement) => $(el, '[role="status"]')!.textContent.trim();
const text = (el: HTMLElement) => el.shadowRoot!.textContent.replace(/\s+/g, ' ');
const todayId = (childId = 'child-1') => checkinIdFor(childId, 'home', dayOf(new Date()));
const todays = (adapter: MemoryAdapter, childId = 'child-1') =>
  adapter.state.checkins.filter((c) => c.childId === childId && c.context === 'home' && localDay(c.createdAt) === dayOf(new Date()));

/** Picks a feeling the way a user does: a click on its label. */
async function pick(el: SamenFeelingsCheckin, feelingId: string, strength?: number): Promise<void> {
  feelingRadios(el)
    .find((r) => r.value === feelingId)!
    .closest('label')!
    .click();
  await el.updateComplete;
  if (strength) {
    strengthRadios(el)[strength - 1]!.closest('label')!.click();
    await el.updateComplete;
  }
}

async function save(el: SamenFeelingsCheckin): Promise<void> {
  saveButton(el).click();
  await el.updateComplete; // the button now says "Bezig met opslaan…" until the adapter answers
  await waitUntil(() => !saveButton(el).textContent.includes('Bezig'), 'save never finished');
  await el.updateComplete;
}

/** Until the clock shows the next second: a check-in's time is written to the second. */
async function nextSecond(): Promise<void> {
  const second = new Date().getSeconds();
  await waitUntil(() => new Date().getSeconds() !== second, 'the clock stood still', { interval: 20 });
}

/** Today's seeded home check-in is removed, so every test starts with an empty choice. */
function withoutToday(adapter: MemoryAdapter): MemoryAdapter {
  adapter.state.checkins = adapter.state.checkins.filter((c) => !(c.childId === 'child-1' && localDay(c.createdAt) === dayOf(new Date())));
  return adapter;
}

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

describe('<samen-feelings-checkin> child and parent', () => {
  it('offers eight feelings, each with a word and an icon, and asks for strength only after a choice', async () => {
    const el = await render(withoutToday(adapterFor()));
    expect($(el, 'h2')!.textContent).to.equal('Hoe voel je je?');
    const words = $$(el, '[part~="feeling"] .word').map((w) => w.textContent);
    expect(words).to.deep.equal(['blij', 'boos', 'bang', 'verdrietig', 'trots', 'moe', 'zenuwachtig', 'rustig']);
    // Each icon is a drawn face now (test/feelings-checkin/pictures.test.ts), not emoji text.
    expect($$(el, '[part~="feeling"] .icon').every((i) => i.querySelector('svg path') !== null)).to.be.true;
    expect(has(el, '[part~="strength"]')).to.be.false;
    expect(saveButton(el).getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('is usable with the keyboard alone: Tab to the feelings, arrows to choose, Tab on to strength and save', async () => {
    const adapter = withoutToday(adapterFor());
    const el = await render(adapter);
    feelingRadios(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(feelingRadios(el).find((r) => r.checked)!.value).to.equal('scared');
    expect(el.shadowRoot!.activeElement).to.equal(feelingRadios(el)[2]);
    // Strength starts in the middle, and arrows change it.
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(strengthRadios(el)[2]);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(strengthRadios(el).find((r) => r.checked)!.value).to.equal('4');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' }); // the sentence starter
    expect(el.shadowRoot!.activeElement!.tagName).to.equal('TEXTAREA');
    await sendKeys({ type: 'de toets' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(saveButton(el));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => todays(adapter).length === 1, 'check-in never saved');
    expect(todays(adapter)[0]).to.include({ feeling: 'scared', strength: 4, note: 'de toets', id: todayId() });
  });

  it('shows the sentence starter with the chosen word for a child, a note field for a parent', async () => {
    const child = await render(withoutToday(adapterFor()));
    await pick(child, 'proud');
    expect($(child, '[part~="note"] label')!.textContent).to.equal('Ik voel me trots omdat …');
    const parent = await render(withoutToday(adapterFor('parent')), { view: 'parent' });
    expect($(parent, 'h2')!.textContent).to.equal('Hoe voelt je kind zich?');
    await pick(parent, 'tired');
    expect($(parent, '[part~="note"] label')!.textContent).to.contain('iets over vertellen');
  });

  it('says plainly who sees the check-in and its note: the teacher and the IB’er (who looks out for signals), never other parents', async () => {
    const parent = await render(withoutToday(adapterFor('parent')), { view: 'parent' });
    expect($(parent, '[part~="who-sees"]')!.textContent).to.equal(
      'Wie ziet dit? De leerkracht en de intern begeleider (IB’er) van school zien deze check-in en je notitie. De IB’er let vooral op kinderen die het een paar schooldagen moeilijk hebben. Andere ouders zien dit nooit.',
    );
    await pick(parent, 'sad', 4);
    // It stays in view while the parent writes the note.
    expect(has(parent, '[part~="note"] + * [part~="who-sees"], form [part~="who-sees"]')).to.equal(true);
    await expect(parent).to.be.accessible();
    const child = await render(withoutToday(adapterFor()));
    expect($(child, '[part~="who-sees"]')!.textContent).to.equal('Je juf of meester ziet wat je kiest en schrijft.');
    const english = await render(withoutToday(adapterFor('parent', 'en')), { view: 'parent', locale: 'en' });
    expect($(english, '[part~="who-sees"]')!.textContent).to.contain(
      'The teacher and the school’s care coordinator see this check-in and your note.',
    );
  });

  it('saves once per day: a change today replaces the check-in under the same id', async () => {
    const adapter = withoutToday(adapterFor());
    const el = await render(adapter);
    await pick(el, 'happy', 2);
    const event = oneEvent(el, 'samen-checkin');
    await save(el);
    expect((await event).detail).to.deep.equal({
      childId: 'child-1',
      feeling: 'happy',
      strength: 2,
      context: 'home',
      checkinId: todayId(),
    });
    expect(status(el)).to.equal('Opgeslagen. Dank je wel!');
    expect(text(el)).to.contain('Vandaag: blij (2 van 5)');

    await pick(el, 'calm', 5);
    await save(el);
    expect(todays(adapter)).to.have.length(1);
    expect(todays(adapter)[0]).to.include({ id: todayId(), feeling: 'calm', strength: 5 });
    expect(text(el)).to.contain('Vandaag: rustig (5 van 5)');
    expect(adapter.appliedWrites).to.equal(2);
  });

  it("opens on today's check-in, ready to change", async () => {
    const adapter = withoutToday(adapterFor());
    await adapter.saveCheckin({
      id: 'w-1',
      checkinId: todayId(),
      childId: 'child-1',
      feeling: 'nervous',
      strength: 4,
      context: 'home',
      createdAt: new Date().toISOString(),
    });
    const el = await render(adapter);
    expect(feelingRadios(el).find((r) => r.checked)!.value).to.equal('nervous');
    expect(strengthRadios(el).find((r) => r.checked)!.value).to.equal('4');
    expect(text(el)).to.contain('Vandaag: zenuwachtig (4 van 5)');
  });

  it("replaces today's check-in under the host's own id, and shows the newest when a host kept two", async () => {
    const adapter = withoutToday(adapterFor());
    const earlier = new Date(Date.now() - 60_000).toISOString();
    adapter.state.checkins.push(
      {
        id: 'host-41',
        childId: 'child-1',
        feeling: 'tired',
        strength: 2,
        context: 'home',
        createdAt: new Date(Date.parse(earlier) - 1000).toISOString(),
      },
      { id: 'host-42', childId: 'child-1', feeling: 'happy', strength: 3, context: 'home', createdAt: earlier },
    );
    const el = await render(adapter);
    expect(text(el)).to.contain('Vandaag: blij (3 van 5)');
    await pick(el, 'proud', 4);
    await save(el);
    expect(todays(adapter).map((c) => [c.id, c.feeling])).to.deep.equal([
      ['host-41', 'tired'],
      ['host-42', 'proud'],
    ]);
    expect(text(el)).to.contain('Vandaag: trots (4 van 5)');
  });

  it('keeps an unsaved choice and note when the page reloads', async () => {
    const adapter = withoutToday(adapterFor());
    const first = await render(adapter);
    await pick(first, 'sad', 5);
    const note = $<HTMLTextAreaElement>(first, 'textarea')!;
    note.focus();
    await sendKeys({ type: 'mijn konijn is ziek' });
    first.remove();

    const again = await render(adapter);
    expect(feelingRadios(again).find((r) => r.checked)!.value).to.equal('sad');
    expect(strengthRadios(again).find((r) => r.checked)!.value).to.equal('5');
    expect($<HTMLTextAreaElement>(again, 'textarea')!.value).to.equal('mijn konijn is ziek');
    await save(again);
    // Once saved, the draft is gone: the stored check-in is what shows next time.
    expect(Object.keys(localStorage).filter((k) => k.includes('checkin-draft'))).to.deep.equal([]);
  });

  it('keeps the choice when saving fails, and a retry whose first answer was lost never stores twice', async () => {
    const adapter = withoutToday(adapterFor());
    const el = await render(adapter);
    await pick(el, 'angry', 4);

    adapter.failNext('saveCheckin', 'offline');
    const errors = await collectErrors(() => save(el));
    expect(errors.map((e) => e.kind)).to.deep.equal(['offline']);
    expect($(el, '[role="alert"]')!.textContent).to.equal('Opslaan lukte niet. Je keuze is bewaard.');
    expect(feelingRadios(el).find((r) => r.checked)!.value).to.equal('angry');
    await expect(el).to.be.accessible();

    // The adapter stores it, but the answer never reaches the device.
    losingFirstAnswer(adapter, 'saveCheckin');
    await save(el);
    expect(has(el, '[role="alert"]')).to.be.true;
    // The parent tries again a moment later: the clock has moved on, the request has not.
    await nextSecond();
    await save(el);
    expect(has(el, '[role="alert"]')).to.be.false;
    expect(adapter.appliedWrites).to.equal(1);
    const ids = adapter.calls.filter((c) => c.method === 'saveCheckin').map((c) => (c.input as { id: string }).id);
    expect(new Set(ids.slice(1)).size, 'the retry reuses the write id').to.equal(1);
    expect(todays(adapter)).to.have.length(1);
  });

  it('shows a parent the last 14 days in words, not only colours', async () => {
    const el = await render(adapterFor('parent'), { view: 'parent' });
    const days = $$(el, '[part~="history"] li');
    expect(days).to.have.length(14);
    const entries = $$(el, '[part~="history"] .entry strong').map((s) => s.textContent);
    expect(entries.length).to.be.greaterThan(5);
    for (const word of entries) expect(['blij', 'rustig', 'trots', 'moe', 'zenuwachtig']).to.include(word);
    expect($$(el, '[part~="history"] .muted').some((m) => m.textContent === 'geen check-in')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it("never shows a parent another child's check-ins", async () => {
    const errors = await collectErrors(() => render(adapterFor('parent'), { view: 'parent', childId: 'child-7' }));
    expect(errors.map((e) => e.kind)).to.deep.equal(['forbidden']);
  });

  it('reads the question, each option with its number, and the chosen word aloud in the interface language', async () => {
    const { spoken, restore } = fakeSpeech();
    try {
      const el = await render(withoutToday(adapterFor('child', 'en')), { locale: 'en' });
      await pick(el, 'proud', 5);
      $<HTMLButtonElement>(el, '[part~="read-aloud"]')!.click();
      expect(spoken).to.have.length(1);
      expect(spoken[0]!.text).to.equal(
        'How do you feel? 1: happy. 2: angry. 3: scared. 4: sad. 5: proud. 6: tired. 7: nervous. 8: calm. Your choice: proud. very, very',
      );
      expect(spoken[0]!.lang).to.equal('en');
    } finally {
      restore();
    }
  });

  it('takes part in a host form: the choice is the value, a reset clears it', async () => {
    const adapter = withoutToday(adapterFor());
    const form = await fixture<HTMLFormElement>(html`<form>
      <samen-provider .adapter=${adapter}>
        <samen-feelings-checkin name="feeling" child-id="child-1"></samen-feelings-checkin>
      </samen-provider>
    </form>`);
    const el = form.querySelector('samen-feelings-checkin')!;
    await settled(el);
    expect(new FormData(form).get('feeling')).to.equal(null);
    await pick(el, 'happy', 3);
    expect(JSON.parse(new FormData(form).get('feeling') as string)).to.deep.equal({ feeling: 'happy', strength: 3, context: 'home' });
    form.reset();
    await el.updateComplete;
    expect(new FormData(form).get('feeling')).to.equal(null);
    expect(feelingRadios(el).some((r) => r.checked)).to.be.false;
  });

  it('has touch targets of at least 44 by 44 pixels', async () => {
    const { restore } = fakeSpeech();
    try {
      const el = await render(withoutToday(adapterFor()));
      await pick(el, 'happy');
      const targets = [
        ...$$(el, '[part~="feeling"]'),
        ...$$(el, '[part~="strength"] label'),
        saveButton(el),
        $(el, '[part~="read-aloud"]')!,
      ];
      for (const target of targets) {
        const box = target.getBoundingClientRect();
        expect(box.width, target.textContent).to.be.at.least(44);
        expect(box.height, target.textContent).to.be.at.least(44);
      }
    } finally {
      restore();
    }
  });

  it('shows a visible focus ring on a feeling', async () => {
    const el = await render(withoutToday(adapterFor()));
    feelingRadios(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    const label = $$(el, '[part~="feeling"]')[1]!;
    const style = getComputedStyle(label);
    expect(style.outlineStyle).to.not.equal('none');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });

  it('mirrors for right-to-left pages and stays accessible', async () => {
    const el = await render(withoutToday(adapterFor()), { dir: 'rtl' });
    await pick(el, 'calm');
    const [first, second] = $$(el, '[part~="feeling"]');
    expect(getComputedStyle(first!).direction).to.equal('rtl');
    expect(second!.getBoundingClientRect().left).to.be.below(first!.getBoundingClientRect().left);
    await expect(el).to.be.accessible();
  });

  it('follows the reading direction with arrow keys on a right-to-left page', async () => {
    const el = await render(withoutToday(adapterFor()), { dir: 'rtl' });
    feelingRadios(el)[0]!.focus();
    // In RTL the next feeling sits to the left, so ArrowLeft moves forward.
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(feelingRadios(el).find((r) => r.checked)!.value).to.equal('angry');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(feelingRadios(el).find((r) => r.checked)!.value).to.equal('happy');
  });

  it('stays quick and correct with a history of 10,000 check-ins', async () => {
    const adapter = adapterFor('parent');
    const start = Date.now() - 13 * 86_400_000;
    for (let i = 0; i < 10_000; i++) {
      adapter.state.checkins.push({
        id: `bulk-${i}`,
        childId: 'child-1',
        feeling: 'calm',
        strength: 1 + (i % 5),
        context: 'school',
        createdAt: new Date(start + (i * 13 * 86_400_000) / 10_000).toISOString(),
      });
    }
    const t0 = performance.now();
    const el = await render(adapter, { view: 'parent' });
    const ms = performance.now() - t0;
    expect($$(el, '[part~="history"] li')).to.have.length(14);
    // One entry per day and context, the newest: a readable fortnight, not 10,000 rows.
    const entries = $$(el, '[part~="history"] .entry');
    expect(entries.length).to.be.within(14, 28);
    expect(entries[0]!.textContent).to.contain('rustig');
    expect(ms, `rendered in ${Math.round(ms)} ms`).to.be.below(3000);
  });

  it('speaks English', async () => {
    const el = await render(withoutToday(adapterFor('child', 'en')), { locale: 'en' });
    expect($(el, 'h2')!.textContent).to.equal('How do you feel?');
    expect($$(el, '[part~="feeling"] .word').map((w) => w.textContent)).to.include('nervous');
  });
});

describe('<samen-feelings-checkin> custom feelings and bad input', () => {
  const kanjer: FeelingDefinition[] = [
    { id: 'wit', labels: { nl: 'witte pet: te vertrouwen', en: 'white cap: trustworthy' }, icon: '⚪', color: '#f1f3f5' },
    { id: 'zwart', labels: { nl: 'zwarte pet: de baas spelen', en: 'black cap: bossy' }, icon: '⚫', color: '#212529', negative: true },
    { id: 'rood', labels: { nl: 'rode pet: de uitslover', en: 'red cap: show-off' }, icon: '🔴', color: '#e03131', negative: true },
  ];

  it("uses a school's own feelings set, with its words", async () => {
    const el = await render(adapterFor(), { feelings: kanjer });
    expect($$(el, '[part~="feeling"] .word').map((w) => w.textContent)).to.deep.equal(kanjer.map((f) => f.labels['nl']));
    await expect(el).to.be.accessible();
  });

  it('refuses an invalid feelings set with a translated error and a samen-error naming the field', async () => {
    let el!: SamenFeelingsCheckin;
    const errors = await collectErrors(async () => {
      el = await render(adapterFor(), { feelings: [{ id: 'x', labels: {}, icon: '', color: 'red' }] });
    });
    expect(errors).to.have.length(1);
    expect(errors[0]!.kind).to.equal('invalid-data');
    expect(errors[0]!.issues.some((i) => i.path.startsWith('feelings'))).to.be.true;
    expect($(el, '[part~="error"]')!.textContent).to.contain('Dit kunnen we niet laten zien');
    await expect(el).to.be.accessible();
  });

  it('skips check-ins it cannot show, says so, and shows the rest', async () => {
    const adapter = adapterFor('parent');
    adapter.state.checkins.push({
      id: 'bad-1',
      childId: 'child-1',
      feeling: 'hungry',
      strength: 9,
      context: 'home',
      createdAt: new Date().toISOString(),
    } as never);
    let el!: SamenFeelingsCheckin;
    const errors = await collectErrors(async () => {
      el = await render(adapter, { view: 'parent' });
    });
    expect(errors.map((e) => e.kind)).to.deep.equal(['invalid-data']);
    expect($(el, '.notice')!.textContent).to.equal('Een paar check-ins klopten niet en zijn overgeslagen.');
    expect($$(el, '[part~="history"] .entry').length).to.be.greaterThan(5);
    await expect(el).to.be.accessible();
  });

  it('says it is not connected without an adapter, and that a child id is missing without one', async () => {
    const unconnected = await render(undefined);
    expect($(unconnected, '[part~="error"]')!.textContent).to.contain('Niet verbonden');
    const missing = await render(adapterFor(), { childId: '' });
    expect($(missing, '[part~="error"]')!.textContent).to.contain('Dit kunnen we niet laten zien');
  });

  it('shows a loading state first, then the form, and recovers after a failed load', async () => {
    const adapter = adapterFor();
    adapter.failNext('getCheckins', 'unavailable');
    const el = await render(adapter);
    expect($(el, '[part~="error"]')!.textContent).to.contain('Even niet beschikbaar');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await waitUntil(() => feelingRadios(el).length === 8, 'never recovered');
  });
});

describe('<samen-feelings-checkin> teacher', () => {
  it("shows today's class: how many checked in and how the feelings are spread", async () => {
    const adapter = adapterFor('teacher');
    const el = await render(adapter, { view: 'teacher' });
    const today = dayOf(new Date());
    // The class's check-ins (the seed has groep 7's too).
    const inClass = adapter.state.classes['groep6-wish']!;
    const todays = adapter.state.checkins.filter((c) => inClass.includes(c.childId) && localDay(c.createdAt) === today);
    const children = new Set(todays.map((c) => c.childId)).size;
    expect(text(el)).to.contain(`${children} ${children === 1 ? 'kind' : 'kinderen'} ingecheckt`);
    const counts = $$(el, '[part~="overview"] li').map((li) => Number(li.querySelector('.count')!.textContent));
    expect(counts).to.have.length(8);
    expect(counts.reduce((a, b) => a + b, 0)).to.equal(todays.length);
    expect($$(el, '.week li')).to.have.length(7);
    await expect(el).to.be.accessible();
  });

  it('signals a strong negative feeling on 3 of the last 5 school days, in words about the feeling, with careful next steps for the host', async () => {
    const el = await render(adapterFor('teacher'), { view: 'teacher' });
    const signals = $$(el, '[part~="signals"] > ul > li');
    expect(signals).to.have.length(1);
    const signal = signals[0]!;
    expect(signal.querySelector('p')!.textContent).to.equal('Op 3 van de laatste 5 schooldagen koos Sem een sterk gevoel: verdrietig.');
    // A next step to talk, not a one-tap jump into a care file.
    expect(signal.querySelector('.next-step')!.textContent).to.equal('Wat kun je doen?');
    const steps = [...signal.querySelectorAll<HTMLButtonElement>('[part~="signal-steps"] button')];
    expect(steps.map((b) => b.textContent.trim())).to.deep.equal([
      'Vraag het kind hoe het gaat',
      'Praat met de ouders',
      'Overleg met de IB’er',
    ]);
    expect(steps.every((b) => b.getAttribute('aria-describedby') === signal.querySelector('p')!.id)).to.equal(true);
    expect(text(el)).to.not.match(/zorgdossier|dossier/i);
    const event = oneEvent(el, 'samen-signal');
    steps[1]!.click();
    const { detail } = await event;
    expect(detail).to.deep.include({ childId: 'child-7', step: 'parents' });
    expect(detail.days).to.have.length(3);
    expect(detail.days.every(isSchoolDay)).to.equal(true);
    expect(text(el)).to.contain('Alleen de leerkracht en de intern begeleider (IB’er) zien signalen');
    await expect(el).to.be.accessible();
  });

  it('offers the care coordinator a talk with the teacher instead of with themselves', async () => {
    const el = await render(adapterFor('teacher').forViewer('care-1'), { view: 'teacher' });
    const steps = $$(el, '[part~="signal-steps"] button').map((b) => b.textContent.trim());
    expect(steps).to.deep.equal(['Vraag het kind hoe het gaat', 'Praat met de ouders', 'Overleg met de leerkracht']);
    const event = oneEvent(el, 'samen-signal');
    $$<HTMLButtonElement>(el, '[part~="signal-steps"] button')[2]!.click();
    expect((await event).detail.step).to.equal('teacher');
  });

  it('never counts Saturday or Sunday: check-ins at the weekend make no signal, unless the host counts every day', async () => {
    const adapter = adapterFor('teacher');
    // Yusuf (child-9) picks "bang", strongly, at home on the last Saturday and Sunday, and nothing else.
    adapter.state.checkins = adapter.state.checkins.filter((c) => c.childId !== 'child-9');
    const weekend = lastDays(dayOf(new Date()), 7).filter((day) => !isSchoolDay(day));
    expect(weekend).to.have.length(2);
    for (const day of weekend) {
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      adapter.state.checkins.push({
        id: `weekend-${day}`,
        childId: 'child-9',
        childName: 'Yusuf',
        feeling: 'scared',
        strength: 5,
        context: 'home',
        createdAt: isoWithOffset(new Date(y, m - 1, d, 10)),
      });
    }
    const el = await render(adapter, { view: 'teacher' });
    el.signalRule = { windowDays: 5, minDays: 2, minStrength: 4 };
    await el.updateComplete;
    expect($(el, '[part~="signals"]')!.textContent).to.not.contain('Yusuf');
    el.signalRule = { windowDays: 7, minDays: 2, minStrength: 4, schoolDays: false };
    await el.updateComplete;
    const yusuf = $$(el, '[part~="signals"] > ul > li').find((li) => li.textContent.includes('Yusuf'))!;
    expect(yusuf.querySelector('p')!.textContent).to.equal('Op 2 van de laatste 7 dagen koos Yusuf een sterk gevoel: bang.');
  });

  it('names feelings, never the child: no label in any language', () => {
    const labels = /probleemkind|zorgkind|zorgleerling|moeilijk kind|probleem|problem child|troubled|at[- ]risk|difficult child/i;
    for (const table of [nl, en, ar, pl, tr, uk]) {
      const t = table.feelings;
      const texts = [
        t.signals,
        t.noSignals,
        t.nextStep,
        ...Object.values(t.steps),
        t.privacy,
        t.whoSees,
        t.childFallback,
        t.signal('Sem', 'x', 3, 5, true),
        t.signal('Sem', 'x', 3, 5, false),
      ];
      expect(
        texts.filter((s) => labels.test(s)),
        table.locale,
      ).to.deep.equal([]);
      expect(t.signal('Sem', '«verdrietig»', 3, 5, true), table.locale).to.contain('«verdrietig»');
    }
  });

  it('follows a stricter signal rule set by the host', async () => {
    const el = await render(adapterFor('teacher'), { view: 'teacher' });
    el.signalRule = { windowDays: 5, minDays: 4, minStrength: 4 };
    await el.updateComplete;
    expect($$(el, '[part~="signals"] li')).to.have.length(0);
    expect(text(el)).to.contain('Er zijn nu geen signalen.');
  });

  it('updates live when a child checks in', async () => {
    const teacherAdapter = adapterFor('teacher');
    const el = await render(teacherAdapter, { view: 'teacher' });
    const before = Number($$(el, '[part~="overview"] li')[4]!.querySelector('.count')!.textContent);
    const parent = teacherAdapter.forViewer('parent-1');
    await parent.saveCheckin({
      id: 'live-1',
      checkinId: 'live-checkin',
      childId: 'child-1',
      feeling: 'proud',
      strength: 3,
      context: 'school',
      createdAt: new Date().toISOString(),
    });
    await waitUntil(
      () => Number($$(el, '[part~="overview"] li')[4]!.querySelector('.count')!.textContent) === before + 1,
      'no live update',
    );
  });

  it('is refused to a parent', async () => {
    const errors = await collectErrors(() => render(adapterFor('parent'), { view: 'teacher' }));
    expect(errors.map((e) => e.kind)).to.deep.equal(['forbidden']);
  });
});

describe('<samen-feelings-checkin> teacher view on demand', () => {
  /** A check-in whose teacher view cannot be loaded (the network failed) until `works` is set. */
  let works = false;
  class BrokenTeacherCheckin extends SamenFeelingsCheckin {
    protected static override loadTeacherView = () =>
      works
        ? import('../../src/feelings-checkin/teacher-view.js')
        : Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
  }
  customElements.define('broken-teacher-checkin', BrokenTeacherCheckin);

  it('a teacher view that cannot be loaded shows the error state and fires samen-error; Retry loads it', async () => {
    works = false;
    let el!: BrokenTeacherCheckin;
    const errors = await collectErrors(async () => {
      const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapterFor('teacher')} locale="nl">
        <broken-teacher-checkin class-id="groep6-wish" view="teacher"></broken-teacher-checkin>
      </samen-provider>`);
      el = wrapper.querySelector<BrokenTeacherCheckin>('broken-teacher-checkin')!;
      await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'error state shown');
    });
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.querySelector('[role="alert"] h2')!.textContent).to.equal('Geen internet');
    expect(el.shadowRoot!.querySelector('[part~="signals"]')).to.equal(null);
    expect(errors.map((e) => [e.kind, e.fatal])).to.deep.equal([['offline', true]]);
    works = true;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="signals"]'), 'teacher view after Retry');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });
});
