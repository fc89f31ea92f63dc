// @ts-check
/**
 * The programme's course around its lessons (issue 26, migrations/013_course.sql): a class's
 * meetings, each household's reply and preparation sheet, and the introduction a teacher posts
 * before lesson 1. Who may read or write what is the policy's, checked before any of this runs
 * (policy.mjs: `meetingScope`, `replyScope`); here a household is the signed-in viewer's own
 * (their family, and their address when the family has more than one), never one named in the
 * request, so no request can reach another household's reply or sheet.
 */
import { meetingTopic } from '../../../dist/meeting/schemas.js';
import { introTopic } from '../../../dist/programme-intro/schemas.js';
import { NOW, fail, iso, present } from './common.mjs';

/**
 * @typedef {import('./common.mjs').Session} Session
 * @typedef {import('./common.mjs').Viewer} Viewer
 * @typedef {import('./tables.mjs').DB} DB
 * @typedef {import('../../../dist/meeting/schemas.js').Meeting} Meeting
 * @typedef {import('../../../dist/meeting/schemas.js').Rsvp} Rsvp
 * @typedef {import('../../../dist/meeting/schemas.js').Preparation} Preparation
 * @typedef {import('../../../dist/programme-intro/schemas.js').ProgrammeIntro} ProgrammeIntro
 */

/** @param {{ id: string, class_id: string, kind: Meeting['kind'], programme: string | null, title: string, starts_at: Date, ends_at: Date | null, place: string, bring: string | null, description: string | null, host_name: string | null, summary: string | null, lang: string | null }} row */
const toMeeting = (row) => ({
  id: row.id,
  classId: row.class_id,
  kind: row.kind,
  ...present({ programme: row.programme }),
  title: row.title,
  startsAt: iso(row.starts_at),
  ...present({ endsAt: row.ends_at && iso(row.ends_at) }),
  place: row.place,
  ...present({ bring: row.bring, description: row.description, host: row.host_name, summary: row.summary, lang: row.lang }),
});

/**
 * `GET /meetings/{meetingId}`.
 * @param {Session} s @param {string} meetingId @returns {Promise<Meeting>}
 */
export async function getMeeting(s, meetingId) {
  const row = await s.db.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirst();
  return row ? /** @type {Meeting} */ (toMeeting(row)) : fail('not-found');
}

/**
 * The signed-in viewer's household: their family and their address ('' without one). A viewer
 * without a family has none (the policy refused them before this runs).
 * @param {Viewer} viewer
 */
function householdOf(viewer) {
  return { familyId: viewer.familyId ?? fail('forbidden', 'no household to answer for'), addressKey: viewer.householdId ?? '' };
}

/** What a reply and a sheet share: whose, and the family's name (and the address's, after it). */
const REPLY_COLUMNS = /** @type {const} */ ([
  'r.meeting_id',
  'r.household_id',
  'r.address_id',
  'r.updated_at',
  'h.name as family_name',
  'ad.name as address_name',
]);

/** Replies with their household's names. @param {DB} db */
const rsvps = (db) =>
  db
    .selectFrom('meeting_rsvps as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .leftJoin('addresses as ad', 'ad.id', 'r.address_id')
    .select([...REPLY_COLUMNS, 'r.answer', 'r.people']);

/** Preparation sheets with their household's names. @param {DB} db */
const sheets = (db) =>
  db
    .selectFrom('meeting_preparations as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .leftJoin('addresses as ad', 'ad.id', 'r.address_id')
    .select([...REPLY_COLUMNS, 'r.keywords', 'r.goes_well', 'r.talk_about']);

/** @param {{ meeting_id: string, household_id: string, address_id: string | null, family_name: string, address_name: string | null, updated_at: Date }} row */
const replyFields = (row) => ({
  meetingId: row.meeting_id,
  familyId: row.household_id,
  ...present({ householdId: row.address_id }),
  ...present({ familyName: row.address_name ? `${row.family_name} (${row.address_name})` : row.family_name || null }),
});

/** @param {Parameters<typeof replyFields>[0] & { answer: Rsvp['answer'], people: number }} row @returns {Rsvp} */
const toRsvp = (row) => ({ ...replyFields(row), answer: row.answer, people: row.people, updatedAt: iso(row.updated_at) });

/** @param {Parameters<typeof replyFields>[0] & { keywords: string, goes_well: string, talk_about: string }} row @returns {Preparation} */
const toPreparation = (row) => ({
  ...replyFields(row),
  keywords: row.keywords,
  goesWell: row.goes_well,
  talkAbout: row.talk_about,
  updatedAt: iso(row.updated_at),
});

/** @param {DB} db @param {string} meetingId @param {Viewer} viewer */
async function ownRsvp(db, meetingId, viewer) {
  const { familyId, addressKey } = householdOf(viewer);
  const row = await rsvps(db)
    .where('r.meeting_id', '=', meetingId)
    .where('r.household_id', '=', familyId)
    .where('r.address_key', '=', addressKey)
    .executeTakeFirst();
  return row ? toRsvp(row) : null;
}

/** @param {DB} db @param {string} meetingId @param {Viewer} viewer */
async function ownPreparation(db, meetingId, viewer) {
  const { familyId, addressKey } = householdOf(viewer);
  const row = await sheets(db)
    .where('r.meeting_id', '=', meetingId)
    .where('r.household_id', '=', familyId)
    .where('r.address_key', '=', addressKey)
    .executeTakeFirst();
  return row ? toPreparation(row) : null;
}

/**
 * `GET /meetings/{meetingId}/rsvp`: the household's own reply, or `null` (204) before it replied.
 * @param {Session} s @param {string} meetingId
 */
export function getRsvp(s, meetingId) {
  return ownRsvp(s.db, meetingId, s.viewer);
}

/**
 * `PUT /meetings/{meetingId}/rsvp`: creates or replaces the household's reply (one per household
 * and meeting); `no` counts nobody.
 * @param {Session} s
 * @param {{ id: string, meetingId: string, answer: Rsvp['answer'], people: number }} input
 */
export async function saveRsvp(s, input) {
  const { familyId } = householdOf(s.viewer);
  const people = input.answer === 'no' ? 0 : input.people;
  await s.db
    .insertInto('meeting_rsvps')
    .values({
      meeting_id: input.meetingId,
      household_id: familyId,
      address_id: s.viewer.householdId ?? null,
      id: input.id,
      answer: input.answer,
      people,
      updated_at: NOW,
    })
    .onConflict((oc) =>
      oc
        .columns(['meeting_id', 'household_id', 'address_key'])
        .doUpdateSet({ id: input.id, answer: input.answer, people, updated_at: NOW }),
    )
    .execute();
  s.topics.add(meetingTopic(input.meetingId));
  return ownRsvp(s.db, input.meetingId, s.viewer);
}

/**
 * `GET /meetings/{meetingId}/preparation`: the household's own sheet, or `null` (204).
 * @param {Session} s @param {string} meetingId
 */
export function getPreparation(s, meetingId) {
  return ownPreparation(s.db, meetingId, s.viewer);
}

/**
 * `PUT /meetings/{meetingId}/preparation`: creates or replaces the household's sheet.
 * @param {Session} s
 * @param {{ id: string, meetingId: string, keywords: string, goesWell: string, talkAbout: string }} input
 */
export async function savePreparation(s, input) {
  const { familyId } = householdOf(s.viewer);
  const sheet = { keywords: input.keywords, goes_well: input.goesWell, talk_about: input.talkAbout };
  await s.db
    .insertInto('meeting_preparations')
    .values({
      meeting_id: input.meetingId,
      household_id: familyId,
      address_id: s.viewer.householdId ?? null,
      id: input.id,
      ...sheet,
      updated_at: NOW,
    })
    .onConflict((oc) => oc.columns(['meeting_id', 'household_id', 'address_key']).doUpdateSet({ id: input.id, ...sheet, updated_at: NOW }))
    .execute();
  s.topics.add(meetingTopic(input.meetingId));
  return ownPreparation(s.db, input.meetingId, s.viewer);
}

/**
 * `GET /meetings/{meetingId}/replies` (the class's teacher): every household's reply and sheet,
 * and how many families the class has.
 * @param {Session} s @param {string} meetingId
 */
export async function getMeetingReplies(s, meetingId) {
  const { db } = s;
  const meeting = await db.selectFrom('meetings').select('class_id').where('id', '=', meetingId).executeTakeFirst();
  if (!meeting) return fail('not-found');
  const [[{ families }], replies, preparations] = await Promise.all([
    db
      .selectFrom('class_households')
      .select((eb) => eb.fn.countAll().as('families'))
      .where('class_id', '=', meeting.class_id)
      .execute(),
    rsvps(db).where('r.meeting_id', '=', meetingId).orderBy('h.name').orderBy('r.household_id').orderBy('r.address_key').execute(),
    sheets(db).where('r.meeting_id', '=', meetingId).orderBy('h.name').orderBy('r.household_id').orderBy('r.address_key').execute(),
  ]);
  return { meetingId, families: Number(families), rsvps: replies.map(toRsvp), preparations: preparations.map(toPreparation) };
}

/**
 * `GET /intros/{introId}`: the introduction with its timeline. A lesson is `posted` once a clip of
 * the class's run is out (the class, the programme and the lesson's number; the latest when there
 * are several; one scheduled for later not yet), with that clip and when it was posted; else `planned`, with when.
 * @param {Session} s @param {string} introId @returns {Promise<ProgrammeIntro>}
 */
export async function getProgrammeIntro(s, introId) {
  const { db } = s;
  const intro = await db.selectFrom('intros').selectAll().where('id', '=', introId).executeTakeFirst();
  if (!intro) return fail('not-found');
  const [lessons, contacts, clips] = await Promise.all([
    db.selectFrom('intro_lessons').selectAll().where('intro_id', '=', introId).orderBy('number').execute(),
    db.selectFrom('intro_contacts').selectAll().where('intro_id', '=', introId).orderBy('position').execute(),
    db
      .selectFrom('clips')
      .select(['id', 'lesson_number', 'posted_at'])
      .where('class_id', '=', intro.class_id)
      .where('programme', '=', intro.programme)
      .where('lesson_number', 'is not', null)
      // Out already (issue 26's rhythm): a clip scheduled for later is still a planned lesson; a follow-up is no lesson of the run.
      .where((eb) => eb.or([eb('scheduled_at', 'is', null), eb('scheduled_at', '<=', new Date())]))
      .where('follows_up_kind', 'is', null)
      .orderBy('posted_at')
      .orderBy('id')
      .execute(),
  ]);
  /** @type {Map<number, { id: string, posted_at: Date }>} the latest clip of each lesson */
  const posted = new Map();
  for (const clip of clips) posted.set(/** @type {number} */ (clip.lesson_number), clip);
  return /** @type {ProgrammeIntro} */ ({
    id: intro.id,
    classId: intro.class_id,
    programme: intro.programme,
    ...present({ programmeLabel: intro.programme_label, classLabel: intro.class_label, about: intro.about, homeAsks: intro.home_asks }),
    lessons: lessons.map((lesson) => {
      const clip = posted.get(lesson.number);
      return {
        number: lesson.number,
        title: lesson.title,
        ...present({ goal: lesson.goal }),
        ...(clip
          ? { status: 'posted', date: iso(clip.posted_at), clipId: clip.id }
          : { status: 'planned', ...present({ date: lesson.planned_at && iso(lesson.planned_at) }) }),
      };
    }),
    contacts: contacts.map((c) => ({ role: c.role, name: c.name, ...present({ how: c.how }) })),
    ...present({ postedAt: intro.posted_at && iso(intro.posted_at), lang: intro.lang }),
  });
}

/**
 * The live topics of the introductions whose timeline a clip of this class and programme moves
 * on (`intro:<id>`): a published clip announces them with its own.
 * @param {DB} db @param {string} classId @param {string} programme
 */
export async function introTopicsOf(db, classId, programme) {
  const rows = await db.selectFrom('intros').select('id').where('class_id', '=', classId).where('programme', '=', programme).execute();
  return rows.map((row) => introTopic(row.id));
}
