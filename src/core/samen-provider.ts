import { LitElement, html, css } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { SamenAdapterLike } from './adapter.js';
import { holdDeviceStorageOff, samenContext } from './context.js';

/**
 * Supplies an adapter, a locale and the language of the school's words (`content-lang`) to
 * every Samen widget inside it.
 *
 * @summary Connects the widgets inside to the host's backend.
 * @tagname samen-provider
 * @slot - Samen widgets and any host content.
 *
 * @example
 * ```html
 * <samen-provider locale="ar" content-lang="nl"><samen-lesson-clip clip-id="wish-1"></samen-lesson-clip></samen-provider>
 * <script type="module">document.querySelector('samen-provider').adapter = myAdapter;</script>
 * ```
 */
export class SamenProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The host's backend. Set as a property: it is an object. */
  @property({ attribute: false }) adapter?: SamenAdapterLike;

  /** Language for the widgets inside (`nl`, `en`, …). */
  @property() locale?: string;

  /**
   * `off` keeps nothing on this device (drafts and queued writes stay in memory for this
   * visit). Device storage is the page's, so this turns it off for every Samen widget on the
   * page while this provider is connected, like `configure({ deviceStorage: false })`.
   */
  @property({ attribute: 'device-storage', reflect: true }) deviceStorage?: 'on' | 'off';

  /**
   * Language of the school's words inside (`nl`, …) for items without a `lang` of their own,
   * like `configure({ contentLang })`. Not a BCP 47 tag: ignored.
   */
  @property({ attribute: 'content-lang' }) contentLang?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    holdDeviceStorageOff(this, this.deviceStorage === 'off');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    holdDeviceStorageOff(this, false);
  }

  private readonly provider = new ContextProvider(this, { context: samenContext, initialValue: {} });

  protected override willUpdate(): void {
    if (this.isConnected) holdDeviceStorageOff(this, this.deviceStorage === 'off');
    this.provider.setValue({
      ...(this.adapter ? { adapter: this.adapter } : {}),
      ...(this.locale ? { locale: this.locale } : {}),
      ...(this.contentLang ? { contentLang: this.contentLang } : {}),
    });
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
