import { expect, type Page } from '@playwright/test';
import { screenshotPath } from './screenshots';

/**
 * As the signing attorney on the Submit step: waits for the docket text the court's final-text page showed, reads it,
 * and confirms it (docs/court-pages.md#confirming-the-docket-text). Saves a screenshot of that screen when named.
 * Answers the text confirmed.
 */
export async function confirmCourtDocketText(page: Page, screenshot?: string): Promise<string> {
  const panel = page.getByTestId('confirm-docket-text');
  await expect(panel).toBeVisible({ timeout: 30_000 });
  const text = await panel.getByTestId('court-docket-text').innerText();
  expect(text).toMatch(/Filed by .+ on behalf of /);
  if (screenshot) {
    await page.getByTestId('outbox-status').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath(screenshot) });
  }
  // "Confirm this docket text and file", or, on a page map's first use, "Confirm these screens and this docket text…".
  await panel.getByTestId('confirm-docket-text-button').click();
  return text;
}
