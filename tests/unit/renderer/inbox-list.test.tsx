// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeBridge, imapMailbox, inboxItem, liveCourt } from './fake-bridge';
import { argsOf, manyNotices, openInbox, rowOf } from './inbox-support';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the Inbox list', () => {
  it('sits on the rail after Filings', async () => {
    await openInbox(createFakeBridge());
    const entries = within(screen.getByRole('navigation', { name: 'Screens' })).getAllByRole('button');
    expect(entries.map((entry) => entry.textContent)).toEqual([
      'Documents',
      'Filings',
      'Inbox',
      'Accounts',
      'Settings',
      'Help',
    ]);
    expect(entries[2]?.getAttribute('aria-current')).toBe('page');
  });

  it('with no notices and no mailboxes, shows how to connect a mailbox, import files, and what to do when NEFs do not come', async () => {
    const bridge = createFakeBridge();
    bridge.answer('court.status', () => liveCourt({ state: 'ready' }));
    await openInbox(bridge);

    const firstRun = await screen.findByTestId('inbox-first-run');
    expect(firstRun.textContent).toContain('Connect a mailbox');
    expect(screen.queryByTestId('first-run-training-court')).toBeNull();
    expect(firstRun.textContent).toContain('shared docketing mailbox');
    expect(firstRun.textContent).toContain('never marks mail as read unless you ask');
    expect(firstRun.textContent).toContain('.eml');
    expect(firstRun.textContent).toContain('I am not getting NEFs');
    // FAQ 25, 36: registered counsel and pro se parties, and secondary addresses, receive notices, not only attorneys.
    expect(firstRun.textContent).not.toContain('only to attorneys of record');
    expect(firstRun.textContent).toContain('counsel and pro se parties in the case who are registered with CM/ECF');
    expect(firstRun.textContent).toContain('secondary e-mail addresses linked to their accounts (FAQ 25, 36)');
    expect(firstRun.textContent).toContain('listed on the docket as an attorney of record (FAQ 26)');
    // FAQ 22: receiving notices needs an upgraded PACER account.
    expect(firstRun.textContent).toContain('Receiving NEFs needs an upgraded PACER account');
    expect(firstRun.textContent).toContain('1-866-450-1859');
    expect(screen.queryByTestId('inbox-row')).toBeNull();
    expect(screen.getByTestId('import-notices')).toBeTruthy();
  });

  it('with the training court, says its notices arrive by themselves, with no mailbox to connect', async () => {
    await openInbox(createFakeBridge());

    const training = await screen.findByTestId('first-run-training-court');
    expect(training.textContent).toContain('no mailbox to connect');
    expect(training.textContent).toContain('File something on the Filings screen');
    expect(screen.getByRole('heading', { name: 'For the real court: connect a mailbox' })).toBeTruthy();
    expect(screen.getByTestId('connect-mailbox').className).not.toContain('button--primary');
  });

  it('with a mailbox but no notices yet, says it is watching rather than showing the first-run guide', async () => {
    const bridge = createFakeBridge();
    bridge.mailboxes.push(imapMailbox({ id: 'm1' }));
    await openInbox(bridge);

    expect((await screen.findByTestId('inbox-empty')).textContent).toContain('watching your mailbox');
    expect(screen.queryByTestId('inbox-first-run')).toBeNull();
  });

  it('draws only a window of rows for 10,000 notices, and scrolling draws the later ones', async () => {
    const bridge = createFakeBridge();
    bridge.inbox.push(...manyNotices(10_000));
    await openInbox(bridge);

    await screen.findAllByTestId('inbox-row');
    const drawn = screen.getAllByTestId('inbox-row');
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(60);
    expect(screen.getByTestId('inbox-screen').textContent).toContain('10,000 notices');
    // Main is asked a page at a time, never for everything.
    expect(argsOf(bridge, 'inbox.list')).toContainEqual({ offset: 0, limit: 200 });

    const list = screen.getByTestId('inbox-list');
    list.scrollTop = 9_000 * 60;
    fireEvent.scroll(list);

    await waitFor(() => expect(screen.getAllByTestId('inbox-row').map((row) => row.dataset.itemId)).toContain('n9001'));
    expect(screen.queryAllByTestId('inbox-row').some((row) => row.dataset.itemId === 'n1')).toBe(false);
    expect(screen.getAllByTestId('inbox-row').length).toBeLessThan(60);
    expect(argsOf(bridge, 'inbox.list')).toContainEqual({ offset: 9_000, limit: 200 });
  });

  it('marks unread notices in bold and shows deadline, resend and phishing badges', async () => {
    const bridge = createFakeBridge();
    bridge.inbox.push(
      inboxItem({ id: 'unread', isRead: false, resendCount: 2 }),
      inboxItem({ id: 'read', isRead: true, deadlines: [] }),
      inboxItem({
        id: 'phish',
        isRead: true,
        linkWarning: 'The link goes to ecf-cit-uscourts.example.net, not the court.',
      }),
    );
    await openInbox(bridge);
    await screen.findAllByTestId('inbox-row');

    expect(rowOf('unread').dataset.unread).toBe('true');
    expect(rowOf('unread').className).toContain('inbox-row--unread');
    expect(rowOf('unread').textContent).toContain('Due');
    expect(rowOf('unread').textContent).toContain('Resent ×2');
    expect(rowOf('read').dataset.unread).toBe('false');
    expect(rowOf('read').textContent).not.toContain('Due');
    expect(rowOf('phish').textContent).toContain('Possible phishing');
  });

  it('searches as the user types, asking main once the typing pauses for 200 ms', async () => {
    const bridge = createFakeBridge();
    bridge.inbox.push(
      inboxItem({ id: 'acme' }),
      inboxItem({
        id: 'other',
        caseNumber: '1:26-cv-00999',
        caseName: 'Beta Corp. v. United States',
        docketText: 'NOTICE of appearance',
        subject: 'Notice',
      }),
    );
    await openInbox(bridge);
    await screen.findAllByTestId('inbox-row');
    vi.useFakeTimers();

    fireEvent.change(screen.getByTestId('inbox-search'), { target: { value: 'Be' } });
    fireEvent.change(screen.getByTestId('inbox-search'), { target: { value: 'Beta' } });
    act(() => {
      vi.advanceTimersByTime(150);
    });
    expect(argsOf(bridge, 'inbox.list').some((args) => (args as { text?: string }).text !== undefined)).toBe(false);
    act(() => {
      vi.advanceTimersByTime(60);
    });
    vi.useRealTimers();

    expect(argsOf(bridge, 'inbox.list').filter((args) => (args as { text?: string }).text !== undefined)).toEqual([
      { text: 'Beta', offset: 0, limit: 200 },
    ]);
    await waitFor(() => expect(screen.getAllByTestId('inbox-row').map((row) => row.dataset.itemId)).toEqual(['other']));
  });

  it('filters to unread notices with a deadline at once', async () => {
    const bridge = createFakeBridge();
    bridge.inbox.push(
      inboxItem({ id: 'a' }),
      inboxItem({ id: 'b', isRead: true }),
      inboxItem({ id: 'c', deadlines: [] }),
    );
    await openInbox(bridge);
    await screen.findAllByTestId('inbox-row');

    fireEvent.click(screen.getByTestId('inbox-filter-unread'));
    fireEvent.click(screen.getByTestId('inbox-filter-deadline'));

    await waitFor(() => expect(screen.getAllByTestId('inbox-row').map((row) => row.dataset.itemId)).toEqual(['a']));
    expect(argsOf(bridge, 'inbox.list').at(-1)).toEqual({ hasDeadline: true, isUnread: true, offset: 0, limit: 200 });
  });

  it('groups notices under their case when asked', async () => {
    const bridge = createFakeBridge();
    bridge.inbox.push(
      inboxItem({ id: 'a1' }),
      inboxItem({ id: 'b1', caseNumber: '1:26-cv-00999', caseName: 'Beta Corp. v. United States' }),
      inboxItem({ id: 'a2' }),
    );
    await openInbox(bridge);
    await screen.findAllByTestId('inbox-row');

    fireEvent.click(screen.getByTestId('inbox-group-by-case'));

    await waitFor(() =>
      expect(screen.getAllByTestId('inbox-row').map((row) => row.dataset.itemId)).toEqual(['a1', 'a2', 'b1']),
    );
    expect(screen.getByTestId('inbox-list').textContent).toContain('2 notices');
  });

  it('moves through the list with the arrow keys and opens a notice with Enter', async () => {
    const bridge = createFakeBridge();
    bridge.inbox.push(...manyNotices(3));
    await openInbox(bridge);
    await screen.findAllByTestId('inbox-row');
    const list = screen.getByTestId('inbox-list');

    list.focus();
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(list.getAttribute('aria-activedescendant')).toBe(rowOf('n2').id);
    expect(screen.queryByTestId('inbox-reader')).toBeNull();

    fireEvent.keyDown(list, { key: 'Enter' });
    expect((await screen.findByTestId('inbox-reader')).dataset.itemId).toBe('n2');
    expect(rowOf('n2').getAttribute('aria-selected')).toBe('true');
  });

  it('opening a notice shows the reader and marks it read after a second', async () => {
    const bridge = createFakeBridge();
    bridge.inbox.push(inboxItem({ id: 'n1' }));
    await openInbox(bridge);
    await screen.findAllByTestId('inbox-row');

    fireEvent.click(rowOf('n1'));
    const reader = await screen.findByTestId('inbox-reader');
    expect(reader.textContent).toContain('Acme Steel Corp. v. United States');
    expect(reader.textContent).toContain('1:26-cv-00123-MMB');
    expect(reader.textContent).toContain('No. 12');
    expect(reader.textContent).toContain('ORDER granting [10] Motion for Extension of Time');
    expect(reader.textContent).toContain('Response due');
    expect(reader.textContent).toContain('Jane Morgan');
    expect(argsOf(bridge, 'inbox.markRead')).toEqual([]);

    await waitFor(() => expect(argsOf(bridge, 'inbox.markRead')).toEqual([{ id: 'n1', isRead: true }]), {
      timeout: 3_000,
    });
    await waitFor(() => expect(rowOf('n1').dataset.unread).toBe('false'));

    fireEvent.click(screen.getByTestId('toggle-read'));
    await waitFor(() => expect(argsOf(bridge, 'inbox.markRead').at(-1)).toEqual({ id: 'n1', isRead: false }));
  });

  it('warns in a danger box when a notice’s links do not go to the court', async () => {
    const bridge = createFakeBridge();
    bridge.inbox.push(
      inboxItem({
        id: 'phish',
        linkWarning: 'The link goes to ecf-cit-uscourts.example.net, not the court.',
        documents: [],
      }),
    );
    await openInbox(bridge);
    fireEvent.click(await screen.findByTestId('inbox-row'));

    const warning = await screen.findByTestId('link-warning');
    expect(warning.getAttribute('role')).toBe('alert');
    expect(warning.textContent).toContain(
      "This notice's links do not go to the court's site; ECF Desk did not open them",
    );
    expect(warning.textContent).toContain('ecf-cit-uscourts.example.net');
  });

  it('reloads when main says the inbox changed', async () => {
    const bridge = createFakeBridge();
    bridge.inbox.push(inboxItem({ id: 'n1' }));
    await openInbox(bridge);
    await screen.findAllByTestId('inbox-row');

    bridge.inbox.unshift(inboxItem({ id: 'n2', shortDescription: 'Scheduling Order' }));
    act(() => bridge.emit('inbox.changed', { id: null }));

    await waitFor(() =>
      expect(screen.getAllByTestId('inbox-row').map((row) => row.dataset.itemId)).toEqual(['n2', 'n1']),
    );
  });
});
