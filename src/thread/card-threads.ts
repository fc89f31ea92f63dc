/**
 * The threads of one card (issue 24), the same in every widget where a family sends words (the
 * lesson clip's home answer, the feedback bar's reply, the matrix's shared success) or where the
 * teacher writes about a child (tip and top): for a family, their own thread with the teacher;
 * for the teacher, per family, a button ("Antwoorden") that opens the private thread with that
 * family in place. One thread is open for the teacher at a time; what it is about is the card's.
 * Built on {@link ThreadController}; without the optional thread port it renders nothing.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ThreadController, type ThreadHostHooks, type ThreadShown } from './thread-controller.js';
import type { ThreadAbout } from './schemas.js';

/** What the card shows now: what the threads are about, and who looks. */
export interface CardThreadsShown {
  about: ThreadAbout;
  viewerId: string;
  side: 'family' | 'teacher';
  /** The family's own thread (family side): the viewer's family. */
  familyId?: string | undefined;
  /** The viewer's household, when its threads are its own (family side; issue 24). */
  householdId?: string | undefined;
  /** The family's heading; the thread's "Gesprek met de leerkracht" by default. */
  familyTitle?: string;
  /** The teacher's heading for the family named; "Gesprek met <family>" by default. */
  teacherTitle?: (family: string) => string;
  /** Words the teacher's box starts with, and an example beside it (tip and top). */
  starter?: string;
  example?: string;
}

export class CardThreads {
  private readonly family: ThreadController;
  private readonly teacher: ThreadController;
  private shown: CardThreadsShown | undefined;
  /** The family whose thread the teacher opened, for what the card is about now. */
  private opened: { id: string; name: string; about: string; householdId?: string | undefined } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly hooks: ThreadHostHooks,
  ) {
    this.family = new ThreadController(host, hooks);
    this.teacher = new ThreadController(host, hooks);
  }

  /** Whether the adapter has the thread port. */
  get available(): boolean {
    return typeof this.hooks.adapter()?.getThread === 'function';
  }

  /** Which threads the card shows now (from `willUpdate`); `undefined` shows none and closes the teacher's. */
  show(shown: CardThreadsShown | undefined): void {
    this.shown = shown;
    const about = shown ? `${shown.about.kind}:${shown.about.id}` : '';
    if (this.opened && this.opened.about !== about) this.opened = undefined;
    const m = this.hooks.messages();
    const base = shown && { about: shown.about, viewerId: shown.viewerId };
    this.family.show(
      base && shown.side === 'family' && shown.familyId
        ? {
            ...base,
            familyId: shown.familyId,
            ...(shown.householdId ? { householdId: shown.householdId } : {}),
            side: 'family',
            title: shown.familyTitle ?? m.withTeacher,
          }
        : undefined,
    );
    const opened = this.opened;
    const teacher: ThreadShown | undefined =
      base && shown.side === 'teacher' && opened
        ? {
            ...base,
            familyId: opened.id,
            ...(opened.householdId ? { householdId: opened.householdId } : {}),
            side: 'teacher',
            title: (shown.teacherTitle ?? m.withFamily)(opened.name),
            open: true,
            ...(shown.starter ? { starter: shown.starter } : {}),
            ...(shown.example ? { example: shown.example } : {}),
          }
        : undefined;
    this.teacher.show(teacher);
  }

  /** Opens the teacher's thread with this family, or one household of it (as the button does). */
  open(familyId: string, name: string, householdId?: string): void {
    const shown = this.shown;
    if (!shown) return;
    this.opened = { id: familyId, name, about: `${shown.about.kind}:${shown.about.id}`, householdId };
    this.show(shown);
    this.host.requestUpdate();
  }

  /** Closes the teacher's thread (another person, another target). */
  forget(): void {
    this.opened = undefined;
    this.show(undefined);
  }

  /** The family's own thread with the teacher (nothing until the teacher wrote). */
  renderFamily(): TemplateResult | typeof nothing {
    return this.shown?.side === 'family' ? this.family.render() : nothing;
  }

  /**
   * For the teacher, beside what family `familyId` (or one household of it) sent: the open thread
   * with them, or the button that opens it (named with the family for screen readers). `label` is
   * the button's words ("Antwoorden" by default).
   */
  renderFor(
    familyId: string,
    name: string,
    options: { label?: string; householdId?: string | undefined } = {},
  ): TemplateResult | typeof nothing {
    if (this.shown?.side !== 'teacher' || !this.available) return nothing;
    const { householdId } = options;
    if (this.opened?.id === familyId && this.opened.householdId === householdId) return this.teacher.render();
    const words = options.label ?? this.hooks.messages().answerFamily;
    return html`<button type="button" class="thread-open" aria-label=${`${words}: ${name}`} @click=${() => this.open(familyId, name, householdId)}>
      ${words}
    </button>`;
  }
}
