// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SharedDraftsView } from '../../../src-main/shared/firm-server';
import { acmeCase, blankDraft, createFakeBridge, type FakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

// The Filings screen's shared drafts (docs/firm-server.md#shared-drafts): a connected desktop offers Share on a draft
// that names its case, lists the shared drafts not on this desktop to open, marks each shared draft's row with how its
// copy stands, and says a conflict in full with the way to resolve it.

afterEach(cleanup);

const mine = '5b0a6a52-8d8e-4d0f-9a47-0d3b2c1e9f10';
const theirs = '7c1b7b63-9e9f-4e10-8b58-1e4c3d2f0a21';

async function openFilings(bridge: FakeBridge): Promise<void> {
  renderApp(bridge);
  fireEvent.click(screen.getByRole('button', { name: 'Filings' }));
  await screen.findByTestId('filings-screen');
}

function sharing(bridge: FakeBridge, view: SharedDraftsView): void {
  bridge.answer('firmServer.sharedDrafts', () => view);
}

describe('shared drafts on the Filings screen', () => {
  it('offers Share on a draft with its case only when connected, and shares it', async () => {
    const bridge = createFakeBridge();
    bridge.drafts.set(mine, { ...blankDraft({ id: mine }), case: acmeCase() });
    bridge.drafts.set('no-case', blankDraft({ id: 'no-case' }));
    sharing(bridge, { state: 'connected', drafts: [] });
    bridge.answer('firmServer.shareDraft', () => ({ version: 1, state: 'synced', message: null }));
    await openFilings(bridge);
    const row = await waitFor(() => {
      const found = screen.getAllByTestId('draft-row').find((each) => each.dataset.draftId === mine);
      expect(found).toBeTruthy();
      return found as HTMLElement;
    });
    const noCase = screen.getAllByTestId('draft-row').find((each) => each.dataset.draftId === 'no-case');
    expect(within(noCase as HTMLElement).queryByTestId('share-draft')).toBeNull();
    expect(screen.getByTestId('shared-drafts-status').textContent).toContain('No shared drafts on your cases yet');
    fireEvent.click(await within(row).findByTestId('share-draft'));
    await waitFor(() =>
      expect(bridge.calls.filter((call) => call.channel === 'firmServer.shareDraft').map((call) => call.args)).toEqual([
        { draftId: mine },
      ]),
    );
  });

  it('hides sharing where no firm server is connected', async () => {
    const bridge = createFakeBridge();
    bridge.drafts.set(mine, { ...blankDraft({ id: mine }), case: acmeCase() });
    await openFilings(bridge);
    await screen.findAllByTestId('draft-row');
    expect(screen.queryByTestId('share-draft')).toBeNull();
    expect(screen.queryByTestId('shared-drafts')).toBeNull();
  });

  it('lists a shared draft not on this desktop, and opens it in the wizard', async () => {
    const bridge = createFakeBridge();
    sharing(bridge, {
      state: 'connected',
      drafts: [
        {
          id: theirs,
          caseNumber: '1:26-cv-00123-MMB',
          server: { version: 3, updatedBy: 'mchen', updatedAt: '2026-12-07T15:00:00Z' },
          local: null,
        },
      ],
    });
    bridge.answer('firmServer.openSharedDraft', ({ id }) => {
      bridge.drafts.set(id, { ...blankDraft({ id }), case: acmeCase() });
      return null;
    });
    await openFilings(bridge);
    const item = await screen.findByTestId('shared-draft');
    expect(item.textContent).toContain('1:26-cv-00123-MMB');
    expect(item.textContent).toContain('version 3, changed by mchen');
    fireEvent.click(within(item).getByRole('button', { name: /Open the shared draft of 1:26-cv-00123-MMB/ }));
    await screen.findByTestId('wizard');
    expect(bridge.channels()).toContain('firmServer.openSharedDraft');
  });

  it('marks a shared draft’s row, and says a conflict in full with the way to resolve it', async () => {
    const bridge = createFakeBridge();
    bridge.drafts.set(mine, { ...blankDraft({ id: mine }), case: acmeCase() });
    const message =
      'jmorgan changed this draft at 2026-12-07T15:00:00Z (version 2) after the version yours was made from (1); your change was not kept.';
    sharing(bridge, {
      state: 'connected',
      drafts: [
        {
          id: mine,
          caseNumber: '1:26-cv-00123-MMB',
          server: { version: 2, updatedBy: 'jmorgan', updatedAt: '2026-12-07T15:00:00Z' },
          local: { version: 1, state: 'conflict', message },
        },
      ],
    });
    bridge.answer('firmServer.takeFirmVersion', () => ({ copyId: 'copy' }));
    await openFilings(bridge);
    const conflict = await screen.findByTestId('shared-conflict');
    expect(conflict.textContent).toContain(message);
    expect(conflict.textContent).toContain('Your copy is kept on this desktop.');
    const chip = await screen.findByTestId('shared-chip');
    expect(chip.textContent).toContain('Shared · changed by someone else');
    fireEvent.click(within(conflict).getByTestId('take-firm-version'));
    await waitFor(() =>
      expect(
        bridge.calls.filter((call) => call.channel === 'firmServer.takeFirmVersion').map((call) => call.args),
      ).toEqual([{ draftId: mine }]),
    );
  });
});
