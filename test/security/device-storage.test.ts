/**
 * The page-wide switch that keeps nothing on the device (shared school tablets):
 * `configure({ deviceStorage: false })` and `<samen-provider device-storage="off">`.
 * In each widget a draft is typed (or a write is queued), then `localStorage` and
 * `indexedDB.databases()` are inspected. With storage on (the control) the draft is there;
 * with it off, nothing of Samen is, and the draft still survives the widget being taken out
 * of the page and put back (kept in memory for this visit).
 */
import { expect, fixture } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { html, type TemplateResult } from 'lit';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-lesson-clip.js';
import '../../src/define/samen-feedback-bar.js';
import '../../src/define/samen-reward-chart.js';
import '../../src/define/samen-feelings-checkin.js';
import '../../src/define/samen-expectation-matrix.js';
import { configure, deviceStorageAllowed } from '../../src/core/context.js';
import type { SamenAdapter } from '../../src/core/adapter.js';
import type { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { OutboxAdapter } from '../../src/adapters/outbox.js';
import { forgetMemoryDrafts } from '../../src/core/draft-store.js';
import { memoryAdapter, settled } from '../helpers/fixtures.js';

type Widget = HTMLElement & { updateComplete: Promise<boolean> };

/** One outbox database per test, so an open one (the control's) never blocks the next. */
let outboxDb = '';
/** Databases the controls created on purpose, and those other test files left in this browser. */
const controlDbs = new Set<string>();
let existingDbs = new Set<string>();

function samenKeys(): string[] {
  return Object.keys(localStorage).filter((k) => k.startsWith('samen:'));
}

async function samenDatabases(): Promise<string[]> {
  return (await indexedDB.databases())
    .map((d) => d.name ?? '')
    .filter((name) => name.startsWith('samen') && !controlDbs.has(name) && !existingDbs.has(name));
}

function clearDevice(): void {
  forgetMemoryDrafts();
  for (const key of samenKeys()) localStorage.removeItem(key);
}

function type(el: Widget, selector: string, text: string): void {
  const box = el.shadowRoot!.querySelector<HTMLTextAreaElement | HTMLInputElement>(selector)!;
  expect(box, selector).to.exist;
  box.focus();
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

interface Scenario {
  name: string;
  tag: string;
  template: TemplateResult;
  adapter: () => SamenAdapter;
  /** Types the draft (or queues the write). */
  act: (el: Widget, adapter: SamenAdapter) => Promise<void>;
  /** What storage on keeps: a `samen:` key prefix, or the outbox database. */
  kept: string;
  /** Reads the draft back from the widget after it was put back in the page. */
  restored?: (el: Widget) => string | undefined;
}

const textOf = (selector: string) => (el: Widget) => el.shadowRoot!.querySelector<HTMLTextAreaElement>(selector)?.value;

const SCENARIOS: Scenario[] = [
  {
    name: 'lesson clip: an unsent answer and the "seen" flag',
    tag: 'samen-lesson-clip',
    template: html`<samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip>`,
    adapter: () => memoryAdapter(),
    act: async (el, adapter) => {
      type(el, '[part~="answer-input"]', 'We praten er vanavond over');
      await waitUntil(() => (adapter as MemoryAdapter).calls.some((c) => c.method === 'markSeen'), 'marked seen');
      await new Promise((r) => setTimeout(r, 20));
    },
    kept: 'samen:draft:',
    restored: textOf('[part~="answer-input"]'),
  },
  {
    name: 'feedback bar: an unsent reply',
    tag: 'samen-feedback-bar',
    template: html`<samen-feedback-bar target-id="wish-2" view="parent" allow-reply></samen-feedback-bar>`,
    adapter: () => memoryAdapter(),
    act: async (el) => type(el, '[part~="reply-input"]', 'Dank je wel juf'),
    kept: 'samen:reply:',
    restored: textOf('[part~="reply-input"]'),
  },
  {
    name: 'reward chart: an award given offline, waiting to be sent',
    tag: 'samen-reward-chart',
    template: html`<samen-reward-chart chart-id="personal-child-1" view="teacher"></samen-reward-chart>`,
    adapter: () => {
      const adapter = memoryAdapter({ viewerId: 'teacher-1' });
      adapter.fail('award', 'offline');
      return adapter;
    },
    act: async (el) => {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="award-button"]')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('.queued[role="alert"]'), 'queued');
    },
    kept: 'samen:awards:',
    restored: (el) => el.shadowRoot!.querySelector('.queued[role="alert"]')?.textContent ?? undefined,
  },
  {
    name: 'feelings check-in: a chosen feeling not saved yet',
    tag: 'samen-feelings-checkin',
    template: html`<samen-feelings-checkin child-id="child-1" view="child"></samen-feelings-checkin>`,
    adapter: () => memoryAdapter(),
    act: async (el) => {
      el.shadowRoot!.querySelector<HTMLInputElement>('input[name="feeling"][value="proud"]')!.click();
      await el.updateComplete;
      type(el, '#note', 'Ik heb mijn zusje geholpen');
    },
    kept: 'samen:checkin-draft:',
    restored: textOf('#note'),
  },
  {
    name: 'expectation matrix: an unsent success',
    tag: 'samen-expectation-matrix',
    template: html`<samen-expectation-matrix matrix-id="matrix-school" view="parent"></samen-expectation-matrix>`,
    adapter: () => memoryAdapter(),
    act: async (el) => type(el, '[part~="success-form"] textarea', 'Hij wachtte netjes op zijn beurt'),
    kept: 'samen:success:',
    restored: textOf('[part~="success-form"] textarea'),
  },
  {
    name: 'expectation matrix: unsaved edits',
    tag: 'samen-expectation-matrix',
    template: html`<samen-expectation-matrix matrix-id="matrix-school" view="teacher"></samen-expectation-matrix>`,
    adapter: () => memoryAdapter({ viewerId: 'teacher-1' }),
    act: async (el) => {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="edit-button"]')!.click();
      await el.updateComplete;
      type(el, '[part~="editor"] input', 'Rustig lopen');
      await el.updateComplete;
    },
    kept: 'samen:matrix-edit:',
  },
  {
    name: 'outbox: a reply sent offline waits in the outbox',
    tag: 'samen-feedback-bar',
    template: html`<samen-feedback-bar target-id="wish-2" view="parent" allow-reply></samen-feedback-bar>`,
    adapter: () => {
      const inner = memoryAdapter();
      inner.fail('addReply', 'offline');
      return new OutboxAdapter(inner, { dbName: outboxDb, backoffMs: 60_000 });
    },
    act: async (el) => {
      type(el, '[part~="reply-input"]', 'Verstuur me later');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('.send-error'), 'kept on this device');
    },
    kept: 'outbox',
  },
];

async function mount(scenario: Scenario, adapter: SamenAdapter, providerAttr?: 'off'): Promise<{ el: Widget; wrapper: HTMLElement }> {
  const wrapper = await fixture<HTMLElement>(
    providerAttr
      ? html`<samen-provider .adapter=${adapter} locale="nl" device-storage="off">${scenario.template}</samen-provider>`
      : html`<samen-provider .adapter=${adapter} locale="nl">${scenario.template}</samen-provider>`,
  );
  const el = wrapper.querySelector<Widget>(scenario.tag)!;
  await settled(el);
  return { el, wrapper };
}

async function kept(scenario: Scenario): Promise<string[]> {
  if (scenario.kept.startsWith('samen:')) return samenKeys().filter((k) => k.startsWith(scenario.kept));
  return (await samenDatabases()).filter((name) => name === outboxDb);
}

describe('device storage off: nothing kept on the device', () => {
  let run = 0;
  beforeEach(async () => {
    existingDbs = new Set((await indexedDB.databases()).map((d) => d.name ?? ''));
    clearDevice();
    outboxDb = `samen-outbox-device-storage-test-${++run}`;
  });
  afterEach(() => {
    configure({ deviceStorage: true });
    clearDevice();
  });
  after(() => {
    for (const name of controlDbs) indexedDB.deleteDatabase(name);
  });

  for (const scenario of SCENARIOS) {
    it(`${scenario.name}: kept with storage on (the control)`, async () => {
      const adapter = scenario.adapter();
      const { el } = await mount(scenario, adapter);
      await scenario.act(el, adapter);
      const found = await kept(scenario);
      expect(found).to.have.length.greaterThan(0);
      if (scenario.kept === 'outbox') controlDbs.add(outboxDb);
      (adapter as { dispose?: () => void }).dispose?.();
    });

    for (const how of ['configure({ deviceStorage: false })', '<samen-provider device-storage="off">'] as const) {
      it(`${scenario.name}: nothing kept with ${how}`, async () => {
        if (how.startsWith('configure')) configure({ deviceStorage: false });
        const adapter = scenario.adapter();
        const { el, wrapper } = await mount(scenario, adapter, how.startsWith('<') ? 'off' : undefined);
        expect(deviceStorageAllowed()).to.be.false;
        await expect(el).to.be.accessible();
        await scenario.act(el, adapter);
        expect(samenKeys(), 'localStorage').to.deep.equal([]);
        expect(await samenDatabases(), 'IndexedDB').to.deep.equal([]);
        if (scenario.restored) {
          // Still nothing lost this visit: a new widget in its place shows the draft (from memory).
          const before = scenario.restored(el);
          expect(before, 'draft shown').to.be.a('string').and.not.equal('');
          wrapper.remove();
          const again = await mount(scenario, adapter, how.startsWith('<') ? 'off' : undefined);
          await waitUntil(() => scenario.restored!(again.el) === before, 'draft restored from memory');
        }
        (adapter as { dispose?: () => void }).dispose?.();
        expect(samenKeys(), 'localStorage at the end').to.deep.equal([]);
      });
    }
  }

  it("the provider's switch holds only while it is on the page, and the property works like the attribute", async () => {
    const wrapper = await fixture<HTMLElement>(html`<samen-provider device-storage="off"></samen-provider>`);
    expect(deviceStorageAllowed()).to.be.false;
    const provider = wrapper as HTMLElement & { deviceStorage?: string; updateComplete: Promise<boolean> };
    provider.deviceStorage = 'on';
    await provider.updateComplete;
    expect(deviceStorageAllowed()).to.be.true;
    provider.deviceStorage = 'off';
    await provider.updateComplete;
    expect(deviceStorageAllowed()).to.be.false;
    provider.remove();
    expect(deviceStorageAllowed()).to.be.true;
  });
});
