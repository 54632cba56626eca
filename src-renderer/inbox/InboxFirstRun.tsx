import { Icon } from '../components/Icon';
import { HelpLink } from '../help/HelpLink';
import { useCourt } from '../state/StoresProvider';

/** What the first-run view offers: connecting a mailbox. Importing files is the toolbar's button, named here. */
export interface InboxFirstRunProps {
  readonly onConnectMailbox: () => void;
}

/**
 * The inbox before any notice or mailbox: how notices get here, and what to check when the court's e-mails do not come.
 * The training court delivers its notices to the app itself, so there it says no mailbox is needed.
 */
export function InboxFirstRun({ onConnectMailbox }: InboxFirstRunProps) {
  const isTrainingCourt = useCourt((state) => state.status?.kind === 'training');
  return (
    <div className="empty-state inbox-first-run" data-testid="inbox-first-run">
      <span className="empty-state__badge">
        <Icon name="inbox" className="empty-state__icon" />
      </span>
      <h2 className="empty-state__title">No court notices yet</h2>
      <p className="empty-state__text">
        The court e-mails a Notice of Electronic Filing (NEF) for every docket entry in your cases. ECF Desk collects
        them here, saves each document with its one free look, and lists the deadlines the docket text sets.
      </p>
      <p className="empty-state__hint">
        Receiving NEFs needs an upgraded PACER account, the same one filing needs (FAQ 22).
      </p>
      <div className="inbox-first-run__ways">
        {isTrainingCourt && (
          <section
            className="inbox-first-run__way"
            aria-labelledby="first-run-training"
            data-testid="first-run-training-court"
          >
            <h3 id="first-run-training">The training court&apos;s notices come by themselves</h3>
            <p>
              ECF Desk is using its training court, which delivers its notices straight to this inbox: there is no
              mailbox to connect. File something on the <strong>Filings</strong> screen and its NEF appears here within
              a few seconds, with its document saved through the free look.
            </p>
            <p className="empty-state__hint">
              The court in use is shown at the top of the window; choose the real court in Settings.
            </p>
          </section>
        )}
        <section className="inbox-first-run__way" aria-labelledby="first-run-mailbox">
          <h3 id="first-run-mailbox">
            {isTrainingCourt ? 'For the real court: connect a mailbox' : 'Connect a mailbox'}
          </h3>
          <ol>
            <li>Ask your IT person for the mail server&apos;s IMAP address and port (993 with TLS is usual).</li>
            <li>
              Enter the user name, and a password or app password — or an OAuth2 access token for Microsoft 365 or
              Google Workspace.
            </li>
            <li>A firm&apos;s shared docketing mailbox works the same as your own.</li>
          </ol>
          <p className="empty-state__hint">
            ECF Desk reads new mail while it runs. It never marks mail as read unless you ask, and never deletes it.
          </p>
          <button
            type="button"
            className={isTrainingCourt ? 'button' : 'button button--primary'}
            data-testid="connect-mailbox"
            onClick={onConnectMailbox}
          >
            Connect a mailbox…
          </button>
        </section>
        <section className="inbox-first-run__way" aria-labelledby="first-run-import">
          <h3 id="first-run-import">Or import notices you already have</h3>
          <p>
            Save the court&apos;s e-mails from your mail program as <strong>.eml</strong> or Outlook{' '}
            <strong>.msg</strong> files, then choose <strong>Import .eml/.msg…</strong> above. Several at once is fine;
            duplicates are recognised.
          </p>
        </section>
      </div>
      <section className="inbox-first-run__help" aria-labelledby="first-run-trouble">
        <h3 id="first-run-trouble">I am not getting NEFs</h3>
        <ol>
          <li>
            The court sends notices to the counsel and pro se parties in the case who are registered with CM/ECF, and to
            the secondary e-mail addresses linked to their accounts (FAQ 25, 36). Check that you are listed on the
            docket as an attorney of record (FAQ 26).
          </li>
          <li>Check that your PACER account is upgraded: receiving NEFs needs it (FAQ 22).</li>
          <li>Check that your e-mail server or spam filter does not block or quarantine the court&apos;s mail.</li>
          <li>
            Still nothing? Call the CM/ECF Help Desk at <strong>1-866-450-1859</strong>.
          </li>
        </ol>
        <HelpLink topicId="notices-and-service" />
      </section>
    </div>
  );
}
