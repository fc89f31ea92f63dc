/**
 * The automated audit: every story of every story file, in light, dark and the high-contrast
 * host theme, at 200 % zoom and at 320 px, passes axe's WCAG 2.2 A/AA rules and scrolls
 * nowhere sideways; and each widget's main story does the same in all six languages.
 *
 * Zoom, soundly: browser zoom by 200 % on a 1280 × 800 window leaves the page a layout
 * viewport of 640 × 400 CSS px, and media and container queries see 640 px. Setting that
 * viewport is exactly what the page lays out at when zoomed. (CSS `zoom` on <html> would
 * leave media queries at full width, and `transform: scale` lays nothing out again.) The
 * 320 px viewport is WCAG 1.4.10's reflow case: 1280 px zoomed to 400 %.
 *
 * Each story renders once per theme; both viewports are then checked on the same render,
 * so the suite stays quick (measured in ACCESSIBILITY.md).
 *
 * The audit runs in five test files (test/a11y/audit-*.test.ts), so that none comes near
 * web-test-runner's 120 s per file on a busy machine: the stories dealt out in turn over four
 * parts (audit-stories-1 … 4: each part gets every fourth story, so the parts stay even and a
 * new story or story file falls into one without being listed), and the six languages.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import {
  allStories,
  applyToolbar,
  horizontalOverflow,
  loadHostThemes,
  nextFrame,
  PLAYED_TITLES,
  playStory,
  renderStory,
  settleAll,
  wcagViolations,
  type HostTheme,
  type Scheme,
  type StoryLike,
} from './support.js';
import { CATALOGUE, WIDGET_SELECTOR } from '../widgets/catalogue.js';

const VIEWPORTS = [
  { name: '200 % zoom (640 × 400)', width: 640, height: 400 },
  { name: '320 px (reflow)', width: 320, height: 640 },
] as const;

const THEMES: { name: string; scheme: Scheme; hostTheme: HostTheme }[] = [
  { name: 'light', scheme: 'light', hostTheme: 'samen' },
  { name: 'dark', scheme: 'dark', hostTheme: 'samen' },
  { name: 'high contrast', scheme: 'light', hostTheme: 'high-contrast' },
];

/*
 * LIGHT_ONLY: the theming guide's stories show a host's own colours (a brand that sets a light
 * surface and nothing for dark, a yellow ::part background, a light code sample), so in a dark
 * page they pair light backgrounds with the dark text colour, as such a host's CSS would. They
 * are checked in light and high contrast; ACCESSIBILITY.md names this.
 */

const LOCALES = ['nl', 'en', 'ar', 'tr', 'pl', 'uk'] as const;

/** The story that shows each widget's main flow, checked in every language (the widget catalogue's `stories.main`). */
const MAIN_STORIES: Record<string, string> = Object.fromEntries(CATALOGUE.map((row) => [row.stories.title, row.stories.main]));

const WIDGETS = WIDGET_SELECTOR;

/**
 * The composer's stories set their language as an arg (`locale: 'nl'` in the story file's
 * args, given to its provider), which wins over the toolbar's: the language run sets both.
 */
const inLocale = (story: StoryLike, meta: StoryLike, locale: string): StoryLike =>
  typeof { ...meta.args, ...story.args }['locale'] === 'string' ? { ...story, args: { ...story.args, locale } } : story;

/** The page set-up every audit file makes: the host themes loaded, no stored drafts, the toolbar and viewport back after. */
export function auditSetup(): void {
  before(loadHostThemes);
  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
  });
  after(async () => {
    applyToolbar({});
    await setViewport({ width: 800, height: 600 });
  });
}

async function check(wrapper: HTMLElement, loading: boolean, where: string): Promise<void> {
  const widgets = await settleAll(wrapper, loading);
  expect(widgets.length, `${where}: a samen-* widget`).to.be.greaterThan(0);
  for (const viewport of VIEWPORTS) {
    await setViewport({ width: viewport.width, height: viewport.height });
    await nextFrame();
    const at = `${where}, ${viewport.name}`;
    expect(horizontalOverflow(widgets), `${at}: nothing scrolls sideways`).to.deep.equal([]);
    expect(await wcagViolations(wrapper), `${at}: axe WCAG 2.2 AA`).to.deep.equal([]);
  }
}

const stories = allStories();

/** The story audit's parts: audit-stories-<part>.test.ts audits every story whose index is <part> - 1 modulo this. */
export const STORY_PARTS = 4;

/** The story audit of one part (1 … STORY_PARTS): every STORY_PARTS-th story × light, dark, high contrast × 200 % zoom, 320 px. */
export function auditStories(part: number): void {
  describe(`axe audit, part ${part} of ${STORY_PARTS}: every story × light, dark, high contrast × 200 % zoom, 320 px`, () => {
    if (part === 1) {
      it('covers every story file and widget, in a test file for every part', async () => {
        for (let p = 1; p <= STORY_PARTS; p++)
          expect((await fetch(`/test/a11y/audit-stories-${p}.test.ts`)).ok, `test/a11y/audit-stories-${p}.test.ts`).to.equal(true);
        const titles = new Set(stories.map(([title]) => title));
        for (const title of Object.keys(MAIN_STORIES)) expect(titles.has(title), title).to.equal(true);
        expect(stories.length).to.be.greaterThan(80);
        expect(stories.filter(([title]) => title === 'Widgets/Clip composer').length, 'the clip composer’s stories').to.be.at.least(10);
      });
    }
    stories.forEach(([title, name, meta, story], i) => {
      if (i % STORY_PARTS === part - 1) auditStory(title, name, meta, story);
    });
  });
}

function auditStory(title: string, name: string, meta: StoryLike, story: StoryLike): void {
  it(`${title}/${name}`, async function () {
    this.timeout(20_000);
    for (const theme of THEMES) {
      if (title === 'Guides/Theming' && theme.scheme === 'dark') continue; // see LIGHT_ONLY
      applyToolbar({ scheme: theme.scheme, hostTheme: theme.hostTheme });
      await setViewport({ width: 640, height: 400 });
      const globals = { theme: theme.scheme, hostTheme: theme.hostTheme };
      const wrapper = await renderStory(meta, story, globals);
      if (PLAYED_TITLES.has(title)) await playStory(wrapper, meta, story, globals);
      await check(wrapper, name === 'Loading', theme.name);
      wrapper.remove();
    }
  });
}

/** Each widget's main story in all six languages, at 320 px and 200 % zoom. */
export function auditLanguages(): void {
  describe('axe audit: each widget in all six languages at 320 px and 200 % zoom', () => {
    for (const [title, name] of Object.entries(MAIN_STORIES)) {
      const found = stories.find(([t, n]) => t === title && n === name);
      it(`${title}/${name} in ${LOCALES.join(', ')}`, async function () {
        this.timeout(20_000);
        expect(found, `${title}/${name} exists`).to.exist;
        const [, , meta, story] = found!;
        for (const locale of LOCALES) {
          applyToolbar({ locale });
          const localized = inLocale(story, meta, locale);
          const wrapper = await renderStory(meta, localized, { locale });
          if (PLAYED_TITLES.has(title)) await playStory(wrapper, meta, localized, { locale });
          await check(wrapper, false, locale);
          const widgets = wrapper.querySelectorAll(WIDGETS);
          expect(widgets.length, `${locale}: a widget to check`).to.be.greaterThan(0);
          for (const widget of widgets) {
            const card = widget.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
            expect(card.closest('[lang]')!.getAttribute('lang'), `${locale}: the card says its language`).to.equal(locale);
            expect(getComputedStyle(card).direction, `${locale}: direction`).to.equal(locale === 'ar' ? 'rtl' : 'ltr');
            const shown = widget.shadowRoot!.textContent;
            expect(shown, `${locale}: no missing text`).to.not.match(/undefined|\[object|NaN/);
          }
          wrapper.remove();
        }
      });
    }
  });
}
