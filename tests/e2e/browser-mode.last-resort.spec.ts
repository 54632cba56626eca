import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startBrowserModeProcess, type BrowserModeProcess } from '../support/browser-mode-process';

let folder = '';
let app: BrowserModeProcess | null = null;

test.beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'ecf-e2e-last-resort-'));
});

test.afterEach(async () => {
  await app?.stop();
  app = null;
  await rm(folder, { recursive: true, force: true });
});

/**
 * Loaded into the server before its own code: once the server says it is running, a promise rejects with nobody to
 * handle it, as background work that forgot its catch would. (The server's own child processes start without it.)
 */
const rejectOnceRunning = `
delete process.env.NODE_OPTIONS;
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  if (String(chunk).includes('Open http')) {
    setTimeout(() => {
      Promise.reject(new Error('background work failed on purpose'));
    }, 0);
  }
  return write(chunk, ...rest);
};
`;

test('a rejection in background work is logged with its stack and does not end the server', async ({ page }) => {
  const dataFolder = path.join(folder, 'data');
  const preload = path.join(folder, 'reject-once-running.mjs');
  await writeFile(preload, rejectOnceRunning);
  app = await startBrowserModeProcess(dataFolder, { NODE_OPTIONS: `--import=${pathToFileURL(preload).href}` });

  const logFile = path.join(dataFolder, 'logs', 'ecf-desk.log');
  await expect
    .poll(() => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''))
    .toMatch(/ERROR Unhandled rejection \(ECF Desk goes on\): Error: background work failed on purpose\s+at /);

  // The server still serves the app and answers its calls.
  await page.goto(app.url);
  await expect(page.getByTestId('court-badge')).toHaveAttribute('data-state', 'ready');
});
