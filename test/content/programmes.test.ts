/**
 * True to the programmes (issue 18): schools judge Samen in the first minute by whether it
 * knows their programme. Every text Samen ships — the composer's programme library in every
 * language, the demo data in Dutch and English, the composer's and the widgets' translation
 * tables, the demo captions — is checked here against each programme's "never" list: what the
 * programme replaced or warns against. A built-in lesson also has what a teacher needs (goal,
 * a "what we learned" starter, a home question, a practice activity) in Dutch and English, says
 * where its texts come from, and the demo posts exactly the library's lessons. Sources and the
 * reasons per phrase: docs/programmes.md.
 */
import { expect } from '@open-wc/testing';
import { createDemoState, type DemoLocale } from '../../src/adapters/demo-data.js';
import { demoMedia } from '../../src/adapters/illustrations.js';
import { ar as composerAr } from '../../src/clip-composer/locales/ar.js';
import { en as composerEn } from '../../src/clip-composer/locales/en.js';
import { nl as composerNl } from '../../src/clip-composer/locales/nl.js';
import { pl as composerPl } from '../../src/clip-composer/locales/pl.js';
import { tr as composerTr } from '../../src/clip-composer/locales/tr.js';
import { uk as composerUk } from '../../src/clip-composer/locales/uk.js';
import {
  DEFAULT_LIBRARY,
  LESSON_TEXT_FIELDS,
  lessonsOf,
  pickText,
  PROGRAMME_COURSE,
  sourceOf,
  type LessonTemplate,
} from '../../src/clip-composer/programme-library.js';
import { ar } from '../../src/core/locales/ar.js';
import { en } from '../../src/core/locales/en.js';
import { nl } from '../../src/core/locales/nl.js';
import { pl } from '../../src/core/locales/pl.js';
import { tr } from '../../src/core/locales/tr.js';
import { uk } from '../../src/core/locales/uk.js';
import type { FeelingDefinition } from '../../src/feelings-checkin/schemas.js';
// The programme introduction's starting texts (issue 26): what each programme is, what we ask at home, the caps.
import { ar as introAr } from '../../src/programme-intro/locales/ar.js';
import { en as introEn } from '../../src/programme-intro/locales/en.js';
import { nl as introNl } from '../../src/programme-intro/locales/nl.js';
import { pl as introPl } from '../../src/programme-intro/locales/pl.js';
import { tr as introTr } from '../../src/programme-intro/locales/tr.js';
import { uk as introUk } from '../../src/programme-intro/locales/uk.js';
import type { LessonClip } from '../../src/lesson-clip/schemas.js';
import { CustomFeelings } from '../../stories/feelings-checkin.stories.js';

/** What a programme replaced or warns against, in any language Samen ships or may ship. */
export const NEVER = {
  wish: {
    why: 'The WIsH school replaced “stop, hou op” with the WIsH steps, school-wide, because the phrase confused children.',
    phrases: [
      /stop[\s,.!–—-]*hou\s*(er\s*)?(mee\s*)?op/i,
      /stop[\s,.!–—-]*(dat is|het is)?\s*genoeg/i,
      /stop[\s,.!–—-]*that[’'`]?s\s*enough/i,
      /stop[\s,.!–—-]*(it|that)\s+is\s+enough/i,
      /توقف[\s،,.!]*(هذا|ذلك)?\s*يكفي/,
      /dur[\s,.!–—-]*(artık\s*)?yeter/i,
      /(stop|przestań)[\s,.!–—-]*(już\s*)?(wystarczy|dość)/i,
      /(стоп|припини|зупинись)[\s,.!–—-]*(вже\s*|уже\s*)?(досить|годі|достатньо)/i,
    ],
  },
  kanjer: {
    why: 'Kanjertraining names the strong side of every cap; asking families to label each other with a cap every day turns the caps into labels.',
    phrases: [
      /welke\s+pet\b[^.?!]*\b(op|had|heb|hebt|droeg|draag|draagt|zet)\b/i,
      /which\s+cap\b[^.?!]*\b(wear|wore|wearing|had on|put on|have on)\b/i,
      /(elke|iedere)\s+dag[^.?!]*\bpet\b/i,
      /every\s+day[^.?!]*\bcap\b/i,
    ],
  },
} as const;

/** Kanjertraining's three caps with a weak side, and the words for the strong side the training names. */
const CAPS: Record<'nl' | 'en', { cap: RegExp; strong: RegExp }[]> = {
  nl: [
    { cap: /pestvogel|zwarte pet/i, strong: /initiatief|sterk|durf|moedig|dapper/i },
    { cap: /\baap\b|rode pet/i, strong: /humor|vrolijk|optimist|grappig/i },
    { cap: /konijn|gele pet/i, strong: /vriendelijk|bescheiden|luistert goed|leeft mee|meeleeft|empathisch/i },
  ],
  en: [
    { cap: /bully bird|black cap/i, strong: /initiative|strong|brave/i },
    { cap: /monkey|red cap/i, strong: /humou?r|cheerful|optimistic|funny/i },
    { cap: /rabbit|yellow cap/i, strong: /friendly|modest|listens well|empathic|feels with/i },
  ],
};

interface Text {
  where: string;
  text: string;
}

/** A function message's source as served may spell non-ASCII characters as \u escapes. */
const unescape = (s: string) => s.replace(/\\u\{?([0-9a-f]{4,6})\}?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));

/** Every string in a value (a table's function messages by their source), with where it is. */
function textsIn(value: unknown, where: string, out: Text[] = []): Text[] {
  if (typeof value === 'string') out.push({ where, text: unescape(value) });
  else if (typeof value === 'function') out.push({ where, text: unescape(String(value)) });
  else if (Array.isArray(value)) value.forEach((item, i) => textsIn(item, `${where}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) textsIn(item, `${where}.${key}`, out);
  return out;
}

/** Every phrase of a "never" list found in `texts`, as "programme: where: “phrase”". */
export function neverHits(texts: readonly Text[]): string[] {
  const hits: string[] = [];
  for (const { where, text } of texts) {
    for (const [programme, rule] of Object.entries(NEVER)) {
      for (const phrase of rule.phrases) {
        const found = phrase.exec(text);
        if (found) hits.push(`${programme}: ${where}: “${found[0]}”`);
      }
    }
  }
  return hits;
}

/** The caps `text` describes without the strong side the training names. */
export function oneSidedCaps(text: string, lang: 'nl' | 'en'): string[] {
  return CAPS[lang].filter(({ cap, strong }) => cap.test(text) && !strong.test(text)).map(({ cap }) => cap.exec(text)![0]);
}

const NOW = new Date('2026-11-20T10:00:00Z');
const DEMO_LOCALES: DemoLocale[] = ['nl', 'en'];
const demo = Object.fromEntries(DEMO_LOCALES.map((locale) => [locale, createDemoState({ locale, seed: 1, now: NOW })])) as Record<
  DemoLocale,
  ReturnType<typeof createDemoState>
>;
const WIDGET_TABLES = { nl, en, ar, tr, pl, uk };
const COMPOSER_TABLES = { nl: composerNl, en: composerEn, ar: composerAr, tr: composerTr, pl: composerPl, uk: composerUk };
const INTRO_TABLES = { nl: introNl, en: introEn, ar: introAr, tr: introTr, pl: introPl, uk: introUk };

/** Everything Samen ships as text, by where it lives. */
function builtInTexts(): Text[] {
  return [
    ...textsIn(DEFAULT_LIBRARY, 'programme library'),
    ...textsIn(PROGRAMME_COURSE, 'programme course'),
    ...DEMO_LOCALES.flatMap((locale) => textsIn(demo[locale], `demo data (${locale})`)),
    ...DEMO_LOCALES.map((locale) => ({ where: `demo captions (${locale})`, text: demoMedia(`captions:${locale}`)!.body })),
    ...Object.entries(COMPOSER_TABLES).flatMap(([locale, table]) => textsIn(table, `composer table (${locale})`)),
    ...Object.entries(WIDGET_TABLES).flatMap(([locale, table]) => textsIn(table, `widget table (${locale})`)),
    ...Object.entries(INTRO_TABLES).flatMap(([locale, table]) => textsIn(table, `programme introduction table (${locale})`)),
  ];
}

/** A lesson's texts in one language, as one text: what a teacher reads when they pick it. */
const lessonText = (lesson: LessonTemplate, lang: 'nl' | 'en') =>
  [...LESSON_TEXT_FIELDS.map((field) => pickText(lesson[field], lang)), pickText(lesson.note, lang)].join(' ');

describe('content: true to the programmes', () => {
  it('the lists bite: the texts they were made for are caught (the old WIsH lesson 2 and Kanjertraining lesson 1)', () => {
    const old = [
      'Je zegt duidelijk “stop, hou op” als iets niet fijn is.',
      'Oefen thuis: hoe zeg je “stop, hou op” met een sterke stem?',
      'You say clearly “stop, that’s enough” when something is not OK.',
      'Vertel elkaar bij het eten welke pet je vandaag op had.',
      'Welke pet zet jij thuis weleens op? En welke wil je op?',
      'At dinner, tell each other which cap you wore today.',
      'Which cap do you sometimes wear at home? And which one do you want to wear?',
    ].map((text, i) => ({ where: `old ${i}`, text }));
    expect(neverHits(old).map((hit) => hit.split(':')[1]!.trim())).to.deep.equal(old.map((t) => t.where));
    expect(oneSidedCaps('Vandaag leerden we dat de aap grapjes maakt over anderen.', 'nl')).to.deep.equal(['aap']);
    expect(oneSidedCaps('Today we learned that the rabbit is scared and doesn’t dare to speak.', 'en')).to.deep.equal(['rabbit']);
    expect(oneSidedCaps('De aap heeft humor; het konijn luistert goed.', 'nl')).to.deep.equal([]);
    // …and a function message's source is read too (a table's template literal, escaped or not).
    expect(neverHits(textsIn({ hint: () => `Zeg \\u201cstop, hou op\\u201d` }, 'table'))).to.have.length(1);
  });

  it('no built-in text teaches what a programme replaced or warns against', () => {
    const texts = builtInTexts();
    expect(texts.length, 'the texts are all there to check').to.be.above(800);
    for (const where of ['programme library', 'demo data (nl)', 'demo data (en)', 'composer table (uk)', 'widget table (ar)']) {
      expect(
        texts.some((t) => t.where.startsWith(where)),
        where,
      ).to.equal(true);
    }
    expect(neverHits(texts)).to.deep.equal([]);
  });

  it('Kanjertraining: wherever a cap is described, its strong side is named too', () => {
    const problems: string[] = [];
    for (const lesson of lessonsOf(DEFAULT_LIBRARY, 'kanjer')) {
      for (const lang of ['nl', 'en'] as const)
        problems.push(...oneSidedCaps(lessonText(lesson, lang), lang).map((cap) => `library ${lesson.id} (${lang}): ${cap}`));
    }
    for (const lang of ['nl', 'en'] as const) {
      for (const item of PROGRAMME_COURSE.kanjer![lang])
        problems.push(...oneSidedCaps(item, lang).map((cap) => `course (${lang}): ${cap}`));
      for (const [id, clip] of Object.entries(demo[lang].clips)) {
        const c = clip as LessonClip;
        const text = [c.title, c.goal, c.learned, c.homeQuestion, c.homeActivity].join(' ');
        problems.push(...oneSidedCaps(text, lang).map((cap) => `demo ${id} (${lang}): ${cap}`));
      }
      // The introduction's home folder and starting texts (issue 26): each cap in one sentence pair, both sides.
      for (const text of [...Object.values(INTRO_TABLES[lang].caps), INTRO_TABLES[lang].aboutText.kanjer, INTRO_TABLES[lang].folderIntro])
        problems.push(...oneSidedCaps(text, lang).map((cap) => `programme introduction (${lang}): ${cap}`));
      for (const feeling of CustomFeelings.args!.feelings as FeelingDefinition[]) {
        problems.push(...oneSidedCaps(feeling.labels[lang]!, lang).map((cap) => `feelings story ${feeling.id} (${lang}): ${cap}`));
      }
    }
    expect(problems).to.deep.equal([]);
    // The strong sides are there at all (a library without caps would pass the check above).
    expect(lessonText(lessonsOf(DEFAULT_LIBRARY, 'kanjer')[0]!, 'nl'))
      .to.match(/pestvogel/)
      .and.match(/initiatief/)
      .and.match(/humor/)
      .and.match(/luistert goed/);
  });

  it('every built-in lesson has a goal, a starter, a home question and a practice activity in Dutch and English, and says where they come from', () => {
    const missing: string[] = [];
    for (const lesson of DEFAULT_LIBRARY) {
      for (const lang of ['nl', 'en'] as const) {
        for (const field of LESSON_TEXT_FIELDS) if (!lesson[field]?.[lang]?.trim()) missing.push(`${lesson.id} ${field} (${lang})`);
      }
      for (const field of LESSON_TEXT_FIELDS) if (!sourceOf(lesson, field)) missing.push(`${lesson.id} ${field}: no source`);
    }
    expect(missing).to.deep.equal([]);
    expect(DEFAULT_LIBRARY.map((l) => l.programme)).to.include.members(['wish', 'kanjer', 'pbs']);
  });

  it('the demo posts the library’s lessons: the same title, goal, home question and activity, with what was learned in the children’s words', () => {
    const differences: string[] = [];
    for (const lang of DEMO_LOCALES) {
      const clips = Object.values(demo[lang].clips) as LessonClip[];
      // A follow-up post or repeat lesson (`followsUp`, demo-rhythm.ts) is no lesson of the run and
      // has texts of its own; a scheduled clip is a lesson (kanjer-3-scheduled) and is checked like the rest.
      const seeded = clips.filter((c) => (c.programme === 'wish' || c.programme === 'kanjer') && !c.followsUp);
      expect(seeded.map((c) => c.id).sort(), lang).to.deep.equal(
        ['kanjer-1', 'kanjer-2', 'kanjer-3-scheduled', ...Array.from({ length: 8 }, (_, i) => `wish-${i + 1}`)].sort(),
      );
      expect(
        clips.filter((c) => c.followsUp).map((c) => c.id),
        `${lang}: the follow-ups left out above`,
      ).to.have.members(['wish-follow-up', 'wish-follow-up-2']);
      for (const clip of seeded) {
        const lesson = DEFAULT_LIBRARY.find((l) => l.id === `${clip.programme}-${clip.lessonNumber}`);
        if (!lesson) {
          differences.push(`${clip.id} (${lang}): no such lesson in the library`);
          continue;
        }
        for (const field of ['title', 'goal', 'homeQuestion', 'homeActivity'] as const) {
          if (clip[field] !== pickText(lesson[field], lang)) differences.push(`${clip.id} ${field} (${lang}): “${clip[field]}”`);
        }
        if (!clip.learned?.trim()) differences.push(`${clip.id} learned (${lang}): empty`);
      }
    }
    expect(differences).to.deep.equal([]);
  });
});
