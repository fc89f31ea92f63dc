// @ts-check
/**
 * Reward charts: a class chart or a child's personal chart, positive only. Teachers award; a
 * family gives home stickers on their child's chart only when the school turned them on. An
 * award can be taken back by whoever gave it, within UNDO_WINDOW_MS; a goal can be redeemed
 * once it is reached (before that it is a conflict), which starts the chart afresh.
 */
import { sql } from 'kysely';
import { UNDO_WINDOW_MS } from '../../../dist/reward-chart/schemas.js';
import { NOW, fail, iso, present } from './common.mjs';

/**
 * @typedef {import('./common.mjs').Session} Session
 * @typedef {import('./tables.mjs').DB} DB
 */

/** The chart's awards not redeemed yet, with the giver's name (never their id). @param {DB} db */
const openAwards = (db) =>
  db
    .selectFrom('awards as a')
    .leftJoin('viewers as v', 'v.id', 'a.given_by')
    .select(['a.id', 'a.source', 'a.expectation_id', 'a.reason', 'v.name as given_by_name', 'a.created_at'])
    .where('a.redeemed_in', 'is', null);

/** @param {{ id: string, source: 'school' | 'home', expectation_id: string | null, reason: string | null, given_by_name: string | null, created_at: Date }} row */
const toAward = (row) => ({
  id: row.id,
  source: row.source,
  ...present({ expectationId: row.expectation_id, reason: row.reason, givenBy: row.given_by_name }),
  createdAt: iso(row.created_at),
});

/**
 * `GET /charts/{chartId}`.
 * @param {Session} s
 * @param {string} chartId
 */
export async function getRewardChart(s, chartId) {
  const { db } = s;
  const chart = await db
    .selectFrom('reward_charts as c')
    .leftJoin('children as ch', 'ch.id', 'c.child_id')
    .select([
      'c.id',
      'c.kind',
      'c.class_id',
      'c.child_id',
      'c.title',
      'c.goal',
      'c.reward',
      'c.home_stickers_enabled',
      'c.choices',
      'c.lang',
      'ch.name as child_name',
    ])
    .where('c.id', '=', chartId)
    .executeTakeFirst();
  if (!chart) fail('not-found');
  const [focus, awards, earned] = await Promise.all([
    db.selectFrom('chart_focus').select(['id', 'text', 'pictogram']).where('chart_id', '=', chartId).orderBy('position').execute(),
    openAwards(db).where('a.chart_id', '=', chartId).orderBy('a.created_at').orderBy('a.id').execute(),
    db
      .selectFrom('earned_rewards')
      .select(['reward', 'earned_at'])
      .where('chart_id', '=', chartId)
      .orderBy('earned_at')
      .orderBy('id')
      .execute(),
  ]);
  // Teachers only (issue 24): a class chart's recognition, a personal chart's families.
  const teacher = s.viewer.role === 'teacher';
  const recognition = teacher && chart.kind === 'class' ? await recognitionOf(db, chart.class_id) : undefined;
  const families = teacher && chart.kind === 'personal' && chart.child_id ? await familiesOfChild(db, chart.child_id) : undefined;
  return {
    id: chart.id,
    kind: chart.kind,
    title: chart.title,
    goal: chart.goal,
    reward: chart.reward,
    focus: focus.map((f) => ({ id: f.id, text: f.text, ...present({ pictogram: f.pictogram }) })),
    awards: awards.map(toAward),
    earnedRewards: earned.map((e) => ({ reward: e.reward, earnedAt: iso(e.earned_at) })),
    ...present({ childName: chart.child_name }),
    homeStickersEnabled: chart.home_stickers_enabled,
    ...present({ choices: chart.choices }),
    ...present({ lang: chart.lang }),
    classId: chart.class_id,
    ...present({ childId: chart.child_id }),
    ...(families ? { families } : {}),
    ...(recognition ? { recognition } : {}),
  };
}

/**
 * A chart's kind and choices, for the two choice routes below: its row locked until the
 * transaction ends, so two choice writes at once can't lose one another's change; `not-found`
 * when there is no such chart.
 * @param {DB} db
 * @param {string} chartId
 */
async function lockedChart(db, chartId) {
  const chart = await db.selectFrom('reward_charts').select(['kind', 'choices']).where('id', '=', chartId).forUpdate().executeTakeFirst();
  return chart ?? fail('not-found');
}

/**
 * `POST /charts/{chartId}/choice` (issue 24): the child (or their parent) picks the goal's words
 * and the reward from the options the adults allowed; anything else is `invalid-data`. The chosen
 * reward becomes the chart's reward. Idempotent on the client's id (the route's replay).
 * @param {Session} s
 * @param {{ chartId: string, wordsId?: string, rewardId?: string }} input
 */
export async function chooseChartGoal(s, input) {
  const { db } = s;
  const chart = await lockedChart(db, input.chartId);
  const choices = chart.choices;
  if (chart.kind !== 'personal' || !choices) fail('invalid-data', 'this chart has no choices for the child');
  const words = input.wordsId === undefined ? undefined : choices.words.find((o) => o.id === input.wordsId);
  const reward = input.rewardId === undefined ? undefined : choices.rewards.find((o) => o.id === input.rewardId);
  if ((input.wordsId !== undefined && !words) || (input.rewardId !== undefined && !reward))
    fail('invalid-data', 'not one of the options the adults allowed');
  const next = { ...choices, ...(words ? { wordsId: words.id } : {}), ...(reward ? { rewardId: reward.id } : {}) };
  await db
    .updateTable('reward_charts')
    .set({ choices: JSON.stringify(next), ...(reward ? { reward: reward.text.slice(0, 200) } : {}) })
    .where('id', '=', input.chartId)
    .execute();
  s.topics.add(`chart:${input.chartId}`);
  return getRewardChart(s, input.chartId);
}

/**
 * `PUT /charts/{chartId}/choices` (issue 24): a parent or the teacher sets the options the child
 * chooses from, both lists replaced; the child's earlier pick stays where its option stays. Empty
 * lists: the chart offers no choice. Idempotent on the client's id (the route's replay).
 * @param {Session} s
 * @param {{ chartId: string, words: { id: string, text: string, picture?: string }[], rewards: { id: string, text: string, picture?: string }[] }} input
 */
export async function setChartChoices(s, input) {
  const { db } = s;
  const chart = await lockedChart(db, input.chartId);
  if (chart.kind !== 'personal') fail('invalid-data', 'only a personal chart has choices for the child');
  const option = (/** @type {{ id: string, text: string, picture?: string }} */ o) => ({
    id: o.id,
    text: o.text.trim(),
    ...(o.picture ? { picture: o.picture } : {}),
  });
  const words = input.words.map(option);
  const rewards = input.rewards.map(option);
  // The child's pick names an option by its id: one id, one option.
  if (new Set(words.map((o) => o.id)).size < words.length || new Set(rewards.map((o) => o.id)).size < rewards.length)
    fail('invalid-data', 'two options with one id');
  const before = chart.choices;
  const next =
    words.length || rewards.length
      ? {
          words,
          rewards,
          ...(before?.wordsId && words.some((o) => o.id === before.wordsId) ? { wordsId: before.wordsId } : {}),
          ...(before?.rewardId && rewards.some((o) => o.id === before.rewardId) ? { rewardId: before.rewardId } : {}),
        }
      : null;
  await db
    .updateTable('reward_charts')
    .set({ choices: next && JSON.stringify(next) })
    .where('id', '=', input.chartId)
    .execute();
  s.topics.add(`chart:${input.chartId}`);
  return getRewardChart(s, input.chartId);
}

/**
 * The families of a child, as their class lists them (a teacher's tip and top goes to them): a
 * family at more than one address once per address (`householdId`), unless the school shares
 * within the family (issue 24).
 * @param {DB} db
 * @param {string} childId
 */
export async function familiesOfChild(db, childId) {
  const rows = await db
    .selectFrom('children as ch')
    .innerJoin('class_households as ck', (j) => j.onRef('ck.class_id', '=', 'ch.class_id').onRef('ck.household_id', '=', 'ch.household_id'))
    .innerJoin('households as h', 'h.id', 'ch.household_id')
    .leftJoin('schools as sc', 'sc.id', 'h.school_id')
    .select(['h.id', 'h.name', 'sc.share_within_family'])
    .where('ch.id', '=', childId)
    .orderBy('ck.position')
    .execute();
  const perAddress = rows.filter((r) => !r.share_within_family).map((r) => r.id);
  const addresses = perAddress.length
    ? await db
        .selectFrom('addresses')
        .select(['id', 'household_id', 'name'])
        .where('household_id', 'in', perAddress)
        .orderBy('position')
        .orderBy('id')
        .execute()
    : [];
  return rows.flatMap((r) => {
    const own = addresses.filter((a) => a.household_id === r.id);
    return own.length
      ? own.map((a) => ({ familyId: r.id, householdId: a.id, name: `${r.name} — ${a.name}` }))
      : [{ familyId: r.id, name: r.name }];
  });
}

/**
 * This week (since Monday 00:00) in a class: which children the school recognised (a token for
 * them on a class chart, a sticker from school on their own chart) and how many such compliments
 * were given. A yes or no per child, never a count per child; the teacher's only (issue 24).
 * @param {DB} db
 * @param {string} classId
 */
async function recognitionOf(db, classId) {
  const [children, given] = await Promise.all([
    db.selectFrom('children').select(['id', 'name']).where('class_id', '=', classId).orderBy('name').orderBy('id').execute(),
    db
      .selectFrom('awards as a')
      .innerJoin('reward_charts as c', 'c.id', 'a.chart_id')
      .innerJoin('children as ch', (j) =>
        j.on((eb) =>
          eb.or([
            eb.and([eb('c.kind', '=', 'personal'), eb('ch.id', '=', eb.ref('c.child_id'))]),
            eb.and([eb('c.kind', '=', 'class'), eb('c.class_id', '=', classId), eb('ch.id', '=', eb.ref('a.for_child_id'))]),
          ]),
        ),
      )
      .select(['ch.id as child_id'])
      .where('ch.class_id', '=', classId)
      .where('a.source', '=', 'school')
      .where('a.created_at', '>=', sql`date_trunc('week', now())`.$castTo())
      .execute(),
  ]);
  const recognised = new Set(given.map((g) => g.child_id));
  return {
    children: children.map((c) => ({ childId: c.id, ...present({ name: c.name }), recognised: recognised.has(c.id) })),
    compliments: given.length,
  };
}

/**
 * `POST /charts/{chartId}/awards`: one token, from school (a teacher) or from home (a carer, only
 * when the chart takes home stickers).
 * @param {Session} s
 * @param {{ id: string, chartId: string, expectationId?: string, reason?: string, childId?: string }} input
 */
export async function award(s, input) {
  const { db, viewer } = s;
  const chart = await db
    .selectFrom('reward_charts')
    .select(['home_stickers_enabled', 'kind', 'class_id'])
    .where('id', '=', input.chartId)
    .executeTakeFirst();
  if (!chart) fail('not-found');
  const school = viewer.role === 'teacher';
  // The policy lets a parent sticker their own child's chart; the school decides whether it is on.
  if (!school && !chart.home_stickers_enabled) fail('forbidden', 'home stickers are off for this chart');
  // A token for one child (issue 24): a teacher's, on a class chart, for a child of its class.
  if (input.childId !== undefined) {
    const child =
      school && chart.kind === 'class'
        ? await db
            .selectFrom('children')
            .select('id')
            .where('id', '=', input.childId)
            .where('class_id', '=', chart.class_id)
            .executeTakeFirst()
        : undefined;
    if (!child) fail('invalid-data', 'childId: not a child of this class chart');
  }
  await db
    .insertInto('awards')
    .values({
      id: input.id,
      chart_id: input.chartId,
      source: school ? 'school' : 'home',
      expectation_id: input.expectationId ?? null,
      reason: input.reason ? input.reason : null,
      given_by: viewer.id,
      for_child_id: input.childId ?? null,
      created_at: NOW,
    })
    .execute();
  s.topics.add(`chart:${input.chartId}`);
  return awardById(db, input.chartId, input.id);
}

/**
 * An award still on its chart, as the chart shows it; `not-found` once it was taken back or
 * redeemed (a replayed award answers from it).
 * @param {DB} db
 * @param {string} chartId
 * @param {string} awardId
 */
export async function awardById(db, chartId, awardId) {
  const row = await openAwards(db).where('a.chart_id', '=', chartId).where('a.id', '=', awardId).executeTakeFirst();
  return row ? toAward(row) : fail('not-found');
}

/**
 * `DELETE /charts/{chartId}/awards/{awardId}`: only by its giver (the policy's `award.undo`),
 * and only within UNDO_WINDOW_MS of when it was given; later it is a `conflict`.
 * @param {Session} s
 * @param {{ chartId: string, awardId: string }} input
 */
export async function undoAward(s, input) {
  const { db } = s;
  const found = await db
    .selectFrom('awards')
    .select([sql`created_at > now() - make_interval(secs => ${UNDO_WINDOW_MS / 1000})`.$castTo().as('in_time')])
    .where('id', '=', input.awardId)
    .where('chart_id', '=', input.chartId)
    .where('redeemed_in', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!found) fail('not-found');
  if (!found.in_time) fail('conflict', 'too late to take this award back');
  await db.deleteFrom('awards').where('id', '=', input.awardId).execute();
  s.topics.add(`chart:${input.chartId}`);
  return null;
}

/**
 * `POST /charts/{chartId}/redeem`: the goal must be reached (else `conflict`). The reward is
 * recorded as earned, the awards that reached it are kept as redeemed, and the chart starts
 * again, with a new goal or reward when given.
 * @param {Session} s
 * @param {{ chartId: string, nextGoal?: number, nextReward?: string }} input
 */
export async function redeem(s, input) {
  const { db, viewer } = s;
  // Locked: two redeems at once can't both count the same awards.
  const chart = await db
    .selectFrom('reward_charts')
    .select(['goal', 'reward'])
    .where('id', '=', input.chartId)
    .forUpdate()
    .executeTakeFirst();
  if (!chart) fail('not-found');
  const [{ n }] = await db
    .selectFrom('awards')
    .select(sql`count(*)::int`.$castTo().as('n'))
    .where('chart_id', '=', input.chartId)
    .where('redeemed_in', 'is', null)
    .execute();
  if (/** @type {number} */ (n) < chart.goal) fail('conflict', 'goal not reached');
  const earned = await db
    .insertInto('earned_rewards')
    .values({ chart_id: input.chartId, reward: chart.reward, earned_at: NOW, redeemed_by: viewer.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('awards')
    .set({ redeemed_in: earned.id })
    .where('chart_id', '=', input.chartId)
    .where('redeemed_in', 'is', null)
    .execute();
  if (input.nextGoal || input.nextReward) {
    await db
      .updateTable('reward_charts')
      .set({ ...(input.nextGoal ? { goal: input.nextGoal } : {}), ...(input.nextReward ? { reward: input.nextReward } : {}) })
      .where('id', '=', input.chartId)
      .execute();
  }
  s.topics.add(`chart:${input.chartId}`);
  return getRewardChart(s, input.chartId);
}
