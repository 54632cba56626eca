import type { ImportSummary } from '../../src-main/shared/inbox';

/** "3 notices": a count with its noun. */
function count(value: number, one: string, many: string): string {
  return `${value.toLocaleString()} ${value === 1 ? one : many}`;
}

/** What an import did: new notices, duplicates, resends and modified entries, and each file set aside with the reason. */
export function ImportSummaryPanel({
  summary,
  onDismiss,
}: {
  readonly summary: ImportSummary;
  readonly onDismiss: () => void;
}) {
  const parts = [
    count(summary.imported, 'new notice imported', 'new notices imported'),
    count(summary.duplicates, 'duplicate skipped', 'duplicates skipped'),
    count(summary.resends, 'resend of a notice already here', 'resends of notices already here'),
  ];
  if (summary.modified > 0) {
    parts.push(count(summary.modified, 'modified entry updated', 'modified entries updated'));
  }
  return (
    <section className="inbox-import-summary" role="status" data-testid="import-summary" aria-label="Import summary">
      <div className="inbox-import-summary__text">
        <p>{parts.join(' · ')}</p>
        {summary.setAside.length > 0 && (
          <>
            <p className="inbox-import-summary__aside-title">
              {count(summary.setAside.length, 'file set aside', 'files set aside')}:
            </p>
            <ul className="inbox-import-summary__aside">
              {summary.setAside.map((file, index) => (
                <li key={`${file.name}-${index}`}>
                  <strong>{file.name}</strong> — {file.reason}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <button type="button" className="button button--quiet button--small" onClick={onDismiss}>
        Dismiss
      </button>
    </section>
  );
}
