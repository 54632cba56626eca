import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CoreServices } from '../../../src-main/core/app-services';
import { createDocumentStore, type DocumentStore } from '../../../src-main/core/storage/document-store';
import { startRecordingServer, type RecordingServer } from '../../support/recording-server';
import { makePdf } from '../../support/synthetic-pdfs';
import { createTestCore } from '../../support/test-core';
import {
  buildMessage,
  districtCaseTable,
  districtNefBody,
  districtRecipients,
  documentEntry,
} from './synthetic-notices';

// A free-look link works once (the court's FAQ on free looks; see docs/security.md on notices): bytes that arrived but
// could not be written must be kept and saved later, never fetched again.

let pdf: Uint8Array = new Uint8Array();
beforeAll(async () => {
  pdf = await makePdf(2);
});

let folder = '';
let core: CoreServices | null = null;
let court: RecordingServer | null = null;
afterEach(async () => {
  await core?.close();
  await court?.stop();
  rmSync(folder, { recursive: true, force: true });
  core = null;
  court = null;
});

/** The document store of the data folder, whose disk is full for the first `failures` writes. */
function fillingStore(dataFolder: string, failures: number): { store: DocumentStore; refused: () => number } {
  const real = createDocumentStore(path.join(dataFolder, 'documents'));
  let refused = 0;
  const store: DocumentStore = {
    ...real,
    async put(bytes, sha256) {
      if (refused < failures) {
        refused += 1;
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      await real.put(bytes, sha256);
    },
  };
  return { store, refused: () => refused };
}

function notice(documentUrl: string): string {
  return buildMessage(
    {
      From: 'cmecf_notice@cit.uscourts.gov',
      Subject: 'Activity in Case 1:26-cv-00123-MMB Acme Steel Corp. v. United States Motion 9',
      'Message-ID': '<disk-full-9@cit.uscourts.gov>',
      'Content-Type': ' text/html',
    },
    districtNefBody({
      court: 'United States Court of International Trade',
      transaction:
        'The following transaction was entered by Doe, Jane on 3/2/2026 at 4:06 PM EST and filed on 3/2/2026',
      tables: [
        districtCaseTable({
          caseName: 'Acme Steel Corp. v. United States',
          caseNumber: '1:26-cv-00123-MMB',
          docketUrl: 'https://ecf.cit.uscourts.gov/cgi-bin/DktRpt.pl?17',
          filer: 'Acme Steel Corp.',
          documentNumber: '9',
          documentUrl,
          docketText: 'MOTION for Extension of Time. (Doe, Jane)',
        }),
      ],
      recipients: districtRecipients('1:26-cv-00123-MMB', [{ name: 'Jane Doe', emails: ['jdoe@example.com'] }]),
      documents: documentEntry('Main Document', '100869139', '3/2/2026', '28116329-0'),
    }),
  );
}

describe('a free look whose bytes arrived while the disk was full', () => {
  it('is kept and saved once the disk has room again, and its link is fetched exactly once', async () => {
    // The court answers the link with the PDF the first time and, like a spent free look, with a login page after.
    court = await startRecordingServer((requested) =>
      (court?.requests.filter((request) => request.path === requested).length ?? 0) > 1
        ? { headers: { 'content-type': 'text/html' }, body: '<html><title>CM/ECF</title><form>Login</form></html>' }
        : { headers: { 'content-type': 'application/pdf' }, body: pdf },
    );
    const courtUrl = court.url;
    folder = mkdtempSync(path.join(os.tmpdir(), 'ecf-desk-disk-full-'));
    const disk = fillingStore(folder, 2);
    core = createTestCore(folder, {
      trainingCourt: { start: async () => ({ url: courtUrl, close: async () => undefined }) },
      documentStore: disk.store,
      freeLookSaveRetryMs: 50,
    });
    const handlers = core.handlers;
    await vi.waitFor(async () => expect((await handlers['court.status']({})).state).toBe('ready'));
    const link = `${courtUrl}/doc1/014100000009?caseid=17&de_seq_num=9&magic_num=12345678`;
    await handlers['inbox.importFile']({ name: 'motion.eml', bytes: new TextEncoder().encode(notice(link)) });

    // The disk refuses twice (the first save and the first retry), then has room.
    await vi.waitFor(
      async () => expect((await handlers['inbox.list']({})).items[0]?.documents[0]?.state).toBe('saved'),
      { timeout: 10_000, interval: 50 },
    );
    expect(disk.refused()).toBe(2);
    const item = (await handlers['inbox.list']({})).items[0];
    const saved = await handlers['inbox.documentContent']({ id: item?.id ?? '', number: '0' });
    expect(createHash('sha256').update(saved).digest('hex')).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(court.requests.filter((request) => request.path.startsWith('/doc1/'))).toHaveLength(1);
  });
});
