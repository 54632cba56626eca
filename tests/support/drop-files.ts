import type { Locator, Page } from '@playwright/test';

/** A file as a test drops it: a name, a type and its bytes. */
export interface DroppedFile {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

/** Drops files onto a target the way the operating system does: dragenter, dragover, drop with a DataTransfer. */
export async function dropFiles(
  page: Page,
  target: Locator,
  files: readonly DroppedFile[],
  beforeDrop?: () => Promise<void>,
): Promise<void> {
  const transfer = await page.evaluateHandle(
    (items) => {
      const data = new DataTransfer();
      for (const item of items) {
        data.items.add(new File([new Uint8Array(item.bytes)], item.name, { type: item.type }));
      }
      return data;
    },
    files.map((file) => ({ name: file.name, type: file.type, bytes: Array.from(file.bytes) })),
  );
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await beforeDrop?.();
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}
