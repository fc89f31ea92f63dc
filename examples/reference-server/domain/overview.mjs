// @ts-check
/**
 * The programme overview (issue 25, migrations/012_overview.sql): per class of a programme and
 * per posted clip, how many of the class's households saw it (or answered: an answer implies it
 * was seen), talked about it at home, answered in words and reacted, each household once. One
 * aggregate query per overview, computed in the database: no answer, mark or name leaves it for
 * the counts. A class with fewer households than the minimum group size gets no counts at all
 * (the widget says "te weinig gezinnen"), so no figure is about one family. Who may read it is
 * the policy's (policy.mjs: `overview.read` per class, `unreached.read` for the class's teacher),
 * checked before any of this runs.
 */
import { sql } from 'kysely';
import { DEFAULT_MIN_GROUP_SIZE } from '../../../dist/programme-overview/schemas.js';
import { iso } from './common.mjs';

/**
 * @typedef {import('./common.mjs').Session} Session
 * @typedef {{ programmeRunId?: string, programme?: string, schoolYear?: string, classIds?: string[] }} OverviewQuery
 */

/** The smallest group a figure may be about, on the server too (the widget keeps the larger of this and its own). */
export const MIN_GROUP_SIZE = DEFAULT_MIN_GROUP_SIZE;

/** The run's programme: a run is named by its programme here (one run per programme and class). */
const programmeOf = (/** @type {OverviewQuery} */ query) => query.programme ?? query.programmeRunId ?? '';

/**
 * `GET /overview`: the classes asked for (`classIds`), else the viewer's classes that have a clip
 * of the programme, each with its posted lessons in order.
 * @param {Session} s
 * @param {OverviewQuery} query
 */
export async function getProgrammeOverview({ db, viewer }, query) {
  const programme = programmeOf(query);
  const asked = query.classIds ?? viewer.classIds;
  const { rows } = await overviewSql(programme, asked).execute(db);

  /** @type {Map<string, { classId: string, label: string, families: number, cells: any[], followUps?: object[] }>} */
  const classes = new Map();
  let title;
  let last = 0;
  for (const row of /** @type {any[]} */ (rows)) {
    let cls = classes.get(row.class_id);
    if (!cls) {
      cls = { classId: row.class_id, label: row.class_label ?? row.label ?? row.class_id, families: row.families, cells: [] };
      classes.set(row.class_id, cls);
    }
    if (!row.clip_id) continue;
    title ??= row.programme_label ?? undefined;
    last = Math.max(last, row.lesson_number);
    const counted = cls.families >= MIN_GROUP_SIZE;
    cls.cells.push({
      lessons: [row.lesson_number],
      clipId: row.clip_id,
      postedAt: iso(row.posted_at),
      ...(counted ? { families: { seen: row.seen, talked: row.talked, answered: row.answered, reacted: row.reacted } } : {}),
    });
  }
  await addFollowUps(db, programme, classes);
  // Without classIds: only the viewer's classes that have a clip of the programme.
  const shown = [...classes.values()].filter((c) => query.classIds !== undefined || c.cells.length || c.followUps);
  return {
    programme,
    title: title ?? programme,
    ...(query.schoolYear ? { schoolYear: query.schoolYear } : {}),
    lessons: Array.from({ length: last }, (_, i) => ({ number: i + 1 })),
    minGroupSize: MIN_GROUP_SIZE,
    classes: shown,
  };
}

/**
 * The overview's one query: per class asked (in the order asked) its households, and per posted
 * clip of the programme the households of the class that saw, talked, answered and reacted.
 * @param {string} programme
 * @param {string[]} classIds
 */
export function overviewSql(programme, classIds) {
  return sql`
    with cls as materialized (
      select c.id, c.label, u.ord,
             (select count(*) from class_households ch where ch.class_id = c.id)::int as families
      from unnest(${classIds}::text[]) with ordinality as u(id, ord)
      join classes c on c.id = u.id
    ),
    posted as materialized (
      select k.id, k.class_id, k.lesson_number, k.posted_at, k.class_label, k.programme_label
      from clips k
      where k.programme = ${programme} and k.class_id in (select id from cls) and k.lesson_number is not null
        -- Issue 26: a follow-up post or repeat lesson is no lesson of the run; a scheduled one is not posted yet.
        and k.follows_up_kind is null and (k.scheduled_at is null or k.scheduled_at <= now())
    ),
    -- What each household did with each clip (a mark, an answer, a reaction), then each household
    -- of the clip's class once per measure: one pass over the three tables, grouped twice. An
    -- answer implies the clip was seen. Materialized, so it is computed once whatever the plan.
    counts as materialized (
      select h.clip_id, sum(h.seen)::int as seen, sum(h.talked)::int as talked, sum(h.answered)::int as answered,
             sum(h.reacted)::int as reacted
      from (
        select e.clip_id, e.household_id, max(e.seen) as seen, max(e.talked) as talked, max(e.answered) as answered,
               max(e.reacted) as reacted
        from (
          select m.clip_id, m.household_id, 1 as seen, 0 as talked, 0 as answered, 0 as reacted
          from seen_marks m where m.clip_id in (select id from posted)
          union all
          select a.clip_id, a.household_id, 1, 1, case when a.kind = 'text' then 1 else 0 end, 0
          from home_answers a where a.clip_id in (select id from posted)
          union all
          select r.clip_id, r.household_id, 0, 0, 0, 1
          from reactions r where r.clip_id in (select id from posted)
        ) e
        join posted p on p.id = e.clip_id
        join class_households ch on ch.class_id = p.class_id and ch.household_id = e.household_id
        group by e.clip_id, e.household_id
      ) h
      group by h.clip_id
    )
    select cls.id as class_id, cls.label, cls.ord, cls.families,
           p.id as clip_id, p.lesson_number, p.posted_at, p.class_label, p.programme_label,
           coalesce(n.seen, 0) as seen, coalesce(n.talked, 0) as talked,
           coalesce(n.answered, 0) as answered, coalesce(n.reacted, 0) as reacted
    from cls
    left join posted p on p.class_id = cls.id
    left join counts n on n.clip_id = p.id
    order by cls.ord, p.lesson_number, p.posted_at, p.id`;
}

/**
 * `GET /overview/unreached`: the class's households that no clip of the programme in that class
 * reached (not seen, not answered, no reaction), by name. The class's teacher only.
 * @param {Session} s
 * @param {OverviewQuery & { classId: string }} query
 */
export async function getUnreachedFamilies({ db }, query) {
  const { rows } = await sql`
    select h.id, h.name
    from class_households ch join households h on h.id = ch.household_id
    where ch.class_id = ${query.classId}
      and not exists (
        select 1 from clips k
        where k.programme = ${programmeOf(query)} and k.class_id = ch.class_id
          and (exists (select 1 from seen_marks m where m.clip_id = k.id and m.household_id = ch.household_id)
            or exists (select 1 from home_answers a where a.clip_id = k.id and a.household_id = ch.household_id)
            or exists (select 1 from reactions r where r.clip_id = k.id and r.household_id = ch.household_id)))
    order by ch.position, h.id`.execute(db);
  return {
    classId: query.classId,
    families: /** @type {{ id: string, name: string }[]} */ (rows).map((r) => ({ familyId: r.id, name: r.name })),
  };
}

/**
 * After the run (issue 26): each class's follow-up posts and repeat lessons of the programme, beside
 * the class whose run they follow up (the one they name, else their own).
 * @param {import('./tables.mjs').DB} db
 * @param {string} programme
 * @param {Map<string, { classId: string, followUps?: object[] }>} classes
 */
async function addFollowUps(db, programme, classes) {
  if (!classes.size) return;
  const ids = [...classes.keys()];
  const rows = await db
    .selectFrom('clips')
    .select(['id', 'class_id', 'class_label', 'posted_at', 'scheduled_at', 'follows_up_kind', 'follows_up_lesson', 'follows_up_class_id'])
    .where('programme', '=', programme)
    .where('follows_up_kind', 'is not', null)
    .where((eb) =>
      eb.or([eb('follows_up_class_id', 'in', ids), eb.and([eb('follows_up_class_id', 'is', null), eb('class_id', 'in', ids)])]),
    )
    .orderBy('posted_at')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const cls = classes.get(row.follows_up_class_id ?? row.class_id);
    if (!cls || !row.follows_up_kind || !row.follows_up_lesson) continue;
    const later = row.scheduled_at !== null && new Date(row.scheduled_at).getTime() > Date.now();
    (cls.followUps ??= []).push({
      kind: row.follows_up_kind,
      lessonNumber: row.follows_up_lesson,
      clipId: row.id,
      ...(row.class_id !== cls.classId ? { classId: row.class_id, ...(row.class_label ? { classLabel: row.class_label } : {}) } : {}),
      ...(later && row.scheduled_at ? { scheduledAt: iso(row.scheduled_at) } : { postedAt: iso(row.posted_at) }),
    });
  }
}
