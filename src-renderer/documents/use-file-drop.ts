import { useEffect, useRef, useState, type DragEvent as ReactDragEvent } from 'react';

/** Whether a drag carries files from the desktop (not text or a link dragged from the page). */
function carriesFiles(transfer: DataTransfer | null): boolean {
  return transfer !== null && Array.from(transfer.types).includes('Files');
}

/** The handlers a drop target spreads onto its element. */
export interface DropTargetHandlers {
  onDragEnter(event: ReactDragEvent): void;
  onDragOver(event: ReactDragEvent): void;
  onDragLeave(event: ReactDragEvent): void;
  onDrop(event: ReactDragEvent): void;
}

/** Makes an element accept files dropped from the desktop; tells whether files are being dragged over it. */
export function useFileDrop(onFiles: (files: File[]) => void): {
  readonly isDraggingFiles: boolean;
  readonly dropTargetHandlers: DropTargetHandlers;
} {
  const [isDraggingFiles, setDraggingFiles] = useState(false);
  // Entering a child fires dragenter before the parent's dragleave, so count to know when the pointer truly left.
  const depth = useRef(0);

  useEffect(() => {
    // A file dropped beside the target would make the window open the PDF in place of the app.
    const refuseStrayDrop = (event: DragEvent): void => {
      if (!carriesFiles(event.dataTransfer)) {
        return;
      }
      event.preventDefault();
      if (event.dataTransfer) {
        event.dataTransfer.dropEffect = 'none';
      }
    };
    window.addEventListener('dragover', refuseStrayDrop);
    window.addEventListener('drop', refuseStrayDrop);
    return () => {
      window.removeEventListener('dragover', refuseStrayDrop);
      window.removeEventListener('drop', refuseStrayDrop);
    };
  }, []);

  const dropTargetHandlers: DropTargetHandlers = {
    onDragEnter(event) {
      if (!carriesFiles(event.dataTransfer)) {
        return;
      }
      event.preventDefault();
      depth.current += 1;
      setDraggingFiles(true);
    },
    onDragOver(event) {
      if (!carriesFiles(event.dataTransfer)) {
        return;
      }
      // Stops the window-level refusal above, which would otherwise set the effect back to none.
      event.preventDefault();
      event.stopPropagation();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave(event) {
      if (!carriesFiles(event.dataTransfer)) {
        return;
      }
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) {
        setDraggingFiles(false);
      }
    },
    onDrop(event) {
      if (!carriesFiles(event.dataTransfer)) {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      depth.current = 0;
      setDraggingFiles(false);
      const files = Array.from(event.dataTransfer.files);
      if (files.length > 0) {
        onFiles(files);
      }
    },
  };
  return { isDraggingFiles, dropTargetHandlers };
}
