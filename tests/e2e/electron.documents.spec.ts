import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dropFiles } from '../support/drop-files';
import { projectRoot } from '../support/paths';
import { screenshotPath } from '../support/screenshots';
import { makeNotPdf, makePdf } from '../support/synthetic-pdfs';

/** Electron's executable when its binary is installed; the npm package alone carries only the typings. */
function findElectronBinary(): string | null {
  const packageFolder = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(packageFolder, 'path.txt');
  if (!existsSync(pathFile)) {
    return null;
  }
  const binary = path.join(packageFolder, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const electronBinary = findElectronBinary();

test.skip(
  !electronBinary,
  'Electron binary is not installed on this machine (only its typings are); the desktop slice runs where it is.',
);

let dataFolder = '';
let app: ElectronApplication | null = null;

function launch(): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: electronBinary ?? undefined,
    args: [projectRoot],
    env: { ...process.env, ECF_DESK_HOME: dataFolder },
  });
}

test.beforeEach(async () => {
  dataFolder = await mkdtemp(path.join(tmpdir(), 'ecf-electron-'));
});
test.afterEach(async () => {
  await app?.close();
  await rm(dataFolder, { recursive: true, force: true });
});

test('the desktop app adds a dropped PDF and a non-PDF, and keeps the list across a restart', async () => {
  app = await launch();
  let window = await app.firstWindow();
  expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  await dropFiles(window, window.getByTestId('drop-zone'), [
    { name: 'Brief.pdf', type: 'application/pdf', bytes: await makePdf(3) },
    { name: 'Notes.txt', type: 'text/plain', bytes: makeNotPdf() },
  ]);
  await expect(window.locator('[data-document-name="Brief.pdf"] [data-testid="document-pages"]')).toHaveText('3');
  await expect(window.locator('[data-document-name="Notes.txt"] [data-testid="document-problem"]')).toContainText(
    'not a PDF',
  );
  await window.screenshot({ path: screenshotPath('electron-documents-list') });

  await app.close();
  app = await launch();
  window = await app.firstWindow();
  await expect(window.locator('[data-document-name="Brief.pdf"] [data-testid="document-pages"]')).toHaveText('3');
});
