/**
 * The kit itself: each check must fail for an adapter that breaks its rule. Every mutant below
 * is a MemoryAdapter with one contract violation; the check named beside it must fail for the
 * mutant and pass for the unchanged adapter.
 */
import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import {
  PORT_METHODS,
  type AdapterFor,
  type PortName,
  type RequestOptions,
  type SamenTopic,
  type Unsubscribe,
  type WriteInput,
} from '../../src/core/adapter.js';
import type { UploadedMedia } from '../../src/clip-composer/schemas.js';
import type { EvaluationReceipt, EvaluationResponseInput, EvaluationResults } from '../../src/evaluation/schemas.js';
import type { ExpectationMatrix, Success } from '../../src/expectation-matrix/schemas.js';
import type { ReactionSummary } from '../../src/feedback-bar/schemas.js';
import type { Checkin } from '../../src/feelings-checkin/schemas.js';
import type { ClipReach, HomeAnswer, LessonClip } from '../../src/lesson-clip/schemas.js';
import type { MeetingReplies, Preparation, Rsvp } from '../../src/meeting/schemas.js';
import type { ProgrammeIntro } from '../../src/programme-intro/schemas.js';
import type { Award, RewardChart } from '../../src/reward-chart/schemas.js';
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
  evaluationId: 'eval-wish-after',
  unknownId: 'conformance-unknown',
  meetingId: 'wish-conversation',
  introId: 'wish-intro',
};

type Tests = Map<string, () => Promise<void>>;

/** A describe/it pair that collects the tests by full title (without the suite's own name). */
function collector(): {
  tests: Tests;
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => Promise<void>) => void;
} {
  const tests: Tests = new Map();
  const path: string[] = [];
  return {
    tests,
    describe: (name, fn) => {
      path.push(name);
      fn();
      path.pop();
    },
    it: (name, fn) => void tests.set([...path.slice(1), name].join(' > '), fn),
  };
}

/** Registers the kit for `Adapter` with a collecting describe/it, and returns its tests by full title. */
function collect(Adapter: typeof MemoryAdapter): Tests {
  const { tests, describe, it } = collector();
  defineAdapterConformance({
    name: Adapter.name,
    describe,
    it,
    fixtures,
    setup: async () => {
      const parent = new Adapter({ locale: 'en' });
      return { parent, otherParent: parent.forViewer('parent-2'), teacher: parent.forViewer('teacher-1') };
    },
  });
  return tests;
}

/** A vendor's adapter for the feedback bar only: the viewer, its port and live updates, over a MemoryAdapter. */
function feedbackOnly(memory: MemoryAdapter): AdapterFor<'feedback'> {
  return {
    getViewer: (options) => memory.getViewer(options),
    getReactions: (targetId, options) => memory.getReactions(targetId, options),
    setReaction: (input, options) => memory.setReaction(input, options),
    addReply: (input, options) => memory.addReply(input, options),
    subscribe: (topic, listener) => memory.subscribe(topic, listener),
  };
}

/**
 * Registers the kit for `ports` against feedback-only adapters (only `targetId` as fixture). Other
 * ports than 'feedback' don't type-check with these adapters (see below); a vendor in plain
 * JavaScript can still ask for them, which the cast stands for.
 */
function collectFeedbackOnly(ports: PortName[]): Tests {
  const { tests, describe, it } = collector();
  defineAdapterConformance({
    name: 'FeedbackOnly',
    ports: ports as 'feedback'[],
    describe,
    it,
    fixtures: { targetId: 'wish-2' },
    setup: async () => {
      const parent = new MemoryAdapter({ locale: 'en' });
      return {
        parent: feedbackOnly(parent),
        otherParent: feedbackOnly(parent.forViewer('parent-2')),
        teacher: feedbackOnly(parent.forViewer('teacher-1')),
      };
    },
  });
  return tests;
}

/** Type-checked only: the adapters and fixtures a run needs follow from `ports`. */
export function typedPorts(memory: MemoryAdapter): void {
  const { describe, it } = collector();
  const setup = async () => ({ parent: feedbackOnly(memory), teacher: feedbackOnly(memory) });
  defineAdapterConformance({ name: 'FeedbackOnly', ports: ['feedback'], describe, it, fixtures: { targetId: 'wish-2' }, setup });
  // @ts-expect-error the lesson clip's port needs getLessonClip and the rest, which a feedback-only adapter lacks
  defineAdapterConformance({ name: 'FeedbackOnly', ports: ['clip'], describe, it, fixtures, setup });
  defineAdapterConformance({
    name: 'MemoryAdapter',
    describe,
    it,
    // @ts-expect-error a run of every port needs every fixture
    fixtures: { targetId: 'wish-2' },
    setup: async () => ({ parent: memory, teacher: memory }),
  });
}

async function run(tests: Tests): Promise<Map<string, string>> {
  const results = new Map<string, string>();
  for (const [title, fn] of tests) {
    try {
      await fn();
      results.set(title, 'passed');
    } catch (error) {
      results.set(title, `failed: ${(error as Error).message}`);
    }
  }
  return results;
}

async function outcome(tests: Tests, fragment: string): Promise<string> {
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
  override setReaction(
    input: WriteInput & { targetId: string; reaction: string; on: boolean },
    options?: RequestOptions,
  ): Promise<ReactionSummary> {
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
  override async saveExpectationMatrix(
    input: WriteInput & { matrix: ExpectationMatrix; baseVersion: number },
    options?: RequestOptions,
  ): Promise<ExpectationMatrix> {
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
  override uploadMedia(
    input: Parameters<MemoryAdapter['uploadMedia']>[0],
    options?: Parameters<MemoryAdapter['uploadMedia']>[1],
  ): Promise<UploadedMedia> {
    options?.onProgress?.(100);
    return super.uploadMedia(input, options);
  }
}
/** The evaluation (issue 25): a retried response applies again, so a late retry undoes a newer one. */
class RetriedResponsesApplyAgain extends MemoryAdapter {
  override submitEvaluationResponse(input: WriteInput & EvaluationResponseInput, options?: RequestOptions): Promise<EvaluationReceipt> {
    return super.submitEvaluationResponse(fresh(input) as typeof input, options);
  }
}
/** Lists the families that responded beside the counts. */
class NamesRespondents extends MemoryAdapter {
  override async getEvaluationResults(query: { programmeRunId: string }, options?: RequestOptions): Promise<EvaluationResults> {
    const results = await super.getEvaluationResults(query, options);
    const respondents = (this.state.evaluationResponses ?? []).map((r) => r.respondent.split(':')[1]);
    return { ...results, phases: results.phases.map((phase) => ({ ...phase, respondents })) };
  }
}
/** Gives a parent the results as their class's teacher reads them. */
class ShowsResultsToParents extends MemoryAdapter {
  override getEvaluationResults(query: { programmeRunId: string }, options?: RequestOptions): Promise<EvaluationResults> {
    return new MemoryAdapter({ viewerId: 'teacher-1' }, this.store).getEvaluationResults(query, options);
  }
}
/** Results from a nightly copy: a response of the last minute is not counted yet. */
class CountsOnlyOldResponses extends MemoryAdapter {
  override async getEvaluationResults(query: { programmeRunId: string }, options?: RequestOptions): Promise<EvaluationResults> {
    const all = this.state.evaluationResponses;
    this.state.evaluationResponses = all?.filter((r) => Date.parse(r.submittedAt) < Date.now() - 60_000);
    try {
      return await super.getEvaluationResults(query, options);
    } finally {
      this.state.evaluationResponses = all;
    }
  }
}

/** The course (issue 26): a retried reply applies again, so a late retry undoes a newer one. */
class RetriedRsvpsApplyAgain extends MemoryAdapter {
  override saveRsvp(input: Parameters<MemoryAdapter['saveRsvp']>[0], options?: RequestOptions): Promise<Rsvp> {
    return super.saveRsvp(fresh(input) as typeof input, options);
  }
}
class RetriedSheetsApplyAgain extends MemoryAdapter {
  override savePreparation(input: Parameters<MemoryAdapter['savePreparation']>[0], options?: RequestOptions): Promise<Preparation> {
    return super.savePreparation(fresh(input) as typeof input, options);
  }
}
/** Every write adds a sheet instead of replacing the household's: the teacher's list has it twice after a retry. */
class AddsASheetPerWrite extends MemoryAdapter {
  override async savePreparation(input: Parameters<MemoryAdapter['savePreparation']>[0], options?: RequestOptions): Promise<Preparation> {
    const kept = this.state.preparations ?? [];
    const sheet = await super.savePreparation(input, options);
    this.state.preparations = [...kept, sheet];
    return sheet;
  }
}
/** The teacher's list, but read back by the household instead of its own reply. */
class ReadsAnotherHouseholdsReply extends MemoryAdapter {
  override async getRsvp(meetingId: string, options?: RequestOptions): Promise<Rsvp | null> {
    const own = await super.getRsvp(meetingId, options);
    const other = (this.state.rsvps ?? []).find((r) => r.meetingId === meetingId && r.familyId !== own?.familyId);
    return other ?? own;
  }
}
class LeaksRepliesToParents extends MemoryAdapter {
  override getMeetingReplies(meetingId: string, options?: RequestOptions): Promise<MeetingReplies> {
    return new MemoryAdapter({ viewerId: 'teacher-1' }, this.store).getMeetingReplies(meetingId, options);
  }
}
class SavesAbortedReplies extends MemoryAdapter {
  override async saveRsvp(input: Parameters<MemoryAdapter['saveRsvp']>[0], options?: RequestOptions): Promise<Rsvp> {
    const saved = await super.saveRsvp(input);
    if (options?.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    return saved;
  }
}
/** An introduction whose lessons come newest first. */
class SendsIntroLessonsReversed extends MemoryAdapter {
  override async getProgrammeIntro(introId: string, options?: RequestOptions): Promise<ProgrammeIntro> {
    const intro = await super.getProgrammeIntro(introId, options);
    return { ...intro, lessons: [...intro.lessons].reverse() };
  }
}
/** Replies per carer, not per household: the second carer of the family does not read the reply the first sent. */
const rsvpWriters = new WeakMap<object, string>();
class RepliesPerCarer extends MemoryAdapter {
  override async saveRsvp(input: Parameters<MemoryAdapter['saveRsvp']>[0], options?: RequestOptions): Promise<Rsvp> {
    const saved = await super.saveRsvp(input, options);
    rsvpWriters.set(this.store, this.viewerId);
    return saved;
  }
  override async getRsvp(meetingId: string, options?: RequestOptions): Promise<Rsvp | null> {
    const own = await super.getRsvp(meetingId, options);
    return rsvpWriters.get(this.store) === this.viewerId ? own : null;
  }
}
/** Replies and sheets notify nobody on the meeting's topic. */
class MeetingsNotifyNobody extends MemoryAdapter {
  protected override notify(topic: string): void {
    if (!topic.startsWith('meeting:')) super.notify(topic);
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
  [RetriedRsvpsApplyAgain, 'saveRsvp: a retry resolves the same, and a late retry does not undo a newer reply'],
  [RetriedSheetsApplyAgain, 'savePreparation: a retry resolves the same, and a late retry does not undo a newer sheet'],
  [AddsASheetPerWrite, 'savePreparation → getPreparation → getMeetingReplies'],
  [ReadsAnotherHouseholdsReply, 'saveRsvp → getRsvp → getMeetingReplies'],
  [LeaksRepliesToParents, 'parent.getMeetingReplies(meetingId) rejects with forbidden'],
  [SavesAbortedReplies, 'saveRsvp does not apply'],
  [SendsIntroLessonsReversed, 'getProgrammeIntro: parent and teacher get the introduction'],
  [MeetingsNotifyNobody, 'meeting: the teacher hears a parent’s reply'],
  [RepliesPerCarer, 'saveRsvp (households): each carer of the household reads its reply'],
  [RetriedResponsesApplyAgain, 'submitEvaluationResponse: the same id twice stores one response'],
  [NamesRespondents, 'anonymous to the school: the results name no respondent'],
  [ShowsResultsToParents, 'parent.getEvaluationResults (optional) rejects with forbidden'],
  [CountsOnlyOldResponses, 'the teacher’s results count the parent’s response'],
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

describe('the conformance kit per port (ports)', () => {
  it("a feedback-only adapter passes a run with ports: ['feedback'], which checks the viewer, reactions, replies and their live updates", async () => {
    const tests = collectFeedbackOnly(['feedback']);
    const results = await run(tests);
    const failed = [...results].filter(([, result]) => result !== 'passed');
    expect(failed, 'failed checks').to.deep.equal([]);
    const titles = [...tests.keys()];
    for (const fragment of [
      'getViewer: each viewer is valid',
      'setReaction → getReactions',
      'addReply: the same id twice',
      'getReactions rejects with AbortError',
      'reactions: a parent hears a reaction',
    ]) {
      expect(
        titles.some((title) => title.includes(fragment)),
        fragment,
      ).to.equal(true);
    }
    for (const fragment of ['getLessonClip', 'award', 'saveCheckin', 'saveExpectationMatrix', 'uploadMedia', 'chart: a parent hears']) {
      expect(
        titles.filter((title) => title.includes(fragment)),
        fragment,
      ).to.deep.equal([]);
    }
  });

  it("a feedback-only adapter fails a run with ports: ['clip'], naming the methods it lacks", async () => {
    const results = await run(collectFeedbackOnly(['clip']));
    const portCheck = [...results].find(([title]) => title.includes('clip port: every adapter has'));
    expect(portCheck?.[1]).to.equal(
      'failed: parent lacks getLessonClip, getHomeAnswer, saveHomeAnswer, markSeen, getClipReach, which the clip port needs (<samen-lesson-clip> shows "not connected" without them)',
    );
    const clipChecks = [...results].filter(([title]) => title.includes('getLessonClip: parent and teacher'));
    expect(clipChecks).to.have.length(1);
    expect(clipChecks[0]![1]).to.contain('parent lacks getLessonClip, getHomeAnswer, saveHomeAnswer, markSeen, getClipReach');
    expect([...results].filter(([title]) => title.startsWith('setup: the fixtures') && title.includes('fixtures:'))[0]?.[1]).to.match(
      /^failed: fixtures lack clipId, classId, unknownId/,
    );
  });

  // Every port of the contract, read from PORT_METHODS: a port added later (the evaluation, issue 25) is covered without a list to update.
  const PORTS = Object.keys(PORT_METHODS) as PortName[];
  const memoryRun = (port: PortName): Tests => {
    const { tests, describe, it } = collector();
    defineAdapterConformance({
      name: 'MemoryAdapter',
      ports: [port],
      describe,
      it,
      fixtures,
      setup: async () => {
        const parent = new MemoryAdapter({ locale: 'en' });
        return { parent, otherParent: parent.forViewer('parent-2'), teacher: parent.forViewer('teacher-1') };
      },
    });
    return tests;
  };

  it('files every check under one port: one run per port covers the full run, the viewer’s checks in each', () => {
    const full = [...collect(MemoryAdapter).keys()];
    const perPort = PORTS.map((port) => [...memoryRun(port).keys()]);
    const viewerChecks = perPort.reduce((common, titles) => common.filter((title) => titles.includes(title)));
    expect(viewerChecks.some((title) => title.includes('getViewer: each viewer is valid'))).to.equal(true);
    const rest = perPort.flatMap((titles) => titles.filter((title) => !viewerChecks.includes(title)));
    expect(rest.length - new Set(rest).size, 'checks in two ports').to.equal(0);
    expect([...viewerChecks, ...rest].sort()).to.deep.equal([...full].sort());
  });

  // Each check sees adapters confined to its port: one that calls another port's method (filed
  // under the wrong port) fails here, although MemoryAdapter has every method.
  for (const port of PORTS) {
    it(`MemoryAdapter passes the run with ports: ['${port}'] (no check reaches outside its port)`, async function () {
      this.timeout(30_000);
      const failed = [...(await run(memoryRun(port)))].filter(([, result]) => result !== 'passed');
      expect(failed).to.deep.equal([]);
    });
  }

  /** A MemoryAdapter without the optional ports' methods (the overview, the meeting, the introduction), as an adapter from before them. */
  const withoutOptionalPorts = (memory: MemoryAdapter): MemoryAdapter => {
    const hidden = new Set<string>([...PORT_METHODS.overview, ...PORT_METHODS.meeting, ...PORT_METHODS.intro]);
    return new Proxy(memory, {
      get(target, property) {
        if (typeof property === 'string' && hidden.has(property)) return undefined;
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  };
  const runWithoutOptionalPorts = (ports?: PortName[]): Promise<Map<string, string>> => {
    const { tests, describe, it } = collector();
    defineAdapterConformance({
      name: 'WithoutOptionalPorts',
      ...(ports ? { ports } : {}),
      describe,
      it,
      fixtures,
      setup: async () => {
        const parent = new MemoryAdapter({ locale: 'en' });
        return {
          parent: withoutOptionalPorts(parent),
          otherParent: withoutOptionalPorts(parent.forViewer('parent-2')),
          teacher: withoutOptionalPorts(parent.forViewer('teacher-1')),
        };
      },
    });
    return run(tests);
  };

  it('an adapter without the optional ports (overview, meeting, intro) passes the run without ports; a run that names one fails it', async function () {
    this.timeout(60_000);
    const full = await runWithoutOptionalPorts();
    expect([...full].filter(([, result]) => result !== 'passed')).to.deep.equal([]);
    expect(
      full.get(
        'setup: the fixtures and adapters have what the checked ports use > meeting port: every adapter has getViewer, getMeeting, getRsvp, saveRsvp, getMeetingReplies, getPreparation, savePreparation',
      ),
    ).to.equal('passed');
    const named = await runWithoutOptionalPorts(['meeting', 'intro']);
    expect(
      named.get(
        'setup: the fixtures and adapters have what the checked ports use > meeting port: every adapter has getViewer, getMeeting, getRsvp, saveRsvp, getMeetingReplies, getPreparation, savePreparation',
      ),
    ).to.match(
      /^failed: parent lacks getMeeting, getRsvp, saveRsvp, getMeetingReplies, getPreparation, savePreparation, which the meeting port needs/,
    );
    expect(
      named.get(
        'setup: the fixtures and adapters have what the checked ports use > intro port: every adapter has getViewer, getProgrammeIntro',
      ),
    ).to.match(/^failed: parent lacks getProgrammeIntro, which the intro port needs/);
  });

  it("the evaluation's checks need evaluationId when ports names 'evaluation', and have nothing to check without it otherwise", async () => {
    const { evaluationId: _evaluation, ...withoutEvaluation } = fixtures;
    const evaluationChecks = (ports?: PortName[]) => {
      const { tests, describe, it } = collector();
      defineAdapterConformance({
        name: 'MemoryAdapter',
        ...(ports ? { ports } : {}),
        describe,
        it,
        fixtures: withoutEvaluation,
        setup: async () => {
          const parent = new MemoryAdapter({ locale: 'en' });
          return { parent, otherParent: parent.forViewer('parent-2'), teacher: parent.forViewer('teacher-1') };
        },
      });
      return run(
        new Map([...tests].filter(([title]) => title.startsWith('error mapping') && title.includes('evaluation (optional port)'))),
      );
    };
    const named = await evaluationChecks(['evaluation']);
    expect(named.size).to.equal(8);
    expect(
      [...named.values()].every((result) => result.startsWith('failed: fixtures lack evaluationId')),
      'every check fails',
    ).to.equal(true);
    expect([...(await evaluationChecks()).values()]).to.deep.equal(Array<string>(8).fill('passed'));
  });

  it('refuses an unknown port', () => {
    expect(() => collectFeedbackOnly(['feedbak' as PortName])).to.throw(/"feedbak"\] is not a port/);
  });
});
