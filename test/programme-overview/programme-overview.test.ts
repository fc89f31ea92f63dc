import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { OutboxAdapter } from '../../src/adapters/outbox.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-programme-overview.js';
import type { SamenProgrammeOverview } from '../../src/programme-overview/programme-overview.js';
import type { SamenAdapterLike } from '../../src/core/adapter.js';
import { overviewCsv, tableRows } from '../../src/programme-overview/overview-table.js';
import type { ProgrammeOverview } from '../../src/programme-overview/schemas.js';
import { NOW, collectErrors, settled } from '../helpers/fixtures.js';
import { countedTableAdapter } from './counted-adapter.js';
import { wishReachSample } from './wish-reach-sample.js';

async function render(
  adapter: SamenAdapterLike | undefined,
  { locale = 'nl', dir = 'ltr', programme = 'wish', minGroupSize = '' } = {},
): Promise<SamenProgrammeOverview> {
  const wrapper = await fixture<HTMLElement>(html`<div dir=${dir}>
    <samen-provider .adapter=${adapter} locale=${locale}>
      <samen-programme-overview programme=${programme} min-group-size=${minGroupSize || '5'}></samen-programme-overview>
    </samen-provider>
  </div>`);
  const el = wrapper.querySelector('samen-programme-overview')!;
  await settled(el);
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="base"]:not([aria-busy="true"])'), 'loaded', { timeout: 4000 });
  return el;
}

const $ = (el: HTMLElement, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);
const $$ = (el: HTMLElement, s: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(s)];
const rowOf = (el: HTMLElement, label: string) =>
  $$(el, 'tbody tr').find((tr) => tr.querySelector('th')!.textContent.trim().startsWith(label))!;
const choose = async (el: SamenProgrammeOverview, label: string) => {
  const input = $$(el, 'input[name="measure"]').find((i) => i.parentElement!.textContent.trim() === label) as HTMLInputElement;
  expect(input, `the choice "${label}"`).to.exist;
  input.click();
  await el.updateComplete;
};
/** What a cell says, without the screen reader's extra words. */
const shown = (td: HTMLElement) =>
  (td.querySelector('.figure, .too-few, .unknown')?.textContent ?? td.querySelector('[aria-hidden]')?.textContent ?? '').trim();

describe('<samen-programme-overview>', () => {
  it('is accessible loaded, loading, in error, not connected and forbidden', async function () {
    this.timeout(20_000);
    const loaded = await render(new MemoryAdapter({ now: NOW, viewerId: 'teacher-1' }));
    expect($(loaded, 'table'), 'the table').to.exist;
    await expect(loaded).to.be.accessible();

    const slow =
      await fixture<HTMLElement>(html`<samen-provider .adapter=${new MemoryAdapter({ now: NOW, viewerId: 'teacher-1', latency: 3000 })}>
      <samen-programme-overview programme="wish"></samen-programme-overview>
    </samen-provider>`);
    const loading = slow.querySelector('samen-programme-overview')!;
    await waitUntil(() => loading.shadowRoot?.querySelector('[aria-busy="true"]'), 'the loading state');
    await expect(loading).to.be.accessible();

    const failing = new MemoryAdapter({ now: NOW, viewerId: 'teacher-1' });
    failing.failNext('*', 'unavailable');
    const error = await render(failing);
    expect($(error, '[part~="error"]')!.textContent).to.include('Even niet beschikbaar');
    await expect(error).to.be.accessible();

    const none = await render(undefined);
    expect($(none, '[part~="error"]')!.textContent).to.include('Niet verbonden');
    await expect(none).to.be.accessible();

    const parent = await render(new MemoryAdapter({ now: NOW, viewerId: 'parent-1' }));
    expect($(parent, '[part~="error"]'), 'a parent gets the forbidden state').to.exist;
    expect($(parent, 'table'), 'and no table').to.equal(null);
    await expect(parent).to.be.accessible();
  });

  it('shows exactly the WIsH study’s hand-counted numbers and gaps (views, likes, reactions; lessons 4 and 5 as one clip)', async function () {
    this.timeout(20_000);
    const el = await render(countedTableAdapter(wishReachSample));
    const header = $$(el, 'thead th').map((th) => th.textContent.trim());
    expect(header).to.deep.equal(['Klas', 'Les 1', 'Les 2', 'Les 3', 'Les 4', 'Les 5', 'Les 6', 'Les 7', 'Les 8']);
    const schools = [
      ['school1', wishReachSample.school1, ['views', 'likes', 'reactions']],
      ['school2', wishReachSample.school2_likes_views, ['likes', 'views']],
    ] as const;
    const labels: Record<string, string> = { views: 'Weergaven', likes: 'Duimpjes', reactions: 'Reacties' };
    for (const measure of ['views', 'likes', 'reactions'] as const) {
      await choose(el, labels[measure]!);
      for (const [school, classes, fields] of schools) {
        for (const [cls, lessons] of Object.entries(classes)) {
          const tr = rowOf(el, `${school} ${cls}`);
          expect(tr, `${school} ${cls}`).to.exist;
          const cells = [...tr.querySelectorAll<HTMLElement>('td')];
          const expected: string[] = [];
          const spans: string[] = [];
          // In the table's order (Object.entries puts "4/5" after "7").
          const byLesson = Object.entries(lessons as Record<string, readonly number[] | null>).sort(
            ([a], [b]) => parseInt(a, 10) - parseInt(b, 10),
          );
          for (const [lesson, counts] of byLesson) {
            const at = (fields as readonly string[]).indexOf(measure);
            if (counts === null) {
              // Not posted: a gap in each of its lessons' columns ("4/5": null is two gaps).
              for (const n of lesson.split('/')) {
                expected.push('—');
                spans.push(n);
              }
              continue;
            }
            expected.push(at < 0 ? 'onbekend' : String(counts[at]));
            spans.push(lesson.replace('/', ' '));
          }
          // The study's second school posted seven clips: lesson 8 is a gap there.
          if (!('8' in (lessons as object))) {
            expected.push('—');
            spans.push('8');
          }
          expect(cells.map(shown), `${school} ${cls}, ${measure}`).to.deep.equal(expected);
          expect(
            cells.map((td) => td.dataset['lessons']),
            `${school} ${cls}: one cell per clip`,
          ).to.deep.equal(spans);
        }
      }
    }
    // The combined clip spans both lessons' columns.
    const combined = rowOf(el, 'school2 MA').querySelector<HTMLTableCellElement>('td[data-lessons="4 5"]')!;
    expect(combined.colSpan).to.equal(2);
    expect(combined.textContent).to.include('Les 4 en 5');
    // Gaps say so to a screen reader.
    expect(rowOf(el, 'school1 klas1').querySelector('td[data-lessons="2"]')!.textContent).to.include('niet geplaatst');
    // Views are their own measure, explained as not families.
    await choose(el, 'Weergaven');
    expect($(el, '.note')!.textContent).to.include('Weergaven zijn geen gezinnen');
  });

  it('never shows or exports a figure about fewer families than the minimum group size', async function () {
    this.timeout(20_000);
    // Four families in one class, twenty-five in the others.
    const small = (classId: string) => (classId === 'school2-MD' ? 4 : 25);
    const el = await render(countedTableAdapter(wishReachSample, { families: small }));
    for (const label of ['Weergaven', 'Duimpjes', 'Reacties']) {
      await choose(el, label);
      const row = rowOf(el, 'school2 MD');
      for (const td of row.querySelectorAll<HTMLElement>('td'))
        expect(shown(td), `${label} ${td.dataset['lessons']}`).to.be.oneOf(['te weinig gezinnen', '—']);
      expect(row.querySelector('th .families')!.textContent, 'nor the class’s size').to.include('te weinig gezinnen').and.not.match(/\d/);
      // The other classes still show their numbers.
      expect(shown(rowOf(el, 'school1 klas1').querySelector('td')!)).to.match(/^\d+$/);
    }
    // The exported table: no number on MD's lines at all (the files are made once the table is painted).
    await waitUntil(() => $(el, '[part~="export-csv"]'), 'the download links');
    const csv = await (await fetch($(el, '[part~="export-csv"]')!.getAttribute('href')!)).text();
    const md = csv.split('\r\n').filter((line) => line.startsWith('school2 MD'));
    expect(md.length).to.equal(8);
    for (const line of md) expect(line.split(',').slice(2).join(','), line).to.not.match(/\d/);
    // A minimum raised to 30 hides every class of 25; one below 5 is not taken.
    const strict = await render(countedTableAdapter(wishReachSample), { minGroupSize: '30' });
    expect($$(strict, 'td .figure').length).to.equal(0);
    const lax = await render(countedTableAdapter(wishReachSample, { families: small }), { minGroupSize: '2' });
    expect([...rowOf(lax, 'school2 MD').querySelectorAll('td .figure')].length).to.equal(0);
  });

  it('no figure below the minimum in any rendered or exported cell, for any class size and measure (property)', async function () {
    this.timeout(20_000);
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let run = 0; run < 20; run++) {
      const overview: ProgrammeOverview = {
        programme: 'wish',
        lessons: Array.from({ length: 8 }, (_, i) => ({ number: i + 1 })),
        classes: Array.from({ length: 4 }, (_, c) => {
          const families = Math.floor(random() * 12);
          return {
            classId: `c${c}`,
            label: `Klas ${c}`,
            families,
            households: families + Math.floor(random() * 3),
            cells: [1, 2, 3, 5, 7].map((n) => ({
              lessons: [n],
              families: { seen: Math.floor(random() * (families + 1)), talked: 1, answered: 0, reacted: 2 },
              households: { seen: 1 },
              views: Math.floor(random() * 40),
            })),
          };
        }),
      };
      const minimum = 5;
      for (const measure of ['seen', 'talked', 'households-seen', 'views'] as const)
        for (const row of tableRows(overview, measure, minimum)) {
          const group = measure.startsWith('households') ? row.cls.households! : row.cls.families;
          for (const s of row.segments)
            if (s.kind === 'posted' && (s.figure.kind === 'share' || s.figure.kind === 'count'))
              expect(group, `${row.cls.classId} ${measure}`).to.be.at.least(minimum);
        }
      const csv = overviewCsv(overview, minimum, {
        cls: 'Klas',
        lessons: 'Les',
        posted: 'Geplaatst',
        families: 'Gezinnen',
        households: 'Huishoudens',
        measure: (m) => m,
        percentOf: (l) => `${l} (%)`,
        notPosted: 'niet geplaatst',
        tooFew: 'te weinig gezinnen',
        lessonList: (l) => l.join('+'),
      });
      for (const cls of overview.classes.filter((c) => c.families < minimum))
        for (const line of csv.split('\r\n').filter((l) => l.startsWith(`${cls.label},`)))
          expect(line.split(',').slice(3).join(','), line).to.not.match(/\d/);
    }
  });

  it('the MemoryAdapter computes the shares from its own data: the teacher’s groep 6 as each clip’s reach counts it', async function () {
    const adapter = new MemoryAdapter({ now: NOW, viewerId: 'teacher-1' });
    const el = await render(adapter);
    const row = rowOf(el, 'Groep 6');
    expect(row, 'groep 6 (WIsH)').to.exist;
    // The lesson × class table's rows (the evaluation results below it have tables of their own, issue 25).
    expect($$(el, '[part~="table"] tbody tr').length, 'only the classes with WIsH clips').to.equal(1);
    // Every lesson's cell (the last column, after the run, holds the follow-up post: issue 26).
    for (const td of row.querySelectorAll<HTMLElement>('td[data-lessons]')) {
      const reach = await adapter.getClipReach(`wish-${td.dataset['lessons']}`);
      expect(td.textContent, `lesson ${td.dataset['lessons']}`).to.include(`${reach.seen} van ${reach.families} gezinnen`);
      expect(td.querySelector('time'), 'with the date it was posted').to.exist;
    }
  });

  it('lists the families not reached to the class’s teacher only, closed at first; the IB’er and the school leader get numbers only', async function () {
    const adapter = new MemoryAdapter({ now: NOW, viewerId: 'teacher-1' });
    // Nobody of family Jansen (fam-01) has done anything in the seed.
    const teacher = await render(adapter);
    const details = $(teacher, '[part~="unreached"]') as HTMLDetailsElement;
    expect(details, 'the list').to.exist;
    expect(details.open, 'closed until the teacher opens it').to.equal(false);
    expect(details.textContent).to.include('Jansen').and.include('Alleen jij ziet deze namen');
    for (const viewerId of ['care-1', 'leader-1']) {
      const other = new MemoryAdapter({ now: NOW, viewerId });
      const el = await render(other);
      expect($(el, 'table'), `${viewerId} sees the table`).to.exist;
      expect($(el, '[part~="unreached"]'), `${viewerId} sees no names`).to.equal(null);
      expect(el.shadowRoot!.textContent).to.not.include('Jansen');
      expect(other.calls.map((c) => c.method)).to.not.include('getUnreachedFamilies');
      const refused = await other
        .forViewer(viewerId)
        .getUnreachedFamilies({ programme: 'wish', classId: 'groep6-wish' })
        .then(
          () => 'resolved',
          (e: { kind?: string }) => e.kind,
        );
      expect(refused, `${viewerId}: the names are refused by the adapter too`).to.equal('forbidden');
    }
  });

  it('the measure choice works by keyboard: arrows change what the table and charts show, focus stays on the choice', async function () {
    const el = await render(new MemoryAdapter({ now: NOW, viewerId: 'teacher-1' }));
    const first = $$(el, 'input[name="measure"]')[0]!;
    first.focus();
    expect($(el, 'caption')!.textContent).to.include('Gezien per klas en les');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect($(el, 'caption')!.textContent).to.include('Thuis over gepraat per klas en les');
    expect(el.shadowRoot!.activeElement, 'focus on the next choice').to.equal($$(el, 'input[name="measure"]')[1]);
    expect($(el, '[part~="chart"]')!.getAttribute('aria-label')).to.include('Thuis over gepraat');
  });

  it('reads right to left in Arabic, and speaks English', async function () {
    const ar = await render(new MemoryAdapter({ now: NOW, viewerId: 'teacher-1' }), { locale: 'ar', dir: 'ltr' });
    const base = $(ar, '[part~="base"]')!;
    expect(base.getAttribute('lang')).to.equal('ar');
    expect(getComputedStyle(base).direction).to.equal('rtl');
    expect(base.textContent).to.include('شاهدوه');
    await expect(ar).to.be.accessible();
    const en = await render(countedTableAdapter(wishReachSample), { locale: 'en' });
    expect($(en, 'h2')!.textContent).to.equal('WIsH: how each lesson went');
    expect(rowOf(en, 'school1 klas1').querySelector('td[data-lessons="2"]')!.textContent).to.include('not posted');
  });

  it('exports the table as CSV and the charts as SVG through blob: links, no third party', async function () {
    const el = await render(countedTableAdapter(wishReachSample));
    await waitUntil(() => $(el, '[part~="export-csv"]'), 'the download links, once the table is painted');
    const csvLink = $(el, '[part~="export-csv"]') as HTMLAnchorElement;
    const svgLink = $(el, '[part~="export-svg"]') as HTMLAnchorElement;
    for (const link of [csvLink, svgLink]) expect(new URL(link.href).protocol).to.equal('blob:');
    expect(csvLink.download).to.equal('programma-overzicht-wish.csv');
    const csv = await (await fetch(csvLink.href)).text();
    const lines = csv.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).to.equal('Klas,Les,Geplaatst,Gezinnen,Huishoudens,Weergaven,Duimpjes,Reacties');
    expect(lines).to.include('school1 klas1,1,,25,,31,9,0');
    expect(lines).to.include('school1 klas1,2,,25,,niet geplaatst,niet geplaatst,niet geplaatst');
    expect(lines).to.include('school2 MA,4+5,,25,,30,0,');
    const svgText = await (await fetch(svgLink.href)).text();
    const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    expect(doc.documentElement.localName).to.equal('svg');
    expect(doc.querySelectorAll('script, a, foreignObject, image').length, 'nothing active or fetched').to.equal(0);
    expect(doc.querySelectorAll('g > text').length, 'a chart per class').to.equal(6);
    // One chart per class on the page too, named for a screen reader.
    expect($$(el, '[part~="chart"]').map((s) => s.getAttribute('role'))).to.deep.equal(Array(6).fill('img'));
  });

  it('works behind the OutboxAdapter (the overview and the teacher’s list read straight through)', async function () {
    const el = await render(new OutboxAdapter(new MemoryAdapter({ now: NOW, viewerId: 'teacher-1' })));
    expect($(el, '[part~="error"]'), 'no not-connected state').to.equal(null);
    expect(rowOf(el, 'Groep 6'), 'the table').to.exist;
    expect($(el, '[part~="unreached"]')!.textContent).to.include('Jansen');
  });

  it('follows live changes: a parent’s answer shows in the teacher’s table', async function () {
    const adapter = new MemoryAdapter({ now: NOW, viewerId: 'teacher-1' });
    const el = await render(adapter);
    const cell = () => rowOf(el, 'Groep 6').querySelector<HTMLElement>('td[data-lessons="2"]')!.textContent;
    const before = (await adapter.getClipReach('wish-2')).seen;
    expect(cell()).to.include(`${before} van`);
    const errors = await collectErrors(() =>
      adapter.forViewer('parent-1').saveHomeAnswer({ id: `live-${Date.now()}`, clipId: 'wish-2', kind: 'talked' }),
    );
    expect(errors).to.deep.equal([]);
    await waitUntil(() => cell().includes(`${before + 1} van`), 'the new count shows', { timeout: 4000 });
  });
});

describe('<samen-programme-overview> after the last lesson (issue 26)', () => {
  it('shows each class’s follow-up posts and repeat lessons in a list below the table, the table keeping its lessons', async () => {
    const adapter = new MemoryAdapter({ now: NOW, viewerId: 'teacher-1' });
    // A repeat of lesson 3 for a later group, posted in groep 5 and linked to groep 6's run.
    adapter.setRawClip('wish-repeat-3', {
      id: 'wish-repeat-3',
      programme: 'wish',
      lessonNumber: 3,
      title: 'Lichaamstaal',
      homeQuestion: 'Hoe zie je aan iemand dat die zich zeker voelt?',
      followsUp: { kind: 'repeat', lessonNumber: 3, classId: 'groep6-wish' },
      postedAt: '2026-11-18T08:00:00.000Z',
      classId: 'groep5-kanjer',
      classLabel: 'Groep 5',
    });
    const el = await render(adapter);
    const headings = $$(el, 'thead th').map((th) => th.textContent.trim());
    // Below the table, not a column: a column widened the table past a phone and split its words.
    expect($(el, '[part~="after-heading"]')!.textContent.trim()).to.equal('Na de laatste les');
    expect(headings).to.not.include('Na de laatste les');
    const after = $(el, '.after li[data-class="groep6-wish"]')!;
    expect(after.querySelector('.after-class')!.textContent.trim()).to.equal('Groep 6');
    expect(after.querySelector('[part~="follow-ups"]'), 'the class’s list').to.exist;
    const items = [...after.querySelectorAll('[part~="follow-ups"] li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    expect(items).to.have.length(3);
    expect(items[0]).to.match(/^Vervolg op les 8 \d+ \S+$/);
    // The next follow-up, a month on: scheduled, not posted yet.
    expect(items[1]).to.match(/^Vervolg op les 1 gepland \d+ \S+$/);
    expect(items[2]).to.match(/^Herhaalles 3 in Groep 5 18 nov/);
    // Not a lesson of the run: the lesson columns stay the run's eight.
    expect(headings.filter((h) => /^Les \d+$/.test(h))).to.have.length(8);
    await expect(el).to.be.accessible();
  });
});

describe('<samen-programme-overview> evaluation results (issue 25)', () => {
  it('shows the run’s response rates and results, before and after, when the adapter has them', async () => {
    const el = await render(new MemoryAdapter({ now: NOW, viewerId: 'teacher-1' }));
    await waitUntil(() => $(el, '[part~="evaluation"]'), 'the evaluation section');
    const section = $(el, '[part~="evaluation"]')!;
    expect(section.querySelector('h3')!.textContent).to.equal('Resultaten van de vragenlijst');
    const rates = section.querySelector('.rates')!;
    expect([...rates.querySelectorAll('thead th')].map((th) => th.textContent.trim())).to.deep.equal(['Vooraf', 'Achteraf']);
    expect([...rates.querySelectorAll('tbody th')].map((th) => th.textContent.trim())).to.deep.equal([
      'Ouders',
      'Kinderen',
      'Leerkrachten',
      'Trainer',
    ]);
    // One teacher answered: below the minimum group size, no figure.
    const teacher = [...section.querySelectorAll('.audience-results')].find((s) => s.querySelector('h5')?.textContent === 'Leerkrachten')!;
    expect(teacher.textContent).to.include('Te weinig antwoorden');
    await expect(el).to.be.accessible();
  });

  it('an adapter without getEvaluationResults: no section and no error', async () => {
    const memory = new MemoryAdapter({ now: NOW, viewerId: 'teacher-1' });
    const adapter: SamenAdapterLike = {
      getViewer: (o) => memory.getViewer(o),
      getProgrammeOverview: (q, o) => memory.getProgrammeOverview(q, o),
    };
    let el: SamenProgrammeOverview | undefined;
    const errors = await collectErrors(async () => (el = await render(adapter)));
    expect($(el!, 'table'), 'the table').to.exist;
    expect($(el!, '[part~="evaluation"]')).to.equal(null);
    expect(errors).to.have.length(0);
  });
});
