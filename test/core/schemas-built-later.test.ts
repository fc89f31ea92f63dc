/**
 * Issue 23: a card's object schemas are built while its first reads are out, not when the page's
 * script runs (on a cheap phone that was a fifth of the script's evaluation before the first
 * card). Its own page: no card has loaded before the first test.
 */
import { expect, fixture, html } from '@open-wc/testing';
import * as z from 'zod/mini';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-lesson-clip.js';
import { buildSchemasSoon, builtOnFirstUse, unbuiltSchemas } from '../../src/core/schemas.js';
import { memoryAdapter, settled } from '../helpers/fixtures.js';

describe('schemas built on first use', () => {
  it("a lesson clip's schemas wait when its module runs, and are built while its read is out", async () => {
    const waiting = unbuiltSchemas();
    expect(waiting, 'schemas not built when the modules ran').to.be.greaterThan(5);
    const adapter = memoryAdapter({ latency: 150 });
    let unbuiltWhenAnswered: number | undefined;
    // The clip is read one by one or in a batch: either answer counts.
    const methods = adapter as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const method of ['getLessonClip', 'getLessonClips']) {
      const read = methods[method]!.bind(adapter);
      methods[method] = async (...args: unknown[]) => {
        const value = await read(...args);
        unbuiltWhenAnswered ??= unbuiltSchemas();
        return value;
      };
    }
    const wrapper = await fixture<HTMLElement>(
      html`<samen-provider .adapter=${adapter}><samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip></samen-provider>`,
    );
    const clip = wrapper.querySelector('samen-lesson-clip')!;
    await settled(clip);
    expect(unbuiltWhenAnswered, 'schemas still to build when the read answered').to.equal(0);
    expect(clip.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.equal('Wie ben ik?');
  });

  it('builds once, on the first parse, and parses and reports as the schema it builds', () => {
    let builds = 0;
    const eager = z.object({ id: z.string(), count: z.optional(z.number()) });
    const later = builtOnFirstUse(() => {
      builds += 1;
      return z.object({ id: z.string(), count: z.optional(z.number()) });
    });
    expect(builds).to.equal(0);
    expect(z.parse(later, { id: 'a', count: 2, extra: true })).to.deep.equal(z.parse(eager, { id: 'a', count: 2, extra: true }));
    const bad = { id: 7, count: 'x' };
    expect(z.safeParse(later, bad).error!.issues).to.deep.equal(z.safeParse(eager, bad).error!.issues);
    expect(z.parse(z.object({ inner: z.optional(later) }), {})).to.deep.equal({});
    expect(builds).to.equal(1);
  });

  it('buildSchemasSoon builds the waiting ones in a task of its own, not in the caller', async () => {
    let built = false;
    const later = builtOnFirstUse(() => {
      built = true;
      return z.string();
    });
    buildSchemasSoon();
    expect(built, 'not in the caller').to.equal(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(built).to.equal(true);
    expect(unbuiltSchemas()).to.equal(0);
    expect(z.parse(later, 'x')).to.equal('x');
  });
});
