import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { LocalAdapter } from '../../src/adapters/local-adapter.js';
import { SamenError, toSamenError } from '../../src/core/errors.js';
import { formatRelative, messagesFor, registerLocale, resolveLocale, type Messages } from '../../src/core/i18n.js';
import { en } from '../../src/locales/en.js';
import { nl } from '../helpers/tables.js';
import { readStored, removeStored, writeStored } from '../../src/core/draft-store.js';
import { isSafeUrl } from '../../src/core/safe-url.js';
import { WriteQueue, type QueuedWrite } from '../../src/core/write-queue.js';

/** Every key path of a message table, with the arity of each function message. */
function shape(table: unknown, prefix = ''): string[] {
  if (typeof table === 'function') return [`${prefix}(${table.length})`];
  if (Array.isArray(table)) return [`${prefix}[${table.length}]`];
  if (table && typeof table === 'object')
    return Object.entries(table).flatMap(([key, value]) => shape(value, prefix ? `${prefix}.${key}` : key));
  return [prefix];
}

describe('i18n', () => {
  it('has the same keys, list lengths and placeholder counts in Dutch and English', () => {
    expect(shape(en)).to.deep.equal(shape(nl));
  });

  it('has no empty strings in either table', () => {
    for (const table of [nl, en]) {
      const empty = shape(table).filter((path) => {
        const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], table);
        return value === '';
      });
      expect(empty, table.locale).to.deep.equal([]);
    }
  });

  it('picks the closest registered language, and Dutch when nothing fits', () => {
    expect(resolveLocale('nl-BE')).to.equal('nl');
    expect(resolveLocale('EN-gb')).to.equal('en');
    expect(resolveLocale('tr')).to.equal('nl');
    expect(resolveLocale(undefined)).to.equal('nl');
  });

  it('takes a new language as data, without touching the widgets', () => {
    const tr: Messages = { ...en, locale: 'tr', retry: 'Tekrar dene' };
    registerLocale('tr', tr);
    expect(resolveLocale('tr-TR')).to.equal('tr');
    expect(messagesFor('tr').retry).to.equal('Tekrar dene');
    // Relative dates need no date words in the table: the browser says them in Turkish.
    expect(formatRelative(new Date(Date.now() - 3 * 86_400_000), 'tr')).to.equal('3 gün önce');
  });

  it('says relative dates in the reader’s language', () => {
    const now = new Date('2026-11-20T10:00:00Z');
    expect(formatRelative(new Date('2026-11-17T10:00:00Z'), 'nl', now)).to.equal('3 dagen geleden');
    expect(formatRelative(new Date('2026-11-20T09:59:30Z'), 'en', now)).to.equal('just now');
    expect(formatRelative(new Date('2026-11-20T07:30:00Z'), 'en', now)).to.equal('2 hours ago');
    expect(formatRelative(new Date('2026-11-19T09:00:00Z'), 'nl', now)).to.equal('gisteren');
    expect(formatRelative(new Date('2026-08-01T10:00:00Z'), 'en', now)).to.equal('3 months ago');
    expect(formatRelative(new Date('2026-10-15T10:00:00Z'), 'nl', now)).to.equal('1 maand geleden');
    expect(formatRelative(new Date('2024-11-01T10:00:00Z'), 'nl', now)).to.equal('2 jaar geleden');
  });

  it('counts in plurals', () => {
    expect(nl.charactersLeft(1)).to.equal('Nog 1 teken');
    expect(nl.charactersLeft(2)).to.equal('Nog 2 tekens');
    expect(en.feelings.checkedIn(1)).to.equal('1 child checked in');
  });
});

describe('safe URLs', () => {
  it("allows https, blob and http of the page's own origin only (see test/security/media-urls.test.ts)", () => {
    for (const url of ['https://school.example/clip.mp4', 'blob:https://school.example/6d1f', `${location.origin}/a.jpg`, '/x.vtt']) {
      expect(isSafeUrl(url), url).to.be.true;
    }
    for (const url of [
      'http://video.example/a.mp4',
      'javascript:alert(1)',
      'data:image/svg+xml,<svg onload=alert(1)>',
      'file:///etc/passwd',
      'JaVaScRiPt:alert(1)',
      'http://[',
      'ftp://x.example/a',
      'http://127.0.0.1:1/x.vtt',
    ]) {
      expect(isSafeUrl(url), url).to.be.false;
    }
  });
});

describe('errors', () => {
  it('maps whatever an adapter throws to a kind a widget can show', () => {
    expect(toSamenError(new SamenError('forbidden')).kind).to.equal('forbidden');
    expect(toSamenError({ kind: 'not-found' }).kind).to.equal('not-found');
    expect(toSamenError({ kind: 'made-up' }).kind).to.equal('unavailable');
    expect(toSamenError(new TypeError('Failed to fetch')).kind).to.equal('offline');
    expect(toSamenError('a string').kind).to.equal('unavailable');
    expect(toSamenError(null).kind).to.equal('unavailable');
  });
});

describe('device storage', () => {
  afterEach(() => removeStored('core-test'));

  it('keeps values across "reloads" (fresh reads), and forgets them on request', () => {
    writeStored('core-test', { text: 'ons antwoord' });
    expect(readStored('core-test')).to.deep.equal({ text: 'ons antwoord' });
    removeStored('core-test');
    expect(readStored('core-test')).to.equal(undefined);
  });

  it('treats corrupt stored data as nothing stored', () => {
    localStorage.setItem('samen:core-test', '{not json');
    expect(readStored('core-test')).to.equal(undefined);
  });
});

describe('write queue', () => {
  afterEach(() => removeStored('queue-test'));

  it('sends in order, keeps everything after a failure, and survives a reload', async () => {
    const sent: string[] = [];
    let online = false;
    const send = async (write: QueuedWrite<string>) => {
      if (!online) throw new SamenError('offline');
      sent.push(write.payload);
    };
    const queue = new WriteQueue<string>('queue-test', send);
    queue.enqueue('one');
    queue.enqueue('two');
    await queue.flush();
    expect(queue.error?.kind).to.equal('offline');
    expect(queue.pending.map((w) => w.payload)).to.deep.equal(['one', 'two']);

    // A reload: a new queue on the same key finds both writes, with their ids.
    const ids = queue.pending.map((w) => w.id);
    online = true;
    const reloaded = new WriteQueue<string>('queue-test', send);
    expect(reloaded.pending.map((w) => w.id)).to.deep.equal(ids);
    await reloaded.flush();
    expect(sent).to.deep.equal(['one', 'two']);
    expect(reloaded.pending).to.have.length(0);
    expect(new WriteQueue<string>('queue-test', send).pending).to.have.length(0);
  });

  it('can take back a write before it is sent, but not one already on its way', async () => {
    let release!: () => void;
    const queue = new WriteQueue<string>('queue-test', () => new Promise<void>((r) => (release = r)));
    const first = queue.enqueue('first');
    const second = queue.enqueue('second');
    expect(queue.remove(first)).to.be.false;
    expect(queue.remove(second)).to.be.true;
    // Sent once the frame of the tap that queued it is painted (issue 23).
    await waitUntil(() => typeof release === 'function', 'the first write was sent');
    release();
    await queue.flush();
    expect(queue.pending).to.have.length(0);
  });

  it('ignores junk found in storage', () => {
    localStorage.setItem('samen:queue-test', JSON.stringify([null, 3, { payload: 'no id' }, { id: 'ok', payload: 'x' }]));
    expect(new WriteQueue<string>('queue-test', async () => {}).pending.map((w) => w.id)).to.deep.equal(['ok']);
  });
});

describe('LocalAdapter', () => {
  const dbName = `samen-core-test-${Math.random().toString(36).slice(2)}`;
  after(() => indexedDB.deleteDatabase(dbName));

  it('keeps a parent’s answer on the device across reloads, once per write id', async () => {
    const first = new LocalAdapter({ dbName });
    const input = { id: 'write-1', clipId: 'wish-2', kind: 'text' as const, text: 'Thuis besproken' };
    await first.saveHomeAnswer(input);
    await first.saveHomeAnswer(input);
    expect(first.appliedWrites).to.equal(1);

    const reloaded = new LocalAdapter({ dbName });
    const answer = (await reloaded.getHomeAnswer('wish-2')) as { text?: string } | null;
    expect(answer?.text).to.equal('Thuis besproken');
    await reloaded.saveHomeAnswer(input);
    expect(reloaded.appliedWrites, 'a retry after a reload is still applied once').to.equal(0);

    await reloaded.reset();
    expect(await new LocalAdapter({ dbName }).getHomeAnswer('wish-2')).to.equal(null);
  });
});
