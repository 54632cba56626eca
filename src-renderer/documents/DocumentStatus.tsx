import type { DocumentRecord } from '../../src-main/shared/domain';
import type { PreflightProgress } from '../../src-main/shared/preflight';
import { Icon } from '../components/Icon';
import { summarizePreflight } from '../format/describe-preflight';
import { toneIcons } from './tone-icons';
import { CheckProgress } from './CheckProgress';
import { FixingProgress } from './FixActions';

/** What the Status column says: the problem that makes a file unusable, or its preflight verdict in words. */
export function DocumentStatus({
  document,
  progress,
  onCheckAgain,
  onCancelCheck,
}: {
  readonly document: DocumentRecord;
  readonly progress: PreflightProgress | undefined;
  readonly onCheckAgain: () => void;
  readonly onCancelCheck: () => void;
}) {
  if (document.problem) {
    return (
      <span className="document-status document-status--failed" data-testid="preflight-status">
        <Icon name="error" />
        <span>
          <span className="visually-hidden">Problem: </span>
          <span data-testid="document-problem">{document.problem.message}</span>
        </span>
      </span>
    );
  }
  if (document.fixing) {
    return (
      <div className="document-status document-status--busy" data-testid="preflight-status">
        <FixingProgress fix={document.fixing.fix} name={document.name} />
      </div>
    );
  }
  const { preflight } = document;
  if (preflight.state === 'waiting' || preflight.state === 'running') {
    return (
      <div className="document-status document-status--busy" data-testid="preflight-status">
        <CheckProgress name={document.name} preflight={preflight} progress={progress} onCancel={onCancelCheck} />
      </div>
    );
  }
  const summary = summarizePreflight(preflight);
  const icon = toneIcons[summary.tone];
  const canCheckAgain =
    preflight.state === 'cancelled' || (preflight.state === 'done' && preflight.report.verdict === 'error');
  return (
    <span className={`document-status document-status--${summary.tone}`} data-testid="preflight-status">
      {icon && <Icon name={icon} />}
      <span className="document-status__words">
        <span className="document-status__label">{summary.label}</span>
        {canCheckAgain && (
          <button
            type="button"
            className="button button--quiet button--small document-status__action"
            data-testid="check-again"
            onClick={onCheckAgain}
          >
            Check again<span className="visually-hidden"> {document.name}</span>
          </button>
        )}
      </span>
    </span>
  );
}
