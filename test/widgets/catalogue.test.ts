/**
 * The widget catalogue is one list (issue 20): scripts/widgets.mjs, which stories, the bench and
 * the security checks read, and test/widgets/catalogue.ts, which extends each of its rows for the
 * test suites. These checks keep the two in step, and the shared data true to the stories and
 * the demo data.
 */
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import { CATALOGUE, WIDGET_SELECTOR, WIDGET_TAGS, WIDGETS } from './catalogue.js';

describe('widget catalogue (scripts/widgets.mjs and test/widgets/catalogue.ts)', () => {
  it('has a test row for every widget of scripts/widgets.mjs, in its order, and no other', () => {
    expect(CATALOGUE.map((row) => row.tag)).to.deep.equal([...WIDGET_TAGS]);
    expect(WIDGET_SELECTOR.split(', ')).to.deep.equal(WIDGETS.map((w) => w.tag));
  });

  it('names each widget’s folder, define entry and tag alike, and a sample and a viewer for each view', () => {
    for (const row of CATALOGUE) {
      expect(row.tag, row.tag).to.equal(`samen-${row.folder}`);
      expect(row.entry, row.tag).to.equal(`src/define/${row.tag}.ts`);
      expect(Object.keys(row.attributes).sort(), `${row.tag}: sample attributes per view`).to.deep.equal([...row.views].sort());
      expect(Object.keys(row.viewers).sort(), `${row.tag}: a viewer per view`).to.deep.equal([...row.views].sort());
    }
  });

  for (const row of CATALOGUE) {
    it(`${row.tag}: its story file has the catalogue’s title and stories`, async () => {
      const stories = await row.stories.load();
      expect((stories['default'] as { title?: string }).title, row.stories.file).to.equal(row.stories.title);
      expect(stories, `${row.stories.file}: main story`).to.have.property(row.stories.main);
      expect(stories, `${row.stories.file}: Arabic story`).to.have.property(row.stories.arabic);
    });

    for (const view of row.views) {
      it(`${row.tag} ${view}: the sample renders the catalogue’s attributes`, async () => {
        await row.define();
        const wrapper = await fixture<HTMLElement>(html`<div>${row.sample(view, { preview: true })}</div>`);
        const el = wrapper.querySelector(row.tag)!;
        expect(el, row.tag).to.exist;
        for (const [name, value] of Object.entries(row.attributes[view]!))
          expect(el.getAttribute(name), `${row.tag} ${name}`).to.equal(value);
        expect(el.getAttribute('view'), `${row.tag}: view`).to.equal(row.viewProperty ? view : null);
        expect(el.hasAttribute('preview'), `${row.tag}: preview`).to.equal(true);
      });
    }
  }
});
