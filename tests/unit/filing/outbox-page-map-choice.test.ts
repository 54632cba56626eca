import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import citTrainingPages from '../../../src-main/core/court/profiles/cit-training.pages.json';
import type { PolicySource } from '../../../src-main/core/policy/policy-source';
import { startAccountsHarness, type AccountsHarness } from '../../support/accounts-harness';
import { submitAppearanceIn1017 } from '../../support/appearance-draft';
import { logInFiler, waitForOutboxState } from '../../support/filing-steps';
import { DocketReader } from '../../support/training-court';

let harness: AccountsHarness | undefined;
let folder = '';
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
  if (folder !== '') {
    await rm(folder, { recursive: true, force: true });
    folder = '';
  }
});

/** The training court's shipped map, changed: a map firm IT might load. */
function mapText(change: (map: Record<string, unknown>) => void): string {
  const map = structuredClone(citTrainingPages) as Record<string, unknown>;
  change(map);
  return JSON.stringify(map, null, 2);
}

/** A map whose filer field has a name the training court does not use. */
const wrongPartyField = mapText((map) => {
  (map['fields'] as Record<string, unknown>)['party'] = 'party_persons';
  map['description'] = 'Captured at the training court, with the filer field misnamed.';
});

/** A map that files as the shipped one does, under a description of its own. */
const firmMap = mapText((map) => {
  map['description'] = "The firm's own map of the training court.";
});

/** policy.json as a source held in memory, as the policy tests read it. */
function policyWith(values: Record<string, unknown>): PolicySource {
  return { name: '/etc/ecf-desk/policy.json', read: async () => values, watch: () => () => undefined };
}

describe('a page map loaded from a file', () => {
  it('is checked before it is saved; filing goes by it, and the built-in map comes back with one click', async () => {
    harness = await startAccountsHarness();
    const { handlers } = harness;
    await logInFiler(handlers, 'twalsh');
    const docket = new DocketReader(harness.court.url);
    const before = (await docket.texts(1017)).length;

    await expect(
      handlers['settings.update']({ pageMap: { fileName: 'broken.pages.json', text: '{"court": "cit-training"' } }),
    ).rejects.toMatchObject({ code: 'court.page-map-invalid', message: /broken\.pages\.json cannot be loaded/ });
    await expect(
      handlers['settings.update']({
        pageMap: { fileName: 'no-party.pages.json', text: mapText((map) => delete (map['fields'] as never)['party']) },
      }),
    ).rejects.toMatchObject({ code: 'court.page-map-invalid', message: /fields\.party/ });
    expect((await handlers['settings.get']({})).pageMap ?? null).toBeNull();
    expect(await handlers['settings.pageMap']({})).toMatchObject({ source: 'shipped', problem: null });

    await handlers['settings.update']({ pageMap: { fileName: 'captured.pages.json', text: wrongPartyField } });
    expect(await handlers['settings.pageMap']({})).toEqual({
      court: 'cit-training',
      source: 'file',
      description: 'Captured at the training court, with the filer field misnamed.',
      fileName: 'captured.pages.json',
      managedBy: null,
      problem: null,
    });
    const draft = await submitAppearanceIn1017(handlers, 'by the loaded map');
    const stopped = await waitForOutboxState(handlers, draft.id, ['needs-attention', 'submitted', 'filed', 'failed']);
    expect(stopped.outbox, stopped.outbox?.message ?? '').toMatchObject({
      state: 'needs-attention',
      stoppedAt: { step: 'filer' },
    });
    expect(stopped.outbox?.message).toMatch(/without each of the parties/);
    expect(await docket.texts(1017)).toHaveLength(before);

    await handlers['settings.update']({ pageMap: null });
    expect(await handlers['settings.pageMap']({})).toMatchObject({ source: 'shipped', fileName: null });
    await handlers['outbox.retry']({ draftId: draft.id });
    await waitForOutboxState(handlers, draft.id, ['submitted', 'filed']);
    expect((await docket.texts(1017)).filter((text) => text.includes('by the loaded map'))).toHaveLength(1);
  });

  it('is used only for the court it names', async () => {
    harness = await startAccountsHarness();
    const citMap = mapText((map) => {
      map['court'] = 'cit';
    });
    await harness.handlers['settings.update']({ pageMap: { fileName: 'cit.pages.json', text: citMap } });
    expect(await harness.handlers['settings.pageMap']({})).toMatchObject({
      source: 'shipped',
      fileName: 'cit.pages.json',
      problem: expect.stringMatching(/is for the court "cit", not the one in use, so the built-in map is used/),
    });
  });
});

describe('a page map set by machine policy', () => {
  it('is the one filing goes by, locks loading another, and a file it cannot read makes filings wait', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'ecf-page-map-policy-'));
    const file = path.join(folder, 'firm.pages.json');
    await writeFile(file, wrongPartyField);
    harness = await startAccountsHarness({ policySources: [policyWith({ pageMapFile: file })] });
    const { handlers } = harness;
    await harness.core.policyReady();
    await logInFiler(handlers, 'twalsh');
    const docket = new DocketReader(harness.court.url);
    const before = (await docket.texts(1017)).length;

    expect(await handlers['settings.pageMap']({})).toEqual({
      court: 'cit-training',
      source: 'policy',
      description: 'Captured at the training court, with the filer field misnamed.',
      fileName: file,
      managedBy: '/etc/ecf-desk/policy.json',
      problem: null,
    });
    // Loading another is not saved while the policy sets one.
    await handlers['settings.update']({ pageMap: { fileName: 'mine.pages.json', text: firmMap } });
    expect((await handlers['settings.get']({})).pageMap ?? null).toBeNull();
    expect(await handlers['settings.pageMap']({})).toMatchObject({ source: 'policy', problem: null });

    // Filing goes by the policy's map: its misnamed filer field stops the filing before the commit.
    const draft = await submitAppearanceIn1017(handlers, 'by the policy map');
    const stopped = await waitForOutboxState(handlers, draft.id, ['needs-attention', 'submitted', 'filed', 'failed']);
    expect(stopped.outbox).toMatchObject({ state: 'needs-attention', stoppedAt: { step: 'filer' }, attempts: 1 });

    // The policy's file damaged: shown in Settings, and the filing tried again waits without sending anything.
    await writeFile(file, firmMap.slice(0, 200));
    expect((await handlers['settings.pageMap']({})).problem).toMatch(
      /The court page map your organization set \(.*firm\.pages\.json\) cannot be used: The page map is not JSON/,
    );
    await handlers['outbox.retry']({ draftId: draft.id });
    await vi.waitFor(
      async () => {
        const outbox = (await handlers['drafts.get']({ id: draft.id })).draft.outbox;
        expect(outbox?.state).toBe('ready');
        expect(outbox?.message).toMatch(/cannot be used: The page map is not JSON.*ask your IT department/);
      },
      { timeout: 20_000 },
    );
    expect((await handlers['drafts.get']({ id: draft.id })).draft.outbox?.attempts).toBe(1);
    expect(await docket.texts(1017)).toHaveLength(before);

    // Mended by IT: the waiting filing goes by it, once.
    await writeFile(file, firmMap);
    await waitForOutboxState(handlers, draft.id, ['submitted', 'filed']);
    expect((await docket.texts(1017)).filter((text) => text.includes('by the policy map'))).toHaveLength(1);
  });

  it('refuses a path that is not a full one, and a file larger than a page map may be', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'ecf-page-map-policy-'));
    const large = path.join(folder, 'large.pages.json');
    await writeFile(large, ' '.repeat(300 * 1024));
    const source = { pageMapFile: 'firm.pages.json' };
    harness = await startAccountsHarness({ policySources: [policyWith(source)] });
    await harness.core.policyReady();
    expect((await harness.handlers['settings.pageMap']({})).problem).toMatch(
      /\(firm\.pages\.json\) cannot be used: the policy must give its full path/,
    );
    await harness.stop();
    harness = await startAccountsHarness({ policySources: [policyWith({ pageMapFile: large })] });
    await harness.core.policyReady();
    expect((await harness.handlers['settings.pageMap']({})).problem).toMatch(
      /cannot be used: it is larger than a page map may be \(256 KB\)/,
    );
  });
});
