import { expect, fixture, html } from '@open-wc/testing';
import { configure } from '../../src/core/context.js';
import {
  formatRelative,
  messagesFor,
  registerLocale,
  resolveLocale,
  type Messages,
  type PartialMessages,
  type SectionMessages,
} from '../../src/core/i18n.js';
import { nl } from '../helpers/tables.js';
import { plural } from '../../src/core/plural.js';
import type { SamenLessonClip } from '../../src/lesson-clip/lesson-clip.js';
// The entries a host imports: each registers its table as a side effect (widgets would load
// them on demand; test/core/lazy-locales.test.ts tests that).
import { en } from '../../src/locales/en.js';
import { ar } from '../../src/locales/ar.js';
import { pl } from '../../src/locales/pl.js';
import { tr } from '../../src/locales/tr.js';
import { uk } from '../../src/locales/uk.js';
import { memoryAdapter, settled } from '../helpers/fixtures.js';
// The widgets' own words: the language entries carry the parents' widgets' sections; the clip
// composer's words are its own, checked here as their `composer` section.
import { clipMessages } from '../../src/lesson-clip/messages.js';
import { feedbackMessages } from '../../src/feedback-bar/messages.js';
import { rewardMessages } from '../../src/reward-chart/messages.js';
import { feelingsMessages } from '../../src/feelings-checkin/messages.js';
import { matrixMessages } from '../../src/expectation-matrix/messages.js';
import { threadMessages } from '../../src/thread/messages.js';
import { composerMessages, type ComposerMessages } from '../../src/clip-composer/messages.js';
import { ar as composerAr } from '../../src/clip-composer/locales/ar.js';
import { en as composerEn } from '../../src/clip-composer/locales/en.js';
import { nl as composerNl } from '../../src/clip-composer/locales/nl.js';
import { pl as composerPl } from '../../src/clip-composer/locales/pl.js';
import { tr as composerTr } from '../../src/clip-composer/locales/tr.js';
import { uk as composerUk } from '../../src/clip-composer/locales/uk.js';
// The programme overview's words are its own too (issue 25), checked as its `overview` section.
import { overviewMessages, type OverviewMessages } from '../../src/programme-overview/messages.js';
import { ar as overviewAr } from '../../src/programme-overview/locales/ar.js';
import { en as overviewEn } from '../../src/programme-overview/locales/en.js';
import { nl as overviewNl } from '../../src/programme-overview/locales/nl.js';
import { pl as overviewPl } from '../../src/programme-overview/locales/pl.js';
import { tr as overviewTr } from '../../src/programme-overview/locales/tr.js';
import { uk as overviewUk } from '../../src/programme-overview/locales/uk.js';
// The meeting's and the programme introduction's words load on their own too (issue 26).
import { meetingMessages, type MeetingMessages } from '../../src/meeting/messages.js';
import { ar as meetingAr } from '../../src/meeting/locales/ar.js';
import { en as meetingEn } from '../../src/meeting/locales/en.js';
import { nl as meetingNl } from '../../src/meeting/locales/nl.js';
import { pl as meetingPl } from '../../src/meeting/locales/pl.js';
import { tr as meetingTr } from '../../src/meeting/locales/tr.js';
import { uk as meetingUk } from '../../src/meeting/locales/uk.js';
// The evaluation's words (issue 25) load on their own too.
import { evaluationMessages, type EvaluationMessages } from '../../src/evaluation/messages.js';
import { ar as evaluationAr } from '../../src/evaluation/locales/ar.js';
import { en as evaluationEn } from '../../src/evaluation/locales/en.js';
import { nl as evaluationNl } from '../../src/evaluation/locales/nl.js';
import { pl as evaluationPl } from '../../src/evaluation/locales/pl.js';
import { tr as evaluationTr } from '../../src/evaluation/locales/tr.js';
import { uk as evaluationUk } from '../../src/evaluation/locales/uk.js';
import { introMessages, type IntroMessages } from '../../src/programme-intro/messages.js';
import { ar as introAr } from '../../src/programme-intro/locales/ar.js';
import { en as introEn } from '../../src/programme-intro/locales/en.js';
import { nl as introNl } from '../../src/programme-intro/locales/nl.js';
import { pl as introPl } from '../../src/programme-intro/locales/pl.js';
import { tr as introTr } from '../../src/programme-intro/locales/tr.js';
import { uk as introUk } from '../../src/programme-intro/locales/uk.js';

type Whole = Messages & SectionMessages;
const EVALUATION: Record<string, EvaluationMessages> = {
  nl: evaluationNl,
  en: evaluationEn,
  ar: evaluationAr,
  tr: evaluationTr,
  pl: evaluationPl,
  uk: evaluationUk,
};
const MEETING: Record<string, MeetingMessages> = {
  nl: meetingNl,
  en: meetingEn,
  ar: meetingAr,
  tr: meetingTr,
  pl: meetingPl,
  uk: meetingUk,
};
const INTRO: Record<string, IntroMessages> = { nl: introNl, en: introEn, ar: introAr, tr: introTr, pl: introPl, uk: introUk };
const COMPOSER: Record<string, ComposerMessages> = {
  nl: composerNl,
  en: composerEn,
  ar: composerAr,
  tr: composerTr,
  pl: composerPl,
  uk: composerUk,
};
const OVERVIEW: Record<string, OverviewMessages> = {
  nl: overviewNl,
  en: overviewEn,
  ar: overviewAr,
  tr: overviewTr,
  pl: overviewPl,
  uk: overviewUk,
};
/** A language's table with the composer's and the overview's tables for its language beside it, so every check below holds for every section. */
const withComposer = (table: Omit<Whole, 'composer' | 'overview' | 'meeting' | 'intro' | 'evaluation'>): Whole => ({
  ...table,
  composer: COMPOSER[table.locale]!,
  overview: OVERVIEW[table.locale]!,
  meeting: MEETING[table.locale]!,
  intro: INTRO[table.locale]!,
  evaluation: EVALUATION[table.locale]!,
});
const TABLES = [nl, en, ar, tr, pl, uk].map(withComposer);
const [NL, EN, AR, TR, PL, UK] = TABLES as [Whole, ...Whole[]];

/** What the widgets show for `locale`: the shared table and each widget's section. */
const whole = (locale: string): Whole => ({
  ...messagesFor(locale),
  clip: clipMessages.get(resolveLocale(locale)),
  feedback: feedbackMessages.get(resolveLocale(locale)),
  reward: rewardMessages.get(resolveLocale(locale)),
  feelings: feelingsMessages.get(resolveLocale(locale)),
  matrix: matrixMessages.get(resolveLocale(locale)),
  thread: threadMessages.get(resolveLocale(locale)),
  composer: composerMessages.get(resolveLocale(locale)),
  overview: overviewMessages.get(resolveLocale(locale)),
  meeting: meetingMessages.get(resolveLocale(locale)),
  intro: introMessages.get(resolveLocale(locale)),
  evaluation: evaluationMessages.get(resolveLocale(locale)),
});

/** Every key path of a message table, with the arity of each function message and each list's length. */
function shape(table: unknown, prefix = ''): string[] {
  if (typeof table === 'function') return [`${prefix}(${table.length})`];
  if (Array.isArray(table)) return [`${prefix}[${table.length}]`];
  if (table && typeof table === 'object')
    return Object.entries(table).flatMap(([key, value]) => shape(value, prefix ? `${prefix}.${key}` : key));
  return [prefix];
}

/** Leaf entries of a table by dotted path (list items as `path.0`, …). */
function leaves(table: unknown, prefix = ''): [string, unknown][] {
  if (table && typeof table === 'object') {
    return Object.entries(table).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
  }
  return [[prefix, table]];
}

const at = (table: unknown, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], table);

/** Values for the `kind` parameters: they choose a wording and are not shown themselves. */
const KINDS = new Set(['class', 'personal', 'value', 'location', 'values', 'locations', 'yes', 'maybe', 'no']);

/** Sample arguments for every function message, chosen so Arabic shows them as digits (3–99). */
const SAMPLES: Record<string, unknown[][]> = {
  invalidField: [['media.src']],
  missingMethods: [['getReactions, addReply']],
  'clip.lesson': [[7]],
  'clip.lessonOf': [[3, 8]],
  'meeting.invitedBy': [['«Juf Sanne»']],
  'meeting.yourAnswer': [
    ['yes', 3],
    ['maybe', 4],
  ],
  'meeting.count': [
    ['yes', 12],
    ['maybe', 3],
  ],
  'meeting.peopleTotal': [[28]],
  'meeting.replyOf': [
    ['yes', 3],
    ['maybe', 4],
  ],
  'meeting.notReplied': [[7, 24]],
  'intro.title': [['«Kanjertraining»']],
  'intro.where': [[3, 8]],
  'intro.lesson': [[5]],
  'evaluation.closesAt': [['«14 december»']],
  'evaluation.rate': [[12, 24]],
  'evaluation.minimum': [[5]],
  'evaluation.average': [['«3,8»']],
  'evaluation.share': [[9, 12, '«Ja»']],
  'evaluation.remove': [['«Was de tijd handig?»']],
  charactersLeft: [[7]],
  'clip.posted': [['«3 dagen geleden»']],
  'clip.coTeacher': [['«Ellen, weerbaarheidsspecialist»']],
  'clip.photos': [[4]],
  'clip.photoOf': [[3, 8]],
  'clip.reachOf': [[3, 24]],
  'clip.addressesOf': [[3, 25]],
  'clip.familyAt': [['«Familie Jansen»', '«tweede adres»']],
  'feedback.reactionName': [['«Duim»', 9]],
  'feedback.homeShare': [[3, 24]],
  'feedback.reactionGiven': [['«Duim omhoog»', 10]],
  'feedback.reactionTakenBack': [['«Duim omhoog»', 9]],
  'reward.personalChart': [['Amira']],
  'reward.rewardIs': [['«extra buitenspelen»']],
  'reward.progress': [
    [31, 50, 'class'],
    [6, 10, 'personal'],
  ],
  'reward.remaining': [[19]],
  'reward.award': [['class'], ['personal']],
  'reward.positiveOnly': [['class'], ['personal']],
  'reward.awardFor': [['«zelf de tafel gedekt»']],
  'reward.redeemed': [['«extra buitenspelen»']],
  'reward.queued': [[3]],
  'reward.given': [
    ['class', 32, 50],
    ['personal', 7, 10],
  ],
  'reward.homeGiven': [[8, 10]],
  'matrix.movedTo': [['«Respect»', 2, 4]],
  'feelings.strengthValue': [[4]],
  'feelings.starter': [['«blij»']],
  'feelings.today': [['«blij»', 4]],
  'feelings.checkedIn': [[23]],
  'feelings.weekDay': [[23, 4]],
  'feelings.signal': [
    ['Amira', '«verdrietig en bang»', 3, 5, true],
    ['Amira', '«verdrietig en bang»', 3, 5, false],
  ],
  'matrix.focusOf': [['«Respect»', '«Gang»']],
  'matrix.week': [[12]],
  'matrix.nameOf': [
    ['value', 3],
    ['location', 3],
  ],
  'matrix.expectationOf': [['«Respect · Gang»', 3]],
  'matrix.moveUp': [['«Respect»']],
  'matrix.moveDown': [['«Respect»']],
  'matrix.remove': [['«Respect»']],
  'matrix.removeExpectation': [[3]],
  'matrix.emptyName': [
    ['value', 3],
    ['location', 3],
  ],
  'matrix.emptyExpectation': [['«Respect · Gang»']],
  'matrix.tooLong': [['«Respect · Gang»', 80]],
  'matrix.tooMany': [
    ['values', 8],
    ['locations', 8],
  ],
  'matrix.tooManyInCell': [['«Respect · Gang»', 5]],
  'composer.lessonOption': [[3, '«Lichaamstaal»']],
  'composer.mediaHint': [[200, 10]],
  'composer.uploading': [['«klas.mp4»', 40]],
  'composer.uploaded': [['«klas.mp4»']],
  'composer.cancelUploadOf': [['«klas.mp4»']],
  'composer.cancelled': [['«klas.mp4»']],
  'composer.removeOf': [['«klas.mp4»']],
  'composer.uploadFailed': [['«klas.mp4»']],
  'composer.tooBig': [['«klas.mp4»', 200]],
  'composer.wrongType': [['«klas.mp4»']],
  'composer.emptyFile': [['«klas.mp4»']],
  'composer.photoAlt': [[3]],
  'composer.photoAltMissing': [[3]],
  'composer.tooManyPhotos': [[20]],
  'composer.mediaLost': [['«klas.mp4»']],
  'composer.required': [['«Titel»']],
  'composer.girls': [['«Groep 6»']],
  'composer.boys': [['«Groep 6»']],
  'composer.aboutProgramme': [['«WIsH»']],
  'thread.withFamily': [['«Familie Jansen»']],
  'thread.unread': [[3], [12]],
  'thread.arrived': [['«Juf Sanne»']],
  'overview.heading': [['«WIsH»']],
  'overview.lesson': [[4]],
  'overview.lessonsOf': [
    [4, 5],
    [4, 6],
  ],
  'overview.caption': [['«Gezien»', 5]],
  'overview.familiesCount': [[25]],
  'overview.shareOfFamilies': [[18, 25]],
  'overview.shareOfHouseholds': [[18, 25]],
  'overview.postedOn': [['«12 sep»']],
  'overview.chartLabel': [['«Groep 6»', '«Gezien»']],
  'overview.percentOf': [['«Gezien»']],
  'overview.unreachedIn': [['«Groep 6»', 3]],
  'thread.tipTopFor': [['«Noor»']],
  'reward.complimentFor': [['«Noor»']],
  // The child's own choices, edited by the teacher (the reward chart's choices editor).
  'reward.choicesRemove': [['«Voorlezen»']],
  'reward.choicesAdded': [['«Voorlezen»']],
  'reward.choicesRemoved': [['«Voorlezen»']],
  // The class board's labels: the figure is shown apart, above the label, which agrees with it.
  'clip.boardSeen': [[3]],
  'clip.boardTalked': [[3]],
  'clip.boardReacted': [[3]],
  'reward.compliments': [[3], [12]],
  // The rhythm and after the last lesson (issue 26).
  'clip.followUpOf': [[8]],
  'clip.repeatOf': [[3]],
  'clip.scheduledFor': [['«do 14 jan, 8:00»']],
  'composer.hourOption': [[8], [21]],
  'composer.scheduleTooFar': [[366]],
  'composer.scheduled': [['«do 14 jan, 8:00»']],
  'composer.rhythmPosted': [['«di 12 nov»']],
  'composer.rhythmPlanned': [['«do 14 jan»']],
  'composer.followUpTitle': [['«Samen weerbaar»']],
  'overview.followUp': [[8]],
  'overview.repeat': [[3]],
  'overview.repeatIn': [[3, '«Groep 5»']],
  'overview.plannedOn': [['«14 jan»']],
};

/**
 * Labels of a figure shown apart (the class board's big number above "gezinnen keken het
 * filmpje"): they take the count only to agree with it, and do not show it themselves.
 */
const LABELS = new Set(['clip.boardSeen', 'clip.boardTalked', 'clip.boardReacted']);

/** Counts that hit every plural category of the six languages, and then some. */
const COUNTS = [0, 1, 2, 3, 4, 5, 10, 11, 12, 14, 19, 20, 21, 22, 24, 25, 99, 100, 101, 102, 103, 111, 1000];

type Fn = (...args: unknown[]) => string;
const functionPaths = shape(EN)
  .filter((p) => p.endsWith(')'))
  .map((p) => p.replace(/\(\d+\)$/, ''));

describe('locale tables', () => {
  it('have exactly the keys, list lengths and parameter counts of English', () => {
    for (const table of TABLES) expect(shape(table), table.locale).to.deep.equal(shape(EN));
    expect(shape(EN).filter((p) => p.startsWith('composer.')).length, 'the composer’s section is checked too').to.be.above(40);
  });

  it('say which language and direction they are', () => {
    expect(TABLES.map((t) => [t.locale, t.dir])).to.deep.equal([
      ['nl', 'ltr'],
      ['en', 'ltr'],
      ['ar', 'rtl'],
      ['tr', 'ltr'],
      ['pl', 'ltr'],
      ['uk', 'ltr'],
    ]);
  });

  it('have no empty or untranslated placeholder strings', () => {
    for (const table of TABLES) {
      const bad = leaves(table).filter(([, value]) => typeof value === 'string' && (!value.trim() || /undefined|TODO/.test(value)));
      expect(bad, table.locale).to.deep.equal([]);
    }
  });

  it('keep the programme names as proper names', () => {
    for (const table of TABLES) {
      expect(table.programmes, table.locale).to.include({ wish: 'WIsH', kanjer: 'Kanjertraining', pbs: 'PBS' });
    }
  });

  it('are translated: the new tables share no sentence with English or Dutch', () => {
    const shared = new Set(['WIsH', 'Kanjertraining', 'PBS', 'Video', 'Stickers', 'Focus']);
    const known = new Set([...leaves(EN), ...leaves(NL)].map(([, v]) => v).filter((v) => typeof v === 'string'));
    for (const table of [AR!, TR!, PL!, UK!]) {
      const copied = leaves(table)
        .filter(([key, value]) => key !== 'locale' && key !== 'dir' && typeof value === 'string' && known.has(value) && !shared.has(value))
        .map(([key]) => key);
      expect(copied, table.locale).to.deep.equal([]);
    }
  });

  it('have a sample for every function message', () => {
    expect(functionPaths.filter((p) => !SAMPLES[p])).to.deep.equal([]);
  });

  it('show every placeholder value in every function message', () => {
    for (const table of TABLES) {
      for (const path of functionPaths) {
        for (const args of SAMPLES[path]!) {
          const text = (at(table, path) as Fn)(...args);
          const where = `${table.locale} ${path}(${args.join(', ')}) → ${text}`;
          expect(text, where).to.be.a('string');
          expect(text.trim(), where).to.not.equal('');
          for (const arg of args) {
            if (KINDS.has(arg as string) || typeof arg === 'boolean' || (LABELS.has(path) && typeof arg === 'number')) continue;
            expect(text, where).to.contain(String(arg));
          }
        }
      }
    }
  });

  it('word each `kind` differently', () => {
    for (const table of TABLES) {
      for (const path of functionPaths) {
        const samples = SAMPLES[path]!;
        if (samples.length < 2) continue;
        const texts = samples.map((args) => (at(table, path) as Fn)(...args));
        expect(new Set(texts).size, `${table.locale} ${path}`).to.equal(texts.length);
      }
    }
  });

  it('give text for any count, in every plural category', () => {
    for (const table of TABLES) {
      for (const path of functionPaths) {
        const sample = SAMPLES[path]![0]!;
        sample.forEach((arg, i) => {
          if (typeof arg !== 'number') return;
          for (const n of COUNTS) {
            const args = sample.map((a, j) => (j === i ? n : a));
            const text = (at(table, path) as Fn)(...args);
            const where = `${table.locale} ${path}(${args.join(', ')}) → ${text}`;
            expect(text, where).to.be.a('string');
            expect(text.trim(), where).to.not.equal('');
            expect(text, where).to.not.match(/undefined|NaN|\[object/);
          }
        });
      }
    }
  });

  it('leave the name out gracefully when there is none', () => {
    for (const table of TABLES) {
      const text = table.reward.personalChart(undefined);
      expect(text, table.locale).to.not.contain('undefined');
      expect(text.trim(), table.locale).to.not.equal('');
    }
  });
});

/**
 * Every message that counts something, with the positions of its counts: the words around a
 * count must agree with it ("1 gezin", "2 gezinnen"; "1 check-in", never "1 check-ins"). Every
 * other number a message takes is a position or a value, not a count of things; a new message
 * with a number must be put in one list or the other.
 */
const COUNTED: Record<string, number[]> = {
  charactersLeft: [0],
  'clip.photos': [0],
  'clip.reachOf': [0, 1],
  'clip.addressesOf': [0, 1],
  'feedback.reactionName': [1],
  'feedback.homeShare': [0, 1],
  'reward.progress': [0, 1],
  'reward.remaining': [0],
  'reward.queued': [0],
  'feelings.checkedIn': [0],
  'feelings.weekDay': [0, 1],
  'feelings.signal': [2, 3],
  'matrix.tooLong': [1],
  'matrix.tooMany': [1],
  'matrix.tooManyInCell': [1],
  'composer.mediaHint': [0, 1],
  'composer.tooBig': [1],
  'composer.tooManyPhotos': [0],
  'thread.unread': [0],
  'overview.familiesCount': [0],
  'overview.shareOfFamilies': [0, 1],
  'overview.shareOfHouseholds': [0, 1],
  'overview.unreachedIn': [1],
  'reward.compliments': [0],
  'meeting.yourAnswer': [1],
  'meeting.peopleTotal': [0],
  'meeting.replyOf': [1],
  'meeting.notReplied': [0, 1],
  'intro.where': [1],
};
const NOT_COUNTS: Record<string, string> = {
  'clip.lesson': 'the lesson number',
  'clip.lessonOf': 'which lesson, of how many',
  'intro.lesson': 'the lesson number',
  'meeting.count': 'a total per answer ("Ja: 12"), no word counted after the number',
  'evaluation.rate': 'a score ("12 van 24 (50%)"): how many of those asked answered, no word counted after the number',
  'evaluation.share': 'a score ("9 van 12: Ja") per answer, no word counted after the number',
  'evaluation.minimum': 'a threshold at the end of the sentence ("minstens 5 is"), no word counted after the number',
  'clip.photoOf': 'which photo',
  'clip.boardSeen':
    'the label under a figure shown apart: no number in the text; its words agree with the count (test/lesson-clip/class-board.test.ts)',
  'clip.boardTalked':
    'the label under a figure shown apart: no number in the text; its words agree with the count (test/lesson-clip/class-board.test.ts)',
  'clip.boardReacted':
    'the label under a figure shown apart: no number in the text; its words agree with the count (test/lesson-clip/class-board.test.ts)',
  'feelings.strengthValue': 'a value on the 1–5 scale',
  'reward.given': 'a score ("32 van 50"): how far the chart is, no word counted after the number',
  'reward.homeGiven': 'a score ("8 van 10"): how far the chart is, no word counted after the number',
  'matrix.movedTo': 'a place in the list, of how many',
  'feedback.reactionGiven': 'the reaction\'s new total ("Duim omhoog gegeven — 10"), no word counted after the number',
  'feedback.reactionTakenBack': "the reaction's new total, no word counted after the number",
  'feelings.today': 'a value on the 1–5 scale',
  'matrix.week': 'the week number',
  'matrix.nameOf': 'which value or place',
  'matrix.expectationOf': 'which agreement',
  'matrix.removeExpectation': 'which agreement',
  'matrix.emptyName': 'which value or place',
  'composer.lessonOption': 'the lesson number',
  'composer.uploading': 'a percentage',
  'overview.lesson': 'the lesson number',
  'overview.lessonsOf': 'which lessons one clip covers',
  'overview.caption': 'the minimum group size, at the end of the sentence, no word counted after it',
  'composer.photoAlt': 'which photo',
  'composer.photoAltMissing': 'which photo',
  // Issue 26.
  'clip.followUpOf': 'the lesson number',
  'clip.repeatOf': 'the lesson number',
  'composer.hourOption': 'an hour of the day',
  'composer.scheduleTooFar': 'SCHEDULE_LIMITS.maxDaysAhead, a fixed 366 days: never one',
  'overview.followUp': 'the lesson number',
  'overview.repeat': 'the lesson number',
  'overview.repeatIn': 'the lesson number',
};

/**
 * The counted words of Dutch and English, singular and plural: the word right after a count
 * must be the form its number takes (Intl.PluralRules: 1 is `one`, 0 and 2 are `other`), or one
 * of the words that may follow any count ("3 van 24", "3 to go").
 */
const NOUNS: Record<'nl' | 'en', { one: string[]; other: string[]; any: string[] }> = {
  nl: {
    // "1 nieuw bericht", "2 nieuwe berichten": the adjective before the noun agrees too.
    one: [
      'compliment',
      'teken',
      'foto',
      'gezin',
      'adres',
      'muntje',
      'sticker',
      'kind',
      'check-in',
      'dag',
      'schooldag',
      'waarde',
      'plek',
      'afspraak',
      'nieuw',
      'persoon',
      'les',
      'huishouden',
    ],
    other: [
      'complimenten',
      'tekens',
      'foto’s',
      "foto's",
      'gezinnen',
      'adressen',
      'muntjes',
      'stickers',
      'kinderen',
      'check-ins',
      'dagen',
      'schooldagen',
      'waarden',
      'plekken',
      'afspraken',
      'nieuwe',
      'personen',
      'lessen',
      'huishoudens',
    ],
    any: ['van', 'te', 'met', 'koos', 'MB', 'per'],
  },
  en: {
    one: [
      'compliment',
      'character',
      'photo',
      'family',
      'address',
      'token',
      'sticker',
      'child',
      'check-in',
      'day',
      'school-day',
      'value',
      'place',
      'agreement',
      'person',
      'lesson',
      'household',
    ],
    other: [
      'compliments',
      'characters',
      'photos',
      'families',
      'addresses',
      'tokens',
      'stickers',
      'children',
      'check-ins',
      'days',
      'school-days',
      'values',
      'places',
      'agreements',
      'people',
      'lessons',
      'households',
    ],
    any: ['of', 'to', 'with', 'MB', 'each', 'new'],
  },
};

/** `args` with the count at `index` set to `n`. */
const withCount = (args: unknown[], index: number, n: number) => args.map((a, j) => (j === index ? n : a));

/** The smallest whole number of each plural category a language has (Polish and Ukrainian `other` is for fractions only). */
function samplesPerCategory(locale: string): Map<string, number> {
  const rules = new Intl.PluralRules(locale);
  const found = new Map<string, number>();
  for (let n = 0; n <= 200; n++) if (!found.has(rules.select(n))) found.set(rules.select(n), n);
  return found;
}

describe('counts in every language', () => {
  it('every message with a number is either a count or a position, and each count is a number', () => {
    const numeric = functionPaths.filter((p) => SAMPLES[p]!.some((args) => args.some((a) => typeof a === 'number')));
    expect(
      numeric.filter((p) => !COUNTED[p] && !NOT_COUNTS[p]),
      'unplaced',
    ).to.deep.equal([]);
    for (const [path, indexes] of Object.entries(COUNTED)) {
      expect(functionPaths, path).to.include(path);
      for (const i of indexes) expect(typeof SAMPLES[path]![0]![i], `${path} argument ${i}`).to.equal('number');
    }
  });

  for (const locale of ['nl', 'en'] as const) {
    it(`${locale}: at 0, 1 and 2 the word after every count agrees with it (no "1 … check-ins")`, () => {
      const table = TABLES.find((t) => t.locale === locale)!;
      const rules = new Intl.PluralRules(locale);
      const nouns = NOUNS[locale];
      const problems: string[] = [];
      for (const [path, indexes] of Object.entries(COUNTED)) {
        for (const sample of SAMPLES[path]!) {
          for (const i of indexes) {
            for (const n of [0, 1, 2]) {
              const args = withCount(sample, i, n);
              // "5 school days" is one counted word.
              const text = (at(table, path) as Fn)(...args).replace(/school (days?)/g, 'school-$1');
              for (const [, number, word] of text.matchAll(/(?<![\p{L}\d.,])(\d+) ([^\s.,:;!?()«»]+)/gu)) {
                const category = rules.select(Number(number));
                const where = `${path}(${args.join(', ')}) → ${text}`;
                if (![...nouns.one, ...nouns.other, ...nouns.any].includes(word!))
                  problems.push(`"${number} ${word}": a word this test does not know, in ${where}`);
                else if (category === 'one' && nouns.other.includes(word!)) problems.push(`"${number} ${word}" in ${where}`);
                else if (category !== 'one' && nouns.one.includes(word!)) problems.push(`"${number} ${word}" in ${where}`);
              }
            }
          }
        }
      }
      expect(problems).to.deep.equal([]);
    });
  }

  it('nl: the verb agrees with a count of one family', () => {
    expect(nl.feedback.homeShare(1, 24)).to.equal('1 van 24 gezinnen deed het thuis');
    expect(nl.feedback.homeShare(2, 24)).to.equal('2 van 24 gezinnen deden het thuis');
    expect(nl.feelings.weekDay(1, 0)).to.equal('1 check-in, 0 met een moeilijk gevoel');
    expect(nl.feelings.weekDay(0, 0)).to.equal('0 check-ins, 0 met een moeilijk gevoel');
    expect(nl.feelings.checkedIn(1)).to.equal('1 kind ingecheckt');
    expect(en.feelings.weekDay(1, 1)).to.equal('1 check-in, 1 with a difficult feeling');
  });

  for (const table of TABLES) {
    it(`${table.locale}: every count gives a distinct, non-empty text for each plural category the language has, never a key`, () => {
      const categories = samplesPerCategory(table.locale);
      expect(categories.size, table.locale).to.be.at.least(
        table.locale === 'ar' ? 6 : table.locale === 'pl' || table.locale === 'uk' ? 3 : 2,
      );
      // Dotted paths, and key names in camelCase (a plain word like "photos" is also a key, and English).
      const keys = new Set(functionPaths.flatMap((p) => [p, p.split('.').pop()!]).filter((k) => k.includes('.') || /[a-z][A-Z]/.test(k)));
      for (const [path, indexes] of Object.entries(COUNTED)) {
        for (const i of indexes) {
          const texts = [...categories].map(([category, n]) => {
            const args = withCount(SAMPLES[path]![0]!, i, n);
            const text = (at(table, path) as Fn)(...args);
            const where = `${table.locale} ${path}(${args.join(', ')}) [${category}] → ${text}`;
            expect(text, where).to.be.a('string');
            expect(text.trim(), where).to.not.equal('');
            expect(text, where).to.not.match(/undefined|NaN|\[object|null/);
            for (const word of text.split(/[\s.,:;!?()«»]+/)) expect(keys.has(word), `${where}: a key name`).to.equal(false);
            return text;
          });
          expect(new Set(texts).size, `${table.locale} ${path} argument ${i}: ${texts.join(' | ')}`).to.equal(texts.length);
        }
      }
    });
  }
});

describe('plural forms', () => {
  it('picks the form Intl.PluralRules names, else `other`', () => {
    const forms = { zero: 'z', one: 'o', two: 't', few: 'f', many: 'm', other: 'x' };
    expect([0, 1, 2, 3, 11, 100].map((n) => plural('ar', n, forms))).to.deep.equal(['z', 'o', 't', 'f', 'm', 'x']);
    expect([1, 2, 5, 22, 25, 1.5].map((n) => plural('pl', n, forms))).to.deep.equal(['o', 'f', 'm', 'f', 'm', 'x']);
    expect([1, 2, 5, 21, 22, 25].map((n) => plural('uk', n, forms))).to.deep.equal(['o', 'f', 'm', 'o', 'f', 'm']);
    expect(plural('pl', 5, { one: 'o', other: 'x' })).to.equal('x');
    expect(plural('en', 1, forms)).to.equal('o');
  });

  it('counts characters in Polish: 1 znak, 2 znaki, 5 znaków, 22 znaki, 25 znaków', () => {
    expect([1, 2, 5, 22, 25].map(pl.charactersLeft)).to.deep.equal([
      'Został 1 znak',
      'Zostały 2 znaki',
      'Zostało 5 znaków',
      'Zostały 22 znaki',
      'Zostało 25 znaków',
    ]);
    expect([1, 2, 5].map(pl.clip.photos)).to.deep.equal(['1 zdjęcie', '2 zdjęcia', '5 zdjęć']);
    expect(pl.clip.reachOf(3, 24)).to.equal('3 z 24 rodzin');
  });

  it('counts characters in Ukrainian: 1 символ, 2 символи, 5 символів, 21 символ', () => {
    expect([1, 2, 5, 21, 22, 25].map(uk.charactersLeft)).to.deep.equal([
      'Залишився 1 символ',
      'Залишилося 2 символи',
      'Залишилося 5 символів',
      'Залишився 21 символ',
      'Залишилося 22 символи',
      'Залишилося 25 символів',
    ]);
    expect([1, 3, 7].map(uk.feelings.checkedIn)).to.deep.equal([
      '1 дитина поділилася почуттями',
      '3 дитини поділилися почуттями',
      '7 дітей поділилися почуттями',
    ]);
  });

  it('counts in Arabic with six forms: zero, one, two (dual), few, many, other', () => {
    const texts = [0, 1, 2, 3, 11, 100].map(ar.charactersLeft);
    expect(new Set(texts).size).to.equal(6);
    expect(texts[1]).to.equal('بقي حرف واحد');
    expect(texts[2]).to.equal('بقي حرفان');
    expect(texts[3]).to.equal('بقي 3 أحرف');
    expect(texts[4]).to.equal('بقي 11 حرفًا');
    expect(texts[5]).to.equal('بقي 100 حرف');
    expect(new Set([1, 2, 3, 11, 100].map(ar.clip.photos)).size).to.equal(5);
    expect(ar.clip.reachOf(3, 24)).to.equal('3 من أصل 24 عائلة');
    expect(ar.clip.reachOf(3, 8)).to.equal('3 من أصل 8 عائلات');
  });

  it('keeps one form for every count in Turkish, and two in English and Dutch', () => {
    expect([1, 2, 5].map(tr.charactersLeft)).to.deep.equal(['1 karakter kaldı', '2 karakter kaldı', '5 karakter kaldı']);
    expect(en.charactersLeft(1)).to.equal('1 character left');
    expect(en.charactersLeft(2)).to.equal('2 characters left');
    expect(nl.charactersLeft(1)).to.equal('Nog 1 teken');
  });
});

describe('registering a language', () => {
  it('is what importing a locale entry does', () => {
    for (const [code, table] of [
      ['ar', ar],
      ['tr', tr],
      ['pl', pl],
      ['uk', uk],
    ] as const) {
      expect(resolveLocale(code)).to.equal(code);
      expect(whole(code).clip.send).to.equal(table.clip.send);
      expect(messagesFor(code).charactersLeft(5)).to.equal(table.charactersLeft(5));
      expect(messagesFor(code).dir).to.equal(table.dir);
    }
    expect(resolveLocale('ar-MA')).to.equal('ar');
    expect(resolveLocale('TR-tr')).to.equal('tr');
    expect(resolveLocale('pl-PL')).to.equal('pl');
    expect(resolveLocale('uk-UA')).to.equal('uk');
    expect(messagesFor('ar-MA').dir).to.equal('rtl');
  });

  it('says relative dates in the language, through the browser', () => {
    const now = new Date('2026-11-20T10:00:00Z');
    const threeDaysAgo = new Date('2026-11-17T10:00:00Z');
    expect(formatRelative(threeDaysAgo, 'tr', now)).to.equal('3 gün önce');
    expect(formatRelative(threeDaysAgo, 'pl', now)).to.equal('3 dni temu');
    expect(formatRelative(threeDaysAgo, 'uk', now)).to.equal('3 дні тому');
    expect(formatRelative(threeDaysAgo, 'ar', now))
      .to.be.a('string')
      .and.not.equal('');
    expect(formatRelative(new Date('2026-11-20T09:59:40Z'), 'ar', now)).to.equal(ar.justNow);
  });

  it('makes one Intl.RelativeTimeFormat per language and style, not one per date', () => {
    const Original = Intl.RelativeTimeFormat;
    const intl = Intl as { RelativeTimeFormat: typeof Original };
    let made = 0;
    intl.RelativeTimeFormat = class extends Original {
      constructor(...args: ConstructorParameters<typeof Original>) {
        super(...args);
        made++;
      }
    };
    try {
      const now = new Date('2026-11-20T10:00:00Z');
      const texts = [2, 3, 5, 26, 50, 100].map((hours) => formatRelative(new Date(now.getTime() - hours * 3_600_000), 'uk', now));
      expect(texts.slice(0, 3)).to.deep.equal(['2 години тому', '3 години тому', '5 годин тому']);
      expect(texts.slice(3)).to.deep.equal(['учора', 'позавчора', '4 дні тому']);
      expect(made, 'one for hours, one for days').to.be.at.most(2);
    } finally {
      intl.RelativeTimeFormat = Original;
    }
  });

  it('fills a partial table from English, never showing a key name or "undefined"', () => {
    registerLocale('xx', { retry: 'Xretry', charactersLeft: (n) => `X${n}`, clip: { send: 'Xsend' } });
    const t = whole('xx-YY');
    expect(t.retry).to.equal('Xretry');
    expect(t.clip.send).to.equal('Xsend');
    expect(t.charactersLeft(4)).to.equal('X4');
    expect(t.clip.homeQuestion).to.equal(en.clip.homeQuestion);
    expect(t.errors.offline).to.deep.equal(en.errors.offline);
    expect(t.feelings.strengthWords).to.deep.equal(en.feelings.strengthWords);
    expect(t.clip.reachOf(3, 24)).to.equal(en.clip.reachOf(3, 24));
    expect(t.locale).to.equal('xx');
    expect(t.dir).to.equal('ltr');
    // The host's functions are wrapped (so their parameter count reads 0); the key set is English's.
    const keys = (table: unknown) => shape(table).map((p) => p.replace(/\(\d\)$/, '()'));
    expect(keys(t)).to.deep.equal(keys(EN));
  });

  it('or from Dutch, if the host asks', () => {
    registerLocale('yy', { clip: { send: 'Ysend' } }, { fallback: 'nl' });
    expect(whole('yy').clip.send).to.equal('Ysend');
    expect(whole('yy').clip.homeQuestion).to.equal(nl.clip.homeQuestion);
    expect(messagesFor('yy').charactersLeft(2)).to.equal('Nog 2 tekens');
  });

  it('survives what plain JavaScript can pass: wrong types, empty strings, throwing or silent functions', () => {
    const broken = {
      locale: 'not a language tag!',
      dir: 'sideways',
      retry: 42,
      loading: '   ',
      errors: null,
      programmes: 'WIsH',
      charactersLeft: 'nog wat',
      clip: {
        lesson: () => {
          throw new Error('oops');
        },
        photos: () => undefined,
        send: ['Send'],
      },
      feelings: { strengthWords: ['ein bisschen', '', null], context: { home: 'zu Hause' } },
    } as unknown as PartialMessages;
    expect(() => registerLocale('zz', broken)).to.not.throw();
    const t = whole('zz');
    expect(t.locale).to.equal('zz');
    expect(t.dir).to.equal('ltr');
    expect(t.retry).to.equal(en.retry);
    expect(t.loading).to.equal(en.loading);
    expect(t.errors).to.deep.equal(en.errors);
    expect(t.programmes).to.deep.equal(en.programmes);
    expect(t.clip.lesson(2)).to.equal('Lesson 2');
    expect(t.clip.photos(3)).to.equal('3 photos');
    expect(t.charactersLeft(3)).to.equal('3 characters left');
    expect(t.clip.send).to.equal(en.clip.send);
    expect(t.feelings.strengthWords).to.deep.equal(['ein bisschen', 'a bit', 'quite', 'very', 'very, very']);
    expect(t.feelings.context).to.deep.equal({ home: 'zu Hause', school: 'at school' });
    expect(formatRelative(new Date(Date.now() - 3 * 86_400_000), 'zz')).to.be.a('string');
    expect(() => registerLocale('zz2', undefined as unknown as PartialMessages)).to.not.throw();
    expect(whole('zz2').clip.send).to.equal(en.clip.send);
  });

  it('fills every widget’s section by the same rule: a registered section gap by gap, a missing one is English (or Dutch)', async () => {
    registerLocale('ww', {
      feedback: {
        send: 'Wsend',
        replyLabel: '  ',
        homeShare: () => {
          throw new Error('oops');
        },
      },
      composer: { heading: 'Wheading', intro: 42 },
    } as unknown as PartialMessages);
    const feedback = feedbackMessages.get('ww-XX');
    expect(feedback.send).to.equal('Wsend');
    expect(feedback.replyLabel).to.equal(en.feedback.replyLabel);
    expect(feedback.homeShare(3, 24)).to.equal(en.feedback.homeShare(3, 24));
    expect(rewardMessages.get('ww'), 'a section the table leaves out').to.equal(rewardMessages.get('en'));
    const composer = await composerMessages.load('ww');
    expect(composer.heading).to.equal('Wheading');
    expect(composer.intro).to.equal(composerEn.intro);
    expect(composerMessages.ready('ww')).to.equal(true);

    registerLocale('vv', { retry: 'Vretry', matrix: { save: 'Vsave' } }, { fallback: 'nl' });
    expect(matrixMessages.get('vv').save).to.equal('Vsave');
    expect(matrixMessages.get('vv').cancel).to.equal(nl.matrix.cancel);
    expect(clipMessages.get('vv')).to.equal(clipMessages.get('nl'));
    expect(clipMessages.ready('vv')).to.equal(true);
  });

  it('guesses the direction of a right-to-left language whose table doesn’t say', () => {
    registerLocale('fa', { retry: 'دوباره امتحان کنید' });
    expect(messagesFor('fa').dir).to.equal('rtl');
    expect(messagesFor('fa').locale).to.equal('fa');
  });

  it('leaves English and Dutch as they were', () => {
    expect(whole('en').clip.send).to.equal('Send');
    expect(whole('nl').clip.send).to.equal('Versturen');
    expect(resolveLocale('de')).to.equal('nl');
  });
});

describe('a widget in a home language', () => {
  const root = (el: HTMLElement) => el.shadowRoot!;
  const text = (el: HTMLElement) => root(el).textContent.replace(/\s+/g, ' ');

  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
    configure({ adapter: undefined, locale: undefined });
  });

  async function render(locale: string, dir: 'ltr' | 'rtl' = 'ltr'): Promise<SamenLessonClip> {
    const wrapper = await fixture<HTMLElement>(html`<div dir=${dir} lang=${locale}>
      <samen-provider .adapter=${memoryAdapter()} locale=${locale}>
        <samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip>
      </samen-provider>
    </div>`);
    const el = wrapper.querySelector('samen-lesson-clip')!;
    await settled(el);
    const bar = root(el).querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('samen-feedback-bar');
    if (bar) await settled(bar);
    return el;
  }

  it('reads right to left in Arabic, accessibly', async () => {
    const el = await render('ar', 'rtl');
    expect(getComputedStyle(el).direction).to.equal('rtl');
    expect(root(el).querySelector('article')!.getAttribute('lang')).to.equal('ar');
    expect(text(el)).to.contain('الدرس 2');
    expect(text(el)).to.contain(ar.clip.goal);
    expect(text(el)).to.contain(ar.clip.homeQuestion);
    expect(root(el).querySelector('time')!.textContent.trim()).to.match(/^نُشر /);
    expect(root(el).querySelector('textarea')!.placeholder).to.equal(ar.clip.answerPlaceholder);
    expect(root(el).querySelector('[part~="send-button"]')!.textContent).to.contain(ar.clip.send);
    const bar = root(el).querySelector('samen-feedback-bar')!;
    expect(bar.getAttribute('locale')).to.equal('ar');
    expect(bar.shadowRoot!.innerHTML).to.contain(ar.feedback.reactions.like);
    expect(text(el)).to.not.match(/undefined|Lesson|Les 2/);
    await expect(el).to.be.accessible();
  });

  it('reads right to left in Arabic inside a left-to-right app, and the reaction arrow keys follow', async () => {
    const el = await render('ar', 'ltr');
    const card = root(el).querySelector<HTMLElement>('[part~="base"]')!;
    expect(card.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(card).direction).to.equal('rtl');
    const bar = root(el).querySelector('samen-feedback-bar')!;
    const buttons = [...bar.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="toolbar"] button')];
    buttons[0]!.focus();
    buttons[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, composed: true }));
    expect(bar.shadowRoot!.activeElement, 'ArrowLeft moves forward in Arabic').to.equal(buttons[1]);
  });

  it('a Dutch card follows the page direction (hosts may mirror it)', async () => {
    const el = await render('nl', 'rtl');
    expect(root(el).querySelector('[part~="base"]')!.hasAttribute('dir')).to.equal(false);
    expect(getComputedStyle(root(el).querySelector('[part~="base"]')!).direction).to.equal('rtl');
  });

  it('re-renders when its language is registered after it appeared (a lazily loaded language)', async () => {
    const el = await render('sv');
    expect(text(el)).to.contain(nl.clip.homeQuestion);
    registerLocale('sv', { clip: { homeQuestion: 'Fråga för hemmet' } });
    await el.updateComplete;
    expect(text(el)).to.contain('Fråga för hemmet');
  });

  it('reads in Turkish, accessibly', async () => {
    const el = await render('tr');
    expect(text(el)).to.contain('Ders 2');
    expect(text(el)).to.contain(tr.clip.goal);
    expect(text(el)).to.contain(tr.clip.homeQuestion);
    expect(root(el).querySelector('time')!.textContent.trim()).to.match(/ paylaşıldı$/);
    expect(text(el)).to.not.contain('undefined');
    await expect(el).to.be.accessible();
  });

  it('shows English, not key names, for what a partial table leaves out', async () => {
    registerLocale('fr', { clip: { goal: 'But de la leçon' } });
    const el = await render('fr');
    expect(text(el)).to.contain('But de la leçon');
    expect(text(el)).to.contain(en.clip.homeQuestion);
    const keyNames = leaves(en)
      .map(([path]) => path.split('.').pop()!)
      .filter((key) => /[a-z][A-Z]/.test(key));
    const shown = `${text(el)} ${root(el).innerHTML}`;
    expect(keyNames.filter((key) => shown.includes(key))).to.deep.equal([]);
    expect(shown).to.not.contain('undefined');
    await expect(el).to.be.accessible();
  });
});
