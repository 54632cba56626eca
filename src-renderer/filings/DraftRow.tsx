import type { Draft } from '../../src-main/shared/filing';
import type { SharedDraftView } from '../../src-main/shared/firm-server';
import { formatDateTime } from '../format/format-date-time';
import { canDelete, canRetry, canWithdraw, caseNumberOf, eventNameOf, standingOf } from './describe-draft';
import { DueChip } from './DueChip';
import { Chip, StatusChip, type ChipTone } from './StatusChip';

/** What a row does with its draft. */
export interface DraftRowActions {
  readonly onOpen: (draft: Draft) => void;
  readonly onExport: (draft: Draft) => void;
  readonly onDelete: (draft: Draft) => void;
  readonly onRetry: (draft: Draft) => void;
  readonly onWithdraw: (draft: Draft) => void;
  /** Shares the draft through the firm server; absent where no firm server is connected. */
  readonly onShare?: (draft: Draft) => void;
}

/** How a shared draft's copy here stands, in a chip: its words and colour. */
const sharedChips: Record<NonNullable<SharedDraftView['local']>['state'], { label: string; tone: ChipTone }> = {
  synced: { label: 'Shared', tone: 'review' },
  waiting: { label: 'Shared · waiting to send', tone: 'needs-verification' },
  conflict: { label: 'Shared · changed by someone else', tone: 'failed' },
  'filed-elsewhere': { label: 'Shared · filed from another desktop', tone: 'submitted' },
};

/** One draft or outbox item: case, event (with its step in a package), status, who prepared it, when it changed, and its actions. */
export function DraftRow({
  draft,
  actions,
  shared,
}: {
  readonly draft: Draft;
  readonly actions: DraftRowActions;
  /** The draft as shared through the firm server, or null when it is not. */
  readonly shared: SharedDraftView | null;
}) {
  const sharedChip = shared?.local ? sharedChips[shared.local.state] : null;
  const canShare = actions.onShare !== undefined && shared === null && draft.case !== null && draft.package === null;
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
          {sharedChip && (
            <Chip
              tone={sharedChip.tone}
              label={sharedChip.label}
              title={
                shared?.local?.message ??
                `The case team sees this draft on the firm server (version ${shared?.local?.version ?? '–'}).`
              }
              testId="shared-chip"
            />
          )}
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
        {canShare && (
          <button
            type="button"
            className="button button--quiet button--small"
            data-testid="share-draft"
            title="Put this draft on the firm server for its case team; changes made on any desktop are kept in step."
            onClick={() => actions.onShare?.(draft)}
          >
            Share<span className="visually-hidden"> {label} with the case team</span>
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
