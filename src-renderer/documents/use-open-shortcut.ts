import { useEffect } from 'react';
import { describeCommandShortcut, isCommandShortcut } from '../shell/command-key';

/** How the open shortcut is written on this computer. */
export const openShortcutLabel = describeCommandShortcut('o');

/** Runs `onOpen` on Ctrl+O (Cmd+O on a Mac), the shortcut people know from Outlook, Word and Acrobat. */
export function useOpenShortcut(onOpen: () => void): void {
  useEffect(() => {
    const openOnShortcut = (event: KeyboardEvent): void => {
      if (!isCommandShortcut(event, 'o')) {
        return;
      }
      // The browser's own Open File would load the PDF in place of the app.
      event.preventDefault();
      onOpen();
    };
    window.addEventListener('keydown', openOnShortcut);
    return () => window.removeEventListener('keydown', openOnShortcut);
  }, [onOpen]);
}
