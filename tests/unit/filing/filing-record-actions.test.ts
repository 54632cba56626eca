import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreServices } from '../../../src-main/core/app-services';
import { verifyRecordText } from '../../../src-main/core/filing/record-chain';
import { createTestCore } from '../../support/test-core';

let scratch = '';
let core: CoreServices;
beforeEach(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-record-actions-'));
  core = createTestCore(scratch);
});
afterEach(async () => {
  await core.close();
  await rm(scratch, { recursive: true, force: true });
});

const actionsOf = async (draftId: string): Promise<string[]> =>
  (await core.handlers['record.get']({ draftId })).entries.map((entry) => entry.action);

describe('what the drafts record of themselves', () => {
  it('records a draft created, imported and deleted; a deleted draft’s record stays readable and exportable', async () => {
    const draft = await core.handlers['drafts.create']({});
    const imported = await core.handlers['drafts.import']({
      name: 'draft.ecfdraft',
      bytes: await core.handlers['drafts.export']({ id: draft.id }),
    });
    await core.handlers['drafts.delete']({ id: draft.id });

    expect(await actionsOf(draft.id)).toEqual(['draft.created', 'draft.deleted']);
    expect(await actionsOf(imported.id)).toEqual(['draft.imported']);
    const record = await core.handlers['record.get']({ draftId: draft.id });
    expect(record).toMatchObject({ verifies: true, brokenEntry: null });
    expect(record.entries[0]).toMatchObject({ index: 1, account: null, osUser: expect.any(String) });
    const json = new TextDecoder().decode(await core.handlers['record.export']({ draftId: draft.id, format: 'json' }));
    expect(verifyRecordText(json)).toMatchObject({ ok: true, count: 2 });
    expect(JSON.parse(json)).toMatchObject({ court: 'CIT — training (local)', caseNumber: null });
  });

  it('records the five drafts of a Motion to Intervene package, each with its step (FAQ 41)', async () => {
    const drafts = await core.handlers['drafts.createInterventionPackage']({});
    const details = await Promise.all(
      drafts.map(async (each) => (await core.handlers['record.get']({ draftId: each.id })).entries[0]?.detail),
    );
    expect(details[0]).toContain('step 1 of 5');
    expect(details[4]).toContain('step 5 of 5');
  });

  it('records that the certificate of service is at the end of the main document', async () => {
    const draft = await core.handlers['drafts.create']({});
    await core.handlers['drafts.update']({ id: draft.id, changes: { isCertificateInMainDocument: true } });
    const { entries } = await core.handlers['record.get']({ draftId: draft.id });
    expect(entries.at(-1)).toMatchObject({
      action: 'draft.changed',
      detail: 'Changed: certificate of service at the end of the main document.',
    });
  });

  it('refuses a record of a filing it never knew', async () => {
    await expect(core.handlers['record.get']({ draftId: 'no-such-draft' })).rejects.toMatchObject({
      code: 'draft.not-found',
    });
  });
});
