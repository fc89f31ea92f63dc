/**
 * An adapter fed from a school's hand-counted table (src/programme-overview/counted-table.ts), for
 * the tests and stories of `<samen-programme-overview>` (issue 25): the viewer and the overview
 * port, nothing else, the way a vendor's backend would answer with the study's numbers.
 */
import { SamenError } from '../../src/core/errors.js';
import type { RequestOptions } from '../../src/core/adapter.js';
import type { Viewer } from '../../src/core/schemas.js';
import { overviewFromCountedTable, type CountedTable, type CountedTableOptions } from '../../src/programme-overview/counted-table.js';
import type { ProgrammeOverview, ProgrammeOverviewQuery } from '../../src/programme-overview/schemas.js';

export interface CountedAdapterOptions extends Partial<CountedTableOptions> {
  /** Who is signed in; default the researchers' school leader view (every class). */
  viewer?: Viewer;
  /** Milliseconds each call waits. */
  latency?: number;
}

export function countedTableAdapter(table: CountedTable, options: CountedAdapterOptions = {}) {
  const overview: ProgrammeOverview = overviewFromCountedTable(table, { programme: 'wish', title: 'WIsH', ...options });
  const viewer: Viewer = options.viewer ?? {
    id: 'leader-study',
    role: 'school-leader',
    name: 'Onderzoeker',
    classIds: overview.classes.map((c) => c.classId),
    schoolId: 'study',
  };
  const wait = (signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, options.latency ?? 0);
      signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
    });
  return {
    calls: [] as string[],
    async getViewer(o?: RequestOptions): Promise<Viewer> {
      await wait(o?.signal);
      return structuredClone(viewer);
    },
    async getProgrammeOverview(query: ProgrammeOverviewQuery, o?: RequestOptions): Promise<ProgrammeOverview> {
      this.calls.push('getProgrammeOverview');
      await wait(o?.signal);
      if (viewer.role === 'parent' || viewer.role === 'child') throw new SamenError('forbidden');
      const asked = query.classIds;
      return structuredClone({ ...overview, classes: overview.classes.filter((c) => !asked || asked.includes(c.classId)) });
    },
  };
}
