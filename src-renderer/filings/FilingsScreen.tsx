import { useEffect, useRef } from 'react';
import { LiveRegion } from '../shell/LiveRegion';
import { useAccounts, useFilings } from '../state/StoresProvider';
import { DeadlineClock } from './DeadlineClock';
import { DraftList } from './DraftList';
import { Wizard } from './wizard/Wizard';
import './FilingsScreen.css';

/** Where the Filings screen leads to other screens, and (for tests) whose clock it reads. */
export interface FilingsScreenProps {
  /** Shows a document on the Documents screen, with its findings and fixes. */
  readonly onOpenDocument: (documentId: string) => void;
  readonly onOpenAccounts: () => void;
  readonly readClock?: () => Date;
  readonly timeZone?: string;
}

/** The Filings screen: the drafts and the outbox, or one draft in the wizard; the deadline clock above both. */
export function FilingsScreen({ onOpenDocument, onOpenAccounts, readClock, timeZone }: FilingsScreenProps) {
  const connect = useFilings((state) => state.connect);
  const connectAccounts = useAccounts((state) => state.connect);
  const openDraftId = useFilings((state) => state.open?.draft.id ?? null);
  const announcement = useFilings((state) => state.announcement);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const wasWizardOpen = useRef(openDraftId !== null);
  useEffect(() => connect(), [connect]);
  useEffect(() => {
    // Back from a draft to the list, focus goes to the screen's heading: the button that closed the wizard is gone,
    // and focus must not drop to the page's body (the wizard moves it to its own heading when it opens).
    if (wasWizardOpen.current && openDraftId === null) {
      headingRef.current?.focus();
    }
    wasWizardOpen.current = openDraftId !== null;
  }, [openDraftId]);
  // The court session decides whether a case can be searched and whether the filing can be signed.
  useEffect(() => connectAccounts(), [connectAccounts]);

  return (
    <section className="screen filings-screen" data-testid="filings-screen" aria-labelledby="filings-heading">
      <div className="screen__toolbar filings-screen__toolbar">
        <div className="screen__heading">
          <h1 id="filings-heading" ref={headingRef} className="screen__title" tabIndex={-1}>
            Filings
          </h1>
          <p className="screen__summary">
            Prepare, review, sign and submit filings; the outbox sends them and waits for the court&apos;s notice.
          </p>
        </div>
        <DeadlineClock readClock={readClock} timeZone={timeZone} />
      </div>
      {openDraftId !== null ? (
        <Wizard key={openDraftId} onOpenDocument={onOpenDocument} onOpenAccounts={onOpenAccounts} />
      ) : (
        <DraftList />
      )}
      <LiveRegion message={announcement} />
    </section>
  );
}
