import type { Locator, Page } from '@playwright/test';

/** A file as the browser's file picker hands it over. */
export interface PickedFile {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

/** Adds files the way a user does: Add PDFs…, then the browser's file picker. */
export async function addThroughPicker(page: Page, files: readonly PickedFile[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('add-pdfs').click();
  await (await chooser).setFiles([...files]);
}

/** The list row of the document with this name. */
export function documentRow(page: Page, name: string): Locator {
  return page.locator(`[data-testid="document-row"][data-document-name="${name}"]`);
}
