/**
 * Every widget's actions by keyboard, per view, for the shared suite's "every action by keyboard
 * keeps focus inside the widget" (issue 21): the steps a keyboard user takes, including actions
 * that make the pressed control disappear, a timer, and a live update during or after the
 * action. After each step the widget must still have focus, on a control or its heading.
 *
 * Keyed by the catalogue row's tag (test/widgets/catalogue.ts): a widget without an entry fails
 * the behaviour, so a new widget says what its keyboard users do.
 */
import type { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import type { KnownBroken } from './catalogue.js';
import { LIVE_TEXT, writeId } from './catalogue.js';
import { waitUntil } from '../helpers/wait.js';

/** What `sendKeys` sends: a key to press, or text to type. */
export type KeyStep = { press: string } | { type: string };

export interface ActionContext {
  el: HTMLElement;
  adapter: MemoryAdapter;
  view: string;
  /** The row's live change (catalogue `live.change`) for this view; nothing for a widget without one. */
  live: () => Promise<unknown>;
}

export interface ActionStep {
  /** What the step does, for the assertion message. */
  does: string;
  /** The control that gets focus first (a selector in the widget's shadow root); default: where focus is. */
  focus?: string;
  /** The keys pressed then. */
  keys?: readonly KeyStep[];
  /** What else happens at the same time: a live update through the adapter, a timer. Not awaited before the keys. */
  meanwhile?: (ctx: ActionContext) => Promise<unknown>;
  /** Waits until this shows (the step is done). */
  until?: (ctx: ActionContext) => boolean;
}

export interface KeyboardAction {
  name: string;
  /** Only in these views (default: every view of the row). */
  views?: readonly string[];
  /** The adapter the widget is mounted on: its latency, a failure to come. */
  adapter?: { latency?: number; uploadMs?: number };
  /** Before the steps, through the adapter or the element's own API (what a keyboard cannot do: choosing a file). */
  setup?: (ctx: ActionContext) => Promise<unknown> | void;
  steps: readonly ActionStep[];
}

export interface KeyboardSpec {
  actions: readonly KeyboardAction[];
  knownBroken?: readonly Omit<KnownBroken, 'behaviour'>[];
}

const $ = (el: HTMLElement, selector: string): HTMLElement | null => el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const has = (el: HTMLElement, selector: string) => !!$(el, selector);
const shows = (el: HTMLElement, text: string) => (el.shadowRoot?.textContent ?? '').includes(text);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The teacher's "Preview as parent" switch, on and off again, with a live update meanwhile. */
const previewSwitch = (live: (ctx: ActionContext) => Promise<unknown>): KeyboardAction => ({
  name: 'the "Preview as parent" switch, on and off, with a live update meanwhile',
  views: ['teacher'],
  steps: [
    { does: 'switch on', focus: '[part~="preview-toggle"]', keys: [{ press: 'Enter' }], meanwhile: live },
    {
      does: 'switch off',
      keys: [{ press: 'Space' }],
      until: ({ el }) => $(el, '[part~="preview-toggle"]')?.getAttribute('aria-pressed') === 'false',
    },
  ],
});

const parentAnswer = ({ adapter }: ActionContext) =>
  adapter.forViewer('parent-1').saveHomeAnswer({ id: writeId(), clipId: 'wish-2', kind: 'text', text: LIVE_TEXT });

const parentReply = ({ adapter }: ActionContext) =>
  adapter.forViewer('parent-1').addReply({ id: writeId(), targetId: 'host-post-1', text: LIVE_TEXT });

export const KEYBOARD: Readonly<Record<string, KeyboardSpec>> = {
  'samen-programme-overview': {
    actions: [
      {
        name: 'Choose what the table and charts show (arrows across the choices)',
        steps: [
          { does: 'the next measure', focus: 'input[name="measure"]', keys: [{ press: 'ArrowRight' }] },
          { does: 'and back', keys: [{ press: 'ArrowLeft' }] },
        ],
      },
      {
        name: 'Open the families not reached yet (the class’s teacher)',
        views: ['own-classes'],
        steps: [{ does: 'open', focus: '[part~="unreached"] summary', keys: [{ press: 'Enter' }] }],
      },
      {
        name: 'A live change while choosing a measure',
        steps: [
          {
            does: 'the next measure, a parent answers meanwhile',
            focus: 'input[name="measure"]',
            keys: [{ press: 'ArrowRight' }],
            meanwhile: ({ live }) => live(),
          },
        ],
      },
    ],
  },
  'samen-lesson-clip': {
    actions: [
      {
        name: 'send an answer while a live update re-renders the card',
        views: ['parent'],
        steps: [
          { does: 'type the answer', focus: '[part~="answer-input"]', keys: [{ type: 'We hebben het samen geoefend' }] },
          {
            does: 'send it; while it is on its way, the other parent’s answer arrives live and replaces the form',
            focus: '[part~="send-button"]',
            keys: [{ press: 'Enter' }],
            // The send is held at the adapter until the other answer shows: this order, whatever
            // the machine's load (a send timed to stay out for 400 ms could land first on CI).
            meanwhile: async ({ adapter, el }) => {
              const save = adapter.saveHomeAnswer.bind(adapter);
              let sent = false;
              let release = () => {};
              const held = new Promise<void>((resolve) => (release = resolve));
              adapter.saveHomeAnswer = async (...args) => {
                sent = true;
                await held;
                return save(...args);
              };
              await waitUntil(() => sent, 'the send reached the adapter');
              await adapter.forViewer('parent-1').saveHomeAnswer({ id: writeId(), clipId: 'wish-2', kind: 'text', text: LIVE_TEXT });
              await waitUntil(
                () => shows(el, LIVE_TEXT) && !has(el, '[part~="send-button"]'),
                'the other answer arrived live and replaced the form while the send was out',
              );
              release();
            },
          },
          {
            does: 'the send lands',
            until: ({ el }) => shows(el, 'We hebben het samen geoefend') && !has(el, '[part~="answer-input"]'),
          },
        ],
      },
      {
        name: 'an empty Send',
        views: ['parent'],
        steps: [{ does: 'press Send with nothing typed', focus: '[part~="send-button"]', keys: [{ press: 'Enter' }] }],
      },
      previewSwitch(parentAnswer),
    ],
  },
  'samen-feedback-bar': {
    actions: [
      {
        name: 'a reaction, pressed twice, with a live update meanwhile',
        views: ['parent'],
        steps: [
          {
            does: 'press a reaction',
            focus: '[role="toolbar"] [part~="reaction"]',
            keys: [{ press: 'Enter' }],
            meanwhile: parentReply,
            until: ({ el }) => shows(el, LIVE_TEXT),
          },
          { does: 'press it again', keys: [{ press: 'Space' }] },
        ],
      },
      {
        name: 'a reply that fails, then Retry (the Retry button disappears)',
        views: ['parent'],
        setup: ({ adapter }) => adapter.failNext('addReply', 'unavailable'),
        steps: [
          { does: 'type a reply', focus: '[part~="reply-input"]', keys: [{ type: 'Thuis ging het goed' }] },
          {
            does: 'send it (it fails)',
            focus: '[part~="send-button"]',
            keys: [{ press: 'Enter' }],
            until: ({ el }) => has(el, '.send-error button'),
          },
          {
            does: 'Retry',
            focus: '.send-error button',
            keys: [{ press: 'Enter' }],
            until: ({ el }) => !has(el, '.send-error') && shows(el, 'Thuis ging het goed'),
          },
        ],
      },
      previewSwitch(parentReply),
    ],
  },
  'samen-reward-chart': {
    actions: [
      {
        name: 'give a sticker, then Undo (the Undo button disappears)',
        views: ['teacher'],
        steps: [
          {
            does: 'give a sticker',
            focus: '[part~="award-button"]',
            keys: [{ press: 'Enter' }],
            until: ({ el }) => has(el, '[part~="undo-button"]'),
          },
          {
            does: 'Undo',
            focus: '[part~="undo-button"]',
            keys: [{ press: 'Enter' }],
            until: ({ el }) => !has(el, '[part~="undo-button"]'),
          },
        ],
      },
      {
        name: 'a home sticker, with a live update meanwhile',
        views: ['parent'],
        steps: [
          {
            does: 'add a home sticker',
            focus: '[part~="home-sticker"] button[type="submit"], [part~="home-sticker"] button',
            keys: [{ press: 'Enter' }],
            meanwhile: ({ adapter }) =>
              adapter.forViewer('teacher-1').award({ id: writeId(), chartId: 'personal-child-1', expectationId: 'p1', reason: LIVE_TEXT }),
          },
        ],
      },
    ],
  },
  'samen-feelings-checkin': {
    actions: [
      {
        name: 'pick a feeling and a strength with the arrow keys, save, with a live update meanwhile',
        views: ['child', 'parent'],
        steps: [
          { does: 'pick a feeling', focus: '[part~="feelings"] input[type="radio"]', keys: [{ press: 'ArrowRight' }, { press: 'Space' }] },
          {
            does: 'pick a strength',
            focus: 'input[name="strength"]',
            keys: [{ press: 'ArrowRight' }, { press: 'Space' }],
          },
          {
            does: 'save',
            focus: '[part~="save-button"]',
            keys: [{ press: 'Enter' }],
            meanwhile: ({ live }) => live(),
            until: ({ el }) => has(el, '.today'),
          },
        ],
      },
      previewSwitch(({ live }) => live()),
    ],
  },
  'samen-expectation-matrix': {
    actions: [
      {
        name: 'share a success, with a live update meanwhile',
        views: ['parent'],
        steps: [
          { does: 'type the success', focus: '[part~="success-form"] textarea', keys: [{ type: 'Zelf opgeruimd' }] },
          {
            does: 'share it',
            focus: '[part~="success-form"] button[type="submit"]',
            keys: [{ press: 'Enter' }],
            meanwhile: ({ live }) => live(),
            until: ({ el }) => shows(el, 'Gedeeld'),
          },
        ],
      },
      {
        name: 'edit the matrix: open the editor, then close it',
        views: ['teacher'],
        steps: [{ does: 'open the editor', focus: '[part~="edit-button"]', keys: [{ press: 'Enter' }] }],
      },
      {
        name: 'in the editor: move the last value up twice, then remove every value (the last one too)',
        views: ['teacher'],
        steps: [
          {
            does: 'open the editor',
            focus: '[part~="edit-button"]',
            keys: [{ press: 'Enter' }],
            until: ({ el }) => has(el, '.axis-editor'),
          },
          { does: 'move the last value up', focus: '.axis-editor ol > li:last-child button', keys: [{ press: 'Enter' }] },
          { does: 'move it up again (focus followed it)', keys: [{ press: 'Enter' }] },
          ...[1, 2, 3].map((n) => ({
            does: `remove value ${4 - n} of 3`,
            focus: '.axis-editor ol > li:last-child button:last-of-type',
            keys: [{ press: 'Enter' }],
          })),
        ],
      },
    ],
  },
  'samen-clip-composer': {
    actions: [
      {
        name: 'Stop an upload (the Stop button disappears)',
        adapter: { uploadMs: 3000 },
        setup: async ({ el }) => {
          (el as HTMLElement & { addFiles(files: File[]): void }).addFiles([
            new File([new Uint8Array(64).fill(7)], 'klas.png', { type: 'image/png' }),
          ]);
          for (let i = 0; i < 200 && !has(el, '[part~="upload"] button'); i++) await sleep(10);
        },
        steps: [
          {
            does: 'Stop',
            focus: '[part~="upload"] button',
            keys: [{ press: 'Enter' }],
            until: ({ el }) => !has(el, '[part~="upload"]'),
          },
        ],
      },
    ],
  },
  'samen-programme-intro': {
    actions: [
      {
        name: 'open and close the home folder while the timeline moves on',
        steps: [
          {
            does: 'open the folder; meanwhile lesson 3 is posted',
            focus: '[part~="folder"] summary',
            keys: [{ press: 'Enter' }],
            meanwhile: ({ live }) => live(),
            until: ({ el }) => ($(el, '[part~="folder"]') as HTMLDetailsElement | null)?.open === true,
          },
          { does: 'close it', keys: [{ press: 'Space' }] },
        ],
      },
      previewSwitch(({ live }) => live()),
    ],
  },
  'samen-meeting': {
    actions: [
      {
        name: 'answer yes and send (the form gives way to the answer), then change it',
        views: ['parent'],
        steps: [
          { does: 'choose "yes"', focus: 'input[name="answer"][value="yes"]', keys: [{ press: 'Space' }] },
          {
            does: 'send; the form disappears',
            focus: '[part~="rsvp"] [part~="send-button"]',
            keys: [{ press: 'Enter' }],
            until: ({ el }) => has(el, '[part~="answer"]'),
          },
          {
            does: 'change the answer: the form comes back',
            focus: '[part~="answer"] button',
            keys: [{ press: 'Enter' }],
            until: ({ el }) => has(el, '[part~="rsvp"]'),
          },
        ],
      },
      {
        name: 'type on the preparation sheet and send it',
        views: ['parent'],
        steps: [
          { does: 'type keywords', focus: '#sheet-keywords', keys: [{ type: 'voetbal, tekenen' }] },
          {
            does: 'send the sheet',
            focus: '[part~="sheet"] [part~="send-button"]',
            keys: [{ press: 'Enter' }],
            until: ({ el }) => shows(el, 'Verstuurd.'),
          },
        ],
      },
      previewSwitch(({ adapter }) =>
        adapter.forViewer('parent-1').saveRsvp({ id: writeId(), meetingId: 'wish-conversation', answer: 'yes', people: 2 }),
      ),
    ],
  },
  // Evaluations (issue 25): answer and send (the form gives way to the thank-you), change the answers; the teacher adds a question.
  'samen-evaluation': {
    actions: [
      {
        name: 'answer, send (the form gives way to the thank-you), then change the answers',
        views: ['parent', 'child'],
        steps: [
          { does: 'choose "yes"', focus: 'fieldset input[value="yes"]', keys: [{ press: 'Space' }] },
          {
            does: 'send; the form disappears',
            focus: '[part~="send-button"]',
            keys: [{ press: 'Enter' }],
            until: ({ el }) => has(el, '[part~="thanks"]'),
          },
          {
            does: 'change the answers: the form comes back',
            focus: '[part~="thanks"] button',
            keys: [{ press: 'Enter' }],
            until: ({ el }) => has(el, '[part~="form"]'),
          },
        ],
      },
      {
        name: 'add a question of the school’s own',
        views: ['teacher'],
        steps: [
          { does: 'type the question', focus: '#new-question', keys: [{ type: 'Was de tijd handig?' }] },
          {
            does: 'add it',
            keys: [{ press: 'Enter' }],
            until: ({ el }) => shows(el, 'Was de tijd handig?') && shows(el, 'De vragen zijn opgeslagen.'),
          },
        ],
      },
      previewSwitch(({ adapter }) =>
        adapter
          .forViewer('parent-1')
          .submitEvaluationResponse({ id: writeId(), evaluationId: 'eval-wish-after', answers: [{ questionId: 'rating', value: '4' }] }),
      ),
    ],
  },
};
