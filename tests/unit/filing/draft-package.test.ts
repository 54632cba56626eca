import type * as Zlib from 'node:zlib';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  largestUnpackedPackageBytes,
  readDraftPackage,
  writeDraftPackage,
} from '../../../src-main/core/filing/draft-package';
import { startAccountsHarness, type AccountsHarness } from '../../support/accounts-harness';
import { makePdf } from '../../support/synthetic-pdfs';

/** How much each unpacking of a package was allowed to build: the measure of what a gzip bomb can cost. */
const unpackLimits = vi.hoisted(() => [] as number[]);
vi.mock('node:zlib', async (importOriginal) => {
  const zlib = await importOriginal<typeof Zlib>();
  const gunzipSync = (buffer: Uint8Array, options?: { maxOutputLength?: number }): Buffer => {
    unpackLimits.push(options?.maxOutputLength ?? Number.POSITIVE_INFINITY);
    return zlib.gunzipSync(buffer, options);
  };
  return { ...zlib, gunzipSync };
});

let paralegal: AccountsHarness;
let attorney: AccountsHarness;
beforeAll(async () => {
  [paralegal, attorney] = await Promise.all([startAccountsHarness(), startAccountsHarness()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([paralegal.stop(), attorney.stop()]);
});

async function preparedDraft(): Promise<{ id: string; bytes: Uint8Array<ArrayBuffer> }> {
  const main = await paralegal.handlers['documents.add']({
    jobId: 'm',
    name: 'Motion to Stay.pdf',
    bytes: await makePdf(2),
  });
  const order = await paralegal.handlers['documents.add']({
    jobId: 'o',
    name: 'Proposed Order.pdf',
    bytes: await makePdf(1),
  });
  await vi.waitFor(
    async () =>
      expect(
        (await paralegal.handlers['documents.list']({})).every((record) => record.preflight.state === 'done'),
      ).toBe(true),
    { timeout: 20_000 },
  );
  const draft = await paralegal.handlers['drafts.create']({});
  await paralegal.handlers['drafts.update']({
    id: draft.id,
    changes: {
      case: { caseId: 1017, caseNumber: '1:26-cv-00123-MMB', caption: 'Acme Steel Corp. v. United States' },
      parties: [{ id: 'us-1017', name: 'United States', role: 'Defendant', isServedElectronically: true }],
      filerPartyIds: ['us-1017'],
      eventId: 'motion-to-stay',
      documents: [
        { documentId: main.id, type: 'main', description: '' },
        { documentId: order.id, type: 'proposed-order', description: 'Proposed Order' },
      ],
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
    expect(imported).toMatchObject({
      preparedBy: 'Pat Paralegal',
      isReadyForReview: true,
      eventId: 'motion-to-stay',
      outbox: null,
    });
    const documents = await attorney.handlers['documents.list']({});
    expect(documents.map((document) => document.name).sort()).toEqual(['Motion to Stay.pdf', 'Proposed Order.pdf']);
    expect(
      imported.documents.map((document) => documents.find((record) => record.id === document.documentId)?.name),
    ).toEqual(['Motion to Stay.pdf', 'Proposed Order.pdf']);
    const source = await paralegal.handlers['documents.list']({});
    expect(documents.map((document) => document.sha256).sort()).toEqual(
      source.map((document) => document.sha256).sort(),
    );
    // The attorney's desktop checks every document again itself.
    await vi.waitFor(
      async () => expect((await attorney.handlers['drafts.get']({ id: imported.id })).canSubmit).toBe(true),
      { timeout: 20_000 },
    );
  });

  it('refuses a package whose document is not the one exported, and keeps nothing of it', async () => {
    const { bytes } = await preparedDraft();
    const body = JSON.parse(gunzipSync(bytes).toString('utf8')) as { documents: { content: string }[] };
    const tampered = Buffer.from(body.documents[0]?.content ?? '', 'base64');
    const flipped = tampered.length - 10;
    tampered.writeUInt8((tampered.readUInt8(flipped) ^ 0xff) & 0xff, flipped);
    (body.documents[0] as { content: string }).content = tampered.toString('base64');
    const before = (await attorney.handlers['documents.list']({})).length;
    await expect(
      attorney.handlers['drafts.import']({
        name: 'tampered.ecfdraft',
        bytes: new Uint8Array(gzipSync(JSON.stringify(body))),
      }),
    ).rejects.toMatchObject({ code: 'package.damaged', message: expect.stringContaining('SHA-256 differs') });
    expect(await attorney.handlers['documents.list']({})).toHaveLength(before);
    await expect(
      attorney.handlers['drafts.import']({ name: 'junk.ecfdraft', bytes: new Uint8Array([1, 2, 3]) }),
    ).rejects.toMatchObject({
      code: 'package.damaged',
      message: expect.stringContaining('not an ECF Desk draft package'),
    });
  });

  it('refuses a package whose document name hides a right-to-left override, shows the name safely, and keeps nothing of it', async () => {
    const { bytes } = await preparedDraft();
    const body = JSON.parse(gunzipSync(bytes).toString('utf8')) as { documents: { name: string }[] };
    (body.documents[0] as { name: string }).name = 'Invoice\u202efdp.pdf';
    const before = (await attorney.handlers['documents.list']({})).length;
    const refusal = attorney.handlers['drafts.import']({
      name: 'disguised.ecfdraft',
      bytes: new Uint8Array(gzipSync(JSON.stringify(body))),
    });
    await expect(refusal).rejects.toMatchObject({
      code: 'package.damaged',
      message: expect.stringContaining('"Invoice[U+202E]fdp.pdf"'),
    });
    await expect(refusal).rejects.toMatchObject({ message: expect.stringContaining('right-to-left override') });
    expect(await attorney.handlers['documents.list']({})).toHaveLength(before);
  });
});

describe('a package too large to read', () => {
  beforeEach(() => {
    unpackLimits.length = 0;
  });

  it('is 300 MB unpacked at most: what a child process can read within its 1.5 GB, far below the longest string JSON.parse can be given', () => {
    expect(largestUnpackedPackageBytes).toBe(300 * 1024 * 1024);
  });

  it('refuses a 2 MB gzip bomb that unpacks to 2 GB as too large, after building at most 300 MB of it', () => {
    // 256 gzip members of 8 MB of zeros each: 2 GB unpacked, each member's trailer honest about its own 8 MB.
    const member = gzipSync(Buffer.alloc(8 * 1024 * 1024));
    const bomb = new Uint8Array(Buffer.concat(Array.from({ length: 256 }, () => member)));
    expect(bomb.byteLength).toBeLessThan(3 * 1024 * 1024);
    expect(() => readDraftPackage(bomb)).toThrow(
      expect.objectContaining({ code: 'package.too-large', message: expect.stringContaining('more than 300 MB') }),
    );
    expect(unpackLimits.length).toBeGreaterThan(0);
    expect(Math.max(...unpackLimits)).toBeLessThanOrEqual(largestUnpackedPackageBytes);
  });

  it('refuses at once, before inflating anything, a package whose gzip trailer says it unpacks to more than 300 MB', () => {
    const honest = Buffer.from(gzipSync(JSON.stringify({ format: 'ecf-desk-draft' })));
    honest.writeUInt32LE(600 * 1024 * 1024, honest.byteLength - 4);
    expect(() => readDraftPackage(new Uint8Array(honest))).toThrow(
      expect.objectContaining({ code: 'package.too-large' }),
    );
    expect(unpackLimits).toEqual([]);
  });

  it('refuses a package file over 300 MB before reading a byte of it', () => {
    // Zero-filled and never written: the system hands these pages over lazily, so the test itself stays small.
    const oversized = new Uint8Array(largestUnpackedPackageBytes + 1);
    expect(() => readDraftPackage(oversized)).toThrow(expect.objectContaining({ code: 'package.too-large' }));
    expect(unpackLimits).toEqual([]);
  });

  it('is never written: a draft whose documents cannot fit in one package is refused at export with what to do', async () => {
    const draft = await paralegal.handlers['drafts.create']({});
    const record = await paralegal.handlers['documents.add']({
      jobId: 'large',
      name: 'Appendix.pdf',
      bytes: await makePdf(1),
    });
    const hundredMegabytes = new Uint8Array(100 * 1024 * 1024);
    const documents = Array.from({ length: 5 }, () => ({ record, bytes: hundredMegabytes }));
    expect(() => writeDraftPackage(draft, documents, new Date())).toThrow(
      expect.objectContaining({
        code: 'package.too-large',
        message: expect.stringContaining('Split the largest documents'),
      }),
    );
  });
});
