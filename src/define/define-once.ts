/** Registration is idempotent: a page that loads two copies of a widget must not throw. */
export function defineOnce(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
