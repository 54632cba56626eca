import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where unit tests find the PDF worker, bundled once by the global setup. */
export const testPdfWorkerPath = path.join(projectRoot, 'tests', '.output', 'unit-workers', 'pdf-facts.js');

/** The court fixtures shared beside the project (real PDFs and NEFs); CI always has them. */
export const sharedFolder = path.resolve(projectRoot, '..', 'shared');

/** A real fixture's path, or null (with a plain notice once) when `../shared` is absent. */
export function sharedFixture(relative: string): string | null {
  const file = path.join(sharedFolder, 'fixtures', relative);
  if (existsSync(file)) return file;
  if (!existsSync(sharedFolder)) noticeSharedAbsent();
  return null;
}

let isNoticed = false;
function noticeSharedAbsent(): void {
  if (isNoticed) return;
  isNoticed = true;
  process.stdout.write('../shared is absent: the real-fixture cases are skipped; the synthetic fixtures still cover every check.\n');
}
