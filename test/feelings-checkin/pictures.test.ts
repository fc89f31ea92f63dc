/**
 * The feelings' pictures (issue 21): drawn faces, not emoji (which showed as empty boxes on a
 * tablet without a colour emoji font, leaving "trots" and "boos" two near-identical oranges),
 * each face different in shape; a host's own picture is validated like the rest of its set.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import '../../src/define/samen-feelings-checkin.js';
import '../../src/define/samen-provider.js';
import { DEFAULT_FEELINGS, feelingLabel } from '../../src/feelings-checkin/feelings.js';
import type { SamenFeelingsCheckin } from '../../src/feelings-checkin/feelings-checkin.js';
import { collectErrors, settled } from '../helpers/fixtures.js';

const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{FE0F}]/u;

async function render(options: { view?: string; locale?: string; feelings?: unknown } = {}): Promise<SamenFeelingsCheckin> {
  const { view = 'child', locale = 'nl', feelings } = options;
  const adapter = new MemoryAdapter({ viewerId: view === 'teacher' ? 'teacher-1' : 'parent-1', locale: 'nl' });
  const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale=${locale}>
    <samen-feelings-checkin
      child-id=${view === 'teacher' ? '' : 'child-1'}
      class-id=${view === 'teacher' ? 'groep6-wish' : ''}
      view=${view}
      .feelings=${feelings}
    ></samen-feelings-checkin>
  </samen-provider>`);
  const el = wrapper.querySelector('samen-feelings-checkin')!;
  await settled(el);
  return el;
}

const $$ = (el: HTMLElement, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

interface AxNode {
  role?: string;
  name?: string;
  children?: AxNode[];
}
const flatten = (node: AxNode): AxNode[] => [node, ...(node.children ?? []).flatMap(flatten)];

describe('feelings pictures', () => {
  it('no built-in feeling picture is an emoji or text: each is drawn paths', () => {
    for (const f of DEFAULT_FEELINGS) {
      expect(typeof f.icon, f.id).to.equal('object');
      expect(JSON.stringify(f.icon), f.id).to.not.match(EMOJI);
    }
  });

  it('no emoji anywhere in the pictures the check-in shows (child, parent history, teacher overview)', async () => {
    for (const view of ['child', 'parent', 'teacher']) {
      const el = await render({ view });
      const pictures = $$(el, '.icon, .read-aloud-icon, [aria-hidden="true"]');
      expect(pictures.length, view).to.be.greaterThan(0);
      for (const p of pictures) expect(p.textContent, `${view}: ${p.className}`).to.not.match(EMOJI);
    }
  });

  it('every built-in feeling shows a drawn face, and its choice is named by its word', async () => {
    const el = await render({ locale: 'en' });
    const labels = $$(el, '[part~="feeling"]');
    expect(labels).to.have.length(DEFAULT_FEELINGS.length);
    DEFAULT_FEELINGS.forEach((f, i) => {
      const svg = labels[i]!.querySelector('.icon svg');
      expect(svg, f.id).to.exist;
      expect(svg!.querySelectorAll('path').length, f.id).to.be.greaterThan(0);
      expect(svg!.closest('[aria-hidden="true"]'), `${f.id}: the face is decoration beside the word`).to.exist;
    });
    const tree = flatten((await a11ySnapshot({})) as unknown as AxNode);
    // The first eight radios: the feelings (today's seeded check-in also shows the five strengths).
    const radios = tree
      .filter((n) => n.role === 'radio')
      .slice(0, DEFAULT_FEELINGS.length)
      .map((n) => n.name);
    expect(radios).to.deep.equal(DEFAULT_FEELINGS.map((f) => feelingLabel(f, 'en')));
  });

  it('no two built-in faces are drawn alike (shape, not only colour)', async () => {
    const el = await render();
    const shapes = $$(el, '[part~="feeling"] .icon svg').map((svg) =>
      [...svg.querySelectorAll('path')].map((p) => p.getAttribute('d')).join(' '),
    );
    expect(shapes).to.have.length(8);
    expect(new Set(shapes).size, 'eight different faces').to.equal(8);
    const proud = shapes[DEFAULT_FEELINGS.findIndex((f) => f.id === 'proud')];
    const angry = shapes[DEFAULT_FEELINGS.findIndex((f) => f.id === 'angry')];
    expect(proud, 'trots and boos, once two oranges').to.not.equal(angry);
  });

  it("draws a host's own picture: its paths, or its image (blob: here; https: too)", async () => {
    // A blob: URL: the test page may not ask another origin for anything.
    const image = URL.createObjectURL(new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>'], { type: 'image/svg+xml' }));
    const feelings = [
      { id: 'wit', labels: { nl: 'witte pet' }, icon: { paths: [{ d: 'M4 14h16v3H4z', paint: 'fill' }] }, color: '#f1f3f5' },
      { id: 'zwart', labels: { nl: 'zwarte pet' }, icon: { src: image }, color: '#212529', negative: true },
    ];
    const el = await render({ feelings });
    const [wit, zwart] = $$(el, '[part~="feeling"]');
    expect(wit!.querySelector('svg path')!.getAttribute('d')).to.equal('M4 14h16v3H4z');
    const img = zwart!.querySelector('img')!;
    expect(img.getAttribute('src')).to.equal(image);
    expect(img.getAttribute('alt'), 'the word beside it names the choice').to.equal('');
  });

  it("refuses a host's picture with a javascript: URL, or markup as path data, with the error state", async () => {
    for (const icon of [{ src: 'javascript:alert(1)' }, { paths: [{ d: '<script>alert(1)</script>' }] }]) {
      let el!: SamenFeelingsCheckin;
      const errors = await collectErrors(async () => {
        el = await render({
          feelings: [
            { id: 'a', labels: { nl: 'a' }, icon, color: '#000000' },
            { id: 'b', labels: { nl: 'b' }, icon: 'b', color: '#000000' },
          ],
        });
      });
      expect(errors.map((e) => e.kind)).to.deep.equal(['invalid-data']);
      expect(errors[0]!.issues.some((i) => i.path.startsWith('feelings.0.icon'))).to.equal(true);
      expect(el.shadowRoot!.querySelector('[part~="error"]')!.textContent).to.contain('Dit kunnen we niet laten zien');
      expect(el.shadowRoot!.querySelector('img, [part~="feeling"]')).to.equal(null);
    }
  });
});
