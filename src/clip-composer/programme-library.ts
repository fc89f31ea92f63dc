/**
 * The programme library: per programme and lesson, the goal, a "what we learned" starter, a
 * question for home and a small practice activity, in Dutch and English, so a teacher posts a
 * lesson clip in a minute. Pure data and functions (no DOM); a school adds or replaces lessons
 * with {@link extendLibrary}, and whatever it passes is checked, never trusted.
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

function lesson(programme: Programme, lessonNumber: number, nl: Texts, en: Texts): LessonTemplate {
  const pick = (i: number) => ({ nl: nl[i]!, en: en[i]! });
  return {
    id: `${programme}-${lessonNumber}`,
    programme,
    lessonNumber,
    title: pick(0),
    goal: pick(1),
    learned: pick(2),
    homeQuestion: pick(3),
    homeActivity: pick(4),
  };
}

/**
 * WIsH (Weerbaarheid In 's-Hertogenbosch, groep 6): eight lessons on self-image, boundaries,
 * body language, standing up for yourself, feelings, bullying, compliments and support.
 */
const WISH: LessonTemplate[] = [
  lesson('wish', 1,
    ['Wie ben ik?', 'Je weet wat je goed kunt en wat je nog wilt leren.', 'Vandaag leerden we dat iedereen ergens goed in is. Ik ben goed in …', 'Noem samen drie dingen waar je kind goed in is.', 'Schrijf of teken samen drie dingen waar je trots op bent en hang het op.'],
    ['Who am I?', 'You know what you are good at and what you still want to learn.', 'Today we learned that everyone is good at something. I am good at …', 'Name three things your child is good at, together.', 'Write or draw three things you are proud of together and put it up.']),
  lesson('wish', 2,
    ['Grenzen aangeven', 'Je zegt duidelijk “stop, hou op” als iets niet fijn is.', 'Vandaag leerden we hoe je “stop, hou op” zegt: je kijkt de ander aan en je praat met een rustige, sterke stem.', 'Wanneer zeg jij “stop, hou op”? Hoe voelt dat?', 'Oefen samen: zeg “stop, hou op” met een sterke stem, en een keer met een zachte. Wat werkt beter?'],
    ['Setting boundaries', 'You say clearly “stop, that’s enough” when something is not OK.', 'Today we learned how to say “stop, that’s enough”: you look at the other person and use a calm, strong voice.', 'When do you say “stop, that’s enough”? How does that feel?', 'Practise together: say “stop, that’s enough” in a strong voice, and once in a small voice. Which works better?']),
  lesson('wish', 3,
    ['Lichaamstaal', 'Je laat met je houding zien dat je zeker bent.', 'Vandaag leerden we dat je lichaam ook praat: rechtop staan, schouders naar achteren en de ander aankijken.', 'Hoe zie je aan iemand dat die zich zeker voelt? En bang?', 'Doe samen een sterke en een bange houding na voor de spiegel. Wat is het verschil?'],
    ['Body language', 'You show with your posture that you are confident.', 'Today we learned that your body talks too: stand up straight, shoulders back and look at the other person.', 'How can you tell someone feels confident? And scared?', 'Act out a strong and a scared posture together in front of the mirror. What is the difference?']),
  lesson('wish', 4,
    ['Voor jezelf opkomen', 'Je komt op een rustige manier voor jezelf op.', 'Vandaag leerden we dat je niet boos hoeft te worden om voor jezelf op te komen. Je zegt gewoon wat je wilt.', 'Wanneer kwam jij deze week voor jezelf op?', 'Bestel of vraag deze week zelf iets: in de winkel, bij de bakker of op het café.'],
    ['Standing up for yourself', 'You stand up for yourself in a calm way.', 'Today we learned that you don’t have to get angry to stand up for yourself. You just say what you want.', 'When did you stand up for yourself this week?', 'This week, order or ask for something yourself: in a shop, at the bakery or at a café.']),
  lesson('wish', 5,
    ['Gevoelens herkennen', 'Je herkent gevoelens bij jezelf en bij een ander.', 'Vandaag leerden we dat je een gevoel ook in je lijf voelt, bijvoorbeeld boosheid in je buik.', 'Waar in je lijf voel jij het als je boos, bang of blij bent?', 'Kies elke avond samen één gevoel van die dag en vertel waar je het voelde.'],
    ['Recognising feelings', 'You recognise feelings in yourself and in others.', 'Today we learned that you feel a feeling in your body too, like anger in your tummy.', 'Where in your body do you feel it when you are angry, scared or happy?', 'Every evening, pick one feeling of the day together and tell where you felt it.']),
  lesson('wish', 6,
    ['Pesten', 'Je weet het verschil tussen plagen en pesten en wat je kunt doen.', 'Vandaag leerden we het verschil: plagen is samen lachen, pesten is dat steeds dezelfde verdrietig wordt.', 'Wat kun je doen als je ziet dat iemand gepest wordt?', 'Bedenk samen wie je kind kan vragen om te helpen als het pesten ziet, op school en buiten.'],
    ['Bullying', 'You know the difference between teasing and bullying and what to do.', 'Today we learned the difference: teasing is laughing together, bullying is when the same child gets sad again and again.', 'What can you do when you see someone being bullied?', 'Think together about who your child can ask for help when they see bullying, at school and outside.']),
  lesson('wish', 7,
    ['Complimenten geven en krijgen', 'Je geeft een echt compliment en neemt er een aan.', 'Vandaag leerden we dat je een compliment aanneemt met “dank je wel”.', 'Welk compliment kreeg je laatst? Hoe voelde dat?', 'Geef elkaar deze week elke dag een compliment, ook aan jezelf.'],
    ['Giving and receiving compliments', 'You give a real compliment and accept one.', 'Today we learned that you accept a compliment with “thank you”.', 'What compliment did you get lately? How did it feel?', 'Give each other a compliment every day this week, and one to yourself.']),
  lesson('wish', 8,
    ['Samen sterk', 'Je weet bij wie je terecht kunt en je helpt een ander.', 'Vandaag leerden we dat je het niet alleen hoeft te doen. Samen ben je sterker.', 'Bij wie kan je kind terecht als het moeilijk is?', 'Maak samen een lijstje van mensen bij wie je kind terecht kan, en hang het op.'],
    ['Stronger together', 'You know who you can turn to and you help others.', 'Today we learned that you don’t have to do it alone. Together you are stronger.', 'Who can your child turn to when things are hard?', 'Make a list together of people your child can turn to, and put it up.']),
];

/** Kanjertraining: the four caps (tiger/white, bully bird/black, monkey/red, rabbit/yellow). */
const KANJER: LessonTemplate[] = [
  lesson('kanjer', 1,
    ['De vier petten', 'Je kent de tijger, de pestvogel, de aap en het konijn.', 'Vandaag leerden we over de vier petten. Met de witte pet van de tijger ben je jezelf en te vertrouwen.', 'Welke pet zet jij thuis weleens op? En welke wil je op?', 'Vertel elkaar bij het eten welke pet je vandaag op had.'],
    ['The four caps', 'You know the tiger, the bully bird, the monkey and the rabbit.', 'Today we learned about the four caps. With the tiger’s white cap you are yourself and someone to trust.', 'Which cap do you sometimes wear at home? And which one do you want to wear?', 'At dinner, tell each other which cap you wore today.']),
  lesson('kanjer', 2,
    ['De pestvogel en de zwarte pet', 'Je merkt het als je de baas speelt, en je kiest de witte pet.', 'Vandaag leerden we dat de pestvogel de baas speelt. Met de witte pet doe je normaal en luister je naar een ander.', 'Wanneer speel je weleens de baas? Wat kun je dan anders doen?', 'Laat je kind deze week één keer kiezen wat jullie samen doen, en luister naar elkaar.'],
    ['The bully bird and the black cap', 'You notice when you act bossy, and you choose the white cap.', 'Today we learned that the bully bird acts bossy. With the white cap you act normal and listen to others.', 'When do you sometimes act bossy? What can you do instead?', 'Let your child choose once this week what you do together, and listen to each other.']),
  lesson('kanjer', 3,
    ['De aap en de rode pet', 'Je lacht niet mee als een ander wordt uitgelachen.', 'Vandaag leerden we dat de aap grapjes maakt over anderen. Een kanjer lacht niet mee.', 'Wanneer is een grapje leuk, en wanneer niet meer?', 'Vertel elkaar een grapje waar iedereen om kan lachen.'],
    ['The monkey and the red cap', 'You don’t laugh along when someone is laughed at.', 'Today we learned that the monkey makes jokes about others. A kanjer does not laugh along.', 'When is a joke fun, and when not any more?', 'Tell each other a joke everyone can laugh at.']),
  lesson('kanjer', 4,
    ['Het konijn en de gele pet', 'Je durft te zeggen wat je denkt.', 'Vandaag leerden we dat het konijn bang is en niets durft te zeggen. Met de witte pet zeg je rustig wat je denkt.', 'Wat vind jij spannend om te zeggen? Wat helpt je dan?', 'Oefen samen iets spannends om te zeggen, zoals iets vragen aan de buren.'],
    ['The rabbit and the yellow cap', 'You dare to say what you think.', 'Today we learned that the rabbit is scared and doesn’t dare to speak. With the white cap you calmly say what you think.', 'What do you find scary to say? What helps you then?', 'Practise something exciting to say together, like asking the neighbours something.']),
];

/** PBS: teach an expectation of the school's matrix, then reinforce it (the 4:1 rule). */
const PBS: LessonTemplate[] = [
  lesson('pbs', 1,
    ['Veiligheid: ik loop rustig in de school', 'Je weet waarom we rustig lopen in de gang en je doet het.', 'Vandaag oefenden we rustig lopen in de gang. Dan botst niemand en kan iedereen werken.', 'Waar is rustig lopen thuis of op straat ook belangrijk?', 'Geef je kind een compliment als het rustig loopt, bijvoorbeeld in de winkel.'],
    ['Safety: I walk calmly in school', 'You know why we walk calmly in the corridor, and you do it.', 'Today we practised walking calmly in the corridor. Then nobody bumps into anyone and everyone can work.', 'Where is walking calmly important at home or outside too?', 'Give your child a compliment when they walk calmly, for example in a shop.']),
  lesson('pbs', 2,
    ['Respect: ik gebruik de juiste stem', 'Je kiest een stem die past bij de plek.', 'Vandaag leerden we welke stem past: een fluisterstem in de gang, een praatstem in de klas, een buitenstem op het plein.', 'Welke stem past bij het eten, en welke bij het voetballen?', 'Speel samen “welke stem?”: noem een plek en praat met de stem die erbij past.'],
    ['Respect: I use the right voice', 'You choose a voice that fits the place.', 'Today we learned which voice fits: a whisper in the corridor, a talking voice in class, an outside voice in the playground.', 'Which voice fits dinner, and which fits football?', 'Play “which voice?” together: name a place and talk in the voice that fits.']),
  lesson('pbs', 3,
    ['Verantwoordelijkheid: ik ruim op', 'Je laat alles opgeruimd achter.', 'Vandaag oefenden we opruimen: alles terug op zijn plek voor je weggaat.', 'Wat ruim jij thuis zelf op?', 'Kies samen één ding dat je kind deze week elke dag zelf opruimt, en geef er een compliment voor.'],
    ['Responsibility: I tidy up', 'You leave everything tidy.', 'Today we practised tidying up: everything back in its place before you leave.', 'What do you tidy up yourself at home?', 'Choose one thing together that your child tidies up every day this week, and give a compliment for it.']),
];

/** The library as shipped: WIsH lessons 1–8, Kanjertraining and PBS, in Dutch and English. */
export const DEFAULT_LIBRARY: readonly LessonTemplate[] = Object.freeze([...WISH, ...KANJER, ...PBS]);

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
      problems.push(...parsed.error.issues.map((issue) => ({ path: `${i}.${FIELDS.has(String(issue.path[0])) ? String(issue.path[0]) : '(root)'}`, message: issue.message })));
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
  for (const lesson of library) for (const key of Object.keys(lesson.title)) if (!seen.has(key.toLowerCase())) seen.set(key.toLowerCase(), key);
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
