/**
 * The authorization suite itself: its checks are named per cell and derived from POLICY, and each
 * kind of check fails for a backend that breaks its rule. Each "backend" below is the MemoryAdapter
 * with one authorization mistake; the check named beside it must fail for it and pass unchanged.
 */
import { expect } from '@open-wc/testing';
import { DEMO_AUTHORIZATION_FIXTURES, demoAuthorizationViewers } from '../../src/adapters/demo-data.js';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import type { AdapterFor, SamenAdapter } from '../../src/core/adapter.js';
import { SamenError } from '../../src/core/errors.js';
import { ACTIONS, allows, relationOf, type Action } from '../../src/core/policy.js';
import {
  defineAuthorizationConformance,
  type AuthorizationFixtures,
  type AuthorizationOptions,
  type AuthorizationViewers,
} from '../../src/testing/index.js';

const fixtures: AuthorizationFixtures = DEMO_AUTHORIZATION_FIXTURES;

type Viewers = Omit<AuthorizationViewers, 'cleanup'>;

function demoViewers(): Viewers {
  const memory = new MemoryAdapter({ locale: 'en' });
  return viewersOf(memory);
}

/** The seeded school's people, each signed in on `memory`, and a session nobody has. */
function viewersOf(memory: MemoryAdapter): Viewers {
  return {
    ...demoAuthorizationViewers((viewerId) => memory.forViewer(viewerId)),
    expired: memory.forViewer('signed-out-session'),
  };
}

/** An adapter like `adapter`, with some methods replaced. */
function changed(adapter: SamenAdapter, overrides: Partial<Record<keyof SamenAdapter, unknown>>): SamenAdapter {
  return Object.assign(Object.create(adapter) as SamenAdapter, overrides);
}

/** Registers the suite with a collecting describe/it and returns its checks by full title. */
function collect(
  change: (viewers: Viewers) => Viewers = (v) => v,
  options: Partial<AuthorizationOptions> = {},
): Map<string, () => Promise<void>> {
  const tests = new Map<string, () => Promise<void>>();
  const path: string[] = [];
  defineAuthorizationConformance({
    name: 'MemoryAdapter',
    describe: (name, fn) => {
      path.push(name);
      fn();
      path.pop();
    },
    it: (name, fn) => {
      const title = [...path.slice(1), name].join(' > ');
      expect(tests.has(title), `a second check named ${title}`).to.equal(false);
      tests.set(title, fn);
    },
    fixtures,
    careCoordinator: { classes: ['A', 'B'] },
    schoolLeader: { classes: ['A', 'B'] },
    setup: async () => change(demoViewers()),
    ...options,
  });
  return tests;
}

async function outcome(tests: Map<string, () => Promise<void>>, title: string): Promise<string> {
  const run = tests.get(title);
  expect(run, `a check named ${title}; some are: ${[...tests.keys()].slice(0, 5).join(' | ')}`).to.not.equal(undefined);
  try {
    await run!();
    return 'passed';
  } catch (error) {
    return `failed: ${(error as Error).message}`;
  }
}

const refuse = (kind: ConstructorParameters<typeof SamenError>[0]) => () => Promise.reject(new SamenError(kind));

describe('authorization suite: one named check per cell, expectations from POLICY', () => {
  it('names a check for every action, viewer and own/other resource, and an expired session per action', () => {
    const tests = collect();
    const titles = [...tests.keys()];
    for (const action of Object.keys(ACTIONS) as Action[]) {
      expect(titles.filter((t) => t.startsWith(`${action} (`)).length, `checks of ${action}`).to.be.at.least(3);
      expect(
        titles.some((t) => t.startsWith(`${action} (`) && t.includes('expired session')),
        `an expired check of ${action}`,
      ).to.equal(true);
    }
    // Read from POLICY: a parent may read their class's clip, a teacher of another class may not.
    expect(
      allows('parent', 'clip.read', relationOf({ id: 'p', role: 'parent', classIds: ['groep6-wish'] }, { classId: 'groep6-wish' })),
    ).to.equal(true);
    expect(titles).to.include('clip.read (getLessonClip) > parent A · own (clip A) → allowed');
    expect(titles).to.include('clip.read (getLessonClip) > teacher B · other (clip A) → denied');
    expect(titles).to.include('class-chart.award (award) > parent A · own (class chart A) → denied');
    expect(titles).to.include('class-chart.award (award) > teacher A · own (class chart A) → allowed');
    expect(titles).to.include('personal-chart.sticker (award) > parent B · other (child A’s personal chart) → denied');
    expect(titles).to.include('award.undo (undoAward) > teacher B · other (an award teacher A gave) → denied');
    expect(titles).to.include('home-matrix.write (saveExpectationMatrix) > parent B · other (family A’s home matrix) → denied');
    expect(titles).to.include('checkin.read (getCheckins) > child A · other (child B) → denied');
    expect(titles).to.include('signals.read (getClassCheckins) > care coordinator · own (class B) → allowed');
    expect(titles).to.include('upload.write (uploadMedia) > teacher A · own (a new upload of their own) → allowed');
    expect(titles).to.include('getViewer: an expired session is refused (signed-out or forbidden)');
    // The thread port (issue 24): family A's thread is not family B's, and not another class's teacher's.
    expect(titles).to.include('thread.read (getThread) > parent B · other (family A’s thread about clip A) → denied');
    expect(titles).to.include('thread.write (addThreadMessage) > teacher A · own (family B’s thread about clip A) → allowed');
    expect(titles).to.include('thread.read (getThread) > teacher B · other (family A’s thread about clip A) → denied');
    expect(titles).to.include('thread.read (getThread) > child A · own (family A’s thread about clip A) → denied');
    // The batch reads (issue 23): a clip or reactions of another class are refused in a batch as alone.
    expect(titles).to.include('clip.read (getLessonClips) > teacher B · other (clip A) → denied');
    expect(titles).to.include('reactions.read (getReactionSummaries) > parent A · other (clip B) → denied');
    // The meeting port (issue 26): a household's own reply, never another class's; the list is the class's teacher's.
    expect(titles).to.include('rsvp.write (saveRsvp) > parent A · own (their household’s reply to meeting A) → allowed');
    expect(titles).to.include('rsvp.read (getRsvp) > teacher A · own (their household’s reply to meeting A) → denied');
    expect(titles).to.include('rsvp.list (getMeetingReplies) > teacher A · own (meeting A) → allowed');
    expect(titles).to.include('rsvp.list (getMeetingReplies) > parent A · own (meeting A) → denied');
    expect(titles).to.include('preparation.write (savePreparation) > parent B · other (their household’s reply to meeting B) → denied');
    // A tip and top about child A (issue 24) is family A's and their class's teacher's only.
    expect(titles).to.include('thread.read (getThread) > parent B · other (the tip and top about child A with family A) → denied');
    expect(titles).to.include('thread.write (addThreadMessage) > teacher A · own (the tip and top about child B with family B) → allowed');
    expect(titles).to.include('thread.read (getThread) > teacher B · other (the tip and top about child A with family A) → denied');
    // The home answers' batch (issue 23) is checked as its single read is.
    expect(titles).to.include('answer.read (getHomeAnswers) > teacher B · other (clip A) → denied');
    // A clip scheduled for later (issue 26): only its class's teacher reads it early; the class's rhythm is the teacher's.
    expect(titles).to.include('clip.read-scheduled (getLessonClip) > parent A · own (a clip of class A scheduled for later) → denied');
    expect(titles).to.include('clip.read-scheduled (getLessonClip) > teacher A · own (a clip of class A scheduled for later) → allowed');
    expect(titles).to.include('rhythm.read (getClassRhythm) > parent A · own (class A) → denied');
    // Evaluations (issue 25): the invited read and answer their own form; the results and the school's questions are staff's.
    expect(titles).to.include('evaluation.read (getEvaluation) > parent A · own (evaluation A) → allowed');
    expect(titles).to.include('evaluation.read (getEvaluation) > school leader · own (evaluation A) → denied');
    expect(titles).to.include('evaluation.respond (submitEvaluationResponse) > teacher B · other (evaluation A) → denied');
    expect(titles).to.include('evaluation.results (getEvaluationResults) > parent A · own (the results of run A) → denied');
    expect(titles).to.include('evaluation.results (getEvaluationResults) > school leader · own (the results of run A) → allowed');
    expect(titles).to.include('evaluation.edit (saveEvaluation) > child A · own (evaluation A) → denied');
    // The adults set what the child chooses from (issue 24): never the child, never another family.
    expect(titles).to.include('personal-chart.options (setChartChoices) > child A · own (child A’s personal chart) → denied');
    expect(titles).to.include('personal-chart.options (setChartChoices) > parent B · other (child A’s personal chart) → denied');
    expect(titles).to.include('personal-chart.options (setChartChoices) > teacher A · own (child A’s personal chart) → allowed');
    // 655 before the merges of issues 24–26, then 7 probes of 2 targets × 7 viewers and an expired session (15 checks each):
    // issue 26's clip.read-scheduled and rhythm.read, issue 25's evaluation.read/.respond/.results/.edit, issue 24's personal-chart.options.
    expect(tests.size).to.equal(655 + 7 * (2 * 7 + 1));
  });

  it('leaves out the child, the optional staff and fixtures, and the composing methods when told', () => {
    const all = collect();
    const fewer = collect((v) => v, {
      childLogin: false,
      careCoordinator: undefined,
      schoolLeader: undefined,
      composing: false,
      fixtures: { ...fixtures, personalChartB: undefined, otherSchoolMatrix: undefined } as unknown as AuthorizationFixtures,
    });
    const titles = [...fewer.keys()];
    expect(titles.some((t) => t.includes('child A ·') || t.includes('care coordinator') || t.includes('school leader'))).to.equal(false);
    expect(titles.some((t) => t.includes('uploadMedia') || t.includes('publishLessonClip') || t.includes('getUploadedMedia'))).to.equal(
      false,
    );
    expect(titles.some((t) => t.includes('another school') || t.includes('class B child'))).to.equal(false);
    expect(fewer.size).to.be.below(all.size);
  });

  it('passes for the MemoryAdapter as it is (spot checks: allowed, denied own, denied other, expired)', async () => {
    const tests = collect();
    for (const title of [
      'clip.read (getLessonClip) > parent A · own (clip A) → allowed',
      'class-chart.award (award) > parent A · own (class chart A) → denied',
      'personal-chart.sticker (award) > parent A · own (child A’s personal chart) → allowed',
      'school-matrix.write (saveExpectationMatrix) > teacher A · own (the school matrix) → allowed',
      'award.undo (undoAward) > teacher A · own (an award teacher A gave) → allowed',
      'clip.read (getLessonClip) > expired session (clip A) → signed-out or forbidden',
      'answer.read (getHomeAnswers) > parent A · own (clip A) → allowed',
      'answer.read (getHomeAnswers) > teacher B · other (clip A) → denied',
    ]) {
      expect(await outcome(tests, title), title).to.equal('passed');
    }
  });

  it('fails a backend that lets a parent award class tokens', async () => {
    const tests = collect((v) => ({
      ...v,
      parentA: changed(v.parentA, { award: (input: Parameters<SamenAdapter['award']>[0]) => v.teacherA.award(input) }),
    }));
    expect(await outcome(tests, 'class-chart.award (award) > parent A · own (class chart A) → denied')).to.match(
      /^failed: parentA\.award\(\) on class chart A \(class-chart\.award: parent · own\): POLICY denies it, but it resolved/,
    );
    expect(await outcome(tests, 'class-chart.award (award) > teacher A · own (class chart A) → allowed')).to.equal('passed');
  });

  it("fails a backend whose home answers' batch gives what the single read refuses (issue 23)", async () => {
    const leaked = { id: 'a1', clipId: 'wish-2', familyId: 'fam-01', kind: 'talked', updatedAt: '2026-11-20T10:00:00+01:00' };
    const tests = collect((v) => ({
      ...v,
      teacherB: changed(v.teacherB, { getHomeAnswers: (ids: string[]) => Promise.resolve(ids.map(() => leaked)) }),
    }));
    expect(await outcome(tests, 'answer.read (getHomeAnswers) > teacher B · other (clip A) → denied')).to.match(/^failed: /);
  });

  it('fails a backend that refuses what the policy allows', async () => {
    const tests = collect((v) => ({ ...v, parentA: changed(v.parentA, { getLessonClip: refuse('forbidden') }) }));
    expect(await outcome(tests, 'clip.read (getLessonClip) > parent A · own (clip A) → allowed')).to.match(
      /POLICY allows it, but it rejected with SamenError with kind "forbidden"/,
    );
  });

  it('accepts not-found for someone else’s resource (hiding that it exists), never for the viewer’s own', async () => {
    const tests = collect((v) => ({
      ...v,
      parentA: changed(v.parentA, { getClipReach: refuse('not-found'), getHomeAnswer: refuse('not-found') }),
    }));
    expect(await outcome(tests, 'reach.read (getClipReach) > parent A · own (clip A) → denied')).to.match(
      /should reject with kind "forbidden", but it rejected with SamenError with kind "not-found"/,
    );
    expect(await outcome(tests, 'answer.read (getHomeAnswer) > parent A · other (clip B) → denied')).to.equal('passed');
  });

  it('fails a backend that checks the input before the policy, for a denied write', async () => {
    const tests = collect((v) => ({ ...v, parentB: changed(v.parentB, { addReply: refuse('invalid-data') }) }));
    expect(await outcome(tests, 'reply.write (addReply) > parent B · other (clip B) → denied')).to.match(
      /should reject with kind "forbidden" or "not-found", but it rejected with SamenError with kind "invalid-data"/,
    );
  });

  it('fails an expired session that is served, or refused with another kind; accepts signed-out', async () => {
    const served = collect((v) => ({ ...v, expired: v.parentA }));
    expect(await outcome(served, 'getViewer: an expired session is refused (signed-out or forbidden)')).to.match(
      /an expired session should be refused, but it resolved/,
    );
    expect(await outcome(served, 'checkin.read (getCheckins) > expired session (child A) → signed-out or forbidden')).to.match(/resolved/);
    const wrongKind = collect((v) => ({ ...v, expired: changed(v.expired, { getLessonClip: refuse('not-found') }) }));
    expect(await outcome(wrongKind, 'clip.read (getLessonClip) > expired session (clip A) → signed-out or forbidden')).to.match(
      /"signed-out" or "forbidden", but it rejected with SamenError with kind "not-found"/,
    );
    const signedOut = collect((v) => ({ ...v, expired: changed(v.expired, { getLessonClip: refuse('signed-out') }) }));
    expect(await outcome(signedOut, 'clip.read (getLessonClip) > expired session (clip A) → signed-out or forbidden')).to.equal('passed');
  });

  it('fails when the viewers are not who the fixtures say', async () => {
    const swapped = collect((v) => ({ ...v, parentB: (v.parentA as MemoryAdapter).forViewer('parent-2') }));
    expect(
      await outcome(swapped, 'each viewer is who the fixtures say (role; parents A and B in different families; child A in family A)'),
    ).to.match(/parentA and parentB should be in different families/);
  });
});

describe('authorization suite: safe to run against a real backend', () => {
  it('every check run on one shared backend leaves only the documented writes (seen marks, unpublished uploads)', async function () {
    this.timeout(20_000);
    const memory = new MemoryAdapter({ locale: 'en' });
    const shared: Viewers = viewersOf(memory);
    const tests = collect(() => shared);
    const kept = (state: typeof memory.state) =>
      JSON.stringify({
        clips: state.clips,
        answers: state.answers,
        reactions: state.reactions,
        replies: state.replies,
        charts: state.charts,
        checkins: state.checkins,
        matrices: state.matrices,
        successes: state.successes,
      });
    const before = kept(memory.state);
    const seenBefore = memory.state.seen.length;
    const failed: string[] = [];
    for (const [title, run] of tests) {
      try {
        await run();
      } catch (error) {
        failed.push(`${title}: ${(error as Error).message}`);
      }
    }
    expect(failed, 'checks that failed on the shared backend').to.deep.equal([]);
    expect(
      kept(memory.state),
      'clips, answers, reactions, replies, charts, check-ins, matrices and successes after the whole suite',
    ).to.equal(before);
    // What the suite does store, as docs/conformance.md says: a family's seen mark, and teachers' unpublished uploads.
    expect(memory.state.seen.length).to.be.at.least(seenBefore);
    expect(Object.keys(memory.state.uploads ?? {}).length, 'unpublished uploads of teacher A and B').to.be.above(0);
  });
});

describe('authorization suite per port (ports)', () => {
  /** A vendor's adapter for the feedback bar only. */
  const feedbackOnly = (backend: MemoryAdapter): AdapterFor<'feedback'> => ({
    getViewer: (options) => backend.getViewer(options),
    getReactions: (targetId, options) => backend.getReactions(targetId, options),
    setReaction: (input, options) => backend.setReaction(input, options),
    addReply: (input, options) => backend.addReply(input, options),
  });

  it("a feedback-only backend passes the run with ports: ['feedback'], which checks the viewers and the feedback actions only", async function () {
    this.timeout(20_000);
    const tests = new Map<string, () => Promise<void>>();
    const path: string[] = [];
    const { clipA, clipB, classA, classB, childA, childB } = fixtures;
    defineAuthorizationConformance({
      name: 'FeedbackOnly',
      ports: ['feedback'],
      describe: (name, fn) => {
        path.push(name);
        fn();
        path.pop();
      },
      it: (name, fn) => void tests.set([...path.slice(1), name].join(' > '), fn),
      fixtures: { clipA, clipB, classA, classB, childA, childB },
      careCoordinator: { classes: ['A', 'B'] },
      schoolLeader: { classes: ['A', 'B'] },
      setup: async () => {
        const memory = new MemoryAdapter({ locale: 'en' });
        return {
          ...demoAuthorizationViewers((viewerId) => feedbackOnly(memory.forViewer(viewerId))),
          expired: feedbackOnly(memory.forViewer('signed-out-session')),
        };
      },
    });
    const actions = new Set([...tests.keys()].map((title) => /^([\w.-]+) \(/.exec(title)?.[1]).filter((action) => action !== undefined));
    expect([...actions].sort()).to.deep.equal(['reaction.write', 'reactions.read', 'reply.write']);
    const failed: string[] = [];
    for (const [title, run] of tests) {
      try {
        await run();
      } catch (error) {
        failed.push(`${title}: ${(error as Error).message}`);
      }
    }
    expect(failed).to.deep.equal([]);
  });
});
