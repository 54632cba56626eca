import { Icon } from '../components/Icon';

/** What the list says before any filing is started: what a filing is here, and where to begin. */
export function FilingsEmptyState() {
  return (
    <div className="empty-state" data-testid="filings-empty">
      <span className="empty-state__badge">
        <Icon name="filing" className="empty-state__icon" />
      </span>
      <h2 className="empty-state__title">No filings yet</h2>
      <p className="empty-state__text">
        Prepare a filing step by step: the case, the docket event, the parties, the PDFs, then review and sign. Choose{' '}
        <strong>New filing</strong> to start.
      </p>
      <p className="empty-state__hint">
        Every change is saved at once, so you can stop and come back, or export a draft for the attorney who signs it.
      </p>
    </div>
  );
}
