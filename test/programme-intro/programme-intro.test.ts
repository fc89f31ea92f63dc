import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-programme-intro.js';
import '../../src/define/samen-lesson-clip.js';
import type { SamenProgrammeIntro } from '../../src/programme-intro/programme-intro.js';
import { timelinePosition } from '../../src/programme-intro/schemas.js';
import { NOW, settled } from '../helpers/fixtures.js';

async function renderIntro(
  adapter: MemoryAdapter,
  { id = 'kanjer-intro', view = 'parent', locale = 'nl' } = {},
): Promise<SamenProgrammeIntro> {
  const wrapper = await fixture<HTMLElement>(html`<div>
    <samen-provider .adapter=${adapter} locale=${locale}>
      <samen-programme-intro intro-id=${id} view=${view}></samen-programme-intro>
    </samen-provider>
  </div>`);
  const el = wrapper.querySelector('samen-programme-intro')!;
  await settled(el);
  return el;
}

const $ = (el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const all = (el: HTMLElement, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const words = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<samen-programme-intro>', () => {
  it('is accessible and says what the programme is', async () => {
    const el = await renderIntro(new MemoryAdapter({ now: NOW }));
    await expect(el).to.be.accessible();
    expect(words($(el, '[part~="title"]'))).to.equal('Welkom bij Kanjertraining');
    expect(words($(el, '[part~="about"]'))).to.include('elke pet heeft een sterke kant');
  });

  it('shows the lessons as a timeline with where the class is now', async () => {
    const el = await renderIntro(new MemoryAdapter({ now: NOW }));
    const lessons = all(el, '[part~="lesson"]');
    expect(lessons.map((l) => words(l.querySelector('.lesson-head')))).to.deep.equal([
      'Les 1 De vier petten',
      'Les 2 De pestvogel en de zwarte pet',
      'Les 3 De aap en de rode pet',
      'Les 4 Het konijn en de gele pet',
    ]);
    expect(words($(el, '.where'))).to.equal('De klas is nu bij les 2 van 4.');
    const current = all(el, '[aria-current="step"]');
    expect(current).to.have.length(1);
    expect(words(current[0]!)).to.include('De pestvogel en de zwarte pet').and.include('Hier is de klas nu');
    expect(words(lessons[0]!)).to.include('Geweest');
    expect(words(lessons[3]!)).to.include('Gepland');
    // Each lesson's goal comes from the programme library.
    expect(words(lessons[0]!)).to.include('Je kent de vier petten en je weet dat elke pet een sterke kant heeft.');
  });

  it('Kanjertraining: the home folder names every cap with its strong side and its hard side', async () => {
    const el = await renderIntro(new MemoryAdapter({ now: NOW }));
    const caps = all(el, '[part~="folder"] .cap').map(words);
    expect(caps).to.have.length(4);
    expect(caps[0]).to.include('Tijger, witte pet').and.include('het doel');
    expect(caps[1]).to.include('Pestvogel, zwarte pet').and.include('neemt initiatief').and.include('speelt soms de baas');
    expect(caps[2]).to.include('Aap, rode pet').and.include('humor').and.include('lacht soms anderen uit');
    expect(caps[3]).to.include('Konijn, gele pet').and.include('luistert goed').and.include('bang');
    // The cap's colour is drawn beside the words, never instead of them.
    expect(all(el, '[part~="folder"] svg[aria-hidden="true"]')).to.have.length(4);
  });

  it('says what parents are asked at home and who to ask, as the school configured it', async () => {
    const el = await renderIntro(new MemoryAdapter({ now: NOW }));
    expect(all(el, '[part~="home"] li')).to.have.length(2);
    const contacts = words($(el, '[part~="contacts"]'));
    expect(contacts).to.include('Leerkracht Juf Sanne').and.include('IB’er IB’er Fatima').and.include('Centrum voor Jeugd en Gezin');
  });

  it('WIsH has no caps folder; before lesson 1 it says the first lesson is coming', async () => {
    const adapter = new MemoryAdapter({ now: NOW });
    for (const lesson of adapter.state.intros!['wish-intro']!.lessons) lesson.status = 'planned';
    const el = await renderIntro(adapter, { id: 'wish-intro' });
    expect($(el, '[part~="folder"]')).to.equal(null);
    expect(words($(el, '.where'))).to.equal('Er zijn 8 lessen. De eerste les komt eraan.');
    expect(all(el, '[aria-current]')).to.have.length(0);
    expect(words(all(el, '[part~="lesson"]')[7]!)).to.include('Samen weerbaar');
  });

  it('teacher: marks Samen’s starting texts as examples; the school’s own words carry no note', async () => {
    const adapter = new MemoryAdapter({ now: NOW, viewerId: 'teacher-1' });
    let el = await renderIntro(adapter, { view: 'teacher' });
    await expect(el).to.be.accessible();
    expect(all(el, '[part~="example-note"]').map(words)).to.deep.equal(
      Array(3).fill('Voorbeeldtekst van Samen. De school past deze tekst aan.'),
    );
    // Parents never see the note.
    const parent = await renderIntro(new MemoryAdapter({ now: NOW }));
    expect(all(parent, '[part~="example-note"]')).to.have.length(0);
    adapter.state.intros!['kanjer-intro']!.about = 'Alle groepen doen mee.';
    adapter.state.intros!['kanjer-intro']!.homeAsks = ['Lees samen het lesbericht.'];
    el.remove();
    el = await renderIntro(adapter, { view: 'teacher' });
    expect(words($(el, '[part~="about"] p'))).to.equal('Alle groepen doen mee.');
    // Only the caps folder is still ours.
    expect(all(el, '[part~="example-note"]')).to.have.length(1);
    expect(words($(el, '[part~="home"]'))).to.include('Lees samen het lesbericht.');
  });

  it('reads in English and in Arabic, right to left', async () => {
    const en = await renderIntro(new MemoryAdapter({ now: NOW }), { locale: 'en' });
    await waitUntil(() => words($(en, '[part~="title"]')) === 'Welcome to Kanjertraining');
    expect(words($(en, '.where'))).to.equal('The class is now at lesson 2 of 4.');
    const ar = await renderIntro(new MemoryAdapter({ now: NOW }), { locale: 'ar' });
    await waitUntil(() => $(ar, '[part~="base"]')?.getAttribute('dir') === 'rtl');
    expect(words($(ar, '.where'))).to.equal('الصف الآن في الدرس 2 من 4.');
  });

  it('timelinePosition: the last lesson given, of how many', () => {
    expect(timelinePosition([])).to.deep.equal({ current: 0, total: 0 });
    expect(
      timelinePosition([
        { number: 1, title: 'a', status: 'posted' },
        { number: 2, title: 'b', status: 'planned' },
        { number: 3, title: 'c', status: 'posted' },
      ]),
    ).to.deep.equal({ current: 3, total: 3 });
  });
});

describe('<samen-lesson-clip> where the class is in the programme', () => {
  it('every later clip says "Les 3 van 8"', async () => {
    const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${new MemoryAdapter({ now: NOW })} locale="nl">
      <samen-lesson-clip clip-id="wish-3"></samen-lesson-clip>
    </samen-provider>`);
    const clip = wrapper.querySelector('samen-lesson-clip')!;
    await settled(clip);
    expect(words(clip.shadowRoot!.querySelector('.lesson-number'))).to.equal('Les 3 van 8');
  });

  it('a clip without the run’s length says only its number', async () => {
    const adapter = new MemoryAdapter({ now: NOW });
    delete (adapter.state.clips['wish-3'] as { lessonCount?: number }).lessonCount;
    const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale="nl">
      <samen-lesson-clip clip-id="wish-3"></samen-lesson-clip>
    </samen-provider>`);
    const clip = wrapper.querySelector('samen-lesson-clip')!;
    await settled(clip);
    expect(words(clip.shadowRoot!.querySelector('.lesson-number'))).to.equal('Les 3');
  });
});
