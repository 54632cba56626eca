// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { acmeCase, blankDraft, caseParty, createFakeBridge, draftReview, type FakeBridge } from './fake-bridge';
import { renderApp } from './render-app';
import { goToStep, openWizard } from './wizard-support';

afterEach(cleanup);

/** A draft whose every step is filled: case, event, filer and main document, with nothing blocking it. */
function completeDraftBridge(): FakeBridge {
  const bridge = createFakeBridge();
  bridge.reviewDraft = (draft) =>
    draftReview(draft, {
      docketTextPreview: 'Complaint. Filed by the filing attorney on behalf of Acme.',
      canSubmit: true,
    });
  bridge.drafts.set(
    'd1',
    blankDraft({
      id: 'd1',
      case: acmeCase(),
      eventId: 'complaint',
      parties: [caseParty({ id: 'p1', name: 'Acme Steel Corp.' })],
      filerPartyIds: ['p1'],
      documents: [{ documentId: 'doc1', type: 'main', description: '' }],
    }),
  );
  return bridge;
}

function marks(): Record<string, string | undefined> {
  return Object.fromEntries(screen.getAllByTestId('wizard-step').map((step) => [step.dataset.step, step.dataset.mark]));
}

function stepTitle(): string | null {
  return screen.getByTestId('wizard-step-title').textContent;
}

describe('the wizard keeps the paralegal’s place', () => {
  it('a step is done only once visited: the docket text and the review are not checked before anyone looked at them', async () => {
    const bridge = completeDraftBridge();
    await openWizard(bridge, bridge.drafts.get('d1') ?? blankDraft({ id: 'd1' }));

    expect(marks()).toMatchObject({ '1': 'done', '4': 'none', '5': 'none', '6': 'none' });
    goToStep(5);
    goToStep(6);
    expect(marks()).toMatchObject({ '1': 'done', '4': 'none', '5': 'done', '6': 'done' });
  });

  it('a reload comes back to the Filings screen, the same draft and the same step, with the steps seen still checked', async () => {
    const bridge = completeDraftBridge();
    await openWizard(bridge, bridge.drafts.get('d1') ?? blankDraft({ id: 'd1' }));
    goToStep(5);
    goToStep(4);
    cleanup();

    renderApp(bridge, { isReload: true });

    const wizard = await screen.findByTestId('wizard');
    expect(wizard.dataset.draftId).toBe('d1');
    expect(stepTitle()).toBe('4. Documents');
    expect(screen.getByRole('button', { name: 'Filings' }).getAttribute('aria-current')).toBe('page');
    expect(marks()).toMatchObject({ '4': 'done', '5': 'done', '6': 'none' });
  });

  it('a reload on another screen comes back to that screen', async () => {
    renderApp(createFakeBridge());
    fireEvent.click(screen.getByRole('button', { name: 'Inbox' }));
    await screen.findByTestId('inbox-screen');
    cleanup();

    renderApp(createFakeBridge(), { isReload: true });

    expect(screen.getByRole('button', { name: 'Inbox' }).getAttribute('aria-current')).toBe('page');
  });

  it('a draft opened again from the list opens at the step where it was left', async () => {
    const bridge = completeDraftBridge();
    await openWizard(bridge, bridge.drafts.get('d1') ?? blankDraft({ id: 'd1' }));
    goToStep(5);
    fireEvent.click(screen.getByTestId('back-to-list'));

    fireEvent.click(await screen.findByTestId('open-draft'));

    await screen.findByTestId('wizard');
    expect(stepTitle()).toBe('5. Related and docket text');
  });

  it('Filings on the rail, chosen inside a filing, goes back to the list of filings', async () => {
    await openWizard(createFakeBridge(), blankDraft({ id: 'd1' }));

    fireEvent.click(screen.getByRole('button', { name: 'Filings' }));

    expect(await screen.findByTestId('draft-row')).toBeTruthy();
    expect(screen.queryByTestId('wizard')).toBeNull();
  });

  it('focus goes to the wizard’s step heading after New filing, and to the screen’s heading after All filings', async () => {
    renderApp(createFakeBridge());
    fireEvent.click(screen.getByRole('button', { name: 'Filings' }));
    fireEvent.click(await screen.findByTestId('new-filing'));

    await screen.findByTestId('wizard');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('wizard-step-title')));

    fireEvent.click(screen.getByTestId('back-to-list'));

    await screen.findByTestId('draft-row');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Filings' }));
  });
});
