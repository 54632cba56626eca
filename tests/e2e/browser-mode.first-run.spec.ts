import { expect, test, type Page } from '@playwright/test';
import { useApp } from '../support/keyring-app';
import { screenshotPath } from '../support/screenshots';
import { dismissTrainingIntroduction } from '../support/training-intro';

const desk = useApp('ecf-e2e-first-run-');

/** The first-run introduction, once the embedded training court is up. */
async function introduction(page: Page) {
  await expect(page.getByTestId('court-badge')).toHaveAttribute('data-state', 'ready');
  const intro = page.getByRole('region', { name: /^You are using the training court/ });
  await expect(intro).toBeVisible();
  return intro;
}

test('a first run names the training court and its logins, opens its Help topic, and stays dismissed after a restart', async ({
  page,
}) => {
  const app = await desk.start();
  await page.goto(app.url);
  const intro = await introduction(page);
  await expect(intro.getByRole('listitem')).toHaveText([
    /^twalsh — Attorney .* files, and asks for no 6-digit code\.$/,
    /^jmorgan — Attorney .* files, and asks for a 6-digit code\.$/,
    /^firmview — The firm’s shared account, as a paralegal uses it: .* cannot file \(FAQ 12\)\.$/,
  ]);
  await expect(intro).toContainText('watch its Notice of Electronic Filing arrive in the Inbox');
  await page.screenshot({ path: screenshotPath('first-run-training-court'), fullPage: true });

  await intro.getByTestId('help-link').click();
  const topic = page.getByTestId('help-topic').and(page.locator('[data-topic-id="training-court"]'));
  await expect(topic).toContainText('jmorgan (password Training-Morgan-1)');
  await page.screenshot({ path: screenshotPath('help-training-court'), fullPage: true });

  await dismissTrainingIntroduction(page);

  await desk.stop();
  await page.goto((await desk.start()).url);
  await expect(page.getByTestId('court-badge')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(page.getByRole('region', { name: /^You are using the training court/ })).toHaveCount(0);
});

test('the first-run introduction fits a 1280×800 window at 150% zoom, with no sideways scrolling', async ({
  browser,
}) => {
  const app = await desk.start();
  // A 1280×800 window at 150% zoom lays out as 853×533 CSS pixels drawn at 1.5 device pixels each.
  const context = await browser.newContext({ viewport: { width: 853, height: 533 }, deviceScaleFactor: 1.5 });
  const page = await context.newPage();
  await page.goto(app.url);
  const intro = await introduction(page);
  await expect(intro.getByRole('button', { name: 'Dismiss the training court introduction' })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
    0,
  );
  await page.screenshot({ path: screenshotPath('first-run-training-court-zoom-150'), fullPage: true });
  await context.close();
});
