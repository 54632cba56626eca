import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { DocumentRecord } from '../../src-main/shared/domain';
import { Icon } from '../components/Icon';
import { formatBytes } from '../format/format-bytes';
import { LiveRegion } from '../shell/LiveRegion';
import { sortDocuments } from '../state/sort-documents';
import { useDocuments } from '../state/StoresProvider';
import { AddProgressList } from './AddProgressList';
import { DocumentTable } from './DocumentTable';
import { DropOverlay } from './DropOverlay';
import { EmptyState } from './EmptyState';
import { findEarlierCopies } from './find-earlier-copies';
import { FindingsPanel } from './FindingsPanel';
import { UndoToast } from './UndoToast';
import { useFileDrop } from './use-file-drop';
import { useFocusAfterRemoval } from './use-focus-after-removal';
import { useShownDocuments } from './use-shown-documents';
import { openShortcutLabel, useOpenShortcut } from './use-open-shortcut';
import { useInBackground } from '../state/background';

/**
 * "3 documents, 1 of them a duplicate · 4.2 MB in all": what a paralegal checks against the court's limits at a
 * glance, and how many rows are a file added again.
 */
function summarize(documents: readonly DocumentRecord[], duplicates: number): string {
  const total = documents.reduce((sum, document) => sum + document.bytes, 0);
  const count = documents.length === 1 ? '1 document' : `${documents.length} documents`;
  const copies = duplicates === 0 ? '' : `, ${duplicates} of them ${duplicates === 1 ? 'a duplicate' : 'duplicates'}`;
  return `${count}${copies} · ${formatBytes(total)} in all`;
}

/** The Documents screen: add PDFs by button, shortcut or drag-and-drop, see their facts, remove with undo. */
export function DocumentsScreen() {
  const status = useDocuments((state) => state.status);
  const sort = useDocuments((state) => state.sort);
  const jobs = useDocuments((state) => state.jobs);
  const lastRemoved = useDocuments((state) => state.lastRemoved);
  const announcement = useDocuments((state) => state.announcement);
  const connect = useDocuments((state) => state.connect);
  const load = useDocuments((state) => state.load);
  const chooseAndAdd = useDocuments((state) => state.chooseAndAdd);
  const addFiles = useDocuments((state) => state.addFiles);
  const remove = useDocuments((state) => state.remove);
  const setSort = useDocuments((state) => state.setSort);
  const checkProgress = useDocuments((state) => state.checkProgress);
  const selectedId = useDocuments((state) => state.selectedId);
  const select = useDocuments((state) => state.select);
  const checkAgain = useDocuments((state) => state.checkAgain);
  const cancelCheck = useDocuments((state) => state.cancelCheck);
  const fix = useDocuments((state) => state.fix);
  const cancelFix = useDocuments((state) => state.cancelFix);
  const undoFix = useDocuments((state) => state.undoFix);
  const readContent = useDocuments((state) => state.readContent);
  const inBackground = useInBackground();

  useEffect(() => connect(), [connect]);

  const openPicker = useCallback(() => inBackground('Adding documents', chooseAndAdd()), [inBackground, chooseAndAdd]);
  useOpenShortcut(openPicker);
  const { isDraggingFiles, dropTargetHandlers } = useFileDrop((files) =>
    inBackground('Adding documents', addFiles(files)),
  );

  const shown = useShownDocuments();
  const sorted = useMemo(() => sortDocuments(shown, sort), [shown, sort]);
  const earlierCopies = useMemo(() => findEarlierCopies(sorted), [sorted]);
  const tableRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const focusAfterRemoval = useFocusAfterRemoval(tableRef, headingRef, sorted.length);
  const panelRef = useRef<HTMLElement>(null);
  // A removed document leaves the panel empty rather than showing findings for something no longer in the list.
  const selected = sorted.find((document) => document.id === selectedId) ?? null;

  const selectDocument = (document: DocumentRecord): void => {
    select(document.id);
    // The panel sits under the list; bring it into view without taking focus from the row.
    panelRef.current?.scrollIntoView?.({ block: 'nearest' });
  };

  const removeDocument = async (document: DocumentRecord, index: number): Promise<void> => {
    focusAfterRemoval(index);
    if (!(await remove(document.id))) {
      focusAfterRemoval(null);
    }
  };

  const renderList = () => {
    if (sorted.length > 0) {
      return (
        <>
          <DocumentTable
            documents={sorted}
            earlierCopies={earlierCopies}
            sort={sort}
            checkProgress={checkProgress}
            selectedId={selected?.id ?? null}
            onSort={(next) => inBackground('Sorting the documents', setSort(next))}
            onSelect={selectDocument}
            onRemove={(document, index) => inBackground('Removing the document', removeDocument(document, index))}
            onCheckAgain={(document) => inBackground('Checking the document', checkAgain(document.id))}
            onCancelCheck={(document) => inBackground('Stopping the check', cancelCheck(document.id))}
            containerRef={tableRef}
          />
          <FindingsPanel
            ref={panelRef}
            document={selected}
            progress={selected ? checkProgress[selected.id] : undefined}
            onCheckAgain={() => selected && inBackground('Checking the document', checkAgain(selected.id))}
            onCancelCheck={() => selected && inBackground('Stopping the check', cancelCheck(selected.id))}
            onFix={(chosen, dropAnnotations) =>
              selected && inBackground('Fixing the document', fix(selected.id, chosen, dropAnnotations))
            }
            onCancelFix={() => selected && inBackground('Stopping the fix', cancelFix(selected.id))}
            onUndoFix={() => selected && inBackground('Undoing the fix', undoFix(selected.id))}
            readContent={readContent}
          />
        </>
      );
    }
    if (status === 'loading') {
      return <p className="screen__status">Loading documents…</p>;
    }
    if (status === 'failed') {
      return (
        <div className="screen__status">
          <p>Your documents cannot be shown right now. The files are safe: ECF Desk keeps its own copies.</p>
          <button type="button" className="button" onClick={() => inBackground('Loading the documents', load())}>
            Try again
          </button>
        </div>
      );
    }
    // While the first files are on their way, their progress rows already say what is happening.
    return jobs.length > 0 ? null : <EmptyState />;
  };

  return (
    <section className="screen" data-testid="drop-zone" aria-labelledby="documents-heading" {...dropTargetHandlers}>
      <div className="screen__toolbar">
        <div className="screen__heading">
          {/* Focus lands here when the last document is removed: a heading, not another button to press by mistake. */}
          <h1 ref={headingRef} id="documents-heading" className="screen__title" tabIndex={-1}>
            Documents
          </h1>
          {/* The list is every document added, whichever filing it is for: say so, so nobody takes it for one filing's. */}
          <p className="screen__summary" data-testid="documents-scope">
            Every PDF added to ECF Desk, for any filing. A filing uses the ones attached to it.
          </p>
          {sorted.length > 0 && <p className="screen__summary">{summarize(sorted, earlierCopies.size)}</p>}
        </div>
        <button
          ref={addButtonRef}
          type="button"
          className="button button--primary"
          data-testid="add-pdfs"
          aria-keyshortcuts="Control+O Meta+O"
          title={`Add PDFs (${openShortcutLabel})`}
          onClick={openPicker}
        >
          <Icon name="upload" />
          Add PDFs…
        </button>
      </div>
      <AddProgressList jobs={jobs} />
      {renderList()}
      {isDraggingFiles && <DropOverlay />}
      {lastRemoved && <UndoToast key={lastRemoved.id} removed={lastRemoved} focusAfterward={addButtonRef} />}
      <LiveRegion message={announcement} />
    </section>
  );
}
