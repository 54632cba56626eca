import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addToCaseTeam } from '../../src-main/core/firm/case-teams';
import { addAccount, logIn } from '../support/accounts-page';
import { confirmCourtDocketText } from '../support/court-docket-text';
import { appearanceInAcme, goToStep, openTheFiling, startFiling } from '../support/filing-wizard';
import { addMailbox } from '../../src-main/core/firm/firm-mailboxes';
import { addUser } from '../../src-main/core/firm/firm-users';
import { invokeChannel, startBrowserModeProcess, type BrowserModeProcess } from '../support/browser-mode-process';
import { migratedFirmDatabase, startTrainingCourtServer, type ServerProcess } from '../support/firm-server';
import { startImapTestServer, type ImapTestServer } from '../support/imap-server';
import { projectRoot } from '../support/paths';
import { startPostgresTestCluster, type PostgresTestCluster } from '../support/postgres-cluster';
import { screenshotPath } from '../support/screenshots';
import { startSecretService, type TestSession } from '../support/secret-service';
import { makePdf } from '../support/synthetic-pdfs';
import { admin, CourtClient, startTestCourt } from '../support/training-court';

// The firm's docket desk end to end (docs/firm-server.md#notices-on-desktops): the training court files a motion and
// mails its notice to the firm's docketing mailbox (Dovecot); `ecf-desk server` as it ships, on a throwaway PostgreSQL,
// reads it once and saves its PDF once; the desktops of the case team — each browser mode with its own data folder and
// keyring — show the notice and open the PDF from the server, and a desktop off the case team never shows it.

type Court = Awaited<ReturnType<typeof startTestCourt>>;
const cleanups: (() => Promise<unknown>)[] = [];

test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup().catch(() => undefined);
  }
});

/** The firm's services: PostgreSQL, the docketing mailbox, the training court; null (after saying why) where one cannot run. */
async function startFirmServices(): Promise<{
  cluster: PostgresTestCluster;
  imap: ImapTestServer;
  court: Court;
} | null> {
  const cluster = await startPostgresTestCluster();
  if (cluster === null) {
    return null;
  }
  cleanups.push(() => cluster.stop());
  const imap = await startImapTestServer();
  if (imap === null) {
    return null;
  }
  cleanups.push(() => imap.stop());
  const court = await startTestCourt({
    imap: { host: imap.host, port: imap.port, secure: false, user: imap.user, pass: imap.pass },
  });
  cleanups.push(() => court.stop());
  return { cluster, imap, court };
}

/** A desktop: browser mode on a data folder and keyring of its own, connected to the firm server as `token`. */
async function startDesktop(firmUrl: string, token: string): Promise<BrowserModeProcess | null> {
  const keyring: TestSession | null = await startSecretService();
  if (keyring === null) {
    return null;
  }
  const dataFolder = await mkdtemp(path.join(tmpdir(), 'ecf-e2e-firm-desk-'));
  cleanups.push(() => rm(dataFolder, { recursive: true, force: true }));
  cleanups.push(() => keyring.stop());
  const app = await startBrowserModeProcess(dataFolder, keyring.env);
  cleanups.push(() => app.stop());
  const status = await invokeChannel<{ state: string }>(app.url, 'firmServer.connect', { url: firmUrl, token });
  expect(status.state).toBe('connected');
  return app;
}

async function openInbox(page: Page, app: BrowserModeProcess): Promise<void> {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Dismiss the training court introduction' }).click();
  await page.getByTestId('rail-inbox').click();
}

test('the court files a motion: the server reads it once and saves its PDF once; the case team’s desktops show it with the PDF, another does not', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const services = await startFirmServices();
  test.skip(services === null, 'PostgreSQL or Dovecot cannot start here.');
  if (services === null) {
    return;
  }
  const { cluster, imap, court } = services;
  const database = await migratedFirmDatabase(cluster);
  cleanups.push(() => database.close());
  const scratch = await mkdtemp(path.join(tmpdir(), 'ecf-e2e-firm-server-'));
  cleanups.push(() => rm(scratch, { recursive: true, force: true }));
  const passwordFile = path.join(scratch, 'docketing.password');
  await writeFile(passwordFile, `${imap.pass}\n`, { mode: 0o600 });
  await addMailbox(database.pool, {
    name: 'docketing',
    host: imap.host,
    port: imap.port,
    secure: false,
    login: imap.user,
    folder: 'INBOX',
    passwordFile,
  });
  // The team of case 1017 (1:26-cv-00123, typed without its judge's initials, as people write it), and an attorney of
  // another case.
  const paralegal = await addUser(database.pool, 'mchen', 'paralegal');
  const attorney = await addUser(database.pool, 'jmorgan', 'attorney');
  const outsider = await addUser(database.pool, 'bobrien', 'attorney');
  await addToCaseTeam(database.pool, '1:26-cv-00123', 'mchen');
  await addToCaseTeam(database.pool, '1:26-cv-00123', 'jmorgan');
  await addToCaseTeam(database.pool, '1:26-cv-00201', 'bobrien');

  const storage = path.join(scratch, 'pdfs');
  const server: ServerProcess = await startTrainingCourtServer(
    database.url,
    storage,
    court.url,
    path.join(projectRoot, 'dist', 'cli', 'ecf-desk.js'),
  );
  cleanups.push(() => server.stop());

  const desktops = await Promise.all(
    [paralegal, attorney, outsider].map((user) => startDesktop(server.url, user.token)),
  );
  test.skip(desktops.includes(null), 'No Secret Service can start here (needs dbus and gnome-keyring).');
  const [paralegalDesk, attorneyDesk, outsiderDesk] = desktops as BrowserModeProcess[];
  const attorneyPage = await browser.newPage();
  const outsiderPage = await browser.newPage();
  cleanups.push(() => attorneyPage.close());
  cleanups.push(() => outsiderPage.close());
  await openInbox(page, paralegalDesk!);
  await openInbox(attorneyPage, attorneyDesk!);
  await openInbox(outsiderPage, outsiderDesk!);

  // Jane Morgan files a motion to stay in case 1017; the court mails its notice to each of the case's four addresses,
  // the firm's docketing mailbox among them.
  const motion = await makePdf(3);
  const filer = new CourtClient(court.url);
  await filer.loginAs('jmorgan');
  const filed = await filer.file({
    caseId: 1017,
    eventId: 'motion-to-stay',
    partyIds: ['acme'],
    main: { name: 'motion.pdf', bytes: motion },
  });
  expect(filed.kind).toBe('nef-receipt');
  await court.settleMail();

  for (const [who, teamPage] of [
    ['paralegal', page],
    ['attorney', attorneyPage],
  ] as const) {
    const row = teamPage.getByTestId('inbox-row');
    await expect(row).toHaveCount(1, { timeout: 30_000 });
    await expect(row).toContainText('1:26-cv-00123');
    await row.click();
    const reader = teamPage.getByTestId('inbox-reader');
    await expect(reader.getByTestId('notice-from-firm-server')).toBeVisible();
    const document = reader.getByTestId('notice-document').first();
    await expect(document).toHaveAttribute('data-state', 'saved', { timeout: 30_000 });
    await expect(document).toContainText('Saved by the firm server with the free look');
    await expect(reader.getByTestId('notice-document-sha256')).toHaveText(
      createHash('sha256').update(motion).digest('hex'),
    );
    // Opened, the PDF comes from the server: the viewer draws its first page.
    await document.getByRole('button', { name: 'View the document' }).click();
    await expect(reader.getByTestId('viewer-page').first()).toHaveAttribute('data-state', 'drawn', { timeout: 30_000 });
    await document.scrollIntoViewIfNeeded();
    await teamPage.screenshot({ path: screenshotPath(`inbox-firm-notice-${who}`) });
  }

  // The paralegal's calendar: its link in Settings, opened as a calendar program would, without a token.
  await page.getByTestId('rail-settings').click();
  await page.getByTestId('firm-calendar-show').click();
  const calendarLink = page.getByTestId('firm-calendar-link');
  await expect(calendarLink).toHaveValue(new RegExp(`^${server.url.replace(/[.]/g, '\\.')}/calendar/mchen/`));
  await page.getByTestId('firm-calendar').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('settings-firm-calendar') });
  const calendar = await fetch(await calendarLink.inputValue());
  expect(calendar.status).toBe(200);
  const calendarText = await calendar.text();
  expect(calendarText).toMatch(/^BEGIN:VCALENDAR\r\n/);
  // The motion's response date, computed under the rules, on the case team's calendar.
  expect(calendarText).toContain('1:26-cv-00123');

  // The firm docket: the motion's notice, and the response date it sets, on one list of the paralegal's cases.
  await page.getByTestId('rail-docket').click();
  const docketNotice = page.locator('[data-testid="docket-item"][data-kind="notice"]');
  await expect(docketNotice).toHaveCount(1);
  await expect(docketNotice).toContainText('1:26-cv-00123');
  await expect(page.locator('[data-testid="docket-item"][data-kind="deadline"]').first()).toContainText(
    '1:26-cv-00123',
  );
  await page.screenshot({ path: screenshotPath('firm-docket'), fullPage: true });

  // Read once, saved once: the docketing mailbox's notice is one entry with one free look, and one PDF on the server.
  const looks = await database.pool.query<{ state: string }>('SELECT state FROM free_looks');
  expect(looks.rows).toEqual([{ state: 'saved' }]);
  const stored = (await readdir(path.join(storage, 'sha256'), { recursive: true })).filter((file) =>
    file.endsWith('.pdf'),
  );
  expect(stored).toHaveLength(1);
  const asked = ((await admin(court, 'GET', '/admin/state'))['documentRequests'] as string[]).filter((request) =>
    request.includes(' /doc1/'),
  );
  expect(new Set(asked.map((request) => /magic_num=(\d+)/.exec(request)?.[1]))).toHaveProperty('size', 1);

  // The outsider's desktop: a notice of its own case, filed after the first, comes through the same server, and it is
  // the only one there (a desktop reads the server's changes in order: had the first reached it, it would be there).
  const government = new CourtClient(court.url);
  await government.loginAs('twalsh');
  const other = await government.file({
    caseId: 1031,
    eventId: 'motion-to-stay',
    partyIds: ['us-1031'],
    main: { name: 'motion-201.pdf', bytes: await makePdf(1) },
  });
  expect(other.kind).toBe('nef-receipt');
  await court.settleMail();
  const outsiderRows = outsiderPage.getByTestId('inbox-row');
  await expect(outsiderRows).toHaveCount(1, { timeout: 30_000 });
  await expect(outsiderRows).toContainText('1:26-cv-00201');
  await outsiderPage.screenshot({ path: screenshotPath('inbox-firm-notice-other-team'), fullPage: true });
});

test('the paralegal shares a draft; the attorney opens it on their own desktop, signs it with their own login and files it', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const services = await startFirmServices();
  test.skip(services === null, 'PostgreSQL or Dovecot cannot start here.');
  if (services === null) {
    return;
  }
  const { cluster, court } = services;
  const database = await migratedFirmDatabase(cluster);
  cleanups.push(() => database.close());
  const scratch = await mkdtemp(path.join(tmpdir(), 'ecf-e2e-firm-drafts-'));
  cleanups.push(() => rm(scratch, { recursive: true, force: true }));
  const paralegal = await addUser(database.pool, 'mchen', 'paralegal');
  const attorney = await addUser(database.pool, 'jmorgan', 'attorney');
  await addToCaseTeam(database.pool, '1:26-cv-00123', 'mchen');
  await addToCaseTeam(database.pool, '1:26-cv-00123', 'jmorgan');
  const server = await startTrainingCourtServer(
    database.url,
    path.join(scratch, 'pdfs'),
    court.url,
    path.join(projectRoot, 'dist', 'cli', 'ecf-desk.js'),
  );
  cleanups.push(() => server.stop());
  const desktops = await Promise.all([paralegal, attorney].map((user) => startDesktop(server.url, user.token)));
  test.skip(desktops.includes(null), 'No Secret Service can start here (needs dbus and gnome-keyring).');
  const [paralegalDesk, attorneyDesk] = desktops as BrowserModeProcess[];

  // The paralegal prepares a notice of appearance under the firm's view-only login, which searches the court but cannot
  // sign, and shares it with the case team.
  await page.goto(paralegalDesk!.url);
  await page.getByRole('button', { name: 'Dismiss the training court introduction' }).click();
  await addAccount(page, 'firmview', { kind: 'view-only' });
  await logIn(page, 'firmview', { isViewOnly: true });
  await startFiling(page, appearanceInAcme);
  await page.getByTestId('party-option').filter({ hasText: 'Acme Steel Corp.' }).getByRole('checkbox').check();
  await page.getByTestId('wizard-next').click();
  const appearance = await makePdf(1);
  await page
    .getByTestId('add-pdfs-input')
    .setInputFiles([{ name: 'Appearance.pdf', mimeType: 'application/pdf', buffer: Buffer.from(appearance) }]);
  await expect(page.getByTestId('document-row').first()).toContainText('Ready to file', { timeout: 30_000 });
  await goToStep(page, 'Review');
  await page.getByTestId('prepared-by').fill('Mei Chen');
  await page.getByTestId('ready-for-review').check();
  await page.getByTestId('back-to-list').click();
  const paralegalRow = page.getByTestId('draft-row');
  await paralegalRow.getByTestId('share-draft').click();
  await expect(paralegalRow.getByTestId('shared-chip')).toHaveText(/^Shared/);
  await expect(page.getByTestId('shared-drafts-status')).toContainText('1 shared draft on your cases');
  await page.screenshot({ path: screenshotPath('filings-shared-draft-paralegal') });

  // On the attorney's own desktop the shared draft is listed; opened, it comes with its PDF, checked here.
  const attorneyPage = await browser.newPage();
  cleanups.push(() => attorneyPage.close());
  await attorneyPage.goto(attorneyDesk!.url);
  await attorneyPage.getByRole('button', { name: 'Dismiss the training court introduction' }).click();
  await attorneyPage.getByTestId('rail-filings').click();
  const listed = attorneyPage.getByTestId('shared-draft');
  await expect(listed).toContainText('1:26-cv-00123-MMB');
  await expect(listed).toContainText('changed by mchen');
  await attorneyPage.screenshot({ path: screenshotPath('filings-shared-drafts-attorney') });
  await listed.getByTestId('open-shared-draft').click();
  await expect(attorneyPage.getByTestId('wizard')).toBeVisible({ timeout: 30_000 });

  // She signs with her own login, and files it with the training court.
  await addAccount(attorneyPage, 'jmorgan', { hasMfa: true });
  await logIn(attorneyPage, 'jmorgan', { hasMfa: true });
  await openTheFiling(attorneyPage);
  await goToStep(attorneyPage, 'Review');
  await expect(attorneyPage.getByTestId('signed-parts')).toContainText('Appearance.pdf (1 page)');
  await attorneyPage.getByTestId('signature-name').fill('Jane Morgan');
  await attorneyPage.getByTestId('signature-role').fill('Attorney for Plaintiff');
  await attorneyPage.getByTestId('sign-checkbox').click();
  await expect(attorneyPage.getByTestId('signature-status')).toContainText('Signed by Jane Morgan (jmorgan)');
  await goToStep(attorneyPage, 'Sign and file');
  await attorneyPage.getByTestId('file-now').click();
  await confirmCourtDocketText(attorneyPage);
  await expect(attorneyPage.getByTestId('outbox-status')).toHaveAttribute('data-state', 'filed', { timeout: 30_000 });
  await expect(attorneyPage.getByTestId('outbox-docket-text')).toContainText('Filed by Jane Morgan');
  await attorneyPage.screenshot({ path: screenshotPath('filings-shared-draft-filed-by-attorney'), fullPage: true });

  // The server's copy says it is filed, signed by her; the paralegal's copy says it was filed from another desktop.
  await expect
    .poll(
      async () =>
        (
          await database.pool.query<{ state: string | null; login: string | null }>(
            "SELECT content->'draft'->'outbox'->>'state' AS state, content->'draft'->'signature'->>'loginId' AS login FROM shared_drafts",
          )
        ).rows,
      { timeout: 30_000 },
    )
    .toEqual([{ state: 'filed', login: 'jmorgan' }]);
  await page.getByTestId('rail-inbox').click();
  await page.getByTestId('rail-filings').click();
  await expect(page.getByTestId('draft-row').getByTestId('shared-chip')).toHaveText(
    /Shared · filed from another desktop/,
    { timeout: 30_000 },
  );
  await expect(page.getByTestId('draft-row').getByTestId('status-chip')).not.toContainText('Filed');
  await page.screenshot({ path: screenshotPath('filings-shared-draft-filed-elsewhere') });
  // On the firm docket, filtered by the attorney, the filing with its state.
  await page.getByTestId('rail-docket').click();
  await page.getByTestId('docket-filter-attorney').selectOption('jmorgan');
  const filing = page.locator('[data-testid="docket-item"][data-kind="filing"]');
  await expect(filing).toHaveCount(1);
  await expect(filing.getByTestId('docket-state')).toHaveText('Filed');
  await expect(filing).toContainText('Jane Morgan');
  await page.screenshot({ path: screenshotPath('firm-docket-filing') });
});
