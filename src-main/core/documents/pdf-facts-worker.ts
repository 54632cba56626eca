import { parentPort } from 'node:worker_threads';
import { readPdfFacts } from './read-pdf-facts';

/** The worker side of `createWorkerPdfReader`: one document in, its facts out. */
parentPort?.once('message', (bytes: Uint8Array) => {
  void readPdfFacts(bytes).then((facts) => parentPort?.postMessage(facts));
});
