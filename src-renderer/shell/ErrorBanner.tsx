import { Icon } from '../components/Icon';
import { helpTopicForError } from '../help/help-topic-for';
import { HelpLink } from '../help/HelpLink';
import { useAlerts } from '../state/StoresProvider';
import './ErrorBanner.css';

/**
 * Shows failed calls above the screen without blocking it; each stays until the user dismisses it. A refusal by the
 * court, or by its rules, links to the Help topic that explains it.
 */
export function ErrorBanner() {
  const alerts = useAlerts((state) => state.alerts);
  const dismiss = useAlerts((state) => state.dismiss);
  // The alert region is always present so that screen readers announce an alert the moment it appears.
  return (
    <div className="error-banner" role="alert">
      {alerts.map((alert) => (
        <div key={alert.id} className="error-banner__alert" data-testid="error-banner">
          <Icon name="error" className="icon error-banner__icon" />
          <div className="error-banner__body">
            <p className="error-banner__text">
              <strong>{alert.title}</strong> {alert.message}
            </p>
            <HelpLink topicId={alert.code === null ? null : helpTopicForError(alert.code, alert.message)} />
          </div>
          <button
            type="button"
            className="button button--quiet button--small"
            aria-label={`Dismiss: ${alert.title}`}
            onClick={() => dismiss(alert.id)}
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
