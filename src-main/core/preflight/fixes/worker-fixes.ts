import type { Fixer, FixOutcome, FixRequest } from '../../ports';
import { createWorkerTaskRunner, type WorkerFailure, type WorkerLimits } from '../../workers/worker-task-runner';
import { makeCleanCopy } from './make-clean-copy';
import { splitDocument } from './split-document';

/** What the fix worker receives: one document, the fix to make, and the court's per-file limit for a split. */
export interface FixTask {
  readonly bytes: Uint8Array;
  readonly request: FixRequest;
  readonly limitBytes: number;
}

/** Runs the fix engine on one document and says what it made, as plain data that can cross from the worker. */
export async function makeFix(task: FixTask): Promise<FixOutcome> {
  const { bytes, request } = task;
  if (request.fix === 'split') {
    const split = await splitDocument(bytes, task.limitBytes);
    if (!split.ok) return { kind: 'failed', code: split.code, message: split.message };
    return { kind: 'parts', parts: split.parts.map(({ name, firstPage, lastPage, bytes: part }) => ({ name, firstPage, lastPage, bytes: part })) };
  }
  const copy = await makeCleanCopy(bytes, { dropAnnotations: request.dropAnnotations, flattenForms: request.fix === 'flatten-forms' });
  if (!copy.ok) return { kind: 'failed', code: copy.code, message: copy.message };
  return { kind: 'version', bytes: copy.bytes, removed: [...copy.removed], notes: [...copy.notes] };
}

/** A fix of a 55 MB filing takes 4–13 s of CPU; three minutes and 2 GB leave room for a slow machine and a split's parts. */
const defaultLimits: WorkerLimits = { timeoutMs: 180_000, maxMemoryMb: 2048 };

const stoppedReasons: Readonly<Record<Exclude<WorkerFailure['kind'], 'cancelled'>, string>> = {
  timeout: 'it took longer than three minutes, so it was stopped',
  'out-of-memory': 'it needed more memory than one document may use',
  crashed: 'the fixer stopped unexpectedly',
};

/** A fix that ended without an answer from its worker; the original is never touched, so it says so. */
function describeFailure(failure: WorkerFailure): FixOutcome {
  if (failure.kind === 'cancelled') return { kind: 'failed', code: 'fix.cancelled', message: 'The fix was cancelled. The original PDF is unchanged.' };
  return {
    kind: 'failed',
    code: 'fix.stopped',
    message:
      `ECF Desk could not finish the fix: ${stoppedReasons[failure.kind]}. The original PDF is unchanged. ` +
      'A file this hard to process may also trouble the court; re-create the PDF from the original document (or print it to the "Adobe PDF" printer) and add that copy.',
  };
}

/** One-click fixes in worker threads: a fresh worker per fix, each within its limits and cancellable; splits cut under `limitBytes`. */
export function createWorkerFixer(workerScriptPath: string, limitBytes: number, limits: WorkerLimits = defaultLimits): Fixer & { close(): Promise<void> } {
  const runner = createWorkerTaskRunner<FixTask, FixOutcome>(workerScriptPath, limits, describeFailure);
  return {
    fix(bytes, request, run) {
      // The worker gets its own copy; the caller's bytes stay usable.
      const copy = bytes.slice();
      return runner.run({ bytes: copy, request, limitBytes }, { transfer: [copy.buffer as ArrayBuffer], signal: run.signal });
    },
    close: () => runner.close(),
  };
}
