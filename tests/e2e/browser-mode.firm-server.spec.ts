import { expect, test } from '@playwright/test';
import { addToCaseTeam } from '../../src-main/core/firm/case-teams';
import { addUser } from '../../src-main/core/firm/firm-users';
import { startFirmServerOnTestCluster, type FirmServerOnTestCluster } from '../support/firm-server';
import { useAppWithKeyring } from '../support/keyring-app';
import { screenshotPath } from '../support/screenshots';

// A paralegal connects her desktop to the firm server (docs/firm-server.md#connecting-a-desktop): the real server on a
// throwaway PostgreSQL, the app in browser mode with a keyring of its own for the token.

const desk = useAppWithKeyring('ecf-e2e-firm-');
let firm: FirmServerOnTestCluster | null = null;

test.beforeEach(async () => {
  firm = await startFirmServerOnTestCluster();
});
test.afterEach(async () => {
  await firm?.stop();
  firm = null;
});

test('a paralegal connects to the firm server with her token, a mistyped one is refused in place, and she disconnects', async ({
  page,
}) => {
  desk.skipWithoutKeyring();
  test.skip(firm === null, 'No PostgreSQL test cluster can start here.');
  if (firm === null) {
    return;
  }
  const { database, server } = firm;
  const { token } = await addUser(database.pool, 'mchen', 'paralegal');
  await addToCaseTeam(database.pool, '1:26-cv-00123', 'mchen');
  await addToCaseTeam(database.pool, '1:26-cv-00201', 'mchen');
  const app = await desk.start();
  await page.goto(app.url);
  await page.getByTestId('rail-settings').click();
  const section = page.getByTestId('setting-firm-server');
  await expect(section.getByTestId('firm-server-state')).toHaveText('Not connected to a firm server.');

  await section.getByLabel('Address').fill(server.url);
  await section.getByLabel('Your token').fill(`ecfd_${'A'.repeat(43)}`);
  await section.getByRole('button', { name: 'Connect' }).click();
  await expect(section.getByTestId('firm-server-problem')).toContainText(
    'The firm server does not know this token: it may be mistyped, or your user was removed.',
  );
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('settings-firm-server-refused') });

  await section.getByLabel('Your token').fill(token);
  await section.getByRole('button', { name: 'Connect' }).click();
  await expect(section.getByTestId('firm-server-state')).toHaveText(
    `Connected to ${server.url} as mchen (paralegal). You are on the teams of 2 cases.`,
  );
  await expect(page.locator('body')).not.toContainText(token);
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('settings-firm-server-connected') });

  // The token is in the keychain and the address in the settings: a restart comes back connected.
  await desk.stop();
  const again = await desk.start();
  await page.goto(again.url);
  await page.getByTestId('rail-settings').click();
  await expect(section.getByTestId('firm-server-state')).toHaveText(
    `Connected to ${server.url} as mchen (paralegal). You are on the teams of 2 cases.`,
  );

  await section.getByRole('button', { name: 'Disconnect' }).click();
  await expect(section.getByTestId('firm-server-state')).toHaveText('Not connected to a firm server.');
  await expect(section.getByLabel('Your token')).toHaveValue('');
});
