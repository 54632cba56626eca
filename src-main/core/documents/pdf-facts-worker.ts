import type { PdfFacts } from '../ports';
import { serveOneTask } from '../workers/worker-side';
import { readPdfFacts } from './read-pdf-facts';

/** The worker side of `createWorkerPdfReader`: one document in, its facts out. */
serveOneTask<Uint8Array, PdfFacts, never>((bytes) => readPdfFacts(bytes));
