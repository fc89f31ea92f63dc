/**
 * The programme library: per programme and lesson, the goal, a "what we learned" starter, a
 * question for home and a small practice activity, in Dutch and English, so a teacher posts a
 * lesson clip in a minute. Pure data and functions (no DOM); a school adds or replaces lessons
 * with {@link extendLibrary}, and whatever it passes is checked, never trusted.
 *
 * True to the programmes: what comes from a programme itself (a lesson's name in WIsH, the
 * strong side of each Kanjertraining cap) is marked `programme`; a starting text we wrote for
 * the teacher to adapt is marked `example`, and the composer says so beside it. What a
 * programme replaced is never taught here (test/content/programmes.test.ts keeps a list).
 * docs/programmes.md says, per programme, what comes from where.
 */
import * as z from 'zod/mini';
import type { SamenIssue } from '../core/errors.js';
import type { Programme } from '../core/schemas.js';

/** Languages the shipped library is written in; a school's own lessons may add any. */
export type LibraryLocale = 'nl' | 'en';

/** Texts per language, each at most `max` long: what the composer's field for it holds, so what it fills in can be published. */
const localizedUpTo = (max: number) =>
  z.record(z.string().check(z.regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i)), z.string().check(z.trim(), z.minLength(1), z.maxLength(max)));
const localized = localizedUpTo(1000);

/** The texts of a lesson the composer fills in. */
export const LESSON_TEXT_FIELDS = ['title', 'goal', 'learned', 'homeQuestion', 'homeActivity'] as const;
export type LessonTextField = (typeof LESSON_TEXT_FIELDS)[number];

/**
 * Where a text comes from: `programme`, the programme's own (WIsH's name for a lesson); or
 * `example`, a starting text of ours that the teacher adapts to the lesson as given.
 */
export const textSourceSchema = z.enum(['programme', 'example']);
export type TextSource = z.infer<typeof textSourceSchema>;

/** One lesson a teacher can pick. Texts are per language (`nl`, `en`, …). */
export const lessonTemplateSchema = z.object({
  /** Unique in the library, e.g. `wish-3`; a school's lesson with the same id replaces the shipped one. */
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,59}$/)),
  programme: z.enum(['wish', 'kanjer', 'pbs', 'custom']),
  /** Name of a school's own programme (`custom`), per language. */
  programmeLabel: z.optional(localizedUpTo(100)),
  lessonNumber: z.optional(z.int().check(z.positive(), z.lte(999))),
  title: localizedUpTo(200),
  goal: z.optional(localized),
  /** A starter for "what we learned", for the teacher to finish in the children's words. */
  learned: z.optional(localized),
  homeQuestion: z.optional(localized),
  /** A small, concrete thing to do at home. */
  homeActivity: z.optional(localized),
  /**
   * Where the lesson's texts come from. Absent: the school's own lesson (no note is shown).
   * `sources` overrides it per field: WIsH lesson 7's name is the programme's, its texts are examples.
   */
  source: z.optional(textSourceSchema),
  sources: z.optional(z.partialRecord(z.enum(LESSON_TEXT_FIELDS), textSourceSchema)),
  /** For the teacher only, never published: what the programme does around this lesson (parents invited, the evaluation). */
  note: z.optional(localized),
});
export type LessonTemplate = z.infer<typeof lessonTemplateSchema>;

/** The texts a lesson fills in, in one language. */
export interface LessonPrefill {
  title: string;
  goal: string;
  learned: string;
  homeQuestion: string;
  homeActivity: string;
  programmeLabel: string;
}

type Texts = [title: string, goal: string, learned: string, homeQuestion: string, homeActivity: string];

interface LessonOptions {
  /** Fields that are the programme's own; every other text is an example. */
  fromProgramme?: LessonTextField[];
  note?: { nl: string; en: string };
}

function lesson(programme: Programme, lessonNumber: number, nl: Texts, en: Texts, options: LessonOptions = {}): LessonTemplate {
  const pick = (i: number) => ({ nl: nl[i]!, en: en[i]! });
  const fromProgramme = options.fromProgramme ?? [];
  return {
    id: `${programme}-${lessonNumber}`,
    programme,
    lessonNumber,
    title: pick(0),
    goal: pick(1),
    learned: pick(2),
    homeQuestion: pick(3),
    homeActivity: pick(4),
    source: 'example',
    ...(fromProgramme.length ? { sources: Object.fromEntries(fromProgramme.map((field) => [field, 'programme' as const])) } : {}),
    ...(options.note ? { note: { ...options.note } } : {}),
  };
}

/**
 * WIsH (Weerbaarheid In 's-Hertogenbosch, groep 6): eight practice lessons, given to girls and
 * boys separately, each by a trainer of their own sex with an external resilience specialist.
 * From the programme (the school study): lesson 1 "Grens aangeven", lesson 7 "Plankje" and the
 * last lesson "Samen weerbaar" (the "examenles", which parents attend). Lessons 2–6 follow the
 * programme's themes (self-image, body language, standing up for yourself, feelings, bullying)
 * but their names and order are examples. Boundaries are set with the WIsH steps: the school
 * replaced the old phrase with them school-wide, so no text here teaches another phrase.
 */
const WISH: LessonTemplate[] = [
  lesson(
    'wish',
    1,
    [
      'Grens aangeven',
      'Je merkt wanneer iets over je grens gaat, en je geeft dat duidelijk aan met de WIsH-stappen.',
      'Vandaag leerden we hoe je een grens aangeeft met de WIsH-stappen. Zo gaat het: …',
      'Hoe merk jij dat iets over je grens gaat? Wat doe je dan?',
      'Laat je kind de WIsH-stappen voordoen zoals in de klas, en oefen ze samen. Gebruik thuis dezelfde woorden als op school.',
    ],
    [
      'Setting a boundary',
      'You notice when something crosses your boundary, and you make that clear with the WIsH steps.',
      'Today we learned how to set a boundary with the WIsH steps. This is how: …',
      'How do you notice that something crosses your boundary? What do you do then?',
      'Let your child show you the WIsH steps the way they did in class, and practise them together. Use the same words at home as at school.',
    ],
    {
      fromProgramme: ['title'],
      note: {
        nl: 'Vóór de training zijn ouders uitgenodigd voor een interactieve informatieavond, waar ze de vaardigheden zelf oefenen. Het werkblad van de les gaat mee naar huis.',
        en: 'Before the training, parents are invited to an interactive information evening where they practise the skills themselves. The lesson’s worksheet goes home.',
      },
    },
  ),
  lesson(
    'wish',
    2,
    [
      'Wie ben ik?',
      'Je weet wat je goed kunt en wat je nog wilt leren.',
      'Vandaag leerden we dat iedereen ergens goed in is. Ik ben goed in …',
      'Noem samen drie dingen waar je kind goed in is.',
      'Schrijf of teken samen drie dingen waar je trots op bent en hang het op.',
    ],
    [
      'Who am I?',
      'You know what you are good at and what you still want to learn.',
      'Today we learned that everyone is good at something. I am good at …',
      'Name three things your child is good at, together.',
      'Write or draw three things you are proud of together and put it up.',
    ],
  ),
  lesson(
    'wish',
    3,
    [
      'Lichaamstaal',
      'Je laat met je houding zien dat je zeker bent.',
      'Vandaag leerden we dat je lichaam ook praat: rechtop staan, schouders naar achteren en de ander aankijken.',
      'Hoe zie je aan iemand dat die zich zeker voelt? En bang?',
      'Doe samen een sterke en een bange houding na voor de spiegel. Wat is het verschil?',
    ],
    [
      'Body language',
      'You show with your posture that you are confident.',
      'Today we learned that your body talks too: stand up straight, shoulders back and look at the other person.',
      'How can you tell someone feels confident? And scared?',
      'Act out a strong and a scared posture together in front of the mirror. What is the difference?',
    ],
  ),
  lesson(
    'wish',
    4,
    [
      'Voor jezelf opkomen',
      'Je komt op een rustige manier voor jezelf op.',
      'Vandaag leerden we dat je niet boos hoeft te worden om voor jezelf op te komen. Je zegt gewoon wat je wilt.',
      'Wanneer kwam jij deze week voor jezelf op?',
      'Bestel of vraag deze week zelf iets: in de winkel, bij de bakker of in het café.',
    ],
    [
      'Standing up for yourself',
      'You stand up for yourself in a calm way.',
      'Today we learned that you don’t have to get angry to stand up for yourself. You just say what you want.',
      'When did you stand up for yourself this week?',
      'This week, order or ask for something yourself: in a shop, at the bakery or at a café.',
    ],
  ),
  lesson(
    'wish',
    5,
    [
      'Gevoelens herkennen',
      'Je herkent gevoelens bij jezelf en bij een ander.',
      'Vandaag leerden we dat je een gevoel ook in je lijf voelt, bijvoorbeeld boosheid in je buik.',
      'Waar in je lijf voel jij het als je boos, bang of blij bent?',
      'Kies elke avond samen één gevoel van die dag en vertel waar je het voelde.',
    ],
    [
      'Recognising feelings',
      'You recognise feelings in yourself and in others.',
      'Today we learned that you feel a feeling in your body too, like anger in your tummy.',
      'Where in your body do you feel it when you are angry, scared or happy?',
      'Every evening, pick one feeling of the day together and tell where you felt it.',
    ],
  ),
  lesson(
    'wish',
    6,
    [
      'Pesten',
      'Je weet het verschil tussen plagen en pesten, en bij wie je hulp kunt vragen.',
      'Vandaag leerden we het verschil: plagen is samen lachen, pesten is dat steeds dezelfde verdrietig wordt. Je hoeft het niet alleen op te lossen.',
      'Wat kun je doen als je ziet dat iemand gepest wordt?',
      'Maak samen een lijstje van mensen bij wie je kind hulp kan vragen, op school en buiten, en hang het op.',
    ],
    [
      'Bullying',
      'You know the difference between teasing and bullying, and who you can ask for help.',
      'Today we learned the difference: teasing is laughing together, bullying is when the same child gets sad again and again. You don’t have to solve it alone.',
      'What can you do when you see someone being bullied?',
      'Make a list together of people your child can ask for help, at school and outside, and put it up.',
    ],
  ),
  lesson(
    'wish',
    7,
    [
      'Plankje',
      'Je merkt dat je meer kunt dan je dacht.',
      'Vandaag hadden we de les Plankje. Ik voelde …',
      'Wat was spannend in de les Plankje, en hoe voelde het daarna?',
      'Noem samen iets wat eerst spannend was en toen toch lukte. Vertel elkaar hoe dat voelde.',
    ],
    [
      'Plankje',
      'You find out that you can do more than you thought.',
      'Today we had the Plankje lesson. I felt …',
      'What was exciting in the Plankje lesson, and how did it feel afterwards?',
      'Name something together that was scary at first and then worked out. Tell each other how that felt.',
    ],
    { fromProgramme: ['title'] },
  ),
  lesson(
    'wish',
    8,
    [
      'Samen weerbaar',
      'Je laat zien wat je bij WIsH hebt geleerd, aan je klas en aan je ouders.',
      'Vandaag was de laatste les, Samen weerbaar. We lieten zien wat we hebben geleerd. Ik was trots op …',
      'Wat uit WIsH wil jij blijven gebruiken?',
      'Kies samen één WIsH-stap die jullie thuis blijven gebruiken, en spreek af wanneer.',
    ],
    [
      'Resilient together (Samen weerbaar)',
      'You show what you learned in WIsH, to your class and to your parents.',
      'Today was the last lesson, Samen weerbaar. We showed what we have learned. I was proud of …',
      'What from WIsH do you want to keep using?',
      'Choose one WIsH step together to keep using at home, and agree when.',
    ],
    {
      fromProgramme: ['title'],
      note: {
        nl: 'De examenles: ouders komen kijken, nodig ze uit. Na de training gaat een evaluatieformulier naar leerkrachten, trainer, leerlingen en ouders; herhalingslessen in latere jaren houden WIsH levend.',
        en: 'The “examenles”: parents come to watch, so invite them. After the training an evaluation form goes to teachers, the trainer, pupils and parents; repeat lessons in later years keep WIsH alive.',
      },
    },
  ),
];

/**
 * Kanjertraining: the four caps. Every cap has a strong side the training names, and a text
 * that describes a cap names both sides (test/content/programmes.test.ts checks it): the tiger
 * (white cap) is yourself and trustworthy; the pestvogel (black) takes initiative, is strong and
 * brave, and can act bossy; the aap (red) has humour, is cheerful and optimistic, and can laugh
 * at others; the konijn (yellow) is friendly, modest, listens well and is empathic, and can be
 * too anxious to speak. The lessons' names and numbers are examples: schools follow their own
 * Kanjertraining lesson plan. Home activities never ask families to label each other with a cap.
 */
const KANJER: LessonTemplate[] = [
  lesson(
    'kanjer',
    1,
    [
      'De vier petten',
      'Je kent de vier petten en je weet dat elke pet een sterke kant heeft.',
      'Vandaag leerden we over de vier petten. De tijger met de witte pet is zichzelf en te vertrouwen. De pestvogel durft en neemt initiatief, de aap heeft humor en is vrolijk, het konijn is vriendelijk en luistert goed. Ik …',
      'Welke sterke kant van de petten herken jij bij jezelf?',
      'Vertel elkaar over iemand die jullie een kanjer vinden, en waarom.',
    ],
    [
      'The four caps',
      'You know the four caps, and that every cap has a strong side.',
      'Today we learned about the four caps. The tiger with the white cap is themselves and someone to trust. The bully bird is brave and takes initiative, the monkey has humour and is cheerful, the rabbit is friendly and listens well. I …',
      'Which strong side of the caps do you recognise in yourself?',
      'Tell each other about someone you think is a kanjer, and why.',
    ],
  ),
  lesson(
    'kanjer',
    2,
    [
      'De pestvogel en de zwarte pet',
      'Je weet dat de pestvogel sterk is en initiatief neemt, en je merkt het als je de baas speelt.',
      'Vandaag leerden we dat de pestvogel sterk is, durft en initiatief neemt, maar soms de baas speelt. Met de witte pet gebruik je je kracht en luister je ook naar een ander.',
      'Wanneer nam jij deze week initiatief? Hoe luisterde je ook naar een ander?',
      'Laat je kind deze week één keer kiezen wat jullie samen doen, en luister naar elkaar.',
    ],
    [
      'The bully bird and the black cap',
      'You know the bully bird is strong and takes initiative, and you notice when you act bossy.',
      'Today we learned that the bully bird is strong, brave and takes initiative, but sometimes acts bossy. With the white cap you use your strength and listen to others too.',
      'When did you take the initiative this week? How did you listen to others too?',
      'Let your child choose once this week what you do together, and listen to each other.',
    ],
  ),
  lesson(
    'kanjer',
    3,
    [
      'De aap en de rode pet',
      'Je weet dat humor een sterke kant is, en je lacht niet mee als een ander wordt uitgelachen.',
      'Vandaag leerden we dat de aap humor heeft, vrolijk en optimistisch is, maar soms grapjes maakt over anderen. Een kanjer maakt grapjes waar iedereen om kan lachen.',
      'Wanneer is een grapje leuk, en wanneer niet meer?',
      'Vertel elkaar een grapje waar iedereen om kan lachen.',
    ],
    [
      'The monkey and the red cap',
      'You know humour is a strong side, and you don’t laugh along when someone is laughed at.',
      'Today we learned that the monkey has humour, is cheerful and optimistic, but sometimes makes jokes about others. A kanjer makes jokes everyone can laugh at.',
      'When is a joke fun, and when not any more?',
      'Tell each other a joke everyone can laugh at.',
    ],
  ),
  lesson(
    'kanjer',
    4,
    [
      'Het konijn en de gele pet',
      'Je weet dat vriendelijk zijn en goed luisteren sterke kanten zijn, en je durft te zeggen wat je denkt.',
      'Vandaag leerden we dat het konijn vriendelijk en bescheiden is, goed luistert en meeleeft, maar soms niets durft te zeggen. Met de witte pet zeg je rustig wat je denkt.',
      'Wat vind jij spannend om te zeggen? Wat helpt je dan?',
      'Oefen samen iets spannends om te zeggen, zoals iets vragen aan de buren.',
    ],
    [
      'The rabbit and the yellow cap',
      'You know that being friendly and listening well are strong sides, and you dare to say what you think.',
      'Today we learned that the rabbit is friendly and modest, listens well and feels with others, but sometimes doesn’t dare to speak. With the white cap you calmly say what you think.',
      'What do you find scary to say? What helps you then?',
      'Practise something exciting to say together, like asking the neighbours something.',
    ],
  ),
];

/**
 * PBS: teach an expectation of the school's behaviour matrix, then reinforce it (tokens toward a
 * group reward, compliments, the 4:1 rule). The expectations are the "ik"-form ones the school
 * study quotes; PBS has no fixed lessons, so every text here is an example for the school's own matrix.
 */
const PBS: LessonTemplate[] = [
  lesson(
    'pbs',
    1,
    [
      'Veiligheid: ik loop rustig in de school',
      'Je weet waarom we rustig lopen in de gang en je doet het.',
      'Vandaag oefenden we rustig lopen in de gang. Dan botst niemand en kan iedereen werken.',
      'Waar is rustig lopen thuis of op straat ook belangrijk?',
      'Geef je kind een compliment als het rustig loopt, bijvoorbeeld in de winkel.',
    ],
    [
      'Safety: I walk calmly in school',
      'You know why we walk calmly in the corridor, and you do it.',
      'Today we practised walking calmly in the corridor. Then nobody bumps into anyone and everyone can work.',
      'Where is walking calmly important at home or outside too?',
      'Give your child a compliment when they walk calmly, for example in a shop.',
    ],
  ),
  lesson(
    'pbs',
    2,
    [
      'Respect: ik gebruik de juiste stem',
      'Je kiest een stem die past bij de plek.',
      'Vandaag leerden we welke stem past: een fluisterstem in de gang, een praatstem in de klas, een buitenstem op het plein.',
      'Welke stem past bij het eten, en welke bij het voetballen?',
      'Speel samen “welke stem?”: noem een plek en praat met de stem die erbij past.',
    ],
    [
      'Respect: I use the right voice',
      'You choose a voice that fits the place.',
      'Today we learned which voice fits: a whisper in the corridor, a talking voice in class, an outside voice in the playground.',
      'Which voice fits dinner, and which fits football?',
      'Play “which voice?” together: name a place and talk in the voice that fits.',
    ],
  ),
  lesson(
    'pbs',
    3,
    [
      'Verantwoordelijkheid: ik laat alles opgeruimd achter',
      'Je ruimt je spullen op voor je weggaat, zodat de volgende een nette plek vindt.',
      'Vandaag oefenden we opruimen: alles terug op zijn plek voor je weggaat.',
      'Wat ruim jij thuis zelf op?',
      'Kies samen één ding dat je kind deze week elke dag zelf opruimt, en geef er een compliment voor.',
    ],
    [
      'Responsibility: I leave everything tidy',
      'You tidy your things before you leave, so the next person finds a tidy place.',
      'Today we practised tidying up: everything back in its place before you leave.',
      'What do you tidy up yourself at home?',
      'Choose one thing together that your child tidies up every day this week, and give a compliment for it.',
    ],
  ),
];

/** The library as shipped: WIsH lessons 1–8, Kanjertraining and PBS, in Dutch and English. */
export const DEFAULT_LIBRARY: readonly LessonTemplate[] = Object.freeze([...WISH, ...KANJER, ...PBS]);

/**
 * How each programme runs around its lessons, for the teacher (shown beside the programme in the
 * composer, never published). All of it is the programme's own, as the school studies describe it.
 */
export const PROGRAMME_COURSE: Readonly<Partial<Record<Programme, Readonly<Record<LibraryLocale, readonly string[]>>>>> = Object.freeze({
  wish: {
    nl: [
      'Meisjes en jongens krijgen WIsH apart, elk van een trainer van hun eigen geslacht samen met een weerbaarheidsspecialist. Plaats de les per groep en noem wie hem mee gaf.',
      'Vóór de training: een interactieve informatieavond voor ouders.',
      'Bij de lessen: de werkbladen gaan mee naar huis.',
      'Laatste les: Samen weerbaar, de examenles, waar ouders bij zijn.',
      'Na de training: een evaluatie voor leerkrachten, trainer, leerlingen en ouders. In latere jaren: herhalingslessen.',
    ],
    en: [
      'Girls and boys are taught WIsH separately, each by a trainer of their own sex together with a resilience specialist. Post the lesson per group and name who taught it with you.',
      'Before the training: an interactive information evening for parents.',
      'With the lessons: the worksheets go home.',
      'Last lesson: Samen weerbaar (resilient together), the “examenles”, which parents attend.',
      'After the training: an evaluation for teachers, the trainer, pupils and parents. In later years: repeat lessons.',
    ],
  },
  kanjer: {
    nl: [
      'Elke pet heeft ook een sterke kant. Tijger (witte pet): jezelf, te vertrouwen. Pestvogel (zwarte pet): neemt initiatief, sterk, durft. Aap (rode pet): humor, vrolijk, optimistisch. Konijn (gele pet): vriendelijk, bescheiden, luistert goed, leeft mee.',
      'Noem bij een pet altijd beide kanten, en laat gezinnen elkaar geen pet opplakken.',
    ],
    en: [
      'Every cap has a strong side too. Tiger (white cap): yourself, trustworthy. Bully bird (black cap): takes initiative, strong, brave. Monkey (red cap): humour, cheerful, optimistic. Rabbit (yellow cap): friendly, modest, listens well, empathic.',
      'Always name both sides of a cap, and don’t ask families to pin a cap on each other.',
    ],
  },
  pbs: {
    nl: [
      'Leer één of twee verwachtingen uit de gedragsmatrix tegelijk aan en bekrachtig ze: muntjes voor de klas op weg naar een groepsbeloning, vier complimenten per correctie.',
    ],
    en: [
      'Teach one or two expectations of the behaviour matrix at a time and reinforce them: tokens for the class toward a group reward, four compliments per correction.',
    ],
  },
});

/**
 * How `programme` runs around its lessons in `locale`'s language, else English (`lang` says
 * which), or no items for a school's own programme.
 */
export function courseOf(programme: Programme, locale: string): { lang: LibraryLocale; items: readonly string[] } {
  const course = PROGRAMME_COURSE[programme];
  const lang: LibraryLocale = locale.toLowerCase().split('-')[0] === 'nl' ? 'nl' : 'en';
  return { lang, items: course ? course[lang] : [] };
}

/** Where a lesson's `field` comes from, or `undefined` for a school's own text. */
export function sourceOf(lesson: LessonTemplate, field: LessonTextField): TextSource | undefined {
  return lesson.sources?.[field] ?? lesson.source;
}

const FIELDS = new Set(Object.keys(lessonTemplateSchema.shape));

export interface ParsedLibrary {
  lessons: LessonTemplate[];
  /** Entries that were left out, by index and field; values are never included. */
  problems: SamenIssue[];
}

/**
 * Checks a list of lessons entry by entry: a bad entry is left out and reported, the rest
 * is kept, so one typo in a school's lesson doesn't take the whole library down.
 */
export function parseLibrary(raw: unknown): ParsedLibrary {
  if (!Array.isArray(raw)) return { lessons: [], problems: [{ path: '(root)', message: 'expected a list of lessons' }] };
  const lessons: LessonTemplate[] = [];
  const problems: SamenIssue[] = [];
  const seen = new Set<string>();
  raw.forEach((entry, i) => {
    const parsed = z.safeParse(lessonTemplateSchema, entry);
    if (!parsed.success) {
      // The path names the entry and its field, never deeper: a language key below is the school's own text.
      problems.push(
        ...parsed.error.issues.map((issue) => ({
          path: `${i}.${FIELDS.has(String(issue.path[0])) ? String(issue.path[0]) : '(root)'}`,
          message: issue.message,
        })),
      );
    } else if (seen.has(parsed.data.id)) {
      problems.push({ path: `${i}.id`, message: 'duplicate id' });
    } else {
      seen.add(parsed.data.id);
      lessons.push(parsed.data);
    }
  });
  return { lessons, problems };
}

/**
 * The library with a school's own lessons added: an entry whose id is already there replaces
 * it (a school rewords WIsH lesson 3), a new id is added (its own programme, as `custom`).
 */
export function extendLibrary(base: readonly LessonTemplate[], extra: unknown): ParsedLibrary {
  const { lessons, problems } = parseLibrary(extra);
  const byId = new Map(base.map((l) => [l.id, l]));
  for (const l of lessons) byId.set(l.id, l);
  return { lessons: [...byId.values()], problems };
}

/** The lessons of one programme, in lesson order (lessons without a number last, by title). */
export function lessonsOf(library: readonly LessonTemplate[], programme: Programme): LessonTemplate[] {
  return library
    .filter((l) => l.programme === programme)
    .sort((a, b) => (a.lessonNumber ?? 1000) - (b.lessonNumber ?? 1000) || a.id.localeCompare(b.id));
}

/** A text in `locale`, else its language (`nl-BE` → `nl`), else English, else Dutch, else any. */
export function pickText(texts: Record<string, string> | undefined, locale: string): string {
  const key = pickLanguage(texts, locale);
  return key ? texts![key]! : '';
}

/** The language {@link pickText} takes the text in: the key it uses, or `undefined` for no text. */
export function pickLanguage(texts: Record<string, string> | undefined, locale: string): string | undefined {
  if (!texts) return undefined;
  const code = locale.toLowerCase();
  const language = code.split('-')[0]!;
  const keys = Object.keys(texts);
  const find = (wanted: string) => keys.find((k) => k.toLowerCase() === wanted);
  return find(code) ?? find(language) ?? find('en') ?? find('nl') ?? keys[0];
}

/** The languages a library's lessons have titles in, as written (`nl`, `en`, a school's `fy`…), in first-seen order. */
export function libraryLanguages(library: readonly LessonTemplate[]): string[] {
  const seen = new Map<string, string>();
  for (const lesson of library)
    for (const key of Object.keys(lesson.title)) if (!seen.has(key.toLowerCase())) seen.set(key.toLowerCase(), key);
  return [...seen.values()];
}

/** What choosing `lesson` fills in, in `locale`. */
export function prefillFor(lesson: LessonTemplate, locale: string): LessonPrefill {
  return {
    title: pickText(lesson.title, locale),
    goal: pickText(lesson.goal, locale),
    learned: pickText(lesson.learned, locale),
    homeQuestion: pickText(lesson.homeQuestion, locale),
    homeActivity: pickText(lesson.homeActivity, locale),
    programmeLabel: pickText(lesson.programmeLabel, locale),
  };
}
