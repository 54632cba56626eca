// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bridgeError, createFakeBridge, imapMailbox, inboxItem } from './fake-bridge';
import { argsOf, openInbox } from './inbox-support';

const { createObjectURL, revokeObjectURL } = URL;

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
});

function type(field: HTMLElement, value: string): void {
  fireEvent.change(field, { target: { value } });
}

describe('importing notices', () => {
  it('imports each chosen file and shows what the import did, with the files set aside and why', async () => {
    const bridge = createFakeBridge();
    const answers = [
      { imported: 2, duplicates: 1, resends: 1, modified: 0, setAside: [] },
      {
        imported: 0,
        duplicates: 0,
        resends: 0,
        modified: 0,
        setAside: [{ name: 'lunch.eml', reason: 'This e-mail is not a notice from the court.' }],
      },
    ];
    bridge.answer('inbox.importFile', () => answers.shift()!);
    await openInbox(bridge);
    await screen.findByTestId('inbox-first-run');

    const files = [new File(['From: ecf@cit.uscourts.gov'], 'notices.eml'), new File(['Lunch?'], 'lunch.eml')];
    fireEvent.change(screen.getByTestId('import-notices'), { target: { files } });

    const summary = await screen.findByTestId('import-summary');
    expect(argsOf(bridge, 'inbox.importFile').map((args) => (args as { name: string }).name)).toEqual([
      'notices.eml',
      'lunch.eml',
    ]);
    expect(summary.textContent).toContain('2 new notices imported');
    expect(summary.textContent).toContain('1 duplicate skipped');
    expect(summary.textContent).toContain('1 resend of a notice already here');
    expect(summary.textContent).toContain('1 file set aside');
    expect(summary.textContent).toContain('lunch.eml — This e-mail is not a notice from the court.');
  });
});

describe('exporting deadlines', () => {
  it('downloads the calendar as “ECF Desk deadlines.ics”', async () => {
    const bridge = createFakeBridge();
    bridge.inbox.push(inboxItem({ id: 'n1' }));
    const makeUrl = vi.fn<(blob: Blob) => string>(() => 'blob:deadlines');
    URL.createObjectURL = makeUrl;
    URL.revokeObjectURL = vi.fn();
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    await openInbox(bridge);

    fireEvent.click(screen.getByTestId('export-deadlines'));

    await waitFor(() => expect(clicked).toEqual(['ECF Desk deadlines.ics']));
    expect(argsOf(bridge, 'inbox.exportDeadlines')).toEqual([{}]);
    expect(makeUrl.mock.calls[0]?.[0].type).toBe('text/calendar');
  });

  it('says there is nothing to export, and saves no empty calendar, when no notice sets a deadline', async () => {
    const bridge = createFakeBridge();
    bridge.inbox.push(inboxItem({ id: 'n1', deadlines: [] }));
    bridge.answer('inbox.exportDeadlines', () => {
      throw bridgeError('inbox.no-deadlines', 'There are no deadlines to export: no notice in the inbox sets a date.');
    });
    const download = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await openInbox(bridge);

    fireEvent.click(screen.getByTestId('export-deadlines'));

    const banner = await screen.findByTestId('error-banner');
    expect(banner.textContent).toContain('No deadlines to export.');
    expect(banner.textContent).toContain('no notice in the inbox sets a date');
    expect(banner.textContent).not.toContain('could not be exported');
    expect(download).not.toHaveBeenCalled();
  });
});

describe('response dates the rules set (USCIT Rule 7(d))', () => {
  it('the reader shows when a response to a motion is due, with its rule, beside the court’s own dates', async () => {
    const bridge = createFakeBridge();
    bridge.inbox.push(
      inboxItem({
        id: 'n1',
        docketText: 'MOTION to Dismiss for Lack of Jurisdiction. Filed by United States.',
        dateFiled: '2026-07-31',
        deadlines: [],
      }),
    );
    await openInbox(bridge);
    fireEvent.click(await screen.findByTestId('inbox-row'));
    const reader = await screen.findByTestId('inbox-reader');

    expect(within(reader).getByTestId('computed-response-date').textContent).toBe(
      'Response to dispositive motion due Sep 4, 2026 (USCIT Rule 7(d))',
    );
    expect(reader.textContent).toContain('The court’s order may set another date.');
    expect(within(reader).getByTestId('add-to-calendar')).toBeTruthy();
  });

  it('an order about a motion shows only the court’s dates', async () => {
    const bridge = createFakeBridge();
    bridge.inbox.push(inboxItem({ id: 'n1' }));
    await openInbox(bridge);
    fireEvent.click(await screen.findByTestId('inbox-row'));
    const reader = await screen.findByTestId('inbox-reader');

    expect(within(reader).queryByTestId('computed-response-date')).toBeNull();
    expect(reader.textContent).toContain('Response due');
  });
});

describe('the Mailboxes dialog', () => {
  it('lists each mailbox with its state and last sync, and Sync now reads it', async () => {
    const bridge = createFakeBridge();
    bridge.mailboxes.push(imapMailbox({ id: 'm1', state: 'failed', message: 'The server refused the password.' }));
    await openInbox(bridge);

    fireEvent.click(screen.getByTestId('open-mailboxes'));
    const row = await screen.findByTestId('mailbox-row');
    expect(row.textContent).toContain('docketing@example.com on imap.example.com');
    expect(row.textContent).toContain('Could not connect');
    expect(row.textContent).toContain('last read');
    expect(row.textContent).toContain('The server refused the password.');

    fireEvent.click(within(row).getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(argsOf(bridge, 'mailboxes.sync')).toEqual([{ id: 'm1' }]));
    await waitFor(() => expect(screen.getByTestId('mailbox-row').dataset.state).toBe('watching'));
  });

  it('adds a mailbox with imported mail left unread unless asked, the secret sent once and never shown back', async () => {
    const bridge = createFakeBridge();
    await openInbox(bridge);

    fireEvent.click(await screen.findByTestId('connect-mailbox'));
    const form = await screen.findByTestId('mailbox-form');
    expect((within(form).getByTestId('mailbox-marks-read') as HTMLInputElement).checked).toBe(false);
    expect((within(form).getByLabelText('Folder') as HTMLInputElement).value).toBe('INBOX');
    expect((within(form).getByLabelText('Port') as HTMLInputElement).value).toBe('993');
    type(within(form).getByLabelText('Mail server (IMAP)'), 'imap.example.com');
    type(within(form).getByLabelText('User name'), 'docketing@example.com');
    type(within(form).getByTestId('mailbox-secret'), 'app-password-123');
    fireEvent.click(within(form).getByRole('button', { name: 'Save mailbox' }));

    await waitFor(() =>
      expect(argsOf(bridge, 'mailboxes.save')).toEqual([
        {
          host: 'imap.example.com',
          port: 993,
          secure: true,
          user: 'docketing@example.com',
          auth: 'password',
          secret: 'app-password-123',
          folder: 'INBOX',
          marksRead: false,
        },
      ]),
    );
    const row = await screen.findByTestId('mailbox-row');

    fireEvent.click(within(row).getByRole('button', { name: 'Edit…' }));
    const editForm = await screen.findByTestId('mailbox-form');
    const secret = within(editForm).getByTestId('mailbox-secret') as HTMLInputElement;
    expect(secret.type).toBe('password');
    expect(secret.value).toBe('');
    expect(editForm.textContent).toContain('Leave it blank to keep the saved password.');
    expect(document.body.textContent).not.toContain('app-password-123');

    fireEvent.click(within(editForm).getByRole('button', { name: 'Save mailbox' }));
    await waitFor(() => expect(argsOf(bridge, 'mailboxes.save')).toHaveLength(2));
    expect(argsOf(bridge, 'mailboxes.save')[1]).not.toHaveProperty('secret');
  });

  it('asks for the server and the password before saving a new mailbox', async () => {
    const bridge = createFakeBridge();
    await openInbox(bridge);
    fireEvent.click(screen.getByTestId('open-mailboxes'));
    fireEvent.click(await screen.findByTestId('add-mailbox'));
    const form = await screen.findByTestId('mailbox-form');

    fireEvent.click(within(form).getByRole('button', { name: 'Save mailbox' }));

    expect((await within(form).findByRole('alert')).textContent).toContain('mail server');
    expect(argsOf(bridge, 'mailboxes.save')).toEqual([]);
  });

  it('removes a mailbox', async () => {
    const bridge = createFakeBridge();
    bridge.mailboxes.push(imapMailbox({ id: 'm1' }));
    await openInbox(bridge);
    fireEvent.click(screen.getByTestId('open-mailboxes'));

    fireEvent.click(within(await screen.findByTestId('mailbox-row')).getByRole('button', { name: 'Remove' }));

    await waitFor(() => expect(screen.queryByTestId('mailbox-row')).toBeNull());
    expect(argsOf(bridge, 'mailboxes.remove')).toEqual([{ id: 'm1' }]);
  });
});

describe('desktop notifications', () => {
  it('offer no prompt on load where the host has no notifications, as in a browser test', async () => {
    await openInbox(createFakeBridge());
    expect(typeof Notification).toBe('undefined');
    expect(screen.queryByTestId('notify-new-notices')).toBeNull();
  });
});
