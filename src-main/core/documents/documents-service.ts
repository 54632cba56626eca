import { randomUUID } from 'node:crypto';
import type { AddPhase, DocumentRecord } from '../../shared/domain';
import { AppError } from '../errors';
import type { Clock, EmitEvent, FileChooser, PdfReader } from '../ports';
import type { DocumentStore } from '../storage/document-store';
import { sha256Of } from '../storage/document-store';
import type { DocumentsTable } from '../storage/documents-table';
import { describeProblem } from './problem-messages';

/** What the documents service needs from the rest of core and from its host. */
export interface DocumentsServiceDependencies {
  readonly table: DocumentsTable;
  readonly store: DocumentStore;
  readonly pdfReader: PdfReader;
  readonly fileChooser: FileChooser | null;
  readonly clock: Clock;
  readonly emit: EmitEvent;
}

/** The documents the user adds: stored by content, listed with their facts or their problem. */
export interface DocumentsService {
  list(): DocumentRecord[];
  add(jobId: string, name: string, bytes: Uint8Array): Promise<DocumentRecord>;
  choose(): Promise<DocumentRecord[]>;
  remove(id: string): void;
  restore(id: string): DocumentRecord;
}

/** Builds the documents service. */
export function createDocumentsService(dependencies: DocumentsServiceDependencies): DocumentsService {
  const { table, store, pdfReader, fileChooser, clock, emit } = dependencies;

  const add = async (jobId: string, name: string, bytes: Uint8Array): Promise<DocumentRecord> => {
    let lastReported = -1;
    const report = (phase: AddPhase, fraction: number): void => {
      // Hashing a large file reports often; the renderer needs a step only every few percent.
      if (phase === 'hashing' && fraction - lastReported < 0.02 && fraction < 1) return;
      lastReported = phase === 'hashing' ? fraction : -1;
      emit('documents.progress', { jobId, name, phase, fraction });
    };

    report('hashing', 0);
    const sha256 = await sha256Of(bytes, (fraction) => report('hashing', fraction));
    report('reading-pages', 0);
    const facts = bytes.byteLength === 0 ? ({ kind: 'empty' } as const) : await pdfReader.readFacts(bytes);
    if (facts.kind === 'pdf') {
      report('storing', 0);
      await store.put(bytes, sha256);
    }
    const record: DocumentRecord = {
      id: randomUUID(),
      name,
      bytes: bytes.byteLength,
      sha256,
      pages: facts.kind === 'pdf' ? facts.pages : null,
      addedAt: clock.now().toISOString(),
      problem: facts.kind === 'pdf' ? null : describeProblem(facts),
    };
    table.insert(record);
    report('done', 1);
    emit('documents.changed', {});
    return record;
  };

  return {
    list: () => table.list(),
    add,
    async choose() {
      if (!fileChooser) {
        throw new AppError('host.unsupported', 'This window cannot open the file dialog itself; use Add PDFs… or drag the files here.');
      }
      const chosen = await fileChooser.choosePdfs();
      const records: DocumentRecord[] = [];
      for (const file of chosen) records.push(await add(randomUUID(), file.name, file.bytes));
      return records;
    },
    remove(id) {
      if (!table.markRemoved(id, clock.now())) throw new AppError('document.not-found', 'That document is no longer in the list.');
      emit('documents.changed', {});
    },
    restore(id) {
      const restored = table.restore(id);
      if (!restored) throw new AppError('document.not-found', 'That document can no longer be brought back.');
      emit('documents.changed', {});
      return restored;
    },
  };
}
