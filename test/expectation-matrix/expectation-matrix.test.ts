import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { SCHOOL_ID } from '../../src/adapters/demo-data.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-expectation-matrix.js';
import { SamenExpectationMatrix } from '../../src/expectation-matrix/expectation-matrix.js';
import { NOW, collectErrors, losingFirstAnswer, settled } from '../helpers/fixtures.js';

type View = 'parent' | 'teacher';
const SCHOOL = 'matrix-school';
const HOME = 'matrix-home-fam-01';

const adapterFor = (view: View = 'parent', locale: 'nl' | 'en' = 'nl') =>
  new MemoryAdapter({ now: NOW, viewerId: view === 'teacher' ? 'teacher-1' : 'parent-1', locale });

interface RenderOptions {
  matrixId?: string;
  view?: View;
  layout?: 'auto' | 'grid' | 'list';
  width?: string;
  dir?: 'ltr' | 'rtl';
  locale?: string;
}

async function render(adapter: MemoryAdapter | undefined, options: RenderOptions = {}): Promise<SamenExpectationMatrix> {
  const { matrixId = SCHOOL, view = 'parent', layout = 'grid', width = '1100px', dir = 'ltr', locale = 'nl' } = options;
  const wrapper = await fixture<HTMLElement>(html`<div dir=${dir} style=${`inline-size: ${width}`}>
    <samen-provider .adapter=${adapter} locale=${locale}>
      <samen-expectation-matrix matrix-id=${matrixId} view=${view} layout=${layout}></samen-expectation-matrix>
    </samen-provider>
  </div>`);
  const el = wrapper.querySelector('samen-expectation-matrix')!;
  await settled(el);
  return el;
}

const $ = <E extends Element = HTMLElement>(el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<E & Element>(selector);
const $$ = <E extends Element = HTMLElement>(el: HTMLElement, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<E & Element>(selector),
];
const has = (el: HTMLElement, selector: string) => !!el.shadowRoot!.querySelector(selector);
const text = (el: HTMLElement) => el.shadowRoot!.textContent.replace(/\s+/g, ' ');
/** A button by its accessible name: aria-label, else its text without aria-hidden decoration. */
const button = (el: HTMLElement, label: string) =>
  $$<HTMLButtonElement>(el, 'button').find((b) => {
    if (b.hasAttribute('aria-label')) return b.getAttribute('aria-label') === label;
    const clone = b.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
    return clone.textContent.trim() === label;
  })!;
const input = (el: HTMLElement, label: string) => $<HTMLInputElement>(el, `input[aria-label="${label}"]`)!;

async function type(el: SamenExpectationMatrix, field: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  field.focus();
  field.select?.();
  await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
  await el.updateComplete;
}

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

describe('<samen-expectation-matrix> reading', () => {
  it('is a real table: values as row headers, places as column headers, 1–3 expectations per cell', async () => {
    const el = await render(adapterFor());
    const table = $(el, 'table')!;
    expect([...table.querySelectorAll('th[scope="col"]')].map((th) => th.textContent.trim())).to.deep.equal([
      '🏫Klas',
      '🚶Gang',
      '⚽Plein',
      '🚻Toilet',
      '🤸Gymzaal',
    ]);
    expect([...table.querySelectorAll('th[scope="row"]')].map((th) => th.textContent.trim())).to.deep.equal([
      '🛡️Veiligheid',
      '🤝Respect',
      '⭐Verantwoordelijkheid',
    ]);
    // Row 2 (Respect), column 2 (Gang): what a screen reader announces with the headers.
    const cell = table.querySelectorAll('tbody tr')[1]!.querySelectorAll('td')[1]!;
    expect(cell.textContent).to.contain('Ik gebruik een zachte stem');
    expect(table.querySelector('caption')!.textContent).to.contain('waarde');
    await expect(el).to.be.accessible();
  });

  it('opens on the focus of the week, with why and a home tip, and marks its cell', async () => {
    const el = await render(adapterFor());
    const focus = $(el, '[part~="focus"]')!;
    expect(el.shadowRoot!.querySelector('.card')!.firstElementChild!.nextElementSibling).to.equal(focus);
    expect(focus.textContent).to.contain('Respect · Gang');
    expect(focus.textContent).to.contain('Ik gebruik een zachte stem');
    expect(focus.textContent).to.contain('Waarom:');
    expect(focus.textContent).to.contain('Tip voor thuis:');
    const focusCells = $$(el, '[part~="focus-cell"]');
    expect(focusCells).to.have.length(1);
    expect(focusCells[0]!.textContent).to.contain('Focus');
  });

  it('switches to a list on a 360 px phone, without sideways scrolling, and to a grid when wide', async () => {
    await setViewport({ width: 360, height: 800 });
    try {
      const el = await render(adapterFor(), { layout: 'auto', width: '100%' });
      await waitUntil(() => has(el, '[part~="list"]'), 'never switched to the list');
      expect(has(el, 'table')).to.be.false;
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
      expect($$(el, '.list section')).to.have.length(3);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 1280, height: 900 });
    }
    const wide = await render(adapterFor(), { layout: 'auto', width: '1100px' });
    await waitUntil(() => has(wide, 'table'), 'never showed the grid');
  });

  it('keeps 200-character expectations inside their cells', async () => {
    const adapter = adapterFor();
    const long = `Ik ${'superlangewoordzonderspaties'.repeat(7)}`.slice(0, 200);
    adapter.state.matrices[SCHOOL]!.cells['safety/class'] = [{ id: 'long', text: long }];
    const el = await render(adapter, { width: '900px' });
    const td = $(el, 'tbody tr td')!;
    expect(td.textContent).to.contain(long);
    expect(td.scrollWidth).to.be.at.most(td.clientWidth + 1);
    expect($(el, '.table-wrap')!.scrollWidth).to.be.at.most($(el, '.table-wrap')!.clientWidth + 1);
  });

  it('shows an empty matrix as a friendly message', async () => {
    const adapter = adapterFor();
    adapter.state.matrices[SCHOOL] = { id: SCHOOL, kind: 'school', schoolId: SCHOOL_ID, version: 1, values: [], locations: [], cells: {} };
    const el = await render(adapter);
    expect(text(el)).to.contain('Er zijn nog geen afspraken.');
    await expect(el).to.be.accessible();
  });

  it('repairs what it can and says so: unknown cells, duplicate ids, too many per cell', async () => {
    const adapter = adapterFor();
    const m = adapter.state.matrices[SCHOOL]!;
    m.cells['nowhere/class'] = [{ id: 'n', text: 'Nergens' }];
    m.values.push({ id: 'safety', label: 'Dubbel' });
    m.cells['safety/class'] = [1, 2, 3, 4].map((n) => ({ id: `four-${n}`, text: `Afspraak ${n}` }));
    let el!: SamenExpectationMatrix;
    const errors = await collectErrors(async () => {
      el = await render(adapter);
    });
    expect(errors).to.have.length(1);
    expect(errors[0]!.fatal).to.be.false;
    expect(errors[0]!.issues.map((i) => i.path)).to.have.members(['values.3.id', 'cells.nowhere/class', 'cells.safety/class']);
    expect($(el, '.notice')!.textContent).to.contain('klopten niet');
    expect($$(el, 'tbody tr')).to.have.length(3);
    expect($(el, 'tbody tr td')!.querySelectorAll('li')).to.have.length(3);
    expect(text(el)).not.to.contain('Nergens');
  });

  it('refuses a matrix broken at the root with a translated error naming the field', async () => {
    const adapter = adapterFor();
    // Broken, but the school's own (the store knows whose it is), so the viewer may read it.
    (adapter.state.matrices as Record<string, unknown>)[SCHOOL] = { id: SCHOOL, kind: 'office', schoolId: SCHOOL_ID, values: 'nope' };
    let el!: SamenExpectationMatrix;
    const errors = await collectErrors(async () => {
      el = await render(adapter, { locale: 'en' });
    });
    expect(errors[0]!.kind).to.equal('invalid-data');
    expect($(el, '[part~="error"]')!.textContent).to.contain('This can’t be shown');
    expect($(el, '[part~="error"]')!.textContent).to.contain('matrix.kind');
    await expect(el).to.be.accessible();
  });

  it("does not show another family's home matrix", async () => {
    const adapter = adapterFor();
    adapter.state.matrices['matrix-home-fam-09'] = { ...adapter.state.matrices[HOME]!, id: 'matrix-home-fam-09', familyId: 'fam-09' };
    const errors = await collectErrors(() => render(adapter, { matrixId: 'matrix-home-fam-09' }));
    expect(errors.map((e) => e.kind)).to.deep.equal(['forbidden']);
  });

  it('mirrors in right-to-left pages and stays accessible', async () => {
    const el = await render(adapterFor(), { dir: 'rtl' });
    const [first, second] = $$(el, 'thead th');
    expect(second!.getBoundingClientRect().left).to.be.below(first!.getBoundingClientRect().left);
    await expect(el).to.be.accessible();
  });

  it('prints without buttons, forms or the teacher-only list (real print media)', async () => {
    const el = await render(adapterFor('teacher'), { view: 'teacher' });
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle($(el, '[part~="edit-button"]')!).display).to.equal('none');
      expect(getComputedStyle($(el, '[part~="successes"]')!).display).to.equal('none');
      expect(getComputedStyle($(el, 'td')!).borderTopColor).to.equal('rgb(0, 0, 0)');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    expect(getComputedStyle($(el, '[part~="edit-button"]')!).display).to.not.equal('none');
  });

  it('prints as a poster: no buttons or forms', async () => {
    const el = await render(adapterFor('teacher'), { view: 'teacher' });
    expect(getComputedStyle($(el, '[part~="edit-button"]')!).display).to.not.equal('none');
    el.poster = true;
    await el.updateComplete;
    expect(getComputedStyle($(el, '[part~="edit-button"]')!).display).to.equal('none');
    expect(getComputedStyle($(el, '[part~="successes"]')!).display).to.equal('none');
    expect(getComputedStyle($(el, 'table')!).display).to.equal('table');
  });
});

describe('<samen-expectation-matrix> successes', () => {
  it('lets a parent share what worked at home, once, even when the answer is lost', async () => {
    const adapter = adapterFor();
    const el = await render(adapter);
    const field = $<HTMLTextAreaElement>(el, '[part~="success-form"] textarea')!;
    await type(el, field, 'Ze fluisterde op de trap!');
    losingFirstAnswer(adapter, 'shareSuccess');
    $<HTMLButtonElement>(el, '[part~="success-form"] button')!.click();
    await waitUntil(() => has(el, '[part~="success-form"] [role="alert"]'), 'no failure shown');
    expect(field.value, 'the text is kept').to.equal('Ze fluisterde op de trap!');
    const event = oneEvent(el, 'samen-success');
    $<HTMLButtonElement>(el, '[part~="success-form"] button')!.click();
    const { detail } = await event;
    expect(detail.matrixId).to.equal(SCHOOL);
    const stored = adapter.state.successes.filter((s) => s.text === 'Ze fluisterde op de trap!');
    expect(stored).to.have.length(1);
    expect(stored[0]!.expectationId).to.equal('exp-respect-corridor-1');
    expect($(el, '[role="status"]')!.textContent).to.equal('Gedeeld. Dank je wel!');
  });

  it('keeps a half-typed success across a reload', async () => {
    const adapter = adapterFor();
    const first = await render(adapter);
    await type(first, $<HTMLTextAreaElement>(first, '[part~="success-form"] textarea')!, 'Bij oma');
    first.remove();
    const again = await render(adapter);
    expect($<HTMLTextAreaElement>(again, '[part~="success-form"] textarea')!.value).to.equal('Bij oma');
  });

  it('shows the teacher the successes per week, live', async () => {
    const teacher = adapterFor('teacher');
    const el = await render(teacher, { view: 'teacher' });
    const section = $(el, '[part~="successes"]')!;
    expect(section.querySelectorAll('h4').length).to.be.at.least(2);
    expect(section.querySelectorAll('li')).to.have.length(3);
    expect(section.textContent).to.contain('Familie Visser');
    expect(has(el, '[part~="success-form"]')).to.be.false;
    await teacher.forViewer('parent-1').shareSuccess({ id: 'live-1', matrixId: SCHOOL, text: 'Live succes' });
    await waitUntil(() => $(el, '[part~="successes"]')!.textContent.includes('Live succes'), 'no live update');
    await expect(el).to.be.accessible();
  });
});

describe('<samen-expectation-matrix> editing', () => {
  it('offers editing to the teacher of the school matrix and to the family of a home matrix only', async () => {
    expect(has(await render(adapterFor()), '[part~="edit-button"]'), 'parent, school').to.be.false;
    expect(has(await render(adapterFor('teacher'), { view: 'teacher' }), '[part~="edit-button"]'), 'teacher, school').to.be.true;
    expect(has(await render(adapterFor(), { matrixId: HOME }), '[part~="edit-button"]'), 'parent, own home').to.be.true;
  });

  it('lets a teacher rename, add, reorder and set the focus with the keyboard, and saves a new version', async () => {
    const adapter = adapterFor('teacher');
    const el = await render(adapter, { view: 'teacher' });
    $<HTMLButtonElement>(el, '[part~="edit-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'Naam van waarde 1'), 'focus moves into the editor');
    await expect(el).to.be.accessible();

    await type(el, input(el, 'Naam van plek 2'), 'Hal');
    button(el, 'Plek toevoegen').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'Naam van plek 6'), 'focus moves to the new place');
    await sendKeys({ type: 'Gymzaal 2' });
    button(el, 'Gymzaal 2 omhoog').click();
    await el.updateComplete;
    button(el, `Afspraak toevoegen (Veiligheid · Gymzaal 2)`).click();
    await el.updateComplete;
    await sendKeys({ type: 'Ik wacht op mijn beurt' });
    const valueSelect = $$<HTMLSelectElement>(el, '.focus-editor select')[0]!;
    valueSelect.value = 'safety';
    valueSelect.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const location = $$<HTMLSelectElement>(el, '.focus-editor select')[1]!;
    location.value = [...location.options].find((o) => o.text === 'Gymzaal 2')!.value;
    location.dispatchEvent(new Event('change'));
    await el.updateComplete;

    const change = oneEvent(el, 'samen-matrix-change');
    const focusEvent = oneEvent(el, 'samen-focus');
    $<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
    expect((await change).detail.version).to.equal(4);
    expect((await focusEvent).detail.valueId).to.equal('safety');
    await el.updateComplete;

    const stored = adapter.state.matrices[SCHOOL]!;
    expect(stored.version).to.equal(4);
    expect(stored.locations.map((l) => l.label)).to.deep.equal(['Klas', 'Hal', 'Plein', 'Toilet', 'Gymzaal 2', 'Gymzaal']);
    const gym2 = stored.locations[4]!.id;
    expect(stored.cells[`safety/${gym2}`]!.map((e) => e.text)).to.deep.equal(['Ik wacht op mijn beurt']);
    expect(stored.focus).to.include({ valueId: 'safety', locationId: gym2 });
    expect(has(el, '[part~="editor"]')).to.be.false;
    expect($$(el, 'thead th').map((th) => th.textContent.trim())).to.include('🚶Hal');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="edit-button"]'), 'focus returns to the edit button');
  });

  it('refuses to save empty names, empty expectations or a sixth value, and says what to fix', async () => {
    const adapter = adapterFor('teacher');
    const el = await render(adapter, { view: 'teacher' });
    $<HTMLButtonElement>(el, '[part~="edit-button"]')!.click();
    await el.updateComplete;
    await type(el, input(el, 'Naam van waarde 2'), '');
    button(el, 'Afspraak toevoegen (Veiligheid · Gang)').click();
    await el.updateComplete;
    for (let i = 0; i < 4; i++) {
      button(el, 'Waarde toevoegen').click();
      await el.updateComplete;
    }
    expect($$(el, '.axis-editor')[0]!.querySelectorAll('li')).to.have.length(5);
    expect(button(el, 'Waarde toevoegen').getAttribute('aria-disabled')).to.equal('true');
    $<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
    await el.updateComplete;
    await el.updateComplete;
    const issues = $(el, '.edit-issues')!;
    expect(issues.getAttribute('role')).to.equal('alert');
    expect(el.shadowRoot!.activeElement).to.equal(issues);
    expect(issues.textContent).to.contain('Waarde 2 heeft geen naam.');
    expect(issues.textContent).to.contain('Veiligheid · Gang: een afspraak is leeg.');
    expect(adapter.state.matrices[SCHOOL]!.version).to.equal(3);
    await expect(el).to.be.accessible();
  });

  it('never overwrites a newer version silently: a stale save shows a conflict with two explicit choices', async () => {
    const adapter = adapterFor('teacher');
    const el = await render(adapter, { view: 'teacher' });
    $<HTMLButtonElement>(el, '[part~="edit-button"]')!.click();
    await el.updateComplete;
    await type(el, input(el, 'Naam van waarde 1'), 'Veilig');
    // A colleague saves first.
    const colleague = adapter.state.matrices[SCHOOL]!;
    await adapter.saveExpectationMatrix({ id: 'colleague', matrix: { ...colleague, title: 'Nieuwe titel' }, baseVersion: 3 });
    await el.updateComplete;
    expect(input(el, 'Naam van waarde 1').value, 'a live update does not wipe my edits').to.equal('Veilig');

    const errors = await collectErrors(async () => {
      $<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
      await waitUntil(() => has(el, '[part~="conflict"]'), 'no conflict shown');
    });
    expect(errors.map((e) => e.kind)).to.deep.equal(['conflict']);
    expect($(el, '[part~="conflict"]')!.textContent).to.contain('Iemand anders heeft de afspraken net veranderd');
    expect(adapter.state.matrices[SCHOOL]!.values[0]!.label).to.equal('Veiligheid');
    await expect(el).to.be.accessible();

    button(el, 'Toch mijn versie opslaan').click();
    await waitUntil(() => !has(el, '[part~="editor"]'), 'never saved');
    expect(adapter.state.matrices[SCHOOL]!.values[0]!.label).to.equal('Veilig');
    expect(adapter.state.matrices[SCHOOL]!.version).to.equal(5);
  });

  it('can drop my edits for the latest version after a conflict', async () => {
    const adapter = adapterFor('teacher');
    const el = await render(adapter, { view: 'teacher' });
    $<HTMLButtonElement>(el, '[part~="edit-button"]')!.click();
    await el.updateComplete;
    await type(el, input(el, 'Naam van plek 1'), 'Lokaal');
    adapter.state.matrices[SCHOOL] = { ...adapter.state.matrices[SCHOOL]!, version: 9, title: 'Door een collega' };
    $<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
    await waitUntil(() => has(el, '[part~="conflict"]'), 'no conflict shown');
    button(el, 'Nieuwste versie laden (mijn veranderingen gaan verloren)').click();
    await waitUntil(() => $(el, 'h2')!.textContent === 'Door een collega', 'latest never loaded');
    expect($$(el, 'thead th')[0]!.textContent.trim()).to.contain('Klas');
  });

  it('keeps unsaved edits across a reload, and retries a failed save with the same write id', async () => {
    const adapter = adapterFor();
    const first = await render(adapter, { matrixId: HOME });
    $<HTMLButtonElement>(first, '[part~="edit-button"]')!.click();
    await first.updateComplete;
    button(first, 'Afspraak toevoegen (Respect · Bedtijd)').click();
    await first.updateComplete;
    await sendKeys({ type: 'Ik zeg welterusten' });
    first.remove();

    const el = await render(adapter, { matrixId: HOME });
    expect(has(el, '[part~="editor"]')).to.be.true;
    expect(input(el, 'Respect · Bedtijd: afspraak 1').value).to.equal('Ik zeg welterusten');
    adapter.failNext('saveExpectationMatrix', 'offline');
    $<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
    await waitUntil(() => has(el, '.save-error'), 'no failure shown');
    expect($(el, '.save-error')!.textContent).to.contain('Je veranderingen staan er nog');
    $<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
    await waitUntil(() => !has(el, '[part~="editor"]'), 'never saved');
    const home = adapter.state.matrices[HOME]!;
    expect(home.version).to.equal(2);
    expect(home.cells['respect/bedtime']!.map((e) => e.text)).to.deep.equal(['Ik zeg welterusten']);
    const ids = adapter.calls.filter((c) => c.method === 'saveExpectationMatrix').map((c) => (c.input as { id: string }).id);
    expect(ids).to.have.length(2);
    expect(ids[0]).to.equal(ids[1]);
    expect(Object.keys(localStorage).filter((k) => k.includes('matrix-edit'))).to.deep.equal([]);
  });

  it('Cancel drops the edits and returns focus to the edit button', async () => {
    const el = await render(adapterFor('teacher'), { view: 'teacher' });
    $<HTMLButtonElement>(el, '[part~="edit-button"]')!.click();
    await el.updateComplete;
    await type(el, input(el, 'Naam van waarde 1'), 'Weg');
    button(el, 'Annuleren').click();
    await el.updateComplete;
    await el.updateComplete;
    expect($$(el, 'tbody th')[0]!.textContent).to.contain('Veiligheid');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="edit-button"]'));
  });
});

describe('<samen-expectation-matrix> states', () => {
  it('says it is not connected, and recovers from a failed load with retry', async () => {
    expect($(await render(undefined), '[part~="error"]')!.textContent).to.contain('Niet verbonden');
    const adapter = adapterFor();
    adapter.failNext('getExpectationMatrix', 'offline');
    const el = await render(adapter);
    expect($(el, '[part~="error"]')!.textContent).to.contain('Geen internet');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await waitUntil(() => has(el, 'table'), 'never recovered');
  });

  it('speaks English', async () => {
    const el = await render(adapterFor('parent', 'en'), { locale: 'en' });
    expect(text(el)).to.contain('Focus of the week');
    expect(text(el)).to.contain('I use a quiet voice');
  });

  it('has 44 px touch targets in the editor', async () => {
    const el = await render(adapterFor('teacher'), { view: 'teacher' });
    $<HTMLButtonElement>(el, '[part~="edit-button"]')!.click();
    await el.updateComplete;
    for (const target of [...$$(el, '[part~="editor"] button'), ...$$(el, '[part~="editor"] input')]) {
      const box = target.getBoundingClientRect();
      expect(box.height, target.getAttribute('aria-label') ?? target.textContent).to.be.at.least(44);
      if (target.localName === 'button') expect(box.width).to.be.at.least(44);
    }
  });
});

describe('<samen-expectation-matrix> teacher view on demand', () => {
  /** A matrix whose teacher view and editor cannot be loaded (the network failed) until `works` is set. */
  let works = false;
  class BrokenTeacherMatrix extends SamenExpectationMatrix {
    protected static override loadTeacherView = () =>
      works
        ? import('../../src/expectation-matrix/teacher-view.js')
        : Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
  }
  customElements.define('broken-teacher-matrix', BrokenTeacherMatrix);

  it('a teacher view that cannot be loaded shows the error state and fires samen-error; Retry loads it', async () => {
    works = false;
    let el!: BrokenTeacherMatrix;
    const errors = await collectErrors(async () => {
      const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapterFor('teacher')} locale="nl">
        <broken-teacher-matrix matrix-id=${SCHOOL} view="teacher" layout="grid"></broken-teacher-matrix>
      </samen-provider>`);
      el = wrapper.querySelector<BrokenTeacherMatrix>('broken-teacher-matrix')!;
      await waitUntil(() => $(el, '[role="alert"]'), 'error state shown');
    });
    await expect(el).to.be.accessible();
    expect($(el, '[role="alert"] h2')!.textContent).to.equal('Geen internet');
    expect(has(el, '[part~="successes"]')).to.be.false;
    expect(errors.map((e) => [e.kind, e.fatal])).to.deep.equal([['offline', true]]);
    works = true;
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await waitUntil(() => has(el, '[part~="successes"]'), 'teacher view after Retry');
    expect(has(el, '[role="alert"]')).to.be.false;
  });

  it('a parent reading the school’s matrix never needs the teacher view', async () => {
    works = false;
    const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapterFor()} locale="nl">
      <broken-teacher-matrix matrix-id=${SCHOOL} view="parent" layout="grid"></broken-teacher-matrix>
    </samen-provider>`);
    const el = wrapper.querySelector<BrokenTeacherMatrix>('broken-teacher-matrix')!;
    await settled(el);
    expect(has(el, '[role="alert"]')).to.be.false;
    expect(has(el, '[part~="table"]')).to.be.true;
  });
});
