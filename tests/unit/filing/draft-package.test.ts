import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startAccountsHarness, type AccountsHarness } from '../../support/accounts-harness';
import { makePdf } from '../../support/synthetic-pdfs';

let paralegal: AccountsHarness;
let attorney: AccountsHarness;
beforeAll(async () => {
  [paralegal, attorney] = await Promise.all([startAccountsHarness(), startAccountsHarness()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([paralegal.stop(), attorney.stop()]);
});

async function preparedDraft(): Promise<{ id: string; bytes: Uint8Array<ArrayBuffer> }> {
  const main = await paralegal.handlers['documents.add']({ jobId: 'm', name: 'Motion to Stay.pdf', bytes: await makePdf(2) });
  const order = await paralegal.handlers['documents.add']({ jobId: 'o', name: 'Proposed Order.pdf', bytes: await makePdf(1) });
  await vi.waitFor(async () => expect((await paralegal.handlers['documents.list']({})).every((record) => record.preflight.state === 'done')).toBe(true), { timeout: 20_000 });
  const draft = await paralegal.handlers['drafts.create']({});
  await paralegal.handlers['drafts.update']({
    id: draft.id,
    changes: {
      case: { caseId: 1017, caseNumber: '1:26-cv-00123-MMB', caption: 'Acme Steel Corp. v. United States' },
      parties: [{ id: 'us-1017', name: 'United States', role: 'Defendant', isServedElectronically: true }],
      filerPartyIds: ['us-1017'],
      eventId: 'motion-to-stay',
      documents: [{ documentId: main.id, type: 'main', description: '' }, { documentId: order.id, type: 'proposed-order', description: 'Proposed Order' }],
      preparedBy: 'Pat Paralegal',
      isReadyForReview: true,
    },
  });
  return { id: draft.id, bytes: await paralegal.handlers['drafts.export']({ id: draft.id }) };
}

describe('handing a draft to the attorney on another desktop', () => {
  it('exports one package file that imports with its documents, who prepared it, and that it is ready for review', async () => {
    const { bytes } = await preparedDraft();
    const imported = await attorney.handlers['drafts.import']({ name: 'motion.ecfdraft', bytes });
    expect(imported).toMatchObject({ preparedBy: 'Pat Paralegal', isReadyForReview: true, eventId: 'motion-to-stay', outbox: null });
    const documents = await attorney.handlers['documents.list']({});
    expect(documents.map((document) => document.name).sort()).toEqual(['Motion to Stay.pdf', 'Proposed Order.pdf']);
    expect(imported.documents.map((document) => documents.find((record) => record.id === document.documentId)?.name)).toEqual(['Motion to Stay.pdf', 'Proposed Order.pdf']);
    const source = await paralegal.handlers['documents.list']({});
    expect(documents.map((document) => document.sha256).sort()).toEqual(source.map((document) => document.sha256).sort());
    // The attorney's desktop checks every document again itself.
    await vi.waitFor(async () => expect((await attorney.handlers['drafts.get']({ id: imported.id })).canSubmit).toBe(true), { timeout: 20_000 });
  });

  it('refuses a package whose document is not the one exported, and keeps nothing of it', async () => {
    const { bytes } = await preparedDraft();
    const body = JSON.parse(gunzipSync(bytes).toString('utf8')) as { documents: { content: string }[] };
    const tampered = Buffer.from(body.documents[0]?.content ?? '', 'base64');
    const flipped = tampered.length - 10;
    tampered.writeUInt8((tampered.readUInt8(flipped) ^ 0xff) & 0xff, flipped);
    (body.documents[0] as { content: string }).content = tampered.toString('base64');
    const before = (await attorney.handlers['documents.list']({})).length;
    await expect(attorney.handlers['drafts.import']({ name: 'tampered.ecfdraft', bytes: new Uint8Array(gzipSync(JSON.stringify(body))) })).rejects.toMatchObject({ code: 'invalid-arguments', message: expect.stringContaining('SHA-256 differs') });
    expect(await attorney.handlers['documents.list']({})).toHaveLength(before);
    await expect(attorney.handlers['drafts.import']({ name: 'junk.ecfdraft', bytes: new Uint8Array([1, 2, 3]) })).rejects.toMatchObject({ message: expect.stringContaining('not an ECF Desk draft package') });
  });
});
