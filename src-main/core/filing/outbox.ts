import { createHash } from 'node:crypto';
import type { CourtStatus } from '../../shared/domain';
import type { CourtCopyCheck, Draft, OutboxStatus } from '../../shared/filing';
import { deadlineStatus, easternDateOf } from '../../shared/deadline-clock';
import type { CourtSession } from '../court/court-session';
import {
  CourtUnavailableError,
  SessionEndedError,
  UnknownOutcomeError,
  type FilingDriver,
  type FilingRequest,
} from '../court/filing-driver';
import { AppError } from '../errors';
import { oneAtATime } from '../one-at-a-time';
import { newActionRequest, newActionUnknownMessage } from './new-action-filing';
import type { Clock } from '../ports';
import type { DraftsTable } from '../storage/drafts-table';
import type { AppLog } from '../storage/app-log';
import { describeError } from '../../shared/describe-error';
import { signedByAnotherMessage, signedDigest } from './signature';

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
  /** Records what the outbox did and what the court answered in the filing's record (docs/architecture.md#the-filing-record). */
  readonly onRecord?: (draft: Draft, entry: OutboxRecordEntry) => void;
  /** Wait before trying again when the court is unreachable (grows to 8 times this). */
  readonly retryDelayMs?: number;
  /**
   * The signing attorney confirmed the screens a filing went through with a page map on its first use (with the docket
   * text): they are remembered for that map before the filing goes again (docs/court-pages.md#confirming-screens).
   */
  readonly onScreensConfirmed?: (mapDigest: string, steps: readonly string[]) => void;
}

/** An action of the outbox, as the filing record keeps it. */
export interface OutboxRecordEntry {
  readonly action:
    | 'outbox.queued'
    | 'outbox.sending'
    | 'outbox.submitted'
    | 'outbox.refused'
    | 'outbox.stopped'
    | 'outbox.awaiting-confirmation'
    | 'outbox.docket-text-confirmed'
    | 'outbox.failed'
    | 'outbox.verified-on-docket'
    | 'filing.filed';
  readonly detail: string;
  /** The documents as sent, when the action involves them. */
  readonly documents?: readonly { name: string; sha256: string }[];
  readonly courtAnswer?: string | null;
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

  const record = (draft: Draft, entry: OutboxRecordEntry): void => options.onRecord?.(draft, entry);

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

  /** FAQ 28: a filing is complete when its Notice of Electronic Filing arrives, so a package's next step waits for it. */
  const earlierStepsDone = (draft: Draft): boolean => {
    if (!draft.package) {
      return true;
    }
    return table
      .inPackage(draft.package.id)
      .every(
        (other) =>
          other.package === null || other.package.step >= draft.package!.step || other.outbox?.state === 'filed',
      );
  };

  /**
   * Why sending now would file it late, or null: after the end of its due date, or on a later Eastern day than it was
   * queued (FAQ 27: the filing date is the Eastern date CM/ECF receives it). The user's "send it anyway" holds for
   * the day it was given.
   */
  const lateReason = (draft: Draft): string | null => {
    const today = easternDateOf(clock.now());
    if (!draft.outbox || draft.outbox.lateSendConfirmedOn === today) {
      return null;
    }
    if (draft.due && today > draft.due.date) {
      return `It was due ${draft.due.date}; sent now it would be filed ${today}, after its due date (FAQ 27: midnight Eastern ends the day).`;
    }
    const queuedOn = easternDateOf(new Date(draft.outbox.queuedAt));
    if (today > queuedOn) {
      return `It was queued on ${queuedOn}; sent now it would be filed ${today} (FAQ 27: the filing date is the Eastern date the court receives it).`;
    }
    return null;
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
      const found = setStatus(draft, {
        state: 'submitted',
        message: 'The court had received it: the docket shows the entry.',
        deSeqNum: entry.deSeqNum,
        documentNumber: entry.documentNumber,
        docketText: entry.docketText,
        submittedAt: clock.now().toISOString(),
      });
      record(found, {
        action: 'outbox.verified-on-docket',
        detail: `The court's answer had been lost; the docket shows the entry (document ${entry.documentNumber ?? 'without a number'}), so it was not sent again.`,
        courtAnswer: entry.docketText,
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
    // FAQ 35: what goes out is exactly what was signed, down to each document's bytes.
    const sentHashes = new Map(
      draft.documents.map((document, index) => [document.documentId, sentDocuments[index]!.sha256]),
    );
    if (!draft.signature || draft.signature.digest !== signedDigest(draft, (id) => sentHashes.get(id) ?? null)) {
      const refused = setStatus(draft, {
        state: 'failed',
        message:
          'What would be sent is not what the attorney signed (a document or another signed part changed), so nothing was sent. Withdraw it, review it and sign it again.',
      });
      return void record(refused, {
        action: 'outbox.failed',
        detail: 'Nothing was sent: the documents about to go were not the ones signed.',
        documents: sentDocuments,
      });
    }
    const request: FilingRequest = {
      caseId: draft.case?.caseId ?? null,
      caseNumber: draft.case?.caseNumber ?? null,
      newAction: draft.case ? null : newActionRequest(draft),
      eventId: draft.eventId,
      partyIds: draft.filerPartyIds,
      documents,
      relatedDocumentNumbers: draft.relatedDocumentNumbers,
      annotation: draft.docketAnnotation,
      caseData: caseDataOf(draft, documents),
      confirmedDocketText: draft.outbox?.confirmedDocketText ?? null,
    };
    // Reading the documents took time: a filing withdrawn (or changed) meanwhile is not sent, nor put back in the outbox.
    const latest = table.find(draft.id);
    if (latest?.outbox?.state !== 'ready' || latest.outbox.queuedAt !== draft.outbox?.queuedAt) {
      return;
    }
    const sending = setStatus(latest, {
      state: 'submitting',
      attempts: (draft.outbox?.attempts ?? 0) + 1,
      message: null,
      sentDocuments,
      isHeldAsLate: false,
    });
    table.saveSubmission(draft.id, { commitPoint: null });
    record(sending, {
      action: 'outbox.sending',
      detail: `Sending to the court under ${draft.signature.loginId}'s session (attempt ${sending.outbox?.attempts ?? 1}).`,
      documents: sentDocuments,
    });
    try {
      const result = await driver.file(request, async (commitPoint) => table.saveSubmission(draft.id, { commitPoint }));
      if (result.kind === 'needs-attention') {
        table.saveSubmission(draft.id, { ...table.submission(draft.id), stoppedPageHtml: result.pageCopy });
        const stopped = setStatus(sending, {
          state: 'needs-attention',
          message: `${result.message} Finish it by hand at the court, or try again; the page it stopped at can be saved to show the Help Desk.`,
          stoppedAt: { step: result.step, courtUrl: driver.courtUrl },
        });
        return void record(stopped, {
          action: 'outbox.stopped',
          detail: `Stopped before the final submit, after the ${result.step} page: ${result.message}`,
        });
      }
      if (result.kind === 'needs-confirmation') {
        const newScreens = (result.screens ?? []).filter((screen) => screen.isNew);
        const screens =
          result.screens && newScreens.length > 0 && driver.pageMapDigest
            ? { mapDigest: driver.pageMapDigest, screens: [...result.screens] }
            : null;
        const waiting = setStatus(sending, {
          state: 'needs-attention',
          message: screens
            ? 'The court showed the docket text it will enter. This page map is new here: check each screen ECF Desk went through, and the text, and confirm them to file; nothing was filed yet.'
            : 'The court showed the docket text it will enter. Read it and confirm it to file; nothing was filed yet.',
          stoppedAt: { step: 'final-text', courtUrl: driver.courtUrl },
          courtDocketText: result.docketText,
          courtScreens: screens,
        });
        return void record(waiting, {
          action: 'outbox.awaiting-confirmation',
          detail: screens
            ? `Stopped at the court's final-text page, before the final submit, for the signing attorney to confirm the docket text and the screens not yet confirmed with this page map (${newScreens.map((screen) => screen.step).join(', ')}). Nothing was filed.`
            : "Stopped at the court's final-text page, before the final submit, for the signing attorney to confirm the docket text. Nothing was filed.",
          courtAnswer: result.docketText,
        });
      }
      if (result.kind === 'refused') {
        const refused = setStatus(sending, {
          state: 'failed',
          message: `The court did not accept the filing at the ${result.step} step: ${result.message}`,
        });
        return void record(refused, {
          action: 'outbox.refused',
          detail: `The court did not accept it at the ${result.step} step.`,
          courtAnswer: result.message,
        });
      }
      table.saveSubmission(draft.id, { ...table.submission(draft.id), receiptHtml: result.receiptHtml });
      const submitted = setStatus(result.openedCase ? { ...sending, case: result.openedCase } : sending, {
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
      // A new action's record names the case the court opened: the outbox's message saying so lasts only until the notice.
      const receivedBy = result.openedCase
        ? `The court opened ${result.openedCase.caseNumber} and received`
        : 'The court received';
      record(submitted, {
        action: 'outbox.submitted',
        detail: `${receivedBy} it as document ${result.documentNumber ?? 'without a number'} (entry ${result.deSeqNum}); it is filed when its notice arrives (FAQ 28).`,
        documents: sentDocuments,
        courtAnswer: result.docketText,
      });
    } catch (error) {
      if (error instanceof UnknownOutcomeError) {
        const lost = setStatus(sending, {
          state: 'needs-verification',
          message: sending.case
            ? `The court's answer to the final submit was lost (${error.message}). ECF Desk checks the docket before doing anything else.`
            : newActionUnknownMessage(error.message),
        });
        record(lost, {
          action: 'outbox.failed',
          detail: "The court's answer to the final submit was lost; the docket decides before anything is sent again.",
          courtAnswer: error.message,
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
      let driver: FilingDriver | null;
      try {
        driver = options.driver();
      } catch (error) {
        // The page map chosen for this court cannot be used (docs/court-pages.md#loading-a-page-map): nothing is sent.
        if (draft.outbox.state === 'ready') {
          setStatus(draft, { message: waitingMessage(describeError(error).message) });
        }
        continue;
      }
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
          setStatus(current, {
            message: 'Waits for the Notices of Electronic Filing of the earlier filings of its package (FAQ 28, 41).',
          });
          continue;
        }
        // FAQ 35: only the signer's own login sends it; any other filer's session leaves it waiting.
        if (!current.signature) {
          setStatus(current, {
            message: 'Not signed: withdraw it and have the filing attorney sign it on the review step (FAQ 35).',
          });
          continue;
        }
        if (current.signature.accountId !== session.accountId) {
          // Whether to file late is the signer's to decide, so another filer is not asked.
          setStatus(current, { isHeldAsLate: false, message: signedByAnotherMessage(current.signature) });
          continue;
        }
        const late = lateReason(current);
        if (late) {
          setStatus(current, {
            isHeldAsLate: true,
            message: `${late} It waits for you to send it anyway or withdraw it.`,
          });
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
          const stopped = setStatus(latest, {
            state: latest.outbox.state === 'submitting' ? 'needs-verification' : 'failed',
            message: describeError(error).message,
          });
          record(stopped, { action: 'outbox.failed', detail: describeError(error).message });
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
      record(queued, {
        action: 'outbox.queued',
        detail: sendNow ? 'Handed to the outbox to file now.' : 'Queued to send when the court is reachable.',
      });
      if (sendNow) {
        drainInBackground();
      } else {
        scheduleRetry();
      }
      return queued;
    },
    /**
     * Tries again now: a failed item, or one that stopped at an unknown page before the commit, goes back to ready; an
     * unknown outcome is checked against the docket first.
     */
    retry(draft: Draft): Draft {
      const state = draft.outbox?.state;
      const next =
        state === 'failed' || state === 'needs-attention'
          ? setStatus(draft, {
              state: 'ready',
              message: null,
              stoppedAt: null,
              courtDocketText: null,
              courtScreens: null,
            })
          : draft;
      failuresInARow = 0;
      drainInBackground();
      return next;
    },
    /**
     * The signing attorney confirms the final docket text the court showed: the filing goes again and is committed only
     * if the court shows exactly this text. A text other than the one waiting is refused (the screen was out of date).
     */
    confirmDocketText(draft: Draft, docketText: string): Draft {
      const waiting = draft.outbox?.courtDocketText ?? null;
      if (draft.outbox?.state !== 'needs-attention' || waiting === null || waiting !== docketText) {
        throw new AppError(
          'filing.docket-text-changed',
          'This is not the docket text the court showed last: read the filing again and confirm the text it shows now.',
        );
      }
      const screens = draft.outbox.courtScreens;
      if (screens) {
        options.onScreensConfirmed?.(
          screens.mapDigest,
          screens.screens.map((screen) => screen.step),
        );
      }
      const next = setStatus(draft, {
        state: 'ready',
        message: null,
        stoppedAt: null,
        courtDocketText: null,
        confirmedDocketText: docketText,
        courtScreens: null,
      });
      record(next, {
        action: 'outbox.docket-text-confirmed',
        detail: screens
          ? `The signing attorney confirmed the docket text the court will enter, and the court's screens the filing went through with this page map: ${screens.screens.map((screen) => screen.step).join(', ')}.`
          : 'The signing attorney confirmed the docket text the court will enter.',
        courtAnswer: docketText,
      });
      failuresInARow = 0;
      drainInBackground();
      return next;
    },
    /** The user says to send a filing held as late anyway, today (FAQ 27). */
    sendLate(draft: Draft): Draft {
      if (!draft.outbox?.isHeldAsLate) {
        return draft;
      }
      const next = setStatus(draft, {
        isHeldAsLate: false,
        lateSendConfirmedOn: easternDateOf(clock.now()),
        message: null,
      });
      failuresInARow = 0;
      drainInBackground();
      return next;
    },
    /** The page a filing that needs attention stopped at, redacted, or null. */
    stoppedPage(draftId: string): string | null {
      return table.submission(draftId).stoppedPageHtml ?? null;
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
      const filed = setStatus(draft, { state: 'filed', filedAt: at.toISOString(), message: null });
      record(filed, {
        action: 'filing.filed',
        detail: 'The Notice of Electronic Filing arrived: the filing is filed (FAQ 28).',
        courtAnswer: filed.outbox?.docketText ?? null,
      });
      if (draft.package) {
        // FAQ 28: the package's next step was waiting for this notice.
        drainInBackground();
      }
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
    /** The filed documents compared with the court's copies (FAQ 46); the draft, or null when no filing has this entry. */
    recordCourtCopies(caseId: number, deSeqNum: number, checks: readonly CourtCopyCheck[]): Draft | null {
      const draft = table
        .withOutboxState('filed', 'submitted')
        .find((candidate) => candidate.case?.caseId === caseId && candidate.outbox?.deSeqNum === deSeqNum);
      return draft ? setStatus(draft, { courtCopies: [...checks] }) : null;
    },
  };
}

/** A filing's outbox status as it enters the outbox: ready, queued now, not yet tried. */
/**
 * What a kept copy of a court page must not hold, from this filing: the case's number and caption, the parties and
 * their counsel, the documents' names and descriptions, the added docket text, the signer.
 */
function caseDataOf(draft: Draft, documents: readonly { readonly name: string }[]): string[] {
  return [
    draft.case?.caseNumber ?? '',
    draft.case?.caption ?? '',
    draft.newAction?.caption ?? '',
    ...draft.parties.flatMap((party) => [party.name, ...(party.counsel ?? []), party.address ?? '']),
    ...documents.map((document) => document.name),
    ...draft.documents.map((document) => document.description),
    draft.docketAnnotation,
    draft.signature?.name ?? '',
  ].filter((value) => value.trim() !== '');
}

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
    isHeldAsLate: false,
    lateSendConfirmedOn: null,
    stoppedAt: null,
    courtDocketText: null,
    confirmedDocketText: null,
    courtScreens: null,
  };
}

/** The outbox. */
export type Outbox = ReturnType<typeof createOutbox>;
