import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../src-main/core/api/dispatch';
import { AppError } from '../../../src-main/core/errors';
import { defaultSettings } from '../../../src-main/shared/domain';

const record = {
  id: 'd1',
  name: 'a.pdf',
  bytes: 3,
  sha256: 'a'.repeat(64),
  pages: 1,
  addedAt: '2026-11-28T00:00:00.000Z',
  problem: null,
  preflight: { state: 'waiting' as const },
  fixedFrom: null,
  fixing: null,
};

const notInThisTest = async (): Promise<never> => Promise.reject(new Error('not in this test'));

function fakeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app.getInfo': async () => ({ name: 'ECF Desk', version: '1', host: 'browser', dataFolder: '/data' }),
    'court.status': async () => ({
      profileId: 'cit-training',
      name: 'CIT — training (local)',
      kind: 'training',
      isExperimental: false,
      state: 'ready',
      ecfUrl: 'http://127.0.0.1:1',
      loginServiceUrl: 'http://127.0.0.1:1/services/cso-auth',
      message: null,
    }),
    'accounts.list': async () => ({
      accounts: [],
      keychain: { name: 'Test keychain', isAvailable: true, isStorageAllowed: true, message: null },
    }),
    'accounts.save': notInThisTest,
    'accounts.remove': async () => null,
    'accounts.test': async () => ({ outcome: 'needs-password', message: 'Enter the password.' }),
    'session.status': async () => ({ state: 'logged-out' }),
    'session.login': async () => ({ outcome: 'needs-password', message: 'Enter the password.' }),
    'session.logout': async () => ({ state: 'logged-out' }),
    'session.verify': async () => ({ state: 'logged-out' }),
    'documents.list': async () => [record],
    'documents.content': async () => new Uint8Array([0x25, 0x50, 0x44, 0x46]),
    'documents.add': async () => record,
    'documents.choose': async () => [],
    'documents.remove': async () => null,
    'documents.restore': async () => record,
    'documents.preflight': async () => record,
    'documents.cancelPreflight': async () => record,
    'documents.fix': async () => [record],
    'documents.cancelFix': async () => record,
    'documents.undoFix': async () => record,
    'drafts.list': async () => [],
    'drafts.create': notInThisTest,
    'drafts.createInterventionPackage': notInThisTest,
    'drafts.get': notInThisTest,
    'drafts.update': notInThisTest,
    'drafts.arrangeDocuments': notInThisTest,
    'drafts.sign': notInThisTest,
    'drafts.unsign': notInThisTest,
    'drafts.delete': async () => null,
    'drafts.export': notInThisTest,
    'drafts.import': notInThisTest,
    'court.findCases': async () => [],
    'court.caseParties': async () => [],
    'outbox.submit': notInThisTest,
    'outbox.retry': notInThisTest,
    'outbox.withdraw': notInThisTest,
    'outbox.sendLate': notInThisTest,
    'outbox.confirmDocketText': notInThisTest,
    'outbox.receipt': async () => ({ html: null }),
    'outbox.stoppedPage': async () => ({ html: null }),
    'inbox.list': async () => ({ items: [], total: 0 }),
    'inbox.get': notInThisTest,
    'inbox.markRead': notInThisTest,
    'inbox.importFile': notInThisTest,
    'inbox.fetchDocument': notInThisTest,
    'inbox.buyDocument': notInThisTest,
    'inbox.exportDeadlines': notInThisTest,
    'inbox.documentContent': notInThisTest,
    'mailboxes.list': async () => [],
    'mailboxes.save': notInThisTest,
    'mailboxes.remove': async () => null,
    'mailboxes.sync': notInThisTest,
    'settings.managed': async () => [],
    'settings.get': async () => defaultSettings,
    'settings.update': async () => defaultSettings,
    'settings.pageMap': notInThisTest,
    'firmServer.status': notInThisTest,
    'firmServer.connect': notInThisTest,
    'firmServer.disconnect': notInThisTest,
    'firmServer.calendarLink': notInThisTest,
    'firmServer.sharedDrafts': notInThisTest,
    'firmServer.shareDraft': notInThisTest,
    'firmServer.openSharedDraft': notInThisTest,
    'firmServer.takeFirmVersion': notInThisTest,
    'firmServer.docket': notInThisTest,
    'support.exportBundle': notInThisTest,
    'record.get': notInThisTest,
    'record.export': notInThisTest,
    'drafts.makeCertificateOfService': notInThisTest,
    ...overrides,
  };
}

describe('dispatch', () => {
  it('answers a valid call with its value in an ok envelope', async () => {
    await expect(dispatch(fakeHandlers(), 'documents.list', {})).resolves.toEqual({ ok: true, value: [record] });
  });

  it('refuses a channel that is not in the contract with unknown-channel', async () => {
    const envelope = await dispatch(fakeHandlers(), 'documents.deleteEverything', {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('refuses malformed arguments with invalid-arguments and never calls the handler', async () => {
    let isCalled = false;
    const handlers = fakeHandlers({
      'documents.remove': async () => {
        isCalled = true;
        return null;
      },
    });
    for (const args of [{ id: 42 }, { id: '' }, { id: 'x', extra: true }, 'not an object', [1, 2]]) {
      const envelope = await dispatch(handlers, 'documents.remove', args);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    }
    expect(isCalled).toBe(false);
  });

  it('refuses a file name that hides a folder path', async () => {
    const envelope = await dispatch(fakeHandlers(), 'documents.add', {
      jobId: 'j',
      name: '../../etc/passwd',
      bytes: new Uint8Array(1),
    });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });

  it('passes an AppError through with its code and message', async () => {
    const handlers = fakeHandlers({
      'documents.restore': async () => {
        throw new AppError('document.not-found', 'gone');
      },
    });
    await expect(dispatch(handlers, 'documents.restore', { id: 'x' })).resolves.toEqual({
      ok: false,
      error: { code: 'document.not-found', message: 'gone' },
    });
  });

  it('hides an unexpected failure behind a calm internal error', async () => {
    const handlers = fakeHandlers({
      'documents.list': async () => {
        throw new TypeError('cannot read properties of undefined (secret detail)');
      },
    });
    const envelope = await dispatch(handlers, 'documents.list', {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(envelope)).not.toContain('secret detail');
  });
});
