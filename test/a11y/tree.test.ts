/**
 * What a screen reader gets: each widget's main flow done with real key presses, read back
 * from Chromium's accessibility tree (Puppeteer's snapshot through `a11ySnapshot`): names,
 * roles, states, and the live region's words after the action ("Verstuurd", "Muntje gegeven — 32 van 32. Doel
 * bereikt!", "Geplaatst", …). Also: Escape closes the matrix editor, and focus rings have 3:1 contrast.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import type { SamenClipComposer } from '../../src/clip-composer/clip-composer.js';
import { nl as composerNl } from '../../src/clip-composer/locales/nl.js';
import { DEFAULT_LIBRARY, prefillFor } from '../../src/clip-composer/programme-library.js';
import { nl } from '../helpers/tables.js';
import { storyAdapter, STORY_NOW } from '../../stories/support/story-adapter.js';
import { allStories, renderStory, settleAll, type Widget } from './support.js';
import { fakeSpeech } from '../helpers/speech.js';

interface AXNode {
  role: string;
  name: string;
  checked?: boolean | 'mixed';
  pressed?: boolean | 'mixed';
  disabled?: boolean;
  valuetext?: string;
  value?: string | number;
  valuemax?: number;
  expanded?: boolean;
  required?: boolean;
  description?: string;
  live?: string;
  level?: number;
  children?: AXNode[];
}

/**
 * The page's tree (only this story is on the page). Rooted at the story's wrapper, Puppeteer
 * would return just the first node of interest below it, since a plain <div> is of none.
 */
async function tree(_wrapper: HTMLElement): Promise<AXNode> {
  return (await a11ySnapshot({})) as unknown as AXNode;
}
const find = (root: AXNode, role: string, name?: string | RegExp) =>
  findAccessibilityNode<AXNode>(
    root as AXNode & { children: AXNode[] },
    (n) => n.role === role && (name === undefined || (typeof name === 'string' ? n.name === name : name.test(n.name))),
  );
const all = (root: AXNode, role: string): AXNode[] => [
  ...(root.role === role ? [root] : []),
  ...(root.children ?? []).flatMap((c) => all(c, role)),
];
/** The words inside a node (a live region's text is in its StaticText children). */
const words = (node: AXNode | null): string =>
  node ? [node.role === 'StaticText' ? node.name : '', ...(node.children ?? []).map(words)].join(' ').replace(/\s+/g, ' ').trim() : '';
const liveText = (root: AXNode) => all(root, 'status').map(words).join(' | ');

async function story(title: string, name: string, args: Record<string, unknown> = {}): Promise<[HTMLElement, Widget]> {
  const found = allStories().find(([t, n]) => t === `Widgets/${title}` && n === name);
  if (!found) throw new Error(`no story ${title}/${name}`);
  const [, , meta, s] = found;
  const wrapper = await renderStory(meta, { ...s, args: { ...s.args, ...args } });
  const [el] = await settleAll(wrapper);
  return [wrapper, el!];
}
const $ = <E extends Element = HTMLElement>(el: Widget, selector: string) => el.shadowRoot!.querySelector<E & Element>(selector)!;
const shown = (el: Widget, text: string) => waitUntil(() => el.shadowRoot!.textContent.includes(text), `"${text}"`, { timeout: 3000 });

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

describe('accessibility tree: each widget’s main flow by keyboard', () => {
  // Voices for the read-aloud buttons (offered only with a voice for the card's language; headless Chromium has none).
  let speech: ReturnType<typeof fakeSpeech>;
  beforeEach(() => (speech = fakeSpeech()));
  afterEach(() => speech.restore());

  it('lesson clip: a parent types an answer and sends it; the tree says "Verstuurd"', async () => {
    const [wrapper, el] = await story('Lesson clip', 'Parent');
    let ax = await tree(wrapper);
    expect(find(ax, 'heading', nl.clip.homeQuestion), 'home question heading').to.exist;
    expect(find(ax, 'button', nl.readAloud)?.pressed, 'read-aloud toggle').to.equal(false);
    expect(find(ax, 'textbox', nl.clip.answerLabel), 'labelled answer box').to.exist;
    expect(find(ax, 'button', nl.clip.send), 'send button').to.exist;
    $<HTMLTextAreaElement>(el, 'textarea').focus();
    await sendKeys({ type: 'We oefenden het samen' });
    await sendKeys({ press: 'Tab' });
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(focused.textContent.trim(), 'Tab goes from the answer to Send').to.contain(nl.clip.send);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[role="status"]')?.textContent.includes(nl.clip.saved), 'announced', { timeout: 3000 });
    ax = await tree(wrapper);
    expect(liveText(ax)).to.contain(nl.clip.saved);
  });

  it('feedback bar: reactions named with their count; Enter presses one and the tree says pressed', async () => {
    const [wrapper, el] = await story('Feedback bar', 'Parent');
    let ax = await tree(wrapper);
    // (Puppeteer's tree leaves the toolbar itself out as "uninteresting"; its buttons are there.)
    const reactions = (root: AXNode) => all(root, 'button').filter((b) => typeof b.pressed === 'boolean');
    const buttons = reactions(ax);
    expect(buttons.map((b) => b.name)).to.include(nl.feedback.reactionName(nl.feedback.reactions.like, 6));
    expect(buttons.length).to.be.greaterThan(1);
    for (const b of buttons) expect(b.pressed, b.name).to.be.a('boolean');
    const index = buttons.findIndex((b) => b.pressed === false);
    const dom = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="toolbar"] button')];
    dom[index]!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dom[index]!.getAttribute('aria-pressed') === 'true', 'pressed', { timeout: 3000 });
    ax = await tree(wrapper);
    const after = reactions(ax)[index]!;
    expect(after.pressed).to.equal(true);
    expect(after.name).to.not.equal(buttons[index]!.name); // its count went up
  });

  it('reward chart: a progress bar with words; the award that reaches the goal says "Doel bereikt!"', async () => {
    const [wrapper, el] = await story('Reward chart', 'ClassNearlyThere', { view: 'teacher' });
    let ax = await tree(wrapper);
    const bar = find(ax, 'progressbar')!;
    expect(bar, 'progressbar').to.exist;
    expect([bar.name, (bar as { value?: number }).value, (bar as { valuemax?: number }).valuemax]).to.deep.equal([
      'Rustig in de gang',
      31,
      32,
    ]);
    const award = $<HTMLButtonElement>(el, '[part~="award-button"]');
    award.focus();
    await sendKeys({ press: 'Enter' });
    await shown(el, nl.reward.reached);
    ax = await tree(wrapper);
    expect(liveText(ax)).to.contain(nl.reward.given('class', 32, 32));
    expect(liveText(ax)).to.contain(nl.reward.reached);
  });

  it('feelings check-in: radios named by feeling; Space picks one, Enter saves, the tree says saved', async () => {
    const [wrapper, el] = await story('Feelings check-in', 'Child');
    let ax = await tree(wrapper);
    const radios = all(ax, 'radio');
    expect(radios.map((r) => r.name)).to.include.members([nl.feelings.words.happy, nl.feelings.words.calm]);
    $<HTMLInputElement>(el, 'input[name="feeling"]').focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    ax = await tree(wrapper);
    expect(all(ax, 'radio').filter((r) => r.checked === true).length, 'a feeling and a strength checked').to.equal(2);
    const save = $<HTMLButtonElement>(el, '[part~="save-button"]');
    save.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[role="status"]').textContent.includes(nl.feelings.saved), 'saved', { timeout: 3000 });
    ax = await tree(wrapper);
    expect(liveText(ax)).to.contain(nl.feelings.saved);
  });

  it('expectation matrix: the focus of the week is a named group; a parent shares a success; the tree says shared', async () => {
    const [wrapper, el] = await story('Expectation matrix', 'SchoolMatrix');
    let ax = await tree(wrapper);
    expect(find(ax, 'heading', nl.matrix.focus), 'focus heading').to.exist;
    expect(find(ax, 'button', nl.readAloud), 'read-aloud').to.exist;
    expect(find(ax, 'textbox', nl.matrix.successLabel), 'labelled success box').to.exist;
    $<HTMLTextAreaElement>(el, '#success').focus();
    await sendKeys({ type: 'Hij wachtte netjes' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[role="status"]').textContent.includes(nl.matrix.shared), 'shared', { timeout: 3000 });
    ax = await tree(wrapper);
    expect(liveText(ax)).to.contain(nl.matrix.shared);
  });

  it('clip composer: class, programme and lesson by keyboard; the library’s texts named; upload progress; preview; "Geplaatst"', async function () {
    const c = composerNl;
    localStorage.removeItem('samen:composer:teacher-1');
    // As the story file builds it, with uploads slow enough to be seen on their way.
    const wrapper = await fixture<HTMLElement>(html`<div>
      <samen-provider .adapter=${storyAdapter('teacher', undefined, { now: STORY_NOW, uploadMs: 1500 })} locale="nl">
        <samen-clip-composer .classes=${[
          { id: 'groep6-wish', label: 'Groep 6' },
          { id: 'groep5-kanjer', label: 'Groep 5' },
        ]}></samen-clip-composer>
      </samen-provider>
    </div>`);
    const [el] = (await settleAll(wrapper)) as [SamenClipComposer & Widget];
    const focused = () => el.shadowRoot!.activeElement as HTMLElement | null;
    let ax = await tree(wrapper);
    expect(find(ax, 'heading', c.heading)?.level, 'the composer’s heading').to.equal(2);
    expect(find(ax, 'form', c.heading), 'the form, named by the heading').to.exist;
    expect(find(ax, 'combobox', c.classLabel)?.value, 'class').to.equal('Groep 6');
    expect(find(ax, 'combobox', c.programme)?.value, 'programme').to.equal(nl.programmes.wish);
    expect(find(ax, 'combobox', c.lesson)?.value, 'lesson').to.equal(c.chooseLesson);
    expect(find(ax, 'button', c.preview)?.expanded, 'the preview toggle, closed').to.equal(false);
    expect(find(ax, 'region', c.previewHeading), 'no preview region while it is closed').to.equal(null);
    expect(find(ax, 'textbox', c.title)?.required, 'the title is required').to.equal(true);
    // Each language is named in itself ("العربية"), so each option says its language (WCAG 3.1.2).
    for (const id of ['text-lang', 'preview-locale']) {
      const options = [...$<HTMLSelectElement>(el, `#${id}`).options];
      expect(options.length, id).to.be.greaterThan(1);
      expect(
        options.map((o) => o.lang),
        id,
      ).to.deep.equal(options.map((o) => o.value));
    }

    // Pick the class, the programme and the lesson with arrow keys, Tab between them.
    $<HTMLSelectElement>(el, '#class').focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    expect(focused()?.id, 'Tab: from the class to the texts’ language').to.equal('text-lang');
    await sendKeys({ press: 'Tab' });
    expect(focused()?.id).to.equal('programme');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    expect(focused()?.id).to.equal('lesson');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const lesson = prefillFor(
      DEFAULT_LIBRARY.find((l) => l.id === 'kanjer-1')!,
      'nl',
    );
    ax = await tree(wrapper);
    expect(find(ax, 'combobox', c.classLabel)?.value).to.equal('Groep 5');
    expect(find(ax, 'combobox', c.programme)?.value).to.equal(nl.programmes.kanjer);
    expect(find(ax, 'combobox', c.lesson)?.value).to.equal(c.lessonOption(1, lesson.title));
    expect(liveText(ax), 'the live region says the texts were filled in').to.contain(c.prefilled);
    // The pre-filled fields, each named by its label, with the library's text as its value.
    for (const [name, value] of [
      [c.title, lesson.title],
      [nl.clip.goal, lesson.goal],
      [nl.clip.learned, lesson.learned],
      [nl.clip.homeQuestion, lesson.homeQuestion],
      [nl.clip.homeActivity, lesson.homeActivity],
    ]) {
      expect(value, `${name}: the library has a text`).to.not.equal('');
      expect(find(ax, 'textbox', name)?.value, name).to.equal(value);
    }
    expect(find(ax, 'textbox', nl.clip.learned)?.description, 'the starter’s hint, and that the library’s text is an example').to.equal(
      `${c.learnedHint} ${c.exampleText}`,
    );

    // Tab through the five texts, the sub-group, the co-teacher and the programme's course to the kind of post (issue 26: one stop, the
    // checked radio, a lesson), then on to the file picker: named, with the limits as its description.
    const radio = () => focused() as HTMLInputElement | null;
    for (let i = 0; i < 9 && radio()?.name !== 'kind'; i++) await sendKeys({ press: 'Tab' });
    expect([radio()?.name, radio()?.value, radio()?.checked], 'Tab reaches the kind of post after the texts: a lesson').to.deep.equal([
      'kind',
      'lesson',
      true,
    ]);
    await sendKeys({ press: 'Tab' });
    expect(focused()?.id, 'Tab reaches the file picker after the kind of post').to.equal('media-input');
    const attach = find(ax, 'button', c.chooseMedia)!;
    expect(attach, 'the file picker, named').to.exist;
    expect(attach.description).to.equal(c.mediaHint(200, 10));

    // A photo on its way (a host's own picker hands files over like this; a file dialog has no keys here).
    const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 36 });
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    el.addFiles([new File([blob], 'kring.png', { type: 'image/png' })]);
    await waitUntil(() => ($<HTMLProgressElement>(el, '[part~="upload"] progress')?.value ?? 0) >= 20, 'upload under way', {
      timeout: 3000,
    });
    ax = await tree(wrapper);
    const bar = find(ax, 'progressbar', 'kring.png')!;
    expect(bar, 'the upload’s progress bar, named by its file').to.exist;
    expect([typeof bar.value, bar.valuemax]).to.deep.equal(['number', 100]);
    expect(bar.value).to.be.within(20, 100);
    expect(find(ax, 'button', c.cancelUploadOf('kring.png')), 'its stop button, named by the file').to.exist;
    await waitUntil(() => el.shadowRoot!.querySelector('[role="status"]')!.textContent.includes(c.uploaded('kring.png')), 'uploaded');
    ax = await tree(wrapper);
    expect(find(ax, 'progressbar'), 'no progress bar once done').to.equal(null);
    expect(liveText(ax)).to.contain(c.uploaded('kring.png'));
    expect(find(ax, 'button', c.removeOf('kring.png')), 'remove, named by the file').to.exist;

    // Describe the photo: Tab from the picker past Remove to its description.
    $<HTMLInputElement>(el, '#media-input').focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused()?.getAttribute('aria-required'), 'the photo’s description').to.equal('true');
    await sendKeys({ type: 'Kinderen in een kring' });
    ax = await tree(wrapper);
    expect(find(ax, 'textbox', c.photoAlt(1))?.value).to.equal('Kinderen in een kring');

    // When it goes out (issue 26): one stop, "Nu plaatsen" checked; then the preview.
    await sendKeys({ press: 'Tab' });
    expect([radio()?.name, radio()?.value, radio()?.checked], 'Tab reaches when to post: now').to.deep.equal(['when', 'now', true]);
    ax = await tree(wrapper);
    expect(find(ax, 'radio', c.postNow)?.checked, '"Nu plaatsen", named and checked').to.equal(true);

    // Open the preview: the toggle says expanded, the region shows the parent's card.
    await sendKeys({ press: 'Tab' });
    expect(focused()?.id).to.equal('preview-locale');
    await sendKeys({ press: 'Tab' });
    expect(focused()?.getAttribute('part')).to.equal('preview-button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => el.shadowRoot!.querySelector('[part~="preview"] samen-lesson-clip')?.shadowRoot?.querySelector('article'),
      'the previewed card',
    );
    await settleAll(el.shadowRoot!.querySelector<HTMLElement>('[part~="preview"]')!);
    ax = await tree(wrapper);
    expect(find(ax, 'button', c.hidePreview)?.expanded, 'the toggle, open').to.equal(true);
    const region = find(ax, 'region', c.previewHeading)!;
    expect(region, 'the preview region').to.exist;
    expect(find(region, 'heading', lesson.title), 'the parent’s card of the draft').to.exist;
    expect(find(region, 'image', 'Kinderen in een kring'), 'the photo, described').to.exist;

    // Publish: Tab from the preview toggle to Publish, Enter.
    await sendKeys({ press: 'Tab' });
    expect(focused()?.getAttribute('part')).to.equal('publish-button');
    ax = await tree(wrapper);
    expect(find(ax, 'button', c.publish)?.disabled, 'publish is not disabled').to.not.equal(true);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !!$(el, '[part~="published"]'), 'published', { timeout: 3000 });
    await waitUntil(() => focused()?.getAttribute('part') === 'published', 'focus on the confirmation');
    ax = await tree(wrapper);
    // Said once, by the focused confirmation: the live region no longer says it too (issue 21: it was heard twice).
    expect(liveText(ax)).to.not.contain(c.published);
    expect(find(ax, 'heading', c.published), 'the confirmation is a heading').to.exist;
    expect(find(ax, 'button', c.another), 'post another').to.exist;
  });
});

describe('Escape closes what opens', () => {
  it('the matrix editor: Escape closes it unchanged; with changes it moves to Cancel and loses nothing', async () => {
    const [, el] = await story('Expectation matrix', 'SchoolMatrix', { view: 'teacher' });
    $<HTMLButtonElement>(el, '[part~="edit-button"]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await waitUntil(() => !!$(el, '[part~="editor"]'), 'editor open');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '[part~="editor"]'), 'closed').to.equal(null);
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[part~="edit-button"]'), 'focus back on Edit');

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !!$(el, '[part~="editor"] input'), 'editor open again');
    await el.updateComplete;
    await sendKeys({ type: 'x' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '[part~="editor"]'), 'still open with a change').to.exist;
    expect((el.shadowRoot!.activeElement as HTMLElement).textContent.trim()).to.equal(nl.matrix.cancel);
  });
});

describe('visible focus', () => {
  /** sRGB relative luminance of a computed `rgb(…)` colour (WCAG 2.2). */
  function luminance(rgb: string): number {
    const [r, g, b] = rgb
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((v) => {
        const c = Number(v) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  }
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };

  for (const scheme of ['light', 'dark'] as const) {
    it(`every button's focus ring has 3:1 contrast against the card, ${scheme}`, async () => {
      document.documentElement.style.colorScheme = scheme;
      try {
        const checked: string[] = [];
        for (const [title, name] of [
          ['Lesson clip', 'Parent'],
          ['Feedback bar', 'Parent'],
          ['Reward chart', 'TeacherClass'],
          ['Feelings check-in', 'Child'],
          ['Expectation matrix', 'SchoolMatrix'],
          ['Clip composer', 'Empty'],
        ] as const) {
          const [, el] = await story(title, name);
          const card = $(el, '[part~="base"]');
          const background = getComputedStyle(card).backgroundColor;
          const button = $<HTMLButtonElement>(el, 'button:not([disabled])');
          button.focus();
          await sendKeys({ press: 'Shift' }); // a key press, so :focus-visible applies as for a keyboard user
          const style = getComputedStyle(button);
          expect(button.matches(':focus-visible'), `${title}: focus-visible`).to.equal(true);
          expect(style.outlineStyle, title).to.equal('solid');
          expect(parseFloat(style.outlineWidth), title).to.be.at.least(2);
          expect(contrast(style.outlineColor, background), `${title}: ring on card`).to.be.at.least(3);
          checked.push(title);
        }
        expect(checked).to.have.length(6);
      } finally {
        document.documentElement.style.colorScheme = '';
      }
    });
  }
});
