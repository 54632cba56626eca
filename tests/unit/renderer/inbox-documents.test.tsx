// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { NoticeDocument } from '../../../src-main/shared/inbox';
import {
  bridgeError,
  createFakeBridge,
  inboxItem,
  loggedInSession,
  noticeDocument,
  pacerAccount,
  sha256Starting,
  type FakeBridge,
} from './fake-bridge';
import { argsOf, openInbox } from './inbox-support';

afterEach(cleanup);

/** Opens the reader on a notice with these documents. */
async function readNoticeWith(bridge: FakeBridge, ...documents: NoticeDocument[]): Promise<HTMLElement[]> {
  bridge.inbox.push(inboxItem({ id: 'n1', documents }));
  await openInbox(bridge);
  fireEvent.click(await screen.findByTestId('inbox-row'));
  await screen.findByTestId('inbox-reader');
  return screen.getAllByTestId('notice-document');
}

function loggedInBridge(): FakeBridge {
  const bridge = createFakeBridge();
  bridge.answer('session.status', () => loggedInSession(pacerAccount({ id: 'a1', loginId: 'jmorgan' })));
  return bridge;
}

describe('a notice’s documents in the reader', () => {
  it('a document saved with the free look shows its SHA-256 with Copy, and opens in the document viewer', async () => {
    const sha256 = sha256Starting('5a7ed0c0ffee');
    const [saved] = await readNoticeWith(createFakeBridge(), noticeDocument({ number: '0', sha256 }));

    expect(saved?.dataset.state).toBe('saved');
    expect(saved?.textContent).toContain('Saved with the free look');
    expect(within(saved!).getByTestId('notice-document-sha256').textContent).toBe(sha256);
    expect(within(saved!).getByRole('button', { name: /Copy/ })).toBeTruthy();
    expect(within(saved!).getByRole('button', { name: 'Hide the document' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    expect(within(saved!).getByRole('region', { name: 'Viewer: Main Document' })).toBeTruthy();
    expect(within(saved!).queryByTestId('buy-document')).toBeNull();
  });

  it('a notice from the firm server says so; its saved document is the server’s free look, a failed one is not retried here', async () => {
    const bridge = createFakeBridge();
    bridge.inbox.push(
      inboxItem({
        id: 'firm1',
        firmServer: 'https://ecf-desk.firm.example',
        documents: [
          noticeDocument({ number: '0', sha256: sha256Starting('f12e') }),
          noticeDocument({
            number: '1',
            description: 'Exhibit A',
            state: 'failed',
            sha256: null,
            message: 'The court did not answer.',
          }),
        ],
      }),
    );
    await openInbox(bridge);
    fireEvent.click(await screen.findByTestId('inbox-row'));
    await screen.findByTestId('inbox-reader');
    expect(screen.getByTestId('notice-from-firm-server').textContent).toContain('The firm server');
    const [saved, failed] = screen.getAllByTestId('notice-document');
    expect(saved?.textContent).toContain('Saved by the firm server with the free look');
    expect(failed?.textContent).toContain("The firm server's free look did not work. The court did not answer.");
    expect(within(failed!).queryByRole('button', { name: 'Try the free look again' })).toBeNull();
  });

  it('a used free look says what viewing costs now, and buying asks first and sends the exact cents', async () => {
    const bridge = loggedInBridge();
    const [used] = await readNoticeWith(
      bridge,
      noticeDocument({ number: '0', state: 'used', documentId: null, sha256: null, pages: 4, feeCents: 40 }),
    );

    expect(used?.textContent).toContain(
      'The free look is gone (used). Viewing it now costs $0.40 (10¢ a page, $3.00 at most)',
    );
    await waitFor(() => expect(within(used!).getByTestId('buy-document').hasAttribute('disabled')).toBe(false));

    fireEvent.click(within(used!).getByTestId('buy-document'));
    const dialog = await screen.findByTestId('buy-dialog');
    expect(dialog.textContent).toContain('$0.40');
    expect(dialog.textContent).toContain('jmorgan');
    expect(argsOf(bridge, 'inbox.buyDocument')).toEqual([]);

    fireEvent.click(within(dialog).getByTestId('buy-confirm'));

    await waitFor(() =>
      expect(argsOf(bridge, 'inbox.buyDocument')).toEqual([{ id: 'n1', number: '0', acceptsFeeCents: 40 }]),
    );
    await waitFor(() => expect(screen.queryByTestId('buy-dialog')).toBeNull());
    await waitFor(() => expect(screen.getByTestId('notice-document').dataset.state).toBe('paid'));
  });

  it('cancelling the price question buys nothing', async () => {
    const bridge = loggedInBridge();
    const [expired] = await readNoticeWith(
      bridge,
      noticeDocument({ number: '0', state: 'expired', documentId: null, sha256: null, pages: 40, feeCents: 300 }),
    );
    expect(expired?.textContent).toContain('The free look is gone (expired). Viewing it now costs $3.00');
    await waitFor(() => expect(within(expired!).getByTestId('buy-document').hasAttribute('disabled')).toBe(false));

    fireEvent.click(within(expired!).getByTestId('buy-document'));
    fireEvent.click(within(await screen.findByTestId('buy-dialog')).getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByTestId('buy-dialog')).toBeNull();
    expect(argsOf(bridge, 'inbox.buyDocument')).toEqual([]);
  });

  it('a purchase refused at a new price says why inside the dialog, and asks again at the new price', async () => {
    const bridge = loggedInBridge();
    bridge.answer('inbox.buyDocument', () => {
      // As main does: the notice keeps the court's new price, then the purchase is refused.
      const notice = bridge.inbox[0]!;
      bridge.inbox[0] = { ...notice, documents: notice.documents.map((document) => ({ ...document, feeCents: 50 })) };
      throw bridgeError(
        'purchase.price-changed',
        'PACER now asks $0.50 for this document, not $0.40. Nothing was bought.',
      );
    });
    const [sealed] = await readNoticeWith(
      bridge,
      noticeDocument({ number: '0', state: 'sealed', documentId: null, sha256: null, feeCents: 40 }),
    );
    await waitFor(() => expect(within(sealed!).getByTestId('buy-document').hasAttribute('disabled')).toBe(false));

    fireEvent.click(within(sealed!).getByTestId('buy-document'));
    fireEvent.click(within(await screen.findByTestId('buy-dialog')).getByTestId('buy-confirm'));

    const dialog = screen.getByTestId('buy-dialog');
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Nothing was bought');
    await waitFor(() => expect(within(dialog).getByTestId('buy-confirm').textContent).toBe('Buy for $0.50'));
    expect(argsOf(bridge, 'inbox.buyDocument')).toEqual([{ id: 'n1', number: '0', acceptsFeeCents: 40 }]);
  });

  it('a purchase refused for another reason says why inside the dialog, at the price it showed', async () => {
    const bridge = loggedInBridge();
    bridge.answer('inbox.buyDocument', () => {
      throw bridgeError('court.unreachable', 'The court did not answer. Nothing was bought.');
    });
    const [sealed] = await readNoticeWith(
      bridge,
      noticeDocument({ number: '0', state: 'sealed', documentId: null, sha256: null, feeCents: 40 }),
    );
    await waitFor(() => expect(within(sealed!).getByTestId('buy-document').hasAttribute('disabled')).toBe(false));

    fireEvent.click(within(sealed!).getByTestId('buy-document'));
    fireEvent.click(within(await screen.findByTestId('buy-dialog')).getByTestId('buy-confirm'));

    const dialog = screen.getByTestId('buy-dialog');
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Nothing was bought');
    expect(within(dialog).getByTestId('buy-confirm').textContent).toBe('Buy for $0.40');
    expect(argsOf(bridge, 'inbox.get')).toEqual([{ id: 'n1' }]);
  });

  it('without a PACER login, buying waits and points to Accounts', async () => {
    const [used] = await readNoticeWith(
      createFakeBridge(),
      noticeDocument({ number: '0', state: 'used', documentId: null, sha256: null, feeCents: 30 }),
    );

    expect(within(used!).getByTestId('buy-document').hasAttribute('disabled')).toBe(true);
    expect(used?.textContent).toContain('Buying needs a PACER login');
  });

  it('a failed free look offers to try again, which never pays', async () => {
    const bridge = createFakeBridge();
    const [failed] = await readNoticeWith(
      bridge,
      noticeDocument({
        number: '0',
        state: 'failed',
        documentId: null,
        sha256: null,
        message: 'The court did not answer.',
      }),
    );

    fireEvent.click(within(failed!).getByRole('button', { name: 'Try the free look again' }));

    await waitFor(() => expect(argsOf(bridge, 'inbox.fetchDocument')).toEqual([{ id: 'n1', number: '0' }]));
    expect(argsOf(bridge, 'inbox.buyDocument')).toEqual([]);
  });

  it('a free look the court answered "not found" is not said to have failed to reach the court', async () => {
    const message =
      'The court answered that the document is not at this link (HTTP 404): the free-look link no longer works.';
    const [failed] = await readNoticeWith(
      createFakeBridge(),
      noticeDocument({ number: '0', state: 'failed', documentId: null, sha256: null, message }),
    );

    expect(failed?.textContent).toContain(`The free look did not work. ${message}`);
    expect(failed?.textContent).not.toContain('could not be reached');
  });

  it('a notice without a free look explains magic-number links and secondary addresses', async () => {
    const [none] = await readNoticeWith(
      createFakeBridge(),
      noticeDocument({ number: '0', state: 'no-free-look', documentId: null, sha256: null, feeCents: 30 }),
    );

    expect(none?.textContent).toContain('without a free look');
    // FAQ 25: a secondary address gets its own free look, so a missing one is not explained by the address.
    expect(none?.textContent).toContain('a secondary address included, normally gets one free look (FAQ 23–25)');
    expect(none?.textContent).toContain('$0.30');
  });
});
