/**
 * The programme overview's render bench (issue 25): a school of 30 classes × 8 lessons, every
 * measure given (families, households, views, likes, reactions), rendered from the adapter's
 * answer to the last chart drawn; five runs, the median printed as a bench line for
 * BENCHMARKS.md. The bound asserted is loose (a shared CI machine); the goal is 100 ms.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-programme-overview.js';
import { chartsSvg, lessonColumns, overviewCsv, tableRows } from '../../src/programme-overview/overview-table.js';
import { nl } from '../../src/programme-overview/locales/nl.js';
import { programmeOverviewSchema, type ProgrammeOverview } from '../../src/programme-overview/schemas.js';
import * as z from 'zod/mini';

function school(classes: number, lessons: number): ProgrammeOverview {
  return {
    programme: 'wish',
    title: 'WIsH',
    lessons: Array.from({ length: lessons }, (_, i) => ({ number: i + 1 })),
    classes: Array.from({ length: classes }, (_, c) => ({
      classId: `klas-${c + 1}`,
      label: `Groep ${5 + (c % 4)}${String.fromCharCode(97 + (c % 8))}`,
      families: 24 + (c % 7),
      households: 28 + (c % 7),
      cells: Array.from({ length: lessons }, (_, l) => ({
        lessons: [l + 1],
        clipId: `clip-${c}-${l}`,
        postedAt: new Date(Date.UTC(2026, 8, 7 + l * 28)).toISOString().replace('.000', ''),
        families: { seen: 10 + ((c + l) % 14), talked: 5 + (l % 9), answered: 2 + (c % 6), reacted: 4 + ((c * l) % 10) },
        households: { seen: 12 + ((c + l) % 14), talked: 6, answered: 3, reacted: 5 },
        views: 20 + ((c * 7 + l) % 25),
        likes: (c + l) % 11,
        reactions: (c * l) % 3,
      })),
    })),
  };
}

const adapterWith = (overview: ProgrammeOverview) => ({
  getViewer: async () => ({ id: 'leader', role: 'school-leader' as const, name: 'Directeur', schoolId: 's', classIds: [] }),
  getProgrammeOverview: async () => structuredClone(overview),
});

describe('<samen-programme-overview> render bench', () => {
  it('a 30-class × 8-lesson overview renders (median of 5)', async function () {
    this.timeout(60_000);
    const overview = school(30, 8);
    const runs: number[] = [];
    for (let run = 0; run < 5; run++) {
      const adapter = adapterWith(overview);
      const start = performance.now();
      const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter}>
        <samen-programme-overview programme="wish"></samen-programme-overview>
      </samen-provider>`);
      const el = wrapper.querySelector('samen-programme-overview')!;
      while (el.shadowRoot?.querySelectorAll('[part~="chart"]').length !== 30) await new Promise((r) => requestAnimationFrame(r));
      runs.push(performance.now() - start);
      expect(el.shadowRoot.querySelectorAll('tbody tr').length).to.equal(30);
      expect(el.shadowRoot.querySelectorAll('tbody td').length).to.equal(240);
      wrapper.remove();
    }
    const sorted = [...runs].sort((a, b) => a - b);
    const median = sorted[2]!;
    console.log(
      `[bench] programme overview, 30 classes × 8 lessons (every measure): median ${median.toFixed(1)} ms of 5 (${runs.map((r) => r.toFixed(1)).join(', ')} ms), adapter answer to the last chart drawn`,
    );
    expect(median, 'median render').to.be.below(1000);
  });

  it('what a render spends apart: parsing the answer, the table rows, the CSV and SVG files (median of 5)', function () {
    const overview = school(30, 8);
    const words = {
      cls: nl.cls,
      lessons: nl.lessonsColumn,
      posted: nl.postedColumn,
      families: nl.families,
      households: nl.households,
      measure: (m: keyof typeof nl.measures) => nl.measures[m],
      percentOf: nl.percentOf,
      notPosted: nl.notPosted,
      tooFew: nl.tooFew,
      lessonList: (l: readonly number[]) => l.join('+'),
    };
    const time = (fn: () => unknown) => {
      const runs = Array.from({ length: 5 }, () => {
        const start = performance.now();
        fn();
        return performance.now() - start;
      }).sort((a, b) => a - b);
      return runs[2]!.toFixed(1);
    };
    const parse = time(() => z.parse(programmeOverviewSchema, overview));
    const rows = time(() => tableRows(overview, 'seen', 5));
    const files = time(() => {
      overviewCsv(overview, 5, words);
      chartsSvg(tableRows(overview, 'seen', 5), lessonColumns(overview), 'seen', 'WIsH', (r) => r.cls.label);
    });
    console.log(
      `[bench] programme overview, 30 × 8 apart: parse ${parse} ms, table rows ${rows} ms, CSV + SVG files ${files} ms (medians of 5)`,
    );
  });
});
