import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Draft } from '../../../src-main/shared/filing';
import { logInFiler } from '../../support/filing-steps';
import { startAccountsHarness, type AccountsHarness } from '../../support/accounts-harness';
import { pdftotext } from '../../support/pdftotext';
import { makePdf } from '../../support/synthetic-pdfs';

let harness: AccountsHarness;
beforeEach(async () => {
  harness = await startAccountsHarness();
});
afterEach(async () => {
  await harness.stop();
});

/** Logs in as Thomas Walsh (the government's attorney in Brennan v. United States); his account has no name yet. */
const logInAsWalsh = (): Promise<string> => logInFiler(harness.handlers, 'twalsh');

/** A draft of the United States' Notice of Appearance in Brennan v. United States, its parties read from the court. */
async function draftInBrennan(): Promise<string> {
  const parties = await harness.handlers['court.caseParties']({ caseId: 1031 });
  const main = await harness.handlers['documents.add']({
    jobId: 'main',
    name: 'appearance.pdf',
    bytes: await makePdf(1),
  });
  const { id } = await harness.handlers['drafts.create']({});
  await harness.handlers['drafts.update']({
    id,
    changes: {
      case: { caseId: 1031, caseNumber: '1:26-cv-00201-JAR', caption: 'Brennan v. United States' },
      parties,
      filerPartyIds: ['us-1031'],
      eventId: 'form-11-notice-of-appearance',
      documents: [{ documentId: main.id, type: 'main', description: '' }],
    },
  });
  return id;
}

function certificateOf(draft: Draft) {
  const certificates = draft.documents.filter((document) => document.type === 'certificate-of-service');
  expect(certificates).toHaveLength(1);
  return certificates[0] as Draft['documents'][number];
}

async function textOf(documentId: string): Promise<string> {
  return pdftotext(await harness.handlers['documents.content']({ id: documentId })).replace(/\s+/g, ' ');
}

describe('making the certificate of service of a draft (FAQ 36–38)', () => {
  it('reads the pro se party’s mailing address from the training court into the draft', async () => {
    await logInAsWalsh();
    const parties = await harness.handlers['court.caseParties']({ caseId: 1031 });
    expect(parties.find((party) => party.id === 'brennan')).toMatchObject({
      isServedElectronically: false,
      address: '18 Orchard Lane, Burlington, VT 05401',
    });
  });

  it('refuses without a signer’s name, then serves the pro se party by mail, signed with the account’s name', async () => {
    const accountId = await logInAsWalsh();
    const id = await draftInBrennan();
    expect((await harness.handlers['drafts.get']({ id })).checks.map((check) => check.id)).toContain(
      'service.certificate-missing',
    );
    await expect(harness.handlers['drafts.makeCertificateOfService']({ id })).rejects.toMatchObject({
      code: 'certificate.no-signer',
      message: expect.stringContaining('Accounts screen'),
    });

    await harness.handlers['accounts.save']({
      id: accountId,
      loginId: 'twalsh',
      name: 'Thomas Walsh',
      kind: 'filer',
      defaultClientCode: null,
      mfaMode: 'none',
    });
    const review = await harness.handlers['drafts.makeCertificateOfService']({ id });
    const certificate = certificateOf(review.draft);
    expect(certificate).toMatchObject({ description: 'Certificate of Service', generatedFrom: expect.any(String) });
    expect(review.draft.documents[0]?.type).toBe('main');
    expect(review.checks.map((check) => check.id)).not.toContain('service.certificate-missing');
    const text = await textOf(certificate.documentId);
    expect(text).toContain('UNITED STATES COURT OF INTERNATIONAL TRADE');
    expect(text).toContain('Court No. 1:26-cv-00201-JAR');
    expect(text).toContain('Harold Brennan (Plaintiff), by first-class mail to 18 Orchard Lane, Burlington, VT 05401.');
    expect(text).toContain('Notice of Appearance');
    expect(text).toContain('/s/ Thomas Walsh');
    // The party filed for is not served.
    expect(text).not.toContain('United States (Defendant)');
    await vi.waitFor(
      async () => {
        const record = (await harness.handlers['documents.list']({})).find(
          (each) => each.id === certificate.documentId,
        );
        expect(record?.preflight).toMatchObject({ state: 'done', report: { verdict: 'pass' } });
      },
      { timeout: 20_000 },
    );
  });

  it('is made again for the attorney who signs, so the signature covers the certificate that names them', async () => {
    const accountId = await logInAsWalsh();
    await harness.handlers['accounts.save']({
      id: accountId,
      loginId: 'twalsh',
      name: 'Tom Walsh',
      kind: 'filer',
      defaultClientCode: null,
      mfaMode: 'none',
    });
    const id = await draftInBrennan();
    const made = certificateOf((await harness.handlers['drafts.makeCertificateOfService']({ id })).draft);
    expect(await textOf(made.documentId)).toContain('/s/ Tom Walsh');
    await vi.waitFor(async () => expect((await harness.handlers['drafts.get']({ id })).canSubmit).toBe(true), {
      timeout: 20_000,
    });

    // The attorney signs with the name the court knows him by: the certificate is made again under it (and checked in
    // the same reading that adds it), then signed.
    const signed = await harness.handlers['drafts.sign']({ id, name: 'Thomas Walsh', role: '' });
    const remade = certificateOf(signed.draft);
    expect(remade.documentId).not.toBe(made.documentId);
    expect(await textOf(remade.documentId)).toContain('/s/ Thomas Walsh');
    expect(signed.draft.signature).toMatchObject({ name: 'Thomas Walsh' });
  });

  it('makes it again when the signers change, keeps it when nothing it says changes, and keeps one copy', async () => {
    await logInAsWalsh();
    const id = await draftInBrennan();
    await harness.handlers['drafts.update']({
      id,
      changes: { signers: [{ name: 'Thomas Walsh', firm: 'U.S. Department of Justice', isFiler: true }] },
    });
    const first = certificateOf((await harness.handlers['drafts.makeCertificateOfService']({ id })).draft);
    expect(await textOf(first.documentId)).toContain('/s/ Thomas Walsh Thomas Walsh U.S. Department of Justice');

    const unchanged = await harness.handlers['drafts.update']({ id, changes: { docketAnnotation: 'as amended' } });
    expect(certificateOf(unchanged.draft).documentId).toBe(first.documentId);

    const changed = await harness.handlers['drafts.update']({
      id,
      changes: { signers: [{ name: 'Claudia Burke', firm: 'U.S. Department of Justice', isFiler: true }] },
    });
    const second = certificateOf(changed.draft);
    expect(second.documentId).not.toBe(first.documentId);
    expect(await textOf(second.documentId)).toContain('/s/ Claudia Burke');
    const listed = (await harness.handlers['documents.list']({})).map((record) => record.id);
    expect(listed).toContain(second.documentId);
    expect(listed).not.toContain(first.documentId);
  });

  it('makes it from the signers as they are when they change while it is being made, leaving no stray copy', async () => {
    await logInAsWalsh();
    const id = await draftInBrennan();
    await harness.handlers['drafts.update']({
      id,
      changes: { signers: [{ name: 'Thomas Walsh', firm: 'U.S. Department of Justice', isFiler: true }] },
    });
    const making = harness.handlers['drafts.makeCertificateOfService']({ id });
    await harness.handlers['drafts.update']({
      id,
      changes: { signers: [{ name: 'Claudia Burke', firm: 'U.S. Department of Justice', isFiler: true }] },
    });
    const made = certificateOf((await making).draft);
    expect(await textOf(made.documentId)).toContain('/s/ Claudia Burke');
    const copies = (await harness.handlers['documents.list']({})).filter((record) =>
      record.name.startsWith('Certificate of Service'),
    );
    expect(copies.map((record) => record.id)).toEqual([made.documentId]);
  });

  it('takes an outdated certificate off the filing when it can no longer be made, so the review asks again', async () => {
    await logInAsWalsh();
    const id = await draftInBrennan();
    await harness.handlers['drafts.update']({
      id,
      changes: { signers: [{ name: 'Thomas Walsh', firm: 'U.S. Department of Justice', isFiler: true }] },
    });
    await harness.handlers['drafts.makeCertificateOfService']({ id });
    const parties = (await harness.handlers['drafts.get']({ id })).draft.parties.map((party) =>
      party.id === 'brennan' ? { ...party, address: null } : party,
    );
    const review = await harness.handlers['drafts.update']({ id, changes: { parties } });
    expect(review.draft.documents.map((document) => document.type)).toEqual(['main']);
    expect(review.checks.map((check) => check.id)).toContain('service.certificate-missing');
    await expect(harness.handlers['drafts.makeCertificateOfService']({ id })).rejects.toMatchObject({
      code: 'certificate.no-address',
      message: expect.stringContaining('Harold Brennan'),
    });
  });
});
