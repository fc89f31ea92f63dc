/**
 * The class board (issue 24): `<samen-lesson-clip view="child">` is what the class sees together
 * on the digiboard. Counts of families (one or two as "a few"), and only the answers families
 * chose to share, without a name anywhere in the card: not in its text, not in an attribute.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { createDemoState, type DemoState } from '../../src/adapters/demo-data.js';
import { configure } from '../../src/core/context.js';
import type { SamenErrorDetail } from '../../src/core/events.js';
import type { SamenLessonClip } from '../../src/lesson-clip/lesson-clip.js';
import { NOW, losingFirstAnswer, settled } from '../helpers/fixtures.js';
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

/** wish-2 as `parent` sees it, loaded. */
async function parentsClip(parent: MemoryAdapter): Promise<SamenLessonClip> {
  const wrapper = await fixture<HTMLElement>(html`<samen-provider .adapter=${parent} locale="nl">
    <samen-lesson-clip clip-id="wish-2"></samen-lesson-clip>
  </samen-provider>`);
  const el = wrapper.querySelector('samen-lesson-clip')!;
  await settled(el);
  return el;
}

/** `words` in the answer box, as typing puts them there. */
async function typeAnswer(el: SamenLessonClip, words: string): Promise<void> {
  const area = root(el).querySelector<HTMLTextAreaElement>('[part~="answer-input"]')!;
  area.value = words;
  area.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

describe('<samen-lesson-clip> sharing an answer with the class', () => {
  it('is off by default: an answer is shared only when the parent ticks "De klas mag ons antwoord zien, zonder naam"', async () => {
    const adapter = school();
    const parent = adapter.forViewer('parent-1');
    const el = await parentsClip(parent);
    const box = root(el).querySelector<HTMLInputElement>('[part~="share-choice"] input[type="checkbox"]')!;
    expect(box, 'the choice is there').to.not.equal(null);
    expect(box.checked, 'off by default').to.equal(false);
    expect(root(el).querySelector('[part~="share-choice"]')!.textContent).to.contain('De klas mag ons antwoord zien, zonder naam');
    await expect(el).to.be.accessible();

    const send = async (words: string) => {
      await typeAnswer(el, words);
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

  it('a send whose answer never came back, sent again shared with the class: one answer, shared, and no error', async () => {
    const adapter = school();
    const parent = adapter.forViewer('parent-1');
    // The first send is stored, but its answer never reaches the phone.
    losingFirstAnswer(parent, 'saveHomeAnswer');
    const el = await parentsClip(parent);
    await typeAnswer(el, 'Zij oefende het met haar broertje.');
    root(el).querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    await waitUntil(() => root(el).querySelector('.send-error[role="alert"]'), 'the failed send says so');

    // Now also for the class: ticked, and sent again.
    root(el).querySelector<HTMLInputElement>('[part~="share-choice"] input')!.click();
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    await waitUntil(() => root(el).querySelector('[part~="answer"] .answer-text'), 'the answer shows');
    expect(root(el).querySelector('[role="alert"]'), 'no error').to.equal(null);
    expect(text(el)).to.contain('De klas mag dit zien, zonder naam.');
    expect((await adapter.getClassBoard('wish-2')).answers.map((a) => a.text)).to.include('Zij oefende het met haar broertje.');
    const mine = adapter.state.answers.filter((a) => a.clipId === 'wish-2' && a.familyId === 'fam-01');
    expect(mine.map((a) => [a.text, a.shareWithClass])).to.deep.equal([['Zij oefende het met haar broertje.', true]]);
  });
});

describe('<samen-lesson-clip view="child"> the board while it is open', () => {
  it('hears families react and answer live: the figures change without a reload', async () => {
    const adapter = school((state) => {
      delete state.reactions['wish-2'];
      state.answers = state.answers.filter((a) => a.clipId !== 'wish-2');
      state.seen = state.seen.filter((s) => s.clipId !== 'wish-2');
    });
    const el = await board(adapter);
    const reacted = () => root(el).querySelector('.figure-reacted')!.textContent.replace(/\s+/g, ' ').trim();
    const talked = () => root(el).querySelector('.figure-talked')!.textContent.replace(/\s+/g, ' ').trim();
    expect(reacted()).to.equal('0 gezinnen stuurden een reactie');
    // Three families of the class react to the clip on their phones while the class looks at the board.
    for (const parent of ['parent-1', 'parent-3', 'parent-5'])
      await adapter.forViewer(parent).setReaction({ id: `react-${parent}`, targetId: 'wish-2', reaction: 'clap', on: true });
    await waitUntil(() => reacted() === '3 gezinnen stuurden een reactie', `the reactions reach the board (shows "${reacted()}")`);
    expect(talked()).to.equal('0 gezinnen praatten erover');
    for (const parent of ['parent-1', 'parent-3', 'parent-5'])
      await adapter.forViewer(parent).saveHomeAnswer({ id: `answer-${parent}`, clipId: 'wish-2', kind: 'talked' });
    await waitUntil(() => talked() === '3 gezinnen praatten erover', `the answers reach the board (shows "${talked()}")`);
  });
});

describe('<samen-lesson-clip view="child"> counts in Polish and Ukrainian', () => {
  it('chooses the form of family for 1, 2, 3, 4, 5, 12 and 22 (and "a few")', async () => {
    const { pl } = await import('../../src/lesson-clip/locales/pl.js');
    const { uk } = await import('../../src/lesson-clip/locales/uk.js');
    const counts = [1, 2, 3, 4, 5, 12, 22] as const;
    expect(counts.map((n) => `${n} ${pl.boardSeen(n)}`)).to.deep.equal([
      '1 rodzina obejrzała film',
      '2 rodziny obejrzały film',
      '3 rodziny obejrzały film',
      '4 rodziny obejrzały film',
      '5 rodzin obejrzało film',
      '12 rodzin obejrzało film',
      '22 rodziny obejrzały film',
    ]);
    expect(counts.map((n) => `${n} ${pl.boardTalked(n)}`)).to.deep.equal([
      '1 rodzina rozmawiała o tym',
      '2 rodziny rozmawiały o tym',
      '3 rodziny rozmawiały o tym',
      '4 rodziny rozmawiały o tym',
      '5 rodzin rozmawiało o tym',
      '12 rodzin rozmawiało o tym',
      '22 rodziny rozmawiały o tym',
    ]);
    expect(counts.map((n) => `${n} ${pl.boardReacted(n)}`)).to.deep.equal([
      '1 rodzina wysłała reakcję',
      '2 rodziny wysłały reakcję',
      '3 rodziny wysłały reakcję',
      '4 rodziny wysłały reakcję',
      '5 rodzin wysłało reakcję',
      '12 rodzin wysłało reakcję',
      '22 rodziny wysłały reakcję',
    ]);
    expect(`${pl.boardFew} ${pl.boardSeen('few')}`).to.equal('Kilka rodzin obejrzało film');
    expect(counts.map((n) => `${n} ${uk.boardSeen(n)}`)).to.deep.equal([
      '1 родина переглянула відео',
      '2 родини переглянули відео',
      '3 родини переглянули відео',
      '4 родини переглянули відео',
      '5 родин переглянули відео',
      '12 родин переглянули відео',
      '22 родини переглянули відео',
    ]);
    expect(counts.map((n) => `${n} ${uk.boardTalked(n)}`)).to.deep.equal([
      '1 родина поговорила про це',
      '2 родини поговорили про це',
      '3 родини поговорили про це',
      '4 родини поговорили про це',
      '5 родин поговорили про це',
      '12 родин поговорили про це',
      '22 родини поговорили про це',
    ]);
    expect(counts.map((n) => `${n} ${uk.boardReacted(n)}`)).to.deep.equal([
      '1 родина надіслала реакцію',
      '2 родини надіслали реакцію',
      '3 родини надіслали реакцію',
      '4 родини надіслали реакцію',
      '5 родин надіслали реакцію',
      '12 родин надіслали реакцію',
      '22 родини надіслали реакцію',
    ]);
    expect(`${uk.boardFew} ${uk.boardSeen('few')}`).to.equal('Кілька родин переглянули відео');
  });

  it('shows each figure with its own form on the board, and reads it aloud the same way', async () => {
    class FixedBoard extends MemoryAdapter {
      override async getClassBoard(clipId: string) {
        return { clipId, seen: 22, talked: 12, reacted: 'few' as const, answers: [] };
      }
    }
    const state = createDemoState({ locale: 'nl', seed: 7, now: NOW });
    for (const [locale, expected] of [
      ['pl', ['22 rodziny obejrzały film', '12 rodzin rozmawiało o tym', 'Kilka rodzin wysłało reakcję']],
      ['uk', ['22 родини переглянули відео', '12 родин поговорили про це', 'Кілька родин надіслали реакцію']],
    ] as const) {
      const el = await board(new FixedBoard({ state: structuredClone(state), viewerId: 'child-login-1' }), locale);
      await waitUntil(() => root(el).querySelector('[part~="board"]'), `the board in ${locale}`);
      await settled(el);
      expect(figures(el)).to.deep.equal([...expected]);
    }
  });
});
