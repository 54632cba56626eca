import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDocumentsService, type DocumentsService } from '../../../src-main/core/documents/documents-service';
import { readPdfFacts } from '../../../src-main/core/documents/read-pdf-facts';
import { AppError } from '../../../src-main/core/errors';
import type { EmitEvent, FileChooser, Preflighter } from '../../../src-main/core/ports';
import { openDatabase } from '../../../src-main/core/storage/database';
import { createInProcessFixer } from '../../support/in-process-fixer';
import { createDocumentStore } from '../../../src-main/core/storage/document-store';
import { createDocumentsTable } from '../../../src-main/core/storage/documents-table';
import { makeNotPdf, makePdf, makeTruncatedPdf } from '../../support/synthetic-pdfs';

let scratch = '';
let closeService: () => void = () => undefined;
const events: { event: string; payload: unknown }[] = [];
const emit: EmitEvent = (event, payload) => void events.push({ event, payload });
const fixedClock = { now: () => new Date('2026-11-28T15:00:00.000Z') };

/** These tests are about adding and listing, so preflight never answers here; `documents-preflight.test.ts` covers it. */
const silentPreflighter: Preflighter = { preflight: () => new Promise(() => undefined) };

function build(fileChooser: FileChooser | null = null): DocumentsService {
  const database = openDatabase(path.join(scratch, 'ecf-desk.sqlite'));
  const service = createDocumentsService({
    table: createDocumentsTable(database),
    store: createDocumentStore(path.join(scratch, 'documents')),
    pdfReader: { readFacts: readPdfFacts },
    preflighter: silentPreflighter,
    fixer: createInProcessFixer(),
    fileChooser,
    clock: fixedClock,
    emit,
  });
  closeService = () => {
    service.close();
    database.close();
  };
  return service;
}

beforeEach(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-documents-'));
  events.length = 0;
});
afterEach(async () => {
  closeService();
  await rm(scratch, { recursive: true, force: true });
});

describe('documents service', () => {
  it('stores a PDF by its SHA-256 and records name, size, hash and page count', async () => {
    const service = build();
    const bytes = await makePdf(3);
    const record = await service.add('job-1', 'Motion.pdf', bytes);
    expect(record).toMatchObject({ name: 'Motion.pdf', bytes: bytes.byteLength, pages: 3, problem: null, addedAt: '2026-11-28T15:00:00.000Z' });
    expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(path.join(scratch, 'documents', `${record.sha256}.pdf`))).toBe(true);
    expect(service.list()).toEqual([record]);
  });

  it('lists a non-PDF with a plain-language problem and keeps no copy of it', async () => {
    const service = build();
    const record = await service.add('job-2', 'Exhibit A.docx', makeNotPdf());
    expect(record.pages).toBeNull();
    expect(record.problem?.code).toBe('document.not-pdf');
    expect(record.problem?.message).toMatch(/not a PDF.*court accepts only PDF/);
    expect(existsSync(path.join(scratch, 'documents', `${record.sha256}.pdf`))).toBe(false);
  });

  it('lists a damaged PDF and an empty file with their own problems', async () => {
    const service = build();
    expect((await service.add('job-3', 'cut.pdf', makeTruncatedPdf())).problem?.code).toBe('document.unreadable');
    expect((await service.add('job-4', 'empty.pdf', new Uint8Array())).problem?.code).toBe('document.empty');
  });

  it('reports progress for the job the renderer named, ending in done, then a change notice', async () => {
    const service = build();
    await service.add('job-5', 'a.pdf', await makePdf(1));
    const progress = events.filter((each) => each.event === 'documents.progress').map((each) => each.payload as { jobId: string; phase: string });
    expect(progress.every((each) => each.jobId === 'job-5')).toBe(true);
    expect(progress.map((each) => each.phase)).toEqual(['hashing', 'hashing', 'reading-pages', 'storing', 'done']);
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
    const chooser: FileChooser = { choosePdfs: async () => [{ name: 'one.pdf', bytes: await makePdf(1) }, { name: 'two.pdf', bytes: await makePdf(2) }] };
    const records = await build(chooser).choose();
    expect(records.map((record) => [record.name, record.pages])).toEqual([['one.pdf', 1], ['two.pdf', 2]]);
  });

  it('refuses to open a dialog where the host has none (browser mode uploads instead)', async () => {
    await expect(build(null).choose()).rejects.toMatchObject({ code: 'host.unsupported' });
  });
});
