import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { SamenError } from './errors.js';
import type { Viewer, ViewerRole } from './schemas.js';
import { SamenElement } from './samen-element.js';

/**
 * Base of the widgets with a teacher view: adds the "Preview as parent" switch. The
 * preview itself (the same widget with `view="parent" preview`: read-only, no writes, no
 * events) is {@link SamenElement.preview}; its data comes through `previewAdapter`.
 */
export class SamenParentPreviewElement extends SamenElement {
  /** Teacher views: whether the "Preview as parent" switch is on. */
  @state() protected previewingAsParent = false;

  /**
   * A teacher view renders teacher-only data (reach, who reacted, other families' replies,
   * signals, successes) only for a viewer whose role may see it, whatever the `view`
   * attribute says or the adapter sends: anyone else gets the `forbidden` error state.
   */
  protected requireTeacherRole(view: string, viewer: Viewer, roles: readonly ViewerRole[] = ['teacher']): void {
    if (view === 'teacher' && !roles.includes(viewer.role))
      throw new SamenError('forbidden', 'teacher view for a viewer without that role');
  }

  /**
   * A teacher view with the "Preview as parent" switch above it: `card` while off, and
   * `parentView()` (the same widget with `view="parent" preview`) while on. The button
   * stays the same element, so focus stays on it.
   */
  protected renderWithPreview(card: TemplateResult, parentView: () => TemplateResult): TemplateResult {
    // A widget inside another (the lesson clip's feedback bar) follows its host card's switch.
    const root = this.getRootNode();
    if (this.preview || (root instanceof ShadowRoot && root.host instanceof SamenElement)) return card;
    const on = this.previewingAsParent;
    const t = this.t.preview;
    return html`<div class="preview-bar" part="preview-bar" lang=${this.resolvedLocale} dir=${this.languageDir}>
        <button
          type="button"
          class="preview-toggle"
          part="preview-toggle"
          aria-pressed=${on ? 'true' : 'false'}
          @click=${() => (this.previewingAsParent = !on)}
        >
          <span class="preview-switch" aria-hidden="true"></span>${t.toggle}
        </button>
        ${on ? html`<p class="preview-note" part="preview-note"><strong>${t.label}</strong> ${t.note}</p>` : nothing}
      </div>
      ${on ? parentView() : card}`;
  }
}
