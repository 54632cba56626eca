import { courtTimeZone, deadlineStatus } from '../../src-main/shared/deadline-clock';
import { useNow } from './use-now';
import './DeadlineClock.css';

/** The zone the computer's clock is set to. */
function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** What the clock needs: nothing in the app; tests fix the time and the filer's zone. */
export interface DeadlineClockProps {
  readonly readClock?: () => Date;
  readonly timeZone?: string;
}

/**
 * FAQ 27: a filing is timely until midnight Eastern wherever the filer sits, so the time left is shown on the court's
 * clock and the filer's own, every second. After the Clerk's Office closes, it says how to keep the date (FAQ 30).
 */
export function DeadlineClock({ readClock, timeZone = systemTimeZone() }: DeadlineClockProps) {
  const now = useNow(readClock);
  const status = deadlineStatus(now, timeZone);
  const isEastern = status.localClock === status.easternClock || timeZone === courtTimeZone;
  return (
    <div
      className={`deadline-clock deadline-clock--${status.level}`}
      data-testid="deadline-clock"
      data-level={status.level}
    >
      <p className="deadline-clock__line">
        <span className="deadline-clock__left">Midnight Eastern in {status.timeLeft}</span>
        <span aria-hidden="true"> · </span>
        <span>{status.easternClock}</span>
        {!isEastern && (
          <>
            <span aria-hidden="true"> · </span>
            <span>{status.localClock} (your time)</span>
          </>
        )}
      </p>
      {status.isAfterClerkHours && (
        <p className="deadline-clock__note" data-testid="after-hours-note">
          After Clerk&apos;s Office hours (8:30–5:00 ET): if you cannot find your event, Z-motion or Z-document
          preserves the filing date (FAQ 30).
        </p>
      )}
    </div>
  );
}
