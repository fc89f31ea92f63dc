/**
 * What a screen reader gets: each widget's main flow done with real key presses, read back
 * from Chromium's accessibility tree (Puppeteer's snapshot through `a11ySnapshot`): names,
 * roles, states, and the live region's words after the action ("Verstuurd", "Gegeven! Doel
 * bereikt!", …). Also: Escape closes the matrix editor, and focus rings have 3:1 contrast.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import { nl } from '../../src/core/locales/nl.js';
import { allStories, renderStory, settleAll, type Widget } from './support.js';

interface AXNode {
  role: string;
  name: string;
  checked?: boolean | 'mixed';
  pressed?: boolean | 'mixed';
  disabled?: boolean;
  valuetext?: string;
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
  findAccessibilityNode<AXNode>(root as AXNode & { children: AXNode[] }, (n) =>
    n.role === role && (name === undefined || (typeof name === 'string' ? n.name === name : name.test(n.name))),
  );
const all = (root: AXNode, role: string): AXNode[] => [...(root.role === role ? [root] : []), ...(root.children ?? []).flatMap((c) => all(c, role))];
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
const shown = (el: Widget, text: string) => waitUntil(() => el.shadowRoot!.textContent!.includes(text), `"${text}"`, { timeout: 3000 });

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

describe('accessibility tree: each widget’s main flow by keyboard', () => {
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
    expect(focused.textContent!.trim(), 'Tab goes from the answer to Send').to.contain(nl.clip.send);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[role="status"]')?.textContent!.includes(nl.clip.saved), 'announced', { timeout: 3000 });
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
    expect([bar.name, (bar as { value?: number }).value, (bar as { valuemax?: number }).valuemax]).to.deep.equal(['Rustig in de gang', 31, 32]);
    const award = $<HTMLButtonElement>(el, '[part~="award-button"]');
    award.focus();
    await sendKeys({ press: 'Enter' });
    await shown(el, nl.reward.reached);
    ax = await tree(wrapper);
    expect(liveText(ax)).to.contain(nl.reward.awarded);
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
    await waitUntil(() => $(el, '[role="status"]').textContent!.includes(nl.feelings.saved), 'saved', { timeout: 3000 });
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
    await waitUntil(() => $(el, '[role="status"]').textContent!.includes(nl.matrix.shared), 'shared', { timeout: 3000 });
    ax = await tree(wrapper);
    expect(liveText(ax)).to.contain(nl.matrix.shared);
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
    expect((el.shadowRoot!.activeElement as HTMLElement).textContent!.trim()).to.equal(nl.matrix.cancel);
  });
});

describe('visible focus', () => {
  /** sRGB relative luminance of a computed `rgb(…)` colour (WCAG 2.2). */
  function luminance(rgb: string): number {
    const [r, g, b] = rgb.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
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
        expect(checked).to.have.length(5);
      } finally {
        document.documentElement.style.colorScheme = '';
      }
    });
  }
});
