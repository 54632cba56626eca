import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDocumentsHarness } from '../../support/documents-harness';
import { type DocumentsService } from '../../../src-main/core/documents/documents-service';
import { AppError } from '../../../src-main/core/errors';
import type { FileChooser, Preflighter } from '../../../src-main/core/ports';
import { makeNotPdf, makePdf, makeTruncatedPdf } from '../../support/synthetic-pdfs';

const harness = createDocumentsHarness('ecf-documents-');
const { events } = harness;

/**
 * These tests are about adding and listing, so preflight never answers here; `documents-preflight.test.ts` covers it.
 * Like the app's checker, it stops when its run is stopped (closing the service stops every check and waits for it).
 */
const silentPreflighter: Preflighter = {
  preflight: (_bytes, run) =>
    new Promise((_resolve, reject) =>
      run.signal?.addEventListener('abort', () => reject(new Error('The check was stopped.')), { once: true }),
    ),
};

function build(fileChooser: FileChooser | null = null): DocumentsService {
  return harness.open({ preflighter: silentPreflighter, fileChooser }).service;
}

beforeEach(() => harness.setUp());
afterEach(() => harness.tearDown());

describe('documents service', () => {
  it('stores a PDF by its SHA-256 and records name, size, hash and page count', async () => {
    const service = build();
    const bytes = await makePdf(3);
    const record = await service.add('job-1', 'Motion.pdf', bytes);
    expect(record).toMatchObject({
      name: 'Motion.pdf',
      bytes: bytes.byteLength,
      pages: 3,
      problem: null,
      addedAt: '2026-11-28T15:00:00.000Z',
    });
    expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(path.join(harness.folder(), 'documents', `${record.sha256}.pdf`))).toBe(true);
    expect(service.list()).toEqual([record]);
  });

  it('lists a non-PDF with a plain-language problem and keeps no copy of it', async () => {
    const service = build();
    const record = await service.add('job-2', 'Exhibit A.docx', makeNotPdf());
    expect(record.pages).toBeNull();
    expect(record.problem?.code).toBe('document.not-pdf');
    expect(record.problem?.message).toMatch(/not a PDF.*court accepts only PDF/);
    expect(existsSync(path.join(harness.folder(), 'documents', `${record.sha256}.pdf`))).toBe(false);
  });

  it('lists a damaged PDF and an empty file with their own problems', async () => {
    const service = build();
    expect((await service.add('job-3', 'cut.pdf', makeTruncatedPdf())).problem?.code).toBe('document.unreadable');
    expect((await service.add('job-4', 'empty.pdf', new Uint8Array())).problem?.code).toBe('document.empty');
  });

  it('reports progress for the job the renderer named, ending in done, then a change notice', async () => {
    const service = build();
    await service.add('job-5', 'a.pdf', await makePdf(1));
    const progress = events
      .filter((each) => each.event === 'documents.progress')
      .map((each) => each.payload as { jobId: string; phase: string; fraction: number });
    expect(progress.every((each) => each.jobId === 'job-5')).toBe(true);
    expect(progress.map((each) => each.phase).filter((phase, index, all) => phase !== all[index - 1])).toEqual([
      'hashing',
      'reading-pages',
      'storing',
      'done',
    ]);
    // The one reading (page count and checks together) reports how far it is, page by page.
    const reading = progress.filter((each) => each.phase === 'reading-pages').map((each) => each.fraction);
    expect(reading.length).toBeGreaterThan(1);
    expect(reading).toEqual([...reading].sort((first, second) => first - second));
    expect(events.at(-1)?.event).toBe('documents.changed');
  });

  it('removes a document from the list and brings it back on undo', async () => {
    const service = build();
    const record = await service.add('job-6', 'a.pdf', await makePdf(1));
    service.remove(record.id);
    expect(service.list()).toEqual([]);
    expect(service.restore(record.id)).toEqual(record);
    expect(service.list()).toEqual([record]);
  });

  it('says plainly when a document to remove is not there', () => {
    const service = build();
    expect(() => service.remove('missing')).toThrow(AppError);
  });

  it('adds each file chosen in the host dialog', async () => {
    const chooser: FileChooser = {
      choosePdfs: async () => [
        { name: 'one.pdf', bytes: await makePdf(1) },
        { name: 'two.pdf', bytes: await makePdf(2) },
      ],
    };
    const records = await build(chooser).choose();
    expect(records.map((record) => [record.name, record.pages])).toEqual([
      ['one.pdf', 1],
      ['two.pdf', 2],
    ]);
  });

  it('refuses a chosen file whose name hides a right-to-left override, naming it safely, and adds none of the batch', async () => {
    const chooser: FileChooser = {
      choosePdfs: async () => [
        { name: 'one.pdf', bytes: await makePdf(1) },
        { name: 'Invoice\u202efdp.pdf', bytes: await makePdf(1) },
      ],
    };
    const service = build(chooser);
    const refusal = service.choose();
    await expect(refusal).rejects.toMatchObject({
      code: 'document.bad-name',
      message: expect.stringContaining('"Invoice[U+202E]fdp.pdf"'),
    });
    await expect(refusal).rejects.toMatchObject({ message: expect.stringContaining('right-to-left override') });
    expect(service.list()).toEqual([]);
  });

  it('refuses to open a dialog where the host has none (browser mode uploads instead)', async () => {
    await expect(build(null).choose()).rejects.toMatchObject({ code: 'host.unsupported' });
  });
});
