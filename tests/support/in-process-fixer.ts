import type { Fixer } from '../../src-main/core/ports';
import { citPreflightOptions } from '../../src-main/core/preflight/check';
import { makeFix } from '../../src-main/core/preflight/fixes/make-fix';

/** The real fix engine run in the test's own thread: the same outcomes as the child process, without its limits; `limitBytes` lets a small file be split. */
export function createInProcessFixer(limitBytes: number = citPreflightOptions.limitBytes): Fixer {
  return { fix: (bytes, request) => makeFix({ bytes, request, limitBytes }) };
}
