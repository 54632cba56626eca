import { Icon } from '../components/Icon';

/** What the screen says before any PDF is added: what to do, and that the original file may move later. */
export function EmptyState() {
  return (
    <div className="empty-state" data-testid="empty-state">
      <span className="empty-state__badge">
        <Icon name="upload" className="empty-state__icon" />
      </span>
      <h2 className="empty-state__title">No documents yet</h2>
      <p className="empty-state__text">
        Add the PDFs for your filing. Drag them here or choose <strong>Add PDFs…</strong>
      </p>
      <p className="empty-state__hint">
        ECF Desk keeps its own copy of each file, so moving or renaming the original later is fine.
      </p>
    </div>
  );
}
