import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Draft } from '../../../src-main/shared/filing';
import { startAccountsHarness, type AccountsHarness } from '../../support/accounts-harness';
import { makePdf } from '../../support/synthetic-pdfs';
import { admin, DocketReader, seededPassword } from '../../support/training-court';
import { appearanceIn1017 } from '../../support/appearance-draft';
import { signAndSubmit } from '../../support/sign-and-submit';

const submissions = 200;
let harness: AccountsHarness;
let docket: DocketReader | undefined;

beforeAll(async () => {
  harness = await startAccountsHarness();
  const account = await harness.handlers['accounts.save']({
    loginId: 'twalsh',
    kind: 'filer',
    defaultClientCode: null,
    mfaMode: 'none',
    password: seededPassword('twalsh'),
  });
  await harness.handlers['session.login']({ accountId: account.id, acknowledgesRedaction: true });
}, 60_000);
afterAll(async () => {
  await harness.stop();
});

/** The training court's docket of case 1017, read with a session of its own. */
function docketTexts(): Promise<string[]> {
  docket ??= new DocketReader(harness.court.url);
  return docket.texts(1017);
}

describe('the outbox under faults', () => {
  it(`files each of ${submissions} submissions exactly once through offline spells, 5xx answers, latency and connections dropped before and after the commit`, async () => {
    const record = await harness.handlers['documents.add']({
      jobId: 'fault-doc',
      name: 'appearance.pdf',
      bytes: await makePdf(1),
    });
    await vi.waitFor(
      async () => expect((await harness.handlers['documents.list']({}))[0]?.preflight.state).toBe('done'),
      { timeout: 20_000 },
    );
    const parties = await harness.handlers['court.caseParties']({ caseId: 1017 });

    // Offline first: every filing's first request is lost, so everything waits.
    await admin(harness.court, 'POST', '/admin/faults', { endpoint: 'filing-start', dropBeforeCommitRate: 1 });
    const drafts: Draft[] = [];
    for (let index = 0; index < submissions; index += 1) {
      const draft = await harness.handlers['drafts.create']({});
      const review = await harness.handlers['drafts.update']({
        id: draft.id,
        changes: appearanceIn1017(record.id, { parties, docketAnnotation: `#${index}` }),
      });
      expect(review.canSubmit).toBe(true);
      drafts.push((await signAndSubmit(harness.handlers, draft.id, false)).draft);
    }
    await vi.waitFor(
      async () => {
        const waiting = (await harness.handlers['drafts.list']({})).filter(
          (draft) => draft.outbox?.state === 'ready' && /could not be reached/.test(draft.outbox.message ?? ''),
        );
        expect(waiting.length).toBeGreaterThan(0);
      },
      { timeout: 20_000 },
    );
    expect(await docketTexts()).toHaveLength(1);

    // Back online, but unreliable.
    await admin(harness.court, 'DELETE', '/admin/faults');
    await admin(harness.court, 'POST', '/admin/faults', {
      endpoint: 'filing-start',
      failStatus: 503,
      failRate: 0.1,
      latencyMs: 2,
    });
    await admin(harness.court, 'POST', '/admin/faults', {
      endpoint: 'filing-documents',
      failStatus: 500,
      failRate: 0.05,
    });
    await admin(harness.court, 'POST', '/admin/faults', {
      endpoint: 'filing-submit',
      dropAfterCommitRate: 0.15,
      dropBeforeCommitRate: 0.1,
      failRate: 0.05,
      failStatus: 502,
    });
    await admin(harness.court, 'POST', '/admin/faults', { endpoint: 'docket-report', failRate: 0.1 });
    await vi.waitFor(
      async () => {
        const states = (await harness.handlers['drafts.list']({})).map((draft) => draft.outbox?.state);
        expect(states.filter((state) => state === 'submitted' || state === 'filed')).toHaveLength(submissions);
      },
      { timeout: 240_000, interval: 250 },
    );

    const state = (await admin(harness.court, 'GET', '/admin/state')) as {
      faults: Record<string, Record<string, number>>;
    };
    // The faults really happened.
    expect(state.faults['filing-submit']?.['droppedAfterCommit']).toBeGreaterThan(5);
    expect(state.faults['filing-submit']?.['droppedBeforeCommit']).toBeGreaterThan(5);
    expect(state.faults['filing-start']?.['failed']).toBeGreaterThan(5);

    // Exactly one docket entry per submission, and none that no submission made.
    const texts = await docketTexts();
    expect(texts).toHaveLength(submissions + 1);
    for (let index = 0; index < submissions; index += 1) {
      expect(
        texts.filter((text) => text.includes(`Appearance #${index}.`)),
        `#${index}`,
      ).toHaveLength(1);
    }
    // Each outbox item points at its own entry.
    const final = await harness.handlers['drafts.list']({});
    const entries = final.map((draft) => draft.outbox?.deSeqNum);
    expect(new Set(entries).size).toBe(submissions);
    for (const draft of final) {
      expect(texts[(draft.outbox?.deSeqNum ?? 0) - 1]).toContain(`Appearance ${draft.docketAnnotation}.`);
    }
  }, 300_000);
});
