import type { ReactNode } from 'react';
import './FileButton.css';

/** What a file button needs: what it accepts, and what choosing files does. */
export interface FileButtonProps {
  readonly accept: string;
  readonly multiple?: boolean;
  readonly testId: string;
  readonly isPrimary?: boolean;
  readonly onFiles: (files: File[]) => void;
  readonly children: ReactNode;
}

/**
 * A button that opens the file picker: a label around a real file input, so it works by click, by keyboard (the input
 * takes focus) and for automation that sets the input's files. The input is emptied after each choice, so the same file can be chosen again.
 */
export function FileButton({
  accept,
  multiple = false,
  testId,
  isPrimary = false,
  onFiles,
  children,
}: FileButtonProps) {
  return (
    <label className={`button file-button${isPrimary ? ' button--primary' : ''}`} data-testid={testId}>
      <input
        type="file"
        className="file-button__input"
        accept={accept}
        multiple={multiple}
        data-testid={`${testId}-input`}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          if (files.length > 0) {
            onFiles(files);
          }
        }}
      />
      {children}
    </label>
  );
}
