import type { Fixer } from '../ports';
import { citPreflightOptions } from '../preflight/check';
import { createWorkerFixer } from '../preflight/fixes/worker-fixes';

/** The app's one-click fixes for both hosts: each in its own worker, splitting under the CIT's 50 MB limit (court FAQ 48). */
export function createAppFixer(workerScriptPath: string): Fixer & { close(): Promise<void> } {
  return createWorkerFixer(workerScriptPath, citPreflightOptions.limitBytes);
}
