import { readingOf, type DocumentReader } from '../../src-main/core/documents/read-document';
import type { Preflighter } from '../../src-main/core/ports';
import { citPreflightOptions } from '../../src-main/core/preflight/check';
import { preflightPdf } from '../../src-main/core/preflight/run-preflight';

/** The real preflight engine run in the test's own thread: the same reports as the child process, without its limits or cancelling. */
export const inProcessPreflighter: Preflighter = {
  preflight: (bytes, run) =>
    preflightPdf(bytes, { ...citPreflightOptions, firmNames: run.firmNames ?? [] }, undefined, run.onProgress),
};

/** The app's one reading of an added document (`IsolatedReaders.readDocument`), in the test's own thread. */
export const inProcessDocumentReader: DocumentReader = async (bytes, run) =>
  readingOf(await inProcessPreflighter.preflight(bytes, run));
