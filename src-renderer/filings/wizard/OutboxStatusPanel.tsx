import { Icon } from '../../components/Icon';
import type { Draft, OutboxStatus } from '../../../src-main/shared/filing';
import { formatDateTime } from '../../format/format-date-time';
import { useFilings } from '../../state/StoresProvider';
import { downloadFile } from '../download-file';
import { canRetry, canWithdraw } from '../describe-draft';
import { DueChip } from '../DueChip';
import { formatCourtDate } from '../../inbox/describe-notice';
import { useInBackground } from '../../state/background';
import { helpTopicForOutbox } from '../../help/help-topic-for';
import { HelpLink } from '../../help/HelpLink';
import { CourtCopiesList } from './CourtCopiesList';
import { NoticeArrivalLine } from './NoticeArrivalLine';

/**
 * The headline for each outbox state (FAQ 28: a filing counts only when its Notice of Electronic Filing arrives). A
 * filed filing's headline says what the court did (it accepted it); whether its notice reached this firm is said
 * beside it, from the inbox (`NoticeArrivalLine`).
 */
const headlines: Readonly<Record<OutboxStatus['state'], string>> = {
  ready: 'Waiting in the outbox: it is sent as soon as the court is reachable.',
  submitting: 'Sending to the court…',
  submitted:
    'Submitted: awaiting the Notice of Electronic Filing. It counts as filed only when the notice arrives (FAQ 28).',
  filed: 'Filed: the court accepted it.',
  failed: 'The filing did not reach the docket.',
  'needs-verification':
    'It is not known whether the court received the filing. ECF Desk checks the docket before trying again, so it is never filed twice.',
};

function when(iso: string | null): string | null {
  if (iso === null) {
    return null;
  }
  const { date, time } = formatDateTime(iso);
  return `${date} ${time}`.trim();
}

/** Where the filing is in the outbox, what the court said, and Retry or Withdraw where they apply. */
export function OutboxStatusPanel({
  draft,
  outbox,
  onRetry,
  onWithdraw,
  onSendLate,
}: {
  readonly draft: Draft;
  readonly outbox: OutboxStatus;
  readonly onRetry: () => void;
  readonly onWithdraw: () => void;
  /** Sends a filing held as late anyway (FAQ 27). */
  readonly onSendLate: () => void;
}) {
  const receipt = useFilings((state) => state.receipt);
  const inBackground = useInBackground();
  // The court's page is saved as a file, never shown inside the app: it is the court's HTML, not ours.
  const saveReceipt = async (): Promise<void> => {
    const html = await receipt(draft.id);
    if (html !== null) {
      downloadFile(
        new TextEncoder().encode(html),
        `NEF receipt ${draft.case?.caseNumber ?? ''} ${outbox.documentNumber ?? ''}.html`.replace(/[\\/:*?"<>|]/g, '-'),
        'text/html',
      );
    }
  };
  const submittedAt = when(outbox.submittedAt);
  const filedAt = when(outbox.filedAt);
  return (
    <div
      className={`outbox-status outbox-status--${outbox.state}`}
      data-testid="outbox-status"
      data-state={outbox.state}
      role="status"
    >
      <p className="outbox-status__headline">
        {outbox.state === 'filed' && outbox.documentNumber !== null
          ? `Filed: the court accepted it as document no. ${outbox.documentNumber}.`
          : headlines[outbox.state]}
      </p>
      {outbox.state === 'filed' && <NoticeArrivalLine draft={draft} />}
      {draft.due && outbox.state !== 'filed' && (
        <p className="outbox-status__due" data-testid="outbox-due">
          Due {formatCourtDate(draft.due.date)} <DueChip due={draft.due} />
        </p>
      )}
      {outbox.state === 'submitting' && (
        <progress className="progress-bar outbox-status__progress" aria-label="Sending the filing to the court" />
      )}
      {outbox.message && <p data-testid="outbox-message">{outbox.message}</p>}
      <HelpLink topicId={helpTopicForOutbox(outbox)} />
      {(outbox.documentNumber !== null || outbox.docketText !== null) && (
        <dl className="facts">
          {outbox.documentNumber !== null && (
            <>
              <dt>Document number</dt>
              <dd data-testid="outbox-document-number">{outbox.documentNumber}</dd>
            </>
          )}
          {outbox.docketText !== null && (
            <>
              <dt>Docket text</dt>
              <dd data-testid="outbox-docket-text">{outbox.docketText}</dd>
            </>
          )}
          {submittedAt && (
            <>
              <dt>Submitted</dt>
              <dd>{submittedAt}</dd>
            </>
          )}
          {filedAt && (
            <>
              <dt>Marked filed</dt>
              <dd>{filedAt}</dd>
            </>
          )}
        </dl>
      )}
      {outbox.sentDocuments.length > 0 && (outbox.state === 'submitted' || outbox.state === 'filed') && (
        <details className="outbox-status__sent" data-testid="sent-documents">
          <summary>The documents as sent, by SHA-256 (to check any later copy, FAQ 46)</summary>
          <ul>
            {outbox.sentDocuments.map((document) => (
              <li key={document.sha256 + document.name}>
                {document.name}: <code>{document.sha256}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
      {outbox.courtCopies.length > 0 && <CourtCopiesList checks={outbox.courtCopies} />}
      {outbox.hasReceipt && (
        // A link-like action with a download mark: a small bordered box on the status panel read as a text field.
        <button
          type="button"
          className="button button--quiet"
          data-testid="save-receipt"
          onClick={() => inBackground('Saving the receipt', saveReceipt())}
        >
          <Icon name="download" />
          Save the court’s receipt
        </button>
      )}
      {outbox.isHeldAsLate && (
        <div className="wizard-step__actions">
          <button type="button" className="button button--primary" data-testid="send-late" onClick={onSendLate}>
            Send it anyway, today
          </button>
        </div>
      )}
      {outbox.attempts > 1 && <p className="wizard-step__muted">Tried {outbox.attempts} times.</p>}
      {(canRetry(draft) || canWithdraw(draft)) && (
        <div className="wizard-step__actions">
          {canRetry(draft) && (
            <button type="button" className="button button--primary" data-testid="retry-filing" onClick={onRetry}>
              {outbox.state === 'needs-verification' ? 'Check the docket and retry' : 'Retry'}
            </button>
          )}
          {canWithdraw(draft) && (
            <button type="button" className="button" data-testid="withdraw-filing" onClick={onWithdraw}>
              Withdraw to a draft
            </button>
          )}
        </div>
      )}
    </div>
  );
}
