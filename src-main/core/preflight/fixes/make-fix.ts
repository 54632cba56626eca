import type { FixOutcome, FixRequest } from '../../ports';
import { makeCleanCopy } from './make-clean-copy';
import { splitDocument } from './split-document';

/** What a fix needs: one document, the fix to make, and the court's per-file limit for a split. */
export interface FixTask {
  readonly bytes: Uint8Array;
  readonly request: FixRequest;
  readonly limitBytes: number;
}

/** Runs the fix engine on one document and says what it made, as plain data that can cross to the parent process. */
export async function makeFix(task: FixTask): Promise<FixOutcome> {
  const { bytes, request } = task;
  if (request.fix === 'split') {
    const split = await splitDocument(bytes, task.limitBytes);
    if (!split.ok) {
      return { kind: 'failed', code: split.code, message: split.message };
    }
    return {
      kind: 'parts',
      parts: split.parts.map(({ name, firstPage, lastPage, bytes: part }) => ({
        name,
        firstPage,
        lastPage,
        bytes: part,
      })),
    };
  }
  const copy = await makeCleanCopy(bytes, {
    dropAnnotations: request.dropAnnotations,
    flattenForms: request.fix === 'flatten-forms',
  });
  if (!copy.ok) {
    return { kind: 'failed', code: copy.code, message: copy.message };
  }
  return { kind: 'version', bytes: copy.bytes, removed: [...copy.removed], notes: [...copy.notes] };
}
