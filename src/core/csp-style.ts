import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Like lit's `styleMap`, but always through the CSSOM (`style.setProperty`).
 * `styleMap` writes a `style="…"` attribute on first render, which a strict CSP
 * without `style-src 'unsafe-inline'` blocks. Use as an element binding:
 * `<span ${cspStyle({ 'inline-size': '40%' })}>`.
 */
class CspStyleDirective extends Directive {
  private previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cspStyle must be used as an element binding');
  }

  render(_styles: Readonly<Record<string, string>>) {
    return nothing;
  }

  override update(part: ElementPart, [styles]: [Readonly<Record<string, string>>]) {
    const { style } = part.element as HTMLElement;
    for (const name of this.previous) if (!(name in styles)) style.removeProperty(name);
    for (const [name, value] of Object.entries(styles)) style.setProperty(name, value);
    this.previous = new Set(Object.keys(styles));
    return nothing;
  }
}

export const cspStyle = directive(CspStyleDirective);
