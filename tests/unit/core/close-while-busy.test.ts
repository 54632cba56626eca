import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCoreServices, type CoreServices } from '../../../src-main/core/app-services';
import { attorneyAtTheDesk } from '../../support/attorney-at-the-desk';
import { createSettingsFile } from '../../../src-main/core/storage/settings-file';
import type { CaseParty } from '../../../src-main/shared/filing';
import { createInProcessReaders } from '../../support/in-process-readers';
import { createMemorySecretStore } from '../../support/memory-secret-store';
import { makePdf } from '../../support/synthetic-pdfs';
import { admin, seededPassword, startTestCourt } from '../../support/training-court';
import { appearanceIn1017 } from '../../support/appearance-draft';
import { signAndSubmit } from '../../support/sign-and-submit';

const rounds = 50;
let court: Awaited<ReturnType<typeof startTestCourt>>;
let parties: CaseParty[] = [];
const pdfs: Uint8Array<ArrayBuffer>[] = [];
/** The court's clock runs a minute ahead each round, so its login throttle (logins per minute) lets each round's login in. */
let courtClockAhead = 0;

/** Core over a fresh data folder, wired to the one training court, as the app wires it to its embedded one. */
function startCore(dataFolder: string): CoreServices {
  const attorney = attorneyAtTheDesk(() => core.handlers);
  const core: CoreServices = createCoreServices({
    dataFolder,
    host: 'browser',
    version: '0.0.0',
    settingsFile: createSettingsFile(dataFolder),
    fileChooser: null,
    readers: createInProcessReaders(),
    emit: (name, payload) => attorney(name, payload),
    secretStore: createMemorySecretStore(),
    trainingCourt: {
      start: async () => ({ url: court.url, maildirFolder: court.maildirFolder, close: async () => undefined }),
    },
    outboxRetryDelayMs: 20,
    noticePollMs: 20,
  });
  return core;
}

/** Logs in, adds a PDF and files three appearances with it at once; answers the drafts' ids. */
async function startFilings(core: CoreServices, round: number): Promise<{ documentId: string }> {
  const { handlers } = core;
  await vi.waitFor(async () => expect((await handlers['court.status']({})).state).toBe('ready'));
  courtClockAhead += 61_000;
  const account = await handlers['accounts.save']({
    loginId: 'twalsh',
    kind: 'filer',
    defaultClientCode: null,
    mfaMode: 'none',
    password: seededPassword('twalsh'),
  });
  expect(await handlers['session.login']({ accountId: account.id, acknowledgesRedaction: true })).toMatchObject({
    outcome: 'logged-in',
  });
  const record = await handlers['documents.add']({ jobId: `busy-${round}`, name: 'appearance.pdf', bytes: pdfs[0]! });
  await vi.waitFor(async () => expect((await handlers['documents.list']({}))[0]?.preflight.state).toBe('done'), {
    timeout: 10_000,
    interval: 5,
  });
  if (parties.length === 0) {
    parties = await handlers['court.caseParties']({ caseId: 1017 });
  }
  for (let index = 0; index < 3; index += 1) {
    const draft = await handlers['drafts.create']({});
    await handlers['drafts.update']({
      id: draft.id,
      changes: appearanceIn1017(record.id, { parties, docketAnnotation: `round ${round}, #${index}` }),
    });
    await signAndSubmit(handlers, draft.id, true);
  }
  return { documentId: record.id };
}

beforeAll(async () => {
  court = await startTestCourt({ now: () => Date.now() + courtClockAhead });
  pdfs.push(await makePdf(1), await makePdf(2));
  // Filings made once beforehand: their notices wait in the court's Maildir, and each round's inbox reads them anew.
  const dataFolder = mkdtempSync(path.join(tmpdir(), 'ecf-close-'));
  const core = startCore(dataFolder);
  await startFilings(core, -1);
  await vi.waitFor(
    async () =>
      expect((await core.handlers['drafts.list']({})).map((draft) => draft.outbox?.state)).toEqual([
        'filed',
        'filed',
        'filed',
      ]),
    { timeout: 20_000, interval: 20 },
  );
  await core.close();
  rmSync(dataFolder, { recursive: true });
  // From now on the court takes 5 s to answer a final submit: each round closes core while one is under way.
  await admin(court, 'POST', '/admin/faults', { endpoint: 'filing-submit', latencyMs: 5_000 });
}, 60_000);
afterAll(async () => {
  await admin(court, 'DELETE', '/admin/faults');
  await court.stop();
});

describe('closing core', () => {
  it(`leaves nothing writing into the data folder: closed in the middle of busy work ${rounds} times, each folder is removed at once`, async () => {
    const folders: string[] = [];
    const busy = { checking: 0, fetching: 0 };
    for (let round = 0; round < rounds; round += 1) {
      const dataFolder = mkdtempSync(path.join(tmpdir(), 'ecf-close-'));
      folders.push(dataFolder);
      const core = startCore(dataFolder);
      const { handlers } = core;
      const { documentId } = await startFilings(core, round);
      // A second PDF and a check of the first again: preflight runs while core closes.
      await handlers['documents.add']({ jobId: `busy-${round}-b`, name: 'exhibit.pdf', bytes: pdfs[1]! });
      await handlers['documents.preflight']({ id: documentId });
      // A final submit is under way at the court, and the inbox has read notices whose free looks it fetches.
      await vi.waitFor(
        async () => {
          const states = (await handlers['drafts.list']({})).map((draft) => draft.outbox?.state);
          expect(states).toContain('submitting');
          expect((await handlers['inbox.list']({})).items.length).toBeGreaterThan(0);
        },
        { timeout: 10_000, interval: 5 },
      );
      const documents = await handlers['documents.list']({});
      if (documents.some(({ preflight }) => preflight.state === 'running' || preflight.state === 'waiting')) {
        busy.checking += 1;
      }
      const { items } = await handlers['inbox.list']({});
      if (items.some((item) => item.documents.some((document) => document.state === 'pending'))) {
        busy.fetching += 1;
      }
      // A PDF still being added when core closes: close waits for it, and it is kept.
      const adding = handlers['documents.add']({ jobId: `late-${round}`, name: 'late.pdf', bytes: pdfs[1]! });
      await core.close();
      expect((await adding).name).toBe('late.pdf');
      // A write still under way makes this fail with ENOTEMPTY, or brings the folder back below.
      rmSync(dataFolder, { recursive: true });
    }
    // Anything left running after close would write in the folders again (the log makes its folder on each line).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(folders.filter((folder) => existsSync(folder))).toEqual([]);
    // The closes really came in the middle of checks and free looks.
    expect(busy.checking).toBeGreaterThan(rounds / 2);
    expect(busy.fetching).toBeGreaterThan(0);
  }, 120_000);
});
