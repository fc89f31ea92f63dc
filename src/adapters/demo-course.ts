/**
 * The demo school's course around the lessons (issue 26): the programme introductions a teacher
 * posted before lesson 1, and the meetings of groep 6 (WIsH): the information evening before the
 * training (past, with its summary), the last lesson "Samen weerbaar" with parents (past, with its
 * summary) and the parent–child–teacher conversations (coming, with replies and two sheets). The
 * demo parent's household (fam-01) starts without a reply or sheet, so the demo shows the first-time path.
 */
import { dict } from '../core/dict.js';
import type { Programme } from '../core/schemas.js';
import { DEFAULT_LIBRARY, lessonsOf, pickText } from '../clip-composer/programme-library.js';
import type { Meeting, Preparation, Rsvp } from '../meeting/schemas.js';
import type { IntroLesson, ProgrammeIntro } from '../programme-intro/schemas.js';
import type { DemoFamily, DemoLocale, DemoState } from './demo-data.js';

const DAY = 86_400_000;

/** `now` plus `days`, moved on to a Monday–Friday at `hour`:`minute` UTC. */
function schoolDay(now: Date, days: number, hour: number, minute = 0): string {
  const date = new Date(now.getTime() + days * DAY);
  date.setUTCHours(hour, minute, 0, 0);
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setTime(date.getTime() + (days < 0 ? -DAY : DAY));
  return date.toISOString();
}

/** The class's lessons of `programme` from the library, posted where a clip of the class is out. */
function timeline(state: DemoState, programme: Programme, classId: string, locale: DemoLocale, now: Date): IntroLesson[] {
  return lessonsOf(DEFAULT_LIBRARY, programme).map((lesson, i) => {
    const number = lesson.lessonNumber ?? i + 1;
    const clip = state.clips[`${programme}-${number}`] as { classId?: string; postedAt?: string } | undefined;
    const posted = clip?.classId === classId;
    return {
      number,
      title: pickText(lesson.title, locale),
      goal: pickText(lesson.goal, locale),
      status: posted ? 'posted' : 'planned',
      ...(posted ? { date: clip.postedAt!, clipId: `${programme}-${number}` } : { date: schoolDay(now, 7 * (i - 1), 12) }),
    };
  });
}

export function seedCourse(state: DemoState, locale: DemoLocale, now: Date, random: () => number, wishFamilies: DemoFamily[]): void {
  const nl = locale === 'nl';
  const contacts: ProgrammeIntro['contacts'] = [
    {
      role: 'teacher',
      name: nl ? 'Juf Sanne' : 'Ms Sanne',
      how: nl ? 'Via de app, of even na schooltijd.' : 'Through the app, or after school.',
    },
    {
      role: 'care-coordinator',
      name: nl ? 'IB’er Fatima' : 'Care coordinator Fatima',
      how: nl ? 'Op dinsdag en donderdag op school.' : 'At school on Tuesdays and Thursdays.',
    },
    {
      role: 'youth-centre',
      name: nl ? 'Centrum voor Jeugd en Gezin (CJG)' : 'Youth and family centre (CJG)',
      how: nl ? 'Bel of loop binnen, ook zonder afspraak.' : 'Call or walk in, no appointment needed.',
    },
  ];
  const intros = dict<ProgrammeIntro>({
    'kanjer-intro': {
      id: 'kanjer-intro',
      classId: 'groep5-kanjer',
      programme: 'kanjer',
      classLabel: nl ? 'Groep 5' : 'Year 5 (groep 5)',
      lessons: timeline(state, 'kanjer', 'groep5-kanjer', locale, now),
      contacts,
      postedAt: new Date(now.getTime() - 14 * DAY).toISOString(),
      lang: locale,
    } satisfies ProgrammeIntro,
    'wish-intro': {
      id: 'wish-intro',
      classId: 'groep6-wish',
      programme: 'wish',
      classLabel: nl ? 'Groep 6' : 'Year 6 (groep 6)',
      lessons: timeline(state, 'wish', 'groep6-wish', locale, now),
      contacts,
      postedAt: new Date(now.getTime() - 60 * DAY).toISOString(),
      lang: locale,
    } satisfies ProgrammeIntro,
  });

  // Every posted clip says where the class is in the programme ("Les 3 van 8").
  state.intros = intros;
  for (const intro of Object.values(intros))
    for (const lesson of intro.lessons)
      if (lesson.clipId) (state.clips[lesson.clipId] as Record<string, unknown>).lessonCount = intro.lessons.length;

  // The conversations are always still to come, also in a test or screenshot with a fixed "now" in the past.
  const ahead = new Date(Math.max(now.getTime(), Date.now()));
  const host = nl ? 'Juf Sanne' : 'Ms Sanne';
  const place = nl ? 'De Regenboog, lokaal groep 6' : 'De Regenboog, the groep 6 classroom';
  const meetings: Record<string, Meeting> = {
    'wish-evening': {
      id: 'wish-evening',
      classId: 'groep6-wish',
      kind: 'information-evening',
      programme: 'wish',
      title: nl ? 'Informatieavond WIsH' : 'WIsH information evening',
      startsAt: schoolDay(now, -60, 18, 30),
      endsAt: schoolDay(now, -60, 20),
      place: nl ? 'De Regenboog, de aula' : 'De Regenboog, the hall',
      bring: nl ? 'Alleen uzelf. Koffie en thee staan klaar.' : 'Just yourself. Coffee and tea are ready.',
      description: nl
        ? 'U hoort wat uw kind in WIsH leert, en u oefent zelf een paar dingen, net als de kinderen.'
        : 'You hear what your child learns in WIsH, and you practise a few things yourself, just like the children.',
      host,
      summary: nl
        ? 'We oefenden hoe je een grens aangeeft met de WIsH-stappen, en hoe je lichaam daarbij helpt. Na elke les krijgt u een filmpje met een vraag voor thuis. Vragen? Stuur juf Sanne een bericht.'
        : 'We practised setting a boundary with the WIsH steps, and how your body helps. After every lesson you get a clip with a question for home. Questions? Send Ms Sanne a message.',
      lang: locale,
    },
    'wish-last-lesson': {
      id: 'wish-last-lesson',
      classId: 'groep6-wish',
      kind: 'last-lesson',
      programme: 'wish',
      title: nl ? 'Samen weerbaar: de laatste les, met ouders' : 'Samen weerbaar (resilient together): the last lesson, with parents',
      startsAt: schoolDay(now, -3, 12, 30),
      endsAt: schoolDay(now, -3, 14),
      place: nl ? 'De Regenboog, de gymzaal' : 'De Regenboog, the gym',
      bring: nl ? 'Makkelijke kleding, dan kunt u meedoen.' : 'Comfortable clothes, so you can join in.',
      host,
      summary: nl
        ? 'De kinderen lieten trots zien wat ze leerden: een grens aangeven, rechtop staan en om hulp vragen. Vraag uw kind welke WIsH-stap het thuis wil blijven gebruiken.'
        : 'The children proudly showed what they learned: setting a boundary, standing tall and asking for help. Ask your child which WIsH step they want to keep using at home.',
      lang: locale,
    },
    'wish-conversation': {
      id: 'wish-conversation',
      classId: 'groep6-wish',
      kind: 'child-conversation',
      programme: 'wish',
      title: nl ? 'Gesprek met ouder, kind en juf' : 'Conversation with parent, child and teacher',
      startsAt: schoolDay(ahead, 13, 14, 30),
      endsAt: schoolDay(ahead, 13, 14, 45),
      place,
      bring: nl ? 'Uw kind, en het voorbereidingsblad dat u samen invult.' : 'Your child, and the preparation sheet you fill in together.',
      description: nl
        ? 'Een kwartier samen: uw kind vertelt, wij luisteren. Vul vooraf samen het blad in.'
        : 'A quarter of an hour together: your child talks, we listen. Fill in the sheet together beforehand.',
      host,
      lang: locale,
    },
    // Groep 7's PBS evening (the authorization kit's meeting of another class).
    'pbs-evening': {
      id: 'pbs-evening',
      classId: 'groep7-pbs',
      kind: 'information-evening',
      programme: 'pbs',
      title: nl ? 'Informatieavond: onze afspraken' : 'Information evening: our agreements',
      startsAt: schoolDay(ahead, 20, 18, 30),
      place: nl ? 'De Regenboog, de aula' : 'De Regenboog, the hall',
      host: nl ? 'Meester Bas' : 'Mr Bas',
      lang: locale,
    },
  };
  state.meetings = dict(meetings);

  // Replies of the other households (never fam-01, the demo parent's).
  const rsvps: Rsvp[] = [];
  const reply = (meetingId: string, family: DemoFamily, rate: number) => {
    if (random() > rate) return;
    const roll = random();
    const answer = roll < 0.7 ? 'yes' : roll < 0.85 ? 'maybe' : 'no';
    rsvps.push({
      meetingId,
      familyId: family.familyId,
      familyName: family.name,
      answer,
      people: answer === 'no' ? 0 : 1 + Math.floor(random() * 3),
      updatedAt: new Date(now.getTime() - random() * 5 * DAY).toISOString(),
    });
  };
  for (const family of wishFamilies.slice(1)) {
    reply('wish-evening', family, 0.8);
    reply('wish-last-lesson', family, 0.85);
    reply('wish-conversation', family, 0.5);
  }
  state.rsvps = rsvps;
  const sheet = (family: DemoFamily, texts: [string, string, string]): Preparation => ({
    meetingId: 'wish-conversation',
    familyId: family.familyId,
    familyName: family.name,
    keywords: texts[0],
    goesWell: texts[1],
    talkAbout: texts[2],
    updatedAt: new Date(now.getTime() - DAY).toISOString(),
  });
  state.preparations = [
    sheet(
      wishFamilies[1]!,
      nl
        ? ['voetbal, vriendinnen, rekenen', 'Ze durft vaker te zeggen wat ze wil.', 'Het overblijven: daar is het soms druk.']
        : ['football, friends, maths', 'She says what she wants more often.', 'Lunch break: it is busy there sometimes.'],
    ),
    sheet(
      wishFamilies[2]!,
      nl
        ? ['tekenen, mijn broertje', 'Hij helpt anderen graag.', 'Hoe hij om hulp kan vragen in de klas.']
        : ['drawing, my little brother', 'He likes helping others.', 'How he can ask for help in class.'],
    ),
  ];
}
