// @ts-check
/**
 * The rhythm (issue 26): a class's lessons of a programme, posted and planned, for the composer's
 * list. A posted lesson with the date it went out and its clip; a clip scheduled for later as
 * planned for that moment. Follow-up posts and repeat lessons are no lessons of the run. The
 * policy (`rhythm.read`, the class's teacher) is checked before.
 */
import { iso } from './common.mjs';

/**
 * `GET /classes/{classId}/rhythm?programme=`.
 * @param {import('./common.mjs').Session} s
 * @param {{ classId: string, programme: string }} query
 */
export async function getClassRhythm({ db }, { classId, programme }) {
  const rows = await db
    .selectFrom('clips')
    .select(['id', 'lesson_number', 'title', 'goal', 'posted_at', 'scheduled_at'])
    .where('class_id', '=', classId)
    .where('programme', '=', programme)
    .where('lesson_number', 'is not', null)
    .where('follows_up_kind', 'is', null)
    .orderBy('lesson_number')
    .orderBy('posted_at')
    .execute();
  const now = Date.now();
  /** @type {Map<number, object>} */
  const lessons = new Map();
  for (const row of rows) {
    const number = /** @type {number} */ (row.lesson_number);
    if (lessons.has(number)) continue; // the first clip of a lesson counts, as in the overview
    const at = row.scheduled_at;
    const later = at !== null && new Date(at).getTime() > now;
    lessons.set(number, {
      number,
      title: row.title,
      ...(row.goal ? { goal: row.goal } : {}),
      ...(later && at
        ? { status: 'planned', date: iso(at) }
        : { status: 'posted', date: iso(row.scheduled_at ?? row.posted_at), clipId: row.id }),
    });
  }
  return { classId, programme, lessons: [...lessons.values()] };
}
