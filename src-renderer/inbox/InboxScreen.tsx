import { useEffect, useRef, useState } from 'react';
import '../accounts/fields.css';
import '../filings/FileButton.css';
import { downloadFile } from '../filings/download-file';
import { LiveRegion } from '../shell/LiveRegion';
import { noFilters } from '../state/inbox-store';
import { useAccounts, useInbox } from '../state/StoresProvider';
import { ImportSummaryPanel } from './ImportSummaryPanel';
import { InboxFilters } from './InboxFilters';
import { InboxFirstRun } from './InboxFirstRun';
import { InboxList } from './InboxList';
import { MailboxesDialog } from './MailboxesDialog';
import { ReaderPane } from './ReaderPane';
import { useNotificationPermission } from './use-notice-notifications';
import './InboxScreen.css';
import { useInBackground } from '../state/background';

/** The name the deadlines calendar is saved under. */
export const deadlinesFileName = 'ECF Desk deadlines.ics';

/** "1,204 notices · 17 unread on this page": the count a paralegal checks first. */
function summarize(total: number, isFiltered: boolean): string {
  const notices = total === 1 ? '1 notice' : `${total.toLocaleString()} notices`;
  return isFiltered ? `${notices} match` : notices;
}

/** The Inbox screen: the court's notices in a list beside a reader, with search, filters, import, the deadlines calendar and the mailboxes. */
export function InboxScreen({ onOpenAccounts }: { readonly onOpenAccounts: () => void }) {
  const status = useInbox((state) => state.status);
  const total = useInbox((state) => state.total);
  const filters = useInbox((state) => state.filters);
  const mailboxes = useInbox((state) => state.mailboxes);
  const mailboxesStatus = useInbox((state) => state.mailboxesStatus);
  const isImporting = useInbox((state) => state.isImporting);
  const importSummary = useInbox((state) => state.importSummary);
  const announcement = useInbox((state) => state.announcement);
  const load = useInbox((state) => state.load);
  const loadMailboxes = useInbox((state) => state.loadMailboxes);
  const importFiles = useInbox((state) => state.importFiles);
  const dismissImportSummary = useInbox((state) => state.dismissImportSummary);
  const exportDeadlines = useInbox((state) => state.exportDeadlines);
  const connectAccounts = useAccounts((state) => state.connect);
  const inBackground = useInBackground();
  const [isGrouped, setGrouped] = useState(false);
  const [mailboxesDialog, setMailboxesDialog] = useState<'closed' | 'list' | 'add'>('closed');
  const notifications = useNotificationPermission();
  const mailboxesButtonRef = useRef<HTMLButtonElement>(null);

  // Buying a document needs the court session, which the accounts store follows.
  useEffect(() => connectAccounts(), [connectAccounts]);

  const isFiltered = JSON.stringify(filters) !== JSON.stringify(noFilters);
  const isFirstRun =
    status === 'ready' && total === 0 && !isFiltered && mailboxesStatus === 'ready' && mailboxes.length === 0;

  const exportCalendar = async (): Promise<void> => {
    const bytes = await exportDeadlines();
    if (bytes) {
      downloadFile(bytes, deadlinesFileName, 'text/calendar');
    }
  };

  const openMailboxes = (view: 'list' | 'add'): void => {
    inBackground('Loading the mailboxes', loadMailboxes());
    setMailboxesDialog(view);
  };

  const renderBody = () => {
    if (status === 'loading') {
      return <p className="screen__status">Loading notices…</p>;
    }
    if (status === 'failed') {
      return (
        <div className="screen__status">
          <p>The notices cannot be shown right now. Nothing is lost: they stay stored on this computer.</p>
          <button type="button" className="button" onClick={() => inBackground('Loading the notices', load())}>
            Try again
          </button>
        </div>
      );
    }
    if (isFirstRun) {
      return <InboxFirstRun onConnectMailbox={() => openMailboxes('add')} />;
    }
    if (total === 0) {
      return (
        <div className="empty-state" data-testid="inbox-empty">
          <h2 className="empty-state__title">{isFiltered ? 'No notices match' : 'No notices yet'}</h2>
          <p className="empty-state__text">
            {isFiltered
              ? 'Try fewer words, or clear the filters.'
              : `ECF Desk is watching ${mailboxes.length === 1 ? 'your mailbox' : `${mailboxes.length} mailboxes`}; the court's notices appear here as they arrive.`}
          </p>
        </div>
      );
    }
    return (
      <div className="inbox-screen__panes">
        <InboxList isGrouped={isGrouped} />
        <ReaderPane
          onExportDeadlines={() => inBackground('Exporting the deadlines', exportCalendar())}
          onOpenAccounts={onOpenAccounts}
        />
      </div>
    );
  };

  return (
    <section className="screen inbox-screen" data-testid="inbox-screen" aria-labelledby="inbox-heading">
      <div className="screen__toolbar inbox-screen__toolbar">
        <div className="screen__heading">
          <h1 id="inbox-heading" className="screen__title">
            Inbox
          </h1>
          <p className="screen__summary">
            {status === 'ready'
              ? summarize(total, isFiltered)
              : 'The court’s notices of electronic filing, with their documents and deadlines.'}
          </p>
        </div>
        <div className="inbox-screen__actions" role="group" aria-label="Inbox actions">
          <label className="button file-button" aria-disabled={isImporting}>
            <input
              type="file"
              className="file-button__input"
              accept=".eml,.msg,message/rfc822,application/vnd.ms-outlook"
              multiple
              data-testid="import-notices"
              onChange={(event) => {
                const files = Array.from(event.target.files ?? []);
                event.target.value = '';
                inBackground('Importing the notices', importFiles(files));
              }}
            />
            {isImporting ? 'Importing…' : 'Import .eml/.msg…'}
          </label>
          <button
            type="button"
            className="button"
            data-testid="export-deadlines"
            onClick={() => inBackground('Exporting the deadlines', exportCalendar())}
          >
            Export deadlines (.ics)
          </button>
          <button
            ref={mailboxesButtonRef}
            type="button"
            className="button"
            data-testid="open-mailboxes"
            onClick={() => openMailboxes('list')}
          >
            Mailboxes…
          </button>
          {notifications.permission === 'default' && (
            <button
              type="button"
              className="button button--quiet"
              data-testid="notify-new-notices"
              onClick={notifications.ask}
            >
              Notify me of new notices
            </button>
          )}
        </div>
      </div>
      {!isFirstRun && <InboxFilters isGrouped={isGrouped} onGroupedChange={setGrouped} />}
      {importSummary && <ImportSummaryPanel summary={importSummary} onDismiss={dismissImportSummary} />}
      {renderBody()}
      {mailboxesDialog !== 'closed' && (
        <MailboxesDialog
          startsAdding={mailboxesDialog === 'add'}
          fallbackFocus={mailboxesButtonRef}
          onClose={() => setMailboxesDialog('closed')}
        />
      )}
      <LiveRegion message={announcement} />
    </section>
  );
}
