import { readPdfFacts } from '../../src-main/core/documents/read-pdf-facts';
import { readDraftPackage } from '../../src-main/core/filing/draft-package';
import { readNotice } from '../../src-main/core/inbox/notice-reading';
import { msgToRfc822 } from '../../src-main/core/inbox/sources/msg-to-rfc822';
import type { UntrustedReaders } from '../../src-main/core/isolation/isolated-readers';
import { createInProcessFixer } from './in-process-fixer';
import { inProcessPreflighter } from './in-process-preflighter';

/**
 * The app's readers run in the test's own process: the same engines as the child processes, without their limits.
 * For tests of what core does with an answer; the isolation itself is tested against the real child processes.
 */
export function createInProcessReaders(overrides: Partial<UntrustedReaders> = {}): UntrustedReaders {
  return {
    pdfReader: { readFacts: readPdfFacts },
    preflighter: inProcessPreflighter,
    fixer: createInProcessFixer(),
    noticeParser: { parse: readNotice },
    convertMsg: async (bytes) => msgToRfc822(bytes),
    readDraftPackage: async (bytes) => readDraftPackage(bytes),
    ...overrides,
  };
}
