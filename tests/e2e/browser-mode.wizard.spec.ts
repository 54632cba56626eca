import { expect, test, type Browser, type Page } from '@playwright/test';
import { useApp } from '../support/keyring-app';
import { screenshotPath } from '../support/screenshots';
import { makePdf } from '../support/synthetic-pdfs';

const desk = useApp('ecf-e2e-wizard-');

/** The PDFs of a motion, each with the type the paralegal gives it (the longest names of the Type menu among them). */
const motionDocuments = [
  { name: 'Plaintiff’s Motion to Stay Pending Appeal.pdf', type: 'main' },
  { name: 'Proposed Order Granting the Motion to Stay.pdf', type: 'proposed-order' },
  { name: 'Statement of Consultation.pdf', type: 'consultation-statement' },
  { name: 'Certificate of Service by Mail.pdf', type: 'certificate-of-service' },
  { name: 'Summons Complaint.pdf', type: 'complaint' },
] as const;

/** A new filing open on its Documents step, with the motion's PDFs added, checked and typed. */
async function openDocumentsStep(page: Page): Promise<void> {
  await page.goto((await desk.start()).url);
  await page.getByTestId('rail-filings').click();
  await page.getByTestId('new-filing').first().click();
  await page.locator('[data-testid="wizard-step"][data-step="4"]').click();
  await page.getByTestId('add-pdfs-input').setInputFiles(
    await Promise.all(
      motionDocuments.map(async ({ name }, index) => ({
        name,
        mimeType: 'application/pdf',
        buffer: Buffer.from(await makePdf(index + 1)),
      })),
    ),
  );
  const rows = page.getByTestId('document-row');
  await expect(rows).toHaveCount(motionDocuments.length, { timeout: 30_000 });
  for (const [index, { type }] of motionDocuments.entries()) {
    await expect(rows.nth(index)).toContainText('Ready to file', { timeout: 30_000 });
    await rows.nth(index).getByTestId('document-type').selectOption(type);
  }
  await expect(page.getByTestId('save-indicator')).toHaveText('Saved');
}

/** What does not fit on the Documents step: sideways scrolling, and any type, name or status drawn cut off. */
async function clippedOnDocumentsStep(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const clipped: string[] = [];
    const overflows = (element: Element): boolean => element.scrollWidth > element.clientWidth;
    if (overflows(document.documentElement)) {
      clipped.push('the page scrolls sideways');
    }
    const list = document.querySelector('.draft-documents__list');
    if (!list || overflows(list)) {
      clipped.push('the documents list scrolls sideways');
    }
    const listRight = list?.getBoundingClientRect().right ?? 0;
    for (const row of document.querySelectorAll<HTMLElement>('[data-testid="document-row"]')) {
      const name = row.dataset.documentName ?? '';
      for (const part of row.querySelectorAll('.draft-document__name, .draft-document__status *')) {
        if (overflows(part) || part.getBoundingClientRect().right > listRight + 0.5) {
          clipped.push(`${name}: "${part.textContent}" is cut off`);
        }
      }
      const remove = row.querySelector('[data-testid="remove-document"]');
      if (!remove || remove.getBoundingClientRect().right > listRight + 0.5) {
        clipped.push(`${name}: Remove is out of sight`);
      }
      // A closed menu draws its chosen option's text in its box, left of the arrow: measure that text in the menu's font.
      const select = row.querySelector<HTMLSelectElement>('[data-testid="document-type"]');
      const label = select?.selectedOptions[0]?.textContent ?? '';
      if (select) {
        const style = getComputedStyle(select);
        const context = document.createElement('canvas').getContext('2d');
        if (context) {
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        }
        const textWidth = context?.measureText(label).width ?? Number.POSITIVE_INFINITY;
        const arrowWidth = 20;
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrowWidth;
        if (textWidth > room) {
          clipped.push(`${name}: the Type "${label}" is cut off (${Math.ceil(textWidth)} px in ${Math.floor(room)})`);
        }
      }
    }
    return clipped;
  });
}

/** Opens the Documents step in a window of this size at this zoom: the page lays out in CSS pixels, size ÷ zoom. */
async function documentsStepAtZoom(
  browser: Browser,
  window: { readonly width: number; readonly height: number },
  zoom: number,
): Promise<{ readonly page: Page; readonly close: () => Promise<void> }> {
  const viewport = { width: Math.floor(window.width / zoom), height: Math.floor(window.height / zoom) };
  const context = await browser.newContext({ viewport, deviceScaleFactor: zoom });
  const page = await context.newPage();
  await openDocumentsStep(page);
  return { page, close: () => context.close() };
}

test('the Documents step shows every type, name, status and Remove in full at 100% zoom', async ({ browser }) => {
  const { page, close } = await documentsStepAtZoom(browser, { width: 1280, height: 800 }, 1);

  expect(await clippedOnDocumentsStep(page)).toEqual([]);
  await page.getByTestId('document-row').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('wizard-documents') });
  await close();
});

test('at 150% zoom of a full-HD window the Documents step fits: every type reads in full beside its description', async ({
  browser,
}) => {
  // 1920×1080 at 150% lays out as 1280×720 CSS pixels: wide enough for the steps beside the step's card.
  const { page, close } = await documentsStepAtZoom(browser, { width: 1920, height: 1080 }, 1.5);

  expect(await clippedOnDocumentsStep(page)).toEqual([]);
  await close();
});

test('the Documents step reflows at 150% zoom of a 1280×800 window: no sideways scrolling, every type, status and Remove in sight', async ({
  browser,
}) => {
  // 1280×800 at 150% lays out as 853×533 CSS pixels drawn at 1.5 device pixels each.
  const { page, close } = await documentsStepAtZoom(browser, { width: 1280, height: 800 }, 1.5);

  expect(await clippedOnDocumentsStep(page)).toEqual([]);
  await page.getByTestId('document-row').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('wizard-documents-zoom-150') });
  await close();
});

test('a reload comes back to the same draft and step', async ({ page }) => {
  await page.goto((await desk.start()).url);
  await page.getByTestId('rail-filings').click();
  await page.getByTestId('new-filing').first().click();
  await page.locator('[data-testid="wizard-step"][data-step="4"]').click();
  const draftId = await page.getByTestId('wizard').getAttribute('data-draft-id');

  await page.reload();

  await expect(page.getByTestId('wizard')).toHaveAttribute('data-draft-id', draftId ?? '');
  await expect(page.getByTestId('wizard-step-title')).toHaveText('4. Documents');
  await expect(page.getByTestId('rail-filings')).toHaveAttribute('aria-current', 'page');
});
