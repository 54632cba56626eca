import { expect, test } from '@playwright/test';
import { addThroughPicker, documentRow as row } from '../support/documents-page';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBrowserModeProcess, type BrowserModeProcess } from '../support/browser-mode-process';
import { makeBoxAndTextPdf } from '../support/content-pdfs';
import { sharedFixture } from '../support/paths';
import { makeHiddenLayerPdf } from '../support/preflight-pdfs';
import { screenshotPath } from '../support/screenshots';
import { makeNotPdf, makePdf } from '../support/synthetic-pdfs';

/**
 * A real bad redaction from Free Law Project's x-ray tests: three black boxes over answers that can still be copied.
 * Without ../shared, a synthetic page with a box drawn over a line of text stands in for it.
 */
const realBadRedaction = sharedFixture('pdf/freelawproject__x-ray/tests/assets/rectangles_yes.pdf');

async function badRedactionPdf(): Promise<{ name: string; buffer: Buffer; leakingText: string }> {
  if (realBadRedaction) {
    return {
      name: 'rectangles_yes.pdf',
      buffer: await readFile(realBadRedaction),
      leakingText: 'did not disclose all relevant medical history',
    };
  }
  const bytes = await makeBoxAndTextPdf({ text: 'SSN 123-45-6789', isBoxFirst: false });
  return { name: 'Synthetic bad redaction.pdf', buffer: Buffer.from(bytes), leakingText: '123-45-6789' };
}

let dataFolder = '';
let app: BrowserModeProcess | null = null;

test.beforeEach(async () => {
  dataFolder = await mkdtemp(path.join(tmpdir(), 'ecf-e2e-preflight-'));
});

test.afterEach(async () => {
  await app?.stop();
  app = null;
  await rm(dataFolder, { recursive: true, force: true });
});

test('a paralegal adds a PDF with a bad redaction and a clean one, and preflight says which the court would reject and what leaks', async ({
  page,
}) => {
  app = await startBrowserModeProcess(dataFolder);
  await page.goto(app.url);
  await expect(page.getByTestId('empty-state')).toBeVisible();

  const leaky = await badRedactionPdf();
  await addThroughPicker(page, [
    { name: leaky.name, mimeType: 'application/pdf', buffer: leaky.buffer },
    { name: 'Clean brief.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(3)) },
    { name: 'Exhibit B.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(makeNotPdf()) },
  ]);

  await expect(row(page, leaky.name).getByTestId('preflight-status')).toHaveText(/^Court would reject \(\d+\)$/);
  await expect(row(page, 'Clean brief.pdf').getByTestId('preflight-status')).toHaveText('Ready to file');
  await expect(row(page, 'Exhibit B.docx').getByTestId('preflight-status')).toContainText('not a PDF');
  await expect(page.getByTestId('findings-panel')).toContainText('Select a document in the list');
  await page.screenshot({ path: screenshotPath('preflight-list'), fullPage: true });

  await row(page, leaky.name).click();
  const panel = page.getByTestId('findings-panel');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(leaky.name);
  const redaction = panel.locator('[data-testid="finding"][data-code="bad-redaction"]');
  await expect(redaction).toHaveAttribute('data-severity', 'block');
  await expect(redaction.getByTestId('leaking-text')).toContainText('The text that leaks');
  await expect(redaction.getByTestId('leaking-text')).toContainText(leaky.leakingText);
  await expect(redaction).toContainText('Page 1');
  await page.screenshot({ path: screenshotPath('preflight-findings'), fullPage: true });
  // The window scrolls inside its main area: a taller window pictures the whole panel, then the usual size returns.
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: viewport?.width ?? 1280, height: 1500 });
  await page.screenshot({ path: screenshotPath('preflight-findings-panel'), fullPage: true });
  if (viewport) {
    await page.setViewportSize(viewport);
  }

  // The keyboard reaches the clean document too: arrow keys move between rows, Enter opens its findings.
  await row(page, leaky.name).focus();
  const rows = page.getByTestId('document-row');
  const names = await rows.evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('data-document-name')),
  );
  const steps = names.indexOf('Clean brief.pdf') - names.indexOf(leaky.name);
  for (let step = 0; step < Math.abs(steps); step += 1) {
    await page.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
  }
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Clean brief.pdf');
  await expect(panel.getByTestId('findings-verdict')).toHaveText('Ready to file');
  await page.screenshot({ path: screenshotPath('preflight-ready'), fullPage: true });

  // The report is stored with the document: after a restart the verdict is there without checking again.
  await app.stop();
  app = await startBrowserModeProcess(dataFolder);
  await page.goto(app.url);
  await expect(row(page, leaky.name).getByTestId('preflight-status')).toHaveText(/^Court would reject/);
  await expect(row(page, 'Clean brief.pdf').getByTestId('preflight-status')).toHaveText('Ready to file');
});

test('the list and the findings panel stay readable at 125% zoom, with no sideways scrolling', async ({ browser }) => {
  app = await startBrowserModeProcess(dataFolder);
  const context = await browser.newContext({ viewport: { width: 819, height: 560 }, deviceScaleFactor: 1.25 });
  const page = await context.newPage();
  await page.goto(app.url);
  const leaky = await badRedactionPdf();
  await addThroughPicker(page, [
    { name: leaky.name, mimeType: 'application/pdf', buffer: leaky.buffer },
    {
      name: 'Plaintiff’s Memorandum in Support of Motion for Judgment on the Agency Record.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(await makePdf(12)),
    },
  ]);
  await expect(row(page, leaky.name).getByTestId('preflight-status')).toHaveText(/^Court would reject/);
  await row(page, leaky.name).click();
  await expect(page.locator('[data-testid="finding"][data-code="bad-redaction"]')).toBeVisible();

  const overflow = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    main: (document.querySelector('main')?.scrollWidth ?? 0) - (document.querySelector('main')?.clientWidth ?? 0),
  }));
  expect(overflow).toEqual({ page: 0, main: 0 });
  await page.screenshot({ path: screenshotPath('preflight-zoom-125'), fullPage: true });

  // The page preview fits the panel too, drawn with the extra pixels the zoom gives so its text stays sharp.
  await page.locator('[data-testid="finding"][data-code="bad-redaction"]').getByTestId('show-page').click();
  const preview = page.getByTestId('page-preview');
  await expect(preview).toHaveAttribute('data-state', 'drawn');
  const drawn = await preview
    .getByTestId('page-canvas')
    .evaluate((canvas: HTMLCanvasElement) => ({ pixels: canvas.width, css: canvas.getBoundingClientRect().width }));
  expect(drawn.pixels).toBe(Math.floor(drawn.css * 1.25));
  const overflowWithPreview = await page.evaluate(
    () => (document.querySelector('main')?.scrollWidth ?? 0) - (document.querySelector('main')?.clientWidth ?? 0),
  );
  expect(overflowWithPreview).toBe(0);
  await preview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('preflight-zoom-125-page-preview') });
  await page.getByTestId('leaking-text').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('preflight-zoom-125-findings') });
  await context.close();
});

test('a paralegal shows the page of a bad redaction and sees each leaking box outlined on it, under the strict CSP', async ({
  page,
}) => {
  app = await startBrowserModeProcess(dataFolder);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  await page.goto(app.url);
  const leaky = await badRedactionPdf();
  await addThroughPicker(page, [{ name: leaky.name, mimeType: 'application/pdf', buffer: leaky.buffer }]);
  await expect(row(page, leaky.name).getByTestId('preflight-status')).toHaveText(/^Court would reject/);
  await row(page, leaky.name).click();

  const redaction = page.locator('[data-testid="finding"][data-code="bad-redaction"]');
  await redaction.getByTestId('show-page').focus();
  await expect(redaction.getByTestId('show-page')).toHaveText('Show page 1');
  await page.keyboard.press('Enter');
  const preview = redaction.getByTestId('page-preview');
  await expect(preview).toHaveAttribute('data-state', 'drawn');

  const canvas = preview.getByTestId('page-canvas');
  const inked = await canvas.evaluate((element: HTMLCanvasElement) => {
    const pixels =
      element.getContext('2d')?.getImageData(0, 0, element.width, element.height).data ?? new Uint8ClampedArray();
    let dark = 0;
    for (let index = 0; index < pixels.length; index += 4) {
      if ((pixels[index] ?? 255) < 128 && (pixels[index + 3] ?? 0) > 0) {
        dark += 1;
      }
    }
    return { dark, width: element.width, cssWidth: element.getBoundingClientRect().width };
  });
  expect(inked.dark).toBeGreaterThan(1000);
  // Drawn at the screen's pixel ratio, so the page stays sharp.
  expect(inked.width).toBe(Math.floor(inked.cssWidth * (await page.evaluate(() => window.devicePixelRatio))));

  const boxes = preview.getByTestId('page-box');
  const expectedBoxes = realBadRedaction ? 3 : 1;
  await expect(boxes).toHaveCount(expectedBoxes);
  const frame = await canvas.boundingBox();
  if (!frame) {
    throw new Error('the page canvas has no box');
  }
  for (let index = 0; index < expectedBoxes; index += 1) {
    const box = boxes.nth(index);
    await expect(box).toBeVisible();
    await expect(box).toHaveAttribute(
      'aria-label',
      new RegExp(`^Box ${index + 1} of ${expectedBoxes}: text still under it`),
    );
    const placed = await box.boundingBox();
    if (!placed) {
      throw new Error(`box ${index + 1} has no box`);
    }
    expect(placed.x).toBeGreaterThanOrEqual(frame.x);
    expect(placed.y).toBeGreaterThanOrEqual(frame.y);
    expect(placed.x + placed.width).toBeLessThanOrEqual(frame.x + frame.width);
    expect(placed.y + placed.height).toBeLessThanOrEqual(frame.y + frame.height);
  }
  // The boxes sit on the black bars: the canvas under each box's centre is dark.
  const centres = await boxes.evaluateAll((elements) =>
    elements.map((element) => {
      const rectangle = element.getBoundingClientRect();
      return { x: rectangle.left + rectangle.width / 2, y: rectangle.top + rectangle.height / 2 };
    }),
  );
  const darkAtCentres = await canvas.evaluate((element: HTMLCanvasElement, points) => {
    const frameRectangle = element.getBoundingClientRect();
    const ratio = element.width / frameRectangle.width;
    const context = element.getContext('2d');
    return points.map(
      ({ x, y }) =>
        (context?.getImageData(
          Math.floor((x - frameRectangle.left) * ratio),
          Math.floor((y - frameRectangle.top) * ratio),
          1,
          1,
        ).data[0] ?? 255) < 64,
    );
  }, centres);
  expect(darkAtCentres).toEqual(centres.map(() => true));

  // The outlines are reachable with Tab, after the controls.
  await page.keyboard.press('Tab');
  await expect(boxes.first()).toBeFocused();
  // The window scrolls inside its main area: a taller window pictures the whole page and its outlines.
  await page.setViewportSize({ width: 1280, height: 2000 });
  await preview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('preflight-page-preview'), fullPage: true });
  expect(violations).toEqual([]);
});

test('a paralegal shows the page a hidden layer draws on and switches every layer on to see what it hides', async ({
  page,
}) => {
  app = await startBrowserModeProcess(dataFolder);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  await page.goto(app.url);
  const name = 'Layered exhibit list.pdf';
  await addThroughPicker(page, [
    { name, mimeType: 'application/pdf', buffer: Buffer.from(await makeHiddenLayerPdf()) },
  ]);
  await expect(row(page, name).getByTestId('preflight-status')).toHaveText(/^Worth a look \(\d+\)$/);
  await row(page, name).click();

  const layers = page.locator('[data-testid="finding"][data-code="hidden-layers"]');
  await expect(layers).toContainText('Privileged notes (hidden when the file opens), on page 2');
  await expect(layers.getByTestId('show-page')).toHaveText('Show page 2');
  await layers.getByTestId('show-page').click();
  const preview = layers.getByTestId('page-preview');
  await expect(preview).toHaveAttribute('data-page', '2');
  await expect(preview).toHaveAttribute('data-state', 'drawn');
  const toggle = preview.getByRole('checkbox', { name: 'Show hidden layers' });
  await expect(toggle).not.toBeChecked();

  const canvas = preview.getByTestId('page-canvas');
  // Darkness summed over the whole page: the hidden text and box add ink only once every layer is shown.
  const ink = () =>
    canvas.evaluate((element: HTMLCanvasElement) => {
      const pixels =
        element.getContext('2d')?.getImageData(0, 0, element.width, element.height).data ?? new Uint8ClampedArray();
      let sum = 0;
      for (let index = 0; index < pixels.length; index += 4) {
        sum += 255 - (pixels[index] ?? 255);
      }
      return sum;
    });
  const asFiled = await ink();
  expect(asFiled).toBeGreaterThan(0);
  await expect(preview.getByTestId('page-box')).toHaveCount(1);
  await expect(preview.getByTestId('page-box')).toHaveAttribute('aria-label', 'Box 1 of 1: drawn on a layer');

  await toggle.check();
  await expect(preview).toHaveAttribute('data-layers', 'all');
  await expect(preview).toHaveAttribute('data-state', 'drawn');
  const everyLayer = await ink();
  expect(everyLayer).toBeGreaterThan(asFiled * 2);

  await page.setViewportSize({ width: 1280, height: 2000 });
  await preview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('preflight-hidden-layer'), fullPage: true });

  await toggle.uncheck();
  await expect(preview).toHaveAttribute('data-state', 'drawn');
  await expect.poll(ink).toBe(asFiled);
  expect(violations).toEqual([]);
});
