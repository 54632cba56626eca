import type { Draft } from '../../src-main/shared/filing';
import type { SharedDraftView } from '../../src-main/shared/firm-server';
import { DraftRow, type DraftRowActions } from './DraftRow';
import { groupDrafts } from './group-drafts';
import './DraftTable.css';

/** The drafts and outbox items; a Motion to Intervene package is shown as one group, its steps in filing order (FAQ 41). */
export function DraftTable({
  drafts,
  actions,
  shared = new Map(),
}: {
  readonly drafts: readonly Draft[];
  readonly actions: DraftRowActions;
  /** The drafts shared through the firm server, by id. */
  readonly shared?: ReadonlyMap<string, SharedDraftView>;
}) {
  return (
    <div className="draft-table">
      <table className="draft-table__table">
        <caption className="visually-hidden">Filings being prepared and in the outbox</caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Prepared by</th>
            <th scope="col">Updated</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        {groupDrafts(drafts).map((group) =>
          group.kind === 'single' ? (
            <tbody key={group.draft.id}>
              <DraftRow draft={group.draft} actions={actions} shared={shared.get(group.draft.id) ?? null} />
            </tbody>
          ) : (
            <tbody
              key={group.packageId}
              className="draft-table__package"
              data-testid="draft-package"
              data-package-id={group.packageId}
            >
              <tr>
                <th scope="colgroup" colSpan={6} className="draft-table__package-title">
                  Motion to Intervene package: {group.drafts.length} filings, each filed separately and in this order
                  (FAQ 41)
                </th>
              </tr>
              {group.drafts.map((draft) => (
                <DraftRow key={draft.id} draft={draft} actions={actions} shared={shared.get(draft.id) ?? null} />
              ))}
            </tbody>
          ),
        )}
      </table>
    </div>
  );
}
