/**
 * Escape closes what a widget opens. This is the part for a native `<details>` (the teacher's
 * "who reacted" and "not reached yet" lists), which browsers open and close with Enter or Space
 * on the summary but not with Escape: put it on the element as `@keydown=${closeDetailsOnEscape}`.
 * Escape anywhere inside an open one closes it and puts focus on its summary. A key that another
 * handler already took (`defaultPrevented`), or that ends an input method's composition, is left
 * alone; the innermost open `<details>` closes first.
 */
export function closeDetailsOnEscape(event: KeyboardEvent): void {
  const details = event.currentTarget;
  if (!(details instanceof HTMLDetailsElement) || !details.open) return;
  if (event.key !== 'Escape' || event.isComposing || event.defaultPrevented) return;
  event.preventDefault();
  details.open = false;
  details.querySelector<HTMLElement>(':scope > summary')?.focus();
}
