import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { invokeChannel, startBrowserModeProcess, type BrowserModeProcess } from '../support/browser-mode-process';
import { screenshotPath } from '../support/screenshots';
import { projectRoot } from '../support/paths';

// Machine policy on Linux is read from this root-owned file only: the test writes it as root, and puts back what was there.
const policyFolder = '/etc/ecf-desk';
const policyFile = path.join(policyFolder, 'policy.json');
const isRoot = process.getuid?.() === 0;

let dataFolder = '';
let app: BrowserModeProcess | null = null;
let previous: string | null = null;
let madeFolder = false;
let mapFile = '';

/** The training court's shipped page map, as firm IT would start a copy of its own from it. */
async function shippedTrainingMap(): Promise<Record<string, unknown>> {
  const file = path.join(projectRoot, 'src-main', 'core', 'court', 'profiles', 'cit-training.pages.json');
  return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
}

test.beforeEach(async () => {
  dataFolder = await mkdtemp(path.join(tmpdir(), 'ecf-e2e-policy-'));
});

test.afterEach(async () => {
  await app?.stop();
  app = null;
  await rm(dataFolder, { recursive: true, force: true });
  if (mapFile !== '') {
    await rm(mapFile, { force: true });
    mapFile = '';
  }
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
  // The firm's own copy of the training court's page map, set by policy for every user of the machine.
  const firmMap = path.join(dataFolder, '..', `${path.basename(dataFolder)}-firm.pages.json`);
  mapFile = firmMap;
  await writeFile(
    firmMap,
    JSON.stringify({
      ...(await shippedTrainingMap()),
      description: "The firm's checked copy of the training court's page map.",
    }),
  );
  await writeFile(
    policyFile,
    JSON.stringify({
      pageMapFile: firmMap,
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
  const pageMap = screen.getByTestId('setting-page-map');
  await expect(pageMap.locator('[data-testid="managed-badge"][data-key="pageMapFile"]')).toContainText(
    '/etc/ecf-desk/policy.json',
  );
  await expect(pageMap.getByTestId('page-map-in-use')).toContainText(
    `Set by your organization: ${firmMap}.The firm's checked copy of the training court's page map.`,
  );
  await expect(pageMap.getByTestId('load-page-map')).toHaveCount(0);
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
  await expect(page.getByTestId('page-map-in-use')).toHaveAttribute('data-source', 'shipped');
  await expect(page.getByTestId('load-page-map')).toBeVisible();
});

test('a court page map from firm IT is loaded in Settings, a file that is not one is refused, and the built-in map comes back', async ({
  page,
}) => {
  app = await startBrowserModeProcess(dataFolder);
  await page.goto(app.url);
  await page.getByTestId('rail-settings').click();
  const section = page.getByTestId('setting-page-map');
  await expect(section.getByTestId('page-map-in-use')).toHaveAttribute('data-source', 'shipped');

  await section.getByTestId('load-page-map-input').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"court": "cit-training", "start": "/"}'),
  });
  await expect(page.getByTestId('error-banner')).toContainText('ECF Desk did not change the court page map.');
  await expect(page.getByTestId('error-banner')).toContainText('notes.json cannot be loaded as a court page map.');
  await expect(section.getByTestId('page-map-in-use')).toHaveAttribute('data-source', 'shipped');

  await section.getByTestId('load-page-map-input').setInputFiles({
    name: 'firm.pages.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...(await shippedTrainingMap()), description: "The firm's checked copy." })),
  });
  await expect(section.getByTestId('page-map-in-use')).toHaveText(
    "Loaded from firm.pages.json.The firm's checked copy.",
  );
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('settings-page-map-loaded') });

  await section.getByRole('button', { name: 'Use the built-in map' }).click();
  await expect(section.getByTestId('page-map-in-use')).toHaveAttribute('data-source', 'shipped');
  await expect(section.getByRole('button', { name: 'Use the built-in map' })).toHaveCount(0);
});
