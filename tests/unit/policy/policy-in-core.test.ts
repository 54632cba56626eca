import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreServices } from '../../../src-main/core/app-services';
import type { PolicySource } from '../../../src-main/core/policy/policy-source';
import { composeNefEmail } from '../../../src-main/training-court/mail/compose-nef';
import { createTestCore } from '../../support/test-core';
import { makePdf } from '../../support/synthetic-pdfs';
import { sampleNefEntry } from '../training-court/mail/sample-nef-entry';

const day = 24 * 60 * 60 * 1000;

/** policy.json as a watched source held in memory: change `values`, then `changed()`, as a file edit would. */
function watchedSource(values: Record<string, unknown>) {
  let signal: (() => void) | null = null;
  const source: PolicySource & { values: Record<string, unknown>; changed(): void } = {
    name: '/etc/ecf-desk/policy.json',
    values,
    async read() {
      return this.values;
    },
    watch(onSignal) {
      signal = onSignal;
      return () => (signal = null);
    },
    changed: () => signal?.(),
  };
  return source;
}

let folder = '';
let core: CoreServices | null = null;
beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'ecf-desk-policy-core-'));
});
afterEach(async () => {
  await core?.close();
  core = null;
  rmSync(folder, { recursive: true, force: true });
});

const logLines = (): string[] => {
  const file = path.join(folder, 'logs', 'ecf-desk.log');
  return existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n') : [];
};

describe('machine policy in the running app', () => {
  it('logLevel sets what the log keeps, and a changed policy applies without a restart', async () => {
    const source = watchedSource({ logLevel: 'debug', updateMode: 'sometimes' });
    core = createTestCore(folder, { policySources: [source] });
    await core.policyReady();
    await core.handlers['documents.list']({});
    expect(logLines().some((line) => / DEBUG api: documents\.list ok in \d+ ms$/.test(line))).toBe(true);
    // A bad value is refused with a warning, and the default used.
    expect(
      logLines().some((line) => / WARN Policy: .*updateMode.*"sometimes" is not one of none, manual, auto/.test(line)),
    ).toBe(true);

    source.values = { logLevel: 'error' };
    source.changed();
    await vi.waitFor(async () => {
      const before = logLines().length;
      await core?.handlers['documents.list']({});
      core?.log('an info line', 'info');
      core?.log('a warning', 'warn');
      expect(logLines().length).toBe(before);
    });
    core.log('an error', 'error');
    expect(logLines().at(-1)).toMatch(/ ERROR an error$/);
  });

  it('noticeRetentionDays removes read notices older than that, and the saved PDFs nothing else names', async () => {
    const source = watchedSource({});
    // The court's own host, so the free look is fetched; the court answers with a PDF of its own per document.
    const kept = await makePdf(2);
    const now = new Date(Date.now() + 40 * day);
    core = createTestCore(folder, {
      policySources: [source],
      clock: { now: () => now },
      fetch: async (url) => {
        const docId = /doc1\/(\d+)/.exec(String(url))?.[1] ?? '';
        // makePdf is deterministic: each document always gets the same bytes, and no two documents share them.
        const bytes = docId === '0141340002' ? kept : await makePdf(Number(docId.slice(-1)) + 2);
        return new Response(bytes, { headers: { 'content-type': 'application/pdf' } });
      },
    });
    await core.policyReady();
    const { handlers } = core;
    // The second notice's document is also on the Documents list: its stored copy must stay.
    await handlers['documents.add']({ jobId: 'kept', name: 'kept.pdf', bytes: kept });
    const court = {
      name: 'U.S. Court of International Trade',
      baseUrl: 'https://ecf.cit.uscourts.gov',
      fromAddress: 'cmecf_notices@cit.uscourts.gov',
      mailDomain: 'cit.uscourts.gov',
    };
    const entry = (deSeqNum: number, docketText: string) =>
      sampleNefEntry({
        court,
        deSeqNum,
        documentNumber: deSeqNum,
        docketText,
        documents: [{ ...sampleNefEntry().documents[0]!, docId: `014134000${deSeqNum}` }],
      });
    const notices = [
      entry(1, 'ORDER granting motion'),
      entry(2, 'MOTION to Intervene'),
      entry(3, 'ORDER granting extension'),
      entry(4, 'SCHEDULING ORDER. Response due by 12/31/2099.'),
    ];
    for (const [index, notice] of notices.entries()) {
      const raw = composeNefEmail(
        notice,
        { email: 'docketing@acmelaw.example', magicNum: '12345678' },
        { messageId: `retention-${index}`, date: new Date() },
      );
      await handlers['inbox.importFile']({ name: `notice-${index}.eml`, bytes: new TextEncoder().encode(raw) });
    }
    await vi.waitFor(
      async () =>
        expect((await handlers['inbox.list']({})).items.every((item) => item.documents[0]?.state === 'saved')).toBe(
          true,
        ),
      { timeout: 20_000 },
    );
    const items = (await handlers['inbox.list']({})).items;
    const byText = (text: string) => items.find((item) => item.docketText?.startsWith(text))!;
    for (const text of ['ORDER granting motion', 'MOTION to Intervene', 'SCHEDULING ORDER']) {
      await handlers['inbox.markRead']({ id: byText(text).id, isRead: true });
    }
    const storedPdf = (text: string) => path.join(folder, 'documents', `${byText(text).documents[0]!.sha256}.pdf`);
    expect(byText('MOTION to Intervene').documents[0]?.sha256).toBe(createHash('sha256').update(kept).digest('hex'));
    const removedPdf = storedPdf('ORDER granting motion');
    expect(existsSync(removedPdf)).toBe(true);

    // 40 days on, the firm sets a 30-day retention, and the running app applies it at once.
    source.values = { noticeRetentionDays: 30 };
    source.changed();
    await vi.waitFor(async () =>
      expect((await handlers['inbox.list']({})).items.map((item) => item.docketText?.split('.')[0]).sort()).toEqual([
        'ORDER granting extension',
        'SCHEDULING ORDER',
      ]),
    );
    // The pass logs once its PDFs are gone.
    await vi.waitFor(() =>
      expect(
        logLines().some((line) =>
          / INFO Inbox: 2 read notices older than 30 days removed, as machine policy says$/.test(line),
        ),
      ).toBe(true),
    );
    expect(existsSync(removedPdf)).toBe(false);
    expect(existsSync(storedPdf('MOTION to Intervene'))).toBe(true);
    expect(existsSync(storedPdf('ORDER granting extension'))).toBe(true);
    // The Documents list still opens its file.
    const [record] = await handlers['documents.list']({});
    expect((await handlers['documents.content']({ id: record!.id })).byteLength).toBe(kept.byteLength);
  });
});
