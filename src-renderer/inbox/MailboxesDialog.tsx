import { useState, type RefObject } from 'react';
import type { Mailbox } from '../../src-main/shared/inbox';
import { Dialog } from '../accounts/Dialog';
import { formatDateTime } from '../format/format-date-time';
import { useInbox } from '../state/StoresProvider';
import { describeMailboxState, nameMailbox } from './describe-notice';
import { MailboxForm } from './MailboxForm';
import './MailboxesDialog.css';
import { useInBackground } from '../state/background';

/** What the dialog shows: the list, or the form for a new mailbox or one being edited. */
type View = { readonly kind: 'list' } | { readonly kind: 'form'; readonly mailbox: Mailbox | null };

/** What the Mailboxes dialog needs: whether it opens on the form for a new mailbox, and where focus goes after. */
export interface MailboxesDialogProps {
  readonly startsAdding: boolean;
  readonly fallbackFocus: RefObject<HTMLElement | null>;
  readonly onClose: () => void;
}

/** The mailboxes notices are read from: their state and last sync, Sync now, Edit, Remove, and Add mailbox. */
export function MailboxesDialog({ startsAdding, fallbackFocus, onClose }: MailboxesDialogProps) {
  const mailboxes = useInbox((state) => state.mailboxes);
  const saveMailbox = useInbox((state) => state.saveMailbox);
  const removeMailbox = useInbox((state) => state.removeMailbox);
  const syncMailbox = useInbox((state) => state.syncMailbox);
  const inBackground = useInBackground();
  const [view, setView] = useState<View>(startsAdding ? { kind: 'form', mailbox: null } : { kind: 'list' });
  const title =
    view.kind === 'list' ? 'Mailboxes' : view.mailbox ? `Edit ${nameMailbox(view.mailbox)}` : 'Add a mailbox';

  return (
    <Dialog
      title={title}
      testId="mailboxes-dialog"
      fallbackFocus={fallbackFocus}
      onClose={view.kind === 'form' ? () => setView({ kind: 'list' }) : onClose}
    >
      {view.kind === 'form' ? (
        <MailboxForm
          key={view.mailbox?.id ?? 'new'}
          mailbox={view.mailbox}
          onSave={saveMailbox}
          onDone={() => setView({ kind: 'list' })}
        />
      ) : (
        <>
          <p className="mailboxes__intro">
            ECF Desk reads the court&apos;s notices from these mailboxes and watches them while it runs. It never
            deletes mail.
          </p>
          {mailboxes.length === 0 ? (
            <p className="mailboxes__empty">No mailboxes yet.</p>
          ) : (
            <ul className="mailboxes__list">
              {mailboxes.map((mailbox) => (
                <MailboxRow
                  key={mailbox.id}
                  mailbox={mailbox}
                  onEdit={() => setView({ kind: 'form', mailbox })}
                  onSync={() => inBackground('Reading the mailbox', syncMailbox(mailbox.id))}
                  onRemove={() => inBackground('Removing the mailbox', removeMailbox(mailbox.id))}
                />
              ))}
            </ul>
          )}
          <div className="dialog__actions">
            <button
              type="button"
              className="button button--primary"
              data-testid="add-mailbox"
              onClick={() => setView({ kind: 'form', mailbox: null })}
            >
              Add mailbox…
            </button>
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}

/** One mailbox with its state, when it was last read, and what can be done with it. */
function MailboxRow({
  mailbox,
  onEdit,
  onSync,
  onRemove,
}: {
  readonly mailbox: Mailbox;
  readonly onEdit: () => void;
  readonly onSync: () => void;
  readonly onRemove: () => void;
}) {
  const lastSync = mailbox.lastSyncAt ? formatDateTime(mailbox.lastSyncAt) : null;
  return (
    <li className="mailbox-row" data-testid="mailbox-row" data-mailbox-id={mailbox.id} data-state={mailbox.state}>
      <div className="mailbox-row__facts">
        <span className="mailbox-row__name">{nameMailbox(mailbox)}</span>
        <span className="mailbox-row__detail">
          {mailbox.folder} · port {mailbox.port}
          {mailbox.secure ? ' with TLS' : ' without TLS'} ·{' '}
          {mailbox.marksRead ? 'marks imported mail as read' : 'leaves mail unread'}
        </span>
        <span
          className={
            mailbox.state === 'failed' ? 'mailbox-row__state mailbox-row__state--failed' : 'mailbox-row__state'
          }
        >
          {describeMailboxState(mailbox)}
          {lastSync ? ` · last read ${lastSync.date} ${lastSync.time}` : ' · not read yet'}
        </span>
        {mailbox.message && <span className="mailbox-row__detail">{mailbox.message}</span>}
      </div>
      <div className="mailbox-row__actions">
        <button type="button" className="button button--small" disabled={mailbox.state === 'syncing'} onClick={onSync}>
          Sync now
        </button>
        <button type="button" className="button button--small" onClick={onEdit}>
          Edit…
        </button>
        <button
          type="button"
          className="button button--quiet button--small"
          title="The mail on the server and the notices already imported stay"
          onClick={onRemove}
        >
          Remove
        </button>
      </div>
    </li>
  );
}
