import { Icon } from '../components/Icon';
import { useNotices } from '../state/StoresProvider';
import './ErrorBanner.css';

/** Shows failed calls above the screen without blocking it; each stays until the user dismisses it. */
export function ErrorBanner() {
  const notices = useNotices((state) => state.notices);
  const dismiss = useNotices((state) => state.dismiss);
  // The alert region is always present so that screen readers announce a notice the moment it appears.
  return (
    <div className="error-banner" role="alert">
      {notices.map((notice) => (
        <div key={notice.id} className="error-banner__notice" data-testid="error-banner">
          <Icon name="error" className="icon error-banner__icon" />
          <p className="error-banner__text">
            <strong>{notice.title}</strong> {notice.message}
          </p>
          <button
            type="button"
            className="button button--quiet button--small"
            aria-label={`Dismiss: ${notice.title}`}
            onClick={() => dismiss(notice.id)}
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
