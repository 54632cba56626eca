import type { Draft } from '../../src-main/shared/filing';
import { formatDateTime } from '../format/format-date-time';
import { canDelete, canRetry, canWithdraw, caseNumberOf, eventNameOf, standingOf } from './describe-draft';
import { DueChip } from './DueChip';
import { StatusChip } from './StatusChip';

/** What a row does with its draft. */
export interface DraftRowActions {
  readonly onOpen: (draft: Draft) => void;
  readonly onExport: (draft: Draft) => void;
  readonly onDelete: (draft: Draft) => void;
  readonly onRetry: (draft: Draft) => void;
  readonly onWithdraw: (draft: Draft) => void;
}

/** One draft or outbox item: case, event (with its step in a package), status, who prepared it, when it changed, and its actions. */
export function DraftRow({ draft, actions }: { readonly draft: Draft; readonly actions: DraftRowActions }) {
  const updated = formatDateTime(draft.updatedAt);
  const event = eventNameOf(draft);
  const label = `${caseNumberOf(draft)}, ${event}`;
  return (
    <tr className="draft-row" data-testid="draft-row" data-draft-id={draft.id} data-state={standingOf(draft)}>
      <th scope="row" className="draft-row__case">
        {draft.case ? (
          <>
            <span>{draft.case.caseNumber}</span>
            <span className="draft-row__caption">{draft.case.caption}</span>
          </>
        ) : draft.newAction ? (
          <>
            <span>New action</span>
            <span className="draft-row__caption">{draft.newAction.caption.trim() || 'Caption not entered yet'}</span>
          </>
        ) : (
          <span className="draft-row__missing">No case chosen yet</span>
        )}
      </th>
      <td>
        {draft.package && (
          <span className="draft-row__step" data-testid="package-step">
            Step {draft.package.step} of {draft.package.of}
          </span>
        )}
        <span className={draft.eventId === null ? 'draft-row__missing' : undefined}>{event}</span>
      </td>
      <td>
        <span className="draft-row__chips">
          <StatusChip draft={draft} />
          {draft.due && standingOf(draft) !== 'filed' && <DueChip due={draft.due} />}
        </span>
      </td>
      <td>{draft.preparedBy || <span className="draft-row__missing">—</span>}</td>
      <td className="draft-row__updated">
        {updated.date}
        <span className="draft-row__time">{updated.time}</span>
      </td>
      <td className="draft-row__actions">
        <button
          type="button"
          className="button button--small"
          data-testid="open-draft"
          onClick={() => actions.onOpen(draft)}
        >
          Open<span className="visually-hidden"> {label}</span>
        </button>
        {canRetry(draft) && (
          <button
            type="button"
            className="button button--small"
            data-testid="retry-draft"
            onClick={() => actions.onRetry(draft)}
          >
            Retry<span className="visually-hidden"> {label}</span>
          </button>
        )}
        {canWithdraw(draft) && (
          <button
            type="button"
            className="button button--small"
            data-testid="withdraw-draft"
            onClick={() => actions.onWithdraw(draft)}
          >
            Withdraw<span className="visually-hidden"> {label}</span>
          </button>
        )}
        <button
          type="button"
          className="button button--quiet button--small"
          data-testid="export-draft"
          onClick={() => actions.onExport(draft)}
        >
          Export<span className="visually-hidden"> {label}</span>
        </button>
        {canDelete(draft) && (
          <button
            type="button"
            className="button button--quiet button--small"
            data-testid="delete-draft"
            onClick={() => actions.onDelete(draft)}
          >
            Delete<span className="visually-hidden"> {label}</span>
          </button>
        )}
      </td>
    </tr>
  );
}
