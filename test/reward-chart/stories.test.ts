import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import meta, * as stories from '../../stories/reward-chart.stories.js';
import { settled } from '../helpers/fixtures.js';

/** Every story renders, leaves its loading state and is accessible (the states designers review). */
type Args = { 'chart-id': string; view: 'parent' | 'teacher' | 'child' };
type Story = { args?: Partial<Args>; render?: (args: Args) => TemplateResult };

// The checks return chai's assertion (typed as a promise by @open-wc/semantic-dom-diff); nothing awaits it.
const expected: Record<string, (root: ShadowRoot) => unknown> = {
  ClassEarly: (r) => expect(r.querySelector('[role="progressbar"]')!.getAttribute('aria-valuenow')).to.equal('4'),
  ClassNearlyThere: (r) => expect(r.querySelector('[role="progressbar"]')!.getAttribute('aria-valuetext')).to.equal('31 van 32 muntjes'),
  ClassGoalReached: (r) => expect(r.querySelector('[part~="redeem-button"]')).to.exist,
  PersonalSchoolAndHome: (r) => expect(r.querySelector('[part~="home-sticker"]')).to.exist,
  TeacherClass: (r) => expect(r.querySelectorAll('[part~="award-button"]')).to.have.length(2),
  TeacherPersonal: (r) => expect(r.querySelectorAll('[part~="award-button"]')).to.have.length(1),
  Failure: (r) => expect(r.querySelector('[part~="retry"]')).to.exist,
  OfflineAwarding: (r) => expect(r.querySelectorAll('[part~="award-button"]')).to.have.length(2),
  RightToLeft: (r) => expect(r.querySelector('[role="progressbar"]')).to.exist,
  Arabic: (r) => {
    const card = r.querySelector<HTMLElement>('[part~="base"]')!;
    expect([card.lang, getComputedStyle(card).direction]).to.deep.equal(['ar', 'rtl']);
    expect(r.querySelector('[role="progressbar"]')!.getAttribute('aria-valuetext')).to.match(/[\u0600-\u06ff]/);
  },
  Dark: (r) => expect((r.host as HTMLElement).getAttribute('theme')).to.equal('dark'),
  Loading: (r) => expect(r.querySelector('[aria-busy="true"]')).to.exist,
  InvalidData: (r) => expect(r.querySelector('.state.error')!.textContent).to.include('Dit kunnen we niet laten zien'),
  // The first chart is the family's: no teacher's tip-and-top section in it (the note itself arrives live).
  TipAndTop: (r) =>
    expect([r.querySelector('[part~="tip-top"]'), (r.host as HTMLElement).getAttribute('view')]).to.deep.equal([null, 'parent']),
  EveryChildRecognised: (r) => {
    expect(r.querySelector('[part~="recognition"] h3')!.textContent).to.equal('Iedereen gezien deze week?');
    expect(r.querySelectorAll('[part~="recognition"] .not-yet li').length).to.be.greaterThan(0);
    expect(r.querySelector('.for-whom select')).to.exist;
  },
  // The first chart is Noor's own: her choices, three goal words and three rewards with pictures (issue 24).
  ChildChoosesGoal: (r) => {
    expect(r.querySelector('[part~="choose"] h3')!.textContent).to.equal('Kies zelf');
    expect(r.querySelectorAll('[part~="choose"] input[type="radio"]')).to.have.length(6);
    expect(r.querySelectorAll('[part~="choose"] svg.choice-picture')).to.have.length(6);
  },
  // The adults set the child's options (issue 24): the parent's chart offers "Keuzes voor het kind" (the story's play opens it).
  AdultsSetChoices: (r) => {
    expect(r.querySelector('[part~="choices-open"]')!.textContent.trim()).to.equal('Keuzes voor het kind');
  },
  AdultsSetChoicesFull: (r) => {
    expect(r.querySelector('[part~="choices-open"]')!.textContent.trim()).to.equal('Keuzes voor het kind');
  },
  LongTexts: (r) => {
    const card = r.querySelector<HTMLElement>('[part~="base"]')!;
    expect(card.scrollWidth, 'long words wrap inside the card').to.be.at.most(card.clientWidth + 1);
  },
};

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

describe('reward-chart stories', () => {
  const named = Object.entries(stories).filter(([name]) => name !== 'default') as [string, Story][];

  for (const [name, story] of named) {
    it(`${name} renders and is accessible`, async () => {
      const args = { ...meta.args, ...story.args } as Args;
      const render = (story.render ?? meta.render) as (args: Args) => TemplateResult;
      const wrapper = await fixture<HTMLElement>(html`<div>${render(args)}</div>`);
      const el = wrapper.querySelector('samen-reward-chart')!;
      if (name === 'Loading') await el.updateComplete;
      else await settled(el);
      await expect(el).to.be.accessible();
      expected[name]!(el.shadowRoot!);
    });
  }

  it('has a check for every story', () => {
    expect(meta.component).to.equal('samen-reward-chart');
    expect(named.map(([name]) => name).sort()).to.deep.equal(Object.keys(expected).sort());
  });
});
