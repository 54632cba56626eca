import { useId, useRef, useState, type RefObject } from 'react';
import type { InboxItem, NoticeDocument } from '../../src-main/shared/inbox';
import { Dialog } from '../accounts/Dialog';
import type { Attempt } from '../state/attempt';
import { feeScheduleWords, formatCents } from './describe-notice';
import { useInBackground } from '../state/background';

/** What the price question needs: the notice, the document and its price, who pays, and what buying does. */
export interface BuyDocumentDialogProps {
  readonly item: InboxItem;
  readonly document: NoticeDocument;
  readonly feeCents: number;
  readonly loginId: string;
  readonly fallbackFocus: RefObject<HTMLElement | null>;
  readonly onBuy: (acceptsFeeCents: number) => Promise<Attempt<InboxItem>>;
  readonly onClose: () => void;
}

/**
 * Asks before any money is spent: the price, the fee schedule and the account charged. Cancel has focus, so Enter is safe;
 * main is sent the price shown here and buys only at that price.
 */
export function BuyDocumentDialog({
  item,
  document,
  feeCents,
  loginId,
  fallbackFocus,
  onBuy,
  onClose,
}: BuyDocumentDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const inBackground = useInBackground();
  const questionId = useId();
  const [isBuying, setBuying] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const price = formatCents(feeCents);

  const buy = async (): Promise<void> => {
    setBuying(true);
    setFailure(null);
    const attempt = await onBuy(feeCents);
    setBuying(false);
    if (attempt.ok) {
      onClose();
    } else {
      setFailure(attempt.message);
    }
  };

  return (
    <Dialog
      title={`Buy this document for ${price}?`}
      role="alertdialog"
      testId="buy-dialog"
      descriptionId={questionId}
      initialFocus={cancelRef}
      fallbackFocus={fallbackFocus}
      onClose={onClose}
    >
      <p id={questionId}>
        PACER charges {price} ({feeScheduleWords}) to the account {loginId} for {document.description}
        {item.documentNumber ? `, document ${item.documentNumber}` : ''} in {item.caseNumber}. ECF Desk saves the PDF
        with the notice.
      </p>
      {failure && (
        <p className="inbox-reader__failure" role="alert">
          {failure}
        </p>
      )}
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="buy-confirm"
          disabled={isBuying}
          onClick={() => inBackground('Buying the document', buy())}
        >
          {isBuying ? 'Buying…' : `Buy for ${price}`}
        </button>
        <button ref={cancelRef} type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
