/**
 * Two copies of Samen on one page (the host bundles one, a plugin loads the script-tag bundle):
 * nothing throws, the first copy's classes keep the tags, and the second copy's `configure()`
 * still reaches every widget. The second copy is the real dist/samen.bundle.js (npm test builds it).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-lesson-clip.js';
import { SamenLessonClip } from '../../src/lesson-clip/lesson-clip.js';
import { configure } from '../../src/core/context.js';
import { settled } from '../helpers/fixtures.js';

type Bundle = typeof import('../../src/index.js');

async function loadSecondCopy(): Promise<{ bundle: Bundle; errors: unknown[] }> {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  window.addEventListener('error', onError);
  try {
    const url = '/dist/samen.bundle.js';
    const bundle = (await import(/* @vite-ignore */ url)) as Bundle;
    return { bundle, errors };
  } finally {
    window.removeEventListener('error', onError);
  }
}

describe('two copies of Samen on one page', () => {
  afterEach(() => configure({ adapter: undefined, locale: undefined }));

  it('loads the script-tag bundle after the npm copy without an error; the first copy keeps the tags', async () => {
    const { bundle, errors } = await loadSecondCopy();
    expect(errors).to.deep.equal([]);
    expect(bundle.SamenLessonClip, 'the bundle has classes of its own').not.to.equal(SamenLessonClip);
    expect(customElements.get('samen-lesson-clip')).to.equal(SamenLessonClip);
  });

  it("the second copy's configure() reaches the first copy's widgets", async () => {
    const { bundle } = await loadSecondCopy();
    const el = await fixture<SamenLessonClip>(html`<samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip>`);
    await settled(el);
    expect(el.shadowRoot!.textContent).to.include('Niet verbonden');

    bundle.configure({ adapter: new bundle.MemoryAdapter({ locale: 'en' }), locale: 'en' });
    await new Promise((r) => setTimeout(r, 50));
    await settled(el);
    expect(el.shadowRoot!.textContent).to.include('Question for home');
  });

  it("a language registered through the second copy reaches the first copy's widgets", async () => {
    const { bundle } = await loadSecondCopy();
    const el = await fixture<SamenLessonClip>(html`<samen-lesson-clip clip-id="wish-2" view="parent" locale="da"></samen-lesson-clip>`);
    configure({ adapter: new bundle.MemoryAdapter({ locale: 'en' }) });
    await settled(el);
    bundle.registerLocale('da', { clip: { homeQuestion: 'Spørgsmål til hjemmet' } });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.include('Spørgsmål til hjemmet');
  });
});
