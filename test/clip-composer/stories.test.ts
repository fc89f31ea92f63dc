import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { TemplateResult } from 'lit';
import meta, * as stories from '../../stories/clip-composer.stories.js';
import { settled } from '../helpers/fixtures.js';

/** Every story renders, runs its play function, shows its state and is accessible. */
type Args = { locale: string; theme: '' | 'dark' };
type Story = { args?: Partial<Args>; render?: (args: Args) => TemplateResult; play?: (c: { canvasElement: HTMLElement }) => Promise<void> };

const q = (r: ShadowRoot, s: string) => r.querySelector(s);
// The checks return chai's assertion (typed as a promise by @open-wc/semantic-dom-diff); nothing awaits it.
const expected: Record<string, (root: ShadowRoot) => unknown> = {
  Empty: (r) => expect((q(r, '#title') as HTMLInputElement).value).to.equal(''),
  PrefilledWishLesson3: (r) => expect((q(r, '#title') as HTMLInputElement).value).to.equal('Lichaamstaal'),
  WishLessonForAGroup: (r) => {
    expect((q(r, '#title') as HTMLInputElement).value).to.equal('Grens aangeven');
    expect(q(r, '#goal-source')!.textContent).to.contain('Voorbeeldtekst — pas aan naar jullie les');
    expect((q(r, '#group') as HTMLInputElement).value).to.equal('Groep 6 — meisjes');
    expect(q(r, '[part~="programme-info"]')!.hasAttribute('open')).to.equal(true);
  },
  Uploading: (r) => expect(q(r, '[part~="upload"]')!.textContent).to.contain('kring.png: uploaden'),
  UploadRefused: (r) =>
    expect(q(r, '.refusals')!.textContent).to.contain('klassenfoto.jpg is te groot').and.contain('brief-ouders.pdf kan hier niet'),
  Preview: (r) =>
    expect(q(r, '[part~="preview"] samen-lesson-clip')!.shadowRoot!.querySelector('article')!.getAttribute('dir')).to.equal('rtl'),
  Published: (r) => expect(q(r, '[part~="published"]')).to.exist,
  AdapterWithoutUploads: (r) => expect(q(r, '.no-publish')).to.exist,
  RightToLeft: (r) => expect(q(r, '[part~="base"]')!.getAttribute('dir')).to.equal('rtl'),
  Dark: (r) => expect((r.host as HTMLElement).getAttribute('theme')).to.equal('dark'),
  ComposeToParent: (r) => expect(q(r, '#programme')).to.exist,
  // The rhythm and after the last lesson (issue 26).
  ScheduledForTheNextSchoolDay: (r) => {
    expect((q(r, '#schedule-hour') as HTMLSelectElement).value).to.equal('8');
    expect(q(r, '[part~="rhythm"] h3')!.textContent).to.equal('Ritme van de klas');
  },
  WeekendEveningWarning: (r) =>
    expect(q(r, '[part~="schedule-warning"]')!.textContent).to.contain('in het weekend').and.contain('laat op de avond'),
  FollowUpToTheLastLesson: (r) => expect((q(r, '#title') as HTMLInputElement).value).to.equal('Denkt u nog aan “Samen weerbaar”?'),
  RepeatLesson: (r) => expect(q(r, '#original-class')).to.exist,
  ScheduledAndPublished: (r) => expect(q(r, '[part~="published"]')!.textContent).to.contain('Ingepland voor'),
};

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

describe('clip-composer stories', () => {
  const named = Object.entries(stories).filter(([name]) => name !== 'default') as [string, Story][];

  for (const [name, story] of named) {
    it(`${name} renders, plays and is accessible`, async function () {
      this.timeout(20_000);
      const args = { ...meta.args, ...story.args } as Args;
      const render = (story.render ?? meta.render) as (args: Args) => TemplateResult;
      const wrapper = await fixture<HTMLElement>(html`<div>${render(args)}</div>`);
      const el = wrapper.querySelector('samen-clip-composer')!;
      await settled(el);
      await story.play?.({ canvasElement: wrapper });
      await el.updateComplete;
      const card = el.shadowRoot!.querySelector('samen-lesson-clip');
      if (card) await waitUntil(() => card.shadowRoot?.querySelector('article'), 'card inside the composer');
      await expect(wrapper).to.be.accessible();
      expected[name]!(el.shadowRoot!);
    });
  }

  it('shows the parent card beside the composer once published, ready to answer', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>${stories.ComposeToParent.render!(meta.args as Args, {} as never)}</div>`);
    const el = wrapper.querySelector('samen-clip-composer')!;
    await settled(el);
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#lesson')!;
    select.value = 'wish-2';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="publish-button"]')!.click();
    await waitUntil(() => wrapper.querySelector('#parent-card samen-lesson-clip')?.shadowRoot?.querySelector('textarea'), 'parent card');
    const card = wrapper.querySelector('#parent-card samen-lesson-clip')!;
    expect(card.shadowRoot!.querySelector('h2')!.textContent).to.equal('Wie ben ik?');
    await expect(wrapper).to.be.accessible();
  });

  it('has a check for every story', () => {
    expect(meta.component).to.equal('samen-clip-composer');
    expect(named.map(([name]) => name).sort()).to.deep.equal(Object.keys(expected).sort());
  });
});
