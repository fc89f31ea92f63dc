/**
 * The demo school's rhythm and what comes after the last lesson (issue 26): a follow-up post to
 * WIsH's last lesson "Samen weerbaar" in groep 6 ("Denkt u nog aan …?"), and Kanjertraining
 * lesson 3 in groep 5 scheduled for the next school-day morning, which its teacher sees as planned
 * and parents do not see yet; a month on, the next follow-up in groep 6 and PBS lesson 2 in groep 7
 * are scheduled too (the conformance kit's `scheduledClipA` and `scheduledClipB`: well ahead, so
 * they stay unseen while it runs). Seeded after the course (demo-course.ts), whose timeline it updates.
 */
import type { DemoLocale, DemoState } from './demo-data.js';
import { DEFAULT_LIBRARY, pickText } from '../clip-composer/programme-library.js';
import { defaultSchedule } from '../clip-composer/schedule.js';

const DAY = 86_400_000;

export function seedRhythm(state: DemoState, locale: DemoLocale, now: Date): void {
  const nl = locale === 'nl';
  const last = state.clips['wish-8'] as { title?: string; postedAt?: string } | undefined;
  if (last?.title) {
    state.clips['wish-follow-up'] = {
      id: 'wish-follow-up',
      programme: 'wish',
      title: nl ? `Denkt u nog aan “${last.title}”?` : `Are you still thinking of “${last.title}”?`,
      goal: nl
        ? 'Wat de kinderen bij WIsH leerden, blijven ze gebruiken: thuis en op school.'
        : 'What the children learned in WIsH, they keep using: at home and at school.',
      homeQuestion: nl ? 'Welke WIsH-stap gebruiken jullie thuis nog?' : 'Which WIsH step do you still use at home?',
      homeActivity: nl
        ? 'Vraag je kind de WIsH-stappen nog eens voor te doen, zoals bij de laatste les.'
        : 'Ask your child to show you the WIsH steps again, as at the last lesson.',
      followsUp: { kind: 'follow-up', lessonNumber: 8, classId: 'groep6-wish', clipId: 'wish-8' },
      postedAt: new Date(Math.max(Date.parse(last.postedAt ?? '') || now.getTime(), now.getTime() - DAY)).toISOString(),
      classId: 'groep6-wish',
      classLabel: nl ? 'Groep 6' : 'Year 6 (groep 6)',
      lang: locale,
    };
  }
  // Scheduled from the real clock too, so it is still to come in a test or screenshot with a fixed "now" in the past.
  const scheduledAt = defaultSchedule(new Date(Math.max(now.getTime(), Date.now()))).toISOString();
  const intro = state.intros?.['kanjer-intro'];
  const lesson = intro?.lessons.find((l) => l.status === 'planned');
  // A scheduled clip is a lesson of the run: its texts are the library's, as the composer fills them in.
  const template = lesson && DEFAULT_LIBRARY.find((l) => l.id === `kanjer-${lesson.number}`);
  if (intro && lesson && template) {
    const clipId = `kanjer-${lesson.number}-scheduled`;
    state.clips[clipId] = {
      id: clipId,
      programme: 'kanjer',
      lessonNumber: lesson.number,
      lessonCount: intro.lessons.length,
      title: pickText(template.title, locale),
      goal: pickText(template.goal, locale),
      learned: pickText(template.learned, locale),
      homeQuestion: pickText(template.homeQuestion, locale),
      homeActivity: pickText(template.homeActivity, locale),
      postedAt: now.toISOString(),
      scheduledAt,
      classId: 'groep5-kanjer',
      classLabel: nl ? 'Groep 5' : 'Year 5 (groep 5)',
      lang: locale,
    };
    lesson.date = scheduledAt;
  }
  // A month on ("maandelijks, in elke klas hetzelfde"): the next follow-up, and PBS lesson 2 in groep 7.
  const month = defaultSchedule(new Date(Math.max(now.getTime(), Date.now()) + 27 * DAY)).toISOString();
  state.clips['wish-follow-up-2'] = {
    id: 'wish-follow-up-2',
    programme: 'wish',
    title: nl ? 'Denkt u nog aan de WIsH-stappen?' : 'Are you still thinking of the WIsH steps?',
    homeQuestion: nl ? 'Wanneer gebruikte je kind deze maand een WIsH-stap?' : 'When did your child use a WIsH step this month?',
    followsUp: { kind: 'follow-up', lessonNumber: 1, classId: 'groep6-wish', clipId: 'wish-1' },
    postedAt: now.toISOString(),
    scheduledAt: month,
    classId: 'groep6-wish',
    classLabel: nl ? 'Groep 6' : 'Year 6 (groep 6)',
    lang: locale,
  };
  state.clips['pbs-2-scheduled'] = {
    id: 'pbs-2-scheduled',
    programme: 'pbs',
    lessonNumber: 2,
    title: nl ? 'Samen opruimen' : 'Tidying up together',
    homeQuestion: nl ? 'Wat ruimen jullie thuis samen op?' : 'What do you tidy up together at home?',
    postedAt: now.toISOString(),
    scheduledAt: month,
    classId: 'groep7-pbs',
    classLabel: nl ? 'Groep 7' : 'Year 7 (groep 7)',
    lang: locale,
  };
}
