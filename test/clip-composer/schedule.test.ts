/**
 * The rhythm (issue 26): when a scheduled post goes out. The suggested moment and the warnings
 * with a fixed clock; in the composer, "Inplannen" with a day and hour typed on the keyboard,
 * the weekend warning, the `samen-schedule` event, the teacher's "Gepland voor …", a parent's
 * early read not found, and the class's rhythm beside the schedule.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { SamenClipComposer } from '../../src/clip-composer/clip-composer.js';
import { atHour, dayValue, defaultSchedule, scheduleNotes } from '../../src/clip-composer/schedule.js';
import type { SamenAdapter } from '../../src/core/adapter.js';
import { configure } from '../../src/core/context.js';
import { SamenError } from '../../src/core/errors.js';
import type { SamenScheduleDetail } from '../../src/core/events.js';
import '../../src/define/samen-clip-composer.js';
import { memoryAdapter, renderClip, settled } from '../helpers/fixtures.js';

const CLASSES = [
  { id: 'groep6-wish', label: 'Groep 6' },
  { id: 'groep5-kanjer', label: 'Groep 5' },
];
const root = (el: HTMLElement) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => root(el).querySelector<T & HTMLElement>(selector)!;
const text = (el: Element) => (el.shadowRoot ?? el).textContent.replace(/\s+/g, ' ');

async function renderComposer(adapter: SamenAdapter) {
  const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale="nl">
    <samen-clip-composer .classes=${CLASSES}></samen-clip-composer>
  </samen-provider>`);
  const el = wrapper.querySelector('samen-clip-composer')!;
  await settled(el);
  return el;
}

async function choose(el: SamenClipComposer, id: string, option: string) {
  const select = $<HTMLSelectElement>(el, `#${id}`);
  select.value = option;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function schedule(el: SamenClipComposer) {
  $<HTMLInputElement>(el, 'input[name="when"][value="later"]').click();
  await el.updateComplete;
}

/** The next Saturday from today, at least two days ahead: a weekend day still to come, whatever today is. */
function nextSaturday(): Date {
  const day = new Date();
  day.setDate(day.getDate() + 2);
  while (day.getDay() !== 6) day.setDate(day.getDate() + 1);
  return day;
}

/** What to type in a date field for `date`, in the order this browser's date field has its parts. */
function typedDate(date: Date): string {
  const parts = new Intl.DateTimeFormat(navigator.language, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  return parts
    .filter((p) => p.type === 'year' || p.type === 'month' || p.type === 'day')
    .map((p) => p.value)
    .join('');
}

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
  configure({ adapter: undefined, locale: undefined });
});

describe('schedule: the suggested moment and the warnings (fixed clock)', () => {
  it('suggests the next school-day morning: Friday evening → Monday 8:00, Saturday → Monday, a weekday before 8 → that morning', () => {
    const friday = new Date(2027, 0, 15, 21, 30); // Friday 15 January 2027, 21:30
    expect(defaultSchedule(friday).getTime()).to.equal(new Date(2027, 0, 18, 8).getTime());
    expect(defaultSchedule(new Date(2027, 0, 16, 10)).getTime()).to.equal(new Date(2027, 0, 18, 8).getTime());
    expect(defaultSchedule(new Date(2027, 0, 13, 6, 45)).getTime()).to.equal(new Date(2027, 0, 13, 8).getTime());
    expect(defaultSchedule(new Date(2027, 0, 13, 8)).getTime()).to.equal(new Date(2027, 0, 14, 8).getTime());
    for (let day = 0; day < 14; day++)
      for (const hour of [0, 7, 8, 12, 19, 23]) {
        const suggested = defaultSchedule(new Date(2027, 0, 10 + day, hour));
        expect(scheduleNotes(suggested, new Date(2027, 0, 10 + day, hour)), suggested.toString()).to.deep.equal([]);
      }
  });

  it('warns about a weekend and a late evening or night, and refuses the past and too far ahead', () => {
    const now = new Date(2027, 0, 13, 10);
    expect(scheduleNotes(new Date(2027, 0, 16, 9), now)).to.deep.equal(['weekend']);
    expect(scheduleNotes(new Date(2027, 0, 14, 21), now)).to.deep.equal(['evening']);
    expect(scheduleNotes(new Date(2027, 0, 17, 22), now)).to.deep.equal(['weekend', 'evening']);
    expect(scheduleNotes(new Date(2027, 0, 14, 5), now)).to.deep.equal(['evening']);
    expect(scheduleNotes(new Date(2027, 0, 14, 8), now)).to.deep.equal([]);
    expect(scheduleNotes(new Date(2027, 0, 13, 9), now)).to.deep.equal(['past']);
    expect(scheduleNotes(new Date(2028, 1, 1, 8), now)).to.deep.equal(['too-far']);
    expect(atHour('2027-01-14', 8).getTime()).to.equal(new Date(2027, 0, 14, 8).getTime());
    expect(dayValue(new Date(2027, 0, 4))).to.equal('2027-01-04');
  });
});

describe('<samen-clip-composer> scheduling', () => {
  it('“Inplannen” suggests the next school-day morning, and a Saturday typed on the keyboard gets a translated warning, not a block', async function () {
    // Typed keys through the browser, then axe on the whole composer: over mocha's 5 s once in a loaded CI run (74316d1).
    this.timeout(20_000);
    const el = await renderComposer(memoryAdapter({ viewerId: 'teacher-1' }));
    expect(text(el)).to.contain('Nu plaatsen');
    await schedule(el);
    const suggested = defaultSchedule(new Date());
    expect($<HTMLInputElement>(el, '#schedule-day').value).to.equal(dayValue(suggested));
    expect($<HTMLSelectElement>(el, '#schedule-hour').value).to.equal('8');
    expect(root(el).querySelector('[part~="schedule-warning"]')).to.equal(null);
    expect($(el, '[part~="publish-button"]').textContent.trim()).to.equal('Inplannen');

    // The keyboard: Tab into the day, type a Saturday, Tab to the hour and pick 21:00 by typing.
    const saturday = nextSaturday();
    $(el, '#schedule-day').focus();
    await sendKeys({ type: typedDate(saturday) });
    // Tab leaves the day's parts (and its calendar button) for the hour.
    for (let i = 0; i < 4 && root(el).activeElement?.id !== 'schedule-hour'; i++) await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#schedule-day').value).to.equal(dayValue(saturday));
    expect(root(el).activeElement?.id).to.equal('schedule-hour');
    const warning = $(el, '[part~="schedule-warning"]');
    expect(warning.textContent).to.contain('Let op: dat is in het weekend.');
    expect($(el, '#schedule-day').getAttribute('aria-describedby')).to.contain('schedule-warning');
    await sendKeys({ type: '21' });
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, '#schedule-hour').value).to.equal('21');
    expect($(el, '[part~="schedule-warning"]').textContent).to.contain('laat op de avond');
    await expect(el).to.be.accessible();
  });

  it('schedules a lesson: samen-schedule with the clip, class and moment; the teacher sees “Gepland voor …”, a parent reads it as not there', async () => {
    const adapter = memoryAdapter({ viewerId: 'teacher-1' });
    const el = await renderComposer(adapter);
    await choose(el, 'lesson', 'wish-4');
    await schedule(el);
    const at = defaultSchedule(new Date());
    const scheduled = oneEvent(el, 'samen-schedule');
    $(el, '[part~="publish-button"]').click();
    const detail: SamenScheduleDetail = (await scheduled).detail;
    expect(detail.classId).to.equal('groep6-wish');
    expect(detail.scheduledAt).to.equal(at.toISOString());
    await waitUntil(() => root(el).querySelector('[part~="published"]'), 'published');
    expect($(el, '[part~="published"]').textContent).to.contain('Ingepland voor');

    const teacherCard = await renderClip(adapter, { clipId: detail.clipId, view: 'teacher' });
    expect(text(teacherCard.shadowRoot!.querySelector('[part~="scheduled"]')!)).to.match(/^Gepland voor \S+ \d+ \S+, 8:00$/);

    const parent = adapter.forViewer('parent-1');
    const early = await parent.getLessonClip(detail.clipId).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(early instanceof SamenError && early.kind).to.equal('not-found');
    const answer = await parent.getHomeAnswer(detail.clipId).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(answer instanceof SamenError && answer.kind).to.equal('not-found');
    // The class's rhythm: lesson 4 is planned for that moment, not posted.
    const rhythm = await adapter.getClassRhythm({ classId: 'groep6-wish', programme: 'wish' });
    const four = rhythm.lessons.find((l) => l.number === 4)!;
    expect([four.status, four.date, four.clipId]).to.deep.equal(['planned', at.toISOString(), undefined]);
  });

  it('a moment in the past stops publishing with what to fix', async () => {
    const el = await renderComposer(memoryAdapter({ viewerId: 'teacher-1' }));
    await choose(el, 'lesson', 'wish-4');
    await schedule(el);
    const input = $<HTMLInputElement>(el, '#schedule-day');
    input.value = dayValue(new Date(2020, 0, 6));
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    $(el, '[part~="publish-button"]').click();
    await waitUntil(() => root(el).querySelector('.problems'), 'problems');
    expect($(el, '.problems').textContent).to.contain('Kies een moment dat nog moet komen.');
  });

  it('shows the class’s posted and planned lessons of the programme beside the schedule', async () => {
    const el = await renderComposer(memoryAdapter({ viewerId: 'teacher-1' }));
    await waitUntil(() => root(el).querySelector('[part~="rhythm"]'), 'rhythm');
    const items = [...root(el).querySelectorAll('[part~="rhythm"] li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    expect(items).to.have.length(8);
    expect(items[0]).to.match(/^Les 1: .+ geplaatst op /);
    expect($(el, '[part~="rhythm"] h3').textContent).to.equal('Ritme van de klas');
    await choose(el, 'class', 'groep5-kanjer');
    await choose(el, 'programme', 'kanjer');
    await waitUntil(() => root(el).querySelector('[part~="rhythm"] li.planned'), 'kanjer rhythm');
    const kanjer = [...root(el).querySelectorAll('[part~="rhythm"] li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    expect(kanjer.some((item) => / gepland voor /.test(item))).to.equal(true);
  });

  it('posts a follow-up to the last lesson (“Denkt u nog aan …?”) and a repeat lesson linked to the original class; parents see which', async () => {
    const adapter = memoryAdapter({ viewerId: 'teacher-1' });
    const el = await renderComposer(adapter);
    await choose(el, 'lesson', 'wish-8');
    $<HTMLInputElement>(el, 'input[name="kind"][value="follow-up"]').click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#title').value).to.equal('Denkt u nog aan “Samen weerbaar”?');
    const published = oneEvent(el, 'samen-publish');
    $(el, '[part~="publish-button"]').click();
    const { clipId } = (await published).detail as { clipId: string };
    const stored = adapter.state.clips[clipId] as { followsUp?: unknown; lessonNumber?: number };
    expect(stored.followsUp).to.deep.equal({ kind: 'follow-up', lessonNumber: 8, classId: 'groep6-wish' });
    expect(stored.lessonNumber).to.equal(undefined);
    const card = await renderClip(adapter.forViewer('parent-1'), { clipId });
    expect(text(card.shadowRoot!.querySelector('[part~="follow-up"]')!).trim()).to.equal('Vervolg op les 8');

    // A repeat lesson in groep 5, linked to groep 6's run: the overview shows it beside groep 6.
    await waitUntil(() => root(el).querySelector('[part~="published"]'), 'published');
    $(el, '.actions button.primary').click();
    await el.updateComplete;
    await choose(el, 'class', 'groep5-kanjer');
    await choose(el, 'lesson', 'wish-3');
    $<HTMLInputElement>(el, 'input[name="kind"][value="repeat"]').click();
    await el.updateComplete;
    await choose(el, 'original-class', 'groep6-wish');
    const again = oneEvent(el, 'samen-publish');
    $(el, '[part~="publish-button"]').click();
    const repeat = (await again).detail as { clipId: string };
    expect((adapter.state.clips[repeat.clipId] as { followsUp?: unknown }).followsUp).to.deep.equal({
      kind: 'repeat',
      lessonNumber: 3,
      classId: 'groep6-wish',
    });
    const overview = await adapter.getProgrammeOverview({ programme: 'wish' });
    const followUps = overview.classes.find((c) => c.classId === 'groep6-wish')!.followUps!;
    expect(followUps.map((f) => `${f.kind} ${f.lessonNumber} ${f.classId ?? ''}`)).to.include.members([
      'follow-up 8 ',
      'repeat 3 groep5-kanjer',
    ]);
  });
});
