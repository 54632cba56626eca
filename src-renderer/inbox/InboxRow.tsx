import type { CSSProperties } from 'react';
import type { InboxItem } from '../../src-main/shared/inbox';
import { formatCourtDate } from './describe-notice';

/** What a row needs: the notice (undefined while its page loads), its place, and whether it is open or has the keyboard. */
export interface InboxRowProps {
  readonly item: InboxItem | undefined;
  readonly optionId: string;
  readonly position: number;
  readonly setSize: number;
  readonly isOpen: boolean;
  readonly isActive: boolean;
  readonly style: CSSProperties;
  readonly onOpen: () => void;
}

/** The earliest deadline a notice sets, for its badge. */
function firstDeadline(item: InboxItem): string | null {
  const dates = item.deadlines.map((deadline) => deadline.date).sort();
  return dates[0] ?? null;
}

/** One notice in the list: court, case, what was filed and when, and badges for a deadline, a resend and a suspicious link. */
export function InboxRow({ item, optionId, position, setSize, isOpen, isActive, style, onOpen }: InboxRowProps) {
  if (!item) {
    return (
      <div
        id={optionId}
        role="option"
        aria-selected={false}
        aria-posinset={position}
        aria-setsize={setSize}
        className="inbox-row inbox-row--loading"
        style={style}
      >
        Loading…
      </div>
    );
  }
  const deadline = firstDeadline(item);
  const className = [
    'inbox-row',
    item.isRead ? '' : 'inbox-row--unread',
    isOpen ? 'inbox-row--open' : '',
    isActive ? 'inbox-row--active' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      id={optionId}
      role="option"
      aria-selected={isOpen}
      aria-posinset={position}
      aria-setsize={setSize}
      className={className}
      style={style}
      data-testid="inbox-row"
      data-item-id={item.id}
      data-unread={item.isRead ? 'false' : 'true'}
      onClick={onOpen}
    >
      <span className="inbox-row__line">
        {!item.isRead && <span className="visually-hidden">Unread. </span>}
        {item.court && <span className="inbox-row__court">{item.court.toUpperCase()}</span>}
        <span className="inbox-row__case">{item.caseNumber}</span>
        {item.caseName && <span className="inbox-row__caption">{item.caseName}</span>}
        <span className="inbox-row__date">{item.dateFiled ? formatCourtDate(item.dateFiled) : ''}</span>
      </span>
      <span className="inbox-row__line">
        <span className="inbox-row__description">{item.shortDescription ?? item.subject}</span>
        {item.linkWarning && <span className="inbox-badge inbox-badge--danger">Possible phishing</span>}
        {deadline && <span className="inbox-badge inbox-badge--deadline">Due {formatCourtDate(deadline, true)}</span>}
        {item.resendCount > 0 && (
          <span className="inbox-badge">Resent{item.resendCount > 1 ? ` ×${item.resendCount}` : ''}</span>
        )}
      </span>
    </div>
  );
}
