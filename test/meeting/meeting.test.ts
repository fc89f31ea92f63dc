import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { OutboxAdapter } from '../../src/adapters/outbox.js';
import type { SamenAdapter } from '../../src/core/adapter.js';
import type { SamenRsvpDetail } from '../../src/core/events.js';
import '../../src/define/samen-provider.js';
import '../../src/define/samen-meeting.js';
import type { SamenMeeting } from '../../src/meeting/meeting.js';
import { NOW, settled } from '../helpers/fixtures.js';

const adapterFor = (viewerId = 'parent-1', latency = 0) => new MemoryAdapter({ now: NOW, viewerId, latency });

async function renderMeeting(
  adapter: SamenAdapter | undefined,
  { id = 'wish-conversation', view = 'parent', rsvp = 'store', locale = 'nl' } = {},
): Promise<SamenMeeting> {
  const wrapper = await fixture<HTMLElement>(html`<div>
    <samen-provider .adapter=${adapter} locale=${locale}>
      <samen-meeting meeting-id=${id} view=${view} rsvp=${rsvp}></samen-meeting>
    </samen-provider>
  </div>`);
  const el = wrapper.querySelector('samen-meeting')!;
  await settled(el);
  return el;
}

const $ = <E extends Element = HTMLElement>(el: SamenMeeting, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const text = (el: SamenMeeting) => el.shadowRoot!.textContent.replace(/\s+/g, ' ');

async function answer(el: SamenMeeting, choice: 'yes' | 'maybe' | 'no', people?: number): Promise<void> {
  $<HTMLInputElement>(el, `input[name="answer"][value="${choice}"]`)!.click();
  await el.updateComplete;
  if (people !== undefined) {
    const input = $<HTMLInputElement>(el, '#people')!;
    input.value = String(people);
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
  }
  $<HTMLButtonElement>(el, '[part~="rsvp"] [part~="send-button"]')!.click();
}

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('samen:')) localStorage.removeItem(key);
});

describe('<samen-meeting> parent', () => {
  it('is accessible and shows when, where and what to bring', async () => {
    const el = await renderMeeting(adapterFor());
    await expect(el).to.be.accessible();
    expect($(el, '[part~="title"]')!.textContent.trim()).to.equal('Gesprek met ouder, kind en juf');
    const details = $(el, '[part~="details"]')!.textContent.replace(/\s+/g, ' ');
    expect(details).to.include('Wanneer').and.include('Waar').and.include('De Regenboog, lokaal groep 6');
    expect(details).to.include('Neem mee').and.include('voorbereidingsblad');
    expect($(el, 'fieldset legend')!.textContent).to.equal('Kom je?');
  });

  it('stores yes with the number of people, shows it and fires samen-rsvp with the meeting and the household', async () => {
    const adapter = adapterFor();
    const el = await renderMeeting(adapter);
    const fired = oneEvent<CustomEvent<SamenRsvpDetail>>(el, 'samen-rsvp');
    await answer(el, 'yes', 3);
    const { detail } = await fired;
    expect(detail).to.include({ meetingId: 'wish-conversation', answer: 'yes', people: 3, stored: true });
    expect(detail.household).to.deep.equal({ familyId: 'fam-01', name: 'Familie Jansen' });
    expect(detail.meeting.title).to.equal('Gesprek met ouder, kind en juf');
    await waitUntil(() => !!$(el, '[part~="answer"]'));
    expect($(el, '[part~="answer"]')!.textContent).to.include('Je komt, met 3 personen.');
    const stored = await adapter.getRsvp('wish-conversation');
    expect(stored).to.include({ familyId: 'fam-01', answer: 'yes', people: 3 });
    // The other carer of the same household sees the household's answer.
    expect(await adapter.forViewer('parent-2').getRsvp('wish-conversation')).to.include({ answer: 'yes' });
  });

  it('a "no" counts nobody and asks no number', async () => {
    const adapter = adapterFor();
    const el = await renderMeeting(adapter);
    $<HTMLInputElement>(el, 'input[value="no"]')!.click();
    await el.updateComplete;
    expect($(el, '#people')).to.equal(null);
    $<HTMLButtonElement>(el, '[part~="rsvp"] [part~="send-button"]')!.click();
    await waitUntil(() => !!$(el, '[part~="answer"]'));
    expect((await adapter.getRsvp('wish-conversation'))!.people).to.equal(0);
    expect(text(el)).to.include('Je komt niet.');
  });

  it('changes an answer: the form comes back with the answer chosen, focus on it', async () => {
    const adapter = adapterFor();
    const el = await renderMeeting(adapter);
    await answer(el, 'maybe', 2);
    await waitUntil(() => !!$(el, '[part~="answer"] button'));
    $<HTMLButtonElement>(el, '[part~="answer"] button')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('input[value="maybe"]') ?? false);
    expect($<HTMLInputElement>(el, 'input[value="maybe"]')!.checked).to.equal(true);
    expect($<HTMLInputElement>(el, '#people')!.value).to.equal('2');
  });

  it('offline: the answer is kept in the outbox, shown as given, and sent once the connection is back (never lost)', async () => {
    const inner = adapterFor();
    inner.fail('saveRsvp', 'offline');
    const dbName = `meeting-test-${crypto.randomUUID()}`;
    const outbox = new OutboxAdapter(inner, { dbName, backoffMs: 60_000 });
    const el = await renderMeeting(outbox);
    const fired = oneEvent<CustomEvent<SamenRsvpDetail>>(el, 'samen-rsvp');
    await answer(el, 'yes', 2);
    const { detail } = await fired;
    expect(detail).to.include({ stored: false, queued: true, answer: 'yes', people: 2 });
    await waitUntil(() => text(el).includes('Bewaard op dit apparaat'));
    expect($(el, '[part~="answer"]')!.textContent).to.include('Je komt, met 2 personen.');
    expect(await inner.getRsvp('wish-conversation')).to.equal(null);
    inner.recover();
    await outbox.flush();
    await waitUntil(async () => (await inner.getRsvp('wish-conversation'))?.people === 2);
    indexedDB.deleteDatabase(dbName);
  });

  it('a refused answer keeps the choice and offers to try again with the same key', async () => {
    const adapter = adapterFor();
    adapter.failNext('saveRsvp', 'unavailable');
    const el = await renderMeeting(adapter);
    await answer(el, 'yes', 2);
    await waitUntil(() => !!$(el, '.send-error[role="alert"]'));
    expect($<HTMLInputElement>(el, 'input[value="yes"]')!.checked).to.equal(true);
    $<HTMLButtonElement>(el, '.send-error button')!.click();
    await waitUntil(() => !!$(el, '[part~="answer"]'));
    const keys = adapter.calls.filter((c) => c.method === 'saveRsvp').map((c) => (c.input as { id: string }).id);
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
  });

  it('rsvp="host": hands the answer to the host as an event and stores nothing', async () => {
    const adapter = adapterFor();
    const el = await renderMeeting(adapter, { rsvp: 'host' });
    const fired = oneEvent<CustomEvent<SamenRsvpDetail>>(el, 'samen-rsvp');
    await answer(el, 'maybe', 4);
    const { detail } = await fired;
    expect(detail).to.deep.include({ meetingId: 'wish-conversation', answer: 'maybe', people: 4, stored: false });
    expect(detail.household.familyId).to.equal('fam-01');
    expect(detail.meeting).to.include({ id: 'wish-conversation', place: 'De Regenboog, lokaal groep 6' });
    expect(adapter.calls.map((c) => c.method)).to.not.include('saveRsvp');
    expect(adapter.calls.map((c) => c.method)).to.not.include('getRsvp');
    expect(text(el)).to.include('Je antwoord staat in de agenda van de app.');
  });

  it('makes a calendar file (RFC 5545) of the meeting, downloaded through a blob: URL', async () => {
    const el = await renderMeeting(adapterFor());
    const made: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      made.push(blob as Blob);
      return original.call(URL, blob);
    };
    const clicked: HTMLAnchorElement[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      $<HTMLButtonElement>(el, '[part~="calendar"]')!.click();
    } finally {
      URL.createObjectURL = original;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(made).to.have.length(1);
    expect(made[0]!.type).to.equal('text/calendar;charset=utf-8');
    const ics = await made[0]!.text();
    expect(ics).to.match(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    expect(ics).to.include('SUMMARY:Gesprek met ouder\\, kind en juf\r\n');
    expect(ics).to.include('LOCATION:De Regenboog\\, lokaal groep 6\r\n');
    expect(ics).to.match(/DTSTART:\d{8}T\d{6}Z\r\n/);
    expect(ics).to.include('UID:wish-conversation@samen');
    expect(clicked[0]!.download).to.equal('gesprek-met-ouder-kind-en-juf.ics');
    expect(clicked[0]!.href).to.match(/^blob:/);
  });

  it('after the meeting: no form, the summary for those who could not come', async () => {
    const el = await renderMeeting(adapterFor(), { id: 'wish-evening' });
    await expect(el).to.be.accessible();
    expect($(el, '[part~="rsvp"]')).to.equal(null);
    expect($(el, '[part~="calendar"]')).to.equal(null);
    const summary = $(el, '[part~="summary"]')!;
    expect(summary.querySelector('h3')!.textContent).to.equal('Voor wie er niet bij kon zijn');
    expect(summary.textContent).to.include('WIsH-stappen');
  });
});

describe('<samen-meeting> preparation sheet', () => {
  const type = async (el: SamenMeeting, field: string, value: string) => {
    const area = $<HTMLTextAreaElement>(el, `#sheet-${field}`)!;
    area.value = value;
    area.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
  };

  it('survives a reload while typing, then is sent and the teacher reads it', async () => {
    const adapter = adapterFor();
    let el = await renderMeeting(adapter);
    await type(el, 'keywords', 'voetbal, tekenen');
    await type(el, 'goesWell', 'Ze helpt graag.');
    // A reload: the card comes back with what was typed.
    el.remove();
    el = await renderMeeting(adapter);
    expect($<HTMLTextAreaElement>(el, '#sheet-keywords')!.value).to.equal('voetbal, tekenen');
    expect($<HTMLTextAreaElement>(el, '#sheet-goesWell')!.value).to.equal('Ze helpt graag.');
    await type(el, 'talkAbout', 'Het overblijven.');
    const fired = oneEvent(el, 'samen-preparation');
    $<HTMLButtonElement>(el, '[part~="sheet"] [part~="send-button"]')!.click();
    await fired;
    await waitUntil(() => text(el).includes('Verstuurd. De leerkracht leest het voor het gesprek.'));
    const teacher = await renderMeeting(adapter.forViewer('teacher-1'), { view: 'teacher' });
    const sheets = $(teacher, '[part~="sheets"]')!.textContent;
    expect(sheets).to.include('Familie Jansen').and.include('voetbal, tekenen').and.include('Het overblijven.');
  });

  it('an empty sheet is not sent, and says so', async () => {
    const adapter = adapterFor();
    const el = await renderMeeting(adapter);
    $<HTMLButtonElement>(el, '[part~="sheet"] [part~="send-button"]')!.click();
    await waitUntil(() => text(el).includes('Vul eerst iets in.'));
    expect(adapter.calls.map((c) => c.method)).to.not.include('savePreparation');
  });

  it('offline: kept on the device and in the outbox, the text stays', async () => {
    const inner = adapterFor();
    inner.fail('savePreparation', 'offline');
    const dbName = `meeting-sheet-${crypto.randomUUID()}`;
    const el = await renderMeeting(new OutboxAdapter(inner, { dbName, backoffMs: 60_000 }));
    await type(el, 'keywords', 'lezen');
    $<HTMLButtonElement>(el, '[part~="sheet"] [part~="send-button"]')!.click();
    await waitUntil(() => text(el).includes('Bewaard op dit apparaat'));
    expect($<HTMLTextAreaElement>(el, '#sheet-keywords')!.value).to.equal('lezen');
    indexedDB.deleteDatabase(dbName);
  });
});

describe('<samen-meeting> teacher', () => {
  it('is accessible and lists the replies: counts, people expected, families not answered, the households', async () => {
    const adapter = adapterFor('teacher-1');
    const replies = await adapter.getMeetingReplies('wish-conversation');
    const el = await renderMeeting(adapter, { view: 'teacher' });
    await expect(el).to.be.accessible();
    const yes = replies.rsvps.filter((r) => r.answer === 'yes').length;
    const people = replies.rsvps.reduce((n, r) => n + r.people, 0);
    const section = $(el, '[part~="replies"]')!.textContent.replace(/\s+/g, ' ');
    expect(section).to.include(`Ja: ${yes}`);
    expect(section).to.include(`${people} personen verwacht`);
    expect(section).to.include(`${replies.families - replies.rsvps.length} van ${replies.families} gezinnen nog geen antwoord`);
    expect(el.shadowRoot!.querySelectorAll('.reply-list li')).to.have.length(replies.rsvps.length);
    expect($(el, '[part~="sheets"]')!.querySelectorAll('li')).to.have.length(2);
  });

  it('a household’s answer arrives live in the list', async () => {
    const adapter = adapterFor('teacher-1');
    const el = await renderMeeting(adapter, { view: 'teacher' });
    expect($(el, '[part~="replies"]')!.textContent).to.not.include('Familie Jansen');
    await adapter.forViewer('parent-1').saveRsvp({ id: 'live-1', meetingId: 'wish-conversation', answer: 'yes', people: 2 });
    await waitUntil(() => $(el, '[part~="replies"]')!.textContent.includes('Familie Jansen'));
  });

  it('a parent asking for the teacher view gets "Geen toegang"', async () => {
    const el = await renderMeeting(adapterFor('parent-1'), { view: 'teacher' });
    expect($(el, '[part~="error"]')!.textContent).to.include('Geen toegang');
  });

  it('keyboard: the answers are one radio group, Space chooses, Enter sends', async () => {
    const el = await renderMeeting(adapterFor());
    $<HTMLInputElement>(el, 'input[value="yes"]')!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, 'input[value="maybe"]')!.checked).to.equal(true);
  });
});

describe('meeting policy (MemoryAdapter)', () => {
  it('a household reads and writes only its own reply and sheet; the list is the class’s teacher’s', async () => {
    const adapter = adapterFor();
    await adapter.saveRsvp({ id: 'p1', meetingId: 'wish-conversation', answer: 'yes', people: 2 });
    // Another household of the class sees its own (none), never this one.
    expect(await adapter.forViewer('parent-3').getRsvp('wish-conversation')).to.equal(null);
    const refused = async (p: Promise<unknown>) => {
      try {
        await p;
        return 'allowed';
      } catch (error) {
        return (error as { kind: string }).kind;
      }
    };
    expect(await refused(adapter.getMeetingReplies('wish-conversation'))).to.equal('forbidden');
    expect(await refused(adapter.forViewer('parent-4').getMeeting('wish-conversation'))).to.equal('forbidden');
    expect(
      await refused(adapter.forViewer('parent-4').saveRsvp({ id: 'p4', meetingId: 'wish-conversation', answer: 'yes', people: 1 })),
    ).to.equal('forbidden');
    expect(await refused(adapter.forViewer('teacher-2').getMeetingReplies('wish-conversation'))).to.equal('forbidden');
    expect(
      await refused(adapter.forViewer('teacher-1').saveRsvp({ id: 't1', meetingId: 'wish-conversation', answer: 'yes', people: 1 })),
    ).to.equal('forbidden');
    expect(await refused(adapter.forViewer('child-login-1').getPreparation('wish-conversation'))).to.equal('forbidden');
    expect(await refused(adapter.saveRsvp({ id: 'p2', meetingId: 'wish-conversation', answer: 'yes', people: 40 }))).to.equal(
      'invalid-data',
    );
    expect(
      (await adapter.forViewer('teacher-1').getMeetingReplies('wish-conversation')).rsvps.some((r) => r.familyId === 'fam-01'),
    ).to.equal(true);
  });
});
