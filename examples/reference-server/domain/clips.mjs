// @ts-check
/**
 * Lesson clips and what families do with them: the clip with its media, each household's home
 * answer (issue 24: the carers at one address share it, another address of the family neither
 * reads nor replaces it; "we talked about it" never replaces a written answer), "seen" marks per
 * household, and a clip's reach for its teacher (per family and address: seen ⊇ talked ⊇
 * answered in writing; each household's answer listed).
 */
import { sql } from 'kysely';
import { toClassBoard } from '../../../dist/lesson-clip/board.js';
import { NOW, fail, iso, present } from './common.mjs';

/**
 * @typedef {import('./common.mjs').Session} Session
 * @typedef {import('./tables.mjs').DB} DB
 * @typedef {{ mediaBase?: string }} MediaOptions where `GET /api/media/{ref}` lives, for media URLs
 */

const DEMO_REF = /^(illustration|captions):[\w-]+$/;

/**
 * A stored media reference as a URL a page can load: demo pictures and captions from
 * `GET /api/media/{ref}`, teachers' uploads from `GET /api/uploads/{mediaId}/content`, anything
 * else (a host's https: URL) as it is.
 * @param {{ upload_id: string | null, url: string | null }} row
 * @param {string} mediaBase
 */
export function mediaUrl(row, mediaBase) {
  if (row.upload_id) return uploadUrl(mediaBase, row.upload_id);
  const url = /** @type {string} */ (row.url);
  return DEMO_REF.test(url) ? mediaBase + encodeURIComponent(url) : url;
}

/** `GET /api/uploads/{mediaId}/content`, beside the demo media of `mediaBase`. */
export function uploadUrl(/** @type {string} */ mediaBase, /** @type {string} */ mediaId) {
  return `${mediaBase.replace(/media\/$/, 'uploads/')}${encodeURIComponent(mediaId)}/content`;
}

/**
 * A clip's media rows as the contract's `media`: a video (with poster and captions) or photos.
 * @param {import('kysely').Selectable<import('./tables.mjs').ClipMediaTable>[]} rows in position order
 * @param {string} base
 */
function mediaOf(rows, base) {
  const video = rows.find((r) => r.role === 'video');
  if (video) {
    const poster = rows.find((r) => r.role === 'poster');
    return {
      kind: 'video',
      src: mediaUrl(video, base),
      ...present({ type: video.content_type, poster: poster && mediaUrl(poster, base) }),
      captions: rows
        .filter((r) => r.role === 'captions')
        .map((r) => ({ src: mediaUrl(r, base), srclang: r.srclang, label: r.label, ...(r.is_default ? { default: true } : {}) })),
    };
  }
  const photos = rows.filter((r) => r.role === 'photo');
  return photos.length ? { kind: 'photos', photos: photos.map((r) => ({ src: mediaUrl(r, base), alt: r.alt })) } : undefined;
}

/**
 * `GET /clips/{clipId}`.
 * @param {Session} s
 * @param {string} clipId
 * @param {MediaOptions} [options]
 */
export async function getLessonClip(s, clipId, { mediaBase = '/api/media/' } = {}) {
  const clip = await s.db.selectFrom('clips').selectAll().where('id', '=', clipId).executeTakeFirst();
  if (!clip) fail('not-found');
  const [media, counts] = await Promise.all([
    s.db.selectFrom('clip_media').selectAll().where('clip_id', '=', clipId).orderBy('position').execute(),
    lessonCounts(s.db, [clip]),
  ]);
  return toClip(clip, media, mediaBase, counts);
}

/**
 * How many lessons the run of each clip's class and programme has on its introduction's timeline
 * (issue 26, 013_course.sql), by `<class>\n<programme>`: the clip then says "Les 3 van 8". One query.
 * @param {DB} db
 * @param {{ class_id: string, lesson_number: number | null }[]} clips
 * @returns {Promise<Map<string, number>>}
 */
async function lessonCounts(db, clips) {
  const classIds = [...new Set(clips.filter((c) => c.lesson_number !== null).map((c) => c.class_id))];
  if (!classIds.length) return new Map();
  const rows = await db
    .selectFrom('intros as i')
    .innerJoin('intro_lessons as l', 'l.intro_id', 'i.id')
    .select((eb) => ['i.class_id', 'i.programme', eb.fn.countAll().as('n')])
    .where('i.class_id', 'in', classIds)
    .groupBy(['i.id', 'i.class_id', 'i.programme'])
    .execute();
  const counts = new Map();
  for (const row of rows) {
    const run = `${row.class_id}\n${row.programme}`;
    counts.set(run, Math.max(counts.get(run) ?? 0, Number(row.n)));
  }
  return counts;
}

/**
 * `GET /clips?ids=…` (issue 23): the clips of `clipIds` in two queries however many they are
 * (the clips, then all their media), `null` for an id that is not there. The caller (the route)
 * has left out, as `null`, every id the policy refuses this viewer.
 * @param {Session} s
 * @param {(string | null)[]} clipIds
 * @param {MediaOptions} [options]
 */
export async function getLessonClips(s, clipIds, { mediaBase = '/api/media/' } = {}) {
  const ids = [...new Set(clipIds.filter((id) => id !== null))];
  if (!ids.length) return clipIds.map(() => null);
  const [clips, media] = await Promise.all([
    s.db.selectFrom('clips').selectAll().where('id', 'in', ids).execute(),
    s.db.selectFrom('clip_media').selectAll().where('clip_id', 'in', ids).orderBy('clip_id').orderBy('position').execute(),
  ]);
  const counts = await lessonCounts(s.db, clips);
  const byId = new Map(clips.map((clip) => [clip.id, clip]));
  return clipIds.map((id) => {
    const clip = id === null ? undefined : byId.get(id);
    return clip
      ? toClip(
          clip,
          media.filter((m) => m.clip_id === clip.id),
          mediaBase,
          counts,
        )
      : null;
  });
}

/**
 * A clip row and its media rows (in position order) as the contract's LessonClip.
 * @param {import('kysely').Selectable<import('./tables.mjs').ClipsTable>} clip
 * @param {import('kysely').Selectable<import('./tables.mjs').ClipMediaTable>[]} media
 * @param {string} mediaBase
 * @param {Map<string, number>} lessonCounts the runs' lesson counts ({@link lessonCounts})
 */
function toClip(clip, media, mediaBase, lessonCounts) {
  const lessonCount = clip.lesson_number === null ? undefined : lessonCounts.get(`${clip.class_id}\n${clip.programme}`);
  return {
    id: clip.id,
    programme: clip.programme,
    ...present({ programmeLabel: clip.programme_label, lessonNumber: clip.lesson_number, lessonCount }),
    title: clip.title,
    ...present({
      goal: clip.goal,
      learned: clip.learned,
      homeQuestion: clip.home_question,
      homeActivity: clip.home_activity,
      media: mediaOf(media, mediaBase),
      mediaConsent: clip.media_consent,
    }),
    postedAt: iso(clip.posted_at),
    classId: clip.class_id,
    ...present({ classLabel: clip.class_label, group: clip.group_label, coTeacher: clip.co_teacher, lang: clip.lang }),
    ...(clip.scheduled_at ? { scheduledAt: iso(clip.scheduled_at) } : {}),
    ...followsUpOf(clip),
  };
}

/**
 * A clip's link to the lesson of a run it follows up (issue 26), as the contract's `followsUp`.
 * @param {import('kysely').Selectable<import('./tables.mjs').ClipsTable>} clip
 */
export function followsUpOf(clip) {
  if (!clip.follows_up_kind || !clip.follows_up_lesson) return {};
  return {
    followsUp: {
      kind: clip.follows_up_kind,
      lessonNumber: clip.follows_up_lesson,
      ...present({ programmeRunId: clip.follows_up_run_id, classId: clip.follows_up_class_id, clipId: clip.follows_up_clip_id }),
    },
  };
}

// ------------------------------------------------------------------ home answers

/** @param {DB} db */
const answers = (db) =>
  db
    .selectFrom('home_answers as a')
    .innerJoin('households as h', 'h.id', 'a.household_id')
    .select(['a.id', 'a.clip_id', 'a.household_id', 'a.address_id', 'h.name as family_name', 'a.kind', 'a.text', 'a.updated_at']);

/** @param {{ id: string, clip_id: string, household_id: string, address_id: string | null, family_name: string, kind: 'text' | 'talked', text: string | null, updated_at: Date }} row */
const toAnswer = (row) => ({
  id: row.id,
  clipId: row.clip_id,
  familyId: row.household_id,
  familyName: row.family_name,
  ...present({ householdId: row.address_id }),
  kind: row.kind,
  ...present({ text: row.text }),
  updatedAt: iso(row.updated_at),
});

/**
 * The viewer's own answers (issue 24, the library's rule): their address's; without an address
 * their own as a carer; the family's latest when the school shares within the family. A seeded
 * answer (no carer) is nobody's. One row per clip, the newest.
 * @param {DB} db
 * @param {import('./common.mjs').Viewer} viewer
 * @param {string[]} clipIds
 */
const ownAnswers = (db, viewer, clipIds) => {
  const q = answers(db).where('a.clip_id', 'in', clipIds).where('a.carer_id', 'is not', null);
  const mine = viewer.shareWithinFamily
    ? q.where('a.household_id', '=', viewer.familyId ?? '')
    : viewer.householdId
      ? q.where('a.household_id', '=', viewer.familyId ?? '').where('a.address_id', '=', viewer.householdId)
      : q.where('a.carer_id', '=', viewer.id);
  return mine.distinctOn('a.clip_id').orderBy('a.clip_id').orderBy('a.updated_at', 'desc').orderBy('a.id', 'desc');
};

/**
 * The viewer's own answer to the clip (their household's, see {@link ownAnswers}), or null.
 * @param {Session} s
 * @param {string} clipId
 */
export async function getHomeAnswer(s, clipId) {
  const row = await ownAnswers(s.db, s.viewer, [clipId]).executeTakeFirst();
  return row ? toAnswer(row) : null;
}

/**
 * `GET /answers?ids=…` (issue 23): the viewer's own answer to each of `clipIds` (as
 * {@link getHomeAnswer}: the household's, the same rule) in one query, `null` where
 * there is none. The route has left out, as `null`, every id the policy refuses this viewer.
 * @param {Session} s
 * @param {(string | null)[]} clipIds
 */
export async function getHomeAnswers(s, clipIds) {
  const ids = [...new Set(clipIds.filter((id) => id !== null))];
  if (!ids.length) return clipIds.map(() => null);
  const rows = await ownAnswers(s.db, s.viewer, ids).execute();
  const byClip = new Map(rows.map((row) => [row.clip_id, row]));
  return clipIds.map((id) => {
    const row = id === null ? undefined : byClip.get(id);
    return row ? toAnswer(row) : null;
  });
}

/**
 * `PUT /clips/{clipId}/answer`: the household's answer (issue 24: the address's; a carer without
 * one their own; the family's latest when the school shares within the family), replacing the
 * earlier one; "we talked about it" never replaces a written answer (that answer implies the
 * talk). Marks the clip seen for the household.
 * @param {Session} s
 * @param {{ id: string, clipId: string, kind: 'text' | 'talked', text?: string, shareWithClass?: boolean }} input
 */
export async function saveHomeAnswer(s, input) {
  const { viewer, db } = s;
  // The policy lets a parent answer for their household; a carer the host gave none can't.
  const familyId = viewer.familyId ?? fail('forbidden', 'no family to answer for');
  const values = {
    id: input.id,
    clip_id: input.clipId,
    household_id: familyId,
    address_id: viewer.householdId ?? null,
    carer_id: viewer.id,
    kind: input.kind,
    text: input.kind === 'text' && input.text ? input.text : null,
    // Only words can be shown to the class; "we talked about it" keeps the earlier choice.
    share_with_class: input.kind === 'text' && input.shareWithClass === true,
    updated_at: NOW,
  };
  const { household_id: _family, clip_id: _clip, ...changes } = values;
  const shared = viewer.shareWithinFamily ? await ownAnswers(db, viewer, [input.clipId]).executeTakeFirst() : undefined;
  if (shared) {
    // The family's latest answer, wherever it was written, is replaced by the writer's, as in the
    // library (MemoryAdapter's saveHomeAnswer): it now carries their address (none without one).
    // An older answer of the writer's address (or their own, without one), from before the school
    // shared, was the family's latest no more and gives way: one answer per address and clip.
    if (!(input.kind === 'talked' && shared.kind === 'text')) {
      await db
        .deleteFrom('home_answers')
        .where('clip_id', '=', input.clipId)
        .where('id', '!=', shared.id)
        .where((eb) =>
          viewer.householdId
            ? eb.and([eb('address_id', '=', viewer.householdId), eb('carer_id', 'is not', null)])
            : eb.and([eb('address_id', 'is', null), eb('carer_id', '=', viewer.id)]),
        )
        .execute();
      await db.updateTable('home_answers').set(changes).where('id', '=', shared.id).execute();
    }
  } else {
    await db
      .insertInto('home_answers')
      .values(values)
      .onConflict((oc) =>
        (viewer.householdId
          ? oc.columns(['clip_id', 'address_id']).where('address_id', 'is not', null).where('carer_id', 'is not', null)
          : oc.columns(['clip_id', 'carer_id']).where('address_id', 'is', null)
        )
          .doUpdateSet((eb) => ({
            id: eb.ref('excluded.id'),
            carer_id: eb.ref('excluded.carer_id'),
            kind: eb.ref('excluded.kind'),
            text: eb.ref('excluded.text'),
            share_with_class: eb.ref('excluded.share_with_class'),
            updated_at: eb.ref('excluded.updated_at'),
          }))
          .where(/** @type {import('kysely').RawBuilder<boolean>} */ (sql`not (excluded.kind = 'talked' and home_answers.kind = 'text')`)),
      )
      .execute();
  }
  await addSeen(db, input.clipId, familyId, viewer.householdId);
  s.topics.add(`clip:${input.clipId}`).add(`board:${input.clipId}`);
  const row = await ownAnswers(db, viewer, [input.clipId]).executeTakeFirstOrThrow();
  return toAnswer(row);
}

/**
 * `POST /clips/{clipId}/seen`: once per household (a second carer adds nothing).
 * @param {Session} s
 * @param {{ clipId: string }} input
 */
export async function markSeen(s, input) {
  if (s.viewer.familyId) await addSeen(s.db, input.clipId, s.viewer.familyId, s.viewer.householdId);
  s.topics.add(`clip:${input.clipId}`).add(`board:${input.clipId}`);
  return null;
}

/**
 * Seen by the family, at the carer's address when the family has addresses (issue 24).
 * @param {DB} db @param {string} clipId @param {string} familyId @param {string} [householdId]
 */
async function addSeen(db, clipId, familyId, householdId) {
  await db
    .insertInto('seen_marks')
    .values({ clip_id: clipId, household_id: familyId, address_id: householdId ?? null, seen_at: NOW })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * `GET /clips/{clipId}/board`, for the class's children and teacher (issue 24): how many families
 * saw the clip, talked about it and reacted, and the words of the answers shared with the class,
 * as src/lesson-clip/board.ts's `toClassBoard` makes it: 1 or 2 as "few", no name, id or time.
 * @param {Session} s
 * @param {string} clipId
 */
export async function getClassBoard(s, clipId) {
  const { db } = s;
  const [answered, seen, reacted] = await Promise.all([
    db.selectFrom('home_answers').select(['household_id', 'kind', 'text', 'share_with_class']).where('clip_id', '=', clipId).execute(),
    db.selectFrom('seen_marks').select('household_id').where('clip_id', '=', clipId).execute(),
    db.selectFrom('reactions').select('household_id').where('clip_id', '=', clipId).execute(),
  ]);
  const families = (/** @type {{ household_id: string }[]} */ rows) => new Set(rows.map((r) => r.household_id)).size;
  return toClassBoard({
    clipId,
    seen: families([...seen, ...answered]),
    talked: families(answered),
    reacted: families(reacted),
    answers: answered.map((a) => ({ kind: a.kind, text: a.text ?? undefined, shareWithClass: a.share_with_class })),
  });
}

/**
 * `GET /clips/{clipId}/reach`, for the clip's teacher: counted per household of the class,
 * with the households it has not reached yet (a private follow-up list).
 * @param {Session} s
 * @param {string} clipId
 */
export async function getClipReach(s, clipId) {
  const { db } = s;
  const clip = await db.selectFrom('clips').select('class_id').where('id', '=', clipId).executeTakeFirst();
  if (!clip) fail('not-found');
  const [families, answered, seen, addresses] = await Promise.all([
    db
      .selectFrom('class_households as ch')
      .innerJoin('households as h', 'h.id', 'ch.household_id')
      .select(['h.id', 'h.name'])
      .where('ch.class_id', '=', clip.class_id)
      .orderBy('ch.position')
      .orderBy('h.id')
      .execute(),
    answers(db)
      .leftJoin('addresses as ad', (join) => join.onRef('ad.id', '=', 'a.address_id').onRef('ad.household_id', '=', 'a.household_id'))
      .select(['ad.name as address_name'])
      .where('a.clip_id', '=', clipId)
      .orderBy('a.updated_at', 'desc')
      .orderBy('a.id')
      .execute(),
    db.selectFrom('seen_marks').select(['household_id', 'address_id']).where('clip_id', '=', clipId).execute(),
    // The addresses of the class's families (issue 24), in the family's order.
    db
      .selectFrom('addresses as ad')
      .innerJoin('class_households as ch', 'ch.household_id', 'ad.household_id')
      .select(['ad.id', 'ad.household_id', 'ad.name'])
      .where('ch.class_id', '=', clip.class_id)
      .orderBy('ad.position')
      .orderBy('ad.id')
      .execute(),
  ]);
  // A household that answered also saw the clip; two carers of one household count it once.
  const reached = new Set([...seen.map((r) => r.household_id), ...answered.map((a) => a.household_id)]);
  // Per address (issue 24): seen or answered there; a mark without an address (from before
  // addresses, or seeded) counts for every address of the family.
  /** @type {Map<string, { id: string, name: string }[]>} */
  const byFamily = new Map();
  for (const ad of addresses) byFamily.set(ad.household_id, [...(byFamily.get(ad.household_id) ?? []), ad]);
  const marks = [...seen, ...answered];
  const whole = new Set(marks.filter((m) => !m.address_id).map((m) => m.household_id));
  const at = new Set(marks.filter((m) => m.address_id).map((m) => `${m.household_id}/${m.address_id}`));
  const reachedAt = (/** @type {string} */ familyId, /** @type {string} */ addressId) =>
    whole.has(familyId) || at.has(`${familyId}/${addressId}`);
  const households = families.reduce((n, f) => n + (byFamily.get(f.id)?.length || 1), 0);
  const householdsSeen = families.reduce(
    (n, f) =>
      n + (byFamily.has(f.id) ? (byFamily.get(f.id) ?? []).filter((ad) => reachedAt(f.id, ad.id)).length : reached.has(f.id) ? 1 : 0),
    0,
  );
  return {
    clipId,
    families: families.length,
    seen: reached.size,
    talked: new Set(answered.map((a) => a.household_id)).size,
    answered: new Set(answered.filter((a) => a.kind === 'text').map((a) => a.household_id)).size,
    answers: answered.map((a) => ({ ...toAnswer(a), ...present({ householdName: a.address_name }) })),
    notReached: [
      ...families.filter((f) => !reached.has(f.id)).map((f) => ({ familyId: f.id, familyName: f.name })),
      // Of a family reached at one address, the addresses not reached yet (a private list).
      ...families.flatMap((f) =>
        reached.has(f.id)
          ? (byFamily.get(f.id) ?? [])
              .filter((ad) => !reachedAt(f.id, ad.id))
              .map((ad) => ({ familyId: f.id, familyName: f.name, householdId: ad.id, ...present({ householdName: ad.name || null }) }))
          : [],
      ),
    ],
    // Counted when some family of the class has more than one address.
    ...(addresses.length ? { households, householdsSeen } : {}),
  };
}
