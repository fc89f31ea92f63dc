/**
 * The shared widget suite (issue 19): every widget of test/widgets/catalogue.ts, in every view,
 *
 * - is accessible (axe) loaded, loading, in its error state and not connected;
 * - keyboard: Tab from the page reaches its first control, which shows a visible focus ring;
 * - right to left: in a `dir=rtl` page, and in Arabic in a left-to-right page, the card reads
 *   right to left;
 * - preview as parent (teacher views): the "Preview as parent" shows the parent's card, and
 *   pressing every control in it writes nothing to the adapter;
 * - not connected: shows the translated "Niet verbonden" and fires `samen-error` (`not-connected`);
 * - ports: it works with an adapter of only the viewer, live updates and its port; with its port
 *   incomplete it is not connected and names the missing methods;
 * - live: a change through the adapter shows, also after the element was moved in the page;
 * - removed mid-load: no error, nothing thrown, and it loads when added again;
 * - defined twice: importing its define entry again does not throw, and the tag keeps its class;
 * - every action by keyboard (test/widgets/keyboard-actions.ts: presses that make the control
 *   disappear, timers, live updates meanwhile) keeps focus inside the widget (issue 21).
 *
 * Tests are named "<tag> <view>: <behaviour>". A behaviour a known bug breaks today is listed in
 * the row's `knownBroken` and skipped here, with the reason in its title.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { SamenErrorDetail } from '../../src/core/events.js';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { PORT_METHODS } from '../../src/core/adapter.js';
import { CATALOGUE, NOW, knownBroken, type Behaviour, type WidgetRow } from './catalogue.js';
import { card, isShown, mountWidget, untilShown, type Widget } from './mount.js';
import { KEYBOARD } from './keyboard-actions.js';
import { fakeSpeech } from '../helpers/speech.js';

/** The adapter methods that write. */
const WRITES = new Set([
  'saveHomeAnswer',
  'markSeen',
  'setReaction',
  'addReply',
  'award',
  'undoAward',
  'redeem',
  'saveCheckin',
  'saveExpectationMatrix',
  'shareSuccess',
  'uploadMedia',
  'publishLessonClip',
  'saveRsvp',
  'savePreparation',
  'chooseChartGoal',
  'setChartChoices',
]);
const CONTROLS = 'button, input:not([type="hidden"]), select, textarea, summary, a[href], [tabindex]';
const ARABIC_LETTER = /[\u0600-\u06ff]/;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every element below `root` in document order, a nested widget's shadow DOM in its place. */
function deepElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    found.push(el);
    if (el.shadowRoot) found.push(...deepElements(el.shadowRoot));
  }
  return found;
}

function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The controls a keyboard user reaches with Tab, in order (a radio group by its checked or first radio). */
function tabbables(el: HTMLElement): HTMLElement[] {
  return deepElements(el.shadowRoot!).filter((e): e is HTMLElement => {
    if (!(e instanceof HTMLElement) || !e.matches(CONTROLS) || e.tabIndex < 0) return false;
    if ((e as HTMLButtonElement).disabled || e.closest('[hidden], [inert]')) return false;
    if (e.localName === 'summary' && e.parentElement?.localName !== 'details') return false;
    if (!e.checkVisibility({ visibilityProperty: true })) return false;
    if (e instanceof HTMLInputElement && e.type === 'radio' && e.name) {
      const group = [...(e.getRootNode() as ShadowRoot).querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${e.name}"]`)];
      const checked = group.find((r) => r.checked);
      return checked ? checked === e : group[0] === e;
    }
    return true;
  });
}

/** What shows focus on `e`: an outline of 2 px or more, or a box shadow; '' for nothing. */
function ring(e: Element): string {
  const s = getComputedStyle(e);
  if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) return `outline ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`;
  return s.boxShadow !== 'none' ? `shadow ${s.boxShadow}` : '';
}

/** Every `samen-error`, page error and unhandled rejection while `fn` runs (and `settle` ms after). */
async function collectProblems(fn: () => Promise<unknown>, settle = 30): Promise<{ errors: SamenErrorDetail[]; thrown: unknown[] }> {
  const errors: SamenErrorDetail[] = [];
  const thrown: unknown[] = [];
  const onSamenError = (e: Event) => errors.push((e as CustomEvent<SamenErrorDetail>).detail);
  const onError = (e: ErrorEvent) => thrown.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => thrown.push(e.reason);
  document.addEventListener('samen-error', onSamenError);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await fn();
    await sleep(settle);
  } finally {
    document.removeEventListener('samen-error', onSamenError);
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  return { errors, thrown };
}

/**
 * An element in a few words, for assertion messages: chai formatting a whole widget (asked to
 * compare elements) can hang the page, so tests compare these, or booleans, instead.
 */
function named(e: Element | null | undefined): string {
  if (!e) return String(e);
  const attrs = ['id', 'part', 'class', 'name', 'value', 'aria-label'].flatMap((a) =>
    e.hasAttribute(a) ? [`${a}="${e.getAttribute(a)}"`] : [],
  );
  const root = e.getRootNode();
  const host = root instanceof ShadowRoot ? ` in ${root.host.localName}` : '';
  return `<${[e.localName, ...attrs].join(' ')}> "${(e.textContent ?? '').trim().slice(0, 40)}"${host}`;
}

/** A samen-error's detail without its element, for assertion messages. */
const errorNamed = (d: SamenErrorDetail) => `${d.kind}${d.fatal ? ' (fatal)' : ''} from ${d.element?.localName}`;

/** `full`'s `getViewer`, `subscribe` and `methods` only: what a vendor implements for one widget. */
function adapterWith(full: MemoryAdapter, methods: readonly string[]): Record<string, unknown> {
  const source = full as unknown as Record<string, (...args: unknown[]) => unknown>;
  return Object.fromEntries(['getViewer', 'subscribe', ...methods].map((m) => [m, source[m]!.bind(full)]));
}

const writesOf = (adapter: { calls: readonly { method: string }[] }) =>
  adapter.calls.filter((c) => WRITES.has(c.method)).map((c) => c.method);

/** The teacher's "Preview as parent": the switch, then the `[preview]` widget it shows. */
async function openPreview(row: WidgetRow, el: Widget): Promise<HTMLElement> {
  if (row.openPreview) return row.openPreview(el);
  const toggle = el.shadowRoot!.querySelector<HTMLElement>('[part~="preview-toggle"]');
  expect(toggle, 'a "Preview as parent" switch').to.exist;
  toggle!.click();
  await el.updateComplete;
  const preview = () => el.shadowRoot!.querySelector<HTMLElement>(`${row.tag}[preview]`);
  await waitUntil(preview, 'the preview shows', { timeout: 2000 });
  expect(toggle!.getAttribute('aria-pressed')).to.equal('true');
  return preview()!;
}

/** Defines one test, or skips it with the reason when the row lists it as known broken. */
function test(row: WidgetRow, view: string, behaviour: Behaviour, fn: (this: Mocha.Context) => Promise<void>): void {
  const name = `${row.tag} ${view}: ${behaviour}`;
  const broken = knownBroken(row, view, behaviour);
  if (broken) it.skip(`${name} (known broken: ${broken.reason})`, fn);
  else it(name, fn);
}

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

describe('the widget catalogue', () => {
  it('has one row for every widget of custom-elements.json, in its own folder', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as {
      modules: { path: string; declarations?: { tagName?: string }[] }[];
    };
    const widgets = manifest.modules
      .flatMap((m) =>
        (m.declarations ?? []).flatMap((d) => (d.tagName ? [`${d.tagName} in ${m.path.split('/').slice(0, 2).join('/')}`] : [])),
      )
      .filter((w) => !w.startsWith('samen-provider '));
    expect(CATALOGUE.map((row) => `${row.tag} in src/${row.folder}`)).to.have.members(widgets);
  });

  it('names define entries that the package exports as ./<folder>', async () => {
    const pkg = (await (await fetch('/package.json')).json()) as { exports: Record<string, { default?: string }> };
    for (const row of CATALOGUE) {
      expect(row.entry, row.tag).to.equal(`src/define/${row.tag}.ts`);
      expect(pkg.exports[`./${row.folder}`]?.default, `${row.tag}: the package's ./${row.folder}`).to.equal(`./dist/define/${row.tag}.js`);
    }
  });
});

for (const row of CATALOGUE) {
  describe(`${row.tag} (the shared widget suite)`, () => {
    for (const view of row.views) {
      test(row, view, 'accessible when loaded', async function () {
        const { el } = await mountWidget(row, { view });
        expect(row.looksLoaded(el, view), 'shows the seeded sample').to.equal(true);
        await expect(el).to.be.accessible();
      });

      test(row, view, 'accessible while loading', async function () {
        const { el } = await mountWidget(row, { view, latency: 5000, wait: false });
        await waitUntil(() => card(el)?.getAttribute('aria-busy') === 'true', 'the loading state shows');
        expect(el.shadowRoot!.querySelector('[role="status"]')?.textContent, 'says it is loading').to.include('Laden');
        await expect(el).to.be.accessible();
        el.remove();
      });

      test(row, view, 'accessible in the error state', async function () {
        const adapter = new MemoryAdapter({ now: NOW, viewerId: row.viewers[view] });
        adapter.failNext('*', 'unavailable');
        const { el } = await mountWidget(row, { view, adapter });
        const error = el.shadowRoot!.querySelector<HTMLElement>('[part~="error"]');
        expect(error, 'the error state').to.exist;
        expect(error!.getAttribute('role')).to.equal('alert');
        expect(error!.textContent).to.include('Even niet beschikbaar');
        expect(el.shadowRoot!.querySelector('[part~="retry"]'), 'a retry button').to.exist;
        await expect(el).to.be.accessible();
      });

      test(row, view, 'accessible when not connected', async function () {
        const { el } = await mountWidget(row, { view, adapter: undefined });
        expect(el.shadowRoot!.querySelector('[part~="error"]'), 'the not-connected state').to.exist;
        await expect(el).to.be.accessible();
      });

      test(row, view, 'Tab reaches the first control and shows a visible focus indicator', async function () {
        // A view whose only control is read-aloud has it where the device can speak: a voice here.
        const speech = row.speaks?.includes(view) ? fakeSpeech() : undefined;
        try {
          const { el } = await mountWidget(row, { view });
          const first = tabbables(el)[0];
          expect(first, 'a control to reach').to.exist;
          (document.activeElement as HTMLElement | null)?.blur();
          await sendKeys({ press: 'Tab' });
          const active = deepActiveElement() as HTMLElement | null;
          expect(named(active), 'focus after one Tab').to.equal(named(first));
          expect(active === first, 'focus after one Tab is on that very control').to.equal(true);
          // The element itself, or the box drawn around it (a radio's label), shows a ring only while focused.
          const chain = [active!, active!.parentElement, active!.parentElement?.parentElement].filter((e): e is HTMLElement => !!e);
          const focused = chain.map(ring);
          active!.blur();
          const blurred = chain.map(ring);
          expect(
            focused.some((r, i) => r !== '' && r !== blurred[i]),
            `a focus ring on <${active!.localName}> (focused: ${JSON.stringify(focused)}, not focused: ${JSON.stringify(blurred)})`,
          ).to.equal(true);
        } finally {
          speech?.restore();
        }
      });

      test(row, view, 'reads right to left in a dir=rtl page', async () => {
        const { el } = await mountWidget(row, { view, dir: 'rtl' });
        expect(row.looksLoaded(el, view), 'shows the seeded sample').to.equal(true);
        expect(getComputedStyle(card(el)!).direction).to.equal('rtl');
      });

      test(row, view, 'reads right to left in Arabic', async () => {
        const { el } = await mountWidget(row, { view, locale: 'ar', dir: 'ltr' });
        const base = card(el)!;
        expect(base.getAttribute('aria-busy')).to.not.equal('true');
        expect(base.closest('[lang]')!.getAttribute('lang'), 'the card says its language').to.equal('ar');
        expect(getComputedStyle(base).direction).to.equal('rtl');
        expect(base.textContent, 'Arabic words').to.match(ARABIC_LETTER);
      });

      if (view === 'teacher') {
        test(row, view, 'preview as parent writes nothing', async function () {
          const { el, adapter } = await mountWidget(row, { view });
          const before = { calls: writesOf(adapter), applied: adapter.appliedWrites };
          const preview = (await openPreview(row, el)) as Widget;
          await untilShown(preview);
          expect(preview.getAttribute('view'), 'the parent’s card').to.not.equal('teacher');
          const controls = deepElements(preview.shadowRoot!).filter(
            (e): e is HTMLElement => e instanceof HTMLElement && e.matches(CONTROLS),
          );
          expect(controls.length, 'controls to press').to.be.greaterThan(0);
          for (const control of controls) {
            if (control instanceof HTMLTextAreaElement || (control instanceof HTMLInputElement && control.type === 'text')) {
              control.value = 'Vanuit de voorvertoning';
              control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
            }
            control.click();
            await sleep(0);
          }
          for (const form of deepElements(preview.shadowRoot!).filter((e): e is HTMLFormElement => e instanceof HTMLFormElement))
            form.requestSubmit();
          await sleep(100);
          expect(writesOf(adapter), 'write calls').to.deep.equal(before.calls);
          expect(adapter.appliedWrites, 'writes applied').to.equal(before.applied);
        });
      }

      test(row, view, 'not connected shows "Niet verbonden" and fires samen-error', async () => {
        let el: Widget | undefined;
        const { errors } = await collectProblems(async () => {
          ({ el } = await mountWidget(row, { view, adapter: undefined }));
        });
        expect(card(el!)!.textContent).to.include('Niet verbonden');
        const mine = errors.filter((e) => e.element === el);
        expect(mine.map(errorNamed)).to.deep.equal([`not-connected (fatal) from ${row.tag}`]);
      });

      test(row, view, 'works with an adapter of only its port', async function () {
        const full = new MemoryAdapter({ now: NOW, viewerId: row.viewers[view] });
        let el: Widget | undefined;
        const { errors } = await collectProblems(async () => {
          const methods = [...PORT_METHODS[row.port], ...(row.viewMethods?.[view] ?? [])];
          ({ el } = await mountWidget(row, { view, adapter: adapterWith(full, methods) as never }));
          // Widgets it shows inside (the lesson clip's feedback bar) load too.
          for (const inner of deepElements(el.shadowRoot!).filter((e) => e.localName.startsWith('samen-')))
            await untilShown(inner as Widget);
        });
        expect(row.looksLoaded(el!, view), 'shows the seeded sample').to.equal(true);
        const states = deepElements(el!.shadowRoot!).filter((e) => e.matches('[part~="error"]'));
        expect(states.map(named), 'no error or not-connected state anywhere in it').to.deep.equal([]);
        expect(errors.map(errorNamed), 'samen-error events').to.deep.equal([]);
      });

      if (PORT_METHODS[row.port].length) {
        test(row, view, 'its port incomplete: not connected, naming the missing methods', async () => {
          const full = new MemoryAdapter({ now: NOW, viewerId: row.viewers[view] });
          // Every other widget's port, not this one's.
          const others = Object.entries(PORT_METHODS).flatMap(([port, methods]) => (port === row.port ? [] : [...methods]));
          let el: Widget | undefined;
          const { errors } = await collectProblems(async () => {
            ({ el } = await mountWidget(row, { view, adapter: adapterWith(full, others) as never }));
          });
          const shown = card(el!)!.textContent;
          expect(shown).to.include('Niet verbonden');
          for (const method of PORT_METHODS[row.port]) expect(shown, `names ${method}`).to.include(method);
          const mine = errors.filter((e) => e.element === el);
          expect(mine.map(errorNamed)).to.deep.equal([`not-connected (fatal) from ${row.tag}`]);
          expect(mine[0]!.issues.map((i) => i.path)).to.have.members([...PORT_METHODS[row.port]]);
        });
      }

      const live = row.live;
      if (live) {
        test(row, view, 'shows live updates', async function () {
          const { el, adapter } = await mountWidget(row, { view });
          expect(live.shows(el, view), 'not shown before the change').to.equal(false);
          await live.change(adapter, view);
          await waitUntil(() => live.shows(el, view), `the change on ${live.topic(view)} shows`, { timeout: 4000 });
        });

        test(row, view, 'moved in the page keeps live updates', async function () {
          const { el, adapter, provider } = await mountWidget(row, { view });
          const elsewhere = document.createElement('section');
          provider.appendChild(elsewhere);
          elsewhere.appendChild(el);
          await el.updateComplete;
          await sleep(30);
          await untilShown(el);
          expect(row.looksLoaded(el, view), 'still shows the sample after the move').to.equal(true);
          expect(live.shows(el, view), 'not shown before the change').to.equal(false);
          await live.change(adapter, view);
          await waitUntil(() => live.shows(el, view), `the change on ${live.topic(view)} shows after the move`, { timeout: 4000 });
        });
      } else {
        test(row, view, 'moved in the page keeps live updates', async () => {
          // No live topic: moved, it still shows its loaded card and keeps what was typed.
          const { el, provider } = await mountWidget(row, { view });
          const field = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="text"], input:not([type]), textarea')!;
          expect(field, 'a text field').to.exist;
          field.value = 'Getypt voor de verhuizing';
          field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
          await el.updateComplete;
          const elsewhere = document.createElement('section');
          provider.appendChild(elsewhere);
          elsewhere.appendChild(el);
          await el.updateComplete;
          await sleep(30);
          await untilShown(el);
          expect(row.looksLoaded(el, view), 'still shows the loaded card after the move').to.equal(true);
          expect(el.shadowRoot!.querySelector<HTMLInputElement>(`#${field.id}`)?.value).to.equal('Getypt voor de verhuizing');
        });
      }

      const keyboard = KEYBOARD[row.tag];
      const actions = (keyboard?.actions ?? []).filter((a) => !a.views || a.views.includes(view));
      const brokenFocus = keyboard?.knownBroken?.find((k) => !k.views || k.views.includes(view));
      const focusName = `${row.tag} ${view}: every action by keyboard keeps focus inside the widget`;
      const focusTest = async function (this: Mocha.Context) {
        this.timeout(20_000);
        expect(keyboard, `${row.tag} lists its keyboard actions in test/widgets/keyboard-actions.ts`).to.exist;
        for (const action of actions) {
          localStorage.clear();
          const adapter = new MemoryAdapter({ now: NOW, viewerId: row.viewers[view], ...action.adapter });
          const { el } = await mountWidget(row, { view, adapter });
          const ctx = { el, adapter, view, live: () => row.live?.change(adapter, view) ?? Promise.resolve() };
          await action.setup?.(ctx);
          await el.updateComplete;
          for (const step of action.steps) {
            const where = `${action.name}: ${step.does}`;
            if (step.focus) {
              const control = el.shadowRoot!.querySelector<HTMLElement>(step.focus);
              expect(named(control), `${where}: the control ${step.focus}`).to.not.equal('null');
              control!.focus();
            }
            const meanwhile = step.meanwhile?.(ctx);
            for (const key of step.keys ?? []) await sendKeys(key);
            await meanwhile;
            if (step.until) await waitUntil(() => step.until!(ctx), `${where}: done`, { timeout: 4000 });
            await el.updateComplete;
            await sleep(30);
            const inside = el.shadowRoot!.activeElement;
            expect(document.activeElement === el, `${where}: focus in the widget (it is on ${named(deepActiveElement())})`).to.equal(true);
            expect(
              !!inside &&
                (inside.matches(CONTROLS) || inside.matches('h1, h2, h3, h4, [role="heading"]') || inside.localName.startsWith('samen-')),
              `${where}: on a control or heading (${named(inside)})`,
            ).to.equal(true);
          }
          el.remove();
        }
      };
      if (brokenFocus) it.skip(`${focusName} (known broken: ${brokenFocus.reason})`, focusTest);
      else if (keyboard && !actions.length) it.skip(`${focusName} (no keyboard actions listed for this view yet)`, focusTest);
      else it(focusName, focusTest);

      test(row, view, 'removed mid-load: no error, and loads when added again', async function () {
        // 300 ms: long enough to see the loading state under CI's load, short enough that the
        // ~20 rows of this test do not wait 1.7 s each (it was 500 ms, and 700 ms below).
        const { el, slot, adapter } = await mountWidget(row, { view, latency: 300, wait: false });
        await waitUntil(() => card(el)?.getAttribute('aria-busy') === 'true', 'the loading state shows', { interval: 5 });
        const { errors, thrown } = await collectProblems(async () => {
          el.remove();
          // Longer than the load would have taken.
          await sleep(400);
        });
        expect(errors.map(errorNamed), 'samen-error events').to.deep.equal([]);
        expect(thrown.map(String), 'errors thrown').to.deep.equal([]);
        // Added again it loads without the latency: what it shows is checked here, not its loading state.
        adapter.latency = 0;
        slot.appendChild(el);
        await untilShown(el);
        expect(isShown(el)).to.equal(true);
        expect(named(el.shadowRoot!.querySelector('[part~="error"]')), 'no error state').to.equal('null');
        expect(row.looksLoaded(el, view), 'loaded the sample').to.equal(true);
      });
    }

    test(row, row.views[0]!, 'defined twice: importing the define entry again does not throw', async () => {
      await row.define();
      const defined = customElements.get(row.tag);
      expect(defined, `${row.tag} is defined`).to.exist;
      // A second instance of the entry module (as a second bundle or a re-run would evaluate it).
      const again = new URL(`../../${row.entry}`, import.meta.url);
      again.searchParams.set('again', String(Date.now()));
      const { thrown } = await collectProblems(() => import(/* @vite-ignore */ again.href));
      expect(thrown.map(String)).to.deep.equal([]);
      expect(customElements.get(row.tag) === defined, 'the tag keeps its class').to.equal(true);
      const { el } = await mountWidget(row, { view: row.views[0]! });
      expect(row.looksLoaded(el, row.views[0]!), 'and still works').to.equal(true);
    });
  });
}
