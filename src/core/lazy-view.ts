import { supportsAdoptingStyleSheets, type CSSResult, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { toSamenError, type SamenError } from './errors.js';

/** What a lazily loaded view module gives: at least the styles its templates need. */
export interface ViewModule {
  styles: CSSResult;
}

/** The element a {@link LazyView} belongs to. */
export interface LazyViewHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * A view only some viewers need (a widget's teacher view: parents never see it), loaded the first
 * time it is asked for with {@link start} (as soon as the view is known, beside the data load, so
 * the first render waits for neither one after the other). Once there, its styles join the host's
 * shadow root and the host renders again. A module that cannot be loaded is an {@link error}, shown
 * as the widget's error state; {@link retry} (its Retry button) tries once more.
 */
export class LazyView<M extends ViewModule> implements ReactiveController {
  /** The loaded module, once it is there. */
  module?: M;
  /** Why the module could not be loaded (until {@link retry}). */
  error?: SamenError;
  private loading?: Promise<void>;

  constructor(
    private readonly host: LazyViewHost,
    private readonly load: () => Promise<M>,
    /** Told once per failed load (the widget fires `samen-error`). */
    private readonly failed: (error: SamenError) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Starts loading the module, once; a failed load stays failed until {@link retry}. */
  start(): void {
    if (this.module || this.loading || this.error) return;
    this.loading = this.load().then(
      (module) => {
        this.module = module;
        this.adopt(module.styles);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.loading = undefined;
        this.error = toSamenError(error);
        this.failed(this.error);
        this.host.requestUpdate();
      },
    );
  }

  /**
   * Starts loading the module and settles once it is there or failed (never rejects): a widget's
   * data load awaits it beside its own requests, so the data shows together with its view.
   */
  settled(): Promise<void> {
    this.start();
    return this.loading ?? Promise.resolve();
  }

  /** After a failure (the error state's Retry): loading again, tried once more. */
  retry(): void {
    this.error = undefined;
    this.start();
    this.host.requestUpdate();
  }

  /** The view's styles after the widget's own (as if they had been in its `static styles`). */
  private adopt(styles: CSSResult): void {
    const root = this.host.renderRoot;
    if (supportsAdoptingStyleSheets && root instanceof ShadowRoot && styles.styleSheet) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet];
    } else {
      const style = document.createElement('style');
      style.textContent = styles.cssText;
      root.appendChild(style);
    }
  }
}
