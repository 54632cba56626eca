import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CoreServices } from '../../../src-main/core/app-services';
import type { CourtFetch } from '../../../src-main/core/court/pacer-login';
import { buyDocument } from '../../../src-main/core/inbox/buy-document';
import type { InboxItem } from '../../../src-main/shared/inbox';
import { startRecordingServer, type CannedAnswer, type RecordingServer } from '../../support/recording-server';
import { makePdf } from '../../support/synthetic-pdfs';
import { createTestCore } from '../../support/test-core';
import {
  acmsNoticeMessage,
  buildMessage,
  districtCaseTable,
  districtNefBody,
  districtRecipients,
  documentEntry,
} from './synthetic-notices';
import { inProcessCourtReading } from '../../support/in-process-readers';

// The attack: a forged notice, imported or arriving by mail, makes the app fetch any address it names — with no click.
// Each test runs the real core against real HTTP servers on 127.0.0.1 that write down every request they get.

const guid = '01234567-89ab-cdef-0123-456789abcdef';
const otherGuid = 'fedcba98-7654-3210-fedc-ba9876543210';
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

let pdf: Uint8Array = new Uint8Array();
beforeAll(async () => {
  pdf = await makePdf(1);
});

const pdfAnswer = (): CannedAnswer => ({ headers: { 'content-type': 'application/pdf' }, body: pdf });
const htmlAnswer = (body: string): CannedAnswer => ({
  headers: { 'content-type': 'text/html' },
  body: `<html><head><title>CM/ECF</title></head><body>${body}</body></html>`,
});

let folders: string[] = [];
let cores: CoreServices[] = [];
let servers: RecordingServer[] = [];
afterEach(async () => {
  for (const core of cores) {
    await core.close();
  }
  for (const server of servers) {
    await server.stop();
  }
  for (const folder of folders) {
    rmSync(folder, { recursive: true, force: true });
  }
  cores = [];
  servers = [];
  folders = [];
});

async function recordingServer(answer?: Parameters<typeof startRecordingServer>[0]): Promise<RecordingServer> {
  const server = await startRecordingServer(answer);
  servers.push(server);
  return server;
}

function startCore(overrides: Parameters<typeof createTestCore>[1] = {}): CoreServices {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ecf-desk-forged-links-'));
  folders.push(folder);
  const core = createTestCore(folder, overrides);
  cores.push(core);
  return core;
}

async function importNotice(core: CoreServices, name: string, raw: string): Promise<void> {
  await core.handlers['inbox.importFile']({ name, bytes: new TextEncoder().encode(raw) });
}

/** Every item, once no free look is still being fetched (a pass under way is awaited through a retry of its item). */
async function settledItems(core: CoreServices): Promise<InboxItem[]> {
  for (const item of (await core.handlers['inbox.list']({})).items) {
    await core.handlers['inbox.fetchDocument']({ id: item.id, number: '0' });
  }
  await vi.waitFor(
    async () =>
      expect(
        (await core.handlers['inbox.list']({})).items
          .flatMap((item) => item.documents)
          .filter((document) => document.state === 'pending'),
      ).toEqual([]),
    { timeout: 10_000 },
  );
  return (await core.handlers['inbox.list']({})).items;
}

describe('a forged appellate (ACMS) notice', () => {
  it('imported as .eml, with a "Document:" link to a server on this computer, makes no request and is flagged unsafe-link', async () => {
    const attacker = await recordingServer(pdfAnswer);
    const core = startCore();
    await importNotice(
      core,
      'forged.eml',
      acmsNoticeMessage({ leadingDocuments: [{ url: `${attacker.url}/NDA/${guid}`, text: 'Main Document' }] }),
    );

    const [item] = await settledItems(core);
    expect(attacker.requests).toEqual([]);
    expect(item?.documents.map((document) => document.state)).toEqual(['unsafe-link']);
    expect(item?.documents[0]?.message).toMatch(/did not open it/);
    expect(item?.linkWarning).toMatch(/did not open it/);
  });

  it('never requests an address that only carries /NDA/<guid> in its query (`/admin/delete-everything?confirm=1&x=/NDA/…`)', async () => {
    const attacker = await recordingServer(pdfAnswer);
    const core = startCore();
    await importNotice(
      core,
      'forged.eml',
      acmsNoticeMessage({
        leadingDocuments: [
          { url: `${attacker.url}/admin/delete-everything?confirm=1&x=/NDA/${guid}`, text: 'Main Document' },
        ],
      }),
    );

    const [item] = await settledItems(core);
    expect(attacker.requests).toEqual([]);
    expect(item?.documents.map((document) => document.state)).toEqual(['unsafe-link']);
    expect(item?.linkWarning).not.toBeNull();
  });
});

describe('a forged re-send of a genuine appellate entry', () => {
  it('neither replaces the genuine entry’s saved or used document nor fetches its links, and the entry keeps the warning', async () => {
    const attacker = await recordingServer(pdfAnswer);
    // The genuine ACMS court, answered in process: the first document's free look gives the PDF, the second's was used already.
    const genuine: string[] = [];
    const courtFetch: CourtFetch = async (url, init) => {
      if (url.startsWith(attacker.url)) {
        return fetch(url, init);
      }
      genuine.push(url);
      if (url.includes(guid)) {
        return new Response(new Uint8Array(pdf), { headers: { 'content-type': 'application/pdf' } });
      }
      return new Response(
        '<html><body><h3>PACER Login</h3><form action="/cgi-bin/login.pl"><input type="password" name="key"></form></body></html>',
        { headers: { 'content-type': 'text/html' } },
      );
    };
    const core = startCore({ fetch: courtFetch });
    await importNotice(
      core,
      'saved.eml',
      acmsNoticeMessage({
        documentNumber: '049',
        documents: [{ url: `https://ca9-showdoc.azurewebsites.us/NDA/${guid}`, text: 'Motion' }],
      }),
    );
    await importNotice(
      core,
      'used.eml',
      acmsNoticeMessage({
        documentNumber: '050',
        documents: [{ url: `https://ca9-showdoc.azurewebsites.us/NDA/${otherGuid}`, text: 'Order' }],
      }),
    );
    const before = await settledItems(core);
    const byNumber = (items: readonly InboxItem[], number: string) =>
      items.find((item) => item.documentNumber === number);
    expect(byNumber(before, '49')?.documents.map((document) => [document.state, document.sha256])).toEqual([
      ['saved', sha256(pdf)],
    ]);
    expect(byNumber(before, '50')?.documents.map((document) => document.state)).toEqual(['used']);
    const asked = genuine.length;

    for (const documentNumber of ['049', '050']) {
      const forged = [
        { url: `${attacker.url}/NDA/${guid}`, text: 'Motion' },
        { url: `${attacker.url}/NDA/${otherGuid}`, text: 'Exhibit' },
      ];
      await importNotice(
        core,
        `resend-${documentNumber}.eml`,
        acmsNoticeMessage({ documentNumber, leadingDocuments: forged }),
      );
    }

    const after = await settledItems(core);
    expect(attacker.requests).toEqual([]);
    expect(genuine).toHaveLength(asked);
    expect(after).toHaveLength(2);
    const saved = byNumber(after, '49');
    // Taken into the same entry; not counted as re-sent, since nothing in it says the court sent it again.
    expect(saved?.resendCount).toBe(0);
    expect(saved?.documents[0]).toMatchObject({ number: '0', state: 'saved', sha256: sha256(pdf) });
    expect(saved?.documents.slice(1).map((document) => document.state)).toEqual(['unsafe-link']);
    expect(saved?.linkWarning).toMatch(/did not open it/);
    const used = byNumber(after, '50');
    expect(used?.documents[0]).toMatchObject({ number: '0', state: 'used' });
    expect(used?.linkWarning).toMatch(/did not open it/);
  });
});

/** A CIT district NEF (synthetic-notices.ts) whose document link is `documentUrl`, for entry `deSeqNum`. */
function citNef(documentUrl: string, deSeqNum: number, attachments: readonly string[] = []): string {
  const table = districtCaseTable({
    caseName: 'Acme Steel Corp. v. United States',
    caseNumber: '1:26-cv-00123-MMB',
    docketUrl: 'https://ecf.cit.uscourts.gov/cgi-bin/DktRpt.pl?17',
    filer: 'Acme Steel Corp.',
    documentNumber: String(deSeqNum),
    documentUrl,
    docketText: `MOTION number ${deSeqNum} for Extension of Time. (Doe, Jane)`,
  });
  return buildMessage(
    {
      From: 'cmecf_notice@cit.uscourts.gov',
      Subject: `Activity in Case 1:26-cv-00123-MMB Acme Steel Corp. v. United States Motion ${deSeqNum}`,
      'Message-ID': `<court-page-${deSeqNum}@cit.uscourts.gov>`,
      'Content-Type': ' text/html',
    },
    districtNefBody({
      court: 'United States Court of International Trade',
      transaction:
        'The following transaction was entered by Doe, Jane on 3/2/2026 at 4:06 PM EST and filed on 3/2/2026',
      tables: [table],
      recipients: districtRecipients('1:26-cv-00123-MMB', [{ name: 'Jane Doe', emails: ['jdoe@example.com'] }]),
      documents: [
        documentEntry('Main Document', `10086913${deSeqNum}`, '3/2/2026', `2811632${deSeqNum}-0`),
        ...attachments.map((description, index) =>
          documentEntry(description, `20086913${deSeqNum}`, '3/2/2026', `2811632${deSeqNum}-${index + 1}`),
        ),
      ].join('\n'),
    }),
  );
}

describe('court pages that point away from the court', () => {
  it('a free look never follows a frame, menu or redirect off the court’s pages, and flags the document', async () => {
    const elsewhere = await recordingServer(pdfAnswer);
    // The training court the app runs, answering each entry's doc1 link with a page that points elsewhere.
    const court = await recordingServer((requested) => {
      const url = new URL(requested, 'http://court.invalid');
      const docId = /^\/doc1\/(\d+)$/.exec(url.pathname)?.[1];
      if (docId === '0141000005') {
        return htmlAnswer(`<iframe src="${elsewhere.url}/cgi-bin/show_temp.pl?file=abc"></iframe>`);
      }
      if (docId === '0141000006' && url.searchParams.has('doc_select')) {
        return pdfAnswer();
      }
      if (docId === '0141000006') {
        return htmlAnswer(`<h3>Document Selection Menu</h3><table>
<tr><td>Document Number:</td><td><a href="/doc1/0141000006?caseid=17&amp;de_seq_num=6&amp;magic_num=12345678&amp;doc_select=1">6</a></td><td>1 page</td></tr>
<tr><td><a href="${elsewhere.url}/doc1/0141000096?caseid=17&amp;de_seq_num=6&amp;magic_num=12345678">1</a></td><td>Exhibit A</td></tr></table>`);
      }
      if (docId === '0141000007') {
        return { status: 302, headers: { location: `${elsewhere.url}/doc1/0141000097` } };
      }
      if (docId === '0141000008') {
        return htmlAnswer('<iframe src="/admin/delete-everything?confirm=1"></iframe>');
      }
      return { status: 404 };
    });
    const core = startCore({
      trainingCourt: { start: async () => ({ url: court.url, close: async () => undefined }) },
    });
    await vi.waitFor(async () => expect((await core.handlers['court.status']({})).state).toBe('ready'));
    const link = (deSeqNum: number) =>
      `${court.url}/doc1/014100000${deSeqNum}?caseid=17&de_seq_num=${deSeqNum}&magic_num=12345678`;
    for (const deSeqNum of [5, 6, 7, 8]) {
      await importNotice(
        core,
        `entry-${deSeqNum}.eml`,
        citNef(link(deSeqNum), deSeqNum, deSeqNum === 6 ? ['Exhibit A'] : []),
      );
    }

    const items = await settledItems(core);
    expect(elsewhere.requests).toEqual([]);
    expect(
      court.requests.map((request) => request.path).filter((requested) => !requested.startsWith('/doc1/')),
    ).toEqual([]);
    const states = (deSeqNum: number) =>
      items.find((item) => item.deSeqNum === String(deSeqNum))?.documents.map((document) => document.state);
    expect(states(5)).toEqual(['unsafe-link']);
    expect(states(6)).toEqual(['saved', 'unsafe-link']);
    expect(states(7)).toEqual(['unsafe-link']);
    expect(states(8)).toEqual(['unsafe-link']);
    for (const item of items) {
      expect(item.linkWarning, item.deSeqNum ?? '').toMatch(/court/);
    }
  });

  it('buying never follows a frame, menu or redirect to another host with the session', async () => {
    const elsewhere = await recordingServer(pdfAnswer);
    const court = await recordingServer((requested) => {
      const docId = /^\/doc1\/(\d+)/.exec(requested)?.[1];
      if (docId === '0141000005') {
        return htmlAnswer(`<iframe src="${elsewhere.url}/cgi-bin/show_temp.pl?file=abc"></iframe>`);
      }
      if (docId === '0141000006') {
        return htmlAnswer(
          `<h3>Document Selection Menu</h3><table><tr><td><a href="${elsewhere.url}/doc1/0141000096">Main Document</a></td><td>Motion</td></tr></table>`,
        );
      }
      if (docId === '0141000007') {
        return { status: 302, headers: { location: `${elsewhere.url}/doc1/0141000097` } };
      }
      return { status: 404 };
    });
    const nodeFetch: CourtFetch = (url, init) => fetch(url, init);
    for (const deSeqNum of [5, 6, 7]) {
      const url = `${court.url}/doc1/014100000${deSeqNum}?caseid=17&de_seq_num=${deSeqNum}&magic_num=12345678`;
      const bought = await buyDocument({
        ...inProcessCourtReading,
        url,
        number: '0',
        token: 'session-token',
        fetch: nodeFetch,
        acceptsFeeCents: 30,
      });
      expect(bought, url).toMatchObject({ kind: 'refused', message: expect.stringMatching(/court/) });
    }
    expect(elsewhere.requests).toEqual([]);
  });
});
