import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { configure } from '../../src/core/context.js';
import '../../src/define/samen-evaluation.js';
import '../../src/define/samen-expectation-matrix.js';
import '../../src/define/samen-feedback-bar.js';
import '../../src/define/samen-feelings-checkin.js';
import '../../src/define/samen-lesson-clip.js';
import '../../src/define/samen-meeting.js';
import '../../src/define/samen-programme-intro.js';
import { evaluationMessages } from '../../src/evaluation/messages.js';
import { meetingMessages } from '../../src/meeting/messages.js';
import { introMessages } from '../../src/programme-intro/messages.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-reward-chart.js';
import type { SamenElement } from '../../src/core/samen-element.js';
import { WIDGETS } from '../../scripts/widgets.mjs';
import { NOW, settled } from '../helpers/fixtures.js';

/**
 * "Preview as parent" in every teacher view: the switch renders the parent view of the
 * same item, and what it shows is what a real parent (who has done nothing yet) sees,
 * word for word. Nothing in the preview writes, and no teacher-only data appears in it.
 */
type Widget = SamenElement & { updateComplete: Promise<boolean> };

/** The text a person sees: visible text nodes, through nested shadow roots (the clip's feedback bar). */
function visibleText(root: ShadowRoot | Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Text) {
      const parent = node.parentElement;
      if (parent && parent.checkVisibility({ visibilityProperty: true }) && !parent.closest('.visually-hidden')) parts.push(node.data);
      return;
    }
    if (node instanceof HTMLStyleElement || node instanceof HTMLTemplateElement) return;
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

async function deepSettled(el: Widget): Promise<void> {
  await settled(el);
  for (const inner of el.shadowRoot!.querySelectorAll<Widget>('samen-feedback-bar')) await settled(inner);
}

const toggle = (el: Widget) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="preview-toggle"]')!;

const WRITES = [
  'saveHomeAnswer',
  'markSeen',
  'setReaction',
  'addReply',
  'award',
  'undoAward',
  'redeem',
  'saveCheckin',
  'saveExpectationMatrix',
  'shareSuccess',
  'saveRsvp',
  'savePreparation',
  'submitEvaluationResponse',
  'saveEvaluation',
];

interface Case {
  name: string;
  tag: string;
  teacher: (a: MemoryAdapter) => TemplateResult;
  parent: (a: MemoryAdapter) => TemplateResult;
  /** Text only the teacher's view may show; none of it may appear in the preview. */
  teacherOnly: string[];
  prepare?: (a: MemoryAdapter) => void;
}

const provider = (adapter: MemoryAdapter, body: TemplateResult) =>
  html`<samen-provider .adapter=${adapter} locale="en">${body}</samen-provider>`;

const CASES: Case[] = [
  {
    name: 'lesson clip',
    tag: 'samen-lesson-clip',
    teacher: (a) => provider(a, html`<samen-lesson-clip clip-id="wish-2" view="teacher"></samen-lesson-clip>`),
    parent: (a) => provider(a, html`<samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip>`),
    teacherOnly: ['Reach in the class', 'Answers from parents', 'Not reached yet', ' family'],
  },
  {
    name: 'feedback bar',
    tag: 'samen-feedback-bar',
    teacher: (a) => provider(a, html`<samen-feedback-bar target-id="wish-2" view="teacher" allow-reply></samen-feedback-bar>`),
    parent: (a) => provider(a, html`<samen-feedback-bar target-id="wish-2" view="parent" allow-reply></samen-feedback-bar>`),
    // The seeded reply and the reactors' names are the teacher's.
    teacherOnly: ['Visser', 'Who reacted', 'Messages from parents', 'did it at home'],
  },
  {
    name: 'reward chart',
    tag: 'samen-reward-chart',
    teacher: (a) => provider(a, html`<samen-reward-chart chart-id="class-wish" view="teacher"></samen-reward-chart>`),
    parent: (a) => provider(a, html`<samen-reward-chart chart-id="class-wish" view="parent"></samen-reward-chart>`),
    teacherOnly: [],
  },
  {
    name: 'feelings check-in',
    tag: 'samen-feelings-checkin',
    // The parent compared with is one whose child has not checked in yet: the preview never shows a child's feelings.
    prepare: (a) => (a.state.checkins = a.state.checkins.filter((c) => c.childId !== 'child-1')),
    teacher: (a) => provider(a, html`<samen-feelings-checkin class-id="groep6-wish" view="teacher"></samen-feelings-checkin>`),
    parent: (a) => provider(a, html`<samen-feelings-checkin child-id="child-1" view="parent" context="home"></samen-feelings-checkin>`),
    // The parent view says who sees a check-in (the care coordinator, for a signal); who sees signals is the teacher's.
    teacherOnly: ['Signals', 'The class today', 'see signals'],
  },
  {
    name: 'expectation matrix',
    tag: 'samen-expectation-matrix',
    teacher: (a) =>
      provider(a, html`<samen-expectation-matrix matrix-id="matrix-school" view="teacher" layout="list"></samen-expectation-matrix>`),
    parent: (a) =>
      provider(a, html`<samen-expectation-matrix matrix-id="matrix-school" view="parent" layout="list"></samen-expectation-matrix>`),
    teacherOnly: ['Edit', 'Visser'],
  },
  // The course (issue 26): the teacher's list of replies and sheets, and which texts are Samen's examples, stay the teacher's.
  {
    name: 'meeting',
    tag: 'samen-meeting',
    teacher: (a) => provider(a, html`<samen-meeting meeting-id="wish-conversation" view="teacher"></samen-meeting>`),
    parent: (a) => provider(a, html`<samen-meeting meeting-id="wish-conversation" view="parent"></samen-meeting>`),
    teacherOnly: ['Answers from parents', 'Preparation sheets'],
  },
  {
    name: 'programme introduction',
    tag: 'samen-programme-intro',
    teacher: (a) => provider(a, html`<samen-programme-intro intro-id="kanjer-intro" view="teacher"></samen-programme-intro>`),
    parent: (a) => provider(a, html`<samen-programme-intro intro-id="kanjer-intro" view="parent"></samen-programme-intro>`),
    teacherOnly: ['Example text from Samen'],
  },
  // Evaluations (issue 25): the results and the school's own questions editor stay the teacher's; the preview is the parent's form.
  {
    name: 'evaluation',
    tag: 'samen-evaluation',
    teacher: (a) => provider(a, html`<samen-evaluation evaluation-id="eval-wish-after" view="teacher"></samen-evaluation>`),
    parent: (a) => provider(a, html`<samen-evaluation evaluation-id="eval-wish-after" view="parent"></samen-evaluation>`),
    teacherOnly: ['Who filled it in', 'The school’s own questions'],
  },
];

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
  configure({ adapter: undefined, locale: undefined });
});

describe('Preview as parent', () => {
  // The meeting's and the introduction's English words load on demand (issue 26): here before the cards, as the shared tables are.
  before(async () => {
    await meetingMessages.load('en');
    await introMessages.load('en');
    await evaluationMessages.load('en');
  });

  it('has a case for every widget with a teacher and a parent view (the widget catalogue, scripts/widgets.mjs)', () => {
    const tags = WIDGETS.filter((w) => w.views.includes('teacher') && w.views.includes('parent')).map((w) => w.tag);
    expect(CASES.map((c) => c.tag).sort()).to.deep.equal([...tags].sort());
  });

  for (const c of CASES) {
    describe(`<${c.tag}>`, () => {
      it('shows a 44px switch, off, in the teacher view only', async () => {
        const adapter = new MemoryAdapter({ now: NOW, locale: 'en' });
        c.prepare?.(adapter);
        const teacher = (await fixture<HTMLElement>(c.teacher(adapter.forViewer('teacher-1')))).querySelector<Widget>(c.tag)!;
        await deepSettled(teacher);
        const button = toggle(teacher);
        expect(button.getAttribute('aria-pressed')).to.equal('false');
        expect(button.textContent.trim()).to.equal('Preview as parent');
        const box = button.getBoundingClientRect();
        expect(box.height).to.be.at.least(44);
        expect(box.width).to.be.at.least(44);
        await expect(teacher).to.be.accessible();

        const parent = (await fixture<HTMLElement>(c.parent(adapter))).querySelector<Widget>(c.tag)!;
        await deepSettled(parent);
        expect(parent.shadowRoot!.querySelector('[part~="preview-toggle"]')).to.equal(null);
      });

      it('the preview shows exactly what a parent sees, writes nothing and shows no teacher-only data', async () => {
        const adapter = new MemoryAdapter({ now: NOW, locale: 'en' });
        c.prepare?.(adapter);
        const teacherAdapter = adapter.forViewer('teacher-1');
        const teacher = (await fixture<HTMLElement>(c.teacher(teacherAdapter))).querySelector<Widget>(c.tag)!;
        await deepSettled(teacher);
        const teacherText = visibleText(teacher.shadowRoot!);
        for (const words of c.teacherOnly)
          if (words !== ' family' && words !== 'Edit') expect(teacherText, 'teacher view shows it').to.contain(words.trim());

        toggle(teacher).focus();
        await sendKeys({ press: 'Enter' });
        await teacher.updateComplete;
        expect(toggle(teacher).getAttribute('aria-pressed')).to.equal('true');
        expect(teacher.shadowRoot!.activeElement, 'focus stays on the switch').to.equal(toggle(teacher));
        expect(teacher.shadowRoot!.querySelector('[part~="preview-note"]')!.textContent.replace(/\s+/g, ' ').trim()).to.equal(
          'Preview: this is what parents see. Nothing here is sent or saved.',
        );
        const preview = teacher.shadowRoot!.querySelector<Widget>(`${c.tag}[preview][view="parent"]`)!;
        expect(preview, 'the parent view of the same item').to.not.equal(null);
        await deepSettled(preview);
        await expect(teacher).to.be.accessible();

        // A real parent who has done nothing yet, on the same data.
        const parent = (await fixture<HTMLElement>(c.parent(adapter))).querySelector<Widget>(c.tag)!;
        await deepSettled(parent);
        const previewText = visibleText(preview.shadowRoot!);
        expect(previewText).to.equal(visibleText(parent.shadowRoot!));
        expect(previewText.length).to.be.greaterThan(20);
        for (const words of c.teacherOnly) expect(previewText).to.not.contain(words);

        // Press everything and type: nothing is written, no samen-* event reaches the host.
        const events: string[] = [];
        const names = [
          'samen-answer',
          'samen-seen',
          'samen-react',
          'samen-reply',
          'samen-award',
          'samen-checkin',
          'samen-success',
          'samen-error',
          'samen-attention',
          'samen-matrix-change',
          'samen-evaluation-response',
        ];
        const listener = (e: Event) => events.push(e.type);
        for (const n of names) document.addEventListener(n, listener);
        const writesBefore = adapter.appliedWrites + teacherAdapter.appliedWrites;
        try {
          const controls = [...preview.shadowRoot!.querySelectorAll<HTMLElement>('button, input, textarea')];
          for (const inner of preview.shadowRoot!.querySelectorAll('samen-feedback-bar'))
            controls.push(...inner.shadowRoot!.querySelectorAll<HTMLElement>('button'));
          for (const control of controls) control.click();
          const field = preview.shadowRoot!.querySelector('textarea');
          if (field) {
            field.focus();
            await sendKeys({ type: 'abc' });
            expect(field.value).to.equal('');
          }
          preview.shadowRoot!.querySelector('form')?.requestSubmit();
          await new Promise((r) => setTimeout(r, 300));
        } finally {
          for (const n of names) document.removeEventListener(n, listener);
        }
        expect(events).to.deep.equal([]);
        expect(teacherAdapter.calls.filter((call) => WRITES.includes(call.method))).to.deep.equal([]);
        expect(adapter.appliedWrites + teacherAdapter.appliedWrites - writesBefore).to.equal(0);

        // Back to the teacher view.
        toggle(teacher).click();
        await deepSettled(teacher);
        expect(teacher.shadowRoot!.querySelector(`${c.tag}[preview]`)).to.equal(null);
        expect(visibleText(teacher.shadowRoot!)).to.equal(`Preview as parent ${teacherText.replace(/^Preview as parent /, '')}`);
      });
    });
  }

  it('the lesson clip preview never marks the clip seen, even in full view', async () => {
    const adapter = new MemoryAdapter({ now: NOW, locale: 'en' });
    const teacherAdapter = adapter.forViewer('teacher-1');
    const wrapper = await fixture<HTMLElement>(
      provider(teacherAdapter, html`<samen-lesson-clip clip-id="wish-2" view="teacher"></samen-lesson-clip>`),
    );
    const teacher = wrapper.querySelector<Widget>('samen-lesson-clip')!;
    await deepSettled(teacher);
    const seenBefore = adapter.state.seen.length;
    toggle(teacher).click();
    await teacher.updateComplete;
    const preview = teacher.shadowRoot!.querySelector<Widget & { needsAttention: boolean }>('samen-lesson-clip[preview]')!;
    await deepSettled(preview);
    await waitUntil(() => preview.shadowRoot!.querySelector('h2'), 'preview shown');
    await new Promise((r) => setTimeout(r, 300));
    expect(adapter.state.seen.length).to.equal(seenBefore);
    expect(teacherAdapter.calls.map((call) => call.method)).to.not.include('markSeen');
    expect(preview.needsAttention, 'a preview is nobody’s reminder').to.equal(false);
  });

  it('a widget made a preview after it rendered ignores typing from then on, and takes it again when it is not', async () => {
    const adapter = new MemoryAdapter({ now: NOW, locale: 'en' });
    const wrapper = await fixture<HTMLElement>(
      provider(adapter, html`<samen-lesson-clip clip-id="wish-2" view="parent"></samen-lesson-clip>`),
    );
    const clip = wrapper.querySelector<Widget>('samen-lesson-clip')!;
    await settled(clip);
    const typeInto = async () => {
      const field = clip.shadowRoot!.querySelector('textarea')!;
      field.focus();
      await sendKeys({ type: 'abc' });
      return field.value;
    };
    clip.preview = true;
    await settled(clip);
    expect(await typeInto(), 'typing in the preview').to.equal('');

    clip.preview = false;
    await settled(clip);
    expect(await typeInto(), 'typing in the card again').to.equal('abc');
  });

  it('speaks the teacher’s language, right to left in Arabic', async () => {
    await import('../../src/locales/ar.js');
    const adapter = new MemoryAdapter({ now: NOW, viewerId: 'teacher-1' });
    const wrapper = await fixture<HTMLElement>(
      html`<samen-provider .adapter=${adapter} locale="ar"><samen-reward-chart chart-id="class-wish" view="teacher"></samen-reward-chart></samen-provider>`,
    );
    const el = wrapper.querySelector<Widget>('samen-reward-chart')!;
    await settled(el);
    toggle(el).click();
    await el.updateComplete;
    const bar = el.shadowRoot!.querySelector('[part~="preview-bar"]')!;
    expect(bar.getAttribute('dir')).to.equal('rtl');
    expect(toggle(el).textContent.trim()).to.equal('معاينة كوليّ أمر');
    await settled(el.shadowRoot!.querySelector<Widget>('samen-reward-chart[preview]')!);
    await expect(el).to.be.accessible();
  });
});
