/**
 * The kit itself: each check must fail for an adapter that breaks its rule. Every mutant below
 * is a MemoryAdapter with one contract violation; the check named beside it must fail for the
 * mutant and pass for the unchanged adapter.
 */
import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import type { RequestOptions, SamenTopic, Unsubscribe, WriteInput } from '../../src/core/adapter.js';
import type { Award, Checkin, ClipReach, ExpectationMatrix, HomeAnswer, LessonClip, ReactionSummary, RewardChart, Success, UploadedMedia } from '../../src/core/schemas.js';
import { defineAdapterConformance, type ConformanceFixtures } from '../../src/testing/index.js';

const fixtures: ConformanceFixtures = {
  clipId: 'wish-2',
  targetId: 'wish-2',
  classChartId: 'class-wish',
  personalChartId: 'personal-child-1',
  childId: 'child-1',
  otherChildId: 'child-7',
  classId: 'groep6-wish',
  matrixId: 'matrix-school',
  homeMatrixId: 'matrix-home-fam-01',
  unknownId: 'conformance-unknown',
};

/** Registers the kit for `Adapter` with a collecting describe/it, and returns its tests by full title. */
function collect(Adapter: typeof MemoryAdapter): Map<string, () => Promise<void>> {
  const tests = new Map<string, () => Promise<void>>();
  const path: string[] = [];
  defineAdapterConformance({
    name: Adapter.name,
    describe: (name, fn) => {
      path.push(name);
      fn();
      path.pop();
    },
    it: (name, fn) => void tests.set([...path.slice(1), name].join(' > '), fn),
    fixtures,
    setup: async () => {
      const parent = new Adapter({ locale: 'en' });
      return { parent, otherParent: parent.forViewer('parent-2'), teacher: parent.forViewer('teacher-1') };
    },
  });
  return tests;
}

async function outcome(tests: Map<string, () => Promise<void>>, fragment: string): Promise<string> {
  const matches = [...tests.keys()].filter((title) => title.includes(fragment));
  expect(matches, `tests matching ${fragment}`).to.have.length(1);
  try {
    await tests.get(matches[0]!)!();
    return 'passed';
  } catch (error) {
    return `failed: ${(error as Error).message}`;
  }
}

const fresh = (input: WriteInput) => ({ ...input, id: `${input.id}-${Math.random()}` });

class RetriedAwardsCountTwice extends MemoryAdapter {
  override award(input: WriteInput & { chartId: string }, options?: RequestOptions): Promise<Award> {
    return super.award(fresh(input) as typeof input, options);
  }
}
class RetriedReactionsApplyAgain extends MemoryAdapter {
  override setReaction(input: WriteInput & { targetId: string; reaction: string; on: boolean }, options?: RequestOptions): Promise<ReactionSummary> {
    return super.setReaction(fresh(input) as typeof input, options);
  }
}
class IgnoresAbort extends MemoryAdapter {
  override getLessonClip(clipId: string): ReturnType<MemoryAdapter['getLessonClip']> {
    return super.getLessonClip(clipId);
  }
}
class AppliesAbortedWrites extends MemoryAdapter {
  override async saveCheckin(input: Parameters<MemoryAdapter['saveCheckin']>[0], options?: RequestOptions): Promise<Checkin> {
    const saved = await super.saveCheckin(input);
    if (options?.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    return saved;
  }
}
class ThrowsPlainErrors extends MemoryAdapter {
  override async getRewardChart(chartId: string, options?: RequestOptions): Promise<RewardChart> {
    try {
      return await super.getRewardChart(chartId, options);
    } catch {
      throw new Error('chart not found');
    }
  }
}
class SendsInvalidCharts extends MemoryAdapter {
  override async getRewardChart(chartId: string, options?: RequestOptions): Promise<RewardChart> {
    return { ...(await super.getRewardChart(chartId, options)), goal: 0 };
  }
}
class LeaksSuccessesToParents extends MemoryAdapter {
  override getSuccesses(query: { matrixId: string; from?: string }, options?: RequestOptions): Promise<Success[]> {
    return new MemoryAdapter({ viewerId: 'teacher-1' }, this.store).getSuccesses(query, options);
  }
}
class LastWriteWins extends MemoryAdapter {
  override async saveExpectationMatrix(input: WriteInput & { matrix: ExpectationMatrix; baseVersion: number }, options?: RequestOptions): Promise<ExpectationMatrix> {
    const stored = this.state.matrices[input.matrix.id];
    return super.saveExpectationMatrix({ ...input, baseVersion: stored?.version ?? input.baseVersion }, options);
  }
}
class StoresUtc extends MemoryAdapter {
  override saveCheckin(input: Parameters<MemoryAdapter['saveCheckin']>[0], options?: RequestOptions): Promise<Checkin> {
    return super.saveCheckin({ ...input, createdAt: new Date(input.createdAt).toISOString() }, options);
  }
}
class NeverUnsubscribes extends MemoryAdapter {
  override subscribe(topic: SamenTopic, listener: () => void): Unsubscribe {
    super.subscribe(topic, listener);
    return () => undefined;
  }
}
class NotifiesNobody extends MemoryAdapter {
  protected override notify(): void {}
}

class PublishesEveryRetry extends MemoryAdapter {
  override publishLessonClip(input: Parameters<MemoryAdapter['publishLessonClip']>[0], options?: RequestOptions): Promise<LessonClip> {
    return super.publishLessonClip(fresh(input) as typeof input, options);
  }
}
class UploadsWithoutChecks extends MemoryAdapter {
  override async uploadMedia(input: Parameters<MemoryAdapter['uploadMedia']>[0], options?: RequestOptions): Promise<UploadedMedia> {
    const bytes = new Blob([await input.file.arrayBuffer()], { type: 'image/png' });
    return super.uploadMedia({ ...input, file: bytes }, options);
  }
}
/** Answers shared by the family, as before issue 18: a second carer reads the first carer's answer. */
class SharesAnswersAcrossCarers extends MemoryAdapter {
  override async getHomeAnswer(clipId: string, options?: RequestOptions): Promise<HomeAnswer | null> {
    const own = await super.getHomeAnswer(clipId, options);
    const { familyId } = await this.getViewer();
    const family = this.state.answers.find((a) => a.clipId === clipId && a.familyId === familyId);
    if (own || !family) return own;
    const { carerId: _carer, ...answer } = family;
    return answer;
  }
}
/** Counts answers instead of families: two carers of one family count twice. */
class CountsCarers extends MemoryAdapter {
  override async getClipReach(clipId: string, options?: RequestOptions): Promise<ClipReach> {
    const reach = await super.getClipReach(clipId, options);
    return { ...reach, talked: reach.answers.length, answered: reach.answers.filter((a) => a.kind === 'text').length };
  }
}
class UploadsButCannotPublish extends MemoryAdapter {}
(UploadsButCannotPublish.prototype as { publishLessonClip?: unknown }).publishLessonClip = undefined;
class ReportsProgressPastOne extends MemoryAdapter {
  override uploadMedia(input: Parameters<MemoryAdapter['uploadMedia']>[0], options?: Parameters<MemoryAdapter['uploadMedia']>[1]): Promise<UploadedMedia> {
    options?.onProgress?.(100);
    return super.uploadMedia(input, options);
  }
}

const mutants: [typeof MemoryAdapter, string][] = [
  [RetriedAwardsCountTwice, 'award: the same id twice adds one award'],
  [RetriedReactionsApplyAgain, 'setReaction: a retry counts once'],
  [IgnoresAbort, 'getLessonClip rejects with AbortError'],
  [AppliesAbortedWrites, 'saveCheckin does not apply'],
  [ThrowsPlainErrors, 'teacher.getRewardChart(unknownId) rejects with not-found'],
  [SendsInvalidCharts, 'getRewardChart: the class and the personal chart are valid'],
  [LeaksSuccessesToParents, 'parent.getSuccesses({ matrixId }) rejects with forbidden'],
  [LastWriteWins, 'saveExpectationMatrix from an older version rejects with conflict'],
  [StoresUtc, 'saveCheckin keeps the device’s UTC offset'],
  [NeverUnsubscribes, 'chart: a parent hears the teacher’s award'],
  [NotifiesNobody, 'matrix: the teacher hears a parent’s success'],
  [PublishesEveryRetry, 'idempotent: uploadMedia and publishLessonClip with the same id twice'],
  [UploadsWithoutChecks, 'errors: a parent may not upload or publish'],
  [UploadsButCannotPublish, 'publishLessonClip: the clip is valid'],
  [ReportsProgressPastOne, 'progress stays within 0…1'],
  [SharesAnswersAcrossCarers, 'saveHomeAnswer → getHomeAnswer: each carer reads back their own answer'],
  [CountsCarers, 'getClipReach: two carers’ answers count their family once'],
];

describe('the conformance kit catches broken adapters', () => {
  const reference = collect(MemoryAdapter);

  for (const [Adapter, check] of mutants) {
    it(`${Adapter.name}: fails “${check}”, which MemoryAdapter passes`, async () => {
      expect(await outcome(reference, check)).to.equal('passed');
      expect(await outcome(collect(Adapter), check)).to.match(/^failed: /);
    });
  }

  it('names the method, the expectation and what happened', async () => {
    const message = await outcome(collect(RetriedAwardsCountTwice), 'award: the same id twice adds one award');
    expect(message).to.contain('award() retried with the same id');
  });
});
