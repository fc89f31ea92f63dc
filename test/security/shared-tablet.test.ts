/**
 * The device belongs to whoever uses it now (issue 16, Trust). On a shared tablet, or when the
 * signed-in person changes without a reload, nothing of the person before — an unsent answer,
 * reply, success, check-in choice, matrix edit, goal form, home sticker, queued award or clip
 * draft — is shown to the next one, nor sent as theirs. Each widget: person A types (or chooses,
 * or queues), the host switches to person B (a new adapter, as a host does after sign-in; or the
 * same adapter whose viewer changed), and B's card is inspected and B presses Save/Send. Then A
 * comes back and finds their own draft (kept for them only). Every test first shows A's text on
 * screen, so a check that it is gone can fail.
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
import '../../src/define/samen-clip-composer.js';
import { configure } from '../../src/core/context.js';
import { forgetMemoryDrafts } from '../../src/core/draft-store.js';
import type { SamenAdapter } from '../../src/core/adapter.js';
import type { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import type { Viewer } from '../../src/core/schemas.js';
import { memoryAdapter, settled } from '../helpers/fixtures.js';

type Widget = HTMLElement & { updateComplete: Promise<boolean> };
type Provider = HTMLElement & { adapter?: SamenAdapter; updateComplete: Promise<boolean> };

/** A co-teacher of the same classes (a "duo-juf"), so switching teachers needs no other rights. */
const CO_TEACHER: Viewer = {
  id: 'teacher-duo',
  role: 'teacher',
  name: 'Juf Fatima',
  classIds: ['groep6-wish', 'groep5-kanjer'],
  schoolId: 'school-regenboog',
};

function withCoTeacher(adapter: MemoryAdapter): MemoryAdapter {
  adapter.state.viewers.push(structuredClone(CO_TEACHER));
  return adapter;
}

function clearDevice(): void {
  forgetMemoryDrafts();
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
}

async function mount<T extends Widget>(
  adapter: SamenAdapter,
  template: TemplateResult,
  tag: string,
  storage: 'on' | 'off' = 'on',
): Promise<T> {
  const wrapper = await fixture<HTMLElement>(
    storage === 'off'
      ? html`<samen-provider .adapter=${adapter} locale="nl" device-storage="off">${template}</samen-provider>`
      : html`<samen-provider .adapter=${adapter} locale="nl">${template}</samen-provider>`,
  );
  const el = wrapper.querySelector<T>(tag)!;
  await settled(el);
  return el;
}

/** The host signs someone else in without a reload: it sets their adapter on the provider. */
async function switchTo(el: Widget, adapter: SamenAdapter): Promise<void> {
  const provider = el.closest<Provider>('samen-provider')!;
  provider.adapter = adapter;
  await provider.updateComplete;
  await settled(el);
  await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"].card'), 'never loaded for the next person');
}

const $ = <T extends Element = HTMLElement>(el: Widget, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const valueOf = (el: Widget, selector: string) => $<HTMLInputElement | HTMLTextAreaElement>(el, selector)?.value;
const shown = (el: Widget) => el.shadowRoot!.textContent ?? '';
/** Whether the card has `selector` (a boolean: a failing check must not print a whole shadow DOM). */
const has = (el: Widget, selector: string) => el.shadowRoot!.querySelector(selector) !== null;
const callsOf = (adapter: MemoryAdapter, method: string) => adapter.calls.filter((c) => c.method === method);

async function type(el: Widget, selector: string, text: string): Promise<void> {
  const box = $<HTMLTextAreaElement | HTMLInputElement>(el, selector);
  expect(box !== null, selector).to.equal(true);
  box!.focus();
  box!.value = text;
  box!.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function press(el: Widget, selector: string): Promise<void> {
  const button = $<HTMLButtonElement>(el, selector);
  expect(button !== null, selector).to.equal(true);
  button!.click();
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 30));
  await el.updateComplete;
}

describe('shared tablet: the device belongs to whoever uses it now', () => {
  beforeEach(clearDevice);
  afterEach(() => {
    configure({ deviceStorage: true });
    clearDevice();
  });

  describe('<samen-lesson-clip>', () => {
    it("another parent signs in: A's unsent answer is not shown, Send does not send it, and A gets it back", async () => {
      const a = memoryAdapter();
      const el = await mount(a, html`<samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip>`, 'samen-lesson-clip');
      await expect(el).to.be.accessible();
      await type(el, '[part~="answer-input"]', 'Antwoord van ouder A');
      expect(valueOf(el, '[part~="answer-input"]')).to.equal('Antwoord van ouder A');

      const b = a.forViewer('parent-3');
      await switchTo(el, b);
      expect(valueOf(el, '[part~="answer-input"]')).to.equal('');
      expect(shown(el)).not.to.contain('Antwoord van ouder A');
      await press(el, '[part~="send-button"]');
      expect(callsOf(b, 'saveHomeAnswer')).to.deep.equal([]);
      expect(a.state.answers.some((x) => x.text === 'Antwoord van ouder A')).to.equal(false);

      await switchTo(el, a.forViewer('parent-1'));
      expect(valueOf(el, '[part~="answer-input"]')).to.equal('Antwoord van ouder A');
    });

    it('a parent who was changing a sent answer: the next parent sees their own answer, not the open editor nor A’s', async () => {
      const a = memoryAdapter();
      await a.saveHomeAnswer({ id: 'first', clipId: 'wish-2', kind: 'text', text: 'Ons antwoord' });
      // parent-2 is the same family in another household, with an answer of their own.
      await a.forViewer('parent-2').saveHomeAnswer({ id: 'second', clipId: 'wish-2', kind: 'text', text: 'Antwoord van B' });
      const el = await mount(a, html`<samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip>`, 'samen-lesson-clip');
      await press(el, '[part~="answer"] button');
      await type(el, '[part~="answer-input"]', 'Ons antwoord, half veranderd door A');
      expect(has(el, '[part~="answer-input"]'), '[part~="answer-input"]').to.equal(true);

      // Answers are per carer: B sees their own sent answer, neither A's answer nor A's half-made change.
      await switchTo(el, a.forViewer('parent-2'));
      expect(has(el, '[part~="answer-input"]'), '[part~="answer-input"]').to.equal(false);
      expect($(el, '[part~="answer"]')!.textContent).to.contain('Antwoord van B');
      expect(shown(el)).not.to.contain('Ons antwoord');
    });

    it('the "seen" flag is per parent: the next parent\'s own seen is recorded', async () => {
      const a = memoryAdapter();
      const el = await mount(a, html`<samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip>`, 'samen-lesson-clip');
      await waitUntil(() => callsOf(a, 'markSeen').length > 0, 'A never marked seen');
      const b = a.forViewer('parent-3');
      await switchTo(el, b);
      await waitUntil(() => callsOf(b, 'markSeen').length > 0, "B's seen was taken for A's");
      expect((callsOf(b, 'markSeen')[0]!.input as { id: string }).id).to.contain('parent-3');
    });
  });

  describe('<samen-feedback-bar>', () => {
    it("another parent signs in: A's unsent reply is not shown and Send does not send it", async () => {
      const a = memoryAdapter();
      const el = await mount(
        a,
        html`<samen-feedback-bar target-id="wish-2" view="parent" allow-reply></samen-feedback-bar>`,
        'samen-feedback-bar',
      );
      await expect(el).to.be.accessible();
      await type(el, '[part~="reply-input"]', 'Reactie van ouder A');
      expect(valueOf(el, '[part~="reply-input"]')).to.equal('Reactie van ouder A');

      const b = a.forViewer('parent-3');
      await switchTo(el, b);
      expect(valueOf(el, '[part~="reply-input"]')).to.equal('');
      expect(shown(el)).not.to.contain('Reactie van ouder A');
      await press(el, '[part~="send-button"]');
      expect(callsOf(b, 'addReply')).to.deep.equal([]);

      await switchTo(el, a.forViewer('parent-1'));
      expect(valueOf(el, '[part~="reply-input"]')).to.equal('Reactie van ouder A');
    });

    it('the same adapter whose viewer changed (a token swap): the next load forgets the reply', async () => {
      const a = memoryAdapter();
      const b = a.forViewer('parent-3');
      // One adapter object for the page; the host's session decides who it speaks for.
      let current: MemoryAdapter = a;
      const session = new Proxy(a, {
        get: (_target, key) => {
          const value = Reflect.get(current, key, current) as unknown;
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
        },
      });
      const el = await mount(
        session,
        html`<samen-feedback-bar target-id="wish-2" view="parent" allow-reply></samen-feedback-bar>`,
        'samen-feedback-bar',
      );
      await type(el, '[part~="reply-input"]', 'Nog niet verstuurd, van A');
      current = b;
      // Something changes on the post; the bar loads again and finds another viewer.
      await a.forViewer('parent-2').setReaction({ id: 'r-other', targetId: 'wish-2', reaction: 'like', on: true });
      await waitUntil(() => callsOf(b, 'getViewer').length > 0, 'never reloaded');
      await waitUntil(() => valueOf(el, '[part~="reply-input"]') === '', "A's reply still shown to B");
      await press(el, '[part~="send-button"]');
      expect(callsOf(b, 'addReply')).to.deep.equal([]);
    });
  });

  describe('<samen-feelings-checkin>', () => {
    it('device storage off, the next child on the tablet: nothing of the child before is shown, and Save does not store it as theirs', async () => {
      const teacher = memoryAdapter({ viewerId: 'teacher-1' });
      const el = await mount(
        teacher,
        html`<samen-feelings-checkin view="child" child-id="child-2" context="home"></samen-feelings-checkin>`,
        'samen-feelings-checkin',
        'off',
      );
      await expect(el).to.be.accessible();
      $<HTMLInputElement>(el, 'input[name="feeling"][value="scared"]')!.click();
      await el.updateComplete;
      $<HTMLInputElement>(el, 'input[name="strength"][value="5"]')!.click();
      await el.updateComplete;
      await type(el, '#note', 'Ik ben bang voor de toets');
      expect($<HTMLInputElement>(el, 'input[name="feeling"][value="scared"]')!.checked).to.equal(true);
      expect(Object.keys(localStorage).filter((k) => k.startsWith('samen:'))).to.deep.equal([]);

      el.setAttribute('child-id', 'child-3');
      await settled(el);
      await waitUntil(() => $(el, 'input[name="feeling"]'), 'the next child never got the card');
      expect([...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="feeling"]')].filter((r) => r.checked)).to.deep.equal([]);
      expect(has(el, '[part~="strength"]'), '[part~="strength"]').to.equal(false);
      expect(has(el, '#note'), '#note').to.equal(false);
      expect(shown(el)).not.to.contain('Ik ben bang voor de toets');
      expect($(el, '[part~="save-button"]')!.getAttribute('aria-disabled')).to.equal('true');
      await press(el, '[part~="save-button"]');
      expect(callsOf(teacher, 'saveCheckin')).to.deep.equal([]);

      // The next child checks in for themselves: only their own feeling is stored, no note of the child before.
      $<HTMLInputElement>(el, 'input[name="feeling"][value="happy"]')!.click();
      await el.updateComplete;
      await press(el, '[part~="save-button"]');
      await waitUntil(() => callsOf(teacher, 'saveCheckin').length === 1, 'never saved');
      expect(callsOf(teacher, 'saveCheckin')[0]!.input).to.deep.include({
        childId: 'child-3',
        feeling: 'happy',
        strength: 3,
        context: 'home',
      });
      expect(callsOf(teacher, 'saveCheckin')[0]!.input).not.to.have.property('note');
      expect(teacher.state.checkins.filter((c) => c.childId === 'child-3' && c.note === 'Ik ben bang voor de toets')).to.deep.equal([]);

      // The child before comes back in this visit: their own unsent choice, only theirs, from memory.
      el.setAttribute('child-id', 'child-2');
      await settled(el);
      await waitUntil(() => $<HTMLInputElement>(el, 'input[name="feeling"][value="scared"]')?.checked, 'child-2 lost their choice');
      expect(valueOf(el, '#note')).to.equal('Ik ben bang voor de toets');
      expect(Object.keys(localStorage).filter((k) => k.startsWith('samen:'))).to.deep.equal([]);
    });

    it('configure({ deviceStorage: false }), a child with a check-in today and then one without: the next child starts empty', async () => {
      configure({ deviceStorage: false });
      const teacher = memoryAdapter({ viewerId: 'teacher-1' });
      teacher.state.checkins.push({
        id: 'today-child-2',
        childId: 'child-2',
        feeling: 'sad',
        strength: 4,
        context: 'home',
        note: 'Mijn konijn is ziek',
        createdAt: new Date().toISOString(),
      });
      const el = await mount(
        teacher,
        html`<samen-feelings-checkin view="child" child-id="child-2" context="home"></samen-feelings-checkin>`,
        'samen-feelings-checkin',
      );
      expect($<HTMLInputElement>(el, 'input[name="feeling"][value="sad"]')!.checked).to.equal(true);
      expect(valueOf(el, '#note')).to.equal('Mijn konijn is ziek');

      el.setAttribute('child-id', 'child-4');
      await settled(el);
      await waitUntil(() => $(el, 'input[name="feeling"]'), 'the next child never got the card');
      expect([...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="feeling"]')].some((r) => r.checked)).to.equal(false);
      expect(shown(el)).not.to.contain('Mijn konijn is ziek');
      await press(el, '[part~="save-button"]');
      expect(callsOf(teacher, 'saveCheckin').filter((c) => (c.input as { childId: string }).childId === 'child-4')).to.deep.equal([]);
    });

    it("another parent of the same child signs in: the unsent choice stays the first parent's", async () => {
      const a = memoryAdapter();
      const el = await mount(
        a,
        html`<samen-feelings-checkin view="parent" child-id="child-1" context="school"></samen-feelings-checkin>`,
        'samen-feelings-checkin',
      );
      $<HTMLInputElement>(el, 'input[name="feeling"][value="proud"]')!.click();
      await el.updateComplete;
      await type(el, '#note', 'Notitie van ouder A');

      const b = a.forViewer('parent-2');
      await switchTo(el, b);
      expect([...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="feeling"]')].some((r) => r.checked)).to.equal(false);
      expect(shown(el)).not.to.contain('Notitie van ouder A');
      await press(el, '[part~="save-button"]');
      expect(callsOf(b, 'saveCheckin')).to.deep.equal([]);
    });
  });

  describe('<samen-expectation-matrix>', () => {
    it("another parent signs in: A's unsent success is not shown and Share does not send it", async () => {
      const a = memoryAdapter();
      const el = await mount(
        a,
        html`<samen-expectation-matrix matrix-id="matrix-school" view="parent"></samen-expectation-matrix>`,
        'samen-expectation-matrix',
      );
      await expect(el).to.be.accessible();
      await type(el, '[part~="success-form"] textarea', 'Succes van ouder A');

      const b = a.forViewer('parent-3');
      await switchTo(el, b);
      expect(valueOf(el, '[part~="success-form"] textarea')).to.equal('');
      expect(shown(el)).not.to.contain('Succes van ouder A');
      await press(el, '[part~="success-form"] button[type="submit"]');
      expect(callsOf(b, 'shareSuccess')).to.deep.equal([]);
    });

    it("another teacher signs in: the teacher's unsaved edit of the school matrix is not shown nor saved, and comes back for them", async () => {
      const a = withCoTeacher(memoryAdapter({ viewerId: 'teacher-1' }));
      const el = await mount(
        a,
        html`<samen-expectation-matrix matrix-id="matrix-school" view="teacher"></samen-expectation-matrix>`,
        'samen-expectation-matrix',
      );
      await press(el, '[part~="edit-button"]');
      await type(el, '[part~="editor"] input', 'Waarde van juf Sanne');
      expect(valueOf(el, '[part~="editor"] input')).to.equal('Waarde van juf Sanne');

      const b = a.forViewer(CO_TEACHER.id);
      await switchTo(el, b);
      expect(has(el, '[part~="editor"]'), '[part~="editor"]').to.equal(false);
      expect(has(el, '[part~="edit-button"]'), '[part~="edit-button"]').to.equal(true);
      expect(el.shadowRoot!.innerHTML).not.to.contain('Waarde van juf Sanne');
      await press(el, '[part~="edit-button"]');
      expect(valueOf(el, '[part~="editor"] input')).not.to.equal('Waarde van juf Sanne');
      await press(el, '[part~="editor"] .cancel');
      expect(callsOf(b, 'saveExpectationMatrix')).to.deep.equal([]);

      await switchTo(el, a.forViewer('teacher-1'));
      expect(valueOf(el, '[part~="editor"] input')).to.equal('Waarde van juf Sanne');
    });

    it("the other parent of the family: one parent's unsaved home-matrix edit is not theirs", async () => {
      const a = memoryAdapter();
      const el = await mount(
        a,
        html`<samen-expectation-matrix matrix-id="matrix-home-fam-01" view="parent"></samen-expectation-matrix>`,
        'samen-expectation-matrix',
      );
      await press(el, '[part~="edit-button"]');
      await type(el, '[part~="editor"] input', 'Thuiswaarde van ouder A');

      const b = a.forViewer('parent-2');
      await switchTo(el, b);
      expect(has(el, '[part~="editor"]'), '[part~="editor"]').to.equal(false);
      expect(el.shadowRoot!.innerHTML).not.to.contain('Thuiswaarde van ouder A');
      expect(callsOf(b, 'saveExpectationMatrix')).to.deep.equal([]);
    });
  });

  describe('<samen-reward-chart>', () => {
    it("another teacher signs in: the first one's new-goal form is closed, its words gone, and nothing is redeemed", async () => {
      const a = withCoTeacher(memoryAdapter({ viewerId: 'teacher-1' }));
      const el = await mount(
        a,
        html`<samen-reward-chart chart-id="personal-child-1" view="teacher"></samen-reward-chart>`,
        'samen-reward-chart',
      );
      await expect(el).to.be.accessible();
      for (let i = 0; i < 4; i++) await press(el, '[part~="award-button"]');
      await waitUntil(() => $(el, '[part~="redeem-button"]'), 'goal never reached');
      await press(el, '[part~="redeem-button"]');
      await type(el, '.new-goal input[name="reward"]', 'Beloning van juf Sanne');

      const b = a.forViewer(CO_TEACHER.id);
      await switchTo(el, b);
      expect(has(el, '.new-goal'), '.new-goal').to.equal(false);
      expect(el.shadowRoot!.innerHTML).not.to.contain('Beloning van juf Sanne');
      await press(el, '[part~="redeem-button"]');
      expect(valueOf(el, '.new-goal input[name="reward"]')).to.equal('Samen een spelletje kiezen');
      expect(callsOf(b, 'redeem')).to.deep.equal([]);
    });

    it("another parent signs in: A's home-sticker reason is gone and the sticker button does not send it", async () => {
      const a = memoryAdapter();
      const el = await mount(
        a,
        html`<samen-reward-chart chart-id="personal-child-1" view="parent"></samen-reward-chart>`,
        'samen-reward-chart',
      );
      await type(el, '[part~="home-sticker"] input', 'Reden van ouder A');
      expect(valueOf(el, '[part~="home-sticker"] input')).to.equal('Reden van ouder A');

      const b = a.forViewer('parent-2');
      await switchTo(el, b);
      expect(valueOf(el, '[part~="home-sticker"] input')).to.equal('');
      await press(el, '[part~="home-sticker"] button[type="submit"]');
      await waitUntil(() => callsOf(b, 'award').length === 1, 'the sticker never went');
      expect(callsOf(b, 'award')[0]!.input).not.to.have.property('reason');
      expect(callsOf(a, 'award')).to.deep.equal([]);
    });

    it('awards queued offline by one teacher are never sent while another is signed in, and go once when she is back', async () => {
      const a = withCoTeacher(memoryAdapter({ viewerId: 'teacher-1' }));
      const el = await mount(
        a,
        html`<samen-reward-chart chart-id="personal-child-1" view="teacher"></samen-reward-chart>`,
        'samen-reward-chart',
      );
      a.fail('award', 'offline');
      await press(el, '[part~="award-button"]');
      await press(el, '[part~="award-button"]');
      await waitUntil(() => $(el, '.queued[role="alert"]'), 'never queued');
      const before = a.state.charts['personal-child-1']!.awards.length;

      const b = a.forViewer(CO_TEACHER.id);
      await switchTo(el, b);
      expect(has(el, '.queued'), '.queued').to.equal(false);
      a.recover();
      window.dispatchEvent(new Event('online'));
      await new Promise((r) => setTimeout(r, 100));
      expect(callsOf(b, 'award')).to.deep.equal([]);
      expect(a.state.charts['personal-child-1']!.awards.length).to.equal(before);
      expect(Object.keys(localStorage).filter((k) => k.startsWith('samen:awards:teacher-1:'))).to.have.length(1);

      const back = a.forViewer('teacher-1');
      await switchTo(el, back);
      await waitUntil(() => a.state.charts['personal-child-1']!.awards.length === before + 2, 'never sent once she was back');
      await new Promise((r) => setTimeout(r, 50));
      expect(a.state.charts['personal-child-1']!.awards.length).to.equal(before + 2);
      expect(callsOf(back, 'award').every((c) => (c.input as { chartId: string }).chartId === 'personal-child-1')).to.equal(true);
      expect(Object.keys(localStorage).filter((k) => k.startsWith('samen:awards:'))).to.deep.equal([]);
    });
  });

  describe('<samen-clip-composer>', () => {
    it("another teacher signs in: the first one's draft is not shown nor published, and comes back for her", async () => {
      const a = withCoTeacher(memoryAdapter({ viewerId: 'teacher-1' }));
      const classes = [{ id: 'groep6-wish', label: 'Groep 6' }];
      const el = await mount(a, html`<samen-clip-composer .classes=${classes}></samen-clip-composer>`, 'samen-clip-composer');
      await expect(el).to.be.accessible();
      await type(el, '#title', 'Clip van juf Sanne');
      expect(valueOf(el, '#title')).to.equal('Clip van juf Sanne');

      const b = a.forViewer(CO_TEACHER.id);
      await switchTo(el, b);
      expect(valueOf(el, '#title')).to.equal('');
      expect(el.shadowRoot!.innerHTML).not.to.contain('Clip van juf Sanne');
      await press(el, '[part~="publish-button"]');
      expect(callsOf(b, 'publishLessonClip')).to.deep.equal([]);

      await switchTo(el, a.forViewer('teacher-1'));
      expect(valueOf(el, '#title')).to.equal('Clip van juf Sanne');
    });

    it('another teacher signs in after the first one published: not her clip and notice, but an empty composer', async () => {
      const a = withCoTeacher(memoryAdapter({ viewerId: 'teacher-1' }));
      const classes = [{ id: 'groep6-wish', label: 'Groep 6' }];
      const el = await mount(a, html`<samen-clip-composer .classes=${classes}></samen-clip-composer>`, 'samen-clip-composer');
      const lesson = $<HTMLSelectElement>(el, '#lesson')!;
      lesson.value = 'wish-3';
      lesson.dispatchEvent(new Event('change'));
      await el.updateComplete;
      await type(el, '#learned', 'Geleerd in de klas van juf Sanne');
      (el as unknown as { addFiles(files: File[]): void }).addFiles([
        new File([new Uint8Array(64).fill(7)], 'klas.png', { type: 'image/png' }),
      ]);
      await waitUntil(() => $(el, '[part~="attached"] input'), 'photo attached');
      await type(el, '[part~="attached"] input', 'Kinderen in een kring');
      await press(el, '[part~="publish-button"]');
      await waitUntil(() => $(el, '[part~="published"]'), 'never published');

      const b = a.forViewer(CO_TEACHER.id);
      await switchTo(el, b);
      expect(has(el, '[part~="published"]'), 'the published notice').to.equal(false);
      expect(has(el, 'samen-lesson-clip'), "the first teacher's clip").to.equal(false);
      expect(valueOf(el, '#title')).to.equal('');
      expect(valueOf(el, '#learned')).to.equal('');
      expect(has(el, '[part~="attached"]'), 'her photo').to.equal(false);
    });
  });
});

describe('shared tablet between two households of one child (issue 24)', () => {
  beforeEach(clearDevice);
  afterEach(clearDevice);

  it("the other address's carer signs in: the first household's unsent answer is not shown nor sent, and comes back for them", async () => {
    const first = memoryAdapter({ viewerId: 'parent-5' });
    const el = await mount(first, html`<samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip>`, 'samen-lesson-clip');
    await type(el, '[part~="answer-input"]', 'Concept van het eerste adres');
    expect(valueOf(el, '[part~="answer-input"]')).to.equal('Concept van het eerste adres');

    const second = first.forViewer('parent-6');
    await switchTo(el, second);
    expect(valueOf(el, '[part~="answer-input"]')).to.equal('');
    expect(shown(el)).not.to.contain('Concept van het eerste adres');
    await press(el, '[part~="send-button"]');
    expect(callsOf(second, 'saveHomeAnswer')).to.deep.equal([]);

    await switchTo(el, first.forViewer('parent-5'));
    expect(valueOf(el, '[part~="answer-input"]')).to.equal('Concept van het eerste adres');
  });

  it('one sign-in that the host moves to the other household (a family tablet’s account): the draft stays with the household it was typed in', async () => {
    const adapter = memoryAdapter({ viewerId: 'parent-5' });
    const el = await mount(adapter, html`<samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip>`, 'samen-lesson-clip');
    await type(el, '[part~="answer-input"]', 'Alleen voor het eerste adres');
    expect(valueOf(el, '[part~="answer-input"]')).to.equal('Alleen voor het eerste adres');

    const account = adapter.state.viewers.find((v) => v.id === 'parent-5')!;
    account.householdId = 'fam-03-2';
    const moved = adapter.forViewer('parent-5');
    await switchTo(el, moved);
    expect(valueOf(el, '[part~="answer-input"]')).to.equal('');
    expect(shown(el)).not.to.contain('Alleen voor het eerste adres');
    await press(el, '[part~="send-button"]');
    expect(callsOf(moved, 'saveHomeAnswer')).to.deep.equal([]);

    account.householdId = 'fam-03-1';
    await switchTo(el, adapter.forViewer('parent-5'));
    expect(valueOf(el, '[part~="answer-input"]')).to.equal('Alleen voor het eerste adres');
  });
});
