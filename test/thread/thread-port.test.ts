/**
 * The thread port over the MemoryAdapter (issue 24): a teacher answers a family's home answer,
 * that family reads it (unread until they open it), answers once more; no other family, no
 * teacher of another class and no child login ever reads it; a retried message is stored once.
 */
import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { threadTopic } from '../../src/thread/schemas.js';

const JANSEN = { about: { kind: 'answer' as const, id: 'wish-2' }, familyId: 'fam-01' };
const DE_VRIES = { about: { kind: 'answer' as const, id: 'wish-2' }, familyId: 'fam-02' };

async function kindOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return (error as { kind?: string }).kind ?? String(error);
  }
}

describe('thread port (MemoryAdapter)', () => {
  it('a teacher answers a family; that family sees it unread, reads it, and answers once more', async () => {
    const parent = new MemoryAdapter({ viewerId: 'parent-1' });
    const teacher = parent.forViewer('teacher-1');
    expect((await parent.getThread(JANSEN)).messages).to.deep.equal([]);

    await teacher.addThreadMessage({ id: 't-1', ...JANSEN, text: 'Wat fijn dat jullie erover praatten!' });
    const seen = await parent.getThread(JANSEN);
    expect(seen.messages.map((m) => [m.from, m.text, m.mine])).to.deep.equal([['teacher', 'Wat fijn dat jullie erover praatten!', false]]);
    expect(seen.messages[0]!.authorName).to.equal('Juf Sanne');
    expect(seen.unread).to.equal(1);

    await parent.markThreadRead({ id: 'r-1', ...JANSEN });
    expect((await parent.getThread(JANSEN)).unread).to.equal(0);

    await parent.addThreadMessage({ id: 'p-1', ...JANSEN, text: 'Dank je! Noor vond het leuk.' });
    const back = await teacher.getThread(JANSEN);
    expect(back.messages.map((m) => m.from)).to.deep.equal(['teacher', 'family']);
    expect(back.unread).to.equal(1);
    // The family's second carer reads the same thread (the family's), not their own copy.
    const second = await parent.forViewer('parent-2').getThread(JANSEN);
    expect(second.messages).to.have.length(2);
    expect(second.unread).to.equal(1);
  });

  it('another family, a teacher of another class and the child login never read or write it', async () => {
    const teacher = new MemoryAdapter({ viewerId: 'teacher-1' });
    await teacher.addThreadMessage({ id: 't-1', ...JANSEN, text: 'Alleen voor familie Jansen.' });
    for (const viewerId of ['parent-3', 'teacher-2', 'child-login-1', 'parent-4', 'care-1', 'leader-1']) {
      const other = teacher.forViewer(viewerId);
      expect(await kindOf(other.getThread(JANSEN)), `${viewerId} reads`).to.equal('forbidden');
      expect(await kindOf(other.addThreadMessage({ id: `x-${viewerId}`, ...JANSEN, text: 'Hallo' })), `${viewerId} writes`).to.equal(
        'forbidden',
      );
    }
    // Family de Vries has their own, empty thread about the same clip.
    expect((await teacher.forViewer('parent-3').getThread(DE_VRIES)).messages).to.deep.equal([]);
    // A family that is not in the clip's class has no thread there at all.
    expect(await kindOf(teacher.getThread({ ...JANSEN, familyId: 'g7fam-1' }))).to.equal('not-found');
  });

  it('a retried message (same id) is stored once', async () => {
    const parent = new MemoryAdapter({ viewerId: 'parent-1' });
    const input = { id: 'p-1', ...JANSEN, text: 'Ook thuis geoefend.' };
    const first = await parent.addThreadMessage(input);
    const again = await parent.addThreadMessage(input);
    expect(again).to.deep.equal(first);
    expect((await parent.forViewer('teacher-1').getThread(JANSEN)).messages).to.have.length(1);
  });

  it('a reply, a shared success and a tip and top about a child each have their family’s private thread (issue 24)', async () => {
    const teacher = new MemoryAdapter({ viewerId: 'teacher-1' });
    const keys = [
      { about: { kind: 'reply' as const, id: 'wish-2' }, familyId: 'fam-01' },
      { about: { kind: 'success' as const, id: 'matrix-school' }, familyId: 'fam-01' },
      { about: { kind: 'child' as const, id: 'child-1' }, familyId: 'fam-01' },
    ];
    for (const [i, key] of keys.entries()) {
      await teacher.addThreadMessage({ id: `t-${i}`, ...key, text: `Top: ${key.about.kind}` });
      const parent = teacher.forViewer('parent-1');
      expect(
        (await parent.getThread(key)).messages.map((m) => m.text),
        key.about.kind,
      ).to.deep.equal([`Top: ${key.about.kind}`]);
      expect((await parent.getThread(key)).unread).to.equal(1);
      for (const viewerId of ['parent-3', 'teacher-2', 'child-login-1', 'care-1', 'leader-1']) {
        expect(await kindOf(teacher.forViewer(viewerId).getThread(key)), `${viewerId} reads ${key.about.kind}`).to.equal('forbidden');
      }
    }
    // A tip and top about a child goes only to that child's family: not to another family of the class.
    const notTheirs = { about: { kind: 'child' as const, id: 'child-1' }, familyId: 'fam-02' };
    expect(await kindOf(teacher.addThreadMessage({ id: 't-x', ...notTheirs, text: 'Top!' }))).to.equal('not-found');
    // A success thread is about a school's matrix, not a family's own home matrix.
    const home = { about: { kind: 'success' as const, id: 'matrix-home-fam-01' }, familyId: 'fam-01' };
    expect(await kindOf(teacher.getThread(home))).to.equal('not-found');
  });

  it('the thread’s live topic tells its family and the teacher, and nobody else', async () => {
    const teacher = new MemoryAdapter({ viewerId: 'teacher-1' });
    const heard: string[] = [];
    for (const viewerId of ['parent-1', 'parent-3', 'teacher-2'])
      teacher.forViewer(viewerId).subscribe(threadTopic(JANSEN), () => heard.push(viewerId));
    await teacher.addThreadMessage({ id: 't-1', ...JANSEN, text: 'Goed gedaan!' });
    expect(heard).to.deep.equal(['parent-1']);
  });
});
