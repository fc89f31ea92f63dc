/**
 * Seeded demo content: a WIsH class (groep 6) with its 8 lessons and a
 * Kanjertraining class, in Dutch and English. Deterministic for a given seed, so
 * tests and screenshots are stable.
 */
import { hardenState } from './demo-scopes.js';
import { seedCourse } from './demo-course.js';
import { seedEvaluations, type StoredEvaluation, type StoredEvaluationResponse } from './demo-evaluation.js';
import type { Meeting, Preparation, Rsvp } from '../meeting/schemas.js';
import type { ProgrammeIntro } from '../programme-intro/schemas.js';
import type { Viewer } from '../core/schemas.js';
import type { ExpectationMatrix, Success } from '../expectation-matrix/schemas.js';
import type { Checkin } from '../feelings-checkin/schemas.js';
import type { HomeAnswer } from '../lesson-clip/schemas.js';
import type { Award, RewardChart } from '../reward-chart/schemas.js';

export type DemoLocale = 'nl' | 'en';

export interface DemoFamily {
  familyId: string;
  name: string;
  /**
   * The family's households (addresses), when the child has more than one (issue 24): each with
   * its carers (a viewer's `householdId`) and the words the school uses for it ("tweede adres").
   * Absent: the family is one household.
   */
  households?: DemoHousehold[];
}

/** One household (address) of a family. */
export interface DemoHousehold {
  householdId: string;
  /** As the school names it in the teacher's lists: "tweede adres". */
  name?: string;
}

/** A school's settings (issue 24). */
export interface SchoolSettings {
  /** The family's households share their answers, drafts and threads. Default off: each household's own. */
  shareWithinFamily?: boolean;
}

/**
 * A stored home answer also says which carer wrote it (`carerId`, a viewer id): each carer reads
 * only their own (two households of one child don't read each other's), and the teacher counts
 * the family once. An answer without one (seeded, or from before) is no carer's to read.
 */
export type StoredAnswer = HomeAnswer & { carerId?: string };
/**
 * A stored award also says who gave it (a viewer id): only they may take it back; on a class
 * chart, the child it recognised (`forChildId`, issue 24): only the teacher's private count reads it.
 */
export type StoredAward = Award & { givenById?: string; forChildId?: string };
/** A stored chart says whose it is: its class, and for a personal chart the child. */
export type StoredChart = Omit<RewardChart, 'awards'> & { awards: StoredAward[]; classId?: string; childId?: string };
/** A stored matrix says whose it is: a school's (`schoolId`) or a family's (`familyId`). */
export type StoredMatrix = ExpectationMatrix & { schoolId?: string };
/** A file a teacher uploaded; `ownerId` (a viewer id) is who may read it back. */
export interface StoredUpload {
  ownerId: string;
  kind: 'video' | 'photo' | 'captions';
  type: string;
  size: number;
  name: string;
  blob: Blob;
}
/**
 * An applied write, by its idempotency key: when (ms since epoch; forgotten a day later), a
 * digest of who sent which request (the same key for another request is refused), its result.
 */
export interface StoredWrite {
  at: number;
  digest: string;
  result: unknown;
}

export interface DemoState {
  viewers: Viewer[];
  /** Raw clips: stored unvalidated so tests can inject bad data the way a buggy host would. */
  clips: Record<string, unknown>;
  families: Record<string, DemoFamily[]>;
  answers: StoredAnswer[];
  /** Who saw a clip; `householdId` when the carer's family has households (none: the whole family). */
  seen: { clipId: string; familyId: string; householdId?: string }[];
  reactions: Record<string, Record<string, string[]>>;
  /** Replies under a target; `householdId` when the carer's family has households (issue 24): that household's. */
  replies: Record<string, { id: string; familyId?: string; householdId?: string; authorName?: string; text: string; createdAt: string }[]>;
  charts: Record<string, StoredChart>;
  /** Host posts families react to (feedback bar targets that are not clips), by id: their class. */
  posts: Record<string, { classId: string }>;
  checkins: Checkin[];
  /** Which children are in which class: who a teacher's class overview covers. */
  classes: Record<string, string[]>;
  matrices: Record<string, StoredMatrix>;
  successes: Success[];
  /** Files teachers uploaded for lesson clips, by media id; clips refer to them as `upload:<mediaId>`. */
  uploads?: Record<string, StoredUpload>;
  /** Applied writes by idempotency key: a repeated key returns the first result. */
  writes: Record<string, StoredWrite>;
  /** Threads between a family and the class's teachers (issue 24), by `<kind>:<aboutId>:<familyId>`. */
  threads?: Record<string, StoredThread>;
  /** The programme's course (issue 26): meetings and programme introductions by id, households' replies and preparation sheets. */
  meetings?: Record<string, Meeting>;
  intros?: Record<string, ProgrammeIntro>;
  rsvps?: Rsvp[];
  preparations?: Preparation[];
  /** Each school's settings, by school id (issue 24). */
  schoolSettings?: Record<string, SchoolSettings>;
  /** Evaluations of programme runs by id, and each respondent's answers (issue 25). */
  evaluations?: Record<string, StoredEvaluation>;
  evaluationResponses?: StoredEvaluationResponse[];
}

/** A thread as stored: its messages, and per viewer how many of them they have read. */
export interface StoredThread {
  messages: { id: string; from: 'family' | 'teacher'; authorId: string; authorName?: string; text: string; createdAt: string }[];
  readBy: Record<string, number>;
}

/** Small, fast, seedable PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [
  'Jansen',
  'de Vries',
  'El Amrani',
  'Yılmaz',
  'Bakker',
  'Visser',
  'Kowalski',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'Öztürk',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'Nowak',
  'Dekker',
  'Haddou',
  'Brouwer',
  'de Wit',
  'Koç',
  'Dijkstra',
  'Kovalenko',
];

interface LessonText {
  title: string;
  goal: string;
  learned: string;
  homeQuestion: string;
  homeActivity: string;
}

/*
 * The lessons as a teacher posts them from the composer's library (src/clip-composer/programme-library.ts):
 * the same title, goal, home question and activity (test/content/programmes.test.ts checks it),
 * with "what we learned" finished in the children's words. WIsH lessons 1, 7 and 8 carry the
 * programme's own names; boundaries are set with the WIsH steps, never with the phrase the school replaced.
 */
const WISH: Record<DemoLocale, LessonText[]> = {
  nl: [
    {
      title: 'Grens aangeven',
      goal: 'Je merkt wanneer iets over je grens gaat, en je geeft dat duidelijk aan met de WIsH-stappen.',
      learned: 'Als iets niet fijn is, mag je een grens aangeven. Dat doe je met de WIsH-stappen. We oefenden ze in tweetallen.',
      homeQuestion: 'Hoe merk jij dat iets over je grens gaat? Wat doe je dan?',
      homeActivity:
        'Laat je kind de WIsH-stappen voordoen zoals in de klas, en oefen ze samen. Gebruik thuis dezelfde woorden als op school.',
    },
    {
      title: 'Wie ben ik?',
      goal: 'Je weet wat je goed kunt en wat je nog wilt leren.',
      learned: 'Iedereen is ergens goed in. Ik ben goed in helpen en tekenen.',
      homeQuestion: 'Noem samen drie dingen waar je kind goed in is.',
      homeActivity: 'Schrijf of teken samen drie dingen waar je trots op bent en hang het op.',
    },
    {
      title: 'Lichaamstaal',
      goal: 'Je laat met je houding zien dat je zeker bent.',
      learned: 'Rechtop staan, schouders naar achteren en de ander aankijken: dan geloven ze je.',
      homeQuestion: 'Hoe zie je aan iemand dat die zich zeker voelt? En bang?',
      homeActivity: 'Doe samen een sterke en een bange houding na voor de spiegel. Wat is het verschil?',
    },
    {
      title: 'Voor jezelf opkomen',
      goal: 'Je komt op een rustige manier voor jezelf op.',
      learned: 'Je hoeft niet boos te worden om voor jezelf op te komen. Je kunt gewoon zeggen wat je wilt.',
      homeQuestion: 'Wanneer kwam jij deze week voor jezelf op?',
      homeActivity: 'Bestel of vraag deze week zelf iets: in de winkel, bij de bakker of in het café.',
    },
    {
      title: 'Gevoelens herkennen',
      goal: 'Je herkent gevoelens bij jezelf en bij een ander.',
      learned: 'Je voelt boosheid soms eerst in je buik. Dan kun je even diep ademhalen.',
      homeQuestion: 'Waar in je lijf voel jij het als je boos, bang of blij bent?',
      homeActivity: 'Kies elke avond samen één gevoel van die dag en vertel waar je het voelde.',
    },
    {
      title: 'Pesten',
      goal: 'Je weet het verschil tussen plagen en pesten, en bij wie je hulp kunt vragen.',
      learned: 'Plagen is samen lachen. Pesten is steeds dezelfde die verdrietig wordt. Dan vraag je hulp, bijvoorbeeld aan de juf.',
      homeQuestion: 'Wat kun je doen als je ziet dat iemand gepest wordt?',
      homeActivity: 'Maak samen een lijstje van mensen bij wie je kind hulp kan vragen, op school en buiten, en hang het op.',
    },
    {
      title: 'Plankje',
      goal: 'Je merkt dat je meer kunt dan je dacht.',
      learned: 'Eerst dacht ik dat het niet zou lukken. Toen lukte het toch! Ik kan meer dan ik dacht.',
      homeQuestion: 'Wat was spannend in de les Plankje, en hoe voelde het daarna?',
      homeActivity: 'Noem samen iets wat eerst spannend was en toen toch lukte. Vertel elkaar hoe dat voelde.',
    },
    {
      title: 'Samen weerbaar',
      goal: 'Je laat zien wat je bij WIsH hebt geleerd, aan je klas en aan je ouders.',
      learned: 'We lieten onze ouders zien wat we bij WIsH hebben geleerd. Ik was trots dat ik het durfde.',
      homeQuestion: 'Wat uit WIsH wil jij blijven gebruiken?',
      homeActivity: 'Kies samen één WIsH-stap die jullie thuis blijven gebruiken, en spreek af wanneer.',
    },
  ],
  en: [
    {
      title: 'Setting a boundary',
      goal: 'You notice when something crosses your boundary, and you make that clear with the WIsH steps.',
      learned: 'When something is not OK, you may set a boundary. You do that with the WIsH steps. We practised them in pairs.',
      homeQuestion: 'How do you notice that something crosses your boundary? What do you do then?',
      homeActivity:
        'Let your child show you the WIsH steps the way they did in class, and practise them together. Use the same words at home as at school.',
    },
    {
      title: 'Who am I?',
      goal: 'You know what you are good at and what you still want to learn.',
      learned: 'Everyone is good at something. I am good at helping and drawing.',
      homeQuestion: 'Name three things your child is good at, together.',
      homeActivity: 'Write or draw three things you are proud of together and put it up.',
    },
    {
      title: 'Body language',
      goal: 'You show with your posture that you are confident.',
      learned: 'Stand up straight, shoulders back and look at the other person: then they believe you.',
      homeQuestion: 'How can you tell someone feels confident? And scared?',
      homeActivity: 'Act out a strong and a scared posture together in front of the mirror. What is the difference?',
    },
    {
      title: 'Standing up for yourself',
      goal: 'You stand up for yourself in a calm way.',
      learned: 'You don’t have to get angry to stand up for yourself. You can just say what you want.',
      homeQuestion: 'When did you stand up for yourself this week?',
      homeActivity: 'This week, order or ask for something yourself: in a shop, at the bakery or at a café.',
    },
    {
      title: 'Recognising feelings',
      goal: 'You recognise feelings in yourself and in others.',
      learned: 'Sometimes you feel anger in your tummy first. Then you can take a deep breath.',
      homeQuestion: 'Where in your body do you feel it when you are angry, scared or happy?',
      homeActivity: 'Every evening, pick one feeling of the day together and tell where you felt it.',
    },
    {
      title: 'Bullying',
      goal: 'You know the difference between teasing and bullying, and who you can ask for help.',
      learned:
        'Teasing is laughing together. Bullying is when the same child gets sad again and again. Then you ask for help, for example from the teacher.',
      homeQuestion: 'What can you do when you see someone being bullied?',
      homeActivity: 'Make a list together of people your child can ask for help, at school and outside, and put it up.',
    },
    {
      title: 'Plankje',
      goal: 'You find out that you can do more than you thought.',
      learned: 'At first I thought I couldn’t do it. Then I did! I can do more than I thought.',
      homeQuestion: 'What was exciting in the Plankje lesson, and how did it feel afterwards?',
      homeActivity: 'Name something together that was scary at first and then worked out. Tell each other how that felt.',
    },
    {
      title: 'Resilient together (Samen weerbaar)',
      goal: 'You show what you learned in WIsH, to your class and to your parents.',
      learned: 'We showed our parents what we learned in WIsH. I was proud that I dared to.',
      homeQuestion: 'What from WIsH do you want to keep using?',
      homeActivity: 'Choose one WIsH step together to keep using at home, and agree when.',
    },
  ],
};

/** Kanjertraining lessons 1 and 2 of the library: every cap named with its strong side too. */
const KANJER: Record<DemoLocale, LessonText[]> = {
  nl: [
    {
      title: 'De vier petten',
      goal: 'Je kent de vier petten en je weet dat elke pet een sterke kant heeft.',
      learned:
        'Elke pet heeft een sterke kant. De pestvogel durft, de aap is vrolijk en het konijn luistert goed. Met de witte pet ben je jezelf: dat is een kanjer.',
      homeQuestion: 'Welke sterke kant van de petten herken jij bij jezelf?',
      homeActivity: 'Vertel elkaar over iemand die jullie een kanjer vinden, en waarom.',
    },
    {
      title: 'De pestvogel en de zwarte pet',
      goal: 'Je weet dat de pestvogel sterk is en initiatief neemt, en je merkt het als je de baas speelt.',
      learned:
        'De pestvogel is sterk en durft veel. Maar de baas spelen is niet fijn voor een ander. Met de witte pet luister je ook naar de ander.',
      homeQuestion: 'Wanneer nam jij deze week initiatief? Hoe luisterde je ook naar een ander?',
      homeActivity: 'Laat je kind deze week één keer kiezen wat jullie samen doen, en luister naar elkaar.',
    },
  ],
  en: [
    {
      title: 'The four caps',
      goal: 'You know the four caps, and that every cap has a strong side.',
      learned:
        'Every cap has a strong side. The bully bird is brave, the monkey is cheerful and the rabbit listens well. With the white cap you are yourself: that is a kanjer.',
      homeQuestion: 'Which strong side of the caps do you recognise in yourself?',
      homeActivity: 'Tell each other about someone you think is a kanjer, and why.',
    },
    {
      title: 'The bully bird and the black cap',
      goal: 'You know the bully bird is strong and takes initiative, and you notice when you act bossy.',
      learned: 'The bully bird is strong and brave. But being bossy is not nice for others. With the white cap you listen to others too.',
      homeQuestion: 'When did you take the initiative this week? How did you listen to others too?',
      homeActivity: 'Let your child choose once this week what you do together, and listen to each other.',
    },
  ],
};

const ANSWERS: Record<DemoLocale, string[]> = {
  nl: [
    'We hebben het aan tafel geoefend, ze vond het eerst spannend.',
    'Hij zei meteen drie dingen, en toen nog twee extra!',
    'Mooi gesprek gehad in de auto naar opa.',
    'We hebben allebei een compliment gegeven. Leuk!',
    'Ze wist precies hoe het moest, dat hadden we niet verwacht.',
    'Mijn zoon heeft het aan zijn kleine zusje uitgelegd.',
  ],
  en: [
    'We practised at dinner, she found it exciting at first.',
    'He named three things straight away, and then two more!',
    'We had a lovely talk in the car on the way to grandpa.',
    'We both gave a compliment. Fun!',
    'She knew exactly what to do, we didn’t expect that.',
    'My son explained it to his little sister.',
  ],
};

const DAY = 86_400_000;
/** The one school of the demo. */
export const SCHOOL_ID = 'school-regenboog';

export interface DemoOptions {
  locale: DemoLocale;
  seed: number;
  now: Date;
  /** When given, WIsH lesson 1 is a video with this source (https:, blob:, or loopback). */
  videoSrc?: string;
}

export function createDemoState({ locale, seed, now, videoSrc }: DemoOptions): DemoState {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();
  /** `daysAgo` counted in school days: what happens at school never falls on a Saturday or Sunday. */
  const atSchool = (daysAgo: number) => {
    const whole = Math.floor(daysAgo);
    const part = daysAgo - whole;
    return at(part + schoolDaysAgo(new Date(now.getTime() - part * DAY), whole + 1)[whole]!);
  };
  const familyName = (surname: string) => (locale === 'nl' ? `Familie ${surname}` : `The ${surname} family`);

  const wishFamilies: DemoFamily[] = SURNAMES.map((s, i) => ({ familyId: `fam-${String(i + 1).padStart(2, '0')}`, name: familyName(s) }));
  // Familie El Amrani lives at two addresses (issue 24): parent-5 at the first, parent-6 at the second.
  wishFamilies[2]!.households = [
    { householdId: 'fam-03-1', name: locale === 'nl' ? 'eerste adres' : 'first address' },
    { householdId: 'fam-03-2', name: locale === 'nl' ? 'tweede adres' : 'second address' },
  ];
  const kanjerFamilies: DemoFamily[] = SURNAMES.slice(0, 22).map((s, i) => ({ familyId: `kfam-${i + 1}`, name: familyName(s) }));

  const state: DemoState = {
    // Everyone signs in at one school, De Regenboog. Two families and a child login in groep 6,
    // the groep 6 teacher, a teacher of another class (groep 7), the care coordinator and the
    // school leader: every role and relation the policy (src/core/policy.ts) knows.
    viewers: [
      {
        id: 'parent-1',
        role: 'parent',
        familyId: 'fam-01',
        name: familyName('Jansen'),
        classIds: ['groep6-wish', 'groep5-kanjer'],
        childIds: ['child-1'],
        schoolId: SCHOOL_ID,
      },
      {
        id: 'parent-2',
        role: 'parent',
        familyId: 'fam-01',
        name: familyName('Jansen'),
        classIds: ['groep6-wish'],
        childIds: ['child-1'],
        schoolId: SCHOOL_ID,
      },
      {
        id: 'teacher-1',
        role: 'teacher',
        name: locale === 'nl' ? 'Juf Sanne' : 'Ms Sanne',
        classIds: ['groep6-wish', 'groep5-kanjer'],
        schoolId: SCHOOL_ID,
      },
      {
        id: 'parent-3',
        role: 'parent',
        familyId: 'fam-02',
        name: familyName('de Vries'),
        classIds: ['groep6-wish'],
        childIds: ['child-2'],
        schoolId: SCHOOL_ID,
      },
      {
        id: 'child-login-1',
        role: 'child',
        familyId: 'fam-01',
        name: 'Noor',
        classIds: ['groep6-wish'],
        childIds: ['child-1'],
        schoolId: SCHOOL_ID,
      },
      { id: 'teacher-2', role: 'teacher', name: locale === 'nl' ? 'Meester Bas' : 'Mr Bas', classIds: ['groep7-pbs'], schoolId: SCHOOL_ID },
      {
        id: 'parent-4',
        role: 'parent',
        familyId: 'g7fam-1',
        name: familyName('Bakker'),
        classIds: ['groep7-pbs'],
        childIds: ['g7child-1'],
        schoolId: SCHOOL_ID,
      },
      // Two households of one child (issue 24): each address answers and talks with the teacher on its own.
      {
        id: 'parent-5',
        role: 'parent',
        familyId: 'fam-03',
        householdId: 'fam-03-1',
        name: familyName('El Amrani'),
        classIds: ['groep6-wish'],
        childIds: ['child-3'],
        schoolId: SCHOOL_ID,
      },
      {
        id: 'parent-6',
        role: 'parent',
        familyId: 'fam-03',
        householdId: 'fam-03-2',
        name: familyName('El Amrani'),
        classIds: ['groep6-wish'],
        childIds: ['child-3'],
        schoolId: SCHOOL_ID,
      },
      {
        id: 'care-1',
        role: 'care-coordinator',
        name: locale === 'nl' ? 'IB’er Fatima' : 'Care coordinator Fatima',
        classIds: ['groep6-wish', 'groep5-kanjer', 'groep7-pbs'],
        schoolId: SCHOOL_ID,
      },
      {
        id: 'leader-1',
        role: 'school-leader',
        name: locale === 'nl' ? 'Directeur Peter' : 'Head teacher Peter',
        classIds: ['groep6-wish', 'groep5-kanjer', 'groep7-pbs'],
        schoolId: SCHOOL_ID,
      },
    ],
    clips: {},
    families: { 'groep6-wish': wishFamilies, 'groep5-kanjer': kanjerFamilies },
    answers: [],
    seen: [],
    reactions: {},
    replies: {},
    charts: {},
    posts: { 'host-post-1': { classId: 'groep6-wish' } },
    checkins: [],
    classes: {},
    matrices: {},
    successes: [],
    writes: {},
  };

  const classLabel = locale === 'nl' ? 'Groep 6' : 'Year 6 (groep 6)';
  // WIsH is taught with an external resilience specialist: the card says who gave the lesson too.
  const coTeacher = locale === 'nl' ? 'Ellen, weerbaarheidsspecialist' : 'Ellen, resilience specialist';
  WISH[locale].forEach((lesson, i) => {
    const clipId = `wish-${i + 1}`;
    const daysAgo = (8 - i) * 7 - 4;
    const media =
      i === 0 && videoSrc
        ? {
            kind: 'video',
            src: videoSrc,
            poster: 'illustration:wish-1',
            captions: [{ src: `captions:${locale}`, srclang: locale, label: locale === 'nl' ? 'Nederlands' : 'English', default: true }],
          }
        : {
            kind: 'photos',
            photos: [
              {
                src: `illustration:wish-${i + 1}-a`,
                alt: locale === 'nl' ? `Kinderen oefenen “${lesson.title}” in de kring` : `Children practise “${lesson.title}” in a circle`,
              },
              {
                src: `illustration:wish-${i + 1}-b`,
                alt: locale === 'nl' ? 'Twee kinderen doen een rollenspel' : 'Two children act out a role play',
              },
            ],
          };
    state.clips[clipId] = {
      id: clipId,
      programme: 'wish',
      lessonNumber: i + 1,
      ...lesson,
      media,
      postedAt: at(Math.max(daysAgo, 3)),
      classId: 'groep6-wish',
      classLabel,
      coTeacher,
      lang: locale,
    };
    seedReach(clipId, wishFamilies, i === 7 ? 0.4 : 0.75);
  });
  KANJER[locale].forEach((lesson, i) => {
    const clipId = `kanjer-${i + 1}`;
    state.clips[clipId] = {
      id: clipId,
      programme: 'kanjer',
      lessonNumber: i + 1,
      ...lesson,
      media: {
        kind: 'photos',
        photos: [
          {
            src: `illustration:kanjer-${i + 1}`,
            alt: locale === 'nl' ? 'Vier petten op tafel: wit, zwart, rood en geel' : 'Four caps on a table: white, black, red and yellow',
          },
        ],
      },
      postedAt: at(10 - i * 5),
      classId: 'groep5-kanjer',
      classLabel: locale === 'nl' ? 'Groep 5' : 'Year 5 (groep 5)',
      lang: locale,
      // Lesson 2: the host has no photo consent for this viewer, so the card shows text only.
      ...(i === 1 ? { mediaConsent: false } : {}),
    };
    seedReach(clipId, kanjerFamilies, 0.6);
  });

  // The demo parent (fam-01) starts with nothing done, so the demo shows the first-time path.
  function seedReach(clipId: string, families: DemoFamily[], reach: number) {
    for (const family of families.slice(1)) {
      if (random() > reach) continue;
      state.seen.push({ clipId, familyId: family.familyId });
      if (random() > 0.55) continue;
      const text = random() > 0.6 ? pick(ANSWERS[locale]) : undefined;
      state.answers.push({
        id: `seed-${clipId}-${family.familyId}`,
        clipId,
        familyId: family.familyId,
        familyName: family.name,
        kind: text ? 'text' : 'talked',
        ...(text ? { text } : {}),
        updatedAt: at(random() * 3),
      });
    }
  }

  // The class board (issue 24): every other written answer to lesson 2 may be shown to the class, without a name.
  state.answers
    .filter((a) => a.clipId === 'wish-2' && a.kind === 'text')
    .forEach((a, i) => {
      if (i % 2 === 0) a.shareWithClass = true;
    });

  // From lesson 4 on, what Familie El Amrani saw and answered was at the first address: the
  // second one is not reached yet (the teacher's list names it: "Familie El Amrani — tweede
  // adres"). Before, the seed does not say where: the whole family counts as reached.
  const atFirstAddress = (e: { clipId: string; familyId: string }) => e.familyId === 'fam-03' && /^wish-[4-8]$/.test(e.clipId);
  for (const entry of [...state.seen, ...state.answers]) if (atFirstAddress(entry)) entry.householdId = 'fam-03-1';

  // Reactions use their own random stream, so adding them leaves the seeded answers unchanged.
  const reactionRandom = prng(seed + 1);
  const seedReactions = (targetId: string, families: DemoFamily[], rates: Record<string, number>) => {
    const byReaction: Record<string, string[]> = {};
    for (const [reaction, rate] of Object.entries(rates)) {
      byReaction[reaction] = families
        .slice(1)
        .filter(() => reactionRandom() < rate)
        .map((f) => f.familyId);
    }
    state.reactions[targetId] = byReaction;
  };
  for (const clipId of Object.keys(state.clips)) {
    const families = clipId.startsWith('wish') ? wishFamilies : kanjerFamilies;
    seedReactions(clipId, families, { like: 0.35, heart: 0.15, clap: 0.1, 'practised-at-home': 0.12 });
  }
  seedReactions('host-post-1', wishFamilies, { like: 0.4, heart: 0.2, clap: 0.2, 'talked-at-home': 0.15 });
  state.replies['wish-2'] = [
    { id: 'reply-seed-1', familyId: 'fam-05', authorName: familyName('Visser'), text: ANSWERS[locale][3]!, createdAt: at(2) },
  ];

  const nl = locale === 'nl';
  state.charts['class-wish'] = {
    id: 'class-wish',
    kind: 'class',
    title: nl ? 'Rustig in de gang' : 'Calm in the corridor',
    goal: 50,
    reward: nl ? 'Extra gymles' : 'Extra gym class',
    focus: [
      { id: 'f1', text: nl ? 'Ik loop rustig in de gang' : 'I walk calmly in the corridor', pictogram: '🚶' },
      { id: 'f2', text: nl ? 'Ik gebruik de juiste stem' : 'I use the right voice', pictogram: '🤫' },
    ],
    awards: Array.from({ length: 31 }, (_, i) => ({
      id: `a${i}`,
      source: 'school' as const,
      expectationId: i % 3 ? 'f1' : 'f2',
      createdAt: atSchool(i / 3 + 0.1),
    })),
    earnedRewards: [{ reward: nl ? 'Buitenspeeldag' : 'Outdoor play day', earnedAt: at(30) }],
    lang: locale,
    classId: 'groep6-wish',
  };
  const stickerReasons = nl
    ? ['Zelf je jas opgehangen', 'Een klasgenoot geholpen', 'Rustig gewacht op je beurt', 'Zelf de tafel gedekt']
    : ['Hung up your coat yourself', 'Helped a classmate', 'Waited calmly for your turn', 'Set the table by yourself'];
  state.charts['personal-child-1'] = {
    id: 'personal-child-1',
    kind: 'personal',
    title: nl ? 'Ik wacht op mijn beurt' : 'I wait for my turn',
    goal: 10,
    reward: nl ? 'Samen een spelletje kiezen' : 'Choose a game together',
    childName: 'Noor',
    focus: [{ id: 'p1', text: nl ? 'Ik wacht rustig op mijn beurt' : 'I wait calmly for my turn' }],
    homeStickersEnabled: true,
    // What Noor may choose herself (issue 24): the words of her goal and the reward, from what Juf Sanne and her parents allow.
    choices: {
      words: [
        { id: 'w1', text: nl ? 'Ik wacht rustig op mijn beurt' : 'I wait calmly for my turn', picture: 'wait' },
        { id: 'w2', text: nl ? 'Ik haal diep adem als het lang duurt' : 'I take a deep breath when it takes long', picture: 'breathe' },
        {
          id: 'w3',
          text: nl ? 'Ik vraag het netjes als ik iets wil zeggen' : 'I ask nicely when I want to say something',
          picture: 'hand',
        },
      ],
      rewards: [
        { id: 'r1', text: nl ? 'Samen een spelletje kiezen' : 'Choose a game together', picture: 'game' },
        { id: 'r2', text: nl ? 'Een boek voorlezen met mama of papa' : 'A story read aloud with mum or dad', picture: 'book' },
        { id: 'r3', text: nl ? 'Een kwartier buiten spelen' : 'A quarter of an hour playing outside', picture: 'sun' },
      ],
    },
    lang: locale,
    classId: 'groep6-wish',
    childId: 'child-1',
    awards: Array.from({ length: 6 }, (_, i) => ({
      id: `s${i}`,
      source: i === 3 || i === 5 ? ('home' as const) : ('school' as const),
      reason: stickerReasons[i % stickerReasons.length]!,
      givenBy: i === 3 || i === 5 ? familyName('Jansen') : nl ? 'Juf Sanne' : 'Ms Sanne',
      createdAt: i === 3 || i === 5 ? at(6 - i) : atSchool(6 - i),
    })),
  };
  // Feelings: a fortnight for Noor (child-1) at home, and the class's check-ins at school on
  // the last school days, with one child (child-7) who felt very sad on 3 of the last 5 school days.
  const feelingRandom = prng(seed + 2);
  const names = [
    'Noor',
    'Daan',
    'Aya',
    'Emre',
    'Lotte',
    'Milan',
    'Sem',
    'Zoë',
    'Yusuf',
    'Julia',
    'Bram',
    'Fenna',
    'Adam',
    'Sara',
    'Finn',
    'Lina',
    'Mees',
    'Hira',
    'Jesse',
    'Olivia',
    'Ravi',
    'Tess',
    'Kacper',
    'Mila',
  ];
  const calm = ['happy', 'calm', 'proud', 'happy', 'tired', 'calm', 'nervous', 'happy'];
  const dayStart = new Date(now);
  dayStart.setHours(9, 0, 0, 0);
  const atDay = (daysAgo: number, hour: number) => new Date(dayStart.getTime() - daysAgo * DAY + (hour - 9) * 3_600_000).toISOString();
  for (let daysAgo = 0; daysAgo < 14; daysAgo++) {
    if (daysAgo % 5 === 2) continue; // a day without a check-in happens
    state.checkins.push({
      id: `checkin:child-1:home:seed-${daysAgo}`,
      childId: 'child-1',
      childName: 'Noor',
      feeling: calm[Math.floor(feelingRandom() * calm.length)]!,
      strength: 1 + Math.floor(feelingRandom() * 4),
      context: 'home',
      createdAt: atDay(daysAgo, 18),
    });
  }
  state.classes['groep6-wish'] = names.map((_, i) => `child-${i + 1}`);
  // Check-ins at school happen on school days only: the last 6 of them, today first if it is one.
  const schoolDays = schoolDaysAgo(dayStart, 6);
  names.slice(1).forEach((childName, i) => {
    const childId = `child-${i + 2}`;
    schoolDays.forEach((daysAgo, schoolDay) => {
      const signal = childId === 'child-7' && schoolDay < 4 && schoolDay !== 1;
      if (feelingRandom() < 0.25 && !signal) return;
      state.checkins.push({
        id: `checkin:${childId}:school:seed-${schoolDay}`,
        childId,
        childName,
        feeling: signal ? 'sad' : calm[Math.floor(feelingRandom() * calm.length)]!,
        strength: signal ? 5 : 1 + Math.floor(feelingRandom() * 4),
        context: 'school',
        createdAt: atDay(daysAgo, 9),
      });
    });
  });

  Object.assign(state.matrices, demoMatrices(locale));
  seedSecondClass(state, locale, at, atSchool);
  const successTexts = nl
    ? [
        'Hij liep rustig naar de auto toen ik “rustig lopen, net als in de gang” zei.',
        'Bij oma in de flat liepen ze samen zacht de trap af.',
        'In de supermarkt liep ze naast me in plaats van te rennen.',
      ]
    : [
        'He walked calmly to the car when I said “walk calmly, like in the corridor”.',
        'At grandma’s flat they walked down the stairs quietly together.',
        'In the supermarket she walked beside me instead of running.',
      ];
  state.successes = successTexts.map((text, i) => ({
    id: `success-seed-${i}`,
    matrixId: 'matrix-school',
    expectationId: 'exp-respect-corridor-1',
    text,
    createdAt: at([1, 3, 9][i]!),
    familyName: familyName(['Visser', 'De Boer', 'Yılmaz'][i]!),
    familyId: ['fam-06', 'fam-10', 'fam-04'][i]!,
  }));
  // The course around the lessons (issue 26), on its own random stream: the seeds above stay as they were.
  seedCourse(state, locale, now, prng(seed + 26), wishFamilies);
  // Evaluations of the WIsH run (issue 25), on a stream of their own too.
  seedEvaluations(state, locale, now, prng(seed + 25));
  return hardenState(state);
}

/**
 * How many days ago each of the last `n` school days (Monday to Friday) was, newest first,
 * counted from `from` in this device's zone: on a Sunday, [2, 3, 4, 5, 6, 9] for six.
 */
export function schoolDaysAgo(from: Date, n: number): number[] {
  const days: number[] = [];
  for (let ago = 0; days.length < n; ago++) {
    const weekday = new Date(from.getTime() - ago * DAY).getDay();
    if (weekday !== 0 && weekday !== 6) days.push(ago);
  }
  return days;
}

/** The school's PBS matrix (3 values × 5 locations, focus of the week) and family 1's home matrix. */
function demoMatrices(locale: DemoLocale): Record<string, StoredMatrix> {
  const nl = locale === 'nl';
  const w = (a: string, b: string) => (nl ? a : b);
  const values = [
    { id: 'safety', label: w('Veiligheid', 'Safety'), pictogram: '🛡️' },
    { id: 'respect', label: 'Respect', pictogram: '🤝' },
    { id: 'responsibility', label: w('Verantwoordelijkheid', 'Responsibility'), pictogram: '⭐' },
  ];
  const cell = (key: string, texts: string[]) =>
    [key, texts.map((text, i) => ({ id: `exp-${key.replace('/', '-')}-${i + 1}`, text }))] as const;
  const school: StoredMatrix = {
    id: 'matrix-school',
    kind: 'school',
    schoolId: SCHOOL_ID,
    version: 3,
    title: w('Onze afspraken op De Regenboog', 'Our agreements at De Regenboog'),
    lang: locale,
    values,
    locations: [
      { id: 'class', label: w('Klas', 'Classroom'), pictogram: '🏫' },
      { id: 'corridor', label: w('Gang', 'Corridor'), pictogram: '🚶' },
      { id: 'playground', label: w('Plein', 'Playground'), pictogram: '⚽' },
      { id: 'toilet', label: w('Toilet', 'Toilet'), pictogram: '🚻' },
      { id: 'gym', label: w('Gymzaal', 'Gym'), pictogram: '🤸' },
    ],
    cells: Object.fromEntries([
      cell('safety/class', [
        w('Ik blijf op mijn plek zitten', 'I stay in my seat'),
        w('Ik gebruik spullen waarvoor ze bedoeld zijn', 'I use things for what they are meant for'),
      ]),
      cell('safety/corridor', [w('Ik loop rustig in de school', 'I walk calmly in school')]),
      cell('safety/playground', [
        w('Ik speel op de afgesproken plekken', 'I play in the agreed places'),
        w('Ik haal de juf als iemand zich pijn doet', 'I get the teacher when someone is hurt'),
      ]),
      cell('safety/toilet', [w('Ik was mijn handen', 'I wash my hands')]),
      cell('safety/gym', [
        w('Ik luister naar het stopteken', 'I listen to the stop signal'),
        w('Ik draag gymschoenen', 'I wear gym shoes'),
      ]),
      cell('respect/class', [
        w('Ik steek mijn vinger op', 'I raise my hand'),
        w('Ik laat een ander uitpraten', 'I let others finish talking'),
      ]),
      cell('respect/corridor', [
        w('Ik gebruik een zachte stem', 'I use a quiet voice'),
        w('Ik houd de deur open voor een ander', 'I hold the door for others'),
      ]),
      cell('respect/playground', [w('Ik laat iedereen meedoen', 'I let everyone join in')]),
      cell('respect/toilet', [w('Ik klop op de deur', 'I knock on the door')]),
      cell('respect/gym', [w('Ik moedig anderen aan', 'I cheer others on')]),
      cell('responsibility/class', [w('Ik ruim mijn spullen op', 'I tidy up my things')]),
      cell('responsibility/corridor', [w('Ik hang mijn jas aan de kapstok', 'I hang my coat on the peg')]),
      cell('responsibility/playground', [w('Ik breng het speelgoed terug', 'I bring the toys back')]),
      cell('responsibility/toilet', [w('Ik laat het toilet netjes achter', 'I leave the toilet tidy')]),
      cell('responsibility/gym', [w('Ik help met opruimen', 'I help to tidy up')]),
    ]),
    focus: {
      valueId: 'respect',
      locationId: 'corridor',
      expectationId: 'exp-respect-corridor-1',
      why: w(
        'In de gang werken andere klassen. Met een zachte stem kan iedereen zich blijven concentreren.',
        'Other classes work along the corridor. A quiet voice lets everyone keep concentrating.',
      ),
      homeTip: w(
        'Oefen thuis de “gangstem”: fluister samen op de trap of in de gang van de flat.',
        'Practise the “corridor voice” at home: whisper together on the stairs or in the hallway.',
      ),
    },
  };
  const home: ExpectationMatrix = {
    // No `lang`: a home matrix is the family's own words, in whatever language they write them.
    id: 'matrix-home-fam-01',
    kind: 'home',
    version: 1,
    familyId: 'fam-01',
    title: w('Onze afspraken thuis', 'Our agreements at home'),
    values,
    locations: [
      { id: 'morning', label: w('Ochtend', 'Morning'), pictogram: '🌅' },
      { id: 'meals', label: w('Eten', 'Meals'), pictogram: '🍽️' },
      { id: 'play', label: w('Spelen', 'Play'), pictogram: '🧸' },
      { id: 'screen', label: w('Schermtijd', 'Screen time'), pictogram: '📱' },
      { id: 'bedtime', label: w('Bedtijd', 'Bedtime'), pictogram: '🌙' },
    ],
    // The teacher's suggested starting set: a few cells, the family fills in the rest.
    cells: Object.fromEntries([
      cell('respect/meals', [w('Ik blijf aan tafel tot iedereen klaar is', 'I stay at the table until everyone is done')]),
      cell('responsibility/morning', [w('Ik pak zelf mijn tas in', 'I pack my own bag')]),
      cell('safety/screen', [w('Ik vertel het als ik iets naars zie', 'I tell someone when I see something nasty')]),
    ]),
  };
  return { [school.id]: school, [home.id]: home };
}

/**
 * Groep 7 of the same school, taught by teacher-2, with one family signed in (parent-4): the
 * "other class" every policy test needs. Seeded last, from its own random stream, so the
 * groep 6 and groep 5 data above are the same as before it existed.
 */
function seedSecondClass(
  state: DemoState,
  locale: DemoLocale,
  at: (daysAgo: number) => string,
  atSchool: (daysAgo: number) => string,
): void {
  const nl = locale === 'nl';
  const random = prng(97);
  const families = ['Bakker', 'Smit', 'Mulder'].map((s, i) => ({
    familyId: `g7fam-${i + 1}`,
    name: nl ? `Familie ${s}` : `The ${s} family`,
  }));
  state.families['groep7-pbs'] = families;
  state.classes['groep7-pbs'] = families.map((_, i) => `g7child-${i + 1}`);
  state.clips['pbs-1'] = {
    id: 'pbs-1',
    programme: 'pbs',
    lessonNumber: 1,
    classId: 'groep7-pbs',
    classLabel: nl ? 'Groep 7' : 'Year 7 (groep 7)',
    lang: locale,
    title: nl ? 'Rustig in de gang' : 'Calm in the corridor',
    goal: nl ? 'Je loopt rustig in de gang, zodat iedereen kan werken.' : 'You walk calmly in the corridor, so everyone can work.',
    learned: nl
      ? 'We oefenden rustig lopen en een zachte stem in de gang.'
      : 'We practised walking calmly and a quiet voice in the corridor.',
    homeQuestion: nl ? 'Waar lopen jullie thuis ook rustig?' : 'Where do you walk calmly at home too?',
    media: {
      kind: 'photos',
      photos: [
        { src: 'illustration:wish-3-a', alt: nl ? 'Kinderen lopen rustig door de gang' : 'Children walk calmly along the corridor' },
      ],
    },
    postedAt: at(2),
  };
  state.seen.push({ clipId: 'pbs-1', familyId: 'g7fam-2' });
  state.answers.push({
    id: 'seed-pbs-1-g7fam-2',
    clipId: 'pbs-1',
    familyId: 'g7fam-2',
    familyName: families[1]!.name,
    kind: 'talked',
    updatedAt: at(1),
  });
  state.reactions['pbs-1'] = { like: ['g7fam-2'] };
  state.posts['g7-post-1'] = { classId: 'groep7-pbs' };
  state.charts['class-groep7'] = {
    id: 'class-groep7',
    kind: 'class',
    classId: 'groep7-pbs',
    title: nl ? 'Samen opruimen' : 'Tidying up together',
    goal: 20,
    reward: nl ? 'Spelletjesmiddag' : 'Games afternoon',
    focus: [{ id: 'g7f1', text: nl ? 'Ik ruim mijn plek op' : 'I tidy my place' }],
    awards: [{ id: 'g7a1', source: 'school', givenById: 'teacher-2', givenBy: nl ? 'Meester Bas' : 'Mr Bas', createdAt: atSchool(1) }],
    lang: locale,
  };
  state.charts['personal-g7child-1'] = {
    id: 'personal-g7child-1',
    kind: 'personal',
    classId: 'groep7-pbs',
    childId: 'g7child-1',
    title: nl ? 'Ik maak mijn werk af' : 'I finish my work',
    goal: 8,
    reward: nl ? 'Voorlezen op de bank' : 'Reading together on the sofa',
    childName: 'Ilse',
    homeStickersEnabled: true,
    focus: [{ id: 'g7p1', text: nl ? 'Ik maak mijn werk af' : 'I finish my work' }],
    awards: [],
    lang: locale,
  };
  ['Ilse', 'Tim', 'Nina'].forEach((childName, i) => {
    state.checkins.push({
      id: `checkin:g7child-${i + 1}:school:seed-0`,
      childId: `g7child-${i + 1}`,
      childName,
      feeling: ['happy', 'calm', 'proud'][Math.floor(random() * 3)]!,
      strength: 2 + i,
      context: 'school',
      createdAt: atSchool(0.2),
    });
  });
  state.matrices['matrix-home-g7fam-1'] = {
    id: 'matrix-home-g7fam-1',
    kind: 'home',
    version: 1,
    familyId: 'g7fam-1',
    title: nl ? 'Onze afspraken thuis' : 'Our agreements at home',
    values: [{ id: 'respect', label: 'Respect' }],
    locations: [{ id: 'meals', label: nl ? 'Eten' : 'Meals' }],
    cells: { 'respect/meals': [{ id: 'g7-exp-1', text: nl ? 'Ik laat een ander uitpraten' : 'I let others finish talking' }] },
  };
  state.matrices['matrix-school-other'] = {
    // Another school's matrix in the same store: "other school" for everyone here.
    id: 'matrix-school-other',
    kind: 'school',
    version: 1,
    schoolId: 'school-zonnebloem',
    title: nl ? 'Afspraken op De Zonnebloem' : 'Agreements at De Zonnebloem',
    values: [{ id: 'safety', label: nl ? 'Veiligheid' : 'Safety' }],
    locations: [{ id: 'class', label: nl ? 'Klas' : 'Classroom' }],
    cells: { 'safety/class': [{ id: 'zb-exp-1', text: nl ? 'Ik blijf op mijn plek' : 'I stay in my seat' }] },
  };
}

/**
 * The seeded school in the terms of the conformance kit's authorization suite
 * (`defineAuthorizationConformance`): class A is groep 6, class B groep 7; the tests and the
 * reference server's conformance run sign in as {@link DEMO_AUTHORIZATION_VIEWERS}.
 */
export const DEMO_AUTHORIZATION_FIXTURES = {
  classA: 'groep6-wish',
  classB: 'groep7-pbs',
  clipA: 'wish-2',
  clipB: 'pbs-1',
  classChartA: 'class-wish',
  classChartB: 'class-groep7',
  personalChartA: 'personal-child-1',
  personalChartB: 'personal-g7child-1',
  childA: 'child-1',
  childB: 'child-2',
  schoolMatrix: 'matrix-school',
  otherSchoolMatrix: 'matrix-school-other',
  homeMatrixA: 'matrix-home-fam-01',
  familyA: 'fam-01',
  familyB: 'fam-02',
  meetingA: 'wish-conversation',
  meetingB: 'pbs-evening',
  evaluationA: 'eval-wish-after',
  evaluationB: 'eval-pbs-after',
  evaluationRunA: 'wish-groep6',
  evaluationRunB: 'pbs-groep7',
} as const;

/** Who plays each part of the authorization suite in the seeded school (viewer ids). */
export const DEMO_AUTHORIZATION_VIEWERS = {
  parentA: 'parent-1',
  parentB: 'parent-3',
  childA: 'child-login-1',
  teacherA: 'teacher-1',
  teacherB: 'teacher-2',
  careCoordinator: 'care-1',
  schoolLeader: 'leader-1',
} as const;

/** Each part of {@link DEMO_AUTHORIZATION_VIEWERS} signed in by `signIn(viewerId)` (an adapter per person). */
export function demoAuthorizationViewers<T>(signIn: (viewerId: string) => T): Record<keyof typeof DEMO_AUTHORIZATION_VIEWERS, T> {
  const out = {} as Record<keyof typeof DEMO_AUTHORIZATION_VIEWERS, T>;
  for (const part of Object.keys(DEMO_AUTHORIZATION_VIEWERS) as (keyof typeof DEMO_AUTHORIZATION_VIEWERS)[]) {
    out[part] = signIn(DEMO_AUTHORIZATION_VIEWERS[part]);
  }
  return out;
}
