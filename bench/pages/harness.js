/**
 * The in-page half of bench/runtime.mjs, bundled into every bench page, so that our widgets
 * and their peers are created, awaited and timed by exactly the same code.
 *
 * A page calls installHarness() with its kinds; bench/runtime.mjs drives `window.bench`.
 */

/**
 * @typedef {{
 *   tag: string,
 *   stage?: string,
 *   attrs?: (i: number) => Record<string, string>,
 *   props?: (i: number) => Record<string, unknown>,
 *   children?: (i: number) => string,
 *   settle?: boolean,
 *   loaded?: (el: HTMLElement) => boolean,
 *   shown?: (el: HTMLElement) => boolean,
 * }} Kind `settle`: also time the follow-up work (e.g. live reloads) until the page is quiet.
 *   `loaded`: when this kind's element counts as loaded, instead of the page's rule.
 *   `shown`: whether an element shows its content; with it, the render also times the first
 *   frame in which every element on the screen does (`firstScreenMs`).
 */

const QUIET_MS = 300;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves after the next frame has been produced: rAF runs before style/layout/paint, the task after it. */
export const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * @param {{
 *   kinds: Record<string, Kind>,
 *   loaded: (el: HTMLElement) => boolean,
 *   failed?: (el: HTMLElement) => string | undefined,
 *   activity?: () => number,
 * }} page `activity`: a counter that moves while the page works (e.g. adapter calls).
 */
export function installHarness({ kinds, loaded, failed = () => undefined, activity }) {
  /** @type {string[]} */
  const errors = [];
  addEventListener('error', (e) => errors.push(`error: ${e.message}`));
  addEventListener('unhandledrejection', (e) => errors.push(`unhandled rejection: ${e.reason?.message ?? e.reason}`));

  const stageOf = (/** @type {Kind} */ kind) => {
    const stage = document.getElementById(`stage-${kind.stage ?? 'main'}`);
    if (!stage) throw new Error(`no #stage-${kind.stage ?? 'main'} on this page`);
    return stage;
  };

  const kindOf = (/** @type {string} */ name) => {
    const kind = kinds[name];
    if (!kind) throw new Error(`unknown kind ${name}; this page has ${Object.keys(kinds).join(', ')}`);
    return kind;
  };

  const create = (/** @type {Kind} */ kind, /** @type {number} */ i) => {
    const el = document.createElement(kind.tag);
    for (const [name, value] of Object.entries(kind.attrs?.(i) ?? {})) el.setAttribute(name, value);
    Object.assign(el, kind.props?.(i) ?? {});
    if (kind.children) el.innerHTML = kind.children(i);
    return el;
  };

  /**
   * Waits until every element is loaded and has no render pending. Elements already done
   * are not polled again, so the wait itself stays cheap for 1,000 instances.
   */
  async function whenLoaded(/** @type {HTMLElement[]} */ els, isLoaded = loaded, timeoutMs = 60_000 + 300 * els.length) {
    const start = performance.now();
    let pending = els;
    for (;;) {
      await Promise.all(pending.map((el) => /** @type {any} */ (el).updateComplete));
      for (const el of pending) {
        const reason = failed(el);
        if (reason) throw new Error(`<${el.localName}> failed to render: ${reason}`);
      }
      pending = pending.filter((el) => !(isLoaded(el) && !(/** @type {any} */ (el).isUpdatePending)));
      if (!pending.length) return;
      if (errors.length) throw new Error(errors.join('; '));
      if (performance.now() - start > timeoutMs)
        throw new Error(`${pending.length} of ${els.length} <${els[0]?.localName}> never finished loading`);
      await tick();
    }
  }

  /**
   * The time (`performance.now()`) of the task after the first frame in which every one of
   * `els` on the screen (its top above the viewport's bottom, read in that frame's animation
   * callback) is `shown`: what a reader sees first, whatever still loads after it (issue 23: a
   * lesson clip's reactions follow its painted words). Checked in every frame until then.
   */
  function firstScreenShown(/** @type {HTMLElement[]} */ els, /** @type {(el: HTMLElement) => boolean} */ shown) {
    return new Promise((resolve) => {
      const check = () => {
        const onScreen = els.filter((el) => el.getBoundingClientRect().top < innerHeight);
        if (onScreen.length && onScreen.every(shown)) setTimeout(() => resolve(performance.now()), 0);
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  }

  // The first date formatted on a page starts ICU's time zone and calendar data (50–150 ms
  // here). Any host page that shows a date has paid it already, so it is paid here, timed,
  // and kept out of whichever widget happens to format a date first.
  const icuStart = performance.now();
  new Date(0).toLocaleDateString(document.documentElement.lang || 'en');
  const icuStartupMs = performance.now() - icuStart;

  const bench = {
    kinds: Object.keys(kinds),
    errors,
    icuStartupMs,

    /**
     * Creates `n` instances, appends them in one go and times until all are loaded
     * (`readyMs`) and until the frame showing them has been produced (`paintMs`).
     */
    async render(/** @type {string} */ name, /** @type {number} */ n) {
      const kind = kindOf(name);
      const stage = stageOf(kind);
      await nextPaint();
      const start = performance.now();
      const fragment = document.createDocumentFragment();
      const els = Array.from({ length: n }, (_, i) => fragment.appendChild(create(kind, i)));
      stage.appendChild(fragment);
      const firstScreen = kind.shown ? firstScreenShown(els, kind.shown) : undefined;
      await whenLoaded(els, kind.loaded);
      const readyMs = performance.now() - start;
      await nextPaint();
      const paintMs = performance.now() - start;
      const firstScreenMs = firstScreen && (await firstScreen) - start;
      let quietMs;
      if (kind.settle && activity) {
        // Quiet: loaded and painted, and no further activity within QUIET_MS afterwards.
        for (;;) {
          const before = activity();
          await whenLoaded(els, kind.loaded);
          await nextPaint();
          quietMs = performance.now() - start;
          await sleep(QUIET_MS);
          if (activity() === before) break;
        }
      }
      if (errors.length) throw new Error(errors.join('; '));
      return { readyMs, paintMs, quietMs, firstScreenMs, startedAt: start, icuStartupMs, nodes: countNodes(stage) };
    },

    /** Mounts `n` instances and waits until they are loaded and painted (untimed). */
    async mount(/** @type {string} */ name, /** @type {number} */ n) {
      const kind = kindOf(name);
      const stage = stageOf(kind);
      const els = Array.from({ length: n }, (_, i) => stage.appendChild(create(kind, i)));
      await whenLoaded(els);
      await nextPaint();
      if (errors.length) throw new Error(errors.join('; '));
    },

    /** Removes every instance from every stage; pending microtask clean-ups get a few frames. */
    async clear() {
      for (const stage of document.querySelectorAll('[id^="stage-"]')) stage.replaceChildren();
      await nextPaint();
      await nextPaint();
      await sleep(50);
    },

    /** Quiet time between taps, so one tap's follow-up work never lands in the next one's frame. */
    async idle(ms = 150) {
      await nextPaint();
      await sleep(ms);
      await nextPaint();
    },

    /** @type {{ at: number, nextPaintMs: number }[]} */
    taps: [],
    /** @type {{ interactionId: number, startTime: number, duration: number, processingStart: number, processingEnd: number, name: string }[]} */
    eventEntries: [],

    /**
     * Per click: from the event's timestamp (when the input reached the page) to the next
     * produced frame. Event Timing entries are kept too, for the browser's own duration.
     */
    watchTaps() {
      document.addEventListener(
        'click',
        (event) => {
          // A tap, not a script's click (an interaction's untimed preparation).
          if (!event.isTrusted) return;
          const at = event.timeStamp;
          requestAnimationFrame(() => setTimeout(() => bench.taps.push({ at, nextPaintMs: performance.now() - at }), 0));
        },
        { capture: true },
      );
      new PerformanceObserver((list) => {
        for (const e of /** @type {any[]} */ (list.getEntries())) {
          if (e.interactionId)
            bench.eventEntries.push({
              interactionId: e.interactionId,
              startTime: e.startTime,
              duration: e.duration,
              processingStart: e.processingStart,
              processingEnd: e.processingEnd,
              name: e.name,
            });
        }
      }).observe(/** @type {any} */ ({ type: 'event', durationThreshold: 16, buffered: true }));
    },
  };
  Object.assign(window, { bench });
  document.documentElement.dataset.benchReady = 'true';
}

/** Elements in the stage, shadow roots included: what the browser has to style and lay out. */
function countNodes(/** @type {Element} */ root) {
  let count = 0;
  const walk = (/** @type {Element | ShadowRoot} */ node) => {
    for (const child of node.children) {
      count += 1;
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  walk(root);
  return count;
}
