import { readFilingPage } from '../../src-main/core/court/read-filing-page';
import { readPdfFacts } from '../../src-main/core/documents/read-pdf-facts';
import { readDraftPackage } from '../../src-main/core/filing/draft-package';
import { readCourtPage } from '../../src-main/core/inbox/free-look/read-court-page';
import { readNotice } from '../../src-main/core/inbox/notice-reading';
import { msgToRfc822 } from '../../src-main/core/inbox/sources/msg-to-rfc822';
import type { UntrustedReaders } from '../../src-main/core/isolation/isolated-readers';
import { createInProcessFixer } from './in-process-fixer';
import { inProcessDocumentReader, inProcessPreflighter } from './in-process-preflighter';

/** How the free look and purchases read court pages and count pages, in the test's own process. */
export const inProcessCourtReading = {
  readPage: async (html: string, url: string) => readCourtPage(html, url),
  countPages: async (bytes: Uint8Array) => {
    const facts = await readPdfFacts(bytes);
    return facts.kind === 'pdf' ? facts.pages : null;
  },
};

/**
 * The app's readers run in the test's own process: the same engines as the child processes, without their limits.
 * For tests of what core does with an answer; the isolation itself is tested against the real child processes.
 */
export function createInProcessReaders(overrides: Partial<UntrustedReaders> = {}): UntrustedReaders {
  return {
    readDocument: inProcessDocumentReader,
    preflighter: inProcessPreflighter,
    fixer: createInProcessFixer(),
    noticeParser: { parse: readNotice },
    convertMsg: async (bytes) => msgToRfc822(bytes),
    readDraftPackage: async (bytes) => readDraftPackage(bytes),
    readCourtPage: inProcessCourtReading.readPage,
    countPdfPages: inProcessCourtReading.countPages,
    readFilingPage: async (profileId, html, expected) => readFilingPage(profileId, html, expected),
    ...overrides,
  };
}
