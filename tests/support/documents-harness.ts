import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createDocumentsService,
  type DocumentsService,
  type DocumentsServiceDependencies,
} from '../../src-main/core/documents/documents-service';
import type { EmitEvent } from '../../src-main/core/ports';
import { openDatabase } from '../../src-main/core/storage/database';
import { createDocumentStore, type DocumentStore } from '../../src-main/core/storage/document-store';
import { createDocumentsTable } from '../../src-main/core/storage/documents-table';
import { createInProcessFixer } from './in-process-fixer';
import { inProcessDocumentReader, inProcessPreflighter } from './in-process-preflighter';

/** What a test may choose about the documents service; the rest is the usual in-process set-up. */
export type HarnessChoices = Partial<Omit<DocumentsServiceDependencies, 'table' | 'store' | 'emit'>>;

/** A documents service over a fresh data folder, with the events it emits recorded, opened and closed like the app. */
export interface DocumentsHarness {
  readonly events: { event: string; payload: unknown }[];
  readonly emit: EmitEvent;
  /** The data folder of the current test. */
  folder(): string;
  /** Opens the service on the test's data folder (again after `quit`, as a relaunch does). */
  open(choices?: HarnessChoices): { readonly service: DocumentsService; readonly store: DocumentStore };
  /** Closes every service opened and its database, as quitting the app does. */
  quit(): Promise<void>;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
}

/** Builds the harness; call `setUp` and `tearDown` around each test. */
export function createDocumentsHarness(folderPrefix: string): DocumentsHarness {
  const events: { event: string; payload: unknown }[] = [];
  const emit: EmitEvent = (event, payload) => void events.push({ event, payload });
  let scratch = '';
  let closeAll: (() => Promise<void>)[] = [];
  const quit = async (): Promise<void> => {
    const closing = closeAll;
    closeAll = [];
    for (const close of closing) {
      await close();
    }
  };
  return {
    events,
    emit,
    folder: () => scratch,
    open(choices = {}) {
      const database = openDatabase(path.join(scratch, 'ecf-desk.sqlite'));
      const store = createDocumentStore(path.join(scratch, 'documents'));
      const service = createDocumentsService({
        readDocument: inProcessDocumentReader,
        preflighter: inProcessPreflighter,
        fixer: createInProcessFixer(),
        fileChooser: null,
        clock: { now: () => new Date('2026-11-28T15:00:00.000Z') },
        ...choices,
        table: createDocumentsTable(database),
        store,
        emit,
      });
      closeAll.push(async () => {
        await service.close();
        database.close();
      });
      return { service, store };
    },
    quit,
    async setUp() {
      scratch = await mkdtemp(path.join(tmpdir(), folderPrefix));
      events.length = 0;
    },
    async tearDown() {
      await quit();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}
