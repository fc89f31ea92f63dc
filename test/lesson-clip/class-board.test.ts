/**
 * The class board (issue 24): `<samen-lesson-clip view="child">` is what the class sees together
 * on the digiboard. Counts of families (one or two as "a few"), and only the answers families
 * chose to share, without a name anywhere in the card: not in its text, not in an attribute.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { createDemoState, type DemoState } from '../../src/adapters/demo-data.js';
import { configure } from '../../src/core/context.js';
import type { SamenErrorDetail } from '../../src/core/events.js';
import type { SamenLessonClip } from '../../src/lesson-clip/lesson-clip.js';
import { NOW, settled } from '../helpers/fixtures.js';
import { fakeSpeech } from '../helpers/speech.js';

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (el: HTMLElement) => root(el).textContent.replace(/\s+/g, ' ');

/** Every word in the card a person could read: its text and every attribute value, deep. */
function everythingShown(el: HTMLElement): string {
  const parts: string[] = [];
  const walk = (node: ParentNode) => {
    for (const child of node.querySelectorAll('*')) {
      for (const attr of child.attributes) parts.push(attr.value);
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  parts.push(root(el).textContent);
  walk(root(el));
  return parts.join('\n');
}

/** Every name the demo school knows: families, households, carers, children, staff. */
function namesIn(state: DemoState): string[] {
  const names = new Set<string>();
  for (const families of Object.values(state.families)) {
    for (const f of families) {
      names.add(f.name);
      for (const h of (f as { households?: { name?: string }[] }).households ?? []) if (h.name) names.add(`${f.name} — ${h.name}`);
    }
  }
  for (const v of state.viewers) if (v.name) names.add(v.name);
  for (const chart of Object.values(state.charts)) if (chart.childName) names.add(chart.childName);
  for (const c of state.checkins) if (c.childName) names.add(c.childName);
  for (const a of state.answers) if (a.familyName) names.add(a.familyName);
  return [...names].filter((n) => n.length >= 3);
}

function school(change?: (state: DemoState) => void): MemoryAdapter {
  const state = createDemoState({ locale: 'nl', seed: 7, now: NOW });
  change?.(state);
  return new MemoryAdapter({ state, viewerId: 'child-login-1' });
}

async function board(adapter: MemoryAdapter, locale = 'nl', clipId = 'wish-2'): Promise<SamenLessonClip> {
  const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${adapter} locale=${locale}>
    <samen-lesson-clip clip-id=${clipId} view="child"></samen-lesson-clip>
  </samen-provider>`);
  const el = wrapper.querySelector('samen-lesson-clip')!;
  await settled(el);
  return el;
}

const figures = (el: HTMLElement) => [...root(el).querySelectorAll('.figure')].map((f) => f.textContent.replace(/\s+/g, ' ').trim());

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
  configure({ adapter: undefined, locale: undefined });
});

describe('<samen-lesson-clip view="child"> the class board', () => {
  it('shows what was learned, the counts and the shared answers, and no name of a child, carer or family anywhere', async () => {
    const secret = 'Familie Geheimnaam';
    const adapter = school((state) => {
      // A shared answer and a private one, both from families with names the card must never show.
      state.answers.push(
        {
          id: 'shared-1',
          clipId: 'wish-2',
          familyId: 'fam-05',
          familyName: secret,
          kind: 'text',
          text: 'Wij hebben drie dingen bedacht.',
          shareWithClass: true,
          updatedAt: NOW.toISOString(),
        },
        {
          id: 'private-1',
          clipId: 'wish-2',
          familyId: 'fam-06',
          familyName: 'Familie Stil',
          kind: 'text',
          text: 'Alleen voor de juf bedoeld.',
          updatedAt: NOW.toISOString(),
        },
      );
    });
    const names = [...namesIn(adapter.state), secret, 'Familie Stil'];
    expect(names.length, 'the demo school is full of names').to.be.greaterThan(30);
    const el = await board(adapter);

    expect(root(el).querySelector('[part~="board"]'), 'the board is shown').to.not.equal(null);
    expect(root(el).querySelector('[part~="learned"]')).to.not.equal(null);
    expect(text(el)).to.contain('Wij hebben drie dingen bedacht.');
    expect(text(el), 'an answer the family did not share').to.not.contain('Alleen voor de juf bedoeld.');
    // Nothing of the parent's or teacher's view on the board.
    expect(root(el).querySelector('[part~="answer-input"], [part~="reach"], [part~="not-reached"], samen-feedback-bar')).to.equal(null);

    const shown = everythingShown(el);
    const leaked = names.filter((name) => shown.includes(name));
    expect(leaked, 'names on the class board').to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('shows no name even when the adapter wrongly sends names, ids and exact small counts with the board', async () => {
    const adapter = school();
    const leaky = Object.assign(Object.create(adapter) as MemoryAdapter, {
      getClassBoard: async () => ({
        clipId: 'wish-2',
        seen: 2,
        talked: 1,
        reacted: 14,
        familyName: 'SECRET Familie Lek',
        families: [{ familyId: 'SECRET-fam', familyName: 'SECRET Familie Lek 2' }],
        answers: [
          {
            text: 'Gedeeld antwoord',
            familyName: 'SECRET Familie Lek 3',
            familyId: 'SECRET-fam-3',
            householdId: 'SECRET-h',
            updatedAt: NOW.toISOString(),
          },
        ],
      }),
    });
    const el = await board(leaky);
    expect(text(el)).to.contain('Gedeeld antwoord');
    expect(everythingShown(el)).to.not.contain('SECRET');
    // A host's exact 2 and 1 are still "a few" on the board.
    expect(figures(el)).to.deep.equal([
      'Een paar gezinnen keken het filmpje',
      'Een paar gezinnen praatten erover',
      '14 gezinnen stuurden een reactie',
    ]);
  });

  it('shows the families as big figures: the number from three on, "Een paar" for one or two, 0 for none', async () => {
    const adapter = school((state) => {
      state.seen = state.seen.filter((s) => s.clipId !== 'wish-2');
      state.answers = state.answers.filter((a) => a.clipId !== 'wish-2');
      for (const familyId of ['fam-02', 'fam-03', 'fam-04', 'fam-05']) state.seen.push({ clipId: 'wish-2', familyId });
      state.answers.push({ id: 'one', clipId: 'wish-2', familyId: 'fam-02', kind: 'talked', updatedAt: NOW.toISOString() });
      delete state.reactions['wish-2'];
    });
    const el = await board(adapter);
    expect(figures(el)).to.deep.equal([
      '4 gezinnen keken het filmpje',
      'Een paar gezinnen praatten erover',
      '0 gezinnen stuurden een reactie',
    ]);
    expect(text(el)).to.contain('Nog geen antwoorden voor de klas.');
    // Nor does the adapter give the exact small number to anyone who asks.
    const data = await adapter.getClassBoard('wish-2');
    expect([data.seen, data.talked, data.reacted]).to.deep.equal([4, 'few', 0]);
    expect(Object.keys(data).sort()).to.deep.equal(['answers', 'clipId', 'reacted', 'seen', 'talked']);
  });

  it('reads the figures and the shared answers aloud, from the keyboard', async () => {
    const speech = fakeSpeech();
    try {
      const adapter = school((state) => {
        state.answers.push({
          id: 'shared-2',
          clipId: 'wish-2',
          familyId: 'fam-07',
          familyName: 'Familie X',
          kind: 'text',
          text: 'Ze vertelde het hele verhaal.',
          shareWithClass: true,
          updatedAt: NOW.toISOString(),
        });
      });
      const el = await board(adapter);
      const button = root(el).querySelector<HTMLButtonElement>('[part~="board"] [part~="read-aloud"]')!;
      expect(button, 'a read-aloud button on the board').to.not.equal(null);
      button.focus();
      await sendKeys({ press: 'Enter' });
      const spoken = speech.spoken.map((u) => u.text).join(' ');
      expect(spoken).to.contain('Jullie filmpje thuis');
      expect(spoken).to.match(/\d+ gezinnen keken het filmpje|Een paar gezinnen keken het filmpje/);
      expect(spoken).to.contain('Ze vertelde het hele verhaal.');
      expect(spoken).to.not.contain('Familie X');
    } finally {
      speech.restore();
    }
  });

  it('is right to left in Arabic, with its own words', async () => {
    const el = await board(school(), 'ar');
    // Arabic's words load on first use: the card waits for them.
    await waitUntil(() => root(el).querySelector('[part~="board"]'), 'the board in Arabic');
    await settled(el);
    const card = root(el).querySelector('.card')!;
    expect(card.getAttribute('dir')).to.equal('rtl');
    expect(text(el)).to.contain('مقطعكم في البيت');
    await expect(el).to.be.accessible();
  });

  it('a parent, a parent of another class and a care coordinator cannot read the board', async () => {
    const adapter = school();
    for (const viewerId of ['parent-1', 'parent-4', 'care-1']) {
      const error = await adapter
        .forViewer(viewerId)
        .getClassBoard('wish-2')
        .then(
          () => undefined,
          (e: { kind?: string }) => e.kind,
        );
      expect(error, viewerId).to.equal('forbidden');
    }
    // Nor does the card show it to a parent who sets view="child".
    const errors: SamenErrorDetail[] = [];
    const listener = (e: Event) => errors.push((e as CustomEvent<SamenErrorDetail>).detail);
    document.addEventListener('samen-error', listener);
    try {
      const el = await board(adapter.forViewer('parent-1'));
      expect(root(el).querySelector('[part~="board"]')).to.equal(null);
      expect(root(el).querySelector('[part~="error"]')).to.not.equal(null);
      expect(errors.map((e) => e.kind)).to.include('forbidden');
    } finally {
      document.removeEventListener('samen-error', listener);
    }
  });

  it('the teacher of the class sees the same board (a child view loaded on demand)', async () => {
    const el = await board(school().forViewer('teacher-1'));
    expect(root(el).querySelector('[part~="board"]')).to.not.equal(null);
    expect(figures(el)).to.have.length(3);
  });
});

describe('<samen-lesson-clip> sharing an answer with the class', () => {
  it('is off by default: an answer is shared only when the parent ticks "De klas mag ons antwoord zien, zonder naam"', async () => {
    const adapter = school();
    const parent = adapter.forViewer('parent-1');
    const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${parent} locale="nl">
      <samen-lesson-clip clip-id="wish-2"></samen-lesson-clip>
    </samen-provider>`);
    const el = wrapper.querySelector('samen-lesson-clip')!;
    await settled(el);
    const box = root(el).querySelector<HTMLInputElement>('[part~="share-choice"] input[type="checkbox"]')!;
    expect(box, 'the choice is there').to.not.equal(null);
    expect(box.checked, 'off by default').to.equal(false);
    expect(root(el).querySelector('[part~="share-choice"]')!.textContent).to.contain('De klas mag ons antwoord zien, zonder naam');
    await expect(el).to.be.accessible();

    const send = async (words: string) => {
      const area = root(el).querySelector<HTMLTextAreaElement>('[part~="answer-input"]')!;
      area.value = words;
      area.dispatchEvent(new Event('input'));
      await el.updateComplete;
      root(el).querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
      for (let i = 0; i < 50 && !root(el).querySelector('[part~="answer"] .answer-text'); i++) await new Promise((r) => setTimeout(r, 10));
      await el.updateComplete;
    };
    await send('Niet voor de klas.');
    expect((await adapter.getClassBoard('wish-2')).answers.map((a) => a.text)).to.not.include('Niet voor de klas.');

    // Changed, and this time shared: the box, reached by keyboard, ticked with Space.
    root(el).querySelector<HTMLButtonElement>('[part~="answer"] button')!.click();
    await el.updateComplete;
    const again = root(el).querySelector<HTMLInputElement>('[part~="share-choice"] input')!;
    expect(again.checked, 'still off: it was not shared').to.equal(false);
    again.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(again.checked).to.equal(true);
    await send('Voor de klas!');
    expect(text(el)).to.contain('De klas mag dit zien, zonder naam.');
    const shared = await adapter.getClassBoard('wish-2');
    expect(shared.answers.map((a) => a.text)).to.include('Voor de klas!');
    expect(JSON.stringify(shared)).to.not.contain('fam-01');
  });
});
