/**
 * A card's threads (src/thread/card-threads.ts), loaded the first time the card has one to show
 * (issue 23): a family's card shows a thread only once they sent something, so a parent's feed
 * does not download the threads, their zod schema and styles before its first card. The same
 * calls as {@link CardThreads}; until the module is there a card shows no thread (as while the
 * thread itself is read). A module that could not be loaded (offline) is asked for again when
 * the browser is back online; the card stays usable meanwhile.
 */
import { nothing, type TemplateResult } from 'lit';
import { LazyView, type LazyViewHost } from '../core/lazy-view.js';
import type { CardThreads, CardThreadsShown } from './card-threads.js';
import type { ThreadHostHooks } from './thread-controller.js';

type ThreadsModule = typeof import('./threads-view.js');

/** How the threads' module is loaded (a test may make it fail, as on a phone gone offline). */
export const threadsModule = { load: (): Promise<ThreadsModule> => import('./threads-view.js') };

export class LazyThreads {
  private readonly view: LazyView<ThreadsModule>;
  private threads: CardThreads | undefined;
  private shown: CardThreadsShown | undefined;
  /** A teacher's thread opened before the module was there: opened once it is. */
  private opening: [familyId: string, name: string, householdId?: string] | undefined;

  constructor(
    private readonly host: LazyViewHost,
    private readonly hooks: ThreadHostHooks,
  ) {
    this.view = new LazyView(
      host,
      () => threadsModule.load(),
      () => addEventListener('online', () => this.view.retry(), { once: true }),
    );
  }

  /** Whether the adapter has the thread port. */
  get available(): boolean {
    return typeof this.hooks.adapter()?.getThread === 'function';
  }

  /**
   * Loads the module when `needed` and the adapter has the thread port; settles once it is there
   * or failed (never rejects). A widget's load awaits it when what it loaded shows a thread, so
   * the thread is read with the card's first render, as before the module was lazy.
   */
  ready(needed: boolean): Promise<void> {
    return needed && this.available ? this.view.settled() : Promise.resolve();
  }

  /** As {@link CardThreads.show}; the first thread to show loads the module. */
  show(shown: CardThreadsShown | undefined): void {
    this.shown = shown;
    const module = this.view.module;
    if (module && !this.threads) this.threads = new module.CardThreads(this.host, this.hooks);
    if (!this.threads) {
      if (shown && this.available) this.view.start();
      return;
    }
    this.threads.show(shown);
    const opening = this.opening;
    this.opening = undefined;
    if (opening && shown) this.threads.open(...opening);
  }

  /** As {@link CardThreads.open}. */
  open(familyId: string, name: string, householdId?: string): void {
    if (this.threads) this.threads.open(familyId, name, householdId);
    else if (this.shown) this.opening = [familyId, name, householdId];
  }

  /** As {@link CardThreads.forget}. */
  forget(): void {
    this.opening = undefined;
    this.shown = undefined;
    this.threads?.forget();
  }

  /** As {@link CardThreads.renderFamily}. */
  renderFamily(): TemplateResult | typeof nothing {
    return this.threads?.renderFamily() ?? nothing;
  }

  /** As {@link CardThreads.renderFor}. */
  renderFor(
    familyId: string,
    name: string,
    options: { label?: string; householdId?: string | undefined } = {},
  ): TemplateResult | typeof nothing {
    return this.threads?.renderFor(familyId, name, options) ?? nothing;
  }
}
