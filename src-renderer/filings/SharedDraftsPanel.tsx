import type { SharedDraftView } from '../../src-main/shared/firm-server';
import { formatDateTime } from '../format/format-date-time';
import { useInBackground } from '../state/background';
import { useFilings, useSharedDrafts } from '../state/StoresProvider';
import './SharedDraftsPanel.css';

/** "version 3, changed by mchen on 12/7/2026 at 2:15 PM" */
function describeVersion(view: SharedDraftView): string {
  if (view.server === null) {
    return 'not on the firm server yet';
  }
  const when = formatDateTime(view.server.updatedAt);
  return `version ${view.server.version}, changed by ${view.server.updatedBy} on ${when.date} at ${when.time}`;
}

/**
 * The drafts of the user's cases shared through the firm server (docs/firm-server.md#shared-drafts), above the drafts:
 * the conflicts to resolve, said in full, and the shared drafts not on this desktop yet, each to open. Shown only where
 * a firm server is set up.
 */
export function SharedDraftsPanel() {
  const view = useSharedDrafts((state) => state.view);
  const busy = useSharedDrafts((state) => state.busy);
  const open = useSharedDrafts((state) => state.open);
  const takeFirmVersion = useSharedDrafts((state) => state.takeFirmVersion);
  const openDraft = useFilings((state) => state.openDraft);
  const inBackground = useInBackground();
  if (view === null || view.state === 'not-connected') {
    return null;
  }
  const conflicts = view.drafts.filter((draft) => draft.local?.state === 'conflict');
  const elsewhere = view.drafts.filter((draft) => draft.local === null);
  const openHere = async (id: string): Promise<void> => {
    if (await open(id)) {
      await openDraft(id);
    }
  };
  return (
    <section className="shared-drafts" data-testid="shared-drafts" aria-labelledby="shared-drafts-title">
      <h2 id="shared-drafts-title" className="shared-drafts__title">
        Shared with your case teams
      </h2>
      <p className="shared-drafts__status" data-testid="shared-drafts-status">
        {view.state === 'offline'
          ? 'The firm server cannot be reached now. Changes to shared drafts are saved here and sent when it can be.'
          : view.drafts.length === 0
            ? 'No shared drafts on your cases yet. Share a draft from its row and its case team can open it.'
            : `${view.drafts.length} shared ${view.drafts.length === 1 ? 'draft' : 'drafts'} on your cases; changes made here are sent as you make them.`}
      </p>
      {conflicts.map((draft) => (
        <div key={draft.id} className="shared-drafts__conflict" role="alert" data-testid="shared-conflict">
          <p>
            <strong>{draft.caseNumber}:</strong> {draft.local?.message} Your copy is kept on this desktop.
          </p>
          <button
            type="button"
            className="button button--small"
            data-testid="take-firm-version"
            disabled={busy.includes(draft.id)}
            onClick={() => inBackground("Taking the firm's version", takeFirmVersion(draft.id))}
          >
            Take the firm’s version, keep mine as a copy
          </button>
        </div>
      ))}
      {elsewhere.length > 0 && (
        <ul className="shared-drafts__list" aria-label="Shared drafts not on this desktop">
          {elsewhere.map((draft) => (
            <li key={draft.id} className="shared-drafts__item" data-testid="shared-draft" data-draft-id={draft.id}>
              <span className="shared-drafts__case">{draft.caseNumber}</span>
              <span className="shared-drafts__meta">{describeVersion(draft)}</span>
              <button
                type="button"
                className="button button--small"
                data-testid="open-shared-draft"
                disabled={busy.includes(draft.id)}
                onClick={() => inBackground('Opening the shared draft', openHere(draft.id))}
              >
                {busy.includes(draft.id) ? 'Opening…' : 'Open'}{' '}
                <span className="visually-hidden">the shared draft of {draft.caseNumber}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
