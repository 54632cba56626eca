import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNoticeTable } from '../../../../src-main/core/inbox/store/notice-table';
import { openDatabase } from '../../../../src-main/core/storage/database';
import { citDocket, citNotice, freshMeta, openInbox } from './store-support';

describe('free-look documents', () => {
  it('a saved document leaves the pending list; its number cannot be changed', () => {
    const { inbox } = openInbox();
    const [id = ''] = inbox.ingest(citNotice(), freshMeta()).itemIds;
    expect(inbox.pendingDocuments().map((pending) => pending.number)).toEqual(['0', '1']);
    const updated = inbox.setDocument(id, '0', {
      number: '7',
      state: 'saved',
      documentId: 'doc-1',
      pages: 12,
      feeCents: 120,
    });
    expect(updated?.documents[0]).toMatchObject({
      number: '0',
      state: 'saved',
      documentId: 'doc-1',
      pages: 12,
      feeCents: 120,
    });
    expect(inbox.get(id)?.documents[0]?.state).toBe('saved');
    expect(inbox.pendingDocuments().map((pending) => pending.number)).toEqual(['1']);
  });

  it('an unknown item or document is reported, not created', () => {
    const { inbox } = openInbox();
    const [id = ''] = inbox.ingest(citNotice(), freshMeta()).itemIds;
    expect(inbox.setDocument(id, '9', { state: 'saved' })).toBeNull();
    expect(inbox.setDocument('nope', '0', { state: 'saved' })).toBeNull();
    expect(inbox.get('nope')).toBeNull();
    expect(inbox.markRead('nope', true)).toBe(false);
  });

  it('a notice without a magic number has documents with no free look, and nothing to fetch', () => {
    const { inbox } = openInbox();
    const [id = ''] = inbox.ingest(citNotice({ dockets: [citDocket({ magicNum: null })] }), freshMeta()).itemIds;
    expect(inbox.get(id)?.documents.map((document) => document.state)).toEqual(['no-free-look', 'no-free-look']);
    expect(inbox.pendingDocuments()).toEqual([]);
  });

  it('an entry is found by its case id and de_seq_num, as the outbox knows its filing', () => {
    const { inbox } = openInbox();
    const [id] = inbox.ingest(citNotice(), freshMeta()).itemIds;
    expect(inbox.findByEntry('cit', '17', '5')?.id).toBe(id);
    expect(inbox.findByEntry('cit', '17', '6')).toBeNull();
  });
});

describe('deadlines across the inbox', () => {
  it('lists every deadline soonest first, with its item', () => {
    const { inbox } = openInbox();
    inbox.ingest(
      citNotice({ dockets: [citDocket({ docketText: 'ORDER. Reply due by 5/1/2026. Response due by 4/1/2026.' })] }),
      freshMeta(),
    );
    inbox.ingest(
      citNotice({
        dockets: [citDocket({ caseNumber: '1:26-cv-00200', caseId: '40', docketText: 'Answer due 4/20/2026' })],
      }),
      freshMeta(),
    );
    expect(
      inbox.deadlines().map(({ item, deadline }) => `${deadline.date} ${deadline.label} ${item.caseNumber}`),
    ).toEqual([
      '2026-04-01 Response due 1:26-cv-00123-MMB',
      '2026-04-20 Answer due 1:26-cv-00200',
      '2026-05-01 Reply due 1:26-cv-00123-MMB',
    ]);
  });
});

describe('mailbox cursors', () => {
  let folder = '';
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('survive closing and reopening the database, and a new UIDVALIDITY replaces the old one', () => {
    folder = mkdtempSync(path.join(tmpdir(), 'ecf-desk-inbox-'));
    const file = path.join(folder, 'app.sqlite');
    const first = openDatabase(file);
    const inbox = createNoticeTable(first);
    expect(inbox.cursor('firm')).toBeNull();
    inbox.saveCursor('firm', 1_700_000_000, 41);
    inbox.saveCursor('firm', 1_700_000_000, 57);
    first.close();
    const reopened = openDatabase(file);
    const again = createNoticeTable(reopened);
    expect(again.cursor('firm')).toEqual({ uidValidity: 1_700_000_000, lastUid: 57 });
    again.saveCursor('firm', 1_800_000_000, 3);
    expect(again.cursor('firm')).toEqual({ uidValidity: 1_800_000_000, lastUid: 3 });
    expect(again.cursor('personal')).toBeNull();
    reopened.close();
  });
});
