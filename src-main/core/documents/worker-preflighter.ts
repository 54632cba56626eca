import type { Preflighter } from '../ports';
import { citPreflightOptions } from '../preflight/check';
import { createWorkerPreflight } from '../preflight/worker-preflight';

/**
 * The app's preflight for both hosts: each document in its own worker, against the CIT's profile
 * (the training court and the first real court are both the CIT).
 */
export function createWorkerPreflighter(workerScriptPath: string): Preflighter & { close(): Promise<void> } {
  const workers = createWorkerPreflight(workerScriptPath);
  return {
    preflight: (bytes, run) => workers.preflight(bytes, citPreflightOptions, run),
    close: () => workers.close(),
  };
}
