import { expect, type Page } from '@playwright/test';

/** A filing's case and event as the wizard's first two steps find them. */
export interface FilingStart {
  /** What is typed in the case search ("26-00201"). */
  readonly caseQuery: string;
  /** The case number the result shows ("1:26-cv-00201"). */
  readonly caseNumber: string;
  readonly caption: string;
  /** A word of the event typed in the event search ("appearance"). */
  readonly eventSearch: string;
  readonly eventName: string;
}

/** Starts a new filing on the Filings screen: chooses its case (step 1) and its event (step 2), then goes to step 3. */
export async function startFiling(page: Page, filing: FilingStart): Promise<void> {
  await page.getByTestId('rail-filings').click();
  await page.getByTestId('new-filing').first().click();
  await page.getByTestId('case-search').fill(filing.caseQuery);
  await page.getByTestId('case-search').press('Enter');
  await page.getByTestId('case-result').filter({ hasText: filing.caseNumber }).click();
  await expect(page.getByTestId('chosen-case')).toContainText(filing.caption);
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('event-search').fill(filing.eventSearch);
  await page.getByTestId('event-result').filter({ hasText: filing.eventName }).first().click();
  await page.getByTestId('wizard-next').click();
}

/** The notice of appearance in Acme Steel Corp. v. United States (case 1017) that several end-to-end tests file. */
export const appearanceInAcme: FilingStart = {
  caseQuery: '26-00123',
  caseNumber: '1:26-cv-00123-MMB',
  caption: 'Acme Steel Corp. v. United States',
  eventSearch: 'appearance',
  eventName: 'Form 11 Notice of Appearance',
};

/** Goes to a wizard step by its title in the step list. */
export async function goToStep(page: Page, title: string): Promise<void> {
  await page.getByTestId('wizard-step').filter({ hasText: title }).click();
}

/** Opens the first filing of the Filings screen afresh (the screen comes back to the filing that was open). */
export async function openTheFiling(page: Page): Promise<void> {
  await page.getByTestId('rail-filings').click();
  const backToList = page.getByTestId('back-to-list');
  if (await backToList.isVisible()) {
    await backToList.click();
  }
  await page.getByTestId('draft-row').first().getByTestId('open-draft').click();
  await expect(page.getByTestId('wizard')).toBeVisible();
}
