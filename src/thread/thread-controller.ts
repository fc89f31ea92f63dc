/**
 * A short private thread inside a card (issue 24): the teacher's answer to what a family sent,
 * and a box to answer back. Hosted by a widget (the lesson clip, under the family's sent answer),
 * it reads the thread through the optional thread port, follows its live topic, keeps the
 * message being typed as a draft (it survives a reload, as the answer box's does), marks the
 * thread read when it is opened, and tells the host page and screen readers when a message from
 * the other side arrives. Without the thread port it renders nothing.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { newId, type SamenAdapter, type Unsubscribe } from '../core/adapter.js';
import { DraftController } from '../core/draft-controller.js';
import type { SamenMessageDetail } from '../core/events.js';
import { parseOrThrow } from '../core/parse.js';
import type { ThreadMessages } from './messages.js';
import { THREAD_MESSAGE_MAX_LENGTH, threadSchema, threadTopic, type Thread, type ThreadKey } from './schemas.js';

export interface ThreadHostHooks {
  adapter(): SamenAdapter | undefined;
  messages(): ThreadMessages;
  /** Says something through the host card's one live region. */
  announce(text: string): void;
  /** Fires `samen-message` from the host card. */
  emit(detail: SamenMessageDetail): void;
}

/**
 * Which thread to show, for whom (`side`), under which heading; `open` shows it unfolded.
 * `starter` fills an empty box with words to edit (a tip and top's "Top: …"), `example` shows an
 * example beside it, marked as one.
 */
export type ThreadShown = ThreadKey & {
  viewerId: string;
  side: 'family' | 'teacher';
  title: string;
  open?: boolean;
  starter?: string;
  example?: string;
};

/** The key the thread port is asked with: the family's, or one household's (issue 24). */
function whose(key: ThreadKey): ThreadKey {
  return { about: key.about, familyId: key.familyId, ...(key.householdId === undefined ? {} : { householdId: key.householdId }) };
}

export class ThreadController implements ReactiveController {
  thread: Thread | undefined;
  private key: ThreadShown | undefined;
  private stop: Unsubscribe | undefined;
  private epoch = 0;
  private readonly draft: DraftController;
  private open = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly hooks: ThreadHostHooks,
  ) {
    host.addController(this);
    this.draft = new DraftController(host, THREAD_MESSAGE_MAX_LENGTH);
  }

  /** Whether the card is in the page: a card removed while its data arrives shows no thread. */
  private connected = false;

  hostConnected(): void {
    this.connected = true;
  }

  hostDisconnected(): void {
    this.connected = false;
    this.show(undefined);
  }

  /**
   * Which thread to show, for whom (`side`), under which heading; `undefined` shows none. The
   * same thread again changes nothing; another one forgets everything of the one before.
   */
  show(shown: ThreadShown | undefined): void {
    // A render after the card left the page (its data arrived late) must not subscribe: nothing
    // would ever unsubscribe, and the adapter would keep the removed card alive.
    const key = this.connected ? shown : undefined;
    const id = (k: typeof key) => (k ? `${k.viewerId} ${threadTopic(k)}` : '');
    if (id(key) === id(this.key)) return;
    this.epoch += 1;
    this.stop?.();
    this.stop = undefined;
    this.thread = undefined;
    this.open = key?.open ?? false;
    this.key = key;
    this.draft.forget();
    const adapter = this.hooks.adapter();
    if (!key || typeof adapter?.getThread !== 'function') return;
    this.draft.restore(`draft:${key.viewerId}:${threadTopic(key)}`);
    if (key.starter) this.draft.prefill(key.starter);
    void this.load(false);
    this.stop = adapter.subscribe?.(threadTopic(key), () => void this.load(true));
    this.host.requestUpdate();
  }

  private async load(live: boolean): Promise<void> {
    const adapter = this.hooks.adapter();
    const key = this.key;
    const epoch = this.epoch;
    if (!key || typeof adapter?.getThread !== 'function') return;
    let thread: Thread;
    try {
      thread = parseOrThrow(threadSchema, await adapter.getThread(whose(key)), 'thread');
    } catch {
      return; // A thread that can't be read is not shown; the card itself stays usable.
    }
    if (epoch !== this.epoch) return;
    const before = new Set(this.thread?.messages.map((m) => m.id) ?? []);
    this.thread = thread;
    this.host.requestUpdate();
    if (this.open && thread.unread > 0) void this.markRead();
    if (!live) return;
    const m = this.hooks.messages();
    for (const message of thread.messages) {
      if (before.has(message.id) || message.mine || message.from === key.side) continue;
      this.hooks.announce(m.arrived(message.authorName ?? (message.from === 'teacher' ? m.fromTeacher : m.fromFamily)));
      this.hooks.emit({ about: key.about, familyId: key.familyId, messageId: message.id, from: message.from, unread: thread.unread });
    }
  }

  private async markRead(): Promise<void> {
    const adapter = this.hooks.adapter();
    const key = this.key;
    if (!key || !this.thread || this.thread.unread === 0 || typeof adapter?.markThreadRead !== 'function') return;
    this.thread = { ...this.thread, unread: 0 };
    this.host.requestUpdate();
    try {
      await adapter.markThreadRead({ id: newId(), ...whose(key) });
    } catch {
      // Read again next time: nothing is lost.
    }
  }

  private onToggle = (event: Event) => {
    this.open = (event.target as HTMLDetailsElement).open;
    if (this.open) void this.markRead();
  };

  private onSubmit = async (event: Event) => {
    event.preventDefault();
    const adapter = this.hooks.adapter();
    const key = this.key;
    if (!key || typeof adapter?.addThreadMessage !== 'function') return;
    const m = this.hooks.messages();
    this.hooks.announce(m.sending);
    const result = await this.draft.submit((id, text) => adapter.addThreadMessage!({ id, ...whose(key), text }));
    if (!result) return;
    this.hooks.announce(result.ok ? m.sent : m.sendFailed);
    if (result.ok) await this.load(false);
  };

  /** The thread: nothing without the port; for a family, only once the teacher wrote. */
  render(): TemplateResult | typeof nothing {
    const { key, thread } = this;
    if (!key || !thread) return nothing;
    if (key.side === 'family' && thread.messages.length === 0) return nothing;
    const starter = key.starter?.trim();
    const m = this.hooks.messages();
    const who = (from: 'family' | 'teacher', mine: boolean, name?: string) =>
      mine ? m.you : (name ?? (from === 'teacher' ? m.fromTeacher : m.fromFamily));
    const draft = this.draft;
    return html`<details part="thread" class="thread" ?open=${this.open} @toggle=${this.onToggle}>
      <summary>
        ${key.title}
        ${
          thread.unread > 0
            ? html`<span class="thread-dot" aria-hidden="true"></span><span class="visually-hidden">${m.unread(thread.unread)}</span>`
            : nothing
        }
      </summary>
      <ol class="thread-messages">
        ${thread.messages.map(
          (message) => html`<li class=${message.mine ? 'mine' : ''}>
            <span class="thread-author">${who(message.from, message.mine, message.authorName)}</span>
            <p>${message.text}</p>
          </li>`,
        )}
      </ol>
      <p class="thread-privacy">${m.privacy}</p>
      <form class="thread-form" @submit=${this.onSubmit} aria-busy=${draft.sending ? 'true' : 'false'}>
        <label for="thread-text">${m.label}</label>
        <textarea
          id="thread-text"
          part="thread-input"
          rows="2"
          maxlength=${THREAD_MESSAGE_MAX_LENGTH}
          placeholder=${m.placeholder}
          .value=${live(draft.text)}
          @input=${(e: Event) => draft.set((e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${key.example ? html`<p class="thread-example"><strong>${m.exampleLabel}</strong> ${key.example}</p>` : nothing}
        ${draft.error ? html`<p class="thread-error" role="alert">${m.sendFailed}</p>` : nothing}
        <button type="submit" ?disabled=${!draft.canSend || (!!starter && draft.text.trim() === starter)}>${draft.sending ? m.sending : m.send}</button>
      </form>
    </details>`;
  }
}
