import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What can take focus in a card: controls, and whatever a widget made focusable. */
const FOCUSABLE = 'button, input:not([type="hidden"]), select, textarea, a[href], summary, video[controls], audio[controls], [tabindex]';
const HEADING = 'h1, h2, h3, h4, [role="heading"]';

/** The focused control, where it stood, and what stood around it. */
interface Snapshot {
  el: HTMLElement;
  key: string;
  /** What could take focus in the card then, in order (filtered only when needed). */
  controls: HTMLElement[];
  /** Its ancestors in the card, nearest first: the group to look in for a neighbour. */
  ancestors: Element[];
}

function usable(el: HTMLElement, root: ShadowRoot): boolean {
  if (!el.isConnected || el.getRootNode() !== root) return false;
  if ((el as HTMLButtonElement).disabled || el.closest('[hidden], [inert]')) return false;
  return typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true });
}

/** A control's identity across a re-render: its id, else its kind, part, name and words. */
function keyOf(el: HTMLElement): string {
  if (el.id) return `#${el.id}`;
  const attrs = ['part', 'name', 'value', 'aria-label'].map((a) => el.getAttribute(a) ?? '');
  return [el.localName, ...attrs, (el.textContent ?? '').trim()].join('|');
}

/**
 * Focus never falls to the page's body (issue 21). When the focused control inside the card
 * disappears (a re-render after a send, Retry or Stop, a timer, a live update), focus moves to
 * the control that took its place, else the next (or previous) control in the same group,
 * else the card's heading (made focusable with `tabindex="-1"`). It never moves focus that
 * someone put elsewhere: only when focus was in the card and is now nowhere.
 */
export class FocusKeeper implements ReactiveController {
  private snapshot: Snapshot | undefined;
  private root: ShadowRoot | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /**
   * The card's focus is watched from its first render on, not from connecting: a dormant card far
   * down a feed (issue 23) has nothing to focus, and 200 of them add no listeners.
   */
  hostUpdate(): void {
    const root = this.host.shadowRoot;
    if (root && root !== this.root) {
      this.root = root;
      root.addEventListener('focusin', this.onFocusIn);
      root.addEventListener('focusout', this.onFocusOut);
    }
    const active = this.active();
    if (active) this.snapshot = this.take(active);
  }

  hostUpdated(): void {
    this.check();
  }

  private readonly onFocusIn = () => {
    const active = this.active();
    if (active) this.snapshot = this.take(active);
  };

  /**
   * Focus leaving for nowhere: the control may have been taken out of the page outside an
   * update (checked once that is done). Focus going to another control of the page: the
   * person moved it, and nothing here moves it back.
   */
  private readonly onFocusOut = (event: Event) => {
    const to = (event as FocusEvent).relatedTarget;
    if (to === null) setTimeout(() => this.check(), 0);
    else if (!(to instanceof Node && this.root?.contains(to))) this.snapshot = undefined;
  };

  /** The element in this card that has focus (a nested widget's host when focus is inside it). */
  private active(): HTMLElement | undefined {
    const active = this.root?.activeElement;
    return active instanceof HTMLElement ? active : undefined;
  }

  private take(el: HTMLElement): Snapshot {
    const ancestors: Element[] = [];
    for (let a = el.parentElement; a; a = a.parentElement) ancestors.push(a);
    // Unfiltered (no layout read on every update): only a disappearance filters them.
    const controls = this.root ? [...this.root.querySelectorAll<HTMLElement>(FOCUSABLE)] : [];
    return { el, key: keyOf(el), controls, ancestors };
  }

  private controls(): HTMLElement[] {
    const root = this.root;
    if (!root) return [];
    return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => usable(el, root));
  }

  /** Whether focus is nowhere: on the body (or the document), not in another control. */
  private static focusIsNowhere(doc: Document): boolean {
    const active = doc.activeElement;
    return !active || active === doc.body || active === doc.documentElement;
  }

  private check(): void {
    const root = this.root;
    const snapshot = this.snapshot;
    if (!root || !snapshot || !this.host.isConnected) return;
    if (this.active()) return;
    if (usable(snapshot.el, root) || !FocusKeeper.focusIsNowhere(this.host.ownerDocument)) {
      // Focus left the card on purpose (another control, or a click on the page): not ours to move.
      this.snapshot = undefined;
      return;
    }
    const target = this.successor(snapshot, root);
    this.snapshot = undefined;
    target?.focus();
  }

  /** Where focus goes instead of `snapshot.el`. */
  private successor(snapshot: Snapshot, root: ShadowRoot): HTMLElement | undefined {
    const now = this.controls();
    const same = now.find((el) => keyOf(el) === snapshot.key);
    if (same) return same;
    const at = snapshot.controls.indexOf(snapshot.el);
    const after = snapshot.controls.slice(at + 1).filter((el) => usable(el, root));
    const before = snapshot.controls
      .slice(0, Math.max(at, 0))
      .reverse()
      .filter((el) => usable(el, root));
    // The nearest group still there with a control in it: the next one, else the one before, else a new one.
    const groups = [...snapshot.ancestors.filter((a) => a.isConnected && a.getRootNode() === root), root];
    for (const group of groups) {
      const inGroup = (el: HTMLElement) => group.contains(el);
      const neighbour = after.find(inGroup) ?? before.find(inGroup) ?? now.find((el) => inGroup(el) && !snapshot.controls.includes(el));
      if (neighbour) return neighbour;
    }
    return this.heading(root);
  }

  /** The card's heading, focusable by script; else its base. */
  private heading(root: ShadowRoot): HTMLElement | undefined {
    const heading =
      [...root.querySelectorAll<HTMLElement>(HEADING)].find((el) => usable(el, root)) ??
      root.querySelector<HTMLElement>('[part~="base"]') ??
      undefined;
    if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    return heading;
  }
}
