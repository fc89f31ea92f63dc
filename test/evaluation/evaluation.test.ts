import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { OutboxAdapter } from '../../src/adapters/outbox.js';
import type { SamenAdapter } from '../../src/core/adapter.js';
import type { SamenEvaluationResponseDetail } from '../../src/core/events.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-evaluation.js';
import type { SamenEvaluation } from '../../src/evaluation/evaluation.js';
import { NOW, settled } from '../helpers/fixtures.js';

const adapterFor = (viewerId = 'parent-1') => new MemoryAdapter({ now: NOW, viewerId });

async function renderEvaluation(
  adapter: SamenAdapter | undefined,
  { id = 'eval-wish-after', view = 'parent', locale = 'nl' } = {},
): Promise<SamenEvaluation> {
  const wrapper = await fixture<HTMLElement>(html`<div>
    <samen-provider .adapter=${adapter} locale=${locale}>
      <samen-evaluation evaluation-id=${id} view=${view}></samen-evaluation>
    </samen-provider>
  </div>`);
  const el = wrapper.querySelector('samen-evaluation')!;
  await settled(el);
  return el;
}

const $ = <E extends Element = HTMLElement>(el: SamenEvaluation, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const text = (el: SamenEvaluation) => el.shadowRoot!.textContent.replace(/\s+/g, ' ');
const choose = async (el: SamenEvaluation, question: string, value: string) => {
  $<HTMLInputElement>(el, `input[name="q-${question}"][value="${value}"]`)!.click();
  await el.updateComplete;
};
const send = (el: SamenEvaluation) => $<HTMLButtonElement>(el, '[part~="send-button"]')!.click();

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

describe('<samen-evaluation> parent', () => {
  it('is accessible, asks the WIsH questions and the school’s own, and says the answers are anonymous', async () => {
    const el = await renderEvaluation(adapterFor());
    await expect(el).to.be.accessible();
    expect($(el, '[part~="title"]')!.textContent.trim()).to.equal('WIsH, groep 6');
    const legends = [...el.shadowRoot!.querySelectorAll('legend')].map((l) => l.textContent.replace(/\s+/g, ' ').trim());
    expect(legends).to.deep.equal([
      'Weet je wat je kind leert in deze lessen?',
      'Heb je thuis over de lessen gepraat?',
      'Was je bij de laatste les?',
      'Hoe vond je de lessen?',
      'Zou je weer naar een ouderavond over WIsH komen?',
    ]);
    expect($(el, '[part~="anonymity"]')!.textContent).to.equal('Je antwoorden zijn anoniem: de school ziet niet wat jij hebt ingevuld.');
  });

  it('says plainly when the school sees who answered', async () => {
    const adapter = adapterFor();
    adapter.state.evaluations!['eval-wish-after']!.anonymous = false;
    const el = await renderEvaluation(adapter);
    expect($(el, '[part~="anonymity"]')!.textContent).to.equal('Let op: de school ziet wie deze antwoorden gaf.');
  });

  it('sends the answers as pairs with a client id, thanks, and lets the parent change them', async () => {
    const adapter = adapterFor();
    const el = await renderEvaluation(adapter);
    await choose(el, 'goals', 'yes');
    await choose(el, 'rating', '5');
    const fired = oneEvent<CustomEvent<SamenEvaluationResponseDetail>>(el, 'samen-evaluation-response');
    send(el);
    const { detail } = await fired;
    expect(detail.evaluationId).to.equal('eval-wish-after');
    await waitUntil(() => !!$(el, '[part~="thanks"]'));
    expect($(el, '[part~="thanks"]')!.textContent).to.include('Dank je wel!');
    expect(el.shadowRoot!.activeElement?.id).to.equal('thanks-heading');
    const call = adapter.calls.find((c) => c.method === 'submitEvaluationResponse')!.input as { id: string; answers: unknown };
    expect(call.id).to.equal(detail.id);
    expect(call.answers).to.deep.equal([
      { questionId: 'goals', value: 'yes' },
      { questionId: 'rating', value: '5' },
    ]);
    // Change my answers: the form again, with what was sent.
    $<HTMLButtonElement>(el, '[part~="thanks"] button')!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, 'input[name="q-rating"][value="5"]')!.checked).to.equal(true);
    await choose(el, 'rating', '3');
    send(el);
    await waitUntil(() => !!$(el, '[part~="thanks"]'));
    const form = await adapter.getEvaluation('eval-wish-after');
    expect(form.answers).to.deep.equal([
      { questionId: 'goals', value: 'yes' },
      { questionId: 'rating', value: '3' },
    ]);
    // One response per household: the second replaced the first.
    expect(
      adapter.state.evaluationResponses!.filter((r) => r.respondent === 'household:fam-01' && r.evaluationId === 'eval-wish-after'),
    ).to.have.length(1);
  });

  it('nothing chosen: not sent, and says so', async () => {
    const adapter = adapterFor();
    const el = await renderEvaluation(adapter);
    send(el);
    await waitUntil(() => text(el).includes('Kies eerst een antwoord bij minstens één vraag.'));
    expect(adapter.calls.map((c) => c.method)).to.not.include('submitEvaluationResponse');
  });

  it('the answers survive a reload, then are sent', async () => {
    const adapter = adapterFor();
    let el = await renderEvaluation(adapter);
    await choose(el, 'talked', 'no');
    const area = $<HTMLTextAreaElement>(el, 'textarea');
    expect(area).to.equal(null); // the seeded form has no open question
    el.remove();
    el = await renderEvaluation(adapter);
    expect($<HTMLInputElement>(el, 'input[name="q-talked"][value="no"]')!.checked).to.equal(true);
    send(el);
    await waitUntil(() => !!$(el, '[part~="thanks"]'));
    expect((await adapter.getEvaluation('eval-wish-after')).answers).to.deep.equal([{ questionId: 'talked', value: 'no' }]);
  });

  it('a failed send keeps the answers; the retry (and a reload) reuse the same key, so nothing is stored twice', async () => {
    const adapter = adapterFor();
    adapter.failNext('submitEvaluationResponse', 'unavailable');
    let el = await renderEvaluation(adapter);
    await choose(el, 'goals', 'no');
    send(el);
    await waitUntil(() => !!$(el, '.send-error[role="alert"]'));
    expect($<HTMLInputElement>(el, 'input[name="q-goals"][value="no"]')!.checked).to.equal(true);
    el.remove();
    el = await renderEvaluation(adapter);
    send(el);
    await waitUntil(() => !!$(el, '[part~="thanks"]'));
    const keys = adapter.calls.filter((c) => c.method === 'submitEvaluationResponse').map((c) => (c.input as { id: string }).id);
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
    expect(adapter.appliedWrites).to.equal(1);
  });

  it('offline: kept in the outbox, thanked, and sent once the connection is back', async () => {
    const inner = adapterFor();
    inner.fail('submitEvaluationResponse', 'offline');
    const dbName = `evaluation-test-${crypto.randomUUID()}`;
    const outbox = new OutboxAdapter(inner, { dbName, backoffMs: 60_000 });
    const el = await renderEvaluation(outbox);
    await choose(el, 'goals', 'yes');
    const fired = oneEvent<CustomEvent<SamenEvaluationResponseDetail>>(el, 'samen-evaluation-response');
    send(el);
    expect((await fired).detail.queued).to.equal(true);
    await waitUntil(() => text(el).includes('Bewaard op dit apparaat'));
    inner.recover();
    await outbox.flush();
    await waitUntil(async () => (await inner.getEvaluation('eval-wish-after')).answered);
    indexedDB.deleteDatabase(dbName);
  });

  it('keyboard only: Tab reaches the answers, arrows choose, Enter sends', async () => {
    const adapter = adapterFor();
    const el = await renderEvaluation(adapter);
    $<HTMLInputElement>(el, 'input[name="q-goals"][value="yes"]')!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, 'input[name="q-goals"][value="no"]')!.checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect((el.shadowRoot!.activeElement as HTMLInputElement | null)?.name).to.equal('q-talked');
    $<HTMLButtonElement>(el, '[part~="send-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !!$(el, '[part~="thanks"]'));
    expect((await adapter.getEvaluation('eval-wish-after')).answers).to.deep.equal([{ questionId: 'goals', value: 'no' }]);
  });

  it('a parent never sees results: the teacher view is "Geen toegang" and the port refuses them', async () => {
    const adapter = adapterFor();
    const el = await renderEvaluation(adapter, { view: 'teacher' });
    expect($(el, '[part~="error"]')!.textContent).to.include('Geen toegang');
    expect(adapter.calls.map((c) => c.method)).to.not.include('getEvaluationResults');
    const refused = await adapter.getEvaluationResults({ programmeRunId: 'wish-groep6' }).then(
      () => 'allowed',
      (error: { kind: string }) => error.kind,
    );
    expect(refused).to.equal('forbidden');
  });
});

describe('<samen-evaluation> child', () => {
  it('is accessible, with faces for the scale, big targets and the child’s questions', async () => {
    const el = await renderEvaluation(adapterFor('child-login-1'), { view: 'child' });
    await expect(el).to.be.accessible();
    expect($(el, '[part~="anonymity"]')!.textContent).to.equal('Niemand op school ziet wat jij kiest.');
    const faces = [...el.shadowRoot!.querySelectorAll('input[name="q-child-liked"]')].map((i) =>
      i.closest('label')!.textContent.replace(/\s+/g, ' ').trim(),
    );
    expect(faces).to.deep.equal(['Niet leuk', 'Een beetje', 'Gaat wel', 'Leuk', 'Heel leuk']);
    // Each with its own drawn face (not an emoji, which some devices show as an empty box).
    const drawn = [...el.shadowRoot!.querySelectorAll('input[name="q-child-liked"]')].map(
      (i) => i.closest('label')!.querySelector('svg.face path')?.getAttribute('d') ?? '',
    );
    expect(new Set(drawn).size, 'five different faces').to.equal(5);
    const option = $(el, 'input[name="q-child-liked"]')!.closest('label')!;
    expect(option.getBoundingClientRect().height).to.be.at.least(44);
    expect(option.getBoundingClientRect().width).to.be.at.least(44);
  });
});

describe('<samen-evaluation> teacher', () => {
  it('is accessible and shows response rates per audience, before and after side by side', async () => {
    const el = await renderEvaluation(adapterFor('teacher-1'), { view: 'teacher' });
    await expect(el).to.be.accessible();
    const rates = $(el, '.rates')!;
    expect([...rates.querySelectorAll('thead th')].map((th) => th.textContent.trim())).to.deep.equal(['Vooraf', 'Achteraf']);
    const rows = [...rates.querySelectorAll('tbody tr')].map((tr) => tr.textContent.replace(/\s+/g, ' ').trim());
    expect(rows[0]).to.match(/^Ouders \d+ van \d+ \(\d+%\) ?\d+ van \d+ \(\d+%\)$/);
    expect(rows.map((r) => r.split(' ')[0])).to.deep.equal(['Ouders', 'Kinderen', 'Leerkrachten', 'Trainer']);
  });

  it('shows no figure below the minimum group size, whatever the backend sends', async () => {
    const adapter = adapterFor('teacher-1');
    const real = adapter.getEvaluationResults.bind(adapter);
    // A backend that sends counts for one answer: the widget still shows none.
    adapter.getEvaluationResults = async (query, options) => {
      const results = await real(query, options);
      for (const phase of results.phases)
        for (const q of phase.questions) if (q.audience === 'teacher') q.counts = [{ value: '4', count: 1 }];
      return results;
    };
    const el = await renderEvaluation(adapter, { view: 'teacher' });
    const teacherSection = [...el.shadowRoot!.querySelectorAll('.audience-results')].find(
      (s) => s.querySelector('h5, h4')?.textContent === 'Leerkrachten',
    )!;
    expect(teacherSection.textContent).to.include('Te weinig antwoorden');
    expect(teacherSection.textContent).to.not.match(/gemiddeld/);
    expect(text(el)).to.include('Cijfers staan er alleen als het aantal antwoorden minstens 5 is');
  });

  it('adds a question of the school’s own, which parents then get', async () => {
    const adapter = adapterFor('teacher-1');
    const el = await renderEvaluation(adapter, { view: 'teacher' });
    const input = $<HTMLInputElement>(el, '#new-question')!;
    input.value = 'Was de tijd van de les handig?';
    input.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    $<HTMLButtonElement>(el, '.add button[type="submit"]')!.click();
    await waitUntil(() => ($(el, '[part~="editor"]')?.textContent ?? '').includes('Was de tijd van de les handig?'));
    const parentForm = await adapter.forViewer('parent-1').getEvaluation('eval-wish-after');
    expect(parentForm.questions.map((q) => q.text)).to.include('Was de tijd van de les handig?');
    const childForm = await adapter.forViewer('child-login-1').getEvaluation('eval-wish-after');
    expect(childForm.questions.map((q) => q.text)).to.not.include('Was de tijd van de les handig?');
  });
});
