import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { invokeChannel, startBrowserModeProcess, type BrowserModeProcess } from '../support/browser-mode-process';
import { screenshotPath } from '../support/screenshots';

// Machine policy on Linux is read from this root-owned file only: the test writes it as root, and puts back what was there.
const policyFolder = '/etc/ecf-desk';
const policyFile = path.join(policyFolder, 'policy.json');
const isRoot = process.getuid?.() === 0;

let dataFolder = '';
let app: BrowserModeProcess | null = null;
let previous: string | null = null;
let madeFolder = false;

test.beforeEach(async () => {
  dataFolder = await mkdtemp(path.join(tmpdir(), 'ecf-e2e-policy-'));
});

test.afterEach(async () => {
  await app?.stop();
  app = null;
  await rm(dataFolder, { recursive: true, force: true });
  if (!isRoot) {
    return;
  }
  if (previous !== null) {
    await writeFile(policyFile, previous);
  } else {
    await rm(policyFile, { force: true });
  }
  if (madeFolder) {
    await rmdir(policyFolder).catch(() => undefined);
  }
});

test('settings locked by machine policy show as managed by the organization and cannot be changed', async ({
  page,
}) => {
  if (!isRoot && process.env['ECF_DESK_REQUIRE_TEST_SERVICES'] === '1') {
    throw new Error('This test writes /etc/ecf-desk/policy.json and must run as root here.');
  }
  test.skip(!isRoot, 'Writing /etc/ecf-desk/policy.json needs root.');
  madeFolder = !existsSync(policyFolder);
  await mkdir(policyFolder, { recursive: true, mode: 0o755 });
  previous = existsSync(policyFile) ? await readFile(policyFile, 'utf8') : null;
  await writeFile(
    policyFile,
    JSON.stringify({
      courtProfile: 'cit-training',
      allowCredentialStorage: false,
      updateMode: 'none',
      noticeRetentionDays: 365,
      logLevel: 'warn',
    }),
  );
  await chmod(policyFile, 0o644);

  app = await startBrowserModeProcess(dataFolder);
  await page.goto(app.url);
  await page.getByTestId('rail-settings').click();
  const screen = page.getByTestId('settings-screen');
  await expect(screen.locator('[data-testid="managed-badge"][data-key="courtProfile"]')).toContainText(
    'Managed by your organization',
  );
  await expect(screen.locator('[data-testid="managed-badge"][data-key="allowCredentialStorage"]')).toContainText(
    '/etc/ecf-desk/policy.json',
  );
  for (const radio of await screen.getByTestId('setting-court-profile').getByRole('radio').all()) {
    await expect(radio).toBeDisabled();
  }
  const storage = screen.getByTestId('setting-credential-storage');
  await expect(storage).toBeDisabled();
  await expect(storage).not.toBeChecked();
  // The policies with no setting of their own are listed, read-only, in plain words.
  const others = screen.getByTestId('organization-policies');
  await expect(others.getByTestId('organization-policy')).toHaveText([
    /Updates\s*Off: your IT department installs new versions/,
    /Days to keep court notices\s*Read notices are removed 365 days after they arrive/,
    /Log detail\s*Warnings and errors/,
  ]);
  await page.screenshot({ path: screenshotPath('settings-managed'), fullPage: true });
  await others.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('settings-managed-others') });

  // Without the lock, the same screen lets the user choose.
  await rm(policyFile);
  // The app reads the folder's change after a short settling pause and tells an open window by an event; a window
  // reloading meanwhile misses it, so the reload waits until the app itself no longer reports a lock.
  await expect
    .poll(() => invokeChannel<unknown[]>(app?.url ?? '', 'settings.managed'), { timeout: 15_000 })
    .toEqual([]);
  await page.reload();
  await page.getByTestId('rail-settings').click();
  await expect(page.getByTestId('managed-badge')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('setting-credential-storage')).toBeEnabled();
});
