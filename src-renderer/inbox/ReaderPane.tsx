import { useEffect, useRef, useState } from 'react';
import type { InboxItem, NoticeDocument } from '../../src-main/shared/inbox';
import { responseDatesOfNotice } from '../../src-main/shared/notice-response-dates';
import { Icon } from '../components/Icon';
import { formatDateTime } from '../format/format-date-time';
import { useAccounts, useInbox } from '../state/StoresProvider';
import { BuyDocumentDialog } from './BuyDocumentDialog';
import { formatCourtDate } from './describe-notice';
import { NoticeDocumentView } from './NoticeDocumentView';
import './ReaderPane.css';
import { useInBackground } from '../state/background';

/** How long a notice is open before it counts as read, so arrowing past one does not mark it. */
export const markReadAfterMilliseconds = 1000;

/** What the reader needs: what Add to calendar does and where to log in. */
export interface ReaderPaneProps {
  readonly onExportDeadlines: () => void;
  readonly onOpenAccounts: () => void;
}

/** The open notice: what was filed, the deadlines it sets, who was told, and its documents with their free look. */
export function ReaderPane({ onExportDeadlines, onOpenAccounts }: ReaderPaneProps) {
  const item = useInbox((state) => state.selected);
  const markRead = useInbox((state) => state.markRead);
  const inBackground = useInBackground();
  const isReadRef = useRef(item?.isRead ?? true);
  isReadRef.current = item?.isRead ?? true;
  const itemId = item?.id ?? null;

  useEffect(() => {
    if (itemId === null) {
      return;
    }
    const timer = window.setTimeout(() => {
      if (!isReadRef.current) {
        inBackground('Marking the notice read', markRead(itemId, true));
      }
    }, markReadAfterMilliseconds);
    return () => window.clearTimeout(timer);
  }, [inBackground, itemId, markRead]);

  if (!item) {
    return (
      <section className="inbox-reader inbox-reader--empty" aria-label="Reader">
        <p>Choose a notice to read it here.</p>
      </section>
    );
  }
  return <OpenNotice key={item.id} item={item} onExportDeadlines={onExportDeadlines} onOpenAccounts={onOpenAccounts} />;
}

/** The reader with a notice open. */
function OpenNotice({ item, onExportDeadlines, onOpenAccounts }: { readonly item: InboxItem } & ReaderPaneProps) {
  const markRead = useInbox((state) => state.markRead);
  const fetchDocument = useInbox((state) => state.fetchDocument);
  const inBackground = useInBackground();
  const buyDocument = useInbox((state) => state.buyDocument);
  const readDocument = useInbox((state) => state.readDocument);
  const session = useAccounts((state) => state.session);
  const [buying, setBuying] = useState<NoticeDocument | null>(null);
  // The price as the notice has it now: a purchase the court refused at a new price brings the new one here.
  const buyingFeeCents =
    item.documents.find((document) => document.number === buying?.number)?.feeCents ?? buying?.feeCents ?? null;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loginId = session?.state === 'logged-in' ? session.loginId : null;
  const firstSaved = item.documents.find(
    (document) => (document.state === 'saved' || document.state === 'paid') && document.documentId !== null,
  );
  const received = formatDateTime(item.receivedAt);
  // USCIT Rule 7(d): the response date the rules set when this entry is a motion.
  const responseDates = responseDatesOfNotice(item);

  return (
    <section
      className="inbox-reader"
      data-testid="inbox-reader"
      data-item-id={item.id}
      aria-labelledby="inbox-reader-subject"
    >
      <header className="inbox-reader__header">
        <h2 id="inbox-reader-subject" ref={headingRef} tabIndex={-1} className="inbox-reader__subject">
          {item.subject}
        </h2>
        <button
          type="button"
          className="button button--small"
          data-testid="toggle-read"
          onClick={() => inBackground('Marking the notice', markRead(item.id, !item.isRead))}
        >
          {item.isRead ? 'Mark as unread' : 'Mark as read'}
        </button>
      </header>

      {item.linkWarning && (
        <div className="inbox-reader__danger" role="alert" data-testid="link-warning">
          <Icon name="warning" />
          <div>
            <p className="inbox-reader__danger-title">Possible phishing</p>
            <p>This notice&apos;s links do not go to the court&apos;s site; ECF Desk did not open them.</p>
            <p className="inbox-reader__danger-reason">{item.linkWarning}</p>
            <p>Do not click the links in the e-mail. If in doubt, call the court&apos;s clerk&apos;s office.</p>
          </div>
        </div>
      )}

      <dl className="facts">
        <dt>Case</dt>
        <dd>
          {item.caseNumber}
          {item.caseName ? ` — ${item.caseName}` : ''}
        </dd>
        {item.documentNumber && (
          <>
            <dt>Document</dt>
            <dd>No. {item.documentNumber}</dd>
          </>
        )}
        {item.dateFiled && (
          <>
            <dt>Filed</dt>
            <dd>{formatCourtDate(item.dateFiled)}</dd>
          </>
        )}
        <dt>Received</dt>
        <dd>
          {received.date} {received.time}
          {item.resendCount > 0
            ? ` · the court sent it ${item.resendCount === 1 ? 'again once' : `again ${item.resendCount} times`}`
            : ''}
          {item.modifiedAt ? ` · entry modified ${formatDateTime(item.modifiedAt).date}` : ''}
        </dd>
        {item.firmServer !== null && (
          <>
            <dt>From</dt>
            <dd data-testid="notice-from-firm-server">
              The firm server, which read the firm&apos;s docketing mail and used the free look for everyone on the case
            </dd>
          </>
        )}
      </dl>

      {item.docketText && (
        <section className="inbox-reader__section" aria-label="Docket text">
          <h3 className="inbox-reader__heading">Docket text</h3>
          <p className="inbox-reader__docket-text">{item.docketText}</p>
        </section>
      )}

      {(item.deadlines.length > 0 || responseDates.length > 0) && (
        <section className="inbox-reader__section" aria-label="Deadlines">
          <h3 className="inbox-reader__heading">Deadlines</h3>
          <ul className="inbox-reader__deadlines">
            {item.deadlines.map((deadline) => (
              <li key={`${deadline.label}-${deadline.date}`}>
                <strong>{formatCourtDate(deadline.date)}</strong> — {deadline.label}
              </li>
            ))}
            {responseDates.map((response) => (
              <li key={`${response.title}-${response.date}`} data-testid="computed-response-date">
                {response.title} <strong>{formatCourtDate(response.date)}</strong> ({response.rule})
              </li>
            ))}
          </ul>
          {item.deadlines.length > 0 && (
            <p className="inbox-reader__note">Read from the docket text; check them against the order itself.</p>
          )}
          {responseDates.length > 0 && (
            <p className="inbox-reader__note">
              Computed by ECF Desk from the day the motion was filed, which is when its notice served it (FAQ 36), with
              no extra days for electronic service (FAQ 39–40); weekends and legal holidays move the last day to the
              next day the court is open (USCIT Rule 6(a)). The court’s order may set another date.
            </p>
          )}
          <button
            type="button"
            className="button button--small"
            data-testid="add-to-calendar"
            onClick={onExportDeadlines}
          >
            Add to calendar
          </button>
        </section>
      )}

      <section className="inbox-reader__section" aria-label="Documents">
        <h3 className="inbox-reader__heading">Documents</h3>
        {item.documents.length === 0 ? (
          <p className="inbox-reader__note">This notice links to no document (a text-only entry).</p>
        ) : (
          <ul className="inbox-reader__documents">
            {item.documents.map((document) => (
              <NoticeDocumentView
                key={document.number}
                itemId={item.id}
                caseNumber={item.caseNumber}
                document={document}
                isFirstSaved={document === firstSaved}
                isFromFirmServer={item.firmServer !== null}
                buyingNeedsLogin={loginId === null}
                readDocument={readDocument}
                onBuy={() => setBuying(document)}
                onFetchAgain={() => inBackground('Fetching the document', fetchDocument(item.id, document.number))}
                onOpenAccounts={onOpenAccounts}
              />
            ))}
          </ul>
        )}
      </section>

      {item.recipients.length > 0 && (
        <section className="inbox-reader__section" aria-label="Sent to">
          <h3 className="inbox-reader__heading">Sent to</h3>
          <ul className="inbox-reader__recipients">
            {item.recipients.map((recipient) => (
              <li key={recipient.name}>
                {recipient.name}
                {recipient.emails.length > 0 && (
                  <span className="inbox-reader__emails"> — {recipient.emails.join(', ')}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {buying && loginId && buyingFeeCents !== null && (
        <BuyDocumentDialog
          item={item}
          document={buying}
          feeCents={buyingFeeCents}
          loginId={loginId}
          fallbackFocus={headingRef}
          onBuy={(acceptsFeeCents) => buyDocument(item.id, buying.number, acceptsFeeCents)}
          onClose={() => setBuying(null)}
        />
      )}
    </section>
  );
}
