import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { addAccount, logIn } from '../support/accounts-page';
import { buildPdf, withOpenActionJavaScript } from '../support/preflight-pdfs';
import { screenshotPath } from '../support/screenshots';
import { confirmCourtDocketText } from '../support/court-docket-text';
import { useAppWithKeyring } from '../support/keyring-app';
import { makePdf } from '../support/synthetic-pdfs';
import { projectRoot } from '../support/paths';

const desk = useAppWithKeyring('ecf-e2e-filing-');

/** The app, with a filer logged in to the training court. */
async function openLoggedIn(page: Page, loginId: string, hasMfa: boolean): Promise<void> {
  const app = await desk.start();
  await page.goto(app.url);
  await expect(page.getByTestId('court-badge')).toHaveAttribute('data-state', 'ready');
  await addAccount(page, loginId, { hasMfa });
  await logIn(page, loginId, { hasMfa });
  await page.getByTestId('rail-filings').click();
}

/** Steps 1–3: the case by its short number, the event by a word, the party filed for. */
async function chooseCaseEventAndParty(
  page: Page,
  event: { search: string; name: string },
  party: string,
): Promise<void> {
  await page.getByTestId('case-search').fill('26-00123');
  await page.getByTestId('case-search').press('Enter');
  await page.getByTestId('case-result').filter({ hasText: '1:26-cv-00123-MMB' }).click();
  await expect(page.getByTestId('chosen-case')).toContainText('Acme Steel Corp. v. United States');
  await page.screenshot({ path: screenshotPath('filing-1-case'), fullPage: true });
  await page.getByTestId('wizard-next').click();

  await page.getByTestId('event-search').fill(event.search);
  await page.getByTestId('event-result').filter({ hasText: event.name }).first().click();
  await expect(page.getByTestId('event-result').filter({ hasText: event.name }).first()).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.screenshot({ path: screenshotPath('filing-2-event'), fullPage: true });
  await page.getByTestId('wizard-next').click();

  await page.getByTestId('party-option').filter({ hasText: party }).getByRole('checkbox').check();
  await page.screenshot({ path: screenshotPath('filing-3-parties'), fullPage: true });
  await page.getByTestId('wizard-next').click();
}

/**
 * Steps 6–7 up to the court: sign (giving the name the `/s/` signature carries, the first time) and hand the filing to
 * the outbox now. The review is pictured when a screenshot is named.
 */
async function signAndSendNow(page: Page, reviewScreenshot?: string, signerName = 'Jane Morgan'): Promise<void> {
  await page.getByTestId('wizard-step').filter({ hasText: 'Review' }).click();
  const name = page.getByTestId('signature-name');
  if ((await name.inputValue()) === '') {
    await name.fill(signerName);
  }
  // The box shows what main recorded: click, then wait for the signature main bound to this login.
  await page.getByTestId('sign-checkbox').click();
  await expect(page.getByTestId('signature-status')).toContainText('Signed by');
  if (reviewScreenshot) {
    await page.screenshot({ path: screenshotPath(reviewScreenshot), fullPage: true });
  }
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('file-now').click();
}

/** Steps 1–4 of a complaint in case 1017 with one two-page PDF, from the Filings screen, ready to sign. */
async function complaintReadyToSign(page: Page): Promise<void> {
  await page.getByTestId('filings-empty').getByTestId('new-filing').or(page.getByTestId('new-filing')).first().click();
  await chooseCaseEventAndParty(page, { search: 'complaint', name: 'Complaint' }, 'Acme Steel Corp.');
  await page
    .getByTestId('add-pdfs-input')
    .setInputFiles([{ name: 'Complaint.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(2)) }]);
  await expect(page.getByTestId('document-row').filter({ hasText: 'Complaint.pdf' })).toContainText('Ready to file', {
    timeout: 30_000,
  });
}

/** Steps 6–7: sign and file now, confirming the court's docket text; waits for the NEF. */
async function signAndFile(page: Page, prefix: string, signerName = 'Jane Morgan'): Promise<void> {
  await signAndSendNow(page, `${prefix}-6-review`, signerName);
  await confirmCourtDocketText(page, prefix === 'filing' ? 'filing-7-confirm-docket-text' : undefined);
  await expect(page.getByTestId('outbox-status')).toHaveAttribute('data-state', 'filed', { timeout: 30_000 });
  await page.screenshot({ path: screenshotPath(`${prefix}-7-filed`), fullPage: true });
}

test('a complaint with two attachments goes from an empty draft to filed with its NEF', async ({ page }) => {
  desk.skipWithoutKeyring();
  await openLoggedIn(page, 'jmorgan', true);
  await expect(page.getByTestId('filings-empty')).toBeVisible();
  await expect(page.getByTestId('deadline-clock')).toContainText('Midnight Eastern');
  await page.screenshot({ path: screenshotPath('filings-empty'), fullPage: true });
  await page.getByTestId('filings-empty').getByTestId('new-filing').or(page.getByTestId('new-filing')).first().click();
  await expect(page.getByTestId('wizard')).toBeVisible();

  await chooseCaseEventAndParty(page, { search: 'complaint', name: 'Complaint' }, 'Acme Steel Corp.');

  await page.getByTestId('add-pdfs-input').setInputFiles([
    { name: 'Complaint.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(4)) },
    { name: 'Exhibit A.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(2)) },
    { name: 'Exhibit B.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(1)) },
  ]);
  const rows = page.getByTestId('document-row');
  await expect(rows).toHaveCount(3);
  await rows.nth(1).getByTestId('document-description').fill('Exhibit A - Entry summaries');
  await rows.nth(2).getByTestId('document-description').fill('Exhibit B - Protest');
  await expect(page.getByTestId('document-row').filter({ hasText: 'Exhibit B.pdf' })).toContainText('Ready to file', {
    timeout: 30_000,
  });
  await page.screenshot({ path: screenshotPath('filing-4-documents'), fullPage: true });
  await page.getByTestId('wizard-next').click();

  await expect(page.getByTestId('docket-preview')).toContainText(
    '(Attachments: # (1) Exhibit A - Entry summaries, # (2) Exhibit B - Protest)',
  );
  await page.screenshot({ path: screenshotPath('filing-5-docket-text'), fullPage: true });

  await signAndFile(page, 'filing');
  await expect(page.getByTestId('outbox-status')).toContainText(
    'Complaint against all defendants. Filed by Jane Morgan of Morgan & Reyes LLP on behalf of Acme Steel Corp..',
  );
  await expect(page.getByTestId('sent-documents')).toContainText('Exhibit B.pdf');
  const download = page.waitForEvent('download');
  await page.getByTestId('save-receipt').click();
  expect((await download).suggestedFilename()).toMatch(/^NEF receipt 1-26-cv-00123-MMB 1\.html$/);

  await page.getByTestId('back-to-list').click();
  await expect(page.getByTestId('draft-row').first()).toHaveAttribute('data-state', 'filed');
  await page.screenshot({ path: screenshotPath('filings-list'), fullPage: true });
});

test('a blocked PDF is fixed in the wizard, and the filing goes with the clean copy', async ({ page }) => {
  desk.skipWithoutKeyring();
  await openLoggedIn(page, 'twalsh', false);
  await page.getByTestId('new-filing').first().click();
  await chooseCaseEventAndParty(page, { search: 'appearance', name: 'Form 11 Notice of Appearance' }, 'United States');

  await page.getByTestId('add-pdfs-input').setInputFiles([
    {
      name: 'Appearance.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(await buildPdf(withOpenActionJavaScript)),
    },
  ]);
  const blocked = page.getByTestId('document-blocked');
  await expect(blocked).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: screenshotPath('filing-blocked-document'), fullPage: true });
  // The findings are open in the row at once, with their fix: nobody leaves the wizard for the Documents screen.
  await page
    .getByTestId('document-findings')
    .getByRole('button', { name: /clean copy/i })
    .first()
    .click();
  await expect(page.getByTestId('document-blocked')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('document-row')).toHaveCount(1);
  await page.screenshot({ path: screenshotPath('filing-fixed-document'), fullPage: true });

  await signAndFile(page, 'filing-fixed', 'Thomas Walsh');
});

test("the review's link opens a document's findings in its row on step 4, where its fix is one click", async ({
  page,
}) => {
  desk.skipWithoutKeyring();
  await openLoggedIn(page, 'twalsh', false);
  await page.getByTestId('new-filing').first().click();
  await chooseCaseEventAndParty(page, { search: 'appearance', name: 'Form 11 Notice of Appearance' }, 'United States');
  const withAuthor = await buildPdf((document) => {
    document.setTitle('Notice of Appearance');
    document.setAuthor('Jane Q. Associate');
  });
  await page
    .getByTestId('add-pdfs-input')
    .setInputFiles([{ name: 'Appearance.pdf', mimeType: 'application/pdf', buffer: Buffer.from(withAuthor) }]);
  await expect(page.getByTestId('preflight-status')).toHaveText(/^Worth a look \(1\)$/, { timeout: 30_000 });

  await page.getByTestId('wizard-step').filter({ hasText: 'Review' }).click();
  const warning = page.getByTestId('rule-check').filter({ hasText: 'Appearance.pdf' });
  await warning.getByTestId('go-to-step').click();

  await expect(page.getByTestId('wizard-step-title')).toHaveText('4. Documents');
  const row = page.getByTestId('document-row');
  await expect(row.getByTestId('toggle-findings')).toHaveAttribute('aria-expanded', 'true');
  const finding = row.locator('[data-testid="finding"][data-code="metadata"]');
  await expect(finding).toContainText('Author: Jane Q. Associate');
  await page.screenshot({ path: screenshotPath('filing-findings-in-row'), fullPage: true });
  await finding.getByRole('button', { name: /clean copy/i }).click();

  await expect(row.getByTestId('fix-summary')).toBeVisible({ timeout: 30_000 });
  await expect(row.getByTestId('preflight-status')).toHaveText('Ready to file', { timeout: 30_000 });
  await page.screenshot({ path: screenshotPath('filing-findings-fixed-in-row'), fullPage: true });
});

test('the Motion to Intervene package files its five steps in order', async ({ page }) => {
  desk.skipWithoutKeyring();
  await openLoggedIn(page, 'twalsh', false);
  await page.getByTestId('intervention-package').first().click();
  const steps = page.getByTestId('package-step');
  await expect(steps).toHaveCount(5);
  await page.screenshot({ path: screenshotPath('filings-intervention-package'), fullPage: true });

  // The second step may not go before the first is submitted (FAQ 41).
  await page.getByTestId('open-draft').nth(1).click();
  await page.getByTestId('wizard-step').filter({ hasText: 'Review' }).click();
  await expect(page.getByTestId('rule-check').filter({ hasText: 'FAQ 41' }).first()).toHaveAttribute(
    'data-level',
    'block',
  );
  await page.screenshot({ path: screenshotPath('filings-intervention-order-check'), fullPage: true });
  await page.getByTestId('back-to-list').click();

  const documents = [await makePdf(2), await makePdf(1)];
  for (let step = 0; step < 5; step += 1) {
    await page.getByTestId('open-draft').nth(step).click();
    if (step === 0) {
      await page.getByTestId('case-search').fill('26-00123');
      await page.getByTestId('case-search').press('Enter');
      await page.getByTestId('case-result').filter({ hasText: '1:26-cv-00123-MMB' }).click();
      await page.getByTestId('wizard-step').filter({ hasText: 'Filer' }).click();
      await page.getByTestId('party-option').filter({ hasText: 'United States' }).getByRole('checkbox').check();
    }
    await page.getByTestId('wizard-step').filter({ hasText: 'Documents' }).click();
    const files = [
      { name: `Step ${step + 1}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(documents[0] ?? []) },
    ];
    if (step === 0) {
      files.push({ name: 'Proposed Order.pdf', mimeType: 'application/pdf', buffer: Buffer.from(documents[1] ?? []) });
    }
    await page.getByTestId('add-pdfs-input').setInputFiles(files);
    await expect(page.getByTestId('document-row')).toHaveCount(files.length);
    if (step === 0) {
      await page.getByTestId('document-row').nth(1).getByTestId('document-type').selectOption('proposed-order');
    }
    await expect(page.getByTestId('document-row').last()).toContainText('Ready to file', { timeout: 30_000 });
    await signAndFile(page, `intervention-step-${step + 1}`, 'Thomas Walsh');
    await page.getByTestId('back-to-list').click();
  }
  const states = await page
    .getByTestId('draft-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-state')));
  expect(states).toEqual(['filed', 'filed', 'filed', 'filed', 'filed']);
});

test('a new action opens with a Summons, and the filing takes the case number the court gives it', async ({ page }) => {
  desk.skipWithoutKeyring();
  await openLoggedIn(page, 'jmorgan', true);
  await page.getByTestId('filings-empty').getByTestId('new-filing').or(page.getByTestId('new-filing')).first().click();
  await expect(page.getByTestId('wizard')).toBeVisible();

  // Step 1: no case yet; the caption is the plaintiff against the United States (USCIT Rule 3(a)).
  await page.getByTestId('start-new-action').check();
  await expect(page.getByTestId('new-action-defendant')).toHaveValue('United States');
  await page.getByTestId('new-action-plaintiff').fill('Northwind Tools Inc.');
  await expect(page.getByTestId('new-action-caption')).toContainText('Northwind Tools Inc. v. United States');
  await expect(page.getByTestId('wizard-step').first()).toHaveAttribute('data-mark', 'done');
  await page.screenshot({ path: screenshotPath('new-action-1-case'), fullPage: true });
  await page.getByTestId('wizard-next').click();

  // Step 2: only the events that open an action, with the fee the summons carries (FAQ 21).
  await expect(page.getByTestId('event-result')).toHaveCount(2);
  await page.locator('[data-testid="event-result"][data-event-id="summons"]').click();
  await expect(page.getByTestId('event-fee')).toContainText('A filing fee is due');
  await page.screenshot({ path: screenshotPath('new-action-2-event'), fullPage: true });
  await page.getByTestId('wizard-next').click();

  // Step 3: the plaintiff is the party filed for.
  await expect(
    page.getByTestId('party-option').filter({ hasText: 'Northwind Tools Inc.' }).getByRole('checkbox'),
  ).toBeChecked();
  await page.getByTestId('wizard-next').click();

  await page
    .getByTestId('add-pdfs-input')
    .setInputFiles([{ name: 'Summons.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(2)) }]);
  await expect(page.getByTestId('document-row').filter({ hasText: 'Summons.pdf' })).toContainText('Ready to file', {
    timeout: 30_000,
  });
  await page.getByTestId('wizard-next').click();

  await expect(page.getByTestId('docket-preview')).toHaveText(
    'Summons. Filed by the filing attorney on behalf of Northwind Tools Inc.',
  );
  await expect(page.getByTestId('docket-preview-new-action')).toContainText(
    'New action: Northwind Tools Inc. v. United States',
  );
  await page.getByTestId('wizard-step').filter({ hasText: 'Review' }).click();
  await expect(page.getByTestId('rule-check').filter({ hasText: 'A filing fee is due' })).toBeVisible();

  await signAndFile(page, 'new-action');
  await expect(page.getByTestId('outbox-docket-text')).toHaveText(
    'Summons. Filed by Jane Morgan of Morgan & Reyes LLP on behalf of Northwind Tools Inc.. (Morgan, Jane)',
  );
  await expect(page.getByTestId('outbox-document-number')).toHaveText('1');
  await expect(page.locator('.wizard__draft-title')).toContainText(/1:\d{2}-cv-\d{5} · Summons/);
  await expect(page.getByTestId('wizard-step').and(page.locator('[data-mark="problem"]'))).toHaveCount(0);
});

test('a court notice in the middle of a filing stops it before the final submit; retried, it files once', async ({
  page,
}) => {
  desk.skipWithoutKeyring();
  // The app's own training court, made to show a notice of its own when the documents screen is posted
  // (docs/court-pages.md#court-variations): a page no page map knows.
  await mkdir(path.join(desk.dataFolder(), 'training-court'), { recursive: true });
  await writeFile(path.join(desk.dataFolder(), 'training-court', 'variation.json'), '{"noticeAt": "documents"}');
  await openLoggedIn(page, 'jmorgan', true);
  await complaintReadyToSign(page);
  await signAndSendNow(page);

  const status = page.getByTestId('outbox-status');
  await expect(status).toHaveAttribute('data-state', 'needs-attention', { timeout: 30_000 });
  await expect(status).toContainText('stopped before the final submit');
  await expect(page.getByTestId('outbox-message')).toContainText(
    'After the documents page the court showed a page ECF Desk does not recognise.',
  );
  await expect(page.getByTestId('open-court')).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const download = page.waitForEvent('download');
  await page.getByTestId('save-stopped-page').click();
  const saved = await readFile(await (await download).path(), 'utf8');
  expect(saved).toContain('Notice to Filers');
  expect(saved).not.toContain('Acme');
  await status.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('filing-stopped-at-unknown-page') });

  // The court shows its notice once: tried again, the filing goes on to the final text and is filed once.
  await page.getByTestId('retry-filing').click();
  await confirmCourtDocketText(page);
  await expect(status).toHaveAttribute('data-state', 'filed', { timeout: 30_000 });
  await expect(page.getByTestId('outbox-document-number')).toHaveText('1');
});

test('with a court page map from firm IT, the first filing lists each court screen to check with the docket text, and files once confirmed', async ({
  page,
}) => {
  desk.skipWithoutKeyring();
  await openLoggedIn(page, 'jmorgan', true);
  const shipped = JSON.parse(
    await readFile(path.join(projectRoot, 'src-main', 'core', 'court', 'profiles', 'cit-training.pages.json'), 'utf8'),
  ) as Record<string, unknown>;
  await page.getByTestId('rail-settings').click();
  await page.getByTestId('load-page-map-input').setInputFiles({
    name: 'firm.pages.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...shipped, description: "The firm's checked copy of the map." })),
  });
  await expect(page.getByTestId('page-map-in-use')).toHaveAttribute('data-source', 'file');
  await page.getByTestId('rail-filings').click();
  await complaintReadyToSign(page);
  await signAndSendNow(page);

  // Every screen the filing went through, new with this map, each with what was filled in; nothing filed yet.
  const panel = page.getByTestId('confirm-docket-text');
  await expect(panel).toBeVisible({ timeout: 30_000 });
  const screens = panel.getByTestId('court-screen');
  await expect(screens.first()).toHaveAttribute('data-step', 'categories');
  await expect(screens.last()).toHaveAttribute('data-step', 'final-text');
  expect(await screens.count()).toBeGreaterThanOrEqual(8);
  for (const screen of await screens.all()) {
    await expect(screen).toHaveAttribute('data-new', 'true');
  }
  await expect(panel.locator('[data-testid="court-screen"][data-step="documents"]')).toContainText('Complaint.pdf');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('filing-first-use-of-a-page-map'), fullPage: true });
  await panel.getByRole('button', { name: 'Confirm these screens and this docket text, and file' }).click();
  await expect(page.getByTestId('outbox-status')).toHaveAttribute('data-state', 'filed', { timeout: 30_000 });
  await expect(page.getByTestId('outbox-document-number')).toHaveText('1');
});
