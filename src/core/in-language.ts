import { html, nothing, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { TextLanguage } from './content-lang.js';

/**
 * Marks the element as words the widget did not write (`data-words`: the school's or a
 * family's) and sets (or removes) `lang` and `dir` on it:
 * `<p class="question" ${inLanguage(this.school)}>${clip.homeQuestion}</p>`.
 */
class InLanguageDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('inLanguage must be used as an element binding');
  }

  render(_language: TextLanguage) {
    return nothing;
  }

  override update(part: ElementPart, [language]: [TextLanguage]) {
    const { element } = part;
    // Marks their words for the stylesheet: never wider than the box around them (tokens.styles.ts).
    if (!element.hasAttribute('data-words')) element.setAttribute('data-words', '');
    for (const name of ['lang', 'dir'] as const) {
      const value = language[name];
      if (value) {
        if (element.getAttribute(name) !== value) element.setAttribute(name, value);
      } else if (element.hasAttribute(name)) element.removeAttribute(name);
    }
    return nothing;
  }
}

export const inLanguage = directive(InLanguageDirective);

/**
 * A translated sentence with the school's words inside it in their own language:
 * `withParts(t.rewardIs, [html`<span lang="nl">…</span>`])` renders "الجائزة: <span lang="nl">een
 * boek</span>". The message is called with markers in place of its values and split on them;
 * a message that leaves a value out (a host's own table) falls back to plain text.
 */
export function withParts<A extends string[]>(
  message: (...args: A) => string,
  values: { [K in keyof A]: string },
  parts: { [K in keyof A]: TemplateResult },
): TemplateResult | string {
  const markers = values.map((_, i) => `\uE000${i}\uE001`) as A;
  const marked = message(...markers);
  const pieces = marked.split(/\uE000(\d+)\uE001/);
  const found = pieces.filter((_, i) => i % 2 === 1);
  if (found.length !== values.length || new Set(found).size !== values.length) return message(...(values as unknown as A));
  return html`${pieces.map((piece, i) => (i % 2 === 1 ? parts[Number(piece)] : piece))}`;
}
