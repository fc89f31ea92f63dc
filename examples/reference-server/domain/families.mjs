// @ts-check
/**
 * A family's data on request (GDPR articles 15 and 20) and its erasure (article 17), for the
 * school as the controller: admin-only, from the command line
 * (`node server.mjs export-family <id>` / `erase-family <id>`), never over HTTP.
 *
 * What belongs to a family: its household and the people in it (carers, child logins), its
 * addresses (issue 24: each carer's, and the address each answer, seen mark, reply, success
 * and thread is of, as `householdId`), its children, and everything they did or is about them:
 * home answers, seen marks, reactions, replies, stickers and awards its people gave, its
 * children's check-ins and personal charts, its home matrix (every version kept), the successes
 * it shared, its threads with the teacher (both sides' messages: the thread is the family's),
 * its replies to meetings and its preparation sheets (issue 26), its evaluation responses
 * (issue 25). PRIVACY.md says what erasure deletes and what it keeps as counts only.
 */
import { sql } from 'kysely';
import { fail, iso } from './common.mjs';
import { getExpectationMatrix } from './matrices.mjs';
import { localTime } from './feelings.mjs';
import { parseThreadTopic } from '../../../dist/thread/schemas.js';

/**
 * @typedef {import('./tables.mjs').DB} DB
 */

/** @param {Date | null | undefined} date */
const when = (date) => (date ? iso(date) : null);

/**
 * Everything about one family and its children, as JSON-ready data.
 * @param {import('../database.mjs').Database} database
 * @param {string} familyId the household's id (the contract's familyId)
 */
export async function exportFamily(database, familyId) {
  return database.transaction(async (tx) => {
    const db = tx.kysely;
    // One snapshot: what the export says holds together.
    await sql`set transaction isolation level repeatable read, read only`.execute(db);
    const household = await db.selectFrom('households').selectAll().where('id', '=', familyId).executeTakeFirst();
    if (!household) fail('not-found', 'no such family');
    const people = await db.selectFrom('viewers').selectAll().where('household_id', '=', familyId).orderBy('id').execute();
    // Its addresses (issue 24, migration 011): each is a household of the family, the contract's householdId.
    const addresses = await db
      .selectFrom('addresses')
      .select(['id', 'name'])
      .where('household_id', '=', familyId)
      .orderBy('position')
      .orderBy('id')
      .execute();
    const peopleIds = people.map((p) => p.id);
    const children = await db.selectFrom('children').selectAll().where('household_id', '=', familyId).orderBy('id').execute();
    const childIds = children.map((c) => c.id);
    const none = ['']; // `in ()` is not SQL: a list that matches nothing (no id is empty)
    const ofPeople = peopleIds.length ? peopleIds : none;
    const ofChildren = childIds.length ? childIds : none;

    const [classes, links, childLinks, answers, seen, reactions, replies, given, checkins, charts, homeMatrices, successes] =
      await Promise.all([
        db
          .selectFrom('class_households')
          .select(['class_id', 'position'])
          .where('household_id', '=', familyId)
          .orderBy('class_id')
          .execute(),
        db.selectFrom('viewer_classes').selectAll().where('viewer_id', 'in', ofPeople).orderBy('viewer_id').orderBy('position').execute(),
        db.selectFrom('viewer_children').selectAll().where('viewer_id', 'in', ofPeople).orderBy('viewer_id').orderBy('position').execute(),
        db.selectFrom('home_answers').selectAll().where('household_id', '=', familyId).orderBy('updated_at').execute(),
        db.selectFrom('seen_marks').selectAll().where('household_id', '=', familyId).orderBy('seen_at').execute(),
        db.selectFrom('reactions').selectAll().where('household_id', '=', familyId).orderBy('created_at').execute(),
        db
          .selectFrom('replies')
          .selectAll()
          .where((eb) => eb.or([eb('household_id', '=', familyId), eb('author_id', 'in', ofPeople)]))
          .orderBy('created_at')
          .execute(),
        db.selectFrom('awards').selectAll().where('given_by', 'in', ofPeople).orderBy('created_at').execute(),
        db.selectFrom('checkins').selectAll().where('child_id', 'in', ofChildren).orderBy('created_at').execute(),
        db.selectFrom('reward_charts').selectAll().where('child_id', 'in', ofChildren).orderBy('id').execute(),
        db.selectFrom('matrices').select('id').where('household_id', '=', familyId).orderBy('id').execute(),
        db
          .selectFrom('successes')
          .selectAll()
          .where((eb) => eb.or([eb('household_id', '=', familyId), eb('shared_by', 'in', ofPeople)]))
          .orderBy('created_at')
          .execute(),
      ]);
    const chartIds = charts.length ? charts.map((c) => c.id) : none;
    const threadMessages = await db
      .selectFrom('thread_messages')
      .select(['id', 'thread_key', 'about_kind', 'about_id', 'from_side', 'author_id', 'text', 'created_at'])
      .where('household_id', '=', familyId)
      .orderBy('seq')
      .execute();
    // The programme's course (issue 26): its replies to meetings and its preparation sheets, per address.
    const [meetingReplies, preparationSheets] = await Promise.all([
      db.selectFrom('meeting_rsvps').selectAll().where('household_id', '=', familyId).orderBy('updated_at').execute(),
      db.selectFrom('meeting_preparations').selectAll().where('household_id', '=', familyId).orderBy('updated_at').execute(),
    ]);
    // Their evaluation responses (issue 25): the household's, its children's, its people's own.
    const evaluationResponses = await db
      .selectFrom('evaluation_responses')
      .select(['evaluation_id', 'respondent', 'audience', 'submitted_at'])
      .where((eb) => eb.or([eb('household_id', '=', familyId), eb('child_id', 'in', ofChildren), eb('viewer_id', 'in', ofPeople)]))
      .orderBy('submitted_at')
      .execute();
    const evaluationAnswers = evaluationResponses.length
      ? await db
          .selectFrom('evaluation_answers')
          .select(['evaluation_id', 'respondent', 'question_id', 'value', 'words'])
          .where(
            'respondent',
            'in',
            evaluationResponses.map((r) => r.respondent),
          )
          .orderBy('question_id')
          .execute()
      : [];
    const [chartAwards, earned, focus] = await Promise.all([
      db.selectFrom('awards').selectAll().where('chart_id', 'in', chartIds).orderBy('created_at').execute(),
      db.selectFrom('earned_rewards').selectAll().where('chart_id', 'in', chartIds).orderBy('earned_at').execute(),
      db.selectFrom('chart_focus').selectAll().where('chart_id', 'in', chartIds).orderBy('position').execute(),
    ]);
    const matrices = [];
    for (const { id } of homeMatrices) {
      const versions = await db
        .selectFrom('matrix_versions')
        .select(['version', 'saved_by', 'saved_at'])
        .where('matrix_id', '=', id)
        .orderBy('version')
        .execute();
      matrices.push({
        ...(await getExpectationMatrix({ db }, id)),
        versionsKept: versions.map((v) => ({ version: v.version, savedBy: v.saved_by, savedAt: when(v.saved_at) })),
      });
    }

    return {
      kind: 'samen-family-export',
      exportedAt: new Date().toISOString(),
      family: {
        id: household.id,
        name: household.name,
        schoolId: household.school_id,
        createdAt: when(household.created_at),
        classes: classes.map((c) => c.class_id),
        households: addresses.map((a) => ({ householdId: a.id, name: a.name })),
      },
      people: people.map((p) => ({
        id: p.id,
        role: p.role,
        name: p.name,
        schoolId: p.school_id,
        householdId: p.address_id,
        classIds: links.filter((l) => l.viewer_id === p.id).map((l) => l.class_id),
        childIds: childLinks.filter((l) => l.viewer_id === p.id).map((l) => l.child_id),
        createdAt: when(p.created_at),
      })),
      children: children.map((c) => ({ id: c.id, name: c.name, classId: c.class_id, createdAt: when(c.created_at) })),
      homeAnswers: answers.map((a) => ({
        id: a.id,
        clipId: a.clip_id,
        kind: a.kind,
        text: a.text,
        carerId: a.carer_id,
        householdId: a.address_id,
        updatedAt: when(a.updated_at),
      })),
      seen: seen.map((s) => ({ clipId: s.clip_id, householdId: s.address_id, seenAt: when(s.seen_at) })),
      reactions: reactions.map((r) => ({
        targetId: r.target_id,
        reaction: r.reaction,
        reactedBy: r.reacted_by,
        createdAt: when(r.created_at),
      })),
      replies: replies.map((r) => ({
        id: r.id,
        targetId: r.target_id,
        text: r.text,
        authorId: r.author_id,
        householdId: r.address_id,
        createdAt: when(r.created_at),
      })),
      awardsGiven: given.map((a) => ({
        id: a.id,
        chartId: a.chart_id,
        source: a.source,
        expectationId: a.expectation_id,
        reason: a.reason,
        givenBy: a.given_by,
        createdAt: when(a.created_at),
        redeemed: a.redeemed_in !== null,
      })),
      checkins: checkins.map((c) => ({
        id: c.id,
        childId: c.child_id,
        feeling: c.feeling,
        strength: c.strength,
        context: c.context,
        note: c.note,
        createdAt: localTime(c.created_at, c.utc_offset_minutes),
        recordedBy: c.recorded_by,
      })),
      personalCharts: charts.map((c) => ({
        id: c.id,
        childId: c.child_id,
        classId: c.class_id,
        title: c.title,
        goal: c.goal,
        reward: c.reward,
        homeStickersEnabled: c.home_stickers_enabled,
        focus: focus.filter((f) => f.chart_id === c.id).map((f) => ({ id: f.id, text: f.text, pictogram: f.pictogram })),
        awards: chartAwards
          .filter((a) => a.chart_id === c.id)
          .map((a) => ({
            id: a.id,
            source: a.source,
            expectationId: a.expectation_id,
            reason: a.reason,
            givenBy: a.given_by,
            createdAt: when(a.created_at),
            redeemed: a.redeemed_in !== null,
          })),
        earnedRewards: earned
          .filter((e) => e.chart_id === c.id)
          .map((e) => ({ reward: e.reward, earnedAt: when(e.earned_at), redeemedBy: e.redeemed_by })),
      })),
      homeMatrices: matrices,
      successes: successes.map((s) => ({
        id: s.id,
        matrixId: s.matrix_id,
        expectationId: s.expectation_id,
        text: s.text,
        sharedBy: s.shared_by,
        householdId: s.address_id,
        createdAt: when(s.created_at),
      })),
      threadMessages: threadMessages.map((m) => ({
        id: m.id,
        about: { kind: m.about_kind, id: m.about_id },
        // The address the thread is with (issue 24), from its key; null: the whole family's.
        householdId: parseThreadTopic(m.thread_key)?.householdId ?? null,
        from: m.from_side,
        authorId: m.author_id,
        text: m.text,
        createdAt: when(m.created_at),
      })),
      meetingReplies: meetingReplies.map((r) => ({
        meetingId: r.meeting_id,
        householdId: r.address_id,
        answer: r.answer,
        people: r.people,
        updatedAt: when(r.updated_at),
      })),
      preparationSheets: preparationSheets.map((p) => ({
        meetingId: p.meeting_id,
        householdId: p.address_id,
        keywords: p.keywords,
        goesWell: p.goes_well,
        talkAbout: p.talk_about,
        updatedAt: when(p.updated_at),
      })),
      evaluationResponses: evaluationResponses.map((r) => ({
        evaluationId: r.evaluation_id,
        audience: r.audience,
        submittedAt: when(r.submitted_at),
        answers: evaluationAnswers
          .filter((a) => a.evaluation_id === r.evaluation_id && a.respondent === r.respondent)
          .map((a) => ({ questionId: a.question_id, value: a.value ?? a.words })),
      })),
    };
  });
}

/**
 * Erases a family: its household, its people and children and everything of theirs (see the
 * module comment) is deleted, in one transaction. What others own keeps working without them:
 * awards its people gave on a class chart (or another child's) stay as anonymous tokens
 * (`given_by` cleared: the class's count does not drop); anything else of others that names
 * one of its people loses the name (`on delete set null`). The live topics of what changed are
 * returned, for the bus.
 * @param {import('../database.mjs').Database} database
 * @param {string} familyId
 * @returns {Promise<{ erased: Record<string, number>, topics: string[] }>}
 */
export async function eraseFamily(database, familyId) {
  return database.transaction(async (tx) => {
    const db = tx.kysely;
    const household = await db.selectFrom('households').select('id').where('id', '=', familyId).forUpdate().executeTakeFirst();
    if (!household) fail('not-found', 'no such family');
    const count = async (/** @type {import('kysely').SelectQueryBuilder<any, any, any>} */ query) =>
      /** @type {number} */ ((await query.select(sql`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n);
    const people = (await db.selectFrom('viewers').select('id').where('household_id', '=', familyId).execute()).map((p) => p.id);
    const children = await db.selectFrom('children').select(['id', 'class_id']).where('household_id', '=', familyId).execute();
    const none = [''];
    const ofPeople = people.length ? people : none;
    const ofChildren = children.length ? children.map((c) => c.id) : none;

    // What changes for others, to tell their open streams.
    const topics = new Set();
    for (const r of await db.selectFrom('home_answers').select('clip_id').where('household_id', '=', familyId).execute())
      topics.add(`clip:${r.clip_id}`);
    for (const r of await db.selectFrom('seen_marks').select('clip_id').where('household_id', '=', familyId).execute())
      topics.add(`clip:${r.clip_id}`);
    for (const r of await db.selectFrom('reactions').select('target_id').where('household_id', '=', familyId).execute())
      topics.add(`reactions:${r.target_id}`);
    for (const r of await db.selectFrom('replies').select('target_id').where('household_id', '=', familyId).execute())
      topics.add(`reactions:${r.target_id}`);
    for (const c of children) topics.add(`feelings:${c.id}`).add(`feelings:class:${c.class_id}`);
    for (const r of await db.selectFrom('reward_charts').select('id').where('child_id', 'in', ofChildren).execute())
      topics.add(`chart:${r.id}`);
    for (const r of await db.selectFrom('successes').select('matrix_id').where('household_id', '=', familyId).execute())
      topics.add(`matrix:${r.matrix_id}`);
    for (const r of await db.selectFrom('thread_messages').select('thread_key').distinct().where('household_id', '=', familyId).execute())
      topics.add(r.thread_key);
    for (const table of /** @type {const} */ (['meeting_rsvps', 'meeting_preparations']))
      for (const r of await db.selectFrom(table).select('meeting_id').distinct().where('household_id', '=', familyId).execute())
        topics.add(`meeting:${r.meeting_id}`);
    const ofEvaluations = db
      .selectFrom('evaluation_responses')
      .where((eb) => eb.or([eb('household_id', '=', familyId), eb('child_id', 'in', ofChildren), eb('viewer_id', 'in', ofPeople)]));
    for (const r of await ofEvaluations.select('evaluation_id').distinct().execute()) topics.add(`evaluation:${r.evaluation_id}`);

    const erased = {
      people: people.length,
      children: children.length,
      homeAnswers: await count(db.selectFrom('home_answers').where('household_id', '=', familyId)),
      seen: await count(db.selectFrom('seen_marks').where('household_id', '=', familyId)),
      reactions: await count(db.selectFrom('reactions').where('household_id', '=', familyId)),
      replies: await count(
        db.selectFrom('replies').where((eb) => eb.or([eb('household_id', '=', familyId), eb('author_id', 'in', ofPeople)])),
      ),
      checkins: await count(db.selectFrom('checkins').where('child_id', 'in', ofChildren)),
      personalCharts: await count(db.selectFrom('reward_charts').where('child_id', 'in', ofChildren)),
      homeMatrices: await count(db.selectFrom('matrices').where('household_id', '=', familyId)),
      successes: await count(
        db.selectFrom('successes').where((eb) => eb.or([eb('household_id', '=', familyId), eb('shared_by', 'in', ofPeople)])),
      ),
      threadMessages: await count(db.selectFrom('thread_messages').where('household_id', '=', familyId)),
      meetingReplies: await count(db.selectFrom('meeting_rsvps').where('household_id', '=', familyId)),
      preparationSheets: await count(db.selectFrom('meeting_preparations').where('household_id', '=', familyId)),
      evaluationResponses: await count(ofEvaluations),
      awardsAnonymised: 0,
    };

    // Awards they gave on charts that are not their children's: tokens of the class, kept without a giver.
    const anonymised = await db
      .updateTable('awards')
      .set({ given_by: null })
      .where('given_by', 'in', ofPeople)
      .where('chart_id', 'not in', db.selectFrom('reward_charts').select('id').where('child_id', 'in', ofChildren))
      .returning('chart_id')
      .execute();
    erased.awardsAnonymised = anonymised.length;
    for (const a of anonymised) topics.add(`chart:${a.chart_id}`);
    // Their words on another household's record, should any exist, go too.
    await db.deleteFrom('replies').where('author_id', 'in', ofPeople).execute();
    await db.deleteFrom('successes').where('shared_by', 'in', ofPeople).execute();
    // The rest follows the household (on delete cascade): people, children and their check-ins
    // and personal charts, answers, seen marks, reactions, replies, the home matrix, successes,
    // its threads (both sides' messages) and who read them, its replies to meetings and its sheets,
    // its evaluation responses and answers.
    await db.deleteFrom('households').where('id', '=', familyId).execute();
    return { erased, topics: [...topics] };
  });
}
