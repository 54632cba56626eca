import type { NoticeDocument } from '../../src-main/shared/inbox';
import { CopyButton } from '../components/CopyButton';
import { feeScheduleWords, formatCents, goneReasons, isForSale } from './describe-notice';
import { ViewableDocument } from '../viewer/ViewableDocument';

/** What a document of the open notice needs: the document, whether buying is possible now, and the actions on it. */
export interface NoticeDocumentViewProps {
  /** The notice the document belongs to (its saved PDF is read by notice and document number). */
  readonly itemId: string;
  /** The case's number, which a saved copy's name starts with. */
  readonly caseNumber: string;
  readonly document: NoticeDocument;
  readonly isFirstSaved: boolean;
  /** Whether the firm server saved it (its free look, fetched from the server when first opened here). */
  readonly isFromFirmServer: boolean;
  /** Whether buying waits for a PACER login (none is in place). */
  readonly buyingNeedsLogin: boolean;
  readonly readDocument: (id: string) => Promise<Uint8Array>;
  readonly onBuy: () => void;
  readonly onFetchAgain: () => void;
  readonly onOpenAccounts: () => void;
}

/** The price in the reader's words, with the fee schedule beside it. */
function priceWords(feeCents: number): string {
  return `${formatCents(feeCents)} (${feeScheduleWords})`;
}

/** "1-26-cv-00123-MMB Main Document.pdf": the case and the document on one line, without the characters Windows refuses in a file name. */
function copyFileName(caseNumber: string, name: string): string {
  const words = `${caseNumber} ${name}`
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  return `${words.slice(0, 120)}.pdf`;
}

/** One document of a notice and where its free look stands, in plain words, with what can be done about it. */
export function NoticeDocumentView({
  itemId,
  caseNumber,
  document,
  isFirstSaved,
  isFromFirmServer,
  buyingNeedsLogin,
  readDocument,
  onBuy,
  onFetchAgain,
  onOpenAccounts,
}: NoticeDocumentViewProps) {
  const name =
    document.number === '0' ? document.description : `Attachment ${document.number}: ${document.description}`;
  const isSaved = (document.state === 'saved' || document.state === 'paid') && document.sha256 !== null;

  const renderState = () => {
    if (isSaved) {
      return (
        <>
          <p className="notice-document__state">
            {document.state === 'paid'
              ? 'Bought with your PACER account and saved'
              : isFromFirmServer
                ? 'Saved by the firm server with the free look'
                : 'Saved with the free look'}
            {document.pages !== null ? ` · ${document.pages === 1 ? '1 page' : `${document.pages} pages`}` : ''}
          </p>
          {document.sha256 && (
            <p className="notice-document__hash">
              <span>SHA-256</span> <code data-testid="notice-document-sha256">{document.sha256}</code>
              <CopyButton
                value={document.sha256}
                description={`the SHA-256 of ${name}`}
                unavailableHint="This window has no clipboard. Select the SHA-256 and copy it by hand."
              />
            </p>
          )}
          <div className="notice-document__preview">
            <ViewableDocument
              documentId={`${itemId}:${document.number}`}
              name={name}
              fileName={copyFileName(caseNumber, name)}
              isShownAtFirst={isFirstSaved}
              readDocument={readDocument}
            />
          </div>
        </>
      );
    }
    switch (document.state) {
      case 'pending':
        return (
          <p className="notice-document__state">
            {isFromFirmServer ? 'The firm server is fetching the free look…' : 'Fetching the free look…'}
          </p>
        );
      case 'failed':
        if (isFromFirmServer) {
          return (
            <p className="notice-document__state">
              The firm server&apos;s free look did not work. {document.message ?? ''} It does not try again by itself,
              since a second request may not be free: ask your docketing staff.
            </p>
          );
        }
        return (
          <>
            <p className="notice-document__state">
              The free look did not work. {document.message ?? ''} ECF Desk never pays when it tries again.
            </p>
            <button type="button" className="button button--small" onClick={onFetchAgain}>
              Try the free look again
            </button>
          </>
        );
      case 'unsafe-link':
        return (
          <p className="notice-document__state">
            ECF Desk did not open this document&apos;s link: it does not go to the court&apos;s site.
          </p>
        );
      case 'no-free-look':
        return (
          <p className="notice-document__state">
            This notice came without a free look: its link carries no free-look (“magic”) number. Everyone who receives
            a notice, a secondary address included, normally gets one free look (FAQ 23–25), but some notices carry
            none, such as the later cases of a notice that covers several cases.
            {document.feeCents !== null ? ` Viewing it costs ${priceWords(document.feeCents)}.` : ''}
          </p>
        );
      default: {
        const reason = goneReasons[document.state];
        return (
          <p className="notice-document__state">
            The free look is gone ({reason}).{' '}
            {document.feeCents !== null
              ? `Viewing it now costs ${priceWords(document.feeCents)}.`
              : 'ECF Desk cannot tell the price; PACER shows it before charging.'}
          </p>
        );
      }
    }
  };

  return (
    <li className="notice-document" data-testid="notice-document" data-state={document.state}>
      <h4 className="notice-document__name">{name}</h4>
      {renderState()}
      {!isSaved && isForSale(document.state, document.feeCents) && (
        <div className="notice-document__actions">
          <button
            type="button"
            className="button button--small"
            data-testid="buy-document"
            disabled={buyingNeedsLogin}
            onClick={onBuy}
          >
            Buy with my PACER account…
          </button>
          {buyingNeedsLogin && (
            <span className="notice-document__hint">
              Buying needs a PACER login.{' '}
              <button type="button" className="button button--quiet button--small" onClick={onOpenAccounts}>
                Log in on Accounts
              </button>
            </span>
          )}
        </div>
      )}
    </li>
  );
}
