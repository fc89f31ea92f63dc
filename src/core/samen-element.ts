import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { consume } from '@lit/context';
import { missingMethods, type PortName, type SamenAdapter, type SamenAdapterLike } from './adapter.js';
import { DataController, type DataHost, type DataSource, type DataState } from './data-controller.js';
import { onPageDefaultsChange, pageDefaults, samenContext, type SamenConfig } from './context.js';
import { SamenError } from './errors.js';
import { dispatchSamenEvent, type DetailOf, type SamenEventMap } from './events.js';
import { isLocaleLoading, messagesFor, onLocalesChange, resolveLocale, type Messages, type MessageSection } from './i18n.js';
import { baseStyles, cardStyles, tokens } from './tokens.styles.js';
import { previewAdapter, previewStyles } from './preview.js';
import { familyText, isLangTag, schoolText, voiceLang, type TextLanguage } from './content-lang.js';
import { Announcer } from './announcer.js';
import { FocusKeeper } from './focus-keeper.js';

/** Events a preview swallows, and the controls whose presses it ignores. */
const PREVIEW_BLOCKED = ['click', 'submit', 'beforeinput', 'keydown'] as const;
const PREVIEW_CONTROLS = 'button, input, textarea, select, [role="radio"], [role="button"]';

/**
 * Thin base for every Samen widget: adapter and locale from `<samen-provider>` or
 * `configure()`, typed events, and the shared loading and error states.
 */
export class SamenElement extends LitElement {
  static override styles = [tokens, baseStyles, cardStyles, previewStyles];

  /** Language of the widget; overrides the provider and the page (`nl`, `en`, …). */
  @property({ reflect: true }) locale?: string;

  /** `light`, `dark`, or unset to follow the host page's `color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /**
   * Read-only preview (what the "Preview as parent" switch renders): the widget reads as a
   * parent who has done nothing yet, writes nothing (no seen, no answers, no reactions),
   * fires no events and ignores presses on its controls.
   */
  @property({ type: Boolean, reflect: true }) preview = false;

  /**
   * `lazy`: a card far below what the reader sees (more than about a screen away) renders
   * nothing but an empty box of its placeholder's height, and renders and loads only when
   * scrolling brings it near, as `<img loading="lazy">` does: a feed of 200 clips renders and
   * asks for the few on the first screen. `eager` (the default) loads at once,
   * wherever the card is (a card in a hidden tab, a page a script reads). A `preview` always
   * loads at once. Set as a property, `lazy` shows as the attribute too (a feed card's styles
   * follow it); `eager` adds no attribute.
   */
  @property({ reflect: true, converter: { toAttribute: (value: unknown) => (value === 'lazy' ? 'lazy' : null) } })
  loading: 'eager' | 'lazy' = 'eager';

  @consume({ context: samenContext, subscribe: true })
  @state()
  protected config?: SamenConfig;

  private stopGlobalListeners?: () => void;

  /**
   * Whose widget this is now: the viewer's id, and the child's where there is one. Everything
   * a person typed, chose or queued belongs to it; see {@link enterPerson}.
   */
  @state() protected personKey = '';

  /**
   * From an adapter switch until the next load says who is here: the card shows its loading
   * state (nothing of anyone) and no write starts. The same person again keeps everything.
   */
  @state() private awaitingPerson = false;

  /** The adapter the widget last rendered with; another one means another signed-in person may be here. */
  private adapterSeen?: SamenAdapterLike;
  private personEpoch = 0;

  /**
   * The card's one live region ({@link announce}): created before the first render, so it is
   * in the page long before anything is said in it, but not for a dormant card (issue 23): a
   * feed's cards far below the screen keep one element each in their shadow root, not two.
   */
  private announcer?: Announcer;

  constructor() {
    super();
    // Focus never falls to the page's body when the focused control disappears (issue 21).
    new FocusKeeper(this);
  }

  /**
   * Says `text` to a screen reader, politely, in the card's language: every time, also the
   * same words twice in a row (a second award, a second reaction). `''` says nothing.
   */
  protected announce(text: string): void {
    if (this.preview) return;
    this.announcer?.announce(text, this.resolvedLocale, this.t.dir === 'rtl' ? 'rtl' : undefined);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.blockWhilePreview();
    const stopDefaults = onPageDefaultsChange(() => this.requestUpdate());
    const stopLocales = onLocalesChange(() => this.requestUpdate());
    this.stopGlobalListeners = () => {
      stopDefaults();
      stopLocales();
    };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.blockWhilePreview();
    this.stopGlobalListeners?.();
    this.announcer?.clear();
  }

  /**
   * A host that sets another adapter (someone else may have signed in, without a reload): the
   * card shows nothing of anyone and starts no write until the new adapter's viewer is known
   * ({@link enterPerson}); someone else then gets a widget that forgot the person before.
   */
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Awake (near the screen): the first render takes the dormant box's place in this same task.
    this.placeBox?.remove();
    this.placeBox = undefined;
    // The live region as the shadow root's last child: Lit renders before it, so no re-render replaces it.
    if (!this.announcer) {
      this.announcer = new Announcer(this.renderRoot as ShadowRoot);
      this.renderOptions.renderBefore = this.announcer.region;
    }
    // Every update, not only when `preview` is among the changes: an update skipped meanwhile (a
    // language still loading) drops its list of changes.
    this.blockWhilePreview();
    const adapter = this.config?.adapter ?? pageDefaults().adapter;
    if (adapter === this.adapterSeen) return;
    if (this.adapterSeen !== undefined) this.awaitingPerson = true;
    this.adapterSeen = adapter;
  }

  // ------------------------------------------------------------------ the person (shared tablet)

  /**
   * A widget's load calls this with whose data it got (the viewer's id, and the child's where
   * there is one). When it is someone else than before, {@link forgetPerson} runs first, so the
   * next person never sees, nor sends, what the one before typed, chose or queued. Their drafts
   * stay on the device under their own key (or in memory, with device storage off) for when
   * they come back.
   */
  protected enterPerson(key: string): void {
    this.awaitingPerson = false;
    if (key === this.personKey) return;
    this.personKey = key;
    this.personEpoch += 1;
    for (const data of this.dataControllers) data.forget();
    this.forgetPerson();
  }

  /** Whether the widget knows who is here (loaded, and no adapter switch since): writes may start. */
  protected get personConfirmed(): boolean {
    return this.personKey !== '' && !this.awaitingPerson;
  }

  /**
   * Drops everything of the person before from memory and the screen: drafts in their
   * controllers, choices, flags, error and status messages, open forms, the loaded data.
   * Widgets override it (calling `super`) for their own state; the card's DOM is made anew
   * by {@link forPerson}.
   */
  protected forgetPerson(): void {
    this.announcer?.clear();
  }

  /** A token for "still the same person"; an action compares it with {@link stillFor} after each await. */
  protected get personToken(): number {
    return this.personEpoch;
  }

  /** Whether the person is still the one `token` was taken for (no switch since). */
  protected stillFor(token: number): boolean {
    return token === this.personEpoch;
  }

  /**
   * The card, rendered anew (fresh DOM) for each person: no typed text in an uncontrolled
   * field, no ticked box, no open form or focus of the person before survives a switch.
   */
  protected forPerson(template: TemplateResult): TemplateResult {
    if (this.awaitingPerson) return this.renderLoading();
    return keyed(this.personKey, template) as unknown as TemplateResult;
  }

  /**
   * What a failed write says: kept on this device (and sent later, or after signing in again),
   * signed out (the text stays in its box), or `fallback`.
   */
  protected writeFailedText(error: SamenError, fallback: string): string {
    if (error.queued) return error.kind === 'signed-out' ? this.t.savedUntilSignedIn : this.t.savedOnDevice;
    return error.kind === 'signed-out' ? this.t.signedOutKept : fallback;
  }

  /** Whether the preview's blocking listeners are on the shadow root ({@link blockWhilePreview}). */
  private blocking = false;

  /**
   * A preview in the page has its listeners that swallow presses ({@link blockInPreview}); any
   * other widget has none: a feed of 200 cards adds no four listeners to each (issue 23).
   * Called on connecting, on leaving, and before every render.
   */
  private blockWhilePreview(): void {
    const block = this.preview && this.isConnected;
    if (block === this.blocking) return;
    this.blocking = block;
    for (const type of PREVIEW_BLOCKED)
      if (block) this.renderRoot.addEventListener(type, this.blockInPreview, { capture: true });
      else this.renderRoot.removeEventListener(type, this.blockInPreview, { capture: true });
  }

  /** In a preview, presses on controls, typing and submits stop before any handler runs. */
  private readonly blockInPreview = (event: Event) => {
    if (!this.preview) return;
    // Tab and Escape still move through and out of the preview: it reads, it is no trap.
    if (event instanceof KeyboardEvent && (event.key === 'Tab' || event.key === 'Escape')) return;
    const onControl = event.composedPath().some((node) => node instanceof Element && node.matches(PREVIEW_CONTROLS));
    if (event.type === 'submit' || onControl) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  /** The adapter in effect: the provider's, else the page default (a preview reads through its read-only wrapper). */
  get adapter(): SamenAdapter | undefined {
    const adapter = this.givenAdapter as SamenAdapter | undefined;
    return adapter && this.preview ? previewAdapter(adapter) : adapter;
  }

  /** The adapter the page gave (provider or `configure()`), possibly with only some ports. */
  private get givenAdapter(): SamenAdapterLike | undefined {
    return this.config?.adapter ?? pageDefaults().adapter;
  }

  /** Whether the page's adapter has every method of `port` (a widget embedded in another shows only then). */
  protected hasPort(port: PortName): boolean {
    const adapter = this.givenAdapter;
    return !!adapter && missingMethods(adapter, port).length === 0;
  }

  /**
   * The widget's data path ({@link DataController}): loads through the widget's port, follows
   * its live topics (also after a move in the page), and says which state to render
   * ({@link renderData}).
   */
  protected useData<A extends readonly unknown[], D, P extends PortName>(source: DataSource<A, D, P>): DataController<A, D, P> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getter below has its own this
    const element = this;
    const host: DataHost = {
      addController: (controller) => this.addController(controller),
      removeController: (controller) => this.removeController(controller),
      requestUpdate: () => this.requestUpdate(),
      get updateComplete() {
        return element.updateComplete;
      },
      get isConnected() {
        return element.isConnected;
      },
      adapters: () => ({ given: this.givenAdapter, effective: this.adapter }),
      enterPerson: (key) => this.enterPerson(key),
      reportError: (error, fatal) => this.reportError(error, fatal),
      // A preview is opened by a press: it loads at once, wherever it opened.
      deferUntilNear: () => (this.loading === 'lazy' && !this.preview ? this : undefined),
      followNear: () => this.lazyCard(),
      insideCard: () => !this.preview && (this.getRootNode() as Partial<ShadowRoot>).host instanceof SamenElement,
      locale: () => this.resolvedLocale,
    };
    const controller = new DataController(host, source);
    this.dataControllers.push(controller);
    return controller;
  }

  private readonly dataControllers: { forget(): void; readonly waitingFar: boolean }[] = [];

  /** The box a dormant card holds its place with ({@link holdPlace}). */
  private placeBox?: HTMLElement;

  /**
   * A lazy card far below the screen is dormant until it comes near: no render at all, only an
   * empty box of the placeholder's height in its shadow root (the loading card's `base` part,
   * without its skeleton), so a feed of 200 clips renders the few on its first screen and the
   * page's height and scrollbar are as they will be (issue 23). The first render replaces it.
   */
  private holdPlace(): void {
    if (this.placeBox) return;
    const box = (this.placeBox = document.createElement('div'));
    box.className = 'card';
    box.setAttribute('part', 'base');
    box.ariaBusy = 'true';
    this.renderRoot.prepend(box);
    // Reflected now, not at the first render: a feed's styles for lazy cards apply to dormant ones too.
    if (this.loading === 'lazy' && this.getAttribute('loading') !== 'lazy') this.setAttribute('loading', 'lazy');
  }

  /**
   * The lazy card this widget belongs to: itself with `loading="lazy"`, or the lazy widget whose
   * card shows it (a lesson clip's feedback bar). Its live topics are followed only while that
   * card is near the screen (issue 23). A preview follows wherever it is.
   */
  private lazyCard(): Element | undefined {
    if (this.preview) return undefined;
    if (this.loading === 'lazy') return this;
    const outer = (this.getRootNode() as Partial<ShadowRoot>).host;
    return outer instanceof SamenElement && outer.loading === 'lazy' && !outer.preview ? outer : undefined;
  }

  /**
   * The shared states of a widget's data: the error state (with Retry), loading (also while an
   * item's arguments changed), or `complete` with what was loaded — for the person here now.
   */
  protected renderData<D>(data: DataState<D>, complete: (value: D) => TemplateResult): TemplateResult {
    const error = data.status === 'error' ? data.error : undefined;
    if (error) return this.renderError(error, () => void data.run());
    const value = data.value;
    if (value === undefined || !data.current) return this.renderLoading();
    return this.forPerson(complete(value));
  }

  /** Element `locale`, own `lang`, provider, `configure()`, nearest `lang`, then Dutch. */
  get resolvedLocale(): string {
    return resolveLocale(this.requestedLocale);
  }

  private get requestedLocale(): string | null | undefined {
    const fromTree = this.parentElement?.closest('[lang]')?.getAttribute('lang');
    return this.locale || this.getAttribute('lang') || this.config?.locale || pageDefaults().locale || fromTree;
  }

  /**
   * While the card's language is still loading (the first time a page shows English or a home
   * language: a few milliseconds), the card waits instead of flashing Dutch; it renders when the
   * table arrives, or in Dutch if it cannot be loaded. A card already shown keeps its language
   * until the new one is there. The same holds for the widget's own words, the sections it
   * lists in {@link messageSections}.
   */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    const requested = this.requestedLocale;
    resolveLocale(requested); // starts the load of a shipped language not loaded yet
    if (!this.hasUpdated && this.dataControllers.some((data) => data.waitingFar)) {
      this.holdPlace();
      return false;
    }
    if (isLocaleLoading(requested)) return false;
    const locale = this.resolvedLocale;
    // Every section is asked (each starts its own load), not only up to the first one missing.
    const waiting = this.messageSections.filter((section) => !section.ready(locale));
    return !waiting.length && super.shouldUpdate(changed);
  }

  /**
   * The widget's own words (`defineMessages` in i18n.ts, e.g. `[feedbackMessages]`): the card renders
   * once each is there in its language, as it waits for the shared table.
   */
  protected messageSections: readonly MessageSection<unknown>[] = [];

  /**
   * `rtl` for a right-to-left language, so an Arabic card reads right to left even in a
   * left-to-right app; otherwise nothing, and the card follows the page's direction.
   */
  protected get languageDir(): 'rtl' | typeof nothing {
    return this.t.dir === 'rtl' ? 'rtl' : nothing;
  }

  /**
   * The language of an item's school words: its own `lang`, else the provider's or the page's
   * `contentLang` (unless `pageDefault` is false, for a family's own matrix); `undefined` when
   * unknown.
   */
  protected contentLangOf(itemLang: string | undefined, pageDefault = true): string | undefined {
    if (itemLang) return itemLang;
    return pageDefault ? [this.config?.contentLang, pageDefaults().contentLang].find(isLangTag) : undefined;
  }

  /** `lang` and `dir` for the school's words of an item, when their language differs from the card's. */
  protected schoolText(itemLang?: string, pageDefault = true): TextLanguage {
    return schoolText(this.contentLangOf(itemLang, pageDefault), this.resolvedLocale);
  }

  /** `dir="auto"` (and a known, different `lang`) for a family's own words. */
  protected familyText(lang?: string): TextLanguage {
    return familyText(lang, this.resolvedLocale);
  }

  /** The language read-aloud speaks an item's school words in: theirs (`nl` → `nl-NL`) when it differs, else the card's. */
  protected voiceFor(itemLang?: string, pageDefault = true): string {
    const lang = this.schoolText(itemLang, pageDefault).lang;
    return lang ? voiceLang(lang) : this.t.locale;
  }

  protected get t(): Messages {
    return messagesFor(this.resolvedLocale);
  }

  /** Dispatches a typed `samen-*` event after the current render, bubbling out of shadow roots. */
  protected async emit<K extends keyof SamenEventMap>(name: K, detail: DetailOf<K>): Promise<void> {
    await this.updateComplete;
    // A preview is not the parent: the host must never hear of an answer, a seen or an error in it.
    if (this.preview) return;
    dispatchSamenEvent(this, name, detail);
  }

  protected reportError(error: SamenError, fatal = true): void {
    void this.emit('samen-error', { kind: error.kind, element: this, fatal, issues: error.issues });
  }

  protected renderLoading(): TemplateResult {
    return html`<div class="card" part="base" aria-busy="true" lang=${this.resolvedLocale} dir=${this.languageDir}>
      <div class="skeleton" role="status"><span class="visually-hidden">${this.t.loading}</span><span></span><span></span></div>
    </div>`;
  }

  protected renderError(error: SamenError, retry?: () => void): TemplateResult {
    const text = this.t.errors[error.kind];
    const canRetry = retry && error.kind !== 'not-connected' && error.kind !== 'forbidden';
    return html`<div class="card state error" part="base error" role="alert" lang=${this.resolvedLocale} dir=${this.languageDir}>
      <h2>${text.title}</h2>
      <p>${text.body}</p>
      ${
        error.kind === 'not-connected' && error.issues.length
          ? html`<p class="issues">${this.t.missingMethods(error.issues.map((issue) => issue.path).join(', '))}</p>`
          : error.issues.length
            ? html`<ul class="issues">
              ${error.issues.map((issue) => html`<li>${this.t.invalidField(issue.path)}</li>`)}
            </ul>`
            : nothing
      }
      ${canRetry ? html`<button part="retry" @click=${retry}>${this.t.retry}</button>` : nothing}
    </div>`;
  }
}
