/**
 * The class entries (`@samen/widgets/feedback-bar/class`, …) give a widget's class without side
 * effects: importing one defines no custom element, so a host can define it under a name of its
 * own or in a scoped registry. The define entries (`@samen/widgets/feedback-bar`) still define.
 * Both the sources and the built dist/ files (npm test builds them first) are checked, and every
 * class entry in package.json must point at a module that is listed here.
 */
import { expect } from '@open-wc/testing';

interface ExportTarget {
  types: string;
  default: string;
}

/** The class each entry exports, by the source module it is built from. */
const CLASSES: Record<string, string> = {
  'lesson-clip/lesson-clip': 'SamenLessonClip',
  'feedback-bar/feedback-bar': 'SamenFeedbackBar',
  'reward-chart/reward-chart': 'SamenRewardChart',
  'feelings-checkin/feelings-checkin': 'SamenFeelingsCheckin',
  'expectation-matrix/expectation-matrix': 'SamenExpectationMatrix',
  'clip-composer/clip-composer': 'SamenClipComposer',
  'programme-overview/programme-overview': 'SamenProgrammeOverview',
  'programme-intro/programme-intro': 'SamenProgrammeIntro',
  'meeting/meeting': 'SamenMeeting',
  'evaluation/evaluation': 'SamenEvaluation',
  'core/samen-provider': 'SamenProvider',
};

const defined: string[] = [];
const realDefine = customElements.define.bind(customElements);

async function classEntries(): Promise<[string, ExportTarget][]> {
  const pkg = (await (await fetch('/package.json')).json()) as { exports: Record<string, unknown>; sideEffects: string[] };
  return Object.entries(pkg.exports).filter((e): e is [string, ExportTarget] => e[0].endsWith('/class'));
}

const moduleOf = (target: ExportTarget) => /^\.\/dist\/(.+)\.js$/.exec(target.default)?.[1] ?? '';

describe('class entries: the class alone, nothing defined', () => {
  before(() => {
    customElements.define = (name: string, ctor: CustomElementConstructor, options?: ElementDefinitionOptions) => {
      defined.push(name);
      realDefine(name, ctor, options);
    };
  });
  after(() => {
    customElements.define = realDefine;
  });

  it('package.json has a class entry beside every define entry, with types beside the module', async () => {
    const entries = await classEntries();
    expect(entries.map(([key]) => key).sort()).to.deep.equal(
      [
        'clip-composer',
        'evaluation',
        'expectation-matrix',
        'feedback-bar',
        'feelings-checkin',
        'lesson-clip',
        'meeting',
        'programme-intro',
        'programme-overview',
        'provider',
        'reward-chart',
      ].map((w) => `./${w}/class`),
    );
    for (const [key, target] of entries) {
      expect(Object.keys(CLASSES), key).to.include(moduleOf(target));
      expect(target.types, key).to.equal(target.default.replace(/\.js$/, '.d.ts'));
    }
  });

  it('importing each class module (source and dist/) defines no custom element', async function () {
    this.timeout(90_000); // twenty module graphs, instrumented for coverage
    for (const [key, target] of await classEntries()) {
      const path = moduleOf(target);
      const className = CLASSES[path]!;
      for (const url of [`/src/${path}.ts`, `/${target.default.slice(2)}`]) {
        const module = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
        const cls = module[className] as CustomElementConstructor | undefined;
        expect(cls, `${key}: ${url} exports ${className}`).to.be.a('function');
        expect(cls!.prototype, `${key}: ${className} is an element class`).to.be.instanceOf(HTMLElement);
        expect(customElements.getName(cls!), `${key}: ${url} left ${className} undefined`).to.equal(null);
      }
    }
    expect(defined, 'no class entry called customElements.define').to.deep.equal([]);
    expect([...document.querySelectorAll(':defined')].filter((el) => el.localName.startsWith('samen-'))).to.deep.equal([]);
  });

  it('the define entry still defines its element (the check above would have seen it)', async () => {
    await import('../../src/define/samen-feedback-bar.js');
    expect(defined).to.deep.equal(['samen-feedback-bar']);
  });

  it('sideEffects names the define entries, the self-registering languages and the bundle, never a class entry', async () => {
    const pkg = (await (await fetch('/package.json')).json()) as { sideEffects: string[] };
    for (const path of ['./dist/define/*.js', './dist/locales/*.js', './dist/samen.bundle.js', './dist/index.js']) {
      expect(pkg.sideEffects).to.include(path);
    }
    for (const [, target] of await classEntries()) {
      const dir = target.default.replace(/[^/]+$/, '');
      expect(
        pkg.sideEffects.some((p) => p === target.default || p === `${dir}*.js`),
        target.default,
      ).to.equal(false);
    }
  });
});
