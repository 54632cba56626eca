import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreServices } from '../../../src-main/core/app-services';
import { createDraftsService } from '../../../src-main/core/filing/drafts-service';
import { newOutboxStatus } from '../../../src-main/core/filing/outbox';
import { openDatabase } from '../../../src-main/core/storage/database';
import { createDraftsTable } from '../../../src-main/core/storage/drafts-table';
import { createSettingsFile } from '../../../src-main/core/storage/settings-file';
import { defaultSettings, type Settings } from '../../../src-main/shared/domain';
import { errorCodes, errorMeanings, type ErrorCode } from '../../../src-main/shared/errors';
import type { OutboxState } from '../../../src-main/shared/filing';
import { composeNefEmail } from '../../../src-main/training-court/mail/compose-nef';
import { makePdf } from '../../support/synthetic-pdfs';
import { createTestCore } from '../../support/test-core';
import { sampleNefEntry } from '../training-court/mail/sample-nef-entry';

describe('the error codes', () => {
  it('each have a meaning of one line, and no two the same meaning', () => {
    const meanings = Object.values(errorMeanings);
    for (const [code, meaning] of Object.entries(errorMeanings)) {
      expect(meaning, code).toMatch(/^\S[^\n]*\.$/);
      expect(meaning.length, code).toBeLessThanOrEqual(120);
    }
    expect(new Set(meanings).size).toBe(meanings.length);
    expect(errorCodes).toEqual(Object.keys(errorMeanings));
  });
});

let folder = '';
let core: CoreServices;
let noticeId = '';

beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'ecf-desk-error-codes-'));
  core = createTestCore(folder, {
    fileChooser: { choosePdfs: async () => [{ name: 'Invoice\u202efdp.pdf', bytes: await makePdf(1) }] },
  });
  const raw = composeNefEmail(
    sampleNefEntry(),
    { email: 'docketing@acmelaw.example', magicNum: '12345678' },
    { messageId: 'error-codes', date: new Date() },
  );
  await core.handlers['inbox.importFile']({ name: 'notice.eml', bytes: new TextEncoder().encode(raw) });
  noticeId = (await core.handlers['inbox.list']({})).items[0]?.id ?? '';
});

afterAll(async () => {
  await core.close();
  rmSync(folder, { recursive: true, force: true });
});

/**
 * Each code a refusal of a well-formed call answers with, and a situation that is that refusal and no other; the
 * situations of one code share its meaning (errorMeanings), and calls whose code is tested elsewhere are named there.
 */
const refusals: readonly {
  readonly code: ErrorCode;
  readonly situation: string;
  readonly call: () => Promise<unknown>;
}[] = [
  {
    code: 'draft.not-found',
    situation: 'a draft id nobody has',
    call: () => core.handlers['drafts.get']({ id: 'gone' }),
  },
  {
    code: 'draft.not-found',
    situation: 'withdrawing a draft that is gone',
    call: () => core.handlers['outbox.withdraw']({ draftId: 'gone' }),
  },
  {
    code: 'notice.not-found',
    situation: 'a notice id nobody has',
    call: () => core.handlers['inbox.markRead']({ id: 'gone', isRead: true }),
  },
  {
    code: 'mailbox.not-found',
    situation: 'a mailbox id nobody has',
    call: () => core.handlers['mailboxes.sync']({ id: 'gone' }),
  },
  {
    code: 'document.not-found',
    situation: 'a document id nobody has',
    call: () => core.handlers['documents.restore']({ id: 'gone' }),
  },
  {
    code: 'document.bad-name',
    situation: 'a chosen file whose name hides its real extension',
    call: () => core.handlers['documents.choose']({}),
  },
  {
    code: 'document.copy-missing',
    situation: "a listed document whose saved copy was deleted behind ECF Desk's back",
    call: async () => {
      const added = await core.handlers['documents.add']({ jobId: 'gone', name: 'gone.pdf', bytes: await makePdf(2) });
      unlinkSync(path.join(folder, 'documents', `${added.sha256}.pdf`));
      return core.handlers['documents.content']({ id: added.id });
    },
  },
  {
    code: 'filing.not-ready',
    situation: 'submitting an empty draft',
    call: async () => {
      const draft = await core.handlers['drafts.create']({});
      return core.handlers['outbox.submit']({ draftId: draft.id, sendNow: true });
    },
  },
  {
    code: 'notice.document-not-saved',
    situation: 'reading a notice document whose free look was never saved',
    call: () => core.handlers['inbox.documentContent']({ id: noticeId, number: '0' }),
  },
  {
    code: 'notice.document-not-found',
    situation: 'buying a document number the notice does not have',
    call: () => core.handlers['inbox.buyDocument']({ id: noticeId, number: '99', acceptsFeeCents: 10 }),
  },
  {
    code: 'link.unsafe',
    situation: 'buying a notice document whose link does not go to the court in use',
    call: () => core.handlers['inbox.buyDocument']({ id: noticeId, number: '0', acceptsFeeCents: 10 }),
  },
  {
    code: 'settings.invalid',
    situation: 'saving settings this version does not know',
    call: async () =>
      createSettingsFile(folder).write({ ...defaultSettings, courtProfile: 'nowhere' } as unknown as Settings),
  },
];

describe("core's refusals", () => {
  it.each(refusals.map((refusal) => [refusal.code, refusal.situation, refusal] as const))(
    '%s: %s',
    async (code, _situation, refusal) => {
      await expect(Promise.resolve().then(refusal.call)).rejects.toMatchObject({ code });
    },
  );

  it('never answer a well-formed call with invalid-arguments', () => {
    expect(refusals.map((refusal) => refusal.code)).not.toContain('invalid-arguments');
  });
});

describe("a filing's place in the outbox", () => {
  const drafts = (): { service: ReturnType<typeof createDraftsService>; put: (state: OutboxState) => string } => {
    const table = createDraftsTable(openDatabase(':memory:'));
    const service = createDraftsService({
      table,
      documents: () => [],
      clock: { now: () => new Date('2026-11-28T12:00:00Z') },
      courtProfile: () => 'cit-training',
      onChange: () => undefined,
    });
    const put = (state: OutboxState): string => {
      const draft = service.create();
      table.put({
        ...draft,
        outbox: { ...newOutboxStatus(new Date('2026-11-28T12:00:00Z')), state },
      });
      return draft.id;
    };
    return { service, put };
  };

  it.each(['ready', 'submitting', 'submitted', 'filed', 'needs-verification'] as const)(
    'a %s filing cannot be changed: filing.in-outbox',
    (state) => {
      const { service, put } = drafts();
      expect(() => service.update(put(state), { docketAnnotation: 'changed' })).toThrow(
        expect.objectContaining({ code: 'filing.in-outbox' }),
      );
    },
  );

  it.each(['submitting', 'submitted', 'filed', 'needs-verification'] as const)(
    'a %s filing cannot be withdrawn: filing.at-court',
    (state) => {
      const { service, put } = drafts();
      expect(() => service.withdraw(put(state))).toThrow(expect.objectContaining({ code: 'filing.at-court' }));
    },
  );

  it.each(['submitting', 'needs-verification'] as const)('a %s filing cannot be deleted: filing.at-court', (state) => {
    const { service, put } = drafts();
    expect(() => service.delete(put(state))).toThrow(expect.objectContaining({ code: 'filing.at-court' }));
  });

  it('a waiting or failed filing can be withdrawn', () => {
    const { service, put } = drafts();
    expect(service.withdraw(put('ready')).draft.outbox).toBeNull();
    expect(service.withdraw(put('failed')).draft.outbox).toBeNull();
  });
});

describe('a call made while core closes', () => {
  it('is refused as app.closing, and one already under way still ends', async () => {
    const closingFolder = mkdtempSync(path.join(os.tmpdir(), 'ecf-desk-error-codes-closing-'));
    const closing = createTestCore(closingFolder);
    try {
      const underWay = closing.handlers['documents.add']({ jobId: 'closing', name: 'a.pdf', bytes: await makePdf(1) });
      const closed = closing.close();
      await expect(closing.handlers['documents.list']({})).rejects.toMatchObject({ code: 'app.closing' });
      await expect(underWay).resolves.toMatchObject({ name: 'a.pdf' });
      await closed;
    } finally {
      rmSync(closingFolder, { recursive: true, force: true });
    }
  });
});
