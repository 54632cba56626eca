import { createHash } from 'node:crypto';
import type { CourtStatus } from '../../shared/domain';
import type { Draft, OutboxStatus } from '../../shared/filing';
import { deadlineStatus } from '../../shared/deadline-clock';
import type { CourtSession } from '../court/court-session';
import {
  CourtUnavailableError,
  SessionEndedError,
  UnknownOutcomeError,
  type FilingDriver,
  type FilingRequest,
} from '../court/filing-driver';
import { oneAtATime } from '../one-at-a-time';
import { newActionRequest, newActionUnknownMessage } from './new-action-filing';
import type { Clock } from '../ports';
import type { DraftsTable } from '../storage/drafts-table';
import type { AppLog } from '../storage/app-log';
import { describeError } from '../../shared/describe-error';

/** What the outbox needs from the rest of core. */
export interface OutboxOptions {
  readonly table: DraftsTable;
  readonly session: CourtSession;
  readonly court: () => CourtStatus;
  /** The filing driver of the current court, or null where filing is not available. */
  readonly driver: () => FilingDriver | null;
  /** The bytes and name of a stored document. */
  readonly document: (documentId: string) => Promise<{ name: string; bytes: Uint8Array }>;
  readonly clock: Clock;
  readonly localTimeZone: string;
  readonly onChange: (draftId: string) => void;
  readonly log: AppLog;
  /** Wait before trying again when the court is unreachable (grows to 8 times this). */
  readonly retryDelayMs?: number;
}

/**
 * The outbox owns every submission: `ready → submitting → submitted → filed`, or `failed`, or
 * `needs-verification`. The one step whose answer can be lost — the final submit — is preceded by a durable
 * record of what the docket would show; an unknown outcome is settled by the docket, never by sending again blindly.
 */
export function createOutbox(options: OutboxOptions) {
  const { table, clock } = options;
  const baseDelay = options.retryDelayMs ?? 5_000;
  let retryTimer: NodeJS.Timeout | null = null;
  let failuresInARow = 0;
  let isClosed = false;

  const setStatus = (draft: Draft, changes: Partial<OutboxStatus>): Draft => {
    const outbox: OutboxStatus = { ...(draft.outbox ?? newOutboxStatus(clock.now())), ...changes };
    const next: Draft = { ...draft, outbox, updatedAt: clock.now().toISOString() };
    table.put(next);
    options.onChange(draft.id);
    return next;
  };

  /** Says how long is left before midnight Eastern when an item has to wait (FAQ 27). */
  const waitingMessage = (reason: string): string => {
    const deadline = deadlineStatus(clock.now(), options.localTimeZone);
    const urgency =
      deadline.level === 'calm'
        ? ''
        : ` Midnight Eastern is in ${deadline.timeLeft}: if the court stays unreachable, call the CM/ECF Help Desk (FAQ 31, 47).`;
    return `${reason} ECF Desk will send it as soon as it can.${urgency}`;
  };

  const earlierStepsDone = (draft: Draft): boolean => {
    if (!draft.package) {
      return true;
    }
    return table
      .inPackage(draft.package.id)
      .every(
        (other) =>
          other.package === null ||
          other.package.step >= draft.package!.step ||
          other.outbox?.state === 'submitted' ||
          other.outbox?.state === 'filed',
      );
  };

  const scheduleRetry = (): void => {
    if (retryTimer !== null || isClosed) {
      return;
    }
    const delay = baseDelay * 2 ** Math.min(failuresInARow, 3);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      drainInBackground();
    }, delay);
    retryTimer.unref();
  };

  const claimedEntries = (caseId: number, exceptId: string): Set<number> =>
    new Set(
      table
        .list()
        .flatMap((other) =>
          other.id !== exceptId && other.case?.caseId === caseId && other.outbox?.deSeqNum != null
            ? [other.outbox.deSeqNum]
            : [],
        ),
    );

  /** Settles an unknown outcome from the docket: the entry is there (submitted) or it is not (safe to send again). */
  const verify = async (draft: Draft, driver: FilingDriver): Promise<void> => {
    const { commitPoint } = table.submission(draft.id);
    const caseId = draft.case?.caseId;
    // A new action has no docket to check until the court names its case: it waits for the Clerk's Office, never resent.
    if (commitPoint && caseId === undefined && draft.newAction) {
      const message = newActionUnknownMessage(null);
      if (draft.outbox?.message !== message) {
        setStatus(draft, { message });
      }
      return;
    }
    // No commit point saved means the final submit was never sent: nothing can be on the docket.
    if (!commitPoint || caseId === undefined) {
      setStatus(draft, {
        state: 'ready',
        message: waitingMessage('The last attempt stopped before the final submit.'),
      });
      return;
    }
    const claimed = claimedEntries(caseId, draft.id);
    const docket = await driver.docket(caseId);
    const entry = docket.find(
      (line) =>
        line.deSeqNum > commitPoint.docketHighWater &&
        line.docketText === commitPoint.docketText &&
        !claimed.has(line.deSeqNum),
    );
    if (entry) {
      options.log(`Outbox: ${draft.id} found on the docket as entry ${entry.deSeqNum} after an unknown outcome`);
      setStatus(draft, {
        state: 'submitted',
        message: 'The court had received it: the docket shows the entry.',
        deSeqNum: entry.deSeqNum,
        documentNumber: entry.documentNumber,
        docketText: entry.docketText,
        submittedAt: clock.now().toISOString(),
      });
    } else {
      options.log(`Outbox: ${draft.id} not on the docket after an unknown outcome; it will be sent again`, 'warn');
      setStatus(draft, { state: 'ready', message: waitingMessage('The docket shows the court did not receive it.') });
    }
  };

  const send = async (draft: Draft, driver: FilingDriver): Promise<void> => {
    // A new action has no case until the court opens one (USCIT Rule 3(a)).
    if ((!draft.case && !draft.newAction) || !draft.eventId) {
      return void setStatus(draft, { state: 'failed', message: 'The draft has no case or event.' });
    }
    const documents = await Promise.all(
      draft.documents.map(async (document) => ({
        ...(await options.document(document.documentId)),
        description: document.description,
        isComplaint: document.type === 'complaint',
      })),
    );
    const sentDocuments = documents.map((document) => ({
      name: document.name,
      sha256: createHash('sha256').update(document.bytes).digest('hex'),
    }));
    const request: FilingRequest = {
      caseId: draft.case?.caseId ?? null,
      newAction: draft.case ? null : newActionRequest(draft),
      eventId: draft.eventId,
      partyIds: draft.filerPartyIds,
      documents,
      relatedDocumentNumbers: draft.relatedDocumentNumbers,
      annotation: draft.docketAnnotation,
    };
    const sending = setStatus(draft, {
      state: 'submitting',
      attempts: (draft.outbox?.attempts ?? 0) + 1,
      message: null,
      sentDocuments,
    });
    table.saveSubmission(draft.id, { commitPoint: null });
    try {
      const result = await driver.file(request, async (commitPoint) => table.saveSubmission(draft.id, { commitPoint }));
      if (result.kind === 'refused') {
        return void setStatus(sending, {
          state: 'failed',
          message: `The court did not accept the filing at the ${result.step} step: ${result.message}`,
        });
      }
      table.saveSubmission(draft.id, { ...table.submission(draft.id), receiptHtml: result.receiptHtml });
      setStatus(result.openedCase ? { ...sending, case: result.openedCase } : sending, {
        state: 'submitted',
        message: result.openedCase
          ? `Submitted: the court opened ${result.openedCase.caseNumber}. Waiting for the Notice of Electronic Filing (FAQ 28).`
          : 'Submitted: waiting for the Notice of Electronic Filing (FAQ 28).',
        deSeqNum: result.deSeqNum,
        documentNumber: result.documentNumber,
        docketText: result.docketText,
        submittedAt: clock.now().toISOString(),
        hasReceipt: true,
      });
    } catch (error) {
      if (error instanceof UnknownOutcomeError) {
        setStatus(sending, {
          state: 'needs-verification',
          message: sending.case
            ? `The court's answer to the final submit was lost (${error.message}). ECF Desk checks the docket before doing anything else.`
            : newActionUnknownMessage(error.message),
        });
        throw error;
      }
      if (error instanceof SessionEndedError) {
        options.session.markExpired();
        setStatus(sending, {
          state: 'ready',
          message: waitingMessage('The court session ended: log in again on the Accounts screen.'),
        });
        return;
      }
      if (error instanceof CourtUnavailableError) {
        setStatus(sending, { state: 'ready', message: waitingMessage(error.message) });
        throw error;
      }
      throw error;
    }
  };

  /** A pass started in the background: its failure is logged, never left unhandled. */
  function drainInBackground(): void {
    passes
      .run()
      .catch((error: unknown) => options.log(`Outbox: a pass stopped: ${describeError(error).detail}`, 'error'));
  }

  /**
   * Works through the outbox, one item at a time, oldest first and each package in its order. A court that could not
   * be reached is tried again at once, twice, before the retry timer takes over.
   */
  const passes = oneAtATime(async (): Promise<void> => {
    let isAgain = true;
    while (isAgain && !isClosed) {
      isAgain = await drainOnce();
    }
  });

  /** One pass over the waiting items; true when the court could not be reached and the pass should run again now. */
  async function drainOnce(): Promise<boolean> {
    let isAgain = false;
    for (const candidate of table.withOutboxState('needs-verification', 'ready')) {
      if (isClosed) {
        return false;
      }
      const draft = table.find(candidate.id);
      if (!draft?.outbox) {
        continue;
      }
      const driver = options.driver();
      const session = options.session.status();
      if (!driver || options.court().state !== 'ready') {
        if (draft.outbox.state === 'ready') {
          setStatus(draft, { message: waitingMessage('The court is not reachable right now.') });
        }
        continue;
      }
      if (session.state !== 'logged-in' || !session.mayFile) {
        if (draft.outbox.state === 'ready') {
          setStatus(draft, {
            message: waitingMessage('Log in with a filer account on the Accounts screen to send it.'),
          });
        }
        continue;
      }
      try {
        if (draft.outbox.state === 'needs-verification') {
          await verify(draft, driver);
        }
        const current = table.find(draft.id);
        if (current?.outbox?.state !== 'ready') {
          continue;
        }
        if (!earlierStepsDone(current)) {
          setStatus(current, { message: 'Waits for the earlier filings of its package (FAQ 41).' });
          continue;
        }
        await send(current, driver);
        failuresInARow = 0;
      } catch (error) {
        if (error instanceof UnknownOutcomeError || error instanceof CourtUnavailableError) {
          failuresInARow += 1;
          isAgain = failuresInARow < 3;
          if (!isAgain) {
            scheduleRetry();
          }
          continue;
        }
        options.log(`Outbox: ${draft.id} stopped: ${describeError(error).detail}`, 'warn');
        const latest = table.find(draft.id);
        if (latest?.outbox) {
          setStatus(latest, {
            state: latest.outbox.state === 'submitting' ? 'needs-verification' : 'failed',
            message: describeError(error).message,
          });
        }
      }
    }
    if (table.withOutboxState('ready', 'needs-verification').length > 0) {
      scheduleRetry();
    }
    return isAgain;
  }

  // An item caught mid-submit by a crash or a quit has an unknown outcome: the docket decides.
  for (const draft of table.withOutboxState('submitting')) {
    setStatus(draft, {
      state: 'needs-verification',
      message: 'ECF Desk stopped while sending this filing; it checks the docket before anything else.',
    });
  }

  return {
    /** Puts a draft in the outbox; `sendNow` starts at once, otherwise it goes on the next pass. */
    enqueue(draft: Draft, sendNow: boolean): Draft {
      const queued = setStatus(draft, {
        ...newOutboxStatus(clock.now()),
        message: sendNow ? null : waitingMessage('Queued.'),
      });
      if (sendNow) {
        drainInBackground();
      } else {
        scheduleRetry();
      }
      return queued;
    },
    /** Tries again now: a failed item goes back to ready; an unknown outcome is checked against the docket first. */
    retry(draft: Draft): Draft {
      const next = draft.outbox?.state === 'failed' ? setStatus(draft, { state: 'ready', message: null }) : draft;
      failuresInARow = 0;
      drainInBackground();
      return next;
    },
    /** The court's NEF receipt page kept with a submitted filing, or null. */
    receipt(draftId: string): string | null {
      return table.submission(draftId).receiptHtml ?? null;
    },
    /** A NEF for this case and entry arrived: the filing is filed (FAQ 28). */
    markFiled(caseId: number, deSeqNum: number, at: Date): boolean {
      const draft = table
        .withOutboxState('submitted')
        .find((candidate) => candidate.case?.caseId === caseId && candidate.outbox?.deSeqNum === deSeqNum);
      if (!draft) {
        return false;
      }
      setStatus(draft, { state: 'filed', filedAt: at.toISOString(), message: null });
      return true;
    },
    /** Runs a pass now (after a login, or when the court comes back). */
    async kick(): Promise<void> {
      await passes.run();
    },
    /**
     * Stops: no new pass starts, and close resolves once the pass under way has recorded the item it was sending, so
     * nothing writes after the database closes. Core aborts the court requests under way as it closes: an item whose
     * final submit was cut short is checked against the docket at the next start.
     */
    async close(): Promise<void> {
      isClosed = true;
      if (retryTimer !== null) {
        clearTimeout(retryTimer);
      }
      retryTimer = null;
      await passes.close();
    },
  };
}

/** A filing's outbox status as it enters the outbox: ready, queued now, not yet tried. */
export function newOutboxStatus(now: Date): OutboxStatus {
  return {
    state: 'ready',
    queuedAt: now.toISOString(),
    attempts: 0,
    message: null,
    docketText: null,
    deSeqNum: null,
    documentNumber: null,
    submittedAt: null,
    filedAt: null,
    sentDocuments: [],
    hasReceipt: false,
    courtCopies: [],
  };
}

/** The outbox. */
export type Outbox = ReturnType<typeof createOutbox>;
