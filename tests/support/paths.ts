import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the global setup bundles the workers and the CLI for unit tests (laid out as in dist/). */
export const testBuildFolder = path.join(projectRoot, 'tests', '.output', 'unit-build');

/** The child process that reads untrusted files (beside its jobs' bundles), as unit tests run it. */
export const testIsolatedChildPath = path.join(testBuildFolder, 'workers', 'isolated-child.js');

/** The `ecf-desk` command line, as unit tests run it. */
export const testCliPath = path.join(testBuildFolder, 'cli', 'ecf-desk.js');

/** A process that reads one saved court page (as the free-look fetcher or the filing driver does) and prints what it found. */
export const testPageReaderPath = path.join(testBuildFolder, 'processes', 'read-page.js');

/** The court fixtures shared beside the project (real PDFs and NEFs); CI always has them. */
export const sharedFolder = path.resolve(projectRoot, '..', 'shared');

/** A real fixture's path, or null (with a plain notice once) when `../shared` is absent. */
export function sharedFixture(relative: string): string | null {
  const file = path.join(sharedFolder, 'fixtures', relative);
  if (existsSync(file)) {
    return file;
  }
  if (!existsSync(sharedFolder)) {
    noticeSharedAbsent();
  }
  return null;
}

let isNoticed = false;
function noticeSharedAbsent(): void {
  if (isNoticed) {
    return;
  }
  isNoticed = true;
  process.stdout.write(
    '../shared is absent: the real-fixture cases are skipped; the synthetic fixtures still cover every check.\n',
  );
}
