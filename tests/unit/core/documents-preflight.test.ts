import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDocumentsHarness } from '../../support/documents-harness';
import { createCoreServices } from '../../../src-main/core/app-services';
import { type DocumentsService } from '../../../src-main/core/documents/documents-service';
import { createIsolatedReaders } from '../../../src-main/core/isolation/isolated-readers';
import type { PreflightRun, Preflighter } from '../../../src-main/core/ports';
import { createSettingsFile } from '../../../src-main/core/storage/settings-file';
import type { DocumentRecord } from '../../../src-main/shared/domain';
import type { PreflightReport } from '../../../src-main/shared/preflight';
import { makeBoxAndTextPdf } from '../../support/content-pdfs';
import { buildPdf } from '../../support/preflight-pdfs';
import { createInProcessReaders } from '../../support/in-process-readers';
import { testIsolatedChildPath } from '../../support/paths';
import { makeNotPdf, makePdf } from '../../support/synthetic-pdfs';
import { createMemorySecretStore } from '../../support/memory-secret-store';

/** One check the controlled preflighter was asked for, which the test finishes when it chooses. */
interface PendingCheck {
  readonly bytes: Uint8Array;
  readonly run: PreflightRun;
  finish(report: PreflightReport): void;
}

/** A preflighter that answers only when the test says so, and gives up the way the child process does when cancelled. */
function controlledPreflighter(): Preflighter & { readonly pending: PendingCheck[] } {
  const pending: PendingCheck[] = [];
  return {
    pending,
    preflight: (bytes, run) =>
      new Promise((resolve) => {
        pending.push({ bytes, run, finish: resolve });
        run.signal?.addEventListener('abort', () =>
          resolve({
            bytes: bytes.byteLength,
            pages: null,
            verdict: 'error',
            findings: [],
            error: 'the check was cancelled',
          }),
        );
      }),
  };
}

const passing = (pages: number): PreflightReport => ({ bytes: 1, pages, verdict: 'pass', findings: [] });

const harness = createDocumentsHarness('ecf-preflight-');
const { events, emit } = harness;

function build(preflighter: Preflighter, preflightConcurrency?: number): DocumentsService {
  return harness.open({ preflighter, preflightConcurrency }).service;
}

const quit = (): Promise<void> => harness.quit();

function stateOf(service: DocumentsService, id: string): DocumentRecord['preflight'] {
  const found = service.list().find((document) => document.id === id);
  if (!found) {
    throw new Error(`${id} is not listed`);
  }
  return found.preflight;
}

async function waitForState(
  service: DocumentsService,
  id: string,
  state: DocumentRecord['preflight']['state'],
): Promise<DocumentRecord['preflight']> {
  await vi.waitFor(() => expect(stateOf(service, id).state).toBe(state), { timeout: 20_000 });
  return stateOf(service, id);
}

/** Waits until the service has handed `count` checks to the preflighter (it reads the stored copy first). */
async function checksStarted(preflighter: { readonly pending: PendingCheck[] }, count: number): Promise<void> {
  await vi.waitFor(() => expect(preflighter.pending).toHaveLength(count));
}

/** Adds a PDF (read once, in process, as the harness does) and asks for it to be checked again, by the given preflighter. */
async function addAndCheckAgain(service: DocumentsService, jobId: string, name: string, bytes: Uint8Array) {
  const added = await service.add(jobId, name, bytes);
  return { ...added, preflight: service.preflight(added.id).preflight };
}

beforeEach(() => harness.setUp());
afterEach(() => harness.tearDown());

describe('preflight of added documents', () => {
  it('answers the add with the report of its one reading, without asking the preflighter again', async () => {
    const preflighter = controlledPreflighter();
    const service = build(preflighter);
    const record = await service.add('job-0', 'Motion.pdf', await makePdf(2));
    expect(record.pages).toBe(2);
    expect(record.preflight).toMatchObject({ state: 'done', report: { pages: 2, verdict: 'pass' } });
    expect(preflighter.pending).toHaveLength(0);
  });

  it('answers a check asked for again at once with the check running, then stores the report with the document', async () => {
    const preflighter = controlledPreflighter();
    const service = build(preflighter);
    const record = await addAndCheckAgain(service, 'job-1', 'Motion.pdf', await makePdf(2));
    expect(record.preflight).toEqual({ state: 'running' });
    await checksStarted(preflighter, 1);

    preflighter.pending[0]?.finish(passing(2));
    expect(await waitForState(service, record.id, 'done')).toEqual({ state: 'done', report: passing(2) });
    expect(events.at(-1)?.event).toBe('documents.changed');

    await quit();
    expect(stateOf(build(controlledPreflighter()), record.id)).toEqual({ state: 'done', report: passing(2) });
  });

  it('reads an added file in a child process as the app ships it, and checks the stored copy there again: a box over text that is still there blocks filing and names the text', async () => {
    const readers = createIsolatedReaders({ scriptPath: testIsolatedChildPath });
    try {
      const service = harness.open({ readDocument: readers.readDocument, preflighter: readers.preflighter }).service;
      const bytes = await makeBoxAndTextPdf({ text: 'SSN 123-45-6789', isBoxFirst: false });
      const record = await service.add('job-2', 'Exhibit 4.pdf', bytes);
      service.preflight(record.id);
      for (const checked of [record.preflight, await waitForState(service, record.id, 'done')]) {
        if (checked.state !== 'done') {
          throw new Error('not done');
        }
        expect(checked.report.verdict).toBe('block');
        const redaction = checked.report.findings.find((finding) => finding.code === 'bad-redaction');
        expect(redaction?.severity).toBe('block');
        expect(redaction?.text?.join(' ')).toContain('123-45-6789');
      }
    } finally {
      await readers.close();
    }
  });

  it("takes the signers' firm to the child process: properties naming only the firm are information on the add and on a check again, a person's name still a warning", async () => {
    const readers = createIsolatedReaders({ scriptPath: testIsolatedChildPath });
    try {
      const service = harness.open({
        readDocument: readers.readDocument,
        preflighter: readers.preflighter,
        firmNames: () => ['Smith & Jones'],
      }).service;
      const byFirm = await buildPdf((document) => {
        document.setTitle('Complaint');
        document.setAuthor('Smith & Jones');
      });
      const byPerson = await buildPdf((document) => document.setAuthor('Jane Q. Associate'));
      const firm = await service.add('job-firm', 'Complaint.pdf', byFirm);
      const person = await service.add('job-person', 'Notes.pdf', byPerson);
      service.preflight(firm.id);
      for (const checked of [firm.preflight, await waitForState(service, firm.id, 'done')]) {
        expect(checked).toMatchObject({
          state: 'done',
          report: { verdict: 'pass', findings: [{ code: 'metadata', severity: 'info' }] },
        });
      }
      expect(person.preflight).toMatchObject({ state: 'done', report: { verdict: 'warn' } });
    } finally {
      await readers.close();
    }
  });

  it('never checks a file that is not a PDF, and says so if asked to', async () => {
    const preflighter = controlledPreflighter();
    const service = build(preflighter);
    const record = await service.add('job-3', 'Exhibit B.docx', makeNotPdf());
    expect(record.preflight).toEqual({ state: 'not-applicable' });
    expect(preflighter.pending).toHaveLength(0);
    expect(() => service.preflight(record.id)).toThrow(expect.objectContaining({ code: 'document.not-checkable' }));
  });

  it('streams progress events that name the document being checked', async () => {
    const preflighter = controlledPreflighter();
    const service = build(preflighter);
    const record = await addAndCheckAgain(service, 'job-4', 'Brief.pdf', await makePdf(3));
    await checksStarted(preflighter, 1);
    preflighter.pending[0]?.run.onProgress?.({ phase: 'pages', pagesDone: 2, pageCount: 3 });
    expect(events.filter((each) => each.event === 'documents.preflightProgress').map((each) => each.payload)).toEqual([
      { documentId: record.id, progress: { phase: 'pages', pagesDone: 2, pageCount: 3 } },
    ]);
  });

  it('cancelling stops the check and marks the document not checked, and a late answer does not undo that', async () => {
    const preflighter = controlledPreflighter();
    const service = build(preflighter);
    const record = await addAndCheckAgain(service, 'job-5', 'Appendix.pdf', await makePdf(1));
    await checksStarted(preflighter, 1);
    const check = preflighter.pending[0];

    expect(service.cancelPreflight(record.id).preflight).toEqual({ state: 'cancelled' });
    expect(check?.run.signal?.aborted).toBe(true);
    check?.finish(passing(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stateOf(service, record.id)).toEqual({ state: 'cancelled' });
  });

  it('runs a cancelled check again on request, to the end', async () => {
    const preflighter = controlledPreflighter();
    const service = build(preflighter);
    const record = await addAndCheckAgain(service, 'job-6', 'Appendix.pdf', await makePdf(1));
    await checksStarted(preflighter, 1);
    service.cancelPreflight(record.id);

    expect(service.preflight(record.id).preflight).toEqual({ state: 'running' });
    await checksStarted(preflighter, 2);
    preflighter.pending[1]?.finish(passing(1));
    expect(await waitForState(service, record.id, 'done')).toEqual({ state: 'done', report: passing(1) });
  });

  it('does not start a second check of a document whose check is under way', async () => {
    const preflighter = controlledPreflighter();
    const service = build(preflighter);
    const record = await addAndCheckAgain(service, 'job-7', 'Brief.pdf', await makePdf(1));
    await checksStarted(preflighter, 1);
    expect(service.preflight(record.id).preflight).toEqual({ state: 'running' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(preflighter.pending).toHaveLength(1);
  });

  it('lets documents beyond the ones being checked wait their turn, and a waiting one can be cancelled', async () => {
    const preflighter = controlledPreflighter();
    const service = build(preflighter, 1);
    const first = await addAndCheckAgain(service, 'job-8', 'One.pdf', await makePdf(1));
    const second = await addAndCheckAgain(service, 'job-9', 'Two.pdf', await makePdf(2));
    const third = await addAndCheckAgain(service, 'job-10', 'Three.pdf', await makePdf(3));
    expect([first, second, third].map((record) => record.preflight.state)).toEqual(['running', 'waiting', 'waiting']);

    expect(service.cancelPreflight(second.id).preflight).toEqual({ state: 'cancelled' });
    await checksStarted(preflighter, 1);
    preflighter.pending[0]?.finish(passing(1));
    await waitForState(service, third.id, 'running');
    await checksStarted(preflighter, 2);
    expect(stateOf(service, second.id)).toEqual({ state: 'cancelled' });
  });

  it('checks again, when the app starts, every document whose check a quit cut short', async () => {
    const before = controlledPreflighter();
    const service = build(before, 1);
    const running = await addAndCheckAgain(service, 'job-11', 'Running.pdf', await makePdf(1));
    const waiting = await addAndCheckAgain(service, 'job-12', 'Waiting.pdf', await makePdf(2));
    await checksStarted(before, 1);
    await quit();
    expect(before.pending[0]?.run.signal?.aborted).toBe(true);

    const after = controlledPreflighter();
    const restarted = build(after, 2);
    expect([stateOf(restarted, running.id).state, stateOf(restarted, waiting.id).state]).toEqual([
      'running',
      'waiting',
    ]);
    restarted.resumeInterruptedPreflights();
    await checksStarted(after, 2);
    after.pending.forEach((check, index) => check.finish(passing(index + 1)));
    await waitForState(restarted, running.id, 'done');
    await waitForState(restarted, waiting.id, 'done');
  });

  it('ends with a plain error report when its saved copy has gone missing', async () => {
    const preflighter = controlledPreflighter();
    const service = build(preflighter);
    const record = await service.add('job-13', 'Gone.pdf', await makePdf(1));
    service.cancelPreflight(record.id);
    await unlink(path.join(harness.folder(), 'documents', `${record.sha256}.pdf`));
    service.preflight(record.id);
    const done = await waitForState(service, record.id, 'done');
    expect(done).toMatchObject({ report: { verdict: 'error', error: expect.stringContaining('saved copy') } });
  });
});

describe('core at start-up', () => {
  it('resumes the checks the last run of the app left unfinished', async () => {
    const start = (preflighter: Preflighter) =>
      createCoreServices({
        dataFolder: harness.folder(),
        host: 'browser',
        version: '0.0.0',
        settingsFile: createSettingsFile(harness.folder()),
        fileChooser: null,
        readers: createInProcessReaders({ preflighter }),
        emit,
        secretStore: createMemorySecretStore(),
      });
    const first = start(controlledPreflighter());
    const added = await first.handlers['documents.add']({
      jobId: 'job-14',
      name: 'Brief.pdf',
      bytes: await makePdf(1),
    });
    const record = await first.handlers['documents.preflight']({ id: added.id });
    await first.close();

    const after = controlledPreflighter();
    const second = start(after);
    try {
      await checksStarted(after, 1);
      after.pending[0]?.finish(passing(1));
      await vi.waitFor(async () =>
        expect((await second.handlers['documents.list']({}))[0]?.preflight).toEqual({
          state: 'done',
          report: passing(1),
        }),
      );
      expect(record.preflight.state).toBe('running');
    } finally {
      await second.close();
    }
  });
});
