import { expect } from '@playwright/test';
import type { CourtStatus } from '../../src-main/shared/domain';
import { invokeChannel } from './browser-mode-process';
import { makePdf } from './synthetic-pdfs';
import { CourtClient } from './training-court';

/** Asks the running app which court it talks to, as the renderer does. */
export function courtStatus(appUrl: string): Promise<CourtStatus> {
  return invokeChannel<CourtStatus>(appUrl, 'court.status');
}

/**
 * Files notices of appearance in a case the firm is counsel in, so their NEFs reach the firm's docketing mailbox at
 * the app's training court: one filing for each `[pages, docket text added]` pair, its PDF that many pages long.
 */
export async function fileAppearances(
  appUrl: string,
  filings: readonly (readonly [pages: number, annotation: string])[],
  makeDocument: (pages: number) => Promise<Uint8Array> = makePdf,
): Promise<void> {
  const court = new CourtClient((await courtStatus(appUrl)).ecfUrl ?? '');
  await court.loginAs('twalsh');
  for (const [pages, annotation] of filings) {
    const filed = await court.file({
      caseId: 1017,
      eventId: 'form-11-notice-of-appearance',
      partyIds: ['us-1017'],
      main: { name: 'appearance.pdf', bytes: await makeDocument(pages) },
      annotation,
    });
    expect(filed.kind).toBe('nef-receipt');
  }
}
