// @ts-check
/**
 * Data in: the demo school on a database's first start (the library's `createDemoState`,
 * translated into rows), the rows of a state kept by an older server (migration 009), and a
 * load-test school of any size ({@link seedLoadSchool}).
 */
import { sql } from 'kysely';
import { insertAll } from './common.mjs';
import { parseLocalTime } from './feelings.mjs';
import { insertVersion } from './matrices.mjs';

/**
 * @typedef {import('./tables.mjs').DB} DB
 * @typedef {import('../../../dist/adapters/demo-data.js').DemoState} DemoState
 */

/** Any constant, the same for every process seeding this database. */
const SEED_LOCK = 7_340_002;
/** The demo's schools (their ids are the library's). */
const SCHOOL_NAMES = /** @type {Record<string, string>} */ ({ 'school-regenboog': 'De Regenboog', 'school-zonnebloem': 'De Zonnebloem' });
const ROLES = new Set(['parent', 'child', 'teacher', 'care-coordinator', 'school-leader']);
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,199}$/;
const RESERVED = new Set(['constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf']);
/** @param {unknown} value @returns {value is string} */
const isId = (value) => typeof value === 'string' && ID.test(value) && !RESERVED.has(value);
/** @param {unknown} value @returns {value is string} */
const isText = (value) => typeof value === 'string' && value.trim().length > 0;
/** @param {unknown} value */
const textOrNull = (value) => (typeof value === 'string' && value.trim() ? value : null);
/** @param {unknown} value */
const dateOf = (value) => {
  const date = typeof value === 'string' ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
};
/** @param {unknown} value @returns {Record<string, any>} */
const recordOf = (value) => (value && typeof value === 'object' && !Array.isArray(value) ? /** @type {Record<string, any>} */ (value) : {});
/** @param {unknown} value @returns {any[]} */
const listOf = (value) => (Array.isArray(value) ? value : []);

/**
 * Seeds the demo school (src/adapters/demo-data.ts, from dist/) when the database holds no
 * school yet. Under a lock, so of two processes starting at once one seeds.
 * @param {import('../database.mjs').Database} db
 * @param {{ locale?: 'nl' | 'en', now?: Date }} [options]
 * @returns {Promise<boolean>} whether it seeded
 */
export async function seedDemo(db, { locale = 'nl', now = new Date() } = {}) {
  const { createDemoState } = await import('../../../dist/adapters/demo-data.js');
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const [{ n }] = await tx.query('select count(*)::int as n from schools');
    if (n > 0) return false;
    // Seed 7: the MemoryAdapter's, so the demo over HTTP shows what the demo in memory does.
    await insertState(tx.kysely, createDemoState({ locale, seed: 7, now }));
    return true;
  });
}

/**
 * Writes a whole `DemoState` (the library's demo data, or what an older server kept as JSON) as
 * rows. Lenient, as data from before the tables may be: a record that can't be a row (a clip
 * without a class, an id that is not a safe id) is left out and counted.
 * @param {DB} db a transaction
 * @param {Partial<DemoState>} state
 * @returns {Promise<{ skipped: number }>}
 */
export async function insertState(db, state) {
  let skipped = 0;
  // Migration 009 writes an old server's state with this at its own schema: the columns and
  // tables of later migrations (011 addresses, 016 a chart's choices, 018 a clip's schedule) only once they exist.
  const has = async (/** @type {string} */ table, /** @type {string} */ column) =>
    (
      await sql`select 1 from information_schema.columns where table_schema = current_schema() and table_name = ${table} and column_name = ${column}`.execute(
        db,
      )
    ).rows.length > 0;
  const households011 = await has('addresses', 'id');
  const choices016 = await has('reward_charts', 'choices');
  const evaluations017 = await has('evaluations', 'id');
  const schedule018 = await has('clips', 'scheduled_at');
  const viewers = listOf(state.viewers).filter((v) => (isId(v?.id) && ROLES.has(v?.role) ? true : (skipped++, false)));
  const families = recordOf(state.families);
  const rosters = recordOf(state.classes);
  const clips = recordOf(state.clips);
  const posts = recordOf(state.posts);
  const charts = recordOf(state.charts);
  const matrices = recordOf(state.matrices);

  // ---- schools and classes
  const defaultSchool = viewers.find((v) => isId(v.schoolId))?.schoolId ?? 'school-regenboog';
  const schools = new Set([defaultSchool]);
  for (const v of viewers) if (isId(v.schoolId)) schools.add(v.schoolId);
  for (const m of Object.values(matrices)) if (m?.kind !== 'home' && isId(m?.schoolId)) schools.add(m.schoolId);
  await insertAll(
    db,
    'schools',
    [...schools].map((id) => ({
      id,
      name: SCHOOL_NAMES[id] ?? '',
      ...(households011 ? { share_within_family: recordOf(state.schoolSettings)[id]?.shareWithinFamily === true } : {}),
    })),
  );

  /** @type {Map<string, { school_id: string, label: string | null }>} */
  const classes = new Map();
  const addClass = (/** @type {unknown} */ classId) => {
    if (!isId(classId) || classes.has(classId)) return;
    const school = viewers.find((v) => listOf(v.classIds).includes(classId) && isId(v.schoolId))?.schoolId ?? defaultSchool;
    const label = Object.values(clips).find((c) => c?.classId === classId && isText(c?.classLabel))?.classLabel ?? null;
    classes.set(classId, { school_id: school, label });
  };
  for (const id of [...Object.keys(rosters), ...Object.keys(families)]) addClass(id);
  for (const v of viewers) listOf(v.classIds).forEach(addClass);
  for (const c of [...Object.values(clips), ...Object.values(posts), ...Object.values(charts)]) addClass(c?.classId);
  await insertAll(
    db,
    'classes',
    [...classes].map(([id, c]) => ({ id, ...c })),
  );

  // ---- households: the classes' families, and any a viewer or a record names
  /** @type {Map<string, { school_id: string, name: string }>} */
  const households = new Map();
  const addHousehold = (/** @type {unknown} */ id, /** @type {unknown} */ name, school = defaultSchool) => {
    if (!isId(id)) return false;
    if (!households.has(id)) households.set(id, { school_id: school, name: isText(name) ? name.slice(0, 200) : id });
    return true;
  };
  /** @type {{ class_id: string, household_id: string, position: number }[]} */
  const roster = [];
  for (const [classId, list] of Object.entries(families)) {
    listOf(list).forEach((f, position) => {
      if (classes.has(classId) && addHousehold(f?.familyId, f?.name, classes.get(classId)?.school_id))
        roster.push({ class_id: classId, household_id: f.familyId, position });
    });
  }
  for (const v of viewers)
    if (v.role === 'parent' || v.role === 'child')
      addHousehold(v.familyId, v.role === 'parent' ? v.name : undefined, isId(v.schoolId) ? v.schoolId : defaultSchool);
  for (const m of Object.values(matrices)) if (m?.kind === 'home') addHousehold(m.familyId, undefined);
  for (const a of listOf(state.answers)) addHousehold(a?.familyId, a?.familyName);
  for (const list of Object.values(recordOf(state.replies))) for (const r of listOf(list)) addHousehold(r?.familyId, r?.authorName);
  for (const s of listOf(state.seen)) addHousehold(s?.familyId, undefined);
  for (const byReaction of Object.values(recordOf(state.reactions)))
    for (const ids of Object.values(recordOf(byReaction)))
      listOf(ids).forEach((id) => viewers.some((v) => v.id === id) || addHousehold(id, undefined));
  await insertAll(
    db,
    'households',
    [...households].map(([id, h]) => ({ id, ...h })),
  );
  await insertAll(db, 'class_households', roster);
  // ---- addresses (issue 24): a family at more than one address, as the class's list names them
  /** @type {Map<string, { household_id: string, name: string, position: number }>} */
  const addresses = new Map();
  for (const list of households011 ? Object.values(families) : [])
    for (const f of listOf(list))
      listOf(f?.households).forEach((h, position) => {
        if (households.has(f.familyId) && isId(h?.householdId) && !addresses.has(h.householdId))
          addresses.set(h.householdId, { household_id: f.familyId, name: isText(h.name) ? h.name.slice(0, 100) : '', position });
      });
  await insertAll(
    db,
    'addresses',
    [...addresses].map(([id, a]) => ({ id, ...a })),
  );

  // ---- children: the classes' rosters, named from what mentions them
  /** @type {Map<string, string>} */
  const childNames = new Map();
  for (const c of listOf(state.checkins))
    if (isId(c?.childId) && isText(c?.childName) && !childNames.has(c.childId)) childNames.set(c.childId, c.childName);
  for (const c of Object.values(charts))
    if (isId(c?.childId) && isText(c?.childName) && !childNames.has(c.childId)) childNames.set(c.childId, c.childName);
  for (const v of viewers)
    if (v.role === 'child' && isText(v.name)) for (const id of listOf(v.childIds)) if (!childNames.has(id)) childNames.set(id, v.name);
  /** @type {Map<string, { class_id: string, household_id: string | null, name: string }>} */
  const children = new Map();
  const addChild = (/** @type {unknown} */ childId, /** @type {unknown} */ classId) => {
    if (!isId(childId) || children.has(childId) || !isId(classId) || !classes.has(classId)) return;
    const family = viewers.find(
      (v) => (v.role === 'parent' || v.role === 'child') && isId(v.familyId) && listOf(v.childIds).includes(childId),
    );
    children.set(childId, {
      class_id: classId,
      household_id: family?.familyId ?? null,
      name: (childNames.get(childId) ?? childId).slice(0, 100),
    });
  };
  for (const [classId, list] of Object.entries(rosters)) for (const childId of listOf(list)) addChild(childId, classId);
  for (const c of Object.values(charts)) addChild(c?.childId, c?.classId);
  for (const v of viewers) for (const childId of listOf(v.childIds)) addChild(childId, listOf(v.classIds)[0]);
  await insertAll(
    db,
    'children',
    [...children].map(([id, c]) => ({ id, ...c })),
  );

  // ---- viewers, their classes and children
  const family = (/** @type {any} */ v) => ((v.role === 'parent' || v.role === 'child') && households.has(v.familyId) ? v.familyId : null);
  await insertAll(
    db,
    'viewers',
    viewers.map((v) => ({
      id: v.id,
      role: v.role,
      school_id: schools.has(v.schoolId) ? v.schoolId : null,
      household_id: family(v),
      ...(households011 ? { address_id: addresses.get(v.householdId)?.household_id === family(v) ? v.householdId : null } : {}),
      name: textOrNull(v.name)?.slice(0, 200) ?? null,
    })),
  );
  await insertAll(
    db,
    'viewer_classes',
    viewers.flatMap((v) =>
      [...new Set(listOf(v.classIds))]
        .filter((id) => classes.has(id))
        .map((class_id, position) => ({ viewer_id: v.id, class_id, position })),
    ),
  );
  await insertAll(
    db,
    'viewer_children',
    viewers.flatMap((v) =>
      [...new Set(listOf(v.childIds))]
        .filter((id) => children.has(id))
        .map((child_id, position) => ({ viewer_id: v.id, child_id, position })),
    ),
  );
  const viewerIds = new Set(viewers.map((v) => v.id));

  // ---- clips and their media
  const uploads = new Set(
    /** @type {{ media_id: string }[]} */ (await db.selectFrom('samen_uploads').select('media_id').execute()).map((r) => r.media_id),
  );
  /** @type {Record<string, unknown>[]} */
  const clipRows = [];
  /** @type {Record<string, unknown>[]} */
  const mediaRows = [];
  for (const [id, raw] of Object.entries(clips)) {
    const c = recordOf(raw);
    const postedAt = dateOf(c.postedAt);
    if (!isId(id) || !classes.has(c.classId) || !isText(c.title) || !postedAt) {
      skipped++;
      continue;
    }
    const programme = typeof c.programme === 'string' && /^[a-z][a-z0-9-]{0,39}$/.test(c.programme) ? c.programme : 'custom';
    clipRows.push({
      id,
      class_id: c.classId,
      programme,
      programme_label: textOrNull(c.programmeLabel)?.slice(0, 100) ?? null,
      lesson_number: Number.isInteger(c.lessonNumber) && c.lessonNumber >= 1 && c.lessonNumber <= 999 ? c.lessonNumber : null,
      title: c.title.slice(0, 200),
      goal: textOrNull(c.goal)?.slice(0, 4000) ?? null,
      learned: textOrNull(c.learned)?.slice(0, 4000) ?? null,
      home_question: textOrNull(c.homeQuestion)?.slice(0, 4000) ?? null,
      home_activity: textOrNull(c.homeActivity)?.slice(0, 4000) ?? null,
      class_label: textOrNull(c.classLabel)?.slice(0, 200) ?? null,
      group_label: textOrNull(c.group)?.slice(0, 100) ?? null,
      co_teacher: textOrNull(c.coTeacher)?.slice(0, 100) ?? null,
      lang: typeof c.lang === 'string' && c.lang.length >= 2 && c.lang.length <= 35 ? c.lang : null,
      media_consent: typeof c.mediaConsent === 'boolean' ? c.mediaConsent : null,
      posted_at: postedAt,
      published_by: null,
      ...(schedule018 ? seededSchedule(c) : {}),
    });
    /** A stored reference: `upload:<mediaId>` is an upload (when it is still there), anything else a URL or demo ref. */
    const ref = (/** @type {unknown} */ src) => {
      if (typeof src !== 'string' || !src) return undefined;
      if (src.startsWith('upload:')) return uploads.has(src.slice(7)) ? { upload_id: src.slice(7), url: null } : undefined;
      return src.length <= 2000 ? { upload_id: null, url: src } : undefined;
    };
    const media = recordOf(c.media);
    let position = 0;
    const add = (/** @type {Record<string, unknown> | undefined} */ where, /** @type {Record<string, unknown>} */ row) => {
      if (!where || position >= 40) return void skipped++;
      mediaRows.push({ clip_id: id, position: position++, ...where, ...row });
    };
    if (media.kind === 'video') {
      add(ref(media.src), { role: 'video', content_type: textOrNull(media.type) });
      if (media.poster) add(ref(media.poster), { role: 'poster' });
      for (const t of listOf(media.captions)) {
        if (isText(t?.srclang) && isText(t?.label))
          add(ref(t.src), {
            role: 'captions',
            srclang: t.srclang.slice(0, 35),
            label: t.label.slice(0, 200),
            is_default: t.default === true,
          });
      }
    } else if (media.kind === 'photos') {
      for (const p of listOf(media.photos)) if (isText(p?.alt)) add(ref(p.src), { role: 'photo', alt: p.alt.slice(0, 1000) });
    }
  }
  await insertAll(db, 'clips', clipRows);
  await insertAll(db, 'clip_media', mediaRows);
  const clipIds = new Set(clipRows.map((c) => /** @type {string} */ (c.id)));

  // ---- posts, and what families did: answers, seen, reactions, replies
  const postIds = new Set(
    Object.entries(posts)
      .filter(([id, p]) => isId(id) && classes.has(p?.classId))
      .map(([id]) => id),
  );
  await insertAll(
    db,
    'posts',
    [...postIds].map((id) => ({ id, class_id: posts[id].classId })),
  );
  /** A feedback target's column: a post of that id first, as the policy decides. */
  const targetOf = (/** @type {string} */ id) =>
    postIds.has(id) ? { post_id: id, clip_id: null } : clipIds.has(id) ? { clip_id: id, post_id: null } : undefined;

  // Each household's answer (`carerId` wrote it last; at the address `householdId`, issue 24); one without a carer (the seed's) counts for its household.
  const answers019 = await has('home_answers', 'address_id');
  /** @type {Map<string, Record<string, unknown>>} */
  const answers = new Map();
  for (const a of listOf(state.answers)) {
    const at = dateOf(a?.updatedAt);
    if (!isId(a?.id) || !clipIds.has(a?.clipId) || !households.has(a?.familyId) || !at || !['text', 'talked'].includes(a?.kind)) {
      skipped++;
      continue;
    }
    const carer = viewerIds.has(a.carerId) ? a.carerId : null;
    answers.set(`${a.clipId}/${carer ?? `household:${a.familyId}`}`, {
      id: a.id,
      clip_id: a.clipId,
      household_id: a.familyId,
      carer_id: carer,
      ...(answers019 ? { address_id: addresses.get(a.householdId)?.household_id === a.familyId ? a.householdId : null } : {}),
      kind: a.kind,
      text: a.kind === 'text' ? (textOrNull(a.text)?.slice(0, 500) ?? null) : null,
      updated_at: at,
    });
  }
  await insertAll(db, 'home_answers', [...answers.values()]);
  const seen = new Set(
    listOf(state.seen)
      .filter((s) => clipIds.has(s?.clipId) && households.has(s?.familyId))
      // Seen at one address of the family (issue 24), or by the whole family.
      .map((s) => `${s.clipId}\n${s.familyId}\n${addresses.get(s.householdId)?.household_id === s.familyId ? s.householdId : ''}`),
  );
  await insertAll(
    db,
    'seen_marks',
    [...seen].map((key) => {
      const [clip_id, household_id, address] = key.split('\n');
      return { clip_id, household_id, ...(households011 ? { address_id: address || null } : {}) };
    }),
  );

  /** @type {Record<string, unknown>[]} */
  const reactionRows = [];
  for (const [targetId, byReaction] of Object.entries(recordOf(state.reactions))) {
    const target = targetOf(targetId);
    if (!target) continue;
    for (const [reaction, ids] of Object.entries(recordOf(byReaction))) {
      if (!/^[a-z][a-z0-9-]{0,39}$/.test(reaction)) continue;
      for (const id of new Set(listOf(ids))) if (households.has(id)) reactionRows.push({ ...target, reaction, household_id: id });
    }
  }
  await insertAll(db, 'reactions', reactionRows);
  /** @type {Record<string, unknown>[]} */
  const replyRows = [];
  for (const [targetId, list] of Object.entries(recordOf(state.replies))) {
    const target = targetOf(targetId);
    for (const r of listOf(list)) {
      const at = dateOf(r?.createdAt);
      if (!target || !isId(r?.id) || !isText(r?.text) || !at) {
        skipped++;
        continue;
      }
      replyRows.push({
        id: r.id,
        ...target,
        household_id: households.has(r.familyId) ? r.familyId : null,
        author_id: null,
        ...(answers019 ? { address_id: addresses.get(r.householdId)?.household_id === r.familyId ? r.householdId : null } : {}),
        text: r.text.slice(0, 280),
        created_at: at,
      });
    }
  }
  await insertAll(db, 'replies', replyRows);

  // ---- reward charts: focus, open awards, earned rewards
  /** A giver by id, or else by name (the demo's seeded stickers name who gave them). */
  const giverOf = (/** @type {any} */ award, /** @type {string} */ schoolId) => {
    if (viewerIds.has(award?.givenById)) return award.givenById;
    if (!isText(award?.givenBy)) return null;
    return viewers.find((v) => v.name === award.givenBy && (v.schoolId ?? defaultSchool) === schoolId)?.id ?? null;
  };
  for (const [id, raw] of Object.entries(charts)) {
    const c = recordOf(raw);
    const kind = c.kind === 'personal' ? 'personal' : 'class';
    if (
      !isId(id) ||
      !classes.has(c.classId) ||
      (kind === 'personal' && !children.has(c.childId)) ||
      !isText(c.title) ||
      !isText(c.reward)
    ) {
      skipped++;
      continue;
    }
    const goal = Number.isInteger(c.goal) ? Math.min(1000, Math.max(1, c.goal)) : 10;
    await db
      .insertInto('reward_charts')
      .values({
        id,
        kind,
        class_id: c.classId,
        child_id: kind === 'personal' ? c.childId : null,
        title: c.title.slice(0, 200),
        goal,
        reward: c.reward.slice(0, 200),
        home_stickers_enabled: c.homeStickersEnabled === true,
        // What the child may choose (issue 24): the adults' options, kept as the library has them.
        ...(choices016
          ? { choices: kind === 'personal' && c.choices && typeof c.choices === 'object' ? JSON.stringify(c.choices) : null }
          : {}),
        lang: typeof c.lang === 'string' && c.lang.length >= 2 && c.lang.length <= 35 ? c.lang : null,
      })
      .execute();
    const focus = listOf(c.focus)
      .filter((f) => isId(f?.id) && isText(f?.text))
      .slice(0, 2);
    await insertAll(
      db,
      'chart_focus',
      focus.map((f, position) => ({
        chart_id: id,
        position,
        id: f.id,
        text: f.text.slice(0, 200),
        pictogram: textOrNull(f.pictogram)?.slice(0, 16) ?? null,
      })),
    );
    const school = /** @type {string} */ (classes.get(c.classId)?.school_id);
    const awards = listOf(c.awards).filter((a) => (isId(a?.id) && dateOf(a?.createdAt) ? true : (skipped++, false)));
    await insertAll(
      db,
      'awards',
      awards.map((a) => ({
        id: a.id,
        chart_id: id,
        source: a.source === 'home' ? 'home' : 'school',
        expectation_id: isId(a.expectationId) ? a.expectationId : null,
        reason: textOrNull(a.reason)?.slice(0, 200) ?? null,
        given_by: giverOf(a, school),
        created_at: dateOf(a.createdAt),
      })),
    );
    await insertAll(
      db,
      'earned_rewards',
      listOf(c.earnedRewards)
        .filter((e) => isText(e?.reward) && dateOf(e?.earnedAt))
        .map((e) => ({ chart_id: id, reward: e.reward.slice(0, 200), earned_at: dateOf(e.earnedAt) })),
    );
  }

  // ---- check-ins
  /** @type {Record<string, unknown>[]} */
  const checkinRows = [];
  for (const c of listOf(state.checkins)) {
    const ok =
      isId(c?.id) &&
      children.has(c?.childId) &&
      /^[a-z][a-z0-9-]{0,39}$/.test(c?.feeling) &&
      Number.isInteger(c?.strength) &&
      c.strength >= 1 &&
      c.strength <= 5 &&
      ['home', 'school'].includes(c?.context) &&
      dateOf(c?.createdAt);
    if (!ok) {
      skipped++;
      continue;
    }
    const { at, offsetMinutes, localDay } = parseLocalTime(c.createdAt);
    checkinRows.push({
      id: c.id,
      child_id: c.childId,
      feeling: c.feeling,
      strength: c.strength,
      context: c.context,
      note: textOrNull(c.note)?.slice(0, 280) ?? null,
      created_at: at,
      utc_offset_minutes: offsetMinutes,
      local_day: localDay,
    });
  }
  await insertAll(db, 'checkins', checkinRows);

  // ---- expectation matrices, each at its version
  for (const [id, raw] of Object.entries(matrices)) {
    const m = recordOf(raw);
    const home = m.kind === 'home';
    const owner = home ? households.has(m.familyId) : schools.has(m.schoolId);
    if (!isId(id) || !owner || !Number.isInteger(m.version) || m.version < 0) {
      skipped++;
      continue;
    }
    await db
      .insertInto('matrices')
      .values({
        id,
        kind: home ? 'home' : 'school',
        school_id: home ? null : m.schoolId,
        household_id: home ? m.familyId : null,
        version: m.version,
      })
      .execute();
    await insertVersion(db, id, m.version, matrixContent(m), null);
  }

  // ---- successes, by the household their family name is
  const matrixIds = new Set(Object.keys(matrices).filter((id) => isId(id)));
  /** @type {Record<string, unknown>[]} */
  const successRows = [];
  for (const s of listOf(state.successes)) {
    const at = dateOf(s?.createdAt);
    if (!isId(s?.id) || !matrixIds.has(s?.matrixId) || !isText(s?.text) || !at) {
      skipped++;
      continue;
    }
    const name = typeof s.familyName === 'string' ? s.familyName.toLocaleLowerCase() : undefined;
    const householdId = name ? [...households].find(([, h]) => h.name.toLocaleLowerCase() === name)?.[0] : undefined;
    successRows.push({
      id: s.id,
      matrix_id: s.matrixId,
      expectation_id: isId(s.expectationId) ? s.expectationId : null,
      text: s.text.slice(0, 500),
      household_id: householdId ?? null,
      created_at: at,
    });
  }
  await insertAll(db, 'successes', successRows);
  if (await has('meetings', 'id')) skipped += await insertCourse(db, state, { classes, households, addresses });

  // ---- evaluations (issue 25): a run's forms, the school's own questions, the responses
  if (evaluations017) skipped += await insertEvaluations(db, state, { classes, households, children, viewerIds, addresses });
  return { skipped };
}

/**
 * The programme's course (issue 26, 013_course.sql): the meetings and introductions of the
 * classes, and the households' replies and sheets, as the library's demo has them.
 * @param {DB} db
 * @param {Partial<DemoState>} state
 * @param {{ classes: Map<string, unknown>, households: Map<string, unknown>, addresses: Map<string, { household_id: string }> }} known
 * @returns {Promise<number>} how many records were left out
 */
async function insertCourse(db, state, { classes, households, addresses }) {
  let skipped = 0;
  const programmeOf = (/** @type {unknown} */ p) => (typeof p === 'string' && /^[a-z][a-z0-9-]{0,39}$/.test(p) ? p : null);
  const langOf = (/** @type {unknown} */ l) => (typeof l === 'string' && l.length >= 2 && l.length <= 35 ? l : null);
  const meetingRows = [];
  for (const [id, raw] of Object.entries(recordOf(state.meetings))) {
    const m = recordOf(raw);
    const startsAt = dateOf(m.startsAt);
    const ok = isId(id) && classes.has(m.classId) && isText(m.title) && isText(m.place) && startsAt;
    if (!ok || !['information-evening', 'last-lesson', 'child-conversation'].includes(m.kind)) {
      skipped++;
      continue;
    }
    const endsAt = dateOf(m.endsAt);
    meetingRows.push({
      id,
      class_id: m.classId,
      kind: m.kind,
      programme: programmeOf(m.programme),
      title: m.title.slice(0, 200),
      starts_at: startsAt,
      ends_at: endsAt && endsAt >= startsAt ? endsAt : null,
      place: m.place.slice(0, 200),
      bring: textOrNull(m.bring)?.slice(0, 500) ?? null,
      description: textOrNull(m.description)?.slice(0, 2000) ?? null,
      host_name: textOrNull(m.host)?.slice(0, 100) ?? null,
      summary: textOrNull(m.summary)?.slice(0, 2000) ?? null,
      lang: langOf(m.lang),
    });
  }
  await insertAll(db, 'meetings', meetingRows);
  const meetingIds = new Set(meetingRows.map((m) => m.id));
  /** One reply or sheet per household (address) and meeting: the last one listed. */
  const replyRows = (
    /** @type {unknown} */ list,
    /** @type {(r: Record<string, any>) => Record<string, unknown> | undefined} */ fields,
  ) => {
    /** @type {Map<string, Record<string, unknown>>} */
    const rows = new Map();
    for (const r of listOf(list)) {
      const at = dateOf(r?.updatedAt);
      const address = addresses.get(r?.householdId)?.household_id === r?.familyId ? r.householdId : null;
      const own = at && meetingIds.has(r?.meetingId) && households.has(r?.familyId) && fields(r);
      if (!own) {
        skipped++;
        continue;
      }
      rows.set(`${r.meetingId}\n${r.familyId}\n${address ?? ''}`, {
        meeting_id: r.meetingId,
        household_id: r.familyId,
        address_id: address,
        id: `seed-${r.meetingId}-${address ?? r.familyId}`,
        ...own,
        updated_at: at,
      });
    }
    return [...rows.values()];
  };
  await insertAll(
    db,
    'meeting_rsvps',
    replyRows(state.rsvps, (r) => {
      const people = Number.isInteger(r.people) && r.people >= 0 && r.people <= 9 ? r.people : undefined;
      if (!['yes', 'maybe', 'no'].includes(r.answer) || people === undefined) return undefined;
      return { answer: r.answer, people: r.answer === 'no' ? 0 : people };
    }),
  );
  const sheetText = (/** @type {unknown} */ t) => (typeof t === 'string' ? t.trim().slice(0, 500) : '');
  await insertAll(
    db,
    'meeting_preparations',
    replyRows(state.preparations, (r) => ({
      keywords: sheetText(r.keywords),
      goes_well: sheetText(r.goesWell),
      talk_about: sheetText(r.talkAbout),
    })),
  );

  for (const [id, raw] of Object.entries(recordOf(state.intros))) {
    const i = recordOf(raw);
    const programme = programmeOf(i.programme);
    if (!isId(id) || !classes.has(i.classId) || !programme) {
      skipped++;
      continue;
    }
    const asks = listOf(i.homeAsks).filter(isText);
    await db
      .insertInto('intros')
      .values({
        id,
        class_id: i.classId,
        programme,
        programme_label: textOrNull(i.programmeLabel)?.slice(0, 100) ?? null,
        class_label: textOrNull(i.classLabel)?.slice(0, 200) ?? null,
        about: textOrNull(i.about)?.slice(0, 4000) ?? null,
        home_asks: Array.isArray(i.homeAsks) ? JSON.stringify(asks.map((a) => a.slice(0, 500))) : null,
        posted_at: dateOf(i.postedAt) ?? null,
        lang: langOf(i.lang),
      })
      .execute();
    /** @type {Map<number, Record<string, unknown>>} */
    const lessons = new Map();
    for (const l of listOf(i.lessons))
      if (Number.isInteger(l?.number) && l.number >= 1 && l.number <= 999 && isText(l?.title) && !lessons.has(l.number))
        lessons.set(l.number, {
          intro_id: id,
          number: l.number,
          title: l.title.slice(0, 200),
          goal: textOrNull(l.goal)?.slice(0, 4000) ?? null,
          // A posted lesson's date is its clip's; a planned one's is when it is planned.
          planned_at: l.status === 'planned' ? (dateOf(l.date) ?? null) : null,
        });
    await insertAll(db, 'intro_lessons', [...lessons.values()]);
    await insertAll(
      db,
      'intro_contacts',
      listOf(i.contacts)
        .filter((c) => ['teacher', 'care-coordinator', 'youth-centre', 'other'].includes(c?.role) && isText(c?.name))
        .map((c, position) => ({
          intro_id: id,
          position,
          role: c.role,
          name: c.name.slice(0, 200),
          how: textOrNull(c.how)?.slice(0, 500) ?? null,
        })),
    );
  }
  return skipped;
}

/**
 * The state's evaluations as rows (017_evaluations.sql): each with its class, its own questions
 * in order, and the responses of respondents this state knows (a household or one of its
 * addresses, a child, a member of staff).
 * @param {DB} db
 * @param {Partial<DemoState>} state
 * @param {{ classes: Map<string, unknown>, households: Map<string, unknown>, children: Map<string, unknown>,
 *   viewerIds: Set<string>, addresses: Map<string, { household_id: string }> }} known
 * @returns {Promise<number>} how many records were left out
 */
async function insertEvaluations(db, state, { classes, households, children, viewerIds, addresses }) {
  let skipped = 0;
  const AUDIENCE = new Set(['parent', 'child', 'teacher', 'trainer']);
  const KINDS = new Set(['yes-no', 'scale', 'choice', 'text']);
  const evaluations = recordOf(/** @type {any} */ (state).evaluations);
  /** The ids of each evaluation's open questions (its words are kept apart). @type {Map<string, Set<string>>} */
  const questionIds = new Map();
  for (const [id, raw] of Object.entries(evaluations)) {
    const e = recordOf(raw);
    const audiences = [...new Set(listOf(e.audiences).filter((a) => AUDIENCE.has(a)))];
    if (!isId(id) || !isId(e.programmeRunId) || !classes.has(e.classId) || !['before', 'after'].includes(e.phase) || !audiences.length) {
      skipped++;
      continue;
    }
    await db
      .insertInto('evaluations')
      .values({
        id,
        programme_run_id: e.programmeRunId,
        programme: typeof e.programme === 'string' && /^[a-z][a-z0-9-]{0,39}$/.test(e.programme) ? e.programme : 'custom',
        phase: e.phase,
        title: isText(e.title) ? e.title.slice(0, 200) : e.programmeRunId,
        audiences,
        anonymous: e.anonymous !== false,
        closes_at: dateOf(e.closesAt) ?? null,
        lang: typeof e.lang === 'string' && e.lang.length >= 2 && e.lang.length <= 35 ? e.lang : null,
      })
      .execute();
    await db.insertInto('evaluation_classes').values({ evaluation_id: id, class_id: e.classId }).execute();
    const own = listOf(e.ownQuestions)
      .filter((q) => isId(q?.id) && KINDS.has(q?.kind) && isText(q?.text))
      .slice(0, 30);
    questionIds.set(id, new Set(own.filter((q) => q.kind === 'text').map((q) => q.id)));
    await insertAll(
      db,
      'evaluation_questions',
      own.map((q, position) => ({
        evaluation_id: id,
        position,
        id: q.id,
        kind: q.kind,
        text: q.text.slice(0, 500),
        options: Array.isArray(q.options) ? JSON.stringify(q.options.slice(0, 10)) : null,
        audiences: Array.isArray(q.audiences) ? q.audiences.filter((/** @type {string} */ a) => AUDIENCE.has(a)) : null,
      })),
    );
  }
  /** @type {Record<string, unknown>[]} */
  const responses = [];
  /** @type {Record<string, unknown>[]} */
  const answers = [];
  for (const r of listOf(/** @type {any} */ (state).evaluationResponses)) {
    const [kind, whoId] = typeof r?.respondent === 'string' ? r.respondent.split(/:(.*)/s) : [];
    const householdId =
      kind === 'household' ? (addresses.get(whoId)?.household_id ?? (households.has(whoId) ? whoId : undefined)) : undefined;
    const ok =
      questionIds.has(r?.evaluationId) &&
      AUDIENCE.has(r?.audience) &&
      ((kind === 'household' && householdId) || (kind === 'child' && children.has(whoId)) || (kind === 'person' && viewerIds.has(whoId)));
    if (!ok) {
      skipped++;
      continue;
    }
    responses.push({
      evaluation_id: r.evaluationId,
      respondent: r.respondent,
      audience: r.audience,
      household_id: householdId ?? null,
      child_id: kind === 'child' ? whoId : null,
      viewer_id: kind === 'person' ? whoId : null,
      submitted_at: dateOf(r.submittedAt) ?? new Date(),
    });
    const seen = new Set();
    for (const a of listOf(r.answers)) {
      if (!isId(a?.questionId) || seen.has(a.questionId) || !isText(a?.value)) continue;
      seen.add(a.questionId);
      answers.push({
        evaluation_id: r.evaluationId,
        respondent: r.respondent,
        audience: r.audience,
        question_id: a.questionId,
        // An open question's words apart from the values the results count.
        ...(questionIds.get(r.evaluationId)?.has(a.questionId)
          ? { value: null, words: a.value.trim().slice(0, 1000) }
          : { value: a.value.trim().slice(0, 200), words: null }),
      });
    }
  }
  await insertAll(db, 'evaluation_responses', responses);
  await insertAll(db, 'evaluation_answers', answers);
  return skipped;
}

/**
 * A stored matrix's content within the editor's limits and the tables' constraints: what can't
 * be a row (a cell of a value it does not list, a fourth expectation) is left out.
 * @param {Record<string, any>} m
 */
function matrixContent(m) {
  const axis = (/** @type {unknown} */ list, /** @type {number} */ max) => {
    const seen = new Set();
    return listOf(list)
      .filter((a) => isId(a?.id) && isText(a?.label) && !seen.has(a.id) && seen.add(a.id))
      .slice(0, max)
      .map((a) => ({ id: a.id, label: a.label.slice(0, 60), ...(isText(a.pictogram) ? { pictogram: a.pictogram.slice(0, 16) } : {}) }));
  };
  const values = axis(m.values, 5);
  const locations = axis(m.locations, 8);
  const valueIds = new Set(values.map((v) => v.id));
  const locationIds = new Set(locations.map((l) => l.id));
  const expectationIds = new Set();
  /** @type {Record<string, { id: string, text: string, pictogram?: string }[]>} */
  const cells = {};
  for (const [key, items] of Object.entries(recordOf(m.cells))) {
    const [valueId, locationId, ...more] = key.split('/');
    if (more.length || !valueIds.has(valueId) || !locationIds.has(locationId)) continue;
    const kept = listOf(items)
      .filter((e) => isId(e?.id) && isText(e?.text) && !expectationIds.has(e.id) && expectationIds.add(e.id))
      .slice(0, 3)
      .map((e) => ({ id: e.id, text: e.text.slice(0, 200), ...(isText(e.pictogram) ? { pictogram: e.pictogram.slice(0, 16) } : {}) }));
    if (kept.length) cells[key] = kept;
  }
  const f = recordOf(m.focus);
  const focus =
    valueIds.has(f.valueId) && locationIds.has(f.locationId)
      ? {
          valueId: f.valueId,
          locationId: f.locationId,
          ...(expectationIds.has(f.expectationId) && cells[`${f.valueId}/${f.locationId}`]?.some((e) => e.id === f.expectationId)
            ? { expectationId: f.expectationId }
            : {}),
          ...(isText(f.why) ? { why: f.why.slice(0, 4000) } : {}),
          ...(isText(f.homeTip) ? { homeTip: f.homeTip.slice(0, 4000) } : {}),
        }
      : undefined;
  return {
    title: isText(m.title) ? m.title.slice(0, 200) : undefined,
    lang: typeof m.lang === 'string' && m.lang.length >= 2 && m.lang.length <= 35 ? m.lang : undefined,
    values,
    locations,
    cells,
    focus,
  };
}

// ------------------------------------------------------------------ a school for the load test

/**
 * The ids {@link seedLoadSchool} makes, for bench/server-load.mjs. `n` counts families across
 * the school (1 … classes × familiesPerClass); family `n` is in class `ceil(n / familiesPerClass)`.
 */
export const LOAD_IDS = {
  school: 'load-school',
  schoolMatrix: 'load-matrix',
  class: (/** @type {number} */ c) => `load-class-${c}`,
  teacher: (/** @type {number} */ c) => `load-teacher-${c}`,
  clip: (/** @type {number} */ c) => `load-clip-${c}`,
  post: (/** @type {number} */ c) => `load-post-${c}`,
  chart: (/** @type {number} */ c) => `load-chart-${c}`,
  family: (/** @type {number} */ n) => `load-family-${n}`,
  parent: (/** @type {number} */ n) => `load-parent-${n}`,
  child: (/** @type {number} */ n) => `load-child-${n}`,
  personalChart: (/** @type {number} */ n) => `load-personal-${n}`,
};

/**
 * A school for load tests, beside whatever the database holds: `classes` classes of
 * `familiesPerClass` families, each family one parent viewer and one child; per class a
 * teacher, a lesson clip (one demo picture), a host post and a class chart (goal 1,000); per
 * child a personal chart that takes home stickers; one school matrix. Ids: {@link LOAD_IDS}.
 * Deterministic; a second call with the school there already does nothing.
 * @param {import('../database.mjs').Database} db
 * @param {{ classes?: number, familiesPerClass?: number, now?: Date }} [options]
 * @returns {Promise<{ created: boolean, classes: number, families: number, viewers: number }>}
 */
export async function seedLoadSchool(db, { classes = 30, familiesPerClass = 34, now = new Date() } = {}) {
  const families = classes * familiesPerClass;
  const created = await db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const k = tx.kysely;
    if (await k.selectFrom('schools').select('id').where('id', '=', LOAD_IDS.school).executeTakeFirst()) return false;
    const ids = LOAD_IDS;
    const range = (/** @type {number} */ count) => Array.from({ length: count }, (_, i) => i + 1);
    const classOf = (/** @type {number} */ n) => Math.ceil(n / familiesPerClass);
    await k.insertInto('schools').values({ id: ids.school, name: 'Load test school' }).execute();
    await insertAll(
      k,
      'classes',
      range(classes).map((c) => ({ id: ids.class(c), school_id: ids.school, label: `Klas ${c}` })),
    );
    await insertAll(
      k,
      'households',
      range(families).map((n) => ({ id: ids.family(n), school_id: ids.school, name: `Familie ${n}` })),
    );
    await insertAll(
      k,
      'class_households',
      range(families).map((n) => ({ class_id: ids.class(classOf(n)), household_id: ids.family(n), position: (n - 1) % familiesPerClass })),
    );
    await insertAll(
      k,
      'children',
      range(families).map((n) => ({ id: ids.child(n), class_id: ids.class(classOf(n)), household_id: ids.family(n), name: `Kind ${n}` })),
    );
    await insertAll(k, 'viewers', [
      ...range(classes).map((c) => ({ id: ids.teacher(c), role: 'teacher', school_id: ids.school, household_id: null, name: `Juf ${c}` })),
      ...range(families).map((n) => ({
        id: ids.parent(n),
        role: 'parent',
        school_id: ids.school,
        household_id: ids.family(n),
        name: `Familie ${n}`,
      })),
    ]);
    await insertAll(k, 'viewer_classes', [
      ...range(classes).map((c) => ({ viewer_id: ids.teacher(c), class_id: ids.class(c), position: 0 })),
      ...range(families).map((n) => ({ viewer_id: ids.parent(n), class_id: ids.class(classOf(n)), position: 0 })),
    ]);
    await insertAll(
      k,
      'viewer_children',
      range(families).map((n) => ({ viewer_id: ids.parent(n), child_id: ids.child(n), position: 0 })),
    );
    await insertAll(
      k,
      'clips',
      range(classes).map((c) => ({
        id: ids.clip(c),
        class_id: ids.class(c),
        programme: 'wish',
        lesson_number: 1,
        title: 'Samen sterk',
        goal: 'Je weet bij wie je terecht kunt en je helpt een ander.',
        home_question: 'Bij wie kan je kind terecht als het moeilijk is?',
        class_label: `Klas ${c}`,
        lang: 'nl',
        posted_at: now,
      })),
    );
    await insertAll(
      k,
      'clip_media',
      range(classes).map((c) => ({
        clip_id: ids.clip(c),
        position: 0,
        role: 'photo',
        url: 'illustration:wish-8-a',
        alt: 'Kinderen in een kring',
      })),
    );
    await insertAll(
      k,
      'posts',
      range(classes).map((c) => ({ id: ids.post(c), class_id: ids.class(c) })),
    );
    await insertAll(k, 'reward_charts', [
      ...range(classes).map((c) => ({
        id: ids.chart(c),
        kind: 'class',
        class_id: ids.class(c),
        title: 'Rustig in de gang',
        goal: 1000,
        reward: 'Extra gymles',
      })),
      ...range(families).map((n) => ({
        id: ids.personalChart(n),
        kind: 'personal',
        class_id: ids.class(classOf(n)),
        child_id: ids.child(n),
        title: 'Ik wacht op mijn beurt',
        goal: 1000,
        reward: 'Samen een spelletje kiezen',
        home_stickers_enabled: true,
      })),
    ]);
    await insertAll(
      k,
      'chart_focus',
      range(classes).map((c) => ({ chart_id: ids.chart(c), position: 0, id: 'f1', text: 'Ik loop rustig in de gang' })),
    );
    await k.insertInto('matrices').values({ id: ids.schoolMatrix, kind: 'school', school_id: ids.school, version: 1 }).execute();
    await insertVersion(
      k,
      ids.schoolMatrix,
      1,
      {
        title: 'Onze afspraken',
        values: [{ id: 'respect', label: 'Respect' }],
        locations: [{ id: 'corridor', label: 'Gang' }],
        cells: { 'respect/corridor': [{ id: 'exp-1', text: 'Ik gebruik een zachte stem' }] },
      },
      null,
    );
    return true;
  });
  return { created, classes, families, viewers: classes + families };
}

/**
 * A demo clip's schedule and follow-up link (issue 26) as the columns of migration 018; what is not
 * one is left out.
 * @param {Record<string, any>} c
 */
function seededSchedule(c) {
  const at = typeof c.scheduledAt === 'string' && !Number.isNaN(Date.parse(c.scheduledAt)) ? c.scheduledAt : null;
  const f = c.followsUp && typeof c.followsUp === 'object' ? c.followsUp : undefined;
  const kind = f && (f.kind === 'follow-up' || f.kind === 'repeat') && Number.isInteger(f.lessonNumber) ? f.kind : null;
  const id = (/** @type {unknown} */ v) => (typeof v === 'string' && v.length >= 1 && v.length <= 200 ? v : null);
  return {
    scheduled_at: at,
    follows_up_kind: kind,
    follows_up_lesson: kind ? f.lessonNumber : null,
    follows_up_class_id: kind ? id(f.classId) : null,
    follows_up_clip_id: kind ? id(f.clipId) : null,
    follows_up_run_id: kind ? id(f.programmeRunId) : null,
  };
}
