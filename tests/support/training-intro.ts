import { expect, type Page } from '@playwright/test';

/**
 * Dismisses the training court's first-run introduction, as a returning user has: for a test of a screen's own
 * layout, whose first view the introduction (shown above every screen until dismissed) would push down.
 */
export async function dismissTrainingIntroduction(page: Page): Promise<void> {
  const intro = page.getByRole('region', { name: /^You are using the training court/ });
  await intro.getByRole('button', { name: 'Dismiss the training court introduction' }).click();
  await expect(intro).toHaveCount(0);
}
