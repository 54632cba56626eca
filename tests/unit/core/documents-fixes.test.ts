import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDocumentsHarness } from '../../support/documents-harness';
import { dispatch } from '../../../src-main/core/api/dispatch';
import { createCoreServices } from '../../../src-main/core/app-services';
import { type DocumentsService } from '../../../src-main/core/documents/documents-service';
import type { Fixer, FixOutcome, FixRequest } from '../../../src-main/core/ports';
import { createIsolatedReaders } from '../../../src-main/core/isolation/isolated-readers';
import { type DocumentStore } from '../../../src-main/core/storage/document-store';
import { createSettingsFile } from '../../../src-main/core/storage/settings-file';
import type { DocumentRecord } from '../../../src-main/shared/domain';
import type { PreflightReport } from '../../../src-main/shared/preflight';
import { makePaddedPdf } from '../../support/fix-pdfs';
import { createInProcessFixer } from '../../support/in-process-fixer';
import { createInProcessReaders } from '../../support/in-process-readers';
import { testIsolatedChildPath } from '../../support/paths';
import { buildPdf, withAttachment, withEncryption, withOpenActionJavaScript } from '../../support/preflight-pdfs';
import { createMemorySecretStore } from '../../support/memory-secret-store';

const harness = createDocumentsHarness('ecf-fixes-');
const { emit } = harness;
let store: DocumentStore;

function build(fixer: Fixer): DocumentsService {
  const opened = harness.open({ fixer });
  store = opened.store;
  return opened.service;
}

const quit = (): Promise<void> => harness.quit();

function listed(service: DocumentsService, id: string): DocumentRecord {
  const found = service.list().find((document) => document.id === id);
  if (!found) {
    throw new Error(`${id} is not listed`);
  }
  return found;
}

async function reportOf(service: DocumentsService, id: string): Promise<PreflightReport> {
  await vi.waitFor(() => expect(listed(service, id).preflight.state).toBe('done'), { timeout: 20_000 });
  const { preflight } = listed(service, id);
  if (preflight.state !== 'done') {
    throw new Error('not done');
  }
  return preflight.report;
}

/** A filing CM/ECF would reject twice over: JavaScript that runs when it opens, and a file attached inside it. */
const scriptedWithAttachment = (): Promise<Uint8Array> =>
  buildPdf(
    async (document) => {
      await withOpenActionJavaScript(document);
      await withAttachment(document);
    },
    { pages: 2 },
  );

/** A fixer that answers only when the test says so, and gives up the way the worker does when cancelled. */
function pausedFixer(): Fixer & { readonly started: FixRequest[]; finish(outcome: FixOutcome): void } {
  const started: FixRequest[] = [];
  let finish: (outcome: FixOutcome) => void = () => undefined;
  return {
    started,
    finish: (outcome) => finish(outcome),
    fix: (_bytes, request, run) =>
      new Promise((resolve) => {
        started.push(request);
        finish = resolve;
        run.signal?.addEventListener('abort', () =>
          resolve({
            kind: 'failed',
            code: 'fix.cancelled',
            message: 'The fix was cancelled. The original PDF is unchanged.',
          }),
        );
      }),
  };
}

beforeEach(() => harness.setUp());
afterEach(() => harness.tearDown());

describe('a clean copy', () => {
  it('replaces a PDF the court would reject with a new version that preflight passes, recording what it removed and the verdict before', async () => {
    const service = build(createInProcessFixer());
    const original = await service.add('job-1', 'Motion.pdf', await scriptedWithAttachment());
    const before = await reportOf(service, original.id);
    expect(before.verdict).toBe('block');
    expect(before.findings.map((finding) => finding.code)).toEqual(
      expect.arrayContaining(['active-content', 'embedded-files']),
    );

    const [copy, ...others] = await service.fix(original.id, 'clean-copy', 'none');
    expect(others).toEqual([]);
    expect(copy?.name).toBe('Motion (clean copy).pdf');
    expect(copy?.pages).toBe(2);
    expect(copy?.fixedFrom).toMatchObject({
      fromId: original.id,
      fromName: 'Motion.pdf',
      fix: 'clean-copy',
      before: { verdict: 'block', blocking: before.findings.filter((f) => f.severity === 'block').length },
      part: null,
    });
    expect(copy?.fixedFrom?.removed.join(' ')).toMatch(/JavaScript|action/i);
    expect(copy?.fixedFrom?.removed.join(' ')).toMatch(/attach/i);
    expect(service.list().map((document) => document.name)).toEqual(['Motion (clean copy).pdf']);

    const after = await reportOf(service, copy?.id ?? '');
    expect(after.verdict).not.toBe('block');
    expect(after.findings.map((finding) => finding.code)).not.toContain('active-content');
    expect(after.findings.map((finding) => finding.code)).not.toContain('embedded-files');
  });

  it('keeps the original, so Undo fix puts it back in the list with its report and takes the copy away', async () => {
    const service = build(createInProcessFixer());
    const original = await service.add('job-2', 'Motion.pdf', await scriptedWithAttachment());
    await reportOf(service, original.id);
    const [copy] = await service.fix(original.id, 'clean-copy', 'all');
    expect(store.has(original.sha256)).toBe(true);

    const restored = service.undoFix(copy?.id ?? '');
    expect(restored).toMatchObject({
      id: original.id,
      name: 'Motion.pdf',
      fixedFrom: null,
      preflight: { state: 'done', report: { verdict: 'block' } },
    });
    expect(service.list().map((document) => document.id)).toEqual([original.id]);
    expect(() => service.undoFix(copy?.id ?? '')).toThrow(expect.objectContaining({ code: 'fix.nothing-to-undo' }));
    expect(() => service.undoFix(original.id)).toThrow(expect.objectContaining({ code: 'fix.nothing-to-undo' }));

    await quit();
    expect(
      build(createInProcessFixer())
        .list()
        .map((document) => document.name),
    ).toEqual(['Motion.pdf']);
  });

  it('is made in a child process as the app ships it', async () => {
    const readers = createIsolatedReaders({ scriptPath: testIsolatedChildPath, limitBytes: 50_000_000 });
    try {
      const service = build(readers.fixer);
      const original = await service.add('job-3', 'Exhibit 1.pdf', await scriptedWithAttachment());
      const [copy] = await service.fix(original.id, 'clean-copy', 'none');
      expect(copy?.name).toBe('Exhibit 1 (clean copy).pdf');
      expect((await reportOf(service, copy?.id ?? '')).findings.map((finding) => finding.code)).not.toContain(
        'active-content',
      );
    } finally {
      await readers.close();
    }
  });

  it('of a clean copy is named once, not "(clean copy) (clean copy)"', async () => {
    const service = build(createInProcessFixer());
    const original = await service.add('job-4', 'Motion.pdf', await scriptedWithAttachment());
    const [copy] = await service.fix(original.id, 'clean-copy', 'none');
    const [again] = await service.fix(copy?.id ?? '', 'flatten-forms', 'none');
    expect(again?.name).toBe('Motion (flattened).pdf');
    expect(again?.fixedFrom?.fromName).toBe('Motion (clean copy).pdf');
  });
});

describe('a split', () => {
  it('replaces a PDF over the limit with parts in page order, each under the limit, named "Part n of N (pages a–b)"', async () => {
    const limit = 250_000;
    const service = build(createInProcessFixer(limit));
    const original = await service.add('job-5', 'Appendix.pdf', await makePaddedPdf(6, 100_000, []));
    expect(original.bytes).toBeGreaterThan(limit);

    const parts = await service.fix(original.id, 'split', 'none');
    expect(parts.length).toBeGreaterThan(1);
    let nextPage = 1;
    parts.forEach((part, index) => {
      const facts = part.fixedFrom?.part;
      if (!facts) {
        throw new Error('not a part');
      }
      expect(facts).toMatchObject({ number: index + 1, count: parts.length, firstPage: nextPage });
      const pages =
        facts.firstPage === facts.lastPage ? `page ${facts.firstPage}` : `pages ${facts.firstPage}–${facts.lastPage}`;
      expect(part.name).toBe(`Appendix — Part ${index + 1} of ${parts.length} (${pages}).pdf`);
      expect(part.pages).toBe(facts.lastPage - facts.firstPage + 1);
      expect(part.bytes).toBeLessThanOrEqual(limit);
      nextPage = facts.lastPage + 1;
    });
    expect(nextPage).toBe(7);
    expect(service.list().map((document) => document.name)).toEqual(parts.map((part) => part.name));
    for (const part of parts) {
      expect((await reportOf(service, part.id)).pages).toBe(part.pages);
    }
  });

  it('is undone as a whole from any part: every part goes and the original comes back', async () => {
    const service = build(createInProcessFixer(250_000));
    const original = await service.add('job-6', 'Appendix.pdf', await makePaddedPdf(6, 100_000, []));
    const parts = await service.fix(original.id, 'split', 'none');
    expect(service.undoFix(parts.at(-1)?.id ?? '').id).toBe(original.id);
    expect(service.list().map((document) => document.name)).toEqual(['Appendix.pdf']);
  });
});

describe('a fix that cannot be made', () => {
  it('comes back as an error envelope with the engine’s plain-language message when the PDF needs a password, and changes nothing', async () => {
    const core = createCoreServices({
      dataFolder: harness.folder(),
      host: 'browser',
      version: '0.0.0',
      settingsFile: createSettingsFile(harness.folder()),
      fileChooser: null,
      readers: createInProcessReaders(),
      emit,
      secretStore: createMemorySecretStore(),
    });
    try {
      const added = await core.handlers['documents.add']({
        jobId: 'job-7',
        name: 'Locked.pdf',
        bytes: new Uint8Array(await buildPdf(withEncryption('user-secret'))),
      });
      const envelope = await dispatch(core.handlers, 'documents.fix', { id: added.id, fix: 'clean-copy' });
      expect(envelope).toEqual({
        ok: false,
        error: { code: 'fix.needs-password', message: expect.stringMatching(/needs a password to open.*No Security/s) },
      });
      expect((await core.handlers['documents.list']({})).map((document) => document.id)).toEqual([added.id]);
    } finally {
      await core.close();
    }
  });

  it('loses nothing when cancelled: the original stays in the list as it was, and no version is kept', async () => {
    const fixer = pausedFixer();
    const service = build(fixer);
    const original = await service.add('job-8', 'Motion.pdf', await scriptedWithAttachment());
    const fixing = service.fix(original.id, 'clean-copy', 'comments');
    await vi.waitFor(() => expect(fixer.started).toEqual([{ fix: 'clean-copy', dropAnnotations: 'comments' }]));
    expect(listed(service, original.id).fixing).toEqual({ fix: 'clean-copy' });
    await expect(service.fix(original.id, 'clean-copy', 'none')).rejects.toMatchObject({ code: 'fix.busy' });

    expect(service.cancelFix(original.id).fixing).toBeNull();
    await expect(fixing).rejects.toMatchObject({ code: 'fix.cancelled' });
    expect(service.list().map((document) => [document.id, document.fixing])).toEqual([[original.id, null]]);
  });

  it('loses nothing when the app quits mid-fix: after a restart the original is there and no half-made version', async () => {
    const fixer = pausedFixer();
    const service = build(fixer);
    const original = await service.add('job-9', 'Motion.pdf', await scriptedWithAttachment());
    const fixing = service.fix(original.id, 'clean-copy', 'none');
    await vi.waitFor(() => expect(fixer.started).toHaveLength(1));
    await quit();
    await expect(fixing).rejects.toMatchObject({ code: 'fix.cancelled' });

    const restarted = build(createInProcessFixer());
    expect(restarted.list().map((document) => [document.name, document.fixing])).toEqual([['Motion.pdf', null]]);
  });

  it('keeps nothing when the document was removed while it was being fixed', async () => {
    const fixer = pausedFixer();
    const service = build(fixer);
    const original = await service.add('job-10', 'Motion.pdf', await scriptedWithAttachment());
    const fixing = service.fix(original.id, 'clean-copy', 'none');
    await vi.waitFor(() => expect(fixer.started).toHaveLength(1));
    service.remove(original.id);
    await expect(fixing).rejects.toMatchObject({ code: 'fix.cancelled' });
    expect(service.list()).toEqual([]);
    expect(service.restore(original.id).name).toBe('Motion.pdf');
  });
});
