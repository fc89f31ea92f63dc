/**
 * Which widgets are near what the reader sees (issue 23): a feed of 200 lesson clips loads the
 * few on the first screen at once and the others as they come within about a screen of it.
 *
 * One IntersectionObserver for the whole page, shared by every widget that waits. A widget that
 * asks is first measured together with the others that asked in the same moment (one layout
 * for all, before the frame paints: the first screen loads without waiting a frame); only the
 * ones farther away are observed. Without IntersectionObserver everything loads at once.
 *
 * The first screen first: of the widgets near at once, those on the screen load now; those just
 * below it wait until the screen's loads have settled and painted (at most
 * {@link FIRST_SCREEN_MAX_MS}), so the card a parent sees first is not queued behind the rest on a
 * slow network (issue 23).
 */

import { afterNextPaint } from './after-paint.js';

/** How far outside the screen a widget already counts as near: one screen in every direction. */
export const NEAR_MARGIN = '100%';

/** Longest wait of a near widget for the first screen's loads. */
export const FIRST_SCREEN_MAX_MS = 1500;

/** What the widget does once near; a load it returns is waited for by the widgets just below the screen. */
type Near = () => unknown;

let observer: IntersectionObserver | undefined;
/** Widgets just below the screen, waiting for the first screen's loads. */
const afterFirstScreen = new Map<Element, () => void>();
/** Widgets observed, with what to do once they come near. */
const observed = new Map<Element, Near>();
/** Widgets that asked since the last measuring, measured together in a microtask. */
let toMeasure: Map<Element, Near> | undefined;

/**
 * Calls `near` once `element` is within about a screen of the viewport: in a microtask when it
 * already is (or when the browser cannot tell), else when scrolling brings it there. Returns
 * the function that stops waiting (the element left the page): the shared observer goes with
 * the last element it watched.
 */
export function whenNearViewport(element: Element, near: Near): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    near();
    return () => {};
  }
  if (!toMeasure) {
    const fresh = (toMeasure = new Map<Element, Near>());
    queueMicrotask(() => measure(fresh));
  }
  const batch = toMeasure;
  batch.set(element, near);
  return () => {
    batch.delete(element);
    afterFirstScreen.delete(element);
    stopObserving(element);
  };
}

/** Whether any widget still waits (for tests: a widget that left the page leaves nothing behind). */
export function nearViewportWaiting(): number {
  return observed.size + (toMeasure?.size ?? 0) + afterFirstScreen.size;
}

/** A Lit element of the batch that has not rendered yet (its placeholder not in the page). */
interface Rendering {
  isUpdatePending: boolean;
  updateComplete: Promise<unknown>;
}

function measure(batch: Map<Element, Near>, again = true): void {
  if (toMeasure === batch) toMeasure = undefined;
  // Cards of the batch still to render their placeholder take no room yet: measured once they have.
  const rendering = [...batch.keys()].filter(
    (element): element is Element & Rendering => !!(element as Partial<Rendering>).isUpdatePending,
  );
  if (again && rendering.length) {
    void Promise.all(rendering.map((element) => element.updateComplete)).then(
      () => measure(batch, false),
      () => measure(batch, false),
    );
    return;
  }
  const height = window.innerHeight;
  const width = window.innerWidth;
  const onScreen: Near[] = [];
  const below: [Element, Near][] = [];
  // Reads only (no write in between): one layout for every widget of the batch.
  for (const [element, callback] of batch) {
    if (!element.isConnected) continue;
    const box = element.getBoundingClientRect();
    if (box.bottom > 0 && box.top < height && box.right > 0 && box.left < width) onScreen.push(callback);
    else if (box.bottom >= -height && box.top <= 2 * height && box.right >= -width && box.left <= 2 * width)
      below.push([element, callback]);
    else observe(element, callback);
  }
  const loads = onScreen.map((callback) => callback());
  if (!below.length) return;
  if (!onScreen.length) {
    for (const [, callback] of below) callback();
    return;
  }
  // The first screen first: the rest once its loads settled and painted, or after FIRST_SCREEN_MAX_MS.
  for (const [element, callback] of below) afterFirstScreen.set(element, () => void callback());
  const waiting = below.map(([element]) => element);
  const go = () => {
    for (const element of waiting) {
      const callback = afterFirstScreen.get(element);
      afterFirstScreen.delete(element);
      if (callback && element.isConnected) callback();
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  void Promise.race([
    Promise.allSettled(loads).then(() => afterNextPaint()),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, FIRST_SCREEN_MAX_MS))),
  ]).then(() => {
    clearTimeout(timer);
    go();
  });
}

function observe(element: Element, callback: Near): void {
  observer ??= new IntersectionObserver(onIntersect, { rootMargin: NEAR_MARGIN });
  observed.set(element, callback);
  observer.observe(element);
}

function onIntersect(entries: IntersectionObserverEntry[]): void {
  const near: Near[] = [];
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    const callback = observed.get(entry.target);
    if (!callback) continue;
    stopObserving(entry.target);
    near.push(callback);
  }
  for (const callback of near) callback();
}

// ---------------------------------------------------------------------------- following

/**
 * How far outside the screen a card that loaded keeps its live updates: two screens in every
 * direction, more than {@link NEAR_MARGIN}, so a card at the edge does not stop and start again
 * with every small scroll.
 */
export const FOLLOW_MARGIN = '200%';

let followObserver: IntersectionObserver | undefined;
/** Cards whose nearness is followed, with what to tell when it changes (a card and the bar in it watch one card). */
const following = new Map<Element, Set<(near: boolean) => void>>();

/**
 * Tells `changed(false)` when `element` moves more than about two screens away from the
 * viewport and `changed(true)` when it comes back within them (and once at the start, with
 * where it is). A feed's cards stop following their live topics far away, so a 200-clip feed
 * never asks the server for more event streams than it allows one viewer (issue 23). Returns
 * the function that stops watching. Without IntersectionObserver it never tells anything.
 */
export function watchNearViewport(element: Element, changed: (near: boolean) => void): () => void {
  if (typeof IntersectionObserver === 'undefined') return () => {};
  followObserver ??= new IntersectionObserver(onFollowIntersect, { rootMargin: FOLLOW_MARGIN });
  const watchers = following.get(element) ?? new Set();
  // Observed anew, so a second watcher of a card (its bar) hears at once where it is too.
  if (watchers.size) followObserver.unobserve(element);
  followObserver.observe(element);
  watchers.add(changed);
  following.set(element, watchers);
  return () => {
    if (!watchers.delete(changed) || watchers.size) return;
    following.delete(element);
    followObserver?.unobserve(element);
    if (following.size === 0) {
      followObserver?.disconnect();
      followObserver = undefined;
    }
  };
}

/** How many cards have their nearness watched (for tests: a card that left the page leaves nothing behind). */
export function nearViewportFollowing(): number {
  return following.size;
}

function onFollowIntersect(entries: IntersectionObserverEntry[]): void {
  const changes: [(near: boolean) => void, boolean][] = [];
  for (const entry of entries) {
    for (const changed of following.get(entry.target) ?? []) changes.push([changed, entry.isIntersecting]);
  }
  // Every card of one scroll at once: their reads go together (batched where the adapter can).
  for (const [changed, near] of changes) changed(near);
}

function stopObserving(element: Element): void {
  if (!observed.delete(element)) return;
  observer?.unobserve(element);
  if (observed.size === 0) {
    observer?.disconnect();
    observer = undefined;
  }
}
