/**
 * src/core/shared-listener.ts: the page-wide events a feed's cards all wait for (back online, a
 * language registered, `configure()`) reach every card through one listener per target, so a
 * feed of many cards does not make adding listeners quadratic (issue 23).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sharedListener } from '../../src/core/shared-listener.js';
import { configure, onPageDefaultsChange } from '../../src/core/context.js';
import { onLocalesChange } from '../../src/core/i18n.js';
import '../../src/define/samen-lesson-clip.js';
import '../../src/define/samen-reward-chart.js';
import '../../src/define/samen-provider.js';
import { memoryAdapter } from '../helpers/fixtures.js';

/** An EventTarget that counts the listeners added to and removed from it. */
class CountingTarget extends EventTarget {
  added = 0;
  removed = 0;
  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    this.added++;
    super.addEventListener(...args);
  }
  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    this.removed++;
    super.removeEventListener(...args);
  }
}

describe('sharedListener', () => {
  it('adds one listener to the target however many subscribe, and takes it away with the last', () => {
    const target = new CountingTarget();
    const subscribe = sharedListener(() => target, 'change');
    const heard: string[] = [];
    const stops = ['a', 'b', 'c'].map((name) => subscribe(() => heard.push(name)));
    expect(target.added).to.equal(1);
    target.dispatchEvent(new Event('change'));
    expect(heard).to.deep.equal(['a', 'b', 'c']);
    stops[1]!();
    stops[1]!(); // twice: nothing more
    target.dispatchEvent(new Event('change'));
    expect(heard.slice(3)).to.deep.equal(['a', 'c']);
    expect(target.removed).to.equal(0);
    stops[0]!();
    stops[2]!();
    expect(target.removed).to.equal(1);
    target.dispatchEvent(new Event('change'));
    expect(heard).to.have.length(5);
    subscribe(() => heard.push('d'));
    expect(target.added, 'added again for the next one').to.equal(2);
  });

  it('a listener that throws does not keep the event from the others, and its error is reported', () => {
    const target = new EventTarget();
    const subscribe = sharedListener(() => target, 'change');
    const reported: unknown[] = [];
    const original = window.reportError;
    window.reportError = (error) => void reported.push(error);
    try {
      const heard: string[] = [];
      subscribe(() => {
        throw new Error('broken');
      });
      subscribe(() => heard.push('after'));
      target.dispatchEvent(new Event('change'));
      expect(heard).to.deep.equal(['after']);
      expect(reported.map((e) => (e as Error).message)).to.deep.equal(['broken']);
    } finally {
      window.reportError = original;
    }
  });

  it("hears what another copy of Samen dispatches on the page's shared registries", () => {
    const registries = globalThis as unknown as Record<symbol, { changes: EventTarget }>;
    let locales = 0;
    let defaults = 0;
    const stopLocales = onLocalesChange(() => locales++);
    const stopDefaults = onPageDefaultsChange(() => defaults++);
    try {
      registries[Symbol.for('samen-locales')]!.changes.dispatchEvent(new Event('change'));
      registries[Symbol.for('samen-page-defaults')]!.changes.dispatchEvent(new Event('change'));
      configure({});
      expect([locales, defaults]).to.deep.equal([1, 2]);
    } finally {
      stopLocales();
      stopDefaults();
    }
  });

  it("fifty lesson clips and charts on a page add one 'online' listener to the window, not fifty", async () => {
    const added: string[] = [];
    const original = window.addEventListener.bind(window);
    window.addEventListener = ((type: string, ...rest: [EventListenerOrEventListenerObject, unknown?]) => {
      added.push(type);
      original(type, ...(rest as [EventListenerOrEventListenerObject]));
    }) as typeof window.addEventListener;
    try {
      const adapter = memoryAdapter({ viewerId: 'parent-1' });
      const cards = Array.from({ length: 25 }, (_, i) => i);
      const page = await fixture(
        html`<samen-provider .adapter=${adapter}
          >${cards.map((i) => html`<samen-lesson-clip clip-id=${`wish-${(i % 8) + 1}`} view="parent" loading="lazy"></samen-lesson-clip>`)}
          ${cards.map(() => html`<samen-reward-chart chart-id="personal-child-1" view="parent" loading="lazy"></samen-reward-chart>`)}</samen-provider
        >`,
      );
      expect(page.querySelectorAll('samen-lesson-clip, samen-reward-chart')).to.have.length(50);
      expect(added.filter((type) => type === 'online')).to.have.length(1);
    } finally {
      window.addEventListener = original;
    }
  });
});
