import { randomUUID } from 'node:crypto';
import type { AddPhase, AnnotationsToDrop, DocumentRecord, StoredDocument } from '../../shared/domain';
import { findFileNameProblem, showFileNameSafely } from '../../shared/file-name';
import type { FixId } from '../../shared/preflight';
import { AppError } from '../errors';
import type { Clock, EmitEvent, FileChooser, Fixer, Preflighter } from '../ports';
import type { DocumentStore } from '../storage/document-store';
import { sha256Of } from '../storage/document-store';
import type { DocumentsTable } from '../storage/documents-table';
import { createDocumentFixes } from './document-fixes';
import { createPreflightQueue } from './preflight-queue';
import { describeProblem } from './problem-messages';
import type { DocumentReader, DocumentReading } from './read-document';
import { hasPdfHeader } from './read-pdf-facts';

/** What the documents service needs from the rest of core and from its host. */
export interface DocumentsServiceDependencies {
  readonly table: DocumentsTable;
  readonly store: DocumentStore;
  /** Reads an added file once: its preflight report and, from the same pass, its page count or its problem. */
  readonly readDocument: DocumentReader;
  /** Checks a document again (on request, after a fix, or a check a quit cut short). */
  readonly preflighter: Preflighter;
  readonly fixer: Fixer;
  /** How many documents are checked at once. */
  readonly preflightConcurrency?: number;
  readonly fileChooser: FileChooser | null;
  readonly clock: Clock;
  readonly emit: EmitEvent;
  /** The firm's names as its signers give them, read at each check: metadata naming only the firm is information. */
  readonly firmNames?: () => readonly string[];
}

/** The documents the user adds: stored by content, listed with their facts or their problem, and preflighted. */
export interface DocumentsService {
  list(): DocumentRecord[];
  /** The stored bytes of a PDF in the list (for its page preview); a file that is not a readable PDF was never stored. */
  content(id: string): Promise<Uint8Array<ArrayBuffer>>;
  /** Reads a file once (its page count and its preflight from the same pass), stores it and answers with its report. */
  add(jobId: string, name: string, bytes: Uint8Array): Promise<DocumentRecord>;
  choose(): Promise<DocumentRecord[]>;
  remove(id: string): void;
  restore(id: string): DocumentRecord;
  /** Checks a PDF again; a check already waiting or running carries on. */
  preflight(id: string): DocumentRecord;
  /** Stops a document's check, leaving it marked as not checked. */
  cancelPreflight(id: string): DocumentRecord;
  /**
   * Makes a one-click fix and answers with the new versions in order (one, or the parts of a split): they replace
   * the original in the list, which is kept for undo, and are checked at once. A fix that cannot be made throws its `fix.*` code.
   */
  fix(id: string, fix: FixId, dropAnnotations: AnnotationsToDrop): Promise<DocumentRecord[]>;
  /** Stops a document's fix, leaving the original as it was. */
  cancelFix(id: string): DocumentRecord;
  /** Takes back the fix that made this version (any part of a split) and answers the original, back in the list. */
  undoFix(id: string): DocumentRecord;
  /** Checks again every document whose check was cut short when the app last stopped. */
  resumeInterruptedPreflights(): void;
  /**
   * Stops the checks and fixes under way: checks resume at the next start, fixes keep nothing and leave their originals
   * as they were. Resolves once the checks under way have ended.
   */
  close(): Promise<void>;
}

/** Builds the documents service. */
export function createDocumentsService(dependencies: DocumentsServiceDependencies): DocumentsService {
  const { table, store, fileChooser, clock, emit } = dependencies;
  const firmNames = dependencies.firmNames ?? (() => []);
  const readDocument: DocumentReader = (bytes, run) =>
    dependencies.readDocument(bytes, { ...run, firmNames: firmNames() });
  const preflighter: Preflighter = {
    preflight: (bytes, run) => dependencies.preflighter.preflight(bytes, { ...run, firmNames: firmNames() }),
  };
  const queue = createPreflightQueue({
    table,
    store,
    preflighter,
    emit,
    concurrency: dependencies.preflightConcurrency,
  });
  const fixes = createDocumentFixes({ table, store, fixer: dependencies.fixer, queue, clock, emit });

  /** A stored document as the list shows it, with the fix being made from it right now. */
  const withFixing = (document: StoredDocument): DocumentRecord => {
    const fix = fixes.fixingOf(document.id);
    return { ...document, fixing: fix === null ? null : { fix } };
  };

  const find = (id: string): DocumentRecord => {
    const document = table.get(id);
    if (!document) {
      throw new AppError('document.not-found', 'That document is no longer in the list.');
    }
    return withFixing(document);
  };

  /**
   * One parse of an added file, in the job `ecf-desk preflight` runs: the page count, the verdict and the findings all
   * come from it. A file that is empty or has no PDF header is not read at all.
   */
  const readOnce = async (
    bytes: Uint8Array,
    onFraction: (fraction: number) => void,
  ): Promise<DocumentReading | { kind: 'empty' }> => {
    if (bytes.byteLength === 0) {
      return { kind: 'empty' };
    }
    if (!hasPdfHeader(bytes)) {
      return { kind: 'not-pdf' };
    }
    onFraction(0);
    return readDocument(bytes, {
      onProgress: (progress) =>
        onFraction(
          progress.phase === 'reading'
            ? 0
            : progress.phase === 'checking'
              ? 0.95
              : 0.9 * (progress.pagesDone / Math.max(1, progress.pageCount)),
        ),
    });
  };

  const add = async (jobId: string, name: string, bytes: Uint8Array): Promise<DocumentRecord> => {
    let lastReported = { phase: 'uploading' as AddPhase, fraction: -1 };
    const report = (phase: AddPhase, fraction: number): void => {
      // Hashing and reading a large file report often; the renderer needs a step only every few percent.
      if (phase === lastReported.phase && fraction - lastReported.fraction < 0.02 && fraction < 1) {
        return;
      }
      lastReported = { phase, fraction };
      emit('documents.progress', { jobId, name, phase, fraction });
    };

    report('hashing', 0);
    const sha256 = await sha256Of(bytes, (fraction) => report('hashing', fraction));
    const reading = await readOnce(bytes, (fraction) => report('reading-pages', fraction));
    if (reading.kind === 'pdf') {
      report('storing', 0);
      await store.put(bytes, sha256);
    }
    const record: StoredDocument = {
      id: randomUUID(),
      name,
      bytes: bytes.byteLength,
      sha256,
      // A reading is a PDF only with pages counted (read-document.ts); a password that hides them is a problem.
      pages: reading.kind === 'pdf' ? reading.report.pages : null,
      addedAt: clock.now().toISOString(),
      problem: reading.kind === 'pdf' ? null : describeProblem(reading),
      preflight: reading.kind === 'pdf' ? { state: 'done', report: reading.report } : { state: 'not-applicable' },
      fixedFrom: null,
    };
    table.insert(record);
    report('done', 1);
    emit('documents.changed', {});
    return find(record.id);
  };

  return {
    list: () => table.list().map(withFixing),
    async content(id) {
      const document = find(id);
      if (document.problem) {
        throw new AppError(
          'document.not-checkable',
          'Only a readable PDF can be shown. Save this file as a PDF from the program that made it, then add it again.',
        );
      }
      // The store reads each file into an ArrayBuffer of its own (never a shared one), as the contract's result says.
      return (await store.read(document.sha256)) as Uint8Array<ArrayBuffer>;
    },
    add,
    async choose() {
      if (!fileChooser) {
        throw new AppError(
          'host.unsupported',
          'This window cannot open the file dialog itself; use Add PDFs… or drag the files here.',
        );
      }
      const chosen = await fileChooser.choosePdfs();
      // The same rule as a name the renderer uploads with (the contract's), checked for every file before any is added.
      for (const file of chosen) {
        const problem = findFileNameProblem(file.name);
        if (problem !== null) {
          throw new AppError(
            'document.bad-name',
            `The name of "${showFileNameSafely(file.name)}" ${problem}. Nothing was added; rename the file without it, then add it again.`,
          );
        }
      }
      const records: DocumentRecord[] = [];
      for (const file of chosen) {
        records.push(await add(randomUUID(), file.name, file.bytes));
      }
      return records;
    },
    remove(id) {
      if (!table.markRemoved(id, clock.now())) {
        throw new AppError('document.not-found', 'That document is no longer in the list.');
      }
      // A fix of a document no longer listed would be thrown away at the end; it stops now instead.
      fixes.cancel(id);
      emit('documents.changed', {});
    },
    restore(id) {
      const restored = table.restore(id);
      if (!restored) {
        throw new AppError('document.not-found', 'That document can no longer be brought back.');
      }
      emit('documents.changed', {});
      return withFixing(restored);
    },
    preflight(id) {
      const document = find(id);
      if (document.preflight.state === 'not-applicable') {
        throw new AppError(
          'document.not-checkable',
          'Only a readable PDF can be checked. Save this file as a PDF from the program that made it, then add it again.',
        );
      }
      queue.enqueue(id);
      return find(id);
    },
    cancelPreflight(id) {
      const document = find(id);
      // A check this queue no longer runs (cut short before a restart) is marked not checked all the same.
      if (!queue.cancel(id) && (document.preflight.state === 'waiting' || document.preflight.state === 'running')) {
        table.setPreflight(id, { state: 'cancelled' });
        emit('documents.changed', {});
      }
      return find(id);
    },
    async fix(id, fix, dropAnnotations) {
      const versions = await fixes.fix(id, fix, dropAnnotations);
      return versions.map((version) => find(version.id));
    },
    cancelFix(id) {
      fixes.cancel(id);
      return find(id);
    },
    undoFix(id) {
      return withFixing(fixes.undo(id));
    },
    resumeInterruptedPreflights() {
      for (const id of table.listUnfinishedPreflights()) {
        queue.enqueue(id);
      }
    },
    async close() {
      fixes.close();
      await queue.close();
    },
  };
}
