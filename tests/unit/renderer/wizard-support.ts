import { fireEvent, screen, within } from '@testing-library/react';
import type { Draft, DraftChanges, DraftDocument } from '../../../src-main/shared/filing';
import type { FakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

/** Renders the window, chooses Filings and opens this draft in the wizard. */
export async function openWizard(bridge: FakeBridge, draft: Draft): Promise<HTMLElement> {
  bridge.drafts.set(draft.id, draft);
  renderApp(bridge);
  fireEvent.click(screen.getByRole('button', { name: 'Filings' }));
  fireEvent.click(within(await screen.findByTestId('draft-row')).getByTestId('open-draft'));
  return screen.findByTestId('wizard');
}

/** Chooses a step in the wizard's step list. */
export function goToStep(step: number): void {
  const button = screen.getAllByTestId('wizard-step').find((each) => each.dataset.step === String(step));
  if (!button) {
    throw new Error(`no step ${step}`);
  }
  fireEvent.click(button);
}

/** The changes the wizard saved, in order. */
export function changesSent(bridge: FakeBridge): DraftChanges[] {
  return bridge.calls
    .filter((call) => call.channel === 'drafts.update')
    .map((call) => (call.args as { changes: DraftChanges }).changes);
}

/** The documents of a draft as main now holds them, after every change the wizard asked for. */
export function documentsSaved(bridge: FakeBridge, draftId = 'd1'): DraftDocument[] {
  return bridge.drafts.get(draftId)?.documents ?? [];
}
