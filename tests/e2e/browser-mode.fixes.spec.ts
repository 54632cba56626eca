import { expect, test } from '@playwright/test';
import { documentRow as row } from '../support/documents-page';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBrowserModeProcess, type BrowserModeProcess } from '../support/browser-mode-process';
import { buildPdf, withAttachment, withOpenActionJavaScript } from '../support/preflight-pdfs';
import { screenshotPath } from '../support/screenshots';

/**
 * Split is covered by the core tests only: the court's 50 MB limit is not a setting, and a real 50 MB upload would
 * make this test slow without showing anything the core tests do not.
 */

let dataFolder = '';
let app: BrowserModeProcess | null = null;

test.beforeEach(async () => {
  dataFolder = await mkdtemp(path.join(tmpdir(), 'ecf-e2e-fixes-'));
});

test.afterEach(async () => {
  await app?.stop();
  app = null;
  await rm(dataFolder, { recursive: true, force: true });
});

test('a paralegal makes a clean copy of a PDF the court would reject, sees the before and after, and can undo it', async ({
  page,
}) => {
  app = await startBrowserModeProcess(dataFolder);
  await page.goto(app.url);
  // Synthetic: JavaScript that runs when the file opens (court FAQ 49) and a file attached inside it (NextGen CM/ECF 1.8).
  const bytes = await buildPdf(
    async (document) => {
      await withOpenActionJavaScript(document);
      await withAttachment(document);
    },
    { pages: 3 },
  );
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('add-pdfs').click();
  await (
    await chooser
  ).setFiles([{ name: 'Motion to Dismiss.pdf', mimeType: 'application/pdf', buffer: Buffer.from(bytes) }]);

  await expect(row(page, 'Motion to Dismiss.pdf').getByTestId('preflight-status')).toHaveText(
    /^Court would reject \(\d+\)$/,
  );
  await row(page, 'Motion to Dismiss.pdf').click();
  const panel = page.getByTestId('findings-panel');
  const fixButtons = panel.locator('[data-testid="fix-button"][data-fix="clean-copy"]');
  await expect(fixButtons.first()).toHaveText('Make a clean copy');
  await page.screenshot({ path: screenshotPath('preflight-fix-offered'), fullPage: true });
  await fixButtons.first().click();

  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Motion to Dismiss (clean copy).pdf');
  const summary = panel.getByTestId('fix-summary');
  await expect(summary.getByTestId('fix-before')).toHaveText(/^Court would reject \(\d+\)$/);
  await expect(summary.getByTestId('fix-after')).toHaveText(/^(Ready to file|Worth a look \(\d+\))$/);
  await expect(summary.getByTestId('fix-removed')).toContainText(/attached/i);
  await expect(row(page, 'Motion to Dismiss (clean copy).pdf').getByTestId('preflight-status')).toHaveText(
    /^(Ready to file|Worth a look \(\d+\))$/,
  );
  await expect(row(page, 'Motion to Dismiss.pdf')).toHaveCount(0);
  await expect(panel.locator('[data-testid="finding"][data-code="active-content"]')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('preflight-fix-before-after'), fullPage: true });

  await summary.getByTestId('undo-fix').click();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Motion to Dismiss.pdf');
  await expect(row(page, 'Motion to Dismiss.pdf').getByTestId('preflight-status')).toHaveText(/^Court would reject/);
  await expect(row(page, 'Motion to Dismiss (clean copy).pdf')).toHaveCount(0);
  await expect(panel.getByTestId('fix-summary')).toHaveCount(0);
});
