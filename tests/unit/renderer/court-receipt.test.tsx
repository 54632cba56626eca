// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acmeCase, blankDraft, createFakeBridge, outboxStatus } from './fake-bridge';
import { openWizard } from './wizard-support';

afterEach(cleanup);

describe('the court’s receipt of a filed filing', () => {
  it('is saved with a link-like button that carries a download mark, not a box that reads as a text field', async () => {
    const bridge = createFakeBridge();
    bridge.answer('outbox.receipt', () => ({ html: '<html>Notice of Electronic Filing</html>' }));
    const createObjectURL = vi.fn(() => 'blob:receipt');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const outbox = outboxStatus({ state: 'filed', documentNumber: 7, hasReceipt: true });
    await openWizard(bridge, blankDraft({ id: 'd1', case: acmeCase(), eventId: 'complaint', outbox }));

    const save = screen.getByRole('button', { name: 'Save the court’s receipt' });
    expect(save.classList.contains('button--quiet')).toBe(true);
    expect(save.querySelector('svg')).not.toBeNull();

    fireEvent.click(save);
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    expect(bridge.calls.find((call) => call.channel === 'outbox.receipt')?.args).toEqual({ draftId: 'd1' });
  });
});
