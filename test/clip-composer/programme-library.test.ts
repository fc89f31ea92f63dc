import { expect } from '@open-wc/testing';
import {
  courseOf,
  DEFAULT_LIBRARY,
  extendLibrary,
  lessonsOf,
  libraryLanguages,
  parseLibrary,
  pickLanguage,
  pickText,
  prefillFor,
  sourceOf,
} from '../../src/clip-composer/programme-library.js';
import { checkUpload, MEDIA_LIMITS } from '../../src/clip-composer/schemas.js';

describe('programme library', () => {
  it('ships WIsH lessons 1–8 with their themes, in Dutch and English, every text filled', () => {
    const wish = lessonsOf(DEFAULT_LIBRARY, 'wish');
    expect(wish.map((l) => l.lessonNumber)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(wish.map((l) => l.title['nl'])).to.include.members([
      'Grens aangeven',
      'Lichaamstaal',
      'Pesten',
      'Voor jezelf opkomen',
      'Gevoelens herkennen',
    ]);
    for (const lesson of DEFAULT_LIBRARY) {
      for (const locale of ['nl', 'en']) {
        const texts = prefillFor(lesson, locale);
        for (const key of ['title', 'goal', 'learned', 'homeQuestion', 'homeActivity'] as const) {
          expect(texts[key], `${lesson.id} ${locale} ${key}`).to.be.a('string').and.not.equal('');
        }
        expect(texts.title).to.equal(lesson.title[locale]);
      }
    }
  });

  it('ships Kanjertraining (the four caps) and PBS lessons, and the shipped library passes its own schema', () => {
    expect(lessonsOf(DEFAULT_LIBRARY, 'kanjer')[0]!.learned!['nl']).to.contain('witte pet');
    expect(lessonsOf(DEFAULT_LIBRARY, 'kanjer').map((l) => l.title['en'])).to.include('The rabbit and the yellow cap');
    expect(lessonsOf(DEFAULT_LIBRARY, 'pbs').length).to.be.greaterThan(2);
    expect(lessonsOf(DEFAULT_LIBRARY, 'custom')).to.deep.equal([]);
    const parsed = parseLibrary(DEFAULT_LIBRARY);
    expect(parsed.problems).to.deep.equal([]);
    expect(parsed.lessons).to.have.length(DEFAULT_LIBRARY.length);
  });

  it('models WIsH as the study knows it: lesson 1 "Grens aangeven", 7 "Plankje", the last "Samen weerbaar"; the rest examples', () => {
    const wish = lessonsOf(DEFAULT_LIBRARY, 'wish');
    expect([1, 7, 8].map((n) => wish[n - 1]!.title['nl'])).to.deep.equal(['Grens aangeven', 'Plankje', 'Samen weerbaar']);
    for (const lesson of wish) {
      const known = [1, 7, 8].includes(lesson.lessonNumber!);
      expect(sourceOf(lesson, 'title'), `${lesson.id} title`).to.equal(known ? 'programme' : 'example');
      // The texts are starting texts of ours: the study names the lessons, not what they say.
      for (const field of ['goal', 'learned', 'homeQuestion', 'homeActivity'] as const)
        expect(sourceOf(lesson, field), `${lesson.id} ${field}`).to.equal('example');
    }
    // The course around the lessons: the information evening before, the examenles parents attend, the evaluation after.
    expect(wish[0]!.note!['nl']).to.contain('informatieavond');
    expect(wish[7]!.note!['nl']).to.contain('examenles').and.contain('evaluatieformulier');
    expect(courseOf('wish', 'nl').items.join(' '))
      .to.contain('apart')
      .and.contain('weerbaarheidsspecialist')
      .and.contain('herhalingslessen');
    expect(courseOf('wish', 'en-GB')).to.include({ lang: 'en' });
    expect(courseOf('kanjer', 'ar').lang, 'a language the library lacks gets English').to.equal('en');
    expect(courseOf('custom', 'nl').items).to.deep.equal([]);
    for (const lesson of [...lessonsOf(DEFAULT_LIBRARY, 'kanjer'), ...lessonsOf(DEFAULT_LIBRARY, 'pbs')])
      expect(lesson.source, lesson.id).to.equal('example');
  });

  it('takes a school’s own sources and notes, and a school’s lesson without them has no source', () => {
    const { lessons, problems } = extendLibrary(DEFAULT_LIBRARY, [
      { id: 'wish-7', programme: 'wish', lessonNumber: 7, title: { nl: 'Plankje' }, goal: { nl: 'Eigen doel' } },
      {
        id: 'rots-2',
        programme: 'custom',
        title: { nl: 'Water' },
        source: 'programme',
        sources: { goal: 'example' },
        note: { nl: 'Gymzaal reserveren' },
      },
      { id: 'rots-3', programme: 'custom', title: { nl: 'Fout' }, sources: { nope: 'example' } },
      { id: 'rots-4', programme: 'custom', title: { nl: 'Fout' }, source: 'guess' },
    ]);
    expect(problems.map((p) => p.path)).to.deep.equal(['2.sources', '3.source']);
    const own = lessons.find((l) => l.id === 'wish-7')!;
    expect(sourceOf(own, 'title')).to.equal(undefined);
    const rots = lessons.find((l) => l.id === 'rots-2')!;
    expect([sourceOf(rots, 'title'), sourceOf(rots, 'goal')]).to.deep.equal(['programme', 'example']);
  });

  it('lets a school replace a shipped lesson and add its own programme', () => {
    const { lessons, problems } = extendLibrary(DEFAULT_LIBRARY, [
      { id: 'wish-3', programme: 'wish', lessonNumber: 3, title: { nl: 'Sterke houding' }, homeQuestion: { nl: 'Hoe sta jij sterk?' } },
      { id: 'rots-1', programme: 'custom', programmeLabel: { nl: 'Rots en Water' }, lessonNumber: 1, title: { nl: 'Staan als een rots' } },
    ]);
    expect(problems).to.deep.equal([]);
    expect(lessons).to.have.length(DEFAULT_LIBRARY.length + 1);
    expect(prefillFor(lessonsOf(lessons, 'wish')[2]!, 'nl')).to.include({
      title: 'Sterke houding',
      goal: '',
      homeQuestion: 'Hoe sta jij sterk?',
    });
    expect(prefillFor(lessonsOf(lessons, 'custom')[0]!, 'en')).to.include({ title: 'Staan als een rots', programmeLabel: 'Rots en Water' });
    // The shipped library itself is untouched.
    expect(DEFAULT_LIBRARY.find((l) => l.id === 'wish-3')!.title['nl']).to.equal('Lichaamstaal');
  });

  it('leaves bad entries out and names their fields, without their values', () => {
    const { lessons, problems } = parseLibrary([
      { id: 'ok-1', programme: 'pbs', title: { nl: 'Goed' } },
      { id: 'Not An Id', programme: 'pbs', title: { nl: 'Geheim' } },
      { id: 'ok-2', programme: 'tv', title: { nl: 'x' } },
      { id: 'ok-3', programme: 'pbs', title: {}, lessonNumber: -1 },
      'a string',
      null,
      { id: 'ok-1', programme: 'pbs', title: { nl: 'Dubbel' } },
    ]);
    expect(lessons.map((l) => l.id)).to.deep.equal(['ok-1']);
    const paths = problems.map((p) => p.path);
    expect(paths).to.include.members(['1.id', '2.programme', '3.lessonNumber', '6.id']);
    expect(paths.some((p) => p.startsWith('4.'))).to.equal(true);
    expect(JSON.stringify(problems)).to.not.contain('Geheim');
    expect(parseLibrary({ not: 'a list' }).problems[0]!.path).to.equal('(root)');
    expect(extendLibrary(DEFAULT_LIBRARY, 42).lessons).to.have.length(DEFAULT_LIBRARY.length);
  });

  it('picks the language, then its base language, then English, then Dutch', () => {
    expect(pickText({ nl: 'hallo', en: 'hello' }, 'nl-BE')).to.equal('hallo');
    expect(pickText({ nl: 'hallo', en: 'hello' }, 'ar')).to.equal('hello');
    expect(pickText({ nl: 'hallo' }, 'tr')).to.equal('hallo');
    expect(pickText({ fy: 'hoi' }, 'en')).to.equal('hoi');
    expect(pickText(undefined, 'en')).to.equal('');
  });

  it('says which language it picked, and which languages a library has (a school’s own added)', () => {
    expect(pickLanguage({ nl: 'hallo', en: 'hello' }, 'nl-BE')).to.equal('nl');
    expect(pickLanguage({ nl: 'hallo', en: 'hello' }, 'ar')).to.equal('en');
    expect(pickLanguage({ fy: 'hoi' }, 'en')).to.equal('fy');
    expect(pickLanguage(undefined, 'en')).to.equal(undefined);
    expect(libraryLanguages(DEFAULT_LIBRARY)).to.deep.equal(['nl', 'en']);
    const own = extendLibrary(DEFAULT_LIBRARY, [
      { id: 'rots-1', programme: 'custom', title: { fy: 'Stean as in rots', EN: 'Stand like a rock' } },
    ]).lessons;
    expect(libraryLanguages(own)).to.deep.equal(['nl', 'en', 'fy']);
  });
});

describe('upload checks', () => {
  const MB = 1024 * 1024;
  it('takes mp4/webm video up to 200 MB, jpeg/png/webp photos up to 10 MB and .vtt captions', () => {
    expect(checkUpload({ name: 'les.mp4', type: 'video/mp4', size: 200 * MB }, 'video')).to.deep.equal({ ok: true, type: 'video/mp4' });
    expect(checkUpload({ name: 'les.webm', type: '', size: 5 }, 'video')).to.deep.equal({ ok: true, type: 'video/webm' });
    expect(checkUpload({ name: 'les.mov', type: 'video/quicktime', size: 5 }, 'video')).to.include({ ok: false, reason: 'wrong-type' });
    expect(checkUpload({ name: 'les.mp4', type: 'video/mp4', size: 200 * MB + 1 }, 'video')).to.include({ ok: false, reason: 'too-big' });
    expect(checkUpload({ name: 'a.JPG', type: '', size: 5 }, 'photo')).to.deep.equal({ ok: true, type: 'image/jpeg' });
    expect(checkUpload({ name: 'a.png', type: 'image/png', size: 10 * MB + 1 }, 'photo')).to.include({
      ok: false,
      reason: 'too-big',
      maxBytes: MEDIA_LIMITS.photo.maxBytes,
    });
    expect(checkUpload({ name: 'a.svg', type: 'image/svg+xml', size: 5 }, 'photo')).to.include({ ok: false, reason: 'wrong-type' });
    expect(checkUpload({ name: 'nl.vtt', type: '', size: 5 }, 'captions')).to.deep.equal({ ok: true, type: 'text/vtt' });
    expect(checkUpload({ name: 'nl.srt', type: 'text/plain', size: 5 }, 'captions')).to.include({ ok: false, reason: 'wrong-type' });
    expect(checkUpload({ name: 'a.png', type: 'image/png', size: 0 }, 'photo')).to.include({ ok: false, reason: 'empty' });
  });
});
