import type { DocumentPreflight } from '../../src-main/shared/domain';
import type { PreflightProgress } from '../../src-main/shared/preflight';
import { summarizePreflight } from '../format/describe-preflight';

/** A check waiting or under way: where it is in words, a bar, and Cancel. */
export function CheckProgress({
  name,
  preflight,
  progress,
  onCancel,
}: {
  readonly name: string;
  readonly preflight: Extract<DocumentPreflight, { state: 'waiting' | 'running' }>;
  readonly progress: PreflightProgress | undefined;
  readonly onCancel: () => void;
}) {
  const { label } = summarizePreflight(preflight, progress);
  // Only the page pass has a known end; before and after it the bar is indeterminate, as the time is unknown.
  const hasPageCount = preflight.state === 'running' && progress?.phase === 'pages' && progress.pageCount > 0;
  return (
    <div className="check-progress">
      <span className="check-progress__label">{label}</span>
      <span className="progress-line">
        {hasPageCount ? (
          <progress
            className="progress-bar"
            data-testid="preflight-progress"
            max={progress.pageCount}
            value={progress.pagesDone}
            aria-label={`Checking ${name}`}
          />
        ) : (
          <progress
            className="progress-bar"
            data-testid="preflight-progress"
            aria-label={preflight.state === 'waiting' ? `${name} is waiting to be checked` : `Checking ${name}`}
          />
        )}
        <button
          type="button"
          className="button button--quiet button--small"
          data-testid="cancel-check"
          onClick={onCancel}
        >
          Cancel<span className="visually-hidden"> checking {name}</span>
        </button>
      </span>
    </div>
  );
}
