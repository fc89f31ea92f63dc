/**
 * What the accessibility tests share: every story file, rendered the way Storybook renders a
 * story (args, loaders, render with `loaded` and `globals`), the toolbar's page settings
 * (language, direction, colour scheme, host theme) and axe limited to WCAG 2.2 A and AA.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as adapters from '../../stories/adapters.stories.js';
import * as clipComposer from '../../stories/clip-composer.stories.js';
import * as evaluation from '../../stories/evaluation.stories.js';
import * as expectationMatrix from '../../stories/expectation-matrix.stories.js';
import * as feedbackBar from '../../stories/feedback-bar.stories.js';
import * as feelingsCheckin from '../../stories/feelings-checkin.stories.js';
import * as lessonClip from '../../stories/lesson-clip.stories.js';
import * as meeting from '../../stories/meeting.stories.js';
import * as programmeIntro from '../../stories/programme-intro.stories.js';
import * as programmeOverview from '../../stories/programme-overview.stories.js';
import * as rewardChart from '../../stories/reward-chart.stories.js';
import * as theming from '../../stories/theming.stories.js';
import { messagesFor } from '../../src/core/i18n.js';
// The four home languages, registered as a host registers them.
import '../../src/locales/ar.js';
import '../../src/locales/pl.js';
import '../../src/locales/tr.js';
import '../../src/locales/uk.js';

type Context = { args: Record<string, unknown>; globals: Record<string, unknown>; loaded: Record<string, unknown> };
type Loader = (context: Omit<Context, 'loaded'>) => unknown;
export interface StoryLike {
  args?: Record<string, unknown>;
  globals?: Record<string, unknown>;
  loaders?: Loader[];
  render?: (args: Record<string, unknown>, context: Context) => TemplateResult;
  play?: (context: Context & { canvasElement: HTMLElement }) => unknown;
}
export type StoryModule = { default: StoryLike & { title?: string; component?: string } } & Record<string, unknown>;

export const STORY_MODULES = [
  adapters,
  clipComposer,
  evaluation,
  expectationMatrix,
  feedbackBar,
  feelingsCheckin,
  lessonClip,
  meeting,
  programmeIntro,
  programmeOverview,
  rewardChart,
  theming,
] as unknown as StoryModule[];

/**
 * Story files whose stories reach their state only through their play function (the composer's
 * upload, refusals, preview and published card): the audit plays them before checking.
 */
export const PLAYED_TITLES: ReadonlySet<string> = new Set(['Widgets/Clip composer']);

/** `[title, name, meta, story]` for every story of every story file. */
export function allStories(): [string, string, StoryLike, StoryLike][] {
  return STORY_MODULES.flatMap((module) =>
    Object.entries(module)
      .filter(([name]) => name !== 'default')
      .map(([name, story]) => [module.default.title!, name, module.default, story as StoryLike] as [string, string, StoryLike, StoryLike]),
  );
}

export type Widget = HTMLElement & { updateComplete: Promise<boolean> };

export type Scheme = 'light' | 'dark';
export type HostTheme = 'samen' | 'high-contrast';

/** Storybook's toolbar decorator (.storybook/preview.ts) applied to this test page. */
export function applyToolbar({
  locale = 'nl',
  scheme = 'light',
  hostTheme = 'samen',
}: {
  locale?: string;
  scheme?: Scheme;
  hostTheme?: HostTheme;
}): void {
  const root = document.documentElement;
  root.lang = locale;
  root.dir = messagesFor(locale).dir;
  root.style.colorScheme = scheme;
  document.body.style.background = 'Canvas';
  document.body.style.color = 'CanvasText';
  if (hostTheme === 'samen') delete root.dataset['hostTheme'];
  else root.dataset['hostTheme'] = hostTheme;
}

let hostThemeSheet: HTMLStyleElement | undefined;
/** Loads examples/themes/high-contrast.css (the host theme the toolbar offers) once. */
export async function loadHostThemes(): Promise<void> {
  if (hostThemeSheet) return;
  const response = await fetch('/examples/themes/high-contrast.css');
  expect(response.ok, 'examples/themes/high-contrast.css').to.equal(true);
  hostThemeSheet = document.createElement('style');
  hostThemeSheet.textContent = await response.text();
  document.head.append(hostThemeSheet);
}

export async function renderStory(meta: StoryLike, story: StoryLike, globals: Record<string, unknown> = {}): Promise<HTMLElement> {
  const args = { ...meta.args, ...story.args };
  const all = { locale: 'nl', theme: 'light', ...story.globals, ...globals };
  const loaded: Record<string, unknown> = {};
  for (const loader of [...(meta.loaders ?? []), ...(story.loaders ?? [])]) Object.assign(loaded, await loader({ args, globals: all }));
  const render = story.render ?? meta.render;
  if (!render) throw new Error('story has no render function');
  return fixture<HTMLElement>(html`<div>${render(args, { args, globals: all, loaded })}</div>`);
}

/**
 * Runs the story's play function as Storybook does after rendering (the canvas is the wrapper),
 * then waits for every widget the play brought up inside another's shadow root (the composer's
 * preview card and its published clip) to leave its loading state.
 */
export async function playStory(
  wrapper: HTMLElement,
  meta: StoryLike,
  story: StoryLike,
  globals: Record<string, unknown> = {},
): Promise<void> {
  const play = story.play ?? meta.play;
  if (!play) return;
  const args = { ...meta.args, ...story.args };
  await settleAll(wrapper);
  await play({ args, globals: { locale: 'nl', theme: 'light', ...story.globals, ...globals }, loaded: {}, canvasElement: wrapper });
  const nested = (root: ParentNode): Widget[] => widgetsIn(root).flatMap((w) => [w, ...(w.shadowRoot ? nested(w.shadowRoot) : [])]);
  for (const widget of nested(wrapper)) await settle(widget);
}

export const widgetsIn = (root: ParentNode): Widget[] =>
  [...root.querySelectorAll<Widget>('*')].filter((el) => el.localName.startsWith('samen-') && el.localName !== 'samen-provider');

/** Waits until every widget in `wrapper` has left its loading state (or, for a Loading story, rendered it). */
export async function settleAll(wrapper: HTMLElement, loading = false): Promise<Widget[]> {
  const widgets = widgetsIn(wrapper);
  for (const widget of widgets) await settle(widget, loading);
  return widgets;
}

async function settle(widget: Widget, loading = false): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await widget.updateComplete;
    const busy = !!widget.shadowRoot?.querySelector('[aria-busy="true"].card');
    // Nothing rendered yet is not settled: a card waits for its language's words (a home
    // language's table, each widget's own section) before its first render.
    const rendered = !!widget.shadowRoot?.querySelector('[part~="base"]');
    if (loading ? busy : rendered && !busy) break;
    // A widget stacked far down the test page waits until it comes near the screen (issue 23):
    // go to it, as a reader would.
    if (i === 10 && !loading) widget.scrollIntoView({ block: 'nearest' });
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: the conformance target. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeResults {
  violations: { id: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
}
interface Axe {
  run(context: Element, options: object): Promise<AxeResults>;
}

let axe: Axe | undefined;
async function loadAxe(): Promise<Axe> {
  if (!axe) {
    // axe-core's browser build registers itself on window (chai-a11y-axe loads it the same way).
    // @ts-expect-error: a script without types
    await import('axe-core/axe.min.js');
    axe = (window as unknown as { axe: Axe }).axe;
  }
  return axe;
}

/** Axe's WCAG 2.2 AA violations inside `element` (shadow roots included), one line each. */
export async function wcagViolations(element: Element): Promise<string[]> {
  const results = await (await loadAxe()).run(element, { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] });
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${v.help} at ${JSON.stringify(n.target)} — ${n.failureSummary ?? ''}`),
  );
}

/** What scrolls sideways: the page itself, or a widget's card (content wider than it). */
export function horizontalOverflow(widgets: Widget[]): string[] {
  const found: string[] = [];
  const page = document.scrollingElement!;
  if (page.scrollWidth > page.clientWidth + 1) found.push(`the page: ${page.scrollWidth} px wide in ${page.clientWidth} px`);
  for (const widget of widgets) {
    const card = widget.shadowRoot?.querySelector<HTMLElement>('[part~="base"]');
    if (card && card.scrollWidth > card.clientWidth + 1)
      found.push(`${widget.localName}: ${card.scrollWidth} px of content in a ${card.clientWidth} px card`);
  }
  return found;
}

export const nextFrame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
