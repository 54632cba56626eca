import { useId, useState } from 'react';
import { isCalendarDate } from '../../../src-main/shared/court-calendar';
import type { Draft, DueDate } from '../../../src-main/shared/filing';
import type { InboxItem } from '../../../src-main/shared/inbox';
import { responseDatesOfNotice } from '../../../src-main/shared/notice-response-dates';
import { TextField } from '../../accounts/TextField';
import { formatCourtDate } from '../../inbox/describe-notice';
import { useInBackground } from '../../state/background';
import { useFilings, useInbox } from '../../state/StoresProvider';
import { DueChip } from '../DueChip';
import { useDebouncedText } from './use-debounced-text';

/** A date a notice of the case sets, or the rules set for a motion it served, to take as the filing's due date. */
interface NoticeDate {
  readonly key: string;
  readonly due: DueDate;
  readonly source: string;
}

/** The dates the case's notices offer: the court's own, then those computed under USCIT Rule 7(d). */
function datesOfNotices(items: readonly InboxItem[]): NoticeDate[] {
  return items.flatMap((item) => {
    const entry = item.documentNumber ? `ECF No. ${item.documentNumber}` : (item.shortDescription ?? 'a notice');
    const source = `${entry}${item.dateFiled ? `, filed ${formatCourtDate(item.dateFiled)}` : ''}`;
    return [
      ...item.deadlines.map((deadline) => ({
        key: `${item.id}-${deadline.date}-${deadline.label}`,
        due: { date: deadline.date, reason: `${deadline.label} (${entry})`.slice(0, 200) },
        source,
      })),
      ...responseDatesOfNotice(item).map((response) => ({
        key: `${item.id}-${response.date}-${response.rule}`,
        due: { date: response.date, reason: `${response.title} (${entry}; ${response.rule})`.slice(0, 200) },
        source: `${source}; computed under ${response.rule}`,
      })),
    ];
  });
}

/** Where the list of the case's notice dates stands. */
type NoticeDates =
  | { readonly state: 'closed' }
  | { readonly state: 'loading' }
  | { readonly state: 'loaded'; readonly dates: readonly NoticeDate[] }
  | { readonly state: 'failed'; readonly message: string };

/**
 * When the filing is due: a date with the reason, typed or taken from a deadline a notice of the case sets, and how
 * near it is on the court's clock (FAQ 27). Every change is saved at once; Clear removes the due date.
 */
export function DueDateField({ draft }: { readonly draft: Draft }) {
  const update = useFilings((state) => state.update);
  const caseDeadlines = useInbox((state) => state.caseDeadlines);
  const inBackground = useInBackground();
  const headingId = useId();
  const [noticeDates, setNoticeDates] = useState<NoticeDates>({ state: 'closed' });
  const due = draft.due;

  const save = (next: DueDate | null): void => {
    inBackground('Saving the due date', update({ due: next }));
  };

  const showNoticeDates = async (caseNumber: string): Promise<void> => {
    setNoticeDates({ state: 'loading' });
    const found = await caseDeadlines(caseNumber);
    setNoticeDates(
      found.ok ? { state: 'loaded', dates: datesOfNotices(found.value) } : { state: 'failed', message: found.message },
    );
  };

  return (
    <section className="due-date" aria-labelledby={headingId} data-testid="due-date">
      <h4 id={headingId} className="wizard-step__group-title">
        When it is due
      </h4>
      {due && isCalendarDate(due.date) ? (
        <p className="due-date__current" data-testid="due-date-current">
          Due {formatCourtDate(due.date)}, before midnight Eastern (FAQ 27) <DueChip due={due} />
        </p>
      ) : (
        <p className="wizard-step__muted">
          No due date set. A due date puts this filing’s deadline on the Filings list.
        </p>
      )}
      <div className="due-date__fields">
        <TextField
          label="Due date"
          type="date"
          data-testid="due-date-input"
          value={due?.date ?? ''}
          onChange={(change) => {
            const date = change.target.value;
            if (date === '') {
              save(null);
            } else if (isCalendarDate(date)) {
              save({ date, reason: due?.reason ?? '' });
            }
          }}
        />
        {/* Remounted when the date changes, so a date taken from a notice brings its reason. */}
        <DueReasonField key={due?.date ?? 'none'} due={due} onSave={save} />
      </div>
      <div className="wizard-step__actions">
        {draft.case && (
          <button
            type="button"
            className="button button--small"
            data-testid="use-notice-deadline"
            aria-expanded={noticeDates.state !== 'closed'}
            onClick={() => {
              if (noticeDates.state === 'closed' && draft.case) {
                inBackground('Finding the case’s deadlines', showNoticeDates(draft.case.caseNumber));
              } else {
                setNoticeDates({ state: 'closed' });
              }
            }}
          >
            Use a deadline from a notice
          </button>
        )}
        {due && (
          <button
            type="button"
            className="button button--quiet button--small"
            data-testid="clear-due-date"
            onClick={() => save(null)}
          >
            Clear the due date
          </button>
        )}
      </div>
      <NoticeDateList
        noticeDates={noticeDates}
        onChoose={(chosen) => {
          save(chosen);
          setNoticeDates({ state: 'closed' });
        }}
      />
    </section>
  );
}

/** Why the filing is due then, saved with the date once typing pauses; there is nothing to save before a date. */
function DueReasonField({ due, onSave }: { readonly due: DueDate | null; readonly onSave: (due: DueDate) => void }) {
  const [reason, setReason] = useDebouncedText(due?.reason ?? '', (value) => {
    if (due && value !== due.reason) {
      onSave({ date: due.date, reason: value });
    }
  });
  return (
    <TextField
      label="Why it is due then"
      hint={due ? 'For example: response to the motion to dismiss, ECF No. 12.' : 'Set the date first.'}
      data-testid="due-reason-input"
      maxLength={200}
      disabled={!due}
      value={reason}
      onChange={(change) => setReason(change.target.value)}
    />
  );
}

/** The case's notice dates to choose from, or why there are none. */
function NoticeDateList({
  noticeDates,
  onChoose,
}: {
  readonly noticeDates: NoticeDates;
  readonly onChoose: (due: DueDate) => void;
}) {
  switch (noticeDates.state) {
    case 'closed':
      return null;
    case 'loading':
      return (
        <p className="wizard-step__muted" role="status">
          Finding the deadlines in this case’s notices…
        </p>
      );
    case 'failed':
      return (
        <p className="wizard-step__problem" role="alert">
          {noticeDates.message}
        </p>
      );
    case 'loaded':
      if (noticeDates.dates.length === 0) {
        return (
          <p className="wizard-step__muted" role="status" data-testid="no-notice-deadlines">
            No notice of this case in the Inbox sets a deadline. Type the date instead.
          </p>
        );
      }
      return (
        <ul className="wizard-step__results" aria-label="Deadlines from this case’s notices">
          {noticeDates.dates.map((option) => (
            <li key={option.key}>
              <button
                type="button"
                className="wizard-step__result"
                data-testid="notice-deadline"
                onClick={() => onChoose(option.due)}
              >
                <strong>{formatCourtDate(option.due.date)}</strong>
                <span>{option.due.reason}</span>
                <span className="wizard-step__muted">{option.source}</span>
              </button>
            </li>
          ))}
        </ul>
      );
  }
}
