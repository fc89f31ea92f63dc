import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { missingMethods, type AdapterFor, type PortName, type SamenAdapterLike, type SamenTopic, type Unsubscribe } from './adapter.js';
import { isAbortError, SamenError, toSamenError, type SamenIssue } from './errors.js';
import { watchNearViewport, whenNearViewport } from './near-viewport.js';
import { afterNextPaint } from './after-paint.js';
import { parseOrThrow } from './parse.js';
import { warmUpDates } from './i18n.js';
import { viewerSchema, type Viewer } from './schemas.js';

/** What a widget's load gets: its own port of the adapter, the viewer, its arguments, and a signal. */
export interface LoadContext<A extends readonly unknown[], P extends PortName> {
  adapter: AdapterFor<P>;
  /** The viewer, asked once per adapter for all widgets loading at the same moment, parsed. */
  viewer: Promise<Viewer>;
  args: A;
  /** Aborted when the element leaves the page or its arguments change. */
  signal: AbortSignal;
  /** Reports problems in data that still renders (unknown reactions ignored, …) — once per distinct set. */
  report(issues: readonly SamenIssue[], message: string): void;
}

export interface DataSource<A extends readonly unknown[], D, P extends PortName> {
  /** The widget's port: a load starts only when the adapter has all of its methods. */
  port: P;
  /** Everything the load depends on besides the adapter; a change (by `===`) loads again. */
  args: () => A;
  /** Whose data this is once the viewer is known (the viewer's id, with the child's where there is one). */
  person?: (viewer: Viewer, args: A) => string;
  /** Reads and parses: everything the widget shows. Throws a {@link SamenError} for a problem. */
  load: (context: LoadContext<A, P>) => Promise<D>;
  /** The live topics of what was loaded: a change under any of them loads again, quietly. */
  topics?: (data: D, args: A) => readonly SamenTopic[];
  /**
   * A side load beside the widget's main one (the composer's rhythm list): its errors stay its
   * own state, never a second `samen-error` for what the main load already reported.
   */
  secondary?: boolean;
  /**
   * Whether what this load shows is formatted with Intl itself (a check-in's days, a meeting's
   * moment, a teacher's scheduled clip: "Gepland voor do 14 jan, 8:00"), also in a language whose
   * dates are otherwise written out: Intl's first format is then made while the reads are out
   * ({@link warmUpDates}), not in the render.
   */
  formatsWithIntl?: (args: A) => boolean;
}

/** What the controller needs of its element (the base class wires these to its protected parts). */
export interface DataHost extends ReactiveControllerHost {
  readonly isConnected: boolean;
  /** The adapter as given to the page (for the port check) and the one to read through (a preview's). */
  adapters(): { given?: SamenAdapterLike; effective?: SamenAdapterLike };
  enterPerson(key: string): void;
  reportError(error: SamenError, fatal: boolean): void;
  /**
   * The element to wait for, when its first load waits until it is near the viewport (a card
   * far down a feed); `undefined` loads at once (`eager`).
   */
  deferUntilNear?(): Element | undefined;
  /**
   * The card whose nearness decides whether live topics are followed: only while it is within
   * about two screens of the viewport (a lazy card, or the lazy card a widget is shown in);
   * `undefined` follows wherever it is.
   */
  followNear?(): Element | undefined;
  /**
   * Whether the widget is shown inside another widget's card (a lesson clip's feedback bar): its
   * first load then waits until the card's words have painted, with its placeholder in place, so
   * on a slow network the words are not queued behind it (issue 23).
   */
  insideCard?(): boolean;
  /** The widget's language, for the date formats made while the first reads are on their way. */
  locale?(): string;
}

export type DataStatus = 'initial' | 'pending' | 'complete' | 'error';

/** What rendering needs of a {@link DataController}, whatever its arguments and port. */
export interface DataState<D> {
  readonly status: DataStatus;
  readonly value: D | undefined;
  readonly error: SamenError | undefined;
  readonly current: boolean;
  run(): Promise<void>;
}

// ---------------------------------------------------------------------------- the shared viewer

/**
 * The viewer request on its way, per adapter: widgets that load at the same moment (a page with
 * six of them) ask once. A load that starts after it answered asks again, because the same
 * adapter object may speak for someone else after the host's sign-in (its token function
 * changes), and the widget must then know before it shows or sends anything.
 */
interface ViewerRequest {
  pending: Promise<unknown>;
  abort: AbortController;
  /** Loads still waiting for the answer: when the last one is aborted, so is the request. */
  waiting: number;
}
const viewers = new WeakMap<object, ViewerRequest>();

/**
 * The viewer of `adapter`, parsed; shared with the other loads while the request is on its way.
 * Without a `signal` the caller waits for good (the request is not aborted for it).
 */
export function sharedViewer(adapter: SamenAdapterLike, signal?: AbortSignal): Promise<Viewer> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  let entry = viewers.get(adapter);
  if (!entry) {
    const abort = new AbortController();
    const request: ViewerRequest = { pending: adapter.getViewer({ signal: abort.signal }), abort, waiting: 0 };
    viewers.set(adapter, request);
    const done = () => viewers.get(adapter) === request && viewers.delete(adapter);
    request.pending.then(done, done);
    entry = request;
  }
  const request = entry;
  request.waiting += signal ? 1 : Infinity;
  const parsed = request.pending.then((raw) => parseOrThrow(viewerSchema, raw, 'viewer'));
  if (!signal) return parsed;
  return new Promise<Viewer>((resolve, reject) => {
    signal.addEventListener(
      'abort',
      () => {
        reject(signal.reason);
        // Nobody waits any more (every widget that asked left the page): stop the request too.
        if (--request.waiting === 0 && viewers.get(adapter) === request) {
          viewers.delete(adapter);
          request.abort.abort();
        }
      },
      { once: true },
    );
    parsed.then(resolve, reject);
  });
}

// ---------------------------------------------------------------------------- the controller

/**
 * The one data path of every widget: loads through the widget's own port (aborted when the
 * element leaves the page, resumed when it comes back), subscribes to the loaded data's topics
 * and keeps them across a move in the page, loads again quietly on a live change or a change
 * of its arguments, takes a write's result without loading again ({@link set}), reports a load
 * error once as a `samen-error`, and tells the base which state to render ({@link status}).
 */
export class DataController<A extends readonly unknown[], D, P extends PortName> implements ReactiveController, DataState<D> {
  private _status: DataStatus = 'initial';
  private _value?: D;
  private _error?: SamenError;
  private key: readonly unknown[] = [];
  /** The arguments (and adapter) {@link value} was loaded for. */
  private valueKey: readonly unknown[] = [];
  private abort?: AbortController;
  private interrupted = false;
  private reportedIssues = '';
  private subscriptions = new Map<string, Unsubscribe>();
  private subscribedTo?: SamenAdapterLike;
  /** A live change arrived while a load was on its way: that load may have read the data before it. */
  private changedDuringLoad = false;
  /** A live change is waiting for the next frame to be painted ({@link changed}). */
  private reloadSoon = false;
  /** The load last started by an update. */
  private loading: Promise<void> | undefined;
  /** Came near the viewport once (or never had to wait): loads from then on go at once. */
  private near = false;
  private stopWaiting?: () => void;
  /**
   * The first load waits for the card to come within about a screen of the viewport: until then
   * the widget need not render at all (a dormant card, see SamenElement), only hold its place.
   */
  waitingFar = false;
  /** A lazy card more than about two screens from the viewport: it follows no live topics there. */
  private far = false;
  /** What is shown was not followed for a while (far away): read again when it comes back. */
  private stale = false;
  private stopWatchingFar?: () => void;

  constructor(
    private readonly host: DataHost,
    private readonly source: DataSource<A, D, P>,
  ) {
    host.addController(this);
  }

  get status(): DataStatus {
    return this._status;
  }

  /** What the last load (or {@link set}) gave; kept while a quiet reload runs. */
  get value(): D | undefined {
    return this._value;
  }

  get error(): SamenError | undefined {
    return this._error;
  }

  /** Whether the shown value belongs to the current arguments and adapter (not an old item's). */
  get current(): boolean {
    return this._value !== undefined && sameKey(this.valueKey, this.currentKey());
  }

  /** A write's result becomes what the widget shows, without a reload. */
  set(value: D): void {
    this._value = value;
    this.valueKey = this.key;
    this._status = 'complete';
    this._error = undefined;
    this.follow();
    this.host.requestUpdate();
  }

  /** Drops what was loaded (another person is here): loading shows until their own data is in. */
  forget(): void {
    this._value = undefined;
    this.valueKey = [];
  }

  /** Loads again (retry, or after something only this widget knows changed). */
  run(): Promise<void> {
    return this.load(this.currentKey());
  }

  hostConnected(): void {
    if (!this.near && this._status === 'initial') {
      this.waitUntilNear(false);
      return;
    }
    if (this.interrupted) {
      this.interrupted = false;
      void this.run();
      return;
    }
    // Back in the page (moved): live updates again, for what is shown.
    this.follow();
  }

  hostDisconnected(): void {
    // Left before it came into view: nothing keeps watching it.
    this.stopWaiting?.();
    this.stopWaiting = undefined;
    if (this._status === 'pending') {
      this.interrupted = true;
      this.abort?.abort();
    }
    // A move is a disconnect and a connect in the same task: keep the subscription through it,
    // so no change slips through the gap a new subscription opens on a network transport.
    queueMicrotask(() => {
      if (this.host.isConnected) return;
      this.unsubscribeAll();
      this.stopWatchingFar?.();
      this.stopWatchingFar = undefined;
      this.far = false;
    });
  }

  hostUpdate(): void {
    if (!this.host.isConnected) return;
    if (!this.near && this._status === 'initial') {
      this.waitUntilNear(true);
      return;
    }
    const key = this.currentKey();
    if (!sameKey(key, this.key) || this._status === 'initial') this.loading = this.load(key);
  }

  /**
   * The first load of a card far from what the reader sees waits until it comes within about a
   * screen (the shared observer of near-viewport.ts); the card shows its placeholder until then.
   */
  private waitUntilNear(inUpdate: boolean): void {
    if (this.stopWaiting) return;
    const element = this.host.deferUntilNear?.();
    this.waitingFar = !!element;
    if (!element && this.host.insideCard?.()) {
      let waiting = true;
      this.stopWaiting = () => (waiting = false);
      void afterNextPaint().then(() => {
        if (!waiting) return;
        this.stopWaiting = undefined;
        this.near = true;
        if (this.host.isConnected) this.hostUpdate();
      });
      return;
    }
    if (!element) {
      this.near = true;
      // Loads in an update, as every first load does: when the element connects, the adapter
      // from its <samen-provider> may not have arrived yet (an eager card read "not connected").
      if (inUpdate) this.hostUpdate();
      else this.host.requestUpdate();
      return;
    }
    this.stopWaiting = whenNearViewport(element, () => {
      this.stopWaiting = undefined;
      this.waitingFar = false;
      this.near = true;
      if (!this.host.isConnected) return undefined;
      this.hostUpdate();
      // The widgets just below the screen wait for this first load (near-viewport.ts).
      return this.loading;
    });
  }

  private currentKey(): readonly unknown[] {
    return [this.host.adapters().effective, ...this.source.args()];
  }

  private async load(key: readonly unknown[]): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.changedDuringLoad = false;
    const argsChanged = !sameKey(key, this.key);
    this.key = key;
    this._status = 'pending';
    if (argsChanged) this._error = undefined;
    this.host.requestUpdate();
    const { given, effective } = this.host.adapters();
    const args = key.slice(1) as unknown as A;
    try {
      if (!given || !effective) throw new SamenError('not-connected');
      const missing = missingMethods(given, this.source.port);
      if (missing.length) {
        throw new SamenError(
          'not-connected',
          `the adapter lacks ${missing.join(', ')}`,
          missing.map((method) => ({ path: method, message: 'missing' })),
        );
      }
      const adapter = effective as AdapterFor<P>;
      const viewer = sharedViewer(effective, abort.signal).then((viewer) => {
        if (!abort.signal.aborted) this.host.enterPerson(this.source.person?.(viewer, args) ?? viewer.id);
        return viewer;
      });
      // A load that fails before it awaits the viewer must not leave a rejection unhandled.
      viewer.catch(() => undefined);
      const loaded = this.source.load({
        adapter,
        viewer,
        args,
        signal: abort.signal,
        report: (issues, message) => this.reportOnce(issues, message, key),
      });
      // The page's first reads are on their way: the date formats its first card shows are made meanwhile.
      warmUpDates(this.host.locale?.() ?? '', this.source.formatsWithIntl?.(args) ?? false);
      const value = await loaded;
      if (abort.signal.aborted) return;
      this._value = value;
      this.valueKey = key;
      this._error = undefined;
      this._status = 'complete';
      this.stale = false;
      this.follow();
    } catch (error) {
      if (abort.signal.aborted || isAbortError(error)) return;
      const samenError = toSamenError(error);
      this._error = samenError;
      this._status = 'error';
      // The rest of this load is of no use now: its other requests stop instead of hanging on.
      abort.abort();
      if (!this.source.secondary) this.host.reportError(samenError, true);
    } finally {
      if (this.abort === abort) {
        this.host.requestUpdate();
        if (this.changedDuringLoad && this._status === 'complete') void this.run();
      }
    }
  }

  private reportOnce(issues: readonly SamenIssue[], message: string, key: readonly unknown[]): void {
    if (!issues.length) return;
    const id = `${key.slice(1).join('\u0000')}:${issues.map((i) => i.path).join(',')}`;
    if (id === this.reportedIssues) return;
    this.reportedIssues = id;
    this.host.reportError(new SamenError('invalid-data', message, issues), false);
  }

  /** Subscribes to the topics of what is shown; keeps subscriptions that stay, stops the others. */
  private follow(): void {
    // Left the page: the subscriptions end in hostDisconnected, not here.
    if (!this.host.isConnected) return;
    const adapter = this.host.adapters().effective;
    const value = this._value;
    if (!adapter?.subscribe || value === undefined || !this.source.topics) {
      this.unsubscribeAll();
      return;
    }
    this.watchFar();
    if (this.far) {
      // Far from the screen: nothing followed (a feed's hundreds of topics would exceed the
      // server's streams), and read again when it comes back (issue 23).
      this.stale = true;
      this.unsubscribeAll();
      return;
    }
    if (adapter !== this.subscribedTo) this.unsubscribeAll();
    this.subscribedTo = adapter;
    // The topics of what is shown: the arguments it was loaded for, not those of a load on its way.
    const topics = this.source.topics(value, this.valueKey.slice(1) as unknown as A);
    const wanted = new Set<string>(topics);
    for (const [topic, stop] of this.subscriptions) {
      if (!wanted.has(topic)) {
        stop();
        this.subscriptions.delete(topic);
      }
    }
    for (const topic of topics) {
      if (this.subscriptions.has(topic)) continue;
      const stop = adapter.subscribe(topic, () => {
        // A change under a topic still followed: read again, quietly (the card stays as it is).
        if (this.subscriptions.has(topic)) this.changed();
      });
      this.subscriptions.set(topic, stop);
    }
  }

  /**
   * A lazy card's live topics are followed only while it is within about two screens of the
   * viewport (near-viewport.ts): a parent who scrolls a 200-clip feed to its end follows the
   * cards around them, not 400 topics in more streams than the server allows one viewer. Back
   * near, it follows again and reads again, quietly, what changed while nobody followed it.
   */
  private watchFar(): void {
    if (this.stopWatchingFar) return;
    const element = this.host.followNear?.();
    if (!element) return;
    this.stopWatchingFar = watchNearViewport(element, (near) => {
      if (near === !this.far || !this.host.isConnected) return;
      this.far = !near;
      if (this.far) {
        this.follow();
        return;
      }
      this.follow();
      if (this.stale && this._status === 'complete') {
        this.stale = false;
        void this.run();
      }
    });
  }

  /**
   * A live change: read again once the frame on its way has painted, once for every change
   * until then. A tap's own write comes back here at once from a fast adapter; reading it
   * again in the same task made every tap cost two frames (issue 23).
   */
  private changed(): void {
    if (this._status === 'pending') {
      this.changedDuringLoad = true;
      return;
    }
    if (this.reloadSoon) return;
    this.reloadSoon = true;
    void afterNextPaint().then(() => {
      this.reloadSoon = false;
      if (!this.host.isConnected || this.subscriptions.size === 0) return;
      if (this._status === 'pending') this.changedDuringLoad = true;
      else void this.run();
    });
  }

  private unsubscribeAll(): void {
    for (const stop of this.subscriptions.values()) stop();
    this.subscriptions.clear();
    this.subscribedTo = undefined;
  }
}

function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
