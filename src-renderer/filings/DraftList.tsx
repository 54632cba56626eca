import { useEffect, useMemo, useRef, useState } from 'react';
import type { Draft } from '../../src-main/shared/filing';
import { useFilings, useSharedDrafts } from '../state/StoresProvider';
import { DeleteDraftDialog } from './DeleteDraftDialog';
import { exportFileName } from './describe-draft';
import { downloadFile } from './download-file';
import { DraftTable } from './DraftTable';
import { FileButton } from './FileButton';
import { FilingsEmptyState } from './FilingsEmptyState';
import { SharedDraftsPanel } from './SharedDraftsPanel';
import { useInBackground } from '../state/background';

/** The screen's home: start a filing or a package, import one, and the drafts and outbox items with their actions. */
export function DraftList() {
  const status = useFilings((state) => state.status);
  const drafts = useFilings((state) => state.drafts);
  const load = useFilings((state) => state.load);
  const create = useFilings((state) => state.create);
  const createInterventionPackage = useFilings((state) => state.createInterventionPackage);
  const openDraft = useFilings((state) => state.openDraft);
  const remove = useFilings((state) => state.remove);
  const exportDraft = useFilings((state) => state.exportDraft);
  const importDraft = useFilings((state) => state.importDraft);
  const retry = useFilings((state) => state.retry);
  const withdraw = useFilings((state) => state.withdraw);
  const [deleting, setDeleting] = useState<Draft | null>(null);
  const newFilingRef = useRef<HTMLButtonElement>(null);
  const inBackground = useInBackground();
  const connectShared = useSharedDrafts((state) => state.connect);
  const sharedView = useSharedDrafts((state) => state.view);
  const share = useSharedDrafts((state) => state.share);
  useEffect(() => connectShared(), [connectShared]);
  const shared = useMemo(
    () =>
      new Map((sharedView?.drafts ?? []).filter((view) => view.local !== null).map((view) => [view.id, view] as const)),
    [sharedView],
  );
  const canShare = sharedView?.state === 'connected';

  const exportOne = async (draft: Draft): Promise<void> => {
    const bytes = await exportDraft(draft.id);
    if (bytes) {
      downloadFile(bytes, exportFileName(draft));
    }
  };

  const confirmDelete = async (draft: Draft): Promise<void> => {
    await remove(draft.id);
    setDeleting(null);
  };

  const renderList = () => {
    if (drafts.length > 0) {
      return (
        <DraftTable
          drafts={drafts}
          actions={{
            onOpen: (draft) => inBackground('Opening the filing', openDraft(draft.id)),
            onExport: (draft) => inBackground('Exporting the filing', exportOne(draft)),
            onDelete: setDeleting,
            onRetry: (draft) => inBackground('Sending the filing again', retry(draft.id)),
            onWithdraw: (draft) => inBackground('Withdrawing the filing', withdraw(draft.id)),
            ...(canShare ? { onShare: (draft: Draft) => inBackground('Sharing the draft', share(draft.id)) } : {}),
          }}
          shared={shared}
        />
      );
    }
    if (status === 'loading') {
      return <p className="screen__status">Loading filings…</p>;
    }
    if (status === 'failed') {
      return (
        <div className="screen__status">
          <p>Your filings cannot be shown right now. The drafts are safe: ECF Desk saves every change.</p>
          <button type="button" className="button" onClick={() => inBackground('Loading the filings', load())}>
            Try again
          </button>
        </div>
      );
    }
    return <FilingsEmptyState />;
  };

  return (
    <>
      <div className="filings-screen__actions" role="group" aria-label="Start a filing">
        <button
          ref={newFilingRef}
          type="button"
          className="button button--primary"
          data-testid="new-filing"
          onClick={() => inBackground('Starting a filing', create())}
        >
          New filing
        </button>
        <button
          type="button"
          className="button"
          data-testid="intervention-package"
          title="Five filings in the order FAQ 41 asks for"
          onClick={() => inBackground('Starting the package', createInterventionPackage())}
        >
          Motion to Intervene package
        </button>
        <FileButton
          accept=".ecfdraft"
          testId="import-draft"
          onFiles={(files) => files.forEach((file) => inBackground('Importing the draft', importDraft(file)))}
        >
          Import draft…
        </FileButton>
      </div>
      <SharedDraftsPanel />
      {renderList()}
      {deleting && (
        <DeleteDraftDialog
          draft={deleting}
          fallbackFocus={newFilingRef}
          onConfirm={() => inBackground('Deleting the draft', confirmDelete(deleting))}
          onClose={() => setDeleting(null)}
        />
      )}
    </>
  );
}
