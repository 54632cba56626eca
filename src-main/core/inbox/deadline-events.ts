import type { InboxItem, NoticeDeadline } from '../../shared/inbox';
import { responseDatesOfNotice } from '../../shared/notice-response-dates';
import type { DeadlineEvent } from './ics';

/** What a deadline's event is made from: an inbox item, or an entry the firm server keeps. */
export type DeadlineSource = Pick<InboxItem, 'id' | 'caseNumber' | 'caseName' | 'docketText' | 'dateFiled'>;

/** The calendar's events: one per date a docket text sets. */
function eventOf(item: DeadlineSource, date: string, label: string): DeadlineEvent {
  return {
    date,
    label,
    caseNumber: item.caseNumber,
    caseName: item.caseName,
    docketText: item.docketText,
    itemId: item.id,
  };
}

/**
 * Every deadline for the calendar, soonest first: the dates the court's docket texts set, and beside them the
 * response dates the rules set for the motions among the entries (USCIT Rule 7(d), computed under Rule 6(a)), each
 * marked with its rule so the calendar says it was computed by ECF Desk.
 */
export function collectDeadlineEvents(
  courtDeadlines: readonly { readonly item: DeadlineSource; readonly deadline: NoticeDeadline }[],
  motionEntries: readonly DeadlineSource[],
): DeadlineEvent[] {
  const computed = motionEntries.flatMap((item) =>
    responseDatesOfNotice(item).map((response) => ({
      ...eventOf(item, response.date, response.title),
      computedUnder: response.rule,
    })),
  );
  return [
    ...courtDeadlines.map(({ item, deadline }) => eventOf(item, deadline.date, deadline.label)),
    ...computed,
  ].sort((a, b) => a.date.localeCompare(b.date) || a.caseNumber.localeCompare(b.caseNumber));
}
