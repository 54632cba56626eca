import { describe, expect, it } from 'vitest';
import { isStoredPdfInUse } from '../../../../src-main/core/storage/pdf-references';
import { citDocket, citNotice, freshMeta, openInbox } from './store-support';

const receivedAt = new Date('2026-03-02T21:10:00Z');
const cutoff = new Date('2026-04-01T00:00:00Z');
const deadlinesFrom = '2026-03-31';
const pdfA = 'a'.repeat(64);

/** One notice of its own entry (de_seq_num), saved and read unless told otherwise. */
function addNotice(
  inbox: ReturnType<typeof openInbox>['inbox'],
  deSeqNum: string,
  options: { isRead?: boolean; docketText?: string; pending?: boolean; at?: Date } = {},
): string {
  const docket = citDocket({
    deSeqNum,
    documentNumber: deSeqNum,
    docId: `01410000${deSeqNum.padStart(2, '0')}`,
    ...(options.docketText ? { docketText: options.docketText } : {}),
  });
  const [id = ''] = inbox.ingest(
    citNotice({ dockets: [docket] }),
    freshMeta({ receivedAt: options.at ?? receivedAt }),
  ).itemIds;
  if (!options.pending) {
    inbox.setDocument(id, '0', { state: 'saved', sha256: pdfA });
    inbox.setDocument(id, '1', { state: 'expired' });
  }
  inbox.markRead(id, options.isRead ?? true);
  return id;
}

describe('removing notices a retention policy lets go', () => {
  it('removes read notices received before the cutoff, and answers the PDFs they had saved', () => {
    const { inbox } = openInbox();
    const old = addNotice(inbox, '1');
    const recent = addNotice(inbox, '2', { at: new Date('2026-04-02T09:00:00Z') });
    expect(inbox.removeExpired(cutoff, deadlinesFrom)).toEqual({ removed: 1, sha256s: [pdfA] });
    expect(inbox.get(old)).toBeNull();
    expect(inbox.get(recent)).not.toBeNull();
  });

  it('keeps unread notices, notices whose free look is still waiting, and notices with a deadline still to come', () => {
    const { inbox } = openInbox();
    const unread = addNotice(inbox, '1', { isRead: false });
    const waiting = addNotice(inbox, '2', { pending: true });
    const dueLater = addNotice(inbox, '3', { docketText: 'ORDER. Response due by 4/15/2026.' });
    const duePast = addNotice(inbox, '4', { docketText: 'ORDER. Response due by 3/20/2026.' });
    expect(inbox.removeExpired(cutoff, deadlinesFrom).removed).toBe(1);
    expect([unread, waiting, dueLater].map((id) => inbox.get(id)?.id)).toEqual([unread, waiting, dueLater]);
    expect(inbox.get(duePast)).toBeNull();
    expect(inbox.deadlines().map(({ deadline }) => deadline.date)).toEqual(['2026-04-15']);
  });

  it('takes removed notices out of search, and remembers their emails so a mailbox read again does not bring them back', () => {
    const { inbox } = openInbox();
    const meta = freshMeta({ receivedAt });
    const [id = ''] = inbox.ingest(
      citNotice({ dockets: [citDocket({ docketText: 'ORDER granting the zebra motion' })] }),
      meta,
    ).itemIds;
    inbox.setDocument(id, '0', { state: 'expired' });
    inbox.setDocument(id, '1', { state: 'expired' });
    inbox.markRead(id, true);
    expect(inbox.list({ text: 'zebra' }).items).toHaveLength(1);
    inbox.removeExpired(cutoff, deadlinesFrom);
    expect(inbox.list({ text: 'zebra' }).items).toHaveLength(0);
    expect(
      inbox.ingest(citNotice({ dockets: [citDocket({ docketText: 'ORDER granting the zebra motion' })] }), meta)
        .outcome,
    ).toBe('duplicate');
    expect(inbox.list({}).items).toHaveLength(0);
  });
});

describe('whether a stored PDF is still named', () => {
  it('is named while a notice, a document or a filing record names it, and not after', () => {
    const { db, inbox } = openInbox();
    const id = addNotice(inbox, '1');
    expect(isStoredPdfInUse(db, pdfA)).toBe(true);
    inbox.removeExpired(cutoff, deadlinesFrom);
    expect(inbox.get(id)).toBeNull();
    expect(isStoredPdfInUse(db, pdfA)).toBe(false);

    db.prepare(
      `INSERT INTO documents (id, name, bytes, sha256, pages, added_at) VALUES ('d1', 'a.pdf', 3, ?, 1, '2026-03-02T00:00:00Z')`,
    ).run(pdfA);
    expect(isStoredPdfInUse(db, pdfA)).toBe(true);
    db.prepare(`DELETE FROM documents`).run();
    db.prepare(
      `INSERT INTO drafts (id, data, created_at, updated_at, submission) VALUES ('f1', '{}', '2026-03-02T00:00:00Z', '2026-03-02T00:00:00Z', ?)`,
    ).run(JSON.stringify({ sentDocuments: [{ name: 'a.pdf', sha256: pdfA }] }));
    expect(isStoredPdfInUse(db, pdfA)).toBe(true);
    expect(isStoredPdfInUse(db, 'b'.repeat(64))).toBe(false);
  });
});
