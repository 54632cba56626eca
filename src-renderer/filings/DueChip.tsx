import { dueStatus, isCalendarDate } from '../../src-main/shared/court-calendar';
import type { DueDate } from '../../src-main/shared/filing';
import { systemTimeZone } from '../help/office-hours';
import { Chip } from './StatusChip';
import { useNow } from './use-now';

/** Which chip colour each level takes: late in the error colour, today in the warning colour. */
const tones = { late: 'due-late', today: 'due-today', soon: 'due-soon', later: 'due-later' } as const;

/**
 * "Due today", "Due in 3 days", "Late": how near a filing's due date is on the court's clock (FAQ 27: timely before
 * midnight Eastern at the end of the due date), with the date, the reason and the deadline on the reader's clock in
 * its title and for screen readers. Nothing for a date that is not a real day.
 */
export function DueChip({ due, readClock }: { readonly due: DueDate; readonly readClock?: () => Date }) {
  const now = useNow(readClock);
  if (!isCalendarDate(due.date)) {
    return null;
  }
  const status = dueStatus(due.date, now, systemTimeZone());
  const reason = due.reason ? ` (${due.reason})` : '';
  return <Chip tone={tones[status.level]} label={status.text} title={`${status.detail}${reason}`} testId="due-chip" />;
}
